/* amigo-ec2-call.c — the call plumbing of the query services, and the
 * shapes EC2 operations share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A call sends one encoded query through the AmigoClient, whose successful
 * body streams into a parser through the client's response sink. The
 * sink's begin_attempt gives each attempt a fresh parser (from the
 * operation's constructor), so a retried attempt never mixes with the
 * failed one. Then the operation's `done` reads the parser and completes
 * the GTask, or sends the next page; or its `failed` takes a failure over.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "amigo-ec2-private.h"
#include "amigo-error.h"
#include "amigo-gtask-private.h"

/* One call: one query, sent (and retried by the client) until answered. */
typedef struct {
  GTask *task;
  char *action;
  /* The parser constructor: the operation's, or (none) the simple parser
   * of @action. */
  AmigoEc2Parser *(*new_task_parser) (GTask *task);
  AmigoParserCallDone done;
  gboolean (*failed) (GTask *task, GError *error, guint attempt);

  AmigoEc2Parser *parser;       /* this attempt's */
  guint attempt;
} Call;

static void
call_free (Call *call)
{
  g_clear_pointer (&call->parser, amigo_ec2_parser_free);
  g_clear_object (&call->task);
  g_free (call->action);
  g_free (call);
}

static gboolean
call_begin_attempt (gpointer   data,
                    guint      attempt,
                    GError   **error)
{
  Call *call = data;

  call->attempt = attempt;
  g_clear_pointer (&call->parser, amigo_ec2_parser_free);
  if (call->new_task_parser != NULL)
    call->parser = call->new_task_parser (call->task);
  else
    call->parser = amigo_ec2_parser_new_simple (call->action);
  return TRUE;
}

static gboolean
call_chunk (gpointer     data,
            const char  *buf,
            gsize        len,
            GError     **error)
{
  Call *call = data;

  /* Stop at once, rather than parse (and hand out) what nobody wants. */
  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (call->task), error))
    return FALSE;
  return amigo_ec2_parser_feed (call->parser, buf, len, error);
}

static gboolean
call_finish (gpointer   data,
             GError   **error)
{
  Call *call = data;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (call->task), error))
    return FALSE;
  return amigo_ec2_parser_finish (call->parser, error);
}

static const AmigoResponseSink call_sink = {
  call_begin_attempt,
  call_chunk,
  call_finish,
};

static void
call_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Call *call = user_data;
  GError *error = NULL;

  if (amigo_client_call_finish (AMIGO_CLIENT (source), result, &error))
    call->done (call->task, call->parser);
  else if (call->failed == NULL || !call->failed (call->task, error, call->attempt))
    g_task_return_error (call->task, error);
  call_free (call);
}

static void
call_send (Call                *call,
           AmigoClient         *client,
           const char          *service,
           const char          *region,
           const char          *endpoint_url,
           const AmigoEc2Query *query)
{
  g_autofree char *body = amigo_ec2_query_encode (query);
  g_autoptr(AmigoRequest) request = amigo_request_new_form (service, region, body);

  call->action = g_strdup (amigo_ec2_query_get_action (query));
  amigo_client_send_async (client, request, endpoint_url, &call_sink, call,
                           g_task_get_cancellable (call->task), call_cb, call);
}

/* ---- EC2 operations ---------------------------------------------------- */

AmigoEc2Query *
_amigo_ec2_query_new (const char *action)
{
  return amigo_ec2_query_new (action, AMIGO_EC2_API_VERSION);
}

