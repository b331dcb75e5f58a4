/* test-present-model.c
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

/* Without a display: the state's JSON round trip, undo and redo with
 * coalescing, the bundled story (every step names records that exist and
 * cites records that carry citations), and stories edited, reordered,
 * saved, reopened, exported and imported.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "atlas-dataset.h"
#include "atlas-history.h"
#include "atlas-item.h"
#include "atlas-state.h"
#include "atlas-stories.h"
#include "atlas-store.h"

static char *tmpdir;

static AtlasStore *
open_store (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bundled = atlas_store_get_bundled_bytes (&error);
  g_autofree char *path = name ? g_build_filename (tmpdir, name, NULL) : NULL;
  AtlasStore *store;

  g_assert_no_error (error);
  store = atlas_store_new (bundled, path, &error);
  g_assert_no_error (error);
  g_assert_null (atlas_store_get_user_problem (store));
  return store;
}

static AtlasDataset *
open_dataset (AtlasStore *store)
{
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_dataset_new (store, &error);

  g_assert_no_error (error);
  return dataset;
}

static char *
state_string (AtlasState *state)
{
  g_autoptr(JsonNode) node = atlas_state_to_json (state);

  return json_to_string (node, FALSE);
}

static void
test_state_round_trip (void)
{
  g_autoptr(AtlasStore) store = open_store (NULL);
  g_autoptr(AtlasDataset) dataset = open_dataset (store);
  g_autoptr(AtlasState) a = atlas_state_new ();
  g_autoptr(AtlasState) b = atlas_state_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sa = NULL, *sb = NULL;
  AtlasItem *site = atlas_dataset_lookup (dataset, "site", "cas-cigit");

  g_assert_nonnull (site);
  atlas_state_set_page (a, "map");
  atlas_state_set_selection (a, site);
  atlas_state_set_search_text (a, "重庆");
  atlas_state_set_category (a, ATLAS_SITE_CATEGORY_UNIVERSITY, FALSE);
  atlas_state_set_event_kinds (a, 1u << ATLAS_EVENT_KIND_AGREEMENT);
  atlas_state_set_time_range (a, atlas_julian_from_ymd (2019, 1, 1), atlas_julian_from_ymd (2023, 12, 31));
  atlas_state_set_district (a, 500109);
  atlas_state_set_choropleth (a, "events");

  node = atlas_state_to_json (a);
  g_assert_true (atlas_state_load_json (b, node, dataset, &error));
  g_assert_no_error (error);

  sa = state_string (a);
  sb = state_string (b);
  g_test_message ("%s", sa);
  g_assert_cmpstr (sa, ==, sb);
  g_assert_true (atlas_state_get_selection (b) == site);
  g_assert_cmpuint (atlas_state_get_time_first (b), ==, atlas_julian_from_ymd (2019, 1, 1));
  g_assert_cmpint (atlas_state_get_district (b), ==, 500109);
  g_assert_cmpstr (atlas_state_get_choropleth (b), ==, "events");
}

static void
test_undo_redo (void)
{
  g_autoptr(AtlasStore) store = open_store (NULL);
  g_autoptr(AtlasDataset) dataset = open_dataset (store);
  g_autoptr(AtlasState) state = atlas_state_new ();
  g_autoptr(AtlasHistory) history = atlas_history_new (state, dataset);
  AtlasItem *site = atlas_dataset_lookup (dataset, "site", "cas-cigit");

  g_assert_false (atlas_history_get_can_undo (history));
  g_assert_false (atlas_history_undo (history));

  /* Typing, letter by letter, is one step. */
  atlas_state_set_search_text (state, "重");
  atlas_state_set_search_text (state, "重庆");
  atlas_state_set_search_text (state, "重庆大");
  g_assert_cmpuint (atlas_history_get_n_undo (history), ==, 1);

  atlas_state_set_district (state, 500109);
  atlas_state_set_selection (state, site);
  g_assert_cmpuint (atlas_history_get_n_undo (history), ==, 3);

  /* Page changes are navigation, not edits. */
  atlas_state_set_page (state, "sites");
  g_assert_cmpuint (atlas_history_get_n_undo (history), ==, 3);

  g_assert_true (atlas_history_undo (history));
  g_assert_null (atlas_state_get_selection (state));
  g_assert_cmpint (atlas_state_get_district (state), ==, 500109);
  g_assert_cmpstr (atlas_state_get_page (state), ==, "sites");

  g_assert_true (atlas_history_undo (history));
  g_assert_cmpint (atlas_state_get_district (state), ==, 0);
  g_assert_cmpstr (atlas_state_get_search_text (state), ==, "重庆大");

  g_assert_true (atlas_history_undo (history));
  g_assert_cmpstr (atlas_state_get_search_text (state), ==, "");
  g_assert_false (atlas_history_get_can_undo (history));
  g_assert_true (atlas_history_get_can_redo (history));

  g_assert_true (atlas_history_redo (history));
  g_assert_cmpstr (atlas_state_get_search_text (state), ==, "重庆大");
  g_assert_true (atlas_history_redo (history));
  g_assert_true (atlas_history_redo (history));
  g_assert_true (atlas_state_get_selection (state) == site);
  g_assert_false (atlas_history_redo (history));

  /* A new change drops what could be redone. */
  g_assert_true (atlas_history_undo (history));
  atlas_state_set_choropleth (state, "sites");
  g_assert_false (atlas_history_get_can_redo (history));

  /* Without coalescing each letter is a step. */
  atlas_history_clear (history);
  atlas_history_set_coalesce_time (history, 0);
  atlas_state_set_search_text (state, "a");
  atlas_state_set_search_text (state, "ab");
  g_assert_cmpuint (atlas_history_get_n_undo (history), ==, 2);
}

