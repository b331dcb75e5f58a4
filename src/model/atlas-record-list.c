/* atlas-record-list.c
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

#define G_LOG_DOMAIN "atlas-model"

#include "config.h"

#include "atlas-record-list.h"

/* The dataset's lists of records: an array behind GListModel, replaced
 * whole when the records are read again.  A GListStore keeps its items in a
 * GSequence, a tree node for each, found in logarithmic time; here an item
 * is one pointer, found at once, which is what filters and views do to
 * every record of a 100,000-site list.
 */

struct _AtlasRecordList
{
  GObject    parent_instance;

  GType      item_type;
  GPtrArray *items;
};

static GType
atlas_record_list_get_item_type (GListModel *model)
{
  return ATLAS_RECORD_LIST (model)->item_type;
}

static guint
atlas_record_list_get_n_items (GListModel *model)
{
  return ATLAS_RECORD_LIST (model)->items->len;
}

static gpointer
atlas_record_list_get_item (GListModel *model,
                            guint       position)
{
  AtlasRecordList *self = ATLAS_RECORD_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = atlas_record_list_get_item_type;
  iface->get_n_items = atlas_record_list_get_n_items;
  iface->get_item = atlas_record_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasRecordList, atlas_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
atlas_record_list_finalize (GObject *object)
{
  AtlasRecordList *self = (AtlasRecordList *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (atlas_record_list_parent_class)->finalize (object);
}

static void
atlas_record_list_class_init (AtlasRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_record_list_finalize;
}

static void
atlas_record_list_init (AtlasRecordList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * atlas_record_list_new:
 * @item_type: the type of the records, a #GObject type
 *
 * Returns: (transfer full): an empty list
 */
AtlasRecordList *
atlas_record_list_new (GType item_type)
{
  AtlasRecordList *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);

  self = g_object_new (ATLAS_TYPE_RECORD_LIST, NULL);
  self->item_type = item_type;
  return self;
}

/**
 * atlas_record_list_replace_all:
 * @items: (element-type GObject): the new records, in order; the list keeps
 *   a reference to the array, which must free its items with
 *   g_object_unref() and not change afterwards
 *
 * Replaces every record, with one items-changed.
 */
void
atlas_record_list_replace_all (AtlasRecordList *self,
                               GPtrArray       *items)
{
  g_autoptr(GPtrArray) old = NULL;

  g_return_if_fail (ATLAS_IS_RECORD_LIST (self));
  g_return_if_fail (items != NULL);

  for (guint i = 0; i < items->len; i++)
    g_return_if_fail (g_type_is_a (G_OBJECT_TYPE (g_ptr_array_index (items, i)), self->item_type));

  old = g_steal_pointer (&self->items);
  self->items = g_ptr_array_ref (items);
  /* Handlers see the new records; the old ones live until they return. */
  if (old->len > 0 || items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, items->len);
}
