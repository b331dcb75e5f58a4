/* atlas-search-results.c
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
#include "atlas-item.h"
#include "atlas-search-results.h"

/* What the search popover lists: the records the store's search finds for
 * the text, grouped Sites, Events, Figures, Districts (the group with the
 * best match first), each group best match first and cut to a few lines (the count of all of them is kept, for
 * the group's heading and for "Filter by …").  A GListModel of its own
 * rather than a filter over the records: the store answers the search in
 * one query, and ranking needs the text, which a GtkFilter does not see.
 * The model has no widgets in it, so that tests can run it without a
 * display.
 */

#define DEFAULT_GROUP_LIMIT 5

struct _AtlasSearchResults
{
  GObject       parent_instance;

  AtlasDataset *dataset;
  char         *text;
  GPtrArray    *results;     /* of AtlasSearchResult, in the order shown */
  guint         n_found[ATLAS_N_SEARCH_KINDS];
  guint         group_limit;
};

static void atlas_search_results_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasSearchResults, atlas_search_results, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      atlas_search_results_list_model_init))

enum {
  PROP_0,
  PROP_TEXT,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- GListModel --------------------------------------------------------- */

static GType
atlas_search_results_get_item_type (GListModel *model)
{
  return ATLAS_TYPE_SEARCH_RESULT;
}

static guint
atlas_search_results_get_n_items (GListModel *model)
{
  return ATLAS_SEARCH_RESULTS (model)->results->len;
}

static gpointer
atlas_search_results_get_item (GListModel *model,
                               guint       position)
{
  AtlasSearchResults *self = ATLAS_SEARCH_RESULTS (model);

  if (position >= self->results->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->results, position));
}

static void
atlas_search_results_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = atlas_search_results_get_item_type;
  iface->get_n_items = atlas_search_results_get_n_items;
  iface->get_item = atlas_search_results_get_item;
}

/* ---- searching ------------------------------------------------------------ */

/* Groups whose best match is better come first, so that the first row —
 * what Enter picks — is the best match of all: a district's exact name
 * beats sites that only mention it.  Equal groups keep the order Sites,
 * Events, Figures, Districts.
 */
static int
compare_results (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const AtlasSearchRank *best = user_data;
  AtlasSearchResult *ra = *(AtlasSearchResult **) a;
  AtlasSearchResult *rb = *(AtlasSearchResult **) b;
  AtlasSearchRank ga = best[atlas_search_result_get_kind (ra)];
  AtlasSearchRank gb = best[atlas_search_result_get_kind (rb)];

  if (ga != gb)
    return ga < gb ? -1 : 1;
  return atlas_search_result_compare (ra, rb);
}

/* All the results for the text, sorted; counts them per group. */
static GPtrArray *
find (AtlasSearchResults *self)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) keys = NULL;
  AtlasSearchRank best[ATLAS_N_SEARCH_KINDS];
  GHashTableIter iter;
  gpointer key;

  memset (self->n_found, 0, sizeof self->n_found);
  if (self->text == NULL || *self->text == '\0')
    return g_steal_pointer (&found);

  if ((keys = atlas_dataset_search (self->dataset, self->text)) == NULL)
    return g_steal_pointer (&found);

  for (guint k = 0; k < ATLAS_N_SEARCH_KINDS; k++)
    best[k] = ATLAS_SEARCH_RANK_TEXT;

  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_auto(GStrv) parts = g_strsplit (key, ":", 2);
      AtlasSearchResult *result;
      AtlasSearchKind kind;
      AtlasItem *item;

      if (parts[0] == NULL || parts[1] == NULL || !atlas_search_kind_for_entity (parts[0], &kind))
        continue;
      if ((item = atlas_dataset_lookup (self->dataset, parts[0], parts[1])) == NULL)
        continue;

      result = atlas_search_result_new (item, kind, self->text);
      best[kind] = MIN (best[kind], atlas_search_result_get_rank (result));
      g_ptr_array_add (found, result);
      self->n_found[kind]++;
    }

  g_ptr_array_sort_with_data (found, compare_results, best);
  return g_steal_pointer (&found);
}

