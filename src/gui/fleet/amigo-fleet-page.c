/* amigo-fleet-page.c — the base of the fleet pages: it loads one region of
 * one account (the client, then the subclass's start), shows "Choose a
 * Region", the spinner, the error and the empty state, and owns the list
 * the subclass fills group by group. A subclass's template puts its bar
 * above the list with <child type="header">.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-fleet-page.h"
#include "amigo-text.h"

typedef struct
{
  /* template widgets */
  GtkStack *stack;
  AdwStatusPage *status;
  AdwPreferencesPage *list;

  /* owned */
  GPtrArray *groups_shown;      /* AdwPreferencesGroup in list */
  AmigoAccount *account;
  char *region;
  GCancellable *cancellable;
  char *choose_description;
  char *error_title;
  char *empty_title;
  char *empty_description;
} AmigoFleetPagePrivate;

static void amigo_fleet_page_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (AmigoFleetPage, amigo_fleet_page, GTK_TYPE_BOX,
                         G_ADD_PRIVATE (AmigoFleetPage)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, amigo_fleet_page_buildable_init))

enum {
  PROP_0,
  PROP_ICON_NAME,
  PROP_CHOOSE_DESCRIPTION,
  PROP_ERROR_TITLE,
  PROP_EMPTY_TITLE,
  PROP_EMPTY_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  IMAGE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
/* Each a string: the status page's icon, then what it says when no region
 * is chosen, when the list could not be loaded and when it is empty. */
static const char * const property_names[N_PROPS] = {
  [PROP_ICON_NAME] = "icon-name",
  [PROP_CHOOSE_DESCRIPTION] = "choose-description",
  [PROP_ERROR_TITLE] = "error-title",
  [PROP_EMPTY_TITLE] = "empty-title",
  [PROP_EMPTY_DESCRIPTION] = "empty-description",
};
static GtkBuildableIface *parent_buildable_iface;

static void
show_status (AmigoFleetPage *self,
             const char     *title,
             const char     *description)
{
  AmigoFleetPagePrivate *priv = amigo_fleet_page_get_instance_private (self);

  adw_status_page_set_title (priv->status, title);
  amigo_status_page_set_description_literal (priv->status, description);
  gtk_stack_set_visible_child_name (priv->stack, "status");
}

/**
 * amigo_fleet_page_show_error:
 * @self: the page
 * @error: why the list could not be loaded
 *
 * Shows the page's error title (its error-title) and @error's message.
 */
void
amigo_fleet_page_show_error (AmigoFleetPage *self,
                             const GError   *error)
{
  AmigoFleetPagePrivate *priv = amigo_fleet_page_get_instance_private (self);

  g_return_if_fail (AMIGO_IS_FLEET_PAGE (self));
  show_status (self, priv->error_title, error->message);
}

/**
 * amigo_fleet_page_add_group:
 * @self: the page
 * @group: (transfer floating): a group of rows for one thing listed
 *
 * Adds @group to the list; amigo_fleet_page_rebuild() removes it again.
 */
void
amigo_fleet_page_add_group (AmigoFleetPage      *self,
                            AdwPreferencesGroup *group)
{
  AmigoFleetPagePrivate *priv = amigo_fleet_page_get_instance_private (self);

  g_return_if_fail (AMIGO_IS_FLEET_PAGE (self));
  adw_preferences_page_add (priv->list, group);
  g_ptr_array_add (priv->groups_shown, group);
}

/**
 * amigo_fleet_row_add_mark:
 * @row: an #AdwActionRow
 * @text: what to say
 * @style_class: how it looks beside "caption": "accent", "dim-label"
 */
void
amigo_fleet_row_add_mark (GtkWidget  *row,
                          const char *text,
                          const char *style_class)
{
  GtkWidget *mark = gtk_label_new (text);

  g_return_if_fail (ADW_IS_ACTION_ROW (row));
  gtk_widget_add_css_class (mark, style_class);
  gtk_widget_add_css_class (mark, "caption");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
}

/**
 * amigo_fleet_page_rebuild:
 * @self: the page
 *
 * Builds the list again from what the subclass holds: the list when it
 * shows something, the empty state when it is loaded but empty.
 */
void
amigo_fleet_page_rebuild (AmigoFleetPage *self)
{
  AmigoFleetPagePrivate *priv = amigo_fleet_page_get_instance_private (self);

  g_return_if_fail (AMIGO_IS_FLEET_PAGE (self));
  for (guint i = 0; i < priv->groups_shown->len; i++)
    adw_preferences_page_remove (priv->list, g_ptr_array_index (priv->groups_shown, i));
  g_ptr_array_set_size (priv->groups_shown, 0);
  if (!AMIGO_FLEET_PAGE_GET_CLASS (self)->rebuild (self))
    return;
  if (priv->groups_shown->len > 0)
    gtk_stack_set_visible_child_name (priv->stack, "list");
  else
    show_status (self, priv->empty_title, priv->empty_description);
}

static void
client_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GCancellable) cancellable = user_data;
  AmigoFleetPage *self;
  g_autoptr(AmigoClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = amigo_account_get_client_finish (AMIGO_ACCOUNT (source), result, &error);
  /* Cancelled by a new load or by dispose: the page may be gone. */
  if (g_cancellable_is_cancelled (cancellable))
    return;
  self = g_object_get_data (G_OBJECT (cancellable), "page");
  if (client == NULL || !AMIGO_FLEET_PAGE_GET_CLASS (self)->start (self, client, &error))
    amigo_fleet_page_show_error (self, error);
}

