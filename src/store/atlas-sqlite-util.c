/* atlas-sqlite-util.c
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

#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-sqlite-util.h"

/* Small helpers every SQLite user in src/store shares: one way to run a
 * constant script, one set of defensive settings for connections that read
 * files from outside (following SQLite's "Defense Against the Dark Arts"),
 * one way to quote a name, and a time budget for long checks.
 */

/**
 * atlas_sqlite_exec:
 * @sql: a constant of the program; never text that holds data or names
 *   read from a file or the network
 *
 * Runs @sql (one or more statements), reporting a failure in @domain/@code.
 */
gboolean
atlas_sqlite_exec (sqlite3     *db,
                   const char  *sql,
                   GQuark       domain,
                   int          code,
                   GError     **error)
{
  char *message = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, domain, code, "%s", message ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

/**
 * atlas_sqlite_harden:
 *
 * Settings for any connection that opens a database the program did not
 * make itself this run (a package, the user's file, a downloaded dataset):
 * the schema cannot be written, functions and virtual tables are not
 * trusted inside the schema, triggers and views stored in a file never run
 * (TEMP ones, which only the program creates, still do), and no extension
 * can be loaded.
 */
void
atlas_sqlite_harden (sqlite3 *db)
{
  g_return_if_fail (db != NULL);

  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_exec (db, "PRAGMA cell_size_check = ON", NULL, NULL, NULL);
}

/**
 * atlas_sqlite_limit_untrusted:
 *
 * Lower limits for a connection that only reads a file from outside: a
 * hostile schema cannot make statements, expressions or values larger than
 * any the atlas has.
 */
void
atlas_sqlite_limit_untrusted (sqlite3 *db)
{
  g_return_if_fail (db != NULL);

  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, 16 * 1024 * 1024);
  sqlite3_limit (db, SQLITE_LIMIT_SQL_LENGTH, 64 * 1024);
  sqlite3_limit (db, SQLITE_LIMIT_COLUMN, 100);
  sqlite3_limit (db, SQLITE_LIMIT_EXPR_DEPTH, 50);
  sqlite3_limit (db, SQLITE_LIMIT_COMPOUND_SELECT, 4);
  sqlite3_limit (db, SQLITE_LIMIT_VDBE_OP, 25000);
  sqlite3_limit (db, SQLITE_LIMIT_FUNCTION_ARG, 8);
  sqlite3_limit (db, SQLITE_LIMIT_ATTACHED, 0);
  sqlite3_limit (db, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 64);
  sqlite3_limit (db, SQLITE_LIMIT_VARIABLE_NUMBER, 32);
  sqlite3_limit (db, SQLITE_LIMIT_TRIGGER_DEPTH, 1);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
}

/**
 * atlas_sqlite_append_identifier:
 *
 * Appends @name to @sql as a quoted SQL identifier.  The atlas builds SQL
 * only from names in its own tables of names; quoting them all the same way
 * keeps even a mistake there from becoming syntax.
 */
void
atlas_sqlite_append_identifier (GString    *sql,
                                const char *name)
{
  g_return_if_fail (sql != NULL);
  g_return_if_fail (name != NULL);

  g_string_append_c (sql, '"');
  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (sql, '"');
      g_string_append_c (sql, *p);
    }
  g_string_append_c (sql, '"');
}

/* ---- a time budget ---------------------------------------------------- */

struct _AtlasSqliteBudget
{
  sqlite3      *db;
  gint64        deadline;       /* monotonic, µs */
  GCancellable *cancellable;
  gboolean      timed_out;
  gboolean      cancelled;
  guint         milliseconds;
};

static int
on_progress (void *user_data)
{
  AtlasSqliteBudget *budget = user_data;

  if (budget->cancellable != NULL && g_cancellable_is_cancelled (budget->cancellable))
    {
      budget->cancelled = TRUE;
      return 1;
    }
  if (g_get_monotonic_time () > budget->deadline)
    {
      budget->timed_out = TRUE;
      return 1;
    }
  return 0;
}

/**
 * atlas_sqlite_budget_begin:
 *
 * Interrupts every statement on @db once @milliseconds have passed or
 * @cancellable is cancelled, until atlas_sqlite_budget_end().  A statement
 * stopped this way fails with SQLITE_INTERRUPT.
 */
AtlasSqliteBudget *
atlas_sqlite_budget_begin (sqlite3      *db,
                           guint         milliseconds,
                           GCancellable *cancellable)
{
  AtlasSqliteBudget *budget = g_new0 (AtlasSqliteBudget, 1);

  budget->db = db;
  budget->milliseconds = milliseconds;
  budget->deadline = g_get_monotonic_time () + (gint64) milliseconds * 1000;
  budget->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  /* About every thousand virtual machine steps: cheap, and fine-grained
   * enough that a runaway query stops within milliseconds.
   */
  sqlite3_progress_handler (db, 1000, on_progress, budget);
  return budget;
}

gboolean
atlas_sqlite_budget_exceeded (AtlasSqliteBudget *budget)
{
  return budget->timed_out || budget->cancelled;
}

/* Removes the handler; FALSE (and @error) when the budget ran out. */
gboolean
atlas_sqlite_budget_end (AtlasSqliteBudget  *budget,
                         GError            **error)
{
  if (budget->db != NULL)
    sqlite3_progress_handler (budget->db, 0, NULL, NULL);
  budget->db = NULL;

  if (budget->cancelled)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
      return FALSE;
    }
  if (budget->timed_out)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                   _("The check took longer than %u s and was stopped"),
                   (budget->milliseconds + 999) / 1000);
      return FALSE;
    }
  return TRUE;
}

void
atlas_sqlite_budget_free (AtlasSqliteBudget *budget)
{
  if (budget == NULL)
    return;
  if (budget->db != NULL)
    sqlite3_progress_handler (budget->db, 0, NULL, NULL);
  g_clear_object (&budget->cancellable);
  g_free (budget);
}
