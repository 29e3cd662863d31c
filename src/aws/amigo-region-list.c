/* amigo-region-list.c — the regions as an account sees them
 *
 * DescribeRegions with AllRegions=true tells every region of the
 * partition and whether the account has enabled it; Amigo's own table
 * stands in until it answers, or when it is denied. An error from one
 * region is that region's problem only when the credentials still work:
 * STS GetCallerIdentity is asked before anyone is told their keys are wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amigo-error.h"
#include "amigo-region.h"
#include "amigo-region-list.h"

static void
region_entry_free (gpointer data)
{
  AmigoRegionEntry *entry = data;

  g_free (entry->code);
  g_free (entry);
}

static void
add_entry (GPtrArray        *list,
           const char       *code,
           AmigoRegionState  state)
{
  AmigoRegionEntry *entry = g_new0 (AmigoRegionEntry, 1);

  entry->code = g_strdup (code);
  entry->state = state;
  g_ptr_array_add (list, entry);
}

/**
 * amigo_region_list_new_static:
 * @partition: the account's partition
 *
 * The regions of @partition in Amigo's own table, each
 * %AMIGO_REGION_STATE_UNKNOWN: what is shown before DescribeRegions
 * answers, and what All Regions lists when it is denied.
 *
 * Returns: (transfer full) (element-type AmigoRegionEntry): the regions
 */
GPtrArray *
amigo_region_list_new_static (AmigoPartition partition)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (region_entry_free);
  gsize n_known = 0;
  const AmigoRegionInfo *known = amigo_region_get_known (&n_known);

  for (gsize i = 0; i < n_known; i++)
    if (known[i].partition == partition)
      add_entry (list, known[i].code, AMIGO_REGION_STATE_UNKNOWN);
  return list;
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  const AmigoRegionEntry *x = *(AmigoRegionEntry * const *) a;
  const AmigoRegionEntry *y = *(AmigoRegionEntry * const *) b;

  return strcmp (x->code, y->code);
}

/**
 * amigo_region_list_new_described:
 * @partition: the account's partition
 * @regions: (element-type AmigoRegion): DescribeRegions' answer (AllRegions=true)
 *
 * The regions of @partition as DescribeRegions tells them: the answer is
 * the authority on which regions exist and which the account enabled;
 * Amigo's table only gives the order (and names). Regions the table does
 * not know yet follow, by code. Regions of other partitions are left out.
 *
 * Returns: (transfer full) (element-type AmigoRegionEntry): the regions
 */
GPtrArray *
amigo_region_list_new_described (AmigoPartition  partition,
                                 GPtrArray      *regions)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (region_entry_free);
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (region_entry_free);
  g_autoptr(GHashTable) states = g_hash_table_new (g_str_hash, g_str_equal);
  gsize n_known = 0;
  const AmigoRegionInfo *known = amigo_region_get_known (&n_known);

  g_return_val_if_fail (regions != NULL, list);

  for (guint i = 0; i < regions->len; i++)
    {
      AmigoRegion *region = g_ptr_array_index (regions, i);
      const char *code = amigo_region_get_region_name (region);
      const char *status = amigo_region_get_opt_in_status (region);
      AmigoRegionState state;

      if (code == NULL || !amigo_region_is_valid_name (code) ||
          amigo_partition_for_region (code) != partition)
        continue;
      /* Without a status (older answers, other EC2-compatible servers)
       * the region was listed, so it can be used. */
      state = g_strcmp0 (status, "not-opted-in") == 0 ? AMIGO_REGION_STATE_NOT_ENABLED
                                                       : AMIGO_REGION_STATE_ENABLED;
      if (g_hash_table_contains (states, code))
        continue;
      g_hash_table_insert (states, (gpointer) code, GINT_TO_POINTER (state));
      if (amigo_region_lookup (code) == NULL)
        add_entry (unknown, code, state);
    }

  for (gsize i = 0; i < n_known; i++)
    {
      gpointer state;

      if (known[i].partition == partition &&
          g_hash_table_lookup_extended (states, known[i].code, NULL, &state))
        add_entry (list, known[i].code, GPOINTER_TO_INT (state));
    }

  g_ptr_array_sort (unknown, compare_codes);
  for (guint i = 0; i < unknown->len; i++)
    {
      const AmigoRegionEntry *entry = g_ptr_array_index (unknown, i);

      add_entry (list, entry->code, entry->state);
    }
  return list;
}

/**
 * amigo_region_list_lookup:
 * @list: (element-type AmigoRegionEntry): a region list
 * @code: (nullable): a region code
 *
 * Returns: (transfer none) (nullable): the entry of @code in @list
 */
