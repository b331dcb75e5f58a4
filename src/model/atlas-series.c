/* atlas-series.c
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

#include <math.h>

#include "atlas-series.h"
#include "atlas-l10n.h"
#include "atlas-model-private.h"
#include "atlas-statistic.h"
#include "atlas-enums.h"

/* Statistics that belong together and chart together. */

struct _AtlasSeries
{
  AtlasItem parent_instance;

  AtlasUnit unit;
  double stated_total;
  char *note;
  GListStore *statistics;
  char *note_zh;
};

G_DEFINE_FINAL_TYPE (AtlasSeries, atlas_series, ATLAS_TYPE_ITEM)

enum {
  PROP_0,
  PROP_UNIT,
  PROP_STATED_TOTAL,
  PROP_NOTE,
  PROP_NOTE_ZH,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
atlas_series_finalize (GObject *object)
{
  AtlasSeries *self = (AtlasSeries *)object;

  g_clear_object (&self->statistics);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->note_zh, g_free);

  G_OBJECT_CLASS (atlas_series_parent_class)->finalize (object);
}

static void
atlas_series_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AtlasSeries *self = ATLAS_SERIES (object);

  switch (prop_id)
    {
    case PROP_UNIT:
      g_value_set_enum (value, self->unit);
      break;

    case PROP_STATED_TOTAL:
      g_value_set_double (value, isnan (self->stated_total) ? -1 : self->stated_total);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_NOTE_ZH:
      g_value_set_string (value, self->note_zh);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_series_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AtlasSeries *self = ATLAS_SERIES (object);

  switch (prop_id)
    {
    case PROP_UNIT:
      self->unit = g_value_get_enum (value);
      break;

    case PROP_STATED_TOTAL:
      /* A property cannot hold NaN; -1 stands for "no total stated". */
      self->stated_total = g_value_get_double (value) < 0 ? NAN : g_value_get_double (value);
      break;

    case PROP_NOTE:
      self->note = g_value_dup_string (value);
      break;

    case PROP_NOTE_ZH:
      self->note_zh = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_series_class_init (AtlasSeriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AtlasItemClass *item_class = ATLAS_ITEM_CLASS (klass);

  object_class->finalize = atlas_series_finalize;
  object_class->get_property = atlas_series_get_property;
  object_class->set_property = atlas_series_set_property;

  item_class->entity = "series";

  properties[PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL, ATLAS_TYPE_UNIT, ATLAS_UNIT_COUNT,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATED_TOTAL] =
    g_param_spec_double ("stated-total", NULL, NULL, -1, G_MAXDOUBLE, -1,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTE_ZH] =
    g_param_spec_string ("note-zh", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_series_init (AtlasSeries *self)
{
  self->statistics = g_list_store_new (ATLAS_TYPE_STATISTIC);
}

AtlasUnit
atlas_series_get_unit (AtlasSeries *self)
{
  g_return_val_if_fail (ATLAS_IS_SERIES (self), 0);

  return self->unit;
}

double
atlas_series_get_stated_total (AtlasSeries *self)
{
  g_return_val_if_fail (ATLAS_IS_SERIES (self), 0.0);

  return self->stated_total;
}

/* The note in the language of the interface (the other one when it has
 * only one).
 */
const char *
atlas_series_get_note (AtlasSeries *self)
{
  g_return_val_if_fail (ATLAS_IS_SERIES (self), NULL);

  return atlas_l10n_pick (self->note_zh, self->note);
}

const char *
atlas_series_get_note_en (AtlasSeries *self)
{
  g_return_val_if_fail (ATLAS_IS_SERIES (self), NULL);

  return self->note;
}

const char *
atlas_series_get_note_zh (AtlasSeries *self)
{
  g_return_val_if_fail (ATLAS_IS_SERIES (self), NULL);

  return self->note_zh;
}

void
_atlas_series_add_statistic (AtlasSeries    *self,
                             AtlasStatistic *statistic)
{
  g_assert (ATLAS_IS_SERIES (self));

  g_list_store_append (self->statistics, statistic);
}

/**
 * atlas_series_get_statistics:
 *
 * Returns: (transfer none): the statistics of the series, in series order
 */
GListModel *
atlas_series_get_statistics (AtlasSeries *self)
{
  g_return_val_if_fail (ATLAS_IS_SERIES (self), NULL);

  return G_LIST_MODEL (self->statistics);
}
