/* atlas-import.c
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

#define G_LOG_DOMAIN "atlas-import"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "atlas-store-private.h"
#include "atlas-csv.h"
#include "atlas-date.h"
#include "atlas-export.h"
#include "atlas-import.h"
#include "atlas-package.h"
#include "atlas-search-index.h"
#include "atlas-vocabulary.h"

/* Import of records into the user's database.
 *
 * An import is planned before anything is written: every input (CSV files
 * named after their table, the JSON of atlas_export_json(), or a .cqatlas
 * package) is read into records, each record is checked (types, closed
 * vocabularies, references, a source for every cited record, duplicates by id
 * and by name) and classified as added, changed, unchanged or rejected, with
 * the file, line and column of each problem.  Only a plan without rejections
 * can be applied, and it is applied in one transaction: either all of it is
 * in the user's database, or nothing.
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
  const char    *lookup_sql; /* the merged row of a key */
} TableSpec;

static const ColSpec source_cols[] = {
  { "id", COL_ID, TRUE }, { "title_zh", COL_TEXT, TRUE }, { "title_en", COL_TEXT, TRUE },
  { "publisher_zh", COL_TEXT, TRUE }, { "publisher_en", COL_TEXT, TRUE },
  { "published_on", COL_DATE, TRUE }, { "kind", COL_SOURCE_KIND, TRUE },
  { "seed_file", COL_TEXT }, { "note", COL_TEXT }, { NULL },
};
static const ColSpec site_cols[] = {
  { "id", COL_ID, TRUE }, { "name_zh", COL_TEXT, TRUE }, { "name_en", COL_TEXT, TRUE },
  { "category", COL_CATEGORY, TRUE }, { "district_adcode", COL_INT, TRUE, "district" },
  { "lon", COL_LON, TRUE }, { "lat", COL_LAT, TRUE },
  { "location_precision", COL_PRECISION, TRUE },
  { "description_zh", COL_TEXT }, { "description_en", COL_TEXT },
  { "established_on", COL_DATE }, { "note", COL_TEXT }, { NULL },
};
static const ColSpec party_cols[] = {
  { "id", COL_ID, TRUE }, { "name_zh", COL_TEXT, TRUE }, { "name_en", COL_TEXT, TRUE },
  { "kind", COL_PARTY_KIND, TRUE }, { NULL },
};
static const ColSpec event_cols[] = {
  { "id", COL_ID, TRUE }, { "date", COL_DATE, TRUE },
  { "date_precision", COL_DATE_PRECISION, FALSE },
  { "kind", COL_EVENT_KIND, TRUE }, { "title_zh", COL_TEXT, TRUE }, { "title_en", COL_TEXT, TRUE },
  { "summary_zh", COL_TEXT }, { "summary_en", COL_TEXT }, { "amount_cny", COL_REAL },
  { "project_count", COL_INT }, { "place_site_id", COL_ID, FALSE, "site" },
  { "district_adcode", COL_INT, FALSE, "district" }, { "note", COL_TEXT }, { NULL },
};
static const ColSpec event_party_cols[] = {
  { "event_id", COL_ID, TRUE, "event" }, { "party_id", COL_ID, TRUE, "party" },
  { "role", COL_PARTY_ROLE, TRUE }, { NULL },
};
static const ColSpec event_site_cols[] = {
  { "event_id", COL_ID, TRUE, "event" }, { "site_id", COL_ID, TRUE, "site" },
  { "role", COL_SITE_ROLE, TRUE }, { NULL },
};
static const ColSpec series_cols[] = {
  { "id", COL_ID, TRUE }, { "title_zh", COL_TEXT, TRUE }, { "title_en", COL_TEXT, TRUE },
  { "unit", COL_UNIT }, { "stated_total", COL_REAL }, { "note", COL_TEXT }, { NULL },
};
static const ColSpec statistic_cols[] = {
  { "id", COL_ID, TRUE }, { "metric", COL_TEXT, TRUE }, { "label_zh", COL_TEXT, TRUE },
  { "label_en", COL_TEXT, TRUE }, { "value", COL_REAL, TRUE }, { "qualifier", COL_QUALIFIER },
  { "unit", COL_UNIT, TRUE }, { "period", COL_TEXT }, { "scope", COL_TEXT, TRUE },
  { "scope_zh", COL_TEXT, TRUE }, { "scope_en", COL_TEXT, TRUE },
  { "district_adcode", COL_INT, FALSE, "district" }, { "site_id", COL_ID, FALSE, "site" },
  { "as_of", COL_DATE, TRUE }, { "is_target", COL_BOOL, FALSE, NULL, "0" },
  { "series", COL_ID, FALSE, "series" }, { "series_order", COL_INT }, { "note", COL_TEXT },
  { NULL },
};
static const ColSpec citation_cols[] = {
  { "entity", COL_ENTITY, TRUE }, { "entity_id", COL_ID, TRUE },
  { "source_id", COL_ID, TRUE, "source" }, { "quote", COL_TEXT, TRUE },
  { "position", COL_INT, FALSE, NULL, "0" }, { NULL },
};

/* In the order they are written: what is referred to before what refers. */
static const TableSpec table_specs[] = {
  { "source", source_cols, 1, FALSE, "title_zh", "SELECT * FROM v_source WHERE id = ?1" },
  { "site", site_cols, 1, TRUE, "name_zh", "SELECT * FROM v_site WHERE id = ?1" },
  { "party", party_cols, 1, FALSE, "name_zh", "SELECT * FROM v_party WHERE id = ?1" },
  { "event", event_cols, 1, TRUE, NULL, "SELECT * FROM v_event WHERE id = ?1" },
  { "series", series_cols, 1, TRUE, NULL, "SELECT * FROM v_series WHERE id = ?1" },
  { "statistic", statistic_cols, 1, TRUE, NULL, "SELECT * FROM v_statistic WHERE id = ?1" },
  { "event_party", event_party_cols, 3, FALSE, NULL,
    "SELECT * FROM v_event_party WHERE event_id = ?1 AND party_id = ?2 AND role = ?3" },
  { "event_site", event_site_cols, 3, FALSE, NULL,
    "SELECT * FROM v_event_site WHERE event_id = ?1 AND site_id = ?2 AND role = ?3" },
  { "citation", citation_cols, 4, FALSE, NULL,
    "SELECT * FROM v_citation WHERE entity = ?1 AND entity_id = ?2 AND source_id = ?3"
    " AND quote = ?4" },
};

/* Tables of an export that are not the user's to import; skipped quietly. */
static const char * const ignored_tables[] = { "district", "districts", "river", "rivers", "release", NULL };

static const TableSpec *
find_table (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (table_specs); i++)
    if (g_strcmp0 (table_specs[i].name, name) == 0)
      return &table_specs[i];
  return NULL;
}

static guint
n_columns (const TableSpec *table)
{
  guint n = 0;

  while (table->cols[n].name != NULL)
    n++;
  return n;
}

/* ---- AtlasImportRow ------------------------------------------------- */

struct _AtlasImportRow
{
  GObject           parent_instance;

