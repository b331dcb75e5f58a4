/* atlas-map-fit.h
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

#include "atlas-map-scene.h"
#include "atlas-viewport.h"

G_BEGIN_DECLS

/* Closer than this the schematic base map shows nothing but one district's
 * fill: a screen is about 16 km across at zoom 13.
 */
#define ATLAS_MAP_VIEW_MAX_ZOOM 13.0

gboolean atlas_map_fit_sites_box   (AtlasMapScene *scene,
                                    double         box[4]);
void     atlas_map_fit_box         (AtlasViewport *viewport,
                                    const double   box[4],
                                    double         width,
                                    double         height,
                                    double        *lon,
                                    double        *lat,
                                    double        *zoom);
void     atlas_map_fit_zoom_range  (AtlasMapScene *scene,
                                    AtlasViewport *viewport,
                                    double         width,
                                    double         height);

G_END_DECLS
