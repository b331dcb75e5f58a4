/* test-import-lookup.c
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

#include <math.h>
#include <string.h>

#include "atlas-district-grid.h"
#include "atlas-geometry.h"
#include "atlas-import-private.h"
#include "data-io-fixture.h"

/* The shortcuts the import takes for speed give the answers of the slow,
 * obvious way: the district grid those of a scan over every district, the
 * reading of plain decimals that of g_ascii_strtod().
 */

typedef struct
{
  gint64         adcode;
  AtlasGeometry *geometry;
} Polygon;

static void
polygon_clear (Polygon *polygon)
{
  g_clear_pointer (&polygon->geometry, atlas_geometry_unref);
}

/* The districts in the order the grid reads them (the same query). */
static GArray *
load_polygons (sqlite3 *db)
{
  GArray *polygons = g_array_new (FALSE, TRUE, sizeof (Polygon));
  sqlite3_stmt *stmt = NULL;

  g_array_set_clear_func (polygons, (GDestroyNotify) polygon_clear);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT adcode, name_zh, name_en, geometry FROM main.district",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Polygon polygon = { 0 };

      polygon.geometry = atlas_geometry_new_from_blob (sqlite3_column_blob (stmt, 3),
                                                       sqlite3_column_bytes (stmt, 3), NULL);
      if (polygon.geometry == NULL || atlas_geometry_get_n_points (polygon.geometry) == 0)
        {
          g_clear_pointer (&polygon.geometry, atlas_geometry_unref);
          continue;
        }
      polygon.adcode = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (polygons, polygon);
    }
  sqlite3_finalize (stmt);
  return polygons;
}

/* The first district that holds the point, trying every one. */
static gint64
plain_scan (GArray *polygons,
            double  x,
            double  y)
{
  for (guint i = 0; i < polygons->len; i++)
    {
      Polygon *polygon = &g_array_index (polygons, Polygon, i);

      if (atlas_geometry_contains (polygon->geometry, x, y))
        return polygon->adcode;
    }
  return 0;
}

typedef struct
{
  guint       n_points;
  guint       n_outside;
  GHashTable *seen;      /* adcodes found */
} Tally;

static void
check_point (AtlasDistrictGrid *grid,
             GArray            *polygons,
             Tally             *tally,
             double             x,
             double             y)
{
  gint64 expected = plain_scan (polygons, x, y);
  gint64 found = atlas_district_grid_lookup (grid, x, y);

  if (found != expected)
    g_error ("(%.12f, %.12f): the grid says %" G_GINT64_FORMAT ", the scan %" G_GINT64_FORMAT,
             x, y, found, expected);
  tally->n_points++;
  tally->n_outside += expected == 0;
  g_hash_table_add (tally->seen, g_memdup2 (&expected, sizeof expected));
}

