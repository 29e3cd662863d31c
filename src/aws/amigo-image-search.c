/* amigo-image-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Amazon, AWS Marketplace and Public hold tens to hundreds of thousands of
 * images a region: what is typed in the search box is also asked of EC2,
 * as one DescribeImages filter, so only what can match is downloaded. The
 * list's own search still filters what arrives (over the name, id,
 * description and tags); the filter asks for a superset of the names it
 * shows, except that an image found only by its description or tags is
 * not fetched.
 *
 * EC2 filters match case-sensitively and the values of one filter are
 * ORed, so a name is asked for as typed, capitalised, lower- and
 * upper-case in one `name` filter. `*` and `?` the person types stay the
 * wildcards EC2 gives them.
 */
#include "config.h"

#include <string.h>

#include "amigo-image-search.h"

struct _AmigoImageSearch
{
  char *text;                   /* as typed, stripped */
  AmigoEc2Filter filter;        /* name and values point into what follows */
  GPtrArray *values;            /* char *, NULL-terminated */
};

static const char * const owner_aliases[] = { "amazon", "aws-marketplace", "aws-backup-vault", NULL };

static gboolean
all_chars (const char *text,
           gboolean  (*accept) (gchar c))
{
  for (const char *p = text; *p != '\0'; p++)
    if (!accept (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_hex_digit (gchar c)
{
  return g_ascii_isxdigit (c);
}

/* Product codes are 25 lower-case letters and digits, as EC2 shows them. */
static gboolean
is_code_char (gchar c)
{
  return g_ascii_isdigit (c) || (c >= 'a' && c <= 'z');
}

static void
add_value (AmigoImageSearch *search,
           char             *value)
{
  /* The values before the terminating NULL. */
  for (guint i = 0; i + 1 < search->values->len; i++)
    if (strcmp (g_ptr_array_index (search->values, i), value) == 0)
      {
        g_free (value);
        return;
      }
  g_ptr_array_insert (search->values, search->values->len - 1, value);
}

/* "ubuntu 24.04" → "*ubuntu*24.04*": the words in order, anything between. */
static char *
name_pattern (char **words,
              char *(*change) (const char *word))
{
  GString *pattern = g_string_new ("*");

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = change ? change (words[i]) : g_strdup (words[i]);

      g_string_append (pattern, word);
      g_string_append_c (pattern, '*');
    }
  return g_string_free (pattern, FALSE);
}

static char *
lower_word (const char *word)
{
  return g_utf8_strdown (word, -1);
}

static char *
upper_word (const char *word)
{
  return g_utf8_strup (word, -1);
}

static char *
capitalise_word (const char *word)
{
  gunichar first = g_utf8_get_char (word);
  g_autofree char *rest = g_utf8_strdown (g_utf8_next_char (word), -1);
  char head[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_totitle (first), head);
  return g_strconcat (head, rest, NULL);
}

/**
 * amigo_image_search_new:
 * @text: (nullable): what the person typed
 *
 * Chooses the filter for @text: `image-id` for an AMI id or its start
 * (`ami-0abc`), `owner-alias` for `amazon`, `aws-marketplace` or
 * `aws-backup-vault`, `product-code` for a 25-character product code, and
 * otherwise `name`, with the words in order anywhere in the name.
 *
 * Returns: (transfer full) (nullable): the search, or %NULL when @text
 *   holds nothing to search for
 */
AmigoImageSearch *
amigo_image_search_new (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *lower = NULL;
  AmigoImageSearch *search;

  if (*stripped == '\0' || !g_utf8_validate (stripped, -1, NULL))
    return NULL;

  search = g_new0 (AmigoImageSearch, 1);
  search->text = g_steal_pointer (&stripped);
  search->values = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (search->values, NULL);
  lower = g_utf8_strdown (search->text, -1);

  if (g_str_has_prefix (lower, "ami-") && all_chars (lower + 4, is_hex_digit))
    {
      search->filter.name = "image-id";
      /* Ids have 8 or 17 hex digits; fewer are the start of one. */
      add_value (search, strlen (lower) == 4 + 17 || strlen (lower) == 4 + 8
                         ? g_strdup (lower) : g_strconcat (lower, "*", NULL));
    }
  else if (g_strv_contains (owner_aliases, lower))
    {
      search->filter.name = "owner-alias";
      add_value (search, g_strdup (lower));
    }
  else if (strlen (lower) == 25 && all_chars (lower, is_code_char))
    {
      search->filter.name = "product-code";
      add_value (search, g_strdup (lower));
    }
  else
    {
      g_auto(GStrv) words = g_strsplit_set (search->text, " \t\n", -1);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) kept = NULL;

      for (guint i = 0; words[i] != NULL; i++)
        if (*words[i] != '\0')
          g_strv_builder_add (builder, words[i]);
      kept = g_strv_builder_end (builder);

      search->filter.name = "name";
      add_value (search, name_pattern (kept, NULL));
      add_value (search, name_pattern (kept, capitalise_word));
      add_value (search, name_pattern (kept, lower_word));
      add_value (search, name_pattern (kept, upper_word));
    }

  search->filter.values = (const char * const *) search->values->pdata;
  return search;
}

void
amigo_image_search_free (AmigoImageSearch *search)
{
  if (search == NULL)
    return;
  g_ptr_array_unref (search->values);
  g_free (search->text);
  g_free (search);
}

/**
 * amigo_image_search_get_text:
 *
 * Returns: (transfer none): the text searched for, without surrounding blanks
 */
const char *
amigo_image_search_get_text (const AmigoImageSearch *search)
{
  return search->text;
}

/**
 * amigo_image_search_get_filter:
 *
 * Returns: (transfer none): the filter to add to DescribeImages; it lives
 *   as long as @search
 */
const AmigoEc2Filter *
amigo_image_search_get_filter (const AmigoImageSearch *search)
{
  return &search->filter;
}
