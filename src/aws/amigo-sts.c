/* amigo-sts.c — AWS STS: who the credentials belong to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "amigo-ec2-private.h"
#include "amigo-error.h"
#include "amigo-sts.h"

struct _AmigoSts
{
  GObject parent_instance;

  AmigoClient *client;
  char *region;
  char *endpoint_url;
};

G_DEFINE_FINAL_TYPE (AmigoSts, amigo_sts, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (AmigoCallerIdentity, amigo_caller_identity,
                     amigo_caller_identity_copy, amigo_caller_identity_free)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_REGION,
  PROP_ENDPOINT_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
caller_identity_done (GTask          *task,
                      AmigoEc2Parser *parser)
{
  AmigoCallerIdentity *identity;
  const char *account;

  account = amigo_ec2_parser_get_value (parser, "Account");
  if (account == NULL || *account == '\0')
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                               _("STS answered GetCallerIdentity without an account ID. "
                                 "Check the STS endpoint address."));
      return;
    }

  identity = g_new0 (AmigoCallerIdentity, 1);
  identity->account = g_strstrip (g_strdup (account));
  identity->arn = g_strdup (amigo_ec2_parser_get_value (parser, "Arn"));
  identity->user_id = g_strdup (amigo_ec2_parser_get_value (parser, "UserId"));
  g_task_return_pointer (task, identity, (GDestroyNotify) amigo_caller_identity_free);
}

/* ---- GObject ---------------------------------------------------------- */

static void
amigo_sts_finalize (GObject *object)
{
  AmigoSts *self = AMIGO_STS (object);

  g_clear_object (&self->client);
  g_free (self->region);
  g_free (self->endpoint_url);

  G_OBJECT_CLASS (amigo_sts_parent_class)->finalize (object);
}

static void
amigo_sts_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AmigoSts *self = AMIGO_STS (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_ENDPOINT_URL:
      g_value_set_string (value, self->endpoint_url);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amigo_sts_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  AmigoSts *self = AMIGO_STS (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_REGION:
      self->region = g_value_dup_string (value);
      break;
    case PROP_ENDPOINT_URL:
      self->endpoint_url = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amigo_sts_class_init (AmigoStsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amigo_sts_finalize;
  object_class->get_property = amigo_sts_get_property;
  object_class->set_property = amigo_sts_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, AMIGO_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENDPOINT_URL] =
    g_param_spec_string ("endpoint-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
amigo_sts_init (AmigoSts *self)
{
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
AmigoSts *
amigo_sts_new (AmigoClient *client,
               const char  *region,
               const char  *endpoint_url)
{
  g_return_val_if_fail (AMIGO_IS_CLIENT (client), NULL);
  g_return_val_if_fail (region != NULL && *region != '\0', NULL);

  return g_object_new (AMIGO_TYPE_STS,
                       "client", client,
                       "region", region,
                       "endpoint-url", endpoint_url,
                       NULL);
}

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
AmigoSts *
amigo_sts_new_for_account (AmigoAccount  *account,
                           AmigoClient   *client,
                           const char    *region,
                           GError       **error)
{
  g_autoptr(AmigoEndpoint) endpoint = NULL;

  g_return_val_if_fail (AMIGO_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (AMIGO_IS_CLIENT (client), NULL);
  g_return_val_if_fail (region != NULL, NULL);

  endpoint = amigo_account_resolve_endpoint (account, "sts", region, error);
  if (endpoint == NULL)
    return NULL;
  return amigo_sts_new (client, endpoint->signing_region, endpoint->url);
}

/**
 * amigo_sts_get_client:
 * @self: an #AmigoSts
 *
 * Returns: (transfer none): the client
 */
AmigoClient *
amigo_sts_get_client (AmigoSts *self)
{
  g_return_val_if_fail (AMIGO_IS_STS (self), NULL);
  return self->client;
}

/**
 * amigo_sts_get_region:
 * @self: an #AmigoSts
 *
 * Returns: (transfer none): the region requests are signed for
 */
const char *
amigo_sts_get_region (AmigoSts *self)
{
  g_return_val_if_fail (AMIGO_IS_STS (self), NULL);
  return self->region;
}

/**
 * amigo_sts_get_endpoint_url:
 * @self: an #AmigoSts
 *
 * Returns: (transfer none) (nullable): the endpoint, or %NULL for the
 *   region's standard one
 */
const char *
amigo_sts_get_endpoint_url (AmigoSts *self)
{
  g_return_val_if_fail (AMIGO_IS_STS (self), NULL);
  return self->endpoint_url;
}

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
  _amigo_parser_call_async (self->client, "sts", self->region, self->endpoint_url,
                            amigo_ec2_query_new ("GetCallerIdentity", AMIGO_STS_API_VERSION),
                            amigo_ec2_parser_new_get_caller_identity, caller_identity_done, task);
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
