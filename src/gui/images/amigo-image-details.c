/* amigo-image-details.c — everything about one image, in the side pane
 *
 * Shows every field DescribeImages returned, grouped the way people look
 * for them, and the launch permissions (one more request) on demand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-image-details.h"
#include "amigo-a11y.h"
#include "amigo-image-details-private.h"
#include "amigo-row-button.h"
#include "amigo-date-format.h"
#include "amigo-state-badge.h"
#include "amigo-text.h"

/* Values longer than this get a tooltip with the whole text, since the
 * narrow pane may ellipsize them. */
#define TOOLTIP_MIN_CHARS 12
/* Values give way to their titles, which then need not wrap mid-word. */
#define VALUE_MAX_WIDTH_CHARS 24

G_DEFINE_FINAL_TYPE (AmigoImageDetails, amigo_image_details, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_IMAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Words for AWS's values -------------------------------------------- */

typedef struct {
  const char *value;
  const char *label;
} AmigoValueLabel;

static const AmigoValueLabel image_types[] = {
  { "machine", N_("Machine image") },
  { "kernel", N_("Kernel image") },
  { "ramdisk", N_("RAM disk image") },
};

static const AmigoValueLabel hypervisors[] = {
  { "xen", N_("Xen") },
  { "ovm", N_("Oracle VM") },
};

static const AmigoValueLabel virtualization_types[] = {
  { "hvm", N_("HVM") },
  { "paravirtual", N_("Paravirtual") },
};

static const AmigoValueLabel boot_modes[] = {
  { "legacy-bios", N_("Legacy BIOS") },
  { "uefi", N_("UEFI") },
  { "uefi-preferred", N_("UEFI preferred") },
};

static const AmigoValueLabel tpm_supports[] = {
  { "v2.0", N_("TPM 2.0") },
};

static const AmigoValueLabel sriov_supports[] = {
  { "simple", N_("Intel 82599 VF") },
};

static const AmigoValueLabel root_device_types[] = {
  { "ebs", N_("EBS") },
  { "instance-store", N_("Instance store") },
};

static const AmigoValueLabel volume_types[] = {
  { "gp3", N_("General Purpose SSD (gp3)") },
  { "gp2", N_("General Purpose SSD (gp2)") },
  { "io1", N_("Provisioned IOPS SSD (io1)") },
  { "io2", N_("Provisioned IOPS SSD (io2)") },
  { "st1", N_("Throughput Optimized HDD (st1)") },
  { "sc1", N_("Cold HDD (sc1)") },
  { "standard", N_("Magnetic (standard)") },
};

static const AmigoValueLabel product_code_types[] = {
  { "marketplace", N_("AWS Marketplace") },
  { "devpay", N_("DevPay") },
};

static const AmigoValueLabel deregistration_protections[] = {
  { "disabled", N_("Off") },
  { "enabled", N_("On") },
  { "enabled-with-cooldown", N_("On, with a 24-hour cooldown") },
  { "enabled-without-cooldown", N_("On") },
};

/* A value AWS added after this was written shows as AWS wrote it. */
static const char *
value_to_label (const AmigoValueLabel *table,
                gsize                  n_entries,
                const char            *value)
{
  if (value == NULL)
    return NULL;

  for (gsize i = 0; i < n_entries; i++)
    if (g_str_equal (table[i].value, value))
      return _(table[i].label);

  return value;
}

#define VALUE_TO_LABEL(table, value) value_to_label ((table), G_N_ELEMENTS (table), (value))

static const char *
yes_no (gboolean value)
{
  return value ? _("Yes") : _("No");
}

gboolean
_amigo_image_details_is_set (const char *value)
{
  return value != NULL && *value != '\0';
}

/* ---- Rows -------------------------------------------------------------- */

static void
show_toast (GtkWidget  *widget,
            const char *message)
{
  GtkWidget *overlay;

  /* The window's own action first: it knows where toasts go. */
  if (gtk_widget_activate_action (widget, "win.show-toast", "s", message))
    return;

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), amigo_toast_new_literal (message));
}

