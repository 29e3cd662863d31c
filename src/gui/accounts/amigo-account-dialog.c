/* amigo-account-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adding an account is three steps: fill in the fields (checked as they
 * are typed), test the keys (STS GetCallerIdentity says which account they
 * belong to, or why AWS refuses them), then save them in the keyring. The
 * test result is tied to the fields it checked: changing a key, the region
 * or the endpoint asks for a new test. Editing a stored account works the
 * same way, except that the keys may be left empty to keep the current ones,
 * and a rename or a new region alone needs no test.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "amigo-account-adder.h"
#include "amigo-a11y.h"
#include "amigo-account-dialog-private.h"
#include "amigo-error.h"
#include "amigo-sts.h"
#include "amigo-text.h"

G_DEFINE_FINAL_TYPE_WITH_CODE (AmigoAccountDialog, amigo_account_dialog, ADW_TYPE_WINDOW,
                               G_IMPLEMENT_INTERFACE (AMIGO_TYPE_ACCOUNT_ADDER, NULL))

enum {
  SIGNAL_ACCOUNT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ACCESS_KEY_ID_MIN 16
#define ACCESS_KEY_ID_MAX 128


/* ---- fields ---------------------------------------------------------- */

gboolean
_amigo_account_dialog_is_edit_mode (AmigoAccountDialog *self)
{
  return self->account != NULL;
}

/* The text of a row without the spaces people paste around keys. */
static gboolean
row_is_empty (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

const char *
_amigo_account_dialog_selected_region (AmigoAccountDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->region_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->region_codes->len)
    return NULL;
  return g_ptr_array_index (self->region_codes, selected);
}

/* In edit mode, empty key fields keep the stored keys. */
gboolean
_amigo_account_dialog_keys_entered (AmigoAccountDialog *self)
{
  return !_amigo_account_dialog_is_edit_mode (self) ||
         !row_is_empty (self->access_key_row) ||
         !row_is_empty (self->secret_row) ||
         !row_is_empty (self->token_row);
}

char *
_amigo_account_dialog_dup_endpoint (AmigoAccountDialog *self)
{
  char *endpoint = amigo_editable_dup_stripped (GTK_EDITABLE (self->endpoint_row));

  if (*endpoint == '\0')
    g_clear_pointer (&endpoint, g_free);
  return endpoint;
}

/* People's consent counts only for the URL it was given for: an https://
 * or loopback endpoint stores none. */
gboolean
_amigo_account_dialog_allows_plain_http (AmigoAccountDialog *self)
{
  g_autofree char *endpoint = _amigo_account_dialog_dup_endpoint (self);

  return amigo_endpoint_url_needs_plain_http_consent (endpoint) &&
         gtk_switch_get_active (self->plain_http_switch);
}

/* The consent row appears for an http:// endpoint on another host, and
 * says what that host would see. */
static void
show_plain_http_row (AmigoAccountDialog *self,
                     const char         *endpoint)
{
  gboolean needed = amigo_endpoint_url_needs_plain_http_consent (endpoint);

  if (needed)
    {
      g_autoptr(GUri) uri = g_uri_parse (endpoint, G_URI_FLAGS_NONE, NULL);
      g_autofree char *text = NULL;

      /* Translators: %s is the host of an http:// endpoint, such as 192.0.2.10 */
      text = g_strdup_printf (_("Not encrypted: the access key ID, session token and signed "
                                "requests, and everything the server answers, travel to %s "
                                "readable by anyone on the network. Turn this on only for a "
                                "network you trust."),
                              uri ? g_uri_get_host (uri) : endpoint);
      adw_action_row_set_subtitle (self->plain_http_row, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->plain_http_row), needed);
}

static gboolean
endpoint_changed (AmigoAccountDialog *self)
{
  g_autofree char *endpoint = _amigo_account_dialog_dup_endpoint (self);

  return _amigo_account_dialog_is_edit_mode (self) &&
         g_strcmp0 (endpoint, amigo_account_get_custom_endpoint (self->account)) != 0;
}

