/* amigo-copy-image-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Copying an image to other regions: one CopyImage request per destination,
 * sent to that region, all at once. Each destination keeps its own
 * ClientToken for as long as what it is sent with stays the same, so
 * pressing Copy again after an error (an answer lost on the way, say)
 * never makes a second copy; a destination whose copy started is not sent
 * again at all. Each copy that starts becomes a task of its own, with its
 * own progress. When every chosen region has its copy, the dialog closes.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "amigo-actions.h"
#include "amigo-copy-image-dialog-private.h"
#include "amigo-endpoint.h"
#include "amigo-error.h"
#include "amigo-list-box.h"
#include "amigo-task-manager.h"
#include "amigo-text.h"

G_DEFINE_FINAL_TYPE (AmigoCopyImageDialog, amigo_copy_image_dialog, AMIGO_TYPE_ACTION_DIALOG)

/* CopyImage's Description: "Constraints: Up to 255 characters." */
#define DESCRIPTION_MAX AMIGO_EC2_IMAGE_DESCRIPTION_MAX

static void update_state (AmigoCopyImageDialog *self);

/* ---- destinations ----------------------------------------------------- */

static void
destination_free (AmigoCopyDestination *dest)
{
  g_free (dest->region);
  g_free (dest->display_name);
  g_free (dest->unavailable);
  amigo_client_token_policy_free (dest->token);
  g_free (dest->image_id);
  g_free (dest->error);
  g_free (dest);
}

/* “Asia Pacific (Seoul)” → “Seoul”: what a task title has room for. */
static char *
short_region_name (const char *display_name)
{
  const char *open = strrchr (display_name, '(');
  const char *close = open != NULL ? strchr (open, ')') : NULL;

  if (open == NULL || close == NULL || close - open < 2)
    return g_strdup (display_name);
  return g_strndup (open + 1, close - open - 1);
}

static gboolean
destination_is_chosen (AmigoCopyDestination *dest)
{
  return dest->unavailable == NULL && gtk_check_button_get_active (dest->check);
}

/* Chosen and not yet copied: what pressing Copy sends. */
static gboolean
destination_is_to_send (AmigoCopyDestination *dest)
{
  return destination_is_chosen (dest) && dest->image_id == NULL && !dest->running;
}

static void
show_destination (AmigoCopyDestination *dest)
{
  g_autofree char *subtitle = NULL;

  if (dest->image_id != NULL)
    /* Translators: %s is the id of the new image, e.g. ami-0abc… */
    subtitle = g_strdup_printf (_("Copy started: %s"), dest->image_id);
  else if (dest->running)
    subtitle = g_strdup (_("Starting the copy…"));
  else if (dest->unavailable != NULL)
    subtitle = g_strdup (dest->unavailable);

  adw_action_row_set_subtitle (dest->row, subtitle != NULL ? subtitle : "");
  gtk_widget_set_sensitive (GTK_WIDGET (dest->row),
                            dest->unavailable == NULL && dest->image_id == NULL && !dest->running);
}

static void
on_region_toggled_cb (AmigoCopyImageDialog *self)
{
  if (self->loading)
    return;
  self->regions_touched = TRUE;
  update_state (self);
}

static AmigoCopyDestination *
add_destination (AmigoCopyImageDialog *self,
                 const char           *region,
                 const char           *display_name)
{
  AmigoCopyDestination *dest = g_new0 (AmigoCopyDestination, 1);
  g_autofree char *title = NULL;

  dest->region = g_strdup (region);
  dest->display_name = g_strdup (display_name);
  dest->token = amigo_client_token_policy_new ();
  if (g_strcmp0 (region, self->source_region) == 0)
    dest->unavailable = g_strdup (_("The image is in this region"));

  /* Translators: a region in a list: its name, then its code, as in
   * “Asia Pacific (Seoul) — ap-northeast-2” */
  title = g_strcmp0 (display_name, region) == 0 ? g_strdup (region)
                                                : g_strdup_printf (_("%s — %s"), display_name, region);

  dest->row = ADW_ACTION_ROW (amigo_action_row_new_literal (title, NULL));
  dest->check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (dest->check), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dest->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_action_row_add_prefix (dest->row, GTK_WIDGET (dest->check));
  adw_action_row_set_activatable_widget (dest->row, GTK_WIDGET (dest->check));
  g_signal_connect_swapped (dest->check, "toggled", G_CALLBACK (on_region_toggled_cb), self);
  adw_preferences_group_add (self->regions_group, GTK_WIDGET (dest->row));

  g_ptr_array_add (self->destinations, dest);
  show_destination (dest);
  return dest;
}

