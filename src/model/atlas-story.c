/* atlas-story.c
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

#include <glib/gi18n.h>

#include "atlas-citation.h"
#include "atlas-dataset.h"
#include "atlas-item.h"
#include "atlas-l10n.h"
#include "atlas-source.h"
#include "atlas-story.h"

/* A story: a titled sequence of steps, told in presentation mode and printed
 * as a handout.  Bundled stories come with the program; the user's own (and
 * the user's edits of bundled ones) live in the user database, see
 * AtlasStories.  A story reads and writes itself as the JSON of a story file:
 * {"id", "title_zh", "title_en", "steps": [step, ...]}.
 */

struct _AtlasStory
{
  GObject     parent_instance;

  char       *id;
  char       *title_zh;
  char       *title_en;
  gboolean    bundled;
  GListStore *steps;
};

G_DEFINE_FINAL_TYPE (AtlasStory, atlas_story, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_TITLE_ZH,
  PROP_TITLE_EN,
  PROP_BUNDLED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
atlas_story_dispose (GObject *object)
{
  AtlasStory *self = (AtlasStory *)object;

  g_clear_object (&self->steps);

  G_OBJECT_CLASS (atlas_story_parent_class)->dispose (object);
}

static void
atlas_story_finalize (GObject *object)
{
  AtlasStory *self = (AtlasStory *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title_zh, g_free);
  g_clear_pointer (&self->title_en, g_free);

  G_OBJECT_CLASS (atlas_story_parent_class)->finalize (object);
}

static void
atlas_story_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AtlasStory *self = ATLAS_STORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, atlas_story_get_title (self));
      break;

    case PROP_TITLE_ZH:
      g_value_set_string (value, self->title_zh);
      break;

    case PROP_TITLE_EN:
      g_value_set_string (value, self->title_en);
      break;

    case PROP_BUNDLED:
      g_value_set_boolean (value, self->bundled);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_story_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AtlasStory *self = ATLAS_STORY (object);

  switch (prop_id)
    {
    case PROP_TITLE_ZH:
      atlas_story_set_title_zh (self, g_value_get_string (value));
      break;

    case PROP_TITLE_EN:
      atlas_story_set_title_en (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_story_class_init (AtlasStoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_story_dispose;
  object_class->finalize = atlas_story_finalize;
  object_class->get_property = atlas_story_get_property;
  object_class->set_property = atlas_story_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE_ZH] =
    g_param_spec_string ("title-zh", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE_EN] =
    g_param_spec_string ("title-en", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUNDLED] =
    g_param_spec_boolean ("bundled", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_story_init (AtlasStory *self)
{
  self->steps = g_list_store_new (ATLAS_TYPE_STORY_STEP);
  self->title_zh = g_strdup ("");
  self->title_en = g_strdup ("");
}

AtlasStory *
atlas_story_new (const char *id,
                 const char *title_zh,
                 const char *title_en)
{
  AtlasStory *self;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  self = g_object_new (ATLAS_TYPE_STORY, NULL);
  self->id = g_strdup (id);
  atlas_story_set_title_zh (self, title_zh);
  atlas_story_set_title_en (self, title_en);
  return self;
}

AtlasStory *
atlas_story_new_from_json (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(AtlasStory) self = NULL;
  JsonObject *object;
  JsonArray *steps = NULL;
  const char *id;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("A story must be a JSON object"));
      return NULL;
    }

  object = json_node_get_object (node);
  id = json_object_get_string_member_with_default (object, "id", NULL);
  if (json_object_has_member (object, "steps"))
    steps = json_object_get_array_member (object, "steps");
  if (id == NULL || *id == '\0' || steps == NULL)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("A story needs an “id” and a list of “steps”"));
      return NULL;
    }

  self = atlas_story_new (id,
                          json_object_get_string_member_with_default (object, "title_zh", ""),
                          json_object_get_string_member_with_default (object, "title_en", ""));

  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      g_autoptr(AtlasStoryStep) step = NULL;

      step = atlas_story_step_new_from_json (json_array_get_element (steps, i), error);
      if (step == NULL)
        {
          g_prefix_error (error, _("Step %u: "), i + 1);
          return NULL;
        }
      g_list_store_append (self->steps, step);
    }

  return g_steal_pointer (&self);
}

/**
 * atlas_story_to_json:
 *
 * Returns: (transfer full): the story as a story file's JSON
 */
JsonNode *
atlas_story_to_json (AtlasStory *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n;

  g_return_val_if_fail (ATLAS_IS_STORY (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, self->id);
  json_builder_set_member_name (builder, "title_zh");
  json_builder_add_string_value (builder, self->title_zh);
  json_builder_set_member_name (builder, "title_en");
  json_builder_add_string_value (builder, self->title_en);
  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->steps));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasStoryStep) step = g_list_model_get_item (G_LIST_MODEL (self->steps), i);

      json_builder_add_value (builder, atlas_story_step_to_json (step));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

const char *
atlas_story_get_id (AtlasStory *self)
{
  g_return_val_if_fail (ATLAS_IS_STORY (self), NULL);

  return self->id;
}

