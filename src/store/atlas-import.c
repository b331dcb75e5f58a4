/* atlas-import.c
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

#define G_LOG_DOMAIN "atlas-import"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-import-private.h"

/* Import of records into the user's database.
 *
 * An import is planned before anything is written: every input (CSV files
 * of one table each, the JSON of atlas_export_json(), or a .cqatlas package)
 * is read into records, each record is checked (types, closed vocabularies,
 * references, a source for every cited record, a point inside Chongqing,
 * duplicates by id and by name) and classified as added, changed, unchanged
 * or rejected, with the file, line and column of every problem.  Only a plan
 * without rejections can be applied, and it is applied in one transaction:
 * either all of it is in the user's database, or nothing.
 *
 * The plan is the report: a GListModel of AtlasImportRow.  The window loads
 * and applies it with the _async functions, which read, check and write in
 * a worker thread on a connection of their own (the main loop keeps drawing
 * through 100,000 rows) and report progress through the "progress" signal;
 * tests, fuzzers and the command line use the synchronous ones.  The files:
 * atlas-import-tables.c (what may be imported), -work.c (what the steps
 * share), -read.c, -validate.c, -apply.c, -row.c (a line of the report),
 * -benchmark.c.
 */

struct _AtlasImportPlan
{
  GObject     parent_instance;

  AtlasStore *store;
  ImportWork *work;           /* what the synchronous API adds to and checks */
  RowSet     *rows;           /* the report published */
  gboolean    busy;           /* a worker owns self->work */
  gboolean    applied;        /* written: the report says what was */
};

enum {
  PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasImportPlan, atlas_import_plan, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportWork, _atlas_import_work_free)

/* ---- AtlasImportPlan -------------------------------------------------- */

static GType
atlas_import_plan_get_item_type (GListModel *model)
{
  return ATLAS_TYPE_IMPORT_ROW;
}

static guint
atlas_import_plan_get_n_items (GListModel *model)
{
  return _atlas_row_set_get_n_rows (ATLAS_IMPORT_PLAN (model)->rows);
}

static gpointer
atlas_import_plan_get_item (GListModel *model,
                            guint       position)
{
  AtlasImportPlan *self = ATLAS_IMPORT_PLAN (model);

  if (position >= _atlas_row_set_get_n_rows (self->rows))
    return NULL;
  return _atlas_import_row_new (self->rows, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = atlas_import_plan_get_item_type;
  iface->get_n_items = atlas_import_plan_get_n_items;
  iface->get_item = atlas_import_plan_get_item;
}

static void
free_work_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  /* Freed here, in the worker: a task's data would be freed where the
   * task ends, on the main loop.
   */
  _atlas_import_work_free (task_data);
  g_task_return_boolean (task, TRUE);
}

/* 200,000 records take a good part of a second to free: not on the main
 * loop when a dialog closes.
 */
static void
free_work (ImportWork *work)
{
  g_autoptr(GTask) task = NULL;

  if (work == NULL)
    return;
  if (work->records->len < 10000)
    {
      _atlas_import_work_free (work);
      return;
    }
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, work, NULL);
  g_task_run_in_thread (task, free_work_thread);
}

static void
atlas_import_plan_finalize (GObject *object)
{
  AtlasImportPlan *self = (AtlasImportPlan *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->work, free_work);
  g_clear_pointer (&self->rows, _atlas_row_set_unref);

  G_OBJECT_CLASS (atlas_import_plan_parent_class)->finalize (object);
}

static void
atlas_import_plan_class_init (AtlasImportPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_import_plan_finalize;

  /**
   * AtlasImportPlan::progress:
   * @phase: an #AtlasImportPhase
   * @done: how much of the phase is done
   * @total: how much there is
   *
   * Emitted in the main context while an _async operation works.
   */
  signals[PROGRESS] =
    g_signal_new ("progress",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_UINT, G_TYPE_UINT);
}

static void
atlas_import_plan_init (AtlasImportPlan *self)
{
  self->rows = _atlas_row_set_new ();
}

AtlasImportPlan *
atlas_import_plan_new (AtlasStore *store)
{
  AtlasImportPlan *self;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  self = g_object_new (ATLAS_TYPE_IMPORT_PLAN, NULL);
  self->store = g_object_ref (store);
  self->work = _atlas_import_work_new (store);
  return self;
}

/* Shows @rows in place of the report: one items-changed, whatever the size. */
static void
publish (AtlasImportPlan *self,
         RowSet          *rows)
{
  g_autoptr(RowSet) old = self->rows;

  self->rows = rows;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, _atlas_row_set_get_n_rows (old),
                              _atlas_row_set_get_n_rows (rows));
}

