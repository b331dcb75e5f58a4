/* atlas-session.c
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

#include <glib/gi18n.h>

#include "atlas-area.h"
#include "atlas-dataset.h"
#include "atlas-district.h"
#include "atlas-event.h"
#include "atlas-item.h"
#include "atlas-record-filter.h"
#include "atlas-session.h"
#include "atlas-model-private.h"
#include "atlas-site.h"
#include "atlas-site-filter-list.h"
#include "atlas-site-list.h"
#include "atlas-state.h"

/* One session per window, after sysprof's SysprofSession and
 * gnome-calendar's GcalContext: it owns the state the window's views share
 * (selection, filters, page), the undo history and the stories, and it alone
 * says what the filters mean.  Every view, list and chart asks the session
 * whether a record passes — with the dimensions it shows itself left out —
 * so no two of them can disagree about what "in Yubei" or "in 2019–2023"
 * means.
 *
 * Writes (a reset, an update, a story) go through the session too, and every
 * change of the data ends in one AtlasSession::reloaded that the views
 * follow.
 */

struct _AtlasSession
{
  GObject               parent_instance;

  AtlasDataset         *dataset;
  AtlasState           *state;
  AtlasHistory         *history;
  AtlasStories         *stories;

  GtkFilter            *site_filter;
  GtkFilter            *event_filter;
  AtlasSiteFilterList  *sites;     /* tested by row: see there */
  GtkFilterListModel   *events;

  /* What the search text found, as the records themselves; NULL when the
   * search text is empty.
   */
  GHashTable           *matches;

  /* The filters as last announced, to tell a real change from a repeated
   * notification.
   */
  char                 *seen_search;
  guint                 seen_categories;
  guint                 seen_kinds;
  guint32               seen_first;
  guint32               seen_last;
  int                   seen_district;

  gboolean              presenting;
};

G_DEFINE_FINAL_TYPE (AtlasSession, atlas_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_STATE,
  PROP_PRESENTING,
  N_PROPS
};

enum {
  FILTERS_CHANGED,
  RELOADED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* ---- the predicates ---------------------------------------------------- */

/* A site is in a district when the documents place it there.  A site known
 * only to lie in an area spanning several districts is in none of them (see
 * atlas_session_count_uncertain_sites()).
 */
static gboolean
site_in_district (const AtlasSiteRow *site,
                  int                 adcode)
{
  return site->district != NULL && atlas_district_get_adcode (site->district) == adcode;
}

/* An event is in a district when it took place there, or when one of the
 * sites it concerns lies there.
 */
static gboolean
event_in_district (AtlasEvent *event,
                   int         adcode)
{
  AtlasDistrict *district = atlas_event_get_district (event);
  AtlasSite *place;

  if (district != NULL && atlas_district_get_adcode (district) == adcode)
    return TRUE;

  place = atlas_event_get_place (event);
  if (place != NULL && site_in_district (_atlas_site_get_row (place), adcode))
    return TRUE;

  for (guint i = 0; i < atlas_event_get_n_sites (event); i++)
    if (site_in_district (_atlas_site_get_row (atlas_event_get_site (event, i, NULL)), adcode))
      return TRUE;

  return FALSE;
}

/* The one rule for sites, read from a site's row (an AtlasSite reads its
 * own row too): @made is the site's object if it was made, NULL if not.
 * The search's hits are objects, so a site nobody made is no hit.
 */
static gboolean
match_site_row (AtlasSession         *self,
                const AtlasSiteRow   *site,
                AtlasSite            *made,
                AtlasFilterDimension  ignore)
{
  AtlasState *state = self->state;
  int adcode;

  if (!(ignore & ATLAS_FILTER_CATEGORY) &&
      !atlas_state_has_category (state, site->category))
    return FALSE;

  if (!(ignore & ATLAS_FILTER_DISTRICT) &&
      (adcode = atlas_state_get_district (state)) != 0 &&
      !site_in_district (site, adcode))
    return FALSE;

  if (!(ignore & ATLAS_FILTER_TIME) &&
      atlas_state_has_time_range (state) &&
      !atlas_site_row_is_active_between (site, atlas_state_get_time_first (state),
                                         atlas_state_get_time_last (state)))
    return FALSE;

  if (!(ignore & ATLAS_FILTER_SEARCH) &&
      self->matches != NULL &&
      (made == NULL || !g_hash_table_contains (self->matches, made)))
    return FALSE;

  return TRUE;
}

/**
 * atlas_session_match_site:
 * @ignore: the dimensions not to test
 *
 * Whether @site passes the shared filters: a shown category, inside the
 * district, active during the time range, found by the search text.
 */
gboolean
atlas_session_match_site (AtlasSession         *self,
                          AtlasSite            *site,
                          AtlasFilterDimension  ignore)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_SITE (site), FALSE);

  return match_site_row (self, _atlas_site_get_row (site), site, ignore);
}

