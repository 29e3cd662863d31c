/* amigo-task-list.c — the tasks under way, in a popover of the header bar
 *
 * One row a task, newest first: its title and state, a progress bar (with
 * AWS's percentage, or pulsing when AWS gives none), the time it has taken,
 * what AWS last said, a button to stop it where AWS allows it (a copy), and
 * once it succeeded a link to the result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "amigo-endpoint.h"
#include "amigo-task-list-private.h"

/* How often rows pulse and their elapsed time is refreshed, while shown. */
#define TICK_MS 500

/* ---- a row ----------------------------------------------------------- */

#define AMIGO_TYPE_TASK_ROW (amigo_task_row_get_type ())
G_DECLARE_FINAL_TYPE (AmigoTaskRow, amigo_task_row, AMIGO, TASK_ROW, GtkListBoxRow)

struct _AmigoTaskRow
{
  GtkListBoxRow parent_instance;

  AmigoTask *task;

  GtkWidget *title;
  GtkWidget *badge;
  GtkWidget *progress_box;
  GtkWidget *progress_bar;
  GtkWidget *percent;
  GtkWidget *cancel_button;
  GtkWidget *elapsed;
  GtkWidget *message;
  GtkWidget *result_button;
};

G_DEFINE_FINAL_TYPE (AmigoTaskRow, amigo_task_row, GTK_TYPE_LIST_BOX_ROW)

struct _AmigoTaskList
{
  GtkPopover parent_instance;

  /* template widgets */
  GtkStack *stack;
  GtkListBox *list_box;
  GtkButton *clear_button;

  /* owned */
  AmigoTaskManager *manager;
  guint tick_id;

  /* borrowed: the dialog open now */
  GtkWindow *dialog;
};

G_DEFINE_FINAL_TYPE (AmigoTaskList, amigo_task_list, GTK_TYPE_POPOVER)

enum {
  SIGNAL_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_clear_button (AmigoTaskList *self);

/* ---- formatting ------------------------------------------------------ */

char *
_amigo_task_list_format_elapsed (GTimeSpan elapsed)
{
  gint64 minutes = MAX (elapsed, 0) / G_TIME_SPAN_MINUTE;

  if (minutes < 1)
    return g_strdup (_("less than 1 min"));
  if (minutes < 60)
    /* Translators: a duration, "2 min" */
    return g_strdup_printf (ngettext ("%d min", "%d min", (gulong) minutes), (int) minutes);
  if (minutes % 60 == 0)
    /* Translators: a duration, "3 h" */
    return g_strdup_printf (ngettext ("%d h", "%d h", (gulong) (minutes / 60)), (int) (minutes / 60));
  /* Translators: a duration, "1 h 5 min" */
  return g_strdup_printf (_("%d h %d min"), (int) (minutes / 60), (int) (minutes % 60));
}

static const char *
state_style_class (AmigoTaskState state)
{
  switch (state)
    {
    case AMIGO_TASK_STATE_RUNNING:
      return "accent";
    case AMIGO_TASK_STATE_SUCCEEDED:
      return "success";
    case AMIGO_TASK_STATE_FAILED:
      return "error";
    case AMIGO_TASK_STATE_CANCELLED:
    default:
      return NULL;
    }
}

static const char *
region_name (const char *code)
{
  const AmigoRegionInfo *info = amigo_region_lookup (code);

  return info != NULL ? amigo_region_info_get_display_name (info) : code;
}

/* ---- rows ------------------------------------------------------------ */

static void
amigo_task_row_update_elapsed (AmigoTaskRow *row)
{
  gint64 end = amigo_task_get_finished (row->task);
  g_autofree char *duration = NULL;
  g_autofree char *text = NULL;

  if (end == 0)
    end = g_get_real_time ();
  duration = _amigo_task_list_format_elapsed (end - amigo_task_get_started (row->task));
  /* Translators: "Elapsed time: 2 min" */
  text = g_strdup_printf (_("Elapsed time: %s"), duration);
  gtk_label_set_text (GTK_LABEL (row->elapsed), text);
}

static void
amigo_task_row_tick (AmigoTaskRow *row)
{
  amigo_task_row_update_elapsed (row);
  if (amigo_task_get_state (row->task) == AMIGO_TASK_STATE_RUNNING &&
      amigo_task_get_percent (row->task) < 0)
    gtk_progress_bar_pulse (GTK_PROGRESS_BAR (row->progress_bar));
}

static void
amigo_task_row_update (AmigoTaskRow *row)
{
  AmigoTask *task = row->task;
  AmigoTaskState state = amigo_task_get_state (task);
  gboolean running = state == AMIGO_TASK_STATE_RUNNING;
  int percent = amigo_task_get_percent (task);
  const char *message = amigo_task_get_message (task);
  static const char * const badge_classes[] = { "accent", "success", "error", NULL };
  const char *style_class = state_style_class (state);

  gtk_label_set_text (GTK_LABEL (row->title), amigo_task_get_title (task));
  gtk_widget_set_tooltip_text (row->title, amigo_task_get_title (task));

  gtk_label_set_text (GTK_LABEL (row->badge), amigo_task_state_to_label (state));
  for (guint i = 0; badge_classes[i] != NULL; i++)
    gtk_widget_remove_css_class (row->badge, badge_classes[i]);
  if (style_class != NULL)
    gtk_widget_add_css_class (row->badge, style_class);

  gtk_widget_set_visible (row->progress_box, running);
  gtk_widget_set_visible (row->progress_bar, running);
  gtk_widget_set_visible (row->percent, running && percent >= 0);
  if (percent >= 0)
    {
      g_autofree char *text = g_strdup_printf ("%d%%", percent);

      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (row->progress_bar), percent / 100.0);
      gtk_label_set_text (GTK_LABEL (row->percent), text);
    }
  else if (running)
    gtk_progress_bar_pulse (GTK_PROGRESS_BAR (row->progress_bar));

