/* amigo-sso-add-dialog.c — "Add Accounts from IAM Identity Center"
 *
 * Where the person signs in (the AWS access portal's start URL and the
 * region of IAM Identity Center), then the sign-in dialog when no token
 * is at hand, then every account × role the portal allows, with check
 * boxes; the chosen pairs become accounts named after the AWS accounts.
 * Nothing secret is kept with them (amigo_account_manager_add_sso()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-account-adder.h"
#include "amigo-error.h"
#include "amigo-sso-add-dialog.h"
#include "amigo-sso-sign-in-dialog.h"
#include "amigo-text.h"

struct _AmigoSsoAddDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  GtkStack *stack;
  GtkButton *continue_button;
  GtkButton *add_button;
  AdwEntryRow *start_url_row;
  AdwEntryRow *region_row;
  AdwPreferencesGroup *assignments_group;
  AdwStatusPage *error_page;

  /* owned */
  AmigoAccountManager *manager;
  AmigoSsoSettings *settings;
  AmigoSsoSession *session;
  GCancellable *cancellable;
  GPtrArray *assignments;       /* AmigoSsoAssignment */
  GPtrArray *checks;            /* GtkCheckButton, one per assignment (borrowed) */
  gboolean signed_in_once;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (AmigoSsoAddDialog, amigo_sso_add_dialog, ADW_TYPE_WINDOW,
                               G_IMPLEMENT_INTERFACE (AMIGO_TYPE_ACCOUNT_ADDER, NULL))

static void list_assignments (AmigoSsoAddDialog *self);

/* A start URL as AWS gives it (https://…/start) — http:// is no portal. */
static gboolean
start_url_is_valid (const char *text)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);

  return uri != NULL && g_strcmp0 (g_uri_get_scheme (uri), "https") == 0 &&
         g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

static gboolean
region_is_valid (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static void
update_buttons (AmigoSsoAddDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean where = g_strcmp0 (page, "where") == 0;
  gboolean pick = g_strcmp0 (page, "pick") == 0;
  guint checked = 0;

  for (guint i = 0; self->checks != NULL && i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      checked++;

  gtk_widget_set_visible (GTK_WIDGET (self->continue_button), !pick);
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), pick);
  gtk_widget_set_sensitive (GTK_WIDGET (self->continue_button),
                            where &&
                            start_url_is_valid (gtk_editable_get_text (GTK_EDITABLE (self->start_url_row))) &&
                            region_is_valid (gtk_editable_get_text (GTK_EDITABLE (self->region_row))));
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), checked > 0);
}

static void
show_page (AmigoSsoAddDialog *self,
           const char        *page)
{
  gtk_stack_set_visible_child_name (self->stack, page);
  update_buttons (self);
}

static void
show_error (AmigoSsoAddDialog *self,
            const char        *message)
{
  amigo_status_page_set_description_literal (self->error_page, message);
  show_page (self, "error");
}

static void
clear_picker (AmigoSsoAddDialog *self)
{
  for (guint i = 0; self->checks != NULL && i < self->checks->len; i++)
    {
      GtkWidget *row = gtk_widget_get_ancestor (g_ptr_array_index (self->checks, i), ADW_TYPE_ACTION_ROW);

      adw_preferences_group_remove (self->assignments_group, row);
    }
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->assignments, g_ptr_array_unref);
}

/* Several roles in one account: the name says which. */
static gboolean
account_has_several_roles (GPtrArray  *assignments,
                           const char *account_id)
{
  guint n = 0;

  for (guint i = 0; i < assignments->len; i++)
    if (g_strcmp0 (((AmigoSsoAssignment *) g_ptr_array_index (assignments, i))->account_id,
                   account_id) == 0)
      n++;
  return n > 1;
}

