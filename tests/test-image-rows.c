/* test-image-rows.c — the rows of the image table and their selection
 *
 * The rows sit on the real chain (store → shown images with a filter and
 * sort keys). Every items-changed of the rows is replayed on a mirror of
 * row objects; after each step each mirrored row must show the image at
 * its position, so a view trusting the signals and the rows' notifications
 * shows the right images.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "amigo-image-filter.h"
#include "amigo-image-rows.h"
#include "amigo-image-store.h"
#include "amigo-shown-images.h"

typedef struct {
  AmigoImageStore *store;
  AmigoImageFilter *filter;
  AmigoShownImages *shown;
  AmigoImageRows *rows;
  GPtrArray *mirror;            /* AmigoImageRow, owned */
  guint n_notified;             /* notify::image on mirrored rows */
  guint n_items_changed;
  guint n_selection_changed;
} Fixture;

static void
on_row_notify_cb (AmigoImageRow *row,
                  GParamSpec    *pspec,
                  Fixture       *fixture)
{
  fixture->n_notified++;
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *fixture)
{
  g_assert_cmpuint (position + removed, <=, fixture->mirror->len);
  fixture->n_items_changed++;
  for (guint i = position; i < position + removed; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (fixture->mirror, i), fixture);
  g_ptr_array_remove_range (fixture->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      AmigoImageRow *row = g_list_model_get_item (model, position + i);

      g_signal_connect (row, "notify::image", G_CALLBACK (on_row_notify_cb), fixture);
      g_ptr_array_insert (fixture->mirror, position + i, row);
    }
}

static void
on_selection_changed_cb (GtkSelectionModel *model,
                         guint              position,
                         guint              n_items,
                         Fixture           *fixture)
{
  g_assert_cmpuint (n_items, >, 0);
  g_assert_cmpuint (position + n_items, <=, g_list_model_get_n_items (G_LIST_MODEL (model)));
  fixture->n_selection_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = amigo_image_store_new ();
  fixture->filter = amigo_image_filter_new ();
  amigo_image_filter_set_include_deprecated (fixture->filter, TRUE);
  fixture->shown = amigo_shown_images_new (fixture->filter);
  amigo_shown_images_set_model (fixture->shown, G_LIST_MODEL (fixture->store));
  fixture->rows = amigo_image_rows_new (G_LIST_MODEL (fixture->shown));
  fixture->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (fixture->rows, "items-changed", G_CALLBACK (on_items_changed_cb), fixture);
  g_signal_connect (fixture->rows, "selection-changed", G_CALLBACK (on_selection_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; i < fixture->mirror->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (fixture->mirror, i), fixture);
  g_ptr_array_unref (fixture->mirror);
  g_object_unref (fixture->rows);
  g_object_unref (fixture->shown);
  g_object_unref (fixture->filter);
  g_object_unref (fixture->store);
}

static void
add_images (Fixture *fixture,
            ...)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, fixture);
  for (const char *name = va_arg (args, const char *); name != NULL; name = va_arg (args, const char *))
    {
      AmigoImage *image = amigo_image_new ();
      g_autofree char *id = g_strdup_printf ("ami-%s", name);

      g_object_set (image, "image-id", id, "name", name, NULL);
      g_ptr_array_add (batch, image);
    }
  va_end (args);
  amigo_image_store_append (fixture->store, batch, "us-east-1");
}

static void
sort_by_name (Fixture  *fixture,
              gboolean  descending)
{
  AmigoImageSort sort = { AMIGO_IMAGE_SORT_NAME, descending };

  amigo_shown_images_set_sort (fixture->shown, &sort, 1);
}

/* Each row, mirrored or asked for now, shows the image at its position. */
static void
assert_rows (Fixture *fixture)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture->shown));

  /* No image: the rows are kept, and nothing is selected. */
  g_assert_cmpint (amigo_image_rows_get_frozen (fixture->rows), ==,
                   n == 0 && fixture->mirror->len > 0);
  if (amigo_image_rows_get_frozen (fixture->rows))
    {
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->rows)), ==, fixture->mirror->len);
      for (guint i = 0; i < fixture->mirror->len; i++)
        g_assert_false (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (fixture->rows), i));
      g_assert_false (gtk_selection_model_select_item (GTK_SELECTION_MODEL (fixture->rows), 0, TRUE));
      return;
    }

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->rows)), ==, n);
  g_assert_cmpuint (fixture->mirror->len, ==, n);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (fixture->rows)) == AMIGO_TYPE_IMAGE_ROW);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmigoImage) image = g_list_model_get_item (G_LIST_MODEL (fixture->shown), i);
      g_autoptr(AmigoImageRow) row = g_list_model_get_item (G_LIST_MODEL (fixture->rows), i);

      g_assert_true (amigo_image_row_get_image (row) == image);
      g_assert_true (g_ptr_array_index (fixture->mirror, i) == row);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (fixture->rows), n));
}

