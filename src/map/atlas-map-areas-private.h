/* atlas-map-areas-private.h
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

#include "atlas-map-areas.h"

G_BEGIN_DECLS

/* Shared by the area layer (atlas-map-areas.c) and the placing and drawing
 * of its badges (atlas-map-badge.c).
 */

typedef struct
{
  double  zoom, k, s;    /* k: the integer zoom of the cached outlines; s: 2^(zoom - k) */
  double  left, top;     /* world pixels at zoom of the screen's top-left */
  double  width, height;
  double  line;          /* line and type scale: larger when presenting */
  GdkRGBA color, text;   /* the areas' colour, and text on it */
} AtlasMapAreasView;

void     _atlas_map_areas_view_init (AtlasMapAreasView          *v,
                                     AtlasViewport              *viewport,
                                     double                      width,
                                     double                      height,
                                     const AtlasMapPaintOptions *options);
void     _atlas_map_areas_to_screen (const AtlasMapAreasView    *v,
                                     double                      ux,
                                     double                      uy,
                                     double                     *x,
                                     double                     *y);
gboolean _atlas_map_areas_contains  (AtlasMapScene              *scene,
                                     GArray                     *adcodes,
                                     double                      ux,
                                     double                      uy);
gboolean _atlas_map_badge_place     (const AtlasMapAreasView    *v,
                                     const AtlasMapPaintOptions *options,
                                     AtlasMapCollider           *collider,
                                     AtlasMapScene              *scene,
                                     GArray                     *adcodes,
                                     GArray                     *anchors,
                                     double                      w,
                                     double                      h,
                                     graphene_rect_t            *rect,
                                     gboolean                   *leader,
                                     double                     *anchor_x,
                                     double                     *anchor_y);
void     _atlas_map_badge_draw      (cairo_t                    *cr,
                                     const AtlasMapAreasView    *v,
                                     const graphene_rect_t      *rect,
                                     PangoLayout                *count,
                                     PangoLayout                *name,
                                     gboolean                    strong,
                                     gboolean                    leader,
                                     double                      anchor_x,
                                     double                      anchor_y);

G_END_DECLS