static AmigoCopyDestination *
find_destination (AmigoCopyImageDialog *self,
                  const char           *region)
{
  for (guint i = 0; i < self->destinations->len; i++)
    {
      AmigoCopyDestination *dest = g_ptr_array_index (self->destinations, i);

      if (g_strcmp0 (dest->region, region) == 0)
        return dest;
    }
  return NULL;
}

/* The regions of the source's partition Amigo knows, in the usual order. */
static void
fill_regions (AmigoCopyImageDialog *self)
{
  AmigoPartition partition = amigo_partition_for_region (self->source_region);
  const AmigoRegionInfo *known;
  gsize n_known = 0;

  known = amigo_region_get_known (&n_known);
  for (gsize i = 0; i < n_known; i++)
    if (known[i].partition == partition)
      add_destination (self, known[i].code, amigo_region_info_get_display_name (&known[i]));

  /* A region Amigo does not know (a local endpoint's) is still a source. */
  if (find_destination (self, self->source_region) == NULL)
    add_destination (self, self->source_region, self->source_region);
}

/* DescribeRegions says which regions the account has enabled: the others
 * cannot take a copy. Without an answer, every region stays offered and
 * EC2 says no for those that are off. */
static void
describe_regions_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AmigoCopyImageDialog) self = user_data;
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GError) error = NULL;
  AmigoPartition partition;

  regions = amigo_ec2_describe_regions_finish (AMIGO_EC2 (source), result, &error);
  if (regions == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not list the regions: %s", error->message);
      return;
    }
  if (amigo_action_dialog_is_closed (AMIGO_ACTION_DIALOG (self)))
    return;

  partition = amigo_partition_for_region (self->source_region);
  self->loading = TRUE;
  for (guint i = 0; i < regions->len; i++)
    {
      AmigoRegion *region = g_ptr_array_index (regions, i);
      const char *name = amigo_region_get_region_name (region);
      AmigoCopyDestination *dest;

      if (name == NULL || !amigo_region_is_valid_name (name))
        continue;
      dest = find_destination (self, name);
      if (dest == NULL)
        {
          /* A region newer than Amigo's list. */
          if (amigo_region_lookup (name) != NULL || amigo_partition_for_region (name) != partition)
            continue;
          dest = add_destination (self, name, name);
        }
      if (g_strcmp0 (amigo_region_get_opt_in_status (region), "not-opted-in") == 0 &&
          dest->unavailable == NULL && dest->image_id == NULL)
        {
          dest->unavailable = g_strdup (_("Not enabled for this account"));
          gtk_check_button_set_active (dest->check, FALSE);
          show_destination (dest);
        }
    }
  self->loading = FALSE;
  update_state (self);
}

/* ---- fields ------------------------------------------------------------ */

