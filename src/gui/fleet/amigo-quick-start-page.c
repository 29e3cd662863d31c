/* amigo-quick-start-page.c — the current official images of the common
 * systems: one group per system and version, a row per architecture with
 * the latest image, its date and free-tier mark, and the image actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-a11y.h"
#include "amigo-date-format.h"
#include "amigo-fleet-context.h"
#include "amigo-quick-start.h"
#include "amigo-quick-start-page.h"
#include "amigo-text.h"

struct _AmigoQuickStartPage
{
  GtkBox parent_instance;

  /* owned by the widget tree */
  GtkDropDown *architecture;
  GtkStack *stack;
  AdwStatusPage *status;
  AdwPreferencesPage *list;
  GPtrArray *groups;            /* AdwPreferencesGroup in list */

  AmigoAccount *account;
  char *region;
  GCancellable *cancellable;
  GPtrArray *entries;           /* AmigoQuickStartEntry */
};

G_DEFINE_FINAL_TYPE (AmigoQuickStartPage, amigo_quick_start_page, GTK_TYPE_BOX)

static const char * const architectures[] = { NULL, "x86_64", "arm64", "arm64_mac" };

static const char *
selected_architecture (AmigoQuickStartPage *self)
{
  guint i = gtk_drop_down_get_selected (self->architecture);

  return i < G_N_ELEMENTS (architectures) ? architectures[i] : NULL;
}

static void
rebuild (AmigoQuickStartPage *self)
{
  const char *only = selected_architecture (self);
  guint shown = 0;

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->list, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      AmigoQuickStartEntry *entry = g_ptr_array_index (self->entries, i);
      const AmigoQuickStartImage *images;
      GtkWidget *group = NULL;
      guint n = 0;

      images = amigo_quick_start_entry_get_images (entry, &n);
      for (guint j = 0; j < n; j++)
        {
          const AmigoQuickStartImage *image = &images[j];
          g_autofree char *date = NULL;
          g_autofree char *subtitle = NULL;
          GtkWidget *row;

          if (only != NULL && g_strcmp0 (image->architecture, only) != 0)
            continue;
          if (group == NULL)
            {
              group = adw_preferences_group_new ();
              adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                               amigo_quick_start_entry_get_title (entry));
            }
          if (image->image != NULL)
            date = amigo_format_date_local (amigo_image_get_creation_date_usec (image->image));
          /* Translators: an image's id and the day it was made */
          subtitle = date != NULL ? g_strdup_printf (_("%s, made %s"), image->image_id, date)
                                  : g_strdup (image->image_id);
          row = amigo_action_row_new_literal (image->architecture, subtitle);
          if (image->image != NULL && amigo_image_get_free_tier_eligible (image->image))
            {
              GtkWidget *mark = gtk_label_new (_("Free tier eligible"));

              gtk_widget_add_css_class (mark, "dim-label");
              gtk_widget_add_css_class (mark, "caption");
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
            }
          if (image->image != NULL && self->account != NULL)
            adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                       amigo_fleet_image_menu_button_new (GTK_WIDGET (self), self->account,
                                                                          self->region, image->image));
          gtk_widget_set_tooltip_text (row, image->parameter_name);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      if (group != NULL)
        {
          adw_preferences_page_add (self->list, ADW_PREFERENCES_GROUP (group));
          g_ptr_array_add (self->groups, group);
          shown++;
        }
    }
  if (self->entries != NULL)
    gtk_stack_set_visible_child_name (self->stack, shown > 0 ? "list" : "status");
  if (self->entries != NULL && shown == 0)
    {
      adw_status_page_set_title (self->status, _("No Quick Start Images"));
      amigo_status_page_set_description_literal (self->status,
                                                 _("AWS publishes no current image for this architecture in this region."));
    }
}

static void
on_architecture_changed_cb (GtkDropDown         *dropdown,
                            GParamSpec          *pspec,
                            AmigoQuickStartPage *self)
{
  rebuild (self);
}

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  AmigoQuickStartPage *self = user_data;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = amigo_quick_start_list_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (entries == NULL)
    {
      adw_status_page_set_title (self->status, _("Could Not Load the Quick Start Images"));
      amigo_status_page_set_description_literal (self->status, error->message);
      gtk_stack_set_visible_child_name (self->stack, "status");
      return;
    }
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = g_steal_pointer (&entries);
  rebuild (self);
}

typedef struct {
  AmigoQuickStartPage *self;
  GCancellable *cancellable;
} Load;

