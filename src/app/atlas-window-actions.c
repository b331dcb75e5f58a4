/* atlas-window-actions.c
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
#include "atlas-dataset.h"
#include "atlas-import-dialog.h"
#include "atlas-labels.h"
#include "atlas-update-dialog.h"
#include "atlas-state.h"
#include "atlas-vocabulary.h"
#include "atlas-story-editor.h"
#include "atlas-toast.h"
#include "atlas-window-private.h"

/* The window's actions.  Menus, buttons, shortcuts and (later) presentation
 * clickers all go through these, so each thing the window can do is written
 * once.
 */

static void
search_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  AtlasWindow *self = user_data;

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  /* A new search replaces the last one's words. */
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* The shortcuts window is built when first asked for, not with every
 * window: it is a window of its own, with a few hundred widgets.
 */
static void
show_help_overlay_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GtkApplicationWindow *window = user_data;
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/atlas-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      /* The window keeps it, hides it on close and destroys it with itself. */
      gtk_application_window_set_help_overlay (window, overlay);
      /* What GTK 4.8 tells screen readers, mended (atlas-accessible.c). */
      atlas_accessible_fix_names (GTK_WIDGET (overlay));
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
clear_filters_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  AtlasWindow *self = user_data;

  atlas_state_reset_filters (self->state);
}

static void
show_all_categories_activated (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  AtlasWindow *self = user_data;

  atlas_state_set_categories (self->state, ATLAS_ALL_SITE_CATEGORIES);
}

static void
page_changed (GSimpleAction *action,
              GVariant      *value,
              gpointer       user_data)
{
  AtlasWindow *self = user_data;
  const char *page = g_variant_get_string (value, NULL);

  /* Shortcuts name every page; a page this build lacks is ignored. */
  if (adw_view_stack_get_child_by_name (self->stack, page) != NULL)
    atlas_state_set_page (self->state, page);
}

static void
on_state_page_changed (AtlasWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "page");
  const char *page = atlas_state_get_page (self->state);

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (page ? page : ""));
}

static void
toggle_details_changed (GSimpleAction *action,
                        GVariant      *value,
                        gpointer       user_data)
{
  AtlasWindow *self = user_data;

  adw_flap_set_reveal_flap (self->flap, g_variant_get_boolean (value));
}

static void
on_flap_revealed (AtlasWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "toggle-details");

  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_boolean (adw_flap_get_reveal_flap (self->flap)));
}

/* One stateful action per site category, "win.category-research-institute". */
static char *
category_action_name (AtlasSiteCategory category)
{
  char *name = g_strconcat ("category-", atlas_site_category_to_string (category), NULL);

  g_strdelimit (name, "_", '-');
  return name;
}

static void
category_changed (GSimpleAction *action,
                  GVariant      *value,
                  gpointer       user_data)
{
  AtlasWindow *self = user_data;
  AtlasSiteCategory category = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (action), "category"));

  atlas_state_set_category (self->state, category, g_variant_get_boolean (value));
}

static void
on_filters_changed (AtlasWindow *self)
{
  for (guint i = 0; i < ATLAS_N_SITE_CATEGORIES; i++)
    {
      g_autofree char *name = category_action_name (i);
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

      g_simple_action_set_state (G_SIMPLE_ACTION (action),
                                 g_variant_new_boolean (atlas_state_has_category (self->state, i)));
    }

  _atlas_window_update_actions (self);
}

static GMenuModel *
build_filter_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) categories = g_menu_new ();
  g_autoptr(GMenu) all = g_menu_new ();

  for (guint i = 0; i < ATLAS_N_SITE_CATEGORIES; i++)
    {
      g_autofree char *name = category_action_name (i);
      g_autofree char *detailed = g_strconcat ("win.", name, NULL);

      g_menu_append (categories, atlas_site_category_get_label (i), detailed);
    }
  g_menu_append_section (menu, _("Site Categories"), G_MENU_MODEL (categories));

  g_menu_append (all, _("Show _All Categories"), "win.show-all-categories");
  g_menu_append (all, _("_Clear All Filters"), "win.clear-filters");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (all));

  return G_MENU_MODEL (menu);
}

