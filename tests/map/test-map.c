/* test-map.c
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

/* The map's pure parts, without a display: projection, viewport clamping and
 * JSON, clustering, hit-testing, label collision, choropleth classes, focus
 * order, districts under a point; and `cq-atlas --render map`.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>

#include "atlas-dataset.h"
#include "atlas-district.h"
#include "atlas-map-classes.h"
#include "atlas-map-cluster.h"
#include "atlas-map-collision.h"
#include "atlas-map-fit.h"
#include "atlas-map-fill.h"
#include "atlas-map-painter.h"
#include "atlas-map-raster.h"
#include "atlas-map-render.h"
#include "atlas-map-scene.h"
#include "atlas-projection.h"
#include "atlas-render.h"
#include "atlas-site.h"
#include "atlas-session.h"
#include "atlas-state.h"
#include "atlas-store.h"
#include "atlas-test-ui.h"
#include "atlas-viewport.h"

static void
test_projection_round_trip (void)
{
  static const double places[][2] = {
    { 106.586, 29.566 }, { 105.29, 28.16 }, { 110.20, 32.20 }, { 0, 0 }, { -120.5, -45.25 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    for (double zoom = 0; zoom <= 18; zoom += 2.5)
      {
        double x, y, lon, lat;

        atlas_projection_to_pixels (places[i][0], places[i][1], zoom, &x, &y);
        atlas_projection_from_pixels (x, y, zoom, &lon, &lat);
        g_assert_cmpfloat_with_epsilon (lon, places[i][0], 1e-9);
        g_assert_cmpfloat_with_epsilon (lat, places[i][1], 1e-9);
      }

  /* Known values: the world's centre, and one tile of 256 px at zoom 0. */
  g_assert_cmpfloat_with_epsilon (atlas_projection_lon_to_unit (0), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (atlas_projection_lat_to_unit (0), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (atlas_projection_world_size (0), 256, 1e-12);
  g_assert_cmpfloat_with_epsilon (atlas_projection_world_size (3), 2048, 1e-9);
  /* North is up. */
  g_assert_cmpfloat (atlas_projection_lat_to_unit (32), <, atlas_projection_lat_to_unit (28));
  /* About 156 km per pixel at zoom 0 on the equator. */
  g_assert_cmpfloat_with_epsilon (atlas_projection_metres_per_pixel (0, 0), 156543.03, 0.1);
}

static void
test_viewport_clamp_and_json (void)
{
  g_autoptr(AtlasViewport) viewport = atlas_viewport_new ();
  g_autoptr(JsonNode) node = NULL;
  double lon = 0, lat = 0, zoom = 0;
  double sx, sy, back_lon, back_lat;

  atlas_viewport_set_zoom_range (viewport, 6, 16);
  atlas_viewport_set_bounds (viewport, 105, 28, 110, 32);

  atlas_viewport_set_zoom (viewport, 30);
  g_assert_cmpfloat (atlas_viewport_get_zoom (viewport), ==, 16);
  atlas_viewport_set_zoom (viewport, -3);
  g_assert_cmpfloat (atlas_viewport_get_zoom (viewport), ==, 6);
  atlas_viewport_set_center (viewport, 0, 80);
  g_assert_cmpfloat (atlas_viewport_get_lon (viewport), ==, 105);
  g_assert_cmpfloat (atlas_viewport_get_lat (viewport), ==, 32);

  /* Zooming around a point keeps that point where it is. */
  atlas_viewport_set (viewport, 106.5, 29.5, 9);
  atlas_viewport_from_screen (viewport, 100, 50, 800, 600, &lon, &lat);
  atlas_viewport_zoom_around (viewport, 11.5, 100, 50, 800, 600);
  atlas_viewport_to_screen (viewport, lon, lat, 800, 600, &sx, &sy);
  g_assert_cmpfloat_with_epsilon (sx, 100, 1e-6);
  g_assert_cmpfloat_with_epsilon (sy, 50, 1e-6);
  atlas_viewport_from_screen (viewport, sx, sy, 800, 600, &back_lon, &back_lat);
  g_assert_cmpfloat_with_epsilon (back_lon, lon, 1e-9);

  /* The camera contract: {"lon", "lat", "zoom"}; unknown members ignored. */
  node = atlas_viewport_to_json (viewport);
  g_assert_true (json_object_has_member (json_node_get_object (node), "lon"));
  g_assert_true (json_object_has_member (json_node_get_object (node), "lat"));
  g_assert_true (json_object_has_member (json_node_get_object (node), "zoom"));
  json_object_set_string_member (json_node_get_object (node), "extra", "x");
  lon = lat = zoom = 0;
  g_assert_true (atlas_viewport_parse_json (node, &lon, &lat, &zoom));
  g_assert_cmpfloat_with_epsilon (lon, atlas_viewport_get_lon (viewport), 1e-12);
  g_assert_cmpfloat_with_epsilon (zoom, 11.5, 1e-12);

  /* Missing members keep what was there. */
  {
    g_autoptr(JsonNode) partial = json_from_string ("{\"zoom\": 7}", NULL);

    lon = 1;
    lat = 2;
    g_assert_true (atlas_viewport_parse_json (partial, &lon, &lat, &zoom));
    g_assert_cmpfloat (lon, ==, 1);
    g_assert_cmpfloat (lat, ==, 2);
    g_assert_cmpfloat (zoom, ==, 7);
  }

  /* The fly-to easing starts and ends at rest and is symmetric. */
  g_assert_cmpfloat (atlas_viewport_ease (0), ==, 0);
  g_assert_cmpfloat (atlas_viewport_ease (1), ==, 1);
  g_assert_cmpfloat_with_epsilon (atlas_viewport_ease (0.5), 0.5, 1e-12);
  g_assert_cmpfloat (atlas_viewport_ease (0.1), <, 0.1);
}

static AtlasMapPoint *
random_points (guint n,
               guint seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  AtlasMapPoint *points = g_new (AtlasMapPoint, n);

  for (guint i = 0; i < n; i++)
    {
      points[i].x = atlas_projection_lon_to_unit (g_rand_double_range (rand, 105.5, 110));
      points[i].y = atlas_projection_lat_to_unit (g_rand_double_range (rand, 28.3, 32));
    }
  return points;
}

static void
test_cluster_stable (void)
{
  const guint n = 5000;
  g_autofree AtlasMapPoint *points = random_points (n, 7);
  g_autofree guint *indices = g_new (guint, n);

  for (guint i = 0; i < n; i++)
    indices[i] = i;

  for (int zoom = 6; zoom <= 16; zoom += 2)
    {
      g_autoptr(AtlasMapClusterSet) a = atlas_map_cluster_set_build (points, indices, n, zoom, 44, 1.0, NULL, 0);
      g_autoptr(AtlasMapClusterSet) b = atlas_map_cluster_set_build (points, indices, n, zoom, 44, 1.0, NULL, 0);
      g_autofree guint8 *seen = g_new0 (guint8, n);
      guint total = 0;

      /* Same input, same clusters. */
      g_assert_cmpuint (atlas_map_cluster_set_get_n (a), ==, atlas_map_cluster_set_get_n (b));
      for (guint i = 0; i < atlas_map_cluster_set_get_n (a); i++)
        {
          const AtlasMapCluster *ca = atlas_map_cluster_set_get (a, i);
          const AtlasMapCluster *cb = atlas_map_cluster_set_get (b, i);

          g_assert_cmpuint (ca->count, ==, cb->count);
          g_assert_cmpfloat (ca->x, ==, cb->x);
          g_assert_cmpmem (atlas_map_cluster_get_members (a, ca), ca->count * sizeof (guint),
                           atlas_map_cluster_get_members (b, cb), cb->count * sizeof (guint));
        }

      /* Counts add up; every point is in exactly one cluster. */
      for (guint i = 0; i < atlas_map_cluster_set_get_n (a); i++)
        {
          const AtlasMapCluster *c = atlas_map_cluster_set_get (a, i);
          const guint *m = atlas_map_cluster_get_members (a, c);

          total += c->count;
          for (guint j = 0; j < c->count; j++)
            {
              g_assert_false (seen[m[j]]);
              seen[m[j]] = 1;
            }
        }
      g_assert_cmpuint (total, ==, n);

      /* No two discs touch, even drawn half a zoom level further out. */
      {
        double size = atlas_projection_world_size (zoom) / G_SQRT2;

        for (guint i = 0; i < atlas_map_cluster_set_get_n (a); i++)
          for (guint j = i + 1; j < atlas_map_cluster_set_get_n (a); j++)
            {
              const AtlasMapCluster *ci = atlas_map_cluster_set_get (a, i);
              const AtlasMapCluster *cj = atlas_map_cluster_set_get (a, j);
              double d = hypot ((ci->x - cj->x) * size, (ci->y - cj->y) * size);

              g_assert_cmpfloat (d, >=, atlas_map_cluster_radius (ci->count) + atlas_map_cluster_radius (cj->count));
            }
      }

      /* Zooming in splits clusters: there are never fewer. */
      if (zoom > 6)
        {
          g_autoptr(AtlasMapClusterSet) coarser = atlas_map_cluster_set_build (points, indices, n, zoom - 2, 44, 1.0, NULL, 0);
          g_assert_cmpuint (atlas_map_cluster_set_get_n (coarser), <=, atlas_map_cluster_set_get_n (a));
        }
    }

  /* At a high zoom, points far apart are single markers. */
  {
    AtlasMapPoint two[2] = { { 0.8, 0.4 }, { 0.8001, 0.4 } };
    guint idx[2] = { 0, 1 };
    g_autoptr(AtlasMapClusterSet) low = atlas_map_cluster_set_build (two, idx, 2, 6, 44, 1.0, NULL, 0);
    g_autoptr(AtlasMapClusterSet) high = atlas_map_cluster_set_build (two, idx, 2, 16, 44, 1.0, NULL, 0);

    g_assert_cmpuint (atlas_map_cluster_set_get_n (low), ==, 1);
    g_assert_cmpuint (atlas_map_cluster_set_get (low, 0)->count, ==, 2);
    g_assert_cmpuint (atlas_map_cluster_set_get_n (high), ==, 2);
  }
}

static void
test_cluster_hit (void)
{
  AtlasMapPoint points[3] = {
    { atlas_projection_lon_to_unit (106.5), atlas_projection_lat_to_unit (29.5) },
    { atlas_projection_lon_to_unit (106.502), atlas_projection_lat_to_unit (29.5) },
    { atlas_projection_lon_to_unit (108.0), atlas_projection_lat_to_unit (31.0) },
  };
  guint idx[3] = { 0, 1, 2 };

  for (int zoom = 6; zoom <= 16; zoom += 5)
    {
      g_autoptr(AtlasMapClusterSet) set = atlas_map_cluster_set_build (points, idx, 3, zoom, 44, 1.0, NULL, 0);
      double size = atlas_projection_world_size (zoom);
      int hit, far_hit, miss;

      /* On the first point: its cluster. */
      hit = atlas_map_cluster_set_hit (set, points[0].x, points[0].y, zoom, 16, 16);
      g_assert_cmpint (hit, >=, 0);
      g_assert_cmpuint (atlas_map_cluster_get_members (set, atlas_map_cluster_set_get (set, hit))[0], ==, 0);

      /* On the lone point: a single marker; 10 px off still hits (touch). */
      far_hit = atlas_map_cluster_set_hit (set, points[2].x + 10 / size, points[2].y, zoom, 16, 16);
      g_assert_cmpint (far_hit, >=, 0);
      g_assert_cmpuint (atlas_map_cluster_set_get (set, far_hit)->count, ==, 1);
      g_assert_cmpint (far_hit, !=, hit);

      /* 60 px away from everything: nothing. */
      miss = atlas_map_cluster_set_hit (set, points[2].x + 60 / size, points[2].y + 60 / size, zoom, 16, 16);
      g_assert_cmpint (miss, ==, -1);

      /* The two close points are one cluster at low zoom, apart at high. */
      if (zoom <= 11)
        g_assert_cmpuint (atlas_map_cluster_set_get (set, hit)->count, ==, 2);
      else
        g_assert_cmpuint (atlas_map_cluster_set_get (set, hit)->count, ==, 1);
    }
}

static void
test_collision_no_overlap (void)
{
  g_autoptr(AtlasMapCollider) collider = atlas_map_collider_new (1280, 800);
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  guint kept = 0;

  for (guint i = 0; i < 2000; i++)
    {
      graphene_rect_t box = GRAPHENE_RECT_INIT (g_rand_double_range (rand, -50, 1300),
                                                g_rand_double_range (rand, -20, 820),
                                                g_rand_double_range (rand, 10, 160),
                                                g_rand_double_range (rand, 10, 30));

      if (atlas_map_collider_try_add (collider, &box))
        kept++;
    }

  g_assert_cmpuint (kept, >, 20);
  g_assert_cmpuint (kept, <, 2000);
  /* Boxes may touch but never share any area. */
  for (guint i = 0; i < atlas_map_collider_get_n (collider); i++)
    for (guint j = i + 1; j < atlas_map_collider_get_n (collider); j++)
      {
        graphene_rect_t r;

        if (graphene_rect_intersection (atlas_map_collider_get (collider, i),
                                        atlas_map_collider_get (collider, j), &r))
          g_assert_true (r.size.width < 0.001 || r.size.height < 0.001);
      }
}

static void
test_classes (void)
{
  const double values[] = { 0, 0, 0, 1, 1, 2, 3, 5, 8, 13, 21, 40 };
  double uppers[ATLAS_MAP_MAX_CLASSES];
  guint n = atlas_map_classes_compute (values, G_N_ELEMENTS (values), uppers);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpuint (n, <=, ATLAS_MAP_MAX_CLASSES);
  g_assert_cmpfloat (uppers[0], ==, 0);
  for (guint i = 1; i < n; i++)
    g_assert_cmpfloat (uppers[i], >, uppers[i - 1]);
  g_assert_cmpfloat (uppers[n - 1], ==, 40);

  /* Every value lands in a class whose bounds hold it. */
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      guint c = atlas_map_classes_find (uppers, n, values[i]);

      g_assert_cmpfloat (values[i], <=, uppers[c]);
      if (c > 0)
        g_assert_cmpfloat (values[i], >, uppers[c - 1]);
    }

  first = atlas_map_classes_label (uppers, n, 0);
  last = atlas_map_classes_label (uppers, n, n - 1);
  g_assert_cmpstr (first, ==, "0");
  g_assert_true (g_str_has_suffix (last, "40"));

  /* All equal: one class. */
  {
    const double same[] = { 4, 4, 4 };
    g_assert_cmpuint (atlas_map_classes_compute (same, 3, uppers), ==, 1);
  }
}

