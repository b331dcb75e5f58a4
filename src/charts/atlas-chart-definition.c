/* atlas-chart-definition.c
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
#include <json-glib/json-glib.h>

#include "atlas-chart-definition.h"
#include "atlas-l10n.h"

/* Charts are data: resources/charts/charts.json lists each chart's id, kind,
 * titles and where its numbers come from -- a statistic series of the
 * dataset ("series"), an aggregation of the records ("aggregation"), or
 * hand-picked statistics ("statistics": one list per layer).  Adding a
 * chart means adding an entry there, not code.
 */

#define DEFINITIONS_PATH "/io/github/cqatlas/ScienceAtlas/charts/charts.json"

struct _AtlasChartDefinition
{
  GObject         parent_instance;

  char           *id;
  AtlasChartKind  kind;
  char           *title_zh;
  char           *title_en;
  char           *series;
  char           *aggregation;
  GPtrArray      *layers; /* of GStrv */
};

G_DEFINE_FINAL_TYPE (AtlasChartDefinition, atlas_chart_definition, G_TYPE_OBJECT)

static const struct
{
  const char *key;
  const char *label;
} kinds[] = {
  [ATLAS_CHART_KIND_HBAR] = { "hbar", N_("Bar chart") },
  [ATLAS_CHART_KIND_VBAR] = { "vbar", N_("Column chart") },
  [ATLAS_CHART_KIND_STACKED] = { "stacked", N_("Stacked column chart") },
  [ATLAS_CHART_KIND_GROUPED] = { "grouped", N_("Grouped column chart") },
  [ATLAS_CHART_KIND_LINE] = { "line", N_("Line chart") },
  [ATLAS_CHART_KIND_DONUT] = { "donut", N_("Donut chart") },
  [ATLAS_CHART_KIND_CARDS] = { "cards", N_("Key figures") },
};

gboolean
atlas_chart_kind_from_string (const char     *text,
                              AtlasChartKind *kind)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].key, text))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
atlas_chart_kind_to_string (AtlasChartKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);
  return kinds[kind].key;
}

const char *
atlas_chart_kind_get_label (AtlasChartKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);
  return _(kinds[kind].label);
}

static void
atlas_chart_definition_finalize (GObject *object)
{
  AtlasChartDefinition *self = ATLAS_CHART_DEFINITION (object);

  g_free (self->id);
  g_free (self->title_zh);
  g_free (self->title_en);
  g_free (self->series);
  g_free (self->aggregation);
  g_ptr_array_unref (self->layers);
  G_OBJECT_CLASS (atlas_chart_definition_parent_class)->finalize (object);
}

static void
atlas_chart_definition_class_init (AtlasChartDefinitionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_chart_definition_finalize;
}

static void
atlas_chart_definition_init (AtlasChartDefinition *self)
{
  self->layers = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

static char *
dup_member (JsonObject *object,
            const char *name)
{
  if (!json_object_has_member (object, name))
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (object, name, NULL));
}

static GStrv
strv_from_array (JsonArray *array)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *s = json_array_get_string_element (array, i);
      if (s != NULL)
        g_strv_builder_add (builder, s);
    }
  return g_strv_builder_end (builder);
}

static AtlasChartDefinition *
definition_from_json (JsonObject  *object,
                      guint        index,
                      GError     **error)
{
  g_autoptr(AtlasChartDefinition) self = g_object_new (ATLAS_TYPE_CHART_DEFINITION, NULL);
  const char *kind = json_object_get_string_member_with_default (object, "kind", NULL);
  guint sources = 0;

  self->id = dup_member (object, "id");
  self->title_zh = dup_member (object, "title_zh");
  self->title_en = dup_member (object, "title_en");
  self->series = dup_member (object, "series");
  self->aggregation = dup_member (object, "aggregation");

  if (self->id == NULL || !atlas_chart_kind_from_string (kind, &self->kind))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "chart %u: needs an \"id\" and a known \"kind\"", index);
      return NULL;
    }

  if (json_object_has_member (object, "statistics") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "statistics")))
    {
      JsonArray *layers = json_object_get_array_member (object, "statistics");

      for (guint i = 0; layers != NULL && i < json_array_get_length (layers); i++)
        {
          JsonNode *node = json_array_get_element (layers, i);

          /* A flat list of ids is one layer; a list of lists is several. */
          if (JSON_NODE_HOLDS_ARRAY (node))
            g_ptr_array_add (self->layers, strv_from_array (json_node_get_array (node)));
          else if (i == 0)
            {
              g_ptr_array_add (self->layers, strv_from_array (layers));
              break;
            }
        }
    }

  sources = (self->series != NULL) + (self->aggregation != NULL) + (self->layers->len > 0);
  if (sources != 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "chart “%s”: needs exactly one of \"series\", \"aggregation\", \"statistics\"",
                   self->id);
      return NULL;
    }

  return g_steal_pointer (&self);
}

