/* atlas-present-hud.c
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

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atlas-present-hud.h"

/* The stage of presentation mode: the step's subject (a page of the stage's
 * own) and its caption side by side, never on top of each other.  The
 * caption takes a band at the bottom or top, or a column at the left or
 * right, as the step says; the subject gets the rest.  Whatever minimum size
 * the subject asks for, the stage never asks for more than it is given: a
 * subject that does not fit is drawn scaled down, so the window stays the
 * size of its monitor with any font.  Around both, a small margin keeps
 * text off the edges a projector may crop; a thin bar at the bottom shows
 * how far the story has come.  The stage also cross-fades from the previous
 * step, blanks the screen and shows the closing slide.
 */

#define FADE_MS 450
#define PROGRESS_H 6

struct _AtlasPresentHud
{
  GtkWidget          parent_instance;

  GtkWidget         *subject;
  GtkPicture        *fade;
  GtkWidget         *panel;
  GtkLabel          *title_label;
  GtkLabel          *caption_label;
  GtkLabel          *counter_label;
  GtkWidget         *closing;
  GtkLabel          *closing_title;
  GtkLabel          *closing_heading;
  GtkLabel          *closing_sources;
  GtkLabel          *closing_hint;
  GtkProgressBar    *progress;
  GtkLabel          *message_label;
  GtkWidget         *blank;

  AdwAnimation      *animation;
  AtlasCaptionSide   side;
  int                font_px;
  double             scale;
  graphene_rect_t    safe;
};

G_DEFINE_FINAL_TYPE (AtlasPresentHud, atlas_present_hud, GTK_TYPE_WIDGET)

static void
set_font_px (GtkLabel *label,
             int       px,
             gboolean  bold)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_size_new_absolute (px * PANGO_SCALE));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

/* Type that reads from the back of a room: a size from the stage's height,
 * whatever the system font size, so a large-text setting cannot push the
 * caption off a 768-pixel screen.
 */
int
atlas_present_font_px (int width,
                       int height)
{
  return CLAMP (MIN (height / 26, width / 36), 14, 54);
}

/* A caption column: wide enough for a few words of large type a line. */
int
atlas_present_side_panel_width (int width)
{
  return (int) (width * 0.3);
}

/**
 * atlas_present_effective_side:
 *
 * AUTO: a column at the right on a wide stage (3:2 or wider), where it
 * leaves the subject about square; a band at the bottom on a 4:3 one, where
 * a column would leave the subject a narrow strip.
 */
AtlasCaptionSide
atlas_present_effective_side (AtlasCaptionSide side,
                              int              width,
                              int              height)
{
  if (side != ATLAS_CAPTION_SIDE_AUTO)
    return side;
  return width * 2 >= height * 3 ? ATLAS_CAPTION_SIDE_RIGHT : ATLAS_CAPTION_SIDE_BOTTOM;
}

/**
 * atlas_present_layout:
 * @caption_height: the caption's height at the panel's width (bands only)
 * @safe: (out): the area inside the margins
 * @panel: (out): the caption's place
 * @subject: (out): the subject's place, never overlapping @panel
 *
 * The stage's geometry at @width x @height, shared by the live stage and the
 * exported slides so that both lay out a step alike.
 */
void
atlas_present_layout (int              width,
                      int              height,
                      AtlasCaptionSide side,
                      int              caption_height,
                      graphene_rect_t *safe,
                      graphene_rect_t *panel,
                      graphene_rect_t *subject)
{
  double margin = MAX (8, MIN (width, height) * 0.025);
  double gap = margin;
  double sx, sy, sw, sh, ph, pw;

  side = atlas_present_effective_side (side, width, height);
  sx = margin;
  sy = margin;
  sw = MAX (1, width - 2 * margin);
  sh = MAX (1, height - 2 * margin - PROGRESS_H);
  graphene_rect_init (safe, sx, sy, sw, sh);

  switch (side)
    {
    case ATLAS_CAPTION_SIDE_LEFT:
    case ATLAS_CAPTION_SIDE_RIGHT:
      pw = atlas_present_side_panel_width (sw);
      if (side == ATLAS_CAPTION_SIDE_LEFT)
        {
          graphene_rect_init (panel, sx, sy, pw, sh);
          graphene_rect_init (subject, sx + pw + gap, sy, MAX (1, sw - pw - gap), sh);
        }
      else
        {
          graphene_rect_init (panel, sx + sw - pw, sy, pw, sh);
          graphene_rect_init (subject, sx, sy, MAX (1, sw - pw - gap), sh);
        }
      break;

    case ATLAS_CAPTION_SIDE_TOP:
    case ATLAS_CAPTION_SIDE_BOTTOM:
    case ATLAS_CAPTION_SIDE_AUTO:
    default:
      /* A band at most 40% high: a long caption is cut, not the subject. */
      ph = CLAMP (caption_height, 0, sh * 0.4);
      if (side == ATLAS_CAPTION_SIDE_TOP)
        {
          graphene_rect_init (panel, sx, sy, sw, ph);
          graphene_rect_init (subject, sx, sy + ph + (ph > 0 ? gap : 0), sw, MAX (1, sh - ph - (ph > 0 ? gap : 0)));
        }
      else
        {
          graphene_rect_init (panel, sx, sy + sh - ph, sw, ph);
          graphene_rect_init (subject, sx, sy, sw, MAX (1, sh - ph - (ph > 0 ? gap : 0)));
        }
      break;
    }
}

