/* test-shown-images.c — the filtered, sorted model behind the image list
 *
 * Each check compares the model with a plain reference (filter, then a
 * stable sort written out here), and replays every items-changed the model
 * emitted on a mirror, which must end up equal to the model: a view that
 * trusts those signals shows exactly the right rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "amigo-image-filter.h"
#include "amigo-image-store.h"
#include "amigo-shown-images.h"

typedef struct {
  AmigoImageStore *store;
  AmigoImageFilter *filter;
  AmigoShownImages *shown;
  GPtrArray *mirror;            /* AmigoImage, owned: the signals replayed */
  guint n_signals;
  AmigoImageSort sort[3];
  guint n_sort;
} Fixture;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *fixture)
{
  g_assert_cmpuint (position + removed, <=, fixture->mirror->len);
  g_assert_true (removed > 0 || added > 0);
  g_ptr_array_remove_range (fixture->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (fixture->mirror, position + i, g_list_model_get_item (model, position + i));
  fixture->n_signals++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = amigo_image_store_new ();
  fixture->filter = amigo_image_filter_new ();
  amigo_image_filter_set_include_deprecated (fixture->filter, TRUE);
  fixture->shown = amigo_shown_images_new (fixture->filter);
  fixture->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (fixture->shown, "items-changed", G_CALLBACK (on_items_changed_cb), fixture);
  amigo_shown_images_set_model (fixture->shown, G_LIST_MODEL (fixture->store));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_unref (fixture->shown);
  g_object_unref (fixture->filter);
  g_object_unref (fixture->store);
  g_ptr_array_unref (fixture->mirror);
}

static AmigoImage *
make_image (const char *image_id,
            const char *name,
            const char *created,
            const char *architecture)
{
  AmigoImage *image = amigo_image_new ();

  g_object_set (image,
                "image-id", image_id,
                "name", name,
                "creation-date", created,
                "architecture", architecture,
                NULL);
  return image;
}

static void
append (Fixture    *fixture,
        AmigoImage *first,
        ...)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, first);
  for (AmigoImage *image = first; image != NULL; image = va_arg (args, AmigoImage *))
    g_ptr_array_add (batch, image);
  va_end (args);
  amigo_image_store_append (fixture->store, batch, "us-east-1");
}

static void
set_sort (Fixture           *fixture,
          AmigoImageSortKey  key,
          gboolean           descending)
{
  fixture->sort[0].key = key;
  fixture->sort[0].descending = descending;
  fixture->n_sort = 1;
  amigo_shown_images_set_sort (fixture->shown, fixture->sort, 1);
}

/* The reference: written independently of the model's code. */

static int
ref_compare_text (const char *a,
                  const char *b)
{
  if (a == NULL && b == NULL)
    return 0;
  if (a == NULL)
    return 1;                   /* no value last */
  if (b == NULL)
    return -1;
  return g_ascii_strcasecmp (a, b);
}

static int
ref_compare_key (AmigoImage        *a,
                 AmigoImage        *b,
                 AmigoImageSortKey  key)
{
  gint64 na, nb;

  switch (key)
    {
    case AMIGO_IMAGE_SORT_NAME:
      return ref_compare_text (amigo_image_get_name (a), amigo_image_get_name (b));
    case AMIGO_IMAGE_SORT_IMAGE_ID:
      return ref_compare_text (amigo_image_get_image_id (a), amigo_image_get_image_id (b));
    case AMIGO_IMAGE_SORT_ARCHITECTURE:
      return ref_compare_text (amigo_image_get_architecture (a), amigo_image_get_architecture (b));
    case AMIGO_IMAGE_SORT_CREATED:
      na = amigo_image_get_creation_date_usec (a);
      nb = amigo_image_get_creation_date_usec (b);
      return na < nb ? -1 : na > nb;
    case AMIGO_IMAGE_SORT_STATE:
    case AMIGO_IMAGE_SORT_ROOT_DEVICE:
    case AMIGO_IMAGE_SORT_VIRTUALIZATION:
    case AMIGO_IMAGE_SORT_PLATFORM:
    case AMIGO_IMAGE_SORT_OWNER:
    case AMIGO_IMAGE_SORT_VISIBILITY:
    case AMIGO_IMAGE_SORT_DEPRECATION:
    case AMIGO_IMAGE_SORT_REGION:
    case AMIGO_IMAGE_SORT_ACCOUNT:
    case AMIGO_IMAGE_N_SORT_KEYS:
    default:
      g_assert_not_reached ();
    }
}

typedef struct {
  AmigoImage *image;
  guint index;
} RefEntry;

