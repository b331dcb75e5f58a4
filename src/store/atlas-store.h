/* atlas-store.h
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

G_BEGIN_DECLS

#define ATLAS_STORE_ERROR (atlas_store_error_quark ())
#define ATLAS_TYPE_STORE (atlas_store_get_type ())

/* The file a downloaded dataset is installed as, beside the user database. */
#define ATLAS_STORE_DATASET_FILE "dataset.cqatlas"
/* The bundled dataset's format version (PRAGMA user_version of atlas.sqlite).
 * Format 2: areas, sites without a point, qualifiers, caveats, both languages.
 */
#define ATLAS_DATASET_FORMAT 2
/* The largest dataset (or package) the atlas reads. */
#define ATLAS_DATASET_MAX_SIZE (64 * 1024 * 1024)

typedef enum
{
  ATLAS_STORE_ERROR_MISSING,
  ATLAS_STORE_ERROR_CORRUPT,
  ATLAS_STORE_ERROR_TOO_NEW,
  ATLAS_STORE_ERROR_LOCKED,
  ATLAS_STORE_ERROR_READ_ONLY,
  ATLAS_STORE_ERROR_FAILED,
} AtlasStoreError;

G_DECLARE_FINAL_TYPE (AtlasStore, atlas_store, ATLAS, STORE, GObject)

GQuark        atlas_store_error_quark        (void);
AtlasStore   *atlas_store_new                (GBytes       *bundled,
                                              const char   *user_path,
                                              GError      **error);
AtlasStore   *atlas_store_new_default        (GError      **error);
char         *atlas_store_get_default_user_path (void);
GBytes       *atlas_store_get_bundled_bytes  (GError      **error);
const GError *atlas_store_get_user_problem   (AtlasStore   *self);
char         *atlas_store_dup_user_problem_message (AtlasStore *self);
const char   *atlas_store_get_user_moved_aside (AtlasStore *self);
const char   *atlas_store_get_user_path      (AtlasStore   *self);
gboolean      atlas_store_is_user_writable   (AtlasStore   *self);
gboolean      atlas_store_check_writable     (AtlasStore   *self,
                                              GError      **error);
GHashTable   *atlas_store_search             (AtlasStore   *self,
                                              const char   *text,
                                              GError      **error);
gboolean      atlas_store_get_release        (AtlasStore   *self,
                                              char        **version,
                                              char        **created_on,
                                              char        **checksum);
char         *atlas_store_dup_release_label  (AtlasStore   *self);
char         *atlas_store_get_default_dataset_path (void);
GBytes       *atlas_store_get_dataset_bytes  (AtlasStore   *self);
gboolean      atlas_store_is_from_update     (AtlasStore   *self);
gboolean      atlas_store_replace_dataset    (AtlasStore   *self,
                                              GBytes       *dataset,
                                              gboolean      from_update,
                                              GError      **error);
gboolean      atlas_store_reset_to_bundled   (AtlasStore   *self,
                                              GError      **error);
char         *atlas_store_search_key         (const char   *entity,
                                              const char   *id);

G_END_DECLS
