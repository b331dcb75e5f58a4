/* atlas-map-fill.c
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
#include <string.h>

#include "atlas-map-fill.h"

typedef struct
{
  double x0, y0;    /* the upper end */
  double slope;     /* x per unit of y */
  int    first;     /* the rows whose centre it crosses: first <= row < last */
  int    last;
  int    dir;       /* +1 drawn downwards, -1 upwards */
  guint  polygon;
} Edge;

typedef struct
{
  double x;
  int    dir;
  guint  polygon;
} Crossing;

struct _AtlasMapFill
{
  int     x, y, width, height;   /* the part of the target to write */
  GArray *edges;                 /* Edge */
  GArray *colors;                /* guint32 per polygon, opaque */
  guint   n_lines;
  AtlasMapMask  *masks[4];       /* blended over the fills, in this order */
  GdkRGBA        line_colors[4];
};

AtlasMapFill *
atlas_map_fill_new (void)
{
  AtlasMapFill *self = g_new0 (AtlasMapFill, 1);

  self->edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  self->colors = g_array_new (FALSE, FALSE, sizeof (guint32));
  return self;
}

void
atlas_map_fill_free (AtlasMapFill *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->edges);
  g_array_unref (self->colors);
  g_free (self);
}

/* Forgets the polygons; the next draw writes the rectangle (@x, @y,
 * @width, @height) of its target, in the target's pixels.
 */
void
atlas_map_fill_reset (AtlasMapFill *self,
                      int           x,
                      int           y,
                      int           width,
                      int           height)
{
  self->x = x;
  self->y = y;
  self->width = MAX (width, 0);
  self->height = MAX (height, 0);
  g_array_set_size (self->edges, 0);
  g_array_set_size (self->colors, 0);
  self->n_lines = 0;
}

/* Lines drawn into @mask, blended in @color over the fills (and the lines
 * added before) when drawing.  The mask is not kept beyond that.
 */
void
atlas_map_fill_add_lines (AtlasMapFill  *self,
                          AtlasMapMask  *mask,
                          const GdkRGBA *color)
{
  g_return_if_fail (self->n_lines < G_N_ELEMENTS (self->masks));

  self->masks[self->n_lines] = mask;
  self->line_colors[self->n_lines] = *color;
  self->n_lines++;
}

/* A colour channel as cairo turns it into 8 bits, so that the fills match
 * what cairo painted before to the last bit.
 */
static inline guint32
channel (double value)
{
  return (guint32) (CLAMP (value, 0.0, 1.0) * (65536.0 - 1e-5)) >> 8;
}

static guint32
to_pixel (const GdkRGBA *color,
          const GdkRGBA *under)
{
  double a = CLAMP (color->alpha, 0.0, 1.0);

  /* Over @under, as painting it there would. */
  return 0xff000000u |
         channel (color->red * a + under->red * (1 - a)) << 16 |
         channel (color->green * a + under->green * (1 - a)) << 8 |
         channel (color->blue * a + under->blue * (1 - a));
}

/* The row whose centre is the first at or below @y, kept within a row of
 * the part so that far-off coordinates do not overflow.
 */
static inline int
row_at (AtlasMapFill *self,
        double        y)
{
  return (int) ceil (CLAMP (y - 0.5, self->y - 1.0, self->y + self->height + 1.0));
}

static void
add_edge (AtlasMapFill        *self,
          const AtlasMapPoint *a,
          const AtlasMapPoint *b,
          guint                polygon)
{
  Edge e;

  if (a->y == b->y || isnan (a->y) || isnan (b->y))
    return;
  e.dir = a->y < b->y ? 1 : -1;
  if (e.dir < 0)
    {
      const AtlasMapPoint *t = a;

      a = b;
      b = t;
    }
  e.first = MAX (row_at (self, a->y), self->y);
  e.last = MIN (row_at (self, b->y), self->y + self->height);
  if (e.first >= e.last)
    return;
  e.x0 = a->x;
  e.y0 = a->y;
  e.slope = (b->x - a->x) / (b->y - a->y);
  e.polygon = polygon;
  g_array_append_val (self->edges, e);
}

/* A polygon of @n_rings closed rings, ring r being points[starts[r]] to
 * points[starts[r + 1] - 1], filled with @color over whatever was added
 * before.  @color is expected to be opaque; a translucent one is taken
 * over the background.
 */
void
atlas_map_fill_add_polygon (AtlasMapFill        *self,
                            const AtlasMapPoint *points,
                            const guint         *starts,
                            guint                n_rings,
                            const GdkRGBA       *color)
{
  guint polygon = self->colors->len;
  /* The colour itself (alpha in the top byte): it is put over the
   * background when drawing.
   */
  guint32 packed = (guint32) (CLAMP (color->alpha, 0.0, 1.0) * 255 + 0.5) << 24 | channel (color->red) << 16 |
                   channel (color->green) << 8 | channel (color->blue);

  g_array_append_val (self->colors, packed);
  for (guint r = 0; r < n_rings; r++)
    {
      guint first = starts[r], last = starts[r + 1];

      for (guint i = first; i + 1 < last; i++)
        add_edge (self, &points[i], &points[i + 1], polygon);
      if (last - first > 2)
        add_edge (self, &points[last - 1], &points[first], polygon);
    }
}

static inline void
write_run (guint32 *row,
           int      from,
           int      to,
           guint32  pixel)
{
  for (int i = from; i < to; i++)
    row[i] = pixel;
}

