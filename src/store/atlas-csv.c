/* atlas-csv.c
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

/* An RFC 4180 reader for the dataset files and for imports.  It works on a
 * buffer that stays alive as long as the reader, keeps line numbers for
 * messages ("file:line:column: reason"), refuses invalid UTF-8 and fields
 * larger than a cap, and treats "#" lines before the header as comments.
 *
 * A line ends at LF, CRLF or a lone CR (old Mac and some spreadsheet
 * exports): a CR-only file with a blank line once lost every row after it.
 * A bad record is an error for that record only: the reader moves on to the
 * next line, so one syntax error does not hide the problems of other rows.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-csv.h"

#define DEFAULT_MAX_FIELD (1024 * 1024)

struct _AtlasCsvReader
{
  const char *data;
  gsize       length;
  gsize       pos;
  char       *filename;
  guint       line;          /* line of the read position, 1-based */
  guint       record_line;   /* line where the current record starts */
  gsize       max_field;

  GPtrArray  *header;        /* char* */
  GHashTable *index;         /* name -> position + 1 */
  GPtrArray  *fields;        /* char*, NULL for an empty field */

  /* The last error, without its location. */
  char       *error_reason;
  guint       error_line;
  guint       error_column;
};

G_DEFINE_QUARK (atlas-csv-error-quark, atlas_csv_error)

AtlasCsvReader *
atlas_csv_reader_new (const char *data,
                      gsize       length,
                      const char *filename)
{
  AtlasCsvReader *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  self = g_new0 (AtlasCsvReader, 1);
  self->data = data ? data : "";
  self->length = length;
  self->filename = g_strdup (filename ? filename : "(input)");
  self->line = 1;
  self->max_field = DEFAULT_MAX_FIELD;
  self->header = g_ptr_array_new_with_free_func (g_free);
  self->index = g_hash_table_new (g_str_hash, g_str_equal);
  self->fields = g_ptr_array_new_with_free_func (g_free);

  /* A UTF-8 byte order mark, as spreadsheet programs write it. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    self->pos = 3;

  return self;
}

void
atlas_csv_reader_free (AtlasCsvReader *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_free (self->filename);
  g_free (self->error_reason);
  g_free (self);
}

void
atlas_csv_reader_set_max_field (AtlasCsvReader *self,
                                gsize           max_bytes)
{
  g_return_if_fail (self != NULL);

  self->max_field = max_bytes > 0 ? max_bytes : DEFAULT_MAX_FIELD;
}

const char *
atlas_csv_reader_get_filename (AtlasCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->filename;
}

guint
atlas_csv_reader_get_line (AtlasCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->record_line;
}

/**
 * atlas_csv_reader_get_error:
 * @line: (out) (optional): the line of the last error
 * @column: (out) (optional): its 1-based field, or 0 for the whole row
 *
 * Returns: (nullable): the reason of the last error, without its location
 */
const char *
atlas_csv_reader_get_error (AtlasCsvReader *self,
                            guint          *line,
                            guint          *column)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (line != NULL)
    *line = self->error_line;
  if (column != NULL)
    *column = self->error_column;
  return self->error_reason;
}

static void G_GNUC_PRINTF (6, 7)
fail (AtlasCsvReader  *self,
      GError         **error,
      int              code,
      guint            line,
      guint            column,
      const char      *format,
      ...)
{
  va_list args;

  /* A syntax error after a bad field: the later one is about the row. */
  if (error != NULL && *error != NULL)
    g_clear_error (error);
  g_free (self->error_reason);
  va_start (args, format);
  self->error_reason = g_strdup_vprintf (format, args);
  va_end (args);
  self->error_line = line;
  self->error_column = column;

  if (column > 0)
    g_set_error (error, ATLAS_CSV_ERROR, code, "%s:%u:%u: %s",
                 self->filename, line, column, self->error_reason);
  else
    g_set_error (error, ATLAS_CSV_ERROR, code, "%s:%u: %s",
                 self->filename, line, self->error_reason);
}

static gboolean
at_end (AtlasCsvReader *self)
{
  return self->pos >= self->length;
}

/* If a line break (LF, CRLF or CR) is at the read position, steps over it. */
static gboolean
take_line_break (AtlasCsvReader *self)
{
  char c;

  if (at_end (self))
    return FALSE;
  c = self->data[self->pos];
  if (c == '\n')
    self->pos++;
  else if (c == '\r')
    {
      self->pos++;
      if (!at_end (self) && self->data[self->pos] == '\n')
        self->pos++;
    }
  else
    return FALSE;
  self->line++;
  return TRUE;
}

/* After a syntax error: on to the start of the next line. */
static void
skip_line (AtlasCsvReader *self)
{
  while (!at_end (self) && !take_line_break (self))
    self->pos++;
}

/* Reads one field starting at self->pos.  On return *end_of_record says
 * whether the field ended the record (line break or end of input).  A field
 * that is too large or not UTF-8 is read to its end and then reported
 * (*bad); a syntax error returns FALSE where it happened.
 */
