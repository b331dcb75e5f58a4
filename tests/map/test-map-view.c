/* test-map-view.c
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

/* The map in a window (Xvfb): clicking a marker selects its site and the
 * details pane shows it; a selection made elsewhere centres the map on it;
 * Tab walks the markers in reading order; clicking a district selects it
 * without filtering by it.
 */

#include "config.h"

#include <math.h>

#include "atlas-application.h"
#include "atlas-dataset.h"
#include "atlas-details-pane.h"
#include "atlas-district.h"
#include "atlas-empty-state.h"
#include "atlas-item.h"
#include "atlas-map-inset.h"
#include "atlas-map-page.h"
#include "atlas-map-painter.h"
#include "atlas-map-scene.h"
#include "atlas-map-view.h"
#include "atlas-session.h"
#include "atlas-site.h"
#include "atlas-state.h"
#include "atlas-view.h"
#include "atlas-window.h"
#include "atlas-test-ui.h"

static AtlasApplication *app;

typedef struct
{
  AtlasWindow  *window;
  AtlasState   *state;
  AtlasMapPage *page;
  AtlasMapView *view;
} Fixture;

static gboolean
frame_drawn (AtlasMapView *view)
{
  return atlas_map_view_get_markers (view)->len > 0;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = atlas_window_new (GTK_APPLICATION (app),
                                atlas_application_get_dataset (app),
                                atlas_application_get_settings (app));
  f->state = atlas_window_get_state (f->window);
  f->page = ATLAS_MAP_PAGE (atlas_window_get_page (f->window, "map"));
  g_assert_nonnull (f->page);
  f->view = atlas_map_page_get_view (f->page);
  atlas_state_set_page (f->state, "map");
  gtk_window_present (GTK_WINDOW (f->window));
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (f->view)) && frame_drawn (f->view));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
}

static int
find_single_marker (AtlasMapView *view)
{
  GArray *markers = atlas_map_view_get_markers (view);

  for (guint i = 0; i < markers->len; i++)
    if (g_array_index (markers, AtlasMapMarker, i).count == 1 &&
        g_array_index (markers, AtlasMapMarker, i).x > 40)
      return i;
  return -1;
}

static void
redraw (AtlasMapView *view)
{
  GArray *markers = atlas_map_view_get_markers (view);

  g_array_set_size (markers, 0);
  gtk_widget_queue_draw (GTK_WIDGET (view));
  ATLAS_WAIT_UNTIL (markers->len > 0);
}

static void
test_click_marker_selects (Fixture       *f,
                           gconstpointer  data)
{
  AtlasDetailsPane *pane = ATLAS_DETAILS_PANE (atlas_window_get_details_pane (f->window));
  GtkEventController *click = atlas_test_find_controller (GTK_WIDGET (f->view), GTK_TYPE_GESTURE_CLICK);
  AtlasMapMarker marker;
  AtlasItem *selection;
  int index;

  g_assert_nonnull (click);

  /* Zoom in until single markers show. */
  while ((index = find_single_marker (f->view)) < 0)
    {
      AtlasViewport *viewport = atlas_map_view_get_viewport (f->view);

      g_assert_cmpfloat (atlas_viewport_get_zoom (viewport), <, 15);
      atlas_viewport_set_zoom (viewport, atlas_viewport_get_zoom (viewport) + 1);
      redraw (f->view);
    }
  marker = g_array_index (atlas_map_view_get_markers (f->view), AtlasMapMarker, index);

  /* A tap a few pixels off the marker's centre still hits it. */
  g_signal_emit_by_name (click, "pressed", 1, marker.x + 3, marker.y - 2);
  g_signal_emit_by_name (click, "released", 1, marker.x + 3, marker.y - 2);

  selection = atlas_state_get_selection (f->state);
  g_assert_nonnull (selection);
  g_assert_true (ATLAS_IS_SITE (selection));
  g_assert_cmpint (atlas_map_scene_find_site (atlas_map_view_get_scene (f->view), ATLAS_SITE (selection)),
                   ==, (int) marker.site);
  g_assert_cmpstr (atlas_details_pane_get_title (pane), ==, atlas_item_get_name (selection));
}

/* A click on a category in the legend hides it in every view and leaves
 * it listed, dimmed; a second click shows it again.
 */
