/* atlas-site.c
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

#include "atlas-site.h"
#include "atlas-area.h"
#include "atlas-l10n.h"
#include "atlas-model-private.h"
#include "atlas-district.h"
#include "atlas-enums.h"
#include "atlas-store-query.h"

/* A place in Chongqing: an institute, laboratory, park, company...
 *
 * A site is exactly as precise as its sources: with precision exact,
 * approximate or district it has a point and a district; with precision area
 * it has only the AtlasArea it lies in (no point, no district); with
 * precision unknown it has neither.  Code that draws or counts by district
 * must ask atlas_site_has_point() first.
 */

struct _AtlasSite
{
  AtlasItem parent_instance;

  AtlasSiteCategory category;
  AtlasDistrict *district;
  double lon;
  double lat;
  AtlasLocationPrecision location_precision;
  char *description_zh;
  char *description_en;
  char *established_on;
  char *note;
  gboolean from_user;
  /* Spans of days (pairs of Julian days) in which something happened to the
   * site: its founding, and the events that concern it.  The first is kept
   * here (first_span[0] == 0: none); more go to more_spans, made when needed
   * (most sites have one or none).
   */
  guint32 first_span[2];
  GArray *more_spans;
  char *note_zh;
  char *caveat_en;
  char *caveat_zh;
  AtlasArea *area;
  /* Where the descriptions are read from the first time they are asked
   * for (only the details pane shows them); NULL when they were given.  At
   * 100,000 sites they were most of the records' memory.
   */
  AtlasStore *texts;
};

G_DEFINE_FINAL_TYPE (AtlasSite, atlas_site, ATLAS_TYPE_ITEM)

enum {
  PROP_0,
  PROP_CATEGORY,
  PROP_DISTRICT,
  PROP_LON,
  PROP_LAT,
  PROP_LOCATION_PRECISION,
  PROP_DESCRIPTION_ZH,
  PROP_DESCRIPTION_EN,
  PROP_DESCRIPTION,
  PROP_ESTABLISHED_ON,
  PROP_NOTE,
  PROP_FROM_USER,
  PROP_NOTE_ZH,
  PROP_CAVEAT_EN,
  PROP_CAVEAT_ZH,
  PROP_AREA,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
atlas_site_finalize (GObject *object)
{
  AtlasSite *self = (AtlasSite *)object;

  g_clear_pointer (&self->more_spans, g_array_unref);
  g_clear_object (&self->district);
  g_clear_pointer (&self->description_zh, g_free);
  g_clear_pointer (&self->description_en, g_free);
  g_clear_pointer (&self->established_on, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->note_zh, g_free);
  g_clear_pointer (&self->caveat_en, g_free);
  g_clear_pointer (&self->caveat_zh, g_free);
  g_clear_object (&self->area);
  g_clear_object (&self->texts);

  G_OBJECT_CLASS (atlas_site_parent_class)->finalize (object);
}

static void
atlas_site_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AtlasSite *self = ATLAS_SITE (object);

  switch (prop_id)
    {
    case PROP_CATEGORY:
      g_value_set_enum (value, self->category);
      break;

    case PROP_DISTRICT:
      g_value_set_object (value, self->district);
      break;

    case PROP_LON:
      g_value_set_double (value, self->lon);
      break;

    case PROP_LAT:
      g_value_set_double (value, self->lat);
      break;

    case PROP_LOCATION_PRECISION:
      g_value_set_enum (value, self->location_precision);
      break;

    case PROP_DESCRIPTION_ZH:
      g_value_set_string (value, atlas_site_get_description_zh (self));
      break;

    case PROP_DESCRIPTION_EN:
      g_value_set_string (value, atlas_site_get_description_en (self));
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, atlas_site_get_description (self));
      break;

    case PROP_ESTABLISHED_ON:
      g_value_set_string (value, self->established_on);
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

