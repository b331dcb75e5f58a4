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

#include "atlas-citation.h"
#include "atlas-dataset.h"
#include "atlas-item.h"
#include "atlas-present-hud.h"
#include "atlas-presentation.h"
#include "atlas-presenter-window.h"
#include "atlas-source.h"
#include "atlas-stage.h"
#include "atlas-state.h"
#include "atlas-story-player.h"
#include "atlas-view.h"

/* Presentation mode: a story is told step by step on a stage, a window of
 * its own made fullscreen on the audience's monitor (AtlasStage), with the
 * keys a laptop or a USB clicker sends.  With a second monitor the speaker
 * gets a presenter view, fullscreen on the laptop's own panel.  Both monitors
 * are named explicitly, never left to the window manager or compositor.
 * The editing window stays where and as it is: the session's "presenting"
 * only turns editing off; leaving brings back the state and the pages'
 * cameras as they were.  The screen is kept awake while presenting.
 */

struct _AtlasPresentation
{
  GObject            parent_instance;

  GtkWindow         *window;       /* weak: the window owns us */
  AtlasSession      *session;
  AdwViewStack      *pages;
  GSettings         *settings;
  AtlasStage        *stage;
  AtlasPresentHud   *hud;          /* the stage's */
  AtlasStory        *story;
  guint              index;        /* n_steps: the closing slide */
  gboolean           active;

  JsonNode          *saved_state;
  GHashTable        *saved_cameras;  /* page name -> JsonNode */
  GtkEventController *keys;
  AtlasPresenterWindow *presenter;
  gboolean           force_presenter;
  guint              inhibit_cookie;
  int                rehearsal_width;
  int                rehearsal_height;
  char              *audience_connector;

  gboolean           autoplay;
  guint              dwell;
  gboolean           loop;
  guint              autoplay_id;
};

G_DEFINE_FINAL_TYPE (AtlasPresentation, atlas_presentation, G_TYPE_OBJECT)

static guint
n_steps (AtlasPresentation *self)
{
  return self->story != NULL ? atlas_story_get_n_steps (self->story) : 0;
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

  if (self->index + 1 < n_steps (self))
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
      atlas_presentation_go_to (self, n_steps (self) - 1);
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
  if (self->active)
    atlas_presentation_stop (self);
  if (self->presenter != NULL)
    gtk_window_destroy (GTK_WINDOW (self->presenter));
  g_clear_object (&self->presenter);
  if (self->stage != NULL)
    gtk_window_destroy (GTK_WINDOW (self->stage));
  g_clear_object (&self->stage);
  g_clear_object (&self->story);
  g_clear_pointer (&self->saved_state, json_node_unref);
  g_clear_pointer (&self->saved_cameras, g_hash_table_unref);
  g_clear_pointer (&self->audience_connector, g_free);
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
  g_free (self->audience_connector);
  self->audience_connector = g_settings_get_string (settings, "presentation-monitor");
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
 * @overlay: unused since the stage is a window of its own; kept so that the
 *   window's code need not change
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

  self = g_object_new (ATLAS_TYPE_PRESENTATION, NULL);
  g_set_weak_pointer (&self->window, window);
  g_set_weak_pointer (&self->pages, pages);
  self->session = g_object_ref (session);

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
  g_signal_connect_object (settings, "changed::presentation-monitor",
                           G_CALLBACK (on_settings_changed), self, G_CONNECT_SWAPPED);
  on_settings_changed (self);
}

/* Built-in panels: what a laptop calls its own screen. */
static gboolean
is_builtin (GdkMonitor *monitor)
{
  const char *connector = gdk_monitor_get_connector (monitor);

  return connector != NULL &&
         (g_str_has_prefix (connector, "eDP") || g_str_has_prefix (connector, "LVDS") ||
          g_str_has_prefix (connector, "DSI"));
}

static int
monitor_area (GdkMonitor *monitor)
{
  GdkRectangle geometry;

  gdk_monitor_get_geometry (monitor, &geometry);
  return geometry.width * geometry.height;
}

/**
 * atlas_presentation_choose_audience_monitor:
 * @connector: (nullable): the monitor the user chose ("HDMI-1"), or %NULL or
 *   "" for the default
 *
 * The user's choice if it is connected; else, beside a built-in panel, the
 * first monitor that is not one (the projector); else the largest.
 *
 * Returns: (transfer full) (nullable): the monitor for the audience
 */
