/* atlas-search-results.h
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

#include "atlas-search-result.h"
#include "atlas-types.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_SEARCH_RESULTS (atlas_search_results_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSearchResults, atlas_search_results, ATLAS, SEARCH_RESULTS, GObject)

AtlasSearchResults *atlas_search_results_new             (AtlasDataset       *dataset);
const char         *atlas_search_results_get_text        (AtlasSearchResults *self);
void                atlas_search_results_set_text        (AtlasSearchResults *self,
                                                          const char         *text);
guint               atlas_search_results_get_group_limit (AtlasSearchResults *self);
void                atlas_search_results_set_group_limit (AtlasSearchResults *self,
                                                          guint               limit);
guint               atlas_search_results_get_n_found     (AtlasSearchResults *self,
                                                          AtlasSearchKind     kind);
guint               atlas_search_results_get_n_found_all (AtlasSearchResults *self);

G_END_DECLS
