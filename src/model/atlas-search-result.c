/* atlas-search-result.c
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

#include "atlas-district.h"
#include "atlas-event.h"
#include "atlas-format.h"
#include "atlas-item.h"
#include "atlas-l10n.h"
#include "atlas-labels.h"
#include "atlas-search-result.h"
#include "atlas-site.h"
#include "atlas-statistic.h"

/* One line of the search popover: a record found by the search text, the
 * words it is shown with and where the text sits in them, so that the
 * popover can set the matching part in bold.  How well it matches decides
 * its place within its group (a name that starts with the text first).
 */

struct _AtlasSearchResult
{
  GObject          parent_instance;

  AtlasItem       *item;
  AtlasSearchKind  kind;
  AtlasSearchRank  rank;

  char            *title;
  char            *subtitle;
  char            *sort_key;

  /* Byte ranges of the text in the title and the subtitle; start == end
   * when it is not there.
   */
  gsize            title_start, title_end;
  gsize            subtitle_start, subtitle_end;
};

G_DEFINE_FINAL_TYPE (AtlasSearchResult, atlas_search_result, G_TYPE_OBJECT)

/* ---- kinds ------------------------------------------------------------- */

const char *
atlas_search_kind_get_label (AtlasSearchKind kind)
{
  switch (kind)
    {
    case ATLAS_SEARCH_KIND_SITE:
      return _("Sites");
    case ATLAS_SEARCH_KIND_EVENT:
      return _("Events");
    case ATLAS_SEARCH_KIND_FIGURE:
      return _("Figures");
    case ATLAS_SEARCH_KIND_DISTRICT:
      return _("Districts");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The icons of the pages that show each kind, so that a result looks like
 * where picking it takes you.
 */
const char *
atlas_search_kind_get_icon_name (AtlasSearchKind kind)
{
  switch (kind)
    {
    case ATLAS_SEARCH_KIND_SITE:
      return "mark-location-symbolic";
    case ATLAS_SEARCH_KIND_EVENT:
      return "x-office-calendar-symbolic";
    case ATLAS_SEARCH_KIND_FIGURE:
      return "power-profile-balanced-symbolic";
    case ATLAS_SEARCH_KIND_DISTRICT:
      return "find-location-symbolic";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The group of records from the search index's @entity column. */
gboolean
atlas_search_kind_for_entity (const char      *entity,
                              AtlasSearchKind *kind)
{
  static const struct { const char *entity; AtlasSearchKind kind; } kinds[] = {
    { "site", ATLAS_SEARCH_KIND_SITE },
    { "event", ATLAS_SEARCH_KIND_EVENT },
    { "statistic", ATLAS_SEARCH_KIND_FIGURE },
    { "district", ATLAS_SEARCH_KIND_DISTRICT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (entity, kinds[i].entity) == 0)
      {
        *kind = kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

/**
 * atlas_search_find_text:
 * @start: (out): byte offset of the first match in @haystack
 * @end: (out): byte offset just past it
 *
 * Finds @needle in @haystack ignoring case, character by character, so
 * that the offsets are those of @haystack itself (a case-folded copy can
 * differ in length).
 *
 * Returns: whether @needle is there
 */
gboolean
atlas_search_find_text (const char *haystack,
                        const char *needle,
                        gsize      *start,
                        gsize      *end)
{
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  *start = *end = 0;
  if (haystack == NULL || needle == NULL || *needle == '\0')
    return FALSE;

  for (const char *h = haystack; *h != '\0'; h = g_utf8_next_char (h))
    {
      const char *a = h;
      const char *b = needle;

      while (*a != '\0' && *b != '\0' &&
             g_unichar_tolower (g_utf8_get_char (a)) == g_unichar_tolower (g_utf8_get_char (b)))
        {
          a = g_utf8_next_char (a);
          b = g_utf8_next_char (b);
        }
      if (*b == '\0')
        {
          *start = h - haystack;
          *end = a - haystack;
          return TRUE;
        }
    }
  return FALSE;
}

/* ---- the words shown ---------------------------------------------------- */

static const char *
other_name (AtlasItem *item)
{
  return atlas_l10n_is_chinese () ? atlas_item_get_name_en (item) : atlas_item_get_name_zh (item);
}

/* What tells a record apart when its name alone does not: a site's
 * category and district, an event's date and kind, a figure's value.
 */
static char *
describe (AtlasItem       *item,
          AtlasSearchKind  kind)
{
  switch (kind)
    {
    case ATLAS_SEARCH_KIND_SITE:
      {
        AtlasSite *site = ATLAS_SITE (item);
        AtlasDistrict *district = atlas_site_get_district (site);
        const char *category = atlas_site_category_get_label (atlas_site_get_category (site));

        if (district == NULL)
          return g_strdup (category);
        /* Translators: a search result's details, "Laboratory · 北碚区". */
        return g_strdup_printf (_("%s · %s"), category, atlas_item_get_name (ATLAS_ITEM (district)));
      }

    case ATLAS_SEARCH_KIND_EVENT:
      {
        AtlasEvent *event = ATLAS_EVENT (item);
        g_autofree char *date = atlas_format_date (atlas_event_get_date (event));

        return g_strdup_printf (_("%s · %s"), date, atlas_event_kind_get_label (atlas_event_get_kind (event)));
      }

    case ATLAS_SEARCH_KIND_FIGURE:
      {
        AtlasStatistic *stat = ATLAS_STATISTIC (item);
        g_autofree char *value = atlas_format_value (atlas_statistic_get_value (stat),
                                                     atlas_statistic_get_unit (stat),
                                                     atlas_statistic_get_qualifier (stat));
        g_autofree char *period = atlas_format_period (atlas_statistic_get_period (stat));

        if (period == NULL || *period == '\0')
          return g_steal_pointer (&value);
        return g_strdup_printf (_("%s · %s"), value, period);
      }

    case ATLAS_SEARCH_KIND_DISTRICT:
    default:
      return g_strdup (other_name (item));
    }
}

static char *
markup_with_bold (const char *text,
                  gsize       start,
                  gsize       end)
{
  g_autofree char *before = NULL;
  g_autofree char *match = NULL;
  g_autofree char *after = NULL;

  if (text == NULL)
    return g_strdup ("");
  if (start >= end)
    return g_markup_escape_text (text, -1);

  before = g_markup_escape_text (text, start);
  match = g_markup_escape_text (text + start, end - start);
  after = g_markup_escape_text (text + end, -1);
  return g_strconcat (before, "<b>", match, "</b>", after, NULL);
}

/* ---- GObject ------------------------------------------------------------ */

static void
atlas_search_result_finalize (GObject *object)
{
  AtlasSearchResult *self = (AtlasSearchResult *)object;

  g_clear_object (&self->item);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->sort_key, g_free);

  G_OBJECT_CLASS (atlas_search_result_parent_class)->finalize (object);
}

static void
atlas_search_result_class_init (AtlasSearchResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_search_result_finalize;
}

static void
atlas_search_result_init (AtlasSearchResult *self)
{
}

/**
 * atlas_search_result_new:
 * @text: what was searched for
 *
 * A result for @item, which the search found for @text: its name in the
 * user's language, and under it the other language's name when the text
 * is found there, else the details that tell it apart.
 */
AtlasSearchResult *
atlas_search_result_new (AtlasItem       *item,
                         AtlasSearchKind  kind,
                         const char      *text)
{
  AtlasSearchResult *self;
  g_autofree char *needle = NULL;

  g_return_val_if_fail (ATLAS_IS_ITEM (item), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  needle = g_strstrip (g_strdup (text));

  self = g_object_new (ATLAS_TYPE_SEARCH_RESULT, NULL);
  self->item = g_object_ref (item);
  self->kind = kind;
  self->title = g_strdup (atlas_item_get_name (item));
  self->sort_key = g_utf8_collate_key (self->title ? self->title : "", -1);

  if (atlas_search_find_text (self->title, needle, &self->title_start, &self->title_end))
    {
      self->rank = self->title_start == 0 ? ATLAS_SEARCH_RANK_NAME_START : ATLAS_SEARCH_RANK_NAME;
      self->subtitle = describe (item, kind);
      /* A district's subtitle is its other name: it may hold the text too. */
      atlas_search_find_text (self->subtitle, needle, &self->subtitle_start, &self->subtitle_end);
    }
  else if (atlas_search_find_text (other_name (item), needle, &self->subtitle_start, &self->subtitle_end))
    {
      self->rank = ATLAS_SEARCH_RANK_OTHER_NAME;
      self->subtitle = g_strdup (other_name (item));
    }
  else
    {
      self->rank = ATLAS_SEARCH_RANK_TEXT;
      self->subtitle = describe (item, kind);
      atlas_search_find_text (self->subtitle, needle, &self->subtitle_start, &self->subtitle_end);
    }

  return self;
}

AtlasItem *
atlas_search_result_get_item (AtlasSearchResult *self)
{
  g_return_val_if_fail (ATLAS_IS_SEARCH_RESULT (self), NULL);

  return self->item;
}

AtlasSearchKind
atlas_search_result_get_kind (AtlasSearchResult *self)
{
  g_return_val_if_fail (ATLAS_IS_SEARCH_RESULT (self), ATLAS_SEARCH_KIND_SITE);

  return self->kind;
}

AtlasSearchRank
atlas_search_result_get_rank (AtlasSearchResult *self)
{
  g_return_val_if_fail (ATLAS_IS_SEARCH_RESULT (self), ATLAS_SEARCH_RANK_TEXT);

  return self->rank;
}

const char *
atlas_search_result_get_title (AtlasSearchResult *self)
{
  g_return_val_if_fail (ATLAS_IS_SEARCH_RESULT (self), NULL);

  return self->title;
}

const char *
atlas_search_result_get_subtitle (AtlasSearchResult *self)
{
  g_return_val_if_fail (ATLAS_IS_SEARCH_RESULT (self), NULL);

  return self->subtitle;
}

/* The title as Pango markup, the matching part in bold. */
char *
atlas_search_result_dup_title_markup (AtlasSearchResult *self)
{
  g_return_val_if_fail (ATLAS_IS_SEARCH_RESULT (self), NULL);

  return markup_with_bold (self->title, self->title_start, self->title_end);
}

char *
atlas_search_result_dup_subtitle_markup (AtlasSearchResult *self)
{
  g_return_val_if_fail (ATLAS_IS_SEARCH_RESULT (self), NULL);

  return markup_with_bold (self->subtitle, self->subtitle_start, self->subtitle_end);
}

/* Group, then how well it matches, then the name in the user's collation. */
int
atlas_search_result_compare (AtlasSearchResult *a,
                             AtlasSearchResult *b)
{
  g_return_val_if_fail (ATLAS_IS_SEARCH_RESULT (a) && ATLAS_IS_SEARCH_RESULT (b), 0);

  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  if (a->rank != b->rank)
    return a->rank < b->rank ? -1 : 1;
  return strcmp (a->sort_key, b->sort_key);
}
