/* atlas-projection.c
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

#include "atlas-projection.h"

#define EARTH_RADIUS 6378137.0

double
atlas_projection_world_size (double zoom)
{
  return ATLAS_PROJECTION_TILE_SIZE * exp2 (zoom);
}

double
atlas_projection_lon_to_unit (double lon)
{
  return (lon + 180.0) / 360.0;
}

double
atlas_projection_lat_to_unit (double lat)
{
  double phi = CLAMP (lat, -ATLAS_PROJECTION_MAX_LAT, ATLAS_PROJECTION_MAX_LAT) * G_PI / 180.0;

  return (1.0 - log (tan (phi) + 1.0 / cos (phi)) / G_PI) / 2.0;
}

double
atlas_projection_unit_to_lon (double x)
{
  return x * 360.0 - 180.0;
}

double
atlas_projection_unit_to_lat (double y)
{
  return atan (sinh (G_PI * (1.0 - 2.0 * y))) * 180.0 / G_PI;
}

void
atlas_projection_to_pixels (double  lon,
                            double  lat,
                            double  zoom,
                            double *x,
                            double *y)
{
  double size = atlas_projection_world_size (zoom);

  *x = atlas_projection_lon_to_unit (lon) * size;
  *y = atlas_projection_lat_to_unit (lat) * size;
}

void
atlas_projection_from_pixels (double  x,
                              double  y,
                              double  zoom,
                              double *lon,
                              double *lat)
{
  double size = atlas_projection_world_size (zoom);

  *lon = atlas_projection_unit_to_lon (x / size);
  *lat = atlas_projection_unit_to_lat (y / size);
}

/* Ground distance of one pixel at @lat: Mercator stretches by 1/cos(lat). */
double
atlas_projection_metres_per_pixel (double lat,
                                   double zoom)
{
  return 2.0 * G_PI * EARTH_RADIUS * cos (lat * G_PI / 180.0) / atlas_projection_world_size (zoom);
}