AmigoEc2Query *
_amigo_ec2_query_for (AmigoEc2   *self,
                      const char *action,
                      const char *id_key,
                      const char *id)
{
  AmigoEc2Query *q;

  g_return_val_if_fail (AMIGO_IS_EC2 (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  q = _amigo_ec2_query_new (action);
  amigo_ec2_query_add_string (q, id_key, id);
  return q;
}

void
_amigo_ec2_id_op_async (AmigoEc2            *self,
                        const AmigoEc2IdOp  *op,
                        const char          *id,
                        const char          *arg_value,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data,
                        gpointer             source_tag)
{
  AmigoEc2Query *q;

  g_return_if_fail (!op->arg_required || arg_value != NULL);
  q = _amigo_ec2_query_for (self, op->action, op->id_key, id);
  if (q == NULL)
    return;
  if (op->arg_key != NULL)
    amigo_ec2_query_add_string (q, op->arg_key, arg_value);
  _amigo_ec2_run (self, q, op->shape, cancellable, callback, user_data, source_tag);
}

AmigoEc2Query *
_amigo_ec2_query_for_list (AmigoEc2           *self,
                           const char         *action,
                           const char         *list_key,
                           const char * const *ids)
{
  AmigoEc2Query *q;

  g_return_val_if_fail (AMIGO_IS_EC2 (self), NULL);
  g_return_val_if_fail (!_amigo_ec2_strv_is_empty (ids), NULL);

  q = _amigo_ec2_query_new (action);
  amigo_ec2_query_add_list (q, list_key, ids);
  return q;
}

GTask *
_amigo_ec2_task_new (AmigoEc2            *self,
                     const char          *action,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data,
                     gpointer             source_tag)
{
  GTask *task = _amigo_task_new_tagged (self, cancellable, callback, user_data, source_tag);

  g_task_set_name (task, action);
  return task;
}

void
_amigo_ec2_send (GTask                 *task,
                 AmigoEc2Query         *query,
                 const AmigoEc2OpShape *shape)
{
  AmigoEc2 *ec2 = g_task_get_source_object (task);
  Call *call;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  call = g_new0 (Call, 1);
  call->task = task;
  call->new_task_parser = shape->new_parser;
  call->done = shape->done;
  call->failed = shape->failed;
  call_send (call, amigo_ec2_get_client (ec2), "ec2", amigo_ec2_get_region (ec2),
             amigo_ec2_get_endpoint_url (ec2), query);
}

void
_amigo_ec2_run (AmigoEc2              *self,
                AmigoEc2Query         *query,
                const AmigoEc2OpShape *shape,
                GCancellable          *cancellable,
                GAsyncReadyCallback    callback,
                gpointer               user_data,
                gpointer               source_tag)
{
  g_autoptr(AmigoEc2Query) q = query;

  _amigo_ec2_send (_amigo_ec2_task_new (self, amigo_ec2_query_get_action (q), cancellable,
                                        callback, user_data, source_tag),
                   q, shape);
}

void
_amigo_ec2_request_async (AmigoEc2                *self,
                          const AmigoEc2RequestOp *op,
                          gconstpointer            request,
                          GCancellable            *cancellable,
                          GAsyncReadyCallback      callback,
                          gpointer                 user_data,
                          gpointer                 source_tag)
{
  g_autoptr(AmigoEc2Query) q = NULL;

  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (request != NULL);

  q = _amigo_ec2_query_new (op->action);
  if (!op->encode (q, request))
    return;
  _amigo_ec2_run (self, g_steal_pointer (&q), op->shape, cancellable, callback, user_data,
                  source_tag);
}

void
_amigo_ec2_add_client_token (AmigoEc2Query *q,
                             const char    *client_token)
{
  g_autofree char *token = client_token != NULL ? g_strdup (client_token) : amigo_client_token_new ();

  amigo_ec2_query_add_string (q, "ClientToken", token);
}

char *
_amigo_ec2_query_fingerprint (AmigoEc2Query *query)
{
  g_autoptr(AmigoEc2Query) q = query;
  g_autofree char *body = amigo_ec2_query_encode (q);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, body, -1);
}

/* ---- the simple answers ---------------------------------------------- */

static const char *
task_region (GTask *task)
{
  return amigo_ec2_get_region (g_task_get_source_object (task));
}

static void
done_return_true (GTask          *task,
                  AmigoEc2Parser *parser)
{
  /* Operations answer <return>true</return>; some (CreateTags in old API
   * versions, moto) send nothing but the request id. */
  if (amigo_ec2_parser_get_value (parser, "return") != NULL && !amigo_ec2_parser_get_return (parser))
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_FAILED,
                               _("EC2 (%s) answered that %s did not succeed. Try again."),
                               task_region (task), g_task_get_name (task));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* The task's result is the text of @element, which must be there. */
static void
return_value (GTask          *task,
              AmigoEc2Parser *parser,
              const char     *element)
{
  const char *value = amigo_ec2_parser_get_value (parser, element);

  if (value == NULL || *value == '\0')
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                               _("EC2 (%s) answered %s without its result."),
                               task_region (task), g_task_get_name (task));
      return;
    }
  g_task_return_pointer (task, g_strstrip (g_strdup (value)), g_free);
}

