/* test-integration.c — the typed EC2 operations and STS against moto
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs inside tests/moto-harness.sh: a moto server (patched by
 * tests/moto-launcher.py) that checks every signature, with the key of its
 * IAM user in AMIGO_TEST_ACCESS_KEY_ID / AMIGO_TEST_SECRET_ACCESS_KEY.
 * With AMIGO_MOTO_ARGS=--no-patches the server is plain moto, and only the
 * /integration/unpatched cases run: what moto does not know must reach the
 * caller as a readable error.
 *
 * The /integration/lifecycle cases are one story, in order: launch an
 * Amazon image, image the instance, copy the image to another region,
 * launch from the copy, share, tag, deprecate, protect and deregister it.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "amigo-account.h"
#include "amigo-client.h"
#include "amigo-ec2.h"
#include "amigo-ec2-private.h"
#include "amigo-ec2-query.h"
#include "amigo-error.h"
#include "amigo-image-search.h"
#include "amigo-image-store.h"
#include "amigo-region-list.h"
#include "amigo-sts.h"
#include "amigo-test-moto.h"

#define REGION       "us-east-1"
#define OTHER_REGION "eu-west-1"
/* moto's account, and one to share with */
#define SHARE_ACCOUNT "111122223333"

static struct {
  const char *endpoint;
  const char *access_key_id;
  const char *secret_access_key;
  gboolean unpatched;
  char *run_id;                 /* makes names unique across runs */
  AmigoClient *client;
  AmigoEc2 *ec2;                /* REGION */
  AmigoEc2 *ec2_other;          /* OTHER_REGION */
} env;

/* The story of /integration/lifecycle */
static struct {
  char *source_instance_id;
  char *image_name;
  char *image_id;
  char **image_snapshot_ids;
  char *copy_id;
  char *other_image_id;
  char *other_snapshot_id;
} story;

/* ---- helpers ---------------------------------------------------------- */

static AmigoClient *
client_new (const char *secret_access_key)
{
  g_autoptr(AmigoCredentials) credentials =
    amigo_credentials_new (env.access_key_id, secret_access_key, NULL, 0);
  AmigoClient *client = amigo_client_new (credentials);

  return client;
}

/* Names as people write them: with spaces (EC2 allows them in AMI and
 * key pair names), and the other punctuation AMI names may hold. */
static char *
unique_name (const char *what)
{
  static guint counter;

  return g_strdup_printf ("Amigo test %s (%s) no. %u", what, env.run_id, ++counter);
}

static const char *
tag_value (const AmigoTag *tags,
           guint           n_tags,
           const char     *key)
{
  for (guint i = 0; i < n_tags; i++)
    if (g_strcmp0 (tags[i].key, key) == 0)
      return tags[i].value;
  return NULL;
}

static const char *
image_tag (AmigoImage *image,
           const char *key)
{
  guint n = 0;
  const AmigoTag *tags = amigo_image_get_tags (image, &n);

  return tag_value (tags, n, key);
}

static AmigoImage *
find_image (GPtrArray  *images,
            const char *image_id)
{
  for (guint i = 0; images != NULL && i < images->len; i++)
    if (g_strcmp0 (amigo_image_get_image_id (g_ptr_array_index (images, i)), image_id) == 0)
      return g_ptr_array_index (images, i);
  return NULL;
}

static GPtrArray *
describe_images (AmigoEc2                         *ec2,
                 const AmigoDescribeImagesRequest *request,
                 GError                          **error)
{
  amigo_ec2_describe_images_async (ec2, request, NULL, amigo_test_result_cb,
                                   amigo_test_next_result ());
  return amigo_ec2_describe_images_finish (ec2, amigo_test_await_result (), NULL, error);
}

/* The image, described by id; NULL if EC2 no longer knows it. */
static AmigoImage *
get_image (AmigoEc2   *ec2,
           const char *image_id)
{
  const char *ids[] = { image_id, NULL };
  AmigoDescribeImagesRequest request = { .image_ids = ids };
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GError) error = NULL;

  images = describe_images (ec2, &request, &error);
  if (images == NULL)
    {
      g_assert_true (amigo_aws_error_has_aws_code (error, "InvalidAMIID.NotFound"));
      return NULL;
    }
  g_assert_cmpuint (images->len, <=, 1);
  if (images->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (images, 0));
}

static GPtrArray *
describe_snapshots (AmigoEc2            *ec2,
                    const char * const  *snapshot_ids,
                    GError             **error)
{
  const char *owners[] = { "self", NULL };
  AmigoDescribeSnapshotsRequest request = { .owners = owners, .snapshot_ids = snapshot_ids };

  amigo_ec2_describe_snapshots_async (ec2, &request, NULL, amigo_test_result_cb, amigo_test_next_result ());
  return amigo_ec2_describe_snapshots_finish (ec2, amigo_test_await_result (), error);
}

static GPtrArray *
describe_instances (AmigoEc2                  *ec2,
                    const AmigoEc2ListRequest *request)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *instances;

  amigo_ec2_describe_instances_async (ec2, request, NULL, amigo_test_result_cb, amigo_test_next_result ());
  instances = amigo_ec2_describe_instances_finish (ec2, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  return instances;
}

