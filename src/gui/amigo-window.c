/* amigo-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-window.h"
#include "amigo-window-private.h"
#include "amigo-a11y.h"
#include "amigo-ec2.h"
#include "accounts/amigo-account-dialog.h"
#include "accounts/amigo-import-dialog.h"
#include "actions/amigo-actions.h"
#include "images/amigo-columns-dialog.h"
#include "tasks/amigo-task-list.h"
#include "amigo-endpoint.h"
#include "amigo-error.h"
#include "images/amigo-filter-popover.h"
#include "images/amigo-image-details.h"
#include "images/amigo-image-list.h"
#include "amigo-image-store.h"
#include "amigo-sts.h"
#include "amigo-text.h"

G_DEFINE_FINAL_TYPE (AmigoWindow, amigo_window, ADW_TYPE_APPLICATION_WINDOW)

/* The sources of the sidebar, in order. */
typedef struct {
  const char *id;
  const char *icon_name;
  const char *title;
} AmigoSourceInfo;

static const AmigoSourceInfo sources[] = {
  { "self", "avatar-default-symbolic", N_("My AMIs") },
  { "shared", "emblem-shared-symbolic", N_("Shared with Me") },
  { "amazon", "starred-symbolic", N_("Amazon") },
  { "aws-marketplace", "amigo-marketplace-symbolic", N_("AWS Marketplace") },
  { "public", "amigo-globe-symbolic", N_("Public") },
};

static GtkWidget *
create_source_row (const AmigoSourceInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(info->title));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (info->icon_name));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, info->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->title),
                                  -1);
  return row;
}

static const char *
source_id (AmigoWindow *self)
{
  return sources[self->source].id;
}

void
_amigo_window_set_account (AmigoWindow  *self,
                           AmigoAccount *account)
{
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  if (!g_set_object (&self->account, account))
    return;

  if (account != NULL)
    g_signal_connect_swapped (account, "notify::account-number",
                              G_CALLBACK (_amigo_window_update_account_id), self);
  _amigo_window_update_account_id (self);
  gtk_label_set_label (self->account_label, account ? amigo_account_get_name (account) : "");
  if (account != NULL)
    {
      g_autofree char *last_region = NULL;

      g_settings_set_string (self->settings, "last-account", amigo_account_get_id (account));
      last_region = g_settings_get_string (self->settings, "last-region");
      g_clear_pointer (&self->region, g_free);
      if (last_region[0] != '\0' &&
          amigo_partition_for_region (last_region) ==
          amigo_partition_for_region (amigo_account_get_default_region (account)))
        self->region = g_steal_pointer (&last_region);
    }
  _amigo_window_update_regions (self);
  _amigo_window_rebuild_account_list (self);
  _amigo_window_reload (self);
}

/* Without an account there is nothing to refresh, search or act on:
 * the welcome page shows only its own buttons. */
static void
show_browser_controls (AmigoWindow *self,
                       gboolean     visible)
{
  gtk_widget_set_visible (GTK_WIDGET (self->account_button), visible);
  gtk_widget_set_visible (GTK_WIDGET (self->region_dropdown), visible);
  gtk_widget_set_visible (self->refresh_button, visible);
  gtk_widget_set_visible (self->search_button, visible);
  gtk_widget_set_visible (GTK_WIDGET (self->actions_button), visible);
}

static void
accounts_changed (AmigoWindow *self)
{
  GListModel *accounts = amigo_account_manager_get_accounts (self->manager);
  g_autofree char *last = NULL;
  AmigoAccount *pick = NULL;

  if (!amigo_account_manager_get_loaded (self->manager))
    {
      gtk_stack_set_visible_child_name (self->main_stack, "starting");
      return;
    }

  if (g_list_model_get_n_items (accounts) == 0)
    {
      _amigo_window_set_account (self, NULL);
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      show_browser_controls (self, FALSE);
      return;
    }

  show_browser_controls (self, TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "browser");

  /* Keep the current account if it is still there, else the one AWS_PROFILE
   * names, else the last used one, else the first. */
  if (self->account != NULL &&
      amigo_account_manager_lookup (self->manager, amigo_account_get_id (self->account)) == self->account)
    pick = self->account;
  if (pick == NULL)
    pick = amigo_account_manager_get_preferred (self->manager);
  if (pick == NULL)
    {
      last = g_settings_get_string (self->settings, "last-account");
      pick = amigo_account_manager_lookup (self->manager, last);
    }
  if (pick == NULL)
    {
      g_autoptr(AmigoAccount) first = g_list_model_get_item (accounts, 0);
      pick = first;
    }
  if (pick == self->account)
    _amigo_window_rebuild_account_list (self);
  else
    _amigo_window_set_account (self, pick);
}

