/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Chongqing Science Atlas authors */

/* Loads every icon the application installs (data/icons, named by
 * $CQ_ATLAS_ICON_DIR) and every icon compiled into its resource, the way the
 * desktop and GTK load them: with gdk-pixbuf, which picks its loader by
 * sniffing the first bytes of the file, and as a GdkTexture.  An icon that
 * does not load shows as a broken image in the shell, the dock and About, so
 * any such icon fails the test. */

#include <gtk/gtk.h>
#include <stdio.h>
#include <string.h>

/* shared-mime-info recognises an SVG only when "<svg" (or "<!DOCTYPE svg")
 * starts within the first 256 bytes; past that the file is plain XML to the
 * sniffer and gdk-pixbuf finds no loader for it.  A licence comment before the
 * root element is the usual way to get there. */
#define SVG_SNIFF_WINDOW 256

static gboolean
is_icon_name (const char *name)
{
  return g_str_has_suffix (name, ".svg") || g_str_has_suffix (name, ".png");
}

/* Checks that @data (the contents of @name) puts its root element where the
 * content-type sniffer looks for it. */
static gboolean
check_svg_root (const char    *name,
                const guint8  *data,
                gsize          size,
                GError       **error)
{
  gsize window = MIN (size, SVG_SNIFF_WINDOW);

  if (!g_str_has_suffix (name, ".svg"))
    return TRUE;

  for (gsize i = 0; i + 4 <= window; i++)
    if (memcmp (data + i, "<svg", 4) == 0)
      return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               "%s: <svg does not start within the first %d bytes, so it is not "
               "recognised as an SVG image (move comments inside the svg element)",
               name, SVG_SNIFF_WINDOW);
  return FALSE;
}

/* Loads the icon @name from @bytes as the desktop would: through gdk-pixbuf's
 * sniffing, at its own size and at a launcher's size, and as a GdkTexture. */
/* A PNG in an "NxN" folder is N pixels square (the icon theme picks it by
 * that size), and a recolourable ".symbolic.png" is black everywhere, its
 * shape in the alpha channel alone.
 */
static gboolean
check_fixed_size (const char  *name,
                  GdkPixbuf   *pixbuf,
                  GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (name, "/", -1);
  guint n = g_strv_length (parts);
  int size = 0;

  for (guint i = 0; i + 1 < n; i++)
    {
      int w, h;
      char end;

      if (sscanf (parts[i], "%dx%d%c", &w, &h, &end) == 2 && w == h)
        size = w;
    }
  if (size == 0 || !g_str_has_suffix (name, ".png"))
    return TRUE;
  if (gdk_pixbuf_get_width (pixbuf) != size || gdk_pixbuf_get_height (pixbuf) != size)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %d×%d in a %d px folder",
                   name, gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf), size);
      return FALSE;
    }
  if (g_str_has_suffix (name, ".symbolic.png"))
    {
      const guchar *pixels = gdk_pixbuf_read_pixels (pixbuf);
      int channels = gdk_pixbuf_get_n_channels (pixbuf);
      int stride = gdk_pixbuf_get_rowstride (pixbuf);

      for (int y = 0; y < size; y++)
        for (int x = 0; x < size; x++)
          {
            const guchar *p = pixels + y * stride + channels * x;

            if (channels != 4 || p[0] != 0 || p[1] != 0 || p[2] != 0)
              {
                g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             "%s: not a symbolic PNG (coloured pixel at %d,%d)", name, x, y);
                return FALSE;
              }
          }
    }
  return TRUE;
}

static gboolean
check_icon_bytes (const char  *name,
                  GBytes      *bytes,
                  GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) scaled = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  if (!check_svg_root (name, data, size, error))
    return FALSE;

  stream = g_memory_input_stream_new_from_bytes (bytes);
  pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, &local_error);
  if (pixbuf == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: gdk-pixbuf cannot load it: %s", name, local_error->message);
      return FALSE;
    }

  g_clear_object (&stream);
  stream = g_memory_input_stream_new_from_bytes (bytes);
  scaled = gdk_pixbuf_new_from_stream_at_scale (stream, 48, 48, TRUE, NULL, &local_error);
  if (scaled == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: gdk-pixbuf cannot load it at 48 px: %s", name, local_error->message);
      return FALSE;
    }

  texture = gdk_texture_new_from_bytes (bytes, &local_error);
  if (texture == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: GdkTexture cannot load it: %s", name, local_error->message);
      return FALSE;
    }

  if (!check_fixed_size (name, pixbuf, error))
    return FALSE;

  if (gdk_pixbuf_get_width (pixbuf) <= 0 || gdk_texture_get_width (texture) <= 0 ||
      gdk_pixbuf_get_width (scaled) > 48 || gdk_pixbuf_get_height (scaled) > 48)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: loads with an unusable size", name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_icon_file (GFile   *file,
                 GError **error)
{
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, error);
  g_autofree char *path = g_file_get_path (file);

  if (bytes == NULL)
    return FALSE;

  return check_icon_bytes (path, bytes, error);
}

