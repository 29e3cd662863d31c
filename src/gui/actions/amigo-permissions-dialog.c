/* amigo-permissions-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads who may launch the image (DescribeImageAttribute launchPermission)
 * and whether the account may make images public at all
 * (GetImageBlockPublicAccessState), lets the person change both, and on
 * Apply sends only the difference as one ModifyImageAttribute with
 * LaunchPermission.Add and .Remove. What is typed in the entry and valid
 * but not yet added counts as added: people press Apply straight away.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "amigo-actions.h"
#include "amigo-error.h"
#include "amigo-permissions-dialog-private.h"
#include "amigo-row-button.h"
#include "amigo-text.h"

G_DEFINE_FINAL_TYPE (AmigoPermissionsDialog, amigo_permissions_dialog, AMIGO_TYPE_ACTION_DIALOG)

#define ACCOUNT_DIGITS 12

static void update_state (AmigoPermissionsDialog *self);

/* ---- what can be typed ------------------------------------------------- */

AmigoShareKind
amigo_permissions_parse_share (const char  *text,
                               char       **normalized,
                               char       **problem)
{
  /* arn:PARTITION:organizations::MANAGEMENT-ACCOUNT:organization/o-ID
   * arn:PARTITION:organizations::MANAGEMENT-ACCOUNT:ou/o-ID/ou-ROOT-ID
   * (IAM's "Resource types defined by AWS Organizations"). */
  static const char *org_pattern =
    "^arn:aws(-cn|-us-gov)?:organizations::[0-9]{12}:organization/o-[a-z0-9]{10,32}$";
  static const char *ou_pattern =
    "^arn:aws(-cn|-us-gov)?:organizations::[0-9]{12}:ou/o-[a-z0-9]{10,32}/ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}$";
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean only_digits = *stripped != '\0';

  if (normalized != NULL)
    *normalized = NULL;
  if (problem != NULL)
    *problem = NULL;

  /* 1234-5678-9012, as the console's account menu shows it */
  for (const char *p = stripped; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != '-' && *p != ' ')
        only_digits = FALSE;
    }

  if (only_digits)
    {
      if (amigo_text_is_digits (digits->str, ACCOUNT_DIGITS))
        {
          if (normalized != NULL)
            *normalized = g_strdup (digits->str);
          return AMIGO_SHARE_ACCOUNT;
        }
      if (problem != NULL)
        *problem = g_strdup_printf (ngettext ("An account ID has 12 digits; this one has %u digit.",
                                              "An account ID has 12 digits; this one has %u digits.",
                                              (gulong) digits->len),
                                    (guint) digits->len);
      return AMIGO_SHARE_INVALID;
    }

  if (g_regex_match_simple (org_pattern, stripped, 0, 0))
    {
      if (normalized != NULL)
        *normalized = g_strdup (stripped);
      return AMIGO_SHARE_ORGANIZATION;
    }
  if (g_regex_match_simple (ou_pattern, stripped, 0, 0))
    {
      if (normalized != NULL)
        *normalized = g_strdup (stripped);
      return AMIGO_SHARE_ORGANIZATIONAL_UNIT;
    }

  if (problem != NULL)
    {
      if (g_str_has_prefix (stripped, "arn:"))
        *problem = g_strdup (_("This is not the ARN of an organization "
                               "(arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5) "
                               "or of an organizational unit "
                               "(arn:aws:organizations::111122223333:ou/o-a1b2c3d4e5/ou-ab12-cd34ef56)."));
      else
        *problem = g_strdup (_("Enter a 12-digit account ID, or the ARN of an organization or "
                               "organizational unit."));
    }
  return AMIGO_SHARE_INVALID;
}

static const char *
share_kind_label (AmigoShareKind kind)
{
  switch (kind)
    {
    case AMIGO_SHARE_ACCOUNT:
      return _("AWS account");
    case AMIGO_SHARE_ORGANIZATION:
      return _("Organization");
    case AMIGO_SHARE_ORGANIZATIONAL_UNIT:
      return _("Organizational unit");
    case AMIGO_SHARE_INVALID:
    default:
      return "";
    }
}

