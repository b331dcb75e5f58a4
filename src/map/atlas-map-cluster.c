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
#include <string.h>

#include "atlas-map-cluster.h"
#include "atlas-projection.h"

/* Greedy clustering on a grid, then merging until no two drawn clusters
 * touch.
 *
 * Points are first counted into cells half as wide as the merge distance.
 * Cells are then taken as seeds, the fullest first (ties in the order of
 * the points, so that the same points always give the same clusters), and
 * each takes the
 * unclaimed cells whose centre lies within the merge distance of its own.
 * A cluster is drawn as a disc that grows with its count, so two clusters
 * far enough apart by that rule can still overlap once drawn, or once the
 * zoom they were made for is drawn half a level further out: clusters
 * whose discs would touch at that zoom are merged, again and again, until
 * none do.  Members are listed in the order they were given.
 */

#define GAP 2.0   /* px between the discs of neighbouring clusters */

typedef struct
{
  gint64 key;
  guint  count;
  double sx, sy;      /* sums of the members, world pixels */
  int    owner;       /* the cluster (seed cell index) it went to, or -1 */
  double x0, y0, x1, y1;   /* the members' bounds, unit coordinates */
} Cell;

typedef struct
{
  double x, y;        /* where it is drawn, world pixels */
  double ax, ay;      /* the members' centroid (the anchor), world pixels */
  guint  count;
  double radius;      /* atlas_map_cluster_radius (count) */
  int    parent;      /* union-find: merged into */
} Group;

/* floor() as an integer, without the library call it costs here, once for
 * every point of a crowded view.
 */
static inline gint64
floor_int (double v)
{
  gint64 t = (gint64) v;

  return v < (double) t ? t - 1 : t;
}

static inline gint64
cell_key (gint64 cx,
          gint64 cy)
{
  return (cx << 32) ^ (cy & 0xffffffff);
}

/* Cell key -> index: open addressing, for the hundred thousand lookups of
 * a crowded frame (GHashTable costs several times more per lookup).  The
 * table grows with the cells actually met: a view of a hundred thousand
 * points has a few thousand cells, and a table that small stays in the
 * processor's cache where one sized for every point would not.
 */
typedef struct
{
  gint64 *keys;
  guint  *values;   /* index + 1; 0: empty */
  guint   mask;
  guint   used;
} CellMap;

static void
cell_map_init (CellMap *map,
               guint    capacity)
{
  guint size = 16;

  while (size < capacity * 2)
    size *= 2;
  map->keys = g_new (gint64, size);
  map->values = g_new0 (guint, size);
  map->mask = size - 1;
  map->used = 0;
}

static void
cell_map_clear (CellMap *map)
{
  g_free (map->keys);
  g_free (map->values);
}

static inline guint
cell_map_slot (const CellMap *map,
               gint64         key)
{
  guint64 h = (guint64) key * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  guint slot = (guint) (h >> 32) & map->mask;

  while (map->values[slot] != 0 && map->keys[slot] != key)
    slot = (slot + 1) & map->mask;
  return slot;
}

/* Stores @value for @key in the empty @slot that cell_map_slot() gave,
 * doubling the table when it is half full (@slot is then stale).
 */
static void
cell_map_put (CellMap *map,
              guint    slot,
              gint64   key,
              guint    value)
{
  map->keys[slot] = key;
  map->values[slot] = value;
  if (++map->used * 2 > map->mask + 1)
    {
      gint64 *keys = map->keys;
      guint *values = map->values;
      guint old_size = map->mask + 1;

      map->keys = g_new (gint64, old_size * 2);
      map->values = g_new0 (guint, old_size * 2);
      map->mask = old_size * 2 - 1;
      for (guint i = 0; i < old_size; i++)
        if (values[i] != 0)
          {
            guint s = cell_map_slot (map, keys[i]);

            map->keys[s] = keys[i];
            map->values[s] = values[i];
          }
      g_free (keys);
      g_free (values);
    }
}

/* The index stored for @key, or -1. */
static inline int
cell_map_lookup (const CellMap *map,
                 gint64         key)
{
  return (int) map->values[cell_map_slot (map, key)] - 1;
}

static int
find_root (Group *groups,
           int    i)
{
  while (groups[i].parent != i)
    {
      groups[i].parent = groups[groups[i].parent].parent;
      i = groups[i].parent;
    }
  return i;
}

/* Merges groups whose discs, drawn @scale times their radius at
 * 1/sqrt(2) of the distances they have at the set's zoom, would touch.
 * Returns whether anything merged.
 */
