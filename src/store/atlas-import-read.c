/* atlas-import-read.c
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
#include <string.h>

#include "atlas-csv.h"
#include "atlas-export.h"
#include "atlas-import-private.h"
#include "atlas-package.h"

/* Reading the inputs of an import into records: CSV files (the table named
 * by the file name or recognised from the header), the JSON of
 * atlas_export_json(), and .cqatlas packages.  Nothing is checked against
 * the data here beyond what reading needs; see atlas-import-validate.c.
 * Every input counts towards ATLAS_INPUT_MAX_ROWS.
 */

/* Counts one row towards the limit; FALSE (and a problem, once) past it. */
static gboolean
take_row (ImportWork *work,
          const char *file,
          guint       line)
{
  if (work->over_limit)
    return FALSE;
  if (++work->n_rows <= ATLAS_INPUT_MAX_ROWS)
    return TRUE;

  work->over_limit = TRUE;
  _atlas_import_work_add_problem (work, file, line, NULL,
                                  _("The import holds more than %u rows, the most one import may "
                                    "hold: split it into several imports"),
                                  (guint) ATLAS_INPUT_MAX_ROWS);
  return FALSE;
}

/* A record's own source_id and quote columns (as in the bundled data files)
 * make a citation of it.
 */
static void
add_inline_citation (ImportWork *work,
                     Record     *record,
                     const char *source_id,
                     const char *quote,
                     guint       source_column,
                     guint       quote_column)
{
  const TableSpec *citation = _atlas_import_find_table ("citation");
  Record *made;

  if ((source_id == NULL || *source_id == '\0') && (quote == NULL || *quote == '\0'))
    return;

  made = _atlas_record_new (citation, record->file, record->line);
  made->synthesized = TRUE;
  _atlas_record_set (made, 0, record->table->name, 0);
  _atlas_record_set (made, 1, record->values[0], record->columns[0]);
  _atlas_record_set (made, 2, source_id, source_column);
  _atlas_record_set (made, 3, quote, quote_column);
  g_ptr_array_add (work->records, made);
}

static char *
csv_column (AtlasCsvReader *reader,
            guint           column)
{
  if (column == 0)
    return NULL;
  if (column <= atlas_csv_reader_get_n_columns (reader))
    return g_strdup_printf ("%u (%s)", column, atlas_csv_reader_get_column (reader, column - 1));
  return g_strdup_printf ("%u", column);
}

/* The header fits no table: say every reason against the named one. */
static void
report_header (ImportWork      *work,
               const char      *file,
               AtlasCsvReader  *reader,
               const TableSpec *table)
{
  guint n_header = atlas_csv_reader_get_n_columns (reader);
  guint line = atlas_csv_reader_get_line (reader);

  for (guint i = 0; i < n_header; i++)
    {
      const char *name = atlas_csv_reader_get_column (reader, i);

      if (_atlas_import_column_index (table, name) < 0
          && !(table->cited && (g_str_equal (name, "source_id") || g_str_equal (name, "quote"))))
        {
          g_autofree char *column = csv_column (reader, i + 1);

          _atlas_import_work_add_problem (work, file, line, column,
                                          _("Unknown column “%s” for the table “%s”"),
                                          name, table->name);
        }
    }
  for (guint c = 0; table->cols[c].name != NULL; c++)
    if (table->cols[c].required && atlas_csv_reader_find_column (reader, table->cols[c].name) < 0)
      _atlas_import_work_add_problem (work, file, line, table->cols[c].name,
                                      _("The header has no column “%s”, which the table “%s” needs"),
                                      table->cols[c].name, table->name);
}

