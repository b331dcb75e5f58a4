/* atlas-statistic.c
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

#include "atlas-statistic.h"
#include "atlas-l10n.h"
#include "atlas-district.h"
#include "atlas-site.h"
#include "atlas-enums.h"

/* A figure reported by a source. */

struct _AtlasStatistic
{
  AtlasItem parent_instance;

  char *metric;
  double value;
  AtlasQualifier qualifier;
  AtlasUnit unit;
  char *period;
  char *scope;
  char *scope_label_zh;
  char *scope_label_en;
  AtlasDistrict *district;
  AtlasSite *site;
  char *as_of;
  gboolean is_target;
  char *series_id;
  int series_order;
  char *note;
  gboolean from_user;
  char *note_zh;
  char *caveat_en;
  char *caveat_zh;
};

G_DEFINE_FINAL_TYPE (AtlasStatistic, atlas_statistic, ATLAS_TYPE_ITEM)

enum {
  PROP_0,
  PROP_METRIC,
  PROP_VALUE,
  PROP_QUALIFIER,
  PROP_UNIT,
  PROP_PERIOD,
  PROP_SCOPE,
  PROP_SCOPE_LABEL_ZH,
  PROP_SCOPE_LABEL_EN,
  PROP_SCOPE_LABEL,
  PROP_DISTRICT,
  PROP_SITE,
  PROP_AS_OF,
  PROP_IS_TARGET,
  PROP_SERIES_ID,
  PROP_SERIES_ORDER,
  PROP_NOTE,
  PROP_FROM_USER,
  PROP_NOTE_ZH,
  PROP_CAVEAT_EN,
  PROP_CAVEAT_ZH,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
atlas_statistic_finalize (GObject *object)
{
  AtlasStatistic *self = (AtlasStatistic *)object;

  g_clear_object (&self->site);
  g_clear_object (&self->district);
  g_clear_pointer (&self->metric, g_free);
  g_clear_pointer (&self->period, g_free);
  g_clear_pointer (&self->scope, g_free);
  g_clear_pointer (&self->scope_label_zh, g_free);
  g_clear_pointer (&self->scope_label_en, g_free);
  g_clear_pointer (&self->as_of, g_free);
  g_clear_pointer (&self->series_id, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->note_zh, g_free);
  g_clear_pointer (&self->caveat_en, g_free);
  g_clear_pointer (&self->caveat_zh, g_free);

  G_OBJECT_CLASS (atlas_statistic_parent_class)->finalize (object);
}

static void
atlas_statistic_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AtlasStatistic *self = ATLAS_STATISTIC (object);

