/* amigo-image-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The limits here are EBS's (Amazon EBS User Guide, "Amazon EBS volume
 * types"): sizes per type, and the provisioned IOPS io1 and io2 need.
 * They are checked before a request is sent so that a person sees what to
 * change next to the field, rather than AWS's error afterwards.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "amigo-error.h"
#include "amigo-image-form.h"

typedef struct {
  const char *type;
  const char *label;            /* translatable, N_() */
  int min_size;                 /* GiB */
  int max_size;
  int min_iops;                 /* 0: no provisioned IOPS */
  int max_iops;
  int iops_per_gib;
} VolumeType;

static const VolumeType volume_types[] = {
  /* Translators: EBS volume types as the AWS console names them; the code
   * in parentheses stays as it is */
  { "gp3", N_("General Purpose SSD (gp3)"), 1, 65536, 0, 0, 0 },
  { "gp2", N_("General Purpose SSD (gp2)"), 1, 16384, 0, 0, 0 },
  { "io1", N_("Provisioned IOPS SSD (io1)"), 4, 16384, 100, 64000, 50 },
  { "io2", N_("Provisioned IOPS SSD (io2)"), 4, 65536, 100, 256000, 1000 },
  { "st1", N_("Throughput Optimized HDD (st1)"), 125, 16384, 0, 0, 0 },
  { "sc1", N_("Cold HDD (sc1)"), 125, 16384, 0, 0, 0 },
  { "standard", N_("Magnetic (standard)"), 1, 1024, 0, 0, 0 },
};

guint
amigo_image_form_get_n_volume_types (void)
{
  return G_N_ELEMENTS (volume_types);
}

const char *
amigo_image_form_get_volume_type (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (volume_types), NULL);
  return volume_types[index].type;
}

/**
 * amigo_image_form_find_volume_type:
 *
 * Returns: the index of @type, or %GTK_INVALID_LIST_POSITION
 */
guint
amigo_image_form_find_volume_type (const char *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (volume_types); i++)
    if (g_strcmp0 (volume_types[i].type, type) == 0)
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

  for (guint i = 0; i < G_N_ELEMENTS (volume_types); i++)
    gtk_string_list_append (list, _(volume_types[i].label));
  return list;
}

gboolean
amigo_image_form_volume_type_has_iops (const char *type)
{
  guint i = amigo_image_form_find_volume_type (type);

  return i != GTK_INVALID_LIST_POSITION && volume_types[i].min_iops > 0;
}

/* What AWS's console suggests: 3000, within the type's limits for @size. */
int
amigo_image_form_default_iops (const char *type,
                               int         size)
{
  guint i = amigo_image_form_find_volume_type (type);
  const VolumeType *t;

  if (i == GTK_INVALID_LIST_POSITION || volume_types[i].min_iops == 0)
    return 0;
  t = &volume_types[i];
  return CLAMP (MIN (3000, t->iops_per_gib * MAX (size, 1)), t->min_iops, t->max_iops);
}

char *
amigo_image_form_check_volume (const char *device,
                               const char *type,
                               int         size,
                               int         min_size,
                               int         iops)
{
  guint i = amigo_image_form_find_volume_type (type);
  const VolumeType *t;

  if (i == GTK_INVALID_LIST_POSITION)
    /* Translators: %s is a device name such as /dev/sdf */
    return g_strdup_printf (_("Choose a volume type for %s."), device);
  t = &volume_types[i];

  if (min_size > 0 && size < min_size)
    /* Translators: %s is a device name such as /dev/sda1, %d a size in GiB */
    return g_strdup_printf (_("%s can’t be smaller than its current %d GiB."), device, min_size);
  if (size < t->min_size || size > t->max_size)
    /* Translators: “/dev/sdf: a gp3 volume is 1 to 16384 GiB.” */
    return g_strdup_printf (_("%s: a %s volume is %d to %d GiB."), device, t->type,
                            t->min_size, t->max_size);
  if (t->min_iops > 0)
    {
      int max_iops = MIN (t->max_iops, t->iops_per_gib * size);

      if (iops < t->min_iops || iops > max_iops)
        /* Translators: “/dev/sdf: an io1 volume of 8 GiB takes 100 to 400 IOPS.” */
        return g_strdup_printf (_("%s: an %s volume of %d GiB takes %d to %d IOPS."), device,
                                t->type, size, t->min_iops, MAX (max_iops, t->min_iops));
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

/* ---- the name check -------------------------------------------------- */

static void
find_own_image_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  const char *name = g_task_get_task_data (task);
  g_autoptr(GPtrArray) images = NULL;
  GError *error = NULL;

  images = amigo_ec2_describe_images_finish (AMIGO_EC2 (source), result, NULL, &error);
  if (images == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* The filter matches wildcards; the names compared are exact. */
  for (guint i = 0; i < images->len; i++)
    {
      AmigoImage *image = g_ptr_array_index (images, i);

      if (g_strcmp0 (amigo_image_get_name (image), name) == 0)
        {
          g_task_return_pointer (task, g_object_ref (image), g_object_unref);
          return;
        }
    }
  g_task_return_pointer (task, NULL, NULL);
}

void
amigo_image_form_find_own_image_async (AmigoEc2            *ec2,
                                       const char          *name,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  static const char * const self_owner[] = { "self", NULL };
  const char *names[] = { name, NULL };
  AmigoEc2Filter filter = { "name", names };
  AmigoDescribeImagesRequest request = {
    .owners = self_owner,
    .filters = &filter,
    .n_filters = 1,
    /* A deprecated or disabled image keeps its name too. */
    .include_deprecated = TRUE,
    .include_disabled = TRUE,
  };
  GTask *task = g_task_new (ec2, cancellable, callback, user_data);

  g_task_set_source_tag (task, amigo_image_form_find_own_image_async);
  g_task_set_task_data (task, g_strdup (name), g_free);
  amigo_ec2_describe_images_async (ec2, &request, NULL, NULL, NULL, cancellable,
                                   find_own_image_cb, task);
}

AmigoImage *
amigo_image_form_find_own_image_finish (AmigoEc2      *ec2,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, ec2), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