/**
 * amigo_fleet_page_load:
 * @self: the page
 * @account: (nullable): whose view of the region
 * @region: (nullable): the region; %NULL or "" (all regions) shows what to choose
 *
 * Lists what @region holds, replacing what was shown.
 */
void
amigo_fleet_page_load (AmigoFleetPage *self,
                       AmigoAccount   *account,
                       const char     *region)
{
  AmigoFleetPagePrivate *priv = amigo_fleet_page_get_instance_private (self);

  g_return_if_fail (AMIGO_IS_FLEET_PAGE (self));

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  g_set_object (&priv->account, account);
  g_free (priv->region);
  priv->region = g_strdup (region);
  AMIGO_FLEET_PAGE_GET_CLASS (self)->clear (self);
  amigo_fleet_page_rebuild (self);
  if (account == NULL || region == NULL || *region == '\0')
    {
      show_status (self, _("Choose a Region"), priv->choose_description);
      return;
    }
  gtk_stack_set_visible_child_name (priv->stack, "loading");
  priv->cancellable = g_cancellable_new ();
  g_object_set_data (G_OBJECT (priv->cancellable), "page", self);
  amigo_account_get_client_async (account, priv->cancellable, client_cb, g_object_ref (priv->cancellable));
}

/**
 * amigo_fleet_page_choose_image:
 * @self: the page
 * @image: one of its images
 * @view: `launch-templates` or `auto-scaling-groups`
 *
 * Emits #AmigoFleetPage::image-chosen.
 */
void
amigo_fleet_page_choose_image (AmigoFleetPage *self,
                               AmigoImage     *image,
                               const char     *view)
{
  g_return_if_fail (AMIGO_IS_FLEET_PAGE (self));
  g_return_if_fail (AMIGO_IS_IMAGE (image));
  g_signal_emit (self, signals[IMAGE_CHOSEN], 0, image, view);
}

/**
 * amigo_fleet_page_get_account:
 * @self: the page
 *
 * Returns: (transfer none) (nullable): the account loaded
 */
AmigoAccount *
amigo_fleet_page_get_account (AmigoFleetPage *self)
{
  AmigoFleetPagePrivate *priv = amigo_fleet_page_get_instance_private (self);

  g_return_val_if_fail (AMIGO_IS_FLEET_PAGE (self), NULL);
  return priv->account;
}

/**
 * amigo_fleet_page_get_region:
 * @self: the page
 *
 * Returns: (transfer none) (nullable): the region loaded
 */
const char *
amigo_fleet_page_get_region (AmigoFleetPage *self)
{
  AmigoFleetPagePrivate *priv = amigo_fleet_page_get_instance_private (self);

  g_return_val_if_fail (AMIGO_IS_FLEET_PAGE (self), NULL);
  return priv->region;
}

