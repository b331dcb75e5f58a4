/* atlas-banner.c
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
#include "atlas-banner.h"

/* A strip under the header bar that says something went wrong and what can
 * be done about it, with an optional action button (AdwBanner needs
 * libadwaita 1.3).
 */

struct _AtlasBanner
{
  GtkWidget    parent_instance;

  GtkRevealer *revealer;
  GtkImage    *icon;
  GtkLabel    *label;
  GtkButton   *button;
};

G_DEFINE_FINAL_TYPE (AtlasBanner, atlas_banner, GTK_TYPE_WIDGET)

enum {
  DISMISSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
atlas_banner_dispose (GObject *object)
{
  AtlasBanner *self = (AtlasBanner *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_BANNER);
  /* The template's unnamed top-level child is not cleared by the above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL; )
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (atlas_banner_parent_class)->dispose (object);
}

static void
on_close_clicked (AtlasBanner *self)
{
  atlas_banner_dismiss (self);
  g_signal_emit (self, signals[DISMISSED], 0);
}

static void
atlas_banner_class_init (AtlasBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_banner_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-banner.ui");
  /**
   * AtlasBanner::dismissed:
   *
   * The user closed the banner (not its own action button).
   */
  signals[DISMISSED] =
    g_signal_new ("dismissed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_bind_template_child (widget_class, AtlasBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, AtlasBanner, icon);
  gtk_widget_class_bind_template_child (widget_class, AtlasBanner, label);
  gtk_widget_class_bind_template_child (widget_class, AtlasBanner, button);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "atlasbanner");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_banner_init (AtlasBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
atlas_banner_new (void)
{
  return g_object_new (ATLAS_TYPE_BANNER, NULL);
}

/**
 * atlas_banner_show_message:
 * @button_label: (nullable): label of the action button
 * @action_name: (nullable): detailed action the button activates
 */
void
atlas_banner_show_message (AtlasBanner *self,
                           const char  *message,
                           const char  *button_label,
                           const char  *action_name)
{
  g_return_if_fail (ATLAS_IS_BANNER (self));

  gtk_image_set_from_icon_name (self->icon, "dialog-warning-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "welcome");
  gtk_label_set_text (self->label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->button), button_label != NULL);
  if (button_label != NULL)
    {
      gtk_button_set_label (self->button, button_label);
      /* A new label makes GTK label the button by it again: said twice. */
      atlas_accessible_fix_names (GTK_WIDGET (self->button));
      gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (self->button), action_name);
    }
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);
}

/**
 * atlas_banner_show_welcome:
 *
 * Like atlas_banner_show_message(), for good news rather than a problem:
 * an information icon and the accent colour.
 */
void
atlas_banner_show_welcome (AtlasBanner *self,
                           const char  *message,
                           const char  *button_label,
                           const char  *action_name)
{
  g_return_if_fail (ATLAS_IS_BANNER (self));

  atlas_banner_show_message (self, message, button_label, action_name);
  gtk_image_set_from_icon_name (self->icon, "dialog-information-symbolic");
  gtk_widget_add_css_class (GTK_WIDGET (self), "welcome");
  if (button_label != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->button), "suggested-action");
}

void
atlas_banner_dismiss (AtlasBanner *self)
{
  g_return_if_fail (ATLAS_IS_BANNER (self));

  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

const char *
atlas_banner_get_message (AtlasBanner *self)
{
  g_return_val_if_fail (ATLAS_IS_BANNER (self), NULL);

  return gtk_label_get_text (self->label);
}

gboolean
atlas_banner_get_revealed (AtlasBanner *self)
{
  g_return_val_if_fail (ATLAS_IS_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}