static gboolean
is_uuid (const char *text)
{
  static const char pattern[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

  if (strlen (text) != sizeof pattern - 1)
    return FALSE;
  for (gsize i = 0; i < sizeof pattern - 1; i++)
    if (pattern[i] == '-' ? text[i] != '-' : !g_ascii_isxdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* A multi-Region key's id: mrk- and 32 hexadecimal digits. */
static gboolean
is_multi_region_key_id (const char *text)
{
  if (!g_str_has_prefix (text, "mrk-") || strlen (text) != 4 + 32)
    return FALSE;
  for (const char *p = text + 4; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_alias_name (const char *alias)
{
  if (*alias == '\0')
    return FALSE;
  for (const char *p = alias; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("/_-", *p) == NULL)
      return FALSE;
  return TRUE;
}

/* The region of a KMS ARN (arn:PARTITION:kms:REGION:ACCOUNT:key/…), or NULL. */
static char *
dup_kms_arn_region (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", 6);

  if (g_strv_length (parts) < 6 || !g_str_equal (parts[0], "arn") ||
      !g_str_has_prefix (parts[1], "aws") || !g_str_equal (parts[2], "kms") ||
      !amigo_region_is_valid_name (parts[3]) || parts[4][0] == '\0' ||
      !(g_str_has_prefix (parts[5], "key/") || g_str_has_prefix (parts[5], "alias/")) ||
      parts[5][strlen ("key/")] == '\0')
    return NULL;
  return g_strdup (parts[3]);
}

/**
 * _amigo_copy_image_kms_key_is_valid:
 * @text: what the person typed
 *
 * The forms CopyImage's KmsKeyId takes: a key id (a UUID, or mrk-… for a
 * multi-Region key), an alias (alias/…), or the ARN of either. Whether the
 * key exists is for AWS to say.
 */
gboolean
_amigo_copy_image_kms_key_is_valid (const char *text)
{
  g_autofree char *region = NULL;

  if (text == NULL)
    return FALSE;
  if (g_str_has_prefix (text, "alias/"))
    return is_alias_name (text + strlen ("alias/"));
  if (g_str_has_prefix (text, "arn:"))
    {
      region = dup_kms_arn_region (text);
      return region != NULL;
    }
  return is_uuid (text) || is_multi_region_key_id (text);
}

/* Checks every field, shows what is wrong with those the person has
 * touched (or all of them after pressing Copy), and says whether the
 * copies may be sent. */
static gboolean
validate (AmigoCopyImageDialog *self)
{
  g_autofree char *name = amigo_editable_dup_stripped (GTK_EDITABLE (self->name_row));
  g_autofree char *description = amigo_editable_dup_stripped (GTK_EDITABLE (self->description_row));
  g_autofree char *kms = amigo_editable_dup_stripped (GTK_EDITABLE (self->kms_row));
  g_autoptr(GError) name_error = NULL;
  g_autofree char *details_problem = NULL;
  g_autofree char *kms_problem = NULL;
  const char *regions_problem = NULL;
  gboolean encrypted = gtk_switch_get_active (self->encrypt_switch);
  gboolean name_ok, description_ok, kms_ok = TRUE;
  guint n_to_send = 0;

  for (guint i = 0; i < self->destinations->len; i++)
    if (destination_is_to_send (g_ptr_array_index (self->destinations, i)))
      n_to_send++;
  if (n_to_send == 0 && self->pending == 0)
    regions_problem = _("Choose at least one destination region.");

  name_ok = amigo_ec2_validate_image_name (name, &name_error);
  description_ok = g_utf8_strlen (description, -1) <= DESCRIPTION_MAX;
  if (!name_ok && (self->name_touched || self->submitted || *name != '\0'))
    details_problem = g_strdup (name_error->message);
  else if (!description_ok)
    details_problem = g_strdup_printf (_("A description is at most %d characters long."), DESCRIPTION_MAX);

  if (encrypted && *kms != '\0')
    {
      g_autofree char *key_region = dup_kms_arn_region (kms);

      if (!_amigo_copy_image_kms_key_is_valid (kms))
        {
          kms_ok = FALSE;
          kms_problem = g_strdup (_("Enter a key ID, a key ARN or an alias such as alias/my-key."));
        }
      else if (key_region != NULL)
        {
          /* A key lives in one region, and each copy needs one of its own. */
          for (guint i = 0; i < self->destinations->len && kms_ok; i++)
            {
              AmigoCopyDestination *dest = g_ptr_array_index (self->destinations, i);

              if (destination_is_to_send (dest) && g_strcmp0 (dest->region, key_region) != 0)
                {
                  kms_ok = FALSE;
                  /* Translators: %s are region codes */
                  kms_problem = g_strdup_printf (_("This key is in %s, but the copy to %s needs a key "
                                                   "there. Use an alias that exists in every "
                                                   "destination region, or copy to one region at a time."),
                                                 key_region, dest->region);
                }
            }
        }
    }

  amigo_action_dialog_set_invalid (self->name_row, details_problem != NULL && !name_ok);
  amigo_action_dialog_set_invalid (self->description_row, !description_ok);
  amigo_action_dialog_show_field_problem (NULL, self->details_message, details_problem);

  amigo_action_dialog_set_invalid (self->kms_row, !kms_ok);
  if (kms_problem != NULL)
    amigo_action_dialog_show_message (self->kms_message, kms_problem, TRUE);
  else
    amigo_action_dialog_show_message (self->kms_message,
                                      encrypted ? _("A key ID, a key ARN or an alias (alias/…). A key ARN names "
                                                    "one region: to copy to several, use an alias they all have.")
                                                : NULL,
                                      FALSE);

  amigo_action_dialog_show_field_problem (NULL, self->regions_message,
                (self->regions_touched || self->submitted) ? regions_problem : NULL);

  return name_ok && description_ok && kms_ok && regions_problem == NULL;
}

/* ---- status --------------------------------------------------------- */

/* After an attempt where some copies failed: which, and why. */
static void
show_status (AmigoCopyImageDialog *self)
{
  gboolean any_failed = FALSE;

  amigo_list_box_remove_all (self->status_list);
  for (guint i = 0; i < self->destinations->len; i++)
    {
      AmigoCopyDestination *dest = g_ptr_array_index (self->destinations, i);
      GtkWidget *row, *icon;

      if (dest->error == NULL && (dest->image_id == NULL || !destination_is_chosen (dest)))
        continue;

      row = amigo_action_row_new_literal (dest->display_name, NULL);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      if (dest->error != NULL)
        {
          any_failed = TRUE;
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dest->error);
          icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
          gtk_widget_add_css_class (icon, "error");
        }
      else
        {
          g_autofree char *text = g_strdup_printf (_("Copy started: %s"), dest->image_id);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
          icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
          gtk_widget_add_css_class (icon, "success");
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      dest->error != NULL ? _("Failed") : _("Started"),
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->status_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->status_group), any_failed);
}

static void
update_state (AmigoCopyImageDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  gboolean valid;
  gboolean busy = amigo_action_dialog_get_busy (base);

  /* Disposed: the widgets are going. */
  if (amigo_action_dialog_is_closed (base))
    return;
  valid = validate (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->kms_row), gtk_switch_get_active (self->encrypt_switch));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "copy.submit", valid && !busy && !self->closing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->description_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->encrypt_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->copy_tags_switch), !busy);
}

/* ---- copying ------------------------------------------------------------ */

typedef struct {
  AmigoCopyImageDialog *self;   /* owned */
  AmigoCopyDestination *dest;   /* borrowed from self->destinations */
  char *name;
} CopyCall;

static void
copy_call_free (CopyCall *call)
{
  g_object_unref (call->self);
  g_free (call->name);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CopyCall, copy_call_free)

static void
add_task (AmigoCopyImageDialog *self,
          AmigoCopyDestination *dest,
          const char           *name)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  const char *ids[] = { dest->image_id, NULL };
  g_autofree char *place = short_region_name (dest->display_name);
  g_autofree char *title = NULL;

  /* Translators: a task's title: the image's name, then where it goes,
   * e.g. Copy of “web-2024” to Seoul */
  title = g_strdup_printf (_("Copy of “%s” to %s"), name, place);
  amigo_action_context_add_task (amigo_action_dialog_get_context (base), AMIGO_TASK_KIND_COPY_IMAGE,
                                 dest->region, ids, title, NULL);
}

