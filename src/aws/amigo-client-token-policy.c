/* amigo-client-token-policy.c — when a ClientToken is used again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-client.h"
#include "amigo-client-token-policy.h"

struct _AmigoClientTokenPolicy
{
  char *token;
  char *fingerprint;            /* of the request @token was made for */
};

/**
 * amigo_client_token_policy_new:
 *
 * Returns: (transfer full): a policy that has handed out no token yet
 */
AmigoClientTokenPolicy *
amigo_client_token_policy_new (void)
{
  return g_new0 (AmigoClientTokenPolicy, 1);
}

/**
 * amigo_client_token_policy_free:
 * @self: (transfer full) (nullable): a policy
 */
void
amigo_client_token_policy_free (AmigoClientTokenPolicy *self)
{
  if (self == NULL)
    return;
  g_free (self->token);
  g_free (self->fingerprint);
  g_free (self);
}

/**
 * amigo_client_token_policy_get_token:
 * @self: a policy
 * @fingerprint: the fingerprint of the request about to be sent
 *
 * Returns: (transfer none): the token to send: the last one while
 *   @fingerprint is the same as then, else a new one (from
 *   amigo_client_token_new()); valid until the next call or the free
 */
const char *
amigo_client_token_policy_get_token (AmigoClientTokenPolicy *self,
                                     const char             *fingerprint)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (fingerprint != NULL, NULL);

  if (self->token == NULL || g_strcmp0 (self->fingerprint, fingerprint) != 0)
    {
      g_free (self->token);
      g_free (self->fingerprint);
      self->token = amigo_client_token_new ();
      self->fingerprint = g_strdup (fingerprint);
    }
  return self->token;
}

/**
 * amigo_client_token_policy_peek_token:
 * @self: a policy
 *
 * Returns: (transfer none) (nullable): the last token handed out, or %NULL
 */
const char *
amigo_client_token_policy_peek_token (AmigoClientTokenPolicy *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->token;
}
