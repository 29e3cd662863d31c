/* amigo-launch-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Launching instances of an image in three pages: the form (filled from
 * what the region offers: instance types that can run the image, key
 * pairs, subnets, security groups), a summary to check, and the new
 * instance ids. The RunInstances request carries a ClientToken made once
 * per launch and kept while what is launched stays the same, so pressing
 * Launch again after an error never launches twice.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "amigo-actions.h"
#include "amigo-a11y.h"
#include "amigo-error.h"
#include "amigo-launch-dialog-private.h"
#include "amigo-tags-editor.h"
#include "amigo-task-manager.h"
#include "amigo-volume-row.h"

G_DEFINE_FINAL_TYPE (AmigoLaunchDialog, amigo_launch_dialog, AMIGO_TYPE_ACTION_DIALOG)

/* The problem display every action dialog shares, under the name the
 * rows below use. */
#define set_error_class(widget, error) amigo_action_dialog_set_invalid ((widget), (error))

/* ---- small helpers ---------------------------------------------------- */

const char *
_amigo_launch_dialog_tag_value (const AmigoTag *tags,
                                guint           n_tags,
                                const char     *key)
{
  for (guint i = 0; i < n_tags; i++)
    if (g_strcmp0 (tags[i].key, key) == 0)
      return tags[i].value;
  return NULL;
}

/* ---- volumes ---------------------------------------------------------- */

static void
launch_volume_free (AmigoLaunchVolume *volume)
{
  g_clear_pointer (&volume->mapping, amigo_block_device_mapping_free);
  g_free (volume->device_name);
  g_free (volume);
}

static gint
volume_min_size (AmigoLaunchVolume *volume)
{
  return MAX (volume->mapping->ebs.volume_size, 1);
}

const char *
_amigo_launch_dialog_volume_type (AmigoLaunchVolume *volume)
{
  guint selected = adw_combo_row_get_selected (volume->type_row);

  return gtk_string_list_get_string (volume->types, selected);
}

static const char *
image_volume_type (AmigoLaunchVolume *volume)
{
  return volume->mapping->ebs.volume_type != NULL ? volume->mapping->ebs.volume_type : "gp2";
}

gboolean
_amigo_launch_dialog_volume_changed (AmigoLaunchVolume *volume)
{
  return volume->size_spin != NULL &&
         (gtk_spin_button_get_value_as_int (volume->size_spin) != volume->mapping->ebs.volume_size ||
          g_strcmp0 (_amigo_launch_dialog_volume_type (volume), image_volume_type (volume)) != 0);
}

static void
on_volume_changed_cb (AmigoLaunchDialog *self)
{
  if (!self->filling)
    _amigo_launch_dialog_update_state (self);
}

/* A volume that cannot be changed (instance store): a plain row. */
static AmigoLaunchVolume *
add_volume_row (AmigoLaunchDialog *self,
                const char        *device_name,
                GtkWidget         *row,
                const char        *subtitle,
                gboolean           root)
{
  AmigoLaunchVolume *volume = g_new0 (AmigoLaunchVolume, 1);
  g_autofree char *title = NULL;

  volume->device_name = g_strdup (device_name);
  volume->root = root;
  volume->row = row != NULL ? row : adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (volume->row), FALSE);
  /* Translators: the root volume's device name, e.g. “/dev/xvda (root)” */
  title = root ? g_strdup_printf (_("%s (root)"), device_name) : g_strdup (device_name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (volume->row), title);
  if (ADW_IS_ACTION_ROW (volume->row))
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (volume->row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (volume->row), 0);
    }
  else
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (volume->row), subtitle);
  adw_preferences_group_add (self->volumes_group, volume->row);
  g_ptr_array_add (self->volumes, volume);
  return volume;
}

/* An EBS volume: its size and type can change, the rest of the shared
 * volume row (IOPS, delete on termination) is not offered here. */
