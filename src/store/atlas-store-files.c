/* atlas-store-files.c
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

/* open() flags and flock(): POSIX and BSD, outside plain C11. */
#define _GNU_SOURCE
#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atlas-store-private.h"

/* The store's files in the user's folder: written whole or not at all,
 * temporary files a killed write left behind swept at the next start, and
 * a broken user database moved aside under a new name, never deleted.
 */

/* Moves @path (and the journal files SQLite may have left beside it) to a
 * new name with the date and time, and returns that name.
 */
char *
_atlas_store_move_aside (const char  *path,
                         GError     **error)
{
  static const char * const companions[] = { "-journal", "-wal", "-shm", NULL };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = NULL;

  for (guint n = 0; target == NULL || g_file_test (target, G_FILE_TEST_EXISTS); n++)
    {
      g_free (target);
      target = n == 0 ? g_strdup_printf ("%s.broken-%s", path, stamp)
                      : g_strdup_printf ("%s.broken-%s-%u", path, stamp, n);
    }

  if (g_rename (path, target) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot move %s aside: %s"), path, g_strerror (saved));
      return NULL;
    }
  for (guint i = 0; companions[i] != NULL; i++)
    {
      g_autofree char *from = g_strconcat (path, companions[i], NULL);
      g_autofree char *to = g_strconcat (target, companions[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }
  return g_steal_pointer (&target);
}

/* The temporary files _atlas_store_write_file() makes, and those of
 * g_file_set_contents() in earlier versions ("dataset.cqatlas.AB12CD").
 */
static gboolean
is_temporary_name (const char *name)
{
  const char *rest;

  if (g_str_has_prefix (name, ATLAS_STORE_TEMP_PREFIX))
    return TRUE;
  if (!g_str_has_prefix (name, ATLAS_STORE_DATASET_FILE "."))
    return FALSE;
  rest = name + strlen (ATLAS_STORE_DATASET_FILE ".");
  if (g_str_has_prefix (rest, "bak."))
    rest += strlen ("bak.");
  if (strlen (rest) != 6)
    return FALSE;
  for (const char *p = rest; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

/**
 * _atlas_store_sweep_temporary_files:
 *
 * Removes the temporary files a killed write left in @dir.  A file still
 * being written is locked by its writer (see _atlas_store_write_file()),
 * so only abandoned ones go.
 *
 * Returns: how many files were removed
 */
guint
_atlas_store_sweep_temporary_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint removed = 0;

  if (listing == NULL)
    return 0;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      int fd;

      if (!is_temporary_name (name))
        continue;
      path = g_build_filename (dir, name, NULL);
      fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
      if (fd < 0)
        continue;
      if (flock (fd, LOCK_EX | LOCK_NB) == 0 && g_unlink (path) == 0)
        {
          g_debug ("Removed the abandoned temporary file %s", path);
          removed++;
        }
      close (fd);
    }
  return removed;
}

/**
 * _atlas_store_write_file:
 *
 * Writes @bytes to @path whole or not at all: into a temporary file in the
 * same folder, locked while it is written, synced, then renamed over @path.
 */
gboolean
_atlas_store_write_file (const char  *path,
                         GBytes      *bytes,
                         GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *temp = g_build_filename (dir, ATLAS_STORE_TEMP_PREFIX "XXXXXX", NULL);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  int fd, saved = 0;

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved = errno;
      goto failed;
    }
  /* The lock tells a sweep in another instance that this file is alive. */
  flock (fd, LOCK_EX);
  while (size > 0)
    {
      ssize_t written = write (fd, data, MIN (size, (gsize) G_MAXSSIZE));

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          saved = written < 0 ? errno : ENOSPC;
          goto failed;
        }
      data += written;
      size -= written;
    }
  if (fsync (fd) != 0 || g_rename (temp, path) != 0)
    {
      saved = errno;
      goto failed;
    }
  close (fd);
  return TRUE;

failed:
  if (fd >= 0)
    {
      g_unlink (temp);
      close (fd);
    }
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
               _("Cannot write %s: %s"), path, g_strerror (saved));
  return FALSE;
}

/* What identifies one state of the user's file without reading it: where it
 * is (device, inode), its size and modification time to the nanosecond, and
 * its SQLite header, whose change counter moves on every write SQLite makes.
 * NULL when the file cannot be read.
 */
static char *
dup_file_stamp (const char *path)
{
  guint8 header[100] = { 0 };
  g_autoptr(GString) stamp = NULL;
  struct stat info;
  ssize_t got;
  int fd;

  if ((fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0)) < 0)
    return NULL;
  if (fstat (fd, &info) != 0 || !S_ISREG (info.st_mode))
    {
      close (fd);
      return NULL;
    }
  got = read (fd, header, sizeof header);
  close (fd);
  if (got != (ssize_t) sizeof header)
    return NULL;

  stamp = g_string_new ("cq-atlas user check 1\n");
  g_string_append_printf (stamp, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT
                          " %" G_GINT64_FORMAT ".%09ld\n",
                          (guint64) info.st_dev, (guint64) info.st_ino, (gint64) info.st_size,
                          (gint64) info.st_mtim.tv_sec, (long) info.st_mtim.tv_nsec);
  for (gsize i = 0; i < sizeof header; i++)
    g_string_append_printf (stamp, "%02x", header[i]);
  g_string_append_c (stamp, '\n');
  return g_string_free (g_steal_pointer (&stamp), FALSE);
}

static char *
check_record_path (const char *path)
{
  return g_strconcat (path, ".checked", NULL);
}

/**
 * _atlas_store_user_check_is_current:
 *
 * Whether the user's file at @path is, by its stamp, the one that last
 * passed the integrity check (_atlas_store_record_user_check()).  The check
 * reads the whole file: at 100,000 sites it was a third of a second of every
 * start, for a file that had not changed since.
 */
gboolean
_atlas_store_user_check_is_current (const char *path)
{
  g_autofree char *record_path = check_record_path (path);
  g_autofree char *recorded = NULL;
  g_autofree char *now = NULL;
  GStatBuf info;
  gsize length = 0;

  /* A stamp is a few hundred bytes; anything else there is not one. */
  if (g_stat (record_path, &info) != 0 || info.st_size > 4096)
    return FALSE;
  if (!g_file_get_contents (record_path, &recorded, &length, NULL))
    return FALSE;
  if ((now = dup_file_stamp (path)) == NULL)
    return FALSE;
  return g_str_equal (recorded, now);
}

/**
 * _atlas_store_record_user_check:
 *
 * Notes that the user's file at @path, as it is now, passed the integrity
 * check.  A failure to note it only costs a check at the next start.
 */
void
_atlas_store_record_user_check (const char *path)
{
  g_autofree char *record_path = check_record_path (path);
  g_autofree char *stamp = dup_file_stamp (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (stamp == NULL)
    return;
  length = strlen (stamp);
  bytes = g_bytes_new_take (g_steal_pointer (&stamp), length);
  if (!_atlas_store_write_file (record_path, bytes, &error))
    g_debug ("Cannot note the check of %s: %s", path, error->message);
}
