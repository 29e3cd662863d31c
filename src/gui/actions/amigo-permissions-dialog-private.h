/* amigo-permissions-dialog-private.h — the dialog's insides, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-permissions-dialog.h"

G_BEGIN_DECLS

typedef enum {
  AMIGO_SHARE_INVALID,
  AMIGO_SHARE_ACCOUNT,          /* `userId` */
  AMIGO_SHARE_ORGANIZATION,     /* `organizationArn` */
  AMIGO_SHARE_ORGANIZATIONAL_UNIT, /* `organizationalUnitArn` */
} AmigoShareKind;

/* One account, organization or OU the image is (to be) shared with. */
typedef struct {
  AmigoShareKind kind;
  char *value;
  AdwActionRow *row;
  GtkButton *remove_button;
} AmigoShare;

struct _AmigoPermissionsDialog
{
  AmigoActionDialog parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkButton *apply_button;
  GtkSpinner *spinner;
  GtkStack *stack;
  AdwStatusPage *failed_page;
  GtkCheckButton *private_check;
  GtkCheckButton *public_check;
  AdwActionRow *public_row;
  AdwActionRow *blocked_row;
  GtkListBox *shares_list;
  AdwEntryRow *add_row;
  GtkButton *add_button;
  GtkLabel *problem_label;
  GtkLabel *error_label;

  /* owned */
  AmigoImage *image;
  char *own_account;
  GPtrArray *original;          /* AmigoShare (no row): as AWS answered */
  GPtrArray *shares;            /* AmigoShare: as shown */

  guint loading;                /* requests still out */
  gboolean loaded;
  gboolean original_public;
  gboolean blocked;             /* block public access for AMIs is on */
};

/* Reads what a person typed: a 12-digit account id (dashes and spaces
 * allowed, as the console shows them), an organization ARN or an
 * organizational unit ARN. @normalized gets the value to send. */
AmigoShareKind amigo_permissions_parse_share (const char  *text,
                                              char       **normalized,
                                              char       **problem);

G_END_DECLS
