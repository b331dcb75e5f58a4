/* atlas-stage.c
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

#include <math.h>

#include "atlas-stage.h"
#include "atlas-story-player.h"

/* What the audience sees: a window of its own, made fullscreen on the
 * monitor the presentation chose for it, showing each step on pages of its
 * own (atlas_story_player_new_pages) beside the caption.  The editing window
 * is never moved, resized or restyled, so leaving the presentation gives it
 * back exactly as it was.  Nothing on stage takes the pointer: no tooltip, no
 * hover; the pointer itself shows when it moves and hides after two seconds
 * still.
 */

#define POINTER_HIDE_MS 2000

struct _AtlasStage
{
  GtkWindow        parent_instance;

  AtlasPresentHud *hud;
  AdwViewStack    *pages;
  GdkMonitor      *monitor;
  guint            hide_id;
  gboolean         pointer_hidden;
  double           last_x, last_y;
};

G_DEFINE_FINAL_TYPE (AtlasStage, atlas_stage, GTK_TYPE_WINDOW)

static void
set_pointer_hidden (AtlasStage *self,
                    gboolean    hidden)
{
  self->pointer_hidden = hidden;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hidden ? "none" : NULL);
}

static gboolean
hide_pointer (gpointer user_data)
{
  AtlasStage *self = user_data;

  self->hide_id = 0;
  set_pointer_hidden (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
restart_pointer_timer (AtlasStage *self)
{
  g_clear_handle_id (&self->hide_id, g_source_remove);
  self->hide_id = g_timeout_add (POINTER_HIDE_MS, hide_pointer, self);
}

static void
on_motion (AtlasStage               *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  /* Some servers repeat the last position when the window changes under
   * the pointer: that is not the speaker reaching for the mouse.
   */
  if (fabs (x - self->last_x) < 1 && fabs (y - self->last_y) < 1)
    return;
  self->last_x = x;
  self->last_y = y;
  if (self->pointer_hidden)
    set_pointer_hidden (self, FALSE);
  restart_pointer_timer (self);
}

/* The caption panel is a shade lighter than a dark stage. */
static void
on_dark_changed (AtlasStage *self)
{
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    gtk_widget_add_css_class (GTK_WIDGET (self), "dark");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dark");
}

static void
atlas_stage_dispose (GObject *object)
{
  AtlasStage *self = (AtlasStage *)object;

  g_clear_handle_id (&self->hide_id, g_source_remove);
  g_clear_object (&self->monitor);
  /* The stage (a template child) leaves the window before the template lets
   * go of it, or the window would unparent a finalized child.
   */
  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_STAGE);
  g_clear_object (&self->pages);

  G_OBJECT_CLASS (atlas_stage_parent_class)->dispose (object);
}

static void
atlas_stage_class_init (AtlasStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_stage_dispose;

  g_type_ensure (ATLAS_TYPE_PRESENT_HUD);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-present-stage.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasStage, hud);
}

static void
atlas_stage_init (AtlasStage *self)
{
  GtkEventController *motion;

  gtk_widget_init_template (GTK_WIDGET (self));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  self->last_x = self->last_y = -1;
  set_pointer_hidden (self, TRUE);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
  on_dark_changed (self);
}

/**
 * atlas_stage_new:
 * @like: the window's pages, whose kinds the stage's own pages copy
 * @story: (nullable): the story told, whose pages alone are made
 */
AtlasStage *
atlas_stage_new (GtkApplication *application,
                 AtlasSession   *session,
                 AdwViewStack   *like,
                 AtlasStory     *story)
{
  AtlasStage *self;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ATLAS_IS_SESSION (session), NULL);
  g_return_val_if_fail (ADW_IS_VIEW_STACK (like), NULL);

  self = g_object_new (ATLAS_TYPE_STAGE, "application", application, NULL);
  self->pages = atlas_story_player_new_pages (like, session, story);
  /* Nothing on stage answers the pointer: no tooltips, no hover, no
   * accidental drag of the map; the keys and the presenter view drive it.
   */
  gtk_widget_set_can_target (GTK_WIDGET (self->pages), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self->pages), FALSE);
  atlas_present_hud_set_subject (self->hud, GTK_WIDGET (self->pages));
  return self;
}

/**
 * atlas_stage_get_pages:
 *
 * Returns: (transfer none): the stage's own pages
 */
AdwViewStack *
atlas_stage_get_pages (AtlasStage *self)
{
  g_return_val_if_fail (ATLAS_IS_STAGE (self), NULL);

  return self->pages;
}

/**
 * atlas_stage_get_hud:
 *
 * Returns: (transfer none): the caption, counter and progress over the pages
 */
AtlasPresentHud *
atlas_stage_get_hud (AtlasStage *self)
{
  g_return_val_if_fail (ATLAS_IS_STAGE (self), NULL);

  return self->hud;
}

void
atlas_stage_show_page (AtlasStage *self,
                       const char *name)
{
  g_return_if_fail (ATLAS_IS_STAGE (self));

  if (name != NULL && adw_view_stack_get_child_by_name (self->pages, name) != NULL)
    adw_view_stack_set_visible_child_name (self->pages, name);
}

/**
 * atlas_stage_present_on:
 * @monitor: (nullable): the audience's monitor; %NULL leaves the choice to
 *   the compositor (only when the display lists no monitor)
 *
 * Fullscreen on @monitor, named explicitly so that neither X11 window
 * managers nor Wayland compositors put the audience's view where the pointer
 * or the last window happens to be.
 */
void
atlas_stage_present_on (AtlasStage *self,
                        GdkMonitor *monitor)
{
  g_return_if_fail (ATLAS_IS_STAGE (self));
  g_return_if_fail (monitor == NULL || GDK_IS_MONITOR (monitor));

  g_set_object (&self->monitor, monitor);
  if (monitor != NULL)
    {
      GdkRectangle geometry;

      /* Until the compositor answers, ask for no more than the monitor. */
      gdk_monitor_get_geometry (monitor, &geometry);
      gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
    }
  else
    gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (self));
}

/* A window of @width x @height instead, for rehearsing at a projector's
 * size on the laptop.
 */
void
atlas_stage_present_windowed (AtlasStage *self,
                              int         width,
                              int         height)
{
  g_return_if_fail (ATLAS_IS_STAGE (self));

  g_clear_object (&self->monitor);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  gtk_window_present (GTK_WINDOW (self));
}

/**
 * atlas_stage_get_monitor:
 *
 * Returns: (transfer none) (nullable): the monitor the stage was put on
 */
GdkMonitor *
atlas_stage_get_monitor (AtlasStage *self)
{
  g_return_val_if_fail (ATLAS_IS_STAGE (self), NULL);

  return self->monitor;
}

gboolean
atlas_stage_get_pointer_hidden (AtlasStage *self)
{
  g_return_val_if_fail (ATLAS_IS_STAGE (self), FALSE);

  return self->pointer_hidden;
}
