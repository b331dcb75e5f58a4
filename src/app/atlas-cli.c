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
#include "atlas-import.h"
#include "atlas-map-render.h"
#include "atlas-package.h"
#include "atlas-render.h"
#include "atlas-session.h"
#include "atlas-signature.h"
#include "atlas-store.h"
#include "atlas-timeline-chart.h"
#include "atlas-updater.h"

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

static void add_update_options (GApplication *application);
static int  handle_update_options (GVariantDict *options);

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
      N_("Measure how fast VIEW draws (or “import”, or “all”), print the figures and exit"), N_("VIEW") },
    { "import", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Import the FILEs (CSV, JSON or .cqatlas) into your own data, print the report and exit"),
      NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --import: check and report, write nothing"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
    { NULL }
  };
  g_autofree char *limits = atlas_input_dup_limits_text ();
  g_autofree char *description = NULL;

  g_application_add_main_option_entries (application, entries);
  add_update_options (application);
  g_application_set_option_context_summary (application,
                                            _("Chongqing Science Atlas: science-and-technology "
                                              "co-operation in Chongqing on a map, a timeline and charts."));
  /* Translators: %s states the limits on imported files */
  description = g_strdup_printf (_("--import exits with 0 when every record was imported (or, with "
                                   "--dry-run, would be) or was already there, and 1 when any was "
                                   "rejected or nothing could be written.  %s"), limits);
  g_application_set_option_context_description (application, description);
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

  /* The import makes a user database of its own in a temporary folder. */
  if (g_str_equal (view, "import"))
    {
      atlas_import_benchmark ();
      return EXIT_SUCCESS;
    }

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
  if (g_str_equal (view, "all"))
    atlas_import_benchmark ();
  return EXIT_SUCCESS;
}

/* ---- --import ---------------------------------------------------------- */

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
} ImportRun;

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportRun *run = user_data;

  if (g_task_get_source_tag (G_TASK (result)) == atlas_import_plan_load_async)
    run->ok = atlas_import_plan_load_finish (ATLAS_IMPORT_PLAN (source), result, &run->error);
  else
    run->ok = atlas_import_plan_apply_finish (ATLAS_IMPORT_PLAN (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

/* The same work as the import dialog, through the same worker threads,
 * and the same report as its preview, on stdout.
 */
static int
import_files (const char * const *paths,
              gboolean            dry_run)
{
  g_autoptr(AtlasStore) store = open_store ();
  g_autoptr(AtlasImportPlan) plan = NULL;
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *report = NULL;
  ImportRun run = { loop, FALSE, NULL };
  guint rejected, added, changed;

  if (store == NULL)
    return EXIT_FAILURE;
  if (paths == NULL || paths[0] == NULL)
    {
      g_printerr (_("--import needs at least one FILE\n"));
      return EXIT_FAILURE;
    }
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);
      g_list_store_append (files, file);
    }

  plan = atlas_import_plan_new (store);
  atlas_import_plan_load_async (plan, G_LIST_MODEL (files), NULL, on_import_done, &run);
  g_main_loop_run (loop);
  if (!run.ok)
    {
      g_printerr ("%s\n", run.error->message);
      g_clear_error (&run.error);
      return EXIT_FAILURE;
    }

  report = atlas_import_plan_dup_report (plan);
  g_print ("%s", report);
  rejected = atlas_import_plan_count (plan, ATLAS_IMPORT_ACTION_REJECT);
  added = atlas_import_plan_count (plan, ATLAS_IMPORT_ACTION_ADD);
  changed = atlas_import_plan_count (plan, ATLAS_IMPORT_ACTION_CHANGE);
  if (rejected > 0)
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (NULL, "Nothing was imported: %u line was rejected",
                                                               "Nothing was imported: %u lines were rejected",
                                                               rejected), rejected);

      g_printerr ("%s\n", message);
      return EXIT_FAILURE;
    }
  if (dry_run)
    {
      g_printerr (_("Dry run: nothing was written\n"));
      return EXIT_SUCCESS;
    }
  if (added + changed == 0)
    {
      g_printerr (_("Nothing to import: every record is already there\n"));
      return EXIT_SUCCESS;
    }

  atlas_import_plan_apply_async (plan, NULL, on_import_done, &run);
  g_main_loop_run (loop);
  if (!run.ok)
    {
      g_printerr ("%s\n", run.error->message);
      g_clear_error (&run.error);
      return EXIT_FAILURE;
    }
  g_printerr (_("Imported: %u added, %u changed\n"), added, changed);
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

  if (g_variant_dict_contains (options, "import"))
    {
      g_autofree const char **files = NULL;

      g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
      return import_files (files, g_variant_dict_contains (options, "dry-run"));
    }
  if (g_variant_dict_contains (options, G_OPTION_REMAINING) || g_variant_dict_contains (options, "dry-run"))
    {
      g_printerr (_("Files are only read with --import FILE…\n"));
      return EXIT_FAILURE;
    }

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

  {
    int status = handle_update_options (options);

    if (status >= 0)
      return status;
  }

  /* Carry on: start the application. */
  return -1;
}

/* ---- data releases: --install-package and --check-update ------------------
 *
 * The same checks as the "Check for Updates" dialog, headless: a release
 * must carry the maintainers' signature (FILE.sig beside a file, or the
 * manifest's), be a valid package and be newer than the release shown.
 * Exit status 0 only when the release was installed or the data is already
 * up to date.
 */

