/* atlas-map-areas.h
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

#include <gtk/gtk.h>

#include "atlas-map-collision.h"
#include "atlas-map-painter.h"
#include "atlas-map-scene.h"
#include "atlas-session.h"
#include "atlas-viewport.h"

G_BEGIN_DECLS

/* The sites the map cannot draw as points.  A site known only to lie in a
 * named zone of several districts (precision "area") has no point and no
 * district: the map hatches the zone's districts and puts one badge in it
 * counting its sites, which opens their list.  A site with no known place
 * (precision "unknown") is not drawn at all; the map page says how many
 * there are.  Both follow the session's filters.
 */

#define ATLAS_TYPE_MAP_AREAS (atlas_map_areas_get_type ())

G_DECLARE_FINAL_TYPE (AtlasMapAreas, atlas_map_areas, ATLAS, MAP_AREAS, GObject)

/* A badge as drawn in the last frame. */
typedef struct
{
  graphene_rect_t rect;   /* screen pixels */
  guint           area;   /* index of the area */
} AtlasMapBadge;

AtlasMapAreas *atlas_map_areas_new              (AtlasSession               *session);
guint          atlas_map_areas_get_n_areas      (AtlasMapAreas              *self);
AtlasArea     *atlas_map_areas_get_area         (AtlasMapAreas              *self,
                                                 guint                       area);
GListModel    *atlas_map_areas_get_sites        (AtlasMapAreas              *self,
                                                 guint                       area);
guint          atlas_map_areas_get_count        (AtlasMapAreas              *self,
                                                 guint                       area);
GListModel    *atlas_map_areas_get_unplaced     (AtlasMapAreas              *self);
char          *atlas_map_areas_dup_badge_name   (AtlasMapAreas              *self,
                                                 guint                       area);
char          *atlas_map_areas_dup_description  (AtlasMapAreas              *self,
                                                 guint                       area);

gboolean       atlas_map_areas_paint_layer      (AtlasMapAreas              *self,
                                                 cairo_t                    *cr,
                                                 AtlasMapScene              *scene,
                                                 AtlasViewport              *viewport,
                                                 double                      width,
                                                 double                      height,
                                                 const AtlasMapPaintOptions *options);
void           atlas_map_areas_paint_badges     (AtlasMapAreas              *self,
                                                 cairo_t                    *cr,
                                                 AtlasMapScene              *scene,
                                                 AtlasViewport              *viewport,
                                                 double                      width,
                                                 double                      height,
                                                 const AtlasMapPaintOptions *options,
                                                 AtlasMapCollider           *collider);

guint          atlas_map_areas_get_n_badges     (AtlasMapAreas              *self);
const AtlasMapBadge *atlas_map_areas_get_badge  (AtlasMapAreas              *self,
                                                 guint                       badge);
int            atlas_map_areas_badge_at         (AtlasMapAreas              *self,
                                                 double                      x,
                                                 double                      y);
int            atlas_map_areas_find_badge       (AtlasMapAreas              *self,
                                                 guint                       area);
void           atlas_map_areas_add_focus_order  (AtlasMapAreas              *self,
                                                 guint                       first,
                                                 GArray                     *order);
int            atlas_map_areas_get_focus        (AtlasMapAreas              *self);
void           atlas_map_areas_set_focus        (AtlasMapAreas              *self,
                                                 int                         area);
int            atlas_map_areas_get_open         (AtlasMapAreas              *self);
void           atlas_map_areas_set_open         (AtlasMapAreas              *self,
                                                 int                         area);

G_END_DECLS
