/* amigo-cleanup-bin.c — the Clean Up window's Recycle Bin page (images kept
 * after deregistration, when they will be gone, Restore; the rules that
 * keep them) and its guard rails page (block public access, Allowed AMIs)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-a11y.h"
#include "amigo-cleanup-window-private.h"
#include "amigo-date-format.h"
#include "amigo-ec2-image-cleanup.h"
#include "amigo-rbin.h"
#include "amigo-text.h"

/* ---- Recycle Bin -------------------------------------------------------- */

static void
add_bin_row (AmigoCleanupWindow *self,
             AdwPreferencesGroup *group,
             GtkWidget          *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->bin_rows, row);
}

typedef struct {
  AmigoCleanupWindow *window;
  char *region;
  char *image_id;
} Restore;

static void
restore_free (Restore *restore)
{
  g_object_unref (restore->window);
  g_free (restore->region);
  g_free (restore->image_id);
  g_free (restore);
}

static void
on_restored_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Restore *restore = user_data;
  g_autoptr(GError) error = NULL;

  if (amigo_ec2_restore_image_from_recycle_bin_finish (AMIGO_EC2 (source), result, &error))
    {
      g_autofree char *text = g_strdup_printf (_("%s was restored"), restore->image_id);

      _amigo_cleanup_window_toast (restore->window, text);
      _amigo_cleanup_window_reload (restore->window);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _amigo_cleanup_window_toast (restore->window, error->message);
  restore_free (restore);
}

static void
on_restore_clicked_cb (GtkButton *button,
                       Restore   *restore)
{
  AmigoEc2 *ec2 = _amigo_cleanup_window_ec2 (restore->window, restore->region);
  Restore *copy;

  if (ec2 == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  copy = g_new0 (Restore, 1);
  copy->window = g_object_ref (restore->window);
  copy->region = g_strdup (restore->region);
  copy->image_id = g_strdup (restore->image_id);
  amigo_ec2_restore_image_from_recycle_bin_async (ec2, copy->image_id, NULL, on_restored_cb, copy);
}

static void
on_bin_listed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AmigoCleanupWindow) self = user_data;
  AmigoEc2 *ec2 = AMIGO_EC2 (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) images = amigo_ec2_list_images_in_recycle_bin_finish (ec2, result, &error);

  if (images == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_bin_row (self, self->bin_group, amigo_action_row_new_literal (amigo_ec2_get_region (ec2), error->message));
      return;
    }
  for (guint i = 0; i < images->len; i++)
    {
      AmigoRecycleBinImage *image = g_ptr_array_index (images, i);
      const char *name = amigo_recycle_bin_image_get_name (image);
      g_autofree char *gone = amigo_format_date_local (amigo_recycle_bin_image_get_recycle_bin_exit_time_usec (image));
      /* Translators: an image id, its region, and when the Recycle Bin deletes it for good */
      g_autofree char *subtitle = g_strdup_printf (_("%s in %s, gone on %s"),
                                                   amigo_recycle_bin_image_get_image_id (image),
                                                   amigo_ec2_get_region (ec2), gone);
      GtkWidget *row = amigo_action_row_new_literal (name != NULL ? name : amigo_recycle_bin_image_get_image_id (image),
                                                     subtitle);
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));
      g_autofree char *label = g_strdup_printf (_("Restore %s"), name != NULL ? name : amigo_recycle_bin_image_get_image_id (image));
      Restore *restore = g_new0 (Restore, 1);

      restore->window = g_object_ref (self);
      restore->region = g_strdup (amigo_ec2_get_region (ec2));
      restore->image_id = g_strdup (amigo_recycle_bin_image_get_image_id (image));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_name (button, restore->image_id);
      g_signal_connect_data (button, "clicked", G_CALLBACK (on_restore_clicked_cb), restore,
                             (GClosureNotify) restore_free, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      add_bin_row (self, self->bin_group, row);
    }
}

