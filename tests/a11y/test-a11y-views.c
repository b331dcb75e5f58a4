/* test-a11y-views.c
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

/* What the views say to a screen reader, and what the keyboard reaches:
 * the Sites table's rows are named by their content and its sorting is a
 * menu away; a chart, the map and the timeline describe the focused item
 * with "N of M" as the keyboard moves; a chart's summary stays reachable
 * and its first mark is not skipped; the table a chart hides is out of the
 * accessible tree; Shift and the arrow keys choose a time range on the
 * timeline; a district is chosen on the map from the keyboard.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-accessible.h"
#include "atlas-application.h"
#include "atlas-chart-canvas.h"
#include "atlas-chart-card.h"
#include "atlas-chart-series.h"
#include "atlas-charts-page.h"
#include "atlas-dataset.h"
#include "atlas-district.h"
#include "atlas-event.h"
#include "atlas-format.h"
#include "atlas-item.h"
#include "atlas-labels.h"
#include "atlas-map-page.h"
#include "atlas-map-view.h"
#include "atlas-viewport.h"
#include "atlas-site.h"
#include "atlas-sites-page.h"
#include "atlas-state.h"
#include "atlas-timeline-chart.h"
#include "atlas-timeline-page.h"
#include "atlas-timeline-view.h"
#include "atlas-window.h"
#include "atlas-test-ui.h"

static AtlasApplication *app;

static AtlasWindow *
open_window_on (const char *page)
{
  AtlasWindow *window = atlas_window_new (GTK_APPLICATION (app), atlas_application_get_dataset (app),
                                         atlas_application_get_settings (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 800);
  gtk_window_present (GTK_WINDOW (window));
  atlas_state_set_page (atlas_window_get_state (window), page);
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (atlas_window_get_page (window, page)));
  return window;
}

static void
wait_for_frames (GtkWidget *widget,
                 guint      n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 start = gdk_frame_clock_get_frame_counter (clock);

  ATLAS_WAIT_UNTIL (gdk_frame_clock_get_frame_counter (clock) >= start + n);
}

static const char *
description_of (GtkWidget *widget)
{
  const char *own = atlas_accessible_get_description (widget);

  /* What was set is what screen readers get. */
  g_assert_nonnull (own);
  gtk_test_accessible_assert_property (widget, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, own);
  return own;
}

static void
assert_position (GtkWidget *widget,
                 guint      position,
                 guint      count)
{
  g_autofree char *suffix = g_strdup_printf (", %u of %u", position, count);
  const char *description = description_of (widget);

  g_test_message ("%s", description);
  g_assert_true (g_str_has_suffix (description, suffix));
}

static gboolean
press (GtkWidget       *widget,
       guint            keyval,
       GdkModifierType  state)
{
  GtkEventController *keys = atlas_test_find_controller (widget, GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, state, &handled);
  return handled;
}

/* ---- the Sites table -------------------------------------------------- */

/* The text of every label under @widget, in order. */
static void
collect_label_texts (GtkWidget *widget,
                     GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (*text != '\0')
        g_ptr_array_add (texts, (gpointer) text);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_label_texts (child, texts);
}

/* The rows of a column view (its header aside). */
static GPtrArray *
get_rows (GtkColumnView *view)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      for (GtkWidget *row = gtk_widget_get_first_child (child); row; row = gtk_widget_get_next_sibling (row))
        if (gtk_widget_get_visible (row) && gtk_widget_get_first_child (row) != NULL)
          g_ptr_array_add (rows, row);
  return rows;
}

static GtkWidget *
find_row (GtkColumnView *view,
          const char    *first_cell)
{
  g_autoptr(GPtrArray) rows = get_rows (view);

  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new ();

      collect_label_texts (g_ptr_array_index (rows, i), texts);
      if (texts->len > 0 && g_str_equal (g_ptr_array_index (texts, 0), first_cell))
        return g_ptr_array_index (rows, i);
    }
  return NULL;
}

static GtkWidget *
find_header (GtkColumnView *view,
             guint          position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child; child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_css_name (child), "header") == 0)
      {
        GtkWidget *title = gtk_widget_get_first_child (child);

        for (guint i = 0; i < position && title != NULL; i++)
          title = gtk_widget_get_next_sibling (title);
        return title;
      }
  return NULL;
}

