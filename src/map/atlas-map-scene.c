/* atlas-map-scene.c
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

#include <math.h>
#include <pango/pangocairo.h>

#include "atlas-dataset.h"
#include "atlas-district.h"
#include "atlas-item.h"
#include "atlas-map-raster.h"
#include "atlas-map-scene.h"
#include "atlas-projection.h"
#include "atlas-record-filter.h"
#include "atlas-river.h"
#include "atlas-site.h"
#include "atlas-site-list.h"

#define CLUSTER_DISTANCE 44.0   /* px: markers closer than this merge */
#define MAX_CLUSTER_ZOOM 17
#define GRID 128

struct _AtlasMapScene
{
  GObject       parent_instance;

  AtlasDataset *dataset;
  GPtrArray    *districts;      /* AtlasMapShape */
  GPtrArray    *rivers;         /* AtlasMapShape */
  GArray       *river_levels;   /* int */
  GArray       *points;         /* AtlasMapPoint */
  GArray       *infos;          /* AtlasMapSiteInfo */
  GPtrArray    *names;          /* char *, synthetic site names (lazily) */
  /* The dataset's sites as they were when the scene was made (a snapshot,
   * atlas_site_list_snapshot()): the points refer to them by position, and
   * a reload does not move them under a scene still asked about them.
   * NULL for a synthetic scene.
   */
  AtlasSiteList *sites;
  GArray       *visible;        /* guint, ascending */
  guint         category_counts[ATLAS_N_SITE_CATEGORIES];
  guint8       *visible_flags;
  GtkFilter    *filter;
  /* The shown sites by cell of a GRID x GRID grid over their bounds. */
  guint        *grid_start;     /* GRID * GRID + 1 offsets into grid_points */
  guint        *grid_points;    /* shown site indices, by cell, ascending */
  AtlasMapPoint *grid_xy;       /* their points, in the same order */
  double        grid_x0, grid_y0, grid_w, grid_h;   /* unit */

  /* The clusters of a region around the last view drawn, and its key. */
  AtlasMapClusterSet *clusters;
  int           clusters_zoom;
  int           clusters_excluded;
  double        clusters_scale;
  double        clusters_x0, clusters_y0, clusters_x1, clusters_y1;   /* unit */
  double        min_lon, min_lat, max_lon, max_lat;
  gboolean      outlines_prepared;

  PangoContext *pango;
  GHashTable   *layouts;        /* key -> PangoLayout */
  GHashTable   *sprites;        /* key -> cairo_surface_t */
  AtlasMapBaseCache base;
};

G_DEFINE_FINAL_TYPE (AtlasMapScene, atlas_map_scene, G_TYPE_OBJECT)

/* ---- shapes ------------------------------------------------------------ */

static void
paths_free (AtlasMapPaths *paths)
{
  if (paths == NULL)
    return;
  g_array_unref (paths->points);
  g_array_unref (paths->offsets);
  g_free (paths);
}

static void
shape_free (AtlasMapShape *shape)
{
  g_clear_object (&shape->district);
  g_free (shape->name);
  g_clear_pointer (&shape->geometry, atlas_geometry_unref);
  g_clear_pointer (&shape->unit, g_array_unref);
  g_clear_pointer (&shape->unit_offsets, g_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (shape->cache); i++)
    g_clear_pointer (&shape->cache[i], paths_free);
  g_clear_object (&shape->layout);
  g_free (shape);
}

static AtlasMapShape *
shape_new (AtlasGeometry *geometry,
           const char    *name,
           double         label_lon,
           double         label_lat)
{
  AtlasMapShape *shape = g_new0 (AtlasMapShape, 1);
  guint n_paths = atlas_geometry_get_n_paths (geometry);

  shape->geometry = atlas_geometry_ref (geometry);
  shape->name = g_strdup (name);
  shape->unit = g_array_new (FALSE, FALSE, sizeof (AtlasMapPoint));
  shape->unit_offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  shape->min_x = shape->min_y = G_MAXDOUBLE;
  shape->max_x = shape->max_y = -G_MAXDOUBLE;

  for (guint p = 0; p < n_paths; p++)
    {
      guint n_points;
      const AtlasPoint *points = atlas_geometry_get_path (geometry, p, &n_points);

      g_array_append_val (shape->unit_offsets, shape->unit->len);
      for (guint i = 0; i < n_points; i++)
        {
          AtlasMapPoint u = { atlas_projection_lon_to_unit (points[i].x),
                              atlas_projection_lat_to_unit (points[i].y) };

          shape->min_x = MIN (shape->min_x, u.x);
          shape->min_y = MIN (shape->min_y, u.y);
          shape->max_x = MAX (shape->max_x, u.x);
          shape->max_y = MAX (shape->max_y, u.y);
          g_array_append_val (shape->unit, u);
        }
    }
  g_array_append_val (shape->unit_offsets, shape->unit->len);

  shape->label_x = atlas_projection_lon_to_unit (label_lon);
  shape->label_y = atlas_projection_lat_to_unit (label_lat);
  shape->area = (shape->max_x - shape->min_x) * (shape->max_y - shape->min_y);
  return shape;
}

