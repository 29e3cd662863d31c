/* amigo-cleanup-window.c — Clean Up: the account's own images, one region
 * or all, with their last launch, references, snapshots and what those
 * cost; sorted by cost or time unused; bulk actions on a selection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-a11y.h"
#include "amigo-cleanup-scan.h"
#include "amigo-cleanup-window-private.h"
#include "amigo-date-format.h"
#include "amigo-endpoint.h"
#include "amigo-snapshot-cost.h"
#include "amigo-text.h"

G_DEFINE_FINAL_TYPE (AmigoCleanupWindow, amigo_cleanup_window, ADW_TYPE_WINDOW)

enum { SORT_COST, SORT_UNUSED };

/* ---- helpers ---------------------------------------------------------- */

char *
_amigo_cleanup_format_estimate (const AmigoSnapshotCost *cost)
{
  if (cost->region_guessed)
    /* Translators: an estimate of snapshot storage, e.g. "12.0 GiB, about
     * $0.60 a month"; only us-east-1's prices are verified, and other regions
     * are counted at them */
    return g_strdup_printf (_("%.1f GiB, about $%.2f a month at us-east-1’s prices (no verified price for "
                              "the other regions)"), amigo_snapshot_cost_get_gib (cost), cost->monthly_usd);
  /* Translators: an estimate of snapshot storage, e.g. "12.0 GiB, about $0.60 a month" */
  return g_strdup_printf (_("%.1f GiB, about $%.2f a month"), amigo_snapshot_cost_get_gib (cost),
                          cost->monthly_usd);
}

void
_amigo_cleanup_window_toast (AmigoCleanupWindow *self,
                             const char         *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, amigo_toast_new_literal (text));
}

AmigoEc2 *
_amigo_cleanup_window_ec2 (AmigoCleanupWindow *self,
                           const char         *region)
{
  for (guint i = 0; self->ec2s != NULL && i < self->ec2s->len; i++)
    if (g_strcmp0 (amigo_ec2_get_region (g_ptr_array_index (self->ec2s, i)), region) == 0)
      return g_ptr_array_index (self->ec2s, i);
  return NULL;
}

static gboolean
all_regions (AmigoCleanupWindow *self)
{
  return gtk_drop_down_get_selected (self->scope_dropdown) == 1;
}

/* ---- the list ----------------------------------------------------------- */

typedef enum {
  COLUMN_NAME,
  COLUMN_REGION,
  COLUMN_LAST_LAUNCH,
  COLUMN_REFERENCES,
  COLUMN_SNAPSHOTS,
  COLUMN_COST,
  COLUMN_AGE,
  COLUMN_DEPRECATION,
  COLUMN_PROTECTION,
  COLUMN_ALLOWED,
  COLUMN_COPIES,
} Column;

static const struct {
  Column column;
  const char *title;
  gboolean expand;
} columns[] = {
  { COLUMN_NAME, N_("Name"), TRUE },
  { COLUMN_REGION, N_("Region"), FALSE },
  { COLUMN_LAST_LAUNCH, N_("Last Launch"), FALSE },
  { COLUMN_REFERENCES, N_("Used By"), FALSE },
  { COLUMN_SNAPSHOTS, N_("Snapshots"), FALSE },
  { COLUMN_COST, N_("Estimated Cost"), FALSE },
  { COLUMN_AGE, N_("Age"), FALSE },
  { COLUMN_DEPRECATION, N_("Deprecation"), FALSE },
  { COLUMN_PROTECTION, N_("Protection"), FALSE },
  { COLUMN_ALLOWED, N_("Allowed"), FALSE },
  { COLUMN_COPIES, N_("Copies In"), FALSE },
};