/**
 * atlas_session_match_site_at:
 * @sites: the dataset's sites, or a snapshot of them
 * @ignore: the dimensions not to test
 *
 * What atlas_session_match_site() says of the site at @position of
 * @sites, read from its row: asking about every site makes no objects.
 */
gboolean
atlas_session_match_site_at (AtlasSession         *self,
                             AtlasSiteList        *sites,
                             guint                 position,
                             AtlasFilterDimension  ignore)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_SITE_LIST (sites), FALSE);

  return match_site_row (self, atlas_site_list_get_row (sites, position),
                         atlas_site_list_peek_site (sites, position), ignore);
}

/**
 * atlas_session_match_event:
 * @ignore: the dimensions not to test
 *
 * Whether @event passes the shared filters: a shown kind, in the district
 * (see event_in_district()), overlapping the time range (a month-precise
 * date overlaps wherever its month does), found by the search text.
 */
gboolean
atlas_session_match_event (AtlasSession         *self,
                           AtlasEvent           *event,
                           AtlasFilterDimension  ignore)
{
  AtlasState *state;
  int adcode;

  g_return_val_if_fail (ATLAS_IS_SESSION (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_EVENT (event), FALSE);

  state = self->state;

  if (!(ignore & ATLAS_FILTER_KIND) &&
      !atlas_state_has_event_kind (state, atlas_event_get_kind (event)))
    return FALSE;

  if (!(ignore & ATLAS_FILTER_DISTRICT) &&
      (adcode = atlas_state_get_district (state)) != 0 &&
      !event_in_district (event, adcode))
    return FALSE;

  if (!(ignore & ATLAS_FILTER_TIME) &&
      atlas_state_has_time_range (state) &&
      (atlas_event_get_first_day (event) > atlas_state_get_time_last (state) ||
       atlas_event_get_last_day (event) < atlas_state_get_time_first (state)))
    return FALSE;

  if (!(ignore & ATLAS_FILTER_SEARCH) &&
      self->matches != NULL &&
      !g_hash_table_contains (self->matches, event))
    return FALSE;

  return TRUE;
}

/**
 * atlas_session_count_uncertain_sites:
 * @area: (out) (optional) (transfer none): the one area all of them lie in,
 *   or %NULL when they lie in several
 *
 * With a district filter, the sites known only to lie in an area that spans
 * the district (the Science City spans five) may or may not be in it: the
 * documents do not say.  They are not counted as in the district; this
 * counts them, with every other filter applied, so that the views can say
 * "3 more in the Science City, district not known".
 *
 * Returns: how many such sites there are; 0 without a district filter
 */
guint
atlas_session_count_uncertain_sites (AtlasSession  *self,
                                     AtlasArea    **area)
{
  AtlasSiteList *sites;
  AtlasArea *only = NULL;
  gboolean several = FALSE;
  guint n = 0, count = 0;
  int adcode;

  g_return_val_if_fail (ATLAS_IS_SESSION (self), 0);

  if (area != NULL)
    *area = NULL;
  if ((adcode = atlas_state_get_district (self->state)) == 0)
    return 0;

  sites = ATLAS_SITE_LIST (atlas_dataset_get_sites (self->dataset));
  n = g_list_model_get_n_items (G_LIST_MODEL (sites));
  for (guint i = 0; i < n; i++)
    {
      const AtlasSiteRow *site = atlas_site_list_get_row (sites, i);
      AtlasArea *site_area = site->area;

      if (site_area == NULL || site->district != NULL ||
          !atlas_area_spans_district (site_area, adcode) ||
          !atlas_session_match_site_at (self, sites, i, ATLAS_FILTER_DISTRICT))
        continue;

      count++;
      if (only == NULL)
        only = site_area;
      else if (only != site_area)
        several = TRUE;
    }

  if (area != NULL && !several)
    *area = only;
  return count;
}

/**
 * atlas_session_match_search:
 *
 * Whether the search text finds @item (any record: a statistic, a
 * district...); %TRUE when there is no search text.  For what has no other
 * dimension to filter by, such as the figures on the Charts page.
 */
gboolean
atlas_session_match_search (AtlasSession *self,
                            AtlasItem    *item)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_ITEM (item), FALSE);

  return self->matches == NULL || g_hash_table_contains (self->matches, item);
}

