/* amigo-service.c — the base of every AWS service: client, region, endpoint, protocol
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What STS, and the services after it, share: the GObject holding the
 * client, the region and the endpoint, and one call that serializes an
 * operation's input with the service's protocol, sends it through the
 * client (signing, retries, clock skew, error classification), collects
 * the answer and parses it back into values. A service maps those values
 * to its typed models.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "amigo-error.h"
#include "amigo-service.h"

/* An answer bigger than this is not one of the small documents the
 * shape-driven services read whole (EC2 streams its own). */
#define MAX_ANSWER_BYTES (16 * 1024 * 1024)

typedef struct
{
  AmigoClient *client;
  char *region;
  char *endpoint_url;
} AmigoServicePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (AmigoService, amigo_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_REGION,
  PROP_ENDPOINT_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  const AmigoOperation *operation;
  GByteArray *body;
} CallData;

static void
call_data_free (gpointer data)
{
  CallData *call = data;

  g_byte_array_unref (call->body);
  g_free (call);
}

/* ---- collecting the answer -------------------------------------------- */

static gboolean
collect_begin (gpointer   data,
               guint      attempt,
               GError   **error)
{
  CallData *call = data;

  /* What an earlier attempt delivered belongs to it. */
  g_byte_array_set_size (call->body, 0);
  return TRUE;
}

static gboolean
collect_chunk (gpointer     data,
               const char  *buf,
               gsize        len,
               GError     **error)
{
  CallData *call = data;

  if (call->body->len + len > MAX_ANSWER_BYTES)
    {
      g_set_error_literal (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                           _("The service's answer is too big to read. Check the endpoint "
                             "address."));
      return FALSE;
    }
  g_byte_array_append (call->body, (const guint8 *) buf, len);
  return TRUE;
}

