/* atlas-stories.c
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

#include <glib/gi18n.h>

#include "atlas-stories.h"

/* Every story the user can tell: the bundled ones (JSON files in the
 * resource, under stories/) and the user's own from the user database's
 * story and story_step tables.  A user story with the id of a bundled one is
 * the user's edit of it and takes its place, the way user records replace
 * bundled ones; removing the edit brings the bundled story back.  Stories
 * live in the user database so that upgrades never lose them.
 */

struct _AtlasStories
{
  GObject     parent_instance;

  AtlasStore *store;
  GListStore *stories;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasStories, atlas_stories, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return ATLAS_TYPE_STORY;
}

static guint
get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (ATLAS_STORIES (model)->stories));
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (ATLAS_STORIES (model)->stories), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
on_items_changed (AtlasStories *self,
                  guint         position,
                  guint         removed,
                  guint         added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
atlas_stories_dispose (GObject *object)
{
  AtlasStories *self = (AtlasStories *)object;

  g_clear_object (&self->stories);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atlas_stories_parent_class)->dispose (object);
}

static void
atlas_stories_class_init (AtlasStoriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_stories_dispose;
}

static void
atlas_stories_init (AtlasStories *self)
{
  self->stories = g_list_store_new (ATLAS_TYPE_STORY);
  g_signal_connect_object (self->stories, "items-changed",
                           G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
}

static AtlasStory *
story_from_bytes (GBytes  *bytes,
                  GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!json_parser_load_from_data (parser, data, size, error))
    return NULL;
  return atlas_story_new_from_json (json_parser_get_root (parser), error);
}

/**
 * atlas_stories_load_bundled:
 *
 * Returns: (transfer full) (element-type AtlasStory): the stories that ship
 *   with the program, in file name order
 */
GPtrArray *
atlas_stories_load_bundled (GError **error)
{
  g_autoptr(GPtrArray) stories = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) names = NULL;

  names = g_resources_enumerate_children (ATLAS_STORIES_RESOURCE_PATH, 0, NULL);
  if (names == NULL)
    return g_steal_pointer (&stories);

  qsort (names, g_strv_length (names), sizeof (char *), (GCompareFunc) g_strcmp0);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (ATLAS_STORIES_RESOURCE_PATH, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      AtlasStory *story;

      if (!g_str_has_suffix (names[i], ".json"))
        continue;
      if ((bytes = g_resources_lookup_data (path, 0, error)) == NULL)
        return NULL;
      if ((story = story_from_bytes (bytes, error)) == NULL)
        {
          g_prefix_error (error, "%s: ", names[i]);
          return NULL;
        }
      atlas_story_set_bundled (story, TRUE);
      g_ptr_array_add (stories, story);
    }

  return g_steal_pointer (&stories);
}

