/* amigo-all-accounts-dialog.c — which accounts All Accounts lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A check per account, all on until the person leaves some out; the ids
 * of those left out (never a secret) are remembered in the
 * "all-accounts-left-out" GSettings key. At least one account stays on:
 * the last one's check cannot be cleared. The window lists again, when
 * All Accounts is shown, once the dialog is closed.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-account.h"
#include "amigo-all-accounts-dialog.h"

#define LEFT_OUT_KEY "all-accounts-left-out"

struct _AmigoAllAccountsDialog
{
  AdwWindow parent_instance;

  AdwPreferencesGroup *group;   /* borrowed */
  GPtrArray *checks;            /* GtkCheckButton, borrowed */
  GSettings *settings;          /* owned */
};

G_DEFINE_FINAL_TYPE (AmigoAllAccountsDialog, amigo_all_accounts_dialog, ADW_TYPE_WINDOW)

/**
 * amigo_all_accounts_dialog_is_left_out:
 *
 * Returns: whether the person left the account @account_id out of All Accounts
 */
gboolean
amigo_all_accounts_dialog_is_left_out (GSettings  *settings,
                                       const char *account_id)
{
  g_auto(GStrv) left_out = g_settings_get_strv (settings, LEFT_OUT_KEY);

  return g_strv_contains ((const char * const *) left_out, account_id);
}

/* The last check on cannot be cleared: All Accounts lists at least one. */
static void
update_sensitivity (AmigoAllAccountsDialog *self)
{
  guint n_on = 0;

  for (guint i = 0; i < self->checks->len; i++)
    n_on += gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);

      gtk_widget_set_sensitive (gtk_widget_get_ancestor (GTK_WIDGET (check), ADW_TYPE_ACTION_ROW),
                                !(n_on == 1 && gtk_check_button_get_active (check)));
    }
}

static void
on_check_toggled_cb (GtkCheckButton         *check,
                     AmigoAllAccountsDialog *self)
{
  const char *id = gtk_widget_get_name (GTK_WIDGET (check));
  g_auto(GStrv) left_out = g_settings_get_strv (self->settings, LEFT_OUT_KEY);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;

  for (guint i = 0; left_out[i] != NULL; i++)
    if (!g_str_equal (left_out[i], id))
      g_strv_builder_add (builder, left_out[i]);
  if (!gtk_check_button_get_active (check))
    g_strv_builder_add (builder, id);
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, LEFT_OUT_KEY, (const char * const *) updated);
  update_sensitivity (self);
}

static void
add_rows (AmigoAllAccountsDialog *self,
          GListModel             *accounts)
{
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(AmigoAccount) account = g_list_model_get_item (accounts, i);
      const char *id = amigo_account_get_id (account);
      const char *number = amigo_account_get_account_number (account);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      /* The account's name is the person's own: text, never markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), amigo_account_get_name (account));
      if (number != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), number);
      gtk_widget_set_name (check, id);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   !amigo_all_accounts_dialog_is_left_out (self->settings, id));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      amigo_account_get_name (account), -1);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled_cb), self, 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->checks, check);
    }
  update_sensitivity (self);
}

static void
amigo_all_accounts_dialog_dispose (GObject *object)
{
  AmigoAllAccountsDialog *self = AMIGO_ALL_ACCOUNTS_DIALOG (object);

  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (amigo_all_accounts_dialog_parent_class)->dispose (object);
}

static void
amigo_all_accounts_dialog_class_init (AmigoAllAccountsDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = amigo_all_accounts_dialog_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
amigo_all_accounts_dialog_init (AmigoAllAccountsDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();

  self->checks = g_ptr_array_new ();
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_window_set_title (GTK_WINDOW (self), _("Choose Accounts"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 400, 420);
  adw_preferences_group_set_description (self->group,
                                         _("“All Accounts” lists the images of the accounts chosen here. "
                                           "At least one must stay chosen."));
  gtk_widget_set_vexpand (page, TRUE);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->group);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
}

/**
 * amigo_all_accounts_dialog_new:
 *
 * Returns: (transfer none): a dialog over @parent choosing which of
 *   @accounts All Accounts lists, remembered in @settings
 */
AmigoAllAccountsDialog *
amigo_all_accounts_dialog_new (GtkWindow  *parent,
                               GListModel *accounts,
                               GSettings  *settings)
{
  AmigoAllAccountsDialog *self = g_object_new (AMIGO_TYPE_ALL_ACCOUNTS_DIALOG,
                                               "transient-for", parent,
                                               NULL);

  gtk_widget_set_name (GTK_WIDGET (self), "all_accounts_dialog");
  self->settings = g_object_ref (settings);
  add_rows (self, accounts);
  return self;
}
