/* atlas-citation.c
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

#include "atlas-citation.h"
#include "atlas-source.h"

/* Where a record comes from: a source document and a passage quoted from it,
 * verbatim in Chinese, with our English gloss of the passage (which the UI
 * marks as our translation, never as the source's words).
 */

struct _AtlasCitation
{
  GObject      parent_instance;

  char        *entity;
  char        *entity_id;
  AtlasSource *source;
  char        *quote;
  char        *quote_en;     /* our English gloss of the quote */
};

G_DEFINE_FINAL_TYPE (AtlasCitation, atlas_citation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENTITY,
  PROP_ENTITY_ID,
  PROP_SOURCE,
  PROP_QUOTE,
  PROP_QUOTE_EN,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
atlas_citation_dispose (GObject *object)
{
  AtlasCitation *self = (AtlasCitation *)object;

  g_clear_object (&self->source);

  G_OBJECT_CLASS (atlas_citation_parent_class)->dispose (object);
}

static void
atlas_citation_finalize (GObject *object)
{
  AtlasCitation *self = (AtlasCitation *)object;

  g_clear_pointer (&self->entity, g_free);
  g_clear_pointer (&self->entity_id, g_free);
  g_clear_pointer (&self->quote, g_free);
  g_clear_pointer (&self->quote_en, g_free);

  G_OBJECT_CLASS (atlas_citation_parent_class)->finalize (object);
}

static void
atlas_citation_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AtlasCitation *self = ATLAS_CITATION (object);

  switch (prop_id)
    {
    case PROP_ENTITY:
      g_value_set_string (value, self->entity);
      break;

    case PROP_ENTITY_ID:
      g_value_set_string (value, self->entity_id);
      break;

    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;

    case PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;

    case PROP_QUOTE_EN:
      g_value_set_string (value, self->quote_en);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_citation_class_init (AtlasCitationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_citation_dispose;
  object_class->finalize = atlas_citation_finalize;
  object_class->get_property = atlas_citation_get_property;

  properties[PROP_ENTITY] =
    g_param_spec_string ("entity", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ENTITY_ID] =
    g_param_spec_string ("entity-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL, G_TYPE_OBJECT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_QUOTE] =
    g_param_spec_string ("quote", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_QUOTE_EN] =
    g_param_spec_string ("quote-en", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_citation_init (AtlasCitation *self)
{
}

AtlasCitation *
atlas_citation_new (const char  *entity,
                    const char  *entity_id,
                    AtlasSource *source,
                    const char  *quote,
                    const char  *quote_en)
{
  AtlasCitation *self;

  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (entity_id != NULL, NULL);
  g_return_val_if_fail (ATLAS_IS_SOURCE (source), NULL);

  self = g_object_new (ATLAS_TYPE_CITATION, NULL);
  self->entity = g_strdup (entity);
  self->entity_id = g_strdup (entity_id);
  self->source = g_object_ref (source);
  self->quote = g_strdup (quote);
  self->quote_en = g_strdup (quote_en);
  return self;
}

const char *
atlas_citation_get_entity (AtlasCitation *self)
{
  g_return_val_if_fail (ATLAS_IS_CITATION (self), NULL);

  return self->entity;
}

const char *
atlas_citation_get_entity_id (AtlasCitation *self)
{
  g_return_val_if_fail (ATLAS_IS_CITATION (self), NULL);

  return self->entity_id;
}

AtlasSource *
atlas_citation_get_source (AtlasCitation *self)
{
  g_return_val_if_fail (ATLAS_IS_CITATION (self), NULL);

  return self->source;
}

const char *
atlas_citation_get_quote (AtlasCitation *self)
{
  g_return_val_if_fail (ATLAS_IS_CITATION (self), NULL);

  return self->quote;
}

/* Our English gloss of the quote, or NULL (records the user imported may
 * have none).
 */
const char *
atlas_citation_get_quote_en (AtlasCitation *self)
{
  g_return_val_if_fail (ATLAS_IS_CITATION (self), NULL);

  return self->quote_en;
}
