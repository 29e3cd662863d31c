/* amigo-confirm.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one way Amigo asks before removing, stopping or deleting: the safe
 * answer is the default and what Escape gives, the other one is red.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-confirm.h"

typedef struct {
  AmigoConfirmFunc confirmed;
  char *act_id;
  GObject *owner;
  GObject *item;
} Confirm;

static void
confirm_free (gpointer  data,
              GClosure *closure)
{
  Confirm *confirm = data;

  g_free (confirm->act_id);
  g_clear_object (&confirm->owner);
  g_clear_object (&confirm->item);
  g_free (confirm);
}

/* May be emitted more than once (a response, then closing): only the
 * act answer acts. */
static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                Confirm          *confirm)
{
  if (g_strcmp0 (response, confirm->act_id) == 0)
    confirm->confirmed (confirm->owner, confirm->item);
}

/**
 * amigo_confirm_new:
 *
 * Returns: (transfer none): the question, not yet presented
 */
AdwMessageDialog *
amigo_confirm_new (GtkWindow  *parent,
                   const char *heading,
                   const char *body,
                   const char *cancel_id,
                   const char *cancel_label,
                   const char *act_id,
                   const char *act_label)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_responses (dialog,
                                    cancel_id, cancel_label,
                                    act_id, act_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, act_id, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, cancel_id);
  adw_message_dialog_set_close_response (dialog, cancel_id);
  return dialog;
}

/**
 * amigo_confirm_connect:
 * @item: (nullable): what @confirmed acts on
 */
void
amigo_confirm_connect (AdwMessageDialog *dialog,
                       const char       *act_id,
                       AmigoConfirmFunc  confirmed,
                       gpointer          owner,
                       gpointer          item)
{
  Confirm *confirm;

  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));
  g_return_if_fail (G_IS_OBJECT (owner));

  confirm = g_new0 (Confirm, 1);
  confirm->confirmed = confirmed;
  confirm->act_id = g_strdup (act_id);
  confirm->owner = g_object_ref (owner);
  confirm->item = item != NULL ? g_object_ref (item) : NULL;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response_cb), confirm, confirm_free, 0);
}

/**
 * amigo_confirm_tell:
 * @near: a widget of the window the notice is over
 * @heading: (nullable): what happened
 * @body: (nullable): more, as text (AWS's words, names people chose)
 *
 * Returns: (transfer floating): the notice, not yet presented
 */
AdwMessageDialog *
amigo_confirm_tell (GtkWidget  *near,
                    const char *heading,
                    const char *body)
{
  GtkRoot *root = gtk_widget_get_root (near);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, NULL));
  if (body != NULL)
    adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  return dialog;
}
