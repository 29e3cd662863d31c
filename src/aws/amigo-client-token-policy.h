/* amigo-client-token-policy.h — when a ClientToken is used again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * AmigoClientTokenPolicy:
 *
 * The `ClientToken` of one user action (a launch, the copy to one region):
 * the same token while the request stays the same, so that trying again
 * never creates the thing twice; a new one once the request has changed,
 * since EC2 refuses a token sent again with other values
 * (`IdempotentParameterMismatch`). Requests are compared by their
 * fingerprint, e.g. amigo_ec2_run_instances_fingerprint().
 */
typedef struct _AmigoClientTokenPolicy AmigoClientTokenPolicy;

AmigoClientTokenPolicy *amigo_client_token_policy_new        (void);
void                    amigo_client_token_policy_free       (AmigoClientTokenPolicy *self);
const char             *amigo_client_token_policy_get_token  (AmigoClientTokenPolicy *self,
                                                              const char             *fingerprint);
const char             *amigo_client_token_policy_peek_token (AmigoClientTokenPolicy *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoClientTokenPolicy, amigo_client_token_policy_free)

G_END_DECLS
