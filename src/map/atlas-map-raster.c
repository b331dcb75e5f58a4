/* atlas-map-raster.c
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

/* madvise() is not C11. */
#define _DEFAULT_SOURCE

#include "config.h"

#include <math.h>
#include <sys/mman.h>
#include <unistd.h>

#include <gdk/gdk.h>

#include "atlas-map-raster.h"

struct _AtlasMapMask
{
  cairo_surface_t *surface;   /* CAIRO_FORMAT_A8 */
  guint8          *data;
  int              stride;
  int              width;
  int              height;
  int              x0, y0, x1, y1;   /* what was drawn on; empty: x1 < x0 */
  int              clip_x0, clip_y0, clip_x1, clip_y1;   /* drawn within; ends excluded */
  /* Which runs of RUN pixels of each row were drawn on, a bit each:
   * clearing and blending visit those alone, not the whole of a mask that
   * lines cross here and there.
   */
  guint64         *dirty;
  int              dirty_words;      /* per row */
};

#define RUN_SHIFT 5
#define RUN (1 << RUN_SHIFT)

/* A mask that draws into @surface (an A8 image), which it keeps a
 * reference to: lines and dashes laid straight into an image painted with
 * cairo too, such as the map's areas layer.  What is already in the image is
 * taken as not drawn on: atlas_map_mask_clear() leaves it.
 */
AtlasMapMask *
atlas_map_mask_new_for_surface (cairo_surface_t *surface)
{
  AtlasMapMask *self;

  g_return_val_if_fail (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE, NULL);
  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_A8, NULL);

  cairo_surface_flush (surface);
  self = g_new0 (AtlasMapMask, 1);
  self->surface = cairo_surface_reference (surface);
  self->data = cairo_image_surface_get_data (surface);
  self->stride = cairo_image_surface_get_stride (surface);
  self->width = MAX (cairo_image_surface_get_width (surface), 1);
  self->height = MAX (cairo_image_surface_get_height (surface), 1);
  self->dirty_words = (self->width + RUN * 64 - 1) / (RUN * 64);
  self->dirty = g_new0 (guint64, (gsize) self->dirty_words * self->height);
  self->x0 = self->width;
  self->y0 = self->height;
  self->x1 = self->y1 = -1;
  atlas_map_mask_set_clip (self, 0, 0, self->width, self->height);
  return self;
}

AtlasMapMask *
atlas_map_mask_new (int width,
                    int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, MAX (width, 1), MAX (height, 1));
  AtlasMapMask *self;

  /* Lines cross most of its rows on the first frame already. */
  atlas_map_prefault_rows (surface, 0, cairo_image_surface_get_height (surface));
  /* A new image surface is cleared: nothing drawn on yet. */
  self = atlas_map_mask_new_for_surface (surface);
  cairo_surface_destroy (surface);
  return self;
}

/* Asks the kernel for the memory of rows [@y0, @y1) of the image
 * @surface at once, before they are drawn on.  A new large image is
 * untouched memory: each of its pages costs a page fault the first time it
 * is written, and the map's first frame writes some 2,000 of them (the base
 * image, the masks, the areas layer).  Where page faults are dear (a virtual
 * machine: 6-7 µs each where these figures were taken) one madvise() call
 * for them all took 8 ms off that frame.  Only whole pages inside the rows
 * are asked for; a kernel without MADV_POPULATE_WRITE (before Linux 5.14)
 * refuses and nothing changes.
 */
