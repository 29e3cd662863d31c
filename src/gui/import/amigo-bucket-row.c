/* amigo-bucket-row.c — a bucket of the Region: typed, picked from the
 * account's buckets, or created
 *
 * An entry row for the bucket VM Import/Export reads from or writes to.
 * The name is checked against S3's naming rules as it is typed
 * (amigo_s3_bucket_name_check()); the list button shows the account's
 * buckets in the Region (ListBuckets with bucket-region, asked each time
 * it opens: buckets come and go), and a name no listed bucket has can be
 * created here (CreateBucket, with the Region's location constraint). The
 * dialog shows the row's "problem" and waits for "valid".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-bucket-row.h"
#include "amigo-list-box.h"
#include "amigo-s3-buckets.h"
#include "amigo-text.h"

struct _AmigoBucketRow
{
  AdwEntryRow parent_instance;

  /* template widgets */
  GtkSpinner *spinner;
  GtkButton *create_button;
  GtkMenuButton *list_button;
  GtkPopover *popover;
  GtkLabel *status_label;
  GtkListBox *bucket_list;

  /* owned */
  AmigoS3 *s3;
  char *region;
  GHashTable *known;            /* names of the account's buckets seen here */
  GCancellable *cancellable;
  char *problem;                /* of the last list or create */
  char *shown_problem;
  char *creating;              /* the name being created */
};