static char *
cell_text (AmigoCleanupEntry *entry,
           Column             column)
{
  AmigoImage *image = amigo_cleanup_entry_get_image (entry);
  const AmigoSnapshotCost *cost = amigo_cleanup_entry_get_cost (entry);
  gint64 now = g_get_real_time ();

  switch (column)
    {
    case COLUMN_NAME:
      {
        const char *name = amigo_image_get_name (image);

        if (amigo_cleanup_entry_is_disabled (entry))
          /* Translators: an image's name, then that it is disabled */
          return g_strdup_printf (_("%s (disabled)"), name != NULL ? name : amigo_image_get_image_id (image));
        return g_strdup (name != NULL ? name : amigo_image_get_image_id (image));
      }
    case COLUMN_REGION:
      return g_strdup (amigo_cleanup_entry_get_region (entry));
    case COLUMN_LAST_LAUNCH:
      if (amigo_image_get_last_launched_time_usec (image) > 0)
        return amigo_format_date_relative (amigo_image_get_last_launched_time_usec (image), now);
      return g_strdup (_("Never"));
    case COLUMN_REFERENCES:
      if (!amigo_cleanup_entry_get_references_known (entry))
        return g_strdup (_("Unknown"));
      if (amigo_cleanup_entry_get_n_references (entry) == 0)
        return g_strdup (_("Nothing"));
      return g_strdup_printf (g_dngettext (NULL, "%u resource", "%u resources",
                                           amigo_cleanup_entry_get_n_references (entry)),
                              amigo_cleanup_entry_get_n_references (entry));
    case COLUMN_SNAPSHOTS:
      /* Translators: how many snapshots, and their size */
      return g_strdup_printf (_("%u · %.1f GiB"), cost->n_snapshots, amigo_snapshot_cost_get_gib (cost));
    case COLUMN_COST:
      if (cost->region_guessed)
        /* Translators: an estimated monthly cost in US dollars, at
         * us-east-1's prices: the image's region has no verified price */
        return g_strdup_printf (_("≈ $%.2f/month (us-east-1 prices)"), cost->monthly_usd);
      /* Translators: an estimated monthly cost in US dollars */
      return g_strdup_printf (_("≈ $%.2f/month"), cost->monthly_usd);
    case COLUMN_AGE:
      return amigo_format_date_relative (amigo_image_get_creation_date_usec (image), now);
    case COLUMN_DEPRECATION:
      if (amigo_image_get_deprecation_time_usec (image) > 0)
        return amigo_format_date_local (amigo_image_get_deprecation_time_usec (image));
      return g_strdup (_("None"));
    case COLUMN_PROTECTION:
      return g_strdup (amigo_cleanup_entry_is_protected (entry) ? _("Protected") : _("None"));
    case COLUMN_ALLOWED:
      /* imageAllowed means something only while Allowed AMIs is on */
      if (!amigo_cleanup_entry_get_allowed_known (entry))
        return g_strdup (_("Not checked"));
      return g_strdup (amigo_image_get_image_allowed (image) ? _("Yes") : _("No"));
    case COLUMN_COPIES:
      {
        const char * const *regions = amigo_cleanup_entry_get_copy_regions (entry);

        /* One region a copy is in, each once: the regions scanned only */
        if (regions[0] == NULL)
          return g_strdup (amigo_cleanup_entry_get_copies_known (entry) ? _("None") : _("Not looked for"));
        return g_strjoinv (", ", (char **) regions);
      }
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  g_autofree char *text = cell_text (gtk_list_item_get_item (item), GPOINTER_TO_INT (user_data));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  AmigoCleanupWindow *self = user_data;
  AmigoCleanupEntry *x = (AmigoCleanupEntry *) a;
  AmigoCleanupEntry *y = (AmigoCleanupEntry *) b;

  if (gtk_drop_down_get_selected (self->sort_dropdown) == SORT_UNUSED)
    {
      gint64 sx = amigo_cleanup_entry_get_unused_since (x);
      gint64 sy = amigo_cleanup_entry_get_unused_since (y);

      /* Unused the longest first */
      if (sx != sy)
        return sx < sy ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
    }
  else
    {
      double cx = amigo_cleanup_entry_get_cost (x)->monthly_usd;
      double cy = amigo_cleanup_entry_get_cost (y)->monthly_usd;

      /* Costliest first */
      if (cx != cy)
        return cx > cy ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
    }
  return g_strcmp0 (amigo_cleanup_entry_get_image_id (x), amigo_cleanup_entry_get_image_id (y));
}

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  AmigoCleanupWindow *self = user_data;

  if (!gtk_check_button_get_active (self->unused_check))
    return TRUE;
  return amigo_cleanup_entry_is_unused (item, (guint) gtk_spin_button_get_value_as_int (self->days_spin),
                                        g_get_real_time ());
}

void
_amigo_cleanup_window_update_estimate (AmigoCleanupWindow *self)
{
  GListModel *shown = G_LIST_MODEL (self->selection);
  AmigoSnapshotCost total = { 0 };
  g_autofree char *estimate = NULL;
  g_autofree char *source = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(AmigoCleanupEntry) entry = g_list_model_get_item (shown, i);

      amigo_snapshot_cost_add (&total, amigo_cleanup_entry_get_cost (entry));
    }
  estimate = _amigo_cleanup_format_estimate (&total);
  source = _amigo_cleanup_prices_source (self, &total);
  /* Translators: %u images, their snapshots' estimate, then where the
   * prices come from (a sentence) */
  text = g_strdup_printf (g_dngettext (NULL, "%u image shown: %s. An estimate, counting each snapshot whole. %s",
                                       "%u images shown: %s. An estimate, counting each snapshot whole. %s",
                                       g_list_model_get_n_items (shown)),
                          g_list_model_get_n_items (shown), estimate, source);
  gtk_label_set_text (self->estimate_label, text);
}

