/* atlas-render.c
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

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>

#include "atlas-render.h"

/* Rendering without a display: the views build GskRenderNodes with
 * GtkSnapshot, exactly as on screen, and these helpers draw them with cairo
 * into a PNG, SVG or PDF file.  GSK registers its node types when a renderer
 * starts; without a display none does, so they are registered here.
 */

void
atlas_render_ensure_types (void)
{
  g_type_ensure (GSK_TYPE_CONTAINER_NODE);
  g_type_ensure (GSK_TYPE_CAIRO_NODE);
  g_type_ensure (GSK_TYPE_COLOR_NODE);
  g_type_ensure (GSK_TYPE_LINEAR_GRADIENT_NODE);
  g_type_ensure (GSK_TYPE_BORDER_NODE);
  g_type_ensure (GSK_TYPE_TEXTURE_NODE);
  g_type_ensure (GSK_TYPE_INSET_SHADOW_NODE);
  g_type_ensure (GSK_TYPE_OUTSET_SHADOW_NODE);
  g_type_ensure (GSK_TYPE_TRANSFORM_NODE);
  g_type_ensure (GSK_TYPE_OPACITY_NODE);
  g_type_ensure (GSK_TYPE_COLOR_MATRIX_NODE);
  g_type_ensure (GSK_TYPE_REPEAT_NODE);
  g_type_ensure (GSK_TYPE_CLIP_NODE);
  g_type_ensure (GSK_TYPE_ROUNDED_CLIP_NODE);
  g_type_ensure (GSK_TYPE_SHADOW_NODE);
  g_type_ensure (GSK_TYPE_BLEND_NODE);
  g_type_ensure (GSK_TYPE_CROSS_FADE_NODE);
  g_type_ensure (GSK_TYPE_TEXT_NODE);
  g_type_ensure (GSK_TYPE_BLUR_NODE);
  g_type_ensure (GSK_TYPE_DEBUG_NODE);
  g_type_ensure (GSK_TYPE_GL_SHADER_NODE);
}

gboolean
atlas_render_node_to_cairo (GskRenderNode *node,
                            cairo_t       *cr)
{
  g_return_val_if_fail (cr != NULL, FALSE);

  if (node != NULL)
    gsk_render_node_draw (node, cr);
  return cairo_status (cr) == CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  GOutputStream *stream = closure;

  return g_output_stream_write_all (stream, data, length, NULL, NULL, NULL)
         ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/**
 * atlas_render_node_to_file:
 *
 * Draws @node into @file; the format follows the extension (.png, .svg,
 * .pdf).  The file is replaced only when the whole picture was written.
 */
gboolean
atlas_render_node_to_file (GskRenderNode  *node,
                           int             width,
                           int             height,
                           GFile          *file,
                           GError        **error)
{
  return atlas_render_node_to_file_sized (node, width, height, ATLAS_EXPORT_SIZE_AS_SHOWN, file, error);
}

/* ---- sizes for export -------------------------------------------------- */

/* A4 landscape, laid out at 100 pixels an inch (11.69 × 8.27 in), then
 * drawn at 300 dots an inch for PNG, or on an A4 page (842 × 595 pt) for
 * PDF and SVG.
 */
#define A4_WIDTH  1169
#define A4_HEIGHT 827

/**
 * atlas_render_export_size_get:
 * @shown_width: the size the view has on screen, for AS_SHOWN
 * @width: (out): the size to lay the picture out at
 * @height: (out):
 */
void
atlas_render_export_size_get (AtlasExportSize  size,
                              int              shown_width,
                              int              shown_height,
                              int             *width,
                              int             *height)
{
  switch (size)
    {
    case ATLAS_EXPORT_SIZE_SLIDE:
      *width = 1920;
      *height = 1080;
      break;
    case ATLAS_EXPORT_SIZE_A4:
      *width = A4_WIDTH;
      *height = A4_HEIGHT;
      break;
    case ATLAS_EXPORT_SIZE_AS_SHOWN:
    default:
      *width = shown_width;
      *height = shown_height;
      break;
    }
}

#define SIZE_CHOICE "atlas-size"

/**
 * atlas_render_add_size_choice:
 *
 * Offers the sizes of AtlasExportSize in @chooser (a "Size" choice beside
 * the file name); read it back with atlas_render_get_size_choice().
 */
void
atlas_render_add_size_choice (GtkFileChooser *chooser)
{
  const char *ids[] = { "shown", "slide", "a4", NULL };
  const char *labels[] = {
    _("As shown"),
    _("Slide, 1920 × 1080"),
    _("Print, A4 landscape at 300 dpi"),
    NULL
  };

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));

  gtk_file_chooser_add_choice (chooser, SIZE_CHOICE, _("Size"), ids, labels);
  gtk_file_chooser_set_choice (chooser, SIZE_CHOICE, "shown");
}

