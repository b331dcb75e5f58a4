/* atlas-announcer.c
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
#include "atlas-announcer.h"

/* A live region: says what changed away from the keyboard focus ("Showing
 * 7 of 76 sites", "Selected: ...", "Timeline page", a presentation's
 * caption) to a screen reader, once, without moving the focus.
 *
 * How, on the GTK we build against:
 *
 * - GTK 4.14 has gtk_accessible_announce(); with it, that is all we do.
 *
 * - GTK 4.8 has no announcements and no live regions.  Its AT-SPI bridge
 *   reports a widget being shown only for windows, and no text changes of
 *   labels, so a "status" label that changes its text is not heard: Orca 43
 *   speaks a change of name or description only for the object that has the
 *   focus.  So the announcer speaks through the focus: it sets the message
 *   as the accessible description of the focused widget (Orca says it at
 *   once, as "presentMessage"), and gives the widget its own description
 *   back (atlas_accessible_restore_description()) as soon as the focus
 *   moves, when Orca no longer listens to it.  Checked with Orca 43.1 and
 *   its speech log (see tests/a11y/README.md).
 *
 * - In both cases the announcer is also a widget of the "status" role (an
 *   AT-SPI status bar) whose name is the last message, zero pixels in size:
 *   Orca's "speak the status bar" command and flat review find the last
 *   announcement there, and nothing is drawn.
 *
 * Messages announced in one main loop iteration (a selection and the new
 * count of results, say) are joined and said once, after the widgets have
 * settled.  One announcer per window: atlas_announce() finds the one in a
 * widget's window.
 */

struct _AtlasAnnouncer
{
  GtkWidget  parent_instance;

  GPtrArray *pending;
  guint      flush_id;
  char      *message;

  GtkRoot   *root;
  GtkWidget *borrowed;     /* weak: the widget whose description speaks */
  char      *lent;         /* what it was given to say */
};

G_DEFINE_FINAL_TYPE (AtlasAnnouncer, atlas_announcer, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define ROOT_KEY "atlas-announcer"

/* ---- speaking through the focus (GTK < 4.14) ---------------------------- */

/* The accessible object a screen reader thinks has the focus: GTK reports
 * the focus of a widget that is not presented (the text inside an entry) on
 * its parent.
 */
static GtkWidget *
get_focus_accessible (AtlasAnnouncer *self)
{
  GtkWidget *focus = self->root != NULL ? gtk_root_get_focus (self->root) : NULL;

  while (focus != NULL &&
         gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (focus)) == GTK_ACCESSIBLE_ROLE_NONE)
    focus = gtk_widget_get_parent (focus);

  return focus;
}

static void
give_back (AtlasAnnouncer *self)
{
  if (self->borrowed == NULL)
    return;

  atlas_accessible_restore_description (self->borrowed);
  g_clear_weak_pointer (&self->borrowed);
  g_clear_pointer (&self->lent, g_free);
}

static void
on_focus_changed (AtlasAnnouncer *self)
{
  if (self->borrowed != NULL && self->borrowed != get_focus_accessible (self))
    give_back (self);
}

