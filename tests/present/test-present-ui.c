/* test-present-ui.c
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

/* Under a display: story steps restore what they claim (the bundled story's
 * steps on the pages this build has, and a test story on the Sites and
 * Sources pages), the keys of presentation mode, editing disabled while
 * presenting, the presenter view, autoplay, the filter bar, undo through the
 * window's actions, adding the current view as a step, and the handout PDF.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "atlas-application.h"
#include "atlas-dataset.h"
#include "atlas-filter-bar.h"
#include "atlas-handout.h"
#include "atlas-item.h"
#include "atlas-present-hud.h"
#include "atlas-presentation.h"
#include "atlas-presenter-window.h"
#include "atlas-sites-page.h"
#include "atlas-state.h"
#include "atlas-stories.h"
#include "atlas-story-editor.h"
#include "atlas-story-player.h"
#include "atlas-view.h"
#include "atlas-window-private.h"
#include "atlas-test-ui.h"

static AtlasApplication *app;
static char *tmpdir;

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, atlas_test_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static AtlasWindow *
open_window (void)
{
  AtlasDataset *dataset = atlas_application_get_dataset (app);
  AtlasWindow *window;

  g_assert_nonnull (dataset);
  window = atlas_window_new (GTK_APPLICATION (app),
                             dataset,
                             atlas_application_get_settings (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  gtk_window_present (GTK_WINDOW (window));
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  return window;
}

static gboolean
apply_step (AtlasWindow     *window,
            AtlasStoryStep  *step,
            GError         **error)
{
  return atlas_story_player_apply (atlas_window_get_session (window), atlas_window_get_pages (window),
                                   step, FALSE, error);
}

static AtlasStory *
load_test_story (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "present", "test-story.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  AtlasStory *story;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  story = atlas_story_new_from_json (json_parser_get_root (parser), &error);
  g_assert_no_error (error);
  return story;
}

/* The state a step claims, in the state's own member order, without page. */
static char *
claimed_state (AtlasStoryStep *step,
               AtlasDataset   *dataset)
{
  g_autoptr(AtlasState) state = atlas_state_new ();
  g_autoptr(JsonNode) node = NULL;

  g_assert_true (atlas_state_load_json (state, atlas_story_step_get_state (step), dataset, NULL));
  node = atlas_state_to_json (state);
  json_object_remove_member (json_node_get_object (node), "page");
  return json_to_string (node, FALSE);
}

static char *
actual_state (AtlasWindow *window)
{
  g_autoptr(JsonNode) node = atlas_state_to_json (atlas_window_get_state (window));

  json_object_remove_member (json_node_get_object (node), "page");
  return json_to_string (node, FALSE);
}

static void
check_camera (AtlasView *view,
              JsonNode  *claimed)
{
  g_autoptr(JsonNode) saved = atlas_view_save_camera (view);
  JsonObject *want = json_node_get_object (claimed);
  JsonObject *have;
  g_autoptr(GList) members = json_object_get_members (want);

  g_assert_nonnull (saved);
  have = json_node_get_object (saved);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *a = json_object_get_member (want, l->data);
      JsonNode *b = json_object_get_member (have, l->data);

      g_assert_nonnull (b);
      if (json_node_get_value_type (a) == G_TYPE_STRING)
        g_assert_cmpstr (json_node_get_string (a), ==, json_node_get_string (b));
      else
        g_assert_cmpfloat_with_epsilon (json_node_get_double (a), json_node_get_double (b), 0.01);
    }
}

/* Shows each step and checks the window shows what the step claims.
 * Returns how many steps could be checked.
 */
