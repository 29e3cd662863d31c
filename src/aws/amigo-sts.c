/* amigo-sts.c — AWS STS: who the credentials belong to
 *
 * An #AmigoService speaking the AWS query protocol; its model is botocore's
 * (src/aws/models/sts.json, generated into amigo-sts-model.c), each operation
 * one _async/_finish pair over it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "amigo-error.h"
#include "amigo-gtask-private.h"
#include "amigo-sts.h"
#include "amigo-sts-model.h"

struct _AmigoSts
{
  AmigoService parent_instance;
};

G_DEFINE_BOXED_TYPE (AmigoCallerIdentity, amigo_caller_identity,
                     amigo_caller_identity_copy, amigo_caller_identity_free)

/* ---- answers ---------------------------------------------------------- */

static const char *
string_value (JsonObject *values,
              const char *name)
{
  return values != NULL && json_object_has_member (values, name)
         ? json_object_get_string_member (values, name) : NULL;
}

static JsonObject *
object_value (JsonObject *values,
              const char *name)
{
  return json_object_has_member (values, name) ? json_object_get_object_member (values, name) : NULL;
}

static void
caller_identity_answer (GTask      *task,
                        JsonObject *output)
{
  AmigoCallerIdentity *identity;
  const char *account = string_value (output, "Account");

  if (account == NULL || *account == '\0')
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                               _("STS answered GetCallerIdentity without an account ID. "
                                 "Check the STS endpoint address."));
      return;
    }

  identity = g_new0 (AmigoCallerIdentity, 1);
  identity->account = g_strstrip (g_strdup (account));
  identity->arn = g_strdup (string_value (output, "Arn"));
  identity->user_id = g_strdup (string_value (output, "UserId"));
  g_task_return_pointer (task, identity, (GDestroyNotify) amigo_caller_identity_free);
}

typedef struct {
  AmigoCredentials *credentials;
  char *assumed_role_arn;
} AssumedRole;

static void
assumed_role_free (gpointer data)
{
  AssumedRole *role = data;

  g_clear_pointer (&role->credentials, amigo_credentials_unref);
  g_free (role->assumed_role_arn);
  g_free (role);
}

static gboolean
non_empty (const char *text)
{
  return text != NULL && *text != '\0';
}

/* The session credentials of an AssumeRole* answer. */
static void
assume_role_answer (GTask      *task,
                    JsonObject *output)
{
  JsonObject *credentials = object_value (output, "Credentials");
  JsonObject *user = object_value (output, "AssumedRoleUser");
  const char *key_id = string_value (credentials, "AccessKeyId");
  const char *secret = string_value (credentials, "SecretAccessKey");
  const char *token = string_value (credentials, "SessionToken");
  gint64 expiration = 0;
  AssumedRole *role;

  if (!non_empty (key_id) || !non_empty (secret) || !non_empty (token))
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                               _("STS answered without session credentials. "
                                 "Check the STS endpoint address."));
      return;
    }
  if (json_object_has_member (credentials, "Expiration"))
    expiration = (gint64) json_object_get_double_member (credentials, "Expiration");

  role = g_new0 (AssumedRole, 1);
  role->credentials = amigo_credentials_new (key_id, secret, token, expiration);
  role->assumed_role_arn = g_strdup (string_value (user, "Arn"));
  g_task_return_pointer (task, role, assumed_role_free);
}

static AmigoCredentials *
assumed_role_finish (GAsyncResult  *result,
                     char         **out_assumed_role_arn,
                     GError       **error)
{
  AssumedRole *role = g_task_propagate_pointer (G_TASK (result), error);
  AmigoCredentials *credentials;

  if (role == NULL)
    return NULL;
  credentials = g_steal_pointer (&role->credentials);
  if (out_assumed_role_arn != NULL)
    *out_assumed_role_arn = g_steal_pointer (&role->assumed_role_arn);
  assumed_role_free (role);
  return credentials;
}

/* ---- requests --------------------------------------------------------- */

static void
add_string (JsonObject *params,
            const char *name,
            const char *value)
{
  if (non_empty (value))
    json_object_set_string_member (params, name, value);
}

