/* amigo-keyring-account.c — the non-secret part of a stored account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amigo-getter-private.h"
#include "amigo-keyring-account.h"

struct _AmigoKeyringAccount
{
  GObject parent_instance;

  char *id;
  char *name;
  char *region;
  char *endpoint;               /* NULL when the default endpoint is used */
  gboolean allow_plain_http;    /* http:// to a host that is not loopback */
};

G_DEFINE_FINAL_TYPE (AmigoKeyringAccount, amigo_keyring_account, G_TYPE_OBJECT)

static void
amigo_keyring_account_finalize (GObject *object)
{
  AmigoKeyringAccount *self = AMIGO_KEYRING_ACCOUNT (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->region);
  g_free (self->endpoint);

  G_OBJECT_CLASS (amigo_keyring_account_parent_class)->finalize (object);
}

static void
amigo_keyring_account_class_init (AmigoKeyringAccountClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = amigo_keyring_account_finalize;
}

static void
amigo_keyring_account_init (AmigoKeyringAccount *self)
{
}

/**
 * amigo_keyring_account_new:
 * @id: the account id
 * @name: the name people gave the account
 * @region: the default region, e.g. `eu-west-1`
 * @endpoint: (nullable): a custom EC2 endpoint URL, or %NULL (or "") for AWS's own
 *
 * An account whose endpoint, if `http://`, must be on this computer; see
 * amigo_keyring_account_new_full().
 *
 * Returns: (transfer full): a new account
 */
AmigoKeyringAccount *
amigo_keyring_account_new (const char *id,
                           const char *name,
                           const char *region,
                           const char *endpoint)
{
  return amigo_keyring_account_new_full (id, name, region, endpoint, FALSE);
}

/**
 * amigo_keyring_account_new_full:
 * @id: the account id
 * @name: the name people gave the account
 * @region: the default region, e.g. `eu-west-1`
 * @endpoint: (nullable): a custom EC2 endpoint URL, or %NULL (or "") for AWS's own
 * @allow_plain_http: whether people allowed @endpoint to be `http://` on a
 *   host that is not this computer; loopback needs no such consent
 *
 * An account as stored: its fields never change.
 *
 * Returns: (transfer full): a new account
 */
AmigoKeyringAccount *
amigo_keyring_account_new_full (const char *id,
                                const char *name,
                                const char *region,
                                const char *endpoint,
                                gboolean    allow_plain_http)
{
  AmigoKeyringAccount *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (region != NULL, NULL);

  self = g_object_new (AMIGO_TYPE_KEYRING_ACCOUNT, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->region = g_strdup (region);
  self->endpoint = endpoint != NULL && *endpoint != '\0' ? g_strdup (endpoint) : NULL;
  self->allow_plain_http = allow_plain_http;
  return self;
}

/**
 * amigo_keyring_account_get_id:
 *
 * Returns: (transfer none): the id, a UUID made when the account was added
 */
#define GETTER(field) \
  AMIGO_DEFINE_FIELD_GETTER (AmigoKeyringAccount, amigo_keyring_account, AMIGO_IS_KEYRING_ACCOUNT, \
                             const char *, field, NULL)

GETTER (id)

/**
 * amigo_keyring_account_get_name:
 *
 * Returns: (transfer none): the name people gave the account
 */
GETTER (name)

/**
 * amigo_keyring_account_get_region:
 *
 * Returns: (transfer none): the default region
 */
GETTER (region)

/**
 * amigo_keyring_account_get_endpoint:
 *
 * Returns: (transfer none) (nullable): the custom endpoint URL, or %NULL
 */
GETTER (endpoint)

/**
 * amigo_keyring_account_get_allow_plain_http:
 *
 * Returns: whether an unencrypted endpoint on another host is allowed
 */
gboolean
amigo_keyring_account_get_allow_plain_http (AmigoKeyringAccount *self)
{
  g_return_val_if_fail (AMIGO_IS_KEYRING_ACCOUNT (self), FALSE);
  return self->allow_plain_http;
}

/**
 * amigo_keyring_account_equal:
 * @a: an account
 * @b: another account
 *
 * Returns: whether both have the same id, name, region, endpoint and
 *   plain-http consent, which is what identifies a keyring item exactly
 */
gboolean
amigo_keyring_account_equal (AmigoKeyringAccount *a,
                             AmigoKeyringAccount *b)
{
  g_return_val_if_fail (AMIGO_IS_KEYRING_ACCOUNT (a), FALSE);
  g_return_val_if_fail (AMIGO_IS_KEYRING_ACCOUNT (b), FALSE);

  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->region, b->region) == 0 &&
         g_strcmp0 (a->endpoint, b->endpoint) == 0 &&
         a->allow_plain_http == b->allow_plain_http;
}

/**
 * amigo_keyring_account_compare:
 * @a: a pointer to an #AmigoKeyringAccount pointer
 * @b: a pointer to an #AmigoKeyringAccount pointer
 *
 * Orders accounts by name as people read it: case-insensitive, in the
 * locale's order; a #GCompareFunc for g_ptr_array_sort().
 *
 * Returns: <0, 0 or >0
 */
int
amigo_keyring_account_compare (gconstpointer a,
                               gconstpointer b)
{
  AmigoKeyringAccount *aa = *(AmigoKeyringAccount * const *) a;
  AmigoKeyringAccount *bb = *(AmigoKeyringAccount * const *) b;
  g_autofree char *fa = g_utf8_casefold (aa->name, -1);
  g_autofree char *fb = g_utf8_casefold (bb->name, -1);
  g_autofree char *ka = g_utf8_collate_key (fa, -1);
  g_autofree char *kb = g_utf8_collate_key (fb, -1);
  int cmp = strcmp (ka, kb);

  /* Case apart, then as written, then by id: a stable order. */
  if (cmp == 0)
    cmp = g_utf8_collate (aa->name, bb->name);
  return cmp != 0 ? cmp : strcmp (aa->id, bb->id);
}
