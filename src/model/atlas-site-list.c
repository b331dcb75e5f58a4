/* atlas-site-list.c
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

#include <string.h>

#include "atlas-date.h"
#include "atlas-district.h"
#include "atlas-item.h"
#include "atlas-l10n.h"
#include "atlas-model-private.h"
#include "atlas-site.h"
#include "atlas-site-list.h"
#include "atlas-store-query.h"
#include "atlas-vocabulary.h"

/* The sites as rows (AtlasSiteRow, a plain struct each, their strings in
 * one GStringChunk) behind a GListModel whose AtlasSite objects are made the
 * first time a position is asked for, and kept: the same position gives the
 * same object until the next reload (the selection, the map's table of
 * points and the events' links compare pointers).
 *
 * At 100,000 sites, making an object per row was a tenth of a second on
 * the thread the first window waits for, and most of the records' memory;
 * the map, the counts and the filters read the rows instead (issue 15).
 *
 * The rows live in an AtlasSiteTable, shared by reference with every object
 * made from it, so that a site held across a reload (a story step, the
 * search's hits) keeps reading what it was made from.  The objects are held
 * by the list, not the table: an object refers to its table, and the table
 * does not refer back.
 */

struct _AtlasSiteTable
{
  GArray       *rows;           /* AtlasSiteRow, by id once sealed */
  GStringChunk *strings;
  GPtrArray    *districts;      /* the rows' districts and areas live as long */
  GPtrArray    *areas;
  AtlasStore   *texts;          /* where the descriptions are read from */
  gboolean      sealed;
};

struct _AtlasSiteList
{
  GObject         parent_instance;

  AtlasSiteTable *table;
  /* AtlasSite or NULL, by position; shared with the snapshots of the same
   * rows, so that they give the same objects.
   */
  GPtrArray      *made;
};

/* What is read of a site to add its row; the strings are copied. */
typedef struct
{
  const char            *id;
  const char            *name_zh;
  const char            *name_en;
  AtlasSiteCategory      category;
  AtlasDistrict         *district;
  double                 lon;
  double                 lat;
  AtlasLocationPrecision location_precision;
  const char            *established_on;
  const char            *note;
  const char            *note_zh;
  const char            *caveat_en;
  const char            *caveat_zh;
  gboolean               from_user;
  AtlasArea             *area;
} SiteFields;

static void atlas_site_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasSiteList, atlas_site_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, atlas_site_list_model_init))

/* ---- the rows ------------------------------------------------------------ */

static void
site_table_free (gpointer data)
{
  AtlasSiteTable *table = data;

  for (guint i = 0; i < table->rows->len; i++)
    {
      AtlasSiteRowExtras *extras = (AtlasSiteRowExtras *) g_array_index (table->rows, AtlasSiteRow, i).extras;

      if (extras != NULL)
        {
          g_clear_pointer (&extras->more_spans, g_array_unref);
          g_free (extras);
        }
    }
  g_array_unref (table->rows);
  g_string_chunk_free (table->strings);
  g_clear_pointer (&table->districts, g_ptr_array_unref);
  g_clear_pointer (&table->areas, g_ptr_array_unref);
  g_clear_object (&table->texts);
}

static AtlasSiteTable *
site_table_new (AtlasStore *texts,
                GPtrArray  *districts,
                GPtrArray  *areas,
                guint       size_hint)
{
  AtlasSiteTable *table = g_atomic_rc_box_new0 (AtlasSiteTable);

  table->rows = g_array_sized_new (FALSE, FALSE, sizeof (AtlasSiteRow), size_hint);
  table->strings = g_string_chunk_new (64 * 1024);
  table->districts = districts != NULL ? g_ptr_array_ref (districts) : NULL;
  table->areas = areas != NULL ? g_ptr_array_ref (areas) : NULL;
  table->texts = texts != NULL ? g_object_ref (texts) : NULL;
  return table;
}

AtlasSiteTable *
_atlas_site_table_ref (AtlasSiteTable *table)
{
  return g_atomic_rc_box_acquire (table);
}

void
_atlas_site_table_unref (AtlasSiteTable *table)
{
  g_atomic_rc_box_release_full (table, site_table_free);
}

AtlasStore *
_atlas_site_table_get_texts (AtlasSiteTable *table)
{
  return table->texts;
}