/* ---- the list ----------------------------------------------------------- */

static AmigoShare *
share_new (AmigoShareKind  kind,
           const char     *value)
{
  AmigoShare *share = g_new0 (AmigoShare, 1);

  share->kind = kind;
  share->value = g_strdup (value);
  return share;
}

static void
share_free (AmigoShare *share)
{
  g_free (share->value);
  g_free (share);
}

static AmigoShare *
find_share (GPtrArray      *shares,
            AmigoShareKind  kind,
            const char     *value)
{
  for (guint i = 0; i < shares->len; i++)
    {
      AmigoShare *share = g_ptr_array_index (shares, i);

      if (share->kind == kind && g_strcmp0 (share->value, value) == 0)
        return share;
    }
  return NULL;
}

static void
on_remove_clicked_cb (GtkButton              *button,
                      AmigoPermissionsDialog *self)
{
  for (guint i = 0; i < self->shares->len; i++)
    {
      AmigoShare *share = g_ptr_array_index (self->shares, i);

      if (share->remove_button == button)
        {
          gtk_list_box_remove (self->shares_list, GTK_WIDGET (share->row));
          g_ptr_array_remove_index (self->shares, i);
          break;
        }
    }
  amigo_action_dialog_show_problem (AMIGO_ACTION_DIALOG (self), NULL);
  update_state (self);
}

static void
add_share_row (AmigoPermissionsDialog *self,
               AmigoShareKind          kind,
               const char             *value)
{
  AmigoShare *share = share_new (kind, value);
  g_autofree char *remove_label = NULL;

  /* What AWS or the person typed: shown as it is, never as markup. */
  share->row = ADW_ACTION_ROW (amigo_action_row_new_literal (value, share_kind_label (kind)));
  /* ARNs are long: wrap rather than cut them. */
  adw_action_row_set_title_lines (share->row, 0);

  /* Translators: %s is an account ID or an ARN */
  remove_label = g_strdup_printf (_("Stop sharing with %s"), value);
  share->remove_button = GTK_BUTTON (amigo_row_button_new ("user-trash-symbolic", _("Stop Sharing"),
                                                           remove_label));
  g_signal_connect (share->remove_button, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
  adw_action_row_add_suffix (share->row, GTK_WIDGET (share->remove_button));

  gtk_list_box_append (self->shares_list, GTK_WIDGET (share->row));
  g_ptr_array_add (self->shares, share);
}

/* What the entry holds, when it can be added; sets @problem otherwise
 * (NULL for an empty entry). */
static AmigoShareKind
pending_share (AmigoPermissionsDialog  *self,
               char                   **value,
               char                   **problem)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->add_row));
  g_autofree char *normalized = NULL;
  AmigoShareKind kind;

  *value = NULL;
  *problem = NULL;
  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return AMIGO_SHARE_INVALID;

  kind = amigo_permissions_parse_share (text, &normalized, problem);
  if (kind == AMIGO_SHARE_INVALID)
    return kind;
  if (kind == AMIGO_SHARE_ACCOUNT && g_strcmp0 (normalized, self->own_account) == 0)
    {
      *problem = g_strdup (_("This is the image’s own account: it can always launch its images."));
      return AMIGO_SHARE_INVALID;
    }
  if (find_share (self->shares, kind, normalized) != NULL)
    {
      *problem = g_strdup (_("The image is already shared with it."));
      return AMIGO_SHARE_INVALID;
    }
  *value = g_steal_pointer (&normalized);
  return kind;
}

/* ---- the change --------------------------------------------------------- */

static void
permission_from_share (AmigoLaunchPermission *permission,
                       AmigoShareKind         kind,
                       const char            *value)
{
  memset (permission, 0, sizeof *permission);
  switch (kind)
    {
    case AMIGO_SHARE_ACCOUNT:
      permission->user_id = (char *) value;
      break;
    case AMIGO_SHARE_ORGANIZATION:
      permission->organization_arn = (char *) value;
      break;
    case AMIGO_SHARE_ORGANIZATIONAL_UNIT:
      permission->organizational_unit_arn = (char *) value;
      break;
    case AMIGO_SHARE_INVALID:
    default:
      g_assert_not_reached ();
    }
}