    case PROP_AREA:
      g_value_set_object (value, self->area);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_site_class_init (AtlasSiteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AtlasItemClass *item_class = ATLAS_ITEM_CLASS (klass);

  object_class->finalize = atlas_site_finalize;
  object_class->get_property = atlas_site_get_property;

  item_class->entity = "site";

  /* Read-only: sites are made by the dataset (_atlas_site_new()), which sets
   * the fields directly.  Construct properties would be set to their
   * defaults on every g_object_new(), 100,000 times at start.
   */
  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL, ATLAS_TYPE_SITE_CATEGORY, ATLAS_SITE_CATEGORY_RESEARCH_INSTITUTE,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DISTRICT] =
    g_param_spec_object ("district", NULL, NULL, ATLAS_TYPE_DISTRICT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_LON] =
    g_param_spec_double ("lon", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_LAT] =
    g_param_spec_double ("lat", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_LOCATION_PRECISION] =
    g_param_spec_enum ("location-precision", NULL, NULL, ATLAS_TYPE_LOCATION_PRECISION, ATLAS_LOCATION_PRECISION_EXACT,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION_ZH] =
    g_param_spec_string ("description-zh", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION_EN] =
    g_param_spec_string ("description-en", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_ESTABLISHED_ON] =
    g_param_spec_string ("established-on", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_FROM_USER] =
    g_param_spec_boolean ("from-user", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTE_ZH] =
    g_param_spec_string ("note-zh", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAVEAT_EN] =
    g_param_spec_string ("caveat-en", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAVEAT_ZH] =
    g_param_spec_string ("caveat-zh", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_AREA] =
    g_param_spec_object ("area", NULL, NULL, ATLAS_TYPE_AREA,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_site_init (AtlasSite *self)
{
}

AtlasSiteCategory
atlas_site_get_category (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), 0);

  return self->category;
}

/* The district, or NULL when the site has no point (precision area or
 * unknown).
 */
AtlasDistrict *
atlas_site_get_district (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), NULL);

  return self->district;
}

/* The longitude, or NAN when the site has no point. */
double
atlas_site_get_lon (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), NAN);

  return atlas_site_has_point (self) ? self->lon : NAN;
}

/* The latitude, or NAN when the site has no point. */
double
atlas_site_get_lat (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), NAN);

  return atlas_site_has_point (self) ? self->lat : NAN;
}

AtlasLocationPrecision
atlas_site_get_location_precision (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), 0);

  return self->location_precision;
}

/**
 * _atlas_site_new:
 * @texts: (nullable): the store to read the descriptions from when they are
 *   first asked for
 *
 * A site as AtlasDataset loads it: the fields are set directly, not through
 * construct properties.
 */
AtlasSite *
_atlas_site_new (const AtlasSiteFields *fields,
                 AtlasStore            *texts)
{
  AtlasSite *self = g_object_new (ATLAS_TYPE_SITE, NULL);

  _atlas_item_set_names (ATLAS_ITEM (self), fields->id, fields->name_zh, fields->name_en);
  self->category = fields->category;
  self->district = fields->district ? g_object_ref (fields->district) : NULL;
  self->lon = fields->lon;
  self->lat = fields->lat;
  self->location_precision = fields->location_precision;
  self->established_on = g_strdup (fields->established_on);
  self->note = g_strdup (fields->note);
  self->note_zh = g_strdup (fields->note_zh);
  self->caveat_en = g_strdup (fields->caveat_en);
  self->caveat_zh = g_strdup (fields->caveat_zh);
  self->from_user = fields->from_user;
  self->area = fields->area ? g_object_ref (fields->area) : NULL;
  self->texts = texts ? g_object_ref (texts) : NULL;

  return self;
}

/* Reads the descriptions, once.  A site held across a reload reads what the
 * store holds now under its id; one that is gone has none.
 */
static void
ensure_texts (AtlasSite *self)
{
  g_autoptr(AtlasStore) store = g_steal_pointer (&self->texts);
  g_autoptr(AtlasRows) rows = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return;

  rows = atlas_store_query (store, ATLAS_QUERY_SITE_TEXTS,
                            atlas_item_get_id (ATLAS_ITEM (self)), NULL, &error);
  if (rows != NULL && atlas_rows_next (rows))
    {
      self->description_zh = g_strdup (atlas_rows_text (rows, 0));
      self->description_en = g_strdup (atlas_rows_text (rows, 1));
    }
  if (rows == NULL || !atlas_rows_finish (rows, &error))
    g_warning ("Cannot read the description of site %s: %s",
               atlas_item_get_id (ATLAS_ITEM (self)), error->message);
}