static void
add_ebs_volume (AmigoLaunchDialog             *self,
                const AmigoBlockDeviceMapping *mapping,
                gboolean                       root)
{
  static const char * const offered[] = { "gp3", "gp2", "standard", NULL };
  static const char * const offered_data[] = { "st1", "sc1", NULL };
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  AmigoVolumeRow *row = AMIGO_VOLUME_ROW (amigo_volume_row_new (mapping->device_name, NULL));
  AmigoLaunchVolume *volume;
  g_autofree char *subtitle = NULL;
  const char *own_type;

  if (mapping->ebs.snapshot_id != NULL)
    /* Translators: %s is a snapshot id, %d its size in GiB */
    subtitle = g_strdup_printf (_("From %s, at least %d GiB"), mapping->ebs.snapshot_id,
                                MAX (mapping->ebs.volume_size, 1));
  else
    subtitle = g_strdup (_("An empty EBS volume"));

  volume = add_volume_row (self, mapping->device_name, GTK_WIDGET (row), subtitle, root);
  volume->mapping = amigo_block_device_mapping_copy (mapping);
  amigo_volume_row_set_iops_shown (row, FALSE);
  amigo_volume_row_set_delete_shown (row, FALSE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);

  amigo_volume_row_set_size (row, 1, AMIGO_EC2_VOLUME_SIZE_MAX, volume_min_size (volume), NULL);
  volume->size_spin = amigo_volume_row_get_size_spin (row);
  g_signal_connect_swapped (volume->size_spin, "value-changed", G_CALLBACK (on_volume_changed_cb), self);

  /* The types EC2 takes without more settings, and the image's own. */
  own_type = image_volume_type (volume);
  gtk_string_list_append (types, own_type);
  for (guint i = 0; offered[i] != NULL; i++)
    if (g_strcmp0 (offered[i], own_type) != 0)
      gtk_string_list_append (types, offered[i]);
  for (guint i = 0; !root && offered_data[i] != NULL; i++)
    if (g_strcmp0 (offered_data[i], own_type) != 0)
      gtk_string_list_append (types, offered_data[i]);
  amigo_volume_row_set_types (row, G_LIST_MODEL (types), 0);
  volume->types = types;
  volume->type_row = amigo_volume_row_get_type_row (row);
  g_signal_connect_swapped (volume->type_row, "notify::selected", G_CALLBACK (on_volume_changed_cb), self);
}

static void
fill_volumes (AmigoLaunchDialog *self)
{
  const AmigoBlockDeviceMapping *mappings;
  const char *root_name = amigo_image_get_root_device_name (self->image);
  gboolean instance_store = g_strcmp0 (amigo_image_get_root_device_type (self->image), "instance-store") == 0;
  gboolean root_seen = FALSE;
  guint n = 0;

  mappings = amigo_image_get_block_device_mappings (self->image, &n);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (mappings[i].device_name, root_name) == 0)
      root_seen = TRUE;

  /* An instance-store image boots from a copy of its S3 bundle. */
  if (instance_store && !root_seen && root_name != NULL)
    add_volume_row (self, root_name, NULL, _("Instance store, from the image’s bundle"), TRUE);

  for (guint i = 0; i < n; i++)
    {
      const AmigoBlockDeviceMapping *mapping = &mappings[i];
      gboolean root = g_strcmp0 (mapping->device_name, root_name) == 0;

      if (mapping->no_device != NULL || mapping->device_name == NULL)
        continue;
      if (mapping->has_ebs)
        add_ebs_volume (self, mapping, root);
      else if (mapping->virtual_name != NULL)
        {
          /* Translators: %s is an instance store volume, e.g. ephemeral0 */
          g_autofree char *subtitle = g_strdup_printf (_("Instance store (%s): on the host, "
                                                         "lost when the instance stops"),
                                                       mapping->virtual_name);

          add_volume_row (self, mapping->device_name, NULL, subtitle, root);
        }
    }

  if (self->volumes->len == 0)
    adw_preferences_group_set_description (self->volumes_group, _("The image lists no volumes"));
}

/* ---- tags ------------------------------------------------------------- */

/* ---- validation ------------------------------------------------------- */

char *
_amigo_launch_dialog_dup_user_data (AmigoLaunchDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->user_data_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* One problem a line. */
static void
add_problem (GString    *problems,
             const char *text)
{
  g_string_append_printf (problems, "%s\n", text);
}

static gboolean
validate_volumes (AmigoLaunchDialog *self,
                  GString           *problems)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < self->volumes->len; i++)
    {
      AmigoLaunchVolume *volume = g_ptr_array_index (self->volumes, i);
      const AmigoEc2VolumeLimits *limits;
      const char *type;
      gint size, min = 1, max = AMIGO_EC2_VOLUME_SIZE_MAX;
      gboolean bad = FALSE;

      if (volume->size_spin == NULL)
        continue;
      size = gtk_spin_button_get_value_as_int (volume->size_spin);
      type = _amigo_launch_dialog_volume_type (volume);
      limits = amigo_ec2_get_volume_limits (type);
      if (limits != NULL)
        {
          min = limits->min_size;
          max = limits->max_size;
        }

      if (size < volume_min_size (volume))
        {
          /* Translators: %s is a device name, %d a size in GiB */
          g_autofree char *text = g_strdup_printf (_("%s must be at least %d GiB, the size of its snapshot."),
                                                   volume->device_name, volume_min_size (volume));
          bad = TRUE;
          add_problem (problems, text);
        }
      else if (size < min || size > max)
        {
          /* Translators: a device name, a volume type such as gp3, then sizes in GiB */
          g_autofree char *text = g_strdup_printf (_("%s: %s volumes are %d to %d GiB."),
                                                   volume->device_name, type, min, max);
          bad = TRUE;
          add_problem (problems, text);
        }
      set_error_class (volume->size_spin, bad);
      ok = ok && !bad;
    }
  return ok;
}