G_DEFINE_FINAL_TYPE (AmigoBucketRow, amigo_bucket_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_VALID,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
amigo_bucket_row_dup_bucket (AmigoBucketRow *self)
{
  g_return_val_if_fail (AMIGO_IS_BUCKET_ROW (self), NULL);

  return amigo_editable_dup_stripped (GTK_EDITABLE (self));
}

gboolean
amigo_bucket_row_get_valid (AmigoBucketRow *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (AMIGO_IS_BUCKET_ROW (self), FALSE);

  name = amigo_bucket_row_dup_bucket (self);
  return *name != '\0' && amigo_s3_bucket_name_check (name) == NULL;
}

const char *
amigo_bucket_row_get_problem (AmigoBucketRow *self)
{
  g_return_val_if_fail (AMIGO_IS_BUCKET_ROW (self), NULL);

  return self->shown_problem;
}

/* The problem and the create button follow the name. */
static void
update (AmigoBucketRow *self)
{
  g_autofree char *name = amigo_bucket_row_dup_bucket (self);
  const char *rule = *name != '\0' ? amigo_s3_bucket_name_check (name) : NULL;
  g_autofree char *problem = NULL;

  if (rule != NULL)
    /* Translators: %s is the bucket name typed, then the naming rule it breaks */
    problem = g_strdup_printf (_("“%s” cannot be a bucket’s name. %s"), name, rule);
  else
    problem = g_strdup (self->problem);
  if (rule != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");

  gtk_widget_set_visible (GTK_WIDGET (self->create_button),
                          self->s3 != NULL && *name != '\0' && rule == NULL
                          && !g_hash_table_contains (self->known, name));
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), self->creating == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->creating != NULL);
  gtk_spinner_set_spinning (self->spinner, self->creating != NULL);

  if (g_strcmp0 (problem, self->shown_problem) != 0)
    {
      g_free (self->shown_problem);
      self->shown_problem = g_steal_pointer (&problem);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

static void
set_problem (AmigoBucketRow *self,
             char           *problem)
{
  g_free (self->problem);
  self->problem = problem;
  update (self);
}

/* ---- the list ----------------------------------------------------------- */

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(AmigoBucketRow) self = user_data;
  g_autoptr(GPtrArray) buckets = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;

  buckets = amigo_s3_list_buckets_finish (AMIGO_S3 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (buckets == NULL)
    {
      /* Translators: %s is why S3 refused, e.g. Access Denied */
      status = g_strdup_printf (_("Could not list the buckets: %s"), error->message);
      gtk_label_set_text (self->status_label, status);
      set_problem (self, g_strdup (status));
      return;
    }
  amigo_list_box_remove_all (self->bucket_list);
  for (guint i = 0; i < buckets->len; i++)
    {
      const AmigoS3Bucket *bucket = g_ptr_array_index (buckets, i);
      GtkWidget *label = gtk_label_new (bucket->name);
      GtkWidget *row = gtk_list_box_row_new ();

      g_hash_table_add (self->known, g_strdup (bucket->name));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_widget_set_margin_start (label, 10);
      gtk_widget_set_margin_end (label, 10);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_widget_set_name (row, bucket->name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, bucket->name, -1);
      gtk_list_box_append (self->bucket_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->bucket_list), buckets->len > 0);
  if (buckets->len == 0)
    /* Translators: %s is a Region code, e.g. eu-west-1 */
    status = g_strdup_printf (_("The account has no bucket in %s. Type a new name and create it."), self->region);
  else
    /* Translators: %s is a Region code, e.g. eu-west-1 */
    status = g_strdup_printf (_("The account’s buckets in %s:"), self->region);
  gtk_label_set_text (self->status_label, status);
  set_problem (self, NULL);
}

static void
on_popover_show_cb (AmigoBucketRow *self)
{
  if (self->s3 == NULL)
    return;
  gtk_label_set_text (self->status_label, _("Looking for the account’s buckets…"));
  /* S3 answers bucket-region only from that Region's endpoint: the
   * client's own. */
  amigo_s3_list_buckets_async (self->s3, self->region, self->cancellable, list_cb, g_object_ref (self));
}

static void
on_row_activated_cb (AmigoBucketRow *self,
                     GtkListBoxRow  *row)
{
  gtk_editable_set_text (GTK_EDITABLE (self), gtk_widget_get_name (GTK_WIDGET (row)));
  gtk_popover_popdown (self->popover);
}

/* ---- creating ----------------------------------------------------------- */

static void
create_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AmigoBucketRow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (!amigo_s3_create_bucket_finish (AMIGO_S3 (source), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  name = g_steal_pointer (&self->creating);
  if (error != NULL)
    {
      /* Translators: the bucket's name, then why S3 refused (e.g. the name is taken) */
      set_problem (self, g_strdup_printf (_("Could not create the bucket “%s”: %s"), name, error->message));
      return;
    }
  g_hash_table_add (self->known, g_steal_pointer (&name));
  set_problem (self, NULL);
}

static void
on_create_clicked_cb (AmigoBucketRow *self)
{
  g_autofree char *name = amigo_bucket_row_dup_bucket (self);

  if (self->s3 == NULL || self->creating || amigo_s3_bucket_name_check (name) != NULL)
    return;
  self->creating = g_strdup (name);
  update (self);
  amigo_s3_create_bucket_async (self->s3, name, self->cancellable, create_cb, g_object_ref (self));
}

static void
on_changed_cb (AmigoBucketRow *self)
{
  g_clear_pointer (&self->problem, g_free);
  update (self);
}

/* ---- the row ------------------------------------------------------------ */

/**
 * amigo_bucket_row_set_account:
 * @self: the row
 * @account: whose buckets
 * @client: its client
 * @region: the Region the bucket must be in
 */
void
amigo_bucket_row_set_account (AmigoBucketRow *self,
                              AmigoAccount   *account,
                              AmigoClient    *client,
                              const char     *region)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (AMIGO_IS_BUCKET_ROW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_object (&self->s3);
  g_free (self->region);
  self->region = g_strdup (region);
  g_hash_table_remove_all (self->known);
  g_clear_pointer (&self->creating, g_free);
  if (account != NULL && client != NULL && region != NULL)
    self->s3 = amigo_s3_new_for_account (account, client, region, &error);
  gtk_widget_set_sensitive (GTK_WIDGET (self->list_button), self->s3 != NULL);
  /* Translators: %s is why Amigo cannot reach S3 */
  set_problem (self, error != NULL ? g_strdup_printf (_("Amigo cannot reach S3: %s"), error->message) : NULL);
}

static void
amigo_bucket_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AmigoBucketRow *self = AMIGO_BUCKET_ROW (object);

  switch (prop_id)
    {
    case PROP_VALID:
      g_value_set_boolean (value, amigo_bucket_row_get_valid (self));
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->shown_problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amigo_bucket_row_dispose (GObject *object)
{
  AmigoBucketRow *self = AMIGO_BUCKET_ROW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMIGO_TYPE_BUCKET_ROW);

  G_OBJECT_CLASS (amigo_bucket_row_parent_class)->dispose (object);
}

static void
amigo_bucket_row_finalize (GObject *object)
{
  AmigoBucketRow *self = AMIGO_BUCKET_ROW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->s3);
  g_hash_table_unref (self->known);
  g_free (self->region);
  g_free (self->creating);
  g_free (self->problem);
  g_free (self->shown_problem);

  G_OBJECT_CLASS (amigo_bucket_row_parent_class)->finalize (object);
}

static void
amigo_bucket_row_class_init (AmigoBucketRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = amigo_bucket_row_get_property;
  object_class->dispose = amigo_bucket_row_dispose;
  object_class->finalize = amigo_bucket_row_finalize;

  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/import/amigo-bucket-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoBucketRow, spinner);
  gtk_widget_class_bind_template_child (widget_class, AmigoBucketRow, create_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoBucketRow, list_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoBucketRow, popover);
  gtk_widget_class_bind_template_child (widget_class, AmigoBucketRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoBucketRow, bucket_list);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
}

static void
amigo_bucket_row_init (AmigoBucketRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (GTK_WIDGET (self->list_button), FALSE);
}
