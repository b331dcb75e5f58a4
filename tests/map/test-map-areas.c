/* test-map-areas.c
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

/* The sites the map cannot draw as points, in a window (Xvfb): each area's
 * badge counts what the Sites page and the filter bar count, under every
 * filter; the notice counts the sites with no known place; a click or
 * Enter on a badge lists the area's sites, and a row selects its site.
 * Run in English and in Chinese (--language=zh_CN).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "atlas-accessible.h"
#include "atlas-application.h"
#include "atlas-area.h"
#include "atlas-dataset.h"
#include "atlas-details-pane.h"
#include "atlas-item.h"
#include "atlas-l10n.h"
#include "atlas-map-areas.h"
#include "atlas-map-page.h"
#include "atlas-map-site-list.h"
#include "atlas-map-view.h"
#include "atlas-map-render.h"
#include "atlas-session.h"
#include "atlas-site.h"
#include "atlas-state.h"
#include "atlas-window.h"
#include "atlas-test-ui.h"

static AtlasApplication *app;
static gboolean chinese;

typedef struct
{
  AtlasWindow   *window;
  AtlasSession  *session;
  AtlasState    *state;
  AtlasMapPage  *page;
  AtlasMapView  *view;
  AtlasMapAreas *areas;
} Fixture;

static gboolean
frame_drawn (AtlasMapView *view)
{
  return atlas_map_view_get_markers (view)->len > 0;
}

static void
on_after_paint (GdkFrameClock *clock,
                guint         *painted)
{
  (*painted)++;
}

/* A new frame of the map, whether it has markers or not. */
static void
redraw (Fixture *f)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->view));
  guint painted = 0;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);

  gtk_widget_queue_draw (GTK_WIDGET (f->view));
  ATLAS_WAIT_UNTIL (painted > 0);
  g_signal_handler_disconnect (clock, id);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = atlas_window_new (GTK_APPLICATION (app),
                                atlas_application_get_dataset (app),
                                atlas_application_get_settings (app));
  f->session = atlas_window_get_session (f->window);
  f->state = atlas_window_get_state (f->window);
  f->page = ATLAS_MAP_PAGE (atlas_window_get_page (f->window, "map"));
  f->view = atlas_map_page_get_view (f->page);
  f->areas = atlas_map_view_get_areas (f->view);
  g_assert_nonnull (f->areas);
  atlas_state_set_page (f->state, "map");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 768);
  gtk_window_present (GTK_WINDOW (f->window));
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (f->view)) && frame_drawn (f->view));
  /* All of Chongqing: every area's badge has an anchor on screen. */
  atlas_map_view_zoom_to_fit (f->view, FALSE);
  redraw (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
}

/* Counted independently of AtlasMapAreas: the sites of @area in the
 * session's filtered sites (what the Sites page lists), without a point.
 */
static guint
count_in_session (AtlasSession *session,
                  AtlasArea    *area)
{
  GListModel *sites = atlas_session_get_sites (session);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(AtlasSite) site = g_list_model_get_item (sites, i);

      if (atlas_site_get_area (site) == area && !atlas_site_has_point (site))
        n++;
    }
  return n;
}

static guint
count_unplaced_in_session (AtlasSession *session)
{
  GListModel *sites = atlas_session_get_sites (session);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(AtlasSite) site = g_list_model_get_item (sites, i);

      if (atlas_site_get_location_precision (site) == ATLAS_LOCATION_PRECISION_UNKNOWN)
        n++;
    }
  return n;
}

/* Every area's count is what the session's filtered sites hold; the
 * badges drawn are those of the areas with a count, each saying it.
 */
static guint
check_badges (Fixture *f)
{
  guint total = 0, with_sites = 0;

  redraw (f);
  for (guint i = 0; i < atlas_map_areas_get_n_areas (f->areas); i++)
    {
      AtlasArea *area = atlas_map_areas_get_area (f->areas, i);
      guint n = atlas_map_areas_get_count (f->areas, i);
      int badge = atlas_map_areas_find_badge (f->areas, i);

      g_assert_cmpuint (n, ==, count_in_session (f->session, area));
      g_assert_cmpuint (g_list_model_get_n_items (atlas_map_areas_get_sites (f->areas, i)), ==, n);
      g_assert_true ((badge >= 0) == (n > 0));
      total += n;
      with_sites += n > 0;
    }
  g_assert_cmpuint (atlas_map_areas_get_n_badges (f->areas), ==, with_sites);
  return total;
}