/* Zooms up to this one have their outlines simplified when the scene is
 * made (Douglas-Peucker, within SIMPLIFY_TOLERANCE px): at the zooms that
 * show most of Chongqing that keeps half the vertices, and a frame at a new
 * zoom does not wait for it.  Above, outlines are nearly whole and are
 * thinned on first use.
 */
#define PREPARED_MAX_ZOOM  11
#define SIMPLIFY_TOLERANCE 0.5

/* Marks the points of [@first, @last] that Douglas-Peucker keeps. */
static void
simplify (const AtlasMapPoint *points,
          guint                first,
          guint                last,
          double               tolerance,
          guint8              *keep,
          GArray              *stack)
{
  double t2 = tolerance * tolerance;

  keep[first] = keep[last] = 1;
  g_array_set_size (stack, 0);
  g_array_append_val (stack, first);
  g_array_append_val (stack, last);
  while (stack->len >= 2)
    {
      guint b = g_array_index (stack, guint, stack->len - 1);
      guint a = g_array_index (stack, guint, stack->len - 2);
      double ax = points[a].x, ay = points[a].y, dx = points[b].x - ax, dy = points[b].y - ay;
      double len2 = dx * dx + dy * dy, best = -1;
      guint worst = 0;

      g_array_set_size (stack, stack->len - 2);
      for (guint i = a + 1; i < b; i++)
        {
          double px = points[i].x - ax, py = points[i].y - ay, d2;

          if (len2 > 0)
            {
              double cross = px * dy - py * dx;

              d2 = cross * cross / len2;
            }
          else
            d2 = px * px + py * py;
          if (d2 > best)
            {
              best = d2;
              worst = i;
            }
        }
      if (best > t2)
        {
          keep[worst] = 1;
          g_array_append_val (stack, a);
          g_array_append_val (stack, worst);
          g_array_append_val (stack, worst);
          g_array_append_val (stack, b);
        }
    }
}

/* The outline in world pixels at @zoom, simplified for it: by
 * Douglas-Peucker up to PREPARED_MAX_ZOOM, above by dropping points closer
 * than half a pixel to the last one kept.
 */
static AtlasMapPaths *
make_paths (AtlasMapShape *shape,
            int            zoom,
            gboolean       closed)
{
  double size = atlas_projection_world_size (zoom);
  AtlasMapPaths *paths = g_new0 (AtlasMapPaths, 1);
  g_autoptr(GArray) world = g_array_new (FALSE, FALSE, sizeof (AtlasMapPoint));
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint8 *keep = NULL;
  const double tolerance2 = 0.5 * 0.5;

  paths->points = g_array_new (FALSE, FALSE, sizeof (AtlasMapPoint));
  paths->offsets = g_array_new (FALSE, FALSE, sizeof (guint));

  if (zoom <= PREPARED_MAX_ZOOM)
    {
      g_array_set_size (world, shape->unit->len);
      for (guint i = 0; i < shape->unit->len; i++)
        {
          const AtlasMapPoint *u = &g_array_index (shape->unit, AtlasMapPoint, i);

          g_array_index (world, AtlasMapPoint, i) = (AtlasMapPoint) { u->x * size, u->y * size };
        }
      keep = g_new0 (guint8, MAX (shape->unit->len, 1));
    }

  for (guint p = 0; p + 1 < shape->unit_offsets->len; p++)
    {
      guint first = g_array_index (shape->unit_offsets, guint, p);
      guint last = g_array_index (shape->unit_offsets, guint, p + 1);
      guint start = paths->points->len;
      AtlasMapPoint prev = { 0, 0 };

      if (last <= first)
        continue;
      if (keep != NULL)
        {
          simplify ((const AtlasMapPoint *) world->data, first, last - 1, SIMPLIFY_TOLERANCE, keep, stack);
          for (guint i = first; i < last; i++)
            if (keep[i])
              g_array_append_val (paths->points, g_array_index (world, AtlasMapPoint, i));
        }
      else
        for (guint i = first; i < last; i++)
          {
            const AtlasMapPoint *u = &g_array_index (shape->unit, AtlasMapPoint, i);
            AtlasMapPoint w = { u->x * size, u->y * size };
            double dx = w.x - prev.x, dy = w.y - prev.y;

            if (i == first || i == last - 1 || dx * dx + dy * dy >= tolerance2)
              {
                g_array_append_val (paths->points, w);
                prev = w;
              }
          }

      /* A ring that collapsed to nothing at this zoom is left out. */
      if (paths->points->len - start < (closed ? 3u : 2u))
        g_array_set_size (paths->points, start);
      else
        g_array_append_val (paths->offsets, start);
    }
  g_array_append_val (paths->offsets, paths->points->len);
  return paths;
}

