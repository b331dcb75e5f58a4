/* test-present-stage.c
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

/* The presentation's stage under a display (issue 12): at a projector's
 * size the stage and everything on it stay inside the screen, whatever the
 * font; every bundled step's subject is on stage and clear of its caption;
 * Escape gives the window back exactly; the closing slide; the slides and
 * the handout; the audience monitor; the story editor's keys.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "atlas-application.h"
#include "atlas-chart-card.h"
#include "atlas-chart-definition.h"
#include "atlas-chart-series.h"
#include "atlas-charts-page.h"
#include "atlas-dataset.h"
#include "atlas-handout.h"
#include "atlas-present-hud.h"
#include "atlas-presentation.h"
#include "atlas-presenter-window.h"
#include "atlas-slides.h"
#include "atlas-stage.h"
#include "atlas-state.h"
#include "atlas-stories.h"
#include "atlas-story-editor.h"
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
  AtlasWindow *window = atlas_window_new (GTK_APPLICATION (app), atlas_application_get_dataset (app),
                                         atlas_application_get_settings (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  gtk_window_present (GTK_WINDOW (window));
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  return window;
}

static AtlasStory *
bundled_story (AtlasWindow *window)
{
  AtlasStory *story = atlas_stories_lookup (window->stories, "cas-chongqing");

  g_assert_nonnull (story);
  g_assert_cmpuint (atlas_story_get_n_steps (story), >=, 8);
  return story;
}

/* @rect in @from's coordinates, as a rectangle in @to's (through scaling). */
static void
map_rect (GtkWidget             *from,
          GtkWidget             *to,
          const graphene_rect_t *rect,
          graphene_rect_t       *out)
{
  graphene_point_t a, b;

  g_assert_true (gtk_widget_compute_point (from, to, &rect->origin, &a));
  g_assert_true (gtk_widget_compute_point (from, to,
                                           &GRAPHENE_POINT_INIT (rect->origin.x + rect->size.width,
                                                                 rect->origin.y + rect->size.height), &b));
  graphene_rect_init (out, MIN (a.x, b.x), MIN (a.y, b.y), fabs (b.x - a.x), fabs (b.y - a.y));
}

/* Every mapped widget on stage lies inside it (scrolled content aside,
 * which its scroller clips).
 */
static void
check_inside (GtkWidget             *widget,
              GtkWidget             *stage,
              const graphene_rect_t *bounds,
              guint                 *checked)
{
  graphene_rect_t rect;

  if (!gtk_widget_get_mapped (widget))
    return;
  if (widget != stage && gtk_widget_compute_bounds (widget, stage, &rect) &&
      rect.size.width > 0 && rect.size.height > 0)
    {
      if (!atlas_test_rect_inside (bounds, &rect, 1))
        g_error ("%s (%s) at %.0f,%.0f %.0fx%.0f is outside the %.0fx%.0f stage",
                 G_OBJECT_TYPE_NAME (widget), gtk_widget_get_name (widget),
                 rect.origin.x, rect.origin.y, rect.size.width, rect.size.height,
                 bounds->size.width, bounds->size.height);
      (*checked)++;
    }
  if (GTK_IS_SCROLLED_WINDOW (widget) || GTK_IS_VIEWPORT (widget))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_inside (child, stage, bounds, checked);
}