static AmigoImageAttribute *
describe_attribute (AmigoEc2                *ec2,
                    const char              *image_id,
                    AmigoImageAttributeName  name)
{
  g_autoptr(GError) error = NULL;
  AmigoImageAttribute *attribute;

  amigo_ec2_describe_image_attribute_async (ec2, image_id, name, NULL,
                                            amigo_test_result_cb, amigo_test_next_result ());
  attribute = amigo_ec2_describe_image_attribute_finish (ec2, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (attribute);
  return attribute;
}

static char *
create_image (AmigoEc2                      *ec2,
              const AmigoCreateImageRequest *request,
              gboolean                      *already_created,
              GError                       **error)
{
  amigo_ec2_create_image_async (ec2, request, NULL, amigo_test_result_cb, amigo_test_next_result ());
  return amigo_ec2_create_image_finish (ec2, amigo_test_await_result (), already_created, error);
}

static GPtrArray *
run_instances (AmigoEc2                       *ec2,
               const AmigoRunInstancesRequest *request,
               GError                        **error)
{
  amigo_ec2_run_instances_async (ec2, request, NULL, amigo_test_result_cb, amigo_test_next_result ());
  return amigo_ec2_run_instances_finish (ec2, amigo_test_await_result (), error);
}

static char *
copy_image (const AmigoCopyImageRequest *request,
            GError                     **error)
{
  amigo_ec2_copy_image_async (env.ec2_other, request, NULL, amigo_test_result_cb, amigo_test_next_result ());
  return amigo_ec2_copy_image_finish (env.ec2_other, amigo_test_await_result (), error);
}

/* What the test needs but Amigo does not do (key pairs), and raw answers
 * to look at what the models do not keep: a plain signed query. */
typedef struct {
  GString *body;
} RawSink;

static gboolean
raw_begin_attempt (gpointer   data,
                   guint      attempt,
                   GError   **error)
{
  RawSink *sink = data;

  g_string_truncate (sink->body, 0);
  return TRUE;
}

static gboolean
raw_chunk (gpointer     data,
           const char  *buf,
           gsize        len,
           GError     **error)
{
  RawSink *sink = data;

  g_string_append_len (sink->body, buf, len);
  return TRUE;
}

static const AmigoResponseSink raw_sink = { raw_begin_attempt, raw_chunk, NULL };

static char *
raw_call (AmigoEc2      *ec2,
          AmigoEc2Query *query)
{
  g_autoptr(AmigoRequest) request = NULL;
  RawSink sink = { g_string_new (NULL) };
  g_autofree char *body = amigo_ec2_query_encode (query);
  g_autoptr(GError) error = NULL;
  AmigoClient *client = amigo_ec2_get_client (ec2);

  request = amigo_request_new_form ("ec2", amigo_ec2_get_region (ec2), body);
  amigo_client_send_async (client, request, amigo_ec2_get_endpoint_url (ec2), &raw_sink, &sink,
                           NULL, amigo_test_result_cb, amigo_test_next_result ());
  amigo_client_call_finish (client, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  return g_string_free (sink.body, FALSE);
}

/* A raw query the stand-in must refuse: the error, with its AWS code. */
static GError *
raw_call_error (AmigoEc2      *ec2,
                AmigoEc2Query *query)
{
  g_autoptr(AmigoRequest) request = NULL;
  RawSink sink = { g_string_new (NULL) };
  g_autofree char *body = amigo_ec2_query_encode (query);
  GError *error = NULL;
  AmigoClient *client = amigo_ec2_get_client (ec2);

  request = amigo_request_new_form ("ec2", amigo_ec2_get_region (ec2), body);
  amigo_client_send_async (client, request, amigo_ec2_get_endpoint_url (ec2), &raw_sink, &sink,
                           NULL, amigo_test_result_cb, amigo_test_next_result ());
  g_assert_false (amigo_client_call_finish (client, amigo_test_await_result (), &error));
  g_string_free (sink.body, TRUE);
  g_assert_nonnull (error);
  return error;
}

static char *
create_key_pair (AmigoEc2 *ec2)
{
  g_autoptr(AmigoEc2Query) q = amigo_ec2_query_new ("CreateKeyPair", AMIGO_EC2_API_VERSION);
  g_autofree char *name = unique_name ("key");
  g_autofree char *answer = NULL;

  amigo_ec2_query_add_string (q, "KeyName", name);
  answer = raw_call (ec2, q);
  g_assert_nonnull (strstr (answer, name));
  return g_steal_pointer (&name);
}

static void
assert_error_is_readable (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_null (strstr (error->message, env.secret_access_key));
}

/* ---- STS, authentication, regions ------------------------------------- */

static void
test_sts_caller_identity (void)
{
  g_autoptr(AmigoSts) sts = NULL;
  g_autoptr(AmigoCallerIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;

  if (!amigo_test_moto_have_server ())
    return;

  sts = amigo_sts_new (env.client, REGION, env.endpoint);
  amigo_sts_get_caller_identity_async (sts, NULL, amigo_test_result_cb, amigo_test_next_result ());
  identity = amigo_sts_get_caller_identity_finish (sts, amigo_test_await_result (), &error);
  g_assert_no_error (error);

  g_assert_cmpuint (strlen (identity->account), ==, 12);
  for (const char *p = identity->account; *p != '\0'; p++)
    g_assert_true (g_ascii_isdigit (*p));
  g_assert_true (g_str_has_prefix (identity->arn, "arn:aws:iam::"));
  g_assert_nonnull (strstr (identity->arn, identity->account));
  g_assert_true (g_str_has_suffix (identity->arn, ":user/amigo-test"));
  g_assert_nonnull (identity->user_id);
  g_assert_cmpstr (identity->user_id, !=, "");
}

/* ---- who am I: AmigoAccount's identity, asked once ------------------- */

static char *register_bundle_image (void);

static void
count_request_cb (SoupSession *session,
                  SoupMessage *msg,
                  guint       *count)
{
  (*count)++;
}

/* An account's configuration: a profile "amigo" with moto's keys in the
 * files of @dir, and the environment holding them too, both pointing at
 * moto (AWS_ENDPOINT_URL applies to every kind of account). */
static AmigoAwsConfig *
identity_config_new (const char *dir)
{
  g_autofree char *config_path = g_build_filename (dir, "config", NULL);
  g_autofree char *credentials_path = g_build_filename (dir, "credentials", NULL);
  g_autofree char *config_text = g_strdup_printf ("[profile amigo]\nregion = %s\n", REGION);
  g_autofree char *credentials_text = g_strdup_printf ("[amigo]\naws_access_key_id = %s\n"
                                                       "aws_secret_access_key = %s\n",
                                                       env.access_key_id, env.secret_access_key);
  g_autofree char *key = g_strconcat ("AWS_ACCESS_KEY_ID=", env.access_key_id, NULL);
  g_autofree char *secret = g_strconcat ("AWS_SECRET_ACCESS_KEY=", env.secret_access_key, NULL);
  g_autofree char *endpoint = g_strconcat ("AWS_ENDPOINT_URL=", env.endpoint, NULL);
  const char *envp[] = { "HOME=/nonexistent", "AWS_REGION=" REGION, key, secret, endpoint, NULL };
  g_autoptr(GError) error = NULL;
  AmigoAwsConfig *config;

  g_assert_true (g_file_set_contents (config_path, config_text, -1, NULL));
  g_assert_true (g_file_set_contents (credentials_path, credentials_text, -1, NULL));
  config = amigo_aws_config_load_files (config_path, credentials_path, envp, &error);
  g_assert_no_error (error);
  return config;
}

static AmigoCallerIdentity *
account_identity (AmigoAccount        *account,
                  AmigoCallerIdentity *expected)
{
  g_autoptr(GError) error = NULL;
  AmigoCallerIdentity *identity;

  amigo_account_get_identity_async (account, NULL, amigo_test_result_cb, amigo_test_next_result ());
  identity = amigo_account_get_identity_finish (account, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  if (expected != NULL)
    {
      g_assert_cmpstr (identity->account, ==, expected->account);
      g_assert_cmpstr (identity->arn, ==, expected->arn);
      g_assert_cmpstr (identity->user_id, ==, expected->user_id);
    }
  return identity;
}

/* GetCallerIdentity through a profile and through the environment: asked
 * once, shared by callers that ask together, kept, asked again only
 * once the credentials are forgotten. */
static void
test_account_identity (gconstpointer data)
{
  gboolean profile = GPOINTER_TO_INT (data);
  g_autofree char *dir = NULL;
  g_autoptr(AmigoAwsConfig) config = NULL;
  g_autoptr(AmigoAccount) account = NULL;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoSts) sts = NULL;
  g_autoptr(AmigoCallerIdentity) truth = NULL;
  g_autoptr(AmigoCallerIdentity) again = NULL;
  g_autoptr(AmigoCallerIdentity) after_forget = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *first = NULL, *second = NULL;
  guint requests = 0;

  if (!amigo_test_moto_have_server ())
    return;

  dir = g_dir_make_tmp ("amigo-identity-XXXXXX", &error);
  g_assert_no_error (error);
  config = identity_config_new (dir);
  account = profile ? amigo_account_new_profile (config, "amigo")
                    : amigo_account_new_environment (config);
  g_assert_null (amigo_account_get_account_number (account));

  /* What STS says to moto's keys, asked directly. */
  sts = amigo_sts_new (env.client, REGION, env.endpoint);
  amigo_sts_get_caller_identity_async (sts, NULL, amigo_test_result_cb, amigo_test_next_result ());
  truth = amigo_sts_get_caller_identity_finish (sts, amigo_test_await_result (), &error);
  g_assert_no_error (error);

  /* The account's client lives as long as the account: count what it sends. */
  amigo_account_get_client_async (account, NULL, amigo_test_result_cb, amigo_test_next_result ());
  client = amigo_account_get_client_finish (account, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  g_signal_connect (amigo_client_get_session (client), "request-queued",
                    G_CALLBACK (count_request_cb), &requests);

  /* Two callers at once: one request. */
  amigo_account_get_identity_async (account, NULL, amigo_test_result_cb, &first);
  amigo_account_get_identity_async (account, NULL, amigo_test_result_cb, &second);
  while (first == NULL || second == NULL)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(AmigoCallerIdentity) identity =
        amigo_account_get_identity_finish (account, i == 0 ? first : second, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (identity->account, ==, truth->account);
      g_assert_cmpstr (identity->arn, ==, truth->arn);
      g_assert_cmpstr (identity->user_id, ==, truth->user_id);
    }
  g_clear_object (&first);
  g_clear_object (&second);
  g_assert_cmpuint (requests, ==, 1);
  g_assert_cmpstr (amigo_account_get_account_number (account), ==, truth->account);

  /* Kept: no second request. */
  again = account_identity (account, truth);
  g_assert_cmpuint (requests, ==, 1);

  /* Forgotten with the credentials: asked again. */
  amigo_account_forget_credentials (account);
  g_assert_null (amigo_account_get_account_number (account));
  after_forget = account_identity (account, truth);
  g_assert_cmpstr (amigo_account_get_account_number (account), ==, truth->account);
  g_assert_cmpuint (requests, ==, 2);

  g_signal_handlers_disconnect_by_data (amigo_client_get_session (client), &requests);
  {
    g_autofree char *config_path = g_build_filename (dir, "config", NULL);
    g_autofree char *credentials_path = g_build_filename (dir, "credentials", NULL);

    g_unlink (config_path);
    g_unlink (credentials_path);
    g_rmdir (dir);
  }
}

static void
load_finished_cb (AmigoImageStore *store,
                  gboolean        *finished)
{
  *finished = TRUE;
}

/* Loads "Shared with me" in REGION into a new store: as one account, or
 * (@accounts not %NULL) as All Accounts does, once for each of them. */
static AmigoImageStore *
load_shared (const char *account_number,
             GPtrArray  *accounts)
{
  AmigoImageStore *store = amigo_image_store_new ();
  g_autoptr(GPtrArray) ec2s = g_ptr_array_new ();
  gboolean finished = FALSE;

  for (guint i = 0; i < (accounts ? accounts->len : 1); i++)
    g_ptr_array_add (ec2s, env.ec2);
  g_signal_connect (store, "load-finished", G_CALLBACK (load_finished_cb), &finished);
  if (accounts != NULL)
    amigo_image_store_load_accounts (store, ec2s, accounts, AMIGO_IMAGE_SOURCE_SHARED, TRUE, NULL);
  else
    amigo_image_store_load (store, ec2s, AMIGO_IMAGE_SOURCE_SHARED, account_number);
  while (!finished)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_data (store, &finished);
  g_assert_null (amigo_image_store_get_error (store));
  return store;
}

static gboolean
store_has_owner (AmigoImageStore *store,
                 const char      *owner_id,
                 const char      *image_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(AmigoImage) image = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (owner_id != NULL && g_strcmp0 (amigo_image_get_owner_id (image), owner_id) == 0)
        return TRUE;
      if (image_id != NULL && g_strcmp0 (amigo_image_get_image_id (image), image_id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Launch permission for everyone on @image_id, or none. */
static void
set_public (const char *image_id,
            gboolean    public)
{
  AmigoLaunchPermission everyone[] = { { .group = (char *) "all" } };
  g_autoptr(GError) error = NULL;

  amigo_ec2_modify_image_launch_permission_async (env.ec2, image_id, public ? everyone : NULL, public ? 1 : 0,
                                                  public ? NULL : everyone, public ? 0 : 1,
                                                  NULL, amigo_test_result_cb, amigo_test_next_result ());
  g_assert_true (amigo_ec2_modify_image_launch_permission_finish (env.ec2, amigo_test_await_result (), &error));
  g_assert_no_error (error);
}

/* Removes what identity_config_new() wrote into @dir, and @dir. */
static void
remove_identity_dir (const char *dir)
{
  g_autofree char *config_path = g_build_filename (dir, "config", NULL);
  g_autofree char *credentials_path = g_build_filename (dir, "credentials", NULL);

  g_unlink (config_path);
  g_unlink (credentials_path);
  g_rmdir (dir);
}

/* ExecutableBy=self names the account's own public images too (moto, as
 * EC2, lists every image the account may launch); "Shared with me" never
 * lists them once the account id is known. */
static void
test_shared_without_own_images (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *image_id = NULL;
  g_autoptr(AmigoAwsConfig) config = NULL;
  g_autoptr(AmigoAccount) account = NULL;
  g_autoptr(AmigoCallerIdentity) identity = NULL;
  g_autoptr(AmigoImageStore) unfiltered = NULL;
  g_autoptr(AmigoImageStore) shared = NULL;
  g_autoptr(GError) error = NULL;

  if (!amigo_test_moto_have_server ())
    return;

  dir = g_dir_make_tmp ("amigo-identity-XXXXXX", &error);
  g_assert_no_error (error);
  config = identity_config_new (dir);
  account = amigo_account_new_environment (config);
  identity = account_identity (account, NULL);

  image_id = register_bundle_image ();
  set_public (image_id, TRUE);

  /* The server does list it... */
  unfiltered = load_shared (NULL, NULL);
  g_assert_true (store_has_owner (unfiltered, NULL, image_id));
  g_assert_true (store_has_owner (unfiltered, identity->account, NULL));

  /* ...and the store leaves every own image out, keeping the others'. */
  shared = load_shared (amigo_account_get_account_number (account), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shared)), >, 0);
  g_assert_false (store_has_owner (shared, identity->account, image_id));

  set_public (image_id, FALSE);
  remove_identity_dir (dir);
}

/* The first owner in @store that is none of @not: another account's id. */
static char *
other_owner (AmigoImageStore *store,
             const char      *not)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(AmigoImage) image = g_list_model_get_item (G_LIST_MODEL (store), i);
      const char *owner = amigo_image_get_owner_id (image);

      if (owner != NULL && g_strcmp0 (owner, not) != 0)
        return g_strdup (owner);
    }
  return NULL;
}

/* All Accounts' "Shared with Me": an image owned by any of the accounts
 * listed is that account's own, not shared with the others — and images
 * of accounts not listed still are. The second account here is the same
 * keys told another id (the owner of some image shared with the first),
 * as a second account of the person's would be. */
static void
test_shared_all_accounts_without_listed_owners (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *image_id = NULL;
  g_autofree char *other = NULL;
  g_autoptr(AmigoAwsConfig) config = NULL;
  g_autoptr(AmigoAccount) first = NULL;
  g_autoptr(AmigoAccount) second = NULL;
  g_autoptr(AmigoCallerIdentity) identity = NULL;
  g_autoptr(AmigoImageStore) one = NULL;
  g_autoptr(AmigoImageStore) both = NULL;
  g_autoptr(GPtrArray) accounts = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  if (!amigo_test_moto_have_server ())
    return;

  dir = g_dir_make_tmp ("amigo-identity-XXXXXX", &error);
  g_assert_no_error (error);
  config = identity_config_new (dir);
  first = amigo_account_new_environment (config);
  identity = account_identity (first, NULL);
  image_id = register_bundle_image ();
  set_public (image_id, TRUE);

  /* One account: its own image left out, another owner's kept. */
  g_ptr_array_add (accounts, first);
  one = load_shared (NULL, accounts);
  g_assert_false (store_has_owner (one, identity->account, NULL));
  other = other_owner (one, identity->account);
  g_assert_nonnull (other);
  g_assert_true (store_has_owner (one, other, NULL));

  /* That owner listed too: its images are nobody's "shared with me". */
  second = amigo_account_new_environment (config);
  amigo_account_set_account_number (second, other);
  g_ptr_array_add (accounts, second);
  both = load_shared (NULL, accounts);
  g_assert_false (store_has_owner (both, identity->account, NULL));
  g_assert_false (store_has_owner (both, other, NULL));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (both)); i++)
    {
      g_autoptr(AmigoImage) image = g_list_model_get_item (G_LIST_MODEL (both), i);

      g_assert_nonnull (amigo_image_store_get_image_account (image));
    }

  set_public (image_id, FALSE);
  remove_identity_dir (dir);
}

static void
test_auth_wrong_secret (void)
{
  g_autofree char *wrong_secret = NULL;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoEc2) ec2 = NULL;
  g_autoptr(AmigoSts) sts = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(AmigoCallerIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) sts_error = NULL;

  if (!amigo_test_moto_have_server ())
    return;

  /* The right length and alphabet, one character off */
  wrong_secret = g_strdup (env.secret_access_key);
  wrong_secret[0] = wrong_secret[0] == 'A' ? 'B' : 'A';
  client = client_new (wrong_secret);

  ec2 = amigo_ec2_new (client, REGION, env.endpoint);
  amigo_ec2_describe_regions_async (ec2, NULL, amigo_test_result_cb, amigo_test_next_result ());
  regions = amigo_ec2_describe_regions_finish (ec2, amigo_test_await_result (), &error);
  g_assert_null (regions);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_AUTH);
  g_assert_cmpstr (amigo_aws_error_get_aws_code (error), ==, "AuthFailure");
  assert_error_is_readable (error);
  g_assert_null (strstr (error->message, wrong_secret));
  g_assert_true (strstr (error->message, "credentials") != NULL ||
                 strstr (error->message, "signature") != NULL);

  sts = amigo_sts_new (client, REGION, env.endpoint);
  amigo_sts_get_caller_identity_async (sts, NULL, amigo_test_result_cb, amigo_test_next_result ());
  identity = amigo_sts_get_caller_identity_finish (sts, amigo_test_await_result (), &sts_error);
  g_assert_null (identity);
  g_assert_error (sts_error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_AUTH);
  g_assert_cmpstr (amigo_aws_error_get_aws_code (sts_error), ==, "SignatureDoesNotMatch");
  assert_error_is_readable (sts_error);
  g_assert_null (strstr (sts_error->message, wrong_secret));
  g_assert_nonnull (strstr (sts_error->message, "signature"));
}

/* An http:// endpoint that is not loopback: without the account's consent
 * nothing is sent; with it, the request goes and moto answers. 0.0.0.0 is
 * not a loopback address, yet a connection to it stays on this machine
 * (Linux takes it as the local host), so the request reaches moto without
 * leaving the computer. */
