/* atlas-story-store.h
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

#include "atlas-store.h"

G_BEGIN_DECLS

/* The user's stories as rows of the user database's story and story_step
 * tables.  Plain data: the model (AtlasStories) turns them into objects.
 */

typedef struct
{
  char *view;
  char *state_json;
  char *caption_zh;
  char *caption_en;
  char *notes;
  char *notes_zh;
} AtlasStoryStepRow;

typedef struct
{
  char      *id;
  char      *title_zh;
  char      *title_en;
  GPtrArray *steps;        /* of AtlasStoryStepRow */
} AtlasStoryRow;

AtlasStoryRow     *atlas_story_row_new        (const char           *id,
                                               const char           *title_zh,
                                               const char           *title_en);
void               atlas_story_row_add_step   (AtlasStoryRow        *row,
                                               const char           *view,
                                               const char           *state_json,
                                               const char           *caption_zh,
                                               const char           *caption_en,
                                               const char           *notes,
                                               const char           *notes_zh);
void               atlas_story_row_free       (AtlasStoryRow        *row);

GPtrArray         *atlas_story_store_load     (AtlasStore           *store,
                                               GError              **error);
gboolean           atlas_story_store_save     (AtlasStore           *store,
                                               const AtlasStoryRow  *row,
                                               GError              **error);
gboolean           atlas_story_store_remove   (AtlasStore           *store,
                                               const char           *id,
                                               GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasStoryRow, atlas_story_row_free)

G_END_DECLS