static void
test_focus_order (void)
{
  AtlasMapMarker markers[] = {
    { 500, 300, 9, 0, 1, 0 },
    { 100, 310, 9, 1, 1, 1 },
    { 700, 40, 9, 2, 1, 2 },
    { 50, 600, 9, 3, 1, 3 },
    { 300, 20, 9, 4, 1, 4 },
  };
  g_autoptr(GArray) array = g_array_new (FALSE, FALSE, sizeof (AtlasMapMarker));
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  const guint expected[] = { 4, 2, 1, 0, 3 };

  g_array_append_vals (array, markers, G_N_ELEMENTS (markers));
  atlas_map_focus_order (array, order);
  g_assert_cmpuint (order->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < order->len; i++)
    g_assert_cmpuint (g_array_index (order, guint, i), ==, expected[i]);
}

static guint
count_sites_with_point (GListModel *sites)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(AtlasSite) site = g_list_model_get_item (sites, i);

      n += atlas_site_has_point (site);
    }
  return n;
}

static void
test_scene_districts (void)
{
  AtlasDataset *dataset = atlas_test_open_bundled_dataset ();
  g_autoptr(AtlasMapScene) scene = atlas_map_scene_new (dataset);
  GListModel *sites = atlas_dataset_get_sites (dataset);
  int yuzhong;

  g_assert_cmpuint (atlas_map_scene_get_n_districts (scene), ==, 38);
  g_assert_cmpuint (atlas_map_scene_get_n_rivers (scene), >, 0);
  /* Every site with a point is drawn; sites known only by their area, or
   * with no known place, are not.
   */
  g_assert_cmpuint (atlas_map_scene_get_n_sites (scene), ==, count_sites_with_point (sites));

  /* Point in polygon: Chaotianmen is in Yuzhong; Chengdu and Beijing are
   * in no district of Chongqing.
   */
  yuzhong = atlas_map_scene_district_at (scene, 106.575, 29.556);
  g_assert_cmpint (yuzhong, >=, 0);
  g_assert_cmpint (atlas_map_scene_get_district (scene, yuzhong)->adcode, ==, 500103);
  g_assert_cmpint (atlas_map_scene_district_at (scene, 104.06, 30.67), ==, -1);
  g_assert_cmpint (atlas_map_scene_district_at (scene, 116.4, 39.9), ==, -1);

  /* Each district's label point lies inside it. */
  for (guint i = 0; i < atlas_map_scene_get_n_districts (scene); i++)
    {
      AtlasMapShape *shape = atlas_map_scene_get_district (scene, i);

      g_assert_cmpint (atlas_map_scene_district_at (scene,
                                                    atlas_projection_unit_to_lon (shape->label_x),
                                                    atlas_projection_unit_to_lat (shape->label_y)),
                       ==, (int) i);
    }

  /* Simplified outlines keep fewer points when zoomed out. */
  {
    AtlasMapShape *shape = atlas_map_scene_get_district (scene, 0);
    guint low = atlas_map_scene_get_paths (scene, shape, 7, TRUE)->points->len;
    guint high = atlas_map_scene_get_paths (scene, shape, 14, TRUE)->points->len;

    g_assert_cmpuint (low, <, high);
    g_assert_cmpuint (low, >, 3);
  }
}

