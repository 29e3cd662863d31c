/* amigo-image-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-date-format.h"
#include "amigo-image-list.h"
#include "amigo-image-rows.h"
#include "amigo-shown-images.h"
#include "amigo-state-badge.h"
#include "amigo-text.h"

typedef enum {
  COLUMN_NAME,
  COLUMN_IMAGE_ID,
  COLUMN_STATE,
  COLUMN_ARCHITECTURE,
  COLUMN_ROOT_DEVICE,
  COLUMN_VIRTUALIZATION,
  COLUMN_PLATFORM,
  COLUMN_OWNER,
  COLUMN_CREATED,
  COLUMN_VISIBILITY,
  COLUMN_DEPRECATION,
  COLUMN_REGION,
  COLUMN_ACCOUNT,
  N_COLUMNS
} ColumnKind;

/* Each column sorts by its own key. */
G_STATIC_ASSERT ((int) COLUMN_NAME == (int) AMIGO_IMAGE_SORT_NAME);
G_STATIC_ASSERT ((int) COLUMN_OWNER == (int) AMIGO_IMAGE_SORT_OWNER);
G_STATIC_ASSERT ((int) COLUMN_REGION == (int) AMIGO_IMAGE_SORT_REGION);
G_STATIC_ASSERT ((int) N_COLUMNS == (int) AMIGO_IMAGE_N_SORT_KEYS);

typedef struct {
  const char *id;
  const char *title;
  gboolean expand;
  int fixed_width;
} ColumnInfo;

static const ColumnInfo columns[N_COLUMNS] = {
  [COLUMN_NAME] = { "name", N_("Name"), TRUE, 240 },
  [COLUMN_IMAGE_ID] = { "image-id", N_("AMI ID"), FALSE, 190 },
  [COLUMN_STATE] = { "state", N_("State"), FALSE, 110 },
  [COLUMN_ARCHITECTURE] = { "architecture", N_("Architecture"), FALSE, 110 },
  [COLUMN_ROOT_DEVICE] = { "root-device", N_("Root Device"), FALSE, 120 },
  [COLUMN_VIRTUALIZATION] = { "virtualization", N_("Virtualization"), FALSE, 110 },
  [COLUMN_PLATFORM] = { "platform", N_("Platform"), FALSE, 130 },
  [COLUMN_OWNER] = { "owner", N_("Owner"), FALSE, 130 },
  [COLUMN_CREATED] = { "created", N_("Created"), FALSE, 150 },
  [COLUMN_VISIBILITY] = { "visibility", N_("Visibility"), FALSE, 90 },
  [COLUMN_DEPRECATION] = { "deprecation", N_("Deprecation"), FALSE, 150 },
  [COLUMN_REGION] = { "region", N_("Region"), FALSE, 130 },
  [COLUMN_ACCOUNT] = { "account", N_("Account"), FALSE, 150 },
};

struct _AmigoImageList
{
  AdwBin parent_instance;

  /* owned */
  GtkStack *stack;              /* the table, or "no matching images" */
  GtkColumnView *column_view;
  GtkColumnViewColumn *view_columns[N_COLUMNS];
  AmigoImageFilter *filter;
  AmigoShownImages *shown;
  AmigoImageRows *rows;         /* the selection model */
  gboolean show_region;
  gboolean show_account;        /* images of several accounts */
  guint32 hidden_columns;       /* bit i: columns[i] hidden */
};

G_DEFINE_FINAL_TYPE (AmigoImageList, amigo_image_list, ADW_TYPE_BIN)

