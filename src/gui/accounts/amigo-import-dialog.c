/* amigo-import-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists the AWS CLI profiles not imported yet, says where each one's keys
 * come from, and imports the ones people tick. Profiles Amigo cannot use
 * (no keys at all) are listed too, greyed out with the reason, so nobody
 * wonders where they went.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "amigo-account-adder.h"
#include "amigo-import-dialog-private.h"
#include "amigo-text.h"

G_DEFINE_FINAL_TYPE_WITH_CODE (AmigoImportDialog, amigo_import_dialog, ADW_TYPE_WINDOW,
                               G_IMPLEMENT_INTERFACE (AMIGO_TYPE_ACCOUNT_ADDER, NULL))

static const char * const sso_keys[] = {
  "sso_session", "sso_start_url", "sso_account_id", "sso_role_name", "sso_region",
};

/* Where a profile's keys come from, in the credential chain's order; or,
 * returning FALSE, why Amigo cannot use it. */
static gboolean
describe_source (AmigoAwsProfile  *profile,
                 char            **description)
{
  if (amigo_aws_profile_has_key (profile, "web_identity_token_file"))
    {
      const char *role_arn = amigo_aws_profile_get (profile, "role_arn");

      if (role_arn != NULL && *role_arn != '\0')
        /* Translators: the ARN of an IAM role, then the path of a token file */
        *description = g_strdup_printf (_("Assumes the role %s with the web identity token in %s"),
                                        role_arn, amigo_aws_profile_get (profile, "web_identity_token_file"));
      else
        *description = g_strdup (_("Assumes an IAM role with a web identity token"));
      return TRUE;
    }
  if (amigo_aws_profile_has_key (profile, "role_arn"))
    {
      if (amigo_aws_profile_has_key (profile, "mfa_serial"))
        *description = g_strdup (_("Assumes an IAM role (role_arn), asking for an MFA code"));
      else
        *description = g_strdup (_("Assumes an IAM role (role_arn)"));
      return TRUE;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (sso_keys); i++)
    if (amigo_aws_profile_has_key (profile, sso_keys[i]))
      {
        *description = g_strdup (_("Signs in with IAM Identity Center (SSO)"));
        return TRUE;
      }
  if (amigo_aws_profile_get_in_file (profile, AMIGO_AWS_FILE_CREDENTIALS, "aws_access_key_id") != NULL)
    {
      *description = g_strdup (_("Access key in the credentials file"));
      return TRUE;
    }
  if (amigo_aws_profile_get_credential_process (profile) != NULL)
    {
      *description = g_strdup (_("Keys from its credential_process"));
      return TRUE;
    }
  if (amigo_aws_profile_get_in_file (profile, AMIGO_AWS_FILE_CONFIG, "aws_access_key_id") != NULL)
    {
      *description = g_strdup (_("Access key in the config file"));
      return TRUE;
    }
  *description = g_strdup (_("Has no access key or credential_process"));
  return FALSE;
}

/* A path as people know it: the home folder as “~”. */
static char *
display_path (AmigoAwsConfig *config,
              const char     *path)
{
  const char *home = amigo_aws_config_getenv (config, "HOME");
  gsize len;

  if (path == NULL)
    return g_strdup ("");
  if (home == NULL || *home == '\0')
    home = g_get_home_dir ();
  len = strlen (home);
  while (len > 1 && home[len - 1] == '/')
    len--;
  if (len > 1 && strncmp (path, home, len) == 0 && path[len] == '/')
    return g_strconcat ("~", path + len, NULL);
  return g_filename_display_name (path);
}

static void
update_import_action (AmigoImportDialog *self)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->checks->len && !any; i++)
    any = gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", any);
}

static void
on_check_toggled_cb (AmigoImportDialog *self)
{
  update_import_action (self);
}

static GtkWidget *
create_profile_row (AmigoImportDialog *self,
                    AmigoAwsConfig    *config,
                    const char        *name)
{
  g_autoptr(AmigoAwsProfile) profile = amigo_aws_config_get_profile (config, name);
  GtkWidget *row;
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *source = NULL;
  g_autofree char *subtitle = NULL;
  const char *region = NULL;
  gboolean usable = FALSE;

  if (profile != NULL)
    {
      usable = describe_source (profile, &source);
      region = amigo_aws_profile_get_region (profile);
    }
  else
    source = g_strdup (_("Could not be read"));

  if (region != NULL && *region != '\0')
    /* Translators: a profile's details: its region, then where its keys come from */
    subtitle = g_strdup_printf (_("Region %s · %s"), region, source);
  else
    subtitle = g_strdup_printf (_("No default region · %s"), source);

  row = amigo_action_row_new_literal (name, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  g_object_set_data_full (G_OBJECT (check), "profile-name", g_strdup (name), g_free);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);

  if (usable)
    {
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled_cb),
                               self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->checks, check);
    }
  else
    gtk_widget_set_sensitive (row, FALSE);

  return row;
}

