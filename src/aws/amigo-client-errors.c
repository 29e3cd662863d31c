/* amigo-client-errors.c — what a failed answer or connection means
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place that classifies failures for every protocol: which AWS codes
 * are throttling, transient, a skewed clock, refused or expired credentials,
 * and the words for answers that are no AWS error at all (a web page, an
 * empty body, a connection cut short). Reading an error document is the
 * protocol's job (AmigoErrorParser); deciding what it means is done here.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "amigo-client-private.h"
#include "amigo-error.h"
#include "amigo-protocol.h"

/* botocore retries/standard.py, ThrottledRetryableChecker */
static const char * const throttling_codes[] = {
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "RequestThrottledException",
  "TooManyRequestsException",
  "ProvisionedThroughputExceededException",
  "TransactionInProgressException",
  "RequestLimitExceeded",
  "BandwidthLimitExceeded",
  "LimitExceededException",
  "RequestThrottled",
  "SlowDown",
  "PriorRequestNotComplete",
  "EC2ThrottledException",
  NULL
};

/* botocore's TransientRetryableChecker codes, plus the 5xx codes EC2, STS
 * and SSM use in their documents (their status is retried anyway). */
static const char * const transient_codes[] = {
  "RequestTimeout",
  "RequestTimeoutException",
  "PriorRequestNotComplete",
  "InternalError",
  "InternalFailure",
  "InternalServerError",
  "ServiceUnavailable",
  "Unavailable",
  NULL
};

/* The codes the AWS SDKs (Java, Go v2, JS v3) treat as a clock skew. */
static const char * const clock_skew_codes[] = {
  "RequestTimeTooSkewed",
  "RequestExpired",
  "RequestInTheFuture",
  "InvalidSignatureException",
  "SignatureDoesNotMatch",
  "AuthFailure",
  NULL
};

static const char * const auth_codes[] = {
  "AuthFailure",
  "SignatureDoesNotMatch",
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "IncompleteSignature",
  "InvalidAccessKeyId",
  "InvalidSignatureException",
  "MissingAuthenticationToken",
  "MissingAuthenticationTokenException",
  "RequestTimeTooSkewed",
  "RequestInTheFuture",
  NULL
};

static const char * const expired_codes[] = {
  "ExpiredToken",
  "ExpiredTokenException",
  "RequestExpired",
  NULL
};
static gboolean
code_in (const char * const *list,
         const char         *code)
{
  return code != NULL && g_strv_contains (list, code);
}

gboolean
_amigo_client_is_throttling_code (const char *aws_code)
{
  return code_in (throttling_codes, aws_code);
}

gboolean
_amigo_client_is_transient_code (const char *aws_code)
{
  return code_in (transient_codes, aws_code);
}

gboolean
_amigo_client_is_clock_skew_code (const char *aws_code)
{
  return code_in (clock_skew_codes, aws_code);
}

gboolean
_amigo_client_status_is_transient (guint status)
{
  return status == 500 || status == 502 || status == 503 || status == 504;
}

/* ---- what an answer means -------------------------------------------- */