static void
test_counts_follow_filters (Fixture       *f,
                            gconstpointer  data)
{
  guint all, some;
  AtlasArea *science_city = NULL;

  all = check_badges (f);
  g_test_message ("%u sites in areas, %u badges", all, atlas_map_areas_get_n_badges (f->areas));
  g_assert_cmpuint (all, >, 0);
  g_assert_cmpuint (atlas_map_areas_get_n_badges (f->areas), >=, 2);

  /* Categories: research institutes only. */
  atlas_state_set_categories (f->state, 1u << ATLAS_SITE_CATEGORY_RESEARCH_INSTITUTE);
  some = check_badges (f);
  g_assert_cmpuint (some, <, all);
  g_assert_cmpuint (some, >, 0);

  /* A search on top: the name of one site of an area finds it. */
  for (guint i = 0; i < atlas_map_areas_get_n_areas (f->areas) && science_city == NULL; i++)
    if (atlas_map_areas_get_count (f->areas, i) > 0)
      {
        g_autoptr(AtlasSite) site = g_list_model_get_item (atlas_map_areas_get_sites (f->areas, i), 0);

        science_city = atlas_map_areas_get_area (f->areas, i);
        atlas_state_set_search_text (f->state, atlas_item_get_name_zh (ATLAS_ITEM (site)));
      }
  g_assert_nonnull (science_city);
  some = check_badges (f);
  g_assert_cmpuint (some, >=, 1);
  g_assert_cmpuint (some, <, all);

  /* A search no site passes: no badge, no hatching to speak of. */
  atlas_state_set_search_text (f->state, "zzzz no such site qqqq");
  g_assert_cmpuint (check_badges (f), ==, 0);
  g_assert_cmpuint (atlas_map_areas_get_n_badges (f->areas), ==, 0);

  atlas_state_reset_filters (f->state);
  g_assert_cmpuint (check_badges (f), ==, all);
}

/* With a district filter no area site is "in" the district; the badges
 * then count the filter bar's "N more in the Science City, district not
 * known": only areas spanning the district, and together the session's
 * uncertain count.
 */
static void
test_district_filter_counts_uncertain (Fixture       *f,
                                       gconstpointer  data)
{
  const int shapingba = 500106, wanzhou = 500101;
  guint total = 0;

  atlas_state_set_district (f->state, shapingba);
  redraw (f);
  for (guint i = 0; i < atlas_map_areas_get_n_areas (f->areas); i++)
    {
      AtlasArea *area = atlas_map_areas_get_area (f->areas, i);

      g_assert_cmpuint (count_in_session (f->session, area), ==, 0);
      if (!atlas_area_spans_district (area, shapingba))
        g_assert_cmpuint (atlas_map_areas_get_count (f->areas, i), ==, 0);
      total += atlas_map_areas_get_count (f->areas, i);
    }
  g_assert_cmpuint (total, >, 0);
  g_assert_cmpuint (total, ==, atlas_session_count_uncertain_sites (f->session, NULL));

  /* A district no area spans: nothing. */
  atlas_state_set_district (f->state, wanzhou);
  redraw (f);
  for (guint i = 0; i < atlas_map_areas_get_n_areas (f->areas); i++)
    g_assert_cmpuint (atlas_map_areas_get_count (f->areas, i), ==, 0);
  g_assert_cmpuint (atlas_map_areas_get_n_badges (f->areas), ==, 0);
}

static GtkMenuButton *
find_notice (Fixture *f)
{
  GtkWidget *overlay = gtk_widget_get_parent (GTK_WIDGET (f->view));

  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_MENU_BUTTON (child) &&
        ATLAS_IS_MAP_SITE_LIST (gtk_menu_button_get_popover (GTK_MENU_BUTTON (child))))
      return GTK_MENU_BUTTON (child);
  return NULL;
}

