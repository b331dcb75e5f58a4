/* atlas-page-slot.h
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

#define ATLAS_TYPE_PAGE_SLOT (atlas_page_slot_get_type ())

G_DECLARE_FINAL_TYPE (AtlasPageSlot, atlas_page_slot, ATLAS, PAGE_SLOT, GtkWidget)

GtkWidget *atlas_page_slot_get_page      (AtlasPageSlot *self);
GtkWidget *atlas_page_slot_peek_page     (AtlasPageSlot *self);
void       atlas_page_slot_bind          (AtlasPageSlot *self,
                                          AtlasSession  *session);

GtkWidget *atlas_page_resolve            (GtkWidget     *stack_child);
GType      atlas_page_resolve_type       (GtkWidget     *stack_child);

G_END_DECLS