static void
finish_round (AmigoCopyImageDialog *self,
              const char           *name)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  guint n_started = 0;
  gboolean any_failed = FALSE;
  g_autofree char *toast = NULL;

  for (guint i = 0; i < self->destinations->len; i++)
    {
      AmigoCopyDestination *dest = g_ptr_array_index (self->destinations, i);

      if (dest->error != NULL)
        any_failed = TRUE;
      else if (dest->image_id != NULL)
        n_started++;
    }

  if (any_failed)
    {
      show_status (self);
      update_state (self);
      return;
    }

  /* Translators: %s is the image's name */
  toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Copying “%s” to %u region",
                                        "Copying “%s” to %u regions", n_started),
                           name, n_started);
  amigo_action_context_toast (amigo_action_dialog_get_context (base), toast);
  amigo_action_context_changed (amigo_action_dialog_get_context (base));
  self->closing = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
copy_image_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CopyCall) call = user_data;
  AmigoCopyImageDialog *self = call->self;
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  AmigoCopyDestination *dest = call->dest;
  g_autoptr(GError) error = NULL;
  g_autofree char *image_id = NULL;

  image_id = amigo_ec2_copy_image_finish (AMIGO_EC2 (source), result, &error);
  dest->running = FALSE;
  self->pending--;
  /* A copy EC2 may already have started is not left without its task:
   * closing waits for every answer. */
  amigo_action_dialog_set_busy (base, self->pending > 0);

  if (image_id != NULL)
    {
      dest->image_id = g_steal_pointer (&image_id);
      g_clear_pointer (&dest->error, g_free);
      add_task (self, dest, call->name);
    }
  else
    {
      g_free (dest->error);
      dest->error = g_strdup (error->message);
    }

  /* Disposed (its parent went): the copy still got its task. */
  if (amigo_action_dialog_is_closed (base))
    return;
  show_destination (dest);
  if (self->pending == 0)
    finish_round (self, call->name);
}

