/* atlas-statistic.h
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

#define ATLAS_TYPE_STATISTIC (atlas_statistic_get_type ())

G_DECLARE_FINAL_TYPE (AtlasStatistic, atlas_statistic, ATLAS, STATISTIC, AtlasItem)

const char *atlas_statistic_get_metric (AtlasStatistic *self);
double atlas_statistic_get_value (AtlasStatistic *self);
AtlasQualifier atlas_statistic_get_qualifier (AtlasStatistic *self);
AtlasUnit atlas_statistic_get_unit (AtlasStatistic *self);
const char *atlas_statistic_get_period (AtlasStatistic *self);
const char *atlas_statistic_get_scope (AtlasStatistic *self);
const char *atlas_statistic_get_scope_label_zh (AtlasStatistic *self);
const char *atlas_statistic_get_scope_label_en (AtlasStatistic *self);
const char *atlas_statistic_get_scope_label (AtlasStatistic *self);
AtlasDistrict *atlas_statistic_get_district (AtlasStatistic *self);
AtlasSite *atlas_statistic_get_site (AtlasStatistic *self);
const char *atlas_statistic_get_as_of (AtlasStatistic *self);
gboolean atlas_statistic_get_is_target (AtlasStatistic *self);
const char *atlas_statistic_get_series_id (AtlasStatistic *self);
int atlas_statistic_get_series_order (AtlasStatistic *self);
const char *atlas_statistic_get_note (AtlasStatistic *self);
gboolean atlas_statistic_get_from_user (AtlasStatistic *self);

const char *atlas_statistic_get_note_en (AtlasStatistic *self);
const char *atlas_statistic_get_note_zh (AtlasStatistic *self);
const char *atlas_statistic_get_caveat (AtlasStatistic *self);
const char *atlas_statistic_get_caveat_en (AtlasStatistic *self);
const char *atlas_statistic_get_caveat_zh (AtlasStatistic *self);

G_END_DECLS