static void
allocate_at (GtkWidget             *child,
             const graphene_rect_t *rect)
{
  GskTransform *transform = gsk_transform_translate (NULL, &rect->origin);

  gtk_widget_allocate (child, (int) rect->size.width, (int) rect->size.height, -1, transform);
}

/* The subject at @rect, scaled down if it needs more room than that. */
static void
allocate_subject (AtlasPresentHud       *self,
                  const graphene_rect_t *rect)
{
  int min_w, min_h, w, h;
  double scale = 1.0;
  GskTransform *transform;

  gtk_widget_measure (self->subject, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
  w = MAX ((int) rect->size.width, min_w);
  gtk_widget_measure (self->subject, GTK_ORIENTATION_VERTICAL, w, &min_h, NULL, NULL, NULL);
  if (min_w > rect->size.width || min_h > rect->size.height)
    scale = MIN (rect->size.width / MAX (min_w, 1), rect->size.height / MAX (min_h, 1));
  scale = MIN (scale, 1.0);
  w = (int) floor (rect->size.width / scale);
  h = (int) floor (rect->size.height / scale);
  /* Rounding can leave a pixel short of the minimum. */
  w = MAX (w, min_w);
  gtk_widget_measure (self->subject, GTK_ORIENTATION_VERTICAL, w, &min_h, NULL, NULL, NULL);
  h = MAX (h, min_h);
  scale = MIN (rect->size.width / w, rect->size.height / h);
  scale = MIN (scale, 1.0);

  self->scale = scale;
  transform = gsk_transform_translate (NULL, &rect->origin);
  if (scale < 1.0)
    transform = gsk_transform_scale (transform, scale, scale);
  gtk_widget_allocate (self->subject, w, h, -1, transform);
}

static void
update_fonts (AtlasPresentHud *self,
              int              font_px)
{
  if (font_px == self->font_px)
    return;
  self->font_px = font_px;
  set_font_px (self->caption_label, font_px, FALSE);
  set_font_px (self->title_label, MAX (12, font_px * 8 / 10), TRUE);
  set_font_px (self->counter_label, MAX (12, font_px * 7 / 10), TRUE);
  set_font_px (self->message_label, font_px, TRUE);
  set_font_px (self->closing_title, font_px * 3 / 2, TRUE);
  set_font_px (self->closing_heading, MAX (12, font_px * 8 / 10), TRUE);
  set_font_px (self->closing_sources, MAX (12, font_px * 7 / 10), FALSE);
  set_font_px (self->closing_hint, MAX (12, font_px * 7 / 10), FALSE);
}

static void
atlas_present_hud_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  AtlasPresentHud *self = ATLAS_PRESENT_HUD (widget);
  graphene_rect_t panel, subject, full = GRAPHENE_RECT_INIT (0, 0, width, height);
  AtlasCaptionSide side = atlas_present_effective_side (self->side, width, height);
  int caption_h = 0;

  update_fonts (self, atlas_present_font_px (width, height));
  gtk_widget_remove_css_class (self->panel, "side");
  if (side == ATLAS_CAPTION_SIDE_LEFT || side == ATLAS_CAPTION_SIDE_RIGHT)
    gtk_widget_add_css_class (self->panel, "side");

  /* The band's height is the caption's at the band's width. */
  if (gtk_widget_get_visible (self->panel) &&
      (side == ATLAS_CAPTION_SIDE_BOTTOM || side == ATLAS_CAPTION_SIDE_TOP))
    {
      graphene_rect_t safe, ignored1, ignored2;

      atlas_present_layout (width, height, side, 0, &safe, &ignored1, &ignored2);
      gtk_widget_measure (self->panel, GTK_ORIENTATION_VERTICAL, (int) safe.size.width,
                          &caption_h, NULL, NULL, NULL);
    }
  else if (!gtk_widget_get_visible (self->panel))
    side = ATLAS_CAPTION_SIDE_BOTTOM;
  atlas_present_layout (width, height, side, caption_h, &self->safe, &panel, &subject);

  allocate_at (GTK_WIDGET (self->fade), &full);
  allocate_at (self->blank, &full);
  if (gtk_widget_should_layout (self->panel))
    {
      int min;

      /* A cut caption still gets its minimum: clip rather than overlap. */
      gtk_widget_measure (self->panel, GTK_ORIENTATION_VERTICAL, (int) panel.size.width, &min, NULL, NULL, NULL);
      if (side == ATLAS_CAPTION_SIDE_LEFT || side == ATLAS_CAPTION_SIDE_RIGHT)
        panel.size.height = MAX (panel.size.height, min);
      else if (panel.size.height < min)
        panel.size.height = min;
      allocate_at (self->panel, &panel);
    }
  if (self->subject != NULL && gtk_widget_should_layout (self->subject))
    allocate_subject (self, &subject);
  if (gtk_widget_should_layout (self->closing))
    allocate_at (self->closing, &self->safe);

  if (gtk_widget_should_layout (GTK_WIDGET (self->progress)))
    allocate_at (GTK_WIDGET (self->progress), &GRAPHENE_RECT_INIT (0, height - PROGRESS_H, width, PROGRESS_H));

  if (gtk_widget_should_layout (GTK_WIDGET (self->message_label)))
    {
      int mw = (int) (self->safe.size.width * 0.8), mh;

      gtk_widget_measure (GTK_WIDGET (self->message_label), GTK_ORIENTATION_VERTICAL, mw,
                          NULL, &mh, NULL, NULL);
      allocate_at (GTK_WIDGET (self->message_label),
                   &GRAPHENE_RECT_INIT (self->safe.origin.x + (self->safe.size.width - mw) / 2,
                                        self->safe.origin.y + (self->safe.size.height - mh) / 2, mw, mh));
    }
}

