/* atlas-map-cluster.c
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
#include <stdlib.h>

#include "atlas-map-cluster.h"
#include "atlas-projection.h"

/* Greedy clustering on a grid whose cells are as wide as the merge
 * distance: points are visited in input order; each point not yet taken
 * becomes a seed and takes every free point within the merge distance (found
 * in the 3 x 3 cells around it).  Seeds are therefore further apart than the
 * merge distance, every point belongs to exactly one cluster, and nothing
 * depends on hash order or timing.
 */

typedef struct
{
  gint64 cell;
  guint  index;
} CellEntry;

static int
compare_entries (const void *a,
                 const void *b)
{
  const CellEntry *x = a, *y = b;

  if (x->cell != y->cell)
    return x->cell < y->cell ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index ? 1 : 0;
}

static int
compare_uints (const void *a,
               const void *b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static inline gint64
cell_key (gint64 cx,
          gint64 cy)
{
  return (cx << 32) ^ (cy & 0xffffffff);
}

/* Cells are searched by binary search in the sorted entries. */
static guint
find_cell (const CellEntry *entries,
           guint            n,
           gint64           key)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (entries[mid].cell < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

AtlasMapClusterSet *
atlas_map_cluster_set_build (const AtlasMapPoint *points,
                             const guint         *indices,
                             guint                n_indices,
                             int                  zoom,
                             double               radius)
{
  AtlasMapClusterSet *set = g_new0 (AtlasMapClusterSet, 1);
  double size = atlas_projection_world_size (zoom);
  double cell = MAX (radius, 1.0);
  double r2 = radius * radius;
  g_autofree CellEntry *entries = g_new (CellEntry, MAX (n_indices, 1));
  g_autofree gint64 *cx = g_new (gint64, MAX (n_indices, 1));
  g_autofree gint64 *cy = g_new (gint64, MAX (n_indices, 1));
  g_autofree guint8 *taken = g_new0 (guint8, MAX (n_indices, 1));

  set->zoom = zoom;
  set->radius = radius;
  set->clusters = g_array_new (FALSE, FALSE, sizeof (AtlasMapCluster));
  set->members = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_indices);

  /* Entries refer to positions in @indices, so "input order" is the
   * caller's order.
   */
  for (guint i = 0; i < n_indices; i++)
    {
      const AtlasMapPoint *p = &points[indices[i]];

      cx[i] = (gint64) floor (p->x * size / cell);
      cy[i] = (gint64) floor (p->y * size / cell);
      entries[i].cell = cell_key (cx[i], cy[i]);
      entries[i].index = i;
    }
  qsort (entries, n_indices, sizeof (CellEntry), compare_entries);

  for (guint i = 0; i < n_indices; i++)
    {
      const AtlasMapPoint *seed = &points[indices[i]];
      AtlasMapCluster cluster = { 0, 0, 0, set->members->len };
      double sx = seed->x * size, sy = seed->y * size;

      if (taken[i])
        continue;

      for (int dy = -1; dy <= 1; dy++)
        for (int dx = -1; dx <= 1; dx++)
          {
            gint64 key = cell_key (cx[i] + dx, cy[i] + dy);
            guint k = find_cell (entries, n_indices, key);

            for (; k < n_indices && entries[k].cell == key; k++)
              {
                guint j = entries[k].index;
                const AtlasMapPoint *p = &points[indices[j]];
                double ddx = p->x * size - sx, ddy = p->y * size - sy;

                if (taken[j] || ddx * ddx + ddy * ddy > r2)
                  continue;
                taken[j] = 1;
                g_array_append_val (set->members, indices[j]);
                cluster.x += p->x;
                cluster.y += p->y;
                cluster.count++;
              }
          }

      g_assert (cluster.count > 0);
      /* Members in input order, whatever cell they were found in. */
      qsort (&g_array_index (set->members, guint, cluster.first_member), cluster.count,
             sizeof (guint), compare_uints);
      cluster.x /= cluster.count;
      cluster.y /= cluster.count;
      g_array_append_val (set->clusters, cluster);
    }

  return set;
}

void
atlas_map_cluster_set_free (AtlasMapClusterSet *set)
{
  if (set == NULL)
    return;
  g_array_unref (set->clusters);
  g_array_unref (set->members);
  g_free (set);
}

guint
atlas_map_cluster_set_get_n (const AtlasMapClusterSet *set)
{
  return set->clusters->len;
}

const AtlasMapCluster *
atlas_map_cluster_set_get (const AtlasMapClusterSet *set,
                           guint                     index)
{
  g_return_val_if_fail (index < set->clusters->len, NULL);
  return &g_array_index (set->clusters, AtlasMapCluster, index);
}

const guint *
atlas_map_cluster_get_members (const AtlasMapClusterSet *set,
                               const AtlasMapCluster    *cluster)
{
  return &g_array_index (set->members, guint, cluster->first_member);
}

/* Drawn radius of a marker standing for @count sites, in pixels. */
double
atlas_map_cluster_radius (guint count)
{
  if (count <= 1)
    return 9.0;
  return MIN (13.0 + 3.0 * log10 (count) * 2.0, 26.0);
}

/* The cluster drawn under the unit point (@x, @y) at @zoom: the nearest
 * whose marker (enlarged to a touch-sized radius) contains the point, or -1.
 */
int
atlas_map_cluster_set_hit (const AtlasMapClusterSet *set,
                           double                    x,
                           double                    y,
                           double                    zoom,
                           double                    single_radius,
                           double                    cluster_radius)
{
  double size = atlas_projection_world_size (zoom);
  double best = G_MAXDOUBLE;
  int found = -1;

  for (guint i = 0; i < set->clusters->len; i++)
    {
      const AtlasMapCluster *c = &g_array_index (set->clusters, AtlasMapCluster, i);
      double dx = (c->x - x) * size, dy = (c->y - y) * size;
      double d2 = dx * dx + dy * dy;
      double r = c->count > 1 ? MAX (cluster_radius, atlas_map_cluster_radius (c->count))
                              : single_radius;

      if (d2 <= r * r && d2 < best)
        {
          best = d2;
          found = i;
        }
    }
  return found;
}