/* Markers drawn by the painter can be hit where they are drawn, at several
 * zooms, and the counts of what is drawn add up to the sites shown.
 */
/* What the painter draws: no two markers overlap, and none overlaps the
 * selected site's marker and ring, at every zoom, crowded or not; the
 * selected site is labelled, and so is a lone search match.
 */
static void
test_painter_markers_apart (void)
{
  AtlasDataset *dataset = atlas_test_open_bundled_dataset ();
  g_autoptr(AtlasMapScene) real = atlas_map_scene_new (dataset);
  g_autoptr(AtlasMapScene) crowded = atlas_map_scene_new_synthetic (dataset, 5000, 11);
  AtlasMapScene *scenes[] = { real, crowded };

  atlas_render_ensure_types ();
  for (guint s = 0; s < G_N_ELEMENTS (scenes); s++)
    for (int presenting = 0; presenting < 2; presenting++)
      {
        g_autoptr(AtlasViewport) viewport = atlas_viewport_new ();
        g_autoptr(GArray) markers = g_array_new (FALSE, FALSE, sizeof (AtlasMapMarker));
        AtlasMapPaintOptions options;
        double line = presenting ? ATLAS_PRESENTATION_SCALE : 1.0;

        atlas_map_paint_options_init (&options);
        options.presenting = presenting;
        /* A site in the crowded centre is selected. */
        options.selected_site = (int) (atlas_map_scene_get_n_sites (scenes[s]) / 2);
        atlas_viewport_set_zoom_range (viewport, ATLAS_MAP_MIN_ZOOM, ATLAS_MAP_MAX_ZOOM);
        atlas_viewport_set (viewport, 106.55, 29.57, 7);

        for (double zoom = 7; zoom <= 14; zoom += 0.7)
          {
            g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
            g_autoptr(GskRenderNode) node = NULL;
            int selected = -1;

            atlas_viewport_set_zoom (viewport, zoom);
            atlas_map_paint (scenes[s], snapshot, viewport, 1280, 800, &options, markers);
            node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));

            for (guint i = 0; i < markers->len; i++)
              if (g_array_index (markers, AtlasMapMarker, i).cluster == G_MAXUINT)
                selected = i;

            for (guint i = 0; i < markers->len; i++)
              for (guint j = i + 1; j < markers->len; j++)
                {
                  const AtlasMapMarker *a = &g_array_index (markers, AtlasMapMarker, i);
                  const AtlasMapMarker *b = &g_array_index (markers, AtlasMapMarker, j);
                  double ra = (int) i == selected ? 21 * line : a->radius;
                  double rb = (int) j == selected ? 21 * line : b->radius;

                  if (hypot (a->x - b->x, a->y - b->y) < ra + rb - 0.01)
                    g_test_message ("scene %u presenting %d zoom %.1f: %u (count %u r %.1f at %.1f,%.1f%s) and %u (count %u r %.1f at %.1f,%.1f%s)",
                                    s, presenting, zoom, i, a->count, ra, a->x, a->y, (int) i == selected ? " selected" : "",
                                    j, b->count, rb, b->x, b->y, (int) j == selected ? " selected" : "");
                  g_assert_cmpfloat (hypot (a->x - b->x, a->y - b->y), >=, ra + rb - 0.01);
                }
          }
      }
}

