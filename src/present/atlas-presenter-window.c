/* atlas-presenter-window.c
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
#include "atlas-presenter-window.h"
#include "atlas-slides.h"
#include "atlas-stage.h"
#include "atlas-story-player.h"

/* The speaker's screen, fullscreen on the laptop's own panel while the
 * audience watches the stage: what the audience sees now (the stage itself,
 * live), the next step drawn by the same painters on pages of a session of
 * its own, the notes in reading size, the time of day and the time since
 * the start (with a reset), and which screen the audience gets.  Its buttons
 * name the editing window's win.present-* actions; its keys go to the stage.
 */

enum {
  AUDIENCE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

struct _AtlasPresenterWindow
{
  AdwWindow     parent_instance;

  GtkWindow    *stage;          /* weak */
  AtlasSession *preview;        /* for the next step's picture */
  AdwViewStack *preview_pages;
  GTimer       *timer;
  guint         tick_id;
  gboolean      syncing;

  GtkLabel     *counter_label;
  GtkPicture   *current_picture;
  GtkLabel     *current_label;
  GtkLabel     *notes_label;
  GtkPicture   *next_picture;
  GtkLabel     *next_label;
  GtkLabel     *clock_label;
  GtkLabel     *timer_label;
  GtkButton    *reset_button;
  GtkDropDown  *monitor_dropdown;
};

G_DEFINE_FINAL_TYPE (AtlasPresenterWindow, atlas_presenter_window, ADW_TYPE_WINDOW)

static gboolean
tick (gpointer user_data)
{
  AtlasPresenterWindow *self = user_data;
  guint seconds = (guint) g_timer_elapsed (self->timer, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *clock = g_date_time_format (now, "%H:%M");
  g_autofree char *text = NULL;

  if (seconds >= 3600)
    text = g_strdup_printf ("%u:%02u:%02u", seconds / 3600, seconds / 60 % 60, seconds % 60);
  else
    text = g_strdup_printf ("%02u:%02u", seconds / 60, seconds % 60);
  gtk_label_set_text (self->timer_label, text);
  gtk_label_set_text (self->clock_label, clock);
  return G_SOURCE_CONTINUE;
}

void
atlas_presenter_window_reset_timer (AtlasPresenterWindow *self)
{
  g_return_if_fail (ATLAS_IS_PRESENTER_WINDOW (self));

  g_timer_start (self->timer);
  tick (self);
}

/* The presenter's keys are the stage's: pass them on. */
static gboolean
on_key_pressed (AtlasPresenterWindow  *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  /* The monitor list keeps its own keys while it is open. */
  if (self->stage == NULL || gtk_widget_has_focus (GTK_WIDGET (self->monitor_dropdown)))
    return FALSE;
  return gtk_event_controller_key_forward (controller, GTK_WIDGET (self->stage));
}

/* ---- monitors --------------------------------------------------------- */

static char *
describe_monitor (GdkMonitor *monitor)
{
  GdkRectangle geometry;
  const char *connector = gdk_monitor_get_connector (monitor);
  const char *model = gdk_monitor_get_model (monitor);

  gdk_monitor_get_geometry (monitor, &geometry);
  /* Translators: a screen in the audience-screen list: "HDMI-1 (1920×1080)". */
  return g_strdup_printf (_("%s (%d×%d)"), model && *model ? model : connector ? connector : _("Screen"),
                          geometry.width, geometry.height);
}

static void
fill_monitors (AtlasPresenterWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (monitors);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      g_autofree char *name = describe_monitor (monitor);

      gtk_string_list_append (names, name);
    }
  self->syncing = TRUE;
  gtk_drop_down_set_model (self->monitor_dropdown, G_LIST_MODEL (names));
  self->syncing = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->monitor_dropdown), n > 1);
}

