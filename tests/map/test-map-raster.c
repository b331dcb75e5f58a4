/* test-map-raster.c
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

/* The map's own rasterizer (atlas-map-raster.c, atlas-map-fill.c): lines,
 * dashes and fills into images, and asking for an image's memory at once.
 */

/* mincore() is not C11. */
#define _DEFAULT_SOURCE

#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "atlas-map-fill.h"
#include "atlas-map-raster.h"

/* How many of the whole pages in rows [@y0, @y1) of @surface are in memory. */
static guint
resident_pages (cairo_surface_t *surface,
                int              y0,
                int              y1,
                guint           *n_pages)
{
  guintptr page = (guintptr) sysconf (_SC_PAGESIZE);
  guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guintptr start = ((guintptr) (data + (gsize) y0 * stride) + page - 1) & ~(page - 1);
  guintptr end = (guintptr) (data + (gsize) y1 * stride) & ~(page - 1);
  g_autofree unsigned char *in_core = NULL;
  guint n = 0;

  *n_pages = (guint) ((end - start) / page);
  in_core = g_malloc0 (MAX (*n_pages, 1));
  g_assert_cmpint (mincore ((void *) start, end - start, in_core), ==, 0);
  for (guint i = 0; i < *n_pages; i++)
    n += in_core[i] & 1;
  return n;
}

/* atlas_map_prefault_rows() brings the rows' pages in and changes no pixel,
 * and takes any row range, out of the image or empty, without harm.
 */
static void
test_raster_prefault (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 2000, 1000);
  guint32 *pixels = (guint32 *) cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface) / 4;
  guint before, after, n_pages;
  int probe;

  /* A few pixels written before, which must stay. */
  pixels[150 * stride + 7] = 0x00123456;
  pixels[899 * stride + 1999] = 0x00abcdef;
  cairo_surface_mark_dirty (surface);

  before = resident_pages (surface, 100, 900, &n_pages);
  atlas_map_prefault_rows (surface, 100, 900);
  after = resident_pages (surface, 100, 900, &n_pages);
  g_test_message ("rows 100-899: %u of %u pages in memory before, %u after", before, n_pages, after);

  /* Whether this kernel knows MADV_POPULATE_WRITE (Linux 5.14). */
#ifdef MADV_POPULATE_WRITE
  {
    void *one = mmap (NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    g_assert_true (one != MAP_FAILED);
    probe = madvise (one, 4096, MADV_POPULATE_WRITE);
    munmap (one, 4096);
  }
#else
  probe = -1;
#endif
  if (probe == 0)
    g_assert_cmpuint (after, ==, n_pages);
  else
    g_test_message ("this kernel does not populate pages on request: only the pixels are checked");

  /* Ranges partly or wholly outside, empty, reversed. */
  atlas_map_prefault_rows (surface, -50, 20);
  atlas_map_prefault_rows (surface, 990, 5000);
  atlas_map_prefault_rows (surface, 500, 500);
  atlas_map_prefault_rows (surface, 700, 600);
  atlas_map_prefault_rows (surface, 2000, 3000);

  cairo_surface_flush (surface);
  g_assert_cmphex (pixels[150 * stride + 7], ==, 0x00123456);
  g_assert_cmphex (pixels[899 * stride + 1999], ==, 0x00abcdef);
  for (int y = 0; y < 1000; y += 37)
    for (int x = 0; x < 2000; x += 41)
      if (!(y == 150 && x == 7))
        g_assert_cmphex (pixels[y * stride + x], ==, 0);
  cairo_surface_destroy (surface);
}

/* Dashes into an image of alpha: on and off by length, afresh on each
 * sub-path, at most the alpha given, keeping what the image holds where it
 * is more, and the same however often drawn.
 */
