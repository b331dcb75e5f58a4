/* atlas-import-row.c
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

#define G_LOG_DOMAIN "atlas-import"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-import-private.h"

/* One line of an import's report: a record with what the import does with
 * it (add, change, leave, reject) and every reason it was rejected, or a
 * whole input that was.  Rows are made in the worker thread and never
 * change afterwards, so the preview can show them from the main thread.
 */

struct _AtlasImportRow
{
  GObject           parent_instance;

  AtlasImportAction action;
  const char       *table;      /* static, from the table specs */
  char             *id;
  char             *name_zh;
  char             *name_en;
  GRefString       *file;
  guint             line;
  char             *changes;    /* what a change changes */
  GPtrArray        *problems;   /* Problem */
};

G_DEFINE_FINAL_TYPE (AtlasImportRow, atlas_import_row, G_TYPE_OBJECT)

static void
atlas_import_row_finalize (GObject *object)
{
  AtlasImportRow *self = (AtlasImportRow *)object;

  g_free (self->id);
  g_free (self->name_zh);
  g_free (self->name_en);
  g_clear_pointer (&self->file, g_ref_string_release);
  g_free (self->changes);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (atlas_import_row_parent_class)->finalize (object);
}

static void
atlas_import_row_class_init (AtlasImportRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_import_row_finalize;
}

static void
atlas_import_row_init (AtlasImportRow *self)
{
}

static void
problem_free (Problem *problem)
{
  g_free (problem->column);
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (AtlasImportRow *self,
             const char     *column,
             const char     *message)
{
  Problem *problem = g_new0 (Problem, 1);

  if (self->problems == NULL)
    self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  problem->column = g_strdup (column);
  problem->message = g_strdup (message);
  g_ptr_array_add (self->problems, problem);
}

AtlasImportRow *
_atlas_import_row_new_for_record (Record *record)
{
  AtlasImportRow *self = g_object_new (ATLAS_TYPE_IMPORT_ROW, NULL);
  const TableSpec *table = record->table;

  self->action = record->action;
  self->table = table->name;
  /* A link row is named by its first two key columns ("site hand-lab"). */
  if (table->n_keys > 1)
    self->id = g_strdup_printf ("%s %s", record->values[0] ? record->values[0] : "",
                                record->values[1] ? record->values[1] : "");
  else
    self->id = g_strdup (record->values[0]);
  if (table->title_zh != NULL)
    {
      self->name_zh = g_strdup (_atlas_record_get (record, table->title_zh));
      self->name_en = g_strdup (_atlas_record_get (record, table->title_en));
    }
  self->file = g_ref_string_new_intern (record->file);
  self->line = record->line;
  self->changes = g_strdup (record->changes);
  if (record->problems != NULL)
    for (guint i = 0; i < record->problems->len; i++)
      {
        Problem *problem = g_ptr_array_index (record->problems, i);
        add_problem (self, problem->column, problem->message);
      }
  return self;
}

AtlasImportRow *
_atlas_import_row_new_for_problem (FileProblem *problem)
{
  AtlasImportRow *self = g_object_new (ATLAS_TYPE_IMPORT_ROW, NULL);

  self->action = ATLAS_IMPORT_ACTION_REJECT;
  self->file = g_ref_string_new_intern (problem->file);
  self->line = problem->line;
  add_problem (self, problem->column, problem->message);
  return self;
}

AtlasImportAction
atlas_import_row_get_action (AtlasImportRow *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), ATLAS_IMPORT_ACTION_REJECT);
  return self->action;
}

/**
 * atlas_import_row_get_table:
 *
 * Returns: (nullable): the table of the record ("site"), or %NULL for a
 *   problem with a whole input
 */
const char *
atlas_import_row_get_table (AtlasImportRow *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), NULL);
  return self->table;
}

const char *
atlas_import_row_get_id (AtlasImportRow *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), NULL);
  return self->id;
}

/**
 * atlas_import_row_get_name_zh:
 *
 * Returns: (nullable): the record's Chinese name or title, as the input has it
 */
