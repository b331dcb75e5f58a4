/* atlas-charts-page.h
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

#include "atlas-chart-card.h"
#include "atlas-session.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CHARTS_PAGE (atlas_charts_page_get_type ())

G_DECLARE_FINAL_TYPE (AtlasChartsPage, atlas_charts_page, ATLAS, CHARTS_PAGE, GtkWidget)

AtlasChartCard *atlas_charts_page_get_card (AtlasChartsPage *self,
                                            const char      *id);
guint           atlas_charts_page_get_n_shown  (AtlasChartsPage *self);
const char     *atlas_charts_page_get_revealed (AtlasChartsPage *self);
GskRenderNode  *atlas_charts_render        (AtlasSession    *session,
                                            const char      *variant,
                                            int              width,
                                            int              height,
                                            gboolean         dark);
void            atlas_charts_benchmark     (AtlasDataset    *dataset);
AtlasChartCard *atlas_charts_page_get_solo (AtlasChartsPage *self);

G_END_DECLS
