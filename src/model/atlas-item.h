/* atlas-item.h
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

G_BEGIN_DECLS

#define ATLAS_TYPE_ITEM (atlas_item_get_type ())

G_DECLARE_DERIVABLE_TYPE (AtlasItem, atlas_item, ATLAS, ITEM, GObject)

struct _AtlasItemClass
{
  GObjectClass parent_class;

  /* The table the records of this class come from: "site", "event", ... */
  const char *entity;
};

const char *atlas_item_get_id      (AtlasItem *self);
const char *atlas_item_get_name    (AtlasItem *self);
const char *atlas_item_get_name_zh (AtlasItem *self);
const char *atlas_item_get_name_en (AtlasItem *self);
const char *atlas_item_get_entity  (AtlasItem *self);
char       *atlas_item_dup_key     (AtlasItem *self);
const char *atlas_item_get_sort_key (AtlasItem *self);

G_END_DECLS
