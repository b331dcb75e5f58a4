/* atlas-import-work.c
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

#include "atlas-import-private.h"

/* What the steps of an import share, below the plan that runs them: the
 * records read and the problems found so far, the names of the inputs, and
 * the ticker that reports progress and notices a Cancel.  The plan
 * (atlas-import.c) calls the steps; the steps call only this.
 */

G_DEFINE_QUARK (atlas-import-error-quark, atlas_import_error)

/* ---- the work of one import ------------------------------------------- */

static void
file_problem_free (FileProblem *problem)
{
  g_free (problem->column);
  g_free (problem->message);
  g_free (problem);
}

ImportWork *
_atlas_import_work_new (AtlasStore *store)
{
  ImportWork *work = g_new0 (ImportWork, 1);

  work->store = g_object_ref (store);
  work->records = g_ptr_array_new_with_free_func ((GDestroyNotify) _atlas_record_free);
  work->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) file_problem_free);
  work->files = g_ptr_array_new_with_free_func (g_free);
  return work;
}

void
_atlas_import_work_free (ImportWork *work)
{
  if (work == NULL)
    return;
  g_clear_pointer (&work->records, g_ptr_array_unref);
  g_clear_pointer (&work->problems, g_ptr_array_unref);
  g_clear_pointer (&work->files, g_ptr_array_unref);
  g_clear_object (&work->store);
  g_free (work);
}

/* The name of an input, kept as long as the work: records point to it. */
const char *
_atlas_import_work_add_file_name (ImportWork *work,
                                  const char *name)
{
  for (guint i = 0; i < work->files->len; i++)
    if (g_str_equal (g_ptr_array_index (work->files, i), name))
      return g_ptr_array_index (work->files, i);
  g_ptr_array_add (work->files, g_strdup (name));
  return g_ptr_array_index (work->files, work->files->len - 1);
}

void
_atlas_import_work_add_problem (ImportWork *work,
                                const char *file,
                                guint       line,
                                const char *column,
                                const char *format,
                                ...)
{
  FileProblem *problem = g_new0 (FileProblem, 1);
  va_list args;

  problem->file = _atlas_import_work_add_file_name (work, file);
  problem->line = line;
  problem->column = g_strdup (column);
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (work->problems, problem);
  work->validated = FALSE;
}

/* Returns FALSE when the work should stop. */
gboolean
_atlas_import_ticker_tick (ImportTicker     *ticker,
                           AtlasImportPhase  phase,
                           guint             done,
                           guint             total)
{
  if (ticker == NULL)
    return TRUE;
  if (g_cancellable_is_cancelled (ticker->cancellable))
    return FALSE;
  if (ticker->func != NULL)
    ticker->func (ticker->data, phase, done, total);
  return TRUE;
}
