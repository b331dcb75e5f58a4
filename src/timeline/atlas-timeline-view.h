/* atlas-timeline-view.h
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

#include "atlas-timeline-chart.h"
#include "atlas-session.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_TIMELINE_VIEW (atlas_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (AtlasTimelineView, atlas_timeline_view, ATLAS, TIMELINE_VIEW, GtkWidget)

GtkWidget          *atlas_timeline_view_new             (void);
void                atlas_timeline_view_bind         (AtlasTimelineView *self,
                                                      AtlasSession      *session);
AtlasTimelineChart *atlas_timeline_view_get_chart       (AtlasTimelineView *self);
void                atlas_timeline_view_fit_all         (AtlasTimelineView *self,
                                                         gboolean           animate);
void                atlas_timeline_view_zoom            (AtlasTimelineView *self,
                                                         double             factor);
void                atlas_timeline_view_set_range       (AtlasTimelineView *self,
                                                         double             first,
                                                         double             last,
                                                         gboolean           animate);
gboolean            atlas_timeline_view_get_playing     (AtlasTimelineView *self);
void                atlas_timeline_view_set_playing     (AtlasTimelineView *self,
                                                         gboolean           playing);
double              atlas_timeline_view_get_speed       (AtlasTimelineView *self);
void                atlas_timeline_view_set_speed       (AtlasTimelineView *self,
                                                         double             speed);
double              atlas_timeline_view_get_cursor      (AtlasTimelineView *self);
void                atlas_timeline_view_advance         (AtlasTimelineView *self,
                                                         double             days);
void                atlas_timeline_view_brush           (AtlasTimelineView *self,
                                                         double             first_day,
                                                         double             last_day);
void                atlas_timeline_view_clear_range     (AtlasTimelineView *self);
gboolean            atlas_timeline_view_click           (AtlasTimelineView *self,
                                                         double             x,
                                                         double             y);
int                 atlas_timeline_view_get_focus_index (AtlasTimelineView *self);
const char         *atlas_timeline_view_get_focus_description (AtlasTimelineView *self);
void                atlas_timeline_view_extend_range    (AtlasTimelineView *self,
                                                         int                direction);
void                atlas_timeline_view_move_focus      (AtlasTimelineView *self,
                                                         int                direction);
void                atlas_timeline_view_set_presenting  (AtlasTimelineView *self,
                                                         gboolean           presenting);
JsonNode           *atlas_timeline_view_save_camera     (AtlasTimelineView *self);
void                atlas_timeline_view_restore_camera  (AtlasTimelineView *self,
                                                         JsonNode          *camera,
                                                         gboolean           animate);
GskRenderNode      *atlas_timeline_view_render          (AtlasTimelineView *self,
                                                         int                width,
                                                         int                height,
                                                         gboolean           dark);

G_END_DECLS
