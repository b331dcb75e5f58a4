/* atlas-input.c
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

#define _DEFAULT_SOURCE
#define G_LOG_DOMAIN "atlas-input"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atlas-input.h"

/* Everything read from outside the program passes through here first.
 *
 * Files are read with a size cap into a bounded buffer, and only regular
 * files: a FIFO would block the reader forever and /dev/zero never ends.
 *
 * JSON is checked before json-glib sees it.  json-glib's parser recurses once
 * per nesting level, so 80,000 "[" overflow the stack (issue 16); it keeps
 * the last of two members with the same name, silently dropping data; it
 * turns a lone "\ud800" escape into text that is not valid UTF-8; and it
 * wraps whole numbers beyond 64 bits.  The checker below walks the document
 * once, without recursion, and refuses all of these with the line and the
 * column of the first problem.
 */

G_DEFINE_QUARK (atlas-input-error-quark, atlas_input_error)

/**
 * atlas_input_dup_limits_text:
 *
 * Returns: (transfer full): one sentence stating the limits, for dialogs
 *   and --help
 */
char *
atlas_input_dup_limits_text (void)
{
  return g_strdup_printf (_("Limits: %u MiB a file, %u rows an import, %u KiB a value, "
                            "JSON nested at most %u levels deep."),
                          (guint) (ATLAS_INPUT_MAX_FILE_SIZE / (1024 * 1024)),
                          (guint) ATLAS_INPUT_MAX_ROWS,
                          (guint) (ATLAS_INPUT_MAX_FIELD / 1024),
                          (guint) ATLAS_INPUT_MAX_DEPTH);
}

/* ---- files ------------------------------------------------------------ */

static void
set_too_large (GError     **error,
               const char  *name,
               gsize        max_size)
{
  g_set_error (error, ATLAS_INPUT_ERROR, ATLAS_INPUT_ERROR_TOO_LARGE,
               _("“%s” is larger than %u MiB, the most a file may hold"),
               name, (guint) (max_size / (1024 * 1024)));
}

static void
set_not_regular (GError     **error,
                 const char  *name)
{
  g_set_error (error, ATLAS_INPUT_ERROR, ATLAS_INPUT_ERROR_NOT_REGULAR,
               _("“%s” is not a regular file (it is a folder, a device or a pipe)"), name);
}

/* A local file: opened without blocking (a FIFO would wait for a writer),
 * then checked on the descriptor itself, so nothing can be swapped in
 * between the check and the read.
 */
static GBytes *
load_local (const char    *path,
            const char    *name,
            gsize          max_size,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree guint8 *buffer = NULL;
  struct stat st;
  gsize capacity, filled = 0;
  int fd, saved;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot open “%s”: %s"), name, g_strerror (saved));
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      saved = errno;
      close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot read “%s”: %s"), name, g_strerror (saved));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      set_not_regular (error, name);
      return NULL;
    }
  if (st.st_size < 0 || (guint64) st.st_size > max_size)
    {
      close (fd);
      set_too_large (error, name, max_size);
      return NULL;
    }

  /* The size can change while we read: the buffer grows, never past the cap. */
  capacity = (gsize) st.st_size + 1;
  buffer = g_malloc (capacity);
  for (;;)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (fd);
          return NULL;
        }
      if (filled == capacity)
        {
          if (capacity > max_size)
            {
              close (fd);
              set_too_large (error, name, max_size);
              return NULL;
            }
          capacity = MIN (capacity * 2, max_size + 1);
          buffer = g_realloc (buffer, capacity);
        }
      n = read (fd, buffer + filled, MIN (capacity - filled, (gsize) 1 << 20));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved = errno;
          close (fd);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Cannot read “%s”: %s"), name, g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      filled += n;
    }
  close (fd);

  if (filled > max_size)
    {
      set_too_large (error, name, max_size);
      return NULL;
    }
  return g_bytes_new_take (g_realloc (g_steal_pointer (&buffer), MAX (filled, 1)), filled);
}

/* Any other GFile (a portal or GVfs location): the type and size it reports,
 * and a read that stops at the cap.
 */