  switch (prop_id)
    {
    case PROP_METRIC:
      g_value_set_string (value, self->metric);
      break;

    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;

    case PROP_QUALIFIER:
      g_value_set_enum (value, self->qualifier);
      break;

    case PROP_UNIT:
      g_value_set_enum (value, self->unit);
      break;

    case PROP_PERIOD:
      g_value_set_string (value, self->period);
      break;

    case PROP_SCOPE:
      g_value_set_string (value, self->scope);
      break;

    case PROP_SCOPE_LABEL_ZH:
      g_value_set_string (value, self->scope_label_zh);
      break;

    case PROP_SCOPE_LABEL_EN:
      g_value_set_string (value, self->scope_label_en);
      break;

    case PROP_SCOPE_LABEL:
      g_value_set_string (value, atlas_statistic_get_scope_label (self));
      break;

    case PROP_DISTRICT:
      g_value_set_object (value, self->district);
      break;

    case PROP_SITE:
      g_value_set_object (value, self->site);
      break;

    case PROP_AS_OF:
      g_value_set_string (value, self->as_of);
      break;

    case PROP_IS_TARGET:
      g_value_set_boolean (value, self->is_target);
      break;

    case PROP_SERIES_ID:
      g_value_set_string (value, self->series_id);
      break;

    case PROP_SERIES_ORDER:
      g_value_set_int (value, self->series_order);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_FROM_USER:
      g_value_set_boolean (value, self->from_user);
      break;

    case PROP_NOTE_ZH:
      g_value_set_string (value, self->note_zh);
      break;

    case PROP_CAVEAT_EN:
      g_value_set_string (value, self->caveat_en);
      break;

    case PROP_CAVEAT_ZH:
      g_value_set_string (value, self->caveat_zh);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_statistic_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AtlasStatistic *self = ATLAS_STATISTIC (object);

  switch (prop_id)
    {
    case PROP_METRIC:
      self->metric = g_value_dup_string (value);
      break;

    case PROP_VALUE:
      self->value = g_value_get_double (value);
      break;

    case PROP_QUALIFIER:
      self->qualifier = g_value_get_enum (value);
      break;

    case PROP_UNIT:
      self->unit = g_value_get_enum (value);
      break;

    case PROP_PERIOD:
      self->period = g_value_dup_string (value);
      break;

    case PROP_SCOPE:
      self->scope = g_value_dup_string (value);
      break;

    case PROP_SCOPE_LABEL_ZH:
      self->scope_label_zh = g_value_dup_string (value);
      break;

    case PROP_SCOPE_LABEL_EN:
      self->scope_label_en = g_value_dup_string (value);
      break;

    case PROP_DISTRICT:
      self->district = g_value_dup_object (value);
      break;

    case PROP_SITE:
      self->site = g_value_dup_object (value);
      break;

    case PROP_AS_OF:
      self->as_of = g_value_dup_string (value);
      break;

    case PROP_IS_TARGET:
      self->is_target = g_value_get_boolean (value);
      break;

    case PROP_SERIES_ID:
      self->series_id = g_value_dup_string (value);
      break;

    case PROP_SERIES_ORDER:
      self->series_order = g_value_get_int (value);
      break;

    case PROP_NOTE:
      self->note = g_value_dup_string (value);
      break;

    case PROP_FROM_USER:
      self->from_user = g_value_get_boolean (value);
      break;

    case PROP_NOTE_ZH:
      self->note_zh = g_value_dup_string (value);
      break;

    case PROP_CAVEAT_EN:
      self->caveat_en = g_value_dup_string (value);
      break;

    case PROP_CAVEAT_ZH:
      self->caveat_zh = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_statistic_class_init (AtlasStatisticClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AtlasItemClass *item_class = ATLAS_ITEM_CLASS (klass);

  object_class->finalize = atlas_statistic_finalize;
  object_class->get_property = atlas_statistic_get_property;
  object_class->set_property = atlas_statistic_set_property;

  item_class->entity = "statistic";

  properties[PROP_METRIC] =
    g_param_spec_string ("metric", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_QUALIFIER] =
    g_param_spec_enum ("qualifier", NULL, NULL, ATLAS_TYPE_QUALIFIER, ATLAS_QUALIFIER_NONE,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL, ATLAS_TYPE_UNIT, ATLAS_UNIT_COUNT,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PERIOD] =
    g_param_spec_string ("period", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SCOPE] =
    g_param_spec_string ("scope", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SCOPE_LABEL_ZH] =
    g_param_spec_string ("scope-label-zh", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SCOPE_LABEL_EN] =
    g_param_spec_string ("scope-label-en", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SCOPE_LABEL] =
    g_param_spec_string ("scope-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DISTRICT] =
    g_param_spec_object ("district", NULL, NULL, ATLAS_TYPE_DISTRICT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SITE] =
    g_param_spec_object ("site", NULL, NULL, ATLAS_TYPE_SITE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AS_OF] =
    g_param_spec_string ("as-of", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_IS_TARGET] =
    g_param_spec_boolean ("is-target", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SERIES_ID] =
    g_param_spec_string ("series-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SERIES_ORDER] =
    g_param_spec_int ("series-order", NULL, NULL, G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FROM_USER] =
    g_param_spec_boolean ("from-user", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTE_ZH] =
    g_param_spec_string ("note-zh", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAVEAT_EN] =
    g_param_spec_string ("caveat-en", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAVEAT_ZH] =
    g_param_spec_string ("caveat-zh", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_statistic_init (AtlasStatistic *self)
{
}

const char *
atlas_statistic_get_metric (AtlasStatistic *self)
{
  g_return_val_if_fail (ATLAS_IS_STATISTIC (self), NULL);

  return self->metric;
}

double
atlas_statistic_get_value (AtlasStatistic *self)
{
  g_return_val_if_fail (ATLAS_IS_STATISTIC (self), 0.0);

  return self->value;
}

AtlasQualifier
atlas_statistic_get_qualifier (AtlasStatistic *self)
{
  g_return_val_if_fail (ATLAS_IS_STATISTIC (self), 0);

  return self->qualifier;
}

AtlasUnit
atlas_statistic_get_unit (AtlasStatistic *self)
{
  g_return_val_if_fail (ATLAS_IS_STATISTIC (self), 0);

  return self->unit;
}

const char *
atlas_statistic_get_period (AtlasStatistic *self)
{
  g_return_val_if_fail (ATLAS_IS_STATISTIC (self), NULL);

  return self->period;
}

const char *
atlas_statistic_get_scope (AtlasStatistic *self)
{
  g_return_val_if_fail (ATLAS_IS_STATISTIC (self), NULL);

  return self->scope;
}

const char *
atlas_statistic_get_scope_label_zh (AtlasStatistic *self)
{
  g_return_val_if_fail (ATLAS_IS_STATISTIC (self), NULL);

  return self->scope_label_zh;
}

const char *
atlas_statistic_get_scope_label_en (AtlasStatistic *self)
{
  g_return_val_if_fail (ATLAS_IS_STATISTIC (self), NULL);

  return self->scope_label_en;
}

const char *
atlas_statistic_get_scope_label (AtlasStatistic *self)
{
  g_return_val_if_fail (ATLAS_IS_STATISTIC (self), NULL);

  return atlas_l10n_pick (self->scope_label_zh, self->scope_label_en);
}

AtlasDistrict *
atlas_statistic_get_district (AtlasStatistic *self)
{
  g_return_val_if_fail (ATLAS_IS_STATISTIC (self), NULL);

  return self->district;
}

AtlasSite *
atlas_statistic_get_site (AtlasStatistic *self)
{
  g_return_val_if_fail (ATLAS_IS_STATISTIC (self), NULL);

  return self->site;
}

const char *
atlas_statistic_get_as_of (AtlasStatistic *self)
{
  g_return_val_if_fail (ATLAS_IS_STATISTIC (self), NULL);

  return self->as_of;
}

gboolean
atlas_statistic_get_is_target (AtlasStatistic *self)
{
  g_return_val_if_fail (ATLAS_IS_STATISTIC (self), FALSE);

  return self->is_target;
}

const char *
atlas_statistic_get_series_id (AtlasStatistic *self)
{
  g_return_val_if_fail (ATLAS_IS_STATISTIC (self), NULL);

  return self->series_id;
}

int
atlas_statistic_get_series_order (AtlasStatistic *self)
{
  g_return_val_if_fail (ATLAS_IS_STATISTIC (self), 0);

  return self->series_order;
}

/* The note in the language of the interface (the other one when it has
 * only one).
 */
const char *
atlas_statistic_get_note (AtlasStatistic *self)
{
  g_return_val_if_fail (ATLAS_IS_STATISTIC (self), NULL);

  return atlas_l10n_pick (self->note_zh, self->note);
}

const char *
atlas_statistic_get_note_en (AtlasStatistic *self)
{
  g_return_val_if_fail (ATLAS_IS_STATISTIC (self), NULL);

  return self->note;
}

const char *
atlas_statistic_get_note_zh (AtlasStatistic *self)
{
  g_return_val_if_fail (ATLAS_IS_STATISTIC (self), NULL);

  return self->note_zh;
}

gboolean
atlas_statistic_get_from_user (AtlasStatistic *self)
{
  g_return_val_if_fail (ATLAS_IS_STATISTIC (self), FALSE);

  return self->from_user;
}

/* Where the sources disagree with each other or are unclear about this
 * record, in the language of the interface; NULL when they do not.
 */
const char *
atlas_statistic_get_caveat (AtlasStatistic *self)
{
  g_return_val_if_fail (ATLAS_IS_STATISTIC (self), NULL);

  return atlas_l10n_pick (self->caveat_zh, self->caveat_en);
}

const char *
atlas_statistic_get_caveat_en (AtlasStatistic *self)
{
  g_return_val_if_fail (ATLAS_IS_STATISTIC (self), NULL);

  return self->caveat_en;
}

const char *
atlas_statistic_get_caveat_zh (AtlasStatistic *self)
{
  g_return_val_if_fail (ATLAS_IS_STATISTIC (self), NULL);

  return self->caveat_zh;
}
