/* atlas-history.h
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

#include <glib-object.h>

#include "atlas-types.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_HISTORY (atlas_history_get_type ())

G_DECLARE_FINAL_TYPE (AtlasHistory, atlas_history, ATLAS, HISTORY, GObject)

AtlasHistory *atlas_history_new                (AtlasState   *state,
                                                AtlasDataset *dataset);
gboolean      atlas_history_get_can_undo       (AtlasHistory *self);
gboolean      atlas_history_get_can_redo       (AtlasHistory *self);
gboolean      atlas_history_undo               (AtlasHistory *self);
gboolean      atlas_history_redo               (AtlasHistory *self);
void          atlas_history_clear              (AtlasHistory *self);
void          atlas_history_set_coalesce_time  (AtlasHistory *self,
                                                guint         milliseconds);
guint         atlas_history_get_n_undo         (AtlasHistory *self);
gboolean      atlas_history_is_restoring       (AtlasHistory *self);
void          atlas_history_attach_page        (AtlasHistory *self,
                                                const char   *page);

G_END_DECLS
