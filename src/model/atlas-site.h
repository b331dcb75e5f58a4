/* atlas-site.h
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

#define ATLAS_TYPE_SITE (atlas_site_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSite, atlas_site, ATLAS, SITE, AtlasItem)

AtlasSiteCategory atlas_site_get_category (AtlasSite *self);
AtlasDistrict *atlas_site_get_district (AtlasSite *self);
double atlas_site_get_lon (AtlasSite *self);
double atlas_site_get_lat (AtlasSite *self);
AtlasLocationPrecision atlas_site_get_location_precision (AtlasSite *self);
const char *atlas_site_get_description_zh (AtlasSite *self);
const char *atlas_site_get_description_en (AtlasSite *self);
const char *atlas_site_get_description (AtlasSite *self);
const char *atlas_site_get_established_on (AtlasSite *self);
const char *atlas_site_get_note (AtlasSite *self);
gboolean atlas_site_get_from_user (AtlasSite *self);
gboolean atlas_site_is_active_between (AtlasSite *self,
                                       guint32    first_day,
                                       guint32    last_day);
guint32 atlas_site_get_first_day (AtlasSite *self);

const char *atlas_site_get_note_en (AtlasSite *self);
const char *atlas_site_get_note_zh (AtlasSite *self);
const char *atlas_site_get_caveat (AtlasSite *self);
const char *atlas_site_get_caveat_en (AtlasSite *self);
const char *atlas_site_get_caveat_zh (AtlasSite *self);

gboolean atlas_site_has_point (AtlasSite *self);
AtlasArea *atlas_site_get_area (AtlasSite *self);
gboolean atlas_site_may_be_in_district (AtlasSite *self,
                                        int        adcode);

G_END_DECLS
