/* test-import-index.c
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

#include <string.h>

#include "atlas-import-private.h"
#include "atlas-store-private.h"
#include "data-io-fixture.h"

/* The search index an import writes: a search over imported records finds
 * what a plain scan of their texts finds, and a Cancel that comes while the
 * index is being made stops it there and leaves the user's data as it was.
 */

#define N_SITES 3000

typedef struct
{
  gint64 adcode;
  double lon;
  double lat;
  char  *name_zh;
  char  *name_en;
} District;

static void
district_clear (District *district)
{
  g_free (district->name_zh);
  g_free (district->name_en);
}

static GArray *
load_districts (AtlasStore *store)
{
  GArray *districts = g_array_new (FALSE, TRUE, sizeof (District));
  sqlite3_stmt *stmt = NULL;

  g_array_set_clear_func (districts, (GDestroyNotify) district_clear);
  g_assert_cmpint (sqlite3_prepare_v2 (atlas_store_get_db (store),
                                       "SELECT adcode, label_lon, label_lat, name_zh, name_en"
                                       " FROM main.district ORDER BY adcode",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      District district = {
        sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1),
        sqlite3_column_double (stmt, 2), g_strdup ((const char *) sqlite3_column_text (stmt, 3)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 4)),
      };

      g_array_append_val (districts, district);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (districts->len, >, 0);
  return districts;
}

