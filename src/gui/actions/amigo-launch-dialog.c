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

#include "amigo-a11y.h"
#include "amigo-error.h"
#include "amigo-launch-dialog-private.h"
#include "amigo-task-manager.h"

G_DEFINE_FINAL_TYPE (AmigoLaunchDialog, amigo_launch_dialog, ADW_TYPE_WINDOW)

#define COUNT_MAX 20
#define INSTANCE_NAME_MAX 256            /* a tag value */
#define TAG_KEY_MAX 128
#define TAG_VALUE_MAX 256
#define TAGS_MAX 50             /* per resource */
#define USER_DATA_MAX (16 * 1024)
#define VOLUME_SIZE_MAX 65536
#define MARKETPLACE_URL "https://aws.amazon.com/marketplace/pp?sku="

enum {
  PUBLIC_IP_SUBNET_DEFAULT,
  PUBLIC_IP_ASSIGN,
  PUBLIC_IP_NONE,
};

static void update_state (AmigoLaunchDialog *self);
static void show_groups (AmigoLaunchDialog *self);

/* ---- small helpers ---------------------------------------------------- */

static char *
dup_text (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

static void
set_error_class (gpointer widget,
                 gboolean error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (widget), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (widget), "error");
}

static void
show_message (GtkLabel   *label,
              const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static const char *
tag_value (const AmigoTag *tags,
           guint           n_tags,
           const char     *key)
{
  for (guint i = 0; i < n_tags; i++)
    if (g_strcmp0 (tags[i].key, key) == 0)
      return tags[i].value;
  return NULL;
}

/* ---- instance types --------------------------------------------------- */

static char *
format_memory (gint64 mib)
{
  if (mib < 0)
    return g_strdup ("?");
  if (mib % 1024 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, mib / 1024);
  return g_strdup_printf ("%.1f", mib / 1024.0);
}

/**
 * _amigo_launch_dialog_describe_type:
 *
 * Returns: (transfer full): the type's name with its processors and memory
 */
char *
_amigo_launch_dialog_describe_type (AmigoInstanceType *type)
{
  g_autofree char *memory = NULL;
  int vcpus;

  if (type == NULL)
    return g_strdup ("");
  vcpus = amigo_instance_type_get_default_v_cpus (type);
  memory = format_memory (amigo_instance_type_get_memory_size_in_mib (type));
  /* Translators: an instance type, its virtual processors and its memory,
   * as in “t3.micro — 2 vCPU, 1 GiB” */
  return g_strdup_printf (_("%s — %d vCPU, %s GiB"),
                          amigo_instance_type_get_instance_type (type), MAX (vcpus, 0), memory);
}

static char *
type_label_cb (AmigoInstanceType *type,
               gpointer           user_data)
{
  return _amigo_launch_dialog_describe_type (type);
}

/* The current generation first; within it, by family (t3, m7g, …), then
 * from the smallest to the largest, then by name. */
static int
compare_types (gconstpointer a,
               gconstpointer b)
{
  AmigoInstanceType *ta = *(AmigoInstanceType **) a;
  AmigoInstanceType *tb = *(AmigoInstanceType **) b;
  const char *na = amigo_instance_type_get_instance_type (ta);
  const char *nb = amigo_instance_type_get_instance_type (tb);
  gboolean ca = amigo_instance_type_get_current_generation (ta);
  gboolean cb = amigo_instance_type_get_current_generation (tb);
  gsize fa, fb;
  int cmp;
  gint64 diff;

  if (ca != cb)
    return ca ? -1 : 1;

  fa = strcspn (na ?: "", ".");
  fb = strcspn (nb ?: "", ".");
  cmp = strncmp (na ?: "", nb ?: "", MIN (fa, fb));
  if (cmp != 0 || fa != fb)
    return cmp != 0 ? cmp : (fa < fb ? -1 : 1);

  diff = (gint64) amigo_instance_type_get_default_v_cpus (ta) - amigo_instance_type_get_default_v_cpus (tb);
  if (diff == 0)
    diff = amigo_instance_type_get_memory_size_in_mib (ta) - amigo_instance_type_get_memory_size_in_mib (tb);
  if (diff != 0)
    return diff < 0 ? -1 : 1;
  return g_strcmp0 (na, nb);
}

static AmigoInstanceType *
selected_type (AmigoLaunchDialog *self)
{
  return gtk_drop_down_get_selected_item (self->type_dropdown);
}

static const char *
selected_type_name (AmigoLaunchDialog *self)
{
  AmigoInstanceType *type = selected_type (self);

  return type != NULL ? amigo_instance_type_get_instance_type (type) : NULL;
}

/* t3.micro where it fits, else the first type of the free tier, else the first. */
static guint
default_type_position (AmigoLaunchDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->instance_types));
  guint free_tier = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmigoInstanceType) type = g_list_model_get_item (G_LIST_MODEL (self->instance_types), i);

      if (g_strcmp0 (amigo_instance_type_get_instance_type (type), "t3.micro") == 0)
        return i;
      if (free_tier == GTK_INVALID_LIST_POSITION && amigo_instance_type_get_free_tier_eligible (type))
        free_tier = i;
    }
  return free_tier != GTK_INVALID_LIST_POSITION ? free_tier : 0;
}

static void
describe_instance_types_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(AmigoLaunchDialog) self = user_data;
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GPtrArray) fitting = NULL;
  g_autoptr(GError) error = NULL;

  types = amigo_ec2_describe_instance_types_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL)
    return;
  self->loading--;
  self->types_loaded = TRUE;
  gtk_spinner_set_spinning (self->type_spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->type_spinner), FALSE);

  if (types == NULL)
    {
      /* Translators: %s is the reason, in words */
      self->types_error = g_strdup_printf (_("Could not list the instance types: %s"), error->message);
      update_state (self);
      return;
    }

  fitting = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < types->len; i++)
    if (amigo_instance_type_can_run_image (g_ptr_array_index (types, i), self->image))
      g_ptr_array_add (fitting, g_object_ref (g_ptr_array_index (types, i)));
  g_ptr_array_sort (fitting, compare_types);

  self->filling = TRUE;
  g_list_store_splice (self->instance_types, 0, 0, fitting->pdata, fitting->len);
  if (fitting->len > 0)
    gtk_drop_down_set_selected (self->type_dropdown, default_type_position (self));
  self->filling = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->type_dropdown), fitting->len > 0);
  update_state (self);
}

