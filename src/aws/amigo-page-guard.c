/* amigo-page-guard.c — a listing read page after page believes no loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A server that hands out a token again (the last one or any earlier)
 * would be asked for pages forever, and one that always has a next page
 * would be too. Every listing that follows tokens asks this guard before
 * it asks for the next page; EC2's lists keep their own, older words
 * (amigo-ec2-call.c) to the same effect.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "amigo-error.h"
#include "amigo-page-guard.h"

/**
 * amigo_page_guard_init:
 * @guard: the guard, uninitialised
 * @max_pages: the most pages the listing reads; 0 for
 *   %AMIGO_PAGE_GUARD_MAX_PAGES
 */
void
amigo_page_guard_init (AmigoPageGuard *guard,
                       guint           max_pages)
{
  guard->seen = NULL;
  guard->n_pages = 0;
  guard->max_pages = max_pages > 0 ? max_pages : AMIGO_PAGE_GUARD_MAX_PAGES;
}

/**
 * amigo_page_guard_clear:
 * @guard: an initialised guard
 *
 * Frees the tokens @guard holds.
 */
void
amigo_page_guard_clear (AmigoPageGuard *guard)
{
  g_clear_pointer (&guard->seen, g_hash_table_unref);
}

/**
 * amigo_page_guard_next:
 * @guard: the listing's guard
 * @token: the token the page just read names for the next page
 * @service: who answered, for the message (e.g. "ssm (us-east-1)")
 * @listing: what is listed, for the message (e.g. "GetParametersByPath")
 * @error: %AMIGO_AWS_ERROR_BAD_RESPONSE when @token was handed out before
 *   in this listing, or the listing has read as many pages as it may
 *
 * Counts the page just read and says whether the page @token names may be
 * asked for.
 *
 * Returns: %TRUE when the next page may be asked for
 */
gboolean
amigo_page_guard_next (AmigoPageGuard  *guard,
                       const char      *token,
                       const char      *service,
                       const char      *listing,
                       GError         **error)
{
  g_return_val_if_fail (guard != NULL && token != NULL, FALSE);

  guard->n_pages++;
  if (guard->seen == NULL)
    guard->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_contains (guard->seen, token))
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                   _("%s sent the same page of %s twice. Try again later."), service, listing);
      return FALSE;
    }
  if (guard->n_pages >= guard->max_pages)
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                   _("%s sent more than %u pages of %s: Amigo stops there. Check the "
                     "endpoint address, or narrow the list."),
                   service, guard->max_pages, listing);
      return FALSE;
    }
  g_hash_table_add (guard->seen, g_strdup (token));
  return TRUE;
}
