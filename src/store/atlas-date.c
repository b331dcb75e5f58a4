/* atlas-date.c
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

#include "atlas-date.h"

#include <gio/gio.h>

/* Days are counted as GLib's Julian day numbers (day 1 = 1 January of year 1),
 * so that a span is a pair of integers and comparisons are cheap.
 */

static gboolean
parse_int (const char *p,
           guint       digits,
           int        *out)
{
  int v = 0;

  for (guint i = 0; i < digits; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      v = v * 10 + (p[i] - '0');
    }
  *out = v;
  return TRUE;
}

gboolean
atlas_date_parse (const char  *text,
                  AtlasDate   *date,
                  GError     **error)
{
  AtlasDate d = { 0, };
  gsize len;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL || *text == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "empty date");
      return FALSE;
    }

  len = strlen (text);
  if (!(len == 4 || len == 7 || len == 10) ||
      !parse_int (text, 4, &d.year) ||
      (len >= 7 && (text[4] != '-' || !parse_int (text + 5, 2, &d.month))) ||
      (len == 10 && (text[7] != '-' || !parse_int (text + 8, 2, &d.day))))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "“%s” is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)", text);
      return FALSE;
    }

  if (d.year < 1900 || d.year > 2100)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "year %d of “%s” is out of range", d.year, text);
      return FALSE;
    }
  if (len >= 7 && (d.month < 1 || d.month > 12))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "month %d of “%s” does not exist", d.month, text);
      return FALSE;
    }
  if (len == 10 && !g_date_valid_dmy (d.day, d.month, d.year))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "day %d of “%s” does not exist", d.day, text);
      return FALSE;
    }

  d.precision = len == 10 ? ATLAS_DATE_PRECISION_DAY
              : len == 7 ? ATLAS_DATE_PRECISION_MONTH
              : ATLAS_DATE_PRECISION_YEAR;
  *date = d;
  return TRUE;
}

/* Parses "A" or "A/B" (ISO 8601 interval of two reduced-precision dates). */
gboolean
atlas_date_parse_interval (const char  *text,
                           AtlasDate   *first,
                           AtlasDate   *last,
                           GError     **error)
{
  const char *slash;

  g_return_val_if_fail (first != NULL && last != NULL, FALSE);

  if (text == NULL || (slash = strchr (text, '/')) == NULL)
    {
      if (!atlas_date_parse (text, first, error))
        return FALSE;
      *last = *first;
      return TRUE;
    }
  else
    {
      g_autofree char *a = g_strndup (text, slash - text);

      if (!atlas_date_parse (a, first, error) || !atlas_date_parse (slash + 1, last, error))
        return FALSE;
      if (atlas_date_get_first_day (first) > atlas_date_get_last_day (last))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "interval “%s” ends before it starts", text);
          return FALSE;
        }
      return TRUE;
    }
}

guint32
atlas_julian_from_ymd (int year,
                       int month,
                       int day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);
  return g_date_get_julian (&d);
}

void
atlas_julian_to_ymd (guint32  julian,
                     int     *year,
                     int     *month,
                     int     *day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  if (year)
    *year = g_date_get_year (&d);
  if (month)
    *month = g_date_get_month (&d);
  if (day)
    *day = g_date_get_day (&d);
}

guint32
atlas_julian_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return atlas_julian_from_ymd (g_date_time_get_year (now),
                                g_date_time_get_month (now),
                                g_date_time_get_day_of_month (now));
}

/* The first day the date can mean: 2017-11 -> 2017-11-01. */
guint32
atlas_date_get_first_day (const AtlasDate *date)
{
  g_return_val_if_fail (date != NULL, 0);

  switch (date->precision)
    {
    case ATLAS_DATE_PRECISION_DAY:
      return atlas_julian_from_ymd (date->year, date->month, date->day);
    case ATLAS_DATE_PRECISION_MONTH:
      return atlas_julian_from_ymd (date->year, date->month, 1);
    case ATLAS_DATE_PRECISION_YEAR:
    default:
      return atlas_julian_from_ymd (date->year, 1, 1);
    }
}

/* The last day the date can mean: 2017-11 -> 2017-11-30. */
guint32
atlas_date_get_last_day (const AtlasDate *date)
{
  g_return_val_if_fail (date != NULL, 0);

  switch (date->precision)
    {
    case ATLAS_DATE_PRECISION_DAY:
      return atlas_julian_from_ymd (date->year, date->month, date->day);
    case ATLAS_DATE_PRECISION_MONTH:
      return atlas_julian_from_ymd (date->year, date->month,
                                    g_date_get_days_in_month (date->month, date->year));
    case ATLAS_DATE_PRECISION_YEAR:
    default:
      return atlas_julian_from_ymd (date->year, 12, 31);
    }
}

char *
atlas_date_to_iso (const AtlasDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  switch (date->precision)
    {
    case ATLAS_DATE_PRECISION_DAY:
      return g_strdup_printf ("%04d-%02d-%02d", date->year, date->month, date->day);
    case ATLAS_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%04d-%02d", date->year, date->month);
    case ATLAS_DATE_PRECISION_YEAR:
    default:
      return g_strdup_printf ("%04d", date->year);
    }
}

int
atlas_date_compare (const AtlasDate *a,
                    const AtlasDate *b)
{
  guint32 fa = atlas_date_get_first_day (a);
  guint32 fb = atlas_date_get_first_day (b);

  if (fa != fb)
    return fa < fb ? -1 : 1;
  /* At the same start, the more precise date sorts first. */
  return (int) a->precision - (int) b->precision;
}

const char *
atlas_date_precision_to_string (AtlasDatePrecision precision)
{
  switch (precision)
    {
    case ATLAS_DATE_PRECISION_DAY: return "day";
    case ATLAS_DATE_PRECISION_MONTH: return "month";
    case ATLAS_DATE_PRECISION_YEAR: return "year";
    default: g_return_val_if_reached ("day");
    }
}

gboolean
atlas_date_precision_from_string (const char         *text,
                                  AtlasDatePrecision *precision)
{
  for (AtlasDatePrecision p = ATLAS_DATE_PRECISION_DAY; p <= ATLAS_DATE_PRECISION_YEAR; p++)
    {
      if (g_strcmp0 (text, atlas_date_precision_to_string (p)) == 0)
        {
          *precision = p;
          return TRUE;
        }
    }
  return FALSE;
}
