/* amigo-ec2-images.c — EC2 images: browsing them, making them, removing them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DescribeImages hands out images while the answer downloads, and
 * remembers how many images of the current page it has already handed
 * out, to skip them when the page is retried. CreateImage and
 * RegisterImage have no idempotency token: a retried call that meets
 * `InvalidAMIName.Duplicate` finds what the earlier attempt made by name.
 * The images' other settings are in amigo-ec2-image-settings.c.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "amigo-ec2-private.h"
#include "amigo-error.h"

/* A retried CreateImage finds the image an earlier attempt made: it cannot
 * be older than the call (the client's attempts and backoff take a few
 * minutes at most; the margin also covers clocks that disagree). */
#define RECOVERY_WINDOW_USEC ((gint64) 15 * 60 * G_USEC_PER_SEC)

/* ---- DescribeImages --------------------------------------------------- */

typedef struct {
  AmigoEc2ListOp list;
  GCancellable *cancellable;    /* the task's */
  AmigoEc2ImagesFunc batch_func;
  gpointer batch_data;
  GDestroyNotify batch_data_destroy;
  guint page;                   /* the page the two counts below are of */
  guint page_seen;              /* images of this page parsed in this attempt */
  guint page_delivered;         /* images of this page handed out so far */
  guint n_images;
} ImagesOp;

static void
images_op_free (gpointer data)
{
  ImagesOp *op = data;

  _amigo_ec2_list_op_clear (&op->list);
  if (op->batch_data_destroy != NULL)
    op->batch_data_destroy (op->batch_data);
  g_free (op);
}

/* The parser's batches, without what an earlier attempt at this page
 * already handed out: a retried page comes again from its start. */
static void
images_batch_cb (GPtrArray *batch,
                 gpointer   user_data)
{
  ImagesOp *op = user_data;
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
    g_ptr_array_extend_and_steal (op->list.items, g_steal_pointer (&fresh));
}

static AmigoEc2Parser *
images_new_parser (GTask *task)
{
  ImagesOp *op = g_task_get_task_data (task);

  op->page_seen = 0;
  if (op->page != op->list.n_pages)
    {
      op->page = op->list.n_pages;
      op->page_delivered = 0;
    }
  return amigo_ec2_parser_new_describe_images (images_batch_cb, op);
}

static const AmigoEc2OpShape images_shape = { images_new_parser, _amigo_ec2_list_done, NULL };

static AmigoEc2Query *
describe_images_query (const AmigoDescribeImagesRequest *request)
{
  AmigoEc2Query *q = _amigo_ec2_query_new ("DescribeImages");

  if (request == NULL)
    {
      amigo_ec2_query_add_int (q, "MaxResults", AMIGO_EC2_DEFAULT_PAGE_SIZE);
      return q;
    }

  amigo_ec2_query_add_list (q, "Owner", request->owners);
  amigo_ec2_query_add_list (q, "ExecutableBy", request->executable_by);
  amigo_ec2_query_add_list (q, "ImageId", request->image_ids);
  _amigo_ec2_add_filters (q, request->filters, request->n_filters);
  if (request->include_deprecated)
    amigo_ec2_query_add_boolean (q, "IncludeDeprecated", TRUE);
  if (request->include_disabled)
    amigo_ec2_query_add_boolean (q, "IncludeDisabled", TRUE);
  /* Named images come in one answer; EC2 refuses MaxResults with the ids
   * of some other resources, so it is not sent with them. */
  if (_amigo_ec2_strv_is_empty (request->image_ids))
    amigo_ec2_query_add_int (q, "MaxResults", _amigo_ec2_page_size_or (request->page_size, AMIGO_EC2_DEFAULT_PAGE_SIZE));
  return q;
}

/**
 * amigo_ec2_describe_images_batched_async:
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
 * out stay valid but the list is incomplete. Finish with
 * amigo_ec2_describe_images_finish().
 */
