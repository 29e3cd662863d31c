/* amigo-window-actions.c — the window's actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The AMI actions of amigo-actions.c as "win.<name>", enabled for the
 * selection each needs and listed by the actions menu of amigo-window.ui
 * (header bar, details pane, a row's context menu); and the window's own:
 * refresh, search, columns, accounts, showing an image a task made.
 */
#include "config.h"

#include <string.h>

#include "accounts/amigo-account-adder.h"
#include "accounts/amigo-account-dialog.h"
#include "actions/amigo-actions.h"
#include "amigo-application.h"
#include "images/amigo-columns-dialog.h"
#include "accounts/amigo-sso-sign-in-dialog.h"
#include "accounts/amigo-switch-role-dialog.h"
#include "amigo-window-private.h"
#include "amigo-text.h"
#include "amigo-region-list.h"
#include "cleanup/amigo-cleanup-window.h"

void
_amigo_window_update_actions (AmigoWindow *self)
{
  g_autoptr(GPtrArray) images = amigo_image_list_get_selected_images (self->image_list);
  gboolean ready = self->client != NULL && self->account != NULL;
  const AmigoActionInfo *actions;
  guint n_actions;

  actions = amigo_actions_get_all (&n_actions);
  for (guint i = 0; i < n_actions; i++)
    {
      g_autofree char *name = g_strconcat ("win.", actions[i].name, NULL);
      gboolean enabled = ready;

      switch (actions[i].needs)
        {
        case AMIGO_ACTION_NEEDS_IMAGE:
          enabled = enabled && images->len == 1;
          break;
        case AMIGO_ACTION_NEEDS_IMAGES:
          enabled = enabled && images->len >= 1;
          break;
        case AMIGO_ACTION_NEEDS_OWN_IMAGE:
          enabled = enabled && images->len == 1 && _amigo_window_all_accounts_owns_images (self, images);
          break;
        case AMIGO_ACTION_NEEDS_OWN_IMAGES:
          enabled = enabled && images->len >= 1 && _amigo_window_all_accounts_owns_images (self, images);
          break;
        case AMIGO_ACTION_NEEDS_NOTHING:
        default:
          break;
        }
      gtk_widget_action_set_enabled (GTK_WIDGET (self), name, enabled);
    }
}

static void
on_context_changed_cb (AmigoActionContext *context,
                       AmigoWindow        *self)
{
  _amigo_window_reload (self);
}

/* A toast from a dialog's action context or from the task list. */
void
_amigo_window_on_toast_cb (gpointer     source,
                           const char  *text,
                           AmigoWindow *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, amigo_toast_new_literal (text));
}

static void
image_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AmigoWindow *self = AMIGO_WINDOW (widget);
  const AmigoActionInfo *info = amigo_actions_lookup (action_name + strlen ("win."));
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(AmigoActionContext) context = NULL;
  AmigoApplication *app;
  GtkWindow *dialog;
  AmigoAccount *account;
  AmigoClient *client;

  if (info == NULL || self->client == NULL || self->account == NULL)
    return;

  app = AMIGO_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  images = info->needs == AMIGO_ACTION_NEEDS_NOTHING
    ? g_ptr_array_new_with_free_func (g_object_unref)
    : amigo_image_list_get_selected_images (self->image_list);
  /* Under All Accounts, the account of the images acted on: one. */
  if (_amigo_window_all_accounts_refuse_mixed (self, images))
    return;
  amigo_window_get_image_account (self, images->len > 0 ? g_ptr_array_index (images, 0) : NULL,
                                        &account, &client);
  if (client == NULL)
    return;
  context = amigo_action_context_new (account, client, self->region, images,
                                      app ? amigo_application_get_task_manager (app) : NULL);
  g_signal_connect_object (context, "changed", G_CALLBACK (on_context_changed_cb), self, 0);
  g_signal_connect_object (context, "toast", G_CALLBACK (_amigo_window_on_toast_cb), self, 0);

  dialog = info->create (GTK_WINDOW (self), context);
  gtk_window_present (dialog);
}