/* The polygon added last among those whose winding is not zero, or -1. */
static int
topmost (const int *winding,
         guint      n)
{
  for (int i = (int) n - 1; i >= 0; i--)
    if (winding[i] != 0)
      return i;
  return -1;
}

/* Writes the part of @target (an RGB24 or ARGB32 image) given to
 * atlas_map_fill_reset(): each polygon's colour where it is, @background
 * elsewhere, and the lines over them.  The masks' lines are expected
 * within the part.
 */
void
atlas_map_fill_draw (AtlasMapFill    *self,
                     cairo_surface_t *target,
                     const GdkRGBA   *background)
{
  guint n_edges = self->edges->len, n_polygons = self->colors->len;
  const Edge *edges = (const Edge *) self->edges->data;
  g_autofree guint *order = g_new (guint, MAX (n_edges, 1));
  g_autofree guint *row_start = NULL;
  g_autofree guint *active = g_new (guint, MAX (n_edges, 1));
  g_autofree Crossing *crossings = g_new (Crossing, MAX (n_edges, 1));
  g_autofree int *winding = g_new0 (int, MAX (n_polygons, 1));
  g_autofree guint32 *pixels = g_new (guint32, MAX (n_polygons, 1));
  guint32 bg = to_pixel (background, background);
  int x0, y0, x1, y1, stride;
  guint n_active = 0;
  guint8 *data;

  g_return_if_fail (cairo_image_surface_get_format (target) == CAIRO_FORMAT_RGB24 ||
                    cairo_image_surface_get_format (target) == CAIRO_FORMAT_ARGB32);

  x0 = CLAMP (self->x, 0, cairo_image_surface_get_width (target));
  x1 = CLAMP (self->x + self->width, x0, cairo_image_surface_get_width (target));
  y0 = CLAMP (self->y, 0, cairo_image_surface_get_height (target));
  y1 = CLAMP (self->y + self->height, y0, cairo_image_surface_get_height (target));
  if (x1 <= x0 || y1 <= y0)
    return;

  for (guint p = 0; p < n_polygons; p++)
    {
      guint32 c = g_array_index (self->colors, guint32, p);
      GdkRGBA color = { ((c >> 16) & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0, (c & 0xff) / 255.0,
                        (c >> 24) / 255.0 };

      pixels[p] = (c >> 24) == 0xff ? (c | 0xff000000u) : to_pixel (&color, background);
    }

  /* The edges by the row they start on (a counting sort). */
  row_start = g_new0 (guint, (gsize) (self->height + 1));
  for (guint i = 0; i < n_edges; i++)
    row_start[edges[i].first - self->y + 1]++;
  for (int r = 0; r < self->height; r++)
    row_start[r + 1] += row_start[r];
  {
    g_autofree guint *fill = g_memdup2 (row_start, sizeof (guint) * (self->height + 1));

    for (guint i = 0; i < n_edges; i++)
      order[fill[edges[i].first - self->y]++] = i;
  }

  cairo_surface_flush (target);
  data = cairo_image_surface_get_data (target);
  stride = cairo_image_surface_get_stride (target);

  for (int y = self->y; y < y0; y++)
    for (guint k = row_start[y - self->y]; k < row_start[y - self->y + 1]; k++)
      active[n_active++] = order[k];

  for (int y = y0; y < y1; y++)
    {
      guint32 *row = (guint32 *) (data + (gsize) y * stride);
      guint n_crossings = 0, kept = 0;
      double centre = y + 0.5;
      int x = x0, top = -1;

      for (guint k = row_start[y - self->y]; k < row_start[y - self->y + 1]; k++)
        active[n_active++] = order[k];

      /* Where each edge still in play crosses the row's centre, in order. */
      for (guint i = 0; i < n_active; i++)
        {
          const Edge *e = &edges[active[i]];
          Crossing c;
          guint j;

          if (e->last <= y)
            continue;
          active[kept++] = active[i];
          c = (Crossing) { e->x0 + (centre - e->y0) * e->slope, e->dir, e->polygon };
          for (j = n_crossings; j > 0 && crossings[j - 1].x > c.x; j--)
            crossings[j] = crossings[j - 1];
          crossings[j] = c;
          n_crossings++;
        }
      n_active = kept;

      /* Spans between crossings: a pixel belongs to the span its centre
       * is in.
       */
      for (guint i = 0; i < n_crossings; i++)
        {
          const Crossing *c = &crossings[i];
          int at = (int) ceil (CLAMP (c->x - 0.5, x0 - 1.0, x1 + 1.0));
          int before = winding[c->polygon];

          at = CLAMP (at, x0, x1);
          if (at > x)
            {
              write_run (row, x, at, top >= 0 ? pixels[top] : bg);
              x = at;
            }
          winding[c->polygon] += c->dir;
          if (before == 0 && (int) c->polygon > top)
            top = c->polygon;
          else if (winding[c->polygon] == 0 && (int) c->polygon == top)
            top = topmost (winding, n_polygons);
        }
      write_run (row, x, x1, top >= 0 ? pixels[top] : bg);
      for (guint l = 0; l < self->n_lines; l++)
        atlas_map_mask_blend_row (self->masks[l], y, row, &self->line_colors[l]);

      /* Rings are closed, so every winding is back to zero; a ring cut
       * short by the part's edge is not left over for the next row.
       */
      for (guint i = 0; i < n_crossings; i++)
        winding[crossings[i].polygon] = 0;
    }

  cairo_surface_mark_dirty (target);
}