void
amigo_ec2_describe_images_batched_async (AmigoEc2                         *self,
                                         const AmigoDescribeImagesRequest *request,
                                         AmigoEc2ImagesFunc                batch_func,
                                         gpointer                          batch_data,
                                         GDestroyNotify                    batch_data_destroy,
                                         GCancellable                     *cancellable,
                                         GAsyncReadyCallback               callback,
                                         gpointer                          user_data)
{
  GTask *task;
  ImagesOp *op;

  g_return_if_fail (AMIGO_IS_EC2 (self));

  task = _amigo_ec2_task_new (self, "DescribeImages", cancellable, callback, user_data,
                              amigo_ec2_describe_images_async);
  op = g_new0 (ImagesOp, 1);
  _amigo_ec2_list_op_init (&op->list, describe_images_query (request), &images_shape);
  op->cancellable = cancellable;
  op->batch_func = batch_func;
  op->batch_data = batch_data;
  op->batch_data_destroy = batch_data_destroy;
  g_task_set_task_data (task, op, images_op_free);
  _amigo_ec2_send (task, op->list.query, &images_shape);
}

/**
 * amigo_ec2_describe_images_async:
 * @self: an #AmigoEc2
 * @request: (nullable): which images; %NULL for every image you may launch
 *   (a very long list: give owners or filters)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has been read, or on failure
 * @user_data: data for @callback
 *
 * DescribeImages, every page, the images all given by
 * amigo_ec2_describe_images_finish(); see
 * amigo_ec2_describe_images_batched_async() to have them as they arrive.
 */