/* Whether saving needs a passing test first: new keys, or keys going to a
 * new place. A new name or region alone does not change whether they work. */
gboolean
_amigo_account_dialog_needs_test (AmigoAccountDialog *self)
{
  return _amigo_account_dialog_keys_entered (self) || endpoint_changed (self);
}

AmigoCredentials *
_amigo_account_dialog_credentials_from_fields (AmigoAccountDialog *self)
{
  char *access_key_id = amigo_editable_dup_stripped (GTK_EDITABLE (self->access_key_row));
  char *secret = amigo_editable_dup_stripped (GTK_EDITABLE (self->secret_row));
  char *token = amigo_editable_dup_stripped (GTK_EDITABLE (self->token_row));
  AmigoCredentials *credentials;

  credentials = amigo_credentials_new (access_key_id, secret, *token != '\0' ? token : NULL, 0);
  amigo_secure_free_string (access_key_id);
  amigo_secure_free_string (secret);
  amigo_secure_free_string (token);
  return credentials;
}

static gboolean
access_key_id_is_valid (const char *id)
{
  gsize len = strlen (id);

  if (len < ACCESS_KEY_ID_MIN || len > ACCESS_KEY_ID_MAX)
    return FALSE;
  for (; *id != '\0'; id++)
    if (!g_ascii_isupper (*id) && !g_ascii_isdigit (*id))
      return FALSE;
  return TRUE;
}

