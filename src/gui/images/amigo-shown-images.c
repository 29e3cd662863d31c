/* amigo-shown-images.c
 *
 * A GListModel of the images a list shows: those of an underlying model
 * (the image store) that the filter keeps, in the order of the sort keys,
 * ties in the model's order.
 *
 * It does the work of a GtkFilterListModel and a GtkSortListModel in one,
 * because with 100 000 images their costs add up where a person feels it:
 *
 *  - each image's primary sort key is read once per sort, not once per
 *    comparison, and compared without GValues or virtual calls;
 *  - the filter runs over the images themselves, and a search keystroke
 *    never re-sorts anything: sorting comes first, filtering keeps that
 *    order;
 *  - getting the n-th shown image is an array lookup. GTK 4.8's list
 *    views ask for every item of a large change (to find rows they can
 *    keep), which through a chain of models cost more than the filtering;
 *  - a change is announced as one items-changed over just the span that
 *    differs.
 *
 * The underlying model is expected to grow at its end (downloads) or be
 * replaced as a whole; any other change is handled by starting over.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amigo-image-store.h"
#include "amigo-shown-images.h"

typedef struct {
  union {
    const char *text;
    gint64 number;
  } key;                        /* of the first sort key */
  guint32 index;                /* in ->all */
} Entry;

struct _AmigoShownImages
{
  GObject parent_instance;

  GListModel *model;
  AmigoImageFilter *filter;
  GPtrArray *all;               /* AmigoImage, owned, in the model's order */
  Entry *entries;               /* one per image of ->all, sorted */
  guint8 *matches;              /* by index in ->all: the filter keeps it */
  gsize allocated;              /* room in ->entries and ->matches */
  GPtrArray *shown;             /* AmigoImage, borrowed from ->all */
  AmigoImageSort sort[AMIGO_IMAGE_N_SORT_KEYS];
  guint n_sort;
};

static void amigo_shown_images_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AmigoShownImages, amigo_shown_images, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, amigo_shown_images_list_model_init))

/* Sort keys */

static gboolean
key_is_number (AmigoImageSortKey key)
{
  return key == AMIGO_IMAGE_SORT_CREATED || key == AMIGO_IMAGE_SORT_VISIBILITY ||
         key == AMIGO_IMAGE_SORT_DEPRECATION;
}

static gint64
number_key (AmigoImage        *image,
            AmigoImageSortKey  key)
{
  switch (key)
    {
    case AMIGO_IMAGE_SORT_CREATED:
      return amigo_image_get_creation_date_usec (image);
    case AMIGO_IMAGE_SORT_VISIBILITY:
      return amigo_image_get_is_public (image);
    case AMIGO_IMAGE_SORT_DEPRECATION:
      return amigo_image_get_deprecation_time_usec (image);
    case AMIGO_IMAGE_SORT_NAME:
    case AMIGO_IMAGE_SORT_IMAGE_ID:
    case AMIGO_IMAGE_SORT_STATE:
    case AMIGO_IMAGE_SORT_ARCHITECTURE:
    case AMIGO_IMAGE_SORT_ROOT_DEVICE:
    case AMIGO_IMAGE_SORT_VIRTUALIZATION:
    case AMIGO_IMAGE_SORT_PLATFORM:
    case AMIGO_IMAGE_SORT_OWNER:
    case AMIGO_IMAGE_SORT_REGION:
    case AMIGO_IMAGE_SORT_ACCOUNT:
    case AMIGO_IMAGE_N_SORT_KEYS:
    default:
      g_assert_not_reached ();
    }
}

