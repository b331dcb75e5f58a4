/* atlas-site-filter-list.c
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

#include "atlas-site.h"
#include "atlas-site-filter-list.h"

/* The sites that pass a filter of the session, as GtkFilterListModel would
 * give them, but tested by row (atlas_record_filter_match_at()): a
 * GtkFilterListModel takes every item out of its model to test it, which
 * over AtlasSiteList made an object for each of 100,000 sites as soon as a
 * category was hidden (issue 15).  Objects are made only for the sites
 * taken out of this list.
 *
 * A row function narrows the list further (the sites of one area), and a
 * list can be made within another one: it then looks only at the sites of
 * that one (the few with no point, not every site).
 *
 * When nothing narrows it (no row function, and the filter's strictness is
 * ALL) the list is the sites it looks at, position for position, and looks
 * at nothing.  A change of the filter emits one items-changed covering the
 * positions between the first and the last that differ; a reload of the
 * sites replaces everything.
 */

struct _AtlasSiteFilterList
{
  GObject              parent_instance;

  AtlasSiteList       *sites;
  AtlasSiteFilterList *within;      /* the candidates, or NULL: every site */
  AtlasRecordFilter   *filter;      /* or NULL: no filter */
  AtlasSiteRowFunc     row_func;
  gpointer             row_data;
  GDestroyNotify       row_destroy;
  GArray              *passing;     /* guint positions in sites; NULL: every candidate */
};

static void atlas_site_filter_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasSiteFilterList, atlas_site_filter_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, atlas_site_filter_list_model_init))

static guint
count (AtlasSiteFilterList *self,
       GArray              *passing)
{
  if (passing != NULL)
    return passing->len;
  if (self->within != NULL)
    return count (self->within, self->within->passing);
  return g_list_model_get_n_items (G_LIST_MODEL (self->sites));
}

/* The position in the sites of the @i-th site passing. */
static guint
position_at (AtlasSiteFilterList *self,
             GArray              *passing,
             guint                i)
{
  if (passing != NULL)
    return g_array_index (passing, guint, i);
  if (self->within != NULL)
    return position_at (self->within, self->within->passing, i);
  return i;
}

/* What passes now: NULL when every candidate does. */
static GArray *
find_passing (AtlasSiteFilterList *self)
{
  GtkFilterMatch strictness = self->filter != NULL ?
                              gtk_filter_get_strictness (GTK_FILTER (self->filter)) :
                              GTK_FILTER_MATCH_ALL;
  guint n = self->within != NULL ? count (self->within, self->within->passing) :
            g_list_model_get_n_items (G_LIST_MODEL (self->sites));
  GArray *passing;

  if (strictness == GTK_FILTER_MATCH_ALL && self->row_func == NULL)
    return NULL;

  passing = g_array_new (FALSE, FALSE, sizeof (guint));
  if (strictness == GTK_FILTER_MATCH_NONE)
    return passing;
  for (guint i = 0; i < n; i++)
    {
      guint at = self->within != NULL ? position_at (self->within, self->within->passing, i) : i;

      if (self->row_func != NULL &&
          !self->row_func (atlas_site_list_get_row (self->sites, at), self->row_data))
        continue;
      if (strictness == GTK_FILTER_MATCH_SOME &&
          !atlas_record_filter_match_at (self->filter, G_LIST_MODEL (self->sites), at))
        continue;
      g_array_append_val (passing, at);
    }
  return passing;
}

/* Filters again; @same_sites: the candidates are those filtered last time,
 * so that only the positions that differ are announced.
 */
static void
refilter (AtlasSiteFilterList *self,
          guint                old_n,
          gboolean             same_sites)
{
  g_autoptr(GArray) old = g_steal_pointer (&self->passing);
  guint new_n, head = 0, tail = 0;

  self->passing = find_passing (self);
  new_n = count (self, self->passing);

  if (same_sites)
    {
      while (head < old_n && head < new_n &&
             position_at (self, old, head) == position_at (self, self->passing, head))
        head++;
      while (tail < old_n - head && tail < new_n - head &&
             position_at (self, old, old_n - 1 - tail) == position_at (self, self->passing, new_n - 1 - tail))
        tail++;
    }
  if (old_n - head - tail > 0 || new_n - head - tail > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), head, old_n - head - tail, new_n - head - tail);
}

static void
on_filter_changed (AtlasSiteFilterList *self)
{
  refilter (self, count (self, self->passing), TRUE);
}

/* The sites were read again, or the list this one is within changed. */
static void
on_candidates_changed (AtlasSiteFilterList *self,
                       guint                position,
                       guint                removed,
                       guint                added)
{
  /* What there was before the change. */
  guint old_n = self->passing != NULL ? self->passing->len : count (self, NULL) - added + removed;

  refilter (self, old_n, FALSE);
}

/* ---- GListModel ---------------------------------------------------------- */

static GType
atlas_site_filter_list_get_item_type (GListModel *model)
{
  return ATLAS_TYPE_SITE;
}

