/* amigo-ec2-image-cleanup.c — image references, DisableImage/EnableImage,
 * the images in the Recycle Bin, ancestry and Allowed AMIs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "amigo-ec2-image-cleanup.h"
#include "amigo-ec2-private.h"
#include "amigo-error.h"

/* DescribeImageReferences and ListImagesInRecycleBin: MaxResults 1–1000 */
#define CLEANUP_PAGE_SIZE 1000

/**
 * amigo_ec2_describe_image_references_async:
 * @self: an #AmigoEc2
 * @image_ids: (array zero-terminated=1): the images (up to
 *   %AMIGO_EC2_IMAGE_REFERENCES_BATCH at a time)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has been read
 * @user_data: data for @callback
 *
 * DescribeImageReferences with `IncludeAllResourceTypes`: the instances,
 * launch templates, SSM parameters and Image Builder recipes of the
 * account that still use one of @image_ids.
 */
void
amigo_ec2_describe_image_references_async (AmigoEc2            *self,
                                           const char * const  *image_ids,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  AmigoEc2Query *q = _amigo_ec2_query_for_list (self, "DescribeImageReferences", "ImageId", image_ids);

  if (q == NULL)
    return;
  amigo_ec2_query_add_boolean (q, "IncludeAllResourceTypes", TRUE);
  amigo_ec2_query_add_int (q, "MaxResults", CLEANUP_PAGE_SIZE);
  _amigo_ec2_list_async (self, q, amigo_ec2_parser_new_describe_image_references, cancellable,
                         callback, user_data, amigo_ec2_describe_image_references_async);
}

/**
 * amigo_ec2_describe_image_references_finish:
 *
 * Returns: (transfer container) (element-type AmigoImageReference) (nullable):
 *   the references (none for an image nothing uses), or %NULL with @error set
 */
AMIGO_EC2_DEFINE_FINISH_POINTER (GPtrArray *, describe_image_references)

/**
 * amigo_ec2_disable_image_async:
 * @self: an #AmigoEc2
 * @image_id: one of the account's images
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * DisableImage: the image becomes `disabled`: it can no longer launch
 * instances, it is private again (its launch permissions are removed), and
 * DescribeImages leaves it out unless asked. EnableImage undoes it, but
 * not the sharing.
 */
/**
 * amigo_ec2_disable_image_finish:
 *
 * Returns: %TRUE on success
 */
AMIGO_EC2_DEFINE_ID_OP_BOOLEAN (disable_image, "DisableImage", "ImageId")

/**
 * amigo_ec2_enable_image_async:
 * @self: an #AmigoEc2
 * @image_id: a disabled image of the account
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * EnableImage: a disabled image is `available` again (still private).
 */
/**
 * amigo_ec2_enable_image_finish:
 *
 * Returns: %TRUE on success
 */
AMIGO_EC2_DEFINE_ID_OP_BOOLEAN (enable_image, "EnableImage", "ImageId")

/**
 * amigo_ec2_list_images_in_recycle_bin_async:
 * @self: an #AmigoEc2
 * @image_ids: (array zero-terminated=1) (nullable): only these; %NULL for all
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has been read
 * @user_data: data for @callback
 *
 * ListImagesInRecycleBin: the account's images deregistered under a
 * Recycle Bin retention rule, with when each will be gone for good.
 */
void
amigo_ec2_list_images_in_recycle_bin_async (AmigoEc2            *self,
                                            const char * const  *image_ids,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  AmigoEc2Query *q;

  g_return_if_fail (AMIGO_IS_EC2 (self));

  q = _amigo_ec2_query_new ("ListImagesInRecycleBin");
  amigo_ec2_query_add_list (q, "ImageId", image_ids);
  amigo_ec2_query_add_int (q, "MaxResults", CLEANUP_PAGE_SIZE);
  _amigo_ec2_list_async (self, q, amigo_ec2_parser_new_list_images_in_recycle_bin, cancellable,
                         callback, user_data, amigo_ec2_list_images_in_recycle_bin_async);
}

/**
 * amigo_ec2_list_images_in_recycle_bin_finish:
 *
 * Returns: (transfer container) (element-type AmigoRecycleBinImage) (nullable):
 *   the images, or %NULL with @error set
 */