  AtlasImportAction action;
  char             *table;
  char             *id;
  char             *file;
  guint             line;
  char             *column;
  char             *message;
};

G_DEFINE_QUARK (atlas-import-error-quark, atlas_import_error)
G_DEFINE_FINAL_TYPE (AtlasImportRow, atlas_import_row, G_TYPE_OBJECT)

static void
atlas_import_row_finalize (GObject *object)
{
  AtlasImportRow *self = (AtlasImportRow *)object;

  g_free (self->table);
  g_free (self->id);
  g_free (self->file);
  g_free (self->column);
  g_free (self->message);

  G_OBJECT_CLASS (atlas_import_row_parent_class)->finalize (object);
}

static void
atlas_import_row_class_init (AtlasImportRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_import_row_finalize;
}

static void
atlas_import_row_init (AtlasImportRow *self)
{
}

AtlasImportAction
atlas_import_row_get_action (AtlasImportRow *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), ATLAS_IMPORT_ACTION_REJECT);
  return self->action;
}

const char *
atlas_import_row_get_table (AtlasImportRow *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), NULL);
  return self->table;
}

const char *
atlas_import_row_get_id (AtlasImportRow *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), NULL);
  return self->id;
}

const char *
atlas_import_row_get_file (AtlasImportRow *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), NULL);
  return self->file;
}

guint
atlas_import_row_get_line (AtlasImportRow *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), 0);
  return self->line;
}

const char *
atlas_import_row_get_column (AtlasImportRow *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), NULL);
  return self->column;
}

const char *
atlas_import_row_get_message (AtlasImportRow *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), NULL);
  return self->message;
}

/**
 * atlas_import_row_dup_location:
 *
 * Returns: (transfer full): "file:line" or "file:line:column"
 */
char *
atlas_import_row_dup_location (AtlasImportRow *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), NULL);

  if (self->column != NULL)
    return g_strdup_printf ("%s:%u:%s", self->file, self->line, self->column);
  return g_strdup_printf ("%s:%u", self->file, self->line);
}

/* ---- records ---------------------------------------------------------- */

typedef struct
{
  const TableSpec *table;
  char           **values;     /* one per column of the spec; NULL when absent */
  gboolean        *present;    /* the input has this column */
  guint           *columns;    /* 1-based input column of each value (CSV), or 0 */
  char            *file;
  guint            line;
  char            *key;        /* key columns joined by U+001F */
  AtlasImportAction action;
  char            *message;
  char            *column;     /* the column a rejection is about */
  gboolean         synthesized; /* a citation made from a record's own source_id/quote */
} Record;

static void
record_free (Record *record)
{
  guint n = n_columns (record->table);

  for (guint i = 0; i < n; i++)
    g_free (record->values[i]);
  g_free (record->values);
  g_free (record->present);
  g_free (record->columns);
  g_free (record->file);
  g_free (record->key);
  g_free (record->message);
  g_free (record->column);
  g_free (record);
}

static Record *
record_new (const TableSpec *table,
            const char      *file,
            guint            line)
{
  Record *record = g_new0 (Record, 1);
  guint n = n_columns (table);

  record->table = table;
  record->values = g_new0 (char *, n);
  record->present = g_new0 (gboolean, n);
  record->columns = g_new0 (guint, n);
  record->file = g_strdup (file);
  record->line = line;
  record->action = ATLAS_IMPORT_ACTION_ADD;
  return record;
}

static void
record_set (Record     *record,
            guint       index,
            const char *value,
            guint       column)
{
  g_free (record->values[index]);
  /* An empty field is a missing value: CSV cannot tell them apart. */
  record->values[index] = (value != NULL && *value != '\0') ? g_strdup (value) : NULL;
  record->present[index] = TRUE;
  record->columns[index] = column;
}

static int
column_index (const TableSpec *table,
              const char      *name)
{
  for (guint i = 0; table->cols[i].name != NULL; i++)
    if (g_str_equal (table->cols[i].name, name))
      return i;
  return -1;
}

static const char *
record_get (Record     *record,
            const char *name)
{
  int i = column_index (record->table, name);

  return i >= 0 ? record->values[i] : NULL;
}

static void G_GNUC_PRINTF (3, 4)
record_reject (Record     *record,
               const char *column,
               const char *format,
               ...)
{
  va_list args;

  if (record->action == ATLAS_IMPORT_ACTION_REJECT)
    return;    /* the first reason is the one shown */

  record->action = ATLAS_IMPORT_ACTION_REJECT;
  g_free (record->column);
  if (column != NULL)
    {
      int i = column_index (record->table, column);

      if (i >= 0 && record->columns[i] > 0)
        record->column = g_strdup_printf ("%u (%s)", record->columns[i], column);
      else
        record->column = g_strdup (column);
    }
  va_start (args, format);
  g_free (record->message);
  record->message = g_strdup_vprintf (format, args);
  va_end (args);
}

/* ---- AtlasImportPlan -------------------------------------------------- */

typedef struct
{
  char  *file;
  guint  line;
  char  *column;
  char  *message;
} FileProblem;

static void
file_problem_free (FileProblem *problem)
{
  g_free (problem->file);
  g_free (problem->column);
  g_free (problem->message);
  g_free (problem);
}

struct _AtlasImportPlan
{
  GObject     parent_instance;

  AtlasStore *store;
  GPtrArray  *records;        /* Record */
  GPtrArray  *problems;       /* FileProblem: a whole input rejected */
  GListStore *rows;           /* AtlasImportRow */
  GPtrArray  *files;          /* names of the inputs, for the log */
  gboolean    validated;
};

G_DEFINE_FINAL_TYPE (AtlasImportPlan, atlas_import_plan, G_TYPE_OBJECT)

static void
atlas_import_plan_finalize (GObject *object)
{
  AtlasImportPlan *self = (AtlasImportPlan *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (atlas_import_plan_parent_class)->finalize (object);
}

static void
atlas_import_plan_class_init (AtlasImportPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_import_plan_finalize;
}

static void
atlas_import_plan_init (AtlasImportPlan *self)
{
  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) file_problem_free);
  self->files = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_list_store_new (ATLAS_TYPE_IMPORT_ROW);
}

AtlasImportPlan *
atlas_import_plan_new (AtlasStore *store)
{
  AtlasImportPlan *self;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  self = g_object_new (ATLAS_TYPE_IMPORT_PLAN, NULL);
  self->store = g_object_ref (store);
  return self;
}

static void G_GNUC_PRINTF (5, 6)
add_problem (AtlasImportPlan *self,
             const char      *file,
             guint            line,
             const char      *column,
             const char      *format,
             ...)
{
  FileProblem *problem = g_new0 (FileProblem, 1);
  va_list args;

  problem->file = g_strdup (file);
  problem->line = line;
  problem->column = g_strdup (column);
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (self->problems, problem);
  self->validated = FALSE;
}

/* A record's own source_id and quote columns (as in the bundled data files)
 * make a citation of it.
 */