static GBytes *
load_remote (GFile         *file,
             const char    *name,
             gsize          max_size,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 chunk[64 * 1024];

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      set_not_regular (error, name);
      return NULL;
    }
  if (g_file_info_get_size (info) < 0 || (guint64) g_file_info_get_size (info) > max_size)
    {
      set_too_large (error, name, max_size);
      return NULL;
    }

  if ((stream = g_file_read (file, cancellable, error)) == NULL)
    return NULL;
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (data->len + (gsize) n > max_size)
        {
          set_too_large (error, name, max_size);
          return NULL;
        }
      g_byte_array_append (data, chunk, n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * atlas_input_load_file:
 * @max_size: the most bytes accepted
 *
 * Reads a whole regular file of at most @max_size bytes.  FIFOs, devices,
 * sockets and folders are refused before anything is read.
 *
 * Returns: (transfer full): the contents, or %NULL with @error set
 */
GBytes *
atlas_input_load_file (GFile         *file,
                       gsize          max_size,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_free (name);
      name = g_file_get_parse_name (file);
    }
  path = g_file_get_path (file);
  if (path != NULL)
    return load_local (path, name, max_size, cancellable, error);
  return load_remote (file, name, max_size, cancellable, error);
}

/* ---- JSON ------------------------------------------------------------- */

typedef enum
{
  EXPECT_VALUE,
  EXPECT_VALUE_OR_END,   /* just after "[" */
  EXPECT_KEY,            /* after "," in an object */
  EXPECT_KEY_OR_END,     /* just after "{" */
  EXPECT_COLON,
  AFTER_VALUE,
} State;

typedef struct
{
  const guchar *data;
  const guchar *p;
  const guchar *end;
  const guchar *line_start;
  guint         line;
  GString      *key;
} Scan;

static void G_GNUC_PRINTF (5, 6)
scan_fail (Scan         *scan,
           const guchar *at,
           int           code,
           GError      **error,
           const char   *format,
           ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, ATLAS_INPUT_ERROR, code, message);
  scan->p = at;
}

/* The 1-based column of @at on the current line, in characters.  Everything
 * before @at has been checked to be UTF-8 already.
 */
static guint
scan_column (Scan         *scan,
             const guchar *at)
{
  return (guint) g_utf8_strlen ((const char *) scan->line_start, at - scan->line_start) + 1;
}

