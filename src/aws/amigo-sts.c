/* amigo-sts.c — AWS STS: who the credentials belong to
 *
 * An #AmigoService speaking the AWS query protocol; each operation is its
 * model entry (shapes, #AmigoOperation) and one _async/_finish pair.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "amigo-error.h"
#include "amigo-sts.h"

struct _AmigoSts
{
  AmigoService parent_instance;
};

G_DEFINE_BOXED_TYPE (AmigoCallerIdentity, amigo_caller_identity,
                     amigo_caller_identity_copy, amigo_caller_identity_free)

/* ---- the model -------------------------------------------------------- */

static const AmigoServiceModel sts_model = {
  .protocol = AMIGO_PROTOCOL_QUERY,
  .api_version = AMIGO_STS_API_VERSION,
  .signing_name = "sts",
};

static const AmigoShape string_shape = { .type = AMIGO_SHAPE_STRING };

static const AmigoMember caller_identity_members[] = {
  { .name = "UserId", .shape = &string_shape },
  { .name = "Account", .shape = &string_shape },
  { .name = "Arn", .shape = &string_shape },
};

static const AmigoShape caller_identity_shape = {
  .type = AMIGO_SHAPE_STRUCTURE,
  .name = "GetCallerIdentityResponse",
  .members = caller_identity_members,
  .n_members = G_N_ELEMENTS (caller_identity_members),
};

static const AmigoMember caller_identity_output = { .shape = &caller_identity_shape };

static const AmigoOperation get_caller_identity = {
  .name = "GetCallerIdentity",
  .http_method = "POST",
  .request_uri = "/",
  .output = &caller_identity_output,
  .result_wrapper = "GetCallerIdentityResult",
};

/* ---- answers ---------------------------------------------------------- */

static const char *
string_value (JsonObject *values,
              const char *name)
{
  return json_object_has_member (values, name) ? json_object_get_string_member (values, name) : NULL;
}

static void
caller_identity_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) values = NULL;
  AmigoCallerIdentity *identity;
  GError *error = NULL;
  JsonObject *obj;
  const char *account;

  values = amigo_service_call_finish (AMIGO_SERVICE (source), result, &error);
  if (values == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  obj = json_node_get_object (values);
  account = string_value (obj, "Account");
  if (account == NULL || *account == '\0')
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                               _("STS answered GetCallerIdentity without an account ID. "
                                 "Check the STS endpoint address."));
      return;
    }

  identity = g_new0 (AmigoCallerIdentity, 1);
  identity->account = g_strstrip (g_strdup (account));
  identity->arn = g_strdup (string_value (obj, "Arn"));
  identity->user_id = g_strdup (string_value (obj, "UserId"));
  g_task_return_pointer (task, identity, (GDestroyNotify) amigo_caller_identity_free);
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
AMIGO_DEFINE_SERVICE (AmigoSts, amigo_sts, AMIGO_TYPE_STS, &sts_model, "sts")

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
  GTask *task;

  g_return_if_fail (AMIGO_IS_STS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_sts_get_caller_identity_async);
  amigo_service_call_async (AMIGO_SERVICE (self), &get_caller_identity, NULL, cancellable,
                            caller_identity_cb, task);
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
AmigoCallerIdentity *
amigo_sts_get_caller_identity_finish (AmigoSts      *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (AMIGO_IS_STS (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, amigo_sts_get_caller_identity_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
