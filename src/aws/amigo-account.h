/* amigo-account.h — one AWS account as the app sees it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amigo-async.h"
#include "amigo-aws-config.h"
#include "amigo-client.h"
#include "amigo-credential-chain.h"
#include "amigo-credentials.h"
#include "amigo-endpoint.h"
#include "amigo-keyring.h"
#include "amigo-sso-config.h"

G_BEGIN_DECLS

/**
 * AmigoAccountKind:
 * @AMIGO_ACCOUNT_KIND_KEYRING: keys Amigo stores itself, in the keyring
 * @AMIGO_ACCOUNT_KIND_PROFILE: a profile of the AWS CLI's configuration,
 *   read afresh from its files (static keys, `credential_process`, a role
 *   assumed with STS, a web identity)
 * @AMIGO_ACCOUNT_KIND_ENVIRONMENT: `AWS_ACCESS_KEY_ID` and friends, or
 *   without them `AWS_WEB_IDENTITY_TOKEN_FILE` + `AWS_ROLE_ARN`
 * @AMIGO_ACCOUNT_KIND_SSO: a role of an IAM Identity Center account that
 *   Amigo keeps itself (start URL, region, account id and role name: never
 *   a token), its credentials from GetRoleCredentials
 * @AMIGO_ACCOUNT_KIND_ROLE: a role assumed on top of another account
 *   ("switch role"), a new session made before the last one expires
 */
typedef enum {
  AMIGO_ACCOUNT_KIND_KEYRING,
  AMIGO_ACCOUNT_KIND_PROFILE,
  AMIGO_ACCOUNT_KIND_ENVIRONMENT,
  AMIGO_ACCOUNT_KIND_SSO,
  AMIGO_ACCOUNT_KIND_ROLE,
} AmigoAccountKind;

#define AMIGO_TYPE_ACCOUNT (amigo_account_get_type ())

G_DECLARE_FINAL_TYPE (AmigoAccount, amigo_account, AMIGO, ACCOUNT, GObject)

AmigoAccount     *amigo_account_new_keyring          (AmigoKeyring        *keyring,
                                                      AmigoKeyringAccount *stored,
                                                      AmigoAwsConfig      *config);
AmigoAccount     *amigo_account_new_profile          (AmigoAwsConfig      *config,
                                                      const char          *profile_name);
AmigoAccount     *amigo_account_new_environment      (AmigoAwsConfig      *config);
AmigoAccount     *amigo_account_new_sso              (AmigoAwsConfig      *config,
                                                      const char          *name,
                                                      const char          *region,
                                                      const AmigoSsoSettings *settings);
char             *amigo_account_sso_id               (const AmigoSsoSettings *settings);
const AmigoSsoSettings *amigo_account_get_sso_settings (AmigoAccount      *self);
AmigoAccount     *amigo_account_new_role             (AmigoAwsConfig      *config,
                                                      const char          *name,
                                                      const char          *region,
                                                      AmigoAccount        *source,
                                                      const AmigoRoleSettings *role);
char             *amigo_account_role_id              (const char          *source_id,
                                                      const char          *role_arn);
const AmigoRoleSettings *amigo_account_get_role_settings (AmigoAccount    *self);
AmigoAccount     *amigo_account_get_source           (AmigoAccount        *self);
gboolean          amigo_account_environment_is_set   (AmigoAwsConfig      *config);
gboolean          amigo_account_environment_has_web_identity (AmigoAwsConfig *config);
gboolean          amigo_account_dup_web_identity     (AmigoAccount        *self,
                                                      char               **role_arn,
                                                      char               **token_file);

const char       *amigo_account_get_id               (AmigoAccount        *self);
const char       *amigo_account_get_name             (AmigoAccount        *self);
AmigoAccountKind  amigo_account_get_kind             (AmigoAccount        *self);
const char       *amigo_account_get_profile_name     (AmigoAccount        *self);
const char       *amigo_account_get_keyring_id       (AmigoAccount        *self);
const char       *amigo_account_get_default_region   (AmigoAccount        *self);
const char       *amigo_account_get_custom_endpoint  (AmigoAccount        *self);
const char       *amigo_account_get_account_number   (AmigoAccount        *self);
gboolean          amigo_account_get_allow_plain_http (AmigoAccount        *self);
void              amigo_account_set_account_number   (AmigoAccount        *self,
                                                      const char          *account_number);
void              amigo_account_update_stored        (AmigoAccount        *self,
                                                      AmigoKeyringAccount *stored);

AmigoEndpoint    *amigo_account_resolve_endpoint     (AmigoAccount        *self,
                                                      const char          *service,
                                                      const char          *region,
                                                      GError             **error);

AMIGO_DECLARE_ASYNC (AmigoAccount, AmigoClient *, amigo_account_get_client);
void              amigo_account_forget_credentials   (AmigoAccount        *self);

/* AmigoCallerIdentity is declared in amigo-sts.h, which includes this
 * header. */
typedef struct _AmigoCallerIdentity AmigoCallerIdentity;

AMIGO_DECLARE_ASYNC (AmigoAccount, AmigoCallerIdentity *, amigo_account_get_identity);

G_END_DECLS
