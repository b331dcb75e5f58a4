/* atlas-map-site-list.c
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
#include "atlas-item.h"
#include "atlas-labels.h"
#include "atlas-map-site-list.h"
#include "atlas-site.h"
#include "atlas-state.h"

/* A popover listing sites the map cannot point at: those of an area (from
 * its badge) or those with no known place (from the page's notice).  The
 * list is the live filtered model it is given, so it follows the filters
 * while open; a row selects its site, and the details pane shows it.
 */

struct _AtlasMapSiteList
{
  GtkPopover    parent_instance;

  AtlasSession *session;

  GtkLabel     *title;
  GtkLabel     *description;
  GtkListView  *list;
  GListModel   *sites;     /* listed while open: a closed list has no rows */
};

G_DEFINE_FINAL_TYPE (AtlasMapSiteList, atlas_map_site_list, GTK_TYPE_POPOVER)

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *category = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 36);
  gtk_label_set_xalign (GTK_LABEL (category), 0);
  gtk_widget_add_css_class (category, "dim-label");
  gtk_widget_add_css_class (category, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), category);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  AtlasSite *site = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *category = gtk_widget_get_last_child (box);

  const char *category_label = atlas_site_category_get_label (atlas_site_get_category (site));
  g_autofree char *label = NULL;

  gtk_label_set_text (GTK_LABEL (name), atlas_item_get_name (ATLAS_ITEM (site)));
  gtk_label_set_text (GTK_LABEL (category), category_label);
  /* Translators: a row of a list of sites, read by screen readers: the
   * site's name, then its category.
   */
  label = g_strdup_printf (C_("site row", "%s, %s"), atlas_item_get_name (ATLAS_ITEM (site)), category_label);
  atlas_accessible_label_list_item (item, label);
}

static void
on_activate (AtlasMapSiteList *self,
             guint             position)
{
  atlas_map_site_list_activate (self, position);
}

/**
 * atlas_map_site_list_activate:
 *
 * What a click or Enter on row @position does: the site becomes the
 * selection, and the list closes.
 */
void
atlas_map_site_list_activate (AtlasMapSiteList *self,
                              guint             position)
{
  GListModel *sites = atlas_map_site_list_get_sites (self);
  g_autoptr(AtlasSite) site = NULL;

  g_return_if_fail (ATLAS_IS_MAP_SITE_LIST (self));

  if (sites == NULL || self->session == NULL ||
      (site = g_list_model_get_item (sites, position)) == NULL)
    return;
  gtk_popover_popdown (GTK_POPOVER (self));
  atlas_state_set_selection (atlas_session_get_state (self->session), ATLAS_ITEM (site));
}

/* The rows exist while the popover is open: the notice's list of the sites
 * with no known place can hold most of a large register, and a view given
 * a model makes rows for it even while hidden.
 */
static void
attach_sites (AtlasMapSiteList *self)
{
  g_autoptr(GtkSelectionModel) selection = NULL;

  if (self->sites != NULL)
    selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (self->sites)));
  gtk_list_view_set_model (self->list, selection);
}

static void
atlas_map_site_list_map (GtkWidget *widget)
{
  attach_sites (ATLAS_MAP_SITE_LIST (widget));

  GTK_WIDGET_CLASS (atlas_map_site_list_parent_class)->map (widget);
}

static void
atlas_map_site_list_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (atlas_map_site_list_parent_class)->unmap (widget);

  gtk_list_view_set_model (ATLAS_MAP_SITE_LIST (widget)->list, NULL);
}

static void
atlas_map_site_list_dispose (GObject *object)
{
  AtlasMapSiteList *self = ATLAS_MAP_SITE_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_MAP_SITE_LIST);
  g_clear_object (&self->session);
  g_clear_object (&self->sites);

  G_OBJECT_CLASS (atlas_map_site_list_parent_class)->dispose (object);
}

static void
atlas_map_site_list_class_init (AtlasMapSiteListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_map_site_list_dispose;
  widget_class->map = atlas_map_site_list_map;
  widget_class->unmap = atlas_map_site_list_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-map-site-list.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasMapSiteList, title);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapSiteList, description);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapSiteList, list);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
}

static void
atlas_map_site_list_init (AtlasMapSiteList *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list, factory);
}

GtkWidget *
atlas_map_site_list_new (void)
{
  return g_object_new (ATLAS_TYPE_MAP_SITE_LIST, NULL);
}

/* A reload replaces the records the list shows: it closes. */
void
atlas_map_site_list_bind (AtlasMapSiteList *self,
                          AtlasSession     *session)
{
  g_return_if_fail (ATLAS_IS_MAP_SITE_LIST (self));
  g_return_if_fail (ATLAS_IS_SESSION (session));

  g_set_object (&self->session, session);
  g_signal_connect_object (session, "reloaded", G_CALLBACK (gtk_popover_popdown), self,
                           G_CONNECT_SWAPPED);
}

/**
 * atlas_map_site_list_set_sites:
 * @sites: (transfer none): a list of #AtlasSite, kept as it changes
 *
 * What the list shows, under a title and a line saying why these sites
 * are not on the map as points.
 */
void
atlas_map_site_list_set_sites (AtlasMapSiteList *self,
                               GListModel       *sites,
                               const char       *title,
                               const char       *description)
{
  g_return_if_fail (ATLAS_IS_MAP_SITE_LIST (self));
  g_return_if_fail (G_IS_LIST_MODEL (sites));

  g_set_object (&self->sites, sites);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    attach_sites (self);
  gtk_label_set_text (self->title, title);
  gtk_label_set_text (self->description, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
}

/**
 * atlas_map_site_list_get_sites:
 *
 * Returns: (transfer none) (nullable): the sites listed
 */
GListModel *
atlas_map_site_list_get_sites (AtlasMapSiteList *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_SITE_LIST (self), NULL);

  return self->sites;
}
