/* test-site-list.c
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

/* The sites as rows with objects made on demand (AtlasSiteList): one object
 * per position, rows that say what the objects say, lookups by id, a large
 * register that starts without objects, and the session's filtered sites
 * (tested by row) agreeing with its filter.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <sqlite3.h>
#include <string.h>

#include "atlas-area.h"
#include "atlas-dataset.h"
#include "atlas-date.h"
#include "atlas-district.h"
#include "atlas-event.h"
#include "atlas-item.h"
#include "atlas-map-areas.h"
#include "atlas-map-scene.h"
#include "atlas-model-private.h"
#include "atlas-session.h"
#include "atlas-site.h"
#include "atlas-site-list.h"
#include "atlas-state.h"
#include "atlas-store.h"
#include "atlas-store-private.h"

#define LARGE 100000

typedef struct
{
  char         *dir;
  AtlasStore   *store;
  AtlasDataset *dataset;
} Fixture;

/* The bundled data, with @data more sites of the user's (copies of the
 * bundled ones, spread around them, as an imported register would be: a
 * third of them with no point, known by their area or not placed at all).
 */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  guint extra = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bundled = atlas_store_get_bundled_bytes (&error);
  g_autofree char *user = NULL;

  g_assert_no_error (error);
  f->dir = g_dir_make_tmp ("atlas-site-list-XXXXXX", &error);
  g_assert_no_error (error);
  user = g_build_filename (f->dir, "user.sqlite", NULL);
  f->store = atlas_store_new (bundled, user, &error);
  g_assert_no_error (error);

  if (extra > 0)
    {
      g_autofree char *sql =
        g_strdup_printf ("BEGIN;"
                         "CREATE TEMP TABLE template AS"
                         "  SELECT row_number () OVER (ORDER BY id) - 1 AS k, * FROM main.site;"
                         "WITH RECURSIVE c (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i + 1 < %u)"
                         "INSERT INTO user.site (id, name_zh, name_en, category, district_adcode, lon, lat,"
                         "                       location_precision, established_on, area_id)"
                         "  SELECT printf ('test-site-%%06d', c.i), t.name_zh || ' ' || c.i,"
                         "         t.name_en || ' ' || c.i, t.category, t.district_adcode,"
                         "         t.lon + ((c.i * 7919) %% 1000 - 500) / 10000.0,"
                         "         t.lat + ((c.i * 104729) %% 1000 - 500) / 10000.0,"
                         "         t.location_precision, t.established_on, t.area_id"
                         "  FROM c JOIN template t ON t.k = c.i %% (SELECT count (*) FROM template);"
                         "COMMIT;", extra);

      g_assert_cmpint (sqlite3_exec (atlas_store_get_db (f->store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }

  f->dataset = atlas_dataset_new (f->store, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *user = g_build_filename (f->dir, "user.sqlite", NULL);

  g_clear_object (&f->dataset);
  g_clear_object (&f->store);
  g_remove (user);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static AtlasSiteList *
sites_of (Fixture *f)
{
  return ATLAS_SITE_LIST (atlas_dataset_get_sites (f->dataset));
}

static guint
n_items (gpointer model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

static guint32
day (const char *text)
{
  AtlasDate date;

  g_assert_true (atlas_date_parse (text, &date, NULL));
  return atlas_date_get_first_day (&date);
}

/* The sites with an object now, as AtlasSite counts them (objects held
 * anywhere, this dataset's or not), checked against the list's own count.
 */
static guint
n_site_objects (Fixture *f)
{
  guint alive = _atlas_site_count_instances ();

  g_assert_cmpuint (alive, >=, atlas_site_list_get_n_made (sites_of (f)));
  return alive;
}

static void
test_same_object_at_same_position (Fixture       *f,
                                   gconstpointer  data)
{
  GListModel *sites = atlas_dataset_get_sites (f->dataset);

  g_assert_cmpuint (n_items (sites), >, 0);
  for (guint i = 0; i < n_items (sites); i++)
    {
      g_autoptr(AtlasSite) first = g_list_model_get_item (sites, i);
      g_autoptr(AtlasSite) again = g_list_model_get_item (sites, i);

      g_assert_true (first == again);
      g_assert_true (atlas_site_list_get_site (sites_of (f), i) == first);
      g_assert_true (atlas_site_list_peek_site (sites_of (f), i) == first);
    }
  g_assert_null (g_list_model_get_item (sites, n_items (sites)));
}

static void
on_items_changed (guint *calls)
{
  (*calls)++;
}

/* A reload replaces every site by a new object, in one items-changed; the
 * old objects stay whole for whoever holds them.
 */
static void
test_reload_makes_new_objects (Fixture       *f,
                               gconstpointer  data)
{
  GListModel *sites = atlas_dataset_get_sites (f->dataset);
  g_autoptr(AtlasSite) old = g_list_model_get_item (sites, 0);
  g_autofree char *old_id = g_strdup (atlas_item_get_id (ATLAS_ITEM (old)));
  AtlasDistrict *old_district = atlas_site_get_district (old);
  g_autoptr(AtlasSite) now = NULL;
  g_autoptr(GError) error = NULL;
  guint calls = 0;

  g_signal_connect_swapped (sites, "items-changed", G_CALLBACK (on_items_changed), &calls);
  g_assert_true (atlas_dataset_reload (f->dataset, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, 1);

  now = g_list_model_get_item (sites, 0);
  g_assert_true (now != old);
  g_assert_cmpstr (atlas_item_get_id (ATLAS_ITEM (now)), ==, old_id);
  /* The old site still reads its own row, district and all. */
  g_assert_cmpstr (atlas_item_get_id (ATLAS_ITEM (old)), ==, old_id);
  g_assert_true (atlas_site_get_district (old) == old_district);
  if (old_district != NULL)
    g_assert_cmpint (atlas_district_get_adcode (old_district), >, 0);
  g_assert_true (atlas_dataset_lookup (f->dataset, "site", old_id) == ATLAS_ITEM (now));
  g_signal_handlers_disconnect_by_data (sites, &calls);
}

/* What the map, the counts and the filters read of a row is what the site
 * says of itself, for every bundled site.
 */
static void
test_rows_agree_with_objects (Fixture       *f,
                              gconstpointer  data)
{
  AtlasSiteList *sites = sites_of (f);
  guint32 spans[][2] = {
    { day ("1950-01-01"), day ("2000-12-31") },
    { day ("2001-01-01"), day ("2015-12-31") },
    { day ("2016-01-01"), day ("2019-12-31") },
    { day ("2020-01-01"), day ("2030-12-31") },
  };
  guint with_extras = 0;

  for (guint i = 0; i < n_items (sites); i++)
    {
      const AtlasSiteRow *row = atlas_site_list_get_row (sites, i);
      AtlasSite *site = atlas_site_list_get_site (sites, i);

      g_assert_cmpstr (row->id, ==, atlas_item_get_id (ATLAS_ITEM (site)));
      g_assert_cmpstr (row->name_zh, ==, atlas_item_get_name_zh (ATLAS_ITEM (site)));
      g_assert_cmpstr (row->name_en, ==, atlas_item_get_name_en (ATLAS_ITEM (site)));
      g_assert_cmpstr (atlas_site_row_get_name (row), ==, atlas_item_get_name (ATLAS_ITEM (site)));
      g_assert_cmpint (row->category, ==, atlas_site_get_category (site));
      g_assert_cmpint (row->location_precision, ==, atlas_site_get_location_precision (site));
      g_assert_true (row->district == atlas_site_get_district (site));
      g_assert_true (row->area == atlas_site_get_area (site));
      g_assert_cmpint (atlas_site_row_has_point (row), ==, atlas_site_has_point (site));
      if (atlas_site_row_has_point (row))
        {
          g_assert_cmpfloat (row->lon, ==, atlas_site_get_lon (site));
          g_assert_cmpfloat (row->lat, ==, atlas_site_get_lat (site));
        }
      g_assert_cmpstr (row->established_on, ==, atlas_site_get_established_on (site));
      g_assert_cmpstr (row->extras ? row->extras->note : NULL, ==, atlas_site_get_note_en (site));
      g_assert_cmpstr (row->extras ? row->extras->note_zh : NULL, ==, atlas_site_get_note_zh (site));
      g_assert_cmpstr (row->extras ? row->extras->caveat_en : NULL, ==, atlas_site_get_caveat_en (site));
      g_assert_cmpstr (row->extras ? row->extras->caveat_zh : NULL, ==, atlas_site_get_caveat_zh (site));
      with_extras += row->extras != NULL;
      g_assert_cmpint (row->from_user, ==, atlas_site_get_from_user (site));
      g_assert_cmpuint (atlas_site_row_get_first_day (row), ==, atlas_site_get_first_day (site));
      for (guint s = 0; s < G_N_ELEMENTS (spans); s++)
        g_assert_cmpint (atlas_site_row_is_active_between (row, spans[s][0], spans[s][1]), ==,
                         atlas_site_is_active_between (site, spans[s][0], spans[s][1]));
    }
  /* The bundled sites have notes (the rows' extras). */
  g_assert_cmpuint (with_extras, >, 0);
}

/* Sites are found by id (the rows are in id order), as the object at
 * their position; the events' linked sites are those same objects.
 */
static void
test_lookup_by_id (Fixture       *f,
                   gconstpointer  data)
{
  AtlasSiteList *sites = sites_of (f);
  GListModel *events = atlas_dataset_get_events (f->dataset);
  guint linked = 0;

  for (guint i = 0; i < n_items (sites); i++)
    {
      const AtlasSiteRow *row = atlas_site_list_get_row (sites, i);
      guint at = G_MAXUINT;

      if (i > 0)
        g_assert_cmpint (strcmp (atlas_site_list_get_row (sites, i - 1)->id, row->id), <, 0);
      g_assert_true (atlas_site_list_find (sites, row->id, &at));
      g_assert_cmpuint (at, ==, i);
      g_assert_true (atlas_dataset_lookup (f->dataset, "site", row->id) ==
                     ATLAS_ITEM (atlas_site_list_get_site (sites, i)));
    }
  g_assert_false (atlas_site_list_find (sites, "no-such-site", NULL));
  g_assert_false (atlas_site_list_find (sites, "", NULL));
  g_assert_null (atlas_dataset_lookup (f->dataset, "site", "no-such-site"));

  for (guint i = 0; i < n_items (events); i++)
    {
      g_autoptr(AtlasEvent) event = g_list_model_get_item (events, i);

      for (guint j = 0; j < atlas_event_get_n_sites (event); j++)
        {
          AtlasSite *site = atlas_event_get_site (event, j, NULL);

          g_assert_true (atlas_dataset_lookup (f->dataset, "site", atlas_item_get_id (ATLAS_ITEM (site))) ==
                         ATLAS_ITEM (site));
          linked++;
        }
    }
  g_assert_cmpuint (linked, >, 0);
}

/* A register of 100,000 sites starts with no more site objects than the
 * bundled data needs (the events' and the statistics' links); drawing
 * them, listing the ones with no point by area, filtering them, counting
 * them and listing a district's sites make none either, or only those
 * listed.
 */
static void
test_large_start_makes_no_objects (Fixture       *f,
                                   gconstpointer  data)
{
  AtlasSiteList *sites = sites_of (f);
  g_autoptr(AtlasSession) session = NULL;
  g_autoptr(AtlasMapScene) scene = NULL;
  g_autoptr(AtlasMapAreas) areas = NULL;
  guint in_areas = 0;
  g_autoptr(GListModel) in_district = NULL;
  AtlasDistrict *yubei = atlas_dataset_lookup_district (f->dataset, 500112);
  AtlasState *state;
  guint at_start, shown;

  g_assert_cmpuint (n_items (sites), >=, LARGE);
  at_start = n_site_objects (f);
  g_assert_cmpuint (at_start, <=, n_items (sites) - LARGE);

  scene = atlas_map_scene_new (f->dataset);
  g_assert_cmpuint (atlas_map_scene_get_n_sites (scene), >, LARGE / 3);
  session = atlas_session_new (f->dataset);
  state = atlas_session_get_state (session);
  g_assert_cmpuint (n_items (atlas_session_get_sites (session)), ==, n_items (sites));
  areas = atlas_map_areas_new (session);
  for (guint i = 0; i < atlas_map_areas_get_n_areas (areas); i++)
    in_areas += atlas_map_areas_get_count (areas, i);
  g_assert_cmpuint (in_areas, >, LARGE / 10);
  g_assert_cmpuint (n_items (atlas_map_areas_get_unplaced (areas)), >, LARGE / 10);
  g_assert_cmpuint (n_site_objects (f), ==, at_start);

  atlas_state_set_categories (state, 1u << ATLAS_SITE_CATEGORY_LABORATORY);
  atlas_map_scene_set_filter (scene, atlas_session_get_site_filter (session));
  shown = n_items (atlas_session_get_sites (session));
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (shown, <, n_items (sites));
  g_assert_cmpuint (atlas_map_scene_get_n_visible (scene), <=, shown);
  g_assert_cmpuint (n_items (atlas_map_areas_get_unplaced (areas)), >, 0);
  atlas_state_set_district (state, 500112);
  atlas_state_set_time_range (state, day ("2015-01-01"), day ("2030-12-31"));
  atlas_session_count_uncertain_sites (session, NULL);
  in_areas = 0;
  for (guint i = 0; i < atlas_map_areas_get_n_areas (areas); i++)
    in_areas += atlas_map_areas_get_count (areas, i);
  g_assert_cmpuint (in_areas, ==, atlas_session_count_uncertain_sites (session, NULL));
  g_assert_cmpuint (n_site_objects (f), ==, at_start);

  in_district = atlas_dataset_list_sites_in_district (f->dataset, yubei);
  g_assert_cmpuint (n_items (in_district), >, 0);
  g_assert_cmpuint (n_site_objects (f), <=, at_start + n_items (in_district));
}

/* The session's sites (filtered by row) are the sites its filter passes, in
 * order, whatever the filters; and a list that follows its items-changed
 * stays equal to it.
 */
static void
on_filtered_changed (GListModel *filtered,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GListStore *mirror)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = position; i < position + added; i++)
    g_ptr_array_add (items, g_list_model_get_item (filtered, i));
  g_list_store_splice (mirror, position, removed, items->pdata, items->len);
}

static void
assert_same_items (GListModel *a,
                   GListModel *b)
{
  g_assert_cmpuint (n_items (a), ==, n_items (b));
  for (guint i = 0; i < n_items (a); i++)
    {
      g_autoptr(GObject) x = g_list_model_get_item (a, i);
      g_autoptr(GObject) y = g_list_model_get_item (b, i);

      g_assert_true (x == y);
    }
}

static void
test_filtered_sites_agree_with_filter (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(AtlasSession) session = atlas_session_new (f->dataset);
  AtlasState *state = atlas_session_get_state (session);
  GListModel *filtered = atlas_session_get_sites (session);
  g_autoptr(GtkFilterListModel) reference =
    gtk_filter_list_model_new (g_object_ref (atlas_dataset_get_sites (f->dataset)),
                               g_object_ref (atlas_session_get_site_filter (session)));
  g_autoptr(GListStore) mirror = g_list_store_new (ATLAS_TYPE_SITE);
  g_autoptr(GError) error = NULL;
  guint counts[12], n = 0;

  on_filtered_changed (filtered, 0, 0, n_items (filtered), mirror);
  g_signal_connect (filtered, "items-changed", G_CALLBACK (on_filtered_changed), mirror);

#define CHECK()                                                               \
  G_STMT_START {                                                              \
    assert_same_items (filtered, G_LIST_MODEL (reference));                   \
    assert_same_items (filtered, G_LIST_MODEL (mirror));                      \
    g_assert_cmpuint (n, <, G_N_ELEMENTS (counts));                           \
    counts[n++] = n_items (filtered);                                         \
  } G_STMT_END

  CHECK ();
  atlas_state_set_categories (state, 1u << ATLAS_SITE_CATEGORY_LABORATORY);
  CHECK ();
  atlas_state_set_category (state, ATLAS_SITE_CATEGORY_RESEARCH_INSTITUTE, TRUE);
  CHECK ();
  atlas_state_set_district (state, 500106);
  CHECK ();
  atlas_state_set_time_range (state, day ("2018-01-01"), day ("2030-12-31"));
  CHECK ();
  atlas_state_reset_filters (state);
  atlas_state_set_search_text (state, "重庆");
  CHECK ();
  atlas_state_set_categories (state, 0);
  CHECK ();
  atlas_state_reset_filters (state);
  atlas_state_set_categories (state, 1u << ATLAS_SITE_CATEGORY_INDUSTRIAL_PARK);
  g_assert_true (atlas_dataset_reload (f->dataset, &error));
  g_assert_no_error (error);
  CHECK ();
  atlas_state_reset_filters (state);
  CHECK ();
#undef CHECK

  /* Not every filter above passes everything, nor nothing. */
  g_assert_cmpuint (counts[0], ==, n_items (atlas_dataset_get_sites (f->dataset)));
  g_assert_cmpuint (counts[1], >, 0);
  g_assert_cmpuint (counts[1], <, counts[2]);
  g_assert_cmpuint (counts[3], <, counts[2]);
  g_assert_cmpuint (counts[5], >, 0);
  g_assert_cmpuint (counts[6], ==, 0);
  g_signal_handlers_disconnect_by_data (filtered, mirror);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, extra, func) \
  g_test_add ("/site-list/" path, Fixture, GUINT_TO_POINTER (extra), fixture_set_up, func, fixture_tear_down)

  ADD ("same-object-at-same-position", 0, test_same_object_at_same_position);
  ADD ("reload-makes-new-objects", 0, test_reload_makes_new_objects);
  ADD ("rows-agree-with-objects", 0, test_rows_agree_with_objects);
  ADD ("lookup-by-id", 0, test_lookup_by_id);
  ADD ("large-start-makes-no-objects", LARGE, test_large_start_makes_no_objects);
  ADD ("filtered-sites-agree-with-filter", 0, test_filtered_sites_agree_with_filter);
#undef ADD

  return g_test_run ();
}
