/* first-frame-probe.c: preloaded into a GTK 4 program, ends it on its first
 * painted frame.
 *
 * Copyright 2026 The Chongqing Science Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * build-aux/bench-startup.sh builds this into a small shared library and runs
 * both the application and an empty window with it in LD_PRELOAD, so that the
 * same code decides, in the same way, when each has shown its first frame:
 * the first time a surface renders (GdkSurface::render), once that frame
 * clock cycle has finished (GdkFrameClock::after-paint) and the X server has
 * everything (gdk_display_sync), the process ends with _exit(0) — no
 * teardown, which is not start-up.  Nothing in the program is changed: the
 * hooks are GObject emission hooks, installed from the library's constructor.
 * Preload it into the measured program alone (env LD_PRELOAD=... PROGRAM), not
 * into a wrapper such as timeout; a wrapper that execs its client, such as
 * valgrind, passes it on.
 *
 * If $FIRST_FRAME_PROBE_REPORT names a file, one line is appended to it:
 *   first_frame_ms=<ms since the probe loaded> maxrss_kib=<peak RSS>
 */

/* getrusage() and O_CLOEXEC are POSIX, not C11. */
#define _DEFAULT_SOURCE

#include <gtk/gtk.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static gint64 loaded_at;
static gboolean rendered;

static void
report_and_exit (void)
{
  const char *report = g_getenv ("FIRST_FRAME_PROBE_REPORT");
  GdkDisplay *display = gdk_display_get_default ();
  struct rusage usage;

  if (display != NULL)
    gdk_display_sync (display);

  if (report != NULL && *report != '\0' && getrusage (RUSAGE_SELF, &usage) == 0)
    {
      char line[128];
      int fd = open (report, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
      int len = snprintf (line, sizeof line, "first_frame_ms=%.1f maxrss_kib=%ld\n",
                          (g_get_monotonic_time () - loaded_at) / 1000.0, usage.ru_maxrss);

      if (fd >= 0)
        {
          if (write (fd, line, (size_t) len) != len)
            _exit (3);
          close (fd);
        }
    }

  _exit (0);
}

static gboolean
on_render (GSignalInvocationHint *hint,
           guint                  n_values,
           const GValue          *values,
           gpointer               user_data)
{
  rendered = TRUE;
  return FALSE; /* one frame is enough: remove the hook */
}

static gboolean
on_after_paint (GSignalInvocationHint *hint,
                guint                  n_values,
                const GValue          *values,
                gpointer               user_data)
{
  if (rendered)
    report_and_exit ();
  return TRUE;
}

__attribute__((constructor)) static void
first_frame_probe_init (void)
{
  guint render, after_paint;

  loaded_at = g_get_monotonic_time ();

  /* Signals exist once their class does. */
  g_type_class_unref (g_type_class_ref (GDK_TYPE_SURFACE));
  g_type_class_unref (g_type_class_ref (GDK_TYPE_FRAME_CLOCK));
  render = g_signal_lookup ("render", GDK_TYPE_SURFACE);
  after_paint = g_signal_lookup ("after-paint", GDK_TYPE_FRAME_CLOCK);
  if (render == 0 || after_paint == 0)
    {
      fprintf (stderr, "first-frame-probe: this GTK has no GdkSurface::render or "
                       "GdkFrameClock::after-paint signal\n");
      _exit (4);
    }

  g_signal_add_emission_hook (render, 0, on_render, NULL, NULL);
  g_signal_add_emission_hook (after_paint, 0, on_after_paint, NULL, NULL);
}