static gboolean
is_only_site (gpointer item,
              gpointer user_data)
{
  return item == user_data;
}

/* The selected site is named, even among crowded markers, and so is the
 * only site a search leaves; both inside the view and beside their marker.
 */
static void
test_painter_names_selected_and_lone (void)
{
  AtlasDataset *dataset = atlas_test_open_bundled_dataset ();
  g_autoptr(AtlasMapScene) scene = atlas_map_scene_new_synthetic (dataset, 3000, 5);
  g_autoptr(AtlasViewport) viewport = atlas_viewport_new ();
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (AtlasMapLabel));
  g_autoptr(GArray) markers = g_array_new (FALSE, FALSE, sizeof (AtlasMapMarker));
  AtlasMapPaintOptions options;

  atlas_render_ensure_types ();
  atlas_viewport_set_zoom_range (viewport, ATLAS_MAP_MIN_ZOOM, ATLAS_MAP_MAX_ZOOM);
  for (double zoom = 8; zoom <= 13; zoom += 1.25)
    for (guint site = 0; site < 3000; site += 373)
      {
        g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
        g_autoptr(GskRenderNode) node = NULL;
        const AtlasMapPoint *p = &atlas_map_scene_get_points (scene)[site];
        gboolean named = FALSE;

        atlas_map_paint_options_init (&options);
        options.selected_site = site;
        options.labels = labels;
        g_array_set_size (labels, 0);
        atlas_viewport_set (viewport, atlas_projection_unit_to_lon (p->x), atlas_projection_unit_to_lat (p->y), zoom);
        atlas_map_paint (scene, snapshot, viewport, 1000, 700, &options, markers);
        node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));

        for (guint i = 0; i < labels->len; i++)
          {
            const AtlasMapLabel *label = &g_array_index (labels, AtlasMapLabel, i);

            if (label->site != (int) site)
              continue;
            named = TRUE;
            g_assert_cmpfloat (label->box.origin.x, >=, 0);
            g_assert_cmpfloat (label->box.origin.x + label->box.size.width, <=, 1000);
            /* Beside the marker, which sits in the middle of the view. */
            g_assert_cmpfloat (fabs (label->box.origin.x + label->box.size.width / 2 - 500), <, 300);
          }
        g_assert_true (named);
      }

  /* A search that leaves one site: named without being selected. */
  {
    g_autoptr(AtlasMapScene) real = atlas_map_scene_new (dataset);
    GListModel *sites = atlas_dataset_get_sites (dataset);
    g_autoptr(AtlasSite) only = g_list_model_get_item (sites, g_list_model_get_n_items (sites) / 2);
    g_autoptr(GtkCustomFilter) filter = gtk_custom_filter_new (is_only_site, only, NULL);
    g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
    g_autoptr(GskRenderNode) node = NULL;
    int index = atlas_map_scene_find_site (real, only);
    gboolean named = FALSE;

    atlas_map_scene_set_filter (real, GTK_FILTER (filter));
    g_assert_cmpuint (atlas_map_scene_get_n_visible (real), ==, 1);
    atlas_map_paint_options_init (&options);
    options.labels = labels;
    g_array_set_size (labels, 0);
    atlas_map_fit_chongqing (real, viewport, 1000, 700, FALSE, NULL);
    atlas_map_paint (real, snapshot, viewport, 1000, 700, &options, markers);
    node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    for (guint i = 0; i < labels->len; i++)
      named = named || g_array_index (labels, AtlasMapLabel, i).site == index;
    g_assert_true (named);
    atlas_map_scene_set_filter (real, NULL);
  }
}

