/* amigo-test-task-expiry.h — a task that runs past its credentials' expiry
 *
 * For engine programs inside tests/moto-harness.sh that link amigo-core:
 * a copy of an image, watched by a real AmigoTaskManager through an
 * account whose credentials are temporary (a web identity, an IAM
 * Identity Center role), while every STS session moto issued is ended
 * (POST /amigo-test/expire-sessions, tests/README-moto.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-account-manager.h"
#include "amigo-client.h"

G_BEGIN_DECLS

/* A fresh manager of the accounts of @envp (GSettings: memory backend). */
AmigoAccountManager *amigo_test_load_accounts            (const char * const *envp);

/* Copies an Amazon image of @region with @maker (a client that may, the
 * test user's), holds the copy `pending`, and watches it as a copy task of
 * @account_id in a task manager of @accounts. While the task polls, every
 * STS session expires: @client (the account's, whose refresh count is
 * read) is refreshed, the task polls on, and once the copy is `available`
 * the task succeeds. */
void                 amigo_test_copy_task_across_expiry  (AmigoAccountManager *accounts,
                                                          const char          *account_id,
                                                          AmigoClient         *client,
                                                          AmigoClient         *maker,
                                                          const char          *region);

G_END_DECLS
