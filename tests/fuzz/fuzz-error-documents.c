/* fuzz-error-documents.c — error answers of every protocol
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks the protocol's error reader (or the client's guess),
 * the second the status; an `x-amzn-ErrorType` header is sent when the
 * third byte is odd. Whatever the body, the client makes one readable
 * GError of it.
 */
#include "config.h"

#include "amigo-client-private.h"
#include "amigo-protocol.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const guint statuses[] = { 400, 401, 403, 404, 409, 429, 500, 503, 301, 0 };
  static const AmigoProtocolKind kinds[] = {
    AMIGO_PROTOCOL_EC2, AMIGO_PROTOCOL_QUERY, AMIGO_PROTOCOL_JSON,
    AMIGO_PROTOCOL_REST_JSON, AMIGO_PROTOCOL_REST_XML,
  };
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  g_autoptr(GError) error = NULL;
  guint which, status, flags;
  AmigoErrorParser parser = NULL;

  fuzz_quiet_logs ();
  which = fuzz_take_uint (&data, &size, 1) % (G_N_ELEMENTS (kinds) + 1);
  status = statuses[fuzz_take_uint (&data, &size, 1) % G_N_ELEMENTS (statuses)];
  flags = fuzz_take_uint (&data, &size, 1);
  if (flags & 1)
    soup_message_headers_append (headers, "x-amzn-ErrorType",
                                 "ThrottlingException:http://internal.amazon.com/");
  if (flags & 2)
    soup_message_headers_append (headers, "x-amzn-RequestId", "fuzz-request");
  if (which < G_N_ELEMENTS (kinds))
    parser = amigo_protocol_error_parser (kinds[which]);

  error = _amigo_client_error_from_answer (parser, "fuzz.example.com", status, headers,
                                           (const char *) data, size);
  g_assert (error != NULL && error->message != NULL);
  g_assert (g_utf8_validate (error->message, -1, NULL));
  return 0;
}