static gboolean
merge_overlaps (Group  *groups,
                guint   n,
                double  scale)
{
  double reach = 2 * atlas_map_cluster_radius (G_MAXUINT) * scale + GAP;
  double cell = reach * G_SQRT2;
  g_autofree int *next = g_new (int, MAX (n, 1));
  g_autofree int *heads = g_new (int, MAX (n, 1));
  CellMap grid;
  gboolean merged = FALSE;
  guint n_cells = 0;

  /* Live groups by grid cell of the merge reach, each cell a list. */
  cell_map_init (&grid, 64);
  for (guint i = 0; i < n; i++)
    {
      guint slot;

      if (groups[i].parent != (int) i)
        continue;
      gint64 key = cell_key (floor_int (groups[i].x / cell), floor_int (groups[i].y / cell));
      guint list;

      slot = cell_map_slot (&grid, key);
      if (grid.values[slot] == 0)
        {
          list = n_cells++;
          heads[list] = -1;
          cell_map_put (&grid, slot, key, n_cells);
        }
      else
        list = grid.values[slot] - 1;
      next[i] = heads[list];
      heads[list] = i;
    }

  for (guint i = 0; i < n; i++)
    {
      gint64 cx, cy;

      if (groups[i].parent != (int) i)
        continue;
      cx = floor_int (groups[i].x / cell);
      cy = floor_int (groups[i].y / cell);
      for (int dy = -1; dy <= 1; dy++)
        for (int dx = -1; dx <= 1; dx++)
          {
            int list = cell_map_lookup (&grid, cell_key (cx + dx, cy + dy));

            for (int k = list >= 0 ? heads[list] : -1; k >= 0; k = next[k])
              {
                int j = find_root (groups, k);
                int root = find_root (groups, i);
                Group *a = &groups[root], *b = &groups[j];
                double ddx, ddy, need;

                if (j == root)
                  continue;
                ddx = (a->x - b->x) / G_SQRT2;
                ddy = (a->y - b->y) / G_SQRT2;
                need = (a->radius + b->radius) * scale + GAP;
                if (ddx * ddx + ddy * ddy >= need * need)
                  continue;

                /* The smaller index survives, at the weighted centroid. */
                if (j < root)
                  {
                    Group *t = a;
                    a = b;
                    b = t;
                  }
                a->x = (a->x * a->count + b->x * b->count) / (a->count + b->count);
                a->y = (a->y * a->count + b->y * b->count) / (a->count + b->count);
                a->ax = (a->ax * a->count + b->ax * b->count) / (a->count + b->count);
                a->ay = (a->ay * a->count + b->ay * b->count) / (a->count + b->count);
                a->count += b->count;
                a->radius = atlas_map_cluster_radius (a->count);
                b->parent = (int) (a - groups);
                merged = TRUE;
              }
          }
    }

  cell_map_clear (&grid);
  return merged;
}

/* Moves groups whose discs would touch the obstacle (the selected marker,
 * @reach pixels around (@ox, @oy)) just clear of it, at 1/sqrt(2) of the
 * distances as above.  Returns whether anything moved.
 */
static gboolean
push_out (Group  *groups,
          guint   n,
          double  scale,
          double  ox,
          double  oy,
          double  reach)
{
  gboolean moved = FALSE;

  for (guint i = 0; i < n; i++)
    {
      Group *g = &groups[i];
      double dx = g->x - ox, dy = g->y - oy, d = hypot (dx, dy);
      double need = (reach + g->radius * scale + GAP) * G_SQRT2;

      if (g->parent != (int) i || d >= need - 1e-6)
        continue;
      if (d < 1e-6)
        {
          dx = 1;
          dy = -1;
          d = G_SQRT2;
        }
      g->x = ox + dx / d * need;
      g->y = oy + dy / d * need;
      moved = TRUE;
    }
  return moved;
}

/**
 * atlas_map_cluster_set_build:
 * @scale: how much larger than atlas_map_cluster_radius() discs are drawn
 * @obstacle: (nullable): a point no disc may cover, unit coordinates
 * @obstacle_reach: how far around @obstacle, in pixels
 *
 * Clusters the points @indices of @points for drawing at @zoom (give or
 * take half a level): points closer than @radius pixels merge, and so do
 * clusters whose discs would touch.  Clusters that would cover the obstacle
 * (the selected site's marker) are drawn just clear of it, their anchor
 * staying at their members' centroid.
 */
