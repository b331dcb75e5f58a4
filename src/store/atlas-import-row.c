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
 * whole input that was.
 *
 * The report of a 100,000-row import is built in the worker thread as plain
 * structs in one RowSet (strings in one GStringChunk) and never changes
 * afterwards; the GObject of a row is made only when a list view (or the
 * text report) asks for it, and keeps the set alive.
 */

typedef struct
{
  AtlasImportAction action;
  const char       *table;      /* static, from the table specs */
  const char       *about;      /* a citation's kind of record, static */
  const char       *id;
  const char       *name_zh;
  const char       *name_en;
  const char       *file;
  const char       *changes;    /* what a change changes */
  guint             line;
  guint             first_problem;
  guint             n_problems;
} RowData;

typedef struct
{
  const char *column;
  const char *message;
} RowProblem;

struct _RowSet
{
  gatomicrefcount  ref_count;
  GArray          *rows;        /* RowData */
  GArray          *problems;    /* RowProblem */
  GStringChunk    *strings;
  guint            counts[4];
};

struct _AtlasImportRow
{
  GObject  parent_instance;

  RowSet  *set;
  guint    index;
};

G_DEFINE_FINAL_TYPE (AtlasImportRow, atlas_import_row, G_TYPE_OBJECT)

RowSet *
_atlas_row_set_new (void)
{
  RowSet *set = g_new0 (RowSet, 1);

  g_atomic_ref_count_init (&set->ref_count);
  set->rows = g_array_new (FALSE, TRUE, sizeof (RowData));
  set->problems = g_array_new (FALSE, TRUE, sizeof (RowProblem));
  set->strings = g_string_chunk_new (64 * 1024);
  return set;
}

RowSet *
_atlas_row_set_ref (RowSet *set)
{
  g_atomic_ref_count_inc (&set->ref_count);
  return set;
}

void
_atlas_row_set_unref (RowSet *set)
{
  if (set == NULL || !g_atomic_ref_count_dec (&set->ref_count))
    return;
  g_array_unref (set->rows);
  g_array_unref (set->problems);
  g_string_chunk_free (set->strings);
  g_free (set);
}

guint
_atlas_row_set_get_n_rows (RowSet *set)
{
  return set->rows->len;
}

const guint *
_atlas_row_set_get_counts (RowSet *set)
{
  return set->counts;
}

static const char *
keep (RowSet     *set,
      const char *text)
{
  return text != NULL ? g_string_chunk_insert (set->strings, text) : NULL;
}

static void
add_problem (RowSet     *set,
             RowData    *row,
             const char *column,
             const char *message)
{
  RowProblem problem = { keep (set, column), keep (set, message) };

  if (row->n_problems == 0)
    row->first_problem = set->problems->len;
  g_array_append_val (set->problems, problem);
  row->n_problems++;
}

void
_atlas_row_set_add_record (RowSet *set,
                           Record *record)
{
  const TableSpec *table = record->table;
  RowData row = { 0 };

  row.action = record->action;
  row.table = table->name;
  /* A citation is named by what it cites: the kind (translated where it
   * is shown) and the id.  Another link row by its first two key columns
   * ("hand-event hand-party").
   */
  if (g_str_equal (table->name, "citation") && _atlas_import_find_table (record->values[0]) != NULL)
    {
      row.about = _atlas_import_find_table (record->values[0])->name;
      row.id = keep (set, record->values[1]);
    }
  else if (table->n_keys > 1)
    {
      g_autofree char *id = g_strdup_printf ("%s %s", record->values[0] ? record->values[0] : "",
                                             record->values[1] ? record->values[1] : "");
      row.id = keep (set, id);
    }
  else
    row.id = keep (set, record->values[0]);
  if (table->title_zh != NULL)
    {
      row.name_zh = keep (set, _atlas_record_get (record, table->title_zh));
      row.name_en = keep (set, _atlas_record_get (record, table->title_en));
    }
  row.file = g_string_chunk_insert_const (set->strings, record->file);
  row.line = record->line;
  row.changes = keep (set, record->changes);
  if (record->problems != NULL)
    for (guint i = 0; i < record->problems->len; i++)
      {
        Problem *problem = g_ptr_array_index (record->problems, i);
        add_problem (set, &row, problem->column, problem->message);
      }
  g_array_append_val (set->rows, row);
  set->counts[row.action]++;
}

void
_atlas_row_set_add_problem (RowSet      *set,
                            FileProblem *problem)
{
  RowData row = { 0 };

  row.action = ATLAS_IMPORT_ACTION_REJECT;
  row.file = g_string_chunk_insert_const (set->strings, problem->file);
  row.line = problem->line;
  add_problem (set, &row, problem->column, problem->message);
  g_array_append_val (set->rows, row);
  set->counts[row.action]++;
}

static void
atlas_import_row_finalize (GObject *object)
{
  AtlasImportRow *self = (AtlasImportRow *)object;

  g_clear_pointer (&self->set, _atlas_row_set_unref);

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

AtlasImportRow *
_atlas_import_row_new (RowSet *set,
                       guint   index)
{
  AtlasImportRow *self;

  g_return_val_if_fail (index < set->rows->len, NULL);

  self = g_object_new (ATLAS_TYPE_IMPORT_ROW, NULL);
  self->set = _atlas_row_set_ref (set);
  self->index = index;
  return self;
}

static inline RowData *
data (AtlasImportRow *self)
{
  return &g_array_index (self->set->rows, RowData, self->index);
}

AtlasImportAction
atlas_import_row_get_action (AtlasImportRow *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), ATLAS_IMPORT_ACTION_REJECT);
  return data (self)->action;
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
  return data (self)->table;
}

const char *
atlas_import_row_get_id (AtlasImportRow *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), NULL);
  return data (self)->id;
}

/**
 * atlas_import_row_get_about:
 *
 * Returns: (nullable): for a citation, the kind of record it cites ("site")
 */
const char *
atlas_import_row_get_about (AtlasImportRow *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), NULL);
  return data (self)->about;
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
  return data (self)->name_zh;
}

const char *
atlas_import_row_get_name_en (AtlasImportRow *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), NULL);
  return data (self)->name_en;
}

const char *
atlas_import_row_get_file (AtlasImportRow *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), NULL);
  return data (self)->file;
}

guint
atlas_import_row_get_line (AtlasImportRow *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), 0);
  return data (self)->line;
}

guint
atlas_import_row_get_n_problems (AtlasImportRow *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), 0);
  return data (self)->n_problems;
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
  RowProblem *problem;

  g_return_val_if_fail (ATLAS_IS_IMPORT_ROW (self), NULL);
  g_return_val_if_fail (index < atlas_import_row_get_n_problems (self), NULL);

  problem = &g_array_index (self->set->problems, RowProblem, data (self)->first_problem + index);
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
  return data (self)->changes;
}

static char *
format_location (AtlasImportRow *self,
                 const char     *column)
{
  if (column != NULL)
    return g_strdup_printf ("%s:%u:%s", data (self)->file, data (self)->line, column);
  return g_strdup_printf ("%s:%u", data (self)->file, data (self)->line);
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
    { "district", NC_("record kind", "district") },
    { "area", NC_("record kind", "area") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].name, table) == 0)
      return g_dpgettext2 (NULL, "record kind", labels[i].label);
  return table;
}