static const char *
name_at (Fixture *fixture,
         guint    position)
{
  g_autoptr(AmigoImage) image = g_list_model_get_item (G_LIST_MODEL (fixture->shown), position);

  return amigo_image_get_name (image);
}

static void
test_rows_follow (Fixture       *fixture,
                  gconstpointer  data)
{
  AmigoImageRow *first;

  add_images (fixture, "c", "a", "b", NULL);
  assert_rows (fixture);
  first = g_ptr_array_index (fixture->mirror, 0);
  g_assert_cmpstr (amigo_image_get_name (amigo_image_row_get_image (first)), ==, "c");

  /* Sorting moves images, not rows: the first row now shows "a". */
  fixture->n_notified = 0;
  sort_by_name (fixture, FALSE);
  assert_rows (fixture);
  g_assert_true (g_ptr_array_index (fixture->mirror, 0) == first);
  g_assert_cmpstr (amigo_image_get_name (amigo_image_row_get_image (first)), ==, "a");
  g_assert_cmpuint (fixture->n_notified, ==, 3);

  /* A search shrinks the rows at their end. */
  amigo_image_filter_set_search (fixture->filter, "b");
  assert_rows (fixture);
  g_assert_cmpuint (fixture->mirror->len, ==, 1);
  g_assert_true (g_ptr_array_index (fixture->mirror, 0) == first);
  amigo_image_filter_set_search (fixture->filter, NULL);
  assert_rows (fixture);

  /* A row whose image stays says nothing. */
  fixture->n_notified = 0;
  add_images (fixture, "d", NULL);
  assert_rows (fixture);
  g_assert_cmpuint (fixture->n_notified, ==, 0);

  amigo_image_store_clear (fixture->store);
  assert_rows (fixture);
  add_images (fixture, "e", NULL);
  assert_rows (fixture);
}

/* A search matching nothing keeps the rows, without a word to the view;
 * undoing it hands them their images again. */
static void
test_frozen (Fixture       *fixture,
             gconstpointer  data)
{
  AmigoImageRow *first;
  guint n_signals;

  add_images (fixture, "web-1", "web-2", "db-1", NULL);
  g_assert_true (gtk_selection_model_select_item (GTK_SELECTION_MODEL (fixture->rows), 2, TRUE));
  first = g_ptr_array_index (fixture->mirror, 0);   /* the mirror keeps it */

  n_signals = fixture->n_items_changed;
  amigo_image_filter_set_search (fixture->filter, "nothing-like-this");
  assert_rows (fixture);
  g_assert_true (amigo_image_rows_get_frozen (fixture->rows));
  g_assert_cmpuint (fixture->n_items_changed, ==, n_signals);
  g_assert_cmpuint (fixture->mirror->len, ==, 3);
  /* A row asked for only now still has an image. */
  {
    g_autoptr(AmigoImageRow) row = g_list_model_get_item (G_LIST_MODEL (fixture->rows), 1);

    g_assert_nonnull (amigo_image_row_get_image (row));
  }

  /* Fewer images than rows: the rows at the end go. */
  amigo_image_filter_set_search (fixture->filter, "db");
  assert_rows (fixture);
  g_assert_false (amigo_image_rows_get_frozen (fixture->rows));
  g_assert_cmpuint (fixture->mirror->len, ==, 1);
  g_assert_true (g_ptr_array_index (fixture->mirror, 0) == first);
  g_assert_cmpstr (amigo_image_get_name (amigo_image_row_get_image (first)), ==, "db-1");
  /* The selection went with the images. */
  g_assert_false (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (fixture->rows), 0));

  /* Frozen again, then more images than rows. */
  amigo_image_filter_set_search (fixture->filter, "nothing-like-this");
  assert_rows (fixture);
  amigo_image_filter_set_search (fixture->filter, NULL);
  assert_rows (fixture);
  g_assert_cmpuint (fixture->mirror->len, ==, 3);

  /* A store cleared and filled again goes the same way. */
  amigo_image_store_clear (fixture->store);
  assert_rows (fixture);
  g_assert_true (amigo_image_rows_get_frozen (fixture->rows));
  add_images (fixture, "a", "b", "c", "d", NULL);
  assert_rows (fixture);
  g_assert_true (g_ptr_array_index (fixture->mirror, 0) == first);
  g_assert_cmpstr (amigo_image_get_name (amigo_image_row_get_image (first)), ==, "a");
}

