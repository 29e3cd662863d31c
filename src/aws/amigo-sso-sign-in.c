/* amigo-sso-sign-in.c — IAM Identity Center: signing in, refreshing the
 * token, and a session that hands role credentials to a client
 *
 * Sign-in as the AWS CLI v2 does it (SSO OIDC API Reference):
 *
 *  - RegisterClient (a public client);
 *  - the authorization code grant with PKCE (RFC 7636, S256): a listener on
 *    127.0.0.1 with an ephemeral port receives the redirect
 *    (`/oauth/callback?code=…&state=…`, RFC 8252 7.3), the `state` is
 *    checked, and CreateToken trades the code and the verifier;
 *  - or the device authorization grant (RFC 8628): StartDeviceAuthorization,
 *    the user code shown, CreateToken polled every `interval` seconds,
 *    5 s more after each `slow_down`, until a token, `expired_token`,
 *    `access_denied` or the code's `expiresIn`.
 *
 * Secrets (tokens, client secret, verifier) are never logged nor put in
 * an error message; they are wiped when freed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "amigo-error.h"
#include "amigo-gtask-private.h"
#include "amigo-json-private.h"
#include "amigo-sso-private.h"

#define DEVICE_GRANT "urn:ietf:params:oauth:grant-type:device_code"
#define CALLBACK_PATH "/oauth/callback"

/* botocore's SSOTokenProvider refreshes a token 15 minutes before it expires. */
#define TOKEN_REFRESH_WINDOW_S (15 * 60)

typedef struct {
  AmigoSsoSettings *settings;
  AmigoSsoGrant grant;
  AmigoSsoSignInUi ui;
  gpointer ui_data;
  char *client_id;
  char *client_secret;
  gint64 registration_expires_at;
  /* device code */
  char *device_code;
  guint interval;
  gint64 deadline;
  guint timeout_id;
  /* authorization code */
  SoupServer *server;
  char *verifier;
  char *state;
  char *redirect_uri;
  gboolean code_received;
  gulong cancelled_id;
} SignIn;

static void
sign_in_free (gpointer data)
{
  SignIn *s = data;

  g_clear_handle_id (&s->timeout_id, g_source_remove);
  if (s->server != NULL)
    {
      soup_server_disconnect (s->server);
      g_object_unref (s->server);
    }
  amigo_sso_settings_free (s->settings);
  amigo_secure_free_string (s->client_id);
  amigo_secure_free_string (s->client_secret);
  amigo_secure_free_string (s->device_code);
  amigo_secure_free_string (s->verifier);
  amigo_secure_free_string (s->state);
  g_free (s->redirect_uri);
  g_free (s);
}

static AmigoSsoToken *
token_from_values (JsonObject      *object,
                   const SignIn    *s,
                   const char      *client_id,
                   const char      *client_secret,
                   gint64           registration_expires_at,
                   const char      *old_refresh_token,
                   GError         **error)
{
  AmigoSsoToken *token;
  const char *access = amigo_service_member_string (object, "accessToken");
  const char *refresh = amigo_service_member_string (object, "refreshToken");
  gint64 expires_in = _amigo_sso_member_int (object, "expiresIn");

  if (access == NULL || *access == '\0' || expires_in <= 0)
    {
      g_set_error_literal (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                           _("IAM Identity Center answered the sign-in without a token."));
      return NULL;
    }
  token = g_new0 (AmigoSsoToken, 1);
  token->access_token = g_strdup (access);
  token->expires_at = g_get_real_time () / G_USEC_PER_SEC + expires_in;
  token->refresh_token = g_strdup (refresh != NULL ? refresh : old_refresh_token);
  token->client_id = g_strdup (client_id);
  token->client_secret = g_strdup (client_secret);
  token->registration_expires_at = registration_expires_at;
  if (s != NULL)
    {
      token->region = g_strdup (s->settings->region);
      token->start_url = g_strdup (s->settings->start_url);
    }
  return token;
}

static void
return_token (GTask      *task,
              JsonObject *object)
{
  SignIn *s = g_task_get_task_data (task);
  GError *error = NULL;
  AmigoSsoToken *token = token_from_values (object, s, s->client_id, s->client_secret,
                                            s->registration_expires_at, NULL, &error);

  if (token == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, token, (GDestroyNotify) amigo_sso_token_free);
}

/* ---- the device authorization grant ----------------------------------- */

static void device_poll (GTask *task);

static gboolean
device_poll_timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  SignIn *s = g_task_get_task_data (task);

  s->timeout_id = 0;
  device_poll (task);
  return G_SOURCE_REMOVE;
}

static void
device_wait (GTask *task)
{
  SignIn *s = g_task_get_task_data (task);

  s->timeout_id = g_timeout_add_seconds (s->interval, device_poll_timeout_cb, task);
}

/* A step of the sign-in that an OIDC answer goes on with: the sign-in's
 * task (its reference passes on), its data, the answer's values. */
