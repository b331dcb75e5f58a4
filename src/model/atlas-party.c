/* atlas-party.c
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

#include "atlas-party.h"
#include "atlas-l10n.h"
#include "atlas-enums.h"

/* An organisation that takes part in events. */

struct _AtlasParty
{
  AtlasItem parent_instance;

  char *kind;
};

G_DEFINE_FINAL_TYPE (AtlasParty, atlas_party, ATLAS_TYPE_ITEM)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
atlas_party_finalize (GObject *object)
{
  AtlasParty *self = (AtlasParty *)object;

  g_clear_pointer (&self->kind, g_free);

  G_OBJECT_CLASS (atlas_party_parent_class)->finalize (object);
}

static void
atlas_party_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AtlasParty *self = ATLAS_PARTY (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_party_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AtlasParty *self = ATLAS_PARTY (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_party_class_init (AtlasPartyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AtlasItemClass *item_class = ATLAS_ITEM_CLASS (klass);

  object_class->finalize = atlas_party_finalize;
  object_class->get_property = atlas_party_get_property;
  object_class->set_property = atlas_party_set_property;

  item_class->entity = "party";

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_party_init (AtlasParty *self)
{
}

const char *
atlas_party_get_kind (AtlasParty *self)
{
  g_return_val_if_fail (ATLAS_IS_PARTY (self), NULL);

  return self->kind;
}