static void
check_notice (Fixture *f)
{
  GtkMenuButton *notice = find_notice (f);
  guint n = count_unplaced_in_session (f->session);
  g_autofree char *expected = g_strdup_printf (g_dngettext (NULL, "%u site has no known place",
                                                            "%u sites have no known place", n), n);
  AtlasMapSiteList *list = ATLAS_MAP_SITE_LIST (gtk_menu_button_get_popover (notice));

  g_assert_cmpuint (g_list_model_get_n_items (atlas_map_areas_get_unplaced (f->areas)), ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (atlas_map_site_list_get_sites (list)), ==, n);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (notice)) == (n > 0));
  if (n > 0)
    g_assert_cmpstr (gtk_menu_button_get_label (notice), ==, expected);
}

static void
test_notice_counts_unplaced (Fixture       *f,
                             gconstpointer  data)
{
  GtkMenuButton *notice = find_notice (f);
  AtlasMapSiteList *list;
  guint all = count_unplaced_in_session (f->session);
  g_autoptr(AtlasSite) first = NULL;

  g_assert_nonnull (notice);
  g_test_message ("%u sites with no known place", all);
  g_assert_cmpuint (all, >, 0);
  check_notice (f);
  if (chinese)
    g_assert_nonnull (strstr (gtk_menu_button_get_label (notice), "位置不详"));
  else
    g_assert_nonnull (strstr (gtk_menu_button_get_label (notice), "no known place"));

  atlas_state_set_categories (f->state, 1u << ATLAS_SITE_CATEGORY_RESEARCH_INSTITUTE);
  check_notice (f);
  g_assert_cmpuint (count_unplaced_in_session (f->session), <, all);

  /* A district filter: none of them is known to be in it. */
  atlas_state_set_district (f->state, 500106);
  check_notice (f);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (notice)));
  atlas_state_reset_filters (f->state);
  check_notice (f);

  /* Opening it lists them; a row selects its site for the details pane. */
  list = ATLAS_MAP_SITE_LIST (gtk_menu_button_get_popover (notice));
  gtk_menu_button_popup (notice);
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (list)));
  first = g_list_model_get_item (atlas_map_site_list_get_sites (list), 0);
  atlas_map_site_list_activate (list, 0);
  g_assert_true (atlas_state_get_selection (f->state) == ATLAS_ITEM (first));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (list)));
  g_assert_cmpstr (atlas_details_pane_get_title (ATLAS_DETAILS_PANE (atlas_window_get_details_pane (f->window))),
                   ==, atlas_item_get_name (ATLAS_ITEM (first)));
}

static AtlasMapSiteList *
area_list (Fixture *f)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ATLAS_IS_MAP_SITE_LIST (child))
      return ATLAS_MAP_SITE_LIST (child);
  return NULL;
}

/* A click inside a badge's rectangle (not only at its centre) opens the
 * list of its area's sites, and the area is the one outlined; a row
 * selects its site.
 */
