/* atlas-view.h
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

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "atlas-session.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_VIEW (atlas_view_get_type ())

G_DECLARE_INTERFACE (AtlasView, atlas_view, ATLAS, VIEW, GtkWidget)

/* What every page of the window's view stack provides, so that the window,
 * stories and presentation mode can treat the Map, Timeline, Charts and
 * Sites pages alike.
 *
 * @bind: connect the page to the window's session: its data, shared
 *   state, filters and reload signal (required)
 * @save_camera: the page's own camera (map centre and zoom, timeline range,
 *   chart shown...) as JSON, or %NULL if it has none
 * @restore_camera: go back to a camera from @save_camera; @animate asks for
 *   a smooth transition (a fly-to) instead of a jump
 * @render: the page as it is now, drawn at @width x @height for exports and
 *   handouts; %NULL if it cannot be drawn
 * @set_presenting: presentation mode starts or ends: larger type, projector
 *   palette, editing disabled and the editing controls hidden
 * @get_subject_bounds: where the page shows what a story step is about (the
 *   selected marker or event, the chart, the table), in the page's own
 *   coordinates; the presentation stage and its tests use it to keep the
 *   caption off the subject.  Without it, the whole page is the subject.
 */
struct _AtlasViewInterface
{
  GTypeInterface parent_iface;

  void           (*bind)           (AtlasView    *self,
                                    AtlasSession *session);
  JsonNode      *(*save_camera)    (AtlasView    *self);
  void           (*restore_camera) (AtlasView    *self,
                                    JsonNode     *camera,
                                    gboolean      animate);
  GskRenderNode *(*render)         (AtlasView    *self,
                                    int           width,
                                    int           height,
                                    gboolean      dark);
  void           (*set_presenting) (AtlasView    *self,
                                    gboolean      presenting);
  gboolean       (*get_subject_bounds) (AtlasView       *self,
                                        graphene_rect_t *bounds);
};

void           atlas_view_bind           (AtlasView    *self,
                                          AtlasSession *session);
JsonNode      *atlas_view_save_camera    (AtlasView    *self);
void           atlas_view_restore_camera (AtlasView    *self,
                                          JsonNode     *camera,
                                          gboolean      animate);
GskRenderNode *atlas_view_render         (AtlasView    *self,
                                          int           width,
                                          int           height,
                                          gboolean      dark);
void           atlas_view_set_presenting (AtlasView    *self,
                                          gboolean      presenting);
gboolean       atlas_view_get_subject_bounds (AtlasView       *self,
                                              graphene_rect_t *bounds);

AtlasView     *atlas_view_find           (AdwViewStack *pages,
                                          const char   *name);
void           atlas_view_foreach        (AdwViewStack *pages,
                                          GFunc         func,
                                          gpointer      user_data);

G_END_DECLS