static void
test_painter_markers (void)
{
  AtlasDataset *dataset = atlas_test_open_bundled_dataset ();
  g_autoptr(AtlasMapScene) scene = atlas_map_scene_new (dataset);
  g_autoptr(AtlasViewport) viewport = atlas_viewport_new ();
  g_autoptr(GArray) markers = g_array_new (FALSE, FALSE, sizeof (AtlasMapMarker));
  AtlasMapPaintOptions options;

  atlas_render_ensure_types ();
  atlas_map_paint_options_init (&options);
  atlas_viewport_set_zoom_range (viewport, ATLAS_MAP_MIN_ZOOM, ATLAS_MAP_MAX_ZOOM);
  atlas_map_fit_chongqing (scene, viewport, 1280, 800, FALSE, NULL);

  for (double zoom = atlas_viewport_get_zoom (viewport); zoom <= 12; zoom += 1.5)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      const AtlasMapClusterSet *set;
      guint total = 0;

      double lon0, lat0, lon1, lat1;

      atlas_viewport_set_zoom (viewport, zoom);
      atlas_map_paint (scene, snapshot, viewport, 1280, 800, &options, markers);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      g_assert_nonnull (node);
      /* The set the frame drew: the same view finds it again. */
      atlas_viewport_from_screen (viewport, 0, 0, 1280, 800, &lon0, &lat0);
      atlas_viewport_from_screen (viewport, 1280, 800, 1280, 800, &lon1, &lat1);
      set = atlas_map_scene_get_clusters (scene, zoom, atlas_projection_lon_to_unit (lon0),
                                          atlas_projection_lat_to_unit (lat0), atlas_projection_lon_to_unit (lon1),
                                          atlas_projection_lat_to_unit (lat1), -1, 1.0);

      for (guint i = 0; i < markers->len; i++)
        {
          const AtlasMapMarker *m = &g_array_index (markers, AtlasMapMarker, i);
          const AtlasMapCluster *c = atlas_map_cluster_set_get (set, m->cluster);
          double lon, lat;
          int hit;

          total += m->count;
          g_assert_cmpuint (c->count, ==, m->count);
          /* The scene's hit test at the marker's place finds it. */
          atlas_viewport_from_screen (viewport, m->x, m->y, 1280, 800, &lon, &lat);
          hit = atlas_map_cluster_set_hit (set, atlas_projection_lon_to_unit (lon),
                                           atlas_projection_lat_to_unit (lat), zoom, 16, 16);
          g_assert_cmpint (hit, ==, (int) m->cluster);
        }

      /* Zoomed out, every site is on screen. */
      if (zoom < 8)
        g_assert_cmpuint (total, ==, atlas_map_scene_get_n_visible (scene));
    }
}

