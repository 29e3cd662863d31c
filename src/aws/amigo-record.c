/* amigo-record.c — the field tables behind the EC2 models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "amigo-record-private.h"

#define FIELD_PTR(base, off) ((gpointer) (((guint8 *) (base)) + (off)))
#define FIELD(base, off, T) (*(T *) FIELD_PTR (base, off))
/* The kinds stored inline that own nothing: copied by memcpy, absent as
 * amigo_record_init() sets them. */
#define CASE_SCALAR_KINDS \
  case AMIGO_FIELD_BOOLEAN: case AMIGO_FIELD_INT: case AMIGO_FIELD_INT64
/* Each field of @type in turn, as `const AmigoRecordField *f`. */
#define FOREACH_FIELD(type, f) \
  for (const AmigoRecordField *f = (type)->fields; f < (type)->fields + (type)->n_fields; f++)

static GQuark
record_type_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("amigo-record-type");
  return quark;
}

/* Pooled strings: interned and reference counted, so the thousands of
 * images that say "x86_64" or "available" share one copy, which goes away
 * with the last image that uses it. */

/**
 * amigo_pool_intern:
 * @str: (nullable): a string
 *
 * Returns: (transfer full) (nullable): the shared copy of @str; release it
 *   with amigo_pool_release()
 */
char *
amigo_pool_intern (const char *str)
{
  if (str == NULL)
    return NULL;
  return g_ref_string_new_intern (str);
}

/**
 * amigo_pool_release:
 * @str: (transfer full) (nullable): a string from amigo_pool_intern()
 */
void
amigo_pool_release (char *str)
{
  if (str != NULL)
    g_ref_string_release (str);
}

static gboolean
read_digits (const char **p,
             const char  *end,
             int          n,
             int         *out)
{
  int v = 0;

  if (end - *p < n)
    return FALSE;
  for (int i = 0; i < n; i++)
    {
      char c = (*p)[i];
      if (c < '0' || c > '9')
        return FALSE;
      v = v * 10 + (c - '0');
    }
  *p += n;
  *out = v;
  return TRUE;
}