static void
atlas_present_hud_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  /* The stage takes what its window is given and asks for nothing: what
   * does not fit is scaled, so the window never outgrows its monitor.
   */
  *minimum = 0;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 1024 : 768;
}

static void
atlas_present_hud_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  AtlasPresentHud *self = ATLAS_PRESENT_HUD (widget);

  /* Draw order: subject, caption, closing slide, progress, notices; the
   * fade and the blank over everything.
   */
  if (self->subject != NULL)
    gtk_widget_snapshot_child (widget, self->subject, snapshot);
  gtk_widget_snapshot_child (widget, self->panel, snapshot);
  gtk_widget_snapshot_child (widget, self->closing, snapshot);
  gtk_widget_snapshot_child (widget, GTK_WIDGET (self->progress), snapshot);
  gtk_widget_snapshot_child (widget, GTK_WIDGET (self->message_label), snapshot);
  gtk_widget_snapshot_child (widget, GTK_WIDGET (self->fade), snapshot);
  gtk_widget_snapshot_child (widget, self->blank, snapshot);
}

static void
atlas_present_hud_dispose (GObject *object)
{
  AtlasPresentHud *self = (AtlasPresentHud *)object;

  if (self->animation != NULL)
    adw_animation_skip (self->animation);
  g_clear_object (&self->animation);
  if (self->subject != NULL)
    gtk_widget_unparent (self->subject);
  self->subject = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_PRESENT_HUD);

  G_OBJECT_CLASS (atlas_present_hud_parent_class)->dispose (object);
}

static void
atlas_present_hud_class_init (AtlasPresentHudClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_present_hud_dispose;
  widget_class->size_allocate = atlas_present_hud_size_allocate;
  widget_class->measure = atlas_present_hud_measure;
  widget_class->snapshot = atlas_present_hud_snapshot;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-present-hud.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasPresentHud, fade);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresentHud, panel);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresentHud, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresentHud, caption_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresentHud, counter_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresentHud, closing);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresentHud, closing_title);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresentHud, closing_heading);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresentHud, closing_sources);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresentHud, closing_hint);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresentHud, progress);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresentHud, message_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresentHud, blank);
  gtk_widget_class_set_css_name (widget_class, "presenthud");
}

