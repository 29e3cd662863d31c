/* amigo-test-ui.h — what every ui test program shares
 *
 * Waiting (blocking in the main loop, never spinning or sleeping),
 * settling, clicking, typing, picking, finding widgets by their .ui id or
 * label, screenshots (AMIGO_SCREENSHOT_DIR), the fault proxy's control
 * API; and, for programs run inside tests/moto-harness.sh, the
 * "Environment" account a person gets with AWS_* variables, pointed at
 * that moto, and an action context for a dialog. It builds on
 * amigo-test-moto.h (results of async calls, the servers' test control).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-action-context.h"
#include "amigo-ec2.h"
#include "amigo-test-moto.h"

G_BEGIN_DECLS

/* ---- waiting ----------------------------------------------------------
 *
 * Every wait blocks in the main context (g_main_context_iteration (NULL,
 * TRUE)): the process sleeps until a source is ready. A timeout source
 * bounds the wait (a bound for a hung peer, not a timing assertion) and
 * wakes the loop a few times a second so that a condition that changes
 * outside of it (a file, another process) is seen too. */

typedef gboolean (*AmigoTestCondition) (gpointer data);

/* Runs the main loop until @condition (@data) holds; fails the test,
 * naming @what, after @timeout_seconds. */
void                amigo_test_ui_wait_until    (AmigoTestCondition  condition,
                                                 gpointer            data,
                                                 guint               timeout_seconds,
                                                 const char         *what);