const char *
atlas_site_get_description_zh (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), NULL);

  ensure_texts (self);
  return self->description_zh;
}

const char *
atlas_site_get_description_en (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), NULL);

  ensure_texts (self);
  return self->description_en;
}

const char *
atlas_site_get_description (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), NULL);

  ensure_texts (self);
  return atlas_l10n_pick (self->description_zh, self->description_en);
}

const char *
atlas_site_get_established_on (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), NULL);

  return self->established_on;
}

/* The note in the language of the interface (the other one when it has
 * only one).
 */
const char *
atlas_site_get_note (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), NULL);

  return atlas_l10n_pick (self->note_zh, self->note);
}

const char *
atlas_site_get_note_en (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), NULL);

  return self->note;
}

const char *
atlas_site_get_note_zh (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), NULL);

  return self->note_zh;
}

gboolean
atlas_site_get_from_user (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), FALSE);

  return self->from_user;
}

void
_atlas_site_add_span (AtlasSite *self,
                      guint32    first_day,
                      guint32    last_day)
{
  g_assert (ATLAS_IS_SITE (self));

  if (self->first_span[0] == 0)
    {
      /* Julian days are far above 0: 0 can mean "none". */
      self->first_span[0] = MAX (first_day, 1);
      self->first_span[1] = last_day;
      return;
    }
  if (self->more_spans == NULL)
    self->more_spans = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 2);
  g_array_append_val (self->more_spans, first_day);
  g_array_append_val (self->more_spans, last_day);
}

/* Whether anything dated happened to the site between the two days
 * (inclusive); a site with no dates never is.
 */
gboolean
atlas_site_is_active_between (AtlasSite *self,
                              guint32    first_day,
                              guint32    last_day)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), FALSE);

  if (self->first_span[0] != 0 && self->first_span[0] <= last_day && self->first_span[1] >= first_day)
    return TRUE;
  for (guint i = 0; self->more_spans != NULL && i + 1 < self->more_spans->len; i += 2)
    {
      guint32 a = g_array_index (self->more_spans, guint32, i);
      guint32 b = g_array_index (self->more_spans, guint32, i + 1);

      if (a <= last_day && b >= first_day)
        return TRUE;
    }
  return FALSE;
}

/* The first day anything happened to the site, or 0 when it has no dates. */
guint32
atlas_site_get_first_day (AtlasSite *self)
{
  guint32 first = 0;

  g_return_val_if_fail (ATLAS_IS_SITE (self), 0);

  first = self->first_span[0];
  for (guint i = 0; self->more_spans != NULL && i < self->more_spans->len; i += 2)
    {
      guint32 a = g_array_index (self->more_spans, guint32, i);

      if (first == 0 || a < first)
        first = a;
    }
  return first;
}

/* Where the sources disagree with each other or are unclear about this
 * record, in the language of the interface; NULL when they do not.
 */
const char *
atlas_site_get_caveat (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), NULL);

  return atlas_l10n_pick (self->caveat_zh, self->caveat_en);
}

const char *
atlas_site_get_caveat_en (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), NULL);

  return self->caveat_en;
}

const char *
atlas_site_get_caveat_zh (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), NULL);

  return self->caveat_zh;
}

/* Whether the site has a point and a district of its own. */
gboolean
atlas_site_has_point (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), FALSE);

  return atlas_location_precision_has_point (self->location_precision) && self->district != NULL;
}

/**
 * atlas_site_get_area:
 *
 * Returns: (transfer none) (nullable): the multi-district zone that a site of
 *   precision area lies in, or NULL
 */
AtlasArea *
atlas_site_get_area (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), NULL);

  return self->area;
}

/* Whether the site may lie in the district @adcode: its own district, or one
 * the area it lies in spans.  A site with no known place is in none.
 */
gboolean
atlas_site_may_be_in_district (AtlasSite *self,
                               int        adcode)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), FALSE);

  if (self->district != NULL)
    return atlas_district_get_adcode (self->district) == adcode;
  if (self->area != NULL)
    return atlas_area_spans_district (self->area, adcode);
  return FALSE;
}