/* Texts are the images' own strings, alive as long as the images. */
static const char *
text_key (AmigoImage        *image,
          AmigoImageSortKey  key)
{
  const char *value;
  AmigoAccount *account;

  switch (key)
    {
    case AMIGO_IMAGE_SORT_NAME:
      return amigo_image_get_name (image);
    case AMIGO_IMAGE_SORT_IMAGE_ID:
      return amigo_image_get_image_id (image);
    case AMIGO_IMAGE_SORT_STATE:
      return amigo_image_get_state (image);
    case AMIGO_IMAGE_SORT_ARCHITECTURE:
      return amigo_image_get_architecture (image);
    case AMIGO_IMAGE_SORT_ROOT_DEVICE:
      return amigo_image_get_root_device_type (image);
    case AMIGO_IMAGE_SORT_VIRTUALIZATION:
      return amigo_image_get_virtualization_type (image);
    case AMIGO_IMAGE_SORT_PLATFORM:
      /* As the Platform column reads: the details EC2 gives, else what
       * `platform` implies. */
      value = amigo_image_get_platform_details (image);
      if (value != NULL && *value != '\0')
        return value;
      return g_strcmp0 (amigo_image_get_platform (image), "windows") == 0 ? "Windows" : "Linux/UNIX";
    case AMIGO_IMAGE_SORT_OWNER:
      value = amigo_image_get_image_owner_alias (image);
      return value != NULL && *value != '\0' ? value : amigo_image_get_owner_id (image);
    case AMIGO_IMAGE_SORT_REGION:
      return amigo_image_store_get_image_region (image);
    case AMIGO_IMAGE_SORT_ACCOUNT:
      account = amigo_image_store_get_image_account (image);
      return account ? amigo_account_get_name (account) : NULL;
    case AMIGO_IMAGE_SORT_CREATED:
    case AMIGO_IMAGE_SORT_VISIBILITY:
    case AMIGO_IMAGE_SORT_DEPRECATION:
    case AMIGO_IMAGE_N_SORT_KEYS:
    default:
      g_assert_not_reached ();
    }
}

/* Ids and names are written in ASCII; case does not matter. No value
 * comes last. */
static int
compare_text (const char *a,
              const char *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  return g_ascii_strcasecmp (a, b);
}

static int
compare_number (gint64 a,
                gint64 b)
{
  return (a > b) - (a < b);
}

static int
compare_by_key (AmigoImage        *a,
                AmigoImage        *b,
                AmigoImageSortKey  key)
{
  if (key_is_number (key))
    return compare_number (number_key (a, key), number_key (b, key));
  return compare_text (text_key (a, key), text_key (b, key));
}

static void
set_entry_key (AmigoShownImages *self,
               Entry            *entry)
{
  AmigoImage *image = g_ptr_array_index (self->all, entry->index);
  AmigoImageSortKey key = self->sort[0].key;

  if (key_is_number (key))
    entry->key.number = number_key (image, key);
  else
    entry->key.text = text_key (image, key);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  AmigoShownImages *self = user_data;
  const Entry *ea = a;
  const Entry *eb = b;
  int result;

  if (key_is_number (self->sort[0].key))
    result = compare_number (ea->key.number, eb->key.number);
  else
    result = compare_text (ea->key.text, eb->key.text);
  if (self->sort[0].descending)
    result = -result;

  /* Ties go to the next keys, read from the images (rare), then to the
   * model's order, so sorting is stable. */
  for (guint i = 1; result == 0 && i < self->n_sort; i++)
    {
      result = compare_by_key (g_ptr_array_index (self->all, ea->index),
                               g_ptr_array_index (self->all, eb->index),
                               self->sort[i].key);
      if (self->sort[i].descending)
        result = -result;
    }
  if (result == 0)
    result = (ea->index > eb->index) - (ea->index < eb->index);
  return result;
}

/* Shown images */

static gboolean
match (AmigoShownImages *self,
       AmigoImage       *image)
{
  return self->filter == NULL || amigo_image_filter_match_image (self->filter, image);
}

/* Rebuilds ->shown from ->entries and ->matches and tells the views about
 * the one span that changed. */
