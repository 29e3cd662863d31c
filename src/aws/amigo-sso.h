/* amigo-sso.h — IAM Identity Center: the SSO OIDC and portal APIs, sign-in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amigo-aws-config.h"
#include "amigo-client.h"
#include "amigo-credentials.h"
#include "amigo-service.h"
#include "amigo-sso-config.h"

G_BEGIN_DECLS

/* ---- the SSO OIDC API (unsigned) -------------------------------------- */

#define AMIGO_TYPE_SSO_OIDC (amigo_sso_oidc_get_type ())
G_DECLARE_FINAL_TYPE (AmigoSsoOidc, amigo_sso_oidc, AMIGO, SSO_OIDC, AmigoService)

AmigoSsoOidc *amigo_sso_oidc_new (AmigoClient *client,
                                  const char  *region,
                                  const char  *endpoint_url);

/* ---- the portal API (unsigned, bearer token) --------------------------- */

/**
 * AmigoSsoAccount:
 * @account_id: the 12-digit id
 * @account_name: its name
 * @email: (nullable): its owner's address
 */
typedef struct {
  char *account_id;
  char *account_name;
  char *email;
} AmigoSsoAccount;

/**
 * AmigoSsoRole:
 * @account_id: the account
 * @role_name: a permission set's role the user may take in it
 */
typedef struct {
  char *account_id;
  char *role_name;
} AmigoSsoRole;

/**
 * AmigoSsoAssignment:
 * @account_id: the account
 * @account_name: its name (its id when it has none)
 * @role_name: a role the user may take in it
 *
 * One account × role pair, as "Add accounts from IAM Identity Center"
 * lists them.
 */
typedef struct {
  char *account_id;
  char *account_name;
  char *role_name;
} AmigoSsoAssignment;

void amigo_sso_assignment_free (AmigoSsoAssignment *self);
void amigo_sso_account_free (AmigoSsoAccount *self);
void amigo_sso_role_free    (AmigoSsoRole    *self);

#define AMIGO_TYPE_SSO_PORTAL (amigo_sso_portal_get_type ())
G_DECLARE_FINAL_TYPE (AmigoSsoPortal, amigo_sso_portal, AMIGO, SSO_PORTAL, AmigoService)

AmigoSsoPortal   *amigo_sso_portal_new                        (AmigoClient         *client,
                                                               const char          *region,
                                                               const char          *endpoint_url);
void              amigo_sso_portal_set_page_size              (AmigoSsoPortal      *self,
                                                               guint                page_size);