/* Whether the site has a point and a district of its own. */
gboolean
atlas_site_row_has_point (const AtlasSiteRow *row)
{
  g_return_val_if_fail (row != NULL, FALSE);

  return atlas_location_precision_has_point (row->location_precision) && row->district != NULL;
}

/* The name in the language of the interface. */
const char *
atlas_site_row_get_name (const AtlasSiteRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  return atlas_l10n_pick (row->name_zh, row->name_en);
}

/* Whether anything dated happened to the site between the two days
 * (inclusive); a site with no dates never is.
 */
gboolean
atlas_site_row_is_active_between (const AtlasSiteRow *row,
                                  guint32             first_day,
                                  guint32             last_day)
{
  GArray *more;

  g_return_val_if_fail (row != NULL, FALSE);

  more = row->extras != NULL ? row->extras->more_spans : NULL;
  if (row->first_span[0] != 0 && row->first_span[0] <= last_day && row->first_span[1] >= first_day)
    return TRUE;
  for (guint i = 0; more != NULL && i + 1 < more->len; i += 2)
    {
      guint32 a = g_array_index (more, guint32, i);
      guint32 b = g_array_index (more, guint32, i + 1);

      if (a <= last_day && b >= first_day)
        return TRUE;
    }
  return FALSE;
}

/* The first day anything happened to the site, or 0 when it has no dates. */
guint32
atlas_site_row_get_first_day (const AtlasSiteRow *row)
{
  guint32 first;
  GArray *more;

  g_return_val_if_fail (row != NULL, 0);

  first = row->first_span[0];
  more = row->extras != NULL ? row->extras->more_spans : NULL;
  for (guint i = 0; more != NULL && i < more->len; i += 2)
    {
      guint32 a = g_array_index (more, guint32, i);

      if (first == 0 || a < first)
        first = a;
    }
  return first;
}

/* ---- sorting by id ------------------------------------------------------- */

typedef struct
{
  const char *id;
  guint       index;
} Keyed;

/* By id, byte by byte, as SQLite's BINARY collation orders them; on equal
 * ids, in the order read.
 */
static int
compare_keyed (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const Keyed *ka = a, *kb = b;
  int order = strcmp (ka->id, kb->id);

  return order != 0 ? order : (ka->index > kb->index) - (ka->index < kb->index);
}

/* Merges the sorted runs keyed[lo..mid) and keyed[mid..hi) in place,
 * through @tmp; on equal ids the first run's row comes first.
 */
static void
merge_runs (Keyed *keyed,
            Keyed *tmp,
            guint  lo,
            guint  mid,
            guint  hi)
{
  guint i = lo, j = mid, k = lo;

  while (i < mid && j < hi)
    tmp[k++] = strcmp (keyed[j].id, keyed[i].id) < 0 ? keyed[j++] : keyed[i++];
  while (i < mid)
    tmp[k++] = keyed[i++];
  while (j < hi)
    tmp[k++] = keyed[j++];
  memcpy (keyed + lo, tmp + lo, (hi - lo) * sizeof (Keyed));
}

/* Puts the rows in id order.  They come as runs already in that order (the
 * user's table, then the bundled one, each mostly as written), so the runs
 * are merged, the two neighbours of least length together first: 100,000
 * sites of one register and a hundred bundled ones in any order cost one
 * pass over the register, where sorting them from scratch was a tenth of
 * reading them.  Rows in no order at all (more than MAX_RUNS runs) are
 * sorted.
 */
#define MAX_RUNS 256