void
atlas_map_prefault_rows (cairo_surface_t *surface,
                         int              y0,
                         int              y1)
{
#ifdef MADV_POPULATE_WRITE
  guint8 *data;
  int stride, height;
  guintptr page, start, end;

  g_return_if_fail (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  height = cairo_image_surface_get_height (surface);
  y0 = CLAMP (y0, 0, height);
  y1 = CLAMP (y1, y0, height);
  if (data == NULL || y1 == y0)
    return;

  page = (guintptr) sysconf (_SC_PAGESIZE);
  start = ((guintptr) (data + (gsize) y0 * stride) + page - 1) & ~(page - 1);
  end = (guintptr) (data + (gsize) y1 * stride) & ~(page - 1);
  if (end > start)
    (void) madvise ((void *) start, end - start, MADV_POPULATE_WRITE);
#endif
}

/* Lines and dots leave the mask outside this rectangle untouched: the
 * base map draws a strip of its image at a time, and the pixels around it
 * are already painted.
 */
void
atlas_map_mask_set_clip (AtlasMapMask *self,
                         int           x,
                         int           y,
                         int           width,
                         int           height)
{
  self->clip_x0 = CLAMP (x, 0, self->width);
  self->clip_y0 = CLAMP (y, 0, self->height);
  self->clip_x1 = CLAMP (x + MAX (width, 0), self->clip_x0, self->width);
  self->clip_y1 = CLAMP (y + MAX (height, 0), self->clip_y0, self->height);
}

int
atlas_map_mask_get_width (AtlasMapMask *self)
{
  return self->width;
}

int
atlas_map_mask_get_height (AtlasMapMask *self)
{
  return self->height;
}

/* The rectangle that was drawn on since the last clear; FALSE if none. */
gboolean
atlas_map_mask_get_extents (AtlasMapMask          *self,
                            cairo_rectangle_int_t *extents)
{
  if (self->x1 < self->x0 || self->y1 < self->y0)
    return FALSE;
  *extents = (cairo_rectangle_int_t) { self->x0, self->y0, self->x1 - self->x0 + 1, self->y1 - self->y0 + 1 };
  return TRUE;
}

void
atlas_map_mask_free (AtlasMapMask *self)
{
  if (self == NULL)
    return;
  cairo_surface_destroy (self->surface);
  g_free (self->dirty);
  g_free (self);
}

/* Clears what was drawn on, not the whole mask. */
void
atlas_map_mask_clear (AtlasMapMask *self)
{
  cairo_surface_flush (self->surface);
  for (int y = self->y0; y <= self->y1 && self->x1 >= self->x0; y++)
    {
      guint64 *words = self->dirty + (gsize) y * self->dirty_words;
      guint8 *row = self->data + (gsize) y * self->stride;

      for (int w = 0; w < self->dirty_words; w++)
        {
          while (words[w] != 0)
            {
              int x = (w * 64 + __builtin_ctzll (words[w])) * RUN;

              memset (row + x, 0, MIN (RUN, self->width - x));
              words[w] &= words[w] - 1;
            }
        }
    }
  self->x0 = self->width;
  self->y0 = self->height;
  self->x1 = self->y1 = -1;
  cairo_surface_mark_dirty (self->surface);
}

/* The mask, ready to paint with: after drawing, before cairo reads it. */
cairo_surface_t *
atlas_map_mask_get_surface (AtlasMapMask *self)
{
  cairo_surface_mark_dirty (self->surface);
  return self->surface;
}

guint8
atlas_map_mask_get (AtlasMapMask *self,
                    int           x,
                    int           y)
{
  g_return_val_if_fail (x >= 0 && y >= 0 && x < self->width && y < self->height, 0);
  return self->data[y * self->stride + x];
}

/* Marks a pixel: the callers keep the extents of what they marked. */
static inline void
cover (AtlasMapMask *self,
       int           x,
       int           y,
       double        coverage)
{
  guint8 *p = &self->data[y * self->stride + x];
  int v = (int) (coverage * 255 + 0.5);

  if (v > *p)
    *p = v;
  self->dirty[(gsize) y * self->dirty_words + (x >> (RUN_SHIFT + 6))] |= G_GUINT64_CONSTANT (1) << ((x >> RUN_SHIFT) & 63);
}

static inline void
add_extents (AtlasMapMask *self,
             int           x0,
             int           y0,
             int           x1,
             int           y1)
{
  if (x1 < x0 || y1 < y0)
    return;
  self->x0 = MIN (self->x0, x0);
  self->x1 = MAX (self->x1, x1);
  self->y0 = MIN (self->y0, y0);
  self->y1 = MAX (self->y1, y1);
}

/* How much of the pixel span [@p, @p + 1) the interval [@a, @b) covers. */
static inline double
overlap (double p,
         double a,
         double b)
{
  return MAX (0.0, MIN (p + 1, b) - MAX (p, a));
}

/* A line @width wide from (@x0, @y0) to (@x1, @y1), in the mask's pixels,
 * antialiased by area: along the longer axis it covers the pixel columns
 * (or rows) whose centres lie in [start, end) -- so that the segments of
 * a path meet without gaps or double coverage -- and across it the
 * interval the line's thickness spans there.  Lines thinner than a pixel
 * cover less, as they would.  Ends are square; atlas_map_mask_dot() rounds
 * the joints of wide lines.
 */
static void
mask_line (AtlasMapMask *self,
           double        x0,
           double        y0,
           double        x1,
           double        y1,
           double        width,
           double        alpha)
{
  double dx = x1 - x0, dy = y1 - y0;
  gboolean steep = fabs (dy) > fabs (dx);
  double reach = width + 2;

  /* Entirely outside the clip: nothing to do. */
  if (MAX (x0, x1) + reach < self->clip_x0 || MIN (x0, x1) - reach > self->clip_x1 ||
      MAX (y0, y1) + reach < self->clip_y0 || MIN (y0, y1) - reach > self->clip_y1)
    return;

  if (steep)
    {
      /* Walk rows: swap the roles of x and y. */
      double t;

      t = x0; x0 = y0; y0 = t;
      t = x1; x1 = y1; y1 = t;
      t = dx; dx = dy; dy = t;
    }
  if (x1 < x0)
    {
      double t;

      t = x0; x0 = x1; x1 = t;
      t = y0; y0 = y1; y1 = t;
      dx = -dx;
      dy = -dy;
    }

  {
    double slope = dx != 0 ? dy / dx : 0;
    /* The thickness measured across the walked axis. */
    double across = width * sqrt (1 + slope * slope);
    double half = MAX (across, 1.0) / 2, weight = MIN (width, 1.0) * alpha;
    int major_min = steep ? self->clip_y0 : self->clip_x0, major_max = steep ? self->clip_y1 : self->clip_x1;
    int minor_min = steep ? self->clip_x0 : self->clip_y0, minor_max = steep ? self->clip_x1 : self->clip_y1;
    int start = MAX (major_min, (int) ceil (x0 - 0.5)), end = MIN (major_max, (int) ceil (x1 - 0.5));

    /* A segment shorter than a pixel still marks its pixel. */
    if (end <= start && x0 >= major_min - 0.5 && x0 < major_max - 0.5)
      end = start + 1;

    int lo_i = G_MAXINT, hi_i = G_MININT, lo_j = G_MAXINT, hi_j = G_MININT;

    for (int i = start; i < end; i++)
      {
        double c = y0 + (i + 0.5 - x0) * slope;
        double lo = c - half, hi = c + half;
        int first = MAX (minor_min, (int) floor (lo)), last = MIN (minor_max - 1, (int) floor (hi));

        for (int j = first; j <= last; j++)
          {
            double cov = overlap (j, lo, hi) * weight;

            if (cov <= 0)
              continue;
            if (steep)
              cover (self, j, i, cov);
            else
              cover (self, i, j, cov);
            lo_i = MIN (lo_i, i);
            hi_i = MAX (hi_i, i);
            lo_j = MIN (lo_j, j);
            hi_j = MAX (hi_j, j);
          }
      }
    if (steep)
      add_extents (self, lo_j, lo_i, hi_j, hi_i);
    else
      add_extents (self, lo_i, lo_j, hi_i, hi_j);
  }
}

void
atlas_map_mask_line (AtlasMapMask *self,
                     double        x0,
                     double        y0,
                     double        x1,
                     double        y1,
                     double        width)
{
  mask_line (self, x0, y0, x1, y1, width, 1.0);
}

/* Dashes along @path (moves, lines and closes, as cairo_copy_path_flat()
 * gives them, in the mask's pixels): @dashes[0] on, @dashes[1] off, and so
 * on, starting afresh on each sub-path as cairo's dashes do, @width wide and
 * at most @alpha.  Where dashes cross what the mask holds, the larger
 * coverage stays, so drawing the same dashes twice changes nothing.  cairo
 * strokes the thousands of dashes of a district outline in milliseconds;
 * these take a fraction of one.
 */
void
atlas_map_mask_dash_path (AtlasMapMask       *self,
                          const cairo_path_t *path,
                          double              width,
                          double              alpha,
                          const double       *dashes,
                          guint               n_dashes)
{
  double start_x = 0, start_y = 0, x = 0, y = 0;
  double left = 0;    /* of the current dash element */
  guint element = 0;
  gboolean have_point = FALSE;
  double total = 0;

  g_return_if_fail (n_dashes > 0 && n_dashes % 2 == 0);
  for (guint i = 0; i < n_dashes; i++)
    {
      g_return_if_fail (dashes[i] >= 0);
      total += dashes[i];
    }
  g_return_if_fail (total > 0);

  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      const cairo_path_data_t *data = &path->data[i];
      double to_x, to_y;

      switch (data->header.type)
        {
        case CAIRO_PATH_MOVE_TO:
          start_x = x = data[1].point.x;
          start_y = y = data[1].point.y;
          element = 0;
          left = dashes[0];
          have_point = TRUE;
          continue;
        case CAIRO_PATH_LINE_TO:
          to_x = data[1].point.x;
          to_y = data[1].point.y;
          break;
        case CAIRO_PATH_CLOSE_PATH:
          to_x = start_x;
          to_y = start_y;
          break;
        case CAIRO_PATH_CURVE_TO:
          /* Flat paths have none; a curve's end stands in for it. */
          x = data[3].point.x;
          y = data[3].point.y;
          continue;
        default:
          continue;
        }

      if (!have_point)
        {
          x = to_x;
          y = to_y;
          have_point = TRUE;
          continue;
        }

      /* Along the segment, element by element. */
      {
        double dx = to_x - x, dy = to_y - y;
        double length = sqrt (dx * dx + dy * dy), done = 0;

        while (length > 0 && done < length)
          {
            double step = MIN (left, length - done);

            if (element % 2 == 0 && step > 0)
              mask_line (self, x + dx * done / length, y + dy * done / length,
                         x + dx * (done + step) / length, y + dy * (done + step) / length, width, alpha);
            done += step;
            left -= step;
            if (left <= 1e-9)
              {
                element = (element + 1) % n_dashes;
                left = dashes[element];
              }
          }
      }
      x = to_x;
      y = to_y;
      if (data->header.type == CAIRO_PATH_CLOSE_PATH)
        {
          /* A close goes on with the sub-path's dashes from where it began. */
          x = start_x;
          y = start_y;
        }
    }
}

