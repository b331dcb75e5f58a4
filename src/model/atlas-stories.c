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

#include "atlas-input.h"
#include "atlas-stories.h"
#include "atlas-story-store.h"

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

  if (!atlas_json_parser_load (parser, data, size, error))
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

/* A story from its rows in the user database. */
static AtlasStory *
story_from_row (const AtlasStoryRow  *row,
                GError              **error)
{
  g_autoptr(AtlasStory) story = atlas_story_new (row->id, row->title_zh, row->title_en);

  for (guint i = 0; i < row->steps->len; i++)
    {
      const AtlasStoryStepRow *step_row = g_ptr_array_index (row->steps, i);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(AtlasStoryStep) step = NULL;
      JsonNode *root;

      if (!atlas_json_parser_load (parser, step_row->state_json, -1, error))
        return NULL;
      root = json_parser_get_root (parser);
      if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        {
          g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                       _("A step of the story “%s” has no valid state"), row->id);
          return NULL;
        }
      step = atlas_story_step_new (step_row->view, root, step_row->caption_zh,
                                   step_row->caption_en, step_row->notes);
      atlas_story_step_set_notes_zh (step, step_row->notes_zh);
      atlas_story_append_step (story, step);
    }

  return g_steal_pointer (&story);
}

static gboolean
load_user_stories (AtlasStories  *self,
                   GPtrArray     *into,
                   GError       **error)
{
  g_autoptr(GPtrArray) rows = atlas_story_store_load (self->store, error);

  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(AtlasStory) story = story_from_row (g_ptr_array_index (rows, i), error);
      gboolean replaced = FALSE;

      if (story == NULL)
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

/* The rows the user database keeps for @story. */
static AtlasStoryRow *
story_to_row (AtlasStory *story)
{
  AtlasStoryRow *row = atlas_story_row_new (atlas_story_get_id (story),
                                            atlas_story_get_title_zh (story),
                                            atlas_story_get_title_en (story));
  guint n = atlas_story_get_n_steps (story);

  for (guint i = 0; i < n; i++)
    {
      AtlasStoryStep *step = atlas_story_get_step (story, i);
      g_autofree char *state = atlas_story_step_dup_state_json (step);

      atlas_story_row_add_step (row, atlas_story_step_get_view (step), state,
                                atlas_story_step_get_caption_zh (step),
                                atlas_story_step_get_caption_en (step),
                                atlas_story_step_get_notes_en (step),
                                atlas_story_step_get_notes_zh (step));
    }
  return row;
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
  g_autoptr(AtlasStoryRow) row = NULL;
  guint position;

  g_return_val_if_fail (ATLAS_IS_STORIES (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_STORY (story), FALSE);

  if (self->store == NULL)
    {
      g_set_error_literal (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_READ_ONLY,
                           _("There is no database to keep stories in"));
      return FALSE;
    }

  row = story_to_row (story);
  if (!atlas_story_store_save (self->store, row, error))
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

  if (self->store != NULL &&
      !atlas_story_store_remove (self->store, atlas_story_get_id (story), error))
    return FALSE;

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

  if ((bytes = atlas_input_load_file (file, ATLAS_INPUT_MAX_FILE_SIZE, NULL, error)) == NULL)
    return NULL;
  if ((story = story_from_bytes (bytes, error)) == NULL)
    return NULL;

  id = unused_id (self, atlas_story_get_id (story));
  atlas_story_set_id (story, id);
  if (!atlas_stories_save (self, story, error))
    return NULL;
  return story;
}
