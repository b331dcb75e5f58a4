/* atlas-event-filter.c
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

#include "atlas-dataset.h"
#include "atlas-district.h"
#include "atlas-item.h"
#include "atlas-event.h"
#include "atlas-site.h"
#include "atlas-event-filter.h"
#include "atlas-state.h"

/* Which events the shared state lets through: a shown kind, a match of the
 * search text (titles, summaries, parties), a date that overlaps the time
 * range (a month-precise date overlaps wherever its month does), and the
 * district filter (the event's district, or the district of one of its sites).
 */

struct _AtlasEventFilter
{
  GtkFilter     parent_instance;

  AtlasState   *state;
  AtlasDataset *dataset;
  GHashTable   *matches;     /* search hits, NULL when not searching */
};

G_DEFINE_FINAL_TYPE (AtlasEventFilter, atlas_event_filter, GTK_TYPE_FILTER)

static gboolean
event_in_district (AtlasEvent *event,
                   int         adcode)
{
  AtlasDistrict *district = atlas_event_get_district (event);

  if (district != NULL)
    return atlas_district_get_adcode (district) == adcode;

  if (atlas_event_get_place (event) != NULL &&
      atlas_district_get_adcode (atlas_site_get_district (atlas_event_get_place (event))) == adcode)
    return TRUE;

  for (guint i = 0; i < atlas_event_get_n_sites (event); i++)
    {
      AtlasSite *site = atlas_event_get_site (event, i, NULL);

      if (atlas_district_get_adcode (atlas_site_get_district (site)) == adcode)
        return TRUE;
    }

  return FALSE;
}

static gboolean
atlas_event_filter_match (GtkFilter *filter,
                          gpointer   item)
{
  AtlasEventFilter *self = ATLAS_EVENT_FILTER (filter);
  AtlasEvent *event = item;
  int adcode;

  if (!atlas_state_has_event_kind (self->state, atlas_event_get_kind (event)))
    return FALSE;

  adcode = atlas_state_get_district (self->state);
  if (adcode != 0 && !event_in_district (event, adcode))
    return FALSE;

  if (atlas_state_has_time_range (self->state) &&
      (atlas_event_get_first_day (event) > atlas_state_get_time_last (self->state) ||
       atlas_event_get_last_day (event) < atlas_state_get_time_first (self->state)))
    return FALSE;

  if (self->matches != NULL)
    {
      g_autofree char *key = atlas_item_dup_key (ATLAS_ITEM (event));

      if (!g_hash_table_contains (self->matches, key))
        return FALSE;
    }

  return TRUE;
}

static GtkFilterMatch
atlas_event_filter_get_strictness (GtkFilter *filter)
{
  AtlasEventFilter *self = ATLAS_EVENT_FILTER (filter);

  if (atlas_state_get_event_kinds (self->state) == 0)
    return GTK_FILTER_MATCH_NONE;
  if (!atlas_state_is_filtering (self->state))
    return GTK_FILTER_MATCH_ALL;
  return GTK_FILTER_MATCH_SOME;
}

static void
on_search_changed (AtlasEventFilter *self)
{
  const char *text = atlas_state_get_search_text (self->state);

  g_clear_pointer (&self->matches, g_hash_table_unref);
  if (text[0] != '\0')
    {
      self->matches = atlas_dataset_search (self->dataset, text);
      if (self->matches == NULL)
        self->matches = g_hash_table_new (g_str_hash, g_str_equal);
    }

  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_filter_changed (AtlasEventFilter *self)
{
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
atlas_event_filter_dispose (GObject *object)
{
  AtlasEventFilter *self = (AtlasEventFilter *)object;

  g_clear_object (&self->state);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->matches, g_hash_table_unref);

  G_OBJECT_CLASS (atlas_event_filter_parent_class)->dispose (object);
}

static void
atlas_event_filter_class_init (AtlasEventFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->dispose = atlas_event_filter_dispose;

  filter_class->match = atlas_event_filter_match;
  filter_class->get_strictness = atlas_event_filter_get_strictness;
}

static void
atlas_event_filter_init (AtlasEventFilter *self)
{
}

AtlasEventFilter *
atlas_event_filter_new (AtlasState   *state,
                       AtlasDataset *dataset)
{
  AtlasEventFilter *self;

  g_return_val_if_fail (ATLAS_IS_STATE (state), NULL);
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  self = g_object_new (ATLAS_TYPE_EVENT_FILTER, NULL);
  self->state = g_object_ref (state);
  self->dataset = g_object_ref (dataset);

  g_signal_connect_object (state, "notify::search-text",
                           G_CALLBACK (on_search_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (state, "notify::event-kinds",
                           G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (state, "notify::time-first",
                           G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (state, "notify::time-last",
                           G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (state, "notify::district",
                           G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  /* Imports and updates change what the search finds. */
  g_signal_connect_object (dataset, "reloaded",
                           G_CALLBACK (on_search_changed), self, G_CONNECT_SWAPPED);

  if (atlas_state_get_search_text (state)[0] != '\0')
    on_search_changed (self);

  return self;
}