static void
on_copied_cb (GtkButton *button,
              gpointer   user_data)
{
  show_toast (GTK_WIDGET (button), g_object_get_data (G_OBJECT (button), "amigo-copy-toast"));
}

/* @tooltip names what is copied ("Copy AMI ID"); @toast says it is done. */
static void
add_copy_button (AdwActionRow *row,
                 const char   *text,
                 const char   *tooltip,
                 const char   *toast)
{
  GtkWidget *button = amigo_copy_button_new (text, tooltip, tooltip);

  g_object_set_data_full (G_OBJECT (button), "amigo-copy-toast", g_strdup (toast), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_copied_cb), NULL);
  adw_action_row_add_suffix (row, button);
}

static GtkWidget *
make_value_label (const char *value)
{
  GtkWidget *label = gtk_label_new (value);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), VALUE_MAX_WIDTH_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  /* Named, so that the value of a row can be found from outside. */
  gtk_widget_set_name (label, "value");
  if (g_utf8_strlen (value, -1) > TOOLTIP_MIN_CHARS)
    gtk_widget_set_tooltip_text (label, value);

  return label;
}

/* A row: @title at the start, @value (if any) at the end, selectable.
 * Titles and values may hold anything AWS sent (`R&D`), so never markup. */
GtkWidget *
_amigo_image_details_make_row (const char *title,
                               const char *subtitle,
                               const char *value)
{
  GtkWidget *row = amigo_action_row_new_literal (title, subtitle);

  if (value != NULL)
    {
      GtkWidget *label = make_value_label (value);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      g_object_set_data (G_OBJECT (row), "amigo-value-label", label);
    }

  return row;
}

static GtkWidget *
add_row (AmigoImageDetails   *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         const char          *value)
{
  GtkWidget *row = _amigo_image_details_make_row (title, subtitle, value);

  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);

  return row;
}

/* Adds a row only when AWS gave the value. */
static GtkWidget *
add_row_if_set (AmigoImageDetails   *self,
                AdwPreferencesGroup *group,
                const char          *title,
                const char          *value)
{
  if (!_amigo_image_details_is_set (value))
    return NULL;

  return add_row (self, group, title, NULL, value);
}

void
_amigo_image_details_clear_rows (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (rows, 0);
}

static gint64
get_now (AmigoImageDetails *self)
{
  return self->now_usec != 0 ? self->now_usec : g_get_real_time ();
}

/* ---- Groups ------------------------------------------------------------ */

gboolean
_amigo_image_details_is_owned (AmigoImageDetails *self)
{
  return self->account_number != NULL &&
         g_strcmp0 (self->account_number, amigo_image_get_owner_id (self->image)) == 0;
}

static const char *
deregistration_protection_to_label (const char *value,
                                    char      **owned)
{
  static const char prefix[] = "disabled-until-";

  /* Turned off with a cooldown: still protected until the date. */
  if (value != NULL && g_str_has_prefix (value, prefix))
    {
      g_autoptr(GDateTime) until = g_date_time_new_from_iso8601 (value + sizeof prefix - 1, NULL);
      g_autoptr(GDateTime) local = until != NULL ? g_date_time_to_local (until) : NULL;
      g_autofree char *date = local != NULL ? g_date_time_format (local, "%x %X") : NULL;

      if (date != NULL)
        {
          /* Translators: deregistration protection, being turned off;
           * %s is a date and time */
          *owned = g_strdup_printf (_("On until %s"), date);
          return *owned;
        }
    }

  return VALUE_TO_LABEL (deregistration_protections, value);
}