static char *
assignment_name (AmigoSsoAddDialog  *self,
                 AmigoSsoAssignment *assignment)
{
  if (account_has_several_roles (self->assignments, assignment->account_id))
    /* Translators: an account's name, then the role taken in it */
    return g_strdup_printf (_("%s (%s)"), assignment->account_name, assignment->role_name);
  return g_strdup (assignment->account_name);
}

static void
check_toggled_cb (AmigoSsoAddDialog *self)
{
  update_buttons (self);
}

static void
fill_picker (AmigoSsoAddDialog *self,
             GPtrArray         *assignments)
{
  clear_picker (self);
  self->assignments = g_ptr_array_ref (assignments);
  self->checks = g_ptr_array_new ();
  for (guint i = 0; i < assignments->len; i++)
    {
      AmigoSsoAssignment *assignment = g_ptr_array_index (assignments, i);
      /* Translators: an AWS account's 12-digit id, then a role's name */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), assignment->account_id,
                                                   assignment->role_name);
      g_autofree char *label = g_strdup_printf ("%s, %s", assignment->account_name, subtitle);
      g_autofree char *id = NULL;
      GtkWidget *row = amigo_action_row_new_literal (assignment->account_name, subtitle);
      GtkWidget *check = gtk_check_button_new ();
      g_autoptr(AmigoSsoSettings) settings =
        amigo_sso_settings_new (self->settings->start_url, self->settings->region,
                                assignment->account_id, assignment->role_name);

      id = amigo_account_sso_id (settings);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      /* One already added is shown, checked and fixed. */
      if (amigo_account_manager_lookup (self->manager, id) != NULL)
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          gtk_widget_set_sensitive (check, FALSE);
          gtk_widget_set_tooltip_text (row, _("Added already"));
        }
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (check_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_widget_set_name (row, id);
      adw_preferences_group_add (self->assignments_group, row);
      g_ptr_array_add (self->checks, check);
    }
  if (assignments->len == 0)
    {
      show_error (self, _("IAM Identity Center gives you no account to use. Ask your administrator "
                          "to assign you a permission set."));
      return;
    }
  show_page (self, "pick");
}

static void
assignments_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AmigoSsoAddDialog) self = user_data;
  g_autoptr(GPtrArray) assignments = NULL;
  g_autoptr(GError) error = NULL;

  assignments = amigo_sso_portal_list_assignments_finish (AMIGO_SSO_PORTAL (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (assignments == NULL)
    {
      show_error (self, error->message);
      return;
    }
  fill_picker (self, assignments);
}

static void
signed_in_cb (AmigoSsoSignInDialog *dialog,
              gboolean              signed_in,
              AmigoSsoAddDialog    *self)
{
  if (signed_in)
    {
      self->signed_in_once = TRUE;
      list_assignments (self);
    }
  else
    show_page (self, "where");
}

static void
token_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AmigoSsoAddDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  char *token;

  token = amigo_sso_session_get_token_finish (AMIGO_SSO_SESSION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (token == NULL &&
      g_error_matches (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SIGN_IN_REQUIRED) && !self->signed_in_once)
    {
      AmigoSsoSignInDialog *dialog = amigo_sso_sign_in_dialog_new (GTK_WINDOW (self), self->session);

      g_signal_connect_object (dialog, "finished", G_CALLBACK (signed_in_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  if (token == NULL)
    {
      show_error (self, error->message);
      return;
    }
  amigo_sso_portal_list_assignments_async (amigo_sso_session_get_portal (self->session), token,
                                           self->cancellable, assignments_cb, g_object_ref (self));
  amigo_secure_free_string (token);
}

static void
list_assignments (AmigoSsoAddDialog *self)
{
  show_page (self, "loading");
  amigo_sso_session_get_token_async (self->session, self->cancellable, token_cb, g_object_ref (self));
}

static void
continue_clicked_cb (AmigoSsoAddDialog *self)
{
  const char *start_url = gtk_editable_get_text (GTK_EDITABLE (self->start_url_row));
  const char *region = gtk_editable_get_text (GTK_EDITABLE (self->region_row));
  AmigoAwsConfig *config = amigo_account_manager_get_config (self->manager);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") == 0)
    {
      show_page (self, "where");
      return;
    }
  if (!start_url_is_valid (start_url) || !region_is_valid (region) || config == NULL)
    return;

  g_clear_pointer (&self->settings, amigo_sso_settings_free);
  g_clear_object (&self->session);
  self->settings = amigo_sso_settings_new (start_url, region, NULL, NULL);
  self->session = amigo_sso_session_get_shared (config, self->settings);
  self->signed_in_once = FALSE;
  /* Someone who ran `aws sso login` is not asked again. */
  amigo_sso_session_load_cli_cache (self->session);
  list_assignments (self);
}

static void
add_clicked_cb (AmigoSsoAddDialog *self)
{
  for (guint i = 0; self->checks != NULL && i < self->checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->checks, i);
      AmigoSsoAssignment *assignment = g_ptr_array_index (self->assignments, i);
      g_autoptr(AmigoSsoSettings) settings = NULL;
      g_autofree char *name = NULL;

      if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (check)) || !gtk_widget_get_sensitive (check))
        continue;
      settings = amigo_sso_settings_new (self->settings->start_url, self->settings->region,
                                         assignment->account_id, assignment->role_name);
      name = assignment_name (self, assignment);
      amigo_account_adder_added (AMIGO_ACCOUNT_ADDER (self),
                                 amigo_account_manager_add_sso (self->manager, name, NULL, settings));
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
entry_changed_cb (AmigoSsoAddDialog *self)
{
  update_buttons (self);
}

static void
entry_activated_cb (AmigoSsoAddDialog *self)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->continue_button)))
    continue_clicked_cb (self);
}