static void
add_inline_citation (AtlasImportPlan *self,
                     Record          *record,
                     const char      *source_id,
                     const char      *quote,
                     guint            source_column,
                     guint            quote_column)
{
  const TableSpec *citation = find_table ("citation");
  Record *made;

  if ((source_id == NULL || *source_id == '\0') && (quote == NULL || *quote == '\0'))
    return;

  made = record_new (citation, record->file, record->line);
  made->synthesized = TRUE;
  record_set (made, 0, record->table->name, 0);
  record_set (made, 1, record->values[0], record->columns[0]);
  record_set (made, 2, source_id, source_column);
  record_set (made, 3, quote, quote_column);
  g_ptr_array_add (self->records, made);
}

/* "sites.csv" → site, "event_parties.csv" → event_party. */
static const TableSpec *
table_for_filename (const char *filename)
{
  g_autofree char *base = g_path_get_basename (filename);
  char *dot = strrchr (base, '.');
  static const struct { const char *plural; const char *table; } plurals[] = {
    { "sources", "source" }, { "sites", "site" }, { "parties", "party" },
    { "events", "event" }, { "event_parties", "event_party" },
    { "event_sites", "event_site" }, { "statistics", "statistic" },
    { "citations", "citation" },
  };

  if (dot != NULL)
    *dot = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (plurals); i++)
    if (g_str_equal (base, plurals[i].plural))
      return find_table (plurals[i].table);
  return find_table (base);
}

static gboolean
is_ignored_table (const char *name)
{
  return g_strv_contains (ignored_tables, name);
}

void
atlas_import_plan_add_csv (AtlasImportPlan *self,
                           const char      *filename,
                           const char      *data,
                           gsize            length)
{
  g_autoptr(AtlasCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree int *map = NULL;
  g_autofree char *base = NULL;
  const TableSpec *table;
  int source_col = -1, quote_col = -1;
  guint n_header;

  g_return_if_fail (ATLAS_IS_IMPORT_PLAN (self));
  g_return_if_fail (filename != NULL);

  base = g_path_get_basename (filename);
  g_ptr_array_add (self->files, g_strdup (base));
  table = table_for_filename (base);
  if (table == NULL)
    {
      g_autofree char *name = g_strdup (base);
      char *dot = strrchr (name, '.');

      if (dot != NULL)
        *dot = '\0';
      if (is_ignored_table (name))
        return;
      add_problem (self, base, 1, NULL,
                   _("The file name does not name a table of the atlas (such as sites.csv, "
                     "events.csv, sources.csv or citations.csv)"));
      return;
    }

  reader = atlas_csv_reader_new (data, length, base);
  atlas_csv_reader_set_max_field (reader, ATLAS_IMPORT_MAX_FIELD);
  if (!atlas_csv_reader_read_header (reader, &error))
    {
      add_problem (self, base, atlas_csv_reader_get_line (reader), NULL, "%s", error->message);
      return;
    }

  n_header = atlas_csv_reader_get_n_columns (reader);
  map = g_new0 (int, n_header);
  for (guint i = 0; i < n_header; i++)
    {
      const char *name = atlas_csv_reader_get_column (reader, i);
      int index = column_index (table, name);

      map[i] = index;
      if (index >= 0)
        continue;
      if (table->cited && g_str_equal (name, "source_id"))
        source_col = i;
      else if (table->cited && g_str_equal (name, "quote"))
        quote_col = i;
      else
        {
          g_autofree char *column = g_strdup_printf ("%u (%s)", i + 1, name);

          add_problem (self, base, atlas_csv_reader_get_line (reader), column,
                       _("Unknown column “%s” for the table “%s”"), name, table->name);
          return;
        }
    }

  for (guint c = 0; table->cols[c].name != NULL; c++)
    {
      gboolean found = FALSE;

      if (!table->cols[c].required)
        continue;
      for (guint i = 0; i < n_header; i++)
        found |= (map[i] == (int) c);
      if (!found)
        {
          add_problem (self, base, atlas_csv_reader_get_line (reader), table->cols[c].name,
                       _("The header has no column “%s”, which the table “%s” needs"),
                       table->cols[c].name, table->name);
          return;
        }
    }

  for (;;)
    {
      Record *record;

      if (!atlas_csv_reader_next (reader, &error))
        {
          if (error != NULL)
            {
              /* The file cannot be trusted past a syntax error: none of it
               * is imported.
               */
              guint first = self->records->len;

              for (guint i = self->records->len; i > 0; i--)
                {
                  Record *r = g_ptr_array_index (self->records, i - 1);
                  if (g_strcmp0 (r->file, base) != 0)
                    break;
                  first = i - 1;
                }
              g_ptr_array_remove_range (self->records, first, self->records->len - first);
              add_problem (self, base, atlas_csv_reader_get_line (reader), NULL,
                           "%s", error->message);
            }
          break;
        }

      record = record_new (table, base, atlas_csv_reader_get_line (reader));
      for (guint i = 0; i < n_header; i++)
        if (map[i] >= 0)
          record_set (record, map[i], atlas_csv_reader_get_field (reader, i), i + 1);
      g_ptr_array_add (self->records, record);
      if (source_col >= 0 || quote_col >= 0)
        add_inline_citation (self, record,
                             source_col >= 0 ? atlas_csv_reader_get_field (reader, source_col) : NULL,
                             quote_col >= 0 ? atlas_csv_reader_get_field (reader, quote_col) : NULL,
                             source_col + 1, quote_col + 1);
    }
}

/* ---- JSON ----------------------------------------------------------- */

static void
on_object_end (JsonParser *parser,
               JsonObject *object,
               GHashTable *lines)
{
  g_hash_table_insert (lines, object, GUINT_TO_POINTER (json_parser_get_current_line (parser)));
}

static char *
json_value_to_text (JsonNode *node,
                    gboolean *ok)
{
  *ok = TRUE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node))
    {
      *ok = FALSE;
      return NULL;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup (g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
      }
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "1" : "0");
    default:
      *ok = FALSE;
      return NULL;
    }
}

