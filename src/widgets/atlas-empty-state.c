/* atlas-empty-state.c
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

#include <gtk/gtk.h>

#include "atlas-empty-state.h"

/* What a view shows when the filters leave nothing in it: a status page's
 * icon, title and description in a card (over the map and the timeline,
 * which stay in sight behind it) with the way out, "Clear Filters", as the
 * Sites page has.
 */

struct _AtlasEmptyState
{
  GtkWidget  parent_instance;

  GtkLabel  *title_label;
  GtkLabel  *description_label;
};

G_DEFINE_FINAL_TYPE (AtlasEmptyState, atlas_empty_state, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atlas_empty_state_dispose (GObject *object)
{
  AtlasEmptyState *self = (AtlasEmptyState *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_EMPTY_STATE);
  /* The template's unnamed top-level child is not cleared by the above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL; )
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (atlas_empty_state_parent_class)->dispose (object);
}

static void
atlas_empty_state_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AtlasEmptyState *self = ATLAS_EMPTY_STATE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, atlas_empty_state_get_title (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, atlas_empty_state_get_description (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_empty_state_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AtlasEmptyState *self = ATLAS_EMPTY_STATE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      atlas_empty_state_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      atlas_empty_state_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_empty_state_class_init (AtlasEmptyStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_empty_state_dispose;
  object_class->get_property = atlas_empty_state_get_property;
  object_class->set_property = atlas_empty_state_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-empty-state.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasEmptyState, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasEmptyState, description_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "atlasemptystate");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_empty_state_init (AtlasEmptyState *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
atlas_empty_state_new (void)
{
  return g_object_new (ATLAS_TYPE_EMPTY_STATE, NULL);
}

const char *
atlas_empty_state_get_title (AtlasEmptyState *self)
{
  g_return_val_if_fail (ATLAS_IS_EMPTY_STATE (self), NULL);

  return gtk_label_get_text (self->title_label);
}

void
atlas_empty_state_set_title (AtlasEmptyState *self,
                             const char      *title)
{
  g_return_if_fail (ATLAS_IS_EMPTY_STATE (self));

  if (g_strcmp0 (title, gtk_label_get_text (self->title_label)) == 0)
    return;
  gtk_label_set_text (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
atlas_empty_state_get_description (AtlasEmptyState *self)
{
  g_return_val_if_fail (ATLAS_IS_EMPTY_STATE (self), NULL);

  return gtk_label_get_text (self->description_label);
}

void
atlas_empty_state_set_description (AtlasEmptyState *self,
                                   const char      *description)
{
  g_return_if_fail (ATLAS_IS_EMPTY_STATE (self));

  if (g_strcmp0 (description, gtk_label_get_text (self->description_label)) == 0)
    return;
  gtk_label_set_text (self->description_label, description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}
