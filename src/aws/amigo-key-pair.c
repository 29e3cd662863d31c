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
  { "keyPairId", "KeyPairId", "key-pair-id", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoKeyPair, key_pair_id), AMIGO_FIELD_NO_AUX, NULL },
  { "keyName", "KeyName", "key-name", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoKeyPair, key_name), AMIGO_FIELD_NO_AUX, NULL },
  { "keyFingerprint", "KeyFingerprint", "key-fingerprint", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoKeyPair, key_fingerprint), AMIGO_FIELD_NO_AUX, NULL },
  { "keyType", "KeyType", "key-type", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoKeyPair, key_type), AMIGO_FIELD_NO_AUX, NULL },
  { "publicKey", "PublicKey", "public-key", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoKeyPair, public_key), AMIGO_FIELD_NO_AUX, NULL },
  { "createTime", "CreateTime", "create-time", AMIGO_FIELD_DATE,
    G_STRUCT_OFFSET (AmigoKeyPair, create_time), G_STRUCT_OFFSET (AmigoKeyPair, create_time_usec), NULL },
  { "tagSet", "Tags", "tags", AMIGO_FIELD_LIST,
    G_STRUCT_OFFSET (AmigoKeyPair, tags), G_STRUCT_OFFSET (AmigoKeyPair, n_tags), &amigo_tag_record },
};

AmigoRecordType amigo_key_pair_record =
  AMIGO_RECORD_TYPE ("KeyPairInfo", AmigoKeyPair, key_pair_fields, amigo_key_pair_get_type, NULL);

static void
amigo_key_pair_finalize (GObject *object)
{
  amigo_record_clear (&amigo_key_pair_record, object);

  G_OBJECT_CLASS (amigo_key_pair_parent_class)->finalize (object);
}

static void
amigo_key_pair_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  amigo_record_get_property (&amigo_key_pair_record, object, prop_id, value, pspec);
}

static void
amigo_key_pair_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  amigo_record_set_property (&amigo_key_pair_record, object, prop_id, value, pspec);
}

static void
amigo_key_pair_class_init (AmigoKeyPairClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amigo_key_pair_finalize;
  object_class->get_property = amigo_key_pair_get_property;
  object_class->set_property = amigo_key_pair_set_property;

  /* One property per field of the table above */
  amigo_record_class_install_properties (object_class, &amigo_key_pair_record);
}

static void
amigo_key_pair_init (AmigoKeyPair *self)
{
  amigo_record_init (&amigo_key_pair_record, self);
}

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
