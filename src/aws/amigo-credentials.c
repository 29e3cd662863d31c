/* amigo-credentials.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amigo-credentials.h"

struct _AmigoCredentials
{
  gatomicrefcount ref_count;
  char *access_key_id;
  char *secret_access_key;
  char *session_token;
  gint64 expiration;            /* Unix seconds, 0 = never */
};

G_DEFINE_BOXED_TYPE (AmigoCredentials, amigo_credentials,
                     amigo_credentials_ref, amigo_credentials_unref)

void
amigo_secure_wipe (gpointer mem,
                   gsize    len)
{
  volatile guint8 *p = mem;

  if (mem == NULL)
    return;
  while (len--)
    *p++ = 0;
}

void
amigo_secure_free_string (char *str)
{
  if (str == NULL)
    return;
  amigo_secure_wipe (str, strlen (str));
  g_free (str);
}

/**
 * amigo_credentials_new:
 * @access_key_id: the access key id
 * @secret_access_key: the secret access key
 * @session_token: (nullable): the session token of temporary credentials
 * @expiration: when they expire, in Unix seconds, or 0 if they do not
 *
 * Returns: (transfer full): new credentials
 */
AmigoCredentials *
amigo_credentials_new (const char *access_key_id,
                       const char *secret_access_key,
                       const char *session_token,
                       gint64      expiration)
{
  AmigoCredentials *self;

  g_return_val_if_fail (access_key_id != NULL, NULL);
  g_return_val_if_fail (secret_access_key != NULL, NULL);

  self = g_new0 (AmigoCredentials, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->access_key_id = g_strdup (access_key_id);
  self->secret_access_key = g_strdup (secret_access_key);
  self->session_token = (session_token && *session_token) ? g_strdup (session_token) : NULL;
  self->expiration = expiration;
  return self;
}

AmigoCredentials *
amigo_credentials_ref (AmigoCredentials *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
amigo_credentials_unref (AmigoCredentials *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->access_key_id);
  amigo_secure_free_string (self->secret_access_key);
  amigo_secure_free_string (self->session_token);
  amigo_secure_wipe (self, sizeof *self);
  g_free (self);
}

const char *
amigo_credentials_get_access_key_id (const AmigoCredentials *self)
{
  return self->access_key_id;
}

const char *
amigo_credentials_get_secret_access_key (const AmigoCredentials *self)
{
  return self->secret_access_key;
}

/**
 * amigo_credentials_get_session_token:
 *
 * Returns: (nullable): the session token, or %NULL for long-term keys
 */
const char *
amigo_credentials_get_session_token (const AmigoCredentials *self)
{
  return self->session_token;
}

gint64
amigo_credentials_get_expiration (const AmigoCredentials *self)
{
  return self->expiration;
}

/**
 * amigo_credentials_is_expired:
 * @now: the current time in Unix seconds
 *
 * Credentials count as expired a minute early, so a request signed now
 * does not reach AWS after they run out.
 */
gboolean
amigo_credentials_is_expired (const AmigoCredentials *self,
                              gint64                  now)
{
  return self->expiration != 0 && now + 60 >= self->expiration;
}

/**
 * amigo_credentials_describe:
 *
 * A description safe for logs: the access key id and whether a token is
 * present, never the secret.
 *
 * Returns: (transfer full): a string
 */
char *
amigo_credentials_describe (const AmigoCredentials *self)
{
  return g_strdup_printf ("%s%s", self->access_key_id,
                          self->session_token ? " (temporary)" : "");
}
