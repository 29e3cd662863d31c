/* amigo-window-fleet.c — the window's fleet views: Quick Start, Launch
 * Templates, Auto Scaling Groups, as sidebar rows after the image sources
 * and pages of the content stack (the pages are src/gui/fleet/)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-image-users.h"
#include "amigo-text.h"
#include "amigo-window-private.h"
#include "fleet/amigo-auto-scaling-page.h"
#include "fleet/amigo-fleet-page.h"
#include "fleet/amigo-launch-templates-page.h"
#include "fleet/amigo-quick-start-page.h"

typedef struct {
  const char *id;
  const char *icon_name;
  const char *title;
} FleetView;

static const FleetView views[] = {
  { "quick-start", "emblem-favorite-symbolic", N_("Quick Start") },
  { "launch-templates", "document-properties-symbolic", N_("Launch Templates") },
  { "auto-scaling-groups", "view-grid-symbolic", N_("Auto Scaling Groups") },
};

struct _AmigoWindowFleet
{
  guint first_row;              /* the sidebar index of the first view */
  GtkWidget *pages[G_N_ELEMENTS (views)];
  gint active;                  /* index into views, -1: an image source */
  GtkWidget *used_by;           /* "Used By", under the image's details */
  GPtrArray *used_by_rows;
  GCancellable *used_by_cancellable;
};

static GtkWidget *
create_row (const FleetView *view)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(view->title));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (view->icon_name));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, view->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, _(view->title), -1);
  return row;
}

/* The sidebar's section headings: "Images" above the image sources,
 * "Fleet" above the first fleet view (@user_data: its row index). A
 * heading is a label, not a row: the keyboard moves from row to row as
 * before. */
static void
sidebar_header_cb (GtkListBoxRow *row,
                   GtkListBoxRow *before,
                   gpointer       user_data)
{
  int index = gtk_list_box_row_get_index (row);
  const char *title = NULL;
  GtkWidget *heading;

  if (index == 0)
    title = _("Images");
  else if (index == GPOINTER_TO_INT (user_data))
    /* Translators: the sidebar's heading above Quick Start, Launch Templates and Auto Scaling Groups */
    title = _("Fleet");
  if (title == NULL)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  heading = g_object_new (GTK_TYPE_LABEL, "label", title, "xalign", 0.0f,
                          "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
  gtk_widget_add_css_class (heading, "sidebar-heading");
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_list_box_row_set_header (row, heading);
}

/* A Quick Start image was chosen for a template or a group: the fleet
 * pages act on it, and the view chosen is shown. */
static void
on_image_chosen_cb (AmigoFleetPage *page,
                    AmigoImage     *image,
                    const char     *view,
                    AmigoWindow    *self)
{
  AmigoWindowFleet *fleet = self->fleet;

  amigo_launch_templates_page_set_image (AMIGO_LAUNCH_TEMPLATES_PAGE (fleet->pages[1]), image);
  amigo_auto_scaling_page_set_image (AMIGO_AUTO_SCALING_PAGE (fleet->pages[2]), image);
  amigo_window_show_fleet_view (self, view);
}

void
_amigo_window_fleet_init (AmigoWindow *self)
{
  AmigoWindowFleet *fleet = g_new0 (AmigoWindowFleet, 1);
  GtkWidget *row;

  fleet->active = -1;
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->source_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    fleet->first_row++;
  fleet->pages[0] = amigo_quick_start_page_new ();
  fleet->pages[1] = amigo_launch_templates_page_new ();
  fleet->pages[2] = amigo_auto_scaling_page_new ();
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      gtk_list_box_append (self->source_list, create_row (&views[i]));
      gtk_stack_add_named (self->content_stack, fleet->pages[i], views[i].id);
    }
  gtk_list_box_set_header_func (self->source_list, sidebar_header_cb, GUINT_TO_POINTER (fleet->first_row), NULL);
  g_signal_connect_object (fleet->pages[0], "image-chosen", G_CALLBACK (on_image_chosen_cb), self, 0);
  self->fleet = fleet;
}

void
_amigo_window_fleet_dispose (AmigoWindow *self)
{
  AmigoWindowFleet *fleet = self->fleet;

  if (fleet == NULL)
    return;
  g_cancellable_cancel (fleet->used_by_cancellable);
  g_clear_object (&fleet->used_by_cancellable);
  g_clear_pointer (&fleet->used_by_rows, g_ptr_array_unref);
  g_clear_pointer (&self->fleet, g_free);
}

static void
clear_used_by (AmigoWindowFleet *fleet)
{
  for (guint i = 0; fleet->used_by_rows != NULL && i < fleet->used_by_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (fleet->used_by),
                                  g_ptr_array_index (fleet->used_by_rows, i));
  g_ptr_array_set_size (fleet->used_by_rows, 0);
}

static void
add_used_by_row (AmigoWindowFleet *fleet,
                 GtkWidget        *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (fleet->used_by), row);
  g_ptr_array_add (fleet->used_by_rows, row);
}

static void
users_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AmigoWindow *self = user_data;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  AmigoWindowFleet *fleet;

  users = amigo_image_users_find_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  fleet = self->fleet;
  clear_used_by (fleet);
  if (users == NULL)
    {
      add_used_by_row (fleet, amigo_action_row_new_literal (_("Could not look for templates and groups"),
                                                            error->message));
      return;
    }
  if (users->len == 0)
    add_used_by_row (fleet, amigo_action_row_new_literal (_("No launch template or Auto Scaling group"), NULL));
  for (guint i = 0; i < users->len; i++)
    {
      AmigoImageUser *user = g_ptr_array_index (users, i);
      g_autofree char *title = g_strdup_printf (user->is_group ? _("Auto Scaling group %s")
                                                               : _("Launch template %s"), user->name);

      add_used_by_row (fleet, amigo_action_row_new_literal (title, user->detail));
    }
}

