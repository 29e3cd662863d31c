/* amigo-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-window.h"
#include "amigo-endpoint.h"

struct _AmigoWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkMenuButton *account_button;
  GtkLabel *account_label;
  GtkListBox *account_list;
  GtkDropDown *region_dropdown;
  GtkMenuButton *tasks_button;
  GtkStack *main_stack;
  AdwFlap *flap;
  GtkListBox *source_list;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkMenuButton *filter_button;
  GtkPaned *paned;
  GtkStack *content_stack;
  AdwStatusPage *loading_page;
  GtkColumnView *column_view;
  GtkProgressBar *load_progress;
  AdwStatusPage *empty_page;
  AdwStatusPage *error_page;
  GtkButton *error_edit_button;
  GtkScrolledWindow *details_scroller;
  GtkLabel *count_label;

  /* borrowed */
  AmigoAccountManager *manager;

  /* owned */
  GSettings *settings;
  AmigoAccount *account;
  GtkStringList *region_names;
  GPtrArray *region_codes;      /* parallel to region_names; "" = all regions */
  char *region;                 /* selected region code, "" for all */
  guint source;                 /* index into sources[] */
  gboolean updating_regions;
};

G_DEFINE_FINAL_TYPE (AmigoWindow, amigo_window, ADW_TYPE_APPLICATION_WINDOW)

/* The sources of the sidebar, in order. */
typedef struct {
  const char *id;
  const char *icon_name;
  const char *title;
} AmigoSourceInfo;

static const AmigoSourceInfo sources[] = {
  { "self", "avatar-default-symbolic", N_("My AMIs") },
  { "shared", "emblem-shared-symbolic", N_("Shared with Me") },
  { "amazon", "starred-symbolic", N_("Amazon") },
  { "aws-marketplace", "amigo-marketplace-symbolic", N_("AWS Marketplace") },
  { "public", "amigo-globe-symbolic", N_("Public") },
};

static GtkWidget *
create_source_row (const AmigoSourceInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(info->title));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (info->icon_name));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, info->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->title),
                                  -1);
  return row;
}


static void amigo_window_reload (AmigoWindow *self);

static GtkWidget *
create_account_row (gpointer item,
                    gpointer user_data)
{
  AmigoWindow *self = user_data;
  AmigoAccount *account = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (amigo_account_get_name (account));
  GtkWidget *kind;
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");
  const char *kind_text;

  switch (amigo_account_get_kind (account))
    {
    case AMIGO_ACCOUNT_KIND_ENVIRONMENT:
      kind_text = _("From the environment");
      break;
    case AMIGO_ACCOUNT_KIND_PROFILE:
      kind_text = _("AWS CLI profile");
      break;
    case AMIGO_ACCOUNT_KIND_KEYRING:
    default:
      kind_text = _("Stored in the keyring");
      break;
    }
  kind = gtk_label_new (kind_text);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_widget_add_css_class (kind, "caption");
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), kind);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_widget_set_opacity (check, account == self->account ? 1.0 : 0.0);
  gtk_box_append (GTK_BOX (box), check);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, amigo_account_get_name (account),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, kind_text,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "account", g_object_ref (account), g_object_unref);
  return row;
}

static void
rebuild_account_list (AmigoWindow *self)
{
  gtk_list_box_bind_model (self->account_list,
                           amigo_account_manager_get_accounts (self->manager),
                           create_account_row, self, NULL);
}

static const char *
source_id (AmigoWindow *self)
{
  return sources[self->source].id;
}