static void
test_plain_http_consent (void)
{
  g_autoptr(AmigoKeyring) keyring = amigo_keyring_new_session_only (NULL);
  g_autoptr(AmigoCredentials) credentials =
    amigo_credentials_new (env.access_key_id, env.secret_access_key, NULL, 0);
  g_autoptr(AmigoAwsConfig) config = NULL;
  g_autoptr(AmigoKeyringAccount) stored = NULL;
  g_autoptr(AmigoKeyringAccount) consented = NULL;
  g_autoptr(AmigoAccount) account = NULL;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoEc2) ec2 = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GUri) moto = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *url = NULL;
  const char *envp[] = { "HOME=/nonexistent", NULL };
  guint requests = 0;

  if (!amigo_test_moto_have_server ())
    return;

  moto = g_uri_parse (env.endpoint, G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("http://0.0.0.0:%d", g_uri_get_port (moto));
  g_assert_true (amigo_endpoint_url_needs_plain_http_consent (url));

  config = amigo_aws_config_load_files ("/nonexistent/config", "/nonexistent/credentials",
                                        envp, &error);
  g_assert_no_error (error);
  amigo_keyring_add_account_async (keyring, "plain", REGION, url, credentials,
                                   NULL, amigo_test_result_cb, amigo_test_next_result ());
  id = amigo_keyring_add_account_finish (keyring, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  stored = amigo_keyring_account_new (id, "plain", REGION, url);
  account = amigo_account_new_keyring (keyring, stored, config);
  g_assert_false (amigo_account_get_allow_plain_http (account));

  amigo_account_get_client_async (account, NULL, amigo_test_result_cb, amigo_test_next_result ());
  client = amigo_account_get_client_finish (account, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  g_signal_connect (amigo_client_get_session (client), "request-queued",
                    G_CALLBACK (count_request_cb), &requests);
  ec2 = amigo_ec2_new (client, REGION, url);

  /* No consent: refused before anything is sent. */
  amigo_ec2_describe_regions_async (ec2, NULL, amigo_test_result_cb, amigo_test_next_result ());
  regions = amigo_ec2_describe_regions_finish (ec2, amigo_test_await_result (), &error);
  g_assert_null (regions);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "not encrypted"));
  g_assert_cmpuint (requests, ==, 0);
  g_clear_error (&error);

  /* The consent stored: the account's client follows it, and moto answers. */
  amigo_keyring_set_allow_plain_http_async (keyring, id, TRUE, NULL,
                                            amigo_test_result_cb, amigo_test_next_result ());
  consented = amigo_keyring_set_allow_plain_http_finish (keyring, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  amigo_account_update_stored (account, consented);
  g_assert_true (amigo_account_get_allow_plain_http (account));

  amigo_ec2_describe_regions_async (ec2, NULL, amigo_test_result_cb, amigo_test_next_result ());
  regions = amigo_ec2_describe_regions_finish (ec2, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (regions);
  g_assert_cmpuint (regions->len, >, 0);
  g_assert_cmpuint (requests, >=, 1);
}

static void
test_describe_regions (void)
{
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GError) error = NULL;
  gboolean seen_us_east_1 = FALSE;
  gboolean seen_opt_in = FALSE;

  if (!amigo_test_moto_have_server ())
    return;

  amigo_ec2_describe_regions_async (env.ec2, NULL, amigo_test_result_cb, amigo_test_next_result ());
  regions = amigo_ec2_describe_regions_finish (env.ec2, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (regions->len, >=, 17);

  for (guint i = 0; i < regions->len; i++)
    {
      AmigoRegion *region = g_ptr_array_index (regions, i);
      const char *status = amigo_region_get_opt_in_status (region);

      g_assert_nonnull (amigo_region_get_region_name (region));
      g_assert_true (g_strcmp0 (status, "opt-in-not-required") == 0 ||
                     g_strcmp0 (status, "opted-in") == 0 ||
                     g_strcmp0 (status, "not-opted-in") == 0);
      if (g_strcmp0 (amigo_region_get_region_name (region), "us-east-1") == 0)
        {
          seen_us_east_1 = TRUE;
          g_assert_cmpstr (status, ==, "opt-in-not-required");
        }
      /* AllRegions=true: the opt-in regions are listed too */
      if (g_strcmp0 (amigo_region_get_region_name (region), "af-south-1") == 0)
        seen_opt_in = TRUE;
    }
  g_assert_true (seen_us_east_1);
  g_assert_true (seen_opt_in);
}

/* ---- regions the account has not enabled, or a policy denies ----------- */

#define NOT_ENABLED_REGION "eu-south-1"
#define DENIED_REGION      "eu-west-3"

/* The launcher's /amigo-test/regions knob (tests/README-moto.md). */
static void
set_regions (const char *json)
{
  amigo_test_moto_post ("/amigo-test/regions", json);
}

static AmigoRegionProblem
confirm (AmigoClient  *client,
         const GError *region_error)
{
  g_autoptr(AmigoSts) sts = amigo_sts_new (client, REGION, env.endpoint);
  g_autoptr(GError) error = NULL;
  AmigoRegionProblem problem;

  amigo_region_problem_confirm_async (sts, region_error, NULL,
                                      amigo_test_result_cb, amigo_test_next_result ());
  problem = amigo_region_problem_confirm_finish (sts, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  return problem;
}

/* A region not enabled: DescribeRegions says so (and leaves it out
 * without AllRegions); the region answers AuthFailure, which is the
 * region's problem while STS still knows the keys, and the keys' problem
 * when it does not. */
static void
test_region_not_enabled (void)
{
  g_autoptr(AmigoEc2) ec2 = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoClient) wrong = NULL;
  g_autofree char *wrong_secret = NULL;
  const char *owners[] = { "self", NULL };
  AmigoDescribeImagesRequest request = { .owners = owners };
  const AmigoRegionEntry *entry;

  if (!amigo_test_moto_have_server ())
    return;
  set_regions ("{\"not_opted_in\": [\"" NOT_ENABLED_REGION "\"]}");

  amigo_ec2_describe_regions_async (env.ec2, NULL, amigo_test_result_cb, amigo_test_next_result ());
  regions = amigo_ec2_describe_regions_finish (env.ec2, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  list = amigo_region_list_new_described (AMIGO_PARTITION_AWS, regions);
  entry = amigo_region_list_lookup (list, NOT_ENABLED_REGION);
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->state, ==, AMIGO_REGION_STATE_NOT_ENABLED);
  g_assert_cmpint (amigo_region_list_lookup (list, REGION)->state, ==, AMIGO_REGION_STATE_ENABLED);
  /* The partition's own regions only */
  g_assert_null (amigo_region_list_lookup (list, "cn-north-1"));

  /* What the region answers if it is asked anyway */
  ec2 = amigo_ec2_new (env.client, NOT_ENABLED_REGION, env.endpoint);
  images = describe_images (ec2, &request, &error);
  g_assert_null (images);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_AUTH);
  g_assert_cmpstr (amigo_aws_error_get_aws_code (error), ==, "AuthFailure");
  g_assert_cmpint (confirm (env.client, error), ==, AMIGO_REGION_PROBLEM_NOT_ENABLED);

  /* The same AuthFailure with keys STS refuses too: the keys are wrong */
  wrong_secret = g_strdup (env.secret_access_key);
  wrong_secret[0] = wrong_secret[0] == 'A' ? 'B' : 'A';
  wrong = client_new (wrong_secret);
  g_assert_cmpint (confirm (wrong, error), ==, AMIGO_REGION_PROBLEM_NONE);

  set_regions ("{}");
}

/* All Regions with one region denied by a policy: the others list their
 * images, the denied one is marked with its own error, and it is that
 * region's problem: the keys are kept. */
static void
test_all_regions_one_failing (void)
{
  g_autoptr(AmigoImageStore) store = amigo_image_store_new ();
  g_autoptr(GPtrArray) ec2s = g_ptr_array_new_with_free_func (g_object_unref);
  const char *regions[] = { REGION, OTHER_REGION, DENIED_REGION };
  gboolean finished = FALSE;
  gboolean seen[2] = { FALSE, FALSE };
  const GError *denied;

  if (!amigo_test_moto_have_server ())
    return;
  set_regions ("{\"denied\": [\"" DENIED_REGION "\"]}");

  for (gsize i = 0; i < G_N_ELEMENTS (regions); i++)
    g_ptr_array_add (ec2s, amigo_ec2_new (env.client, regions[i], env.endpoint));
  g_signal_connect (store, "load-finished", G_CALLBACK (load_finished_cb), &finished);
  amigo_image_store_load (store, ec2s, AMIGO_IMAGE_SOURCE_MARKETPLACE, NULL);
  while (!finished)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (amigo_image_store_get_n_regions_failed (store), ==, 1);
  denied = amigo_image_store_get_region_error (store, DENIED_REGION);
  g_assert_nonnull (denied);
  g_assert_cmpstr (amigo_aws_error_get_aws_code (denied), ==, "UnauthorizedOperation");
  g_assert_false (g_error_matches (denied, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_AUTH));
  g_assert_null (amigo_image_store_get_region_error (store, REGION));
  g_assert_null (amigo_image_store_get_region_error (store, OTHER_REGION));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(AmigoImage) image = g_list_model_get_item (G_LIST_MODEL (store), i);
      const char *region = amigo_image_store_get_image_region (image);

      g_assert_cmpstr (region, !=, DENIED_REGION);
      seen[0] |= g_strcmp0 (region, REGION) == 0;
      seen[1] |= g_strcmp0 (region, OTHER_REGION) == 0;
    }
  g_assert_true (seen[0] && seen[1]);

  g_assert_cmpint (amigo_region_problem_from_error (denied), ==, AMIGO_REGION_PROBLEM_DENIED);
  g_assert_cmpint (confirm (env.client, denied), ==, AMIGO_REGION_PROBLEM_DENIED);

  /* The same keys still work everywhere else */
  {
    g_autoptr(GPtrArray) images = NULL;
    g_autoptr(GError) error = NULL;
    const char *owners[] = { "aws-marketplace", NULL };
    AmigoDescribeImagesRequest request = { .owners = owners };

    images = describe_images (env.ec2, &request, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (images->len, >, 0);
  }

  set_regions ("{}");
}

/* ---- DescribeImages ---------------------------------------------------- */

typedef struct {
  GHashTable *ids;
  guint n_batches;
  guint n_images;
  guint largest_batch;
  gboolean duplicate;
  gboolean destroyed;
} Collect;

static void
collect_batch_cb (GPtrArray *images,
                  gpointer   user_data)
{
  Collect *collect = user_data;

  g_assert_cmpuint (images->len, >, 0);
  collect->n_batches++;
  collect->largest_batch = MAX (collect->largest_batch, images->len);
  for (guint i = 0; i < images->len; i++)
    {
      AmigoImage *image = g_ptr_array_index (images, i);

      g_assert_true (AMIGO_IS_IMAGE (image));
      collect->n_images++;
      if (!g_hash_table_add (collect->ids, g_strdup (amigo_image_get_image_id (image))))
        collect->duplicate = TRUE;
    }
}

static void
collect_destroy (gpointer user_data)
{
  Collect *collect = user_data;

  collect->destroyed = TRUE;
}

static void
collect_amazon_images (guint    page_size,
                       Collect *collect)
{
  const char *owners[] = { "amazon", NULL };
  AmigoDescribeImagesRequest request = { .owners = owners, .page_size = page_size };
  g_autoptr(GPtrArray) rest = NULL;
  g_autoptr(GError) error = NULL;
  guint n_images = 0;

  collect->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  amigo_ec2_describe_images_batched_async (env.ec2, &request, collect_batch_cb, collect,
                                           collect_destroy, NULL, amigo_test_result_cb,
                                           amigo_test_next_result ());
  rest = amigo_ec2_describe_images_finish (env.ec2, amigo_test_await_result (), &n_images, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rest->len, ==, 0);
  g_assert_cmpuint (n_images, ==, collect->n_images);
  g_assert_false (collect->duplicate);
  amigo_test_moto_cleanup ();
  g_assert_true (collect->destroyed);
}

static void
test_images_pagination (void)
{
  Collect small = { 0 };
  Collect large = { 0 };
  GHashTableIter iter;
  gpointer id;

  if (!amigo_test_moto_have_server ())
    return;

  /* 100 a page: one batch per page that has images. The stand-in, like
   * EC2, also serves short pages and empty ones with a NextToken, so there
   * are at least as many batches as full pages would make. */
  collect_amazon_images (100, &small);
  collect_amazon_images (0, &large);

  g_assert_cmpuint (large.n_images, >, 1000);
  g_assert_cmpuint (small.n_images, ==, large.n_images);
  g_assert_cmpuint (small.largest_batch, <=, 100);
  g_assert_cmpuint (small.n_batches, >=, (small.n_images + 99) / 100);
  g_assert_cmpuint (g_hash_table_size (small.ids), ==, small.n_images);

  g_hash_table_iter_init (&iter, small.ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_assert_true (g_hash_table_contains (large.ids, id));

  g_hash_table_unref (small.ids);
  g_hash_table_unref (large.ids);
}

static void
cancel_on_first_batch_cb (GPtrArray *images,
                          gpointer   user_data)
{
  GCancellable *cancellable = user_data;

  /* Nothing may come once cancelled */
  g_assert_false (g_cancellable_is_cancelled (cancellable));
  g_cancellable_cancel (cancellable);
}

static void
test_images_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  const char *owners[] = { "amazon", NULL };
  AmigoDescribeImagesRequest request = { .owners = owners, .page_size = 100 };
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GError) error = NULL;

  if (!amigo_test_moto_have_server ())
    return;

  amigo_ec2_describe_images_batched_async (env.ec2, &request, cancel_on_first_batch_cb,
                                           g_object_ref (cancellable), g_object_unref, cancellable,
                                           amigo_test_result_cb, amigo_test_next_result ());
  images = amigo_ec2_describe_images_finish (env.ec2, amigo_test_await_result (), NULL, &error);
  g_assert_null (images);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static GPtrArray *
marketplace_images (gboolean include_deprecated)
{
  const char *owners[] = { "aws-marketplace", NULL };
  AmigoDescribeImagesRequest request = {
    .owners = owners,
    .include_deprecated = include_deprecated,
  };
  g_autoptr(GError) error = NULL;
  GPtrArray *images;

  images = describe_images (env.ec2, &request, &error);
  g_assert_no_error (error);
  return images;
}

static void
test_images_marketplace (void)
{
  g_autoptr(GPtrArray) images = NULL;
  gboolean seen_arm64 = FALSE;

  if (!amigo_test_moto_have_server ())
    return;

  images = marketplace_images (FALSE);
  g_assert_cmpuint (images->len, >=, 3);
  for (guint i = 0; i < images->len; i++)
    {
      AmigoImage *image = g_ptr_array_index (images, i);
      guint n_codes = 0;
      const AmigoProductCode *codes = amigo_image_get_product_codes (image, &n_codes);

      g_assert_cmpstr (amigo_image_get_image_owner_alias (image), ==, "aws-marketplace");
      g_assert_cmpstr (amigo_image_get_owner_id (image), ==, "679593333241");
      g_assert_true (amigo_image_get_is_public (image));
      g_assert_cmpuint (n_codes, >=, 1);
      g_assert_cmpstr (codes[0].product_code_type, ==, "marketplace");
      g_assert_nonnull (codes[0].product_code_id);
      g_assert_null (amigo_image_get_deprecation_time (image));
      if (g_strcmp0 (amigo_image_get_architecture (image), "arm64") == 0)
        seen_arm64 = TRUE;
    }
  g_assert_true (seen_arm64);
}

/* ---- server-side search ------------------------------------------------ */

static void
set_flag_cb (gpointer flag)
{
  *(gboolean *) flag = TRUE;
}

/* What an image store holds after listing @source in REGION for @text. */
static GPtrArray *
store_images (AmigoImageSource  source,
              const char       *text)
{
  g_autoptr(AmigoImageStore) store = amigo_image_store_new ();
  g_autoptr(GPtrArray) ec2s = g_ptr_array_new ();
  g_autoptr(AmigoImageSearch) search = amigo_image_search_new (text);
  GPtrArray *images = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean finished = FALSE;

  g_ptr_array_add (ec2s, env.ec2);
  g_signal_connect_swapped (store, "load-finished", G_CALLBACK (set_flag_cb), &finished);
  amigo_image_store_load_full (store, ec2s, source, NULL, FALSE, search);
  while (!finished)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (amigo_image_store_get_error (store));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    g_ptr_array_add (images, g_list_model_get_item (G_LIST_MODEL (store), i));
  return images;
}

static GHashTable *
image_ids (GPtrArray *images)
{
  GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < images->len; i++)
    g_hash_table_add (ids, (gpointer) amigo_image_get_image_id (g_ptr_array_index (images, i)));
  return ids;
}