/* ---- key pairs -------------------------------------------------------- */

static const char *
selected_key (AmigoLaunchDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->key_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->key_names->len)
    return NULL;
  return g_ptr_array_index (self->key_names, selected);
}

static void
fill_keys (AmigoLaunchDialog *self,
           GPtrArray         *keys,
           gboolean           select_first)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->key_names, 0);
  /* Translators: no key pair */
  gtk_string_list_append (names, C_("key pair", "None"));
  g_ptr_array_add (self->key_names, NULL);
  for (guint i = 0; keys != NULL && i < keys->len; i++)
    {
      const char *name = amigo_key_pair_get_key_name (g_ptr_array_index (keys, i));

      if (name == NULL)
        continue;
      gtk_string_list_append (names, name);
      g_ptr_array_add (self->key_names, g_strdup (name));
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->key_row, G_LIST_MODEL (names));
  /* Most people log in with a key: offer the first one. */
  adw_combo_row_set_selected (self->key_row, select_first && self->key_names->len > 1 ? 1 : 0);
  self->filling = FALSE;
}

static void
describe_key_pairs_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AmigoLaunchDialog) self = user_data;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GError) error = NULL;

  keys = amigo_ec2_describe_key_pairs_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL)
    return;
  self->loading--;

  if (keys == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not list the key pairs: %s"), error->message);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->key_row), text);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->key_row),
                                   keys->len == 0 ? _("This region has no key pairs") : NULL);
      self->keys_loaded = TRUE;
      fill_keys (self, keys, !self->key_chosen);
    }
  update_state (self);
}

/* ---- network ---------------------------------------------------------- */

static AmigoSubnet *
selected_subnet (AmigoLaunchDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->subnet_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected > self->subnets->len)
    return NULL;
  return g_ptr_array_index (self->subnets, selected - 1);
}

/* The VPC the instances go to, or NULL while unknown. */
static const char *
selected_vpc (AmigoLaunchDialog *self)
{
  AmigoSubnet *subnet = selected_subnet (self);

  return subnet != NULL ? amigo_subnet_get_vpc_id (subnet) : self->default_vpc_id;
}

static char *
describe_subnet (AmigoSubnet *subnet)
{
  guint n_tags = 0;
  const AmigoTag *tags = amigo_subnet_get_tags (subnet, &n_tags);
  const char *name = tag_value (tags, n_tags, "Name");
  g_autofree char *title = NULL;

  if (name != NULL && *name != '\0')
    title = g_strdup_printf ("%s (%s)", name, amigo_subnet_get_subnet_id (subnet));
  else
    title = g_strdup (amigo_subnet_get_subnet_id (subnet));
  /* Translators: a subnet: its name or id, its Availability Zone, its
   * addresses, as in “subnet-0abc — us-east-1a, 10.0.1.0/24” */
  return g_strdup_printf (_("%s — %s, %s"), title,
                          amigo_subnet_get_availability_zone (subnet) ?: "?",
                          amigo_subnet_get_cidr_block (subnet) ?: "?");
}

static int
compare_subnets (gconstpointer a,
                 gconstpointer b)
{
  AmigoSubnet *sa = *(AmigoSubnet **) a;
  AmigoSubnet *sb = *(AmigoSubnet **) b;
  int cmp = g_strcmp0 (amigo_subnet_get_vpc_id (sa), amigo_subnet_get_vpc_id (sb));

  if (cmp == 0)
    cmp = g_strcmp0 (amigo_subnet_get_availability_zone (sa), amigo_subnet_get_availability_zone (sb));
  if (cmp == 0)
    cmp = g_strcmp0 (amigo_subnet_get_subnet_id (sa), amigo_subnet_get_subnet_id (sb));
  return cmp;
}

static void
describe_subnets_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AmigoLaunchDialog) self = user_data;
  g_autoptr(GPtrArray) subnets = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) labels = NULL;

  subnets = amigo_ec2_describe_subnets_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL)
    return;
  self->loading--;

  if (subnets == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not list the subnets: %s"), error->message);

      self->subnets_failed = TRUE;
      adw_combo_row_set_use_subtitle (self->subnet_row, FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->subnet_row), text);
      update_state (self);
      return;
    }

  g_ptr_array_sort (subnets, compare_subnets);
  labels = gtk_string_list_new (NULL);
  gtk_string_list_append (labels, _("Default VPC"));
  for (guint i = 0; i < subnets->len; i++)
    {
      g_autofree char *label = describe_subnet (g_ptr_array_index (subnets, i));

      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->subnets, g_object_ref (g_ptr_array_index (subnets, i)));
    }
  self->filling = TRUE;
  adw_combo_row_set_model (self->subnet_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->subnet_row, 0);
  self->filling = FALSE;
  show_groups (self);
  update_state (self);
}

static void
describe_vpcs_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AmigoLaunchDialog) self = user_data;
  g_autoptr(GPtrArray) vpcs = NULL;
  g_autoptr(GError) error = NULL;

  vpcs = amigo_ec2_describe_vpcs_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL)
    return;
  self->loading--;

  for (guint i = 0; vpcs != NULL && i < vpcs->len; i++)
    if (amigo_vpc_get_is_default (g_ptr_array_index (vpcs, i)))
      {
        g_free (self->default_vpc_id);
        self->default_vpc_id = g_strdup (amigo_vpc_get_vpc_id (g_ptr_array_index (vpcs, i)));
      }
  if (vpcs == NULL)
    g_debug ("Could not list the VPCs: %s", error->message);
  else
    self->vpcs_loaded = TRUE;

  show_groups (self);
  update_state (self);
}

/* ---- security groups ------------------------------------------------- */

static void
launch_group_free (AmigoLaunchGroup *group)
{
  g_object_unref (group->group);
  g_free (group);
}

