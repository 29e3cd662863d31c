/* amigo-launch-dialog-private.h — the dialog's insides, shared by its files
 * (amigo-launch-dialog.c, -region.c, -review.c) and reached by its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-launch-dialog.h"
#include "amigo-list-box.h"
#include "amigo-tags-editor.h"
#include "amigo-text.h"

G_BEGIN_DECLS

#define COUNT_MAX 20
#define INSTANCE_NAME_MAX AMIGO_EC2_TAG_VALUE_MAX     /* a tag value */
#define MARKETPLACE_URL "https://aws.amazon.com/marketplace/pp?sku="

enum {
  PUBLIC_IP_SUBNET_DEFAULT,
  PUBLIC_IP_ASSIGN,
  PUBLIC_IP_NONE,
};

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
  GtkWidget *row;               /* borrowed: an AmigoVolumeRow, or for
                                 * instance store an AdwActionRow */
  GtkSpinButton *size_spin;     /* borrowed; NULL for instance store */
  AdwComboRow *type_row;        /* borrowed; NULL for instance store */
  GtkStringList *types;         /* borrowed: type_row's model */
  gboolean root;
} AmigoLaunchVolume;

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
  AdwActionRow *newest_image_row;
  GtkSwitch *newest_image_switch;
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
  AmigoTagsEditor *tags_editor;
  AdwPreferencesGroup *error_group;
  GtkLabel *error_label;
  GtkButton *subscribe_button;
  AdwPreferencesGroup *review_group;
  AdwStatusPage *done_page;
  GtkListBox *instances_list;
  /* Save as Template (amigo-launch-dialog-template.c) */
  AdwPreferencesGroup *template_group;
  AdwComboRow *template_row;
  AdwEntryRow *template_name_row;
  AdwEntryRow *template_description_row;
  AdwActionRow *template_default_row;
  GtkSwitch *template_default_switch;
  GtkLabel *template_message;
  GtkButton *template_button;

  /* owned */
  AmigoImage *image;
  AmigoEc2 *ec2;
  GListStore *instance_types;   /* (element-type AmigoInstanceType): those that fit,
                                 * offered in the chosen subnet's zone */
  GPtrArray *fitting_types;     /* (element-type AmigoInstanceType): those that fit, sorted */
  GHashTable *zone_types;       /* names offered in types_zone; NULL: no zone chosen */
  char *types_zone;             /* the zone zone_types (or its request) is for */
  GCancellable *zone_cancellable;
  GPtrArray *key_names;         /* (element-type utf8): parallel to key_row, [0] NULL (none) */
  GPtrArray *subnets;           /* (element-type AmigoSubnet): key_row's items after the first */
  GPtrArray *all_groups;        /* (element-type AmigoSecurityGroup) */
  GPtrArray *groups;            /* (element-type AmigoLaunchGroup): those shown */
  GHashTable *chosen_groups;    /* group ids the person chose, across VPC changes */
  GPtrArray *volumes;           /* (element-type AmigoLaunchVolume) */
  GPtrArray *review_rows;       /* rows added to review_group */
  GPtrArray *instance_ids;      /* (element-type utf8): what the launch made */
  char *default_vpc_id;
  char *groups_vpc_id;          /* the VPC whose groups are shown */
  AmigoClientTokenPolicy *token; /* ClientToken of this launch */
  char *subscription_url;       /* Marketplace page, after OptInRequired */
  char *types_error;
  GPtrArray *templates;         /* (element-type AmigoLaunchTemplate): template_row's
                                 * items after the first (a new template) */
  AmigoClientTokenPolicy *template_token; /* ClientToken of the template saved */
  gboolean templates_asked;     /* DescribeLaunchTemplates was sent */

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

/* Shared by the dialog's files. */
/* amigo-launch-dialog.c */
void            _amigo_launch_dialog_update_state      (AmigoLaunchDialog *self);
gboolean        _amigo_launch_dialog_validate          (AmigoLaunchDialog *self);
char           *_amigo_launch_dialog_dup_user_data     (AmigoLaunchDialog *self);
const char     *_amigo_launch_dialog_tag_value         (const AmigoTag    *tags,
                                                        guint              n_tags,
                                                        const char        *key);
