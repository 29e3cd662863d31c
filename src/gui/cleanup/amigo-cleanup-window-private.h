/* amigo-cleanup-window-private.h — the Clean Up window's insides, shared
 * by its files and reached by the ui tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-cleanup-run.h"
#include "amigo-cleanup-window.h"
#include "amigo-ec2.h"

G_BEGIN_DECLS

struct _AmigoCleanupWindow
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwViewStack *stack;
  AdwToastOverlay *toast_overlay;
  GtkDropDown *scope_dropdown;
  GtkDropDown *sort_dropdown;
  GtkLabel *sort_label;
  GtkCheckButton *unused_check;
  GtkSpinButton *days_spin;
  GtkStack *list_stack;
  AdwStatusPage *empty_page;
  GtkColumnView *column_view;
  GtkLabel *estimate_label;
  AdwPreferencesGroup *bin_group;
  AdwPreferencesGroup *rules_group;
  GtkBox *guard_box;

  /* owned */
  AmigoAccount *account;
  AmigoClient *client;
  char **regions;               /* every region of the account */
  char *region;                 /* the window's region */
  GPtrArray *ec2s;              /* of AmigoEc2, the regions in scope */
  GListStore *entries;          /* of AmigoCleanupEntry */
  GtkCustomFilter *filter;
  GtkCustomSorter *sorter;
  GtkMultiSelection *selection;
  GCancellable *cancellable;
  GPtrArray *bin_rows;          /* widgets added to bin_group / rules_group */
  GtkWidget *guard_content;
  AdwMessageDialog *bulk_dialog;    /* weak: the confirmation shown */
  AdwMessageDialog *report_dialog;  /* weak: the last report */
  GtkLabel *bulk_totals_label;      /* weak: the confirmation's totals */
  gboolean loading;             /* the scan or the prices */
  gboolean scanning;
  gboolean prices_loading;
  gboolean prices_refused;      /* the Price List answered AccessDeniedException */
};

/* amigo-cleanup-window.c */
void      _amigo_cleanup_window_reload   (AmigoCleanupWindow *self);
void      _amigo_cleanup_window_toast    (AmigoCleanupWindow *self,
                                          const char         *text);
AmigoEc2 *_amigo_cleanup_window_ec2      (AmigoCleanupWindow *self,
                                          const char         *region);
char     *_amigo_cleanup_format_estimate (const AmigoSnapshotCost *cost);
void      _amigo_cleanup_window_update_estimate (AmigoCleanupWindow *self);

/* amigo-cleanup-bulk.c: the confirmation with its totals, the run, the report */
void      _amigo_cleanup_window_bulk     (AmigoCleanupWindow *self,
                                          AmigoCleanupAction  action,
                                          GPtrArray          *entries);

/* amigo-cleanup-prices.c: the regions' prices from the AWS Price List */
void      _amigo_cleanup_window_load_prices (AmigoCleanupWindow *self);
void      _amigo_cleanup_window_reprice     (AmigoCleanupWindow *self);
char     *_amigo_cleanup_prices_source      (AmigoCleanupWindow      *self,
                                             const AmigoSnapshotCost *cost);
char     *_amigo_cleanup_prices_date        (const AmigoSnapshotCost *cost);

/* amigo-cleanup-bin.c: the Recycle Bin page and the guard rails page */
void      _amigo_cleanup_window_load_bin    (AmigoCleanupWindow *self);
void      _amigo_cleanup_window_load_guards (AmigoCleanupWindow *self);

G_END_DECLS