static void
test_selection_follows_images (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (fixture->rows);
  g_autoptr(GtkBitset) selected = NULL;

  add_images (fixture, "c", "a", "b", NULL);
  assert_rows (fixture);
  g_assert_false (gtk_selection_model_is_selected (selection, 0));

  /* Select "a" (at 1), then sort descending: "a" is last. */
  g_assert_true (gtk_selection_model_select_item (selection, 1, TRUE));
  g_assert_cmpuint (fixture->n_selection_changed, ==, 1);
  g_assert_true (gtk_selection_model_is_selected (selection, 1));
  sort_by_name (fixture, TRUE);
  g_assert_cmpstr (name_at (fixture, 2), ==, "a");
  g_assert_true (gtk_selection_model_is_selected (selection, 2));
  g_assert_false (gtk_selection_model_is_selected (selection, 1));
  g_assert_cmpuint (fixture->n_selection_changed, ==, 2);
  selected = gtk_selection_model_get_selection (selection);
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
  g_assert_true (gtk_bitset_contains (selected, 2));
  g_clear_pointer (&selected, gtk_bitset_unref);

  /* Add "b" (now at 1) to the selection, then "c" alone. */
  g_assert_true (gtk_selection_model_select_item (selection, 1, FALSE));
  selected = gtk_selection_model_get_selection (selection);
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 2);
  g_clear_pointer (&selected, gtk_bitset_unref);
  g_assert_true (gtk_selection_model_unselect_item (selection, 2));
  g_assert_false (gtk_selection_model_is_selected (selection, 2));
  g_assert_true (gtk_selection_model_is_selected (selection, 1));

  /* Everything, nothing, a range. */
  g_assert_true (gtk_selection_model_select_all (selection));
  for (guint i = 0; i < 3; i++)
    g_assert_true (gtk_selection_model_is_selected (selection, i));
  g_assert_true (gtk_selection_model_unselect_all (selection));
  for (guint i = 0; i < 3; i++)
    g_assert_false (gtk_selection_model_is_selected (selection, i));
  g_assert_true (gtk_selection_model_select_range (selection, 1, 2, TRUE));
  selected = gtk_selection_model_get_selection_in_range (selection, 0, 3);
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 2);
  g_assert_false (gtk_bitset_contains (selected, 0));
  g_clear_pointer (&selected, gtk_bitset_unref);
}

/* A selected image a search hides is no longer selected, even when the
 * search is undone; the views are told. */
static void
test_hidden_unselected (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (fixture->rows);
  guint before;

  add_images (fixture, "web", "db", NULL);
  g_assert_true (gtk_selection_model_select_item (selection, 1, TRUE));   /* "db" */
  before = fixture->n_selection_changed;
  amigo_image_filter_set_search (fixture->filter, "web");
  assert_rows (fixture);
  g_assert_cmpuint (fixture->n_selection_changed, >, before);
  g_assert_false (gtk_selection_model_is_selected (selection, 0));
  amigo_image_filter_set_search (fixture->filter, NULL);
  assert_rows (fixture);
  g_assert_false (gtk_selection_model_is_selected (selection, 1));

  /* At the end of the list, where the rows shrink. */
  g_assert_true (gtk_selection_model_select_item (selection, 1, TRUE));   /* "db" */
  before = fixture->n_selection_changed;
  amigo_image_filter_set_search (fixture->filter, "web");
  g_assert_cmpuint (fixture->n_selection_changed, >, before);
  g_assert_false (gtk_selection_model_is_selected (selection, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/image-rows/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("rows-follow", test_rows_follow);
  ADD ("selection-follows-images", test_selection_follows_images);
  ADD ("hidden-unselected", test_hidden_unselected);
  ADD ("frozen", test_frozen);
#undef ADD

  return g_test_run ();
}