static void
settle (void)
{
  spin (150);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* One bundled step on stage: inside, and its subject clear of the caption. */
static void
check_step (AtlasPresentation *presentation,
            AtlasStory        *story,
            guint              index,
            int                width,
            int                height)
{
  GtkWindow *stage = atlas_presentation_get_stage (presentation);
  AtlasPresentHud *hud = ATLAS_PRESENT_HUD (atlas_presentation_get_hud (presentation));
  AdwViewStack *pages = atlas_stage_get_pages (ATLAS_STAGE (stage));
  AtlasStoryStep *step = atlas_story_get_step (story, index);
  GtkWidget *panel = atlas_present_hud_get_panel (hud);
  GtkWidget *page;
  graphene_rect_t stage_rect, panel_rect, subject, on_stage, safe;
  guint checked = 0;

  g_assert_true (atlas_presentation_go_to (presentation, index));
  settle ();

  /* The window is the projector's size, not what the page asked for. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (stage)), <=, width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (stage)), <=, height);
  graphene_rect_init (&stage_rect, 0, 0, gtk_widget_get_width (GTK_WIDGET (stage)),
                      gtk_widget_get_height (GTK_WIDGET (stage)));
  check_inside (GTK_WIDGET (stage), GTK_WIDGET (stage), &stage_rect, &checked);
  g_assert_cmpuint (checked, >, 5);

  /* The subject: on the step's own page, inside the margins, off the caption. */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (pages), ==, atlas_story_step_get_view (step));
  page = adw_view_stack_get_visible_child (pages);
  /* The page may still frame its camera: wait until the subject stays put. */
  for (guint tries = 0; tries < 40; tries++)
    {
      graphene_rect_t previous;

      g_assert_true (atlas_view_get_subject_bounds (ATLAS_VIEW (page), &subject));
      map_rect (page, GTK_WIDGET (hud), &subject, &on_stage);
      previous = on_stage;
      spin (60);
      g_assert_true (atlas_view_get_subject_bounds (ATLAS_VIEW (page), &subject));
      map_rect (page, GTK_WIDGET (hud), &subject, &on_stage);
      if (graphene_rect_equal (&previous, &on_stage))
        break;
    }
  g_assert_true (gtk_widget_compute_bounds (panel, GTK_WIDGET (hud), &panel_rect));
  atlas_present_hud_get_safe_area (hud, &safe);
  g_test_message ("%dx%d step %u (%s, caption %s): subject %.0f,%.0f %.0fx%.0f, caption %.0f,%.0f %.0fx%.0f, scale %.2f",
                  width, height, index + 1, atlas_story_step_get_view (step),
                  atlas_caption_side_get_label (atlas_present_hud_get_side (hud)),
                  on_stage.origin.x, on_stage.origin.y, on_stage.size.width, on_stage.size.height,
                  panel_rect.origin.x, panel_rect.origin.y, panel_rect.size.width, panel_rect.size.height,
                  atlas_present_hud_get_scale (hud));
  g_assert_true (atlas_test_rect_inside (&safe, &on_stage, 1));
  g_assert_false (atlas_test_rects_overlap (&on_stage, &panel_rect, 1));
  g_assert_true (atlas_test_rect_inside (&safe, &panel_rect, 1));
  g_assert_cmpstr (atlas_present_hud_get_caption (hud), ==, atlas_story_step_get_caption (step));

  /* A screen reader hears the step: the caption's panel has the stage's
   * focus and says the step's number and caption.
   */
  {
    g_autofree char *spoken = g_strdup_printf (_("Step %u of %u: %s"), index + 1,
                                               atlas_story_get_n_steps (story),
                                               atlas_story_step_get_caption (step));

    g_assert_true (gtk_widget_has_focus (panel));
    g_assert_true (gtk_window_get_focus (stage) == panel);
    gtk_test_accessible_assert_property (panel, GTK_ACCESSIBLE_PROPERTY_LABEL, spoken);
  }
}

