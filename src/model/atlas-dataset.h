/* atlas-dataset.h
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

#include <gio/gio.h>

#include "atlas-types.h"
#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_DATASET (atlas_dataset_get_type ())

G_DECLARE_FINAL_TYPE (AtlasDataset, atlas_dataset, ATLAS, DATASET, GObject)

AtlasDataset   *atlas_dataset_new                  (AtlasStore     *store,
                                                    GError        **error);
gboolean        atlas_dataset_reload               (AtlasDataset   *self,
                                                    GError        **error);
AtlasStore     *atlas_dataset_get_store            (AtlasDataset   *self);
GListModel     *atlas_dataset_get_sites            (AtlasDataset   *self);
GListModel     *atlas_dataset_get_events           (AtlasDataset   *self);
GListModel     *atlas_dataset_get_statistics       (AtlasDataset   *self);
GListModel     *atlas_dataset_get_series           (AtlasDataset   *self);
GListModel     *atlas_dataset_get_districts        (AtlasDataset   *self);
GListModel     *atlas_dataset_get_rivers           (AtlasDataset   *self);
GListModel     *atlas_dataset_get_sources          (AtlasDataset   *self);
GListModel     *atlas_dataset_get_parties          (AtlasDataset   *self);
GListModel     *atlas_dataset_get_areas            (AtlasDataset   *self);
GListModel     *atlas_dataset_get_sites_without_point (AtlasDataset   *self);
AtlasItem      *atlas_dataset_lookup               (AtlasDataset   *self,
                                                    const char     *entity,
                                                    const char     *id);
AtlasDistrict  *atlas_dataset_lookup_district      (AtlasDataset   *self,
                                                    int             adcode);
GListModel     *atlas_dataset_list_citations       (AtlasDataset   *self,
                                                    AtlasItem      *item);
GListModel     *atlas_dataset_list_events_for_site (AtlasDataset   *self,
                                                    AtlasSite      *site);
GListModel     *atlas_dataset_list_sites_in_district (AtlasDataset  *self,
                                                      AtlasDistrict *district);
GListModel     *atlas_dataset_list_sites_in_area   (AtlasDataset   *self,
                                                    AtlasArea      *area);
GListModel     *atlas_dataset_list_statistics_for  (AtlasDataset   *self,
                                                    AtlasItem      *item);
GListModel     *atlas_dataset_list_records_citing  (AtlasDataset   *self,
                                                    AtlasSource    *source);
GHashTable     *atlas_dataset_search               (AtlasDataset   *self,
                                                    const char     *text);

G_END_DECLS