void
atlas_import_plan_add_json (AtlasImportPlan *self,
                            const char      *filename,
                            const char      *data,
                            gsize            length)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  JsonNode *root;
  JsonObject *object, *tables;
  g_autoptr(GList) names = NULL;

  g_return_if_fail (ATLAS_IS_IMPORT_PLAN (self));
  g_return_if_fail (filename != NULL);

  base = g_path_get_basename (filename);
  g_ptr_array_add (self->files, g_strdup (base));

  if (!g_utf8_validate_len (data, length, NULL))
    {
      const char *end = NULL;
      guint line = 1;

      g_utf8_validate_len (data, length, &end);
      for (const char *p = data; p < end; p++)
        line += (*p == '\n');
      add_problem (self, base, line, NULL, _("The file is not valid UTF-8"));
      return;
    }

  parser = json_parser_new_immutable ();
  lines = g_hash_table_new (NULL, NULL);
  g_signal_connect (parser, "object-end", G_CALLBACK (on_object_end), lines);
  if (!json_parser_load_from_data (parser, data, length, &error))
    {
      /* json-glib puts the position in the message: "<data>:LINE:COLUMN: …" */
      const char *colon = strchr (error->message, ':');
      guint line = colon != NULL ? (guint) g_ascii_strtoull (colon + 1, NULL, 10) : 0;

      add_problem (self, base, line, NULL, _("The file is not valid JSON: %s"), error->message);
      return;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root)
      || g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (root),
                                                                  "format", ""),
                    ATLAS_EXPORT_FORMAT) != 0)
    {
      add_problem (self, base, 1, "format",
                   _("The file is not a dataset exported by the atlas (its “format” is not “%s”)"),
                   ATLAS_EXPORT_FORMAT);
      return;
    }
  object = json_node_get_object (root);
  if (json_object_get_int_member_with_default (object, "format_version", 0) > ATLAS_EXPORT_FORMAT_VERSION)
    {
      add_problem (self, base, 1, "format_version",
                   _("The file was written by a newer version of the atlas"));
      return;
    }
  if (!json_object_has_member (object, "tables")
      || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "tables")))
    {
      add_problem (self, base, 1, "tables", _("The file has no “tables”"));
      return;
    }

  tables = json_object_get_object_member (object, "tables");
  names = json_object_get_members (tables);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      const TableSpec *table = find_table (name);
      JsonNode *member = json_object_get_member (tables, name);
      JsonArray *rows;

      if (table == NULL)
        {
          if (!is_ignored_table (name))
            add_problem (self, base, 1, name, _("Unknown table “%s”"), name);
          continue;
        }
      if (!JSON_NODE_HOLDS_ARRAY (member))
        {
          add_problem (self, base, 1, name, _("The table “%s” is not a list"), name);
          continue;
        }

      rows = json_node_get_array (member);
      for (guint r = 0; r < json_array_get_length (rows); r++)
        {
          JsonNode *row_node = json_array_get_element (rows, r);
          JsonObject *row;
          Record *record;
          guint line;
          g_autoptr(GList) columns = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (row_node))
            {
              add_problem (self, base, 1, name, _("Row %u of “%s” is not an object"), r + 1, name);
              continue;
            }
          row = json_node_get_object (row_node);
          line = GPOINTER_TO_UINT (g_hash_table_lookup (lines, row));
          record = record_new (table, base, line);
          g_ptr_array_add (self->records, record);

          columns = json_object_get_members (row);
          for (GList *c = columns; c != NULL; c = c->next)
            {
              const char *column = c->data;
              JsonNode *value = json_object_get_member (row, column);
              int index = column_index (table, column);
              gboolean ok;
              g_autofree char *text = NULL;

              if (g_str_equal (column, "citations") && table->n_keys == 1 && JSON_NODE_HOLDS_ARRAY (value))
                {
                  JsonArray *citations = json_node_get_array (value);

                  for (guint k = 0; k < json_array_get_length (citations); k++)
                    {
                      JsonNode *cn = json_array_get_element (citations, k);
                      JsonObject *co;
                      g_autofree char *source_id = NULL;
                      g_autofree char *quote = NULL;

                      if (!JSON_NODE_HOLDS_OBJECT (cn))
                        continue;
                      co = json_node_get_object (cn);
                      source_id = json_value_to_text (json_object_get_member (co, "source_id"), &ok);
                      quote = json_value_to_text (json_object_get_member (co, "quote"), &ok);
                      add_inline_citation (self, record, source_id, quote, 0, 0);
                    }
                  continue;
                }
              if (g_str_equal (column, "from_user"))
                continue;
              if (index < 0)
                {
                  record_reject (record, column, _("Unknown column “%s” for the table “%s”"),
                                 column, name);
                  continue;
                }
              text = json_value_to_text (value, &ok);
              if (!ok)
                {
                  record_reject (record, column, _("The value of “%s” must be text or a number"),
                                 column);
                  continue;
                }
              if (text != NULL && strlen (text) > ATLAS_IMPORT_MAX_FIELD)
                {
                  record_reject (record, column, _("The value of “%s” is larger than %u bytes"),
                                 column, (guint) ATLAS_IMPORT_MAX_FIELD);
                  continue;
                }
              record_set (record, index, text, 0);
            }
        }
    }
}

/* ---- packages ------------------------------------------------------- */

void
atlas_import_plan_add_package (AtlasImportPlan *self,
                               const char      *filename,
                               GBytes          *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  sqlite3 *db = NULL;

  g_return_if_fail (ATLAS_IS_IMPORT_PLAN (self));

  base = g_path_get_basename (filename);
  g_ptr_array_add (self->files, g_strdup (base));

  db = atlas_package_open (bytes, &error);
  if (db == NULL)
    {
      add_problem (self, base, 0, NULL, "%s", error->message);
      return;
    }

  for (guint t = 0; t < G_N_ELEMENTS (table_specs); t++)
    {
      const TableSpec *table = &table_specs[t];
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *sql = g_strdup_printf ("SELECT rowid, * FROM main.%s", table->name);

      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          add_problem (self, base, 0, table->name, _("The package has no table “%s”"), table->name);
          continue;
        }
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          Record *record = record_new (table, base, sqlite3_column_int (stmt, 0));

          for (int c = 1; c < sqlite3_column_count (stmt); c++)
            {
              int index = column_index (table, sqlite3_column_name (stmt, c));

              if (index >= 0)
                record_set (record, index, (const char *) sqlite3_column_text (stmt, c), 0);
            }
          g_ptr_array_add (self->records, record);
        }
    }

  sqlite3_close (db);
}

/**
 * atlas_import_plan_add_file:
 *
 * Reads @file (.csv, .json or .cqatlas) into the plan.  Problems with its
 * content are rows of the plan; @error is only for a file that cannot be read.
 */
gboolean
atlas_import_plan_add_file (AtlasImportPlan  *self,
                            GFile            *file,
                            GCancellable     *cancellable,
                            GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return FALSE;

  name = g_file_get_basename (file);
  data = g_bytes_get_data (bytes, &length);
  if (g_str_has_suffix (name, ".json"))
    atlas_import_plan_add_json (self, name, data, length);
  else if (g_str_has_suffix (name, ".cqatlas") || g_str_has_suffix (name, ".sqlite"))
    atlas_import_plan_add_package (self, name, bytes);
  else
    atlas_import_plan_add_csv (self, name, data, length);
  return TRUE;
}

/* ---- validation ----------------------------------------------------- */

static char *
make_key (const TableSpec *table,
          char           **values)
{
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint k = 0; k < table->n_keys; k++)
    {
      if (k > 0)
        g_string_append_c (key, '\x1f');
      g_string_append (key, values[k] ? values[k] : "");
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

static gboolean
parse_double (const char *text,
              double     *value)
{
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value);
}

static gboolean
parse_int (const char *text,
           gint64     *value)
{
  char *end = NULL;
  double d;

  *value = g_ascii_strtoll (text, &end, 10);
  if (end != text && *end == '\0')
    return TRUE;
  /* "41.0" from a spreadsheet is 41. */
  if (parse_double (text, &d) && fabs (d) < 1e15 && d == (double) (gint64) d)
    {
      *value = (gint64) d;
      return TRUE;
    }
  return FALSE;
}