static void
test_grid_matches_scan (Fixture       *f,
                        gconstpointer  data)
{
  sqlite3 *db = atlas_store_get_db (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDistrictGrid) grid = atlas_district_grid_new (db, &error);
  g_autoptr(GArray) polygons = load_polygons (db);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  Tally tally = { 0, 0, seen };
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  static const double nudges[] = { 0.0, 1e-12, -1e-12, 1e-7, -1e-7, 1e-4, -1e-4 };
  const guint steps = 180;

  g_assert_no_error (error);
  g_assert_nonnull (grid);
  g_assert_cmpuint (polygons->len, >, 30);

  for (guint i = 0; i < polygons->len; i++)
    {
      double x0, y0, x1, y1;

      atlas_geometry_get_bounds (g_array_index (polygons, Polygon, i).geometry, &x0, &y0, &x1, &y1);
      min_x = MIN (min_x, x0);
      min_y = MIN (min_y, y0);
      max_x = MAX (max_x, x1);
      max_y = MAX (max_y, y1);
    }

  /* A lattice over the box and a margin beyond it: inside every district,
   * between them and outside them all, the box's own edges included.
   */
  for (guint j = 0; j <= steps; j++)
    for (guint i = 0; i <= steps; i++)
      {
        double x = min_x - 0.1 + (max_x - min_x + 0.2) * i / steps;
        double y = min_y - 0.1 + (max_y - min_y + 0.2) * j / steps;

        check_point (grid, polygons, &tally, x, y);
      }
  check_point (grid, polygons, &tally, min_x, min_y);
  check_point (grid, polygons, &tally, max_x, max_y);

  /* On the borders and just beside them: every fifth vertex and the middle
   * of the edge after it, nudged in both directions.
   */
  for (guint d = 0; d < polygons->len; d++)
    {
      AtlasGeometry *geometry = g_array_index (polygons, Polygon, d).geometry;

      for (guint p = 0; p < atlas_geometry_get_n_paths (geometry); p++)
        {
          guint n;
          const AtlasPoint *pts = atlas_geometry_get_path (geometry, p, &n);

          for (guint k = 0; k < n; k += 5)
            {
              const AtlasPoint *a = &pts[k], *b = &pts[(k + 1) % n];

              for (guint u = 0; u < G_N_ELEMENTS (nudges); u++)
                {
                  check_point (grid, polygons, &tally, a->x + nudges[u], a->y);
                  check_point (grid, polygons, &tally, a->x, a->y + nudges[u]);
                  check_point (grid, polygons, &tally, (a->x + b->x) / 2 + nudges[u], (a->y + b->y) / 2);
                }
            }
        }
    }

  g_test_message ("%u points, %u outside every district, %u districts found",
                  tally.n_points, tally.n_outside, g_hash_table_size (seen) - 1);
  /* The points reached every district and the outside. */
  g_assert_cmpuint (tally.n_outside, >, 1000);
  g_assert_cmpuint (g_hash_table_size (seen), ==, polygons->len + 1);
}

/* _atlas_import_parse_double() as it was before its shortcut. */
static gboolean
reference_parse (const char *text,
                 double     *value)
{
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value);
}

static void
check_decimal (const char *text)
{
  double expected = 0, found = 0;
  gboolean expected_ok = reference_parse (text, &expected);
  gboolean found_ok = _atlas_import_parse_double (text, &found);

  if (expected_ok != found_ok)
    g_error ("“%s”: accepted %d, expected %d", text, found_ok, expected_ok);
  /* The same bits: rounded the same way, -0 kept. */
  if (expected_ok && memcmp (&expected, &found, sizeof (double)) != 0)
    g_error ("“%s”: read %.17g, expected %.17g", text, found, expected);
}

static void
test_plain_decimals (void)
{
  static const char * const odd[] = {
    "", "-", ".", "-.", "0", "-0", "-0.0", "00012", "1.", ".5", "-.5", "1e5", "1E-3", " 1", "1 ",
    "1.2.3", "0x10", "+1", "--1", "1-", "nan", "inf", "1,5", "999999999999999",
    "9999999999999999", "123456789012345.6", "0.000000000000001", "0.0000000000000001",
    "106.55123456789012", "29.5630", "107.0", "1e400",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);

  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    check_decimal (odd[i]);

  /* Random decimals of 1 to 17 digits, any place for the point. */
  for (guint i = 0; i < 200000; i++)
    {
      char text[32];
      guint digits = g_rand_int_range (rand, 1, 18);
      guint point = g_rand_int_range (rand, 0, digits + 1);
      guint n = 0;

      if (g_rand_boolean (rand))
        text[n++] = '-';
      for (guint d = 0; d < digits; d++)
        {
          if (d == point && d > 0)
            text[n++] = '.';
          text[n++] = '0' + g_rand_int_range (rand, 0, 10);
        }
      text[n] = '\0';
      check_decimal (text);
    }

  /* Coordinates as files give them. */
  for (guint i = 0; i < 100000; i++)
    {
      char text[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_dtostr (text, sizeof text, g_rand_double_range (rand, 105.0, 110.5));
      check_decimal (text);
      g_ascii_formatd (text, sizeof text, "%.6f", g_rand_double_range (rand, 28.0, 32.5));
      check_decimal (text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import-lookup/district-grid-matches-scan", Fixture, NULL, fixture_set_up,
              test_grid_matches_scan, fixture_tear_down);
  g_test_add_func ("/import-lookup/plain-decimals-match-strtod", test_plain_decimals);

  return g_test_run ();
}