static void
fill_general (AmigoImageDetails *self)
{
  AmigoImage *image = self->image;
  AdwPreferencesGroup *group = self->general_group;
  const char *image_id = amigo_image_get_image_id (image);
  const char *owner_id = amigo_image_get_owner_id (image);
  const char *alias = amigo_image_get_image_owner_alias (image);
  const char *platform = amigo_image_get_platform_details (image);
  g_autofree char *protection_owned = NULL;
  GtkWidget *row;

  if (_amigo_image_details_is_set (image_id))
    {
      row = add_row (self, group, _("AMI ID"), NULL, image_id);
      add_copy_button (ADW_ACTION_ROW (row), image_id, _("Copy AMI ID"), _("AMI ID copied"));
    }

  /* The header shows the id when there is no name: say so here. */
  if (!_amigo_image_details_is_set (amigo_image_get_name (image)))
    add_row (self, group, _("Name"), NULL, _("None"));

  if (_amigo_image_details_is_set (owner_id) || _amigo_image_details_is_set (alias))
    {
      const char *subtitle = _amigo_image_details_is_owned (self) ? _("This account") : alias;

      add_row (self, group, _("Owner"), _amigo_image_details_is_set (subtitle) ? subtitle : NULL,
               _amigo_image_details_is_set (owner_id) ? owner_id : alias);
    }

  if (amigo_model_has_value (image, "is-public"))
    add_row (self, group, _("Visibility"), NULL,
             amigo_image_get_is_public (image) ? _("Public") : _("Private"));

  if (!_amigo_image_details_is_set (platform))
    platform = amigo_image_get_platform (image);
  add_row_if_set (self, group, _("Platform"), platform);
  add_row_if_set (self, group, _("Usage operation"), amigo_image_get_usage_operation (image));
  add_row_if_set (self, group, _("Image type"),
                  VALUE_TO_LABEL (image_types, amigo_image_get_image_type (image)));
  add_row_if_set (self, group, _("Hypervisor"),
                  VALUE_TO_LABEL (hypervisors, amigo_image_get_hypervisor (image)));
  add_row_if_set (self, group, _("Location"), amigo_image_get_image_location (image));
  add_row_if_set (self, group, _("Deregistration protection"),
                  deregistration_protection_to_label (amigo_image_get_deregistration_protection (image),
                                                      &protection_owned));

  if (amigo_model_has_value (image, "image-allowed"))
    add_row (self, group, _("Allowed AMIs"), NULL,
             amigo_image_get_image_allowed (image) ? _("Allowed") : _("Not allowed"));

  if (amigo_model_has_value (image, "free-tier-eligible"))
    add_row (self, group, _("Free Tier"), NULL,
             amigo_image_get_free_tier_eligible (image) ? _("Eligible") : _("Not eligible"));
}

/* A date row: the local date and time at the end, how long ago below the
 * title. A date AWS wrote in a form we cannot read shows as written. */
static GtkWidget *
add_date_row (AmigoImageDetails *self,
              const char        *title,
              const char        *text,
              gint64             usec,
              gboolean           deprecation)
{
  g_autofree char *local = amigo_format_date_local (usec);
  g_autofree char *relative = NULL;
  g_autofree char *subtitle = NULL;
  gint64 now = get_now (self);
  GtkWidget *row;
  GtkLabel *label;

  if (local == NULL)
    return add_row (self, self->dates_group, title, NULL, text);

  relative = amigo_format_date_relative (usec, now);
  if (deprecation && usec <= now)
    {
      /* Translators: %s is a relative time such as “3 days ago” */
      subtitle = g_strdup_printf (_("Deprecated %s"), relative);
    }
  else
    subtitle = g_steal_pointer (&relative);

  row = add_row (self, self->dates_group, title, subtitle, local);

  /* A date is read whole: in some languages it is long, so it may wrap
   * (between date and time) but never loses its middle. */
  label = g_object_get_data (G_OBJECT (row), "amigo-value-label");
  gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_NONE);
  gtk_label_set_max_width_chars (label, -1);
  gtk_label_set_wrap (label, TRUE);
  /* One line when there is room. */
  gtk_label_set_natural_wrap_mode (label, GTK_NATURAL_WRAP_NONE);
  gtk_label_set_justify (label, GTK_JUSTIFY_RIGHT);

  return row;
}