AtlasMapClusterSet *
atlas_map_cluster_set_build (const AtlasMapPoint *points,
                             const guint         *indices,
                             guint                n_indices,
                             int                  zoom,
                             double               radius,
                             double               scale,
                             const AtlasMapPoint *obstacle,
                             double               obstacle_reach)
{
  g_autofree AtlasMapPoint *gathered = g_new (AtlasMapPoint, MAX (n_indices, 1));

  for (guint i = 0; i < n_indices; i++)
    gathered[i] = points[indices[i]];
  return atlas_map_cluster_set_build_gathered (gathered, indices, n_indices, zoom, radius, scale,
                                               obstacle, obstacle_reach);
}

/**
 * atlas_map_cluster_set_build_gathered:
 * @gathered: the points to cluster, in order
 * @indices: what each of them is known by (member lists hold these)
 *
 * The same as atlas_map_cluster_set_build() for points already gathered
 * in the order they are given: @gathered[i] is the point @indices[i].  The
 * scene keeps its sites in this order, and reading them one after the
 * other is much quicker than jumping about a hundred thousand of them.
 */
AtlasMapClusterSet *
atlas_map_cluster_set_build_gathered (const AtlasMapPoint *gathered,
                                      const guint         *indices,
                                      guint                n_indices,
                                      int                  zoom,
                                      double               radius,
                                      double               scale,
                                      const AtlasMapPoint *obstacle,
                                      double               obstacle_reach)
{
  AtlasMapClusterSet *set = g_new0 (AtlasMapClusterSet, 1);
  double size = atlas_projection_world_size (zoom);
  double cell = MAX (radius / 2, 1.0), r2 = radius * radius;
  CellMap lookup;
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  g_autofree guint *cell_of = g_new (guint, MAX (n_indices, 1));
  g_autofree guint *order = NULL;
  g_autofree Group *groups = NULL;
  g_autofree int *group_of_cell = NULL;
  g_autofree guint *counts = NULL;
  g_autofree guint *fill = NULL;
  guint n_groups = 0, n_cells;

  set->zoom = zoom;
  set->radius = radius;
  set->clusters = g_array_new (FALSE, FALSE, sizeof (AtlasMapCluster));
  set->members = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_indices);
  cell_map_init (&lookup, 64);

  /* Count the points into cells.  Points come in the scene's grid order,
   * so the next one is often in the cell of the last: that one is tried
   * before the table.
   */
  {
    gint64 last_key = 0;
    guint last_cell = G_MAXUINT;

    for (guint i = 0; i < n_indices; i++)
      {
        const AtlasMapPoint *p = &gathered[i];
        double x = p->x * size, y = p->y * size;
        gint64 key = cell_key (floor_int (x / cell), floor_int (y / cell));
        Cell *c;

        if (last_cell == G_MAXUINT || key != last_key)
          {
            guint slot = cell_map_slot (&lookup, key);

            if (lookup.values[slot] == 0)
              {
                Cell fresh = { key, 0, 0, 0, -1, G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

                g_array_append_val (cells, fresh);
                last_cell = cells->len - 1;
                cell_map_put (&lookup, slot, key, cells->len);
              }
            else
              last_cell = lookup.values[slot] - 1;
            last_key = key;
          }
        cell_of[i] = last_cell;
        c = &g_array_index (cells, Cell, last_cell);
        c->count++;
        c->sx += x;
        c->sy += y;
        c->x0 = MIN (c->x0, p->x);
        c->y0 = MIN (c->y0, p->y);
        c->x1 = MAX (c->x1, p->x);
        c->y1 = MAX (c->y1, p->y);
      }
  }
  n_cells = cells->len;

  /* Seeds, fullest first (a counting sort: ties keep the order the cells
   * were met in, which is the order of the points), claim the cells around
   * them.
   */
  order = g_new (guint, MAX (n_cells, 1));
  {
    guint max_count = 0;
    g_autofree guint *starts = NULL;

    for (guint i = 0; i < n_cells; i++)
      max_count = MAX (max_count, g_array_index (cells, Cell, i).count);
    starts = g_new0 (guint, max_count + 2);
    for (guint i = 0; i < n_cells; i++)
      starts[max_count - g_array_index (cells, Cell, i).count + 1]++;
    for (guint c = 1; c <= max_count + 1; c++)
      starts[c] += starts[c - 1];
    for (guint i = 0; i < n_cells; i++)
      order[starts[max_count - g_array_index (cells, Cell, i).count]++] = i;
  }

  groups = g_new (Group, MAX (n_cells, 1));
  group_of_cell = g_new (int, MAX (n_cells, 1));
  for (guint o = 0; o < n_cells; o++)
    {
      Cell *seed = &g_array_index (cells, Cell, order[o]);
      Group *g;
      double sx, sy;
      gint64 cx, cy;

      if (seed->owner >= 0)
        continue;
      g = &groups[n_groups];
      g->x = g->y = 0;
      g->count = 0;
      g->parent = n_groups;
      sx = seed->sx / seed->count;
      sy = seed->sy / seed->count;
      cx = floor_int (sx / cell);
      cy = floor_int (sy / cell);

      for (int dy = -2; dy <= 2; dy++)
        for (int dx = -2; dx <= 2; dx++)
          {
            int found = cell_map_lookup (&lookup, cell_key (cx + dx, cy + dy));
            Cell *c;
            double ddx, ddy;

            if (found < 0)
              continue;
            c = &g_array_index (cells, Cell, found);
            if (c->owner >= 0)
              continue;
            ddx = c->sx / c->count - sx;
            ddy = c->sy / c->count - sy;
            if (c != seed && ddx * ddx + ddy * ddy > r2)
              continue;
            c->owner = n_groups;
            g->x += c->sx;
            g->y += c->sy;
            g->count += c->count;
          }
      g->x /= g->count;
      g->y /= g->count;
      g->ax = g->x;
      g->ay = g->y;
      g->radius = atlas_map_cluster_radius (g->count);
      n_groups++;
    }

  cell_map_clear (&lookup);

  /* No two discs may touch, nor cover the obstacle: move and merge until
   * none do (every merge removes a group, so this ends).
   */
  for (;;)
    {
      gboolean moved = obstacle != NULL &&
                       push_out (groups, n_groups, scale, obstacle->x * size, obstacle->y * size, obstacle_reach);
      gboolean merged = merge_overlaps (groups, n_groups, scale);

      if (!moved && !merged)
        break;
    }

  /* The clusters, in the order of their first member, with their members
   * in the order given.
   */
  counts = g_new0 (guint, MAX (n_groups, 1));
  for (guint c = 0; c < n_cells; c++)
    group_of_cell[c] = find_root (groups, g_array_index (cells, Cell, c).owner);
  {
    g_autofree int *cluster_of_group = g_new (int, MAX (n_groups, 1));
    g_autofree int *cluster_of_cell = g_new (int, MAX (n_cells, 1));

    /* Cells are in the order of their first point, and a cluster's first
     * point is the first of its first cell: going through the cells gives
     * the clusters in the order of their first member.
     */
    for (guint gi = 0; gi < n_groups; gi++)
      cluster_of_group[gi] = -1;
    for (guint c = 0; c < n_cells; c++)
      {
        const Cell *cl = &g_array_index (cells, Cell, c);
        int gi = group_of_cell[c];
        AtlasMapCluster *cluster;

        if (cluster_of_group[gi] < 0)
          {
            AtlasMapCluster fresh = { groups[gi].x / size, groups[gi].y / size, groups[gi].count, 0,
                                      G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE,
                                      groups[gi].ax / size, groups[gi].ay / size };

            cluster_of_group[gi] = set->clusters->len;
            g_array_append_val (set->clusters, fresh);
          }
        cluster_of_cell[c] = cluster_of_group[gi];
        counts[cluster_of_cell[c]] += cl->count;
        cluster = &g_array_index (set->clusters, AtlasMapCluster, cluster_of_cell[c]);
        cluster->x0 = MIN (cluster->x0, cl->x0);
        cluster->y0 = MIN (cluster->y0, cl->y0);
        cluster->x1 = MAX (cluster->x1, cl->x1);
        cluster->y1 = MAX (cluster->y1, cl->y1);
      }

    /* Offsets, then the members in input order. */
    fill = g_new0 (guint, MAX (set->clusters->len, 1));
    for (guint c = 0, offset = 0; c < set->clusters->len; c++)
      {
        g_array_index (set->clusters, AtlasMapCluster, c).first_member = offset;
        fill[c] = offset;
        offset += counts[c];
      }
    g_array_set_size (set->members, n_indices);
    for (guint i = 0; i < n_indices; i++)
      g_array_index (set->members, guint, fill[cluster_of_cell[cell_of[i]]]++) = indices[i];
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
