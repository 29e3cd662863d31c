/* amigo-vm-role-row.c — the vmimport service role, checked and fixed
 *
 * VM Import/Export acts as the IAM role `vmimport`, which must trust
 * vmie.amazonaws.com and may read (and write, for exports) the bucket:
 * the step people trip on most. The row checks it with GetRole and
 * GetRolePolicy whenever the bucket changes and says what it found; when
 * the role is missing, or does not cover the bucket, a button creates it
 * (CreateRole with the VM Import/Export User Guide's trust policy, then
 * PutRolePolicy) or adds a policy for the bucket. Nothing is changed in
 * IAM before the person presses that button.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-error.h"
#include "amigo-ec2.h"
#include "amigo-iam.h"
#include "amigo-vm-role-row.h"
#include "actions/amigo-action-dialog.h"

/* Amigo adds a policy of this name per bucket to an existing role (the
 * role's own `vmimport` policy is left as it is). */
#define BUCKET_POLICY_PREFIX "vmimport-"

typedef enum {
  ROLE_NO_BUCKET,
  ROLE_CHECKING,
  ROLE_MISSING,
  ROLE_NO_BUCKET_ACCESS,
  ROLE_READY,
  ROLE_ERROR,
} RoleState;

struct _AmigoVmRoleRow
{
  AdwActionRow parent_instance;

  /* template widgets */
  GtkSpinner *spinner;
  GtkImage *ready_icon;
  GtkButton *fix_button;

  /* owned */
  AmigoIam *iam;
  char *region;
  char *bucket;
  GCancellable *cancellable;
  RoleState state;
  gboolean reading_bucket_policy;   /* the check's second policy */
};

G_DEFINE_FINAL_TYPE (AmigoVmRoleRow, amigo_vm_role_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_READY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void check (AmigoVmRoleRow *self);

static void
show_state (AmigoVmRoleRow *self,
            RoleState       state,
            const char     *detail)
{
  g_autofree char *subtitle = NULL;
  gboolean was_ready = self->state == ROLE_READY;
  const char *button = NULL;

  self->state = state;
  switch (state)
    {
    case ROLE_NO_BUCKET:
      subtitle = g_strdup (_("Choose a bucket to check the role for it."));
      break;
    case ROLE_CHECKING:
      subtitle = g_strdup (_("Checking the role…"));
      break;
    case ROLE_MISSING:
      /* Translators: %s is a bucket name */
      subtitle = g_strdup_printf (_("The role does not exist. VM Import/Export needs it to read the disk image from “%s”. Amigo can create it with the policies the VM Import/Export guide gives."),
                                  self->bucket);
      button = _("_Create Role");
      break;
    case ROLE_NO_BUCKET_ACCESS:
      /* Translators: %s is a bucket name */
      subtitle = g_strdup_printf (_("The role may not use the bucket “%s”. Amigo can add a policy that allows it."),
                                  self->bucket);
      button = _("_Allow Bucket");
      break;
    case ROLE_READY:
      /* Translators: %s is a bucket name */
      subtitle = g_strdup_printf (_("VM Import/Export may use the bucket “%s”."), self->bucket);
      break;
    case ROLE_ERROR:
    default:
      subtitle = g_strdup (detail);
      button = _("_Check Again");
      break;
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), state == ROLE_CHECKING);
  gtk_spinner_set_spinning (self->spinner, state == ROLE_CHECKING);
  gtk_widget_set_visible (GTK_WIDGET (self->ready_icon), state == ROLE_READY);
  gtk_widget_set_visible (GTK_WIDGET (self->fix_button), button != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fix_button), TRUE);
  if (button != NULL)
    {
      gtk_button_set_label (self->fix_button, button);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->fix_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_button_get_label (self->fix_button), -1);
    }
  if (was_ready != (state == ROLE_READY))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

static void
show_error (AmigoVmRoleRow *self,
            const char     *what,
            const GError   *error)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", what, error->message);

  show_state (self, ROLE_ERROR, text);
}

static char *
bucket_policy_name (AmigoVmRoleRow *self)
{
  return g_strconcat (BUCKET_POLICY_PREFIX, self->bucket, NULL);
}

/* ---- checking ---------------------------------------------------------- */

/* The role's own policy, then (when that does not cover the bucket) the
 * bucket's policy that "Give Access" writes. */
static void
policy_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AmigoVmRoleRow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *document = amigo_iam_get_role_policy_finish (AMIGO_IAM (source), result, &error);
  g_autofree char *name = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (document == NULL && !amigo_iam_error_is_no_such_entity (error))
    {
      show_error (self, _("Could not read the role’s policy"), error);
      return;
    }
  if (amigo_iam_vm_import_policy_covers_bucket (document, self->region, self->bucket))
    {
      show_state (self, ROLE_READY, NULL);
      return;
    }
  if (self->reading_bucket_policy)
    {
      show_state (self, ROLE_NO_BUCKET_ACCESS, NULL);
      return;
    }
  self->reading_bucket_policy = TRUE;
  name = bucket_policy_name (self);
  amigo_iam_get_role_policy_async (self->iam, AMIGO_VM_IMPORT_DEFAULT_ROLE, name, self->cancellable,
                                   policy_cb, g_object_ref (self));
}