static guint
atlas_site_filter_list_get_n_items (GListModel *model)
{
  AtlasSiteFilterList *self = ATLAS_SITE_FILTER_LIST (model);

  return count (self, self->passing);
}

static gpointer
atlas_site_filter_list_get_item (GListModel *model,
                                 guint       position)
{
  AtlasSiteFilterList *self = ATLAS_SITE_FILTER_LIST (model);

  if (position >= count (self, self->passing))
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->sites), position_at (self, self->passing, position));
}

static void
atlas_site_filter_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = atlas_site_filter_list_get_item_type;
  iface->get_n_items = atlas_site_filter_list_get_n_items;
  iface->get_item = atlas_site_filter_list_get_item;
}

/* ---- GObject ------------------------------------------------------------- */

static void
atlas_site_filter_list_dispose (GObject *object)
{
  AtlasSiteFilterList *self = (AtlasSiteFilterList *)object;

  if (self->sites != NULL)
    g_signal_handlers_disconnect_by_data (self->sites, self);
  if (self->within != NULL)
    g_signal_handlers_disconnect_by_data (self->within, self);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->sites);
  g_clear_object (&self->within);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->passing, g_array_unref);
  if (self->row_destroy != NULL)
    g_clear_pointer (&self->row_data, self->row_destroy);
  self->row_func = NULL;

  G_OBJECT_CLASS (atlas_site_filter_list_parent_class)->dispose (object);
}

static void
atlas_site_filter_list_class_init (AtlasSiteFilterListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_site_filter_list_dispose;
}

static void
atlas_site_filter_list_init (AtlasSiteFilterList *self)
{
}

static AtlasSiteFilterList *
filter_list_new (AtlasSiteList       *sites,
                 AtlasSiteFilterList *within,
                 AtlasRecordFilter   *filter)
{
  AtlasSiteFilterList *self = g_object_new (ATLAS_TYPE_SITE_FILTER_LIST, NULL);

  self->sites = g_object_ref (sites);
  self->within = within != NULL ? g_object_ref (within) : NULL;
  self->filter = filter != NULL ? g_object_ref (filter) : NULL;
  self->passing = find_passing (self);

  /* A list within another follows that one, which follows the sites. */
  if (within != NULL)
    g_signal_connect_swapped (within, "items-changed", G_CALLBACK (on_candidates_changed), self);
  else
    g_signal_connect_swapped (sites, "items-changed", G_CALLBACK (on_candidates_changed), self);
  if (filter != NULL)
    g_signal_connect_swapped (filter, "changed", G_CALLBACK (on_filter_changed), self);
  return self;
}

/**
 * atlas_site_filter_list_new:
 * @filter: (nullable): a filter of the session for sites
 *   (atlas_session_new_filter())
 *
 * The sites of @sites that @filter lets through, following both.
 */
AtlasSiteFilterList *
atlas_site_filter_list_new (AtlasSiteList     *sites,
                            AtlasRecordFilter *filter)
{
  g_return_val_if_fail (ATLAS_IS_SITE_LIST (sites), NULL);
  g_return_val_if_fail (filter == NULL || ATLAS_IS_RECORD_FILTER (filter), NULL);

  return filter_list_new (sites, NULL, filter);
}

/**
 * atlas_site_filter_list_new_within:
 * @filter: (nullable): a filter of the session for sites
 *
 * The sites of @within that @filter lets through, following both: a list
 * of a few sites among many looks at those few only.
 */
AtlasSiteFilterList *
atlas_site_filter_list_new_within (AtlasSiteFilterList *within,
                                   AtlasRecordFilter   *filter)
{
  g_return_val_if_fail (ATLAS_IS_SITE_FILTER_LIST (within), NULL);
  g_return_val_if_fail (filter == NULL || ATLAS_IS_RECORD_FILTER (filter), NULL);

  return filter_list_new (within->sites, within, filter);
}

/**
 * atlas_site_filter_list_set_row_func:
 * @func: (nullable): whether a row belongs in the list
 *
 * Narrows the list to the rows @func accepts (and the filter passes).
 * When what @func tests changes, call atlas_site_filter_list_refilter().
 */
void
atlas_site_filter_list_set_row_func (AtlasSiteFilterList *self,
                                     AtlasSiteRowFunc     func,
                                     gpointer             user_data,
                                     GDestroyNotify       destroy)
{
  g_return_if_fail (ATLAS_IS_SITE_FILTER_LIST (self));

  if (self->row_destroy != NULL)
    g_clear_pointer (&self->row_data, self->row_destroy);
  self->row_func = func;
  self->row_data = user_data;
  self->row_destroy = destroy;
  atlas_site_filter_list_refilter (self);
}

/* Tests every candidate again (what the row function tests changed). */
void
atlas_site_filter_list_refilter (AtlasSiteFilterList *self)
{
  g_return_if_fail (ATLAS_IS_SITE_FILTER_LIST (self));

  refilter (self, count (self, self->passing), TRUE);
}