static void
sort_rows (GArray *rows)
{
  g_autofree Keyed *keyed = g_new (Keyed, MAX (rows->len, 1));
  g_autofree Keyed *tmp = NULL;
  guint starts[MAX_RUNS + 1];
  guint n_runs = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      keyed[i] = (Keyed) { g_array_index (rows, AtlasSiteRow, i).id, i };
      if (n_runs <= MAX_RUNS && (i == 0 || strcmp (keyed[i - 1].id, keyed[i].id) > 0))
        {
          if (n_runs < MAX_RUNS)
            starts[n_runs] = i;
          n_runs++;
        }
    }
  if (n_runs <= 1)
    return;

  if (n_runs > MAX_RUNS)
    g_qsort_with_data (keyed, rows->len, sizeof (Keyed), compare_keyed, NULL);
  else
    {
      tmp = g_new (Keyed, rows->len);
      starts[n_runs] = rows->len;
      while (n_runs > 1)
        {
          guint best = 0;

          for (guint r = 1; r + 1 < n_runs; r++)
            if (starts[r + 2] - starts[r] < starts[best + 2] - starts[best])
              best = r;
          merge_runs (keyed, tmp, starts[best], starts[best + 1], starts[best + 2]);
          memmove (starts + best + 1, starts + best + 2, (n_runs - best - 1) * sizeof (guint));
          n_runs--;
        }
    }

  /* Moves the rows where they go in place, cycle by cycle (keyed[i].index
   * is the row that goes to i): a sorted copy of 100,000 rows was 12 MB
   * more at the peak of the start.
   */
  for (guint i = 0; i < rows->len; i++)
    {
      AtlasSiteRow held;
      guint to = i;

      if (keyed[i].index == i)
        continue;
      held = g_array_index (rows, AtlasSiteRow, i);
      for (;;)
        {
          guint from = keyed[to].index;

          keyed[to].index = to;
          if (from == i)
            {
              g_array_index (rows, AtlasSiteRow, to) = held;
              break;
            }
          g_array_index (rows, AtlasSiteRow, to) = g_array_index (rows, AtlasSiteRow, from);
          to = from;
        }
    }
}

/* ---- GListModel ---------------------------------------------------------- */

static GType
atlas_site_list_get_item_type (GListModel *model)
{
  return ATLAS_TYPE_SITE;
}

static guint
atlas_site_list_get_n_items (GListModel *model)
{
  AtlasSiteList *self = ATLAS_SITE_LIST (model);

  return self->table->rows->len;
}

static gpointer
atlas_site_list_get_item (GListModel *model,
                          guint       position)
{
  AtlasSiteList *self = ATLAS_SITE_LIST (model);

  if (position >= self->table->rows->len)
    return NULL;
  return g_object_ref (atlas_site_list_get_site (self, position));
}

static void
atlas_site_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = atlas_site_list_get_item_type;
  iface->get_n_items = atlas_site_list_get_n_items;
  iface->get_item = atlas_site_list_get_item;
}

/* ---- GObject ------------------------------------------------------------- */

/* The positions never asked for hold NULL. */
static void
unref_made (gpointer site)
{
  if (site != NULL)
    g_object_unref (site);
}

static void
atlas_site_list_finalize (GObject *object)
{
  AtlasSiteList *self = (AtlasSiteList *)object;

  g_clear_pointer (&self->made, g_ptr_array_unref);
  g_clear_pointer (&self->table, _atlas_site_table_unref);

  G_OBJECT_CLASS (atlas_site_list_parent_class)->finalize (object);
}

static void
atlas_site_list_class_init (AtlasSiteListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_site_list_finalize;
}

static void
atlas_site_list_init (AtlasSiteList *self)
{
  self->table = site_table_new (NULL, NULL, NULL, 0);
  self->table->sealed = TRUE;
  self->made = g_ptr_array_new_with_free_func (unref_made);
}

/* An empty list; AtlasDataset fills it (_atlas_site_list_take()). */
AtlasSiteList *
atlas_site_list_new (void)
{
  return g_object_new (ATLAS_TYPE_SITE_LIST, NULL);
}

/* ---- loading ------------------------------------------------------------- */

/*
 * new_loading:
 * @texts: (nullable): the store the sites' descriptions are read from when
 *   first shown
 * @districts: (element-type AtlasDistrict): the districts the rows refer to
 * @areas: (element-type AtlasArea): the areas the rows refer to
 * @size_hint: how many rows there will be, about (room is made for them)
 *
 * A list to fill with append(), then seal(), before anything
 * reads it.  The arrays are kept, so that the rows' borrowed districts and
 * areas live as long as the rows.
 */
static AtlasSiteList *
new_loading (AtlasStore *texts,
             GPtrArray  *districts,
             GPtrArray  *areas,
             guint       size_hint)
{
  AtlasSiteList *self = atlas_site_list_new ();

  _atlas_site_table_unref (self->table);
  self->table = site_table_new (texts, districts, areas, size_hint);
  return self;
}

static const char *
keep (AtlasSiteTable *table,
      const char     *text)
{
  return text != NULL ? g_string_chunk_insert (table->strings, text) : NULL;
}

/* The same text often recurs in these (a register's note, a date), so the
 * chunk keeps one copy of each.
 */
static const char *
keep_shared (AtlasSiteTable *table,
             const char     *text)
{
  return text != NULL ? g_string_chunk_insert_const (table->strings, text) : NULL;
}