/* The difference between what AWS has and what is shown, as the
 * LaunchPermission.Add and .Remove lists (strings borrowed from @self and
 * @pending_value). */
static void
compute_change (AmigoPermissionsDialog *self,
                AmigoShareKind          pending_kind,
                const char             *pending_value,
                GArray                 *add,
                GArray                 *remove)
{
  gboolean public = gtk_check_button_get_active (self->public_check);
  AmigoLaunchPermission permission;

  for (guint i = 0; i < self->shares->len; i++)
    {
      AmigoShare *share = g_ptr_array_index (self->shares, i);

      if (find_share (self->original, share->kind, share->value) == NULL)
        {
          permission_from_share (&permission, share->kind, share->value);
          g_array_append_val (add, permission);
        }
    }
  if (pending_kind != AMIGO_SHARE_INVALID)
    {
      permission_from_share (&permission, pending_kind, pending_value);
      g_array_append_val (add, permission);
    }
  for (guint i = 0; i < self->original->len; i++)
    {
      AmigoShare *share = g_ptr_array_index (self->original, i);

      if (find_share (self->shares, share->kind, share->value) == NULL)
        {
          permission_from_share (&permission, share->kind, share->value);
          g_array_append_val (remove, permission);
        }
    }
  if (public != self->original_public)
    {
      memset (&permission, 0, sizeof permission);
      permission.group = (char *) "all";
      g_array_append_val (public ? add : remove, permission);
    }
}

/* ---- state ------------------------------------------------------------ */

static void
update_state (AmigoPermissionsDialog *self)
{
  g_autoptr(GArray) add = g_array_new (FALSE, FALSE, sizeof (AmigoLaunchPermission));
  g_autoptr(GArray) remove = g_array_new (FALSE, FALSE, sizeof (AmigoLaunchPermission));
  g_autofree char *pending_value = NULL;
  g_autofree char *problem = NULL;
  AmigoShareKind pending_kind = AMIGO_SHARE_INVALID;
  gboolean pending_bad;
  gboolean busy = amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (self));

  if (self->loaded)
    {
      pending_kind = pending_share (self, &pending_value, &problem);
      compute_change (self, pending_kind, pending_value, add, remove);
    }
  pending_bad = problem != NULL;

  amigo_action_dialog_show_field_problem (GTK_WIDGET (self->add_row), self->problem_label, problem);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "permissions.add",
                                 self->loaded && !busy && pending_kind != AMIGO_SHARE_INVALID);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "permissions.apply",
                                 self->loaded && !busy && !pending_bad &&
                                 add->len + remove->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "permissions.reload",
                                 self->loading == 0 && !busy);

  /* Public stays possible for an image that is public already: blocking
   * only stops new public sharing. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->public_row),
                            !busy && (!self->blocked || self->original_public));
  gtk_widget_set_sensitive (GTK_WIDGET (self->private_check), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->shares_list), !busy);
  /* Not insensitive: GTK 4.8 then keeps blinking the cursor of a field
   * that had the focus. */
  gtk_editable_set_editable (GTK_EDITABLE (self->add_row), !busy);
}

static void
show_loaded (AmigoPermissionsDialog *self)
{
  adw_action_row_set_subtitle (self->blocked_row,
                               self->original_public
                               ? _("Block public access for AMIs is on for this account in this "
                                   "Region. This image stays public until it is made private; "
                                   "after that it cannot be made public again while the block is on.")
                               : _("Block public access for AMIs is on for this account in this "
                                   "Region, so its images cannot be made public. It can be turned "
                                   "off in the EC2 console, under Data protection and security."));
  gtk_widget_set_visible (GTK_WIDGET (self->blocked_row), self->blocked);

  gtk_check_button_set_active (self->original_public ? self->public_check : self->private_check, TRUE);

  for (guint i = 0; i < self->shares->len; i++)
    {
      AmigoShare *share = g_ptr_array_index (self->shares, i);

      gtk_list_box_remove (self->shares_list, GTK_WIDGET (share->row));
    }
  g_ptr_array_set_size (self->shares, 0);
  for (guint i = 0; i < self->original->len; i++)
    {
      AmigoShare *share = g_ptr_array_index (self->original, i);

      add_share_row (self, share->kind, share->value);
    }

  self->loaded = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "content");
  update_state (self);
}