AtlasMapPaths *
atlas_map_scene_get_paths (AtlasMapScene *self,
                           AtlasMapShape *shape,
                           int            zoom,
                           gboolean       closed)
{
  zoom = CLAMP (zoom, 0, (int) G_N_ELEMENTS (shape->cache) - 1);
  if (shape->cache[zoom] == NULL)
    shape->cache[zoom] = make_paths (shape, zoom, closed);
  return shape->cache[zoom];
}

/**
 * atlas_map_scene_prepare_outlines:
 *
 * Simplifies every outline for the zooms that show much of Chongqing, so
 * that a later frame at one of those zooms (a pinch, a story's fly-to)
 * does not pay for it.  The map view calls it when it is idle after its
 * first frame: that frame needs the outlines of one zoom only.
 */
void
atlas_map_scene_prepare_outlines (AtlasMapScene *self)
{
  g_return_if_fail (ATLAS_IS_MAP_SCENE (self));

  if (self->outlines_prepared)
    return;
  self->outlines_prepared = TRUE;
  for (int zoom = (int) ATLAS_MAP_MIN_ZOOM; zoom <= PREPARED_MAX_ZOOM; zoom++)
    {
      for (guint i = 0; i < self->districts->len; i++)
        atlas_map_scene_get_paths (self, g_ptr_array_index (self->districts, i), zoom, TRUE);
      for (guint i = 0; i < self->rivers->len; i++)
        atlas_map_scene_get_paths (self, g_ptr_array_index (self->rivers, i), zoom, FALSE);
    }
}

/* ---- sites ------------------------------------------------------------- */

static void
add_site_point (AtlasMapScene         *self,
                guint                  position,
                double                 lon,
                double                 lat,
                AtlasSiteCategory      category,
                AtlasLocationPrecision precision)
{
  AtlasMapPoint p = { atlas_projection_lon_to_unit (lon), atlas_projection_lat_to_unit (lat) };
  AtlasMapSiteInfo info = { position, category, precision };

  g_array_append_val (self->points, p);
  g_array_append_val (self->infos, info);
}

static void
clear_clusters (AtlasMapScene *self)
{
  g_clear_pointer (&self->clusters, atlas_map_cluster_set_free);
}

static inline int
grid_column (AtlasMapScene *self,
             double         x)
{
  return CLAMP ((int) floor ((x - self->grid_x0) / self->grid_w * GRID), 0, GRID - 1);
}

static inline int
grid_row (AtlasMapScene *self,
          double         y)
{
  return CLAMP ((int) floor ((y - self->grid_y0) / self->grid_h * GRID), 0, GRID - 1);
}

/* The shown sites counted into the grid's cells: a region's sites are then
 * a few runs of the array, however many sites there are.
 */
static void
build_grid (AtlasMapScene *self)
{
  const AtlasMapPoint *points = (const AtlasMapPoint *) self->points->data;
  guint n = self->visible->len;
  g_autofree guint *fill = g_new0 (guint, GRID * GRID);
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < self->points->len; i++)
    {
      x0 = MIN (x0, points[i].x);
      y0 = MIN (y0, points[i].y);
      x1 = MAX (x1, points[i].x);
      y1 = MAX (y1, points[i].y);
    }
  self->grid_x0 = self->points->len ? x0 : 0;
  self->grid_y0 = self->points->len ? y0 : 0;
  self->grid_w = MAX (x1 - x0, 1e-9);
  self->grid_h = MAX (y1 - y0, 1e-9);

  g_free (self->grid_start);
  g_free (self->grid_points);
  g_free (self->grid_xy);
  self->grid_start = g_new0 (guint, GRID * GRID + 1);
  self->grid_points = g_new (guint, MAX (n, 1));
  self->grid_xy = g_new (AtlasMapPoint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const AtlasMapPoint *p = &points[g_array_index (self->visible, guint, i)];

      self->grid_start[grid_row (self, p->y) * GRID + grid_column (self, p->x) + 1]++;
    }
  for (guint c = 0; c < GRID * GRID; c++)
    self->grid_start[c + 1] += self->grid_start[c];
  for (guint i = 0; i < n; i++)
    {
      guint index = g_array_index (self->visible, guint, i);
      const AtlasMapPoint *p = &points[index];
      guint c = grid_row (self, p->y) * GRID + grid_column (self, p->x);

      self->grid_xy[self->grid_start[c] + fill[c]] = *p;
      self->grid_points[self->grid_start[c] + fill[c]++] = index;
    }
}