static void
test_images_server_search (void)
{
  const char *owners[] = { "amazon", NULL };
  AmigoDescribeImagesRequest request = { .owners = owners };
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) windows = NULL;
  g_autoptr(GPtrArray) ecs = NULL;
  g_autoptr(GPtrArray) ecs_paged = NULL;
  g_autoptr(GPtrArray) by_id = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) got = NULL;
  g_autoptr(GHashTable) paged = NULL;
  g_autoptr(AmigoImageSearch) search = NULL;
  g_autoptr(GError) error = NULL;
  guint n_ecs = 0;

  if (!amigo_test_moto_have_server ())
    return;

  all = describe_images (env.ec2, &request, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      const char *name = amigo_image_get_name (g_ptr_array_index (all, i));

      /* EC2 compares names case-sensitively: "windows" typed finds the
       * "Windows_Server-…" images through the capitalised value. */
      if (name != NULL && (strstr (name, "windows") || strstr (name, "Windows") || strstr (name, "WINDOWS")))
        g_hash_table_add (expected, (gpointer) amigo_image_get_image_id (g_ptr_array_index (all, i)));
      if (name != NULL && (strstr (name, "ecs") || strstr (name, "Ecs") || strstr (name, "ECS")))
        n_ecs++;
    }
  g_assert_cmpuint (g_hash_table_size (expected), >, 0);
  g_assert_cmpuint (g_hash_table_size (expected), <, all->len);

  /* Only the matches come, every one of them. */
  windows = store_images (AMIGO_IMAGE_SOURCE_AMAZON, "windows");
  got = image_ids (windows);
  g_assert_cmpuint (g_hash_table_size (got), ==, g_hash_table_size (expected));
  g_assert_cmpuint (windows->len, ==, g_hash_table_size (expected));
  for (guint i = 0; i < windows->len; i++)
    g_assert_true (g_hash_table_contains (expected, amigo_image_get_image_id (g_ptr_array_index (windows, i))));

  /* More matches than a page holds: paging goes on with the filter, 1 000
   * a page in the store as 100 a page here. */
  ecs = store_images (AMIGO_IMAGE_SOURCE_AMAZON, "ecs");
  g_assert_cmpuint (n_ecs, >, 1000);
  g_assert_cmpuint (ecs->len, ==, n_ecs);
  search = amigo_image_search_new ("ecs");
  request.filters = amigo_image_search_get_filter (search);
  request.n_filters = 1;
  request.page_size = 100;
  ecs_paged = describe_images (env.ec2, &request, &error);
  g_assert_no_error (error);
  paged = image_ids (ecs_paged);
  g_assert_cmpuint (ecs_paged->len, ==, n_ecs);
  g_assert_cmpuint (g_hash_table_size (paged), ==, n_ecs);
  for (guint i = 0; i < ecs->len; i++)
    g_assert_true (g_hash_table_contains (paged, amigo_image_get_image_id (g_ptr_array_index (ecs, i))));

  /* An AMI id is asked for as one. */
  by_id = store_images (AMIGO_IMAGE_SOURCE_AMAZON,
                        amigo_image_get_image_id (g_ptr_array_index (windows, 0)));
  g_assert_cmpuint (by_id->len, ==, 1);
  g_assert_cmpstr (amigo_image_get_image_id (g_ptr_array_index (by_id, 0)), ==,
                   amigo_image_get_image_id (g_ptr_array_index (windows, 0)));
}

static void
test_images_include_deprecated (void)
{
  g_autoptr(GPtrArray) current = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GDateTime) expected = g_date_time_new_utc (2024, 1, 1, 0, 0, 0);
  AmigoImage *deprecated = NULL;

  if (!amigo_test_moto_have_server ())
    return;

  current = marketplace_images (FALSE);
  all = marketplace_images (TRUE);
  g_assert_cmpuint (all->len, ==, current->len + 1);

  for (guint i = 0; i < all->len; i++)
    {
      AmigoImage *image = g_ptr_array_index (all, i);

      if (find_image (current, amigo_image_get_image_id (image)) == NULL)
        deprecated = image;
    }
  g_assert_nonnull (deprecated);
  g_assert_nonnull (amigo_image_get_deprecation_time (deprecated));
  g_assert_cmpint (amigo_image_get_deprecation_time_usec (deprecated), ==,
                   g_date_time_to_unix (expected) * G_USEC_PER_SEC);
}

/* ---- instance types --------------------------------------------------- */

static AmigoInstanceType *
find_instance_type (GPtrArray  *types,
                    const char *name)
{
  for (guint i = 0; i < types->len; i++)
    if (g_strcmp0 (amigo_instance_type_get_instance_type (g_ptr_array_index (types, i)), name) == 0)
      return g_ptr_array_index (types, i);
  g_error ("no instance type %s", name);
  return NULL;
}

static AmigoImage *
first_image_where (GPtrArray  *images,
                   const char *architecture)
{
  for (guint i = 0; i < images->len; i++)
    if (g_strcmp0 (amigo_image_get_architecture (g_ptr_array_index (images, i)), architecture) == 0)
      return g_ptr_array_index (images, i);
  g_error ("no %s image", architecture);
  return NULL;
}

static void
test_instance_types_can_run (void)
{
  const char *arm64[] = { "arm64", NULL };
  AmigoEc2Filter filter = { "processor-info.supported-architecture", arm64 };
  AmigoEc2ListRequest arm_request = { .filters = &filter, .n_filters = 1 };
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) arm = NULL;
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GError) error = NULL;
  AmigoImage *arm_image;
  AmigoImage *x86_image;

  if (!amigo_test_moto_have_server ())
    return;

  amigo_ec2_describe_instance_types_async (env.ec2, NULL, NULL,
                                           amigo_test_result_cb, amigo_test_next_result ());
  all = amigo_ec2_describe_instance_types_finish (env.ec2, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >, 100);

  amigo_ec2_describe_instance_types_async (env.ec2, &arm_request, NULL,
                                           amigo_test_result_cb, amigo_test_next_result ());
  arm = amigo_ec2_describe_instance_types_finish (env.ec2, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (arm->len, >, 0);
  g_assert_cmpuint (arm->len, <, all->len);
  for (guint i = 0; i < arm->len; i++)
    g_assert_true (g_strv_contains (amigo_instance_type_get_supported_architectures (g_ptr_array_index (arm, i)),
                                    "arm64"));

  /* The Marketplace has an x86_64 and an arm64 image */
  images = marketplace_images (FALSE);
  arm_image = first_image_where (images, "arm64");
  x86_image = first_image_where (images, "x86_64");

  g_assert_true (amigo_instance_type_can_run_image (find_instance_type (all, "a1.large"), arm_image));
  g_assert_false (amigo_instance_type_can_run_image (find_instance_type (all, "a1.large"), x86_image));
  g_assert_true (amigo_instance_type_can_run_image (find_instance_type (all, "t3.micro"), x86_image));
  g_assert_false (amigo_instance_type_can_run_image (find_instance_type (all, "t3.micro"), arm_image));
}

/* ---- CreateImage: a duplicate name ------------------------------------ */

static char *
launch_amazon_instance (AmigoEc2 *ec2)
{
  const char *owners[] = { "amazon", NULL };
  const char *x86_64[] = { "x86_64", NULL };
  const char *ebs[] = { "ebs", NULL };
  AmigoEc2Filter filters[] = {
    { "architecture", x86_64 },
    { "root-device-type", ebs },
  };
  AmigoDescribeImagesRequest images_request = {
    .owners = owners, .filters = filters, .n_filters = G_N_ELEMENTS (filters),
  };
  AmigoRunInstancesRequest request = { .instance_type = "t3.micro" };
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GPtrArray) instances = NULL;
  g_autoptr(GError) error = NULL;

  images = describe_images (ec2, &images_request, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (images->len, >, 0);
  for (guint i = 0; i < images->len; i++)
    {
      g_assert_cmpstr (amigo_image_get_architecture (g_ptr_array_index (images, i)), ==, "x86_64");
      g_assert_cmpstr (amigo_image_get_root_device_type (g_ptr_array_index (images, i)), ==, "ebs");
    }

  request.image_id = amigo_image_get_image_id (g_ptr_array_index (images, 0));
  instances = run_instances (ec2, &request, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (instances->len, ==, 1);
  g_assert_cmpstr (amigo_instance_get_image_id (g_ptr_array_index (instances, 0)), ==, request.image_id);
  return g_strdup (amigo_instance_get_instance_id (g_ptr_array_index (instances, 0)));
}

static void
test_create_image_duplicate_name (void)
{
  g_autofree char *instance_id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *image_id = NULL;
  g_autofree char *again = NULL;
  g_autofree char *found = NULL;
  g_autoptr(GError) error = NULL;
  gboolean already_created = TRUE;
  AmigoCreateImageRequest request = { 0 };

  if (!amigo_test_moto_have_server ())
    return;

  instance_id = launch_amazon_instance (env.ec2);
  name = unique_name ("dup");
  request.instance_id = instance_id;
  request.name = name;
  request.no_reboot = TRUE;

  image_id = create_image (env.ec2, &request, &already_created, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (image_id, "ami-"));
  g_assert_false (already_created);

  /* On a first attempt, the name is really taken: the person must know */
  again = create_image (env.ec2, &request, &already_created, &error);
  g_assert_null (again);
  g_assert_false (already_created);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SERVICE);
  g_assert_cmpstr (amigo_aws_error_get_aws_code (error), ==, "InvalidAMIName.Duplicate");
  g_assert_nonnull (strstr (error->message, name));
  g_clear_error (&error);

  /* On a retry, the earlier attempt made it: that image is the answer */
  _amigo_ec2_set_pretend_retry (env.ec2, TRUE);
  found = create_image (env.ec2, &request, &already_created, &error);
  _amigo_ec2_set_pretend_retry (env.ec2, FALSE);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, image_id);
  g_assert_true (already_created);
}

static void
test_create_image_invalid_name (void)
{
  AmigoCreateImageRequest request = { .instance_id = "i-0123456789abcdef0", .name = "no*stars" };
  g_autoptr(GError) error = NULL;
  char *image_id;

  if (!amigo_test_moto_have_server ())
    return;

  image_id = create_image (env.ec2, &request, NULL, &error);
  g_assert_null (image_id);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT);
}

/* ---- client tokens ---------------------------------------------------- */

static void
test_run_instances_client_token (void)
{
  g_autofree char *token = amigo_client_token_new ();
  g_autofree char *other_token = amigo_client_token_new ();
  const char *token_values[] = { token, NULL };
  AmigoEc2Filter filter = { "client-token", token_values };
  AmigoEc2ListRequest by_token = { .filters = &filter, .n_filters = 1 };
  AmigoRunInstancesRequest request = { .instance_type = "t3.nano", .min_count = 2 };
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) mismatch = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *instance_id = NULL;
  g_autofree char *image_id = NULL;

  if (!amigo_test_moto_have_server ())
    return;

  /* Any image: the one the source instance was launched from */
  instance_id = launch_amazon_instance (env.ec2);
  {
    const char *ids[] = { instance_id, NULL };
    AmigoEc2ListRequest by_id = { .ids = ids };
    g_autoptr(GPtrArray) instances = describe_instances (env.ec2, &by_id);

    g_assert_cmpuint (instances->len, ==, 1);
    image_id = g_strdup (amigo_instance_get_image_id (g_ptr_array_index (instances, 0)));
  }
  request.image_id = image_id;
  request.client_token = token;

  first = run_instances (env.ec2, &request, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 2);
  second = run_instances (env.ec2, &request, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      AmigoInstance *a = g_ptr_array_index (first, i);
      AmigoInstance *b = g_ptr_array_index (second, i);

      g_assert_cmpstr (amigo_instance_get_instance_id (a), ==, amigo_instance_get_instance_id (b));
      g_assert_cmpstr (amigo_instance_get_client_token (a), ==, token);
    }

  listed = describe_instances (env.ec2, &by_token);
  g_assert_cmpuint (listed->len, ==, 2);
  for (guint i = 0; i < listed->len; i++)
    g_assert_cmpstr (amigo_instance_get_client_token (g_ptr_array_index (listed, i)), ==, token);

  /* The same token for another launch is a mistake EC2 points out */
  request.instance_type = "t3.small";
  mismatch = run_instances (env.ec2, &request, &error);
  g_assert_null (mismatch);
  g_assert_cmpstr (amigo_aws_error_get_aws_code (error), ==, "IdempotentParameterMismatch");
  assert_error_is_readable (error);
  g_clear_error (&error);

  /* A new token is a new launch */
  g_clear_pointer (&first, g_ptr_array_unref);
  request.client_token = other_token;
  first = run_instances (env.ec2, &request, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (amigo_instance_get_instance_id (g_ptr_array_index (first, 0)), !=,
                   amigo_instance_get_instance_id (g_ptr_array_index (second, 0)));
}

/* moto pages DescribeInstances by reservation: six launches, pages of five */
static void
test_describe_instances_pagination (void)
{
  g_autofree char *batch = unique_name ("batch");
  g_autofree char *image_id = NULL;
  g_autofree char *instance_id = NULL;
  AmigoEc2Tag tags[] = { { "Batch", batch } };
  const char *batch_values[] = { batch, NULL };
  AmigoEc2Filter filter = { "tag:Batch", batch_values };
  AmigoEc2ListRequest request = { .filters = &filter, .n_filters = 1, .page_size = 5 };
  g_autoptr(GHashTable) launched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) instances = NULL;

  if (!amigo_test_moto_have_server ())
    return;

  instance_id = launch_amazon_instance (env.ec2);
  {
    const char *ids[] = { instance_id, NULL };
    AmigoEc2ListRequest by_id = { .ids = ids };
    g_autoptr(GPtrArray) source = describe_instances (env.ec2, &by_id);

    image_id = g_strdup (amigo_instance_get_image_id (g_ptr_array_index (source, 0)));
  }

  for (guint i = 0; i < 6; i++)
    {
      AmigoRunInstancesRequest launch = {
        .image_id = image_id,
        .instance_tags = tags,
        .n_instance_tags = G_N_ELEMENTS (tags),
      };
      g_autoptr(GPtrArray) one = NULL;
      g_autoptr(GError) error = NULL;

      one = run_instances (env.ec2, &launch, &error);
      g_assert_no_error (error);
      g_hash_table_add (launched, g_strdup (amigo_instance_get_instance_id (g_ptr_array_index (one, 0))));
    }

  instances = describe_instances (env.ec2, &request);
  g_assert_cmpuint (instances->len, ==, 6);
  for (guint i = 0; i < instances->len; i++)
    {
      const char *id = amigo_instance_get_instance_id (g_ptr_array_index (instances, i));

      g_assert_true (g_hash_table_contains (launched, id));
      g_assert_true (g_hash_table_add (listed, (gpointer) id));
    }
}

