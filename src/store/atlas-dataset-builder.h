/* atlas-dataset-builder.h
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

G_BEGIN_DECLS

#define ATLAS_TYPE_DATASET_BUILDER (atlas_dataset_builder_get_type ())

G_DECLARE_FINAL_TYPE (AtlasDatasetBuilder, atlas_dataset_builder, ATLAS, DATASET_BUILDER, GObject)

AtlasDatasetBuilder *atlas_dataset_builder_new          (const char           *data_dir,
                                                         const char           *schema_path);
void                 atlas_dataset_builder_set_seeds_dir (AtlasDatasetBuilder *self,
                                                          const char          *seeds_dir);
gboolean             atlas_dataset_builder_build        (AtlasDatasetBuilder  *self,
                                                         const char           *output_path,
                                                         GError              **error);
const char * const  *atlas_dataset_builder_get_problems (AtlasDatasetBuilder  *self);

G_END_DECLS
