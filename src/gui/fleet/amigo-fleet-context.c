/* amigo-fleet-context.c — what the fleet pages share: opening an image
 * action for an image of theirs, showing an error
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-application.h"
#include "amigo-fleet-context.h"
#include "amigo-fleet-page.h"
#include "amigo-text.h"
#include "actions/amigo-actions.h"
#include "amigo-confirm.h"

typedef struct {
  GWeakRef page;
  AmigoAccount *account;
  char *region;
  AmigoImage *image;
  char *parameter;              /* the public parameter naming the image, or NULL */
  const AmigoActionInfo *info;
} OpenAction;

static void
open_action_free (OpenAction *open)
{
  g_weak_ref_clear (&open->page);
  g_clear_object (&open->account);
  g_free (open->region);
  g_clear_object (&open->image);
  g_free (open->parameter);
  g_free (open);
}

static void
client_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  OpenAction *open = user_data;
  g_autoptr(GtkWidget) page = g_weak_ref_get (&open->page);
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) images = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AmigoActionContext) context = NULL;
  GtkRoot *root;
  GtkApplication *app;
  GtkWindow *dialog;

  client = amigo_account_get_client_finish (AMIGO_ACCOUNT (source), result, &error);
  if (page == NULL)
    {
      open_action_free (open);
      return;
    }
  if (client == NULL)
    {
      amigo_fleet_show_error (page, _("Could Not Open the Action"), error);
      open_action_free (open);
      return;
    }
  root = gtk_widget_get_root (page);
  app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  g_ptr_array_add (images, g_object_ref (open->image));
  context = amigo_action_context_new (open->account, client, open->region, images,
                                      AMIGO_IS_APPLICATION (app)
                                        ? amigo_application_get_task_manager (AMIGO_APPLICATION (app)) : NULL);
  amigo_action_context_set_image_parameter (context, open->parameter);
  dialog = open->info->create (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, context);
  gtk_window_present (dialog);
  open_action_free (open);
}

void
amigo_fleet_open_image_action (GtkWidget    *page,
                               AmigoAccount *account,
                               const char   *region,
                               AmigoImage   *image,
                               const char   *parameter,
                               const char   *action_name)
{
  const AmigoActionInfo *info = amigo_actions_lookup (action_name);
  OpenAction *open;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (AMIGO_IS_ACCOUNT (account));
  g_return_if_fail (AMIGO_IS_IMAGE (image));
  g_return_if_fail (info != NULL);

  open = g_new0 (OpenAction, 1);
  g_weak_ref_init (&open->page, page);
  open->account = g_object_ref (account);
  open->region = g_strdup (region);
  open->image = g_object_ref (image);
  open->parameter = g_strdup (parameter);
  open->info = info;
  amigo_account_get_client_async (account, NULL, client_cb, open);
}

typedef struct {
  GtkWidget *page;
  AmigoAccount *account;
  char *region;
  AmigoImage *image;
  char *parameter;
} MenuData;

static void
menu_data_free (gpointer data)
{
  MenuData *menu = data;

  g_clear_object (&menu->account);
  g_free (menu->region);
  g_clear_object (&menu->image);
  g_free (menu->parameter);
  g_free (menu);
}

/* image.use::<view>: the image goes to the launch templates or groups */
static void
use_cb (GSimpleAction *action,
        GVariant      *parameter,
        gpointer       user_data)
{
  MenuData *menu = user_data;

  if (AMIGO_IS_FLEET_PAGE (menu->page))
    amigo_fleet_page_choose_image (AMIGO_FLEET_PAGE (menu->page), menu->image, g_variant_get_string (parameter, NULL));
}

static void
activate_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  MenuData *menu = user_data;

  amigo_fleet_open_image_action (menu->page, menu->account, menu->region, menu->image, menu->parameter,
                                 g_variant_get_string (parameter, NULL));
}

GtkWidget *
amigo_fleet_image_menu_button_new (GtkWidget    *page,
                                   AmigoAccount *account,
                                   const char   *region,
                                   AmigoImage   *image,
                                   const char   *parameter)
{
  static const struct { const char *action; const char *label; } entries[] = {
    { "launch", N_("Launch Instances…") },
    { "copy-image", N_("Copy to Regions…") },
  };
  g_autoptr(GMenu) model = g_menu_new ();
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  static const struct { const char *view; const char *label; } fleet_entries[] = {
    { "launch-templates", N_("Add to a Launch Template…") },
    { "auto-scaling-groups", N_("Roll Out to an Auto Scaling Group…") },
  };
  g_autoptr(GMenu) fleet_section = g_menu_new ();
  g_autoptr(GSimpleAction) open = g_simple_action_new ("open", G_VARIANT_TYPE_STRING);
  g_autoptr(GSimpleAction) use = g_simple_action_new ("use", G_VARIANT_TYPE_STRING);
  GtkWidget *button = gtk_menu_button_new ();
  MenuData *menu = g_new0 (MenuData, 1);

  menu->page = page;
  menu->account = g_object_ref (account);
  menu->region = g_strdup (region);
  menu->image = g_object_ref (image);
  menu->parameter = g_strdup (parameter);
  g_signal_connect_data (open, "activate", G_CALLBACK (activate_cb), menu,
                         (GClosureNotify) (void (*) (void)) menu_data_free, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (open));
  /* The menu data lives as long as the "open" action holds it; "use" is
   * in the same group, so it lives as long. */
  g_signal_connect (use, "activate", G_CALLBACK (use_cb), menu);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (use));
  gtk_widget_insert_action_group (button, "image", G_ACTION_GROUP (group));
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autofree char *detailed = g_strdup_printf ("image.open::%s", entries[i].action);

      g_menu_append (model, _(entries[i].label), detailed);
    }
  for (guint i = 0; i < G_N_ELEMENTS (fleet_entries); i++)
    {
      g_autofree char *detailed = g_strdup_printf ("image.use::%s", fleet_entries[i].view);

      g_menu_append (fleet_section, _(fleet_entries[i].label), detailed);
    }
  g_menu_append_section (model, NULL, G_MENU_MODEL (fleet_section));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (model));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Image Actions"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Image Actions"), -1);
  return button;
}

void
amigo_fleet_show_error (GtkWidget    *page,
                        const char   *heading,
                        const GError *error)
{
  if (error == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_window_present (GTK_WINDOW (amigo_confirm_tell (page, heading, error->message)));
}
