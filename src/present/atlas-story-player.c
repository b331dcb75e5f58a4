/* atlas-story-player.c
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

#include <glib/gi18n.h>

#include "atlas-item.h"
#include "atlas-page-slot.h"
#include "atlas-state.h"
#include "atlas-story-player.h"
#include "atlas-view.h"

/* Between story steps (model objects) and the window's pages: a step is
 * captured from the session's state and the shown page's camera, and applied
 * by loading the state into the session and the camera into the page.  The
 * pages are reached through AtlasView alone.
 */

/**
 * atlas_story_player_capture:
 * @pages: the window's pages
 *
 * "Add current view as step": the page shown, the shared state and the
 * page's camera.  The selected record, if any, is cited; the captions start
 * as its name.
 *
 * Returns: (transfer full): a new step
 */
AtlasStoryStep *
atlas_story_player_capture (AtlasSession *session,
                            AdwViewStack *pages)
{
  AtlasState *state;
  AtlasItem *selection;
  AtlasView *view;
  const char *page;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  const char *name_zh = "", *name_en = "";

  g_return_val_if_fail (ATLAS_IS_SESSION (session), NULL);
  g_return_val_if_fail (ADW_IS_VIEW_STACK (pages), NULL);

  state = atlas_session_get_state (session);
  page = atlas_state_get_page (state);
  node = atlas_state_to_json (state);
  object = json_node_get_object (node);

  if ((view = atlas_view_find (pages, page)) != NULL)
    {
      JsonNode *camera = atlas_view_save_camera (view);

      if (camera != NULL)
        json_object_set_member (object, "camera", camera);
    }

  selection = atlas_state_get_selection (state);
  if (selection != NULL)
    {
      JsonArray *cites = json_array_new ();
      JsonObject *cite = json_object_new ();

      json_object_set_string_member (cite, "entity", atlas_item_get_entity (selection));
      json_object_set_string_member (cite, "id", atlas_item_get_id (selection));
      json_array_add_object_element (cites, cite);
      json_object_set_array_member (object, "cites", cites);
      name_zh = atlas_item_get_name_zh (selection);
      name_en = atlas_item_get_name_en (selection);
    }

  return atlas_story_step_new (page && *page ? page : "sites", node, name_zh, name_en, "");
}

/**
 * atlas_story_player_apply:
 * @animate: let the page fly to its camera instead of jumping
 *
 * Shows @step: the shared state (filters, selection, time range,
 * choropleth, page) and the page's camera.  Fails, changing nothing, when
 * this build has no such page or the state names a record the data lacks.
 */
gboolean
atlas_story_player_apply (AtlasSession    *session,
                          AdwViewStack    *pages,
                          AtlasStoryStep  *step,
                          gboolean         animate,
                          GError         **error)
{
  const char *name;
  AtlasView *view;
  JsonNode *camera;

  g_return_val_if_fail (ATLAS_IS_SESSION (session), FALSE);
  g_return_val_if_fail (ADW_IS_VIEW_STACK (pages), FALSE);
  g_return_val_if_fail (ATLAS_IS_STORY_STEP (step), FALSE);

  name = atlas_story_step_get_view (step);
  if (adw_view_stack_get_child_by_name (pages, name) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("This step shows the “%s” page, which this version of the atlas does not have"),
                   name);
      return FALSE;
    }

  if (!atlas_state_load_json (atlas_session_get_state (session), atlas_story_step_get_state (step),
                              atlas_session_get_dataset (session), error))
    return FALSE;
  /* The step's page wins over a state saved without one. */
  atlas_state_set_page (atlas_session_get_state (session), name);

  camera = atlas_story_step_get_camera (step);
  if (camera != NULL && (view = atlas_view_find (pages, name)) != NULL)
    atlas_view_restore_camera (view, camera, animate);

  return TRUE;
}

/**
 * atlas_story_player_new_pages:
 * @like: the window's pages
 * @session: the session the new pages show
 * @story: (nullable): only the pages its steps show, or all if %NULL
 *
 * A stack of new pages of the same kinds and names as @like's, bound to
 * @session and drawing as on stage.  The presentation's stage shows steps on
 * pages of its own, so that presenting never moves, resizes or restyles the
 * window's pages; the handout and the slides draw steps on pages of a
 * session of their own, so that exporting never changes what the window
 * shows.
 *
 * Returns: (transfer full): the new stack (not floating)
 */
static gboolean
story_shows (AtlasStory *story,
             const char *name)
{
  if (story == NULL)
    return TRUE;
  for (guint i = 0; i < atlas_story_get_n_steps (story); i++)
    if (g_strcmp0 (atlas_story_step_get_view (atlas_story_get_step (story, i)), name) == 0)
      return TRUE;
  return FALSE;
}

AdwViewStack *
atlas_story_player_new_pages (AdwViewStack *like,
                              AtlasSession *session,
                              AtlasStory   *story)
{
  g_autoptr(GtkSelectionModel) model = NULL;
  AdwViewStack *pages;
  guint n;

  g_return_val_if_fail (ADW_IS_VIEW_STACK (like), NULL);
  g_return_val_if_fail (ATLAS_IS_SESSION (session), NULL);

  pages = g_object_ref_sink (ADW_VIEW_STACK (adw_view_stack_new ()));
  model = adw_view_stack_get_pages (like);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (model), i);
      GType type = atlas_page_resolve_type (adw_view_stack_page_get_child (page));
      GtkWidget *copy;

      /* A page costs its data and drawing caches: only those shown. */
      if (!g_type_is_a (type, ATLAS_TYPE_VIEW) || !story_shows (story, adw_view_stack_page_get_name (page)))
        continue;
      copy = g_object_new (type, NULL);
      adw_view_stack_add_titled (pages, copy, adw_view_stack_page_get_name (page),
                                 adw_view_stack_page_get_title (page));
      atlas_view_bind (ATLAS_VIEW (copy), session);
      atlas_view_set_presenting (ATLAS_VIEW (copy), TRUE);
    }
  return pages;
}
