/* atlas-search-result.h
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

#include <glib-object.h>

#include "atlas-types.h"

G_BEGIN_DECLS

/* The groups the search popover shows, in the order it shows them. */
typedef enum
{
  ATLAS_SEARCH_KIND_SITE,
  ATLAS_SEARCH_KIND_EVENT,
  ATLAS_SEARCH_KIND_FIGURE,
  ATLAS_SEARCH_KIND_DISTRICT,
} AtlasSearchKind;

#define ATLAS_N_SEARCH_KINDS 4

/* How well a record matches, best first. */
typedef enum
{
  ATLAS_SEARCH_RANK_NAME_START,   /* its name starts with the text */
  ATLAS_SEARCH_RANK_NAME,         /* its name holds the text */
  ATLAS_SEARCH_RANK_OTHER_NAME,   /* its name in the other language does */
  ATLAS_SEARCH_RANK_TEXT,         /* only its description or notes do */
} AtlasSearchRank;

const char *atlas_search_kind_get_label     (AtlasSearchKind kind);
const char *atlas_search_kind_get_icon_name (AtlasSearchKind kind);
gboolean    atlas_search_kind_for_entity    (const char      *entity,
                                             AtlasSearchKind *kind);

gboolean    atlas_search_find_text          (const char      *haystack,
                                             const char      *needle,
                                             gsize           *start,
                                             gsize           *end);

#define ATLAS_TYPE_SEARCH_RESULT (atlas_search_result_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSearchResult, atlas_search_result, ATLAS, SEARCH_RESULT, GObject)

AtlasSearchResult *atlas_search_result_new                  (AtlasItem         *item,
                                                             AtlasSearchKind    kind,
                                                             const char        *text);
AtlasItem         *atlas_search_result_get_item             (AtlasSearchResult *self);
AtlasSearchKind    atlas_search_result_get_kind             (AtlasSearchResult *self);
AtlasSearchRank    atlas_search_result_get_rank             (AtlasSearchResult *self);
const char        *atlas_search_result_get_title            (AtlasSearchResult *self);
const char        *atlas_search_result_get_subtitle         (AtlasSearchResult *self);
char              *atlas_search_result_dup_title_markup     (AtlasSearchResult *self);
char              *atlas_search_result_dup_subtitle_markup  (AtlasSearchResult *self);
int                atlas_search_result_compare              (AtlasSearchResult *a,
                                                             AtlasSearchResult *b);

G_END_DECLS
