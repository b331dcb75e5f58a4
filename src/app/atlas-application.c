/* atlas-application.c
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

#include "atlas-application.h"
#include "atlas-cli.h"
#include "atlas-dataset.h"
#include "atlas-preferences-window.h"
#include "atlas-store.h"
#include "atlas-style.h"
#include "atlas-window.h"

struct _AtlasApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  AtlasStore     *store;
  AtlasDataset   *dataset;
  GError         *open_error;
  GThread        *opening;      /* reads the data while GTK starts */
  gboolean        presenting;
};

G_DEFINE_FINAL_TYPE (AtlasApplication, atlas_application, ADW_TYPE_APPLICATION)

enum { PROP_0, PROP_PRESENTING, N_PROPS };
static GParamSpec *properties[N_PROPS];

/**
 * atlas_application_get_presenting:
 *
 * Returns: whether one of the windows presents (updates and imports wait
 *   until it ends, in every window)
 */
gboolean
atlas_application_get_presenting (AtlasApplication *self)
{
  g_return_val_if_fail (ATLAS_IS_APPLICATION (self), FALSE);
  return self->presenting;
}

static void
atlas_application_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AtlasApplication *self = ATLAS_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_PRESENTING:
      g_value_set_boolean (value, self->presenting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A window started or stopped presenting: every window's actions follow. */
static void
on_window_presenting_changed (AtlasApplication *self)
{
  gboolean presenting = FALSE;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  for (GList *l = windows; l != NULL; l = l->next)
    if (ATLAS_IS_WINDOW (l->data))
      presenting |= atlas_session_get_presenting (atlas_window_get_session (l->data));

  for (GList *l = windows; l != NULL; l = l->next)
    if (ATLAS_IS_WINDOW (l->data))
      atlas_window_update_actions (l->data);

  if (self->presenting != presenting)
    {
      self->presenting = presenting;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTING]);
    }
}

static void
atlas_application_window_added (GtkApplication *application,
                                GtkWindow      *window)
{
  GTK_APPLICATION_CLASS (atlas_application_parent_class)->window_added (application, window);

  if (ATLAS_IS_WINDOW (window))
    g_signal_connect_object (atlas_window_get_session (ATLAS_WINDOW (window)), "notify::presenting",
                             G_CALLBACK (on_window_presenting_changed), application, G_CONNECT_SWAPPED);
}

static void
atlas_application_window_removed (GtkApplication *application,
                                  GtkWindow      *window)
{
  GTK_APPLICATION_CLASS (atlas_application_parent_class)->window_removed (application, window);

  if (ATLAS_IS_WINDOW (window))
    on_window_presenting_changed (ATLAS_APPLICATION (application));
}

