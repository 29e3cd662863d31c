/* amigo-launch-dialog-region.c — what the region offers to launch with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The launch dialog's lists: instance types that can run the image, key
 * pairs, subnets and VPCs, security groups of the chosen VPC.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-launch-dialog-private.h"
#include "amigo-security-group-row.h"

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

AmigoInstanceType *
_amigo_launch_dialog_selected_type (AmigoLaunchDialog *self)
{
  return gtk_drop_down_get_selected_item (self->type_dropdown);
}

const char *
_amigo_launch_dialog_selected_type_name (AmigoLaunchDialog *self)
{
  AmigoInstanceType *type = _amigo_launch_dialog_selected_type (self);

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

/* The fitting types offered where the instances go, the selection kept
 * by name when it is still offered. */
static void
show_types (AmigoLaunchDialog *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autofree char *selected = g_strdup (_amigo_launch_dialog_selected_type_name (self));
  guint position = GTK_INVALID_LIST_POSITION;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; self->fitting_types != NULL && i < self->fitting_types->len; i++)
    {
      AmigoInstanceType *type = g_ptr_array_index (self->fitting_types, i);

      if (self->zone_types != NULL &&
          !g_hash_table_contains (self->zone_types, amigo_instance_type_get_instance_type (type)))
        continue;
      if (selected != NULL && g_strcmp0 (selected, amigo_instance_type_get_instance_type (type)) == 0)
        position = shown->len;
      g_ptr_array_add (shown, type);
    }

  self->filling = TRUE;
  g_list_store_splice (self->instance_types, 0, g_list_model_get_n_items (G_LIST_MODEL (self->instance_types)),
                       shown->pdata, shown->len);
  if (shown->len > 0)
    gtk_drop_down_set_selected (self->type_dropdown,
                                position != GTK_INVALID_LIST_POSITION ? position : default_type_position (self));
  self->filling = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->type_dropdown), shown->len > 0);

  if (self->zone_types != NULL)
    /* Translators: %s is an Availability Zone, e.g. us-east-1a */
    subtitle = g_strdup_printf (_("Those that can run the image and are offered in %s"), self->types_zone);
  else if (self->fitting_types != NULL)
    subtitle = g_strdup (_("Those that can run the image"));
  adw_action_row_set_subtitle (self->type_row, subtitle);
}

static void
describe_instance_types_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(AmigoLaunchDialog) self = user_data;
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GError) error = NULL;

  types = amigo_ec2_describe_instance_types_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || amigo_action_dialog_is_closed (base))
    return;
  self->loading--;
  self->types_loaded = TRUE;
  if (self->loading == 0 || self->zone_cancellable == NULL)
    {
      gtk_spinner_set_spinning (self->type_spinner, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->type_spinner), FALSE);
    }

  if (types == NULL)
    {
      /* Translators: %s is the reason, in words */
      self->types_error = g_strdup_printf (_("Could not list the instance types: %s"), error->message);
      _amigo_launch_dialog_update_state (self);
      return;
    }

  g_clear_pointer (&self->fitting_types, g_ptr_array_unref);
  self->fitting_types = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < types->len; i++)
    if (amigo_instance_type_can_run_image (g_ptr_array_index (types, i), self->image))
      g_ptr_array_add (self->fitting_types, g_object_ref (g_ptr_array_index (types, i)));
  g_ptr_array_sort (self->fitting_types, compare_types);

  show_types (self);
  _amigo_launch_dialog_update_state (self);
}

/* ---- the zone's offerings --------------------------------------------- */

void
_amigo_launch_dialog_clear_zone (AmigoLaunchDialog *self)
{
  g_cancellable_cancel (self->zone_cancellable);
  g_clear_object (&self->zone_cancellable);
  g_clear_pointer (&self->zone_types, g_hash_table_unref);
  g_clear_pointer (&self->types_zone, g_free);
}

static void
describe_offerings_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AmigoLaunchDialog) self = user_data;
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;

  names = amigo_ec2_describe_instance_type_offerings_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || amigo_action_dialog_is_closed (base))
    return;
  self->loading--;
  g_clear_object (&self->zone_cancellable);
  if (self->types_loaded)
    {
      gtk_spinner_set_spinning (self->type_spinner, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->type_spinner), FALSE);
    }

  if (names == NULL)
    {
      /* Not knowing the zone's offerings, every fitting type is offered:
       * EC2 says at launch when one is not. */
      g_autofree char *text =
        /* Translators: %s is the reason, in words */
        g_strdup_printf (_("Could not learn which types this subnet’s zone offers: %s"), error->message);

      g_clear_pointer (&self->types_zone, g_free);
      show_types (self);
      adw_action_row_set_subtitle (self->type_row, text);
    }
  else
    {
      self->zone_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; names[i] != NULL; i++)
        g_hash_table_add (self->zone_types, g_strdup (names[i]));
      show_types (self);
    }
  _amigo_launch_dialog_update_state (self);
}