static void
on_group_toggled_cb (GtkCheckButton    *check,
                     AmigoLaunchDialog *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "amigo-group-id");

  if (self->filling)
    return;
  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->chosen_groups, g_strdup (id));
  else
    g_hash_table_remove (self->chosen_groups, id);
  update_state (self);
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  AmigoSecurityGroup *ga = *(AmigoSecurityGroup **) a;
  AmigoSecurityGroup *gb = *(AmigoSecurityGroup **) b;

  return g_strcmp0 (amigo_security_group_get_group_name (ga), amigo_security_group_get_group_name (gb));
}

/* The groups of the chosen VPC, as check rows. What the person chose is
 * kept across VPC changes; a VPC seen for the first time starts with its
 * default group. */
static void
show_groups (AmigoLaunchDialog *self)
{
  const char *vpc = selected_vpc (self);
  gboolean any_chosen = FALSE;

  if (!self->groups_loaded || (vpc == NULL && !self->vpcs_loaded))
    return;
  if (self->groups->len > 0 && g_strcmp0 (vpc, self->groups_vpc_id) == 0)
    return;

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_group_remove (self->groups_group,
                                  GTK_WIDGET (((AmigoLaunchGroup *) g_ptr_array_index (self->groups, i))->row));
  g_ptr_array_set_size (self->groups, 0);
  g_free (self->groups_vpc_id);
  self->groups_vpc_id = g_strdup (vpc);

  for (guint i = 0; i < self->all_groups->len; i++)
    {
      AmigoSecurityGroup *group = g_ptr_array_index (self->all_groups, i);

      if (vpc != NULL && g_strcmp0 (amigo_security_group_get_vpc_id (group), vpc) == 0 &&
          g_hash_table_contains (self->chosen_groups, amigo_security_group_get_group_id (group)))
        any_chosen = TRUE;
    }

  self->filling = TRUE;
  for (guint i = 0; i < self->all_groups->len; i++)
    {
      AmigoSecurityGroup *group = g_ptr_array_index (self->all_groups, i);
      const char *id = amigo_security_group_get_group_id (group);
      const char *description = amigo_security_group_get_description (group);
      AmigoLaunchGroup *item;
      g_autofree char *subtitle = NULL;

      if (vpc == NULL || g_strcmp0 (amigo_security_group_get_vpc_id (group), vpc) != 0)
        continue;

      item = g_new0 (AmigoLaunchGroup, 1);
      item->group = g_object_ref (group);
      item->row = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (item->row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->row),
                                     amigo_security_group_get_group_name (group) ?: id);
      if (description != NULL && *description != '\0')
        subtitle = g_strdup_printf ("%s — %s", id, description);
      else
        subtitle = g_strdup (id);
      adw_action_row_set_subtitle (item->row, subtitle);
      item->check = GTK_CHECK_BUTTON (gtk_check_button_new ());
      gtk_widget_set_valign (GTK_WIDGET (item->check), GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (item->check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      amigo_security_group_get_group_name (group) ?: id,
                                      -1);
      g_object_set_data_full (G_OBJECT (item->check), "amigo-group-id", g_strdup (id), g_free);
      if (!any_chosen && g_strcmp0 (amigo_security_group_get_group_name (group), "default") == 0)
        g_hash_table_add (self->chosen_groups, g_strdup (id));
      gtk_check_button_set_active (item->check, g_hash_table_contains (self->chosen_groups, id));
      g_signal_connect (item->check, "toggled", G_CALLBACK (on_group_toggled_cb), self);
      adw_action_row_add_prefix (item->row, GTK_WIDGET (item->check));
      adw_action_row_set_activatable_widget (item->row, GTK_WIDGET (item->check));
      adw_preferences_group_add (self->groups_group, GTK_WIDGET (item->row));
      g_ptr_array_add (self->groups, item);
    }
  self->filling = FALSE;

  if (self->groups->len == 0)
    show_message (self->groups_message,
                  vpc == NULL ? _("No default VPC in this region: choose a subnet.")
                              : _("This VPC has no security groups: EC2 applies its default group."));
  else
    show_message (self->groups_message, NULL);
}

static void
describe_security_groups_cb (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(AmigoLaunchDialog) self = user_data;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;

  groups = amigo_ec2_describe_security_groups_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL)
    return;
  self->loading--;

  if (groups == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not list the security groups: %s. "
                                                 "EC2 applies the VPC’s default group."),
                                               error->message);
      show_message (self->groups_message, text);
      update_state (self);
      return;
    }

  g_ptr_array_sort (groups, compare_groups);
  for (guint i = 0; i < groups->len; i++)
    g_ptr_array_add (self->all_groups, g_object_ref (g_ptr_array_index (groups, i)));
  self->groups_loaded = TRUE;
  show_groups (self);
  update_state (self);
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

static const char *
volume_type (AmigoLaunchVolume *volume)
{
  guint selected = gtk_drop_down_get_selected (volume->type_dropdown);

  return gtk_string_list_get_string (volume->types, selected);
}

static const char *
image_volume_type (AmigoLaunchVolume *volume)
{
  return volume->mapping->ebs.volume_type != NULL ? volume->mapping->ebs.volume_type : "gp2";
}

static gboolean
volume_changed (AmigoLaunchVolume *volume)
{
  return volume->size_spin != NULL &&
         (gtk_spin_button_get_value_as_int (volume->size_spin) != volume->mapping->ebs.volume_size ||
          g_strcmp0 (volume_type (volume), image_volume_type (volume)) != 0);
}

static void
on_volume_changed_cb (AmigoLaunchDialog *self)
{
  if (!self->filling)
    update_state (self);
}

static AmigoLaunchVolume *
add_volume_row (AmigoLaunchDialog *self,
                const char        *device_name,
                const char        *subtitle,
                gboolean           root)
{
  AmigoLaunchVolume *volume = g_new0 (AmigoLaunchVolume, 1);
  g_autofree char *title = NULL;

  volume->device_name = g_strdup (device_name);
  volume->root = root;
  volume->row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (volume->row), FALSE);
  /* Translators: the root volume's device name, e.g. “/dev/xvda (root)” */
  title = root ? g_strdup_printf (_("%s (root)"), device_name) : g_strdup (device_name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (volume->row), title);
  adw_action_row_set_subtitle (volume->row, subtitle);
  adw_action_row_set_subtitle_lines (volume->row, 0);
  adw_preferences_group_add (self->volumes_group, GTK_WIDGET (volume->row));
  g_ptr_array_add (self->volumes, volume);
  return volume;
}

