/* amigo-launch-dialog-review.c — the summary, and launching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The RunInstances request made from the form, the summary page that
 * shows it, the call itself (with its ClientToken, reused while what is
 * launched stays the same) and the page of new instance ids.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "amigo-row-button.h"
#include "amigo-error.h"
#include "amigo-launch-dialog-private.h"
#include "amigo-summary-row.h"
#include "amigo-task-manager.h"
#include "amigo-text.h"

/* ---- the request ------------------------------------------------------ */

struct _AmigoLaunchPlan {
  AmigoRunInstancesRequest request;
  char *name;
  char *user_data;
  GPtrArray *group_ids;         /* NULL-terminated */
  GArray *mappings;             /* (element-type AmigoBlockDeviceMapping), strings borrowed */
  GArray *tags;                 /* (element-type AmigoEc2Tag), strings in @strings */
  GPtrArray *strings;
};

typedef AmigoLaunchPlan LaunchPlan;

void
_amigo_launch_plan_free (LaunchPlan *plan)
{
  g_free (plan->name);
  g_free (plan->user_data);
  g_ptr_array_unref (plan->group_ids);
  g_array_unref (plan->mappings);
  g_array_unref (plan->tags);
  g_ptr_array_unref (plan->strings);
  g_free (plan);
}


static const char *
keep_string (LaunchPlan *plan,
             char       *string)
{
  g_ptr_array_add (plan->strings, string);
  return string;
}

/* Everything the fields say, as RunInstances takes it. */
LaunchPlan *
_amigo_launch_plan_new (AmigoLaunchDialog *self)
{
  LaunchPlan *plan = g_new0 (LaunchPlan, 1);
  AmigoRunInstancesRequest *r = &plan->request;
  AmigoSubnet *subnet = _amigo_launch_dialog_selected_subnet (self);
  const AmigoEc2Tag *tags;
  guint n_tags = 0;

  plan->name = amigo_editable_dup_stripped (GTK_EDITABLE (self->name_row));
  plan->user_data = _amigo_launch_dialog_dup_user_data (self);
  plan->group_ids = g_ptr_array_new ();
  plan->mappings = g_array_new (FALSE, TRUE, sizeof (AmigoBlockDeviceMapping));
  plan->tags = g_array_new (FALSE, TRUE, sizeof (AmigoEc2Tag));
  plan->strings = g_ptr_array_new_with_free_func (g_free);

  /* A Quick Start image may be named by its parameter: the launch, and a
   * template saved from it, always take the newest image. */
  if (_amigo_launch_dialog_image_parameter (self) != NULL)
    r->image_id = keep_string (plan, amigo_ec2_image_parameter_reference (_amigo_launch_dialog_image_parameter (self)));
  else
    r->image_id = amigo_image_get_image_id (self->image);
  r->instance_type = _amigo_launch_dialog_selected_type_name (self);
  r->min_count = r->max_count = (guint) gtk_spin_button_get_value_as_int (self->count_spin);
  r->key_name = _amigo_launch_dialog_selected_key (self);
  r->subnet_id = subnet != NULL ? amigo_subnet_get_subnet_id (subnet) : NULL;
  switch (adw_combo_row_get_selected (self->public_ip_row))
    {
    case PUBLIC_IP_ASSIGN:
      r->public_ip = AMIGO_PUBLIC_IP_ASSIGN;
      break;
    case PUBLIC_IP_NONE:
      r->public_ip = AMIGO_PUBLIC_IP_NONE;
      break;
    default:
      r->public_ip = AMIGO_PUBLIC_IP_SUBNET_DEFAULT;
      break;
    }

  for (guint i = 0; i < self->groups->len; i++)
    {
      AmigoLaunchGroup *group = g_ptr_array_index (self->groups, i);

      if (gtk_check_button_get_active (group->check))
        g_ptr_array_add (plan->group_ids, (gpointer) amigo_security_group_get_group_id (group->group));
    }
  g_ptr_array_add (plan->group_ids, NULL);
  r->security_group_ids = plan->group_ids->len > 1 ? (const char * const *) plan->group_ids->pdata : NULL;

  r->user_data = *plan->user_data != '\0' ? plan->user_data : NULL;
  r->http_tokens = gtk_switch_get_active (self->imdsv2_switch) ? "required" : "optional";

  /* Only the volumes the person changed: the others stay as the image has them. */
  for (guint i = 0; i < self->volumes->len; i++)
    {
      AmigoLaunchVolume *volume = g_ptr_array_index (self->volumes, i);
      AmigoBlockDeviceMapping mapping = { 0 };

      if (!_amigo_launch_dialog_volume_changed (volume))
        continue;
      mapping.device_name = volume->device_name;
      mapping.has_ebs = TRUE;
      mapping.ebs.volume_size = gtk_spin_button_get_value_as_int (volume->size_spin);
      mapping.ebs.volume_type = (char *) _amigo_launch_dialog_volume_type (volume);
      /* io1 and io2 need their IOPS: the image's, where it kept them. */
      mapping.ebs.iops = g_str_has_prefix (mapping.ebs.volume_type, "io") ? volume->mapping->ebs.iops : -1;
      mapping.ebs.throughput = -1;
      mapping.ebs.delete_on_termination = AMIGO_TRISTATE_UNSET;
      mapping.ebs.encrypted = AMIGO_TRISTATE_UNSET;
      g_array_append_val (plan->mappings, mapping);
    }
  r->block_device_mappings = (const AmigoBlockDeviceMapping *) (gpointer) plan->mappings->data;
  r->n_block_device_mappings = plan->mappings->len;

  if (*plan->name != '\0')
    {
      AmigoEc2Tag tag = { "Name", plan->name };

      g_array_append_val (plan->tags, tag);
    }
  tags = amigo_tags_editor_get_tags (self->tags_editor, &n_tags);
  for (guint i = 0; i < n_tags; i++)
    {
      AmigoEc2Tag tag;

      tag.key = keep_string (plan, g_strdup (tags[i].key));
      tag.value = keep_string (plan, g_strdup (tags[i].value));
      g_array_append_val (plan->tags, tag);
    }
  r->instance_tags = (const AmigoEc2Tag *) (gpointer) plan->tags->data;
  r->n_instance_tags = plan->tags->len;
  r->volume_tags = r->instance_tags;
  r->n_volume_tags = r->n_instance_tags;

  return plan;
}

