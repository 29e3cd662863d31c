/* amigo-window-private.h — the window's insides, shared by its files
 * (amigo-window.c, amigo-window-actions.c) and reached by the ui tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-account-manager.h"
#include "amigo-client.h"
#include "images/amigo-filter-popover.h"
#include "images/amigo-image-details.h"
#include "images/amigo-image-list.h"
#include "amigo-image-store.h"
#include "amigo-window.h"

G_BEGIN_DECLS

typedef struct _AmigoWindowListing AmigoWindowListing;
typedef struct _AmigoWindowFleet AmigoWindowFleet;
typedef struct _AmigoWindowAllAccounts AmigoWindowAllAccounts;

struct _AmigoWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkMenuButton *account_button;
  GtkLabel *account_label;
  GtkListBox *account_list;
  GtkDropDown *region_dropdown;
  GtkMenuButton *tasks_button;
  GtkMenuButton *actions_button;
  GtkWidget *refresh_button;
  GtkWidget *search_button;
  GtkMenuButton *details_actions_button;
  GtkStack *main_stack;
  AdwFlap *flap;
  GtkListBox *source_list;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkMenuButton *filter_button;
  GtkPaned *paned;
  GtkStack *content_stack;
  AdwStatusPage *loading_page;
  AmigoImageList *image_list;
  GtkProgressBar *load_progress;
  AdwStatusPage *empty_page;
  AdwStatusPage *error_page;
  GtkButton *error_edit_button;
  GtkButton *error_sign_in_button;
  GtkButton *error_retry_button;
  GtkScrolledWindow *details_scroller;
  GtkLabel *count_label;
  GMenuModel *actions_menu;
  AdwStatusPage *region_page;
  GtkLinkButton *region_link_button;

  /* borrowed */
  AmigoAccountManager *manager;

  /* owned */
  GSettings *settings;
  AmigoAccount *account;
  GtkStringList *region_names;
  GPtrArray *region_codes;      /* parallel to region_names; "" = all regions */
  AmigoImageStore *store;
  AmigoClient *client;          /* of the account shown, once known */
  AmigoImageDetails *details;
  GCancellable *load_cancellable;
  guint pulse_id;
  GtkWidget *context_popover;
  char *focus_image_id;         /* select it once the list has loaded */
  char *region;                 /* selected region code, "" for all */
  guint source;                 /* index into sources[] */
  gboolean updating_regions;

  /* owned, amigo-window-regions.c */
  GPtrArray *region_list;       /* AmigoRegionEntry: the regions of the account */
  GHashTable *described_regions; /* account id → its DescribeRegions list */
  GHashTable *region_failures;  /* region code → why the last load of it failed */
  AmigoWindowListing *listing;  /* amigo-window-listing.c */
  AmigoWindowFleet *fleet;      /* amigo-window-fleet.c */
  AmigoWindowAllAccounts *all_accounts; /* amigo-window-all-accounts.c */
};

/* amigo-window.c */
void                _amigo_window_reload             (AmigoWindow  *self);
void                _amigo_window_set_account        (AmigoWindow  *self,
                                                      AmigoAccount *account);

/* amigo-window-account.c: the account button */
void                _amigo_window_rebuild_account_list (AmigoWindow *self);
void                _amigo_window_update_account_id  (AmigoWindow  *self);
typedef void (*AmigoWindowClientReady) (AmigoWindow  *self,
                                        AmigoAccount *account,
                                        AmigoClient  *client,
                                        const GError *error);
void                _amigo_window_get_account_client (AmigoWindow            *self,
                                                      AmigoAccount           *account,
                                                      AmigoWindowClientReady  ready);
void                _amigo_window_on_account_row_activated_cb (GtkListBox    *box,
                                                               GtkListBoxRow *row,
                                                               AmigoWindow   *self);

/* amigo-window-actions.c: the window's actions and its actions menu */
void                _amigo_window_class_init_actions (GtkWidgetClass *widget_class);
void                _amigo_window_init_actions       (AmigoWindow  *self);
void                _amigo_window_update_actions     (AmigoWindow  *self);
void                _amigo_window_on_toast_cb        (gpointer      source,
                                                      const char   *text,
                                                      AmigoWindow  *self);

