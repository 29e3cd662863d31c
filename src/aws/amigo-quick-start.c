/* amigo-quick-start.c — the current official images of the common systems
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where each publisher keeps its public parameters, and how a parameter's
 * name says the system's version and the image's architecture, is AWS's
 * rule: it lives here, once. Paths as the publishers document them:
 *   Amazon Linux  /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64
 *   Ubuntu        /aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id
 *   Debian        /aws/service/debian/release/12/latest/amd64
 *   Windows       /aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base
 *   SUSE          /aws/service/suse/sles/15-sp6/x86_64/latest
 *   Bottlerocket  /aws/service/bottlerocket/aws-k8s-1.31/x86_64/latest/image_id
 *   macOS         /aws/service/ec2-macos/sonoma/arm64_mac/latest/image_id
 * Red Hat publishes no public parameter: its images are found by owner and
 * name (below, RED_HAT_OWNER).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "amigo-quick-start.h"

/* DescribeImages filter values asked at once. */
#define IMAGE_IDS_PER_CALL 100

typedef enum {
  VERSION_AS_IS,
  VERSION_LTS,          /* Ubuntu: only YY.04 of an even year */
  VERSION_SUSE,         /* 15-sp6 → 15 SP6 */
  VERSION_CAPITALIZED,  /* sonoma → Sonoma */
} VersionStyle;

typedef struct {
  const char *system;
  const char *path;
  const char *pattern;       /* named groups: version, arch (optional) */
  VersionStyle style;
} CatalogEntry;

static const CatalogEntry catalog[] = {
  { "amazon-linux", "/aws/service/ami-amazon-linux-latest",
    "^/aws/service/ami-amazon-linux-latest/al(?<version>2023)-ami-kernel-default-(?<arch>x86_64|arm64)$",
    VERSION_AS_IS },
  { "amazon-linux", "/aws/service/ami-amazon-linux-latest",
    "^/aws/service/ami-amazon-linux-latest/amzn(?<version>2)-ami-hvm-(?<arch>x86_64|arm64)-gp2$",
    VERSION_AS_IS },
  { "ubuntu", "/aws/service/canonical/ubuntu/server",
    "^/aws/service/canonical/ubuntu/server/(?<version>[0-9]{2}\\.04)/stable/current/(?<arch>amd64|arm64)/hvm/ebs-gp[23]/ami-id$",
    VERSION_LTS },
  { "debian", "/aws/service/debian/release",
    "^/aws/service/debian/release/(?<version>[0-9]+)/latest/(?<arch>amd64|arm64)$",
    VERSION_AS_IS },
  { "windows", "/aws/service/ami-windows-latest",
    "^/aws/service/ami-windows-latest/Windows_Server-(?<version>[0-9]{4})-English-Full-Base$",
    VERSION_AS_IS },
  { "suse", "/aws/service/suse/sles",
    "^/aws/service/suse/sles/(?<version>[0-9]+-sp[0-9]+)/(?<arch>x86_64|arm64)/latest$",
    VERSION_SUSE },
  { "bottlerocket", "/aws/service/bottlerocket",
    "^/aws/service/bottlerocket/aws-k8s-(?<version>[0-9]+\\.[0-9]+)/(?<arch>x86_64|arm64)/latest/image_id$",
    VERSION_AS_IS },
  { "macos", "/aws/service/ec2-macos",
    "^/aws/service/ec2-macos/(?<version>[a-z]+)/(?<arch>x86_64_mac|arm64_mac)/latest/image_id$",
    VERSION_CAPITALIZED },
};

/* ---- AmigoQuickStartEntry --------------------------------------------- */

struct _AmigoQuickStartEntry
{
  GObject parent_instance;

  char *system;
  char *version;
  char *title;
  guint order;                 /* of the system in the catalog */
  GArray *images;              /* of AmigoQuickStartImage */
};

G_DEFINE_FINAL_TYPE (AmigoQuickStartEntry, amigo_quick_start_entry, G_TYPE_OBJECT)

static void
clear_image (gpointer data)
{
  AmigoQuickStartImage *image = data;

  g_free (image->architecture);
  g_free (image->parameter_name);
  g_free (image->image_id);
  g_clear_object (&image->image);
}