AMIGO_EC2_DEFINE_FINISH_POINTER (GPtrArray *, list_images_in_recycle_bin)

/**
 * amigo_ec2_restore_image_from_recycle_bin_async:
 * @self: an #AmigoEc2
 * @image_id: an image in the Recycle Bin
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * RestoreImageFromRecycleBin: the image is registered again.
 */
/**
 * amigo_ec2_restore_image_from_recycle_bin_finish:
 *
 * Returns: %TRUE on success
 */
AMIGO_EC2_DEFINE_ID_OP_BOOLEAN (restore_image_from_recycle_bin,
                                "RestoreImageFromRecycleBin", "ImageId")

/**
 * amigo_ec2_get_image_ancestry_async:
 * @self: an #AmigoEc2
 * @image_id: the image
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * GetImageAncestry: the chain of images @image_id was copied from, across
 * regions, to the root image.
 */
void
amigo_ec2_get_image_ancestry_async (AmigoEc2            *self,
                                    const char          *image_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  AmigoEc2Query *q = _amigo_ec2_query_for (self, "GetImageAncestry", "ImageId", image_id);

  if (q == NULL)
    return;
  _amigo_ec2_list_async (self, q, amigo_ec2_parser_new_get_image_ancestry, cancellable,
                         callback, user_data, amigo_ec2_get_image_ancestry_async);
}

/**
 * amigo_ec2_get_image_ancestry_finish:
 *
 * Returns: (transfer container) (element-type AmigoImageAncestryEntry) (nullable):
 *   the entries, from the image to its root, or %NULL with @error set
 */
AMIGO_EC2_DEFINE_FINISH_POINTER (GPtrArray *, get_image_ancestry)

/* ---- Allowed AMIs ------------------------------------------------------ */

/**
 * amigo_allowed_images_settings_free:
 * @settings: (transfer full) (nullable): settings
 */
void
amigo_allowed_images_settings_free (AmigoAllowedImagesSettings *settings)
{
  if (settings == NULL)
    return;
  g_free (settings->state);
  g_free (settings->managed_by);
  g_clear_pointer (&settings->criteria, g_ptr_array_unref);
  g_free (settings);
}

static AmigoEc2Parser *
settings_new_parser (GTask *task)
{
  return amigo_ec2_parser_new_get_allowed_images_settings ();
}

static void
settings_done (GTask          *task,
               AmigoEc2Parser *parser)
{
  AmigoAllowedImagesSettings *settings = g_new0 (AmigoAllowedImagesSettings, 1);
  const char *state = amigo_ec2_parser_get_value (parser, "state");
  const char *managed_by = amigo_ec2_parser_get_value (parser, "managedBy");

  settings->state = g_strdup (state != NULL ? state : AMIGO_ALLOWED_IMAGES_DISABLED);
  settings->managed_by = g_strdup (managed_by);
  settings->criteria = amigo_ec2_parser_steal_items (parser);
  g_task_return_pointer (task, settings, (GDestroyNotify) amigo_allowed_images_settings_free);
}

static const AmigoEc2OpShape settings_shape = { settings_new_parser, settings_done, NULL };

/**
 * amigo_ec2_get_allowed_images_settings_async:
 * @self: an #AmigoEc2
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * GetAllowedImagesSettings: which images the account may discover and
 * launch in this region.
 */
AMIGO_EC2_DEFINE_REGION_OP (get_allowed_images_settings, "GetAllowedImagesSettings", NULL, NULL, &settings_shape)

/**
 * amigo_ec2_get_allowed_images_settings_finish:
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL with @error set
 */
AMIGO_EC2_DEFINE_FINISH_POINTER (AmigoAllowedImagesSettings *, get_allowed_images_settings)

static void
state_done (GTask          *task,
            AmigoEc2Parser *parser)
{
  const char *value = amigo_ec2_parser_get_value (parser, "allowedImagesSettingsState");

  if (value == NULL || *value == '\0')
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                               _("EC2 answered %s without its result."), g_task_get_name (task));
      return;
    }
  g_task_return_pointer (task, g_strstrip (g_strdup (value)), g_free);
}

static const AmigoEc2OpShape state_shape = { NULL, state_done, NULL };

