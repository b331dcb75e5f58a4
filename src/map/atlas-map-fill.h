/* atlas-map-fill.h
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

#include <gdk/gdk.h>

#include "atlas-map-cluster.h"
#include "atlas-map-raster.h"

G_BEGIN_DECLS

/* The district fills of the base image, and the colour around them, in one
 * pass over its pixels: polygons are collected, then every row of the part
 * being drawn is written once, span after span, left to right.  Painting
 * the background and then each polygon through cairo wrote most pixels
 * twice and cost a call per span.  Pixels whose centre is inside a polygon
 * (non-zero winding) take its colour; where polygons overlap, the one added
 * last.  No antialiasing: the borders drawn over the edges hide them.
 * Lines drawn beforehand into masks (borders, rivers) are blended into each
 * row as soon as it is written, while it is still in the processor's cache.
 */

typedef struct _AtlasMapFill AtlasMapFill;

AtlasMapFill *atlas_map_fill_new         (void);
void          atlas_map_fill_free        (AtlasMapFill        *self);
void          atlas_map_fill_reset       (AtlasMapFill        *self,
                                          int                  x,
                                          int                  y,
                                          int                  width,
                                          int                  height);
void          atlas_map_fill_add_polygon (AtlasMapFill        *self,
                                          const AtlasMapPoint *points,
                                          const guint         *starts,
                                          guint                n_rings,
                                          const GdkRGBA       *color);
void          atlas_map_fill_add_lines   (AtlasMapFill        *self,
                                          AtlasMapMask        *mask,
                                          const GdkRGBA       *color);
void          atlas_map_fill_draw        (AtlasMapFill        *self,
                                          cairo_surface_t     *target,
                                          const GdkRGBA       *background);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasMapFill, atlas_map_fill_free)

G_END_DECLS