/* Checks one value against its column; returns a reason, or NULL. */
static char *
check_value (const ColSpec *col,
             const char    *value)
{
  double d;
  gint64 i;
  AtlasDate date;
  int category;

  switch (col->type)
    {
    case COL_TEXT:
      return NULL;
    case COL_ID:
      if (!atlas_id_is_valid (value))
        return g_strdup_printf (_("“%s” is not a valid id (lower-case letters, digits and "
                                  "hyphens)"), value);
      return NULL;
    case COL_REAL:
      if (!parse_double (value, &d))
        return g_strdup_printf (_("“%s” is not a number"), value);
      return NULL;
    case COL_INT:
      if (!parse_int (value, &i))
        return g_strdup_printf (_("“%s” is not a whole number"), value);
      return NULL;
    case COL_BOOL:
      if (!g_str_equal (value, "0") && !g_str_equal (value, "1"))
        return g_strdup_printf (_("“%s” is neither 0 nor 1"), value);
      return NULL;
    case COL_DATE:
      if (!atlas_date_parse (value, &date, NULL))
        return g_strdup_printf (_("“%s” is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"), value);
      return NULL;
    case COL_CATEGORY:
      if (!atlas_site_category_from_string (value, (AtlasSiteCategory *) &category))
        return g_strdup_printf (_("“%s” is not a site category"), value);
      return NULL;
    case COL_PRECISION:
      if (!atlas_location_precision_from_string (value, (AtlasLocationPrecision *) &category))
        return g_strdup_printf (_("“%s” is not a location precision (exact, approximate, "
                                  "district)"), value);
      return NULL;
    case COL_DATE_PRECISION:
      if (!atlas_date_precision_from_string (value, (AtlasDatePrecision *) &category))
        return g_strdup_printf (_("“%s” is not a date precision (day, month, year)"), value);
      return NULL;
    case COL_EVENT_KIND:
      if (!atlas_event_kind_from_string (value, (AtlasEventKind *) &category))
        return g_strdup_printf (_("“%s” is not a kind of event"), value);
      return NULL;
    case COL_QUALIFIER:
      if (!atlas_qualifier_from_string (value, (AtlasQualifier *) &category))
        return g_strdup_printf (_("“%s” is not a qualifier (over, about, nearly, at_least)"), value);
      return NULL;
    case COL_UNIT:
      if (!atlas_unit_from_string (value, (AtlasUnit *) &category))
        return g_strdup_printf (_("“%s” is not a unit"), value);
      return NULL;
    case COL_ENTITY:
      if (!g_str_equal (value, "site") && !g_str_equal (value, "event")
          && !g_str_equal (value, "statistic") && !g_str_equal (value, "series")
          && !g_str_equal (value, "party"))
        return g_strdup_printf (_("“%s” is not a kind of record (site, event, statistic, series, "
                                  "party)"), value);
      return NULL;
    case COL_PARTY_KIND:
      if (!atlas_party_kind_is_valid (value))
        return g_strdup_printf (_("“%s” is not a kind of party"), value);
      return NULL;
    case COL_PARTY_ROLE:
      if (!atlas_party_role_is_valid (value))
        return g_strdup_printf (_("“%s” is not a role of a party"), value);
      return NULL;
    case COL_SITE_ROLE:
      if (!atlas_site_role_is_valid (value))
        return g_strdup_printf (_("“%s” is not a role of a site"), value);
      return NULL;
    case COL_SOURCE_KIND:
      if (!atlas_source_kind_is_valid (value))
        return g_strdup_printf (_("“%s” is not a kind of source"), value);
      return NULL;
    case COL_LON:
      if (!parse_double (value, &d))
        return g_strdup_printf (_("“%s” is not a number"), value);
      if (d < 105.0 || d > 110.5)
        return g_strdup_printf (_("Longitude %s is outside Chongqing"), value);
      return NULL;
    case COL_LAT:
      if (!parse_double (value, &d))
        return g_strdup_printf (_("“%s” is not a number"), value);
      if (d < 28.0 || d > 32.5)
        return g_strdup_printf (_("Latitude %s is outside Chongqing"), value);
      return NULL;
    default:
      g_assert_not_reached ();
    }
}

/* Does the merged data (bundled and user) hold @id in @table? */
static gboolean
exists_in_store (AtlasImportPlan *self,
                 const char      *table,
                 const char      *id)
{
  sqlite3_stmt *stmt;
  gboolean found;

  if (g_str_equal (table, "district"))
    stmt = atlas_store_prepare (self->store, "SELECT 1 FROM main.district WHERE adcode = ?1", NULL);
  else if (g_str_equal (table, "source"))
    stmt = atlas_store_prepare (self->store, "SELECT 1 FROM v_source WHERE id = ?1", NULL);
  else if (g_str_equal (table, "site"))
    stmt = atlas_store_prepare (self->store, "SELECT 1 FROM v_site WHERE id = ?1", NULL);
  else if (g_str_equal (table, "event"))
    stmt = atlas_store_prepare (self->store, "SELECT 1 FROM v_event WHERE id = ?1", NULL);
  else if (g_str_equal (table, "party"))
    stmt = atlas_store_prepare (self->store, "SELECT 1 FROM v_party WHERE id = ?1", NULL);
  else if (g_str_equal (table, "series"))
    stmt = atlas_store_prepare (self->store, "SELECT 1 FROM v_series WHERE id = ?1", NULL);
  else if (g_str_equal (table, "statistic"))
    stmt = atlas_store_prepare (self->store, "SELECT 1 FROM v_statistic WHERE id = ?1", NULL);
  else
    return FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
values_equal (const ColSpec *col,
              const char    *a,
              const char    *b)
{
  double x, y;

  if (a == NULL || *a == '\0')
    return b == NULL || *b == '\0';
  if (b == NULL || *b == '\0')
    return FALSE;
  if ((col->type == COL_REAL || col->type == COL_INT || col->type == COL_LON
       || col->type == COL_LAT || col->type == COL_BOOL)
      && parse_double (a, &x) && parse_double (b, &y))
    return x == y;
  return g_str_equal (a, b);
}

/* At most 40 characters of @text, for the preview. */
static char *
shorten (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, -1) <= 40)
    return g_strdup (text);
  return g_utf8_substring (text, 0, 40);
}

