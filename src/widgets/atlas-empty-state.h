/* atlas-empty-state.h
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

G_BEGIN_DECLS

#define ATLAS_TYPE_EMPTY_STATE (atlas_empty_state_get_type ())

G_DECLARE_FINAL_TYPE (AtlasEmptyState, atlas_empty_state, ATLAS, EMPTY_STATE, GtkWidget)

GtkWidget  *atlas_empty_state_new             (void);
const char *atlas_empty_state_get_title       (AtlasEmptyState *self);
void        atlas_empty_state_set_title       (AtlasEmptyState *self,
                                               const char      *title);
const char *atlas_empty_state_get_description (AtlasEmptyState *self);
void        atlas_empty_state_set_description (AtlasEmptyState *self,
                                               const char      *description);

G_END_DECLS
