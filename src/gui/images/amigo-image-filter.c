/* amigo-image-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amigo-image-filter.h"
#include "amigo-tag.h"

struct _AmigoImageFilter
{
  GtkFilter parent_instance;

  char *search;                 /* as typed */
  GStrv words;                  /* casefolded words of the search */
  gboolean ascii_words;         /* every word is ASCII: no haystack needed */
  char *architecture;
  char *root_device_type;
  char *virtualization_type;
  char *platform;
  char *state;
  gboolean include_deprecated;
  gint64 now_usec;              /* 0: the real clock */
};

G_DEFINE_FINAL_TYPE (AmigoImageFilter, amigo_image_filter, GTK_TYPE_FILTER)

static GQuark haystack_quark;

/* Everything a search looks at, casefolded once per image and kept with
 * it: a keystroke then costs one substring scan per image. */
static const char *
get_haystack (AmigoImage *image)
{
  const char *haystack = g_object_get_qdata (G_OBJECT (image), haystack_quark);
  g_autoptr(GString) all = NULL;
  const AmigoTag *tags;
  guint n_tags = 0;
  char *folded;

  if (haystack != NULL)
    return haystack;

  all = g_string_new (NULL);
  g_string_append (all, amigo_image_get_image_id (image) ?: "");
  g_string_append_c (all, '\n');
  g_string_append (all, amigo_image_get_name (image) ?: "");
  g_string_append_c (all, '\n');
  g_string_append (all, amigo_image_get_description (image) ?: "");
  tags = amigo_image_get_tags (image, &n_tags);
  for (guint i = 0; i < n_tags; i++)
    {
      g_string_append_c (all, '\n');
      g_string_append (all, tags[i].value ?: "");
    }

  folded = g_utf8_casefold (all->str, all->len);
  g_object_set_qdata_full (G_OBJECT (image), haystack_quark, folded, g_free);
  return folded;
}

/* Does @haystack contain @word (ASCII, lower case), ignoring ASCII case?
 * strpbrk() finds the candidates for the first letter, in either case,
 * a vector at a time. */
static gboolean
contains_ascii_nocase (const char *haystack,
                       const char *word)
{
  const char accept[3] = { word[0], g_ascii_toupper (word[0]), '\0' };
  gsize rest = strlen (word + 1);

  for (const char *h = strpbrk (haystack, accept); h != NULL; h = strpbrk (h + 1, accept))
    if (g_ascii_strncasecmp (h + 1, word + 1, rest) == 0)
      return TRUE;
  return FALSE;
}

/* An ASCII word is looked for, ignoring case, in each field as it is:
 * no copy, no casefolding of 100 000 images on the first keystroke. */
static gboolean
image_contains_ascii (AmigoImage *image,
                      const char *word)
{
  const AmigoTag *tags;
  guint n_tags = 0;
  const char *field;

  if ((field = amigo_image_get_image_id (image)) && contains_ascii_nocase (field, word))
    return TRUE;
  if ((field = amigo_image_get_name (image)) && contains_ascii_nocase (field, word))
    return TRUE;
  if ((field = amigo_image_get_description (image)) && contains_ascii_nocase (field, word))
    return TRUE;
  tags = amigo_image_get_tags (image, &n_tags);
  for (guint i = 0; i < n_tags; i++)
    if (tags[i].value != NULL && contains_ascii_nocase (tags[i].value, word))
      return TRUE;
  return FALSE;
}

gboolean
amigo_image_filter_match_image (AmigoImageFilter *self,
                                AmigoImage       *image)
{
  if (self->architecture != NULL &&
      g_strcmp0 (amigo_image_get_architecture (image), self->architecture) != 0)
    return FALSE;

  if (self->root_device_type != NULL &&
      g_strcmp0 (amigo_image_get_root_device_type (image), self->root_device_type) != 0)
    return FALSE;

  if (self->virtualization_type != NULL &&
      g_strcmp0 (amigo_image_get_virtualization_type (image), self->virtualization_type) != 0)
    return FALSE;

  if (self->platform != NULL)
    {
      /* EC2 names only Windows in `platform`; every other image is Linux/UNIX. */
      const char *platform = amigo_image_get_platform (image);

      if (platform == NULL || *platform == '\0')
        platform = "linux";
      if (g_ascii_strcasecmp (platform, self->platform) != 0)
        return FALSE;
    }

  if (self->state != NULL &&
      g_strcmp0 (amigo_image_get_state (image), self->state) != 0)
    return FALSE;

  if (!self->include_deprecated)
    {
      gint64 deprecation = amigo_image_get_deprecation_time_usec (image);

      if (deprecation != 0 &&
          deprecation <= (self->now_usec ? self->now_usec : g_get_real_time ()))
        return FALSE;
    }

  if (self->words != NULL && self->ascii_words)
    {
      for (guint i = 0; self->words[i] != NULL; i++)
        if (!image_contains_ascii (image, self->words[i]))
          return FALSE;
    }
  else if (self->words != NULL)
    {
      const char *haystack = get_haystack (image);

      for (guint i = 0; self->words[i] != NULL; i++)
        if (strstr (haystack, self->words[i]) == NULL)
          return FALSE;
    }

  return TRUE;
}

static gboolean
amigo_image_filter_match (GtkFilter *filter,
                          gpointer   item)
{
  return amigo_image_filter_match_image (AMIGO_IMAGE_FILTER (filter), AMIGO_IMAGE (item));
}

static GtkFilterMatch
amigo_image_filter_get_strictness (GtkFilter *filter)
{
  return amigo_image_filter_is_active (AMIGO_IMAGE_FILTER (filter))
    ? GTK_FILTER_MATCH_SOME : GTK_FILTER_MATCH_ALL;
}

