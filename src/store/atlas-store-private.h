/* atlas-store-private.h
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

#include "atlas-sqlite-util.h"
#include "atlas-store.h"

G_BEGIN_DECLS

/* SQLite stays inside src/store: these are for the store's own files (and
 * the store's tests), never for the model or the views.
 */
sqlite3      *atlas_store_get_db             (AtlasStore   *self);
sqlite3_stmt *atlas_store_prepare            (AtlasStore   *self,
                                              const char   *sql,
                                              GError      **error);

gboolean _atlas_store_migrate_user        (sqlite3     *db,
                                           const char  *schema,
                                           int          from_version,
                                           GError     **error);
gboolean _atlas_store_migrate_user_to     (sqlite3     *db,
                                           const char  *schema,
                                           int          from_version,
                                           int          to_version,
                                           GError     **error);
gboolean _atlas_store_create_merged_views (sqlite3     *db,
                                           GError     **error);
extern const char * const _atlas_store_record_tables[];

/* The prefix of the temporary files _atlas_store_write_file() makes. */
#define ATLAS_STORE_TEMP_PREFIX ".cq-atlas-tmp-"

GBytes     *_atlas_store_lookup_resource        (const char  *name,
                                                 GError     **error);
gboolean    _atlas_store_write_file             (const char  *path,
                                                 GBytes      *bytes,
                                                 GError     **error);
guint       _atlas_store_sweep_temporary_files  (const char  *dir);
char       *_atlas_store_move_aside             (const char  *path,
                                                 GError     **error);
gboolean    _atlas_store_user_check_is_current  (const char  *path);
void        _atlas_store_record_user_check      (const char  *path);
AtlasStore *_atlas_store_open_replacement       (AtlasStore  *self,
                                                 GBytes      *dataset,
                                                 GError     **error);
void        _atlas_store_adopt                  (AtlasStore  *self,
                                                 AtlasStore  *fresh,
                                                 gboolean     from_update);

G_END_DECLS
