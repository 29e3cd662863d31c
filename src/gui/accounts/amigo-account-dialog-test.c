/* amigo-account-dialog-test.c — trying the keys before they are saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "amigo-account-dialog-private.h"
#include "amigo-error.h"
#include "amigo-sts.h"

/* ---- test result ----------------------------------------------------- */

static void
set_test_icon (AmigoAccountDialog *self,
               const char         *icon_name,
               const char         *css_class)
{
  static const char *classes[] = { "success", "error", "warning" };

  gtk_image_set_from_icon_name (self->test_icon, icon_name);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->test_icon), classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->test_icon), css_class);
}

void
_amigo_account_dialog_show_test_state (AmigoAccountDialog *self,
                                       const char         *message)
{
  gboolean running = self->test_state == AMIGO_ACCOUNT_TEST_RUNNING;

  gtk_widget_set_visible (GTK_WIDGET (self->test_spinner), running);
  gtk_spinner_set_spinning (self->test_spinner, running);

  switch (self->test_state)
    {
    case AMIGO_ACCOUNT_TEST_RUNNING:
      set_test_icon (self, "content-loading-symbolic", NULL);
      adw_action_row_set_subtitle (self->test_row, _("Asking AWS…"));
      break;

    case AMIGO_ACCOUNT_TEST_PASSED:
      {
        g_autofree char *text = NULL;

        set_test_icon (self, "emblem-ok-symbolic", "success");
        if (self->tested_arn != NULL && *self->tested_arn != '\0')
          /* Translators: the result of testing the keys: %s is the 12-digit
           * AWS account id, then the ARN of the user or role the keys
           * belong to */
          text = g_strdup_printf (_("Account %s — %s"), self->tested_account_number, self->tested_arn);
        else
          text = g_strdup_printf (_("Account %s"), self->tested_account_number);
        adw_action_row_set_subtitle (self->test_row, text);
      }
      break;

    case AMIGO_ACCOUNT_TEST_FAILED:
      set_test_icon (self, "dialog-error-symbolic", "error");
      adw_action_row_set_subtitle (self->test_row, message);
      break;

    case AMIGO_ACCOUNT_TEST_NONE:
    default:
      set_test_icon (self, "dialog-question-symbolic", NULL);
      if (!_amigo_account_dialog_needs_test (self) && _amigo_account_dialog_is_edit_mode (self))
        adw_action_row_set_subtitle (self->test_row,
                                     _("The stored keys are kept. Test them to check they still work."));
      else
        adw_action_row_set_subtitle (self->test_row,
                                     _("Ask AWS which account these keys belong to"));
      break;
    }
}

/* Something the test checked changed: its result no longer holds. */
void
_amigo_account_dialog_invalidate_test (AmigoAccountDialog *self)
{
  self->generation++;
  g_cancellable_cancel (self->test_cancellable);
  g_clear_object (&self->test_cancellable);
  if (self->test_state != AMIGO_ACCOUNT_TEST_NONE)
    {
      self->test_state = AMIGO_ACCOUNT_TEST_NONE;
      g_clear_pointer (&self->tested_account_number, g_free);
      g_clear_pointer (&self->tested_arn, g_free);
    }
  _amigo_account_dialog_show_test_state (self, NULL);
}

/* What to tell people when the test fails: AWS's own words, framed. */
static char *
describe_test_error (const GError *error)
{
  if (error->domain == AMIGO_AWS_ERROR)
    switch ((AmigoAwsErrorCode) error->code)
      {
      case AMIGO_AWS_ERROR_AUTH:
        /* Translators: %s is AWS's own message and code */
        return g_strdup_printf (_("AWS refused these keys: %s. Check the access key ID and the "
                                  "secret access key, and that the key is active."),
                                error->message);
      case AMIGO_AWS_ERROR_EXPIRED:
        return g_strdup_printf (_("These keys have expired: %s. Create new keys, or a new "
                                  "session token."), error->message);
      case AMIGO_AWS_ERROR_SERVICE:
        return g_strdup_printf (_("AWS answered with an error: %s"), error->message);
      case AMIGO_AWS_ERROR_FAILED:
      case AMIGO_AWS_ERROR_THROTTLED:
      case AMIGO_AWS_ERROR_NETWORK:
      case AMIGO_AWS_ERROR_BAD_RESPONSE:
      case AMIGO_AWS_ERROR_CONFIG:
      case AMIGO_AWS_ERROR_NO_CREDENTIALS:
      case AMIGO_AWS_ERROR_PROCESS:
      case AMIGO_AWS_ERROR_KEYRING:
      case AMIGO_AWS_ERROR_INVALID_ARGUMENT:
      case AMIGO_AWS_ERROR_NOT_FOUND:
      case AMIGO_AWS_ERROR_SIGN_IN_REQUIRED:
      default:
        break;
      }
  return g_strdup (error->message);
}

