/* data-io-fixture.c
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

#include <glib/gstdio.h>

#include "atlas-export.h"
#include "atlas-store-private.h"
#include "data-io-fixture.h"

AtlasStore *
fixture_open_store (const char *user_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bundled = atlas_store_get_bundled_bytes (&error);
  AtlasStore *store;

  g_assert_no_error (error);
  store = atlas_store_new (bundled, user_path, &error);
  g_assert_no_error (error);
  return store;
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("atlas-data-io-XXXXXX", &error);
  g_assert_no_error (error);
  f->user_path = g_build_filename (f->dir, "user.sqlite", NULL);
  f->store = fixture_open_store (f->user_path);
  g_assert_null (atlas_store_get_user_problem (f->store));
}

void
fixture_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        g_chmod (child, 0700);
        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          fixture_remove_tree (child);
        else
          g_unlink (child);
      }
  g_chmod (path, 0700);
  g_rmdir (path);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  fixture_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->user_path);
}

int
fixture_count (AtlasStore *store,
               const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (atlas_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  return value;
}

/* Every record the user has: what "nothing written" is checked against. */
int
fixture_count_user_records (AtlasStore *store)
{
  return fixture_count (store,
                        "SELECT (SELECT count(*) FROM user.source) + (SELECT count(*) FROM user.site)"
                        " + (SELECT count(*) FROM user.party) + (SELECT count(*) FROM user.event)"
                        " + (SELECT count(*) FROM user.series) + (SELECT count(*) FROM user.statistic)"
                        " + (SELECT count(*) FROM user.citation) + (SELECT count(*) FROM user.event_party)"
                        " + (SELECT count(*) FROM user.event_site) + (SELECT count(*) FROM user.import_log)"
                        " + (SELECT count(*) FROM user.story) + (SELECT count(*) FROM user.story_step)");
}

char *
fixture_export_text (AtlasStore *store)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  root = atlas_export_build_json (store, &error);
  g_assert_no_error (error);
  object = json_node_get_object (root);
  /* The release differs between a package and the bundled data. */
  json_object_remove_member (object, "release");
  return json_to_string (root, FALSE);
}

/* Returns: (transfer full) (nullable): the first rejected row */
AtlasImportRow *
fixture_first_rejection (AtlasImportPlan *plan)
{
  GListModel *rows = atlas_import_plan_get_rows (plan);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      AtlasImportRow *row = g_list_model_get_item (rows, i);

      if (atlas_import_row_get_action (row) == ATLAS_IMPORT_ACTION_REJECT)
        return row;
      g_object_unref (row);
    }
  return NULL;
}