AtlasApplication *
atlas_application_new (void)
{
  return g_object_new (ATLAS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/* ---- data ------------------------------------------------------------- */

static void
open_dataset (AtlasApplication *self)
{
  self->store = atlas_store_new_default (&self->open_error);
  if (self->store != NULL)
    self->dataset = atlas_dataset_new (self->store, &self->open_error);
}

/* The thread of start_opening(): the store, the dataset and the error are
 * its alone until it is joined (finish_opening()).  Nothing in the store or
 * the model attaches to a main context while it loads.
 */
static gpointer
opening_thread (gpointer data)
{
  open_dataset (data);
  return NULL;
}

/* Start-up opens the display, loads GTK's styles and builds the window: the
 * data (the user's database checked, every record read) is read meanwhile
 * on another core, and the window waits for it only if it comes later.
 */
static void
start_opening (AtlasApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (self->opening != NULL || self->store != NULL || self->open_error != NULL)
    return;
  self->opening = g_thread_try_new ("atlas-open", opening_thread, self, &error);
  if (self->opening == NULL)
    g_debug ("Reading the data on the main thread: %s", error->message);
}

static void
finish_opening (AtlasApplication *self)
{
  if (self->opening != NULL)
    g_thread_join (g_steal_pointer (&self->opening));
}

/* The bundled data and the user's database, opened once: by the thread
 * start-up began, or here on first use.  A problem with the user's database
 * is not fatal: the store falls back to an in-memory one and reports it (the
 * window shows a banner).
 */
static gboolean
ensure_dataset (AtlasApplication  *self,
                GError           **error)
{
  finish_opening (self);
  if (self->dataset != NULL)
    return TRUE;

  if (self->open_error == NULL && self->store == NULL)
    open_dataset (self);

  if (self->dataset == NULL)
    {
      if (error != NULL)
        *error = g_error_copy (self->open_error);
      return FALSE;
    }
  return TRUE;
}

/**
 * atlas_application_get_dataset:
 *
 * Returns: (transfer none) (nullable): the dataset every window shows
 */
AtlasDataset *
atlas_application_get_dataset (AtlasApplication *self)
{
  g_return_val_if_fail (ATLAS_IS_APPLICATION (self), NULL);

  ensure_dataset (self, NULL);
  return self->dataset;
}

/**
 * atlas_application_get_settings:
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
atlas_application_get_settings (AtlasApplication *self)
{
  g_return_val_if_fail (ATLAS_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* ---- actions ---------------------------------------------------------- */

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  AtlasApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close the windows first, so that they save their size and state. */
  for (GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_destroy (window);
    }
  g_application_quit (G_APPLICATION (self));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  AtlasApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Chongqing Science Atlas authors"), NULL };
  g_autofree char *version = NULL;
  g_autofree char *created_on = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *release_notes = NULL;
  g_autofree char *comments = NULL;
  const char *summary = _("Science-and-technology co-operation in Chongqing — the Chinese Academy "
                          "of Sciences and the city, the Western (Chongqing) Science City, its "
                          "institutes, labs, parks and agreements — on a map, a timeline and charts.");
  GtkWidget *about;

  finish_opening (self);
  /* The release of the data shown, on the first page where it is seen
   * (the README promises it here), not only under Troubleshooting.
   */
  if (self->store != NULL
      && atlas_store_get_release (self->store, &version, &created_on, &checksum))
    {
      /* Translators: in About, under the description: "Data release 2024.1 of 2024-06-30, bundled with the application." */
      comments = g_strdup_printf (_("%s\n\nData release %s of %s, %s"), summary, version, created_on,
                                  atlas_store_is_from_update (self->store)
                                  ? _("installed by an update.") : _("bundled with the application."));
    }
  else
    comments = g_strdup (summary);

  about = adw_about_window_new ();
  g_object_set (about,
                "application-name", _("Chongqing Science Atlas"),
                "application-icon", APP_ID,
                "developer-name", _("The Chongqing Science Atlas authors"),
                "developers", developers,
                "version", PACKAGE_VERSION,
                "website", "https://github.com/cqatlas/science-atlas",
                "issue-url", "https://github.com/cqatlas/science-atlas/issues",
                "copyright", "© 2026 The Chongqing Science Atlas authors",
                "license-type", GTK_LICENSE_GPL_3_0,
                /* Translators: put your names here, one per line. */
                "translator-credits", _("translator-credits"),
                "comments", comments,
                NULL);

  if (version != NULL)
    {
      release_notes = g_strdup_printf (_("Dataset release %s, built on %s.\nChecksum (SHA-256): %s\n%s"),
                                       version, created_on, checksum,
                                       atlas_store_is_from_update (self->store)
                                       ? _("Installed by an update.") : _("Bundled with the application."));
      adw_about_window_set_debug_info (ADW_ABOUT_WINDOW (about), release_notes);
    }

  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("District Boundaries and Rivers"),
                                      NULL, GTK_LICENSE_CUSTOM,
                                      _("The base map’s district boundaries and rivers come from "
                                        "open geographic data; their origin and licences are "
                                        "listed in data/geo/README.md, shipped with the source code."));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Dataset"),
                                      NULL, GTK_LICENSE_CUSTOM,
                                      _("Sites, events and statistics are curated from five public "
                                        "documents: a Chinese Academy of Sciences report on its "
                                        "co-operation with Chongqing, Chongqing Daily (2020 and 2021), "
                                        "Chongqing Science and Technology News (2020) and People’s "
                                        "Daily (2023). Each record cites its source with a verbatim "
                                        "quote; see the Sources page. Coordinates and English names "
                                        "are the atlas authors’ additions."));
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about),
                                       _("Data Sources"),
                                       (const char *[]) {
                                         _("Chinese Academy of Sciences"),
                                         _("Chongqing Daily"),
                                         _("Chongqing Science and Technology News"),
                                         _("People’s Daily"),
                                         NULL });

  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  AtlasApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AtlasPreferencesWindow *preferences;

  finish_opening (self);
  preferences = atlas_preferences_window_new (self->settings, self->store);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