static void
fill_dates (AmigoImageDetails *self)
{
  AmigoImage *image = self->image;
  const char *created = amigo_image_get_creation_date (image);
  const char *deprecation = amigo_image_get_deprecation_time (image);
  const char *last_launched = amigo_image_get_last_launched_time (image);

  if (_amigo_image_details_is_set (created))
    add_date_row (self, _("Created"), created,
                  amigo_image_get_creation_date_usec (image), FALSE);

  if (_amigo_image_details_is_set (deprecation))
    add_date_row (self, _("Deprecation"), deprecation,
                  amigo_image_get_deprecation_time_usec (image), TRUE);
  else
    add_row (self, self->dates_group, _("Deprecation"), NULL, _("Not scheduled"));

  if (_amigo_image_details_is_set (last_launched))
    add_date_row (self, _("Last launched"), last_launched,
                  amigo_image_get_last_launched_time_usec (image), FALSE);
}

static void
fill_machine (AmigoImageDetails *self)
{
  AmigoImage *image = self->image;
  AdwPreferencesGroup *group = self->machine_group;
  const char *boot_mode = amigo_image_get_boot_mode (image);
  const char *sriov = amigo_image_get_sriov_net_support (image);
  const char *tpm = amigo_image_get_tpm_support (image);
  const char *imds = amigo_image_get_imds_support (image);

  add_row_if_set (self, group, _("Architecture"), amigo_image_get_architecture (image));
  add_row_if_set (self, group, _("Virtualization type"),
                  VALUE_TO_LABEL (virtualization_types, amigo_image_get_virtualization_type (image)));
  add_row (self, group, _("Boot mode"), NULL,
           _amigo_image_details_is_set (boot_mode) ? VALUE_TO_LABEL (boot_modes, boot_mode)
                              : _("Instance type default"));
  /* AWS leaves these out when they are off. */
  add_row (self, group, _("ENA support"), NULL, yes_no (amigo_image_get_ena_support (image)));
  add_row (self, group, _("SR-IOV networking"), NULL,
           _amigo_image_details_is_set (sriov) ? VALUE_TO_LABEL (sriov_supports, sriov) : _("No"));
  add_row (self, group, _("NitroTPM"), NULL,
           _amigo_image_details_is_set (tpm) ? VALUE_TO_LABEL (tpm_supports, tpm) : _("Not supported"));
  add_row (self, group, _("IMDSv2"), NULL,
           g_strcmp0 (imds, "v2.0") == 0 ? _("Required")
           : _amigo_image_details_is_set (imds) ? imds : _("Not required"));
  add_row_if_set (self, group, _("Kernel ID"), amigo_image_get_kernel_id (image));
  add_row_if_set (self, group, _("RAM disk ID"), amigo_image_get_ramdisk_id (image));
}

static void
add_nested_row (AdwExpanderRow *expander,
                const char     *title,
                const char     *value)
{
  adw_expander_row_add_row (expander, _amigo_image_details_make_row (title, NULL, value));
}

