/* atlas-schema.h
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

G_BEGIN_DECLS

/* The user database's schema version; see atlas-store-migrations.c. */
#define ATLAS_USER_SCHEMA_VERSION 5

#define ATLAS_SCHEMA_ERROR (atlas_schema_error_quark ())

typedef enum
{
  ATLAS_SCHEMA_ERROR_INVALID,
  ATLAS_SCHEMA_ERROR_FAILED,
} AtlasSchemaError;

typedef enum
{
  ATLAS_SCHEMA_TYPE_TEXT,
  ATLAS_SCHEMA_TYPE_INTEGER,
  ATLAS_SCHEMA_TYPE_REAL,
  ATLAS_SCHEMA_TYPE_BLOB,
} AtlasSchemaType;

typedef struct
{
  const char      *name;
  AtlasSchemaType  type;
  gboolean         not_null;
  int              pk;          /* position in the primary key, 0 when not in it */
  const char      *fallback;    /* the declared DEFAULT, as SQLite reports it */
} AtlasSchemaColumn;

typedef struct
{
  const char              *name;
  const AtlasSchemaColumn *columns;
  guint                    n_columns;
} AtlasSchemaTable;

typedef enum
{
  /* A dataset package: the dataset's tables and a manifest; the search
   * index and the indexes may be there or not.
   */
  ATLAS_SCHEMA_CHECK_PACKAGE,
  /* A dataset as the store opens it: every object of data/schema.sql. */
  ATLAS_SCHEMA_CHECK_DATASET,
} AtlasSchemaCheck;

GQuark                  atlas_schema_error_quark      (void);
const AtlasSchemaTable *atlas_schema_get_tables       (guint             *n_tables);
const AtlasSchemaTable *atlas_schema_lookup_table     (const char        *name);
const char             *atlas_schema_type_name        (AtlasSchemaType    type);
void                    atlas_schema_append_columns   (GString           *sql,
                                                       const AtlasSchemaTable *table,
                                                       const char        *prefix);
const char             *atlas_schema_get_dataset_sql  (void);
const char             *atlas_schema_get_manifest_sql (void);
const char * const     *atlas_schema_get_search_shadow_tables (void);
gboolean                atlas_schema_check_dataset    (sqlite3           *db,
                                                       const char        *schema,
                                                       AtlasSchemaCheck   check,
                                                       GError           **error);
gboolean                atlas_schema_check_user       (sqlite3           *db,
                                                       const char        *schema,
                                                       int                version,
                                                       GError           **error);
sqlite3                *atlas_schema_open_image       (GBytes            *bytes,
                                                       GError           **error);
gboolean                atlas_schema_check_image      (sqlite3           *db,
                                                       AtlasSchemaCheck   check,
                                                       GCancellable      *cancellable,
                                                       GError           **error);
gboolean                atlas_schema_check_value      (const AtlasSchemaTable  *table,
                                                       guint                    column,
                                                       sqlite3_value           *value,
                                                       GError                 **error);

G_END_DECLS