/**
 * amigo_fleet_page_get_cancellable:
 * @self: the page
 *
 * Returns: (transfer none) (nullable): what cancels the requests of this load
 */
GCancellable *
amigo_fleet_page_get_cancellable (AmigoFleetPage *self)
{
  AmigoFleetPagePrivate *priv = amigo_fleet_page_get_instance_private (self);

  g_return_val_if_fail (AMIGO_IS_FLEET_PAGE (self), NULL);
  return priv->cancellable;
}

/* <child type="header"> in a subclass's template goes above the list. */
static void
amigo_fleet_page_add_child (GtkBuildable *buildable,
                            GtkBuilder   *builder,
                            GObject      *child,
                            const char   *type)
{
  AmigoFleetPagePrivate *priv = amigo_fleet_page_get_instance_private (AMIGO_FLEET_PAGE (buildable));

  if (g_strcmp0 (type, "header") == 0 && GTK_IS_WIDGET (child) && priv->stack != NULL)
    gtk_box_insert_child_after (GTK_BOX (buildable), GTK_WIDGET (child),
                                gtk_widget_get_prev_sibling (GTK_WIDGET (priv->stack)));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
amigo_fleet_page_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = amigo_fleet_page_add_child;
}

static void
amigo_fleet_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AmigoFleetPagePrivate *priv = amigo_fleet_page_get_instance_private (AMIGO_FLEET_PAGE (object));
  char **field;

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      adw_status_page_set_icon_name (priv->status, g_value_get_string (value));
      return;
    case PROP_CHOOSE_DESCRIPTION:
      field = &priv->choose_description;
      break;
    case PROP_ERROR_TITLE:
      field = &priv->error_title;
      break;
    case PROP_EMPTY_TITLE:
      field = &priv->empty_title;
      break;
    case PROP_EMPTY_DESCRIPTION:
      field = &priv->empty_description;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_free (*field);
  *field = g_value_dup_string (value);
}

static void
amigo_fleet_page_dispose (GObject *object)
{
  AmigoFleetPagePrivate *priv = amigo_fleet_page_get_instance_private (AMIGO_FLEET_PAGE (object));

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  g_clear_object (&priv->account);
  G_OBJECT_CLASS (amigo_fleet_page_parent_class)->dispose (object);
}

static void
amigo_fleet_page_finalize (GObject *object)
{
  AmigoFleetPagePrivate *priv = amigo_fleet_page_get_instance_private (AMIGO_FLEET_PAGE (object));

  g_free (priv->region);
  g_free (priv->choose_description);
  g_free (priv->error_title);
  g_free (priv->empty_title);
  g_free (priv->empty_description);
  g_ptr_array_unref (priv->groups_shown);
  G_OBJECT_CLASS (amigo_fleet_page_parent_class)->finalize (object);
}

static void
amigo_fleet_page_class_init (AmigoFleetPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  /* Written by a subclass's template, read by nobody else */
  const GParamFlags flags = G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = amigo_fleet_page_dispose;
  object_class->finalize = amigo_fleet_page_finalize;
  object_class->set_property = amigo_fleet_page_set_property;

  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (property_names[i], NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmigoFleetPage::image-chosen:
   * @image: an image of the page's (a Quick Start image)
   * @view: the fleet view to take it to: `launch-templates` or
   *   `auto-scaling-groups`
   *
   * The person chose to add the image to a launch template or to roll it
   * out to a group: the window makes it the image those pages act on.
   */
  signals[IMAGE_CHOSEN] =
    g_signal_new ("image-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, AMIGO_TYPE_IMAGE, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amigo_app/Amigo/fleet/amigo-fleet-page.ui");
  gtk_widget_class_bind_template_child_private (widget_class, AmigoFleetPage, stack);
  gtk_widget_class_bind_template_child_private (widget_class, AmigoFleetPage, status);
  gtk_widget_class_bind_template_child_private (widget_class, AmigoFleetPage, list);
}

static void
amigo_fleet_page_init (AmigoFleetPage *self)
{
  AmigoFleetPagePrivate *priv = amigo_fleet_page_get_instance_private (self);

  priv->groups_shown = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