static GtkWidget *
make_ebs_row (const AmigoBlockDeviceMapping *mapping,
              gboolean                       is_root)
{
  const AmigoEbsBlockDevice *ebs = &mapping->ebs;
  GtkWidget *row = adw_expander_row_new ();
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (row);
  g_autoptr(GPtrArray) summary = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary_text = NULL;
  g_autofree char *size = NULL;

  if (ebs->volume_size >= 0)
    /* Translators: a volume size in gibibytes */
    size = g_strdup_printf (_("%d GiB"), ebs->volume_size);

  if (is_root)
    g_ptr_array_add (summary, g_strdup (_("Root device")));
  g_ptr_array_add (summary, g_strdup (_("EBS volume")));
  if (size != NULL)
    g_ptr_array_add (summary, g_strdup (size));
  if (_amigo_image_details_is_set (ebs->volume_type))
    g_ptr_array_add (summary, g_strdup (ebs->volume_type));
  g_ptr_array_add (summary, NULL);
  /* Translators: the separator between the parts of a block device's summary */
  summary_text = g_strjoinv (_(" · "), (char **) summary->pdata);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 _amigo_image_details_is_set (mapping->device_name) ? mapping->device_name
                                                                                     : _("Unnamed device"));
  amigo_a11y_name_row_by_title (ADW_PREFERENCES_ROW (row));
  adw_expander_row_set_subtitle (expander, summary_text);
  adw_expander_row_set_expanded (expander, is_root);

  if (_amigo_image_details_is_set (ebs->snapshot_id))
    {
      GtkWidget *snapshot_row = _amigo_image_details_make_row (_("Snapshot"), NULL, ebs->snapshot_id);

      add_copy_button (ADW_ACTION_ROW (snapshot_row), ebs->snapshot_id,
                       _("Copy snapshot ID"), _("Snapshot ID copied"));
      adw_expander_row_add_row (expander, snapshot_row);
    }
  else
    add_nested_row (expander, _("Snapshot"), _("None (empty volume)"));

  if (size != NULL)
    add_nested_row (expander, _("Size"), size);
  if (_amigo_image_details_is_set (ebs->volume_type))
    add_nested_row (expander, _("Volume type"), VALUE_TO_LABEL (volume_types, ebs->volume_type));
  if (ebs->iops >= 0)
    {
      g_autofree char *iops = g_strdup_printf ("%d", ebs->iops);

      add_nested_row (expander, _("IOPS"), iops);
    }
  if (ebs->throughput >= 0)
    {
      /* Translators: a volume's throughput in mebibytes per second */
      g_autofree char *throughput = g_strdup_printf (_("%d MiB/s"), ebs->throughput);

      add_nested_row (expander, _("Throughput"), throughput);
    }
  if (ebs->encrypted != AMIGO_TRISTATE_UNSET)
    add_nested_row (expander, _("Encrypted"), yes_no (ebs->encrypted == AMIGO_TRISTATE_TRUE));
  if (_amigo_image_details_is_set (ebs->kms_key_id))
    add_nested_row (expander, _("KMS key"), ebs->kms_key_id);
  if (ebs->delete_on_termination != AMIGO_TRISTATE_UNSET)
    add_nested_row (expander, _("Delete on termination"),
                    yes_no (ebs->delete_on_termination == AMIGO_TRISTATE_TRUE));
  if (_amigo_image_details_is_set (ebs->availability_zone))
    add_nested_row (expander, _("Availability Zone"), ebs->availability_zone);
  if (_amigo_image_details_is_set (ebs->outpost_arn))
    add_nested_row (expander, _("Outpost"), ebs->outpost_arn);

  return row;
}

static GtkWidget *
make_block_device_row (const AmigoBlockDeviceMapping *mapping,
                       gboolean                       is_root)
{
  const char *device = _amigo_image_details_is_set (mapping->device_name) ? mapping->device_name : _("Unnamed device");

  if (mapping->has_ebs)
    return make_ebs_row (mapping, is_root);

  /* noDevice is usually an empty element: present means suppressed. */
  if (mapping->no_device != NULL)
    return _amigo_image_details_make_row (device, _("Suppressed from the image"), _("No device"));

  if (_amigo_image_details_is_set (mapping->virtual_name))
    return _amigo_image_details_make_row (device, _("Instance store volume"), mapping->virtual_name);

  return _amigo_image_details_make_row (device, NULL, NULL);
}