static void
append (AtlasSiteList    *self,
        const SiteFields *fields)
{
  AtlasSiteTable *table = self->table;
  AtlasSiteRow row = {
    .id = keep (table, fields->id != NULL ? fields->id : ""),
    .name_zh = keep (table, fields->name_zh),
    .name_en = keep (table, fields->name_en),
    .established_on = keep_shared (table, fields->established_on),
    .district = fields->district,
    .area = fields->area,
    .lon = fields->lon,
    .lat = fields->lat,
    .category = fields->category,
    .location_precision = fields->location_precision,
    .from_user = fields->from_user,
  };

  g_assert (!table->sealed);
  if (fields->note != NULL || fields->note_zh != NULL ||
      fields->caveat_en != NULL || fields->caveat_zh != NULL)
    {
      AtlasSiteRowExtras *extras = g_new0 (AtlasSiteRowExtras, 1);

      extras->note = keep_shared (table, fields->note);
      extras->note_zh = keep_shared (table, fields->note_zh);
      extras->caveat_en = keep_shared (table, fields->caveat_en);
      extras->caveat_zh = keep_shared (table, fields->caveat_zh);
      row.extras = extras;
    }
  g_array_append_val (table->rows, row);
}

/* Puts the rows in id order; from now on they do not move, and objects can
 * be made.
 */
static void
seal (AtlasSiteList *self)
{
  g_assert (!self->table->sealed);

  sort_rows (self->table->rows);
  g_ptr_array_set_size (self->made, self->table->rows->len);
  self->table->sealed = TRUE;
}

/* Adds a span of days in which something happened to the site at
 * @position (its founding, an event concerning it).
 */
void
_atlas_site_list_add_span (AtlasSiteList *self,
                           guint          position,
                           guint32        first_day,
                           guint32        last_day)
{
  AtlasSiteRowExtras *extras;
  AtlasSiteRow *row;

  g_assert (position < self->table->rows->len);
  row = &g_array_index (self->table->rows, AtlasSiteRow, position);

  if (row->first_span[0] == 0)
    {
      /* Julian days are far above 0: 0 can mean "none". */
      row->first_span[0] = MAX (first_day, 1);
      row->first_span[1] = last_day;
      return;
    }
  if (row->extras == NULL)
    row->extras = g_new0 (AtlasSiteRowExtras, 1);
  extras = (AtlasSiteRowExtras *) row->extras;
  if (extras->more_spans == NULL)
    extras->more_spans = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 2);
  g_array_append_val (extras->more_spans, first_day);
  g_array_append_val (extras->more_spans, last_day);
}

/* Replaces every site with those of @loaded (which is left empty), with one
 * items-changed.
 */
void
_atlas_site_list_take (AtlasSiteList *self,
                       AtlasSiteList *loaded)
{
  g_autoptr(GPtrArray) old_made = NULL;
  AtlasSiteTable *old_table;
  guint old_n, new_n;

  g_return_if_fail (ATLAS_IS_SITE_LIST (self));
  g_return_if_fail (ATLAS_IS_SITE_LIST (loaded));
  g_return_if_fail (loaded->table->sealed);

  old_n = self->table->rows->len;
  new_n = loaded->table->rows->len;

  old_table = g_steal_pointer (&self->table);
  old_made = g_steal_pointer (&self->made);
  self->table = g_steal_pointer (&loaded->table);
  self->made = g_steal_pointer (&loaded->made);

  loaded->table = site_table_new (NULL, NULL, NULL, 0);
  loaded->table->sealed = TRUE;
  loaded->made = g_ptr_array_new_with_free_func (unref_made);

  /* Handlers see the new sites; the old objects live until they return. */
  if (old_n > 0 || new_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
  _atlas_site_table_unref (old_table);
}

/* ---- reading the store ---------------------------------------------------- */

/* How many sites there are at most: the rows are made room for once. */
static guint
count_sites (AtlasStore *store)
{
  g_autoptr(AtlasRows) rows = atlas_store_query (store, ATLAS_QUERY_SITES_AT_MOST, NULL, NULL, NULL);
  guint n = 0;

  if (rows != NULL && atlas_rows_next (rows))
    n = MAX (atlas_rows_int (rows, 0, 0), 0);
  if (rows != NULL)
    atlas_rows_finish (rows, NULL);
  return n;
}

/* Each founding date as a span of days.  The rows share one copy of each
 * date (keep_shared()): each is parsed once, not once per site (a tenth of
 * reading 100,000 sites).
 */
static void
add_founding_spans (AtlasSiteList *self)
{
  g_autoptr(GHashTable) spans = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint i = 0; i < self->table->rows->len; i++)
    {
      const AtlasSiteRow *row = &g_array_index (self->table->rows, AtlasSiteRow, i);
      guint32 *span = NULL;

      if (row->established_on != NULL &&
          !g_hash_table_lookup_extended (spans, row->established_on, NULL, (gpointer *) &span))
        {
          AtlasDate date;

          if (atlas_date_parse (row->established_on, &date, NULL))
            {
              span = g_new (guint32, 2);
              span[0] = atlas_date_get_first_day (&date);
              span[1] = atlas_date_get_last_day (&date);
            }
          g_hash_table_insert (spans, (gpointer) row->established_on, span);
        }
      if (span != NULL)
        _atlas_site_list_add_span (self, i, span[0], span[1]);
    }
}