/* ---- loading ------------------------------------------------------------ */

static void
load_failed (AmigoPermissionsDialog *self,
             const GError           *error)
{
  g_autofree char *text = amigo_action_dialog_describe_error (_("AWS did not say who may launch this image"),
                                                       error);

  amigo_status_page_set_description_literal (self->failed_page, text);
  gtk_stack_set_visible_child_name (self->stack, "failed");
}

static void
describe_attribute_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AmigoPermissionsDialog) self = user_data;
  g_autoptr(AmigoImageAttribute) attribute = NULL;
  g_autoptr(GError) error = NULL;
  const AmigoLaunchPermission *permissions;
  guint n = 0;

  attribute = amigo_ec2_describe_image_attribute_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading--;
  if (attribute == NULL)
    {
      /* The other request may still be out: it finds loaded unset. */
      g_ptr_array_set_size (self->original, 0);
      load_failed (self, error);
      update_state (self);
      return;
    }

  g_ptr_array_set_size (self->original, 0);
  self->original_public = FALSE;
  permissions = amigo_image_attribute_get_launch_permissions (attribute, &n);
  for (guint i = 0; i < n; i++)
    {
      const AmigoLaunchPermission *p = &permissions[i];

      if (g_strcmp0 (p->group, "all") == 0)
        self->original_public = TRUE;
      else if (p->user_id != NULL)
        g_ptr_array_add (self->original, share_new (AMIGO_SHARE_ACCOUNT, p->user_id));
      else if (p->organization_arn != NULL)
        g_ptr_array_add (self->original, share_new (AMIGO_SHARE_ORGANIZATION, p->organization_arn));
      else if (p->organizational_unit_arn != NULL)
        g_ptr_array_add (self->original, share_new (AMIGO_SHARE_ORGANIZATIONAL_UNIT,
                                                    p->organizational_unit_arn));
    }

  if (self->loading == 0)
    show_loaded (self);
}

static void
block_state_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AmigoPermissionsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;

  state = amigo_ec2_get_image_block_public_access_state_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading--;

  /* Not knowing (an older endpoint, no IAM permission for the call) is
   * no reason to refuse: EC2 itself says so if public sharing fails. */
  if (error != NULL)
    g_debug ("GetImageBlockPublicAccessState: %s", error->message);
  self->blocked = g_strcmp0 (state, AMIGO_IMAGE_BLOCK_PUBLIC_ACCESS_BLOCKED) == 0;

  if (self->loading == 0 && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "failed") != 0)
    show_loaded (self);
  else
    update_state (self);
}

static void
load (AmigoPermissionsDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_autoptr(AmigoEc2) ec2 = NULL;
  g_autoptr(GError) error = NULL;

  self->loaded = FALSE;
  ec2 = amigo_action_dialog_dup_ec2 (base, NULL, &error);
  if (ec2 == NULL)
    {
      load_failed (self, error);
      update_state (self);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "loading");
  self->loading = 2;
  amigo_ec2_describe_image_attribute_async (ec2, amigo_image_get_image_id (self->image),
                                            AMIGO_IMAGE_ATTRIBUTE_LAUNCH_PERMISSION, amigo_action_dialog_get_cancellable (base),
                                            describe_attribute_cb, g_object_ref (self));
  amigo_ec2_get_image_block_public_access_state_async (ec2, amigo_action_dialog_get_cancellable (base),
                                                       block_state_cb,
                                                       g_object_ref (self));
  update_state (self);
}