static void
on_filter_changed_cb (GtkWidget          *widget,
                      AmigoCleanupWindow *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  _amigo_cleanup_window_update_estimate (self);
}

static void
on_sort_changed_cb (GtkDropDown        *dropdown,
                    GParamSpec         *pspec,
                    AmigoCleanupWindow *self)
{
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
on_scope_changed_cb (GtkDropDown        *dropdown,
                     GParamSpec         *pspec,
                     AmigoCleanupWindow *self)
{
  if (self->account != NULL)
    _amigo_cleanup_window_reload (self);
}

/* ---- loading ------------------------------------------------------------ */

static void
on_scan_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AmigoCleanupWindow) self = user_data;
  AmigoCleanupScan *scan = AMIGO_CLEANUP_SCAN (source);
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;

  if (!amigo_cleanup_scan_run_finish (scan, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->scanning = FALSE;
      self->loading = self->prices_loading;
      adw_status_page_set_title (self->empty_page, _("Could Not Read Your Images"));
      amigo_status_page_set_description_literal (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      return;
    }
  self->scanning = FALSE;
  self->loading = self->prices_loading;
  /* Prices that arrived during the scan count for every snapshot */
  for (guint i = 0; i < amigo_cleanup_scan_get_entries (scan)->len; i++)
    amigo_cleanup_entry_reprice (g_ptr_array_index (amigo_cleanup_scan_get_entries (scan), i));
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       amigo_cleanup_scan_get_entries (scan)->pdata,
                       amigo_cleanup_scan_get_entries (scan)->len);
  problems = amigo_cleanup_scan_get_problems (scan);
  if (problems->len > 0)
    _amigo_cleanup_window_toast (self, g_ptr_array_index (problems, 0));
  adw_status_page_set_title (self->empty_page, _("Nothing to Clean Up"));
  amigo_status_page_set_description_literal (self->empty_page,
                                             _("You own no images here, or none matches the filter."));
  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->entries)) > 0 ? "list" : "empty");
  _amigo_cleanup_window_update_estimate (self);
}

void
_amigo_cleanup_window_reload (AmigoCleanupWindow *self)
{
  g_autoptr(AmigoCleanupScan) scan = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->ec2s, g_ptr_array_unref);
  self->ec2s = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; self->regions[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      AmigoEc2 *ec2;

      if (!all_regions (self) && g_strcmp0 (self->regions[i], self->region) != 0)
        continue;
      ec2 = amigo_ec2_new_for_account (self->account, self->client, self->regions[i], &error);
      if (ec2 == NULL)
        {
          _amigo_cleanup_window_toast (self, error->message);
          continue;
        }
      g_ptr_array_add (self->ec2s, ec2);
    }

  self->loading = TRUE;
  self->scanning = TRUE;
  gtk_stack_set_visible_child_name (self->list_stack, "loading");
  _amigo_cleanup_window_load_prices (self);
  scan = amigo_cleanup_scan_new (self->ec2s);
  amigo_cleanup_scan_run_async (scan, self->cancellable, on_scan_done_cb, g_object_ref (self));
  _amigo_cleanup_window_load_bin (self);
  _amigo_cleanup_window_load_guards (self);
}

/* ---- actions ------------------------------------------------------------ */

static GPtrArray *
selected_entries (AmigoCleanupWindow *self)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GtkBitsetIter iter;
  guint position;

  if (gtk_bitset_iter_init_first (&iter, selected, &position))
    do
      g_ptr_array_add (entries, g_list_model_get_item (G_LIST_MODEL (self->selection), position));
    while (gtk_bitset_iter_next (&iter, &position));
  return entries;
}

static void
bulk_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AmigoCleanupWindow *self = AMIGO_CLEANUP_WINDOW (widget);
  g_autoptr(GPtrArray) entries = selected_entries (self);
  AmigoCleanupAction action;

  if (g_str_equal (action_name, "cleanup.deprecate"))
    action = AMIGO_CLEANUP_DEPRECATE;
  else if (g_str_equal (action_name, "cleanup.disable"))
    action = AMIGO_CLEANUP_DISABLE;
  else if (g_str_equal (action_name, "cleanup.enable"))
    action = AMIGO_CLEANUP_ENABLE;
  else
    action = AMIGO_CLEANUP_DEREGISTER;
  if (entries->len == 0)
    {
      _amigo_cleanup_window_toast (self, _("Select the images first."));
      return;
    }
  _amigo_cleanup_window_bulk (self, action, entries);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _amigo_cleanup_window_reload (AMIGO_CLEANUP_WINDOW (widget));
}

