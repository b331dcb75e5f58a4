/* atlas-site-filter-list.h
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

#include <gio/gio.h>

#include "atlas-record-filter.h"
#include "atlas-site-list.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_SITE_FILTER_LIST (atlas_site_filter_list_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSiteFilterList, atlas_site_filter_list, ATLAS, SITE_FILTER_LIST, GObject)

/* Whether a row belongs in a list, besides what the filter says. */
typedef gboolean (*AtlasSiteRowFunc) (const AtlasSiteRow *row,
                                      gpointer            user_data);

AtlasSiteFilterList *atlas_site_filter_list_new          (AtlasSiteList       *sites,
                                                          AtlasRecordFilter   *filter);
AtlasSiteFilterList *atlas_site_filter_list_new_within   (AtlasSiteFilterList *within,
                                                          AtlasRecordFilter   *filter);
void                 atlas_site_filter_list_set_row_func (AtlasSiteFilterList *self,
                                                          AtlasSiteRowFunc     func,
                                                          gpointer             user_data,
                                                          GDestroyNotify       destroy);
void                 atlas_site_filter_list_refilter     (AtlasSiteFilterList *self);

G_END_DECLS