static gboolean
read_field (AtlasCsvReader  *self,
            char           **out,
            gboolean        *end_of_record,
            gboolean        *bad,
            guint            column,
            GError         **error)
{
  g_autoptr(GString) buf = NULL;
  gboolean quoted = FALSE;
  gboolean too_large = FALSE;
  guint start_line = self->line;

  *end_of_record = FALSE;
  *out = NULL;

  if (!at_end (self) && self->data[self->pos] == '"')
    {
      quoted = TRUE;
      self->pos++;
    }
  else
    {
      /* Most fields are unquoted: find the end, then copy once. */
      gsize start = self->pos;
      gsize end = start;

      while (end < self->length && self->data[end] != ',' && self->data[end] != '\n'
             && self->data[end] != '\r' && self->data[end] != '"')
        end++;
      if (end < self->length && self->data[end] == '"')
        {
          fail (self, error, ATLAS_CSV_ERROR_SYNTAX, self->line, column,
                _("A quote inside an unquoted field (quote the whole field and double the quote)"));
          return FALSE;
        }
      self->pos = end;
      if (at_end (self))
        *end_of_record = TRUE;
      else if (self->data[end] == ',')
        self->pos++;
      else
        {
          take_line_break (self);
          *end_of_record = TRUE;
        }

      if (end - start > self->max_field)
        {
          if (!*bad)
            fail (self, error, ATLAS_CSV_ERROR_TOO_LARGE, start_line, column,
                  _("The field is larger than %u bytes"), (guint) MIN (self->max_field, G_MAXUINT));
          *bad = TRUE;
          return TRUE;
        }
      if (!g_utf8_validate_len (self->data + start, end - start, NULL))
        {
          if (!*bad)
            fail (self, error, ATLAS_CSV_ERROR_ENCODING, start_line, column,
                  _("The field is not valid UTF-8"));
          *bad = TRUE;
          return TRUE;
        }
      *out = end > start ? g_strndup (self->data + start, end - start) : NULL;
      return TRUE;
    }

  /* Only a quoted field needs a buffer, to undo its doubled quotes. */
  buf = g_string_new (NULL);

  for (;;)
    {
      char c;

      if (at_end (self))
        {
          if (quoted)
            {
              fail (self, error, ATLAS_CSV_ERROR_SYNTAX, start_line, column,
                    _("A quoted field is not closed before the end of the file"));
              return FALSE;
            }
          *end_of_record = TRUE;
          break;
        }

      c = self->data[self->pos];

      if (quoted)
        {
          if (c == '"')
            {
              if (self->pos + 1 < self->length && self->data[self->pos + 1] == '"')
                {
                  if (!too_large)
                    g_string_append_c (buf, '"');
                  self->pos += 2;
                  continue;
                }

              /* Closing quote: what follows must end the field. */
              self->pos++;
              quoted = FALSE;
              if (at_end (self))
                {
                  *end_of_record = TRUE;
                  break;
                }
              c = self->data[self->pos];
              if (c != ',' && c != '\n' && c != '\r')
                {
                  fail (self, error, ATLAS_CSV_ERROR_SYNTAX, self->line, column,
                        _("Unexpected character after a closing quote"));
                  return FALSE;
                }
              continue;
            }

          if (c == '\n' || (c == '\r' && (self->pos + 1 >= self->length
                                          || self->data[self->pos + 1] != '\n')))
            self->line++;
          if (!too_large)
            g_string_append_c (buf, c);
          self->pos++;
        }
      else if (c == ',')
        {
          self->pos++;
          break;
        }
      else if (c == '\n' || c == '\r')
        {
          take_line_break (self);
          *end_of_record = TRUE;
          break;
        }
      else if (c == '"')
        {
          fail (self, error, ATLAS_CSV_ERROR_SYNTAX, self->line, column,
                _("A quote inside an unquoted field (quote the whole field and double the quote)"));
          return FALSE;
        }
      else
        {
          if (!too_large)
            g_string_append_c (buf, c);
          self->pos++;
        }

      if (!too_large && buf->len > self->max_field)
        {
          /* Keep reading to the field's end, storing nothing more. */
          too_large = TRUE;
          g_string_truncate (buf, 0);
        }
    }

  if (too_large)
    {
      if (!*bad)
        fail (self, error, ATLAS_CSV_ERROR_TOO_LARGE, start_line, column,
              _("The field is larger than %u bytes"), (guint) MIN (self->max_field, G_MAXUINT));
      *bad = TRUE;
      return TRUE;
    }

  if (!g_utf8_validate_len (buf->str, buf->len, NULL))
    {
      if (!*bad)
        fail (self, error, ATLAS_CSV_ERROR_ENCODING, start_line, column,
              _("The field is not valid UTF-8"));
      *bad = TRUE;
      return TRUE;
    }

  *out = buf->len > 0 ? g_string_free (g_steal_pointer (&buf), FALSE) : NULL;
  return TRUE;
}

static gboolean
line_is_blank (AtlasCsvReader *self)
{
  gsize p = self->pos;

  while (p < self->length && (self->data[p] == ' ' || self->data[p] == '\t'))
    p++;
  return p >= self->length || self->data[p] == '\n' || self->data[p] == '\r';
}