static int
ref_compare (gconstpointer pa,
             gconstpointer pb,
             gpointer      user_data)
{
  const RefEntry *a = pa, *b = pb;
  Fixture *fixture = user_data;

  for (guint i = 0; i < fixture->n_sort; i++)
    {
      int result = ref_compare_key (a->image, b->image, fixture->sort[i].key);

      if (result != 0)
        return fixture->sort[i].descending ? -result : result;
    }
  return a->index < b->index ? -1 : a->index > b->index;
}

static void
assert_shown (Fixture *fixture)
{
  GListModel *store = G_LIST_MODEL (fixture->store);
  GListModel *shown = G_LIST_MODEL (fixture->shown);
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (RefEntry));

  for (guint i = 0; i < g_list_model_get_n_items (store); i++)
    {
      RefEntry entry = { g_list_model_get_item (store, i), i };

      if (amigo_image_filter_match_image (fixture->filter, entry.image))
        g_array_append_val (expected, entry);
      g_object_unref (entry.image);   /* the store keeps it */
    }
  g_array_sort_with_data (expected, ref_compare, fixture);

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, expected->len);
  g_assert_cmpuint (fixture->mirror->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(AmigoImage) image = g_list_model_get_item (shown, i);

      g_assert_true (image == g_array_index (expected, RefEntry, i).image);
      g_assert_true (g_ptr_array_index (fixture->mirror, i) == image);
    }
  g_assert_null (g_list_model_get_item (shown, expected->len));
  g_assert_true (g_list_model_get_item_type (shown) == AMIGO_TYPE_IMAGE);
}

static const char *
name_at (Fixture *fixture,
         guint    position)
{
  g_autoptr(AmigoImage) image = g_list_model_get_item (G_LIST_MODEL (fixture->shown), position);

  return image != NULL ? amigo_image_get_name (image) : NULL;
}

static void
test_model_order (Fixture       *fixture,
                  gconstpointer  data)
{
  append (fixture,
          make_image ("ami-1", "beta", "2024-01-02T00:00:00.000Z", "x86_64"),
          make_image ("ami-2", "Alpha", "2024-01-01T00:00:00.000Z", "arm64"),
          NULL);
  append (fixture, make_image ("ami-3", "gamma", "2024-01-03T00:00:00.000Z", "x86_64"), NULL);
  assert_shown (fixture);
  g_assert_cmpstr (name_at (fixture, 0), ==, "beta");
  g_assert_cmpstr (name_at (fixture, 2), ==, "gamma");
  /* Growing at the end is told as an addition at the end. */
  g_assert_cmpuint (fixture->n_signals, ==, 2);
}

static void
test_sort_text (Fixture       *fixture,
                gconstpointer  data)
{
  append (fixture,
          make_image ("ami-1", "beta", "2024-01-02T00:00:00.000Z", "x86_64"),
          make_image ("ami-2", NULL, "2024-01-01T00:00:00.000Z", "arm64"),
          make_image ("ami-3", "Alpha", "2024-01-03T00:00:00.000Z", "x86_64"),
          make_image ("ami-4", "alpha", "2024-01-04T00:00:00.000Z", "x86_64"),
          NULL);

  /* Case does not matter, ties keep the server's order, no name last. */
  set_sort (fixture, AMIGO_IMAGE_SORT_NAME, FALSE);
  assert_shown (fixture);
  g_assert_cmpstr (name_at (fixture, 0), ==, "Alpha");
  g_assert_cmpstr (name_at (fixture, 1), ==, "alpha");
  g_assert_cmpstr (name_at (fixture, 2), ==, "beta");
  g_assert_null (name_at (fixture, 3));

  /* Descending reverses the keys, not the ties. */
  set_sort (fixture, AMIGO_IMAGE_SORT_NAME, TRUE);
  assert_shown (fixture);
  g_assert_null (name_at (fixture, 0));
  g_assert_cmpstr (name_at (fixture, 1), ==, "beta");
  g_assert_cmpstr (name_at (fixture, 2), ==, "Alpha");

  /* Back to the server's order. */
  amigo_shown_images_set_sort (fixture->shown, NULL, 0);
  fixture->n_sort = 0;
  assert_shown (fixture);
  g_assert_cmpstr (name_at (fixture, 0), ==, "beta");
}

static void
test_sort_dates (Fixture       *fixture,
                 gconstpointer  data)
{
  append (fixture,
          make_image ("ami-1", "b", "2024-01-02T00:00:00.000Z", "x86_64"),
          make_image ("ami-2", "a", "2023-12-31T23:59:59.000Z", "arm64"),
          make_image ("ami-3", "c", "2024-01-10T00:00:00.000Z", "x86_64"),
          NULL);
  set_sort (fixture, AMIGO_IMAGE_SORT_CREATED, TRUE);
  assert_shown (fixture);
  g_assert_cmpstr (name_at (fixture, 0), ==, "c");
  g_assert_cmpstr (name_at (fixture, 2), ==, "a");
}