static void
get_role_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AmigoVmRoleRow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoIamRole) role = amigo_iam_get_role_finish (AMIGO_IAM (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (role == NULL)
    {
      if (amigo_iam_error_is_no_such_entity (error))
        show_state (self, ROLE_MISSING, NULL);
      else
        show_error (self, _("Could not check the role"), error);
      return;
    }
  amigo_iam_get_role_policy_async (self->iam, AMIGO_VM_IMPORT_DEFAULT_ROLE, AMIGO_IAM_VM_IMPORT_POLICY_NAME,
                                   self->cancellable, policy_cb, g_object_ref (self));
}

static void
check (AmigoVmRoleRow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->iam == NULL || self->bucket == NULL || *self->bucket == '\0')
    {
      show_state (self, ROLE_NO_BUCKET, NULL);
      return;
    }
  self->cancellable = g_cancellable_new ();
  self->reading_bucket_policy = FALSE;
  show_state (self, ROLE_CHECKING, NULL);
  amigo_iam_get_role_async (self->iam, AMIGO_VM_IMPORT_DEFAULT_ROLE, self->cancellable, get_role_cb,
                            g_object_ref (self));
}

/* ---- fixing ------------------------------------------------------------- */

static void
put_policy_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AmigoVmRoleRow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!amigo_iam_put_role_policy_finish (AMIGO_IAM (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could not give the role access to the bucket"), error);
      return;
    }
  check (self);
}

static void
put_policy (AmigoVmRoleRow *self,
            const char     *policy_name)
{
  const char *buckets[] = { self->bucket, NULL };
  g_autofree char *policy = amigo_iam_vm_import_role_policy (self->region, buckets, NULL);

  amigo_iam_put_role_policy_async (self->iam, AMIGO_VM_IMPORT_DEFAULT_ROLE, policy_name, policy,
                                   self->cancellable, put_policy_cb, g_object_ref (self));
}

static void
create_role_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AmigoVmRoleRow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoIamRole) role = amigo_iam_create_role_finish (AMIGO_IAM (source), result, &error);

  if (role == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could not create the role"), error);
      return;
    }
  put_policy (self, AMIGO_IAM_VM_IMPORT_POLICY_NAME);
}