void
atlas_import_plan_add_csv (AtlasImportPlan *self,
                           const char      *filename,
                           const char      *data,
                           gsize            length)
{
  g_return_if_fail (ATLAS_IS_IMPORT_PLAN (self));
  g_return_if_fail (filename != NULL);
  g_return_if_fail (!self->busy);

  _atlas_import_read_csv (self->work, filename, data, length);
  self->work->validated = FALSE;
}

void
atlas_import_plan_add_json (AtlasImportPlan *self,
                            const char      *filename,
                            const char      *data,
                            gsize            length)
{
  g_return_if_fail (ATLAS_IS_IMPORT_PLAN (self));
  g_return_if_fail (filename != NULL);
  g_return_if_fail (!self->busy);

  _atlas_import_read_json (self->work, filename, data, length);
  self->work->validated = FALSE;
}

void
atlas_import_plan_add_package (AtlasImportPlan *self,
                               const char      *filename,
                               GBytes          *bytes)
{
  g_return_if_fail (ATLAS_IS_IMPORT_PLAN (self));
  g_return_if_fail (filename != NULL);
  g_return_if_fail (!self->busy);

  _atlas_import_read_package (self->work, filename, bytes);
  self->work->validated = FALSE;
}

/**
 * atlas_import_plan_add_file:
 *
 * Reads @file (.csv, .json or .cqatlas) into the plan.  Problems with its
 * content are rows of the plan; @error is only for a file that cannot be
 * read, or that is not a regular file of at most ATLAS_INPUT_MAX_FILE_SIZE.
 */
gboolean
atlas_import_plan_add_file (AtlasImportPlan  *self,
                            GFile            *file,
                            GCancellable     *cancellable,
                            GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (!self->busy, FALSE);

  bytes = atlas_input_load_file (file, ATLAS_INPUT_MAX_FILE_SIZE, cancellable, error);
  if (bytes == NULL)
    return FALSE;

  name = g_file_get_basename (file);
  _atlas_import_read_bytes (self->work, name, bytes);
  self->work->validated = FALSE;
  return TRUE;
}

/**
 * atlas_import_plan_validate:
 *
 * Checks every record read so far and classifies it; fills the rows.
 */
void
atlas_import_plan_validate (AtlasImportPlan *self)
{
  g_return_if_fail (ATLAS_IS_IMPORT_PLAN (self));
  g_return_if_fail (!self->busy);

  _atlas_import_validate (self->work, NULL);
  self->applied = FALSE;
  publish (self, _atlas_import_build_rows (self->work));
}

/* A plan that was written keeps its report: what it added and changed. */
static void
ensure_validated (AtlasImportPlan *self)
{
  if (!self->busy && !self->applied && !self->work->validated)
    atlas_import_plan_validate (self);
}

/**
 * atlas_import_plan_get_rows:
 *
 * Returns: (transfer none): the #AtlasImportRow of each record and problem
 *   (the plan itself)
 */
GListModel *
atlas_import_plan_get_rows (AtlasImportPlan *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), NULL);

  ensure_validated (self);
  return G_LIST_MODEL (self);
}

guint
atlas_import_plan_count (AtlasImportPlan   *self,
                         AtlasImportAction  action)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), 0);
  g_return_val_if_fail (action <= ATLAS_IMPORT_ACTION_REJECT, 0);

  ensure_validated (self);
  return _atlas_row_set_get_counts (self->rows)[action];
}

gboolean
atlas_import_plan_can_apply (AtlasImportPlan *self)
{
  return atlas_import_plan_count (self, ATLAS_IMPORT_ACTION_REJECT) == 0
         && (atlas_import_plan_count (self, ATLAS_IMPORT_ACTION_ADD) > 0
             || atlas_import_plan_count (self, ATLAS_IMPORT_ACTION_CHANGE) > 0);
}

/**
 * atlas_import_plan_dup_summary:
 *
 * Returns: (transfer full): "3 records to add, 1 to change, …" in words
 */
