/* atlas-import-apply.c
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
#include "atlas-search-index.h"

/* Writing a checked import into the user's database: one transaction, one
 * prepared statement per table, the search index brought up to date, and a
 * line in the import log.  Either all of it is written, or nothing: a
 * failure or a cancel rolls back.
 */

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  return atlas_sqlite_exec (db, sql, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_FAILED, error);
}

static void
bind_value (sqlite3_stmt  *stmt,
            Record        *record,
            guint          c)
{
  const ColSpec *col = &record->table->cols[c];
  const char *value = record->values[c];
  int index = c + 1;
  double d;
  gint64 i;

  if (value == NULL || *value == '\0')
    {
      if (col->fallback != NULL)
        sqlite3_bind_text (stmt, index, col->fallback, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, index);
      return;
    }
  switch (col->type)
    {
    case COL_REAL:
    case COL_LON:
    case COL_LAT:
      if (_atlas_record_get_double (record, c, &d))
        {
          sqlite3_bind_double (stmt, index, d);
          return;
        }
      break;
    case COL_INT:
    case COL_BOOL:
      if (_atlas_import_parse_int (value, &i))
        {
          sqlite3_bind_int64 (stmt, index, i);
          return;
        }
      break;
    default:
      break;
    }
  sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
}

/* For a change, the columns the input leaves out keep their values. */
static void
fill_from_store (ImportWork *work,
                 Record     *record)
{
  const TableSpec *table = record->table;
  sqlite3_stmt *stmt = atlas_store_prepare (work->store, table->lookup_sql, NULL);

  if (stmt == NULL)
    return;
  for (guint k = 0; k < table->n_keys; k++)
    sqlite3_bind_text (stmt, k + 1, record->values[k], -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          int index = _atlas_import_column_index (table, sqlite3_column_name (stmt, c));

          if (index >= 0 && !record->present[index])
            {
              _atlas_record_replace (record, index, g_strdup ((const char *) sqlite3_column_text (stmt, c)));
              record->present[index] = TRUE;
            }
        }
    }
  sqlite3_reset (stmt);
}

/* Records in the order of their keys: each insert then lands at the end of
 * the table's key index instead of anywhere in it, which touches far fewer
 * pages (ids like "site-10" and "site-9" sort apart from their file order).
 */
static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const Record *x = *(const Record **) a;
  const Record *y = *(const Record **) b;

  return g_strcmp0 (x->key, y->key);
}