static gboolean
name_is_taken (AmigoAccountDialog *self,
               const char         *name)
{
  GListModel *accounts = amigo_account_manager_get_accounts (self->manager);
  g_autofree char *folded = g_utf8_casefold (name, -1);
  guint n = g_list_model_get_n_items (accounts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmigoAccount) account = g_list_model_get_item (accounts, i);
      g_autofree char *other = NULL;

      if (account == self->account)
        continue;
      other = g_utf8_casefold (amigo_account_get_name (account), -1);
      if (g_utf8_collate (folded, other) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
set_row_error (gpointer row,
               gboolean error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

typedef struct {
  gboolean name_ok;
  gboolean keys_ok;
  gboolean endpoint_ok;         /* usable, and consented to if it must be */
} Validity;

/* Checks every field. Problems of the fields people have touched are
 * shown (a fresh form is not covered in red); any problem blocks. */
static Validity
validate (AmigoAccountDialog *self,
          GString            *shown)
{
  Validity validity = { TRUE, TRUE, TRUE };
  g_autofree char *name = amigo_editable_dup_stripped (GTK_EDITABLE (self->name_row));
  g_autofree char *endpoint = _amigo_account_dialog_dup_endpoint (self);
  gboolean key_id_bad = FALSE;
  gboolean secret_bad = FALSE;

#define SAY(touched, ...) G_STMT_START { \
    if (touched) \
      { \
        if (shown->len > 0) \
          g_string_append_c (shown, '\n'); \
        g_string_append_printf (shown, __VA_ARGS__); \
      } \
  } G_STMT_END

  if (*name == '\0')
    {
      validity.name_ok = FALSE;
      SAY (self->name_touched, "%s", _("Enter a name for the account."));
    }
  else if (name_is_taken (self, name))
    {
      validity.name_ok = FALSE;
      SAY (TRUE, _("Another account is already called “%s”. Choose another name."), name);
    }

  if (_amigo_account_dialog_keys_entered (self))
    {
      char *access_key_id = amigo_editable_dup_stripped (GTK_EDITABLE (self->access_key_row));

      if (*access_key_id == '\0')
        {
          key_id_bad = TRUE;
          SAY (self->keys_touched, "%s", _("Enter the access key ID."));
        }
      else if (!access_key_id_is_valid (access_key_id))
        {
          key_id_bad = TRUE;
          SAY (TRUE, _("An access key ID is %d to %d capital letters and digits, such as "
                       "AKIAIOSFODNN7EXAMPLE."), ACCESS_KEY_ID_MIN, ACCESS_KEY_ID_MAX);
        }
      amigo_secure_free_string (access_key_id);

      if (row_is_empty (self->secret_row))
        {
          secret_bad = TRUE;
          SAY (self->keys_touched, "%s", _("Enter the secret access key."));
        }
    }
  validity.keys_ok = !key_id_bad && !secret_bad;

  if (endpoint != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* Translators: completes “The endpoint … set by %s cannot be used” */
      if (!amigo_endpoint_validate_url (endpoint, _("the Custom Endpoint URL field"), &error))
        {
          validity.endpoint_ok = FALSE;
          SAY (TRUE, "%s", error->message);
        }
      else if (amigo_endpoint_url_needs_plain_http_consent (endpoint) &&
               !gtk_switch_get_active (self->plain_http_switch))
        {
          validity.endpoint_ok = FALSE;
          SAY (TRUE, "%s", _("This endpoint is not encrypted (http://) and not on this computer, "
                             "so Amigo will not send the keys there. Use https://, or turn on "
                             "Allow Unencrypted Connection."));
        }
    }
  show_plain_http_row (self, endpoint);

  if (_amigo_account_dialog_selected_region (self) == NULL)
    {
      validity.keys_ok = FALSE;
      SAY (TRUE, "%s", _("Choose a default region."));
    }

#undef SAY

  set_row_error (self->name_row, !validity.name_ok && (self->name_touched || *name != '\0'));
  set_row_error (self->access_key_row, key_id_bad && (self->keys_touched || !row_is_empty (self->access_key_row)));
  set_row_error (self->secret_row, secret_bad && self->keys_touched);
  set_row_error (self->endpoint_row, !validity.endpoint_ok);
  if (!validity.endpoint_ok)
    adw_expander_row_set_expanded (self->advanced_row, TRUE);

  return validity;
}

/* ---- saving ---------------------------------------------------------- */

static void
saving_failed (AmigoAccountDialog *self,
               const GError       *error)
{
  self->saving = FALSE;
  g_free (self->save_error);
  self->save_error = g_strdup (error->message);
  _amigo_account_dialog_update_state (self);
}

static void
add_account_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AmigoAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *keyring_id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *endpoint = NULL;
  g_autoptr(AmigoKeyringAccount) stored = NULL;
  AmigoAccount *account;

  id = amigo_keyring_add_account_finish (AMIGO_KEYRING (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->manager == NULL)
    return;
  if (id == NULL)
    {
      saving_failed (self, error);
      return;
    }

  name = amigo_editable_dup_stripped (GTK_EDITABLE (self->name_row));
  endpoint = _amigo_account_dialog_dup_endpoint (self);
  stored = amigo_keyring_account_new_full (id, name, _amigo_account_dialog_selected_region (self),
                                           endpoint, _amigo_account_dialog_allows_plain_http (self));
  amigo_account_manager_add_stored (self->manager, stored);

  keyring_id = g_strconcat ("keyring:", id, NULL);
  account = amigo_account_manager_lookup (self->manager, keyring_id);
  if (account != NULL)
    {
      amigo_account_set_account_number (account, self->tested_account_number);
      amigo_account_adder_added (AMIGO_ACCOUNT_ADDER (self), account);
    }

  self->saving = FALSE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Editing: rename, then region and endpoint, then keys; each step only when
 * something changed, each taking the keyring's new version of the account. */
static void edit_next_step (AmigoAccountDialog *self);

static void
edit_step_done (AmigoAccountDialog  *self,
                AmigoKeyringAccount *stored,
                GError              *error)
{
  if (stored != NULL)
    g_set_object (&self->saved, stored);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->manager == NULL)
    return;
  if (error != NULL)
    {
      /* What was saved so far stays saved: show it. */
      if (self->saved != NULL)
        amigo_account_manager_update_stored (self->manager, self->saved);
      saving_failed (self, error);
      return;
    }
  edit_next_step (self);
}

static void
rename_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AmigoAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoKeyringAccount) stored = NULL;

  stored = amigo_keyring_rename_account_finish (AMIGO_KEYRING (source), result, &error);
  edit_step_done (self, stored, error);
}