static void
update_shown (AmigoShownImages *self)
{
  GPtrArray *old = self->shown;
  GPtrArray *shown = g_ptr_array_sized_new (MAX (old->len, 16));
  guint prefix = 0, suffix = 0, n_common;

  for (guint i = 0; i < self->all->len; i++)
    {
      guint32 index = self->entries[i].index;

      if (self->matches[index])
        g_ptr_array_add (shown, g_ptr_array_index (self->all, index));
    }

  n_common = MIN (old->len, shown->len);
  while (prefix < n_common && old->pdata[prefix] == shown->pdata[prefix])
    prefix++;
  while (suffix < n_common - prefix &&
         old->pdata[old->len - 1 - suffix] == shown->pdata[shown->len - 1 - suffix])
    suffix++;

  self->shown = shown;
  if (old->len != shown->len || prefix < n_common)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old->len - prefix - suffix,
                                shown->len - prefix - suffix);
  g_ptr_array_unref (old);
}

static void
reserve (AmigoShownImages *self,
         gsize             n)
{
  if (n <= self->allocated)
    return;
  self->allocated = MAX (n, self->allocated * 2);
  self->entries = g_renew (Entry, self->entries, self->allocated);
  self->matches = g_renew (guint8, self->matches, self->allocated);
}

static void
sort_all (AmigoShownImages *self)
{
  guint n = self->all->len;

  for (guint i = 0; i < n; i++)
    self->entries[i].index = i;
  if (self->n_sort == 0)
    return;
  for (guint i = 0; i < n; i++)
    set_entry_key (self, &self->entries[i]);
  g_qsort_with_data (self->entries, n, sizeof (Entry), compare_entries, self);
}

/* Reads every image of the model again. */
static void
reload (AmigoShownImages *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  g_ptr_array_set_size (self->all, 0);
  reserve (self, n);
  for (guint i = 0; i < n; i++)
    {
      AmigoImage *image = g_list_model_get_item (self->model, i);

      g_ptr_array_add (self->all, image);
      self->matches[i] = match (self, image);
    }
  sort_all (self);
  update_shown (self);
}

/* Images added at the end of the model: filtered, sorted among themselves,
 * then merged into the sorted ones. */
static void
append (AmigoShownImages *self,
        guint             added)
{
  guint n = self->all->len;
  g_autofree Entry *batch = NULL;
  guint i, j, k;

  reserve (self, n + added);
  for (i = 0; i < added; i++)
    {
      AmigoImage *image = g_list_model_get_item (self->model, n + i);

      g_ptr_array_add (self->all, image);
      self->matches[n + i] = match (self, image);
      self->entries[n + i].index = n + i;
    }

  if (self->n_sort > 0)
    {
      batch = g_new (Entry, added);
      for (i = 0; i < added; i++)
        {
          batch[i].index = n + i;
          set_entry_key (self, &batch[i]);
        }
      g_qsort_with_data (batch, added, sizeof (Entry), compare_entries, self);

      /* Merge from the end, in place. */
      i = n;
      j = added;
      k = n + added;
      while (j > 0)
        {
          if (i > 0 && compare_entries (&self->entries[i - 1], &batch[j - 1], self) > 0)
            self->entries[--k] = self->entries[--i];
          else
            self->entries[--k] = batch[--j];
        }
    }

  update_shown (self);
}

static void
on_model_items_changed_cb (GListModel       *model,
                           guint             position,
                           guint             removed,
                           guint             added,
                           AmigoShownImages *self)
{
  if (removed == 0 && position == self->all->len)
    {
      if (added > 0)
        append (self, added);
    }
  else
    {
      reload (self);
    }
}

static void
on_filter_changed_cb (GtkFilter        *filter,
                      GtkFilterChange   change,
                      AmigoShownImages *self)
{
  gboolean everything = !amigo_image_filter_is_active (self->filter);

  /* A stricter filter can only hide what is shown; a looser one only show
   * what is hidden. */
  for (guint i = 0; i < self->all->len; i++)
    {
      if (everything)
        self->matches[i] = TRUE;
      else if ((change == GTK_FILTER_CHANGE_MORE_STRICT && !self->matches[i]) ||
               (change == GTK_FILTER_CHANGE_LESS_STRICT && self->matches[i]))
        continue;
      else
        self->matches[i] = match (self, g_ptr_array_index (self->all, i));
    }
  update_shown (self);
}