static void
set_problems (GtkLabel *label,
              GString  *problems)
{
  if (problems->len > 0 && problems->str[problems->len - 1] == '\n')
    g_string_truncate (problems, problems->len - 1);
  amigo_action_dialog_show_field_problem (NULL, label, problems->str);
}

/* Checks every field and shows what is wrong. Returns whether Review may
 * go on. */
gboolean
_amigo_launch_dialog_validate (AmigoLaunchDialog *self)
{
  g_autoptr(GString) instance_problems = g_string_new (NULL);
  g_autoptr(GString) volume_problems = g_string_new (NULL);
  g_autofree char *name = amigo_editable_dup_stripped (GTK_EDITABLE (self->name_row));
  g_autofree char *user_data = _amigo_launch_dialog_dup_user_data (self);
  gsize user_data_size = strlen (user_data);
  gboolean ok = TRUE;
  gboolean name_ok;

  /* What the instances are */
  name_ok = g_utf8_strlen (name, -1) <= INSTANCE_NAME_MAX;
  if (!name_ok)
    {
      g_autofree char *text = g_strdup_printf (_("A name is at most %d characters long."), INSTANCE_NAME_MAX);

      add_problem (instance_problems, text);
    }
  set_error_class (self->name_row, !name_ok);
  ok = ok && name_ok;

  if (self->types_error != NULL)
    {
      add_problem (instance_problems, self->types_error);
      ok = FALSE;
    }
  else if (self->types_loaded && self->zone_types != NULL && self->fitting_types != NULL &&
           self->fitting_types->len > 0 && g_list_model_get_n_items (G_LIST_MODEL (self->instance_types)) == 0)
    {
      g_autofree char *text =
        /* Translators: %s is an Availability Zone, e.g. us-east-1e */
        g_strdup_printf (_("No instance type that can run this image is offered in %s. Choose a subnet in another zone."),
                         self->types_zone);

      add_problem (instance_problems, text);
      ok = FALSE;
    }
  else if (self->types_loaded && g_list_model_get_n_items (G_LIST_MODEL (self->instance_types)) == 0)
    {
      add_problem (instance_problems, _("No instance type of this region can run this image."));
      ok = FALSE;
    }
  else if (_amigo_launch_dialog_selected_type (self) == NULL)
    ok = FALSE;             /* still loading: the spinner says so */
  set_problems (self->instance_message, instance_problems);

  /* Where they go */
  if (self->vpcs_loaded && _amigo_launch_dialog_selected_subnet (self) == NULL && self->default_vpc_id == NULL)
    {
      ok = FALSE;
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->subnet_row),
                                   _("This region has no default VPC: choose a subnet"));
      adw_combo_row_set_use_subtitle (self->subnet_row, FALSE);
      set_error_class (self->subnet_row, TRUE);
    }
  else if (!self->subnets_failed)
    {
      adw_combo_row_set_use_subtitle (self->subnet_row, TRUE);
      set_error_class (self->subnet_row, FALSE);
    }

  ok = validate_volumes (self, volume_problems) && ok;
  set_problems (self->volumes_message, volume_problems);

  /* User data */
  if (user_data_size > AMIGO_EC2_USER_DATA_MAX)
    {
      g_autofree char *size = g_format_size_full (user_data_size, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *text = NULL;

      /* Translators: %s is a size such as “17.2 KiB” */
      text = g_strdup_printf (_("The user data is %s; EC2 takes at most 16 KiB."), size);
      gtk_widget_remove_css_class (GTK_WIDGET (self->user_data_message), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->user_data_message), "error");
      amigo_action_dialog_show_field_problem (NULL, self->user_data_message, text);
      ok = FALSE;
    }
  else
    {
      g_autofree char *size = g_format_size_full (user_data_size, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *text = NULL;

      /* Translators: %s is a size such as “1.2 KiB” */
      text = user_data_size > 0 ? g_strdup_printf (_("%s of 16 KiB"), size) : NULL;
      gtk_widget_remove_css_class (GTK_WIDGET (self->user_data_message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->user_data_message), "dim-label");
      amigo_action_dialog_show_field_problem (NULL, self->user_data_message, text);
    }

  /* Tags: the name field sets the Name tag. */
  amigo_tags_editor_set_taken_key (self->tags_editor, *name != '\0' ? "Name" : NULL,
                                   _("The Name field above already sets the Name tag."));
  ok = amigo_tags_editor_is_valid (self->tags_editor) && ok;

  return ok;
}