void
amigo_ec2_describe_images_async (AmigoEc2                         *self,
                                 const AmigoDescribeImagesRequest *request,
                                 GCancellable                     *cancellable,
                                 GAsyncReadyCallback               callback,
                                 gpointer                          user_data)
{
  amigo_ec2_describe_images_batched_async (self, request, NULL, NULL, NULL, cancellable, callback,
                                           user_data);
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
  ImagesOp *op;

  if (!_amigo_ec2_check_result (self, result, amigo_ec2_describe_images_async))
    return NULL;

  op = g_task_get_task_data (G_TASK (result));
  if (n_images != NULL)
    *n_images = op->n_images;
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- Finding one of your images by name ------------------------------- */

static void
find_own_image_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  const char *name = g_task_get_task_data (task);
  g_autoptr(GPtrArray) images = NULL;
  GError *error = NULL;

  images = amigo_ec2_describe_images_finish (AMIGO_EC2 (source), result, NULL, &error);
  if (images == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* The filter matches wildcards; the names compared are exact. */
  for (guint i = 0; i < images->len; i++)
    {
      AmigoImage *image = g_ptr_array_index (images, i);

      if (g_strcmp0 (amigo_image_get_name (image), name) == 0)
        {
          g_task_return_pointer (task, g_object_ref (image), g_object_unref);
          return;
        }
    }
  g_task_return_pointer (task, NULL, NULL);
}

/**
 * amigo_ec2_find_own_image_by_name_async:
 * @self: an #AmigoEc2
 * @name: the exact name
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Looks up the image of yours (`Owner=self`) in the region named @name,
 * deprecated and disabled ones included: a name is unique among them, and
 * CreateImage, RegisterImage and CopyImage refuse one already taken
 * (`InvalidAMIName.Duplicate`).
 */
void
amigo_ec2_find_own_image_by_name_async (AmigoEc2            *self,
                                        const char          *name,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  static const char * const self_owner[] = { "self", NULL };
  const char *names[] = { name, NULL };
  AmigoEc2Filter filter = { "name", names };
  AmigoDescribeImagesRequest request = {
    .owners = self_owner,
    .filters = &filter,
    .n_filters = 1,
    /* A deprecated or disabled image keeps its name too. */
    .include_deprecated = TRUE,
    .include_disabled = TRUE,
  };
  GTask *task;

  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (name != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_ec2_find_own_image_by_name_async);
  g_task_set_task_data (task, g_strdup (name), g_free);
  amigo_ec2_describe_images_async (self, &request, cancellable, find_own_image_cb, task);
}

/**
 * amigo_ec2_find_own_image_by_name_finish:
 *
 * Returns: (transfer full) (nullable): the image, or %NULL: with @error
 *   unset when none of yours has that name
 */
AMIGO_EC2_DEFINE_FINISH_POINTER (AmigoImage *, find_own_image_by_name)

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

static AmigoEc2Parser *
image_attribute_new_parser (GTask *task)
{
  return amigo_ec2_parser_new_describe_image_attribute ();
}

static void
image_attribute_done (GTask          *task,
                      AmigoEc2Parser *parser)
{
  AmigoImageAttribute *attribute = amigo_ec2_parser_get_image_attribute (parser);

  g_task_return_pointer (task, g_object_ref (attribute), g_object_unref);
}

static const AmigoEc2OpShape image_attribute_shape = {
  image_attribute_new_parser, image_attribute_done, NULL
};

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
AMIGO_EC2_DEFINE_ID_VALUE_OP (describe_image_attribute, AmigoImageAttributeName,
                              amigo_image_attribute_name_to_string,
                              "DescribeImageAttribute", "ImageId", "Attribute", &image_attribute_shape)

/**
 * amigo_ec2_describe_image_attribute_finish:
 *
 * Returns: (transfer full) (nullable): the attribute (only the one asked
 *   for is set), or %NULL with @error set
 */
AMIGO_EC2_DEFINE_FINISH_POINTER (AmigoImageAttribute *, describe_image_attribute)

/* ---- CreateImage, RegisterImage: recovering a retried call ------------ */

typedef struct {
  char *name;
  char *instance_id;            /* CreateImage's */
  gint64 started_usec;          /* server time */
  gboolean already_created;
  GError *duplicate_error;
} ImageCreationOp;

static void
image_creation_op_free (gpointer data)
{
  ImageCreationOp *op = data;

  g_free (op->name);
  g_free (op->instance_id);
  g_clear_error (&op->duplicate_error);
  g_free (op);
}

static gboolean
image_is_ours (ImageCreationOp *op,
               AmigoImage      *image)
{
  const char *source_instance_id = amigo_image_get_source_instance_id (image);
  gint64 created = amigo_image_get_creation_date_usec (image);

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
  ImageCreationOp *op = g_task_get_task_data (task);
  g_autoptr(AmigoImage) image = NULL;
  g_autoptr(GError) error = NULL;

  image = amigo_ec2_find_own_image_by_name_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (error != NULL)
    g_debug ("%s: looking up the image named like the duplicate failed: %s",
             g_task_get_name (task), error->message);
  if (image == NULL || !image_is_ours (op, image))
    {
      g_task_return_error (task, g_steal_pointer (&op->duplicate_error));
      return;
    }

  g_debug ("%s: a retried attempt met %s; the earlier attempt made %s",
           g_task_get_name (task), "InvalidAMIName.Duplicate", amigo_image_get_image_id (image));
  op->already_created = TRUE;
  g_task_return_pointer (task, g_strdup (amigo_image_get_image_id (image)), g_free);
}

/* CreateImage and RegisterImage carry no ClientToken: an attempt that
 * timed out may still have made the image, and its retry then meets
 * InvalidAMIName.Duplicate. Only after a retry is the duplicate looked up:
 * on a first attempt the name is really taken and the person must know. */
static gboolean
image_creation_failed (GTask  *task,
                       GError *error,
                       guint   attempt)
{
  ImageCreationOp *op = g_task_get_task_data (task);
  AmigoEc2 *ec2 = g_task_get_source_object (task);

  if (!amigo_aws_error_has_aws_code (error, "InvalidAMIName.Duplicate"))
    return FALSE;
  if (attempt <= 1 && !_amigo_ec2_get_pretend_retry (ec2))
    return FALSE;

  op->duplicate_error = error;
  amigo_ec2_find_own_image_by_name_async (ec2, op->name, g_task_get_cancellable (task),
                                          recover_lookup_cb, g_object_ref (task));
  return TRUE;
}

static const AmigoEc2OpShape image_creation_shape = {
  NULL, _amigo_ec2_done_image_id, image_creation_failed
};

/* Sends CreateImage or RegisterImage (@q, taken) for the image @name, made
 * from @instance_id (%NULL for RegisterImage), with the duplicate recovery
 * of image_creation_failed(). */
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
  g_autoptr(AmigoEc2Query) query = q;
  GTask *task = _amigo_ec2_task_new (self, amigo_ec2_query_get_action (q), cancellable,
                                     callback, user_data, source_tag);
  ImageCreationOp *op = g_new0 (ImageCreationOp, 1);

  op->name = g_strdup (name);
  op->instance_id = g_strdup (instance_id);
  op->started_usec = g_get_real_time ()
                     + amigo_client_get_clock_offset (amigo_ec2_get_client (self)) * G_USEC_PER_SEC;
  g_task_set_task_data (task, op, image_creation_op_free);
  _amigo_ec2_send (task, query, &image_creation_shape);
}

