/* atlas-window-private.h
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

#include "atlas-announcer.h"
#include "atlas-banner.h"
#include "atlas-details-pane.h"
#include "atlas-filter-bar.h"
#include "atlas-history.h"
#include "atlas-presentation.h"
#include "atlas-search-popover.h"
#include "atlas-session.h"
#include "atlas-sites-page.h"
#include "atlas-sources-page.h"
#include "atlas-window.h"

G_BEGIN_DECLS

struct _AtlasWindow
{
  AdwApplicationWindow  parent_instance;

  AtlasSession         *session;
  AtlasDataset         *dataset;    /* the session's */
  AtlasState           *state;      /* the session's */
  GSettings            *settings;

  AdwViewStack         *stack;
  AdwFlap              *flap;
  AtlasBanner          *banner;
  AdwToastOverlay      *toast_overlay;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  AtlasSearchPopover   *search_popover;
  AtlasSearchResults   *search_results;
  char                 *filtered_text;   /* the search filter the entry last showed */
  GtkMenuButton        *filter_button;
  AtlasDetailsPane     *details_pane;
  GtkMenuButton        *menu_button;
  GtkLabel             *release_label;    /* in the main menu */
  gboolean              welcoming;        /* the banner offers the story */
  AtlasAnnouncer       *announcer;
  guint                 keep_focus_id;

  /* Presentation (src/present) */
  AtlasHistory         *history;    /* the session's */
  AtlasStories         *stories;    /* the session's */
  AtlasPresentation    *presentation;
  gboolean              saved_flap;
  GtkWidget            *story_editor;
  AdwHeaderBar         *header_bar;
  GtkWidget            *switcher_bar;
  AtlasFilterBar       *filter_bar;
  GtkOverlay           *present_overlay;
};

void _atlas_window_install_actions (AtlasWindow *self);
void _atlas_window_update_actions  (AtlasWindow *self);
void _atlas_window_show_toast      (AtlasWindow *self,
                                    const char  *message);

G_END_DECLS
