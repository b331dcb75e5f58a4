/* atlas-district-grid.h
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

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Which district a point lies in, fast: see atlas-district-grid.c. */
typedef struct _AtlasDistrictGrid AtlasDistrictGrid;

AtlasDistrictGrid *atlas_district_grid_new      (sqlite3           *db,
                                                 GError           **error);
void               atlas_district_grid_free     (AtlasDistrictGrid *self);
gint64             atlas_district_grid_lookup   (AtlasDistrictGrid *self,
                                                 double             lon,
                                                 double             lat);
const char        *atlas_district_grid_get_name (AtlasDistrictGrid *self,
                                                 gint64             adcode,
                                                 gboolean           chinese);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasDistrictGrid, atlas_district_grid_free)

G_END_DECLS
