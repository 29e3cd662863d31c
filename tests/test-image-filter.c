/* test-image-filter.c — search and filters of the image list, on parsed images
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "amigo-ec2-parsers.h"
#include "amigo-image-filter.h"
#include "amigo-image-store.h"

static GPtrArray *images;

static void
collect_cb (GPtrArray *batch,
            gpointer   user_data)
{
  for (guint i = 0; i < batch->len; i++)
    g_ptr_array_add (images, g_object_ref (g_ptr_array_index (batch, i)));
}

/* The synthetic sample: two images with tags, product codes, a deprecation
 * time, uefi boot modes. */
static void
load_sample (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "ec2-samples", "synthetic", "DescribeImages.xml", NULL);
  g_autofree char *xml = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;
  AmigoEc2Parser *parser;

  g_file_get_contents (path, &xml, &len, &error);
  g_assert_no_error (error);
  images = g_ptr_array_new_with_free_func (g_object_unref);
  parser = amigo_ec2_parser_new_describe_images (collect_cb, NULL);
  g_assert_true (amigo_ec2_parser_feed (parser, xml, len, &error));
  g_assert_true (amigo_ec2_parser_finish (parser, &error));
  g_assert_no_error (error);
  amigo_ec2_parser_free (parser);
  g_assert_cmpuint (images->len, ==, 2);
}

static guint
count (AmigoImageFilter *filter)
{
  guint n = 0;

  for (guint i = 0; i < images->len; i++)
    n += amigo_image_filter_match_image (filter, g_ptr_array_index (images, i));
  return n;
}

static void
test_search (void)
{
  g_autoptr(AmigoImageFilter) filter = amigo_image_filter_new ();

  amigo_image_filter_set_include_deprecated (filter, TRUE);
  g_assert_cmpuint (count (filter), ==, 2);

  /* Case does not matter; every word must be found somewhere. */
  amigo_image_filter_set_search (filter, "AMI-0ABCDEF1234567890");
  g_assert_cmpuint (count (filter), ==, 1);
  amigo_image_filter_set_search (filter, "   ");
  g_assert_cmpuint (count (filter), ==, 2);
  amigo_image_filter_set_search (filter, "nothing-like-this");
  g_assert_cmpuint (count (filter), ==, 0);
  amigo_image_filter_set_search (filter, NULL);
  g_assert_cmpuint (count (filter), ==, 2);
}

static void
test_search_tag_values (void)
{
  g_autoptr(AmigoImageFilter) filter = amigo_image_filter_new ();
  guint n_tags = 0;
  const AmigoTag *tags;
  AmigoImage *tagged = NULL;

  amigo_image_filter_set_include_deprecated (filter, TRUE);
  for (guint i = 0; i < images->len && tagged == NULL; i++)
    {
      tags = amigo_image_get_tags (g_ptr_array_index (images, i), &n_tags);
      if (n_tags > 0)
        tagged = g_ptr_array_index (images, i);
    }
  g_assert_nonnull (tagged);
  tags = amigo_image_get_tags (tagged, &n_tags);

  /* The sample has a tag value with an escaped ampersand ("R&D"). */
  amigo_image_filter_set_search (filter, tags[n_tags - 1].value);
  g_assert_cmpuint (count (filter), >=, 1);
  g_assert_true (amigo_image_filter_match_image (filter, tagged));
}

static void
test_filters (void)
{
  g_autoptr(AmigoImageFilter) filter = amigo_image_filter_new ();
  AmigoImage *first = g_ptr_array_index (images, 0);

  amigo_image_filter_set_include_deprecated (filter, TRUE);
  amigo_image_filter_set_architecture (filter, amigo_image_get_architecture (first));
  g_assert_true (amigo_image_filter_match_image (filter, first));
  amigo_image_filter_set_architecture (filter, "no-such-architecture");
  g_assert_cmpuint (count (filter), ==, 0);
  amigo_image_filter_set_architecture (filter, NULL);

  amigo_image_filter_set_root_device_type (filter, "instance-store");
  for (guint i = 0; i < images->len; i++)
    g_assert_cmpint (amigo_image_filter_match_image (filter, g_ptr_array_index (images, i)), ==,
                     g_strcmp0 (amigo_image_get_root_device_type (g_ptr_array_index (images, i)), "instance-store") == 0);
  amigo_image_filter_set_root_device_type (filter, "");
  g_assert_cmpuint (count (filter), ==, 2);

  /* Linux/UNIX is every image without a platform. */
  amigo_image_filter_set_platform (filter, "linux");
  for (guint i = 0; i < images->len; i++)
    g_assert_cmpint (amigo_image_filter_match_image (filter, g_ptr_array_index (images, i)), ==,
                     amigo_image_get_platform (g_ptr_array_index (images, i)) == NULL);
  amigo_image_filter_set_platform (filter, NULL);

  amigo_image_filter_set_state (filter, "available");
  for (guint i = 0; i < images->len; i++)
    g_assert_cmpint (amigo_image_filter_match_image (filter, g_ptr_array_index (images, i)), ==,
                     g_strcmp0 (amigo_image_get_state (g_ptr_array_index (images, i)), "available") == 0);
}