/* The second key decides ties of the first. */
static void
test_sort_two_keys (Fixture       *fixture,
                    gconstpointer  data)
{
  const AmigoImageSort sort[] = {
    { AMIGO_IMAGE_SORT_ARCHITECTURE, FALSE },
    { AMIGO_IMAGE_SORT_CREATED, TRUE },
  };

  append (fixture,
          make_image ("ami-1", "x-old", "2024-01-01T00:00:00.000Z", "x86_64"),
          make_image ("ami-2", "a-old", "2024-01-01T00:00:00.000Z", "arm64"),
          make_image ("ami-3", "x-new", "2024-02-01T00:00:00.000Z", "x86_64"),
          make_image ("ami-4", "a-new", "2024-02-01T00:00:00.000Z", "arm64"),
          NULL);
  memcpy (fixture->sort, sort, sizeof sort);
  fixture->n_sort = 2;
  amigo_shown_images_set_sort (fixture->shown, sort, 2);
  assert_shown (fixture);
  g_assert_cmpstr (name_at (fixture, 0), ==, "a-new");
  g_assert_cmpstr (name_at (fixture, 1), ==, "a-old");
  g_assert_cmpstr (name_at (fixture, 2), ==, "x-new");
  g_assert_cmpstr (name_at (fixture, 3), ==, "x-old");
}

/* Images arriving while sorted are merged in their places. */
static void
test_append_sorted (Fixture       *fixture,
                    gconstpointer  data)
{
  set_sort (fixture, AMIGO_IMAGE_SORT_NAME, FALSE);
  append (fixture,
          make_image ("ami-1", "d", NULL, "x86_64"),
          make_image ("ami-2", "b", NULL, "x86_64"),
          NULL);
  assert_shown (fixture);
  append (fixture,
          make_image ("ami-3", "e", NULL, "x86_64"),
          make_image ("ami-4", "a", NULL, "x86_64"),
          make_image ("ami-5", "c", NULL, "x86_64"),
          NULL);
  assert_shown (fixture);
  for (guint i = 0; i < 5; i++)
    {
      char expected[2] = { (char) ('a' + i), '\0' };

      g_assert_cmpstr (name_at (fixture, i), ==, expected);
    }
}

static void
test_search_and_filters (Fixture       *fixture,
                         gconstpointer  data)
{
  append (fixture,
          make_image ("ami-1", "web-server", NULL, "x86_64"),
          make_image ("ami-2", "database", NULL, "arm64"),
          make_image ("ami-3", "Web-proxy", NULL, "arm64"),
          make_image ("ami-4", "worker", NULL, "x86_64"),
          NULL);
  set_sort (fixture, AMIGO_IMAGE_SORT_NAME, FALSE);

  /* Typing on narrows, deleting widens, in the sorted order. */
  amigo_image_filter_set_search (fixture->filter, "w");
  assert_shown (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->shown)), ==, 3);
  amigo_image_filter_set_search (fixture->filter, "web");
  assert_shown (fixture);
  g_assert_cmpstr (name_at (fixture, 0), ==, "Web-proxy");
  g_assert_cmpstr (name_at (fixture, 1), ==, "web-server");
  amigo_image_filter_set_search (fixture->filter, "web-x");
  assert_shown (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->shown)), ==, 0);
  amigo_image_filter_set_search (fixture->filter, "w");
  assert_shown (fixture);

  /* A filter on top of the search, then a different one. */
  amigo_image_filter_set_architecture (fixture->filter, "arm64");
  assert_shown (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->shown)), ==, 1);
  amigo_image_filter_set_architecture (fixture->filter, "x86_64");
  assert_shown (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->shown)), ==, 2);

  /* Images arriving while filtered are filtered. */
  append (fixture, make_image ("ami-5", "wiki", NULL, "x86_64"), make_image ("ami-6", "wiki", NULL, "arm64"), NULL);
  assert_shown (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->shown)), ==, 3);

  amigo_image_filter_set_architecture (fixture->filter, NULL);
  amigo_image_filter_set_search (fixture->filter, NULL);
  assert_shown (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->shown)), ==, 6);
}

/* Nothing changes, nothing is said. */
static void
test_quiet (Fixture       *fixture,
            gconstpointer  data)
{
  guint n;

  append (fixture,
          make_image ("ami-1", "a", NULL, "x86_64"),
          make_image ("ami-2", "b", NULL, "x86_64"),
          NULL);
  n = fixture->n_signals;
  set_sort (fixture, AMIGO_IMAGE_SORT_NAME, FALSE);   /* already in order */
  amigo_image_filter_set_search (fixture->filter, "ami");       /* both match */
  amigo_image_filter_set_architecture (fixture->filter, "x86_64");
  g_assert_cmpuint (fixture->n_signals, ==, n);
  assert_shown (fixture);
}