static void
fill_storage (AmigoImageDetails *self)
{
  AmigoImage *image = self->image;
  const char *root_device = amigo_image_get_root_device_name (image);
  const AmigoBlockDeviceMapping *mappings;
  guint n_mappings = 0;

  add_row_if_set (self, self->storage_group, _("Root device type"),
                  VALUE_TO_LABEL (root_device_types, amigo_image_get_root_device_type (image)));
  add_row_if_set (self, self->storage_group, _("Root device name"), root_device);

  mappings = amigo_image_get_block_device_mappings (image, &n_mappings);
  for (guint i = 0; i < n_mappings; i++)
    {
      gboolean is_root = _amigo_image_details_is_set (root_device) &&
                         g_strcmp0 (mappings[i].device_name, root_device) == 0;
      GtkWidget *row = make_block_device_row (&mappings[i], is_root);

      adw_preferences_group_add (self->storage_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
fill_tags (AmigoImageDetails *self)
{
  const AmigoTag *tags;
  guint n_tags = 0;

  tags = amigo_image_get_tags (self->image, &n_tags);
  adw_preferences_group_set_description (self->tags_group, n_tags == 0 ? _("No tags") : NULL);

  for (guint i = 0; i < n_tags; i++)
    {
      GtkWidget *row = add_row (self, self->tags_group,
                                tags[i].key != NULL ? tags[i].key : "", NULL,
                                tags[i].value != NULL ? tags[i].value : "");

      adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);
    }
}

static void
fill_product_codes (AmigoImageDetails *self)
{
  const AmigoProductCode *codes;
  guint n_codes = 0;

  codes = amigo_image_get_product_codes (self->image, &n_codes);
  gtk_widget_set_visible (GTK_WIDGET (self->product_codes_group), n_codes > 0);

  for (guint i = 0; i < n_codes; i++)
    {
      const char *type = codes[i].product_code_type;

      add_row (self, self->product_codes_group,
               _amigo_image_details_is_set (type) ? VALUE_TO_LABEL (product_code_types, type) : _("Product code"),
               NULL, codes[i].product_code_id != NULL ? codes[i].product_code_id : "");
    }
}

static void
fill_source (AmigoImageDetails *self)
{
  AmigoImage *image = self->image;
  const char *source_image = amigo_image_get_source_image_id (image);
  GtkWidget *row;
  gboolean any = FALSE;

  if (_amigo_image_details_is_set (source_image))
    {
      row = add_row (self, self->source_group, _("Source image"), NULL, source_image);
      add_copy_button (ADW_ACTION_ROW (row), source_image,
                       _("Copy source AMI ID"), _("AMI ID copied"));
      any = TRUE;
    }
  any |= add_row_if_set (self, self->source_group, _("Source region"),
                         amigo_image_get_source_image_region (image)) != NULL;
  any |= add_row_if_set (self, self->source_group, _("Source instance"),
                         amigo_image_get_source_instance_id (image)) != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->source_group), any);
}

/* ---- The whole pane ---------------------------------------------------- */

static void
fill_header (AmigoImageDetails *self)
{
  AmigoImage *image = self->image;
  const char *name = amigo_image_get_name (image);
  const char *description = amigo_image_get_description (image);
  const char *state = amigo_image_get_state (image);
  const AmigoStateReason *reason = amigo_image_get_state_reason (image);
  gint64 deprecation = amigo_image_get_deprecation_time_usec (image);
  const char *reason_text = NULL;

  gtk_label_set_text (self->title_label, _amigo_image_details_is_set (name) ? name : amigo_image_get_image_id (image));

  amigo_state_badge_set_state (self->state_badge, state);
  gtk_widget_set_visible (GTK_WIDGET (self->deprecated_badge),
                          deprecation != 0 && deprecation <= get_now (self));

  if (reason != NULL)
    reason_text = _amigo_image_details_is_set (reason->message) ? reason->message : reason->code;
  gtk_label_set_text (self->state_reason_label, _amigo_image_details_is_set (reason_text) ? reason_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->state_reason_label), _amigo_image_details_is_set (reason_text));
  if (g_strcmp0 (amigo_image_state_to_style_class (state), "error") == 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->state_reason_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->state_reason_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->state_reason_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->state_reason_label), "dim-label");
    }

  gtk_label_set_text (self->description_label, _amigo_image_details_is_set (description) ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), _amigo_image_details_is_set (description));
}