enum {
  SELECTION_CHANGED,
  ACTIVATE,
  CONTEXT_MENU,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
static GQuark column_quark;

/* Compact and sortable, for a column. */
static char *
format_date (gint64 usec)
{
  return amigo_format_date_local_as (usec, "%Y-%m-%d %H:%M");
}

/* The text of a cell; *owned is set when the caller must free it. */
static const char *
cell_text (ColumnKind   kind,
           AmigoImage  *image,
           char       **owned)
{
  const char *value;

  *owned = NULL;
  switch (kind)
    {
    case COLUMN_NAME:
      value = amigo_image_get_name (image);
      return value && *value ? value : "—";
    case COLUMN_IMAGE_ID:
      return amigo_image_get_image_id (image);
    case COLUMN_STATE:
      value = amigo_image_state_to_label (amigo_image_get_state (image));
      /* imageAllowed is said only while Allowed AMIs is enabled or in
       * audit mode: an image its criteria leave out says so */
      if (!amigo_image_get_image_allowed (image) && amigo_model_has_value (image, "image-allowed"))
        {
          /* Translators: an image's state in the list, e.g. "Available · Not allowed",
           * when the account's Allowed AMIs criteria leave the image out */
          *owned = g_strdup_printf (_("%s · Not allowed"), value);
          return *owned;
        }
      return value;
    case COLUMN_ARCHITECTURE:
      return amigo_image_get_architecture (image);
    case COLUMN_ROOT_DEVICE:
      value = amigo_image_get_root_device_type (image);
      if (g_strcmp0 (value, "ebs") == 0)
        return _("EBS");
      if (g_strcmp0 (value, "instance-store") == 0)
        return _("Instance store");
      return value;
    case COLUMN_VIRTUALIZATION:
      value = amigo_image_get_virtualization_type (image);
      if (g_strcmp0 (value, "hvm") == 0)
        return _("HVM");
      if (g_strcmp0 (value, "paravirtual") == 0)
        return _("Paravirtual");
      return value;
    case COLUMN_PLATFORM:
      value = amigo_image_get_platform_details (image);
      if (value != NULL && *value != '\0')
        return value;
      return g_strcmp0 (amigo_image_get_platform (image), "windows") == 0 ? _("Windows") : _("Linux/UNIX");
    case COLUMN_OWNER:
      value = amigo_image_get_image_owner_alias (image);
      return value && *value ? value : amigo_image_get_owner_id (image);
    case COLUMN_CREATED:
      *owned = format_date (amigo_image_get_creation_date_usec (image));
      return *owned;
    case COLUMN_VISIBILITY:
      return amigo_image_get_is_public (image) ? _("Public") : _("Private");
    case COLUMN_DEPRECATION:
      *owned = format_date (amigo_image_get_deprecation_time_usec (image));
      return *owned ? *owned : "—";
    case COLUMN_REGION:
      return amigo_image_store_get_image_region (image);
    case COLUMN_ACCOUNT:
      {
        AmigoAccount *account = amigo_image_store_get_image_account (image);

        return account ? amigo_account_get_name (account) : "—";
      }
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* A name or id too long for its column is shown whole in a tooltip. The
 * tooltip is asked for when the pointer rests on the cell: setting it on
 * each bind would cost an X round trip per cell whenever rows change. */
static gboolean
on_cell_query_tooltip_cb (GtkWidget  *inscription,
                          int         x,
                          int         y,
                          gboolean    keyboard_mode,
                          GtkTooltip *tooltip,
                          gpointer    user_data)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (inscription));

  if (text == NULL || *text == '\0' || g_str_equal (text, "—"))
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  ColumnKind kind = GPOINTER_TO_INT (user_data);
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     kind == COLUMN_IMAGE_ID
                                       ? GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_MIDDLE
                                       : GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (kind == COLUMN_IMAGE_ID || kind == COLUMN_CREATED || kind == COLUMN_DEPRECATION)
    gtk_widget_add_css_class (inscription, "numeric");
  if (kind == COLUMN_NAME || kind == COLUMN_IMAGE_ID)
    {
      gtk_widget_set_has_tooltip (inscription, TRUE);
      g_signal_connect (inscription, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), NULL);
    }
  g_object_set_qdata (G_OBJECT (inscription), column_quark, GINT_TO_POINTER (kind));
  gtk_list_item_set_child (item, inscription);
  /* So a right click can tell which row it hit. */
  g_object_set_data (G_OBJECT (inscription), "amigo-list-item", item);
}

static void
show_image (GtkWidget  *inscription,
            ColumnKind  kind,
            AmigoImage *image)
{
  static const char * const state_classes[] = { "success", "warning", "error" };
  g_autofree char *owned = NULL;
  const char *text = cell_text (kind, image, &owned);

  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
  if (kind == COLUMN_STATE)
    {
      /* The colours of the details pane's badge, without its frame. */
      const char *css = amigo_image_state_to_style_class (amigo_image_get_state (image));

      for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
        if (g_strcmp0 (state_classes[i], css) != 0 && gtk_widget_has_css_class (inscription, state_classes[i]))
          gtk_widget_remove_css_class (inscription, state_classes[i]);
      if (css != NULL)
        gtk_widget_add_css_class (inscription, css);
    }
}