#define COL(name) int name = atlas_rows_column (rows, #name)

/**
 * _atlas_site_list_read:
 * @districts: (element-type AtlasDistrict): the districts the sites lie in
 * @areas: (element-type AtlasArea): the areas the sites lie in
 *
 * The sites of @store as rows, in id order, with their founding dates as
 * spans; the descriptions are read when first shown (only the details pane
 * does), from @store.  No site objects are made.
 *
 * Returns: (transfer full) (nullable): the list, or %NULL with @error set
 */
AtlasSiteList *
_atlas_site_list_read (AtlasStore  *store,
                       GPtrArray   *districts,
                       GPtrArray   *areas,
                       GError     **error)
{
  g_autoptr(AtlasRows) rows = atlas_store_query (store, ATLAS_QUERY_SITES, NULL, NULL, error);
  g_autoptr(GHashTable) by_adcode = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) area_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(AtlasSiteList) self = NULL;

  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < districts->len; i++)
    g_hash_table_insert (by_adcode, GINT_TO_POINTER (atlas_district_get_adcode (districts->pdata[i])),
                         districts->pdata[i]);
  for (guint i = 0; i < areas->len; i++)
    g_hash_table_insert (area_by_id, (gpointer) atlas_item_get_id (areas->pdata[i]), areas->pdata[i]);
  self = new_loading (store, districts, areas, count_sites (store));

  COL (id); COL (name_zh); COL (name_en); COL (category); COL (district_adcode); COL (lon);
  COL (lat); COL (location_precision); COL (established_on); COL (note); COL (from_user);
  COL (area_id); COL (note_zh); COL (caveat_en); COL (caveat_zh);

  while (atlas_rows_next (rows))
    {
      const char *area = atlas_rows_text (rows, area_id);
      SiteFields fields = {
        .id = atlas_rows_text (rows, id),
        .name_zh = atlas_rows_text (rows, name_zh),
        .name_en = atlas_rows_text (rows, name_en),
        .category = ATLAS_SITE_CATEGORY_RESEARCH_INSTITUTE,
        /* A site of precision area or unknown has no district and no point. */
        .district = atlas_rows_is_null (rows, district_adcode) ? NULL :
                    g_hash_table_lookup (by_adcode, GINT_TO_POINTER (atlas_rows_int (rows, district_adcode, 0))),
        .lon = atlas_rows_double (rows, lon, 0),
        .lat = atlas_rows_double (rows, lat, 0),
        .location_precision = ATLAS_LOCATION_PRECISION_DISTRICT,
        .established_on = atlas_rows_text (rows, established_on),
        .note = atlas_rows_text (rows, note),
        .note_zh = atlas_rows_text (rows, note_zh),
        .caveat_en = atlas_rows_text (rows, caveat_en),
        .caveat_zh = atlas_rows_text (rows, caveat_zh),
        .from_user = atlas_rows_int (rows, from_user, 0) != 0,
        .area = area != NULL ? g_hash_table_lookup (area_by_id, area) : NULL,
      };

      atlas_site_category_from_string (atlas_rows_text (rows, category), &fields.category);
      atlas_location_precision_from_string (atlas_rows_text (rows, location_precision),
                                            &fields.location_precision);
      append (self, &fields);
    }
  if (!atlas_rows_finish (rows, error))
    return NULL;

  seal (self);
  add_founding_spans (self);
  return g_steal_pointer (&self);
}