/* A disc @width across at (@x, @y): the round joint of wide lines. */
void
atlas_map_mask_dot (AtlasMapMask *self,
                    double        x,
                    double        y,
                    double        width)
{
  double r = width / 2;
  int x0 = MAX (self->clip_x0, (int) floor (x - r - 1)), x1 = MIN (self->clip_x1 - 1, (int) ceil (x + r + 1));
  int y0 = MAX (self->clip_y0, (int) floor (y - r - 1)), y1 = MIN (self->clip_y1 - 1, (int) ceil (y + r + 1));

  for (int py = y0; py <= y1; py++)
    for (int px = x0; px <= x1; px++)
      {
        double ex = px + 0.5 - x, ey = py + 0.5 - y;
        double cov = CLAMP (r + 0.5 - sqrt (ex * ex + ey * ey), 0.0, 1.0);

        if (cov > 0)
          {
            cover (self, px, py, cov);
            add_extents (self, px, py, px, py);
          }
      }
}

/* @v / 255, rounded, for 0 <= @v <= 255 * 255, without a division. */
static inline int
div255 (int v)
{
  v += 128;
  return (v + (v >> 8)) >> 8;
}

/* Blends @color into row @y of an opaque image (the mask's pixels, from
 * the left) wherever the mask covers it, touching only the runs drawn on.
 */