static guint
check_steps (AtlasWindow *window,
             AtlasStory  *story)
{
  guint checked = 0;

  for (guint i = 0; i < atlas_story_get_n_steps (story); i++)
    {
      AtlasStoryStep *step = atlas_story_get_step (story, i);
      const char *view = atlas_story_step_get_view (step);
      GtkWidget *page = atlas_window_get_page (window, view);
      g_autoptr(GError) error = NULL;
      g_autofree char *want = NULL, *have = NULL;

      if (page == NULL)
        {
          g_test_message ("step %u shows the “%s” page, which this build does not have yet: "
                          "not checked", i + 1, view);
          g_assert_false (apply_step (window, step, &error));
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
          continue;
        }

      g_assert_true (apply_step (window, step, &error));
      g_assert_no_error (error);

      /* The page, filters and selection. */
      g_assert_cmpstr (atlas_state_get_page (atlas_window_get_state (window)), ==, view);
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->stack), ==, view);
      want = claimed_state (step, atlas_window_get_dataset (window));
      have = actual_state (window);
      g_assert_cmpstr (have, ==, want);

      /* The camera, when the page has one. */
      if (atlas_story_step_get_camera (step) != NULL && ATLAS_IS_VIEW (page) &&
          ATLAS_VIEW_GET_IFACE (page)->save_camera != NULL)
        check_camera (ATLAS_VIEW (page), atlas_story_step_get_camera (step));

      checked++;
    }

  return checked;
}

static void
test_bundled_steps_restore (void)
{
  AtlasWindow *window = open_window ();
  AtlasStory *story = atlas_stories_lookup (window->stories, "cas-chongqing");
  guint checked;

  g_assert_nonnull (story);
  checked = check_steps (window, story);
  g_test_message ("%u of %u bundled steps checked", checked, atlas_story_get_n_steps (story));
  /* The Sites step at least is always there. */
  g_assert_cmpuint (checked, >=, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_test_story_restores (void)
{
  AtlasWindow *window = open_window ();
  g_autoptr(AtlasStory) story = load_test_story ();
  GListModel *sites;

  g_assert_cmpuint (check_steps (window, story), ==, atlas_story_get_n_steps (story));

  /* The Sites table follows the restored filters: step 1 keeps only
   * institutes and laboratories of Beibei.
   */
  g_assert_true (apply_step (window, atlas_story_get_step (story, 0), NULL));
  sites = atlas_sites_page_get_model (ATLAS_SITES_PAGE (atlas_window_get_page (window, "sites")));
  g_assert_cmpuint (g_list_model_get_n_items (sites), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(AtlasItem) site = g_list_model_get_item (sites, i);
      g_assert_cmpstr (atlas_item_get_id (site), !=, "ucas-chongqing-school");
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkEventController *
presentation_keys (AtlasWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (c), "atlas-presentation-keys") == 0)
        return c;
    }
  g_assert_not_reached ();
}

static gboolean
press (GtkEventController *keys,
       guint               keyval)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
  return handled;
}

static gboolean
action_enabled (AtlasWindow *window,
                const char  *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (window), name);
}

