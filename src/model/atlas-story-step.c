/* atlas-story-step.c
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

#include "atlas-dataset.h"
#include "atlas-item.h"
#include "atlas-l10n.h"
#include "atlas-state.h"
#include "atlas-story-step.h"

/* One step of a story: the page to show, the shared state to restore on it
 * (the same JSON as AtlasState, which story_step.state_json stores), and a
 * caption in both languages with the speaker's notes.  Two extra members ride
 * along in the state: "camera", the page's own camera (AtlasView), and
 * "cites", the records whose citations back the caption.
 */

struct _AtlasStoryStep
{
  GObject   parent_instance;

  char     *view;
  JsonNode *state;
  char     *caption_zh;
  char     *caption_en;
  char     *notes;      /* as written first; the bundled story's are English */
  char     *notes_zh;
};

G_DEFINE_FINAL_TYPE (AtlasStoryStep, atlas_story_step, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VIEW,
  PROP_CAPTION,
  PROP_CAPTION_ZH,
  PROP_CAPTION_EN,
  PROP_NOTES,
  PROP_NOTES_ZH,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
atlas_story_step_finalize (GObject *object)
{
  AtlasStoryStep *self = (AtlasStoryStep *)object;

  g_clear_pointer (&self->view, g_free);
  g_clear_pointer (&self->state, json_node_unref);
  g_clear_pointer (&self->caption_zh, g_free);
  g_clear_pointer (&self->caption_en, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->notes_zh, g_free);

  G_OBJECT_CLASS (atlas_story_step_parent_class)->finalize (object);
}

static void
atlas_story_step_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AtlasStoryStep *self = ATLAS_STORY_STEP (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_string (value, self->view);
      break;

    case PROP_CAPTION:
      g_value_set_string (value, atlas_story_step_get_caption (self));
      break;

    case PROP_CAPTION_ZH:
      g_value_set_string (value, self->caption_zh);
      break;

    case PROP_CAPTION_EN:
      g_value_set_string (value, self->caption_en);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_NOTES_ZH:
      g_value_set_string (value, self->notes_zh);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_story_step_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AtlasStoryStep *self = ATLAS_STORY_STEP (object);

  switch (prop_id)
    {
    case PROP_CAPTION_ZH:
      atlas_story_step_set_caption_zh (self, g_value_get_string (value));
      break;

    case PROP_CAPTION_EN:
      atlas_story_step_set_caption_en (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      atlas_story_step_set_notes (self, g_value_get_string (value));
      break;

    case PROP_NOTES_ZH:
      atlas_story_step_set_notes_zh (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_story_step_class_init (AtlasStoryStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_story_step_finalize;
  object_class->get_property = atlas_story_step_get_property;
  object_class->set_property = atlas_story_step_set_property;

  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAPTION_ZH] =
    g_param_spec_string ("caption-zh", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAPTION_EN] =
    g_param_spec_string ("caption-en", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTES_ZH] =
    g_param_spec_string ("notes-zh", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_story_step_init (AtlasStoryStep *self)
{
  self->caption_zh = g_strdup ("");
  self->caption_en = g_strdup ("");
  self->notes = g_strdup ("");
  self->notes_zh = g_strdup ("");
}

/**
 * atlas_story_step_new:
 * @view: the page name ("map", "timeline", "charts", "sites", ...)
 * @state: (nullable): an AtlasState JSON object, with optional "camera" and
 *   "cites" members
 *
 * The state's "page" is always @view.
 */
AtlasStoryStep *
atlas_story_step_new (const char *view,
                      JsonNode   *state,
                      const char *caption_zh,
                      const char *caption_en,
                      const char *notes)
{
  AtlasStoryStep *self;
  JsonObject *object;

  g_return_val_if_fail (view != NULL && *view != '\0', NULL);
  g_return_val_if_fail (state == NULL || JSON_NODE_HOLDS_OBJECT (state), NULL);

  self = g_object_new (ATLAS_TYPE_STORY_STEP, NULL);
  self->view = g_strdup (view);
  if (state != NULL)
    self->state = json_node_copy (state);
  else
    {
      self->state = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (self->state, json_object_new ());
    }
  object = json_node_get_object (self->state);
  json_object_set_string_member (object, "page", view);

  g_free (self->caption_zh);
  self->caption_zh = g_strdup (caption_zh ? caption_zh : "");
  g_free (self->caption_en);
  self->caption_en = g_strdup (caption_en ? caption_en : "");
  g_free (self->notes);
  self->notes = g_strdup (notes ? notes : "");

  return self;
}

/**
 * atlas_story_step_new_from_json:
 *
 * Reads a step as atlas_story_step_to_json() writes it:
 * {"view", "state", "caption_zh", "caption_en", "notes"}.
 */
AtlasStoryStep *
atlas_story_step_new_from_json (JsonNode  *node,
                                GError   **error)
{
  JsonObject *object;
  JsonNode *state = NULL;
  const char *view;
  AtlasStoryStep *step;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("A story step must be a JSON object"));
      return NULL;
    }

  object = json_node_get_object (node);
  view = json_object_get_string_member_with_default (object, "view", NULL);
  if (json_object_has_member (object, "state"))
    state = json_object_get_member (object, "state");

  if (view == NULL || *view == '\0' || (state != NULL && !JSON_NODE_HOLDS_OBJECT (state)))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("A story step needs a “view” and an object “state”"));
      return NULL;
    }

  step = atlas_story_step_new (view, state,
                               json_object_get_string_member_with_default (object, "caption_zh", ""),
                               json_object_get_string_member_with_default (object, "caption_en", ""),
                               json_object_get_string_member_with_default (object, "notes", ""));
  atlas_story_step_set_notes_zh (step, json_object_get_string_member_with_default (object, "notes_zh", ""));
  return step;
}

/**
 * atlas_story_step_to_json:
 *
 * Returns: (transfer full): the step as a JSON object
 */
JsonNode *
atlas_story_step_to_json (AtlasStoryStep *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (ATLAS_IS_STORY_STEP (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "view");
  json_builder_add_string_value (builder, self->view);
  json_builder_set_member_name (builder, "state");
  json_builder_add_value (builder, json_node_copy (self->state));
  json_builder_set_member_name (builder, "caption_zh");
  json_builder_add_string_value (builder, self->caption_zh);
  json_builder_set_member_name (builder, "caption_en");
  json_builder_add_string_value (builder, self->caption_en);
  json_builder_set_member_name (builder, "notes");
  json_builder_add_string_value (builder, self->notes);
  if (self->notes_zh[0] != '\0')
    {
      json_builder_set_member_name (builder, "notes_zh");
      json_builder_add_string_value (builder, self->notes_zh);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

AtlasStoryStep *
atlas_story_step_copy (AtlasStoryStep *self)
{
  g_return_val_if_fail (ATLAS_IS_STORY_STEP (self), NULL);

  AtlasStoryStep *copy;

  copy = atlas_story_step_new (self->view, self->state, self->caption_zh,
                               self->caption_en, self->notes);
  atlas_story_step_set_notes_zh (copy, self->notes_zh);
  return copy;
}

const char *
atlas_story_step_get_view (AtlasStoryStep *self)
{
  g_return_val_if_fail (ATLAS_IS_STORY_STEP (self), NULL);

  return self->view;
}

/**
 * atlas_story_step_get_state:
 *
 * Returns: (transfer none): the state JSON object, with "camera" and "cites"
 */
JsonNode *
atlas_story_step_get_state (AtlasStoryStep *self)
{
  g_return_val_if_fail (ATLAS_IS_STORY_STEP (self), NULL);

  return self->state;
}

/* What story_step.state_json holds. */
char *
atlas_story_step_dup_state_json (AtlasStoryStep *self)
{
  g_return_val_if_fail (ATLAS_IS_STORY_STEP (self), NULL);

  return json_to_string (self->state, FALSE);
}

/**
 * atlas_story_step_get_camera:
 *
 * Returns: (transfer none) (nullable): the page's camera
 */
JsonNode *
atlas_story_step_get_camera (AtlasStoryStep *self)
{
  JsonObject *object;

  g_return_val_if_fail (ATLAS_IS_STORY_STEP (self), NULL);

  object = json_node_get_object (self->state);
  return json_object_has_member (object, "camera") ? json_object_get_member (object, "camera") : NULL;
}

static JsonArray *
get_cites (AtlasStoryStep *self)
{
  JsonObject *object = json_node_get_object (self->state);
  JsonNode *node = json_object_has_member (object, "cites") ? json_object_get_member (object, "cites") : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

guint
atlas_story_step_get_n_cites (AtlasStoryStep *self)
{
  JsonArray *cites;

  g_return_val_if_fail (ATLAS_IS_STORY_STEP (self), 0);

  cites = get_cites (self);
  return cites != NULL ? json_array_get_length (cites) : 0;
}

/* The @index-th record the caption cites, as its table and id. */
gboolean
atlas_story_step_get_cite (AtlasStoryStep  *self,
                           guint            index,
                           const char     **entity,
                           const char     **id)
{
  JsonArray *cites;
  JsonNode *node;
  JsonObject *cite;

  g_return_val_if_fail (ATLAS_IS_STORY_STEP (self), FALSE);

  cites = get_cites (self);
  if (cites == NULL || index >= json_array_get_length (cites))
    return FALSE;

  node = json_array_get_element (cites, index);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  cite = json_node_get_object (node);
  *entity = json_object_get_string_member_with_default (cite, "entity", NULL);
  *id = json_object_get_string_member_with_default (cite, "id", NULL);
  return *entity != NULL && *id != NULL;
}

const char *
atlas_story_step_get_caption_zh (AtlasStoryStep *self)
{
  g_return_val_if_fail (ATLAS_IS_STORY_STEP (self), NULL);

  return self->caption_zh;
}

const char *
atlas_story_step_get_caption_en (AtlasStoryStep *self)
{
  g_return_val_if_fail (ATLAS_IS_STORY_STEP (self), NULL);

  return self->caption_en;
}

/* The caption in the interface's language, or the other one if it is empty. */
const char *
atlas_story_step_get_caption (AtlasStoryStep *self)
{
  g_return_val_if_fail (ATLAS_IS_STORY_STEP (self), NULL);

  return atlas_l10n_pick (self->caption_zh, self->caption_en);
}

static void
set_text (AtlasStoryStep *self,
          char          **field,
          const char     *value,
          GParamSpec     *pspec)
{
  if (g_strcmp0 (*field, value ? value : "") == 0)
    return;
  g_free (*field);
  *field = g_strdup (value ? value : "");
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  if (pspec != properties[PROP_NOTES] && pspec != properties[PROP_NOTES_ZH])
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
}

void
atlas_story_step_set_caption_zh (AtlasStoryStep *self,
                                 const char     *caption)
{
  g_return_if_fail (ATLAS_IS_STORY_STEP (self));

  set_text (self, &self->caption_zh, caption, properties[PROP_CAPTION_ZH]);
}

void
atlas_story_step_set_caption_en (AtlasStoryStep *self,
                                 const char     *caption)
{
  g_return_if_fail (ATLAS_IS_STORY_STEP (self));

  set_text (self, &self->caption_en, caption, properties[PROP_CAPTION_EN]);
}

/* The caption's side rides in the state, next to the camera, so that it is
 * stored, copied, exported and imported with the step without a column of
 * its own; a side this version does not know reads as AUTO.
 */
static const char *caption_sides[] = { "auto", "bottom", "top", "left", "right" };

G_STATIC_ASSERT (G_N_ELEMENTS (caption_sides) == ATLAS_N_CAPTION_SIDES);

AtlasCaptionSide
atlas_story_step_get_caption_side (AtlasStoryStep *self)
{
  const char *side;

  g_return_val_if_fail (ATLAS_IS_STORY_STEP (self), ATLAS_CAPTION_SIDE_AUTO);

  side = json_object_get_string_member_with_default (json_node_get_object (self->state),
                                                     "caption_side", "auto");
  for (guint i = 0; i < G_N_ELEMENTS (caption_sides); i++)
    if (g_strcmp0 (side, caption_sides[i]) == 0)
      return i;
  return ATLAS_CAPTION_SIDE_AUTO;
}

void
atlas_story_step_set_caption_side (AtlasStoryStep   *self,
                                   AtlasCaptionSide  side)
{
  JsonObject *object;

  g_return_if_fail (ATLAS_IS_STORY_STEP (self));
  g_return_if_fail (side < ATLAS_N_CAPTION_SIDES);

  object = json_node_get_object (self->state);
  if (side == ATLAS_CAPTION_SIDE_AUTO)
    json_object_remove_member (object, "caption_side");
  else
    json_object_set_string_member (object, "caption_side", caption_sides[side]);
}

const char *
atlas_caption_side_get_label (AtlasCaptionSide side)
{
  switch (side)
    {
    case ATLAS_CAPTION_SIDE_BOTTOM:
      return C_("caption side", "Bottom");
    case ATLAS_CAPTION_SIDE_TOP:
      return C_("caption side", "Top");
    case ATLAS_CAPTION_SIDE_LEFT:
      return C_("caption side", "Left");
    case ATLAS_CAPTION_SIDE_RIGHT:
      return C_("caption side", "Right");
    case ATLAS_CAPTION_SIDE_AUTO:
    default:
      return C_("caption side", "Automatic");
    }
}

/* The notes in the interface's language, or the other one if it has none. */
const char *
atlas_story_step_get_notes (AtlasStoryStep *self)
{
  g_return_val_if_fail (ATLAS_IS_STORY_STEP (self), NULL);

  return atlas_l10n_pick (self->notes_zh, self->notes);
}

const char *
atlas_story_step_get_notes_en (AtlasStoryStep *self)
{
  g_return_val_if_fail (ATLAS_IS_STORY_STEP (self), NULL);

  return self->notes;
}

const char *
atlas_story_step_get_notes_zh (AtlasStoryStep *self)
{
  g_return_val_if_fail (ATLAS_IS_STORY_STEP (self), NULL);

  return self->notes_zh;
}

void
atlas_story_step_set_notes_zh (AtlasStoryStep *self,
                               const char     *notes)
{
  g_return_if_fail (ATLAS_IS_STORY_STEP (self));

  set_text (self, &self->notes_zh, notes, properties[PROP_NOTES_ZH]);
}

void
atlas_story_step_set_notes (AtlasStoryStep *self,
                            const char     *notes)
{
  g_return_if_fail (ATLAS_IS_STORY_STEP (self));

  set_text (self, &self->notes, notes, properties[PROP_NOTES]);
}

/**
 * atlas_story_step_resolve_caption_side:
 *
 * Where @step's caption goes: the step's choice, or for AUTO the side that
 * leaves the subject its natural shape.  A map's selection sits in the middle
 * of its camera, so on a wide stage a column at the right keeps the map tall
 * (AUTO: the stage picks by its shape); timelines, charts and tables are
 * wide, so the caption goes in a band under them.
 */
AtlasCaptionSide
atlas_story_step_resolve_caption_side (AtlasStoryStep *step)
{
  AtlasCaptionSide side;

  g_return_val_if_fail (ATLAS_IS_STORY_STEP (step), ATLAS_CAPTION_SIDE_BOTTOM);

  side = atlas_story_step_get_caption_side (step);
  if (side != ATLAS_CAPTION_SIDE_AUTO)
    return side;
  if (g_strcmp0 (atlas_story_step_get_view (step), "map") == 0)
    return ATLAS_CAPTION_SIDE_AUTO;
  return ATLAS_CAPTION_SIDE_BOTTOM;
}