static gboolean check_update_requested;
static char *check_update_url;

static gboolean
on_check_update_option (const char  *name,
                        const char  *value,
                        gpointer     data,
                        GError     **error)
{
  check_update_requested = TRUE;
  g_free (check_update_url);
  check_update_url = g_strdup (value);
  return TRUE;
}

static void
add_update_options (GApplication *application)
{
  const GOptionEntry entries[] = {
    { "install-package", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Install the signed dataset release FILE (with FILE.sig beside it) and exit"), N_("FILE") },
    { "check-update", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, on_check_update_option,
      N_("Check URL (default: the address in Preferences) for a newer dataset release, "
         "install it if there is one, and exit"), N_("[URL]") },
    { NULL }
  };

  g_application_add_main_option_entries (application, entries);
}

static void
print_changes (GListModel *changes)
{
  guint n = g_list_model_get_n_items (changes);

  g_print (g_dngettext (NULL, "%u record differs from the previous release.\n",
                        "%u records differ from the previous release.\n", n), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasPackageChange) change = g_list_model_get_item (changes, i);
      const char *detail = atlas_package_change_get_detail (change);

      g_print ("  %s %s %s%s%s\n", atlas_package_change_get_change (change),
               atlas_package_change_get_entity (change), atlas_package_change_get_id (change),
               detail ? ": " : "", detail ? detail : "");
    }
}

/* The whole file, refusing what is not a regular file of a sane size
 * before reading a byte (a FIFO would block, a device never ends).
 */
static GBytes *
read_package_file (const char  *path,
                   GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a regular file"), path);
      return NULL;
    }
  if (g_file_info_get_size (info) > ATLAS_PACKAGE_MAX_SIZE)
    {
      g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_TOO_LARGE,
                   _("The package is too large (more than %u MB)"),
                   (guint) (ATLAS_PACKAGE_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }
  return g_file_load_bytes (file, NULL, NULL, error);
}

static int
install_package (const char *path)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GBytes) package = NULL;
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *version = NULL;

  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
    absolute = g_file_get_path (file);
  }
  if ((store = open_store ()) == NULL)
    return EXIT_FAILURE;

  if ((package = read_package_file (path, &error)) == NULL
      || (signature = atlas_signature_read_detached (absolute ? absolute : path, &error)) == NULL
      || !atlas_package_install (store, package, signature, NULL, &changes, &error))
    {
      g_printerr (_("Cannot install “%s”: %s\n"), path, error->message);
      return EXIT_FAILURE;
    }

  atlas_store_get_release (store, &version, NULL, NULL);
  g_print (_("Installed release %s.\n"), version);
  print_changes (changes);
  return EXIT_SUCCESS;
}

static void
on_async_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* No main loop runs yet: turn the default context until @slot is set. */
static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
on_download_progress (AtlasUpdater *updater,
                      GParamSpec   *pspec,
                      int          *last)
{
  int percent = (int) (atlas_updater_get_progress (updater) * 100);

  if (percent / 10 != *last / 10)
    g_printerr ("%d%%\n", percent);
  *last = percent;
}

static char *
dup_default_update_url (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source == NULL || (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) == NULL)
    return NULL;
  settings = g_settings_new_full (schema, NULL, NULL);
  return g_settings_get_string (settings, "update-url");
}

static int
check_update (const char *url)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasUpdater) updater = NULL;
  g_autoptr(GAsyncResult) checked = NULL;
  g_autoptr(GAsyncResult) downloaded = NULL;
  g_autoptr(GBytes) package = NULL;
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fallback = NULL;
  g_autofree char *size = NULL;
  int last = -1;

  if (url == NULL)
    url = fallback = dup_default_update_url ();
  if ((store = open_store ()) == NULL)
    return EXIT_FAILURE;

  updater = atlas_updater_new (store, url);
  atlas_updater_check_async (updater, NULL, on_async_done, &checked);
  if (!atlas_updater_check_finish (updater, wait_for (&checked), &error))
    {
      g_printerr (_("Cannot check for updates: %s\n"), error->message);
      return EXIT_FAILURE;
    }
  if (!atlas_updater_is_newer (updater))
    {
      g_print (_("The data is up to date: there is no newer release than the one shown.\n"));
      return EXIT_SUCCESS;
    }

  size = g_format_size (atlas_updater_get_size (updater));
  g_print (_("Downloading release %s (%s)…\n"), atlas_updater_get_version (updater), size);
  g_signal_connect (updater, "notify::progress", G_CALLBACK (on_download_progress), &last);
  atlas_updater_download_async (updater, NULL, on_async_done, &downloaded);
  package = atlas_updater_download_finish (updater, wait_for (&downloaded), &error);
  if (package == NULL || !atlas_updater_install (updater, package, &changes, &error))
    {
      g_printerr (_("The update failed: %s\n"), error->message);
      return EXIT_FAILURE;
    }

  g_print (_("Installed release %s.\n"), atlas_updater_get_version (updater));
  print_changes (changes);
  return EXIT_SUCCESS;
}

/* -1 when none of these options was given. */
static int
handle_update_options (GVariantDict *options)
{
  const char *path = NULL;

  if (g_variant_dict_lookup (options, "install-package", "^&ay", &path))
    return install_package (path);
  if (check_update_requested)
    {
      g_autofree char *url = g_steal_pointer (&check_update_url);

      check_update_requested = FALSE;
      return check_update (url);
    }
  return -1;
}