static void
test_keys (void)
{
  AtlasWindow *window = open_window ();
  g_autoptr(AtlasStory) story = load_test_story ();
  AtlasPresentation *presentation = window->presentation;
  AtlasPresentHud *hud;
  GtkEventController *keys = presentation_keys (window);
  AtlasState *state = atlas_window_get_state (window);
  gboolean could_clear;

  /* Something to clear and undo before presenting. */
  atlas_state_set_search_text (state, "大学");
  could_clear = action_enabled (window, "clear-filters");
  g_assert_true (could_clear);
  g_assert_true (action_enabled (window, "undo"));
  atlas_state_set_page (state, "sources");

  g_assert_null (atlas_presentation_get_hud (presentation));
  g_assert_true (atlas_presentation_start (presentation, story, 0));
  hud = ATLAS_PRESENT_HUD (atlas_presentation_get_hud (presentation));
  g_assert_true (atlas_presentation_get_active (presentation));
  g_assert_true (atlas_application_get_presenting (app));
  /* The story is on the stage; the window keeps its layout. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->header_bar)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "presenting"));
  g_assert_cmpstr (atlas_present_hud_get_counter (hud), ==, "1 / 3");
  g_assert_cmpstr (atlas_present_hud_get_caption (hud), ==,
                   atlas_story_step_get_caption (atlas_story_get_step (story, 0)));

  /* Editing is off, even when the state changes under it. */
  g_assert_false (action_enabled (window, "undo"));
  g_assert_false (action_enabled (window, "clear-filters"));
  g_assert_false (action_enabled (window, "search"));
  g_assert_false (action_enabled (window, "present"));
  g_assert_false (action_enabled (window, "category-university"));

  /* Clickers send Page Down and Page Up. */
  g_assert_true (press (keys, GDK_KEY_Page_Down));
  g_assert_cmpuint (atlas_presentation_get_index (presentation), ==, 1);
  g_assert_cmpstr (atlas_state_get_page (state), ==, "sources");
  g_assert_cmpstr (atlas_present_hud_get_counter (hud), ==, "2 / 3");
  g_assert_false (action_enabled (window, "clear-filters"));
  g_assert_true (press (keys, GDK_KEY_Page_Up));
  g_assert_cmpuint (atlas_presentation_get_index (presentation), ==, 0);
  g_assert_cmpstr (atlas_state_get_page (state), ==, "sites");

  g_assert_true (press (keys, GDK_KEY_Right));
  g_assert_true (press (keys, GDK_KEY_space));
  g_assert_cmpuint (atlas_presentation_get_index (presentation), ==, 2);
  g_assert_cmpstr (atlas_state_get_search_text (state), ==, "重庆");
  g_assert_cmpstr (atlas_present_hud_get_counter (hud), ==, "3 / 3");

  /* After the last step, the closing slide; it stays the last. */
  g_assert_false (atlas_present_hud_get_closing (hud));
  g_assert_true (press (keys, GDK_KEY_Right));
  g_assert_cmpuint (atlas_presentation_get_index (presentation), ==, 3);
  g_assert_true (atlas_present_hud_get_closing (hud));
  g_assert_cmpfloat (atlas_present_hud_get_progress (hud), ==, 1.0);
  g_assert_true (press (keys, GDK_KEY_Right));
  g_assert_cmpuint (atlas_presentation_get_index (presentation), ==, 3);

  g_assert_true (press (keys, GDK_KEY_BackSpace));
  g_assert_cmpuint (atlas_presentation_get_index (presentation), ==, 2);
  g_assert_false (atlas_present_hud_get_closing (hud));
  g_assert_true (press (keys, GDK_KEY_BackSpace));
  g_assert_cmpuint (atlas_presentation_get_index (presentation), ==, 1);
  g_assert_true (press (keys, GDK_KEY_Left));
  g_assert_cmpuint (atlas_presentation_get_index (presentation), ==, 0);
  g_assert_true (press (keys, GDK_KEY_Left));
  g_assert_cmpuint (atlas_presentation_get_index (presentation), ==, 0);
  g_assert_true (press (keys, GDK_KEY_End));
  g_assert_cmpuint (atlas_presentation_get_index (presentation), ==, 2);
  g_assert_true (press (keys, GDK_KEY_Home));
  g_assert_cmpuint (atlas_presentation_get_index (presentation), ==, 0);

  /* B blanks and unblanks. */
  g_assert_true (press (keys, GDK_KEY_b));
  g_assert_true (atlas_presentation_get_blanked (presentation));
  g_assert_true (press (keys, GDK_KEY_b));
  g_assert_false (atlas_presentation_get_blanked (presentation));

  /* Typing edits nothing. */
  g_assert_true (press (keys, GDK_KEY_x));
  g_assert_cmpstr (atlas_state_get_search_text (state), ==, "");

  /* The stage is a window of its own; the editing window is not fullscreen. */
  g_assert_nonnull (atlas_presentation_get_stage (presentation));
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (window)));

  /* Escape leaves, and the window is as it was. */
  g_assert_true (press (keys, GDK_KEY_Escape));
  g_assert_false (atlas_presentation_get_active (presentation));
  g_assert_false (atlas_application_get_presenting (app));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->header_bar)));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "presenting"));
  g_assert_cmpstr (atlas_state_get_search_text (state), ==, "大学");
  g_assert_cmpstr (atlas_state_get_page (state), ==, "sources");
  g_assert_true (action_enabled (window, "clear-filters"));
  g_assert_true (action_enabled (window, "present"));
  g_assert_false (press (keys, GDK_KEY_Right));
  g_assert_null (atlas_presentation_get_stage (presentation));
  g_assert_null (atlas_presentation_get_hud (presentation));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_presenter_view_and_autoplay (void)
{
  AtlasWindow *window = open_window ();
  g_autoptr(AtlasStory) story = load_test_story ();
  AtlasPresentation *presentation = window->presentation;
  AtlasPresenterWindow *presenter;

  atlas_presentation_set_force_presenter_view (presentation, TRUE);
  atlas_presentation_set_autoplay (presentation, TRUE, 1, TRUE);
  g_assert_true (atlas_presentation_start (presentation, story, 1));
  presenter = ATLAS_PRESENTER_WINDOW (atlas_presentation_get_presenter_window (presentation));
  g_assert_nonnull (presenter);
  g_assert_cmpstr (atlas_presenter_window_get_next_caption (presenter), ==,
                   atlas_story_step_get_caption (atlas_story_get_step (story, 2)));
  g_assert_cmpstr (atlas_presenter_window_get_timer_text (presenter), ==, "00:00");

  /* Its buttons drive the audience window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presenter), "win.present-previous", NULL));
  g_assert_cmpuint (atlas_presentation_get_index (presentation), ==, 0);

  /* Autoplay moves on by itself and loops to the start. */
  ATLAS_WAIT_UNTIL (atlas_presentation_get_index (presentation) == 1);
  ATLAS_WAIT_UNTIL (atlas_presentation_get_index (presentation) == 2);
  ATLAS_WAIT_UNTIL (atlas_presentation_get_index (presentation) == 0);

  atlas_presentation_stop (presentation);
  g_assert_null (atlas_presentation_get_presenter_window (presentation));
  atlas_presentation_set_autoplay (presentation, FALSE, 1, FALSE);

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
nth_part_button (AtlasFilterBar *bar,
                 guint           n)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GtkWidget *w = GTK_WIDGET (bar);
  GQueue queue = G_QUEUE_INIT;

  g_queue_push_tail (&queue, w);
  while ((w = g_queue_pop_head (&queue)) != NULL)
    {
      if (GTK_IS_BUTTON (w) && gtk_widget_has_css_class (w, "filter-part"))
        g_ptr_array_add (found, w);
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&queue, c);
    }
  g_assert_cmpuint (n, <, found->len);
  return g_ptr_array_index (found, n);
}