/* Compares @record with the row of the same key in the merged data. */
static void
classify (AtlasImportPlan *self,
          Record          *record)
{
  const TableSpec *table = record->table;
  sqlite3_stmt *stmt = atlas_store_prepare (self->store, table->lookup_sql, NULL);
  g_autoptr(GString) changes = g_string_new (NULL);
  guint n_changes = 0;

  if (stmt == NULL)
    return;
  for (guint k = 0; k < table->n_keys; k++)
    sqlite3_bind_text (stmt, k + 1, record->values[k] ? record->values[k] : "", -1,
                       SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      record->action = ATLAS_IMPORT_ACTION_ADD;
      sqlite3_reset (stmt);
      return;
    }

  for (int c = 0; c < sqlite3_column_count (stmt); c++)
    {
      const char *name = sqlite3_column_name (stmt, c);
      int index = column_index (table, name);
      const char *old;

      if (index < 0 || !record->present[index])
        continue;
      old = (const char *) sqlite3_column_text (stmt, c);
      if (!values_equal (&table->cols[index], record->values[index], old))
        {
          if (n_changes++ < 3)
            {
              g_autofree char *was = shorten (old);
              g_autofree char *now = shorten (record->values[index]);

              if (changes->len > 0)
                g_string_append (changes, "; ");
              g_string_append_printf (changes, "%s: “%s” → “%s”", name, was, now);
            }
        }
    }
  sqlite3_reset (stmt);

  if (n_changes == 0)
    record->action = ATLAS_IMPORT_ACTION_UNCHANGED;
  else
    {
      record->action = ATLAS_IMPORT_ACTION_CHANGE;
      if (n_changes > 3)
        g_string_append_printf (changes, _(" (and %u more)"), n_changes - 3);
      record->message = g_string_free (g_steal_pointer (&changes), FALSE);
    }
}