static gboolean
load_user_steps (AtlasStories  *self,
                 AtlasStory    *story,
                 GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = atlas_store_prepare (self->store,
                              "SELECT view, state_json, caption_zh, caption_en, notes"
                              " FROM user.story_step WHERE story_id = ?1 ORDER BY position",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, atlas_story_get_id (story), -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(AtlasStoryStep) step = NULL;
      const char *view = (const char *) sqlite3_column_text (stmt, 0);
      const char *state = (const char *) sqlite3_column_text (stmt, 1);
      JsonNode *root;

      if (!json_parser_load_from_data (parser, state ? state : "{}", -1, error))
        break;
      root = json_parser_get_root (parser);
      if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        {
          g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                       _("A step of the story “%s” has no valid state"), atlas_story_get_id (story));
          break;
        }
      step = atlas_story_step_new (view ? view : "sites", root,
                                   (const char *) sqlite3_column_text (stmt, 2),
                                   (const char *) sqlite3_column_text (stmt, 3),
                                   (const char *) sqlite3_column_text (stmt, 4));
      atlas_story_append_step (story, step);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED, "%s",
                     sqlite3_errmsg (atlas_store_get_db (self->store)));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_user_stories (AtlasStories  *self,
                   GPtrArray     *into,
                   GError       **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = atlas_store_prepare (self->store,
                              "SELECT id, title_zh, title_en FROM user.story ORDER BY rowid",
                              error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (found, atlas_story_new ((const char *) sqlite3_column_text (stmt, 0),
                                             (const char *) sqlite3_column_text (stmt, 1),
                                             (const char *) sqlite3_column_text (stmt, 2)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED, "%s",
                   sqlite3_errmsg (atlas_store_get_db (self->store)));
      return FALSE;
    }

  for (guint i = 0; i < found->len; i++)
    {
      AtlasStory *story = g_ptr_array_index (found, i);
      gboolean replaced = FALSE;

      if (!load_user_steps (self, story, error))
        return FALSE;

      /* The user's edit of a bundled story takes its place. */
      for (guint j = 0; j < into->len; j++)
        {
          AtlasStory *other = g_ptr_array_index (into, j);

          if (g_str_equal (atlas_story_get_id (other), atlas_story_get_id (story)))
            {
              atlas_story_set_bundled (story, TRUE);
              g_ptr_array_index (into, j) = g_object_ref (story);
              g_object_unref (other);
              replaced = TRUE;
              break;
            }
        }
      if (!replaced)
        g_ptr_array_add (into, g_object_ref (story));
    }

  return TRUE;
}

gboolean
atlas_stories_reload (AtlasStories  *self,
                      GError       **error)
{
  g_autoptr(GPtrArray) stories = NULL;

  g_return_val_if_fail (ATLAS_IS_STORIES (self), FALSE);

  if ((stories = atlas_stories_load_bundled (error)) == NULL)
    return FALSE;
  if (self->store != NULL && !load_user_stories (self, stories, error))
    return FALSE;

  g_list_store_splice (self->stories, 0, g_list_model_get_n_items (G_LIST_MODEL (self->stories)),
                       stories->pdata, stories->len);
  return TRUE;
}

/**
 * atlas_stories_new:
 * @store: (nullable): where the user's stories are kept; %NULL for only the
 *   bundled ones
 */
AtlasStories *
atlas_stories_new (AtlasStore  *store,
                   GError     **error)
{
  g_autoptr(AtlasStories) self = g_object_new (ATLAS_TYPE_STORIES, NULL);

  g_return_val_if_fail (store == NULL || ATLAS_IS_STORE (store), NULL);

  if (store != NULL)
    self->store = g_object_ref (store);
  if (!atlas_stories_reload (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

static gboolean
find_story (AtlasStories *self,
            AtlasStory   *story,
            guint        *position)
{
  return g_list_store_find (self->stories, story, position);
}

/**
 * atlas_stories_lookup:
 *
 * Returns: (transfer none) (nullable): the story called @id
 */
AtlasStory *
atlas_stories_lookup (AtlasStories *self,
                      const char   *id)
{
  guint n;

  g_return_val_if_fail (ATLAS_IS_STORIES (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->stories));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasStory) story = g_list_model_get_item (G_LIST_MODEL (self->stories), i);

      if (g_strcmp0 (atlas_story_get_id (story), id) == 0)
        return story;
    }
  return NULL;
}

static gboolean
exec (AtlasStories  *self,
      const char    *sql,
      GError       **error)
{
  sqlite3 *db = atlas_store_get_db (self->store);

  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

static gboolean
step_done (AtlasStories  *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED, "%s",
                   sqlite3_errmsg (atlas_store_get_db (self->store)));
      return FALSE;
    }
  return TRUE;
}

static gboolean
delete_rows (AtlasStories  *self,
             const char    *id,
             GError       **error)
{
  sqlite3_stmt *stmt;

  if ((stmt = atlas_store_prepare (self->store, "DELETE FROM user.story_step WHERE story_id = ?1", error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, error))
    return FALSE;

  if ((stmt = atlas_store_prepare (self->store, "DELETE FROM user.story WHERE id = ?1", error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  return step_done (self, stmt, error);
}

static gboolean
write_story (AtlasStories  *self,
             AtlasStory    *story,
             GError       **error)
{
  const char *id = atlas_story_get_id (story);
  sqlite3_stmt *stmt;
  guint n;

  if (!delete_rows (self, id, error))
    return FALSE;

  if ((stmt = atlas_store_prepare (self->store,
                                   "INSERT INTO user.story (id, title_zh, title_en) VALUES (?1, ?2, ?3)",
                                   error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, atlas_story_get_title_zh (story), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, atlas_story_get_title_en (story), -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, error))
    return FALSE;

  n = atlas_story_get_n_steps (story);
  for (guint i = 0; i < n; i++)
    {
      AtlasStoryStep *step = atlas_story_get_step (story, i);
      g_autofree char *state = atlas_story_step_dup_state_json (step);

      if ((stmt = atlas_store_prepare (self->store,
                                       "INSERT INTO user.story_step (story_id, position, view,"
                                       " state_json, caption_zh, caption_en, notes)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                       error)) == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, atlas_story_step_get_view (step), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, state, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, atlas_story_step_get_caption_zh (step), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, atlas_story_step_get_caption_en (step), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, atlas_story_step_get_notes (step), -1, SQLITE_TRANSIENT);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * atlas_stories_save:
 *
 * Writes @story, all its steps, to the user database in one transaction, and
 * adds it to the list if it is new.
 */
gboolean
atlas_stories_save (AtlasStories  *self,
                    AtlasStory    *story,
                    GError       **error)
{
  guint position;

  g_return_val_if_fail (ATLAS_IS_STORIES (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_STORY (story), FALSE);

  if (self->store == NULL)
    {
      g_set_error_literal (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_READ_ONLY,
                           _("There is no database to keep stories in"));
      return FALSE;
    }

  if (!exec (self, "SAVEPOINT story_save", error))
    return FALSE;
  if (!write_story (self, story, error))
    {
      exec (self, "ROLLBACK TO story_save; RELEASE story_save", NULL);
      return FALSE;
    }
  if (!exec (self, "RELEASE story_save", error))
    return FALSE;

  if (!find_story (self, story, &position))
    g_list_store_append (self->stories, story);
  return TRUE;
}

/**
 * atlas_stories_remove:
 *
 * Deletes the user's copy of @story.  A bundled story comes back as it
 * shipped; any other story leaves the list.
 */
gboolean
atlas_stories_remove (AtlasStories  *self,
                      AtlasStory    *story,
                      GError       **error)
{
  g_autoptr(GPtrArray) bundled = NULL;
  guint position;

  g_return_val_if_fail (ATLAS_IS_STORIES (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_STORY (story), FALSE);

  if (self->store != NULL)
    {
      if (!exec (self, "SAVEPOINT story_remove", error))
        return FALSE;
      if (!delete_rows (self, atlas_story_get_id (story), error))
        {
          exec (self, "ROLLBACK TO story_remove; RELEASE story_remove", NULL);
          return FALSE;
        }
      if (!exec (self, "RELEASE story_remove", error))
        return FALSE;
    }

  if (!find_story (self, story, &position))
    return TRUE;

  if ((bundled = atlas_stories_load_bundled (error)) == NULL)
    return FALSE;
  for (guint i = 0; i < bundled->len; i++)
    {
      AtlasStory *original = g_ptr_array_index (bundled, i);

      if (g_str_equal (atlas_story_get_id (original), atlas_story_get_id (story)))
        {
          g_list_store_splice (self->stories, position, 1, (gpointer *) &original, 1);
          return TRUE;
        }
    }

  g_list_store_remove (self->stories, position);
  return TRUE;
}

static char *
unused_id (AtlasStories *self,
           const char   *base)
{
  char *id = g_strdup (base);

  for (guint i = 2; atlas_stories_lookup (self, id) != NULL; i++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, i);
    }
  return id;
}

/**
 * atlas_stories_create:
 *
 * Returns: (transfer none): a new, empty story, already saved
 */
AtlasStory *
atlas_stories_create (AtlasStories  *self,
                      const char    *title_zh,
                      const char    *title_en,
                      GError       **error)
{
  g_autoptr(AtlasStory) story = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *base = g_date_time_format (now, "story-%Y%m%d-%H%M%S");
  g_autofree char *id = NULL;

  g_return_val_if_fail (ATLAS_IS_STORIES (self), NULL);

  id = unused_id (self, base);
  story = atlas_story_new (id, title_zh, title_en);
  if (!atlas_stories_save (self, story, error))
    return NULL;
  return story;
}

gboolean
atlas_stories_export (AtlasStories  *self,
                      AtlasStory    *story,
                      GFile         *file,
                      GError       **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (ATLAS_IS_STORIES (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_STORY (story), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  root = atlas_story_to_json (story);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);

  return g_file_replace_contents (file, text, length, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

/**
 * atlas_stories_import:
 *
 * Reads a story file and saves it as a new user story (with a fresh id if
 * one of that id exists already).
 *
 * Returns: (transfer none): the imported story
 */
AtlasStory *
atlas_stories_import (AtlasStories  *self,
                      GFile         *file,
                      GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AtlasStory) story = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (ATLAS_IS_STORIES (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((bytes = g_file_load_bytes (file, NULL, NULL, error)) == NULL)
    return NULL;
  if ((story = story_from_bytes (bytes, error)) == NULL)
    return NULL;

  id = unused_id (self, atlas_story_get_id (story));
  atlas_story_set_id (story, id);
  if (!atlas_stories_save (self, story, error))
    return NULL;
  return story;
}
