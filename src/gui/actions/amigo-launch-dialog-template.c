/* amigo-launch-dialog-template.c — Save as Template: the summary's launch
 * kept as a launch template, new or a new version of one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is saved is the request Launch would send (image, type, key pair,
 * network, security groups, volumes, metadata options, user data, tags),
 * but the number of instances, which a template does not hold. A new
 * version carries these choices alone (no SourceVersion), so it launches
 * what the summary shows, not a mix with the version before it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-launch-dialog-private.h"

/* ---- the templates offered -------------------------------------------- */

static AmigoLaunchTemplate *
selected_template (AmigoLaunchDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->template_row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->templates->len)
    return NULL;
  return g_ptr_array_index (self->templates, selected - 1);
}

static void
on_template_changed_cb (AmigoLaunchDialog *self)
{
  gboolean new_template = selected_template (self) == NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->template_name_row), new_template);
  gtk_widget_set_visible (GTK_WIDGET (self->template_default_row), !new_template);
  amigo_action_dialog_show_field_problem (GTK_WIDGET (self->template_name_row), NULL, NULL);
}

/* Offers "a new template", then @templates by name; @select_id chosen
 * when listed. */
static void
fill_templates (AmigoLaunchDialog *self,
                GPtrArray         *templates,
                const char        *select_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_ptr_array_set_size (self->templates, 0);
  gtk_string_list_append (names, _("A New Launch Template"));
  for (guint i = 0; templates != NULL && i < templates->len; i++)
    {
      AmigoLaunchTemplate *template = g_ptr_array_index (templates, i);
      const char *name = amigo_launch_template_get_launch_template_name (template);
      const char *id = amigo_launch_template_get_launch_template_id (template);
      /* Translators: a launch template's name, then its id */
      g_autofree char *label = g_strdup_printf (_("%s (%s)"), name ?: "", id);

      g_ptr_array_add (self->templates, g_object_ref (template));
      gtk_string_list_append (names, label);
      if (g_strcmp0 (id, select_id) == 0)
        selected = self->templates->len;
    }
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->template_row, selected);
  on_template_changed_cb (self);
}

typedef struct {
  AmigoLaunchDialog *self;
  char *select_id;
} Listing;

static void
templates_listed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Listing *listing = user_data;
  AmigoLaunchDialog *self = listing->self;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;

  templates = amigo_ec2_describe_launch_templates_finish (AMIGO_EC2 (source), result, &error);
  if (!amigo_action_dialog_is_closed (AMIGO_ACTION_DIALOG (self)))
    {
      if (templates == NULL)
        {
          g_autofree char *text = amigo_action_dialog_describe_error (_("The launch templates could not be listed; "
                                                                        "a new one can still be made"),
                                                                      error);

          amigo_action_dialog_show_message (self->template_message, text, TRUE);
        }
      else
        fill_templates (self, templates, listing->select_id);
    }
  g_object_unref (self);
  g_free (listing->select_id);
  g_free (listing);
}

static void
list_templates (AmigoLaunchDialog *self,
                const char        *select_id)
{
  Listing *listing = g_new0 (Listing, 1);

  listing->self = g_object_ref (self);
  listing->select_id = g_strdup (select_id);
  self->templates_asked = TRUE;
  amigo_ec2_describe_launch_templates_async (self->ec2, NULL,
                                             amigo_action_dialog_get_cancellable (AMIGO_ACTION_DIALOG (self)),
                                             templates_listed_cb, listing);
}

/**
 * _amigo_launch_dialog_show_template:
 *
 * The summary is shown: the region's templates are asked for, once.
 */
void
_amigo_launch_dialog_show_template (AmigoLaunchDialog *self)
{
  if (!self->templates_asked && self->ec2 != NULL)
    list_templates (self, NULL);
}

/* ---- saving ------------------------------------------------------------- */

typedef struct {
  AmigoLaunchDialog *self;
  char *template_id;            /* of the new version's template; NULL: a new template */
  char *template_name;
  gboolean make_default;
  gint64 version;               /* the version made, once known */
} Saving;

