/* atlas-sqlite-util.h
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
#include <sqlite3.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* How long a check of a file from outside may take before it is stopped. */
#define ATLAS_SQLITE_DEFAULT_BUDGET_MS 20000

typedef struct _AtlasSqliteBudget AtlasSqliteBudget;

gboolean           atlas_sqlite_exec             (sqlite3            *db,
                                                  const char         *sql,
                                                  GQuark              domain,
                                                  int                 code,
                                                  GError            **error);
void               atlas_sqlite_harden           (sqlite3            *db);
void               atlas_sqlite_limit_untrusted  (sqlite3            *db);
void               atlas_sqlite_append_identifier (GString           *sql,
                                                  const char         *name);

AtlasSqliteBudget *atlas_sqlite_budget_begin     (sqlite3            *db,
                                                  guint               milliseconds,
                                                  GCancellable       *cancellable);
gboolean           atlas_sqlite_budget_end       (AtlasSqliteBudget  *budget,
                                                  GError            **error);
gboolean           atlas_sqlite_budget_exceeded  (AtlasSqliteBudget  *budget);
void               atlas_sqlite_budget_free      (AtlasSqliteBudget  *budget);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasSqliteBudget, atlas_sqlite_budget_free)

G_END_DECLS