/* The dimensions that hide records now. */
AtlasFilterDimension
atlas_session_get_active_filters (AtlasSession *self)
{
  AtlasFilterDimension active = ATLAS_FILTER_NONE;

  g_return_val_if_fail (ATLAS_IS_SESSION (self), ATLAS_FILTER_NONE);

  if (atlas_state_get_search_text (self->state)[0] != '\0')
    active |= ATLAS_FILTER_SEARCH;
  if (atlas_state_get_categories (self->state) != ATLAS_ALL_SITE_CATEGORIES)
    active |= ATLAS_FILTER_CATEGORY;
  if (atlas_state_get_event_kinds (self->state) != ATLAS_ALL_EVENT_KINDS)
    active |= ATLAS_FILTER_KIND;
  if (atlas_state_has_time_range (self->state))
    active |= ATLAS_FILTER_TIME;
  if (atlas_state_get_district (self->state) != 0)
    active |= ATLAS_FILTER_DISTRICT;

  return active;
}

/* How strict a filter for @item_type that leaves out @ignore is now; lets
 * GtkFilterListModel skip the walk when everything or nothing passes.
 */
GtkFilterMatch
atlas_session_get_strictness (AtlasSession         *self,
                              GType                 item_type,
                              AtlasFilterDimension  ignore)
{
  AtlasFilterDimension relevant;

  g_return_val_if_fail (ATLAS_IS_SESSION (self), GTK_FILTER_MATCH_SOME);

  if (g_type_is_a (item_type, ATLAS_TYPE_SITE))
    {
      relevant = ATLAS_FILTER_ALL & ~ATLAS_FILTER_KIND & ~ignore;
      if ((relevant & ATLAS_FILTER_CATEGORY) && atlas_state_get_categories (self->state) == 0)
        return GTK_FILTER_MATCH_NONE;
    }
  else
    {
      relevant = ATLAS_FILTER_ALL & ~ATLAS_FILTER_CATEGORY & ~ignore;
      if ((relevant & ATLAS_FILTER_KIND) && atlas_state_get_event_kinds (self->state) == 0)
        return GTK_FILTER_MATCH_NONE;
    }

  if ((atlas_session_get_active_filters (self) & relevant) == 0)
    return GTK_FILTER_MATCH_ALL;
  return GTK_FILTER_MATCH_SOME;
}

/* ---- following the state and the data ---------------------------------- */

/* The search hits, turned from keys into the records they name, so that a
 * filter tests a pointer instead of building a key for every record.
 */
