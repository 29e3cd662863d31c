/* amigo-ec2.c — EC2 in one region of one account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The service object: its client, region and endpoint. Its operations are
 * in one file per resource (amigo-ec2-images.c, amigo-ec2-image-settings.c,
 * amigo-ec2-instances.c, amigo-ec2-networking.c, amigo-ec2-snapshots.c),
 * over the call plumbing of amigo-ec2-call.c; tags, which every resource
 * has, are here.
 */
#include "config.h"

#include "amigo-ec2-private.h"

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
  AmigoEc2Query *q;

  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (!_amigo_ec2_strv_is_empty (resource_ids));

  q = _amigo_ec2_query_new (action);
  amigo_ec2_query_add_list (q, "ResourceId", resource_ids);
  _amigo_ec2_add_tags (q, "Tag", tags, n_tags);
  _amigo_ec2_run (self, q, &_amigo_ec2_shape_return_true, cancellable, callback, user_data,
                  source_tag);
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
                             const AmigoEc2Tag   *tags,
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
void
amigo_ec2_delete_tags_async (AmigoEc2            *self,
                             const char * const  *resource_ids,
                             const AmigoEc2Tag   *tags,
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
 *
 * Returns: %TRUE on success
 */
AMIGO_EC2_DEFINE_FINISH_BOOLEAN (delete_tags)
