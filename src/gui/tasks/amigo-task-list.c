/* amigo-task-list.c — the tasks under way, in a popover of the header bar
 *
 * One row a task (amigo-task-row.c), newest first. The list asks before
 * stopping a task, and copies or shows what a task made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "amigo-confirm.h"
#include "amigo-endpoint.h"
#include "amigo-task-list.h"
#include "amigo-task-row.h"

/* How often rows pulse and their elapsed time is refreshed, while shown. */
#define TICK_MS 500

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

static const char *
region_name (const char *code)
{
  const AmigoRegionInfo *info = amigo_region_lookup (code);

  return info != NULL ? amigo_region_info_get_display_name (info) : code;
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

static void
cancel_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AmigoTaskList) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!amigo_task_manager_cancel_finish (AMIGO_TASK_MANAGER (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      show_dialog (self, GTK_WIDGET (amigo_confirm_tell (GTK_WIDGET (self), _("Could Not Stop the Copy"), error->message)));
    }
}

static void
stop_confirmed (gpointer owner,
                gpointer item)
{
  AmigoTaskList *self = owner;

  if (self->manager != NULL)
    amigo_task_manager_cancel_async (self->manager, item, NULL, cancel_cb, g_object_ref (self));
}

static void
on_cancel_clicked_cb (AmigoTaskRow  *row,
                      AmigoTaskList *self)
{
  AmigoTask *task = amigo_task_row_get_task (row);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (!amigo_task_get_can_cancel (task))
    return;
  if (amigo_task_get_kind (task) == AMIGO_TASK_KIND_INSTANCE_REFRESH)
    {
      /* Translators: %s is an Auto Scaling group's name */
      body = g_strdup_printf (_("Auto Scaling stops replacing the instances of group %s. Instances already "
                                "replaced keep the new image."), amigo_task_get_resource_ids (task)[0]);
      dialog = amigo_confirm_new (parent_window (self), _("Cancel the Instance Refresh?"), body,
                                  "keep", _("_Keep Refreshing"), "stop", _("_Cancel Refresh"));
      amigo_confirm_connect (dialog, "stop", stop_confirmed, self, task);
      gtk_popover_popdown (GTK_POPOVER (self));
      show_dialog (self, GTK_WIDGET (dialog));
      return;
    }

  /* Translators: "The unfinished copy ami-0123 in Asia Pacific (Seoul) will
   * be deregistered. …" */
  body = g_strdup_printf (_("The unfinished copy %s in %s will be deregistered, and the copy stops. "
                            "The source image is not changed."),
                          amigo_task_get_resource_ids (task)[0], region_name (amigo_task_get_region (task)));
  dialog = amigo_confirm_new (parent_window (self), _("Stop Copying?"), body,
                              "keep", _("_Keep Copying"), "stop", _("_Stop Copy"));
  amigo_confirm_connect (dialog, "stop", stop_confirmed, self, task);

  gtk_popover_popdown (GTK_POPOVER (self));
  show_dialog (self, GTK_WIDGET (dialog));
}

static void
roll_back_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AmigoTaskList) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!amigo_task_manager_roll_back_finish (AMIGO_TASK_MANAGER (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      show_dialog (self, GTK_WIDGET (amigo_confirm_tell (GTK_WIDGET (self), _("Could Not Roll Back"), error->message)));
    }
}

static void
roll_back_confirmed (gpointer owner,
                     gpointer item)
{
  AmigoTaskList *self = owner;

  if (self->manager != NULL)
    amigo_task_manager_roll_back_async (self->manager, item, NULL, roll_back_cb, g_object_ref (self));
}

static void
on_roll_back_clicked_cb (AmigoTaskRow  *row,
                         AmigoTaskList *self)
{
  AmigoTask *task = amigo_task_row_get_task (row);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (!amigo_task_get_can_roll_back (task))
    return;

  /* Translators: %s is an Auto Scaling group's name */
  body = g_strdup_printf (_("Auto Scaling replaces the instances of group %s that already run the new "
                            "configuration with instances of the previous one."),
                          amigo_task_get_resource_ids (task)[0]);
  dialog = amigo_confirm_new (parent_window (self), _("Roll Back the Instance Refresh?"), body,
                              "keep", _("_Keep Refreshing"), "roll-back", _("_Roll Back"));
  amigo_confirm_connect (dialog, "roll-back", roll_back_confirmed, self, task);
  gtk_popover_popdown (GTK_POPOVER (self));
  show_dialog (self, GTK_WIDGET (dialog));
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
on_result_clicked_cb (AmigoTaskRow  *row,
                      AmigoTaskList *self)
{
  AmigoTask *task = amigo_task_row_get_task (row);
  const char * const *ids = amigo_task_get_resource_ids (task);
  const char *image_id;

  if (amigo_task_get_kind (task) == AMIGO_TASK_KIND_LAUNCH)
    {
      g_autofree char *text = g_strjoinv (" ", (char **) ids);

      copy_to_clipboard (self, text, ngettext ("Instance ID copied", "Instance IDs copied",
                                               g_strv_length ((char **) ids)));
      return;
    }

  if (amigo_task_get_result_location (task) != NULL)
    {
      copy_to_clipboard (self, amigo_task_get_result_location (task), _("Location copied"));
      return;
    }

  gtk_popover_popdown (GTK_POPOVER (self));
  image_id = amigo_task_get_result_image_id (task) != NULL ? amigo_task_get_result_image_id (task) : ids[0];
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-image", "(ss)",
                                   image_id, amigo_task_get_region (task)))
    copy_to_clipboard (self, image_id, _("Image ID copied"));
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
  AmigoTaskList *self = user_data;
  GtkWidget *row = amigo_task_row_new (AMIGO_TASK (item));

  g_signal_connect_object (row, "cancel-clicked", G_CALLBACK (on_cancel_clicked_cb), self, 0);
  g_signal_connect_object (row, "roll-back-clicked", G_CALLBACK (on_roll_back_clicked_cb), self, 0);
  g_signal_connect_object (row, "result-clicked", G_CALLBACK (on_result_clicked_cb), self, 0);
  g_signal_connect_object (row, "state-changed", G_CALLBACK (update_clear_button), self,
                           G_CONNECT_SWAPPED);
  return row;
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