static char *
describe_rule (const AmigoRbinRule *rule)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, g_dngettext (NULL, "Keeps images %u day", "Keeps images %u days", rule->retention_days),
                          rule->retention_days);
  if (rule->resource_tag_keys != NULL && rule->resource_tag_keys[0] != NULL)
    {
      g_string_append (text, " · ");
      g_string_append (text, _("tagged"));
      for (guint i = 0; rule->resource_tag_keys[i] != NULL; i++)
        g_string_append_printf (text, "%s %s=%s", i > 0 ? "," : "", rule->resource_tag_keys[i],
                                *rule->resource_tag_values[i] != '\0' ? rule->resource_tag_values[i] : "*");
    }
  else
    {
      g_string_append (text, " · ");
      g_string_append (text, _("every image of the region"));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_rules_listed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AmigoCleanupWindow) self = user_data;
  AmigoRbin *rbin = AMIGO_RBIN (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = amigo_rbin_list_rules_finish (rbin, result, &error);
  const char *region = amigo_service_get_region (AMIGO_SERVICE (rbin));

  if (rules == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_bin_row (self, self->rules_group, amigo_action_row_new_literal (region, error->message));
      return;
    }
  if (rules->len == 0)
    {
      /* Translators: %s is a region */
      g_autofree char *none = g_strdup_printf (_("No rule in %s: deregistered images there can’t be restored"), region);

      add_bin_row (self, self->rules_group, amigo_action_row_new_literal (none, NULL));
    }
  for (guint i = 0; i < rules->len; i++)
    {
      AmigoRbinRule *rule = g_ptr_array_index (rules, i);
      g_autofree char *what = describe_rule (rule);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", what, region);

      add_bin_row (self, self->rules_group,
                   amigo_action_row_new_literal (rule->description != NULL ? rule->description : rule->identifier,
                                                 subtitle));
    }
}

void
_amigo_cleanup_window_load_bin (AmigoCleanupWindow *self)
{
  for (guint i = 0; i < self->bin_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->bin_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->bin_rows, 0);

  for (guint i = 0; i < self->ec2s->len; i++)
    {
      AmigoEc2 *ec2 = g_ptr_array_index (self->ec2s, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(AmigoRbin) rbin = amigo_rbin_new_for_account (self->account, self->client,
                                                             amigo_ec2_get_region (ec2), &error);

      amigo_ec2_list_images_in_recycle_bin_async (ec2, NULL, self->cancellable, on_bin_listed_cb,
                                                  g_object_ref (self));
      if (rbin != NULL)
        amigo_rbin_list_rules_async (rbin, AMIGO_RBIN_EC2_IMAGE, self->cancellable, on_rules_listed_cb,
                                     g_object_ref (self));
    }
}

/* ---- guard rails -------------------------------------------------------- */

typedef struct {
  AmigoCleanupWindow *window;
  AmigoEc2 *ec2;
  GtkSwitch *block_switch;
  AdwComboRow *allowed_row;
  AdwPreferencesGroup *criteria_group;
  GtkButton *edit_button;
  AmigoImageCriterion *first;   /* the first criterion, to start the editor from */
  guint n_criteria;
  gboolean updating;
  /* Every request the page sends: cancelled when the page goes (rebuilt
   * for another region, or the window closed), so that no answer reaches
   * a freed Guards — each callback returns on G_IO_ERROR_CANCELLED. */
  GCancellable *cancellable;
} Guards;

static void
guards_free (Guards *guards)
{
  g_cancellable_cancel (guards->cancellable);
  g_clear_object (&guards->cancellable);
  g_clear_object (&guards->ec2);
  g_clear_object (&guards->first);
  g_free (guards);
}

static const char *allowed_states[] = {
  AMIGO_ALLOWED_IMAGES_DISABLED, AMIGO_ALLOWED_IMAGES_AUDIT_MODE, AMIGO_ALLOWED_IMAGES_ENABLED,
};

static void
on_block_state_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Guards *guards = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  GAsyncResult *r = result;

  if (g_async_result_is_tagged (r, amigo_ec2_get_image_block_public_access_state_async))
    state = amigo_ec2_get_image_block_public_access_state_finish (AMIGO_EC2 (source), r, &error);
  else if (g_async_result_is_tagged (r, amigo_ec2_enable_image_block_public_access_async))
    state = amigo_ec2_enable_image_block_public_access_finish (AMIGO_EC2 (source), r, &error);
  else
    state = amigo_ec2_disable_image_block_public_access_finish (AMIGO_EC2 (source), r, &error);
  if (state == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _amigo_cleanup_window_toast (guards->window, error->message);
      return;
    }
  guards->updating = TRUE;
  gtk_switch_set_active (guards->block_switch, g_str_equal (state, "block-new-sharing"));
  gtk_switch_set_state (guards->block_switch, g_str_equal (state, "block-new-sharing"));
  guards->updating = FALSE;
}

