/* amigo-ec2.c — typed EC2 operations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every operation is one "op": an EC2 query built from the caller's request
 * (with AmigoEc2Query, the only place that numbers `Name.N`), sent by the
 * AmigoClient, whose successful body streams into a parser through the
 * client's response sink, and a `done` function that reads the parser and
 * completes the GTask, or sends the next page. The sink's begin_attempt
 * gives each attempt a fresh parser, so a retried attempt never mixes with
 * the failed one; DescribeImages also remembers how many images of the
 * current page it has already handed out, and skips them on a retry.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "amigo-ec2.h"
#include "amigo-ec2-parsers.h"
#include "amigo-ec2-private.h"
#include "amigo-ec2-query.h"
#include "amigo-error.h"
#include "amigo-xml-reader.h"

/* Pages: the largest EC2 accepts (DescribeInstanceTypes: 100). */
#define DEFAULT_PAGE_SIZE         1000
#define INSTANCE_TYPES_PAGE_SIZE  100
/* DescribeVolumes: "This value can be between 5 and 500". */
#define VOLUMES_PAGE_SIZE         500
#define MIN_PAGE_SIZE             5
/* RunInstances: "User data is limited to 16 KB", before base64. */
#define USER_DATA_MAX             (16 * 1024)
/* A retried CreateImage finds the image an earlier attempt made: it cannot
 * be older than the call (the client's attempts and backoff take a few
 * minutes at most; the margin also covers clocks that disagree). */
#define RECOVERY_WINDOW_USEC      ((gint64) 15 * 60 * G_USEC_PER_SEC)

struct _AmigoEc2
{
  GObject parent_instance;

  AmigoClient *client;
  char *region;
  char *endpoint_url;

  gboolean pretend_retry;       /* test hook */
};

G_DEFINE_FINAL_TYPE (AmigoEc2, amigo_ec2, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_REGION,
  PROP_ENDPOINT_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_BOXED_TYPE (AmigoSnapshotDeletion, amigo_snapshot_deletion,
                     amigo_snapshot_deletion_copy, amigo_snapshot_deletion_free)

/* ---- ops -------------------------------------------------------------- */

typedef struct _Op Op;

/* A page was answered and parsed: return, or send the next page. */
typedef void     (*OpDoneFunc)  (GTask  *task);
/* The call failed with @error: returns TRUE when it took @error over. */
typedef gboolean (*OpErrorFunc) (GTask  *task,
                                 GError *error);

typedef enum {
  PARSER_SIMPLE,                /* amigo_ec2_parser_new_simple (action) */
  PARSER_IMAGES,
  PARSER_REGIONS,
  PARSER_IMAGE_ATTRIBUTE,
  PARSER_INSTANCES,
  PARSER_RUN_INSTANCES,
  PARSER_SNAPSHOTS,
  PARSER_KEY_PAIRS,
  PARSER_SECURITY_GROUPS,
  PARSER_SUBNETS,
  PARSER_VPCS,
  PARSER_VOLUMES,
  PARSER_INSTANCE_TYPES,
  PARSER_DEREGISTER,            /* our own reader: deleteSnapshotResultSet */
} ParserKind;

typedef struct {
  char *image_id;
  gboolean already_created;
} CreatedImage;

struct _Op
{
  AmigoEc2 *ec2;
  GCancellable *cancellable;
  AmigoEc2Query *query;
  ParserKind parser_kind;
  OpDoneFunc done;
  OpErrorFunc on_error;

  /* This attempt's */
  AmigoEc2Parser *parser;
  AmigoXmlReader *reader;
  guint attempt;                /* from the sink's begin_attempt */

  /* Lists */
  GPtrArray *items;             /* collected over the pages */
  char *last_token;
  guint n_pages;

  /* DescribeImages */
  AmigoEc2ImagesFunc batch_func;
  gpointer batch_data;
  GDestroyNotify batch_data_destroy;
  guint page_seen;              /* images of this page parsed in this attempt */
  guint page_delivered;         /* images of this page handed out so far */
  guint n_images;

  /* CreateImage, RegisterImage: finding what a retried call made */
  char *image_name;
  char *instance_id;
  gint64 started_usec;          /* server time */
  GError *duplicate_error;

  /* DeregisterImage */
  GPtrArray *deletions;
  AmigoSnapshotDeletion *deletion;
  char *return_value;
};

static void
created_image_free (gpointer data)
{
  CreatedImage *created = data;

  g_free (created->image_id);
  g_free (created);
}

static void
op_free (gpointer data)
{
  Op *op = data;

  g_clear_pointer (&op->parser, amigo_ec2_parser_free);
  g_clear_pointer (&op->reader, amigo_xml_reader_free);
  g_clear_pointer (&op->query, amigo_ec2_query_free);
  g_clear_pointer (&op->items, g_ptr_array_unref);
  g_free (op->last_token);
  if (op->batch_data_destroy != NULL)
    op->batch_data_destroy (op->batch_data);
  g_free (op->image_name);
  g_free (op->instance_id);
  g_clear_error (&op->duplicate_error);
  g_clear_pointer (&op->deletions, g_ptr_array_unref);
  g_clear_pointer (&op->deletion, amigo_snapshot_deletion_free);
  g_free (op->return_value);
  g_clear_object (&op->cancellable);
  g_clear_object (&op->ec2);
  g_free (op);
}

static void images_batch_cb (GPtrArray *batch,
                             gpointer   user_data);

static AmigoEc2Parser *
op_new_parser (Op *op)
{
  switch (op->parser_kind)
    {
    case PARSER_IMAGES:
      return amigo_ec2_parser_new_describe_images (images_batch_cb, op);
    case PARSER_REGIONS:
      return amigo_ec2_parser_new_describe_regions ();
    case PARSER_IMAGE_ATTRIBUTE:
      return amigo_ec2_parser_new_describe_image_attribute ();
    case PARSER_INSTANCES:
      return amigo_ec2_parser_new_describe_instances ();
    case PARSER_RUN_INSTANCES:
      return amigo_ec2_parser_new_run_instances ();
    case PARSER_SNAPSHOTS:
      return amigo_ec2_parser_new_describe_snapshots ();
    case PARSER_KEY_PAIRS:
      return amigo_ec2_parser_new_describe_key_pairs ();
    case PARSER_SECURITY_GROUPS:
      return amigo_ec2_parser_new_describe_security_groups ();
    case PARSER_SUBNETS:
      return amigo_ec2_parser_new_describe_subnets ();
    case PARSER_VPCS:
      return amigo_ec2_parser_new_describe_vpcs ();
    case PARSER_VOLUMES:
      return amigo_ec2_parser_new_describe_volumes ();
    case PARSER_INSTANCE_TYPES:
      return amigo_ec2_parser_new_describe_instance_types ();
    case PARSER_SIMPLE:
    case PARSER_DEREGISTER:
    default:
      return amigo_ec2_parser_new_simple (amigo_ec2_query_get_action (op->query));
    }
}

/* DeregisterImageResponse: `return` and deleteSnapshotResultSet/item */

static void
deregister_start_cb (gpointer    user_data,
                     const char *name,
                     guint       depth)
{
  Op *op = user_data;

  if (depth == 3 && strcmp (name, "item") == 0 &&
      g_strcmp0 (amigo_xml_reader_get_parent_name (op->reader, 2), "deleteSnapshotResultSet") == 0)
    {
      g_clear_pointer (&op->deletion, amigo_snapshot_deletion_free);
      op->deletion = g_new0 (AmigoSnapshotDeletion, 1);
    }
}

static void
deregister_end_cb (gpointer    user_data,
                   const char *name,
                   guint       depth,
                   const char *text,
                   gsize       text_len)
{
  Op *op = user_data;

  if (op->deletion != NULL && depth == 4)
    {
      if (strcmp (name, "snapshotId") == 0)
        {
          g_free (op->deletion->snapshot_id);
          op->deletion->snapshot_id = g_strstrip (g_strndup (text, text_len));
        }
      else if (strcmp (name, "returnCode") == 0)
        {
          g_free (op->deletion->return_code);
          op->deletion->return_code = g_strstrip (g_strndup (text, text_len));
        }
    }
  else if (op->deletion != NULL && depth == 3 && strcmp (name, "item") == 0)
    g_ptr_array_add (op->deletions, g_steal_pointer (&op->deletion));
  else if (depth == 2 && strcmp (name, "return") == 0)
    {
      g_free (op->return_value);
      op->return_value = g_strstrip (g_strndup (text, text_len));
    }
}

static gboolean
sink_begin_attempt (gpointer   data,
                    guint      attempt,
                    GError   **error)
{
  static const AmigoXmlReaderCallbacks deregister_callbacks = {
    deregister_start_cb,
    deregister_end_cb,
  };
  Op *op = data;

  op->attempt = attempt;
  op->page_seen = 0;
  g_clear_pointer (&op->parser, amigo_ec2_parser_free);
  g_clear_pointer (&op->reader, amigo_xml_reader_free);

  if (op->parser_kind == PARSER_DEREGISTER)
    {
      g_clear_pointer (&op->deletions, g_ptr_array_unref);
      g_clear_pointer (&op->deletion, amigo_snapshot_deletion_free);
      g_clear_pointer (&op->return_value, g_free);
      op->deletions = g_ptr_array_new_with_free_func ((GDestroyNotify) amigo_snapshot_deletion_free);
      op->reader = amigo_xml_reader_new ("DeregisterImageResponse", &deregister_callbacks, op);
    }
  else
    op->parser = op_new_parser (op);
  return TRUE;
}

static gboolean
sink_chunk (gpointer     data,
            const char  *buf,
            gsize        len,
            GError     **error)
{
  Op *op = data;

  /* Stop at once, rather than parse (and hand out) what nobody wants. */
  if (g_cancellable_set_error_if_cancelled (op->cancellable, error))
    return FALSE;
  if (op->reader != NULL)
    return amigo_xml_reader_feed (op->reader, buf, len, error);
  return amigo_ec2_parser_feed (op->parser, buf, len, error);
}

static gboolean
sink_finish (gpointer   data,
             GError   **error)
{
  Op *op = data;

  if (g_cancellable_set_error_if_cancelled (op->cancellable, error))
    return FALSE;
  if (op->reader != NULL)
    return amigo_xml_reader_finish (op->reader, error);
  return amigo_ec2_parser_finish (op->parser, error);
}

static const AmigoResponseSink op_sink = {
  sink_begin_attempt,
  sink_chunk,
  sink_finish,
};

static void
op_call_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  GError *error = NULL;

  if (!amigo_client_call_finish (AMIGO_CLIENT (source), result, &error))
    {
      if (op->on_error != NULL && op->on_error (task, error))
        return;
      g_task_return_error (task, error);
      return;
    }

  op->done (task);
}

/* ---- a call that only needs a parser (_amigo_parser_call_async) ------- */

