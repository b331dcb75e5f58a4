/* atlas-chart-series.c
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

#include "atlas-chart-series.h"
#include "atlas-citation.h"
#include "atlas-dataset.h"
#include "atlas-district.h"
#include "atlas-event.h"
#include "atlas-format.h"
#include "atlas-item.h"
#include "atlas-labels.h"
#include "atlas-series.h"
#include "atlas-site.h"
#include "atlas-site-list.h"
#include "atlas-source.h"
#include "atlas-session.h"
#include "atlas-state.h"
#include "atlas-statistic.h"

/* The numbers behind one chart, as a GListModel of AtlasChartPoint: what the
 * painter draws, the Table view lists and the CSV export writes.  Points sit
 * at an x position (a category: a type, a district, a year) in a layer (the
 * stacks or groups of a bar chart).
 *
 * A series is built from a chart definition: a statistic series of the
 * dataset, hand-picked statistics, or an aggregation of the records that
 * honours the shared filters where that makes sense.
 */

struct _AtlasChartSeries
{
  GObject            parent_instance;

  char              *title;
  AtlasUnit          unit;
  AtlasChartPalette  palette;
  GPtrArray         *points;      /* of AtlasChartPoint */
  GPtrArray         *categories;  /* of char * */
  GPtrArray         *layers;      /* of char * */
  GArray            *layer_kinds; /* of int */
  GPtrArray         *sources;     /* of AtlasSource */
  double             stated_total;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasChartSeries, atlas_chart_series, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return ATLAS_TYPE_CHART_POINT;
}

static guint
get_n_items (GListModel *model)
{
  return ATLAS_CHART_SERIES (model)->points->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  AtlasChartSeries *self = ATLAS_CHART_SERIES (model);

  if (position >= self->points->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->points, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
atlas_chart_series_dispose (GObject *object)
{
  AtlasChartSeries *self = ATLAS_CHART_SERIES (object);

  g_ptr_array_set_size (self->points, 0);
  g_ptr_array_set_size (self->sources, 0);
  G_OBJECT_CLASS (atlas_chart_series_parent_class)->dispose (object);
}

static void
atlas_chart_series_finalize (GObject *object)
{
  AtlasChartSeries *self = ATLAS_CHART_SERIES (object);

  g_free (self->title);
  g_ptr_array_unref (self->points);
  g_ptr_array_unref (self->categories);
  g_ptr_array_unref (self->layers);
  g_array_unref (self->layer_kinds);
  g_ptr_array_unref (self->sources);
  G_OBJECT_CLASS (atlas_chart_series_parent_class)->finalize (object);
}

static void
atlas_chart_series_class_init (AtlasChartSeriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_chart_series_dispose;
  object_class->finalize = atlas_chart_series_finalize;
}

static void
atlas_chart_series_init (AtlasChartSeries *self)
{
  self->points = g_ptr_array_new_with_free_func (g_object_unref);
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->layers = g_ptr_array_new_with_free_func (g_free);
  self->layer_kinds = g_array_new (FALSE, FALSE, sizeof (int));
  self->sources = g_ptr_array_new_with_free_func (g_object_unref);
}

AtlasChartSeries *
atlas_chart_series_new (const char *title,
                        AtlasUnit   unit)
{
  AtlasChartSeries *self = g_object_new (ATLAS_TYPE_CHART_SERIES, NULL);

  self->title = g_strdup (title ? title : "");
  self->unit = unit;
  return self;
}

/* Series are built once and then only read: appending emits no signal. */
void
atlas_chart_series_append (AtlasChartSeries *self,
                           AtlasChartPoint  *point)
{
  g_return_if_fail (ATLAS_IS_CHART_SERIES (self));
  g_return_if_fail (ATLAS_IS_CHART_POINT (point));
  g_ptr_array_add (self->points, g_object_ref (point));
}

guint
atlas_chart_series_add_category (AtlasChartSeries *self,
                                 const char       *label)
{
  g_return_val_if_fail (ATLAS_IS_CHART_SERIES (self), 0);
  g_ptr_array_add (self->categories, g_strdup (label ? label : ""));
  return self->categories->len - 1;
}

/* @kind: what the layer stands for (an AtlasEventKind with the event-kind
 * palette), or -1 */
guint
atlas_chart_series_add_layer (AtlasChartSeries *self,
                              const char       *label,
                              int               kind)
{
  g_return_val_if_fail (ATLAS_IS_CHART_SERIES (self), 0);
  g_ptr_array_add (self->layers, g_strdup (label ? label : ""));
  g_array_append_val (self->layer_kinds, kind);
  return self->layers->len - 1;
}

const char *
atlas_chart_series_get_title (AtlasChartSeries *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_SERIES (self), NULL);
  return self->title;
}

AtlasUnit
atlas_chart_series_get_unit (AtlasChartSeries *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_SERIES (self), ATLAS_UNIT_COUNT);
  return self->unit;
}

