/* atlas-history.c
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

#include "atlas-history.h"
#include "atlas-state.h"

/* Undo and redo for the shared state.  Each change of the state (a filter,
 * the selection, the time range, the choropleth) is recorded as the state's
 * JSON before it.  Changes of the same kind that follow each other quickly —
 * the letters typed into the search entry, the steps of a brush dragged
 * across the timeline — make one entry, so that Ctrl+Z undoes the word and
 * not the letter.  Moving between pages is navigation, not an edit: it is
 * neither recorded nor undone, and undoing a filter keeps the page shown.
 * Only a change that moved to a page of its own — picking a search result
 * shows the record's page and selects it — remembers the page it left
 * (atlas_history_attach_page()): undoing it goes back there, redoing it
 * returns.
 */

#define DEFAULT_COALESCE_MS 800
#define MAX_ENTRIES 200

struct _AtlasHistory
{
  GObject       parent_instance;

  AtlasState   *state;
  AtlasDataset *dataset;

  GQueue        undo;       /* of char *, most recent first */
  GQueue        redo;
  char         *current;

  const char   *last_kind;  /* interned property name of the last change */
  gint64        last_time;
  guint         coalesce_ms;
  gboolean      restoring;
};

G_DEFINE_FINAL_TYPE (AtlasHistory, atlas_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The state without its page, as a string to compare and keep. */
static char *
snapshot (AtlasHistory *self)
{
  g_autoptr(JsonNode) node = atlas_state_to_json (self->state);

  json_object_remove_member (json_node_get_object (node), "page");
  return json_to_string (node, FALSE);
}

static void
notify_can (AtlasHistory *self,
            gboolean      could_undo,
            gboolean      could_redo)
{
  if (could_undo != atlas_history_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != atlas_history_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* @json with its "page" member set to @page. */
static char *
with_page (const char *json,
           const char *page)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (json);
  json_object_set_string_member (json_node_get_object (node), "page", page);
  return json_to_string (node, FALSE);
}

/* @json without a "page" member; @page gets what it was, or NULL. */
static char *
without_page (const char  *json,
              char       **page)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  JsonObject *object;

  *page = NULL;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (json);
  object = json_node_get_object (node);
  if (!json_object_has_member (object, "page"))
    return g_strdup (json);
  *page = g_strdup (json_object_get_string_member_with_default (object, "page", NULL));
  json_object_remove_member (object, "page");
  return json_to_string (node, FALSE);
}

static const char *
change_kind (GParamSpec *pspec)
{
  /* A time range changes two properties at once. */
  if (g_str_equal (pspec->name, "time-first") || g_str_equal (pspec->name, "time-last"))
    return "time";
  return pspec->name;
}

static void
on_state_notify (AtlasHistory *self,
                 GParamSpec   *pspec)
{
  gboolean could_undo = atlas_history_get_can_undo (self);
  gboolean could_redo = atlas_history_get_can_redo (self);
  g_autofree char *now = NULL;
  const char *kind;
  gint64 time;

  if (self->restoring || g_str_equal (pspec->name, "page"))
    return;

  now = snapshot (self);
  if (g_strcmp0 (now, self->current) == 0)
    return;

  kind = change_kind (pspec);
  time = g_get_monotonic_time ();

  if (self->last_kind == kind && self->undo.length > 0 && self->redo.length == 0 &&
      time - self->last_time < (gint64) self->coalesce_ms * 1000)
    {
      /* Part of the same gesture: the entry before it stays as it is. */
      g_free (self->current);
    }
  else
    {
      g_queue_push_head (&self->undo, self->current);
      if (self->undo.length > MAX_ENTRIES)
        g_free (g_queue_pop_tail (&self->undo));
    }
  self->current = g_steal_pointer (&now);
  self->last_kind = kind;
  self->last_time = time;

  g_queue_clear_full (&self->redo, g_free);
  notify_can (self, could_undo, could_redo);
}

static void
atlas_history_dispose (GObject *object)
{
  AtlasHistory *self = (AtlasHistory *)object;

  if (self->state != NULL)
    g_signal_handlers_disconnect_by_data (self->state, self);
  g_clear_object (&self->state);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (atlas_history_parent_class)->dispose (object);
}

static void
atlas_history_finalize (GObject *object)
{
  AtlasHistory *self = (AtlasHistory *)object;

  g_queue_clear_full (&self->undo, g_free);
  g_queue_clear_full (&self->redo, g_free);
  g_clear_pointer (&self->current, g_free);

  G_OBJECT_CLASS (atlas_history_parent_class)->finalize (object);
}

static void
atlas_history_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtlasHistory *self = ATLAS_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, atlas_history_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, atlas_history_get_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_history_class_init (AtlasHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_history_dispose;
  object_class->finalize = atlas_history_finalize;
  object_class->get_property = atlas_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_history_init (AtlasHistory *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
  self->coalesce_ms = DEFAULT_COALESCE_MS;
}

/**
 * atlas_history_new:
 * @dataset: (nullable): where undone selections are looked up
 */
AtlasHistory *
atlas_history_new (AtlasState   *state,
                   AtlasDataset *dataset)
{
  AtlasHistory *self;

  g_return_val_if_fail (ATLAS_IS_STATE (state), NULL);

  self = g_object_new (ATLAS_TYPE_HISTORY, NULL);
  self->state = g_object_ref (state);
  if (dataset != NULL)
    self->dataset = g_object_ref (dataset);
  self->current = snapshot (self);

  g_signal_connect_object (state, "notify", G_CALLBACK (on_state_notify), self, G_CONNECT_SWAPPED);
  return self;
}

gboolean
atlas_history_get_can_undo (AtlasHistory *self)
{
  g_return_val_if_fail (ATLAS_IS_HISTORY (self), FALSE);

  return self->undo.length > 0;
}

gboolean
atlas_history_get_can_redo (AtlasHistory *self)
{
  g_return_val_if_fail (ATLAS_IS_HISTORY (self), FALSE);

  return self->redo.length > 0;
}

guint
atlas_history_get_n_undo (AtlasHistory *self)
{
  g_return_val_if_fail (ATLAS_IS_HISTORY (self), 0);

  return self->undo.length;
}

/* Loads @json into the state.  The page shown stays, unless the entry
 * names the page its change left.
 */
static gboolean
restore (AtlasHistory *self,
         const char   *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *page = g_strdup (atlas_state_get_page (self->state));
  JsonObject *object;
  gboolean ok;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  object = json_node_get_object (node);
  if (!json_object_has_member (object, "page") && page != NULL && *page != '\0')
    json_object_set_string_member (object, "page", page);

  self->restoring = TRUE;
  ok = atlas_state_load_json (self->state, node, self->dataset, &error);
  self->restoring = FALSE;

  /* A record can leave the data (an update) while its state waits here. */
  if (!ok)
    g_debug ("Cannot restore a state: %s", error->message);
  return ok;
}

static gboolean
travel (AtlasHistory *self,
        GQueue       *from,
        GQueue       *to)
{
  gboolean could_undo = atlas_history_get_can_undo (self);
  gboolean could_redo = atlas_history_get_can_redo (self);
  g_autofree char *shown = g_strdup (atlas_state_get_page (self->state));
  char *target;

  while ((target = g_queue_pop_head (from)) != NULL)
    {
      if (restore (self, target))
        {
          g_autofree char *page = NULL;
          char *now = without_page (target, &page);

          /* A change with its page: travelling back returns to this one. */
          if (page != NULL && shown != NULL && *shown != '\0')
            {
              g_queue_push_head (to, with_page (self->current, shown));
              g_free (self->current);
            }
          else
            g_queue_push_head (to, self->current);
          self->current = now;
          g_free (target);
          break;
        }
      g_free (target);
    }

  /* The next change starts a new entry. */
  self->last_kind = NULL;
  notify_can (self, could_undo, could_redo);
  return target != NULL;
}

gboolean
atlas_history_undo (AtlasHistory *self)
{
  g_return_val_if_fail (ATLAS_IS_HISTORY (self), FALSE);

  return travel (self, &self->undo, &self->redo);
}

gboolean
atlas_history_redo (AtlasHistory *self)
{
  g_return_val_if_fail (ATLAS_IS_HISTORY (self), FALSE);

  return travel (self, &self->redo, &self->undo);
}

void
atlas_history_clear (AtlasHistory *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (ATLAS_IS_HISTORY (self));

  could_undo = atlas_history_get_can_undo (self);
  could_redo = atlas_history_get_can_redo (self);
  g_queue_clear_full (&self->undo, g_free);
  g_queue_clear_full (&self->redo, g_free);
  g_free (self->current);
  self->current = snapshot (self);
  self->last_kind = NULL;
  notify_can (self, could_undo, could_redo);
}

/**
 * atlas_history_attach_page:
 * @page: the page shown before the last change
 *
 * Says that the last change recorded also moved to a page of its own (a
 * search result picked, a source opened): undoing it then goes back to
 * @page.  Call it right after the change; nothing happens if it was not
 * recorded.
 */
void
atlas_history_attach_page (AtlasHistory *self,
                           const char   *page)
{
  char *entry;
  g_autofree char *old_page = NULL;
  g_autofree char *bare = NULL;

  g_return_if_fail (ATLAS_IS_HISTORY (self));

  if (page == NULL || *page == '\0' || self->restoring || self->undo.length == 0)
    return;

  /* A quick series of changes is one entry: it keeps the first page. */
  entry = g_queue_peek_head (&self->undo);
  bare = without_page (entry, &old_page);
  if (old_page != NULL)
    return;

  g_queue_pop_head (&self->undo);
  g_queue_push_head (&self->undo, with_page (entry, page));
  g_free (entry);
}

/* Whether the state is being set back by an undo or a redo: what follows a
 * change by moving to a page must not then.
 */
gboolean
atlas_history_is_restoring (AtlasHistory *self)
{
  g_return_val_if_fail (ATLAS_IS_HISTORY (self), FALSE);

  return self->restoring;
}

/* Changes of one kind closer together than this make one entry; 0 turns
 * coalescing off.
 */
void
atlas_history_set_coalesce_time (AtlasHistory *self,
                                 guint         milliseconds)
{
  g_return_if_fail (ATLAS_IS_HISTORY (self));

  self->coalesce_ms = milliseconds;
}
