/* test-search.c
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

/* The search popover's model, without a display: what the store finds for
 * a text, grouped Sites / Events / Figures / Districts with the best match
 * first (the one Enter picks), and Chinese substrings of one, two and three
 * characters — the first two go through LIKE, three and more through the
 * FTS5 trigram index, and both must find the same records.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "atlas-dataset.h"
#include "atlas-item.h"
#include "atlas-l10n.h"
#include "atlas-search-results.h"
#include "atlas-session.h"
#include "atlas-site.h"
#include "atlas-state.h"
#include "atlas-statistic.h"
#include "atlas-store.h"

typedef struct
{
  AtlasStore   *store;
  AtlasDataset *dataset;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bundled = atlas_store_get_bundled_bytes (&error);

  g_assert_no_error (error);
  f->store = atlas_store_new (bundled, NULL, &error);
  g_assert_no_error (error);
  f->dataset = atlas_dataset_new (f->store, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->dataset);
  g_clear_object (&f->store);
}

static AtlasSearchResult *
result_at (GListModel *model,
           guint       i)
{
  AtlasSearchResult *result = g_list_model_get_item (model, i);

  /* The model keeps its own reference. */
  g_object_unref (result);
  return result;
}

/* Groups in one block each, the first row the best match of all, each
 * group best match first, none longer than the limit; the counts say how
 * many were found in all.
 */
static void
assert_grouped (AtlasSearchResults *results)
{
  GListModel *model = G_LIST_MODEL (results);
  guint n = g_list_model_get_n_items (model);
  guint in_group[ATLAS_N_SEARCH_KINDS] = { 0, };
  guint limit = atlas_search_results_get_group_limit (results);

  /* No limit: every record found. */
  if (limit == 0)
    limit = G_MAXUINT;

  for (guint i = 0; i < n; i++)
    {
      AtlasSearchResult *result = result_at (model, i);
      AtlasSearchKind kind = atlas_search_result_get_kind (result);

      if (i > 0)
        {
          AtlasSearchResult *before = result_at (model, i - 1);

          if (atlas_search_result_get_kind (before) == kind)
            g_assert_cmpint (atlas_search_result_get_rank (before), <=,
                             atlas_search_result_get_rank (result));
          else
            {
              /* Each group is one block; a group's best match is no better
               * than the first group's.
               */
              g_assert_cmpuint (in_group[kind], ==, 0);
              g_assert_cmpint (atlas_search_result_get_rank (result_at (model, 0)), <=,
                               atlas_search_result_get_rank (result));
            }
        }
      in_group[kind]++;
    }

  for (guint k = 0; k < ATLAS_N_SEARCH_KINDS; k++)
    {
      g_assert_cmpuint (in_group[k], <=, limit);
      g_assert_cmpuint (in_group[k], ==, MIN (limit, atlas_search_results_get_n_found (results, k)));
    }
}

static void
test_groups (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(AtlasSearchResults) results = atlas_search_results_new (f->dataset);
  gboolean kinds_seen[ATLAS_N_SEARCH_KINDS] = { FALSE, };
  guint n;

  /* "重庆" is in sites, events, figures and the districts' names. */
  atlas_search_results_set_text (results, "重庆");
  n = g_list_model_get_n_items (G_LIST_MODEL (results));
  g_assert_cmpuint (n, >, 0);
  assert_grouped (results);

  for (guint i = 0; i < n; i++)
    kinds_seen[atlas_search_result_get_kind (result_at (G_LIST_MODEL (results), i))] = TRUE;
  g_assert_true (kinds_seen[ATLAS_SEARCH_KIND_SITE]);
  g_assert_true (kinds_seen[ATLAS_SEARCH_KIND_EVENT]);
  g_assert_true (kinds_seen[ATLAS_SEARCH_KIND_FIGURE]);

  /* Without a limit every record found is listed. */
  atlas_search_results_set_group_limit (results, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==,
                    atlas_search_results_get_n_found_all (results));

  /* No text, no results. */
  atlas_search_results_set_text (results, "   ");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 0);
  g_assert_cmpuint (atlas_search_results_get_n_found_all (results), ==, 0);
}