AtlasExportSize
atlas_render_get_size_choice (GtkFileChooser *chooser)
{
  const char *id = gtk_file_chooser_get_choice (chooser, SIZE_CHOICE);

  if (g_strcmp0 (id, "slide") == 0)
    return ATLAS_EXPORT_SIZE_SLIDE;
  if (g_strcmp0 (id, "a4") == 0)
    return ATLAS_EXPORT_SIZE_A4;
  return ATLAS_EXPORT_SIZE_AS_SHOWN;
}

/**
 * atlas_render_node_to_file_sized:
 * @width: the size @node was laid out at
 * @size: for ATLAS_EXPORT_SIZE_A4, a PNG is drawn at 300 dpi and a PDF or
 *   SVG on an A4 page; otherwise one pixel (or point) a unit
 *
 * Draws @node into @file; the format follows the extension (.png, .svg,
 * .pdf).  The file is replaced only when the whole picture was written.
 */
gboolean
atlas_render_node_to_file_sized (GskRenderNode    *node,
                                 int               width,
                                 int               height,
                                 AtlasExportSize   size,
                                 GFile            *file,
                                 GError          **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autofree char *name = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double scale = 1.0;
  enum { PNG, SVG, PDF } format;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  name = g_file_get_basename (file);
  if (g_str_has_suffix (name, ".svg") || g_str_has_suffix (name, ".SVG"))
    format = SVG;
  else if (g_str_has_suffix (name, ".pdf") || g_str_has_suffix (name, ".PDF"))
    format = PDF;
  else if (g_str_has_suffix (name, ".png") || g_str_has_suffix (name, ".PNG"))
    format = PNG;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a PNG, SVG or PDF file name"), name);
      return FALSE;
    }

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    return FALSE;

  if (size == ATLAS_EXPORT_SIZE_A4)
    scale = format == PNG ? 300.0 / 100.0 : 72.0 / 100.0;

  switch (format)
    {
    case SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_stream, stream, width * scale, height * scale);
      break;
    case PDF:
      surface = cairo_pdf_surface_create_for_stream (write_to_stream, stream, width * scale, height * scale);
      break;
    case PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                            (int) ceil (height * scale));
      break;
    }

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  atlas_render_node_to_cairo (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (format == PNG)
    status = cairo_surface_write_to_png_stream (surface, write_to_stream, stream);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), name, cairo_status_to_string (status));
      g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

/* Milliseconds to draw @node onto @target (cleared first). */
double
atlas_render_time_node (GskRenderNode   *node,
                        cairo_surface_t *target)
{
  gint64 start = g_get_monotonic_time ();
  cairo_t *cr = cairo_create (target);

  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  atlas_render_node_to_cairo (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (target);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* Median and maximum of @samples_ms (sorted in place). */
void
atlas_render_stats (GArray *samples_ms,
                    double *median_ms,
                    double *max_ms)
{
  guint n = samples_ms->len;

  *median_ms = *max_ms = 0;
  if (n == 0)
    return;

  g_array_sort (samples_ms, compare_doubles);
  *median_ms = n % 2 ? g_array_index (samples_ms, double, n / 2)
                     : (g_array_index (samples_ms, double, n / 2 - 1) +
                        g_array_index (samples_ms, double, n / 2)) / 2;
  *max_ms = g_array_index (samples_ms, double, n - 1);
}
