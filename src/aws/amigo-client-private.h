/* amigo-client-private.h — AmigoClient internals shared with the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-client.h"

G_BEGIN_DECLS

/* Returns the wall-clock time in Unix microseconds (what signing uses,
 * before the client's offset is added). */
typedef gint64 (*AmigoClockFunc)      (gpointer user_data);
/* Returns a number in [0, 1] for full-jitter backoff. */
typedef double (*AmigoJitterFunc)     (gpointer user_data);
/* Called when a backoff wait starts, after @attempt failed. */
typedef void   (*AmigoBackoffHook)    (gpointer user_data,
                                       guint    attempt,
                                       guint    delay_ms);

void      _amigo_client_set_clock_func   (AmigoClient      *self,
                                          AmigoClockFunc    func,
                                          gpointer          user_data);
void      _amigo_client_set_backoff      (AmigoClient      *self,
                                          guint             throttling_base_ms,
                                          guint             transient_base_ms,
                                          guint             max_backoff_ms);
void      _amigo_client_set_jitter_func  (AmigoClient      *self,
                                          AmigoJitterFunc   func,
                                          gpointer          user_data);
void      _amigo_client_set_backoff_hook (AmigoClient      *self,
                                          AmigoBackoffHook  hook,
                                          gpointer          user_data);

guint     _amigo_client_backoff_delay_ms (AmigoClient      *self,
                                          guint             attempt,
                                          gboolean          throttled,
                                          gint64            retry_after_ms);

gboolean  _amigo_client_is_throttling_code (const char *aws_code);
gboolean  _amigo_client_is_transient_code  (const char *aws_code);
gboolean  _amigo_client_is_clock_skew_code (const char *aws_code);

/* Turns a non-2xx answer into an error; @host names the server in
 * messages; @headers (nullable) are the response headers. */
GError   *_amigo_client_error_from_response (const char         *host,
                                             guint               status,
                                             SoupMessageHeaders *headers,
                                             const char         *body,
                                             gsize               len);

G_END_DECLS