/**
 * _amigo_launch_dialog_update_zone:
 *
 * Not every type of a region is offered in each of its zones: once a
 * subnet is chosen, the types are those offered in its zone
 * (DescribeInstanceTypeOfferings). The default VPC lets EC2 pick a zone.
 */
void
_amigo_launch_dialog_update_zone (AmigoLaunchDialog *self)
{
  AmigoSubnet *subnet = _amigo_launch_dialog_selected_subnet (self);
  const char *zone = subnet != NULL ? amigo_subnet_get_availability_zone (subnet) : NULL;

  if (g_strcmp0 (zone, self->types_zone) == 0)
    return;
  if (self->zone_cancellable != NULL)
    self->loading--;
  _amigo_launch_dialog_clear_zone (self);
  if (zone == NULL)
    {
      show_types (self);
      return;
    }

  self->types_zone = g_strdup (zone);
  self->zone_cancellable = g_cancellable_new ();
  self->loading++;
  gtk_widget_set_visible (GTK_WIDGET (self->type_spinner), TRUE);
  gtk_spinner_set_spinning (self->type_spinner, TRUE);
  amigo_ec2_describe_instance_type_offerings_async (self->ec2, zone, self->zone_cancellable,
                                                    describe_offerings_cb, g_object_ref (self));
}

/* ---- key pairs -------------------------------------------------------- */

const char *
_amigo_launch_dialog_selected_key (AmigoLaunchDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->key_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->key_names->len)
    return NULL;
  return g_ptr_array_index (self->key_names, selected);
}

void
_amigo_launch_dialog_fill_keys (AmigoLaunchDialog *self,
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
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GError) error = NULL;

  keys = amigo_ec2_describe_key_pairs_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || amigo_action_dialog_is_closed (base))
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
      _amigo_launch_dialog_fill_keys (self, keys, !self->key_chosen);
    }
  _amigo_launch_dialog_update_state (self);
}

/* ---- network ---------------------------------------------------------- */

AmigoSubnet *
_amigo_launch_dialog_selected_subnet (AmigoLaunchDialog *self)
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
  AmigoSubnet *subnet = _amigo_launch_dialog_selected_subnet (self);

  return subnet != NULL ? amigo_subnet_get_vpc_id (subnet) : self->default_vpc_id;
}

char *
_amigo_launch_dialog_describe_subnet (AmigoSubnet *subnet)
{
  guint n_tags = 0;
  const AmigoTag *tags = amigo_subnet_get_tags (subnet, &n_tags);
  const char *name = _amigo_launch_dialog_tag_value (tags, n_tags, "Name");
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
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_autoptr(GPtrArray) subnets = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) labels = NULL;

  subnets = amigo_ec2_describe_subnets_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || amigo_action_dialog_is_closed (base))
    return;
  self->loading--;

  if (subnets == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not list the subnets: %s"), error->message);

      self->subnets_failed = TRUE;
      adw_combo_row_set_use_subtitle (self->subnet_row, FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->subnet_row), text);
      _amigo_launch_dialog_update_state (self);
      return;
    }

  g_ptr_array_sort (subnets, compare_subnets);
  labels = gtk_string_list_new (NULL);
  gtk_string_list_append (labels, _("Default VPC"));
  for (guint i = 0; i < subnets->len; i++)
    {
      g_autofree char *label = _amigo_launch_dialog_describe_subnet (g_ptr_array_index (subnets, i));

      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->subnets, g_object_ref (g_ptr_array_index (subnets, i)));
    }
  self->filling = TRUE;
  adw_combo_row_set_model (self->subnet_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->subnet_row, 0);
  self->filling = FALSE;
  _amigo_launch_dialog_show_groups (self);
  _amigo_launch_dialog_update_state (self);
}

static void
describe_vpcs_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AmigoLaunchDialog) self = user_data;
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_autoptr(GPtrArray) vpcs = NULL;
  g_autoptr(GError) error = NULL;

  vpcs = amigo_ec2_describe_vpcs_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || amigo_action_dialog_is_closed (base))
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

  _amigo_launch_dialog_show_groups (self);
  _amigo_launch_dialog_update_state (self);
}