/* ---- state ------------------------------------------------------------ */

void
_amigo_launch_dialog_update_state (AmigoLaunchDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  gboolean valid;
  const char *page;
  gboolean on_form;
  gboolean busy = amigo_action_dialog_get_busy (base);

  /* Disposed: the widgets are going. */
  if (amigo_action_dialog_is_closed (base))
    return;

  valid = _amigo_launch_dialog_validate (self);
  page = _amigo_launch_dialog_get_page (self);
  on_form = g_strcmp0 (page, "form") == 0;
  gtk_widget_set_visible (self->key_warning,
                          adw_combo_row_get_selected (self->key_row) == 0 &&
                          (self->keys_loaded || self->key_chosen));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "launch.review", valid && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "launch.launch",
                                 valid && !busy && self->instance_ids->len == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "launch.back", !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form_page), on_form && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "launch.save-template",
                                 valid && !busy && g_strcmp0 (page, "review") == 0);
}

/* ---- callbacks -------------------------------------------------------- */

static void
on_field_changed_cb (AmigoLaunchDialog *self)
{
  if (!self->filling)
    _amigo_launch_dialog_update_state (self);
}

static void
on_key_changed_cb (AmigoLaunchDialog *self)
{
  if (self->filling)
    return;
  self->key_chosen = TRUE;
  _amigo_launch_dialog_update_state (self);
}

static void
on_subnet_changed_cb (AmigoLaunchDialog *self)
{
  if (self->filling)
    return;
  _amigo_launch_dialog_show_groups (self);
  _amigo_launch_dialog_update_zone (self);
  _amigo_launch_dialog_update_state (self);
}

/* launch.review, launch.launch and launch.back: the dialog's steps */
static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AmigoLaunchDialog *self = AMIGO_LAUNCH_DIALOG (widget);

  if (g_str_equal (action_name, "launch.review"))
    _amigo_launch_dialog_review (self);
  else if (g_str_equal (action_name, "launch.launch"))
    _amigo_launch_dialog_launch (self);
  else
    _amigo_launch_dialog_back (self);
}

static void
subscribe_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AmigoLaunchDialog *self = AMIGO_LAUNCH_DIALOG (widget);

  if (self->subscription_url != NULL)
    gtk_show_uri (GTK_WINDOW (self), self->subscription_url, GDK_CURRENT_TIME);
}

/* ---- object ------------------------------------------------------------ */

static void
busy_changed (AmigoActionDialog *dialog)
{
  _amigo_launch_dialog_update_state (AMIGO_LAUNCH_DIALOG (dialog));
}

static void
amigo_launch_dialog_dispose (GObject *object)
{
  AmigoLaunchDialog *self = AMIGO_LAUNCH_DIALOG (object);

  /* Closed from now on: what the widgets emit as they go is not acted on. */
  g_cancellable_cancel (amigo_action_dialog_get_cancellable (AMIGO_ACTION_DIALOG (self)));

  gtk_widget_dispose_template (GTK_WIDGET (self), AMIGO_TYPE_LAUNCH_DIALOG);

  G_OBJECT_CLASS (amigo_launch_dialog_parent_class)->dispose (object);
}

