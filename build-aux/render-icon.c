/* render-icon.c: draws an SVG icon as a PNG of a given size, for the
 * fixed-size copies of the atlas's icons (see render-icons.sh).
 *
 *   render-icon INPUT.svg SIZE OUTPUT.png [--symbolic]
 *
 * --symbolic writes GTK's recolourable form (.symbolic.png): every pixel
 * black, its coverage in the alpha channel, so that GTK paints it in the
 * foreground colour of wherever it is shown.
 *
 * Copyright 2026 The Chongqing Science Atlas authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  int size;

  if (argc < 4 || (size = atoi (argv[2])) <= 0)
    {
      g_printerr ("usage: render-icon INPUT.svg SIZE OUTPUT.png [--symbolic]\n");
      return 2;
    }
  pixbuf = gdk_pixbuf_new_from_file_at_size (argv[1], size, size, &error);
  if (pixbuf == NULL || !gdk_pixbuf_get_has_alpha (pixbuf))
    {
      g_printerr ("%s: %s\n", argv[1], error ? error->message : "no alpha channel");
      return 1;
    }
  if (argc > 4 && strcmp (argv[4], "--symbolic") == 0)
    {
      guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
      int stride = gdk_pixbuf_get_rowstride (pixbuf);

      for (int y = 0; y < gdk_pixbuf_get_height (pixbuf); y++)
        for (int x = 0; x < gdk_pixbuf_get_width (pixbuf); x++)
          memset (pixels + y * stride + 4 * x, 0, 3);
    }
  if (!gdk_pixbuf_save (pixbuf, argv[3], "png", &error, "compression", "9", NULL))
    {
      g_printerr ("%s: %s\n", argv[3], error->message);
      return 1;
    }
  return 0;
}
