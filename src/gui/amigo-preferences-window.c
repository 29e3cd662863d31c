/* amigo-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Accounts page: every account the manager lists, where its keys come
 * from, and per account what can be done with it. Stored accounts can be
 * edited and removed (their keys are deleted from the keyring); imported
 * profiles can be removed (Amigo forgets them, the AWS CLI's files stay as
 * they are); the environment's account is there as long as the variables
 * are set.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-a11y.h"
#include "amigo-confirm.h"
#include "accounts/amigo-account-adder.h"
#include "accounts/amigo-account-dialog.h"
#include "amigo-preferences-window.h"
#include "amigo-row-button.h"
#include "amigo-text.h"

struct _AmigoPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* template widgets */
  GtkListBox *account_list;

  /* owned */
  AmigoAccountManager *manager;
};

G_DEFINE_FINAL_TYPE (AmigoPreferencesWindow, amigo_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static char *
describe_account (AmigoAccount *account)
{
  const char *number = amigo_account_get_account_number (account);
  g_autofree char *kind = NULL;
  g_autofree char *role_arn = NULL;
  g_autofree char *token_file = NULL;

  if (amigo_account_dup_web_identity (account, &role_arn, &token_file))
    /* Translators: where an account's credentials come from: the ARN of the
     * IAM role it assumes, then the path of its web identity token file */
    kind = g_strdup_printf (_("Web identity: role %s, token from %s"), role_arn, token_file);
  else switch (amigo_account_get_kind (account))
    {
    case AMIGO_ACCOUNT_KIND_KEYRING:
      kind = g_strdup (_("Stored in the keyring"));
      break;
    case AMIGO_ACCOUNT_KIND_PROFILE:
      /* Translators: %s is the name of a profile of the AWS CLI */
      kind = g_strdup_printf (_("AWS CLI profile “%s”"), amigo_account_get_profile_name (account));
      break;
    case AMIGO_ACCOUNT_KIND_SSO:
      /* Translators: %s is the role an IAM Identity Center account takes */
      kind = g_strdup_printf (_("IAM Identity Center, role “%s”"),
                              amigo_account_get_sso_settings (account)->role_name);
      break;
    case AMIGO_ACCOUNT_KIND_ROLE:
      /* Translators: %s is the name of the account a role is assumed from */
      kind = g_strdup_printf (_("Role assumed from “%s”"),
                              amigo_account_get_name (amigo_account_get_source (account)));
      break;
    case AMIGO_ACCOUNT_KIND_ENVIRONMENT:
    default:
      kind = g_strdup (_("From the environment"));
      break;
    }

  if (number == NULL || *number == '\0')
    return g_steal_pointer (&kind);
  /* Translators: where an account's keys come from, then its 12-digit AWS
   * account id */
  return g_strdup_printf (_("%s · Account %s"), kind, number);
}

static void
update_row (GtkWidget    *row,
            GParamSpec   *pspec,
            AmigoAccount *account)
{
  g_autofree char *subtitle = describe_account (account);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), amigo_account_get_name (account));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, amigo_account_get_name (account),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
}

static GtkWidget *
create_suffix_button (const char   *icon_name,
                      const char   *action_name,
                      const char   *description,
                      AmigoAccount *account)
{
  GtkWidget *button = amigo_row_button_new (icon_name, description, description);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", amigo_account_get_id (account));
  return button;
}