static void
add_ebs_volume (AmigoLaunchDialog             *self,
                const AmigoBlockDeviceMapping *mapping,
                gboolean                       root)
{
  static const char * const offered[] = { "gp3", "gp2", "standard", NULL };
  static const char * const offered_data[] = { "st1", "sc1", NULL };
  AmigoLaunchVolume *volume;
  g_autofree char *subtitle = NULL;
  g_autofree char *size_label = NULL;
  g_autofree char *type_label = NULL;
  const char *own_type;
  guint selected = 0;

  if (mapping->ebs.snapshot_id != NULL)
    /* Translators: %s is a snapshot id, %d its size in GiB */
    subtitle = g_strdup_printf (_("From %s, at least %d GiB"), mapping->ebs.snapshot_id,
                                MAX (mapping->ebs.volume_size, 1));
  else
    subtitle = g_strdup (_("An empty EBS volume"));

  volume = add_volume_row (self, mapping->device_name, subtitle, root);
  volume->mapping = amigo_block_device_mapping_copy (mapping);

  volume->size_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, VOLUME_SIZE_MAX, 1));
  gtk_spin_button_set_value (volume->size_spin, volume_min_size (volume));
  gtk_widget_set_valign (GTK_WIDGET (volume->size_spin), GTK_ALIGN_CENTER);
  /* Translators: %s is a device name such as /dev/xvda */
  size_label = g_strdup_printf (_("Size of %s in GiB"), mapping->device_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (volume->size_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, size_label, -1);
  g_signal_connect_swapped (volume->size_spin, "value-changed", G_CALLBACK (on_volume_changed_cb), self);
  adw_action_row_add_suffix (volume->row, GTK_WIDGET (volume->size_spin));

  /* The types EC2 takes without more settings, and the image's own. */
  volume->types = gtk_string_list_new (NULL);
  own_type = image_volume_type (volume);
  gtk_string_list_append (volume->types, own_type);
  for (guint i = 0; offered[i] != NULL; i++)
    if (g_strcmp0 (offered[i], own_type) != 0)
      gtk_string_list_append (volume->types, offered[i]);
  for (guint i = 0; !root && offered_data[i] != NULL; i++)
    if (g_strcmp0 (offered_data[i], own_type) != 0)
      gtk_string_list_append (volume->types, offered_data[i]);
  volume->type_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (volume->types), NULL));
  gtk_drop_down_set_selected (volume->type_dropdown, selected);
  gtk_widget_set_valign (GTK_WIDGET (volume->type_dropdown), GTK_ALIGN_CENTER);
  type_label = g_strdup_printf (_("Volume type of %s"), mapping->device_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (volume->type_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, type_label, -1);
  amigo_a11y_label_drop_down_button (volume->type_dropdown);
  g_signal_connect_swapped (volume->type_dropdown, "notify::selected", G_CALLBACK (on_volume_changed_cb), self);
  adw_action_row_add_suffix (volume->row, GTK_WIDGET (volume->type_dropdown));
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
    add_volume_row (self, root_name, _("Instance store, from the image’s bundle"), TRUE);

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

          add_volume_row (self, mapping->device_name, subtitle, root);
        }
    }

  if (self->volumes->len == 0)
    adw_preferences_group_set_description (self->volumes_group, _("The image lists no volumes"));
}

/* The limits of each EBS volume type, in GiB. */
static gboolean
volume_size_range (const char *type,
                   gint       *min,
                   gint       *max)
{
  static const struct { const char *type; gint min, max; } limits[] = {
    { "gp3", 1, 16384 }, { "gp2", 1, 16384 }, { "io1", 4, 16384 }, { "io2", 4, 65536 },
    { "st1", 125, 16384 }, { "sc1", 125, 16384 }, { "standard", 1, 1024 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    if (g_strcmp0 (type, limits[i].type) == 0)
      {
        *min = limits[i].min;
        *max = limits[i].max;
        return TRUE;
      }
  return FALSE;
}

/* ---- tags ------------------------------------------------------------- */

static void
on_tag_changed_cb (AmigoLaunchDialog *self)
{
  if (!self->filling)
    update_state (self);
}

static void
on_remove_tag_cb (GtkButton         *button,
                  AmigoLaunchDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  for (guint i = 0; i < self->tags->len; i++)
    if (((AmigoLaunchTag *) g_ptr_array_index (self->tags, i))->row == row)
      {
        g_ptr_array_remove_index (self->tags, i);
        break;
      }
  gtk_list_box_remove (self->tags_list, row);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_tag_row));
  update_state (self);
}

/**
 * _amigo_launch_dialog_add_tag:
 *
 * Returns: (transfer none): a new row of the tags list, filled in
 */