static char *
finish_image_creation (AmigoEc2      *self,
                       GAsyncResult  *result,
                       gpointer       source_tag,
                       gboolean      *already_created,
                       GError       **error)
{
  char *image_id = _amigo_ec2_finish_pointer (self, result, source_tag, error);

  if (already_created != NULL)
    {
      ImageCreationOp *op = image_id != NULL ? g_task_get_task_data (G_TASK (result)) : NULL;

      *already_created = op != NULL && op->already_created;
    }
  return image_id;
}

/* A request that makes an image with a name that EC2 would refuse fails
 * at once; %FALSE (after a critical) when @self is no EC2 either. */
static gboolean
check_image_name (AmigoEc2            *self,
                  const char          *name,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data,
                  gpointer             source_tag)
{
  GError *error = NULL;

  g_return_val_if_fail (AMIGO_IS_EC2 (self), FALSE);

  if (amigo_ec2_validate_image_name (name, &error))
    return TRUE;
  g_task_report_error (self, callback, user_data, source_tag, error);
  return FALSE;
}

/* ---- CreateImage ------------------------------------------------------ */

/* The letter-and-number a device is known by: /dev/sdf, /dev/xvdf, sdf and
 * xvdf are one device to EC2 (Xen and Nitro drivers name it differently). */
static const char *
device_key (const char *device)
{
  if (g_str_has_prefix (device, "/dev/"))
    device += strlen ("/dev/");
  if (g_str_has_prefix (device, "xvd"))
    return device + 3;
  if (g_str_has_prefix (device, "sd") || g_str_has_prefix (device, "hd"))
    return device + 2;
  return device;
}

static gboolean
is_instance_device (const char * const *devices,
                    const char         *device)
{
  for (guint i = 0; devices != NULL && devices[i] != NULL; i++)
    if (g_strcmp0 (devices[i], device) == 0 ||
        g_strcmp0 (device_key (devices[i]), device_key (device)) == 0)
      return TRUE;
  return FALSE;
}

/**
 * amigo_ec2_check_create_image_mappings:
 * @request: a CreateImage request
 * @error: where the refusal goes (%AMIGO_AWS_ERROR_INVALID_ARGUMENT)
 *
 * The CreateImage reference, BlockDeviceMapping.N: “You can't change the
 * volume size using the VolumeSize parameter”, nor “the encryption status
 * of existing volumes or snapshots”; “The only option that can be changed
 * for existing mappings or snapshots is DeleteOnTermination.” A mapping
 * for one of @request's `instance_devices` may therefore only set
 * `DeleteOnTermination` or `NoDevice` (leave the volume out); a size, type,
 * IOPS, throughput, snapshot, KMS key or encryption for it is refused here,
 * before anything is sent. Volumes on other devices are new and free.
 *
 * Returns: %TRUE if EC2 can take the mappings as they are
 */