/* ---- style ------------------------------------------------------------ */

static void
update_color_scheme (AtlasApplication *self)
{
  g_autofree char *scheme = NULL;
  AdwColorScheme value = ADW_COLOR_SCHEME_DEFAULT;

  if (self->settings == NULL)
    return;

  scheme = g_settings_get_string (self->settings, "color-scheme");
  if (g_str_equal (scheme, "light"))
    value = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    value = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), value);
}

/* ---- GApplication ----------------------------------------------------- */

static void
atlas_application_startup (GApplication *application)
{
  AtlasApplication *self = ATLAS_APPLICATION (application);
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  g_autofree char *css = atlas_style_dup_css ();
  const char *quit_accels[] = { "<Primary>q", NULL };
  const char *preferences_accels[] = { "<Primary>comma", NULL };

  start_opening (self);

  G_APPLICATION_CLASS (atlas_application_parent_class)->startup (application);

  g_set_application_name (_("Chongqing Science Atlas"));
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  atlas_window_set_accels (GTK_APPLICATION (self));

  /* The category and kind colours, shared with the drawn views. */
  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::color-scheme",
                             G_CALLBACK (update_color_scheme), self, G_CONNECT_SWAPPED);
  else
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                              "preferences")),
                                 FALSE);
  update_color_scheme (self);
}

static void
atlas_application_activate (GApplication *application)
{
  AtlasApplication *self = ATLAS_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (!ensure_dataset (self, &error))
    {
      /* Only a broken installation gets here: the bundled data is part of the
       * program.  Say so instead of showing an empty window.
       */
      GtkWidget *dialog = adw_message_dialog_new (NULL, _("Cannot Open the Atlas Data"), NULL);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("The data bundled with the application could not be read "
                                        "(%s). Reinstalling the application should fix this."),
                                      error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  window = GTK_WINDOW (atlas_window_new (GTK_APPLICATION (self), self->dataset, self->settings));
  gtk_window_present (window);
}

static int
atlas_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  return atlas_cli_handle_options (application, options);
}

static void
atlas_application_dispose (GObject *object)
{
  AtlasApplication *self = (AtlasApplication *)object;

  finish_opening (self);
  g_clear_object (&self->dataset);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_error (&self->open_error);

  G_OBJECT_CLASS (atlas_application_parent_class)->dispose (object);
}

static void
atlas_application_class_init (AtlasApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = atlas_application_dispose;
  object_class->get_property = atlas_application_get_property;

  properties[PROP_PRESENTING] =
    g_param_spec_boolean ("presenting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  app_class->startup = atlas_application_startup;
  app_class->activate = atlas_application_activate;
  app_class->handle_local_options = atlas_application_handle_local_options;

  gtk_app_class->window_added = atlas_application_window_added;
  gtk_app_class->window_removed = atlas_application_window_removed;
}

static void
atlas_application_init (AtlasApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* An uninstalled build run by hand may not find its schema; it then runs
   * with the defaults instead of aborting.
   */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);

  atlas_cli_add_options (G_APPLICATION (self));
}