static void
check_story_records (AtlasDataset *dataset,
                     AtlasStory   *story)
{
  guint n = atlas_story_get_n_steps (story);

  for (guint i = 0; i < n; i++)
    {
      AtlasStoryStep *step = atlas_story_get_step (story, i);
      g_autoptr(AtlasState) state = atlas_state_new ();
      g_autoptr(GError) error = NULL;
      guint cites = atlas_story_step_get_n_cites (step);

      /* The state names only records that exist. */
      g_assert_true (atlas_state_load_json (state, atlas_story_step_get_state (step), dataset, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (atlas_state_get_page (state), ==, atlas_story_step_get_view (step));

      g_assert_cmpstr (atlas_story_step_get_caption_zh (step), !=, "");
      g_assert_cmpstr (atlas_story_step_get_caption_en (step), !=, "");
      /* The speaker reads the notes in the language presented in. */
      g_assert_cmpstr (atlas_story_step_get_notes_zh (step), !=, "");
      g_assert_cmpstr (atlas_story_step_get_notes_en (step), !=, "");
      g_assert_true (g_utf8_validate (atlas_story_step_get_notes_zh (step), -1, NULL));

      /* Every claim is cited by records that carry citations. */
      g_assert_cmpuint (cites, >=, 1);
      for (guint c = 0; c < cites; c++)
        {
          const char *entity, *id;
          AtlasItem *item;
          g_autoptr(GListModel) citations = NULL;

          g_assert_true (atlas_story_step_get_cite (step, c, &entity, &id));
          item = atlas_dataset_lookup (dataset, entity, id);
          if (item == NULL)
            g_error ("step %u cites %s “%s”, which is not in the data", i + 1, entity, id);
          citations = atlas_dataset_list_citations (dataset, item);
          g_assert_cmpuint (g_list_model_get_n_items (citations), >=, 1);
        }
    }
}

static void
test_bundled_story (void)
{
  g_autoptr(AtlasStore) store = open_store (NULL);
  g_autoptr(AtlasDataset) dataset = open_dataset (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bundled = atlas_stories_load_bundled (&error);
  AtlasStory *story = NULL;
  const char *views[] = { "map", "timeline", "charts", "sites" };
  gboolean seen[G_N_ELEMENTS (views)] = { FALSE, };

  g_assert_no_error (error);
  for (guint i = 0; i < bundled->len; i++)
    if (g_str_equal (atlas_story_get_id (g_ptr_array_index (bundled, i)), "cas-chongqing"))
      story = g_ptr_array_index (bundled, i);
  g_assert_nonnull (story);
  g_assert_true (atlas_story_get_bundled (story));
  g_assert_cmpstr (atlas_story_get_title_zh (story), !=, "");
  g_assert_cmpstr (atlas_story_get_title_en (story), !=, "");
  g_assert_cmpuint (atlas_story_get_n_steps (story), >=, 6);

  check_story_records (dataset, story);

  /* It uses every kind of page, with cameras as the contracts say. */
  for (guint i = 0; i < atlas_story_get_n_steps (story); i++)
    {
      AtlasStoryStep *step = atlas_story_get_step (story, i);
      JsonNode *camera = atlas_story_step_get_camera (step);
      const char *view = atlas_story_step_get_view (step);

      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        if (g_str_equal (view, views[v]))
          seen[v] = TRUE;

      if (g_str_equal (view, "map"))
        {
          JsonObject *o = json_node_get_object (camera);
          g_assert_true (json_object_has_member (o, "lon") && json_object_has_member (o, "lat") &&
                         json_object_has_member (o, "zoom"));
        }
      else if (g_str_equal (view, "timeline"))
        {
          JsonObject *o = json_node_get_object (camera);
          g_assert_true (json_object_has_member (o, "first") && json_object_has_member (o, "last"));
        }
      else if (g_str_equal (view, "charts"))
        {
          const char *chart = json_object_get_string_member (json_node_get_object (camera), "chart");
          const char *known[] = { "projects-2020-12-15-by-type", "sites-by-category",
                                  "sites-per-district", "events-per-year", NULL };
          g_assert_true (g_strv_contains (known, chart));
        }
    }
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    g_assert_true (seen[v]);
}

static AtlasStory *
lookup (AtlasStories *stories,
        const char   *id)
{
  AtlasStory *story = atlas_stories_lookup (stories, id);

  g_assert_nonnull (story);
  return story;
}

static void
test_edit_persist (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *export_path = g_build_filename (tmpdir, "exported.json", NULL);
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  guint n_bundled;

  /* First run: make a story, add, edit, reorder and delete steps. */
  {
    g_autoptr(AtlasStore) store = open_store ("persist.sqlite");
    g_autoptr(AtlasStories) stories = atlas_stories_new (store, &error);
    AtlasStory *story;
    g_autoptr(AtlasStoryStep) a = atlas_story_step_new ("sites", NULL, "一", "one", "");
    g_autoptr(AtlasStoryStep) b = atlas_story_step_new ("map", NULL, "二", "two", "");
    g_autoptr(AtlasStoryStep) c = atlas_story_step_new ("timeline", NULL, "三", "three", "");

    g_assert_no_error (error);
    n_bundled = g_list_model_get_n_items (G_LIST_MODEL (stories));
    g_assert_cmpuint (n_bundled, >=, 1);

    story = atlas_stories_create (stories, "我的故事", "My story", &error);
    g_assert_no_error (error);
    id = g_strdup (atlas_story_get_id (story));
    atlas_story_append_step (story, a);
    atlas_story_append_step (story, b);
    atlas_story_append_step (story, c);
    atlas_story_step_set_notes (b, "remember the map");
    atlas_story_step_set_caption_en (c, "three, edited");
    atlas_story_move_step (story, 2, 0);          /* c a b */
    atlas_story_remove_step (story, 1);           /* c b */
    g_assert_true (atlas_stories_save (stories, story, &error));
    g_assert_no_error (error);

    /* An edit of the bundled story is kept too. */
    story = lookup (stories, "cas-chongqing");
    atlas_story_step_set_caption_en (atlas_story_get_step (story, 0), "My own opening");
    g_assert_true (atlas_stories_save (stories, story, &error));
    g_assert_true (atlas_stories_export (stories, lookup (stories, id), export_file, &error));
    g_assert_no_error (error);
  }

  /* Second run: all of it is still there, in order. */
  {
    g_autoptr(AtlasStore) store = open_store ("persist.sqlite");
    g_autoptr(AtlasStories) stories = atlas_stories_new (store, &error);
    AtlasStory *story, *imported;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (stories)), ==, n_bundled + 1);
    story = lookup (stories, id);
    g_assert_cmpstr (atlas_story_get_title_en (story), ==, "My story");
    g_assert_cmpuint (atlas_story_get_n_steps (story), ==, 2);
    g_assert_cmpstr (atlas_story_step_get_caption_en (atlas_story_get_step (story, 0)), ==, "three, edited");
    g_assert_cmpstr (atlas_story_step_get_view (atlas_story_get_step (story, 0)), ==, "timeline");
    g_assert_cmpstr (atlas_story_step_get_notes (atlas_story_get_step (story, 1)), ==, "remember the map");

    story = lookup (stories, "cas-chongqing");
    g_assert_cmpstr (atlas_story_step_get_caption_en (atlas_story_get_step (story, 0)), ==, "My own opening");

    /* Import the exported file: a new story with the same steps. */
    imported = atlas_stories_import (stories, export_file, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (atlas_story_get_id (imported), !=, id);
    g_assert_cmpuint (atlas_story_get_n_steps (imported), ==, 2);
    g_assert_cmpstr (atlas_story_step_get_caption_en (atlas_story_get_step (imported, 0)), ==, "three, edited");

    /* Removing the edit brings the bundled story back; removing a user
     * story deletes it.
     */
    g_assert_true (atlas_stories_remove (stories, story, &error));
    story = lookup (stories, "cas-chongqing");
    g_assert_cmpstr (atlas_story_step_get_caption_en (atlas_story_get_step (story, 0)), !=, "My own opening");
    g_assert_true (atlas_stories_remove (stories, lookup (stories, id), &error));
    g_assert_null (atlas_stories_lookup (stories, id));
  }

  /* Third run: the removals were saved. */
  {
    g_autoptr(AtlasStore) store = open_store ("persist.sqlite");
    g_autoptr(AtlasStories) stories = atlas_stories_new (store, &error);

    g_assert_no_error (error);
    g_assert_null (atlas_stories_lookup (stories, id));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (stories)), ==, n_bundled + 1);
  }
}

static void
test_bad_story_file (void)
{
  g_autoptr(AtlasStore) store = open_store (NULL);
  g_autoptr(AtlasStories) stories = atlas_stories_new (store, NULL);
  g_autofree char *path = g_build_filename (tmpdir, "bad.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (stories));

  g_assert_true (g_file_set_contents (path, "{\"id\": \"x\", \"steps\": [{\"caption_en\": \"no view\"}]}", -1, NULL));
  g_assert_null (atlas_stories_import (stories, file, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (stories)), ==, n);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tmpdir = g_dir_make_tmp ("atlas-present-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/present/state-round-trip", test_state_round_trip);
  g_test_add_func ("/present/undo-redo", test_undo_redo);
  g_test_add_func ("/present/bundled-story", test_bundled_story);
  g_test_add_func ("/present/edit-persist", test_edit_persist);
  g_test_add_func ("/present/bad-story-file", test_bad_story_file);

  status = g_test_run ();
  g_free (tmpdir);
  return status;
}