static void
on_accounts_items_changed_cb (GListModel  *model,
                              guint        position,
                              guint        removed,
                              guint        added,
                              AmigoWindow *self)
{
  accounts_changed (self);
}

static void
on_manager_loaded_cb (AmigoAccountManager *manager,
                      GParamSpec          *pspec,
                      AmigoWindow         *self)
{
  accounts_changed (self);
}

static void
on_region_selected_cb (GtkDropDown *dropdown,
                       GParamSpec  *pspec,
                       AmigoWindow *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating_regions || selected >= self->region_codes->len)
    return;

  g_free (self->region);
  self->region = g_strdup (g_ptr_array_index (self->region_codes, selected));
  g_settings_set_string (self->settings, "last-region", self->region);
  _amigo_window_reload (self);
}

static void
on_source_row_selected_cb (GtkListBox    *box,
                           GtkListBoxRow *row,
                           AmigoWindow   *self)
{
  if (row == NULL)
    return;
  if (!_amigo_window_fleet_select (self, gtk_list_box_row_get_index (row)))
    self->source = gtk_list_box_row_get_index (row);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  _amigo_window_reload (self);
}

/* What the empty page says: "No images in Seoul owned by you". */
static char *
describe_empty (AmigoWindow *self)
{
  const AmigoRegionInfo *info = self->region && *self->region ? amigo_region_lookup (self->region) : NULL;
  const char *where = info ? amigo_region_info_get_display_name (info) : (self->region && *self->region ? self->region : NULL);

  switch (self->source)
    {
    case 0:
      return where ? g_strdup_printf (_("No images in %s owned by you"), where)
                   : g_strdup (_("No images owned by you in any region"));
    case 1:
      return where ? g_strdup_printf (_("No images in %s are shared with you"), where)
                   : g_strdup (_("No images are shared with you in any region"));
    case 2:
      return where ? g_strdup_printf (_("No Amazon images in %s"), where)
                   : g_strdup (_("No Amazon images"));
    case 3:
      return where ? g_strdup_printf (_("No AWS Marketplace images in %s"), where)
                   : g_strdup (_("No AWS Marketplace images"));
    case 4:
    default:
      return where ? g_strdup_printf (_("No public images in %s"), where)
                   : g_strdup (_("No public images"));
    }
}

static gboolean
pulse_cb (gpointer user_data)
{
  AmigoWindow *self = user_data;

  gtk_progress_bar_pulse (self->load_progress);
  return G_SOURCE_CONTINUE;
}