/* The input values of AssumeRole or AssumeRoleWithWebIdentity: the
 * members @params sets. */
static JsonNode *
role_params (const AmigoAssumeRoleParams *params)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *obj = json_object_new ();

  add_string (obj, "RoleArn", params->role_arn);
  add_string (obj, "RoleSessionName", params->role_session_name);
  if (params->duration_seconds > 0)
    json_object_set_int_member (obj, "DurationSeconds", params->duration_seconds);
  add_string (obj, "ExternalId", params->external_id);
  add_string (obj, "SerialNumber", params->serial_number);
  add_string (obj, "TokenCode", params->token_code);
  add_string (obj, "WebIdentityToken", params->web_identity_token);
  json_node_take_object (node, obj);
  return node;
}

/* The body of both AssumeRole… _async functions. */
static void
assume_role_call (AmigoSts                    *self,
                  const AmigoServiceTypedOp   *op,
                  const AmigoAssumeRoleParams *params,
                  GCancellable                *cancellable,
                  GAsyncReadyCallback          callback,
                  gpointer                     user_data)
{
  g_autoptr(JsonNode) node = role_params (params);

  amigo_service_call_typed_async (AMIGO_SERVICE (self), op, node, cancellable, callback, user_data);
}

/* Defines name_finish (self, result, out_assumed_role_arn, error) of an
 * AssumeRole… operation: its session credentials and ARN. */
