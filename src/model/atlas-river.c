/* atlas-river.c
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

#include "atlas-river.h"
#include "atlas-l10n.h"
#include "atlas-enums.h"

/* A river of the base map. */

struct _AtlasRiver
{
  AtlasItem parent_instance;

  int level;
  AtlasGeometry *geometry;
  double label_lon;
  double label_lat;
};

G_DEFINE_FINAL_TYPE (AtlasRiver, atlas_river, ATLAS_TYPE_ITEM)

enum {
  PROP_0,
  PROP_LEVEL,
  PROP_GEOMETRY,
  PROP_LABEL_LON,
  PROP_LABEL_LAT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
atlas_river_finalize (GObject *object)
{
  AtlasRiver *self = (AtlasRiver *)object;

  g_clear_pointer (&self->geometry, atlas_geometry_unref);

  G_OBJECT_CLASS (atlas_river_parent_class)->finalize (object);
}

static void
atlas_river_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AtlasRiver *self = ATLAS_RIVER (object);

  switch (prop_id)
    {
    case PROP_LEVEL:
      g_value_set_int (value, self->level);
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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_river_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AtlasRiver *self = ATLAS_RIVER (object);

  switch (prop_id)
    {
    case PROP_LEVEL:
      self->level = g_value_get_int (value);
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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_river_class_init (AtlasRiverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AtlasItemClass *item_class = ATLAS_ITEM_CLASS (klass);

  object_class->finalize = atlas_river_finalize;
  object_class->get_property = atlas_river_get_property;
  object_class->set_property = atlas_river_set_property;

  item_class->entity = "river";

  properties[PROP_LEVEL] =
    g_param_spec_int ("level", NULL, NULL, G_MININT, G_MAXINT, 0,
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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_river_init (AtlasRiver *self)
{
}

int
atlas_river_get_level (AtlasRiver *self)
{
  g_return_val_if_fail (ATLAS_IS_RIVER (self), 0);

  return self->level;
}

AtlasGeometry *
atlas_river_get_geometry (AtlasRiver *self)
{
  g_return_val_if_fail (ATLAS_IS_RIVER (self), NULL);

  return self->geometry;
}

/* Rivers drawn without a name have no label point (0, 0). */
gboolean
atlas_river_has_label (AtlasRiver *self)
{
  g_return_val_if_fail (ATLAS_IS_RIVER (self), FALSE);

  return self->label_lon != 0 || self->label_lat != 0;
}

double
atlas_river_get_label_lon (AtlasRiver *self)
{
  g_return_val_if_fail (ATLAS_IS_RIVER (self), 0.0);

  return self->label_lon;
}

double
atlas_river_get_label_lat (AtlasRiver *self)
{
  g_return_val_if_fail (ATLAS_IS_RIVER (self), 0.0);

  return self->label_lat;
}
