/* atlas-import.h
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

#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_IMPORT_ERROR (atlas_import_error_quark ())
#define ATLAS_TYPE_IMPORT_ROW (atlas_import_row_get_type ())
#define ATLAS_TYPE_IMPORT_PLAN (atlas_import_plan_get_type ())

/* The largest text field an import accepts, in bytes. */
#define ATLAS_IMPORT_MAX_FIELD (64 * 1024)

typedef enum
{
  ATLAS_IMPORT_ERROR_REJECTED,
  ATLAS_IMPORT_ERROR_CANCELLED,
  ATLAS_IMPORT_ERROR_FAILED,
} AtlasImportError;

typedef enum
{
  ATLAS_IMPORT_ACTION_ADD,
  ATLAS_IMPORT_ACTION_CHANGE,
  ATLAS_IMPORT_ACTION_UNCHANGED,
  ATLAS_IMPORT_ACTION_REJECT,
} AtlasImportAction;

G_DECLARE_FINAL_TYPE (AtlasImportRow, atlas_import_row, ATLAS, IMPORT_ROW, GObject)
G_DECLARE_FINAL_TYPE (AtlasImportPlan, atlas_import_plan, ATLAS, IMPORT_PLAN, GObject)

/* Called now and then while an import is written; return FALSE to cancel. */
typedef gboolean (*AtlasImportProgress) (guint    done,
                                         guint    total,
                                         gpointer user_data);

GQuark             atlas_import_error_quark      (void);

AtlasImportAction  atlas_import_row_get_action   (AtlasImportRow  *self);
const char        *atlas_import_row_get_table    (AtlasImportRow  *self);
const char        *atlas_import_row_get_id       (AtlasImportRow  *self);
const char        *atlas_import_row_get_file     (AtlasImportRow  *self);
guint              atlas_import_row_get_line     (AtlasImportRow  *self);
const char        *atlas_import_row_get_column   (AtlasImportRow  *self);
const char        *atlas_import_row_get_message  (AtlasImportRow  *self);
char              *atlas_import_row_dup_location (AtlasImportRow  *self);

AtlasImportPlan   *atlas_import_plan_new         (AtlasStore      *store);
void               atlas_import_plan_add_csv     (AtlasImportPlan *self,
                                                  const char      *filename,
                                                  const char      *data,
                                                  gsize            length);
void               atlas_import_plan_add_json    (AtlasImportPlan *self,
                                                  const char      *filename,
                                                  const char      *data,
                                                  gsize            length);
void               atlas_import_plan_add_package (AtlasImportPlan *self,
                                                  const char      *filename,
                                                  GBytes          *bytes);
gboolean           atlas_import_plan_add_file    (AtlasImportPlan *self,
                                                  GFile           *file,
                                                  GCancellable    *cancellable,
                                                  GError         **error);
void               atlas_import_plan_validate    (AtlasImportPlan *self);
GListModel        *atlas_import_plan_get_rows    (AtlasImportPlan *self);
guint              atlas_import_plan_count       (AtlasImportPlan *self,
                                                  AtlasImportAction action);
gboolean           atlas_import_plan_can_apply   (AtlasImportPlan *self);
char              *atlas_import_plan_dup_summary (AtlasImportPlan *self);
gboolean           atlas_import_plan_apply       (AtlasImportPlan *self,
                                                  AtlasImportProgress progress,
                                                  gpointer         user_data,
                                                  GError         **error);

G_END_DECLS
