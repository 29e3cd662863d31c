/* amigo-switch-role-dialog.c — "Switch Role": a role on top of an account
 *
 * As the console's "Switch role": the role's ARN, an optional external id
 * and MFA device, how long a session lasts, and the name to show. The role
 * is assumed once before the account is added, so that a mistyped ARN or a
 * trust policy that refuses is said here (with the MFA dialog first when a
 * device is given), not later on the image list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "amigo-account-adder.h"
#include "amigo-switch-role-dialog.h"
#include "amigo-text.h"

struct _AmigoSwitchRoleDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwPreferencesGroup *source_group;
  AdwPreferencesGroup *role_group;
  AdwEntryRow *role_arn_row;
  AdwEntryRow *name_row;
  AdwEntryRow *external_id_row;
  AdwEntryRow *mfa_serial_row;
  GtkSpinButton *duration_spin;
  GtkButton *switch_button;
  GtkSpinner *spinner;
  AdwPreferencesGroup *error_group;
  GtkLabel *error_label;

  /* owned */
  AmigoAccountManager *manager;
  AmigoAccount *source;
  AmigoAccount *candidate;      /* assumed once before it is added */
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (AmigoSwitchRoleDialog, amigo_switch_role_dialog, ADW_TYPE_WINDOW,
                               G_IMPLEMENT_INTERFACE (AMIGO_TYPE_ACCOUNT_ADDER, NULL))

/* arn:PARTITION:iam::ACCOUNT:role/PATH/NAME — IAM's own form. */
static gboolean
role_arn_is_valid (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", 6);

  if (g_strv_length (parts) != 6 || g_strcmp0 (parts[0], "arn") != 0 ||
      !g_str_has_prefix (parts[1], "aws") || g_strcmp0 (parts[2], "iam") != 0 ||
      *parts[3] != '\0' || strlen (parts[4]) != 12 || !g_str_has_prefix (parts[5], "role/") ||
      strlen (parts[5]) <= strlen ("role/"))
    return FALSE;
  for (const char *p = parts[4]; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static const char *
role_name_of (const char *role_arn)
{
  const char *slash = strrchr (role_arn, '/');

  return slash != NULL ? slash + 1 : role_arn;
}

static const char *
text_of (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return text != NULL && *text != '\0' ? text : NULL;
}

static void
update_button (AmigoSwitchRoleDialog *self)
{
  const char *arn = gtk_editable_get_text (GTK_EDITABLE (self->role_arn_row));
  gboolean busy = self->candidate != NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->switch_button), !busy && role_arn_is_valid (arn));
  gtk_widget_set_sensitive (GTK_WIDGET (self->role_group), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
entry_changed_cb (AmigoSwitchRoleDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), FALSE);
  update_button (self);
}

static void
assumed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AmigoSwitchRoleDialog) self = user_data;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoAccount) candidate = NULL;
  g_autoptr(GError) error = NULL;
  AmigoAccount *added;

  client = amigo_account_get_client_finish (AMIGO_ACCOUNT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  candidate = g_steal_pointer (&self->candidate);
  update_button (self);
  if (client == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_group), TRUE);
      return;
    }
  /* The account itself, with the session just made. */
  added = amigo_account_manager_add_role (self->manager, candidate);
  amigo_account_adder_added (AMIGO_ACCOUNT_ADDER (self), added);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
switch_clicked_cb (AmigoSwitchRoleDialog *self)
{
  const char *arn = gtk_editable_get_text (GTK_EDITABLE (self->role_arn_row));
  g_autofree char *name = NULL;
  AmigoRoleSettings role = { 0 };
  AmigoAwsConfig *config = amigo_account_manager_get_config (self->manager);

  if (!role_arn_is_valid (arn) || self->candidate != NULL || config == NULL)
    return;
  role.role_arn = (char *) arn;
  role.external_id = (char *) text_of (self->external_id_row);
  role.mfa_serial = (char *) text_of (self->mfa_serial_row);
  role.duration_seconds = gtk_spin_button_get_value_as_int (self->duration_spin) * 60;
  if (text_of (self->name_row) != NULL)
    name = g_strdup (text_of (self->name_row));
  else
    /* Translators: a switched role's default name: the role's name, then
     * the account it is assumed from */
    name = g_strdup_printf (_("%s @ %s"), role_name_of (arn), amigo_account_get_name (self->source));

  gtk_widget_set_visible (GTK_WIDGET (self->error_group), FALSE);
  self->candidate = amigo_account_new_role (config, name, NULL, self->source, &role);
  update_button (self);
  amigo_account_get_client_async (self->candidate, self->cancellable, assumed_cb, g_object_ref (self));
}

static void
entry_activated_cb (AmigoSwitchRoleDialog *self)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->switch_button)))
    switch_clicked_cb (self);
}

static void
amigo_switch_role_dialog_dispose (GObject *object)
{
  AmigoSwitchRoleDialog *self = AMIGO_SWITCH_ROLE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->candidate);
  g_clear_object (&self->source);
  g_clear_object (&self->manager);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMIGO_TYPE_SWITCH_ROLE_DIALOG);

  G_OBJECT_CLASS (amigo_switch_role_dialog_parent_class)->dispose (object);
}

static void
amigo_switch_role_dialog_class_init (AmigoSwitchRoleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amigo_switch_role_dialog_dispose;


  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/accounts/amigo-switch-role-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoSwitchRoleDialog, source_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoSwitchRoleDialog, role_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoSwitchRoleDialog, role_arn_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoSwitchRoleDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoSwitchRoleDialog, external_id_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoSwitchRoleDialog, mfa_serial_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoSwitchRoleDialog, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, AmigoSwitchRoleDialog, switch_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoSwitchRoleDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AmigoSwitchRoleDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoSwitchRoleDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, switch_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
amigo_switch_role_dialog_init (AmigoSwitchRoleDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  update_button (self);
}

/**
 * amigo_switch_role_dialog_new:
 * @parent: (nullable): the window it is modal to
 * @manager: where the role's account goes
 * @source: the account the role is assumed from
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
AmigoSwitchRoleDialog *
amigo_switch_role_dialog_new (GtkWindow           *parent,
                              AmigoAccountManager *manager,
                              AmigoAccount        *source)
{
  AmigoSwitchRoleDialog *self = g_object_new (AMIGO_TYPE_SWITCH_ROLE_DIALOG, "transient-for", parent, NULL);
  GtkWidget *from;

  self->manager = g_object_ref (manager);
  self->source = g_object_ref (source);
  /* The account's name is people's text: shown as it is. */
  from = amigo_action_row_new_literal (amigo_account_get_name (source), NULL);
  gtk_widget_add_css_class (from, "property");
  adw_preferences_group_add (self->source_group, from);
  return self;
}
