/* atlas-import-private.h
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
#include "atlas-input.h"
#include "atlas-store-private.h"

G_BEGIN_DECLS

/* What the import files share: the tables an import may write, the records
 * read from the inputs, and the work of one import (read → validate → apply),
 * which runs in a worker thread on a connection of its own.
 */

typedef enum
{
  COL_TEXT,
  COL_ID,
  COL_REAL,
  COL_INT,
  COL_BOOL,
  COL_DATE,
  COL_CATEGORY,
  COL_PRECISION,
  COL_DATE_PRECISION,
  COL_EVENT_KIND,
  COL_QUALIFIER,
  COL_UNIT,
  COL_ENTITY,
  COL_PARTY_KIND,
  COL_PARTY_ROLE,
  COL_SITE_ROLE,
  COL_SOURCE_KIND,
  COL_LON,
  COL_LAT,
} ColType;

typedef struct
{
  const char *name;
  ColType     type;
  gboolean    required;
  const char *ref;          /* table the value must name, or NULL */
  const char *fallback;     /* value when absent (NOT NULL columns) */
} ColSpec;

typedef struct
{
  const char    *name;
  const ColSpec *cols;
  guint          n_keys;     /* the first n_keys columns are the key */
  gboolean       cited;      /* needs at least one citation */
  const char    *name_col;   /* duplicates by name are looked for here */
  const char    *title_zh;   /* the columns that name a record in the report */
  const char    *title_en;
  const char    *lookup_sql; /* the merged row of a key */
  const char    *keys_sql;   /* every key in the merged data */
  const char    *names_sql;  /* name_col and id of every merged row, or NULL */
  const char    *insert_sql; /* one INSERT OR REPLACE into user.<name> */
} TableSpec;

/* One problem of a record: the column it is about ("6 (lon)" or "lon"), and
 * the reason.
 */
typedef struct
{
  char *column;
  char *message;
} Problem;

typedef struct
{
  const TableSpec *table;
  char           **values;     /* one per column of the spec; NULL when absent */
  gboolean        *present;    /* the input has this column */
  guint           *columns;    /* 1-based input column of each value (CSV), or 0 */
  const char      *file;       /* interned in the work's file list */
  guint            line;
  char            *key;        /* key columns joined by U+001F */
  AtlasImportAction action;
  char            *changes;    /* what a change changes */
  GPtrArray       *problems;   /* Problem, or NULL */
  guint64          bad_columns; /* bit c: column c failed its own check */
  double          *reals;       /* per column, or NULL: values read as numbers */
  guint64          real_ok;     /* bit c: reals[c] is values[c] read */
  guint            n_read_problems;   /* problems found while reading, kept */
  guint64          read_bad_columns;
  gboolean         sealed;      /* reading is over: the above are set */
  gboolean         synthesized; /* a citation made from a record's own source_id/quote */
} Record;

/* A whole input (or its header) rejected, not one record. */
typedef struct
{
  const char *file;
  guint       line;
  char       *column;
  char       *message;
} FileProblem;

typedef struct
{
  AtlasStore   *store;       /* validation reads and apply writes through it */
  GPtrArray    *records;     /* Record */
  GPtrArray    *problems;    /* FileProblem */
  GPtrArray    *files;       /* char*, names of the inputs */
  guint         n_rows;      /* rows read from the inputs, for the limit */
  gboolean      over_limit;
  gboolean      validated;
} ImportWork;

typedef struct _RowSet RowSet;

/* The steps of writing an import that have no count of their own. */
typedef enum
{
  IMPORT_STAGE_INDEXING,     /* the search index is about to be brought up to date */
  IMPORT_STAGE_INDEXED,      /* ... and is, uncommitted */
} ImportStage;

/* How far a long step is, and whether to stop; called from the worker.
 * @stage (may be NULL) hears of the steps that have no count; the tests use
 * it to cancel while the index is being made.
 */
typedef struct
{
  GCancellable *cancellable;
  void        (*func) (gpointer          data,
                       AtlasImportPhase  phase,
                       guint             done,
                       guint             total);
  gpointer      data;
  void        (*stage) (gpointer         data,
                        ImportStage      stage);
} ImportTicker;

