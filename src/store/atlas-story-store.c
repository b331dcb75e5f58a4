/* atlas-story-store.c
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

#include "config.h"

#include "atlas-store-private.h"
#include "atlas-story-store.h"

/* Reading and writing the user's stories.  A story is written whole, in one
 * savepoint: its old steps go and the new ones come, so a story on disk is
 * never half the old one and half the new.
 */

static void
step_row_free (gpointer data)
{
  AtlasStoryStepRow *step = data;

  g_free (step->view);
  g_free (step->state_json);
  g_free (step->caption_zh);
  g_free (step->caption_en);
  g_free (step->notes);
  g_free (step->notes_zh);
  g_free (step);
}

AtlasStoryRow *
atlas_story_row_new (const char *id,
                     const char *title_zh,
                     const char *title_en)
{
  AtlasStoryRow *row = g_new0 (AtlasStoryRow, 1);

  row->id = g_strdup (id ? id : "");
  row->title_zh = g_strdup (title_zh ? title_zh : "");
  row->title_en = g_strdup (title_en ? title_en : "");
  row->steps = g_ptr_array_new_with_free_func (step_row_free);
  return row;
}

void
atlas_story_row_add_step (AtlasStoryRow *row,
                          const char    *view,
                          const char    *state_json,
                          const char    *caption_zh,
                          const char    *caption_en,
                          const char    *notes,
                          const char    *notes_zh)
{
  AtlasStoryStepRow *step = g_new0 (AtlasStoryStepRow, 1);

  step->view = g_strdup (view ? view : "sites");
  step->state_json = g_strdup (state_json ? state_json : "{}");
  step->caption_zh = g_strdup (caption_zh ? caption_zh : "");
  step->caption_en = g_strdup (caption_en ? caption_en : "");
  step->notes = g_strdup (notes ? notes : "");
  step->notes_zh = g_strdup (notes_zh ? notes_zh : "");
  g_ptr_array_add (row->steps, step);
}

void
atlas_story_row_free (AtlasStoryRow *row)
{
  if (row == NULL)
    return;
  g_free (row->id);
  g_free (row->title_zh);
  g_free (row->title_en);
  g_clear_pointer (&row->steps, g_ptr_array_unref);
  g_free (row);
}

static gboolean
fail (AtlasStore  *store,
      GError     **error)
{
  if (error != NULL && *error == NULL)
    g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED, "%s",
                 sqlite3_errmsg (atlas_store_get_db (store)));
  return FALSE;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static gboolean
load_steps (AtlasStore     *store,
            AtlasStoryRow  *row,
            GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = atlas_store_prepare (store,
                              "SELECT view, state_json, caption_zh, caption_en, notes, notes_zh"
                              " FROM user.story_step WHERE story_id = ?1 ORDER BY position",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, row->id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    atlas_story_row_add_step (row, column_text (stmt, 0), column_text (stmt, 1),
                              column_text (stmt, 2), column_text (stmt, 3),
                              column_text (stmt, 4), column_text (stmt, 5));
  if (rc != SQLITE_DONE)
    {
      fail (store, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * atlas_story_store_load:
 *
 * Returns: (transfer full) (element-type AtlasStoryRow): the user's stories
 *   in the order they were first saved
 */
GPtrArray *
atlas_story_store_load (AtlasStore  *store,
                        GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_story_row_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  stmt = atlas_store_prepare (store, "SELECT id, title_zh, title_en FROM user.story ORDER BY rowid",
                              error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, atlas_story_row_new (column_text (stmt, 0), column_text (stmt, 1),
                                                column_text (stmt, 2)));
  if (rc != SQLITE_DONE)
    {
      fail (store, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < rows->len; i++)
    if (!load_steps (store, g_ptr_array_index (rows, i), error))
      return NULL;

  return g_steal_pointer (&rows);
}

static gboolean
step_done (AtlasStore    *store,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      fail (store, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
exec_constant (AtlasStore  *store,
               const char  *sql,
               GError     **error)
{
  sqlite3 *db = atlas_store_get_db (store);

  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return fail (store, error);
  return TRUE;
}

static gboolean
delete_rows (AtlasStore  *store,
             const char  *id,
             GError     **error)
{
  sqlite3_stmt *stmt;

  if ((stmt = atlas_store_prepare (store, "DELETE FROM user.story_step WHERE story_id = ?1", error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (!step_done (store, stmt, error))
    return FALSE;

  if ((stmt = atlas_store_prepare (store, "DELETE FROM user.story WHERE id = ?1", error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  return step_done (store, stmt, error);
}

static gboolean
write_row (AtlasStore           *store,
           const AtlasStoryRow  *row,
           GError              **error)
{
  sqlite3_stmt *stmt;

  if (!delete_rows (store, row->id, error))
    return FALSE;

  if ((stmt = atlas_store_prepare (store,
                                   "INSERT INTO user.story (id, title_zh, title_en) VALUES (?1, ?2, ?3)",
                                   error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, row->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, row->title_zh, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, row->title_en, -1, SQLITE_TRANSIENT);
  if (!step_done (store, stmt, error))
    return FALSE;

  for (guint i = 0; i < row->steps->len; i++)
    {
      const AtlasStoryStepRow *step = g_ptr_array_index (row->steps, i);

      if ((stmt = atlas_store_prepare (store,
                                       "INSERT INTO user.story_step (story_id, position, view,"
                                       " state_json, caption_zh, caption_en, notes, notes_zh)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                       error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, row->id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, step->view, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, step->state_json, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, step->caption_zh, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, step->caption_en, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, step->notes, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 8, step->notes_zh, -1, SQLITE_TRANSIENT);
      if (!step_done (store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * atlas_story_store_save:
 *
 * Writes @row and all its steps in one savepoint, replacing the story of the
 * same id.  On failure the story on disk stays as it was.
 */
gboolean
atlas_story_store_save (AtlasStore           *store,
                        const AtlasStoryRow  *row,
                        GError              **error)
{
  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);
  g_return_val_if_fail (row != NULL, FALSE);

  if (!exec_constant (store, "SAVEPOINT story_save", error))
    return FALSE;
  if (!write_row (store, row, error))
    {
      exec_constant (store, "ROLLBACK TO story_save; RELEASE story_save", NULL);
      return FALSE;
    }
  return exec_constant (store, "RELEASE story_save", error);
}

/**
 * atlas_story_store_remove:
 *
 * Deletes the user's story @id and its steps; nothing to delete is no error.
 */
gboolean
atlas_story_store_remove (AtlasStore  *store,
                          const char  *id,
                          GError     **error)
{
  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!exec_constant (store, "SAVEPOINT story_remove", error))
    return FALSE;
  if (!delete_rows (store, id, error))
    {
      exec_constant (store, "ROLLBACK TO story_remove; RELEASE story_remove", NULL);
      return FALSE;
    }
  return exec_constant (store, "RELEASE story_remove", error);
}
