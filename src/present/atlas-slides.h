/* atlas-slides.h
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

#define ATLAS_SLIDE_WIDTH  1920
#define ATLAS_SLIDE_HEIGHT 1080

GskRenderNode *atlas_slides_render_step   (AtlasSession        *session,
                                           AdwViewStack        *pages,
                                           AtlasStory          *story,
                                           guint                index,
                                           int                  width,
                                           int                  height,
                                           gboolean             dark);
GPtrArray     *atlas_slides_render_story  (AtlasSession        *session,
                                           AdwViewStack        *like,
                                           AtlasStory          *story,
                                           gboolean             dark);
void           atlas_slides_write_async   (GPtrArray           *nodes,
                                           GFile               *folder,
                                           const char          *basename,
                                           GCancellable        *cancellable,
                                           GFileProgressCallback progress,
                                           gpointer             progress_data,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean       atlas_slides_write_finish  (GAsyncResult        *result,
                                           GError             **error);
char          *atlas_slides_dup_basename  (AtlasStory          *story);

G_END_DECLS
