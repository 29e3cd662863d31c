/* amigo-account-manager.h — every account the app knows, in one list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amigo-async.h"
#include "amigo-account.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_ACCOUNT_MANAGER (amigo_account_manager_get_type ())

G_DECLARE_FINAL_TYPE (AmigoAccountManager, amigo_account_manager, AMIGO, ACCOUNT_MANAGER, GObject)

AmigoAccountManager *amigo_account_manager_new              (GSettings            *settings,
                                                             const char * const   *envp);
AMIGO_DECLARE_ASYNC (AmigoAccountManager, gboolean, amigo_account_manager_load);
gboolean             amigo_account_manager_get_loaded       (AmigoAccountManager  *self);
GListModel          *amigo_account_manager_get_accounts     (AmigoAccountManager  *self);
AmigoAccount        *amigo_account_manager_lookup           (AmigoAccountManager  *self,
                                                             const char           *id);
AmigoAccount        *amigo_account_manager_get_preferred    (AmigoAccountManager  *self);
AmigoKeyring        *amigo_account_manager_get_keyring      (AmigoAccountManager  *self);
AmigoAwsConfig      *amigo_account_manager_get_config       (AmigoAccountManager  *self);
const char          *amigo_account_manager_get_config_error (AmigoAccountManager  *self);

/* Profiles of the AWS CLI's files not yet imported. */
char               **amigo_account_manager_list_importable_profiles (AmigoAccountManager *self);
AmigoAccount        *amigo_account_manager_import_profile   (AmigoAccountManager  *self,
                                                             const char           *profile_name);
void                 amigo_account_manager_add_stored       (AmigoAccountManager  *self,
                                                             AmigoKeyringAccount  *stored);
void                 amigo_account_manager_update_stored    (AmigoAccountManager  *self,
                                                             AmigoKeyringAccount  *stored);
void                 amigo_account_manager_remove           (AmigoAccountManager  *self,
                                                             AmigoAccount         *account);
AmigoAccount        *amigo_account_manager_add_sso          (AmigoAccountManager  *self,
                                                             const char           *name,
                                                             const char           *region,
                                                             const AmigoSsoSettings *settings);
AmigoAccount        *amigo_account_manager_add_role         (AmigoAccountManager  *self,
                                                             AmigoAccount         *account);

G_END_DECLS