static void
test_run_instances_user_data_limit (void)
{
  g_autofree char *big = g_strnfill (16 * 1024 + 1, 'x');
  AmigoRunInstancesRequest request = { .image_id = "ami-12345678", .user_data = big };
  g_autoptr(GPtrArray) instances = NULL;
  g_autoptr(GError) error = NULL;

  if (!amigo_test_moto_have_server ())
    return;

  instances = run_instances (env.ec2, &request, &error);
  g_assert_null (instances);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT);
}

/* ---- values with spaces ------------------------------------------------ */

/* Descriptions, names and tags hold spaces, which the body carries as
 * `%20` (RFC 3986, as AWS documents for SigV4), and other characters the
 * query encoding must escape; the signature covers the body as sent. (The
 * lifecycle cases use such values throughout; this one is the plain case.) */
static void
test_values_with_spaces (void)
{
  g_autofree char *instance_id = NULL;
  AmigoEc2Tag tags[] = {
    { "Cost centre", "a value with spaces" },
    { "Note", "50% off + free: a=b & c~d; “quoted”, é" },
  };
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!amigo_test_moto_have_server ())
    return;

  instance_id = launch_amazon_instance (env.ec2);
  amigo_ec2_create_tags_async (env.ec2, (const char *[]) { instance_id, NULL }, tags,
                               G_N_ELEMENTS (tags), NULL, amigo_test_result_cb, amigo_test_next_result ());
  ok = amigo_ec2_create_tags_finish (env.ec2, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  {
    const char *ids[] = { instance_id, NULL };
    AmigoEc2ListRequest by_id = { .ids = ids };
    g_autoptr(GPtrArray) instances = describe_instances (env.ec2, &by_id);
    guint n_tags = 0;
    const AmigoTag *instance_tags = amigo_instance_get_tags (g_ptr_array_index (instances, 0), &n_tags);

    for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
      g_assert_cmpstr (tag_value (instance_tags, n_tags, tags[i].key), ==, tags[i].value);
  }
}

/* ---- a stand-in as strict as EC2 ------------------------------------- */

/* An image of this account that needs no instance (instance store). */
static char *
register_bundle_image (void)
{
  g_autofree char *name = unique_name ("strict");
  AmigoRegisterImageRequest request = {
    .name = name,
    .image_location = "amzn-s3-demo-bucket/amigo/strict.manifest.xml",
    .architecture = "x86_64",
    .root_device_name = "/dev/sda1",
    .virtualization_type = "hvm",
  };
  g_autoptr(GError) error = NULL;
  char *image_id;

  amigo_ec2_register_image_async (env.ec2, &request, NULL, amigo_test_result_cb, amigo_test_next_result ());
  image_id = amigo_ec2_register_image_finish (env.ec2, amigo_test_await_result (), NULL, &error);
  g_assert_no_error (error);
  return image_id;
}

static void
test_strict_deprecate_in_the_past (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) before = g_date_time_add_seconds (now, -2);
  g_autofree char *image_id = NULL;
  g_autoptr(AmigoImage) image = NULL;
  g_autoptr(GError) error = NULL;

  if (!amigo_test_moto_have_server ())
    return;

  /* "You can't specify a date in the past": not even seconds ago, within
   * the minute the time rounds to */
  image_id = register_bundle_image ();
  amigo_ec2_enable_image_deprecation_async (env.ec2, image_id, before, NULL,
                                            amigo_test_result_cb, amigo_test_next_result ());
  g_assert_false (amigo_ec2_enable_image_deprecation_finish (env.ec2, amigo_test_await_result (), &error));
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SERVICE);
  g_assert_cmpstr (amigo_aws_error_get_aws_code (error), ==, "InvalidParameterValue");
  assert_error_is_readable (error);
  image = get_image (env.ec2, image_id);
  g_assert_null (amigo_image_get_deprecation_time (image));
}

static void
test_strict_describe_images_bad_token (void)
{
  g_autoptr(AmigoEc2Query) q = amigo_ec2_query_new ("DescribeImages", AMIGO_EC2_API_VERSION);
  g_autoptr(GError) error = NULL;

  if (!amigo_test_moto_have_server ())
    return;

  amigo_ec2_query_add_string (q, "Owner.1", "amazon");
  amigo_ec2_query_add_int (q, "MaxResults", 5);
  amigo_ec2_query_add_string (q, "NextToken", "not-a-token-this-server-issued");
  error = raw_call_error (env.ec2, q);
  g_assert_cmpstr (amigo_aws_error_get_aws_code (error), ==, "InvalidPaginationToken");
}

/* Counts the images of a raw DescribeImages answer and takes its token. */
static guint
count_page (const char  *answer,
            char       **next_token)
{
  const char *start = strstr (answer, "<nextToken>");
  guint n = 0;

  for (const char *p = strstr (answer, "<imageId>"); p != NULL; p = strstr (p + 1, "<imageId>"))
    n++;
  *next_token = NULL;
  if (start != NULL)
    {
      const char *end = strstr (start, "</nextToken>");

      g_assert_nonnull (end);
      start += strlen ("<nextToken>");
      if (end > start)
        *next_token = g_strndup (start, end - start);
    }
  return n;
}

static void
test_strict_short_and_empty_pages (void)
{
  g_autofree char *token = NULL;
  guint n_pages = 0;
  guint n_short = 0;
  guint n_empty = 0;
  guint n_images = 0;

  if (!amigo_test_moto_have_server ())
    return;

  /* EC2 does not promise full pages; the stand-in serves short ones and
   * empty ones with a NextToken (seeded: the same every run) */
  do
    {
      g_autoptr(AmigoEc2Query) q = amigo_ec2_query_new ("DescribeImages", AMIGO_EC2_API_VERSION);
      g_autofree char *answer = NULL;
      char *next = NULL;
      guint n;

      amigo_ec2_query_add_string (q, "Owner.1", "amazon");
      amigo_ec2_query_add_int (q, "MaxResults", 100);
      if (token != NULL)
        amigo_ec2_query_add_string (q, "NextToken", token);
      answer = raw_call (env.ec2, q);
      n = count_page (answer, &next);
      g_assert_cmpuint (n, <=, 100);
      n_pages++;
      n_images += n;
      if (next != NULL && n == 0)
        n_empty++;
      else if (next != NULL && n < 100)
        n_short++;
      g_free (token);
      token = next;
      g_assert_cmpuint (n_pages, <, 1000);
    }
  while (token != NULL);

  g_assert_cmpuint (n_images, >, 1000);
  g_assert_cmpuint (n_empty, >, 0);
  g_assert_cmpuint (n_short, >, 0);
}

static void
test_strict_copy_image_without_name (void)
{
  g_autoptr(AmigoEc2Query) q = amigo_ec2_query_new ("CopyImage", AMIGO_EC2_API_VERSION);
  g_autoptr(GError) error = NULL;
  g_autofree char *image_id = NULL;

  if (!amigo_test_moto_have_server ())
    return;

  /* Name is required: the model check refuses it before moto (which
   * named the copy after its source) */
  image_id = register_bundle_image ();
  amigo_ec2_query_add_string (q, "SourceRegion", REGION);
  amigo_ec2_query_add_string (q, "SourceImageId", image_id);
  error = raw_call_error (env.ec2_other, q);
  g_assert_cmpstr (amigo_aws_error_get_aws_code (error), ==, "AmigoModelMismatch");
  g_assert_nonnull (strstr (error->message, "Name"));
}

static void
test_strict_client_token_length (void)
{
  g_autofree char *token = g_strnfill (65, 'a');
  g_autofree char *name = unique_name ("long token");
  g_autofree char *image_id = NULL;
  g_autofree char *copy_id = NULL;
  AmigoCopyImageRequest request = {
    .source_region = REGION,
    .name = name,
    .client_token = token,
  };
  g_autoptr(GError) error = NULL;

  if (!amigo_test_moto_have_server ())
    return;

  /* "Constraints: Maximum 64 ASCII characters" */
  image_id = register_bundle_image ();
  request.source_image_id = image_id;
  copy_id = copy_image (&request, &error);
  g_assert_null (copy_id);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SERVICE);
  g_assert_cmpstr (amigo_aws_error_get_aws_code (error), ==, "InvalidParameterValue");
}

static void
test_strict_model_mismatch (void)
{
  g_autoptr(AmigoEc2Query) misnamed = amigo_ec2_query_new ("DescribeImages", AMIGO_EC2_API_VERSION);
  g_autoptr(AmigoEc2Query) bad_enum = amigo_ec2_query_new ("DescribeImageAttribute", AMIGO_EC2_API_VERSION);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) enum_error = NULL;

  if (!amigo_test_moto_have_server ())
    return;

  /* The list's member name, not its locationName: no SDK writes this */
  amigo_ec2_query_add_string (misnamed, "ImageIds.1", "ami-12345678");
  error = raw_call_error (env.ec2, misnamed);
  g_assert_cmpstr (amigo_aws_error_get_aws_code (error), ==, "AmigoModelMismatch");
  g_assert_nonnull (strstr (error->message, "ImageIds.1"));

  amigo_ec2_query_add_string (bad_enum, "ImageId", "ami-12345678");
  amigo_ec2_query_add_string (bad_enum, "Attribute", "colour");
  enum_error = raw_call_error (env.ec2, bad_enum);
  g_assert_cmpstr (amigo_aws_error_get_aws_code (enum_error), ==, "AmigoModelMismatch");
  g_assert_nonnull (strstr (enum_error->message, "Attribute"));
}

/* ---- the lifecycle story ---------------------------------------------- */

/* A step of the story needs what an earlier step made: if that step did
 * not run (or failed), this one fails too, instead of passing silently. */
static gboolean
story_has (gconstpointer  made,
           const char    *step)
{
  if (made != NULL)
    return TRUE;
  g_test_fail_printf ("/integration/lifecycle/%s did not run or failed: "
                      "this step needs what it makes", step);
  return FALSE;
}

static void
test_lifecycle_create_image (void)
{
  AmigoEc2Tag image_tags[] = { { "Name", "Amigo web server" }, { "Team", "Platform team" } };
  AmigoEc2Tag snapshot_tags[] = { { "Backup plan", "daily at 02:00" } };
  AmigoCreateImageRequest request = {
    .description = "Amigo integration test image, made from a running instance",
    .no_reboot = TRUE,
    .image_tags = image_tags,
    .n_image_tags = G_N_ELEMENTS (image_tags),
    .snapshot_tags = snapshot_tags,
    .n_snapshot_tags = G_N_ELEMENTS (snapshot_tags),
  };
  const char *owners[] = { "self", NULL };
  AmigoDescribeImagesRequest own = { .owners = owners };
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) snapshot_ids = g_ptr_array_new_with_free_func (g_free);
  const AmigoBlockDeviceMapping *mappings;
  gboolean already_created = TRUE;
  AmigoImage *image;
  guint n_mappings = 0;

  if (!amigo_test_moto_have_server ())
    return;

  story.source_instance_id = launch_amazon_instance (env.ec2);
  story.image_name = unique_name ("image");
  request.instance_id = story.source_instance_id;
  request.name = story.image_name;
  story.image_id = create_image (env.ec2, &request, &already_created, &error);
  g_assert_no_error (error);
  g_assert_false (already_created);

  images = describe_images (env.ec2, &own, &error);
  g_assert_no_error (error);
  image = find_image (images, story.image_id);
  g_assert_nonnull (image);
  g_assert_cmpstr (amigo_image_get_name (image), ==, story.image_name);
  g_assert_cmpstr (amigo_image_get_description (image), ==,
                   "Amigo integration test image, made from a running instance");
  g_assert_cmpstr (amigo_image_get_name (image), ==, story.image_name);
  g_assert_cmpstr (image_tag (image, "Name"), ==, "Amigo web server");
  g_assert_cmpstr (image_tag (image, "Team"), ==, "Platform team");
  g_assert_null (image_tag (image, "Backup plan"));
  g_assert_false (amigo_image_get_is_public (image));

  mappings = amigo_image_get_block_device_mappings (image, &n_mappings);
  g_assert_cmpuint (n_mappings, >=, 1);
  for (guint i = 0; i < n_mappings; i++)
    if (mappings[i].has_ebs && mappings[i].ebs.snapshot_id != NULL)
      g_ptr_array_add (snapshot_ids, g_strdup (mappings[i].ebs.snapshot_id));
  g_assert_cmpuint (snapshot_ids->len, >=, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (snapshot_ids, 0), "snap-"));
  g_assert_cmpstr (mappings[0].device_name, ==, amigo_image_get_root_device_name (image));
  g_assert_cmpint (mappings[0].ebs.volume_size, >, 0);
  g_ptr_array_add (snapshot_ids, NULL);
  story.image_snapshot_ids = g_strdupv ((char **) snapshot_ids->pdata);

  /* The snapshot has the snapshot tags, not the image's */
  snapshots = describe_snapshots (env.ec2, (const char * const *) story.image_snapshot_ids, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshots->len, ==, g_strv_length (story.image_snapshot_ids));
  for (guint i = 0; i < snapshots->len; i++)
    {
      AmigoSnapshot *snapshot = g_ptr_array_index (snapshots, i);
      guint n_tags = 0;
      const AmigoTag *tags = amigo_snapshot_get_tags (snapshot, &n_tags);

      g_assert_true (g_strv_contains ((const char * const *) story.image_snapshot_ids,
                                      amigo_snapshot_get_snapshot_id (snapshot)));
      g_assert_cmpstr (tag_value (tags, n_tags, "Backup plan"), ==, "daily at 02:00");
      g_assert_null (tag_value (tags, n_tags, "Team"));
      g_assert_cmpstr (amigo_snapshot_get_state (snapshot), ==, "completed");
      g_assert_cmpstr (amigo_snapshot_get_progress (snapshot), ==, "100%");
      g_assert_cmpint (amigo_snapshot_get_volume_size (snapshot), >, 0);
    }
}