/* The test is over: its outcome shown, with @message (may be %NULL). */
static void
test_finished (AmigoAccountDialog    *self,
               AmigoAccountTestState  state,
               const char            *message)
{
  g_clear_object (&self->test_cancellable);
  self->test_state = state;
  _amigo_account_dialog_show_test_state (self, message);
  _amigo_account_dialog_update_state (self);
}

static void
caller_identity_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AmigoAccountDialog) self = user_data;
  g_autoptr(AmigoCallerIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  identity = amigo_sts_get_caller_identity_finish (AMIGO_STS (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (identity == NULL)
    {
      message = describe_test_error (error);
      test_finished (self, AMIGO_ACCOUNT_TEST_FAILED, message);
      return;
    }

  self->tested_generation = self->generation;
  g_free (self->tested_account_number);
  self->tested_account_number = g_strdup (identity->account);
  g_free (self->tested_arn);
  self->tested_arn = g_strdup (identity->arn);
  test_finished (self, AMIGO_ACCOUNT_TEST_PASSED, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->save_button));
}

static void
call_sts (AmigoAccountDialog *self,
          AmigoClient        *client)
{
  g_autoptr(AmigoEndpoint) endpoint = NULL;
  g_autoptr(AmigoSts) sts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *custom = _amigo_account_dialog_dup_endpoint (self);
  AmigoAwsConfig *config = amigo_account_manager_get_config (self->manager);

  /* A custom endpoint serves STS too (moto, LocalStack: every service on
   * one URL); AWS_ENDPOINT_URL_STS and AWS_ENDPOINT_URL still win. */
  endpoint = amigo_endpoint_resolve ("sts", _amigo_account_dialog_selected_region (self),
                                     config ? amigo_aws_config_get_environ (config) : NULL,
                                     custom, NULL, &error);
  if (endpoint == NULL)
    {
      test_finished (self, AMIGO_ACCOUNT_TEST_FAILED, error->message);
      return;
    }

  sts = amigo_sts_new (client, endpoint->signing_region, endpoint->url);
  amigo_sts_get_caller_identity_async (sts, self->test_cancellable, caller_identity_cb,
                                       g_object_ref (self));
}

/* A client of the dialog's own for @credentials: the account's client
 * follows what is stored, the test what the fields say now. */
static AmigoClient *
make_test_client (AmigoAccountDialog  *self,
                  AmigoCredentials    *credentials,
                  GError             **error)
{
  AmigoAwsConfig *config = amigo_account_manager_get_config (self->manager);
  const char *ca_bundle = config ? amigo_aws_config_getenv (config, "AWS_CA_BUNDLE") : NULL;
  g_autoptr(AmigoClient) client = amigo_client_new (credentials);

  if (ca_bundle != NULL && *ca_bundle != '\0' &&
      !amigo_client_set_ca_file (client, ca_bundle, error))
    return NULL;
  amigo_client_set_allow_plain_http (client, _amigo_account_dialog_allows_plain_http (self));
  return g_steal_pointer (&client);
}

/* Asks STS who @credentials are, with a client of the dialog's own. */
static void
test_credentials (AmigoAccountDialog *self,
                  AmigoCredentials   *credentials)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoClient) client = make_test_client (self, credentials, &error);

  if (client == NULL)
    {
      test_finished (self, AMIGO_ACCOUNT_TEST_FAILED, error->message);
      return;
    }
  call_sts (self, client);
}

static void
stored_client_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AmigoAccountDialog) self = user_data;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;

  client = amigo_account_get_client_finish (AMIGO_ACCOUNT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (client == NULL)
    {
      test_finished (self, AMIGO_ACCOUNT_TEST_FAILED, error->message);
      return;
    }
  credentials = amigo_client_dup_credentials (client);
  test_credentials (self, credentials);
}

void
_amigo_account_dialog_test_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  AmigoAccountDialog *self = AMIGO_ACCOUNT_DIALOG (widget);

  _amigo_account_dialog_invalidate_test (self);
  self->test_cancellable = g_cancellable_new ();
  self->test_state = AMIGO_ACCOUNT_TEST_RUNNING;
  _amigo_account_dialog_show_test_state (self, NULL);
  _amigo_account_dialog_update_state (self);

  if (_amigo_account_dialog_keys_entered (self))
    {
      g_autoptr(AmigoCredentials) credentials = _amigo_account_dialog_credentials_from_fields (self);

      test_credentials (self, credentials);
    }
  else
    amigo_account_get_client_async (self->account, self->test_cancellable,
                                    stored_client_cb, g_object_ref (self));
}