/* ---- security groups ------------------------------------------------- */

void
_amigo_launch_group_free (AmigoLaunchGroup *group)
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
  _amigo_launch_dialog_update_state (self);
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
void
_amigo_launch_dialog_show_groups (AmigoLaunchDialog *self)
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
      AmigoLaunchGroup *item;

      if (vpc == NULL || g_strcmp0 (amigo_security_group_get_vpc_id (group), vpc) != 0)
        continue;

      item = g_new0 (AmigoLaunchGroup, 1);
      item->group = g_object_ref (group);
      item->row = ADW_ACTION_ROW (amigo_security_group_row_new (group));
      item->check = amigo_security_group_row_get_check (AMIGO_SECURITY_GROUP_ROW (item->row));
      g_object_set_data_full (G_OBJECT (item->check), "amigo-group-id", g_strdup (id), g_free);
      if (!any_chosen && g_strcmp0 (amigo_security_group_get_group_name (group), "default") == 0)
        g_hash_table_add (self->chosen_groups, g_strdup (id));
      gtk_check_button_set_active (item->check, g_hash_table_contains (self->chosen_groups, id));
      g_signal_connect (item->check, "toggled", G_CALLBACK (on_group_toggled_cb), self);
      adw_preferences_group_add (self->groups_group, GTK_WIDGET (item->row));
      g_ptr_array_add (self->groups, item);
    }
  self->filling = FALSE;

  if (self->groups->len == 0)
    amigo_action_dialog_show_field_problem (NULL, self->groups_message,
                                            vpc == NULL
                                            ? _("No default VPC in this region: choose a subnet.")
                                            : _("This VPC has no security groups: EC2 applies its default group."));
  else
    amigo_action_dialog_show_field_problem (NULL, self->groups_message, NULL);
}

static void
describe_security_groups_cb (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(AmigoLaunchDialog) self = user_data;
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;

  groups = amigo_ec2_describe_security_groups_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || amigo_action_dialog_is_closed (base))
    return;
  self->loading--;

  if (groups == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not list the security groups: %s. "
                                                 "EC2 applies the VPC’s default group."),
                                               error->message);
      amigo_action_dialog_show_field_problem (NULL, self->groups_message, text);
      _amigo_launch_dialog_update_state (self);
      return;
    }

  g_ptr_array_sort (groups, compare_groups);
  for (guint i = 0; i < groups->len; i++)
    g_ptr_array_add (self->all_groups, g_object_ref (g_ptr_array_index (groups, i)));
  self->groups_loaded = TRUE;
  _amigo_launch_dialog_show_groups (self);
  _amigo_launch_dialog_update_state (self);
}

/* ---- setting up ------------------------------------------------------- */

void
_amigo_launch_dialog_init_region (AmigoLaunchDialog *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (type_label_cb), NULL, NULL);
  gtk_drop_down_set_expression (self->type_dropdown, expression);
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (self->instance_types));
  gtk_widget_set_sensitive (GTK_WIDGET (self->type_dropdown), FALSE);
  gtk_spinner_set_spinning (self->type_spinner, TRUE);

  _amigo_launch_dialog_fill_keys (self, NULL, FALSE);
  {
    g_autoptr(GtkStringList) subnets = gtk_string_list_new (NULL);

    gtk_string_list_append (subnets, _("Default VPC"));
    adw_combo_row_set_model (self->subnet_row, G_LIST_MODEL (subnets));
  }
  amigo_action_dialog_show_field_problem (NULL, self->groups_message, _("Loading the security groups…"));
}

/* Asks EC2 for what the region offers, all at once. */
void
_amigo_launch_dialog_load_region (AmigoLaunchDialog *self)
{
  GCancellable *cancellable = amigo_action_dialog_get_cancellable (AMIGO_ACTION_DIALOG (self));

  self->loading = 5;
  amigo_ec2_describe_instance_types_async (self->ec2, NULL, cancellable,
                                           describe_instance_types_cb, g_object_ref (self));
  amigo_ec2_describe_key_pairs_async (self->ec2, NULL, cancellable,
                                      describe_key_pairs_cb, g_object_ref (self));
  amigo_ec2_describe_subnets_async (self->ec2, NULL, cancellable,
                                    describe_subnets_cb, g_object_ref (self));
  amigo_ec2_describe_vpcs_async (self->ec2, NULL, cancellable,
                                 describe_vpcs_cb, g_object_ref (self));
  amigo_ec2_describe_security_groups_async (self->ec2, NULL, cancellable,
                                            describe_security_groups_cb, g_object_ref (self));
}