static char *
first_source (AtlasStore *store)
{
  sqlite3_stmt *stmt = NULL;
  char *id = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (atlas_store_get_db (store),
                                       "SELECT id FROM main.source ORDER BY id LIMIT 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_nonnull (id);
  return id;
}

/* Words the generated texts are made of, in mixed case, so that a search
 * in lower case must fold.
 */
static const char * const words_zh[] = { "石墨烯", "人工智能", "生物医药", "新材料", "集成电路", "量子" };
static const char * const words_en[] = { "Graphene", "AI Lab", "BioMed", "New Materials", "Chips", "QUANTUM" };

/* What the import and the scan know of one generated site. */
typedef struct
{
  char *id;
  char *name;   /* name_zh, a space, name_en */
  char *body;   /* the descriptions and the district's names, spaced */
} Expected;

static void
expected_clear (Expected *expected)
{
  g_free (expected->id);
  g_free (expected->name);
  g_free (expected->body);
}

/* Sites @first to @first + @n - 1 at the label points of the districts;
 * @variant changes their descriptions (a second import of the same ids is
 * then a change).  @expected gets, for each, the texts a search is to look
 * in, in place of those of the same site before.
 */
static GString *
generate_sites (AtlasStore *store,
                guint       first,
                guint       n,
                guint       variant,
                GArray     *expected)
{
  g_autoptr(GArray) districts = load_districts (store);
  g_autofree char *source = first_source (store);
  GString *csv = g_string_new ("id,name_zh,name_en,category,district_adcode,lon,lat,"
                               "location_precision,description_zh,description_en,source_id,quote\n");

  for (guint i = first; i < first + n; i++)
    {
      const District *d = &g_array_index (districts, District, i % districts->len);
      guint w = i + variant;
      char lon[G_ASCII_DTOSTR_BUF_SIZE], lat[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *name_zh = g_strdup_printf ("索引站点%u号", i);
      g_autofree char *name_en = g_strdup_printf ("Index Site %u", i);
      /* Every seventh site has no description: the body is then the
       * district alone.
       */
      g_autofree char *desc_zh = w % 7 == 0 ? g_strdup ("")
                                 : g_strdup_printf ("从事%s与%s研究", words_zh[w % 6], words_zh[(w / 6) % 6]);
      g_autofree char *desc_en = w % 7 == 0 ? g_strdup ("")
                                 : g_strdup_printf ("Works on %s and %s", words_en[w % 6], words_en[(w / 6) % 6]);
      Expected e;

      g_string_append_printf (csv, "index-site-%u,%s,%s,laboratory,%" G_GINT64_FORMAT ",%s,%s,"
                              "approximate,%s,%s,%s,索引测试\n",
                              i, name_zh, name_en, d->adcode,
                              g_ascii_dtostr (lon, sizeof lon, d->lon),
                              g_ascii_dtostr (lat, sizeof lat, d->lat), desc_zh, desc_en, source);
      if (expected != NULL)
        {
          e.id = g_strdup_printf ("index-site-%u", i);
          e.name = g_strconcat (name_zh, " ", name_en, NULL);
          e.body = g_strconcat (desc_zh, " ", desc_en, " ", d->name_zh, " ", d->name_en, NULL);
          if (i < expected->len)
            {
              expected_clear (&g_array_index (expected, Expected, i));
              g_array_index (expected, Expected, i) = e;
            }
          else
            {
              g_assert_cmpuint (i, ==, expected->len);
              g_array_append_val (expected, e);
            }
        }
    }
  return csv;
}

/* A checked import of @csv, on a connection of its own as the worker has;
 * each of its @n sites is an @action.
 */
static ImportWork *
read_and_check (const char        *user_path,
                GString           *csv,
                guint              n,
                AtlasImportAction  action)
{
  g_autoptr(AtlasStore) store = fixture_open_store (user_path);
  ImportWork *work = _atlas_import_work_new (store);
  guint sites = 0;

  _atlas_import_read_csv (work, "sites.csv", csv->str, csv->len);
  g_assert_true (_atlas_import_validate (work, NULL));
  g_assert_cmpuint (work->problems->len, ==, 0);
  for (guint i = 0; i < work->records->len; i++)
    {
      Record *record = g_ptr_array_index (work->records, i);

      g_assert_cmpint (record->action, !=, ATLAS_IMPORT_ACTION_REJECT);
      sites += record->action == action && g_str_equal (record->table->name, "site");
    }
  g_assert_cmpuint (sites, ==, n);
  return work;
}

/* ---- a Cancel while the index is made ------------------------------------ */

typedef struct
{
  GCancellable *cancellable;
  gboolean      cancel_when_indexing;
  gboolean      indexing;
  gboolean      indexed;
} Stages;

static gpointer
cancel_thread (gpointer data)
{
  g_cancellable_cancel (data);
  return NULL;
}

static void
on_stage (gpointer    data,
          ImportStage stage)
{
  Stages *stages = data;

  if (stage == IMPORT_STAGE_INDEXING)
    {
      stages->indexing = TRUE;
      /* From another thread, as the dialog's Cancel comes from the main
       * loop while the worker writes; joined, so that the index statement
       * surely starts after it.
       */
      if (stages->cancel_when_indexing)
        g_thread_join (g_thread_new ("cancel", cancel_thread, stages->cancellable));
    }
  else if (stage == IMPORT_STAGE_INDEXED)
    stages->indexed = TRUE;
}

static void
test_cancel_while_indexing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GString) csv = generate_sites (f->store, 0, N_SITES, 0, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) second = g_cancellable_new ();
  Stages stages = { cancellable, TRUE, FALSE, FALSE };
  ImportTicker ticker = { cancellable, NULL, &stages, on_stage };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = fixture_export_text (f->store);
  int records = fixture_count_user_records (f->store);
  int search_rows = fixture_count (f->store, "SELECT count(*) FROM user.search");
  ImportWork *work = read_and_check (f->user_path, csv, N_SITES, ATLAS_IMPORT_ACTION_ADD);
  g_autofree char *after = NULL;

  g_assert_false (_atlas_import_apply (work, &ticker, NULL, NULL, &error));
  g_assert_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_CANCELLED);
  /* The index statement itself was stopped: it never finished. */
  g_assert_true (stages.indexing);
  g_assert_false (stages.indexed);

  /* Nothing of it is in the user's database, seen from another connection. */
  g_assert_cmpint (fixture_count_user_records (f->store), ==, records);
  g_assert_cmpint (fixture_count (f->store, "SELECT count(*) FROM user.search"), ==, search_rows);
  after = fixture_export_text (f->store);
  g_assert_cmpstr (after, ==, before);

  /* The connection is usable and the same work writes in full afterwards. */
  g_clear_error (&error);
  stages = (Stages) { second, FALSE, FALSE, FALSE };
  ticker.cancellable = second;
  g_assert_true (_atlas_import_apply (work, &ticker, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (stages.indexed);
  g_assert_cmpint (fixture_count (f->store, "SELECT count(*) FROM user.site"), ==, N_SITES);
  g_assert_cmpint (fixture_count (f->store, "SELECT count(*) FROM user.search WHERE entity = 'site'"),
                   ==, N_SITES);

  _atlas_import_work_free (work);
}

/* ---- a search finds what a scan finds ------------------------------------ */

/* Does @haystack hold @needle, letters compared in lower case?  The texts
 * here are ASCII and Chinese, where the trigram index's folding and LIKE's
 * agree with g_ascii_strdown().
 */
static gboolean
holds (const char *haystack,
       const char *needle)
{
  g_autofree char *h = g_ascii_strdown (haystack, -1);
  g_autofree char *n = g_ascii_strdown (needle, -1);

  return strstr (h, n) != NULL;
}

static void
import_sites (Fixture           *f,
              guint              first,
              guint              n,
              guint              variant,
              AtlasImportAction  action,
              GArray            *expected)
{
  g_autoptr(GString) csv = generate_sites (f->store, first, n, variant, expected);
  g_autoptr(GError) error = NULL;
  ImportWork *work = read_and_check (f->user_path, csv, n, action);

  g_assert_true (_atlas_import_apply (work, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  _atlas_import_work_free (work);
}

/* Each query finds among the @expected sites those whose texts hold it,
 * and each site has one index row.
 */
static void
assert_search_matches_scan (Fixture   *f,
                            GArray    *expected,
                            GPtrArray *queries)
{
  g_autoptr(GError) error = NULL;
  guint nonempty = 0;

  g_assert_cmpint (fixture_count (f->store, "SELECT count(*) FROM user.search WHERE entity = 'site'"
                                            " AND substr (entity_id, 1, 11) = 'index-site-'"),
                   ==, expected->len);

  for (guint q = 0; q < queries->len; q++)
    {
      const char *text = g_ptr_array_index (queries, q);
      g_autoptr(GHashTable) found = atlas_store_search (f->store, text, &error);
      guint n_found = 0;

      g_assert_no_error (error);
      for (guint i = 0; i < expected->len; i++)
        {
          const Expected *e = &g_array_index (expected, Expected, i);
          g_autofree char *key = atlas_store_search_key ("site", e->id);
          gboolean scanned = holds (e->name, text) || holds (e->body, text);

          if (scanned != g_hash_table_contains (found, key))
            g_error ("“%s”: %s is %s by the search but %s by the scan (%s | %s)", text, e->id,
                     scanned ? "not found" : "found", scanned ? "found" : "not found", e->name, e->body);
          n_found += scanned;
        }
      nonempty += n_found > 0;
      g_test_message ("“%s”: %u of the imported sites", text, n_found);
    }
  /* The queries are not all misses. */
  g_assert_cmpuint (nonempty, >, queries->len / 2);
}

/* One, two, three and more characters; Chinese, English in the wrong
 * case, across a space inside a field, across the end of a description
 * into the district, and texts that are nowhere.
 */
static GPtrArray *
make_queries (AtlasStore *store)
{
  g_autoptr(GArray) districts = load_districts (store);
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (words_zh); i++)
    {
      g_ptr_array_add (queries, g_strdup (words_zh[i]));
      g_ptr_array_add (queries, g_ascii_strdown (words_en[i], -1));
      g_ptr_array_add (queries, g_ascii_strup (words_en[i], -1));
    }
  for (guint i = 0; i < MIN (districts->len, 6); i++)
    {
      const District *d = &g_array_index (districts, District, i);

      g_ptr_array_add (queries, g_strdup (d->name_zh));
      g_ptr_array_add (queries, g_utf8_substring (d->name_zh, 0, 1));
      g_ptr_array_add (queries, g_ascii_strdown (d->name_en, -1));
      g_ptr_array_add (queries, g_strconcat ("研究 ", d->name_zh, NULL));
      g_ptr_array_add (queries, g_strconcat ("chips ", d->name_zh, NULL));
    }
  for (const char * const *q = (const char * const[]) {
         "索", "索引", "索引站", "站点12", "点123号", "号 Index", "site 12", "SITE 2999", "ite 1",
         "1", "12", "123", "与人工", "and ai", "on graphene and", "量子 QUANTUM", "works", "xyz",
         "不存在的文字", NULL };
       *q != NULL; q++)
    g_ptr_array_add (queries, g_strdup (*q));
  return queries;
}

/* Into an empty user database, then more into one that has some, then a
 * change of some of them: the three ways the index finds what to make.
 */
static void
test_search_matches_scan (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GArray) expected = g_array_new (FALSE, TRUE, sizeof (Expected));
  g_autoptr(GPtrArray) queries = make_queries (f->store);

  g_array_set_clear_func (expected, (GDestroyNotify) expected_clear);

  import_sites (f, 0, N_SITES / 2, 0, ATLAS_IMPORT_ACTION_ADD, expected);
  assert_search_matches_scan (f, expected, queries);
  import_sites (f, N_SITES / 2, N_SITES - N_SITES / 2, 0, ATLAS_IMPORT_ACTION_ADD, expected);
  assert_search_matches_scan (f, expected, queries);
  import_sites (f, N_SITES / 3, N_SITES / 3, 1, ATLAS_IMPORT_ACTION_CHANGE, expected);
  assert_search_matches_scan (f, expected, queries);
}

/* A user table whose last rowid is near the largest: new rows may then get
 * any rowid, and the index is made from the list of what was written.
 */
static void
test_search_after_huge_rowid (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GArray) expected = g_array_new (FALSE, TRUE, sizeof (Expected));
  g_autoptr(GPtrArray) queries = make_queries (f->store);
  g_autoptr(GArray) districts = load_districts (f->store);
  const District *d = &g_array_index (districts, District, 0);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_array_set_clear_func (expected, (GDestroyNotify) expected_clear);

  g_assert_cmpint (sqlite3_open (f->user_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO site (rowid, id, name_zh, name_en, category,"
                                           " district_adcode, lon, lat, location_precision)"
                                           " VALUES (?1, 'far-site', '远处', 'Far', 'laboratory', ?2,"
                                           " ?3, ?4, 'approximate')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, G_MAXINT64 - 10);
  sqlite3_bind_int64 (stmt, 2, d->adcode);
  sqlite3_bind_double (stmt, 3, d->lon);
  sqlite3_bind_double (stmt, 4, d->lat);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  import_sites (f, 0, N_SITES / 4, 0, ATLAS_IMPORT_ACTION_ADD, expected);
  assert_search_matches_scan (f, expected, queries);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import/index/cancel-while-indexing", Fixture, NULL,
              fixture_set_up, test_cancel_while_indexing, fixture_tear_down);
  g_test_add ("/import/index/search-matches-a-scan", Fixture, NULL,
              fixture_set_up, test_search_matches_scan, fixture_tear_down);
  g_test_add ("/import/index/search-after-a-huge-rowid", Fixture, NULL,
              fixture_set_up, test_search_after_huge_rowid, fixture_tear_down);

  return g_test_run ();
}
