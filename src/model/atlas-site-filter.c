/* atlas-site-filter.c
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
#include "atlas-site.h"
#include "atlas-site-filter.h"
#include "atlas-state.h"

/* Which sites the shared state lets through: a shown category, a match of the
 * search text (full-text, names and descriptions), something dated inside the
 * time range, and the district filter.  The Sites page and the map both use it.
 */

struct _AtlasSiteFilter
{
  GtkFilter     parent_instance;

  AtlasState   *state;
  AtlasDataset *dataset;
  GHashTable   *matches;     /* search hits, NULL when not searching */
};

G_DEFINE_FINAL_TYPE (AtlasSiteFilter, atlas_site_filter, GTK_TYPE_FILTER)

static gboolean
atlas_site_filter_match (GtkFilter *filter,
                         gpointer   item)
{
  AtlasSiteFilter *self = ATLAS_SITE_FILTER (filter);
  AtlasSite *site = item;
  AtlasDistrict *district;
  int adcode;

  if (!atlas_state_has_category (self->state, atlas_site_get_category (site)))
    return FALSE;

  adcode = atlas_state_get_district (self->state);
  district = atlas_site_get_district (site);
  if (adcode != 0 && (district == NULL || atlas_district_get_adcode (district) != adcode))
    return FALSE;

  if (atlas_state_has_time_range (self->state) &&
      !atlas_site_is_active_between (site, atlas_state_get_time_first (self->state),
                                     atlas_state_get_time_last (self->state)))
    return FALSE;

  if (self->matches != NULL)
    {
      g_autofree char *key = atlas_item_dup_key (ATLAS_ITEM (site));

      if (!g_hash_table_contains (self->matches, key))
        return FALSE;
    }

  return TRUE;
}

static GtkFilterMatch
atlas_site_filter_get_strictness (GtkFilter *filter)
{
  AtlasSiteFilter *self = ATLAS_SITE_FILTER (filter);

  if (atlas_state_get_categories (self->state) == 0)
    return GTK_FILTER_MATCH_NONE;
  if (!atlas_state_is_filtering (self->state))
    return GTK_FILTER_MATCH_ALL;
  return GTK_FILTER_MATCH_SOME;
}

static void
on_search_changed (AtlasSiteFilter *self)
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
on_filter_changed (AtlasSiteFilter *self)
{
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
atlas_site_filter_dispose (GObject *object)
{
  AtlasSiteFilter *self = (AtlasSiteFilter *)object;

  g_clear_object (&self->state);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->matches, g_hash_table_unref);

  G_OBJECT_CLASS (atlas_site_filter_parent_class)->dispose (object);
}

static void
atlas_site_filter_class_init (AtlasSiteFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->dispose = atlas_site_filter_dispose;

  filter_class->match = atlas_site_filter_match;
  filter_class->get_strictness = atlas_site_filter_get_strictness;
}

static void
atlas_site_filter_init (AtlasSiteFilter *self)
{
}

AtlasSiteFilter *
atlas_site_filter_new (AtlasState   *state,
                       AtlasDataset *dataset)
{
  AtlasSiteFilter *self;

  g_return_val_if_fail (ATLAS_IS_STATE (state), NULL);
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  self = g_object_new (ATLAS_TYPE_SITE_FILTER, NULL);
  self->state = g_object_ref (state);
  self->dataset = g_object_ref (dataset);

  g_signal_connect_object (state, "notify::search-text",
                           G_CALLBACK (on_search_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (state, "notify::categories",
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
