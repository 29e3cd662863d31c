/* amigo-deprecation-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows when each selected image is (to be) deprecated, and sets a new
 * time for all of them (EnableImageDeprecation, one image after the other)
 * or removes it (DisableImageDeprecation). The time is picked as a date and
 * an hour and minute in UTC, as EC2 takes it, and must lie in the future
 * and within EC2's limits (10 years; 2 years after creation for a public
 * image). When some images fail, the others stay done and pressing the
 * button again only sends the ones that failed.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-actions.h"
#include "amigo-date-format.h"
#include "amigo-image-store.h"
#include "amigo-deprecation-dialog-private.h"
#include "amigo-text.h"

G_DEFINE_FINAL_TYPE (AmigoDeprecationDialog, amigo_deprecation_dialog, AMIGO_TYPE_ACTION_DIALOG)

static void update_state (AmigoDeprecationDialog *self);

/* ---- the time --------------------------------------------------------- */

GDateTime *
amigo_deprecation_dialog_dup_time (AmigoDeprecationDialog *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  int year, month, mday;

  g_date_time_get_ymd (day, &year, &month, &mday);
  return g_date_time_new_utc (year, month, mday,
                              gtk_spin_button_get_value_as_int (self->hour_spin),
                              gtk_spin_button_get_value_as_int (self->minute_spin), 0);
}

static void
set_time (AmigoDeprecationDialog *self,
          GDateTime              *utc)
{
  g_autoptr(GDateTime) day = NULL;
  int year, month, mday;

  g_date_time_get_ymd (utc, &year, &month, &mday);
  /* The calendar works in local days: give it the UTC day's number. */
  day = g_date_time_new_local (year, month, mday, 12, 0, 0);
  gtk_calendar_select_day (self->calendar, day);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (utc));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (utc));
}

static char *
format_day (GDateTime *time)
{
  /* Translators: a date as in “December 1, 2026”; see g_date_time_format() */
  return g_date_time_format (time, _("%B %-d, %Y"));
}

/* What is wrong with the time chosen, or NULL. */
static char *
check_time (AmigoDeprecationDialog *self,
            GDateTime              *chosen)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) latest = g_date_time_add_days (now, AMIGO_DEPRECATION_MAX_DAYS);

  if (g_date_time_compare (chosen, now) <= 0)
    return g_strdup (_("Choose a time in the future."));
  if (g_date_time_compare (chosen, latest) > 0)
    {
      g_autofree char *text = format_day (latest);

      /* Translators: %s is a date */
      return g_strdup_printf (_("Choose a time within 10 years: by %s."), text);
    }

  for (guint i = 0; i < self->images->len; i++)
    {
      AmigoImage *image = g_ptr_array_index (self->images, i);
      gint64 created = amigo_image_get_creation_date_usec (image);
      g_autoptr(GDateTime) made = NULL;
      g_autoptr(GDateTime) limit = NULL;

      if (!amigo_image_get_is_public (image) || created == 0)
        continue;
      made = g_date_time_new_from_unix_utc (created / G_USEC_PER_SEC);
      limit = g_date_time_add_days (made, AMIGO_DEPRECATION_PUBLIC_MAX_DAYS);
      if (limit != NULL && g_date_time_compare (chosen, limit) > 0)
        {
          g_autofree char *text = format_day (limit);

          /* Translators: %s is an image's name, then a date */
          return g_strdup_printf (_("“%s” is public: it can be deprecated at most 2 years after "
                                    "it was made, by %s."),
                                  amigo_action_dialog_image_title (image), text);
        }
    }
  return NULL;
}

/* ---- the images ------------------------------------------------------- */

static gboolean
has_deprecation (AmigoImage *image)
{
  return amigo_image_get_deprecation_time_usec (image) != 0;
}

static char *
describe_deprecation (AmigoImage *image)
{
  gint64 usec = amigo_image_get_deprecation_time_usec (image);
  g_autofree char *when = NULL;
  g_autofree char *relative = NULL;

  if (usec == 0)
    return g_strdup (_("Not deprecated"));
  when = amigo_format_date_local (usec);
  relative = amigo_format_date_relative (usec, g_get_real_time ());
  if (usec <= g_get_real_time ())
    /* Translators: a local date and time, then how long ago, e.g. “3 days ago” */
    return g_strdup_printf (_("Deprecated since %s (%s)"), when, relative);
  /* Translators: a local date and time, then how far ahead, e.g. “in 3 days” */
  return g_strdup_printf (_("To be deprecated on %s (%s)"), when, relative);
}

