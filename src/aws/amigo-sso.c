/* amigo-sso.c — IAM Identity Center: the SSO OIDC and portal services
 *
 * Both speak REST-JSON and are sent unsigned (every operation of botocore's
 * `sso-oidc` and `sso` models is `smithy.api#noAuth`); the portal's calls
 * carry the access token in the `x-amz-sso_bearer_token` header, which the
 * client's debug log redacts (its name holds "token"). Nothing here logs a
 * token, a secret or a credential. The models are botocore's
 * (src/aws/models/sso.json and sso-oidc.json, generated into
 * amigo-sso-model.c and amigo-sso-oidc-model.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "amigo-error.h"
#include "amigo-gtask-private.h"
#include "amigo-page-guard.h"
#include "amigo-sso-private.h"
#include "amigo-sso-model.h"

struct _AmigoSsoOidc
{
  AmigoService parent_instance;
};

G_DEFINE_FINAL_TYPE (AmigoSsoOidc, amigo_sso_oidc, AMIGO_TYPE_SERVICE)

struct _AmigoSsoPortal
{
  AmigoService parent_instance;
  guint page_size;
};

G_DEFINE_FINAL_TYPE (AmigoSsoPortal, amigo_sso_portal, AMIGO_TYPE_SERVICE)

/* ---- GObject ---------------------------------------------------------- */

static void
amigo_sso_oidc_class_init (AmigoSsoOidcClass *klass)
{
  AMIGO_SERVICE_CLASS (klass)->model = &amigo_sso_oidc_model;
}

static void
amigo_sso_oidc_init (AmigoSsoOidc *self)
{
}

/* An expired or unknown access token: the user must sign in again. */
static GError *
portal_translate_error (AmigoService *service,
                        GError       *error)
{
  if (amigo_aws_error_has_aws_code (error, "UnauthorizedException"))
    {
      GError *sign_in = g_error_new_literal (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SIGN_IN_REQUIRED,
                                             _("The IAM Identity Center sign-in has expired. "
                                               "Sign in again."));
      g_error_free (error);
      return sign_in;
    }
  return error;
}

static void
amigo_sso_portal_class_init (AmigoSsoPortalClass *klass)
{
  AMIGO_SERVICE_CLASS (klass)->model = &amigo_sso_model;
  AMIGO_SERVICE_CLASS (klass)->translate_error = portal_translate_error;
}

static void
amigo_sso_portal_init (AmigoSsoPortal *self)
{
}

/**
 * amigo_sso_oidc_new:
 * @client: a client (it needs no credentials)
 * @region: the `sso_region`
 * @endpoint_url: (nullable): %NULL for `https://oidc.<region>.amazonaws.com`
 *
 * Returns: (transfer full): the SSO OIDC API
 */
AmigoSsoOidc *
amigo_sso_oidc_new (AmigoClient *client,
                    const char  *region,
                    const char  *endpoint_url)
{
  g_autofree char *fallback = NULL;

  if (endpoint_url == NULL)
    endpoint_url = fallback = amigo_client_default_endpoint ("oidc", region);
  return amigo_service_new (AMIGO_TYPE_SSO_OIDC, client, region, endpoint_url);
}

/**
 * amigo_sso_portal_new:
 * @client: a client (it needs no credentials)
 * @region: the `sso_region`
 * @endpoint_url: (nullable): %NULL for `https://portal.sso.<region>.amazonaws.com`
 *
 * Returns: (transfer full): the portal API
 */
AmigoSsoPortal *
amigo_sso_portal_new (AmigoClient *client,
                      const char  *region,
                      const char  *endpoint_url)
{
  g_autofree char *fallback = NULL;

  if (endpoint_url == NULL)
    endpoint_url = fallback = amigo_client_default_endpoint ("portal.sso", region);
  return amigo_service_new (AMIGO_TYPE_SSO_PORTAL, client, region, endpoint_url);
}

/**
 * amigo_sso_portal_set_page_size:
 * @self: the portal
 * @page_size: `max_result` of each listing page (1–100); 0 for the
 *   service's default
 */
void
amigo_sso_portal_set_page_size (AmigoSsoPortal *self,
                                guint           page_size)
{
  g_return_if_fail (AMIGO_IS_SSO_PORTAL (self));
  self->page_size = MIN (page_size, 100);
}

void
amigo_sso_account_free (AmigoSsoAccount *self)
{
  if (self == NULL)
    return;
  g_free (self->account_id);
  g_free (self->account_name);
  g_free (self->email);
  g_free (self);
}

void
amigo_sso_role_free (AmigoSsoRole *self)
{
  if (self == NULL)
    return;
  g_free (self->account_id);
  g_free (self->role_name);
  g_free (self);
}