static void
update_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AmigoAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoKeyringAccount) stored = NULL;

  stored = amigo_keyring_update_account_finish (AMIGO_KEYRING (source), result, &error);
  edit_step_done (self, stored, error);
}

static void
plain_http_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AmigoAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoKeyringAccount) stored = NULL;

  stored = amigo_keyring_set_allow_plain_http_finish (AMIGO_KEYRING (source), result, &error);
  edit_step_done (self, stored, error);
}

static void
set_credentials_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AmigoAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (amigo_keyring_set_credentials_finish (AMIGO_KEYRING (source), result, &error))
    {
      amigo_account_forget_credentials (self->account);
      self->keys_saved = TRUE;
    }
  edit_step_done (self, NULL, error);
}

static void
edit_next_step (AmigoAccountDialog *self)
{
  AmigoKeyring *keyring = amigo_account_manager_get_keyring (self->manager);
  const char *id = amigo_keyring_account_get_id (self->saved);
  g_autofree char *name = amigo_editable_dup_stripped (GTK_EDITABLE (self->name_row));
  g_autofree char *endpoint = _amigo_account_dialog_dup_endpoint (self);
  const char *region = _amigo_account_dialog_selected_region (self);

  if (g_strcmp0 (name, amigo_keyring_account_get_name (self->saved)) != 0)
    {
      amigo_keyring_rename_account_async (keyring, id, name, self->save_cancellable,
                                          rename_cb, g_object_ref (self));
      return;
    }

  if (g_strcmp0 (region, amigo_keyring_account_get_region (self->saved)) != 0 ||
      g_strcmp0 (endpoint, amigo_keyring_account_get_endpoint (self->saved)) != 0)
    {
      amigo_keyring_update_account_async (keyring, id, region, endpoint, self->save_cancellable,
                                          update_cb, g_object_ref (self));
      return;
    }

  if (_amigo_account_dialog_allows_plain_http (self) !=
      amigo_keyring_account_get_allow_plain_http (self->saved))
    {
      amigo_keyring_set_allow_plain_http_async (keyring, id, _amigo_account_dialog_allows_plain_http (self),
                                                self->save_cancellable, plain_http_cb,
                                                g_object_ref (self));
      return;
    }

  if (_amigo_account_dialog_keys_entered (self) && !self->keys_saved)
    {
      g_autoptr(AmigoCredentials) credentials = _amigo_account_dialog_credentials_from_fields (self);

      amigo_keyring_set_credentials_async (keyring, id, credentials, self->save_cancellable,
                                           set_credentials_cb, g_object_ref (self));
      return;
    }

  /* All saved. */
  amigo_account_manager_update_stored (self->manager, self->saved);
  if (self->tested_account_number != NULL)
    amigo_account_set_account_number (self->account, self->tested_account_number);
  self->saving = FALSE;
  g_signal_emit (self, signals[SIGNAL_ACCOUNT_CHANGED], 0, self->account);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AmigoAccountDialog *self = AMIGO_ACCOUNT_DIALOG (widget);
  AmigoKeyring *keyring = amigo_account_manager_get_keyring (self->manager);

  g_return_if_fail (keyring != NULL);

  self->saving = TRUE;
  g_clear_pointer (&self->save_error, g_free);
  g_clear_object (&self->save_cancellable);
  self->save_cancellable = g_cancellable_new ();
  _amigo_account_dialog_update_state (self);

  if (_amigo_account_dialog_is_edit_mode (self))
    {
      AmigoKeyringAccount *current;

      /* The account as stored now: a previous failed attempt may have
       * saved part of the change. */
      current = amigo_keyring_account_new_full (amigo_account_get_keyring_id (self->account),
                                                amigo_account_get_name (self->account),
                                                amigo_account_get_default_region (self->account),
                                                amigo_account_get_custom_endpoint (self->account),
                                                amigo_account_get_allow_plain_http (self->account));
      if (self->saved == NULL)
        self->saved = current;
      else
        g_object_unref (current);
      edit_next_step (self);
    }
  else
    {
      g_autoptr(AmigoCredentials) credentials = _amigo_account_dialog_credentials_from_fields (self);
      g_autofree char *name = amigo_editable_dup_stripped (GTK_EDITABLE (self->name_row));
      g_autofree char *endpoint = _amigo_account_dialog_dup_endpoint (self);

      amigo_keyring_add_account_full_async (keyring, name, _amigo_account_dialog_selected_region (self),
                                            endpoint, _amigo_account_dialog_allows_plain_http (self),
                                            credentials, self->save_cancellable,
                                            add_account_cb, g_object_ref (self));
    }
}