static gboolean
on_block_set_cb (GtkSwitch *sw,
                 gboolean   active,
                 Guards    *guards)
{
  if (guards->updating)
    return FALSE;
  if (active)
    amigo_ec2_enable_image_block_public_access_async (guards->ec2, guards->cancellable, on_block_state_cb, guards);
  else
    amigo_ec2_disable_image_block_public_access_async (guards->ec2, guards->cancellable, on_block_state_cb, guards);
  return TRUE;
}

static void
show_criteria (Guards                     *guards,
               AmigoAllowedImagesSettings *settings)
{
  if (settings->criteria->len == 0)
    adw_preferences_group_add (guards->criteria_group,
                               amigo_action_row_new_literal (_("No criteria"),
                                                             _("While Allowed AMIs is on, no image matches: set criteria with the AWS CLI or console")));
  for (guint i = 0; i < settings->criteria->len; i++)
    {
      AmigoImageCriterion *c = g_ptr_array_index (settings->criteria, i);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *title = g_strdup_printf (_("Criterion %u"), i + 1);
      const char * const *providers = amigo_image_criterion_get_image_providers (c);
      const char * const *names = amigo_image_criterion_get_image_names (c);
      const char * const *codes = amigo_image_criterion_get_marketplace_product_codes (c);

      if (providers != NULL && providers[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (", ", (char **) providers);

          g_string_append_printf (text, _("Providers: %s"), joined);
          g_string_append_c (text, '\n');
        }
      if (names != NULL && names[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (", ", (char **) names);

          g_string_append_printf (text, _("Names: %s"), joined);
          g_string_append_c (text, '\n');
        }
      if (codes != NULL && codes[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (", ", (char **) codes);

          g_string_append_printf (text, _("Product codes: %s"), joined);
          g_string_append_c (text, '\n');
        }
      if (amigo_image_criterion_get_maximum_days_since_created (c) >= 0)
        {
          g_string_append_printf (text, _("At most %d days old"), amigo_image_criterion_get_maximum_days_since_created (c));
          g_string_append_c (text, '\n');
        }
      if (amigo_image_criterion_get_maximum_days_since_deprecated (c) >= 0)
        {
          g_string_append_printf (text, _("Deprecated at most %d days ago"),
                                  amigo_image_criterion_get_maximum_days_since_deprecated (c));
          g_string_append_c (text, '\n');
        }
      if (text->len > 0)
        g_string_truncate (text, text->len - 1);
      adw_preferences_group_add (guards->criteria_group, amigo_action_row_new_literal (title, text->str));
    }
}

static void
on_allowed_state_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Guards *guards = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;

  if (g_async_result_is_tagged (result, amigo_ec2_enable_allowed_images_settings_async))
    state = amigo_ec2_enable_allowed_images_settings_finish (AMIGO_EC2 (source), result, &error);
  else
    state = amigo_ec2_disable_allowed_images_settings_finish (AMIGO_EC2 (source), result, &error);
  if (state == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _amigo_cleanup_window_toast (guards->window, error->message);
  if (state != NULL)
    _amigo_cleanup_window_reload (guards->window);
}

static void
on_allowed_selected_cb (AdwComboRow *row,
                        GParamSpec  *pspec,
                        Guards      *guards)
{
  guint selected = adw_combo_row_get_selected (row);

  if (guards->updating || selected >= G_N_ELEMENTS (allowed_states))
    return;
  if (selected == 0)
    amigo_ec2_disable_allowed_images_settings_async (guards->ec2, guards->cancellable, on_allowed_state_cb, guards);
  else
    amigo_ec2_enable_allowed_images_settings_async (guards->ec2, allowed_states[selected], guards->cancellable,
                                                    on_allowed_state_cb, guards);
}

static void
on_allowed_settings_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  Guards *guards = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoAllowedImagesSettings) settings =
    amigo_ec2_get_allowed_images_settings_finish (AMIGO_EC2 (source), result, &error);

  if (settings == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_preferences_group_add (guards->criteria_group, amigo_action_row_new_literal (_("Could not read the settings"),
                                                                                         error->message));
      return;
    }
  guards->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (allowed_states); i++)
    if (g_strcmp0 (settings->state, allowed_states[i]) == 0)
      adw_combo_row_set_selected (guards->allowed_row, i);
  guards->updating = FALSE;
  /* Set by an organization's declarative policy: not the account's to change */
  gtk_widget_set_sensitive (GTK_WIDGET (guards->allowed_row),
                            g_strcmp0 (settings->managed_by, "declarative-policy") != 0);
  show_criteria (guards, settings);
  guards->n_criteria = settings->criteria->len;
  g_clear_object (&guards->first);
  if (settings->criteria->len > 0)
    guards->first = g_object_ref (g_ptr_array_index (settings->criteria, 0));
  gtk_widget_set_sensitive (GTK_WIDGET (guards->edit_button),
                            g_strcmp0 (settings->managed_by, "declarative-policy") != 0);
}

