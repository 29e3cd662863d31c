/* amigo-ec2-image-lineage.c — an image's ancestry: GetImageAncestry first;
 * where that call is unknown to the endpoint or not allowed, Amigo's own
 * fallback follows each image's sourceImageId/sourceImageRegion with
 * DescribeImages, asking the source region's EC2 each time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amigo-ec2-image-cleanup.h"
#include "amigo-ec2-image-lineage.h"
#include "amigo-ec2-images.h"
#include "amigo-error.h"

typedef struct {
  char *image_id;        /* the image asked for */
  GPtrArray *chain;      /* AmigoImageAncestryEntry, from it to the root */
  AmigoEc2 *hop;         /* EC2 in the region of the next image */
  char *next_id;         /* the next image to describe */
} Trace;

static void
trace_free (gpointer data)
{
  Trace *trace = data;

  g_free (trace->image_id);
  g_clear_pointer (&trace->chain, g_ptr_array_unref);
  g_clear_object (&trace->hop);
  g_free (trace->next_id);
  g_free (trace);
}

/**
 * amigo_ec2_ancestry_unavailable:
 * @error: (nullable): a GetImageAncestry failure
 *
 * Returns: whether @error says the call itself is unavailable (unknown to
 *   the endpoint, unsupported there, or not allowed), so that the ancestry
 *   is to be followed hop by hop instead
 */
gboolean
amigo_ec2_ancestry_unavailable (const GError *error)
{
  return amigo_aws_error_has_aws_code (error, "InvalidAction")
         || amigo_aws_error_has_aws_code (error, "UnsupportedOperation")
         || amigo_aws_error_has_aws_code (error, "UnauthorizedOperation")
         || amigo_aws_error_has_aws_code (error, "AccessDenied");
}

/* EC2 in @region at the endpoint @ec2 uses: a custom endpoint (a local
 * server) serves every region; a standard one names its region. */
static AmigoEc2 *
ec2_in_region (AmigoEc2   *ec2,
               const char *region)
{
  const char *endpoint = amigo_ec2_get_endpoint_url (ec2);
  const char *here = amigo_ec2_get_region (ec2);
  g_autofree char *other = NULL;

  if (g_strcmp0 (region, here) == 0)
    return g_object_ref (ec2);
  if (endpoint != NULL && strstr (endpoint, here) != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (endpoint, here, -1);

      other = g_strjoinv (region, parts);
      endpoint = other;
    }
  return amigo_ec2_new (amigo_ec2_get_client (ec2), region, endpoint);
}

static void describe_next (GTask *task);

static void
on_described_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Trace *trace = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) images = amigo_ec2_describe_images_finish (AMIGO_EC2 (source), result, NULL, &error);
  AmigoImage *image;
  AmigoImageAncestryEntry *entry;
  const char *source_id;
  const char *source_region;

  if (images == NULL)
    {
      /* A source gone (deregistered) ends the chain at the last entry,
       * which still names it, as GetImageAncestry's does */
      if (trace->chain->len > 0 && amigo_aws_error_has_aws_code (error, "InvalidAMIID.NotFound"))
        g_task_return_pointer (task, g_steal_pointer (&trace->chain), (GDestroyNotify) g_ptr_array_unref);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (images->len == 0)
    {
      if (trace->chain->len > 0)
        g_task_return_pointer (task, g_steal_pointer (&trace->chain), (GDestroyNotify) g_ptr_array_unref);
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s", trace->image_id);
      return;
    }

  image = g_ptr_array_index (images, 0);
  source_id = amigo_image_get_source_image_id (image);
  source_region = amigo_image_get_source_image_region (image);
  entry = g_object_new (AMIGO_TYPE_IMAGE_ANCESTRY_ENTRY,
                        "image-id", amigo_image_get_image_id (image),
                        "creation-date", amigo_image_get_creation_date (image),
                        "image-owner-alias", amigo_image_get_image_owner_alias (image),
                        "source-image-id", source_id,
                        "source-image-region", source_id != NULL ? source_region : NULL,
                        NULL);
  g_ptr_array_add (trace->chain, entry);

  if (source_id == NULL || *source_id == '\0' || trace->chain->len >= AMIGO_EC2_ANCESTRY_MAX_HOPS)
    {
      g_task_return_pointer (task, g_steal_pointer (&trace->chain), (GDestroyNotify) g_ptr_array_unref);
      return;
    }
  for (guint i = 0; i < trace->chain->len; i++)
    if (g_strcmp0 (amigo_image_ancestry_entry_get_image_id (g_ptr_array_index (trace->chain, i)), source_id) == 0)
      {
        /* A loop cannot happen on EC2; stop rather than go round */
        g_task_return_pointer (task, g_steal_pointer (&trace->chain), (GDestroyNotify) g_ptr_array_unref);
        return;
      }

  g_free (trace->next_id);
  trace->next_id = g_strdup (source_id);
  if (source_region != NULL && *source_region != '\0'
      && g_strcmp0 (source_region, amigo_ec2_get_region (trace->hop)) != 0)
    {
      AmigoEc2 *next = ec2_in_region (trace->hop, source_region);

      g_object_unref (trace->hop);
      trace->hop = next;
    }
  describe_next (g_steal_pointer (&task));
}