static void
test_filter_bar (void)
{
  AtlasWindow *window = open_window ();
  AtlasState *state = atlas_window_get_state (window);
  AtlasFilterBar *bar = window->filter_bar;
  guint total = g_list_model_get_n_items (atlas_dataset_get_sites (atlas_window_get_dataset (window)));
  GListModel *sites = atlas_sites_page_get_model (ATLAS_SITES_PAGE (atlas_window_get_page (window, "sites")));
  g_autofree char *text = NULL, *expected = NULL, *after = NULL;

  g_assert_cmpuint (atlas_filter_bar_get_n_parts (bar), ==, 0);

  atlas_state_set_district (state, 500112);
  atlas_state_set_time_range (state, atlas_julian_from_ymd (2019, 1, 1), atlas_julian_from_ymd (2023, 12, 31));
  text = atlas_filter_bar_dup_text (bar);
  g_test_message ("%s", text);
  /* Yubei lies partly in Liangjiang New Area: the sites known only to lie in
   * the new area may be in Yubei, and the bar says how many.
   */
  expected = g_strdup_printf ("Showing %u of %u sites · %u more in the Liangjiang New Area, "
                              "district not known · Yubei District · 2019–2023",
                              g_list_model_get_n_items (sites), total,
                              atlas_session_count_uncertain_sites (atlas_window_get_session (window), NULL));
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpuint (atlas_filter_bar_get_n_parts (bar), ==, 2);

  /* One click takes the district off. */
  g_signal_emit_by_name (nth_part_button (bar, 0), "clicked");
  g_assert_cmpint (atlas_state_get_district (state), ==, 0);
  g_assert_true (atlas_state_has_time_range (state));
  after = atlas_filter_bar_dup_text (bar);
  g_assert_null (strstr (after, "Yubei"));
  g_assert_nonnull (strstr (after, "2019–2023"));

  /* Undo through the window's action brings it back; redo removes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (atlas_state_get_district (state), ==, 500112);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpint (atlas_state_get_district (state), ==, 0);

  atlas_filter_bar_remove_part (bar, 0);
  g_assert_false (atlas_state_has_time_range (state));
  g_assert_cmpuint (atlas_filter_bar_get_n_parts (bar), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_add_current_view (void)
{
  AtlasWindow *window = open_window ();
  AtlasState *state = atlas_window_get_state (window);
  AtlasStoryEditor *editor;
  AtlasStory *story;
  g_autoptr(GError) error = NULL;
  AtlasItem *site = atlas_dataset_lookup (atlas_window_get_dataset (window), "site", "cas-cigit");
  guint step = 99;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.stories", NULL));
  editor = ATLAS_STORY_EDITOR (window->story_editor);
  g_assert_nonnull (editor);

  story = atlas_stories_create (window->stories, "测试", "Test", &error);
  g_assert_no_error (error);
  atlas_story_editor_select (editor, story, 0);
  g_assert_true (atlas_story_editor_get_story (editor, &step) == story);

  atlas_state_set_page (state, "sites");
  atlas_state_set_district (state, 500109);
  atlas_state_set_selection (state, site);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-step", NULL));
  g_assert_cmpuint (atlas_story_get_n_steps (story), ==, 1);
  g_assert_cmpstr (atlas_story_step_get_view (atlas_story_get_step (story, 0)), ==, "sites");
  g_assert_cmpuint (atlas_story_step_get_n_cites (atlas_story_get_step (story, 0)), ==, 1);

  /* It was saved: a fresh read of the user database has it. */
  {
    g_autoptr(AtlasStories) again = atlas_stories_new (atlas_dataset_get_store (atlas_window_get_dataset (window)), &error);
    AtlasStory *copy = atlas_stories_lookup (again, atlas_story_get_id (story));

    g_assert_nonnull (copy);
    g_assert_cmpuint (atlas_story_get_n_steps (copy), ==, 1);
  }

  /* Change the view, then showing the step brings it back. */
  atlas_state_reset_filters (state);
  atlas_state_set_page (state, "sources");
  g_assert_true (apply_step (window, atlas_story_get_step (story, 0), NULL));
  g_assert_cmpint (atlas_state_get_district (state), ==, 500109);
  g_assert_true (atlas_state_get_selection (state) == site);
  g_assert_cmpstr (atlas_state_get_page (state), ==, "sites");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Issue 12's click sequence: Stories, click a step of the bundled story, Add
 * Current View, then + (New Story).  The new story's titles were read from
 * freed memory and saved as garbage; under ASan this was a use-after-free.
 */
static void
test_new_story_after_add_step (void)
{
  AtlasWindow *window = open_window ();
  AtlasStoryEditor *editor;
  GtkWidget *list;
  AtlasStory *story;
  guint n_before;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.stories", NULL));
  editor = ATLAS_STORY_EDITOR (window->story_editor);
  gtk_window_present (GTK_WINDOW (editor));
  story = atlas_story_editor_get_story (editor, NULL);
  g_assert_nonnull (story);
  g_assert_true (atlas_story_get_bundled (story));
  n_before = atlas_story_get_n_steps (story);

  /* Click the second step of the bundled story. */
  list = atlas_test_find_child_of_type (GTK_WIDGET (editor), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  gtk_list_box_select_row (GTK_LIST_BOX (list), gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_signal_emit_by_name (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1), "activate");
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-step", NULL));
  g_assert_cmpuint (atlas_story_get_n_steps (atlas_story_editor_get_story (editor, NULL)), ==, n_before + 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.new-story", NULL));
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);

  story = atlas_story_editor_get_story (editor, NULL);
  g_assert_nonnull (story);
  g_assert_false (atlas_story_get_bundled (story));
  g_assert_true (g_utf8_validate (atlas_story_get_title_zh (story), -1, NULL));
  g_assert_true (g_utf8_validate (atlas_story_get_title_en (story), -1, NULL));
  g_assert_cmpstr (atlas_story_get_title_zh (story), ==, "新故事");
  g_assert_cmpstr (atlas_story_get_title_en (story), ==, "New Story");

  /* What the user database keeps is valid too, for every story. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AtlasStories) again = atlas_stories_new (atlas_dataset_get_store (atlas_window_get_dataset (window)), &error);

    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (again)); i++)
      {
        g_autoptr(AtlasStory) saved = g_list_model_get_item (G_LIST_MODEL (again), i);

        g_assert_true (g_utf8_validate (atlas_story_get_title_zh (saved), -1, NULL));
        g_assert_true (g_utf8_validate (atlas_story_get_title_en (saved), -1, NULL));
      }
    g_assert_nonnull (atlas_stories_lookup (again, atlas_story_get_id (story)));
    g_assert_cmpstr (atlas_story_get_title_en (atlas_stories_lookup (again, atlas_story_get_id (story))), ==,
                     "New Story");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static char *
run (const char *program,
     const char *path)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { program, path, "-", NULL };
  int status;

  if (g_str_equal (program, "pdfinfo"))
    argv[2] = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
test_handout (void)
{
  AtlasWindow *window = open_window ();
  AtlasStory *bundled = atlas_stories_lookup (window->stories, "cas-chongqing");
  g_autoptr(AtlasStory) story = load_test_story ();
  AtlasStory *stories[] = { story, bundled };
  AtlasState *state = atlas_window_get_state (window);

  if (g_find_program_in_path ("pdfinfo") == NULL || g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  atlas_state_set_district (state, 500112);
  atlas_state_set_page (state, "sources");

  for (guint s = 0; s < G_N_ELEMENTS (stories); s++)
    {
      g_autofree char *path = g_strdup_printf ("%s/handout-%u.pdf", tmpdir, s);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *info = NULL, *text = NULL, *pages = NULL;
      guint n = atlas_story_get_n_steps (stories[s]);

      g_assert_true (atlas_handout_write_pdf (atlas_window_get_session (window), atlas_window_get_pages (window), stories[s], file, &error));
      g_assert_no_error (error);

      /* One page per step. */
      info = run ("pdfinfo", path);
      pages = strstr (info, "Pages:");
      g_assert_nonnull (pages);
      g_assert_cmpuint (g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10), ==, n);
      pages = NULL;

      /* Not blank: each caption and the sources are on it. */
      text = run ("pdftotext", path);
      g_assert_nonnull (strstr (text, "Sources"));
      for (guint i = 0; i < n; i++)
        {
          const char *caption = atlas_story_step_get_caption (atlas_story_get_step (stories[s], i));
          g_autofree char *start = g_utf8_substring (caption, 0, 12);

          if (strstr (text, start) == NULL)
            g_error ("caption of step %u (“%s”) not found in the handout text:\n%s", i + 1, start, text);
        }
    }

  /* The window is back as it was. */
  g_assert_cmpint (atlas_state_get_district (state), ==, 500112);
  g_assert_cmpstr (atlas_state_get_page (state), ==, "sources");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The stage's layout at projector sizes, with every caption side: the
 * caption and the subject share the stage without overlapping, inside the
 * margins, and a caption band is never more than 40% of the height.
 */
static void
test_stage_layout (void)
{
  const struct { int w, h; } sizes[] = { { 1024, 768 }, { 1366, 768 }, { 1920, 1080 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (AtlasCaptionSide side = ATLAS_CAPTION_SIDE_BOTTOM; side < ATLAS_N_CAPTION_SIDES; side++)
      {
        graphene_rect_t safe, panel, subject;
        graphene_rect_t stage = GRAPHENE_RECT_INIT (0, 0, sizes[i].w, sizes[i].h);

        atlas_present_layout (sizes[i].w, sizes[i].h, side, sizes[i].h, &safe, &panel, &subject);
        g_assert_true (atlas_test_rect_inside (&stage, &safe, 0.5));
        g_assert_true (atlas_test_rect_inside (&safe, &panel, 0.5));
        g_assert_true (atlas_test_rect_inside (&safe, &subject, 0.5));
        g_assert_false (atlas_test_rects_overlap (&panel, &subject, 0.5));
        if (side == ATLAS_CAPTION_SIDE_BOTTOM || side == ATLAS_CAPTION_SIDE_TOP)
          g_assert_cmpfloat (panel.size.height, <=, safe.size.height * 0.4 + 0.5);
        g_assert_cmpfloat (subject.size.width * subject.size.height, >=, safe.size.width * safe.size.height * 0.5);
      }
}

/* A stage alone, at a projector's size, shows a caption beside a subject. */
static void
test_hud_in_window (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *hud = atlas_present_hud_new ();
  GtkWidget *subject = gtk_label_new ("subject");
  graphene_rect_t panel, label;

  atlas_present_hud_set_subject (ATLAS_PRESENT_HUD (hud), subject);
  gtk_window_set_child (GTK_WINDOW (window), hud);
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  atlas_present_hud_show_step (ATLAS_PRESENT_HUD (hud), "Title", "A caption", 0, 3, ATLAS_CAPTION_SIDE_LEFT, NULL);
  gtk_window_present (GTK_WINDOW (window));
  ATLAS_WAIT_UNTIL (gtk_widget_get_width (hud) > 0 && gtk_widget_get_width (subject) > 0);
  spin (100);

  g_assert_cmpstr (atlas_present_hud_get_counter (ATLAS_PRESENT_HUD (hud)), ==, "1 / 3");
  g_assert_cmpint (atlas_present_hud_get_side (ATLAS_PRESENT_HUD (hud)), ==, ATLAS_CAPTION_SIDE_LEFT);
  g_assert_true (gtk_widget_compute_bounds (atlas_present_hud_get_panel (ATLAS_PRESENT_HUD (hud)), hud, &panel));
  g_assert_true (gtk_widget_compute_bounds (subject, hud, &label));
  g_assert_cmpfloat (panel.origin.x + panel.size.width, <=, label.origin.x);
  g_assert_cmpfloat_with_epsilon (atlas_present_hud_get_progress (ATLAS_PRESENT_HUD (hud)), 1.0 / 4.0, 0.001);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmpdir = atlas_test_make_data_home ("atlas-present-ui");
  g_setenv ("LANGUAGE", "en", TRUE);

  gtk_test_init (&argc, &argv, NULL);

  app = atlas_test_application_new ();

  g_test_add_func ("/present-ui/bundled-steps-restore", test_bundled_steps_restore);
  g_test_add_func ("/present-ui/test-story-restores", test_test_story_restores);
  g_test_add_func ("/present-ui/keys", test_keys);
  g_test_add_func ("/present-ui/presenter-view-autoplay", test_presenter_view_and_autoplay);
  g_test_add_func ("/present-ui/filter-bar", test_filter_bar);
  g_test_add_func ("/present-ui/add-current-view", test_add_current_view);
  g_test_add_func ("/present-ui/new-story-after-add-step", test_new_story_after_add_step);
  g_test_add_func ("/present-ui/handout", test_handout);
  g_test_add_func ("/present-ui/stage-layout", test_stage_layout);
  g_test_add_func ("/present-ui/hud-in-window", test_hud_in_window);

  status = g_test_run ();
  g_clear_object (&app);
  g_free (tmpdir);
  return status;
}
