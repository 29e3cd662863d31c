/* amigo-aws-config-client.c — what the AWS CLI configures of a client:
 * retries and the certificate authorities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * botocore's configprovider.py: `retry_mode` (AWS_RETRY_MODE),
 * `max_attempts` (AWS_MAX_ATTEMPTS) and `ca_bundle` (AWS_CA_BUNDLE) are read
 * from the environment first, then from the profile.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "amigo-aws-config.h"
#include "amigo-error.h"

/* botocore's legacy _retry.json allows 5 attempts; standard.py 3. */
#define LEGACY_MAX_ATTEMPTS     5
#define STANDARD_MAX_ATTEMPTS   3
#define MAX_MAX_ATTEMPTS        100

static const char *
nonempty (const char *value)
{
  return (value != NULL && *value != '\0') ? value : NULL;
}

/* The environment's @variable, else the profile's @key; @from_profile says
 * which. */
static const char *
lookup (AmigoAwsConfig  *self,
        AmigoAwsProfile *profile,
        const char      *variable,
        const char      *key,
        gboolean        *from_profile)
{
  const char *value = nonempty (amigo_aws_config_getenv (self, variable));

  *from_profile = FALSE;
  if (value != NULL || profile == NULL)
    return value;
  value = nonempty (amigo_aws_profile_get (profile, key));
  *from_profile = value != NULL;
  return value;
}

/**
 * amigo_aws_config_get_retry_settings:
 * @self: a configuration
 * @profile_name: (nullable): the profile whose `retry_mode` and
 *   `max_attempts` count, or %NULL for the environment alone
 * @mode: (out): the retry mode: `standard` unless set (the AWS CLI v2's)
 * @max_attempts: (out): attempts per call, the first included: as set
 *   (0 counts as 1, more than 100 as 100), else 5 in legacy mode and 3
 *   otherwise
 * @error: where an unusable value goes (%AMIGO_AWS_ERROR_CONFIG)
 *
 * `AWS_RETRY_MODE` over the profile's `retry_mode`, `AWS_MAX_ATTEMPTS`
 * over its `max_attempts`, as botocore reads them.
 *
 * Returns: %TRUE unless a value is unusable
 */
gboolean
amigo_aws_config_get_retry_settings (AmigoAwsConfig  *self,
                                     const char      *profile_name,
                                     AmigoRetryMode  *mode,
                                     guint           *max_attempts,
                                     GError         **error)
{
  g_autoptr(AmigoAwsProfile) profile = NULL;
  const char *value;
  gboolean from_profile;
  guint64 attempts;

  g_return_val_if_fail (AMIGO_IS_AWS_CONFIG (self), FALSE);
  g_return_val_if_fail (mode != NULL && max_attempts != NULL, FALSE);

  if (profile_name != NULL)
    profile = amigo_aws_config_get_profile (self, profile_name);

  *mode = AMIGO_RETRY_MODE_STANDARD;
  value = lookup (self, profile, "AWS_RETRY_MODE", "retry_mode", &from_profile);
  if (g_strcmp0 (value, "legacy") == 0)
    *mode = AMIGO_RETRY_MODE_LEGACY;
  else if (g_strcmp0 (value, "adaptive") == 0)
    *mode = AMIGO_RETRY_MODE_ADAPTIVE;
  else if (value != NULL && strcmp (value, "standard") != 0)
    {
      if (from_profile)
        g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                     _("The AWS profile “%s” sets retry_mode to “%s”; it must be legacy, "
                       "standard or adaptive."), profile_name, value);
      else
        g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                     _("AWS_RETRY_MODE is “%s”; it must be legacy, standard or adaptive."),
                     value);
      return FALSE;
    }

  *max_attempts = *mode == AMIGO_RETRY_MODE_LEGACY ? LEGACY_MAX_ATTEMPTS : STANDARD_MAX_ATTEMPTS;
  value = lookup (self, profile, "AWS_MAX_ATTEMPTS", "max_attempts", &from_profile);
  if (value == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT32, &attempts, NULL))
    {
      if (from_profile)
        g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                     _("The AWS profile “%s” sets max_attempts to “%s”, which is not a "
                       "number of attempts."), profile_name, value);
      else
        g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                     _("AWS_MAX_ATTEMPTS is “%s”, which is not a number of attempts."), value);
      return FALSE;
    }
  *max_attempts = (guint) CLAMP (attempts, 1, MAX_MAX_ATTEMPTS);
  return TRUE;
}

/**
 * amigo_aws_config_get_ca_bundle:
 * @self: a configuration
 * @profile_name: (nullable): the profile whose `ca_bundle` counts, or %NULL
 *   for the environment alone
 * @from_profile: (out) (optional): whether the value is the profile's
 *
 * `AWS_CA_BUNDLE` over the profile's `ca_bundle`, as botocore reads them.
 *
 * Returns: (transfer none) (nullable): the file of certificate authorities
 *   to trust, or %NULL for the system's
 */
const char *
amigo_aws_config_get_ca_bundle (AmigoAwsConfig *self,
                                const char     *profile_name,
                                gboolean       *from_profile)
{
  g_autoptr(AmigoAwsProfile) profile = NULL;
  gboolean profile_value;
  const char *value;

  g_return_val_if_fail (AMIGO_IS_AWS_CONFIG (self), NULL);

  if (profile_name != NULL)
    profile = amigo_aws_config_get_profile (self, profile_name);
  value = lookup (self, profile, "AWS_CA_BUNDLE", "ca_bundle", &profile_value);
  if (from_profile != NULL)
    *from_profile = profile_value;
  /* The profile's value lives as long as the configuration does. */
  return value;
}