static void
test_sites_rows_read_their_content (void)
{
  AtlasWindow *window = open_window_on ("sites");
  AtlasSitesPage *page = ATLAS_SITES_PAGE (atlas_window_get_page (window, "sites"));
  GtkColumnView *view = GTK_COLUMN_VIEW (atlas_test_find_child_of_type (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
  GListModel *model = atlas_sites_page_get_model (page);
  g_autoptr(GPtrArray) rows = NULL;
  guint checked = 0;

  wait_for_frames (GTK_WIDGET (window), 3);
  rows = get_rows (view);
  g_assert_cmpuint (rows->len, >=, 5);

  /* Each of the first sites: its row is named by its name, category,
   * district, how exact its location is and when it was established, as
   * the site has them.
   */
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(AtlasSite) site = g_list_model_get_item (model, i);
      AtlasDistrict *district = atlas_site_get_district (site);
      g_autofree char *date = atlas_format_date (atlas_site_get_established_on (site));
      g_autoptr(GString) expected = g_string_new (atlas_item_get_name (ATLAS_ITEM (site)));
      GtkWidget *row = find_row (view, atlas_item_get_name (ATLAS_ITEM (site)));

      g_assert_nonnull (row);
      g_string_append_printf (expected, ", %s", atlas_site_category_get_label (atlas_site_get_category (site)));
      /* The District column: the district, else the area, else "not known". */
      if (district != NULL)
        g_string_append_printf (expected, ", %s", atlas_item_get_name (ATLAS_ITEM (district)));
      else if (atlas_site_get_area (site) != NULL)
        g_string_append_printf (expected, ", %s", atlas_item_get_name (ATLAS_ITEM (atlas_site_get_area (site))));
      else
        g_string_append_printf (expected, ", %s", C_("district", "Not known"));
      g_string_append_printf (expected, ", %s",
                              atlas_location_precision_get_label (atlas_site_get_location_precision (site)));
      if (date != NULL && *date != '\0')
        g_string_append_printf (expected, ", %s", date);

      g_test_message ("row: %s", expected->str);
      gtk_test_accessible_assert_role (row, GTK_ACCESSIBLE_ROLE_ROW);
      gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL, expected->str);
      checked++;
    }
  g_assert_cmpuint (checked, ==, 5);

  /* Every row shown is named after what it shows. */
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) texts = g_ptr_array_new ();
      g_autofree char *expected = NULL;

      collect_label_texts (row, texts);
      g_ptr_array_add (texts, NULL);
      expected = g_strjoinv (", ", (char **) texts->pdata);
      gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
sort_column_is (AtlasSitesPage *page,
                const char     *expected)
{
  g_autofree char *column = NULL;

  g_object_get (page, "sort-column", &column, NULL);
  return g_strcmp0 (column, expected) == 0;
}

