/* amigo-tag.h — a tag: a key and a value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amigo-model.h"

G_BEGIN_DECLS

/**
 * AmigoTag:
 * @key: the key (`key`) (pooled)
 * @value: the value (`value`)
 *
 * A tag: a key and a value.
 * Strings marked (pooled) are interned #GRefString: never g_free() them,
 * assign g_ref_string_new_intern() values; the others are g_strdup()ed.
 * Booleans are #AmigoTristate, integers -1 when not given.
 */
typedef struct {
  char *key;
  char *value;
} AmigoTag;

#define AMIGO_TYPE_TAG (amigo_tag_get_type ())

GType     amigo_tag_get_type (void) G_GNUC_CONST;
AmigoTag *amigo_tag_new      (const char *key,
                              const char *value);
AmigoTag *amigo_tag_copy     (const AmigoTag *self);
void      amigo_tag_free     (AmigoTag *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoTag, amigo_tag_free)

G_END_DECLS