static void
test_lifecycle_copy_image (void)
{
  g_autofree char *token = amigo_client_token_new ();
  g_autofree char *copy_name = unique_name ("copy");
  AmigoEc2Tag extra_tags[] = { { "Copied from", "US East (N. Virginia)" } };
  AmigoCopyImageRequest request = {
    .source_region = REGION,
    .name = copy_name,
    .description = "A copy for Europe (Ireland)",
    .copy_image_tags = TRUE,
    .image_tags = extra_tags,
    .n_image_tags = G_N_ELEMENTS (extra_tags),
    .client_token = token,
  };
  const char *owners[] = { "self", NULL };
  const char *names[] = { copy_name, NULL };
  AmigoEc2Filter by_name = { "name", names };
  AmigoDescribeImagesRequest named = { .owners = owners, .filters = &by_name, .n_filters = 1 };
  g_autofree char *again = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoImage) copy = NULL;

  if (!amigo_test_moto_have_server () || !story_has (story.image_id, "1-create-image"))
    return;

  request.source_image_id = story.image_id;
  story.copy_id = copy_image (&request, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (story.copy_id, "ami-"));
  g_assert_cmpstr (story.copy_id, !=, story.image_id);

  /* The same token again: the same copy, not a second one */
  again = copy_image (&request, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, story.copy_id);
  copies = describe_images (env.ec2_other, &named, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (copies->len, ==, 1);

  /* It lives in the other region only, with the source's tags */
  g_assert_null (get_image (env.ec2, story.copy_id));
  copy = get_image (env.ec2_other, story.copy_id);
  g_assert_nonnull (copy);
  g_assert_cmpstr (amigo_image_get_name (copy), ==, copy_name);
  g_assert_cmpstr (amigo_image_get_description (copy), ==, "A copy for Europe (Ireland)");
  g_assert_cmpstr (image_tag (copy, "Name"), ==, "Amigo web server");
  g_assert_cmpstr (image_tag (copy, "Team"), ==, "Platform team");
  g_assert_cmpstr (image_tag (copy, "Copied from"), ==, "US East (N. Virginia)");
}

