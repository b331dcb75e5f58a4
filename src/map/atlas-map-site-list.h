/* atlas-map-site-list.h
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

#pragma once

#include <gtk/gtk.h>

#include "atlas-session.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_MAP_SITE_LIST (atlas_map_site_list_get_type ())

G_DECLARE_FINAL_TYPE (AtlasMapSiteList, atlas_map_site_list, ATLAS, MAP_SITE_LIST, GtkPopover)

GtkWidget  *atlas_map_site_list_new       (void);
void        atlas_map_site_list_bind      (AtlasMapSiteList *self,
                                           AtlasSession     *session);
void        atlas_map_site_list_set_sites (AtlasMapSiteList *self,
                                           GListModel       *sites,
                                           const char       *title,
                                           const char       *description);
GListModel *atlas_map_site_list_get_sites (AtlasMapSiteList *self);
void        atlas_map_site_list_activate  (AtlasMapSiteList *self,
                                           guint             position);

G_END_DECLS