static void
test_legend_click_hides_category (Fixture       *f,
                                  gconstpointer  data)
{
  GtkEventController *click = atlas_test_find_controller (GTK_WIDGET (f->view), GTK_TYPE_GESTURE_CLICK);
  AtlasSession *session = atlas_window_get_session (f->window);
  GArray *hits = atlas_map_view_get_legend_hits (f->view);
  guint all = g_list_model_get_n_items (atlas_session_get_sites (session));
  AtlasMapLegendHit hit;
  gboolean listed = FALSE;
  double x, y;

  g_assert_cmpuint (hits->len, >, 1);
  hit = g_array_index (hits, AtlasMapLegendHit, 0);
  x = hit.rect.origin.x + hit.rect.size.width / 2;
  y = hit.rect.origin.y + hit.rect.size.height / 2;

  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (click, "released", 1, x, y);
  g_assert_cmpuint (atlas_state_get_categories (f->state), ==, ATLAS_ALL_SITE_CATEGORIES & ~(1u << hit.category));
  g_assert_cmpuint (g_list_model_get_n_items (atlas_session_get_sites (session)), <, all);
  g_assert_null (atlas_state_get_selection (f->state));

  redraw (f->view);
  for (guint i = 0; i < hits->len; i++)
    listed |= g_array_index (hits, AtlasMapLegendHit, i).category == hit.category;
  g_assert_true (listed);

  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (click, "released", 1, x, y);
  g_assert_cmpuint (atlas_state_get_categories (f->state), ==, ATLAS_ALL_SITE_CATEGORIES);
  g_assert_cmpuint (g_list_model_get_n_items (atlas_session_get_sites (session)), ==, all);
}

static void
test_selection_elsewhere_centres (Fixture       *f,
                                  gconstpointer  data)
{
  AtlasViewport *viewport = atlas_map_view_get_viewport (f->view);
  GListModel *sites = atlas_dataset_get_sites (atlas_window_get_dataset (f->window));
  g_autoptr(AtlasSite) site = NULL;

  /* The last site that has a point (sites of an area or of no known place
   * are not on the map).
   */
  for (guint i = g_list_model_get_n_items (sites); site == NULL && i > 0; i--)
    {
      g_autoptr(AtlasSite) candidate = g_list_model_get_item (sites, i - 1);

      if (atlas_site_has_point (candidate))
        site = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (site);

  atlas_state_set_selection (f->state, ATLAS_ITEM (site));
  /* The fly-to takes about 400 ms. */
  ATLAS_WAIT_UNTIL (!atlas_viewport_is_animating (viewport));
  g_assert_cmpfloat_with_epsilon (atlas_viewport_get_lon (viewport), atlas_site_get_lon (site), 1e-6);
  g_assert_cmpfloat_with_epsilon (atlas_viewport_get_lat (viewport), atlas_site_get_lat (site), 1e-6);
  g_assert_cmpfloat (atlas_viewport_get_zoom (viewport), >=, 10);

  /* The camera round-trips through the page's AtlasView interface. */
  {
    g_autoptr(JsonNode) camera = atlas_view_save_camera (ATLAS_VIEW (f->page));

    atlas_viewport_set (viewport, 107, 30, 8);
    atlas_view_restore_camera (ATLAS_VIEW (f->page), camera, FALSE);
    g_assert_cmpfloat_with_epsilon (atlas_viewport_get_lon (viewport), atlas_site_get_lon (site), 1e-6);
  }
}

static void
test_tab_walks_markers (Fixture       *f,
                        gconstpointer  data)
{
  GtkEventController *keys = atlas_test_find_controller (GTK_WIDGET (f->view), GTK_TYPE_EVENT_CONTROLLER_KEY);
  GArray *markers;
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean handled = FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  redraw (f->view);
  markers = atlas_map_view_get_markers (f->view);
  atlas_map_focus_order (markers, order);
  g_assert_cmpuint (order->len, >=, 2);
  /* The areas' badges come last (tests/map/test-map-areas.c). */
  atlas_map_areas_add_focus_order (atlas_map_view_get_areas (f->view), markers->len, order);

  for (guint i = 0; i < order->len; i++)
    {
      g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Tab, 0, 0, &handled);
      g_assert_true (handled);
      g_assert_cmpint (atlas_map_view_get_focus (f->view), ==, (int) g_array_index (order, guint, i));
    }

  /* Past the last marker (or badge), Tab leaves the map. */
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Tab, 0, 0, &handled);
  g_assert_false (handled);

  /* Shift+Tab comes back to the last; Enter on a single site selects it. */
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_ISO_Left_Tab, 0, GDK_SHIFT_MASK, &handled);
  g_assert_true (handled);
  g_assert_cmpint (atlas_map_view_get_focus (f->view), ==, (int) g_array_index (order, guint, order->len - 1));

  /* + zooms in, - zooms out, clamped. */
  {
    AtlasViewport *viewport = atlas_map_view_get_viewport (f->view);
    double before = atlas_viewport_get_zoom (viewport);

    g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_plus, 0, 0, &handled);
    ATLAS_WAIT_UNTIL (!atlas_viewport_is_animating (viewport));
    g_assert_cmpfloat (atlas_viewport_get_zoom (viewport), >, before);
    for (int i = 0; i < 30; i++)
      atlas_map_view_zoom_by (f->view, -1);
    ATLAS_WAIT_UNTIL (!atlas_viewport_is_animating (viewport));
    g_assert_cmpfloat (atlas_viewport_get_zoom (viewport), >=, atlas_viewport_get_min_zoom (viewport));
  }
}

