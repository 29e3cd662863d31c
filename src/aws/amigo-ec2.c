/* amigo-ec2.c — EC2 in one region of one account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The service object, an #AmigoService (client, region, endpoint). Its
 * operations are in one file per resource (amigo-ec2-images.c, amigo-ec2-image-settings.c,
 * amigo-ec2-instances.c, amigo-ec2-networking.c, amigo-ec2-snapshots.c),
 * over the call plumbing of amigo-ec2-call.c; tags, which every resource
 * has, are here.
 */
#include "config.h"

#include "amigo-ec2-private.h"

struct _AmigoEc2
{
  AmigoService parent_instance;

  gboolean pretend_retry;       /* test hook */
};

/* Requests are written by amigo-ec2-query.c and answers streamed through
 * the push parsers, so the model serves signing and error reading. */
static const AmigoServiceModel ec2_model = {
  .protocol = AMIGO_PROTOCOL_EC2,
  .api_version = AMIGO_EC2_API_VERSION,
  .signing_name = "ec2",
};

/**
 * amigo_ec2_new:
 * @client: the account's client
 * @region: the region to sign requests for, e.g. `eu-west-1`
 * @endpoint_url: (nullable): where to send them, e.g. a moto URL; %NULL for
 *   `https://ec2.<region>.amazonaws.com`
 *
 * Returns: (transfer full): EC2 in @region
 */
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
AMIGO_DEFINE_SERVICE (AmigoEc2, amigo_ec2, AMIGO_TYPE_EC2, &ec2_model, "ec2")

/* ---- public API ------------------------------------------------------- */

/**
 * amigo_ec2_get_client:
 * @self: an #AmigoEc2
 *
 * Returns: (transfer none): the client, as amigo_service_get_client()
 */
AmigoClient *
amigo_ec2_get_client (AmigoEc2 *self)
{
  return amigo_service_get_client (AMIGO_SERVICE (self));
}

/**
 * amigo_ec2_get_region:
 * @self: an #AmigoEc2
 *
 * Returns: (transfer none): the region, as amigo_service_get_region()
 */
const char *
amigo_ec2_get_region (AmigoEc2 *self)
{
  return amigo_service_get_region (AMIGO_SERVICE (self));
}

/**
 * amigo_ec2_get_endpoint_url:
 * @self: an #AmigoEc2
 *
 * Returns: (transfer none) (nullable): the endpoint, as
 *   amigo_service_get_endpoint_url()
 */
const char *
amigo_ec2_get_endpoint_url (AmigoEc2 *self)
{
  return amigo_service_get_endpoint_url (AMIGO_SERVICE (self));
}

void
_amigo_ec2_set_pretend_retry (AmigoEc2 *self,
                              gboolean  pretend_retry)
{
  g_return_if_fail (AMIGO_IS_EC2 (self));
  self->pretend_retry = pretend_retry;
}

gboolean
_amigo_ec2_get_pretend_retry (AmigoEc2 *self)
{
  g_return_val_if_fail (AMIGO_IS_EC2 (self), FALSE);
  return self->pretend_retry;
}

/* ---- CreateTags, DeleteTags ------------------------------------------- */

static void
tags_async (AmigoEc2            *self,
            const char          *action,
            const char * const  *resource_ids,
            const AmigoEc2Tag   *tags,
            guint                n_tags,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data,
            gpointer             source_tag)
{
  AmigoEc2Query *q = _amigo_ec2_query_for_list (self, action, "ResourceId", resource_ids);

  if (q == NULL)
    return;
  _amigo_ec2_add_tags (q, "Tag", tags, n_tags);
  _amigo_ec2_run (self, q, &_amigo_ec2_shape_return_true, cancellable, callback, user_data,
                  source_tag);
}

/* CreateTags and DeleteTags take the same arguments; only CreateTags
 * needs tags. */
#define DEFINE_TAGS_ASYNC(op, action, tags_required)                              \
  void                                                                          \
  amigo_ec2_##op##_async (AmigoEc2            *self,                            \
                          const char * const  *resource_ids,                    \
                          const AmigoEc2Tag   *tags,                            \
                          guint                n_tags,                          \
                          GCancellable        *cancellable,                     \
                          GAsyncReadyCallback  callback,                        \
                          gpointer             user_data)                       \
  {                                                                             \
    g_return_if_fail (!(tags_required) || (tags != NULL && n_tags > 0));        \
    tags_async (self, action, resource_ids, tags, n_tags, cancellable, callback, \
                user_data, amigo_ec2_##op##_async);                             \
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
DEFINE_TAGS_ASYNC (create_tags, "CreateTags", TRUE)

/**
 * amigo_ec2_create_tags_finish:
 *
 * Returns: %TRUE on success
 */
AMIGO_EC2_DEFINE_FINISH_BOOLEAN (create_tags)

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
DEFINE_TAGS_ASYNC (delete_tags, "DeleteTags", FALSE)

/**
 * amigo_ec2_delete_tags_finish:
 *
 * Returns: %TRUE on success
 */
AMIGO_EC2_DEFINE_FINISH_BOOLEAN (delete_tags)
