/* amigo-ec2-image-settings.c — what can be changed of an image: who may
 * launch it, its description, its deprecation, its deregistration
 * protection; and whether the account's images may be made public
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-ec2-private.h"

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
 * @image_id: the image to share or unshare
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
  AmigoEc2Query *q = _amigo_ec2_query_for (self, "ModifyImageAttribute", "ImageId", image_id);

  if (q == NULL)
    return;
  amigo_ec2_query_push (q, "LaunchPermission");
  add_launch_permissions (q, "Add", add, n_add);
  add_launch_permissions (q, "Remove", remove, n_remove);
  amigo_ec2_query_pop (q);
  _amigo_ec2_run (self, q, &_amigo_ec2_shape_return_true, cancellable, callback, user_data,
                  amigo_ec2_modify_image_launch_permission_async);
}

/**
 * amigo_ec2_modify_image_launch_permission_finish:
 *
 * Returns: %TRUE on success
 */
AMIGO_EC2_DEFINE_FINISH_BOOLEAN (modify_image_launch_permission)

/**
 * amigo_ec2_modify_image_description_async:
 * @self: an #AmigoEc2
 * @image_id: the image to describe
 * @description: the new description (`Description.Value`); "" clears it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * ModifyImageAttribute `Description.Value`.
 */
AMIGO_EC2_DEFINE_ID_ARG_OP (modify_image_description,
                            "ModifyImageAttribute", "ImageId", "Description.Value",
                            &_amigo_ec2_shape_return_true, TRUE)

/**
 * amigo_ec2_modify_image_description_finish:
 *
 * Returns: %TRUE on success
 */
AMIGO_EC2_DEFINE_FINISH_BOOLEAN (modify_image_description)

/* ---- Deprecation ------------------------------------------------------ */

/**
 * amigo_ec2_enable_image_deprecation_async:
 * @self: an #AmigoEc2
 * @image_id: the image to deprecate
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

  g_return_if_fail (deprecate_at != NULL);
  q = _amigo_ec2_query_for (self, "EnableImageDeprecation", "ImageId", image_id);
  if (q == NULL)
    return;
  amigo_ec2_query_add_date_time (q, "DeprecateAt", deprecate_at);
  _amigo_ec2_run (self, q, &_amigo_ec2_shape_return_true, cancellable, callback, user_data,
                  amigo_ec2_enable_image_deprecation_async);
}

/**
 * amigo_ec2_enable_image_deprecation_finish:
 *
 * Returns: %TRUE on success
 */
AMIGO_EC2_DEFINE_FINISH_BOOLEAN (enable_image_deprecation)

/**
 * amigo_ec2_disable_image_deprecation_async:
 * @self: an #AmigoEc2
 * @image_id: the image no longer to deprecate
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * DisableImageDeprecation: the image is no longer (to be) deprecated.
 */
/**
 * amigo_ec2_disable_image_deprecation_finish:
 *
 * Returns: %TRUE on success
 */
AMIGO_EC2_DEFINE_ID_OP_BOOLEAN (disable_image_deprecation, "DisableImageDeprecation", "ImageId")

/* ---- Deregistration protection ---------------------------------------- */

/**
 * amigo_ec2_enable_image_deregistration_protection_async:
 * @self: an #AmigoEc2
 * @image_id: the image to protect
 * @with_cooldown: `WithCooldown=true`: once disabled, the protection still
 *   holds for 24 hours
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * EnableImageDeregistrationProtection: DeregisterImage is refused until
 * the protection is disabled.
 */
AMIGO_EC2_DEFINE_ID_VALUE_OP (enable_image_deregistration_protection, gboolean, AMIGO_EC2_FLAG,
                              "EnableImageDeregistrationProtection", "ImageId", "WithCooldown",
                              &_amigo_ec2_shape_return_string)

/**
 * amigo_ec2_enable_image_deregistration_protection_finish:
 *
 * Returns: (transfer full) (nullable): the protection's state as EC2
 *   answered it (`enabled-without-cooldown`, `enabled-with-cooldown`), or
 *   %NULL with @error set
 */
AMIGO_EC2_DEFINE_FINISH_POINTER (char *, enable_image_deregistration_protection)

/**
 * amigo_ec2_disable_image_deregistration_protection_async:
 * @self: an #AmigoEc2
 * @image_id: the image no longer to protect
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * DisableImageDeregistrationProtection.
 */
AMIGO_EC2_DEFINE_ID_OP (disable_image_deregistration_protection,
                        "DisableImageDeregistrationProtection", "ImageId", NULL, &_amigo_ec2_shape_return_string)

/**
 * amigo_ec2_disable_image_deregistration_protection_finish:
 *
 * Returns: (transfer full) (nullable): the protection's state as EC2
 *   answered it (`disabled`; a protection enabled with cooldown still
 *   holds for 24 hours), or %NULL with @error set
 */
AMIGO_EC2_DEFINE_FINISH_POINTER (char *, disable_image_deregistration_protection)

/* ---- Block public access for AMIs ------------------------------------ */

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
AMIGO_EC2_DEFINE_REGION_OP (get_image_block_public_access_state, "GetImageBlockPublicAccessState",
                            NULL, NULL,
                            &_amigo_ec2_shape_block_public_access)

/**
 * amigo_ec2_get_image_block_public_access_state_finish:
 *
 * Returns: (transfer full) (nullable): the state as EC2 answered it
 *   (`imageBlockPublicAccessState`): `block-new-sharing` or `unblocked`,
 *   or %NULL with @error set
 */
AMIGO_EC2_DEFINE_FINISH_POINTER (char *, get_image_block_public_access_state)

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
AMIGO_EC2_DEFINE_REGION_OP (enable_image_block_public_access, "EnableImageBlockPublicAccess",
                            "ImageBlockPublicAccessState", AMIGO_IMAGE_BLOCK_PUBLIC_ACCESS_BLOCKED,
                            &_amigo_ec2_shape_block_public_access)

/**
 * amigo_ec2_enable_image_block_public_access_finish:
 *
 * Returns: (transfer full) (nullable): the state EC2 answered
 *   (`block-new-sharing`), or %NULL with @error set
 */
AMIGO_EC2_DEFINE_FINISH_POINTER (char *, enable_image_block_public_access)

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
AMIGO_EC2_DEFINE_REGION_OP (disable_image_block_public_access, "DisableImageBlockPublicAccess",
                            NULL, NULL,
                            &_amigo_ec2_shape_block_public_access)

/**
 * amigo_ec2_disable_image_block_public_access_finish:
 *
 * Returns: (transfer full) (nullable): the state EC2 answered
 *   (`unblocked`), or %NULL with @error set
 */
AMIGO_EC2_DEFINE_FINISH_POINTER (char *, disable_image_block_public_access)