/* A search or a sort put another image in this row. */
static void
on_row_image_changed_cb (AmigoImageRow *row,
                         GParamSpec    *pspec,
                         GtkWidget     *inscription)
{
  show_image (inscription, GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (inscription), column_quark)),
              amigo_image_row_get_image (row));
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *inscription = gtk_list_item_get_child (item);
  AmigoImageRow *row = gtk_list_item_get_item (item);

  show_image (inscription, GPOINTER_TO_INT (user_data), amigo_image_row_get_image (row));
  g_signal_connect (row, "notify::image", G_CALLBACK (on_row_image_changed_cb), inscription);
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), on_row_image_changed_cb,
                                        gtk_list_item_get_child (item));
}

/* Sorting.
 *
 * Clicking a header sorts by that column: GtkColumnView keeps the order
 * in its GtkColumnViewSorter, which compares with the columns' sorters,
 * the last clicked first, inverting those sorted descending. The images
 * are not sorted through it (see amigo-shown-images.c for why); instead
 * the sorter is asked which columns it would compare, and in which
 * direction, by letting it compare a probe whose column sorters only
 * take notes. (GTK 4.10 can tell this directly; 4.8 cannot.) */
typedef struct {
  int answer_for;               /* the column that answers "smaller", or -1 */
  guint n_asked;
  ColumnKind asked[N_COLUMNS];  /* the columns asked, in order */
  gconstpointer other;          /* the second item: any other pointer */
} SortProbe;

static int
probe_compare_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  SortProbe *probe = (SortProbe *) a;
  ColumnKind kind = GPOINTER_TO_INT (user_data);

  if (probe->n_asked < N_COLUMNS)
    probe->asked[probe->n_asked++] = kind;
  return (int) kind == probe->answer_for ? GTK_ORDERING_SMALLER : GTK_ORDERING_EQUAL;
}

static void
on_sorter_changed_cb (GtkSorter       *sorter,
                      GtkSorterChange  change,
                      AmigoImageList  *self)
{
  SortProbe probe = { .answer_for = -1 };
  AmigoImageSort sort[N_COLUMNS];
  guint n_sort;

  if (self->shown == NULL)      /* disposed: the columns are going */
    return;
  probe.other = &sort;
  /* Every column says "equal": each sort column is asked, in order. */
  gtk_sorter_compare (sorter, &probe, (gpointer) probe.other);
  n_sort = probe.n_asked;
  for (guint i = 0; i < n_sort; i++)
    {
      ColumnKind kind = probe.asked[i];
      SortProbe one = { .answer_for = kind, .other = &sort };

      /* Only this column says "smaller": an inverted answer means
       * descending. */
      sort[i].key = (AmigoImageSortKey) kind;
      sort[i].descending = gtk_sorter_compare (sorter, &one, (gpointer) one.other) == GTK_ORDERING_LARGER;
    }
  amigo_shown_images_set_sort (self->shown, sort, n_sort);
}

static void
on_selection_changed_cb (GtkSelectionModel *model,
                         guint              position,
                         guint              n_items,
                         AmigoImageList    *self)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/* Nothing to show: a status page instead of the table, whose rows are
 * then kept, out of sight, for the next images. */
static void
on_shown_changed_cb (GListModel     *shown,
                     guint           position,
                     guint           removed,
                     guint           added,
                     AmigoImageList *self)
{
  gboolean empty = g_list_model_get_n_items (shown) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "no-results" : "table");
  /* Whatever comes next (another search, another region) is read from
   * the top. */
  if (empty && removed > 0)
    gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view)), 0);
}

static void
on_activate_cb (GtkColumnView  *view,
                guint           position,
                AmigoImageList *self)
{
  g_autoptr(AmigoImage) image = g_list_model_get_item (G_LIST_MODEL (self->shown), position);

  if (image != NULL)
    g_signal_emit (self, signals[ACTIVATE], 0, image);
}

/* A right click: select the row under the pointer (keeping a multiple
 * selection that includes it), then ask for the context menu there. */