static void
test_click_district (Fixture       *f,
                     gconstpointer  data)
{
  GtkEventController *click = atlas_test_find_controller (GTK_WIDGET (f->view), GTK_TYPE_GESTURE_CLICK);
  AtlasMapScene *scene = atlas_map_view_get_scene (f->view);
  AtlasViewport *viewport = atlas_map_view_get_viewport (f->view);
  int index = atlas_map_scene_find_district (scene, 500236);  /* Fengjie: no crowd of markers */
  AtlasMapShape *shape = atlas_map_scene_get_district (scene, index);
  double x, y;
  int width = gtk_widget_get_width (GTK_WIDGET (f->view));
  int height = gtk_widget_get_height (GTK_WIDGET (f->view));

  g_assert_cmpint (index, >=, 0);
  atlas_viewport_set (viewport, atlas_district_get_label_lon (shape->district),
                      atlas_district_get_label_lat (shape->district), 9);
  redraw (f->view);
  atlas_viewport_to_screen (viewport, atlas_district_get_label_lon (shape->district),
                            atlas_district_get_label_lat (shape->district), width, height, &x, &y);
  /* Somewhere in the district without a marker. */
  if (atlas_map_view_marker_at (f->view, x, y) >= 0)
    y += 40;

  /* One click selects the district and hides nothing: filtering by it is
   * the details pane's button.
   */
  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (click, "released", 1, x, y);
  g_assert_true (atlas_state_get_selection (f->state) == ATLAS_ITEM (shape->district));
  g_assert_cmpint (atlas_state_get_district (f->state), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (atlas_session_get_sites (atlas_window_get_session (f->window))), ==,
                    g_list_model_get_n_items (atlas_dataset_get_sites (atlas_window_get_dataset (f->window))));

  /* Again: the district is let go. */
  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (click, "released", 1, x, y);
  g_assert_null (atlas_state_get_selection (f->state));
  g_assert_cmpint (atlas_state_get_district (f->state), ==, 0);
}

/* How many of the sites passing the filters the view shows. */
static guint
sites_in_view (AtlasMapView *view,
               guint        *total)
{
  AtlasMapScene *scene = atlas_map_view_get_scene (view);
  AtlasViewport *viewport = atlas_map_view_get_viewport (view);
  int width = gtk_widget_get_width (GTK_WIDGET (view));
  int height = gtk_widget_get_height (GTK_WIDGET (view));
  guint shown = 0;

  *total = 0;
  for (guint i = 0; i < atlas_map_scene_get_n_sites (scene); i++)
    {
      AtlasSite *site = atlas_map_scene_get_site (scene, i);
      double x, y;

      if (!atlas_map_scene_is_visible (scene, i) || site == NULL)
        continue;
      (*total)++;
      atlas_viewport_to_screen (viewport, atlas_site_get_lon (site), atlas_site_get_lat (site),
                                width, height, &x, &y);
      if (x >= 0 && x <= width && y >= 0 && y <= height)
        shown++;
    }
  return shown;
}

/* The map opens on the sites — most of them in a few urban districts —
 * not on the whole municipality, where they were one blob; the inset says
 * where that is.  0 still shows all of Chongqing.
 */
