/* atlas-presentation.c
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

#include "atlas-present-hud.h"
#include "atlas-presentation.h"
#include "atlas-presenter-window.h"
#include "atlas-state.h"
#include "atlas-story-player.h"
#include "atlas-view.h"

/* Presentation mode: the window goes fullscreen without its chrome, each
 * page draws for a projector (AtlasView.set_presenting), and a story is told
 * step by step with the keys a laptop or a USB clicker sends.  With a second
 * monitor the audience gets the window and the speaker a presenter view.
 * The session's "presenting" tells the window to hide its chrome and turn
 * editing off; leaving brings back the state as it was.
 */

struct _AtlasPresentation
{
  GObject            parent_instance;

  GtkWindow         *window;       /* weak: the window owns us */
  AtlasSession      *session;
  AdwViewStack      *pages;
  GSettings         *settings;
  GtkOverlay        *overlay;
  AtlasPresentHud   *hud;
  AtlasStory        *story;
  guint              index;
  gboolean           active;

  JsonNode          *saved_state;
  GtkEventController *keys;
  AtlasPresenterWindow *presenter;
  gboolean           force_presenter;

  gboolean           autoplay;
  guint              dwell;
  gboolean           loop;
  guint              autoplay_id;
};

G_DEFINE_FINAL_TYPE (AtlasPresentation, atlas_presentation, G_TYPE_OBJECT)

static void
set_view_presenting (gpointer view,
                     gpointer presenting)
{
  atlas_view_set_presenting (ATLAS_VIEW (view), GPOINTER_TO_INT (presenting));
}

static void
for_each_view (AtlasPresentation *self,
               gboolean           presenting)
{
  atlas_view_foreach (self->pages, set_view_presenting, GINT_TO_POINTER (presenting));
}

static void
stop_autoplay (AtlasPresentation *self)
{
  g_clear_handle_id (&self->autoplay_id, g_source_remove);
}

static gboolean
autoplay_tick (gpointer user_data)
{
  AtlasPresentation *self = user_data;

  if (self->index + 1 < atlas_story_get_n_steps (self->story))
    atlas_presentation_go_to (self, self->index + 1);
  else if (self->loop)
    atlas_presentation_go_to (self, 0);
  else
    {
      self->autoplay_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
restart_autoplay (AtlasPresentation *self)
{
  stop_autoplay (self);
  if (self->active && self->autoplay && self->dwell > 0)
    self->autoplay_id = g_timeout_add_seconds (self->dwell, autoplay_tick, self);
}

static gboolean
on_key_pressed (AtlasPresentation     *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  if (!self->active)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_space:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_n:
      atlas_presentation_next (self);
      restart_autoplay (self);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_BackSpace:
    case GDK_KEY_p:
      atlas_presentation_previous (self);
      restart_autoplay (self);
      return TRUE;

    case GDK_KEY_Home:
      atlas_presentation_go_to (self, 0);
      return TRUE;

    case GDK_KEY_End:
      atlas_presentation_go_to (self, atlas_story_get_n_steps (self->story) - 1);
      return TRUE;

    case GDK_KEY_b:
    case GDK_KEY_B:
    case GDK_KEY_period:
      atlas_presentation_set_blanked (self, !atlas_presentation_get_blanked (self));
      return TRUE;

    case GDK_KEY_Escape:
      atlas_presentation_stop (self);
      return TRUE;

    default:
      /* Typing must not open the search or edit anything. */
      return TRUE;
    }
}

/* ---- actions ---------------------------------------------------------- */

static void
next_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  atlas_presentation_next (user_data);
  restart_autoplay (user_data);
}

static void
previous_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  atlas_presentation_previous (user_data);
  restart_autoplay (user_data);
}

static void
leave_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  atlas_presentation_stop (user_data);
}

static void
blank_changed (GSimpleAction *action,
               GVariant      *value,
               gpointer       user_data)
{
  atlas_presentation_set_blanked (user_data, g_variant_get_boolean (value));
}

static const GActionEntry present_actions[] = {
  { "present-next", next_activated },
  { "present-previous", previous_activated },
  { "present-leave", leave_activated },
  { "present-blank", NULL, NULL, "false", blank_changed },
};

static void
update_action_states (AtlasPresentation *self)
{
  GActionMap *map = G_ACTION_MAP (self->window);

  for (guint i = 0; i < G_N_ELEMENTS (present_actions); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (map, present_actions[i].name)),
                                 self->active);
}

/* ---- GObject ---------------------------------------------------------- */

static void
atlas_presentation_dispose (GObject *object)
{
  AtlasPresentation *self = (AtlasPresentation *)object;

  stop_autoplay (self);
  if (self->presenter != NULL)
    gtk_window_destroy (GTK_WINDOW (self->presenter));
  g_clear_object (&self->presenter);
  g_clear_object (&self->story);
  g_clear_pointer (&self->saved_state, json_node_unref);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->window);
  g_clear_weak_pointer (&self->pages);

  G_OBJECT_CLASS (atlas_presentation_parent_class)->dispose (object);
}

