/* amigo-cleanup-scan.h — the facts the Clean Up view weighs, for the
 * account's own images in one region or many, gathered in parallel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-cleanup-entry.h"
#include "amigo-ec2.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_CLEANUP_SCAN (amigo_cleanup_scan_get_type ())

G_DECLARE_FINAL_TYPE (AmigoCleanupScan, amigo_cleanup_scan, AMIGO, CLEANUP_SCAN, GObject)

AmigoCleanupScan *amigo_cleanup_scan_new          (GPtrArray        *ec2s);
void              amigo_cleanup_scan_run_async    (AmigoCleanupScan *self,
                                                   GCancellable     *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer          user_data);
gboolean          amigo_cleanup_scan_run_finish   (AmigoCleanupScan *self,
                                                   GAsyncResult     *result,
                                                   GError          **error);
GPtrArray        *amigo_cleanup_scan_get_entries  (AmigoCleanupScan *self);
GPtrArray        *amigo_cleanup_scan_get_problems (AmigoCleanupScan *self);
guint             amigo_cleanup_scan_get_n_calls  (AmigoCleanupScan *self);

G_END_DECLS