static gboolean
write_log (ImportWork  *work,
           sqlite3     *db,
           guint        added,
           guint        changed,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) log = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  g_autofree char *files = NULL;

  g_ptr_array_add (work->files, NULL);
  files = g_strjoinv (", ", (char **) work->files->pdata);
  g_ptr_array_remove_index (work->files, work->files->len - 1);

  if (sqlite3_prepare_v2 (db, "INSERT INTO user.import_log (imported_at, file, added, changed)"
                              " VALUES (?1, ?2, ?3, ?4)", -1, &log, NULL) != SQLITE_OK)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return FALSE;
    }
  sqlite3_bind_text (log, 1, stamp, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (log, 2, files, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (log, 3, added);
  sqlite3_bind_int (log, 4, changed);
  if (sqlite3_step (log) != SQLITE_DONE)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

/* Whether some record to write may have index rows already: only a change
 * can (an added key is in neither the user's tables nor, then, their
 * index), but a party's name is in the index rows of its events, which may
 * have rows even when the party or the link is new.
 */
static gboolean
may_replace_index_rows (GPtrArray *by_table)
{
  for (guint t = 0; t < by_table->len; t++)
    {
      GPtrArray *records = g_ptr_array_index (by_table, t);
      const char *entity = _atlas_import_tables[t].name;

      if (records->len == 0)
        continue;
      if (g_str_equal (entity, "event_party") || g_str_equal (entity, "party"))
        return TRUE;
      /* The other tables have no index rows of their own. */
      if (!g_str_equal (entity, "site") && !g_str_equal (entity, "event")
          && !g_str_equal (entity, "statistic"))
        continue;
      for (guint i = 0; i < records->len; i++)
        if (((Record *) g_ptr_array_index (records, i))->action == ATLAS_IMPORT_ACTION_CHANGE)
          return TRUE;
    }
  return FALSE;
}

/* The search rows of what the import adds or changes, and nothing else.
 * @by_table holds the records to write, table by table; @by_rowid is what
 * atlas_search_index_prepare_update() said before they were written.
 */
static gboolean
update_search_index (GPtrArray   *by_table,
                     sqlite3     *db,
                     gboolean     by_rowid,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(sqlite3_stmt) pending = NULL;
  gboolean replace = may_replace_index_rows (by_table);

  /* All new, and found by their rowids: nothing to list. */
  if (!replace && by_rowid)
    {
      if (atlas_search_index_update (db, ATLAS_SEARCH_UPDATE_ADDED, &local_error))
        return TRUE;
      goto fail;
    }

  if (sqlite3_prepare_v2 (db, "INSERT OR IGNORE INTO temp.atlas_search_pending (entity, entity_id)"
                              " VALUES (?1, ?2)", -1, &pending, NULL) != SQLITE_OK)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return FALSE;
    }

  for (guint t = 0; t < by_table->len; t++)
    {
      GPtrArray *records = g_ptr_array_index (by_table, t);
      const char *entity = _atlas_import_tables[t].name;

      if (records->len == 0)
        continue;
      if (g_str_equal (entity, "event_party"))
        entity = "event";
      else if (!g_str_equal (entity, "site") && !g_str_equal (entity, "event")
               && !g_str_equal (entity, "statistic") && !g_str_equal (entity, "party"))
        continue;

      for (guint i = 0; i < records->len; i++)
        {
          Record *record = g_ptr_array_index (records, i);

          sqlite3_reset (pending);
          sqlite3_bind_text (pending, 1, entity, -1, SQLITE_STATIC);
          sqlite3_bind_text (pending, 2, record->values[0], -1, SQLITE_STATIC);
          if (sqlite3_step (pending) != SQLITE_DONE)
            {
              g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_FAILED, "%s", sqlite3_errmsg (db));
              return FALSE;
            }
        }
    }

  if (atlas_search_index_update (db, replace ? ATLAS_SEARCH_UPDATE_LISTED : ATLAS_SEARCH_UPDATE_LISTED_NEW,
                                 &local_error))
    return TRUE;

fail:
  g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_FAILED, "%s", local_error->message);
  return FALSE;
}

static void
set_cancelled (GError **error)
{
  g_set_error_literal (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_CANCELLED,
                       _("The import was cancelled; nothing was imported"));
}

/* Between the rows the loop below checks for a cancel itself, but one
 * statement (the search index of 100,000 records) can run for a second or
 * more.  SQLite calls this every few thousand steps of any statement on the
 * worker's connection, the index's own inner ones too; a non-zero return
 * stops the statement with SQLITE_INTERRUPT, and the transaction is then
 * rolled back like any other failure.
 */
static int
on_sqlite_progress (void *user_data)
{
  ImportTicker *ticker = user_data;

  return g_cancellable_is_cancelled (ticker->cancellable);
}

static void
tell_stage (ImportTicker *ticker,
            ImportStage   stage)
{
  if (ticker != NULL && ticker->stage != NULL)
    ticker->stage (ticker->data, stage);
}

/**
 * _atlas_import_apply:
 * @ticker: (nullable): progress and cancellation, from the worker
 * @progress: (nullable): the synchronous API's callback
 *
 * Writes the validated records of @work in one transaction.
 */
