/* amigo-action-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The nine action dialogs used to write their own close-request, busy
 * flag, error row and message helpers, and drifted apart (some cancelled
 * their requests on close, some did not). They live here once.
 *
 * The base has no template of its own: each dialog lays itself out, then
 * hands the base its spinner, its submit actions and the widget where
 * failures are told.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-action-dialog.h"
#include "amigo-error.h"

typedef struct
{
  /* borrowed: template children of the subclass, gone after its dispose */
  GtkSpinner *spinner;
  GtkWidget *error_shown;
  GtkWidget *error_text;

  /* owned */
  AmigoActionContext *context;
  GCancellable *cancellable;
  GStrv busy_actions;           /* refused while busy */
  char *problem;
  GtkNativeDialog *chooser;     /* the file chooser open, if any */
  AmigoActionDialogFileChosen file_chosen;
  GtkWindow *parent;            /* weak: the transient parent watched */
  gulong parent_destroy_id;

  gboolean busy;
  gboolean disposed;
} AmigoActionDialogPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (AmigoActionDialog, amigo_action_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- helpers ----------------------------------------------------------- */

static void
show_busy (AmigoActionDialog *self)
{
  AmigoActionDialogPrivate *priv = amigo_action_dialog_get_instance_private (self);

  if (priv->disposed)
    return;

  /* Work that may already have changed something is not left without
   * its answer: closing waits for it. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.close", !priv->busy);
  if (priv->busy && priv->busy_actions != NULL)
    for (guint i = 0; priv->busy_actions[i] != NULL; i++)
      gtk_widget_action_set_enabled (GTK_WIDGET (self), priv->busy_actions[i], FALSE);
  if (priv->spinner != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (priv->spinner), priv->busy);
      gtk_spinner_set_spinning (priv->spinner, priv->busy);
    }
}

/* ---- the transient parent ---------------------------------------------- */

/* A dialog lives on after it closed (or went with its parent) while the
 * requests it sent still hold it, and the main window may go meanwhile.
 * GTK 4.8 forgets a destroyed transient parent, except for a
 * destroy-with-parent window (every action dialog): it only destroys that
 * window, which a closed one already is, and leaves it pointing at the
 * parent; the dialog's finalize then disconnects its handlers from the
 * freed parent. So the dialog lets go of its parent itself, after GTK's
 * own handlers. */
static void
on_parent_destroy_cb (GtkWindow         *parent,
                      AmigoActionDialog *self)
{
  AmigoActionDialogPrivate *priv = amigo_action_dialog_get_instance_private (self);

  /* GTK has destroyed it with its parent, without a close request (and
   * GTK 4.8 disposes a window only with its last reference): what is
   * still loading is for nobody now, as when it closes. */
  if (gtk_window_get_destroy_with_parent (GTK_WINDOW (self)) && !priv->busy)
    g_cancellable_cancel (priv->cancellable);
  if (gtk_window_get_transient_for (GTK_WINDOW (self)) == parent)
    gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
}

static void
unwatch_parent (AmigoActionDialog *self)
{
  AmigoActionDialogPrivate *priv = amigo_action_dialog_get_instance_private (self);

  if (priv->parent != NULL)
    g_clear_signal_handler (&priv->parent_destroy_id, priv->parent);
  g_clear_weak_pointer (&priv->parent);
}

static void
on_transient_for_cb (AmigoActionDialog *self,
                     GParamSpec        *pspec,
                     gpointer           user_data)
{
  AmigoActionDialogPrivate *priv = amigo_action_dialog_get_instance_private (self);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent == priv->parent)
    return;
  unwatch_parent (self);
  if (parent == NULL)
    return;
  g_set_weak_pointer (&priv->parent, parent);
  priv->parent_destroy_id = g_signal_connect_after (parent, "destroy", G_CALLBACK (on_parent_destroy_cb), self);
}

/* ---- overrides --------------------------------------------------------- */

static gboolean
amigo_action_dialog_close_request (GtkWindow *window)
{
  AmigoActionDialog *self = AMIGO_ACTION_DIALOG (window);
  AmigoActionDialogPrivate *priv = amigo_action_dialog_get_instance_private (self);

  /* The change may already be made: wait for AWS's answer. */
  if (priv->busy)
    return TRUE;

  /* What is still loading is for nobody now. */
  g_cancellable_cancel (priv->cancellable);
  /* A text field that still has the focus when its window goes keeps
   * blinking its cursor (GTK warns): let it lose the focus first. */
  gtk_window_set_focus (window, NULL);
  return GTK_WINDOW_CLASS (amigo_action_dialog_parent_class)->close_request (window);
}

static void
amigo_action_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AmigoActionDialog *self = AMIGO_ACTION_DIALOG (object);
  AmigoActionDialogPrivate *priv = amigo_action_dialog_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, priv->context);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, priv->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amigo_action_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AmigoActionDialog *self = AMIGO_ACTION_DIALOG (object);
  AmigoActionDialogPrivate *priv = amigo_action_dialog_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      priv->context = g_value_dup_object (value);
      break;
    case PROP_BUSY:
      amigo_action_dialog_set_busy (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amigo_action_dialog_dispose (GObject *object)
{
  AmigoActionDialog *self = AMIGO_ACTION_DIALOG (object);
  AmigoActionDialogPrivate *priv = amigo_action_dialog_get_instance_private (self);

  /* The subclass's widgets are gone already (it disposes first). */
  priv->disposed = TRUE;
  priv->spinner = NULL;
  priv->error_shown = NULL;
  priv->error_text = NULL;
  g_cancellable_cancel (priv->cancellable);
  if (priv->chooser != NULL)
    gtk_native_dialog_destroy (priv->chooser);
  g_clear_object (&priv->chooser);
  unwatch_parent (self);

  G_OBJECT_CLASS (amigo_action_dialog_parent_class)->dispose (object);
}

static void
amigo_action_dialog_finalize (GObject *object)
{
  AmigoActionDialog *self = AMIGO_ACTION_DIALOG (object);
  AmigoActionDialogPrivate *priv = amigo_action_dialog_get_instance_private (self);

  /* Kept until here so that late callbacks can still ask whether the
   * dialog is closed. */
  g_clear_object (&priv->cancellable);
  g_clear_object (&priv->context);
  g_strfreev (priv->busy_actions);
  g_free (priv->problem);

  G_OBJECT_CLASS (amigo_action_dialog_parent_class)->finalize (object);
}

static void
amigo_action_dialog_class_init (AmigoActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = amigo_action_dialog_get_property;
  object_class->set_property = amigo_action_dialog_set_property;
  object_class->dispose = amigo_action_dialog_dispose;
  object_class->finalize = amigo_action_dialog_finalize;
  window_class->close_request = amigo_action_dialog_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, AMIGO_TYPE_ACTION_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
amigo_action_dialog_init (AmigoActionDialog *self)
{
  AmigoActionDialogPrivate *priv = amigo_action_dialog_get_instance_private (self);

  priv->cancellable = g_cancellable_new ();
  g_signal_connect (self, "notify::transient-for", G_CALLBACK (on_transient_for_cb), NULL);
}

/* ---- public ------------------------------------------------------------ */

/**
 * amigo_action_dialog_get_context:
 *
 * Returns: (transfer none): what the dialog acts on
 */
AmigoActionContext *
amigo_action_dialog_get_context (AmigoActionDialog *self)
{
  AmigoActionDialogPrivate *priv = amigo_action_dialog_get_instance_private (self);

  g_return_val_if_fail (AMIGO_IS_ACTION_DIALOG (self), NULL);
  return priv->context;
}

/**
 * amigo_action_dialog_get_image:
 *
 * Returns: (transfer none) (nullable): the context's first image
 */
AmigoImage *
amigo_action_dialog_get_image (AmigoActionDialog *self)
{
  return amigo_action_context_get_image (amigo_action_dialog_get_context (self));
}

/**
 * amigo_action_dialog_dup_ec2:
 * @region: (nullable): a region, or %NULL for the context's
 *
 * Returns: (transfer full): EC2 in that region for the context's account
 */
AmigoEc2 *
amigo_action_dialog_dup_ec2 (AmigoActionDialog  *self,
                             const char         *region,
                             GError            **error)
{
  AmigoActionDialogPrivate *priv = amigo_action_dialog_get_instance_private (self);

  g_return_val_if_fail (AMIGO_IS_ACTION_DIALOG (self), NULL);
  return amigo_action_context_dup_ec2 (priv->context, region, error);
}

/**
 * amigo_action_dialog_dup_place:
 *
 * Returns: (transfer full): the account's name and the region, as the
 *   subtitle of a dialog that acts in them
 */
char *
amigo_action_dialog_dup_place (AmigoActionDialog *self)
{
  AmigoActionDialogPrivate *priv = amigo_action_dialog_get_instance_private (self);

  g_return_val_if_fail (AMIGO_IS_ACTION_DIALOG (self), NULL);
  /* Translators: the dialog's subtitle: the account's name, then the region */
  return g_strdup_printf (_("%s — %s"),
                          amigo_account_get_name (amigo_action_context_get_account (priv->context)),
                          amigo_action_context_get_region (priv->context));
}

char *
amigo_action_dialog_dup_images_title (AmigoActionDialog *self)
{
  GPtrArray *images = amigo_action_context_get_images (amigo_action_dialog_get_context (self));

  if (images->len == 1)
    return g_strdup (amigo_action_dialog_image_title (g_ptr_array_index (images, 0)));
  return g_strdup_printf (ngettext ("%u image", "%u images", images->len), images->len);
}

/**
 * amigo_action_dialog_get_cancellable:
 *
 * Returns: (transfer none): what every request of the dialog is sent
 *   with; cancelled when the dialog closes or goes
 */
GCancellable *
amigo_action_dialog_get_cancellable (AmigoActionDialog *self)
{
  AmigoActionDialogPrivate *priv = amigo_action_dialog_get_instance_private (self);

  g_return_val_if_fail (AMIGO_IS_ACTION_DIALOG (self), NULL);
  return priv->cancellable;
}

/**
 * amigo_action_dialog_is_closed:
 *
 * Returns: whether the dialog closed or went: an answer arriving now has
 *   no widgets to show it in
 */
gboolean
amigo_action_dialog_is_closed (AmigoActionDialog *self)
{
  AmigoActionDialogPrivate *priv = amigo_action_dialog_get_instance_private (self);

  g_return_val_if_fail (AMIGO_IS_ACTION_DIALOG (self), TRUE);
  return priv->disposed || g_cancellable_is_cancelled (priv->cancellable);
}

gboolean
amigo_action_dialog_get_busy (AmigoActionDialog *self)
{
  AmigoActionDialogPrivate *priv = amigo_action_dialog_get_instance_private (self);

  g_return_val_if_fail (AMIGO_IS_ACTION_DIALOG (self), FALSE);
  return priv->busy;
}

/**
 * amigo_action_dialog_set_busy:
 *
 * A request that changes something is under way (or no longer): the
 * spinner turns, the submit actions and closing are refused, and the
 * subclass's busy_changed() updates the rest.
 */
void
amigo_action_dialog_set_busy (AmigoActionDialog *self,
                              gboolean           busy)
{
  AmigoActionDialogPrivate *priv = amigo_action_dialog_get_instance_private (self);

  g_return_if_fail (AMIGO_IS_ACTION_DIALOG (self));

  busy = !!busy;
  if (priv->busy == busy)
    return;
  priv->busy = busy;
  show_busy (self);
  if (!priv->disposed && AMIGO_ACTION_DIALOG_GET_CLASS (self)->busy_changed != NULL)
    AMIGO_ACTION_DIALOG_GET_CLASS (self)->busy_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
amigo_action_dialog_done (AmigoActionDialog *self,
                          const char        *toast)
{
  AmigoActionContext *context = amigo_action_dialog_get_context (self);

  amigo_action_context_changed (context);
  if (toast != NULL)
    amigo_action_context_toast (context, toast);
  amigo_action_dialog_set_busy (self, FALSE);
  gtk_window_close (GTK_WINDOW (self));
}

/**
 * amigo_action_dialog_set_busy_display:
 * @spinner: (nullable): turns while busy
 * @first_action: (nullable): the first of the actions refused while busy
 *
 * Says how being busy shows; called once the template is built.
 */
void
amigo_action_dialog_set_busy_display (AmigoActionDialog *self,
                                      GtkSpinner        *spinner,
                                      const char        *first_action,
                                      ...)
{
  AmigoActionDialogPrivate *priv = amigo_action_dialog_get_instance_private (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;

  g_return_if_fail (AMIGO_IS_ACTION_DIALOG (self));

  va_start (args, first_action);
  for (const char *action = first_action; action != NULL; action = va_arg (args, const char *))
    g_strv_builder_add (builder, action);
  va_end (args);

  g_strfreev (priv->busy_actions);
  priv->busy_actions = g_strv_builder_end (builder);
  priv->spinner = spinner;
  show_busy (self);
}

/**
 * amigo_action_dialog_set_error_display:
 * @shown: (nullable): shown while there is a problem (a group, a box);
 *   %NULL for @text itself
 * @text: a #GtkLabel, or an #AdwActionRow whose subtitle says it
 */
void
amigo_action_dialog_set_error_display (AmigoActionDialog *self,
                                       GtkWidget         *shown,
                                       GtkWidget         *text)
{
  AmigoActionDialogPrivate *priv = amigo_action_dialog_get_instance_private (self);

  g_return_if_fail (AMIGO_IS_ACTION_DIALOG (self));
  g_return_if_fail (GTK_IS_LABEL (text) || ADW_IS_ACTION_ROW (text));

  priv->error_shown = shown != NULL ? shown : text;
  priv->error_text = text;
  /* AWS's words are text: an ampersand or a < must not become markup. */
  if (GTK_IS_LABEL (text))
    gtk_label_set_use_markup (GTK_LABEL (text), FALSE);
  else
    adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (text), FALSE);
  amigo_action_dialog_show_problem (self, priv->problem);
}

/**
 * amigo_action_dialog_show_problem:
 * @text: (nullable): what went wrong, as plain text; %NULL hides it
 */
void
amigo_action_dialog_show_problem (AmigoActionDialog *self,
                                  const char        *text)
{
  AmigoActionDialogPrivate *priv = amigo_action_dialog_get_instance_private (self);
  gboolean shown;

  g_return_if_fail (AMIGO_IS_ACTION_DIALOG (self));

  if (text != priv->problem)
    {
      g_free (priv->problem);
      priv->problem = text != NULL && *text != '\0' ? g_strdup (text) : NULL;
    }
  shown = priv->problem != NULL;

  if (priv->disposed || priv->error_text == NULL)
    return;
  if (GTK_IS_LABEL (priv->error_text))
    gtk_label_set_text (GTK_LABEL (priv->error_text), shown ? priv->problem : "");
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (priv->error_text), shown ? priv->problem : "");
  gtk_widget_set_visible (priv->error_shown, shown);
}

/**
 * amigo_action_dialog_show_error:
 * @what: (nullable): what failed, as in “Could not save the tags”
 * @error: why
 *
 * Tells what failed, AWS's code and message, and what to do.
 */
void
amigo_action_dialog_show_error (AmigoActionDialog *self,
                                const char        *what,
                                const GError      *error)
{
  g_autofree char *text = NULL;

  g_return_if_fail (AMIGO_IS_ACTION_DIALOG (self));
  g_return_if_fail (error != NULL);

  text = amigo_action_dialog_describe_error (what, error);
  amigo_action_dialog_show_problem (self, text);
}

/**
 * amigo_action_dialog_get_problem:
 *
 * Returns: (nullable): the failure shown, or %NULL
 */
const char *
amigo_action_dialog_get_problem (AmigoActionDialog *self)
{
  AmigoActionDialogPrivate *priv = amigo_action_dialog_get_instance_private (self);

  g_return_val_if_fail (AMIGO_IS_ACTION_DIALOG (self), NULL);
  return priv->problem;
}

/**
 * amigo_action_dialog_dup_problems:
 * @labels: (array length=n_labels): the labels that tell the fields' problems
 * @more: (nullable): another problem, such as the tags editor's
 *
 * Returns: (transfer full): every problem the dialog shows, one a line
 */
char *
amigo_action_dialog_dup_problems (AmigoActionDialog *self,
                                  GtkLabel * const  *labels,
                                  guint              n_labels,
                                  const char        *more)
{
  AmigoActionDialogPrivate *priv = amigo_action_dialog_get_instance_private (self);
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (AMIGO_IS_ACTION_DIALOG (self), NULL);

  for (guint i = 0; i < n_labels; i++)
    if (gtk_widget_get_visible (GTK_WIDGET (labels[i])) &&
        gtk_widget_has_css_class (GTK_WIDGET (labels[i]), "error"))
      g_string_append_printf (text, "%s\n", gtk_label_get_text (labels[i]));
  if (more != NULL)
    g_string_append_printf (text, "%s\n", more);
  if (priv->problem != NULL)
    g_string_append_printf (text, "%s\n", priv->problem);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * amigo_action_dialog_describe_error:
 * @what: (nullable): what failed
 *
 * Returns: (transfer full): “<what failed>: <AWS's code and message>”,
 *   with what to do when the account lacks the permission
 */
char *
amigo_action_dialog_describe_error (const char   *what,
                                    const GError *error)
{
  gboolean refused = g_error_matches (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_AUTH) ||
                     amigo_aws_error_has_aws_code (error, "UnauthorizedOperation");

  if (what == NULL)
    {
      if (amigo_aws_error_has_aws_code (error, "UnauthorizedOperation"))
        /* Translators: %s is AWS's message */
        return g_strdup_printf (_("%s Ask your AWS administrator for permission, or use another account."),
                                error->message);
      return g_strdup (error->message);
    }

  if (refused)
    /* Translators: %s says what failed, e.g. “Could not save the tags”;
     * the account may lack the IAM permission for the call. */
    return g_strdup_printf (_("%s: AWS refused it for this account (%s). Ask for the "
                              "permission in IAM, or use another account."),
                            what, error->message);
  /* Translators: %s says what failed, then AWS's own words */
  return g_strdup_printf (_("%s: %s"), what, error->message);
}

void
amigo_action_dialog_set_invalid (gpointer widget,
                                 gboolean invalid)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (invalid)
    gtk_widget_add_css_class (GTK_WIDGET (widget), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (widget), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

void
amigo_action_dialog_show_field_problem (GtkWidget  *widget,
                                        GtkLabel   *label,
                                        const char *message)
{
  gboolean invalid = message != NULL && *message != '\0';

  if (widget != NULL)
    {
      amigo_action_dialog_set_invalid (widget, invalid);
      if (invalid)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (widget),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }

  if (label != NULL)
    {
      gtk_label_set_text (label, invalid ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (label), invalid);
    }
}

void
amigo_action_dialog_show_message (GtkLabel   *label,
                                  const char *text,
                                  gboolean    is_error)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
}

const char *
amigo_action_dialog_image_title (AmigoImage *image)
{
  const char *name = amigo_image_get_name (image);

  if (name != NULL && *name != '\0')
    return name;
  return amigo_image_get_image_id (image);
}

/* ---- a file from this computer ----------------------------------------- */

static void
on_chooser_response_cb (GtkNativeDialog   *chooser,
                        int                response,
                        AmigoActionDialog *self)
{
  AmigoActionDialogPrivate *priv = amigo_action_dialog_get_instance_private (self);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        priv->file_chosen (self, file);
    }
  g_clear_object (&priv->chooser);
}

/**
 * amigo_action_dialog_choose_file:
 * @self: the dialog
 * @chooser: (transfer full): a file chooser, made for @self
 * @chosen: what to do with the file, when one is chosen
 *
 * Shows @chooser; the dialog keeps it until it is answered, and destroys
 * it when the dialog goes first.
 */
void
amigo_action_dialog_choose_file (AmigoActionDialog           *self,
                                 GtkFileChooserNative        *chooser,
                                 AmigoActionDialogFileChosen  chosen)
{
  AmigoActionDialogPrivate *priv = amigo_action_dialog_get_instance_private (self);

  g_return_if_fail (AMIGO_IS_ACTION_DIALOG (self));
  g_return_if_fail (GTK_IS_FILE_CHOOSER_NATIVE (chooser));

  g_clear_object (&priv->chooser);
  priv->chooser = GTK_NATIVE_DIALOG (chooser);
  priv->file_chosen = chosen;
  g_signal_connect (priv->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (priv->chooser);
}