const char     *_amigo_launch_dialog_volume_type       (AmigoLaunchVolume *volume);
gboolean        _amigo_launch_dialog_volume_changed    (AmigoLaunchVolume *volume);
/* amigo-launch-dialog-region.c */
void            _amigo_launch_dialog_init_region       (AmigoLaunchDialog *self);
void            _amigo_launch_dialog_load_region       (AmigoLaunchDialog *self);
void            _amigo_launch_dialog_fill_keys         (AmigoLaunchDialog *self,
                                                        GPtrArray         *keys,
                                                        gboolean           select_first);
void            _amigo_launch_dialog_show_groups       (AmigoLaunchDialog *self);
void            _amigo_launch_group_free               (AmigoLaunchGroup  *group);
AmigoInstanceType *_amigo_launch_dialog_selected_type  (AmigoLaunchDialog *self);
const char     *_amigo_launch_dialog_selected_type_name (AmigoLaunchDialog *self);
const char     *_amigo_launch_dialog_selected_key      (AmigoLaunchDialog *self);
AmigoSubnet    *_amigo_launch_dialog_selected_subnet   (AmigoLaunchDialog *self);
void            _amigo_launch_dialog_update_zone       (AmigoLaunchDialog *self);
void            _amigo_launch_dialog_clear_zone        (AmigoLaunchDialog *self);
char           *_amigo_launch_dialog_describe_subnet   (AmigoSubnet       *subnet);
/* amigo-launch-dialog-review.c */
void            _amigo_launch_dialog_set_page          (AmigoLaunchDialog *self,
                                                        const char        *page);
/* The RunInstances request the fields make, and the strings it borrows. */
typedef struct _AmigoLaunchPlan AmigoLaunchPlan;
AmigoLaunchPlan *_amigo_launch_plan_new                (AmigoLaunchDialog *self);
const char *_amigo_launch_dialog_image_parameter (AmigoLaunchDialog *self);

const AmigoRunInstancesRequest *
                _amigo_launch_plan_get_request         (AmigoLaunchPlan   *plan);
void            _amigo_launch_plan_free                (AmigoLaunchPlan   *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoLaunchPlan, _amigo_launch_plan_free)
/* amigo-launch-dialog-template.c */
void            _amigo_launch_dialog_class_init_template (GtkWidgetClass  *widget_class);
void            _amigo_launch_dialog_init_template     (AmigoLaunchDialog *self);
void            _amigo_launch_dialog_finalize_template (AmigoLaunchDialog *self);
void            _amigo_launch_dialog_show_template     (AmigoLaunchDialog *self);
/* Tests: what Save as Template does; %FALSE when nothing was sent. */
gboolean        _amigo_launch_dialog_save_template     (AmigoLaunchDialog *self);

/* Tests: what Review, Launch and Back do. Review returns %FALSE (and
 * stays) when a field is wrong; Launch returns %FALSE when nothing was sent. */
gboolean        _amigo_launch_dialog_review            (AmigoLaunchDialog *self);
gboolean        _amigo_launch_dialog_launch            (AmigoLaunchDialog *self);
void            _amigo_launch_dialog_back              (AmigoLaunchDialog *self);
const char     *_amigo_launch_dialog_get_page          (AmigoLaunchDialog *self);
gboolean        _amigo_launch_dialog_is_loading        (AmigoLaunchDialog *self);
/* Shows a launch error as after RunInstances (OptInRequired included). */
void            _amigo_launch_dialog_show_launch_error (AmigoLaunchDialog *self,
                                                        const GError      *error);
/* The Marketplace page of @image's product, or NULL. */
char           *_amigo_launch_dialog_dup_marketplace_url (AmigoImage      *image);
/* “t3.micro — 2 vCPU, 1 GiB” */
char           *_amigo_launch_dialog_describe_type     (AmigoInstanceType *type);

G_END_DECLS