char *
atlas_import_plan_dup_summary (AtlasImportPlan *self)
{
  guint added = atlas_import_plan_count (self, ATLAS_IMPORT_ACTION_ADD);
  guint changed = atlas_import_plan_count (self, ATLAS_IMPORT_ACTION_CHANGE);
  guint same = atlas_import_plan_count (self, ATLAS_IMPORT_ACTION_UNCHANGED);
  guint rejected = atlas_import_plan_count (self, ATLAS_IMPORT_ACTION_REJECT);
  g_autofree char *a = g_strdup_printf (g_dngettext (NULL, "%u record to add", "%u records to add", added), added);
  g_autofree char *c = g_strdup_printf (g_dngettext (NULL, "%u to change", "%u to change", changed), changed);
  g_autofree char *s = g_strdup_printf (g_dngettext (NULL, "%u already there", "%u already there", same), same);
  g_autofree char *r = g_strdup_printf (g_dngettext (NULL, "%u rejected", "%u rejected", rejected), rejected);

  /* Translators: the four parts of an import's summary */
  return g_strdup_printf (_("%s, %s, %s, %s"), a, c, s, r);
}

static void
append_row (GString        *out,
            AtlasImportRow *row)
{
  const char *table = atlas_import_row_get_table (row);
  const char *zh = atlas_import_row_get_name_zh (row);
  const char *en = atlas_import_row_get_name_en (row);
  g_autoptr(GString) what = g_string_new (atlas_import_action_to_label (atlas_import_row_get_action (row)));
  guint n = atlas_import_row_get_n_problems (row);

  if (table != NULL)
    {
      g_string_append_printf (what, " · %s", atlas_import_table_to_label (table));
      if (atlas_import_row_get_about (row) != NULL)
        g_string_append_printf (what, " · %s", atlas_import_table_to_label (atlas_import_row_get_about (row)));
      g_string_append_printf (what, " %s", atlas_import_row_get_id (row) ? atlas_import_row_get_id (row) : "");
      if (zh != NULL && en != NULL && g_strcmp0 (zh, en) != 0)
        g_string_append_printf (what, " “%s / %s”", zh, en);
      else if (zh != NULL || en != NULL)
        g_string_append_printf (what, " “%s”", zh ? zh : en);
    }

  if (n == 0)
    {
      g_autofree char *location = atlas_import_row_dup_location (row);
      const char *message = atlas_import_row_get_message (row);

      g_string_append_printf (out, "%s: %s%s%s\n", location, what->str,
                              message ? ": " : "", message ? message : "");
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *location = atlas_import_row_dup_problem_location (row, i);

      g_string_append_printf (out, "%s: %s: %s\n", location, what->str,
                              atlas_import_row_get_problem (row, i, NULL));
    }
}

/**
 * atlas_import_plan_dup_report:
 *
 * The report the preview shows, as text: the summary, then one line per
 * record and per problem, each starting with "file:line[:column]".
 *
 * Returns: (transfer full): the report
 */
char *
atlas_import_plan_dup_report (AtlasImportPlan *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *summary = NULL;

  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), NULL);

  summary = atlas_import_plan_dup_summary (self);
  g_string_append_printf (out, "%s\n", summary);
  for (guint i = 0; i < _atlas_row_set_get_n_rows (self->rows); i++)
    {
      g_autoptr(AtlasImportRow) row = _atlas_import_row_new (self->rows, i);
      append_row (out, row);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * atlas_import_plan_dup_keys:
 *
 * Returns: (transfer full): the keys (as atlas_store_search_key() makes
 *   them) of the sites, events, statistics, series, parties and sources the
 *   plan adds or changes, so the window can show them
 */
GStrv
atlas_import_plan_dup_keys (AtlasImportPlan *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), NULL);

  for (guint i = 0; i < _atlas_row_set_get_n_rows (self->rows); i++)
    {
      g_autoptr(AtlasImportRow) row = _atlas_import_row_new (self->rows, i);
      AtlasImportAction action = atlas_import_row_get_action (row);
      const char *table = atlas_import_row_get_table (row);
      const TableSpec *spec = _atlas_import_find_table (table);

      if ((action == ATLAS_IMPORT_ACTION_ADD || action == ATLAS_IMPORT_ACTION_CHANGE)
          && spec != NULL && spec->n_keys == 1)
        {
          g_autofree char *key = atlas_store_search_key (table, atlas_import_row_get_id (row));
          g_strv_builder_add (builder, key);
        }
    }
  return g_strv_builder_end (builder);
}

/**
 * atlas_import_plan_check_writable:
 *
 * Returns: %FALSE, with @error set, when the user's database could not be
 *   opened for writing (the store then works on an empty stand-in that is
 *   lost at exit, so an import must not pretend to succeed)
 */