static void
present_at (int      width,
            int      height,
            gboolean large_text)
{
  AtlasWindow *window = open_window ();
  AtlasStory *story = bundled_story (window);
  AtlasPresentation *presentation = window->presentation;
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *font = NULL;
  gint64 start;
  int dpi = 0;

  if (large_text)
    {
      /* The large-text setting: 1.5 times the type. */
      g_object_get (settings, "gtk-font-name", &font, "gtk-xft-dpi", &dpi, NULL);
      g_object_set (settings, "gtk-xft-dpi", (int) (96 * 1.5 * 1024), NULL);
    }

  atlas_presentation_set_rehearsal_size (presentation, width, height);
  start = g_get_monotonic_time ();
  g_assert_true (atlas_presentation_start (presentation, story, 0));
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (atlas_presentation_get_stage (presentation))));
  /* A figure, not a limit: how long F5 takes to show the stage. */
  g_test_message ("stage shown after %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  settle ();

  for (guint i = 0; i < atlas_story_get_n_steps (story); i++)
    check_step (presentation, story, i, width, height);

  atlas_presentation_stop (presentation);
  atlas_presentation_set_rehearsal_size (presentation, 0, 0);
  if (large_text)
    g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_fits_1024x768 (void)
{
  present_at (1024, 768, FALSE);
}

static void
test_fits_1366x768 (void)
{
  present_at (1366, 768, FALSE);
}

static void
test_fits_large_text (void)
{
  present_at (1024, 768, TRUE);
}

/* Escape gives back the page, camera, selection, filters, window and type
 * exactly as they were before F5.
 */
static void
test_escape_restores (void)
{
  AtlasWindow *window = open_window ();
  AtlasStory *story = bundled_story (window);
  AtlasPresentation *presentation = window->presentation;
  AtlasState *state = atlas_window_get_state (window);
  AtlasDataset *dataset = atlas_window_get_dataset (window);
  AtlasView *map = ATLAS_VIEW (atlas_window_get_page (window, "map"));
  GtkWidget *map_page = GTK_WIDGET (map);
  g_autoptr(JsonNode) camera = json_from_string ("{\"lon\": 106.55, \"lat\": 29.56, \"zoom\": 10.25}", NULL);
  g_autoptr(JsonNode) before_state = NULL, after_state = NULL, before_camera = NULL, after_camera = NULL;
  g_autofree char *want = NULL, *have = NULL, *want_camera = NULL, *have_camera = NULL;
  int w_before, h_before, w_after, h_after;
  GtkWidget *controls;

  atlas_state_set_page (state, "map");
  atlas_view_restore_camera (map, camera, FALSE);
  atlas_state_set_district (state, 500112);
  atlas_state_set_search_text (state, "研究");
  atlas_state_set_selection (state, atlas_dataset_lookup (dataset, "site", "cas-cigit"));
  settle ();
  before_state = atlas_state_to_json (state);
  before_camera = atlas_view_save_camera (map);
  gtk_window_get_default_size (GTK_WINDOW (window), &w_before, &h_before);

  g_assert_true (atlas_presentation_start (presentation, story, 0));
  for (guint i = 1; i <= atlas_story_get_n_steps (story); i++)
    {
      g_assert_true (atlas_presentation_next (presentation));
      for (guint j = 0; j < 5; j++)
        g_main_context_iteration (NULL, FALSE);
    }
  g_assert_true (atlas_present_hud_get_closing (ATLAS_PRESENT_HUD (atlas_presentation_get_hud (presentation))));
  atlas_presentation_stop (presentation);
  settle ();

  after_state = atlas_state_to_json (state);
  after_camera = atlas_view_save_camera (map);
  want = json_to_string (before_state, FALSE);
  have = json_to_string (after_state, FALSE);
  want_camera = json_to_string (before_camera, FALSE);
  have_camera = json_to_string (after_camera, FALSE);
  g_assert_cmpstr (have, ==, want);
  g_assert_cmpstr (have_camera, ==, want_camera);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->stack), ==, "map");

  /* The window was never fullscreened, moved or resized... */
  gtk_window_get_default_size (GTK_WINDOW (window), &w_after, &h_after);
  g_assert_cmpint (w_after, ==, w_before);
  g_assert_cmpint (h_after, ==, h_before);
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (window)));
  /* ... and its pages never drew for a projector: the map's controls show. */
  controls = atlas_test_find_child_of_type (map_page, GTK_TYPE_SWITCH);
  g_assert_nonnull (controls);
  g_assert_true (gtk_widget_is_visible (controls));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->header_bar)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Home and End, the closing slide with the sources, the progress bar. */
