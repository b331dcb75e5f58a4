/* atlas-story-step.h
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

#include "atlas-types.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_STORY_STEP (atlas_story_step_get_type ())

/* Where presentation mode puts a step's caption; AUTO lets the stage pick
 * the side that leaves the subject most room.
 */
typedef enum
{
  ATLAS_CAPTION_SIDE_AUTO,
  ATLAS_CAPTION_SIDE_BOTTOM,
  ATLAS_CAPTION_SIDE_TOP,
  ATLAS_CAPTION_SIDE_LEFT,
  ATLAS_CAPTION_SIDE_RIGHT,
} AtlasCaptionSide;

#define ATLAS_N_CAPTION_SIDES (ATLAS_CAPTION_SIDE_RIGHT + 1)

G_DECLARE_FINAL_TYPE (AtlasStoryStep, atlas_story_step, ATLAS, STORY_STEP, GObject)

AtlasStoryStep *atlas_story_step_new              (const char      *view,
                                                   JsonNode        *state,
                                                   const char      *caption_zh,
                                                   const char      *caption_en,
                                                   const char      *notes);
AtlasStoryStep *atlas_story_step_new_from_json    (JsonNode        *node,
                                                   GError         **error);
AtlasStoryStep *atlas_story_step_copy             (AtlasStoryStep  *self);
JsonNode       *atlas_story_step_to_json          (AtlasStoryStep  *self);
const char     *atlas_story_step_get_view         (AtlasStoryStep  *self);
JsonNode       *atlas_story_step_get_state        (AtlasStoryStep  *self);
char           *atlas_story_step_dup_state_json   (AtlasStoryStep  *self);
JsonNode       *atlas_story_step_get_camera       (AtlasStoryStep  *self);
guint           atlas_story_step_get_n_cites      (AtlasStoryStep  *self);
gboolean        atlas_story_step_get_cite         (AtlasStoryStep  *self,
                                                   guint            index,
                                                   const char     **entity,
                                                   const char     **id);
const char     *atlas_story_step_get_caption_zh   (AtlasStoryStep  *self);
const char     *atlas_story_step_get_caption_en   (AtlasStoryStep  *self);
const char     *atlas_story_step_get_caption      (AtlasStoryStep  *self);
void            atlas_story_step_set_caption_zh   (AtlasStoryStep  *self,
                                                   const char      *caption);
void            atlas_story_step_set_caption_en   (AtlasStoryStep  *self,
                                                   const char      *caption);
AtlasCaptionSide atlas_story_step_get_caption_side (AtlasStoryStep  *self);
AtlasCaptionSide atlas_story_step_resolve_caption_side (AtlasStoryStep *self);
void            atlas_story_step_set_caption_side (AtlasStoryStep  *self,
                                                   AtlasCaptionSide side);
const char     *atlas_caption_side_get_label      (AtlasCaptionSide side);
const char     *atlas_story_step_get_notes        (AtlasStoryStep  *self);
const char     *atlas_story_step_get_notes_en     (AtlasStoryStep  *self);
const char     *atlas_story_step_get_notes_zh     (AtlasStoryStep  *self);
void            atlas_story_step_set_notes_zh     (AtlasStoryStep  *self,
                                                   const char      *notes);
void            atlas_story_step_set_notes        (AtlasStoryStep  *self,
                                                   const char      *notes);

G_END_DECLS