static void
test_raster_dashes (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 64, 64);
  static const double dashes[] = { 6, 4 };
  guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(AtlasMapMask) mask = NULL;
  g_autofree guint8 *copy = NULL;
  cairo_t *cr;
  cairo_path_t *path;

  /* Something already there: more than the dashes' alpha at (2, 10), less
   * at (12, 10).
   */
  data[10 * stride + 2] = 200;
  data[10 * stride + 12] = 50;
  cairo_surface_mark_dirty (surface);

  cr = cairo_create (surface);
  cairo_move_to (cr, 0, 10.5);
  cairo_line_to (cr, 40, 10.5);
  cairo_move_to (cr, 3, 20.5);
  cairo_line_to (cr, 40, 20.5);
  cairo_rectangle (cr, 30, 30, 20, 20);
  path = cairo_copy_path_flat (cr);
  cairo_destroy (cr);

  mask = atlas_map_mask_new_for_surface (surface);
  atlas_map_mask_dash_path (mask, path, 1, 0.5, dashes, G_N_ELEMENTS (dashes));
  cairo_surface_flush (surface);

  /* Row 10: on over [0, 6), off over [6, 10), on again from 10. */
  g_assert_cmpuint (data[10 * stride + 0], ==, 128);
  g_assert_cmpuint (data[10 * stride + 2], ==, 200);
  g_assert_cmpuint (data[10 * stride + 5], ==, 128);
  g_assert_cmpuint (data[10 * stride + 6], ==, 0);
  g_assert_cmpuint (data[10 * stride + 9], ==, 0);
  g_assert_cmpuint (data[10 * stride + 10], ==, 128);
  g_assert_cmpuint (data[10 * stride + 12], ==, 128);
  g_assert_cmpuint (data[10 * stride + 36], ==, 0);
  g_assert_cmpuint (data[9 * stride + 2], ==, 0);
  g_assert_cmpuint (data[11 * stride + 2], ==, 0);

  /* Row 20 starts its own dashes at x = 3. */
  g_assert_cmpuint (data[20 * stride + 2], ==, 0);
  g_assert_cmpuint (data[20 * stride + 3], ==, 128);
  g_assert_cmpuint (data[20 * stride + 8], ==, 128);
  g_assert_cmpuint (data[20 * stride + 9], ==, 0);
  g_assert_cmpuint (data[20 * stride + 13], ==, 128);

  /* The square's top edge from its corner; its closing edge is dashed too. */
  g_assert_cmpuint (data[30 * stride + 31], >, 0);
  g_assert_cmpuint (data[30 * stride + 37], ==, 0);
  {
    guint on = 0;

    for (int y = 31; y < 50; y++)
      on += data[y * stride + 30] > 0;
    g_assert_cmpuint (on, >, 6);
    g_assert_cmpuint (on, <, 19);
  }

  /* Drawn again: nothing changes. */
  copy = g_memdup2 (data, (gsize) stride * 64);
  atlas_map_mask_dash_path (mask, path, 1, 0.5, dashes, G_N_ELEMENTS (dashes));
  cairo_surface_flush (surface);
  g_assert_cmpmem (copy, (gsize) stride * 64, data, (gsize) stride * 64);

  cairo_path_destroy (path);
  g_clear_pointer (&mask, atlas_map_mask_free);
  cairo_surface_destroy (surface);
}

/* The line rasterizer: coverage where the line is and nowhere else, as
 * much in total as the line's area, the same whichever way it is drawn,
 * and lines crossing keep the larger coverage instead of adding up.
 */
static void
test_raster_lines (void)
{
  g_autoptr(AtlasMapMask) mask = atlas_map_mask_new (64, 64);
  cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 64, 64);
  GdkRGBA red = { 1, 0, 0, 1 };
  cairo_rectangle_int_t extents;
  double total = 0;

  /* A horizontal line one pixel wide on row 10: row 10 full, rows 9 and
   * 11 empty, and nothing beyond its ends.
   */
  atlas_map_mask_line (mask, 5, 10.5, 45, 10.5, 1);
  g_assert_cmpuint (atlas_map_mask_get (mask, 20, 10), ==, 255);
  g_assert_cmpuint (atlas_map_mask_get (mask, 20, 9), ==, 0);
  g_assert_cmpuint (atlas_map_mask_get (mask, 20, 11), ==, 0);
  g_assert_cmpuint (atlas_map_mask_get (mask, 50, 10), ==, 0);
  g_assert_true (atlas_map_mask_get_extents (mask, &extents));
  g_assert_cmpint (extents.y, ==, 10);
  g_assert_cmpint (extents.height, ==, 1);

  /* Drawn twice, or crossed: no more than once. */
  atlas_map_mask_line (mask, 45, 10.5, 5, 10.5, 1);
  atlas_map_mask_line (mask, 20.5, 2, 20.5, 30, 1);
  g_assert_cmpuint (atlas_map_mask_get (mask, 20, 10), ==, 255);

  /* A diagonal two pixels wide covers about its area, either way round. */
  for (int pass = 0; pass < 2; pass++)
    {
      atlas_map_mask_clear (mask);
      g_assert_false (atlas_map_mask_get_extents (mask, &extents));
      if (pass == 0)
        atlas_map_mask_line (mask, 10, 10, 50, 40, 2);
      else
        atlas_map_mask_line (mask, 50, 40, 10, 10, 2);
      total = 0;
      for (int y = 0; y < 64; y++)
        for (int x = 0; x < 64; x++)
          total += atlas_map_mask_get (mask, x, y) / 255.0;
      g_assert_cmpfloat_with_epsilon (total, 50 * 2, 6);
    }

  /* Blending paints the covered pixels only. */
  cairo_t *cr = cairo_create (target);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  atlas_map_mask_blend (mask, target, &red);
  cairo_surface_flush (target);
  {
    guint32 *data = (guint32 *) cairo_image_surface_get_data (target);
    int stride = cairo_image_surface_get_stride (target) / 4;

    g_assert_cmphex (data[25 * stride + 30] & 0xffffff, ==, 0xff0000);
    g_assert_cmphex (data[5 * stride + 5] & 0xffffff, ==, 0xffffff);
  }
  cairo_surface_destroy (target);

  /* With a clip, lines and dots mark the pixels inside it only. */
  atlas_map_mask_clear (mask);
  atlas_map_mask_set_clip (mask, 20, 0, 10, 64);
  atlas_map_mask_line (mask, 5, 30.5, 45, 30.5, 1);
  atlas_map_mask_dot (mask, 35, 40, 6);
  g_assert_cmpuint (atlas_map_mask_get (mask, 19, 30), ==, 0);
  g_assert_cmpuint (atlas_map_mask_get (mask, 20, 30), ==, 255);
  g_assert_cmpuint (atlas_map_mask_get (mask, 29, 30), ==, 255);
  g_assert_cmpuint (atlas_map_mask_get (mask, 30, 30), ==, 0);
  g_assert_cmpuint (atlas_map_mask_get (mask, 35, 40), ==, 0);
  g_assert_true (atlas_map_mask_get_extents (mask, &extents));
  g_assert_cmpint (extents.x, ==, 20);
  g_assert_cmpint (extents.width, ==, 10);
}

