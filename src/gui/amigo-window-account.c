/* amigo-window-account.c — the window's account button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The accounts to switch between, and the id of the account shown, learnt
 * from STS (amigo_account_get_identity_async()) for every kind of account.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "accounts/amigo-account-row.h"
#include "amigo-sts.h"
#include "amigo-window-private.h"

static GtkWidget *
create_account_row_cb (gpointer item,
                       gpointer user_data)
{
  AmigoWindow *self = user_data;

  return amigo_account_row_new (AMIGO_ACCOUNT (item), item == (gpointer) self->account);
}

void
_amigo_window_rebuild_account_list (AmigoWindow *self)
{
  gtk_list_box_bind_model (self->account_list,
                           amigo_account_manager_get_accounts (self->manager),
                           create_account_row_cb, self, NULL);
}

void
_amigo_window_on_account_row_activated_cb (GtkListBox    *box,
                                           GtkListBoxRow *row,
                                           AmigoWindow   *self)
{
  AmigoAccount *account = amigo_account_row_get_account (AMIGO_ACCOUNT_ROW (row));

  gtk_menu_button_popdown (self->account_button);
  if (account == self->account)
    amigo_window_leave_all_accounts (self);
  else if (_amigo_window_all_accounts_active (self))
    {
      /* Leaves All Accounts; the reload comes with the account. */
      amigo_window_leave_all_accounts (self);
      _amigo_window_set_account (self, account);
    }
  else
    _amigo_window_set_account (self, account);
}

/* The account id goes in the account button's tooltip and accessible
 * description, as plain text: "Switch Account", then "Account ID: …". */
void
_amigo_window_update_account_id (AmigoWindow *self)
{
  const char *number = self->account ? amigo_account_get_account_number (self->account) : NULL;
  g_autofree char *id_line = NULL;
  g_autofree char *tooltip = NULL;

  if (number == NULL || *number == '\0')
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->account_button), _("Switch Account"));
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->account_button),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  /* Translators: the 12-digit AWS account id of the account shown */
  id_line = g_strdup_printf (_("Account ID: %s"), number);
  tooltip = g_strdup_printf ("%s\n%s", _("Switch Account"), id_line);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->account_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->account_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, id_line,
                                  -1);
}

/* ---- an account's client, and its id -------------------------------------- */

typedef struct {
  AmigoWindow *self;            /* weak: the load's cancellable dies with the window */
  AmigoAccount *account;
  AmigoClient *client;
  GCancellable *cancellable;    /* the load's */
  AmigoWindowClientReady ready;
} ClientRequest;

static void
client_request_free (ClientRequest *request)
{
  g_clear_object (&request->account);
  g_clear_object (&request->client);
  g_clear_object (&request->cancellable);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClientRequest, client_request_free)

static void
identity_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ClientRequest) request = user_data;
  g_autoptr(AmigoCallerIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;

  identity = amigo_account_get_identity_finish (AMIGO_ACCOUNT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* The images still load; a failure that matters shows where they do. */
  if (identity == NULL)
    g_debug ("The id of %s is unknown: %s", amigo_account_get_name (request->account), error->message);
  request->ready (request->self, request->account, request->client, NULL);
}

static void
get_client_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ClientRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  /* Both borrowed before the request moves on: the arguments are
   * evaluated in any order. */
  AmigoAccount *account = request->account;
  GCancellable *cancellable = request->cancellable;

  request->client = amigo_account_get_client_finish (account, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (request->client == NULL)
    request->ready (request->self, account, NULL, error);
  /* The account id leaves the account's own images out of "Shared with
   * Me", and actions need an image's owner known; STS is asked once per
   * account. */
  else if (amigo_account_get_account_number (account) == NULL)
    amigo_account_get_identity_async (account, cancellable, identity_cb,
                                      g_steal_pointer (&request));
  else
    request->ready (request->self, account, request->client, NULL);
}

/* Gets the client of @account for the load under way, and the account's
 * id first when it is not known yet (not learning it is no failure: the
 * images still load); then @ready, unless the load was cancelled. */
void
_amigo_window_get_account_client (AmigoWindow            *self,
                                  AmigoAccount           *account,
                                  AmigoWindowClientReady  ready)
{
  ClientRequest *request = g_new0 (ClientRequest, 1);

  request->self = self;
  request->account = g_object_ref (account);
  request->cancellable = g_object_ref (self->load_cancellable);
  request->ready = ready;
  amigo_account_get_client_async (account, request->cancellable, get_client_cb, request);
}

/**
 * amigo_window_get_account:
 *
 * Returns: (transfer none) (nullable): the account whose images are shown
 */
AmigoAccount *
amigo_window_get_account (AmigoWindow *self)
{
  g_return_val_if_fail (AMIGO_IS_WINDOW (self), NULL);
  return _amigo_window_get_account (self);
}

/**
 * amigo_window_get_store:
 *
 * Returns: (transfer none): the images of the region and source shown
 */
AmigoImageStore *
amigo_window_get_store (AmigoWindow *self)
{
  g_return_val_if_fail (AMIGO_IS_WINDOW (self), NULL);
  return _amigo_window_get_store (self);
}

/**
 * amigo_window_get_visible_page:
 *
 * Returns: (transfer none): "starting", "welcome", or the browser's
 *   "loading", "list", "empty" or "error"
 */
const char *
amigo_window_get_visible_page (AmigoWindow *self)
{
  g_return_val_if_fail (AMIGO_IS_WINDOW (self), NULL);
  return _amigo_window_get_visible_page (self);
}

/**
 * amigo_window_get_region:
 *
 * Returns: (transfer none) (nullable): the code of the region shown, ""
 *   for all regions, %NULL before any is chosen
 */
const char *
amigo_window_get_region (AmigoWindow *self)
{
  g_return_val_if_fail (AMIGO_IS_WINDOW (self), NULL);
  return self->region;
}

/**
 * amigo_window_select_region:
 * @region: a region code, such as `eu-west-1`
 *
 * Shows @region's images, as choosing it in the region menu does.
 *
 * Returns: whether the menu offers @region
 */
gboolean
amigo_window_select_region (AmigoWindow *self,
                            const char  *region)
{
  g_return_val_if_fail (AMIGO_IS_WINDOW (self), FALSE);
  return _amigo_window_select_region (self, region);
}

/**
 * amigo_window_add_toast:
 * @text: what to say, shown as it is written (never markup)
 *
 * Shows @text in a toast, as dialogs and tasks do through their "toast"
 * signal.
 */
void
amigo_window_add_toast (AmigoWindow *self,
                        const char  *text)
{
  g_return_if_fail (AMIGO_IS_WINDOW (self));
  _amigo_window_on_toast_cb (NULL, text, self);
}

/**
 * amigo_window_get_region_caption:
 * @region: a region code
 *
 * Returns: (transfer none) (nullable): what the region menu says under
 *   @region ("Not enabled", why it failed), or %NULL
 */
const char *
amigo_window_get_region_caption (AmigoWindow *self,
                                 const char  *region)
{
  g_return_val_if_fail (AMIGO_IS_WINDOW (self), NULL);
  return _amigo_window_get_region_caption (self, region);
}
