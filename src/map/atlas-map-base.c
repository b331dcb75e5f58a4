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

#include "atlas-map-fill.h"
#include "atlas-map-painter-private.h"
#include "atlas-map-raster.h"
#include "atlas-projection.h"

/* The base map: district fills (or the choropleth), their borders, rivers
 * and the selected district, drawn into an image a little larger than the
 * screen and copied while the camera pans within it.
 *
 * A frame at a new zoom draws that image anew, and it has to be quick (a
 * pinch, a story's fly-to): fills are drawn without antialiasing, since the
 * borders drawn over them hide their edges, together with the colour around
 * them, each pixel once (atlas-map-fill.c); borders and rivers, thousands
 * of short segments, are drawn into a coverage mask by atlas-map-raster.c
 * and painted once; the stretches of outline far outside the image are
 * left out.  Vector exports keep cairo's strokes.
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

/* Which sides of the area (with @margin) the point (@x, @y) is beyond. */
static inline guint
outcode (double x,
         double y,
         double width,
         double height,
         double margin)
{
  return (x < -margin) | (x > width + margin) << 1 | (y < -margin) << 2 | (y > height + margin) << 3;
}

/* The points of @paths in image pixels (world pixels at zoom k scaled by
 * @s, less the image's origin (@origin_x, @origin_y), times @ps), into
 * @out, with the start of each path in @starts (and the end): points lying,
 * with both neighbours, beyond one side of the area f->area_* are left out,
 * and what is left draws the same inside it.  Each point is transformed
 * once, and the same way whichever part of the image is drawn, so that
 * parts drawn at different times meet exactly.
 */
static void
prepare_paths (Frame         *f,
               AtlasMapPaths *paths,
               double         s,
               double         ps,
               double         origin_x,
               double         origin_y,
               GArray        *out,
               GArray        *starts)
{
  const AtlasMapPoint *points = (const AtlasMapPoint *) paths->points->data;
  double w = f->area_width * ps, h = f->area_height * ps, margin = 8 * ps;
  double ox = origin_x * ps, oy = origin_y * ps, k = s * ps;
  double ax = (f->area_left - origin_x) * ps, ay = (f->area_top - origin_y) * ps;

  g_array_set_size (out, 0);
  g_array_set_size (starts, 0);
  for (guint p = 0; p + 1 < paths->offsets->len; p++)
    {
      guint first = g_array_index (paths->offsets, guint, p);
      guint n = g_array_index (paths->offsets, guint, p + 1) - first;
      AtlasMapPoint cur, next;
      guint run_code, cur_code, next_code;

      if (n < 2)
        continue;
      g_array_append_val (starts, out->len);
      cur = (AtlasMapPoint) { points[first].x * k - ox, points[first].y * k - oy };
      cur_code = outcode (cur.x - ax, cur.y - ay, w, h, margin);
      run_code = 0;
      for (guint j = 0; j < n; j++)
        {
          if (j + 1 < n)
            {
              next = (AtlasMapPoint) { points[first + j + 1].x * k - ox, points[first + j + 1].y * k - oy };
              next_code = outcode (next.x - ax, next.y - ay, w, h, margin);
            }
          else
            next_code = 0;

          /* A point goes only when the last one kept, every one left out
           * since and the next are all beyond the same side: the straight
           * line that replaces them is beyond it too.  (Sharing a side
           * with its two neighbours alone is not enough: a run around a
           * corner would be cut short across the area.)
           */
          if (j > 0 && j + 1 < n && (run_code & cur_code & next_code) != 0)
            run_code &= cur_code;
          else
            {
              g_array_append_val (out, cur);
              run_code = cur_code;
            }

          cur = next;
          cur_code = next_code;
        }
    }
  g_array_append_val (starts, out->len);
}

static void
trace_prepared (cairo_t *cr,
                GArray  *out,
                GArray  *starts)
{
  const AtlasMapPoint *points = (const AtlasMapPoint *) out->data;

  for (guint p = 0; p + 1 < starts->len; p++)
    {
      guint first = g_array_index (starts, guint, p), last = g_array_index (starts, guint, p + 1);

      cairo_move_to (cr, points[first].x, points[first].y);
      for (guint i = first + 1; i < last; i++)
        cairo_line_to (cr, points[i].x, points[i].y);
      cairo_close_path (cr);
    }
}

