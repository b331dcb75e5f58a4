/* atlas-area.c
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

#include "atlas-area.h"
#include "atlas-district.h"
#include "atlas-l10n.h"
#include "atlas-model-private.h"

/* A named zone that spans several districts: the Western (Chongqing) Science
 * City, Liangjiang New Area...  A site the sources place only "in the Science
 * City" has precision area and this area instead of a point and a district,
 * so that nothing on screen is more precise than its sources: the map shows
 * the area's districts, a district filter treats such a site as "in one of
 * these districts", the Sites table names the area.
 */

struct _AtlasArea
{
  AtlasItem   parent_instance;

  char       *description_zh;
  char       *description_en;
  char       *note_zh;
  char       *note_en;
  GListStore *districts;     /* AtlasDistrict, in adcode order */
  guint       site_count;
};

G_DEFINE_FINAL_TYPE (AtlasArea, atlas_area, ATLAS_TYPE_ITEM)

enum {
  PROP_0,
  PROP_DESCRIPTION,
  PROP_NOTE,
  PROP_SITE_COUNT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
atlas_area_dispose (GObject *object)
{
  AtlasArea *self = (AtlasArea *)object;

  g_clear_object (&self->districts);

  G_OBJECT_CLASS (atlas_area_parent_class)->dispose (object);
}

static void
atlas_area_finalize (GObject *object)
{
  AtlasArea *self = (AtlasArea *)object;

  g_clear_pointer (&self->description_zh, g_free);
  g_clear_pointer (&self->description_en, g_free);
  g_clear_pointer (&self->note_zh, g_free);
  g_clear_pointer (&self->note_en, g_free);

  G_OBJECT_CLASS (atlas_area_parent_class)->finalize (object);
}

static void
atlas_area_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AtlasArea *self = ATLAS_AREA (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      g_value_set_string (value, atlas_area_get_description (self));
      break;

    case PROP_NOTE:
      g_value_set_string (value, atlas_area_get_note (self));
      break;

    case PROP_SITE_COUNT:
      g_value_set_uint (value, self->site_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_area_class_init (AtlasAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AtlasItemClass *item_class = ATLAS_ITEM_CLASS (klass);

  object_class->dispose = atlas_area_dispose;
  object_class->finalize = atlas_area_finalize;
  object_class->get_property = atlas_area_get_property;

  item_class->entity = "area";

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SITE_COUNT] =
    g_param_spec_uint ("site-count", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_area_init (AtlasArea *self)
{
  self->districts = g_list_store_new (ATLAS_TYPE_DISTRICT);
}

AtlasArea *
atlas_area_new (const char *id,
                const char *name_zh,
                const char *name_en)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (ATLAS_TYPE_AREA,
                       "id", id,
                       "name-zh", name_zh,
                       "name-en", name_en,
                       NULL);
}

/* Sets the texts the dataset reads after the area is made. */
void
atlas_area_set_texts (AtlasArea  *self,
                      const char *description_zh,
                      const char *description_en,
                      const char *note_zh,
                      const char *note_en)
{
  g_return_if_fail (ATLAS_IS_AREA (self));

  g_free (self->description_zh);
  self->description_zh = g_strdup (description_zh);
  g_free (self->description_en);
  self->description_en = g_strdup (description_en);
  g_free (self->note_zh);
  self->note_zh = g_strdup (note_zh);
  g_free (self->note_en);
  self->note_en = g_strdup (note_en);
}

const char *
atlas_area_get_description (AtlasArea *self)
{
  g_return_val_if_fail (ATLAS_IS_AREA (self), NULL);

  return atlas_l10n_pick (self->description_zh, self->description_en);
}

/* How the area's districts are known (not from the sources, usually). */
const char *
atlas_area_get_note (AtlasArea *self)
{
  g_return_val_if_fail (ATLAS_IS_AREA (self), NULL);

  return atlas_l10n_pick (self->note_zh, self->note_en);
}

const char *
atlas_area_get_note_en (AtlasArea *self)
{
  g_return_val_if_fail (ATLAS_IS_AREA (self), NULL);

  return self->note_en;
}

const char *
atlas_area_get_note_zh (AtlasArea *self)
{
  g_return_val_if_fail (ATLAS_IS_AREA (self), NULL);

  return self->note_zh;
}

/**
 * atlas_area_get_districts:
 *
 * Returns: (transfer none): the #AtlasDistrict list the area spans
 */
GListModel *
atlas_area_get_districts (AtlasArea *self)
{
  g_return_val_if_fail (ATLAS_IS_AREA (self), NULL);

  return G_LIST_MODEL (self->districts);
}

guint
atlas_area_get_n_districts (AtlasArea *self)
{
  g_return_val_if_fail (ATLAS_IS_AREA (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->districts));
}

/**
 * atlas_area_get_district:
 *
 * Returns: (transfer none) (nullable): the district at @position
 */
AtlasDistrict *
atlas_area_get_district (AtlasArea *self,
                         guint      position)
{
  g_autoptr(AtlasDistrict) district = NULL;

  g_return_val_if_fail (ATLAS_IS_AREA (self), NULL);

  /* The store keeps its own reference: returning a borrowed one is safe. */
  district = g_list_model_get_item (G_LIST_MODEL (self->districts), position);
  return district;
}

gboolean
atlas_area_spans_district (AtlasArea *self,
                           int        adcode)
{
  guint n;

  g_return_val_if_fail (ATLAS_IS_AREA (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->districts));
  for (guint i = 0; i < n; i++)
    if (atlas_district_get_adcode (atlas_area_get_district (self, i)) == adcode)
      return TRUE;
  return FALSE;
}

/* The number of sites of precision area in this area (set by the dataset). */
void
atlas_area_set_site_count (AtlasArea *self,
                           guint      count)
{
  g_return_if_fail (ATLAS_IS_AREA (self));

  if (self->site_count == count)
    return;
  self->site_count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SITE_COUNT]);
}

guint
atlas_area_get_site_count (AtlasArea *self)
{
  g_return_val_if_fail (ATLAS_IS_AREA (self), 0);

  return self->site_count;
}

void
_atlas_area_add_district (AtlasArea     *self,
                          AtlasDistrict *district)
{
  g_assert (ATLAS_IS_AREA (self));
  g_assert (ATLAS_IS_DISTRICT (district));

  g_list_store_append (self->districts, district);
}