#undef COL

/* ---- reading ------------------------------------------------------------- */

/**
 * atlas_site_list_get_row:
 *
 * Returns: (transfer none): the row at @position, valid until the next
 *   reload (the list's items-changed)
 */
const AtlasSiteRow *
atlas_site_list_get_row (AtlasSiteList *self,
                         guint          position)
{
  g_return_val_if_fail (ATLAS_IS_SITE_LIST (self), NULL);
  g_return_val_if_fail (position < self->table->rows->len, NULL);

  return &g_array_index (self->table->rows, AtlasSiteRow, position);
}

/**
 * atlas_site_list_get_site:
 *
 * The site at @position, made the first time it is asked for: the same
 * position gives the same object until the next reload.  Same as
 * g_list_model_get_item() without the reference.
 *
 * Returns: (transfer none): the site
 */
AtlasSite *
atlas_site_list_get_site (AtlasSiteList *self,
                          guint          position)
{
  AtlasSite *site;

  g_return_val_if_fail (ATLAS_IS_SITE_LIST (self), NULL);
  g_return_val_if_fail (position < self->table->rows->len, NULL);
  g_return_val_if_fail (self->table->sealed, NULL);

  if ((site = g_ptr_array_index (self->made, position)) == NULL)
    {
      site = _atlas_site_new (self->table,
                              &g_array_index (self->table->rows, AtlasSiteRow, position));
      g_ptr_array_index (self->made, position) = site;
    }
  return site;
}

/**
 * atlas_site_list_peek_site:
 *
 * Returns: (transfer none) (nullable): the site at @position if it was made
 *   already, or %NULL; never makes one
 */
AtlasSite *
atlas_site_list_peek_site (AtlasSiteList *self,
                           guint          position)
{
  g_return_val_if_fail (ATLAS_IS_SITE_LIST (self), NULL);
  g_return_val_if_fail (position < self->table->rows->len, NULL);

  return self->made->len > position ? g_ptr_array_index (self->made, position) : NULL;
}

/**
 * atlas_site_list_find:
 * @position: (out) (optional): where the site is
 *
 * Finds a site by id, halving the rows (they are in id order).
 *
 * Returns: whether there is one
 */
gboolean
atlas_site_list_find (AtlasSiteList *self,
                      const char    *id,
                      guint         *position)
{
  GArray *rows;
  guint lo = 0, hi;

  g_return_val_if_fail (ATLAS_IS_SITE_LIST (self), FALSE);

  if (id == NULL)
    return FALSE;
  rows = self->table->rows;
  hi = rows->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int order = strcmp (g_array_index (rows, AtlasSiteRow, mid).id, id);

      if (order == 0)
        {
          /* The first of equal ids, as a table by id would keep. */
          while (mid > 0 && strcmp (g_array_index (rows, AtlasSiteRow, mid - 1).id, id) == 0)
            mid--;
          if (position != NULL)
            *position = mid;
          return TRUE;
        }
      if (order < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

/**
 * atlas_site_list_snapshot:
 *
 * The sites as they are now, in a list of their own that a reload does
 * not change: it gives the same objects as @self until @self is reloaded,
 * and keeps the rows it was made of alive after.  For what refers to the
 * sites by position and must stay consistent until it is replaced (the
 * map's points).
 *
 * Returns: (transfer full): the snapshot
 */
AtlasSiteList *
atlas_site_list_snapshot (AtlasSiteList *self)
{
  AtlasSiteList *snapshot;

  g_return_val_if_fail (ATLAS_IS_SITE_LIST (self), NULL);
  g_return_val_if_fail (self->table->sealed, NULL);

  snapshot = g_object_new (ATLAS_TYPE_SITE_LIST, NULL);
  _atlas_site_table_unref (snapshot->table);
  g_ptr_array_unref (snapshot->made);
  snapshot->table = _atlas_site_table_ref (self->table);
  snapshot->made = g_ptr_array_ref (self->made);
  return snapshot;
}

/* How many of the sites have an object now (for tests and benchmarks). */
guint
atlas_site_list_get_n_made (AtlasSiteList *self)
{
  guint n = 0;

  g_return_val_if_fail (ATLAS_IS_SITE_LIST (self), 0);

  for (guint i = 0; i < self->made->len; i++)
    n += g_ptr_array_index (self->made, i) != NULL;
  return n;
}
