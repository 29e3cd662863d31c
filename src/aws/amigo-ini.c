/* amigo-ini.c — the AWS CLI's INI dialect, read into sections and keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shared config and credentials files are read the way botocore reads
 * them (configloader.py on top of Python's RawConfigParser):
 *
 *  - `#` and `;` start a comment line (also when indented); there are no
 *    comments at the end of a value line.
 *  - `key = value` or `key: value`, split at the first `=` or `:`, with the
 *    whitespace around both trimmed; the key is lowercased.
 *  - A line indented deeper than the key's line continues its value. A key
 *    with an empty value followed by such lines (`s3 =` then
 *    `  addressing_style = path`) is a sub-section; its keys are kept as
 *    written.
 *  - `[DEFAULT]` holds defaults for every section of the same buffer.
 *  - A section or a key given twice is an error, as is a line before the
 *    first section.
 *
 * Where we differ, on purpose: a UTF-8 byte order mark is skipped, a `[`
 * line without `]` is reported as an unterminated section header, and error
 * messages never quote the offending line, which may hold a secret.
 *
 * A pure function of a buffer: what the sections mean (profiles, services)
 * is amigo-aws-config.c's business.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "amigo-credentials.h"
#include "amigo-error.h"
#include "amigo-ini.h"

typedef struct
{
  const char *path;
  guint origin;
  GPtrArray *sections;          /* AmigoIniSection*, in file order */
  GHashTable *by_name;          /* borrowed name → AmigoIniSection* */
  AmigoIniSection *defaults;         /* [DEFAULT], or NULL */

  /* The key whose value is being read. */
  AmigoIniSection *section;
  char *key;
  GPtrArray *lines;             /* char* (wiped), the value's lines */
  GArray *line_numbers;         /* guint, one per line */
} IniParser;

/* ------------------------------------------------------------------------
 * Values and sections
 * ------------------------------------------------------------------------ */

static void
secure_free (gpointer str)
{
  amigo_secure_free_string (str);
}

static GHashTable *
sub_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, secure_free);
}

void
amigo_ini_value_free (gpointer data)
{
  AmigoIniValue *v = data;

  if (v == NULL)
    return;
  amigo_secure_free_string (v->value);
  g_clear_pointer (&v->sub, g_hash_table_unref);
  g_free (v);
}

AmigoIniValue *
amigo_ini_value_copy (const AmigoIniValue *src)
{
  AmigoIniValue *v = g_new0 (AmigoIniValue, 1);

  v->value = g_strdup (src->value);
  v->origin = src->origin;
  v->line = src->line;
  v->line = src->line;
  if (src->sub != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      v->sub = sub_table_new ();
      g_hash_table_iter_init (&iter, src->sub);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (v->sub, g_strdup (key), g_strdup (value));
    }
  return v;
}

GHashTable *
amigo_ini_values_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, amigo_ini_value_free);
}

void
amigo_ini_section_free (gpointer data)
{
  AmigoIniSection *s = data;

  g_free (s->name);
  g_hash_table_unref (s->values);
  g_free (s);
}

static AmigoIniSection *
amigo_ini_section_new (const char *name,
                       guint       line)
{
  AmigoIniSection *s = g_new0 (AmigoIniSection, 1);

  s->name = g_strdup (name);
  s->line = line;
  s->values = amigo_ini_values_new ();
  return s;
}



/* ------------------------------------------------------------------------
 * The INI reader
 * ------------------------------------------------------------------------ */

static gboolean
ini_error (IniParser   *p,
           guint        line,
           GError     **error,
           const char  *what)
{
  /* Never quote the line itself: it may hold a secret key. */
  g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
               /* Translators: the first %s is a file path, %u a line number, the
                * last %s one of the phrases that say what is wrong with the line
                * (“is not UTF-8 text”, “has no key before “=””, …). */
               _("The AWS file “%s” cannot be read: line %u %s. "
                 "Correct that line, as the AWS CLI would refuse it too."),
               p->path, line, what);
  return FALSE;
}

static void
ini_parser_reset_key (IniParser *p)
{
  g_clear_pointer (&p->key, g_free);
  g_ptr_array_set_size (p->lines, 0);
  g_array_set_size (p->line_numbers, 0);
}

static char *
strip_copy (const char *start,
            const char *end)
{
  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  return g_strndup (start, end - start);
}