typedef void (*SignInStep) (GTask      *task,
                            SignIn     *s,
                            JsonObject *output);

typedef struct {
  GTask *task;
  SignInStep step;
} StepCall;

static void
step_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  StepCall *call = user_data;
  GTask *task = call->task;
  SignInStep step = call->step;
  g_autoptr(JsonNode) values = NULL;
  GError *error = NULL;

  g_free (call);
  values = amigo_service_call_finish (AMIGO_SERVICE (source), result, &error);
  if (values == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  step (task, g_task_get_task_data (task), json_node_get_object (values));
}

/* Calls @operation of the sign-in's OIDC service (the task's source) with
 * @params: @step goes on with the answer; a failure ends the sign-in. */
static void
oidc_call (GTask                *task,
           const AmigoOperation *operation,
           JsonNode             *params,
           SignInStep            step)
{
  StepCall *call = g_new0 (StepCall, 1);

  call->task = task;
  call->step = step;
  amigo_service_call_async (g_task_get_source_object (task), operation, params,
                            g_task_get_cancellable (task), step_cb, call);
}

static void
device_token_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  SignIn *s = g_task_get_task_data (task);
  g_autoptr(JsonNode) values = NULL;
  GError *error = NULL;

  values = amigo_service_call_finish (AMIGO_SERVICE (source), result, &error);
  if (values != NULL)
    {
      return_token (task, json_node_get_object (values));
      g_object_unref (task);
      return;
    }
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    ;
  else if (amigo_aws_error_has_aws_code (error, "AuthorizationPendingException") ||
           amigo_aws_error_has_aws_code (error, "SlowDownException"))
    {
      /* RFC 8628 3.5: after slow_down, "the interval MUST be increased by
       * 5 seconds for this and all subsequent requests". */
      if (amigo_aws_error_has_aws_code (error, "SlowDownException"))
        s->interval += 5;
      g_clear_error (&error);
      if (g_get_monotonic_time () + (gint64) s->interval * G_USEC_PER_SEC < s->deadline)
        {
          device_wait (task);
          return;
        }
      error = g_error_new_literal (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SIGN_IN_REQUIRED,
                                   _("The sign-in code has expired before it was approved. "
                                     "Sign in again."));
    }
  else if (amigo_aws_error_has_aws_code (error, "ExpiredTokenException"))
    {
      g_clear_error (&error);
      error = g_error_new_literal (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SIGN_IN_REQUIRED,
                                   _("The sign-in code has expired before it was approved. "
                                     "Sign in again."));
    }
  else if (amigo_aws_error_has_aws_code (error, "AccessDeniedException"))
    {
      g_clear_error (&error);
      error = g_error_new_literal (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_AUTH,
                                   _("The sign-in was refused in the browser."));
    }
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
device_poll (GTask *task)
{
  SignIn *s = g_task_get_task_data (task);
  g_autoptr(JsonNode) params = amigo_service_params ("clientId", s->client_id,
                                                     "clientSecret", s->client_secret,
                                                     "grantType", DEVICE_GRANT,
                                                     "deviceCode", s->device_code, NULL);

  amigo_service_call_async (g_task_get_source_object (task), &amigo_sso_oidc_op_create_token, params,
                            g_task_get_cancellable (task), device_token_cb, task);
}

static void
device_started (GTask      *task,
                SignIn     *s,
                JsonObject *object)
{
  const char *device_code = amigo_service_member_string (object, "deviceCode");
  const char *user_code = amigo_service_member_string (object, "userCode");
  const char *uri = amigo_service_member_string (object, "verificationUri");
  gint64 expires_in = _amigo_sso_member_int (object, "expiresIn");
  gint64 interval = _amigo_sso_member_int (object, "interval");

  if (device_code == NULL || user_code == NULL || uri == NULL)
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                               _("IAM Identity Center did not give a sign-in code."));
      g_object_unref (task);
      return;
    }
  s->device_code = g_strdup (device_code);
  /* RFC 8628 3.2: "If no value is provided, clients MUST use 5 as the default." */
  s->interval = interval > 0 && interval <= 60 ? (guint) interval : 5;
  s->deadline = g_get_monotonic_time () + (expires_in > 0 ? expires_in : 600) * G_USEC_PER_SEC;
  if (s->ui.show_device_code != NULL)
    s->ui.show_device_code (user_code, uri, amigo_service_member_string (object, "verificationUriComplete"),
                            s->ui_data);
  device_wait (task);
}

/* ---- the authorization code grant with PKCE ----------------------------- */

static void
code_token (GTask      *task,
            SignIn     *s,
            JsonObject *output)
{
  return_token (task, output);
  g_object_unref (task);
}

static void
answer_page (SoupServerMessage *msg,
             guint              status,
             const char        *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autofree char *page = g_strdup_printf ("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                                           "<title>Amigo</title></head><body><p>%s</p></body></html>",
                                           escaped);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_COPY,
                                    page, strlen (page));
}