static void
mask_prepared (AtlasMapMask *mask,
               GArray       *out,
               GArray       *starts,
               gboolean      closed,
               double        width)
{
  const AtlasMapPoint *points = (const AtlasMapPoint *) out->data;

  for (guint p = 0; p + 1 < starts->len; p++)
    {
      guint first = g_array_index (starts, guint, p), last = g_array_index (starts, guint, p + 1);

      for (guint i = first + 1; i < last; i++)
        {
          atlas_map_mask_line (mask, points[i - 1].x, points[i - 1].y, points[i].x, points[i].y, width);
          /* Round joints where wide lines turn. */
          if (width > 2)
            atlas_map_mask_dot (mask, points[i].x, points[i].y, width);
        }
      if (closed && last - first > 2)
        atlas_map_mask_line (mask, points[last - 1].x, points[last - 1].y, points[first].x, points[first].y, width);
    }
}

/* The same as draw_base_vector() into the part f->area_* (world pixels
 * at f->zoom) of the base image (RGB24, @ps device pixels per pixel, its
 * top-left at (@origin_x, @origin_y)), the fast way; the rest of the image
 * is left as it is.
 */
static void
draw_base_raster (Frame   *f,
                  cairo_t *cr,
                  int      ps,
                  double   origin_x,
                  double   origin_y)
{
  AtlasMapScene *scene = f->scene;
  int k = CLAMP ((int) ceil (f->zoom - 0.001), 0, (int) ATLAS_MAP_MAX_ZOOM + 1);
  double s = exp2 (f->zoom - k), line = f->scale;
  guint n = atlas_map_scene_get_n_districts (scene);
  gboolean choropleth = _atlas_map_has_choropleth (f->options);
  int selected = f->options->selected_district;
  AtlasMapBaseCache *cache = atlas_map_scene_get_base_cache (scene);
  cairo_surface_t *target = cairo_get_target (cr);
  int mask_w = cairo_image_surface_get_width (target), mask_h = cairo_image_surface_get_height (target);
  int clip_x = (int) round ((f->area_left - origin_x) * ps), clip_y = (int) round ((f->area_top - origin_y) * ps);
  int clip_w = (int) ceil (f->area_width * ps), clip_h = (int) ceil (f->area_height * ps);
  double border = (atlas_style_variant_is_high_contrast (f->options->variant) ? 1.4 : 1.0) * line * ps;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (AtlasMapPoint));
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(AtlasMapFill) fill = atlas_map_fill_new ();
  AtlasMapMask *borders, *rivers;

  /* Two masks as large as the image, kept with it and reused. */
  if (cache->mask == NULL || atlas_map_mask_get_width (cache->mask) != mask_w ||
      atlas_map_mask_get_height (cache->mask) != mask_h)
    {
      g_clear_pointer (&cache->mask, atlas_map_mask_free);
      g_clear_pointer (&cache->river_mask, atlas_map_mask_free);
      cache->mask = atlas_map_mask_new (mask_w, mask_h);
      cache->river_mask = atlas_map_mask_new (mask_w, mask_h);
    }
  borders = cache->mask;
  rivers = cache->river_mask;
  atlas_map_mask_clear (borders);
  atlas_map_mask_set_clip (borders, clip_x, clip_y, clip_w, clip_h);
  atlas_map_mask_clear (rivers);
  atlas_map_mask_set_clip (rivers, clip_x, clip_y, clip_w, clip_h);

  /* The fills' polygons, and the borders into their mask from the same
   * points, in device pixels.
   */
  atlas_map_fill_reset (fill, clip_x, clip_y, clip_w, clip_h);
  for (guint i = 0; i < n; i++)
    {
      AtlasMapShape *shape = atlas_map_scene_get_district (scene, i);
      GdkRGBA color = f->palette->map_land;

      if (!shape_on_screen (f, shape, 4))
        continue;
      if (choropleth && f->n_classes > 0)
        atlas_style_get_sequential_color (atlas_map_classes_find (f->uppers, f->n_classes,
                                                                  _atlas_map_measure_value (shape, f->options->choropleth)),
                                          f->n_classes, f->options->variant, &color);

      prepare_paths (f, atlas_map_scene_get_paths (scene, shape, k, TRUE), s, ps, origin_x, origin_y, points, starts);
      atlas_map_fill_add_polygon (fill, (const AtlasMapPoint *) points->data, (const guint *) starts->data,
                                  starts->len - 1, &color);
      mask_prepared (borders, points, starts, TRUE, border);
    }

  /* Rivers, each as wide as its level. */
  for (guint i = 0; i < atlas_map_scene_get_n_rivers (scene); i++)
    {
      AtlasMapShape *shape = atlas_map_scene_get_river (scene, i);
      int level = atlas_map_scene_get_river_level (scene, i);
      double width = (level == 1 ? 3.2 : level == 2 ? 2.0 : 1.1) * line * ps * CLAMP (exp2 ((f->zoom - 8) / 3), 0.8, 2.0);

      if (!shape_on_screen (f, shape, 8))
        continue;
      prepare_paths (f, atlas_map_scene_get_paths (scene, shape, k, FALSE), s, ps, origin_x, origin_y, points, starts);
      mask_prepared (rivers, points, starts, FALSE, width);
    }

  /* Every pixel of the part once: the fills or the colour outside
   * Chongqing, then the borders and the rivers over them.
   */
  atlas_map_fill_add_lines (fill, borders, &f->palette->map_border);
  atlas_map_fill_add_lines (fill, rivers, &f->palette->map_river);
  atlas_map_fill_draw (fill, target, &f->palette->map_outside);

  /* The selected district on top, antialiased: one outline. */
  if (selected >= 0 && (guint) selected < n)
    {
      AtlasMapShape *shape = atlas_map_scene_get_district (scene, selected);
      GdkRGBA tint = f->palette->accent;

      prepare_paths (f, atlas_map_scene_get_paths (scene, shape, k, TRUE), s, ps, origin_x, origin_y, points, starts);
      cairo_save (cr);
      cairo_identity_matrix (cr);
      cairo_rectangle (cr, clip_x, clip_y, clip_w, clip_h);
      cairo_clip (cr);
      cairo_new_path (cr);
      trace_prepared (cr, points, starts);
      tint.alpha = 0.12;
      _atlas_map_set_color (cr, &tint);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 3.0 * line * ps);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      _atlas_map_set_color (cr, &f->palette->accent);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