static const AmigoResponseSink collect_sink = {
  .begin_attempt = collect_begin,
  .chunk = collect_chunk,
};

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AmigoService *self = g_task_get_source_object (task);
  CallData *call = g_task_get_task_data (task);
  g_autoptr(SoupMessageHeaders) headers = NULL;
  GError *error = NULL;
  JsonNode *values;
  guint status = 0;

  if (!amigo_client_send_finish (AMIGO_CLIENT (source), result, &status, &headers, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  values = amigo_protocol_parse (amigo_service_get_model (self), call->operation, status, headers,
                                 (const char *) call->body->data, call->body->len, &error);
  if (values == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, values, (GDestroyNotify) json_node_unref);
}

/* ---- GObject ---------------------------------------------------------- */

static void
amigo_service_finalize (GObject *object)
{
  AmigoServicePrivate *priv = amigo_service_get_instance_private (AMIGO_SERVICE (object));

  g_clear_object (&priv->client);
  g_free (priv->region);
  g_free (priv->endpoint_url);

  G_OBJECT_CLASS (amigo_service_parent_class)->finalize (object);
}

static void
amigo_service_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AmigoServicePrivate *priv = amigo_service_get_instance_private (AMIGO_SERVICE (object));

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, priv->client);
      break;
    case PROP_REGION:
      g_value_set_string (value, priv->region);
      break;
    case PROP_ENDPOINT_URL:
      g_value_set_string (value, priv->endpoint_url);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amigo_service_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AmigoServicePrivate *priv = amigo_service_get_instance_private (AMIGO_SERVICE (object));

  switch (prop_id)
    {
    case PROP_CLIENT:
      priv->client = g_value_dup_object (value);
      break;
    case PROP_REGION:
      priv->region = g_value_dup_string (value);
      break;
    case PROP_ENDPOINT_URL:
      priv->endpoint_url = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amigo_service_class_init (AmigoServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amigo_service_finalize;
  object_class->get_property = amigo_service_get_property;
  object_class->set_property = amigo_service_set_property;

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
amigo_service_init (AmigoService *self)
{
}

/* ---- public API ------------------------------------------------------- */

/**
 * amigo_service_new:
 * @service_type: a subclass of #AmigoService
 * @client: the account's client
 * @region: the region to sign requests for, e.g. `eu-west-1`
 * @endpoint_url: (nullable): where to send them, e.g. a moto URL; %NULL for
 *   the region's standard endpoint
 *
 * What each service's `_new()` is made of.
 *
 * Returns: (transfer full) (type AmigoService): a @service_type in @region
 */
gpointer
amigo_service_new (GType        service_type,
                   AmigoClient *client,
                   const char  *region,
                   const char  *endpoint_url)
{
  g_return_val_if_fail (g_type_is_a (service_type, AMIGO_TYPE_SERVICE), NULL);
  g_return_val_if_fail (AMIGO_IS_CLIENT (client), NULL);
  g_return_val_if_fail (region != NULL && *region != '\0', NULL);

  return g_object_new (service_type,
                       "client", client,
                       "region", region,
                       "endpoint-url", endpoint_url,
                       NULL);
}

/**
 * amigo_service_new_for_account:
 * @service_type: a subclass of #AmigoService
 * @endpoint_id: the service's endpoint prefix, e.g. `ec2`, `sts`
 * @account: an account
 * @client: the account's client (amigo_account_get_client_finish())
 * @region: a region code
 * @error: where an unusable endpoint configuration is reported
 *
 * A @service_type in @region, at the endpoint the account's configuration
 * names (`AWS_ENDPOINT_URL_<SERVICE>`, profile, custom endpoint, or the
 * standard one).
 *
 * Returns: (transfer full) (nullable) (type AmigoService): the service, or
 *   %NULL with @error set
 */
gpointer
amigo_service_new_for_account (GType          service_type,
                               const char    *endpoint_id,
                               AmigoAccount  *account,
                               AmigoClient   *client,
                               const char    *region,
                               GError       **error)
{
  g_autoptr(AmigoEndpoint) endpoint = NULL;

  g_return_val_if_fail (AMIGO_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (AMIGO_IS_CLIENT (client), NULL);
  g_return_val_if_fail (region != NULL, NULL);

  endpoint = amigo_account_resolve_endpoint (account, endpoint_id, region, error);
  if (endpoint == NULL)
    return NULL;
  return amigo_service_new (service_type, client, endpoint->signing_region, endpoint->url);
}

/**
 * amigo_service_get_client:
 * @self: a service
 *
 * Returns: (transfer none): the account's client
 */
AmigoClient *
amigo_service_get_client (AmigoService *self)
{
  AmigoServicePrivate *priv = amigo_service_get_instance_private (self);

  g_return_val_if_fail (AMIGO_IS_SERVICE (self), NULL);
  return priv->client;
}

/**
 * amigo_service_get_region:
 * @self: a service
 *
 * Returns: (transfer none): the region requests are signed for
 */
const char *
amigo_service_get_region (AmigoService *self)
{
  AmigoServicePrivate *priv = amigo_service_get_instance_private (self);

  g_return_val_if_fail (AMIGO_IS_SERVICE (self), NULL);
  return priv->region;
}

/**
 * amigo_service_get_endpoint_url:
 * @self: a service
 *
 * Returns: (transfer none) (nullable): the endpoint, or %NULL for the
 *   region's standard one
 */
const char *
amigo_service_get_endpoint_url (AmigoService *self)
{
  AmigoServicePrivate *priv = amigo_service_get_instance_private (self);

  g_return_val_if_fail (AMIGO_IS_SERVICE (self), NULL);
  return priv->endpoint_url;
}

/**
 * amigo_service_get_model:
 * @self: a service
 *
 * Returns: (transfer none): the model its class declares
 */
const AmigoServiceModel *
amigo_service_get_model (AmigoService *self)
{
  g_return_val_if_fail (AMIGO_IS_SERVICE (self), NULL);
  return AMIGO_SERVICE_GET_CLASS (self)->model;
}

/**
 * amigo_service_call_async:
 * @self: a service
 * @operation: one of its model's operations (static)
 * @params: (nullable): the input values, an object
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Serializes @params with the service's protocol, signs and sends the
 * request (retrying as #AmigoClient does), and parses the answer into the
 * operation's output values. Finish with amigo_service_call_finish().
 */
void
amigo_service_call_async (AmigoService          *self,
                          const AmigoOperation  *operation,
                          JsonNode              *params,
                          GCancellable          *cancellable,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data)
{
  AmigoServicePrivate *priv = amigo_service_get_instance_private (self);
  const AmigoServiceModel *model;
  g_autoptr(GTask) task = NULL;
  g_autoptr(AmigoRequest) request = NULL;
  GError *error = NULL;
  CallData *call;

  g_return_if_fail (AMIGO_IS_SERVICE (self));
  g_return_if_fail (operation != NULL);

  model = amigo_service_get_model (self);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_service_call_async);

  request = amigo_protocol_serialize (model, operation, params, &error);
  if (request == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  amigo_request_set_signing (request, model->signing_name, priv->region);
  amigo_request_set_unsigned (request, operation->unsigned_request);

  call = g_new0 (CallData, 1);
  call->operation = operation;
  call->body = g_byte_array_new ();
  g_task_set_task_data (task, call, call_data_free);

  amigo_client_send_async (priv->client, request, priv->endpoint_url, &collect_sink, call,
                           cancellable, sent_cb, g_steal_pointer (&task));
}

/**
 * amigo_service_call_finish:
 * @self: a service
 * @result: the #GAsyncResult
 * @error: where a failure goes (an %AMIGO_AWS_ERROR with AWS's code and
 *   message, %G_IO_ERROR_CANCELLED, …)
 *
 * Returns: (transfer full) (nullable): the output values, an object
 */
JsonNode *
amigo_service_call_finish (AmigoService  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  AmigoServiceClass *klass;
  GError *failure = NULL;
  JsonNode *values;

  g_return_val_if_fail (AMIGO_IS_SERVICE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, amigo_service_call_async), NULL);

  klass = AMIGO_SERVICE_GET_CLASS (self);
  values = g_task_propagate_pointer (G_TASK (result), &failure);
  if (values == NULL && klass->translate_error != NULL)
    failure = klass->translate_error (self, failure);
  if (values == NULL)
    g_propagate_error (error, failure);
  return values;
}

/* ---- typed operations ---------------------------------------------------- */

typedef struct {
  AmigoServiceAnswerFunc answer;
} TypedCall;

static void
typed_call_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TypedCall *typed = g_task_get_task_data (task);
  g_autoptr(JsonNode) values = NULL;
  GError *error = NULL;

  values = amigo_service_call_finish (AMIGO_SERVICE (source), result, &error);
  if (values == NULL)
    g_task_return_error (task, error);
  else
    typed->answer (task, json_node_get_object (values));
}

/**
 * amigo_service_call_typed_async:
 * @self: a service
 * @op: the typed operation: its model operation, its answer and its tag
 * @params: (nullable): the input values, an object
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the typed result
 * @user_data: data for @callback
 *
 * The body of a typed `_async` function: amigo_service_call_async() in a
 * task of @self tagged @op's source tag, whose result @op's answer makes;
 * a failed call is the task's error. The task's data is this function's.
 */
void
amigo_service_call_typed_async (AmigoService              *self,
                                const AmigoServiceTypedOp *op,
                                JsonNode                  *params,
                                GCancellable              *cancellable,
                                GAsyncReadyCallback        callback,
                                gpointer                   user_data)
{
  GTask *task;
  TypedCall *typed;

  g_return_if_fail (AMIGO_IS_SERVICE (self));
  g_return_if_fail (op != NULL && op->answer != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, op->source_tag);
  typed = g_new0 (TypedCall, 1);
  typed->answer = op->answer;
  g_task_set_task_data (task, typed, g_free);
  amigo_service_call_async (self, op->operation, params, cancellable, typed_call_cb, task);
}

static JsonNode *
params_valist (const char *first_name,
               va_list     args)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      if (value != NULL)
        {
          json_builder_set_member_name (builder, name);
          json_builder_add_string_value (builder, value);
        }
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * amigo_service_call_strings_async:
 * @self: a service
 * @op: the typed operation
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the typed result
 * @user_data: data for @callback
 * @first_name: the first input member's name
 * @...: its value (a string; %NULL leaves the member out), then more
 *   name, value pairs, ended by %NULL
 *
 * amigo_service_call_typed_async() of an operation whose input values
 * are strings: the body of most typed `_async` functions.
 */
void
amigo_service_call_strings_async (AmigoService              *self,
                                  const AmigoServiceTypedOp *op,
                                  GCancellable              *cancellable,
                                  GAsyncReadyCallback        callback,
                                  gpointer                   user_data,
                                  const char                *first_name,
                                  ...)
{
  g_autoptr(JsonNode) params = NULL;
  va_list args;

  va_start (args, first_name);
  params = params_valist (first_name, args);
  va_end (args);
  amigo_service_call_typed_async (self, op, params, cancellable, callback, user_data);
}

/* ---- input and output values ----------------------------------------- */

/**
 * amigo_service_params:
 * @first_name: the first member's name
 * @...: its value (a string; %NULL leaves the member out), then more
 *   name, value pairs, ended by %NULL
 *
 * Returns: (transfer full): an object of string members, the input values
 *   of an operation
 */
JsonNode *
amigo_service_params (const char *first_name,
                      ...)
{
  JsonNode *params;
  va_list args;

  va_start (args, first_name);
  params = params_valist (first_name, args);
  va_end (args);
  return params;
}

/**
 * amigo_service_member_string:
 * @object: (nullable): output values, or an object inside them
 * @name: a member's name
 *
 * Returns: (transfer none) (nullable): the member's value when it is a
 *   string, else %NULL
 */
const char *
amigo_service_member_string (JsonObject *object,
                             const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}
