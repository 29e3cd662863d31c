/* amigo-credential-chain.h — credentials the way the AWS CLI finds them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

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
 * @AMIGO_CREDENTIAL_SOURCE_SSO: IAM Identity Center role credentials
 */
typedef enum {
  AMIGO_CREDENTIAL_SOURCE_ENVIRONMENT,
  AMIGO_CREDENTIAL_SOURCE_CREDENTIALS_FILE,
  AMIGO_CREDENTIAL_SOURCE_PROCESS,
  AMIGO_CREDENTIAL_SOURCE_CONFIG_FILE,
  AMIGO_CREDENTIAL_SOURCE_SSO,
} AmigoCredentialSource;

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

G_END_DECLS