static void
show_error (AmigoWindow  *self,
            const GError *error)
{
  const AmigoAwsErrorDetails *details = amigo_aws_error_get_details (error);
  g_autofree char *description = NULL;
  const char *title = _("Could Not Load Images");
  const char *advice = NULL;
  gboolean offer_edit = FALSE;
  gboolean offer_sign_in = FALSE;

  if (error->domain == AMIGO_AWS_ERROR)
    switch ((AmigoAwsErrorCode) error->code)
      {
      case AMIGO_AWS_ERROR_AUTH:
        title = _("AWS Refused the Account’s Keys");
        advice = _("Check the access key and secret of this account, or that its clock is right.");
        offer_edit = TRUE;
        break;
      case AMIGO_AWS_ERROR_EXPIRED:
        title = _("The Credentials Have Expired");
        advice = _("Renew the session token or the keys of this account.");
        offer_edit = TRUE;
        break;
      case AMIGO_AWS_ERROR_NO_CREDENTIALS:
      case AMIGO_AWS_ERROR_CONFIG:
      case AMIGO_AWS_ERROR_PROCESS:
      case AMIGO_AWS_ERROR_KEYRING:
        title = _("No Usable Credentials");
        advice = _("Edit the account, or fix its AWS CLI profile.");
        offer_edit = TRUE;
        break;
      case AMIGO_AWS_ERROR_NETWORK:
        title = _("AWS Could Not Be Reached");
        advice = _("Check your network connection, then try again.");
        break;
      case AMIGO_AWS_ERROR_THROTTLED:
        /* The client's message already says to wait and try again. */
        break;
      case AMIGO_AWS_ERROR_FAILED:
      case AMIGO_AWS_ERROR_SERVICE:
      case AMIGO_AWS_ERROR_BAD_RESPONSE:
      case AMIGO_AWS_ERROR_INVALID_ARGUMENT:
        /* The title stays "Could Not Load Images"; AWS's message says why. */
        break;
      case AMIGO_AWS_ERROR_SIGN_IN_REQUIRED:
        /* Not an error to the person: the sign-in page of the session. */
        title = _("Sign In to Continue");
        advice = _("Amigo lists the images as soon as you have signed in.");
        offer_sign_in = TRUE;
        break;
      case AMIGO_AWS_ERROR_NOT_FOUND:
      default:
        break;
      }
  else if (error->domain == G_IO_ERROR || error->domain == G_RESOLVER_ERROR)
    {
      title = _("AWS Could Not Be Reached");
      advice = _("Check your network connection, then try again.");
    }

  if (details != NULL && details->request_id != NULL)
    /* Translators: the error page: AWS's message, what to do, and AWS's request id */
    description = g_strdup_printf (_("%s\n\n%s\n\nRequest ID: %s"), error->message, advice ? advice : "", details->request_id);
  else
    description = g_strdup_printf ("%s\n\n%s", error->message, advice ? advice : "");

  gtk_label_set_label (self->count_label, "");
  adw_status_page_set_title (self->error_page, title);
  amigo_status_page_set_description_literal (self->error_page, g_strstrip (description));
  gtk_widget_set_visible (GTK_WIDGET (self->error_edit_button), offer_edit);
  gtk_widget_set_visible (GTK_WIDGET (self->error_sign_in_button), offer_sign_in);
  /* Retrying cannot help before signing in; one suggested button. */
  gtk_widget_set_visible (GTK_WIDGET (self->error_retry_button), !offer_sign_in);
  adw_status_page_set_icon_name (self->error_page, offer_sign_in ? "system-users-symbolic"
                                                                 : "dialog-error-symbolic");
  gtk_stack_set_visible_child_name (self->content_stack, "error");
}

void
_amigo_window_update_content_page (AmigoWindow *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  gboolean loading = amigo_image_store_get_loading (self->store);

  gtk_widget_set_visible (GTK_WIDGET (self->load_progress), loading && total > 0);
  if (loading && total > 0 && self->pulse_id == 0)
    self->pulse_id = g_timeout_add (150, pulse_cb, self);
  else if (!loading)
    g_clear_handle_id (&self->pulse_id, g_source_remove);

  if (total > 0)
    gtk_stack_set_visible_child_name (self->content_stack, "list");
  else if (loading)
    gtk_stack_set_visible_child_name (self->content_stack, "loading");
  else if (amigo_image_store_get_error (self->store) != NULL)
    {
      show_error (self, amigo_image_store_get_error (self->store));
      return;
    }
  else
    {
      g_autofree char *text = describe_empty (self);

      adw_status_page_set_title (self->empty_page, text);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }
  _amigo_window_update_count (self);
}

static void
on_store_items_changed_cb (GListModel  *model,
                           guint        position,
                           guint        removed,
                           guint        added,
                           AmigoWindow *self)
{
  _amigo_window_update_content_page (self);
}

/* After win.show-image: select the image asked for, once it is listed. */
static void
select_focus_image (AmigoWindow *self)
{
  GListModel *shown = amigo_image_list_get_shown (self->image_list);
  GtkSelectionModel *selection = gtk_column_view_get_model (amigo_image_list_get_column_view (self->image_list));
  guint n = g_list_model_get_n_items (shown);

  if (self->focus_image_id == NULL)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmigoImage) image = g_list_model_get_item (shown, i);

      if (g_strcmp0 (amigo_image_get_image_id (image), self->focus_image_id) == 0)
        {
          gtk_selection_model_select_item (selection, i, TRUE);
          gtk_widget_activate_action (GTK_WIDGET (amigo_image_list_get_column_view (self->image_list)),
                                      "list.scroll-to-item", "u", i);
          break;
        }
    }
  g_clear_pointer (&self->focus_image_id, g_free);
}

