/* amigo-ini.h — the AWS CLI's INI dialect, read into sections and keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One setting: a plain value, or a sub-section of sub-key → value. Values
 * may be secrets: amigo_ini_value_free() wipes them. */
typedef struct
{
  char *value;                  /* lines joined with "\n"; NULL for a sub-section */
  GHashTable *sub;              /* sub-key → value (wiped), or NULL */
  guint line;                   /* the line of the key */
  guint origin;                 /* the caller's tag, from amigo_ini_parse() */
} AmigoIniValue;

/* A section as read, in file order. */
typedef struct
{
  char *name;
  guint line;
  GHashTable *values;           /* owned key → AmigoIniValue* */
} AmigoIniSection;

GPtrArray     *amigo_ini_parse        (const char          *path,
                                       guint                origin,
                                       const char          *data,
                                       gsize                len,
                                       GError             **error);

GHashTable    *amigo_ini_values_new   (void);
AmigoIniValue *amigo_ini_value_copy   (const AmigoIniValue *src);
void           amigo_ini_value_free   (gpointer             value);
void           amigo_ini_section_free (gpointer             section);

G_END_DECLS