GListModel *
atlas_chart_definition_load_from_data (const char  *json,
                                       gssize       length,
                                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GListStore) store = g_list_store_new (ATLAS_TYPE_CHART_DEFINITION);
  JsonNode *root;
  JsonArray *charts;

  if (!json_parser_load_from_data (parser, json, length, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "charts") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "charts")) ||
      (charts = json_object_get_array_member (json_node_get_object (root), "charts")) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "the chart definitions need a \"charts\" array");
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (charts); i++)
    {
      JsonObject *object = json_array_get_object_element (charts, i);
      g_autoptr(AtlasChartDefinition) definition = NULL;

      if (object == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "chart %u: not an object", i);
          return NULL;
        }
      if ((definition = definition_from_json (object, i, error)) == NULL)
        return NULL;
      if (atlas_chart_definition_find (G_LIST_MODEL (store), definition->id) != NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "chart “%s” is defined twice", definition->id);
          return NULL;
        }
      g_list_store_append (store, definition);
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * atlas_chart_definition_load_all:
 *
 * Returns: (transfer full): the gallery's charts, in order, from the
 *   application's resources
 */
GListModel *
atlas_chart_definition_load_all (GError **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (DEFINITIONS_PATH, 0, error);
  gsize length;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  return atlas_chart_definition_load_from_data (data, length, error);
}

/* Returns: (transfer none) (nullable) */
AtlasChartDefinition *
atlas_chart_definition_find (GListModel *definitions,
                             const char *id)
{
  guint n = g_list_model_get_n_items (definitions);

  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(AtlasChartDefinition) definition = g_list_model_get_item (definitions, i);

      if (g_str_equal (definition->id, id))
        return definition; /* the model keeps it alive */
    }
  return NULL;
}

const char *
atlas_chart_definition_get_id (AtlasChartDefinition *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_DEFINITION (self), NULL);
  return self->id;
}

AtlasChartKind
atlas_chart_definition_get_kind (AtlasChartDefinition *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_DEFINITION (self), ATLAS_CHART_KIND_HBAR);
  return self->kind;
}

/* Returns: the title in the reader's language, or %NULL to use the data's. */
const char *
atlas_chart_definition_get_title (AtlasChartDefinition *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_DEFINITION (self), NULL);
  if (self->title_zh == NULL && self->title_en == NULL)
    return NULL;
  return atlas_l10n_pick (self->title_zh, self->title_en);
}

const char *
atlas_chart_definition_get_series (AtlasChartDefinition *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_DEFINITION (self), NULL);
  return self->series;
}

const char *
atlas_chart_definition_get_aggregation (AtlasChartDefinition *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_DEFINITION (self), NULL);
  return self->aggregation;
}

guint
atlas_chart_definition_get_n_layers (AtlasChartDefinition *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_DEFINITION (self), 0);
  return self->layers->len;
}

const char * const *
atlas_chart_definition_get_statistics (AtlasChartDefinition *self,
                                       guint                 layer)
{
  g_return_val_if_fail (ATLAS_IS_CHART_DEFINITION (self), NULL);
  g_return_val_if_fail (layer < self->layers->len, NULL);
  return (const char * const *) g_ptr_array_index (self->layers, layer);
}
