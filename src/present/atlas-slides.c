/* atlas-slides.c
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
#include <errno.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "atlas-dataset.h"
#include "atlas-present-hud.h"
#include "atlas-render.h"
#include "atlas-slides.h"
#include "atlas-story-player.h"
#include "atlas-style.h"
#include "atlas-view.h"

/* Slides: each step of a story drawn as the stage shows it, for someone
 * else's slide deck: one 1920x1080 PNG per step and the same pictures as a
 * PDF deck.  The layout is the stage's own (atlas_present_layout and
 * atlas_present_font_px), the subject is drawn by its page's painter
 * (atlas_view_render) and the caption panel in the stage's colours
 * (atlas-present-style.css).  The pictures are built on the main thread,
 * where the pages live; writing the files, the slow part, runs in a thread.
 */

/* The stage's colours: the projector palette the stage's style sheet is
 * generated from (atlas_style_dup_css).
 */
static const AtlasPalette *
stage_palette (gboolean dark)
{
  return atlas_style_get_palette (atlas_style_variant_for (dark, FALSE, TRUE));
}

static PangoLayout *
new_layout (PangoContext *context,
            const char   *text,
            double        px,
            gboolean      bold,
            double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, px * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text ? text : "", -1);
  pango_font_description_free (font);
  return layout;
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               double         x,
               double         y,
               const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
append_rect (GtkSnapshot           *snapshot,
             const graphene_rect_t *rect,
             const GdkRGBA         *color,
             double                 radius)
{
  GskRoundedRect rounded;

  if (radius <= 0)
    {
      gtk_snapshot_append_color (snapshot, color, rect);
      return;
    }
  gsk_rounded_rect_init_from_rect (&rounded, rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

static void
append_progress (GtkSnapshot *snapshot,
                 int          width,
                 int          height,
                 double       fraction,
                 gboolean     dark)
{
  const AtlasPalette *palette = stage_palette (dark);

  gtk_snapshot_append_color (snapshot, &palette->progress_track, &GRAPHENE_RECT_INIT (0, height - 6, width, 6));
  append_rect (snapshot, &GRAPHENE_RECT_INIT (0, height - 6, width * fraction, 6), &palette->progress, 0);
}

/* The closing slide: title, sources, how to leave. */
static void
append_closing (GtkSnapshot  *snapshot,
                PangoContext *context,
                AtlasSession *session,
                AtlasStory   *story,
                int           width,
                int           height,
                gboolean      dark)
{
  int px = atlas_present_font_px (width, height);
  g_autofree char *sources = atlas_story_dup_cited_sources (atlas_session_get_dataset (session), story, 8);
  g_autoptr(PangoLayout) title = new_layout (context, atlas_story_get_title (story), px * 1.5, TRUE, width * 0.8);
  g_autoptr(PangoLayout) heading = new_layout (context, _("Sources"), px * 0.8, TRUE, width * 0.8);
  g_autoptr(PangoLayout) list = new_layout (context, sources, px * 0.7, FALSE, width * 0.8);
  g_autoptr(PangoLayout) hint = new_layout (context, _("Press Escape to return"), px * 0.7, FALSE, width * 0.8);
  PangoLayout *parts[] = { title, heading, list, hint };
  const GdkRGBA *fg = &stage_palette (dark)->text;
  double total = 0, y;
  int h;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      pango_layout_set_alignment (parts[i], PANGO_ALIGN_CENTER);
      pango_layout_get_pixel_size (parts[i], NULL, &h);
      total += h + px;
    }
  y = MAX (0, (height - total) / 2);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == heading && (sources == NULL || *sources == '\0'))
        continue;
      append_layout (snapshot, parts[i], width * 0.1, y, fg);
      pango_layout_get_pixel_size (parts[i], NULL, &h);
      y += h + px;
    }
  append_progress (snapshot, width, height, 1.0, dark);
}

/**
 * atlas_slides_render_step:
 * @pages: pages to show the step on, as from atlas_story_player_new_pages()
 * @index: a step, or the number of steps for the closing slide
 *
 * Shows step @index on @pages and draws the stage as it presents it.
 *
 * Returns: (transfer full) (nullable): the slide
 */