void              amigo_sso_portal_list_accounts_async        (AmigoSsoPortal      *self,
                                                               const char          *access_token,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
GPtrArray        *amigo_sso_portal_list_accounts_finish       (AmigoSsoPortal      *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
void              amigo_sso_portal_list_account_roles_async   (AmigoSsoPortal      *self,
                                                               const char          *access_token,
                                                               const char          *account_id,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
GPtrArray        *amigo_sso_portal_list_account_roles_finish  (AmigoSsoPortal      *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
void              amigo_sso_portal_get_role_credentials_async (AmigoSsoPortal      *self,
                                                               const char          *access_token,
                                                               const char          *account_id,
                                                               const char          *role_name,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
AmigoCredentials *amigo_sso_portal_get_role_credentials_finish (AmigoSsoPortal     *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);

void              amigo_sso_portal_list_assignments_async     (AmigoSsoPortal      *self,
                                                               const char          *access_token,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
GPtrArray        *amigo_sso_portal_list_assignments_finish    (AmigoSsoPortal      *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);

/* ---- signing in ------------------------------------------------------- */

/**
 * AmigoSsoGrant:
 * @AMIGO_SSO_GRANT_AUTHORIZATION_CODE: the browser, with PKCE and a
 *   loopback redirect listener (the AWS CLI v2's default)
 * @AMIGO_SSO_GRANT_DEVICE_CODE: a code the user types on the verification
 *   page (the fallback)
 */
typedef enum {
  AMIGO_SSO_GRANT_AUTHORIZATION_CODE,
  AMIGO_SSO_GRANT_DEVICE_CODE,
} AmigoSsoGrant;

/**
 * AmigoSsoSignInUi:
 * @open_uri: open this authorize page in the user's browser (the GUI uses
 *   GtkUriLauncher or gtk_show_uri: the OpenURI portal in Flatpak)
 * @show_device_code: show the user code with the verification URI (and
 *   the one that carries the code)
 *
 * What the sign-in asks of the user interface. The URIs carry no secret.
 */
typedef struct {
  void (*open_uri)         (const char *uri,
                            gpointer    user_data);
  void (*show_device_code) (const char *user_code,
                            const char *verification_uri,
                            const char *verification_uri_complete,
                            gpointer    user_data);
} AmigoSsoSignInUi;

void           amigo_sso_sign_in_async    (AmigoSsoOidc            *oidc,
                                           const AmigoSsoSettings  *settings,
                                           AmigoSsoGrant            grant,
                                           const AmigoSsoSignInUi  *ui,
                                           gpointer                 ui_data,
                                           GCancellable            *cancellable,
                                           GAsyncReadyCallback      callback,
                                           gpointer                 user_data);
AmigoSsoToken *amigo_sso_sign_in_finish   (AmigoSsoOidc            *oidc,
                                           GAsyncResult            *result,
                                           GError                 **error);
void           amigo_sso_refresh_async    (AmigoSsoOidc            *oidc,
                                           const AmigoSsoToken     *token,
                                           GCancellable            *cancellable,
                                           GAsyncReadyCallback      callback,
                                           gpointer                 user_data);
AmigoSsoToken *amigo_sso_refresh_finish   (AmigoSsoOidc            *oidc,
                                           GAsyncResult            *result,
                                           GError                 **error);

/* ---- a session: token, refresh, role credentials ------------------------ */

#define AMIGO_TYPE_SSO_SESSION (amigo_sso_session_get_type ())
G_DECLARE_FINAL_TYPE (AmigoSsoSession, amigo_sso_session, AMIGO, SSO_SESSION, GObject)

AmigoSsoSession *amigo_sso_session_new               (AmigoAwsConfig         *config,
                                                      const AmigoSsoSettings *settings);
const AmigoSsoSettings *amigo_sso_session_get_settings (AmigoSsoSession      *self);
AmigoSsoOidc    *amigo_sso_session_get_oidc          (AmigoSsoSession        *self);
AmigoSsoPortal  *amigo_sso_session_get_portal        (AmigoSsoSession        *self);
void             amigo_sso_session_set_token         (AmigoSsoSession        *self,
                                                      const AmigoSsoToken    *token);
gboolean         amigo_sso_session_load_cli_cache    (AmigoSsoSession        *self);
void             amigo_sso_session_get_token_async   (AmigoSsoSession        *self,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
char            *amigo_sso_session_get_token_finish  (AmigoSsoSession        *self,
                                                      GAsyncResult           *result,
                                                      GError                **error);
void             amigo_sso_session_attach_to_client  (AmigoSsoSession        *self,
                                                      AmigoClient            *client,
                                                      const char             *account_id,
                                                      const char             *role_name);

AmigoSsoSession *amigo_sso_session_get_shared        (AmigoAwsConfig         *config,
                                                      const AmigoSsoSettings *settings);
void             amigo_sso_forget_shared_sessions    (void);

/* ---- the keyring ------------------------------------------------------- */

void           amigo_sso_set_keyring_enabled   (gboolean                enabled);
void           amigo_sso_keyring_store_async   (const AmigoSsoSettings *settings,
                                                const AmigoSsoToken    *token,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
gboolean       amigo_sso_keyring_store_finish  (GAsyncResult           *result,
                                                GError                **error);
void           amigo_sso_keyring_lookup_async  (const AmigoSsoSettings *settings,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
AmigoSsoToken *amigo_sso_keyring_lookup_finish (GAsyncResult           *result,
                                                GError                **error);
void           amigo_sso_keyring_clear_async   (const AmigoSsoSettings *settings,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
gboolean       amigo_sso_keyring_clear_finish  (GAsyncResult           *result,
                                                GError                **error);

/* ---- the credential chain's provider ---------------------------------- */

void              amigo_sso_resolve_credentials_async  (AmigoAwsConfig      *config,
                                                        const char          *profile_name,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
void              amigo_sso_resolve_settings_async     (AmigoAwsConfig         *config,
                                                        const AmigoSsoSettings *settings,
                                                        GCancellable           *cancellable,
                                                        GAsyncReadyCallback     callback,
                                                        gpointer                user_data);
AmigoCredentials *amigo_sso_resolve_credentials_finish (AmigoAwsConfig      *config,
                                                        GAsyncResult        *result,
                                                        GError             **error);

G_END_DECLS