const AmigoRunInstancesRequest *
_amigo_launch_plan_get_request (LaunchPlan *plan)
{
  return &plan->request;
}

/* ---- pages ------------------------------------------------------------ */

void
_amigo_launch_dialog_set_page (AmigoLaunchDialog *self,
                               const char        *page)
{
  gtk_stack_set_visible_child_name (self->stack, page);

  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), g_str_equal (page, "form"));
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), g_str_equal (page, "review"));
  if (g_str_equal (page, "form"))
    {
      gtk_button_set_label (self->primary_button, _("_Review"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->primary_button), "launch.review");
      adw_window_title_set_subtitle (self->window_title, NULL);
    }
  else if (g_str_equal (page, "review"))
    {
      gtk_button_set_label (self->primary_button, _("_Launch"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->primary_button), "launch.launch");
      adw_window_title_set_subtitle (self->window_title, _("Summary"));
    }
  else
    {
      gtk_button_set_label (self->primary_button, _("_Close"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->primary_button), "window.close");
      adw_window_title_set_subtitle (self->window_title, NULL);
    }
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->primary_button));
  _amigo_launch_dialog_update_state (self);
}

const char *
_amigo_launch_dialog_get_page (AmigoLaunchDialog *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

/* A field of the summary: its name, small, above its value. */
static void
add_review_row (AmigoLaunchDialog *self,
                const char        *title,
                const char        *value)
{
  GtkWidget *row = amigo_summary_row_new (title, value);

  adw_preferences_group_add (self->review_group, row);
  g_ptr_array_add (self->review_rows, row);
}

static char *
describe_image (AmigoLaunchDialog *self)
{
  AmigoImage *image = self->image;
  const char *name = amigo_image_get_name (image);
  const char *parameter = _amigo_launch_dialog_image_parameter (self);

  if (parameter != NULL)
    /* Translators: %s is a Systems Manager parameter's name */
    return g_strdup_printf (_("The newest image %s names"), parameter);
  if (name == NULL || *name == '\0')
    return g_strdup (amigo_image_get_image_id (image));
  return g_strdup_printf ("%s (%s)", name, amigo_image_get_image_id (image));
}

static void
fill_review (AmigoLaunchDialog *self,
             LaunchPlan        *plan)
{
  const AmigoRunInstancesRequest *r = &plan->request;
  g_autoptr(GString) groups = g_string_new (NULL);
  g_autoptr(GString) volumes = g_string_new (NULL);
  g_autoptr(GString) tags = g_string_new (NULL);
  g_autofree char *image = describe_image (self);
  g_autofree char *type = _amigo_launch_dialog_describe_type (_amigo_launch_dialog_selected_type (self));
  g_autofree char *count = g_strdup_printf ("%u", r->min_count);
  g_autofree char *network = NULL;
  g_autofree char *user_data = NULL;
  AmigoSubnet *subnet = _amigo_launch_dialog_selected_subnet (self);
  const char *public_ip;

  for (guint i = 0; i < self->review_rows->len; i++)
    adw_preferences_group_remove (self->review_group, g_ptr_array_index (self->review_rows, i));
  g_ptr_array_set_size (self->review_rows, 0);

  switch (r->public_ip)
    {
    case AMIGO_PUBLIC_IP_ASSIGN:
      public_ip = _("with a public IP address");
      break;
    case AMIGO_PUBLIC_IP_NONE:
      public_ip = _("without a public IP address");
      break;
    case AMIGO_PUBLIC_IP_SUBNET_DEFAULT:
    default:
      public_ip = _("public IP address as the subnet says");
      break;
    }
  if (subnet != NULL)
    {
      g_autofree char *label = _amigo_launch_dialog_describe_subnet (subnet);

      /* Translators: a subnet, then what happens to public IP addresses */
      network = g_strdup_printf (_("%s, %s"), label, public_ip);
    }
  else
    /* Translators: %s is the default VPC's id, then what happens to public IP addresses */
    network = g_strdup_printf (_("Default VPC (%s), %s"), self->default_vpc_id ?: "?", public_ip);

  for (guint i = 0; i < self->groups->len; i++)
    {
      AmigoLaunchGroup *group = g_ptr_array_index (self->groups, i);

      if (!gtk_check_button_get_active (group->check))
        continue;
      if (groups->len > 0)
        g_string_append (groups, ", ");
      g_string_append_printf (groups, "%s (%s)", amigo_security_group_get_group_name (group->group) ?: "",
                              amigo_security_group_get_group_id (group->group));
    }
  if (groups->len == 0)
    g_string_append (groups, _("The VPC’s default group"));

  for (guint i = 0; i < self->volumes->len; i++)
    {
      AmigoLaunchVolume *volume = g_ptr_array_index (self->volumes, i);

      if (volumes->len > 0)
        g_string_append_c (volumes, '\n');
      if (volume->size_spin != NULL)
        /* Translators: a device name, a size in GiB and a volume type, as in “/dev/xvda: 8 GiB gp3” */
        g_string_append_printf (volumes, _("%s: %d GiB %s"), volume->device_name,
                                gtk_spin_button_get_value_as_int (volume->size_spin),
                                _amigo_launch_dialog_volume_type (volume));
      else
        g_string_append_printf (volumes, _("%s: instance store"), volume->device_name);
    }
  if (volumes->len == 0)
    g_string_append (volumes, _("As the image says"));

  for (guint i = 0; i < r->n_instance_tags; i++)
    {
      if (tags->len > 0)
        g_string_append_c (tags, '\n');
      g_string_append_printf (tags, "%s = %s", r->instance_tags[i].key, r->instance_tags[i].value);
    }
  if (tags->len == 0)
    g_string_append (tags, C_("tags", "None"));

  if (r->user_data != NULL)
    {
      g_autofree char *size = g_format_size_full (strlen (r->user_data), G_FORMAT_SIZE_IEC_UNITS);

      user_data = g_strdup (size);
    }
  else
    user_data = g_strdup (C_("user data", "None"));

  add_review_row (self, _("Image"), image);
  add_review_row (self, _("Instance Type"), type);
  add_review_row (self, _("Number of Instances"), count);
  add_review_row (self, _("Key Pair"), r->key_name != NULL ? r->key_name
                                                           : _("None: SSH needs another way in"));
  add_review_row (self, _("Network"), network);
  add_review_row (self, _("Security Groups"), groups->str);
  add_review_row (self, _("Storage"), volumes->str);
  add_review_row (self, _("Instance Metadata"),
                  g_str_equal (r->http_tokens, "required") ? _("IMDSv2 required")
                                                           : _("IMDSv1 and IMDSv2"));
  add_review_row (self, _("User Data"), user_data);
  add_review_row (self, _("Tags"), tags->str);
}

/**
 * _amigo_launch_dialog_review:
 *
 * Returns: %TRUE if the summary is shown, %FALSE if a field is wrong
 */
gboolean
_amigo_launch_dialog_review (AmigoLaunchDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_autoptr(AmigoLaunchPlan) plan = NULL;

  g_return_val_if_fail (AMIGO_IS_LAUNCH_DIALOG (self), FALSE);

  self->submitted = TRUE;
  if (amigo_action_dialog_get_busy (base) || !_amigo_launch_dialog_validate (self))
    {
      _amigo_launch_dialog_update_state (self);
      return FALSE;
    }

  plan = _amigo_launch_plan_new (self);
  fill_review (self, plan);
  amigo_action_dialog_show_problem (base, NULL);
  _amigo_launch_dialog_set_page (self, "review");
  _amigo_launch_dialog_show_template (self);
  return TRUE;
}

void
_amigo_launch_dialog_back (AmigoLaunchDialog *self)
{
  if (!amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (self)))
    _amigo_launch_dialog_set_page (self, "form");
}