/* Whether the filter lets the site of @info through.  The session's filter
 * reads the site's row: filtering 100,000 points makes no site objects.
 */
static gboolean
match_point (AtlasMapScene          *self,
             const AtlasMapSiteInfo *info)
{
  if (ATLAS_IS_RECORD_FILTER (self->filter))
    return atlas_record_filter_match_at (ATLAS_RECORD_FILTER (self->filter),
                                         G_LIST_MODEL (self->sites), info->position);
  return gtk_filter_match (self->filter, atlas_site_list_get_site (self->sites, info->position));
}

static void
update_visible (AtlasMapScene *self)
{
  guint n = self->points->len;

  /* No filter set (the session's says so): no need to ask it 100,000 times. */
  gboolean all = self->filter == NULL ||
                 gtk_filter_get_strictness (self->filter) == GTK_FILTER_MATCH_ALL;

  g_array_set_size (self->visible, 0);
  memset (self->category_counts, 0, sizeof self->category_counts);
  for (guint i = 0; i < n; i++)
    {
      AtlasMapSiteInfo *info = &g_array_index (self->infos, AtlasMapSiteInfo, i);
      gboolean shown = all || info->position == ATLAS_MAP_NO_SITE || match_point (self, info);

      self->visible_flags[i] = shown;
      if (shown)
        {
          g_array_append_val (self->visible, i);
          self->category_counts[info->category]++;
        }
    }
  build_grid (self);
  clear_clusters (self);
}

/* ---- GObject ----------------------------------------------------------- */

static void
atlas_map_scene_dispose (GObject *object)
{
  AtlasMapScene *self = ATLAS_MAP_SCENE (object);

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->filter);
  g_clear_object (&self->dataset);
  g_clear_object (&self->pango);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_clear_pointer (&self->sprites, g_hash_table_unref);
  g_clear_pointer (&self->base.part, cairo_surface_destroy);
  g_clear_pointer (&self->base.surface, cairo_surface_destroy);
  g_clear_pointer (&self->base.mask, atlas_map_mask_free);
  g_clear_pointer (&self->base.river_mask, atlas_map_mask_free);
  g_clear_pointer (&self->base.measure, g_free);

  G_OBJECT_CLASS (atlas_map_scene_parent_class)->dispose (object);
}

static void
atlas_map_scene_finalize (GObject *object)
{
  AtlasMapScene *self = ATLAS_MAP_SCENE (object);

  clear_clusters (self);
  /* The scene keeps its sites alive: a reload may replace the dataset's
   * records while a filter still asks about these.
   */
  g_clear_object (&self->sites);
  g_ptr_array_unref (self->districts);
  g_ptr_array_unref (self->rivers);
  g_array_unref (self->river_levels);
  g_array_unref (self->points);
  g_array_unref (self->infos);
  g_ptr_array_unref (self->names);
  g_array_unref (self->visible);
  g_free (self->visible_flags);
  g_free (self->grid_start);
  g_free (self->grid_points);
  g_free (self->grid_xy);

  G_OBJECT_CLASS (atlas_map_scene_parent_class)->finalize (object);
}

static void
atlas_map_scene_class_init (AtlasMapSceneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_map_scene_dispose;
  object_class->finalize = atlas_map_scene_finalize;
}

static void
atlas_map_scene_init (AtlasMapScene *self)
{
  self->districts = g_ptr_array_new_with_free_func ((GDestroyNotify) shape_free);
  self->rivers = g_ptr_array_new_with_free_func ((GDestroyNotify) shape_free);
  self->river_levels = g_array_new (FALSE, FALSE, sizeof (int));
  self->points = g_array_new (FALSE, FALSE, sizeof (AtlasMapPoint));
  self->infos = g_array_new (FALSE, FALSE, sizeof (AtlasMapSiteInfo));
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->visible = g_array_new (FALSE, FALSE, sizeof (guint));
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->sprites = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) cairo_surface_destroy);
  self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  self->min_lon = 105.29;
  self->max_lon = 110.20;
  self->min_lat = 28.16;
  self->max_lat = 32.20;
}

