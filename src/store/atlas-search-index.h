/* atlas-search-index.h
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

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

gboolean atlas_search_index_rebuild (sqlite3     *db,
                                     const char  *schema,
                                     GError     **error);
/* Which user records atlas_search_index_update() makes index rows for. */
typedef enum
{
  ATLAS_SEARCH_UPDATE_ADDED,        /* written since the prepare, all new */
  ATLAS_SEARCH_UPDATE_LISTED_NEW,   /* listed in temp.atlas_search_pending, all new */
  ATLAS_SEARCH_UPDATE_LISTED,       /* listed; some may have rows to replace */
} AtlasSearchUpdate;

gboolean atlas_search_index_prepare_update (sqlite3   *db,
                                            gboolean  *by_rowid,
                                            GError   **error);
gboolean atlas_search_index_update  (sqlite3           *db,
                                     AtlasSearchUpdate  how,
                                     GError           **error);
char    *atlas_search_build_match   (const char  *text);
char    *atlas_search_build_like    (const char  *text);

G_END_DECLS
