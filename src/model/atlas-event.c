/* atlas-event.c
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

#include "atlas-event.h"
#include "atlas-l10n.h"
#include "atlas-model-private.h"
#include "atlas-district.h"
#include "atlas-party.h"
#include "atlas-site.h"
#include "atlas-enums.h"

/* A dated event: an agreement, signing, founding, conference or milestone. */

struct _AtlasEvent
{
  AtlasItem parent_instance;

  char *date;
  AtlasDatePrecision date_precision;
  AtlasEventKind kind;
  char *summary_zh;
  char *summary_en;
  double amount_cny;
  int project_count;
  AtlasSite *place;
  AtlasDistrict *district;
  char *note;
  gboolean from_user;
  guint32 first_day;
  guint32 last_day;
  GPtrArray *parties;      /* AtlasParty */
  GPtrArray *party_roles;  /* char* */
  GPtrArray *sites;        /* AtlasSite */
  GPtrArray *site_roles;   /* char* */
  char *note_zh;
  char *caveat_en;
  char *caveat_zh;
  AtlasQualifier amount_qualifier;
  gboolean figures_planned;
};

G_DEFINE_FINAL_TYPE (AtlasEvent, atlas_event, ATLAS_TYPE_ITEM)

enum {
  PROP_0,
  PROP_DATE,
  PROP_DATE_PRECISION,
  PROP_KIND,
  PROP_SUMMARY_ZH,
  PROP_SUMMARY_EN,
  PROP_SUMMARY,
  PROP_AMOUNT_CNY,
  PROP_PROJECT_COUNT,
  PROP_PLACE,
  PROP_DISTRICT,
  PROP_NOTE,
  PROP_FROM_USER,
  PROP_NOTE_ZH,
  PROP_CAVEAT_EN,
  PROP_CAVEAT_ZH,
  PROP_AMOUNT_QUALIFIER,
  PROP_FIGURES_PLANNED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
atlas_event_finalize (GObject *object)
{
  AtlasEvent *self = (AtlasEvent *)object;

  g_clear_pointer (&self->parties, g_ptr_array_unref);
  g_clear_pointer (&self->party_roles, g_ptr_array_unref);
  g_clear_pointer (&self->sites, g_ptr_array_unref);
  g_clear_pointer (&self->site_roles, g_ptr_array_unref);
  g_clear_object (&self->district);
  g_clear_object (&self->place);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->summary_zh, g_free);
  g_clear_pointer (&self->summary_en, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->note_zh, g_free);
  g_clear_pointer (&self->caveat_en, g_free);
  g_clear_pointer (&self->caveat_zh, g_free);

  G_OBJECT_CLASS (atlas_event_parent_class)->finalize (object);
}

static void
atlas_event_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AtlasEvent *self = ATLAS_EVENT (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_DATE_PRECISION:
      g_value_set_enum (value, self->date_precision);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_SUMMARY_ZH:
      g_value_set_string (value, self->summary_zh);
      break;

    case PROP_SUMMARY_EN:
      g_value_set_string (value, self->summary_en);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, atlas_event_get_summary (self));
      break;

    case PROP_AMOUNT_CNY:
      g_value_set_double (value, isnan (self->amount_cny) ? -1 : self->amount_cny);
      break;

    case PROP_PROJECT_COUNT:
      g_value_set_int (value, self->project_count);
      break;

    case PROP_PLACE:
      g_value_set_object (value, self->place);
      break;

    case PROP_DISTRICT:
      g_value_set_object (value, self->district);
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

    case PROP_AMOUNT_QUALIFIER:
      g_value_set_enum (value, self->amount_qualifier);
      break;

    case PROP_FIGURES_PLANNED:
      g_value_set_boolean (value, self->figures_planned);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_event_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AtlasEvent *self = ATLAS_EVENT (object);

  switch (prop_id)
    {
    case PROP_DATE:
      self->date = g_value_dup_string (value);
      break;

    case PROP_DATE_PRECISION:
      self->date_precision = g_value_get_enum (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_SUMMARY_ZH:
      self->summary_zh = g_value_dup_string (value);
      break;

    case PROP_SUMMARY_EN:
      self->summary_en = g_value_dup_string (value);
      break;

    case PROP_AMOUNT_CNY:
      /* A property cannot hold NaN; -1 stands for "no amount given". */
      self->amount_cny = g_value_get_double (value) < 0 ? NAN : g_value_get_double (value);
      break;

    case PROP_PROJECT_COUNT:
      self->project_count = g_value_get_int (value);
      break;

    case PROP_PLACE:
      self->place = g_value_dup_object (value);
      break;

    case PROP_DISTRICT:
      self->district = g_value_dup_object (value);
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

    case PROP_AMOUNT_QUALIFIER:
      self->amount_qualifier = g_value_get_enum (value);
      break;

    case PROP_FIGURES_PLANNED:
      self->figures_planned = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_event_class_init (AtlasEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AtlasItemClass *item_class = ATLAS_ITEM_CLASS (klass);

  object_class->finalize = atlas_event_finalize;
  object_class->get_property = atlas_event_get_property;
  object_class->set_property = atlas_event_set_property;

  item_class->entity = "event";

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DATE_PRECISION] =
    g_param_spec_enum ("date-precision", NULL, NULL, ATLAS_TYPE_DATE_PRECISION, ATLAS_DATE_PRECISION_DAY,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, ATLAS_TYPE_EVENT_KIND, ATLAS_EVENT_KIND_AGREEMENT,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SUMMARY_ZH] =
    g_param_spec_string ("summary-zh", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SUMMARY_EN] =
    g_param_spec_string ("summary-en", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_AMOUNT_CNY] =
    g_param_spec_double ("amount-cny", NULL, NULL, -1, G_MAXDOUBLE, -1,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PROJECT_COUNT] =
    g_param_spec_int ("project-count", NULL, NULL, G_MININT, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PLACE] =
    g_param_spec_object ("place", NULL, NULL, ATLAS_TYPE_SITE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DISTRICT] =
    g_param_spec_object ("district", NULL, NULL, ATLAS_TYPE_DISTRICT,
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

  properties[PROP_AMOUNT_QUALIFIER] =
    g_param_spec_enum ("amount-qualifier", NULL, NULL, ATLAS_TYPE_QUALIFIER, ATLAS_QUALIFIER_NONE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FIGURES_PLANNED] =
    g_param_spec_boolean ("figures-planned", NULL, NULL, FALSE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_event_init (AtlasEvent *self)
{
  self->parties = g_ptr_array_new_with_free_func (g_object_unref);
  self->party_roles = g_ptr_array_new_with_free_func (g_free);
  self->sites = g_ptr_array_new_with_free_func (g_object_unref);
  self->site_roles = g_ptr_array_new_with_free_func (g_free);
}

const char *
atlas_event_get_date (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);

  return self->date;
}

AtlasDatePrecision
atlas_event_get_date_precision (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), 0);

  return self->date_precision;
}

AtlasEventKind
atlas_event_get_kind (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), 0);

  return self->kind;
}

