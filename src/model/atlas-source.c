/* atlas-source.c
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

#include "atlas-source.h"
#include "atlas-l10n.h"
#include "atlas-enums.h"
#include "atlas-model-private.h"
#include "atlas-store-query.h"

/* A source document of the dataset. */

struct _AtlasSource
{
  AtlasItem parent_instance;

  char *publisher_zh;
  char *publisher_en;
  char *published_on;
  char *kind;
  char *seed_file;
  char *note;
  guint citation_count;
  char *note_zh;
  /* Where the count is read from when first asked for (the details pane
   * shows it); NULL once it is known.  Counting every source's records
   * at start read all 100,000 citations of a large register.
   */
  AtlasStore *count_store;
};

G_DEFINE_FINAL_TYPE (AtlasSource, atlas_source, ATLAS_TYPE_ITEM)

enum {
  PROP_0,
  PROP_PUBLISHER_ZH,
  PROP_PUBLISHER_EN,
  PROP_PUBLISHER,
  PROP_PUBLISHED_ON,
  PROP_KIND,
  PROP_SEED_FILE,
  PROP_NOTE,
  PROP_CITATION_COUNT,
  PROP_NOTE_ZH,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
atlas_source_finalize (GObject *object)
{
  AtlasSource *self = (AtlasSource *)object;

  g_clear_object (&self->count_store);
  g_clear_pointer (&self->publisher_zh, g_free);
  g_clear_pointer (&self->publisher_en, g_free);
  g_clear_pointer (&self->published_on, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->seed_file, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->note_zh, g_free);

  G_OBJECT_CLASS (atlas_source_parent_class)->finalize (object);
}

static void
atlas_source_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AtlasSource *self = ATLAS_SOURCE (object);

  switch (prop_id)
    {
    case PROP_PUBLISHER_ZH:
      g_value_set_string (value, self->publisher_zh);
      break;

    case PROP_PUBLISHER_EN:
      g_value_set_string (value, self->publisher_en);
      break;

    case PROP_PUBLISHER:
      g_value_set_string (value, atlas_source_get_publisher (self));
      break;

    case PROP_PUBLISHED_ON:
      g_value_set_string (value, self->published_on);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_SEED_FILE:
      g_value_set_string (value, self->seed_file);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_CITATION_COUNT:
      g_value_set_uint (value, atlas_source_get_citation_count (self));
      break;

    case PROP_NOTE_ZH:
      g_value_set_string (value, self->note_zh);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_source_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AtlasSource *self = ATLAS_SOURCE (object);

  switch (prop_id)
    {
    case PROP_PUBLISHER_ZH:
      self->publisher_zh = g_value_dup_string (value);
      break;

    case PROP_PUBLISHER_EN:
      self->publisher_en = g_value_dup_string (value);
      break;

    case PROP_PUBLISHED_ON:
      self->published_on = g_value_dup_string (value);
      break;

    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;

    case PROP_SEED_FILE:
      self->seed_file = g_value_dup_string (value);
      break;

    case PROP_NOTE:
      self->note = g_value_dup_string (value);
      break;

    case PROP_CITATION_COUNT:
      atlas_source_set_citation_count (self, g_value_get_uint (value));
      break;

    case PROP_NOTE_ZH:
      self->note_zh = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_source_class_init (AtlasSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AtlasItemClass *item_class = ATLAS_ITEM_CLASS (klass);

  object_class->finalize = atlas_source_finalize;
  object_class->get_property = atlas_source_get_property;
  object_class->set_property = atlas_source_set_property;

  item_class->entity = "source";

  properties[PROP_PUBLISHER_ZH] =
    g_param_spec_string ("publisher-zh", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PUBLISHER_EN] =
    g_param_spec_string ("publisher-en", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PUBLISHER] =
    g_param_spec_string ("publisher", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_PUBLISHED_ON] =
    g_param_spec_string ("published-on", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SEED_FILE] =
    g_param_spec_string ("seed-file", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CITATION_COUNT] =
    g_param_spec_uint ("citation-count", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_NOTE_ZH] =
    g_param_spec_string ("note-zh", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_source_init (AtlasSource *self)
{
}

const char *
atlas_source_get_publisher_zh (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), NULL);

  return self->publisher_zh;
}

const char *
atlas_source_get_publisher_en (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), NULL);

  return self->publisher_en;
}

const char *
atlas_source_get_publisher (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), NULL);

  return atlas_l10n_pick (self->publisher_zh, self->publisher_en);
}

const char *
atlas_source_get_published_on (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), NULL);

  return self->published_on;
}

const char *
atlas_source_get_kind (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), NULL);

  return self->kind;
}

const char *
atlas_source_get_seed_file (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), NULL);

  return self->seed_file;
}

/* The note in the language of the interface (the other one when it has
 * only one).
 */
const char *
atlas_source_get_note (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), NULL);

  return atlas_l10n_pick (self->note_zh, self->note);
}

const char *
atlas_source_get_note_en (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), NULL);

  return self->note;
}

const char *
atlas_source_get_note_zh (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), NULL);

  return self->note_zh;
}

guint
atlas_source_get_citation_count (AtlasSource *self)
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasRows) rows = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ATLAS_IS_SOURCE (self), 0);

  if ((store = g_steal_pointer (&self->count_store)) == NULL)
    return self->citation_count;

  rows = atlas_store_query (store, ATLAS_QUERY_CITATION_COUNT_OF,
                            atlas_item_get_id (ATLAS_ITEM (self)), NULL, &error);
  if (rows != NULL && atlas_rows_next (rows))
    self->citation_count = atlas_rows_int (rows, 0, 0);
  if (rows == NULL || !atlas_rows_finish (rows, &error))
    g_warning ("Cannot count the records citing %s: %s",
               atlas_item_get_id (ATLAS_ITEM (self)), error->message);
  return self->citation_count;
}

/* The count is read from @store when first asked for. */
void
_atlas_source_count_citations_in (AtlasSource *self,
                                  AtlasStore  *store)
{
  g_assert (ATLAS_IS_SOURCE (self));

  g_set_object (&self->count_store, store);
}

void
atlas_source_set_citation_count (AtlasSource *self,
                                 guint citation_count)
{
  g_return_if_fail (ATLAS_IS_SOURCE (self));

  /* A count given wins over one not read yet. */
  g_clear_object (&self->count_store);
  if (self->citation_count != citation_count)
    {
      self->citation_count = citation_count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITATION_COUNT]);
    }
}
