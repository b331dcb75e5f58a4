/* atlas-projection.h
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

/* Web Mercator, as slippy-map tiles use it, so that a tile layer could be
 * laid under the districts one day.  "Unit" coordinates run from 0 to 1
 * across the world (x east, y south); world pixels are unit coordinates
 * times the world size at a zoom level (256 px at zoom 0).
 */

#define ATLAS_PROJECTION_TILE_SIZE 256.0
#define ATLAS_PROJECTION_MAX_LAT   85.05112877980659

double atlas_projection_world_size    (double zoom);
double atlas_projection_lon_to_unit   (double lon);
double atlas_projection_lat_to_unit   (double lat);
double atlas_projection_unit_to_lon   (double x);
double atlas_projection_unit_to_lat   (double y);
void   atlas_projection_to_pixels     (double  lon,
                                       double  lat,
                                       double  zoom,
                                       double *x,
                                       double *y);
void   atlas_projection_from_pixels   (double  x,
                                       double  y,
                                       double  zoom,
                                       double *lon,
                                       double *lat);
double atlas_projection_metres_per_pixel (double lat,
                                          double zoom);

G_END_DECLS