/**
 * _amigo_copy_image_dialog_submit:
 *
 * Sends a CopyImage to each chosen region that has no copy yet.
 *
 * Returns: %FALSE if nothing was sent because a field is wrong
 */
gboolean
_amigo_copy_image_dialog_submit (AmigoCopyImageDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_autofree char *name = amigo_editable_dup_stripped (GTK_EDITABLE (self->name_row));
  g_autofree char *description = amigo_editable_dup_stripped (GTK_EDITABLE (self->description_row));
  g_autofree char *kms = amigo_editable_dup_stripped (GTK_EDITABLE (self->kms_row));
  g_autofree char *fingerprint = NULL;
  AmigoCopyImageRequest request = { 0 };

  g_return_val_if_fail (AMIGO_IS_COPY_IMAGE_DIALOG (self), FALSE);

  if (self->pending > 0 || self->closing)
    return FALSE;
  self->submitted = TRUE;
  if (!validate (self))
    {
      update_state (self);
      return FALSE;
    }

  request.source_region = self->source_region;
  request.source_image_id = amigo_image_get_image_id (self->image);
  request.name = name;
  request.description = *description != '\0' ? description : NULL;
  request.encrypted = gtk_switch_get_active (self->encrypt_switch);
  request.kms_key_id = request.encrypted && *kms != '\0' ? kms : NULL;
  request.copy_image_tags = gtk_switch_get_active (self->copy_tags_switch);
  fingerprint = amigo_ec2_copy_image_fingerprint (&request);

  for (guint i = 0; i < self->destinations->len; i++)
    {
      AmigoCopyDestination *dest = g_ptr_array_index (self->destinations, i);
      g_autoptr(AmigoEc2) ec2 = NULL;
      g_autoptr(GError) error = NULL;
      CopyCall *call;

      /* A destination no longer chosen forgets its last failure. */
      if (!destination_is_chosen (dest) && dest->image_id == NULL)
        g_clear_pointer (&dest->error, g_free);
      if (!destination_is_to_send (dest))
        continue;

      ec2 = amigo_action_dialog_dup_ec2 (base, dest->region, &error);
      if (ec2 == NULL)
        {
          g_free (dest->error);
          dest->error = g_strdup (error->message);
          continue;
        }

      /* One token per destination and user action: kept while the
       * request stays the same, so a retry never copies twice. */
      request.client_token = amigo_client_token_policy_get_token (dest->token, fingerprint);

      g_clear_pointer (&dest->error, g_free);
      dest->running = TRUE;
      self->pending++;
      show_destination (dest);

      call = g_new0 (CopyCall, 1);
      call->self = g_object_ref (self);
      call->dest = dest;
      call->name = g_strdup (name);
      amigo_ec2_copy_image_async (ec2, &request, amigo_action_dialog_get_cancellable (base), copy_image_cb,
                                  call);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->status_group), FALSE);
  amigo_action_dialog_set_busy (base, self->pending > 0);
  if (self->pending == 0)
    finish_round (self, name);
  else
    update_state (self);
  return TRUE;
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _amigo_copy_image_dialog_submit (AMIGO_COPY_IMAGE_DIALOG (widget));
}

/* ---- callbacks ----------------------------------------------------- */

static void
on_name_changed_cb (AmigoCopyImageDialog *self)
{
  if (self->loading)
    return;
  self->name_touched = TRUE;
  update_state (self);
}

static void
on_field_changed_cb (AmigoCopyImageDialog *self)
{
  if (self->loading)
    return;
  update_state (self);
}