static void
load_base_map (AtlasMapScene *self,
               AtlasDataset  *dataset)
{
  GListModel *districts = atlas_dataset_get_districts (dataset);
  GListModel *rivers = atlas_dataset_get_rivers (dataset);
  guint n;
  gboolean first = TRUE;

  self->dataset = g_object_ref (dataset);

  n = g_list_model_get_n_items (districts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasDistrict) district = g_list_model_get_item (districts, i);
      AtlasGeometry *geometry = atlas_district_get_geometry (district);
      AtlasMapShape *shape;
      double x0, y0, x1, y1;

      if (geometry == NULL || atlas_geometry_get_n_paths (geometry) == 0)
        continue;

      shape = shape_new (geometry, atlas_item_get_name (ATLAS_ITEM (district)),
                         atlas_district_get_label_lon (district),
                         atlas_district_get_label_lat (district));
      shape->district = g_object_ref (district);
      shape->adcode = atlas_district_get_adcode (district);
      g_ptr_array_add (self->districts, shape);

      atlas_geometry_get_bounds (geometry, &x0, &y0, &x1, &y1);
      if (first)
        {
          self->min_lon = x0; self->min_lat = y0; self->max_lon = x1; self->max_lat = y1;
          first = FALSE;
        }
      self->min_lon = MIN (self->min_lon, x0);
      self->min_lat = MIN (self->min_lat, y0);
      self->max_lon = MAX (self->max_lon, x1);
      self->max_lat = MAX (self->max_lat, y1);
    }

  n = g_list_model_get_n_items (rivers);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasRiver) river = g_list_model_get_item (rivers, i);
      AtlasGeometry *geometry = atlas_river_get_geometry (river);
      AtlasMapShape *shape;
      int level = atlas_river_get_level (river);

      if (geometry == NULL)
        continue;
      shape = shape_new (geometry,
                         atlas_river_has_label (river) ? atlas_item_get_name (ATLAS_ITEM (river)) : NULL,
                         atlas_river_get_label_lon (river), atlas_river_get_label_lat (river));
      g_ptr_array_add (self->rivers, shape);
      g_array_append_val (self->river_levels, level);
    }
}

static void
finish_sites (AtlasMapScene *self)
{
  self->visible_flags = g_new0 (guint8, MAX (self->points->len, 1));
  update_visible (self);
}

/**
 * atlas_map_scene_new:
 *
 * The base map and the sites of @dataset.
 */
AtlasMapScene *
atlas_map_scene_new (AtlasDataset *dataset)
{
  AtlasMapScene *self;
  AtlasSiteList *sites;
  guint n;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  self = g_object_new (ATLAS_TYPE_MAP_SCENE, NULL);
  load_base_map (self, dataset);

  /* From the rows: the first frame makes no site objects. */
  self->sites = sites = atlas_site_list_snapshot (ATLAS_SITE_LIST (atlas_dataset_get_sites (dataset)));
  n = g_list_model_get_n_items (G_LIST_MODEL (sites));
  for (guint i = 0; i < n; i++)
    {
      const AtlasSiteRow *row = atlas_site_list_get_row (sites, i);

      /* A site known only by its area, or not at all, has no point to draw. */
      if (!atlas_site_row_has_point (row))
        continue;
      add_site_point (self, i, row->lon, row->lat, row->category, row->location_precision);
    }
  finish_sites (self);
  return self;
}

/**
 * atlas_map_scene_new_synthetic:
 *
 * The base map of @dataset with @n_sites made-up sites spread over the
 * districts (inside their outlines), for benchmarks and tests.  The same
 * @seed gives the same sites.
 */
AtlasMapScene *
atlas_map_scene_new_synthetic (AtlasDataset *dataset,
                               guint         n_sites,
                               guint32       seed)
{
  AtlasMapScene *self;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  self = g_object_new (ATLAS_TYPE_MAP_SCENE, NULL);
  load_base_map (self, dataset);

  for (guint i = 0; i < n_sites; i++)
    {
      double lon = 0, lat = 0;

      /* Denser towards the central urban area, like the real data. */
      for (int attempt = 0; attempt < 64; attempt++)
        {
          if (g_rand_double (rand) < 0.5)
            {
              lon = 106.55 + g_rand_double_range (rand, -0.6, 0.6) * g_rand_double (rand);
              lat = 29.56 + g_rand_double_range (rand, -0.5, 0.5) * g_rand_double (rand);
            }
          else
            {
              lon = g_rand_double_range (rand, self->min_lon, self->max_lon);
              lat = g_rand_double_range (rand, self->min_lat, self->max_lat);
            }
          if (atlas_map_scene_district_at (self, lon, lat) >= 0)
            break;
        }
      add_site_point (self, ATLAS_MAP_NO_SITE, lon, lat,
                      g_rand_int_range (rand, 0, ATLAS_N_SITE_CATEGORIES),
                      g_rand_int_range (rand, 0, 3));
    }
  finish_sites (self);
  /* As the map view has them a moment after its first frame. */
  atlas_map_scene_prepare_outlines (self);
  return self;
}