static void
describe_next (GTask *task)
{
  Trace *trace = g_task_get_task_data (task);
  const char *ids[] = { trace->next_id, NULL };
  AmigoDescribeImagesRequest request = {
    .image_ids = ids,
    .include_deprecated = TRUE,
    .include_disabled = TRUE,
  };

  amigo_ec2_describe_images_async (trace->hop, &request, g_task_get_cancellable (task),
                                   on_described_cb, task);
}

static void
on_ancestry_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Trace *trace = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GPtrArray *chain = amigo_ec2_get_image_ancestry_finish (AMIGO_EC2 (source), result, &error);

  if (chain != NULL)
    {
      g_task_return_pointer (task, chain, (GDestroyNotify) g_ptr_array_unref);
      return;
    }
  if (!amigo_ec2_ancestry_unavailable (error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  trace->chain = g_ptr_array_new_with_free_func (g_object_unref);
  trace->hop = g_object_ref (AMIGO_EC2 (source));
  trace->next_id = g_strdup (trace->image_id);
  describe_next (g_steal_pointer (&task));
}

/**
 * amigo_ec2_trace_image_ancestry_async:
 * @self: an #AmigoEc2
 * @image_id: an image of @self's region
 *
 * The chain of images @image_id was copied from, from it to the root:
 * GetImageAncestry's answer, or, where that call is unavailable
 * (amigo_ec2_ancestry_unavailable()), the same chain built from each
 * image's `sourceImageId` and `sourceImageRegion`, one DescribeImages in
 * the source's region per step. A source no longer there ends the chain
 * at the entry that names it.
 */
void
amigo_ec2_trace_image_ancestry_async (AmigoEc2            *self,
                                      const char          *image_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task;
  Trace *trace;

  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (image_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_ec2_trace_image_ancestry_async);
  trace = g_new0 (Trace, 1);
  trace->image_id = g_strdup (image_id);
  g_task_set_task_data (task, trace, trace_free);
  amigo_ec2_get_image_ancestry_async (self, image_id, cancellable, on_ancestry_cb, task);
}

/**
 * amigo_ec2_trace_image_ancestry_finish:
 *
 * Returns: (transfer container) (element-type AmigoImageAncestryEntry) (nullable):
 *   the chain, or %NULL with @error set
 */
GPtrArray *
amigo_ec2_trace_image_ancestry_finish (AmigoEc2      *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- the copies of an image, region by region --------------------------- */

/**
 * amigo_image_copy_free:
 * @copy: (transfer full) (nullable): a copy found
 */
void
amigo_image_copy_free (AmigoImageCopy *copy)
{
  if (copy == NULL)
    return;
  g_free (copy->region);
  g_clear_object (&copy->image);
  g_free (copy);
}

typedef struct {
  AmigoEc2 *ec2;
  char *image_id;
  GPtrArray *copies;     /* AmigoImageCopy */
  guint pending;
  guint n_failed;
  guint n_asked;
  GError *error;         /* the first failure */
} Copies;

static void
copies_free (gpointer data)
{
  Copies *copies = data;

  g_clear_object (&copies->ec2);
  g_free (copies->image_id);
  g_ptr_array_unref (copies->copies);
  g_clear_error (&copies->error);
  g_free (copies);
}

static int
compare_copies (gconstpointer a,
                gconstpointer b)
{
  const AmigoImageCopy *x = *(AmigoImageCopy **) a;
  const AmigoImageCopy *y = *(AmigoImageCopy **) b;
  int by_region = g_strcmp0 (x->region, y->region);

  return by_region != 0 ? by_region
                        : g_strcmp0 (amigo_image_get_image_id (x->image), amigo_image_get_image_id (y->image));
}

static void
copies_region_done (GTask *task)
{
  Copies *copies = g_task_get_task_data (task);

  if (--copies->pending > 0)
    return;
  if (g_task_return_error_if_cancelled (task))
    return;
  if (copies->n_asked > 0 && copies->n_failed == copies->n_asked && copies->error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&copies->error));
      return;
    }
  g_ptr_array_sort (copies->copies, compare_copies);
  g_task_return_pointer (task, g_ptr_array_ref (copies->copies), (GDestroyNotify) g_ptr_array_unref);
}