/* Days from 1970-01-01 to the given civil date (proleptic Gregorian). */
static gint64
days_from_civil (int y,
                 int m,
                 int d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/**
 * amigo_parse_iso8601:
 * @text: a date as AWS writes it, e.g. `2024-06-01T12:34:56.000Z`
 * @len: its length
 * @usec: (out): microseconds since the Unix epoch, UTC
 *
 * Reads `YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM|±HHMM]` quickly (a time
 * without a zone is UTC), and anything else GDateTime understands.
 *
 * Returns: whether @text is a date
 */
gboolean
amigo_parse_iso8601 (const char *text,
                     gsize       len,
                     gint64     *usec)
{
  const char *p = text;
  const char *end = text + len;
  int year, month, day, hour, minute, second;
  gint64 frac = 0;
  int offset = 0;

  while (p < end && g_ascii_isspace (*p))
    p++;
  while (end > p && g_ascii_isspace (end[-1]))
    end--;

  if (!read_digits (&p, end, 4, &year) || p == end || *p++ != '-'
      || !read_digits (&p, end, 2, &month) || p == end || *p++ != '-'
      || !read_digits (&p, end, 2, &day) || p == end
      || (*p != 'T' && *p != 't' && *p != ' '))
    goto slow;
  p++;
  if (!read_digits (&p, end, 2, &hour) || p == end || *p++ != ':'
      || !read_digits (&p, end, 2, &minute) || p == end || *p++ != ':'
      || !read_digits (&p, end, 2, &second))
    goto slow;

  if (p < end && (*p == '.' || *p == ','))
    {
      int digits = 0;

      p++;
      if (p == end || !g_ascii_isdigit (*p))
        goto slow;
      while (p < end && g_ascii_isdigit (*p))
        {
          if (digits < 6)
            {
              frac = frac * 10 + (*p - '0');
              digits++;
            }
          p++;
        }
      while (digits++ < 6)
        frac *= 10;
    }

  if (p < end)
    {
      if ((*p == 'Z' || *p == 'z') && p + 1 == end)
        p++;
      else if (*p == '+' || *p == '-')
        {
          int sign = *p++ == '-' ? -1 : 1;
          int oh, om;

          if (!read_digits (&p, end, 2, &oh))
            goto slow;
          if (p < end && *p == ':')
            p++;
          if (!read_digits (&p, end, 2, &om) || p != end || oh > 23 || om > 59)
            goto slow;
          offset = sign * (oh * 3600 + om * 60);
        }
      else
        goto slow;
    }

  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
    goto slow;

  *usec = ((days_from_civil (year, month, day) * 86400
            + hour * 3600 + minute * 60 + second - offset) * G_USEC_PER_SEC) + frac;
  return TRUE;

slow:
  {
    g_autofree char *copy = g_strndup (text, len);
    g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
    g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (g_strstrip (copy), utc);

    if (dt == NULL)
      return FALSE;
    *usec = g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
    return TRUE;
  }
}

/**
 * amigo_record_type_lookup:
 * @type: a record type
 * @element: an XML local name
 *
 * Returns: (transfer none) (nullable): the field read from @element
 */
const AmigoRecordField *
amigo_record_type_lookup (const AmigoRecordType *ctype,
                          const char            *element)
{
  /* The index is built on first use; the tables are otherwise constant. */
  AmigoRecordType *type = (AmigoRecordType *) ctype;

  if (g_once_init_enter (&type->by_element))
    {
      GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

      FOREACH_FIELD (type, f)
        if (f->element != NULL)
          g_hash_table_insert (index, (gpointer) f->element, (gpointer) f);
      g_once_init_leave (&type->by_element, index);
    }
  return g_hash_table_lookup (type->by_element, element);
}

/**
 * amigo_record_type_find_member:
 * @type: a record type
 * @member: a botocore member name
 *
 * Returns: (transfer none) (nullable): the field for @member
 */
const AmigoRecordField *
amigo_record_type_find_member (const AmigoRecordType *type,
                               const char            *member)
{
  FOREACH_FIELD (type, f)
    if (g_strcmp0 (f->member, member) == 0)
      return f;
  return NULL;
}

/**
 * amigo_record_init:
 * @type: a record type
 * @base: zeroed memory laid out as @type says
 *
 * Marks every integer and boolean as absent.
 */
void
amigo_record_init (const AmigoRecordType *type,
                   gpointer               base)
{
  FOREACH_FIELD (type, f)
    {
      switch (f->kind)
        {
        case AMIGO_FIELD_BOOLEAN:
          FIELD (base, f->offset, gint8) = AMIGO_TRISTATE_UNSET;
          break;
        case AMIGO_FIELD_INT:
          FIELD (base, f->offset, gint32) = -1;
          break;
        case AMIGO_FIELD_INT64:
          FIELD (base, f->offset, gint64) = -1;
          break;
        case AMIGO_FIELD_STRUCT:
        case AMIGO_FIELD_GROUP_LIST:
          amigo_record_init (f->sub, FIELD_PTR (base, f->offset));
          break;
        case AMIGO_FIELD_STRING:
        case AMIGO_FIELD_POOLED:
        case AMIGO_FIELD_DATE:
        case AMIGO_FIELD_LIST:
        case AMIGO_FIELD_STRV:
        case AMIGO_FIELD_OBJECTS:
        default:
          break;
        }
    }
}

static void
clear_list (const AmigoRecordType *sub,
            gpointer               items,
            guint                  n_items)
{
  for (guint j = 0; j < n_items; j++)
    amigo_record_clear (sub, FIELD_PTR (items, j * sub->size));
  g_free (items);
}

/**
 * amigo_record_clear:
 * @type: a record type
 * @base: a record
 *
 * Frees what the record owns and leaves it as amigo_record_init() does.
 */
void
amigo_record_clear (const AmigoRecordType *type,
                    gpointer               base)
{
  FOREACH_FIELD (type, f)
    {
      switch (f->kind)
        {
        case AMIGO_FIELD_STRING:
          g_clear_pointer (&FIELD (base, f->offset, char *), g_free);
          break;
        case AMIGO_FIELD_DATE:
          g_clear_pointer (&FIELD (base, f->offset, char *), g_free);
          FIELD (base, f->aux, gint64) = 0;
          break;
        case AMIGO_FIELD_POOLED:
          g_clear_pointer (&FIELD (base, f->offset, char *), amigo_pool_release);
          break;
        case AMIGO_FIELD_STRUCT:
          if (f->aux != AMIGO_FIELD_NO_AUX)
            FIELD (base, f->aux, gboolean) = FALSE;
          amigo_record_clear (f->sub, FIELD_PTR (base, f->offset));
          break;
        case AMIGO_FIELD_GROUP_LIST:
          amigo_record_clear (f->sub, FIELD_PTR (base, f->offset));
          break;
        case AMIGO_FIELD_LIST:
          clear_list (f->sub, FIELD (base, f->offset, gpointer), FIELD (base, f->aux, guint));
          FIELD (base, f->offset, gpointer) = NULL;
          FIELD (base, f->aux, guint) = 0;
          break;
        case AMIGO_FIELD_STRV:
          g_clear_pointer (&FIELD (base, f->offset, char **), g_strfreev);
          break;
        case AMIGO_FIELD_OBJECTS:
        CASE_SCALAR_KINDS:      /* absent again: amigo_record_init() below */
        default:
          break;
        }
    }
  amigo_record_init (type, base);
}

/* After a memcpy, replaces each owned pointer by a copy of its own. */
static void
deep_copy_fixup (const AmigoRecordType *type,
                 gpointer               base)
{
  FOREACH_FIELD (type, f)
    {
      switch (f->kind)
        {
        case AMIGO_FIELD_STRING:
        case AMIGO_FIELD_DATE:
          FIELD (base, f->offset, char *) = g_strdup (FIELD (base, f->offset, char *));
          break;
        case AMIGO_FIELD_POOLED:
          if (FIELD (base, f->offset, char *) != NULL)
            g_ref_string_acquire (FIELD (base, f->offset, char *));
          break;
        case AMIGO_FIELD_STRUCT:
        case AMIGO_FIELD_GROUP_LIST:
          deep_copy_fixup (f->sub, FIELD_PTR (base, f->offset));
          break;
        case AMIGO_FIELD_LIST:
          {
            guint n = FIELD (base, f->aux, guint);
            gpointer items = FIELD (base, f->offset, gpointer);

            if (items != NULL && n > 0)
              {
                items = g_memdup2 (items, n * f->sub->size);
                for (guint j = 0; j < n; j++)
                  deep_copy_fixup (f->sub, FIELD_PTR (items, j * f->sub->size));
              }
            else
              {
                items = NULL;
                FIELD (base, f->aux, guint) = 0;
              }
            FIELD (base, f->offset, gpointer) = items;
          }
          break;
        case AMIGO_FIELD_STRV:
          FIELD (base, f->offset, char **) = g_strdupv (FIELD (base, f->offset, char **));
          break;
        CASE_SCALAR_KINDS:
        case AMIGO_FIELD_OBJECTS:
        default:
          break;
        }
    }
}

/**
 * amigo_record_copy_into:
 * @type: a record type
 * @dest: memory for one record (its contents are overwritten, not freed)
 * @src: a record
 *
 * Deep-copies @src into @dest.
 */
void
amigo_record_copy_into (const AmigoRecordType *type,
                        gpointer               dest,
                        gconstpointer          src)
{
  memcpy (dest, src, type->size);
  deep_copy_fixup (type, dest);
}

/**
 * amigo_record_dup:
 * @type: a record type
 * @src: a record
 *
 * Returns: (transfer full): a deep copy of @src; free with amigo_record_free()
 */
gpointer
amigo_record_dup (const AmigoRecordType *type,
                  gconstpointer          src)
{
  gpointer dest = g_malloc (type->size);
  amigo_record_copy_into (type, dest, src);
  return dest;
}

/**
 * amigo_record_new:
 * @type: a record type with a size
 *
 * Returns: (transfer full): a new record with every field absent; free it
 *   with amigo_record_free()
 */
gpointer
amigo_record_new (const AmigoRecordType *type)
{
  gpointer record = g_malloc0 (type->size);

  amigo_record_init (type, record);
  return record;
}

/**
 * amigo_record_free:
 * @type: a record type
 * @record: (transfer full) (nullable): a record from amigo_record_dup()
 */
void
amigo_record_free (const AmigoRecordType *type,
                   gpointer               record)
{
  if (record == NULL)
    return;
  amigo_record_clear (type, record);
  g_free (record);
}

static gboolean
parse_integer (const char *text,
               gsize       len,
               gint64      min,
               gint64      max,
               gint64     *out)
{
  char buf[32];
  const char *p = text;
  const char *end = text + len;
  char *endp = NULL;
  gint64 v;

  while (p < end && g_ascii_isspace (*p))
    p++;
  while (end > p && g_ascii_isspace (end[-1]))
    end--;
  if (p == end || (gsize) (end - p) >= sizeof buf)
    return FALSE;
  memcpy (buf, p, end - p);
  buf[end - p] = '\0';

  errno = 0;
  v = g_ascii_strtoll (buf, &endp, 10);
  if (errno != 0 || endp == buf || *endp != '\0' || v < min || v > max)
    return FALSE;
  *out = v;
  return TRUE;
}

static gboolean
parse_boolean (const char *text,
               gsize       len)
{
  const char *p = text;
  const char *end = text + len;

  while (p < end && g_ascii_isspace (*p))
    p++;
  while (end > p && g_ascii_isspace (end[-1]))
    end--;
  /* As botocore: only "true" is true. */
  return end - p == 4 && g_ascii_strncasecmp (p, "true", 4) == 0;
}

/**
 * amigo_record_set_text:
 * @field: a scalar field (string, pooled, boolean, integer or date)
 * @base: the record holding it
 * @text: the element's text, NUL-terminated at @len
 * @len: its length
 *
 * Stores @text in the field, converted to its kind. A number that cannot be
 * read leaves the field absent.
 */
void
amigo_record_set_text (const AmigoRecordField *field,
                       gpointer                base,
                       const char             *text,
                       gsize                   len)
{
  gint64 v;

  switch (field->kind)
    {
    case AMIGO_FIELD_STRING:
      g_free (FIELD (base, field->offset, char *));
      FIELD (base, field->offset, char *) = g_strndup (text, len);
      break;
    case AMIGO_FIELD_DATE:
      g_free (FIELD (base, field->offset, char *));
      FIELD (base, field->offset, char *) = g_strndup (text, len);
      if (!amigo_parse_iso8601 (text, len, &FIELD (base, field->aux, gint64)))
        FIELD (base, field->aux, gint64) = 0;
      break;
    case AMIGO_FIELD_POOLED:
      {
        char *old = FIELD (base, field->offset, char *);

        if (G_UNLIKELY (strlen (text) != len))
          {
            g_autofree char *copy = g_strndup (text, len);
            FIELD (base, field->offset, char *) = amigo_pool_intern (copy);
          }
        else
          FIELD (base, field->offset, char *) = amigo_pool_intern (text);
        amigo_pool_release (old);
      }
      break;
    case AMIGO_FIELD_BOOLEAN:
      FIELD (base, field->offset, gint8) = parse_boolean (text, len)
                                           ? AMIGO_TRISTATE_TRUE : AMIGO_TRISTATE_FALSE;
      break;
    case AMIGO_FIELD_INT:
      if (parse_integer (text, len, G_MININT32, G_MAXINT32, &v))
        FIELD (base, field->offset, gint32) = (gint32) v;
      break;
    case AMIGO_FIELD_INT64:
      if (parse_integer (text, len, G_MININT64, G_MAXINT64, &v))
        FIELD (base, field->offset, gint64) = v;
      break;
    case AMIGO_FIELD_STRUCT:
    case AMIGO_FIELD_LIST:
    case AMIGO_FIELD_STRV:
    case AMIGO_FIELD_GROUP_LIST:
    case AMIGO_FIELD_OBJECTS:
    default:
      g_return_if_reached ();
    }
}

/**
 * amigo_record_set_list:
 * @field: a list field
 * @base: the record holding it
 * @items: (transfer full) (nullable): a g_malloc'ed flat array of records
 * @n_items: how many
 *
 * Replaces the list (freeing the old one).
 */
void
amigo_record_set_list (const AmigoRecordField *field,
                       gpointer                base,
                       gpointer                items,
                       guint                   n_items)
{
  g_return_if_fail (field->kind == AMIGO_FIELD_LIST);

  clear_list (field->sub, FIELD (base, field->offset, gpointer), FIELD (base, field->aux, guint));
  if (n_items == 0)
    {
      g_free (items);
      items = NULL;
    }
  FIELD (base, field->offset, gpointer) = items;
  FIELD (base, field->aux, guint) = n_items;
}

/**
 * amigo_record_set_strv:
 * @field: a string-list field
 * @base: the record holding it
 * @strv: (transfer full) (nullable): the strings
 */
void
amigo_record_set_strv (const AmigoRecordField *field,
                       gpointer                base,
                       char                  **strv)
{
  g_return_if_fail (field->kind == AMIGO_FIELD_STRV);
  g_strfreev (FIELD (base, field->offset, char **));
  FIELD (base, field->offset, char **) = strv;
}

/**
 * amigo_record_field_has_value:
 * @field: a field
 * @base: the record holding it
 *
 * Returns: whether AWS gave a value for @field
 */
gboolean
amigo_record_field_has_value (const AmigoRecordField *field,
                              gconstpointer           base)
{
  switch (field->kind)
    {
    case AMIGO_FIELD_STRING:
    case AMIGO_FIELD_POOLED:
    case AMIGO_FIELD_DATE:
      return FIELD (base, field->offset, char *) != NULL;
    case AMIGO_FIELD_BOOLEAN:
      return FIELD (base, field->offset, gint8) != AMIGO_TRISTATE_UNSET;
    case AMIGO_FIELD_INT:
      return FIELD (base, field->offset, gint32) != -1;
    case AMIGO_FIELD_INT64:
      return FIELD (base, field->offset, gint64) != -1;
    case AMIGO_FIELD_LIST:
      return FIELD (base, field->aux, guint) > 0;
    case AMIGO_FIELD_STRV:
      return FIELD (base, field->offset, char **) != NULL
             && FIELD (base, field->offset, char **)[0] != NULL;
    case AMIGO_FIELD_STRUCT:
      if (field->aux != AMIGO_FIELD_NO_AUX)
        return FIELD (base, field->aux, gboolean);
      for (guint i = 0; i < field->sub->n_fields; i++)
        if (amigo_record_field_has_value (&field->sub->fields[i], FIELD_PTR (base, field->offset)))
          return TRUE;
      return FALSE;
    case AMIGO_FIELD_GROUP_LIST:
    case AMIGO_FIELD_OBJECTS:
    default:
      return FALSE;
    }
}

/* GObject glue */

static void
add_property (GObjectClass           *klass,
              AmigoRecordType        *type,
              const char             *name,
              const AmigoRecordField *field,
              gsize                   offset,
              gboolean                is_aux)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  AmigoRecordProperty *prop = g_new0 (AmigoRecordProperty, 1);

  prop->field = field;
  prop->offset = offset;
  prop->is_aux = is_aux;

  if (is_aux)
    prop->pspec = g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0, flags);
  else
    switch (field->kind)
      {
      case AMIGO_FIELD_STRING:
      case AMIGO_FIELD_POOLED:
      case AMIGO_FIELD_DATE:
        prop->pspec = g_param_spec_string (name, NULL, NULL, NULL, flags);
        break;
      case AMIGO_FIELD_BOOLEAN:
        prop->pspec = g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
        break;
      case AMIGO_FIELD_INT:
        prop->pspec = g_param_spec_int (name, NULL, NULL, -1, G_MAXINT32, -1, flags);
        break;
      case AMIGO_FIELD_INT64:
        prop->pspec = g_param_spec_int64 (name, NULL, NULL, -1, G_MAXINT64, -1, flags);
        break;
      case AMIGO_FIELD_LIST:
        prop->pspec = g_param_spec_boxed (name, NULL, NULL, G_TYPE_PTR_ARRAY, flags);
        break;
      case AMIGO_FIELD_STRV:
        prop->pspec = g_param_spec_boxed (name, NULL, NULL, G_TYPE_STRV, flags);
        break;
      case AMIGO_FIELD_STRUCT:
        prop->pspec = g_param_spec_boxed (name, NULL, NULL, field->sub->get_type (), flags);
        break;
      case AMIGO_FIELD_GROUP_LIST:
      case AMIGO_FIELD_OBJECTS:
      default:
        g_assert_not_reached ();
      }

  g_ptr_array_add (type->properties, prop);
  g_object_class_install_property (klass, type->properties->len, prop->pspec);
}