#define DEFINE_ASSUMED_ROLE_FINISH(name)                                              \
  AmigoCredentials *                                                                  \
  name##_finish (AmigoSts      *self,                                                 \
                 GAsyncResult  *result,                                               \
                 char         **out_assumed_role_arn,                                 \
                 GError       **error)                                                \
  {                                                                                   \
    g_return_val_if_fail (AMIGO_IS_STS (self), NULL);                                 \
    g_return_val_if_fail (g_task_is_valid (result, self), NULL);                      \
    g_return_val_if_fail (g_async_result_is_tagged (result, name##_async), NULL);     \
                                                                                      \
    return assumed_role_finish (result, out_assumed_role_arn, error);                 \
  }

/* ---- public API ------------------------------------------------------- */

/**
 * amigo_caller_identity_copy:
 * @self: an #AmigoCallerIdentity
 *
 * Returns: (transfer full): a copy
 */
AmigoCallerIdentity *
amigo_caller_identity_copy (const AmigoCallerIdentity *self)
{
  AmigoCallerIdentity *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (AmigoCallerIdentity, 1);
  copy->account = g_strdup (self->account);
  copy->arn = g_strdup (self->arn);
  copy->user_id = g_strdup (self->user_id);
  return copy;
}

/**
 * amigo_caller_identity_free:
 * @self: (nullable) (transfer full): an #AmigoCallerIdentity
 */
void
amigo_caller_identity_free (AmigoCallerIdentity *self)
{
  if (self == NULL)
    return;
  g_free (self->account);
  g_free (self->arn);
  g_free (self->user_id);
  g_free (self);
}

/**
 * amigo_sts_new:
 * @client: the account's client
 * @region: the region to sign for, e.g. `eu-west-1` (STS answers in every
 *   region)
 * @endpoint_url: (nullable): where to send requests; %NULL for
 *   `https://sts.<region>.amazonaws.com`
 *
 * Returns: (transfer full): STS in @region
 */
/**
 * amigo_sts_new_for_account:
 * @account: an account
 * @client: the account's client
 * @region: a region code, usually the account's default region
 * @error: where an unusable endpoint configuration is reported
 *
 * STS in @region, at the endpoint the account's configuration names.
 *
 * Returns: (transfer full) (nullable): STS, or %NULL with @error set
 */
AMIGO_DEFINE_SERVICE (AmigoSts, amigo_sts, AMIGO_TYPE_STS, &amigo_sts_model, "sts")

static const AmigoServiceTypedOp get_caller_identity_op = {
  &amigo_sts_op_get_caller_identity, caller_identity_answer, amigo_sts_get_caller_identity_async
};

/**
 * amigo_sts_get_caller_identity_async:
 * @self: an #AmigoSts
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * GetCallerIdentity: which account and user or role the credentials belong
 * to. Needs no permission, so it is the way to test an account's keys:
 * wrong ones fail with %AMIGO_AWS_ERROR_AUTH.
 */
void
amigo_sts_get_caller_identity_async (AmigoSts            *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (AMIGO_IS_STS (self));

  amigo_service_call_typed_async (AMIGO_SERVICE (self), &get_caller_identity_op, NULL,
                                  cancellable, callback, user_data);
}

/**
 * amigo_sts_get_caller_identity_finish:
 * @self: an #AmigoSts
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer full) (nullable): who the credentials belong to, or
 *   %NULL with @error set
 */
AMIGO_DEFINE_TAGGED_FINISH_POINTER (AmigoSts, AmigoCallerIdentity *, amigo_sts_get_caller_identity)

static const AmigoServiceTypedOp assume_role_op = {
  &amigo_sts_op_assume_role, assume_role_answer, amigo_sts_assume_role_async
};

/**
 * amigo_sts_assume_role_async:
 * @self: STS, with the client of the credentials that assume the role
 * @params: the role, session name and the optional external id, duration
 *   and MFA device and code (copied)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the session credentials
 * @user_data: data for @callback
 *
 * AssumeRole: temporary credentials of @params->role_arn.
 */
void
amigo_sts_assume_role_async (AmigoSts                    *self,
                             const AmigoAssumeRoleParams *params,
                             GCancellable                *cancellable,
                             GAsyncReadyCallback          callback,
                             gpointer                     user_data)
{
  g_return_if_fail (AMIGO_IS_STS (self));
  g_return_if_fail (params != NULL && params->role_arn != NULL);

  assume_role_call (self, &assume_role_op, params, cancellable, callback, user_data);
}

/**
 * amigo_sts_assume_role_finish:
 * @self: an #AmigoSts
 * @result: the #GAsyncResult
 * @out_assumed_role_arn: (out) (optional) (transfer full) (nullable): the
 *   session's ARN (`AssumedRoleUser.Arn`)
 * @error: where a failure goes (%AMIGO_AWS_ERROR_AUTH when refused)
 *
 * Returns: (transfer full) (nullable): the session credentials, with their
 *   expiry, or %NULL with @error set
 */
DEFINE_ASSUMED_ROLE_FINISH (amigo_sts_assume_role)

static const AmigoServiceTypedOp assume_role_with_web_identity_op = {
  &amigo_sts_op_assume_role_with_web_identity, assume_role_answer,
  amigo_sts_assume_role_with_web_identity_async
};

/**
 * amigo_sts_assume_role_with_web_identity_async:
 * @self: STS (its client's credentials are not used: the call is unsigned)
 * @params: the role, session name, web identity token and the optional
 *   duration (copied)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the session credentials
 * @user_data: data for @callback
 *
 * AssumeRoleWithWebIdentity, sent without a signature as botocore sends it.
 */
void
amigo_sts_assume_role_with_web_identity_async (AmigoSts                    *self,
                                               const AmigoAssumeRoleParams *params,
                                               GCancellable                *cancellable,
                                               GAsyncReadyCallback          callback,
                                               gpointer                     user_data)
{
  g_return_if_fail (AMIGO_IS_STS (self));
  g_return_if_fail (params != NULL && params->role_arn != NULL && params->web_identity_token != NULL);

  assume_role_call (self, &assume_role_with_web_identity_op, params, cancellable, callback, user_data);
}

/**
 * amigo_sts_assume_role_with_web_identity_finish:
 * @self: an #AmigoSts
 * @result: the #GAsyncResult
 * @out_assumed_role_arn: (out) (optional) (transfer full) (nullable): the
 *   session's ARN
 * @error: where a failure goes
 *
 * Returns: (transfer full) (nullable): the session credentials, or %NULL
 *   with @error set
 */
DEFINE_ASSUMED_ROLE_FINISH (amigo_sts_assume_role_with_web_identity)
