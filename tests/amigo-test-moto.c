/* amigo-test-moto.c — what every engine test program against moto shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "amigo-test-moto.h"

const char *
amigo_test_moto_endpoint (void)
{
  return g_getenv ("AMIGO_TEST_ENDPOINT");
}

gboolean
amigo_test_moto_have_server (void)
{
  if (amigo_test_moto_endpoint () == NULL)
    {
      g_test_skip ("AMIGO_TEST_ENDPOINT is not set: run under tests/moto-harness.sh");
      return FALSE;
    }
  return TRUE;
}

/* ---- results of async calls --------------------------------------------- */

static GAsyncResult *last_result;
static gboolean last_result_taken;

void
amigo_test_result_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      slot)
{
  GAsyncResult **own = slot;

  if (own != NULL)
    {
      g_assert_null (*own);
      *own = g_object_ref (result);
      return;
    }
  /* One call at a time in the shared slot: the last result must have been
   * awaited (or forgotten) before the next arrives. */
  g_assert_true (last_result == NULL || last_result_taken);
  g_set_object (&last_result, result);
  last_result_taken = FALSE;
}

gpointer
amigo_test_next_result (void)
{
  g_clear_object (&last_result);
  return NULL;
}

GAsyncResult *
amigo_test_await_result (void)
{
  while (last_result == NULL || last_result_taken)
    g_main_context_iteration (NULL, TRUE);
  last_result_taken = TRUE;
  return last_result;
}

void
amigo_test_moto_cleanup (void)
{
  g_clear_object (&last_result);
}

/* ---- the servers' test control ------------------------------------------ */

static GBytes *
control_send (const char *base_url,
              const char *method,
              const char *path,
              const char *json)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *reply;

  g_assert_nonnull (base_url);
  url = g_strconcat (base_url, path, NULL);
  msg = soup_message_new (method, url);
  if (json != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

      soup_message_set_request_body_from_bytes (msg, "application/json", body);
    }
  reply = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  return reply;
}

JsonNode *
amigo_test_control (const char *base_url,
                    const char *method,
                    const char *path,
                    const char *json)
{
  g_autoptr(GBytes) reply = control_send (base_url, method, path, json);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (reply, &size);

  if (size == 0)
    return NULL;
  json_parser_load_from_data (parser, data, size, &error);
  g_assert_no_error (error);
  return json_parser_steal_root (parser);
}

void
amigo_test_post (const char *base_url,
                 const char *path,
                 const char *json)
{
  g_bytes_unref (control_send (base_url, "POST", path, json));
}

void
amigo_test_moto_post (const char *path,
                      const char *json)
{
  amigo_test_post (amigo_test_moto_endpoint (), path, json);
}