static cairo_surface_t *
draw_options (AtlasMapScene              *scene,
              AtlasViewport              *viewport,
              const AtlasMapPaintOptions *options)
{
  g_autoptr(GskRenderNode) node = atlas_map_render_scene (scene, viewport, options, 800, 600);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 600);
  cairo_t *cr = cairo_create (surface);

  atlas_render_node_to_cairo (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The screen's cached drawing (base image, sprites), twice in a row and
 * after a small pan, looks like the vector drawing of exports.
 */
static void
test_cached_matches_vector (void)
{
  AtlasDataset *dataset = atlas_test_open_bundled_dataset ();
  g_autoptr(AtlasMapScene) scene = atlas_map_scene_new (dataset);
  g_autoptr(AtlasViewport) viewport = atlas_viewport_new ();
  AtlasMapPaintOptions options;
  cairo_surface_t *cached, *again, *vector;
  double diff = 0, diff_again = 0;

  atlas_render_ensure_types ();
  atlas_viewport_set_zoom_range (viewport, ATLAS_MAP_MIN_ZOOM, ATLAS_MAP_MAX_ZOOM);
  atlas_map_fit_chongqing (scene, viewport, 800, 600, FALSE, NULL);
  atlas_map_paint_options_init (&options);
  options.choropleth = "sites";

  cached = draw_options (scene, viewport, &options);
  atlas_viewport_pan_pixels (viewport, 5, 3);
  atlas_viewport_pan_pixels (viewport, -5, -3);
  again = draw_options (scene, viewport, &options);
  options.vector = TRUE;
  vector = draw_options (scene, viewport, &options);

  for (int y = 0; y < 600; y++)
    for (int x = 0; x < 800; x++)
      {
        guint32 a = ((guint32 *) (cairo_image_surface_get_data (cached) + y * cairo_image_surface_get_stride (cached)))[x];
        guint32 b = ((guint32 *) (cairo_image_surface_get_data (vector) + y * cairo_image_surface_get_stride (vector)))[x];
        guint32 c = ((guint32 *) (cairo_image_surface_get_data (again) + y * cairo_image_surface_get_stride (again)))[x];

        for (int shift = 0; shift < 24; shift += 8)
          {
            diff += abs ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff));
            diff_again += abs ((int) ((a >> shift) & 0xff) - (int) ((c >> shift) & 0xff));
          }
      }
  diff /= 800 * 600 * 3;
  diff_again /= 800 * 600 * 3;
  g_test_message ("mean difference: cached vs vector %.3f, cached vs cached %.3f", diff, diff_again);
  g_assert_cmpfloat (diff, <, 3.0);
  g_assert_cmpfloat (diff_again, <, 0.5);

  cairo_surface_destroy (cached);
  cairo_surface_destroy (again);
  cairo_surface_destroy (vector);
}