static void
test_deprecated (void)
{
  g_autoptr(AmigoImageFilter) filter = amigo_image_filter_new ();
  AmigoImage *deprecated = NULL;
  gint64 when;

  for (guint i = 0; i < images->len; i++)
    if (amigo_image_get_deprecation_time_usec (g_ptr_array_index (images, i)) != 0)
      deprecated = g_ptr_array_index (images, i);
  g_assert_nonnull (deprecated);
  when = amigo_image_get_deprecation_time_usec (deprecated);

  /* Before its deprecation time the image shows; after it, only when asked. */
  amigo_image_filter_set_now (filter, when - G_USEC_PER_SEC);
  g_assert_true (amigo_image_filter_match_image (filter, deprecated));
  amigo_image_filter_set_now (filter, when + G_USEC_PER_SEC);
  g_assert_false (amigo_image_filter_match_image (filter, deprecated));
  amigo_image_filter_set_include_deprecated (filter, TRUE);
  g_assert_true (amigo_image_filter_match_image (filter, deprecated));
}

static void
test_filter_model (void)
{
  g_autoptr(AmigoImageStore) store = amigo_image_store_new ();
  g_autoptr(AmigoImageFilter) filter = amigo_image_filter_new ();
  g_autoptr(GtkFilterListModel) model = NULL;

  amigo_image_store_append (store, images, "eu-west-1");
  g_assert_cmpstr (amigo_image_store_get_image_region (g_ptr_array_index (images, 0)), ==, "eu-west-1");
  amigo_image_filter_set_include_deprecated (filter, TRUE);
  model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (store)), GTK_FILTER (g_object_ref (filter)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);

  /* Narrowing, then widening again, through the model as the window does. */
  amigo_image_filter_set_search (filter, "ami-0abcdef1234567890");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  amigo_image_filter_set_search (filter, "ami-0abcdef");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, 1);
  amigo_image_filter_set_search (filter, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);

  amigo_image_store_clear (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
}

static gboolean
name_matches (const char *name,
              const char *search)
{
  g_autoptr(AmigoImageFilter) filter = amigo_image_filter_new ();
  g_autoptr(AmigoImage) image = amigo_image_new ();

  g_object_set (image, "name", name, NULL);
  amigo_image_filter_set_include_deprecated (filter, TRUE);
  amigo_image_filter_set_search (filter, search);
  return amigo_image_filter_match_image (filter, image);
}

/* Words are found ignoring case wherever they start, however often their
 * first letter comes before; non-ASCII words too. */
static void
test_search_matching (void)
{
  g_assert_true (name_matches ("aaab", "aab"));
  g_assert_true (name_matches ("AAAB", "aab"));
  g_assert_true (name_matches ("xAaB", "AAB"));
  g_assert_true (name_matches ("Ubuntu", "u"));
  g_assert_true (name_matches ("ubuntu", "TU"));
  g_assert_true (name_matches ("web-2024", "-20"));
  g_assert_true (name_matches ("web-2024", "4"));
  g_assert_false (name_matches ("aaa", "aaaa"));
  g_assert_false (name_matches ("ubunt", "ntu"));
  g_assert_false (name_matches ("web", "weba"));
  g_assert_false (name_matches ("", "a"));
  /* Every word, anywhere. */
  g_assert_true (name_matches ("seoul-web-server", "SERVER seoul"));
  g_assert_false (name_matches ("seoul-web-server", "server tokyo"));
  /* Non-ASCII: casefolded. */
  g_assert_true (name_matches ("서울-웹-서버", "웹"));
  g_assert_true (name_matches ("ÉCOLE", "école"));
  g_assert_false (name_matches ("서울-웹-서버", "부산"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  load_sample ();

  g_test_add_func ("/image-filter/search", test_search);
  g_test_add_func ("/image-filter/search-tag-values", test_search_tag_values);
  g_test_add_func ("/image-filter/search-matching", test_search_matching);
  g_test_add_func ("/image-filter/filters", test_filters);
  g_test_add_func ("/image-filter/deprecated", test_deprecated);
  g_test_add_func ("/image-filter/filter-model", test_filter_model);

  status = g_test_run ();
  g_ptr_array_unref (images);
  return status;
}