static void
show_images (AmigoDeprecationDialog *self)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->images->len; i++)
    {
      AmigoImage *image = g_ptr_array_index (self->images, i);
      AdwActionRow *row = g_ptr_array_index (self->image_rows, i);
      g_autofree char *subtitle = describe_deprecation (image);

      adw_action_row_set_subtitle (row, subtitle);
      any |= has_deprecation (image);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->clear_group), any);
}

/* ---- state ------------------------------------------------------------ */

static void
update_state (AmigoDeprecationDialog *self)
{
  g_autoptr(GDateTime) chosen = amigo_deprecation_dialog_dup_time (self);
  g_autoptr(GDateTime) local = g_date_time_to_local (chosen);
  g_autofree char *problem = check_time (self, chosen);
  g_autofree char *day = format_day (chosen);
  g_autofree char *local_text = NULL;
  gboolean busy = self->work != AMIGO_DEPRECATION_IDLE;

  gtk_menu_button_set_label (self->date_button, day);
  /* The same time where the person is, unless that is UTC anyway. */
  local_text = amigo_format_date_local (g_date_time_to_unix (chosen) * G_USEC_PER_SEC);
  if (local_text != NULL && g_date_time_get_utc_offset (local) != 0)
    {
      /* Translators: %s is the chosen time in the local time zone */
      g_autofree char *subtitle = g_strdup_printf (_("In your time zone: %s"), local_text);

      adw_action_row_set_subtitle (self->time_row, subtitle);
    }
  else
    adw_action_row_set_subtitle (self->time_row, "");

  amigo_action_dialog_show_field_problem (GTK_WIDGET (self->date_button), self->problem_label, problem);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deprecation.set", !busy && problem == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deprecation.clear", !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->date_button), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->hour_spin), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->minute_spin), !busy);
}

/* ---- working ---------------------------------------------------------- */

static void send_next (AmigoDeprecationDialog *self);

static void
image_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AmigoDeprecationDialog) self = user_data;
  AmigoImage *image = g_ptr_array_index (self->images, self->next);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->work == AMIGO_DEPRECATION_SETTING)
    ok = amigo_ec2_enable_image_deprecation_finish (AMIGO_EC2 (source), result, &error);
  else
    ok = amigo_ec2_disable_image_deprecation_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (ok)
    {
      g_hash_table_add (self->done, g_strdup (amigo_image_get_image_id (image)));
      self->n_changed++;
    }
  else
    {
      /* Translators: %s is an image's name (or id) */
      g_autofree char *what = g_strdup_printf (_("“%s” was not changed"), amigo_action_dialog_image_title (image));
      g_autofree char *text = amigo_action_dialog_describe_error (what, error);

      if (self->failures->len > 0)
        g_string_append_c (self->failures, '\n');
      g_string_append (self->failures, text);
    }
  self->next++;
  send_next (self);
}

static void
finish_work (AmigoDeprecationDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  AmigoDeprecationWork work = self->work;
  guint n = self->images->len;
  g_autofree char *toast = NULL;

  self->work = AMIGO_DEPRECATION_IDLE;
  amigo_action_dialog_set_busy (base, FALSE);
  if (self->n_changed > 0)
    amigo_action_context_changed (amigo_action_dialog_get_context (base));

  if (self->failures->len > 0)
    {
      amigo_action_dialog_show_problem (base, self->failures->str);
      return;
    }

  if (work == AMIGO_DEPRECATION_SETTING && n == 1)
    {
      g_autoptr(GDateTime) chosen = amigo_deprecation_dialog_dup_time (self);
      g_autofree char *when = amigo_format_date_local (g_date_time_to_unix (chosen) * G_USEC_PER_SEC);

      /* Translators: an image's name (or id), then a local date and time */
      toast = g_strdup_printf (_("“%s” will be deprecated on %s"),
                               amigo_action_dialog_image_title (g_ptr_array_index (self->images, 0)), when);
    }
  else if (work == AMIGO_DEPRECATION_SETTING)
    toast = g_strdup_printf (ngettext ("Deprecation date set for %u image",
                                       "Deprecation date set for %u images", n), n);
  else
    toast = g_strdup_printf (ngettext ("Deprecation date removed from %u image",
                                       "Deprecation date removed from %u images", n), n);
  amigo_action_context_toast (amigo_action_dialog_get_context (base), toast);
  gtk_window_close (GTK_WINDOW (self));
}

