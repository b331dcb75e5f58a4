/* atlas-geometry.h
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

#include <glib-object.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_GEOMETRY (atlas_geometry_get_type ())

typedef struct
{
  double x;
  double y;
} AtlasPoint;

/* A set of paths: the rings of a (multi)polygon, or the lines of a river.
 * Coordinates are lon/lat degrees.  Immutable once built; reference counted.
 *
 * The blob stored in SQLite is little-endian: u32 n_paths, then for each path
 * u32 n_points followed by n_points pairs of IEEE-754 doubles (x, y).
 */
typedef struct _AtlasGeometry AtlasGeometry;

struct _AtlasGeometry
{
  /*< private >*/
  gatomicrefcount ref_count;
  GArray         *points;        /* AtlasPoint */
  GArray         *offsets;       /* guint, first point of each path */
  double          min_x, min_y, max_x, max_y;
};

GType           atlas_geometry_get_type        (void) G_GNUC_CONST;
AtlasGeometry  *atlas_geometry_new             (void);
AtlasGeometry  *atlas_geometry_new_from_blob   (const guint8        *data,
                                                gsize                length,
                                                GError             **error);
AtlasGeometry  *atlas_geometry_ref             (AtlasGeometry       *self);
void            atlas_geometry_unref           (AtlasGeometry       *self);
void            atlas_geometry_begin_path      (AtlasGeometry       *self);
void            atlas_geometry_add_point       (AtlasGeometry       *self,
                                                double               x,
                                                double               y);
void            atlas_geometry_append          (AtlasGeometry       *self,
                                                const AtlasGeometry *other);
GBytes         *atlas_geometry_to_blob         (const AtlasGeometry *self);
guint           atlas_geometry_get_n_paths     (const AtlasGeometry *self);
const AtlasPoint *atlas_geometry_get_path      (const AtlasGeometry *self,
                                                guint                path,
                                                guint               *n_points);
guint           atlas_geometry_get_n_points    (const AtlasGeometry *self);
void            atlas_geometry_get_bounds      (const AtlasGeometry *self,
                                                double              *min_x,
                                                double              *min_y,
                                                double              *max_x,
                                                double              *max_y);
gboolean        atlas_geometry_contains        (const AtlasGeometry *self,
                                                double               x,
                                                double               y);
double          atlas_geometry_distance_to_edge (const AtlasGeometry *self,
                                                 double               x,
                                                 double               y);
double          atlas_geometry_get_area        (const AtlasGeometry *self);
void            atlas_geometry_get_label_point (const AtlasGeometry *self,
                                                double              *x,
                                                double              *y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasGeometry, atlas_geometry_unref)

G_END_DECLS