/* ---- editing the criteria ------------------------------------------------ */

typedef struct {
  Guards *guards;               /* borrowed: lives with the page, which may go while the editor is open */
  GCancellable *cancellable;    /* the page's: cancelled once the page and its Guards are gone */
  GtkEditable *providers;
  GtkEditable *names;
  GtkEditable *codes;
  GtkSpinButton *created;
  GtkSpinButton *deprecated;
} Editor;

static char **
split_list (GtkEditable *editable)
{
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (editable), ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static void
on_criteria_replaced_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  Guards *guards = user_data;
  g_autoptr(GError) error = NULL;

  if (amigo_ec2_replace_image_criteria_finish (AMIGO_EC2 (source), result, &error))
    _amigo_cleanup_window_reload (guards->window);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _amigo_cleanup_window_toast (guards->window, error->message);
}

static void
on_editor_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       Editor           *editor)
{
  g_auto(GStrv) providers = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) codes = NULL;
  AmigoImageCriterionRequest criterion = { 0 };

  if (g_str_equal (response, "save") && !g_cancellable_is_cancelled (editor->cancellable))
    {
      providers = split_list (editor->providers);
      names = split_list (editor->names);
      codes = split_list (editor->codes);
      criterion.image_providers = (const char * const *) providers;
      criterion.image_names = (const char * const *) names;
      criterion.marketplace_product_codes = (const char * const *) codes;
      criterion.maximum_days_since_created = (guint) gtk_spin_button_get_value_as_int (editor->created);
      criterion.maximum_days_since_deprecated = (guint) gtk_spin_button_get_value_as_int (editor->deprecated);
      amigo_ec2_replace_image_criteria_async (editor->guards->ec2, &criterion, 1, editor->cancellable,
                                              on_criteria_replaced_cb, editor->guards);
    }
  g_object_unref (editor->cancellable);
  g_free (editor);
}

static GtkEditable *
editor_entry (GtkWidget   *box,
              const char  *label,
              const char * const *values)
{
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *joined = values != NULL ? g_strjoinv (", ", (char **) values) : NULL;
  GtkWidget *title = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), joined != NULL ? joined : "");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), entry);
  return GTK_EDITABLE (entry);
}

static GtkSpinButton *
editor_days (GtkWidget  *box,
             const char *label,
             gint        value)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 3650, 1);
  GtkWidget *title = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), MAX (value, 0));
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), spin);
  return GTK_SPIN_BUTTON (spin);
}