/* The same for an expression. */
#define AMIGO_TEST_WAIT_FOR(cond, seconds)                                   \
  G_STMT_START {                                                             \
    AmigoTestDeadline *_deadline = amigo_test_deadline_new (seconds);        \
    while (!(cond) && !amigo_test_deadline_passed (_deadline))               \
      g_main_context_iteration (NULL, TRUE);                                 \
    amigo_test_deadline_free (_deadline);                                    \
    if (!(cond))                                                             \
      g_error ("Timed out waiting for: %s", #cond);                          \
  } G_STMT_END

typedef struct _AmigoTestDeadline AmigoTestDeadline;

AmigoTestDeadline  *amigo_test_deadline_new     (guint               seconds);
gboolean            amigo_test_deadline_passed  (AmigoTestDeadline  *deadline);
void                amigo_test_deadline_free    (AmigoTestDeadline  *deadline);

/* Runs the main loop until nothing is pending (at most a few thousand
 * dispatches): idles, queued signals, what is already in. */
void                amigo_test_ui_settle        (void);
/* Runs the main loop, blocking, for @ms: only to see that nothing happens
 * meanwhile, or for a pause a person makes (between two clicks). */
void                amigo_test_ui_run_for       (guint               ms);

/* ---- driving widgets --------------------------------------------------- */

/* A click on @button (a GtkButton, or any widget with an activate signal),
 * as a person's: it must be sensitive; "clicked" is emitted at once
 * (gtk_widget_activate() would only click it a moment later). */
void                amigo_test_ui_click         (gpointer            button);
/* gtk_widget_activate() on a sensitive @widget (Enter in an entry, ...). */
void                amigo_test_ui_activate      (gpointer            widget);
/* Types @text into @editable, replacing what was there. */
void                amigo_test_ui_set_text      (gpointer            editable,
                                                 const char         *text);
/* Chooses the item @position of a GtkDropDown or AdwComboRow. */
void                amigo_test_ui_pick          (gpointer            dropdown,
                                                 guint               position);
/* Chooses the first item whose string (a GtkStringObject, or the
 * dropdown's expression) is @text; fails when there is none. */
void                amigo_test_ui_pick_text     (gpointer            dropdown,
                                                 const char         *text);

/* ---- finding widgets ---------------------------------------------------
 *
 * In @root's tree (children, and the popovers of menu buttons and
 * popover-menus, and a window's titlebar): */

/* The widget whose .ui id (gtk_buildable_get_buildable_id) is @id: a
 * template child of @root bound by that name, else the one nearest @root
 * (composite widgets inside bring ids of their own); fails when there is
 * none. */
GtkWidget          *amigo_test_ui_find          (gpointer            root,
                                                 const char         *id);
/* The same, %NULL when there is none. */
GtkWidget          *amigo_test_ui_lookup        (gpointer            root,
                                                 const char         *id);
/* The first widget of @type (or a subtype) and, when @label is not %NULL,
 * whose accessible name (label, title, button label or tooltip) is @label. */
GtkWidget          *amigo_test_ui_find_by_type  (gpointer            root,
                                                 GType               type,
                                                 const char         *label);
/* The first widget of any type whose accessible name is @label. */
GtkWidget          *amigo_test_ui_find_by_label (gpointer            root,
                                                 const char         *label);
/* The first widget whose widget name (gtk_widget_set_name) is @name, or
 * %NULL. */
GtkWidget          *amigo_test_ui_find_by_name  (gpointer            root,
                                                 const char         *name);
/* Every widget of @type (or a subtype), in tree order. */
GPtrArray          *amigo_test_ui_find_all      (gpointer            root,
                                                 GType               type);

/* ---- screenshots ------------------------------------------------------- */

/* Presents @window, lets it draw about half a second of frames, and saves
 * it as @path. */
void                amigo_test_ui_save_png      (gpointer            window,
                                                 const char         *path);
/* The same into AMIGO_SCREENSHOT_DIR/@name, when that is set. */
void                amigo_test_ui_maybe_screenshot (gpointer         window,
                                                    const char      *name);

/* ---- the fault proxy (tests/fault-harness.sh) ------------------------- */

/* Schedules a fault: @json as fault-proxy.py's control API takes it. */
void                amigo_test_ui_fault         (const char         *json);
void                amigo_test_ui_fault_reset   (void);
/* The proxy's count of @action in @table ("seen", "forwarded", "faults"). */
guint               amigo_test_ui_fault_count   (const char         *table,
                                                 const char         *action);

/* ---- set-up ------------------------------------------------------------ */

/* gtk_test_init + adw_init + the app's resources, for programs that need
 * no moto. */
void                amigo_test_ui_init_gtk      (int          *argc,
                                                 char       ***argv);

/* gtk_test_init + adw_init + the app's resources; returns 77 (skip) when
 * not run inside the moto harness. */
int                 amigo_test_ui_init          (int          *argc,
                                                 char       ***argv);
AmigoAccount       *amigo_test_ui_get_account   (void);
AmigoClient        *amigo_test_ui_get_client    (void);
AmigoEc2           *amigo_test_ui_get_ec2       (const char   *region);
/* @images: (nullable) (element-type AmigoImage) */
AmigoActionContext *amigo_test_ui_new_context   (const char   *region,
                                                 GPtrArray    *images);

/* Synchronous helpers around the async API, for setting up and checking. */
GPtrArray          *amigo_test_ui_describe_images (AmigoEc2                         *ec2,
                                                   const AmigoDescribeImagesRequest *request);
AmigoImage         *amigo_test_ui_get_image       (AmigoEc2   *ec2,
                                                   const char *image_id);
/* An instance of an Amazon image, running, to image or launch from. */
char               *amigo_test_ui_run_instance    (AmigoEc2   *ec2,
                                                   const char *name);
/* An image of @instance_id, available, named @name. */
char               *amigo_test_ui_create_image    (AmigoEc2   *ec2,
                                                   const char *instance_id,
                                                   const char *name);
/* Everything a person can read in a widget tree, one line per label. */
char               *amigo_test_ui_collect_text    (GtkWidget  *widget);
/* For g_test_add_data_func(): one GApplication registers per process, so a
 * test that starts one after another test did runs @data (a GTestFunc) in
 * a child process of its own. */
void                amigo_test_ui_in_own_process  (gconstpointer data);

G_END_DECLS
