/* atlas-stage.h
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

#include "atlas-present-hud.h"
#include "atlas-session.h"
#include "atlas-story.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_STAGE (atlas_stage_get_type ())

G_DECLARE_FINAL_TYPE (AtlasStage, atlas_stage, ATLAS, STAGE, GtkWindow)

AtlasStage      *atlas_stage_new                (GtkApplication *application,
                                                 AtlasSession   *session,
                                                 AdwViewStack   *like,
                                                 AtlasStory     *story);
AdwViewStack    *atlas_stage_get_pages          (AtlasStage     *self);
AtlasPresentHud *atlas_stage_get_hud            (AtlasStage     *self);
void             atlas_stage_show_page          (AtlasStage     *self,
                                                 const char     *name);
void             atlas_stage_present_on         (AtlasStage     *self,
                                                 GdkMonitor     *monitor);
void             atlas_stage_present_windowed   (AtlasStage     *self,
                                                 int             width,
                                                 int             height);
GdkMonitor      *atlas_stage_get_monitor        (AtlasStage     *self);
gboolean         atlas_stage_get_pointer_hidden (AtlasStage     *self);

G_END_DECLS
