/* atlas-district.c
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

#include "atlas-district.h"
#include "atlas-l10n.h"
#include "atlas-enums.h"

/* A district or county of Chongqing, with its outline. */

struct _AtlasDistrict
{
  AtlasItem parent_instance;

  int adcode;
  AtlasDistrictKind kind;
  AtlasGeometry *geometry;
  double label_lon;
  double label_lat;
  guint site_count;
  guint event_count;
};

G_DEFINE_FINAL_TYPE (AtlasDistrict, atlas_district, ATLAS_TYPE_ITEM)

enum {
  PROP_0,
  PROP_ADCODE,
  PROP_KIND,
  PROP_GEOMETRY,
  PROP_LABEL_LON,
  PROP_LABEL_LAT,
  PROP_SITE_COUNT,
  PROP_EVENT_COUNT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
atlas_district_finalize (GObject *object)
{
  AtlasDistrict *self = (AtlasDistrict *)object;

  g_clear_pointer (&self->geometry, atlas_geometry_unref);

  G_OBJECT_CLASS (atlas_district_parent_class)->finalize (object);
}

static void
atlas_district_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtlasDistrict *self = ATLAS_DISTRICT (object);

  switch (prop_id)
    {
    case PROP_ADCODE:
      g_value_set_int (value, self->adcode);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_GEOMETRY:
      g_value_set_boxed (value, self->geometry);
      break;

    case PROP_LABEL_LON:
      g_value_set_double (value, self->label_lon);
      break;

    case PROP_LABEL_LAT:
      g_value_set_double (value, self->label_lat);
      break;

    case PROP_SITE_COUNT:
      g_value_set_uint (value, self->site_count);
      break;

    case PROP_EVENT_COUNT:
      g_value_set_uint (value, self->event_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_district_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AtlasDistrict *self = ATLAS_DISTRICT (object);

  switch (prop_id)
    {
    case PROP_ADCODE:
      self->adcode = g_value_get_int (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_GEOMETRY:
      self->geometry = g_value_dup_boxed (value);
      break;

    case PROP_LABEL_LON:
      self->label_lon = g_value_get_double (value);
      break;

    case PROP_LABEL_LAT:
      self->label_lat = g_value_get_double (value);
      break;

    case PROP_SITE_COUNT:
      atlas_district_set_site_count (self, g_value_get_uint (value));
      break;

    case PROP_EVENT_COUNT:
      atlas_district_set_event_count (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_district_class_init (AtlasDistrictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AtlasItemClass *item_class = ATLAS_ITEM_CLASS (klass);

  object_class->finalize = atlas_district_finalize;
  object_class->get_property = atlas_district_get_property;
  object_class->set_property = atlas_district_set_property;

  item_class->entity = "district";

  properties[PROP_ADCODE] =
    g_param_spec_int ("adcode", NULL, NULL, G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, ATLAS_TYPE_DISTRICT_KIND, ATLAS_DISTRICT_KIND_DISTRICT,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_GEOMETRY] =
    g_param_spec_boxed ("geometry", NULL, NULL, ATLAS_TYPE_GEOMETRY,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LABEL_LON] =
    g_param_spec_double ("label-lon", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LABEL_LAT] =
    g_param_spec_double ("label-lat", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SITE_COUNT] =
    g_param_spec_uint ("site-count", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_EVENT_COUNT] =
    g_param_spec_uint ("event-count", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_district_init (AtlasDistrict *self)
{
}

int
atlas_district_get_adcode (AtlasDistrict *self)
{
  g_return_val_if_fail (ATLAS_IS_DISTRICT (self), 0);

  return self->adcode;
}

AtlasDistrictKind
atlas_district_get_kind (AtlasDistrict *self)
{
  g_return_val_if_fail (ATLAS_IS_DISTRICT (self), 0);

  return self->kind;
}

AtlasGeometry *
atlas_district_get_geometry (AtlasDistrict *self)
{
  g_return_val_if_fail (ATLAS_IS_DISTRICT (self), NULL);

  return self->geometry;
}

double
atlas_district_get_label_lon (AtlasDistrict *self)
{
  g_return_val_if_fail (ATLAS_IS_DISTRICT (self), 0.0);

  return self->label_lon;
}

double
atlas_district_get_label_lat (AtlasDistrict *self)
{
  g_return_val_if_fail (ATLAS_IS_DISTRICT (self), 0.0);

  return self->label_lat;
}

guint
atlas_district_get_site_count (AtlasDistrict *self)
{
  g_return_val_if_fail (ATLAS_IS_DISTRICT (self), 0);

  return self->site_count;
}

guint
atlas_district_get_event_count (AtlasDistrict *self)
{
  g_return_val_if_fail (ATLAS_IS_DISTRICT (self), 0);

  return self->event_count;
}

void
atlas_district_set_site_count (AtlasDistrict *self,
                               guint site_count)
{
  g_return_if_fail (ATLAS_IS_DISTRICT (self));

  if (self->site_count != site_count)
    {
      self->site_count = site_count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SITE_COUNT]);
    }
}

void
atlas_district_set_event_count (AtlasDistrict *self,
                                guint event_count)
{
  g_return_if_fail (ATLAS_IS_DISTRICT (self));

  if (self->event_count != event_count)
    {
      self->event_count = event_count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT_COUNT]);
    }
}
