/* atlas-item.c
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

#include <string.h>

#include "atlas-item.h"
#include "atlas-model-private.h"
#include "atlas-l10n.h"

/* The base of every record the app shows: an id, and a name in both
 * languages.  The shared selection holds an AtlasItem, whatever its kind, so
 * that any view can select and any view can show the selection.
 */

typedef struct
{
  char *id;
  char *name_zh;
  char *name_en;
  char *sort_key;           /* collation key of the name shown, made once */
  guint sort_key_chinese : 1;
  guint names_packed : 1;   /* the three strings above share id's block */
} AtlasItemPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (AtlasItem, atlas_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_NAME_ZH,
  PROP_NAME_EN,
  PROP_ENTITY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
atlas_item_finalize (GObject *object)
{
  AtlasItem *self = (AtlasItem *)object;
  AtlasItemPrivate *priv = atlas_item_get_instance_private (self);

  if (priv->names_packed)
    priv->name_zh = priv->name_en = NULL;
  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->name_zh, g_free);
  g_clear_pointer (&priv->name_en, g_free);
  g_clear_pointer (&priv->sort_key, g_free);

  G_OBJECT_CLASS (atlas_item_parent_class)->finalize (object);
}

static void
atlas_item_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AtlasItem *self = ATLAS_ITEM (object);
  AtlasItemPrivate *priv = atlas_item_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, atlas_item_get_name (self));
      break;

    case PROP_NAME_ZH:
      g_value_set_string (value, priv->name_zh);
      break;

    case PROP_NAME_EN:
      g_value_set_string (value, priv->name_en);
      break;

    case PROP_ENTITY:
      g_value_set_string (value, atlas_item_get_entity (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_item_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AtlasItem *self = ATLAS_ITEM (object);
  AtlasItemPrivate *priv = atlas_item_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_return_if_fail (priv->id == NULL);
      priv->id = g_value_dup_string (value);
      break;

    case PROP_NAME_ZH:
      g_return_if_fail (priv->name_zh == NULL);
      priv->name_zh = g_value_dup_string (value);
      break;

    case PROP_NAME_EN:
      g_return_if_fail (priv->name_en == NULL);
      priv->name_en = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_item_class_init (AtlasItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_item_finalize;
  object_class->get_property = atlas_item_get_property;
  object_class->set_property = atlas_item_set_property;

  /* Given to g_object_new() and never changed (set_property() refuses a
   * second value), but not construct properties: GObject would set each of
   * them to its default on every record made, and the dataset makes 100,000
   * sites at start without properties (_atlas_item_set_names()).
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME_ZH] =
    g_param_spec_string ("name-zh", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME_EN] =
    g_param_spec_string ("name-en", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ENTITY] =
    g_param_spec_string ("entity", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_item_init (AtlasItem *self)
{
}

const char *
atlas_item_get_id (AtlasItem *self)
{
  AtlasItemPrivate *priv = atlas_item_get_instance_private (self);

  g_return_val_if_fail (ATLAS_IS_ITEM (self), NULL);

  return priv->id;
}

/* The name in the language of the user interface. */
const char *
atlas_item_get_name (AtlasItem *self)
{
  AtlasItemPrivate *priv = atlas_item_get_instance_private (self);

  g_return_val_if_fail (ATLAS_IS_ITEM (self), NULL);

  return atlas_l10n_pick (priv->name_zh, priv->name_en);
}

/**
 * atlas_item_get_sort_key:
 *
 * The collation key of the name shown (g_utf8_collate_key()), made the
 * first time it is asked for in the interface's language and kept: a table
 * of 100,000 sites sorted by name compared keys it made anew on every
 * comparison, which was most of such a start-up.
 *
 * Returns: (transfer none): the key, to compare with strcmp()
 */
const char *
atlas_item_get_sort_key (AtlasItem *self)
{
  AtlasItemPrivate *priv = atlas_item_get_instance_private (self);
  gboolean chinese = atlas_l10n_is_chinese ();

  g_return_val_if_fail (ATLAS_IS_ITEM (self), "");

  if (priv->sort_key == NULL || priv->sort_key_chinese != chinese)
    {
      const char *name = atlas_item_get_name (self);

      g_free (priv->sort_key);
      priv->sort_key = g_utf8_collate_key (name ? name : "", -1);
      priv->sort_key_chinese = chinese;
    }
  return priv->sort_key;
}

const char *
atlas_item_get_name_zh (AtlasItem *self)
{
  AtlasItemPrivate *priv = atlas_item_get_instance_private (self);

  g_return_val_if_fail (ATLAS_IS_ITEM (self), NULL);

  return priv->name_zh;
}

const char *
atlas_item_get_name_en (AtlasItem *self)
{
  AtlasItemPrivate *priv = atlas_item_get_instance_private (self);

  g_return_val_if_fail (ATLAS_IS_ITEM (self), NULL);

  return priv->name_en;
}

const char *
atlas_item_get_entity (AtlasItem *self)
{
  g_return_val_if_fail (ATLAS_IS_ITEM (self), NULL);

  return ATLAS_ITEM_GET_CLASS (self)->entity;
}

/* For loaders that make many records at once: sets what the construct-only
 * properties would, without going through GValues (at 100,000 sites,
 * g_object_new() with properties was the larger part of loading them), and
 * in one block of memory instead of three.  Only for an item just made with
 * no id.
 */
void
_atlas_item_set_names (AtlasItem  *self,
                       const char *id,
                       const char *name_zh,
                       const char *name_en)
{
  AtlasItemPrivate *priv = atlas_item_get_instance_private (self);
  gsize id_size, zh_size, en_size;
  char *block;

  g_assert (ATLAS_IS_ITEM (self));
  g_assert (priv->id == NULL && priv->name_zh == NULL && priv->name_en == NULL);
  if (id == NULL)
    {
      /* Not in a well-formed store; kept as it came, like a property would. */
      priv->name_zh = g_strdup (name_zh);
      priv->name_en = g_strdup (name_en);
      return;
    }

  /* The block starts with the id, which finalize() frees. */
  id_size = strlen (id) + 1;
  zh_size = name_zh ? strlen (name_zh) + 1 : 0;
  en_size = name_en ? strlen (name_en) + 1 : 0;
  block = g_malloc (id_size + zh_size + en_size);
  priv->id = memcpy (block, id, id_size);
  if (name_zh != NULL)
    priv->name_zh = memcpy (block + id_size, name_zh, zh_size);
  if (name_en != NULL)
    priv->name_en = memcpy (block + id_size + zh_size, name_en, en_size);
  priv->names_packed = TRUE;
}

/* "entity:id", as atlas_store_search_key() makes it. */
char *
atlas_item_dup_key (AtlasItem *self)
{
  g_return_val_if_fail (ATLAS_IS_ITEM (self), NULL);

  return g_strconcat (atlas_item_get_entity (self), ":", atlas_item_get_id (self), NULL);
}