static void
on_edit_clicked_cb (GtkButton *button,
                    Guards    *guards)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  AdwMessageDialog *dialog;
  Editor *editor = g_new0 (Editor, 1);
  AmigoImageCriterion *c = guards->first;

  editor->guards = guards;
  editor->cancellable = g_object_ref (guards->cancellable);
  editor->providers = editor_entry (box, _("Image _providers (amazon, aws-marketplace, account IDs, or none)"),
                                    c ? amigo_image_criterion_get_image_providers (c) : NULL);
  editor->names = editor_entry (box, _("Image _names (* and ? allowed)"),
                                c ? amigo_image_criterion_get_image_names (c) : NULL);
  editor->codes = editor_entry (box, _("Marketplace product _codes"),
                                c ? amigo_image_criterion_get_marketplace_product_codes (c) : NULL);
  editor->created = editor_days (box, _("At most this many days _old (0: any age)"),
                                 c ? amigo_image_criterion_get_maximum_days_since_created (c) : 0);
  editor->deprecated = editor_days (box, _("Deprecated at most this many _days ago (0: any)"),
                                    c ? amigo_image_criterion_get_maximum_days_since_deprecated (c) : 0);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (guards->window), _("Allowed Image Criteria"), NULL));
  if (guards->n_criteria > 1)
    adw_message_dialog_format_body (dialog, g_dngettext (NULL, "This one criterion replaces the %u there are now.",
                                                         "This one criterion replaces the %u there are now.",
                                                         guards->n_criteria),
                                    guards->n_criteria);
  else
    adw_message_dialog_set_body (dialog, _("An image is allowed when it matches everything the criterion names."));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_editor_response_cb), editor);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_amigo_cleanup_window_load_guards (AmigoCleanupWindow *self)
{
  AmigoEc2 *ec2 = _amigo_cleanup_window_ec2 (self, self->region);
  Guards *guards;
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *block_group = adw_preferences_group_new ();
  GtkWidget *block_row = adw_action_row_new ();
  GtkWidget *allowed_group = adw_preferences_group_new ();
  GtkWidget *criteria_group = adw_preferences_group_new ();
  const char *state_names[] = { _("Disabled"), _("Audit Mode"), _("Enabled"), NULL };
  g_autoptr(GtkStringList) states = gtk_string_list_new (state_names);
  g_autofree char *description = NULL;

  if (self->guard_content != NULL)
    gtk_box_remove (self->guard_box, self->guard_content);
  self->guard_content = content;
  gtk_box_append (self->guard_box, content);
  if (ec2 == NULL)
    ec2 = self->ec2s->len > 0 ? g_ptr_array_index (self->ec2s, 0) : NULL;
  if (ec2 == NULL)
    return;

  guards = g_new0 (Guards, 1);
  guards->window = self;
  guards->ec2 = g_object_ref (ec2);
  guards->cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (content), "guards", guards, (GDestroyNotify) guards_free);

  /* Translators: %s is a region */
  description = g_strdup_printf (_("These settings belong to the account in %s."), amigo_ec2_get_region (ec2));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (block_group), _("Block Public Access"));
  amigo_preferences_group_set_description_literal (ADW_PREFERENCES_GROUP (block_group), description);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (block_row), _("Block New Public Sharing"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (block_row), _("No image can be made public; those already public stay so"));
  guards->block_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (guards->block_switch), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (guards->block_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Block New Public Sharing"), -1);
  g_signal_connect (guards->block_switch, "state-set", G_CALLBACK (on_block_set_cb), guards);
  adw_action_row_add_suffix (ADW_ACTION_ROW (block_row), GTK_WIDGET (guards->block_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (block_row), GTK_WIDGET (guards->block_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (block_group), block_row);
  gtk_box_append (GTK_BOX (content), block_group);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (allowed_group), _("Allowed AMIs"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (allowed_group),
                                         _("Which images the account may find and launch. In audit mode images are only marked."));
  guards->allowed_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (guards->allowed_row), _("State"));
  amigo_a11y_name_row_by_title (ADW_PREFERENCES_ROW (guards->allowed_row));
  adw_combo_row_set_model (guards->allowed_row, G_LIST_MODEL (states));
  g_signal_connect (guards->allowed_row, "notify::selected", G_CALLBACK (on_allowed_selected_cb), guards);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (allowed_group), GTK_WIDGET (guards->allowed_row));
  gtk_box_append (GTK_BOX (content), allowed_group);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (criteria_group), _("Image Criteria"));
  guards->edit_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Edit…")));
  gtk_widget_add_css_class (GTK_WIDGET (guards->edit_button), "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (guards->edit_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Edit the image criteria"), -1);
  g_signal_connect (guards->edit_button, "clicked", G_CALLBACK (on_edit_clicked_cb), guards);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (criteria_group), GTK_WIDGET (guards->edit_button));
  guards->criteria_group = ADW_PREFERENCES_GROUP (criteria_group);
  gtk_box_append (GTK_BOX (content), criteria_group);

  guards->updating = TRUE;
  guards->updating = FALSE;
  amigo_ec2_get_image_block_public_access_state_async (ec2, guards->cancellable, on_block_state_cb, guards);
  amigo_ec2_get_allowed_images_settings_async (ec2, guards->cancellable, on_allowed_settings_cb, guards);
}
