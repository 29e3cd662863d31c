/* amigo-test-ui.h — shared helpers of the ui tests of the action dialogs
 *
 * Each test program runs inside tests/moto-harness.sh (and
 * run-with-xvfb.sh); these helpers make the "Environment" account a person
 * gets with AWS_* variables, pointed at that moto, and an action context
 * for a dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-action-context.h"
#include "amigo-ec2.h"

G_BEGIN_DECLS

/* Runs the main loop until @cond holds, for at most @seconds, then fails. */
#define AMIGO_TEST_WAIT_FOR(cond, seconds)                                   \
  G_STMT_START {                                                             \
    gint64 _deadline = g_get_monotonic_time () + (seconds) * G_USEC_PER_SEC; \
    while (!(cond) && g_get_monotonic_time () < _deadline)                   \
      g_main_context_iteration (NULL, FALSE);                                \
    if (!(cond))                                                             \
      g_error ("Timed out waiting for: %s", #cond);                          \
  } G_STMT_END

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

G_END_DECLS