/* The regions of the account's partition, "All Regions" first. */
static void
update_regions (AmigoWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  AmigoPartition partition;
  const AmigoRegionInfo *known;
  gsize n_known = 0;
  guint selected = 0;
  const char *wanted;

  g_ptr_array_set_size (self->region_codes, 0);
  if (self->account == NULL)
    return;

  partition = amigo_partition_for_region (amigo_account_get_default_region (self->account));
  known = amigo_region_get_known (&n_known);

  gtk_string_list_append (names, _("All Regions"));
  g_ptr_array_add (self->region_codes, g_strdup (""));
  wanted = self->region ? self->region : amigo_account_get_default_region (self->account);

  for (gsize i = 0; i < n_known; i++)
    {
      g_autofree char *label = NULL;

      if (known[i].partition != partition)
        continue;
      /* Translators: a region in the region selector: "Asia Pacific (Seoul) — ap-northeast-2" */
      label = g_strdup_printf (_("%s — %s"), amigo_region_info_get_display_name (&known[i]), known[i].code);
      if (g_strcmp0 (known[i].code, wanted) == 0)
        selected = self->region_codes->len;
      gtk_string_list_append (names, label);
      g_ptr_array_add (self->region_codes, g_strdup (known[i].code));
    }

  self->updating_regions = TRUE;
  g_set_object (&self->region_names, names);
  gtk_drop_down_set_model (self->region_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->region_dropdown, selected);
  self->updating_regions = FALSE;

  g_free (self->region);
  self->region = g_strdup (g_ptr_array_index (self->region_codes, selected));
}

static void
set_account (AmigoWindow  *self,
             AmigoAccount *account)
{
  if (!g_set_object (&self->account, account))
    return;

  gtk_label_set_label (self->account_label, account ? amigo_account_get_name (account) : "");
  if (account != NULL)
    {
      g_autofree char *last_region = NULL;

      g_settings_set_string (self->settings, "last-account", amigo_account_get_id (account));
      last_region = g_settings_get_string (self->settings, "last-region");
      g_clear_pointer (&self->region, g_free);
      if (last_region[0] != '\0' &&
          amigo_partition_for_region (last_region) ==
          amigo_partition_for_region (amigo_account_get_default_region (account)))
        self->region = g_steal_pointer (&last_region);
    }
  update_regions (self);
  rebuild_account_list (self);
  amigo_window_reload (self);
}

static void
accounts_changed (AmigoWindow *self)
{
  GListModel *accounts = amigo_account_manager_get_accounts (self->manager);
  g_autofree char *last = NULL;
  AmigoAccount *pick = NULL;

  if (!amigo_account_manager_get_loaded (self->manager))
    {
      gtk_stack_set_visible_child_name (self->main_stack, "starting");
      return;
    }

  if (g_list_model_get_n_items (accounts) == 0)
    {
      set_account (self, NULL);
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      gtk_widget_set_visible (GTK_WIDGET (self->account_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->region_dropdown), FALSE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->account_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->region_dropdown), TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "browser");

  /* Keep the current account if it is still there, else the last used one,
   * else the first. */
  if (self->account != NULL &&
      amigo_account_manager_lookup (self->manager, amigo_account_get_id (self->account)) == self->account)
    pick = self->account;
  if (pick == NULL)
    {
      last = g_settings_get_string (self->settings, "last-account");
      pick = amigo_account_manager_lookup (self->manager, last);
    }
  if (pick == NULL)
    {
      g_autoptr(AmigoAccount) first = g_list_model_get_item (accounts, 0);
      pick = first;
    }
  if (pick == self->account)
    rebuild_account_list (self);
  else
    set_account (self, pick);
}

static void
on_accounts_items_changed_cb (GListModel  *model,
                              guint        position,
                              guint        removed,
                              guint        added,
                              AmigoWindow *self)
{
  accounts_changed (self);
}

static void
on_manager_loaded_cb (AmigoAccountManager *manager,
                      GParamSpec          *pspec,
                      AmigoWindow         *self)
{
  accounts_changed (self);
}

static void
on_account_row_activated_cb (GtkListBox    *box,
                             GtkListBoxRow *row,
                             AmigoWindow   *self)
{
  AmigoAccount *account = g_object_get_data (G_OBJECT (row), "account");

  gtk_menu_button_popdown (self->account_button);
  set_account (self, account);
}