  gtk_widget_set_visible (row->cancel_button, running);
  gtk_widget_set_sensitive (row->cancel_button, amigo_task_get_can_cancel (task));
  gtk_widget_set_tooltip_text (row->cancel_button, amigo_task_get_cancel_hint (task));

  gtk_label_set_text (GTK_LABEL (row->message), message ? message : "");
  gtk_widget_set_visible (row->message, message != NULL);
  if (state == AMIGO_TASK_STATE_FAILED)
    gtk_widget_add_css_class (row->message, "error");
  else
    gtk_widget_remove_css_class (row->message, "error");

  gtk_widget_set_visible (row->result_button, state == AMIGO_TASK_STATE_SUCCEEDED);
  if (state == AMIGO_TASK_STATE_SUCCEEDED)
    {
      const char * const *ids = amigo_task_get_resource_ids (task);
      guint n_ids = g_strv_length ((char **) ids);

      if (amigo_task_get_kind (task) == AMIGO_TASK_KIND_LAUNCH)
        {
          g_autofree char *joined = g_strjoinv (", ", (char **) ids);
          /* Translators: a tooltip, "Copy i-0123, i-0456 to the clipboard" */
          g_autofree char *tooltip = g_strdup_printf (_("Copy %s to the clipboard"), joined);

          gtk_button_set_label (GTK_BUTTON (row->result_button),
                                ngettext ("Copy Instance ID", "Copy Instance IDs", n_ids));
          gtk_widget_set_tooltip_text (row->result_button, tooltip);
        }
      else
        {
          /* Translators: a tooltip, "Show ami-0123 in the image list" */
          g_autofree char *tooltip = g_strdup_printf (_("Show %s in the image list"), ids[0]);

          gtk_button_set_label (GTK_BUTTON (row->result_button), _("Show Image"));
          gtk_widget_set_tooltip_text (row->result_button, tooltip);
        }
    }

  amigo_task_row_update_elapsed (row);
}

static void
on_task_notify_cb (AmigoTask    *task,
                   GParamSpec   *pspec,
                   AmigoTaskRow *row)
{
  GtkWidget *list = gtk_widget_get_ancestor (GTK_WIDGET (row), AMIGO_TYPE_TASK_LIST);

  amigo_task_row_update (row);
  if (list != NULL && g_str_equal (pspec->name, "state"))
    update_clear_button (AMIGO_TASK_LIST (list));
}

static void
amigo_task_row_dispose (GObject *object)
{
  AmigoTaskRow *row = AMIGO_TASK_ROW (object);

  g_clear_object (&row->task);

  G_OBJECT_CLASS (amigo_task_row_parent_class)->dispose (object);
}

static void
amigo_task_row_class_init (AmigoTaskRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = amigo_task_row_dispose;
}

static void
amigo_task_row_init (AmigoTaskRow *row)
{
}

