/* amigo-image-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-image-list.h"

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
  N_COLUMNS
} ColumnKind;

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
};

struct _AmigoImageList
{
  AdwBin parent_instance;

  /* owned */
  GtkColumnView *column_view;
  GtkColumnViewColumn *view_columns[N_COLUMNS];
  AmigoImageFilter *filter;
  GtkFilterListModel *filter_model;
  GtkSortListModel *sort_model;
  GtkMultiSelection *selection;
  gboolean show_region;
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

static char *
format_date (gint64 usec)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (usec == 0)
    return NULL;
  utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  if (utc == NULL)
    return NULL;
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* A person's word for an EC2 image state. */
static const char *
state_to_string (const char *state)
{
  if (state == NULL)
    return "";
  if (g_str_equal (state, "available"))
    return C_("image state", "Available");
  if (g_str_equal (state, "pending"))
    return C_("image state", "Pending");
  if (g_str_equal (state, "failed"))
    return C_("image state", "Failed");
  if (g_str_equal (state, "deregistered"))
    return C_("image state", "Deregistered");
  if (g_str_equal (state, "disabled"))
    return C_("image state", "Disabled");
  if (g_str_equal (state, "invalid"))
    return C_("image state", "Invalid");
  if (g_str_equal (state, "transient"))
    return C_("image state", "Transient");
  if (g_str_equal (state, "error"))
    return C_("image state", "Error");
  return state;
}

static const char *
state_css_class (const char *state)
{
  if (g_strcmp0 (state, "available") == 0)
    return "success";
  if (g_strcmp0 (state, "pending") == 0 || g_strcmp0 (state, "transient") == 0)
    return "warning";
  if (g_strcmp0 (state, "failed") == 0 || g_strcmp0 (state, "error") == 0 ||
      g_strcmp0 (state, "invalid") == 0)
    return "error";
  return "dim-label";
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
      return state_to_string (amigo_image_get_state (image));
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
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
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
  gtk_list_item_set_child (item, inscription);
  /* So a right click can tell which row it hit. */
  g_object_set_data (G_OBJECT (inscription), "amigo-list-item", item);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  ColumnKind kind = GPOINTER_TO_INT (user_data);
  GtkWidget *inscription = gtk_list_item_get_child (item);
  AmigoImage *image = gtk_list_item_get_item (item);
  g_autofree char *owned = NULL;
  const char *text = cell_text (kind, image, &owned);

  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
  if (kind == COLUMN_NAME || kind == COLUMN_IMAGE_ID)
    gtk_widget_set_tooltip_text (inscription, text);
  if (kind == COLUMN_STATE)
    {
      const char *css = state_css_class (amigo_image_get_state (image));

      gtk_widget_remove_css_class (inscription, "success");
      gtk_widget_remove_css_class (inscription, "warning");
      gtk_widget_remove_css_class (inscription, "error");
      gtk_widget_remove_css_class (inscription, "dim-label");
      gtk_widget_add_css_class (inscription, css);
    }
}

/* Sorting compares the images' own fields: no GValue, no collation keys,
 * so re-sorting 100 000 images stays well under a second. Text compares
 * ignoring ASCII case, which is how ids and names are written. */
static int
compare_text (const char *a,
              const char *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  return g_ascii_strcasecmp (a, b);
}

static int
compare_int64 (gint64 a,
               gint64 b)
{
  return (a > b) - (a < b);
}

