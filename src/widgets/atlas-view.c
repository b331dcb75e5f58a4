/* atlas-view.c
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

#include "atlas-view.h"
#include "atlas-page-slot.h"

#include <adwaita.h>

G_DEFINE_INTERFACE (AtlasView, atlas_view, GTK_TYPE_WIDGET)

static void
atlas_view_default_init (AtlasViewInterface *iface)
{
}

void
atlas_view_bind (AtlasView    *self,
                 AtlasSession *session)
{
  g_return_if_fail (ATLAS_IS_VIEW (self));
  g_return_if_fail (ATLAS_IS_SESSION (session));

  ATLAS_VIEW_GET_IFACE (self)->bind (self, session);
}

/**
 * atlas_view_save_camera:
 *
 * Returns: (transfer full) (nullable): the page's camera as JSON
 */
JsonNode *
atlas_view_save_camera (AtlasView *self)
{
  AtlasViewInterface *iface;

  g_return_val_if_fail (ATLAS_IS_VIEW (self), NULL);

  iface = ATLAS_VIEW_GET_IFACE (self);
  return iface->save_camera != NULL ? iface->save_camera (self) : NULL;
}

void
atlas_view_restore_camera (AtlasView *self,
                           JsonNode  *camera,
                           gboolean   animate)
{
  AtlasViewInterface *iface;

  g_return_if_fail (ATLAS_IS_VIEW (self));

  iface = ATLAS_VIEW_GET_IFACE (self);
  if (camera != NULL && iface->restore_camera != NULL)
    iface->restore_camera (self, camera, animate);
}

/**
 * atlas_view_render:
 *
 * Returns: (transfer full) (nullable): the page drawn at @width x @height
 */
GskRenderNode *
atlas_view_render (AtlasView *self,
                   int        width,
                   int        height,
                   gboolean   dark)
{
  AtlasViewInterface *iface;

  g_return_val_if_fail (ATLAS_IS_VIEW (self), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  iface = ATLAS_VIEW_GET_IFACE (self);
  return iface->render != NULL ? iface->render (self, width, height, dark) : NULL;
}

void
atlas_view_set_presenting (AtlasView *self,
                           gboolean   presenting)
{
  AtlasViewInterface *iface;

  g_return_if_fail (ATLAS_IS_VIEW (self));

  iface = ATLAS_VIEW_GET_IFACE (self);
  if (iface->set_presenting != NULL)
    iface->set_presenting (self, presenting);
}

/**
 * atlas_view_get_subject_bounds:
 * @bounds: (out): the subject, in @self's coordinates
 *
 * Returns: %FALSE if the page is not laid out yet
 */
gboolean
atlas_view_get_subject_bounds (AtlasView       *self,
                               graphene_rect_t *bounds)
{
  AtlasViewInterface *iface;
  int width, height;

  g_return_val_if_fail (ATLAS_IS_VIEW (self), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (width <= 0 || height <= 0)
    return FALSE;

  iface = ATLAS_VIEW_GET_IFACE (self);
  if (iface->get_subject_bounds != NULL && iface->get_subject_bounds (self, bounds))
    return TRUE;
  graphene_rect_init (bounds, 0, 0, width, height);
  return TRUE;
}

/**
 * atlas_view_find:
 * @pages: the window's pages
 * @name: a page's name ("map", "timeline", "charts", "sites", "sources")
 *
 * Returns: (transfer none) (nullable): the page called @name, if it is an
 *   AtlasView
 */
AtlasView *
atlas_view_find (AdwViewStack *pages,
                 const char   *name)
{
  GtkWidget *child;

  g_return_val_if_fail (ADW_IS_VIEW_STACK (pages), NULL);

  if (name == NULL || (child = adw_view_stack_get_child_by_name (pages, name)) == NULL)
    return NULL;
  child = atlas_page_resolve (child);
  return ATLAS_IS_VIEW (child) ? ATLAS_VIEW (child) : NULL;
}

/* Calls @func on every page of @pages that is an AtlasView, building the
 * pages that were not built yet (see AtlasPageSlot).
 */
void
atlas_view_foreach (AdwViewStack *pages,
                    GFunc         func,
                    gpointer      user_data)
{
  g_autoptr(GtkSelectionModel) model = NULL;
  guint n;

  g_return_if_fail (ADW_IS_VIEW_STACK (pages));

  model = adw_view_stack_get_pages (pages);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (model), i);
      GtkWidget *child = atlas_page_resolve (adw_view_stack_page_get_child (page));

      if (ATLAS_IS_VIEW (child))
        func (child, user_data);
    }
}
