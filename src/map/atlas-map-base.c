/* atlas-map-base.c
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

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "atlas-map-painter-private.h"
#include "atlas-projection.h"

/* The base map: district fills (or the choropleth), their borders, rivers
 * and the selected district, drawn into an image a little larger than the
 * screen and copied while the camera pans within it.
 */


static void
trace_paths (cairo_t       *cr,
             AtlasMapPaths *paths,
             gboolean       closed)
{
  const AtlasMapPoint *points = (const AtlasMapPoint *) paths->points->data;

  for (guint p = 0; p + 1 < paths->offsets->len; p++)
    {
      guint first = g_array_index (paths->offsets, guint, p);
      guint last = g_array_index (paths->offsets, guint, p + 1);

      cairo_move_to (cr, points[first].x, points[first].y);
      for (guint i = first + 1; i < last; i++)
        cairo_line_to (cr, points[i].x, points[i].y);
      if (closed)
        cairo_close_path (cr);
    }
}

static gboolean
shape_on_screen (Frame         *f,
                 AtlasMapShape *shape,
                 double         margin)
{
  double size = atlas_projection_world_size (f->zoom);
  double x0 = shape->min_x * size - f->area_left;
  double x1 = shape->max_x * size - f->area_left;
  double y0 = shape->min_y * size - f->area_top;
  double y1 = shape->max_y * size - f->area_top;

  return x1 >= -margin && x0 <= f->area_width + margin && y1 >= -margin && y0 <= f->area_height + margin;
}

