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

#include "atlas-input.h"
#include "atlas-import-row.h"
#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_IMPORT_ERROR (atlas_import_error_quark ())
#define ATLAS_TYPE_IMPORT_PLAN (atlas_import_plan_get_type ())

/* The largest text field an import accepts, in bytes (see atlas-input.h). */
#define ATLAS_IMPORT_MAX_FIELD ATLAS_INPUT_MAX_FIELD

typedef enum
{
  ATLAS_IMPORT_ERROR_REJECTED,
  ATLAS_IMPORT_ERROR_CANCELLED,
  ATLAS_IMPORT_ERROR_FAILED,
  ATLAS_IMPORT_ERROR_READ_ONLY,
} AtlasImportError;

typedef enum
{
  ATLAS_IMPORT_PHASE_READING,
  ATLAS_IMPORT_PHASE_CHECKING,
  ATLAS_IMPORT_PHASE_WRITING,
} AtlasImportPhase;

G_DECLARE_FINAL_TYPE (AtlasImportPlan, atlas_import_plan, ATLAS, IMPORT_PLAN, GObject)

/* Called now and then while an import is written; return FALSE to cancel. */
typedef gboolean (*AtlasImportProgress) (guint    done,
                                         guint    total,
                                         gpointer user_data);

GQuark             atlas_import_error_quark      (void);

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
char              *atlas_import_plan_dup_report  (AtlasImportPlan *self);
GStrv              atlas_import_plan_dup_keys    (AtlasImportPlan *self);
gboolean           atlas_import_plan_check_writable (AtlasImportPlan *self,
                                                     GError         **error);
gboolean           atlas_import_plan_apply       (AtlasImportPlan *self,
                                                  AtlasImportProgress progress,
                                                  gpointer         user_data,
                                                  GError         **error);

void               atlas_import_plan_load_async  (AtlasImportPlan     *self,
                                                  GListModel          *files,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean           atlas_import_plan_load_finish (AtlasImportPlan     *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
void               atlas_import_plan_apply_async (AtlasImportPlan     *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean           atlas_import_plan_apply_finish (AtlasImportPlan    *self,
                                                   GAsyncResult       *result,
                                                   GError            **error);

void               atlas_import_benchmark        (void);

G_END_DECLS