/* ---- object ------------------------------------------------------------ */

static void
busy_changed (AmigoActionDialog *dialog)
{
  update_state (AMIGO_COPY_IMAGE_DIALOG (dialog));
}

static void
amigo_copy_image_dialog_dispose (GObject *object)
{
  AmigoCopyImageDialog *self = AMIGO_COPY_IMAGE_DIALOG (object);

  /* Closed from now on: what the widgets emit as they go is not acted on. */
  g_cancellable_cancel (amigo_action_dialog_get_cancellable (AMIGO_ACTION_DIALOG (self)));

  gtk_widget_dispose_template (GTK_WIDGET (self), AMIGO_TYPE_COPY_IMAGE_DIALOG);

  G_OBJECT_CLASS (amigo_copy_image_dialog_parent_class)->dispose (object);
}

static void
amigo_copy_image_dialog_finalize (GObject *object)
{
  AmigoCopyImageDialog *self = AMIGO_COPY_IMAGE_DIALOG (object);

  g_clear_object (&self->image);
  g_ptr_array_unref (self->destinations);
  g_free (self->source_region);

  G_OBJECT_CLASS (amigo_copy_image_dialog_parent_class)->finalize (object);
}

static void
amigo_copy_image_dialog_class_init (AmigoCopyImageDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmigoActionDialogClass *dialog_class = AMIGO_ACTION_DIALOG_CLASS (klass);

  object_class->dispose = amigo_copy_image_dialog_dispose;
  object_class->finalize = amigo_copy_image_dialog_finalize;
  dialog_class->busy_changed = busy_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/actions/amigo-copy-image-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoCopyImageDialog, copy_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoCopyImageDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AmigoCopyImageDialog, status_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoCopyImageDialog, status_list);
  gtk_widget_class_bind_template_child (widget_class, AmigoCopyImageDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoCopyImageDialog, regions_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoCopyImageDialog, regions_message);
  gtk_widget_class_bind_template_child (widget_class, AmigoCopyImageDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoCopyImageDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoCopyImageDialog, details_message);
  gtk_widget_class_bind_template_child (widget_class, AmigoCopyImageDialog, encrypt_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoCopyImageDialog, encrypt_switch);
  gtk_widget_class_bind_template_child (widget_class, AmigoCopyImageDialog, kms_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoCopyImageDialog, kms_message);
  gtk_widget_class_bind_template_child (widget_class, AmigoCopyImageDialog, copy_tags_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "copy.submit", NULL, submit_action);
}

static void
amigo_copy_image_dialog_init (AmigoCopyImageDialog *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;

  self->destinations = g_ptr_array_new_with_free_func ((GDestroyNotify) destination_free);
  amigo_action_dialog_set_busy_display (AMIGO_ACTION_DIALOG (self), self->spinner, "copy.submit", NULL);
}

/* Whether the image's snapshots are encrypted: their copies are too. */
static gboolean
image_is_encrypted (AmigoImage *image)
{
  const AmigoBlockDeviceMapping *mappings;
  guint n = 0;

  mappings = amigo_image_get_block_device_mappings (image, &n);
  for (guint i = 0; i < n; i++)
    if (mappings[i].has_ebs && mappings[i].ebs.encrypted == AMIGO_TRISTATE_TRUE)
      return TRUE;
  return FALSE;
}

/* ---- public ------------------------------------------------------------ */