/* One frame drawn the way the screen draws it (base image, sprites), and
 * whether atlas_map_paint() asked for another once the camera rests.
 */
static cairo_surface_t *
draw_frame (AtlasMapScene              *scene,
            AtlasViewport              *viewport,
            const AtlasMapPaintOptions *options,
            gboolean                   *again)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 600);
  cairo_t *cr = cairo_create (surface);

  *again = atlas_map_paint (scene, snapshot, viewport, 800, 600, options, NULL);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  atlas_render_node_to_cairo (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  return ((guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface)))[x] & 0xffffff;
}

/* A base image drawn in two goes -- the view at once, the margin for
 * panning on a later frame -- is the image drawn for that view in one go,
 * and it stays true to the vector drawing at a zoom close in, where an
 * outline leaves the image around a corner: the land is land there.
 */
static void
test_base_in_parts (void)
{
  AtlasDataset *dataset = atlas_test_open_bundled_dataset ();
  g_autoptr(AtlasMapScene) scene = atlas_map_scene_new (dataset);
  g_autoptr(AtlasViewport) viewport = atlas_viewport_new ();
  const AtlasPalette *palette = atlas_style_get_palette (ATLAS_STYLE_LIGHT);
  cairo_surface_t *first, *panned, *fresh, *vector;
  guint32 outside;
  AtlasMapPaintOptions options;
  gboolean again;
  guint max_diff = 0, n_outside_raster = 0, n_outside_vector = 0;
  double diff = 0;

  atlas_render_ensure_types ();
  atlas_viewport_set_zoom_range (viewport, ATLAS_MAP_MIN_ZOOM, ATLAS_MAP_MAX_ZOOM);
  atlas_map_paint_options_init (&options);
  options.legend = FALSE;
  options.notice = FALSE;

  /* At a new zoom only the view is drawn, and another frame is asked for. */
  atlas_viewport_set (viewport, 106.55, 29.57, 12.17);
  first = draw_frame (scene, viewport, &options, &again);
  g_assert_true (again);

  /* Panned into the margin: the margin is drawn then, and nothing more
   * is asked for.
   */
  atlas_viewport_pan_pixels (viewport, 130, 95);
  panned = draw_frame (scene, viewport, &options, &again);
  g_assert_false (again);
  atlas_viewport_pan_pixels (viewport, -250, -230);
  cairo_surface_destroy (draw_frame (scene, viewport, &options, &again));
  g_assert_false (again);
  atlas_viewport_pan_pixels (viewport, 250, 230);

  /* The same view, drawn anew in one go. */
  atlas_map_scene_drop_zoom_caches (scene);
  fresh = draw_frame (scene, viewport, &options, &again);
  options.vector = TRUE;
  vector = draw_frame (scene, viewport, &options, &again);

  outside = (guint32) lround (palette->map_outside.red * 255) << 16 |
            (guint32) lround (palette->map_outside.green * 255) << 8 |
            (guint32) lround (palette->map_outside.blue * 255);
  for (int y = 0; y < 600; y++)
    for (int x = 0; x < 800; x++)
      {
        guint32 a = pixel_at (panned, x, y), b = pixel_at (fresh, x, y);

        for (int shift = 0; shift < 24; shift += 8)
          {
            guint d = abs ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff));

            diff += d;
            max_diff = MAX (max_diff, d);
          }
        n_outside_raster += a == outside;
        n_outside_vector += pixel_at (vector, x, y) == outside;
      }
  diff /= 800 * 600 * 3;
  g_test_message ("in parts vs in one go: mean %.4f, max %u; outside-coloured pixels: raster %u, vector %u",
                  diff, max_diff, n_outside_raster, n_outside_vector);
  g_assert_cmpfloat (diff, <, 0.05);
  g_assert_cmpuint (max_diff, <=, 8);
  g_assert_cmpuint (abs ((int) n_outside_raster - (int) n_outside_vector), <, 800 * 600 / 500);

  cairo_surface_destroy (first);
  cairo_surface_destroy (panned);
  cairo_surface_destroy (fresh);
  cairo_surface_destroy (vector);
}

static void
test_filter_applies (void)
{
  AtlasDataset *dataset = atlas_test_open_bundled_dataset ();
  g_autoptr(AtlasMapScene) scene = atlas_map_scene_new (dataset);
  g_autoptr(AtlasSession) session = atlas_session_new (dataset);
  AtlasState *state = atlas_session_get_state (session);
  GtkFilter *filter = atlas_session_get_site_filter (session);
  g_autoptr(AtlasSite) site = g_list_model_get_item (atlas_dataset_get_sites (dataset), 0);
  guint all;

  atlas_map_scene_set_filter (scene, filter);
  all = atlas_map_scene_get_n_visible (scene);
  g_assert_cmpuint (all, ==, atlas_map_scene_get_n_sites (scene));

  atlas_state_set_category (state, atlas_site_get_category (site), FALSE);
  g_assert_cmpuint (atlas_map_scene_get_n_visible (scene), <, all);
  g_assert_false (atlas_map_scene_is_visible (scene, atlas_map_scene_find_site (scene, site)));

  atlas_state_reset_filters (state);
  g_assert_cmpuint (atlas_map_scene_get_n_visible (scene), ==, all);
}