static void
on_secondary_click_cb (GtkGestureClick *gesture,
                       int              n_press,
                       double           x,
                       double           y,
                       AmigoImageList  *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);
  GtkListItem *item = NULL;

  for (GtkWidget *w = picked; w != NULL && item == NULL; w = gtk_widget_get_parent (w))
    item = g_object_get_data (G_OBJECT (w), "amigo-list-item");
  if (item == NULL || gtk_list_item_get_item (item) == NULL)
    return;

  if (!gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->rows),
                                        gtk_list_item_get_position (item)))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->rows),
                                     gtk_list_item_get_position (item), TRUE);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_translate_coordinates (GTK_WIDGET (self->column_view), GTK_WIDGET (self), x, y, &x, &y);
  g_signal_emit (self, signals[CONTEXT_MENU], 0, x, y);
}

static void
update_column_visibility (AmigoImageList *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      gboolean visible = !(self->hidden_columns & (1u << i));

      if (i == COLUMN_REGION)
        visible = self->show_region;
      else if (i == COLUMN_ACCOUNT)
        visible = self->show_account;
      gtk_column_view_column_set_visible (self->view_columns[i], visible);
    }
}

static void
amigo_image_list_dispose (GObject *object)
{
  AmigoImageList *self = AMIGO_IMAGE_LIST (object);

  if (self->rows != NULL)
    g_signal_handlers_disconnect_by_data (self->rows, self);
  g_clear_object (&self->rows);
  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_data (self->shown, self);
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (amigo_image_list_parent_class)->dispose (object);
}

static void
amigo_image_list_class_init (AmigoImageListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = amigo_image_list_dispose;

  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * AmigoImageList::context-menu:
   * @x: where, in the list's coordinates
   * @y: where
   *
   * The person asked for the actions of the selected images (right click).
   */
  signals[CONTEXT_MENU] =
    g_signal_new ("context-menu", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  signals[ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, AMIGO_TYPE_IMAGE);

  column_quark = g_quark_from_static_string ("amigo-image-list-column");
}

static void
amigo_image_list_init (AmigoImageList *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *no_results;

  self->filter = amigo_image_filter_new ();
  self->shown = amigo_shown_images_new (self->filter);
  self->rows = amigo_image_rows_new (G_LIST_MODEL (self->shown));
  g_signal_connect (self->rows, "selection-changed", G_CALLBACK (on_selection_changed_cb), self);
  /* After the rows (connected in amigo_image_rows_new()) */
  g_signal_connect (self->shown, "items-changed", G_CALLBACK (on_shown_changed_cb), self);

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->rows))));
  gtk_column_view_set_reorderable (self->column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Images"), -1);
  g_signal_connect (self->column_view, "activate", G_CALLBACK (on_activate_cb), self);
  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
    g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_click_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));
  }

  for (guint n = 0; n < N_COLUMNS; n++)
    {
      /* The Account column, shown under All Accounts, comes right after
       * the name: last, it was off-screen at the window's default width. */
      guint i = n == 0 ? COLUMN_NAME : n == 1 ? COLUMN_ACCOUNT : n - 1;
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      {
        g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare_cb, GINT_TO_POINTER (i), NULL));

        gtk_column_view_column_set_sorter (column, sorter);
      }
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_fixed_width (column, columns[i].fixed_width);
      gtk_column_view_append_column (self->column_view, column);
      self->view_columns[i] = column;
      g_object_unref (column);
    }

  /* Clicking a header sorts by that column (dates as dates). */
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, 0);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->column_view));
  gtk_widget_set_vexpand (scroller, TRUE);

  no_results = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (no_results), "edit-find-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (no_results), _("No Matching Images"));
  amigo_status_page_set_description_literal (ADW_STATUS_PAGE (no_results),
                                             _("Try a different search, or clear the filters."));
  gtk_widget_add_css_class (no_results, "compact");

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scroller, "table");
  gtk_stack_add_named (self->stack, no_results, "no-results");
  gtk_stack_set_visible_child_name (self->stack, "table");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
  update_column_visibility (self);
}

GtkWidget *
amigo_image_list_new (void)
{
  return g_object_new (AMIGO_TYPE_IMAGE_LIST, NULL);
}

