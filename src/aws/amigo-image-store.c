/* amigo-image-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-image-store.h"

struct _AmigoImageStore
{
  GObject parent_instance;

  GPtrArray *items;             /* AmigoImage */
  GCancellable *cancellable;    /* of the load under way */
  guint generation;             /* bumped by every load, clear and cancel */
  guint pending;                /* regions still loading */
  guint n_failed;
  GError *error;                /* the first region's failure */
  GHashTable *region_errors;    /* interned region → GError: each failure */
  GHashTable *account_errors;   /* "account id\nregion" → GError, in a load of several accounts */
};

static void amigo_image_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AmigoImageStore, amigo_image_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      amigo_image_store_list_model_init))

enum {
  PROP_0,
  PROP_LOADING,
  PROP_N_ITEMS,
  N_PROPS
};

enum {
  LOAD_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static GQuark region_quark;
static GQuark account_quark;

/* One region's share of a load. */
typedef struct {
  GWeakRef store;
  guint generation;
  const char *region;           /* interned */
  AmigoImageSource source;
  char *account_number;
  AmigoAccount *account;        /* in a load of several accounts, else NULL */
  GHashTable *listed_owners;    /* (nullable): the ids of every account of such a load */
} RegionLoad;

static RegionLoad *
region_load_new (AmigoImageStore  *self,
                 AmigoEc2         *ec2,
                 AmigoImageSource  source,
                 const char       *account_number,
                 AmigoAccount     *account)
{
  RegionLoad *load = g_new0 (RegionLoad, 1);

  load->account = account ? g_object_ref (account) : NULL;
  g_weak_ref_init (&load->store, self);
  load->generation = self->generation;
  load->region = g_intern_string (amigo_ec2_get_region (ec2));
  load->source = source;
  load->account_number = g_strdup (account_number);
  return load;
}

static void
region_load_free (gpointer data)
{
  RegionLoad *load = data;

  g_weak_ref_clear (&load->store);
  g_free (load->account_number);
  g_clear_object (&load->account);
  g_clear_pointer (&load->listed_owners, g_hash_table_unref);
  g_free (load);
}

static GType
amigo_image_store_get_item_type (GListModel *model)
{
  return AMIGO_TYPE_IMAGE;
}

static guint
amigo_image_store_get_n_items (GListModel *model)
{
  return AMIGO_IMAGE_STORE (model)->items->len;
}

static gpointer
amigo_image_store_get_item (GListModel *model,
                            guint       position)
{
  AmigoImageStore *self = AMIGO_IMAGE_STORE (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
amigo_image_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = amigo_image_store_get_item_type;
  iface->get_n_items = amigo_image_store_get_n_items;
  iface->get_item = amigo_image_store_get_item;
}

static void
set_loading_done (AmigoImageStore *self)
{
  g_clear_object (&self->cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  g_signal_emit (self, signals[LOAD_FINISHED], 0);
}

static void
images_batch_cb (GPtrArray *images,
                 gpointer   user_data)
{
  RegionLoad *load = user_data;
  g_autoptr(AmigoImageStore) self = g_weak_ref_get (&load->store);
  g_autoptr(GPtrArray) kept = NULL;

  if (self == NULL || load->generation != self->generation)
    return;

  if (load->source == AMIGO_IMAGE_SOURCE_SHARED &&
      (load->account_number != NULL || load->listed_owners != NULL))
    {
      /* ExecutableBy=self also names the account's own images: "shared
       * with me" means somebody else's. Listing several accounts, an
       * image one of them owns is listed as that account's own, not as
       * shared with another. */
      kept = g_ptr_array_new_full (images->len, g_object_unref);
      for (guint i = 0; i < images->len; i++)
        {
          AmigoImage *image = g_ptr_array_index (images, i);

          const char *owner = amigo_image_get_owner_id (image);

          if (g_strcmp0 (owner, load->account_number) != 0 &&
              (load->listed_owners == NULL || owner == NULL ||
               !g_hash_table_contains (load->listed_owners, owner)))
            g_ptr_array_add (kept, g_object_ref (image));
        }
      images = kept;
    }

  if (load->account != NULL)
    for (guint i = 0; i < images->len; i++)
      g_object_set_qdata_full (g_ptr_array_index (images, i), account_quark,
                               g_object_ref (load->account), g_object_unref);
  amigo_image_store_append (self, images, load->region);
}

static void
describe_images_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  RegionLoad *load = user_data;
  g_autoptr(AmigoImageStore) self = g_weak_ref_get (&load->store);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  all = amigo_ec2_describe_images_finish (AMIGO_EC2 (source), result, NULL, &error);

  if (self == NULL || load->generation != self->generation)
    {
      region_load_free (load);
      return;
    }

  if (error != NULL)
    {
      g_debug ("Images of %s could not be loaded: %s", load->region, error->message);
      self->n_failed++;
      g_hash_table_insert (self->region_errors, (gpointer) load->region, g_error_copy (error));
      if (load->account != NULL)
        g_hash_table_insert (self->account_errors,
                             g_strdup_printf ("%s\n%s", amigo_account_get_id (load->account), load->region),
                             g_error_copy (error));
      if (self->error == NULL)
        self->error = g_steal_pointer (&error);
    }
  region_load_free (load);

  if (--self->pending == 0)
    set_loading_done (self);
}

static void
amigo_image_store_dispose (GObject *object)
{
  AmigoImageStore *self = AMIGO_IMAGE_STORE (object);

  amigo_image_store_cancel (self);
  g_ptr_array_set_size (self->items, 0);

  G_OBJECT_CLASS (amigo_image_store_parent_class)->dispose (object);
}

static void
amigo_image_store_finalize (GObject *object)
{
  AmigoImageStore *self = AMIGO_IMAGE_STORE (object);

  g_ptr_array_unref (self->items);
  g_clear_error (&self->error);
  g_hash_table_unref (self->region_errors);
  g_hash_table_unref (self->account_errors);

  G_OBJECT_CLASS (amigo_image_store_parent_class)->finalize (object);
}

static void
amigo_image_store_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AmigoImageStore *self = AMIGO_IMAGE_STORE (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, amigo_image_store_get_loading (self));
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amigo_image_store_class_init (AmigoImageStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = amigo_image_store_dispose;
  object_class->finalize = amigo_image_store_finalize;
  object_class->get_property = amigo_image_store_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmigoImageStore::load-finished:
   *
   * Every region of the load answered (or failed: see
   * amigo_image_store_get_error()). Not emitted for a cancelled load.
   */
  signals[LOAD_FINISHED] =
    g_signal_new ("load-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  region_quark = g_quark_from_static_string ("amigo-image-store-region");
  account_quark = g_quark_from_static_string ("amigo-image-store-account");
}

static void
amigo_image_store_init (AmigoImageStore *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->region_errors = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                               (GDestroyNotify) g_error_free);
  self->account_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) g_error_free);
}

