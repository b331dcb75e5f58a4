/* atlas-map-raster.h
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

G_BEGIN_DECLS

/* Antialiased lines drawn straight into an 8-bit coverage mask, for the
 * thousands of short segments of district borders and rivers: cairo's
 * stroker and antialiasing rasterizer take tens of milliseconds for them,
 * this a fraction of one.  Overlapping lines keep the larger coverage instead of
 * adding up, so shared borders and joints look like one stroke; the mask
 * is then painted once, through atlas_map_mask_blend() (only the covered
 * pixels) or cairo_mask_surface().
 */

typedef struct _AtlasMapMask AtlasMapMask;

AtlasMapMask    *atlas_map_mask_new      (int            width,
                                          int            height);
AtlasMapMask    *atlas_map_mask_new_for_surface (cairo_surface_t *surface);
void             atlas_map_mask_free     (AtlasMapMask  *self);
void             atlas_map_mask_clear    (AtlasMapMask  *self);
void             atlas_map_mask_set_clip (AtlasMapMask  *self,
                                          int            x,
                                          int            y,
                                          int            width,
                                          int            height);
void             atlas_map_mask_line     (AtlasMapMask  *self,
                                          double         x0,
                                          double         y0,
                                          double         x1,
                                          double         y1,
                                          double         width);
void             atlas_map_mask_dash_path (AtlasMapMask       *self,
                                           const cairo_path_t *path,
                                           double              width,
                                           double              alpha,
                                           const double       *dashes,
                                           guint               n_dashes);
void             atlas_map_mask_dot      (AtlasMapMask  *self,
                                          double         x,
                                          double         y,
                                          double         width);
int              atlas_map_mask_get_width  (AtlasMapMask *self);
int              atlas_map_mask_get_height (AtlasMapMask *self);
gboolean         atlas_map_mask_get_extents (AtlasMapMask *self,
                                          cairo_rectangle_int_t *extents);
guint8           atlas_map_mask_get      (AtlasMapMask  *self,
                                          int            x,
                                          int            y);
cairo_surface_t *atlas_map_mask_get_surface (AtlasMapMask *self);
void             atlas_map_mask_blend_row (AtlasMapMask  *self,
                                           int            y,
                                           guint32       *row,
                                           const GdkRGBA *color);
void             atlas_map_mask_blend    (AtlasMapMask    *self,
                                          cairo_surface_t *target,
                                          const GdkRGBA   *color);

void             atlas_map_prefault_rows (cairo_surface_t *surface,
                                          int              y0,
                                          int              y1);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasMapMask, atlas_map_mask_free)

G_END_DECLS