/* amigo-window.c, for amigo-window-regions.c */
void                _amigo_window_load_failed        (AmigoWindow  *self,
                                                      const GError *error);
void                _amigo_window_update_content_page (AmigoWindow *self);
void                _amigo_window_show_load_result   (AmigoWindow  *self,
                                                      gboolean      forget_refused);

/* amigo-window-regions.c: the region picker, which regions are asked */
void                _amigo_window_class_init_regions (GtkWidgetClass *widget_class);
void                _amigo_window_init_regions       (AmigoWindow  *self);
void                _amigo_window_finalize_regions   (AmigoWindow  *self);
void                _amigo_window_update_regions     (AmigoWindow  *self);
void                _amigo_window_load_regions       (AmigoWindow  *self,
                                                      AmigoAccount *account,
                                                      AmigoClient  *client);
void                _amigo_window_check_load         (AmigoWindow  *self);

/* amigo-window-listing.c: server-side search, deprecated images, the
 * progress line and Stop, the question before every public image */
void                _amigo_window_class_init_listing (GtkWidgetClass *widget_class);
void                _amigo_window_init_listing       (AmigoWindow  *self);
void                _amigo_window_dispose_listing    (AmigoWindow  *self);
gboolean            _amigo_window_listing_may_load   (AmigoWindow  *self);
void                _amigo_window_listing_load       (AmigoWindow  *self,
                                                      GPtrArray    *ec2s,
                                                      AmigoAccount *account);
void                _amigo_window_update_count       (AmigoWindow  *self);

/* Tests */

AmigoImageStore    *_amigo_window_get_store          (AmigoWindow *self);
AmigoImageList     *_amigo_window_get_image_list     (AmigoWindow *self);
AmigoFilterPopover *_amigo_window_get_filter_popover (AmigoWindow *self);
GtkSearchEntry     *_amigo_window_get_search_entry   (AmigoWindow *self);
const char         *_amigo_window_get_visible_page   (AmigoWindow *self);
AdwStatusPage      *_amigo_window_get_error_page     (AmigoWindow *self);
AdwStatusPage      *_amigo_window_get_empty_page     (AmigoWindow *self);
GtkWidget          *_amigo_window_get_details        (AmigoWindow *self);
gboolean            _amigo_window_select_region      (AmigoWindow *self,
                                                      const char  *region);
void                _amigo_window_select_source      (AmigoWindow *self,
                                                      guint        source);
AmigoAccount       *_amigo_window_get_account        (AmigoWindow *self);
const char         *_amigo_window_get_region_caption (AmigoWindow *self,
                                                      const char  *region);

/* amigo-window-fleet.c: Quick Start, launch templates, Auto Scaling groups */
void                _amigo_window_fleet_init         (AmigoWindow  *self);
void                _amigo_window_fleet_dispose      (AmigoWindow  *self);
gboolean            _amigo_window_fleet_reload       (AmigoWindow  *self);
gboolean            _amigo_window_fleet_select       (AmigoWindow  *self,
                                                      guint         index);
void                _amigo_window_fleet_set_image    (AmigoWindow  *self,
                                                      AmigoImage   *image);

/* amigo-window-all-accounts.c: every account at once */
void                _amigo_window_init_all_accounts  (AmigoWindow  *self);
void                _amigo_window_dispose_all_accounts (AmigoWindow *self);
gboolean            _amigo_window_all_accounts_active (AmigoWindow *self);
gboolean            _amigo_window_all_accounts_reload (AmigoWindow *self);
void                _amigo_window_choose_all_accounts_action (GtkWidget  *widget,
                                                              const char *action_name,
                                                              GVariant   *parameter);
gboolean            _amigo_window_all_accounts_finished (AmigoWindow *self);
gboolean            _amigo_window_all_accounts_owns_images (AmigoWindow *self,
                                                          GPtrArray   *images);
gboolean            _amigo_window_all_accounts_refuse_mixed (AmigoWindow *self,
                                                           GPtrArray   *images);

G_END_DECLS