static void
fill (AmigoImportDialog *self)
{
  AmigoAwsConfig *config = amigo_account_manager_get_config (self->manager);
  const char *config_error = amigo_account_manager_get_config_error (self->manager);
  g_auto(GStrv) importable = NULL;
  g_auto(GStrv) all = NULL;
  guint n_importable;

  if (config != NULL)
    {
      importable = amigo_account_manager_list_importable_profiles (self->manager);
      all = amigo_aws_config_list_profiles (config);
    }
  n_importable = importable ? g_strv_length (importable) : 0;

  if (config_error != NULL)
    {
      adw_action_row_set_subtitle (self->error_row, config_error);
      gtk_widget_set_visible (GTK_WIDGET (self->error_group), TRUE);
    }

  for (guint i = 0; i < n_importable; i++)
    adw_preferences_group_add (self->profiles_group, create_profile_row (self, config, importable[i]));

  if (n_importable > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "profiles");
      /* One profile: that is surely the one. */
      if (n_importable == 1 && self->checks->len == 1)
        gtk_check_button_set_active (g_ptr_array_index (self->checks, 0), TRUE);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      /* Nothing to choose: the dialog only informs. */
      gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
      gtk_button_set_label (self->cancel_button, _("_Close"));
      if (config_error != NULL)
        {
          adw_status_page_set_icon_name (self->empty_page, "dialog-warning-symbolic");
          adw_status_page_set_title (self->empty_page, _("The AWS CLI Configuration Could Not Be Read"));
          amigo_status_page_set_description_literal (self->empty_page, config_error);
        }
      else if (config == NULL)
        amigo_status_page_set_description_literal (self->empty_page,
                                                   _("Amigo is still reading the AWS CLI configuration. "
                                                     "Try again in a moment."));
      else if (all != NULL && all[0] != NULL)
        {
          adw_status_page_set_title (self->empty_page, _("All Profiles Imported"));
          amigo_status_page_set_description_literal (self->empty_page,
                                                     _("Every profile of the AWS CLI is already an account in Amigo."));
        }
      else
        {
          g_autofree char *config_path = display_path (config, amigo_aws_config_get_config_path (config));
          g_autofree char *credentials_path = display_path (config, amigo_aws_config_get_credentials_path (config));
          /* Translators: the two %s are the AWS CLI's files, usually
           * ~/.aws/config and ~/.aws/credentials */
          g_autofree char *text = g_strdup_printf (_("No AWS CLI profiles found in %s or %s. "
                                                     "Set one up with “aws configure”, or add an "
                                                     "account with its access key instead."),
                                                   config_path, credentials_path);

          amigo_status_page_set_description_literal (self->empty_page, text);
        }
    }

  update_import_action (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmigoImportDialog *self = AMIGO_IMPORT_DIALOG (widget);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);

      if (gtk_check_button_get_active (check))
        {
          const char *name = g_object_get_data (G_OBJECT (check), "profile-name");
          AmigoAccount *account = amigo_account_manager_import_profile (self->manager, name);

          if (account != NULL)
            g_ptr_array_add (added, g_object_ref (account));
        }
    }

  for (guint i = 0; i < added->len; i++)
    amigo_account_adder_added (AMIGO_ACCOUNT_ADDER (self), g_ptr_array_index (added, i));

  gtk_window_close (GTK_WINDOW (self));
}

static void
amigo_import_dialog_dispose (GObject *object)
{
  AmigoImportDialog *self = AMIGO_IMPORT_DIALOG (object);

  g_clear_object (&self->manager);
  if (self->checks != NULL)
    g_ptr_array_set_size (self->checks, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), AMIGO_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (amigo_import_dialog_parent_class)->dispose (object);
}

static void
amigo_import_dialog_finalize (GObject *object)
{
  AmigoImportDialog *self = AMIGO_IMPORT_DIALOG (object);

  g_ptr_array_unref (self->checks);

  G_OBJECT_CLASS (amigo_import_dialog_parent_class)->finalize (object);
}

static void
amigo_import_dialog_class_init (AmigoImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amigo_import_dialog_dispose;
  object_class->finalize = amigo_import_dialog_finalize;


  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/accounts/amigo-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AmigoImportDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoImportDialog, error_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoImportDialog, profiles_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoImportDialog, empty_page);

  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
amigo_import_dialog_init (AmigoImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->checks = g_ptr_array_new ();
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->import_button));
}

/**
 * amigo_import_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @manager: the accounts, and the AWS CLI configuration they were read with
 *
 * Returns: (transfer none): the dialog, owned by GTK like every window; present it
 */
AmigoImportDialog *
amigo_import_dialog_new (GtkWindow           *parent,
                         AmigoAccountManager *manager)
{
  AmigoImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (AMIGO_IS_ACCOUNT_MANAGER (manager), NULL);

  self = g_object_new (AMIGO_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->manager = g_object_ref (manager);
  fill (self);
  return self;
}

/**
 * _amigo_import_dialog_get_check:
 *
 * Returns: (transfer none) (nullable): the check button of an importable
 *   profile
 */
GtkCheckButton *
_amigo_import_dialog_get_check (AmigoImportDialog *self,
                                const char        *profile_name)
{
  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (check), "profile-name"), profile_name) == 0)
        return check;
    }
  return NULL;
}