guint
atlas_chart_series_get_n_categories (AtlasChartSeries *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_SERIES (self), 0);
  return self->categories->len;
}

const char *
atlas_chart_series_get_category (AtlasChartSeries *self,
                                 guint             index)
{
  g_return_val_if_fail (ATLAS_IS_CHART_SERIES (self), NULL);
  g_return_val_if_fail (index < self->categories->len, NULL);
  return g_ptr_array_index (self->categories, index);
}

guint
atlas_chart_series_get_n_layers (AtlasChartSeries *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_SERIES (self), 0);
  return MAX (1, self->layers->len);
}

const char *
atlas_chart_series_get_layer (AtlasChartSeries *self,
                              guint             index)
{
  g_return_val_if_fail (ATLAS_IS_CHART_SERIES (self), NULL);
  if (index >= self->layers->len)
    return NULL;
  return g_ptr_array_index (self->layers, index);
}

int
atlas_chart_series_get_layer_kind (AtlasChartSeries *self,
                                   guint             index)
{
  g_return_val_if_fail (ATLAS_IS_CHART_SERIES (self), -1);
  if (index >= self->layer_kinds->len)
    return -1;
  return g_array_index (self->layer_kinds, int, index);
}

AtlasChartPalette
atlas_chart_series_get_palette (AtlasChartSeries *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_SERIES (self), ATLAS_CHART_PALETTE_ACCENT);
  return self->palette;
}

void
atlas_chart_series_set_palette (AtlasChartSeries  *self,
                                AtlasChartPalette  palette)
{
  g_return_if_fail (ATLAS_IS_CHART_SERIES (self));
  self->palette = palette;
}

/* Returns: (transfer none): the point at @index, without a reference */
AtlasChartPoint *
atlas_chart_series_peek_point (AtlasChartSeries *self,
                               guint             index)
{
  g_return_val_if_fail (ATLAS_IS_CHART_SERIES (self), NULL);
  g_return_val_if_fail (index < self->points->len, NULL);
  return g_ptr_array_index (self->points, index);
}

double
atlas_chart_series_get_sum (AtlasChartSeries *self)
{
  double sum = 0;

  g_return_val_if_fail (ATLAS_IS_CHART_SERIES (self), 0);
  for (guint i = 0; i < self->points->len; i++)
    sum += atlas_chart_point_get_value (g_ptr_array_index (self->points, i));
  return sum;
}

/* Returns: the total the source states for the series, or 0 if none */
double
atlas_chart_series_get_stated_total (AtlasChartSeries *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_SERIES (self), 0);
  return self->stated_total;
}

gboolean
atlas_chart_series_has_targets (AtlasChartSeries *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_SERIES (self), FALSE);
  for (guint i = 0; i < self->points->len; i++)
    if (atlas_chart_point_get_is_target (g_ptr_array_index (self->points, i)))
      return TRUE;
  return FALSE;
}

/* Returns: (transfer none) (element-type AtlasSource): the distinct sources */
GPtrArray *
atlas_chart_series_get_sources (AtlasChartSeries *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_SERIES (self), NULL);
  return self->sources;
}

void
atlas_chart_series_add_source (AtlasChartSeries *self,
                               AtlasSource      *source)
{
  g_return_if_fail (ATLAS_IS_CHART_SERIES (self));

  if (source == NULL || g_ptr_array_find (self->sources, source, NULL))
    return;
  g_ptr_array_add (self->sources, g_object_ref (source));
}