static void
fade_step (double   value,
           gpointer user_data)
{
  AtlasPresentHud *self = user_data;

  gtk_widget_set_opacity (GTK_WIDGET (self->fade), 1.0 - value);
}

static void
on_fade_done (AtlasPresentHud *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->fade), FALSE);
  gtk_picture_set_paintable (self->fade, NULL);
}

/* What is shown on stage takes the focus as it appears (see announce()). */
static void
on_panel_map (GtkWidget *panel)
{
  gtk_widget_grab_focus (panel);
}

static void
atlas_present_hud_init (AtlasPresentHud *self)
{
  AdwAnimationTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->scale = 1.0;
  self->side = ATLAS_CAPTION_SIDE_BOTTOM;

  target = adw_callback_animation_target_new (fade_step, self, NULL);
  self->animation = adw_timed_animation_new (GTK_WIDGET (self), 0.0, 1.0, FADE_MS, target);
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->animation), ADW_EASE_IN_OUT_CUBIC);
  g_signal_connect_object (self->animation, "done", G_CALLBACK (on_fade_done), self, G_CONNECT_SWAPPED);
  g_signal_connect (self->panel, "map", G_CALLBACK (on_panel_map), NULL);
  g_signal_connect (self->closing, "map", G_CALLBACK (on_panel_map), NULL);
}

GtkWidget *
atlas_present_hud_new (void)
{
  return g_object_new (ATLAS_TYPE_PRESENT_HUD, NULL);
}

/* The widget the stage shows beside the caption (a stack of pages). */
void
atlas_present_hud_set_subject (AtlasPresentHud *self,
                               GtkWidget       *subject)
{
  g_return_if_fail (ATLAS_IS_PRESENT_HUD (self));
  g_return_if_fail (subject == NULL || GTK_IS_WIDGET (subject));

  if (self->subject == subject)
    return;
  if (self->subject != NULL)
    gtk_widget_unparent (self->subject);
  self->subject = subject;
  if (subject != NULL)
    gtk_widget_insert_after (subject, GTK_WIDGET (self), NULL);
}

/**
 * atlas_present_hud_get_subject:
 *
 * Returns: (transfer none) (nullable): the subject widget
 */
GtkWidget *
atlas_present_hud_get_subject (AtlasPresentHud *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENT_HUD (self), NULL);

  return self->subject;
}

static void
set_progress (AtlasPresentHud *self,
              double           fraction)
{
  gtk_progress_bar_set_fraction (self->progress, CLAMP (fraction, 0, 1));
}

/* Screen readers hear the step as it comes.  The caption's panel holds the
 * stage's focus (nothing else there takes it, and a label that cannot be
 * selected refuses it), named with the step: Orca 43 says the name of what
 * takes the focus, and says it again when the focused object's name
 * changes.  On the first step the stage is not shown yet: the panel takes
 * the focus once it is.
 */
static void
announce (AtlasPresentHud *self,
          const char      *text)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->panel),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  if (gtk_widget_get_mapped (self->panel))
    gtk_widget_grab_focus (self->panel);
}

/**
 * atlas_present_hud_show_step:
 * @side: where the caption goes; AUTO follows the stage's shape
 *   (atlas_present_effective_side)
 * @previous: (nullable): a still of the screen before the step, to fade from
 */
