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

  /* Everything but the descriptions is read from the row the site was made
   * from (AtlasSiteList makes sites on demand); the table the row lives in
   * is shared with the list and lives as long as any site made from it.
   */
  AtlasSiteTable *table;
  const AtlasSiteRow *row;
  /* Read from the store the first time they are asked for (only the details
   * pane shows them).  At 100,000 sites they were most of the records'
   * memory.
   */
  char *description_zh;
  char *description_en;
  gboolean texts_read;
};

G_DEFINE_FINAL_TYPE (AtlasSite, atlas_site, ATLAS_TYPE_ITEM)

/* A text few sites have, from the row's extras. */
#define EXTRA(field) (self->row->extras != NULL ? self->row->extras->field : NULL)

/* How many sites there are now, for the tests that prove a start makes
 * none (GObject's own count needs a GLib built for debugging).
 */
static int n_instances;

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

  g_clear_pointer (&self->description_zh, g_free);
  g_clear_pointer (&self->description_en, g_free);
  g_clear_pointer (&self->table, _atlas_site_table_unref);
  g_atomic_int_add (&n_instances, -1);

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
      g_value_set_enum (value, atlas_site_get_category (self));
      break;

    case PROP_DISTRICT:
      g_value_set_object (value, atlas_site_get_district (self));
      break;

    case PROP_LON:
      g_value_set_double (value, self->row->lon);
      break;

    case PROP_LAT:
      g_value_set_double (value, self->row->lat);
      break;

    case PROP_LOCATION_PRECISION:
      g_value_set_enum (value, atlas_site_get_location_precision (self));
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
      g_value_set_string (value, self->row->established_on);
      break;

    case PROP_NOTE:
      g_value_set_string (value, EXTRA (note));
      break;

    case PROP_FROM_USER:
      g_value_set_boolean (value, self->row->from_user);
      break;

    case PROP_NOTE_ZH:
      g_value_set_string (value, EXTRA (note_zh));
      break;

    case PROP_CAVEAT_EN:
      g_value_set_string (value, EXTRA (caveat_en));
      break;

    case PROP_CAVEAT_ZH:
      g_value_set_string (value, EXTRA (caveat_zh));
      break;

    case PROP_AREA:
      g_value_set_object (value, self->row->area);
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

  /* Read-only: sites are made by AtlasSiteList from its rows
   * (_atlas_site_new()).
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
  g_atomic_int_inc (&n_instances);
}

guint
_atlas_site_count_instances (void)
{
  return (guint) g_atomic_int_get (&n_instances);
}

AtlasSiteCategory
atlas_site_get_category (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), 0);

  return self->row->category;
}

/* The district, or NULL when the site has no point (precision area or
 * unknown).
 */
AtlasDistrict *
atlas_site_get_district (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), NULL);

  return self->row->district;
}

/* The longitude, or NAN when the site has no point. */
double
atlas_site_get_lon (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), NAN);

  return atlas_site_has_point (self) ? self->row->lon : NAN;
}

/* The latitude, or NAN when the site has no point. */
double
atlas_site_get_lat (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), NAN);

  return atlas_site_has_point (self) ? self->row->lat : NAN;
}

AtlasLocationPrecision
atlas_site_get_location_precision (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), 0);

  return self->row->location_precision;
}

/**
 * _atlas_site_new:
 * @table: the rows @row belongs to (sealed: the rows do not move)
 *
 * The site of @row; only AtlasSiteList makes sites, once per row.
 */
AtlasSite *
_atlas_site_new (AtlasSiteTable     *table,
                 const AtlasSiteRow *row)
{
  AtlasSite *self = g_object_new (ATLAS_TYPE_SITE, NULL);

  _atlas_item_set_names (ATLAS_ITEM (self), row->id, row->name_zh, row->name_en);
  self->table = _atlas_site_table_ref (table);
  self->row = row;
  return self;
}

/* The row the site was made from, for what reads sites and rows alike. */
const AtlasSiteRow *
_atlas_site_get_row (AtlasSite *self)
{
  g_assert (ATLAS_IS_SITE (self));

  return self->row;
}

/* Reads the descriptions, once.  A site held across a reload reads what the
 * store holds now under its id; one that is gone has none.
 */
static void
ensure_texts (AtlasSite *self)
{
  AtlasStore *store = _atlas_site_table_get_texts (self->table);
  g_autoptr(AtlasRows) rows = NULL;
  g_autoptr(GError) error = NULL;

  if (self->texts_read || store == NULL)
    return;
  self->texts_read = TRUE;

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

  return self->row->established_on;
}

/* The note in the language of the interface (the other one when it has
 * only one).
 */
const char *
atlas_site_get_note (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), NULL);

  return atlas_l10n_pick (EXTRA (note_zh), EXTRA (note));
}

const char *
atlas_site_get_note_en (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), NULL);

  return EXTRA (note);
}

const char *
atlas_site_get_note_zh (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), NULL);

  return EXTRA (note_zh);
}

gboolean
atlas_site_get_from_user (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), FALSE);

  return self->row->from_user;
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

  return atlas_site_row_is_active_between (self->row, first_day, last_day);
}

/* The first day anything happened to the site, or 0 when it has no dates. */
guint32
atlas_site_get_first_day (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), 0);

  return atlas_site_row_get_first_day (self->row);
}

/* Where the sources disagree with each other or are unclear about this
 * record, in the language of the interface; NULL when they do not.
 */
const char *
atlas_site_get_caveat (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), NULL);

  return atlas_l10n_pick (EXTRA (caveat_zh), EXTRA (caveat_en));
}

const char *
atlas_site_get_caveat_en (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), NULL);

  return EXTRA (caveat_en);
}

const char *
atlas_site_get_caveat_zh (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), NULL);

  return EXTRA (caveat_zh);
}

/* Whether the site has a point and a district of its own. */
gboolean
atlas_site_has_point (AtlasSite *self)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), FALSE);

  return atlas_site_row_has_point (self->row);
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

  return self->row->area;
}

/* Whether the site may lie in the district @adcode: its own district, or one
 * the area it lies in spans.  A site with no known place is in none.
 */
gboolean
atlas_site_may_be_in_district (AtlasSite *self,
                               int        adcode)
{
  g_return_val_if_fail (ATLAS_IS_SITE (self), FALSE);

  if (self->row->district != NULL)
    return atlas_district_get_adcode (self->row->district) == adcode;
  if (self->row->area != NULL)
    return atlas_area_spans_district (self->row->area, adcode);
  return FALSE;
}
