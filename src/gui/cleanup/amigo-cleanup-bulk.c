/* amigo-cleanup-bulk.c — a bulk action of the Clean Up window: the
 * confirmation with the total GiB and cost it frees, each protected or
 * referenced image asked about on its own, the run, and what happened to
 * each image
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-cleanup-window-private.h"
#include "amigo-snapshot-cost.h"
#include "amigo-text.h"
#include "amigo-confirm.h"

typedef struct {
  AmigoCleanupWindow *window;   /* owned */
  AmigoCleanupAction action;
  GPtrArray *items;             /* of AmigoCleanupItem */
  GPtrArray *checks;            /* per item: its GtkCheckButton, or NULL */
  GtkCheckButton *snapshots_check;
  GtkCalendar *calendar;
  GtkLabel *totals_label;
} Bulk;

static void
bulk_free (Bulk *bulk)
{
  g_clear_object (&bulk->window);
  g_ptr_array_unref (bulk->items);
  g_ptr_array_unref (bulk->checks);
  g_free (bulk);
}

static const char *
entry_name (AmigoCleanupEntry *entry)
{
  const char *name = amigo_image_get_name (amigo_cleanup_entry_get_image (entry));

  return name != NULL ? name : amigo_cleanup_entry_get_image_id (entry);
}

static AmigoCleanupAction
effective_action (Bulk *bulk)
{
  if (bulk->action == AMIGO_CLEANUP_DEREGISTER && bulk->snapshots_check != NULL
      && gtk_check_button_get_active (bulk->snapshots_check))
    return AMIGO_CLEANUP_DEREGISTER_WITH_SNAPSHOTS;
  return bulk->action;
}

static void
update_totals (Bulk *bulk)
{
  AmigoSnapshotCost freed;
  AmigoSnapshotCost kept = { 0 };
  AmigoCleanupAction action;
  guint n = 0;
  g_autofree char *estimate = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < bulk->items->len; i++)
    {
      AmigoCleanupItem *item = g_ptr_array_index (bulk->items, i);
      GtkCheckButton *check = g_ptr_array_index (bulk->checks, i);

      item->confirmed = check != NULL && gtk_check_button_get_active (check);
    }
  action = effective_action (bulk);
  for (guint i = 0; i < bulk->items->len; i++)
    {
      AmigoCleanupItem *item = g_ptr_array_index (bulk->items, i);

      if (!amigo_cleanup_item_allowed (item, action))
        continue;
      n++;
      amigo_snapshot_cost_add (&kept, amigo_cleanup_entry_get_cost (item->entry));
    }
  amigo_cleanup_totals (bulk->items, action, &freed);
  if (action == AMIGO_CLEANUP_DEREGISTER_WITH_SNAPSHOTS)
    {
      estimate = _amigo_cleanup_format_estimate (&freed);
      date = _amigo_cleanup_prices_date (&freed);
      /* Translators: %u images; then "12.0 GiB, about $0.60 a month"; then the date the prices were read */
      text = g_strdup_printf (g_dngettext (NULL, "%u image will be acted on. Frees %s (an estimate, EBS prices of %s).",
                                           "%u images will be acted on. Frees %s (an estimate, EBS prices of %s).", n),
                              n, estimate, date);
    }
  else
    {
      estimate = _amigo_cleanup_format_estimate (&kept);
      date = _amigo_cleanup_prices_date (&kept);
      /* Translators: %u images; then "12.0 GiB, about $0.60 a month"; then the date the prices were read */
      text = g_strdup_printf (g_dngettext (NULL, "%u image will be acted on. Frees 0 GiB: its snapshots stay and keep costing %s (an estimate, EBS prices of %s).",
                                           "%u images will be acted on. Frees 0 GiB: their snapshots stay and keep costing %s (an estimate, EBS prices of %s).", n),
                              n, estimate, date);
    }
  gtk_label_set_text (bulk->totals_label, text);
}

static void
on_changed_cb (GtkWidget *widget,
               Bulk      *bulk)
{
  update_totals (bulk);
}