/* ---- data in and out ---- */

static void
import_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  AtlasWindow *self = user_data;

  atlas_import_dialog_open (GTK_WINDOW (self), self->session);
}

static void
export_data_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  AtlasWindow *self = user_data;

  atlas_export_dialog_open (GTK_WINDOW (self), self->session);
}

/* Whether this window or another of the application presents: the data
 * must not change under a presentation.
 */
static gboolean
is_presenting (AtlasWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (atlas_session_get_presenting (self->session))
    return TRUE;

  for (GList *l = app ? gtk_application_get_windows (app) : NULL; l != NULL; l = l->next)
    if (ATLAS_IS_WINDOW (l->data) && ATLAS_WINDOW (l->data)->session != NULL &&
        atlas_session_get_presenting (ATLAS_WINDOW (l->data)->session))
      return TRUE;

  return FALSE;
}

static void
check_updates_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  AtlasWindow *self = user_data;
  g_autofree char *url = NULL;

  /* Never during a presentation: the data must not change under it. */
  if (is_presenting (self))
    {
      _atlas_window_show_toast (self, _("Updates wait until the presentation ends"));
      return;
    }
  url = self->settings ? g_settings_get_string (self->settings, "update-url") : g_strdup ("");
  atlas_update_dialog_open (GTK_WINDOW (self), self->session, url);
}

/* No address to update from: the menu offers to set one instead. */
static void
set_update_address_activated (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  AtlasWindow *self = user_data;

  gtk_widget_activate_action (GTK_WIDGET (self), "app.preferences", NULL);
}

static gboolean
has_update_address (AtlasWindow *self)
{
  g_autofree char *url = NULL;

  if (self->settings == NULL)
    return FALSE;
  url = g_settings_get_string (self->settings, "update-url");
  return url != NULL && *g_strstrip (url) != '\0';
}

static void
show_changes_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  AtlasWindow *self = user_data;

  atlas_update_dialog_show_changes (GTK_WINDOW (self), self->session);
}

static void
reset_data_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  AtlasWindow *self = user_data;

  atlas_reset_dialog_open (GTK_WINDOW (self), self->session);
}

/* Actions that change the data, or the view outside the story: off while
 * presenting.
 */
static const char * const editing_actions[] = {
  "import", "reset-data", "search", "stories", "page",
  "toggle-details", "present", "start-story", NULL,
};

static void
set_enabled (AtlasWindow *self,
             const char  *name,
             gboolean     enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* A short message, as plain text. */
void
_atlas_window_show_toast (AtlasWindow *self,
                          const char  *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, atlas_toast_new_plain (message));
}

/* The one place that says which of the window's actions can be used now. */
void
_atlas_window_update_actions (AtlasWindow *self)
{
  gboolean presenting = is_presenting (self);

  for (guint i = 0; editing_actions[i] != NULL; i++)
    set_enabled (self, editing_actions[i], !presenting);

  for (guint i = 0; i < ATLAS_N_SITE_CATEGORIES; i++)
    {
      g_autofree char *name = category_action_name (i);

      set_enabled (self, name, !presenting);
    }

  set_enabled (self, "undo", !presenting && atlas_history_get_can_undo (self->history));
  set_enabled (self, "redo", !presenting && atlas_history_get_can_redo (self->history));
  set_enabled (self, "show-all-categories",
               !presenting && atlas_state_get_categories (self->state) != ATLAS_ALL_SITE_CATEGORIES);
  set_enabled (self, "clear-filters", !presenting && atlas_state_is_filtering (self->state));

  /* Updates need an address; what changed needs an update. */
  set_enabled (self, "check-updates", !presenting && has_update_address (self));
  set_enabled (self, "set-update-address", !presenting && self->settings != NULL &&
                                           !has_update_address (self));
  set_enabled (self, "show-update-changes",
               atlas_store_is_from_update (atlas_dataset_get_store (self->dataset)));
}

static void
undo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  AtlasWindow *self = user_data;

  atlas_history_undo (self->history);
}

static void
redo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  AtlasWindow *self = user_data;

  atlas_history_redo (self->history);
}


