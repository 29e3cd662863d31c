/* amigo-s3-buckets.c — the account's buckets: listed by region, named by
 * S3's rules
 *
 * ListBuckets is asked with `max-buckets` (so that S3 names each bucket's
 * region: "If the request contains at least one valid parameter, it is
 * included in the response") and `bucket-region` when one region's buckets
 * are wanted, page after page (`continuation-token`). Each region S3 names
 * is learnt for the bucket (amigo_s3_set_bucket_region()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "amigo-gtask-private.h"
#include "amigo-page-guard.h"
#include "amigo-s3-buckets.h"

/* ListBuckets' MaxBuckets: "Valid Range: Minimum value of 1. Maximum value
 * of 10000." */
#define MAX_BUCKETS_PER_PAGE 10000

/* amigo_s3_set_max_buckets_for_testing(); 0: MAX_BUCKETS_PER_PAGE */
static guint max_buckets_for_testing;

/**
 * amigo_s3_set_max_buckets_for_testing:
 * @max_buckets: `MaxBuckets` of every ListBuckets page from now on (1 to
 *   10000), or 0 for the most S3 gives
 *
 * Lets a test see a listing of a few buckets take several pages.
 */
void
amigo_s3_set_max_buckets_for_testing (guint max_buckets)
{
  g_return_if_fail (max_buckets <= MAX_BUCKETS_PER_PAGE);

  max_buckets_for_testing = max_buckets;
}

/**
 * amigo_s3_bucket_free:
 * @bucket: (nullable): a bucket
 */
void
amigo_s3_bucket_free (AmigoS3Bucket *bucket)
{
  if (bucket == NULL)
    return;
  g_free (bucket->name);
  g_free (bucket->region);
  g_free (bucket);
}

static gboolean
looks_like_ip_address (const char *name)
{
  g_auto(GStrv) labels = g_strsplit (name, ".", -1);

  if (g_strv_length (labels) != 4)
    return FALSE;
  for (guint i = 0; labels[i] != NULL; i++)
    {
      if (*labels[i] == '\0' || strlen (labels[i]) > 3)
        return FALSE;
      for (const char *p = labels[i]; *p != '\0'; p++)
        if (!g_ascii_isdigit (*p))
          return FALSE;
    }
  return TRUE;
}

/**
 * amigo_s3_bucket_name_check:
 * @name: a bucket name someone typed
 *
 * The naming rules of general purpose buckets (Amazon S3 User Guide,
 * "General purpose bucket naming rules"): 3 to 63 characters; lowercase
 * letters, numbers, dots and hyphens only; a letter or number first and
 * last; no two dots in a row; not an IP address; none of the reserved
 * prefixes (`xn--`, `sthree-`, `amzn-s3-demo-`) or suffixes (`-s3alias`,
 * `--ol-s3`, `.mrap`, `--x-s3`, `--table-s3`).
 *
 * Returns: (nullable): %NULL when @name may be a bucket's name, otherwise
 *   why not, translated, for the person who typed it
 */
const char *
amigo_s3_bucket_name_check (const char *name)
{
  static const char * const prefixes[] = { "xn--", "sthree-", "amzn-s3-demo-" };
  static const char * const suffixes[] = { "-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3" };
  gsize length;

  g_return_val_if_fail (name != NULL, NULL);

  length = strlen (name);
  if (length < 3 || length > 63)
    return _("A bucket name has 3 to 63 characters.");
  for (const char *p = name; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '.' || *p == '-'))
      return _("A bucket name has only lowercase letters, numbers, dots (.) and hyphens (-).");
  if (!g_ascii_isalnum (name[0]) || !g_ascii_isalnum (name[length - 1]))
    return _("A bucket name begins and ends with a letter or a number.");
  if (strstr (name, "..") != NULL)
    return _("A bucket name has no two dots in a row.");
  if (looks_like_ip_address (name))
    return _("A bucket name is not an IP address.");
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (name, prefixes[i]))
      return _("S3 keeps names with this beginning for itself.");
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (name, suffixes[i]))
      return _("S3 keeps names with this ending for itself.");
  return NULL;
}

/* ---- ListBuckets ------------------------------------------------------ */

typedef struct {
  char *region;
  GPtrArray *buckets;
  AmigoPageGuard guard;
} ListData;

static void
list_data_free (gpointer data)
{
  ListData *list = data;

  g_free (list->region);
  g_ptr_array_unref (list->buckets);
  amigo_page_guard_clear (&list->guard);
  g_free (list);
}

