/* atlas-present-hud.h
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

#pragma once

#include <gtk/gtk.h>

#include "atlas-story-step.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_PRESENT_HUD (atlas_present_hud_get_type ())

G_DECLARE_FINAL_TYPE (AtlasPresentHud, atlas_present_hud, ATLAS, PRESENT_HUD, GtkWidget)

GtkWidget  *atlas_present_hud_new            (void);
void        atlas_present_hud_set_subject    (AtlasPresentHud *self,
                                              GtkWidget       *subject);
GtkWidget  *atlas_present_hud_get_subject    (AtlasPresentHud *self);
void        atlas_present_hud_show_step      (AtlasPresentHud *self,
                                              const char      *title,
                                              const char      *caption,
                                              guint            index,
                                              guint            n_steps,
                                              AtlasCaptionSide side,
                                              GdkPaintable    *previous);
void        atlas_present_hud_show_closing   (AtlasPresentHud *self,
                                              const char      *title,
                                              const char      *sources,
                                              guint            n_steps);
gboolean    atlas_present_hud_get_closing    (AtlasPresentHud *self);
const char *atlas_present_hud_get_caption    (AtlasPresentHud *self);
const char *atlas_present_hud_get_counter    (AtlasPresentHud *self);
AtlasCaptionSide atlas_present_hud_get_side  (AtlasPresentHud *self);
GtkWidget  *atlas_present_hud_get_panel      (AtlasPresentHud *self);
double      atlas_present_hud_get_progress   (AtlasPresentHud *self);
double      atlas_present_hud_get_scale      (AtlasPresentHud *self);
void        atlas_present_hud_set_blanked    (AtlasPresentHud *self,
                                              gboolean         blanked);
gboolean    atlas_present_hud_get_blanked    (AtlasPresentHud *self);
void        atlas_present_hud_set_message    (AtlasPresentHud *self,
                                              const char      *message);
void        atlas_present_hud_get_safe_area  (AtlasPresentHud *self,
                                              graphene_rect_t *area);

void        atlas_present_layout             (int              width,
                                              int              height,
                                              AtlasCaptionSide side,
                                              int              caption_height,
                                              graphene_rect_t *safe,
                                              graphene_rect_t *panel,
                                              graphene_rect_t *subject);
AtlasCaptionSide atlas_present_effective_side (AtlasCaptionSide side,
                                              int              width,
                                              int              height);
int         atlas_present_font_px            (int              width,
                                              int              height);
int         atlas_present_side_panel_width   (int              width);

G_END_DECLS