static void
on_monitor_selected (AtlasPresenterWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  guint selected = gtk_drop_down_get_selected (self->monitor_dropdown);
  g_autoptr(GdkMonitor) monitor = NULL;

  if (self->syncing || selected >= g_list_model_get_n_items (monitors))
    return;
  monitor = g_list_model_get_item (monitors, selected);
  g_signal_emit (self, signals[AUDIENCE_CHOSEN], 0, monitor);
}

/* Shows @monitor as the audience's in the list. */
void
atlas_presenter_window_set_audience (AtlasPresenterWindow *self,
                                     GdkMonitor           *monitor)
{
  GListModel *monitors;
  guint n;

  g_return_if_fail (ATLAS_IS_PRESENTER_WINDOW (self));

  monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  n = g_list_model_get_n_items (monitors);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) item = g_list_model_get_item (monitors, i);

      if (item == monitor)
        {
          self->syncing = TRUE;
          gtk_drop_down_set_selected (self->monitor_dropdown, i);
          self->syncing = FALSE;
        }
    }
}

/* ---- GObject ---------------------------------------------------------- */

static void
atlas_presenter_window_dispose (GObject *object)
{
  AtlasPresenterWindow *self = (AtlasPresenterWindow *)object;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_pointer (&self->timer, g_timer_destroy);
  g_clear_weak_pointer (&self->stage);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_PRESENTER_WINDOW);
  g_clear_object (&self->preview_pages);
  g_clear_object (&self->preview);

  G_OBJECT_CLASS (atlas_presenter_window_parent_class)->dispose (object);
}

static void
atlas_presenter_window_class_init (AtlasPresenterWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_presenter_window_dispose;

  /**
   * AtlasPresenterWindow::audience-chosen:
   * @monitor: the screen the speaker picked for the audience
   */
  signals[AUDIENCE_CHOSEN] =
    g_signal_new ("audience-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GDK_TYPE_MONITOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-present-presenter.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasPresenterWindow, counter_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresenterWindow, current_picture);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresenterWindow, current_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresenterWindow, notes_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresenterWindow, next_picture);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresenterWindow, next_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresenterWindow, clock_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresenterWindow, timer_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresenterWindow, reset_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresenterWindow, monitor_dropdown);
}

static void
atlas_presenter_window_init (AtlasPresenterWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* What screen readers hear (atlas-accessible.c). */
  atlas_accessible_fix_names (GTK_WIDGET (self));
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_object (self->reset_button, "clicked", G_CALLBACK (atlas_presenter_window_reset_timer),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->monitor_dropdown, "notify::selected", G_CALLBACK (on_monitor_selected),
                           self, G_CONNECT_SWAPPED);
  fill_monitors (self);

  self->timer = g_timer_new ();
  self->tick_id = g_timeout_add_seconds (1, tick, self);
  tick (self);
}

/**
 * atlas_presenter_window_new:
 * @actions: the window whose win.present-* actions the buttons name
 * @stage: the audience's window, shown live and sent the keys
 * @like: the window's pages, whose kinds the next-step preview copies
 * @story: the story told
 */
AtlasPresenterWindow *
atlas_presenter_window_new (GtkWindow    *actions,
                            GtkWindow    *stage,
                            AtlasSession *session,
                            AdwViewStack *like,
                            AtlasStory   *story)
{
  AtlasPresenterWindow *self;
  g_autoptr(GdkPaintable) live = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (actions), NULL);
  g_return_val_if_fail (GTK_IS_WINDOW (stage), NULL);
  g_return_val_if_fail (ATLAS_IS_SESSION (session), NULL);
  g_return_val_if_fail (ADW_IS_VIEW_STACK (like), NULL);

  self = g_object_new (ATLAS_TYPE_PRESENTER_WINDOW,
                       "application", gtk_window_get_application (actions),
                       NULL);
  g_set_weak_pointer (&self->stage, stage);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "win", G_ACTION_GROUP (actions));

  /* What the audience sees, as it sees it. */
  live = gtk_widget_paintable_new (gtk_window_get_child (stage));
  gtk_picture_set_paintable (self->current_picture, live);

  /* The next step, drawn without touching the stage's state. */
  self->preview = atlas_session_new (atlas_session_get_dataset (session));
  self->preview_pages = atlas_story_player_new_pages (like, self->preview, story);
  return self;
}

