/* amigo-task-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A task's title and state, a progress bar (with AWS's percentage, or
 * pulsing when AWS gives none), the time it has taken, what AWS last
 * said, a button to stop it where AWS allows it (a copy), and once it
 * succeeded a link to the result. What those buttons do is the list's:
 * the row only says they were clicked.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-date-format.h"
#include "amigo-task-row.h"

struct _AmigoTaskRow
{
  GtkListBoxRow parent_instance;

  /* template widgets */
  GtkLabel *title;
  GtkLabel *badge;
  GtkWidget *progress_box;
  GtkProgressBar *progress_bar;
  GtkLabel *percent;
  GtkButton *cancel_button;
  GtkButton *roll_back_button;
  GtkLabel *message;
  GtkLabel *elapsed;
  GtkButton *result_button;

  /* owned */
  AmigoTask *task;
};

G_DEFINE_FINAL_TYPE (AmigoTaskRow, amigo_task_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  SIGNAL_CANCEL_CLICKED,
  SIGNAL_ROLL_BACK_CLICKED,
  SIGNAL_RESULT_CLICKED,
  SIGNAL_STATE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

static void
amigo_task_row_update_elapsed (AmigoTaskRow *self)
{
  gint64 end = amigo_task_get_finished (self->task);
  g_autofree char *duration = NULL;
  g_autofree char *text = NULL;

  if (end == 0)
    end = g_get_real_time ();
  duration = amigo_format_duration (end - amigo_task_get_started (self->task));
  /* Translators: "Elapsed time: 2 min" */
  text = g_strdup_printf (_("Elapsed time: %s"), duration);
  gtk_label_set_text (self->elapsed, text);
}

void
amigo_task_row_tick (AmigoTaskRow *self)
{
  amigo_task_row_update_elapsed (self);
  if (amigo_task_get_state (self->task) == AMIGO_TASK_STATE_RUNNING &&
      amigo_task_get_percent (self->task) < 0)
    gtk_progress_bar_pulse (self->progress_bar);
}

static void
amigo_task_row_update (AmigoTaskRow *self)
{
  AmigoTask *task = self->task;
  AmigoTaskState state = amigo_task_get_state (task);
  gboolean running = state == AMIGO_TASK_STATE_RUNNING;
  int percent = amigo_task_get_percent (task);
  const char *message = amigo_task_get_message (task);
  static const char * const badge_classes[] = { "accent", "success", "error", NULL };
  const char *style_class = state_style_class (state);

  gtk_label_set_text (self->title, amigo_task_get_title (task));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title), amigo_task_get_title (task));

  gtk_label_set_text (self->badge, amigo_task_state_to_label (state));
  for (guint i = 0; badge_classes[i] != NULL; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->badge), badge_classes[i]);
  if (style_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->badge), style_class);

  gtk_widget_set_visible (GTK_WIDGET (self->progress_box), running);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), running);
  gtk_widget_set_visible (GTK_WIDGET (self->percent), running && percent >= 0);
  if (percent >= 0)
    {
      g_autofree char *text = g_strdup_printf ("%d%%", percent);

      gtk_progress_bar_set_fraction (self->progress_bar, percent / 100.0);
      gtk_label_set_text (self->percent, text);
    }
  else if (running)
    gtk_progress_bar_pulse (self->progress_bar);

  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), amigo_task_get_can_cancel (task));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->cancel_button), amigo_task_get_cancel_hint (task));
  gtk_widget_set_visible (GTK_WIDGET (self->roll_back_button), amigo_task_get_can_roll_back (task));

  gtk_label_set_text (self->message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), message != NULL);
  if (state == AMIGO_TASK_STATE_FAILED)
    gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message), "error");

  gtk_widget_set_visible (GTK_WIDGET (self->result_button), state == AMIGO_TASK_STATE_SUCCEEDED);
  if (state == AMIGO_TASK_STATE_SUCCEEDED)
    {
      const char * const *ids = amigo_task_get_resource_ids (task);
      guint n_ids = g_strv_length ((char **) ids);

      if (amigo_task_get_kind (task) == AMIGO_TASK_KIND_LAUNCH)
        {
          g_autofree char *joined = g_strjoinv (", ", (char **) ids);
          /* Translators: a tooltip, "Copy i-0123, i-0456 to the clipboard" */
          g_autofree char *tooltip = g_strdup_printf (_("Copy %s to the clipboard"), joined);

          gtk_button_set_label (self->result_button,
                                ngettext ("Copy Instance ID", "Copy Instance IDs", n_ids));
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->result_button), tooltip);
        }
      else if (amigo_task_get_result_location (task) != NULL)
        {
          /* Translators: a tooltip, "Copy s3://bucket/export-ami-0123.vmdk to the clipboard" */
          g_autofree char *tooltip = g_strdup_printf (_("Copy %s to the clipboard"),
                                                      amigo_task_get_result_location (task));

          gtk_button_set_label (self->result_button, _("Copy Location"));
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->result_button), tooltip);
        }
      else
        {
          const char *image_id = amigo_task_get_result_image_id (task);
          /* Translators: a tooltip, "Show ami-0123 in the image list" */
          g_autofree char *tooltip = g_strdup_printf (_("Show %s in the image list"),
                                                      image_id != NULL ? image_id : ids[0]);

          gtk_button_set_label (self->result_button, _("Show Image"));
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->result_button), tooltip);
        }
    }

  amigo_task_row_update_elapsed (self);
}

