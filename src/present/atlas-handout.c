/* atlas-handout.c
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
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "atlas-citation.h"
#include "atlas-dataset.h"
#include "atlas-handout.h"
#include "atlas-item.h"
#include "atlas-render.h"
#include "atlas-source.h"
#include "atlas-state.h"
#include "atlas-story-player.h"
#include "atlas-view.h"

/* The handout of a story: one A4 landscape page per step with the step's
 * own subject as the stage shows it (the one chart of a chart step, the
 * filtered table of a Sites step, the map or timeline at the step's camera),
 * the caption and the sources of every record the step cites.  The steps are
 * shown on pages of a session of the handout's own, so the window is not
 * touched; the pages draw through atlas_view_render() as vectors, so the
 * handout prints at the printer's resolution.  A page that cannot draw
 * itself gets a clear text page saying what it shows.  The same pages go to
 * the printer through GtkPrintOperation.
 */

#define PAGE_W 842.0
#define PAGE_H 595.0
#define MARGIN 36.0
/* The subject's drawing size: large enough that the painters choose their
 * full layout (labels, legends), drawn as vectors into the page's box.
 */
#define RENDER_W 1600
#define RENDER_H 900

typedef struct
{
  char          *title;
  guint          n;
  GPtrArray     *nodes;      /* GskRenderNode or NULL, per step */
  GPtrArray     *fallbacks;  /* text when there is no picture */
  GPtrArray     *captions;
  GPtrArray     *sources;
} Handout;

static void
handout_free (Handout *h)
{
  g_free (h->title);
  g_ptr_array_unref (h->nodes);
  g_ptr_array_unref (h->fallbacks);
  g_ptr_array_unref (h->captions);
  g_ptr_array_unref (h->sources);
  g_free (h);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Handout, handout_free)

static void
node_unref0 (gpointer node)
{
  if (node != NULL)
    gsk_render_node_unref (node);
}

