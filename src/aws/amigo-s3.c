/* amigo-s3.c — Amazon S3 over REST-XML: buckets, objects, multipart uploads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The operations are the model's (the generated amigo-s3-model.c, from models/s3.json); what S3 adds to the
 * REST-XML protocol lives here: the bucket in the host name or the path,
 * the bucket's own region (learnt from an answer that names it, then the
 * request sent again), bodies streamed from a file region with their hash
 * computed beforehand, and the 200 answer of CompleteMultipartUpload that
 * is an error document.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "amigo-client-private.h"
#include "amigo-error.h"
#include "amigo-getter-private.h"
#include "amigo-gtask-private.h"
#include "amigo-s3.h"

/* S3's answers to the calls Amigo makes are small documents. */
#define MAX_ANSWER_BYTES (16 * 1024 * 1024)

struct _AmigoS3
{
  AmigoService parent_instance;

  GHashTable *bucket_regions;   /* bucket name → region */
  int path_style;               /* -1: from the endpoint */
  gboolean unsigned_payload;
};

G_DEFINE_FINAL_TYPE (AmigoS3, amigo_s3, AMIGO_TYPE_SERVICE)

typedef struct
{
  const AmigoOperation *operation;
  JsonNode *params;
  char *bucket;
  gboolean has_body;
  AmigoS3FileBody body;
  char *body_path;
  char *body_sha256;
  const AmigoResponseSink *sink;
  gpointer sink_data;
  GByteArray *collected;
  char *region;                 /* signed for in the current round */
  char *answer_region;          /* x-amz-bucket-region of the last answer */
  char *host;
  gboolean region_retried;
} S3Call;

static void
s3_call_free (gpointer data)
{
  S3Call *call = data;

  g_clear_pointer (&call->params, json_node_unref);
  g_free (call->bucket);
  g_free (call->body_path);
  g_free (call->body_sha256);
  g_clear_pointer (&call->collected, g_byte_array_unref);
  g_free (call->region);
  g_free (call->answer_region);
  g_free (call->host);
  g_free (call);
}

/* ---- addressing ------------------------------------------------------- */

static gboolean
endpoint_is_aws (const char *endpoint_url)
{
  g_autoptr(GUri) uri = NULL;
  const char *host;

  if (endpoint_url == NULL)
    return TRUE;
  uri = g_uri_parse (endpoint_url, G_URI_FLAGS_NONE, NULL);
  host = uri ? g_uri_get_host (uri) : NULL;
  return host != NULL && (g_str_has_suffix (host, ".amazonaws.com") ||
                          g_str_has_suffix (host, ".amazonaws.com.cn"));
}

/* A name that can be a host label: S3's rules for virtual-hosted access
 * (no dots, which the wildcard certificate would not match). */