AtlasDataset *
atlas_map_scene_get_dataset (AtlasMapScene *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_SCENE (self), NULL);
  return self->dataset;
}

static void
on_filter_changed (AtlasMapScene *self)
{
  update_visible (self);
}

/* Markers show the sites @filter lets through (all when %NULL). */
void
atlas_map_scene_set_filter (AtlasMapScene *self,
                            GtkFilter     *filter)
{
  g_return_if_fail (ATLAS_IS_MAP_SCENE (self));

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_set_object (&self->filter, filter);
  if (filter != NULL)
    g_signal_connect_swapped (filter, "changed", G_CALLBACK (on_filter_changed), self);
  update_visible (self);
}

guint
atlas_map_scene_get_n_districts (AtlasMapScene *self)
{
  return self->districts->len;
}

AtlasMapShape *
atlas_map_scene_get_district (AtlasMapScene *self,
                              guint          index)
{
  return g_ptr_array_index (self->districts, index);
}

guint
atlas_map_scene_get_n_rivers (AtlasMapScene *self)
{
  return self->rivers->len;
}

AtlasMapShape *
atlas_map_scene_get_river (AtlasMapScene *self,
                           guint          index)
{
  return g_ptr_array_index (self->rivers, index);
}

int
atlas_map_scene_get_river_level (AtlasMapScene *self,
                                 guint          index)
{
  return g_array_index (self->river_levels, int, index);
}

guint
atlas_map_scene_get_n_sites (AtlasMapScene *self)
{
  return self->points->len;
}

const AtlasMapPoint *
atlas_map_scene_get_points (AtlasMapScene *self)
{
  return (const AtlasMapPoint *) self->points->data;
}

const AtlasMapSiteInfo *
atlas_map_scene_get_site_info (AtlasMapScene *self,
                               guint          index)
{
  g_return_val_if_fail (index < self->infos->len, NULL);
  return &g_array_index (self->infos, AtlasMapSiteInfo, index);
}

const char *
atlas_map_scene_get_site_name (AtlasMapScene *self,
                               guint          index)
{
  const AtlasMapSiteInfo *info = atlas_map_scene_get_site_info (self, index);

  if (info->position != ATLAS_MAP_NO_SITE)
    return atlas_site_row_get_name (atlas_site_list_get_row (self->sites, info->position));

  /* Synthetic points get a name when a label first asks for one. */
  if (self->names->len <= index)
    g_ptr_array_set_size (self->names, self->points->len);
  if (g_ptr_array_index (self->names, index) == NULL)
    g_ptr_array_index (self->names, index) = g_strdup_printf ("#%u", index + 1);
  return g_ptr_array_index (self->names, index);
}

/**
 * atlas_map_scene_get_site:
 *
 * The site of point @index, made if nobody asked for it yet (the same
 * object as the dataset's list gives).
 *
 * Returns: (transfer none) (nullable): the site, or %NULL for a synthetic
 *   point
 */
AtlasSite *
atlas_map_scene_get_site (AtlasMapScene *self,
                          guint          index)
{
  const AtlasMapSiteInfo *info = atlas_map_scene_get_site_info (self, index);

  if (info == NULL || info->position == ATLAS_MAP_NO_SITE)
    return NULL;
  return atlas_site_list_get_site (self->sites, info->position);
}

/* The district of point @index's site, without making the site. */
AtlasDistrict *
atlas_map_scene_get_site_district (AtlasMapScene *self,
                                   guint          index)
{
  const AtlasMapSiteInfo *info = atlas_map_scene_get_site_info (self, index);

  if (info == NULL || info->position == ATLAS_MAP_NO_SITE)
    return NULL;
  return atlas_site_list_get_row (self->sites, info->position)->district;
}

/* The point of @site, or -1: its row is found by id, and its point by
 * position (the points are in the order of the rows).
 */
int
atlas_map_scene_find_site (AtlasMapScene *self,
                           AtlasSite     *site)
{
  guint position, lo = 0, hi = self->infos->len;

  if (self->sites == NULL || site == NULL ||
      !atlas_site_list_find (self->sites, atlas_item_get_id (ATLAS_ITEM (site)), &position) ||
      atlas_site_list_peek_site (self->sites, position) != site)
    return -1;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint at = g_array_index (self->infos, AtlasMapSiteInfo, mid).position;

      if (at == position)
        return (int) mid;
      if (at < position)
        lo = mid + 1;
      else
        hi = mid;
    }
  return -1;
}