void
atlas_present_hud_show_step (AtlasPresentHud  *self,
                             const char       *title,
                             const char       *caption,
                             guint             index,
                             guint             n_steps,
                             AtlasCaptionSide  side,
                             GdkPaintable     *previous)
{
  g_autofree char *counter = NULL;
  g_autofree char *spoken = NULL;

  g_return_if_fail (ATLAS_IS_PRESENT_HUD (self));

  gtk_label_set_text (self->title_label, title ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), title != NULL && *title != '\0');
  gtk_label_set_text (self->caption_label, caption ? caption : "");
  gtk_widget_set_visible (self->panel, TRUE);
  gtk_widget_set_visible (self->closing, FALSE);
  if (self->subject != NULL)
    gtk_widget_set_visible (self->subject, TRUE);
  self->side = side;

  /* Translators: the step counter of presentation mode, "3 / 8". */
  counter = g_strdup_printf (_("%u / %u"), index + 1, n_steps);
  gtk_label_set_text (self->counter_label, counter);
  set_progress (self, n_steps > 0 ? (double) (index + 1) / (n_steps + 1) : 0);

  /* Translators: what a screen reader says on each step: "Step 3 of 8: caption". */
  spoken = g_strdup_printf (_("Step %u of %u: %s"), index + 1, n_steps, caption ? caption : "");
  announce (self, spoken);

  adw_animation_skip (self->animation);
  if (previous != NULL && adw_get_enable_animations (GTK_WIDGET (self)))
    {
      gtk_picture_set_paintable (self->fade, previous);
      gtk_widget_set_visible (GTK_WIDGET (self->fade), TRUE);
      fade_step (0.0, self);
      adw_animation_play (self->animation);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* The slide after the last step: the story's title, the sources it cites
 * and how to leave.
 */
void
atlas_present_hud_show_closing (AtlasPresentHud *self,
                                const char      *title,
                                const char      *sources,
                                guint            n_steps)
{
  g_autofree char *spoken = NULL;

  g_return_if_fail (ATLAS_IS_PRESENT_HUD (self));

  adw_animation_skip (self->animation);
  gtk_label_set_text (self->closing_title, title ? title : "");
  gtk_label_set_text (self->closing_sources, sources ? sources : "");
  gtk_widget_set_visible (GTK_WIDGET (self->closing_heading), sources != NULL && *sources != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->closing_sources), sources != NULL && *sources != '\0');
  gtk_widget_set_visible (self->closing, TRUE);
  gtk_widget_set_visible (self->panel, FALSE);
  if (self->subject != NULL)
    gtk_widget_set_visible (self->subject, FALSE);
  gtk_label_set_text (self->counter_label, "");
  set_progress (self, 1.0);

  /* Translators: what a screen reader says on the closing slide. */
  spoken = g_strdup_printf (_("End of “%s”. Press Escape to return."), title ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->closing),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  if (gtk_widget_get_mapped (self->closing))
    gtk_widget_grab_focus (self->closing);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

gboolean
atlas_present_hud_get_closing (AtlasPresentHud *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENT_HUD (self), FALSE);

  return gtk_widget_get_visible (self->closing);
}

const char *
atlas_present_hud_get_caption (AtlasPresentHud *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENT_HUD (self), NULL);

  return gtk_label_get_text (self->caption_label);
}

const char *
atlas_present_hud_get_counter (AtlasPresentHud *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENT_HUD (self), NULL);

  return gtk_label_get_text (self->counter_label);
}

/* The side the caption is on at the stage's size now. */
AtlasCaptionSide
atlas_present_hud_get_side (AtlasPresentHud *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENT_HUD (self), ATLAS_CAPTION_SIDE_BOTTOM);

  return atlas_present_effective_side (self->side, gtk_widget_get_width (GTK_WIDGET (self)),
                                       gtk_widget_get_height (GTK_WIDGET (self)));
}

/**
 * atlas_present_hud_get_panel:
 *
 * Returns: (transfer none): the caption's panel
 */
GtkWidget *
atlas_present_hud_get_panel (AtlasPresentHud *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENT_HUD (self), NULL);

  return self->panel;
}

double
atlas_present_hud_get_progress (AtlasPresentHud *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENT_HUD (self), 0);

  return gtk_progress_bar_get_fraction (self->progress);
}

/* How much the subject is shrunk to fit (1: not at all). */
double
atlas_present_hud_get_scale (AtlasPresentHud *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENT_HUD (self), 1.0);

  return self->scale;
}

/* A black screen, for when the audience should look at the speaker. */
void
atlas_present_hud_set_blanked (AtlasPresentHud *self,
                               gboolean         blanked)
{
  g_return_if_fail (ATLAS_IS_PRESENT_HUD (self));

  gtk_widget_set_visible (self->blank, blanked);
}

gboolean
atlas_present_hud_get_blanked (AtlasPresentHud *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENT_HUD (self), FALSE);

  return gtk_widget_get_visible (self->blank);
}

/* A short notice in the middle of the stage (a step that cannot be shown). */
void
atlas_present_hud_set_message (AtlasPresentHud *self,
                               const char      *message)
{
  g_return_if_fail (ATLAS_IS_PRESENT_HUD (self));

  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL && *message != '\0');
}

/* The area inside the stage's margins. */
void
atlas_present_hud_get_safe_area (AtlasPresentHud *self,
                                 graphene_rect_t *area)
{
  g_return_if_fail (ATLAS_IS_PRESENT_HUD (self));

  *area = self->safe;
}
