/* atlas-format.c
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

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "atlas-format.h"
#include "atlas-l10n.h"

/* The one place where numbers, amounts and dates become text.
 *
 * Large numbers follow the reader's convention: Chinese counts in 万 (10^4)
 * and 亿 (10^8), English in millions and billions with thousands
 * separators.  Which convention applies follows the language of the
 * interface (atlas_l10n_is_chinese()), like the data texts do; the words
 * themselves are translatable strings.
 */

/* Prints @value with at most @max_decimals decimals, trailing zeros removed. */
static char *
plain_number (double value,
              guint  max_decimals,
              gboolean grouping)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autoptr(GString) out = g_string_new (NULL);
  char *dot, *end;
  gboolean negative;

  max_decimals = MIN (max_decimals, 6);

  /* Rounding through printf also hides binary noise such as 35.238000000000003. */
  {
    char fmt[8];
    g_snprintf (fmt, sizeof fmt, "%%.%uf", max_decimals);
    g_ascii_formatd (buf, sizeof buf, fmt, fabs (value));
  }

  negative = value < 0 && strtod (buf, NULL) != 0;

  dot = strchr (buf, '.');
  if (dot != NULL)
    {
      end = buf + strlen (buf) - 1;
      while (end > dot && *end == '0')
        *end-- = '\0';
      if (end == dot)
        *end = '\0';
    }

  if (negative)
    g_string_append (out, "−");

  dot = strchr (buf, '.');
  {
    gsize int_len = dot ? (gsize) (dot - buf) : strlen (buf);

    for (gsize i = 0; i < int_len; i++)
      {
        if (grouping && i > 0 && (int_len - i) % 3 == 0)
          g_string_append_c (out, ',');
        g_string_append_c (out, buf[i]);
      }
    if (dot)
      g_string_append (out, dot);
  }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * atlas_format_number:
 *
 * Returns: @value with thousands separators in English ("160,700"), without
 *   in Chinese, and at most @max_decimals decimals.
 */
char *
atlas_format_number (double value,
                     guint  max_decimals)
{
  return plain_number (value, max_decimals, !atlas_l10n_is_chinese ());
}

/* Scales @value into the reader's large units: "16.07万", "35.238 billion". */
static char *
scaled_number (double value)
{
  double magnitude = fabs (value);

  if (atlas_l10n_is_chinese ())
    {
      if (magnitude >= 1e8)
        {
          g_autofree char *n = plain_number (value / 1e8, 4, FALSE);
          /* Translators: a number in units of 10^8 (亿). */
          return g_strdup_printf (_("%s hundred million"), n);
        }
      if (magnitude >= 1e4)
        {
          g_autofree char *n = plain_number (value / 1e4, 4, FALSE);
          /* Translators: a number in units of 10^4 (万). */
          return g_strdup_printf (_("%s ten thousand"), n);
        }
      return plain_number (value, 4, FALSE);
    }

  if (magnitude >= 1e9)
    {
      g_autofree char *n = plain_number (value / 1e9, 3, TRUE);
      return g_strdup_printf (_("%s billion"), n);
    }
  if (magnitude >= 1e6)
    {
      g_autofree char *n = plain_number (value / 1e6, 3, TRUE);
      return g_strdup_printf (_("%s million"), n);
    }
  return plain_number (value, 4, TRUE);
}

/* "增长3.1倍" in Chinese statistical usage is an increase *by* 3.1 times: the
 * new level is 4.1 times the old.  Chinese readers get the source's own
 * wording with the level spelled out; English readers a percentage, which
 * has no such ambiguity.
 */
static char *
increase_by (double times)
{
  g_autofree char *level = plain_number (times + 1, 2, FALSE);

  if (atlas_l10n_is_chinese ())
    {
      g_autofree char *by = plain_number (times, 2, FALSE);
      /* Translators: "增长3.1倍（为原来的4.1倍）": an increase by %1$s times, so
       * the new level is %2$s times the old one.
       */
      return g_strdup_printf (_("increased by %s times (%s× the earlier level)"), by, level);
    }
  else
    {
      g_autofree char *percent = plain_number (times * 100, 1, TRUE);
      /* Translators: an increase as a percentage, and the new level as a
       * multiple of the old: "up 310% (4.1× the earlier level)".
       */
      return g_strdup_printf (_("up %s%% (%s× the earlier level)"), percent, level);
    }
}