/* ---- state ----------------------------------------------------------- */

void
_amigo_account_dialog_update_state (AmigoAccountDialog *self)
{
  g_autoptr(GString) shown = g_string_new (NULL);
  Validity validity = validate (self, shown);
  AmigoKeyring *keyring = amigo_account_manager_get_keyring (self->manager);
  gboolean testing = self->test_state == AMIGO_ACCOUNT_TEST_RUNNING;
  gboolean tested = self->test_state == AMIGO_ACCOUNT_TEST_PASSED &&
                    self->tested_generation == self->generation;
  gboolean can_test = validity.keys_ok && validity.endpoint_ok && !testing && !self->saving;
  gboolean can_save = validity.name_ok && validity.keys_ok && validity.endpoint_ok &&
                      !testing && !self->saving && keyring != NULL &&
                      (tested || !_amigo_account_dialog_needs_test (self));

  if (keyring == NULL)
    {
      if (shown->len > 0)
        g_string_append_c (shown, '\n');
      g_string_append (shown, _("Amigo is still opening the keyring. Try again in a moment."));
    }

  if (self->save_error != NULL)
    {
      if (shown->len > 0)
        g_string_append_c (shown, '\n');
      g_string_append (shown, self->save_error);
    }

  g_free (self->problems);
  self->problems = g_strdup (shown->str);
  gtk_label_set_text (self->problem_label, shown->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), shown->len > 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.test", can_test);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.save", can_save);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.close", !self->saving);
  if (!can_save && !tested && _amigo_account_dialog_needs_test (self) &&
      validity.name_ok && validity.keys_ok && validity.endpoint_ok)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button), _("Test the keys first"));
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button), NULL);

  /* Enter does the next step: test, then save. */
  if (can_save || !can_test)
    gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  else
    gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->test_button));

  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), !self->saving);
  gtk_widget_set_sensitive (GTK_WIDGET (self->region_row), !self->saving);
  gtk_widget_set_sensitive (GTK_WIDGET (self->keys_group), !self->saving);
  gtk_widget_set_sensitive (GTK_WIDGET (self->advanced_row), !self->saving);
}

/* ---- callbacks ------------------------------------------------------- */

static void
on_name_changed_cb (AmigoAccountDialog *self)
{
  if (self->loading)
    return;
  self->name_touched = TRUE;
  g_clear_pointer (&self->save_error, g_free);
  _amigo_account_dialog_update_state (self);
}

static void
on_key_changed_cb (AmigoAccountDialog *self,
                   GtkEditable        *editable)
{
  if (self->loading)
    return;
  if (editable == GTK_EDITABLE (self->endpoint_row))
    self->endpoint_touched = TRUE;
  else
    self->keys_touched = TRUE;
  self->keys_saved = FALSE;
  g_clear_pointer (&self->save_error, g_free);
  _amigo_account_dialog_invalidate_test (self);
  _amigo_account_dialog_update_state (self);
}

