/* amigo-cleanup-run.h — one bulk clean-up action over a selection of
 * images, doing exactly what was confirmed, with a report per image
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-cleanup-entry.h"
#include "amigo-ec2.h"

G_BEGIN_DECLS

/**
 * AmigoCleanupAction:
 * @AMIGO_CLEANUP_DEPRECATE: EnableImageDeprecation at a date
 * @AMIGO_CLEANUP_DISABLE: DisableImage
 * @AMIGO_CLEANUP_DEREGISTER: DeregisterImage, snapshots kept
 * @AMIGO_CLEANUP_DEREGISTER_WITH_SNAPSHOTS: DeregisterImage with
 *   `DeleteAssociatedSnapshots`
 * @AMIGO_CLEANUP_ENABLE: EnableImage (undoes a disable; never needs a
 *   confirmation per image)
 */
typedef enum {
  AMIGO_CLEANUP_DEPRECATE,
  AMIGO_CLEANUP_DISABLE,
  AMIGO_CLEANUP_DEREGISTER,
  AMIGO_CLEANUP_DEREGISTER_WITH_SNAPSHOTS,
  AMIGO_CLEANUP_ENABLE,
} AmigoCleanupAction;

/**
 * AmigoCleanupOutcome:
 * @AMIGO_CLEANUP_PENDING: not done yet
 * @AMIGO_CLEANUP_DONE: done
 * @AMIGO_CLEANUP_SKIPPED: left alone: protected or referred to, and not
 *   confirmed on its own
 * @AMIGO_CLEANUP_FAILED: EC2 refused (see the message)
 */
typedef enum {
  AMIGO_CLEANUP_PENDING,
  AMIGO_CLEANUP_DONE,
  AMIGO_CLEANUP_SKIPPED,
  AMIGO_CLEANUP_FAILED,
} AmigoCleanupOutcome;

/**
 * AmigoCleanupItem:
 * @entry: the image
 * @confirmed: the person confirmed this image on its own (needed when
 *   amigo_cleanup_entry_needs_confirmation())
 * @outcome: what happened
 * @message: (nullable): EC2's words when it failed; for a deregistration
 *   with snapshots, the snapshots that could not be deleted
 */
typedef struct {
  AmigoCleanupEntry *entry;
  gboolean confirmed;
  AmigoCleanupOutcome outcome;
  char *message;
} AmigoCleanupItem;

AmigoCleanupItem *amigo_cleanup_item_new  (AmigoCleanupEntry *entry,
                                           gboolean           confirmed);
void              amigo_cleanup_item_free (AmigoCleanupItem  *item);

gboolean          amigo_cleanup_item_allowed (const AmigoCleanupItem *item,
                                              AmigoCleanupAction      action);
void              amigo_cleanup_totals    (GPtrArray               *items,
                                           AmigoCleanupAction       action,
                                           AmigoSnapshotCost       *freed);

void     amigo_cleanup_run_async  (GPtrArray           *ec2s,
                                   GPtrArray           *items,
                                   AmigoCleanupAction   action,
                                   GDateTime           *deprecate_at,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
gboolean amigo_cleanup_run_finish (GAsyncResult        *result,
                                   GError             **error);

G_END_DECLS