static void
test_clear_and_replace (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(AmigoImageStore) other = amigo_image_store_new ();
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);

  append (fixture,
          make_image ("ami-1", "a", NULL, "x86_64"),
          make_image ("ami-2", "b", NULL, "x86_64"),
          NULL);
  set_sort (fixture, AMIGO_IMAGE_SORT_NAME, TRUE);
  amigo_image_store_clear (fixture->store);
  assert_shown (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->shown)), ==, 0);

  /* Another store: its images, sorted as asked. */
  g_ptr_array_add (batch, make_image ("ami-3", "c", NULL, "x86_64"));
  g_ptr_array_add (batch, make_image ("ami-4", "d", NULL, "x86_64"));
  amigo_image_store_append (other, batch, "eu-west-1");
  amigo_shown_images_set_model (fixture->shown, G_LIST_MODEL (other));
  g_assert_cmpstr (name_at (fixture, 0), ==, "d");
  g_assert_cmpuint (fixture->mirror->len, ==, 2);
  /* The old store no longer reaches the model. */
  append (fixture, make_image ("ami-5", "e", NULL, "x86_64"), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->shown)), ==, 2);
  amigo_shown_images_set_model (fixture->shown, NULL);
  g_assert_cmpuint (fixture->mirror->len, ==, 0);
}

/* Many random steps: batches, searches, filters, sorts, clears; after
 * each, the model, the mirror and the reference agree. */
static void
test_random (Fixture       *fixture,
             gconstpointer  data)
{
  static const char *names[] = { "web", "Web", "worker", "db", "DB-west", "alpha", "beta", NULL };
  static const char *dates[] = { "2024-01-01T00:00:00.000Z", "2024-01-02T00:00:00.000Z",
                                 "2023-06-01T12:00:00.000Z", NULL };
  static const char *archs[] = { "x86_64", "arm64", "i386" };
  static const char *searches[] = { "", "w", "we", "web", "b", "d", "ami-1", "zz", "W E" };
  static const AmigoImageSortKey keys[] = { AMIGO_IMAGE_SORT_NAME, AMIGO_IMAGE_SORT_IMAGE_ID,
                                            AMIGO_IMAGE_SORT_ARCHITECTURE, AMIGO_IMAGE_SORT_CREATED };
  guint next_id = 0;

  for (guint step = 0; step < 400; step++)
    {
      switch (g_test_rand_int_range (0, 6))
        {
        case 0:
        case 1:
          {
            g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
            guint n = g_test_rand_int_range (1, 40);

            for (guint i = 0; i < n; i++)
              {
                g_autofree char *id = g_strdup_printf ("ami-%u", next_id++);

                g_ptr_array_add (batch, make_image (id,
                                                    names[g_test_rand_int_range (0, G_N_ELEMENTS (names))],
                                                    dates[g_test_rand_int_range (0, G_N_ELEMENTS (dates))],
                                                    archs[g_test_rand_int_range (0, G_N_ELEMENTS (archs))]));
              }
            amigo_image_store_append (fixture->store, batch, "us-east-1");
          }
          break;
        case 2:
          amigo_image_filter_set_search (fixture->filter, searches[g_test_rand_int_range (0, G_N_ELEMENTS (searches))]);
          break;
        case 3:
          amigo_image_filter_set_architecture (fixture->filter,
                                               g_test_rand_bit () ? NULL : archs[g_test_rand_int_range (0, G_N_ELEMENTS (archs))]);
          break;
        case 4:
          fixture->n_sort = g_test_rand_int_range (0, 3);
          for (guint i = 0; i < fixture->n_sort; i++)
            {
              fixture->sort[i].key = keys[g_test_rand_int_range (0, G_N_ELEMENTS (keys))];
              fixture->sort[i].descending = g_test_rand_bit ();
            }
          amigo_shown_images_set_sort (fixture->shown, fixture->sort, fixture->n_sort);
          break;
        case 5:
          if (g_test_rand_int_range (0, 10) == 0)
            amigo_image_store_clear (fixture->store);
          break;
        default:
          g_assert_not_reached ();
        }
      assert_shown (fixture);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/shown-images/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("model-order", test_model_order);
  ADD ("sort-text", test_sort_text);
  ADD ("sort-dates", test_sort_dates);
  ADD ("sort-two-keys", test_sort_two_keys);
  ADD ("append-sorted", test_append_sorted);
  ADD ("search-and-filters", test_search_and_filters);
  ADD ("quiet", test_quiet);
  ADD ("clear-and-replace", test_clear_and_replace);
  ADD ("random", test_random);
#undef ADD

  return g_test_run ();
}
