/* atlas-package-private.h
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
#include "atlas-schema.h"

G_BEGIN_DECLS

AtlasPackageChange *_atlas_package_change_new (const char              *entity,
                                               const char              *id,
                                               const char              *change,
                                               const char              *detail);
gboolean            _atlas_package_copy_table (sqlite3                 *from,
                                               const char              *from_table,
                                               sqlite3                 *to,
                                               const AtlasSchemaTable  *table,
                                               gboolean                 check_values,
                                               GError                 **error);
sqlite3            *_atlas_package_load       (GBytes                  *bytes,
                                               gboolean                 with_search,
                                               GCancellable            *cancellable,
                                               char                   **version,
                                               GError                 **error);
GBytes             *_atlas_package_serialize  (sqlite3                 *db,
                                               GError                 **error);

G_END_DECLS
