/* atlas-csv-export.h
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

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "atlas-store.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_CSV_EXPORT_NONE     = 0,
  ATLAS_CSV_EXPORT_BOM      = 1 << 0,   /* a UTF-8 byte order mark, for spreadsheets */
  ATLAS_CSV_EXPORT_FORMULAS = 1 << 1,   /* text that a spreadsheet would run is quoted with ' */
} AtlasCsvExportFlags;

/* What "CSV for spreadsheets" writes. */
#define ATLAS_CSV_EXPORT_SPREADSHEET (ATLAS_CSV_EXPORT_BOM | ATLAS_CSV_EXPORT_FORMULAS)

/* Which records an export holds: the ids of the sites and of the events
 * shown (NULL: all of them).  What they refer to comes along: their parties,
 * citations, sources, and the statistics and series about them.
 */
typedef struct _AtlasExportSelection AtlasExportSelection;

AtlasExportSelection *atlas_export_selection_new       (void);
void                  atlas_export_selection_free      (AtlasExportSelection *self);
void                  atlas_export_selection_add_site  (AtlasExportSelection *self,
                                                        const char           *id);
void                  atlas_export_selection_add_event (AtlasExportSelection *self,
                                                        const char           *id);

const char * const   *atlas_csv_export_get_files       (void);
gboolean              atlas_csv_export                 (AtlasStore           *store,
                                                        GFile                *folder,
                                                        AtlasExportSelection *selection,
                                                        AtlasCsvExportFlags   flags,
                                                        GError              **error);
gboolean              atlas_json_export_selection      (AtlasStore           *store,
                                                        GFile                *file,
                                                        AtlasExportSelection *selection,
                                                        GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasExportSelection, atlas_export_selection_free)

G_END_DECLS