/* "Source: 重庆日报, 2021" -- publisher and year of each source. */
char *
atlas_chart_series_dup_source_text (AtlasChartSeries *self)
{
  g_autoptr(GString) list = g_string_new (NULL);

  g_return_val_if_fail (ATLAS_IS_CHART_SERIES (self), NULL);

  if (self->sources->len == 0)
    return g_strdup (_("Source: the atlas’s own records, each with its citation"));

  for (guint i = 0; i < self->sources->len; i++)
    {
      AtlasSource *source = g_ptr_array_index (self->sources, i);
      const char *publisher = atlas_source_get_publisher (source);
      const char *published = atlas_source_get_published_on (source);

      if (i > 0)
        /* Translators: separates sources in a chart's source line. */
        g_string_append (list, _("; "));
      if (publisher == NULL || *publisher == '\0')
        publisher = atlas_item_get_name (ATLAS_ITEM (source));
      g_string_append (list, publisher);
      if (published != NULL && strlen (published) >= 4)
        {
          /* Translators: publisher and year, "重庆日报, 2021". */
          g_string_append_printf (list, _(", %.4s"), published);
        }
    }

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Source: %s", "Sources: %s",
                                       self->sources->len), list->str);
}

static void
append_csv_field (GString    *out,
                  const char *text)
{
  if (text == NULL)
    text = "";
  if (strpbrk (text, ",\"\n\r") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* The numbers behind the chart as CSV (RFC 4180), plain values in the
 * dataset's units so a spreadsheet can compute with them.
 */
char *
atlas_chart_series_to_csv (AtlasChartSeries *self)
{
  GString *out = g_string_new ("label,layer,value,unit,qualifier,target,period,scope\r\n");

  g_return_val_if_fail (ATLAS_IS_CHART_SERIES (self), NULL);

  for (guint i = 0; i < self->points->len; i++)
    {
      AtlasChartPoint *point = g_ptr_array_index (self->points, i);
      char number[G_ASCII_DTOSTR_BUF_SIZE];
      const char *layer = atlas_chart_series_get_layer (self, atlas_chart_point_get_layer (point));

      append_csv_field (out, atlas_chart_point_get_label (point));
      g_string_append_c (out, ',');
      append_csv_field (out, layer);
      g_string_append_c (out, ',');
      g_string_append (out, g_ascii_dtostr (number, sizeof number, atlas_chart_point_get_value (point)));
      g_string_append_c (out, ',');
      g_string_append (out, atlas_unit_to_string (atlas_chart_point_get_unit (point)));
      g_string_append_c (out, ',');
      if (atlas_chart_point_get_qualifier (point) != ATLAS_QUALIFIER_NONE)
        g_string_append (out, atlas_qualifier_to_string (atlas_chart_point_get_qualifier (point)));
      g_string_append_c (out, ',');
      g_string_append (out, atlas_chart_point_get_is_target (point) ? "1" : "0");
      g_string_append_c (out, ',');
      append_csv_field (out, atlas_chart_point_get_period (point));
      g_string_append_c (out, ',');
      append_csv_field (out, atlas_chart_point_get_scope (point));
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}

/* One sentence for screen readers: "Bar chart, <title>; largest: R&D base
 * projects, 13".
 */
char *
atlas_chart_series_dup_summary (AtlasChartSeries *self,
                                AtlasChartKind    kind)
{
  AtlasChartPoint *largest = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (ATLAS_IS_CHART_SERIES (self), NULL);

  for (guint i = 0; i < self->points->len; i++)
    {
      AtlasChartPoint *point = g_ptr_array_index (self->points, i);

      if (largest == NULL || atlas_chart_point_get_value (point) > atlas_chart_point_get_value (largest))
        largest = point;
    }

  if (largest == NULL)
    /* Translators: chart kind and title of a chart without data. */
    return g_strdup_printf (_("%s, %s; no data"), atlas_chart_kind_get_label (kind), self->title);

  value = atlas_chart_point_dup_value_text (largest);
  /* Translators: chart kind, title, then the largest value's label and value. */
  return g_strdup_printf (_("%s, %s; largest: %s, %s"), atlas_chart_kind_get_label (kind),
                          self->title, atlas_chart_point_get_label (largest), value);
}

/* --- Building series from definitions ------------------------------------ */

static AtlasSource *
first_source_of (AtlasDataset *dataset,
                 AtlasItem    *item)
{
  g_autoptr(GListModel) citations = atlas_dataset_list_citations (dataset, item);
  g_autoptr(AtlasCitation) citation = NULL;

  if (citations == NULL || g_list_model_get_n_items (citations) == 0)
    return NULL;
  citation = g_list_model_get_item (citations, 0);
  return atlas_citation_get_source (citation);
}

static AtlasChartPoint *
point_for_statistic (AtlasChartSeries *self,
                     AtlasStatistic   *statistic,
                     const char       *label,
                     guint             x,
                     guint             layer)
{
  AtlasChartPoint *point = atlas_chart_point_new (label ? label : atlas_item_get_name (ATLAS_ITEM (statistic)),
                                                  x, layer, atlas_statistic_get_value (statistic));
  /* A figure with no period is a count at its date ("160,700 people · 2021"). */
  g_autofree char *period = atlas_format_period (atlas_statistic_get_period (statistic) != NULL
                                                 ? atlas_statistic_get_period (statistic)
                                                 : atlas_statistic_get_as_of (statistic));

  atlas_chart_point_set_measure (point, atlas_statistic_get_unit (statistic),
                                 atlas_statistic_get_qualifier (statistic),
                                 atlas_statistic_get_is_target (statistic));
  atlas_chart_point_set_context (point, period, atlas_statistic_get_scope_label (statistic));
  atlas_chart_point_set_item (point, ATLAS_ITEM (statistic));
  atlas_chart_point_set_link (point, ATLAS_CHART_LINK_ITEM, 0);
  return point;
}

static AtlasChartSeries *
series_from_dataset_series (AtlasChartDefinition *definition,
                            AtlasDataset         *dataset,
                            GError              **error)
{
  const char *id = atlas_chart_definition_get_series (definition);
  AtlasSeries *series = ATLAS_SERIES (atlas_dataset_lookup (dataset, "series", id));
  const char *title = atlas_chart_definition_get_title (definition);
  GListModel *statistics;
  AtlasChartSeries *self;
  guint n;

  if (series == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "chart “%s”: no series “%s”", atlas_chart_definition_get_id (definition), id);
      return NULL;
    }

  self = atlas_chart_series_new (title ? title : atlas_item_get_name (ATLAS_ITEM (series)),
                                 atlas_series_get_unit (series));
  self->stated_total = atlas_series_get_stated_total (series);
  atlas_chart_series_add_source (self, first_source_of (dataset, ATLAS_ITEM (series)));

  statistics = atlas_series_get_statistics (series);
  n = g_list_model_get_n_items (statistics);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasStatistic) statistic = g_list_model_get_item (statistics, i);
      g_autoptr(AtlasChartPoint) point = NULL;
      guint x = atlas_chart_series_add_category (self, atlas_item_get_name (ATLAS_ITEM (statistic)));

      point = point_for_statistic (self, statistic, NULL, x, 0);
      atlas_chart_series_append (self, point);
      atlas_chart_series_add_source (self, first_source_of (dataset, ATLAS_ITEM (statistic)));
    }

  return self;
}

