/* amigo-image-rows.c
 *
 * The model the image table shows: one AmigoImageRow per position of a
 * model of images (the filtered, sorted AmigoShownImages), and which
 * images are selected.
 *
 * A row stands for a position, not an image. When a search or a sort
 * changes which image is at a position, the row there points to the new
 * image and its cells redraw; the model itself only grows or shrinks at
 * its end. GTK 4.8's list views destroy the widgets of rows a model
 * removes and build new ones for the rows it adds — some 200 rows of a
 * dozen cells each, the better part of a keystroke's time with 100 000
 * images. Rows that stay keep their widgets.
 *
 * When no image is left (a search that matches nothing, a store being
 * reloaded), the rows are kept as they were instead of removed, with
 * nothing selected (amigo_image_rows_get_frozen()), and the view is to
 * hide itself while its images are none; the next images are handed to
 * them. Removing them would make GTK 4.8 destroy every row's
 * widgets, and build them all again a keystroke later.
 *
 * The selection is a set of images, so it follows them as they move, and
 * drops those no longer shown (as a filtered list would).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-image-rows.h"

struct _AmigoImageRow
{
  GObject parent_instance;

  AmigoImage *image;
};

enum {
  ROW_PROP_0,
  ROW_PROP_IMAGE,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

G_DEFINE_FINAL_TYPE (AmigoImageRow, amigo_image_row, G_TYPE_OBJECT)

static void
amigo_image_row_finalize (GObject *object)
{
  g_clear_object (&AMIGO_IMAGE_ROW (object)->image);

  G_OBJECT_CLASS (amigo_image_row_parent_class)->finalize (object);
}

static void
amigo_image_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case ROW_PROP_IMAGE:
      g_value_set_object (value, AMIGO_IMAGE_ROW (object)->image);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amigo_image_row_class_init (AmigoImageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amigo_image_row_finalize;
  object_class->get_property = amigo_image_row_get_property;

  /**
   * AmigoImageRow:image:
   *
   * The image shown in this row; it changes when the list is searched,
   * filtered or sorted.
   */
  row_properties[ROW_PROP_IMAGE] =
    g_param_spec_object ("image", NULL, NULL, AMIGO_TYPE_IMAGE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
amigo_image_row_init (AmigoImageRow *self)
{
}

/**
 * amigo_image_row_get_image:
 *
 * Returns: (transfer none): the image this row shows now
 */
AmigoImage *
amigo_image_row_get_image (AmigoImageRow *self)
{
  g_return_val_if_fail (AMIGO_IS_IMAGE_ROW (self), NULL);

  return self->image;
}

/* The model */

struct _AmigoImageRows
{
  GObject parent_instance;

  GListModel *images;
  GPtrArray *rows;              /* AmigoImageRow or NULL, one per image */
  GHashTable *selected;         /* AmigoImage (owned) set */
  gboolean frozen;              /* no image: the rows are kept, hidden */
  AmigoImage *placeholder;      /* for a row first asked for while frozen */
};

static void amigo_image_rows_list_model_init (GListModelInterface *iface);
static void amigo_image_rows_selection_model_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AmigoImageRows, amigo_image_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, amigo_image_rows_list_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, amigo_image_rows_selection_model_init))

/* (transfer none): the images model keeps it */
static AmigoImage *
image_at (AmigoImageRows *self,
          guint           position)
{
  AmigoImage *image = g_list_model_get_item (self->images, position);

  g_object_unref (image);
  return image;
}

static void
row_set_image (AmigoImageRow *row,
               AmigoImage    *image)
{
  if (g_set_object (&row->image, image))
    g_object_notify_by_pspec (G_OBJECT (row), row_properties[ROW_PROP_IMAGE]);
}

/* Keeps selected only the images still shown. */
static gboolean
prune_selection (AmigoImageRows *self)
{
  GHashTable *kept;
  guint n, n_before;

  n_before = g_hash_table_size (self->selected);
  if (n_before == 0)
    return FALSE;

  kept = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, NULL);
  n = g_list_model_get_n_items (self->images);
  for (guint i = 0; i < n && g_hash_table_size (kept) < n_before; i++)
    {
      AmigoImage *image = image_at (self, i);

      if (g_hash_table_contains (self->selected, image))
        g_hash_table_add (kept, g_object_ref (image));
    }
  g_hash_table_unref (self->selected);
  self->selected = kept;
  return g_hash_table_size (kept) != n_before;
}

