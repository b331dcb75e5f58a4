/* atlas-stories.h
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

#include <gio/gio.h>

#include "atlas-store.h"
#include "atlas-story.h"

G_BEGIN_DECLS

#define ATLAS_STORIES_RESOURCE_PATH RESOURCE_PREFIX "/stories/"

#define ATLAS_TYPE_STORIES (atlas_stories_get_type ())

G_DECLARE_FINAL_TYPE (AtlasStories, atlas_stories, ATLAS, STORIES, GObject)

AtlasStories *atlas_stories_new        (AtlasStore    *store,
                                        GError       **error);
gboolean      atlas_stories_reload     (AtlasStories  *self,
                                        GError       **error);
AtlasStory   *atlas_stories_lookup     (AtlasStories  *self,
                                        const char    *id);
AtlasStory   *atlas_stories_create     (AtlasStories  *self,
                                        const char    *title_zh,
                                        const char    *title_en,
                                        GError       **error);
gboolean      atlas_stories_save       (AtlasStories  *self,
                                        AtlasStory    *story,
                                        GError       **error);
gboolean      atlas_stories_remove     (AtlasStories  *self,
                                        AtlasStory    *story,
                                        GError       **error);
gboolean      atlas_stories_export     (AtlasStories  *self,
                                        AtlasStory    *story,
                                        GFile         *file,
                                        GError       **error);
AtlasStory   *atlas_stories_import     (AtlasStories  *self,
                                        GFile         *file,
                                        GError       **error);
GPtrArray    *atlas_stories_load_bundled (GError     **error);

G_END_DECLS