/* A site's full name: that site comes first, the one Enter picks. */
static void
test_first_is_best (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AtlasSearchResults) results = atlas_search_results_new (f->dataset);
  GListModel *sites = atlas_dataset_get_sites (f->dataset);
  guint n = g_list_model_get_n_items (sites);

  g_assert_cmpuint (n, >, 10);
  for (guint i = 0; i < n; i += n / 7)
    {
      g_autoptr(AtlasSite) site = g_list_model_get_item (sites, i);
      const char *name = atlas_item_get_name (ATLAS_ITEM (site));
      AtlasSearchResult *first;
      g_autofree char *markup = NULL;
      g_autofree char *escaped = g_markup_escape_text (name, -1);
      g_autofree char *bold = g_strdup_printf ("<b>%s</b>", escaped);

      atlas_search_results_set_text (results, name);
      assert_grouped (results);
      first = result_at (G_LIST_MODEL (results), 0);
      g_test_message ("%s → %s", name, atlas_search_result_get_title (first));
      g_assert_cmpint (atlas_search_result_get_rank (first), ==, ATLAS_SEARCH_RANK_NAME_START);
      g_assert_cmpstr (atlas_search_result_get_title (first), ==, name);
      g_assert_true (atlas_search_result_get_item (first) == ATLAS_ITEM (site));

      /* The whole name is the match, in bold. */
      markup = atlas_search_result_dup_title_markup (first);
      g_assert_cmpstr (markup, ==, bold);
    }
}

static gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

/* The first @len characters of @text from character @from, if they are
 * all Chinese.
 */
static char *
han_substring (const char *text,
               guint       from,
               guint       len)
{
  const char *start, *end;

  if (g_utf8_strlen (text, -1) < (glong) (from + len))
    return NULL;
  start = g_utf8_offset_to_pointer (text, from);
  end = g_utf8_offset_to_pointer (start, len);
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    if (!is_han (g_utf8_get_char (p)))
      return NULL;
  return g_strndup (start, end - start);
}

/* Every key in @small is in @big. */
static void
assert_subset (GHashTable *small,
               GHashTable *big,
               const char *what)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, small);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (big, key))
      g_error ("%s: %s is missing", what, (const char *) key);
}

static void
test_chinese_substrings (Fixture       *f,
                         gconstpointer  data)
{
  GListModel *sites = atlas_dataset_get_sites (f->dataset);
  guint n = g_list_model_get_n_items (sites);
  guint checked = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasSite) site = g_list_model_get_item (sites, i);
      const char *name = atlas_item_get_name_zh (ATLAS_ITEM (site));
      g_autofree char *key = atlas_item_dup_key (ATLAS_ITEM (site));
      GHashTable *found[4] = { NULL, };

      /* From the second character, so that the match is inside the name. */
      for (guint len = 1; len <= 3; len++)
        {
          g_autofree char *text = han_substring (name, 1, len);
          g_autoptr(GError) error = NULL;
          g_autoptr(AtlasSearchResults) results = NULL;
          gboolean listed = FALSE;

          if (text == NULL)
            break;

          found[len] = atlas_store_search (f->store, text, &error);
          g_assert_no_error (error);
          if (!g_hash_table_contains (found[len], key))
            g_error ("“%s” does not find %s (%s)", text, name, key);

          /* Each record that holds the longer text holds the shorter one:
           * the trigram index (3) and LIKE (1, 2) agree.
           */
          if (len > 1)
            assert_subset (found[len], found[len - 1], text);

          /* The popover model lists the site among the sites, its name
           * ranked as a name match.
           */
          results = atlas_search_results_new (f->dataset);
          atlas_search_results_set_group_limit (results, 0);
          atlas_search_results_set_text (results, text);
          assert_grouped (results);
          g_assert_cmpuint (atlas_search_results_get_n_found_all (results), ==,
                            g_hash_table_size (found[len]));
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (results)); j++)
            {
              AtlasSearchResult *result = result_at (G_LIST_MODEL (results), j);

              if (atlas_search_result_get_item (result) == ATLAS_ITEM (site))
                {
                  g_assert_cmpint (atlas_search_result_get_rank (result), <=, ATLAS_SEARCH_RANK_OTHER_NAME);
                  listed = TRUE;
                }
            }
          g_assert_true (listed);
          checked++;
        }

      for (guint len = 1; len <= 3; len++)
        g_clear_pointer (&found[len], g_hash_table_unref);
    }

  g_test_message ("%u Chinese substrings checked", checked);
  g_assert_cmpuint (checked, >=, 3 * 20);
}

