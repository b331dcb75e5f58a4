/* atlas-viewport.h
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
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_VIEWPORT (atlas_viewport_get_type ())

G_DECLARE_FINAL_TYPE (AtlasViewport, atlas_viewport, ATLAS, VIEWPORT, GObject)

#define ATLAS_VIEWPORT_FLY_DURATION_MS 400

AtlasViewport *atlas_viewport_new           (void);
double         atlas_viewport_get_lon       (AtlasViewport *self);
double         atlas_viewport_get_lat       (AtlasViewport *self);
double         atlas_viewport_get_zoom      (AtlasViewport *self);
double         atlas_viewport_get_min_zoom  (AtlasViewport *self);
double         atlas_viewport_get_max_zoom  (AtlasViewport *self);
void           atlas_viewport_set_zoom_range (AtlasViewport *self,
                                              double         min_zoom,
                                              double         max_zoom);
void           atlas_viewport_set_bounds    (AtlasViewport *self,
                                             double         min_lon,
                                             double         min_lat,
                                             double         max_lon,
                                             double         max_lat);
void           atlas_viewport_set_center    (AtlasViewport *self,
                                             double         lon,
                                             double         lat);
void           atlas_viewport_set_zoom      (AtlasViewport *self,
                                             double         zoom);
void           atlas_viewport_set           (AtlasViewport *self,
                                             double         lon,
                                             double         lat,
                                             double         zoom);
void           atlas_viewport_pan_pixels    (AtlasViewport *self,
                                             double         dx,
                                             double         dy);
void           atlas_viewport_zoom_around   (AtlasViewport *self,
                                             double         new_zoom,
                                             double         x,
                                             double         y,
                                             double         width,
                                             double         height);
void           atlas_viewport_to_screen     (AtlasViewport *self,
                                             double         lon,
                                             double         lat,
                                             double         width,
                                             double         height,
                                             double        *x,
                                             double        *y);
void           atlas_viewport_from_screen   (AtlasViewport *self,
                                             double         x,
                                             double         y,
                                             double         width,
                                             double         height,
                                             double        *lon,
                                             double        *lat);
double         atlas_viewport_fit_zoom      (AtlasViewport *self,
                                             double         min_lon,
                                             double         min_lat,
                                             double         max_lon,
                                             double         max_lat,
                                             double         width,
                                             double         height,
                                             double         padding);
void           atlas_viewport_fly_to        (AtlasViewport *self,
                                             GtkWidget     *widget,
                                             double         lon,
                                             double         lat,
                                             double         zoom);
void           atlas_viewport_stop          (AtlasViewport *self);
gboolean       atlas_viewport_is_animating  (AtlasViewport *self);
void           atlas_viewport_get_target    (AtlasViewport *self,
                                             double        *lon,
                                             double        *lat,
                                             double        *zoom);
JsonNode      *atlas_viewport_to_json       (AtlasViewport *self);
gboolean       atlas_viewport_parse_json    (JsonNode      *node,
                                             double        *lon,
                                             double        *lat,
                                             double        *zoom);
double         atlas_viewport_ease          (double         t);

G_END_DECLS