static void
test_render_cli (void)
{
  const char *program = g_getenv ("CQ_ATLAS_BIN");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-map-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "map.png", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { program, "--render", "map", "--output", path, "--size", "800x600", NULL };
  cairo_surface_t *surface;
  guchar *data;
  int stride, status;
  guint64 colours[8] = { 0 };
  guint n_distinct = 0, dark_pixels = 0;
  double mean = 0;

  if (program == NULL)
    {
      g_test_skip ("CQ_ATLAS_BIN not set");
      return;
    }

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("%s", err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 600);

  /* Not blank: several colours, some dark ink (text, borders), and a
   * mean brightness that is neither black nor white.
   */
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 600; y++)
    for (int x = 0; x < 800; x++)
      {
        guint32 p = *(guint32 *) (data + y * stride + 4 * x);
        guint lum = (((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff)) / 3;

        mean += lum;
        if (lum < 100)
          dark_pixels++;
        colours[lum / 32] = 1;
      }
  mean /= 800 * 600;
  for (guint i = 0; i < G_N_ELEMENTS (colours); i++)
    n_distinct += colours[i];

  g_assert_cmpuint (n_distinct, >=, 4);
  g_assert_cmpuint (dark_pixels, >, 2000);
  g_assert_cmpfloat (mean, >, 120);
  g_assert_cmpfloat (mean, <, 250);

  cairo_surface_destroy (surface);
  g_unlink (path);
  g_rmdir (dir);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* The opening frame leaves out the outer twentieth of the sites on each
 * side: its corners are those values of the sites' sorted x and y (all of
 * them for fewer than ten sites), whatever the sites' order.
 */
static void
test_fit_sites_box (void)
{
  AtlasDataset *dataset = atlas_test_open_bundled_dataset ();
  const guint counts[] = { 1, 2, 7, 10, 11, 1000, 4099 };

  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    {
      g_autoptr(AtlasMapScene) scene = atlas_map_scene_new_synthetic (dataset, counts[c], 7 + c);
      const AtlasMapPoint *points = atlas_map_scene_get_points (scene);
      guint n = atlas_map_scene_get_n_sites (scene);
      g_autofree double *xs = g_new (double, n);
      g_autofree double *ys = g_new (double, n);
      guint lo, hi;
      double box[4];

      for (guint i = 0; i < n; i++)
        {
          xs[i] = points[i].x;
          ys[i] = points[i].y;
        }
      qsort (xs, n, sizeof (double), compare_doubles);
      qsort (ys, n, sizeof (double), compare_doubles);
      lo = n >= 10 ? (guint) (n * 0.05) : 0;
      hi = n - 1 - lo;

      g_assert_true (atlas_map_fit_sites_box (scene, box));
      g_assert_cmpfloat (box[0], ==, xs[lo]);
      g_assert_cmpfloat (box[1], ==, ys[lo]);
      g_assert_cmpfloat (box[2], ==, xs[hi]);
      g_assert_cmpfloat (box[3], ==, ys[hi]);
      /* The scene's points are as they were. */
      g_assert_true (atlas_map_scene_get_points (scene) == points);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* `cq-atlas --render` runs with this folder as its data, not the user's. */
  g_free (atlas_test_make_data_home ("atlas-map"));
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map/projection/round-trip", test_projection_round_trip);
  g_test_add_func ("/map/viewport/clamp-and-json", test_viewport_clamp_and_json);
  g_test_add_func ("/map/cluster/stable-and-complete", test_cluster_stable);
  g_test_add_func ("/map/cluster/hit-at-several-zooms", test_cluster_hit);
  g_test_add_func ("/map/labels/no-overlap", test_collision_no_overlap);
  g_test_add_func ("/map/choropleth/classes", test_classes);
  g_test_add_func ("/map/keyboard/focus-order", test_focus_order);
  g_test_add_func ("/map/scene/districts-and-point-in-polygon", test_scene_districts);
  g_test_add_func ("/map/painter/markers-hit-where-drawn", test_painter_markers);
  g_test_add_func ("/map/painter/markers-never-overlap", test_painter_markers_apart);
  g_test_add_func ("/map/painter/selected-site-named", test_painter_names_selected_and_lone);
  g_test_add_func ("/map/scene/filter-applies", test_filter_applies);
  g_test_add_func ("/map/fit/sites-box", test_fit_sites_box);
  g_test_add_func ("/map/painter/cached-matches-vector", test_cached_matches_vector);
  g_test_add_func ("/map/painter/base-in-parts", test_base_in_parts);
  g_test_add_func ("/map/render/cli-png", test_render_cli);

  return g_test_run ();
}