static gboolean
bucket_is_virtual_hostable (const char *bucket)
{
  gsize len = strlen (bucket);

  if (len < 3 || len > 63 || bucket[0] == '-' || bucket[len - 1] == '-')
    return FALSE;
  for (const char *p = bucket; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static char *
aws_endpoint (const char *region,
              const char *bucket)
{
  const char *suffix = g_str_has_prefix (region, "cn-") ? ".cn" : "";

  if (bucket != NULL)
    return g_strdup_printf ("https://%s.s3.%s.amazonaws.com%s", bucket, region, suffix);
  return g_strdup_printf ("https://s3.%s.amazonaws.com%s", region, suffix);
}

/* The region named in AuthorizationHeaderMalformed's message: "the region
 * 'us-east-1' is wrong; expecting 'eu-west-1'". */
static char *
region_from_message (const char *message)
{
  const char *start;
  const char *end;

  if (message == NULL || (start = strstr (message, "expecting '")) == NULL)
    return NULL;
  start += strlen ("expecting '");
  end = strchr (start, '\'');
  if (end == NULL || end == start || end - start > 32)
    return NULL;
  return g_strndup (start, (gsize) (end - start));
}

/* ---- the answer, through the client --------------------------------- */

static gboolean
s3_begin (gpointer   data,
          guint      attempt,
          GError   **error)
{
  S3Call *call = data;

  if (call->collected != NULL)
    g_byte_array_set_size (call->collected, 0);
  if (call->sink != NULL && call->sink->begin_attempt != NULL)
    return call->sink->begin_attempt (call->sink_data, attempt, error);
  return TRUE;
}

static gboolean
s3_chunk (gpointer     data,
          const char  *buf,
          gsize        len,
          GError     **error)
{
  S3Call *call = data;

  if (call->sink != NULL)
    return call->sink->chunk == NULL || call->sink->chunk (call->sink_data, buf, len, error);
  if (call->collected->len + len > MAX_ANSWER_BYTES)
    {
      g_set_error_literal (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                           _("The service's answer is too big to read. Check the endpoint "
                             "address."));
      return FALSE;
    }
  g_byte_array_append (call->collected, (const guint8 *) buf, len);
  return TRUE;
}

static gboolean
s3_finish (gpointer   data,
           GError   **error)
{
  S3Call *call = data;

  if (call->sink != NULL && call->sink->finish != NULL)
    return call->sink->finish (call->sink_data, error);
  return TRUE;
}

static void
s3_answer (gpointer            data,
           guint               status,
           SoupMessageHeaders *headers)
{
  S3Call *call = data;
  const char *region = soup_message_headers_get_one (headers, "x-amz-bucket-region");

  g_clear_pointer (&call->answer_region, g_free);
  if (region != NULL && *region != '\0' && strlen (region) < 32)
    call->answer_region = g_strdup (region);
  if (call->sink != NULL && call->sink->answer != NULL)
    call->sink->answer (call->sink_data, status, headers);
}

static const AmigoResponseSink s3_sink = {
  .begin_attempt = s3_begin,
  .chunk = s3_chunk,
  .finish = s3_finish,
  .answer = s3_answer,
};

static void s3_send (GTask *task);

/* CompleteMultipartUpload (and a copy) may answer 200 with an `<Error>`
 * document when it fails after the headers went out. */
static GError *
error_in_ok_answer (S3Call *call)
{
  g_auto(AmigoErrorParts) parts = { 0 };
  const char *body = (const char *) call->collected->data;
  gsize len = call->collected->len;
  gsize skip = 0;

  while (skip < len && g_ascii_isspace (body[skip]))
    skip++;
  if (len - skip < 7)
    return NULL;
  if (g_strstr_len (body + skip, (gssize) MIN (len - skip, 200), "<Error>") == NULL)
    return NULL;
  if (!amigo_protocol_rest_xml_parse_error (200, NULL, body, len, &parts))
    return NULL;
  return _amigo_client_error_from_answer (amigo_protocol_rest_xml_parse_error, call->host, 500,
                                          NULL, body, len);
}

static void
s3_sent_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AmigoS3 *self = g_task_get_source_object (task);
  S3Call *call = g_task_get_task_data (task);
  g_autoptr(SoupMessageHeaders) headers = NULL;
  GError *error = NULL;
  JsonNode *values;
  guint status = 0;

  if (!amigo_client_send_finish (AMIGO_CLIENT (source), result, &status, &headers, &error))
    {
      const AmigoAwsErrorDetails *details = amigo_aws_error_get_details (error);
      g_autofree char *learnt = NULL;

      if (call->bucket != NULL && !call->region_retried && details != NULL &&
          (details->http_status == 301 || details->http_status == 307 ||
           g_strcmp0 (details->aws_code, "PermanentRedirect") == 0 ||
           g_strcmp0 (details->aws_code, "AuthorizationHeaderMalformed") == 0 ||
           g_strcmp0 (details->aws_code, "IllegalLocationConstraintException") == 0 ||
           (details->http_status == 400 && call->answer_region != NULL)))
        {
          learnt = g_strdup (call->answer_region);
          if (learnt == NULL)
            learnt = region_from_message (details->aws_message);
        }
      if (learnt != NULL && g_strcmp0 (learnt, call->region) != 0)
        {
          g_debug ("S3 bucket %s is in %s, not %s: sending again there", call->bucket, learnt,
                   call->region);
          amigo_s3_set_bucket_region (self, call->bucket, learnt);
          call->region_retried = TRUE;
          g_clear_error (&error);
          s3_send (g_steal_pointer (&task));
          return;
        }
      g_task_return_error (task, error);
      return;
    }

  if (call->bucket != NULL && call->answer_region != NULL &&
      !g_hash_table_contains (self->bucket_regions, call->bucket))
    amigo_s3_set_bucket_region (self, call->bucket, call->answer_region);

  if (call->collected != NULL && (error = error_in_ok_answer (call)) != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  values = amigo_protocol_parse (amigo_service_get_model (AMIGO_SERVICE (self)), call->operation,
                                 status, headers,
                                 call->collected ? (const char *) call->collected->data : NULL,
                                 call->collected ? call->collected->len : 0, &error);
  if (values == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, values, (GDestroyNotify) json_node_unref);
}

/* Takes @task: the client's callback (s3_sent_cb) owns it from here. */
static void
s3_send (GTask *task)
{
  AmigoS3 *self = g_task_get_source_object (task);
  S3Call *call = g_task_get_task_data (task);
  AmigoService *service = AMIGO_SERVICE (self);
  const char *endpoint_url = amigo_service_get_endpoint_url (service);
  g_autoptr(AmigoRequest) request = NULL;
  g_autofree char *endpoint = NULL;
  g_autofree char *region = NULL;
  g_autoptr(GUri) uri = NULL;
  GError *error = NULL;

  request = amigo_protocol_serialize (amigo_service_get_model (service), call->operation,
                                      call->params, &error);
  if (request == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  region = call->bucket ? amigo_s3_dup_bucket_region (self, call->bucket) : NULL;
  if (region == NULL)
    region = g_strdup (amigo_service_get_region (service));
  g_free (call->region);
  call->region = g_strdup (region);
  amigo_request_set_signing (request, "s3", region);
  amigo_request_set_action (request, call->operation->name);

  if (endpoint_is_aws (endpoint_url))
    {
      if (call->bucket != NULL && !amigo_s3_get_path_style (self) &&
          bucket_is_virtual_hostable (call->bucket))
        {
          /* The serializer wrote "/BUCKET/KEY" (or "/BUCKET"): the bucket
           * moves to the host name. */
          const char *path = amigo_request_get_path (request);
          gsize len = strlen (call->bucket);
          g_autofree char *rest = NULL;

          if (path[0] == '/' && strncmp (path + 1, call->bucket, len) == 0 &&
              (path[len + 1] == '/' || path[len + 1] == '\0'))
            {
              rest = g_strdup (path[len + 1] == '\0' ? "/" : path + len + 1);
              amigo_request_set_path (request, rest);
              endpoint = aws_endpoint (region, call->bucket);
            }
        }
      if (endpoint == NULL)
        endpoint = aws_endpoint (region, NULL);
    }
  else
    endpoint = g_strdup (endpoint_url);

  uri = g_uri_parse (endpoint, G_URI_FLAGS_NONE, NULL);
  g_free (call->host);
  call->host = g_strdup (uri && g_uri_get_host (uri) ? g_uri_get_host (uri) : endpoint);

  if (call->has_body)
    {
      const char *hash = call->body_sha256;

      if (hash == NULL || (self->unsigned_payload && uri != NULL &&
                           g_strcmp0 (g_uri_get_scheme (uri), "https") == 0))
        {
          if (uri == NULL || g_strcmp0 (g_uri_get_scheme (uri), "https") != 0)
            {
              g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                                       _("An unsigned upload body is only sent over https. "
                                         "This is a bug in Amigo; please report it."));
              g_object_unref (task);
              return;
            }
          hash = "UNSIGNED-PAYLOAD";
        }
      amigo_request_set_body_file (request, call->body_path, call->body.offset, call->body.length,
                                   "application/octet-stream");
      amigo_request_set_payload_sha256 (request, hash);
      amigo_request_set_body_progress (request, call->body.progress, call->body.progress_data);
    }

  amigo_client_send_async (amigo_service_get_client (service), request, endpoint, &s3_sink, call,
                           g_task_get_cancellable (task), s3_sent_cb, task);
}

/* ---- GObject ---------------------------------------------------------- */

static void
amigo_s3_finalize (GObject *object)
{
  AmigoS3 *self = AMIGO_S3 (object);

  g_hash_table_unref (self->bucket_regions);

  G_OBJECT_CLASS (amigo_s3_parent_class)->finalize (object);
}

static void
amigo_s3_class_init (AmigoS3Class *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amigo_s3_finalize;
  AMIGO_SERVICE_CLASS (klass)->model = &amigo_s3_model;
}

static void
amigo_s3_init (AmigoS3 *self)
{
  self->bucket_regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->path_style = -1;
}

/* ---- public API ------------------------------------------------------- */

/**
 * amigo_s3_new:
 * @client: the account's client
 * @region: the region to start in (and to create buckets in)
 * @endpoint_url: (nullable): a custom endpoint (path-style addressing), or
 *   %NULL for AWS's own (virtual-hosted addressing)
 *
 * Returns: (transfer full): the service
 */
AmigoS3 *
amigo_s3_new (AmigoClient *client,
              const char  *region,
              const char  *endpoint_url)
{
  return amigo_service_new (AMIGO_TYPE_S3, client, region, endpoint_url);
}

/**
 * amigo_s3_new_for_account:
 * @account: the account, whose configuration may name an S3 endpoint
 *   (`AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL`, the profile's)
 * @client: its client
 * @region: the region to start in
 * @error: where an unusable configured endpoint is reported
 *
 * Returns: (transfer full) (nullable): the service
 */
AmigoS3 *
amigo_s3_new_for_account (AmigoAccount  *account,
                          AmigoClient   *client,
                          const char    *region,
                          GError       **error)
{
  g_autoptr(AmigoEndpoint) endpoint = NULL;

  g_return_val_if_fail (AMIGO_IS_ACCOUNT (account), NULL);

  endpoint = amigo_account_resolve_endpoint (account, "s3", region, error);
  if (endpoint == NULL)
    return NULL;
  /* AWS's own endpoint is made per bucket and region (virtual-hosted). */
  return amigo_s3_new (client, endpoint->signing_region,
                       endpoint->source == AMIGO_ENDPOINT_SOURCE_DEFAULT ? NULL : endpoint->url);
}

/**
 * amigo_s3_get_path_style:
 * @self: the service
 *
 * Returns: whether the bucket goes in the path rather than the host name:
 *   by default, on a custom endpoint only
 */
gboolean
amigo_s3_get_path_style (AmigoS3 *self)
{
  g_return_val_if_fail (AMIGO_IS_S3 (self), FALSE);

  if (self->path_style >= 0)
    return self->path_style;
  return !endpoint_is_aws (amigo_service_get_endpoint_url (AMIGO_SERVICE (self)));
}

/**
 * amigo_s3_set_path_style:
 * @self: the service
 * @path_style: put the bucket in the path on AWS too (`addressing_style = path`)
 */
void
amigo_s3_set_path_style (AmigoS3  *self,
                         gboolean  path_style)
{
  g_return_if_fail (AMIGO_IS_S3 (self));
  self->path_style = path_style ? 1 : 0;
}

/**
 * amigo_s3_get_unsigned_payload:
 * @self: the service
 *
 * Returns: whether file bodies sent over https carry `UNSIGNED-PAYLOAD`
 */
AMIGO_DEFINE_FIELD_GETTER (AmigoS3, amigo_s3, AMIGO_IS_S3, gboolean, unsigned_payload, FALSE)

/**
 * amigo_s3_set_unsigned_payload:
 * @self: the service
 * @unsigned_payload: sign `UNSIGNED-PAYLOAD` instead of the hash of file
 *   bodies sent over https (TLS protects them; a per-part checksum still
 *   travels). Plain http always signs the hash.
 */
void
amigo_s3_set_unsigned_payload (AmigoS3  *self,
                               gboolean  unsigned_payload)
{
  g_return_if_fail (AMIGO_IS_S3 (self));
  self->unsigned_payload = unsigned_payload;
}

/**
 * amigo_s3_dup_bucket_region:
 * @self: the service
 * @bucket: a bucket name
 *
 * Returns: (transfer full) (nullable): the region learnt for @bucket
 */
char *
amigo_s3_dup_bucket_region (AmigoS3    *self,
                            const char *bucket)
{
  g_return_val_if_fail (AMIGO_IS_S3 (self), NULL);
  g_return_val_if_fail (bucket != NULL, NULL);

  return g_strdup (g_hash_table_lookup (self->bucket_regions, bucket));
}

/**
 * amigo_s3_set_bucket_region:
 * @self: the service
 * @bucket: a bucket name
 * @region: the region it lives in
 */
void
amigo_s3_set_bucket_region (AmigoS3    *self,
                            const char *bucket,
                            const char *region)
{
  g_return_if_fail (AMIGO_IS_S3 (self));
  g_return_if_fail (bucket != NULL && region != NULL);

  g_hash_table_replace (self->bucket_regions, g_strdup (bucket), g_strdup (region));
}

/**
 * amigo_s3_call_async:
 * @self: the service
 * @operation: one of the `amigo_s3_op_*` operations
 * @params: (transfer none): its input values (an object: `Bucket`, `Key`, …)
 * @transfer: (nullable): a body sent from a file, a sink for the answer's
 *   body; %NULL: neither
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: its data
 *
 * Sends one S3 operation, to the bucket's region, sending it again there
 * once when an answer names another.
 */
void
amigo_s3_call_async (AmigoS3                 *self,
                     const AmigoOperation    *operation,
                     JsonNode                *params,
                     const AmigoS3Transfer   *transfer,
                     GCancellable            *cancellable,
                     GAsyncReadyCallback      callback,
                     gpointer                 user_data)
{
  static const AmigoS3Transfer none = { NULL, NULL, NULL };
  const AmigoS3FileBody *body;
  g_autoptr(GTask) task = NULL;
  S3Call *call;
  JsonObject *object;

  g_return_if_fail (AMIGO_IS_S3 (self));
  g_return_if_fail (operation != NULL);
  g_return_if_fail (params != NULL && JSON_NODE_HOLDS_OBJECT (params));

  if (transfer == NULL)
    transfer = &none;
  body = transfer->body;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_s3_call_async);

  call = g_new0 (S3Call, 1);
  call->operation = operation;
  call->params = json_node_copy (params);
  object = json_node_get_object (params);
  if (json_object_has_member (object, "Bucket"))
    call->bucket = g_strdup (json_object_get_string_member (object, "Bucket"));
  if (body != NULL)
    {
      call->has_body = TRUE;
      call->body = *body;
      call->body_path = g_strdup (body->path);
      call->body_sha256 = g_strdup (body->sha256_hex);
    }
  call->sink = transfer->sink;
  call->sink_data = transfer->sink_data;
  if (transfer->sink == NULL)
    call->collected = g_byte_array_new ();
  g_task_set_task_data (task, call, s3_call_free);

  s3_send (g_steal_pointer (&task));
}

/**
 * amigo_s3_call_finish:
 * @self: the service
 * @result: the #GAsyncResult
 * @error: where a failure goes (an %AMIGO_AWS_ERROR with S3's code)
 *
 * Returns: (transfer full) (nullable): the output values, an object
 */
AMIGO_DEFINE_FINISH_POINTER (AmigoS3, JsonNode *, amigo_s3_call)

/* ---- operations on a bucket ------------------------------------------- */

/* Input values naming @bucket, to which an operation adds its own. */
static JsonObject *
bucket_params (const char *bucket)
{
  JsonObject *params = json_object_new ();

  json_object_set_string_member (params, "Bucket", bucket);
  return params;
}

/* Sends @operation with @params (taken), whose `Bucket` becomes @task's
 * data; @answer_cb gets the answer and @task (taken). */
static void
bucket_call (AmigoS3              *self,
             const AmigoOperation *operation,
             JsonObject           *params,
             GAsyncReadyCallback   answer_cb,
             GTask                *task)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  g_task_set_task_data (task, g_strdup (json_object_get_string_member (params, "Bucket")), g_free);
  json_node_take_object (node, params);
  amigo_s3_call_async (self, operation, node, NULL, g_task_get_cancellable (task),
                       answer_cb, task);
}