static gboolean
looks_like_html (const char *content_type,
                 const char *body,
                 gsize       len)
{
  gsize i = 0;

  if (content_type != NULL &&
      (g_ascii_strcasecmp (content_type, "text/html") == 0 ||
       g_ascii_strcasecmp (content_type, "application/xhtml+xml") == 0))
    return TRUE;

  if (len >= 3 && memcmp (body, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < len && g_ascii_isspace (body[i]))
    i++;
  return (len - i >= 14 && g_ascii_strncasecmp (body + i, "<!doctype html", 14) == 0) ||
         (len - i >= 5 && g_ascii_strncasecmp (body + i, "<html", 5) == 0);
}

/* Sets a people-readable message on an error that keeps its details. */
GError *
_amigo_client_error_with_message (AmigoAwsErrorCode  code,
                                  const char        *aws_code,
                                  const char        *aws_message,
                                  const char        *request_id,
                                  guint              status,
                                  gboolean           retryable,
                                  char              *message)
{
  GError *error = amigo_aws_error_new_service (code, aws_code, aws_message,
                                               request_id, status, retryable);
  g_free (error->message);
  error->message = message;
  return error;
}

/* The guess for a request that names no protocol: a JSON content type
 * is JSON; anything else is tried as an XML document (EC2, query), then
 * as JSON. */
static gboolean
parse_any_error (guint               status,
                 SoupMessageHeaders *headers,
                 const char         *body,
                 gsize               len,
                 AmigoErrorParts    *parts)
{
  const char *content_type = headers ? soup_message_headers_get_content_type (headers, NULL) : NULL;

  if (content_type != NULL && strstr (content_type, "json") != NULL)
    return amigo_protocol_json_parse_error (status, headers, body, len, parts);
  return amigo_protocol_query_parse_error (status, headers, body, len, parts) ||
         amigo_protocol_json_parse_error (status, headers, body, len, parts);
}

/**
 * _amigo_client_error_from_answer:
 *
 * The error for a non-2xx answer, read by @parser (the request's protocol;
 * %NULL guesses): an AWS error document becomes SERVICE, AUTH, EXPIRED or
 * THROTTLED with AWS's code, message and request id; anything else says in
 * words what the server did. The one place that classifies.
 */
GError *
_amigo_client_error_from_answer (AmigoErrorParser    parser,
                                 const char         *host,
                                 guint               status,
                                 SoupMessageHeaders *headers,
                                 const char         *body,
                                 gsize               len)
{
  g_auto(AmigoErrorParts) parts = { 0 };
  g_autofree char *request_id = NULL;
  const char *content_type = NULL;
  const char *phrase = soup_status_get_phrase (status);
  const char *code;
  const char *message;
  gboolean retryable;
  AmigoAwsErrorCode kind;
  gboolean parsed;

  if (phrase == NULL)
    phrase = "unknown status";
  if (headers != NULL)
    {
      content_type = soup_message_headers_get_content_type (headers, NULL);
      request_id = g_strdup (soup_message_headers_get_one (headers, "x-amzn-RequestId"));
      if (request_id == NULL)
        request_id = g_strdup (soup_message_headers_get_one (headers, "x-amz-request-id"));
    }

  parsed = (parser ? parser : parse_any_error) (status, headers, body, len, &parts);
  if (parsed && (parts.code == NULL || *g_strstrip (parts.code) == '\0'))
    parsed = FALSE;
  if (parts.request_id != NULL && *g_strstrip (parts.request_id) != '\0')
    {
      g_free (request_id);
      request_id = g_steal_pointer (&parts.request_id);
    }
  if (parts.message != NULL)
    g_strstrip (parts.message);
  code = parts.code;
  message = parts.message;

  retryable = _amigo_client_status_is_transient (status);

  if (!parsed)
    {
      /* Not an AWS error: say what came instead. */
      char *words;

      if (len > 0 && looks_like_html (content_type, body, len))
        words = g_strdup_printf (_("The server %s answered HTTP %u (%s) with a web "
                                   "page instead of an AWS answer. Check the endpoint "
                                   "address and any proxy in between, or try again later."),
                                 host, status, phrase);
      else if (len == 0)
        words = g_strdup_printf (_("The server %s answered HTTP %u (%s) without "
                                   "an AWS error document. Try again later; if it "
                                   "goes on, check the endpoint address."),
                                 host, status, phrase);
      else
        words = g_strdup_printf (_("The server %s answered HTTP %u (%s) with "
                                   "something that is not an AWS error document. "
                                   "Check the endpoint address."),
                                 host, status, phrase);
      return _amigo_client_error_with_message (len == 0 ? AMIGO_AWS_ERROR_SERVICE
                                                        : AMIGO_AWS_ERROR_BAD_RESPONSE,
                                               NULL, NULL, request_id, status, retryable, words);
    }

  if (_amigo_client_is_throttling_code (code))
    {
      kind = AMIGO_AWS_ERROR_THROTTLED;
      retryable = TRUE;
    }
  else if (code_in (expired_codes, code))
    kind = AMIGO_AWS_ERROR_EXPIRED;
  else if (code_in (auth_codes, code))
    kind = AMIGO_AWS_ERROR_AUTH;
  else
    kind = AMIGO_AWS_ERROR_SERVICE;

  if (_amigo_client_is_transient_code (code))
    retryable = TRUE;

  if (kind == AMIGO_AWS_ERROR_THROTTLED)
    {
      /* Only seen once the retries are spent: say what to do, then AWS's words. */
      g_autoptr(GError) plain = amigo_aws_error_new_service (kind, code, message, request_id,
                                                             status, retryable);

      return _amigo_client_error_with_message (kind, code, message, request_id, status, retryable,
                                               /* Translators: %s is AWS's message and code,
                                                * e.g. “Request limit exceeded. (RequestLimitExceeded)” */
                                               g_strdup_printf (_("AWS is limiting requests; wait a "
                                                                "moment and try again. AWS said: %s"),
                                                                plain->message));
    }

  return amigo_aws_error_new_service (kind, code, message, request_id, status, retryable);
}

GError *
_amigo_client_error_from_response (const char         *host,
                                   guint               status,
                                   SoupMessageHeaders *headers,
                                   const char         *body,
                                   gsize               len)
{
  return _amigo_client_error_from_answer (NULL, host, status, headers, body, len);
}

static gboolean
io_error_is_retryable (const GError *cause)
{
  if (cause->domain == G_IO_ERROR)
    switch (cause->code)
      {
      case G_IO_ERROR_TIMED_OUT:
      case G_IO_ERROR_CONNECTION_REFUSED:
      case G_IO_ERROR_CONNECTION_CLOSED:
      case G_IO_ERROR_HOST_UNREACHABLE:
      case G_IO_ERROR_NETWORK_UNREACHABLE:
      case G_IO_ERROR_NOT_CONNECTED:
      case G_IO_ERROR_PARTIAL_INPUT:
      case G_IO_ERROR_FAILED:
      case G_IO_ERROR_BUSY:
        return TRUE;
      default:
        return FALSE;
      }
  return g_error_matches (cause, G_RESOLVER_ERROR, G_RESOLVER_ERROR_TEMPORARY_FAILURE);
}
GError *
_amigo_client_short_body_error (const char *host,
                                guint       status,
                                guint64     received,
                                guint64     expected)
{
  g_autofree char *got = g_strdup_printf ("%" G_GUINT64_FORMAT, received);
  g_autofree char *of = g_strdup_printf ("%" G_GUINT64_FORMAT, expected);

  return _amigo_client_error_with_message (AMIGO_AWS_ERROR_BAD_RESPONSE, NULL, NULL, NULL,
                                           status, TRUE,
                                           /* Translators: the second and third %s are byte counts */
                                           g_strdup_printf (_("The answer from %s was cut off before "
                                                            "its end (%s of %s bytes arrived). "
                                                            "Try again."), host, got, of));
}

/* Words for a failed connection, by how far the attempt got: a server that
 * took the request and then went silent was reached, and may have acted on
 * it. */
GError *
_amigo_client_transport_error (const char     *host,
                               const GError   *cause,
                               AmigoCallStage  stage,
                               gboolean       *retryable)
{
  *retryable = io_error_is_retryable (cause);

  if (cause->domain == G_TLS_ERROR)
    {
      *retryable = FALSE;
      return g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NETWORK,
                          _("The secure connection to %s could not be trusted: %s. If a proxy "
                          "or a private endpoint is in between, set AWS_CA_BUNDLE to its "
                          "CA certificate."), host, cause->message);
    }

  if (stage == AMIGO_CALL_STAGE_READING && *retryable &&
      !g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                        _("The answer from %s was cut off before its end (%s). "
                        "Try again."), host, cause->message);

  if (stage != AMIGO_CALL_STAGE_CONNECTING &&
      (g_error_matches (cause, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_PARSING) ||
       g_error_matches (cause, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_ENCODING)))
    return g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                        _("The server %s answered with something that is not HTTP (%s). "
                        "Check the endpoint address."), host, cause->message);

  if (stage != AMIGO_CALL_STAGE_CONNECTING && g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NETWORK,
                        _("The server %s stopped answering (%s). Try again later."),
                        host, cause->message);

  if (stage != AMIGO_CALL_STAGE_CONNECTING && *retryable)
    return g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NETWORK,
                        _("The connection to %s was lost before it answered (%s). Try "
                        "again; if it goes on, check the network and any proxy in between."),
                        host, cause->message);

  return g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NETWORK,
                      _("Could not reach %s: %s. Check the network connection and the "
                      "endpoint address."), host, cause->message);
}
GError *
_amigo_client_clock_far_error (const GError *error,
                               guint         status,
                               const char   *host,
                               gint64        seconds_off)
{
  const AmigoAwsErrorDetails *details = amigo_aws_error_get_details (error);
  gint64 hours = ABS (seconds_off) / 3600;
  int shown = (int) MIN (hours, (gint64) G_MAXINT);

  return _amigo_client_error_with_message (
    error->code, details->aws_code, details->aws_message, details->request_id,
    status, FALSE,
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                  "The server's clock is %d hour off the local one "
                                  "(%s refused the request as %s). Amigo corrects "
                                  "up to a day: set the computer's date and time "
                                  "right, or check the endpoint address.",
                                  "The server's clock is %d hours off the local one "
                                  "(%s refused the request as %s). Amigo corrects "
                                  "up to a day: set the computer's date and time "
                                  "right, or check the endpoint address.",
                                  (gulong) shown),
                     shown, host, details->aws_code));
}