/* ---- actions ------------------------------------------------------------ */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AmigoPermissionsDialog *self = AMIGO_PERMISSIONS_DIALOG (widget);
  g_autofree char *value = NULL;
  g_autofree char *problem = NULL;
  AmigoShareKind kind = pending_share (self, &value, &problem);

  if (kind == AMIGO_SHARE_INVALID)
    return;
  add_share_row (self, kind, value);
  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  amigo_action_dialog_show_problem (AMIGO_ACTION_DIALOG (self), NULL);
  update_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
}

static void
modify_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AmigoPermissionsDialog) self = user_data;
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;

  amigo_ec2_modify_image_launch_permission_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  amigo_action_dialog_set_busy (base, FALSE);

  if (error != NULL)
    {
      amigo_action_dialog_show_error (base, _("Could not change the launch permissions"), error);
      return;
    }

  amigo_action_context_changed (amigo_action_dialog_get_context (base));
  /* Translators: %s is the image's name (or id) */
  toast = g_strdup_printf (_("Launch permissions of “%s” changed"), amigo_action_dialog_image_title (self->image));
  amigo_action_context_toast (amigo_action_dialog_get_context (base), toast);
  gtk_window_close (GTK_WINDOW (self));
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AmigoPermissionsDialog *self = AMIGO_PERMISSIONS_DIALOG (widget);
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_autoptr(GArray) add = g_array_new (FALSE, FALSE, sizeof (AmigoLaunchPermission));
  g_autoptr(GArray) remove = g_array_new (FALSE, FALSE, sizeof (AmigoLaunchPermission));
  g_autofree char *pending_value = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(AmigoEc2) ec2 = NULL;
  g_autoptr(GError) error = NULL;
  AmigoShareKind pending_kind;

  pending_kind = pending_share (self, &pending_value, &problem);
  if (problem != NULL)
    return;
  compute_change (self, pending_kind, pending_value, add, remove);
  if (add->len + remove->len == 0)
    return;

  amigo_action_dialog_show_problem (base, NULL);
  ec2 = amigo_action_dialog_dup_ec2 (base, NULL, &error);
  if (ec2 == NULL)
    {
      amigo_action_dialog_show_error (base, _("Could not change the launch permissions"), error);
      update_state (self);
      return;
    }

  /* The request is serialized before this returns: the borrowed strings
   * need not outlive it. */
  amigo_action_dialog_set_busy (base, TRUE);
  amigo_ec2_modify_image_launch_permission_async (ec2, amigo_image_get_image_id (self->image),
                                                  (AmigoLaunchPermission *) add->data, add->len,
                                                  (AmigoLaunchPermission *) remove->data, remove->len,
                                                  amigo_action_dialog_get_cancellable (base),
                                                  modify_cb, g_object_ref (self));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  load (AMIGO_PERMISSIONS_DIALOG (widget));
}

/* ---- callbacks ---------------------------------------------------------- */

static void
on_visibility_toggled_cb (AmigoPermissionsDialog *self)
{
  amigo_action_dialog_show_problem (AMIGO_ACTION_DIALOG (self), NULL);
  update_state (self);
}

static void
on_add_changed_cb (AmigoPermissionsDialog *self)
{
  update_state (self);
}

static void
on_add_activated_cb (AmigoPermissionsDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "permissions.add", NULL);
}

/* ---- object ------------------------------------------------------------- */

static void
busy_changed (AmigoActionDialog *dialog)
{
  update_state (AMIGO_PERMISSIONS_DIALOG (dialog));
}

static void
amigo_permissions_dialog_dispose (GObject *object)
{
  AmigoPermissionsDialog *self = AMIGO_PERMISSIONS_DIALOG (object);

  g_clear_object (&self->image);

  gtk_widget_dispose_template (GTK_WIDGET (self), AMIGO_TYPE_PERMISSIONS_DIALOG);

  G_OBJECT_CLASS (amigo_permissions_dialog_parent_class)->dispose (object);
}