static void
test_opens_on_sites (Fixture       *f,
                     gconstpointer  data)
{
  AtlasViewport *viewport = atlas_map_view_get_viewport (f->view);
  AtlasMapInset *inset = ATLAS_MAP_INSET (atlas_test_find_child_of_type (GTK_WIDGET (f->page), ATLAS_TYPE_MAP_INSET));
  double opening = atlas_viewport_get_zoom (viewport);
  graphene_rect_t frame;
  guint total, shown;

  g_assert_nonnull (inset);
  shown = sites_in_view (f->view, &total);
  g_test_message ("opening zoom %.2f, %u of %u sites in view", opening, shown, total);
  g_assert_cmpuint (shown * 10, >=, total * 8);
  g_assert_true (atlas_map_inset_get_frame (inset, &frame));

  atlas_map_view_zoom_to_fit (f->view, FALSE);
  g_test_message ("all of Chongqing at zoom %.2f", atlas_viewport_get_zoom (viewport));
  g_assert_cmpfloat (atlas_viewport_get_zoom (viewport), <, opening - 1);
  shown = sites_in_view (f->view, &total);
  g_assert_cmpuint (shown, ==, total);
  g_assert_false (atlas_map_inset_get_frame (inset, &frame));

  /* A click on the inset moves the map there, at the same zoom. */
  atlas_viewport_set_zoom (viewport, opening);
  g_assert_true (atlas_map_inset_get_frame (inset, &frame));
  {
    double zoom = atlas_viewport_get_zoom (viewport);
    double lon = atlas_viewport_get_lon (viewport);

    /* The inset's right-hand edge: the east of Chongqing. */
    atlas_map_inset_jump_to (inset, gtk_widget_get_width (GTK_WIDGET (inset)) - 10,
                             gtk_widget_get_height (GTK_WIDGET (inset)) / 3.0);
    ATLAS_WAIT_UNTIL (!atlas_viewport_is_animating (viewport));
    g_assert_cmpfloat (atlas_viewport_get_lon (viewport), >, lon + 1);
    g_assert_cmpfloat_with_epsilon (atlas_viewport_get_zoom (viewport), zoom, 1e-9);
  }
}

/* The zoom stops where the schematic base map still shows something, and
 * a little beyond all of Chongqing.
 */
static void
test_zoom_is_clamped (Fixture       *f,
                      gconstpointer  data)
{
  AtlasViewport *viewport = atlas_map_view_get_viewport (f->view);
  double fit;

  atlas_map_view_zoom_to_fit (f->view, FALSE);
  fit = atlas_viewport_get_zoom (viewport);

  atlas_viewport_set_zoom (viewport, 18);
  g_assert_cmpfloat (atlas_viewport_get_zoom (viewport), <=, 13);
  atlas_viewport_set_zoom (viewport, 2);
  g_assert_cmpfloat (atlas_viewport_get_zoom (viewport), >=, fit - 2);
}

/* All of Chongqing stays all of Chongqing when the window grows (it is
 * maximised), the opening frame stays on the same area whatever the filters
 * did meanwhile; a camera the user moved stays where it is.
 */
static void
test_refits_on_resize (Fixture       *f,
                       gconstpointer  data)
{
  AtlasViewport *viewport = atlas_map_view_get_viewport (f->view);
  int width = gtk_widget_get_width (GTK_WIDGET (f->view));
  int height = gtk_widget_get_height (GTK_WIDGET (f->view));
  double zoom = atlas_viewport_get_zoom (viewport);

  /* The opening frame, with no site left by a search, and a new size (the
   * filter bar shows): still the sites' area, not all of Chongqing.
   */
  atlas_state_set_search_text (f->state, "zzzz no such site qqqq");
  gtk_window_set_default_size (GTK_WINDOW (f->window), width + 80, height + 180);
  ATLAS_WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (f->view)) > width + 40);
  g_assert_cmpfloat (atlas_viewport_get_zoom (viewport), >=, zoom);
  atlas_state_set_search_text (f->state, "");
  width = gtk_widget_get_width (GTK_WIDGET (f->view));

  atlas_map_view_zoom_to_fit (f->view, FALSE);
  zoom = atlas_viewport_get_zoom (viewport);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1500, 1000);
  ATLAS_WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (f->view)) > width + 100);
  g_test_message ("all of Chongqing: zoom %.2f, then %.2f", zoom, atlas_viewport_get_zoom (viewport));
  g_assert_cmpfloat (atlas_viewport_get_zoom (viewport), >, zoom + 0.1);

  /* Moved by the user: left alone. */
  atlas_viewport_pan_pixels (viewport, 40, 0);
  zoom = atlas_viewport_get_zoom (viewport);
  width = gtk_widget_get_width (GTK_WIDGET (f->view));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  ATLAS_WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (f->view)) < width - 100);
  g_assert_cmpfloat (atlas_viewport_get_zoom (viewport), ==, zoom);
}