static void
client_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Load *load = user_data;
  AmigoQuickStartPage *self = load->self;
  g_autoptr(GCancellable) cancellable = load->cancellable;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(AmigoSsm) ssm = NULL;
  g_autoptr(AmigoEc2) ec2 = NULL;
  g_autoptr(GError) error = NULL;

  g_free (load);
  client = amigo_account_get_client_finish (AMIGO_ACCOUNT (source), result, &error);
  if (g_cancellable_is_cancelled (cancellable))
    return;
  if (client != NULL)
    ssm = amigo_ssm_new_for_account (self->account, client, self->region, &error);
  if (ssm != NULL)
    ec2 = amigo_ec2_new_for_account (self->account, client, self->region, &error);
  if (ec2 == NULL)
    {
      adw_status_page_set_title (self->status, _("Could Not Load the Quick Start Images"));
      amigo_status_page_set_description_literal (self->status, error->message);
      gtk_stack_set_visible_child_name (self->stack, "status");
      return;
    }
  amigo_quick_start_list_async (ssm, ec2, cancellable, list_cb, self);
}

/**
 * amigo_quick_start_page_load:
 * @self: the page
 * @account: (nullable): whose view of the region
 * @region: (nullable): the region; %NULL or "" (all regions) shows what to choose
 *
 * Lists the Quick Start images of @region, replacing what was shown.
 */
void
amigo_quick_start_page_load (AmigoQuickStartPage *self,
                             AmigoAccount        *account,
                             const char          *region)
{
  Load *load;

  g_return_if_fail (AMIGO_IS_QUICK_START_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->account, account);
  g_free (self->region);
  self->region = g_strdup (region);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  rebuild (self);

  if (account == NULL || region == NULL || *region == '\0')
    {
      adw_status_page_set_title (self->status, _("Choose a Region"));
      amigo_status_page_set_description_literal (self->status,
                                                 _("Each region has its own current images: choose one above."));
      gtk_stack_set_visible_child_name (self->stack, "status");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "loading");
  self->cancellable = g_cancellable_new ();
  load = g_new0 (Load, 1);
  load->self = self;
  load->cancellable = g_object_ref (self->cancellable);
  amigo_account_get_client_async (account, self->cancellable, client_cb, load);
}

/**
 * amigo_quick_start_page_get_entries:
 * @self: the page
 *
 * Returns: (transfer none) (nullable) (element-type AmigoQuickStartEntry):
 *   what is listed, for tests
 */
GPtrArray *
amigo_quick_start_page_get_entries (AmigoQuickStartPage *self)
{
  g_return_val_if_fail (AMIGO_IS_QUICK_START_PAGE (self), NULL);
  return self->entries;
}

/**
 * amigo_quick_start_page_set_architecture:
 * @self: the page
 * @architecture: (nullable): `x86_64`, `arm64`, `arm64_mac`, or %NULL for all
 */
void
amigo_quick_start_page_set_architecture (AmigoQuickStartPage *self,
                                         const char          *architecture)
{
  g_return_if_fail (AMIGO_IS_QUICK_START_PAGE (self));
  for (guint i = 0; i < G_N_ELEMENTS (architectures); i++)
    if (g_strcmp0 (architectures[i], architecture) == 0)
      gtk_drop_down_set_selected (self->architecture, i);
}

static void
amigo_quick_start_page_dispose (GObject *object)
{
  AmigoQuickStartPage *self = AMIGO_QUICK_START_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->account);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  G_OBJECT_CLASS (amigo_quick_start_page_parent_class)->dispose (object);
}

static void
amigo_quick_start_page_finalize (GObject *object)
{
  AmigoQuickStartPage *self = AMIGO_QUICK_START_PAGE (object);

  g_free (self->region);
  g_ptr_array_unref (self->groups);
  G_OBJECT_CLASS (amigo_quick_start_page_parent_class)->finalize (object);
}

static void
amigo_quick_start_page_class_init (AmigoQuickStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = amigo_quick_start_page_dispose;
  object_class->finalize = amigo_quick_start_page_finalize;
}

static void
amigo_quick_start_page_init (AmigoQuickStartPage *self)
{
  const char *labels[] = { _("All Architectures"), _("64-bit (x86)"), _("64-bit (Arm)"), _("Mac (Apple silicon)"), NULL };
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_("Current official images of the common systems, from the parameters their publishers keep up to date."));
  GtkWidget *spinner = gtk_spinner_new ();

  self->groups = g_ptr_array_new ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "dim-label");
  gtk_box_append (GTK_BOX (bar), title);
  self->architecture = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (labels));
  amigo_a11y_label_drop_down_button (self->architecture);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->architecture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Architecture"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->architecture), _("Architecture"));
  g_signal_connect (self->architecture, "notify::selected", G_CALLBACK (on_architecture_changed_cb), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->architecture));
  gtk_box_append (GTK_BOX (self), bar);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  self->list = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->list), "list");
  self->status = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->status, "starred-symbolic");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->status), "status");
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Loading"), -1);
  gtk_stack_add_named (self->stack, spinner, "loading");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->stack));
}

/**
 * amigo_quick_start_page_new:
 *
 * Returns: (transfer floating): a new Quick Start page
 */
GtkWidget *
amigo_quick_start_page_new (void)
{
  return g_object_new (AMIGO_TYPE_QUICK_START_PAGE, NULL);
}
