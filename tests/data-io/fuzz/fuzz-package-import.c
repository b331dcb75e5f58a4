/* fuzz-package-import.c
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

#include "config.h"

#include "atlas-import.h"
#include "atlas-package.h"
#include "atlas-store.h"

/* libFuzzer target: any bytes as a dataset package, read the way Import
 * reads a user's own export (every check but the release signature), then
 * planned against the bundled data.  Seeds: seeds-package/, made by
 * make-package-seeds.py.
 */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static AtlasStore *
get_store (void)
{
  static AtlasStore *store;

  if (store == NULL)
    {
      g_autoptr(GBytes) bundled = atlas_store_get_bundled_bytes (NULL);
      store = atlas_store_new (bundled, NULL, NULL);
      g_assert (store != NULL);
    }
  return store;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new (get_store ());

  atlas_import_plan_add_package (plan, "fuzz.cqatlas", bytes);
  atlas_import_plan_validate (plan);
  g_free (atlas_import_plan_dup_summary (plan));
  return 0;
}
