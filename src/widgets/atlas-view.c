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

G_DEFINE_INTERFACE (AtlasView, atlas_view, GTK_TYPE_WIDGET)

static void
atlas_view_default_init (AtlasViewInterface *iface)
{
}

void
atlas_view_bind (AtlasView    *self,
                 AtlasDataset *dataset,
                 AtlasState   *state)
{
  g_return_if_fail (ATLAS_IS_VIEW (self));

  ATLAS_VIEW_GET_IFACE (self)->bind (self, dataset, state);
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