gint64
_amigo_sso_member_int (JsonObject *object,
                       const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  return json_node_get_int (node);
}

/* ---- listings: every page --------------------------------------------- */

typedef struct {
  const AmigoOperation *operation;
  char *access_token;
  char *account_id;
  const char *list_member;
  GPtrArray *items;
  AmigoPageGuard guard;
} ListData;

static void
list_data_free (gpointer data)
{
  ListData *list = data;

  amigo_secure_free_string (list->access_token);
  g_free (list->account_id);
  g_ptr_array_unref (list->items);
  amigo_page_guard_clear (&list->guard);
  g_free (list);
}

static void list_page (GTask *task, const char *next_token);

static void
list_page_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ListData *list = g_task_get_task_data (task);
  g_autoptr(JsonNode) values = NULL;
  GError *error = NULL;
  JsonObject *object;
  JsonNode *items;
  const char *next;

  values = amigo_service_call_finish (AMIGO_SERVICE (source), result, &error);
  if (values == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  object = json_node_get_object (values);
  items = json_object_get_member (object, list->list_member);
  if (items != NULL && JSON_NODE_HOLDS_ARRAY (items))
    {
      JsonArray *array = json_node_get_array (items);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *item = json_array_get_object_element (array, i);

          if (list->operation == &amigo_sso_op_list_accounts)
            {
              AmigoSsoAccount *account = g_new0 (AmigoSsoAccount, 1);

              account->account_id = g_strdup (amigo_service_member_string (item, "accountId"));
              account->account_name = g_strdup (amigo_service_member_string (item, "accountName"));
              account->email = g_strdup (amigo_service_member_string (item, "emailAddress"));
              if (account->account_id == NULL)
                amigo_sso_account_free (account);
              else
                g_ptr_array_add (list->items, account);
            }
          else
            {
              AmigoSsoRole *role = g_new0 (AmigoSsoRole, 1);

              role->account_id = g_strdup (amigo_service_member_string (item, "accountId"));
              role->role_name = g_strdup (amigo_service_member_string (item, "roleName"));
              if (role->role_name == NULL)
                amigo_sso_role_free (role);
              else
                g_ptr_array_add (list->items, role);
            }
        }
    }

  next = amigo_service_member_string (object, "nextToken");
  if (next != NULL && *next != '\0')
    {
      g_autofree char *who = g_strdup_printf ("IAM Identity Center (%s)",
                                              amigo_service_get_region (AMIGO_SERVICE (source)));

      /* A token handed out again, or pages without end, are an error. */
      if (!amigo_page_guard_next (&list->guard, next, who, list->operation->name, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      list_page (g_steal_pointer (&task), next);
      return;
    }
  g_task_return_pointer (task, g_ptr_array_ref (list->items), (GDestroyNotify) g_ptr_array_unref);
}

static void
list_page (GTask      *task,
           const char *next_token)
{
  AmigoSsoPortal *self = g_task_get_source_object (task);
  ListData *list = g_task_get_task_data (task);
  g_autoptr(JsonNode) params = amigo_service_params ("accessToken", list->access_token,
                                                     "accountId", list->account_id,
                                                     "nextToken", next_token, NULL);

  if (self->page_size > 0)
    json_object_set_int_member (json_node_get_object (params), "maxResults", self->page_size);
  amigo_service_call_async (AMIGO_SERVICE (self), list->operation, params,
                            g_task_get_cancellable (task), list_page_cb, task);
}

static void
list_start (AmigoSsoPortal       *self,
            const AmigoOperation *operation,
            const char           *access_token,
            const char           *account_id,
            GCancellable         *cancellable,
            GAsyncReadyCallback   callback,
            gpointer              user_data,
            gpointer              source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  ListData *list = g_new0 (ListData, 1);

  g_task_set_source_tag (task, source_tag);
  list->operation = operation;
  list->access_token = g_strdup (access_token);
  list->account_id = g_strdup (account_id);
  list->list_member = operation == &amigo_sso_op_list_accounts ? "accountList" : "roleList";
  amigo_page_guard_init (&list->guard, 0);
  list->items = g_ptr_array_new_with_free_func (operation == &amigo_sso_op_list_accounts
                                                ? (GDestroyNotify) amigo_sso_account_free
                                                : (GDestroyNotify) amigo_sso_role_free);
  g_task_set_task_data (task, list, list_data_free);
  list_page (task, NULL);
}

/**
 * amigo_sso_portal_list_accounts_async:
 * @self: the portal
 * @access_token: the SSO access token
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has come
 * @user_data: data for @callback
 *
 * ListAccounts, every page. An expired token fails with
 * %AMIGO_AWS_ERROR_SIGN_IN_REQUIRED.
 */
void
amigo_sso_portal_list_accounts_async (AmigoSsoPortal      *self,
                                      const char          *access_token,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (AMIGO_IS_SSO_PORTAL (self));
  g_return_if_fail (access_token != NULL);

  list_start (self, &amigo_sso_op_list_accounts, access_token, NULL, cancellable, callback, user_data,
              amigo_sso_portal_list_accounts_async);
}

/**
 * amigo_sso_portal_list_accounts_finish:
 * @self: the portal
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer container) (element-type AmigoSsoAccount): the accounts
 */
AMIGO_DEFINE_FINISH_POINTER (AmigoSsoPortal, GPtrArray *, amigo_sso_portal_list_accounts)

/**
 * amigo_sso_portal_list_account_roles_async:
 * @self: the portal
 * @access_token: the SSO access token
 * @account_id: an account of amigo_sso_portal_list_accounts_async()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has come
 * @user_data: data for @callback
 *
 * ListAccountRoles, every page.
 */
void
amigo_sso_portal_list_account_roles_async (AmigoSsoPortal      *self,
                                           const char          *access_token,
                                           const char          *account_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (AMIGO_IS_SSO_PORTAL (self));
  g_return_if_fail (access_token != NULL);
  g_return_if_fail (account_id != NULL);

  list_start (self, &amigo_sso_op_list_account_roles, access_token, account_id, cancellable, callback,
              user_data, amigo_sso_portal_list_account_roles_async);
}

/**
 * amigo_sso_portal_list_account_roles_finish:
 * @self: the portal
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer container) (element-type AmigoSsoRole): the roles
 */
AMIGO_DEFINE_FINISH_POINTER (AmigoSsoPortal, GPtrArray *, amigo_sso_portal_list_account_roles)

/* ---- GetRoleCredentials ------------------------------------------------ */

static void
role_credentials_answer (GTask      *task,
                         JsonObject *output)
{
  JsonNode *node = json_object_get_member (output, "roleCredentials");
  JsonObject *credentials = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *key_id = amigo_service_member_string (credentials, "accessKeyId");
  const char *secret = amigo_service_member_string (credentials, "secretAccessKey");
  gint64 expiration_ms = _amigo_sso_member_int (credentials, "expiration");

  if (key_id == NULL || secret == NULL || *key_id == '\0' || *secret == '\0')
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                               _("IAM Identity Center answered without role credentials."));
      return;
    }
  g_task_return_pointer (task,
                         amigo_credentials_new (key_id, secret,
                                                amigo_service_member_string (credentials, "sessionToken"),
                                                expiration_ms / 1000),
                         (GDestroyNotify) amigo_credentials_unref);
}

