/* atlas-geometry.c
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
#include <gio/gio.h>
#include <string.h>

#include "atlas-geometry.h"

G_DEFINE_BOXED_TYPE (AtlasGeometry, atlas_geometry, atlas_geometry_ref, atlas_geometry_unref)

AtlasGeometry *
atlas_geometry_new (void)
{
  AtlasGeometry *self = g_new0 (AtlasGeometry, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->points = g_array_new (FALSE, FALSE, sizeof (AtlasPoint));
  self->offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  self->min_x = self->min_y = INFINITY;
  self->max_x = self->max_y = -INFINITY;
  return self;
}

AtlasGeometry *
atlas_geometry_ref (AtlasGeometry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
atlas_geometry_unref (AtlasGeometry *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_array_unref (self->points);
      g_array_unref (self->offsets);
      g_free (self);
    }
}

/* offsets[] holds the index of each path's first point; a path ends where the
 * next begins.  An empty path in progress is reused rather than kept.
 */
void
atlas_geometry_begin_path (AtlasGeometry *self)
{
  guint n;

  g_return_if_fail (self != NULL);

  n = self->points->len;
  if (self->offsets->len > 0 &&
      g_array_index (self->offsets, guint, self->offsets->len - 1) == n)
    return;
  g_array_append_val (self->offsets, n);
}

void
atlas_geometry_add_point (AtlasGeometry *self,
                          double         x,
                          double         y)
{
  AtlasPoint p = { x, y };

  g_return_if_fail (self != NULL);

  if (self->offsets->len == 0)
    atlas_geometry_begin_path (self);

  g_array_append_val (self->points, p);
  self->min_x = MIN (self->min_x, x);
  self->min_y = MIN (self->min_y, y);
  self->max_x = MAX (self->max_x, x);
  self->max_y = MAX (self->max_y, y);
}

void
atlas_geometry_append (AtlasGeometry       *self,
                       const AtlasGeometry *other)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (other != NULL);

  for (guint i = 0; i < atlas_geometry_get_n_paths (other); i++)
    {
      guint n;
      const AtlasPoint *pts = atlas_geometry_get_path (other, i, &n);

      atlas_geometry_begin_path (self);
      for (guint j = 0; j < n; j++)
        atlas_geometry_add_point (self, pts[j].x, pts[j].y);
    }
}

guint
atlas_geometry_get_n_paths (const AtlasGeometry *self)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->offsets->len > 0 &&
      g_array_index (self->offsets, guint, self->offsets->len - 1) == self->points->len)
    return self->offsets->len - 1;
  return self->offsets->len;
}

guint
atlas_geometry_get_n_points (const AtlasGeometry *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->points->len;
}

const AtlasPoint *
atlas_geometry_get_path (const AtlasGeometry *self,
                         guint                path,
                         guint               *n_points)
{
  guint start, end;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (path < atlas_geometry_get_n_paths (self), NULL);

  start = g_array_index (self->offsets, guint, path);
  end = path + 1 < self->offsets->len ? g_array_index (self->offsets, guint, path + 1)
                                      : self->points->len;
  if (n_points)
    *n_points = end - start;
  return &g_array_index (self->points, AtlasPoint, start);
}

void
atlas_geometry_get_bounds (const AtlasGeometry *self,
                           double              *min_x,
                           double              *min_y,
                           double              *max_x,
                           double              *max_y)
{
  g_return_if_fail (self != NULL);

  if (min_x) *min_x = self->min_x;
  if (min_y) *min_y = self->min_y;
  if (max_x) *max_x = self->max_x;
  if (max_y) *max_y = self->max_y;
}

static void
put_u32 (GByteArray *out,
         guint32     v)
{
  v = GUINT32_TO_LE (v);
  g_byte_array_append (out, (const guint8 *) &v, 4);
}

static void
put_double (GByteArray *out,
            double      d)
{
  guint64 bits;

  memcpy (&bits, &d, 8);
  bits = GUINT64_TO_LE (bits);
  g_byte_array_append (out, (const guint8 *) &bits, 8);
}

GBytes *
atlas_geometry_to_blob (const AtlasGeometry *self)
{
  GByteArray *out;
  guint n_paths;

  g_return_val_if_fail (self != NULL, NULL);

  n_paths = atlas_geometry_get_n_paths (self);
  out = g_byte_array_sized_new (4 + n_paths * 4 + self->points->len * 16);
  put_u32 (out, n_paths);
  for (guint i = 0; i < n_paths; i++)
    {
      guint n;
      const AtlasPoint *pts = atlas_geometry_get_path (self, i, &n);

      put_u32 (out, n);
      for (guint j = 0; j < n; j++)
        {
          put_double (out, pts[j].x);
          put_double (out, pts[j].y);
        }
    }

  return g_byte_array_free_to_bytes (out);
}

static gboolean
get_u32 (const guint8 **p,
         const guint8  *end,
         guint32       *v)
{
  guint32 raw;

  if (end - *p < 4)
    return FALSE;
  memcpy (&raw, *p, 4);
  *v = GUINT32_FROM_LE (raw);
  *p += 4;
  return TRUE;
}

static gboolean
get_double (const guint8 **p,
            const guint8  *end,
            double        *d)
{
  guint64 bits;

  if (end - *p < 8)
    return FALSE;
  memcpy (&bits, *p, 8);
  bits = GUINT64_FROM_LE (bits);
  memcpy (d, &bits, 8);
  *p += 8;
  return isfinite (*d);
}

