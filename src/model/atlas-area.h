/* atlas-area.h
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

#include "atlas-item.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_AREA (atlas_area_get_type ())

G_DECLARE_FINAL_TYPE (AtlasArea, atlas_area, ATLAS, AREA, AtlasItem)

AtlasArea     *atlas_area_new                 (const char    *id,
                                               const char    *name_zh,
                                               const char    *name_en);
void           atlas_area_set_texts           (AtlasArea     *self,
                                               const char    *description_zh,
                                               const char    *description_en,
                                               const char    *note_zh,
                                               const char    *note_en);
const char    *atlas_area_get_description     (AtlasArea     *self);
const char    *atlas_area_get_note            (AtlasArea     *self);
const char    *atlas_area_get_note_en         (AtlasArea     *self);
const char    *atlas_area_get_note_zh         (AtlasArea     *self);
GListModel    *atlas_area_get_districts       (AtlasArea     *self);
guint          atlas_area_get_n_districts     (AtlasArea     *self);
AtlasDistrict *atlas_area_get_district        (AtlasArea     *self,
                                               guint          position);
gboolean       atlas_area_spans_district      (AtlasArea     *self,
                                               int            adcode);
void           atlas_area_set_site_count      (AtlasArea     *self,
                                               guint          count);
guint          atlas_area_get_site_count      (AtlasArea     *self);

G_END_DECLS
