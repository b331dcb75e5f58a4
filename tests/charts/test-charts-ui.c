/* test-charts-ui.c
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

/* The Charts page in the window, under a display: hovering a bar shows its
 * exact numbers, arrow keys walk the marks, clicking a category bar filters
 * the other views, the camera brings a chart into view, and the Table
 * toggle shows the numbers.  Gestures are driven by emitting signals on the
 * widgets' own event controllers.
 */

#include "config.h"

#include "atlas-application.h"
#include "atlas-chart.h"
#include "atlas-chart-canvas.h"
#include "atlas-chart-card.h"
#include "atlas-chart-definition.h"
#include "atlas-charts-page.h"
#include "atlas-dataset.h"
#include "atlas-empty-state.h"
#include "atlas-item.h"
#include "atlas-state.h"
#include "atlas-style.h"
#include "atlas-view.h"
#include "atlas-window.h"
#include "atlas-test-render.h"
#include "atlas-test-ui.h"

static AtlasApplication *app;

typedef struct
{
  AtlasWindow     *window;
  AtlasState      *state;
  AtlasChartsPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  AtlasDataset *dataset = atlas_application_get_dataset (app);

  f->window = atlas_window_new (GTK_APPLICATION (app),
                                dataset,
                                atlas_application_get_settings (app));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1300, 900);
  f->state = atlas_window_get_state (f->window);
  atlas_state_set_page (f->state, "charts");
  gtk_window_present (GTK_WINDOW (f->window));
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
  f->page = ATLAS_CHARTS_PAGE (atlas_test_find_child_of_type (GTK_WIDGET (f->window), ATLAS_TYPE_CHARTS_PAGE));
  g_assert_nonnull (f->page);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
}

/* The canvas of chart @id, once it has been drawn. */
static AtlasChartCanvas *
drawn_canvas (Fixture    *f,
              const char *id)
{
  AtlasChartCard *card = atlas_charts_page_get_card (f->page, id);
  AtlasChartCanvas *canvas;

  g_assert_nonnull (card);
  canvas = atlas_chart_card_get_canvas (card);
  atlas_view_restore_camera (ATLAS_VIEW (f->page), NULL, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (canvas));
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (canvas)) &&
              atlas_chart_get_n_marks (atlas_chart_canvas_get_chart (canvas)) > 0);
  return canvas;
}

static void
test_hover_shows_tooltip (Fixture       *f,
                          gconstpointer  data)
{
  AtlasChartCanvas *canvas = drawn_canvas (f, "projects-2020-12-15-by-type");
  AtlasChart *chart = atlas_chart_canvas_get_chart (canvas);
  GtkEventController *motion = atlas_test_find_controller (GTK_WIDGET (canvas), GTK_TYPE_EVENT_CONTROLLER_MOTION);
  AtlasChartPoint *point = atlas_chart_get_mark_point (chart, 0);
  graphene_rect_t bounds;
  g_autofree char *value = NULL;
  const char *tooltip;

  g_assert_nonnull (motion);
  g_assert_true (atlas_chart_get_mark_bounds (chart, 0, &bounds));
  g_signal_emit_by_name (motion, "motion", (double) bounds.origin.x + bounds.size.width / 2,
                         (double) bounds.origin.y + bounds.size.height / 2);

  g_assert_cmpint (atlas_chart_canvas_get_hover (canvas), ==, 0);
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (canvas));
  g_assert_nonnull (tooltip);
  /* Exact value with its unit, the label and the period. */
  value = atlas_chart_point_dup_value_text (point);
  g_assert_cmpfloat (atlas_chart_point_get_value (point), ==, 13);
  g_assert_nonnull (strstr (tooltip, value));
  g_assert_nonnull (strstr (tooltip, atlas_chart_point_get_label (point)));
  g_assert_nonnull (strstr (tooltip, atlas_chart_point_get_period (point)));

  /* Leaving the chart hides it. */
  g_signal_emit_by_name (motion, "leave");
  g_assert_cmpint (atlas_chart_canvas_get_hover (canvas), ==, -1);
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (canvas)));
}