static void
on_plain_http_changed_cb (AmigoAccountDialog *self)
{
  if (self->loading)
    return;
  g_clear_pointer (&self->save_error, g_free);
  _amigo_account_dialog_update_state (self);
}

static void
on_region_changed_cb (AmigoAccountDialog *self)
{
  if (self->loading)
    return;
  _amigo_account_dialog_invalidate_test (self);
  _amigo_account_dialog_update_state (self);
}

/* ---- object ---------------------------------------------------------- */

static void
fill_regions (AmigoAccountDialog *self,
              const char         *current)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const AmigoRegionInfo *known;
  gsize n_known = 0;
  guint selected = GTK_INVALID_LIST_POSITION;

  known = amigo_region_get_known (&n_known);
  for (gsize i = 0; i < n_known; i++)
    {
      /* Translators: a region in a list: its name, then its code, as in
       * “Asia Pacific (Seoul) — ap-northeast-2” */
      g_autofree char *label = g_strdup_printf (_("%s — %s"),
                                                amigo_region_info_get_display_name (&known[i]),
                                                known[i].code);

      gtk_string_list_append (names, label);
      g_ptr_array_add (self->region_codes, g_strdup (known[i].code));
      if (g_strcmp0 (known[i].code, current) == 0)
        selected = i;
    }

  /* A region Amigo does not know yet (or a fake one of a local endpoint)
   * is kept as it is. */
  if (selected == GTK_INVALID_LIST_POSITION && current != NULL && *current != '\0')
    {
      gtk_string_list_append (names, current);
      g_ptr_array_add (self->region_codes, g_strdup (current));
      selected = self->region_codes->len - 1;
    }

  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->region_row, selected == GTK_INVALID_LIST_POSITION ? 0 : selected);
}

static void
show_keyring_notice (AmigoAccountDialog *self)
{
  AmigoKeyring *keyring = amigo_account_manager_get_keyring (self->manager);
  const char *reason;

  if (keyring == NULL || !amigo_keyring_get_session_only (keyring))
    return;

  /* The keyring's reason says why, and that the keys last until Amigo quits. */
  reason = amigo_keyring_get_unavailable_reason (keyring);
  adw_action_row_set_subtitle (self->keyring_row,
                               reason != NULL ? reason : _("Amigo forgets these keys when it quits."));
  gtk_widget_set_visible (GTK_WIDGET (self->keyring_row), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_group), TRUE);
}

static gboolean
amigo_account_dialog_close_request (GtkWindow *window)
{
  AmigoAccountDialog *self = AMIGO_ACCOUNT_DIALOG (window);

  /* The keyring is not stopped halfway through a change it may already
   * have made: the dialog stays until the change is saved or refused. */
  if (self->saving)
    return TRUE;

  g_cancellable_cancel (self->test_cancellable);

  /* Secrets leave the entry buffers at once rather than at finalization. */
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->token_row), "");
  self->loading = FALSE;

  return GTK_WINDOW_CLASS (amigo_account_dialog_parent_class)->close_request (window);
}

static void
amigo_account_dialog_dispose (GObject *object)
{
  AmigoAccountDialog *self = AMIGO_ACCOUNT_DIALOG (object);

  g_cancellable_cancel (self->test_cancellable);
  g_cancellable_cancel (self->save_cancellable);
  g_clear_object (&self->test_cancellable);
  g_clear_object (&self->save_cancellable);
  g_clear_object (&self->manager);
  g_clear_object (&self->account);
  g_clear_object (&self->saved);

  gtk_widget_dispose_template (GTK_WIDGET (self), AMIGO_TYPE_ACCOUNT_DIALOG);

  G_OBJECT_CLASS (amigo_account_dialog_parent_class)->dispose (object);
}