static void
on_task_notify_cb (AmigoTask    *task,
                   GParamSpec   *pspec,
                   AmigoTaskRow *self)
{
  amigo_task_row_update (self);
  if (g_str_equal (pspec->name, "state"))
    g_signal_emit (self, signals[SIGNAL_STATE_CHANGED], 0);
}

static void
on_cancel_clicked_cb (AmigoTaskRow *self)
{
  g_signal_emit (self, signals[SIGNAL_CANCEL_CLICKED], 0);
}

static void
on_roll_back_clicked_cb (AmigoTaskRow *self)
{
  g_signal_emit (self, signals[SIGNAL_ROLL_BACK_CLICKED], 0);
}

static void
on_result_clicked_cb (AmigoTaskRow *self)
{
  g_signal_emit (self, signals[SIGNAL_RESULT_CLICKED], 0);
}

static void
amigo_task_row_dispose (GObject *object)
{
  AmigoTaskRow *self = AMIGO_TASK_ROW (object);

  g_clear_object (&self->task);

  G_OBJECT_CLASS (amigo_task_row_parent_class)->dispose (object);
}

static void
amigo_task_row_class_init (AmigoTaskRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amigo_task_row_dispose;

  /**
   * AmigoTaskRow::cancel-clicked:
   *
   * The stop button was clicked.
   */
  signals[SIGNAL_CANCEL_CLICKED] =
    g_signal_new ("cancel-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * AmigoTaskRow::roll-back-clicked:
   *
   * The roll back button (an instance refresh's) was clicked.
   */
  signals[SIGNAL_ROLL_BACK_CLICKED] =
    g_signal_new ("roll-back-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * AmigoTaskRow::result-clicked:
   *
   * The link to what the task made was clicked.
   */
  signals[SIGNAL_RESULT_CLICKED] =
    g_signal_new ("result-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * AmigoTaskRow::state-changed:
   *
   * The task ran, succeeded, failed or was cancelled; the row shows it.
   */
  signals[SIGNAL_STATE_CHANGED] =
    g_signal_new ("state-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/tasks/amigo-task-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoTaskRow, title);
  gtk_widget_class_bind_template_child (widget_class, AmigoTaskRow, badge);
  gtk_widget_class_bind_template_child (widget_class, AmigoTaskRow, progress_box);
  gtk_widget_class_bind_template_child (widget_class, AmigoTaskRow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AmigoTaskRow, percent);
  gtk_widget_class_bind_template_child (widget_class, AmigoTaskRow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoTaskRow, roll_back_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoTaskRow, message);
  gtk_widget_class_bind_template_child (widget_class, AmigoTaskRow, elapsed);
  gtk_widget_class_bind_template_child (widget_class, AmigoTaskRow, result_button);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_roll_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_result_clicked_cb);
}

static void
amigo_task_row_init (AmigoTaskRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * amigo_task_row_new:
 *
 * Returns: (transfer floating): a row showing @task, kept up to date
 */
GtkWidget *
amigo_task_row_new (AmigoTask *task)
{
  AmigoTaskRow *self = g_object_new (AMIGO_TYPE_TASK_ROW, NULL);

  self->task = g_object_ref (task);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, amigo_task_get_title (task), -1);
  g_signal_connect_object (task, "notify", G_CALLBACK (on_task_notify_cb), self, 0);
  amigo_task_row_update (self);
  return GTK_WIDGET (self);
}

/**
 * amigo_task_row_get_task:
 *
 * Returns: (transfer none): the task the row shows
 */
AmigoTask *
amigo_task_row_get_task (AmigoTaskRow *self)
{
  g_return_val_if_fail (AMIGO_IS_TASK_ROW (self), NULL);

  return self->task;
}
