/* make-test-package.c
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

#include "atlas-package.h"
#include "atlas-store.h"
#include "atlas-store-private.h"

/* make-test-package OUTPUT VERSION: writes a dataset package of the bundled
 * data with the first statistic's value raised by one, for trying updates
 * by hand against a local server.  Sign it and get the manifest to serve
 * with `atlas-sign sign KEY.pem OUTPUT` (the app installs only packages
 * signed by a key in data/release-keys.txt).
 */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bundled = atlas_store_get_bundled_bytes (&error);
  g_autofree char *dir = g_dir_make_tmp ("atlas-package-XXXXXX", NULL);
  g_autofree char *user = g_build_filename (dir, "user.sqlite", NULL);
  g_autoptr(AtlasStore) store = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (argc != 3)
    {
      g_printerr ("usage: make-test-package OUTPUT VERSION\n");
      return 2;
    }
  store = atlas_store_new (bundled, user, &error);
  if (store == NULL
      || sqlite3_exec (atlas_store_get_db (store),
                       "INSERT INTO user.statistic (id, metric, label_zh, label_en, value, qualifier,"
                       " unit, period, scope, scope_zh, scope_en, district_adcode, site_id, as_of,"
                       " is_target, series, series_order, note)"
                       " SELECT id, metric, label_zh, label_en, value + 1,"
                       " qualifier, unit, period, scope, scope_zh, scope_en, district_adcode, site_id,"
                       " as_of, is_target, series, series_order, note FROM main.statistic"
                       " ORDER BY id LIMIT 1", NULL, NULL, NULL) != SQLITE_OK
      || !atlas_package_write (store, argv[1], argv[2], &error)
      || !g_file_get_contents (argv[1], &contents, &length, &error))
    {
      g_printerr ("%s\n", error ? error->message : "cannot make the package");
      return 1;
    }
  g_print ("Wrote %s (%" G_GSIZE_FORMAT " bytes); sign it with atlas-sign sign KEY.pem %s\n",
           argv[1], length, argv[1]);
  g_unlink (user);
  g_rmdir (dir);
  return 0;
}