static void
update_matches (AtlasSession *self)
{
  const char *text = atlas_state_get_search_text (self->state);
  g_autoptr(GHashTable) keys = NULL;
  GHashTableIter iter;
  gpointer key;

  g_clear_pointer (&self->matches, g_hash_table_unref);
  if (text[0] == '\0')
    return;

  /* The hits hold their records: after a reload the old ones stay alive
   * until the new search replaces them, so no new record can take an old
   * one's address and pass by mistake.
   */
  self->matches = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  if ((keys = atlas_dataset_search (self->dataset, text)) == NULL)
    return;

  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_auto(GStrv) parts = g_strsplit (key, ":", 2);
      AtlasItem *item;

      if (parts[0] == NULL || parts[1] == NULL)
        continue;
      if ((item = atlas_dataset_lookup (self->dataset, parts[0], parts[1])) != NULL)
        g_hash_table_add (self->matches, g_object_ref (item));
    }
}

/* Which dimensions differ from what was last announced; remembers the new
 * values.
 */
static AtlasFilterDimension
take_changes (AtlasSession *self)
{
  AtlasFilterDimension changed = ATLAS_FILTER_NONE;
  const char *search = atlas_state_get_search_text (self->state);

  if (g_strcmp0 (search, self->seen_search) != 0)
    {
      g_free (self->seen_search);
      self->seen_search = g_strdup (search);
      changed |= ATLAS_FILTER_SEARCH;
    }
  if (self->seen_categories != atlas_state_get_categories (self->state))
    {
      self->seen_categories = atlas_state_get_categories (self->state);
      changed |= ATLAS_FILTER_CATEGORY;
    }
  if (self->seen_kinds != atlas_state_get_event_kinds (self->state))
    {
      self->seen_kinds = atlas_state_get_event_kinds (self->state);
      changed |= ATLAS_FILTER_KIND;
    }
  if (self->seen_first != atlas_state_get_time_first (self->state) ||
      self->seen_last != atlas_state_get_time_last (self->state))
    {
      self->seen_first = atlas_state_get_time_first (self->state);
      self->seen_last = atlas_state_get_time_last (self->state);
      changed |= ATLAS_FILTER_TIME;
    }
  if (self->seen_district != atlas_state_get_district (self->state))
    {
      self->seen_district = atlas_state_get_district (self->state);
      changed |= ATLAS_FILTER_DISTRICT;
    }

  return changed;
}

static void
on_state_notify (AtlasSession *self,
                 GParamSpec   *pspec)
{
  AtlasFilterDimension changed = take_changes (self);

  if (changed == ATLAS_FILTER_NONE)
    return;

  if (changed & ATLAS_FILTER_SEARCH)
    update_matches (self);

  /* The filters (and through them every filtered list) update first, in
   * their own handlers; then the views that count or draw.
   */
  g_signal_emit (self, signals[FILTERS_CHANGED], 0, changed);
}

static void
on_dataset_reloaded (AtlasSession *self)
{
  g_autoptr(GError) error = NULL;

  /* The search finds other records in the new data, and a selection may
   * name a record that is gone or has been replaced by a new object.
   */
  update_matches (self);
  g_signal_emit (self, signals[FILTERS_CHANGED], 0, ATLAS_FILTER_SEARCH);

  if (atlas_state_get_selection (self->state) != NULL)
    {
      AtlasItem *old = atlas_state_get_selection (self->state);
      AtlasItem *now = atlas_dataset_lookup (self->dataset, atlas_item_get_entity (old),
                                             atlas_item_get_id (old));

      atlas_state_set_selection (self->state, now);
    }

  if (self->stories != NULL && !atlas_stories_reload (self->stories, &error))
    g_warning ("Cannot read the stories again: %s", error->message);

  g_signal_emit (self, signals[RELOADED], 0);
}

/* ---- GObject ---------------------------------------------------------- */

static void
atlas_session_dispose (GObject *object)
{
  AtlasSession *self = (AtlasSession *)object;

  g_clear_object (&self->sites);
  g_clear_object (&self->events);
  g_clear_object (&self->site_filter);
  g_clear_object (&self->event_filter);
  g_clear_object (&self->history);
  g_clear_object (&self->stories);
  g_clear_object (&self->state);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->matches, g_hash_table_unref);

  G_OBJECT_CLASS (atlas_session_parent_class)->dispose (object);
}