/* ---- GObject ------------------------------------------------------------ */

static void
amigo_cleanup_window_dispose (GObject *object)
{
  AmigoCleanupWindow *self = AMIGO_CLEANUP_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->bulk_dialog);
  g_clear_weak_pointer (&self->report_dialog);
  g_clear_weak_pointer (&self->bulk_totals_label);
  g_clear_object (&self->selection);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->ec2s, g_ptr_array_unref);
  g_clear_object (&self->account);
  g_clear_object (&self->client);
  G_OBJECT_CLASS (amigo_cleanup_window_parent_class)->dispose (object);
}

static void
amigo_cleanup_window_finalize (GObject *object)
{
  AmigoCleanupWindow *self = AMIGO_CLEANUP_WINDOW (object);

  g_strfreev (self->regions);
  g_free (self->region);
  g_clear_pointer (&self->bin_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (amigo_cleanup_window_parent_class)->finalize (object);
}

static void
amigo_cleanup_window_class_init (AmigoCleanupWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amigo_cleanup_window_dispose;
  object_class->finalize = amigo_cleanup_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/cleanup/amigo-cleanup-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoCleanupWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AmigoCleanupWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AmigoCleanupWindow, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AmigoCleanupWindow, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AmigoCleanupWindow, sort_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoCleanupWindow, unused_check);
  gtk_widget_class_bind_template_child (widget_class, AmigoCleanupWindow, days_spin);
  gtk_widget_class_bind_template_child (widget_class, AmigoCleanupWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AmigoCleanupWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AmigoCleanupWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, AmigoCleanupWindow, estimate_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoCleanupWindow, bin_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoCleanupWindow, rules_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoCleanupWindow, guard_box);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_changed_cb);

  gtk_widget_class_install_action (widget_class, "cleanup.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "cleanup.deprecate", NULL, bulk_action);
  gtk_widget_class_install_action (widget_class, "cleanup.disable", NULL, bulk_action);
  gtk_widget_class_install_action (widget_class, "cleanup.deregister", NULL, bulk_action);
  gtk_widget_class_install_action (widget_class, "cleanup.enable", NULL, bulk_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "cleanup.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
amigo_cleanup_window_init (AmigoCleanupWindow *self)
{
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;

  gtk_widget_init_template (GTK_WIDGET (self));
  amigo_a11y_label_drop_down_button (self->scope_dropdown);
  /* Named by its mnemonic label, which the button inside is not */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sort_dropdown));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      self->sort_label, NULL, -1);

  self->bin_rows = g_ptr_array_new ();
  self->entries = g_list_store_new (AMIGO_TYPE_CLEANUP_ENTRY);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->sorter = gtk_custom_sorter_new (compare_cb, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->entries)), GTK_FILTER (self->filter));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered), GTK_SORTER (self->sorter));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (columns[i].column));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }
}

/**
 * amigo_cleanup_window_new:
 * @parent: (nullable): the main window
 * @account: the account
 * @client: its client
 * @regions: (array zero-terminated=1): the regions the account can use
 * @region: the region to start with
 *
 * Returns: (transfer full): a new Clean Up window, loading
 */
AmigoCleanupWindow *
amigo_cleanup_window_new (GtkWindow          *parent,
                          AmigoAccount       *account,
                          AmigoClient        *client,
                          const char * const *regions,
                          const char         *region)
{
  AmigoCleanupWindow *self = g_object_new (AMIGO_TYPE_CLEANUP_WINDOW, "transient-for", parent, NULL);
  g_autofree char *this_region = NULL;
  g_autofree char *every_region = NULL;
  const AmigoRegionInfo *info = amigo_region_lookup (region);
  const char *scopes[3];
  g_autoptr(GtkStringList) scope_list = NULL;

  self->regions = g_strdupv ((char **) regions);
  self->region = g_strdup (region);

  /* Translators: the Clean Up view's scope: the window's region */
  this_region = g_strdup_printf (_("Only %s"), info != NULL ? amigo_region_info_get_display_name (info) : region);
  /* Translators: the Clean Up view's scope: every region, with how many */
  every_region = g_strdup_printf (g_dngettext (NULL, "All %u Region", "All %u Regions", g_strv_length (self->regions)),
                                  g_strv_length (self->regions));
  scopes[0] = this_region;
  scopes[1] = every_region;
  scopes[2] = NULL;
  scope_list = gtk_string_list_new (scopes);
  gtk_drop_down_set_model (self->scope_dropdown, G_LIST_MODEL (scope_list));
  self->account = g_object_ref (account);
  self->client = g_object_ref (client);
  _amigo_cleanup_window_reload (self);
  return self;
}