static GtkWidget *
create_account_row (gpointer item,
                    gpointer user_data)
{
  AmigoAccount *account = item;
  AmigoAccountKind kind = amigo_account_get_kind (account);
  GtkWidget *row = amigo_action_row_new_literal (amigo_account_get_name (account), NULL);
  const char *icon_name;

  gtk_widget_set_name (row, amigo_account_get_id (account));
  update_row (row, NULL, account);
  g_signal_connect_object (account, "notify::name", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);
  g_signal_connect_object (account, "notify::account-number", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);

  switch (kind)
    {
    case AMIGO_ACCOUNT_KIND_KEYRING:
      icon_name = "dialog-password-symbolic";
      break;
    case AMIGO_ACCOUNT_KIND_PROFILE:
      icon_name = "utilities-terminal-symbolic";
      break;
    case AMIGO_ACCOUNT_KIND_SSO:
      icon_name = "system-users-symbolic";
      break;
    case AMIGO_ACCOUNT_KIND_ROLE:
      icon_name = "system-switch-user-symbolic";
      break;
    case AMIGO_ACCOUNT_KIND_ENVIRONMENT:
    default:
      icon_name = "preferences-system-symbolic";
      break;
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon_name));

  if (kind == AMIGO_ACCOUNT_KIND_KEYRING)
    {
      /* Translators: a button's description; %s is an account's name */
      g_autofree char *edit = g_strdup_printf (_("Edit “%s”"), amigo_account_get_name (account));

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 create_suffix_button ("document-edit-symbolic", "prefs.edit-account",
                                                       edit, account));
    }

  if (kind == AMIGO_ACCOUNT_KIND_ENVIRONMENT && amigo_account_dup_web_identity (account, NULL, NULL))
    gtk_widget_set_tooltip_text (row, _("Set by AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN. "
                                        "Unset them to remove this account."));
  else if (kind == AMIGO_ACCOUNT_KIND_ENVIRONMENT)
    gtk_widget_set_tooltip_text (row, _("Set by AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY. "
                                        "Unset them to remove this account."));
  else
    {
      /* Translators: a button's description; %s is an account's name */
      g_autofree char *remove = g_strdup_printf (_("Remove “%s”"), amigo_account_get_name (account));

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 create_suffix_button ("user-trash-symbolic", "prefs.remove-account",
                                                       remove, account));
    }

  return row;
}

/* prefs.add-account, prefs.import-profiles and prefs.add-sso-accounts */
static void
add_accounts_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AmigoPreferencesWindow *self = AMIGO_PREFERENCES_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (amigo_account_adder_new_for_action (action_name, GTK_WINDOW (self),
                                                                      self->manager)));
}

static void
edit_account_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AmigoPreferencesWindow *self = AMIGO_PREFERENCES_WINDOW (widget);
  AmigoAccount *account = amigo_account_manager_lookup (self->manager,
                                                        g_variant_get_string (parameter, NULL));

  if (account == NULL || amigo_account_get_kind (account) != AMIGO_ACCOUNT_KIND_KEYRING)
    return;
  gtk_window_present (GTK_WINDOW (amigo_account_dialog_new_edit (GTK_WINDOW (self), self->manager,
                                                                 account)));
}

typedef struct {
  AmigoPreferencesWindow *self;
  AmigoAccount *account;
} RemoveData;

static void
remove_data_free (RemoveData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->account);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RemoveData, remove_data_free)

static void
delete_account_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RemoveData) data = user_data;
  g_autoptr(GError) error = NULL;

  if (!amigo_keyring_delete_account_finish (AMIGO_KEYRING (source), result, &error))
    {
      /* Translators: %s is an account's name, then why it failed */
      g_autofree char *text = g_strdup_printf (_("“%s” was not removed: %s"),
                                               amigo_account_get_name (data->account),
                                               error->message);
      AdwToast *toast = amigo_toast_new_literal (text);

      adw_toast_set_timeout (toast, 0);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (data->self), toast);
      return;
    }

  if (data->self->manager != NULL)
    amigo_account_manager_remove (data->self->manager, data->account);
}

static RemoveData *
remove_data_new (AmigoPreferencesWindow *self,
                 AmigoAccount           *account)
{
  RemoveData *data = g_new0 (RemoveData, 1);

  data->self = g_object_ref (self);
  data->account = g_object_ref (account);
  return data;
}

static void
remove_confirmed (gpointer owner,
                  gpointer item)
{
  AmigoPreferencesWindow *self = owner;
  AmigoAccount *account = item;
  AmigoKeyring *keyring;

  if (self->manager == NULL)
    return;

  switch (amigo_account_get_kind (account))
    {
    case AMIGO_ACCOUNT_KIND_KEYRING:
      keyring = amigo_account_manager_get_keyring (self->manager);
      amigo_keyring_delete_account_async (keyring, amigo_account_get_keyring_id (account),
                                          NULL, delete_account_cb,
                                          remove_data_new (self, account));
      break;
    case AMIGO_ACCOUNT_KIND_PROFILE:
    case AMIGO_ACCOUNT_KIND_SSO:
    case AMIGO_ACCOUNT_KIND_ROLE:
      amigo_account_manager_remove (self->manager, account);
      break;
    case AMIGO_ACCOUNT_KIND_ENVIRONMENT:
    default:
      break;
    }
}