static void
atlas_presentation_class_init (AtlasPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_presentation_dispose;
}

static void
atlas_presentation_init (AtlasPresentation *self)
{
  self->dwell = 20;
}

static void
on_settings_changed (AtlasPresentation *self)
{
  GSettings *settings = self->settings;

  if (settings == NULL)
    return;
  atlas_presentation_set_autoplay (self,
                                   g_settings_get_boolean (settings, "presentation-autoplay"),
                                   g_settings_get_uint (settings, "presentation-dwell"),
                                   g_settings_get_boolean (settings, "presentation-loop"));
}

static void
load_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/ui/atlas-present-style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/**
 * atlas_presentation_new:
 * @window: the window that presents
 * @pages: the window's pages
 * @overlay: the overlay over the window's content where the captions go
 *
 * Adds the win.present-next, -previous, -leave and -blank actions to @window.
 */
AtlasPresentation *
atlas_presentation_new (GtkWindow    *window,
                        AtlasSession *session,
                        AdwViewStack *pages,
                        GtkOverlay   *overlay)
{
  AtlasPresentation *self;

  g_return_val_if_fail (GTK_IS_WINDOW (window) && G_IS_ACTION_MAP (window), NULL);
  g_return_val_if_fail (ATLAS_IS_SESSION (session), NULL);
  g_return_val_if_fail (ADW_IS_VIEW_STACK (pages), NULL);
  g_return_val_if_fail (GTK_IS_OVERLAY (overlay), NULL);

  self = g_object_new (ATLAS_TYPE_PRESENTATION, NULL);
  g_set_weak_pointer (&self->window, window);
  g_set_weak_pointer (&self->pages, pages);
  self->session = g_object_ref (session);
  self->overlay = overlay;
  self->hud = ATLAS_PRESENT_HUD (atlas_present_hud_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->hud), FALSE);
  gtk_overlay_add_overlay (overlay, GTK_WIDGET (self->hud));

  g_action_map_add_action_entries (G_ACTION_MAP (window), present_actions,
                                   G_N_ELEMENTS (present_actions), self);
  update_action_states (self);

  self->keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (self->keys, "atlas-presentation-keys");
  gtk_event_controller_set_propagation_phase (self->keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (self->keys, "key-pressed", G_CALLBACK (on_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (window), self->keys);

  load_style ();
  return self;
}

/* Autoplay for kiosks is a preference, so that it survives a restart. */
void
atlas_presentation_bind_settings (AtlasPresentation *self,
                                  GSettings         *settings)
{
  g_return_if_fail (ATLAS_IS_PRESENTATION (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_set_object (&self->settings, settings);
  g_signal_connect_object (settings, "changed::presentation-autoplay",
                           G_CALLBACK (on_settings_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::presentation-dwell",
                           G_CALLBACK (on_settings_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::presentation-loop",
                           G_CALLBACK (on_settings_changed), self, G_CONNECT_SWAPPED);
  on_settings_changed (self);
}

static GdkMonitor *
other_monitor (GtkWindow *window)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));
  GListModel *monitors = gdk_display_get_monitors (display);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  GdkMonitor *own = surface ? gdk_display_get_monitor_at_surface (display, surface) : NULL;
  guint n = g_list_model_get_n_items (monitors);

  if (n < 2)
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (monitor != own)
        return monitor;
    }
  return NULL;
}

/**
 * atlas_presentation_start:
 *
 * Returns: %FALSE if @story has no step to show
 */
gboolean
atlas_presentation_start (AtlasPresentation *self,
                          AtlasStory        *story,
                          guint              first_step)
{
  GtkWindow *w;
  GdkMonitor *audience;

  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_STORY (story), FALSE);

  w = self->window;
  if (self->active || w == NULL || self->pages == NULL || atlas_story_get_n_steps (story) == 0)
    return FALSE;

  g_set_object (&self->story, story);
  self->active = TRUE;

  /* Leaving brings the state back as it was. */
  g_clear_pointer (&self->saved_state, json_node_unref);
  self->saved_state = atlas_state_to_json (atlas_session_get_state (self->session));

  atlas_session_set_presenting (self->session, TRUE);
  update_action_states (self);

  gtk_widget_add_css_class (GTK_WIDGET (w), "presenting");
  for_each_view (self, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->hud), TRUE);

  audience = other_monitor (w);
  if (audience != NULL)
    gtk_window_fullscreen_on_monitor (w, audience);
  else
    gtk_window_fullscreen (w);

  if (audience != NULL || self->force_presenter)
    {
      self->presenter = g_object_ref_sink (atlas_presenter_window_new (w));
      gtk_window_present (GTK_WINDOW (self->presenter));
    }

  atlas_presentation_go_to (self, MIN (first_step, atlas_story_get_n_steps (story) - 1));
  gtk_widget_grab_focus (GTK_WIDGET (self->pages));
  restart_autoplay (self);
  return TRUE;
}