const char *
atlas_import_row_get_name_zh (AtlasImportRow *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), NULL);
  return self->name_zh;
}

const char *
atlas_import_row_get_name_en (AtlasImportRow *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), NULL);
  return self->name_en;
}

const char *
atlas_import_row_get_file (AtlasImportRow *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), NULL);
  return self->file;
}

guint
atlas_import_row_get_line (AtlasImportRow *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), 0);
  return self->line;
}

guint
atlas_import_row_get_n_problems (AtlasImportRow *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), 0);
  return self->problems != NULL ? self->problems->len : 0;
}

/**
 * atlas_import_row_get_problem:
 * @column: (out) (optional) (nullable): the column it is about
 *
 * Returns: the reason of the problem @index
 */
const char *
atlas_import_row_get_problem (AtlasImportRow  *self,
                              guint            index,
                              const char     **column)
{
  Problem *problem;

  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), NULL);
  g_return_val_if_fail (index < atlas_import_row_get_n_problems (self), NULL);

  problem = g_ptr_array_index (self->problems, index);
  if (column != NULL)
    *column = problem->column;
  return problem->message;
}

/**
 * atlas_import_row_get_column:
 *
 * Returns: (nullable): the column of the first problem
 */
const char *
atlas_import_row_get_column (AtlasImportRow *self)
{
  const char *column = NULL;

  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), NULL);

  if (atlas_import_row_get_n_problems (self) > 0)
    atlas_import_row_get_problem (self, 0, &column);
  return column;
}

/**
 * atlas_import_row_get_message:
 *
 * Returns: (nullable): the first problem, or what a change changes
 */
const char *
atlas_import_row_get_message (AtlasImportRow *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), NULL);

  if (atlas_import_row_get_n_problems (self) > 0)
    return atlas_import_row_get_problem (self, 0, NULL);
  return self->changes;
}

static char *
format_location (AtlasImportRow *self,
                 const char     *column)
{
  if (column != NULL)
    return g_strdup_printf ("%s:%u:%s", self->file, self->line, column);
  return g_strdup_printf ("%s:%u", self->file, self->line);
}

/**
 * atlas_import_row_dup_location:
 *
 * Returns: (transfer full): "file:line" or "file:line:column" of the first
 *   problem
 */
char *
atlas_import_row_dup_location (AtlasImportRow *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), NULL);

  return format_location (self, atlas_import_row_get_column (self));
}

char *
atlas_import_row_dup_problem_location (AtlasImportRow *self,
                                       guint           index)
{
  const char *column = NULL;

  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), NULL);

  atlas_import_row_get_problem (self, index, &column);
  return format_location (self, column);
}

/**
 * atlas_import_action_to_label:
 *
 * Returns: what an import does with a record, in words of the preview
 */
const char *
atlas_import_action_to_label (AtlasImportAction action)
{
  switch (action)
    {
    case ATLAS_IMPORT_ACTION_ADD: return _("Add");
    case ATLAS_IMPORT_ACTION_CHANGE: return _("Change");
    case ATLAS_IMPORT_ACTION_UNCHANGED: return _("Already there");
    case ATLAS_IMPORT_ACTION_REJECT:
    default: return _("Rejected");
    }
}

/**
 * atlas_import_table_to_label:
 *
 * Returns: the name of a kind of record, translated ("site" → 地点)
 */
const char *
atlas_import_table_to_label (const char *table)
{
  static const struct { const char *name; const char *label; } labels[] = {
    { "source", NC_("record kind", "source") },
    { "site", NC_("record kind", "site") },
    { "party", NC_("record kind", "party") },
    { "event", NC_("record kind", "event") },
    { "series", NC_("record kind", "series") },
    { "statistic", NC_("record kind", "statistic") },
    { "event_party", NC_("record kind", "event party") },
    { "event_site", NC_("record kind", "event site") },
    { "citation", NC_("record kind", "citation") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].name, table) == 0)
      return g_dpgettext2 (NULL, "record kind", labels[i].label);
  return table;
}
