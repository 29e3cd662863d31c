/* amigo-window-all-accounts.c — every account at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "All Accounts", beside the accounts in the account button's popover,
 * lists the current source across the chosen accounts ("Choose Accounts…"
 * beside it; all of them until some are left out) and the chosen region
 * (or regions) at once: the clients of the accounts are asked for
 * together, then one store load covers each account × region, each image
 * remembering its account (the Account column). An account that cannot
 * be used, or a region of it that fails, is named in a banner above the
 * list without hiding the others' images. Details and actions on an
 * image act in the image's own account.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-window-private.h"
#include "amigo-ec2.h"
#include "amigo-region-list.h"
#include "amigo-confirm.h"
#include "accounts/amigo-all-accounts-dialog.h"

struct _AmigoWindowAllAccounts
{
  GtkWidget *button;            /* borrowed: in the account popover */
  GtkWidget *choose_button;     /* borrowed: beside it */
  GtkWidget *banner;            /* borrowed: above the content stack */
  GtkWidget *banner_label;      /* borrowed */
  gboolean active;
  guint pending;                /* clients still being asked for */
  GHashTable *clients;          /* account id → AmigoClient */
  GPtrArray *failures;          /* "Account: why" lines, for the banner */
  GPtrArray *accounts;          /* AmigoAccount: of the load under way */
  GPtrArray *regions;           /* char *: the regions asked */
};

gboolean
_amigo_window_all_accounts_active (AmigoWindow *self)
{
  return self->all_accounts != NULL && self->all_accounts->active;
}

static void
update_banner (AmigoWindow *self)
{
  AmigoWindowAllAccounts *all = self->all_accounts;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < all->failures->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (all->failures, i));
    }
  gtk_label_set_text (GTK_LABEL (all->banner_label), text->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (all->banner),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
  gtk_widget_set_visible (all->banner, all->active && all->failures->len > 0);
}

static void
add_failure (AmigoWindow  *self,
             AmigoAccount *account,
             const char   *region,
             const char   *message)
{
  char *line;

  if (region != NULL)
    /* Translators: a line of the All Accounts banner: the account's name,
     * a region code, then AWS's message */
    line = g_strdup_printf (_("%s, %s: %s"), amigo_account_get_name (account), region, message);
  else
    /* Translators: a line of the All Accounts banner: the account's name,
     * then why it could not be used */
    line = g_strdup_printf (_("%s: %s"), amigo_account_get_name (account), message);
  g_ptr_array_add (self->all_accounts->failures, line);
}

/* ---- loading ------------------------------------------------------------ */

static void
start_store_load (AmigoWindow *self)
{
  AmigoWindowAllAccounts *all = self->all_accounts;
  g_autoptr(GPtrArray) ec2s = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_autoptr(AmigoImageSearch) search = NULL;
  AmigoImageFilter *filter = amigo_image_list_get_filter (self->image_list);
  AmigoClient *shown_client = NULL;

  for (guint i = 0; i < all->accounts->len; i++)
    {
      AmigoAccount *account = g_ptr_array_index (all->accounts, i);
      AmigoClient *client = g_hash_table_lookup (all->clients, amigo_account_get_id (account));

      if (client == NULL)
        continue;
      if (shown_client == NULL || account == self->account)
        shown_client = client;
      for (guint j = 0; j < all->regions->len; j++)
        {
          g_autoptr(GError) error = NULL;
          const char *region = g_ptr_array_index (all->regions, j);
          AmigoEc2 *ec2 = amigo_ec2_new_for_account (account, client, region, &error);

          if (ec2 == NULL)
            {
              add_failure (self, account, region, error->message);
              continue;
            }
          g_ptr_array_add (ec2s, ec2);
          g_ptr_array_add (owners, account);
        }
    }

  /* Actions are offered once a client is known; each acts with the
   * client of its image's account (_amigo_window_all_accounts_context). */
  g_set_object (&self->client, shown_client);
  _amigo_window_update_actions (self);
  update_banner (self);
  if (ec2s->len == 0)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      adw_status_page_set_title (self->empty_page, _("No Account Could Be Listed"));
      return;
    }
  if (amigo_image_source_is_large ((AmigoImageSource) self->source))
    search = amigo_image_search_new (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  amigo_image_store_load_accounts (self->store, ec2s, owners, (AmigoImageSource) self->source,
                                   amigo_image_filter_get_include_deprecated (filter), search);
  _amigo_window_update_content_page (self);
}

