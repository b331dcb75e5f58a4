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
#include "atlas-charts-page.h"
#include "atlas-dataset.h"
#include "atlas-export.h"
#include "atlas-map-render.h"
#include "atlas-render.h"
#include "atlas-session.h"
#include "atlas-store.h"
#include "atlas-timeline-chart.h"

/* The views that can be rendered to a file and benchmarked without a
 * display.  Each view adds its row here.
 */
static const struct
{
  const char         *name;
  AtlasRenderFunc     render;
  AtlasBenchmarkFunc  benchmark;
} views[] = {
  { "map", atlas_map_render, atlas_map_benchmark },
  { "timeline", atlas_timeline_render, atlas_timeline_benchmark },
  { "charts", atlas_charts_render, atlas_charts_benchmark },
  { NULL, NULL, NULL },
};

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
    { "render", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Render VIEW (map, timeline or charts) to the --output file and exit"), N_("VIEW") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The file --render writes (.png, .svg or .pdf)"), N_("FILE") },
    { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("The size --render draws at, in pixels (default 1280x800)"), N_("WxH") },
    { "chart", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --render charts: render only the chart ID"), N_("ID") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --render: use the dark style"), NULL },
    { "benchmark", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Measure how fast VIEW draws (or “all”), print the figures and exit"), N_("VIEW") },
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

static AtlasDataset *
open_dataset (AtlasStore *store)
{
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_dataset_new (store, &error);

  if (dataset == NULL)
    g_printerr (_("Cannot read the atlas data: %s\n"), error->message);
  return dataset;
}

static gboolean
parse_size (const char *text,
            int        *width,
            int        *height)
{
  g_auto(GStrv) parts = NULL;
  guint64 w, h;

  if (text == NULL)
    return TRUE;

  parts = g_strsplit (text, "x", 2);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 16, 16384, &w, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 16, 16384, &h, NULL))
    return FALSE;

  *width = w;
  *height = h;
  return TRUE;
}

static int
render_view (const char *view,
             const char *output,
             const char *size,
             const char *chart,
             gboolean    dark)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasSession) session = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int width = 1280, height = 800;

  if (output == NULL)
    {
      g_printerr (_("--render needs --output FILE\n"));
      return EXIT_FAILURE;
    }
  if (!parse_size (size, &width, &height))
    {
      g_printerr (_("“%s” is not a size like 1280x800\n"), size);
      return EXIT_FAILURE;
    }

  for (guint i = 0; views[i].name != NULL; i++)
    {
      if (!g_str_equal (views[i].name, view))
        continue;

      if ((store = open_store ()) == NULL || (dataset = open_dataset (store)) == NULL)
        return EXIT_FAILURE;

      atlas_render_ensure_types ();
      session = atlas_session_new (dataset);
      node = views[i].render (session, chart, width, height, dark);
      if (node == NULL)
        {
          g_printerr (_("Nothing to render for “%s”\n"), chart ? chart : view);
          return EXIT_FAILURE;
        }

      file = g_file_new_for_commandline_arg (output);
      if (!atlas_render_node_to_file (node, width, height, file, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      return EXIT_SUCCESS;
    }

  g_printerr (_("Unknown view “%s”\n"), view);
  return EXIT_FAILURE;
}

static int
run_benchmark (const char *view)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  gboolean found = FALSE;

  if ((store = open_store ()) == NULL || (dataset = open_dataset (store)) == NULL)
    return EXIT_FAILURE;

  atlas_render_ensure_types ();
  for (guint i = 0; views[i].name != NULL; i++)
    {
      if (!g_str_equal (view, "all") && !g_str_equal (views[i].name, view))
        continue;
      views[i].benchmark (dataset);
      found = TRUE;
    }

  if (!found)
    {
      g_printerr (_("Unknown view “%s”\n"), view);
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
  const char *view = NULL;

  if (g_variant_dict_contains (options, "version"))
    return print_version ();

  if (g_variant_dict_lookup (options, "export-json", "^&ay", &path))
    return export_json (path);

  if (g_variant_dict_lookup (options, "render", "&s", &view))
    {
      const char *output = NULL;
      const char *size = NULL;
      const char *chart = NULL;

      g_variant_dict_lookup (options, "output", "^&ay", &output);
      g_variant_dict_lookup (options, "size", "&s", &size);
      g_variant_dict_lookup (options, "chart", "&s", &chart);
      return render_view (view, output, size, chart, g_variant_dict_contains (options, "dark"));
    }

  if (g_variant_dict_lookup (options, "benchmark", "&s", &view))
    return run_benchmark (view);

  /* Carry on: start the application. */
  return -1;
}