static void
test_click_badge_lists_and_selects (Fixture       *f,
                                    gconstpointer  data)
{
  GtkEventController *click = atlas_test_find_controller (GTK_WIDGET (f->view), GTK_TYPE_GESTURE_CLICK);
  const AtlasMapBadge *badge;
  AtlasMapSiteList *list;
  GListModel *sites;
  g_autoptr(AtlasSite) site = NULL;
  guint area;
  double x, y;

  g_assert_cmpuint (atlas_map_areas_get_n_badges (f->areas), >, 0);
  badge = atlas_map_areas_get_badge (f->areas, 0);
  area = badge->area;
  x = badge->rect.origin.x + badge->rect.size.width - 6;
  y = badge->rect.origin.y + 3;
  g_assert_cmpint (atlas_map_areas_badge_at (f->areas, x, y), ==, 0);
  g_assert_cmpint (atlas_map_areas_badge_at (f->areas, badge->rect.origin.x - 20, badge->rect.origin.y - 20), <, 0);

  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (click, "released", 1, x, y);
  list = area_list (f);
  g_assert_nonnull (list);
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_cmpint (atlas_map_areas_get_open (f->areas), ==, (int) area);
  sites = atlas_map_site_list_get_sites (list);
  g_assert_true (sites == atlas_map_areas_get_sites (f->areas, area));
  g_assert_cmpuint (g_list_model_get_n_items (sites), ==, atlas_map_areas_get_count (f->areas, area));
  /* The click chose the badge, not a marker or a district under it. */
  g_assert_null (atlas_state_get_selection (f->state));

  site = g_list_model_get_item (sites, g_list_model_get_n_items (sites) - 1);
  atlas_map_site_list_activate (list, g_list_model_get_n_items (sites) - 1);
  g_assert_true (atlas_state_get_selection (f->state) == ATLAS_ITEM (site));
  ATLAS_WAIT_UNTIL (atlas_map_areas_get_open (f->areas) < 0);
  g_assert_cmpstr (atlas_details_pane_get_title (ATLAS_DETAILS_PANE (atlas_window_get_details_pane (f->window))),
                   ==, atlas_item_get_name (ATLAS_ITEM (site)));
}

/* Tab reaches the badges after the markers; each says what it counts, in
 * the language of the interface; Enter opens its list.
 */
static void
test_keyboard_reaches_badges (Fixture       *f,
                              gconstpointer  data)
{
  GtkEventController *keys = atlas_test_find_controller (GTK_WIDGET (f->view), GTK_TYPE_EVENT_CONTROLLER_KEY);
  GArray *markers = atlas_map_view_get_markers (f->view);
  guint n_badges = atlas_map_areas_get_n_badges (f->areas);
  gboolean handled = FALSE;
  AtlasMapSiteList *list;

  g_assert_cmpuint (n_badges, >, 0);
  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  redraw (f);

  for (guint i = 0; i < markers->len; i++)
    {
      g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Tab, 0, 0, &handled);
      g_assert_true (handled);
      g_assert_cmpint (atlas_map_view_get_focus (f->view), <, (int) markers->len);
    }
  for (guint b = 0; b < n_badges; b++)
    {
      const AtlasMapBadge *badge = atlas_map_areas_get_badge (f->areas, b);
      g_autofree char *name = atlas_map_areas_dup_badge_name (f->areas, badge->area);
      const char *description;

      g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Tab, 0, 0, &handled);
      g_assert_true (handled);
      g_assert_cmpint (atlas_map_view_get_focus (f->view), ==, (int) (markers->len + b));
      g_assert_cmpint (atlas_map_areas_get_focus (f->areas), ==, (int) badge->area);
      description = atlas_accessible_get_description (GTK_WIDGET (f->view));
      g_test_message ("%s", description);
      g_assert_nonnull (strstr (description, name));
      g_assert_nonnull (strstr (name, atlas_item_get_name (ATLAS_ITEM (atlas_map_areas_get_area (f->areas, badge->area)))));
      g_assert_nonnull (strstr (name, chinese ? "所在区不详" : "district not known"));

      /* Still there after a redraw (the markers are rebuilt each frame). */
      redraw (f);
      g_assert_cmpint (atlas_map_view_get_focus (f->view), ==, (int) (markers->len + b));
    }

  /* Enter on the last badge opens its list. */
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Return, 0, 0, &handled);
  g_assert_true (handled);
  list = area_list (f);
  g_assert_nonnull (list);
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_true (atlas_map_site_list_get_sites (list) ==
                 atlas_map_areas_get_sites (f->areas, atlas_map_areas_get_badge (f->areas, n_badges - 1)->area));
  gtk_popover_popdown (GTK_POPOVER (list));

  /* Past the last badge, Tab leaves the map. */
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Tab, 0, 0, &handled);
  g_assert_false (handled);
  g_assert_cmpint (atlas_map_areas_get_focus (f->areas), <, 0);

  /* Back on the last badge; a search leaves its area nothing to show: the
   * badge goes, and the keyboard with it (its area is not left outlined).
   */
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_ISO_Left_Tab, 0, GDK_SHIFT_MASK, &handled);
  g_assert_true (handled);
  g_assert_cmpint (atlas_map_areas_get_focus (f->areas), >=, 0);
  atlas_state_set_search_text (f->state, "zzzz no such site qqqq");
  redraw (f);
  g_assert_cmpuint (atlas_map_areas_get_n_badges (f->areas), ==, 0);
  g_assert_cmpint (atlas_map_view_get_focus (f->view), <, 0);
  g_assert_cmpint (atlas_map_areas_get_focus (f->areas), <, 0);
}

