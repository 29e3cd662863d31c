/* amigo-keyring-store.c — what both keyring stores share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "amigo-error.h"
#include "amigo-keyring-store.h"

void
_amigo_keyring_change_free (AmigoKeyringChange *change)
{
  if (change == NULL)
    return;
  g_free (change->account_id);
  g_free (change->name);
  g_free (change->region);
  g_free (change->endpoint);
  g_clear_pointer (&change->credentials, amigo_credentials_unref);
  g_free (change);
}

/* Returns: (transfer full): @current with @change applied */
AmigoKeyringAccount *
_amigo_keyring_change_apply (AmigoKeyringChange  *change,
                             AmigoKeyringAccount *current)
{
  return amigo_keyring_account_new_full (amigo_keyring_account_get_id (current),
                                         change->name ? change->name
                                                      : amigo_keyring_account_get_name (current),
                                         change->set_location ? change->region
                                                              : amigo_keyring_account_get_region (current),
                                         change->set_location ? change->endpoint
                                                              : amigo_keyring_account_get_endpoint (current),
                                         change->set_allow_plain_http
                                           ? change->allow_plain_http
                                           : amigo_keyring_account_get_allow_plain_http (current));
}

void
_amigo_keyring_store_free (AmigoKeyringStore *self)
{
  if (self != NULL)
    self->vtable->free (self);
}

GError *
_amigo_keyring_not_found_error (void)
{
  return g_error_new_literal (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NOT_FOUND,
                              _("This account is no longer in the keyring; it may have "
                                "been removed in Passwords and Keys. Add it again."));
}