/* Keeps the first group_limit of each group. */
static GPtrArray *
cut_groups (AtlasSearchResults *self,
            GPtrArray          *found)
{
  GPtrArray *shown = g_ptr_array_new_with_free_func (g_object_unref);
  guint in_group[ATLAS_N_SEARCH_KINDS] = { 0, };

  for (guint i = 0; i < found->len; i++)
    {
      AtlasSearchResult *result = g_ptr_array_index (found, i);
      AtlasSearchKind kind = atlas_search_result_get_kind (result);

      if (self->group_limit == 0 || in_group[kind]++ < self->group_limit)
        g_ptr_array_add (shown, g_object_ref (result));
    }
  return shown;
}

static void
refresh (AtlasSearchResults *self)
{
  g_autoptr(GPtrArray) found = find (self);
  guint removed = self->results->len;
  guint added;

  g_ptr_array_unref (self->results);
  self->results = cut_groups (self, found);
  added = self->results->len;

  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* ---- GObject ------------------------------------------------------------ */

static void
atlas_search_results_dispose (GObject *object)
{
  AtlasSearchResults *self = (AtlasSearchResults *)object;

  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (atlas_search_results_parent_class)->dispose (object);
}

static void
atlas_search_results_finalize (GObject *object)
{
  AtlasSearchResults *self = (AtlasSearchResults *)object;

  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (atlas_search_results_parent_class)->finalize (object);
}

static void
atlas_search_results_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AtlasSearchResults *self = ATLAS_SEARCH_RESULTS (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->results->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_search_results_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AtlasSearchResults *self = ATLAS_SEARCH_RESULTS (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      atlas_search_results_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_search_results_class_init (AtlasSearchResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_search_results_dispose;
  object_class->finalize = atlas_search_results_finalize;
  object_class->get_property = atlas_search_results_get_property;
  object_class->set_property = atlas_search_results_set_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_search_results_init (AtlasSearchResults *self)
{
  self->results = g_ptr_array_new_with_free_func (g_object_unref);
  self->group_limit = DEFAULT_GROUP_LIMIT;
}

AtlasSearchResults *
atlas_search_results_new (AtlasDataset *dataset)
{
  AtlasSearchResults *self;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  self = g_object_new (ATLAS_TYPE_SEARCH_RESULTS, NULL);
  self->dataset = g_object_ref (dataset);

  /* New data, other records: search again, and drop the old ones. */
  g_signal_connect_object (dataset, "reloaded", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  return self;
}

const char *
atlas_search_results_get_text (AtlasSearchResults *self)
{
  g_return_val_if_fail (ATLAS_IS_SEARCH_RESULTS (self), NULL);

  return self->text ? self->text : "";
}

/* Searches for @text; an empty text empties the list. */
void
atlas_search_results_set_text (AtlasSearchResults *self,
                               const char         *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (ATLAS_IS_SEARCH_RESULTS (self));

  stripped = g_strstrip (g_strdup (text ? text : ""));
  if (g_strcmp0 (stripped, self->text) == 0)
    return;

  g_free (self->text);
  self->text = g_steal_pointer (&stripped);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

guint
atlas_search_results_get_group_limit (AtlasSearchResults *self)
{
  g_return_val_if_fail (ATLAS_IS_SEARCH_RESULTS (self), 0);

  return self->group_limit;
}

/* How many lines each group shows at most; 0 shows all. */
void
atlas_search_results_set_group_limit (AtlasSearchResults *self,
                                      guint               limit)
{
  g_return_if_fail (ATLAS_IS_SEARCH_RESULTS (self));

  if (self->group_limit == limit)
    return;
  self->group_limit = limit;
  refresh (self);
}

/* How many records of @kind the text finds, shown or not. */
guint
atlas_search_results_get_n_found (AtlasSearchResults *self,
                                  AtlasSearchKind     kind)
{
  g_return_val_if_fail (ATLAS_IS_SEARCH_RESULTS (self), 0);
  g_return_val_if_fail (kind < ATLAS_N_SEARCH_KINDS, 0);

  return self->n_found[kind];
}

guint
atlas_search_results_get_n_found_all (AtlasSearchResults *self)
{
  guint n = 0;

  g_return_val_if_fail (ATLAS_IS_SEARCH_RESULTS (self), 0);

  for (guint k = 0; k < ATLAS_N_SEARCH_KINDS; k++)
    n += self->n_found[k];
  return n;
}
