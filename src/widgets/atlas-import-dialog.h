/* atlas-import-dialog.c
 *
 * Copyright 2026 The Chongqing Science Atlas authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "atlas-export-dialog.h"
#include "atlas-import.h"
#include "atlas-session.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_IMPORT_DIALOG (atlas_import_dialog_get_type ())

/* The action a window offers to show the records an import wrote; its
 * parameter is the list of "entity:id" keys (atlas_store_search_key()).
 */
#define ATLAS_IMPORT_DIALOG_SHOW_ACTION "show-imported"

G_DECLARE_FINAL_TYPE (AtlasImportDialog, atlas_import_dialog, ATLAS, IMPORT_DIALOG, AdwWindow)

AtlasImportDialog *atlas_import_dialog_new      (GtkWindow         *parent,
                                                 AtlasSession      *session);
void               atlas_import_dialog_load     (AtlasImportDialog *self,
                                                 GListModel        *files);
AtlasImportPlan   *atlas_import_dialog_get_plan (AtlasImportDialog *self);
const char        *atlas_import_dialog_get_page (AtlasImportDialog *self);

void atlas_import_dialog_open    (GtkWindow    *parent,
                                  AtlasSession *session);
AtlasImportDialog *atlas_import_dialog_preview (GtkWindow    *parent,
                                                AtlasSession *session,
                                                GListModel   *files);
void atlas_reset_dialog_open     (GtkWindow    *parent,
                                  AtlasSession *session);

G_END_DECLS
