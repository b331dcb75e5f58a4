/* atlas-record-filter.c
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

#include "config.h"

#include "atlas-record-filter.h"

/* A GtkFilter that holds no meaning of its own: it asks its source (the
 * session) whether a record passes, leaving out the dimensions it was told
 * to ignore, and refilters its lists when the source's "filters-changed"
 * names a dimension it tests.  The session is the only source; taking it as
 * a plain object with two functions keeps this file below the session.
 */

struct _AtlasRecordFilter
{
  GtkFilter                  parent_instance;

  GObject                   *source;    /* weak: the source may own us */
  GType                      item_type;
  guint                      ignore;
  guint                      tested;
  AtlasRecordMatchFunc       match;
  AtlasRecordMatchAtFunc     match_at;
  AtlasRecordStrictnessFunc  strictness;
};

G_DEFINE_FINAL_TYPE (AtlasRecordFilter, atlas_record_filter, GTK_TYPE_FILTER)

static gboolean
atlas_record_filter_match (GtkFilter *filter,
                           gpointer   item)
{
  AtlasRecordFilter *self = ATLAS_RECORD_FILTER (filter);

  return self->source != NULL && self->match (self->source, item, self->ignore);
}

static GtkFilterMatch
atlas_record_filter_get_strictness (GtkFilter *filter)
{
  AtlasRecordFilter *self = ATLAS_RECORD_FILTER (filter);

  if (self->source == NULL)
    return GTK_FILTER_MATCH_NONE;
  return self->strictness (self->source, self->item_type, self->ignore);
}

static void
on_filters_changed (AtlasRecordFilter *self,
                    guint              changed)
{
  if (changed & self->tested)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
atlas_record_filter_dispose (GObject *object)
{
  AtlasRecordFilter *self = (AtlasRecordFilter *)object;

  g_clear_weak_pointer (&self->source);

  G_OBJECT_CLASS (atlas_record_filter_parent_class)->dispose (object);
}

static void
atlas_record_filter_class_init (AtlasRecordFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->dispose = atlas_record_filter_dispose;

  filter_class->match = atlas_record_filter_match;
  filter_class->get_strictness = atlas_record_filter_get_strictness;
}

static void
atlas_record_filter_init (AtlasRecordFilter *self)
{
}

/**
 * atlas_record_filter_new:
 * @source: the object that decides, with a "filters-changed" signal
 *   carrying the changed dimensions as a guint
 * @item_type: the type of the records filtered
 * @ignore: the dimensions of @source the filter leaves out
 * @tested: the dimensions whose change can change what passes
 * @match_at: (nullable): matches by position in a list, see
 *   atlas_record_filter_match_at()
 */
AtlasRecordFilter *
atlas_record_filter_new (GObject                   *source,
                         GType                      item_type,
                         guint                      ignore,
                         guint                      tested,
                         AtlasRecordMatchFunc       match,
                         AtlasRecordMatchAtFunc     match_at,
                         AtlasRecordStrictnessFunc  strictness)
{
  AtlasRecordFilter *self;

  g_return_val_if_fail (G_IS_OBJECT (source), NULL);
  g_return_val_if_fail (match != NULL && strictness != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_RECORD_FILTER, NULL);
  g_set_weak_pointer (&self->source, source);
  self->item_type = item_type;
  self->ignore = ignore;
  self->tested = tested;
  self->match = match;
  self->match_at = match_at;
  self->strictness = strictness;

  g_signal_connect_object (source, "filters-changed", G_CALLBACK (on_filters_changed), self,
                           G_CONNECT_SWAPPED);
  return self;
}

guint
atlas_record_filter_get_ignore (AtlasRecordFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_RECORD_FILTER (self), 0);

  return self->ignore;
}

/**
 * atlas_record_filter_match_at:
 *
 * Whether the item at @position of @list passes: what gtk_filter_match()
 * says of it, but a list of rows (the sites) is asked by row, so that
 * filtering many records does not make an object for each.
 */
gboolean
atlas_record_filter_match_at (AtlasRecordFilter *self,
                              GListModel        *list,
                              guint              position)
{
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (ATLAS_IS_RECORD_FILTER (self), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (list), FALSE);

  if (self->source == NULL)
    return FALSE;
  if (self->match_at != NULL)
    return self->match_at (self->source, list, position, self->ignore);
  item = g_list_model_get_item (list, position);
  return item != NULL && self->match (self->source, item, self->ignore);
}
