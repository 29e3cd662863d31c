/* amigo-sso-sign-in-dialog.c — signing in to IAM Identity Center
 *
 * The sign-in the AWS CLI v2 makes: the browser opened on the authorize
 * page (through the desktop's URI handler, the OpenURI portal in Flatpak)
 * with the code coming back to a loopback listener; or, when no browser
 * can reach this computer, a code the person types on the verification
 * page. The engine does the protocol (amigo-sso-sign-in.c); this dialog
 * only shows where the person is. The token goes to the shared session
 * (and from there to the keyring), never into a widget.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-error.h"
#include "amigo-sso-sign-in-dialog.h"
#include "amigo-text.h"

struct _AmigoSsoSignInDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  GtkStack *stack;
  AdwStatusPage *choose_page;
  GtkButton *browser_button;
  GtkButton *code_button;
  GtkLabel *user_code_label;
  GtkButton *copy_button;
  GtkLinkButton *verification_link;
  AdwStatusPage *error_page;
  GtkButton *retry_button;

  /* owned */
  AmigoSsoSession *session;
  GCancellable *cancellable;
  char *user_code;
  gboolean finished;
};

G_DEFINE_FINAL_TYPE (AmigoSsoSignInDialog, amigo_sso_sign_in_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static AmigoSsoOpenUriFunc uri_opener;
static gpointer uri_opener_data;

static void
finish (AmigoSsoSignInDialog *self,
        gboolean              signed_in)
{
  if (self->finished)
    return;
  self->finished = TRUE;
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0, signed_in);
}

static void
launch_uri_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AmigoSsoSignInDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (g_app_info_launch_default_for_uri_finish (result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->finished)
    return;
  /* No browser here: the code, which any other device can take. */
  g_message ("Could not open the sign-in page in a browser (%s); using a code instead",
             error->message);
  amigo_sso_sign_in_dialog_start (self, AMIGO_SSO_GRANT_DEVICE_CODE);
}

/* The engine asks for the authorize page to be opened. */
static void
ui_open_uri (const char *uri,
             gpointer    user_data)
{
  AmigoSsoSignInDialog *self = user_data;
  g_autoptr(GAppLaunchContext) context = NULL;

  if (uri_opener != NULL)
    {
      uri_opener (uri, uri_opener_data);
      return;
    }
  /* GtkUriLauncher is GTK 4.10; this goes through the OpenURI portal in
   * Flatpak too. */
  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self))));
  g_app_info_launch_default_for_uri_async (uri, context, self->cancellable, launch_uri_cb,
                                           g_object_ref (self));
}

static void
ui_show_device_code (const char *user_code,
                     const char *verification_uri,
                     const char *verification_uri_complete,
                     gpointer    user_data)
{
  AmigoSsoSignInDialog *self = user_data;
  const char *link = verification_uri_complete != NULL ? verification_uri_complete : verification_uri;

  g_free (self->user_code);
  self->user_code = g_strdup (user_code);
  /* Outside text: shown as it is. */
  gtk_label_set_use_markup (self->user_code_label, FALSE);
  gtk_label_set_label (self->user_code_label, user_code);
  gtk_link_button_set_uri (self->verification_link, link);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->verification_link), verification_uri);
  gtk_stack_set_visible_child_name (self->stack, "code");
}

static const AmigoSsoSignInUi sign_in_ui = { ui_open_uri, ui_show_device_code };

