/* amigo-credential-chain.h — credentials the way the AWS CLI finds them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amigo-async.h"
#include "amigo-aws-config.h"
#include "amigo-credential-process.h"
#include "amigo-credentials.h"

G_BEGIN_DECLS

/**
 * AmigoCredentialSource:
 * @AMIGO_CREDENTIAL_SOURCE_ENVIRONMENT: `AWS_ACCESS_KEY_ID` and
 *   `AWS_SECRET_ACCESS_KEY`
 * @AMIGO_CREDENTIAL_SOURCE_CREDENTIALS_FILE: static keys in the credentials file
 * @AMIGO_CREDENTIAL_SOURCE_PROCESS: the profile's `credential_process`
 * @AMIGO_CREDENTIAL_SOURCE_CONFIG_FILE: static keys in the config file
 * @AMIGO_CREDENTIAL_SOURCE_ASSUME_ROLE: an STS AssumeRole session of the
 *   profile's `role_arn` (from `source_profile` or `credential_source`)
 * @AMIGO_CREDENTIAL_SOURCE_SSO: IAM Identity Center role credentials
 *   (GetRoleCredentials of `sso_account_id` and `sso_role_name`)
 * @AMIGO_CREDENTIAL_SOURCE_WEB_IDENTITY: an STS AssumeRoleWithWebIdentity
 *   session (`web_identity_token_file` or `AWS_WEB_IDENTITY_TOKEN_FILE`)
 */
typedef enum {
  AMIGO_CREDENTIAL_SOURCE_ENVIRONMENT,
  AMIGO_CREDENTIAL_SOURCE_CREDENTIALS_FILE,
  AMIGO_CREDENTIAL_SOURCE_PROCESS,
  AMIGO_CREDENTIAL_SOURCE_CONFIG_FILE,
  AMIGO_CREDENTIAL_SOURCE_ASSUME_ROLE,
  AMIGO_CREDENTIAL_SOURCE_WEB_IDENTITY,
  AMIGO_CREDENTIAL_SOURCE_SSO,
} AmigoCredentialSource;

/**
 * AmigoMfaPromptFunc:
 * @profile_name: the profile whose role needs the code
 * @mfa_serial: the MFA device (`mfa_serial`), to show
 * @cancellable: (nullable): cancelled when the code is no longer wanted
 * @task: (transfer full): to complete with the code (a string,
 *   `g_task_return_pointer (task, code, g_free)`) or an error
 * @user_data: data given with the function
 *
 * Asks the person for the current code of an MFA device, when a role
 * session must be made.
 */
typedef void (*AmigoMfaPromptFunc) (const char   *profile_name,
                                    const char   *mfa_serial,
                                    GCancellable *cancellable,
                                    GTask        *task,
                                    gpointer      user_data);

void              amigo_credential_chain_set_mfa_prompt (AmigoAwsConfig         *config,
                                                         AmigoMfaPromptFunc      func,
                                                         gpointer                user_data,
                                                         GDestroyNotify          destroy);
char             *amigo_credential_chain_default_session_name (void);

void              amigo_credential_chain_resolve_async  (AmigoAwsConfig         *config,
                                                         const char             *profile_name,
                                                         GCancellable           *cancellable,
                                                         GAsyncReadyCallback     callback,
                                                         gpointer                user_data);
AmigoCredentials *amigo_credential_chain_resolve_finish (AmigoAwsConfig         *config,
                                                         GAsyncResult           *result,
                                                         AmigoCredentialSource  *out_source,
                                                         char                  **out_profile_name,
                                                         GError                **error);

/**
 * AmigoRoleSettings:
 * @role_arn: the role to assume
 * @external_id: (nullable): `ExternalId`, for a role trusted by another party
 * @mfa_serial: (nullable): the MFA device whose code AssumeRole needs
 * @session_name: (nullable): `RoleSessionName` (botocore's default when %NULL)
 * @duration_seconds: how long each session lasts, 0 for STS's default
 *
 * A role assumed on top of an account Amigo shows ("switch role").
 */
typedef struct {
  char *role_arn;
  char *external_id;
  char *mfa_serial;
  char *session_name;
  gint duration_seconds;
} AmigoRoleSettings;

void               amigo_role_settings_free   (AmigoRoleSettings       *self);
AmigoRoleSettings *amigo_role_settings_copy   (const AmigoRoleSettings *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoRoleSettings, amigo_role_settings_free)

/**
 * AmigoSwitchRoleRequest:
 * @source: the credentials of the account the role is assumed from
 * @role: the role, its external id, MFA device and session length
 * @label: (nullable): what the MFA prompt names (the account's name)
 * @region: (nullable): where STS is asked (`us-east-1` when %NULL)
 *
 * A switch to a role, for amigo_credential_chain_switch_role_async().
 */
typedef struct {
  AmigoCredentials *source;
  const AmigoRoleSettings *role;
  const char *label;
  const char *region;
} AmigoSwitchRoleRequest;

AMIGO_DECLARE_ASYNC (AmigoAwsConfig, AmigoCredentials *, amigo_credential_chain_switch_role,
                     const AmigoSwitchRoleRequest *request);

G_END_DECLS