void
atlas_presentation_stop (AtlasPresentation *self)
{
  GtkWindow *w;

  g_return_if_fail (ATLAS_IS_PRESENTATION (self));

  w = self->window;
  if (!self->active || w == NULL)
    return;

  self->active = FALSE;
  stop_autoplay (self);
  atlas_presentation_set_blanked (self, FALSE);
  if (self->presenter != NULL)
    gtk_window_destroy (GTK_WINDOW (self->presenter));
  g_clear_object (&self->presenter);

  gtk_widget_set_visible (GTK_WIDGET (self->hud), FALSE);
  atlas_present_hud_set_message (self->hud, NULL);
  for_each_view (self, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (w), "presenting");
  gtk_window_unfullscreen (w);

  update_action_states (self);
  atlas_session_set_presenting (self->session, FALSE);

  if (self->saved_state != NULL)
    atlas_state_load_json (atlas_session_get_state (self->session), self->saved_state,
                           atlas_session_get_dataset (self->session), NULL);
}

gboolean
atlas_presentation_get_active (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), FALSE);

  return self->active;
}

guint
atlas_presentation_get_index (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), 0);

  return self->index;
}

/* A still of the page now, for the cross-fade to the next step. */
static GdkPaintable *
snapshot_stack (AtlasPresentation *self)
{
  GtkWidget *stack = GTK_WIDGET (self->pages);
  g_autoptr(GdkPaintable) live = NULL;

  if (!gtk_widget_get_mapped (stack))
    return NULL;
  live = gtk_widget_paintable_new (stack);
  return gdk_paintable_get_current_image (live);
}

gboolean
atlas_presentation_go_to (AtlasPresentation *self,
                          guint              index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPaintable) previous = NULL;
  AtlasStoryStep *step;
  guint n;

  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), FALSE);

  if (!self->active || self->pages == NULL)
    return FALSE;
  n = atlas_story_get_n_steps (self->story);
  if (index >= n)
    return FALSE;

  step = atlas_story_get_step (self->story, index);
  previous = snapshot_stack (self);
  self->index = index;

  if (!atlas_story_player_apply (self->session, self->pages, step, TRUE, &error))
    atlas_present_hud_set_message (self->hud, error->message);
  else
    atlas_present_hud_set_message (self->hud, NULL);

  atlas_present_hud_show_step (self->hud, index == 0 ? atlas_story_get_title (self->story) : NULL,
                               atlas_story_step_get_caption (step), index, n, previous);
  if (self->presenter != NULL)
    atlas_presenter_window_show_step (self->presenter, self->story, index);
  return TRUE;
}

gboolean
atlas_presentation_next (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), FALSE);

  return self->active && atlas_presentation_go_to (self, self->index + 1);
}

gboolean
atlas_presentation_previous (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), FALSE);

  return self->active && self->index > 0 && atlas_presentation_go_to (self, self->index - 1);
}

void
atlas_presentation_set_blanked (AtlasPresentation *self,
                                gboolean           blanked)
{
  GAction *action;

  g_return_if_fail (ATLAS_IS_PRESENTATION (self));

  atlas_present_hud_set_blanked (self->hud, blanked && self->active);
  if (self->window != NULL &&
      (action = g_action_map_lookup_action (G_ACTION_MAP (self->window), "present-blank")) != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (blanked && self->active));
}

gboolean
atlas_presentation_get_blanked (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), FALSE);

  return atlas_present_hud_get_blanked (self->hud);
}

/* For exhibition kiosks: move on every @dwell_seconds, and from the last
 * step back to the first when @loop.
 */
void
atlas_presentation_set_autoplay (AtlasPresentation *self,
                                 gboolean           autoplay,
                                 guint              dwell_seconds,
                                 gboolean           loop)
{
  g_return_if_fail (ATLAS_IS_PRESENTATION (self));

  self->autoplay = autoplay;
  self->dwell = MAX (dwell_seconds, 1);
  self->loop = loop;
  restart_autoplay (self);
}

/* Open the presenter view even with one monitor (tests, rehearsals). */
void
atlas_presentation_set_force_presenter_view (AtlasPresentation *self,
                                             gboolean           force)
{
  g_return_if_fail (ATLAS_IS_PRESENTATION (self));

  self->force_presenter = force;
}

GtkWidget *
atlas_presentation_get_hud (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), NULL);

  return GTK_WIDGET (self->hud);
}

/**
 * atlas_presentation_get_presenter_window:
 *
 * Returns: (transfer none) (nullable): the presenter view, if open
 */
GtkWindow *
atlas_presentation_get_presenter_window (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), NULL);

  return self->presenter ? GTK_WINDOW (self->presenter) : NULL;
}