/* An export draws the areas at its own size: what the screen's badges are
 * for clicks and the keyboard stays as the screen drew them.
 */
static void
test_export_keeps_screen_badges (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (AtlasMapBadge));

  for (guint i = 0; i < atlas_map_areas_get_n_badges (f->areas); i++)
    g_array_append_val (before, *atlas_map_areas_get_badge (f->areas, i));
  g_assert_cmpuint (before->len, >, 0);

  node = atlas_map_page_render (f->page, 3000, 2000, FALSE);
  g_assert_nonnull (node);
  g_assert_cmpuint (atlas_map_areas_get_n_badges (f->areas), ==, before->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_true (graphene_rect_equal (&atlas_map_areas_get_badge (f->areas, i)->rect,
                                        &g_array_index (before, AtlasMapBadge, i).rect));
}

/* Rendered into an image, as GSK's cairo renderer does. */
static cairo_surface_t *
render (AtlasMapScene              *scene,
        AtlasViewport              *viewport,
        const AtlasMapPaintOptions *options)
{
  g_autoptr(GskRenderNode) node = atlas_map_render_scene (scene, viewport, options, 1366, 768);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1366, 768);
  cairo_t *cr = cairo_create (surface);

  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b,
                   int              x0,
                   int              y0,
                   int              x1,
                   int              y1)
{
  int stride = cairo_image_surface_get_stride (a);
  const guint8 *da = cairo_image_surface_get_data (a);
  const guint8 *db = cairo_image_surface_get_data (b);
  guint n = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if (memcmp (da + y * stride + 4 * x, db + y * stride + 4 * x, 4) != 0)
        n++;
  return n;
}

/* The areas' layer, drawn for the first time (its hatching tile made then),
 * adds the areas and takes nothing from the rest of the map: the legend,
 * far from any area, is drawn the same with and without it.  (A first
 * frame once lost everything drawn after the layer.)
 */
static void
test_layer_leaves_the_rest (Fixture       *f,
                            gconstpointer  data)
{
  AtlasMapScene *scene = atlas_map_view_get_scene (f->view);
  g_autoptr(AtlasViewport) viewport = atlas_viewport_new ();
  g_autoptr(AtlasMapAreas) fresh = atlas_map_areas_new (f->session);
  AtlasMapPaintOptions options;
  cairo_surface_t *without, *with;

  atlas_viewport_set_zoom_range (viewport, ATLAS_MAP_MIN_ZOOM - 2, ATLAS_MAP_MAX_ZOOM);
  atlas_map_fit_chongqing (scene, viewport, 1366, 768, FALSE, NULL);
  atlas_map_paint_options_init (&options);

  without = render (scene, viewport, &options);
  options.areas = fresh;
  with = render (scene, viewport, &options);

  /* The areas are drawn... */
  g_assert_cmpuint (atlas_map_areas_get_n_badges (fresh), >, 0);
  g_assert_cmpuint (count_differences (without, with, 0, 0, 1366, 768), >, 1000);
  /* ...and the legend (bottom left, all of Chongqing in view) is intact. */
  g_assert_cmpuint (count_differences (without, with, 14, 480, 180, 750), ==, 0);

  cairo_surface_destroy (without);
  cairo_surface_destroy (with);
}

static cairo_surface_t *
paint_layer (AtlasMapAreas        *areas,
             AtlasMapScene        *scene,
             AtlasViewport        *viewport,
             AtlasMapPaintOptions *options,
             gboolean             *complete)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1366, 768);
  cairo_t *cr = cairo_create (image);

  *complete = atlas_map_areas_paint_layer (areas, cr, scene, viewport, 1366, 768, options);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  return image;
}