/* atlas-import-tables.c */
extern const TableSpec _atlas_import_tables[];
extern const guint     _atlas_import_n_tables;

const TableSpec *_atlas_import_find_table      (const char      *name);
guint            _atlas_import_n_columns       (const TableSpec *table);
int              _atlas_import_column_index    (const TableSpec *table,
                                                const char      *name);
gboolean         _atlas_import_is_ignored_table (const char     *name);
const TableSpec *_atlas_import_table_for_filename (const char   *filename);
const TableSpec *_atlas_import_table_for_header (const TableSpec *named,
                                                 const char * const *header,
                                                 guint            n_header);
Record          *_atlas_record_new             (const TableSpec *table,
                                                const char      *file,
                                                guint            line);
void             _atlas_record_free            (Record          *record);
void             _atlas_record_set             (Record          *record,
                                                guint            index,
                                                const char      *value,
                                                guint            column);
void             _atlas_record_take            (Record          *record,
                                                guint            index,
                                                char            *value,
                                                guint            column);
const char      *_atlas_record_get             (Record          *record,
                                                const char      *name);
gboolean         _atlas_record_get_double      (Record          *record,
                                                guint            index,
                                                double          *value);
void             _atlas_record_replace         (Record          *record,
                                                guint            index,
                                                char            *value);
void             _atlas_record_reject          (Record          *record,
                                                const char      *column,
                                                const char      *format,
                                                ...) G_GNUC_PRINTF (3, 4);
void             _atlas_record_take_problems   (Record          *record,
                                                Record          *from);
gboolean         _atlas_import_parse_double    (const char      *text,
                                                double          *value);
gboolean         _atlas_import_parse_int       (const char      *text,
                                                gint64          *value);

/* atlas-import.c */
ImportWork      *_atlas_import_work_new        (AtlasStore      *store);
void             _atlas_import_work_free       (ImportWork      *work);
const char      *_atlas_import_work_add_file_name (ImportWork   *work,
                                                   const char   *name);
void             _atlas_import_work_add_problem (ImportWork     *work,
                                                 const char     *file,
                                                 guint           line,
                                                 const char     *column,
                                                 const char     *format,
                                                 ...) G_GNUC_PRINTF (5, 6);
gboolean         _atlas_import_ticker_tick     (ImportTicker    *ticker,
                                                AtlasImportPhase phase,
                                                guint            done,
                                                guint            total);

/* atlas-import-read.c */
void             _atlas_import_read_csv        (ImportWork      *work,
                                                const char      *filename,
                                                const char      *data,
                                                gsize            length);
void             _atlas_import_read_json       (ImportWork      *work,
                                                const char      *filename,
                                                const char      *data,
                                                gsize            length);
void             _atlas_import_read_package    (ImportWork      *work,
                                                const char      *filename,
                                                GBytes          *bytes);
void             _atlas_import_read_bytes      (ImportWork      *work,
                                                const char      *name,
                                                GBytes          *bytes);

/* atlas-import-validate.c */
gboolean         _atlas_import_validate        (ImportWork      *work,
                                                ImportTicker    *ticker);
RowSet          *_atlas_import_build_rows      (ImportWork      *work);

/* atlas-import-apply.c */
gboolean         _atlas_import_apply           (ImportWork      *work,
                                                ImportTicker    *ticker,
                                                AtlasImportProgress progress,
                                                gpointer         user_data,
                                                GError         **error);

/* atlas-import-row.c: the report, as plain data */

RowSet          *_atlas_row_set_new            (void);
RowSet          *_atlas_row_set_ref            (RowSet          *set);
void             _atlas_row_set_unref          (RowSet          *set);
guint            _atlas_row_set_get_n_rows     (RowSet          *set);
const guint     *_atlas_row_set_get_counts     (RowSet          *set);
void             _atlas_row_set_add_record     (RowSet          *set,
                                                Record          *record);
void             _atlas_row_set_add_problem    (RowSet          *set,
                                                FileProblem     *problem);
AtlasImportRow  *_atlas_import_row_new         (RowSet          *set,
                                                guint            index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RowSet, _atlas_row_set_unref)

G_END_DECLS
