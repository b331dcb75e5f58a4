/* test-export.c
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

/* The JSON export, in process and through `cq-atlas --export-json`: every
 * table is there with as many rows as the database has, and every cited
 * record carries its citations.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "atlas-export.h"
#include "atlas-store.h"
#include "atlas-store-private.h"

static const struct
{
  const char *table;
  const char *count_sql;
  gboolean    cited;
} tables[] = {
  { "source", "SELECT count(*) FROM v_source", FALSE },
  { "district", "SELECT count(*) FROM main.district", FALSE },
  { "river", "SELECT count(*) FROM main.river", FALSE },
  { "site", "SELECT count(*) FROM v_site", TRUE },
  { "party", "SELECT count(*) FROM v_party", FALSE },
  { "event", "SELECT count(*) FROM v_event", TRUE },
  { "event_party", "SELECT count(*) FROM v_event_party", FALSE },
  { "event_site", "SELECT count(*) FROM v_event_site", FALSE },
  { "series", "SELECT count(*) FROM v_series", TRUE },
  { "statistic", "SELECT count(*) FROM v_statistic", TRUE },
  { "citation", "SELECT count(*) FROM v_citation", FALSE },
};

static AtlasStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bundled = atlas_store_get_bundled_bytes (&error);
  AtlasStore *store;

  g_assert_no_error (error);
  store = atlas_store_new (bundled, NULL, &error);
  g_assert_no_error (error);
  return store;
}

static int
count (AtlasStore *store,
       const char *sql)
{
  sqlite3_stmt *stmt = atlas_store_prepare (store, sql, NULL);
  int n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
check_document (AtlasStore *store,
                JsonNode   *root)
{
  JsonObject *object = json_node_get_object (root);
  JsonObject *out_tables;

  g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, ATLAS_EXPORT_FORMAT);
  g_assert_cmpint (json_object_get_int_member (object, "format_version"), ==, ATLAS_EXPORT_FORMAT_VERSION);
  g_assert_nonnull (json_object_get_string_member (json_object_get_object_member (object, "release"),
                                                   "version"));
  out_tables = json_object_get_object_member (object, "tables");
  g_assert_nonnull (out_tables);
  g_assert_cmpuint (json_object_get_size (out_tables), ==, G_N_ELEMENTS (tables));

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      JsonArray *rows = json_object_get_array_member (out_tables, tables[i].table);

      g_assert_nonnull (rows);
      g_test_message ("%s: %u rows", tables[i].table, json_array_get_length (rows));
      g_assert_cmpint (json_array_get_length (rows), ==, count (store, tables[i].count_sql));

      for (guint r = 0; tables[i].cited && r < json_array_get_length (rows); r++)
        {
          JsonObject *row = json_array_get_object_element (rows, r);
          JsonArray *citations = json_object_get_array_member (row, "citations");
          JsonObject *first;

          g_assert_nonnull (citations);
          g_assert_cmpuint (json_array_get_length (citations), >, 0);
          first = json_array_get_object_element (citations, 0);
          g_assert_nonnull (json_object_get_string_member (first, "source_id"));
          g_assert_cmpuint (strlen (json_object_get_string_member (first, "quote")), >, 0);
        }
    }

  /* Geometry comes out as paths of [lon, lat]. */
  {
    JsonArray *districts = json_object_get_array_member (out_tables, "district");
    JsonObject *district = json_array_get_object_element (districts, 0);
    JsonArray *paths = json_object_get_array_member (district, "geometry");
    JsonArray *path = json_array_get_array_element (paths, 0);
    JsonArray *point = json_array_get_array_element (path, 0);
    double lon = json_array_get_double_element (point, 0);

    g_assert_cmpfloat (lon, >, 105);
    g_assert_cmpfloat (lon, <, 111);
  }
}

static void
test_in_process (void)
{
  g_autoptr(AtlasStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = atlas_export_build_json (store, &error);

  g_assert_no_error (error);
  check_document (store, root);
}

static void
test_command_line (void)
{
  const char *program = g_getenv ("CQ_ATLAS_BIN");
  g_autoptr(AtlasStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *dir = g_dir_make_tmp ("atlas-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "atlas.json", NULL);
  g_autofree char *xdg = g_build_filename (dir, "xdg", NULL);
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *err = NULL;
  int status;

  g_assert_nonnull (program);
  env = g_environ_setenv (env, "XDG_DATA_HOME", xdg, TRUE);

  {
    const char *argv[] = { program, "--export-json", path, NULL };

    g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error);
    g_assert_no_error (error);
    g_test_message ("stderr: %s", err);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  check_document (store, json_parser_get_root (parser));

  /* An export into a folder that does not exist fails with a message and
   * an exit status, and writes nothing.
   */
  {
    g_autofree char *bad = g_build_filename (dir, "no", "such", "folder", "x.json", NULL);
    const char *argv[] = { program, "--export-json", bad, NULL };
    g_autofree char *bad_err = NULL;

    g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, NULL, &bad_err, &status, &error);
    g_assert_no_error (error);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (bad_err, "x.json"));
  }

  g_remove (path);
  {
    g_autofree char *user = g_build_filename (xdg, "cq-atlas", "user.sqlite", NULL);
    g_autofree char *user_dir = g_build_filename (xdg, "cq-atlas", NULL);

    g_remove (user);
    g_rmdir (user_dir);
    g_rmdir (xdg);
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/in-process", test_in_process);
  g_test_add_func ("/export/command-line", test_command_line);

  return g_test_run ();
}