void
atlas_map_mask_blend_row (AtlasMapMask  *self,
                          int            y,
                          guint32       *row,
                          const GdkRGBA *color)
{
  int r = (int) (color->red * 255 + 0.5), g = (int) (color->green * 255 + 0.5), b = (int) (color->blue * 255 + 0.5);
  int a = (int) (color->alpha * 255 + 0.5);
  const guint64 *words;
  const guint8 *m;

  if (y < self->y0 || y > self->y1)
    return;
  words = self->dirty + (gsize) y * self->dirty_words;
  m = self->data + (gsize) y * self->stride;
  for (int w = 0; w < self->dirty_words; w++)
    for (guint64 bits = words[w]; bits != 0; bits &= bits - 1)
      {
        int x = (w * 64 + __builtin_ctzll (bits)) * RUN, end = MIN (x + RUN, self->width);

        for (; x < end; x++)
          {
            int k, j;
            guint32 p;

            if (m[x] == 0)
              continue;
            k = div255 (m[x] * a);
            j = 255 - k;
            p = row[x];
            row[x] = 0xff000000u |
                     (guint32) div255 (r * k + ((p >> 16) & 0xff) * j) << 16 |
                     (guint32) div255 (g * k + ((p >> 8) & 0xff) * j) << 8 |
                     (guint32) div255 (b * k + (p & 0xff) * j);
          }
      }
}

/* Blends @color into the opaque image @target (CAIRO_FORMAT_RGB24, the
 * mask's size) wherever the mask covers it: only the covered pixels are
 * touched, which for lines is a small part of the image that cairo_mask()
 * would composite whole.
 */
void
atlas_map_mask_blend (AtlasMapMask    *self,
                      cairo_surface_t *target,
                      const GdkRGBA   *color)
{
  guint8 *data;
  int stride;

  g_return_if_fail (cairo_image_surface_get_format (target) == CAIRO_FORMAT_RGB24);
  g_return_if_fail (cairo_image_surface_get_width (target) >= self->width);
  g_return_if_fail (cairo_image_surface_get_height (target) >= self->height);

  if (self->x1 < self->x0 || self->y1 < self->y0)
    return;
  cairo_surface_flush (target);
  data = cairo_image_surface_get_data (target);
  stride = cairo_image_surface_get_stride (target);
  for (int y = self->y0; y <= self->y1; y++)
    atlas_map_mask_blend_row (self, y, (guint32 *) (data + (gsize) y * stride), color);
  cairo_surface_mark_dirty (target);
}
