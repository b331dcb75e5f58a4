/* atlas-presenter-window.h
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

#include "atlas-session.h"
#include "atlas-story.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_PRESENTER_WINDOW (atlas_presenter_window_get_type ())

G_DECLARE_FINAL_TYPE (AtlasPresenterWindow, atlas_presenter_window, ATLAS, PRESENTER_WINDOW, AdwWindow)

AtlasPresenterWindow *atlas_presenter_window_new           (GtkWindow            *actions,
                                                            GtkWindow            *stage,
                                                            AtlasSession         *session,
                                                            AdwViewStack         *like,
                                                            AtlasStory           *story);
void                  atlas_presenter_window_show_step     (AtlasPresenterWindow *self,
                                                            AtlasStory           *story,
                                                            guint                 index);
void                  atlas_presenter_window_set_audience  (AtlasPresenterWindow *self,
                                                            GdkMonitor           *monitor);
const char           *atlas_presenter_window_get_next_caption (AtlasPresenterWindow *self);
const char           *atlas_presenter_window_get_timer_text (AtlasPresenterWindow *self);
const char           *atlas_presenter_window_get_notes     (AtlasPresenterWindow *self);
GdkPaintable         *atlas_presenter_window_get_next_picture (AtlasPresenterWindow *self);
void                  atlas_presenter_window_reset_timer   (AtlasPresenterWindow *self);

G_END_DECLS