gboolean
atlas_import_plan_check_writable (AtlasImportPlan  *self,
                                  GError          **error)
{
  const GError *problem;

  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), FALSE);

  if (atlas_store_is_user_writable (self->store))
    return TRUE;
  problem = atlas_store_get_user_problem (self->store);
  g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_READ_ONLY,
               _("Nothing can be imported: your own data could not be opened for writing (%s)"),
               problem != NULL ? problem->message : "?");
  return FALSE;
}

static gboolean
check_not_applied (AtlasImportPlan  *self,
                   GError          **error)
{
  if (!self->applied)
    return TRUE;
  g_set_error_literal (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_FAILED,
                       _("This import has been written already"));
  return FALSE;
}

/**
 * atlas_import_plan_apply:
 * @progress: (nullable): called every few records; returning %FALSE cancels
 *
 * Writes the plan into the user's database in one transaction.  A plan with
 * rejections is refused; on any failure nothing is written.
 */
gboolean
atlas_import_plan_apply (AtlasImportPlan      *self,
                         AtlasImportProgress   progress,
                         gpointer              user_data,
                         GError              **error)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), FALSE);
  g_return_val_if_fail (!self->busy, FALSE);

  if (!atlas_import_plan_check_writable (self, error) || !check_not_applied (self, error))
    return FALSE;
  ensure_validated (self);
  if (!_atlas_import_apply (self->work, NULL, progress, user_data, error))
    return FALSE;
  self->applied = TRUE;
  return TRUE;
}

/* ---- in a worker thread ------------------------------------------------ */

typedef struct
{
  AtlasImportPlan *plan;
  AtlasImportPhase phase;
  guint            done;
  guint            total;
} ProgressMessage;

static void
progress_message_free (ProgressMessage *message)
{
  g_object_unref (message->plan);
  g_free (message);
}

static gboolean
emit_progress (gpointer data)
{
  ProgressMessage *message = data;

  g_signal_emit (message->plan, signals[PROGRESS], 0, message->phase, message->done, message->total);
  return G_SOURCE_REMOVE;
}

typedef struct
{
  AtlasImportPlan *plan;
  GMainContext    *context;
  GBytes          *dataset;
  char            *user_path;
  GPtrArray       *files;        /* GFile, for a load */
  ImportWork      *work;
  RowSet          *rows;         /* the report a load made */
  gint64           last_report;
  gint             last_phase;
} TaskData;

static void
task_data_free (TaskData *data)
{
  g_clear_object (&data->plan);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_clear_pointer (&data->dataset, g_bytes_unref);
  g_free (data->user_path);
  g_clear_pointer (&data->files, g_ptr_array_unref);
  g_clear_pointer (&data->work, _atlas_import_work_free);
  g_clear_pointer (&data->rows, _atlas_row_set_unref);
  g_free (data);
}

/* From the worker: at most twenty reports a second reach the main loop. */
static void
task_tick (gpointer          user_data,
           AtlasImportPhase  phase,
           guint             done,
           guint             total)
{
  TaskData *data = user_data;
  gint64 now = g_get_monotonic_time ();
  ProgressMessage *message;

  if ((gint) phase == data->last_phase && now - data->last_report < 50 * 1000 && done < total)
    return;
  data->last_report = now;
  data->last_phase = phase;

  message = g_new0 (ProgressMessage, 1);
  message->plan = g_object_ref (data->plan);
  message->phase = phase;
  message->done = done;
  message->total = total;
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, emit_progress, message,
                              (GDestroyNotify) progress_message_free);
}

/* A connection of the worker's own to the same dataset and user database. */
static AtlasStore *
open_worker_store (TaskData  *data,
                   GError   **error)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  const GError *problem;

  store = atlas_store_new (data->dataset, data->user_path, &local_error);
  if (store == NULL)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_FAILED, "%s", local_error->message);
      return NULL;
    }
  if (!atlas_store_is_user_writable (store))
    {
      problem = atlas_store_get_user_problem (store);
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_READ_ONLY,
                   _("Nothing can be imported: your own data could not be opened for writing (%s)"),
                   problem != NULL ? problem->message : "?");
      return NULL;
    }
  /* A large transaction stays in memory instead of spilling to the file,
   * which would lock the window's readers out mid-import.
   */
  atlas_sqlite_exec (atlas_store_get_db (store), "PRAGMA user.cache_size = -65536",
                     ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_FAILED, NULL);
  return g_steal_pointer (&store);
}

