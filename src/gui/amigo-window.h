/* amigo-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-account.h"
#include "amigo-application.h"
#include "amigo-image-store.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_WINDOW (amigo_window_get_type ())

G_DECLARE_FINAL_TYPE (AmigoWindow, amigo_window, AMIGO, WINDOW, AdwApplicationWindow)

AmigoWindow     *amigo_window_new              (AmigoApplication *application);

/* What the window shows: the account chosen, the images of the region and
 * source chosen, and the page in view — for tests and tools that drive the
 * window from outside (its widgets are found by their .ui ids). */
AmigoAccount    *amigo_window_get_account      (AmigoWindow      *self);
AmigoImageStore *amigo_window_get_store        (AmigoWindow      *self);
const char      *amigo_window_get_visible_page (AmigoWindow      *self);
const char      *amigo_window_get_region       (AmigoWindow      *self);
const char      *amigo_window_get_region_caption (AmigoWindow    *self,
                                                  const char     *region);
gboolean         amigo_window_select_region    (AmigoWindow      *self,
                                                const char       *region);
void             amigo_window_set_search_delay_for_testing (AmigoWindow *self,
                                                            guint        ms);
void             amigo_window_add_toast        (AmigoWindow      *self,
                                                const char       *text);

GtkWidget   *amigo_window_show_fleet_view (AmigoWindow *self,
                                          const char  *id);

/* Every account at once (amigo-window-all-accounts.c) */
void         amigo_window_select_all_accounts     (AmigoWindow   *self);
void         amigo_window_leave_all_accounts      (AmigoWindow   *self);
const char  *amigo_window_get_all_accounts_banner (AmigoWindow   *self);
void         amigo_window_get_image_account       (AmigoWindow   *self,
                                                   AmigoImage    *image,
                                                   AmigoAccount **account,
                                                   AmigoClient  **client);

G_END_DECLS
