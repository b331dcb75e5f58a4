/* atlas-cli.c
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

#include <glib/gi18n.h>
#include <stdio.h>

#include "atlas-cli.h"
#include "atlas-export.h"
#include "atlas-store.h"

/* The command line's non-interactive modes.  They run in
 * handle-local-options, before GTK is initialised, so they need no display:
 * tests, scripts and benchmarks use them on headless machines.
 */

void
atlas_cli_add_options (GApplication *application)
{
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Show the program and dataset version"), NULL },
    { "export-json", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write the whole dataset, with citations, to FILE as JSON and exit"), N_("FILE") },
    { NULL }
  };

  g_application_add_main_option_entries (application, entries);
  g_application_set_option_context_summary (application,
                                            _("Chongqing Science Atlas: science-and-technology "
                                              "co-operation in Chongqing on a map, a timeline and charts."));
}

static AtlasStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  AtlasStore *store = atlas_store_new_default (&error);
  const GError *problem;

  if (store == NULL)
    {
      g_printerr (_("Cannot open the atlas data: %s\n"), error->message);
      return NULL;
    }

  problem = atlas_store_get_user_problem (store);
  if (problem != NULL)
    g_printerr (_("Warning: your own data is not included: %s\n"), problem->message);

  return store;
}

static int
export_json (const char *path)
{
  g_autoptr(AtlasStore) store = open_store ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return EXIT_FAILURE;

  file = g_file_new_for_commandline_arg (path);
  if (!atlas_export_json (store, file, &error))
    {
      g_printerr (_("Cannot export to “%s”: %s\n"), path, error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

static int
print_version (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new_default (&error);
  g_autofree char *version = NULL;
  g_autofree char *created_on = NULL;

  g_print ("cq-atlas %s\n", PACKAGE_VERSION);
  if (store != NULL && atlas_store_get_release (store, &version, &created_on, NULL))
    g_print (_("dataset %s (%s)\n"), version, created_on);
  return EXIT_SUCCESS;
}

int
atlas_cli_handle_options (GApplication *application,
                          GVariantDict *options)
{
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    return print_version ();

  if (g_variant_dict_lookup (options, "export-json", "^&ay", &path))
    return export_json (path);

  /* Carry on: start the application. */
  return -1;
}