/* No site passes the filters: the map says so, with Clear Filters. */
static void
test_empty_state (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *empty = atlas_test_find_child_of_type (GTK_WIDGET (f->page), ATLAS_TYPE_EMPTY_STATE);

  g_assert_nonnull (empty);
  g_assert_false (gtk_widget_get_visible (empty));
  atlas_state_set_search_text (f->state, "zzzz no such site qqqq");
  g_assert_true (gtk_widget_get_visible (empty));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.clear-filters", NULL));
  g_assert_false (gtk_widget_get_visible (empty));
}

/* Presentation mode and the page's own render (what "Export map…" draws). */
static void
test_presenting_and_render (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GskRenderNode) node = NULL;
  graphene_rect_t bounds;
  GArray *markers;
  double radius;

  redraw (f->view);
  markers = atlas_map_view_get_markers (f->view);
  radius = g_array_index (markers, AtlasMapMarker, 0).radius;

  atlas_view_set_presenting (ATLAS_VIEW (f->page), TRUE);
  redraw (f->view);
  /* Larger markers for the projector; exporting is an editing action. */
  g_assert_cmpfloat (g_array_index (markers, AtlasMapMarker, 0).radius, >, radius);
  {
    guint before = g_list_model_get_n_items (gtk_window_get_toplevels ());

    gtk_widget_activate_action (GTK_WIDGET (f->page), "map.export", NULL);
    g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, before);
  }
  atlas_view_set_presenting (ATLAS_VIEW (f->page), FALSE);
  redraw (f->view);
  g_assert_cmpfloat (g_array_index (markers, AtlasMapMarker, 0).radius, ==, radius);

  node = atlas_view_render (ATLAS_VIEW (f->page), 1024, 640, FALSE);
  g_assert_nonnull (node);
  gsk_render_node_get_bounds (node, &bounds);
  g_assert_cmpfloat (bounds.size.width, ==, 1024);
  g_assert_cmpfloat (bounds.size.height, ==, 640);
}

/* The first frame simplifies the outlines of its own zoom only; the other
 * zooms' are made once the map is idle after it.
 */
static void
test_outlines_prepared_after_first_frame (Fixture       *f,
                                          gconstpointer  data)
{
  g_autoptr(AtlasMapScene) fresh = atlas_map_scene_new (atlas_window_get_dataset (f->window));

  g_assert_false (atlas_map_scene_get_outlines_prepared (fresh));
  ATLAS_WAIT_UNTIL (atlas_map_scene_get_outlines_prepared (atlas_map_view_get_scene (f->view)));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xdg = NULL;
  int status;

  xdg = atlas_test_make_data_home ("atlas-map-view");

  gtk_test_init (&argc, &argv, NULL);

  app = atlas_test_application_new ();

  g_test_add ("/map-view/click-marker-selects-site", Fixture, NULL,
              fixture_set_up, test_click_marker_selects, fixture_tear_down);
  g_test_add ("/map-view/legend-click-hides-category", Fixture, NULL,
              fixture_set_up, test_legend_click_hides_category, fixture_tear_down);
  g_test_add ("/map-view/selection-elsewhere-centres", Fixture, NULL,
              fixture_set_up, test_selection_elsewhere_centres, fixture_tear_down);
  g_test_add ("/map-view/tab-walks-markers", Fixture, NULL,
              fixture_set_up, test_tab_walks_markers, fixture_tear_down);
  g_test_add ("/map-view/click-district", Fixture, NULL,
              fixture_set_up, test_click_district, fixture_tear_down);

  g_test_add ("/map-view/opens-on-the-sites-and-0-fits-all", Fixture, NULL,
              fixture_set_up, test_opens_on_sites, fixture_tear_down);
  g_test_add ("/map-view/zoom-is-clamped", Fixture, NULL,
              fixture_set_up, test_zoom_is_clamped, fixture_tear_down);
  g_test_add ("/map-view/all-of-chongqing-refits-on-resize", Fixture, NULL,
              fixture_set_up, test_refits_on_resize, fixture_tear_down);
  g_test_add ("/map-view/empty-state", Fixture, NULL,
              fixture_set_up, test_empty_state, fixture_tear_down);
  g_test_add ("/map-view/presenting-and-render", Fixture, NULL,
              fixture_set_up, test_presenting_and_render, fixture_tear_down);
  g_test_add ("/map-view/outlines-prepared-after-first-frame", Fixture, NULL,
              fixture_set_up, test_outlines_prepared_after_first_frame, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