typedef struct {
  GTask *task;
  AmigoEc2Parser *(*new_parser) (void);
  AmigoParserCallDone done;
  AmigoEc2Parser *parser;
} ParserCall;

static void
parser_call_free (ParserCall *call)
{
  g_clear_pointer (&call->parser, amigo_ec2_parser_free);
  g_clear_object (&call->task);
  g_free (call);
}

static gboolean
parser_call_begin_attempt (gpointer   data,
                           guint      attempt,
                           GError   **error)
{
  ParserCall *call = data;

  g_clear_pointer (&call->parser, amigo_ec2_parser_free);
  call->parser = call->new_parser ();
  return TRUE;
}

static gboolean
parser_call_chunk (gpointer     data,
                   const char  *buf,
                   gsize        len,
                   GError     **error)
{
  ParserCall *call = data;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (call->task), error))
    return FALSE;
  return amigo_ec2_parser_feed (call->parser, buf, len, error);
}

static gboolean
parser_call_finish (gpointer   data,
                    GError   **error)
{
  ParserCall *call = data;

  return amigo_ec2_parser_finish (call->parser, error);
}

static const AmigoResponseSink parser_call_sink = {
  parser_call_begin_attempt,
  parser_call_chunk,
  parser_call_finish,
};

static void
parser_call_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ParserCall *call = user_data;
  GError *error = NULL;

  if (!amigo_client_call_finish (AMIGO_CLIENT (source), result, &error))
    g_task_return_error (call->task, error);
  else
    call->done (call->task, call->parser);
  parser_call_free (call);
}

void
_amigo_parser_call_async (AmigoClient         *client,
                          const char          *service,
                          const char          *region,
                          const char          *endpoint_url,
                          AmigoEc2Query       *query,
                          AmigoEc2Parser     *(*new_parser) (void),
                          AmigoParserCallDone  done,
                          GTask               *task)
{
  g_autoptr(AmigoEc2Query) q = query;
  g_autofree char *body = amigo_ec2_query_encode (q);
  ParserCall *call = g_new0 (ParserCall, 1);

  call->task = task;
  call->new_parser = new_parser;
  call->done = done;
  amigo_client_call_async (client, service, region, endpoint_url, body, &parser_call_sink, call,
                           g_task_get_cancellable (task), parser_call_cb, call);
}

/* Sends the op's query (again, for the next page); @task is not taken. */
static void
op_send (GTask *task)
{
  Op *op = g_task_get_task_data (task);
  g_autofree char *body = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  body = amigo_ec2_query_encode (op->query);
  amigo_client_call_async (op->ec2->client, "ec2", op->ec2->region, op->ec2->endpoint_url,
                           body, &op_sink, op, op->cancellable, op_call_cb,
                           g_object_ref (task));
}

/* A new op for @query (taken); complete its setup, then op_run(). */
static GTask *
op_new (AmigoEc2            *self,
        AmigoEc2Query       *query,
        ParserKind           parser_kind,
        OpDoneFunc           done,
        GCancellable        *cancellable,
        GAsyncReadyCallback  callback,
        gpointer             user_data,
        gpointer             source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Op *op = g_new0 (Op, 1);

  g_task_set_source_tag (task, source_tag);
  op->ec2 = g_object_ref (self);
  op->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  op->query = query;
  op->parser_kind = parser_kind;
  op->done = done;
  op->items = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, op, op_free);
  return task;
}

static void
op_run (GTask *task)
{
  op_send (task);
  g_object_unref (task);
}

static AmigoEc2Query *
query_new (const char *action)
{
  return amigo_ec2_query_new (action, AMIGO_EC2_API_VERSION);
}

/* ---- done functions --------------------------------------------------- */

static void
done_list (GTask *task)
{
  Op *op = g_task_get_task_data (task);
  const char *token = amigo_ec2_parser_get_next_token (op->parser);

  if (op->parser_kind != PARSER_IMAGES)
    g_ptr_array_extend_and_steal (op->items, amigo_ec2_parser_steal_items (op->parser));
  op->n_pages++;

  if (token != NULL)
    {
      /* A server that hands out the same token again would page forever. */
      if (g_strcmp0 (token, op->last_token) == 0)
        {
          g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                                   _("EC2 (%s) sent the same page of %s twice. Try again later."),
                                   op->ec2->region, amigo_ec2_query_get_action (op->query));
          return;
        }
      g_free (op->last_token);
      op->last_token = g_strdup (token);
      amigo_ec2_query_add_string (op->query, "NextToken", token);
      op->page_delivered = 0;
      op_send (task);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&op->items), (GDestroyNotify) g_ptr_array_unref);
}

static void
done_return_true (GTask *task)
{
  Op *op = g_task_get_task_data (task);
  const char *value = amigo_ec2_parser_get_value (op->parser, "return");

  /* Operations answer <return>true</return>; some (CreateTags in old API
   * versions, moto) send nothing but the request id. */
  if (value != NULL && !amigo_ec2_parser_get_return (op->parser))
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_FAILED,
                               _("EC2 (%s) answered that %s did not succeed. Try again."),
                               op->ec2->region, amigo_ec2_query_get_action (op->query));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
done_return_string (GTask *task)
{
  Op *op = g_task_get_task_data (task);
  const char *value = amigo_ec2_parser_get_value (op->parser, "return");

  if (value == NULL)
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                               _("EC2 (%s) answered %s without its result."),
                               op->ec2->region, amigo_ec2_query_get_action (op->query));
      return;
    }
  g_task_return_pointer (task, g_strstrip (g_strdup (value)), g_free);
}

static void
done_image_id (GTask *task)
{
  Op *op = g_task_get_task_data (task);
  const char *image_id = amigo_ec2_parser_get_image_id (op->parser);
  CreatedImage *created;

  if (image_id == NULL || *image_id == '\0')
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                               _("EC2 (%s) answered %s without the new image’s ID."),
                               op->ec2->region, amigo_ec2_query_get_action (op->query));
      return;
    }
  created = g_new0 (CreatedImage, 1);
  created->image_id = g_strstrip (g_strdup (image_id));
  g_task_return_pointer (task, created, created_image_free);
}

static void
done_image_attribute (GTask *task)
{
  Op *op = g_task_get_task_data (task);
  AmigoImageAttribute *attribute = amigo_ec2_parser_get_image_attribute (op->parser);

  g_task_return_pointer (task, g_object_ref (attribute), g_object_unref);
}

static void
done_run_instances (GTask *task)
{
  Op *op = g_task_get_task_data (task);

  g_task_return_pointer (task, amigo_ec2_parser_steal_items (op->parser),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void
done_deregister (GTask *task)
{
  Op *op = g_task_get_task_data (task);

  if (op->return_value != NULL && g_ascii_strcasecmp (op->return_value, "true") != 0)
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_FAILED,
                               _("EC2 (%s) answered that the image was not deregistered. Try again."),
                               op->ec2->region);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&op->deletions), (GDestroyNotify) g_ptr_array_unref);
}

/* ---- query helpers ---------------------------------------------------- */