static const AmigoServiceTypedOp get_role_credentials_op = {
  &amigo_sso_op_get_role_credentials, role_credentials_answer,
  amigo_sso_portal_get_role_credentials_async
};

/**
 * amigo_sso_portal_get_role_credentials_async:
 * @self: the portal
 * @access_token: the SSO access token
 * @account_id: the account
 * @role_name: the role
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * GetRoleCredentials: STS short-term credentials of the role.
 */
void
amigo_sso_portal_get_role_credentials_async (AmigoSsoPortal      *self,
                                             const char          *access_token,
                                             const char          *account_id,
                                             const char          *role_name,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_return_if_fail (AMIGO_IS_SSO_PORTAL (self));
  g_return_if_fail (access_token != NULL && account_id != NULL && role_name != NULL);

  amigo_service_call_strings_async (AMIGO_SERVICE (self), &get_role_credentials_op,
                                    cancellable, callback, user_data,
                                    "accessToken", access_token, "accountId", account_id,
                                    "roleName", role_name, NULL);
}

/**
 * amigo_sso_portal_get_role_credentials_finish:
 * @self: the portal
 * @result: the #GAsyncResult
 * @error: where a failure goes (%AMIGO_AWS_ERROR_SIGN_IN_REQUIRED when the
 *   token has expired)
 *
 * Returns: (transfer full) (nullable): the role's credentials
 */
AMIGO_DEFINE_FINISH_POINTER (AmigoSsoPortal, AmigoCredentials *, amigo_sso_portal_get_role_credentials)

/* ---- every account × role ------------------------------------------------ */

void
amigo_sso_assignment_free (AmigoSsoAssignment *self)
{
  if (self == NULL)
    return;
  g_free (self->account_id);
  g_free (self->account_name);
  g_free (self->role_name);
  g_free (self);
}