static void
client_ready (AmigoWindow  *self,
              AmigoAccount *account,
              AmigoClient  *client,
              const GError *error)
{
  if (client == NULL)
    add_failure (self, account, NULL, error->message);
  else
    g_hash_table_insert (self->all_accounts->clients, g_strdup (amigo_account_get_id (account)),
                         g_object_ref (client));
  if (--self->all_accounts->pending == 0)
    start_store_load (self);
}

/* The accounts All Accounts lists: those not left out in the "Choose
 * Accounts" dialog, or every one when all of them were (the account left
 * on was removed since). */
static GPtrArray *
chosen_accounts (AmigoWindow *self)
{
  GListModel *accounts = amigo_account_manager_get_accounts (self->manager);
  GPtrArray *chosen = g_ptr_array_new_with_free_func (g_object_unref);

  for (int pass = 0; pass < 2 && chosen->len == 0; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
      {
        AmigoAccount *account = g_list_model_get_item (accounts, i);

        if (pass == 1 || !amigo_all_accounts_dialog_is_left_out (self->settings, amigo_account_get_id (account)))
          g_ptr_array_add (chosen, account);
        else
          g_object_unref (account);
      }
  return chosen;
}

/* Called by every reload: TRUE when All Accounts took it over. */
gboolean
_amigo_window_all_accounts_reload (AmigoWindow *self)
{
  AmigoWindowAllAccounts *all = self->all_accounts;
  g_autoptr(GPtrArray) chosen = NULL;

  amigo_image_list_set_show_account (self->image_list, _amigo_window_all_accounts_active (self));
  if (!_amigo_window_all_accounts_active (self))
    {
      gtk_widget_set_visible (all->banner, FALSE);
      return FALSE;
    }

  g_hash_table_remove_all (all->clients);
  g_ptr_array_set_size (all->failures, 0);
  g_ptr_array_set_size (all->accounts, 0);
  g_ptr_array_set_size (all->regions, 0);
  update_banner (self);

  chosen = chosen_accounts (self);
  if (chosen->len == 0 || !_amigo_window_listing_may_load (self))
    return TRUE;

  if (self->region != NULL && *self->region != '\0')
    g_ptr_array_add (all->regions, g_strdup (self->region));
  else if (self->region_list != NULL)
    for (guint i = 0; i < self->region_list->len; i++)
      {
        const AmigoRegionEntry *entry = g_ptr_array_index (self->region_list, i);

        if (entry->state != AMIGO_REGION_STATE_NOT_ENABLED)
          g_ptr_array_add (all->regions, g_strdup (entry->code));
      }

  amigo_image_list_set_show_region (self->image_list, self->region == NULL || *self->region == '\0');
  gtk_stack_set_visible_child_name (self->content_stack, "loading");
  self->load_cancellable = g_cancellable_new ();
  all->pending = chosen->len;
  for (guint i = 0; i < chosen->len; i++)
    {
      AmigoAccount *account = g_ptr_array_index (chosen, i);

      g_ptr_array_add (all->accounts, g_object_ref (account));
      _amigo_window_get_account_client (self, account, client_ready);
    }
  return TRUE;
}

/* Called when the store's load finished: TRUE when it was All Accounts'. */
gboolean
_amigo_window_all_accounts_finished (AmigoWindow *self)
{
  AmigoWindowAllAccounts *all = self->all_accounts;

  if (!_amigo_window_all_accounts_active (self))
    return FALSE;
  for (guint i = 0; i < all->accounts->len; i++)
    {
      AmigoAccount *account = g_ptr_array_index (all->accounts, i);

      if (!g_hash_table_contains (all->clients, amigo_account_get_id (account)))
        continue;
      for (guint j = 0; j < all->regions->len; j++)
        {
          const char *region = g_ptr_array_index (all->regions, j);
          const GError *error = amigo_image_store_get_account_error (self->store, account, region);

          if (error != NULL)
            add_failure (self, account, region, error->message);
        }
    }
  update_banner (self);
  _amigo_window_update_content_page (self);
  return TRUE;
}

/**
 * amigo_window_get_image_account:
 * @image: (nullable): an image of the list
 * @account: (out) (transfer none): the account to act in
 * @client: (out) (transfer none) (nullable): its client
 *
 * Details and actions act in the image's own account under All Accounts,
 * in the window's account otherwise.
 */
void
amigo_window_get_image_account (AmigoWindow   *self,
                                      AmigoImage    *image,
                                      AmigoAccount **account,
                                      AmigoClient  **client)
{
  AmigoAccount *owner = image ? amigo_image_store_get_image_account (image) : NULL;

  *account = self->account;
  *client = self->client;
  if (!_amigo_window_all_accounts_active (self) || owner == NULL)
    return;
  *account = owner;
  *client = g_hash_table_lookup (self->all_accounts->clients, amigo_account_get_id (owner));
}

/* Whether the images are all owned by the account each was listed in
 * (under All Accounts), or by the window's account. */
gboolean
_amigo_window_all_accounts_owns_images (AmigoWindow *self,
                                        GPtrArray   *images)
{
  for (guint i = 0; i < images->len; i++)
    {
      AmigoImage *image = g_ptr_array_index (images, i);
      AmigoAccount *account;
      AmigoClient *client;
      const char *number;

      amigo_window_get_image_account (self, image, &account, &client);
      number = account ? amigo_account_get_account_number (account) : NULL;
      if (number != NULL)
        {
          if (g_strcmp0 (amigo_image_get_owner_id (image), number) != 0)
            return FALSE;
        }
      else if (self->source != 0)
        /* Not knowing the account id, trust the source "My AMIs". */
        return FALSE;
    }
  return TRUE;
}

/* An action acts in one account: given images of several (All Accounts),
 * it says so and names them instead of acting in the first one's account
 * for all. Returns TRUE when it refused. */
gboolean
_amigo_window_all_accounts_refuse_mixed (AmigoWindow *self,
                                         GPtrArray   *images)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (!_amigo_window_all_accounts_active (self))
    return FALSE;
  for (guint i = 0; i < images->len; i++)
    {
      AmigoAccount *account = amigo_image_store_get_image_account (g_ptr_array_index (images, i));
      const char *name = account ? amigo_account_get_name (account) : NULL;

      if (name != NULL && !g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
        g_ptr_array_add (names, (gpointer) name);
    }
  if (names->len < 2)
    return FALSE;

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        /* Translators: between two account names in a list */
        g_string_append (list, _(", "));
      g_string_append (list, g_ptr_array_index (names, i));
    }
  /* Translators: %s is a list of account names */
  body = g_strdup_printf (_("An action on several images acts in one account at a time, "
                            "and the selected images belong to %s. Select the images of one account, "
                            "then choose the action again."), list->str);
  /* The accounts' names are the person's own: shown as text, never markup. */
  dialog = amigo_confirm_tell (GTK_WIDGET (self), _("Images of Several Accounts"), body);
  gtk_widget_set_name (GTK_WIDGET (dialog), "several_accounts_dialog");
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* ---- choosing ----------------------------------------------------------- */

static void
set_active (AmigoWindow *self,
            gboolean     active)
{
  if (self->all_accounts->active == active)
    return;
  self->all_accounts->active = active;
  if (active)
    gtk_label_set_label (self->account_label, _("All Accounts"));
  else if (self->account != NULL)
    gtk_label_set_label (self->account_label, amigo_account_get_name (self->account));
}

/* A single account was chosen. */
void
amigo_window_leave_all_accounts (AmigoWindow *self)
{
  if (!_amigo_window_all_accounts_active (self))
    return;
  set_active (self, FALSE);
  _amigo_window_reload (self);
}

static void
on_all_accounts_clicked_cb (GtkButton   *button,
                            AmigoWindow *self)
{
  gtk_menu_button_popdown (self->account_button);
  set_active (self, TRUE);
  _amigo_window_reload (self);
}

/* The dialog closed: list again if All Accounts shows other accounts
 * than the chosen ones. */
static void
on_choose_dialog_destroy_cb (AmigoWindow *self)
{
  AmigoWindowAllAccounts *all = self->all_accounts;
  g_autoptr(GPtrArray) chosen = chosen_accounts (self);
  gboolean same = chosen->len == all->accounts->len;

  for (guint i = 0; same && i < chosen->len; i++)
    same = g_ptr_array_find (all->accounts, g_ptr_array_index (chosen, i), NULL);
  if (_amigo_window_all_accounts_active (self) && !same)
    _amigo_window_reload (self);
}

/* The popover's "Choose Accounts…": which accounts All Accounts lists. */
void
_amigo_window_choose_all_accounts_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  AmigoWindow *self = AMIGO_WINDOW (widget);
  AmigoAllAccountsDialog *dialog =
    amigo_all_accounts_dialog_new (GTK_WINDOW (self), amigo_account_manager_get_accounts (self->manager),
                                   self->settings);

  gtk_menu_button_popdown (self->account_button);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_choose_dialog_destroy_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What the popover's All Accounts button does (public for tests and
 * anything else that drives the window). */
