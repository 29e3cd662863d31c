/* amigo-image-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The limits are EBS's, from the engine (amigo-ec2-limits.h): sizes per
 * type, and the provisioned IOPS io1 and io2 need. They are checked before
 * a request is sent so that a person sees what to change next to the
 * field, rather than AWS's error afterwards.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "amigo-error.h"
#include "amigo-image-form.h"

/* The names of the EBS volume types, in the engine's order
 * (amigo_ec2_get_all_volume_limits()): gp3, gp2, io1, io2, st1, sc1,
 * standard. */
static const char * const volume_type_labels[] = {
  /* Translators: EBS volume types as the AWS console names them; the code
   * in parentheses stays as it is */
  N_("General Purpose SSD (gp3)"),
  N_("General Purpose SSD (gp2)"),
  N_("Provisioned IOPS SSD (io1)"),
  N_("Provisioned IOPS SSD (io2)"),
  N_("Throughput Optimized HDD (st1)"),
  N_("Cold HDD (sc1)"),
  N_("Magnetic (standard)"),
};

guint
amigo_image_form_get_n_volume_types (void)
{
  guint n = 0;

  /* A type the engine adds needs its name above. */
  amigo_ec2_get_all_volume_limits (&n);
  g_warn_if_fail (n == G_N_ELEMENTS (volume_type_labels));
  return MIN (n, G_N_ELEMENTS (volume_type_labels));
}

const char *
amigo_image_form_get_volume_type (guint index)
{
  guint n = 0;
  const AmigoEc2VolumeLimits *all = amigo_ec2_get_all_volume_limits (&n);

  g_return_val_if_fail (index < n, NULL);
  return all[index].volume_type;
}

/**
 * amigo_image_form_find_volume_type:
 *
 * Returns: the index of @type, or %GTK_INVALID_LIST_POSITION
 */
guint
amigo_image_form_find_volume_type (const char *type)
{
  guint n = amigo_image_form_get_n_volume_types ();

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (amigo_image_form_get_volume_type (i), type) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/**
 * amigo_image_form_new_volume_type_model:
 *
 * Returns: (transfer full): the types' names, for a combo row
 */
GtkStringList *
amigo_image_form_new_volume_type_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < amigo_image_form_get_n_volume_types (); i++)
    gtk_string_list_append (list, _(volume_type_labels[i]));
  return list;
}

gboolean
amigo_image_form_volume_type_has_iops (const char *type)
{
  const AmigoEc2VolumeLimits *t = amigo_ec2_get_volume_limits (type);

  return t != NULL && t->iops_required;
}

/* What AWS's console suggests: 3000, within the type's limits for @size. */
int
amigo_image_form_default_iops (const char *type,
                               int         size)
{
  const AmigoEc2VolumeLimits *t = amigo_ec2_get_volume_limits (type);

  if (t == NULL || !t->iops_required)
    return 0;
  return CLAMP (MIN (3000, t->max_iops_per_gib * MAX (size, 1)), t->min_iops, t->max_iops);
}

char *
amigo_image_form_check_volume (const char *device,
                               const char *type,
                               int         size,
                               int         min_size,
                               int         iops)
{
  const AmigoEc2VolumeLimits *t = amigo_ec2_get_volume_limits (type);

  if (amigo_image_form_find_volume_type (type) == GTK_INVALID_LIST_POSITION || t == NULL)
    /* Translators: %s is a device name such as /dev/sdf */
    return g_strdup_printf (_("Choose a volume type for %s."), device);

  if (min_size > 0 && size < min_size)
    /* Translators: %s is a device name such as /dev/sda1, %d a size in GiB */
    return g_strdup_printf (_("%s can’t be smaller than its current %d GiB."), device, min_size);
  if (size < t->min_size || size > t->max_size)
    /* Translators: “/dev/sdf: a gp3 volume is 1 to 16384 GiB.” */
    return g_strdup_printf (_("%s: a %s volume is %d to %d GiB."), device, t->volume_type,
                            t->min_size, t->max_size);
  if (t->iops_required)
    {
      int max_iops = MIN (t->max_iops, t->max_iops_per_gib * size);

      if (iops < t->min_iops || iops > max_iops)
        /* Translators: “/dev/sdf: an io1 volume of 8 GiB takes 100 to 400 IOPS.” */
        return g_strdup_printf (_("%s: an %s volume of %d GiB takes %d to %d IOPS."), device,
                                t->volume_type, size, t->min_iops, MAX (max_iops, t->min_iops));
    }
  return NULL;
}

/* S3 bucket names (Amazon S3 User Guide, "General purpose bucket naming
 * rules"): 3–63 characters of lowercase letters, digits, dots and hyphens,
 * starting and ending with a letter or digit, no two dots in a row, not
 * shaped like an IP address. */
static gboolean
bucket_name_is_valid (const char *name,
                      gsize       len)
{
  guint dots = 0;
  gboolean ip_like = TRUE;

  if (len < 3 || len > 63)
    return FALSE;
  if (!g_ascii_isalnum (name[0]) || !g_ascii_isalnum (name[len - 1]))
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      char c = name[i];

      if (!(g_ascii_islower (c) || g_ascii_isdigit (c) || c == '.' || c == '-'))
        return FALSE;
      if (c == '.' && i > 0 && name[i - 1] == '.')
        return FALSE;
      if (c == '.')
        dots++;
      else if (!g_ascii_isdigit (c))
        ip_like = FALSE;
    }
  return !(ip_like && dots == 3);
}

gboolean
amigo_image_form_validate_manifest (const char  *location,
                                    GError     **error)
{
  const char *slash;
  const char *key;
  static const char suffix[] = ".manifest.xml";

  if (location == NULL || *location == '\0')
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                   _("Enter where the manifest is in S3, such as my-bucket/images/web.manifest.xml."));
      return FALSE;
    }
  if (g_str_has_prefix (location, "s3://") || g_str_has_prefix (location, "https://") ||
      g_str_has_prefix (location, "http://"))
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                   _("Leave out the “s3://” or web address part: start with the bucket name, "
                     "such as my-bucket/images/web.manifest.xml."));
      return FALSE;
    }

  slash = strchr (location, '/');
  if (slash == NULL || !bucket_name_is_valid (location, slash - location))
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                   _("The location must start with a bucket name: 3 to 63 lowercase letters, "
                     "digits, dots and hyphens, then a slash."));
      return FALSE;
    }

  key = slash + 1;
  if (*key == '\0' || *key == '/' || strstr (key, "//") != NULL)
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                   _("After the bucket name comes the path of the manifest in it, such as "
                     "images/web.manifest.xml."));
      return FALSE;
    }
  for (const char *p = key; *p != '\0'; p++)
    if (g_ascii_iscntrl (*p) || *p == '\\')
      {
        g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                     _("The manifest’s path has a character S3 paths can’t hold."));
        return FALSE;
      }
  if (!g_str_has_suffix (key, suffix) || strlen (key) == strlen (suffix) ||
      g_str_has_suffix (key, "/" ".manifest.xml"))
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                   _("The manifest’s file name ends in “.manifest.xml”, such as web.manifest.xml."));
      return FALSE;
    }
  return TRUE;
}