guint
atlas_map_scene_get_n_visible (AtlasMapScene *self)
{
  return self->visible->len;
}

/* The first shown site, or -1. */
int
atlas_map_scene_get_first_visible (AtlasMapScene *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_SCENE (self), -1);
  return self->visible->len > 0 ? (int) g_array_index (self->visible, guint, 0) : -1;
}

/* How many of the shown sites are in @category (for the legend). */
guint
atlas_map_scene_get_category_count (AtlasMapScene     *self,
                                    AtlasSiteCategory  category)
{
  g_return_val_if_fail (category < ATLAS_N_SITE_CATEGORIES, 0);
  return self->category_counts[category];
}

gboolean
atlas_map_scene_is_visible (AtlasMapScene *self,
                            guint          index)
{
  return index < self->points->len && self->visible_flags[index];
}

/**
 * atlas_map_scene_get_clusters:
 * @x0, @y0, @x1, @y1: the view, in unit coordinates
 * @excluded: a site kept out of clusters (the selected one), or -1
 * @scale: how much larger than usual markers are drawn
 *
 * The clusters of the shown sites in and around the view, for drawing at
 * @zoom: built for the nearest whole zoom and a region half a view wider
 * than the view on every side, and reused while the view stays inside it.
 * Building costs as much as the sites in the region, found by the grid,
 * not all of them.
 */
const AtlasMapClusterSet *
atlas_map_scene_get_clusters (AtlasMapScene *self,
                              double         zoom,
                              double         x0,
                              double         y0,
                              double         x1,
                              double         y1,
                              int            excluded,
                              double         scale)
{
  int z = CLAMP ((int) floor (zoom + 0.5), 0, MAX_CLUSTER_ZOOM);
  double w = x1 - x0, h = y1 - y0;
  g_autofree guint *indices = NULL;
  g_autofree AtlasMapPoint *gathered = NULL;
  guint n_candidates = 0, n = 0;
  int c0, c1, r0, r1;

  g_return_val_if_fail (ATLAS_IS_MAP_SCENE (self), NULL);

  if (self->clusters != NULL && self->clusters_zoom == z && self->clusters_excluded == excluded &&
      self->clusters_scale == scale && x0 >= self->clusters_x0 && y0 >= self->clusters_y0 &&
      x1 <= self->clusters_x1 && y1 <= self->clusters_y1)
    return self->clusters;

  clear_clusters (self);
  self->clusters_zoom = z;
  self->clusters_excluded = excluded;
  self->clusters_scale = scale;
  self->clusters_x0 = x0 - w / 2;
  self->clusters_y0 = y0 - h / 2;
  self->clusters_x1 = x1 + w / 2;
  self->clusters_y1 = y1 + h / 2;

  c0 = grid_column (self, self->clusters_x0);
  c1 = grid_column (self, self->clusters_x1);
  r0 = grid_row (self, self->clusters_y0);
  r1 = grid_row (self, self->clusters_y1);

  /* The region's sites, read in the grid's order from the copy of their
   * points kept in that order.
   */
  for (int r = r0; r <= r1; r++)
    n_candidates += self->grid_start[r * GRID + c1 + 1] - self->grid_start[r * GRID + c0];
  indices = g_new (guint, MAX (n_candidates, 1));
  gathered = g_new (AtlasMapPoint, MAX (n_candidates, 1));
  for (int r = r0; r <= r1; r++)
    {
      guint last = self->grid_start[r * GRID + c1 + 1];

      for (guint k = self->grid_start[r * GRID + c0]; k < last; k++)
        {
          const AtlasMapPoint *p = &self->grid_xy[k];
          guint index = self->grid_points[k];

          if ((int) index == excluded || p->x < self->clusters_x0 || p->x > self->clusters_x1 ||
              p->y < self->clusters_y0 || p->y > self->clusters_y1)
            continue;
          indices[n] = index;
          gathered[n++] = *p;
        }
    }

  /* The selected marker and its ring reach 21 px (atlas-map-markers.c). */
  self->clusters = atlas_map_cluster_set_build_gathered (gathered, indices, n, z, CLUSTER_DISTANCE, scale,
                                                         excluded >= 0 ? &g_array_index (self->points, AtlasMapPoint, excluded)
                                                                       : NULL,
                                                         ATLAS_MAP_SELECTED_REACH * scale);
  return self->clusters;
}

