/* amigo-window-listing.c — listing at real scale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Amazon, AWS Marketplace and Public hold tens to hundreds of thousands of
 * images a region. The window asks EC2 only for what the person wants:
 * deprecated images only when the filter shows them, and, for those large
 * sources, what the search box holds (a moment after the last keystroke)
 * as a DescribeImages filter, while the list's own search keeps filtering
 * what has arrived. The status bar counts the images as pages stream in,
 * with a Stop button that keeps what arrived; every public image of every
 * region is listed only once the person says so.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-window-private.h"
#include "amigo-image-search.h"
#include "images/amigo-image-filter.h"

/* After the search entry's own delay: typing a word asks EC2 once. */
#define SEARCH_DELAY_MS 400

struct _AmigoWindowListing
{
  GtkWidget *stop_button;       /* borrowed: in the template */
  GtkWidget *confirm_page;      /* borrowed: in the content stack */
  guint search_id;
  guint search_delay_ms;        /* SEARCH_DELAY_MS but in tests */
  char *loaded_search;          /* the server search of the last load, or NULL */
  gboolean include_deprecated;  /* asked of EC2 in the last load */
  gboolean stopped;
  gboolean confirmed;           /* every public image of every region: yes, once */
};

static gboolean
is_large_source (AmigoWindow *self)
{
  return amigo_image_source_is_large ((AmigoImageSource) self->source);
}

static AmigoImageSearch *
current_search (AmigoWindow *self)
{
  if (!is_large_source (self))
    return NULL;
  return amigo_image_search_new (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static gboolean
search_cb (gpointer user_data)
{
  AmigoWindow *self = user_data;
  g_autoptr(AmigoImageSearch) search = current_search (self);

  self->listing->search_id = 0;
  if (!is_large_source (self) || self->account == NULL)
    return G_SOURCE_REMOVE;
  if (g_strcmp0 (search ? amigo_image_search_get_text (search) : NULL,
                 self->listing->loaded_search) != 0)
    _amigo_window_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_search_changed_cb (GtkSearchEntry *entry,
                      AmigoWindow    *self)
{
  amigo_image_filter_set_search (amigo_image_list_get_filter (self->image_list),
                                 gtk_editable_get_text (GTK_EDITABLE (entry)));
  g_clear_handle_id (&self->listing->search_id, g_source_remove);
  if (is_large_source (self))
    self->listing->search_id = g_timeout_add (self->listing->search_delay_ms, search_cb, self);
}

static void
on_filter_changed_cb (AmigoImageFilter *filter,
                      GtkFilterChange   change,
                      AmigoWindow      *self)
{
  gboolean wanted = amigo_image_filter_get_include_deprecated (filter);

  if (self->listing == NULL || wanted == self->listing->include_deprecated)
    return;
  self->listing->include_deprecated = wanted;
  /* EC2 gives the account its own deprecated images whatever
   * IncludeDeprecated says: "My AMIs" has them already. */
  if (self->account != NULL && (AmigoImageSource) self->source != AMIGO_IMAGE_SOURCE_SELF)
    _amigo_window_reload (self);
}

static void
on_stop_clicked_cb (GtkButton   *button,
                    AmigoWindow *self)
{
  self->listing->stopped = TRUE;
  g_cancellable_cancel (self->load_cancellable);
  amigo_image_store_cancel (self->store);
  _amigo_window_update_content_page (self);
}

static void
on_confirm_clicked_cb (GtkButton   *button,
                       AmigoWindow *self)
{
  self->listing->confirmed = TRUE;
  _amigo_window_reload (self);
}

static GtkWidget *
create_confirm_page (AmigoWindow *self)
{
  GtkWidget *page = adw_status_page_new ();
  GtkWidget *button = gtk_button_new_with_label (_("List All Public Images"));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "amigo-globe-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("List Every Public Image of Every Region?"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                   _("Each region has hundreds of thousands of public images: listing them all "
                                     "downloads gigabytes and takes many minutes. Search to ask AWS only for "
                                     "the images you look for, or choose a region."));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_name (button, "confirm_all_button");
  g_signal_connect (button, "clicked", G_CALLBACK (on_confirm_clicked_cb), self);
  adw_status_page_set_child (ADW_STATUS_PAGE (page), button);
  return page;
}

/* ---- the window's side ------------------------------------------------- */

void
_amigo_window_class_init_listing (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child_full (widget_class, "stop_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_clicked_cb);
}

void
_amigo_window_init_listing (AmigoWindow *self)
{
  self->listing = g_new0 (AmigoWindowListing, 1);
  self->listing->search_delay_ms = SEARCH_DELAY_MS;
  self->listing->stop_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), AMIGO_TYPE_WINDOW,
                                                                          "stop_button"));
  self->listing->confirm_page = create_confirm_page (self);
  gtk_stack_add_named (self->content_stack, self->listing->confirm_page, "confirm");
  self->listing->include_deprecated =
    amigo_image_filter_get_include_deprecated (amigo_image_list_get_filter (self->image_list));
  g_signal_connect (amigo_image_list_get_filter (self->image_list), "changed",
                    G_CALLBACK (on_filter_changed_cb), self);
}