static GtkWidget *
caption_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Wrapped labels must not ask for more width than the popover has, or
   * its height is measured for a width it never gets. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
  gtk_widget_add_css_class (label, "caption");
  return label;
}

static void on_cancel_clicked_cb (GtkButton *button, AmigoTaskRow *row);
static void on_result_clicked_cb (GtkButton *button, AmigoTaskRow *row);

static GtkWidget *
amigo_task_row_new (AmigoTask *task)
{
  AmigoTaskRow *row = g_object_new (AMIGO_TYPE_TASK_ROW, "activatable", FALSE, NULL);
  GtkWidget *box, *top, *middle, *bottom;

  row->task = g_object_ref (task);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  row->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->title), 0);
  gtk_label_set_wrap (GTK_LABEL (row->title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (row->title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (row->title), 2);
  gtk_label_set_max_width_chars (GTK_LABEL (row->title), 20);
  gtk_label_set_ellipsize (GTK_LABEL (row->title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (row->title, TRUE);
  gtk_widget_add_css_class (row->title, "heading");
  gtk_box_append (GTK_BOX (top), row->title);
  row->badge = gtk_label_new (NULL);
  gtk_widget_set_valign (row->badge, GTK_ALIGN_START);
  gtk_widget_add_css_class (row->badge, "state-badge");
  gtk_box_append (GTK_BOX (top), row->badge);
  gtk_box_append (GTK_BOX (box), top);

  middle = row->progress_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  row->progress_bar = gtk_progress_bar_new ();
  gtk_progress_bar_set_pulse_step (GTK_PROGRESS_BAR (row->progress_bar), 0.1);
  gtk_widget_set_hexpand (row->progress_bar, TRUE);
  gtk_widget_set_valign (row->progress_bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, amigo_task_get_title (task), -1);
  gtk_box_append (GTK_BOX (middle), row->progress_bar);
  row->percent = gtk_label_new (NULL);
  gtk_label_set_width_chars (GTK_LABEL (row->percent), 4);
  gtk_label_set_xalign (GTK_LABEL (row->percent), 1);
  gtk_widget_add_css_class (row->percent, "numeric");
  gtk_widget_add_css_class (row->percent, "caption");
  gtk_box_append (GTK_BOX (middle), row->percent);
  row->cancel_button = gtk_button_new_from_icon_name ("process-stop-symbolic");
  gtk_widget_set_valign (row->cancel_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (row->cancel_button, "flat");
  gtk_widget_add_css_class (row->cancel_button, "circular");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->cancel_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stop"), -1);
  g_signal_connect (row->cancel_button, "clicked", G_CALLBACK (on_cancel_clicked_cb), row);
  gtk_box_append (GTK_BOX (middle), row->cancel_button);
  gtk_box_append (GTK_BOX (box), middle);

  row->message = caption_label ();
  gtk_box_append (GTK_BOX (box), row->message);

  bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  row->elapsed = caption_label ();
  gtk_widget_set_hexpand (row->elapsed, TRUE);
  gtk_widget_set_valign (row->elapsed, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (row->elapsed, "dim-label");
  gtk_box_append (GTK_BOX (bottom), row->elapsed);
  row->result_button = gtk_button_new ();
  gtk_widget_set_valign (row->result_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (row->result_button, "link");
  gtk_widget_add_css_class (row->result_button, "caption");
  g_signal_connect (row->result_button, "clicked", G_CALLBACK (on_result_clicked_cb), row);
  gtk_box_append (GTK_BOX (bottom), row->result_button);
  gtk_box_append (GTK_BOX (box), bottom);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_signal_connect_object (task, "notify", G_CALLBACK (on_task_notify_cb), row, 0);
  amigo_task_row_update (row);
  return GTK_WIDGET (row);
}

/* ---- dialogs --------------------------------------------------------- */

static void
show_dialog (AmigoTaskList *self,
             GtkWidget     *dialog)
{
  if (self->dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
  self->dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWindow *
parent_window (AmigoTaskList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

typedef struct {
  AmigoTaskList *list;
  AmigoTask *task;
} CancelData;

static void
cancel_data_free (CancelData *data)
{
  g_object_unref (data->list);
  g_object_unref (data->task);
  g_free (data);
}

static void
cancel_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  CancelData *data = user_data;
  AmigoTaskList *self = data->list;
  g_autoptr(GError) error = NULL;

  if (!amigo_task_manager_cancel_finish (AMIGO_TASK_MANAGER (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      GtkWidget *dialog = adw_message_dialog_new (parent_window (self), _("Could Not Stop the Copy"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      show_dialog (self, dialog);
    }
  cancel_data_free (data);
}

static void
on_confirm_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        CancelData       *data)
{
  if (g_str_equal (response, "stop") && data->list->manager != NULL)
    {
      CancelData *copy = g_new0 (CancelData, 1);

      copy->list = g_object_ref (data->list);
      copy->task = g_object_ref (data->task);
      amigo_task_manager_cancel_async (data->list->manager, data->task, NULL, cancel_cb, copy);
    }
}

static void
on_cancel_clicked_cb (GtkButton    *button,
                      AmigoTaskRow *row)
{
  AmigoTaskList *self = AMIGO_TASK_LIST (gtk_widget_get_ancestor (GTK_WIDGET (row), AMIGO_TYPE_TASK_LIST));
  AmigoTask *task = row->task;
  g_autofree char *body = NULL;
  CancelData *data;
  GtkWidget *dialog;

  if (!amigo_task_get_can_cancel (task))
    return;

  /* Translators: "The unfinished copy ami-0123 in Asia Pacific (Seoul) will
   * be deregistered. …" */
  body = g_strdup_printf (_("The unfinished copy %s in %s will be deregistered, and the copy stops. "
                            "The source image is not changed."),
                          amigo_task_get_resource_ids (task)[0], region_name (amigo_task_get_region (task)));
  dialog = adw_message_dialog_new (parent_window (self), _("Stop Copying?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Copying"),
                                    "stop", _("_Stop Copy"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "stop",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");

  data = g_new0 (CancelData, 1);
  data->list = g_object_ref (self);
  data->task = g_object_ref (task);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_confirm_response_cb), data,
                         (GClosureNotify) (void (*) (void)) cancel_data_free, 0);

  gtk_popover_popdown (GTK_POPOVER (self));
  show_dialog (self, dialog);
}

/* ---- results --------------------------------------------------------- */

static void
copy_to_clipboard (AmigoTaskList *self,
                   const char    *text,
                   const char    *toast)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  g_signal_emit (self, signals[SIGNAL_TOAST], 0, toast);
}

static void
on_result_clicked_cb (GtkButton    *button,
                      AmigoTaskRow *row)
{
  AmigoTaskList *self = AMIGO_TASK_LIST (gtk_widget_get_ancestor (GTK_WIDGET (row), AMIGO_TYPE_TASK_LIST));
  const char * const *ids = amigo_task_get_resource_ids (row->task);

  if (amigo_task_get_kind (row->task) == AMIGO_TASK_KIND_LAUNCH)
    {
      g_autofree char *text = g_strjoinv (" ", (char **) ids);

      copy_to_clipboard (self, text, ngettext ("Instance ID copied", "Instance IDs copied",
                                               g_strv_length ((char **) ids)));
      return;
    }

  gtk_popover_popdown (GTK_POPOVER (self));
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-image", "(ss)",
                                   ids[0], amigo_task_get_region (row->task)))
    copy_to_clipboard (self, ids[0], _("Image ID copied"));
}

/* ---- the list -------------------------------------------------------- */

/* A line between rows, none after the last. */
static void
update_header_cb (GtkListBoxRow *row,
                  GtkListBoxRow *before,
                  gpointer       user_data)
{
  if (before != NULL && gtk_list_box_row_get_header (row) == NULL)
    gtk_list_box_row_set_header (row, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  else if (before == NULL)
    gtk_list_box_row_set_header (row, NULL);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  return amigo_task_row_new (AMIGO_TASK (item));
}

static void
update_clear_button (AmigoTaskList *self)
{
  GListModel *tasks = amigo_task_manager_get_tasks (self->manager);
  guint n = g_list_model_get_n_items (tasks);
  gboolean any_finished = FALSE;

  for (guint i = 0; i < n && !any_finished; i++)
    {
      g_autoptr(AmigoTask) task = g_list_model_get_item (tasks, i);

      any_finished = amigo_task_get_state (task) != AMIGO_TASK_STATE_RUNNING;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), any_finished);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
on_items_changed_cb (GListModel    *model,
                     guint          position,
                     guint          removed,
                     guint          added,
                     AmigoTaskList *self)
{
  update_clear_button (self);
}

static void
on_clear_clicked_cb (AmigoTaskList *self)
{
  amigo_task_manager_clear_finished (self->manager);
}

static gboolean
tick_cb (gpointer user_data)
{
  AmigoTaskList *self = user_data;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (AMIGO_IS_TASK_ROW (child))
      amigo_task_row_tick (AMIGO_TASK_ROW (child));
  return G_SOURCE_CONTINUE;
}

static void
amigo_task_list_map (GtkWidget *widget)
{
  AmigoTaskList *self = AMIGO_TASK_LIST (widget);

  GTK_WIDGET_CLASS (amigo_task_list_parent_class)->map (widget);

  tick_cb (self);
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add (TICK_MS, tick_cb, self);
}

static void
amigo_task_list_unmap (GtkWidget *widget)
{
  AmigoTaskList *self = AMIGO_TASK_LIST (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);

  GTK_WIDGET_CLASS (amigo_task_list_parent_class)->unmap (widget);
}

static void
amigo_task_list_dispose (GObject *object)
{
  AmigoTaskList *self = AMIGO_TASK_LIST (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
      self->dialog = NULL;
    }
  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (amigo_task_manager_get_tasks (self->manager), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMIGO_TYPE_TASK_LIST);
  g_clear_object (&self->manager);

  G_OBJECT_CLASS (amigo_task_list_parent_class)->dispose (object);
}

static void
amigo_task_list_class_init (AmigoTaskListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amigo_task_list_dispose;
  widget_class->map = amigo_task_list_map;
  widget_class->unmap = amigo_task_list_unmap;

  /**
   * AmigoTaskList::toast:
   * @text: a short sentence, e.g. "Image ID copied"
   *
   * Emitted when the list has news for a toast.
   */
  signals[SIGNAL_TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/tasks/amigo-task-list.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoTaskList, stack);
  gtk_widget_class_bind_template_child (widget_class, AmigoTaskList, list_box);
  gtk_widget_class_bind_template_child (widget_class, AmigoTaskList, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked_cb);
}

static void
amigo_task_list_init (AmigoTaskList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * amigo_task_list_new:
 * @manager: the tasks to show
 *
 * Returns: (transfer floating): the popover
 */
GtkWidget *
amigo_task_list_new (AmigoTaskManager *manager)
{
  AmigoTaskList *self;
  GListModel *tasks;

  g_return_val_if_fail (AMIGO_IS_TASK_MANAGER (manager), NULL);

  self = g_object_new (AMIGO_TYPE_TASK_LIST, NULL);
  self->manager = g_object_ref (manager);
  tasks = amigo_task_manager_get_tasks (manager);
  gtk_list_box_set_header_func (self->list_box, update_header_cb, NULL, NULL);
  gtk_list_box_bind_model (self->list_box, tasks, create_row_cb, self, NULL);
  g_signal_connect (tasks, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  update_clear_button (self);
  return GTK_WIDGET (self);
}

/**
 * amigo_task_list_get_manager:
 *
 * Returns: (transfer none): the tasks it shows
 */
AmigoTaskManager *
amigo_task_list_get_manager (AmigoTaskList *self)
{
  g_return_val_if_fail (AMIGO_IS_TASK_LIST (self), NULL);
  return self->manager;
}

/* ---- for tests ------------------------------------------------------- */

GtkWidget *
_amigo_task_list_get_row (AmigoTaskList *self,
                          AmigoTask     *task)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (AMIGO_IS_TASK_ROW (child) && AMIGO_TASK_ROW (child)->task == task)
      return child;
  return NULL;
}

GtkWidget *
_amigo_task_list_row_get_badge (GtkWidget *row)
{
  return AMIGO_TASK_ROW (row)->badge;
}

GtkWidget *
_amigo_task_list_row_get_progress_bar (GtkWidget *row)
{
  return AMIGO_TASK_ROW (row)->progress_bar;
}

GtkWidget *
_amigo_task_list_row_get_cancel_button (GtkWidget *row)
{
  return AMIGO_TASK_ROW (row)->cancel_button;
}

GtkWidget *
_amigo_task_list_row_get_result_button (GtkWidget *row)
{
  return AMIGO_TASK_ROW (row)->result_button;
}

GtkWidget *
_amigo_task_list_get_clear_button (AmigoTaskList *self)
{
  return GTK_WIDGET (self->clear_button);
}

GtkWindow *
_amigo_task_list_get_dialog (AmigoTaskList *self)
{
  return self->dialog;
}