const AmigoRegionEntry *
amigo_region_list_lookup (GPtrArray  *list,
                          const char *code)
{
  if (list == NULL || code == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      const AmigoRegionEntry *entry = g_ptr_array_index (list, i);

      if (strcmp (entry->code, code) == 0)
        return entry;
    }
  return NULL;
}

/**
 * amigo_region_get_enable_url:
 * @partition: the account's partition
 *
 * Where an account's opt-in regions are enabled: the Account page of the
 * console ("Specify which AWS Regions your account can use", AWS Account
 * Management Reference Guide). Only the commercial partition has opt-in
 * regions.
 *
 * Returns: (nullable): the console page, or %NULL
 */
const char *
amigo_region_get_enable_url (AmigoPartition partition)
{
  if (partition == AMIGO_PARTITION_AWS)
    return "https://console.aws.amazon.com/billing/home#/account";
  return NULL;
}

/**
 * amigo_region_problem_from_error:
 * @error: (nullable): what one region answered
 *
 * What @error would say about its region if the credentials are good
 * (see amigo_region_problem_confirm_async()): `AuthFailure` and
 * `OptInRequired` come from a region the account has not enabled (its IAM
 * users and session tokens are not valid there); `UnauthorizedOperation`
 * from a policy that denies the region. Other errors, and other ways keys
 * are refused (`SignatureDoesNotMatch`, `InvalidClientTokenId`), are not a
 * region's problem.
 *
 * Returns: the region's problem, or %AMIGO_REGION_PROBLEM_NONE
 */
AmigoRegionProblem
amigo_region_problem_from_error (const GError *error)
{
  const char *code;

  if (error == NULL || error->domain != AMIGO_AWS_ERROR)
    return AMIGO_REGION_PROBLEM_NONE;
  code = amigo_aws_error_get_aws_code (error);
  if (g_strcmp0 (code, "AuthFailure") == 0 || g_strcmp0 (code, "OptInRequired") == 0)
    return AMIGO_REGION_PROBLEM_NOT_ENABLED;
  if (g_strcmp0 (code, "UnauthorizedOperation") == 0)
    return AMIGO_REGION_PROBLEM_DENIED;
  return AMIGO_REGION_PROBLEM_NONE;
}

static void
confirm_identity_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(AmigoCallerIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;

  identity = amigo_sts_get_caller_identity_finish (AMIGO_STS (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The keys fail at STS too: then they are the problem, not the region. */
  if (identity == NULL)
    g_debug ("GetCallerIdentity failed too: %s", error->message);
  g_task_return_int (task, identity != NULL ? GPOINTER_TO_INT (g_task_get_task_data (task))
                                            : AMIGO_REGION_PROBLEM_NONE);
}

/**
 * amigo_region_problem_confirm_async:
 * @sts: STS in the account's home region
 * @error: what one region answered
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the verdict
 * @user_data: data for @callback
 *
 * Whether @error is its region's problem: when
 * amigo_region_problem_from_error() says it may be, STS GetCallerIdentity
 * is asked afresh (not the cached answer: the keys may have been revoked
 * since). If it answers, the region is the problem; if it fails too, the
 * credentials are, and the verdict is %AMIGO_REGION_PROBLEM_NONE.
 */
void
amigo_region_problem_confirm_async (AmigoSts            *sts,
                                    const GError        *error,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AmigoRegionProblem problem;

  g_return_if_fail (AMIGO_IS_STS (sts));

  task = g_task_new (sts, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_region_problem_confirm_async);

  problem = amigo_region_problem_from_error (error);
  if (problem == AMIGO_REGION_PROBLEM_NONE)
    {
      g_task_return_int (task, AMIGO_REGION_PROBLEM_NONE);
      return;
    }
  g_task_set_task_data (task, GINT_TO_POINTER (problem), NULL);
  amigo_sts_get_caller_identity_async (sts, cancellable, confirm_identity_cb, g_steal_pointer (&task));
}

/**
 * amigo_region_problem_confirm_finish:
 * @sts: the #AmigoSts given
 * @result: the #GAsyncResult
 * @error: set only when cancelled
 *
 * Returns: the region's problem, or %AMIGO_REGION_PROBLEM_NONE when the
 *   error is not the region's (the credentials fail at STS too)
 */
AmigoRegionProblem
amigo_region_problem_confirm_finish (AmigoSts      *sts,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_autoptr(GError) local = NULL;
  gssize value;

  g_return_val_if_fail (g_task_is_valid (result, sts), AMIGO_REGION_PROBLEM_NONE);
  g_return_val_if_fail (g_async_result_is_tagged (result, amigo_region_problem_confirm_async),
                        AMIGO_REGION_PROBLEM_NONE);

  value = g_task_propagate_int (G_TASK (result), &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return AMIGO_REGION_PROBLEM_NONE;
    }
  return (AmigoRegionProblem) value;
}