static void
callback_handler (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  GTask *task = user_data;
  SignIn *s = g_task_get_task_data (task);
  const char *state = query != NULL ? g_hash_table_lookup (query, "state") : NULL;
  const char *code = query != NULL ? g_hash_table_lookup (query, "code") : NULL;
  const char *oauth_error = query != NULL ? g_hash_table_lookup (query, "error") : NULL;
  g_autoptr(JsonNode) params = NULL;

  if (s->code_received || g_strcmp0 (path, CALLBACK_PATH) != 0 ||
      g_strcmp0 (soup_server_message_get_method (msg), "GET") != 0)
    {
      answer_page (msg, SOUP_STATUS_NOT_FOUND, _("This page is not part of the sign-in."));
      return;
    }
  /* RFC 6749 10.12: a redirect without our state is not ours. */
  if (state == NULL || strcmp (state, s->state) != 0)
    {
      answer_page (msg, SOUP_STATUS_BAD_REQUEST, _("This sign-in answer does not belong to Amigo’s "
                                                   "sign-in. Try signing in again."));
      return;
    }
  s->code_received = TRUE;
  if (s->cancelled_id != 0)
    {
      g_cancellable_disconnect (g_task_get_cancellable (task), s->cancelled_id);
      s->cancelled_id = 0;
    }
  if (oauth_error != NULL || code == NULL)
    {
      answer_page (msg, SOUP_STATUS_OK, _("The sign-in was refused. You can close this page."));
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_AUTH,
                               g_strcmp0 (oauth_error, "access_denied") == 0
                               ? _("The sign-in was refused in the browser.")
                               : _("The sign-in failed in the browser."));
      g_object_unref (task);
      return;
    }
  answer_page (msg, SOUP_STATUS_OK, _("Signed in. You can close this page and go back to Amigo."));
  params = amigo_service_params ("clientId", s->client_id, "clientSecret", s->client_secret,
                                 "grantType", "authorization_code", "code", code,
                                 "redirectUri", s->redirect_uri, "codeVerifier", s->verifier, NULL);
  oidc_call (task, &amigo_sso_oidc_op_create_token, params, code_token);
}

static gboolean
code_cancelled_idle (gpointer user_data)
{
  GTask *task = user_data;

  g_task_return_error_if_cancelled (task);
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

static void
code_cancelled_cb (GCancellable *cancellable,
                   gpointer      user_data)
{
  g_idle_add (code_cancelled_idle, user_data);
}

static void
code_start (GTask *task)
{
  SignIn *s = g_task_get_task_data (task);
  AmigoService *oidc = g_task_get_source_object (task);
  g_autofree char *challenge = NULL;
  g_autofree char *scopes = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GString) query = g_string_new (NULL);
  GSList *uris;
  GError *error = NULL;
  int port = 0;

  s->server = soup_server_new ("server-header", "Amigo", NULL);
  if (!soup_server_listen_local (s->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  uris = soup_server_get_uris (s->server);
  if (uris != NULL)
    port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  s->redirect_uri = g_strdup_printf ("http://127.0.0.1:%d" CALLBACK_PATH, port);
  s->verifier = amigo_sso_pkce_verifier_new ();
  s->state = amigo_sso_random_state_new ();
  challenge = amigo_sso_pkce_challenge (s->verifier);
  scopes = g_strjoinv (" ", s->settings->scopes);
  soup_server_add_handler (s->server, CALLBACK_PATH, callback_handler, task, NULL);

  g_string_append (query, "response_type=code&client_id=");
  g_string_append_uri_escaped (query, s->client_id, NULL, FALSE);
  g_string_append (query, "&redirect_uri=");
  g_string_append_uri_escaped (query, s->redirect_uri, NULL, FALSE);
  g_string_append (query, "&state=");
  g_string_append_uri_escaped (query, s->state, NULL, FALSE);
  g_string_append (query, "&code_challenge=");
  g_string_append_uri_escaped (query, challenge, NULL, FALSE);
  g_string_append (query, "&code_challenge_method=S256&scopes=");
  g_string_append_uri_escaped (query, scopes, NULL, FALSE);
  uri = g_strconcat (amigo_service_get_endpoint_url (oidc),
                     g_str_has_suffix (amigo_service_get_endpoint_url (oidc), "/") ? "" : "/",
                     "authorize?", query->str, NULL);

  if (g_task_get_cancellable (task) != NULL)
    s->cancelled_id = g_cancellable_connect (g_task_get_cancellable (task),
                                             G_CALLBACK (code_cancelled_cb),
                                             g_object_ref (task), g_object_unref);
  if (s->ui.open_uri != NULL)
    s->ui.open_uri (uri, s->ui_data);
}

/* ---- registration ------------------------------------------------------ */

static void
grant_start (GTask *task)
{
  SignIn *s = g_task_get_task_data (task);

  if (s->grant == AMIGO_SSO_GRANT_AUTHORIZATION_CODE)
    code_start (task);
  else
    {
      g_autoptr(JsonNode) params = amigo_service_params ("clientId", s->client_id,
                                                         "clientSecret", s->client_secret,
                                                         "startUrl", s->settings->start_url, NULL);

      oidc_call (task, &amigo_sso_oidc_op_start_device_authorization, params, device_started);
    }
}

static void
registered (GTask      *task,
            SignIn     *s,
            JsonObject *object)
{
  s->client_id = g_strdup (amigo_service_member_string (object, "clientId"));
  s->client_secret = g_strdup (amigo_service_member_string (object, "clientSecret"));
  s->registration_expires_at = _amigo_sso_member_int (object, "clientSecretExpiresAt");
  if (s->client_id == NULL || s->client_secret == NULL)
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                               _("IAM Identity Center did not register Amigo for the sign-in."));
      g_object_unref (task);
      return;
    }
  grant_start (task);
}