/* The areas alone, drawn as the screen draws them (a cached layer of
 * opacities laid on in the area colour) and as exports do (vectors): the
 * same colours in the same places, but for the odd dash or edge pixel.
 */
static void
test_layer_matches_vectors (Fixture       *f,
                            gconstpointer  data)
{
  AtlasMapScene *scene = atlas_map_view_get_scene (f->view);
  g_autoptr(AtlasViewport) viewport = atlas_viewport_new ();
  g_autoptr(AtlasMapAreas) areas = atlas_map_areas_new (f->session);
  AtlasMapPaintOptions options;
  cairo_surface_t *images[2];
  gboolean complete;
  guint drawn = 0, apart = 0;
  int stride;

  atlas_viewport_set_zoom_range (viewport, ATLAS_MAP_MIN_ZOOM - 2, ATLAS_MAP_MAX_ZOOM);
  atlas_map_fit_chongqing (scene, viewport, 1366, 768, FALSE, NULL);
  /* A camera between pixels, as after a pan. */
  atlas_viewport_pan_pixels (viewport, 0.37, -0.21);
  atlas_map_paint_options_init (&options);

  for (int i = 0; i < 2; i++)
    {
      options.vector = i == 1;
      images[i] = paint_layer (areas, scene, viewport, &options, &complete);
    }

  stride = cairo_image_surface_get_stride (images[0]);
  for (int y = 0; y < 768; y++)
    for (int x = 0; x < 1366; x++)
      {
        const guint8 *a = cairo_image_surface_get_data (images[0]) + y * stride + 4 * x;
        const guint8 *b = cairo_image_surface_get_data (images[1]) + y * stride + 4 * x;
        int closest = 255;

        if (a[3] == 0 && b[3] == 0)
          continue;
        drawn++;
        /* The cached layer lies on whole pixels: up to half a pixel from
         * where the vectors fall.  The nearest match within a pixel counts.
         */
        for (int dy = -1; dy <= 1; dy++)
          for (int dx = -1; dx <= 1; dx++)
            {
              int most = 0;

              if (x + dx < 0 || x + dx >= 1366 || y + dy < 0 || y + dy >= 768)
                continue;
              for (int c = 0; c < 4; c++)
                most = MAX (most, ABS (a[c] - b[dy * stride + 4 * dx + c]));
              closest = MIN (closest, most);
            }
        if (closest > 24)
          apart++;
      }
  g_test_message ("areas: %u pixels drawn, %u apart", drawn, apart);
  g_assert_cmpuint (drawn, >, 10000);
  /* Dashes may start a little apart along an outline; nothing more. */
  g_assert_cmpuint (apart, <, drawn / 20);

  cairo_surface_destroy (images[0]);
  cairo_surface_destroy (images[1]);
}

/* A new layer is drawn around the view first and says so; its margin
 * comes on a frame when the camera rests (not while it moves), and a pan
 * into the margin then shows what a layer drawn there at once shows.
 */