/* After the load, and once it is known whose problem an error is
 * (amigo-window-regions.c): refused keys are read again (keyring,
 * profile) next time, unless only a region refused them. */
void
_amigo_window_show_load_result (AmigoWindow *self,
                                gboolean     forget_refused)
{
  AmigoImageStore *store = self->store;
  const GError *error = amigo_image_store_get_error (store);

  if (forget_refused && error != NULL && self->account != NULL &&
      (g_error_matches (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_AUTH) ||
       g_error_matches (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_EXPIRED)))
    amigo_account_forget_credentials (self->account);
  _amigo_window_update_content_page (self);
  if (error != NULL && g_list_model_get_n_items (G_LIST_MODEL (store)) > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u region could not be listed: %s",
                                                            "%u regions could not be listed: %s",
                                                            amigo_image_store_get_n_regions_failed (store)),
                                               amigo_image_store_get_n_regions_failed (store),
                                               error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, amigo_toast_new_literal (text));
    }
  select_focus_image (self);
}

static void
on_store_load_finished_cb (AmigoImageStore *store,
                           AmigoWindow     *self)
{
  if (!_amigo_window_all_accounts_finished (self))
    _amigo_window_check_load (self);
}

static void
on_image_selection_changed_cb (AmigoImageList *list,
                               AmigoWindow    *self)
{
  AmigoImage *image = amigo_image_list_get_focused_image (list);
  g_autoptr(AmigoEc2) ec2 = NULL;
  AmigoAccount *account;
  AmigoClient *client;

  /* Under All Accounts, the image's own account. */
  amigo_window_get_image_account (self, image, &account, &client);
  if (image != NULL && client != NULL && account != NULL)
    ec2 = amigo_ec2_new_for_account (account, client,
                                     amigo_image_store_get_image_region (image), NULL);
  amigo_image_details_set_context (self->details, ec2,
                                   account ? amigo_account_get_account_number (account) : NULL);
  amigo_image_details_set_image (self->details, image);
  _amigo_window_fleet_set_image (self, image);
  gtk_widget_set_visible (GTK_WIDGET (self->details_scroller), image != NULL);
  _amigo_window_update_actions (self);
}

static void
on_shown_items_changed_cb (GListModel  *model,
                           guint        position,
                           guint        removed,
                           guint        added,
                           AmigoWindow *self)
{
  _amigo_window_update_count (self);
}

void
_amigo_window_load_failed (AmigoWindow  *self,
                           const GError *error)
{
  /* Refused or expired keys are read again (keyring, profile) next time. */
  if (self->account != NULL &&
      g_error_matches (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_AUTH))
    amigo_account_forget_credentials (self->account);
  if (self->account != NULL &&
      g_error_matches (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_EXPIRED))
    amigo_account_forget_credentials (self->account);

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->load_progress), FALSE);
  show_error (self, error);
}

static void
client_ready (AmigoWindow  *self,
              AmigoAccount *account,
              AmigoClient  *client,
              const GError *error)
{
  if (client == NULL)
    {
      _amigo_window_load_failed (self, error);
      return;
    }
  g_set_object (&self->client, client);
  _amigo_window_update_actions (self);
  _amigo_window_load_regions (self, account, self->client);
}

/* Lists the images of the current account, region(s) and source. Any load
 * under way is cancelled first. */
void
_amigo_window_reload (AmigoWindow *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->store == NULL)
    return;
  amigo_image_store_clear (self->store);
  g_clear_object (&self->client);
  _amigo_window_update_actions (self);
  g_clear_pointer (&self->context_popover, gtk_widget_unparent);

  if (_amigo_window_fleet_reload (self) || _amigo_window_all_accounts_reload (self))
    return;
  if (self->account == NULL || !_amigo_window_listing_may_load (self))
    return;

  g_debug ("Loading images of %s in %s from %s", amigo_account_get_id (self->account),
           self->region && *self->region ? self->region : "all regions", source_id (self));

  amigo_image_list_set_show_region (self->image_list, self->region == NULL || *self->region == '\0');
  gtk_stack_set_visible_child_name (self->content_stack, "loading");
  self->load_cancellable = g_cancellable_new ();
  _amigo_window_get_account_client (self, self->account, client_ready);
}