AmigoLaunchTag *
_amigo_launch_dialog_add_tag (AmigoLaunchDialog *self,
                              const char        *key,
                              const char        *value)
{
  AmigoLaunchTag *tag = g_new0 (AmigoLaunchTag, 1);
  GtkWidget *box, *button;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);

  tag->key = GTK_EDITABLE (gtk_entry_new ());
  gtk_entry_set_placeholder_text (GTK_ENTRY (tag->key), _("Key"));
  gtk_widget_set_hexpand (GTK_WIDGET (tag->key), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (tag->key), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tag key"), -1);
  tag->value = GTK_EDITABLE (gtk_entry_new ());
  gtk_entry_set_placeholder_text (GTK_ENTRY (tag->value), _("Value"));
  gtk_widget_set_hexpand (GTK_WIDGET (tag->value), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (tag->value), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tag value"), -1);
  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (button, _("Remove Tag"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove tag"), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (on_remove_tag_cb), self);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (tag->key));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (tag->value));
  gtk_box_append (GTK_BOX (box), button);

  tag->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (tag->row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (tag->row), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tag"), -1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (tag->row), box);
  gtk_list_box_insert (self->tags_list, tag->row, self->tags->len);
  g_ptr_array_add (self->tags, tag);

  self->filling = TRUE;
  gtk_editable_set_text (tag->key, key != NULL ? key : "");
  gtk_editable_set_text (tag->value, value != NULL ? value : "");
  self->filling = FALSE;
  g_signal_connect_swapped (tag->key, "changed", G_CALLBACK (on_tag_changed_cb), self);
  g_signal_connect_swapped (tag->value, "changed", G_CALLBACK (on_tag_changed_cb), self);

  update_state (self);
  return tag;
}

static void
on_add_tag_cb (AmigoLaunchDialog *self)
{
  AmigoLaunchTag *tag = _amigo_launch_dialog_add_tag (self, NULL, NULL);

  gtk_widget_grab_focus (GTK_WIDGET (tag->key));
}

/* ---- validation ------------------------------------------------------- */

static char *
dup_user_data (AmigoLaunchDialog *self)
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
      const char *type;
      gint size, min = 1, max = VOLUME_SIZE_MAX;
      gboolean bad = FALSE;

      if (volume->size_spin == NULL)
        continue;
      size = gtk_spin_button_get_value_as_int (volume->size_spin);
      type = volume_type (volume);
      volume_size_range (type, &min, &max);

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

static gboolean
validate_tags (AmigoLaunchDialog *self,
               GString           *problems)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *name = dup_text (GTK_EDITABLE (self->name_row));
  guint n_tags = *name != '\0' ? 1 : 0;
  gboolean ok = TRUE;

  for (guint i = 0; i < self->tags->len; i++)
    {
      AmigoLaunchTag *tag = g_ptr_array_index (self->tags, i);
      g_autofree char *key = dup_text (tag->key);
      const char *value = gtk_editable_get_text (tag->value);
      const char *problem = NULL;
      g_autofree char *owned_problem = NULL;

      if (*key == '\0' && *value == '\0')
        {
          set_error_class (tag->key, FALSE);
          continue;
        }
      n_tags++;
      if (*key == '\0')
        problem = _("Every tag needs a key.");
      else if (g_utf8_strlen (key, -1) > TAG_KEY_MAX || g_utf8_strlen (value, -1) > TAG_VALUE_MAX)
        problem = _("A tag key is at most 128 characters long, and a value at most 256.");
      else if (g_str_has_prefix (key, "aws:"))
        problem = _("Tag keys starting with aws: are kept for AWS.");
      else if (g_str_equal (key, "Name") && *name != '\0')
        problem = _("The Name field above already sets the Name tag.");
      else if (g_hash_table_contains (keys, key))
        /* Translators: %s is a tag key */
        problem = owned_problem = g_strdup_printf (_("The tag key “%s” is there twice."), key);
      else
        g_hash_table_add (keys, g_strdup (key));

      set_error_class (tag->key, problem != NULL);
      if (problem != NULL)
        {
          ok = FALSE;
          add_problem (problems, problem);
        }
    }

  if (n_tags > TAGS_MAX)
    {
      g_autofree char *text = g_strdup_printf (_("An instance takes at most %d tags."), TAGS_MAX);

      ok = FALSE;
      add_problem (problems, text);
    }
  return ok;
}

static void
set_problems (GtkLabel *label,
              GString  *problems)
{
  if (problems->len > 0 && problems->str[problems->len - 1] == '\n')
    g_string_truncate (problems, problems->len - 1);
  show_message (label, problems->str);
}

/* Checks every field and shows what is wrong. Returns whether Review may
 * go on. */
static gboolean
validate (AmigoLaunchDialog *self)
{
  g_autoptr(GString) instance_problems = g_string_new (NULL);
  g_autoptr(GString) volume_problems = g_string_new (NULL);
  g_autoptr(GString) tag_problems = g_string_new (NULL);
  g_autofree char *name = dup_text (GTK_EDITABLE (self->name_row));
  g_autofree char *user_data = dup_user_data (self);
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
  else if (self->types_loaded && g_list_model_get_n_items (G_LIST_MODEL (self->instance_types)) == 0)
    {
      add_problem (instance_problems, _("No instance type of this region can run this image."));
      ok = FALSE;
    }
  else if (selected_type (self) == NULL)
    ok = FALSE;             /* still loading: the spinner says so */
  set_problems (self->instance_message, instance_problems);

  /* Where they go */
  if (self->vpcs_loaded && selected_subnet (self) == NULL && self->default_vpc_id == NULL)
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
  if (user_data_size > USER_DATA_MAX)
    {
      g_autofree char *size = g_format_size_full (user_data_size, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *text = NULL;

      /* Translators: %s is a size such as “17.2 KiB” */
      text = g_strdup_printf (_("The user data is %s; EC2 takes at most 16 KiB."), size);
      gtk_widget_remove_css_class (GTK_WIDGET (self->user_data_message), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->user_data_message), "error");
      show_message (self->user_data_message, text);
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
      show_message (self->user_data_message, text);
    }

  ok = validate_tags (self, tag_problems) && ok;
  set_problems (self->tags_message, tag_problems);

  return ok;
}

/* ---- the request ------------------------------------------------------ */

typedef struct {
  AmigoRunInstancesRequest request;
  char *name;
  char *user_data;
  GPtrArray *group_ids;         /* NULL-terminated */
  GArray *mappings;             /* (element-type AmigoBlockDeviceMapping), strings borrowed */
  GArray *tags;                 /* (element-type AmigoEc2Tag), strings in @strings */
  GPtrArray *strings;
} LaunchPlan;

static void
launch_plan_free (LaunchPlan *plan)
{
  g_free (plan->name);
  g_free (plan->user_data);
  g_ptr_array_unref (plan->group_ids);
  g_array_unref (plan->mappings);
  g_array_unref (plan->tags);
  g_ptr_array_unref (plan->strings);
  g_free (plan);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LaunchPlan, launch_plan_free)

static const char *
keep_string (LaunchPlan *plan,
             char       *string)
{
  g_ptr_array_add (plan->strings, string);
  return string;
}

/* Everything the fields say, as RunInstances takes it. */
static LaunchPlan *
launch_plan_new (AmigoLaunchDialog *self)
{
  LaunchPlan *plan = g_new0 (LaunchPlan, 1);
  AmigoRunInstancesRequest *r = &plan->request;
  AmigoSubnet *subnet = selected_subnet (self);

  plan->name = dup_text (GTK_EDITABLE (self->name_row));
  plan->user_data = dup_user_data (self);
  plan->group_ids = g_ptr_array_new ();
  plan->mappings = g_array_new (FALSE, TRUE, sizeof (AmigoBlockDeviceMapping));
  plan->tags = g_array_new (FALSE, TRUE, sizeof (AmigoEc2Tag));
  plan->strings = g_ptr_array_new_with_free_func (g_free);

  r->image_id = amigo_image_get_image_id (self->image);
  r->instance_type = selected_type_name (self);
  r->min_count = r->max_count = (guint) gtk_spin_button_get_value_as_int (self->count_spin);
  r->key_name = selected_key (self);
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

      if (!volume_changed (volume))
        continue;
      mapping.device_name = volume->device_name;
      mapping.has_ebs = TRUE;
      mapping.ebs.volume_size = gtk_spin_button_get_value_as_int (volume->size_spin);
      mapping.ebs.volume_type = (char *) volume_type (volume);
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
  for (guint i = 0; i < self->tags->len; i++)
    {
      AmigoLaunchTag *row = g_ptr_array_index (self->tags, i);
      AmigoEc2Tag tag;

      tag.key = keep_string (plan, dup_text (row->key));
      tag.value = keep_string (plan, g_strdup (gtk_editable_get_text (row->value)));
      if (*tag.key != '\0')
        g_array_append_val (plan->tags, tag);
    }
  r->instance_tags = (const AmigoEc2Tag *) (gpointer) plan->tags->data;
  r->n_instance_tags = plan->tags->len;
  r->volume_tags = r->instance_tags;
  r->n_volume_tags = r->n_instance_tags;

  return plan;
}

/* What a ClientToken is sent with: the same token with other values is
 * refused by EC2 (IdempotentParameterMismatch), so a change makes a new one. */
static char *
launch_plan_dup_parameters (LaunchPlan *plan)
{
  const AmigoRunInstancesRequest *r = &plan->request;
  GString *out = g_string_new (NULL);
  g_autofree char *user_data_sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, plan->user_data, -1);

  g_string_append_printf (out, "%s|%s|%u|%s|%s|%d|%s|%s|", r->image_id, r->instance_type ?: "",
                          r->min_count, r->key_name ?: "", r->subnet_id ?: "", r->public_ip,
                          r->http_tokens, user_data_sum);
  for (guint i = 0; r->security_group_ids != NULL && r->security_group_ids[i] != NULL; i++)
    g_string_append_printf (out, "g:%s|", r->security_group_ids[i]);
  for (guint i = 0; i < r->n_block_device_mappings; i++)
    g_string_append_printf (out, "v:%s:%d:%s|", r->block_device_mappings[i].device_name,
                            r->block_device_mappings[i].ebs.volume_size,
                            r->block_device_mappings[i].ebs.volume_type);
  for (guint i = 0; i < r->n_instance_tags; i++)
    g_string_append_printf (out, "t:%zu:%s=%s|", strlen (r->instance_tags[i].key),
                            r->instance_tags[i].key, r->instance_tags[i].value);
  return g_string_free (out, FALSE);
}

/* ---- pages ------------------------------------------------------------ */

static void
set_page (AmigoLaunchDialog *self,
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
  update_state (self);
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
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *name = gtk_label_new (title);
  GtkWidget *text = gtk_label_new (value);

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "caption");
  gtk_widget_add_css_class (name, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY, name, NULL, -1);
  adw_preferences_group_add (self->review_group, row);
  g_ptr_array_add (self->review_rows, row);
}

static char *
describe_image (AmigoImage *image)
{
  const char *name = amigo_image_get_name (image);

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
  g_autofree char *image = describe_image (self->image);
  g_autofree char *type = _amigo_launch_dialog_describe_type (selected_type (self));
  g_autofree char *count = g_strdup_printf ("%u", r->min_count);
  g_autofree char *network = NULL;
  g_autofree char *user_data = NULL;
  AmigoSubnet *subnet = selected_subnet (self);
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
      g_autofree char *label = describe_subnet (subnet);

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
                                gtk_spin_button_get_value_as_int (volume->size_spin), volume_type (volume));
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
  g_autoptr(LaunchPlan) plan = NULL;

  g_return_val_if_fail (AMIGO_IS_LAUNCH_DIALOG (self), FALSE);

  self->submitted = TRUE;
  if (self->launching || !validate (self))
    {
      update_state (self);
      return FALSE;
    }

  plan = launch_plan_new (self);
  fill_review (self, plan);
  g_clear_pointer (&self->launch_error, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), FALSE);
  set_page (self, "review");
  return TRUE;
}

