/* atlas-accessible.h
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

#include <adwaita.h>

G_BEGIN_DECLS

char       *atlas_accessible_strip_mnemonic      (const char *label);
void        atlas_accessible_set_label           (GtkWidget  *widget,
                                                  const char *label);
void        atlas_accessible_set_description     (GtkWidget  *widget,
                                                  const char *description);
const char *atlas_accessible_get_description     (GtkWidget  *widget);
void        atlas_accessible_restore_description (GtkWidget  *widget);
char       *atlas_accessible_position            (guint       position,
                                                  guint       count);
void        atlas_accessible_fix_names           (GtkWidget  *widget);
void        atlas_accessible_follow_stack        (GtkWidget  *stack);

void        atlas_accessible_label_list_item     (GtkListItem *item,
                                                  const char  *label);
void        atlas_accessible_label_column_cell   (GtkListItem *item,
                                                  const char  *cell_label,
                                                  const char  *row_label);
int         atlas_accessible_name_column_headers (GtkColumnView *view,
                                                  GtkSortType   *order);
GtkListItemFactory *
            atlas_accessible_label_factory_new   (GtkExpression *expression);
void        atlas_accessible_name_drop_down      (GtkDropDown *drop_down,
                                                  const char  *title);
void        atlas_accessible_name_combo_row      (AdwComboRow *row);

G_END_DECLS