/* ---- HeadBucket: the bucket's region ---------------------------------- */

static void
head_bucket_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AmigoS3 *self = AMIGO_S3 (source);
  const char *bucket = g_task_get_task_data (task);
  g_autoptr(JsonNode) values = NULL;
  GError *error = NULL;
  const char *region = NULL;
  g_autofree char *learnt = NULL;

  values = amigo_s3_call_finish (self, result, &error);
  if (values == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  region = json_object_get_string_member_with_default (json_node_get_object (values),
                                                       "BucketRegion", NULL);
  learnt = amigo_s3_dup_bucket_region (self, bucket);
  if (region == NULL)
    region = learnt ? learnt : amigo_service_get_region (AMIGO_SERVICE (self));
  amigo_s3_set_bucket_region (self, bucket, region);
  g_task_return_pointer (task, g_strdup (region), g_free);
}

/**
 * amigo_s3_head_bucket_async:
 * @self: the service
 * @bucket: a bucket name
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: its data
 *
 * Checks that @bucket exists and may be used, and learns its region.
 */
void
amigo_s3_head_bucket_async (AmigoS3             *self,
                            const char          *bucket,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (AMIGO_IS_S3 (self));
  g_return_if_fail (bucket != NULL);

  bucket_call (self, &amigo_s3_op_head_bucket, bucket_params (bucket), head_bucket_cb,
               _amigo_task_new_tagged (self, cancellable, callback, user_data,
                                       amigo_s3_head_bucket_async));
}

