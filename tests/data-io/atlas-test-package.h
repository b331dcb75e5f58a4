/* atlas-test-package.h
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

#include "atlas-package.h"
#include "atlas-store.h"

G_BEGIN_DECLS

/* Helpers the package, update and command-line tests share: a throwaway
 * release key made at test time, and packages made and then altered by
 * the tests themselves.
 */

void        atlas_test_package_trust_test_key   (void);
char       *atlas_test_package_sign             (GBytes     *package);
char       *atlas_test_package_sign_other       (GBytes     *package);
AtlasStore *atlas_test_package_open_store       (const char *user_path);
GBytes     *atlas_test_package_make             (const char *dir,
                                                 const char *version,
                                                 const char *change_sql);
GBytes     *atlas_test_package_alter            (GBytes     *package,
                                                 const char *dir,
                                                 const char *sql,
                                                 gboolean    fix_checksum);
char       *atlas_test_package_release_of       (AtlasStore *store);
int         atlas_test_package_count            (sqlite3    *db,
                                                 const char *sql);
void        atlas_test_package_write            (const char *path,
                                                 GBytes     *bytes);
void        atlas_test_package_remove_tree      (const char *path);

G_END_DECLS