/**
 * amigo_sso_sign_in_async:
 * @oidc: the SSO OIDC API of the settings' region
 * @settings: where to sign in
 * @grant: the browser with PKCE, or a device code
 * @ui: what the sign-in asks of the user interface
 * @ui_data: data for @ui's functions
 * @cancellable: (nullable): cancels the sign-in (and closes the listener)
 * @callback: called with the token, or the error
 * @user_data: data for @callback
 *
 * Signs in. Errors: %AMIGO_AWS_ERROR_SIGN_IN_REQUIRED when the device code
 * expired, %AMIGO_AWS_ERROR_AUTH when the user refused, or the service's.
 */
void
amigo_sso_sign_in_async (AmigoSsoOidc           *oidc,
                         const AmigoSsoSettings *settings,
                         AmigoSsoGrant           grant,
                         const AmigoSsoSignInUi *ui,
                         gpointer                ui_data,
                         GCancellable           *cancellable,
                         GAsyncReadyCallback     callback,
                         gpointer                user_data)
{
  static const char * const code_grants[] = { "authorization_code", "refresh_token", NULL };
  static const char * const device_grants[] = { DEVICE_GRANT, "refresh_token", NULL };
  static const char * const redirect_uris[] = { "http://127.0.0.1" CALLBACK_PATH, NULL };
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) params = NULL;
  GTask *task;
  SignIn *s;

  g_return_if_fail (AMIGO_IS_SSO_OIDC (oidc));
  g_return_if_fail (settings != NULL && ui != NULL);

  task = g_task_new (oidc, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_sso_sign_in_async);
  s = g_new0 (SignIn, 1);
  s->settings = amigo_sso_settings_copy (settings);
  s->grant = grant;
  s->ui = *ui;
  s->ui_data = ui_data;
  g_task_set_task_data (task, s, sign_in_free);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "clientName");
  json_builder_add_string_value (builder, "Amigo");
  json_builder_set_member_name (builder, "clientType");
  json_builder_add_string_value (builder, "public");
  _amigo_json_add_strings (builder, "scopes", (const char * const *) settings->scopes);
  _amigo_json_add_strings (builder, "grantTypes", grant == AMIGO_SSO_GRANT_AUTHORIZATION_CODE
                                                  ? code_grants : device_grants);
  if (grant == AMIGO_SSO_GRANT_AUTHORIZATION_CODE)
    {
      _amigo_json_add_strings (builder, "redirectUris", redirect_uris);
      json_builder_set_member_name (builder, "issuerUrl");
      json_builder_add_string_value (builder, settings->start_url);
    }
  json_builder_end_object (builder);
  params = json_builder_get_root (builder);
  oidc_call (task, &amigo_sso_oidc_op_register_client, params, registered);
}

/**
 * amigo_sso_sign_in_finish:
 * @self: the SSO OIDC API
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer full) (nullable): the token, with its refresh token
 *   and client registration
 */
AMIGO_DEFINE_FINISH_POINTER (AmigoSsoOidc, AmigoSsoToken *, amigo_sso_sign_in)

/* ---- refresh ------------------------------------------------------------ */

static void
refreshed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AmigoSsoToken *old = g_task_get_task_data (task);
  g_autoptr(JsonNode) values = NULL;
  GError *error = NULL;
  AmigoSsoToken *token;

  values = amigo_service_call_finish (AMIGO_SERVICE (source), result, &error);
  if (values == NULL)
    {
      if (amigo_aws_error_has_aws_code (error, "InvalidGrantException") ||
          amigo_aws_error_has_aws_code (error, "InvalidClientException") ||
          amigo_aws_error_has_aws_code (error, "ExpiredTokenException") ||
          amigo_aws_error_has_aws_code (error, "UnauthorizedClientException"))
        {
          g_clear_error (&error);
          error = g_error_new_literal (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SIGN_IN_REQUIRED,
                                       _("The IAM Identity Center sign-in has expired. Sign in again."));
        }
      g_task_return_error (task, error);
      return;
    }
  token = token_from_values (json_node_get_object (values), NULL, old->client_id,
                             old->client_secret, old->registration_expires_at,
                             old->refresh_token, &error);
  if (token == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  token->region = g_strdup (old->region);
  token->start_url = g_strdup (old->start_url);
  g_task_return_pointer (task, token, (GDestroyNotify) amigo_sso_token_free);
}