gboolean
_atlas_import_apply (ImportWork           *work,
                     ImportTicker         *ticker,
                     AtlasImportProgress   progress,
                     gpointer              user_data,
                     GError              **error)
{
  sqlite3 *db = atlas_store_get_db (work->store);
  guint total = 0, done = 0, added = 0, changed = 0, rejected = 0;
  gboolean by_rowid = FALSE;
  g_autoptr(GError) local_error = NULL;
  /* The records to write, table by table in the order of the specs. */
  g_autoptr(GPtrArray) by_table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint t = 0; t < _atlas_import_n_tables; t++)
    g_ptr_array_add (by_table, g_ptr_array_new ());
  for (guint i = 0; i < work->records->len; i++)
    {
      Record *record = g_ptr_array_index (work->records, i);

      if (record->action == ATLAS_IMPORT_ACTION_ADD || record->action == ATLAS_IMPORT_ACTION_CHANGE)
        g_ptr_array_add (g_ptr_array_index (by_table, record->table - _atlas_import_tables), record);
      added += record->action == ATLAS_IMPORT_ACTION_ADD;
      changed += record->action == ATLAS_IMPORT_ACTION_CHANGE;
      rejected += record->action == ATLAS_IMPORT_ACTION_REJECT;
      total += record->action == ATLAS_IMPORT_ACTION_ADD || record->action == ATLAS_IMPORT_ACTION_CHANGE;
    }
  rejected += work->problems->len;
  if (rejected > 0)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_REJECTED,
                   g_dngettext (NULL, "Nothing was imported: %u line was rejected",
                                "Nothing was imported: %u lines were rejected", rejected),
                   rejected);
      return FALSE;
    }

  for (guint t = 0; t < by_table->len; t++)
    g_ptr_array_sort (g_ptr_array_index (by_table, t), compare_keys);

  /* Deferred: an immediate transaction would lock the read-only dataset. */
  if (!exec_sql (db, "BEGIN", error))
    return FALSE;
  if (ticker != NULL && ticker->cancellable != NULL)
    sqlite3_progress_handler (db, 4096, on_sqlite_progress, ticker);
  /* Before the first write: the index finds what is added after this. */
  if (!atlas_search_index_prepare_update (db, &by_rowid, &local_error))
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_FAILED, "%s", local_error->message);
      goto fail;
    }

  for (guint t = 0; t < _atlas_import_n_tables; t++)
    {
      const TableSpec *table = &_atlas_import_tables[t];
      GPtrArray *records = g_ptr_array_index (by_table, t);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      guint n = _atlas_import_n_columns (table);

      if (records->len == 0)
        continue;
      if (sqlite3_prepare_v2 (db, table->insert_sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_FAILED, "%s", sqlite3_errmsg (db));
          goto fail;
        }

      for (guint i = 0; i < records->len; i++)
        {
          Record *record = g_ptr_array_index (records, i);

          if (record->action == ATLAS_IMPORT_ACTION_CHANGE)
            fill_from_store (work, record);

          /* Every column is bound again: no need to clear the bindings. */
          sqlite3_reset (stmt);
          for (guint c = 0; c < n; c++)
            bind_value (stmt, record, c);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            {
              g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_FAILED,
                           "%s:%u: %s", record->file, record->line, sqlite3_errmsg (db));
              goto fail;
            }

          done++;
          if (progress != NULL && (done % 16 == 0 || done == total)
              && !progress (done, total, user_data))
            {
              set_cancelled (error);
              goto fail;
            }
          if ((done & 1023) == 0
              && !_atlas_import_ticker_tick (ticker, ATLAS_IMPORT_PHASE_WRITING, done, total))
            {
              set_cancelled (error);
              goto fail;
            }
        }
    }

  tell_stage (ticker, IMPORT_STAGE_INDEXING);
  if (!update_search_index (by_table, db, by_rowid, error))
    goto fail;
  tell_stage (ticker, IMPORT_STAGE_INDEXED);

  if (!write_log (work, db, added, changed, error))
    goto fail;

  /* The last moment a cancel still leaves nothing written: the commit
   * itself is never interrupted, and a cancel after it is no cancel.
   */
  sqlite3_progress_handler (db, 0, NULL, NULL);
  if (!_atlas_import_ticker_tick (ticker, ATLAS_IMPORT_PHASE_WRITING, total, total))
    {
      set_cancelled (error);
      goto fail;
    }

  if (!exec_sql (db, "COMMIT", error))
    goto fail;

  /* The plan is spent: what it added is now "already there". */
  work->validated = FALSE;
  return TRUE;

fail:
  sqlite3_progress_handler (db, 0, NULL, NULL);
  /* A statement stopped by on_sqlite_progress() failed with "interrupted":
   * to the caller that is the cancel it asked for.
   */
  if (ticker != NULL && g_cancellable_is_cancelled (ticker->cancellable)
      && (error == NULL || !g_error_matches (*error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_CANCELLED)))
    {
      g_clear_error (error);
      set_cancelled (error);
    }
  atlas_sqlite_exec (db, "ROLLBACK", ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_FAILED, NULL);
  return FALSE;
}