static void
test_arrow_keys_walk_marks (Fixture       *f,
                            gconstpointer  data)
{
  AtlasChartCanvas *canvas = drawn_canvas (f, "projects-2020-12-15-by-type");
  GtkEventController *keys = atlas_test_find_controller (GTK_WIDGET (canvas), GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;
  guint n = atlas_chart_get_n_marks (atlas_chart_canvas_get_chart (canvas));

  atlas_chart_canvas_set_focus_mark (canvas, 0);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Right, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_cmpint (atlas_chart_canvas_get_focus_mark (canvas), ==, 1);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (canvas)), "4"));

  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_End, 0, 0, &handled);
  g_assert_cmpint (atlas_chart_canvas_get_focus_mark (canvas), ==, (int) n - 1);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Right, 0, 0, &handled);
  g_assert_cmpint (atlas_chart_canvas_get_focus_mark (canvas), ==, (int) n - 1);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Home, 0, 0, &handled);
  g_assert_cmpint (atlas_chart_canvas_get_focus_mark (canvas), ==, 0);

  /* The summary sentence is the accessible description (checked through
   * the series, which generates it). */
  g_assert_nonnull (atlas_chart_series_dup_summary (atlas_chart_get_series (atlas_chart_canvas_get_chart (canvas)),
                                                    ATLAS_CHART_KIND_HBAR));
}

static void
test_click_category_filters (Fixture       *f,
                             gconstpointer  data)
{
  AtlasChartCanvas *canvas = drawn_canvas (f, "sites-by-category");
  AtlasChart *chart = atlas_chart_canvas_get_chart (canvas);
  GtkEventController *click = atlas_test_find_controller (GTK_WIDGET (canvas), GTK_TYPE_GESTURE_CLICK);
  AtlasChartPoint *point = atlas_chart_get_mark_point (chart, 0);
  graphene_rect_t bounds;
  int category;

  g_assert_cmpint (atlas_chart_point_get_link (point), ==, ATLAS_CHART_LINK_CATEGORY);
  /* The chart is rebuilt when the filter changes: keep what we compare. */
  category = atlas_chart_point_get_link_value (point);
  g_assert_true (atlas_chart_get_mark_bounds (chart, 0, &bounds));
  g_signal_emit_by_name (click, "released", 1, (double) bounds.origin.x + 2,
                         (double) bounds.origin.y + bounds.size.height / 2);
  g_assert_cmpuint (atlas_state_get_categories (f->state), ==, 1u << category);

  /* A district bar filters to the district; the category chart follows. */
  {
    AtlasChartCanvas *districts = drawn_canvas (f, "sites-per-district");
    AtlasChartPoint *district = atlas_chart_get_mark_point (atlas_chart_canvas_get_chart (districts), 0);

    int adcode = atlas_chart_point_get_link_value (district);

    atlas_chart_card_apply_point (atlas_charts_page_get_card (f->page, "sites-per-district"), district);
    g_assert_cmpint (atlas_state_get_district (f->state), ==, adcode);
  }

  /* A year point sets the time range to that year. */
  {
    AtlasChartCanvas *years = drawn_canvas (f, "events-per-year");
    AtlasChartPoint *year = atlas_chart_get_mark_point (atlas_chart_canvas_get_chart (years), 0);

    atlas_chart_card_apply_point (atlas_charts_page_get_card (f->page, "events-per-year"), year);
    g_assert_true (atlas_state_has_time_range (f->state));
  }
}