GdkMonitor *
atlas_presentation_choose_audience_monitor (GdkDisplay *display,
                                            const char *connector)
{
  GListModel *monitors;
  GdkMonitor *best = NULL;
  guint n;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  monitors = gdk_display_get_monitors (display);
  n = g_list_model_get_n_items (monitors);
  for (guint i = 0; connector != NULL && *connector != '\0' && i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (g_strcmp0 (gdk_monitor_get_connector (monitor), connector) == 0)
        return g_steal_pointer (&monitor);
    }
  /* With a laptop panel among them, the first other monitor.  Without
   * one (connectors the X server invents, desktops), the largest: the
   * projector is rarely smaller than the speaker's screen.
   */
  for (guint i = 0; n > 1 && i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (is_builtin (monitor))
        {
          for (guint j = 0; j < n; j++)
            {
              g_autoptr(GdkMonitor) other = g_list_model_get_item (monitors, j);

              if (!is_builtin (other))
                return g_steal_pointer (&other);
            }
          break;
        }
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (best == NULL || monitor_area (monitor) > monitor_area (best))
        g_set_object (&best, monitor);
    }
  return best;
}

/* The speaker's monitor: the built-in panel if the audience is elsewhere,
 * else any other monitor; %NULL with one monitor.
 */
static GdkMonitor *
choose_presenter_monitor (GdkDisplay *display,
                          GdkMonitor *audience)
{
  GListModel *monitors = gdk_display_get_monitors (display);
  guint n = g_list_model_get_n_items (monitors);
  GdkMonitor *other = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (monitor == audience)
        continue;
      if (is_builtin (monitor))
        {
          g_clear_object (&other);
          return g_steal_pointer (&monitor);
        }
      if (other == NULL)
        other = g_steal_pointer (&monitor);
    }
  return other;
}

static void
save_camera (gpointer view,
             gpointer user_data)
{
  AtlasPresentation *self = user_data;
  JsonNode *camera = atlas_view_save_camera (ATLAS_VIEW (view));
  const char *name = NULL;
  AdwViewStackPage *page = adw_view_stack_get_page (self->pages, GTK_WIDGET (view));

  if (page != NULL)
    name = adw_view_stack_page_get_name (page);
  if (camera != NULL && name != NULL)
    g_hash_table_insert (self->saved_cameras, g_strdup (name), camera);
  else if (camera != NULL)
    json_node_unref (camera);
}

static void
restore_cameras (AtlasPresentation *self)
{
  GHashTableIter iter;
  gpointer name, camera;

  if (self->saved_cameras == NULL || self->pages == NULL)
    return;
  g_hash_table_iter_init (&iter, self->saved_cameras);
  while (g_hash_table_iter_next (&iter, &name, &camera))
    {
      AtlasView *view = atlas_view_find (self->pages, name);

      if (view != NULL)
        atlas_view_restore_camera (view, camera, FALSE);
    }
  g_clear_pointer (&self->saved_cameras, g_hash_table_unref);
}