static void
saving_free (Saving *saving)
{
  g_object_unref (saving->self);
  g_free (saving->template_id);
  g_free (saving->template_name);
  g_free (saving);
}

static void
saved (Saving     *saving,
       const char *template_id)
{
  AmigoLaunchDialog *self = saving->self;
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_autofree char *text = NULL;
  g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, saving->version);

  if (saving->template_id == NULL)
    /* Translators: %s is the new launch template's name */
    text = g_strdup_printf (_("Saved as the launch template “%s”."), saving->template_name);
  else if (saving->make_default)
    /* Translators: a version number, then a launch template's name */
    text = g_strdup_printf (_("Saved as version %s of “%s”, now its default version."),
                            version, saving->template_name);
  else
    /* Translators: a version number, then a launch template's name */
    text = g_strdup_printf (_("Saved as version %s of “%s”."), version, saving->template_name);
  amigo_action_context_toast (amigo_action_dialog_get_context (base), text);
  if (amigo_action_dialog_is_closed (base))
    return;
  amigo_action_dialog_show_message (self->template_message, text, FALSE);
  /* The template is now one to add versions to. */
  list_templates (self, template_id);
}

static void
save_failed (Saving       *saving,
             const char   *what,
             const GError *error)
{
  AmigoLaunchDialog *self = saving->self;
  g_autofree char *text = NULL;

  if (amigo_action_dialog_is_closed (AMIGO_ACTION_DIALOG (self)))
    return;
  text = amigo_action_dialog_describe_error (what, error);
  amigo_action_dialog_show_message (self->template_message, text, TRUE);
}

/* The last answer of a save, ModifyLaunchTemplate's or CreateLaunchTemplate's:
 * @template, or %NULL and @error (then @failure says what went wrong). */
static void
save_answered (Saving              *saving,
               AmigoLaunchTemplate *template,
               const char          *failure,
               const GError        *error)
{
  amigo_action_dialog_set_busy (AMIGO_ACTION_DIALOG (saving->self), FALSE);
  if (template == NULL)
    save_failed (saving, failure, error);
  else
    saved (saving, saving->template_id != NULL ? saving->template_id
                                               : amigo_launch_template_get_launch_template_id (template));
  saving_free (saving);
}

static void
default_set_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Saving *saving = user_data;
  g_autoptr(AmigoLaunchTemplate) template = NULL;
  g_autoptr(GError) error = NULL;

  template = amigo_ec2_modify_launch_template_finish (AMIGO_EC2 (source), result, &error);
  if (template == NULL)
    saving->make_default = FALSE;
  save_answered (saving, template, _("The version was saved, but could not be made the default"), error);
}

static void
version_created_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Saving *saving = user_data;
  AmigoLaunchDialog *self = saving->self;
  g_autoptr(AmigoLaunchTemplateVersion) version = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;

  version = amigo_ec2_create_launch_template_version_finish (AMIGO_EC2 (source), result, &error);
  if (version == NULL)
    {
      amigo_action_dialog_set_busy (AMIGO_ACTION_DIALOG (self), FALSE);
      save_failed (saving, _("Could not add a version to the launch template"), error);
      saving_free (saving);
      return;
    }
  saving->version = amigo_launch_template_version_get_version_number (version);
  if (!saving->make_default)
    {
      amigo_action_dialog_set_busy (AMIGO_ACTION_DIALOG (self), FALSE);
      saved (saving, saving->template_id);
      saving_free (saving);
      return;
    }
  number = g_strdup_printf ("%" G_GINT64_FORMAT, saving->version);
  amigo_ec2_modify_launch_template_async (self->ec2, saving->template_id, number,
                                          amigo_action_dialog_get_cancellable (AMIGO_ACTION_DIALOG (self)),
                                          default_set_cb, saving);
}

static void
template_created_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Saving *saving = user_data;
  g_autoptr(AmigoLaunchTemplate) template = NULL;
  g_autoptr(GError) error = NULL;

  template = amigo_ec2_create_launch_template_finish (AMIGO_EC2 (source), result, &error);
  save_answered (saving, template, _("Could not create the launch template"), error);
}

