/* atlas-window.h
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

#include "atlas-announcer.h"
#include "atlas-session.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_WINDOW (atlas_window_get_type ())

G_DECLARE_FINAL_TYPE (AtlasWindow, atlas_window, ATLAS, WINDOW, AdwApplicationWindow)

AtlasWindow  *atlas_window_new              (GtkApplication   *application,
                                             AtlasDataset     *dataset,
                                             GSettings        *settings);
void          atlas_window_update_actions   (AtlasWindow      *self);
void          atlas_window_set_accels       (GtkApplication   *application);
AtlasSession *atlas_window_get_session      (AtlasWindow      *self);
AtlasState   *atlas_window_get_state        (AtlasWindow      *self);
AtlasDataset *atlas_window_get_dataset      (AtlasWindow      *self);
GtkWidget    *atlas_window_get_page         (AtlasWindow      *self,
                                             const char       *name);
AdwViewStack *atlas_window_get_pages        (AtlasWindow      *self);
GtkWidget    *atlas_window_get_details_pane (AtlasWindow      *self);
AtlasAnnouncer *atlas_window_get_announcer  (AtlasWindow      *self);
GtkEditable  *atlas_window_get_search_entry (AtlasWindow      *self);
GtkWidget    *atlas_window_get_key_view     (AtlasWindow      *self);
void          atlas_window_show_message     (AtlasWindow      *self,
                                             const char       *message);

G_END_DECLS