static void
on_fix_clicked_cb (AmigoVmRoleRow *self)
{
  g_autofree char *trust = NULL;
  g_autofree char *name = NULL;

  if (self->iam == NULL || self->bucket == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (GTK_WIDGET (self->fix_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_set_spinning (self->spinner, TRUE);

  switch (self->state)
    {
    case ROLE_MISSING:
      trust = amigo_iam_vm_import_trust_policy ();
      amigo_iam_create_role_async (self->iam, AMIGO_VM_IMPORT_DEFAULT_ROLE, trust,
                                   /* Sent to IAM, whose descriptions take Latin-1 only: not translated. */
                                   "Lets VM Import/Export read disk images from S3 and write exports (made by Amigo)",
                                   self->cancellable, create_role_cb, g_object_ref (self));
      break;
    case ROLE_NO_BUCKET_ACCESS:
      name = bucket_policy_name (self);
      put_policy (self, name);
      break;
    case ROLE_NO_BUCKET:
    case ROLE_CHECKING:
    case ROLE_READY:
    case ROLE_ERROR:
    default:
      check (self);
      break;
    }
}

/* ---- the object ---------------------------------------------------------- */

static void
amigo_vm_role_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AmigoVmRoleRow *self = AMIGO_VM_ROLE_ROW (object);

  switch (prop_id)
    {
    case PROP_READY:
      g_value_set_boolean (value, amigo_vm_role_row_get_ready (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amigo_vm_role_row_dispose (GObject *object)
{
  AmigoVmRoleRow *self = AMIGO_VM_ROLE_ROW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->iam);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMIGO_TYPE_VM_ROLE_ROW);

  G_OBJECT_CLASS (amigo_vm_role_row_parent_class)->dispose (object);
}

static void
amigo_vm_role_row_finalize (GObject *object)
{
  AmigoVmRoleRow *self = AMIGO_VM_ROLE_ROW (object);

  g_free (self->region);
  g_free (self->bucket);

  G_OBJECT_CLASS (amigo_vm_role_row_parent_class)->finalize (object);
}

static void
amigo_vm_role_row_class_init (AmigoVmRoleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = amigo_vm_role_row_get_property;
  object_class->dispose = amigo_vm_role_row_dispose;
  object_class->finalize = amigo_vm_role_row_finalize;

  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/import/amigo-vm-role-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoVmRoleRow, spinner);
  gtk_widget_class_bind_template_child (widget_class, AmigoVmRoleRow, ready_icon);
  gtk_widget_class_bind_template_child (widget_class, AmigoVmRoleRow, fix_button);
  gtk_widget_class_bind_template_callback (widget_class, on_fix_clicked_cb);
}

static void
amigo_vm_role_row_init (AmigoVmRoleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->state = ROLE_ERROR;
  show_state (self, ROLE_NO_BUCKET, NULL);
}

/**
 * amigo_vm_role_row_set_account:
 * @self: an #AmigoVmRoleRow
 * @account: the account whose IAM to ask
 * @client: its client
 * @region: the Region of the bucket (for the ARNs' partition)
 */
void
amigo_vm_role_row_set_account (AmigoVmRoleRow *self,
                               AmigoAccount   *account,
                               AmigoClient    *client,
                               const char     *region)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (AMIGO_IS_VM_ROLE_ROW (self));

  g_clear_object (&self->iam);
  g_free (self->region);
  self->region = g_strdup (region);
  self->iam = amigo_iam_new_for_account (account, client, amigo_iam_signing_region_for (region), &error);
  if (self->iam == NULL)
    {
      show_error (self, _("Could not reach IAM"), error);
      return;
    }
  check (self);
}

/**
 * amigo_vm_role_row_set_bucket:
 * @self: an #AmigoVmRoleRow
 * @bucket: (nullable): the bucket the disk image is in (or the export goes to)
 *
 * Checks the role again for @bucket.
 */
void
amigo_vm_role_row_set_bucket (AmigoVmRoleRow *self,
                              const char     *bucket)
{
  g_return_if_fail (AMIGO_IS_VM_ROLE_ROW (self));

  if (g_strcmp0 (self->bucket, bucket) == 0 && self->state != ROLE_ERROR)
    return;
  g_free (self->bucket);
  self->bucket = g_strdup (bucket);
  check (self);
}

/**
 * amigo_vm_role_row_get_ready:
 * @self: an #AmigoVmRoleRow
 *
 * Returns: whether the role exists and allows the bucket
 */
gboolean
amigo_vm_role_row_get_ready (AmigoVmRoleRow *self)
{
  g_return_val_if_fail (AMIGO_IS_VM_ROLE_ROW (self), FALSE);
  return self->state == ROLE_READY;
}

/* ---- with a bucket row, in a dialog --------------------------------------- */

static void
on_bucket_changed_cb (AmigoVmRoleRow *self,
                      AmigoBucketRow *bucket_row)
{
  g_autofree char *bucket = amigo_bucket_row_dup_bucket (bucket_row);

  amigo_vm_role_row_set_bucket (self, *bucket != '\0' ? bucket : NULL);
}

static void
on_bucket_problem_cb (AmigoActionDialog *dialog,
                      GParamSpec        *pspec,
                      AmigoBucketRow    *bucket_row)
{
  amigo_action_dialog_show_problem (dialog, amigo_bucket_row_get_problem (bucket_row));
}

/**
 * amigo_vm_role_row_attach:
 * @self: the role row
 * @bucket_row: the bucket the role is for
 * @dialog: the dialog both rows are in
 * @changed: called (on @dialog) after the bucket, its problem or the
 *   role's readiness changed
 *
 * Sets both rows up for @dialog's account, client and Region: the role is
 * checked again whenever the bucket changes, and what is wrong with the
 * bucket is @dialog's problem.
 */
void
amigo_vm_role_row_attach (AmigoVmRoleRow    *self,
                          AmigoBucketRow    *bucket_row,
                          AmigoActionDialog *dialog,
                          GCallback          changed)
{
  AmigoActionContext *context = amigo_action_dialog_get_context (dialog);

  g_return_if_fail (AMIGO_IS_VM_ROLE_ROW (self));
  g_return_if_fail (AMIGO_IS_BUCKET_ROW (bucket_row));

  amigo_vm_role_row_set_account (self, amigo_action_context_get_account (context),
                                 amigo_action_context_get_client (context),
                                 amigo_action_context_get_region (context));
  amigo_bucket_row_set_account (bucket_row, amigo_action_context_get_account (context),
                                amigo_action_context_get_client (context),
                                amigo_action_context_get_region (context));
  g_signal_connect_object (bucket_row, "changed", G_CALLBACK (on_bucket_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bucket_row, "changed", changed, dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (bucket_row, "notify::problem", G_CALLBACK (on_bucket_problem_cb),
                           dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (bucket_row, "notify::problem", changed, dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::ready", changed, dialog, G_CONNECT_SWAPPED);
}