void
_amigo_launch_dialog_back (AmigoLaunchDialog *self)
{
  if (!self->launching)
    set_page (self, "form");
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
  const AmigoAwsErrorDetails *details = amigo_aws_error_get_details (error);
  gboolean opt_in = amigo_aws_error_has_aws_code (error, "OptInRequired");

  g_clear_pointer (&self->subscription_url, g_free);
  g_free (self->launch_error);
  if (opt_in)
    {
      self->subscription_url = _amigo_launch_dialog_dup_marketplace_url (self->image);
      self->launch_error = g_strdup (details != NULL && details->aws_message != NULL
                                     ? details->aws_message : error->message);
    }
  else
    self->launch_error = g_strdup (error->message);

  gtk_label_set_text (self->error_label, self->launch_error);
  gtk_widget_set_visible (GTK_WIDGET (self->subscribe_button), self->subscription_url != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "launch.subscribe", self->subscription_url != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), TRUE);
  if (!g_str_equal (_amigo_launch_dialog_get_page (self), "review"))
    set_page (self, "review");
  update_state (self);
}

static void
on_copy_id_clicked_cb (GtkButton *button)
{
  const char *id = g_object_get_data (G_OBJECT (button), "amigo-instance-id");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), id);
  gtk_button_set_icon_name (button, "emblem-ok-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("Copied"));
}