void
amigo_window_select_all_accounts (AmigoWindow *self)
{
  on_all_accounts_clicked_cb (NULL, self);
}

/* The failures shown above the list, or NULL when there are none. */
const char *
amigo_window_get_all_accounts_banner (AmigoWindow *self)
{
  if (!gtk_widget_get_visible (self->all_accounts->banner))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->all_accounts->banner_label));
}

/* ---- set-up ------------------------------------------------------------- */

void
_amigo_window_init_all_accounts (AmigoWindow *self)
{
  AmigoWindowAllAccounts *all = g_new0 (AmigoWindowAllAccounts, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *leave_out;

  self->all_accounts = all;
  all->clients = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  all->failures = g_ptr_array_new_with_free_func (g_free);
  all->accounts = g_ptr_array_new_with_free_func (g_object_unref);
  all->regions = g_ptr_array_new_with_free_func (g_free);

  /* Beside the accounts, in their popover. */
  all->button = gtk_button_new_with_mnemonic (_("A_ll Accounts"));
  gtk_widget_set_name (all->button, "all_accounts_button");
  gtk_widget_add_css_class (all->button, "flat");
  gtk_widget_set_tooltip_text (all->button, _("List the images of every account at once"));
  g_signal_connect (all->button, "clicked", G_CALLBACK (on_all_accounts_clicked_cb), self);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->account_list))),
                              all->button, GTK_WIDGET (self->account_list));
  all->choose_button = gtk_button_new_with_mnemonic (_("C_hoose Accounts…"));
  gtk_widget_set_name (all->choose_button, "choose_all_accounts_button");
  gtk_widget_add_css_class (all->choose_button, "flat");
  gtk_widget_set_tooltip_text (all->choose_button, _("Choose the accounts that All Accounts lists"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (all->choose_button), "win.choose-all-accounts");
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (all->button)), all->choose_button, all->button);

  /* The banner naming what failed, above the list. */
  all->banner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  all->banner_label = gtk_label_new (NULL);
  gtk_widget_set_name (all->banner, "all_accounts_banner");
  gtk_widget_add_css_class (all->banner, "toolbar");
  gtk_widget_add_css_class (all->banner, "warning");
  gtk_label_set_wrap (GTK_LABEL (all->banner_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (all->banner_label), 0);
  gtk_label_set_selectable (GTK_LABEL (all->banner_label), TRUE);
  gtk_widget_set_hexpand (all->banner_label, TRUE);
  gtk_box_append (GTK_BOX (all->banner), icon);
  gtk_box_append (GTK_BOX (all->banner), all->banner_label);
  /* Where a failing account shows, a way to leave it out. */
  leave_out = gtk_button_new_with_label (_("Choose Accounts…"));
  gtk_widget_set_name (leave_out, "banner_choose_accounts_button");
  gtk_widget_set_valign (leave_out, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (leave_out, _("Choose the accounts that All Accounts lists"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (leave_out), "win.choose-all-accounts");
  gtk_box_append (GTK_BOX (all->banner), leave_out);
  gtk_accessible_update_property (GTK_ACCESSIBLE (all->banner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Accounts and regions that could not be listed"),
                                  -1);
  gtk_widget_set_visible (all->banner, FALSE);

  g_object_ref (self->content_stack);
  gtk_paned_set_start_child (self->paned, box);
  gtk_box_append (GTK_BOX (box), all->banner);
  gtk_widget_set_vexpand (GTK_WIDGET (self->content_stack), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->content_stack));
  g_object_unref (self->content_stack);
}

void
_amigo_window_dispose_all_accounts (AmigoWindow *self)
{
  AmigoWindowAllAccounts *all = self->all_accounts;

  if (all == NULL)
    return;
  g_hash_table_unref (all->clients);
  g_ptr_array_unref (all->failures);
  g_ptr_array_unref (all->accounts);
  g_ptr_array_unref (all->regions);
  g_clear_pointer (&self->all_accounts, g_free);
}