void
_atlas_map_compute_classes (Frame *f)
{
  AtlasMapScene *scene = f->scene;
  guint n = atlas_map_scene_get_n_districts (scene);
  g_autofree double *values = NULL;

  f->n_classes = 0;
  if (!_atlas_map_has_choropleth (f->options))
    return;

  values = g_new (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    values[i] = _atlas_map_measure_value (atlas_map_scene_get_district (scene, i), f->options->choropleth);
  f->n_classes = atlas_map_classes_compute (values, n, f->uppers);
}

/* Districts, rivers and the selected district, as vectors, for the area
 * f->area_* (world pixels at f->zoom) with its top-left at cairo's origin.
 */
static void
draw_base_vector (Frame   *f,
                  cairo_t *cr)
{
  AtlasMapScene *scene = f->scene;
  int k = CLAMP ((int) ceil (f->zoom - 0.001), 0, (int) ATLAS_MAP_MAX_ZOOM + 1);
  double s = exp2 (f->zoom - k);
  double line = f->scale;
  guint n = atlas_map_scene_get_n_districts (scene);
  gboolean choropleth = _atlas_map_has_choropleth (f->options);
  int selected = f->options->selected_district;

  cairo_save (cr);
  cairo_translate (cr, -f->area_left, -f->area_top);
  cairo_scale (cr, s, s);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* Fills, then all borders on top so that shared edges look the same. */
  for (guint i = 0; i < n; i++)
    {
      AtlasMapShape *shape = atlas_map_scene_get_district (scene, i);
      GdkRGBA fill = f->palette->map_land;

      if (!shape_on_screen (f, shape, 4))
        continue;

      if (choropleth && f->n_classes > 0)
        {
          guint c = atlas_map_classes_find (f->uppers, f->n_classes,
                                            _atlas_map_measure_value (shape, f->options->choropleth));

          atlas_style_get_sequential_color (c, f->n_classes,
                                            f->options->variant,
                                            &fill);
        }

      cairo_new_path (cr);
      trace_paths (cr, atlas_map_scene_get_paths (scene, shape, k, TRUE), TRUE);
      _atlas_map_set_color (cr, &fill);
      cairo_fill (cr);
    }

  cairo_set_line_width (cr, (atlas_style_variant_is_high_contrast (f->options->variant) ? 1.4 : 1.0) * line / s);
  _atlas_map_set_color (cr, &f->palette->map_border);
  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    {
      AtlasMapShape *shape = atlas_map_scene_get_district (scene, i);

      if (shape_on_screen (f, shape, 4))
        trace_paths (cr, atlas_map_scene_get_paths (scene, shape, k, TRUE), TRUE);
    }
  cairo_stroke (cr);

  /* Rivers, widest first. */
  for (int level = 3; level >= 1; level--)
    {
      double width = (level == 1 ? 3.2 : level == 2 ? 2.0 : 1.1) * line * CLAMP (exp2 ((f->zoom - 8) / 3), 0.8, 2.0);

      cairo_new_path (cr);
      for (guint i = 0; i < atlas_map_scene_get_n_rivers (scene); i++)
        {
          AtlasMapShape *shape = atlas_map_scene_get_river (scene, i);

          if (atlas_map_scene_get_river_level (scene, i) == level && shape_on_screen (f, shape, 8))
            trace_paths (cr, atlas_map_scene_get_paths (scene, shape, k, FALSE), FALSE);
        }
      cairo_set_line_width (cr, width / s);
      _atlas_map_set_color (cr, &f->palette->map_river);
      cairo_stroke (cr);
    }

  /* The selected district on top of everything else of the base map. */
  if (selected >= 0 && (guint) selected < n)
    {
      AtlasMapShape *shape = atlas_map_scene_get_district (scene, selected);
      GdkRGBA tint = f->palette->accent;

      cairo_new_path (cr);
      trace_paths (cr, atlas_map_scene_get_paths (scene, shape, k, TRUE), TRUE);
      tint.alpha = 0.12;
      _atlas_map_set_color (cr, &tint);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 3.0 * line / s);
      _atlas_map_set_color (cr, &f->palette->accent);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

#define BASE_MARGIN 160

static gboolean
base_cache_matches (Frame             *f,
                    AtlasMapBaseCache *cache)
{
  return cache->surface != NULL &&
         cache->variant == f->options->variant &&
         g_strcmp0 (cache->measure, _atlas_map_has_choropleth (f->options) ? f->options->choropleth : NULL) == 0 &&
         cache->district == f->options->selected_district &&
         cache->line_scale == f->scale &&
         cache->pixel_scale == MAX (f->options->pixel_scale, 1);
}

/* The base map: drawn directly for vector exports; otherwise copied from an
 * image of the area around the screen, redrawn only when the camera leaves
 * it, the zoom or the style changes.  While the zoom moves (animations,
 * pinches) an image of a nearby zoom may be scaled instead; the caller then
 * draws again once the camera rests.
 */
void
_atlas_map_paint_base (Frame   *f,
            cairo_t *cr)
{
  AtlasMapBaseCache *cache = atlas_map_scene_get_base_cache (f->scene);
  double left = f->cx - f->width / 2, top = f->cy - f->height / 2;
  int ps = MAX (f->options->pixel_scale, 1);

  if (f->options->vector)
    {
      f->area_left = left;
      f->area_top = top;
      f->area_width = f->width;
      f->area_height = f->height;
      _atlas_map_set_color (cr, &f->palette->map_outside);
      cairo_paint (cr);
      draw_base_vector (f, cr);
      return;
    }

  if (base_cache_matches (f, cache) && cache->zoom == f->zoom &&
      left >= cache->x0 && top >= cache->y0 &&
      left + f->width <= cache->x0 + cache->width &&
      top + f->height <= cache->y0 + cache->height)
    {
      /* Opaque: a plain copy, no blending. */
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_set_source_surface (cr, cache->surface, round (cache->x0 - left), round (cache->y0 - top));
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      return;
    }

  if (f->options->allow_stale_base && base_cache_matches (f, cache) &&
      fabs (f->zoom - cache->zoom) < 1.0)
    {
      double r = exp2 (f->zoom - cache->zoom);

      _atlas_map_set_color (cr, &f->palette->map_outside);
      cairo_paint (cr);
      cairo_save (cr);
      cairo_translate (cr, cache->x0 * r - left, cache->y0 * r - top);
      cairo_scale (cr, r, r);
      cairo_set_source_surface (cr, cache->surface, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      f->stale = TRUE;
      return;
    }

  {
    cairo_t *bcr;

    g_clear_pointer (&cache->surface, cairo_surface_destroy);
    cache->width = (int) ceil (f->width) + 2 * BASE_MARGIN;
    cache->height = (int) ceil (f->height) + 2 * BASE_MARGIN;
    cache->x0 = floor (left) - BASE_MARGIN;
    cache->y0 = floor (top) - BASE_MARGIN;
    cache->zoom = f->zoom;
    cache->variant = f->options->variant;
    g_free (cache->measure);
    cache->measure = g_strdup (_atlas_map_has_choropleth (f->options) ? f->options->choropleth : NULL);
    cache->district = f->options->selected_district;
    cache->line_scale = f->scale;
    cache->pixel_scale = ps;
    cache->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, cache->width * ps, cache->height * ps);
    cairo_surface_set_device_scale (cache->surface, ps, ps);

    f->area_left = cache->x0;
    f->area_top = cache->y0;
    f->area_width = cache->width;
    f->area_height = cache->height;
    bcr = cairo_create (cache->surface);
    _atlas_map_set_color (bcr, &f->palette->map_outside);
    cairo_paint (bcr);
    draw_base_vector (f, bcr);
    cairo_destroy (bcr);

    cairo_set_source_surface (cr, cache->surface, round (cache->x0 - left), round (cache->y0 - top));
    cairo_paint (cr);
  }
}