static void
done_return_string (GTask          *task,
                    AmigoEc2Parser *parser)
{
  return_value (task, parser, "return");
}

static void
done_block_public_access (GTask          *task,
                          AmigoEc2Parser *parser)
{
  return_value (task, parser, "imageBlockPublicAccessState");
}

void
_amigo_ec2_done_image_id (GTask          *task,
                          AmigoEc2Parser *parser)
{
  const char *image_id = amigo_ec2_parser_get_image_id (parser);

  if (image_id == NULL || *image_id == '\0')
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                               _("EC2 (%s) answered %s without the new image’s ID."),
                               task_region (task), g_task_get_name (task));
      return;
    }
  g_task_return_pointer (task, g_strstrip (g_strdup (image_id)), g_free);
}

const AmigoEc2OpShape _amigo_ec2_shape_return_true = { NULL, done_return_true, NULL };
const AmigoEc2OpShape _amigo_ec2_shape_return_string = { NULL, done_return_string, NULL };
const AmigoEc2OpShape _amigo_ec2_shape_image_id = { NULL, _amigo_ec2_done_image_id, NULL };
const AmigoEc2OpShape _amigo_ec2_shape_block_public_access = { NULL, done_block_public_access, NULL };

/* ---- lists ----------------------------------------------------------- */

void
_amigo_ec2_list_op_init (AmigoEc2ListOp        *op,
                         AmigoEc2Query         *query,
                         const AmigoEc2OpShape *shape)
{
  op->query = query;
  op->shape = shape;
  op->items = g_ptr_array_new_with_free_func (g_object_unref);
}

void
_amigo_ec2_list_op_clear (AmigoEc2ListOp *op)
{
  g_clear_pointer (&op->query, amigo_ec2_query_free);
  g_clear_pointer (&op->items, g_ptr_array_unref);
  g_clear_pointer (&op->tokens, g_hash_table_unref);
}

static void
list_op_free (gpointer data)
{
  _amigo_ec2_list_op_clear (data);
  g_free (data);
}

static guint max_pages = AMIGO_EC2_MAX_PAGES;

void
_amigo_ec2_set_max_pages (guint pages)
{
  max_pages = pages > 0 ? pages : AMIGO_EC2_MAX_PAGES;
}

void
_amigo_ec2_list_done (GTask          *task,
                      AmigoEc2Parser *parser)
{
  AmigoEc2ListOp *op = g_task_get_task_data (task);
  const char *token = amigo_ec2_parser_get_next_token (parser);

  g_ptr_array_extend_and_steal (op->items, amigo_ec2_parser_steal_items (parser));
  op->n_pages++;

  if (token != NULL)
    {
      if (op->tokens == NULL)
        op->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      /* A server that hands out a token again (the last one or any
       * earlier) would page forever. */
      if (g_hash_table_contains (op->tokens, token))
        {
          g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                                   _("EC2 (%s) sent the same page of %s twice. Try again later."),
                                   task_region (task), g_task_get_name (task));
          return;
        }
      /* Nor is a list without end believed. */
      if (op->n_pages >= max_pages)
        {
          g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                                   _("EC2 (%s) sent more than %u pages of %s: Amigo stops "
                                   "there. Check the endpoint address, or narrow the list."),
                                   task_region (task), max_pages, g_task_get_name (task));
          return;
        }
      g_hash_table_add (op->tokens, g_strdup (token));
      amigo_ec2_query_add_string (op->query, "NextToken", token);
      _amigo_ec2_send (g_object_ref (task), op->query, op->shape);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&op->items), (GDestroyNotify) g_ptr_array_unref);
}

