/* atlas-dataset-builder-fields.c
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

#include <errno.h>
#include <math.h>
#include <string.h>

#include "atlas-dataset-builder-private.h"
#include "atlas-vocabulary.h"

/* The checks every record file shares: one field at a time, the pairs of
 * languages, references, and citations against the source documents.  Each
 * check records its problem as "file:line: reason" and says whether the
 * value was good, so that a row can report all of its problems at once.
 */

const char * const _atlas_builder_entity_names[N_ENTITIES] = {
  "site", "party", "event", "series", "statistic", "source", "area",
};

void
_atlas_builder_problem (AtlasDatasetBuilder *self,
                        AtlasCsvReader      *reader,
                        const char          *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (reader != NULL)
    g_ptr_array_add (self->problems,
                     g_strdup_printf ("%s:%u: %s",
                                      atlas_csv_reader_get_filename (reader),
                                      atlas_csv_reader_get_line (reader),
                                      message));
  else
    g_ptr_array_add (self->problems, g_steal_pointer (&message));
}

/* White space is dropped from both the documents and the quotes: the OCR text
 * breaks its lines (and so its words) at random.
 */
static char *
strip_space (const char *text)
{
  GString *s = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* U+3000 is the ideographic space of the OCR text. */
      if (!g_unichar_isspace (c) && c != 0x3000 && c != 0xFEFF)
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

/* A source document as quotes are compared with it: without white space, and
 * without the Markdown bold marks ("**") some seed files carry.  Those marks
 * are the page's typography, not its words, so quotes leave them out; nothing
 * else is ignored.
 */
char *
_atlas_builder_normalise_seed (const char *text)
{
  g_autofree char *stripped = strip_space (text);
  g_autoptr(GString) s = g_string_new (stripped);

  g_string_replace (s, "**", "", 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* ---- binding ---------------------------------------------------------- */

void
_atlas_builder_bind_text (sqlite3_stmt *stmt,
                          int           index,
                          const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

gboolean
_atlas_builder_step_insert (AtlasDatasetBuilder *self,
                            AtlasCsvReader      *reader,
                            sqlite3_stmt        *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _atlas_builder_problem (self, reader, "could not store the row: %s", sqlite3_errmsg (self->db));
      return FALSE;
    }
  return TRUE;
}

/* ---- single fields ---------------------------------------------------- */

static gboolean
is_blank (const char *value)
{
  const char *p = value;

  while (p != NULL && g_ascii_isspace (*p))
    p++;
  return p == NULL || *p == '\0';
}

const char *
_atlas_builder_require_text (AtlasDatasetBuilder *self,
                             AtlasCsvReader      *reader,
                             const char          *column)
{
  const char *value = atlas_csv_reader_get (reader, column);

  if (is_blank (value))
    {
      _atlas_builder_problem (self, reader, "“%s” is empty", column);
      return NULL;
    }
  return value;
}

/* A text shown to users exists in both languages or in neither: a reader of
 * either language sees the same facts.
 */
gboolean
_atlas_builder_both_languages (AtlasDatasetBuilder *self,
                               AtlasCsvReader      *reader,
                               const char          *column_en,
                               const char          *column_zh)
{
  gboolean has_en = !is_blank (atlas_csv_reader_get (reader, column_en));
  gboolean has_zh = !is_blank (atlas_csv_reader_get (reader, column_zh));

  if (has_en == has_zh)
    return TRUE;

  _atlas_builder_problem (self, reader, "“%s” is given without “%s”: write it in both languages",
                          has_en ? column_en : column_zh, has_en ? column_zh : column_en);
  return FALSE;
}

gboolean
_atlas_builder_parse_double (AtlasDatasetBuilder *self,
                             AtlasCsvReader      *reader,
                             const char          *column,
                             gboolean             required,
                             double              *out,
                             gboolean            *present)
{
  const char *text = atlas_csv_reader_get (reader, column);
  char *end = NULL;
  double v;

  if (present)
    *present = FALSE;
  if (text == NULL)
    {
      if (required)
        _atlas_builder_problem (self, reader, "“%s” is empty", column);
      return !required;
    }

  errno = 0;
  v = g_ascii_strtod (text, &end);
  if (errno != 0 || end == text || *end != '\0' || !isfinite (v))
    {
      _atlas_builder_problem (self, reader, "“%s” is not a number: “%s”", column, text);
      return FALSE;
    }

  *out = v;
  if (present)
    *present = TRUE;
  return TRUE;
}

gboolean
_atlas_builder_parse_int (AtlasDatasetBuilder *self,
                          AtlasCsvReader      *reader,
                          const char          *column,
                          gboolean             required,
                          gint64              *out,
                          gboolean            *present)
{
  const char *text = atlas_csv_reader_get (reader, column);
  g_autoptr(GError) error = NULL;

  if (present)
    *present = FALSE;
  if (text == NULL)
    {
      if (required)
        _atlas_builder_problem (self, reader, "“%s” is empty", column);
      return !required;
    }

  if (!g_ascii_string_to_signed (text, 10, 0, G_MAXINT32, out, &error))
    {
      _atlas_builder_problem (self, reader, "“%s” is not a whole number ≥ 0: “%s”", column, text);
      return FALSE;
    }

  if (present)
    *present = TRUE;
  return TRUE;
}

/* A 0/1 column; empty means 0. */
gboolean
_atlas_builder_parse_flag (AtlasDatasetBuilder *self,
                           AtlasCsvReader      *reader,
                           const char          *column,
                           gint64              *out)
{
  gboolean present;

  *out = 0;
  if (!_atlas_builder_parse_int (self, reader, column, FALSE, out, &present))
    return FALSE;
  if (*out > 1)
    {
      _atlas_builder_problem (self, reader, "“%s” must be 0 or 1", column);
      return FALSE;
    }
  return TRUE;
}

gboolean
_atlas_builder_check_date (AtlasDatasetBuilder *self,
                           AtlasCsvReader      *reader,
                           const char          *column,
                           gboolean             required,
                           AtlasDate           *out)
{
  const char *text = atlas_csv_reader_get (reader, column);
  g_autoptr(GError) error = NULL;
  AtlasDate date;

  if (text == NULL)
    {
      if (required)
        _atlas_builder_problem (self, reader, "“%s” is empty", column);
      return !required;
    }

  if (!atlas_date_parse (text, &date, &error))
    {
      _atlas_builder_problem (self, reader, "malformed date in “%s”: %s", column, error->message);
      return FALSE;
    }

  if (out)
    *out = date;
  return TRUE;
}

gboolean
_atlas_builder_check_id (AtlasDatasetBuilder  *self,
                         AtlasCsvReader       *reader,
                         AtlasBuilderEntity    entity,
                         const char          **out)
{
  const char *id = atlas_csv_reader_get (reader, "id");
  gpointer first_line;

  if (!atlas_id_is_valid (id))
    {
      _atlas_builder_problem (self, reader, "id “%s” is not a lower-case slug ([a-z0-9-]+)",
                              id ? id : "");
      return FALSE;
    }
  if ((first_line = g_hash_table_lookup (self->ids[entity], id)) != NULL)
    {
      _atlas_builder_problem (self, reader, "duplicate %s id “%s” (first on line %u)",
                              _atlas_builder_entity_names[entity], id,
                              GPOINTER_TO_UINT (first_line));
      return FALSE;
    }

  g_hash_table_insert (self->ids[entity], g_strdup (id),
                       GUINT_TO_POINTER (atlas_csv_reader_get_line (reader)));
  *out = id;
  return TRUE;
}

gboolean
_atlas_builder_check_reference (AtlasDatasetBuilder *self,
                                AtlasCsvReader      *reader,
                                const char          *column,
                                AtlasBuilderEntity   entity,
                                gboolean             required)
{
  const char *id = atlas_csv_reader_get (reader, column);

  if (id == NULL)
    {
      if (required)
        _atlas_builder_problem (self, reader, "“%s” is empty", column);
      return !required;
    }
  if (!g_hash_table_contains (self->ids[entity], id))
    {
      _atlas_builder_problem (self, reader, "“%s” refers to %s “%s”, which does not exist",
                              column, _atlas_builder_entity_names[entity], id);
      return FALSE;
    }
  return TRUE;
}

gboolean
_atlas_builder_check_district (AtlasDatasetBuilder *self,
                               AtlasCsvReader      *reader,
                               const char          *column,
                               gboolean             required,
                               gint64              *adcode,
                               gboolean            *present)
{
  if (!_atlas_builder_parse_int (self, reader, column, required, adcode, present))
    return FALSE;
  if (*present && !g_hash_table_contains (self->districts, GINT_TO_POINTER ((int) *adcode)))
    {
      _atlas_builder_problem (self, reader,
                              "“%s” refers to district %" G_GINT64_FORMAT ", which does not exist",
                              column, *adcode);
      return FALSE;
    }
  return TRUE;
}

/* Whether a note admits that the place was assumed rather than known.  Such a
 * site must not claim a point or a district: the generator turns the
 * admission into a build error instead of a mark on the map.
 */
gboolean
_atlas_builder_note_says_assumed (const char *note_en,
                                  const char *note_zh)
{
  static const char * const english[] = { "assum", "placeholder", "made-up", NULL };
  static const char * const chinese[] = { "假定", "假设", "推测", "占位", NULL };

  if (note_en != NULL)
    {
      g_autofree char *folded = g_ascii_strdown (note_en, -1);

      for (guint i = 0; english[i] != NULL; i++)
        if (strstr (folded, english[i]) != NULL)
          return TRUE;
    }
  if (note_zh != NULL)
    for (guint i = 0; chinese[i] != NULL; i++)
      if (strstr (note_zh, chinese[i]) != NULL)
        return TRUE;
  return FALSE;
}

/* ---- citations -------------------------------------------------------- */

/* Records a citation: the quote must be in its document (white space and the
 * document's bold marks aside) and carry our English gloss.
 */
gboolean
_atlas_builder_add_citation (AtlasDatasetBuilder *self,
                             AtlasCsvReader      *reader,
                             sqlite3_stmt        *stmt,
                             const char          *entity,
                             const char          *entity_id,
                             const char          *source_id,
                             const char          *quote,
                             const char          *quote_en,
                             gboolean             required)
{
  const char *seed;

  if (source_id == NULL && quote == NULL)
    {
      if (required)
        _atlas_builder_problem (self, reader,
                                "the %s “%s” has no citation (source_id and quote are empty)",
                                entity, entity_id);
      else if (quote_en != NULL)
        _atlas_builder_problem (self, reader, "“quote_en” is given without a quote");
      return !required && quote_en == NULL;
    }
  if (source_id == NULL || quote == NULL)
    {
      _atlas_builder_problem (self, reader, "a citation needs both source_id and quote");
      return FALSE;
    }
  if (!g_hash_table_contains (self->sources, source_id))
    {
      _atlas_builder_problem (self, reader, "citation refers to source “%s”, which does not exist",
                              source_id);
      return FALSE;
    }
  if (strstr (quote, "**") != NULL)
    {
      _atlas_builder_problem (self, reader,
                              "the quote “%s” contains Markdown bold marks (**): leave them out",
                              quote);
      return FALSE;
    }
  if (is_blank (quote_en))
    {
      _atlas_builder_problem (self, reader,
                              "the quote “%s” has no English gloss: write it in “quote_en”", quote);
      return FALSE;
    }

  seed = g_hash_table_lookup (self->sources, source_id);
  if (seed != NULL && *seed != '\0')
    {
      g_autofree char *needle = strip_space (quote);

      if (*needle == '\0' || strstr (seed, needle) == NULL)
        {
          _atlas_builder_problem (self, reader, "the quote “%s” is not in source “%s”",
                                  quote, source_id);
          return FALSE;
        }
    }

  _atlas_builder_bind_text (stmt, 1, entity);
  _atlas_builder_bind_text (stmt, 2, entity_id);
  _atlas_builder_bind_text (stmt, 3, source_id);
  _atlas_builder_bind_text (stmt, 4, quote);
  _atlas_builder_bind_text (stmt, 5, quote_en);
  if (!_atlas_builder_step_insert (self, reader, stmt))
    return FALSE;

  g_hash_table_add (self->cited, g_strdup_printf ("%s\x1f%s", entity, entity_id));
  return TRUE;
}

/* ---- statements and files ------------------------------------------- */

sqlite3_stmt *
_atlas_builder_prepare (AtlasDatasetBuilder *self,
                        const char          *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("Bad SQL in the dataset builder: %s (%s)", sqlite3_errmsg (self->db), sql);
  return stmt;
}

void
_atlas_builder_load_csv (AtlasDatasetBuilder  *self,
                         const char           *name,
                         const char          **columns,
                         AtlasBuilderRowFunc   row_func,
                         gpointer              user_data)
{
  g_autofree char *path = g_build_filename (self->data_dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(AtlasCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      _atlas_builder_problem (self, NULL, "%s: %s", path, error->message);
      return;
    }

  g_checksum_update (self->checksum, (const guchar *) name, -1);
  g_checksum_update (self->checksum, (const guchar *) contents, length);

  reader = atlas_csv_reader_new (contents, length, path);
  if (!atlas_csv_reader_read_header (reader, &error) ||
      !atlas_csv_reader_require (reader, columns, &error))
    {
      _atlas_builder_problem (self, NULL, "%s", error->message);
      return;
    }

  while (atlas_csv_reader_next (reader, &error))
    row_func (self, reader, user_data);

  if (error != NULL)
    _atlas_builder_problem (self, NULL, "%s", error->message);
}