/**
 * amigo_ec2_enable_allowed_images_settings_async:
 * @self: an #AmigoEc2
 * @state: %AMIGO_ALLOWED_IMAGES_ENABLED (images not allowed can't be
 *   found or launched) or %AMIGO_ALLOWED_IMAGES_AUDIT_MODE (they are only
 *   marked)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * EnableAllowedImagesSettings.
 */
void
amigo_ec2_enable_allowed_images_settings_async (AmigoEc2            *self,
                                                const char          *state,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  AmigoEc2Query *q;

  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (g_strcmp0 (state, AMIGO_ALLOWED_IMAGES_ENABLED) == 0
                    || g_strcmp0 (state, AMIGO_ALLOWED_IMAGES_AUDIT_MODE) == 0);

  q = _amigo_ec2_query_new ("EnableAllowedImagesSettings");
  amigo_ec2_query_add_string (q, "AllowedImagesSettingsState", state);
  _amigo_ec2_run (self, q, &state_shape, cancellable, callback, user_data,
                  amigo_ec2_enable_allowed_images_settings_async);
}

/**
 * amigo_ec2_enable_allowed_images_settings_finish:
 *
 * Returns: (transfer full) (nullable): the state EC2 answered
 */
AMIGO_EC2_DEFINE_FINISH_POINTER (char *, enable_allowed_images_settings)

/**
 * amigo_ec2_disable_allowed_images_settings_async:
 * @self: an #AmigoEc2
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * DisableAllowedImagesSettings: every image may be used again.
 */
AMIGO_EC2_DEFINE_REGION_OP (disable_allowed_images_settings, "DisableAllowedImagesSettings", NULL, NULL, &state_shape)

/**
 * amigo_ec2_disable_allowed_images_settings_finish:
 *
 * Returns: (transfer full) (nullable): the state EC2 answered (`disabled`)
 */
AMIGO_EC2_DEFINE_FINISH_POINTER (char *, disable_allowed_images_settings)

/**
 * amigo_ec2_replace_image_criteria_async:
 * @self: an #AmigoEc2
 * @criteria: (array length=n_criteria): the new criteria (up to 10)
 * @n_criteria: how many
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * ReplaceImageCriteriaInAllowedImagesSettings.
 */
void
amigo_ec2_replace_image_criteria_async (AmigoEc2                         *self,
                                        const AmigoImageCriterionRequest *criteria,
                                        guint                             n_criteria,
                                        GCancellable                     *cancellable,
                                        GAsyncReadyCallback               callback,
                                        gpointer                          user_data)
{
  AmigoEc2Query *q;

  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (criteria != NULL || n_criteria == 0);

  q = _amigo_ec2_query_new ("ReplaceImageCriteriaInAllowedImagesSettings");
  for (guint i = 0; i < n_criteria; i++)
    {
      const AmigoImageCriterionRequest *c = &criteria[i];

      amigo_ec2_query_push_item (q, "ImageCriterion");
      amigo_ec2_query_add_list (q, "ImageProvider", c->image_providers);
      amigo_ec2_query_add_list (q, "MarketplaceProductCode", c->marketplace_product_codes);
      amigo_ec2_query_add_list (q, "ImageName", c->image_names);
      if (c->maximum_days_since_deprecated > 0)
        {
          amigo_ec2_query_push (q, "DeprecationTimeCondition");
          amigo_ec2_query_add_int (q, "MaximumDaysSinceDeprecated", c->maximum_days_since_deprecated);
          amigo_ec2_query_pop (q);
        }
      if (c->maximum_days_since_created > 0)
        {
          amigo_ec2_query_push (q, "CreationDateCondition");
          amigo_ec2_query_add_int (q, "MaximumDaysSinceCreated", c->maximum_days_since_created);
          amigo_ec2_query_pop (q);
        }
      amigo_ec2_query_pop (q);
    }
  _amigo_ec2_run (self, q, &_amigo_ec2_shape_return_true, cancellable, callback, user_data,
                  amigo_ec2_replace_image_criteria_async);
}

/**
 * amigo_ec2_replace_image_criteria_finish:
 *
 * Returns: %TRUE on success
 */
AMIGO_EC2_DEFINE_FINISH_BOOLEAN (replace_image_criteria)