static void
atlas_session_finalize (GObject *object)
{
  AtlasSession *self = (AtlasSession *)object;

  g_clear_pointer (&self->seen_search, g_free);

  G_OBJECT_CLASS (atlas_session_parent_class)->finalize (object);
}

static void
atlas_session_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtlasSession *self = ATLAS_SESSION (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_STATE:
      g_value_set_object (value, self->state);
      break;

    case PROP_PRESENTING:
      g_value_set_boolean (value, self->presenting);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_session_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AtlasSession *self = ATLAS_SESSION (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      self->dataset = g_value_dup_object (value);
      break;

    case PROP_PRESENTING:
      atlas_session_set_presenting (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_session_constructed (GObject *object)
{
  AtlasSession *self = (AtlasSession *)object;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (atlas_session_parent_class)->constructed (object);

  g_assert (ATLAS_IS_DATASET (self->dataset));

  self->state = atlas_state_new ();
  self->history = atlas_history_new (self->state, self->dataset);
  take_changes (self);

  self->site_filter = atlas_session_new_filter (self, ATLAS_TYPE_SITE, ATLAS_FILTER_NONE);
  self->event_filter = atlas_session_new_filter (self, ATLAS_TYPE_EVENT, ATLAS_FILTER_NONE);
  self->sites = atlas_site_filter_list_new (ATLAS_SITE_LIST (atlas_dataset_get_sites (self->dataset)),
                                            ATLAS_RECORD_FILTER (self->site_filter));
  self->events = gtk_filter_list_model_new (g_object_ref (atlas_dataset_get_events (self->dataset)),
                                            g_object_ref (self->event_filter));

  /* Stories are a convenience: a broken story table must not keep the
   * window from opening, so the bundled stories stand alone then.
   */
  self->stories = atlas_stories_new (atlas_dataset_get_store (self->dataset), &error);
  if (self->stories == NULL)
    {
      g_warning ("Cannot read your stories: %s", error->message);
      self->stories = atlas_stories_new (NULL, NULL);
    }

  g_signal_connect_object (self->state, "notify", G_CALLBACK (on_state_notify), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dataset, "reloaded", G_CALLBACK (on_dataset_reloaded), self,
                           G_CONNECT_SWAPPED);
}

static void
atlas_session_class_init (AtlasSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = atlas_session_constructed;
  object_class->dispose = atlas_session_dispose;
  object_class->finalize = atlas_session_finalize;
  object_class->get_property = atlas_session_get_property;
  object_class->set_property = atlas_session_set_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, ATLAS_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, ATLAS_TYPE_STATE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PRESENTING] =
    g_param_spec_boolean ("presenting", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtlasSession::filters-changed:
   * @changed: the #AtlasFilterDimension flags that changed
   *
   * The shared filters let other records through.  Emitted once per change,
   * after every filter and filtered list of the session has caught up.
   */
  signals[FILTERS_CHANGED] =
    g_signal_new ("filters-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * AtlasSession::reloaded:
   *
   * The data changed (an import, an update, a reset to the bundled data):
   * every view shows the new records.  The one signal views follow for it.
   */
  signals[RELOADED] =
    g_signal_new ("reloaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
atlas_session_init (AtlasSession *self)
{
}

AtlasSession *
atlas_session_new (AtlasDataset *dataset)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  return g_object_new (ATLAS_TYPE_SESSION, "dataset", dataset, NULL);
}

AtlasDataset *
atlas_session_get_dataset (AtlasSession *self)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), NULL);

  return self->dataset;
}

AtlasState *
atlas_session_get_state (AtlasSession *self)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), NULL);

  return self->state;
}

AtlasHistory *
atlas_session_get_history (AtlasSession *self)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), NULL);

  return self->history;
}

AtlasStories *
atlas_session_get_stories (AtlasSession *self)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), NULL);

  return self->stories;
}

