/* atlas-presentation.h
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

#include <adwaita.h>

#include "atlas-story.h"
#include "atlas-dataset.h"
#include "atlas-session.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_PRESENTATION (atlas_presentation_get_type ())

G_DECLARE_FINAL_TYPE (AtlasPresentation, atlas_presentation, ATLAS, PRESENTATION, GObject)

AtlasPresentation *atlas_presentation_new            (GtkWindow         *window,
                                                      AtlasSession      *session,
                                                      AdwViewStack      *pages,
                                                      GtkOverlay        *overlay);
void               atlas_presentation_bind_settings (AtlasPresentation *self,
                                                     GSettings         *settings);
gboolean           atlas_presentation_start          (AtlasPresentation *self,
                                                      AtlasStory        *story,
                                                      guint              first_step);
void               atlas_presentation_stop           (AtlasPresentation *self);
gboolean           atlas_presentation_get_active     (AtlasPresentation *self);
guint              atlas_presentation_get_index      (AtlasPresentation *self);
gboolean           atlas_presentation_go_to          (AtlasPresentation *self,
                                                      guint              index);
gboolean           atlas_presentation_next           (AtlasPresentation *self);
gboolean           atlas_presentation_previous       (AtlasPresentation *self);
void               atlas_presentation_set_blanked    (AtlasPresentation *self,
                                                      gboolean           blanked);
gboolean           atlas_presentation_get_blanked    (AtlasPresentation *self);
void               atlas_presentation_set_autoplay   (AtlasPresentation *self,
                                                      gboolean           autoplay,
                                                      guint              dwell_seconds,
                                                      gboolean           loop);
void               atlas_presentation_set_force_presenter_view (AtlasPresentation *self,
                                                                gboolean           force);
GtkWidget         *atlas_presentation_get_hud        (AtlasPresentation *self);
GtkWindow         *atlas_presentation_get_presenter_window (AtlasPresentation *self);
GtkWindow         *atlas_presentation_get_stage      (AtlasPresentation *self);
void               atlas_presentation_set_rehearsal_size (AtlasPresentation *self,
                                                          int                width,
                                                          int                height);
gboolean           atlas_presentation_get_inhibited  (AtlasPresentation *self);
GdkMonitor        *atlas_presentation_choose_audience_monitor (GdkDisplay *display,
                                                               const char *connector);

G_END_DECLS