static void
amigo_image_filter_finalize (GObject *object)
{
  AmigoImageFilter *self = AMIGO_IMAGE_FILTER (object);

  g_free (self->search);
  g_strfreev (self->words);
  g_free (self->architecture);
  g_free (self->root_device_type);
  g_free (self->virtualization_type);
  g_free (self->platform);
  g_free (self->state);

  G_OBJECT_CLASS (amigo_image_filter_parent_class)->finalize (object);
}

static void
amigo_image_filter_class_init (AmigoImageFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = amigo_image_filter_finalize;
  filter_class->match = amigo_image_filter_match;
  filter_class->get_strictness = amigo_image_filter_get_strictness;

  haystack_quark = g_quark_from_static_string ("amigo-image-filter-haystack");
}

static void
amigo_image_filter_init (AmigoImageFilter *self)
{
}

AmigoImageFilter *
amigo_image_filter_new (void)
{
  return g_object_new (AMIGO_TYPE_IMAGE_FILTER, NULL);
}

/**
 * amigo_image_filter_set_search:
 * @text: (nullable): what the person typed
 *
 * Keeps the images whose id, name, description or a tag value contain
 * every word of @text, ignoring case.
 */
void
amigo_image_filter_set_search (AmigoImageFilter *self,
                               const char       *text)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  g_return_if_fail (AMIGO_IS_IMAGE_FILTER (self));

  if (g_strcmp0 (self->search, text) == 0)
    return;

  /* Typing on narrows the result; deleting widens it. Telling GTK lets
   * the filter model look only at the rows that can change. */
  if (self->search != NULL && text != NULL && strstr (text, self->search) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (text == NULL || *text == '\0' ||
           (self->search != NULL && strstr (self->search, text) != NULL))
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->search);
  self->search = g_strdup (text);

  if (text != NULL)
    {
      folded = g_utf8_casefold (text, -1);
      words = g_strsplit_set (g_strstrip (folded), " \t\n", -1);
    }

  g_clear_pointer (&self->words, g_strfreev);
  if (words != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      guint n = 0;

      for (guint i = 0; words[i] != NULL; i++)
        if (*words[i] != '\0')
          {
            g_strv_builder_add (builder, words[i]);
            n++;
          }
      if (n > 0)
        self->words = g_strv_builder_end (builder);
    }
  self->ascii_words = TRUE;
  for (guint i = 0; self->words != NULL && self->words[i] != NULL; i++)
    for (const char *c = self->words[i]; *c; c++)
      if ((guchar) *c >= 0x80)
        self->ascii_words = FALSE;

  gtk_filter_changed (GTK_FILTER (self), change);
}

const char *
amigo_image_filter_get_search (AmigoImageFilter *self)
{
  return self->search;
}

static void
set_field (AmigoImageFilter  *self,
           char             **field,
           const char        *value)
{
  GtkFilterChange change;

  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;

  change = *field == NULL ? GTK_FILTER_CHANGE_MORE_STRICT
         : value == NULL ? GTK_FILTER_CHANGE_LESS_STRICT
         : GTK_FILTER_CHANGE_DIFFERENT;
  g_free (*field);
  *field = g_strdup (value);
  gtk_filter_changed (GTK_FILTER (self), change);
}

void
amigo_image_filter_set_architecture (AmigoImageFilter *self,
                                     const char       *architecture)
{
  set_field (self, &self->architecture, architecture);
}

void
amigo_image_filter_set_root_device_type (AmigoImageFilter *self,
                                         const char       *root_device_type)
{
  set_field (self, &self->root_device_type, root_device_type);
}

void
amigo_image_filter_set_virtualization_type (AmigoImageFilter *self,
                                            const char       *virtualization_type)
{
  set_field (self, &self->virtualization_type, virtualization_type);
}

void
amigo_image_filter_set_platform (AmigoImageFilter *self,
                                 const char       *platform)
{
  set_field (self, &self->platform, platform);
}

void
amigo_image_filter_set_state (AmigoImageFilter *self,
                              const char       *state)
{
  set_field (self, &self->state, state);
}

void
amigo_image_filter_set_include_deprecated (AmigoImageFilter *self,
                                           gboolean          include_deprecated)
{
  if (self->include_deprecated == !!include_deprecated)
    return;
  self->include_deprecated = !!include_deprecated;
  gtk_filter_changed (GTK_FILTER (self),
                      include_deprecated ? GTK_FILTER_CHANGE_LESS_STRICT
                                         : GTK_FILTER_CHANGE_MORE_STRICT);
}

/* Whether deprecated images are wanted: the window asks EC2 for them
 * (IncludeDeprecated) only then. */
gboolean
amigo_image_filter_get_include_deprecated (AmigoImageFilter *self)
{
  g_return_val_if_fail (AMIGO_IS_IMAGE_FILTER (self), FALSE);
  return self->include_deprecated;
}

/**
 * amigo_image_filter_set_now:
 * @now_usec: the time deprecation is judged at, or 0 for the clock's
 *
 * For tests.
 */
void
amigo_image_filter_set_now (AmigoImageFilter *self,
                            gint64            now_usec)
{
  self->now_usec = now_usec;
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * amigo_image_filter_is_active:
 *
 * Returns: whether any image can be hidden (a search, a filter, or
 *   deprecated images left out)
 */
gboolean
amigo_image_filter_is_active (AmigoImageFilter *self)
{
  return self->words != NULL || self->architecture != NULL || self->root_device_type != NULL ||
         self->virtualization_type != NULL || self->platform != NULL || self->state != NULL ||
         !self->include_deprecated;
}
