/* atlas-export-dialog.h
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

#include "atlas-csv-export.h"
#include "atlas-session.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_EXPORT_DIALOG (atlas_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AtlasExportDialog, atlas_export_dialog, ATLAS, EXPORT_DIALOG, AdwWindow)

typedef enum
{
  ATLAS_EXPORT_CSV,
  ATLAS_EXPORT_CSV_SPREADSHEET,
  ATLAS_EXPORT_JSON,
  ATLAS_EXPORT_PACKAGE,
} AtlasExportFormat;

AtlasExportDialog *atlas_export_dialog_new     (GtkWindow         *parent,
                                                AtlasSession      *session);
void               atlas_export_dialog_export  (AtlasExportDialog *self,
                                                AtlasExportFormat  format,
                                                GFile             *target);
const char        *atlas_export_dialog_get_page (AtlasExportDialog *self);
void               atlas_export_dialog_open    (GtkWindow         *parent,
                                                AtlasSession      *session);

G_END_DECLS