/* Sends the request of the next image not yet done, or finishes. */
static void
send_next (AmigoDeprecationDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);

  for (; self->next < self->images->len; self->next++)
    {
      AmigoImage *image = g_ptr_array_index (self->images, self->next);
      const char *region = amigo_image_store_get_image_region (image);
      g_autoptr(AmigoEc2) ec2 = NULL;
      g_autoptr(GError) error = NULL;

      if (g_hash_table_contains (self->done, amigo_image_get_image_id (image)))
        continue;

      ec2 = amigo_action_dialog_dup_ec2 (base, region, &error);
      if (ec2 == NULL)
        {
          g_autofree char *text = amigo_action_dialog_describe_error (amigo_action_dialog_image_title (image),
                                                                      error);

          if (self->failures->len > 0)
            g_string_append_c (self->failures, '\n');
          g_string_append (self->failures, text);
          continue;
        }

      if (self->work == AMIGO_DEPRECATION_SETTING)
        {
          g_autoptr(GDateTime) chosen = amigo_deprecation_dialog_dup_time (self);

          amigo_ec2_enable_image_deprecation_async (ec2, amigo_image_get_image_id (image), chosen,
                                                    amigo_action_dialog_get_cancellable (base), image_done_cb, g_object_ref (self));
        }
      else
        amigo_ec2_disable_image_deprecation_async (ec2, amigo_image_get_image_id (image),
                                                   amigo_action_dialog_get_cancellable (base), image_done_cb, g_object_ref (self));
      return;
    }
  finish_work (self);
}

static void
start_work (AmigoDeprecationDialog *self,
            AmigoDeprecationWork    work)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);

  /* Another kind of change, or another time: every image again. */
  if (work != self->work_last || work == AMIGO_DEPRECATION_SETTING)
    {
      g_autoptr(GDateTime) chosen = amigo_deprecation_dialog_dup_time (self);
      gint64 at = work == AMIGO_DEPRECATION_SETTING ? g_date_time_to_unix (chosen) : 0;

      if (work != self->work_last || at != self->work_time)
        g_hash_table_remove_all (self->done);
      self->work_time = at;
    }
  self->work_last = work;
  self->work = work;
  self->next = 0;
  self->n_changed = 0;
  g_string_truncate (self->failures, 0);
  amigo_action_dialog_show_problem (base, NULL);
  amigo_action_dialog_set_busy (base, TRUE);
  send_next (self);
}

static void
set_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AmigoDeprecationDialog *self = AMIGO_DEPRECATION_DIALOG (widget);
  g_autoptr(GDateTime) chosen = amigo_deprecation_dialog_dup_time (self);
  g_autofree char *problem = check_time (self, chosen);

  /* The clock moved on since the last check. */
  if (problem != NULL)
    {
      update_state (self);
      return;
    }
  start_work (self, AMIGO_DEPRECATION_SETTING);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  start_work (AMIGO_DEPRECATION_DIALOG (widget), AMIGO_DEPRECATION_CLEARING);
}

/* ---- callbacks -------------------------------------------------------- */

static void
on_day_selected_cb (AmigoDeprecationDialog *self)
{
  if (!self->ready)
    return;
  gtk_popover_popdown (self->date_popover);
  amigo_action_dialog_show_problem (AMIGO_ACTION_DIALOG (self), NULL);
  update_state (self);
}

static void
on_time_changed_cb (AmigoDeprecationDialog *self)
{
  if (!self->ready)
    return;
  amigo_action_dialog_show_problem (AMIGO_ACTION_DIALOG (self), NULL);
  update_state (self);
}

static gboolean
on_spin_output_cb (GtkSpinButton *spin,
                   gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  /* Hours and minutes as a clock shows them: 09:05. */
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* ---- object ----------------------------------------------------------- */

static void
busy_changed (AmigoActionDialog *dialog)
{
  update_state (AMIGO_DEPRECATION_DIALOG (dialog));
}

static void
amigo_deprecation_dialog_dispose (GObject *object)
{
  AmigoDeprecationDialog *self = AMIGO_DEPRECATION_DIALOG (object);

  g_clear_pointer (&self->images, g_ptr_array_unref);
  g_clear_pointer (&self->image_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), AMIGO_TYPE_DEPRECATION_DIALOG);

  G_OBJECT_CLASS (amigo_deprecation_dialog_parent_class)->dispose (object);
}