#define BASE_MARGIN 160

static gboolean
base_cache_matches (Frame             *f,
                    AtlasMapBaseCache *cache)
{
  return cache->surface != NULL && cache->valid &&
         cache->variant == f->options->variant &&
         g_strcmp0 (cache->measure, _atlas_map_has_choropleth (f->options) ? f->options->choropleth : NULL) == 0 &&
         cache->district == f->options->selected_district &&
         cache->line_scale == f->scale &&
         cache->pixel_scale == MAX (f->options->pixel_scale, 1);
}

/* The part of the base image in view, copied to the frame.  Through a
 * subsurface of just that part (in user units: the subsurface keeps the
 * image's device scale): a cairo recording (the render node) keeps a
 * snapshot of its source, which is copied out when the source goes away
 * while the recording lives, and the whole image is almost twice the view.
 * The subsurface is kept while the view stays put, so that it outlives the
 * frame's recording.
 */
static void
copy_visible (Frame             *f,
              cairo_t           *cr,
              AtlasMapBaseCache *cache,
              double             left,
              double             top)
{
  int dx = (int) round (left - cache->x0), dy = (int) round (top - cache->y0);
  int w = MIN ((int) ceil (f->width), cache->width - dx), h = MIN ((int) ceil (f->height), cache->height - dy);

  if (cache->part == NULL || cache->part_x != dx || cache->part_y != dy ||
      cache->part_width != w || cache->part_height != h)
    {
      g_clear_pointer (&cache->part, cairo_surface_destroy);
      cache->part = cairo_surface_create_for_rectangle (cache->surface, dx, dy, w, h);
      cache->part_x = dx;
      cache->part_y = dy;
      cache->part_width = w;
      cache->part_height = h;
    }

  /* Opaque: a plain copy, no blending. */
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, cache->part, 0, 0);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_fill (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
}

/* Draws the part (@x, @y, @width, @height) of the base image, in its
 * pixels.
 */
static void
draw_part (Frame             *f,
           cairo_t           *bcr,
           AtlasMapBaseCache *cache,
           int                x,
           int                y,
           int                width,
           int                height)
{
  if (width <= 0 || height <= 0)
    return;
  f->area_left = cache->x0 + x;
  f->area_top = cache->y0 + y;
  f->area_width = width;
  f->area_height = height;
  draw_base_raster (f, bcr, cache->pixel_scale, cache->x0, cache->y0);
}

/* The rest of the image around the part drawn first: four strips. */
static void
complete_image (Frame             *f,
                AtlasMapBaseCache *cache)
{
  int x0 = cache->drawn_x, y0 = cache->drawn_y;
  int x1 = x0 + cache->drawn_width, y1 = y0 + cache->drawn_height;
  cairo_t *bcr;

  /* The part last shown goes before the image changes under it. */
  g_clear_pointer (&cache->part, cairo_surface_destroy);

  bcr = cairo_create (cache->surface);
  draw_part (f, bcr, cache, 0, 0, cache->width, y0);
  draw_part (f, bcr, cache, 0, y1, cache->width, cache->height - y1);
  draw_part (f, bcr, cache, 0, y0, x0, y1 - y0);
  draw_part (f, bcr, cache, x1, y0, cache->width - x1, y1 - y0);
  cairo_destroy (bcr);

  cache->drawn_x = cache->drawn_y = 0;
  cache->drawn_width = cache->width;
  cache->drawn_height = cache->height;
}