/* ---- launching ---------------------------------------------------------- */

/**
 * _amigo_launch_dialog_dup_marketplace_url:
 *
 * Returns: (transfer full) (nullable): where to subscribe to @image's
 *   AWS Marketplace product
 */
char *
_amigo_launch_dialog_dup_marketplace_url (AmigoImage *image)
{
  const AmigoProductCode *codes;
  guint n = 0;

  codes = amigo_image_get_product_codes (image, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *escaped = NULL;

      if (codes[i].product_code_id == NULL || *codes[i].product_code_id == '\0' ||
          (codes[i].product_code_type != NULL && !g_str_equal (codes[i].product_code_type, "marketplace")))
        continue;
      escaped = g_uri_escape_string (codes[i].product_code_id, NULL, FALSE);
      return g_strconcat (MARKETPLACE_URL, escaped, NULL);
    }
  return NULL;
}

/**
 * _amigo_launch_dialog_show_launch_error:
 *
 * Shows why RunInstances failed, above the summary. For a Marketplace
 * image the account has not subscribed to (OptInRequired), AWS's words
 * come with a button to the product's subscription page.
 */
void
_amigo_launch_dialog_show_launch_error (AmigoLaunchDialog *self,
                                        const GError      *error)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  const AmigoAwsErrorDetails *details = amigo_aws_error_get_details (error);
  gboolean opt_in = amigo_aws_error_has_aws_code (error, "OptInRequired");

  g_clear_pointer (&self->subscription_url, g_free);
  if (opt_in)
    {
      /* AWS's words, and the button to subscribe says what to do. */
      self->subscription_url = _amigo_launch_dialog_dup_marketplace_url (self->image);
      amigo_action_dialog_show_problem (base,
                                        details != NULL && details->aws_message != NULL
                                        ? details->aws_message : error->message);
    }
  else
    amigo_action_dialog_show_error (base, NULL, error);

  gtk_widget_set_visible (GTK_WIDGET (self->subscribe_button), self->subscription_url != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "launch.subscribe", self->subscription_url != NULL);
  if (!g_str_equal (_amigo_launch_dialog_get_page (self), "review"))
    _amigo_launch_dialog_set_page (self, "review");
  _amigo_launch_dialog_update_state (self);
}