static AmigoEc2Parser *
list_new_parser (GTask *task)
{
  AmigoEc2ListOp *op = g_task_get_task_data (task);

  return op->new_parser ();
}

static const AmigoEc2OpShape list_shape = { list_new_parser, _amigo_ec2_list_done, NULL };

void
_amigo_ec2_list_async (AmigoEc2             *self,
                       AmigoEc2Query        *query,
                       AmigoEc2Parser     *(*new_parser) (void),
                       GCancellable         *cancellable,
                       GAsyncReadyCallback   callback,
                       gpointer              user_data,
                       gpointer              source_tag)
{
  GTask *task = _amigo_ec2_task_new (self, amigo_ec2_query_get_action (query), cancellable,
                                     callback, user_data, source_tag);
  AmigoEc2ListOp *op = g_new0 (AmigoEc2ListOp, 1);

  _amigo_ec2_list_op_init (op, query, &list_shape);
  op->new_parser = new_parser;
  g_task_set_task_data (task, op, list_op_free);
  _amigo_ec2_send (task, op->query, &list_shape);
}

/* @describe->ids_key: the list the request's ids go to. MaxResults is not
 * sent with ids: EC2 refuses the two together for instances and snapshots. */
void
_amigo_ec2_describe_list_async (AmigoEc2                   *self,
                                const AmigoEc2DescribeList *describe,
                                const AmigoEc2ListRequest  *request,
                                GCancellable               *cancellable,
                                GAsyncReadyCallback         callback,
                                gpointer                    user_data,
                                gpointer                    source_tag)
{
  AmigoEc2Query *q;
  gboolean has_ids = request != NULL && !_amigo_ec2_strv_is_empty (request->ids);

  g_return_if_fail (AMIGO_IS_EC2 (self));

  q = _amigo_ec2_query_new (describe->action);
  if (request != NULL)
    {
      amigo_ec2_query_add_list (q, describe->ids_key, request->ids);
      _amigo_ec2_add_filters (q, request->filters, request->n_filters);
    }
  if (describe->page_size > 0 && !has_ids)
    amigo_ec2_query_add_int (q, "MaxResults",
                             _amigo_ec2_page_size_or (request != NULL ? request->page_size : 0,
                                                      describe->page_size));
  _amigo_ec2_list_async (self, q, describe->new_parser, cancellable, callback, user_data,
                         source_tag);
}

/* ---- finishing ------------------------------------------------------- */

gboolean
_amigo_ec2_check_result (AmigoEc2     *self,
                         GAsyncResult *result,
                         gpointer      source_tag)
{
  g_return_val_if_fail (AMIGO_IS_EC2 (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), FALSE);
  return TRUE;
}