static void
add_filters (AmigoEc2Query        *q,
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

static void
add_tags (AmigoEc2Query  *q,
          const char     *list_key,
          const AmigoEc2Tag *tags,
          guint           n_tags)
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

static void
add_tag_specification (AmigoEc2Query  *q,
                       const char     *resource_type,
                       const AmigoEc2Tag *tags,
                       guint           n_tags)
{
  if (tags == NULL || n_tags == 0)
    return;
  amigo_ec2_query_push_item (q, "TagSpecification");
  amigo_ec2_query_add_string (q, "ResourceType", resource_type);
  add_tags (q, "Tag", tags, n_tags);
  amigo_ec2_query_pop (q);
}

static void
add_tristate (AmigoEc2Query *q,
              const char    *key,
              gint8          value)
{
  if (value != AMIGO_TRISTATE_UNSET)
    amigo_ec2_query_add_boolean (q, key, value == AMIGO_TRISTATE_TRUE);
}

static void
add_positive (AmigoEc2Query *q,
              const char    *key,
              gint64         value)
{
  if (value > 0)
    amigo_ec2_query_add_int (q, key, value);
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
      add_positive (q, "VolumeSize", m->ebs.volume_size);
      amigo_ec2_query_add_string (q, "VolumeType", m->ebs.volume_type);
      add_positive (q, "Iops", m->ebs.iops);
      add_positive (q, "Throughput", m->ebs.throughput);
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

static void
add_block_device_mappings (AmigoEc2Query                 *q,
                           const AmigoBlockDeviceMapping *mappings,
                           guint                          n_mappings)
{
  if (mappings == NULL)
    return;
  for (guint i = 0; i < n_mappings; i++)
    add_block_device_mapping (q, &mappings[i]);
}

static guint
page_size_or (guint page_size,
              guint fallback)
{
  if (page_size == 0)
    return fallback;
  return CLAMP (page_size, MIN_PAGE_SIZE, fallback);
}

static gboolean
strv_is_empty (const char * const *strv)
{
  return strv == NULL || strv[0] == NULL;
}

static gint64
server_now_usec (AmigoEc2 *self)
{
  return g_get_real_time () + amigo_client_get_clock_offset (self->client) * G_USEC_PER_SEC;
}

/* ---- GObject ---------------------------------------------------------- */

static void
amigo_ec2_finalize (GObject *object)
{
  AmigoEc2 *self = AMIGO_EC2 (object);

  g_clear_object (&self->client);
  g_free (self->region);
  g_free (self->endpoint_url);

  G_OBJECT_CLASS (amigo_ec2_parent_class)->finalize (object);
}

static void
amigo_ec2_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AmigoEc2 *self = AMIGO_EC2 (object);

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
amigo_ec2_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  AmigoEc2 *self = AMIGO_EC2 (object);

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
amigo_ec2_class_init (AmigoEc2Class *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amigo_ec2_finalize;
  object_class->get_property = amigo_ec2_get_property;
  object_class->set_property = amigo_ec2_set_property;

  /**
   * AmigoEc2:client:
   *
   * The client that signs and sends the requests.
   */
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, AMIGO_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * AmigoEc2:region:
   *
   * The region requests are signed for, e.g. `eu-west-1`.
   */
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * AmigoEc2:endpoint-url:
   *
   * Where requests go; %NULL for the region's standard endpoint.
   */
  properties[PROP_ENDPOINT_URL] =
    g_param_spec_string ("endpoint-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
amigo_ec2_init (AmigoEc2 *self)
{
}

/* ---- public API ------------------------------------------------------- */

/**
 * amigo_ec2_new:
 * @client: the account's client
 * @region: the region to sign requests for, e.g. `eu-west-1`
 * @endpoint_url: (nullable): where to send them, e.g. a moto URL; %NULL for
 *   `https://ec2.<region>.amazonaws.com`
 *
 * Returns: (transfer full): EC2 in @region
 */
AmigoEc2 *
amigo_ec2_new (AmigoClient *client,
               const char  *region,
               const char  *endpoint_url)
{
  g_return_val_if_fail (AMIGO_IS_CLIENT (client), NULL);
  g_return_val_if_fail (region != NULL && *region != '\0', NULL);

  return g_object_new (AMIGO_TYPE_EC2,
                       "client", client,
                       "region", region,
                       "endpoint-url", endpoint_url,
                       NULL);
}

/**
 * amigo_ec2_new_for_account:
 * @account: an account
 * @client: the account's client (amigo_account_get_client_finish())
 * @region: a region code
 * @error: where an unusable endpoint configuration is reported
 *
 * EC2 in @region, at the endpoint the account's configuration names
 * (`AWS_ENDPOINT_URL_EC2`, profile, custom endpoint, or the standard one).
 *
 * Returns: (transfer full) (nullable): EC2 in @region, or %NULL with @error set
 */
AmigoEc2 *
amigo_ec2_new_for_account (AmigoAccount  *account,
                           AmigoClient   *client,
                           const char    *region,
                           GError       **error)
{
  g_autoptr(AmigoEndpoint) endpoint = NULL;

  g_return_val_if_fail (AMIGO_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (AMIGO_IS_CLIENT (client), NULL);
  g_return_val_if_fail (region != NULL, NULL);

  endpoint = amigo_account_resolve_endpoint (account, "ec2", region, error);
  if (endpoint == NULL)
    return NULL;
  return amigo_ec2_new (client, endpoint->signing_region, endpoint->url);
}

/**
 * amigo_ec2_get_client:
 * @self: an #AmigoEc2
 *
 * Returns: (transfer none): the client
 */
AmigoClient *
amigo_ec2_get_client (AmigoEc2 *self)
{
  g_return_val_if_fail (AMIGO_IS_EC2 (self), NULL);
  return self->client;
}

/**
 * amigo_ec2_get_region:
 * @self: an #AmigoEc2
 *
 * Returns: (transfer none): the region requests are signed for
 */
const char *
amigo_ec2_get_region (AmigoEc2 *self)
{
  g_return_val_if_fail (AMIGO_IS_EC2 (self), NULL);
  return self->region;
}

/**
 * amigo_ec2_get_endpoint_url:
 * @self: an #AmigoEc2
 *
 * Returns: (transfer none) (nullable): the endpoint, or %NULL for the
 *   region's standard one
 */
const char *
amigo_ec2_get_endpoint_url (AmigoEc2 *self)
{
  g_return_val_if_fail (AMIGO_IS_EC2 (self), NULL);
  return self->endpoint_url;
}

void
_amigo_ec2_set_pretend_retry (AmigoEc2 *self,
                              gboolean  pretend_retry)
{
  g_return_if_fail (AMIGO_IS_EC2 (self));
  self->pretend_retry = pretend_retry;
}

/**
 * amigo_ec2_validate_image_name:
 * @name: (nullable): a name for a new image
 * @error: where the reason goes, in words for people
 *
 * Checks a name as CreateImage, RegisterImage and CopyImage do: 3 to 128
 * characters, letters and digits (ASCII), spaces and `( ) [ ] . / - ' @ _`.
 *
 * Returns: %TRUE if EC2 would accept @name
 */
gboolean
amigo_ec2_validate_image_name (const char  *name,
                               GError     **error)
{
  gsize len = name != NULL ? strlen (name) : 0;

  if (len < 3 || len > 128)
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                   _("An image name must be 3 to 128 characters long."));
      return FALSE;
    }
  for (const char *p = name; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || strchr ("()[] ./-'@_", *p) != NULL)
        continue;
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                   _("An image name may only hold letters (A–Z, a–z), digits, spaces "
                     "and ( ) [ ] . / - ' @ _"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_result (AmigoEc2     *self,
              GAsyncResult *result,
              gpointer      source_tag)
{
  g_return_val_if_fail (AMIGO_IS_EC2 (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), FALSE);
  return TRUE;
}

static gpointer
finish_pointer (AmigoEc2      *self,
                GAsyncResult  *result,
                gpointer       source_tag,
                GError       **error)
{
  if (!check_result (self, result, source_tag))
    return NULL;
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* An action on one image: the query, with its `ImageId`. */
static AmigoEc2Query *
image_query_new (const char *action,
                 const char *image_id)
{
  AmigoEc2Query *q = query_new (action);

  amigo_ec2_query_add_string (q, "ImageId", image_id);
  return q;
}

/* Sends @q (taken), whose answer a simple parser reads and @done turns
 * into the task's result. */
static void
op_run_simple (AmigoEc2            *self,
               AmigoEc2Query       *q,
               OpDoneFunc           done,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               gpointer             source_tag)
{
  op_run (op_new (self, q, PARSER_SIMPLE, done, cancellable, callback, user_data, source_tag));
}

static GPtrArray *
finish_pointer_array (AmigoEc2      *self,
                      GAsyncResult  *result,
                      gpointer       source_tag,
                      GError       **error)
{
  if (!check_result (self, result, source_tag))
    return NULL;
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- DescribeRegions -------------------------------------------------- */

/**
 * amigo_ec2_describe_regions_async:
 * @self: an #AmigoEc2 (any region of the account)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Lists every region of the partition (`AllRegions=true`), with whether the
 * account has enabled it (#AmigoRegion:opt-in-status is
 * `opt-in-not-required`, `opted-in` or `not-opted-in`).
 */
void
amigo_ec2_describe_regions_async (AmigoEc2            *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  AmigoEc2Query *q;

  g_return_if_fail (AMIGO_IS_EC2 (self));

  q = query_new ("DescribeRegions");
  amigo_ec2_query_add_boolean (q, "AllRegions", TRUE);
  op_run (op_new (self, q, PARSER_REGIONS, done_list, cancellable, callback, user_data,
                  amigo_ec2_describe_regions_async));
}

/**
 * amigo_ec2_describe_regions_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer container) (element-type AmigoRegion) (nullable): the
 *   regions, or %NULL with @error set
 */
GPtrArray *
amigo_ec2_describe_regions_finish (AmigoEc2      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return finish_pointer_array (self, result, amigo_ec2_describe_regions_async, error);
}

/* ---- DescribeImages --------------------------------------------------- */

/* The parser's batches, without what an earlier attempt at this page
 * already handed out: a retried page comes again from its start. */
static void
images_batch_cb (GPtrArray *batch,
                 gpointer   user_data)
{
  Op *op = user_data;
  g_autoptr(GPtrArray) fresh = NULL;

  if (g_cancellable_is_cancelled (op->cancellable))
    return;

  for (guint i = 0; i < batch->len; i++)
    {
      op->page_seen++;
      if (op->page_seen <= op->page_delivered)
        continue;
      op->page_delivered = op->page_seen;
      if (fresh == NULL)
        fresh = g_ptr_array_new_full (batch->len - i, g_object_unref);
      g_ptr_array_add (fresh, g_object_ref (g_ptr_array_index (batch, i)));
    }

  if (fresh == NULL)
    return;
  op->n_images += fresh->len;
  if (op->batch_func != NULL)
    op->batch_func (fresh, op->batch_data);
  else
    g_ptr_array_extend_and_steal (op->items, g_steal_pointer (&fresh));
}

static AmigoEc2Query *
describe_images_query (const AmigoDescribeImagesRequest *request)
{
  AmigoEc2Query *q = query_new ("DescribeImages");

  if (request == NULL)
    {
      amigo_ec2_query_add_int (q, "MaxResults", DEFAULT_PAGE_SIZE);
      return q;
    }

  amigo_ec2_query_add_list (q, "Owner", request->owners);
  amigo_ec2_query_add_list (q, "ExecutableBy", request->executable_by);
  amigo_ec2_query_add_list (q, "ImageId", request->image_ids);
  add_filters (q, request->filters, request->n_filters);
  if (request->include_deprecated)
    amigo_ec2_query_add_boolean (q, "IncludeDeprecated", TRUE);
  if (request->include_disabled)
    amigo_ec2_query_add_boolean (q, "IncludeDisabled", TRUE);
  /* Named images come in one answer; EC2 refuses MaxResults with the ids
   * of some other resources, so it is not sent with them. */
  if (strv_is_empty (request->image_ids))
    amigo_ec2_query_add_int (q, "MaxResults", page_size_or (request->page_size, DEFAULT_PAGE_SIZE));
  return q;
}

/**
 * amigo_ec2_describe_images_async:
 * @self: an #AmigoEc2
 * @request: (nullable): which images; %NULL for every image you may launch
 *   (a very long list: give owners or filters)
 * @batch_func: (nullable) (scope notified) (closure batch_data): called
 *   with each batch of images while the answer downloads, on the thread
 *   default main context of the caller; %NULL to get them all from
 *   amigo_ec2_describe_images_finish()
 * @batch_data: data for @batch_func
 * @batch_data_destroy: (nullable): frees @batch_data when the call is over
 * @cancellable: (nullable): a #GCancellable; once cancelled, no batch is
 *   handed out any more and the call ends with %G_IO_ERROR_CANCELLED
 * @callback: called when every page has been read, or on failure
 * @user_data: data for @callback
 *
 * DescribeImages, page after page (`MaxResults`, `NextToken`) until the
 * last. Images reach @batch_func in the order AWS sends them, each once:
 * when a page is retried after a dropped connection, the images of it
 * already handed out are skipped. On failure, the batches already handed
 * out stay valid but the list is incomplete.
 */
void
amigo_ec2_describe_images_async (AmigoEc2                         *self,
                                 const AmigoDescribeImagesRequest *request,
                                 AmigoEc2ImagesFunc                batch_func,
                                 gpointer                          batch_data,
                                 GDestroyNotify                    batch_data_destroy,
                                 GCancellable                     *cancellable,
                                 GAsyncReadyCallback               callback,
                                 gpointer                          user_data)
{
  GTask *task;
  Op *op;

  g_return_if_fail (AMIGO_IS_EC2 (self));

  task = op_new (self, describe_images_query (request), PARSER_IMAGES, done_list,
                 cancellable, callback, user_data, amigo_ec2_describe_images_async);
  op = g_task_get_task_data (task);
  op->batch_func = batch_func;
  op->batch_data = batch_data;
  op->batch_data_destroy = batch_data_destroy;
  op_run (task);
}

/**
 * amigo_ec2_describe_images_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @n_images: (out) (optional): how many images the answer held, those
 *   handed to the batch function included
 * @error: where a failure goes
 *
 * Returns: (transfer container) (element-type AmigoImage) (nullable): the
 *   images not handed to a batch function (all of them without one, none
 *   with one), or %NULL with @error set
 */
GPtrArray *
amigo_ec2_describe_images_finish (AmigoEc2      *self,
                                  GAsyncResult  *result,
                                  guint         *n_images,
                                  GError       **error)
{
  Op *op;

  if (!check_result (self, result, amigo_ec2_describe_images_async))
    return NULL;

  op = g_task_get_task_data (G_TASK (result));
  if (n_images != NULL)
    *n_images = op->n_images;
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- DescribeImageAttribute ------------------------------------------- */

/**
 * amigo_image_attribute_name_to_string:
 * @name: an attribute
 *
 * Returns: (transfer none): the name EC2 uses, e.g. `launchPermission`
 */
const char *
amigo_image_attribute_name_to_string (AmigoImageAttributeName name)
{
  switch (name)
    {
    case AMIGO_IMAGE_ATTRIBUTE_DESCRIPTION:
      return "description";
    case AMIGO_IMAGE_ATTRIBUTE_KERNEL:
      return "kernel";
    case AMIGO_IMAGE_ATTRIBUTE_RAMDISK:
      return "ramdisk";
    case AMIGO_IMAGE_ATTRIBUTE_LAUNCH_PERMISSION:
      return "launchPermission";
    case AMIGO_IMAGE_ATTRIBUTE_PRODUCT_CODES:
      return "productCodes";
    case AMIGO_IMAGE_ATTRIBUTE_BLOCK_DEVICE_MAPPING:
      return "blockDeviceMapping";
    case AMIGO_IMAGE_ATTRIBUTE_SRIOV_NET_SUPPORT:
      return "sriovNetSupport";
    case AMIGO_IMAGE_ATTRIBUTE_BOOT_MODE:
      return "bootMode";
    case AMIGO_IMAGE_ATTRIBUTE_TPM_SUPPORT:
      return "tpmSupport";
    case AMIGO_IMAGE_ATTRIBUTE_UEFI_DATA:
      return "uefiData";
    case AMIGO_IMAGE_ATTRIBUTE_LAST_LAUNCHED_TIME:
      return "lastLaunchedTime";
    case AMIGO_IMAGE_ATTRIBUTE_IMDS_SUPPORT:
      return "imdsSupport";
    case AMIGO_IMAGE_ATTRIBUTE_DEREGISTRATION_PROTECTION:
      return "deregistrationProtection";
    default:
      g_return_val_if_reached ("description");
    }
}

/**
 * amigo_ec2_describe_image_attribute_async:
 * @self: an #AmigoEc2
 * @image_id: the image
 * @attribute: which attribute
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * DescribeImageAttribute: one attribute of an image you own, e.g. who may
 * launch it, when it was last launched, its deregistration protection.
 */
void
amigo_ec2_describe_image_attribute_async (AmigoEc2                *self,
                                          const char              *image_id,
                                          AmigoImageAttributeName  attribute,
                                          GCancellable            *cancellable,
                                          GAsyncReadyCallback      callback,
                                          gpointer                 user_data)
{
  AmigoEc2Query *q;

  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (image_id != NULL);

  q = query_new ("DescribeImageAttribute");
  amigo_ec2_query_add_string (q, "Attribute", amigo_image_attribute_name_to_string (attribute));
  amigo_ec2_query_add_string (q, "ImageId", image_id);
  op_run (op_new (self, q, PARSER_IMAGE_ATTRIBUTE, done_image_attribute, cancellable,
                  callback, user_data, amigo_ec2_describe_image_attribute_async));
}

/**
 * amigo_ec2_describe_image_attribute_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer full) (nullable): the attribute (only the one asked
 *   for is set), or %NULL with @error set
 */
AmigoImageAttribute *
amigo_ec2_describe_image_attribute_finish (AmigoEc2      *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return finish_pointer (self, result, amigo_ec2_describe_image_attribute_async, error);
}

/* ---- CreateImage, RegisterImage: recovering a retried call ------------ */

static gboolean
image_is_ours (Op         *op,
               AmigoImage *image)
{
  const char *source_instance_id = amigo_image_get_source_instance_id (image);
  gint64 created = amigo_image_get_creation_date_usec (image);

  if (g_strcmp0 (amigo_image_get_name (image), op->image_name) != 0)
    return FALSE;
  /* AWS names the instance of an image CreateImage made. */
  if (source_instance_id != NULL && op->instance_id != NULL &&
      strcmp (source_instance_id, op->instance_id) != 0)
    return FALSE;
  /* An image older than this call was not made by it. */
  if (created != 0 && created < op->started_usec - RECOVERY_WINDOW_USEC)
    return FALSE;
  return TRUE;
}

static void
recover_lookup_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GError) error = NULL;

  images = amigo_ec2_describe_images_finish (AMIGO_EC2 (source), result, NULL, &error);
  if (images == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_debug ("%s: looking up the image named like the duplicate failed: %s",
               amigo_ec2_query_get_action (op->query), error->message);
      g_task_return_error (task, g_steal_pointer (&op->duplicate_error));
      return;
    }

  for (guint i = 0; i < images->len; i++)
    {
      AmigoImage *image = g_ptr_array_index (images, i);
      CreatedImage *created;

      if (!image_is_ours (op, image))
        continue;
      g_debug ("%s: a retried attempt met %s; the earlier attempt made %s",
               amigo_ec2_query_get_action (op->query), "InvalidAMIName.Duplicate",
               amigo_image_get_image_id (image));
      created = g_new0 (CreatedImage, 1);
      created->image_id = g_strdup (amigo_image_get_image_id (image));
      created->already_created = TRUE;
      g_task_return_pointer (task, created, created_image_free);
      return;
    }

  g_task_return_error (task, g_steal_pointer (&op->duplicate_error));
}

/* CreateImage and RegisterImage carry no ClientToken: an attempt that
 * timed out may still have made the image, and its retry then meets
 * InvalidAMIName.Duplicate. Only after a retry is the duplicate looked up:
 * on a first attempt the name is really taken and the person must know. */
static gboolean
create_image_on_error (GTask  *task,
                       GError *error)
{
  Op *op = g_task_get_task_data (task);
  const char *owners[] = { "self", NULL };
  const char *names[] = { op->image_name, NULL };
  AmigoEc2Filter filter = { "name", names };
  AmigoDescribeImagesRequest request = { 0 };

  if (!amigo_aws_error_has_aws_code (error, "InvalidAMIName.Duplicate"))
    return FALSE;
  if (op->attempt <= 1 && !op->ec2->pretend_retry)
    return FALSE;

  op->duplicate_error = error;
  request.owners = owners;
  request.filters = &filter;
  request.n_filters = 1;
  request.include_deprecated = TRUE;
  request.include_disabled = TRUE;
  amigo_ec2_describe_images_async (op->ec2, &request, NULL, NULL, NULL, op->cancellable,
                                   recover_lookup_cb, g_object_ref (task));
  return TRUE;
}

static char *
finish_created_image (AmigoEc2      *self,
                      GAsyncResult  *result,
                      gpointer       source_tag,
                      gboolean      *already_created,
                      GError       **error)
{
  CreatedImage *created;
  char *image_id;

  if (already_created != NULL)
    *already_created = FALSE;
  if (!check_result (self, result, source_tag))
    return NULL;

  created = g_task_propagate_pointer (G_TASK (result), error);
  if (created == NULL)
    return NULL;
  if (already_created != NULL)
    *already_created = created->already_created;
  image_id = g_steal_pointer (&created->image_id);
  created_image_free (created);
  return image_id;
}

/* Sends CreateImage or RegisterImage (@q, taken) for the image @name, made
 * from @instance_id (%NULL for RegisterImage), with the duplicate recovery
 * of create_image_on_error(). */
static void
run_image_creation (AmigoEc2            *self,
                    AmigoEc2Query       *q,
                    const char          *name,
                    const char          *instance_id,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data,
                    gpointer             source_tag)
{
  GTask *task = op_new (self, q, PARSER_SIMPLE, done_image_id, cancellable, callback, user_data,
                        source_tag);
  Op *op = g_task_get_task_data (task);

  op->on_error = create_image_on_error;
  op->image_name = g_strdup (name);
  op->instance_id = g_strdup (instance_id);
  op->started_usec = server_now_usec (self);
  op_run (task);
}

/* ---- CreateImage ------------------------------------------------------ */

/**
 * amigo_ec2_create_image_async:
 * @self: an #AmigoEc2
 * @request: the image to make
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when EC2 has accepted (or refused) the request
 * @user_data: data for @callback
 *
 * CreateImage: an EBS-backed image of an instance. The image starts
 * `pending`; poll DescribeImages until it is `available`. An invalid name
 * fails at once with %AMIGO_AWS_ERROR_INVALID_ARGUMENT.
 */
void
amigo_ec2_create_image_async (AmigoEc2                      *self,
                              const AmigoCreateImageRequest *request,
                              GCancellable                  *cancellable,
                              GAsyncReadyCallback            callback,
                              gpointer                       user_data)
{
  GError *error = NULL;
  AmigoEc2Query *q;

  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (request != NULL);
  g_return_if_fail (request->instance_id != NULL);

  if (!amigo_ec2_validate_image_name (request->name, &error))
    {
      g_task_report_error (self, callback, user_data, amigo_ec2_create_image_async, error);
      return;
    }

  q = query_new ("CreateImage");
  amigo_ec2_query_add_string (q, "InstanceId", request->instance_id);
  amigo_ec2_query_add_string (q, "Name", request->name);
  amigo_ec2_query_add_string (q, "Description", request->description);
  if (request->no_reboot)
    amigo_ec2_query_add_boolean (q, "NoReboot", TRUE);
  add_block_device_mappings (q, request->block_device_mappings, request->n_block_device_mappings);
  add_tag_specification (q, "image", request->image_tags, request->n_image_tags);
  add_tag_specification (q, "snapshot", request->snapshot_tags, request->n_snapshot_tags);

  run_image_creation (self, q, request->name, request->instance_id, cancellable, callback,
                      user_data, amigo_ec2_create_image_async);
}

/**
 * amigo_ec2_create_image_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @already_created: (out) (optional): set to %TRUE when the request had to
 *   be retried and the image an earlier attempt made was found by its name
 *   (CreateImage has no idempotency token), %FALSE when this call made it
 * @error: where a failure goes; `InvalidAMIName.Duplicate` when the name
 *   is already used by another of your images in the region
 *
 * Returns: (transfer full) (nullable): the new image's id, or %NULL with
 *   @error set
 */
char *
amigo_ec2_create_image_finish (AmigoEc2      *self,
                               GAsyncResult  *result,
                               gboolean      *already_created,
                               GError       **error)
{
  return finish_created_image (self, result, amigo_ec2_create_image_async, already_created, error);
}

/* ---- RegisterImage ---------------------------------------------------- */

/**
 * amigo_ec2_register_image_async:
 * @self: an #AmigoEc2
 * @request: the image to register
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * RegisterImage, from an EBS snapshot or an S3 manifest (see
 * #AmigoRegisterImageRequest). Like CreateImage it has no idempotency
 * token, and a retried call that meets `InvalidAMIName.Duplicate` returns
 * the image an earlier attempt registered.
 */
void
amigo_ec2_register_image_async (AmigoEc2                        *self,
                                const AmigoRegisterImageRequest *request,
                                GCancellable                    *cancellable,
                                GAsyncReadyCallback              callback,
                                gpointer                         user_data)
{
  GError *error = NULL;
  AmigoEc2Query *q;

  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (request != NULL);
  g_return_if_fail (request->root_snapshot_id == NULL || request->root_device_name != NULL);

  if (!amigo_ec2_validate_image_name (request->name, &error))
    {
      g_task_report_error (self, callback, user_data, amigo_ec2_register_image_async, error);
      return;
    }

  q = query_new ("RegisterImage");
  amigo_ec2_query_add_string (q, "Name", request->name);
  amigo_ec2_query_add_string (q, "Description", request->description);
  amigo_ec2_query_add_string (q, "ImageLocation", request->image_location);
  amigo_ec2_query_add_string (q, "Architecture", request->architecture);
  amigo_ec2_query_add_string (q, "RootDeviceName", request->root_device_name);
  amigo_ec2_query_add_string (q, "VirtualizationType", request->virtualization_type);
  amigo_ec2_query_add_string (q, "BootMode", request->boot_mode);
  amigo_ec2_query_add_string (q, "TpmSupport", request->tpm_support);
  amigo_ec2_query_add_string (q, "ImdsSupport", request->imds_support);
  amigo_ec2_query_add_string (q, "SriovNetSupport", request->sriov_net_support);
  if (request->ena_support)
    amigo_ec2_query_add_boolean (q, "EnaSupport", TRUE);
  amigo_ec2_query_add_string (q, "KernelId", request->kernel_id);
  amigo_ec2_query_add_string (q, "RamdiskId", request->ramdisk_id);
  if (request->root_snapshot_id != NULL)
    {
      amigo_ec2_query_push_item (q, "BlockDeviceMapping");
      amigo_ec2_query_add_string (q, "DeviceName", request->root_device_name);
      amigo_ec2_query_push (q, "Ebs");
      amigo_ec2_query_add_string (q, "SnapshotId", request->root_snapshot_id);
      add_positive (q, "VolumeSize", request->root_volume_size);
      amigo_ec2_query_add_string (q, "VolumeType", request->root_volume_type);
      amigo_ec2_query_pop (q);
      amigo_ec2_query_pop (q);
    }
  add_block_device_mappings (q, request->block_device_mappings, request->n_block_device_mappings);
  add_tag_specification (q, "image", request->image_tags, request->n_image_tags);

  run_image_creation (self, q, request->name, NULL, cancellable, callback, user_data,
                      amigo_ec2_register_image_async);
}

/**
 * amigo_ec2_register_image_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @already_created: (out) (optional): as for amigo_ec2_create_image_finish()
 * @error: where a failure goes
 *
 * Returns: (transfer full) (nullable): the new image's id, or %NULL with
 *   @error set
 */
char *
amigo_ec2_register_image_finish (AmigoEc2      *self,
                                 GAsyncResult  *result,
                                 gboolean      *already_created,
                                 GError       **error)
{
  return finish_created_image (self, result, amigo_ec2_register_image_async, already_created, error);
}

/* ---- CopyImage -------------------------------------------------------- */

/**
 * amigo_ec2_copy_image_async:
 * @self: EC2 in the DESTINATION region: the request is sent to its endpoint
 *   and signed for it
 * @request: what to copy
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when EC2 has accepted (or refused) the copy
 * @user_data: data for @callback
 *
 * CopyImage. The copy starts `pending` in the destination region. With the
 * same `client_token` and parameters, EC2 answers the same image id
 * instead of copying again.
 */
void
amigo_ec2_copy_image_async (AmigoEc2                    *self,
                            const AmigoCopyImageRequest *request,
                            GCancellable                *cancellable,
                            GAsyncReadyCallback          callback,
                            gpointer                     user_data)
{
  g_autofree char *token = NULL;
  GError *error = NULL;
  AmigoEc2Query *q;

  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (request != NULL);
  g_return_if_fail (request->source_region != NULL);
  g_return_if_fail (request->source_image_id != NULL);

  if (!amigo_ec2_validate_image_name (request->name, &error))
    {
      g_task_report_error (self, callback, user_data, amigo_ec2_copy_image_async, error);
      return;
    }

  token = request->client_token != NULL ? g_strdup (request->client_token)
                                        : amigo_client_token_new ();
  q = query_new ("CopyImage");
  amigo_ec2_query_add_string (q, "SourceRegion", request->source_region);
  amigo_ec2_query_add_string (q, "SourceImageId", request->source_image_id);
  amigo_ec2_query_add_string (q, "Name", request->name);
  amigo_ec2_query_add_string (q, "Description", request->description);
  if (request->encrypted)
    {
      amigo_ec2_query_add_boolean (q, "Encrypted", TRUE);
      amigo_ec2_query_add_string (q, "KmsKeyId", request->kms_key_id);
    }
  if (request->copy_image_tags)
    amigo_ec2_query_add_boolean (q, "CopyImageTags", TRUE);
  add_tag_specification (q, "image", request->image_tags, request->n_image_tags);
  add_tag_specification (q, "snapshot", request->snapshot_tags, request->n_snapshot_tags);
  amigo_ec2_query_add_string (q, "ClientToken", token);

  op_run_simple (self, q, done_image_id, cancellable, callback, user_data,
                 amigo_ec2_copy_image_async);
}

/**
 * amigo_ec2_copy_image_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer full) (nullable): the copy's image id in the
 *   destination region, or %NULL with @error set
 */
char *
amigo_ec2_copy_image_finish (AmigoEc2      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return finish_created_image (self, result, amigo_ec2_copy_image_async, NULL, error);
}

/* ---- DeregisterImage, DeleteSnapshot ---------------------------------- */

/**
 * amigo_snapshot_deletion_copy:
 * @self: an #AmigoSnapshotDeletion
 *
 * Returns: (transfer full): a copy
 */
AmigoSnapshotDeletion *
amigo_snapshot_deletion_copy (const AmigoSnapshotDeletion *self)
{
  AmigoSnapshotDeletion *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (AmigoSnapshotDeletion, 1);
  copy->snapshot_id = g_strdup (self->snapshot_id);
  copy->return_code = g_strdup (self->return_code);
  return copy;
}

/**
 * amigo_snapshot_deletion_free:
 * @self: (nullable) (transfer full): an #AmigoSnapshotDeletion
 */
void
amigo_snapshot_deletion_free (AmigoSnapshotDeletion *self)
{
  if (self == NULL)
    return;
  g_free (self->snapshot_id);
  g_free (self->return_code);
  g_free (self);
}

/**
 * amigo_ec2_deregister_image_async:
 * @self: an #AmigoEc2
 * @image_id: the image
 * @delete_associated_snapshots: `DeleteAssociatedSnapshots=true`: also
 *   delete the EBS snapshots of its block devices (those another image
 *   still uses are skipped)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * DeregisterImage. Refused while deregistration protection is on
 * (`OperationNotPermitted` on moto; see the EC2 documentation).
 */
void
amigo_ec2_deregister_image_async (AmigoEc2            *self,
                                  const char          *image_id,
                                  gboolean             delete_associated_snapshots,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  AmigoEc2Query *q;

  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (image_id != NULL);

  q = image_query_new ("DeregisterImage", image_id);
  if (delete_associated_snapshots)
    amigo_ec2_query_add_boolean (q, "DeleteAssociatedSnapshots", TRUE);
  op_run (op_new (self, q, PARSER_DEREGISTER, done_deregister, cancellable, callback,
                  user_data, amigo_ec2_deregister_image_async));
}

/**
 * amigo_ec2_deregister_image_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer container) (element-type AmigoSnapshotDeletion) (nullable):
 *   what happened to each snapshot (empty unless snapshots were to be
 *   deleted), or %NULL with @error set
 */
GPtrArray *
amigo_ec2_deregister_image_finish (AmigoEc2      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return finish_pointer_array (self, result, amigo_ec2_deregister_image_async, error);
}

static gboolean
finish_boolean (AmigoEc2      *self,
                GAsyncResult  *result,
                gpointer       source_tag,
                GError       **error)
{
  if (!check_result (self, result, source_tag))
    return FALSE;
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * amigo_ec2_delete_snapshot_async:
 * @self: an #AmigoEc2
 * @snapshot_id: the snapshot
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * DeleteSnapshot. EC2 refuses while a registered image uses it.
 */
void
amigo_ec2_delete_snapshot_async (AmigoEc2            *self,
                                 const char          *snapshot_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  AmigoEc2Query *q;

  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (snapshot_id != NULL);

  q = query_new ("DeleteSnapshot");
  amigo_ec2_query_add_string (q, "SnapshotId", snapshot_id);
  op_run_simple (self, q, done_return_true, cancellable, callback, user_data,
                 amigo_ec2_delete_snapshot_async);
}

/**
 * amigo_ec2_delete_snapshot_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: %TRUE when the snapshot was deleted
 */
gboolean
amigo_ec2_delete_snapshot_finish (AmigoEc2      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_boolean (self, result, amigo_ec2_delete_snapshot_async, error);
}

/* ---- ModifyImageAttribute --------------------------------------------- */

static void
add_launch_permissions (AmigoEc2Query               *q,
                        const char                  *list_key,
                        const AmigoLaunchPermission *permissions,
                        guint                        n_permissions)
{
  if (permissions == NULL)
    return;
  for (guint i = 0; i < n_permissions; i++)
    {
      const AmigoLaunchPermission *p = &permissions[i];

      amigo_ec2_query_push_item (q, list_key);
      amigo_ec2_query_add_string (q, "UserId", p->user_id);
      amigo_ec2_query_add_string (q, "Group", p->group);
      amigo_ec2_query_add_string (q, "OrganizationArn", p->organization_arn);
      amigo_ec2_query_add_string (q, "OrganizationalUnitArn", p->organizational_unit_arn);
      amigo_ec2_query_pop (q);
    }
}

/**
 * amigo_ec2_modify_image_launch_permission_async:
 * @self: an #AmigoEc2
 * @image_id: the image
 * @add: (array length=n_add) (nullable): who may now launch it: an account
 *   (`user_id`), everyone (`group` = `all`: public), an organization or an
 *   organizational unit (their ARNs); one of the four per entry
 * @n_add: how many
 * @remove: (array length=n_remove) (nullable): who may no longer
 * @n_remove: how many
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * ModifyImageAttribute `LaunchPermission.Add.N` / `LaunchPermission.Remove.N`:
 * share or unshare an image.
 */
void
amigo_ec2_modify_image_launch_permission_async (AmigoEc2                    *self,
                                                const char                  *image_id,
                                                const AmigoLaunchPermission *add,
                                                guint                        n_add,
                                                const AmigoLaunchPermission *remove,
                                                guint                        n_remove,
                                                GCancellable                *cancellable,
                                                GAsyncReadyCallback          callback,
                                                gpointer                     user_data)
{
  AmigoEc2Query *q;

  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (image_id != NULL);

  q = image_query_new ("ModifyImageAttribute", image_id);
  amigo_ec2_query_push (q, "LaunchPermission");
  add_launch_permissions (q, "Add", add, n_add);
  add_launch_permissions (q, "Remove", remove, n_remove);
  amigo_ec2_query_pop (q);
  op_run_simple (self, q, done_return_true, cancellable, callback, user_data,
                 amigo_ec2_modify_image_launch_permission_async);
}

/**
 * amigo_ec2_modify_image_launch_permission_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: %TRUE on success
 */
gboolean
amigo_ec2_modify_image_launch_permission_finish (AmigoEc2      *self,
                                                 GAsyncResult  *result,
                                                 GError       **error)
{
  return finish_boolean (self, result, amigo_ec2_modify_image_launch_permission_async, error);
}

/**
 * amigo_ec2_modify_image_description_async:
 * @self: an #AmigoEc2
 * @image_id: the image
 * @description: the new description (`Description.Value`); "" clears it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * ModifyImageAttribute `Description.Value`.
 */
void
amigo_ec2_modify_image_description_async (AmigoEc2            *self,
                                          const char          *image_id,
                                          const char          *description,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  AmigoEc2Query *q;

  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (image_id != NULL);
  g_return_if_fail (description != NULL);

  q = image_query_new ("ModifyImageAttribute", image_id);
  amigo_ec2_query_push (q, "Description");
  amigo_ec2_query_add_string (q, "Value", description);
  amigo_ec2_query_pop (q);
  op_run_simple (self, q, done_return_true, cancellable, callback, user_data,
                 amigo_ec2_modify_image_description_async);
}

/**
 * amigo_ec2_modify_image_description_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: %TRUE on success
 */
gboolean
amigo_ec2_modify_image_description_finish (AmigoEc2      *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return finish_boolean (self, result, amigo_ec2_modify_image_description_async, error);
}

/* ---- CreateTags, DeleteTags ------------------------------------------- */

static void
tags_async (AmigoEc2            *self,
            const char          *action,
            const char * const  *resource_ids,
            const AmigoEc2Tag      *tags,
            guint                n_tags,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data,
            gpointer             source_tag)
{
  AmigoEc2Query *q;

  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (!strv_is_empty (resource_ids));

  q = query_new (action);
  amigo_ec2_query_add_list (q, "ResourceId", resource_ids);
  add_tags (q, "Tag", tags, n_tags);
  op_run_simple (self, q, done_return_true, cancellable, callback, user_data, source_tag);
}

/**
 * amigo_ec2_create_tags_async:
 * @self: an #AmigoEc2
 * @resource_ids: (array zero-terminated=1): images, snapshots, instances…
 * @tags: (array length=n_tags): the tags to add or overwrite (`Tag.N`)
 * @n_tags: how many
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * CreateTags.
 */
void
amigo_ec2_create_tags_async (AmigoEc2            *self,
                             const char * const  *resource_ids,
                             const AmigoEc2Tag      *tags,
                             guint                n_tags,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (tags != NULL && n_tags > 0);
  tags_async (self, "CreateTags", resource_ids, tags, n_tags, cancellable, callback,
              user_data, amigo_ec2_create_tags_async);
}

/**
 * amigo_ec2_create_tags_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: %TRUE on success
 */
gboolean
amigo_ec2_create_tags_finish (AmigoEc2      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return finish_boolean (self, result, amigo_ec2_create_tags_async, error);
}

/**
 * amigo_ec2_delete_tags_async:
 * @self: an #AmigoEc2
 * @resource_ids: (array zero-terminated=1): images, snapshots, instances…
 * @tags: (array length=n_tags) (nullable): the tags to remove; a tag whose
 *   value is %NULL is removed whatever its value. No tags at all removes
 *   every tag (but `aws:` ones)
 * @n_tags: how many
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * DeleteTags.
 */
void
amigo_ec2_delete_tags_async (AmigoEc2            *self,
                             const char * const  *resource_ids,
                             const AmigoEc2Tag      *tags,
                             guint                n_tags,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  tags_async (self, "DeleteTags", resource_ids, tags, n_tags, cancellable, callback,
              user_data, amigo_ec2_delete_tags_async);
}

/**
 * amigo_ec2_delete_tags_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: %TRUE on success
 */
gboolean
amigo_ec2_delete_tags_finish (AmigoEc2      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return finish_boolean (self, result, amigo_ec2_delete_tags_async, error);
}

/* ---- Deprecation ------------------------------------------------------ */

/**
 * amigo_ec2_enable_image_deprecation_async:
 * @self: an #AmigoEc2
 * @image_id: the image
 * @deprecate_at: when it becomes deprecated (`DeprecateAt`; EC2 rounds it
 *   to the nearest minute and refuses the past and more than 10 years ahead)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * EnableImageDeprecation. A deprecated image still works, but is left out
 * of DescribeImages unless asked for (`IncludeDeprecated`, its id, or your
 * own).
 */
void
amigo_ec2_enable_image_deprecation_async (AmigoEc2            *self,
                                          const char          *image_id,
                                          GDateTime           *deprecate_at,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  AmigoEc2Query *q;

  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (image_id != NULL);
  g_return_if_fail (deprecate_at != NULL);

  q = image_query_new ("EnableImageDeprecation", image_id);
  amigo_ec2_query_add_date_time (q, "DeprecateAt", deprecate_at);
  op_run_simple (self, q, done_return_true, cancellable, callback, user_data,
                 amigo_ec2_enable_image_deprecation_async);
}

/**
 * amigo_ec2_enable_image_deprecation_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: %TRUE on success
 */
gboolean
amigo_ec2_enable_image_deprecation_finish (AmigoEc2      *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return finish_boolean (self, result, amigo_ec2_enable_image_deprecation_async, error);
}

/**
 * amigo_ec2_disable_image_deprecation_async:
 * @self: an #AmigoEc2
 * @image_id: the image
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * DisableImageDeprecation: the image is no longer (to be) deprecated.
 */
void
amigo_ec2_disable_image_deprecation_async (AmigoEc2            *self,
                                           const char          *image_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  AmigoEc2Query *q;

  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (image_id != NULL);

  q = image_query_new ("DisableImageDeprecation", image_id);
  op_run_simple (self, q, done_return_true, cancellable, callback, user_data,
                 amigo_ec2_disable_image_deprecation_async);
}

/**
 * amigo_ec2_disable_image_deprecation_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: %TRUE on success
 */
gboolean
amigo_ec2_disable_image_deprecation_finish (AmigoEc2      *self,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  return finish_boolean (self, result, amigo_ec2_disable_image_deprecation_async, error);
}

/* ---- Deregistration protection ---------------------------------------- */

/**
 * amigo_ec2_enable_image_deregistration_protection_async:
 * @self: an #AmigoEc2
 * @image_id: the image
 * @with_cooldown: `WithCooldown=true`: once disabled, the protection still
 *   holds for 24 hours
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * EnableImageDeregistrationProtection: DeregisterImage is refused until
 * the protection is disabled.
 */
void
amigo_ec2_enable_image_deregistration_protection_async (AmigoEc2            *self,
                                                        const char          *image_id,
                                                        gboolean             with_cooldown,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data)
{
  AmigoEc2Query *q;

  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (image_id != NULL);

  q = image_query_new ("EnableImageDeregistrationProtection", image_id);
  if (with_cooldown)
    amigo_ec2_query_add_boolean (q, "WithCooldown", TRUE);
  op_run_simple (self, q, done_return_string, cancellable, callback, user_data,
                 amigo_ec2_enable_image_deregistration_protection_async);
}

/**
 * amigo_ec2_enable_image_deregistration_protection_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer full) (nullable): the protection's state as EC2
 *   answered it (`enabled-without-cooldown`, `enabled-with-cooldown`), or
 *   %NULL with @error set
 */
char *
amigo_ec2_enable_image_deregistration_protection_finish (AmigoEc2      *self,
                                                         GAsyncResult  *result,
                                                         GError       **error)
{
  return finish_pointer (self, result,
                         amigo_ec2_enable_image_deregistration_protection_async, error);
}

/**
 * amigo_ec2_disable_image_deregistration_protection_async:
 * @self: an #AmigoEc2
 * @image_id: the image
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * DisableImageDeregistrationProtection.
 */
void
amigo_ec2_disable_image_deregistration_protection_async (AmigoEc2            *self,
                                                         const char          *image_id,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data)
{
  AmigoEc2Query *q;

  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (image_id != NULL);

  q = image_query_new ("DisableImageDeregistrationProtection", image_id);
  op_run_simple (self, q, done_return_string, cancellable, callback, user_data,
                 amigo_ec2_disable_image_deregistration_protection_async);
}

/**
 * amigo_ec2_disable_image_deregistration_protection_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer full) (nullable): the protection's state as EC2
 *   answered it (`disabled`; a protection enabled with cooldown still
 *   holds for 24 hours), or %NULL with @error set
 */
char *
amigo_ec2_disable_image_deregistration_protection_finish (AmigoEc2      *self,
                                                          GAsyncResult  *result,
                                                          GError       **error)
{
  return finish_pointer (self, result,
                         amigo_ec2_disable_image_deregistration_protection_async, error);
}

/* ---- Block public access for AMIs ------------------------------------ */

static void
done_image_block_public_access_state (GTask *task)
{
  Op *op = g_task_get_task_data (task);
  const char *value = amigo_ec2_parser_get_value (op->parser, "imageBlockPublicAccessState");

  if (value == NULL || *value == '\0')
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                               _("EC2 (%s) answered %s without its result."),
                               op->ec2->region, amigo_ec2_query_get_action (op->query));
      return;
    }
  g_task_return_pointer (task, g_strstrip (g_strdup (value)), g_free);
}

/**
 * amigo_ec2_get_image_block_public_access_state_async:
 * @self: an #AmigoEc2
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * GetImageBlockPublicAccessState: whether the account may make its images
 * public in this region. While it is `block-new-sharing`, EC2 refuses to
 * make an image public (images already public stay so).
 */
void
amigo_ec2_get_image_block_public_access_state_async (AmigoEc2            *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data)
{
  g_return_if_fail (AMIGO_IS_EC2 (self));

  op_run_simple (self, query_new ("GetImageBlockPublicAccessState"),
                 done_image_block_public_access_state, cancellable, callback, user_data,
                 amigo_ec2_get_image_block_public_access_state_async);
}

/**
 * amigo_ec2_get_image_block_public_access_state_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer full) (nullable): the state as EC2 answered it
 *   (`imageBlockPublicAccessState`): `block-new-sharing` or `unblocked`,
 *   or %NULL with @error set
 */
char *
amigo_ec2_get_image_block_public_access_state_finish (AmigoEc2      *self,
                                                      GAsyncResult  *result,
                                                      GError       **error)
{
  return finish_pointer (self, result, amigo_ec2_get_image_block_public_access_state_async, error);
}

/**
 * amigo_ec2_enable_image_block_public_access_async:
 * @self: an #AmigoEc2
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * EnableImageBlockPublicAccess with `block-new-sharing`: no image of the
 * account can be made public in this region (AWS may take up to 10
 * minutes to apply it).
 */
void
amigo_ec2_enable_image_block_public_access_async (AmigoEc2            *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data)
{
  AmigoEc2Query *q;

  g_return_if_fail (AMIGO_IS_EC2 (self));

  q = query_new ("EnableImageBlockPublicAccess");
  amigo_ec2_query_add_string (q, "ImageBlockPublicAccessState", AMIGO_IMAGE_BLOCK_PUBLIC_ACCESS_BLOCKED);
  op_run_simple (self, q, done_image_block_public_access_state, cancellable, callback,
                 user_data, amigo_ec2_enable_image_block_public_access_async);
}

/**
 * amigo_ec2_enable_image_block_public_access_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer full) (nullable): the state EC2 answered
 *   (`block-new-sharing`), or %NULL with @error set
 */
char *
amigo_ec2_enable_image_block_public_access_finish (AmigoEc2      *self,
                                                   GAsyncResult  *result,
                                                   GError       **error)
{
  return finish_pointer (self, result, amigo_ec2_enable_image_block_public_access_async, error);
}

/**
 * amigo_ec2_disable_image_block_public_access_async:
 * @self: an #AmigoEc2
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * DisableImageBlockPublicAccess: the account's images may be made public
 * again in this region.
 */
void
amigo_ec2_disable_image_block_public_access_async (AmigoEc2            *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data)
{
  g_return_if_fail (AMIGO_IS_EC2 (self));

  op_run_simple (self, query_new ("DisableImageBlockPublicAccess"),
                 done_image_block_public_access_state, cancellable, callback, user_data,
                 amigo_ec2_disable_image_block_public_access_async);
}

/**
 * amigo_ec2_disable_image_block_public_access_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer full) (nullable): the state EC2 answered
 *   (`unblocked`), or %NULL with @error set
 */
char *
amigo_ec2_disable_image_block_public_access_finish (AmigoEc2      *self,
                                                    GAsyncResult  *result,
                                                    GError       **error)
{
  return finish_pointer (self, result, amigo_ec2_disable_image_block_public_access_async, error);
}

/* ---- RunInstances ----------------------------------------------------- */

/**
 * amigo_ec2_run_instances_async:
 * @self: an #AmigoEc2
 * @request: what to launch
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when EC2 has accepted (or refused) the launch
 * @user_data: data for @callback
 *
 * RunInstances. The instances start `pending`. Idempotent through the
 * request's `client_token`: the same token with the same parameters
 * answers the instances launched the first time. User data over 16 KiB
 * fails at once with %AMIGO_AWS_ERROR_INVALID_ARGUMENT.
 */
void
amigo_ec2_run_instances_async (AmigoEc2                       *self,
                               const AmigoRunInstancesRequest *request,
                               GCancellable                   *cancellable,
                               GAsyncReadyCallback             callback,
                               gpointer                        user_data)
{
  g_autofree char *token = NULL;
  guint min_count;
  guint max_count;
  AmigoEc2Query *q;

  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (request != NULL);
  g_return_if_fail (request->image_id != NULL);

  if (request->user_data != NULL && strlen (request->user_data) > USER_DATA_MAX)
    {
      g_task_report_new_error (self, callback, user_data, amigo_ec2_run_instances_async,
                               AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                               _("The user data is %zu bytes long; EC2 takes at most 16 KiB. "
                                 "Shorten it, or have it download the rest."),
                               strlen (request->user_data));
      return;
    }

  min_count = MAX (request->min_count, 1);
  max_count = MAX (request->max_count, min_count);
  token = request->client_token != NULL ? g_strdup (request->client_token)
                                        : amigo_client_token_new ();

  q = query_new ("RunInstances");
  amigo_ec2_query_add_string (q, "ImageId", request->image_id);
  amigo_ec2_query_add_string (q, "InstanceType", request->instance_type);
  amigo_ec2_query_add_int (q, "MinCount", min_count);
  amigo_ec2_query_add_int (q, "MaxCount", max_count);
  amigo_ec2_query_add_string (q, "KeyName", request->key_name);

  if (request->public_ip == AMIGO_PUBLIC_IP_SUBNET_DEFAULT)
    {
      amigo_ec2_query_add_list (q, "SecurityGroupId", request->security_group_ids);
      amigo_ec2_query_add_string (q, "SubnetId", request->subnet_id);
    }
  else
    {
      /* The public address is a property of the network interface, which
       * then carries the subnet and groups: EC2 refuses them twice. */
      amigo_ec2_query_push_item (q, "NetworkInterface");
      amigo_ec2_query_add_int (q, "DeviceIndex", 0);
      amigo_ec2_query_add_boolean (q, "AssociatePublicIpAddress",
                                   request->public_ip == AMIGO_PUBLIC_IP_ASSIGN);
      amigo_ec2_query_add_boolean (q, "DeleteOnTermination", TRUE);
      amigo_ec2_query_add_string (q, "SubnetId", request->subnet_id);
      amigo_ec2_query_add_list (q, "SecurityGroupId", request->security_group_ids);
      amigo_ec2_query_pop (q);
    }

  if (request->user_data != NULL)
    amigo_ec2_query_add_blob (q, "UserData", (const guint8 *) request->user_data,
                              strlen (request->user_data));
  add_block_device_mappings (q, request->block_device_mappings, request->n_block_device_mappings);
  add_tag_specification (q, "instance", request->instance_tags, request->n_instance_tags);
  add_tag_specification (q, "volume", request->volume_tags, request->n_volume_tags);

  if (request->http_tokens != NULL || request->http_endpoint != NULL ||
      request->http_put_response_hop_limit > 0 || request->instance_metadata_tags != NULL)
    {
      amigo_ec2_query_push (q, "MetadataOptions");
      amigo_ec2_query_add_string (q, "HttpTokens", request->http_tokens);
      amigo_ec2_query_add_string (q, "HttpEndpoint", request->http_endpoint);
      add_positive (q, "HttpPutResponseHopLimit", request->http_put_response_hop_limit);
      amigo_ec2_query_add_string (q, "InstanceMetadataTags", request->instance_metadata_tags);
      amigo_ec2_query_pop (q);
    }

  if (request->iam_instance_profile != NULL)
    {
      amigo_ec2_query_push (q, "IamInstanceProfile");
      amigo_ec2_query_add_string (q, g_str_has_prefix (request->iam_instance_profile, "arn:")
                                     ? "Arn" : "Name",
                                  request->iam_instance_profile);
      amigo_ec2_query_pop (q);
    }

  amigo_ec2_query_add_string (q, "ClientToken", token);

  op_run (op_new (self, q, PARSER_RUN_INSTANCES, done_run_instances, cancellable, callback,
                  user_data, amigo_ec2_run_instances_async));
}

/**
 * amigo_ec2_run_instances_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer container) (element-type AmigoInstance) (nullable):
 *   the instances launched, or %NULL with @error set
 */
GPtrArray *
amigo_ec2_run_instances_finish (AmigoEc2      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return finish_pointer_array (self, result, amigo_ec2_run_instances_async, error);
}

/* ---- The simple Describe operations ----------------------------------- */

/* @ids_key: the list the request's ids go to; @page_size: 0 when the
 * operation does not page. MaxResults is not sent with ids: EC2 refuses
 * the two together for instances and snapshots. */
static void
describe_list_async (AmigoEc2                  *self,
                     const char                *action,
                     ParserKind                 parser_kind,
                     const char                *ids_key,
                     guint                      page_size,
                     const AmigoEc2ListRequest *request,
                     GCancellable              *cancellable,
                     GAsyncReadyCallback        callback,
                     gpointer                   user_data,
                     gpointer                   source_tag)
{
  AmigoEc2Query *q;
  gboolean has_ids = request != NULL && !strv_is_empty (request->ids);

  g_return_if_fail (AMIGO_IS_EC2 (self));

  q = query_new (action);
  if (request != NULL)
    {
      amigo_ec2_query_add_list (q, ids_key, request->ids);
      add_filters (q, request->filters, request->n_filters);
    }
  if (page_size > 0 && !has_ids)
    amigo_ec2_query_add_int (q, "MaxResults",
                             page_size_or (request != NULL ? request->page_size : 0, page_size));
  op_run (op_new (self, q, parser_kind, done_list, cancellable, callback, user_data, source_tag));
}

/**
 * amigo_ec2_describe_instances_async:
 * @self: an #AmigoEc2
 * @request: (nullable): `ids` are instance ids (`InstanceId.N`); filters
 *   such as `instance-state-name`, `image-id`, `client-token`, `tag:Name`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has been read
 * @user_data: data for @callback
 *
 * DescribeInstances, every page.
 */
void
amigo_ec2_describe_instances_async (AmigoEc2                  *self,
                                    const AmigoEc2ListRequest *request,
                                    GCancellable              *cancellable,
                                    GAsyncReadyCallback        callback,
                                    gpointer                   user_data)
{
  describe_list_async (self, "DescribeInstances", PARSER_INSTANCES, "InstanceId",
                       DEFAULT_PAGE_SIZE, request, cancellable, callback, user_data,
                       amigo_ec2_describe_instances_async);
}

/**
 * amigo_ec2_describe_instances_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer container) (element-type AmigoInstance) (nullable):
 *   the instances of every reservation, or %NULL with @error set
 */
GPtrArray *
amigo_ec2_describe_instances_finish (AmigoEc2      *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return finish_pointer_array (self, result, amigo_ec2_describe_instances_async, error);
}

/**
 * amigo_ec2_describe_snapshots_async:
 * @self: an #AmigoEc2
 * @request: which snapshots (see #AmigoDescribeSnapshotsRequest)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has been read
 * @user_data: data for @callback
 *
 * DescribeSnapshots, every page: state, progress, size, tags…
 */
void
amigo_ec2_describe_snapshots_async (AmigoEc2                            *self,
                                    const AmigoDescribeSnapshotsRequest *request,
                                    GCancellable                        *cancellable,
                                    GAsyncReadyCallback                  callback,
                                    gpointer                             user_data)
{
  AmigoEc2Query *q;

  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (request != NULL);

  q = query_new ("DescribeSnapshots");
  amigo_ec2_query_add_list (q, "Owner", request->owners);
  amigo_ec2_query_add_list (q, "SnapshotId", request->snapshot_ids);
  add_filters (q, request->filters, request->n_filters);
  if (strv_is_empty (request->snapshot_ids))
    amigo_ec2_query_add_int (q, "MaxResults", page_size_or (request->page_size, DEFAULT_PAGE_SIZE));
  op_run (op_new (self, q, PARSER_SNAPSHOTS, done_list, cancellable, callback, user_data,
                  amigo_ec2_describe_snapshots_async));
}

/**
 * amigo_ec2_describe_snapshots_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer container) (element-type AmigoSnapshot) (nullable):
 *   the snapshots, or %NULL with @error set
 */
GPtrArray *
amigo_ec2_describe_snapshots_finish (AmigoEc2      *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return finish_pointer_array (self, result, amigo_ec2_describe_snapshots_async, error);
}

/**
 * amigo_ec2_describe_key_pairs_async:
 * @self: an #AmigoEc2
 * @request: (nullable): `ids` are key names (`KeyName.N`); no paging
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * DescribeKeyPairs: the key pairs a launch can use.
 */
void
amigo_ec2_describe_key_pairs_async (AmigoEc2                  *self,
                                    const AmigoEc2ListRequest *request,
                                    GCancellable              *cancellable,
                                    GAsyncReadyCallback        callback,
                                    gpointer                   user_data)
{
  describe_list_async (self, "DescribeKeyPairs", PARSER_KEY_PAIRS, "KeyName", 0, request,
                       cancellable, callback, user_data, amigo_ec2_describe_key_pairs_async);
}

/**
 * amigo_ec2_describe_key_pairs_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer container) (element-type AmigoKeyPair) (nullable):
 *   the key pairs, or %NULL with @error set
 */
GPtrArray *
amigo_ec2_describe_key_pairs_finish (AmigoEc2      *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return finish_pointer_array (self, result, amigo_ec2_describe_key_pairs_async, error);
}

/**
 * amigo_ec2_describe_security_groups_async:
 * @self: an #AmigoEc2
 * @request: (nullable): `ids` are group ids (`GroupId.N`); filters such as
 *   `vpc-id`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has been read
 * @user_data: data for @callback
 *
 * DescribeSecurityGroups, every page.
 */
void
amigo_ec2_describe_security_groups_async (AmigoEc2                  *self,
                                          const AmigoEc2ListRequest *request,
                                          GCancellable              *cancellable,
                                          GAsyncReadyCallback        callback,
                                          gpointer                   user_data)
{
  describe_list_async (self, "DescribeSecurityGroups", PARSER_SECURITY_GROUPS, "GroupId",
                       DEFAULT_PAGE_SIZE, request, cancellable, callback, user_data,
                       amigo_ec2_describe_security_groups_async);
}

/**
 * amigo_ec2_describe_security_groups_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer container) (element-type AmigoSecurityGroup) (nullable):
 *   the groups, or %NULL with @error set
 */
GPtrArray *
amigo_ec2_describe_security_groups_finish (AmigoEc2      *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return finish_pointer_array (self, result, amigo_ec2_describe_security_groups_async, error);
}

/**
 * amigo_ec2_describe_subnets_async:
 * @self: an #AmigoEc2
 * @request: (nullable): `ids` are subnet ids (`SubnetId.N`); filters such
 *   as `vpc-id`, `default-for-az`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has been read
 * @user_data: data for @callback
 *
 * DescribeSubnets, every page.
 */
void
amigo_ec2_describe_subnets_async (AmigoEc2                  *self,
                                  const AmigoEc2ListRequest *request,
                                  GCancellable              *cancellable,
                                  GAsyncReadyCallback        callback,
                                  gpointer                   user_data)
{
  describe_list_async (self, "DescribeSubnets", PARSER_SUBNETS, "SubnetId", DEFAULT_PAGE_SIZE,
                       request, cancellable, callback, user_data,
                       amigo_ec2_describe_subnets_async);
}

/**
 * amigo_ec2_describe_subnets_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer container) (element-type AmigoSubnet) (nullable): the
 *   subnets, or %NULL with @error set
 */
GPtrArray *
amigo_ec2_describe_subnets_finish (AmigoEc2      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return finish_pointer_array (self, result, amigo_ec2_describe_subnets_async, error);
}

/**
 * amigo_ec2_describe_vpcs_async:
 * @self: an #AmigoEc2
 * @request: (nullable): `ids` are VPC ids (`VpcId.N`); filters such as
 *   `is-default`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has been read
 * @user_data: data for @callback
 *
 * DescribeVpcs, every page.
 */
void
amigo_ec2_describe_vpcs_async (AmigoEc2                  *self,
                               const AmigoEc2ListRequest *request,
                               GCancellable              *cancellable,
                               GAsyncReadyCallback        callback,
                               gpointer                   user_data)
{
  describe_list_async (self, "DescribeVpcs", PARSER_VPCS, "VpcId", DEFAULT_PAGE_SIZE, request,
                       cancellable, callback, user_data, amigo_ec2_describe_vpcs_async);
}

/**
 * amigo_ec2_describe_vpcs_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer container) (element-type AmigoVpc) (nullable): the
 *   VPCs, or %NULL with @error set
 */
GPtrArray *
amigo_ec2_describe_vpcs_finish (AmigoEc2      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return finish_pointer_array (self, result, amigo_ec2_describe_vpcs_async, error);
}

/**
 * amigo_ec2_describe_volumes_async:
 * @self: an #AmigoEc2
 * @request: (nullable): `ids` are volume ids (`VolumeId.N`); filters such
 *   as `attachment.instance-id`, `status`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has been read
 * @user_data: data for @callback
 *
 * DescribeVolumes, every page: size, type and snapshot of EBS volumes
 * (what an image made of an instance starts from).
 */
void
amigo_ec2_describe_volumes_async (AmigoEc2                  *self,
                                  const AmigoEc2ListRequest *request,
                                  GCancellable              *cancellable,
                                  GAsyncReadyCallback        callback,
                                  gpointer                   user_data)
{
  describe_list_async (self, "DescribeVolumes", PARSER_VOLUMES, "VolumeId", VOLUMES_PAGE_SIZE,
                       request, cancellable, callback, user_data,
                       amigo_ec2_describe_volumes_async);
}

/**
 * amigo_ec2_describe_volumes_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer container) (element-type AmigoVolume) (nullable):
 *   the volumes, or %NULL with @error set
 */
GPtrArray *
amigo_ec2_describe_volumes_finish (AmigoEc2      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return finish_pointer_array (self, result, amigo_ec2_describe_volumes_async, error);
}

/**
 * amigo_ec2_describe_instance_types_async:
 * @self: an #AmigoEc2
 * @request: (nullable): `ids` are type names (`InstanceType.N`); filters
 *   such as `processor-info.supported-architecture`,
 *   `current-generation`; pages of at most 100
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has been read
 * @user_data: data for @callback
 *
 * DescribeInstanceTypes, every page: what each type offers the region.
 * amigo_instance_type_can_run_image() tells which can run an image.
 */
void
amigo_ec2_describe_instance_types_async (AmigoEc2                  *self,
                                         const AmigoEc2ListRequest *request,
                                         GCancellable              *cancellable,
                                         GAsyncReadyCallback        callback,
                                         gpointer                   user_data)
{
  describe_list_async (self, "DescribeInstanceTypes", PARSER_INSTANCE_TYPES, "InstanceType",
                       INSTANCE_TYPES_PAGE_SIZE, request, cancellable, callback, user_data,
                       amigo_ec2_describe_instance_types_async);
}

/**
 * amigo_ec2_describe_instance_types_finish:
 * @self: an #AmigoEc2
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer container) (element-type AmigoInstanceType) (nullable):
 *   the instance types, or %NULL with @error set
 */
GPtrArray *
amigo_ec2_describe_instance_types_finish (AmigoEc2      *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return finish_pointer_array (self, result, amigo_ec2_describe_instance_types_async, error);
}

/* ---- Which instance types can run an image ---------------------------- */

/* Whether @list holds @value; an empty list (AWS said nothing) holds anything. */
static gboolean
list_allows (const char * const *list,
             const char         *value)
{
  if (list == NULL || list[0] == NULL || value == NULL)
    return TRUE;
  return g_strv_contains (list, value);
}

/**
 * amigo_instance_type_can_run_image:
 * @instance_type: an instance type of the image's region
 * @image: an image
 *
 * Whether an instance of @instance_type can boot @image, as far as their
 * descriptions tell: the image's architecture is one the processor
 * supports; its virtualization type (`hvm`, `paravirtual`) and root device
 * (`ebs`, `instance-store`, which also needs instance storage) are
 * supported; its boot mode is (`uefi-preferred` runs everywhere); NitroTPM
 * images need NitroTPM. What either description leaves out (or an
 * unknown root device type) does not rule the pair out.
 *
 * Returns: %TRUE if the type can run the image
 */
gboolean
amigo_instance_type_can_run_image (AmigoInstanceType *instance_type,
                                   AmigoImage        *image)
{
  const char *root_device_type;
  const char *boot_mode;
  const char *tpm_support;

  g_return_val_if_fail (AMIGO_IS_INSTANCE_TYPE (instance_type), FALSE);
  g_return_val_if_fail (AMIGO_IS_IMAGE (image), FALSE);

  if (!list_allows (amigo_instance_type_get_supported_architectures (instance_type),
                    amigo_image_get_architecture (image)))
    return FALSE;

  if (!list_allows (amigo_instance_type_get_supported_virtualization_types (instance_type),
                    amigo_image_get_virtualization_type (image)))
    return FALSE;

  /* Only the two documented root device types are checked (moto, for one,
   * writes the volume type there for the images it creates). */
  root_device_type = amigo_image_get_root_device_type (image);
  if ((g_strcmp0 (root_device_type, "ebs") == 0 ||
       g_strcmp0 (root_device_type, "instance-store") == 0) &&
      !list_allows (amigo_instance_type_get_supported_root_device_types (instance_type),
                    root_device_type))
    return FALSE;
  if (g_strcmp0 (root_device_type, "instance-store") == 0 &&
      amigo_model_has_value (instance_type, "instance-storage-supported") &&
      !amigo_instance_type_get_instance_storage_supported (instance_type))
    return FALSE;

  boot_mode = amigo_image_get_boot_mode (image);
  if (boot_mode != NULL && strcmp (boot_mode, "uefi-preferred") != 0 &&
      !list_allows (amigo_instance_type_get_supported_boot_modes (instance_type), boot_mode))
    return FALSE;

  tpm_support = amigo_image_get_tpm_support (image);
  if (tpm_support != NULL && *tpm_support != '\0' &&
      amigo_instance_type_get_nitro_tpm_support (instance_type) != NULL &&
      g_strcmp0 (amigo_instance_type_get_nitro_tpm_support (instance_type), "supported") != 0)
    return FALSE;

  return TRUE;
}
