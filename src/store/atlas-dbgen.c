/* atlas-dbgen.c
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

#include <locale.h>

#include "atlas-dataset-builder.h"

/* Build-time tool: atlas-dbgen --data DIR --schema FILE --output FILE [--seeds DIR]
 * Writes the bundled database, or lists every problem of the dataset as
 * "file:line: reason" and exits with status 1.
 */
int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *output = NULL;
  g_autofree char *seeds = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AtlasDatasetBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "Folder of the dataset files", "DIR" },
    { "schema", 0, 0, G_OPTION_ARG_FILENAME, &schema, "The schema (schema.sql)", "FILE" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, "Database to write", "FILE" },
    { "seeds", 0, 0, G_OPTION_ARG_FILENAME, &seeds,
      "Folder of the source documents, to check quotes", "DIR" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("- build the Chongqing Science Atlas database");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("atlas-dbgen: %s\n", error->message);
      return 2;
    }
  if (data_dir == NULL || schema == NULL)
    {
      g_printerr ("atlas-dbgen: --data and --schema are required\n");
      return 2;
    }

  builder = atlas_dataset_builder_new (data_dir, schema);
  if (seeds != NULL && *seeds != '\0')
    atlas_dataset_builder_set_seeds_dir (builder, seeds);

  if (!atlas_dataset_builder_build (builder, output, &error))
    {
      const char * const *problems = atlas_dataset_builder_get_problems (builder);

      for (guint i = 0; problems[i] != NULL; i++)
        g_printerr ("%s\n", problems[i]);
      g_printerr ("atlas-dbgen: %s\n", error->message);
      return 1;
    }

  return 0;
}
