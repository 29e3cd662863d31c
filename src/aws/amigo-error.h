/* amigo-error.h — the AMIGO_AWS_ERROR domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AMIGO_AWS_ERROR (amigo_aws_error_quark ())

/**
 * AmigoAwsErrorCode:
 * @AMIGO_AWS_ERROR_FAILED: anything not listed below
 * @AMIGO_AWS_ERROR_SERVICE: the service answered with an error document; the
 *   AWS code, message and request id are attached (see amigo_aws_error_get_details())
 * @AMIGO_AWS_ERROR_THROTTLED: the service asked us to slow down and retries ran out
 * @AMIGO_AWS_ERROR_AUTH: the credentials were refused (wrong key, wrong secret,
 *   expired token, skewed clock that could not be corrected)
 * @AMIGO_AWS_ERROR_NETWORK: the request never got an answer (DNS, refused, reset, timeout)
 * @AMIGO_AWS_ERROR_BAD_RESPONSE: the answer could not be understood (malformed XML,
 *   an HTML page, a truncated body, wrong content type)
 * @AMIGO_AWS_ERROR_CONFIG: the AWS CLI configuration or a profile is unusable
 * @AMIGO_AWS_ERROR_NO_CREDENTIALS: no credentials could be found for the account
 * @AMIGO_AWS_ERROR_EXPIRED: the credentials have expired
 * @AMIGO_AWS_ERROR_PROCESS: a `credential_process` failed, timed out or printed bad JSON
 * @AMIGO_AWS_ERROR_KEYRING: the keyring is missing, locked or refused the request
 * @AMIGO_AWS_ERROR_INVALID_ARGUMENT: a caller passed a value AWS would refuse
 * @AMIGO_AWS_ERROR_NOT_FOUND: what was asked for does not exist
 * @AMIGO_AWS_ERROR_SIGN_IN_REQUIRED: an IAM Identity Center sign-in is needed
 *   (no token, or it expired and could not be refreshed): the GUI offers to
 *   sign in rather than showing an error page
 */
typedef enum {
  AMIGO_AWS_ERROR_FAILED,
  AMIGO_AWS_ERROR_SERVICE,
  AMIGO_AWS_ERROR_THROTTLED,
  AMIGO_AWS_ERROR_AUTH,
  AMIGO_AWS_ERROR_NETWORK,
  AMIGO_AWS_ERROR_BAD_RESPONSE,
  AMIGO_AWS_ERROR_CONFIG,
  AMIGO_AWS_ERROR_NO_CREDENTIALS,
  AMIGO_AWS_ERROR_EXPIRED,
  AMIGO_AWS_ERROR_PROCESS,
  AMIGO_AWS_ERROR_KEYRING,
  AMIGO_AWS_ERROR_INVALID_ARGUMENT,
  AMIGO_AWS_ERROR_NOT_FOUND,
  AMIGO_AWS_ERROR_SIGN_IN_REQUIRED,
} AmigoAwsErrorCode;

GQuark amigo_aws_error_quark (void);

/* What AWS said, carried inside the GError itself (an extended error domain),
 * so it survives g_error_copy() and g_propagate_error(). */
typedef struct {
  char *aws_code;     /* e.g. "InvalidAMIID.NotFound" */
  char *aws_message;  /* AWS's own words */
  char *request_id;
  guint http_status;
  gboolean retryable;
} AmigoAwsErrorDetails;

GError *amigo_aws_error_new_service (AmigoAwsErrorCode code,
                                     const char       *aws_code,
                                     const char       *aws_message,
                                     const char       *request_id,
                                     guint             http_status,
                                     gboolean          retryable);

const AmigoAwsErrorDetails *amigo_aws_error_get_details (const GError *error);
const char *amigo_aws_error_get_aws_code (const GError *error);
gboolean amigo_aws_error_has_aws_code (const GError *error,
                                       const char   *aws_code);

G_END_DECLS