/* Hand-picked statistics: one list per layer.  With several layers the
 * categories are the statistics' periods ("2022", "2023") and each layer is
 * named after its first statistic.
 */
static AtlasChartSeries *
series_from_statistics (AtlasChartDefinition *definition,
                        AtlasDataset         *dataset,
                        GError              **error)
{
  guint n_layers = atlas_chart_definition_get_n_layers (definition);
  const char *title = atlas_chart_definition_get_title (definition);
  g_autoptr(GHashTable) periods = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(AtlasChartSeries) self = NULL;
  AtlasUnit unit = ATLAS_UNIT_COUNT;

  self = atlas_chart_series_new (title ? title : "", unit);

  for (guint layer = 0; layer < n_layers; layer++)
    {
      const char * const *ids = atlas_chart_definition_get_statistics (definition, layer);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          AtlasItem *item = atlas_dataset_lookup (dataset, "statistic", ids[i]);
          AtlasStatistic *statistic;
          g_autoptr(AtlasChartPoint) point = NULL;
          guint x;

          if (item == NULL)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "chart “%s”: no statistic “%s”",
                           atlas_chart_definition_get_id (definition), ids[i]);
              return NULL;
            }
          statistic = ATLAS_STATISTIC (item);

          if (layer == 0 && i == 0)
            self->unit = atlas_statistic_get_unit (statistic);

          if (n_layers > 1)
            {
              const char *period = atlas_statistic_get_period (statistic);
              gpointer found;

              if (i == 0)
                atlas_chart_series_add_layer (self, atlas_item_get_name (item), -1);
              if (period == NULL)
                period = "";
              if (g_hash_table_lookup_extended (periods, period, NULL, &found))
                x = GPOINTER_TO_UINT (found);
              else
                {
                  g_autofree char *label = atlas_format_period (period);

                  x = atlas_chart_series_add_category (self, label);
                  g_hash_table_insert (periods, g_strdup (period), GUINT_TO_POINTER (x));
                }
            }
          else
            x = atlas_chart_series_add_category (self, atlas_item_get_name (item));

          point = point_for_statistic (self, statistic, NULL, x, layer);
          atlas_chart_series_append (self, point);
          atlas_chart_series_add_source (self, first_source_of (dataset, item));
        }
    }

  return g_steal_pointer (&self);
}