static void
on_copies_described_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Copies *copies = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) images = amigo_ec2_describe_images_finish (AMIGO_EC2 (source), result, NULL, &error);

  if (images == NULL)
    {
      copies->n_failed++;
      if (copies->error == NULL)
        copies->error = g_steal_pointer (&error);
    }
  for (guint i = 0; images != NULL && i < images->len; i++)
    {
      AmigoImageCopy *copy = g_new0 (AmigoImageCopy, 1);

      copy->region = g_strdup (amigo_ec2_get_region (AMIGO_EC2 (source)));
      copy->image = g_object_ref (g_ptr_array_index (images, i));
      g_ptr_array_add (copies->copies, copy);
    }
  copies_region_done (task);
}

static void
on_copies_regions_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Copies *copies = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) regions = amigo_ec2_describe_regions_finish (AMIGO_EC2 (source), result, &error);
  const char *values_id[] = { copies->image_id, NULL };
  const char *values_region[] = { amigo_ec2_get_region (copies->ec2), NULL };
  const char *owners[] = { "self", NULL };
  AmigoEc2Filter filters[] = {
    { "source-image-id", values_id },
    { "source-image-region", values_region },
  };
  AmigoDescribeImagesRequest request = {
    .owners = owners, .filters = filters, .n_filters = G_N_ELEMENTS (filters),
    .include_deprecated = TRUE, .include_disabled = TRUE,
  };

  if (regions == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  copies->pending = 1;          /* until every request is sent */
  for (guint i = 0; i < regions->len; i++)
    {
      AmigoRegion *region = g_ptr_array_index (regions, i);
      g_autoptr(AmigoEc2) there = NULL;

      /* A region the account has not enabled holds nothing of it */
      if (g_strcmp0 (amigo_region_get_opt_in_status (region), "not-opted-in") == 0)
        continue;
      there = ec2_in_region (copies->ec2, amigo_region_get_region_name (region));
      copies->pending++;
      copies->n_asked++;
      amigo_ec2_describe_images_async (there, &request, g_task_get_cancellable (task),
                                       on_copies_described_cb, g_object_ref (task));
    }
  copies_region_done (task);
}

/**
 * amigo_ec2_find_image_copies_async:
 * @self: an #AmigoEc2
 * @image_id: an image of @self's region
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every region has answered
 * @user_data: data for @callback
 *
 * The account's copies of @image_id, in every region it has enabled
 * (DescribeRegions), found by their source: DescribeImages of the
 * account's own images with the filters `source-image-id` ("The ID of the
 * source AMI from which the AMI was created") and `source-image-region`
 * ("The Region of the source AMI"), deprecated and disabled ones included,
 * the regions asked at once. A region that fails is left out; the search
 * fails only when every region failed.
 */
void
amigo_ec2_find_image_copies_async (AmigoEc2            *self,
                                   const char          *image_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;
  Copies *copies;

  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (image_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_ec2_find_image_copies_async);
  copies = g_new0 (Copies, 1);
  copies->ec2 = g_object_ref (self);
  copies->image_id = g_strdup (image_id);
  copies->copies = g_ptr_array_new_with_free_func ((GDestroyNotify) amigo_image_copy_free);
  g_task_set_task_data (task, copies, copies_free);
  amigo_ec2_describe_regions_async (self, cancellable, on_copies_regions_cb, task);
}

/**
 * amigo_ec2_find_image_copies_finish:
 *
 * Returns: (transfer container) (element-type AmigoImageCopy) (nullable):
 *   the copies by region, or %NULL with @error set
 */
GPtrArray *
amigo_ec2_find_image_copies_finish (AmigoEc2      *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