/**
 * amigo_sso_refresh_async:
 * @oidc: the SSO OIDC API
 * @token: a token that amigo_sso_token_can_refresh()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * CreateToken with the `refresh_token` grant. A refused refresh token
 * fails with %AMIGO_AWS_ERROR_SIGN_IN_REQUIRED.
 */
void
amigo_sso_refresh_async (AmigoSsoOidc        *oidc,
                         const AmigoSsoToken *token,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(JsonNode) params = NULL;
  GTask *task;

  g_return_if_fail (AMIGO_IS_SSO_OIDC (oidc));
  g_return_if_fail (token != NULL);

  task = g_task_new (oidc, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_sso_refresh_async);
  g_task_set_task_data (task, amigo_sso_token_copy (token), (GDestroyNotify) amigo_sso_token_free);
  if (!amigo_sso_token_can_refresh (token, g_get_real_time () / G_USEC_PER_SEC))
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SIGN_IN_REQUIRED,
                               _("The IAM Identity Center sign-in has expired. Sign in again."));
      g_object_unref (task);
      return;
    }
  params = amigo_service_params ("clientId", token->client_id, "clientSecret", token->client_secret,
                                 "grantType", "refresh_token", "refreshToken", token->refresh_token, NULL);
  amigo_service_call_async (AMIGO_SERVICE (oidc), &amigo_sso_oidc_op_create_token, params, cancellable,
                            refreshed_cb, task);
}

/**
 * amigo_sso_refresh_finish:
 * @self: the SSO OIDC API
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer full) (nullable): the new token
 */
AMIGO_DEFINE_FINISH_POINTER (AmigoSsoOidc, AmigoSsoToken *, amigo_sso_refresh)

/* ---- a session ---------------------------------------------------------- */

struct _AmigoSsoSession
{
  GObject parent_instance;

  AmigoAwsConfig *config;
  AmigoSsoSettings *settings;
  AmigoClient *client;
  AmigoSsoOidc *oidc;
  AmigoSsoPortal *portal;
  AmigoSsoToken *token;
  GPtrArray *waiting;           /* GTask* of get_token while a refresh runs */
  gboolean refreshing;
  gboolean keyring_checked;
};

static gboolean keyring_enabled;

/**
 * amigo_sso_set_keyring_enabled:
 * @enabled: whether sessions keep their tokens in the keyring (and look
 *   for them there first)
 *
 * Off by default, so that tests without a keyring do not wait for one;
 * the application turns it on at start.
 */
void
amigo_sso_set_keyring_enabled (gboolean enabled)
{
  keyring_enabled = enabled;
}

static void
keyring_stored_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!amigo_sso_keyring_store_finish (result, &error))
    g_warning ("%s", error->message);
}

static void
keep_token (AmigoSsoSession *self)
{
  if (keyring_enabled && self->token != NULL)
    amigo_sso_keyring_store_async (self->settings, self->token, NULL, keyring_stored_cb, NULL);
}

G_DEFINE_FINAL_TYPE (AmigoSsoSession, amigo_sso_session, G_TYPE_OBJECT)

static void
amigo_sso_session_finalize (GObject *object)
{
  AmigoSsoSession *self = AMIGO_SSO_SESSION (object);

  g_clear_object (&self->config);
  amigo_sso_settings_free (self->settings);
  g_clear_object (&self->client);
  g_clear_object (&self->oidc);
  g_clear_object (&self->portal);
  amigo_sso_token_free (self->token);
  g_ptr_array_unref (self->waiting);
  G_OBJECT_CLASS (amigo_sso_session_parent_class)->finalize (object);
}

static void
amigo_sso_session_class_init (AmigoSsoSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = amigo_sso_session_finalize;
}

static void
amigo_sso_session_init (AmigoSsoSession *self)
{
  self->waiting = g_ptr_array_new ();
}

static const char *
endpoint_from_env (AmigoAwsConfig *config,
                   const char     *variable)
{
  const char *url = amigo_aws_config_getenv (config, variable);

  if (url == NULL || *url == '\0')
    url = amigo_aws_config_getenv (config, "AWS_ENDPOINT_URL");
  return url != NULL && *url != '\0' ? url : NULL;
}

/**
 * amigo_sso_session_new:
 * @config: the AWS CLI's configuration (its environment names the
 *   endpoints: `AWS_ENDPOINT_URL_SSO_OIDC`, `AWS_ENDPOINT_URL_SSO`, or
 *   `AWS_ENDPOINT_URL`, as botocore reads them)
 * @settings: where to sign in
 *
 * Returns: (transfer full): a session with no token yet
 */