static void
show_instances (AmigoLaunchDialog *self)
{
  guint n = self->instance_ids->len;
  g_autofree char *title = NULL;

  clear_list_box (self->instances_list);
  for (guint i = 0; i < n; i++)
    {
      const char *id = g_ptr_array_index (self->instance_ids, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
      g_autofree char *label = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), id);
      gtk_widget_add_css_class (row, "monospace");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Copy"));
      /* Translators: %s is an instance id */
      label = g_strdup_printf (_("Copy %s"), id);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (button), "amigo-instance-id", g_strdup (id), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_copy_id_clicked_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->instances_list, row);
    }

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Instance Launched", "%u Instances Launched", n), n);
  adw_status_page_set_title (self->done_page, title);
  adw_status_page_set_description (self->done_page,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "It is starting; the task list follows it until it runs.",
                                                "They are starting; the task list follows them until they run.",
                                                n));
  set_page (self, "done");
}

static void
add_task (AmigoLaunchDialog *self,
          const char        *name)
{
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
  amigo_action_context_add_task (self->context, AMIGO_TASK_KIND_LAUNCH, amigo_ec2_get_region (self->ec2),
                                 (const char * const *) ids->pdata, title);
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
  g_autoptr(GPtrArray) instances = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  guint n;

  instances = amigo_ec2_run_instances_finish (AMIGO_EC2 (source), result, &error);
  self->launching = FALSE;

  if (instances == NULL)
    {
      if (self->cancellable != NULL)
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
  amigo_action_context_toast (self->context, toast);

  if (self->cancellable != NULL)
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
  g_autoptr(LaunchPlan) plan = NULL;
  g_autofree char *parameters = NULL;
  LaunchCall *call;

  g_return_val_if_fail (AMIGO_IS_LAUNCH_DIALOG (self), FALSE);

  if (self->launching || self->instance_ids->len > 0 || !validate (self))
    return FALSE;

  plan = launch_plan_new (self);
  parameters = launch_plan_dup_parameters (plan);
  /* One token per launch: kept while the values stay the same, so trying
   * again after an error never launches twice. */
  if (self->token == NULL || g_strcmp0 (parameters, self->token_parameters) != 0)
    {
      g_free (self->token);
      g_free (self->token_parameters);
      self->token = amigo_client_token_new ();
      self->token_parameters = g_steal_pointer (&parameters);
    }
  plan->request.client_token = self->token;

  self->launching = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), FALSE);
  call = g_new0 (LaunchCall, 1);
  call->self = g_object_ref (self);
  call->name = g_strdup (*plan->name != '\0' ? plan->name
                         : amigo_image_get_name (self->image) ?: amigo_image_get_image_id (self->image));
  amigo_ec2_run_instances_async (self->ec2, &plan->request, self->cancellable, run_instances_cb, call);
  update_state (self);
  return TRUE;
}

/* ---- state ------------------------------------------------------------ */

static void
update_state (AmigoLaunchDialog *self)
{
  gboolean valid;
  const char *page;
  gboolean on_form;

  /* Disposed: the widgets are going. */
  if (self->cancellable == NULL)
    return;

  valid = validate (self);
  page = _amigo_launch_dialog_get_page (self);
  on_form = g_strcmp0 (page, "form") == 0;
  gtk_widget_set_visible (self->key_warning,
                          adw_combo_row_get_selected (self->key_row) == 0 &&
                          (self->keys_loaded || self->key_chosen));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "launch.review", valid && !self->launching);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "launch.launch",
                                 valid && !self->launching && self->instance_ids->len == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "launch.back", !self->launching);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.close", !self->launching);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->launching);
  gtk_spinner_set_spinning (self->spinner, self->launching);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form_page), on_form && !self->launching);
}

/* ---- callbacks -------------------------------------------------------- */

static void
on_field_changed_cb (AmigoLaunchDialog *self)
{
  if (!self->filling)
    update_state (self);
}

static void
on_key_changed_cb (AmigoLaunchDialog *self)
{
  if (self->filling)
    return;
  self->key_chosen = TRUE;
  update_state (self);
}

static void
on_subnet_changed_cb (AmigoLaunchDialog *self)
{
  if (self->filling)
    return;
  show_groups (self);
  update_state (self);
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _amigo_launch_dialog_review (AMIGO_LAUNCH_DIALOG (widget));
}

static void
launch_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _amigo_launch_dialog_launch (AMIGO_LAUNCH_DIALOG (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _amigo_launch_dialog_back (AMIGO_LAUNCH_DIALOG (widget));
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

static gboolean
amigo_launch_dialog_close_request (GtkWindow *window)
{
  AmigoLaunchDialog *self = AMIGO_LAUNCH_DIALOG (window);

  /* The instances may already be starting: wait for their ids. */
  if (self->launching)
    return TRUE;

  return GTK_WINDOW_CLASS (amigo_launch_dialog_parent_class)->close_request (window);
}

static void
amigo_launch_dialog_dispose (GObject *object)
{
  AmigoLaunchDialog *self = AMIGO_LAUNCH_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), AMIGO_TYPE_LAUNCH_DIALOG);

  G_OBJECT_CLASS (amigo_launch_dialog_parent_class)->dispose (object);
}

static void
amigo_launch_dialog_finalize (GObject *object)
{
  AmigoLaunchDialog *self = AMIGO_LAUNCH_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->image);
  g_clear_object (&self->ec2);
  g_clear_object (&self->instance_types);
  g_ptr_array_unref (self->key_names);
  g_ptr_array_unref (self->subnets);
  g_ptr_array_unref (self->all_groups);
  g_hash_table_unref (self->chosen_groups);
  g_ptr_array_unref (self->instance_ids);
  g_ptr_array_unref (self->groups);
  g_ptr_array_unref (self->volumes);
  g_ptr_array_unref (self->tags);
  g_ptr_array_unref (self->review_rows);
  g_free (self->default_vpc_id);
  g_free (self->groups_vpc_id);
  g_free (self->token);
  g_free (self->token_parameters);
  g_free (self->subscription_url);
  g_free (self->types_error);
  g_free (self->launch_error);

  G_OBJECT_CLASS (amigo_launch_dialog_parent_class)->finalize (object);
}

