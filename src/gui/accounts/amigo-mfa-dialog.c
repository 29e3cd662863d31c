/* amigo-mfa-dialog.c — the code of an MFA device, asked when a role
 * session is made
 *
 * The credential chain (src/aws/amigo-credential-chain.c) asks through
 * amigo_credential_chain_set_mfa_prompt() when a role with mfa_serial needs
 * a new session: at the first call and when the session is about to
 * expire, never for each call. The code goes to STS and is forgotten.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-credential-chain.h"
#include "amigo-error.h"
#include "amigo-mfa-dialog.h"
#include "amigo-text.h"

#define CODE_LENGTH 6

typedef struct {
  GTask *task;                  /* owned until answered */
  char *profile_name;
  GtkEntry *entry;              /* borrowed: the dialog's */
  GCancellable *cancellable;
  gulong cancelled_id;
} Ask;

static void
ask_free (gpointer data)
{
  Ask *ask = data;

  if (ask->task != NULL)
    {
      g_task_return_new_error (ask->task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NO_CREDENTIALS,
                               _("No MFA code was given: the role of the AWS profile “%s” "
                                 "needs the current code of its MFA device."),
                               ask->profile_name);
      g_clear_object (&ask->task);
    }
  if (ask->cancellable != NULL)
    g_cancellable_disconnect (ask->cancellable, ask->cancelled_id);
  g_clear_object (&ask->cancellable);
  g_free (ask->profile_name);
  g_free (ask);
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                Ask              *ask)
{
  const char *code = gtk_editable_get_text (GTK_EDITABLE (ask->entry));

  if (g_strcmp0 (response, "continue") == 0 && amigo_text_is_digits (code, CODE_LENGTH) && ask->task != NULL)
    {
      g_task_return_pointer (ask->task, g_strdup (code), g_free);
      g_clear_object (&ask->task);
    }
  /* Nothing of the code stays in the entry's buffer. */
  gtk_editable_set_text (GTK_EDITABLE (ask->entry), "");
}

static void
on_code_changed_cb (GtkEditable      *editable,
                    AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "continue",
                                           amigo_text_is_digits (gtk_editable_get_text (editable), CODE_LENGTH));
}

static void
on_code_activate_cb (GtkEntry         *entry,
                     AdwMessageDialog *dialog)
{
  /* As the Continue button does: the response, then the dialog closed. */
  if (amigo_text_is_digits (gtk_editable_get_text (GTK_EDITABLE (entry)), CODE_LENGTH))
    {
      adw_message_dialog_response (dialog, "continue");
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

static void
on_cancelled_cb (GCancellable *cancellable,
                 GtkWindow    *dialog)
{
  /* From the main context: the chain's calls run there. */
  gtk_window_close (dialog);
}

/**
 * amigo_mfa_dialog_ask:
 * @parent: (nullable): the window to attach to
 * @profile_name: the profile whose role needs the code
 * @mfa_serial: the MFA device's ARN or serial, shown
 * @cancellable: (nullable): closes the dialog when cancelled
 * @task: (transfer full): completed with the code (a string) or an error
 *   when the dialog is cancelled or closed
 *
 * Returns: (transfer none): the dialog, presented
 */
GtkWidget *
amigo_mfa_dialog_ask (GtkWindow    *parent,
                      const char   *profile_name,
                      const char   *mfa_serial,
                      GCancellable *cancellable,
                      GTask        *task)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  Ask *ask;

  /* Translators: the title of the dialog that asks for the current code
   * of a multi-factor authentication device */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("MFA Code"), NULL));
  /* Translators: %s are an AWS CLI profile's or an account's name and an
   * MFA device (an ARN such as arn:aws:iam::123456789012:mfa/alice) */
  adw_message_dialog_format_body (dialog,
                                  _("The role of “%s” needs the current code of the MFA "
                                    "device %s."),
                                  profile_name, mfa_serial);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "continue", _("C_ontinue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "continue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "continue");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "continue", FALSE);

  entry = gtk_entry_new ();
  gtk_widget_set_name (entry, "mfa_code_entry");
  gtk_entry_set_max_length (GTK_ENTRY (entry), CODE_LENGTH);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PIN);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "123456");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  /* Translators: the accessible name of the MFA code entry */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("MFA code"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("The 6 digits the MFA device shows now"),
                                  -1);
  adw_message_dialog_set_extra_child (dialog, entry);

  ask = g_new0 (Ask, 1);
  ask->task = task;
  ask->profile_name = g_strdup (profile_name);
  ask->entry = GTK_ENTRY (entry);
  g_object_set_data_full (G_OBJECT (dialog), "amigo-mfa-ask", ask, ask_free);

  g_signal_connect (entry, "changed", G_CALLBACK (on_code_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (on_code_activate_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), ask);
  if (cancellable != NULL)
    {
      ask->cancellable = g_object_ref (cancellable);
      ask->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled_cb),
                                                 dialog, NULL);
    }

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  return GTK_WIDGET (dialog);
}

static void
prompt_cb (const char   *profile_name,
           const char   *mfa_serial,
           GCancellable *cancellable,
           GTask        *task,
           gpointer      user_data)
{
  GApplication *app = g_application_get_default ();
  GtkWindow *parent = NULL;

  if (GTK_IS_APPLICATION (app))
    parent = gtk_application_get_active_window (GTK_APPLICATION (app));
  amigo_mfa_dialog_ask (parent, profile_name, mfa_serial, cancellable, task);
}

/**
 * amigo_mfa_dialog_install:
 * @config: the configuration the accounts resolve their profiles with
 *
 * Makes the credential chain ask for MFA codes with this dialog.
 */
void
amigo_mfa_dialog_install (AmigoAwsConfig *config)
{
  amigo_credential_chain_set_mfa_prompt (config, prompt_cb, NULL, NULL);
}