static void
amigo_quick_start_entry_finalize (GObject *object)
{
  AmigoQuickStartEntry *self = AMIGO_QUICK_START_ENTRY (object);

  g_free (self->system);
  g_free (self->version);
  g_free (self->title);
  g_array_unref (self->images);
  G_OBJECT_CLASS (amigo_quick_start_entry_parent_class)->finalize (object);
}

static void
amigo_quick_start_entry_class_init (AmigoQuickStartEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = amigo_quick_start_entry_finalize;
}

static void
amigo_quick_start_entry_init (AmigoQuickStartEntry *self)
{
  self->images = g_array_new (FALSE, TRUE, sizeof (AmigoQuickStartImage));
  g_array_set_clear_func (self->images, clear_image);
}

/**
 * amigo_quick_start_entry_get_system:
 * @self: an entry
 *
 * Returns: (transfer none): the system: `amazon-linux`, `ubuntu`, `debian`,
 *   `windows`, `suse`, `bottlerocket`, `macos` or `rhel` (whose images no
 *   parameter names: their @parameter_name is %NULL)
 */
const char *
amigo_quick_start_entry_get_system (AmigoQuickStartEntry *self)
{
  g_return_val_if_fail (AMIGO_IS_QUICK_START_ENTRY (self), NULL);
  return self->system;
}

/**
 * amigo_quick_start_entry_get_version:
 * @self: an entry
 *
 * Returns: (transfer none): the version as the parameter names it, e.g.
 *   `24.04`, `12`, `2022`, `15-sp6`, `sonoma`
 */
const char *
amigo_quick_start_entry_get_version (AmigoQuickStartEntry *self)
{
  g_return_val_if_fail (AMIGO_IS_QUICK_START_ENTRY (self), NULL);
  return self->version;
}

/**
 * amigo_quick_start_entry_get_title:
 * @self: an entry
 *
 * Returns: (transfer none): the system and version for people, translated,
 *   e.g. "Ubuntu Server 24.04 LTS"
 */
const char *
amigo_quick_start_entry_get_title (AmigoQuickStartEntry *self)
{
  g_return_val_if_fail (AMIGO_IS_QUICK_START_ENTRY (self), NULL);
  return self->title;
}

/**
 * amigo_quick_start_entry_get_images:
 * @self: an entry
 * @n_images: (out) (optional): how many
 *
 * Returns: (transfer none) (array length=n_images): the latest image of
 *   each architecture, `x86_64` first
 */
const AmigoQuickStartImage *
amigo_quick_start_entry_get_images (AmigoQuickStartEntry *self,
                                    guint                *n_images)
{
  g_return_val_if_fail (AMIGO_IS_QUICK_START_ENTRY (self), NULL);
  if (n_images != NULL)
    *n_images = self->images->len;
  return (const AmigoQuickStartImage *) self->images->data;
}

/**
 * amigo_quick_start_entry_get_image_for:
 * @self: an entry
 * @architecture: e.g. `arm64`
 *
 * Returns: (transfer none) (nullable): the latest image for @architecture
 */
const AmigoQuickStartImage *
amigo_quick_start_entry_get_image_for (AmigoQuickStartEntry *self,
                                       const char           *architecture)
{
  g_return_val_if_fail (AMIGO_IS_QUICK_START_ENTRY (self), NULL);
  for (guint i = 0; i < self->images->len; i++)
    {
      const AmigoQuickStartImage *image = &g_array_index (self->images, AmigoQuickStartImage, i);

      if (g_strcmp0 (image->architecture, architecture) == 0)
        return image;
    }
  return NULL;
}

/**
 * amigo_quick_start_get_paths:
 *
 * Returns: (transfer none) (array zero-terminated=1): the parameter paths
 *   the catalog reads, each once
 */
const char * const *
amigo_quick_start_get_paths (void)
{
  static const char *paths[G_N_ELEMENTS (catalog) + 1];
  static gsize done;

  if (g_once_init_enter (&done))
    {
      guint n = 0;

      for (guint i = 0; i < G_N_ELEMENTS (catalog); i++)
        if (n == 0 || !g_strv_contains (paths, catalog[i].path))
          paths[n++] = catalog[i].path;
      paths[n] = NULL;
      g_once_init_leave (&done, 1);
    }
  return paths;
}

/* The system and version for people (literal formats, for the translators
 * and the format checks). */