/**
 * amigo_s3_head_bucket_finish:
 * @self: the service
 * @result: the #GAsyncResult
 * @error: where a failure goes (`404` when the bucket does not exist, `403`
 *   when it belongs to someone else)
 *
 * Returns: (transfer full) (nullable): the bucket's region
 */
AMIGO_DEFINE_FINISH_POINTER (AmigoS3, char *, amigo_s3_head_bucket)

/* ---- CreateBucket ------------------------------------------------------ */

static void
create_bucket_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AmigoS3 *self = AMIGO_S3 (source);
  g_autoptr(JsonNode) values = NULL;
  GError *error = NULL;

  values = amigo_s3_call_finish (self, result, &error);
  /* Asked again after an answer was lost: it is there, and ours. */
  if (values == NULL && !amigo_aws_error_has_aws_code (error, "BucketAlreadyOwnedByYou"))
    {
      g_task_return_error (task, error);
      return;
    }
  g_clear_error (&error);
  amigo_s3_set_bucket_region (self, g_task_get_task_data (task),
                              amigo_service_get_region (AMIGO_SERVICE (self)));
  g_task_return_boolean (task, TRUE);
}

/**
 * amigo_s3_create_bucket_async:
 * @self: the service
 * @bucket: the new bucket's name
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: its data
 *
 * Creates @bucket in the service's region (with the location constraint S3
 * wants outside us-east-1). A bucket the account already owns is success.
 */
