/* fuzz-csv-import.c
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
#include "atlas-store.h"

/* libFuzzer target: any bytes as a CSV file of one of the tables, planned
 * against the bundled data.  Nothing may crash, leak or read out of bounds.
 */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static const char * const names[] = {
  "sources.csv", "sites.csv", "parties.csv", "events.csv", "event_parties.csv",
  "event_sites.csv", "series.csv", "statistics.csv", "citations.csv",
};

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
  g_autoptr(AtlasImportPlan) plan = NULL;

  if (size < 1)
    return 0;
  plan = atlas_import_plan_new (get_store ());
  atlas_import_plan_add_csv (plan, names[data[0] % G_N_ELEMENTS (names)],
                             (const char *) data + 1, size - 1);
  atlas_import_plan_validate (plan);
  atlas_import_plan_count (plan, ATLAS_IMPORT_ACTION_ADD);
  g_free (atlas_import_plan_dup_summary (plan));
  return 0;
}