static int
year_of_day (guint32 julian)
{
  int y, m, d;

  atlas_julian_to_ymd (julian, &y, &m, &d);
  return y;
}

typedef struct
{
  guint  key;
  guint  count;
  guint  total;
} Tally;

static int
compare_tallies (gconstpointer a,
                 gconstpointer b)
{
  const Tally *x = a, *y = b;

  /* Largest first; ties in key order so the chart does not jump around. */
  if (x->total != y->total)
    return x->total < y->total ? 1 : -1;
  return x->key < y->key ? -1 : x->key > y->key;
}

/* Sites by category: every filter of the session but the category (clicking
 * a bar sets it); hidden categories are muted, so the bars that are not add
 * up to the sites every other view shows.
 */
static AtlasChartSeries *
sites_by_category (AtlasChartDefinition *definition,
                   AtlasSession         *session)
{
  AtlasState *state = atlas_session_get_state (session);
  AtlasSiteList *sites = ATLAS_SITE_LIST (atlas_dataset_get_sites (atlas_session_get_dataset (session)));
  const char *title = atlas_chart_definition_get_title (definition);
  AtlasChartSeries *self = atlas_chart_series_new (title ? title : _("Sites by category"),
                                                   ATLAS_UNIT_COUNT);
  Tally tallies[ATLAS_N_SITE_CATEGORIES] = { { 0 } };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (sites));

  atlas_chart_series_set_palette (self, ATLAS_CHART_PALETTE_CATEGORY);
  for (guint i = 0; i < ATLAS_N_SITE_CATEGORIES; i++)
    tallies[i].key = i;

  /* By row: counting 100,000 sites makes no objects. */
  for (guint i = 0; i < n; i++)
    {
      AtlasSiteCategory category = atlas_site_list_get_row (sites, i)->category;

      tallies[category].total++;
      if (atlas_session_match_site_at (session, sites, i, ATLAS_FILTER_CATEGORY))
        tallies[category].count++;
    }

  qsort (tallies, G_N_ELEMENTS (tallies), sizeof (Tally), compare_tallies);
  for (guint i = 0; i < G_N_ELEMENTS (tallies); i++)
    {
      const char *label = atlas_site_category_get_label (tallies[i].key);
      g_autoptr(AtlasChartPoint) point = NULL;

      if (tallies[i].total == 0)
        continue;
      point = atlas_chart_point_new (label, atlas_chart_series_add_category (self, label), 0,
                                     tallies[i].count);
      atlas_chart_point_set_context (point, NULL, _("Sites in the atlas"));
      atlas_chart_point_set_link (point, ATLAS_CHART_LINK_CATEGORY, tallies[i].key);
      atlas_chart_point_set_muted (point, !atlas_state_has_category (state, tallies[i].key));
      atlas_chart_series_append (self, point);
    }

  return self;
}