static int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Four hex digits after "\u" at @p; -1 when they are not there. */
static int
read_hex4 (Scan         *scan,
           const guchar *p)
{
  int value = 0;

  if (scan->end - p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* Length of the valid UTF-8 character at @p, or 0. */
static gsize
utf8_char_length (Scan         *scan,
                  const guchar *p)
{
  gsize length = g_utf8_skip[*p];

  if ((gsize) (scan->end - p) < length || !g_utf8_validate_len ((const char *) p, length, NULL))
    return 0;
  return length;
}

/* A string at scan->p (on its opening quote).  The decoded text goes into
 * @key when it is not %NULL.
 */
static gboolean
scan_string (Scan     *scan,
             GString  *key,
             GError  **error)
{
  const guchar *start = scan->p;
  const guchar *p = scan->p + 1;

  if (key != NULL)
    g_string_truncate (key, 0);

  for (;;)
    {
      guchar c;

      if (p >= scan->end)
        {
          scan_fail (scan, start, ATLAS_INPUT_ERROR_SYNTAX, error,
                     _("A text is not closed before the end of the file"));
          return FALSE;
        }
      c = *p;
      if (c == '"')
        {
          scan->p = p + 1;
          return TRUE;
        }
      if (c < 0x20)
        {
          scan_fail (scan, p, ATLAS_INPUT_ERROR_SYNTAX, error,
                     _("A control character inside a text must be written as an escape"));
          return FALSE;
        }
      if (c == '\\')
        {
          int code;

          if (p + 1 >= scan->end)
            {
              scan_fail (scan, p, ATLAS_INPUT_ERROR_SYNTAX, error, _("An escape is cut short"));
              return FALSE;
            }
          switch (p[1])
            {
            case '"': case '\\': case '/':
              if (key != NULL)
                g_string_append_c (key, p[1]);
              p += 2;
              continue;
            case 'b': case 'f': case 'n': case 'r': case 't':
              if (key != NULL)
                g_string_append_c (key, p[1] == 'b' ? '\b' : p[1] == 'f' ? '\f' : p[1] == 'n' ? '\n'
                                        : p[1] == 'r' ? '\r' : '\t');
              p += 2;
              continue;
            case 'u':
              break;
            default:
              scan_fail (scan, p, ATLAS_INPUT_ERROR_SYNTAX, error,
                         _("“\\%c” is not an escape of JSON"), g_ascii_isprint (p[1]) ? p[1] : '?');
              return FALSE;
            }

          if ((code = read_hex4 (scan, p + 2)) < 0)
            {
              scan_fail (scan, p, ATLAS_INPUT_ERROR_SYNTAX, error,
                         _("“\\u” must be followed by four hexadecimal digits"));
              return FALSE;
            }
          if (code == 0)
            {
              scan_fail (scan, p, ATLAS_INPUT_ERROR_ENCODING, error,
                         _("“\\u0000” (a NUL character) is not allowed in a text"));
              return FALSE;
            }
          if (code >= 0xDC00 && code <= 0xDFFF)
            {
              scan_fail (scan, p, ATLAS_INPUT_ERROR_ENCODING, error,
                         _("“\\u%04X” is half of a UTF-16 pair without its first half"), code);
              return FALSE;
            }
          if (code >= 0xD800 && code <= 0xDBFF)
            {
              int low = -1;

              if (scan->end - p >= 12 && p[6] == '\\' && p[7] == 'u')
                low = read_hex4 (scan, p + 8);
              if (low < 0xDC00 || low > 0xDFFF)
                {
                  scan_fail (scan, p, ATLAS_INPUT_ERROR_ENCODING, error,
                             _("“\\u%04X” is half of a UTF-16 pair without its second half"), code);
                  return FALSE;
                }
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
              p += 6;
            }
          if (key != NULL)
            g_string_append_unichar (key, code);
          p += 6;
          continue;
        }
      if (c < 0x80)
        {
          if (key != NULL)
            g_string_append_c (key, c);
          p++;
          continue;
        }
      {
        gsize length = utf8_char_length (scan, p);

        if (length == 0)
          {
            scan_fail (scan, p, ATLAS_INPUT_ERROR_ENCODING, error, _("The text is not valid UTF-8"));
            return FALSE;
          }
        if (key != NULL)
          g_string_append_len (key, (const char *) p, length);
        p += length;
      }
    }
}

static gboolean
scan_number (Scan     *scan,
             GError  **error)
{
  static const char max_int[] = "9223372036854775807";
  const guchar *start = scan->p;
  const guchar *p = scan->p;
  const guchar *digits;
  gboolean whole = TRUE;
  gsize n_digits;

  if (*p == '-')
    p++;
  digits = p;
  if (p < scan->end && *p == '0')
    p++;
  else if (p < scan->end && *p >= '1' && *p <= '9')
    while (p < scan->end && g_ascii_isdigit (*p))
      p++;
  else
    {
      scan_fail (scan, start, ATLAS_INPUT_ERROR_SYNTAX, error, _("A number is not written as JSON numbers are"));
      return FALSE;
    }
  n_digits = p - digits;

  if (p < scan->end && *p == '.')
    {
      whole = FALSE;
      p++;
      if (p >= scan->end || !g_ascii_isdigit (*p))
        {
          scan_fail (scan, start, ATLAS_INPUT_ERROR_SYNTAX, error, _("A number is not written as JSON numbers are"));
          return FALSE;
        }
      while (p < scan->end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < scan->end && (*p == 'e' || *p == 'E'))
    {
      whole = FALSE;
      p++;
      if (p < scan->end && (*p == '+' || *p == '-'))
        p++;
      if (p >= scan->end || !g_ascii_isdigit (*p))
        {
          scan_fail (scan, start, ATLAS_INPUT_ERROR_SYNTAX, error, _("A number is not written as JSON numbers are"));
          return FALSE;
        }
      while (p < scan->end && g_ascii_isdigit (*p))
        p++;
    }

  /* json-glib reads a whole number into 64 bits; beyond, it would wrap. */
  if (whole && (n_digits > sizeof max_int - 1
                || (n_digits == sizeof max_int - 1 && memcmp (digits, max_int, n_digits) > 0)))
    {
      g_autofree char *text = g_strndup ((const char *) start, MIN ((gsize) (p - start), 40));

      scan_fail (scan, start, ATLAS_INPUT_ERROR_NUMBER, error,
                 _("The whole number %s%s is too large (the largest is %s)"),
                 text, (gsize) (p - start) > 40 ? "…" : "", max_int);
      return FALSE;
    }

  scan->p = p;
  return TRUE;
}

static gboolean
scan_literal (Scan     *scan,
              GError  **error)
{
  static const char * const literals[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize length = strlen (literals[i]);

      if ((gsize) (scan->end - scan->p) >= length && memcmp (scan->p, literals[i], length) == 0)
        {
          scan->p += length;
          return TRUE;
        }
    }
  scan_fail (scan, scan->p, ATLAS_INPUT_ERROR_SYNTAX, error, _("Unexpected text where a value belongs"));
  return FALSE;
}

static void
skip_space (Scan *scan)
{
  while (scan->p < scan->end)
    {
      guchar c = *scan->p;

      if (c == '\n')
        {
          scan->line++;
          scan->line_start = scan->p + 1;
        }
      else if (c != ' ' && c != '\t' && c != '\r')
        return;
      scan->p++;
    }
}

/* A character where JSON allows none: say whether it is broken UTF-8. */
static void
fail_unexpected (Scan     *scan,
                 const char *what,
                 GError  **error)
{
  if (*scan->p >= 0x80 && utf8_char_length (scan, scan->p) == 0)
    scan_fail (scan, scan->p, ATLAS_INPUT_ERROR_ENCODING, error, _("The file is not valid UTF-8"));
  else
    scan_fail (scan, scan->p, ATLAS_INPUT_ERROR_SYNTAX, error, "%s", what);
}

/**
 * atlas_input_check_json:
 * @length: bytes of @data, or -1 when it ends with a NUL
 * @max_depth: the most arrays and objects open at once
 * @line: (out) (optional): the line of the problem
 * @column: (out) (optional): its column, in characters
 *
 * Checks that @data is one JSON document that json-glib reads as it is
 * written: strict syntax, valid UTF-8 with no lone surrogate or NUL escape,
 * no member named twice in an object, whole numbers that fit 64 bits, and at
 * most @max_depth levels of nesting.  Linear time, no recursion.
 *
 * Returns: %TRUE if it is; otherwise %FALSE with @error (without the
 *   position; see @line and @column)
 */
gboolean
atlas_input_check_json (const char  *data,
                        gssize       length,
                        guint        max_depth,
                        guint       *line,
                        guint       *column,
                        GError     **error)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree guchar *kinds = NULL;       /* '{' or '[' of each open level */
  g_autofree GHashTable **names = NULL;  /* the member names of each open object */
  State state = EXPECT_VALUE;
  guint depth = 0;
  gboolean ok = FALSE;
  Scan scan;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (max_depth > 0, FALSE);

  if (length < 0)
    length = strlen (data);

  scan.data = scan.p = scan.line_start = (const guchar *) (data ? data : "");
  scan.end = scan.data + length;
  scan.line = 1;
  scan.key = key;
  kinds = g_new0 (guchar, max_depth + 1);
  names = g_new0 (GHashTable *, max_depth + 1);

  for (;;)
    {
      guchar c;

      skip_space (&scan);
      if (scan.p >= scan.end)
        {
          if (depth == 0 && state == AFTER_VALUE)
            ok = TRUE;
          else
            scan_fail (&scan, scan.p, ATLAS_INPUT_ERROR_SYNTAX, error,
                       scan.p == scan.data ? _("The file is empty")
                                           : _("The file ends before the document does"));
          break;
        }
      c = *scan.p;

      switch (state)
        {
        case EXPECT_VALUE_OR_END:
          if (c == ']')
            {
              scan.p++;
              depth--;
              state = AFTER_VALUE;
              continue;
            }
          G_GNUC_FALLTHROUGH;
        case EXPECT_VALUE:
          if (c == '{' || c == '[')
            {
              if (depth >= max_depth)
                {
                  scan_fail (&scan, scan.p, ATLAS_INPUT_ERROR_TOO_DEEP, error,
                             _("Arrays and objects are nested more than %u levels deep"), max_depth);
                  goto out;
                }
              depth++;
              kinds[depth] = c;
              if (c == '{')
                {
                  if (names[depth] == NULL)
                    names[depth] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
                  else
                    g_hash_table_remove_all (names[depth]);
                }
              scan.p++;
              state = c == '{' ? EXPECT_KEY_OR_END : EXPECT_VALUE_OR_END;
              continue;
            }
          if (c == '"')
            {
              if (!scan_string (&scan, NULL, error))
                goto out;
            }
          else if (c == '-' || g_ascii_isdigit (c))
            {
              if (!scan_number (&scan, error))
                goto out;
            }
          else if (c == 't' || c == 'f' || c == 'n')
            {
              if (!scan_literal (&scan, error))
                goto out;
            }
          else
            {
              fail_unexpected (&scan, _("Unexpected character where a value belongs"), error);
              goto out;
            }
          state = AFTER_VALUE;
          continue;

        case EXPECT_KEY_OR_END:
          if (c == '}')
            {
              scan.p++;
              depth--;
              state = AFTER_VALUE;
              continue;
            }
          G_GNUC_FALLTHROUGH;
        case EXPECT_KEY:
          if (c != '"')
            {
              fail_unexpected (&scan, _("A member name in quotes belongs here"), error);
              goto out;
            }
          {
            const guchar *at = scan.p;

            if (!scan_string (&scan, key, error))
              goto out;
            if (g_hash_table_contains (names[depth], key->str))
              {
                scan_fail (&scan, at, ATLAS_INPUT_ERROR_DUPLICATE_KEY, error,
                           _("The member “%s” appears twice in the same object"), key->str);
                goto out;
              }
            g_hash_table_add (names[depth], g_strndup (key->str, key->len));
          }
          state = EXPECT_COLON;
          continue;

        case EXPECT_COLON:
          if (c != ':')
            {
              fail_unexpected (&scan, _("A colon belongs after a member name"), error);
              goto out;
            }
          scan.p++;
          state = EXPECT_VALUE;
          continue;

        case AFTER_VALUE:
          if (depth == 0)
            {
              fail_unexpected (&scan, _("Unexpected text after the end of the document"), error);
              goto out;
            }
          if (c == ',')
            {
              scan.p++;
              state = kinds[depth] == '{' ? EXPECT_KEY : EXPECT_VALUE;
              continue;
            }
          if ((c == '}' && kinds[depth] == '{') || (c == ']' && kinds[depth] == '['))
            {
              scan.p++;
              depth--;
              continue;
            }
          fail_unexpected (&scan, kinds[depth] == '{' ? _("A comma or “}” belongs here")
                                                       : _("A comma or “]” belongs here"), error);
          goto out;

        default:
          g_assert_not_reached ();
        }
    }

out:
  for (guint i = 0; i <= max_depth; i++)
    g_clear_pointer (&names[i], g_hash_table_unref);
  if (!ok)
    {
      if (line != NULL)
        *line = scan.line;
      if (column != NULL)
        *column = scan_column (&scan, scan.p);
    }
  return ok;
}

/**
 * atlas_json_parser_load:
 * @length: bytes of @data, or -1 when it ends with a NUL
 *
 * json_parser_load_from_data() behind atlas_input_check_json() with the
 * limits of atlas-input.h: the one way the program parses JSON from
 * outside.  The error names the line and the column.
 */
gboolean
atlas_json_parser_load (JsonParser  *parser,
                        const char  *data,
                        gssize       length,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  guint line = 0, column = 0;

  g_return_val_if_fail (JSON_IS_PARSER (parser), FALSE);

  if (length < 0)
    length = data != NULL ? strlen (data) : 0;
  if ((gsize) length > ATLAS_INPUT_MAX_FILE_SIZE)
    {
      g_set_error (error, ATLAS_INPUT_ERROR, ATLAS_INPUT_ERROR_TOO_LARGE,
                   _("The JSON is larger than %u MiB"), (guint) (ATLAS_INPUT_MAX_FILE_SIZE / (1024 * 1024)));
      return FALSE;
    }
  if (!atlas_input_check_json (data, length, ATLAS_INPUT_MAX_DEPTH, &line, &column, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: line, column, what is wrong */
                   _("Line %u, column %u: %s"), line, column, local_error->message);
      return FALSE;
    }
  return json_parser_load_from_data (parser, data, length, error);
}