static TaskData *
task_data_new (AtlasImportPlan  *self,
               GError          **error)
{
  TaskData *data;

  if (!atlas_import_plan_check_writable (self, error))
    return NULL;
  if (atlas_store_get_user_path (self->store) == NULL)
    {
      g_set_error_literal (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_READ_ONLY,
                           _("Nothing can be imported: your own data has no file to keep it in"));
      return NULL;
    }

  data = g_new0 (TaskData, 1);
  data->plan = g_object_ref (self);
  data->context = g_main_context_ref_thread_default ();
  data->dataset = g_bytes_ref (atlas_store_get_dataset_bytes (self->store));
  data->user_path = g_strdup (atlas_store_get_user_path (self->store));
  data->last_phase = -1;
  return data;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TaskData *data = task_data;
  ImportTicker ticker = { cancellable, task_tick, data, NULL };
  g_autoptr(AtlasStore) store = NULL;
  GError *error = NULL;

  if ((store = open_worker_store (data, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  data->work = _atlas_import_work_new (store);

  for (guint i = 0; i < data->files->len; i++)
    {
      GFile *file = g_ptr_array_index (data->files, i);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!_atlas_import_ticker_tick (&ticker, ATLAS_IMPORT_PHASE_READING, i, data->files->len))
        break;
      bytes = atlas_input_load_file (file, ATLAS_INPUT_MAX_FILE_SIZE, cancellable, &local_error);
      if (bytes == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            break;
          /* An unreadable input is a line of the report like any other. */
          _atlas_import_work_add_problem (data->work, name ? name : "?", 0, NULL, "%s",
                                          local_error->message);
          continue;
        }
      _atlas_import_read_bytes (data->work, name, bytes);
    }

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!_atlas_import_validate (data->work, &ticker))
    {
      g_task_return_error_if_cancelled (task);
      return;
    }
  data->rows = _atlas_import_build_rows (data->work);
  g_task_return_boolean (task, TRUE);
}

/**
 * atlas_import_plan_load_async:
 * @files: a list of #GFile
 *
 * Reads @files and checks them in a worker thread, on a connection of its
 * own; the report replaces the plan's rows when it finishes.  Reading
 * problems (a device, a file too large) are rows of the report.  Fails when
 * the user's database cannot be written (see
 * atlas_import_plan_check_writable()) or when cancelled.
 */
void
atlas_import_plan_load_async (AtlasImportPlan     *self,
                              GListModel          *files,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  TaskData *data;

  g_return_if_fail (ATLAS_IS_IMPORT_PLAN (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));
  g_return_if_fail (!self->busy);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_import_plan_load_async);
  if ((data = task_data_new (self, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  data->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (data->files, g_list_model_get_item (files, i));
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);

  self->busy = TRUE;
  g_task_run_in_thread (task, load_thread);
}

gboolean
atlas_import_plan_load_finish (AtlasImportPlan  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  TaskData *data;

  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (data != NULL)
    self->busy = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  /* The worker is done with its work: it is the plan's now. */
  g_clear_pointer (&self->work, free_work);
  self->work = g_steal_pointer (&data->work);
  self->applied = FALSE;
  publish (self, g_steal_pointer (&data->rows));
  return TRUE;
}

static void
apply_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  TaskData *data = task_data;
  ImportTicker ticker = { cancellable, task_tick, data, NULL };
  GError *error = NULL;

  /* A plan read on the window's connection is written on the worker's. */
  if (data->work->store == data->plan->store)
    {
      AtlasStore *store = open_worker_store (data, &error);

      if (store == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      g_set_object (&data->work->store, store);
      g_object_unref (store);
    }

  if (!_atlas_import_apply (data->work, &ticker, NULL, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * atlas_import_plan_apply_async:
 *
 * Writes the plan in a worker thread, on a connection of its own, in one
 * transaction.  Cancelling rolls it back: nothing is written.
 */
void
atlas_import_plan_apply_async (AtlasImportPlan     *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  TaskData *data;

  g_return_if_fail (ATLAS_IS_IMPORT_PLAN (self));
  g_return_if_fail (!self->busy);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_import_plan_apply_async);
  ensure_validated (self);
  if (!check_not_applied (self, &error) || (data = task_data_new (self, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* The worker owns the work until it finishes. */
  data->work = g_steal_pointer (&self->work);
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  /* A cancel that comes after the commit must not be reported as one. */
  g_task_set_check_cancellable (task, FALSE);

  self->busy = TRUE;
  g_task_run_in_thread (task, apply_thread);
}

gboolean
atlas_import_plan_apply_finish (AtlasImportPlan  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  TaskData *data;

  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (data != NULL && data->work != NULL)
    {
      self->work = g_steal_pointer (&data->work);
      self->busy = FALSE;
    }
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  self->applied = TRUE;
  return TRUE;
}
