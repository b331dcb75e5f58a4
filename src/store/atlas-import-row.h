/* atlas-import-row.h
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

#include <glib-object.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_IMPORT_ROW (atlas_import_row_get_type ())

typedef enum
{
  ATLAS_IMPORT_ACTION_ADD,
  ATLAS_IMPORT_ACTION_CHANGE,
  ATLAS_IMPORT_ACTION_UNCHANGED,
  ATLAS_IMPORT_ACTION_REJECT,
} AtlasImportAction;

G_DECLARE_FINAL_TYPE (AtlasImportRow, atlas_import_row, ATLAS, IMPORT_ROW, GObject)

AtlasImportAction  atlas_import_row_get_action         (AtlasImportRow *self);
const char        *atlas_import_row_get_table          (AtlasImportRow *self);
const char        *atlas_import_row_get_id             (AtlasImportRow *self);
const char        *atlas_import_row_get_about          (AtlasImportRow *self);
const char        *atlas_import_row_get_name_zh        (AtlasImportRow *self);
const char        *atlas_import_row_get_name_en        (AtlasImportRow *self);
const char        *atlas_import_row_get_file           (AtlasImportRow *self);
guint              atlas_import_row_get_line           (AtlasImportRow *self);
const char        *atlas_import_row_get_column         (AtlasImportRow *self);
const char        *atlas_import_row_get_message        (AtlasImportRow *self);
guint              atlas_import_row_get_n_problems     (AtlasImportRow *self);
const char        *atlas_import_row_get_problem        (AtlasImportRow *self,
                                                        guint           index,
                                                        const char    **column);
char              *atlas_import_row_dup_location       (AtlasImportRow *self);
char              *atlas_import_row_dup_problem_location (AtlasImportRow *self,
                                                          guint           index);
const char        *atlas_import_action_to_label        (AtlasImportAction action);
const char        *atlas_import_table_to_label         (const char     *table);

G_END_DECLS