static const char *
usec_property_name (const char *property)
{
  g_autofree char *name = g_strconcat (property, "-usec", NULL);
  return g_intern_string (name);
}

static void
install_fields (GObjectClass          *klass,
                AmigoRecordType       *type,
                const AmigoRecordType *fields_type,
                gsize                  base_offset)
{
  for (guint i = 0; i < fields_type->n_fields; i++)
    {
      const AmigoRecordField *f = &fields_type->fields[i];
      gsize offset = base_offset + f->offset;

      switch (f->kind)
        {
        case AMIGO_FIELD_STRUCT:
          if (f->property == NULL)
            install_fields (klass, type, f->sub, offset);
          else if (f->sub->get_type != NULL)
            add_property (klass, type, f->property, f, offset, FALSE);
          else
            {
              /* A wrapper such as AttributeValue: the property is its one value */
              const AmigoRecordField *inner = &f->sub->fields[0];

              add_property (klass, type, f->property, inner, offset + inner->offset, FALSE);
              if (inner->kind == AMIGO_FIELD_DATE)
                add_property (klass, type,
                              usec_property_name (f->property),
                              inner, offset + inner->aux, TRUE);
            }
          break;
        case AMIGO_FIELD_DATE:
          if (f->property != NULL)
            {
              add_property (klass, type, f->property, f, offset, FALSE);
              add_property (klass, type, usec_property_name (f->property),
                            f, base_offset + f->aux, TRUE);
            }
          break;
        case AMIGO_FIELD_STRING:
        case AMIGO_FIELD_POOLED:
        case AMIGO_FIELD_BOOLEAN:
        case AMIGO_FIELD_INT:
        case AMIGO_FIELD_INT64:
        case AMIGO_FIELD_LIST:
        case AMIGO_FIELD_STRV:
          if (f->property != NULL)
            add_property (klass, type, f->property, f, offset, FALSE);
          break;
        case AMIGO_FIELD_GROUP_LIST:
        case AMIGO_FIELD_OBJECTS:
        default:
          break;
        }
    }
}

