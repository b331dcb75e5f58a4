/* atlas-model-private.h
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

#include "atlas-types.h"
#include "atlas-store.h"
#include "atlas-site-list.h"

G_BEGIN_DECLS

void       _atlas_item_set_names  (AtlasItem             *self,
                                   const char            *id,
                                   const char            *name_zh,
                                   const char            *name_en);

/* The sites' rows, shared by the list and every AtlasSite made from them
 * (atlas-site-list.c).
 */
typedef struct _AtlasSiteTable AtlasSiteTable;

AtlasSiteTable *_atlas_site_table_ref       (AtlasSiteTable        *table);
void            _atlas_site_table_unref     (AtlasSiteTable        *table);
AtlasStore     *_atlas_site_table_get_texts (AtlasSiteTable        *table);

AtlasSite      *_atlas_site_new             (AtlasSiteTable        *table,
                                             const AtlasSiteRow    *row);
const AtlasSiteRow *_atlas_site_get_row     (AtlasSite             *self);
guint           _atlas_site_count_instances (void);

AtlasSiteList  *_atlas_site_list_read       (AtlasStore            *store,
                                             GPtrArray             *districts,
                                             GPtrArray             *areas,
                                             GError               **error);
void            _atlas_site_list_add_span   (AtlasSiteList         *self,
                                             guint                  position,
                                             guint32                first_day,
                                             guint32                last_day);
void            _atlas_site_list_take       (AtlasSiteList         *self,
                                             AtlasSiteList         *loaded);

void _atlas_source_count_citations_in (AtlasSource *self,
                                       AtlasStore  *store);

/* Used by AtlasDataset while it links the records it loads. */
void _atlas_event_add_party       (AtlasEvent     *self,
                                   AtlasParty     *party,
                                   const char     *role);
void _atlas_event_add_site        (AtlasEvent     *self,
                                   AtlasSite      *site,
                                   const char     *role);
void _atlas_series_add_statistic  (AtlasSeries    *self,
                                   AtlasStatistic *statistic);
void _atlas_area_add_district     (AtlasArea      *self,
                                   AtlasDistrict  *district);

G_END_DECLS