static gboolean
cache_holds (AtlasMapBaseCache *cache,
             double             left,
             double             top,
             double             width,
             double             height,
             gboolean           drawn)
{
  double x0 = cache->x0 + (drawn ? cache->drawn_x : 0), y0 = cache->y0 + (drawn ? cache->drawn_y : 0);
  double x1 = x0 + (drawn ? cache->drawn_width : cache->width), y1 = y0 + (drawn ? cache->drawn_height : cache->height);

  return left >= x0 && top >= y0 && left + width <= x1 && top + height <= y1;
}

static gboolean
image_is_complete (AtlasMapBaseCache *cache)
{
  return cache->drawn_width == cache->width && cache->drawn_height == cache->height;
}

/* How far around the view a new image is drawn at first. */
#define BASE_NEAR 2

/* The base map: drawn directly for vector exports; otherwise copied from an
 * image of the area around the screen, redrawn only when the camera leaves
 * it, the zoom or the style changes.  While the zoom moves (animations,
 * pinches) an image of a nearby zoom may be scaled instead; the caller then
 * draws again once the camera rests.
 *
 * A new image is drawn in two goes: the part in view at once, for the
 * frame being drawn -- the one a pinch or a fly-to waits for -- and the
 * margin around it, for panning, on the next frame that is not part of a
 * moving zoom (or as soon as the view reaches into it).  The caller is told
 * to draw once more when the camera rests, so that the margin is done then.
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
      cache_holds (cache, left, top, f->width, f->height, FALSE))
    {
      if (!image_is_complete (cache) &&
          (!f->options->allow_stale_base || !cache_holds (cache, left, top, f->width, f->height, TRUE)))
        complete_image (f, cache);
      f->stale = !image_is_complete (cache);
      copy_visible (f, cr, cache, left, top);
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
      /* Only what was drawn of it: the rest holds an older picture. */
      cairo_rectangle (cr, cache->drawn_x, cache->drawn_y, cache->drawn_width, cache->drawn_height);
      cairo_clip (cr);
      cairo_set_source_surface (cr, cache->surface, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      f->stale = TRUE;
      return;
    }

  {
    cairo_t *bcr;
    int width = (int) ceil (f->width) + 2 * BASE_MARGIN, height = (int) ceil (f->height) + 2 * BASE_MARGIN;

    /* The part last shown goes before the image changes under it. */
    g_clear_pointer (&cache->part, cairo_surface_destroy);

    /* The same size as before: drawn over, not allocated again.  A new
     * image's memory is asked for at once where the view goes (its pages
     * are all in memory after, and asking again would cost a walk of them).
     */
    if (cache->surface == NULL || cache->width != width || cache->height != height || cache->pixel_scale != ps)
      {
        g_clear_pointer (&cache->surface, cairo_surface_destroy);
        cache->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width * ps, height * ps);
        cairo_surface_set_device_scale (cache->surface, ps, ps);
        atlas_map_prefault_rows (cache->surface, (BASE_MARGIN - BASE_NEAR) * ps,
                                 (BASE_MARGIN + BASE_NEAR + 1 + (int) ceil (f->height)) * ps);
      }
    cache->valid = TRUE;
    cache->width = width;
    cache->height = height;
    cache->x0 = floor (left) - BASE_MARGIN;
    cache->y0 = floor (top) - BASE_MARGIN;
    cache->zoom = f->zoom;
    cache->variant = f->options->variant;
    g_free (cache->measure);
    cache->measure = g_strdup (_atlas_map_has_choropleth (f->options) ? f->options->choropleth : NULL);
    cache->district = f->options->selected_district;
    cache->line_scale = f->scale;
    cache->pixel_scale = ps;

    /* The view (which starts within a pixel of BASE_MARGIN) and a little
     * around it.
     */
    cache->drawn_x = cache->drawn_y = BASE_MARGIN - BASE_NEAR;
    cache->drawn_width = MIN ((int) ceil (f->width) + 2 * BASE_NEAR + 1, width - cache->drawn_x);
    cache->drawn_height = MIN ((int) ceil (f->height) + 2 * BASE_NEAR + 1, height - cache->drawn_y);
    bcr = cairo_create (cache->surface);
    draw_part (f, bcr, cache, cache->drawn_x, cache->drawn_y, cache->drawn_width, cache->drawn_height);
    cairo_destroy (bcr);
    f->stale = TRUE;

    copy_visible (f, cr, cache, left, top);
  }
}
