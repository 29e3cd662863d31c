/* amigo-key-pair.c — an EC2 key pair
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-key-pair.h"
#include "amigo-record-private.h"

struct _AmigoKeyPair
{
  GObject parent_instance;

  char *key_pair_id;
  char *key_name;
  char *key_fingerprint;
  char *key_type;  /* pooled */
  char *public_key;
  char *create_time;
  AmigoTag *tags;
  gint64 create_time_usec;
  guint n_tags;
};

G_DEFINE_FINAL_TYPE (AmigoKeyPair, amigo_key_pair, G_TYPE_OBJECT)

static const AmigoRecordField key_pair_fields[] = {
  AMIGO_RECORD_FIELD (AmigoKeyPair, "keyPairId", "KeyPairId", "key-pair-id", STRING, key_pair_id),
  AMIGO_RECORD_FIELD (AmigoKeyPair, "keyName", "KeyName", "key-name", STRING, key_name),
  AMIGO_RECORD_FIELD (AmigoKeyPair, "keyFingerprint", "KeyFingerprint", "key-fingerprint", STRING, key_fingerprint),
  AMIGO_RECORD_FIELD (AmigoKeyPair, "keyType", "KeyType", "key-type", POOLED, key_type),
  AMIGO_RECORD_FIELD (AmigoKeyPair, "publicKey", "PublicKey", "public-key", STRING, public_key),
  AMIGO_RECORD_DATE (AmigoKeyPair, "createTime", "CreateTime", "create-time", create_time),
  AMIGO_RECORD_LIST (AmigoKeyPair, "tagSet", "Tags", "tags", tags, amigo_tag_record),
};

AmigoRecordType amigo_key_pair_record =
  AMIGO_RECORD_TYPE ("KeyPairInfo", AmigoKeyPair, key_pair_fields, amigo_key_pair_get_type, NULL);

/* One property per field of the table above */
AMIGO_RECORD_DEFINE_OBJECT_METHODS (AmigoKeyPair, amigo_key_pair, amigo_key_pair_record)

/**
 * amigo_key_pair_new:
 *
 * Creates an empty AmigoKeyPair; set its properties with g_object_set(). The
 * parsers fill them from EC2's answers.
 *
 * Returns: (transfer full): a new #AmigoKeyPair
 */
AmigoKeyPair *
amigo_key_pair_new (void)
{
  return g_object_new (AMIGO_TYPE_KEY_PAIR, NULL);
}

#define GETTER(Ret, field, fallback) \
  AMIGO_RECORD_GETTER (AmigoKeyPair, amigo_key_pair, AMIGO_IS_KEY_PAIR, Ret, field, fallback)
#define ARRAY_GETTER(Item, field) \
  AMIGO_RECORD_ARRAY_GETTER (AmigoKeyPair, amigo_key_pair, AMIGO_IS_KEY_PAIR, Item, field)

/**
 * amigo_key_pair_get_key_pair_id:
 * @self: an #AmigoKeyPair
 *
 * Returns: (transfer none) (nullable): the key pair id (`keyPairId`)
 */
GETTER (const char *, key_pair_id, NULL)

/**
 * amigo_key_pair_get_key_name:
 * @self: an #AmigoKeyPair
 *
 * Returns: (transfer none) (nullable): the name (`keyName`)
 */
GETTER (const char *, key_name, NULL)

/**
 * amigo_key_pair_get_key_fingerprint:
 * @self: an #AmigoKeyPair
 *
 * Returns: (transfer none) (nullable): the fingerprint (`keyFingerprint`)
 */
GETTER (const char *, key_fingerprint, NULL)

/**
 * amigo_key_pair_get_key_type:
 * @self: an #AmigoKeyPair
 *
 * Returns: (transfer none) (nullable): `rsa` or `ed25519` (`keyType`)
 */
GETTER (const char *, key_type, NULL)

/**
 * amigo_key_pair_get_public_key:
 * @self: an #AmigoKeyPair
 *
 * Returns: (transfer none) (nullable): the public key (`publicKey`)
 */
GETTER (const char *, public_key, NULL)

/**
 * amigo_key_pair_get_create_time:
 * @self: an #AmigoKeyPair
 *
 * Returns: (transfer none) (nullable): when it was created (`createTime`)
 */
GETTER (const char *, create_time, NULL)

/**
 * amigo_key_pair_get_create_time_usec:
 * @self: an #AmigoKeyPair
 *
 * Returns: when it was created, in microseconds since the Unix epoch (UTC), or 0
 */
GETTER (gint64, create_time_usec, 0)

/**
 * amigo_key_pair_get_tags:
 * @self: an #AmigoKeyPair
 * @n_tags: (out) (optional): where to store the number of items
 *
 * Returns: (transfer none) (array length=n_tags) (nullable): its tags (`tagSet`)
 */
ARRAY_GETTER (AmigoTag, tags)
