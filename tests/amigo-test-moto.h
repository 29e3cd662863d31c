/* amigo-test-moto.h — what every engine test program against moto shares
 *
 * For programs run inside tests/moto-harness.sh (and its sidecars,
 * tests/fault-harness.sh and tests/sso-harness.sh): the server's address
 * and the skip without it; waiting in the main loop for the result of an
 * async call; and the test-control APIs of those servers (moto-launcher.py's
 * /amigo-test/ knobs, the fault proxy's /__fault__, the SSO stand-in's
 * /amigo-test/). No GTK: amigo-test-ui builds on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* AMIGO_TEST_ENDPOINT, the moto server; %NULL outside the harness. */
const char   *amigo_test_moto_endpoint     (void);
/* TRUE inside the harness; otherwise skips the test (g_test_skip) and
 * returns FALSE: `if (!amigo_test_moto_have_server ()) return;` */
gboolean      amigo_test_moto_have_server  (void);

/* ---- results of async calls ---------------------------------------------
 *
 *   amigo_ec2_describe_images_async (ec2, …, amigo_test_result_cb, NULL);
 *   images = amigo_ec2_describe_images_finish (ec2, amigo_test_await_result (), …);
 *
 * The result is kept (referenced) until the next one arrives. Pass a
 * `GAsyncResult **` (starting %NULL, the caller's to unref) instead of %NULL
 * to collect two results at once. */
void          amigo_test_result_cb         (GObject       *source,
                                            GAsyncResult  *result,
                                            gpointer       slot);
/* Forgets the last result; returns %NULL, the user_data of
 * amigo_test_result_cb() for the shared slot. */
gpointer      amigo_test_next_result       (void);
/* Blocks in the main loop until a result arrives in the shared slot, and
 * returns it (owned by the slot). */
GAsyncResult *amigo_test_await_result      (void);

/* ---- the servers' test control ------------------------------------------- */

/* @method @base_url@path with @json (nullable) as its body; fails the test
 * unless the answer is 200. Returns: (transfer full) (nullable): the JSON
 * answer, %NULL when empty. */
JsonNode     *amigo_test_control           (const char    *base_url,
                                            const char    *method,
                                            const char    *path,
                                            const char    *json);
/* POSTs @json (nullable) to @base_url@path; fails the test unless the
 * answer is 200, whatever it says. */
void          amigo_test_post              (const char    *base_url,
                                            const char    *path,
                                            const char    *json);
/* POSTs @json to moto-launcher.py's knob @path (e.g.
 * `/amigo-test/expire-sessions`, tests/README-moto.md). */
void          amigo_test_moto_post         (const char    *path,
                                            const char    *json);

/* At the end of main(): drops the last result. */
void          amigo_test_moto_cleanup      (void);

G_END_DECLS