static void
set_inhibited (AtlasPresentation *self,
               gboolean           inhibited)
{
  GtkApplication *application = self->window ? gtk_window_get_application (self->window) : NULL;

  if (inhibited && self->inhibit_cookie == 0 && application != NULL)
    self->inhibit_cookie = gtk_application_inhibit (application, GTK_WINDOW (self->stage),
                                                    GTK_APPLICATION_INHIBIT_IDLE | GTK_APPLICATION_INHIBIT_SUSPEND,
                                                    _("Presenting a story"));
  else if (!inhibited && self->inhibit_cookie != 0)
    {
      if (application != NULL)
        gtk_application_uninhibit (application, self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
}

/* The speaker picked another screen for the audience in the presenter
 * view: move the stage there and the presenter view off it, and remember the
 * choice for next time.
 */
static void
on_audience_chosen (AtlasPresentation *self,
                    GdkMonitor        *monitor)
{
  g_autoptr(GdkMonitor) speaker = NULL;

  if (self->stage == NULL || monitor == atlas_stage_get_monitor (self->stage))
    return;
  if (self->settings != NULL && gdk_monitor_get_connector (monitor) != NULL)
    g_settings_set_string (self->settings, "presentation-monitor", gdk_monitor_get_connector (monitor));
  atlas_stage_present_on (self->stage, monitor);
  speaker = choose_presenter_monitor (gdk_monitor_get_display (monitor), monitor);
  if (self->presenter != NULL && speaker != NULL)
    {
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self->presenter), speaker);
      gtk_window_present (GTK_WINDOW (self->presenter));
    }
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
  GdkDisplay *display;
  g_autoptr(GdkMonitor) audience = NULL;
  GdkMonitor *speaker = NULL;
  GtkEventController *keys;

  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_STORY (story), FALSE);

  w = self->window;
  if (self->active || w == NULL || self->pages == NULL || atlas_story_get_n_steps (story) == 0)
    return FALSE;

  g_set_object (&self->story, story);
  self->active = TRUE;

  /* Leaving brings the state and every page's camera back as they were. */
  g_clear_pointer (&self->saved_state, json_node_unref);
  self->saved_state = atlas_state_to_json (atlas_session_get_state (self->session));
  g_clear_pointer (&self->saved_cameras, g_hash_table_unref);
  self->saved_cameras = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) json_node_unref);
  atlas_view_foreach (self->pages, save_camera, self);

  atlas_session_set_presenting (self->session, TRUE);
  update_action_states (self);
  gtk_widget_add_css_class (GTK_WIDGET (w), "presenting");

  /* The stage: its own window, pages and keys; the window's actions. */
  self->stage = g_object_ref_sink (atlas_stage_new (gtk_window_get_application (w), self->session,
                                                    self->pages, story));
  self->hud = atlas_stage_get_hud (self->stage);
  gtk_widget_insert_action_group (GTK_WIDGET (self->stage), "win", G_ACTION_GROUP (w));
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (keys, "atlas-presentation-keys");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->stage), keys);

  display = gtk_widget_get_display (GTK_WIDGET (w));
  audience = atlas_presentation_choose_audience_monitor (display, self->audience_connector);
  speaker = audience ? choose_presenter_monitor (display, audience) : NULL;

  atlas_presentation_go_to (self, MIN (first_step, atlas_story_get_n_steps (story) - 1));
  if (self->rehearsal_width > 0 && self->rehearsal_height > 0)
    atlas_stage_present_windowed (self->stage, self->rehearsal_width, self->rehearsal_height);
  else
    atlas_stage_present_on (self->stage, audience);

  if (speaker != NULL || self->force_presenter)
    {
      self->presenter = g_object_ref_sink (atlas_presenter_window_new (w, GTK_WINDOW (self->stage),
                                                                       self->session, self->pages, story));
      atlas_presenter_window_show_step (self->presenter, self->story, self->index);
      atlas_presenter_window_set_audience (self->presenter, audience);
      g_signal_connect_object (self->presenter, "audience-chosen", G_CALLBACK (on_audience_chosen),
                               self, G_CONNECT_SWAPPED);
      if (speaker != NULL)
        gtk_window_fullscreen_on_monitor (GTK_WINDOW (self->presenter), speaker);
      /* Last, so that the speaker's keyboard goes to the presenter view. */
      gtk_window_present (GTK_WINDOW (self->presenter));
    }
  g_clear_object (&speaker);

  set_inhibited (self, TRUE);
  restart_autoplay (self);
  return TRUE;
}

void
atlas_presentation_stop (AtlasPresentation *self)
{
  GtkWindow *w;

  g_return_if_fail (ATLAS_IS_PRESENTATION (self));

  w = self->window;
  if (!self->active)
    return;

  self->active = FALSE;
  stop_autoplay (self);
  atlas_presentation_set_blanked (self, FALSE);
  set_inhibited (self, FALSE);
  if (self->presenter != NULL)
    gtk_window_destroy (GTK_WINDOW (self->presenter));
  g_clear_object (&self->presenter);
  self->hud = NULL;
  if (self->stage != NULL)
    gtk_window_destroy (GTK_WINDOW (self->stage));
  g_clear_object (&self->stage);

  if (w != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (w), "presenting");
  update_action_states (self);
  atlas_session_set_presenting (self->session, FALSE);

  if (self->saved_state != NULL)
    atlas_state_load_json (atlas_session_get_state (self->session), self->saved_state,
                           atlas_session_get_dataset (self->session), NULL);
  restore_cameras (self);
  if (w != NULL)
    gtk_window_present (w);
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

/* A still of the stage now, for the cross-fade to the next step. */
static GdkPaintable *
snapshot_stage (AtlasPresentation *self)
{
  g_autoptr(GdkPaintable) live = NULL;

  if (self->hud == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->hud)))
    return NULL;
  live = gtk_widget_paintable_new (GTK_WIDGET (self->hud));
  return gdk_paintable_get_current_image (live);
}

