/* atlas-preferences-window.c
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

#include "atlas-accessible.h"
#include "atlas-preferences-window.h"

struct _AtlasPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  AtlasStore           *store;

  AdwComboRow          *style_row;
  AdwActionRow         *release_row;
  AdwActionRow         *user_data_row;
  AdwEntryRow          *update_url_row;
  AdwComboRow          *audience_row;
  GPtrArray            *connectors;   /* of the audience row's items; [0] "" */
};

G_DEFINE_FINAL_TYPE (AtlasPreferencesWindow, atlas_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The order of the style row's items. */
static const char * const color_schemes[] = { "default", "light", "dark" };

static gboolean
scheme_to_position (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    if (g_str_equal (scheme, color_schemes[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
position_to_scheme (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (color_schemes))
    position = 0;
  return g_variant_new_string (color_schemes[position]);
}

/* The audience screen: "Automatic" and each connected monitor; a saved
 * monitor that is not connected now stays listed, so that opening the
 * preferences away from the projector does not forget it.
 */
static void
on_audience_selected (AtlasPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->audience_row);

  if (selected < self->connectors->len)
    g_settings_set_string (self->settings, "presentation-monitor",
                           g_ptr_array_index (self->connectors, selected));
}

static void
setup_audience (AtlasPreferencesWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *saved = g_settings_get_string (self->settings, "presentation-monitor");
  guint selected = 0;

  self->connectors = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (names, _("Automatic: not the laptop’s own screen"));
  g_ptr_array_add (self->connectors, g_strdup (""));
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      const char *connector = gdk_monitor_get_connector (monitor);
      GdkRectangle geometry;
      g_autofree char *name = NULL;

      if (connector == NULL)
        continue;
      gdk_monitor_get_geometry (monitor, &geometry);
      /* Translators: a screen in the audience-screen list: "HDMI-1 (1920×1080)". */
      name = g_strdup_printf (_("%s (%d×%d)"), connector, geometry.width, geometry.height);
      gtk_string_list_append (names, name);
      g_ptr_array_add (self->connectors, g_strdup (connector));
      if (g_strcmp0 (saved, connector) == 0)
        selected = self->connectors->len - 1;
    }
  if (saved[0] != '\0' && selected == 0)
    {
      /* Translators: a saved audience screen that is not connected now. */
      g_autofree char *name = g_strdup_printf (_("%s (not connected)"), saved);

      gtk_string_list_append (names, name);
      g_ptr_array_add (self->connectors, g_strdup (saved));
      selected = self->connectors->len - 1;
    }
  adw_combo_row_set_model (self->audience_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->audience_row, selected);
  g_signal_connect_object (self->audience_row, "notify::selected",
                           G_CALLBACK (on_audience_selected), self, G_CONNECT_SWAPPED);
}

static void
setup (AtlasPreferencesWindow *self)
{
  g_autofree char *version = NULL;
  g_autofree char *created_on = NULL;

  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                scheme_to_position, position_to_scheme, NULL, NULL);
  g_settings_bind (self->settings, "update-url", self->update_url_row, "text", G_SETTINGS_BIND_DEFAULT);
  if (gdk_display_get_default () != NULL)
    setup_audience (self);

  if (self->store != NULL && atlas_store_get_release (self->store, &version, &created_on, NULL))
    {
      g_autofree char *text = NULL;

      /* Translators: dataset version and the date it was built. */
      text = g_strdup_printf (_("%s, built on %s"), version, created_on);
      adw_action_row_set_subtitle (self->release_row, text);
    }

  if (self->store != NULL)
    {
      const GError *problem = atlas_store_get_user_problem (self->store);
      const char *path = atlas_store_get_user_path (self->store);
      g_autofree char *text = NULL;

      /* A broken file moved aside leaves a fresh one at the path: usable.
       * Row subtitles are markup; paths and messages are plain text.
       */
      if (path == NULL && problem != NULL)
        text = g_strdup_printf (_("Not available: %s"), problem->message);
      else
        text = g_strdup (path);
      if (text != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (text, -1);

          adw_action_row_set_subtitle (self->user_data_row, escaped);
        }
    }
}

static void
atlas_preferences_window_dispose (GObject *object)
{
  AtlasPreferencesWindow *self = (AtlasPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->connectors, g_ptr_array_unref);

  G_OBJECT_CLASS (atlas_preferences_window_parent_class)->dispose (object);
}

static void
atlas_preferences_window_class_init (AtlasPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesWindow, release_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesWindow, user_data_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesWindow, update_url_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasPreferencesWindow, audience_row);
}

static void
atlas_preferences_window_init (AtlasPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* What screen readers hear (atlas-accessible.c). */
  atlas_accessible_name_combo_row (self->style_row);
  atlas_accessible_name_combo_row (self->audience_row);
  atlas_accessible_fix_names (GTK_WIDGET (self));
}

AtlasPreferencesWindow *
atlas_preferences_window_new (GSettings  *settings,
                              AtlasStore *store)
{
  AtlasPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (ATLAS_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);
  self->store = store ? g_object_ref (store) : NULL;
  setup (self);

  return self;
}