/**
 * atlas_session_get_site_filter:
 *
 * Returns: (transfer none): the filter every view's sites go through
 */
GtkFilter *
atlas_session_get_site_filter (AtlasSession *self)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), NULL);

  return self->site_filter;
}

/**
 * atlas_session_get_event_filter:
 *
 * Returns: (transfer none): the filter every view's events go through
 */
GtkFilter *
atlas_session_get_event_filter (AtlasSession *self)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), NULL);

  return self->event_filter;
}

/**
 * atlas_session_get_sites:
 *
 * Returns: (transfer none): the sites that pass every filter
 */
GListModel *
atlas_session_get_sites (AtlasSession *self)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->sites);
}

/**
 * atlas_session_get_events:
 *
 * Returns: (transfer none): the events that pass every filter
 */
GListModel *
atlas_session_get_events (AtlasSession *self)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->events);
}

/**
 * atlas_session_new_filter:
 * @item_type: %ATLAS_TYPE_SITE or %ATLAS_TYPE_EVENT
 * @ignore: dimensions the filter does not test (the timeline shows the time
 *   range itself, so its events ignore %ATLAS_FILTER_TIME)
 *
 * Returns: (transfer full): a filter with the session's meaning
 */
static gboolean
match_record (gpointer source,
              gpointer item,
              guint    ignore)
{
  if (ATLAS_IS_SITE (item))
    return atlas_session_match_site (source, item, ignore);
  return atlas_session_match_event (source, item, ignore);
}

static gboolean
match_record_at (gpointer    source,
                 GListModel *list,
                 guint       position,
                 guint       ignore)
{
  g_autoptr(GObject) item = NULL;

  if (ATLAS_IS_SITE_LIST (list))
    return atlas_session_match_site_at (source, ATLAS_SITE_LIST (list), position, ignore);
  item = g_list_model_get_item (list, position);
  return item != NULL && match_record (source, item, ignore);
}

static GtkFilterMatch
record_strictness (gpointer source,
                   GType    item_type,
                   guint    ignore)
{
  return atlas_session_get_strictness (source, item_type, ignore);
}

GtkFilter *
atlas_session_new_filter (AtlasSession         *self,
                          GType                 item_type,
                          AtlasFilterDimension  ignore)
{
  AtlasFilterDimension tested;

  g_return_val_if_fail (ATLAS_IS_SESSION (self), NULL);
  g_return_val_if_fail (item_type == ATLAS_TYPE_SITE || item_type == ATLAS_TYPE_EVENT, NULL);

  /* Categories belong to sites and kinds to events. */
  tested = ATLAS_FILTER_ALL & ~ignore &
           (item_type == ATLAS_TYPE_SITE ? ~ATLAS_FILTER_KIND : ~ATLAS_FILTER_CATEGORY);

  return GTK_FILTER (atlas_record_filter_new (G_OBJECT (self), item_type, ignore, tested,
                                              match_record, match_record_at, record_strictness));
}

gboolean
atlas_session_get_presenting (AtlasSession *self)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), FALSE);

  return self->presenting;
}

/* Presentation mode of the window: editing is off while it is on. */
void
atlas_session_set_presenting (AtlasSession *self,
                              gboolean      presenting)
{
  g_return_if_fail (ATLAS_IS_SESSION (self));

  presenting = !!presenting;
  if (self->presenting != presenting)
    {
      self->presenting = presenting;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTING]);
    }
}

/* ---- writes ------------------------------------------------------------ */

/**
 * atlas_session_reload:
 *
 * Reads the records again after something wrote the store (an import, an
 * update); every session of the dataset emits AtlasSession::reloaded.
 */
gboolean
atlas_session_reload (AtlasSession  *self,
                      GError       **error)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), FALSE);

  return atlas_dataset_reload (self->dataset, error);
}

/**
 * atlas_session_reset_to_bundled:
 *
 * Drops a downloaded dataset so that the one shipped with the program is
 * shown again; the user's own records and stories stay.
 */