/* The district containing (@lon, @lat), or -1. */
int
atlas_map_scene_district_at (AtlasMapScene *self,
                             double         lon,
                             double         lat)
{
  for (guint i = 0; i < self->districts->len; i++)
    {
      AtlasMapShape *shape = g_ptr_array_index (self->districts, i);
      double x0, y0, x1, y1;

      atlas_geometry_get_bounds (shape->geometry, &x0, &y0, &x1, &y1);
      if (lon < x0 || lon > x1 || lat < y0 || lat > y1)
        continue;
      if (atlas_geometry_contains (shape->geometry, lon, lat))
        return i;
    }
  return -1;
}

int
atlas_map_scene_find_district (AtlasMapScene *self,
                               int            adcode)
{
  for (guint i = 0; i < self->districts->len; i++)
    if (((AtlasMapShape *) g_ptr_array_index (self->districts, i))->adcode == adcode)
      return i;
  return -1;
}

void
atlas_map_scene_get_bounds (AtlasMapScene *self,
                            double        *min_lon,
                            double        *min_lat,
                            double        *max_lon,
                            double        *max_lat)
{
  *min_lon = self->min_lon;
  *min_lat = self->min_lat;
  *max_lon = self->max_lon;
  *max_lat = self->max_lat;
}

/* A laid-out text, cached: labels are measured once, not every frame. */
PangoLayout *
atlas_map_scene_get_layout (AtlasMapScene *self,
                            const char    *text,
                            int            size_pt,
                            gboolean       bold)
{
  g_autofree char *key = g_strdup_printf ("%d|%d|%s", size_pt, bold, text);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);

  if (layout == NULL)
    {
      g_autoptr(PangoFontDescription) font = pango_font_description_from_string (ATLAS_MAP_FONT_FAMILIES);

      /* Sprites are keyed by their layout: forgotten together. */
      if (g_hash_table_size (self->layouts) > 20000)
        {
          g_hash_table_remove_all (self->layouts);
          g_hash_table_remove_all (self->sprites);
        }

      pango_font_description_set_size (font, size_pt * PANGO_SCALE);
      pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
      layout = pango_layout_new (self->pango);
      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, text, -1);
      g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);
    }
  return layout;
}

/* After the language or the fonts change. */
void
atlas_map_scene_reset_layouts (AtlasMapScene *self)
{
  g_hash_table_remove_all (self->layouts);
  g_hash_table_remove_all (self->sprites);
  self->base.valid = FALSE;
}

/* Forgets what was made for particular zoom levels on first use (the base
 * image, clusters, outlines thinned above PREPARED_MAX_ZOOM): the benchmark
 * of zoom frames calls it so that each frame pays what a frame at a zoom
 * never drawn before pays.  The outlines atlas_map_scene_prepare_outlines()
 * made stay.
 */
void
atlas_map_scene_drop_zoom_caches (AtlasMapScene *self)
{
  g_return_if_fail (ATLAS_IS_MAP_SCENE (self));

  self->base.valid = FALSE;
  clear_clusters (self);
  for (guint i = 0; i < self->districts->len; i++)
    {
      AtlasMapShape *shape = g_ptr_array_index (self->districts, i);

      for (guint z = PREPARED_MAX_ZOOM + 1; z < G_N_ELEMENTS (shape->cache); z++)
        g_clear_pointer (&shape->cache[z], paths_free);
    }
  for (guint i = 0; i < self->rivers->len; i++)
    {
      AtlasMapShape *shape = g_ptr_array_index (self->rivers, i);

      for (guint z = PREPARED_MAX_ZOOM + 1; z < G_N_ELEMENTS (shape->cache); z++)
        g_clear_pointer (&shape->cache[z], paths_free);
    }
}

AtlasMapBaseCache *
atlas_map_scene_get_base_cache (AtlasMapScene *self)
{
  return &self->base;
}

/* Small pictures (markers, labels with their halo) drawn once and copied
 * onto each frame.
 */
cairo_surface_t *
atlas_map_scene_lookup_sprite (AtlasMapScene *self,
                               const char    *key)
{
  return g_hash_table_lookup (self->sprites, key);
}

void
atlas_map_scene_add_sprite (AtlasMapScene   *self,
                            const char      *key,
                            cairo_surface_t *sprite)
{
  if (g_hash_table_size (self->sprites) > 20000)
    g_hash_table_remove_all (self->sprites);
  g_hash_table_insert (self->sprites, g_strdup (key), sprite);
}

gboolean
atlas_map_scene_get_outlines_prepared (AtlasMapScene *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_SCENE (self), FALSE);

  return self->outlines_prepared;
}