GskRenderNode *
atlas_slides_render_step (AtlasSession *session,
                          AdwViewStack *pages,
                          AtlasStory   *story,
                          guint         index,
                          int           width,
                          int           height,
                          gboolean      dark)
{
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GObject) context_owner = NULL;
  PangoContext *context;
  g_autoptr(PangoLayout) caption = NULL, title = NULL, counter = NULL;
  g_autoptr(GskRenderNode) subject_node = NULL;
  g_autofree char *counter_text = NULL;
  graphene_rect_t safe, panel, subject;
  AtlasStoryStep *step;
  AtlasCaptionSide side;
  AtlasView *view;
  double pad, inner_w, text_h, title_h = 0;
  int px, w, h, n;

  g_return_val_if_fail (ATLAS_IS_SESSION (session), NULL);
  g_return_val_if_fail (ADW_IS_VIEW_STACK (pages), NULL);
  g_return_val_if_fail (ATLAS_IS_STORY (story), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  n = atlas_story_get_n_steps (story);
  if (index > (guint) n)
    return NULL;

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  context_owner = G_OBJECT (context);
  snapshot = gtk_snapshot_new ();
  append_rect (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height), &stage_palette (dark)->view, 0);
  if (index == (guint) n)
    {
      append_closing (snapshot, context, session, story, width, height, dark);
      return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }

  step = atlas_story_get_step (story, index);
  if (!atlas_story_player_apply (session, pages, step, FALSE, NULL))
    return NULL;
  side = atlas_present_effective_side (atlas_story_step_resolve_caption_side (step), width, height);

  /* The caption panel as the stage lays it out (CSS: 0.6em by 0.9em of
   * padding round a title row and the caption).
   */
  px = atlas_present_font_px (width, height);
  pad = px * 0.9;
  atlas_present_layout (width, height, side, 0, &safe, &panel, &subject);
  inner_w = (side == ATLAS_CAPTION_SIDE_LEFT || side == ATLAS_CAPTION_SIDE_RIGHT
             ? panel.size.width : safe.size.width) - 2 * pad;
  /* Translators: the step counter of presentation mode, "3 / 8". */
  counter_text = g_strdup_printf (_("%u / %u"), index + 1, n);
  counter = new_layout (context, counter_text, MAX (12, px * 7 / 10), TRUE, -1);
  pango_layout_get_pixel_size (counter, &w, &h);
  if (index == 0)
    {
      title = new_layout (context, atlas_story_get_title (story), MAX (12, px * 8 / 10), TRUE,
                          inner_w - w - 12);
      pango_layout_get_pixel_size (title, NULL, &h);
    }
  title_h = h;
  caption = new_layout (context, atlas_story_step_get_caption (step), px, FALSE, inner_w);
  pango_layout_get_pixel_size (caption, NULL, &h);
  text_h = title_h + 8 + h + 2 * pad;
  atlas_present_layout (width, height, side, (int) ceil (text_h), &safe, &panel, &subject);

  view = atlas_view_find (pages, atlas_story_step_get_view (step));
  if (view != NULL)
    subject_node = atlas_view_render (view, (int) subject.size.width, (int) subject.size.height, dark);
  if (subject_node != NULL)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_push_clip (snapshot, &subject);
      gtk_snapshot_translate (snapshot, &subject.origin);
      gtk_snapshot_append_node (snapshot, subject_node);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_restore (snapshot);
    }

  append_rect (snapshot, &panel, &stage_palette (dark)->caption, px * 0.5);
  gtk_snapshot_push_clip (snapshot, &panel);
  pango_layout_get_pixel_size (counter, &w, NULL);
  append_layout (snapshot, counter, panel.origin.x + panel.size.width - pad - w, panel.origin.y + pad, &stage_palette (dark)->caption_counter);
  if (title != NULL)
    append_layout (snapshot, title, panel.origin.x + pad, panel.origin.y + pad, &stage_palette (dark)->caption_title);
  append_layout (snapshot, caption, panel.origin.x + pad, panel.origin.y + pad + title_h + 8, &stage_palette (dark)->caption_text);
  gtk_snapshot_pop (snapshot);

  append_progress (snapshot, width, height, (double) (index + 1) / (n + 1), dark);
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/**
 * atlas_slides_render_story:
 * @like: the window's pages, whose kinds the slides' pages copy
 *
 * Every step of @story and the closing slide, at 1920x1080, drawn on pages
 * of a session of their own: the window's state is not touched.
 *
 * Returns: (transfer full) (element-type GskRenderNode): the slides; a step
 *   that cannot be shown is left out
 */
GPtrArray *
atlas_slides_render_story (AtlasSession *session,
                           AdwViewStack *like,
                           AtlasStory   *story,
                           gboolean      dark)
{
  g_autoptr(AtlasSession) own = NULL;
  g_autoptr(AdwViewStack) pages = NULL;
  GPtrArray *nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) gsk_render_node_unref);
  guint n;

  g_return_val_if_fail (ATLAS_IS_SESSION (session), nodes);
  g_return_val_if_fail (ATLAS_IS_STORY (story), nodes);

  own = atlas_session_new (atlas_session_get_dataset (session));
  pages = atlas_story_player_new_pages (like, own, story);
  n = atlas_story_get_n_steps (story);
  for (guint i = 0; i <= n; i++)
    {
      GskRenderNode *node = atlas_slides_render_step (own, pages, story, i, ATLAS_SLIDE_WIDTH,
                                                      ATLAS_SLIDE_HEIGHT, dark);

      if (node != NULL)
        g_ptr_array_add (nodes, node);
    }
  return nodes;
}