void
amigo_s3_create_bucket_async (AmigoS3             *self,
                              const char          *bucket,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  const char *region = amigo_service_get_region (AMIGO_SERVICE (self));
  JsonObject *params;

  g_return_if_fail (AMIGO_IS_S3 (self));
  g_return_if_fail (bucket != NULL);

  /* Sent to the service's own region, whatever was learnt before. */
  g_hash_table_remove (self->bucket_regions, bucket);

  params = bucket_params (bucket);
  if (g_strcmp0 (region, "us-east-1") != 0)
    {
      JsonObject *configuration = json_object_new ();

      json_object_set_string_member (configuration, "LocationConstraint", region);
      json_object_set_object_member (params, "CreateBucketConfiguration", configuration);
    }
  bucket_call (self, &amigo_s3_op_create_bucket, params, create_bucket_cb,
               _amigo_task_new_tagged (self, cancellable, callback, user_data,
                                       amigo_s3_create_bucket_async));
}

/**
 * amigo_s3_create_bucket_finish:
 * @self: the service
 * @result: the #GAsyncResult
 * @error: where a failure goes (`BucketAlreadyExists`: the name is taken)
 *
 * Returns: %TRUE when the bucket exists
 */
AMIGO_DEFINE_FINISH_BOOLEAN (AmigoS3, amigo_s3_create_bucket)