static void
test_sites_sorting_from_the_keyboard (void)
{
  AtlasWindow *window = open_window_on ("sites");
  AtlasSitesPage *page = ATLAS_SITES_PAGE (atlas_window_get_page (window, "sites"));
  GtkColumnView *view = GTK_COLUMN_VIEW (atlas_test_find_child_of_type (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
  GListModel *model = atlas_sites_page_get_model (page);
  g_autoptr(AtlasSite) first = NULL;
  g_autoptr(AtlasSite) last = NULL;
  g_autoptr(GtkColumnViewColumn) category = NULL;

  /* The headers say how the rows are sorted. */
  ATLAS_WAIT_UNTIL (find_header (view, 0) != NULL);
  wait_for_frames (GTK_WIDGET (window), 2);
  gtk_test_accessible_assert_property (find_header (view, 0), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Name, sorted ascending");
  gtk_test_accessible_assert_property (find_header (view, 2), GTK_ACCESSIBLE_PROPERTY_LABEL, "District");

  /* The Sort menu's actions: by district, then the other way round. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sites.sort-column", "s", "district"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sites.sort-order", "s", "descending"));
  /* Descending: sites with no known place first, the last district
   * (by name) after them, the first district last.
   */
  first = g_list_model_get_item (model, 0);
  last = g_list_model_get_item (model, g_list_model_get_n_items (model) - 1);
  g_assert_null (atlas_site_get_district (first));
  g_assert_nonnull (atlas_site_get_district (last));
  ATLAS_WAIT_UNTIL (gtk_test_accessible_check_property (GTK_ACCESSIBLE (find_header (view, 2)), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                        "District, sorted descending") == NULL);
  gtk_test_accessible_assert_property (find_header (view, 0), GTK_ACCESSIBLE_PROPERTY_LABEL, "Name");

  /* Sorting that comes from the headers (a click leaves one arrow, as
   * clearing first does) shows in the menu.
   */
  category = g_list_model_get_item (gtk_column_view_get_columns (view), 1);
  gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  gtk_column_view_sort_by_column (view, category, GTK_SORT_ASCENDING);
  ATLAS_WAIT_UNTIL (sort_column_is (page, "category"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- charts ------------------------------------------------------------ */

static AtlasChartCard *
find_card (AtlasWindow *window,
           const char  *id)
{
  AtlasChartsPage *page = ATLAS_CHARTS_PAGE (atlas_window_get_page (window, "charts"));
  AtlasChartCard *card = atlas_charts_page_get_card (page, id);

  g_assert_nonnull (card);
  return card;
}

static void
test_chart_arrows_give_n_of_m (void)
{
  AtlasWindow *window = open_window_on ("charts");
  AtlasChartCard *card = find_card (window, "projects-2020-12-15-by-type");
  AtlasChartCanvas *canvas = atlas_chart_card_get_canvas (card);
  GtkWidget *widget = GTK_WIDGET (canvas);
  AtlasChart *chart;
  g_autofree char *summary = NULL;
  guint n;

  /* Marks exist once the chart is laid out. */
  gtk_widget_grab_focus (widget);
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (widget) && atlas_chart_canvas_get_chart (canvas) != NULL &&
                    atlas_chart_get_n_marks (atlas_chart_canvas_get_chart (canvas)) > 0);
  chart = atlas_chart_canvas_get_chart (canvas);
  n = atlas_chart_get_n_marks (chart);
  g_assert_cmpuint (n, >=, 3);
  summary = atlas_chart_series_dup_summary (atlas_chart_get_series (chart), atlas_chart_get_kind (chart));

  /* Coming in: the chart's title, and its summary. */
  gtk_test_accessible_assert_property (widget, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       atlas_chart_series_get_title (atlas_chart_get_series (chart)));
  g_assert_true (g_str_has_prefix (description_of (widget), summary));

  /* The first Right reads the first mark, not the second. */
  g_assert_true (press (widget, GDK_KEY_Right, 0));
  g_assert_cmpint (atlas_chart_canvas_get_focus_mark (canvas), ==, 0);
  assert_position (widget, 1, n);
  g_assert_true (press (widget, GDK_KEY_Right, 0));
  assert_position (widget, 2, n);
  g_assert_true (press (widget, GDK_KEY_End, 0));
  assert_position (widget, n, n);

  /* Hovering with the mouse changes the tooltip, not what the keyboard is
   * on.
   */
  gtk_widget_set_tooltip_text (widget, "hovered");
  g_assert_true (press (widget, GDK_KEY_Home, 0));
  assert_position (widget, 1, n);

  /* Left from the first mark: the summary again. */
  g_assert_true (press (widget, GDK_KEY_Left, 0));
  g_assert_cmpint (atlas_chart_canvas_get_focus_mark (canvas), ==, -1);
  g_assert_true (g_str_has_prefix (description_of (widget), summary));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_hidden (GtkWidget *widget)
{
  return gtk_test_accessible_has_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN) &&
         gtk_test_accessible_check_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE) == NULL;
}

static void
test_chart_hidden_table_is_out_of_the_tree (void)
{
  AtlasWindow *window = open_window_on ("charts");
  AtlasChartCard *card = find_card (window, "sites-by-category");
  GtkWidget *canvas = GTK_WIDGET (atlas_chart_card_get_canvas (card));
  GtkWidget *table = atlas_test_find_child_of_type (GTK_WIDGET (card), GTK_TYPE_COLUMN_VIEW);
  GtkWidget *table_page = gtk_widget_get_ancestor (table, GTK_TYPE_SCROLLED_WINDOW);

  g_assert_false (is_hidden (canvas));
  g_assert_true (is_hidden (table_page));

  atlas_chart_card_set_table_visible (card, TRUE);
  g_assert_true (is_hidden (canvas));
  g_assert_false (is_hidden (table_page));

  atlas_chart_card_set_table_visible (card, FALSE);
  g_assert_false (is_hidden (canvas));
  g_assert_true (is_hidden (table_page));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- the timeline ------------------------------------------------------- */

static gboolean
has_shortcut (GtkWidget  *widget,
              const char *trigger,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *shortcut_action = gtk_shortcut_get_action (shortcut);

          if (g_str_equal (text, trigger) && GTK_IS_NAMED_ACTION (shortcut_action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (shortcut_action)), action))
            return TRUE;
        }
    }
  return FALSE;
}

static void
test_timeline_keyboard_range (void)
{
  AtlasWindow *window = open_window_on ("timeline");
  AtlasState *state = atlas_window_get_state (window);
  AtlasTimelineView *view = atlas_timeline_page_get_view (ATLAS_TIMELINE_PAGE (atlas_window_get_page (window, "timeline")));
  AtlasTimelineChart *chart = atlas_timeline_view_get_chart (view);
  GtkWidget *widget = GTK_WIDGET (view);
  guint n = atlas_timeline_chart_get_n_events (chart);
  AtlasEvent *e2, *e4, *e5;

  g_assert_cmpuint (n, >=, 6);
  g_assert_true (has_shortcut (widget, "<Shift>Right", "timeline-view.extend"));
  g_assert_true (has_shortcut (widget, "<Shift>Left", "timeline-view.extend"));
  g_assert_false (atlas_state_has_time_range (state));

  /* On the third event, Shift+Right twice: the range runs from the third
   * event to the fifth, and the description says where the keyboard is.
   */
  gtk_widget_grab_focus (widget);
  g_assert_true (gtk_widget_activate_action (widget, "timeline-view.move", "i", -2));
  g_assert_true (gtk_widget_activate_action (widget, "timeline-view.move", "i", 1));
  g_assert_true (gtk_widget_activate_action (widget, "timeline-view.move", "i", 1));
  assert_position (widget, 3, n);
  g_assert_true (gtk_widget_activate_action (widget, "timeline-view.extend", "i", 1));
  g_assert_true (gtk_widget_activate_action (widget, "timeline-view.extend", "i", 1));
  e2 = atlas_timeline_chart_get_event (chart, 2);
  e4 = atlas_timeline_chart_get_event (chart, 4);
  g_assert_true (atlas_state_has_time_range (state));
  g_assert_cmpuint (atlas_state_get_time_first (state), ==, atlas_event_get_first_day (e2));
  g_assert_cmpuint (atlas_state_get_time_last (state), ==, MAX (atlas_event_get_last_day (e4),
                                                                 atlas_event_get_last_day (e2)));
  assert_position (widget, 5, n);

  /* Back with Shift+Left: the range shrinks towards the anchor. */
  g_assert_true (gtk_widget_activate_action (widget, "timeline-view.extend", "i", -1));
  g_assert_cmpuint (atlas_state_get_time_first (state), ==, atlas_event_get_first_day (e2));
  g_assert_cmpuint (atlas_state_get_time_last (state), <, atlas_event_get_first_day (e4) + 1);

  /* A plain arrow moves on (to the fifth event); the next Shift+arrow
   * starts from there.
   */
  g_assert_true (gtk_widget_activate_action (widget, "timeline-view.move", "i", 1));
  assert_position (widget, 5, n);
  g_assert_true (gtk_widget_activate_action (widget, "timeline-view.extend", "i", 1));
  e5 = atlas_timeline_chart_get_event (chart, 5);
  g_assert_cmpuint (atlas_state_get_time_first (state), ==, atlas_event_get_first_day (e4));
  g_assert_cmpuint (atlas_state_get_time_last (state), ==, MAX (atlas_event_get_last_day (e5),
                                                                 atlas_event_get_last_day (e4)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- the map ------------------------------------------------------------ */

/* Tab walks the markers in view (one whose place is off the top or the
 * left edge is not in the walk), then the areas' badges.
 */
static guint
n_tab_stops (AtlasMapView *view)
{
  GArray *markers = atlas_map_view_get_markers (view);
  guint n = 0;

  for (guint i = 0; i < markers->len; i++)
    {
      const AtlasMapMarker *m = &g_array_index (markers, AtlasMapMarker, i);

      if (m->x >= 0 && m->y >= 0)
        n++;
    }
  return n + atlas_map_areas_get_n_badges (atlas_map_view_get_areas (view));
}

static void
test_map_tab_and_districts_from_the_keyboard (void)
{
  AtlasWindow *window = open_window_on ("map");
  AtlasState *state = atlas_window_get_state (window);
  AtlasMapPage *page = ATLAS_MAP_PAGE (atlas_window_get_page (window, "map"));
  AtlasMapView *view = atlas_map_page_get_view (page);
  GtkWidget *widget = GTK_WIDGET (view);
  GtkListBox *list;
  GtkListBoxRow *row = NULL;
  GArray *markers;
  const char *description;
  g_autofree char *label = NULL;
  int adcode = 0;

  wait_for_frames (GTK_WIDGET (window), 3);
  /* The map opens by framing the sites: wait until the camera has landed,
   * so the markers counted are the ones Tab walks.
   */
  ATLAS_WAIT_UNTIL (!atlas_viewport_is_animating (atlas_map_view_get_viewport (view)));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  markers = atlas_map_view_get_markers (view);
  g_assert_cmpuint (markers->len, >=, 2);

  /* Tab walks the markers: each says what it is and where it stands. */
  gtk_widget_grab_focus (widget);
  g_assert_true (press (widget, GDK_KEY_Tab, 0));
  assert_position (widget, 1, n_tab_stops (view));
  g_assert_true (press (widget, GDK_KEY_Tab, 0));
  assert_position (widget, 2, n_tab_stops (view));
  markers = atlas_map_view_get_markers (view);

  /* Enter selects a single site: the description says so. */
  while (g_array_index (markers, AtlasMapMarker, atlas_map_view_get_focus (view)).count > 1)
    g_assert_true (press (widget, GDK_KEY_Tab, 0));
  g_assert_true (press (widget, GDK_KEY_Return, 0));
  g_assert_nonnull (atlas_state_get_selection (state));
  description = description_of (widget);
  g_assert_nonnull (strstr (description, atlas_item_get_name (atlas_state_get_selection (state))));
  g_assert_nonnull (strstr (description, ", selected, "));

  /* D opens the list of districts; a row chooses its district. */
  g_assert_true (press (widget, GDK_KEY_d, 0));
  list = GTK_LIST_BOX (atlas_test_find_child_of_type (GTK_WIDGET (page), GTK_TYPE_LIST_BOX));
  g_assert_nonnull (list);
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (list)));
  row = gtk_list_box_get_row_at_index (list, 1);
  g_assert_nonnull (row);
  adcode = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "adcode"));
  g_assert_cmpint (adcode, !=, 0);
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_cmpint (atlas_state_get_district (state), ==, adcode);
  g_assert_true (ATLAS_IS_DISTRICT (atlas_state_get_selection (state)));
  label = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, "\x01");
  g_assert_nonnull (label);
  g_assert_true (g_str_has_suffix (label, ", selected"));

  /* "All of Chongqing" lets go of it. */
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpint (atlas_state_get_district (state), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xdg = NULL;
  int status;

  xdg = atlas_test_make_data_home ("atlas-a11y-views");
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);

  gtk_test_init (&argc, &argv, NULL);

  app = atlas_test_application_new ();

  g_test_add_func ("/a11y/sites/rows-read-their-content", test_sites_rows_read_their_content);
  g_test_add_func ("/a11y/sites/sorting-from-the-keyboard", test_sites_sorting_from_the_keyboard);
  g_test_add_func ("/a11y/charts/arrows-give-n-of-m", test_chart_arrows_give_n_of_m);
  g_test_add_func ("/a11y/charts/hidden-table-is-out-of-the-tree", test_chart_hidden_table_is_out_of_the_tree);
  g_test_add_func ("/a11y/timeline/keyboard-range", test_timeline_keyboard_range);
  g_test_add_func ("/a11y/map/tab-and-districts-from-the-keyboard", test_map_tab_and_districts_from_the_keyboard);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