static void
amigo_launch_dialog_finalize (GObject *object)
{
  AmigoLaunchDialog *self = AMIGO_LAUNCH_DIALOG (object);

  g_clear_object (&self->image);
  g_clear_object (&self->ec2);
  g_clear_object (&self->instance_types);
  g_clear_pointer (&self->fitting_types, g_ptr_array_unref);
  _amigo_launch_dialog_clear_zone (self);
  g_ptr_array_unref (self->key_names);
  g_ptr_array_unref (self->subnets);
  g_ptr_array_unref (self->all_groups);
  g_hash_table_unref (self->chosen_groups);
  g_ptr_array_unref (self->instance_ids);
  g_ptr_array_unref (self->groups);
  g_ptr_array_unref (self->volumes);
  g_ptr_array_unref (self->review_rows);
  g_free (self->default_vpc_id);
  g_free (self->groups_vpc_id);
  amigo_client_token_policy_free (self->token);
  g_free (self->subscription_url);
  g_free (self->types_error);
  _amigo_launch_dialog_finalize_template (self);

  G_OBJECT_CLASS (amigo_launch_dialog_parent_class)->finalize (object);
}

static void
amigo_launch_dialog_class_init (AmigoLaunchDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmigoActionDialogClass *dialog_class = AMIGO_ACTION_DIALOG_CLASS (klass);

  object_class->dispose = amigo_launch_dialog_dispose;
  object_class->finalize = amigo_launch_dialog_finalize;
  dialog_class->busy_changed = busy_changed;

  g_type_ensure (AMIGO_TYPE_TAGS_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/actions/amigo-launch-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, primary_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, form_page);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, image_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, newest_image_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, newest_image_switch);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, type_spinner);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, count_spin);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, instance_message);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, key_warning);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, imdsv2_switch);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, subnet_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, public_ip_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, groups_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, groups_message);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, volumes_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, volumes_message);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, user_data_view);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, user_data_message);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, tags_editor);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, subscribe_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, review_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, instances_list);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_key_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_subnet_changed_cb);

  gtk_widget_class_install_action (widget_class, "launch.review", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "launch.launch", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "launch.back", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "launch.subscribe", NULL, subscribe_action);
  _amigo_launch_dialog_class_init_template (widget_class);
}

static void
amigo_launch_dialog_init (AmigoLaunchDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_autoptr(GtkExpression) expression = NULL;

  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  amigo_a11y_label_drop_down_button (self->type_dropdown);

  amigo_action_dialog_set_busy_display (base, self->spinner,
                                        "launch.review", "launch.launch", "launch.back", NULL);
  amigo_action_dialog_set_error_display (base, GTK_WIDGET (self->error_group),
                                         GTK_WIDGET (self->error_label));
  self->instance_types = g_list_store_new (AMIGO_TYPE_INSTANCE_TYPE);
  self->key_names = g_ptr_array_new_with_free_func (g_free);
  self->subnets = g_ptr_array_new_with_free_func (g_object_unref);
  self->all_groups = g_ptr_array_new_with_free_func (g_object_unref);
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) _amigo_launch_group_free);
  self->chosen_groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->volumes = g_ptr_array_new_with_free_func ((GDestroyNotify) launch_volume_free);
  self->review_rows = g_ptr_array_new ();
  self->instance_ids = g_ptr_array_new_with_free_func (g_free);
  self->token = amigo_client_token_policy_new ();

  _amigo_launch_dialog_init_region (self);
  amigo_tags_editor_set_description (self->tags_editor,
                                     _("For the instances and their volumes, besides the name"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "launch.subscribe", FALSE);
  g_signal_connect_object (gtk_text_view_get_buffer (self->user_data_view), "changed",
                           G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);

  /* Names, ids and AWS messages are shown as they are, never as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->image_row), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->newest_image_row), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->type_row), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->key_row), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->subnet_row), FALSE);
  _amigo_launch_dialog_init_template (self);
  self->filling = FALSE;
}

/* The public parameter the launch names instead of the image id
 * (resolve:ssm:), or NULL when it names the image. */
const char *
_amigo_launch_dialog_image_parameter (AmigoLaunchDialog *self)
{
  AmigoActionContext *context = amigo_action_dialog_get_context (AMIGO_ACTION_DIALOG (self));

  if (!gtk_switch_get_active (self->newest_image_switch))
    return NULL;
  return amigo_action_context_get_image_parameter (context);
}

/* ---- public ------------------------------------------------------------ */

static char *
describe_image_kind (AmigoImage *image)
{
  const char *root = amigo_image_get_root_device_type (image);
  const char *storage = g_strcmp0 (root, "instance-store") == 0 ? _("instance store") : _("EBS");
  guint n_codes = 0;

  amigo_image_get_product_codes (image, &n_codes);
  /* Translators: an image's id, architecture and root device, e.g.
   * “ami-0abc… · x86_64 · EBS”, then where it is sold, if it is */
  if (n_codes > 0)
    return g_strdup_printf (_("%s · %s · %s · AWS Marketplace"), amigo_image_get_image_id (image),
                            amigo_image_get_architecture (image) ?: "?", storage);
  return g_strdup_printf (_("%s · %s · %s"), amigo_image_get_image_id (image),
                          amigo_image_get_architecture (image) ?: "?", storage);
}

/**
 * amigo_launch_dialog_new:
 * @parent: the window the dialog belongs to
 * @context: what to act on: instances of its image are launched
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
GtkWindow *
amigo_launch_dialog_new (GtkWindow          *parent,
                         AmigoActionContext *context)
{
  AmigoLaunchDialog *self;
  AmigoImage *image = amigo_action_context_get_image (context);
  g_autoptr(GError) error = NULL;
  g_autofree char *kind = NULL;
  const char *parameter;
  const char *name;

  g_return_val_if_fail (AMIGO_IS_ACTION_CONTEXT (context), NULL);
  g_return_val_if_fail (image != NULL, NULL);

  self = g_object_new (AMIGO_TYPE_LAUNCH_DIALOG, "transient-for", parent, "context", context, NULL);
  self->image = g_object_ref (image);

  name = amigo_image_get_name (image);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->image_row),
                                 name != NULL && *name != '\0' ? name : amigo_image_get_image_id (image));
  kind = describe_image_kind (image);
  adw_action_row_set_subtitle (self->image_row, kind);
  parameter = amigo_action_context_get_image_parameter (context);
  if (parameter != NULL)
    {
      /* Translators: %s is a Systems Manager parameter's name */
      g_autofree char *subtitle = g_strdup_printf (_("Launch whatever image %s names at launch time, not this one"),
                                                   parameter);

      adw_action_row_set_subtitle (self->newest_image_row, subtitle);
      gtk_widget_set_visible (GTK_WIDGET (self->newest_image_row), TRUE);
    }

  self->filling = TRUE;
  fill_volumes (self);
  self->filling = FALSE;

  self->ec2 = amigo_action_context_dup_ec2 (context, NULL, &error);
  if (self->ec2 == NULL)
    {
      self->types_loaded = TRUE;
      self->types_error = g_strdup (error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->type_spinner), FALSE);
    }
  else
    _amigo_launch_dialog_load_region (self);

  _amigo_launch_dialog_set_page (self, "form");
  return GTK_WINDOW (self);
}