static GdkPaintable *
render_next (AtlasPresenterWindow *self,
             AtlasStory           *story,
             guint                 index)
{
  GtkWidget *stage_child = self->stage ? gtk_window_get_child (self->stage) : NULL;
  int w = stage_child ? gtk_widget_get_width (stage_child) : 0;
  int h = stage_child ? gtk_widget_get_height (stage_child) : 0;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;

  /* Drawn at the stage's size, so that it wraps and scales as the stage. */
  if (w < 320 || h < 240)
    {
      w = ATLAS_SLIDE_WIDTH;
      h = ATLAS_SLIDE_HEIGHT;
    }
  node = atlas_slides_render_step (self->preview, self->preview_pages, story, index, w, h,
                                   adw_style_manager_get_dark (adw_style_manager_get_default ()));
  if (node == NULL)
    return NULL;
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_node (snapshot, node);
  return gtk_snapshot_free_to_paintable (snapshot, &GRAPHENE_SIZE_INIT (w, h));
}

/**
 * atlas_presenter_window_show_step:
 * @index: the step shown, or the number of steps for the closing slide
 */
void
atlas_presenter_window_show_step (AtlasPresenterWindow *self,
                                  AtlasStory           *story,
                                  guint                 index)
{
  guint n = atlas_story_get_n_steps (story);
  AtlasStoryStep *step = index < n ? atlas_story_get_step (story, index) : NULL;
  AtlasStoryStep *next = index + 1 < n ? atlas_story_get_step (story, index + 1) : NULL;
  g_autoptr(GdkPaintable) picture = NULL;
  g_autofree char *counter = NULL;
  const char *notes;

  g_return_if_fail (ATLAS_IS_PRESENTER_WINDOW (self));

  if (step != NULL)
    /* Translators: the presenter view's counter, "Step 3 of 8". */
    counter = g_strdup_printf (_("Step %u of %u"), index + 1, n);
  else
    counter = g_strdup (_("End of the Story"));
  gtk_label_set_text (self->counter_label, counter);
  gtk_label_set_text (self->current_label, step ? atlas_story_step_get_caption (step) : "");
  notes = step ? atlas_story_step_get_notes (step) : "";
  gtk_label_set_text (self->notes_label, notes && *notes ? notes
                                         : step ? _("No notes for this step.")
                                                : _("The closing slide: the story’s sources. Escape ends the presentation."));
  if (next != NULL)
    gtk_label_set_text (self->next_label, atlas_story_step_get_caption (next));
  else if (step != NULL)
    gtk_label_set_text (self->next_label, _("The closing slide, with the sources."));
  else
    gtk_label_set_text (self->next_label, _("End of the story."));

  if (index + 1 <= n)
    picture = render_next (self, story, index + 1);
  gtk_picture_set_paintable (self->next_picture, picture);
}

const char *
atlas_presenter_window_get_next_caption (AtlasPresenterWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTER_WINDOW (self), NULL);

  return gtk_label_get_text (self->next_label);
}

const char *
atlas_presenter_window_get_timer_text (AtlasPresenterWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTER_WINDOW (self), NULL);

  return gtk_label_get_text (self->timer_label);
}

const char *
atlas_presenter_window_get_notes (AtlasPresenterWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTER_WINDOW (self), NULL);

  return gtk_label_get_text (self->notes_label);
}

/**
 * atlas_presenter_window_get_next_picture:
 *
 * Returns: (transfer none) (nullable): the next step's picture
 */
GdkPaintable *
atlas_presenter_window_get_next_picture (AtlasPresenterWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTER_WINDOW (self), NULL);

  return gtk_picture_get_paintable (self->next_picture);
}
