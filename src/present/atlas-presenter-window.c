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

#include "atlas-presenter-window.h"

/* The speaker's screen when a second monitor shows the audience the
 * presentation: the current step's caption and notes, the next step, and the
 * time since the start.  Its buttons and keys drive the same win.present-*
 * actions as the audience window, which it forwards them to.
 */

struct _AtlasPresenterWindow
{
  AdwWindow   parent_instance;

  GtkWindow  *audience;
  GTimer     *timer;
  guint       tick_id;

  GtkLabel   *counter_label;
  GtkLabel   *current_label;
  GtkLabel   *notes_label;
  GtkLabel   *next_label;
  GtkLabel   *timer_label;
};

G_DEFINE_FINAL_TYPE (AtlasPresenterWindow, atlas_presenter_window, ADW_TYPE_WINDOW)

static gboolean
tick (gpointer user_data)
{
  AtlasPresenterWindow *self = user_data;
  guint seconds = (guint) g_timer_elapsed (self->timer, NULL);
  g_autofree char *text = NULL;

  if (seconds >= 3600)
    text = g_strdup_printf ("%u:%02u:%02u", seconds / 3600, seconds / 60 % 60, seconds % 60);
  else
    text = g_strdup_printf ("%02u:%02u", seconds / 60, seconds % 60);
  gtk_label_set_text (self->timer_label, text);
  return G_SOURCE_CONTINUE;
}

/* The presenter's keys are the audience window's: pass them on. */
static gboolean
on_key_pressed (AtlasPresenterWindow *self,
                guint                 keyval,
                guint                 keycode,
                GdkModifierType       state,
                GtkEventControllerKey *controller)
{
  if (self->audience == NULL)
    return FALSE;
  return gtk_event_controller_key_forward (controller, GTK_WIDGET (self->audience));
}

static void
atlas_presenter_window_dispose (GObject *object)
{
  AtlasPresenterWindow *self = (AtlasPresenterWindow *)object;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_pointer (&self->timer, g_timer_destroy);
  g_clear_weak_pointer (&self->audience);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_PRESENTER_WINDOW);

  G_OBJECT_CLASS (atlas_presenter_window_parent_class)->dispose (object);
}

static void
atlas_presenter_window_class_init (AtlasPresenterWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_presenter_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-present-presenter.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasPresenterWindow, counter_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresenterWindow, current_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresenterWindow, notes_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresenterWindow, next_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresenterWindow, timer_label);
}

static void
atlas_presenter_window_init (AtlasPresenterWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  self->timer = g_timer_new ();
  self->tick_id = g_timeout_add_seconds (1, tick, self);
  tick (self);
}

/**
 * atlas_presenter_window_new:
 * @audience: the window the audience sees; its actions serve the buttons
 */
AtlasPresenterWindow *
atlas_presenter_window_new (GtkWindow *audience)
{
  AtlasPresenterWindow *self;
  GActionGroup *group;

  g_return_val_if_fail (GTK_IS_WINDOW (audience), NULL);

  self = g_object_new (ATLAS_TYPE_PRESENTER_WINDOW,
                       "application", gtk_window_get_application (audience),
                       NULL);
  g_set_weak_pointer (&self->audience, audience);

  /* The buttons name win.present-*: the audience window's actions. */
  group = G_ACTION_GROUP (audience);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "win", group);
  return self;
}

void
atlas_presenter_window_show_step (AtlasPresenterWindow *self,
                                  AtlasStory           *story,
                                  guint                 index)
{
  guint n = atlas_story_get_n_steps (story);
  AtlasStoryStep *step = atlas_story_get_step (story, index);
  AtlasStoryStep *next = index + 1 < n ? atlas_story_get_step (story, index + 1) : NULL;
  g_autofree char *counter = NULL;
  const char *notes;

  g_return_if_fail (ATLAS_IS_PRESENTER_WINDOW (self));

  /* Translators: the presenter view's counter, "Step 3 of 8". */
  counter = g_strdup_printf (_("Step %u of %u"), index + 1, n);
  gtk_label_set_text (self->counter_label, counter);
  gtk_label_set_text (self->current_label, step ? atlas_story_step_get_caption (step) : "");
  notes = step ? atlas_story_step_get_notes (step) : "";
  gtk_label_set_text (self->notes_label, notes && *notes ? notes : _("No notes for this step."));
  gtk_label_set_text (self->next_label, next ? atlas_story_step_get_caption (next)
                                             : _("End of the story."));
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