/**
 * amigo_record_class_install_properties:
 * @klass: the class of a model
 * @type: the table of its instance layout
 *
 * Installs one property per field that names one (ids from 1 in table
 * order), and remembers @type for amigo_model_has_value().
 */
void
amigo_record_class_install_properties (GObjectClass    *klass,
                                       AmigoRecordType *type)
{
  g_return_if_fail (type->properties == NULL);

  type->properties = g_ptr_array_new ();
  install_fields (klass, type, type, 0);
  g_type_set_qdata (G_OBJECT_CLASS_TYPE (klass), record_type_quark (), type);
}

static GPtrArray *
list_to_ptr_array (const AmigoRecordType *sub,
                   gconstpointer          items,
                   guint                  n_items)
{
  GPtrArray *array = g_ptr_array_new_full (n_items, sub->free_func);

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (array, amigo_record_dup (sub, FIELD_PTR (items, i * sub->size)));
  return array;
}

/**
 * amigo_record_get_property:
 * @type: the model's table
 * @object: the model
 * @prop_id: the property id
 * @value: where to store the value
 * @pspec: the property
 *
 * A GObjectClass.get_property for table-driven models.
 */
void
amigo_record_get_property (AmigoRecordType *type,
                           GObject         *object,
                           guint            prop_id,
                           GValue          *value,
                           GParamSpec      *pspec)
{
  const AmigoRecordProperty *prop;
  const AmigoRecordField *f;

  if (prop_id == 0 || prop_id > type->properties->len)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  prop = g_ptr_array_index (type->properties, prop_id - 1);
  f = prop->field;

  if (prop->is_aux)
    {
      g_value_set_int64 (value, FIELD (object, prop->offset, gint64));
      return;
    }

  switch (f->kind)
    {
    case AMIGO_FIELD_STRING:
    case AMIGO_FIELD_POOLED:
    case AMIGO_FIELD_DATE:
      g_value_set_string (value, FIELD (object, prop->offset, char *));
      break;
    case AMIGO_FIELD_BOOLEAN:
      g_value_set_boolean (value, FIELD (object, prop->offset, gint8) == AMIGO_TRISTATE_TRUE);
      break;
    case AMIGO_FIELD_INT:
      g_value_set_int (value, FIELD (object, prop->offset, gint32));
      break;
    case AMIGO_FIELD_INT64:
      g_value_set_int64 (value, FIELD (object, prop->offset, gint64));
      break;
    case AMIGO_FIELD_LIST:
      g_value_take_boxed (value, list_to_ptr_array (f->sub,
                                                    FIELD (object, prop->offset, gpointer),
                                                    FIELD (object, prop->offset - f->offset + f->aux, guint)));
      break;
    case AMIGO_FIELD_STRV:
      g_value_set_boxed (value, FIELD (object, prop->offset, char **));
      break;
    case AMIGO_FIELD_STRUCT:
      if (f->aux != AMIGO_FIELD_NO_AUX
          && !FIELD (object, prop->offset - f->offset + f->aux, gboolean))
        g_value_set_boxed (value, NULL);
      else
        g_value_take_boxed (value, amigo_record_dup (f->sub, FIELD_PTR (object, prop->offset)));
      break;
    case AMIGO_FIELD_GROUP_LIST:
    case AMIGO_FIELD_OBJECTS:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
    }
}

