/* test-data-layer.c
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

/* Unit tests of the data layer's small parts: the CSV reader, reduced-
 * precision dates and the polygon geometry.
 */

#include "config.h"

#include <math.h>

#include "atlas-csv.h"
#include "atlas-date.h"
#include "atlas-geometry.h"

/* ---- CSV -------------------------------------------------------------- */

static void
test_csv_quoting (void)
{
  const char text[] =
    "\xEF\xBB\xBF# a comment before the header\n"
    "id,name,note\r\n"
    "a,\"Liangjiang, New Area\",\"said \"\"hi\"\"\"\n"
    "b,\"two\nlines\",\n";
  g_autoptr(AtlasCsvReader) reader = atlas_csv_reader_new (text, strlen (text), "t.csv");
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_csv_reader_read_header (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_csv_reader_get_n_columns (reader), ==, 3);

  g_assert_true (atlas_csv_reader_next (reader, &error));
  g_assert_cmpstr (atlas_csv_reader_get (reader, "id"), ==, "a");
  g_assert_cmpstr (atlas_csv_reader_get (reader, "name"), ==, "Liangjiang, New Area");
  g_assert_cmpstr (atlas_csv_reader_get (reader, "note"), ==, "said \"hi\"");
  g_assert_cmpuint (atlas_csv_reader_get_line (reader), ==, 3);

  g_assert_true (atlas_csv_reader_next (reader, &error));
  g_assert_cmpstr (atlas_csv_reader_get (reader, "name"), ==, "two\nlines");
  /* An empty field is NULL. */
  g_assert_null (atlas_csv_reader_get (reader, "note"));

  g_assert_false (atlas_csv_reader_next (reader, &error));
  g_assert_no_error (error);
}

static void
test_csv_bad_utf8 (void)
{
  const char text[] = "id,name\na,\xff\xfe\n";
  g_autoptr(AtlasCsvReader) reader = atlas_csv_reader_new (text, strlen (text), "t.csv");
  g_autoptr(GError) error = NULL;

  if (atlas_csv_reader_read_header (reader, &error))
    g_assert_false (atlas_csv_reader_next (reader, &error));
  g_assert_error (error, ATLAS_CSV_ERROR, ATLAS_CSV_ERROR_ENCODING);
}

static void
test_csv_unterminated_quote (void)
{
  const char text[] = "id,name\na,\"open\n";
  g_autoptr(AtlasCsvReader) reader = atlas_csv_reader_new (text, strlen (text), "t.csv");
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_csv_reader_read_header (reader, &error));
  g_assert_false (atlas_csv_reader_next (reader, &error));
  g_assert_error (error, ATLAS_CSV_ERROR, ATLAS_CSV_ERROR_SYNTAX);
}

static void
test_csv_wrong_column_count (void)
{
  const char text[] = "id,name\na,b,c\n";
  g_autoptr(AtlasCsvReader) reader = atlas_csv_reader_new (text, strlen (text), "t.csv");
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_csv_reader_read_header (reader, &error));
  g_assert_false (atlas_csv_reader_next (reader, &error));
  g_assert_error (error, ATLAS_CSV_ERROR, ATLAS_CSV_ERROR_COLUMNS);
  g_assert_nonnull (strstr (error->message, "2"));
}

static void
test_csv_huge_field (void)
{
  g_autoptr(GString) text = g_string_new ("id,name\na,");
  g_autoptr(AtlasCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 5000; i++)
    g_string_append (text, "xxxxxxxxxx");
  g_string_append_c (text, '\n');

  reader = atlas_csv_reader_new (text->str, text->len, "t.csv");
  atlas_csv_reader_set_max_field (reader, 1000);
  g_assert_true (atlas_csv_reader_read_header (reader, &error));
  g_assert_false (atlas_csv_reader_next (reader, &error));
  g_assert_error (error, ATLAS_CSV_ERROR, ATLAS_CSV_ERROR_TOO_LARGE);
}

/* ---- dates ------------------------------------------------------------ */

