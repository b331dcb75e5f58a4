/* atlas-record-filter.h
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

/* Whether @item passes, leaving out the @ignore dimensions of @source. */
typedef gboolean       (*AtlasRecordMatchFunc)      (gpointer source,
                                                     gpointer item,
                                                     guint    ignore);
/* Whether the record at @position of @list passes: the same answer as
 * matching the item there, without making the item when the list can
 * answer from its rows (AtlasSiteList).
 */
typedef gboolean       (*AtlasRecordMatchAtFunc)    (gpointer    source,
                                                     GListModel *list,
                                                     guint       position,
                                                     guint       ignore);
/* How strict the filter is now, so that lists can skip the walk. */
typedef GtkFilterMatch (*AtlasRecordStrictnessFunc) (gpointer source,
                                                     GType    item_type,
                                                     guint    ignore);

#define ATLAS_TYPE_RECORD_FILTER (atlas_record_filter_get_type ())

G_DECLARE_FINAL_TYPE (AtlasRecordFilter, atlas_record_filter, ATLAS, RECORD_FILTER, GtkFilter)

AtlasRecordFilter *atlas_record_filter_new        (GObject                   *source,
                                                   GType                      item_type,
                                                   guint                      ignore,
                                                   guint                      tested,
                                                   AtlasRecordMatchFunc       match,
                                                   AtlasRecordMatchAtFunc     match_at,
                                                   AtlasRecordStrictnessFunc  strictness);
gboolean           atlas_record_filter_match_at   (AtlasRecordFilter         *self,
                                                   GListModel                *list,
                                                   guint                      position);
guint              atlas_record_filter_get_ignore (AtlasRecordFilter         *self);

G_END_DECLS