/* The sources of what @step cites, one record a paragraph. */
char *
atlas_handout_dup_sources (AtlasDataset   *dataset,
                           AtlasStoryStep *step)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = atlas_story_step_get_n_cites (step);

  for (guint i = 0; i < n; i++)
    {
      const char *entity, *id;
      AtlasItem *item;
      g_autoptr(GListModel) citations = NULL;

      if (!atlas_story_step_get_cite (step, i, &entity, &id) ||
          (item = atlas_dataset_lookup (dataset, entity, id)) == NULL)
        continue;

      citations = atlas_dataset_list_citations (dataset, item);
      for (guint j = 0; j < g_list_model_get_n_items (citations); j++)
        {
          g_autoptr(AtlasCitation) citation = g_list_model_get_item (citations, j);
          AtlasSource *source = atlas_citation_get_source (citation);

          if (text->len > 0)
            g_string_append_c (text, '\n');
          /* Translators: a handout's source line: record — source, publisher, date: “quote”. */
          g_string_append_printf (text, _("%s — %s, %s, %s: “%s”"),
                                  atlas_item_get_name (item),
                                  source ? atlas_item_get_name (ATLAS_ITEM (source)) : "",
                                  source ? atlas_source_get_publisher (source) : "",
                                  source ? atlas_source_get_published_on (source) : "",
                                  atlas_citation_get_quote (citation));
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What stands in for a page that cannot draw itself: its title. */
static char *
fallback_text (AdwViewStack *pages,
               const char   *view)
{
  GtkWidget *child = adw_view_stack_get_child_by_name (pages, view);
  AdwViewStackPage *page = child ? adw_view_stack_get_page (pages, child) : NULL;

  return g_strdup (page ? adw_view_stack_page_get_title (page) : view);
}

/* Shows each step on pages of a session of its own to draw it. */
static Handout *
collect (AtlasSession *session,
         AdwViewStack *like,
         AtlasStory   *story)
{
  AtlasDataset *dataset = atlas_session_get_dataset (session);
  g_autoptr(AtlasSession) own = atlas_session_new (dataset);
  g_autoptr(AdwViewStack) pages = atlas_story_player_new_pages (like, own, story);
  Handout *h = g_new0 (Handout, 1);

  h->title = g_strdup (atlas_story_get_title (story));
  h->n = atlas_story_get_n_steps (story);
  h->nodes = g_ptr_array_new_with_free_func (node_unref0);
  h->fallbacks = g_ptr_array_new_with_free_func (g_free);
  h->captions = g_ptr_array_new_with_free_func (g_free);
  h->sources = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < h->n; i++)
    {
      AtlasStoryStep *step = atlas_story_get_step (story, i);
      const char *view = atlas_story_step_get_view (step);
      g_autoptr(GError) error = NULL;
      GskRenderNode *node = NULL;
      AtlasView *page;

      if (atlas_story_player_apply (own, pages, step, FALSE, &error))
        {
          if ((page = atlas_view_find (pages, view)) != NULL)
            node = atlas_view_render (page, RENDER_W, RENDER_H, FALSE);
          g_ptr_array_add (h->fallbacks, node ? NULL : fallback_text (pages, view));
        }
      else
        g_ptr_array_add (h->fallbacks, g_strdup (error->message));

      g_ptr_array_add (h->nodes, node);
      g_ptr_array_add (h->captions, g_strdup (atlas_story_step_get_caption (step)));
      g_ptr_array_add (h->sources, atlas_handout_dup_sources (dataset, step));
    }

  return h;
}

static double
draw_text (cairo_t    *cr,
           const char *text,
           const char *font,
           double      x,
           double      y,
           double      width,
           double      max_height)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  int w, h;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (max_height > 0)
    {
      pango_layout_set_height (layout, (int) (max_height * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, text ? text : "", -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_pixel_size (layout, &w, &h);

  pango_font_description_free (desc);
  g_object_unref (layout);
  return h;
}

/* One handout page, in points on an A4 landscape sheet. */
static void
draw_page (Handout *h,
           guint    index,
           cairo_t *cr)
{
  GskRenderNode *node = g_ptr_array_index (h->nodes, index);
  const char *fallback = g_ptr_array_index (h->fallbacks, index);
  g_autofree char *counter = g_strdup_printf (_("Step %u of %u"), index + 1, h->n);
  double img_w = 500, img_h = img_w * RENDER_H / RENDER_W;
  double x = MARGIN, y = MARGIN, col_x, col_w, used;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  /* The title, then the step line under it: a long title wraps instead of
   * running into the counter.
   */
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  used = draw_text (cr, h->title, "Sans Bold 13", x, y, PAGE_W - 2 * MARGIN, 44);
  y += MAX (used, 16) + 2;
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  used = draw_text (cr, counter, "Sans 10", x, y, PAGE_W - 2 * MARGIN, 0);
  y += MAX (used, 12) + 10;

  /* The view. */
  cairo_save (cr);
  cairo_rectangle (cr, x, y, img_w, img_h);
  cairo_clip (cr);
  if (node != NULL)
    {
      cairo_translate (cr, x, y);
      cairo_scale (cr, img_w / RENDER_W, img_h / RENDER_H);
      atlas_render_node_to_cairo (node, cr);
    }
  else
    {
      cairo_set_source_rgb (cr, 0.94, 0.95, 0.97);
      cairo_paint (cr);
      cairo_set_source_rgb (cr, 0.15, 0.15, 0.2);
      draw_text (cr, fallback, "Sans 12", x + 18, y + 18, img_w - 36, img_h - 36);
    }
  cairo_restore (cr);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, x, y, img_w, img_h);
  cairo_stroke (cr);

  /* The caption beside it. */
  col_x = x + img_w + 20;
  col_w = PAGE_W - MARGIN - col_x;
  cairo_set_source_rgb (cr, 0.05, 0.05, 0.05);
  draw_text (cr, g_ptr_array_index (h->captions, index), "Sans 12", col_x, y, col_w, img_h);

  /* The sources under both. */
  y += img_h + 18;
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  used = draw_text (cr, _("Sources"), "Sans Bold 10", x, y, PAGE_W - 2 * MARGIN, 0);
  y += used + 4;
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  draw_text (cr, g_ptr_array_index (h->sources, index), "Sans 8", x, y,
             PAGE_W - 2 * MARGIN, PAGE_H - MARGIN - y);
  cairo_restore (cr);
}

/**
 * atlas_handout_dup_file_with_extension:
 * @extension: ".pdf"
 *
 * @file with exactly one @extension: "handout" and "handout.pdf" both give
 * "handout.pdf", and "handout.pdf.pdf" (a file chooser adding the filter's
 * extension to a name that had it) gives "handout.pdf" too.
 *
 * Returns: (transfer full): the file to write
 */
GFile *
atlas_handout_dup_file_with_extension (GFile      *file,
                                       const char *extension)
{
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = NULL;
  gsize ext_len;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (extension != NULL && *extension == '.', NULL);

  name = g_file_get_basename (file);
  parent = g_file_get_parent (file);
  ext_len = strlen (extension);
  if (name == NULL || parent == NULL)
    return g_object_ref (file);

  /* Drop every trailing copy of the extension, then add one. */
  while (strlen (name) > ext_len &&
         g_ascii_strcasecmp (name + strlen (name) - ext_len, extension) == 0)
    name[strlen (name) - ext_len] = '\0';
  if (g_ascii_strcasecmp (name, extension) != 0 && strlen (name) > 0)
    {
      g_autofree char *fixed = g_strconcat (name, extension, NULL);

      return g_file_get_child (parent, fixed);
    }
  return g_object_ref (file);
}

/**
 * atlas_handout_write_pdf:
 *
 * Writes the handout of @story, one page per step, as seen on @pages.
 */
gboolean
atlas_handout_write_pdf (AtlasSession  *session,
                         AdwViewStack  *pages,
                         AtlasStory    *story,
                         GFile         *file,
                         GError       **error)
{
  g_autoptr(Handout) h = NULL;
  g_autofree char *path = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (ATLAS_IS_SESSION (session), FALSE);
  g_return_val_if_fail (ADW_IS_VIEW_STACK (pages), FALSE);
  g_return_val_if_fail (ATLAS_IS_STORY (story), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((path = g_file_get_path (file)) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The handout can only be written to a local file"));
      return FALSE;
    }
  if (atlas_story_get_n_steps (story) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The story has no steps"));
      return FALSE;
    }

  atlas_render_ensure_types ();
  h = collect (session, pages, story);

  surface = cairo_pdf_surface_create (path, PAGE_W, PAGE_H);
  cr = cairo_create (surface);
  for (guint i = 0; i < h->n; i++)
    {
      draw_page (h, i, cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write the handout: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              Handout           *h)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale = MIN (gtk_print_context_get_width (context) / PAGE_W,
                      gtk_print_context_get_height (context) / PAGE_H);

  cairo_scale (cr, scale, scale);
  draw_page (h, page_nr, cr);
}

/**
 * atlas_handout_print:
 * @parent: the window the print dialog belongs to
 *
 * Prints the handout through the print dialog.
 */
gboolean
atlas_handout_print (AtlasSession  *session,
                     AdwViewStack  *pages,
                     AtlasStory    *story,
                     GtkWindow     *parent,
                     GError       **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  Handout *h;

  g_return_val_if_fail (ATLAS_IS_SESSION (session), FALSE);
  g_return_val_if_fail (ADW_IS_VIEW_STACK (pages), FALSE);
  g_return_val_if_fail (ATLAS_IS_STORY (story), FALSE);

  if (atlas_story_get_n_steps (story) == 0)
    return TRUE;

  atlas_render_ensure_types ();
  h = collect (session, pages, story);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, h->n);
  gtk_print_operation_set_job_name (operation, h->title);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), h);
  g_object_set_data_full (G_OBJECT (operation), "handout", h, (GDestroyNotify) handout_free);

  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                  parent, error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}