static void
on_context_menu_cb (AmigoImageList *list,
                    double          x,
                    double          y,
                    AmigoWindow    *self)
{
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  if (self->context_popover == NULL)
    {
      self->context_popover = gtk_popover_menu_new_from_model (self->actions_menu);
      gtk_widget_set_parent (self->context_popover, GTK_WIDGET (self->image_list));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_popover), FALSE);
      gtk_widget_set_halign (self->context_popover, GTK_ALIGN_START);
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->context_popover));
}

static void
on_account_added_cb (GtkWidget    *dialog,
                     AmigoAccount *account,
                     AmigoWindow  *self)
{
  _amigo_window_set_account (self, account);
}

/* Presents @dialog, which adds accounts: the window shows the one added. */
static void
present_adding_dialog (AmigoWindow *self,
                       gpointer     dialog)
{
  g_signal_connect_object (dialog, "account-added", G_CALLBACK (on_account_added_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* win.add-account, win.import-profiles and win.add-sso-accounts */
static void
add_accounts_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AmigoWindow *self = AMIGO_WINDOW (widget);

  present_adding_dialog (self, amigo_account_adder_new_for_action (action_name, GTK_WINDOW (self), self->manager));
}

/* A role on top of the account shown, as the console's "Switch role". */
static void
switch_role_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AmigoWindow *self = AMIGO_WINDOW (widget);

  if (self->account == NULL)
    return;
  present_adding_dialog (self, amigo_switch_role_dialog_new (GTK_WINDOW (self), self->manager,
                                                             self->account));
}

static void
on_signed_in_cb (AmigoSsoSignInDialog *dialog,
                 gboolean              signed_in,
                 AmigoWindow          *self)
{
  if (signed_in)
    _amigo_window_reload (self);
}

/* From the sign-in page: the account's IAM Identity Center token expired
 * or was never there. The listing is asked again once signed in. */
static void
sso_sign_in_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AmigoWindow *self = AMIGO_WINDOW (widget);
  g_autoptr(AmigoSsoSession) session = NULL;
  AmigoSsoSignInDialog *dialog;

  if (self->account != NULL)
    session = amigo_sso_sign_in_dialog_session_for_account (self->manager, self->account);
  if (session == NULL)
    {
      gtk_widget_activate_action (widget, "app.preferences", NULL);
      return;
    }
  dialog = amigo_sso_sign_in_dialog_new (GTK_WINDOW (self), session);
  g_signal_connect_object (dialog, "finished", G_CALLBACK (on_signed_in_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_account_edited_cb (GtkWidget    *dialog,
                      AmigoAccount *account,
                      AmigoWindow  *self)
{
  /* New keys: the next request must not use the ones held in memory. */
  amigo_account_forget_credentials (account);
  if (account == self->account)
    _amigo_window_reload (self);
}

/* From the error page: the account's keys were refused or expired. Keys
 * Amigo stores are edited in place; profiles are the AWS CLI's to fix. */
static void
edit_account_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AmigoWindow *self = AMIGO_WINDOW (widget);
  AmigoAccountDialog *dialog;

  if (self->account == NULL || amigo_account_get_kind (self->account) != AMIGO_ACCOUNT_KIND_KEYRING)
    {
      gtk_widget_activate_action (widget, "app.preferences", NULL);
      return;
    }

  dialog = amigo_account_dialog_new_edit (GTK_WINDOW (self), self->manager, self->account);
  amigo_account_dialog_set_notice (dialog, adw_status_page_get_title (self->error_page));
  g_signal_connect_object (dialog, "account-changed", G_CALLBACK (on_account_edited_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Which columns the list shows, remembered in GSettings. */
static void
choose_columns_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AmigoWindow *self = AMIGO_WINDOW (widget);
  AmigoColumnsDialog *dialog = amigo_columns_dialog_new (GTK_WINDOW (self), self->image_list, self->settings);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* From the task list: show an image made by a task, in its region. */
static void
show_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AmigoWindow *self = AMIGO_WINDOW (widget);
  const char *image_id;
  const char *region;

  g_variant_get (parameter, "(&s&s)", &image_id, &region);
  g_free (self->focus_image_id);
  self->focus_image_id = g_strdup (image_id);

  if (self->source != 0)
    {
      /* Selecting "My AMIs" lists again; the region follows. */
      self->source = 0;
      gtk_list_box_select_row (self->source_list, gtk_list_box_get_row_at_index (self->source_list, 0));
    }
  if (g_strcmp0 (self->region, region) != 0 && _amigo_window_select_region (self, region))
    return;   /* the region change lists again */
  _amigo_window_reload (self);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _amigo_window_reload (AMIGO_WINDOW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmigoWindow *self = AMIGO_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AmigoWindow *self = AMIGO_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* Clean Up (issue 17): the account's own images by cost and use, in a
 * window of its own (src/gui/cleanup/). */
static void
clean_up_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AmigoWindow *self = AMIGO_WINDOW (widget);
  g_autoptr(GPtrArray) regions = g_ptr_array_new ();
  const char *region = self->region != NULL && *self->region != '\0'
                       ? self->region : amigo_account_get_default_region (self->account);
  AmigoCleanupWindow *window;

  if (self->account == NULL || self->client == NULL)
    return;
  for (guint i = 0; self->region_list != NULL && i < self->region_list->len; i++)
    {
      const AmigoRegionEntry *entry = g_ptr_array_index (self->region_list, i);

      if (entry->state != AMIGO_REGION_STATE_NOT_ENABLED)
        g_ptr_array_add (regions, entry->code);
    }
  if (regions->len == 0)
    g_ptr_array_add (regions, (gpointer) region);
  g_ptr_array_add (regions, NULL);
  window = amigo_cleanup_window_new (GTK_WINDOW (self), self->account, self->client,
                                     (const char * const *) regions->pdata, region);
  gtk_window_present (GTK_WINDOW (window));
}

void
_amigo_window_class_init_actions (GtkWidgetClass *widget_class)
{
  const AmigoActionInfo *actions;
  guint n_actions;

  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.choose-columns", NULL, choose_columns_action);
  gtk_widget_class_install_action (widget_class, "win.choose-all-accounts", NULL,
                                   _amigo_window_choose_all_accounts_action);
  gtk_widget_class_install_action (widget_class, "win.show-image", "(ss)", show_image_action);
  gtk_widget_class_install_action (widget_class, "win.add-account", NULL, add_accounts_action);
  gtk_widget_class_install_action (widget_class, "win.import-profiles", NULL, add_accounts_action);
  gtk_widget_class_install_action (widget_class, "win.edit-account", NULL, edit_account_action);
  gtk_widget_class_install_action (widget_class, "win.add-sso-accounts", NULL, add_accounts_action);
  gtk_widget_class_install_action (widget_class, "win.sso-sign-in", NULL, sso_sign_in_action);
  gtk_widget_class_install_action (widget_class, "win.switch-role", NULL, switch_role_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.clean-up", NULL, clean_up_action);

  actions = amigo_actions_get_all (&n_actions);
  for (guint i = 0; i < n_actions; i++)
    {
      g_autofree char *name = g_strconcat ("win.", actions[i].name, NULL);
      guint key;
      GdkModifierType mods;

      gtk_widget_class_install_action (widget_class, name, NULL, image_action_cb);
      if (actions[i].accel != NULL && gtk_accelerator_parse (actions[i].accel, &key, &mods))
        gtk_widget_class_add_binding_action (widget_class, key, mods, name, NULL);
    }

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
}

void
_amigo_window_init_actions (AmigoWindow *self)
{
  g_signal_connect (self->image_list, "context-menu", G_CALLBACK (on_context_menu_cb), self);
  _amigo_window_update_actions (self);
}