/* "Used By" under the image's details: its first use puts the details
 * and the group in one box of the details scroller. */
static void
show_used_by (AmigoWindow *self,
              AmigoImage  *image)
{
  AmigoWindowFleet *fleet = self->fleet;
  g_autoptr(AmigoEc2) ec2 = NULL;
  g_autoptr(AmigoAutoscaling) autoscaling = NULL;
  const char *region;

  if (fleet->used_by == NULL)
    {
      GtkWidget *details = GTK_WIDGET (self->details);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      g_object_ref (details);
      gtk_scrolled_window_set_child (self->details_scroller, NULL);
      gtk_box_append (GTK_BOX (box), details);
      g_object_unref (details);
      fleet->used_by = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (fleet->used_by), _("Used By"));
      gtk_widget_set_margin_start (fleet->used_by, 12);
      gtk_widget_set_margin_end (fleet->used_by, 12);
      gtk_widget_set_margin_bottom (fleet->used_by, 12);
      gtk_box_append (GTK_BOX (box), fleet->used_by);
      gtk_scrolled_window_set_child (self->details_scroller, box);
      fleet->used_by_rows = g_ptr_array_new ();
    }

  g_cancellable_cancel (fleet->used_by_cancellable);
  g_clear_object (&fleet->used_by_cancellable);
  clear_used_by (fleet);
  gtk_widget_set_visible (fleet->used_by, image != NULL && self->client != NULL);
  if (image == NULL || self->client == NULL || self->account == NULL)
    return;
  region = amigo_image_store_get_image_region (image);
  ec2 = amigo_ec2_new_for_account (self->account, self->client, region, NULL);
  autoscaling = amigo_autoscaling_new_for_account (self->account, self->client, region, NULL);
  if (ec2 == NULL)
    return;
  add_used_by_row (fleet, amigo_action_row_new_literal (_("Looking…"), NULL));
  fleet->used_by_cancellable = g_cancellable_new ();
  amigo_image_users_find_async (ec2, autoscaling, amigo_image_get_image_id (image), fleet->used_by_cancellable,
                                users_cb, self);
}

/* Loads the page shown, if a fleet view is; %FALSE when an image source is. */
gboolean
_amigo_window_fleet_reload (AmigoWindow *self)
{
  AmigoWindowFleet *fleet = self->fleet;
  GtkWidget *page;

  if (fleet == NULL || fleet->active < 0)
    return FALSE;
  page = fleet->pages[fleet->active];
  gtk_stack_set_visible_child (self->content_stack, page);
  gtk_label_set_label (self->count_label, "");
  if (AMIGO_IS_QUICK_START_PAGE (page))
    amigo_quick_start_page_load (AMIGO_QUICK_START_PAGE (page), self->account, self->region);
  else if (AMIGO_IS_LAUNCH_TEMPLATES_PAGE (page))
    amigo_launch_templates_page_load (AMIGO_LAUNCH_TEMPLATES_PAGE (page), self->account, self->region);
  else
    amigo_auto_scaling_page_load (AMIGO_AUTO_SCALING_PAGE (page), self->account, self->region);
  return TRUE;
}

/* The sidebar row @index was chosen: %TRUE when it is a fleet view (then
 * shown), %FALSE when it is an image source. */
gboolean
_amigo_window_fleet_select (AmigoWindow *self,
                            guint        index)
{
  AmigoWindowFleet *fleet = self->fleet;

  if (fleet == NULL || index < fleet->first_row || index >= fleet->first_row + G_N_ELEMENTS (views))
    {
      if (fleet != NULL)
        fleet->active = -1;
      return FALSE;
    }
  fleet->active = (gint) (index - fleet->first_row);
  return TRUE;
}

/* The image the fleet pages act on: the one last selected in a list. */
void
_amigo_window_fleet_set_image (AmigoWindow *self,
                               AmigoImage  *image)
{
  AmigoWindowFleet *fleet = self->fleet;

  if (fleet == NULL)
    return;
  show_used_by (self, image);
  if (image == NULL)
    return;
  amigo_launch_templates_page_set_image (AMIGO_LAUNCH_TEMPLATES_PAGE (fleet->pages[1]), image);
  amigo_auto_scaling_page_set_image (AMIGO_AUTO_SCALING_PAGE (fleet->pages[2]), image);
}

/**
 * amigo_window_show_fleet_view:
 * @self: the window
 * @id: `quick-start`, `launch-templates` or `auto-scaling-groups`
 *
 * Selects the view's sidebar row (tests, and a keyboard path).
 *
 * Returns: (transfer none) (nullable): the view's page
 */
GtkWidget *
amigo_window_show_fleet_view (AmigoWindow *self,
                              const char  *id)
{
  g_return_val_if_fail (AMIGO_IS_WINDOW (self), NULL);
  for (guint i = 0; self->fleet != NULL && i < G_N_ELEMENTS (views); i++)
    if (g_strcmp0 (views[i].id, id) == 0)
      {
        gtk_list_box_select_row (self->source_list,
                                 gtk_list_box_get_row_at_index (self->source_list, self->fleet->first_row + i));
        return self->fleet->pages[i];
      }
  return NULL;
}