static void
save_window_state (AmigoWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
amigo_window_close_request (GtkWindow *window)
{
  save_window_state (AMIGO_WINDOW (window));
  return GTK_WINDOW_CLASS (amigo_window_parent_class)->close_request (window);
}

static void
update_tasks_button (AmigoWindow *self)
{
  AmigoApplication *app = AMIGO_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  AmigoTaskManager *tasks = app ? amigo_application_get_task_manager (app) : NULL;

  if (tasks == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->tasks_button),
                          g_list_model_get_n_items (amigo_task_manager_get_tasks (tasks)) > 0);
  /* A spinning icon while AWS is at work, a plain one when all is done. */
  gtk_menu_button_set_icon_name (self->tasks_button,
                                 amigo_task_manager_get_busy (tasks) ? "emblem-synchronizing-symbolic"
                                                                     : "object-select-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->tasks_button),
                               amigo_task_manager_get_busy (tasks) ? _("Tasks in Progress") : _("Tasks"));
}

static void
amigo_window_dispose (GObject *object)
{
  AmigoWindow *self = AMIGO_WINDOW (object);

  if (self->manager != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->manager, self);
      g_signal_handlers_disconnect_by_data (amigo_account_manager_get_accounts (self->manager), self);
      self->manager = NULL;
    }
  g_clear_object (&self->settings);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_clear_object (&self->account);
  g_clear_object (&self->region_names);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  _amigo_window_dispose_listing (self);
  _amigo_window_fleet_dispose (self);
  _amigo_window_dispose_all_accounts (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->client);
  g_clear_pointer (&self->context_popover, gtk_widget_unparent);

  G_OBJECT_CLASS (amigo_window_parent_class)->dispose (object);
}

static void
amigo_window_finalize (GObject *object)
{
  AmigoWindow *self = AMIGO_WINDOW (object);

  g_clear_pointer (&self->region_codes, g_ptr_array_unref);
  _amigo_window_finalize_regions (self);
  g_free (self->region);
  g_free (self->focus_image_id);

  G_OBJECT_CLASS (amigo_window_parent_class)->finalize (object);
}

/* The window's application is set after construction (the property is not
 * a construct property), so the account list is hooked up here. */
static void
amigo_window_set_up_accounts (AmigoWindow      *self,
                              AmigoApplication *app)
{
  AmigoTaskManager *tasks = amigo_application_get_task_manager (app);

  if (tasks != NULL)
    {
      GtkWidget *list = amigo_task_list_new (tasks);

      gtk_menu_button_set_popover (self->tasks_button, list);
      g_signal_connect_object (list, "toast", G_CALLBACK (_amigo_window_on_toast_cb), self, 0);
      g_signal_connect_object (amigo_task_manager_get_tasks (tasks), "items-changed",
                               G_CALLBACK (update_tasks_button), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (tasks, "notify::busy", G_CALLBACK (update_tasks_button), self,
                               G_CONNECT_SWAPPED);
    }

  self->manager = amigo_application_get_account_manager (app);
  g_signal_connect (self->manager, "notify::loaded", G_CALLBACK (on_manager_loaded_cb), self);
  g_signal_connect (amigo_account_manager_get_accounts (self->manager), "items-changed",
                    G_CALLBACK (on_accounts_items_changed_cb), self);
  accounts_changed (self);
  update_tasks_button (self);
}

static void
amigo_window_class_init (AmigoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = amigo_window_dispose;
  object_class->finalize = amigo_window_finalize;
  window_class->close_request = amigo_window_close_request;

  g_type_ensure (AMIGO_TYPE_IMAGE_LIST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/amigo-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, account_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, account_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, account_list);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, tasks_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, actions_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, details_actions_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, source_list);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, image_list);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, load_progress);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, error_edit_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, error_sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, error_retry_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, details_scroller);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, actions_menu);

  gtk_widget_class_bind_template_callback_full (widget_class, "on_account_row_activated_cb",
                                                G_CALLBACK (_amigo_window_on_account_row_activated_cb));
  gtk_widget_class_bind_template_callback (widget_class, on_region_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_source_row_selected_cb);

  _amigo_window_class_init_actions (widget_class);
  _amigo_window_class_init_regions (widget_class);
  _amigo_window_class_init_listing (widget_class);
}