static char *
with_unit (const char *number,
           AtlasUnit   unit,
           double      value)
{
  switch (unit)
    {
    case ATLAS_UNIT_COUNT:
      return g_strdup (number);
    case ATLAS_UNIT_PERSON:
      /* Translators: a number of people, "16.07万人". */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person", "%s people",
                                           value == 1 ? 1 : 2), number);
    case ATLAS_UNIT_PERSON_TIME:
      return g_strdup_printf (_("%s person-times"), number);
    case ATLAS_UNIT_YUAN:
      return g_strdup_printf (_("%s yuan"), number);
    case ATLAS_UNIT_PERCENT:
      return g_strdup_printf (_("%s%%"), number);
    case ATLAS_UNIT_PERCENTAGE_POINT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s percentage point",
                                           "%s percentage points", value == 1 ? 1 : 2), number);
    case ATLAS_UNIT_SQUARE_METRE:
      return g_strdup_printf (_("%s m²"), number);
    case ATLAS_UNIT_MU:
      return g_strdup_printf (_("%s mu"), number);
    case ATLAS_UNIT_TIMES:
      /* Translators: a growth factor, "3.1 times" (倍). */
      return g_strdup_printf (_("%s times"), number);
    case ATLAS_UNIT_YEAR:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s year", "%s years",
                                           value == 1 ? 1 : 2), number);
    case ATLAS_UNIT_KILOMETRE:
      return g_strdup_printf (_("%s km"), number);
    case ATLAS_UNIT_PATENTS_PER_10K_PEOPLE:
      return g_strdup_printf (_("%s patents per 10,000 people"), number);
    case ATLAS_UNIT_RANK:
      /* Translators: a place in a ranking, "第6名". */
      return g_strdup_printf (C_("rank", "No. %s"), number);
    case ATLAS_UNIT_INCREASE_TIMES:
      return increase_by (value);
    default:
      return g_strdup (number);
    }
}

/**
 * atlas_format_value:
 *
 * Formats a reported figure with its unit and qualifier, in the reader's
 * convention: "16.07万人" / "160,700 people", "352.38亿元" / "35.238 billion
 * yuan", "2.36%", "超过80项"-style qualifiers ("over 80").
 */
char *
atlas_format_value (double         value,
                    AtlasUnit      unit,
                    AtlasQualifier qualifier)
{
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;

  switch (unit)
    {
    case ATLAS_UNIT_PERCENT:
    case ATLAS_UNIT_PERCENTAGE_POINT:
    case ATLAS_UNIT_TIMES:
    case ATLAS_UNIT_YEAR:
    case ATLAS_UNIT_PATENTS_PER_10K_PEOPLE:
    case ATLAS_UNIT_RANK:
    case ATLAS_UNIT_INCREASE_TIMES:
      number = atlas_format_number (value, 2);
      break;
    default:
      number = scaled_number (value);
      break;
    }

  text = with_unit (number, unit, value);

  switch (qualifier)
    {
    case ATLAS_QUALIFIER_OVER:
      /* Translators: an approximate figure, "超过1万人次"; %s is the value. */
      return g_strdup_printf (_("over %s"), text);
    case ATLAS_QUALIFIER_ABOUT:
      return g_strdup_printf (_("about %s"), text);
    case ATLAS_QUALIFIER_NEARLY:
      return g_strdup_printf (_("nearly %s"), text);
    case ATLAS_QUALIFIER_AT_LEAST:
      return g_strdup_printf (_("at least %s"), text);
    case ATLAS_QUALIFIER_NONE:
    default:
      return g_steal_pointer (&text);
    }
}

/**
 * atlas_format_figure:
 * @kind: whether the figure was reported as done, or is a plan or a target
 *
 * Formats a figure as atlas_format_value() does, and says when it is a plan
 * ("3.456 billion yuan (planned)", "34.56亿元（计划）") or a target: a plan
 * must never read as a result.
 */
char *
atlas_format_figure (double          value,
                     AtlasUnit       unit,
                     AtlasQualifier  qualifier,
                     AtlasFigureKind kind)
{
  g_autofree char *text = atlas_format_value (value, unit, qualifier);

  switch (kind)
    {
    case ATLAS_FIGURE_PLANNED:
      /* Translators: a figure that is a plan (拟, 计划), "34.56亿元（计划）". */
      return g_strdup_printf (_("%s (planned)"), text);
    case ATLAS_FIGURE_TARGET:
      /* Translators: a figure that is a goal or target (目标, 力争), "100项以上（目标）". */
      return g_strdup_printf (_("%s (target)"), text);
    case ATLAS_FIGURE_REPORTED:
    default:
      return g_steal_pointer (&text);
    }
}