const char *
atlas_event_get_summary_zh (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);

  return self->summary_zh;
}

const char *
atlas_event_get_summary_en (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);

  return self->summary_en;
}

const char *
atlas_event_get_summary (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);

  return atlas_l10n_pick (self->summary_zh, self->summary_en);
}

double
atlas_event_get_amount_cny (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), 0.0);

  return self->amount_cny;
}

int
atlas_event_get_project_count (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), 0);

  return self->project_count;
}

AtlasSite *
atlas_event_get_place (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);

  return self->place;
}

AtlasDistrict *
atlas_event_get_district (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);

  return self->district;
}

/* The note in the language of the interface (the other one when it has
 * only one).
 */
const char *
atlas_event_get_note (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);

  return atlas_l10n_pick (self->note_zh, self->note);
}

const char *
atlas_event_get_note_en (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);

  return self->note;
}

const char *
atlas_event_get_note_zh (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);

  return self->note_zh;
}

gboolean
atlas_event_get_from_user (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), FALSE);

  return self->from_user;
}

static void
atlas_event_compute_days (AtlasEvent *self)
{
  AtlasDate date;

  if (self->date != NULL && atlas_date_parse (self->date, &date, NULL))
    {
      self->first_day = atlas_date_get_first_day (&date);
      self->last_day = atlas_date_get_last_day (&date);
    }
}

/* The first and last day the event's date can mean: a date known to the
 * month spans the month, not a false exact day.
 */
guint32
atlas_event_get_first_day (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), 0);

  if (self->first_day == 0)
    atlas_event_compute_days (self);
  return self->first_day;
}

guint32
atlas_event_get_last_day (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), 0);

  if (self->last_day == 0)
    atlas_event_compute_days (self);
  return self->last_day;
}

void
_atlas_event_add_party (AtlasEvent *self,
                        AtlasParty *party,
                        const char *role)
{
  g_assert (ATLAS_IS_EVENT (self));

  g_ptr_array_add (self->parties, g_object_ref (party));
  g_ptr_array_add (self->party_roles, g_strdup (role));
}

void
_atlas_event_add_site (AtlasEvent *self,
                       AtlasSite  *site,
                       const char *role)
{
  g_assert (ATLAS_IS_EVENT (self));

  g_ptr_array_add (self->sites, g_object_ref (site));
  g_ptr_array_add (self->site_roles, g_strdup (role));
}

guint
atlas_event_get_n_parties (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), 0);

  return self->parties->len;
}

/**
 * atlas_event_get_party:
 * @role: (out) (optional): "signatory", "organizer", ...
 */
AtlasParty *
atlas_event_get_party (AtlasEvent  *self,
                       guint        index,
                       const char **role)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);
  g_return_val_if_fail (index < self->parties->len, NULL);

  if (role)
    *role = g_ptr_array_index (self->party_roles, index);
  return g_ptr_array_index (self->parties, index);
}

guint
atlas_event_get_n_sites (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), 0);

  return self->sites->len;
}

/**
 * atlas_event_get_site:
 * @role: (out) (optional): "venue" or "subject"
 */
AtlasSite *
atlas_event_get_site (AtlasEvent  *self,
                      guint        index,
                      const char **role)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);
  g_return_val_if_fail (index < self->sites->len, NULL);

  if (role)
    *role = g_ptr_array_index (self->site_roles, index);
  return g_ptr_array_index (self->sites, index);
}

/* Where the sources disagree with each other or are unclear about this
 * record, in the language of the interface; NULL when they do not.
 */
const char *
atlas_event_get_caveat (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);

  return atlas_l10n_pick (self->caveat_zh, self->caveat_en);
}

const char *
atlas_event_get_caveat_en (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);

  return self->caveat_en;
}

const char *
atlas_event_get_caveat_zh (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), NULL);

  return self->caveat_zh;
}

/* The qualifier of the amount: "超100亿元" is over 10 billion yuan. */
AtlasQualifier
atlas_event_get_amount_qualifier (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), ATLAS_QUALIFIER_NONE);

  return self->amount_qualifier;
}

/* Whether the amount and the project count are plans or targets (拟, 计划,
 * 目标) rather than what was done.
 */
gboolean
atlas_event_get_figures_planned (AtlasEvent *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT (self), FALSE);

  return self->figures_planned;
}
