/* amigo-image-details-permissions.c — who may launch the image
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The launch permissions group of the details pane: asked for on demand
 * (one more request), then shown as rows.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-image-details-private.h"

/* ---- Launch permissions ------------------------------------------------ */

static void
add_permission_row (AmigoImageDetails *self,
                    GtkWidget         *row)
{
  adw_preferences_group_add (self->launch_permissions_group, row);
  g_ptr_array_add (self->permission_rows, row);
}

static void
set_permissions_state (AmigoImageDetails      *self,
                       LaunchPermissionsState  state)
{
  GtkWidget *button = GTK_WIDGET (self->launch_permissions_button);
  const char *tooltip;

  self->permissions_state = state;
  _amigo_image_details_clear_rows (self->permission_rows);

  if (state == LAUNCH_PERMISSIONS_IDLE)
    {
      gtk_button_set_label (self->launch_permissions_button, _("_Show"));
      gtk_button_set_use_underline (self->launch_permissions_button, TRUE);
      tooltip = _("Load who can launch this image");
    }
  else
    {
      gtk_button_set_icon_name (self->launch_permissions_button, "view-refresh-symbolic");
      tooltip = _("Reload launch permissions");
    }
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_set_sensitive (button, state != LAUNCH_PERMISSIONS_LOADING);

  if (state == LAUNCH_PERMISSIONS_LOADING)
    {
      GtkWidget *row = _amigo_image_details_make_row (_("Loading…"), NULL, NULL);
      GtkWidget *spinner = gtk_spinner_new ();

      gtk_spinner_start (GTK_SPINNER (spinner));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), spinner);
      add_permission_row (self, row);
    }
}

static void
show_permissions (AmigoImageDetails   *self,
                  AmigoImageAttribute *attribute)
{
  const AmigoLaunchPermission *permissions;
  guint n_permissions = 0;

  set_permissions_state (self, LAUNCH_PERMISSIONS_LOADED);

  permissions = amigo_image_attribute_get_launch_permissions (attribute, &n_permissions);
  if (n_permissions == 0)
    {
      add_permission_row (self, _amigo_image_details_make_row (_("Not shared"),
                                                               _("Only the owner can launch it"), NULL));
      return;
    }

  for (guint i = 0; i < n_permissions; i++)
    {
      const AmigoLaunchPermission *permission = &permissions[i];
      GtkWidget *row;

      if (g_strcmp0 (permission->group, "all") == 0)
        row = _amigo_image_details_make_row (_("Public (everyone)"), _("Every AWS account can launch it"), NULL);
      else if (_amigo_image_details_is_set (permission->user_id))
        row = _amigo_image_details_make_row (_("Account"), NULL, permission->user_id);
      else if (_amigo_image_details_is_set (permission->organization_arn))
        row = _amigo_image_details_make_row (_("Organization"), NULL, permission->organization_arn);
      else if (_amigo_image_details_is_set (permission->organizational_unit_arn))
        row = _amigo_image_details_make_row (_("Organizational unit"), NULL, permission->organizational_unit_arn);
      else if (_amigo_image_details_is_set (permission->group))
        row = _amigo_image_details_make_row (_("Group"), NULL, permission->group);
      else
        continue;

      add_permission_row (self, row);
    }
}

static void
show_permissions_error (AmigoImageDetails *self,
                        const GError      *error)
{
  GtkWidget *row;
  GtkWidget *icon;

  set_permissions_state (self, LAUNCH_PERMISSIONS_FAILED);

  row = _amigo_image_details_make_row (_("Could not load the launch permissions"), error->message, NULL);
  icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  gtk_widget_add_css_class (icon, "error");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  add_permission_row (self, row);
}

/* What a launch-permission request carries to its callback. */
typedef struct {
  AmigoImageDetails *self;      /* owned */
  GCancellable *cancellable;    /* owned: tells this request from a newer one */
} PermissionsRequest;

static void
permissions_request_free (PermissionsRequest *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->cancellable);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PermissionsRequest, permissions_request_free)

static void
launch_permissions_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(PermissionsRequest) request = user_data;
  AmigoImageDetails *self = request->self;
  g_autoptr(AmigoImageAttribute) attribute = NULL;
  g_autoptr(GError) error = NULL;

  attribute = amigo_ec2_describe_image_attribute_finish (AMIGO_EC2 (source), result, &error);

  /* Another image, another fetch, or the pane went away meanwhile. */
  if (g_cancellable_is_cancelled (request->cancellable) ||
      request->cancellable != self->permissions_cancellable)
    return;

  g_clear_object (&self->permissions_cancellable);

  if (attribute == NULL)
    show_permissions_error (self, error);
  else
    show_permissions (self, attribute);
}

void
_amigo_image_details_cancel_permissions (AmigoImageDetails *self)
{
  if (self->permissions_cancellable != NULL)
    g_cancellable_cancel (self->permissions_cancellable);
  g_clear_object (&self->permissions_cancellable);
}

static void
load_permissions (AmigoImageDetails *self)
{
  PermissionsRequest *request;

  g_return_if_fail (self->ec2 != NULL && self->image != NULL);

  _amigo_image_details_cancel_permissions (self);
  self->permissions_cancellable = g_cancellable_new ();
  set_permissions_state (self, LAUNCH_PERMISSIONS_LOADING);

  request = g_new0 (PermissionsRequest, 1);
  request->self = g_object_ref (self);
  request->cancellable = g_object_ref (self->permissions_cancellable);
  amigo_ec2_describe_image_attribute_async (self->ec2,
                                            amigo_image_get_image_id (self->image),
                                            AMIGO_IMAGE_ATTRIBUTE_LAUNCH_PERMISSION,
                                            self->permissions_cancellable,
                                            launch_permissions_cb,
                                            request);
}

void
_amigo_image_details_on_launch_permissions_button_clicked_cb (AmigoImageDetails *self)
{
  load_permissions (self);
}

void
_amigo_image_details_reset_permissions (AmigoImageDetails *self)
{
  /* Only the owner may read them: asking for someone else's image fails.
   * When the account number is unknown, let the person try. */
  gboolean visible = self->image != NULL && self->ec2 != NULL &&
                     (self->account_number == NULL || _amigo_image_details_is_owned (self));

  _amigo_image_details_cancel_permissions (self);
  set_permissions_state (self, LAUNCH_PERMISSIONS_IDLE);
  gtk_widget_set_visible (GTK_WIDGET (self->launch_permissions_group), visible);
}