static void
test_camera_and_table (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(JsonNode) camera = json_from_string ("{\"chart\": \"events-per-year\"}", NULL);
  g_autoptr(JsonNode) saved = NULL;
  AtlasChartCard *card = atlas_charts_page_get_card (f->page, "events-per-year");

  drawn_canvas (f, "events-per-year");
  atlas_view_restore_camera (ATLAS_VIEW (f->page), camera, TRUE);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == GTK_WIDGET (atlas_chart_card_get_canvas (card)));
  saved = atlas_view_save_camera (ATLAS_VIEW (f->page));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (saved), "chart"), ==, "events-per-year");

  atlas_chart_card_set_table_visible (card, TRUE);
  g_assert_true (atlas_chart_card_get_table_visible (card));
  atlas_chart_card_set_table_visible (card, FALSE);
  g_assert_false (atlas_chart_card_get_table_visible (card));
}

static gboolean
card_shown (AtlasChartsPage *page,
            const char      *id)
{
  AtlasChartCard *card = atlas_charts_page_get_card (page, id);

  return card != NULL && gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (card)));
}

/* The search honours the Charts page: the charts with a figure it finds
 * stay; nothing found, the page says so.
 */
static void
test_search_filters_charts (Fixture       *f,
                            gconstpointer  data)
{
  AtlasDataset *dataset = atlas_window_get_dataset (f->window);
  AtlasItem *figure = atlas_dataset_lookup (dataset, "statistic", "yizhiwang-enterprises-served-target");
  GtkWidget *empty = atlas_test_find_child_of_type (GTK_WIDGET (f->page), ATLAS_TYPE_EMPTY_STATE);
  guint all = atlas_charts_page_get_n_shown (f->page);

  g_assert_nonnull (figure);
  g_assert_nonnull (empty);
  g_assert_cmpuint (all, >, 5);

  atlas_state_set_search_text (f->state, atlas_item_get_name_zh (figure));
  g_test_message ("“%s”: %u of %u charts", atlas_item_get_name_zh (figure),
                  atlas_charts_page_get_n_shown (f->page), all);
  g_assert_true (card_shown (f->page, "yizhiwang-targets"));
  g_assert_false (card_shown (f->page, "projects-2020-12-15-by-type"));
  g_assert_cmpuint (atlas_charts_page_get_n_shown (f->page), <, all);
  g_assert_false (gtk_widget_get_mapped (empty));

  atlas_state_set_search_text (f->state, "zzzz no such figure qqqq");
  g_assert_cmpuint (atlas_charts_page_get_n_shown (f->page), ==, 0);
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (empty));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.clear-filters", NULL));
  g_assert_cmpuint (atlas_charts_page_get_n_shown (f->page), ==, all);
}

/* A figure selected elsewhere (a search result, the details pane) brings
 * the chart that holds it into view.
 */