static void
test_lifecycle_launch_copy (void)
{
  g_autofree char *key_name = NULL;
  g_autofree char *token = amigo_client_token_new ();
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) subnets = NULL;
  g_autoptr(GPtrArray) vpcs = NULL;
  g_autoptr(GPtrArray) key_pairs = NULL;
  g_autoptr(GPtrArray) launched = NULL;
  g_autoptr(GPtrArray) described = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) instance_ids = g_ptr_array_new ();
  g_autoptr(AmigoEc2Query) raw = NULL;
  g_autofree char *raw_answer = NULL;
  const char *group_ids[2] = { NULL, NULL };
  AmigoEc2Tag instance_tags[] = { { "Name", "Web server from the copy" } };
  AmigoEc2Tag volume_tags[] = { { "Disk", "root volume" } };
  AmigoRunInstancesRequest request = {
    .instance_type = "t3.micro",
    .min_count = 2,
    .user_data = "#!/bin/sh\necho hello from amigo\n",
    .instance_tags = instance_tags,
    .n_instance_tags = G_N_ELEMENTS (instance_tags),
    .volume_tags = volume_tags,
    .n_volume_tags = G_N_ELEMENTS (volume_tags),
    .http_tokens = "required",
    .http_put_response_hop_limit = 2,
  };
  const char *is_default[] = { "true", NULL };
  AmigoEc2Filter default_vpc = { "is-default", is_default };
  AmigoEc2ListRequest vpc_request = { .filters = &default_vpc, .n_filters = 1 };
  const char *vpc_ids[2] = { NULL, NULL };
  AmigoEc2Filter in_vpc = { "vpc-id", vpc_ids };
  AmigoEc2ListRequest in_vpc_request = { .filters = &in_vpc, .n_filters = 1 };
  const char *key_names[2] = { NULL, NULL };
  AmigoEc2ListRequest key_request = { .ids = key_names };
  g_autoptr(AmigoImageAttribute) launched_attribute = NULL;
  g_autoptr(AmigoImageAttribute) never_attribute = NULL;
  g_autoptr(AmigoImage) copy = NULL;

  if (!amigo_test_moto_have_server () || !story_has (story.copy_id, "2-copy-image"))
    return;

  /* What the launch dialog offers: key pairs, groups and subnets of the VPC */
  key_name = create_key_pair (env.ec2_other);
  key_names[0] = key_name;
  amigo_ec2_describe_key_pairs_async (env.ec2_other, &key_request, NULL,
                                      amigo_test_result_cb, amigo_test_next_result ());
  key_pairs = amigo_ec2_describe_key_pairs_finish (env.ec2_other, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (key_pairs->len, ==, 1);
  g_assert_cmpstr (amigo_key_pair_get_key_name (g_ptr_array_index (key_pairs, 0)), ==, key_name);
  g_assert_nonnull (amigo_key_pair_get_key_fingerprint (g_ptr_array_index (key_pairs, 0)));

  amigo_ec2_describe_vpcs_async (env.ec2_other, &vpc_request, NULL,
                                 amigo_test_result_cb, amigo_test_next_result ());
  vpcs = amigo_ec2_describe_vpcs_finish (env.ec2_other, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vpcs->len, ==, 1);
  g_assert_true (amigo_vpc_get_is_default (g_ptr_array_index (vpcs, 0)));
  vpc_ids[0] = amigo_vpc_get_vpc_id (g_ptr_array_index (vpcs, 0));

  amigo_ec2_describe_security_groups_async (env.ec2_other, &in_vpc_request, NULL,
                                            amigo_test_result_cb, amigo_test_next_result ());
  groups = amigo_ec2_describe_security_groups_finish (env.ec2_other, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, >=, 1);
  g_assert_cmpstr (amigo_security_group_get_vpc_id (g_ptr_array_index (groups, 0)), ==, vpc_ids[0]);
  group_ids[0] = amigo_security_group_get_group_id (g_ptr_array_index (groups, 0));

  amigo_ec2_describe_subnets_async (env.ec2_other, &in_vpc_request, NULL,
                                    amigo_test_result_cb, amigo_test_next_result ());
  subnets = amigo_ec2_describe_subnets_finish (env.ec2_other, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (subnets->len, >=, 1);
  for (guint i = 0; i < subnets->len; i++)
    g_assert_cmpstr (amigo_subnet_get_vpc_id (g_ptr_array_index (subnets, i)), ==, vpc_ids[0]);

  request.image_id = story.copy_id;
  request.key_name = key_name;
  request.security_group_ids = group_ids;
  request.subnet_id = amigo_subnet_get_subnet_id (g_ptr_array_index (subnets, 0));
  request.client_token = token;
  launched = run_instances (env.ec2_other, &request, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (launched->len, ==, 2);
  for (guint i = 0; i < launched->len; i++)
    g_ptr_array_add (instance_ids, (gpointer) amigo_instance_get_instance_id (g_ptr_array_index (launched, i)));
  g_ptr_array_add (instance_ids, NULL);

  {
    AmigoEc2ListRequest by_id = { .ids = (const char * const *) instance_ids->pdata };

    described = describe_instances (env.ec2_other, &by_id);
  }
  g_assert_cmpuint (described->len, ==, 2);
  for (guint i = 0; i < described->len; i++)
    {
      AmigoInstance *instance = g_ptr_array_index (described, i);
      guint n_tags = 0;
      const AmigoTag *tags = amigo_instance_get_tags (instance, &n_tags);
      guint n_groups = 0;
      const AmigoGroupIdentifier *instance_groups = amigo_instance_get_security_groups (instance, &n_groups);

      g_assert_cmpstr (amigo_instance_get_image_id (instance), ==, story.copy_id);
      g_assert_cmpstr (amigo_instance_get_instance_type (instance), ==, "t3.micro");
      g_assert_cmpstr (amigo_instance_get_key_name (instance), ==, key_name);
      g_assert_cmpstr (amigo_instance_get_subnet_id (instance), ==, request.subnet_id);
      g_assert_cmpstr (amigo_instance_get_client_token (instance), ==, token);
      g_assert_cmpstr (tag_value (tags, n_tags, "Name"), ==, "Web server from the copy");
      g_assert_cmpuint (n_groups, ==, 1);
      g_assert_cmpstr (instance_groups[0].group_id, ==, group_ids[0]);
      g_assert_true (g_strv_contains ((const char * const *) instance_ids->pdata,
                                      amigo_instance_get_instance_id (instance)));
    }

  /* IMDSv2 and the hop limit are not in the model: read the answer itself */
  raw = amigo_ec2_query_new ("DescribeInstances", AMIGO_EC2_API_VERSION);
  amigo_ec2_query_add_string (raw, "InstanceId.1", g_ptr_array_index (instance_ids, 0));
  raw_answer = raw_call (env.ec2_other, raw);
  g_assert_nonnull (strstr (raw_answer, "<httpTokens>required</httpTokens>"));
  g_assert_nonnull (strstr (raw_answer, "<httpPutResponseHopLimit>2</httpPutResponseHopLimit>"));

  /* lastLaunchedTime: set on the launched copy, empty on the original */
  launched_attribute = describe_attribute (env.ec2_other, story.copy_id,
                                           AMIGO_IMAGE_ATTRIBUTE_LAST_LAUNCHED_TIME);
  g_assert_cmpstr (amigo_image_attribute_get_image_id (launched_attribute), ==, story.copy_id);
  g_assert_nonnull (amigo_image_attribute_get_last_launched_time (launched_attribute));
  g_assert_cmpint (amigo_image_attribute_get_last_launched_time_usec (launched_attribute), >, 0);
  never_attribute = describe_attribute (env.ec2, story.image_id,
                                        AMIGO_IMAGE_ATTRIBUTE_LAST_LAUNCHED_TIME);
  g_assert_cmpint (amigo_image_attribute_get_last_launched_time_usec (never_attribute), ==, 0);
  copy = get_image (env.ec2_other, story.copy_id);
  g_assert_cmpint (amigo_image_get_last_launched_time_usec (copy), ==,
                   amigo_image_attribute_get_last_launched_time_usec (launched_attribute));
}

static void
test_lifecycle_public_ip (void)
{
  AmigoRunInstancesRequest request = {
    .instance_type = "t3.micro",
    .public_ip = AMIGO_PUBLIC_IP_ASSIGN,
  };
  g_autoptr(GPtrArray) launched = NULL;
  g_autoptr(GError) error = NULL;

  if (!amigo_test_moto_have_server () || !story_has (story.copy_id, "2-copy-image"))
    return;

  request.image_id = story.copy_id;
  launched = run_instances (env.ec2_other, &request, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (launched->len, ==, 1);
  g_assert_nonnull (amigo_instance_get_public_ip_address (g_ptr_array_index (launched, 0)));
}

static gboolean
has_permission (AmigoImageAttribute *attribute,
                const char          *user_id,
                const char          *group)
{
  guint n = 0;
  const AmigoLaunchPermission *permissions =
    amigo_image_attribute_get_launch_permissions (attribute, &n);

  for (guint i = 0; i < n; i++)
    if ((user_id != NULL && g_strcmp0 (permissions[i].user_id, user_id) == 0) ||
        (group != NULL && g_strcmp0 (permissions[i].group, group) == 0))
      return TRUE;
  return FALSE;
}

static void
modify_launch_permission (const AmigoLaunchPermission *add,
                          guint                        n_add,
                          const AmigoLaunchPermission *remove,
                          guint                        n_remove)
{
  g_autoptr(GError) error = NULL;

  amigo_ec2_modify_image_launch_permission_async (env.ec2, story.image_id, add, n_add,
                                                  remove, n_remove, NULL, amigo_test_result_cb, amigo_test_next_result ());
  g_assert_true (amigo_ec2_modify_image_launch_permission_finish (env.ec2, amigo_test_await_result (), &error));
  g_assert_no_error (error);
}

static void
test_lifecycle_share (void)
{
  AmigoLaunchPermission permissions[] = {
    { .user_id = (char *) SHARE_ACCOUNT },
    { .group = (char *) "all" },
  };
  g_autoptr(AmigoImageAttribute) shared = NULL;
  g_autoptr(AmigoImageAttribute) unshared = NULL;
  g_autoptr(AmigoImage) image = NULL;
  g_autoptr(AmigoImage) private_again = NULL;
  guint n = 0;

  if (!amigo_test_moto_have_server () || !story_has (story.image_id, "1-create-image"))
    return;

  modify_launch_permission (permissions, G_N_ELEMENTS (permissions), NULL, 0);
  shared = describe_attribute (env.ec2, story.image_id, AMIGO_IMAGE_ATTRIBUTE_LAUNCH_PERMISSION);
  amigo_image_attribute_get_launch_permissions (shared, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (has_permission (shared, SHARE_ACCOUNT, NULL));
  g_assert_true (has_permission (shared, NULL, "all"));
  image = get_image (env.ec2, story.image_id);
  g_assert_true (amigo_image_get_is_public (image));

  modify_launch_permission (NULL, 0, permissions, G_N_ELEMENTS (permissions));
  unshared = describe_attribute (env.ec2, story.image_id, AMIGO_IMAGE_ATTRIBUTE_LAUNCH_PERMISSION);
  amigo_image_attribute_get_launch_permissions (unshared, &n);
  g_assert_cmpuint (n, ==, 0);
  private_again = get_image (env.ec2, story.image_id);
  g_assert_false (amigo_image_get_is_public (private_again));
}

static void
test_lifecycle_description (void)
{
  g_autoptr(AmigoImageAttribute) attribute = NULL;
  g_autoptr(GError) error = NULL;

  if (!amigo_test_moto_have_server () || !story_has (story.image_id, "1-create-image"))
    return;

  amigo_ec2_modify_image_description_async (env.ec2, story.image_id,
                                            "Described again: the web server, with its logs",
                                            NULL, amigo_test_result_cb, amigo_test_next_result ());
  g_assert_true (amigo_ec2_modify_image_description_finish (env.ec2, amigo_test_await_result (), &error));
  g_assert_no_error (error);

  /* moto 5.2.1 ignored Description.Value; tests/moto-launcher.py applies it */
  attribute = describe_attribute (env.ec2, story.image_id, AMIGO_IMAGE_ATTRIBUTE_DESCRIPTION);
  g_assert_cmpstr (amigo_image_attribute_get_description (attribute), ==,
                   "Described again: the web server, with its logs");
}

static void
test_lifecycle_tags (void)
{
  const char *resources[] = { story.image_id, NULL };
  AmigoEc2Tag add[] = { { "Stage", "in testing" }, { "Owner", "Amigo team" } };
  AmigoEc2Tag remove[] = { { "Stage", NULL }, { "Owner", "somebody else" } };
  g_autoptr(AmigoImage) tagged = NULL;
  g_autoptr(AmigoImage) untagged = NULL;
  g_autoptr(GError) error = NULL;

  if (!amigo_test_moto_have_server () || !story_has (story.image_id, "1-create-image"))
    return;

  amigo_ec2_create_tags_async (env.ec2, resources, add, G_N_ELEMENTS (add), NULL,
                               amigo_test_result_cb, amigo_test_next_result ());
  g_assert_true (amigo_ec2_create_tags_finish (env.ec2, amigo_test_await_result (), &error));
  g_assert_no_error (error);
  tagged = get_image (env.ec2, story.image_id);
  g_assert_cmpstr (image_tag (tagged, "Stage"), ==, "in testing");
  g_assert_cmpstr (image_tag (tagged, "Owner"), ==, "Amigo team");
  g_assert_cmpstr (image_tag (tagged, "Team"), ==, "Platform team");

  /* No value: whatever it is; a value: only if it matches */
  amigo_ec2_delete_tags_async (env.ec2, resources, remove, G_N_ELEMENTS (remove), NULL,
                               amigo_test_result_cb, amigo_test_next_result ());
  g_assert_true (amigo_ec2_delete_tags_finish (env.ec2, amigo_test_await_result (), &error));
  g_assert_no_error (error);
  untagged = get_image (env.ec2, story.image_id);
  g_assert_null (image_tag (untagged, "Stage"));
  g_assert_cmpstr (image_tag (untagged, "Owner"), ==, "Amigo team");
  g_assert_cmpstr (image_tag (untagged, "Team"), ==, "Platform team");
}

static void
test_lifecycle_deprecate (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 30);
  g_autoptr(GDateTime) deprecate_at = NULL;
  g_autoptr(AmigoImage) deprecated = NULL;
  g_autoptr(AmigoImage) current = NULL;
  g_autoptr(GError) error = NULL;

  if (!amigo_test_moto_have_server () || !story_has (story.image_id, "1-create-image"))
    return;

  /* With seconds: EC2 rounds to the nearest minute */
  deprecate_at = g_date_time_new_utc (g_date_time_get_year (later), g_date_time_get_month (later),
                                      g_date_time_get_day_of_month (later),
                                      g_date_time_get_hour (later), g_date_time_get_minute (later), 12);
  amigo_ec2_enable_image_deprecation_async (env.ec2, story.image_id, deprecate_at, NULL,
                                            amigo_test_result_cb, amigo_test_next_result ());
  g_assert_true (amigo_ec2_enable_image_deprecation_finish (env.ec2, amigo_test_await_result (), &error));
  g_assert_no_error (error);

  deprecated = get_image (env.ec2, story.image_id);
  g_assert_nonnull (amigo_image_get_deprecation_time (deprecated));
  g_assert_cmpint (amigo_image_get_deprecation_time_usec (deprecated), ==,
                   (g_date_time_to_unix (deprecate_at) - 12) * G_USEC_PER_SEC);

  amigo_ec2_disable_image_deprecation_async (env.ec2, story.image_id, NULL,
                                             amigo_test_result_cb, amigo_test_next_result ());
  g_assert_true (amigo_ec2_disable_image_deprecation_finish (env.ec2, amigo_test_await_result (), &error));
  g_assert_no_error (error);
  current = get_image (env.ec2, story.image_id);
  g_assert_null (amigo_image_get_deprecation_time (current));
}

static void
test_lifecycle_protect (void)
{
  g_autofree char *enabled = NULL;
  g_autofree char *disabled = NULL;
  g_autoptr(AmigoImageAttribute) attribute = NULL;
  g_autoptr(AmigoImage) image = NULL;
  g_autoptr(GPtrArray) deletions = NULL;
  g_autoptr(GError) error = NULL;

  if (!amigo_test_moto_have_server () || !story_has (story.image_id, "1-create-image"))
    return;

  amigo_ec2_enable_image_deregistration_protection_async (env.ec2, story.image_id, FALSE, NULL,
                                                          amigo_test_result_cb, amigo_test_next_result ());
  enabled = amigo_ec2_enable_image_deregistration_protection_finish (env.ec2,
                                                                     amigo_test_await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (enabled, ==, "enabled-without-cooldown");
  attribute = describe_attribute (env.ec2, story.image_id, AMIGO_IMAGE_ATTRIBUTE_DEREGISTRATION_PROTECTION);
  g_assert_cmpstr (amigo_image_attribute_get_deregistration_protection (attribute), ==,
                   "enabled-without-cooldown");

  /* Refused, in words, and nothing is gone */
  amigo_ec2_deregister_image_async (env.ec2, story.image_id, TRUE, NULL,
                                    amigo_test_result_cb, amigo_test_next_result ());
  deletions = amigo_ec2_deregister_image_finish (env.ec2, amigo_test_await_result (), &error);
  g_assert_null (deletions);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SERVICE);
  g_assert_cmpstr (amigo_aws_error_get_aws_code (error), ==, "OperationNotPermitted");
  assert_error_is_readable (error);
  g_clear_error (&error);
  image = get_image (env.ec2, story.image_id);
  g_assert_nonnull (image);
  g_assert_cmpstr (amigo_image_get_deregistration_protection (image), ==, "enabled-without-cooldown");

  amigo_ec2_disable_image_deregistration_protection_async (env.ec2, story.image_id, NULL,
                                                           amigo_test_result_cb, amigo_test_next_result ());
  disabled = amigo_ec2_disable_image_deregistration_protection_finish (env.ec2,
                                                                       amigo_test_await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (disabled, ==, "disabled");
}

static GPtrArray *
deregister (const char *image_id,
            gboolean    delete_snapshots)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *deletions;

  amigo_ec2_deregister_image_async (env.ec2, image_id, delete_snapshots, NULL,
                                    amigo_test_result_cb, amigo_test_next_result ());
  deletions = amigo_ec2_deregister_image_finish (env.ec2, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (deletions);
  return deletions;
}

static void
test_lifecycle_register_from_snapshot (void)
{
  g_autofree char *name = unique_name ("registered");
  AmigoEc2Tag tags[] = { { "Registered", "from a snapshot" } };
  AmigoRegisterImageRequest request = {
    .name = name,
    .architecture = "x86_64",
    .root_device_name = "/dev/xvda",
    .virtualization_type = "hvm",
    .boot_mode = "uefi",
    .ena_support = TRUE,
    .image_tags = tags,
    .n_image_tags = G_N_ELEMENTS (tags),
  };
  g_autofree char *image_id = NULL;
  g_autoptr(AmigoImage) image = NULL;
  g_autoptr(GPtrArray) deletions = NULL;
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(GError) error = NULL;
  const AmigoBlockDeviceMapping *mappings;
  const AmigoSnapshotDeletion *deletion;
  gboolean already_created = TRUE;
  guint n_mappings = 0;

  if (!amigo_test_moto_have_server () || !story_has (story.image_snapshot_ids, "1-create-image"))
    return;

  /* A second image on the story image's snapshot */
  request.root_snapshot_id = story.image_snapshot_ids[0];
  amigo_ec2_register_image_async (env.ec2, &request, NULL, amigo_test_result_cb, amigo_test_next_result ());
  image_id = amigo_ec2_register_image_finish (env.ec2, amigo_test_await_result (), &already_created, &error);
  g_assert_no_error (error);
  g_assert_false (already_created);

  image = get_image (env.ec2, image_id);
  g_assert_cmpstr (amigo_image_get_name (image), ==, name);
  g_assert_cmpstr (amigo_image_get_architecture (image), ==, "x86_64");
  g_assert_cmpstr (amigo_image_get_root_device_name (image), ==, "/dev/xvda");
  g_assert_cmpstr (image_tag (image, "Registered"), ==, "from a snapshot");
  mappings = amigo_image_get_block_device_mappings (image, &n_mappings);
  g_assert_cmpuint (n_mappings, >=, 1);
  g_assert_cmpstr (mappings[0].ebs.snapshot_id, ==, story.image_snapshot_ids[0]);

  /* Deleting its snapshots skips the one the story image still uses */
  deletions = deregister (image_id, TRUE);
  g_assert_cmpuint (deletions->len, ==, 1);
  deletion = g_ptr_array_index (deletions, 0);
  g_assert_cmpstr (deletion->snapshot_id, ==, story.image_snapshot_ids[0]);
  g_assert_cmpstr (deletion->return_code, ==, "skipped");
  g_assert_null (get_image (env.ec2, image_id));
  snapshots = describe_snapshots (env.ec2, (const char * const *) story.image_snapshot_ids, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshots->len, ==, g_strv_length (story.image_snapshot_ids));
}

static void
test_lifecycle_register_from_manifest (void)
{
  g_autofree char *name = unique_name ("bundle");
  AmigoRegisterImageRequest request = {
    .name = name,
    .image_location = "amzn-s3-demo-bucket/amigo/image.manifest.xml",
    .architecture = "x86_64",
    .root_device_name = "/dev/sda1",
    .virtualization_type = "hvm",
  };
  g_autofree char *image_id = NULL;
  g_autoptr(AmigoImage) image = NULL;
  g_autoptr(GPtrArray) deletions = NULL;
  g_autoptr(GError) error = NULL;

  if (!amigo_test_moto_have_server ())
    return;

  amigo_ec2_register_image_async (env.ec2, &request, NULL, amigo_test_result_cb, amigo_test_next_result ());
  image_id = amigo_ec2_register_image_finish (env.ec2, amigo_test_await_result (), NULL, &error);
  g_assert_no_error (error);
  image = get_image (env.ec2, image_id);
  g_assert_nonnull (image);
  g_assert_cmpstr (amigo_image_get_name (image), ==, name);
  deletions = deregister (image_id, FALSE);
  g_assert_cmpuint (deletions->len, ==, 0);

  /* moto 5.2.1 ignored ImageLocation; tests/moto-launcher.py keeps it */
  g_assert_cmpstr (amigo_image_get_image_location (image), ==, request.image_location);
  g_assert_cmpstr (amigo_image_get_root_device_type (image), ==, "instance-store");
}

static void
test_lifecycle_deregister (void)
{
  g_autoptr(GPtrArray) deletions = NULL;
  g_autoptr(GPtrArray) other_deletions = NULL;
  g_autoptr(GPtrArray) gone = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other_name = unique_name ("other");
  AmigoCreateImageRequest other = { .no_reboot = TRUE };
  g_autoptr(AmigoImage) other_image = NULL;
  const AmigoBlockDeviceMapping *mappings;
  const char *other_snapshots[2] = { NULL, NULL };
  guint n_mappings = 0;

  if (!amigo_test_moto_have_server () || !story_has (story.image_id, "1-create-image"))
    return;

  /* Another image of the same instance, with a snapshot of its own */
  other.instance_id = story.source_instance_id;
  other.name = other_name;
  story.other_image_id = create_image (env.ec2, &other, NULL, &error);
  g_assert_no_error (error);
  other_image = get_image (env.ec2, story.other_image_id);
  mappings = amigo_image_get_block_device_mappings (other_image, &n_mappings);
  g_assert_cmpuint (n_mappings, >=, 1);
  story.other_snapshot_id = g_strdup (mappings[0].ebs.snapshot_id);
  g_assert_false (g_strv_contains ((const char * const *) story.image_snapshot_ids,
                                   story.other_snapshot_id));
  other_snapshots[0] = story.other_snapshot_id;

  deletions = deregister (story.image_id, TRUE);
  g_assert_cmpuint (deletions->len, ==, g_strv_length (story.image_snapshot_ids));
  for (guint i = 0; i < deletions->len; i++)
    {
      const AmigoSnapshotDeletion *deletion = g_ptr_array_index (deletions, i);

      g_assert_true (g_strv_contains ((const char * const *) story.image_snapshot_ids,
                                      deletion->snapshot_id));
      g_assert_cmpstr (deletion->return_code, ==, "success");
    }

  /* The image and exactly its snapshots are gone */
  g_assert_null (get_image (env.ec2, story.image_id));

  /* but its name stays taken for a while ("If you have recently
   * deregistered an AMI with the same name, allow enough time") */
  {
    AmigoCreateImageRequest same_name = { .no_reboot = TRUE };
    g_autofree char *reused = NULL;

    same_name.instance_id = story.source_instance_id;
    same_name.name = story.image_name;
    reused = create_image (env.ec2, &same_name, NULL, &error);
    g_assert_null (reused);
    g_assert_cmpstr (amigo_aws_error_get_aws_code (error), ==, "InvalidAMIName.Duplicate");
    g_clear_error (&error);
  }
  gone = describe_snapshots (env.ec2, (const char * const *) story.image_snapshot_ids, &error);
  g_assert_null (gone);
  g_assert_cmpstr (amigo_aws_error_get_aws_code (error), ==, "InvalidSnapshot.NotFound");
  g_clear_error (&error);
  kept = describe_snapshots (env.ec2, other_snapshots, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, 1);
  g_assert_nonnull (get_image (env.ec2, story.other_image_id));

  /* And a snapshot on its own */
  other_deletions = deregister (story.other_image_id, FALSE);
  g_assert_cmpuint (other_deletions->len, ==, 0);
  amigo_ec2_delete_snapshot_async (env.ec2, story.other_snapshot_id, NULL,
                                   amigo_test_result_cb, amigo_test_next_result ());
  g_assert_true (amigo_ec2_delete_snapshot_finish (env.ec2, amigo_test_await_result (), &error));
  g_assert_no_error (error);
  g_clear_pointer (&kept, g_ptr_array_unref);
  kept = describe_snapshots (env.ec2, other_snapshots, &error);
  g_assert_null (kept);
  g_assert_cmpstr (amigo_aws_error_get_aws_code (error), ==, "InvalidSnapshot.NotFound");
}

/* ---- plain moto ------------------------------------------------------- */

static void
test_unpatched_describe_regions (void)
{
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GError) error = NULL;

  if (!amigo_test_moto_have_server ())
    return;

  amigo_ec2_describe_regions_async (env.ec2, NULL, amigo_test_result_cb, amigo_test_next_result ());
  regions = amigo_ec2_describe_regions_finish (env.ec2, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (regions->len, >, 0);
}

static void
test_unpatched_unknown_action (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 30);
  const char *owners[] = { "amazon", NULL };
  AmigoDescribeImagesRequest request = { .owners = owners };
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *image_id = NULL;
  const AmigoAwsErrorDetails *details;
  gboolean ok;

  if (!amigo_test_moto_have_server ())
    return;

  images = describe_images (env.ec2, &request, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (images->len, >, 0);
  image_id = g_strdup (amigo_image_get_image_id (g_ptr_array_index (images, 0)));

  /* Plain moto answers an action it does not know with an HTML 500 page */
  amigo_ec2_enable_image_deprecation_async (env.ec2, image_id, later, NULL,
                                            amigo_test_result_cb, amigo_test_next_result ());
  ok = amigo_ec2_enable_image_deprecation_finish (env.ec2, amigo_test_await_result (), &error);
  g_assert_false (ok);
  g_assert_nonnull (error);
  g_assert_true (g_error_matches (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE) ||
                 g_error_matches (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SERVICE));
  assert_error_is_readable (error);
  g_assert_nonnull (strstr (error->message, "500"));
  details = amigo_aws_error_get_details (error);
  g_assert_nonnull (details);
  g_assert_cmpuint (details->http_status, ==, 500);
  g_test_message ("plain moto: %s", error->message);
}

/* ---- moved from the ui programs: engine calls the dialogs rely on ---- */

typedef enum {
  BPA_GET,
  BPA_ENABLE,
  BPA_DISABLE,
} BpaCall;

static char *
block_public_access (BpaCall call)
{
  g_autoptr(GError) error = NULL;
  char *state = NULL;

  switch (call)
    {
    case BPA_GET:
      amigo_ec2_get_image_block_public_access_state_async (env.ec2, NULL,
                                                           amigo_test_result_cb, amigo_test_next_result ());
      state = amigo_ec2_get_image_block_public_access_state_finish (env.ec2,
                                                                    amigo_test_await_result (), &error);
      break;
    case BPA_ENABLE:
      amigo_ec2_enable_image_block_public_access_async (env.ec2, NULL,
                                                        amigo_test_result_cb, amigo_test_next_result ());
      state = amigo_ec2_enable_image_block_public_access_finish (env.ec2, amigo_test_await_result (), &error);
      break;
    case BPA_DISABLE:
      amigo_ec2_disable_image_block_public_access_async (env.ec2, NULL,
                                                         amigo_test_result_cb, amigo_test_next_result ());
      state = amigo_ec2_disable_image_block_public_access_finish (env.ec2,
                                                                  amigo_test_await_result (), &error);
      break;
    default:
      g_assert_not_reached ();
    }
  g_assert_no_error (error);
  g_assert_nonnull (state);
  return state;
}

/* An image of a new instance, as DescribeImages shows it. */
static AmigoImage *
new_image (const char *what)
{
  g_autofree char *instance_id = launch_amazon_instance (env.ec2);
  g_autofree char *name = unique_name (what);
  AmigoCreateImageRequest request = { .instance_id = instance_id, .name = name, .no_reboot = TRUE };
  g_autoptr(GError) error = NULL;
  g_autofree char *image_id = create_image (env.ec2, &request, NULL, &error);
  AmigoImage *image;

  g_assert_no_error (error);
  image = get_image (env.ec2, image_id);
  g_assert_nonnull (image);
  return image;
}

/* The block public access calls, which the permissions dialog depends on
 * (was in test-ui-manage). */
static void
test_engine_block_public_access (void)
{
  g_autoptr(AmigoImage) image = NULL;
  AmigoLaunchPermission everyone = { .group = (char *) "all" };
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoImageAttribute) attribute = NULL;
  g_autofree char *initial = NULL;
  g_autofree char *enabled = NULL;
  g_autofree char *while_enabled = NULL;
  g_autofree char *disabled = NULL;
  g_autofree char *after = NULL;
  guint n = 0;

  if (!amigo_test_moto_have_server ())
    return;

  image = new_image ("bpa-check");
  initial = block_public_access (BPA_GET);
  g_assert_cmpstr (initial, ==, AMIGO_IMAGE_BLOCK_PUBLIC_ACCESS_UNBLOCKED);
  enabled = block_public_access (BPA_ENABLE);
  g_assert_cmpstr (enabled, ==, AMIGO_IMAGE_BLOCK_PUBLIC_ACCESS_BLOCKED);
  while_enabled = block_public_access (BPA_GET);
  g_assert_cmpstr (while_enabled, ==, AMIGO_IMAGE_BLOCK_PUBLIC_ACCESS_BLOCKED);

  /* EC2 refuses to make an image public meanwhile. */
  amigo_ec2_modify_image_launch_permission_async (env.ec2, amigo_image_get_image_id (image), &everyone, 1,
                                                  NULL, 0, NULL, amigo_test_result_cb, amigo_test_next_result ());
  g_assert_false (amigo_ec2_modify_image_launch_permission_finish (env.ec2, amigo_test_await_result (), &error));
  g_assert_true (amigo_aws_error_has_aws_code (error, "OperationNotPermitted"));
  attribute = describe_attribute (env.ec2, amigo_image_get_image_id (image), AMIGO_IMAGE_ATTRIBUTE_LAUNCH_PERMISSION);
  amigo_image_attribute_get_launch_permissions (attribute, &n);
  g_assert_cmpuint (n, ==, 0);

  disabled = block_public_access (BPA_DISABLE);
  g_assert_cmpstr (disabled, ==, AMIGO_IMAGE_BLOCK_PUBLIC_ACCESS_UNBLOCKED);
  after = block_public_access (BPA_GET);
  g_assert_cmpstr (after, ==, AMIGO_IMAGE_BLOCK_PUBLIC_ACCESS_UNBLOCKED);
}

/* DescribeVolumes, which the create dialog reads (was in test-ui-create). */
static void
test_describe_volumes (void)
{
  g_autofree char *instance_id = NULL;
  g_autoptr(GPtrArray) instances = NULL;
  AmigoInstance *instance;
  guint n_mappings = 0;
  const AmigoInstanceBlockDeviceMapping *mappings;
  const char *ids[] = { NULL, NULL };
  const char *instance_ids[] = { NULL, NULL };
  AmigoEc2Filter filter = { "attachment.instance-id", instance_ids };
  AmigoEc2ListRequest by_id = { .ids = ids };
  AmigoEc2ListRequest by_filter = { .filters = &filter, .n_filters = 1 };
  g_autoptr(GPtrArray) volumes = NULL;
  g_autoptr(GPtrArray) filtered = NULL;
  g_autoptr(GError) error = NULL;
  AmigoVolume *volume;

  if (!amigo_test_moto_have_server ())
    return;

  instance_id = launch_amazon_instance (env.ec2);
  instance_ids[0] = instance_id;
  {
    const char *one[] = { instance_id, NULL };
    AmigoEc2ListRequest request = { .ids = one };

    instances = describe_instances (env.ec2, &request);
  }
  g_assert_cmpuint (instances->len, ==, 1);
  instance = g_ptr_array_index (instances, 0);
  mappings = amigo_instance_get_block_device_mappings (instance, &n_mappings);

  g_assert_cmpuint (n_mappings, >=, 1);
  g_assert_true (mappings[0].has_ebs);
  ids[0] = mappings[0].ebs.volume_id;

  amigo_ec2_describe_volumes_async (env.ec2, &by_id, NULL, amigo_test_result_cb, amigo_test_next_result ());
  volumes = amigo_ec2_describe_volumes_finish (env.ec2, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (volumes->len, ==, 1);
  volume = g_ptr_array_index (volumes, 0);
  g_assert_cmpstr (amigo_volume_get_volume_id (volume), ==, ids[0]);
  /* moto gives every instance an 8 GiB gp2 root volume */
  g_assert_cmpint (amigo_volume_get_size (volume), ==, 8);
  g_assert_cmpstr (amigo_volume_get_volume_type (volume), ==, "gp2");
  g_assert_cmpstr (amigo_volume_get_state (volume), ==, "in-use");
  g_assert_nonnull (amigo_volume_get_availability_zone (volume));
  g_assert_cmpint (amigo_volume_get_create_time_usec (volume), >, 0);
  g_assert_false (amigo_volume_get_encrypted (volume));

  /* Filters page through MaxResults, which DescribeVolumes caps at 500. */
  amigo_ec2_describe_volumes_async (env.ec2, &by_filter, NULL,
                                    amigo_test_result_cb, amigo_test_next_result ());
  filtered = amigo_ec2_describe_volumes_finish (env.ec2, amigo_test_await_result (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (filtered->len, ==, 1);
  g_assert_cmpstr (amigo_volume_get_volume_id (g_ptr_array_index (filtered, 0)), ==, ids[0]);
}

int
main (int    argc,
      char **argv)
{
  const char *moto_args = g_getenv ("AMIGO_MOTO_ARGS");
  int status;

  g_test_init (&argc, &argv, NULL);

  env.endpoint = g_getenv ("AMIGO_TEST_ENDPOINT");
  env.access_key_id = g_getenv ("AMIGO_TEST_ACCESS_KEY_ID");
  env.secret_access_key = g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY");
  env.unpatched = moto_args != NULL && strstr (moto_args, "--no-patches") != NULL;
  env.run_id = g_strdup_printf ("%08x", g_random_int ());
  if (env.endpoint != NULL)
    {
      g_assert_nonnull (env.access_key_id);
      g_assert_nonnull (env.secret_access_key);
      env.client = client_new (env.secret_access_key);
      env.ec2 = amigo_ec2_new (env.client, REGION, env.endpoint);
      env.ec2_other = amigo_ec2_new (env.client, OTHER_REGION, env.endpoint);
    }

  if (env.unpatched)
    {
      g_test_add_func ("/integration/unpatched/describe-regions", test_unpatched_describe_regions);
      g_test_add_func ("/integration/unpatched/unknown-action", test_unpatched_unknown_action);
    }
  else
    {
      g_test_add_func ("/integration/sts/caller-identity", test_sts_caller_identity);
      g_test_add_data_func ("/integration/sts/account-identity/profile", GINT_TO_POINTER (TRUE),
                            test_account_identity);
      g_test_add_data_func ("/integration/sts/account-identity/environment", GINT_TO_POINTER (FALSE),
                            test_account_identity);
      g_test_add_func ("/integration/images/shared-without-own", test_shared_without_own_images);
      g_test_add_func ("/integration/images/shared-all-accounts-without-listed-owners",
                       test_shared_all_accounts_without_listed_owners);
      g_test_add_func ("/integration/auth/wrong-secret", test_auth_wrong_secret);
      g_test_add_func ("/integration/regions/describe", test_describe_regions);
      g_test_add_func ("/integration/transport/plain-http-needs-consent", test_plain_http_consent);
      g_test_add_func ("/integration/regions/not-enabled", test_region_not_enabled);
      g_test_add_func ("/integration/regions/all-regions-one-failing", test_all_regions_one_failing);
      g_test_add_func ("/integration/images/pagination", test_images_pagination);
      g_test_add_func ("/integration/images/cancel", test_images_cancel);
      g_test_add_func ("/integration/images/marketplace", test_images_marketplace);
      g_test_add_func ("/integration/images/include-deprecated", test_images_include_deprecated);
      g_test_add_func ("/integration/images/server-search", test_images_server_search);
      g_test_add_func ("/integration/instance-types/can-run-image", test_instance_types_can_run);
      g_test_add_func ("/integration/create-image/duplicate-name", test_create_image_duplicate_name);
      g_test_add_func ("/integration/create-image/invalid-name", test_create_image_invalid_name);
      g_test_add_func ("/integration/run-instances/client-token", test_run_instances_client_token);
      g_test_add_func ("/integration/instances/pagination", test_describe_instances_pagination);
      g_test_add_func ("/integration/run-instances/user-data-limit", test_run_instances_user_data_limit);
      g_test_add_func ("/integration/encoding/values-with-spaces", test_values_with_spaces);
      g_test_add_func ("/integration/strict/deprecate-in-the-past", test_strict_deprecate_in_the_past);
      g_test_add_func ("/integration/strict/bad-pagination-token", test_strict_describe_images_bad_token);
      g_test_add_func ("/integration/strict/short-and-empty-pages", test_strict_short_and_empty_pages);
      g_test_add_func ("/integration/strict/copy-image-without-name", test_strict_copy_image_without_name);
      g_test_add_func ("/integration/strict/client-token-length", test_strict_client_token_length);
      g_test_add_func ("/integration/strict/model-mismatch", test_strict_model_mismatch);
      /* Moved from the ui programs, under their old names. */
      g_test_add_func ("/manage/engine/block-public-access", test_engine_block_public_access);
      g_test_add_func ("/ui/create/engine/describe-volumes", test_describe_volumes);
      g_test_add_func ("/integration/lifecycle/1-create-image", test_lifecycle_create_image);
      g_test_add_func ("/integration/lifecycle/2-copy-image", test_lifecycle_copy_image);
      g_test_add_func ("/integration/lifecycle/3-launch-copy", test_lifecycle_launch_copy);
      g_test_add_func ("/integration/lifecycle/4-public-ip", test_lifecycle_public_ip);
      g_test_add_func ("/integration/lifecycle/5-share", test_lifecycle_share);
      g_test_add_func ("/integration/lifecycle/6-description", test_lifecycle_description);
      g_test_add_func ("/integration/lifecycle/7-tags", test_lifecycle_tags);
      g_test_add_func ("/integration/lifecycle/8-deprecate", test_lifecycle_deprecate);
      g_test_add_func ("/integration/lifecycle/9-protect", test_lifecycle_protect);
      g_test_add_func ("/integration/lifecycle/10-register-from-snapshot", test_lifecycle_register_from_snapshot);
      g_test_add_func ("/integration/lifecycle/11-register-from-manifest", test_lifecycle_register_from_manifest);
      g_test_add_func ("/integration/lifecycle/12-deregister", test_lifecycle_deregister);
    }

  status = g_test_run ();

  amigo_test_moto_cleanup ();
  g_clear_object (&env.ec2);
  g_clear_object (&env.ec2_other);
  g_clear_object (&env.client);
  g_free (env.run_id);
  g_free (story.source_instance_id);
  g_free (story.image_name);
  g_free (story.image_id);
  g_strfreev (story.image_snapshot_ids);
  g_free (story.copy_id);
  g_free (story.other_image_id);
  g_free (story.other_snapshot_id);
  return status;
}