static void
amigo_deprecation_dialog_finalize (GObject *object)
{
  AmigoDeprecationDialog *self = AMIGO_DEPRECATION_DIALOG (object);

  g_hash_table_unref (self->done);
  g_string_free (self->failures, TRUE);

  G_OBJECT_CLASS (amigo_deprecation_dialog_parent_class)->finalize (object);
}

static void
amigo_deprecation_dialog_class_init (AmigoDeprecationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmigoActionDialogClass *dialog_class = AMIGO_ACTION_DIALOG_CLASS (klass);

  object_class->dispose = amigo_deprecation_dialog_dispose;
  object_class->finalize = amigo_deprecation_dialog_finalize;
  dialog_class->busy_changed = busy_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/actions/amigo-deprecation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoDeprecationDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AmigoDeprecationDialog, set_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoDeprecationDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AmigoDeprecationDialog, images_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoDeprecationDialog, clear_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoDeprecationDialog, clear_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoDeprecationDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoDeprecationDialog, date_popover);
  gtk_widget_class_bind_template_child (widget_class, AmigoDeprecationDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, AmigoDeprecationDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoDeprecationDialog, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, AmigoDeprecationDialog, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, AmigoDeprecationDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoDeprecationDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_time_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output_cb);

  gtk_widget_class_install_action (widget_class, "deprecation.set", NULL, set_action);
  gtk_widget_class_install_action (widget_class, "deprecation.clear", NULL, clear_action);
}

static void
amigo_deprecation_dialog_init (AmigoDeprecationDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  amigo_action_dialog_set_busy_display (base, self->spinner, "deprecation.set", "deprecation.clear", NULL);
  amigo_action_dialog_set_error_display (base, NULL, GTK_WIDGET (self->error_label));
  self->done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->failures = g_string_new (NULL);
  self->images = g_ptr_array_new_with_free_func (g_object_unref);
  self->image_rows = g_ptr_array_new ();
}

/**
 * amigo_deprecation_dialog_new:
 * @parent: the window it belongs to
 * @context: the images (one or more, owned by the account)
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
GtkWindow *
amigo_deprecation_dialog_new (GtkWindow          *parent,
                              AmigoActionContext *context)
{
  AmigoDeprecationDialog *self;
  GPtrArray *images = amigo_action_context_get_images (context);
  g_autofree char *subtitle = NULL;
  g_autoptr(GDateTime) initial = NULL;
  gint64 shared_time = -1;

  g_return_val_if_fail (AMIGO_IS_ACTION_CONTEXT (context), NULL);
  g_return_val_if_fail (images->len > 0, NULL);

  self = g_object_new (AMIGO_TYPE_DEPRECATION_DIALOG, "transient-for", parent, "context", context, NULL);

  for (guint i = 0; i < images->len; i++)
    {
      AmigoImage *image = g_ptr_array_index (images, i);
      /* The image's name is the account's: shown as it is, never as markup. */
      AdwActionRow *row = ADW_ACTION_ROW (amigo_action_row_new_literal (amigo_action_dialog_image_title (image),
                                                                        NULL));
      gint64 usec = amigo_image_get_deprecation_time_usec (image);

      g_ptr_array_add (self->images, g_object_ref (image));
      adw_action_row_set_subtitle_lines (row, 0);
      adw_preferences_group_add (self->images_group, GTK_WIDGET (row));
      g_ptr_array_add (self->image_rows, row);

      shared_time = i == 0 || usec == shared_time ? usec : 0;
    }
  show_images (self);

  subtitle = amigo_action_dialog_dup_images_title (AMIGO_ACTION_DIALOG (self));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* The images' own time if they share one still ahead; else a month
   * from today, at midnight UTC. */
  if (shared_time > g_get_real_time ())
    initial = g_date_time_new_from_unix_utc (shared_time / G_USEC_PER_SEC);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) later = g_date_time_add_months (now, 1);

      initial = g_date_time_new_utc (g_date_time_get_year (later), g_date_time_get_month (later),
                                     g_date_time_get_day_of_month (later), 0, 0, 0);
    }
  set_time (self, initial);
  self->ready = TRUE;

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->set_button));
  update_state (self);

  return GTK_WINDOW (self);
}