static void
stories_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  AtlasWindow *self = user_data;

  if (self->story_editor == NULL)
    {
      self->story_editor = GTK_WIDGET (atlas_story_editor_new (GTK_WINDOW (self), self->session,
                                                               self->stack, self->presentation,
                                                               self->settings));
      g_object_add_weak_pointer (G_OBJECT (self->story_editor), (gpointer *) &self->story_editor);
    }
  gtk_window_present (GTK_WINDOW (self->story_editor));
}

static void
present_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  AtlasWindow *self = user_data;
  g_autoptr(AtlasStory) first = NULL;
  AtlasStory *story = NULL;
  guint step = 0;

  if (self->story_editor != NULL)
    story = atlas_story_editor_get_story (ATLAS_STORY_EDITOR (self->story_editor), &step);
  if (story == NULL && g_list_model_get_n_items (G_LIST_MODEL (self->stories)) > 0)
    story = first = g_list_model_get_item (G_LIST_MODEL (self->stories), 0);

  if (story == NULL || !atlas_presentation_start (self->presentation, story, step))
    _atlas_window_show_toast (self, _("Add steps to a story first: Stories → Add Current View"));
}

/* The welcome banner's button: the story, presented; the banner is done. */
static void
start_story_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  AtlasWindow *self = user_data;

  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "story-banner-dismissed", TRUE);
  self->welcoming = FALSE;
  atlas_banner_dismiss (self->banner);
  g_action_group_activate_action (G_ACTION_GROUP (self), "present", NULL);
}

static const GActionEntry win_actions[] = {
  { "import", import_activated },
  { "export-data", export_data_activated },
  { "check-updates", check_updates_activated },
  { "set-update-address", set_update_address_activated },
  { "show-update-changes", show_changes_activated },
  { "reset-data", reset_data_activated },
  { "undo", undo_activated },
  { "redo", redo_activated },
  { "stories", stories_activated },
  { "present", present_activated },
  { "start-story", start_story_activated },
  { "search", search_activated },
  { "show-help-overlay", show_help_overlay_activated },
  { "clear-filters", clear_filters_activated },
  { "show-all-categories", show_all_categories_activated },
  { "page", NULL, "s", "''", page_changed },
  { "toggle-details", NULL, NULL, "false", toggle_details_changed },
};

/* The filter menu's popover is made the first time it opens: a popover
 * menu is a few milliseconds of widgets that most starts never show.
 */
static void
create_filter_popup (GtkMenuButton *button,
                     gpointer       user_data)
{
  g_autoptr(GMenuModel) filter_menu = NULL;

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;
  filter_menu = build_filter_menu ();
  gtk_menu_button_set_menu_model (button, filter_menu);
}

void
_atlas_window_install_actions (AtlasWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);

  for (guint i = 0; i < ATLAS_N_SITE_CATEGORIES; i++)
    {
      g_autofree char *name = category_action_name (i);
      g_autoptr(GSimpleAction) action = NULL;

      action = g_simple_action_new_stateful (name, NULL, g_variant_new_boolean (TRUE));
      g_object_set_data (G_OBJECT (action), "category", GUINT_TO_POINTER (i));
      g_signal_connect_object (action, "change-state", G_CALLBACK (category_changed), self, 0);
      g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
    }

  gtk_menu_button_set_create_popup_func (self->filter_button, create_filter_popup, NULL, NULL);

  g_signal_connect_object (self->state, "notify::page",
                           G_CALLBACK (on_state_page_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "filters-changed",
                           G_CALLBACK (on_filters_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::reveal-flap",
                           G_CALLBACK (on_flap_revealed), self, G_CONNECT_SWAPPED);

  /* The application tells every window when one of them presents. */
  g_signal_connect_object (self->session, "notify::presenting",
                           G_CALLBACK (_atlas_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify",
                           G_CALLBACK (_atlas_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "reloaded",
                           G_CALLBACK (_atlas_window_update_actions), self, G_CONNECT_SWAPPED);

  on_state_page_changed (self);
  on_filters_changed (self);
  on_flap_revealed (self);
}
