/* amigo-page-guard.h — a listing read page after page believes no loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The most pages a listing outside EC2 follows: past it the listing fails. */
#define AMIGO_PAGE_GUARD_MAX_PAGES 1000

/**
 * AmigoPageGuard:
 *
 * The tokens (`NextToken`, `nextToken`, `ContinuationToken`,
 * `NextPartNumberMarker`) one listing was handed, and how many pages it
 * read. Keep it in the listing's task data; amigo_page_guard_clear()
 * frees what it holds.
 */
typedef struct {
  GHashTable *seen;
  guint n_pages;
  guint max_pages;
} AmigoPageGuard;

void     amigo_page_guard_init  (AmigoPageGuard  *guard,
                                 guint            max_pages);
void     amigo_page_guard_clear (AmigoPageGuard  *guard);
gboolean amigo_page_guard_next  (AmigoPageGuard  *guard,
                                 const char      *token,
                                 const char      *service,
                                 const char      *listing,
                                 GError         **error);

G_END_DECLS