static void
amigo_account_dialog_finalize (GObject *object)
{
  AmigoAccountDialog *self = AMIGO_ACCOUNT_DIALOG (object);

  g_ptr_array_unref (self->region_codes);
  g_free (self->problems);
  g_free (self->save_error);
  g_free (self->tested_account_number);
  g_free (self->tested_arn);

  G_OBJECT_CLASS (amigo_account_dialog_parent_class)->finalize (object);
}

static void
amigo_account_dialog_class_init (AmigoAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = amigo_account_dialog_dispose;
  object_class->finalize = amigo_account_dialog_finalize;
  window_class->close_request = amigo_account_dialog_close_request;


  /**
   * AmigoAccountDialog::account-changed:
   * @account: the edited account
   *
   * Emitted when the changes to a stored account have been saved.
   */
  signals[SIGNAL_ACCOUNT_CHANGED] =
    g_signal_new ("account-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, AMIGO_TYPE_ACCOUNT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/accounts/amigo-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoAccountDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AmigoAccountDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoAccountDialog, notice_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoAccountDialog, notice_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoAccountDialog, keyring_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoAccountDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoAccountDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoAccountDialog, keys_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoAccountDialog, access_key_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoAccountDialog, secret_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoAccountDialog, token_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoAccountDialog, advanced_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoAccountDialog, endpoint_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoAccountDialog, plain_http_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoAccountDialog, plain_http_switch);
  gtk_widget_class_bind_template_child (widget_class, AmigoAccountDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoAccountDialog, test_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoAccountDialog, test_icon);
  gtk_widget_class_bind_template_child (widget_class, AmigoAccountDialog, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, AmigoAccountDialog, test_button);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_key_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_region_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_plain_http_changed_cb);

  gtk_widget_class_install_action (widget_class, "account.test", NULL, _amigo_account_dialog_test_action);
  gtk_widget_class_install_action (widget_class, "account.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
amigo_account_dialog_init (AmigoAccountDialog *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;
  amigo_a11y_label_icon_buttons (GTK_WIDGET (self->secret_row));
  amigo_a11y_label_icon_buttons (GTK_WIDGET (self->token_row));

  self->region_codes = g_ptr_array_new_with_free_func (g_free);

  /* Names, AWS messages and URLs are shown as they are, never as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->test_row), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->notice_row), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->keyring_row), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->plain_http_row), FALSE);
}

static AmigoAccountDialog *
dialog_new (GtkWindow           *parent,
            AmigoAccountManager *manager,
            AmigoAccount        *account)
{
  AmigoAccountDialog *self;
  AmigoAwsConfig *config = amigo_account_manager_get_config (manager);
  g_autofree char *region = NULL;

  self = g_object_new (AMIGO_TYPE_ACCOUNT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->manager = g_object_ref (manager);
  self->account = account ? g_object_ref (account) : NULL;

  self->loading = TRUE;
  if (account != NULL)
    region = g_strdup (amigo_account_get_default_region (account));
  else if (config != NULL)
    region = amigo_aws_config_resolve_region (config, NULL);
  if (region == NULL || *region == '\0')
    {
      g_free (region);
      region = g_strdup ("us-east-1");
    }
  fill_regions (self, region);

  if (account != NULL)
    {
      const char *endpoint = amigo_account_get_custom_endpoint (account);

      gtk_window_set_title (GTK_WINDOW (self), _("Edit Account"));
      adw_window_title_set_title (self->window_title, _("Edit Account"));
      adw_window_title_set_subtitle (self->window_title, amigo_account_get_name (account));
      gtk_button_set_label (self->save_button, _("_Save"));
      adw_preferences_group_set_title (self->keys_group, _("Replace Access Key"));
      adw_preferences_group_set_description (self->keys_group,
                                             _("Leave these empty to keep the stored keys."));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), amigo_account_get_name (account));
      if (endpoint != NULL)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->endpoint_row), endpoint);
          gtk_switch_set_active (self->plain_http_switch, amigo_account_get_allow_plain_http (account));
          adw_expander_row_set_expanded (self->advanced_row, TRUE);
        }
      if (amigo_account_get_account_number (account) != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Account %s"),
                                                   amigo_account_get_account_number (account));
          adw_action_row_set_subtitle (self->test_row, text);
        }
    }
  self->loading = FALSE;

  show_keyring_notice (self);
  if (account == NULL || amigo_account_get_account_number (account) == NULL)
    _amigo_account_dialog_show_test_state (self, NULL);
  _amigo_account_dialog_update_state (self);
  return self;
}

/**
 * amigo_account_dialog_new_add:
 * @parent: (nullable): the window the dialog belongs to
 * @manager: where the new account is added
 *
 * Returns: (transfer none): a dialog, owned by GTK like every window, that adds an account; present it
 */
AmigoAccountDialog *
amigo_account_dialog_new_add (GtkWindow           *parent,
                              AmigoAccountManager *manager)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (AMIGO_IS_ACCOUNT_MANAGER (manager), NULL);

  return dialog_new (parent, manager, NULL);
}

/**
 * amigo_account_dialog_new_edit:
 * @parent: (nullable): the window the dialog belongs to
 * @manager: the account manager that lists @account
 * @account: a stored (keyring) account
 *
 * Returns: (transfer none): a dialog, owned by GTK like every window, that renames the account, changes
 *   its region or endpoint, or replaces its keys; present it
 */
AmigoAccountDialog *
amigo_account_dialog_new_edit (GtkWindow           *parent,
                               AmigoAccountManager *manager,
                               AmigoAccount        *account)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (AMIGO_IS_ACCOUNT_MANAGER (manager), NULL);
  g_return_val_if_fail (AMIGO_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (amigo_account_get_kind (account) == AMIGO_ACCOUNT_KIND_KEYRING, NULL);

  return dialog_new (parent, manager, account);
}

/**
 * amigo_account_dialog_get_account:
 *
 * Returns: (transfer none) (nullable): the account edited, %NULL when adding
 */
AmigoAccount *
amigo_account_dialog_get_account (AmigoAccountDialog *self)
{
  g_return_val_if_fail (AMIGO_IS_ACCOUNT_DIALOG (self), NULL);
  return self->account;
}

/**
 * amigo_account_dialog_set_notice:
 * @notice: (nullable): why the dialog was opened, e.g. “The keys of this
 *   account have expired.”, or %NULL
 *
 * Shows a line above the fields.
 */
void
amigo_account_dialog_set_notice (AmigoAccountDialog *self,
                                 const char         *notice)
{
  g_return_if_fail (AMIGO_IS_ACCOUNT_DIALOG (self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->notice_row), notice ? notice : "");
  gtk_widget_set_visible (GTK_WIDGET (self->notice_row), notice != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_group),
                          notice != NULL || gtk_widget_get_visible (GTK_WIDGET (self->keyring_row)));
}

AmigoAccountTestState
amigo_account_dialog_get_test_state (AmigoAccountDialog *self)
{
  g_return_val_if_fail (AMIGO_IS_ACCOUNT_DIALOG (self), AMIGO_ACCOUNT_TEST_NONE);
  return self->test_state;
}

/**
 * amigo_account_dialog_get_tested_account_number:
 *
 * Returns: (transfer none) (nullable): the account number the last test
 *   of the keys found
 */
const char *
amigo_account_dialog_get_tested_account_number (AmigoAccountDialog *self)
{
  g_return_val_if_fail (AMIGO_IS_ACCOUNT_DIALOG (self), NULL);
  return self->tested_account_number;
}

/* Saving: the keys are on their way to the keyring. */
gboolean
amigo_account_dialog_get_busy (AmigoAccountDialog *self)
{
  g_return_val_if_fail (AMIGO_IS_ACCOUNT_DIALOG (self), FALSE);
  return self->saving;
}