static void
test_layer_in_two_goes (Fixture       *f,
                        gconstpointer  data)
{
  AtlasMapScene *scene = atlas_map_view_get_scene (f->view);
  g_autoptr(AtlasViewport) viewport = atlas_viewport_new ();
  g_autoptr(AtlasMapAreas) areas = atlas_map_areas_new (f->session);
  g_autoptr(AtlasMapAreas) fresh = atlas_map_areas_new (f->session);
  AtlasMapPaintOptions options;
  cairo_surface_t *image, *panned, *direct;
  gboolean complete = TRUE;
  guint drawn = 0, apart = 0;
  int stride;

  atlas_viewport_set_zoom_range (viewport, ATLAS_MAP_MIN_ZOOM - 2, ATLAS_MAP_MAX_ZOOM);
  atlas_map_fit_chongqing (scene, viewport, 1366, 768, FALSE, NULL);
  atlas_map_paint_options_init (&options);

  image = paint_layer (areas, scene, viewport, &options, &complete);
  g_assert_false (complete);
  cairo_surface_destroy (image);

  /* Moving: still the part in view only. */
  options.allow_stale_base = TRUE;
  image = paint_layer (areas, scene, viewport, &options, &complete);
  g_assert_false (complete);
  cairo_surface_destroy (image);

  /* At rest: the margin too. */
  options.allow_stale_base = FALSE;
  image = paint_layer (areas, scene, viewport, &options, &complete);
  g_assert_true (complete);
  cairo_surface_destroy (image);

  /* Into the margin (drawn then), and the same view drawn at once. */
  atlas_viewport_pan_pixels (viewport, 120, -100);
  panned = paint_layer (areas, scene, viewport, &options, &complete);
  g_assert_true (complete);
  direct = paint_layer (fresh, scene, viewport, &options, &complete);
  g_assert_false (complete);

  stride = cairo_image_surface_get_stride (panned);
  for (int y = 0; y < 768; y++)
    for (int x = 0; x < 1366; x++)
      {
        const guint8 *a = cairo_image_surface_get_data (panned) + y * stride + 4 * x;
        const guint8 *b = cairo_image_surface_get_data (direct) + y * stride + 4 * x;
        int most = 0;

        if (a[3] == 0 && b[3] == 0)
          continue;
        drawn++;
        for (int c = 0; c < 4; c++)
          most = MAX (most, ABS (a[c] - b[c]));
        if (most > 24)
          apart++;
      }
  g_test_message ("layer in two goes: %u pixels drawn, %u apart", drawn, apart);
  g_assert_cmpuint (drawn, >, 10000);
  g_assert_cmpuint (apart, <, drawn / 200);

  cairo_surface_destroy (panned);
  cairo_surface_destroy (direct);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xdg = NULL;
  const char *language = NULL;
  int kept = 1;
  int status;

  /* --language=zh_CN runs the same tests in Chinese. */
  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--language="))
        language = argv[i] + strlen ("--language=");
      else
        argv[kept++] = argv[i];
    }
  argc = kept;
  argv[argc] = NULL;

  chinese = language != NULL && g_str_has_prefix (language, "zh");
  g_setenv ("LANGUAGE", language ? language : "en", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CQ_ATLAS_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  atlas_l10n_set_chinese (chinese);

  xdg = atlas_test_make_data_home ("atlas-map-areas");

  gtk_test_init (&argc, &argv, NULL);

  app = atlas_test_application_new ();

  g_test_add ("/map-areas/badge-counts-follow-category-and-search", Fixture, NULL,
              fixture_set_up, test_counts_follow_filters, fixture_tear_down);
  g_test_add ("/map-areas/district-filter-counts-the-uncertain", Fixture, NULL,
              fixture_set_up, test_district_filter_counts_uncertain, fixture_tear_down);
  g_test_add ("/map-areas/notice-counts-sites-with-no-place", Fixture, NULL,
              fixture_set_up, test_notice_counts_unplaced, fixture_tear_down);
  g_test_add ("/map-areas/click-on-badge-lists-and-selects", Fixture, NULL,
              fixture_set_up, test_click_badge_lists_and_selects, fixture_tear_down);
  g_test_add ("/map-areas/keyboard-reaches-badges", Fixture, NULL,
              fixture_set_up, test_keyboard_reaches_badges, fixture_tear_down);
  g_test_add ("/map-areas/export-keeps-the-screen-badges", Fixture, NULL,
              fixture_set_up, test_export_keeps_screen_badges, fixture_tear_down);
  g_test_add ("/map-areas/layer-leaves-the-rest-of-the-map", Fixture, NULL,
              fixture_set_up, test_layer_leaves_the_rest, fixture_tear_down);
  g_test_add ("/map-areas/layer-matches-vectors", Fixture, NULL,
              fixture_set_up, test_layer_matches_vectors, fixture_tear_down);
  g_test_add ("/map-areas/layer-in-two-goes", Fixture, NULL,
              fixture_set_up, test_layer_in_two_goes, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