static void
test_figure_brings_its_chart (Fixture       *f,
                              gconstpointer  data)
{
  AtlasDataset *dataset = atlas_window_get_dataset (f->window);
  AtlasItem *figure = atlas_dataset_lookup (dataset, "statistic", "yizhiwang-enterprises-served-target");
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (atlas_test_find_child_of_type (GTK_WIDGET (f->page),
                                                                                    GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

  ATLAS_WAIT_UNTIL (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, 0);
  atlas_state_set_selection (f->state, figure);
  ATLAS_WAIT_UNTIL (g_strcmp0 (atlas_charts_page_get_revealed (f->page), "yizhiwang-targets") == 0 &&
                    gtk_adjustment_get_value (adjustment) > 0);
}

/* Presenting in the dark style (issue 12: "white on white"): the stage is
 * dark, and every text a chart card shows there (its title and period,
 * which are labels, and the axis labels, values and big numbers its
 * canvas draws) reads at 4.5:1 against what it lies on.  The card is drawn
 * as the stage draws it: the page presenting in a window with the stage's
 * classes, over the projector palette's view colour.
 */
static guint
check_card_text (AtlasChartCard *card,
                 const GdkRGBA  *stage,
                 GString        *failures)
{
  GtkWidget *widget = GTK_WIDGET (card);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GArray) texts = NULL;
  cairo_surface_t *surface;
  guint checked = 0;

  g_assert_cmpint (width, >, 100);
  g_assert_cmpint (height, >, 100);
  gtk_snapshot_append_color (snapshot, stage, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  surface = atlas_test_draw_node (node, width, height);
  texts = atlas_test_collect_text (node);

  for (guint i = 0; i < texts->len; i++)
    {
      AtlasTestText *text = &g_array_index (texts, AtlasTestText, i);
      GdkRGBA under;
      double ratio;

      if (!atlas_test_background_under (surface, &text->bounds, &under))
        continue;
      checked++;
      ratio = atlas_style_contrast_ratio (&text->color, &under);
      if (ratio < 4.5)
        g_string_append_printf (failures, "%s: %u glyphs at %.0f,%.0f are %.2f:1 on their background\n",
                                atlas_chart_definition_get_id (atlas_chart_card_get_definition (card)),
                                text->n_glyphs, text->bounds.origin.x, text->bounds.origin.y, ratio);
    }
  cairo_surface_destroy (surface);
  return checked;
}

static void
test_dark_stage_cards_readable (Fixture       *f,
                                gconstpointer  data)
{
  static const char * const ids[] = { "projects-2020-12-15-by-type", "headline-rd", "events-per-year" };
  AdwStyleManager *manager = adw_style_manager_get_default ();
  const AtlasPalette *palette = atlas_style_get_palette (ATLAS_STYLE_PROJECTOR_DARK);
  g_autoptr(GString) failures = g_string_new (NULL);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_widget_add_css_class (GTK_WIDGET (f->window), "atlas-stage");
  gtk_widget_add_css_class (GTK_WIDGET (f->window), "dark");
  atlas_view_set_presenting (ATLAS_VIEW (f->page), TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      AtlasChartCanvas *canvas = drawn_canvas (f, ids[i]);
      AtlasChartCard *card = atlas_charts_page_get_card (f->page, ids[i]);
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->window));
      gint64 frame = gdk_frame_clock_get_frame_counter (clock);

      /* Drawn at least once as it is now. */
      gtk_widget_queue_draw (GTK_WIDGET (f->window));
      ATLAS_WAIT_UNTIL (gdk_frame_clock_get_frame_counter (clock) >= frame + 2);

      g_assert_cmpint (atlas_chart_get_variant (atlas_chart_canvas_get_chart (canvas)), ==, ATLAS_STYLE_PROJECTOR_DARK);
      /* Title, period and source at least, and the canvas's own text. */
      g_assert_cmpuint (check_card_text (card, &palette->view, failures), >=, 4);
    }

  atlas_view_set_presenting (ATLAS_VIEW (f->page), FALSE);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  if (failures->len > 0)
    g_test_message ("%s", failures->str);
  g_assert_cmpuint (failures->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xdg = NULL;
  int status;

  xdg = atlas_test_make_data_home ("atlas-charts");

  gtk_test_init (&argc, &argv, NULL);

  app = atlas_test_application_new ();

  g_test_add ("/charts-ui/hover-shows-tooltip", Fixture, NULL,
              fixture_set_up, test_hover_shows_tooltip, fixture_tear_down);
  g_test_add ("/charts-ui/arrow-keys-walk-marks", Fixture, NULL,
              fixture_set_up, test_arrow_keys_walk_marks, fixture_tear_down);
  g_test_add ("/charts-ui/click-category-filters", Fixture, NULL,
              fixture_set_up, test_click_category_filters, fixture_tear_down);
  g_test_add ("/charts-ui/search-filters-charts", Fixture, NULL,
              fixture_set_up, test_search_filters_charts, fixture_tear_down);
  g_test_add ("/charts-ui/figure-brings-its-chart", Fixture, NULL,
              fixture_set_up, test_figure_brings_its_chart, fixture_tear_down);
  g_test_add ("/charts-ui/camera-and-table", Fixture, NULL,
              fixture_set_up, test_camera_and_table, fixture_tear_down);
  g_test_add ("/charts-ui/dark-stage-cards-readable", Fixture, NULL,
              fixture_set_up, test_dark_stage_cards_readable, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