static void
scroll_to_top (AmigoImageDetails *self)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);

  if (scroller != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), 0);
}

static void
update (AmigoImageDetails *self)
{
  _amigo_image_details_clear_rows (self->rows);
  _amigo_image_details_reset_permissions (self);

  if (self->image == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  fill_header (self);
  fill_general (self);
  fill_dates (self);
  fill_machine (self);
  fill_storage (self);
  fill_tags (self);
  fill_product_codes (self);
  fill_source (self);
  _amigo_image_details_load_ancestry (self);
  _amigo_image_details_load_copies (self);

  gtk_stack_set_visible_child_name (self->stack, "details");
  scroll_to_top (self);
}

static void
amigo_image_details_dispose (GObject *object)
{
  AmigoImageDetails *self = AMIGO_IMAGE_DETAILS (object);

  _amigo_image_details_cancel_permissions (self);
  /* The rows belong to the groups, which the template disposes. */
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->permission_rows, g_ptr_array_unref);
  /* Unparented by AdwBin first, so the template does not unparent it too. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMIGO_TYPE_IMAGE_DETAILS);
  g_clear_object (&self->image);
  g_clear_object (&self->ec2);

  G_OBJECT_CLASS (amigo_image_details_parent_class)->dispose (object);
}

static void
amigo_image_details_finalize (GObject *object)
{
  AmigoImageDetails *self = AMIGO_IMAGE_DETAILS (object);

  g_free (self->account_number);

  G_OBJECT_CLASS (amigo_image_details_parent_class)->finalize (object);
}

static void
amigo_image_details_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AmigoImageDetails *self = AMIGO_IMAGE_DETAILS (object);

  if (prop_id == PROP_IMAGE)
    g_value_set_object (value, self->image);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
amigo_image_details_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AmigoImageDetails *self = AMIGO_IMAGE_DETAILS (object);

  if (prop_id == PROP_IMAGE)
    amigo_image_details_set_image (self, g_value_get_object (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
amigo_image_details_class_init (AmigoImageDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amigo_image_details_dispose;
  object_class->finalize = amigo_image_details_finalize;
  object_class->get_property = amigo_image_details_get_property;
  object_class->set_property = amigo_image_details_set_property;

  /**
   * AmigoImageDetails:image: (nullable)
   *
   * The image shown, or %NULL for the "Select an Image" page.
   */
  properties[PROP_IMAGE] =
    g_param_spec_object ("image", NULL, NULL,
                         AMIGO_TYPE_IMAGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/images/amigo-image-details.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoImageDetails, stack);
  gtk_widget_class_bind_template_child (widget_class, AmigoImageDetails, header_box);
  gtk_widget_class_bind_template_child (widget_class, AmigoImageDetails, title_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoImageDetails, state_badge);
  gtk_widget_class_bind_template_child (widget_class, AmigoImageDetails, deprecated_badge);
  gtk_widget_class_bind_template_child (widget_class, AmigoImageDetails, state_reason_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoImageDetails, description_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoImageDetails, general_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoImageDetails, dates_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoImageDetails, machine_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoImageDetails, storage_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoImageDetails, tags_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoImageDetails, product_codes_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoImageDetails, source_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoImageDetails, launch_permissions_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoImageDetails, launch_permissions_button);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_launch_permissions_button_clicked_cb",
                                                G_CALLBACK (_amigo_image_details_on_launch_permissions_button_clicked_cb));
}

static void
amigo_image_details_init (AmigoImageDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->permission_rows = g_ptr_array_new ();
  update (self);
}

/**
 * amigo_image_details_new:
 *
 * Returns: (transfer floating): a pane showing no image yet
 */
GtkWidget *
amigo_image_details_new (void)
{
  return g_object_new (AMIGO_TYPE_IMAGE_DETAILS, NULL);
}