static void
on_images_changed_cb (GListModel     *images,
                      guint           position,
                      guint           removed,
                      guint           added,
                      AmigoImageRows *self)
{
  guint old_n = self->rows->len;
  guint new_n = g_list_model_get_n_items (images);
  guint n_common = MIN (old_n, new_n);
  gboolean had_selection = g_hash_table_size (self->selected) > 0;
  gboolean pruned = FALSE;

  /* No image left: the rows stay as they are, hidden (see above). */
  if (new_n == 0 && old_n > 0)
    {
      self->frozen = TRUE;
      g_hash_table_remove_all (self->selected);
      if (had_selection)
        gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), 0, old_n);
      return;
    }
  /* Images again: every row may show another. */
  if (self->frozen)
    {
      self->frozen = FALSE;
      position = 0;
    }

  /* Rows that stay show whatever image is now at their position. */
  for (guint i = position; i < n_common; i++)
    {
      AmigoImageRow *row = g_ptr_array_index (self->rows, i);

      if (row != NULL)
        row_set_image (row, image_at (self, i));
    }

  if (new_n < old_n)
    g_ptr_array_remove_range (self->rows, new_n, old_n - new_n);
  else
    g_ptr_array_set_size (self->rows, new_n);

  if (had_selection)
    pruned = prune_selection (self);

  if (new_n != old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), n_common,
                                old_n - n_common, new_n - n_common);
  /* The selected images may be elsewhere now, or gone. */
  if (had_selection && position < n_common)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), position, n_common - position);
  else if (pruned && new_n > 0)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), 0, new_n);
}

/**
 * amigo_image_rows_get_frozen:
 *
 * Returns: whether the images model is empty and the rows are kept, with
 *   the images they showed last, until it is not. A view must not show
 *   them meanwhile.
 */
gboolean
amigo_image_rows_get_frozen (AmigoImageRows *self)
{
  g_return_val_if_fail (AMIGO_IS_IMAGE_ROWS (self), FALSE);

  return self->frozen;
}

/* GListModel */

static GType
amigo_image_rows_get_item_type (GListModel *model)
{
  return AMIGO_TYPE_IMAGE_ROW;
}

static guint
amigo_image_rows_get_n_items (GListModel *model)
{
  return AMIGO_IMAGE_ROWS (model)->rows->len;
}

static gpointer
amigo_image_rows_get_item (GListModel *model,
                           guint       position)
{
  AmigoImageRows *self = AMIGO_IMAGE_ROWS (model);
  AmigoImageRow *row;

  if (position >= self->rows->len)
    return NULL;
  row = g_ptr_array_index (self->rows, position);
  if (row == NULL)
    {
      row = g_object_new (AMIGO_TYPE_IMAGE_ROW, NULL);
      if (self->frozen)
        {
          if (self->placeholder == NULL)
            self->placeholder = amigo_image_new ();
          row->image = g_object_ref (self->placeholder);
        }
      else
        {
          row->image = g_object_ref (image_at (self, position));
        }
      self->rows->pdata[position] = row;
    }
  return g_object_ref (row);
}

static void
amigo_image_rows_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = amigo_image_rows_get_item_type;
  iface->get_n_items = amigo_image_rows_get_n_items;
  iface->get_item = amigo_image_rows_get_item;
}

/* GtkSelectionModel: the rest comes from set_selection() */

static gboolean
amigo_image_rows_is_selected (GtkSelectionModel *model,
                              guint              position)
{
  AmigoImageRows *self = AMIGO_IMAGE_ROWS (model);

  if (position >= self->rows->len || g_hash_table_size (self->selected) == 0)
    return FALSE;
  return g_hash_table_contains (self->selected, image_at (self, position));
}

