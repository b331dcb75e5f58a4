/* atlas-banner.h
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

#define ATLAS_TYPE_BANNER (atlas_banner_get_type ())

G_DECLARE_FINAL_TYPE (AtlasBanner, atlas_banner, ATLAS, BANNER, GtkWidget)

GtkWidget  *atlas_banner_new              (void);
void        atlas_banner_show_message     (AtlasBanner *self,
                                           const char  *message,
                                           const char  *button_label,
                                           const char  *action_name);
void        atlas_banner_show_welcome     (AtlasBanner *self,
                                           const char  *message,
                                           const char  *button_label,
                                           const char  *action_name);
void        atlas_banner_dismiss          (AtlasBanner *self);
const char *atlas_banner_get_message      (AtlasBanner *self);
gboolean    atlas_banner_get_revealed     (AtlasBanner *self);

G_END_DECLS
