/* atlas-series.h
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

#define ATLAS_TYPE_SERIES (atlas_series_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSeries, atlas_series, ATLAS, SERIES, AtlasItem)

AtlasUnit atlas_series_get_unit (AtlasSeries *self);
double atlas_series_get_stated_total (AtlasSeries *self);
const char *atlas_series_get_note (AtlasSeries *self);
GListModel *atlas_series_get_statistics (AtlasSeries *self);

const char *atlas_series_get_note_en (AtlasSeries *self);
const char *atlas_series_get_note_zh (AtlasSeries *self);

G_END_DECLS
