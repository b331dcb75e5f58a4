/* atlas-sign.c
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
#include <json-glib/json-glib.h>
#include <locale.h>

#include "atlas-package.h"
#include "atlas-signature.h"
#include "atlas-updater.h"

/* atlas-sign: the maintainers' tool for dataset releases (not installed).
 *
 *   atlas-sign generate-key KEY.pem     make a private key (mode 0600) and
 *                                       print its public key
 *   atlas-sign public-key KEY.pem       print the public key of KEY.pem, the
 *                                       line data/release-keys.txt lists
 *   atlas-sign sign KEY.pem PACKAGE [URL [NOTES]]
 *                                       check PACKAGE as the app would, write
 *                                       PACKAGE.sig and print the update
 *                                       manifest to publish beside it
 *   atlas-sign verify PACKAGE           check PACKAGE.sig against the keys
 *                                       this build trusts
 *
 * See HACKING.md, "Signing a dataset release".
 */

static GBytes *
read_bytes (const char  *path,
            GError     **error)
{
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return g_bytes_new_take (contents, length);
}

static int
generate_key (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) key = NULL;
  g_autofree char *public_key = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s exists; not overwriting a key\n", path);
      return 1;
    }
  if ((key = atlas_signature_generate_key (&error)) == NULL
      || (public_key = atlas_signature_dup_public_key (key, &error)) == NULL
      || !g_file_set_contents_full (path, g_bytes_get_data (key, NULL), g_bytes_get_size (key),
                                    G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("%s\n", public_key);
  return 0;
}

static int
print_public_key (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) key = read_bytes (path, &error);
  g_autofree char *public_key = NULL;

  if (key == NULL || (public_key = atlas_signature_dup_public_key (key, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("%s\n", public_key);
  return 0;
}

static int
sign (const char *key_path,
      const char *package_path,
      const char *url,
      const char *notes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) key = read_bytes (key_path, &error);
  g_autoptr(GBytes) package = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *sig_path = g_strconcat (package_path, ATLAS_SIGNATURE_SUFFIX, NULL);
  g_autofree char *line = NULL;
  g_autofree char *version = NULL;
  g_autofree char *created = NULL;
  g_autofree char *base = g_path_get_basename (package_path);
  g_autofree char *sum = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  sqlite3 *db;

  if (key == NULL || (package = read_bytes (package_path, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Sign only what the app will accept. */
  if ((db = atlas_package_open (package, &error)) == NULL)
    {
      g_printerr ("%s: %s\n", package_path, error->message);
      return 1;
    }
  {
    sqlite3_stmt *stmt = NULL;

    if (sqlite3_prepare_v2 (db, "SELECT version, created_on FROM main.release", -1, &stmt, NULL) == SQLITE_OK
        && sqlite3_step (stmt) == SQLITE_ROW)
      {
        version = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
        created = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      }
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
  if (!atlas_package_version_is_valid (version))
    {
      g_printerr ("%s: “%s” is not a release version (numbers and dots, like 2026.1)\n",
                  package_path, version ? version : "");
      return 1;
    }

  if ((signature = atlas_signature_sign (package, key, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  line = g_strconcat (signature, "\n", NULL);
  if (!g_file_set_contents (sig_path, line, -1, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, package);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, ATLAS_UPDATE_MANIFEST_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, version);
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, g_bytes_get_size (package));
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, sum);
  json_builder_set_member_name (builder, "signature");
  json_builder_add_string_value (builder, signature);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, url ? url : base);
  json_builder_set_member_name (builder, "notes");
  json_builder_add_string_value (builder, notes ? notes : "");
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json = json_generator_to_data (generator, NULL);
  g_print ("%s\n", json);
  g_printerr ("Wrote %s\n", sig_path);
  return 0;
}

static int
verify (const char *package_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) package = read_bytes (package_path, &error);
  g_autofree char *signature = NULL;

  if (package == NULL
      || (signature = atlas_signature_read_detached (package_path, &error)) == NULL
      || !atlas_signature_verify (package, signature, &error))
    {
      g_printerr ("%s: %s\n", package_path, error->message);
      return 1;
    }
  g_print ("%s: signed by a release key this build trusts\n", package_path);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");

  if (argc == 3 && g_str_equal (argv[1], "generate-key"))
    return generate_key (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "public-key"))
    return print_public_key (argv[2]);
  if (argc >= 4 && argc <= 6 && g_str_equal (argv[1], "sign"))
    return sign (argv[2], argv[3], argc > 4 ? argv[4] : NULL, argc > 5 ? argv[5] : NULL);
  if (argc == 3 && g_str_equal (argv[1], "verify"))
    return verify (argv[2]);

  g_printerr ("usage: atlas-sign generate-key KEY.pem\n"
              "       atlas-sign public-key KEY.pem\n"
              "       atlas-sign sign KEY.pem PACKAGE [URL [NOTES]]\n"
              "       atlas-sign verify PACKAGE\n");
  return 2;
}
