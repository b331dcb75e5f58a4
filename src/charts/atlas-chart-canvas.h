/* atlas-chart-canvas.h
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

#include "atlas-chart.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CHART_CANVAS (atlas_chart_canvas_get_type ())

G_DECLARE_FINAL_TYPE (AtlasChartCanvas, atlas_chart_canvas, ATLAS, CHART_CANVAS, GtkWidget)

GtkWidget  *atlas_chart_canvas_new            (void);
AtlasChart *atlas_chart_canvas_get_chart      (AtlasChartCanvas *self);
void        atlas_chart_canvas_set_chart      (AtlasChartCanvas *self,
                                               AtlasChart       *chart);
int         atlas_chart_canvas_get_hover      (AtlasChartCanvas *self);
int         atlas_chart_canvas_get_focus_mark (AtlasChartCanvas *self);
void        atlas_chart_canvas_set_focus_mark (AtlasChartCanvas *self,
                                               int               mark);
void        atlas_chart_canvas_set_presenting (AtlasChartCanvas *self,
                                               gboolean          presenting);
char       *atlas_chart_canvas_dup_mark_text  (AtlasChartCanvas *self,
                                               guint             mark);

G_END_DECLS