AtlasGeometry *
atlas_geometry_new_from_blob (const guint8  *data,
                              gsize          length,
                              GError       **error)
{
  g_autoptr(AtlasGeometry) self = atlas_geometry_new ();
  const guint8 *p = data;
  const guint8 *end = data + length;
  guint32 n_paths;

  if (data == NULL || !get_u32 (&p, end, &n_paths) || n_paths > length / 4)
    goto corrupt;

  for (guint i = 0; i < n_paths; i++)
    {
      guint32 n;

      if (!get_u32 (&p, end, &n) || n > (gsize) (end - p) / 16)
        goto corrupt;

      atlas_geometry_begin_path (self);
      for (guint j = 0; j < n; j++)
        {
          double x, y;

          if (!get_double (&p, end, &x) || !get_double (&p, end, &y))
            goto corrupt;
          atlas_geometry_add_point (self, x, y);
        }
    }

  if (p != end)
    goto corrupt;

  return g_steal_pointer (&self);

corrupt:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "geometry data is damaged");
  return NULL;
}

/* Even-odd rule over all paths: works for multipolygons and holes alike. */
gboolean
atlas_geometry_contains (const AtlasGeometry *self,
                         double               x,
                         double               y)
{
  gboolean inside = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);

  if (x < self->min_x || x > self->max_x || y < self->min_y || y > self->max_y)
    return FALSE;

  for (guint i = 0; i < atlas_geometry_get_n_paths (self); i++)
    {
      guint n;
      const AtlasPoint *pts = atlas_geometry_get_path (self, i, &n);

      for (guint j = 0, k = n - 1; j < n; k = j++)
        {
          const AtlasPoint *a = &pts[j];
          const AtlasPoint *b = &pts[k];

          if ((a->y > y) != (b->y > y) &&
              x < (b->x - a->x) * (y - a->y) / (b->y - a->y) + a->x)
            inside = !inside;
        }
    }

  return inside;
}

static double
segment_distance_sq (double x, double y,
                     const AtlasPoint *a,
                     const AtlasPoint *b)
{
  double dx = b->x - a->x;
  double dy = b->y - a->y;
  double t = 0;

  if (dx != 0 || dy != 0)
    {
      t = ((x - a->x) * dx + (y - a->y) * dy) / (dx * dx + dy * dy);
      t = CLAMP (t, 0.0, 1.0);
    }
  dx = a->x + t * dx - x;
  dy = a->y + t * dy - y;
  return dx * dx + dy * dy;
}

double
atlas_geometry_distance_to_edge (const AtlasGeometry *self,
                                 double               x,
                                 double               y)
{
  double best = INFINITY;

  g_return_val_if_fail (self != NULL, INFINITY);

  for (guint i = 0; i < atlas_geometry_get_n_paths (self); i++)
    {
      guint n;
      const AtlasPoint *pts = atlas_geometry_get_path (self, i, &n);

      for (guint j = 0, k = n - 1; j < n; k = j++)
        best = MIN (best, segment_distance_sq (x, y, &pts[k], &pts[j]));
    }

  return sqrt (best);
}

/* Signed shoelace area summed over paths, as absolute values per path; for a
 * label this is only used to compare sizes.
 */
double
atlas_geometry_get_area (const AtlasGeometry *self)
{
  double total = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < atlas_geometry_get_n_paths (self); i++)
    {
      guint n;
      const AtlasPoint *pts = atlas_geometry_get_path (self, i, &n);
      double a = 0;

      for (guint j = 0, k = n - 1; j < n; k = j++)
        a += pts[k].x * pts[j].y - pts[j].x * pts[k].y;
      total += fabs (a) / 2;
    }

  return total;
}

/* A point well inside the shape, where a label reads best: the point of a
 * grid that lies farthest from any edge, refined around the best cell a few
 * times (a coarse "pole of inaccessibility").
 */
void
atlas_geometry_get_label_point (const AtlasGeometry *self,
                                double              *x,
                                double              *y)
{
  const guint grid = 24;
  double cx0, cy0, w, h, best_d = -1;
  double best_x, best_y;

  g_return_if_fail (self != NULL);

  best_x = (self->min_x + self->max_x) / 2;
  best_y = (self->min_y + self->max_y) / 2;
  cx0 = self->min_x;
  cy0 = self->min_y;
  w = self->max_x - self->min_x;
  h = self->max_y - self->min_y;

  for (guint round = 0; round < 4; round++)
    {
      double found_x = best_x, found_y = best_y;

      for (guint i = 0; i <= grid; i++)
        for (guint j = 0; j <= grid; j++)
          {
            double px = cx0 + w * i / grid;
            double py = cy0 + h * j / grid;
            double d;

            if (!atlas_geometry_contains (self, px, py))
              continue;
            d = atlas_geometry_distance_to_edge (self, px, py);
            if (d > best_d)
              {
                best_d = d;
                found_x = px;
                found_y = py;
              }
          }

      best_x = found_x;
      best_y = found_y;
      w /= 4;
      h /= 4;
      cx0 = best_x - w / 2;
      cy0 = best_y - h / 2;
    }

  if (x)
    *x = best_x;
  if (y)
    *y = best_y;
}