static GtkBitset *
amigo_image_rows_get_selection_in_range (GtkSelectionModel *model,
                                         guint              position,
                                         guint              n_items)
{
  AmigoImageRows *self = AMIGO_IMAGE_ROWS (model);
  GtkBitset *result = gtk_bitset_new_empty ();
  guint end = MIN (position + n_items, self->rows->len);
  guint found = 0, n_selected = g_hash_table_size (self->selected);

  for (guint i = position; i < end && found < n_selected; i++)
    if (g_hash_table_contains (self->selected, image_at (self, i)))
      {
        gtk_bitset_add (result, i);
        found++;
      }
  return result;
}

static gboolean
amigo_image_rows_set_selection (GtkSelectionModel *model,
                                GtkBitset         *selected,
                                GtkBitset         *mask)
{
  AmigoImageRows *self = AMIGO_IMAGE_ROWS (model);
  guint n = self->rows->len;
  GtkBitsetIter iter;
  guint position;

  if (self->frozen)
    return FALSE;
  if (gtk_bitset_is_empty (mask) || n == 0)
    return TRUE;

  if (gtk_bitset_get_size_in_range (mask, 0, n - 1) == n)
    {
      /* Everything is set: start from nothing. */
      g_hash_table_remove_all (self->selected);
      if (gtk_bitset_iter_init_first (&iter, selected, &position))
        do
          if (position < n)
            g_hash_table_add (self->selected, g_object_ref (image_at (self, position)));
        while (gtk_bitset_iter_next (&iter, &position));
    }
  else if (gtk_bitset_iter_init_first (&iter, mask, &position))
    {
      do
        {
          AmigoImage *image;

          if (position >= n)
            break;
          image = image_at (self, position);
          if (gtk_bitset_contains (selected, position))
            {
              if (!g_hash_table_contains (self->selected, image))
                g_hash_table_add (self->selected, g_object_ref (image));
            }
          else
            {
              g_hash_table_remove (self->selected, image);
            }
        }
      while (gtk_bitset_iter_next (&iter, &position));
    }

  position = gtk_bitset_get_minimum (mask);
  if (position < n)
    gtk_selection_model_selection_changed (model, position,
                                           MIN (gtk_bitset_get_maximum (mask), n - 1) - position + 1);
  return TRUE;
}

static void
amigo_image_rows_selection_model_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = amigo_image_rows_is_selected;
  iface->get_selection_in_range = amigo_image_rows_get_selection_in_range;
  iface->set_selection = amigo_image_rows_set_selection;
}

static void
amigo_image_rows_dispose (GObject *object)
{
  AmigoImageRows *self = AMIGO_IMAGE_ROWS (object);

  if (self->images != NULL)
    g_signal_handlers_disconnect_by_data (self->images, self);
  g_clear_object (&self->images);

  G_OBJECT_CLASS (amigo_image_rows_parent_class)->dispose (object);
}

static void
amigo_image_rows_finalize (GObject *object)
{
  AmigoImageRows *self = AMIGO_IMAGE_ROWS (object);

  g_ptr_array_unref (self->rows);
  g_hash_table_unref (self->selected);
  g_clear_object (&self->placeholder);

  G_OBJECT_CLASS (amigo_image_rows_parent_class)->finalize (object);
}

static void
amigo_image_rows_class_init (AmigoImageRowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = amigo_image_rows_dispose;
  object_class->finalize = amigo_image_rows_finalize;
}

static void
unref_row (gpointer row)
{
  if (row != NULL)
    g_object_unref (row);
}

static void
amigo_image_rows_init (AmigoImageRows *self)
{
  self->rows = g_ptr_array_new_with_free_func (unref_row);
  self->selected = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, NULL);
}

/**
 * amigo_image_rows_new:
 * @images: a model of #AmigoImage
 *
 * Returns: (transfer full): rows for @images, none selected
 */
AmigoImageRows *
amigo_image_rows_new (GListModel *images)
{
  AmigoImageRows *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (images), NULL);

  self = g_object_new (AMIGO_TYPE_IMAGE_ROWS, NULL);
  self->images = g_object_ref (images);
  g_ptr_array_set_size (self->rows, g_list_model_get_n_items (images));
  g_signal_connect (images, "items-changed", G_CALLBACK (on_images_changed_cb), self);
  return self;
}
