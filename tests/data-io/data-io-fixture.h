/* data-io-fixture.h
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

#include "atlas-import.h"
#include "atlas-store.h"

G_BEGIN_DECLS

/* What the data-io tests share: a store over the bundled data and a user
 * database in a temporary folder, and a few questions to ask it.
 */
typedef struct
{
  char       *dir;
  char       *user_path;
  AtlasStore *store;
} Fixture;

AtlasStore     *fixture_open_store     (const char      *user_path);
void            fixture_set_up         (Fixture         *f,
                                        gconstpointer    data);
void            fixture_tear_down      (Fixture         *f,
                                        gconstpointer    data);
void            fixture_remove_tree    (const char      *path);
int             fixture_count          (AtlasStore      *store,
                                        const char      *sql);
char           *fixture_export_text    (AtlasStore      *store);
int             fixture_count_user_records (AtlasStore  *store);
AtlasImportRow *fixture_first_rejection (AtlasImportPlan *plan);

G_END_DECLS