static void
test_date_precision (void)
{
  static const struct {
    const char *text;
    AtlasDatePrecision precision;
    int first_y, first_m, first_d, last_y, last_m, last_d;
  } cases[] = {
    { "2020-12-15", ATLAS_DATE_PRECISION_DAY, 2020, 12, 15, 2020, 12, 15 },
    { "2017-11", ATLAS_DATE_PRECISION_MONTH, 2017, 11, 1, 2017, 11, 30 },
    { "2020-02", ATLAS_DATE_PRECISION_MONTH, 2020, 2, 1, 2020, 2, 29 },
    { "2016", ATLAS_DATE_PRECISION_YEAR, 2016, 1, 1, 2016, 12, 31 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AtlasDate date;
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;

      g_assert_true (atlas_date_parse (cases[i].text, &date, &error));
      g_assert_no_error (error);
      g_assert_cmpint (date.precision, ==, cases[i].precision);
      g_assert_cmpuint (atlas_date_get_first_day (&date), ==,
                        atlas_julian_from_ymd (cases[i].first_y, cases[i].first_m, cases[i].first_d));
      g_assert_cmpuint (atlas_date_get_last_day (&date), ==,
                        atlas_julian_from_ymd (cases[i].last_y, cases[i].last_m, cases[i].last_d));
      iso = atlas_date_to_iso (&date);
      g_assert_cmpstr (iso, ==, cases[i].text);
    }
}

static void
test_date_malformed (void)
{
  const char *bad[] = { "", "2020-13", "2020-02-30", "20-1-1", "2020/12/15", "2020-1", "2020-12-15x",
                        "十二月", NULL };

  for (guint i = 0; bad[i] != NULL; i++)
    {
      AtlasDate date;
      g_autoptr(GError) error = NULL;

      g_assert_false (atlas_date_parse (bad[i], &date, &error));
      g_assert_nonnull (error);
    }
}

static void
test_date_interval (void)
{
  AtlasDate first, last;
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_date_parse_interval ("2023-01/2023-08", &first, &last, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first.month, ==, 1);
  g_assert_cmpint (last.month, ==, 8);

  g_assert_true (atlas_date_parse_interval ("2022", &first, &last, &error));
  g_assert_cmpint (first.year, ==, 2022);
  g_assert_cmpint (last.year, ==, 2022);

  g_assert_false (atlas_date_parse_interval ("2020/2016", &first, &last, &error));
  g_assert_nonnull (error);
}

static void
test_julian_round_trip (void)
{
  for (guint32 j = atlas_julian_from_ymd (1999, 12, 25); j < atlas_julian_from_ymd (2031, 1, 5); j += 17)
    {
      int y, m, d;

      atlas_julian_to_ymd (j, &y, &m, &d);
      g_assert_cmpuint (atlas_julian_from_ymd (y, m, d), ==, j);
    }
}

/* ---- geometry --------------------------------------------------------- */

static AtlasGeometry *
square_with_hole (void)
{
  AtlasGeometry *g = atlas_geometry_new ();

  atlas_geometry_begin_path (g);
  atlas_geometry_add_point (g, 0, 0);
  atlas_geometry_add_point (g, 10, 0);
  atlas_geometry_add_point (g, 10, 10);
  atlas_geometry_add_point (g, 0, 10);
  atlas_geometry_begin_path (g);
  atlas_geometry_add_point (g, 4, 4);
  atlas_geometry_add_point (g, 6, 4);
  atlas_geometry_add_point (g, 6, 6);
  atlas_geometry_add_point (g, 4, 6);
  return g;
}

static void
test_geometry_contains (void)
{
  g_autoptr(AtlasGeometry) g = square_with_hole ();
  double x, y;

  g_assert_true (atlas_geometry_contains (g, 1, 1));
  g_assert_true (atlas_geometry_contains (g, 9, 5));
  g_assert_false (atlas_geometry_contains (g, 5, 5));      /* in the hole */
  g_assert_false (atlas_geometry_contains (g, 11, 5));
  g_assert_false (atlas_geometry_contains (g, -0.1, 5));

  /* The label point is inside, and away from the hole. */
  atlas_geometry_get_label_point (g, &x, &y);
  g_assert_true (atlas_geometry_contains (g, x, y));
}

static void
test_geometry_area (void)
{
  g_autoptr(AtlasGeometry) g = atlas_geometry_new ();

  /* Either winding gives the same area. */
  atlas_geometry_begin_path (g);
  atlas_geometry_add_point (g, 0, 0);
  atlas_geometry_add_point (g, 0, 10);
  atlas_geometry_add_point (g, 20, 10);
  atlas_geometry_add_point (g, 20, 0);
  g_assert_cmpfloat (atlas_geometry_get_area (g), ==, 200);
}

static void
test_geometry_blob_round_trip (void)
{
  g_autoptr(AtlasGeometry) g = square_with_hole ();
  g_autoptr(GBytes) blob = atlas_geometry_to_blob (g);
  g_autoptr(AtlasGeometry) back = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (blob, &size);
  double min_x, min_y, max_x, max_y;

  back = atlas_geometry_new_from_blob (data, size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_geometry_get_n_paths (back), ==, 2);
  g_assert_cmpuint (atlas_geometry_get_n_points (back), ==, 8);
  atlas_geometry_get_bounds (back, &min_x, &min_y, &max_x, &max_y);
  g_assert_cmpfloat (min_x, ==, 0);
  g_assert_cmpfloat (max_y, ==, 10);

  /* A truncated blob is an error, not a crash. */
  g_clear_pointer (&back, atlas_geometry_unref);
  back = atlas_geometry_new_from_blob (data, size - 3, &error);
  g_assert_null (back);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/quoting", test_csv_quoting);
  g_test_add_func ("/csv/bad-utf8", test_csv_bad_utf8);
  g_test_add_func ("/csv/unterminated-quote", test_csv_unterminated_quote);
  g_test_add_func ("/csv/wrong-column-count", test_csv_wrong_column_count);
  g_test_add_func ("/csv/huge-field", test_csv_huge_field);
  g_test_add_func ("/date/precision", test_date_precision);
  g_test_add_func ("/date/malformed", test_date_malformed);
  g_test_add_func ("/date/interval", test_date_interval);
  g_test_add_func ("/date/julian-round-trip", test_julian_round_trip);
  g_test_add_func ("/geometry/contains", test_geometry_contains);
  g_test_add_func ("/geometry/area", test_geometry_area);
  g_test_add_func ("/geometry/blob-round-trip", test_geometry_blob_round_trip);

  return g_test_run ();
}