/* Ends the value being read and stores it in its section. */
static gboolean
ini_parser_commit_key (IniParser  *p,
                       GError    **error)
{
  AmigoIniValue *v;
  gboolean nested = FALSE;

  if (p->key == NULL)
    return TRUE;

  /* botocore: a value that begins with a newline is a sub-section. The first
   * line is the text after `=`; any later non-empty line makes it so. */
  if (*(const char *) g_ptr_array_index (p->lines, 0) == '\0')
    {
      for (guint i = 1; i < p->lines->len; i++)
        if (*(const char *) g_ptr_array_index (p->lines, i) != '\0')
          {
            nested = TRUE;
            break;
          }
    }

  v = g_new0 (AmigoIniValue, 1);
  v->origin = p->origin;
  v->line = g_array_index (p->line_numbers, guint, 0);

  if (nested)
    {
      v->sub = sub_table_new ();
      for (guint i = 1; i < p->lines->len; i++)
        {
          const char *line = g_ptr_array_index (p->lines, i);
          const char *eq;

          if (*line == '\0')
            continue;
          eq = strchr (line, '=');
          if (eq == NULL)
            {
              g_autofree char *what =
                g_strdup_printf (_("is in the sub-section “%s” but is not a “key = value” setting"),
                                 p->key);
              amigo_ini_value_free (v);
              return ini_error (p, g_array_index (p->line_numbers, guint, i), error, what);
            }
          /* Later sub-keys replace earlier ones, as in botocore. */
          g_hash_table_insert (v->sub, strip_copy (line, eq),
                               strip_copy (eq + 1, eq + strlen (eq)));
        }
    }
  else
    {
      char *joined;
      gsize len;

      g_ptr_array_add (p->lines, NULL);
      joined = g_strjoinv ("\n", (char **) p->lines->pdata);
      g_ptr_array_set_size (p->lines, p->lines->len - 1);
      len = strlen (joined);
      while (len > 0 && g_ascii_isspace (joined[len - 1]))
        joined[--len] = '\0';
      v->value = joined;
    }

  g_hash_table_insert (p->section->values, g_steal_pointer (&p->key), v);
  ini_parser_reset_key (p);
  return TRUE;
}

static gboolean
ini_parser_line (IniParser   *p,
                 guint        lineno,
                 const char  *line,
                 gsize        len,
                 guint       *indent_level,
                 GError     **error)
{
  const char *end = line + len;
  const char *start = line;
  const char *stop = end;
  guint indent;

  while (start < end && g_ascii_isspace (*start))
    start++;
  while (stop > start && g_ascii_isspace (stop[-1]))
    stop--;

  /* A comment line, indented or not, is skipped without ending a value. */
  if (start < stop && (*start == '#' || *start == ';'))
    return TRUE;

  if (start == stop)
    {
      /* Blank lines belong to the value being read (trailing ones are
       * trimmed when it ends). */
      if (p->key != NULL)
        {
          g_ptr_array_add (p->lines, g_strdup (""));
          g_array_append_val (p->line_numbers, lineno);
        }
      return TRUE;
    }

  indent = start - line;

  if (p->key != NULL && indent > *indent_level)
    {
      g_ptr_array_add (p->lines, g_strndup (start, stop - start));
      g_array_append_val (p->line_numbers, lineno);
      return TRUE;
    }

  if (!ini_parser_commit_key (p, error))
    return FALSE;

  *indent_level = indent;

  if (*start == '[')
    {
      const char *close = NULL;
      g_autofree char *name = NULL;

      for (const char *c = stop - 1; c > start; c--)
        if (*c == ']')
          {
            close = c;
            break;
          }
      if (close == NULL)
        return ini_error (p, lineno, error,
                          _("starts a section header with “[” that has no closing “]”"));
      if (close == start + 1)
        return ini_error (p, lineno, error, _("is a section header with no name"));

      name = g_strndup (start + 1, close - start - 1);
      if (strcmp (name, "DEFAULT") == 0)
        {
          if (p->defaults == NULL)
            p->defaults = amigo_ini_section_new (name, lineno);
          p->section = p->defaults;
        }
      else if (g_hash_table_contains (p->by_name, name))
        {
          g_autofree char *what =
            g_strdup_printf (_("repeats the section [%s] (first at line %u)"),
                             name, ((AmigoIniSection *) g_hash_table_lookup (p->by_name, name))->line);
          return ini_error (p, lineno, error, what);
        }
      else
        {
          AmigoIniSection *s = amigo_ini_section_new (name, lineno);

          g_ptr_array_add (p->sections, s);
          g_hash_table_insert (p->by_name, s->name, s);
          p->section = s;
        }
      return TRUE;
    }

  if (p->section == NULL)
    return ini_error (p, lineno, error,
                      _("is a setting before the first [section] header"));

  {
    const char *delim = NULL;
    g_autofree char *raw_key = NULL;
    g_autofree char *key = NULL;

    for (const char *c = start; c < stop; c++)
      if (*c == '=' || *c == ':')
        {
          delim = c;
          break;
        }
    if (delim == NULL)
      return ini_error (p, lineno, error,
                        _("is neither a [section] header, a “key = value” setting, "
                          "a comment nor the indented continuation of a value"));

    raw_key = strip_copy (start, delim);
    if (*raw_key == '\0')
      return ini_error (p, lineno, error, _("has no key before “=”"));

    key = g_utf8_strdown (raw_key, -1);
    if (g_hash_table_contains (p->section->values, key))
      {
        g_autofree char *what =
          g_strdup_printf (_("repeats the key “%s” in the section [%s]"),
                           key, p->section->name);
        return ini_error (p, lineno, error, what);
      }

    p->key = g_steal_pointer (&key);
    g_ptr_array_add (p->lines, strip_copy (delim + 1, stop));
    g_array_append_val (p->line_numbers, lineno);
  }

  return TRUE;
}