void
_amigo_window_dispose_listing (AmigoWindow *self)
{
  if (self->listing == NULL)
    return;
  g_clear_handle_id (&self->listing->search_id, g_source_remove);
  if (self->image_list != NULL)
    g_signal_handlers_disconnect_by_data (amigo_image_list_get_filter (self->image_list), self);
  g_free (self->listing->loaded_search);
  g_clear_pointer (&self->listing, g_free);
}

/* Called by every reload before it asks anything: FALSE when it must not
 * go on, the page asking first being shown instead. */
gboolean
_amigo_window_listing_may_load (AmigoWindow *self)
{
  g_autoptr(AmigoImageSearch) search = current_search (self);
  gboolean confirmed = self->listing->confirmed;

  self->listing->stopped = FALSE;
  self->listing->confirmed = FALSE;
  g_clear_handle_id (&self->listing->search_id, g_source_remove);
  if ((AmigoImageSource) self->source != AMIGO_IMAGE_SOURCE_PUBLIC ||
      (self->region != NULL && *self->region != '\0') || search != NULL || confirmed)
    return TRUE;

  gtk_stack_set_visible_child_name (self->content_stack, "confirm");
  gtk_label_set_label (self->count_label, "");
  _amigo_window_update_count (self);
  return FALSE;
}

/* Starts the store's load with what the person asked for. */
void
_amigo_window_listing_load (AmigoWindow  *self,
                            GPtrArray    *ec2s,
                            AmigoAccount *account)
{
  g_autoptr(AmigoImageSearch) search = current_search (self);

  g_free (self->listing->loaded_search);
  self->listing->loaded_search = search ? g_strdup (amigo_image_search_get_text (search)) : NULL;
  amigo_image_store_load_full (self->store, ec2s, (AmigoImageSource) self->source,
                               amigo_account_get_account_number (account),
                               self->listing->include_deprecated, search);
}

/* The status bar: how many images, and while they stream in, how many so
 * far and the Stop button. */
void
_amigo_window_update_count (AmigoWindow *self)
{
  guint shown = g_list_model_get_n_items (amigo_image_list_get_shown (self->image_list));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  gboolean loading = amigo_image_store_get_loading (self->store);
  g_autofree char *text = NULL;

  if (self->listing == NULL)    /* being disposed */
    return;
  gtk_widget_set_visible (self->listing->stop_button, loading && total > 0);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "confirm") == 0)
    return;
  if (loading)
    /* Translators: shown while the list downloads; %'u is how many arrived,
     * with the locale's thousands separator */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u image so far", "%'u images so far", total), total);
  else if (self->listing->stopped)
    /* Translators: after the person stopped the listing with the Stop button */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u image, listing stopped",
                                         "%'u images, listing stopped", total), total);
  else if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u image", "%u images", total), total);
  else
    /* Translators: %u of %u images shown after a search or filter */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u image", "%u of %u images", total), shown, total);
  gtk_label_set_label (self->count_label, text);
}

/* Tests */

/**
 * amigo_window_set_search_delay_for_testing:
 * @self: the window
 * @ms: how long typing must pause before a search also goes to the server,
 *   in milliseconds (0: the usual delay)
 *
 * For tests only: a test of the list's own search on a large source holds
 * the server's search back meanwhile.
 */
void
amigo_window_set_search_delay_for_testing (AmigoWindow *self,
                                           guint        ms)
{
  self->listing->search_delay_ms = ms ? ms : SEARCH_DELAY_MS;
}