static gboolean
has_citation_in_store (AtlasImportPlan *self,
                       const char      *entity,
                       const char      *id)
{
  sqlite3_stmt *stmt = atlas_store_prepare (self->store,
                                            "SELECT 1 FROM v_citation"
                                            " WHERE entity = ?1 AND entity_id = ?2", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* A new record whose name is that of another record already there. */
static char *
find_same_name (AtlasImportPlan *self,
                Record          *record)
{
  const TableSpec *table = record->table;
  const char *name;
  sqlite3_stmt *stmt = NULL;
  char *other = NULL;

  if (table->name_col == NULL || (name = record_get (record, table->name_col)) == NULL)
    return NULL;

  if (g_str_equal (table->name, "site"))
    stmt = atlas_store_prepare (self->store, "SELECT id FROM v_site WHERE name_zh = ?1 AND id != ?2", NULL);
  else if (g_str_equal (table->name, "party"))
    stmt = atlas_store_prepare (self->store, "SELECT id FROM v_party WHERE name_zh = ?1 AND id != ?2", NULL);
  else if (g_str_equal (table->name, "source"))
    stmt = atlas_store_prepare (self->store, "SELECT id FROM v_source WHERE title_zh = ?1 AND id != ?2", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, record->values[0], -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    other = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return other;
}

static GHashTable *
keys_of (GHashTable *keys,
         const char *table)
{
  GHashTable *set = g_hash_table_lookup (keys, table);

  if (set == NULL)
    {
      set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (keys, g_strdup (table), set);
    }
  return set;
}

/**
 * atlas_import_plan_validate:
 *
 * Checks every record read so far and classifies it; fills the rows.
 */
void
atlas_import_plan_validate (AtlasImportPlan *self)
{
  g_autoptr(GHashTable) first_seen = NULL;   /* table\x1ekey → Record* */
  g_autoptr(GHashTable) keys = NULL;         /* table → set of ids in the import */
  g_autoptr(GHashTable) names = NULL;        /* table\x1ename → Record* */
  g_autoptr(GHashTable) cited = NULL;        /* entity\x1fid of import citations */
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (ATLAS_IS_IMPORT_PLAN (self));

  first_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Pass 1: each value on its own; duplicates inside the import. */
  for (guint i = 0; i < self->records->len; i++)
    {
      Record *record = g_ptr_array_index (self->records, i);
      const TableSpec *table = record->table;
      g_autofree char *seen_key = NULL;
      Record *first;

      if (record->action == ATLAS_IMPORT_ACTION_REJECT)
        continue;    /* already rejected while reading */
      record->action = ATLAS_IMPORT_ACTION_ADD;
      g_clear_pointer (&record->message, g_free);

      for (guint c = 0; table->cols[c].name != NULL; c++)
        {
          const ColSpec *col = &table->cols[c];
          const char *value = record->values[c];
          g_autofree char *reason = NULL;

          if (value == NULL)
            {
              if (col->required)
                record_reject (record, col->name, _("“%s” is required"), col->name);
              continue;
            }
          if (strlen (value) > ATLAS_IMPORT_MAX_FIELD)
            record_reject (record, col->name, _("The value of “%s” is larger than %u bytes"),
                           col->name, (guint) ATLAS_IMPORT_MAX_FIELD);
          else if ((reason = check_value (col, value)) != NULL)
            record_reject (record, col->name, "%s", reason);
        }
      if (record->action == ATLAS_IMPORT_ACTION_REJECT)
        continue;

      g_free (record->key);
      record->key = make_key (table, record->values);
      seen_key = g_strconcat (table->name, "\x1e", record->key, NULL);
      first = g_hash_table_lookup (first_seen, seen_key);
      if (first != NULL)
        {
          if (record->synthesized || first->synthesized)
            record->action = ATLAS_IMPORT_ACTION_UNCHANGED;   /* the same citation twice */
          else
            record_reject (record, table->cols[0].name,
                           _("Duplicate: the same %s “%s” is also on line %u of %s"),
                           table->name, record->values[0], first->line, first->file);
          continue;
        }
      g_hash_table_insert (first_seen, g_steal_pointer (&seen_key), record);

      if (table->name_col != NULL && record->values[column_index (table, table->name_col)] != NULL)
        {
          g_autofree char *name_key = g_strconcat (table->name, "\x1e",
                                                   record->values[column_index (table, table->name_col)],
                                                   NULL);
          Record *same = g_hash_table_lookup (names, name_key);

          if (same != NULL)
            {
              record_reject (record, table->name_col,
                             _("Duplicate: “%s” has the same name as %s “%s” on line %u of %s"),
                             record->values[0], table->name, same->values[0], same->line, same->file);
              continue;
            }
          g_hash_table_insert (names, g_steal_pointer (&name_key), record);
        }
    }

  /* What the import itself defines. */
  for (guint i = 0; i < self->records->len; i++)
    {
      Record *record = g_ptr_array_index (self->records, i);

      if (record->action == ATLAS_IMPORT_ACTION_REJECT || record->table->n_keys != 1)
        continue;
      g_hash_table_add (keys_of (keys, record->table->name), g_strdup (record->values[0]));
    }

  /* Pass 2: references, sources, names against the data already there. */
  for (guint pass = 0; pass < 2; pass++)
    {
      /* Citations first (pass 0), so records can tell whether they are cited. */
      for (guint i = 0; i < self->records->len; i++)
        {
          Record *record = g_ptr_array_index (self->records, i);
          const TableSpec *table = record->table;
          gboolean is_citation = g_str_equal (table->name, "citation");

          if ((pass == 0) != is_citation || record->action == ATLAS_IMPORT_ACTION_REJECT)
            continue;
          if (record->action == ATLAS_IMPORT_ACTION_UNCHANGED && record->synthesized)
            continue;

          for (guint c = 0; table->cols[c].name != NULL; c++)
            {
              const ColSpec *col = &table->cols[c];
              const char *value = record->values[c];
              GHashTable *set;

              if (col->ref == NULL || value == NULL)
                continue;
              set = g_hash_table_lookup (keys, col->ref);
              if ((set == NULL || !g_hash_table_contains (set, value))
                  && !exists_in_store (self, col->ref, value))
                record_reject (record, col->name, _("Unknown %s “%s”"), col->ref, value);
            }

          /* A record's own source_id that names no source: the record says so. */
          if (record->synthesized && record->action == ATLAS_IMPORT_ACTION_REJECT)
            {
              g_autofree char *owner_key = g_strconcat (record->values[0], "\x1e", record->values[1], NULL);
              Record *owner = g_hash_table_lookup (first_seen, owner_key);

              if (owner != NULL && owner->action != ATLAS_IMPORT_ACTION_REJECT)
                {
                  owner->action = ATLAS_IMPORT_ACTION_REJECT;
                  g_free (owner->message);
                  owner->message = g_strdup (record->message);
                  g_free (owner->column);
                  owner->column = g_strdup (record->column);
                }
              continue;
            }

          if (is_citation && record->action != ATLAS_IMPORT_ACTION_REJECT)
            {
              const char *entity = record->values[0];
              const char *id = record->values[1];
              GHashTable *set = g_hash_table_lookup (keys, entity);

              if ((set == NULL || !g_hash_table_contains (set, id))
                  && !exists_in_store (self, entity, id))
                record_reject (record, "entity_id", _("Unknown %s “%s”"), entity, id);
              else
                g_hash_table_add (cited, g_strconcat (entity, "\x1f", id, NULL));
            }

          if (table->cited && record->action != ATLAS_IMPORT_ACTION_REJECT)
            {
              g_autofree char *cited_key = g_strconcat (table->name, "\x1f", record->values[0], NULL);

              if (!g_hash_table_contains (cited, cited_key)
                  && !has_citation_in_store (self, table->name, record->values[0]))
                record_reject (record, NULL,
                               _("%s “%s” has no source: give it a source_id and a quote, or a row "
                                 "in citations.csv"), table->name, record->values[0]);
            }

          if (record->action == ATLAS_IMPORT_ACTION_REJECT)
            continue;

          if (g_str_equal (table->name, "event") && record->values[2] == NULL)
            {
              AtlasDate date;

              if (atlas_date_parse (record->values[1], &date, NULL))
                {
                  record->values[2] = g_strdup (atlas_date_precision_to_string (date.precision));
                  record->present[2] = record->present[1];
                }
            }

          classify (self, record);

          if (record->action == ATLAS_IMPORT_ACTION_ADD)
            {
              g_autofree char *other = find_same_name (self, record);

              if (other != NULL)
                record_reject (record, table->name_col,
                               _("Duplicate: %s “%s” has the same name as “%s”, already in the atlas"),
                               table->name, record->values[0], other);
            }
        }
    }

  /* A record rejected leaves its citations nothing to cite. */
  for (guint i = 0; i < self->records->len; i++)
    {
      Record *record = g_ptr_array_index (self->records, i);
      g_autofree char *seen_key = NULL;
      Record *owner;

      if (!record->synthesized || record->action == ATLAS_IMPORT_ACTION_REJECT)
        continue;
      seen_key = g_strconcat (record->values[0], "\x1e", record->values[1], NULL);
      owner = g_hash_table_lookup (first_seen, seen_key);
      if (owner != NULL && owner->action == ATLAS_IMPORT_ACTION_REJECT)
        record->action = ATLAS_IMPORT_ACTION_UNCHANGED;
    }

  /* The rows the preview shows. */
  g_list_store_remove_all (self->rows);
  for (guint i = 0; i < self->problems->len; i++)
    {
      FileProblem *problem = g_ptr_array_index (self->problems, i);
      AtlasImportRow *row = g_object_new (ATLAS_TYPE_IMPORT_ROW, NULL);

      row->action = ATLAS_IMPORT_ACTION_REJECT;
      row->file = g_strdup (problem->file);
      row->line = problem->line;
      row->column = g_strdup (problem->column);
      row->message = g_strdup (problem->message);
      g_ptr_array_add (rows, row);
    }
  for (guint i = 0; i < self->records->len; i++)
    {
      Record *record = g_ptr_array_index (self->records, i);
      AtlasImportRow *row;

      /* A record's own citation shows through the record. */
      if (record->synthesized && record->action != ATLAS_IMPORT_ACTION_ADD)
        continue;
      row = g_object_new (ATLAS_TYPE_IMPORT_ROW, NULL);
      row->action = record->action;
      row->table = g_strdup (record->table->name);
      /* A link row is named by its first two key columns ("site hand-lab"). */
      row->id = record->table->n_keys > 1
                ? g_strdup_printf ("%s %s", record->values[0] ? record->values[0] : "",
                                   record->values[1] ? record->values[1] : "")
                : g_strdup (record->values[0]);
      row->file = g_strdup (record->file);
      row->line = record->line;
      row->column = g_strdup (record->column);
      row->message = g_strdup (record->message);
      g_ptr_array_add (rows, row);
    }
  g_list_store_splice (self->rows, 0, 0, rows->pdata, rows->len);
  self->validated = TRUE;
}

/**
 * atlas_import_plan_get_rows:
 *
 * Returns: (transfer none): the #AtlasImportRow of each record and problem
 */
GListModel *
atlas_import_plan_get_rows (AtlasImportPlan *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), NULL);

  if (!self->validated)
    atlas_import_plan_validate (self);
  return G_LIST_MODEL (self->rows);
}

guint
atlas_import_plan_count (AtlasImportPlan   *self,
                         AtlasImportAction  action)
{
  GListModel *rows = atlas_import_plan_get_rows (self);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(AtlasImportRow) row = g_list_model_get_item (rows, i);
      n += row->action == action;
    }
  return n;
}

gboolean
atlas_import_plan_can_apply (AtlasImportPlan *self)
{
  return atlas_import_plan_count (self, ATLAS_IMPORT_ACTION_REJECT) == 0
         && (atlas_import_plan_count (self, ATLAS_IMPORT_ACTION_ADD) > 0
             || atlas_import_plan_count (self, ATLAS_IMPORT_ACTION_CHANGE) > 0);
}

/**
 * atlas_import_plan_dup_summary:
 *
 * Returns: (transfer full): "3 to add, 1 to change, 2 rejected" in words
 */
char *
atlas_import_plan_dup_summary (AtlasImportPlan *self)
{
  guint added = atlas_import_plan_count (self, ATLAS_IMPORT_ACTION_ADD);
  guint changed = atlas_import_plan_count (self, ATLAS_IMPORT_ACTION_CHANGE);
  guint same = atlas_import_plan_count (self, ATLAS_IMPORT_ACTION_UNCHANGED);
  guint rejected = atlas_import_plan_count (self, ATLAS_IMPORT_ACTION_REJECT);
  g_autofree char *a = g_strdup_printf (g_dngettext (NULL, "%u record to add", "%u records to add", added), added);
  g_autofree char *c = g_strdup_printf (g_dngettext (NULL, "%u to change", "%u to change", changed), changed);
  g_autofree char *s = g_strdup_printf (g_dngettext (NULL, "%u already there", "%u already there", same), same);
  g_autofree char *r = g_strdup_printf (g_dngettext (NULL, "%u rejected", "%u rejected", rejected), rejected);

  /* Translators: the four parts of an import's summary */
  return g_strdup_printf (_("%s, %s, %s, %s"), a, c, s, r);
}