void
atlas_story_set_id (AtlasStory *self,
                    const char *id)
{
  g_return_if_fail (ATLAS_IS_STORY (self));
  g_return_if_fail (id != NULL && *id != '\0');

  if (g_strcmp0 (self->id, id) == 0)
    return;
  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
atlas_story_get_title (AtlasStory *self)
{
  g_return_val_if_fail (ATLAS_IS_STORY (self), NULL);

  return atlas_l10n_pick (self->title_zh, self->title_en);
}

const char *
atlas_story_get_title_zh (AtlasStory *self)
{
  g_return_val_if_fail (ATLAS_IS_STORY (self), NULL);

  return self->title_zh;
}

const char *
atlas_story_get_title_en (AtlasStory *self)
{
  g_return_val_if_fail (ATLAS_IS_STORY (self), NULL);

  return self->title_en;
}

static void
set_title (AtlasStory  *self,
           char       **field,
           const char  *value,
           GParamSpec  *pspec)
{
  if (g_strcmp0 (*field, value ? value : "") == 0)
    return;
  g_free (*field);
  *field = g_strdup (value ? value : "");
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
atlas_story_set_title_zh (AtlasStory *self,
                          const char *title)
{
  g_return_if_fail (ATLAS_IS_STORY (self));

  set_title (self, &self->title_zh, title, properties[PROP_TITLE_ZH]);
}

void
atlas_story_set_title_en (AtlasStory *self,
                          const char *title)
{
  g_return_if_fail (ATLAS_IS_STORY (self));

  set_title (self, &self->title_en, title, properties[PROP_TITLE_EN]);
}

/* Whether the story comes from the program (its file in the resource). */
gboolean
atlas_story_get_bundled (AtlasStory *self)
{
  g_return_val_if_fail (ATLAS_IS_STORY (self), FALSE);

  return self->bundled;
}

void
atlas_story_set_bundled (AtlasStory *self,
                         gboolean    bundled)
{
  g_return_if_fail (ATLAS_IS_STORY (self));

  bundled = !!bundled;
  if (self->bundled != bundled)
    {
      self->bundled = bundled;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUNDLED]);
    }
}

/**
 * atlas_story_get_steps:
 *
 * Returns: (transfer none): the steps, a GListModel of AtlasStoryStep
 */
GListModel *
atlas_story_get_steps (AtlasStory *self)
{
  g_return_val_if_fail (ATLAS_IS_STORY (self), NULL);

  return G_LIST_MODEL (self->steps);
}

guint
atlas_story_get_n_steps (AtlasStory *self)
{
  g_return_val_if_fail (ATLAS_IS_STORY (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->steps));
}

/**
 * atlas_story_get_step:
 *
 * Returns: (transfer none) (nullable): the step at @position
 */
AtlasStoryStep *
atlas_story_get_step (AtlasStory *self,
                      guint       position)
{
  g_autoptr(AtlasStoryStep) step = NULL;

  g_return_val_if_fail (ATLAS_IS_STORY (self), NULL);

  /* The store keeps its own reference. */
  step = g_list_model_get_item (G_LIST_MODEL (self->steps), position);
  return step;
}

void
atlas_story_insert_step (AtlasStory     *self,
                         guint           position,
                         AtlasStoryStep *step)
{
  g_return_if_fail (ATLAS_IS_STORY (self));
  g_return_if_fail (ATLAS_IS_STORY_STEP (step));

  position = MIN (position, atlas_story_get_n_steps (self));
  g_list_store_insert (self->steps, position, step);
}

void
atlas_story_append_step (AtlasStory     *self,
                         AtlasStoryStep *step)
{
  g_return_if_fail (ATLAS_IS_STORY (self));
  g_return_if_fail (ATLAS_IS_STORY_STEP (step));

  g_list_store_append (self->steps, step);
}

void
atlas_story_remove_step (AtlasStory *self,
                         guint       position)
{
  g_return_if_fail (ATLAS_IS_STORY (self));
  g_return_if_fail (position < atlas_story_get_n_steps (self));

  g_list_store_remove (self->steps, position);
}

/* Moves the step at @from so that it ends up at @to. */
void
atlas_story_move_step (AtlasStory *self,
                       guint       from,
                       guint       to)
{
  g_autoptr(AtlasStoryStep) step = NULL;
  guint n;

  g_return_if_fail (ATLAS_IS_STORY (self));

  n = atlas_story_get_n_steps (self);
  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;
  step = g_list_model_get_item (G_LIST_MODEL (self->steps), from);
  g_list_store_remove (self->steps, from);
  g_list_store_insert (self->steps, to, step);
}

/**
 * atlas_story_dup_cited_sources:
 *
 * The sources the steps of @story cite, each once, one a line, for the
 * closing slide.
 */
char *
atlas_story_dup_cited_sources (AtlasDataset *dataset,
                               AtlasStory   *story,
                               guint         max_lines)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GString) text = g_string_new (NULL);
  guint lines = 0, more = 0;

  for (guint s = 0; s < atlas_story_get_n_steps (story); s++)
    {
      AtlasStoryStep *step = atlas_story_get_step (story, s);

      for (guint i = 0; i < atlas_story_step_get_n_cites (step); i++)
        {
          const char *entity, *id;
          AtlasItem *item;
          g_autoptr(GListModel) citations = NULL;

          if (!atlas_story_step_get_cite (step, i, &entity, &id) ||
              (item = atlas_dataset_lookup (dataset, entity, id)) == NULL)
            continue;
          citations = atlas_dataset_list_citations (dataset, item);
          for (guint j = 0; j < g_list_model_get_n_items (citations); j++)
            {
              g_autoptr(AtlasCitation) citation = g_list_model_get_item (citations, j);
              AtlasSource *source = atlas_citation_get_source (citation);

              if (source == NULL || !g_hash_table_add (seen, source))
                continue;
              if (lines >= max_lines)
                {
                  more++;
                  continue;
                }
              if (text->len > 0)
                g_string_append_c (text, '\n');
              /* Translators: a source on the closing slide: title — publisher, date. */
              g_string_append_printf (text, _("%s — %s, %s"), atlas_item_get_name (ATLAS_ITEM (source)),
                                      atlas_source_get_publisher (source),
                                      atlas_source_get_published_on (source));
              lines++;
            }
        }
    }
  if (more > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("and %u more source", "and %u more sources", more), more);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