static const char *
outcome_text (AmigoCleanupOutcome outcome)
{
  switch (outcome)
    {
    case AMIGO_CLEANUP_DONE:
      return _("Done");
    case AMIGO_CLEANUP_SKIPPED:
      return _("Left alone: not confirmed");
    case AMIGO_CLEANUP_FAILED:
      return _("Failed");
    case AMIGO_CLEANUP_PENDING:
    default:
      return _("Not done");
    }
}

static void
on_run_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Bulk *bulk = user_data;
  AmigoCleanupWindow *self = bulk->window;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *report;
  GtkWidget *list = gtk_list_box_new ();
  guint done = 0;

  amigo_cleanup_run_finish (result, &error);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What happened to each image"), -1);
  for (guint i = 0; i < bulk->items->len; i++)
    {
      AmigoCleanupItem *item = g_ptr_array_index (bulk->items, i);
      g_autofree char *subtitle = item->message != NULL
        ? g_strdup_printf ("%s: %s", outcome_text (item->outcome), item->message)
        : g_strdup (outcome_text (item->outcome));

      done += item->outcome == AMIGO_CLEANUP_DONE;
      gtk_list_box_append (GTK_LIST_BOX (list), amigo_action_row_new_literal (entry_name (item->entry), subtitle));
    }

  report = amigo_confirm_tell (GTK_WIDGET (self), NULL, NULL);
  adw_message_dialog_format_heading (report, g_dngettext (NULL, "%u of %u Image Done", "%u of %u Images Done",
                                                          bulk->items->len),
                                     done, bulk->items->len);
  adw_message_dialog_set_extra_child (report, list);
  g_set_weak_pointer (&self->report_dialog, report);
  gtk_window_present (GTK_WINDOW (report));
  bulk_free (bulk);
  _amigo_cleanup_window_reload (self);
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                Bulk             *bulk)
{
  g_autoptr(GDateTime) when = NULL;

  if (!g_str_equal (response, "apply"))
    {
      bulk_free (bulk);
      return;
    }
  update_totals (bulk);
  if (bulk->calendar != NULL)
    {
      g_autoptr(GDateTime) day = gtk_calendar_get_date (bulk->calendar);
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      when = g_date_time_new_utc (g_date_time_get_year (day), g_date_time_get_month (day),
                                  g_date_time_get_day_of_month (day), 0, 0, 0);
      /* Today means now: EC2 refuses a time in the past */
      if (g_date_time_compare (when, now) <= 0)
        {
          g_date_time_unref (when);
          when = g_date_time_add_minutes (now, 2);
        }
    }
  amigo_cleanup_run_async (bulk->window->ec2s, bulk->items, effective_action (bulk), when, NULL,
                           on_run_done_cb, bulk);
}