static int
compare_buckets (gconstpointer a,
                 gconstpointer b)
{
  const AmigoS3Bucket *x = *(AmigoS3Bucket * const *) a;
  const AmigoS3Bucket *y = *(AmigoS3Bucket * const *) b;

  return strcmp (x->name, y->name);
}

static void list_page (GTask *task, const char *token);

static void
list_page_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AmigoS3 *self = AMIGO_S3 (source);
  ListData *list = g_task_get_task_data (task);
  g_autoptr(JsonNode) values = NULL;
  GError *error = NULL;
  JsonObject *out;
  JsonArray *buckets = NULL;
  const char *token;

  values = amigo_s3_call_finish (self, result, &error);
  if (values == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  out = json_node_get_object (values);
  if (json_object_has_member (out, "Buckets") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (out, "Buckets")))
    buckets = json_object_get_array_member (out, "Buckets");
  for (guint i = 0; buckets != NULL && i < json_array_get_length (buckets); i++)
    {
      JsonNode *element = json_array_get_element (buckets, i);
      JsonObject *o;
      AmigoS3Bucket *bucket;
      const char *name;
      const char *region;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      o = json_node_get_object (element);
      name = json_object_get_string_member_with_default (o, "Name", NULL);
      if (name == NULL)
        continue;
      /* Asked for one region: S3 answered with its buckets only. */
      region = json_object_get_string_member_with_default (o, "BucketRegion", list->region);
      bucket = g_new0 (AmigoS3Bucket, 1);
      bucket->name = g_strdup (name);
      bucket->region = g_strdup (region);
      bucket->creation_date = json_object_get_int_member_with_default (o, "CreationDate", 0);
      if (region != NULL)
        amigo_s3_set_bucket_region (self, name, region);
      g_ptr_array_add (list->buckets, bucket);
    }

  token = json_object_get_string_member_with_default (out, "ContinuationToken", NULL);
  if (token != NULL && *token != '\0' && buckets != NULL && json_array_get_length (buckets) > 0)
    {
      /* A token handed out again, or pages without end, are an error. */
      if (!amigo_page_guard_next (&list->guard, token, "S3", "ListBuckets", &error))
        {
          g_task_return_error (task, error);
          return;
        }
      list_page (g_steal_pointer (&task), token);
      return;
    }
  g_ptr_array_sort (list->buckets, compare_buckets);
  g_task_return_pointer (task, g_ptr_array_ref (list->buckets), (GDestroyNotify) g_ptr_array_unref);
}

static void
list_page (GTask      *task,
           const char *token)
{
  AmigoS3 *self = g_task_get_source_object (task);
  ListData *list = g_task_get_task_data (task);
  g_autoptr(JsonNode) params = json_node_init_object (json_node_alloc (), json_object_new ());
  JsonObject *o = json_node_get_object (params);

  json_object_set_int_member (o, "MaxBuckets",
                              max_buckets_for_testing != 0 ? max_buckets_for_testing : MAX_BUCKETS_PER_PAGE);
  if (list->region != NULL)
    json_object_set_string_member (o, "BucketRegion", list->region);
  if (token != NULL)
    json_object_set_string_member (o, "ContinuationToken", token);
  amigo_s3_call_async (self, &amigo_s3_op_list_buckets, params, NULL,
                       g_task_get_cancellable (task), list_page_cb, task);
}

/**
 * amigo_s3_list_buckets_async:
 * @self: the service
 * @region: (nullable): only the buckets in this region — the service's own
 *   (S3 answers a `bucket-region` only from that region's endpoint); %NULL
 *   for all the account's buckets
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: its data
 *
 * Lists the account's buckets (every page), learning each one's region.
 */
void
amigo_s3_list_buckets_async (AmigoS3             *self,
                             const char          *region,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  ListData *list;

  g_return_if_fail (AMIGO_IS_S3 (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_s3_list_buckets_async);
  list = g_new0 (ListData, 1);
  list->region = g_strdup (region);
  list->buckets = g_ptr_array_new_with_free_func ((GDestroyNotify) amigo_s3_bucket_free);
  amigo_page_guard_init (&list->guard, 0);
  g_task_set_task_data (task, list, list_data_free);
  list_page (task, NULL);
}

/**
 * amigo_s3_list_buckets_finish:
 * @self: the service
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer full) (element-type AmigoS3Bucket): the buckets,
 *   sorted by name
 */
AMIGO_DEFINE_FINISH_POINTER (AmigoS3, GPtrArray *, amigo_s3_list_buckets)