static void
amigo_window_init (AmigoWindow *self)
{
  GtkWidget *filter_popover;

  gtk_widget_init_template (GTK_WIDGET (self));
  amigo_a11y_label_drop_down_button (self->region_dropdown);
  _amigo_window_init_regions (self);

  self->settings = g_settings_new (APPLICATION_ID);
  self->region_codes = g_ptr_array_new_with_free_func (g_free);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    gtk_list_box_append (self->source_list, create_source_row (&sources[i]));
  _amigo_window_fleet_init (self);
  gtk_list_box_select_row (self->source_list,
                           gtk_list_box_get_row_at_index (self->source_list, 0));
  gtk_drop_down_set_expression (self->region_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  self->store = amigo_image_store_new ();
  g_signal_connect (self->store, "items-changed", G_CALLBACK (on_store_items_changed_cb), self);
  g_signal_connect (self->store, "load-finished", G_CALLBACK (on_store_load_finished_cb), self);
  amigo_image_list_set_store (self->image_list, self->store);
  g_signal_connect (amigo_image_list_get_shown (self->image_list), "items-changed",
                    G_CALLBACK (on_shown_items_changed_cb), self);

  self->details = AMIGO_IMAGE_DETAILS (amigo_image_details_new ());
  gtk_scrolled_window_set_child (self->details_scroller, GTK_WIDGET (self->details));
  g_signal_connect (self->image_list, "selection-changed",
                    G_CALLBACK (on_image_selection_changed_cb), self);

  amigo_columns_dialog_apply_hidden (self->image_list, self->settings);
  _amigo_window_init_actions (self);

  filter_popover = amigo_filter_popover_new ();
  amigo_filter_popover_set_filter (AMIGO_FILTER_POPOVER (filter_popover),
                                   amigo_image_list_get_filter (self->image_list));
  gtk_menu_button_set_popover (self->filter_button, filter_popover);
  _amigo_window_init_listing (self);
  _amigo_window_init_all_accounts (self);
}

AmigoWindow *
amigo_window_new (AmigoApplication *application)
{
  AmigoWindow *self = g_object_new (AMIGO_TYPE_WINDOW, "application", application, NULL);

  amigo_window_set_up_accounts (self, application);
  return self;
}

/* Test hooks, see amigo-window-private.h. */

AmigoImageStore *
_amigo_window_get_store (AmigoWindow *self)
{
  return self->store;
}

AmigoImageList *
_amigo_window_get_image_list (AmigoWindow *self)
{
  return self->image_list;
}

AmigoFilterPopover *
_amigo_window_get_filter_popover (AmigoWindow *self)
{
  return AMIGO_FILTER_POPOVER (gtk_menu_button_get_popover (self->filter_button));
}

GtkSearchEntry *
_amigo_window_get_search_entry (AmigoWindow *self)
{
  return self->search_entry;
}

/* "starting", "welcome", or the browser's "loading", "list", "empty", "error". */
const char *
_amigo_window_get_visible_page (AmigoWindow *self)
{
  const char *main_page = gtk_stack_get_visible_child_name (self->main_stack);

  if (g_strcmp0 (main_page, "browser") != 0)
    return main_page;
  return gtk_stack_get_visible_child_name (self->content_stack);
}

AdwStatusPage *
_amigo_window_get_error_page (AmigoWindow *self)
{
  return self->error_page;
}

AdwStatusPage *
_amigo_window_get_empty_page (AmigoWindow *self)
{
  return self->empty_page;
}

GtkWidget *
_amigo_window_get_details (AmigoWindow *self)
{
  return GTK_WIDGET (self->details);
}

gboolean
_amigo_window_select_region (AmigoWindow *self,
                             const char  *region)
{
  for (guint i = 0; i < self->region_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->region_codes, i), region) == 0)
      {
        gtk_drop_down_set_selected (self->region_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

void
_amigo_window_select_source (AmigoWindow *self,
                             guint        source)
{
  gtk_list_box_select_row (self->source_list,
                           gtk_list_box_get_row_at_index (self->source_list, source));
}

AmigoAccount *
_amigo_window_get_account (AmigoWindow *self)
{
  return self->account;
}