/* Reads the next record into self->fields.  FALSE at the end (no error), or
 * for a bad record (error set), after which the next call goes on with the
 * record after it.
 */
static gboolean
read_record (AtlasCsvReader  *self,
             gboolean         allow_comments,
             GError         **error)
{
  gboolean bad = FALSE;

  g_ptr_array_set_size (self->fields, 0);

  /* Skip blank lines, and comments before the header. */
  while (!at_end (self) && (line_is_blank (self) ||
                            (allow_comments && self->data[self->pos] == '#')))
    skip_line (self);

  if (at_end (self))
    return FALSE;

  self->record_line = self->line;

  for (guint column = 1; ; column++)
    {
      char *field = NULL;
      gboolean end_of_record = FALSE;

      if (!read_field (self, &field, &end_of_record, &bad, column, error))
        {
          skip_line (self);
          g_ptr_array_set_size (self->fields, 0);
          return FALSE;
        }
      g_ptr_array_add (self->fields, field);
      if (end_of_record)
        break;
    }

  if (bad)
    {
      g_ptr_array_set_size (self->fields, 0);
      return FALSE;
    }
  return TRUE;
}

gboolean
atlas_csv_reader_read_header (AtlasCsvReader  *self,
                              GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->header->len == 0, FALSE);

  if (!read_record (self, TRUE, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        fail (self, error, ATLAS_CSV_ERROR_COLUMNS, self->line, 0, _("The file has no header row"));
      return FALSE;
    }

  for (guint i = 0; i < self->fields->len; i++)
    {
      const char *name = g_ptr_array_index (self->fields, i);
      g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

      if (stripped[0] == '\0')
        {
          fail (self, error, ATLAS_CSV_ERROR_COLUMNS, self->record_line, i + 1,
                _("Empty column name in the header"));
          return FALSE;
        }
      if (g_hash_table_contains (self->index, stripped))
        {
          fail (self, error, ATLAS_CSV_ERROR_COLUMNS, self->record_line, i + 1,
                _("The column “%s” appears twice in the header"), stripped);
          return FALSE;
        }
      g_ptr_array_add (self->header, g_strdup (stripped));
      g_hash_table_insert (self->index, g_ptr_array_index (self->header, i),
                           GUINT_TO_POINTER (i + 1));
    }

  return TRUE;
}

gboolean
atlas_csv_reader_require (AtlasCsvReader  *self,
                          const char     **columns,
                          GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; columns[i] != NULL; i++)
    {
      if (atlas_csv_reader_find_column (self, columns[i]) < 0)
        {
          fail (self, error, ATLAS_CSV_ERROR_COLUMNS, self->record_line, 0,
                _("The header has no column “%s”"), columns[i]);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * atlas_csv_reader_next:
 *
 * Reads the next record.  Returns %FALSE at the end of the input (@error
 * not set) or for a bad record (@error set); after a bad record, calling
 * again goes on with the records after it.
 */
gboolean
atlas_csv_reader_next (AtlasCsvReader  *self,
                       GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->header->len > 0, FALSE);

  if (!read_record (self, FALSE, error))
    return FALSE;

  if (self->fields->len != self->header->len)
    {
      fail (self, error, ATLAS_CSV_ERROR_COLUMNS, self->record_line, 0,
            _("The row has %u fields, the header has %u"), self->fields->len, self->header->len);
      return FALSE;
    }

  return TRUE;
}

/**
 * atlas_csv_reader_at_end:
 *
 * Returns: whether everything has been read
 */
gboolean
atlas_csv_reader_at_end (AtlasCsvReader *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return at_end (self);
}

guint
atlas_csv_reader_get_n_columns (AtlasCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->header->len;
}

const char *
atlas_csv_reader_get_column (AtlasCsvReader *self,
                             guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->header->len, NULL);

  return g_ptr_array_index (self->header, index);
}

int
atlas_csv_reader_find_column (AtlasCsvReader *self,
                              const char     *name)
{
  gpointer pos;

  g_return_val_if_fail (self != NULL, -1);

  pos = g_hash_table_lookup (self->index, name);
  return pos ? (int) GPOINTER_TO_UINT (pos) - 1 : -1;
}

/**
 * atlas_csv_reader_steal_field:
 *
 * Returns: (transfer full) (nullable): the field @index of the current
 *   record, which the reader forgets
 */
char *
atlas_csv_reader_steal_field (AtlasCsvReader *self,
                              guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (index >= self->fields->len)
    return NULL;
  return g_steal_pointer (&g_ptr_array_index (self->fields, index));
}

const char *
atlas_csv_reader_get_field (AtlasCsvReader *self,
                            guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (index >= self->fields->len)
    return NULL;
  return g_ptr_array_index (self->fields, index);
}

/* Returns the field of @column in the current record, or NULL when it is empty
 * or the file has no such column.
 */
const char *
atlas_csv_reader_get (AtlasCsvReader *self,
                      const char     *column)
{
  int index;

  g_return_val_if_fail (self != NULL, NULL);

  index = atlas_csv_reader_find_column (self, column);
  if (index < 0)
    return NULL;
  return atlas_csv_reader_get_field (self, index);
}