/* The fill of the base image: pixels whose centre is inside a polygon take
 * its colour, a hole drawn the other way round stays empty, the polygon
 * added last wins where two overlap, and nothing outside the part given is
 * written.
 */
static void
test_raster_fill (void)
{
  g_autoptr(AtlasMapFill) fill = atlas_map_fill_new ();
  cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 64, 64);
  GdkRGBA grey = { 128 / 255.0, 128 / 255.0, 128 / 255.0, 1 }, red = { 1, 0, 0, 1 }, blue = { 0, 0, 1, 1 };
  /* A square with a square hole (the other way round), and one over it. */
  const AtlasMapPoint ring[] = {
    { 10.4, 10.4 }, { 40.6, 10.4 }, { 40.6, 40.6 }, { 10.4, 40.6 },
    { 20, 20 }, { 20, 30 }, { 30, 30 }, { 30, 20 },
  };
  const guint ring_starts[] = { 0, 4, 8 };
  const AtlasMapPoint over[] = { { 35, 35 }, { 70, 35 }, { 70, 70 }, { 35, 70 } };
  const guint over_starts[] = { 0, 4 };
  guint32 *data;
  int stride;
  cairo_t *cr = cairo_create (target);

  cairo_set_source_rgb (cr, 0, 1, 0);
  cairo_paint (cr);
  cairo_destroy (cr);

  atlas_map_fill_reset (fill, 0, 0, 60, 64);
  atlas_map_fill_add_polygon (fill, ring, ring_starts, 2, &red);
  atlas_map_fill_add_polygon (fill, over, over_starts, 1, &blue);
  atlas_map_fill_draw (fill, target, &grey);
  cairo_surface_flush (target);
  data = (guint32 *) cairo_image_surface_get_data (target);
  stride = cairo_image_surface_get_stride (target) / 4;

  /* Centres at 10.5 and 40.5 are in, 9.5 and 41.5 out. */
  g_assert_cmphex (data[10 * stride + 10] & 0xffffff, ==, 0xff0000);
  g_assert_cmphex (data[15 * stride + 40] & 0xffffff, ==, 0xff0000);
  g_assert_cmphex (data[15 * stride + 9] & 0xffffff, ==, 0x808080);
  g_assert_cmphex (data[15 * stride + 41] & 0xffffff, ==, 0x808080);
  g_assert_cmphex (data[9 * stride + 15] & 0xffffff, ==, 0x808080);
  /* The hole. */
  g_assert_cmphex (data[25 * stride + 25] & 0xffffff, ==, 0x808080);
  g_assert_cmphex (data[25 * stride + 19] & 0xffffff, ==, 0xff0000);
  /* The later polygon over the earlier, and on its own. */
  g_assert_cmphex (data[38 * stride + 38] & 0xffffff, ==, 0x0000ff);
  g_assert_cmphex (data[50 * stride + 50] & 0xffffff, ==, 0x0000ff);
  /* Beyond the part: as it was. */
  g_assert_cmphex (data[50 * stride + 62] & 0xffffff, ==, 0x00ff00);
  cairo_surface_destroy (target);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map/raster/lines", test_raster_lines);
  g_test_add_func ("/map/raster/fill", test_raster_fill);
  g_test_add_func ("/map/raster/prefault-rows", test_raster_prefault);
  g_test_add_func ("/map/raster/dashes", test_raster_dashes);

  return g_test_run ();
}