static void
amigo_permissions_dialog_finalize (GObject *object)
{
  AmigoPermissionsDialog *self = AMIGO_PERMISSIONS_DIALOG (object);

  g_ptr_array_unref (self->original);
  g_ptr_array_unref (self->shares);
  g_free (self->own_account);

  G_OBJECT_CLASS (amigo_permissions_dialog_parent_class)->finalize (object);
}

static void
amigo_permissions_dialog_class_init (AmigoPermissionsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmigoActionDialogClass *dialog_class = AMIGO_ACTION_DIALOG_CLASS (klass);

  object_class->dispose = amigo_permissions_dialog_dispose;
  object_class->finalize = amigo_permissions_dialog_finalize;
  dialog_class->busy_changed = busy_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/actions/amigo-permissions-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoPermissionsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AmigoPermissionsDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoPermissionsDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AmigoPermissionsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AmigoPermissionsDialog, failed_page);
  gtk_widget_class_bind_template_child (widget_class, AmigoPermissionsDialog, private_check);
  gtk_widget_class_bind_template_child (widget_class, AmigoPermissionsDialog, public_check);
  gtk_widget_class_bind_template_child (widget_class, AmigoPermissionsDialog, public_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoPermissionsDialog, blocked_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoPermissionsDialog, shares_list);
  gtk_widget_class_bind_template_child (widget_class, AmigoPermissionsDialog, add_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoPermissionsDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoPermissionsDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoPermissionsDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_visibility_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_activated_cb);

  gtk_widget_class_install_action (widget_class, "permissions.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "permissions.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "permissions.reload", NULL, reload_action);
}

static void
amigo_permissions_dialog_init (AmigoPermissionsDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  amigo_action_dialog_set_busy_display (base, self->spinner, "permissions.add", "permissions.apply",
                                        "permissions.reload", NULL);
  amigo_action_dialog_set_error_display (base, NULL, GTK_WIDGET (self->error_label));
  self->original = g_ptr_array_new_with_free_func ((GDestroyNotify) share_free);
  self->shares = g_ptr_array_new_with_free_func ((GDestroyNotify) share_free);
}

/**
 * amigo_permissions_dialog_new:
 * @parent: the window it belongs to
 * @context: the image (one, owned by the account)
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
GtkWindow *
amigo_permissions_dialog_new (GtkWindow          *parent,
                              AmigoActionContext *context)
{
  AmigoPermissionsDialog *self;
  AmigoImage *image = amigo_action_context_get_image (context);
  const char *own;

  g_return_val_if_fail (AMIGO_IS_ACTION_CONTEXT (context), NULL);
  g_return_val_if_fail (image != NULL, NULL);

  self = g_object_new (AMIGO_TYPE_PERMISSIONS_DIALOG, "transient-for", parent, "context", context, NULL);
  self->image = g_object_ref (image);

  /* Only the owner may change who launches it: the owner is this account. */
  own = amigo_account_get_account_number (amigo_action_context_get_account (context));
  self->own_account = g_strdup (own != NULL ? own : amigo_image_get_owner_id (image));

  adw_window_title_set_subtitle (self->window_title, amigo_action_dialog_image_title (image));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->apply_button));
  load (self);

  return GTK_WINDOW (self);
}

/* Both answers (launch permissions, block public access) are in. */
gboolean
amigo_permissions_dialog_get_loaded (AmigoPermissionsDialog *self)
{
  g_return_val_if_fail (AMIGO_IS_PERMISSIONS_DIALOG (self), FALSE);
  return self->loaded;
}

/* Block public access for AMIs is on in the region. */
gboolean
amigo_permissions_dialog_get_blocked (AmigoPermissionsDialog *self)
{
  g_return_val_if_fail (AMIGO_IS_PERMISSIONS_DIALOG (self), FALSE);
  return self->blocked;
}

/* The accounts, organizations and units shown. */
guint
amigo_permissions_dialog_get_n_shares (AmigoPermissionsDialog *self)
{
  g_return_val_if_fail (AMIGO_IS_PERMISSIONS_DIALOG (self), 0);
  return self->shares->len;
}