/**
 * amigo_ini_parse:
 * @path: the file name to give in error messages
 * @origin: a tag for the caller, stored in every value's @origin
 * @data: (array length=len): the text; the caller wipes it
 * @len: its length in bytes
 * @error: an %AMIGO_AWS_ERROR_CONFIG error naming the line that is wrong
 *
 * Parses @data into sections, in order, with [DEFAULT]'s keys applied to
 * every other section (and [DEFAULT] itself left out).
 *
 * Returns: (transfer full) (element-type AmigoIniSection): the sections,
 *   or %NULL on error
 */
GPtrArray *
amigo_ini_parse (const char   *path,
           guint         origin,
           const char   *data,
           gsize         len,
           GError      **error)
{
  IniParser p = { 0 };
  const char *invalid = NULL;
  const char *pos;
  const char *end = data + len;
  guint lineno = 0;
  guint indent_level = 0;
  gboolean ok = TRUE;
  GPtrArray *result = NULL;

  p.path = path;
  p.origin = origin;
  p.sections = g_ptr_array_new_with_free_func (amigo_ini_section_free);
  p.by_name = g_hash_table_new (g_str_hash, g_str_equal);
  p.lines = g_ptr_array_new_with_free_func (secure_free);
  p.line_numbers = g_array_new (FALSE, FALSE, sizeof (guint));

  if (!g_utf8_validate (data, len, &invalid))
    {
      guint line = 1;

      for (const char *c = data; c < invalid; c++)
        if (*c == '\n')
          line++;
      ok = ini_error (&p, line, error, _("is not UTF-8 text"));
    }

  pos = data;
  if (ok && len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    pos += 3;

  /* Lines end with \n, \r\n or \r, like Python's universal newlines. */
  while (ok && pos < end)
    {
      const char *eol = pos;

      while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;
      lineno++;
      ok = ini_parser_line (&p, lineno, pos, eol - pos, &indent_level, error);
      if (eol < end && *eol == '\r' && eol + 1 < end && eol[1] == '\n')
        eol++;
      pos = eol + 1;
    }

  if (ok)
    ok = ini_parser_commit_key (&p, error);

  if (ok && p.defaults != NULL)
    {
      for (guint i = 0; i < p.sections->len; i++)
        {
          AmigoIniSection *s = g_ptr_array_index (p.sections, i);
          GHashTableIter iter;
          gpointer key, value;

          g_hash_table_iter_init (&iter, p.defaults->values);
          while (g_hash_table_iter_next (&iter, &key, &value))
            if (!g_hash_table_contains (s->values, key))
              g_hash_table_insert (s->values, g_strdup (key), amigo_ini_value_copy (value));
        }
    }

  ini_parser_reset_key (&p);
  g_ptr_array_unref (p.lines);
  g_array_unref (p.line_numbers);
  g_hash_table_unref (p.by_name);
  g_clear_pointer (&p.defaults, amigo_ini_section_free);

  if (ok)
    result = g_steal_pointer (&p.sections);
  else
    g_ptr_array_unref (p.sections);
  return result;
}