/**
 * amigo_image_details_set_image:
 * @self: the pane
 * @image: (nullable): the image to show, or %NULL for none
 *
 * Shows @image. A launch-permission request still running for the image
 * shown before is cancelled.
 */
void
amigo_image_details_set_image (AmigoImageDetails *self,
                               AmigoImage        *image)
{
  g_return_if_fail (AMIGO_IS_IMAGE_DETAILS (self));
  g_return_if_fail (image == NULL || AMIGO_IS_IMAGE (image));

  if (!g_set_object (&self->image, image))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMAGE]);
}

/**
 * amigo_image_details_get_image:
 * @self: the pane
 *
 * Returns: (transfer none) (nullable): the image shown
 */
AmigoImage *
amigo_image_details_get_image (AmigoImageDetails *self)
{
  g_return_val_if_fail (AMIGO_IS_IMAGE_DETAILS (self), NULL);

  return self->image;
}

/**
 * amigo_image_details_set_context:
 * @self: the pane
 * @ec2: (nullable): EC2 in the region of the images shown, for the
 *   launch permissions; %NULL hides them
 * @account_number: (nullable): the account of the person, so the pane
 *   offers launch permissions only for their own images; %NULL when not
 *   known yet (then they are offered for every image)
 *
 * Tells the pane where the images it shows come from. Call it before
 * amigo_image_details_set_image() when the account or region changes.
 */
void
amigo_image_details_set_context (AmigoImageDetails *self,
                                 AmigoEc2          *ec2,
                                 const char        *account_number)
{
  g_return_if_fail (AMIGO_IS_IMAGE_DETAILS (self));
  g_return_if_fail (ec2 == NULL || AMIGO_IS_EC2 (ec2));

  g_set_object (&self->ec2, ec2);
  g_free (self->account_number);
  self->account_number = _amigo_image_details_is_set (account_number) ? g_strdup (account_number) : NULL;

  /* The owner row and the permissions depend on the account. */
  update (self);
}

/* ---- For the tests ----------------------------------------------------- */

AdwPreferencesGroup *
_amigo_image_details_get_group (AmigoImageDetails *self,
                                const char        *name)
{
  const struct {
    const char *name;
    AdwPreferencesGroup *group;
  } groups[] = {
    { "general", self->general_group },
    { "dates", self->dates_group },
    { "machine", self->machine_group },
    { "storage", self->storage_group },
    { "tags", self->tags_group },
    { "product-codes", self->product_codes_group },
    { "source", self->source_group },
    { "launch-permissions", self->launch_permissions_group },
  };

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    if (g_str_equal (groups[i].name, name))
      return groups[i].group;

  g_return_val_if_reached (NULL);
}

GtkWidget *
_amigo_image_details_get_header (AmigoImageDetails *self)
{
  return self->header_box;
}

GtkButton *
_amigo_image_details_get_launch_permissions_button (AmigoImageDetails *self)
{
  return self->launch_permissions_button;
}

const char *
_amigo_image_details_row_get_value (GtkWidget *row)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (row), "amigo-value-label");

  return label != NULL ? gtk_label_get_text (label) : NULL;
}

void
_amigo_image_details_set_now (AmigoImageDetails *self,
                              gint64             now_usec)
{
  self->now_usec = now_usec;
  update (self);
}

/**
 * amigo_image_details_set_now_for_testing:
 * @now_usec: the wall-clock time, in microseconds since the epoch, that
 *   relative dates ("in 3 days", "deprecated") are counted from
 *
 * For tests only: fixes "now", so that what the pane says of dates does
 * not depend on the day the test runs.
 */
void
amigo_image_details_set_now_for_testing (AmigoImageDetails *self,
                                         gint64             now_usec)
{
  g_return_if_fail (AMIGO_IS_IMAGE_DETAILS (self));
  _amigo_image_details_set_now (self, now_usec);
}
