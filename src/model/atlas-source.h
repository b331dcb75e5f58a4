/* atlas-source.h
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

#define ATLAS_TYPE_SOURCE (atlas_source_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSource, atlas_source, ATLAS, SOURCE, AtlasItem)

const char *atlas_source_get_publisher_zh (AtlasSource *self);
const char *atlas_source_get_publisher_en (AtlasSource *self);
const char *atlas_source_get_publisher (AtlasSource *self);
const char *atlas_source_get_published_on (AtlasSource *self);
const char *atlas_source_get_kind (AtlasSource *self);
const char *atlas_source_get_seed_file (AtlasSource *self);
const char *atlas_source_get_note (AtlasSource *self);
void atlas_source_set_citation_count (AtlasSource *self, guint citation_count);
guint atlas_source_get_citation_count (AtlasSource *self);

const char *atlas_source_get_note_en (AtlasSource *self);
const char *atlas_source_get_note_zh (AtlasSource *self);

G_END_DECLS
