/* test-format.c
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

/* The one formatting helper, in both conventions: figures keep their
 * qualifiers ("超100亿元" is over 10 billion yuan), plans and targets say so,
 * "增长3.1倍" reads as an increase by 3.1 times, and a rank is a rank.  Run
 * once with --language=en and once with --language=zh_CN (the catalogue of
 * the build).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "atlas-format.h"
#include "atlas-l10n.h"

typedef struct
{
  double          value;
  AtlasUnit       unit;
  AtlasQualifier  qualifier;
  AtlasFigureKind kind;
  const char     *en;
  const char     *zh;
} Case;

static void
check_cases (const Case *cases,
             guint       n)
{
  gboolean chinese = atlas_l10n_is_chinese ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = atlas_format_figure (cases[i].value, cases[i].unit,
                                                   cases[i].qualifier, cases[i].kind);

      g_test_message ("case %u: %s", i, text);
      g_assert_cmpstr (text, ==, chinese ? cases[i].zh : cases[i].en);
    }
}

static void
test_qualifiers (void)
{
  static const Case cases[] = {
    { 1e10, ATLAS_UNIT_YUAN, ATLAS_QUALIFIER_OVER, ATLAS_FIGURE_REPORTED,
      "over 10 billion yuan", "超过100亿元" },
    { 500, ATLAS_UNIT_COUNT, ATLAS_QUALIFIER_ABOUT, ATLAS_FIGURE_REPORTED, "about 500", "约500" },
    { 200, ATLAS_UNIT_PERSON, ATLAS_QUALIFIER_NEARLY, ATLAS_FIGURE_REPORTED,
      "nearly 200 people", "近200人" },
    { 3e10, ATLAS_UNIT_YUAN, ATLAS_QUALIFIER_AT_LEAST, ATLAS_FIGURE_REPORTED,
      "at least 30 billion yuan", "至少300亿元" },
    { 2.12e10, ATLAS_UNIT_YUAN, ATLAS_QUALIFIER_NONE, ATLAS_FIGURE_REPORTED,
      "21.2 billion yuan", "212亿元" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_plans_and_targets (void)
{
  static const Case cases[] = {
    { 3456000000.0, ATLAS_UNIT_YUAN, ATLAS_QUALIFIER_NONE, ATLAS_FIGURE_PLANNED,
      "3.456 billion yuan (planned)", "34.56亿元（计划）" },
    { 40, ATLAS_UNIT_COUNT, ATLAS_QUALIFIER_NONE, ATLAS_FIGURE_PLANNED, "40 (planned)", "40（计划）" },
    { 100, ATLAS_UNIT_COUNT, ATLAS_QUALIFIER_AT_LEAST, ATLAS_FIGURE_TARGET,
      "at least 100 (target)", "至少100（目标）" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_increase_by (void)
{
  static const Case cases[] = {
    { 3.1, ATLAS_UNIT_INCREASE_TIMES, ATLAS_QUALIFIER_NONE, ATLAS_FIGURE_REPORTED,
      "up 310% (4.1× the earlier level)", "增长3.1倍（为原来的4.1倍）" },
    { 5.3, ATLAS_UNIT_INCREASE_TIMES, ATLAS_QUALIFIER_NONE, ATLAS_FIGURE_REPORTED,
      "up 530% (6.3× the earlier level)", "增长5.3倍（为原来的6.3倍）" },
    /* A multiple is not an increase: "3倍" stays three times. */
    { 3, ATLAS_UNIT_TIMES, ATLAS_QUALIFIER_NONE, ATLAS_FIGURE_REPORTED, "3 times", "3倍" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_rank (void)
{
  static const Case cases[] = {
    { 6, ATLAS_UNIT_RANK, ATLAS_QUALIFIER_NONE, ATLAS_FIGURE_REPORTED, "No. 6", "第6名" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* "4 of 11": the part first in English, the whole first in Chinese
 * ("11 个类别中的 4 个").  The translation had the two numbers the wrong
 * way round, so the filter bar said "11 of 4"; it formats these very
 * messages.
 */
static void
test_part_of_whole (void)
{
  gboolean chinese = atlas_l10n_is_chinese ();
  g_autofree char *categories = g_strdup_printf (_("%u of %u categories"), 4u, 11u);
  g_autofree char *kinds = g_strdup_printf (_("%u of %u kinds of event"), 3u, 7u);

  g_assert_cmpstr (categories, ==, chinese ? "11 个类别中的 4 个" : "4 of 11 categories");
  g_assert_cmpstr (kinds, ==, chinese ? "7 类事件中的 3 类" : "3 of 7 kinds of event");
}

int
main (int   argc,
      char *argv[])
{
  const char *language = NULL;
  int kept = 1;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--language="))
        language = argv[i] + strlen ("--language=");
      else
        argv[kept++] = argv[i];
    }
  argc = kept;
  argv[argc] = NULL;

  g_setenv ("LANGUAGE", language ? language : "en", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CQ_ATLAS_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  atlas_l10n_set_chinese (language != NULL && g_str_has_prefix (language, "zh"));

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/qualifiers", test_qualifiers);
  g_test_add_func ("/format/plans-and-targets", test_plans_and_targets);
  g_test_add_func ("/format/increase-by", test_increase_by);
  g_test_add_func ("/format/rank", test_rank);
  g_test_add_func ("/format/part-of-whole", test_part_of_whole);

  return g_test_run ();
}
