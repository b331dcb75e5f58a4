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

#include "atlas-present-hud.h"

/* What presentation mode lays over the page: the caption, the story's title
 * and the step counter, kept inside a 16:9 safe area (the largest 16:9
 * rectangle in the window, less 5% on each side) so that a projector that
 * crops or letterboxes does not cut them; the type grows with that area.  It
 * also cross-fades from the previous step's picture and blanks the screen.
 * Clicks go through to the page below.
 */

#define FADE_MS 450

struct _AtlasPresentHud
{
  GtkWidget          parent_instance;

  GtkPicture        *fade;
  GtkWidget         *panel;
  GtkLabel          *title_label;
  GtkLabel          *caption_label;
  GtkLabel          *counter_label;
  GtkLabel          *message_label;
  GtkWidget         *blank;

  AdwAnimation      *animation;
  int                font_px;
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

/* The largest 16:9 rectangle inside @width x @height, less a 5% margin. */
static void
compute_safe_area (int              width,
                   int              height,
                   graphene_rect_t *area)
{
  double w = width, h = height;

  if (w * 9 > h * 16)
    w = h * 16 / 9;
  else
    h = w * 9 / 16;

  graphene_rect_init (area, (width - w) / 2 + w * 0.05, (height - h) / 2 + h * 0.05,
                      w * 0.9, h * 0.9);
}

static void
allocate_child (GtkWidget *child,
                double     x,
                double     y,
                int        width,
                int        height)
{
  GskTransform *transform = gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (x, y));

  gtk_widget_allocate (child, width, height, -1, transform);
}

static void
atlas_present_hud_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  AtlasPresentHud *self = ATLAS_PRESENT_HUD (widget);
  graphene_rect_t *safe = &self->safe;
  int font_px, panel_h, min, nat, cw, ch;

  compute_safe_area (width, height, safe);

  /* The caption's size follows the safe area: readable from the back of a
   * room at 1024x768 as at 1920x1080.
   */
  font_px = MAX (14, (int) (safe->size.height / 20));
  if (font_px != self->font_px)
    {
      self->font_px = font_px;
      set_font_px (self->caption_label, font_px, FALSE);
      set_font_px (self->title_label, MAX (12, font_px * 6 / 10), TRUE);
      set_font_px (self->counter_label, MAX (12, font_px * 7 / 10), TRUE);
      set_font_px (self->message_label, font_px, TRUE);
    }

  allocate_child (GTK_WIDGET (self->fade), 0, 0, width, height);
  allocate_child (self->blank, 0, 0, width, height);

  if (gtk_widget_get_visible (self->panel))
    {
      gtk_widget_measure (self->panel, GTK_ORIENTATION_VERTICAL, (int) safe->size.width,
                          &min, &nat, NULL, NULL);
      panel_h = MIN (nat, (int) (safe->size.height * 0.5));
      panel_h = MAX (panel_h, min);
      allocate_child (self->panel, safe->origin.x,
                      safe->origin.y + safe->size.height - panel_h,
                      (int) safe->size.width, panel_h);
    }

  gtk_widget_measure (GTK_WIDGET (self->counter_label), GTK_ORIENTATION_HORIZONTAL, -1,
                      NULL, &cw, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->counter_label), GTK_ORIENTATION_VERTICAL, cw,
                      NULL, &ch, NULL, NULL);
  allocate_child (GTK_WIDGET (self->counter_label),
                  safe->origin.x + safe->size.width - cw, safe->origin.y, cw, ch);

  if (gtk_widget_get_visible (GTK_WIDGET (self->message_label)))
    {
      int mw = (int) (safe->size.width * 0.8);

      gtk_widget_measure (GTK_WIDGET (self->message_label), GTK_ORIENTATION_VERTICAL, mw,
                          NULL, &ch, NULL, NULL);
      allocate_child (GTK_WIDGET (self->message_label),
                      safe->origin.x + (safe->size.width - mw) / 2,
                      safe->origin.y + (safe->size.height - ch) / 2, mw, ch);
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
  /* It covers whatever the overlay gives it. */
  *minimum = *natural = 0;
}

static void
atlas_present_hud_dispose (GObject *object)
{
  AtlasPresentHud *self = (AtlasPresentHud *)object;

  if (self->animation != NULL)
    adw_animation_skip (self->animation);
  g_clear_object (&self->animation);
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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-present-hud.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasPresentHud, fade);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresentHud, panel);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresentHud, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresentHud, caption_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasPresentHud, counter_label);
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
  gtk_widget_set_opacity (self->panel, value);
}

static void
on_fade_done (AtlasPresentHud *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->fade), FALSE);
  gtk_picture_set_paintable (self->fade, NULL);
  gtk_widget_set_opacity (self->panel, 1.0);
}

static void
atlas_present_hud_init (AtlasPresentHud *self)
{
  AdwAnimationTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  target = adw_callback_animation_target_new (fade_step, self, NULL);
  self->animation = adw_timed_animation_new (GTK_WIDGET (self), 0.0, 1.0, FADE_MS, target);
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->animation), ADW_EASE_IN_OUT_CUBIC);
  g_signal_connect_object (self->animation, "done", G_CALLBACK (on_fade_done), self, G_CONNECT_SWAPPED);
}

GtkWidget *
atlas_present_hud_new (void)
{
  return g_object_new (ATLAS_TYPE_PRESENT_HUD, NULL);
}

/**
 * atlas_present_hud_show_step:
 * @previous: (nullable): a still of the screen before the step, to fade from
 */
void
atlas_present_hud_show_step (AtlasPresentHud *self,
                             const char      *title,
                             const char      *caption,
                             guint            index,
                             guint            n_steps,
                             GdkPaintable    *previous)
{
  g_autofree char *counter = NULL;

  g_return_if_fail (ATLAS_IS_PRESENT_HUD (self));

  gtk_label_set_text (self->title_label, title ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), title != NULL && *title != '\0');
  gtk_label_set_text (self->caption_label, caption ? caption : "");
  gtk_widget_set_visible (self->panel, caption != NULL && *caption != '\0');

  /* Translators: the step counter of presentation mode, "3 / 8". */
  counter = g_strdup_printf ("%u / %u", index + 1, n_steps);
  gtk_label_set_text (self->counter_label, counter);

  adw_animation_skip (self->animation);
  if (previous != NULL && adw_get_enable_animations (GTK_WIDGET (self)))
    {
      gtk_picture_set_paintable (self->fade, previous);
      gtk_widget_set_visible (GTK_WIDGET (self->fade), TRUE);
      fade_step (0.0, self);
      adw_animation_play (self->animation);
    }
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

/* A short notice in the middle of the safe area ("End of the story"). */
void
atlas_present_hud_set_message (AtlasPresentHud *self,
                               const char      *message)
{
  g_return_if_fail (ATLAS_IS_PRESENT_HUD (self));

  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL && *message != '\0');
}

void
atlas_present_hud_get_safe_area (AtlasPresentHud *self,
                                 graphene_rect_t *area)
{
  g_return_if_fail (ATLAS_IS_PRESENT_HUD (self));

  *area = self->safe;
}