/**
 * amigo_s3_multipart_etag:
 * @part_etags: (array length=n_parts): the parts' ETags, in order (quoted
 *   or not)
 * @n_parts: how many
 *
 * The ETag S3 gives an object completed from these parts (unencrypted or
 * SSE-S3): the MD5 of the parts' MD5s, a dash and the count. A lost
 * CompleteMultipartUpload answer is checked against it with HeadObject.
 *
 * Returns: (transfer full) (nullable): `"hex-N"` with its quotes, or %NULL
 *   when an ETag is not an MD5
 */
char *
amigo_s3_multipart_etag (const char * const *part_etags,
                         guint               n_parts)
{
  g_autoptr(GChecksum) md5 = g_checksum_new (G_CHECKSUM_MD5);

  for (guint i = 0; i < n_parts; i++)
    {
      const char *etag = part_etags[i];
      guint8 digest[16];
      gsize len;

      if (*etag == '"')
        etag++;
      len = strlen (etag);
      if (len > 0 && etag[len - 1] == '"')
        len--;
      if (len != 32)
        return NULL;
      for (guint j = 0; j < 16; j++)
        {
          int hi = g_ascii_xdigit_value (etag[2 * j]);
          int lo = g_ascii_xdigit_value (etag[2 * j + 1]);

          if (hi < 0 || lo < 0)
            return NULL;
          digest[j] = (guint8) (hi << 4 | lo);
        }
      g_checksum_update (md5, digest, sizeof digest);
    }
  return g_strdup_printf ("\"%s-%u\"", g_checksum_get_string (md5), n_parts);
}