static char *
entry_title (const char *system,
             const char *label)
{
  if (strcmp (system, "amazon-linux") == 0)
    return g_strdup_printf (_("Amazon Linux %s"), label);
  if (strcmp (system, "ubuntu") == 0)
    return g_strdup_printf (_("Ubuntu Server %s LTS"), label);
  if (strcmp (system, "debian") == 0)
    return g_strdup_printf (_("Debian %s"), label);
  if (strcmp (system, "windows") == 0)
    return g_strdup_printf (_("Windows Server %s"), label);
  if (strcmp (system, "suse") == 0)
    return g_strdup_printf (_("SUSE Linux Enterprise Server %s"), label);
  if (strcmp (system, "bottlerocket") == 0)
    return g_strdup_printf (_("Bottlerocket for Kubernetes %s"), label);
  if (strcmp (system, "macos") == 0)
    return g_strdup_printf (_("macOS %s"), label);
  if (strcmp (system, "rhel") == 0)
    return g_strdup_printf (_("Red Hat Enterprise Linux %s"), label);
  return g_strdup (label);
}

static char *
version_label (const char   *version,
               VersionStyle  style)
{
  switch (style)
    {
    case VERSION_SUSE:
      {
        g_auto(GStrv) parts = g_strsplit (version, "-", 2);
        g_autofree char *sp = parts[1] != NULL ? g_ascii_strup (parts[1], -1) : NULL;

        return sp != NULL ? g_strdup_printf ("%s %s", parts[0], sp) : g_strdup (version);
      }
    case VERSION_CAPITALIZED:
      {
        char *label = g_strdup (version);

        label[0] = g_ascii_toupper (label[0]);
        return label;
      }
    case VERSION_LTS:
    case VERSION_AS_IS:
    default:
      return g_strdup (version);
    }
}

static const char *
normalize_architecture (const char *arch)
{
  /* Canonical and Debian say amd64; EC2 says x86_64. */
  if (arch == NULL || *arch == '\0' || strcmp (arch, "amd64") == 0)
    return "x86_64";
  return arch;
}

/* Whether @name is one of the catalog's, with what it says. */
static gboolean
match_parameter (const char          *name,
                 const CatalogEntry **entry_out,
                 char               **version_out,
                 const char         **arch_out)
{
  for (guint i = 0; i < G_N_ELEMENTS (catalog); i++)
    {
      g_autoptr(GRegex) regex = NULL;
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *arch = NULL;
      g_autofree char *version = NULL;

      if (!g_str_has_prefix (name, catalog[i].path))
        continue;
      regex = g_regex_new (catalog[i].pattern, G_REGEX_OPTIMIZE, 0, NULL);
      if (regex == NULL || !g_regex_match (regex, name, 0, &match))
        continue;
      version = g_match_info_fetch_named (match, "version");
      arch = g_match_info_fetch_named (match, "arch");
      if (catalog[i].style == VERSION_LTS && (atoi (version) % 2) != 0)
        continue;
      *entry_out = &catalog[i];
      *version_out = g_steal_pointer (&version);
      *arch_out = g_intern_string (normalize_architecture (arch));
      return TRUE;
    }
  return FALSE;
}

/* Numbers compare as numbers: Debian 9 < 12. */
static int
compare_versions (const char *a,
                  const char *b)
{
  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          char *end_a, *end_b;
          guint64 na = g_ascii_strtoull (a, &end_a, 10);
          guint64 nb = g_ascii_strtoull (b, &end_b, 10);

          if (na != nb)
            return na < nb ? -1 : 1;
          a = end_a;
          b = end_b;
          continue;
        }
      if (*a != *b)
        return (guchar) *a < (guchar) *b ? -1 : 1;
      a++;
      b++;
    }
  return (*a != '\0') - (*b != '\0');
}

/* Systems in the catalog's order, newest version first. */
static int
compare_entries (gconstpointer pa,
                 gconstpointer pb)
{
  AmigoQuickStartEntry *a = *(AmigoQuickStartEntry **) pa;
  AmigoQuickStartEntry *b = *(AmigoQuickStartEntry **) pb;

  if (a->order != b->order)
    return a->order < b->order ? -1 : 1;
  return -compare_versions (a->version, b->version);
}

static int
compare_architectures (gconstpointer pa,
                       gconstpointer pb)
{
  const AmigoQuickStartImage *a = pa;
  const AmigoQuickStartImage *b = pb;

  return g_strcmp0 (a->architecture, b->architecture) * -1;  /* x86_64 before arm64 */
}

