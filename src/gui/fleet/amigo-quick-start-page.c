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
#include "amigo-fleet-page.h"
#include "amigo-quick-start.h"
#include "amigo-quick-start-page.h"
#include "amigo-text.h"

struct _AmigoQuickStartPage
{
  AmigoFleetPage parent_instance;

  /* template widgets */
  GtkDropDown *architecture;

  /* owned */
  GPtrArray *entries;           /* AmigoQuickStartEntry */
};

G_DEFINE_FINAL_TYPE (AmigoQuickStartPage, amigo_quick_start_page, AMIGO_TYPE_FLEET_PAGE)

static const char * const architectures[] = { NULL, "x86_64", "arm64", "arm64_mac" };

static const char *
selected_architecture (AmigoQuickStartPage *self)
{
  guint i = gtk_drop_down_get_selected (self->architecture);

  return i < G_N_ELEMENTS (architectures) ? architectures[i] : NULL;
}

static gboolean
amigo_quick_start_page_rebuild (AmigoFleetPage *page)
{
  AmigoQuickStartPage *self = AMIGO_QUICK_START_PAGE (page);
  AmigoAccount *account = amigo_fleet_page_get_account (page);
  const char *only = selected_architecture (self);

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
          g_autofree char *name = NULL;
          GtkWidget *row;

          if (only != NULL && g_strcmp0 (image->architecture, only) != 0)
            continue;
          if (group == NULL)
            {
              group = adw_preferences_group_new ();
              amigo_preferences_group_set_title_literal (ADW_PREFERENCES_GROUP (group),
                                                         amigo_quick_start_entry_get_title (entry));
            }
          if (image->image != NULL)
            date = amigo_format_date_local (amigo_image_get_creation_date_usec (image->image));
          /* Translators: an image's id and the day it was made */
          subtitle = date != NULL ? g_strdup_printf (_("%s, made %s"), image->image_id, date)
                                  : g_strdup (image->image_id);
          row = amigo_action_row_new_literal (image->architecture, subtitle);
          /* Translators: a Quick Start row as a screen reader names it: the
           * system (e.g. "Ubuntu Server 24.04 LTS") and the architecture (e.g.
           * "arm64"); the row shows the architecture only, under the system */
          name = g_strdup_printf (_("%s, %s"), amigo_quick_start_entry_get_title (entry), image->architecture);
          gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          if (image->image != NULL && amigo_image_get_free_tier_eligible (image->image))
            amigo_fleet_row_add_mark (row, _("Free tier eligible"), "dim-label");
          if (image->image != NULL && account != NULL)
            adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                       amigo_fleet_image_menu_button_new (GTK_WIDGET (self), account,
                                                                          amigo_fleet_page_get_region (page),
                                                                          image->image, image->parameter_name));
          gtk_widget_set_tooltip_text (row, image->parameter_name);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      if (group != NULL)
        amigo_fleet_page_add_group (page, ADW_PREFERENCES_GROUP (group));
    }
  return self->entries != NULL;
}

static void
on_architecture_changed_cb (GtkDropDown         *dropdown,
                            GParamSpec          *pspec,
                            AmigoQuickStartPage *self)
{
  amigo_fleet_page_rebuild (AMIGO_FLEET_PAGE (self));
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
      amigo_fleet_page_show_error (AMIGO_FLEET_PAGE (self), error);
      return;
    }
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = g_steal_pointer (&entries);
  amigo_fleet_page_rebuild (AMIGO_FLEET_PAGE (self));
}

static gboolean
amigo_quick_start_page_start (AmigoFleetPage *page,
                              AmigoClient    *client,
                              GError        **error)
{
  AmigoAccount *account = amigo_fleet_page_get_account (page);
  const char *region = amigo_fleet_page_get_region (page);
  g_autoptr(AmigoSsm) ssm = NULL;
  g_autoptr(AmigoEc2) ec2 = NULL;

  ssm = amigo_ssm_new_for_account (account, client, region, error);
  if (ssm != NULL)
    ec2 = amigo_ec2_new_for_account (account, client, region, error);
  if (ec2 == NULL)
    return FALSE;
  amigo_quick_start_list_async (ssm, ec2, amigo_fleet_page_get_cancellable (page), list_cb, page);
  return TRUE;
}

static void
amigo_quick_start_page_clear (AmigoFleetPage *page)
{
  g_clear_pointer (&AMIGO_QUICK_START_PAGE (page)->entries, g_ptr_array_unref);
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
  g_return_if_fail (AMIGO_IS_QUICK_START_PAGE (self));
  amigo_fleet_page_load (AMIGO_FLEET_PAGE (self), account, region);
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

  G_OBJECT_CLASS (amigo_quick_start_page_parent_class)->dispose (object);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
}

static void
amigo_quick_start_page_class_init (AmigoQuickStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmigoFleetPageClass *page_class = AMIGO_FLEET_PAGE_CLASS (klass);

  object_class->dispose = amigo_quick_start_page_dispose;
  page_class->clear = amigo_quick_start_page_clear;
  page_class->rebuild = amigo_quick_start_page_rebuild;
  page_class->start = amigo_quick_start_page_start;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/fleet/amigo-quick-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoQuickStartPage, architecture);
  gtk_widget_class_bind_template_callback (widget_class, on_architecture_changed_cb);
}

static void
amigo_quick_start_page_init (AmigoQuickStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  amigo_a11y_label_drop_down_button (self->architecture);
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
