/* atlas-page-slot.c
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

#include "atlas-accessible.h"
#include "atlas-page-slot.h"
#include "atlas-tooltips.h"
#include "atlas-view.h"

/* A page of the window's view stack that is built the first time it is
 * needed: when it is shown, or when a story, the search or presentation
 * mode asks for it.  Until then the slot is an empty widget, so a start
 * that opens on the map pays nothing for the Timeline, Charts, Sites and
 * Sources pages (their templates, text measurements and row widgets).
 *
 * The window binds the slot to its session; the page is bound as soon as
 * it exists.  Code that looks a page up by name goes through
 * atlas_page_resolve(), which builds it.
 */

struct _AtlasPageSlot
{
  GtkWidget     parent_instance;

  GType         page_type;
  GtkWidget    *page;
  AtlasSession *session;
};

G_DEFINE_FINAL_TYPE (AtlasPageSlot, atlas_page_slot, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAGE_TYPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atlas_page_slot_map (GtkWidget *widget)
{
  /* Shown for the first time: the page is built before the slot maps its
   * children, so that it is mapped, measured and drawn in this frame.
   */
  atlas_page_slot_get_page (ATLAS_PAGE_SLOT (widget));

  GTK_WIDGET_CLASS (atlas_page_slot_parent_class)->map (widget);
}

static void
atlas_page_slot_dispose (GObject *object)
{
  AtlasPageSlot *self = ATLAS_PAGE_SLOT (object);

  g_clear_pointer (&self->page, gtk_widget_unparent);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (atlas_page_slot_parent_class)->dispose (object);
}

static void
atlas_page_slot_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AtlasPageSlot *self = ATLAS_PAGE_SLOT (object);

  switch (prop_id)
    {
    case PROP_PAGE_TYPE:
      g_value_set_gtype (value, self->page_type);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_page_slot_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AtlasPageSlot *self = ATLAS_PAGE_SLOT (object);

  switch (prop_id)
    {
    case PROP_PAGE_TYPE:
      self->page_type = g_value_get_gtype (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_page_slot_class_init (AtlasPageSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_page_slot_dispose;
  object_class->get_property = atlas_page_slot_get_property;
  object_class->set_property = atlas_page_slot_set_property;

  widget_class->map = atlas_page_slot_map;

  /**
   * AtlasPageSlot:page-type:
   *
   * The widget type of the page (an #AtlasView), built with no properties.
   */
  properties[PROP_PAGE_TYPE] =
    g_param_spec_gtype ("page-type", NULL, NULL, GTK_TYPE_WIDGET,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_page_slot_init (AtlasPageSlot *self)
{
  self->page_type = G_TYPE_NONE;
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

/**
 * atlas_page_slot_get_page:
 *
 * The page, built (and bound to the session, if the slot has one) on the
 * first call.
 */
GtkWidget *
atlas_page_slot_get_page (AtlasPageSlot *self)
{
  g_return_val_if_fail (ATLAS_IS_PAGE_SLOT (self), NULL);
  g_return_val_if_fail (g_type_is_a (self->page_type, GTK_TYPE_WIDGET), NULL);

  if (self->page == NULL)
    {
      self->page = g_object_new (self->page_type, NULL);
      gtk_widget_set_parent (self->page, GTK_WIDGET (self));
      if (self->session != NULL && ATLAS_IS_VIEW (self->page))
        atlas_view_bind (ATLAS_VIEW (self->page), self->session);
      /* What the window did for the pages built with it. */
      atlas_accessible_fix_names (self->page);
      atlas_tooltips_keep_lines (self->page);
    }
  return self->page;
}

/* The page if it has been built, without building it. */
GtkWidget *
atlas_page_slot_peek_page (AtlasPageSlot *self)
{
  g_return_val_if_fail (ATLAS_IS_PAGE_SLOT (self), NULL);

  return self->page;
}

/**
 * atlas_page_slot_bind:
 *
 * Binds the page to @session now if it is built, or as soon as it is.
 */
void
atlas_page_slot_bind (AtlasPageSlot *self,
                      AtlasSession  *session)
{
  g_return_if_fail (ATLAS_IS_PAGE_SLOT (self));
  g_return_if_fail (ATLAS_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  if (self->page != NULL && ATLAS_IS_VIEW (self->page))
    atlas_view_bind (ATLAS_VIEW (self->page), session);
}

/**
 * atlas_page_resolve:
 * @stack_child: (nullable): a child of the window's view stack
 *
 * The page a stack child stands for: the slot's page (built if it was not
 * yet), or the child itself.
 */
GtkWidget *
atlas_page_resolve (GtkWidget *stack_child)
{
  if (stack_child != NULL && ATLAS_IS_PAGE_SLOT (stack_child))
    return atlas_page_slot_get_page (ATLAS_PAGE_SLOT (stack_child));
  return stack_child;
}

/* The type of the page a stack child stands for, without building it. */
GType
atlas_page_resolve_type (GtkWidget *stack_child)
{
  g_return_val_if_fail (GTK_IS_WIDGET (stack_child), G_TYPE_INVALID);

  if (ATLAS_IS_PAGE_SLOT (stack_child))
    return ATLAS_PAGE_SLOT (stack_child)->page_type;
  return G_OBJECT_TYPE (stack_child);
}