void
_atlas_import_read_csv (ImportWork *work,
                        const char *filename,
                        const char *data,
                        gsize       length)
{
  g_autoptr(AtlasCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree int *map = NULL;
  g_autofree char *base = g_path_get_basename (filename);
  g_autofree const char **header = NULL;
  const TableSpec *named, *table;
  const char *file;
  int source_col = -1, quote_col = -1;
  guint n_header;

  file = _atlas_import_work_add_file_name (work, base);
  named = _atlas_import_table_for_filename (base);
  if (named == NULL)
    {
      g_autofree char *name = g_strdup (base);
      char *dot = strrchr (name, '.');

      if (dot != NULL)
        *dot = '\0';
      if (_atlas_import_is_ignored_table (name))
        return;
    }

  reader = atlas_csv_reader_new (data, length, file);
  atlas_csv_reader_set_max_field (reader, ATLAS_INPUT_MAX_FIELD);
  if (!atlas_csv_reader_read_header (reader, &error))
    {
      guint line, column;
      const char *reason = atlas_csv_reader_get_error (reader, &line, &column);
      g_autofree char *where = column > 0 ? g_strdup_printf ("%u", column) : NULL;

      _atlas_import_work_add_problem (work, file, line, where, "%s", reason);
      return;
    }

  n_header = atlas_csv_reader_get_n_columns (reader);
  header = g_new0 (const char *, n_header + 1);
  for (guint i = 0; i < n_header; i++)
    header[i] = atlas_csv_reader_get_column (reader, i);

  table = _atlas_import_table_for_header (named, header, n_header);
  if (table == NULL)
    {
      if (named != NULL)
        report_header (work, file, reader, named);
      else
        _atlas_import_work_add_problem (work, file, atlas_csv_reader_get_line (reader), NULL,
                                        _("Neither the file name nor the header says which table "
                                          "the rows belong to (name the file sites.csv, events.csv, "
                                          "sources.csv or citations.csv, or give it the columns of "
                                          "one of them)"));
      return;
    }

  map = g_new0 (int, n_header);
  for (guint i = 0; i < n_header; i++)
    {
      map[i] = _atlas_import_column_index (table, header[i]);
      if (map[i] < 0 && g_str_equal (header[i], "source_id"))
        source_col = i;
      else if (map[i] < 0 && g_str_equal (header[i], "quote"))
        quote_col = i;
    }

  for (;;)
    {
      Record *record;

      if (!atlas_csv_reader_next (reader, &error))
        {
          guint line, column;
          const char *reason;
          g_autofree char *where = NULL;

          if (error == NULL)
            break;

          /* One bad row: say so, and go on with the others. */
          reason = atlas_csv_reader_get_error (reader, &line, &column);
          where = csv_column (reader, column);
          _atlas_import_work_add_problem (work, file, line, where, "%s", reason);
          g_clear_error (&error);
          if (!take_row (work, file, line) || atlas_csv_reader_at_end (reader))
            break;
          continue;
        }

      if (!take_row (work, file, atlas_csv_reader_get_line (reader)))
        break;

      record = _atlas_record_new (table, file, atlas_csv_reader_get_line (reader));
      for (guint i = 0; i < n_header; i++)
        if (map[i] >= 0)
          _atlas_record_take (record, map[i], atlas_csv_reader_steal_field (reader, i), i + 1);
      g_ptr_array_add (work->records, record);
      if (source_col >= 0 || quote_col >= 0)
        add_inline_citation (work, record,
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

static void
read_json_citations (ImportWork *work,
                     Record     *record,
                     JsonArray  *citations)
{
  for (guint k = 0; k < json_array_get_length (citations); k++)
    {
      JsonNode *cn = json_array_get_element (citations, k);
      JsonObject *co;
      g_autofree char *source_id = NULL;
      g_autofree char *quote = NULL;
      gboolean ok_source, ok_quote;

      if (!JSON_NODE_HOLDS_OBJECT (cn))
        {
          _atlas_record_reject (record, "citations", _("Citation %u is not an object"), k + 1);
          continue;
        }
      co = json_node_get_object (cn);
      source_id = json_value_to_text (json_object_get_member (co, "source_id"), &ok_source);
      quote = json_value_to_text (json_object_get_member (co, "quote"), &ok_quote);
      if (!ok_source || !ok_quote)
        {
          _atlas_record_reject (record, "citations",
                                _("Citation %u must give its source_id and quote as text"), k + 1);
          continue;
        }
      add_inline_citation (work, record, source_id, quote, 0, 0);
    }
}

static void
read_json_row (ImportWork      *work,
               const TableSpec *table,
               Record          *record,
               JsonObject      *row)
{
  g_autoptr(GList) columns = json_object_get_members (row);

  for (GList *c = columns; c != NULL; c = c->next)
    {
      const char *column = c->data;
      JsonNode *value = json_object_get_member (row, column);
      int index = _atlas_import_column_index (table, column);
      gboolean ok;
      g_autofree char *text = NULL;

      if (g_str_equal (column, "citations") && table->n_keys == 1 && JSON_NODE_HOLDS_ARRAY (value))
        {
          read_json_citations (work, record, json_node_get_array (value));
          continue;
        }
      if (g_str_equal (column, "from_user"))
        continue;
      if (index < 0)
        {
          _atlas_record_reject (record, column, _("Unknown column “%s” for the table “%s”"),
                                column, table->name);
          continue;
        }
      text = json_value_to_text (value, &ok);
      if (!ok)
        {
          _atlas_record_reject (record, column, _("The value of “%s” must be text or a number"),
                                column);
          continue;
        }
      if (text != NULL && strlen (text) > ATLAS_INPUT_MAX_FIELD)
        {
          _atlas_record_reject (record, column, _("The value of “%s” is larger than %u bytes"),
                                column, (guint) ATLAS_INPUT_MAX_FIELD);
          continue;
        }
      _atlas_record_set (record, index, text, 0);
    }
}

void
_atlas_import_read_json (ImportWork *work,
                         const char *filename,
                         const char *data,
                         gsize       length)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (filename);
  g_autofree char *where = NULL;
  g_autoptr(GList) names = NULL;
  const char *file = _atlas_import_work_add_file_name (work, base);
  JsonNode *root;
  JsonObject *object, *tables;
  guint line, column;

  /* Before json-glib: nesting that would overflow its stack, broken UTF-8,
   * lone surrogates, members named twice, numbers beyond 64 bits.
   */
  if (!atlas_input_check_json (data, length, ATLAS_INPUT_MAX_DEPTH, &line, &column, &error))
    {
      where = g_strdup_printf ("%u", column);
      if (g_error_matches (error, ATLAS_INPUT_ERROR, ATLAS_INPUT_ERROR_SYNTAX))
        _atlas_import_work_add_problem (work, file, line, where, _("The file is not valid JSON: %s"),
                                        error->message);
      else
        _atlas_import_work_add_problem (work, file, line, where, "%s", error->message);
      return;
    }

  parser = json_parser_new_immutable ();
  lines = g_hash_table_new (NULL, NULL);
  g_signal_connect (parser, "object-end", G_CALLBACK (on_object_end), lines);
  if (!json_parser_load_from_data (parser, data, length, &error))
    {
      /* json-glib puts the position in the message: "<data>:LINE:COLUMN: …" */
      const char *colon = strchr (error->message, ':');

      line = colon != NULL ? (guint) g_ascii_strtoull (colon + 1, NULL, 10) : 0;
      _atlas_import_work_add_problem (work, file, line, NULL, _("The file is not valid JSON: %s"),
                                      error->message);
      return;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root)
      || g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (root),
                                                                  "format", ""),
                    ATLAS_EXPORT_FORMAT) != 0)
    {
      _atlas_import_work_add_problem (work, file, 1, "format",
                                      _("The file is not a dataset exported by the atlas (its "
                                        "“format” is not “%s”)"), ATLAS_EXPORT_FORMAT);
      return;
    }
  object = json_node_get_object (root);
  if (json_object_get_int_member_with_default (object, "format_version", 0) > ATLAS_EXPORT_FORMAT_VERSION)
    {
      _atlas_import_work_add_problem (work, file, 1, "format_version",
                                      _("The file was written by a newer version of the atlas"));
      return;
    }
  if (!json_object_has_member (object, "tables")
      || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "tables")))
    {
      _atlas_import_work_add_problem (work, file, 1, "tables", _("The file has no “tables”"));
      return;
    }

  tables = json_object_get_object_member (object, "tables");
  names = json_object_get_members (tables);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      const TableSpec *table = _atlas_import_find_table (name);
      JsonNode *member = json_object_get_member (tables, name);
      JsonArray *rows;

      if (table == NULL)
        {
          if (!_atlas_import_is_ignored_table (name))
            _atlas_import_work_add_problem (work, file, 1, name, _("Unknown table “%s”"), name);
          continue;
        }
      if (!JSON_NODE_HOLDS_ARRAY (member))
        {
          _atlas_import_work_add_problem (work, file, 1, name, _("The table “%s” is not a list"), name);
          continue;
        }

      rows = json_node_get_array (member);
      for (guint r = 0; r < json_array_get_length (rows); r++)
        {
          JsonNode *row_node = json_array_get_element (rows, r);
          Record *record;

          if (!JSON_NODE_HOLDS_OBJECT (row_node))
            {
              _atlas_import_work_add_problem (work, file, 1, name,
                                              _("Row %u of “%s” is not an object"), r + 1, name);
              continue;
            }
          line = GPOINTER_TO_UINT (g_hash_table_lookup (lines, json_node_get_object (row_node)));
          if (!take_row (work, file, line))
            return;
          record = _atlas_record_new (table, file, line);
          g_ptr_array_add (work->records, record);
          read_json_row (work, table, record, json_node_get_object (row_node));
        }
    }
}