gboolean
atlas_session_reset_to_bundled (AtlasSession  *self,
                                GError       **error)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), FALSE);

  return atlas_store_reset_to_bundled (atlas_dataset_get_store (self->dataset), error) &&
         atlas_session_reload (self, error);
}

static void
on_import_applied (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AtlasSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!atlas_import_plan_apply_finish (ATLAS_IMPORT_PLAN (source), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Written: whatever the reload says, the import happened. */
  if (!atlas_session_reload (self, &error))
    g_warning ("Cannot read the data again after an import: %s", error->message);
  g_task_return_boolean (task, TRUE);
}

/**
 * atlas_session_import_async:
 * @plan: a checked import of the session's store
 *
 * Writes @plan into the user database in a worker thread (see
 * atlas_import_plan_apply_async(); cancelling writes nothing), then reads
 * the data again: every view follows AtlasSession::reloaded.
 */
void
atlas_session_import_async (AtlasSession        *self,
                            AtlasImportPlan     *plan,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ATLAS_IS_SESSION (self));
  g_return_if_fail (ATLAS_IS_IMPORT_PLAN (plan));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_session_import_async);
  /* A cancel after the commit is no cancel: the plan says what happened. */
  g_task_set_check_cancellable (task, FALSE);
  atlas_import_plan_apply_async (plan, cancellable, on_import_applied, task);
}

gboolean
atlas_session_import_finish (AtlasSession  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_update_installed (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AtlasSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  GListModel *changes;

  if ((changes = atlas_updater_install_finish (ATLAS_UPDATER (source), result, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Installed: whatever the reload says, the new release is in place. */
  if (!atlas_session_reload (self, &error))
    g_warning ("Cannot read the data again after an update: %s", error->message);
  g_task_return_pointer (task, changes, g_object_unref);
}

/**
 * atlas_session_install_update_async:
 * @updater: an updater of the session's store
 * @package: the downloaded release, its signature already checked
 *
 * Installs @package in a worker thread (see atlas_updater_install_async();
 * cancelling changes nothing), then reads the data again: every view
 * follows AtlasSession::reloaded, as after an import.
 */
void
atlas_session_install_update_async (AtlasSession        *self,
                                    AtlasUpdater        *updater,
                                    GBytes              *package,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ATLAS_IS_SESSION (self));
  g_return_if_fail (ATLAS_IS_UPDATER (updater));
  g_return_if_fail (package != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_session_install_update_async);
  g_task_set_check_cancellable (task, FALSE);
  atlas_updater_install_async (updater, package, cancellable, on_update_installed, task);
}

/**
 * atlas_session_install_update_finish:
 *
 * Returns: (transfer full): what the update changed, or %NULL with @error
 */
GListModel *
atlas_session_install_update_finish (AtlasSession  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
atlas_session_save_story (AtlasSession  *self,
                          AtlasStory    *story,
                          GError       **error)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), FALSE);

  return atlas_stories_save (self->stories, story, error);
}

gboolean
atlas_session_remove_story (AtlasSession  *self,
                            AtlasStory    *story,
                            GError       **error)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), FALSE);

  return atlas_stories_remove (self->stories, story, error);
}

/**
 * atlas_session_create_story:
 *
 * Returns: (transfer none): a new, empty story, already saved
 */
AtlasStory *
atlas_session_create_story (AtlasSession  *self,
                            const char    *title_zh,
                            const char    *title_en,
                            GError       **error)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), NULL);

  return atlas_stories_create (self->stories, title_zh, title_en, error);
}

/**
 * atlas_session_import_story:
 *
 * Returns: (transfer none): the story read from @file, saved as a new one
 */
AtlasStory *
atlas_session_import_story (AtlasSession  *self,
                            GFile         *file,
                            GError       **error)
{
  g_return_val_if_fail (ATLAS_IS_SESSION (self), NULL);

  return atlas_stories_import (self->stories, file, error);
}