gpointer
_amigo_ec2_finish_pointer (AmigoEc2      *self,
                           GAsyncResult  *result,
                           gpointer       source_tag,
                           GError       **error)
{
  if (!_amigo_ec2_check_result (self, result, source_tag))
    return NULL;
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
_amigo_ec2_finish_boolean (AmigoEc2      *self,
                           GAsyncResult  *result,
                           gpointer       source_tag,
                           GError       **error)
{
  if (!_amigo_ec2_check_result (self, result, source_tag))
    return FALSE;
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- request fields -------------------------------------------------- */

guint
_amigo_ec2_page_size_or (guint page_size,
                         guint fallback)
{
  if (page_size == 0)
    return fallback;
  return CLAMP (page_size, AMIGO_EC2_MIN_PAGE_SIZE, fallback);
}

gboolean
_amigo_ec2_strv_is_empty (const char * const *strv)
{
  return strv == NULL || strv[0] == NULL;
}

void
_amigo_ec2_add_filters (AmigoEc2Query        *q,
                        const AmigoEc2Filter *filters,
                        guint                 n_filters)
{
  if (filters == NULL)
    return;
  for (guint i = 0; i < n_filters; i++)
    {
      g_return_if_fail (filters[i].name != NULL);
      amigo_ec2_query_add_filter (q, filters[i].name, filters[i].values);
    }
}

void
_amigo_ec2_add_tags (AmigoEc2Query     *q,
                     const char        *list_key,
                     const AmigoEc2Tag *tags,
                     guint              n_tags)
{
  if (tags == NULL)
    return;
  for (guint i = 0; i < n_tags; i++)
    {
      amigo_ec2_query_push_item (q, list_key);
      amigo_ec2_query_add_string (q, "Key", tags[i].key);
      amigo_ec2_query_add_string (q, "Value", tags[i].value);
      amigo_ec2_query_pop (q);
    }
}

void
_amigo_ec2_add_tag_specification (AmigoEc2Query     *q,
                                  const char        *resource_type,
                                  const AmigoEc2Tag *tags,
                                  guint              n_tags)
{
  if (tags == NULL || n_tags == 0)
    return;
  amigo_ec2_query_push_item (q, "TagSpecification");
  amigo_ec2_query_add_string (q, "ResourceType", resource_type);
  _amigo_ec2_add_tags (q, "Tag", tags, n_tags);
  amigo_ec2_query_pop (q);
}

void
_amigo_ec2_add_positive (AmigoEc2Query *q,
                         const char    *key,
                         gint64         value)
{
  if (value > 0)
    amigo_ec2_query_add_int (q, key, value);
}

static void
add_tristate (AmigoEc2Query *q,
              const char    *key,
              gint8          value)
{
  if (value != AMIGO_TRISTATE_UNSET)
    amigo_ec2_query_add_boolean (q, key, value == AMIGO_TRISTATE_TRUE);
}

/* `BlockDeviceMapping.N`, from the same structure DescribeImages fills, so
 * an image's own mappings can be passed back changed. Encrypted is only
 * sent when true: EC2 refuses `false` for an encrypted snapshot and when
 * encryption by default is on, and false is its default anyway. */
static void
add_block_device_mapping (AmigoEc2Query                 *q,
                          const AmigoBlockDeviceMapping *m)
{
  amigo_ec2_query_push_item (q, "BlockDeviceMapping");
  amigo_ec2_query_add_string (q, "DeviceName", m->device_name);
  amigo_ec2_query_add_string (q, "VirtualName", m->virtual_name);
  if (m->no_device != NULL)
    amigo_ec2_query_add_string (q, "NoDevice", "");
  else if (m->has_ebs)
    {
      amigo_ec2_query_push (q, "Ebs");
      amigo_ec2_query_add_string (q, "SnapshotId", m->ebs.snapshot_id);
      _amigo_ec2_add_positive (q, "VolumeSize", m->ebs.volume_size);
      amigo_ec2_query_add_string (q, "VolumeType", m->ebs.volume_type);
      _amigo_ec2_add_positive (q, "Iops", m->ebs.iops);
      _amigo_ec2_add_positive (q, "Throughput", m->ebs.throughput);
      add_tristate (q, "DeleteOnTermination", m->ebs.delete_on_termination);
      if (m->ebs.encrypted == AMIGO_TRISTATE_TRUE)
        {
          amigo_ec2_query_add_boolean (q, "Encrypted", TRUE);
          amigo_ec2_query_add_string (q, "KmsKeyId", m->ebs.kms_key_id);
        }
      amigo_ec2_query_add_string (q, "OutpostArn", m->ebs.outpost_arn);
      amigo_ec2_query_pop (q);
    }
  amigo_ec2_query_pop (q);
}

void
_amigo_ec2_add_block_device_mappings (AmigoEc2Query                 *q,
                                      const AmigoBlockDeviceMapping *mappings,
                                      guint                          n_mappings)
{
  if (mappings == NULL)
    return;
  for (guint i = 0; i < n_mappings; i++)
    add_block_device_mapping (q, &mappings[i]);
}