static void
remove_account_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AmigoPreferencesWindow *self = AMIGO_PREFERENCES_WINDOW (widget);
  AmigoAccount *account = amigo_account_manager_lookup (self->manager,
                                                        g_variant_get_string (parameter, NULL));
  AmigoKeyring *keyring = amigo_account_manager_get_keyring (self->manager);
  const char *name;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (account == NULL)
    return;

  name = amigo_account_get_name (account);
  switch (amigo_account_get_kind (account))
    {
    case AMIGO_ACCOUNT_KIND_KEYRING:
      if (keyring != NULL && amigo_keyring_get_session_only (keyring))
        body = g_strdup_printf (_("Amigo forgets the access key of “%s”. The key itself stays "
                                  "valid in AWS: deactivate it in the IAM console if nobody "
                                  "needs it any more."), name);
      else
        body = g_strdup_printf (_("The access key of “%s” is deleted from the keyring. The key "
                                  "itself stays valid in AWS: deactivate it in the IAM console if "
                                  "nobody needs it any more."), name);
      break;
    case AMIGO_ACCOUNT_KIND_PROFILE:
      body = g_strdup_printf (_("Amigo forgets the AWS CLI profile “%s”. The AWS CLI’s files "
                                "are not changed, and the profile can be imported again."),
                              amigo_account_get_profile_name (account));
      break;
    case AMIGO_ACCOUNT_KIND_SSO:
      body = g_strdup_printf (_("Amigo forgets the account “%s”. Your access in IAM Identity "
                                "Center is not changed, and the account can be added again."),
                              name);
      break;
    case AMIGO_ACCOUNT_KIND_ROLE:
      body = g_strdup_printf (_("Amigo forgets the role “%s”. The role itself is not changed "
                                "in AWS."), name);
      break;
    case AMIGO_ACCOUNT_KIND_ENVIRONMENT:
    default:
      /* Nothing Amigo could delete: the variables belong to the session. */
      return;
    }

  /* Translators: %s is an account's name */
  heading = g_strdup_printf (_("Remove “%s”?"), name);
  dialog = amigo_confirm_new (GTK_WINDOW (self), heading, body,
                              "cancel", _("_Cancel"), "remove", _("_Remove"));
  amigo_confirm_connect (dialog, "remove", remove_confirmed, self, account);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
amigo_preferences_window_dispose (GObject *object)
{
  AmigoPreferencesWindow *self = AMIGO_PREFERENCES_WINDOW (object);

  if (self->account_list != NULL)
    gtk_list_box_bind_model (self->account_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->manager);

  gtk_widget_dispose_template (GTK_WIDGET (self), AMIGO_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (amigo_preferences_window_parent_class)->dispose (object);
}

static void
amigo_preferences_window_class_init (AmigoPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amigo_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/amigo-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoPreferencesWindow, account_list);

  gtk_widget_class_install_action (widget_class, "prefs.add-account", NULL, add_accounts_action);
  gtk_widget_class_install_action (widget_class, "prefs.import-profiles", NULL, add_accounts_action);
  gtk_widget_class_install_action (widget_class, "prefs.add-sso-accounts", NULL, add_accounts_action);
  gtk_widget_class_install_action (widget_class, "prefs.edit-account", "s", edit_account_action);
  gtk_widget_class_install_action (widget_class, "prefs.remove-account", "s", remove_account_action);
}

static void
amigo_preferences_window_init (AmigoPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  amigo_a11y_label_search_entries (GTK_WIDGET (self), _("Search"));
}

/**
 * amigo_preferences_window_new:
 * @parent: (nullable): the main window
 * @manager: the accounts to list
 *
 * Returns: (transfer none): the window, owned by GTK like every window; present it
 */
AmigoPreferencesWindow *
amigo_preferences_window_new (GtkWindow           *parent,
                              AmigoAccountManager *manager)
{
  AmigoPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (AMIGO_IS_ACCOUNT_MANAGER (manager), NULL);

  self = g_object_new (AMIGO_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->manager = g_object_ref (manager);
  gtk_list_box_bind_model (self->account_list, amigo_account_manager_get_accounts (manager),
                           create_account_row, self, NULL);
  return self;
}