gboolean
amigo_ec2_check_create_image_mappings (const AmigoCreateImageRequest  *request,
                                       GError                        **error)
{
  g_return_val_if_fail (request != NULL, FALSE);

  for (guint i = 0; request->block_device_mappings != NULL && i < request->n_block_device_mappings; i++)
    {
      const AmigoBlockDeviceMapping *m = &request->block_device_mappings[i];
      const AmigoEbsBlockDevice *ebs = &m->ebs;

      if (m->device_name == NULL || m->no_device != NULL ||
          !is_instance_device (request->instance_devices, m->device_name))
        continue;
      if (m->virtual_name != NULL ||
          (m->has_ebs && (ebs->volume_size >= 0 || ebs->volume_type != NULL || ebs->iops >= 0 ||
                          ebs->throughput >= 0 || ebs->snapshot_id != NULL || ebs->kms_key_id != NULL ||
                          ebs->encrypted != AMIGO_TRISTATE_UNSET)))
        {
          g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                       /* Translators: %s is a device name such as /dev/xvda */
                       _("The volume on %s is the instance’s own: an image takes it as it is, "
                         "and only whether it is deleted on termination can change. "
                         "To change its size or type, modify the volume on the instance first."),
                       m->device_name);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * amigo_ec2_create_image_async:
 * @self: an #AmigoEc2
 * @request: the image to make
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when EC2 has accepted (or refused) the request
 * @user_data: data for @callback
 *
 * CreateImage: an EBS-backed image of an instance. The image starts
 * `pending`; poll DescribeImages until it is `available`. An invalid name,
 * or a change EC2 refuses to one of the instance's volumes (see
 * amigo_ec2_check_create_image_mappings()), fails at once with
 * %AMIGO_AWS_ERROR_INVALID_ARGUMENT.
 */
void
amigo_ec2_create_image_async (AmigoEc2                      *self,
                              const AmigoCreateImageRequest *request,
                              GCancellable                  *cancellable,
                              GAsyncReadyCallback            callback,
                              gpointer                       user_data)
{
  AmigoEc2Query *q;
  GError *error = NULL;

  g_return_if_fail (request != NULL);
  g_return_if_fail (request->instance_id != NULL);

  if (!check_image_name (self, request->name, callback, user_data, amigo_ec2_create_image_async))
    return;
  if (!amigo_ec2_check_create_image_mappings (request, &error))
    {
      g_task_report_error (self, callback, user_data, amigo_ec2_create_image_async, error);
      return;
    }

  q = _amigo_ec2_query_new ("CreateImage");
  amigo_ec2_query_add_string (q, "InstanceId", request->instance_id);
  amigo_ec2_query_add_string (q, "Name", request->name);
  amigo_ec2_query_add_string (q, "Description", request->description);
  if (request->no_reboot)
    amigo_ec2_query_add_boolean (q, "NoReboot", TRUE);
  _amigo_ec2_add_block_device_mappings (q, request->block_device_mappings,
                                        request->n_block_device_mappings);
  _amigo_ec2_add_tag_specification (q, "image", request->image_tags, request->n_image_tags);
  _amigo_ec2_add_tag_specification (q, "snapshot", request->snapshot_tags, request->n_snapshot_tags);

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
  return finish_image_creation (self, result, amigo_ec2_create_image_async, already_created, error);
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
  AmigoEc2Query *q;

  g_return_if_fail (request != NULL);
  g_return_if_fail (request->root_snapshot_id == NULL || request->root_device_name != NULL);

  if (!check_image_name (self, request->name, callback, user_data, amigo_ec2_register_image_async))
    return;

  q = _amigo_ec2_query_new ("RegisterImage");
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
      _amigo_ec2_add_positive (q, "VolumeSize", request->root_volume_size);
      amigo_ec2_query_add_string (q, "VolumeType", request->root_volume_type);
      amigo_ec2_query_pop (q);
      amigo_ec2_query_pop (q);
    }
  _amigo_ec2_add_block_device_mappings (q, request->block_device_mappings,
                                        request->n_block_device_mappings);
  _amigo_ec2_add_tag_specification (q, "image", request->image_tags, request->n_image_tags);

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
  return finish_image_creation (self, result, amigo_ec2_register_image_async, already_created,
                                error);
}

