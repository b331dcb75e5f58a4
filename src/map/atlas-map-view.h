/* atlas-map-view.h
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

#include "atlas-map-areas.h"
#include "atlas-map-painter.h"
#include "atlas-map-scene.h"
#include "atlas-session.h"
#include "atlas-viewport.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_MAP_VIEW (atlas_map_view_get_type ())

G_DECLARE_FINAL_TYPE (AtlasMapView, atlas_map_view, ATLAS, MAP_VIEW, GtkWidget)

GtkWidget     *atlas_map_view_new             (void);
void           atlas_map_view_bind            (AtlasMapView *self,
                                               AtlasSession *session);
AtlasViewport *atlas_map_view_get_viewport    (AtlasMapView *self);
AtlasMapScene *atlas_map_view_get_scene       (AtlasMapView *self);
GArray        *atlas_map_view_get_markers     (AtlasMapView *self);
int            atlas_map_view_marker_at       (AtlasMapView *self,
                                               double        x,
                                               double        y);
int            atlas_map_view_get_focus       (AtlasMapView *self);
void           atlas_map_view_zoom_by         (AtlasMapView *self,
                                               double        delta);
void           atlas_map_view_zoom_to_fit     (AtlasMapView *self,
                                               gboolean      animate);
void           atlas_map_view_frame_sites     (AtlasMapView *self,
                                               gboolean      animate);
void           atlas_map_view_select_district (AtlasMapView *self,
                                               int           adcode);
void           atlas_map_view_set_presenting  (AtlasMapView *self,
                                               gboolean      presenting);
void           atlas_map_view_get_paint_options (AtlasMapView *self,
                                                 AtlasMapPaintOptions *options);
char          *atlas_map_view_dup_site_name   (AtlasMapView *self,
                                               guint         site);
AtlasMapAreas *atlas_map_view_get_areas       (AtlasMapView *self);

GArray        *atlas_map_view_get_legend_hits (AtlasMapView *self);

G_END_DECLS