/* ---- tests ------------------------------------------------------------- */

gboolean
_amigo_launch_dialog_is_loading (AmigoLaunchDialog *self)
{
  return self->loading > 0;
}

/* For its tests: the ClientToken of this launch. */
const char *
amigo_launch_dialog_get_client_token (AmigoLaunchDialog *self)
{
  return amigo_client_token_policy_peek_token (self->token);
}

/* For its tests: (element-type utf8) (transfer none): what the launch made. */
GPtrArray *
amigo_launch_dialog_get_instance_ids (AmigoLaunchDialog *self)
{
  return self->instance_ids;
}

/* For its tests: the Marketplace page, after OptInRequired. */
const char *
amigo_launch_dialog_get_subscription_url (AmigoLaunchDialog *self)
{
  return self->subscription_url;
}

/* ---- public accessors, for its tests ----------------------------------- */

/* Whether lists the form offers (instance types, key pairs, subnets,
 * VPCs, security groups) are still coming. */
gboolean
amigo_launch_dialog_is_loading (AmigoLaunchDialog *self)
{
  return _amigo_launch_dialog_is_loading (self);
}

/* (element-type AmigoSubnet) (transfer none): the subnets the subnet row
 * offers after its first item (the default VPC), in its order. */
GPtrArray *
amigo_launch_dialog_get_subnets (AmigoLaunchDialog *self)
{
  return self->subnets;
}

/* The VPC whose security groups are shown, or NULL. */
const char *
amigo_launch_dialog_get_groups_vpc_id (AmigoLaunchDialog *self)
{
  return self->groups_vpc_id;
}

/* Shows @error as after a failed RunInstances (OptInRequired included). */
void
amigo_launch_dialog_show_launch_error (AmigoLaunchDialog *self,
                                       const GError      *error)
{
  _amigo_launch_dialog_show_launch_error (self, error);
}

/* (transfer full) (nullable): the Marketplace page of @image's product */
char *
amigo_launch_dialog_dup_marketplace_url (AmigoImage *image)
{
  return _amigo_launch_dialog_dup_marketplace_url (image);
}