/* ---- writing -------------------------------------------------------- */

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  return atlas_sqlite_exec (db, sql, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_FAILED, error);
}

static void
bind_value (sqlite3_stmt  *stmt,
            int            index,
            const ColSpec *col,
            const char    *value)
{
  double d;
  gint64 i;

  if (value == NULL || *value == '\0')
    {
      if (col->fallback != NULL)
        sqlite3_bind_text (stmt, index, col->fallback, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, index);
      return;
    }
  switch (col->type)
    {
    case COL_REAL:
    case COL_LON:
    case COL_LAT:
      if (parse_double (value, &d))
        {
          sqlite3_bind_double (stmt, index, d);
          return;
        }
      break;
    case COL_INT:
    case COL_BOOL:
      if (parse_int (value, &i))
        {
          sqlite3_bind_int64 (stmt, index, i);
          return;
        }
      break;
    default:
      break;
    }
  sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

/* For a change, the columns the input leaves out keep their values. */
static void
fill_from_store (AtlasImportPlan *self,
                 Record          *record)
{
  const TableSpec *table = record->table;
  sqlite3_stmt *stmt = atlas_store_prepare (self->store, table->lookup_sql, NULL);

  if (stmt == NULL)
    return;
  for (guint k = 0; k < table->n_keys; k++)
    sqlite3_bind_text (stmt, k + 1, record->values[k], -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          int index = column_index (table, sqlite3_column_name (stmt, c));

          if (index >= 0 && !record->present[index])
            {
              record->values[index] = g_strdup ((const char *) sqlite3_column_text (stmt, c));
              record->present[index] = TRUE;
            }
        }
    }
  sqlite3_reset (stmt);
}

/**
 * atlas_import_plan_apply:
 * @progress: (nullable): called every few records; returning %FALSE cancels
 *
 * Writes the plan into the user's database in one transaction.  A plan with
 * rejections is refused; on any failure nothing is written.
 */
gboolean
atlas_import_plan_apply (AtlasImportPlan      *self,
                         AtlasImportProgress   progress,
                         gpointer              user_data,
                         GError              **error)
{
  sqlite3 *db;
  guint total = 0, done = 0, added, changed;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  g_autofree char *files = NULL;

  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), FALSE);

  if (!self->validated)
    atlas_import_plan_validate (self);
  if (atlas_import_plan_count (self, ATLAS_IMPORT_ACTION_REJECT) > 0)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_REJECTED,
                   _("Nothing was imported: %u lines were rejected"),
                   atlas_import_plan_count (self, ATLAS_IMPORT_ACTION_REJECT));
      return FALSE;
    }
  added = atlas_import_plan_count (self, ATLAS_IMPORT_ACTION_ADD);
  changed = atlas_import_plan_count (self, ATLAS_IMPORT_ACTION_CHANGE);

  for (guint i = 0; i < self->records->len; i++)
    {
      Record *record = g_ptr_array_index (self->records, i);
      total += record->action == ATLAS_IMPORT_ACTION_ADD || record->action == ATLAS_IMPORT_ACTION_CHANGE;
    }

  db = atlas_store_get_db (self->store);
  /* Deferred: an immediate transaction would lock the read-only dataset. */
  if (!exec_sql (db, "BEGIN", error))
    return FALSE;

  for (guint t = 0; t < G_N_ELEMENTS (table_specs); t++)
    {
      const TableSpec *table = &table_specs[t];
      g_autoptr(GString) sql = g_string_new ("INSERT OR REPLACE INTO user.");
      g_autoptr(sqlite3_stmt) stmt = NULL;
      guint n = n_columns (table);

      /* Column names come from the table specs above, never from the input. */
      g_string_append_printf (sql, "%s (", table->name);
      for (guint c = 0; c < n; c++)
        g_string_append_printf (sql, "%s%s", c > 0 ? ", " : "", table->cols[c].name);
      g_string_append (sql, ") VALUES (");
      for (guint c = 0; c < n; c++)
        g_string_append_printf (sql, "%s?%u", c > 0 ? ", " : "", c + 1);
      g_string_append (sql, ")");

      if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
        {
          g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_FAILED, "%s", sqlite3_errmsg (db));
          goto fail;
        }

      for (guint i = 0; i < self->records->len; i++)
        {
          Record *record = g_ptr_array_index (self->records, i);

          if (record->table != table
              || (record->action != ATLAS_IMPORT_ACTION_ADD && record->action != ATLAS_IMPORT_ACTION_CHANGE))
            continue;
          if (record->action == ATLAS_IMPORT_ACTION_CHANGE)
            fill_from_store (self, record);

          sqlite3_reset (stmt);
          sqlite3_clear_bindings (stmt);
          for (guint c = 0; c < n; c++)
            bind_value (stmt, c + 1, &table->cols[c], record->values[c]);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            {
              g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_FAILED,
                           "%s:%u: %s", record->file, record->line, sqlite3_errmsg (db));
              goto fail;
            }

          done++;
          if (progress != NULL && (done % 16 == 0 || done == total)
              && !progress (done, total, user_data))
            {
              g_set_error_literal (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_CANCELLED,
                                   _("The import was cancelled; nothing was imported"));
              goto fail;
            }
        }
    }

  {
    g_autoptr(GError) local_error = NULL;
    g_autoptr(sqlite3_stmt) log = NULL;

    if (!atlas_search_index_rebuild (db, "user", &local_error))
      {
        g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_FAILED, "%s", local_error->message);
        goto fail;
      }

    g_ptr_array_add (self->files, NULL);
    files = g_strjoinv (", ", (char **) self->files->pdata);
    g_ptr_array_remove_index (self->files, self->files->len - 1);
    if (sqlite3_prepare_v2 (db, "INSERT INTO user.import_log (imported_at, file, added, changed)"
                                " VALUES (?1, ?2, ?3, ?4)", -1, &log, NULL) != SQLITE_OK)
      {
        g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_FAILED, "%s", sqlite3_errmsg (db));
        goto fail;
      }
    sqlite3_bind_text (log, 1, stamp, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (log, 2, files, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int (log, 3, added);
    sqlite3_bind_int (log, 4, changed);
    if (sqlite3_step (log) != SQLITE_DONE)
      {
        g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_FAILED, "%s", sqlite3_errmsg (db));
        goto fail;
      }
  }

  if (!exec_sql (db, "COMMIT", error))
    goto fail;

  /* The plan is spent: what it added is now "already there". */
  self->validated = FALSE;
  return TRUE;

fail:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}