G_GNUC_UNUSED static void
speak_through_focus (AtlasAnnouncer *self,
                     const char     *text)
{
  GtkWidget *focus = get_focus_accessible (self);

  if (focus != self->borrowed)
    give_back (self);
  if (focus == NULL)
    return;

  /* GTK reports nothing when a value does not change: the same message
   * twice to the same widget is emptied first, so that it is said twice
   * (an empty description is not spoken).
   */
  if (focus == self->borrowed && g_strcmp0 (self->lent, text) == 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (focus),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "",
                                    -1);
  g_set_weak_pointer (&self->borrowed, focus);
  g_free (self->lent);
  self->lent = g_strdup (text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (focus),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/* ---- announcing ------------------------------------------------------- */

/**
 * atlas_announcer_flush:
 *
 * Says what is pending now instead of at the end of the main loop
 * iteration.
 */
void
atlas_announcer_flush (AtlasAnnouncer *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_if_fail (ATLAS_IS_ANNOUNCER (self));

  g_clear_handle_id (&self->flush_id, g_source_remove);
  if (self->pending->len == 0)
    return;

  for (guint i = 0; i < self->pending->len; i++)
    {
      if (i > 0)
        /* Translators: between two announcements a screen reader says
         * together, e.g. "Selected: Liangjiang Collaborative Innovation
         * Zone. Showing 7 of 76 sites".
         */
        g_string_append (text, C_("announcement", ". "));
      g_string_append (text, g_ptr_array_index (self->pending, i));
    }
  g_ptr_array_set_size (self->pending, 0);

  g_free (self->message);
  self->message = g_strdup (text->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->message,
                                  -1);

#if GTK_CHECK_VERSION (4, 14, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_accessible_announce (GTK_ACCESSIBLE (self), self->message,
                           GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  speak_through_focus (self, self->message);
#endif

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

static gboolean
flush_cb (gpointer data)
{
  AtlasAnnouncer *self = data;

  self->flush_id = 0;
  atlas_announcer_flush (self);
  return G_SOURCE_REMOVE;
}

/**
 * atlas_announcer_announce:
 * @message: one short sentence, translated, without a final full stop
 *
 * Has @message said to screen reader users, after what else is announced
 * in this main loop iteration.  The same message twice in one iteration is
 * said once.
 */
void
atlas_announcer_announce (AtlasAnnouncer *self,
                          const char     *message)
{
  g_return_if_fail (ATLAS_IS_ANNOUNCER (self));

  if (message == NULL || *message == '\0')
    return;

  for (guint i = 0; i < self->pending->len; i++)
    if (g_str_equal (g_ptr_array_index (self->pending, i), message))
      return;

  g_ptr_array_add (self->pending, g_strdup (message));
  /* Before the next frame: an animation (the map flying to a selection)
   * would otherwise hold a default idle back until it ends.
   */
  if (self->flush_id == 0)
    self->flush_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, flush_cb, self, NULL);
}

/**
 * atlas_announcer_get_message:
 *
 * Returns: (nullable): the last message said
 */
const char *
atlas_announcer_get_message (AtlasAnnouncer *self)
{
  g_return_val_if_fail (ATLAS_IS_ANNOUNCER (self), NULL);

  return self->message;
}

/**
 * atlas_announcer_get_for_widget:
 *
 * Returns: (transfer none) (nullable): the announcer of @widget's window
 */
AtlasAnnouncer *
atlas_announcer_get_for_widget (GtkWidget *widget)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  return root != NULL ? g_object_get_data (G_OBJECT (root), ROOT_KEY) : NULL;
}

/**
 * atlas_announce:
 * @widget: any widget of the window concerned
 * @message: as for atlas_announcer_announce()
 *
 * Announces @message in @widget's window, if the window has an announcer.
 */
void
atlas_announce (GtkWidget  *widget,
                const char *message)
{
  AtlasAnnouncer *announcer;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  announcer = atlas_announcer_get_for_widget (widget);
  if (announcer != NULL)
    atlas_announcer_announce (announcer, message);
  else
    g_debug ("No announcer in the window of %s to say “%s”", G_OBJECT_TYPE_NAME (widget), message);
}

/* ---- GtkWidget -------------------------------------------------------- */

static void
atlas_announcer_root (GtkWidget *widget)
{
  AtlasAnnouncer *self = ATLAS_ANNOUNCER (widget);

  GTK_WIDGET_CLASS (atlas_announcer_parent_class)->root (widget);

  self->root = gtk_widget_get_root (widget);
  g_object_set_data (G_OBJECT (self->root), ROOT_KEY, self);
  if (GTK_IS_WINDOW (self->root))
    {
      g_signal_connect_object (self->root, "notify::focus-widget",
                               G_CALLBACK (on_focus_changed), self, G_CONNECT_SWAPPED);
      /* Another window took the focus: the description goes back too. */
      g_signal_connect_object (self->root, "notify::is-active",
                               G_CALLBACK (give_back), self, G_CONNECT_SWAPPED);
    }
}

static void
atlas_announcer_unroot (GtkWidget *widget)
{
  AtlasAnnouncer *self = ATLAS_ANNOUNCER (widget);

  give_back (self);
  if (self->root != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->root, self);
      if (g_object_get_data (G_OBJECT (self->root), ROOT_KEY) == self)
        g_object_set_data (G_OBJECT (self->root), ROOT_KEY, NULL);
      self->root = NULL;
    }

  GTK_WIDGET_CLASS (atlas_announcer_parent_class)->unroot (widget);
}

static void
atlas_announcer_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  /* Heard, never seen. */
  *minimum = *natural = 0;
}

static void
atlas_announcer_dispose (GObject *object)
{
  AtlasAnnouncer *self = ATLAS_ANNOUNCER (object);

  g_clear_handle_id (&self->flush_id, g_source_remove);
  g_clear_weak_pointer (&self->borrowed);

  G_OBJECT_CLASS (atlas_announcer_parent_class)->dispose (object);
}

static void
atlas_announcer_finalize (GObject *object)
{
  AtlasAnnouncer *self = ATLAS_ANNOUNCER (object);

  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->lent, g_free);

  G_OBJECT_CLASS (atlas_announcer_parent_class)->finalize (object);
}

static void
atlas_announcer_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AtlasAnnouncer *self = ATLAS_ANNOUNCER (object);

  switch (prop_id)
    {
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_announcer_class_init (AtlasAnnouncerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_announcer_dispose;
  object_class->finalize = atlas_announcer_finalize;
  object_class->get_property = atlas_announcer_get_property;
  widget_class->root = atlas_announcer_root;
  widget_class->unroot = atlas_announcer_unroot;
  widget_class->measure = atlas_announcer_measure;

  /**
   * AtlasAnnouncer:message:
   *
   * The last message said.
   */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "atlasannouncer");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
atlas_announcer_init (AtlasAnnouncer *self)
{
  self->pending = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_START);
}

GtkWidget *
atlas_announcer_new (void)
{
  return g_object_new (ATLAS_TYPE_ANNOUNCER, NULL);
}