/* A file name from the story's title: letters, digits and dashes. */
char *
atlas_slides_dup_basename (AtlasStory *story)
{
  const char *id = atlas_story_get_id (story);
  GString *name = g_string_new (NULL);

  for (const char *p = id ? id : ""; *p != '\0'; p++)
    g_string_append_c (name, g_ascii_isalnum (*p) || *p == '-' || *p == '_' ? *p : '-');
  if (name->len == 0)
    g_string_append (name, "story");
  return g_string_free (name, FALSE);
}

typedef struct
{
  GPtrArray            *nodes;
  GFile                *folder;
  char                 *basename;
  GFileProgressCallback progress;
  gpointer              progress_data;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_ptr_array_unref (job->nodes);
  g_object_unref (job->folder);
  g_free (job->basename);
  g_free (job);
}

typedef struct
{
  GFileProgressCallback progress;
  gpointer              data;
  goffset               done;
  goffset               total;
} Progress;

static gboolean
report_progress (gpointer user_data)
{
  Progress *p = user_data;

  p->progress (p->done, p->total, p->data);
  return G_SOURCE_REMOVE;
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  g_autofree char *pdf_name = g_strdup_printf ("%s.pdf", job->basename);
  g_autoptr(GFile) pdf_file = g_file_get_child (job->folder, pdf_name);
  g_autofree char *pdf_path = g_file_get_path (pdf_file);
  g_autofree char *tmp_path = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n = job->nodes->len;
  GError *error = NULL;

  if (pdf_path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Slides can only be written to a local folder"));
      return;
    }

  /* The deck at half the pixel size in points: 960x540 pt, 16:9. */
  tmp_path = g_strdup_printf ("%s.part", pdf_path);
  surface = cairo_pdf_surface_create (tmp_path, ATLAS_SLIDE_WIDTH / 2.0, ATLAS_SLIDE_HEIGHT / 2.0);
  cr = cairo_create (surface);
  for (guint i = 0; i < n; i++)
    {
      GskRenderNode *node = g_ptr_array_index (job->nodes, i);
      g_autofree char *png_name = g_strdup_printf ("%s-%02u.png", job->basename, i + 1);
      g_autoptr(GFile) png = g_file_get_child (job->folder, png_name);

      if (g_cancellable_set_error_if_cancelled (cancellable, &error) ||
          !atlas_render_node_to_file (node, ATLAS_SLIDE_WIDTH, ATLAS_SLIDE_HEIGHT, png, &error))
        break;
      cairo_save (cr);
      cairo_scale (cr, 0.5, 0.5);
      atlas_render_node_to_cairo (node, cr);
      cairo_restore (cr);
      cairo_show_page (cr);

      if (job->progress != NULL)
        {
          Progress *p = g_new0 (Progress, 1);

          p->progress = job->progress;
          p->data = job->progress_data;
          p->done = i + 1;
          p->total = n;
          g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, report_progress, p, g_free);
        }
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (error == NULL && status != CAIRO_STATUS_SUCCESS)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"),
                 pdf_path, cairo_status_to_string (status));
  if (error == NULL && g_rename (tmp_path, pdf_path) != 0)
    g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (errno), _("Could not write “%s”: %s"),
                 pdf_path, g_strerror (errno));
  if (error != NULL)
    {
      g_unlink (tmp_path);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * atlas_slides_write_async:
 * @nodes: (element-type GskRenderNode): the slides, 1920x1080
 * @folder: where to write BASENAME-01.png… and BASENAME.pdf
 * @progress: (nullable): called on the main thread after each slide
 *
 * Writes the slides in a thread: drawing 1920x1080 pictures and compressing
 * them takes seconds.
 */
void
atlas_slides_write_async (GPtrArray            *nodes,
                          GFile                *folder,
                          const char           *basename,
                          GCancellable         *cancellable,
                          GFileProgressCallback progress,
                          gpointer              progress_data,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteJob *job;

  g_return_if_fail (nodes != NULL);
  g_return_if_fail (G_IS_FILE (folder));
  g_return_if_fail (basename != NULL);

  atlas_render_ensure_types ();
  job = g_new0 (WriteJob, 1);
  job->nodes = g_ptr_array_ref (nodes);
  job->folder = g_object_ref (folder);
  job->basename = g_strdup (basename);
  job->progress = progress;
  job->progress_data = progress_data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_slides_write_async);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
atlas_slides_write_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
