/* amigo-aws-config.h — the AWS CLI's shared config and credentials files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amigo-client.h"

G_BEGIN_DECLS

/**
 * AmigoAwsFile:
 * @AMIGO_AWS_FILE_NONE: no file
 * @AMIGO_AWS_FILE_CONFIG: the config file (`~/.aws/config`, `AWS_CONFIG_FILE`)
 * @AMIGO_AWS_FILE_CREDENTIALS: the credentials file (`~/.aws/credentials`,
 *   `AWS_SHARED_CREDENTIALS_FILE`)
 *
 * Where a profile, or one of its settings, was found.
 */
typedef enum {
  AMIGO_AWS_FILE_NONE        = 0,
  AMIGO_AWS_FILE_CONFIG      = 1 << 0,
  AMIGO_AWS_FILE_CREDENTIALS = 1 << 1,
} AmigoAwsFile;

/* The default time a credential_process may take before it is killed. */
#define AMIGO_CREDENTIAL_PROCESS_DEFAULT_TIMEOUT_MS 60000

/* ------------------------------------------------------------------------
 * AmigoAwsProfile: one profile, the config file's settings with the
 * credentials file's settings for the same name laid over them (as the
 * AWS CLI does). Immutable and reference counted; every value is wiped from
 * memory when the last reference goes, since some are secrets.
 *
 * Keys are as botocore keeps them: top-level keys lowercased, the keys of a
 * nested sub-section (an indented block after `s3 =`) as written, and both
 * matched case-sensitively.
 * ------------------------------------------------------------------------ */

#define AMIGO_TYPE_AWS_PROFILE (amigo_aws_profile_get_type ())

typedef struct _AmigoAwsProfile AmigoAwsProfile;

GType             amigo_aws_profile_get_type      (void) G_GNUC_CONST;
AmigoAwsProfile  *amigo_aws_profile_ref           (AmigoAwsProfile       *self);
void              amigo_aws_profile_unref         (AmigoAwsProfile       *self);
const char       *amigo_aws_profile_get_name      (const AmigoAwsProfile *self);
AmigoAwsFile      amigo_aws_profile_get_files     (const AmigoAwsProfile *self);
const char       *amigo_aws_profile_get           (const AmigoAwsProfile *self,
                                                   const char            *key);
const char       *amigo_aws_profile_get_in_file   (const AmigoAwsProfile *self,
                                                   AmigoAwsFile           file,
                                                   const char            *key);
gboolean          amigo_aws_profile_has_key       (const AmigoAwsProfile *self,
                                                   const char            *key);
AmigoAwsFile      amigo_aws_profile_get_key_file  (const AmigoAwsProfile *self,
                                                   const char            *key);
char            **amigo_aws_profile_list_keys     (const AmigoAwsProfile *self);
gboolean          amigo_aws_profile_is_sub_section (const AmigoAwsProfile *self,
                                                    const char            *key);
const char       *amigo_aws_profile_get_sub       (const AmigoAwsProfile *self,
                                                   const char            *key,
                                                   const char            *sub_key);
char            **amigo_aws_profile_list_sub_keys (const AmigoAwsProfile *self,
                                                   const char            *key);

/* Shorthands for amigo_aws_profile_get() with the CLI's setting names. */
const char *amigo_aws_profile_get_region                (const AmigoAwsProfile *self);
const char *amigo_aws_profile_get_output                (const AmigoAwsProfile *self);
const char *amigo_aws_profile_get_access_key_id         (const AmigoAwsProfile *self);
const char *amigo_aws_profile_get_secret_access_key     (const AmigoAwsProfile *self);
const char *amigo_aws_profile_get_session_token         (const AmigoAwsProfile *self);
const char *amigo_aws_profile_get_credential_process    (const AmigoAwsProfile *self);
const char *amigo_aws_profile_get_endpoint_url          (const AmigoAwsProfile *self);
const char *amigo_aws_profile_get_role_arn              (const AmigoAwsProfile *self);
const char *amigo_aws_profile_get_source_profile        (const AmigoAwsProfile *self);
const char *amigo_aws_profile_get_services              (const AmigoAwsProfile *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoAwsProfile, amigo_aws_profile_unref)

/* ------------------------------------------------------------------------
 * AmigoAwsConfig: both files, read once, and the environment they were
 * read with. The environment is always given (a GStrv as from
 * g_get_environ()), never read from the process, so tests are hermetic.
 * ------------------------------------------------------------------------ */

#define AMIGO_TYPE_AWS_CONFIG (amigo_aws_config_get_type ())

G_DECLARE_FINAL_TYPE (AmigoAwsConfig, amigo_aws_config, AMIGO, AWS_CONFIG, GObject)

AmigoAwsConfig   *amigo_aws_config_load             (const char * const   *envp,
                                                     GError              **error);
void              amigo_aws_config_load_async       (const char * const   *envp,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
AmigoAwsConfig   *amigo_aws_config_load_finish      (GAsyncResult         *result,
                                                     GError              **error);
AmigoAwsConfig   *amigo_aws_config_load_files       (const char           *config_path,
                                                     const char           *credentials_path,
                                                     const char * const   *envp,
                                                     GError              **error);

const char * const *amigo_aws_config_get_environ    (AmigoAwsConfig       *self);
const char       *amigo_aws_config_getenv           (AmigoAwsConfig       *self,
                                                     const char           *variable);
const char       *amigo_aws_config_get_config_path  (AmigoAwsConfig       *self);
const char       *amigo_aws_config_get_credentials_path (AmigoAwsConfig   *self);

char            **amigo_aws_config_list_profiles    (AmigoAwsConfig       *self);
gboolean          amigo_aws_config_has_profile      (AmigoAwsConfig       *self,
                                                     const char           *name);
AmigoAwsProfile  *amigo_aws_config_get_profile      (AmigoAwsConfig       *self,
                                                     const char           *name);
AmigoAwsProfile  *amigo_aws_config_get_sso_session (AmigoAwsConfig       *self,
                                                     const char           *name);
AmigoAwsProfile  *amigo_aws_config_lookup_profile   (AmigoAwsConfig       *self,
                                                     const char           *name,
                                                     GError              **error);
const char       *amigo_aws_config_get_selected_profile_name (AmigoAwsConfig *self);

char             *amigo_aws_config_resolve_region   (AmigoAwsConfig       *self,
                                                     const char           *profile_name);
char             *amigo_aws_config_get_endpoint_url (AmigoAwsConfig       *self,
                                                     const char           *profile_name,
                                                     const char           *service);
const char       *amigo_aws_config_get_services_value (AmigoAwsConfig     *self,
                                                       const char         *section,
                                                       const char         *service,
                                                       const char         *key);

guint             amigo_aws_config_get_credential_process_timeout (AmigoAwsConfig *self);
void              amigo_aws_config_set_credential_process_timeout (AmigoAwsConfig *self,
                                                                   guint           timeout_ms);

gboolean          amigo_aws_config_get_retry_settings (AmigoAwsConfig     *self,
                                                       const char         *profile_name,
                                                       AmigoRetryMode     *mode,
                                                       guint              *max_attempts,
                                                       GError            **error);
const char       *amigo_aws_config_get_ca_bundle    (AmigoAwsConfig       *self,
                                                     const char           *profile_name,
                                                     gboolean             *from_profile);

/* Exposed for tests: `$VAR`, `${VAR}` and a leading `~` expanded as the
 * CLI does, from @envp. */
char             *amigo_aws_config_expand_path      (const char           *path,
                                                     const char * const   *envp);

G_END_DECLS