/* Adds the image @image_id (named by @parameter_name, or by none) to the
 * entry of @system and @version in @entries, unless the entry has a newer
 * one for @arch. */
static void
add_entry_image (GHashTable   *entries,
                 const char   *system,
                 const char   *version,
                 VersionStyle  style,
                 guint         order,
                 const char   *arch,
                 const char   *parameter_name,
                 const char   *image_id,
                 gint64        last_modified_usec)
{
  g_autofree char *key = g_strdup_printf ("%s/%s", system, version);
  AmigoQuickStartEntry *entry = g_hash_table_lookup (entries, key);
  AmigoQuickStartImage image = { 0 };

  if (entry == NULL)
    {
      g_autofree char *label = version_label (version, style);

      entry = g_object_new (AMIGO_TYPE_QUICK_START_ENTRY, NULL);
      entry->system = g_strdup (system);
      entry->version = g_strdup (version);
      entry->order = order;
      entry->title = entry_title (system, label);
      g_hash_table_insert (entries, g_steal_pointer (&key), entry);
    }

  /* Ubuntu names a version's image under two volume types, Red Hat has an
   * image per minor release: keep the one that changed last. */
  for (guint i = 0; i < entry->images->len; i++)
    {
      AmigoQuickStartImage *have = &g_array_index (entry->images, AmigoQuickStartImage, i);

      if (strcmp (have->architecture, arch) != 0)
        continue;
      if (have->last_modified_usec >= last_modified_usec)
        return;
      g_array_remove_index (entry->images, i);
      break;
    }
  image.architecture = g_strdup (arch);
  image.parameter_name = g_strdup (parameter_name);
  image.image_id = g_strdup (image_id);
  image.last_modified_usec = last_modified_usec;
  g_array_append_val (entry->images, image);
  g_array_sort (entry->images, compare_architectures);
}

/* Adds @parameter to the entry of its system and version in @entries. */
static void
add_parameter (GHashTable *entries,
               const char *name,
               const char *image_id,
               gint64      last_modified_usec)
{
  const CatalogEntry *ce = NULL;
  g_autofree char *version = NULL;
  const char *arch = NULL;

  if (image_id == NULL || !match_parameter (name, &ce, &version, &arch))
    return;
  add_entry_image (entries, ce->system, version, ce->style, (guint) (ce - catalog), arch,
                   name, image_id, last_modified_usec);
}

/**
 * amigo_quick_start_entry_new_from_parameter:
 * @parameter_name: a public parameter's name
 * @image_id: the image it names
 *
 * For tests and for one parameter read alone (GetParameters).
 *
 * Returns: (transfer full) (nullable): the entry of @parameter_name's
 *   system and version with that one image, or %NULL when the catalog does
 *   not know the parameter
 */
AmigoQuickStartEntry *
amigo_quick_start_entry_new_from_parameter (const char *parameter_name,
                                            const char *image_id)
{
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  GHashTableIter iter;
  gpointer value = NULL;

  g_return_val_if_fail (parameter_name != NULL, NULL);

  add_parameter (entries, parameter_name, image_id, 0);
  g_hash_table_iter_init (&iter, entries);
  if (!g_hash_table_iter_next (&iter, NULL, &value))
    return NULL;
  return g_object_ref (value);
}

/* ---- the listing ------------------------------------------------------ */

typedef struct {
  AmigoEc2 *ec2;
  GHashTable *entries;          /* "system/version" → AmigoQuickStartEntry */
  GHashTable *images;           /* image id → AmigoImage */
  GPtrArray *image_ids;
  guint next_image;
  guint pending;
  GError *error;                /* the first failure */
  guint n_failed;
} ListOp;

static void
list_op_free (gpointer data)
{
  ListOp *op = data;

  g_clear_object (&op->ec2);
  g_hash_table_unref (op->entries);
  g_hash_table_unref (op->images);
  g_clear_pointer (&op->image_ids, g_ptr_array_unref);
  g_clear_error (&op->error);
  g_free (op);
}

static void describe_next (GTask *task);