static void
show_error (AmigoSsoSignInDialog *self,
            const GError         *error)
{
  const char *title = _("Could Not Sign In");

  if (g_error_matches (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SIGN_IN_REQUIRED))
    title = _("The Sign-In Has Expired");
  else if (g_error_matches (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_AUTH))
    title = _("The Sign-In Was Denied");
  adw_status_page_set_title (self->error_page, title);
  amigo_status_page_set_description_literal (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_grab_focus (GTK_WIDGET (self->retry_button));
}

static void
sign_in_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AmigoSsoSignInDialog) self = user_data;
  g_autoptr(AmigoSsoToken) token = NULL;
  g_autoptr(GError) error = NULL;

  token = amigo_sso_sign_in_finish (AMIGO_SSO_OIDC (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->finished)
    return;
  g_clear_object (&self->cancellable);
  if (token == NULL)
    {
      show_error (self, error);
      return;
    }
  amigo_sso_session_set_token (self->session, token);
  finish (self, TRUE);
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * amigo_sso_sign_in_dialog_start:
 * @grant: through the browser, or with a code
 *
 * Starts signing in (what the two buttons do).
 */
void
amigo_sso_sign_in_dialog_start (AmigoSsoSignInDialog *self,
                                AmigoSsoGrant         grant)
{
  g_return_if_fail (AMIGO_IS_SSO_SIGN_IN_DIALOG (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_label_set_label (self->user_code_label, "");
  gtk_stack_set_visible_child_name (self->stack,
                                    grant == AMIGO_SSO_GRANT_AUTHORIZATION_CODE ? "browser" : "waiting");
  amigo_sso_sign_in_async (amigo_sso_session_get_oidc (self->session),
                           amigo_sso_session_get_settings (self->session),
                           grant, &sign_in_ui, self, self->cancellable,
                           sign_in_cb, g_object_ref (self));
}

static void
browser_clicked_cb (AmigoSsoSignInDialog *self)
{
  amigo_sso_sign_in_dialog_start (self, AMIGO_SSO_GRANT_AUTHORIZATION_CODE);
}

static void
code_clicked_cb (AmigoSsoSignInDialog *self)
{
  amigo_sso_sign_in_dialog_start (self, AMIGO_SSO_GRANT_DEVICE_CODE);
}

static void
retry_clicked_cb (AmigoSsoSignInDialog *self)
{
  gtk_stack_set_visible_child_name (self->stack, "choose");
  gtk_widget_grab_focus (GTK_WIDGET (self->browser_button));
}

static void
copy_clicked_cb (AmigoSsoSignInDialog *self)
{
  if (self->user_code == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->user_code);
}

static gboolean
amigo_sso_sign_in_dialog_close_request (GtkWindow *window)
{
  AmigoSsoSignInDialog *self = AMIGO_SSO_SIGN_IN_DIALOG (window);

  /* Closing gives up: the listener and the polling stop now. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  finish (self, FALSE);
  return GTK_WINDOW_CLASS (amigo_sso_sign_in_dialog_parent_class)->close_request (window);
}

static void
amigo_sso_sign_in_dialog_dispose (GObject *object)
{
  AmigoSsoSignInDialog *self = AMIGO_SSO_SIGN_IN_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMIGO_TYPE_SSO_SIGN_IN_DIALOG);

  G_OBJECT_CLASS (amigo_sso_sign_in_dialog_parent_class)->dispose (object);
}

static void
amigo_sso_sign_in_dialog_finalize (GObject *object)
{
  AmigoSsoSignInDialog *self = AMIGO_SSO_SIGN_IN_DIALOG (object);

  g_free (self->user_code);

  G_OBJECT_CLASS (amigo_sso_sign_in_dialog_parent_class)->finalize (object);
}

static void
amigo_sso_sign_in_dialog_class_init (AmigoSsoSignInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = amigo_sso_sign_in_dialog_dispose;
  object_class->finalize = amigo_sso_sign_in_dialog_finalize;
  window_class->close_request = amigo_sso_sign_in_dialog_close_request;

  /**
   * AmigoSsoSignInDialog::finished:
   * @signed_in: whether the session has a token now
   *
   * Emitted once: signed in (the dialog then closes), or given up.
   */
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/accounts/amigo-sso-sign-in-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoSsoSignInDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AmigoSsoSignInDialog, choose_page);
  gtk_widget_class_bind_template_child (widget_class, AmigoSsoSignInDialog, browser_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoSsoSignInDialog, code_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoSsoSignInDialog, user_code_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoSsoSignInDialog, copy_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoSsoSignInDialog, verification_link);
  gtk_widget_class_bind_template_child (widget_class, AmigoSsoSignInDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, AmigoSsoSignInDialog, retry_button);
  gtk_widget_class_bind_template_callback (widget_class, browser_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, code_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
amigo_sso_sign_in_dialog_init (AmigoSsoSignInDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * amigo_sso_sign_in_dialog_new:
 * @parent: (nullable): the window it is modal to
 * @session: the session to sign in to; it gets the token
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
AmigoSsoSignInDialog *
amigo_sso_sign_in_dialog_new (GtkWindow       *parent,
                              AmigoSsoSession *session)
{
  AmigoSsoSignInDialog *self;
  const AmigoSsoSettings *settings;
  g_autofree char *description = NULL;

  g_return_val_if_fail (AMIGO_IS_SSO_SESSION (session), NULL);

  self = g_object_new (AMIGO_TYPE_SSO_SIGN_IN_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  settings = amigo_sso_session_get_settings (session);
  /* Translators: %s is the AWS access portal's address, such as
   * https://my-company.awsapps.com/start */
  description = g_strdup_printf (_("Sign in to %s to use its accounts. Your browser opens "
                                   "the sign-in page; Amigo never sees your password."),
                                 settings->start_url);
  amigo_status_page_set_description_literal (self->choose_page, description);
  return self;
}

/* The profile whose IAM Identity Center settings @profile_name's
 * credentials come from: itself, or a role's source_profile. */
static AmigoSsoSettings *
profile_sso_settings (AmigoAwsConfig *config,
                      const char     *profile_name)
{
  g_autofree char *name = g_strdup (profile_name);

  /* A chain longer than this is refused by the credential chain anyway. */
  for (guint depth = 0; name != NULL && depth < 16; depth++)
    {
      g_autoptr(AmigoAwsProfile) profile = amigo_aws_config_get_profile (config, name);
      const char *source;

      if (profile == NULL)
        return NULL;
      if (amigo_aws_profile_uses_sso (profile))
        return amigo_sso_settings_from_profile (config, name, NULL);
      source = amigo_aws_profile_get (profile, "source_profile");
      g_free (name);
      name = g_strdup (source);
    }
  return NULL;
}

/**
 * amigo_sso_sign_in_dialog_session_for_account:
 * @manager: the accounts
 * @account: an account whose credentials failed with
 *   %AMIGO_AWS_ERROR_SIGN_IN_REQUIRED
 *
 * Returns: (transfer full) (nullable): the shared session it signs in
 *   with: an IAM Identity Center account's, or the one of its AWS CLI
 *   profile (or of a role's source profile)
 */
AmigoSsoSession *
amigo_sso_sign_in_dialog_session_for_account (AmigoAccountManager *manager,
                                              AmigoAccount        *account)
{
  AmigoAwsConfig *config = amigo_account_manager_get_config (manager);
  g_autoptr(AmigoSsoSettings) settings = NULL;

  if (config == NULL)
    return NULL;
  if (amigo_account_get_sso_settings (account) != NULL)
    return amigo_sso_session_get_shared (config, amigo_account_get_sso_settings (account));
  if (amigo_account_get_profile_name (account) != NULL)
    settings = profile_sso_settings (config, amigo_account_get_profile_name (account));
  return settings != NULL ? amigo_sso_session_get_shared (config, settings) : NULL;
}

/**
 * amigo_sso_sign_in_dialog_get_page:
 *
 * Returns: where the dialog is: "choose", "browser", "waiting", "code" or
 *   "error"
 */
const char *
amigo_sso_sign_in_dialog_get_page (AmigoSsoSignInDialog *self)
{
  g_return_val_if_fail (AMIGO_IS_SSO_SIGN_IN_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * amigo_sso_sign_in_dialog_get_user_code:
 *
 * Returns: (nullable): the code shown for the verification page
 */
const char *
amigo_sso_sign_in_dialog_get_user_code (AmigoSsoSignInDialog *self)
{
  g_return_val_if_fail (AMIGO_IS_SSO_SIGN_IN_DIALOG (self), NULL);
  return self->user_code;
}

void
amigo_sso_sign_in_dialog_set_uri_opener (AmigoSsoOpenUriFunc func,
                                         gpointer            user_data)
{
  uri_opener = func;
  uri_opener_data = user_data;
}