/**
 * amigo_image_store_new:
 *
 * Returns: (transfer full): an empty store
 */
AmigoImageStore *
amigo_image_store_new (void)
{
  return g_object_new (AMIGO_TYPE_IMAGE_STORE, NULL);
}

/**
 * amigo_image_store_cancel:
 *
 * Stops the load under way; images already shown stay.
 */
void
amigo_image_store_cancel (AmigoImageStore *self)
{
  g_return_if_fail (AMIGO_IS_IMAGE_STORE (self));

  self->generation++;
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->pending = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
}

/**
 * amigo_image_store_clear:
 *
 * Cancels any load and empties the store.
 */
void
amigo_image_store_clear (AmigoImageStore *self)
{
  guint removed;

  g_return_if_fail (AMIGO_IS_IMAGE_STORE (self));

  amigo_image_store_cancel (self);
  g_clear_error (&self->error);
  g_hash_table_remove_all (self->region_errors);
  g_hash_table_remove_all (self->account_errors);
  self->n_failed = 0;
  removed = self->items->len;
  if (removed == 0)
    return;
  g_ptr_array_set_size (self->items, 0);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * amigo_image_store_load:
 * @ec2s: (element-type AmigoEc2): one #AmigoEc2 per region to list, all
 *   asked at the same time
 * @source: which images
 * @account_number: (nullable): the account's id, to leave its own images
 *   out of %AMIGO_IMAGE_SOURCE_SHARED
 *
 * Replaces the store's content with the images of @source. They arrive
 * in batches while the answers download (GListModel::items-changed), so
 * the first rows show long before a large list is complete. A load
 * started before is cancelled.
 */
void
amigo_image_store_load (AmigoImageStore  *self,
                        GPtrArray        *ec2s,
                        AmigoImageSource  source,
                        const char       *account_number)
{
  /* Deprecated images are fetched too and hidden or shown by the list's
   * filter. */
  amigo_image_store_load_full (self, ec2s, source, account_number, TRUE, NULL);
}

/**
 * amigo_image_source_is_large:
 *
 * Returns: whether @source holds tens of thousands of images a region in
 *   a real account (Amazon, AWS Marketplace, Public), so a search is
 *   worth asking of EC2 rather than downloading everything first
 */
gboolean
amigo_image_source_is_large (AmigoImageSource source)
{
  return source == AMIGO_IMAGE_SOURCE_AMAZON ||
         source == AMIGO_IMAGE_SOURCE_MARKETPLACE ||
         source == AMIGO_IMAGE_SOURCE_PUBLIC;
}

/**
 * amigo_image_store_load_full:
 * @ec2s: (element-type AmigoEc2): as for amigo_image_store_load()
 * @source: which images
 * @account_number: (nullable): as for amigo_image_store_load()
 * @include_deprecated: `IncludeDeprecated`: also others' deprecated
 *   images (the account's own come whatever it says, as EC2 documents)
 * @search: (nullable): only the images it finds, asked of EC2 as a filter
 *
 * Like amigo_image_store_load(), but asks EC2 only for what the person
 * wants to see: a large source is hundreds of MB of XML a region.
 */
static void
start_load (AmigoImageStore        *self,
            GPtrArray              *ec2s,
            GPtrArray              *accounts,
            AmigoImageSource        source,
            const char             *account_number,
            gboolean                include_deprecated,
            const AmigoImageSearch *search)
{
  static const char * const self_owner[] = { "self", NULL };
  static const char * const amazon_owner[] = { "amazon", NULL };
  static const char * const marketplace_owner[] = { "aws-marketplace", NULL };
  static const char * const executable_by_self[] = { "self", NULL };
  static const char * const public_values[] = { "true", NULL };
  AmigoEc2Filter filters[2] = { { 0 } };
  AmigoDescribeImagesRequest request = { 0 };
  g_autoptr(GHashTable) listed_owners = NULL;

  g_return_if_fail (AMIGO_IS_IMAGE_STORE (self));
  g_return_if_fail (ec2s != NULL && ec2s->len > 0);

  amigo_image_store_clear (self);

  request.include_deprecated = include_deprecated;
  request.filters = filters;

  switch (source)
    {
    case AMIGO_IMAGE_SOURCE_SELF:
      request.owners = self_owner;
      /* Disabled ones too, so they can be re-enabled or deregistered. */
      request.include_disabled = TRUE;
      break;
    case AMIGO_IMAGE_SOURCE_SHARED:
      request.executable_by = executable_by_self;
      break;
    case AMIGO_IMAGE_SOURCE_AMAZON:
      request.owners = amazon_owner;
      break;
    case AMIGO_IMAGE_SOURCE_MARKETPLACE:
      request.owners = marketplace_owner;
      break;
    case AMIGO_IMAGE_SOURCE_PUBLIC:
    default:
      filters[request.n_filters++] = (AmigoEc2Filter) { "is-public", public_values };
      break;
    }
  if (search != NULL)
    filters[request.n_filters++] = *amigo_image_search_get_filter (search);

  self->cancellable = g_cancellable_new ();
  self->pending = ec2s->len;

  if (accounts != NULL)
    {
      listed_owners = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < accounts->len; i++)
        {
          const char *number = amigo_account_get_account_number (g_ptr_array_index (accounts, i));

          if (number != NULL)
            g_hash_table_add (listed_owners, (gpointer) g_intern_string (number));
        }
    }

  for (guint i = 0; i < ec2s->len; i++)
    {
      AmigoEc2 *ec2 = g_ptr_array_index (ec2s, i);
      AmigoAccount *account = accounts ? g_ptr_array_index (accounts, i) : NULL;
      const char *number = account ? amigo_account_get_account_number (account) : account_number;

      /* The batch function and the completion each own a copy, as the
       * operation may drop its batch data before or after it completes. */
      RegionLoad *batch_load = region_load_new (self, ec2, source, number, account);

      batch_load->listed_owners = listed_owners ? g_hash_table_ref (listed_owners) : NULL;
      amigo_ec2_describe_images_batched_async (ec2, &request,
                                               images_batch_cb, batch_load,
                                               region_load_free,
                                               self->cancellable, describe_images_cb,
                                               region_load_new (self, ec2, source, number, account));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

void
amigo_image_store_load_full (AmigoImageStore        *self,
                             GPtrArray              *ec2s,
                             AmigoImageSource        source,
                             const char             *account_number,
                             gboolean                include_deprecated,
                             const AmigoImageSearch *search)
{
  start_load (self, ec2s, NULL, source, account_number, include_deprecated, search);
}

/**
 * amigo_image_store_load_accounts:
 * @ec2s: (element-type AmigoEc2): one per account and region
 * @accounts: (element-type AmigoAccount): parallel to @ec2s, whose each is
 *
 * Lists @source in several accounts at once: each image remembers its
 * account (amigo_image_store_get_image_account()), and each account and
 * region its own failure (amigo_image_store_get_account_error()). In
 * %AMIGO_IMAGE_SOURCE_SHARED, images owned by any of @accounts whose
 * account id is known are left out: they are those accounts' own.
 */
void
amigo_image_store_load_accounts (AmigoImageStore        *self,
                                 GPtrArray              *ec2s,
                                 GPtrArray              *accounts,
                                 AmigoImageSource        source,
                                 gboolean                include_deprecated,
                                 const AmigoImageSearch *search)
{
  g_return_if_fail (accounts != NULL && ec2s != NULL && accounts->len == ec2s->len);
  start_load (self, ec2s, accounts, source, NULL, include_deprecated, search);
}

/**
 * amigo_image_store_get_image_account:
 *
 * Returns: (nullable) (transfer none): the account a stored image was
 *   listed in, in a load of several accounts
 */
AmigoAccount *
amigo_image_store_get_image_account (AmigoImage *image)
{
  return g_object_get_qdata (G_OBJECT (image), account_quark);
}

/**
 * amigo_image_store_get_account_error:
 * @account: an account of the last amigo_image_store_load_accounts()
 * @region: one of its regions
 *
 * Returns: (nullable) (transfer none): why @region of @account failed
 */
const GError *
amigo_image_store_get_account_error (AmigoImageStore *self,
                                     AmigoAccount    *account,
                                     const char      *region)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (AMIGO_IS_IMAGE_STORE (self), NULL);
  key = g_strdup_printf ("%s\n%s", amigo_account_get_id (account), region);
  return g_hash_table_lookup (self->account_errors, key);
}

/**
 * amigo_image_store_append:
 * @images: (element-type AmigoImage): images to add at the end
 * @region: the region they are in
 *
 * Adds images; used by loads, and by benchmarks and tests that fill a
 * store without a server.
 */
void
amigo_image_store_append (AmigoImageStore *self,
                          GPtrArray       *images,
                          const char      *region)
{
  guint position;
  const char *interned = g_intern_string (region);

  g_return_if_fail (AMIGO_IS_IMAGE_STORE (self));

  if (images->len == 0)
    return;

  position = self->items->len;
  for (guint i = 0; i < images->len; i++)
    {
      AmigoImage *image = g_ptr_array_index (images, i);

      g_object_set_qdata (G_OBJECT (image), region_quark, (gpointer) interned);
      g_ptr_array_add (self->items, g_object_ref (image));
    }
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, images->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

gboolean
amigo_image_store_get_loading (AmigoImageStore *self)
{
  g_return_val_if_fail (AMIGO_IS_IMAGE_STORE (self), FALSE);
  return self->cancellable != NULL;
}

/**
 * amigo_image_store_get_error:
 *
 * Returns: (nullable) (transfer none): why the last load (or one of its
 *   regions) failed
 */
const GError *
amigo_image_store_get_error (AmigoImageStore *self)
{
  g_return_val_if_fail (AMIGO_IS_IMAGE_STORE (self), NULL);
  return self->error;
}

/**
 * amigo_image_store_get_n_regions_failed:
 *
 * Returns: how many regions of the last load failed; when it is less than
 *   the number of regions asked, the store holds the others' images
 */
guint
amigo_image_store_get_n_regions_failed (AmigoImageStore *self)
{
  g_return_val_if_fail (AMIGO_IS_IMAGE_STORE (self), 0);
  return self->n_failed;
}

/**
 * amigo_image_store_get_image_region:
 *
 * Returns: (nullable): the region a stored image is in
 */
const char *
amigo_image_store_get_image_region (AmigoImage *image)
{
  return g_object_get_qdata (G_OBJECT (image), region_quark);
}

/**
 * amigo_image_store_get_region_error:
 * @region: a region of the last load
 *
 * Returns: (nullable) (transfer none): why @region failed in the last
 *   load, or %NULL when it answered (or was not asked)
 */
const GError *
amigo_image_store_get_region_error (AmigoImageStore *self,
                                    const char      *region)
{
  g_return_val_if_fail (AMIGO_IS_IMAGE_STORE (self), NULL);
  return region ? g_hash_table_lookup (self->region_errors, g_intern_string (region)) : NULL;
}