/* A figure is found by its label, and the session's search finds it too
 * (the Charts page asks the session).
 */
static void
test_figures (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(AtlasSession) session = atlas_session_new (f->dataset);
  AtlasState *state = atlas_session_get_state (session);
  GListModel *stats = atlas_dataset_get_statistics (f->dataset);
  g_autoptr(AtlasStatistic) stat = g_list_model_get_item (stats, 0);
  g_autoptr(AtlasStatistic) other = NULL;
  const char *label = atlas_item_get_name (ATLAS_ITEM (stat));
  g_autoptr(AtlasSearchResults) results = atlas_search_results_new (f->dataset);
  gboolean listed = FALSE;

  atlas_search_results_set_text (results, label);
  for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (results)); j++)
    {
      AtlasSearchResult *result = result_at (G_LIST_MODEL (results), j);

      if (atlas_search_result_get_item (result) == ATLAS_ITEM (stat))
        {
          g_assert_cmpint (atlas_search_result_get_kind (result), ==, ATLAS_SEARCH_KIND_FIGURE);
          listed = TRUE;
        }
    }
  g_assert_true (listed);

  g_assert_true (atlas_session_match_search (session, ATLAS_ITEM (stat)));
  atlas_state_set_search_text (state, label);
  g_assert_true (atlas_session_match_search (session, ATLAS_ITEM (stat)));
  atlas_state_set_search_text (state, "zzzz nothing qqqq");
  g_assert_false (atlas_session_match_search (session, ATLAS_ITEM (stat)));

  /* Some other figure is not found by this one's label. */
  atlas_state_set_search_text (state, label);
  for (guint i = 1; i < g_list_model_get_n_items (stats) && other == NULL; i++)
    {
      g_autoptr(AtlasStatistic) candidate = g_list_model_get_item (stats, i);

      if (!atlas_session_match_search (session, ATLAS_ITEM (candidate)))
        other = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (other);
}

static void
test_find_text (void)
{
  gsize start, end;

  g_assert_true (atlas_search_find_text ("Chinese Academy of Sciences (CAS)", "cas", &start, &end));
  g_assert_cmpuint (start, ==, 29);
  g_assert_cmpuint (end, ==, 32);
  g_assert_true (atlas_search_find_text ("中国科学院重庆绿色智能技术研究院", "重庆", &start, &end));
  g_assert_cmpuint (start, ==, strlen ("中国科学院"));
  g_assert_cmpuint (end, ==, strlen ("中国科学院重庆"));
  g_assert_false (atlas_search_find_text ("重庆", "重庆市", &start, &end));
  g_assert_false (atlas_search_find_text ("anything", "", &start, &end));
}

/* Markup is escaped around the bold part. */
static void
test_markup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(AtlasSearchResults) results = atlas_search_results_new (f->dataset);
  AtlasSearchResult *first;
  g_autofree char *markup = NULL;

  atlas_search_results_set_text (results, "科学城");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), >, 0);
  first = result_at (G_LIST_MODEL (results), 0);
  markup = atlas_search_result_dup_title_markup (first);
  if (atlas_search_result_get_rank (first) <= ATLAS_SEARCH_RANK_NAME)
    g_assert_nonnull (strstr (markup, "<b>科学城</b>"));
  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));
}

/* Figures, not a test: how long a one-character search takes. */
static void
test_timing (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(AtlasSearchResults) results = atlas_search_results_new (f->dataset);
  const char *texts[] = { "重", "院", "庆", "a" };
  gint64 start = g_get_monotonic_time ();
  guint rounds = 20;

  for (guint r = 0; r < rounds; r++)
    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        atlas_search_results_set_text (results, texts[i]);
        atlas_search_results_set_text (results, "");
      }
  g_test_message ("one-character search with results: %.2f ms on average",
                  (g_get_monotonic_time () - start) / 1000.0 / (rounds * G_N_ELEMENTS (texts)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  atlas_l10n_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/search/groups-in-order", test_groups);
  ADD ("/search/full-name-comes-first", test_first_is_best);
  ADD ("/search/chinese-1-2-3-characters", test_chinese_substrings);
  ADD ("/search/figures", test_figures);
  ADD ("/search/markup", test_markup);
  ADD ("/search/timing", test_timing);
  g_test_add_func ("/search/find-text", test_find_text);

#undef ADD

  return g_test_run ();
}
