/* test-image-search.c — the search box's text as DescribeImages filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-image-search.h"
#include "amigo-image-store.h"

typedef struct {
  const char *text;
  const char *filter;           /* NULL: nothing to search */
  const char *values[5];
} SearchCase;

static const SearchCase cases[] = {
  { "", NULL, { NULL } },
  { "   ", NULL, { NULL } },
  /* EC2 compares names case-sensitively: every usual casing, ORed. */
  { "ubuntu", "name", { "*ubuntu*", "*Ubuntu*", "*UBUNTU*", NULL } },
  { " Windows ", "name", { "*Windows*", "*windows*", "*WINDOWS*", NULL } },
  { "RHEL", "name", { "*RHEL*", "*Rhel*", "*rhel*", NULL } },
  /* Words in order, anything between: "ubuntu-noble-24.04". */
  { "ubuntu 24.04", "name", { "*ubuntu*24.04*", "*Ubuntu*24.04*", "*UBUNTU*24.04*", NULL } },
  { "al2023", "name", { "*al2023*", "*Al2023*", "*AL2023*", NULL } },
  /* The person's own wildcards stay wildcards. */
  { "debian-1?-*arm64", "name", { "*debian-1?-*arm64*", "*Debian-1?-*arm64*", "*DEBIAN-1?-*ARM64*", NULL } },
  { "ami-0123456789abcdef0", "image-id", { "ami-0123456789abcdef0", NULL } },
  { "AMI-0123456789ABCDEF0", "image-id", { "ami-0123456789abcdef0", NULL } },
  { "ami-1a2b3c4d", "image-id", { "ami-1a2b3c4d", NULL } },
  { "ami-0abc", "image-id", { "ami-0abc*", NULL } },
  { "ami-", "image-id", { "ami-*", NULL } },
  { "ami-linux", "name", { "*ami-linux*", "*Ami-linux*", "*AMI-LINUX*", NULL } },
  { "amazon", "owner-alias", { "amazon", NULL } },
  { "AWS-Marketplace", "owner-alias", { "aws-marketplace", NULL } },
  { "aws-backup-vault", "owner-alias", { "aws-backup-vault", NULL } },
  { "a1b2c3d4e5f6g7h8i9j0k1l2m", "product-code", { "a1b2c3d4e5f6g7h8i9j0k1l2m", NULL } },
  /* 24 characters: a name. */
  { "a1b2c3d4e5f6g7h8i9j0k1l2", "name", { "*a1b2c3d4e5f6g7h8i9j0k1l2*", "*A1b2c3d4e5f6g7h8i9j0k1l2*",
                                          "*A1B2C3D4E5F6G7H8I9J0K1L2*", NULL } },
  { "éclair", "name", { "*éclair*", "*Éclair*", "*ÉCLAIR*", NULL } },
};

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const SearchCase *c = &cases[i];
      g_autoptr(AmigoImageSearch) search = amigo_image_search_new (c->text);
      const AmigoEc2Filter *filter;

      g_test_message ("search “%s”", c->text);
      if (c->filter == NULL)
        {
          g_assert_null (search);
          continue;
        }
      g_assert_nonnull (search);
      filter = amigo_image_search_get_filter (search);
      g_assert_cmpstr (filter->name, ==, c->filter);
      g_assert_cmpstrv (filter->values, c->values);
    }
}

static void
test_null (void)
{
  g_assert_null (amigo_image_search_new (NULL));
  amigo_image_search_free (NULL);
}

static void
test_text (void)
{
  g_autoptr(AmigoImageSearch) search = amigo_image_search_new ("  Ubuntu Noble \n");

  g_assert_cmpstr (amigo_image_search_get_text (search), ==, "Ubuntu Noble");
}

static void
test_large_sources (void)
{
  g_assert_false (amigo_image_source_is_large (AMIGO_IMAGE_SOURCE_SELF));
  g_assert_false (amigo_image_source_is_large (AMIGO_IMAGE_SOURCE_SHARED));
  g_assert_true (amigo_image_source_is_large (AMIGO_IMAGE_SOURCE_AMAZON));
  g_assert_true (amigo_image_source_is_large (AMIGO_IMAGE_SOURCE_MARKETPLACE));
  g_assert_true (amigo_image_source_is_large (AMIGO_IMAGE_SOURCE_PUBLIC));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/image-search/filters", test_cases);
  g_test_add_func ("/image-search/nothing", test_null);
  g_test_add_func ("/image-search/text", test_text);
  g_test_add_func ("/image-search/large-sources", test_large_sources);

  return g_test_run ();
}