AmigoSsoSession *
amigo_sso_session_new (AmigoAwsConfig         *config,
                       const AmigoSsoSettings *settings)
{
  AmigoSsoSession *self;

  g_return_val_if_fail (AMIGO_IS_AWS_CONFIG (config), NULL);
  g_return_val_if_fail (settings != NULL, NULL);

  self = g_object_new (AMIGO_TYPE_SSO_SESSION, NULL);
  self->config = g_object_ref (config);
  self->settings = amigo_sso_settings_copy (settings);
  self->client = amigo_client_new (NULL);
  self->oidc = amigo_sso_oidc_new (self->client, settings->region,
                                   endpoint_from_env (config, "AWS_ENDPOINT_URL_SSO_OIDC"));
  self->portal = amigo_sso_portal_new (self->client, settings->region,
                                       endpoint_from_env (config, "AWS_ENDPOINT_URL_SSO"));
  return self;
}

const AmigoSsoSettings *
amigo_sso_session_get_settings (AmigoSsoSession *self)
{
  g_return_val_if_fail (AMIGO_IS_SSO_SESSION (self), NULL);
  return self->settings;
}

AmigoSsoOidc *
amigo_sso_session_get_oidc (AmigoSsoSession *self)
{
  g_return_val_if_fail (AMIGO_IS_SSO_SESSION (self), NULL);
  return self->oidc;
}

AmigoSsoPortal *
amigo_sso_session_get_portal (AmigoSsoSession *self)
{
  g_return_val_if_fail (AMIGO_IS_SSO_SESSION (self), NULL);
  return self->portal;
}

/**
 * amigo_sso_session_set_token:
 * @self: a session
 * @token: (nullable): the token of a sign-in (copied)
 */
void
amigo_sso_session_set_token (AmigoSsoSession     *self,
                             const AmigoSsoToken *token)
{
  g_return_if_fail (AMIGO_IS_SSO_SESSION (self));

  g_clear_pointer (&self->token, amigo_sso_token_free);
  if (token != NULL)
    self->token = amigo_sso_token_copy (token);
  self->keyring_checked = TRUE;
  keep_token (self);
}

/**
 * amigo_sso_session_load_cli_cache:
 * @self: a session
 *
 * Takes the AWS CLI's cached token (`aws sso login`) when it is still
 * valid or can be refreshed, and the session has none. Reads the file;
 * never writes it.
 *
 * Returns: whether a token was taken
 */
gboolean
amigo_sso_session_load_cli_cache (AmigoSsoSession *self)
{
  g_autofree char *path = NULL;
  g_autoptr(AmigoSsoToken) token = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_val_if_fail (AMIGO_IS_SSO_SESSION (self), FALSE);

  if (self->token != NULL)
    return FALSE;
  path = amigo_sso_cache_path (amigo_aws_config_get_environ (self->config),
                               amigo_sso_settings_get_cache_key (self->settings));
  token = amigo_sso_token_load_cache (path, &error);
  if (token == NULL)
    {
      g_debug ("IAM Identity Center: no usable AWS CLI cache for this session: %s", error->message);
      return FALSE;
    }
  /* Only a token of this start URL (legacy caches may lack it). */
  if (token->start_url != NULL && g_strcmp0 (token->start_url, self->settings->start_url) != 0)
    return FALSE;
  if (!amigo_sso_token_is_valid (token, now) && !amigo_sso_token_can_refresh (token, now))
    return FALSE;
  self->token = g_steal_pointer (&token);
  return TRUE;
}

static void
finish_waiting (AmigoSsoSession *self,
                const GError    *error)
{
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&self->waiting);

  self->waiting = g_ptr_array_new ();
  for (guint i = 0; i < waiting->len; i++)
    {
      GTask *task = g_ptr_array_index (waiting, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_pointer (task, g_strdup (self->token->access_token),
                               (GDestroyNotify) amigo_secure_free_string);
      g_object_unref (task);
    }
}

static void
session_refreshed_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(AmigoSsoSession) self = user_data;
  g_autoptr(GError) error = NULL;
  AmigoSsoToken *token;

  self->refreshing = FALSE;
  token = amigo_sso_refresh_finish (AMIGO_SSO_OIDC (source), result, &error);
  if (token != NULL)
    {
      amigo_sso_token_free (self->token);
      self->token = token;
      keep_token (self);
      finish_waiting (self, NULL);
      return;
    }
  /* A refresh that failed while the token still lasts: use it on. */
  if (self->token != NULL && amigo_sso_token_is_valid (self->token, g_get_real_time () / G_USEC_PER_SEC))
    {
      g_debug ("IAM Identity Center: the token could not be refreshed yet: %s", error->message);
      finish_waiting (self, NULL);
      return;
    }
  finish_waiting (self, error);
}