/* ---- CopyImage -------------------------------------------------------- */

/* CopyImage's query, but its ClientToken. */
static AmigoEc2Query *
copy_image_query (const AmigoCopyImageRequest *request)
{
  AmigoEc2Query *q = _amigo_ec2_query_new ("CopyImage");

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
  _amigo_ec2_add_tag_specification (q, "image", request->image_tags, request->n_image_tags);
  _amigo_ec2_add_tag_specification (q, "snapshot", request->snapshot_tags, request->n_snapshot_tags);
  return q;
}

/**
 * amigo_ec2_copy_image_fingerprint:
 * @request: a copy
 *
 * What EC2 ties a `ClientToken` to: the request as it is sent, but the
 * token. For amigo_client_token_policy_get_token().
 *
 * Returns: (transfer full): the fingerprint
 */
char *
amigo_ec2_copy_image_fingerprint (const AmigoCopyImageRequest *request)
{
  g_return_val_if_fail (request != NULL, NULL);
  return _amigo_ec2_query_fingerprint (copy_image_query (request));
}

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
  AmigoEc2Query *q;

  g_return_if_fail (request != NULL);
  g_return_if_fail (request->source_region != NULL);
  g_return_if_fail (request->source_image_id != NULL);

  if (!check_image_name (self, request->name, callback, user_data, amigo_ec2_copy_image_async))
    return;

  q = copy_image_query (request);
  _amigo_ec2_add_client_token (q, request->client_token);
  _amigo_ec2_run (self, q, &_amigo_ec2_shape_image_id, cancellable, callback, user_data,
                  amigo_ec2_copy_image_async);
}

/**
 * amigo_ec2_copy_image_finish:
 *
 * Returns: (transfer full) (nullable): the copy's image id in the
 *   destination region, or %NULL with @error set
 */
AMIGO_EC2_DEFINE_FINISH_POINTER (char *, copy_image)

/* ---- DeregisterImage -------------------------------------------------- */

static AmigoEc2Parser *
deregister_new_parser (GTask *task)
{
  return amigo_ec2_parser_new_deregister_image ();
}

static void
deregister_done (GTask          *task,
                 AmigoEc2Parser *parser)
{
  const char *value = amigo_ec2_parser_get_value (parser, "return");

  if (value != NULL && !amigo_ec2_parser_get_return (parser))
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_FAILED,
                               _("EC2 (%s) answered that the image was not deregistered. Try again."),
                               amigo_ec2_get_region (g_task_get_source_object (task)));
      return;
    }
  g_task_return_pointer (task, amigo_ec2_parser_steal_snapshot_deletions (parser),
                         (GDestroyNotify) g_ptr_array_unref);
}

static const AmigoEc2OpShape deregister_shape = { deregister_new_parser, deregister_done, NULL };

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
AMIGO_EC2_DEFINE_ID_VALUE_OP (deregister_image, gboolean, AMIGO_EC2_FLAG,
                              "DeregisterImage", "ImageId", "DeleteAssociatedSnapshots", &deregister_shape)

/**
 * amigo_ec2_deregister_image_finish:
 *
 * Returns: (transfer container) (element-type AmigoSnapshotDeletion) (nullable):
 *   what happened to each snapshot (empty unless snapshots were to be
 *   deleted), or %NULL with @error set
 */
AMIGO_EC2_DEFINE_FINISH_POINTER (GPtrArray *, deregister_image)
