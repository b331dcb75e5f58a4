/* atlas-state.c
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

#include "atlas-dataset.h"
#include "atlas-item.h"
#include "atlas-state.h"

/* The one shared state behind the linked views: what is selected and how the
 * records are filtered (search text, site categories, event kinds, a time
 * range, a district) plus the page shown and the map's choropleth measure.
 * Views bind to it instead of talking to each other; stories and undo save
 * and restore it as JSON.
 */

struct _AtlasState
{
  GObject    parent_instance;

  AtlasItem *selection;
  char      *search_text;
  guint      categories;
  guint      event_kinds;
  guint32    time_first;
  guint32    time_last;
  int        district;
  char      *choropleth;
  char      *page;
};

G_DEFINE_FINAL_TYPE (AtlasState, atlas_state, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SELECTION,
  PROP_SEARCH_TEXT,
  PROP_CATEGORIES,
  PROP_EVENT_KINDS,
  PROP_TIME_FIRST,
  PROP_TIME_LAST,
  PROP_DISTRICT,
  PROP_CHOROPLETH,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
set_str (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
atlas_state_dispose (GObject *object)
{
  AtlasState *self = (AtlasState *)object;

  g_clear_object (&self->selection);

  G_OBJECT_CLASS (atlas_state_parent_class)->dispose (object);
}

static void
atlas_state_finalize (GObject *object)
{
  AtlasState *self = (AtlasState *)object;

  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->choropleth, g_free);
  g_clear_pointer (&self->page, g_free);

  G_OBJECT_CLASS (atlas_state_parent_class)->finalize (object);
}

static void
atlas_state_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AtlasState *self = ATLAS_STATE (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;

    case PROP_CATEGORIES:
      g_value_set_uint (value, self->categories);
      break;

    case PROP_EVENT_KINDS:
      g_value_set_uint (value, self->event_kinds);
      break;

    case PROP_TIME_FIRST:
      g_value_set_uint (value, self->time_first);
      break;

    case PROP_TIME_LAST:
      g_value_set_uint (value, self->time_last);
      break;

    case PROP_DISTRICT:
      g_value_set_int (value, self->district);
      break;

    case PROP_CHOROPLETH:
      g_value_set_string (value, self->choropleth);
      break;

    case PROP_PAGE:
      g_value_set_string (value, self->page);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_state_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AtlasState *self = ATLAS_STATE (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      atlas_state_set_selection (self, g_value_get_object (value));
      break;

    case PROP_SEARCH_TEXT:
      atlas_state_set_search_text (self, g_value_get_string (value));
      break;

    case PROP_CATEGORIES:
      atlas_state_set_categories (self, g_value_get_uint (value));
      break;

    case PROP_EVENT_KINDS:
      atlas_state_set_event_kinds (self, g_value_get_uint (value));
      break;

    case PROP_DISTRICT:
      atlas_state_set_district (self, g_value_get_int (value));
      break;

    case PROP_CHOROPLETH:
      atlas_state_set_choropleth (self, g_value_get_string (value));
      break;

    case PROP_PAGE:
      atlas_state_set_page (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_state_class_init (AtlasStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_state_dispose;
  object_class->finalize = atlas_state_finalize;
  object_class->get_property = atlas_state_get_property;
  object_class->set_property = atlas_state_set_property;

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, ATLAS_TYPE_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CATEGORIES] =
    g_param_spec_uint ("categories", NULL, NULL, 0, ATLAS_ALL_SITE_CATEGORIES,
                       ATLAS_ALL_SITE_CATEGORIES,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EVENT_KINDS] =
    g_param_spec_uint ("event-kinds", NULL, NULL, 0, ATLAS_ALL_EVENT_KINDS, ATLAS_ALL_EVENT_KINDS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TIME_FIRST] =
    g_param_spec_uint ("time-first", NULL, NULL, 0, G_MAXUINT32, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TIME_LAST] =
    g_param_spec_uint ("time-last", NULL, NULL, 0, G_MAXUINT32, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DISTRICT] =
    g_param_spec_int ("district", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHOROPLETH] =
    g_param_spec_string ("choropleth", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_state_init (AtlasState *self)
{
  self->search_text = g_strdup ("");
  self->categories = ATLAS_ALL_SITE_CATEGORIES;
  self->event_kinds = ATLAS_ALL_EVENT_KINDS;
  self->choropleth = g_strdup ("");
  self->page = g_strdup ("");
}

AtlasState *
atlas_state_new (void)
{
  return g_object_new (ATLAS_TYPE_STATE, NULL);
}

AtlasItem *
atlas_state_get_selection (AtlasState *self)
{
  g_return_val_if_fail (ATLAS_IS_STATE (self), NULL);

  return self->selection;
}

void
atlas_state_set_selection (AtlasState *self,
                           AtlasItem  *selection)
{
  g_return_if_fail (ATLAS_IS_STATE (self));
  g_return_if_fail (selection == NULL || ATLAS_IS_ITEM (selection));

  if (g_set_object (&self->selection, selection))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

const char *
atlas_state_get_search_text (AtlasState *self)
{
  g_return_val_if_fail (ATLAS_IS_STATE (self), NULL);

  return self->search_text;
}

void
atlas_state_set_search_text (AtlasState *self,
                             const char *search_text)
{
  g_return_if_fail (ATLAS_IS_STATE (self));

  if (set_str (&self->search_text, search_text ? search_text : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

guint
atlas_state_get_categories (AtlasState *self)
{
  g_return_val_if_fail (ATLAS_IS_STATE (self), 0);

  return self->categories;
}

void
atlas_state_set_categories (AtlasState *self,
                            guint       categories)
{
  g_return_if_fail (ATLAS_IS_STATE (self));

  categories &= ATLAS_ALL_SITE_CATEGORIES;
  if (self->categories != categories)
    {
      self->categories = categories;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORIES]);
    }
}

gboolean
atlas_state_has_category (AtlasState        *self,
                          AtlasSiteCategory  category)
{
  g_return_val_if_fail (ATLAS_IS_STATE (self), FALSE);

  return (self->categories & (1u << category)) != 0;
}

void
atlas_state_set_category (AtlasState        *self,
                          AtlasSiteCategory  category,
                          gboolean           shown)
{
  g_return_if_fail (ATLAS_IS_STATE (self));
  g_return_if_fail (category < ATLAS_N_SITE_CATEGORIES);

  if (shown)
    atlas_state_set_categories (self, self->categories | (1u << category));
  else
    atlas_state_set_categories (self, self->categories & ~(1u << category));
}

guint
atlas_state_get_event_kinds (AtlasState *self)
{
  g_return_val_if_fail (ATLAS_IS_STATE (self), 0);

  return self->event_kinds;
}

void
atlas_state_set_event_kinds (AtlasState *self,
                             guint       event_kinds)
{
  g_return_if_fail (ATLAS_IS_STATE (self));

  event_kinds &= ATLAS_ALL_EVENT_KINDS;
  if (self->event_kinds != event_kinds)
    {
      self->event_kinds = event_kinds;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT_KINDS]);
    }
}

gboolean
atlas_state_has_event_kind (AtlasState     *self,
                            AtlasEventKind  kind)
{
  g_return_val_if_fail (ATLAS_IS_STATE (self), FALSE);

  return (self->event_kinds & (1u << kind)) != 0;
}

guint32
atlas_state_get_time_first (AtlasState *self)
{
  g_return_val_if_fail (ATLAS_IS_STATE (self), 0);

  return self->time_first;
}

guint32
atlas_state_get_time_last (AtlasState *self)
{
  g_return_val_if_fail (ATLAS_IS_STATE (self), 0);

  return self->time_last;
}

gboolean
atlas_state_has_time_range (AtlasState *self)
{
  g_return_val_if_fail (ATLAS_IS_STATE (self), FALSE);

  return self->time_first != 0 && self->time_last != 0;
}

/* Days are Julian day numbers (see atlas-date.h), both inclusive. */
void
atlas_state_set_time_range (AtlasState *self,
                            guint32     first_day,
                            guint32     last_day)
{
  g_return_if_fail (ATLAS_IS_STATE (self));

  if (first_day > last_day)
    {
      guint32 tmp = first_day;
      first_day = last_day;
      last_day = tmp;
    }

  g_object_freeze_notify (G_OBJECT (self));
  if (self->time_first != first_day)
    {
      self->time_first = first_day;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_FIRST]);
    }
  if (self->time_last != last_day)
    {
      self->time_last = last_day;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_LAST]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
atlas_state_clear_time_range (AtlasState *self)
{
  atlas_state_set_time_range (self, 0, 0);
}

int
atlas_state_get_district (AtlasState *self)
{
  g_return_val_if_fail (ATLAS_IS_STATE (self), 0);

  return self->district;
}

/* Restricts the records to one district; 0 for all. */
void
atlas_state_set_district (AtlasState *self,
                          int         adcode)
{
  g_return_if_fail (ATLAS_IS_STATE (self));

  if (self->district != adcode)
    {
      self->district = adcode;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISTRICT]);
    }
}

const char *
atlas_state_get_choropleth (AtlasState *self)
{
  g_return_val_if_fail (ATLAS_IS_STATE (self), NULL);

  return self->choropleth;
}

void
atlas_state_set_choropleth (AtlasState *self,
                            const char *measure)
{
  g_return_if_fail (ATLAS_IS_STATE (self));

  if (set_str (&self->choropleth, measure ? measure : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOROPLETH]);
}

const char *
atlas_state_get_page (AtlasState *self)
{
  g_return_val_if_fail (ATLAS_IS_STATE (self), NULL);

  return self->page;
}

void
atlas_state_set_page (AtlasState *self,
                      const char *page)
{
  g_return_if_fail (ATLAS_IS_STATE (self));

  if (set_str (&self->page, page ? page : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* Whether any filter hides records. */
gboolean
atlas_state_is_filtering (AtlasState *self)
{
  g_return_val_if_fail (ATLAS_IS_STATE (self), FALSE);

  return self->search_text[0] != '\0' ||
         self->categories != ATLAS_ALL_SITE_CATEGORIES ||
         self->event_kinds != ATLAS_ALL_EVENT_KINDS ||
         atlas_state_has_time_range (self) ||
         self->district != 0;
}

void
atlas_state_reset_filters (AtlasState *self)
{
  g_return_if_fail (ATLAS_IS_STATE (self));

  g_object_freeze_notify (G_OBJECT (self));
  atlas_state_set_search_text (self, "");
  atlas_state_set_categories (self, ATLAS_ALL_SITE_CATEGORIES);
  atlas_state_set_event_kinds (self, ATLAS_ALL_EVENT_KINDS);
  atlas_state_clear_time_range (self);
  atlas_state_set_district (self, 0);
  g_object_thaw_notify (G_OBJECT (self));
}

static char *
day_to_iso (guint32 day)
{
  int y, m, d;

  atlas_julian_to_ymd (day, &y, &m, &d);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

static JsonNode *
mask_to_json (guint        mask,
              guint        n,
              const char *(*to_string) (int))
{
  g_autoptr(JsonArray) array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < n; i++)
    if (mask & (1u << i))
      json_array_add_string_element (array, to_string (i));
  json_node_set_array (node, array);
  return node;
}

static const char *
category_name (int value)
{
  return atlas_site_category_to_string (value);
}

static const char *
kind_name (int value)
{
  return atlas_event_kind_to_string (value);
}

/**
 * atlas_state_to_json:
 *
 * Serializes the state.  Filters at their defaults are left out, so a state
 * reads as what it changes.
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
atlas_state_to_json (AtlasState *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (ATLAS_IS_STATE (self), NULL);

  json_builder_begin_object (builder);

  if (self->page[0] != '\0')
    {
      json_builder_set_member_name (builder, "page");
      json_builder_add_string_value (builder, self->page);
    }
  if (self->selection != NULL)
    {
      json_builder_set_member_name (builder, "selection");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "entity");
      json_builder_add_string_value (builder, atlas_item_get_entity (self->selection));
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, atlas_item_get_id (self->selection));
      json_builder_end_object (builder);
    }
  if (self->search_text[0] != '\0')
    {
      json_builder_set_member_name (builder, "search");
      json_builder_add_string_value (builder, self->search_text);
    }
  if (self->categories != ATLAS_ALL_SITE_CATEGORIES)
    {
      json_builder_set_member_name (builder, "categories");
      json_builder_add_value (builder, mask_to_json (self->categories, ATLAS_N_SITE_CATEGORIES,
                                                     category_name));
    }
  if (self->event_kinds != ATLAS_ALL_EVENT_KINDS)
    {
      json_builder_set_member_name (builder, "event_kinds");
      json_builder_add_value (builder, mask_to_json (self->event_kinds, ATLAS_N_EVENT_KINDS,
                                                     kind_name));
    }
  if (atlas_state_has_time_range (self))
    {
      g_autofree char *first = day_to_iso (self->time_first);
      g_autofree char *last = day_to_iso (self->time_last);

      json_builder_set_member_name (builder, "time");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "first");
      json_builder_add_string_value (builder, first);
      json_builder_set_member_name (builder, "last");
      json_builder_add_string_value (builder, last);
      json_builder_end_object (builder);
    }
  if (self->district != 0)
    {
      json_builder_set_member_name (builder, "district");
      json_builder_add_int_value (builder, self->district);
    }
  if (self->choropleth[0] != '\0')
    {
      json_builder_set_member_name (builder, "choropleth");
      json_builder_add_string_value (builder, self->choropleth);
    }

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
json_to_mask (JsonObject  *object,
              const char  *member,
              guint        all,
              gboolean   (*from_string) (const char *, int *),
              guint       *mask,
              GError     **error)
{
  JsonArray *array;

  if (!json_object_has_member (object, member))
    {
      *mask = all;
      return TRUE;
    }

  if ((array = json_object_get_array_member (object, member)) == NULL)
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   "“%s” must be a list", member);
      return FALSE;
    }

  *mask = 0;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *name = json_array_get_string_element (array, i);
      int value;

      if (!from_string (name, &value))
        {
          g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                       "unknown value “%s” in “%s”", name ? name : "", member);
          return FALSE;
        }
      *mask |= 1u << value;
    }

  return TRUE;
}

static gboolean
category_from_name (const char *name,
                    int        *value)
{
  AtlasSiteCategory c;

  if (!atlas_site_category_from_string (name, &c))
    return FALSE;
  *value = c;
  return TRUE;
}

static gboolean
kind_from_name (const char *name,
                int        *value)
{
  AtlasEventKind k;

  if (!atlas_event_kind_from_string (name, &k))
    return FALSE;
  *value = k;
  return TRUE;
}

/**
 * atlas_state_load_json:
 * @dataset: (nullable): where to look up the selection
 *
 * Replaces the whole state with the one described by @node; members that are
 * left out take their defaults.  On error nothing changes.
 */
gboolean
atlas_state_load_json (AtlasState    *self,
                       JsonNode      *node,
                       AtlasDataset  *dataset,
                       GError       **error)
{
  JsonObject *object;
  AtlasItem *selection = NULL;
  guint categories, kinds;
  guint32 first = 0, last = 0;

  g_return_val_if_fail (ATLAS_IS_STATE (self), FALSE);

  if (node == NULL || (object = json_node_get_object (node)) == NULL)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           "a view state must be a JSON object");
      return FALSE;
    }

  if (!json_to_mask (object, "categories", ATLAS_ALL_SITE_CATEGORIES, category_from_name,
                     &categories, error) ||
      !json_to_mask (object, "event_kinds", ATLAS_ALL_EVENT_KINDS, kind_from_name,
                     &kinds, error))
    return FALSE;

  if (json_object_has_member (object, "time"))
    {
      JsonObject *time = json_object_get_object_member (object, "time");
      AtlasDate a, b;

      if (time == NULL ||
          !atlas_date_parse (json_object_get_string_member_with_default (time, "first", ""), &a, NULL) ||
          !atlas_date_parse (json_object_get_string_member_with_default (time, "last", ""), &b, NULL))
        {
          g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                               "“time” must have ISO dates “first” and “last”");
          return FALSE;
        }
      first = atlas_date_get_first_day (&a);
      last = atlas_date_get_last_day (&b);
    }

  if (json_object_has_member (object, "selection"))
    {
      JsonObject *sel = json_object_get_object_member (object, "selection");
      const char *entity = sel ? json_object_get_string_member_with_default (sel, "entity", NULL) : NULL;
      const char *id = sel ? json_object_get_string_member_with_default (sel, "id", NULL) : NULL;

      if (entity == NULL || id == NULL)
        {
          g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                               "“selection” must have an “entity” and an “id”");
          return FALSE;
        }
      if (dataset != NULL && (selection = atlas_dataset_lookup (dataset, entity, id)) == NULL)
        {
          g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                       "the selected %s “%s” is not in the data", entity, id);
          return FALSE;
        }
    }

  g_object_freeze_notify (G_OBJECT (self));
  atlas_state_set_page (self, json_object_get_string_member_with_default (object, "page", ""));
  atlas_state_set_selection (self, selection);
  atlas_state_set_search_text (self, json_object_get_string_member_with_default (object, "search", ""));
  atlas_state_set_categories (self, categories);
  atlas_state_set_event_kinds (self, kinds);
  atlas_state_set_time_range (self, first, last);
  atlas_state_set_district (self, json_object_get_int_member_with_default (object, "district", 0));
  atlas_state_set_choropleth (self, json_object_get_string_member_with_default (object, "choropleth", ""));
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}