/**
 * amigo_copy_image_dialog_new:
 * @parent: the window the dialog belongs to
 * @context: what to act on: its image is copied
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
GtkWindow *
amigo_copy_image_dialog_new (GtkWindow          *parent,
                             AmigoActionContext *context)
{
  AmigoCopyImageDialog *self;
  AmigoImage *image = amigo_action_context_get_image (context);
  const AmigoRegionInfo *info;
  const char *image_name;
  g_autofree char *source_text = NULL;
  g_autofree char *description = NULL;
  g_autoptr(AmigoEc2) ec2 = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;

  g_return_val_if_fail (AMIGO_IS_ACTION_CONTEXT (context), NULL);
  g_return_val_if_fail (image != NULL, NULL);

  self = g_object_new (AMIGO_TYPE_COPY_IMAGE_DIALOG, "transient-for", parent, "context", context, NULL);
  cancellable = amigo_action_dialog_get_cancellable (AMIGO_ACTION_DIALOG (self));
  self->image = g_object_ref (image);
  self->source_region = g_strdup (amigo_action_context_get_region (context));

  info = amigo_region_lookup (self->source_region);
  image_name = amigo_image_get_name (image);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->source_row),
                                 image_name != NULL && *image_name != '\0' ? image_name
                                                                           : amigo_image_get_image_id (image));
  /* Translators: the image to copy: its id, then its region's name, as in
   * “ami-0abc… in Europe (Ireland)” */
  source_text = g_strdup_printf (_("%s in %s"), amigo_image_get_image_id (image),
                                 info != NULL ? amigo_region_info_get_display_name (info) : self->source_region);
  adw_action_row_set_subtitle (self->source_row, source_text);

  self->loading = TRUE;
  fill_regions (self);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), image_name != NULL ? image_name : "");
  /* Translators: the default description of a copy: the source image's
   * id, then its region's code */
  description = g_strdup_printf (_("Copied from %s in %s"), amigo_image_get_image_id (image),
                                 self->source_region);
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), description);
  if (image_is_encrypted (image))
    {
      gtk_switch_set_active (self->encrypt_switch, TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->encrypt_switch), FALSE);
      adw_action_row_set_subtitle (self->encrypt_row,
                                   _("The image’s snapshots are encrypted, and so will the copies’ be"));
    }
  self->loading = FALSE;

  ec2 = amigo_action_context_dup_ec2 (context, self->source_region, &error);
  if (ec2 != NULL)
    amigo_ec2_describe_regions_async (ec2, cancellable, describe_regions_cb, g_object_ref (self));
  else
    g_debug ("Cannot list the regions: %s", error->message);

  update_state (self);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->copy_button));
  return GTK_WINDOW (self);
}

/* ---- tests ------------------------------------------------------------- */

/* For its tests: copy requests under way. */
guint
amigo_copy_image_dialog_get_n_pending (AmigoCopyImageDialog *self)
{
  return self->pending;
}

/* ---- public accessors, for its tests ----------------------------------- */

/* (nullable) (transfer none): the row of @region in the list to choose
 * from, its check box a prefix; NULL when the region is not offered. */
GtkWidget *
amigo_copy_image_dialog_get_region_row (AmigoCopyImageDialog *self,
                                        const char           *region)
{
  AmigoCopyDestination *dest = find_destination (self, region);

  return dest != NULL ? GTK_WIDGET (dest->row) : NULL;
}

/* Why @region cannot be chosen, or NULL. */
const char *
amigo_copy_image_dialog_get_region_unavailable (AmigoCopyImageDialog *self,
                                                const char           *region)
{
  AmigoCopyDestination *dest = find_destination (self, region);

  return dest != NULL ? dest->unavailable : NULL;
}

/* The copy made in @region, once EC2 took the request, or NULL. */
const char *
amigo_copy_image_dialog_get_region_image_id (AmigoCopyImageDialog *self,
                                             const char           *region)
{
  AmigoCopyDestination *dest = find_destination (self, region);

  return dest != NULL ? dest->image_id : NULL;
}

/* Why the last copy to @region failed, or NULL. */
const char *
amigo_copy_image_dialog_get_region_error (AmigoCopyImageDialog *self,
                                          const char           *region)
{
  AmigoCopyDestination *dest = find_destination (self, region);

  return dest != NULL ? dest->error : NULL;
}

/* The ClientToken of the copy to @region, or NULL before any. */
const char *
amigo_copy_image_dialog_get_region_client_token (AmigoCopyImageDialog *self,
                                                 const char           *region)
{
  AmigoCopyDestination *dest = find_destination (self, region);

  return dest != NULL ? amigo_client_token_policy_peek_token (dest->token) : NULL;
}

/* What pressing Copy does, also while the button is off (every problem
 * is shown then); %FALSE when nothing was sent. */
gboolean
amigo_copy_image_dialog_submit (AmigoCopyImageDialog *self)
{
  return _amigo_copy_image_dialog_submit (self);
}

/* Whether @text is a form CopyImage's KmsKeyId takes. */
gboolean
amigo_copy_image_kms_key_is_valid (const char *text)
{
  return _amigo_copy_image_kms_key_is_valid (text);
}