/**
 * amigo_image_list_set_store:
 *
 * Shows @store's images (filtered and sorted).
 */
void
amigo_image_list_set_store (AmigoImageList  *self,
                            AmigoImageStore *store)
{
  g_return_if_fail (AMIGO_IS_IMAGE_LIST (self));
  amigo_shown_images_set_model (self->shown, G_LIST_MODEL (store));
}

/**
 * amigo_image_list_get_filter:
 *
 * Returns: (transfer none): the search and filters
 */
AmigoImageFilter *
amigo_image_list_get_filter (AmigoImageList *self)
{
  return self->filter;
}

/**
 * amigo_image_list_get_shown:
 *
 * Returns: (transfer none): the images as shown: filtered and sorted
 */
GListModel *
amigo_image_list_get_shown (AmigoImageList *self)
{
  return G_LIST_MODEL (self->shown);
}

GtkColumnView *
amigo_image_list_get_column_view (AmigoImageList *self)
{
  return self->column_view;
}

/**
 * amigo_image_list_get_selected_images:
 *
 * Returns: (transfer full) (element-type AmigoImage): the selected images
 */
GPtrArray *
amigo_image_list_get_selected_images (AmigoImageList *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->rows));
  GPtrArray *images = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  if (gtk_bitset_iter_init_first (&iter, selected, &position))
    do
      g_ptr_array_add (images, g_list_model_get_item (G_LIST_MODEL (self->shown), position));
    while (gtk_bitset_iter_next (&iter, &position));

  return images;
}

/**
 * amigo_image_list_get_focused_image:
 *
 * Returns: (transfer none) (nullable): the image the details pane shows:
 *   the first selected one
 */
AmigoImage *
amigo_image_list_get_focused_image (AmigoImageList *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->rows));
  g_autoptr(AmigoImage) image = NULL;

  if (gtk_bitset_is_empty (selected))
    return NULL;
  image = g_list_model_get_item (G_LIST_MODEL (self->shown), gtk_bitset_get_minimum (selected));
  return image;   /* the model keeps it alive */
}

void
amigo_image_list_set_show_region (AmigoImageList *self,
                                  gboolean        show_region)
{
  self->show_region = show_region;
  update_column_visibility (self);
}

/**
 * amigo_image_list_sort_by:
 * @column_id: a column id, or %NULL to keep the server's order
 */
void
amigo_image_list_sort_by (AmigoImageList *self,
                          const char     *column_id,
                          GtkSortType     order)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    if (g_strcmp0 (columns[i].id, column_id) == 0)
      {
        gtk_column_view_sort_by_column (self->column_view, self->view_columns[i], order);
        return;
      }
  gtk_column_view_sort_by_column (self->column_view, NULL, order);
}

/* The Account column: shown while the list holds several accounts' images. */
void
amigo_image_list_set_show_account (AmigoImageList *self,
                                   gboolean        show_account)
{
  g_return_if_fail (AMIGO_IS_IMAGE_LIST (self));
  self->show_account = show_account;
  update_column_visibility (self);
}

const char * const *
amigo_image_list_get_column_ids (void)
{
  static const char *ids[N_COLUMNS + 1];

  if (ids[0] == NULL)
    for (guint i = 0; i < N_COLUMNS; i++)
      ids[i] = columns[i].id;
  return ids;
}

/**
 * amigo_image_list_get_column_title:
 *
 * Returns: (nullable): the translated title of a column
 */
const char *
amigo_image_list_get_column_title (const char *column_id)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    if (g_strcmp0 (columns[i].id, column_id) == 0)
      return _(columns[i].title);
  return NULL;
}

void
amigo_image_list_set_column_visible (AmigoImageList *self,
                                     const char     *column_id,
                                     gboolean        visible)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    if (g_strcmp0 (columns[i].id, column_id) == 0)
      {
        if (visible)
          self->hidden_columns &= ~(1u << i);
        else
          self->hidden_columns |= (1u << i);
      }
  update_column_visibility (self);
}

gboolean
amigo_image_list_get_column_visible (AmigoImageList *self,
                                     const char     *column_id)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    if (g_strcmp0 (columns[i].id, column_id) == 0)
      return !(self->hidden_columns & (1u << i));
  return FALSE;
}