/* GListModel */

static GType
amigo_shown_images_get_item_type (GListModel *model)
{
  return AMIGO_TYPE_IMAGE;
}

static guint
amigo_shown_images_get_n_items (GListModel *model)
{
  return AMIGO_SHOWN_IMAGES (model)->shown->len;
}

static gpointer
amigo_shown_images_get_item (GListModel *model,
                             guint       position)
{
  AmigoShownImages *self = AMIGO_SHOWN_IMAGES (model);

  if (position >= self->shown->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->shown, position));
}

static void
amigo_shown_images_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = amigo_shown_images_get_item_type;
  iface->get_n_items = amigo_shown_images_get_n_items;
  iface->get_item = amigo_shown_images_get_item;
}

static void
amigo_shown_images_dispose (GObject *object)
{
  AmigoShownImages *self = AMIGO_SHOWN_IMAGES (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (amigo_shown_images_parent_class)->dispose (object);
}

static void
amigo_shown_images_finalize (GObject *object)
{
  AmigoShownImages *self = AMIGO_SHOWN_IMAGES (object);

  g_ptr_array_unref (self->shown);
  g_ptr_array_unref (self->all);
  g_free (self->entries);
  g_free (self->matches);

  G_OBJECT_CLASS (amigo_shown_images_parent_class)->finalize (object);
}

static void
amigo_shown_images_class_init (AmigoShownImagesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = amigo_shown_images_dispose;
  object_class->finalize = amigo_shown_images_finalize;
}

static void
amigo_shown_images_init (AmigoShownImages *self)
{
  self->all = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = g_ptr_array_new ();
}

/**
 * amigo_shown_images_new:
 * @filter: (nullable): the search and filters, or %NULL to show every image
 *
 * Returns: (transfer full): a model showing nothing until given one
 */
AmigoShownImages *
amigo_shown_images_new (AmigoImageFilter *filter)
{
  AmigoShownImages *self = g_object_new (AMIGO_TYPE_SHOWN_IMAGES, NULL);

  g_return_val_if_fail (filter == NULL || AMIGO_IS_IMAGE_FILTER (filter), self);

  if (filter != NULL)
    {
      self->filter = g_object_ref (filter);
      g_signal_connect (filter, "changed", G_CALLBACK (on_filter_changed_cb), self);
    }
  return self;
}

/**
 * amigo_shown_images_set_model:
 * @model: (nullable): a model of #AmigoImage, such as an #AmigoImageStore
 */
void
amigo_shown_images_set_model (AmigoShownImages *self,
                              GListModel       *model)
{
  g_return_if_fail (AMIGO_IS_SHOWN_IMAGES (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect (model, "items-changed", G_CALLBACK (on_model_items_changed_cb), self);
  reload (self);
}

/**
 * amigo_shown_images_set_sort:
 * @sort: (array length=n_sort) (nullable): the keys, most significant first
 * @n_sort: how many; 0 keeps the model's order
 *
 * Sorts the images. Images equal in every key keep the model's order.
 */
void
amigo_shown_images_set_sort (AmigoShownImages     *self,
                             const AmigoImageSort *sort,
                             guint                 n_sort)
{
  g_return_if_fail (AMIGO_IS_SHOWN_IMAGES (self));
  g_return_if_fail (n_sort <= AMIGO_IMAGE_N_SORT_KEYS);

  if (n_sort == self->n_sort &&
      (n_sort == 0 || memcmp (sort, self->sort, n_sort * sizeof (AmigoImageSort)) == 0))
    return;
  for (guint i = 0; i < n_sort; i++)
    g_return_if_fail (sort[i].key < AMIGO_IMAGE_N_SORT_KEYS);

  self->n_sort = n_sort;
  if (n_sort > 0)
    memcpy (self->sort, sort, n_sort * sizeof (AmigoImageSort));
  sort_all (self);
  update_shown (self);
}