void
_amigo_cleanup_window_bulk (AmigoCleanupWindow *self,
                            AmigoCleanupAction  action,
                            GPtrArray          *entries)
{
  Bulk *bulk = g_new0 (Bulk, 1);
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *asked = NULL;
  g_autofree char *heading = NULL;
  const char *act;

  bulk->window = g_object_ref (self);
  bulk->action = action;
  bulk->items = g_ptr_array_new_with_free_func ((GDestroyNotify) amigo_cleanup_item_free);
  bulk->checks = g_ptr_array_new ();

  switch (action)
    {
    case AMIGO_CLEANUP_DEPRECATE:
      heading = g_strdup_printf (g_dngettext (NULL, "Deprecate %u Image?", "Deprecate %u Images?", entries->len), entries->len);
      act = _("_Deprecate");
      break;
    case AMIGO_CLEANUP_DISABLE:
      heading = g_strdup_printf (g_dngettext (NULL, "Disable %u Image?", "Disable %u Images?", entries->len), entries->len);
      act = _("_Disable");
      break;
    case AMIGO_CLEANUP_ENABLE:
      heading = g_strdup_printf (g_dngettext (NULL, "Enable %u Image?", "Enable %u Images?", entries->len), entries->len);
      act = _("_Enable");
      break;
    case AMIGO_CLEANUP_DEREGISTER:
    case AMIGO_CLEANUP_DEREGISTER_WITH_SNAPSHOTS:
    default:
      heading = g_strdup_printf (g_dngettext (NULL, "Deregister %u Image?", "Deregister %u Images?", entries->len), entries->len);
      act = _("_Deregister");
      break;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  adw_message_dialog_set_heading (dialog, heading);
  switch (action)
    {
    case AMIGO_CLEANUP_DISABLE:
      adw_message_dialog_set_body (dialog, _("A disabled image launches nothing and is private again; "
                                             "enabling it later does not share it again."));
      break;
    case AMIGO_CLEANUP_DEPRECATE:
      adw_message_dialog_set_body (dialog, _("A deprecated image still launches, but is hidden from "
                                             "other accounts’ listings. Choose the day."));
      break;
    case AMIGO_CLEANUP_ENABLE:
      adw_message_dialog_set_body (dialog, _("The images become available again, still private."));
      break;
    case AMIGO_CLEANUP_DEREGISTER:
    case AMIGO_CLEANUP_DEREGISTER_WITH_SNAPSHOTS:
    default:
      adw_message_dialog_set_body (dialog, _("Deregistered images launch nothing more. A Recycle Bin "
                                             "rule may keep them for a while; see the Recycle Bin page."));
      break;
    }

  if (action == AMIGO_CLEANUP_DEREGISTER)
    {
      bulk->snapshots_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Delete their _snapshots too")));
      g_signal_connect (bulk->snapshots_check, "toggled", G_CALLBACK (on_changed_cb), bulk);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (bulk->snapshots_check));
    }
  if (action == AMIGO_CLEANUP_DEPRECATE)
    {
      bulk->calendar = GTK_CALENDAR (gtk_calendar_new ());
      gtk_accessible_update_property (GTK_ACCESSIBLE (bulk->calendar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Deprecation day"), -1);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (bulk->calendar));
    }

  for (guint i = 0; i < entries->len; i++)
    {
      AmigoCleanupEntry *entry = g_ptr_array_index (entries, i);
      GtkWidget *check = NULL;

      g_ptr_array_add (bulk->items, amigo_cleanup_item_new (entry, FALSE));
      if (action != AMIGO_CLEANUP_ENABLE && amigo_cleanup_entry_needs_confirmation (entry))
        {
          g_autofree char *why = NULL;
          g_autofree char *label = NULL;

          if (amigo_cleanup_entry_is_protected (entry))
            why = g_strdup (_("protected against deregistration"));
          else if (!amigo_cleanup_entry_get_references_known (entry))
            why = g_strdup (_("its references are unknown"));
          else
            why = g_strdup_printf (g_dngettext (NULL, "used by %u resource", "used by %u resources",
                                                amigo_cleanup_entry_get_n_references (entry)),
                                   amigo_cleanup_entry_get_n_references (entry));
          /* Translators: an image's name, then why it is asked about on its own */
          label = g_strdup_printf (_("Include “%s” (%s)"), entry_name (entry), why);
          check = gtk_check_button_new_with_label (label);
          g_signal_connect (check, "toggled", G_CALLBACK (on_changed_cb), bulk);
          if (asked == NULL)
            {
              asked = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
              gtk_box_append (GTK_BOX (asked),
                              g_object_new (GTK_TYPE_LABEL, "label", _("These are left alone unless you tick them one by one:"),
                                            "xalign", 0.0f, "wrap", TRUE, NULL));
              gtk_box_append (GTK_BOX (box), asked);
            }
          gtk_box_append (GTK_BOX (asked), check);
        }
      g_ptr_array_add (bulk->checks, check);
    }

  bulk->totals_label = GTK_LABEL (g_object_new (GTK_TYPE_LABEL, "xalign", 0.0f, "wrap", TRUE, NULL));
  gtk_widget_add_css_class (GTK_WIDGET (bulk->totals_label), "heading");
  gtk_box_prepend (GTK_BOX (box), GTK_WIDGET (bulk->totals_label));
  update_totals (bulk);

  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "apply", act, NULL);
  adw_message_dialog_set_response_appearance (dialog, "apply",
                                              action == AMIGO_CLEANUP_ENABLE ? ADW_RESPONSE_SUGGESTED
                                                                             : ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), bulk);
  g_set_weak_pointer (&self->bulk_dialog, dialog);
  g_set_weak_pointer (&self->bulk_totals_label, bulk->totals_label);
  gtk_window_present (GTK_WINDOW (dialog));
}