typedef struct {
  char *access_token;
  GPtrArray *accounts;          /* AmigoSsoAccount* */
  GPtrArray *per_account;       /* GPtrArray* of AmigoSsoRole* per account, or NULL */
  guint pending;
  GError *error;
} Assignments;

static void
assignments_free (gpointer data)
{
  Assignments *a = data;

  amigo_secure_free_string (a->access_token);
  g_clear_pointer (&a->accounts, g_ptr_array_unref);
  g_ptr_array_unref (a->per_account);
  g_clear_error (&a->error);
  g_free (a);
}

typedef struct {
  GTask *task;
  guint index;
} RolesCall;

static void
assignments_return (GTask *task)
{
  Assignments *a = g_task_get_task_data (task);
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) amigo_sso_assignment_free);

  for (guint i = 0; i < a->per_account->len; i++)
    {
      AmigoSsoAccount *account = g_ptr_array_index (a->accounts, i);
      GPtrArray *roles = g_ptr_array_index (a->per_account, i);

      for (guint j = 0; roles != NULL && j < roles->len; j++)
        {
          AmigoSsoRole *role = g_ptr_array_index (roles, j);
          AmigoSsoAssignment *assignment = g_new0 (AmigoSsoAssignment, 1);

          assignment->account_id = g_strdup (account->account_id);
          assignment->account_name = g_strdup (account->account_name != NULL
                                                ? account->account_name : account->account_id);
          assignment->role_name = g_strdup (role->role_name);
          g_ptr_array_add (result, assignment);
        }
    }
  g_task_return_pointer (task, result, (GDestroyNotify) g_ptr_array_unref);
}

static void
assignments_roles_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  RolesCall *call = user_data;
  g_autoptr(GTask) task = call->task;
  Assignments *a = g_task_get_task_data (task);
  GError *error = NULL;
  GPtrArray *roles;

  roles = amigo_sso_portal_list_account_roles_finish (AMIGO_SSO_PORTAL (source), result, &error);
  if (roles != NULL)
    g_ptr_array_index (a->per_account, call->index) = roles;
  else if (a->error == NULL)
    a->error = error;
  else
    g_error_free (error);
  g_free (call);

  if (--a->pending > 0)
    return;
  if (a->error != NULL)
    g_task_return_error (task, g_steal_pointer (&a->error));
  else
    assignments_return (task);
}

static void
assignments_accounts_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Assignments *a = g_task_get_task_data (task);
  GError *error = NULL;

  a->accounts = amigo_sso_portal_list_accounts_finish (AMIGO_SSO_PORTAL (source), result, &error);
  if (a->accounts == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (a->accounts->len == 0)
    {
      assignments_return (task);
      return;
    }
  g_ptr_array_set_size (a->per_account, a->accounts->len);
  a->pending = a->accounts->len;
  /* Every account's roles at once (the client paces them). */
  for (guint i = 0; i < a->accounts->len; i++)
    {
      AmigoSsoAccount *account = g_ptr_array_index (a->accounts, i);
      RolesCall *call = g_new0 (RolesCall, 1);

      call->task = g_object_ref (task);
      call->index = i;
      amigo_sso_portal_list_account_roles_async (AMIGO_SSO_PORTAL (source), a->access_token,
                                                 account->account_id, g_task_get_cancellable (task),
                                                 assignments_roles_cb, call);
    }
}

/**
 * amigo_sso_portal_list_assignments_async:
 * @self: the portal
 * @access_token: the SSO access token
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with every account × role the user may use
 * @user_data: data for @callback
 *
 * ListAccounts, then ListAccountRoles of every account concurrently (every
 * page of each): what "Add accounts from IAM Identity Center" lists. Any
 * failure fails the whole (an expired token: %AMIGO_AWS_ERROR_SIGN_IN_REQUIRED).
 */
void
amigo_sso_portal_list_assignments_async (AmigoSsoPortal      *self,
                                         const char          *access_token,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  GTask *task;
  Assignments *a;

  g_return_if_fail (AMIGO_IS_SSO_PORTAL (self));
  g_return_if_fail (access_token != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_sso_portal_list_assignments_async);
  a = g_new0 (Assignments, 1);
  a->access_token = g_strdup (access_token);
  a->per_account = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_task_set_task_data (task, a, assignments_free);
  amigo_sso_portal_list_accounts_async (self, access_token, cancellable, assignments_accounts_cb, task);
}

/**
 * amigo_sso_portal_list_assignments_finish:
 * @self: the portal
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer container) (element-type AmigoSsoAssignment): the
 *   pairs, by account (in ListAccounts' order) then role
 */
AMIGO_DEFINE_FINISH_POINTER (AmigoSsoPortal, GPtrArray *, amigo_sso_portal_list_assignments)
