/* test-timeline-ui.c
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

/* The Timeline page in a window: clicking an event shows it in the details
 * pane; brushing sets the shared time range and the Sites list filters;
 * arrows move in time order with dated accessible names; play reveals and
 * stops at the end; the camera goes out and comes back.
 */

#include "config.h"

#include <string.h>

#include "atlas-application.h"
#include "atlas-dataset.h"
#include "atlas-date.h"
#include "atlas-details-pane.h"
#include "atlas-empty-state.h"
#include "atlas-event.h"
#include "atlas-item.h"
#include "atlas-sites-page.h"
#include "atlas-state.h"
#include "atlas-timeline-page.h"
#include "atlas-view.h"
#include "atlas-window.h"
#include "atlas-test-ui.h"

/* Playing through time takes longer than the other waits. */
#define WAIT_LONG(done) ATLAS_WAIT_UNTIL_MS (done, 10000)

static AtlasApplication *app;

static AtlasWindow *
open_timeline (AtlasTimelineView **view)
{
  AtlasWindow *window = atlas_window_new (GTK_APPLICATION (app),
                                          atlas_application_get_dataset (app),
                                          atlas_application_get_settings (app));
  AtlasTimelinePage *page;

  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 800);
  gtk_window_present (GTK_WINDOW (window));
  atlas_state_set_page (atlas_window_get_state (window), "timeline");
  page = ATLAS_TIMELINE_PAGE (atlas_window_get_page (window, "timeline"));
  g_assert_nonnull (page);
  *view = atlas_timeline_page_get_view (page);
  WAIT_LONG (gtk_widget_get_mapped (GTK_WIDGET (*view)) && gtk_widget_get_width (GTK_WIDGET (*view)) > 500);
  return window;
}

static void
test_click_shows_details (void)
{
  AtlasTimelineView *view;
  AtlasWindow *window = open_timeline (&view);
  AtlasTimelineChart *chart = atlas_timeline_view_get_chart (view);
  AtlasDetailsPane *pane = ATLAS_DETAILS_PANE (atlas_window_get_details_pane (window));
  AtlasTimelinePlacement place;
  AtlasEvent *event = NULL;
  g_autofree char *text = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (view));
  int height = gtk_widget_get_height (GTK_WIDGET (view));

  /* The 41 projects signed on 2020-12-15. */
  for (guint i = 0; i < atlas_timeline_chart_get_n_events (chart); i++)
    if (g_str_has_prefix (atlas_item_get_id (ATLAS_ITEM (atlas_timeline_chart_get_event (chart, i))), "science-city-41"))
      {
        event = atlas_timeline_chart_get_event (chart, i);
        g_assert_true (atlas_timeline_chart_get_placement (chart, i, width, height, &place));
      }
  g_assert_nonnull (event);

  g_assert_true (atlas_timeline_view_click (view, (place.mark_start + place.mark_end) / 2, place.y + place.height / 2));
  g_assert_true (atlas_state_get_selection (atlas_window_get_state (window)) == ATLAS_ITEM (event));
  g_assert_cmpstr (atlas_details_pane_get_title (pane), ==, atlas_item_get_name (ATLAS_ITEM (event)));
  g_assert_cmpuint (atlas_details_pane_get_n_citations (pane), >=, 1);
  text = atlas_details_pane_dup_text (pane);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "41"));

  /* A click on empty space selects nothing. */
  g_assert_false (atlas_timeline_view_click (view, 135, 40));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_brush_filters_sites (void)
{
  AtlasTimelineView *view;
  AtlasWindow *window = open_timeline (&view);
  AtlasState *state = atlas_window_get_state (window);
  GListModel *sites = atlas_sites_page_get_model (ATLAS_SITES_PAGE (atlas_window_get_page (window, "sites")));
  guint all = g_list_model_get_n_items (sites);
  guint32 first = atlas_julian_from_ymd (2013, 1, 1), last = atlas_julian_from_ymd (2016, 12, 31);

  g_assert_false (atlas_state_has_time_range (state));
  atlas_timeline_view_brush (view, last + 0.7, first + 0.2);   /* dragged right to left */
  g_assert_true (atlas_state_has_time_range (state));
  g_assert_cmpuint (atlas_state_get_time_first (state), ==, first);
  g_assert_cmpuint (atlas_state_get_time_last (state), ==, last);
  g_assert_cmpuint (g_list_model_get_n_items (sites), <, all);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.clear-range", NULL));
  g_assert_false (atlas_state_has_time_range (state));
  g_assert_cmpuint (g_list_model_get_n_items (sites), ==, all);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_keyboard (void)
{
  AtlasTimelineView *view;
  AtlasWindow *window = open_timeline (&view);
  AtlasState *state = atlas_window_get_state (window);
  guint32 previous = 0;
  guint n = atlas_timeline_chart_get_n_events (atlas_timeline_view_get_chart (view));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline-view.move", "i", -2));
  for (guint i = 0; i < n; i++)
    {
      AtlasEvent *event = ATLAS_EVENT (atlas_state_get_selection (state));
      g_autofree char *date = NULL;

      g_assert_cmpint (atlas_timeline_view_get_focus_index (view), ==, i);
      g_assert_cmpuint (atlas_event_get_first_day (event), >=, previous);
      previous = atlas_event_get_first_day (event);
      /* The accessible name carries the year at least. */
      date = g_strdup_printf ("%.4s", atlas_event_get_date (event));
      g_assert_nonnull (strstr (atlas_timeline_view_get_focus_description (view), date));
      gtk_widget_activate_action (GTK_WIDGET (view), "timeline-view.move", "i", 1);
    }
  gtk_widget_activate_action (GTK_WIDGET (view), "timeline-view.move", "i", 2);
  g_assert_cmpint (atlas_timeline_view_get_focus_index (view), ==, n - 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_play_and_camera (void)
{
  AtlasTimelineView *view;
  AtlasWindow *window = open_timeline (&view);
  AtlasState *state = atlas_window_get_state (window);
  AtlasView *page = ATLAS_VIEW (atlas_window_get_page (window, "timeline"));
  g_autoptr(JsonNode) camera = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  double first, last;

  atlas_timeline_chart_get_extent (atlas_timeline_view_get_chart (view), &first, &last);
  atlas_timeline_view_set_playing (view, TRUE);
  g_assert_true (atlas_timeline_view_get_playing (view));
  g_assert_true (atlas_state_has_time_range (state));
  g_assert_cmpuint (atlas_state_get_time_first (state), ==, (guint32) first);

  atlas_timeline_view_advance (view, 1000);
  g_assert_cmpfloat (atlas_timeline_view_get_cursor (view), ==, first + 1000);
  /* Faster: the real frame clock, at a high speed, reaches the end. */
  atlas_timeline_view_set_speed (view, 20);
  WAIT_LONG (!atlas_timeline_view_get_playing (view));
  g_assert_cmpuint (atlas_state_get_time_last (state), >=, (guint32) last - 1);

  g_assert_true (json_parser_load_from_data (parser, "{\"first\":\"2020-01-01\",\"last\":\"2020-12-31\"}", -1, NULL));
  atlas_view_restore_camera (page, json_parser_get_root (parser), FALSE);
  camera = atlas_view_save_camera (page);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (camera), "first"), ==, "2020-01-01");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (camera), "last"), ==, "2020-12-31");

  /* Animated: arrives after the transition. */
  atlas_view_restore_camera (page, json_parser_get_root (parser), TRUE);
  WAIT_LONG (!atlas_time_axis_is_animating (atlas_timeline_chart_get_axis (atlas_timeline_view_get_chart (view))));
  again = atlas_view_save_camera (page);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (again), "first"), ==, "2020-01-01");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The range opens on the events and ends with the year of the last one,
 * not in an empty stretch after it; 0 comes back to it.
 */