/**
 * atlas_presentation_go_to:
 * @index: a step, or the number of steps for the closing slide
 */
gboolean
atlas_presentation_go_to (AtlasPresentation *self,
                          guint              index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPaintable) previous = NULL;
  AtlasStoryStep *step;
  AdwViewStack *stage_pages;
  guint n;

  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), FALSE);

  if (!self->active || self->stage == NULL)
    return FALSE;
  n = n_steps (self);
  if (index > n)
    return FALSE;

  previous = snapshot_stage (self);
  self->index = index;

  if (index == n)
    {
      g_autofree char *sources = atlas_story_dup_cited_sources (atlas_session_get_dataset (self->session),
                                                                 self->story, 8);

      atlas_present_hud_set_message (self->hud, NULL);
      atlas_present_hud_show_closing (self->hud, atlas_story_get_title (self->story), sources, n);
      if (self->presenter != NULL)
        atlas_presenter_window_show_step (self->presenter, self->story, index);
      return TRUE;
    }

  step = atlas_story_get_step (self->story, index);
  stage_pages = atlas_stage_get_pages (self->stage);
  if (!atlas_story_player_apply (self->session, stage_pages, step, previous != NULL, &error))
    atlas_present_hud_set_message (self->hud, error->message);
  else
    atlas_present_hud_set_message (self->hud, NULL);
  atlas_stage_show_page (self->stage, atlas_story_step_get_view (step));

  atlas_present_hud_show_step (self->hud, index == 0 ? atlas_story_get_title (self->story) : NULL,
                               atlas_story_step_get_caption (step), index, n,
                               atlas_story_step_resolve_caption_side (step), previous);
  if (self->presenter != NULL)
    atlas_presenter_window_show_step (self->presenter, self->story, index);
  return TRUE;
}

gboolean
atlas_presentation_next (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), FALSE);

  /* After the last step comes the closing slide. */
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

  if (self->hud != NULL)
    atlas_present_hud_set_blanked (self->hud, blanked && self->active);
  if (self->window != NULL &&
      (action = g_action_map_lookup_action (G_ACTION_MAP (self->window), "present-blank")) != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (blanked && self->active));
}

gboolean
atlas_presentation_get_blanked (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), FALSE);

  return self->hud != NULL && atlas_present_hud_get_blanked (self->hud);
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

/* Rehearsing on the laptop: the stage in a window of @width x @height (a
 * projector's size) instead of fullscreen; 0 x 0 goes back to fullscreen.
 */
void
atlas_presentation_set_rehearsal_size (AtlasPresentation *self,
                                       int                width,
                                       int                height)
{
  g_return_if_fail (ATLAS_IS_PRESENTATION (self));

  self->rehearsal_width = MAX (width, 0);
  self->rehearsal_height = MAX (height, 0);
}

/* Open the presenter view even with one monitor (tests, rehearsals). */
void
atlas_presentation_set_force_presenter_view (AtlasPresentation *self,
                                             gboolean           force)
{
  g_return_if_fail (ATLAS_IS_PRESENTATION (self));

  self->force_presenter = force;
}

/**
 * atlas_presentation_get_hud:
 *
 * Returns: (transfer none) (nullable): the stage's caption and counter,
 *   while presenting
 */
GtkWidget *
atlas_presentation_get_hud (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), NULL);

  return self->hud ? GTK_WIDGET (self->hud) : NULL;
}

/**
 * atlas_presentation_get_stage:
 *
 * Returns: (transfer none) (nullable): the audience's window, while presenting
 */
GtkWindow *
atlas_presentation_get_stage (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), NULL);

  return self->stage ? GTK_WINDOW (self->stage) : NULL;
}

/* Whether the screen is kept awake now. */
gboolean
atlas_presentation_get_inhibited (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), FALSE);

  return self->inhibit_cookie != 0;
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