/* Sites per district: every filter of the session but the district; the
 * selected district stands out.
 */
static AtlasChartSeries *
sites_per_district (AtlasChartDefinition *definition,
                    AtlasSession         *session)
{
  AtlasDataset *dataset = atlas_session_get_dataset (session);
  AtlasState *state = atlas_session_get_state (session);
  AtlasSiteList *sites = ATLAS_SITE_LIST (atlas_dataset_get_sites (dataset));
  const char *title = atlas_chart_definition_get_title (definition);
  AtlasChartSeries *self = atlas_chart_series_new (title ? title : _("Sites per district"),
                                                   ATLAS_UNIT_COUNT);
  g_autoptr(GHashTable) by_adcode = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GArray) tallies = g_array_new (FALSE, TRUE, sizeof (Tally));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (sites));
  int selected = atlas_state_get_district (state);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < n; i++)
    {
      AtlasDistrict *district = atlas_site_list_get_row (sites, i)->district;
      Tally *tally;
      guint adcode;

      if (district == NULL)
        continue;
      adcode = atlas_district_get_adcode (district);
      tally = g_hash_table_lookup (by_adcode, GUINT_TO_POINTER (adcode));
      if (tally == NULL)
        {
          tally = g_new0 (Tally, 1);
          tally->key = adcode;
          g_hash_table_insert (by_adcode, GUINT_TO_POINTER (adcode), tally);
        }
      tally->total++;
      if (atlas_session_match_site_at (session, sites, i, ATLAS_FILTER_DISTRICT))
        tally->count++;
    }

  g_hash_table_iter_init (&iter, by_adcode);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_array_append_vals (tallies, value, 1);
  g_array_sort (tallies, compare_tallies);

  for (guint i = 0; i < tallies->len; i++)
    {
      Tally *tally = &g_array_index (tallies, Tally, i);
      AtlasDistrict *district = atlas_dataset_lookup_district (dataset, tally->key);
      const char *label = atlas_item_get_name (ATLAS_ITEM (district));
      g_autoptr(AtlasChartPoint) point = NULL;

      point = atlas_chart_point_new (label, atlas_chart_series_add_category (self, label), 0,
                                     tally->count);
      atlas_chart_point_set_context (point, NULL, label);
      atlas_chart_point_set_item (point, ATLAS_ITEM (district));
      atlas_chart_point_set_link (point, ATLAS_CHART_LINK_DISTRICT, tally->key);
      atlas_chart_point_set_muted (point, selected != 0 && selected != (int) tally->key);
      atlas_chart_series_append (self, point);
    }

  return self;
}

/* Events per year (optionally by kind), with every filter of the session.
 * Years outside the time range are muted and, for context, count as if
 * there were no range; with @by_kind hidden kinds are muted layers.  So the
 * bars that are not muted add up to the events the timeline shows in its
 * range.
 */
static gboolean
year_outside_range (AtlasState *state,
                    int         year)
{
  return atlas_state_has_time_range (state) &&
         (atlas_julian_from_ymd (year, 12, 31) < atlas_state_get_time_first (state) ||
          atlas_julian_from_ymd (year, 1, 1) > atlas_state_get_time_last (state));
}