static void
test_default_range (void)
{
  AtlasTimelineView *view;
  AtlasWindow *window = open_timeline (&view);
  AtlasTimelineChart *chart = atlas_timeline_view_get_chart (view);
  AtlasTimeAxis *axis = atlas_timeline_chart_get_axis (chart);
  double first, last, shown_last;
  int year, month, day;

  g_assert_true (atlas_timeline_chart_get_extent (chart, &first, &last));
  atlas_julian_to_ymd ((guint32) (last - 1), &year, &month, &day);
  shown_last = atlas_time_axis_get_last (axis);
  g_test_message ("last event in %d; the axis ends on day %.0f", year, shown_last);
  g_assert_cmpfloat (shown_last, ==, atlas_julian_from_ymd (year + 1, 1, 1));
  g_assert_cmpfloat (atlas_time_axis_get_first (axis), <=, first);

  /* Zoomed in, then 0: the same range again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline-view.zoom", "d", 2.0));
  g_assert_cmpfloat (atlas_time_axis_get_last (axis), <, shown_last);
  atlas_timeline_view_fit_all (view, FALSE);
  g_assert_cmpfloat (atlas_time_axis_get_last (axis), ==, shown_last);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* No event passes the filters: the timeline says so, with Clear Filters. */
static void
test_empty_state (void)
{
  AtlasTimelineView *view;
  AtlasWindow *window = open_timeline (&view);
  AtlasState *state = atlas_window_get_state (window);
  GtkWidget *page = atlas_window_get_page (window, "timeline");
  GtkWidget *empty = atlas_test_find_child_of_type (page, ATLAS_TYPE_EMPTY_STATE);

  g_assert_nonnull (empty);
  g_assert_false (gtk_widget_get_visible (empty));
  atlas_state_set_search_text (state, "zzzz no such event qqqq");
  g_assert_true (gtk_widget_get_visible (empty));
  atlas_state_reset_filters (state);
  g_assert_false (gtk_widget_get_visible (empty));

  /* Hiding every kind empties it too. */
  atlas_state_set_event_kinds (state, 0);
  g_assert_true (gtk_widget_get_visible (empty));
  atlas_state_reset_filters (state);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xdg = NULL;
  int status;

  g_setenv ("LANGUAGE", "en", TRUE);
  xdg = atlas_test_make_data_home ("atlas-timeline-ui");

  gtk_test_init (&argc, &argv, NULL);
  app = atlas_test_application_new ();

  g_test_add_func ("/timeline-ui/click-shows-details", test_click_shows_details);
  g_test_add_func ("/timeline-ui/brush-filters-sites", test_brush_filters_sites);
  g_test_add_func ("/timeline-ui/keyboard", test_keyboard);
  g_test_add_func ("/timeline-ui/play-and-camera", test_play_and_camera);
  g_test_add_func ("/timeline-ui/default-range-ends-with-last-year", test_default_range);
  g_test_add_func ("/timeline-ui/empty-state", test_empty_state);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
