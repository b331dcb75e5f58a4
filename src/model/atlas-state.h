/* atlas-state.h
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

#include <json-glib/json-glib.h>

#include "atlas-types.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_STATE (atlas_state_get_type ())

G_DECLARE_FINAL_TYPE (AtlasState, atlas_state, ATLAS, STATE, GObject)

AtlasState *atlas_state_new                (void);
AtlasItem  *atlas_state_get_selection      (AtlasState    *self);
void        atlas_state_set_selection      (AtlasState    *self,
                                            AtlasItem     *selection);
const char *atlas_state_get_search_text    (AtlasState    *self);
void        atlas_state_set_search_text    (AtlasState    *self,
                                            const char    *search_text);
guint       atlas_state_get_categories     (AtlasState    *self);
void        atlas_state_set_categories     (AtlasState    *self,
                                            guint          categories);
gboolean    atlas_state_has_category       (AtlasState    *self,
                                            AtlasSiteCategory category);
void        atlas_state_set_category       (AtlasState    *self,
                                            AtlasSiteCategory category,
                                            gboolean       shown);
guint       atlas_state_get_event_kinds    (AtlasState    *self);
void        atlas_state_set_event_kinds    (AtlasState    *self,
                                            guint          event_kinds);
gboolean    atlas_state_has_event_kind     (AtlasState    *self,
                                            AtlasEventKind kind);
guint32     atlas_state_get_time_first     (AtlasState    *self);
guint32     atlas_state_get_time_last      (AtlasState    *self);
gboolean    atlas_state_has_time_range     (AtlasState    *self);
void        atlas_state_set_time_range     (AtlasState    *self,
                                            guint32        first_day,
                                            guint32        last_day);
void        atlas_state_clear_time_range   (AtlasState    *self);
int         atlas_state_get_district       (AtlasState    *self);
void        atlas_state_set_district       (AtlasState    *self,
                                            int            adcode);
const char *atlas_state_get_choropleth     (AtlasState    *self);
void        atlas_state_set_choropleth     (AtlasState    *self,
                                            const char    *measure);
const char *atlas_state_get_page           (AtlasState    *self);
void        atlas_state_set_page           (AtlasState    *self,
                                            const char    *page);
gboolean    atlas_state_is_filtering       (AtlasState    *self);
void        atlas_state_reset_filters      (AtlasState    *self);
JsonNode   *atlas_state_to_json            (AtlasState    *self);
gboolean    atlas_state_load_json          (AtlasState    *self,
                                            JsonNode      *node,
                                            AtlasDataset  *dataset,
                                            GError       **error);

G_END_DECLS
