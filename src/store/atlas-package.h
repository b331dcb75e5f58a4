/* atlas-package.h
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

#include "atlas-sqlite-util.h"
#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_PACKAGE_ERROR (atlas_package_error_quark ())
#define ATLAS_TYPE_PACKAGE_CHANGE (atlas_package_change_get_type ())

/* The version of the .cqatlas layout (the manifest table). */
#define ATLAS_PACKAGE_FORMAT 1
/* The largest package the atlas reads or downloads. */
#define ATLAS_PACKAGE_MAX_SIZE ATLAS_DATASET_MAX_SIZE

typedef enum
{
  ATLAS_PACKAGE_ERROR_INVALID,
  ATLAS_PACKAGE_ERROR_TOO_NEW,
  ATLAS_PACKAGE_ERROR_CHECKSUM,
  ATLAS_PACKAGE_ERROR_FAILED,
  ATLAS_PACKAGE_ERROR_SIGNATURE,
  ATLAS_PACKAGE_ERROR_NOT_NEWER,
  ATLAS_PACKAGE_ERROR_VERSION,
  ATLAS_PACKAGE_ERROR_TOO_LARGE,
  ATLAS_PACKAGE_ERROR_CANCELLED,
} AtlasPackageError;

G_DECLARE_FINAL_TYPE (AtlasPackageChange, atlas_package_change, ATLAS, PACKAGE_CHANGE, GObject)

GQuark      atlas_package_error_quark        (void);

const char *atlas_package_change_get_entity  (AtlasPackageChange *self);
const char *atlas_package_change_get_id      (AtlasPackageChange *self);
const char *atlas_package_change_get_change  (AtlasPackageChange *self);
const char *atlas_package_change_get_detail  (AtlasPackageChange *self);

sqlite3    *atlas_package_open               (GBytes       *bytes,
                                              GError      **error);
char       *atlas_package_compute_checksum   (sqlite3      *db,
                                              const char   *schema);
gboolean    atlas_package_write              (AtlasStore   *store,
                                              const char   *path,
                                              const char   *version,
                                              GError      **error);
GListModel *atlas_package_diff               (GBytes       *old_dataset,
                                              GBytes       *new_dataset,
                                              GError      **error);
gboolean    atlas_package_version_is_valid   (const char   *version);
int         atlas_package_compare_versions   (const char   *a,
                                              const char   *b);
gboolean    atlas_package_install            (AtlasStore   *store,
                                              GBytes       *package,
                                              const char   *signature,
                                              const char   *expected_version,
                                              GListModel  **changes,
                                              GError      **error);
void        atlas_package_install_async      (AtlasStore          *store,
                                              GBytes              *package,
                                              const char          *signature,
                                              const char          *expected_version,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean    atlas_package_install_finish     (AtlasStore   *store,
                                              GAsyncResult *result,
                                              GListModel  **changes,
                                              GError      **error);
GListModel *atlas_package_list_last_changes  (AtlasStore   *store);

G_END_DECLS