static void
amigo_launch_dialog_class_init (AmigoLaunchDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = amigo_launch_dialog_dispose;
  object_class->finalize = amigo_launch_dialog_finalize;
  window_class->close_request = amigo_launch_dialog_close_request;

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
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, tags_list);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, add_tag_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, tags_message);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, subscribe_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, review_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, instances_list);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_key_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_subnet_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_tag_cb);

  gtk_widget_class_install_action (widget_class, "launch.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "launch.launch", NULL, launch_action);
  gtk_widget_class_install_action (widget_class, "launch.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "launch.subscribe", NULL, subscribe_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
amigo_launch_dialog_init (AmigoLaunchDialog *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  amigo_a11y_label_drop_down_button (self->type_dropdown);

  self->cancellable = g_cancellable_new ();
  self->instance_types = g_list_store_new (AMIGO_TYPE_INSTANCE_TYPE);
  self->key_names = g_ptr_array_new_with_free_func (g_free);
  self->subnets = g_ptr_array_new_with_free_func (g_object_unref);
  self->all_groups = g_ptr_array_new_with_free_func (g_object_unref);
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) launch_group_free);
  self->chosen_groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->volumes = g_ptr_array_new_with_free_func ((GDestroyNotify) launch_volume_free);
  self->tags = g_ptr_array_new_with_free_func (g_free);
  self->review_rows = g_ptr_array_new ();
  self->instance_ids = g_ptr_array_new_with_free_func (g_free);

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (type_label_cb), NULL, NULL);
  gtk_drop_down_set_expression (self->type_dropdown, expression);
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (self->instance_types));
  gtk_widget_set_sensitive (GTK_WIDGET (self->type_dropdown), FALSE);
  gtk_spinner_set_spinning (self->type_spinner, TRUE);

  fill_keys (self, NULL, FALSE);
  {
    g_autoptr(GtkStringList) subnets = gtk_string_list_new (NULL);

    gtk_string_list_append (subnets, _("Default VPC"));
    adw_combo_row_set_model (self->subnet_row, G_LIST_MODEL (subnets));
  }
  show_message (self->groups_message, _("Loading the security groups…"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "launch.subscribe", FALSE);
  g_signal_connect_object (gtk_text_view_get_buffer (self->user_data_view), "changed",
                           G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);

  /* Names, ids and AWS messages are shown as they are, never as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->image_row), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->type_row), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->key_row), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->subnet_row), FALSE);
  self->filling = FALSE;
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
  const char *name;

  g_return_val_if_fail (AMIGO_IS_ACTION_CONTEXT (context), NULL);
  g_return_val_if_fail (image != NULL, NULL);

  self = g_object_new (AMIGO_TYPE_LAUNCH_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->image = g_object_ref (image);

  name = amigo_image_get_name (image);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->image_row),
                                 name != NULL && *name != '\0' ? name : amigo_image_get_image_id (image));
  kind = describe_image_kind (image);
  adw_action_row_set_subtitle (self->image_row, kind);

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
    {
      self->loading = 5;
      amigo_ec2_describe_instance_types_async (self->ec2, NULL, self->cancellable,
                                               describe_instance_types_cb, g_object_ref (self));
      amigo_ec2_describe_key_pairs_async (self->ec2, NULL, self->cancellable,
                                          describe_key_pairs_cb, g_object_ref (self));
      amigo_ec2_describe_subnets_async (self->ec2, NULL, self->cancellable,
                                        describe_subnets_cb, g_object_ref (self));
      amigo_ec2_describe_vpcs_async (self->ec2, NULL, self->cancellable,
                                     describe_vpcs_cb, g_object_ref (self));
      amigo_ec2_describe_security_groups_async (self->ec2, NULL, self->cancellable,
                                                describe_security_groups_cb, g_object_ref (self));
    }

  set_page (self, "form");
  return GTK_WINDOW (self);
}

/* ---- tests ------------------------------------------------------------- */

gboolean
_amigo_launch_dialog_is_loading (AmigoLaunchDialog *self)
{
  return self->loading > 0;
}

gboolean
_amigo_launch_dialog_select_type (AmigoLaunchDialog *self,
                                  const char        *instance_type)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->instance_types));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmigoInstanceType) type = g_list_model_get_item (G_LIST_MODEL (self->instance_types), i);

      if (g_strcmp0 (amigo_instance_type_get_instance_type (type), instance_type) == 0)
        {
          gtk_drop_down_set_selected (self->type_dropdown, i);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
_amigo_launch_dialog_select_key (AmigoLaunchDialog *self,
                                 const char        *key_name)
{
  for (guint i = 0; i < self->key_names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->key_names, i), key_name) == 0)
      {
        adw_combo_row_set_selected (self->key_row, i);
        return TRUE;
      }
  return FALSE;
}

GtkCheckButton *
_amigo_launch_dialog_get_group_check (AmigoLaunchDialog *self,
                                      const char        *group_id)
{
  for (guint i = 0; i < self->groups->len; i++)
    {
      AmigoLaunchGroup *group = g_ptr_array_index (self->groups, i);

      if (g_strcmp0 (amigo_security_group_get_group_id (group->group), group_id) == 0)
        return group->check;
    }
  return NULL;
}

AmigoLaunchVolume *
_amigo_launch_dialog_get_volume (AmigoLaunchDialog *self,
                                 const char        *device_name)
{
  for (guint i = 0; i < self->volumes->len; i++)
    {
      AmigoLaunchVolume *volume = g_ptr_array_index (self->volumes, i);

      if (g_strcmp0 (volume->device_name, device_name) == 0)
        return volume;
    }
  return NULL;
}
