/* amigo-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-error.h"

typedef AmigoAwsErrorDetails AmigoAwsErrorPrivate;

static void
amigo_aws_error_private_init (AmigoAwsErrorPrivate *priv)
{
  memset (priv, 0, sizeof *priv);
}

static void
amigo_aws_error_private_copy (const AmigoAwsErrorPrivate *src,
                              AmigoAwsErrorPrivate       *dest)
{
  dest->aws_code = g_strdup (src->aws_code);
  dest->aws_message = g_strdup (src->aws_message);
  dest->request_id = g_strdup (src->request_id);
  dest->http_status = src->http_status;
  dest->retryable = src->retryable;
}

static void
amigo_aws_error_private_clear (AmigoAwsErrorPrivate *priv)
{
  g_clear_pointer (&priv->aws_code, g_free);
  g_clear_pointer (&priv->aws_message, g_free);
  g_clear_pointer (&priv->request_id, g_free);
}

G_DEFINE_EXTENDED_ERROR (AmigoAwsError, amigo_aws_error)

/**
 * amigo_aws_error_new_service:
 * @code: the #AmigoAwsErrorCode
 * @aws_code: (nullable): AWS's error code, e.g. `InvalidAMIID.NotFound`
 * @aws_message: (nullable): AWS's message
 * @request_id: (nullable): the request id AWS gave
 * @http_status: the HTTP status, or 0
 * @retryable: whether trying again later may succeed
 *
 * Builds an error whose message reads "AWS message (Code)" and which keeps
 * each part for amigo_aws_error_get_details().
 *
 * Returns: (transfer full): a new #GError
 */
GError *
amigo_aws_error_new_service (AmigoAwsErrorCode code,
                             const char       *aws_code,
                             const char       *aws_message,
                             const char       *request_id,
                             guint             http_status,
                             gboolean          retryable)
{
  GError *error;
  AmigoAwsErrorPrivate *priv;

  if (aws_code != NULL && aws_message != NULL && *aws_message != '\0')
    error = g_error_new (AMIGO_AWS_ERROR, code, "%s (%s)", aws_message, aws_code);
  else if (aws_code != NULL)
    error = g_error_new_literal (AMIGO_AWS_ERROR, code, aws_code);
  else if (aws_message != NULL)
    error = g_error_new_literal (AMIGO_AWS_ERROR, code, aws_message);
  else
    error = g_error_new (AMIGO_AWS_ERROR, code, "HTTP %u", http_status);

  priv = amigo_aws_error_get_private (error);
  priv->aws_code = g_strdup (aws_code);
  priv->aws_message = g_strdup (aws_message);
  priv->request_id = g_strdup (request_id);
  priv->http_status = http_status;
  priv->retryable = retryable;

  return error;
}

/**
 * amigo_aws_error_get_details:
 * @error: a #GError
 *
 * Returns: (transfer none) (nullable): the details AWS gave, or %NULL when
 *   @error is not in the %AMIGO_AWS_ERROR domain
 */
const AmigoAwsErrorDetails *
amigo_aws_error_get_details (const GError *error)
{
  if (error == NULL || error->domain != AMIGO_AWS_ERROR)
    return NULL;
  return amigo_aws_error_get_private (error);
}

/**
 * amigo_aws_error_get_aws_code:
 * @error: a #GError
 *
 * Returns: (transfer none) (nullable): AWS's error code, if any
 */
const char *
amigo_aws_error_get_aws_code (const GError *error)
{
  const AmigoAwsErrorDetails *d = amigo_aws_error_get_details (error);
  return d ? d->aws_code : NULL;
}

gboolean
amigo_aws_error_has_aws_code (const GError *error,
                              const char   *aws_code)
{
  return g_strcmp0 (amigo_aws_error_get_aws_code (error), aws_code) == 0;
}
