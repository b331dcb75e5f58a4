/* atlas-search-popover.h
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

#include "atlas-search-results.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_SEARCH_POPOVER (atlas_search_popover_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSearchPopover, atlas_search_popover, ATLAS, SEARCH_POPOVER, GtkPopover)

AtlasSearchPopover *atlas_search_popover_new               (void);
void                atlas_search_popover_attach            (AtlasSearchPopover *self,
                                                            GtkSearchEntry     *entry,
                                                            AtlasSearchResults *results);
void                atlas_search_popover_detach            (AtlasSearchPopover *self);
void                atlas_search_popover_move              (AtlasSearchPopover *self,
                                                            int                 delta);
AtlasSearchResult  *atlas_search_popover_get_selected      (AtlasSearchPopover *self);
gboolean            atlas_search_popover_get_filter_selected (AtlasSearchPopover *self);
gboolean            atlas_search_popover_activate_selected (AtlasSearchPopover *self);
guint               atlas_search_popover_get_n_rows        (AtlasSearchPopover *self);

G_END_DECLS