static AtlasChartSeries *
events_per_year (AtlasChartDefinition *definition,
                 AtlasSession         *session,
                 gboolean              by_kind)
{
  AtlasState *state = atlas_session_get_state (session);
  GListModel *events = atlas_dataset_get_events (atlas_session_get_dataset (session));
  const char *title = atlas_chart_definition_get_title (definition);
  AtlasChartSeries *self = atlas_chart_series_new (title ? title : _("Events per year"),
                                                   ATLAS_UNIT_COUNT);
  guint n = g_list_model_get_n_items (events);
  int first_year = G_MAXINT, last_year = G_MININT;
  g_autofree guint *counts = NULL;
  guint kind_used[ATLAS_N_EVENT_KINDS] = { 0 };
  int layer_of_kind[ATLAS_N_EVENT_KINDS];
  guint n_layers = by_kind ? ATLAS_N_EVENT_KINDS : 1;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasEvent) event = g_list_model_get_item (events, i);
      int year = year_of_day (atlas_event_get_first_day (event));

      first_year = MIN (first_year, year);
      last_year = MAX (last_year, year);
      kind_used[atlas_event_get_kind (event)]++;
    }
  if (n == 0)
    return self;

  counts = g_new0 (guint, (last_year - first_year + 1) * n_layers);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasEvent) event = g_list_model_get_item (events, i);
      int year = year_of_day (atlas_event_get_first_day (event));
      AtlasEventKind kind = atlas_event_get_kind (event);
      AtlasFilterDimension ignore = by_kind ? ATLAS_FILTER_KIND : ATLAS_FILTER_NONE;

      if (year_outside_range (state, year))
        ignore |= ATLAS_FILTER_TIME;
      if (!atlas_session_match_event (session, event, ignore))
        continue;
      counts[(year - first_year) * n_layers + (by_kind ? kind : 0)]++;
    }

  if (by_kind)
    {
      atlas_chart_series_set_palette (self, ATLAS_CHART_PALETTE_EVENT_KIND);
      for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
        layer_of_kind[k] = kind_used[k] ? (int) atlas_chart_series_add_layer (self, atlas_event_kind_get_label (k), k) : -1;
    }

  for (int year = first_year; year <= last_year; year++)
    {
      g_autofree char *label = atlas_format_year (year);
      guint x = atlas_chart_series_add_category (self, label);
      gboolean outside = year_outside_range (state, year);

      for (guint k = 0; k < n_layers; k++)
        {
          g_autoptr(AtlasChartPoint) point = NULL;

          if (by_kind && layer_of_kind[k] < 0)
            continue;
          point = atlas_chart_point_new (label, x, by_kind ? (guint) layer_of_kind[k] : 0,
                                         counts[(year - first_year) * n_layers + k]);
          atlas_chart_point_set_context (point, label,
                                         by_kind ? atlas_event_kind_get_label (k) : _("Events in the atlas"));
          atlas_chart_point_set_link (point, ATLAS_CHART_LINK_YEAR, year);
          atlas_chart_point_set_muted (point, outside ||
                                       (by_kind && !atlas_state_has_event_kind (state, k)));
          atlas_chart_series_append (self, point);
        }
    }

  return self;
}

/**
 * atlas_chart_series_new_for_definition:
 * @session: the data and the shared filters to honour
 *
 * Returns: (transfer full) (nullable): the chart's numbers, or %NULL with
 *   @error set when the definition names data the dataset does not have
 */
AtlasChartSeries *
atlas_chart_series_new_for_definition (AtlasChartDefinition  *definition,
                                       AtlasSession          *session,
                                       GError               **error)
{
  AtlasDataset *dataset;
  const char *aggregation;

  g_return_val_if_fail (ATLAS_IS_CHART_DEFINITION (definition), NULL);
  g_return_val_if_fail (ATLAS_IS_SESSION (session), NULL);

  dataset = atlas_session_get_dataset (session);

  if (atlas_chart_definition_get_series (definition) != NULL)
    return series_from_dataset_series (definition, dataset, error);
  if (atlas_chart_definition_get_n_layers (definition) > 0)
    return series_from_statistics (definition, dataset, error);

  aggregation = atlas_chart_definition_get_aggregation (definition);
  if (g_strcmp0 (aggregation, "sites-by-category") == 0)
    return sites_by_category (definition, session);
  if (g_strcmp0 (aggregation, "sites-per-district") == 0)
    return sites_per_district (definition, session);
  if (g_strcmp0 (aggregation, "events-per-year") == 0)
    return events_per_year (definition, session, FALSE);
  if (g_strcmp0 (aggregation, "events-per-year-by-kind") == 0)
    return events_per_year (definition, session, TRUE);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "chart “%s”: unknown aggregation “%s”",
               atlas_chart_definition_get_id (definition), aggregation);
  return NULL;
}