static int
compare_images (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  AmigoImage *ia = (AmigoImage *) a;
  AmigoImage *ib = (AmigoImage *) b;
  ColumnKind kind = GPOINTER_TO_INT (user_data);
  int result;

  switch (kind)
    {
    case COLUMN_NAME:
      result = compare_text (amigo_image_get_name (ia), amigo_image_get_name (ib));
      break;
    case COLUMN_IMAGE_ID:
      result = compare_text (amigo_image_get_image_id (ia), amigo_image_get_image_id (ib));
      break;
    case COLUMN_STATE:
      result = compare_text (amigo_image_get_state (ia), amigo_image_get_state (ib));
      break;
    case COLUMN_ARCHITECTURE:
      result = compare_text (amigo_image_get_architecture (ia), amigo_image_get_architecture (ib));
      break;
    case COLUMN_ROOT_DEVICE:
      result = compare_text (amigo_image_get_root_device_type (ia), amigo_image_get_root_device_type (ib));
      break;
    case COLUMN_VIRTUALIZATION:
      result = compare_text (amigo_image_get_virtualization_type (ia), amigo_image_get_virtualization_type (ib));
      break;
    case COLUMN_PLATFORM:
      {
        char *owned_a, *owned_b;

        result = compare_text (cell_text (kind, ia, &owned_a), cell_text (kind, ib, &owned_b));
        g_free (owned_a);
        g_free (owned_b);
      }
      break;
    case COLUMN_OWNER:
      {
        char *owned_a, *owned_b;

        result = compare_text (cell_text (kind, ia, &owned_a), cell_text (kind, ib, &owned_b));
        g_free (owned_a);
        g_free (owned_b);
      }
      break;
    case COLUMN_CREATED:
      result = compare_int64 (amigo_image_get_creation_date_usec (ia), amigo_image_get_creation_date_usec (ib));
      break;
    case COLUMN_VISIBILITY:
      result = compare_int64 (amigo_image_get_is_public (ia), amigo_image_get_is_public (ib));
      break;
    case COLUMN_DEPRECATION:
      result = compare_int64 (amigo_image_get_deprecation_time_usec (ia), amigo_image_get_deprecation_time_usec (ib));
      break;
    case COLUMN_REGION:
      result = compare_text (amigo_image_store_get_image_region (ia), amigo_image_store_get_image_region (ib));
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static GtkSorter *
create_sorter (ColumnKind kind)
{
  const char *numeric_property = NULL;

  /* Dates sort on their numbers through GtkNumericSorter, which reads
   * each image once and then compares the cached keys. */
  switch (kind)
    {
    case COLUMN_CREATED:
      numeric_property = "creation-date-usec";
      break;
    case COLUMN_DEPRECATION:
      numeric_property = "deprecation-time-usec";
      break;
    case COLUMN_NAME:
    case COLUMN_IMAGE_ID:
    case COLUMN_STATE:
    case COLUMN_ARCHITECTURE:
    case COLUMN_ROOT_DEVICE:
    case COLUMN_VIRTUALIZATION:
    case COLUMN_PLATFORM:
    case COLUMN_OWNER:
    case COLUMN_VISIBILITY:
    case COLUMN_REGION:
    case N_COLUMNS:
    default:
      break;
    }

  if (numeric_property != NULL)
    return GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (AMIGO_TYPE_IMAGE, NULL,
                                                                            numeric_property)));
  return GTK_SORTER (gtk_custom_sorter_new (compare_images, GINT_TO_POINTER (kind), NULL));
}

static void
on_selection_changed_cb (GtkSelectionModel *model,
                         guint              position,
                         guint              n_items,
                         AmigoImageList    *self)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
on_activate_cb (GtkColumnView  *view,
                guint           position,
                AmigoImageList *self)
{
  g_autoptr(AmigoImage) image = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

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

  if (!gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection),
                                        gtk_list_item_get_position (item)))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection),
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
      gtk_column_view_column_set_visible (self->view_columns[i], visible);
    }
}

static void
amigo_image_list_dispose (GObject *object)
{
  AmigoImageList *self = AMIGO_IMAGE_LIST (object);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
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
}

static void
amigo_image_list_init (AmigoImageList *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  g_autoptr(GListStore) empty = g_list_store_new (AMIGO_TYPE_IMAGE);

  self->filter = amigo_image_filter_new ();
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_steal_pointer (&empty)),
                                                  GTK_FILTER (g_object_ref (self->filter)));
  /* Filtering is done in one pass: with 100 000 images it takes a few
   * milliseconds, while filtering in steps made the view relayout after
   * each step and took many times longer in all. */
  gtk_filter_list_model_set_incremental (self->filter_model, FALSE);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model), NULL);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (self->sort_model));
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed_cb), self);

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection))));
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

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_sorter (column, create_sorter (i));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_fixed_width (column, columns[i].fixed_width);
      gtk_column_view_append_column (self->column_view, column);
      self->view_columns[i] = column;
      g_object_unref (column);
    }

  /* Clicking a header sorts by that column (dates as dates). */
  gtk_sort_list_model_set_sorter (self->sort_model, gtk_column_view_get_sorter (self->column_view));

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->column_view));
  gtk_widget_set_vexpand (scroller, TRUE);
  adw_bin_set_child (ADW_BIN (self), scroller);
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
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (store));
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
  return G_LIST_MODEL (self->sort_model);
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
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GPtrArray *images = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  if (gtk_bitset_iter_init_first (&iter, selected, &position))
    do
      g_ptr_array_add (images, g_list_model_get_item (G_LIST_MODEL (self->selection), position));
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
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(AmigoImage) image = NULL;

  if (gtk_bitset_is_empty (selected))
    return NULL;
  image = g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_minimum (selected));
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

/**
 * amigo_image_list_get_pending:
 *
 * Returns: how many images the search and filters have yet to look at
 *   (they work in steps, so typing stays fluid with 100 000 images)
 */
guint
amigo_image_list_get_pending (AmigoImageList *self)
{
  return gtk_filter_list_model_get_pending (self->filter_model);
}
