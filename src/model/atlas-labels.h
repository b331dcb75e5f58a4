/* atlas-labels.h
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

#include "atlas-types.h"

G_BEGIN_DECLS

const char *atlas_site_category_get_label        (AtlasSiteCategory       category);
const char *atlas_location_precision_get_label   (AtlasLocationPrecision  precision);
const char *atlas_location_precision_get_description (AtlasLocationPrecision precision);
const char *atlas_event_kind_get_label           (AtlasEventKind          kind);
const char *atlas_district_kind_get_label        (AtlasDistrictKind       kind);
const char *atlas_date_precision_get_label       (AtlasDatePrecision      precision);
const char *atlas_party_role_get_label           (const char             *role);
const char *atlas_site_role_get_label            (const char             *role);
const char *atlas_source_kind_get_label          (const char             *kind);
const char *atlas_entity_get_label               (const char             *entity);

G_END_DECLS