static void
on_id_copied_cb (GtkButton *button)
{
  gtk_button_set_icon_name (button, "emblem-ok-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("Copied"));
}

static void
show_instances (AmigoLaunchDialog *self)
{
  guint n = self->instance_ids->len;
  g_autofree char *title = NULL;

  amigo_list_box_remove_all (self->instances_list);
  for (guint i = 0; i < n; i++)
    {
      const char *id = g_ptr_array_index (self->instance_ids, i);
      GtkWidget *row = amigo_action_row_new_literal (id, NULL);
      /* Translators: %s is an instance id */
      g_autofree char *label = g_strdup_printf (_("Copy %s"), id);
      GtkWidget *button = amigo_copy_button_new (id, _("Copy"), label);

      gtk_widget_add_css_class (row, "monospace");
      g_signal_connect (button, "clicked", G_CALLBACK (on_id_copied_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->instances_list, row);
    }

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Instance Launched", "%u Instances Launched", n), n);
  adw_status_page_set_title (self->done_page, title);
  amigo_status_page_set_description_literal (self->done_page,
                                             g_dngettext (GETTEXT_PACKAGE,
                                                          "It is starting; the task list follows it until it runs.",
                                                          "They are starting; the task list follows them until they run.",
                                                          n));
  _amigo_launch_dialog_set_page (self, "done");
}

static void
add_task (AmigoLaunchDialog *self,
          const char        *name)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  guint n = self->instance_ids->len;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autofree char *title = NULL;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (ids, g_ptr_array_index (self->instance_ids, i));
  g_ptr_array_add (ids, NULL);
  /* Translators: a task's title: how many instances, and their name or
   * their image's */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Launch of %u instance of “%s”",
                                        "Launch of %u instances of “%s”", n),
                           n, name);
  amigo_action_context_add_task (amigo_action_dialog_get_context (base), AMIGO_TASK_KIND_LAUNCH,
                                 amigo_ec2_get_region (self->ec2),
                                 (const char * const *) ids->pdata, title, NULL);
}

