/* atlas-story.h
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
#include <json-glib/json-glib.h>

#include "atlas-story-step.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_STORY (atlas_story_get_type ())

G_DECLARE_FINAL_TYPE (AtlasStory, atlas_story, ATLAS, STORY, GObject)

AtlasStory     *atlas_story_new            (const char      *id,
                                            const char      *title_zh,
                                            const char      *title_en);
AtlasStory     *atlas_story_new_from_json  (JsonNode        *node,
                                            GError         **error);
JsonNode       *atlas_story_to_json        (AtlasStory      *self);
const char     *atlas_story_get_id         (AtlasStory      *self);
void            atlas_story_set_id         (AtlasStory      *self,
                                            const char      *id);
const char     *atlas_story_get_title      (AtlasStory      *self);
const char     *atlas_story_get_title_zh   (AtlasStory      *self);
const char     *atlas_story_get_title_en   (AtlasStory      *self);
void            atlas_story_set_title_zh   (AtlasStory      *self,
                                            const char      *title);
void            atlas_story_set_title_en   (AtlasStory      *self,
                                            const char      *title);
gboolean        atlas_story_get_bundled    (AtlasStory      *self);
void            atlas_story_set_bundled    (AtlasStory      *self,
                                            gboolean         bundled);
GListModel     *atlas_story_get_steps      (AtlasStory      *self);
guint           atlas_story_get_n_steps    (AtlasStory      *self);
AtlasStoryStep *atlas_story_get_step       (AtlasStory      *self,
                                            guint            position);
void            atlas_story_insert_step    (AtlasStory      *self,
                                            guint            position,
                                            AtlasStoryStep  *step);
void            atlas_story_append_step    (AtlasStory      *self,
                                            AtlasStoryStep  *step);
void            atlas_story_remove_step    (AtlasStory      *self,
                                            guint            position);
void            atlas_story_move_step      (AtlasStory      *self,
                                            guint            from,
                                            guint            to);

char        *atlas_story_dup_cited_sources (AtlasDataset *dataset,
                                           AtlasStory   *story,
                                           guint         max_lines);

G_END_DECLS
