/* amigo-sts.h — AWS STS: who the credentials belong to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amigo-async.h"
#include "amigo-account.h"
#include "amigo-client.h"
#include "amigo-service.h"

G_BEGIN_DECLS

/* The STS API version every request names. */
#define AMIGO_STS_API_VERSION "2011-06-15"

/**
 * AmigoCallerIdentity:
 * @account: the 12-digit account id (`Account`)
 * @arn: the ARN of the user or role (`Arn`)
 * @user_id: the unique id of the user or role session (`UserId`)
 *
 * What GetCallerIdentity answers.
 */
struct _AmigoCallerIdentity {
  char *account;
  char *arn;
  char *user_id;
};

#define AMIGO_TYPE_CALLER_IDENTITY (amigo_caller_identity_get_type ())

GType                amigo_caller_identity_get_type (void) G_GNUC_CONST;
AmigoCallerIdentity *amigo_caller_identity_copy     (const AmigoCallerIdentity *self);
void                 amigo_caller_identity_free     (AmigoCallerIdentity       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoCallerIdentity, amigo_caller_identity_free)

/**
 * AmigoAssumeRoleParams:
 * @role_arn: the role to assume (`RoleArn`)
 * @role_session_name: the session's name (`RoleSessionName`), 2–64 of
 *   `[\w+=,.@-]`
 * @duration_seconds: how long the session lasts (`DurationSeconds`), 0 for
 *   STS's default (one hour)
 * @external_id: (nullable): `ExternalId`, for a role trusted by another party
 * @serial_number: (nullable): the MFA device (`SerialNumber`)
 * @token_code: (nullable): its current 6-digit code (`TokenCode`), a secret
 * @web_identity_token: (nullable): the OIDC token (`WebIdentityToken`), a
 *   secret
 *
 * What AssumeRole asks (the member names of botocore's STS model), and
 * AssumeRoleWithWebIdentity: the role, session name and duration, with
 * @web_identity_token instead of @external_id and the MFA device.
 */
typedef struct {
  const char *role_arn;
  const char *role_session_name;
  gint duration_seconds;
  const char *external_id;
  const char *serial_number;
  const char *token_code;
  const char *web_identity_token;
} AmigoAssumeRoleParams;

#define AMIGO_TYPE_STS (amigo_sts_get_type ())

/**
 * AmigoSts:
 *
 * STS in one region of one account: an #AmigoService (client, region,
 * endpoint) speaking the AWS query protocol.
 */
AMIGO_DECLARE_SERVICE (AmigoSts, amigo_sts, AMIGO, STS)

AMIGO_DECLARE_ASYNC (AmigoSts, AmigoCallerIdentity *, amigo_sts_get_caller_identity);

void                 amigo_sts_assume_role_async          (AmigoSts                    *self,
                                                           const AmigoAssumeRoleParams *params,
                                                           GCancellable                *cancellable,
                                                           GAsyncReadyCallback          callback,
                                                           gpointer                     user_data);
AmigoCredentials    *amigo_sts_assume_role_finish         (AmigoSts                    *self,
                                                           GAsyncResult                *result,
                                                           char                       **out_assumed_role_arn,
                                                           GError                     **error);

void                 amigo_sts_assume_role_with_web_identity_async  (AmigoSts                    *self,
                                                                     const AmigoAssumeRoleParams *params,
                                                                     GCancellable                *cancellable,
                                                                     GAsyncReadyCallback          callback,
                                                                     gpointer                     user_data);
AmigoCredentials    *amigo_sts_assume_role_with_web_identity_finish (AmigoSts            *self,
                                                                     GAsyncResult        *result,
                                                                     char               **out_assumed_role_arn,
                                                                     GError             **error);

G_END_DECLS