/**
 * amigo_record_set_property:
 * @type: the model's table
 * @object: the model
 * @prop_id: the property id
 * @value: the new value
 * @pspec: the property
 *
 * A GObjectClass.set_property for table-driven models; notifies when the
 * value changed.
 */
void
amigo_record_set_property (AmigoRecordType *type,
                           GObject         *object,
                           guint            prop_id,
                           const GValue    *value,
                           GParamSpec      *pspec)
{
  const AmigoRecordProperty *prop;
  const AmigoRecordField *f;
  /* Where the field's own record starts, for its aux offset */
  gpointer record;

  if (prop_id == 0 || prop_id > type->properties->len)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  prop = g_ptr_array_index (type->properties, prop_id - 1);
  f = prop->field;
  record = FIELD_PTR (object, prop->offset - f->offset);

  if (prop->is_aux)
    {
      gint64 v = g_value_get_int64 (value);
      if (FIELD (object, prop->offset, gint64) == v)
        return;
      FIELD (object, prop->offset, gint64) = v;
      g_object_notify_by_pspec (object, pspec);
      return;
    }

  switch (f->kind)
    {
    case AMIGO_FIELD_STRING:
    case AMIGO_FIELD_POOLED:
    case AMIGO_FIELD_DATE:
      {
        const char *s = g_value_get_string (value);
        const char *old = FIELD (object, prop->offset, char *);

        if (g_strcmp0 (s, old) == 0)
          return;
        if (f->kind == AMIGO_FIELD_POOLED)
          {
            amigo_pool_release (FIELD (object, prop->offset, char *));
            FIELD (object, prop->offset, char *) = amigo_pool_intern (s);
          }
        else
          {
            g_free (FIELD (object, prop->offset, char *));
            FIELD (object, prop->offset, char *) = g_strdup (s);
          }
        if (f->kind == AMIGO_FIELD_DATE)
          {
            gint64 usec = 0;
            if (s == NULL || !amigo_parse_iso8601 (s, strlen (s), &usec))
              usec = 0;
            FIELD (record, f->aux, gint64) = usec;
          }
      }
      break;
    case AMIGO_FIELD_BOOLEAN:
      {
        gint8 v = g_value_get_boolean (value) ? AMIGO_TRISTATE_TRUE : AMIGO_TRISTATE_FALSE;
        if (FIELD (object, prop->offset, gint8) == v)
          return;
        FIELD (object, prop->offset, gint8) = v;
      }
      break;
    case AMIGO_FIELD_INT:
      if (FIELD (object, prop->offset, gint32) == g_value_get_int (value))
        return;
      FIELD (object, prop->offset, gint32) = g_value_get_int (value);
      break;
    case AMIGO_FIELD_INT64:
      if (FIELD (object, prop->offset, gint64) == g_value_get_int64 (value))
        return;
      FIELD (object, prop->offset, gint64) = g_value_get_int64 (value);
      break;
    case AMIGO_FIELD_LIST:
      {
        GPtrArray *array = g_value_get_boxed (value);
        guint n = array != NULL ? array->len : 0;
        guint8 *items = n > 0 ? g_malloc (n * f->sub->size) : NULL;

        for (guint i = 0; i < n; i++)
          amigo_record_copy_into (f->sub, items + i * f->sub->size, g_ptr_array_index (array, i));
        amigo_record_set_list (f, record, items, n);
      }
      break;
    case AMIGO_FIELD_STRV:
      amigo_record_set_strv (f, record, g_value_dup_boxed (value));
      break;
    case AMIGO_FIELD_STRUCT:
      {
        gconstpointer src = g_value_get_boxed (value);

        amigo_record_clear (f->sub, FIELD_PTR (object, prop->offset));
        if (src != NULL)
          amigo_record_copy_into (f->sub, FIELD_PTR (object, prop->offset), src);
        if (f->aux != AMIGO_FIELD_NO_AUX)
          FIELD (record, f->aux, gboolean) = src != NULL;
      }
      break;
    case AMIGO_FIELD_GROUP_LIST:
    case AMIGO_FIELD_OBJECTS:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  g_object_notify_by_pspec (object, pspec);
}

/**
 * amigo_model_has_value:
 * @model: (type GObject): one of the EC2 models (#AmigoImage, #AmigoInstance, …)
 * @property_name: one of its properties
 *
 * Tells a value AWS left out from a default: whether a string is non-%NULL,
 * an integer not -1, a boolean said at all, a list not empty.
 *
 * Returns: whether AWS gave a value for @property_name
 */
gboolean
amigo_model_has_value (gpointer    model,
                       const char *property_name)
{
  AmigoRecordType *type;
  GParamSpec *pspec;
  const AmigoRecordProperty *prop;

  g_return_val_if_fail (G_IS_OBJECT (model), FALSE);
  g_return_val_if_fail (property_name != NULL, FALSE);

  type = g_type_get_qdata (G_OBJECT_TYPE (model), record_type_quark ());
  g_return_val_if_fail (type != NULL, FALSE);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (model), property_name);
  g_return_val_if_fail (pspec != NULL && pspec->owner_type == G_OBJECT_TYPE (model), FALSE);

  prop = g_ptr_array_index (type->properties, pspec->param_id - 1);
  if (prop->is_aux)
    return FIELD (model, prop->offset, gint64) != 0;

  /* The field's offsets are relative to its own record */
  return amigo_record_field_has_value (prop->field,
                                       FIELD_PTR (model, prop->offset - prop->field->offset));
}
