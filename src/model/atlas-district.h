/* atlas-district.h
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

#define ATLAS_TYPE_DISTRICT (atlas_district_get_type ())

G_DECLARE_FINAL_TYPE (AtlasDistrict, atlas_district, ATLAS, DISTRICT, AtlasItem)

int atlas_district_get_adcode (AtlasDistrict *self);
AtlasDistrictKind atlas_district_get_kind (AtlasDistrict *self);
AtlasGeometry *atlas_district_get_geometry (AtlasDistrict *self);
double atlas_district_get_label_lon (AtlasDistrict *self);
double atlas_district_get_label_lat (AtlasDistrict *self);
void atlas_district_set_site_count (AtlasDistrict *self, guint site_count);
guint atlas_district_get_site_count (AtlasDistrict *self);
void atlas_district_set_event_count (AtlasDistrict *self, guint event_count);
guint atlas_district_get_event_count (AtlasDistrict *self);

G_END_DECLS