/**
 * _amigo_launch_dialog_save_template:
 *
 * Sends CreateLaunchTemplate, or CreateLaunchTemplateVersion (then
 * ModifyLaunchTemplate when the version is to be the default), with what
 * the summary shows.
 *
 * Returns: %FALSE if nothing was sent (a wrong field, or work under way)
 */
gboolean
_amigo_launch_dialog_save_template (AmigoLaunchDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  AmigoLaunchTemplate *template;
  g_autoptr(AmigoLaunchPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *launch = NULL;
  g_autofree char *fingerprint = NULL;
  AmigoRunInstancesRequest request;
  Saving *saving;

  g_return_val_if_fail (AMIGO_IS_LAUNCH_DIALOG (self), FALSE);

  if (amigo_action_dialog_get_busy (base) || !_amigo_launch_dialog_validate (self))
    return FALSE;

  template = selected_template (self);
  name = amigo_editable_dup_stripped (GTK_EDITABLE (self->template_name_row));
  if (template == NULL && !amigo_ec2_validate_launch_template_name (name, &error))
    {
      amigo_action_dialog_show_field_problem (GTK_WIDGET (self->template_name_row), NULL, error->message);
      amigo_action_dialog_show_message (self->template_message, error->message, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->template_name_row));
      return FALSE;
    }
  amigo_action_dialog_show_field_problem (GTK_WIDGET (self->template_name_row), NULL, NULL);
  amigo_action_dialog_show_message (self->template_message, NULL, FALSE);
  description = amigo_editable_dup_stripped (GTK_EDITABLE (self->template_description_row));

  plan = _amigo_launch_plan_new (self);
  request = *_amigo_launch_plan_get_request (plan);
  /* One token per template saved: the same while what is saved and where
   * stay the same, so pressing Save again after a lost answer makes
   * nothing twice. */
  launch = amigo_ec2_run_instances_fingerprint (&request);
  fingerprint = g_strjoin ("\n", launch, template != NULL ? amigo_launch_template_get_launch_template_id (template) : name,
                           description, NULL);
  request.client_token = amigo_client_token_policy_get_token (self->template_token, fingerprint);

  saving = g_new0 (Saving, 1);
  saving->self = g_object_ref (self);
  saving->make_default = template != NULL && gtk_switch_get_active (self->template_default_switch);
  amigo_action_dialog_set_busy (base, TRUE);
  if (template == NULL)
    {
      saving->template_name = g_strdup (name);
      amigo_ec2_create_launch_template_async (self->ec2, name, *description != '\0' ? description : NULL,
                                              &request, amigo_action_dialog_get_cancellable (base),
                                              template_created_cb, saving);
    }
  else
    {
      saving->template_id = g_strdup (amigo_launch_template_get_launch_template_id (template));
      saving->template_name = g_strdup (amigo_launch_template_get_launch_template_name (template));
      amigo_ec2_create_launch_template_version_async (self->ec2, saving->template_id, NULL,
                                                      *description != '\0' ? description : NULL,
                                                      &request, amigo_action_dialog_get_cancellable (base),
                                                      version_created_cb, saving);
    }
  return TRUE;
}

static void
save_template_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _amigo_launch_dialog_save_template (AMIGO_LAUNCH_DIALOG (widget));
}

/* ---- the dialog's parts ------------------------------------------------- */

void
_amigo_launch_dialog_class_init_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, template_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, template_name_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, template_description_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, template_default_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, template_default_switch);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, template_message);
  gtk_widget_class_bind_template_child (widget_class, AmigoLaunchDialog, template_button);
  gtk_widget_class_bind_template_callback (widget_class, on_template_changed_cb);
  gtk_widget_class_install_action (widget_class, "launch.save-template", NULL, save_template_action);
}

void
_amigo_launch_dialog_init_template (AmigoLaunchDialog *self)
{
  self->templates = g_ptr_array_new_with_free_func (g_object_unref);
  self->template_token = amigo_client_token_policy_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->template_row), FALSE);
  fill_templates (self, NULL, NULL);
}

void
_amigo_launch_dialog_finalize_template (AmigoLaunchDialog *self)
{
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->template_token, amigo_client_token_policy_free);
}