/**
 * amigo_sso_session_get_token_async:
 * @self: a session
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the access token
 * @user_data: data for @callback
 *
 * The access token, refreshed first (one refresh at a time) when it has
 * less than 15 minutes left and can be. Without one, or when it has
 * expired and cannot be refreshed: %AMIGO_AWS_ERROR_SIGN_IN_REQUIRED.
 */
void
amigo_sso_session_get_token_async (AmigoSsoSession     *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_if_fail (AMIGO_IS_SSO_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_sso_session_get_token_async);

  if (self->token == NULL)
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SIGN_IN_REQUIRED,
                               _("Sign in to IAM Identity Center to use this account."));
      return;
    }
  if (self->token->expires_at - now > TOKEN_REFRESH_WINDOW_S ||
      (amigo_sso_token_is_valid (self->token, now) && !amigo_sso_token_can_refresh (self->token, now)))
    {
      g_task_return_pointer (task, g_strdup (self->token->access_token),
                             (GDestroyNotify) amigo_secure_free_string);
      return;
    }
  g_ptr_array_add (self->waiting, g_steal_pointer (&task));
  if (!self->refreshing)
    {
      self->refreshing = TRUE;
      amigo_sso_refresh_async (self->oidc, self->token, NULL, session_refreshed_cb,
                               g_object_ref (self));
    }
}

/**
 * amigo_sso_session_get_token_finish:
 * @self: a session
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer full) (nullable): the access token (a secret: free it
 *   with amigo_secure_free_string())
 */
AMIGO_DEFINE_FINISH_POINTER (AmigoSsoSession, char *, amigo_sso_session_get_token)

/* ---- role credentials for a client --------------------------------------- */

/* A role's credentials through a session: its token, then
 * GetRoleCredentials. For a client's refresh and for the credential
 * chain's IAM Identity Center provider. */
typedef struct {
  AmigoSsoSession *session;
  char *account_id;
  char *role_name;
} RoleRequest;

static void
role_request_free (gpointer data)
{
  RoleRequest *r = data;

  g_clear_object (&r->session);
  g_free (r->account_id);
  g_free (r->role_name);
  g_free (r);
}

static void
role_credentials_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;
  AmigoCredentials *credentials;

  credentials = amigo_sso_portal_get_role_credentials_finish (AMIGO_SSO_PORTAL (source), result, &error);
  if (credentials == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, credentials, (GDestroyNotify) amigo_credentials_unref);
  g_object_unref (task);
}

static void
role_token_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  RoleRequest *r = g_task_get_task_data (task);
  GError *error = NULL;
  char *token;

  token = amigo_sso_session_get_token_finish (AMIGO_SSO_SESSION (source), result, &error);
  if (token == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  amigo_sso_portal_get_role_credentials_async (r->session->portal, token, r->account_id,
                                               r->role_name, g_task_get_cancellable (task),
                                               role_credentials_cb, task);
  amigo_secure_free_string (token);
}

static void
role_refresh_func (AmigoClient *client,
                   GTask       *task,
                   gpointer     user_data)
{
  RoleRequest *r = user_data;

  /* The task's data is free: keep what the callbacks need there. */
  g_task_set_task_data (task, r, NULL);
  amigo_sso_session_get_token_async (r->session, g_task_get_cancellable (task), role_token_cb, task);
}

/**
 * amigo_sso_session_attach_to_client:
 * @self: a session
 * @client: an account's client
 * @account_id: the account
 * @role_name: the role in it
 *
 * Makes @client get its credentials from GetRoleCredentials, and get new
 * ones before they expire (the client's refresh windows). When the token
 * has expired for good, its calls fail with
 * %AMIGO_AWS_ERROR_SIGN_IN_REQUIRED.
 */
void
amigo_sso_session_attach_to_client (AmigoSsoSession *self,
                                    AmigoClient     *client,
                                    const char      *account_id,
                                    const char      *role_name)
{
  RoleRequest *r;

  g_return_if_fail (AMIGO_IS_SSO_SESSION (self));
  g_return_if_fail (AMIGO_IS_CLIENT (client));
  g_return_if_fail (account_id != NULL && role_name != NULL);

  r = g_new0 (RoleRequest, 1);
  r->session = g_object_ref (self);
  r->account_id = g_strdup (account_id);
  r->role_name = g_strdup (role_name);
  amigo_client_set_credentials_refresh_func (client, role_refresh_func, r, role_request_free);
}

/* ---- sessions shared by every account of the process ---------------------- */

static GHashTable *shared_sessions;   /* key → AmigoSsoSession* (main thread only) */

static char *
shared_key (const AmigoSsoSettings *settings)
{
  g_autofree char *scopes = g_strjoinv (",", settings->scopes);

  return g_strjoin ("\n", settings->session_name != NULL ? settings->session_name : "",
                    settings->start_url, settings->region, scopes, NULL);
}

/**
 * amigo_sso_session_get_shared:
 * @config: the AWS CLI's configuration
 * @settings: where to sign in
 *
 * The one session of these settings in this process, so that every
 * account signed in through it shares its token (and one sign-in serves
 * them all). Main thread only.
 *
 * Returns: (transfer full): the session
 */