/* ---- packages ------------------------------------------------------- */

/* Only the tables an import knows, each read with a statement of ours. */
static const struct { const char *table; const char *sql; } package_queries[] = {
  { "source", "SELECT rowid, * FROM main.source" },
  { "site", "SELECT rowid, * FROM main.site" },
  { "party", "SELECT rowid, * FROM main.party" },
  { "event", "SELECT rowid, * FROM main.event" },
  { "series", "SELECT rowid, * FROM main.series" },
  { "statistic", "SELECT rowid, * FROM main.statistic" },
  { "event_party", "SELECT rowid, * FROM main.event_party" },
  { "event_site", "SELECT rowid, * FROM main.event_site" },
  { "citation", "SELECT rowid, * FROM main.citation" },
};

void
_atlas_import_read_package (ImportWork *work,
                            const char *filename,
                            GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (filename);
  const char *file = _atlas_import_work_add_file_name (work, base);
  sqlite3 *db;

  db = atlas_package_open (bytes, &error);
  if (db == NULL)
    {
      _atlas_import_work_add_problem (work, file, 0, NULL, "%s", error->message);
      return;
    }

  for (guint t = 0; t < G_N_ELEMENTS (package_queries); t++)
    {
      const TableSpec *table = _atlas_import_find_table (package_queries[t].table);
      g_autoptr(sqlite3_stmt) stmt = NULL;

      if (sqlite3_prepare_v2 (db, package_queries[t].sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          _atlas_import_work_add_problem (work, file, 0, table->name,
                                          _("The package has no table “%s”"), table->name);
          continue;
        }
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          guint line = (guint) sqlite3_column_int (stmt, 0);
          Record *record;

          if (!take_row (work, file, line))
            break;
          record = _atlas_record_new (table, file, line);
          for (int c = 1; c < sqlite3_column_count (stmt); c++)
            {
              const char *name = sqlite3_column_name (stmt, c);
              int index = _atlas_import_column_index (table, name);
              const char *text;
              int bytes_n;

              if (index < 0)
                continue;
              text = (const char *) sqlite3_column_text (stmt, c);
              bytes_n = sqlite3_column_bytes (stmt, c);
              /* A package is as hostile as any file: its text is checked too. */
              if (text != NULL && ((gsize) bytes_n > ATLAS_INPUT_MAX_FIELD
                                   || strlen (text) != (gsize) bytes_n
                                   || !g_utf8_validate_len (text, bytes_n, NULL)))
                {
                  _atlas_record_reject (record, name, (gsize) bytes_n > ATLAS_INPUT_MAX_FIELD
                                        ? _("The value is too large")
                                        : _("The value is not valid UTF-8 text"));
                  continue;
                }
              _atlas_record_set (record, index, text, 0);
            }
          g_ptr_array_add (work->records, record);
        }
    }

  sqlite3_close (db);
}

/* The kind of input by its name: .json, a package, or else CSV. */
void
_atlas_import_read_bytes (ImportWork *work,
                          const char *name,
                          GBytes     *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (data == NULL)
    data = "";
  if (g_str_has_suffix (name, ".json"))
    _atlas_import_read_json (work, name, data, length);
  else if (g_str_has_suffix (name, ".cqatlas") || g_str_has_suffix (name, ".sqlite"))
    _atlas_import_read_package (work, name, bytes);
  else
    _atlas_import_read_csv (work, name, data, length);
}