static void
test_closing_slide (void)
{
  AtlasWindow *window = open_window ();
  AtlasStory *story = bundled_story (window);
  AtlasPresentation *presentation = window->presentation;
  guint n = atlas_story_get_n_steps (story);
  AtlasPresentHud *hud;
  g_autofree char *sources = NULL;

  g_assert_true (atlas_presentation_start (presentation, story, 2));
  hud = ATLAS_PRESENT_HUD (atlas_presentation_get_hud (presentation));
  g_assert_cmpfloat_with_epsilon (atlas_present_hud_get_progress (hud), 3.0 / (n + 1), 0.001);
  g_assert_true (atlas_presentation_go_to (presentation, n - 1));
  g_assert_false (atlas_present_hud_get_closing (hud));
  g_assert_true (atlas_presentation_next (presentation));
  g_assert_true (atlas_present_hud_get_closing (hud));
  g_assert_false (atlas_presentation_next (presentation));
  g_assert_cmpfloat (atlas_present_hud_get_progress (hud), ==, 1.0);

  sources = atlas_story_dup_cited_sources (atlas_window_get_dataset (window), story, 100);
  g_test_message ("sources:\n%s", sources);
  g_assert_cmpuint (strlen (sources), >, 0);
  g_assert_nonnull (strchr (sources, '\n'));

  atlas_presentation_stop (presentation);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The presenter view: live picture of the stage, the next step drawn, the
 * notes, a timer that restarts.
 */
static void
test_presenter_view (void)
{
  AtlasWindow *window = open_window ();
  AtlasStory *story = bundled_story (window);
  AtlasPresentation *presentation = window->presentation;
  AtlasPresenterWindow *presenter;
  guint n = atlas_story_get_n_steps (story);

  atlas_presentation_set_force_presenter_view (presentation, TRUE);
  g_assert_true (atlas_presentation_start (presentation, story, 0));
  presenter = ATLAS_PRESENTER_WINDOW (atlas_presentation_get_presenter_window (presentation));
  g_assert_nonnull (presenter);
  g_assert_nonnull (atlas_presenter_window_get_next_picture (presenter));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (atlas_presenter_window_get_next_picture (presenter)), >, 0);
  g_assert_cmpstr (atlas_presenter_window_get_notes (presenter), ==,
                   atlas_story_step_get_notes (atlas_story_get_step (story, 0)));
  atlas_presenter_window_reset_timer (presenter);
  g_assert_cmpstr (atlas_presenter_window_get_timer_text (presenter), ==, "00:00");

  /* On the last step, the next picture is the closing slide. */
  g_assert_true (atlas_presentation_go_to (presentation, n - 1));
  g_assert_nonnull (atlas_presenter_window_get_next_picture (presenter));

  atlas_presentation_stop (presentation);
  atlas_presentation_set_force_presenter_view (presentation, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The audience's monitor: the one asked for if connected, else a default. */
static void
test_audience_monitor (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  GListModel *monitors = gdk_display_get_monitors (display);
  g_autoptr(GdkMonitor) first = g_list_model_get_item (monitors, 0);
  g_autoptr(GdkMonitor) chosen = NULL, fallback = NULL;

  g_assert_nonnull (first);
  fallback = atlas_presentation_choose_audience_monitor (display, "NO-SUCH-CONNECTOR");
  g_assert_nonnull (fallback);
  if (gdk_monitor_get_connector (first) != NULL)
    {
      chosen = atlas_presentation_choose_audience_monitor (display, gdk_monitor_get_connector (first));
      g_assert_true (chosen == first);
    }
}

static guint
count_pdf_pages (const char *path)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *pages;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, NULL));
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static char *
pdf_page_text (const char *path,
               guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-f", number, "-l", number, path, "-", NULL };
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, NULL));
  return out;
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_slides_write_finish (result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* One 1920x1080 PNG per step and the closing slide, and the same as a PDF. */
static void
test_slides (void)
{
  AtlasWindow *window = open_window ();
  AtlasStory *story = bundled_story (window);
  AtlasState *state = atlas_window_get_state (window);
  g_autofree char *folder_path = g_build_filename (tmpdir, "slides", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GPtrArray) nodes = NULL;
  g_autofree char *pdf = NULL, *before = NULL, *after = NULL;
  guint n = atlas_story_get_n_steps (story);
  gboolean done = FALSE;
  g_autoptr(JsonNode) state_before = NULL, state_after = NULL;

  if (g_find_program_in_path ("pdfinfo") == NULL)
    {
      g_test_skip ("pdfinfo (poppler-utils) is needed");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  g_mkdir_with_parents (folder_path, 0700);
  atlas_state_set_district (state, 500112);
  state_before = atlas_state_to_json (state);

  nodes = atlas_slides_render_story (atlas_window_get_session (window), atlas_window_get_pages (window), story, FALSE);
  g_assert_cmpuint (nodes->len, ==, n + 1);
  atlas_slides_write_async (nodes, folder, "deck", NULL, NULL, NULL, on_written, &done);
  ATLAS_WAIT_UNTIL_MS (done, 60000);

  for (guint i = 0; i < n + 1; i++)
    {
      g_autofree char *name = g_strdup_printf ("deck-%02u.png", i + 1);
      g_autofree char *path = g_build_filename (folder_path, name, NULL);
      int w = 0, h = 0;

      g_assert_nonnull (gdk_pixbuf_get_file_info (path, &w, &h));
      g_assert_cmpint (w, ==, 1920);
      g_assert_cmpint (h, ==, 1080);
    }
  pdf = g_build_filename (folder_path, "deck.pdf", NULL);
  g_assert_cmpuint (count_pdf_pages (pdf), ==, n + 1);

  /* Drawn on pages of their own: the window's state did not move. */
  state_after = atlas_state_to_json (state);
  before = json_to_string (state_before, FALSE);
  after = json_to_string (state_after, FALSE);
  g_assert_cmpstr (after, ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The handout: a page per step; a chart step's page shows that chart (its
 * title is on that page); one ".pdf" however the name was typed.
 */
static void
test_handout_charts (void)
{
  AtlasWindow *window = open_window ();
  AtlasStory *story = bundled_story (window);
  AtlasChartsPage *charts = ATLAS_CHARTS_PAGE (atlas_window_get_page (window, "charts"));
  g_autofree char *typed = g_build_filename (tmpdir, "handout.pdf.pdf", NULL);
  g_autoptr(GFile) typed_file = g_file_new_for_path (typed);
  g_autoptr(GFile) file = atlas_handout_dup_file_with_extension (typed_file, ".pdf");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *base = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;
  guint n = atlas_story_get_n_steps (story), chart_steps = 0;

  g_assert_cmpstr (base, ==, "handout.pdf");
  {
    g_autofree char *bare = g_build_filename (tmpdir, "handout", NULL);
    g_autoptr(GFile) bare_file = g_file_new_for_path (bare);
    g_autoptr(GFile) fixed = atlas_handout_dup_file_with_extension (bare_file, ".pdf");
    g_autofree char *fixed_base = g_file_get_basename (fixed);

    g_assert_cmpstr (fixed_base, ==, "handout.pdf");
  }

  if (g_find_program_in_path ("pdfinfo") == NULL || g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are needed");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  g_assert_true (atlas_handout_write_pdf (atlas_window_get_session (window), atlas_window_get_pages (window),
                                          story, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_pdf_pages (path), ==, n);

  for (guint i = 0; i < n; i++)
    {
      AtlasStoryStep *step = atlas_story_get_step (story, i);
      JsonNode *camera = atlas_story_step_get_camera (step);
      const char *id;
      AtlasChartCard *card;
      g_autofree char *text = NULL, *start = NULL;
      const char *title;

      if (g_strcmp0 (atlas_story_step_get_view (step), "charts") != 0 || camera == NULL)
        continue;
      id = json_object_get_string_member (json_node_get_object (camera), "chart");
      card = atlas_charts_page_get_card (charts, id);
      g_assert_nonnull (card);
      title = atlas_chart_definition_get_title (atlas_chart_card_get_definition (card));
      if (title == NULL)
        title = atlas_chart_series_get_title (atlas_chart_card_get_series (card));
      g_assert_nonnull (title);
      /* The start of the title, on one line (a long one wraps). */
      start = g_utf8_substring (title, 0, MIN (20, g_utf8_strlen (title, -1)));
      text = pdf_page_text (path, i + 1);
      g_test_message ("chart step %u: “%s”", i + 1, title);
      if (strstr (text, start) == NULL)
        g_error ("page %u of the handout lacks the chart “%s”:\n%s", i + 1, title, text);
      chart_steps++;
    }
  g_assert_cmpuint (chart_steps, >=, 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The story editor: Tab leaves the caption and notes fields instead of
 * typing a tab, and moving through the steps does not show each one until
 * Enter.
 */
static void
test_editor_keys (void)
{
  AtlasWindow *window = open_window ();
  AtlasState *state = atlas_window_get_state (window);
  AtlasStoryEditor *editor;
  GtkWidget *list;
  GtkListBoxRow *row;
  AtlasStory *story;
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  GQueue queue = G_QUEUE_INIT;
  GtkWidget *w;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.stories", NULL));
  editor = ATLAS_STORY_EDITOR (window->story_editor);
  gtk_window_present (GTK_WINDOW (editor));
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  story = atlas_story_editor_get_story (editor, NULL);

  /* Moving to step 2 (a map step) only selects it. */
  atlas_state_set_page (state, "sources");
  list = atlas_test_find_child_of_type (GTK_WIDGET (editor), GTK_TYPE_LIST_BOX);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  gtk_list_box_select_row (GTK_LIST_BOX (list), row);
  settle ();
  g_assert_cmpstr (atlas_state_get_page (state), ==, "sources");
  /* Enter shows it. */
  g_signal_emit_by_name (row, "activate");
  settle ();
  g_assert_cmpstr (atlas_state_get_page (state), ==,
                   atlas_story_step_get_view (atlas_story_get_step (story, 1)));

  /* Every multi-line field gives Tab back to the window. */
  g_queue_push_tail (&queue, editor);
  while ((w = g_queue_pop_head (&queue)) != NULL)
    {
      if (GTK_IS_TEXT_VIEW (w))
        g_ptr_array_add (views, w);
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&queue, c);
    }
  g_assert_cmpuint (views->len, ==, 4);
  for (guint i = 0; i < views->len; i++)
    {
      GtkTextView *view = g_ptr_array_index (views, i);
      GtkEventController *keys = atlas_test_find_controller (GTK_WIDGET (view), GTK_TYPE_EVENT_CONTROLLER_KEY);
      g_autofree char *before = NULL, *after = NULL;
      GtkTextIter start, end;
      gboolean handled = FALSE;

      gtk_widget_grab_focus (GTK_WIDGET (view));
      g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
      gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
      before = gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
      g_assert_nonnull (keys);
      g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Tab, 0, (GdkModifierType) 0, &handled);
      /* The view moves the focus on instead of typing a tab. */
      g_assert_false (gtk_widget_has_focus (GTK_WIDGET (view)));
      gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
      after = gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
      g_assert_cmpstr (after, ==, before);
      g_assert_null (strchr (after, '\t'));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmpdir = atlas_test_make_data_home ("atlas-present-stage");
  g_setenv ("LANGUAGE", "en", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  /* Cameras jump instead of flying, so the tests see the step's frame. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = atlas_test_application_new ();

  g_test_add_func ("/present-stage/fits-1024x768", test_fits_1024x768);
  g_test_add_func ("/present-stage/fits-1366x768", test_fits_1366x768);
  g_test_add_func ("/present-stage/fits-large-text", test_fits_large_text);
  g_test_add_func ("/present-stage/escape-restores", test_escape_restores);
  g_test_add_func ("/present-stage/closing-slide", test_closing_slide);
  g_test_add_func ("/present-stage/presenter-view", test_presenter_view);
  g_test_add_func ("/present-stage/audience-monitor", test_audience_monitor);
  g_test_add_func ("/present-stage/slides", test_slides);
  g_test_add_func ("/present-stage/handout-charts", test_handout_charts);
  g_test_add_func ("/present-stage/editor-keys", test_editor_keys);

  status = g_test_run ();
  g_clear_object (&app);
  g_free (tmpdir);
  return status;
}