static void
amigo_sso_add_dialog_dispose (GObject *object)
{
  AmigoSsoAddDialog *self = AMIGO_SSO_ADD_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->assignments, g_ptr_array_unref);
  g_clear_object (&self->session);
  g_clear_object (&self->manager);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMIGO_TYPE_SSO_ADD_DIALOG);

  G_OBJECT_CLASS (amigo_sso_add_dialog_parent_class)->dispose (object);
}

static void
amigo_sso_add_dialog_finalize (GObject *object)
{
  AmigoSsoAddDialog *self = AMIGO_SSO_ADD_DIALOG (object);

  g_clear_pointer (&self->settings, amigo_sso_settings_free);

  G_OBJECT_CLASS (amigo_sso_add_dialog_parent_class)->finalize (object);
}

static void
amigo_sso_add_dialog_class_init (AmigoSsoAddDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amigo_sso_add_dialog_dispose;
  object_class->finalize = amigo_sso_add_dialog_finalize;


  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/accounts/amigo-sso-add-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoSsoAddDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AmigoSsoAddDialog, continue_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoSsoAddDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoSsoAddDialog, start_url_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoSsoAddDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoSsoAddDialog, assignments_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoSsoAddDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, continue_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
amigo_sso_add_dialog_init (AmigoSsoAddDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  update_buttons (self);
}

/**
 * amigo_sso_add_dialog_new:
 * @parent: (nullable): the window it is modal to
 * @manager: where the chosen accounts go
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
AmigoSsoAddDialog *
amigo_sso_add_dialog_new (GtkWindow           *parent,
                          AmigoAccountManager *manager)
{
  AmigoSsoAddDialog *self = g_object_new (AMIGO_TYPE_SSO_ADD_DIALOG, "transient-for", parent, NULL);

  self->manager = g_object_ref (manager);
  return self;
}

/**
 * amigo_sso_add_dialog_get_page:
 *
 * Returns: "where", "loading", "pick" or "error"
 */
const char *
amigo_sso_add_dialog_get_page (AmigoSsoAddDialog *self)
{
  g_return_val_if_fail (AMIGO_IS_SSO_ADD_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