typedef struct {
  AmigoLaunchDialog *self;
  char *name;
} LaunchCall;

static void
launch_call_free (LaunchCall *call)
{
  g_object_unref (call->self);
  g_free (call->name);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LaunchCall, launch_call_free)

static void
run_instances_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LaunchCall) call = user_data;
  AmigoLaunchDialog *self = call->self;
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_autoptr(GPtrArray) instances = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  guint n;

  instances = amigo_ec2_run_instances_finish (AMIGO_EC2 (source), result, &error);
  amigo_action_dialog_set_busy (base, FALSE);

  if (instances == NULL)
    {
      if (!amigo_action_dialog_is_closed (base))
        _amigo_launch_dialog_show_launch_error (self, error);
      return;
    }

  g_ptr_array_set_size (self->instance_ids, 0);
  for (guint i = 0; i < instances->len; i++)
    g_ptr_array_add (self->instance_ids,
                     g_strdup (amigo_instance_get_instance_id (g_ptr_array_index (instances, i))));
  n = self->instance_ids->len;
  add_task (self, call->name);
  toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Launching %u instance", "Launching %u instances", n), n);
  amigo_action_context_toast (amigo_action_dialog_get_context (base), toast);

  if (!amigo_action_dialog_is_closed (base))
    show_instances (self);
}

/**
 * _amigo_launch_dialog_launch:
 *
 * Sends RunInstances with what the summary shows.
 *
 * Returns: %FALSE if nothing was sent (a wrong field, or a launch under way)
 */
gboolean
_amigo_launch_dialog_launch (AmigoLaunchDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_autoptr(AmigoLaunchPlan) plan = NULL;
  g_autofree char *fingerprint = NULL;
  LaunchCall *call;

  g_return_val_if_fail (AMIGO_IS_LAUNCH_DIALOG (self), FALSE);

  if (amigo_action_dialog_get_busy (base) || self->instance_ids->len > 0 || !_amigo_launch_dialog_validate (self))
    return FALSE;

  plan = _amigo_launch_plan_new (self);
  /* One token per launch: kept while the request stays the same, so trying
   * again after an error never launches twice. */
  fingerprint = amigo_ec2_run_instances_fingerprint (&plan->request);
  plan->request.client_token = amigo_client_token_policy_get_token (self->token, fingerprint);

  amigo_action_dialog_show_problem (base, NULL);
  amigo_action_dialog_set_busy (base, TRUE);
  call = g_new0 (LaunchCall, 1);
  call->self = g_object_ref (self);
  call->name = g_strdup (*plan->name != '\0' ? plan->name
                         : amigo_image_get_name (self->image) ?: amigo_image_get_image_id (self->image));
  amigo_ec2_run_instances_async (self->ec2, &plan->request, amigo_action_dialog_get_cancellable (base),
                                 run_instances_cb, call);
  return TRUE;
}