/* A short form for axis ticks: "1.5K", "2M" / "1.5万", "2亿". */
char *
atlas_format_compact (double value)
{
  double magnitude = fabs (value);

  if (atlas_l10n_is_chinese ())
    return scaled_number (value);

  if (magnitude >= 1e9)
    {
      g_autofree char *n = plain_number (value / 1e9, 2, FALSE);
      /* Translators: a compact number on a chart axis, billions. */
      return g_strdup_printf (_("%sB"), n);
    }
  if (magnitude >= 1e6)
    {
      g_autofree char *n = plain_number (value / 1e6, 2, FALSE);
      return g_strdup_printf (_("%sM"), n);
    }
  if (magnitude >= 1e4)
    {
      g_autofree char *n = plain_number (value / 1e3, 2, FALSE);
      return g_strdup_printf (_("%sK"), n);
    }
  return plain_number (value, 2, TRUE);
}

char *
atlas_format_amount (double yuan)
{
  return atlas_format_value (yuan, ATLAS_UNIT_YUAN, ATLAS_QUALIFIER_NONE);
}

static const char *
month_name (int month)
{
  static const char *names[] = {
    NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"), NC_("month", "Apr"),
    NC_("month", "May"), NC_("month", "Jun"), NC_("month", "Jul"), NC_("month", "Aug"),
    NC_("month", "Sep"), NC_("month", "Oct"), NC_("month", "Nov"), NC_("month", "Dec"),
  };

  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "month", names[month - 1]);
}

char *
atlas_format_year (int year)
{
  /* Translators: a year, "2020年". */
  return g_strdup_printf (C_("date", "%d"), year);
}

char *
atlas_format_month (int year,
                    int month)
{
  /* Translators: month and year, "Dec 2020"; reorder with %2$d and %1$s. */
  return g_strdup_printf (C_("date", "%s %d"), month_name (month), year);
}

static char *
format_ymd (int year,
            int month,
            int day)
{
  /* Translators: day, month and year, "15 Dec 2020"; reorder with %3$d, %2$s, %1$d. */
  return g_strdup_printf (C_("date", "%d %s %d"), day, month_name (month), year);
}

char *
atlas_format_day (guint32 julian)
{
  int y, m, d;

  atlas_julian_to_ymd (julian, &y, &m, &d);
  return format_ymd (y, m, d);
}

/* An ISO date at its own precision: "2017-11" reads "Nov 2017", not a day. */
char *
atlas_format_date (const char *iso)
{
  AtlasDate date;

  if (iso == NULL || !atlas_date_parse (iso, &date, NULL))
    return g_strdup (iso ? iso : "");

  switch (date.precision)
    {
    case ATLAS_DATE_PRECISION_DAY:
      return format_ymd (date.year, date.month, date.day);
    case ATLAS_DATE_PRECISION_MONTH:
      return atlas_format_month (date.year, date.month);
    case ATLAS_DATE_PRECISION_YEAR:
    default:
      return atlas_format_year (date.year);
    }
}

/* "2016/2020" reads "2016 – 2020". */
char *
atlas_format_period (const char *period)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (period == NULL || strchr (period, '/') == NULL)
    return atlas_format_date (period);

  parts = g_strsplit (period, "/", 2);
  first = atlas_format_date (parts[0]);
  last = atlas_format_date (parts[1]);
  /* Translators: a span of time, "2016 – 2020". */
  return g_strdup_printf (_("%s – %s"), first, last);
}

char *
atlas_format_lon_lat (double lon,
                      double lat)
{
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (a, sizeof a, "%.4f", fabs (lon));
  g_ascii_formatd (b, sizeof b, "%.4f", fabs (lat));
  /* Translators: a position, "106.5500° E, 29.5600° N". */
  return g_strdup_printf (_("%s° %s, %s° %s"),
                          a, lon >= 0 ? C_("compass", "E") : C_("compass", "W"),
                          b, lat >= 0 ? C_("compass", "N") : C_("compass", "S"));
}
