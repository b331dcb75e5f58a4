/* atlas-map-fit.c
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

#include "atlas-map-fit.h"
#include "atlas-projection.h"

/* Where the map's camera opens and how far it may go, apart from the
 * widget: the opening camera frames the sites shown, leaving out the few
 * far from the rest (most of them are in the main urban districts, and
 * fitting all of Chongqing made them one blob); the zoom stops where the
 * schematic base map still shows something, and a little beyond all of
 * Chongqing.
 */

#define MIN_ZOOM_BELOW_FIT 1.5

/* The opening frame leaves out the outer twentieth of the sites on each
 * side, and never comes closer than this.
 */
#define SITES_MAX_ZOOM 11.5
#define SITES_TRIM 0.05
#define SITES_PADDING 40.0

/* The painter's legend covers the map's left edge: frame right of it. */
#define LEGEND_WIDTH 190.0

/* The @k-th smallest of @v[0..n) (0-based), moving @v's values about:
 * Hoare's selection, linear on average, where sorting 100,000 sites' x and
 * y to take two values of each was most of the opening camera's cost.
 */
static double
select_nth (double *v,
            guint   n,
            guint   k)
{
  gint64 lo = 0, hi = (gint64) n - 1;

  /* Wirth's: partition around the value at k until k is between. */
  while (lo < hi)
    {
      double pivot = v[k];
      gint64 i = lo, j = hi;

      do
        {
          while (v[i] < pivot)
            i++;
          while (pivot < v[j])
            j--;
          if (i <= j)
            {
              double t = v[i];

              v[i++] = v[j];
              v[j--] = t;
            }
        }
      while (i <= j);
      if (j < (gint64) k)
        lo = i;
      if ((gint64) k < i)
        hi = j;
    }
  return v[k];
}

/**
 * atlas_map_fit_sites_box:
 * @box: (out): x0, y0, x1, y1 in unit coordinates
 *
 * The box around the sites @scene shows (all of them when the filters
 * leave none), without the outer few on each side.
 *
 * Returns: whether there are sites with a place
 */
gboolean
atlas_map_fit_sites_box (AtlasMapScene *scene,
                         double         box[4])
{
  const AtlasMapPoint *points = atlas_map_scene_get_points (scene);
  guint n = atlas_map_scene_get_n_sites (scene);
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ys = g_array_new (FALSE, FALSE, sizeof (double));
  guint lo, hi;

  for (guint i = 0; i < n; i++)
    if (atlas_map_scene_is_visible (scene, i))
      {
        g_array_append_val (xs, points[i].x);
        g_array_append_val (ys, points[i].y);
      }

  /* Nothing passes the filters: where all the sites are. */
  if (xs->len == 0)
    for (guint i = 0; i < n; i++)
      {
        g_array_append_val (xs, points[i].x);
        g_array_append_val (ys, points[i].y);
      }
  if (xs->len == 0)
    return FALSE;

  /* With few sites, all of them. */
  lo = xs->len >= 10 ? (guint) (xs->len * SITES_TRIM) : 0;
  hi = xs->len - 1 - lo;
  box[0] = select_nth ((double *) xs->data, xs->len, lo);
  box[1] = select_nth ((double *) ys->data, ys->len, lo);
  box[2] = select_nth ((double *) xs->data, xs->len, hi);
  box[3] = select_nth ((double *) ys->data, ys->len, hi);
  return TRUE;
}

/**
 * atlas_map_fit_box:
 * @box: x0, y0, x1, y1 in unit coordinates
 *
 * The camera that shows @box in a map of @width x @height, right of the
 * legend when there is room for both.
 */
void
atlas_map_fit_box (AtlasViewport *viewport,
                   const double   box[4],
                   double         width,
                   double         height,
                   double        *lon,
                   double        *lat,
                   double        *zoom)
{
  double legend = width > 3 * LEGEND_WIDTH ? LEGEND_WIDTH : 0;
  double world;

  *zoom = atlas_viewport_fit_zoom (viewport,
                                   atlas_projection_unit_to_lon (box[0]), atlas_projection_unit_to_lat (box[3]),
                                   atlas_projection_unit_to_lon (box[2]), atlas_projection_unit_to_lat (box[1]),
                                   width - legend, height, SITES_PADDING);
  *zoom = MIN (*zoom, SITES_MAX_ZOOM);

  /* The box's middle in the middle of the area right of the legend. */
  world = atlas_projection_world_size (*zoom);
  *lon = atlas_projection_unit_to_lon ((box[0] + box[2]) / 2 - legend / 2 / world);
  *lat = atlas_projection_unit_to_lat ((box[1] + box[3]) / 2);
}

/* How far @viewport may zoom for a map of this size. */
void
atlas_map_fit_zoom_range (AtlasMapScene *scene,
                          AtlasViewport *viewport,
                          double         width,
                          double         height)
{
  double x0, y0, x1, y1, fit;

  if (width <= 1 || height <= 1)
    return;

  atlas_map_scene_get_bounds (scene, &x0, &y0, &x1, &y1);
  atlas_viewport_set_zoom_range (viewport, ATLAS_MAP_MIN_ZOOM, ATLAS_MAP_VIEW_MAX_ZOOM);
  fit = atlas_viewport_fit_zoom (viewport, x0, y0, x1, y1, width, height, 24);
  atlas_viewport_set_zoom_range (viewport, MAX (ATLAS_MAP_MIN_ZOOM, fit - MIN_ZOOM_BELOW_FIT),
                                 ATLAS_MAP_VIEW_MAX_ZOOM);
}
