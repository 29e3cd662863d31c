/* amigo-launch-dialog-private.h — the dialog's insides, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-launch-dialog.h"

G_BEGIN_DECLS

/* A security group of the chosen VPC, as a check row. */
typedef struct {
  AmigoSecurityGroup *group;
  AdwActionRow *row;            /* borrowed: a child of groups_group */
  GtkCheckButton *check;        /* borrowed */
} AmigoLaunchGroup;

/* A volume of the image: EBS (size and type editable) or instance store. */
typedef struct {
  AmigoBlockDeviceMapping *mapping;     /* the image's; NULL for an instance-store root */
  char *device_name;
  AdwActionRow *row;            /* borrowed */
  GtkSpinButton *size_spin;     /* borrowed; NULL for instance store */
  GtkDropDown *type_dropdown;   /* borrowed; NULL for instance store */
  GtkStringList *types;         /* borrowed: the dropdown's model */
  gboolean root;
} AmigoLaunchVolume;

/* A key/value row of the tags list. */
typedef struct {
  GtkWidget *row;               /* borrowed */
  GtkEditable *key;             /* borrowed */
  GtkEditable *value;           /* borrowed */
} AmigoLaunchTag;

struct _AmigoLaunchDialog
{
  AmigoActionDialog parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkButton *cancel_button;
  GtkButton *back_button;
  GtkButton *primary_button;
  GtkSpinner *spinner;
  GtkStack *stack;
  AdwPreferencesPage *form_page;
  AdwActionRow *image_row;
  AdwEntryRow *name_row;
  AdwActionRow *type_row;
  GtkSpinner *type_spinner;
  GtkDropDown *type_dropdown;
  GtkSpinButton *count_spin;
  GtkLabel *instance_message;
  AdwComboRow *key_row;
  GtkWidget *key_warning;
  GtkSwitch *imdsv2_switch;
  AdwComboRow *subnet_row;
  AdwComboRow *public_ip_row;
  AdwPreferencesGroup *groups_group;
  GtkLabel *groups_message;
  AdwPreferencesGroup *volumes_group;
  GtkLabel *volumes_message;
  GtkTextView *user_data_view;
  GtkLabel *user_data_message;
  GtkListBox *tags_list;
  AdwActionRow *add_tag_row;
  GtkLabel *tags_message;
  AdwPreferencesGroup *error_group;
  GtkLabel *error_label;
  GtkButton *subscribe_button;
  AdwPreferencesGroup *review_group;
  AdwStatusPage *done_page;
  GtkListBox *instances_list;

  /* owned */
  AmigoImage *image;
  AmigoEc2 *ec2;
  GListStore *instance_types;   /* (element-type AmigoInstanceType): those that fit */
  GPtrArray *key_names;         /* (element-type utf8): parallel to key_row, [0] NULL (none) */
  GPtrArray *subnets;           /* (element-type AmigoSubnet): key_row's items after the first */
  GPtrArray *all_groups;        /* (element-type AmigoSecurityGroup) */
  GPtrArray *groups;            /* (element-type AmigoLaunchGroup): those shown */
  GHashTable *chosen_groups;    /* group ids the person chose, across VPC changes */
  GPtrArray *volumes;           /* (element-type AmigoLaunchVolume) */
  GPtrArray *tags;              /* (element-type AmigoLaunchTag) */
  GPtrArray *review_rows;       /* rows added to review_group */
  GPtrArray *instance_ids;      /* (element-type utf8): what the launch made */
  char *default_vpc_id;
  char *groups_vpc_id;          /* the VPC whose groups are shown */
  AmigoClientTokenPolicy *token; /* ClientToken of this launch */
  char *subscription_url;       /* Marketplace page, after OptInRequired */
  char *types_error;

  guint loading;                /* lists still coming */
  gboolean types_loaded;
  gboolean groups_loaded;
  gboolean keys_loaded;
  gboolean vpcs_loaded;
  gboolean subnets_failed;
  gboolean key_chosen;          /* the person picked a key pair (or none) */
  gboolean submitted;           /* Review was pressed: show every problem */
  gboolean filling;             /* the dialog, not the person, changes fields */
};

/* Tests: what Review, Launch and Back do. Review returns %FALSE (and
 * stays) when a field is wrong; Launch returns %FALSE when nothing was sent. */
gboolean        _amigo_launch_dialog_review            (AmigoLaunchDialog *self);
gboolean        _amigo_launch_dialog_launch            (AmigoLaunchDialog *self);
void            _amigo_launch_dialog_back              (AmigoLaunchDialog *self);
const char     *_amigo_launch_dialog_get_page          (AmigoLaunchDialog *self);
gboolean        _amigo_launch_dialog_is_loading        (AmigoLaunchDialog *self);
gboolean        _amigo_launch_dialog_select_type       (AmigoLaunchDialog *self,
                                                        const char        *instance_type);
gboolean        _amigo_launch_dialog_select_key        (AmigoLaunchDialog *self,
                                                        const char        *key_name);
GtkCheckButton *_amigo_launch_dialog_get_group_check   (AmigoLaunchDialog *self,
                                                        const char        *group_id);
AmigoLaunchVolume *_amigo_launch_dialog_get_volume     (AmigoLaunchDialog *self,
                                                        const char        *device_name);
AmigoLaunchTag *_amigo_launch_dialog_add_tag           (AmigoLaunchDialog *self,
                                                        const char        *key,
                                                        const char        *value);
/* Shows a launch error as after RunInstances (OptInRequired included). */
void            _amigo_launch_dialog_show_launch_error (AmigoLaunchDialog *self,
                                                        const GError      *error);
/* The Marketplace page of @image's product, or NULL. */
char           *_amigo_launch_dialog_dup_marketplace_url (AmigoImage      *image);
/* “t3.micro — 2 vCPU, 1 GiB” */
char           *_amigo_launch_dialog_describe_type     (AmigoInstanceType *type);

G_END_DECLS