/* Adds to @found every icon file under @dir. */
static void
collect_icon_files (GFile     *dir,
                    GPtrArray *found)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) error = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);

  while ((info = g_file_enumerator_next_file (children, NULL, &error)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        collect_icon_files (child, found);
      else if (is_icon_name (g_file_info_get_name (info)))
        g_ptr_array_add (found, g_steal_pointer (&child));
    }
  g_assert_no_error (error);
}

/* Adds to @found the path of every icon under the resource folder @path. */
static void
collect_icon_resources (const char *path,
                        GPtrArray  *found)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) children = g_resources_enumerate_children (path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                           &error);

  g_assert_no_error (error);
  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *child = g_strconcat (path, children[i], NULL);

      if (g_str_has_suffix (children[i], "/"))
        collect_icon_resources (child, found);
      else if (is_icon_name (children[i]))
        g_ptr_array_add (found, g_steal_pointer (&child));
    }
}

static gboolean
has_basename (GPtrArray  *files,
              const char *basename)
{
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *name = g_file_get_basename (files->pdata[i]);

      if (g_str_equal (name, basename))
        return TRUE;
    }
  return FALSE;
}

static void
test_installed_icons_load (void)
{
  const char *icon_dir = g_getenv ("CQ_ATLAS_ICON_DIR");
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  guint failed = 0;

  if (icon_dir == NULL)
    {
      g_test_skip ("CQ_ATLAS_ICON_DIR is not set");
      return;
    }

  dir = g_file_new_for_path (icon_dir);
  collect_icon_files (dir, files);

  /* The launcher and the shell look these two up by name. */
  g_assert_true (has_basename (files, APP_ID ".svg"));
  g_assert_true (has_basename (files, APP_ID "-symbolic.svg"));
  /* ...and the window icon at fixed sizes, so that starting does not
   * load the SVG renderer (build-aux/render-icons.sh).
   */
  for (guint size = 16; size <= 256; size *= 2)
    {
      g_autofree char *path = g_strdup_printf ("%s/hicolor/%ux%u/apps/" APP_ID ".png",
                                               icon_dir, size, size);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!check_icon_file (files->pdata[i], &error))
        {
          g_test_message ("%s", error->message);
          failed++;
        }
    }

  g_test_message ("%u installed icons, %u did not load", files->len, failed);
  g_assert_cmpuint (failed, ==, 0);
}

static void
test_resource_icons_load (void)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  guint failed = 0;

  collect_icon_resources (RESOURCE_PREFIX "/icons/", paths);
  /* The filter button's funnel, at least. */
  g_assert_cmpuint (paths->len, >, 0);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = paths->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                         &error);
      g_autoptr(GdkPixbuf) pixbuf = NULL;

      g_assert_no_error (error);
      /* The window's own icons are PNGs: an SVG would load librsvg at start. */
      if (g_str_has_suffix (path, ".svg"))
        {
          g_test_message ("%s: an SVG (draw it as PNGs with build-aux/render-icons.sh)", path);
          failed++;
          continue;
        }
      if (!check_icon_bytes (path, bytes, &error))
        {
          g_test_message ("%s", error->message);
          failed++;
          continue;
        }

      /* GtkIconTheme loads resource icons this way. */
      pixbuf = gdk_pixbuf_new_from_resource (path, &error);
      if (pixbuf == NULL)
        {
          g_test_message ("%s: %s", path, error->message);
          failed++;
        }
    }

  g_test_message ("%u resource icons, %u did not load", paths->len, failed);
  g_assert_cmpuint (failed, ==, 0);
}

/* The checks above must be able to fail: an SVG whose root element starts
 * after a long comment, and a file that is no image at all, are refused. */
static void
test_unloadable_icons_are_refused (void)
{
  g_autoptr(GString) late = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!--\n");
  g_autoptr(GBytes) late_bytes = NULL;
  g_autoptr(GBytes) junk = g_bytes_new_static ("this is not an image\n", 21);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 6; i++)
    g_string_append (late, "  A licence line that pushes the root element further down.\n");
  g_string_append (late, "-->\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"16\" height=\"16\">"
                         "<rect width=\"16\" height=\"16\"/></svg>\n");
  late_bytes = g_string_free_to_bytes (g_steal_pointer (&late));

  g_assert_false (check_icon_bytes ("late-root.svg", late_bytes, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  g_assert_false (check_icon_bytes ("junk.png", junk, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* A coloured picture where a symbolic PNG should be, and a 16 px picture
   * in the 32 px folder.
   */
  {
    g_autoptr(GdkPixbuf) red = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, 16, 16);

    gdk_pixbuf_fill (red, 0xff0000ff);
    g_assert_false (check_fixed_size ("icons/16x16/actions/x-symbolic.symbolic.png", red, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_clear_error (&error);
    gdk_pixbuf_fill (red, 0x000000ff);
    g_assert_true (check_fixed_size ("icons/16x16/actions/x-symbolic.symbolic.png", red, &error));
    g_assert_false (check_fixed_size ("icons/32x32/actions/x-symbolic.symbolic.png", red, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/icons/installed-icons-load", test_installed_icons_load);
  g_test_add_func ("/icons/resource-icons-load", test_resource_icons_load);
  g_test_add_func ("/icons/unloadable-icons-are-refused", test_unloadable_icons_are_refused);

  return g_test_run ();
}