AmigoSsoSession *
amigo_sso_session_get_shared (AmigoAwsConfig         *config,
                              const AmigoSsoSettings *settings)
{
  g_autofree char *key = NULL;
  AmigoSsoSession *session;

  g_return_val_if_fail (AMIGO_IS_AWS_CONFIG (config), NULL);
  g_return_val_if_fail (settings != NULL, NULL);

  if (shared_sessions == NULL)
    shared_sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  key = shared_key (settings);
  session = g_hash_table_lookup (shared_sessions, key);
  if (session == NULL)
    {
      session = amigo_sso_session_new (config, settings);
      g_hash_table_insert (shared_sessions, g_steal_pointer (&key), session);
    }
  return g_object_ref (session);
}

/**
 * amigo_sso_forget_shared_sessions:
 *
 * Drops every shared session and its token (for tests, and signing out).
 */
void
amigo_sso_forget_shared_sessions (void)
{
  g_clear_pointer (&shared_sessions, g_hash_table_unref);
}

static void
resolve_get_token (GTask *task)
{
  RoleRequest *r = g_task_get_task_data (task);

  amigo_sso_session_load_cli_cache (r->session);
  amigo_sso_session_get_token_async (r->session, g_task_get_cancellable (task), role_token_cb, task);
}

static void
resolve_keyring_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  RoleRequest *r = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  AmigoSsoToken *token;

  token = amigo_sso_keyring_lookup_finish (result, &error);
  if (error != NULL)
    g_debug ("IAM Identity Center: %s", error->message);
  r->session->keyring_checked = TRUE;
  if (token != NULL && r->session->token == NULL)
    r->session->token = token;
  else
    amigo_sso_token_free (token);
  resolve_get_token (task);
}

/* Starts @task (whose source object is @config) on @settings' shared
 * session. */
static void
resolve_start (AmigoAwsConfig         *config,
               const AmigoSsoSettings *settings,
               GTask                  *task)
{
  RoleRequest *r;

  r = g_new0 (RoleRequest, 1);
  r->session = amigo_sso_session_get_shared (config, settings);
  r->account_id = g_strdup (settings->account_id);
  r->role_name = g_strdup (settings->role_name);
  g_task_set_task_data (task, r, role_request_free);
  if (keyring_enabled && !r->session->keyring_checked && r->session->token == NULL)
    {
      amigo_sso_keyring_lookup_async (settings, g_task_get_cancellable (task),
                                      resolve_keyring_cb, task);
      return;
    }
  resolve_get_token (task);
}

/**
 * amigo_sso_resolve_credentials_async:
 * @config: the AWS CLI's configuration
 * @profile_name: a profile with `sso_session` or `sso_start_url`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the role's credentials
 * @user_data: data for @callback
 *
 * The credential chain's IAM Identity Center provider: the profile's
 * shared session (its token from a sign-in in the app, else the AWS CLI's
 * cache), refreshed if need be, then GetRoleCredentials. Without a usable
 * token: %AMIGO_AWS_ERROR_SIGN_IN_REQUIRED, which the GUI answers with its
 * sign-in page.
 */
void
amigo_sso_resolve_credentials_async (AmigoAwsConfig      *config,
                                     const char          *profile_name,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(AmigoSsoSettings) settings = NULL;
  GError *error = NULL;

  task = g_task_new (config, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_sso_resolve_credentials_async);
  settings = amigo_sso_settings_from_profile (config, profile_name, &error);
  if (settings == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  resolve_start (config, settings, g_steal_pointer (&task));
}

/**
 * amigo_sso_resolve_settings_async:
 * @config: the AWS CLI's configuration (for the endpoint overrides)
 * @settings: where to sign in, with the account and role
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the role's credentials
 * @user_data: data for @callback
 *
 * The same as amigo_sso_resolve_credentials_async() for settings of no
 * profile (an account Amigo keeps itself). Finished with
 * amigo_sso_resolve_credentials_finish().
 */
void
amigo_sso_resolve_settings_async (AmigoAwsConfig         *config,
                                  const AmigoSsoSettings *settings,
                                  GCancellable           *cancellable,
                                  GAsyncReadyCallback     callback,
                                  gpointer                user_data)
{
  GTask *task;

  g_return_if_fail (AMIGO_IS_AWS_CONFIG (config));
  g_return_if_fail (settings != NULL && settings->account_id != NULL && settings->role_name != NULL);

  task = g_task_new (config, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_sso_resolve_credentials_async);
  resolve_start (config, settings, task);
}

/**
 * amigo_sso_resolve_credentials_finish:
 * @self: the configuration
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer full) (nullable): the role's credentials
 */
AMIGO_DEFINE_FINISH_POINTER (AmigoAwsConfig, AmigoCredentials *, amigo_sso_resolve_credentials)
