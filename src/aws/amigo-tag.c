/* amigo-tag.c — a tag: a key and a value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-tag.h"
#include "amigo-record-private.h"

G_DEFINE_BOXED_TYPE (AmigoTag, amigo_tag, amigo_tag_copy, amigo_tag_free)

static const AmigoRecordField tag_fields[] = {
  AMIGO_RECORD_FIELD (AmigoTag, "key", "Key", NULL, POOLED, key),
  AMIGO_RECORD_FIELD (AmigoTag, "value", "Value", NULL, STRING, value),
};

AmigoRecordType amigo_tag_record =
  AMIGO_RECORD_TYPE ("Tag", AmigoTag, tag_fields, amigo_tag_get_type, amigo_tag_free);

/**
 * amigo_tag_new:
 * @key: (nullable): the key
 * @value: (nullable): the value
 *
 * Returns: (transfer full): a new #AmigoTag
 */
AmigoTag *
amigo_tag_new (const char *key,
               const char *value)
{
  AmigoTag *self = amigo_record_new (&amigo_tag_record);
  self->key = amigo_pool_intern (key);
  self->value = g_strdup (value);

  return self;
}

/**
 * amigo_tag_copy:
 * @self: a #AmigoTag
 *
 * Returns: (transfer full): a deep copy of @self
 */
/**
 * amigo_tag_free:
 * @self: (transfer full) (nullable): a #AmigoTag
 *
 * Frees @self and what it holds.
 */
AMIGO_RECORD_DEFINE_BOXED_METHODS (AmigoTag, amigo_tag, amigo_tag_record)
