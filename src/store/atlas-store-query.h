/* atlas-store-query.h
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

#include "atlas-store.h"

G_BEGIN_DECLS

/* The questions the model asks the store.  The SQL behind each stays in
 * atlas-store-query.c; the model reads the answers by column name through
 * AtlasRows and never sees SQLite.
 */
typedef enum
{
  ATLAS_QUERY_SOURCES,
  ATLAS_QUERY_DISTRICTS,
  ATLAS_QUERY_RIVERS,
  ATLAS_QUERY_AREAS,
  ATLAS_QUERY_AREA_DISTRICTS,
  ATLAS_QUERY_SITES,
  ATLAS_QUERY_SITES_AT_MOST,
  ATLAS_QUERY_PARTIES,
  ATLAS_QUERY_EVENTS,
  ATLAS_QUERY_EVENT_PARTIES,
  ATLAS_QUERY_EVENT_SITES,
  ATLAS_QUERY_SERIES,
  ATLAS_QUERY_STATISTICS,
  ATLAS_QUERY_CITATION_COUNT_OF, /* ?1 source id */
  ATLAS_QUERY_CITATIONS_OF,      /* ?1 entity, ?2 entity id */
  ATLAS_QUERY_RECORDS_CITING,    /* ?1 source id */
  ATLAS_QUERY_SITE_TEXTS,        /* ?1 site id */
  ATLAS_N_QUERIES
} AtlasQuery;

typedef struct _AtlasRows AtlasRows;

AtlasRows     *atlas_store_query      (AtlasStore   *store,
                                       AtlasQuery    query,
                                       const char   *param1,
                                       const char   *param2,
                                       GError      **error);
gboolean       atlas_rows_next        (AtlasRows    *rows);
gboolean       atlas_rows_finish      (AtlasRows    *rows,
                                       GError      **error);
int            atlas_rows_column      (AtlasRows    *rows,
                                       const char   *name);
const char    *atlas_rows_text        (AtlasRows    *rows,
                                       int           column);
gboolean       atlas_rows_is_null     (AtlasRows    *rows,
                                       int           column);
int            atlas_rows_int         (AtlasRows    *rows,
                                       int           column,
                                       int           if_null);
double         atlas_rows_double      (AtlasRows    *rows,
                                       int           column,
                                       double        if_null);
gconstpointer  atlas_rows_blob        (AtlasRows    *rows,
                                       int           column,
                                       gsize        *size);
void           atlas_rows_free        (AtlasRows    *rows);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasRows, atlas_rows_free)

G_END_DECLS