static void
finish_list (GTask *task)
{
  ListOp *op = g_task_get_task_data (task);
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, op->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      AmigoQuickStartEntry *entry = value;

      for (guint i = 0; i < entry->images->len; i++)
        {
          AmigoQuickStartImage *image = &g_array_index (entry->images, AmigoQuickStartImage, i);
          AmigoImage *described = g_hash_table_lookup (op->images, image->image_id);

          if (described != NULL)
            image->image = g_object_ref (described);
        }
      g_ptr_array_add (result, g_object_ref (entry));
    }
  g_ptr_array_sort (result, compare_entries);

  if (result->len == 0 && op->error != NULL)
    g_task_return_error (task, g_steal_pointer (&op->error));
  else
    g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) g_ptr_array_unref);
}

static void
describe_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  ListOp *op = g_task_get_task_data (task);
  g_autoptr(GPtrArray) images = NULL;
  GError *error = NULL;

  images = amigo_ec2_describe_images_finish (AMIGO_EC2 (source), result, NULL, &error);
  if (images == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, error);
          g_object_unref (task);
          return;
        }
      /* The entries stay, without their images' details. */
      g_clear_error (&error);
    }
  for (guint i = 0; images != NULL && i < images->len; i++)
    {
      AmigoImage *image = g_ptr_array_index (images, i);

      g_hash_table_replace (op->images, g_strdup (amigo_image_get_image_id (image)), g_object_ref (image));
    }
  describe_next (task);
}

static void
describe_next (GTask *task)
{
  ListOp *op = g_task_get_task_data (task);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  AmigoEc2Filter filter = { "image-id", NULL };
  AmigoDescribeImagesRequest request = { 0 };

  while (op->next_image < op->image_ids->len && values->len < IMAGE_IDS_PER_CALL)
    g_ptr_array_add (values, g_ptr_array_index (op->image_ids, op->next_image++));
  if (values->len == 0)
    {
      finish_list (task);
      g_object_unref (task);
      return;
    }
  g_ptr_array_add (values, NULL);
  filter.values = (const char * const *) values->pdata;
  request.filters = &filter;
  request.n_filters = 1;
  request.include_deprecated = TRUE;
  amigo_ec2_describe_images_async (op->ec2, &request, g_task_get_cancellable (task), describe_cb,
                                   task);
}

static void source_done (GTask *task);
static void list_red_hat (AmigoEc2     *ec2,
                          GCancellable *cancellable,
                          GTask        *task);

static void
by_path_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  ListOp *op = g_task_get_task_data (task);
  g_autoptr(GPtrArray) parameters = NULL;
  GError *error = NULL;

  parameters = amigo_ssm_get_parameters_by_path_finish (AMIGO_SSM (source), result, &error);
  if (parameters == NULL)
    {
      op->n_failed++;
      if (op->error == NULL)
        op->error = error;
      else
        g_error_free (error);
    }
  for (guint i = 0; parameters != NULL && i < parameters->len; i++)
    {
      AmigoSsmParameter *p = g_ptr_array_index (parameters, i);

      add_parameter (op->entries, p->name, p->value, p->last_modified_usec);
    }
  source_done (task);
}

/* A source of the catalog (a parameter path, Red Hat's images) has
 * answered: when the last has, the images the entries name are described. */
static void
source_done (GTask *task)
{
  ListOp *op = g_task_get_task_data (task);

  if (--op->pending > 0)
    return;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  /* Every image id the entries name, once. */
  {
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
    GHashTableIter iter;
    gpointer value;

    op->image_ids = g_ptr_array_new_with_free_func (g_free);
    g_hash_table_iter_init (&iter, op->entries);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        AmigoQuickStartEntry *entry = value;

        for (guint i = 0; i < entry->images->len; i++)
          {
            const char *id = g_array_index (entry->images, AmigoQuickStartImage, i).image_id;

            /* Red Hat's come described already */
            if (g_hash_table_contains (op->images, id))
              continue;
            if (g_hash_table_add (seen, (gpointer) id))
              g_ptr_array_add (op->image_ids, g_strdup (id));
          }
      }
  }
  describe_next (task);
}

/**
 * amigo_quick_start_list_async:
 * @ssm: Systems Manager in the region
 * @ec2: EC2 in the same region
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the list is complete
 * @user_data: data for @callback
 *
 * The Quick Start list of the region: GetParametersByPath (recursive) on
 * each publisher's path, one entry per system and version with the image
 * each architecture's parameter names, then DescribeImages of those images
 * (their date, name and free-tier mark); and Red Hat's pay-as-you-go
 * images by owner and name, the newest of each major version. A source
 * the account may not read is left out; the list fails only when nothing
 * came.
 */