static void
on_region_selected_cb (GtkDropDown *dropdown,
                       GParamSpec  *pspec,
                       AmigoWindow *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating_regions || selected >= self->region_codes->len)
    return;

  g_free (self->region);
  self->region = g_strdup (g_ptr_array_index (self->region_codes, selected));
  g_settings_set_string (self->settings, "last-region", self->region);
  amigo_window_reload (self);
}

static void
on_source_row_selected_cb (GtkListBox    *box,
                           GtkListBoxRow *row,
                           AmigoWindow   *self)
{
  if (row == NULL)
    return;
  self->source = gtk_list_box_row_get_index (row);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  amigo_window_reload (self);
}

static void
amigo_window_reload (AmigoWindow *self)
{
  if (self->account == NULL)
    return;
  g_debug ("Loading images of %s in %s from %s", amigo_account_get_id (self->account),
           self->region && *self->region ? self->region : "all regions", source_id (self));
}

static void
save_window_state (AmigoWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
amigo_window_close_request (GtkWindow *window)
{
  save_window_state (AMIGO_WINDOW (window));
  return GTK_WINDOW_CLASS (amigo_window_parent_class)->close_request (window);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  amigo_window_reload (AMIGO_WINDOW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmigoWindow *self = AMIGO_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AmigoWindow *self = AMIGO_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
amigo_window_dispose (GObject *object)
{
  AmigoWindow *self = AMIGO_WINDOW (object);

  if (self->manager != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->manager, self);
      g_signal_handlers_disconnect_by_data (amigo_account_manager_get_accounts (self->manager), self);
      self->manager = NULL;
    }
  g_clear_object (&self->settings);
  g_clear_object (&self->account);
  g_clear_object (&self->region_names);

  G_OBJECT_CLASS (amigo_window_parent_class)->dispose (object);
}

static void
amigo_window_finalize (GObject *object)
{
  AmigoWindow *self = AMIGO_WINDOW (object);

  g_clear_pointer (&self->region_codes, g_ptr_array_unref);
  g_free (self->region);

  G_OBJECT_CLASS (amigo_window_parent_class)->finalize (object);
}

/* The window's application is set after construction (the property is not
 * a construct property), so the account list is hooked up here. */
static void
amigo_window_set_up_accounts (AmigoWindow      *self,
                              AmigoApplication *app)
{
  self->manager = amigo_application_get_account_manager (app);
  g_signal_connect (self->manager, "notify::loaded", G_CALLBACK (on_manager_loaded_cb), self);
  g_signal_connect (amigo_account_manager_get_accounts (self->manager), "items-changed",
                    G_CALLBACK (on_accounts_items_changed_cb), self);
  accounts_changed (self);
}

static void
amigo_window_class_init (AmigoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = amigo_window_dispose;
  object_class->finalize = amigo_window_finalize;
  window_class->close_request = amigo_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/amigo-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, account_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, account_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, account_list);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, tasks_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, source_list);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, load_progress);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, error_edit_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, details_scroller);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, count_label);

  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);

  gtk_widget_class_bind_template_callback (widget_class, on_account_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_region_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_source_row_selected_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
}

static void
amigo_window_init (AmigoWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  self->region_codes = g_ptr_array_new_with_free_func (g_free);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    gtk_list_box_append (self->source_list, create_source_row (&sources[i]));
  gtk_list_box_select_row (self->source_list,
                           gtk_list_box_get_row_at_index (self->source_list, 0));
  gtk_drop_down_set_expression (self->region_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}

AmigoWindow *
amigo_window_new (AmigoApplication *application)
{
  AmigoWindow *self = g_object_new (AMIGO_TYPE_WINDOW, "application", application, NULL);

  amigo_window_set_up_accounts (self, application);
  return self;
}
