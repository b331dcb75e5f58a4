/* atlas-map-cluster.h
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

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Grid-based marker clustering.  Points are given in unit (Web Mercator 0..1)
 * coordinates; a cluster set is built for one integer zoom level and reused
 * for every frame drawn near that zoom.  The result depends only on the
 * input order and values, so the same input always gives the same clusters.
 */

typedef struct
{
  double x, y;          /* unit coordinates */
} AtlasMapPoint;

typedef struct
{
  double x, y;          /* mean of the members, unit coordinates */
  guint  count;         /* number of members (1: a single marker) */
  guint  first_member;  /* offset into the set's members */
  double x0, y0, x1, y1; /* the members' bounds, unit coordinates */
  double anchor_x, anchor_y; /* the members' centroid, where x, y moved away from it */
} AtlasMapCluster;

typedef struct
{
  int     zoom;
  double  radius;       /* merge distance in pixels at @zoom */
  GArray *clusters;     /* AtlasMapCluster, in seed order */
  GArray *members;      /* guint point indices, grouped by cluster */
} AtlasMapClusterSet;

AtlasMapClusterSet *atlas_map_cluster_set_build  (const AtlasMapPoint *points,
                                                  const guint         *indices,
                                                  guint                n_indices,
                                                  int                  zoom,
                                                  double               radius,
                                                  double               scale,
                                                  const AtlasMapPoint *obstacle,
                                                  double               obstacle_reach);
AtlasMapClusterSet *atlas_map_cluster_set_build_gathered (const AtlasMapPoint *gathered,
                                                          const guint         *indices,
                                                          guint                n_indices,
                                                          int                  zoom,
                                                          double               radius,
                                                          double               scale,
                                                          const AtlasMapPoint *obstacle,
                                                          double               obstacle_reach);
void                atlas_map_cluster_set_free   (AtlasMapClusterSet  *set);
const AtlasMapCluster *atlas_map_cluster_set_get (const AtlasMapClusterSet *set,
                                                  guint                index);
guint               atlas_map_cluster_set_get_n  (const AtlasMapClusterSet *set);
const guint        *atlas_map_cluster_get_members (const AtlasMapClusterSet *set,
                                                   const AtlasMapCluster    *cluster);
int                 atlas_map_cluster_set_hit    (const AtlasMapClusterSet *set,
                                                  double               x,
                                                  double               y,
                                                  double               zoom,
                                                  double               single_radius,
                                                  double               cluster_radius);
double              atlas_map_cluster_radius     (guint                count);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasMapClusterSet, atlas_map_cluster_set_free)

G_END_DECLS