void
amigo_quick_start_list_async (AmigoSsm            *ssm,
                              AmigoEc2            *ec2,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  const char * const *paths = amigo_quick_start_get_paths ();
  GTask *task;
  ListOp *op;

  g_return_if_fail (AMIGO_IS_SSM (ssm));
  g_return_if_fail (AMIGO_IS_EC2 (ec2));

  task = g_task_new (ssm, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_quick_start_list_async);
  op = g_new0 (ListOp, 1);
  op->ec2 = g_object_ref (ec2);
  op->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  op->images = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_task_set_task_data (task, op, list_op_free);

  op->pending = g_strv_length ((char **) paths) + 1;
  for (guint i = 0; paths[i] != NULL; i++)
    amigo_ssm_get_parameters_by_path_async (ssm, paths[i], TRUE, cancellable, by_path_cb, task);
  list_red_hat (ec2, cancellable, task);
}

/**
 * amigo_quick_start_list_finish:
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: (transfer container) (element-type AmigoQuickStartEntry) (nullable):
 *   the entries, systems in a fixed order and newest versions first, or
 *   %NULL with @error set
 */
GPtrArray *
amigo_quick_start_list_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL) || G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- Red Hat: by owner and name ---------------------------------------- */

/* Red Hat Enterprise Linux has no public parameter. Red Hat's own images are
 * owned by its account 309956199498 and named, after a major version's first
 * GA release, "RHEL-[version]-[virtualization type]-[release date]-
 * [architecture type]-[minor version release AMI iteration]-[subscription
 * model]-[EBS volume type]" (Red Hat Cloud Access Reference Guide, ch. 3,
 * "Using Red Hat Gold Images"), e.g. RHEL-9.4.0_HVM-20240605-x86_64-82-Hourly2-GP3:
 * "Hourly2" the pay-as-you-go images anyone may launch, "Access2" the Cloud
 * Access gold images shared with subscribers only. The newest pay-as-you-go
 * image of each major version and architecture is the entry's. */
#define RED_HAT_OWNER        "309956199498"
#define RED_HAT_NAME_FILTER  "RHEL-*_HVM-*-Hourly2-GP3"
#define RED_HAT_NAME_PATTERN \
  "^RHEL-(?<version>[0-9]+)\\.[0-9]+(\\.[0-9]+)?_HVM-[0-9]{8}-(?<arch>x86_64|arm64)-[0-9]+-Hourly2-GP3$"

static void
red_hat_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  ListOp *op = g_task_get_task_data (task);
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GRegex) regex = g_regex_new (RED_HAT_NAME_PATTERN, G_REGEX_OPTIMIZE, 0, NULL);
  GError *error = NULL;

  images = amigo_ec2_describe_images_finish (AMIGO_EC2 (source), result, NULL, &error);
  if (images == NULL)
    {
      op->n_failed++;
      if (op->error == NULL)
        op->error = error;
      else
        g_error_free (error);
    }
  for (guint i = 0; images != NULL && i < images->len; i++)
    {
      AmigoImage *image = g_ptr_array_index (images, i);
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *version = NULL;
      g_autofree char *arch = NULL;

      if (amigo_image_get_name (image) == NULL
          || !g_regex_match (regex, amigo_image_get_name (image), 0, &match))
        continue;
      version = g_match_info_fetch_named (match, "version");
      arch = g_match_info_fetch_named (match, "arch");
      g_hash_table_replace (op->images, g_strdup (amigo_image_get_image_id (image)), g_object_ref (image));
      add_entry_image (op->entries, "rhel", version, VERSION_AS_IS, G_N_ELEMENTS (catalog), arch, NULL,
                       amigo_image_get_image_id (image), amigo_image_get_creation_date_usec (image));
    }
  source_done (task);
}

static void
list_red_hat (AmigoEc2     *ec2,
              GCancellable *cancellable,
              GTask        *task)
{
  const char *owners[] = { RED_HAT_OWNER, NULL };
  const char *names[] = { RED_HAT_NAME_FILTER, NULL };
  AmigoEc2Filter filters[] = { { "name", names } };
  AmigoDescribeImagesRequest request = { .owners = owners, .filters = filters, .n_filters = 1 };

  amigo_ec2_describe_images_async (ec2, &request, cancellable, red_hat_cb, task);
}
