/* amigo-window-regions.c — the region picker, and which regions are asked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The picker lists the regions as the account sees them: EC2
 * DescribeRegions (AllRegions=true), asked once per account, says which
 * exist and which the account enabled; Amigo's own table stands in until
 * it answers, and for good when it is denied. A region the account has
 * not enabled is shown as such and never asked anything. An error from
 * one region (not enabled, denied by a policy) is that region's problem
 * as long as STS still knows the keys: it is marked in the picker, its
 * page says so, and the account's credentials are kept.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-window-private.h"
#include "amigo-ec2.h"
#include "amigo-endpoint.h"
#include "amigo-error.h"
#include "amigo-region-list.h"
#include "amigo-sts.h"
#include "amigo-text.h"

typedef struct {
  AmigoRegionProblem problem;
  char *message;                /* AWS's words, shown as text */
} RegionFailure;

static void
region_failure_free (gpointer data)
{
  RegionFailure *failure = data;

  g_free (failure->message);
  g_free (failure);
}

/* A step of a load: dropped unread when the load is cancelled, which the
 * window does before it goes away. */
typedef struct {
  AmigoWindow *self;
  AmigoAccount *account;
  AmigoClient *client;
} RegionsCall;

static RegionsCall *
regions_call_new (AmigoWindow  *self,
                  AmigoAccount *account,
                  AmigoClient  *client)
{
  RegionsCall *call = g_new0 (RegionsCall, 1);

  call->self = self;
  call->account = g_object_ref (account);
  call->client = g_object_ref (client);
  return call;
}

static void
regions_call_free (RegionsCall *call)
{
  g_clear_object (&call->account);
  g_clear_object (&call->client);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RegionsCall, regions_call_free)

static gboolean
all_regions (AmigoWindow *self)
{
  return self->region == NULL || *self->region == '\0';
}

static AmigoPartition
account_partition (AmigoWindow *self)
{
  return amigo_partition_for_region (amigo_account_get_default_region (self->account));
}

/* What the picker says under a region's name, or %NULL. */
const char *
_amigo_window_get_region_caption (AmigoWindow *self,
                                  const char  *region)
{
  const AmigoRegionEntry *entry = amigo_region_list_lookup (self->region_list, region);
  RegionFailure *failure = region ? g_hash_table_lookup (self->region_failures, region) : NULL;

  if (entry != NULL && entry->state == AMIGO_REGION_STATE_NOT_ENABLED)
    return _("Not enabled");
  if (failure == NULL)
    return NULL;
  switch (failure->problem)
    {
    case AMIGO_REGION_PROBLEM_NOT_ENABLED:
      return _("Not enabled for this account");
    case AMIGO_REGION_PROBLEM_DENIED:
      return _("Denied by a policy");
    case AMIGO_REGION_PROBLEM_NONE:
    default:
      return _("Could not be listed");
    }
}

/* ---- the picker's rows ------------------------------------------------- */

/* The code of a row's region. Not from its position: while the picker
 * searches, positions are those of the filtered list. */
static const char *
code_for_item (AmigoWindow *self,
               gpointer     item)
{
  guint n = self->region_names ? g_list_model_get_n_items (G_LIST_MODEL (self->region_names)) : 0;

  for (guint i = 0; i < n && i < self->region_codes->len; i++)
    {
      g_autoptr(GObject) each = g_list_model_get_item (G_LIST_MODEL (self->region_names), i);

      if (each == item)
        return g_ptr_array_index (self->region_codes, i);
    }
  return NULL;
}

static void
update_check_cb (GtkDropDown *dropdown,
                 GParamSpec  *pspec,
                 GtkListItem *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  if (box != NULL)
    gtk_widget_set_visible (gtk_widget_get_last_child (box),
                            gtk_list_item_get_item (item) != NULL &&
                            gtk_list_item_get_item (item) == gtk_drop_down_get_selected_item (dropdown));
}

static void
setup_region_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     AmigoWindow              *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *caption = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), caption);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
bind_region_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    AmigoWindow              *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *text = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (text);
  GtkWidget *caption = gtk_widget_get_last_child (text);
  const char *code = code_for_item (self, gtk_list_item_get_item (item));
  const AmigoRegionEntry *entry = amigo_region_list_lookup (self->region_list, code);
  RegionFailure *failure = code ? g_hash_table_lookup (self->region_failures, code) : NULL;
  const char *said = _amigo_window_get_region_caption (self, code);
  gulong handler;

  gtk_label_set_text (GTK_LABEL (title),
                      gtk_string_object_get_string (GTK_STRING_OBJECT (gtk_list_item_get_item (item))));
  gtk_label_set_text (GTK_LABEL (caption), said ? said : "");
  gtk_widget_set_visible (caption, said != NULL);
  /* Shown greyed: it can still be picked, to read how to enable it. */
  if (entry != NULL && entry->state == AMIGO_REGION_STATE_NOT_ENABLED)
    gtk_widget_add_css_class (title, "dim-label");
  else
    gtk_widget_remove_css_class (title, "dim-label");
  gtk_widget_set_tooltip_text (box, failure ? failure->message : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, said ? said : "",
                                  -1);

  update_check_cb (self->region_dropdown, NULL, item);
  handler = g_signal_connect_object (self->region_dropdown, "notify::selected",
                                     G_CALLBACK (update_check_cb), item, 0);
  g_object_set_data (G_OBJECT (item), "amigo-check-handler", GSIZE_TO_POINTER (handler));
}

static void
unbind_region_row_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      AmigoWindow              *self)
{
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "amigo-check-handler"));

  if (handler != 0)
    g_signal_handler_disconnect (self->region_dropdown, handler);
  g_object_set_data (G_OBJECT (item), "amigo-check-handler", NULL);
}

/* The regions of the account, "All Regions" first. */
void
_amigo_window_update_regions (AmigoWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *described;
  guint selected = 0;
  const char *wanted;

  g_ptr_array_set_size (self->region_codes, 0);
  if (self->account == NULL)
    return;

  described = g_hash_table_lookup (self->described_regions, amigo_account_get_id (self->account));
  g_clear_pointer (&self->region_list, g_ptr_array_unref);
  self->region_list = described ? g_ptr_array_ref (described) : amigo_region_list_new_static (account_partition (self));

  gtk_string_list_append (names, _("All Regions"));
  g_ptr_array_add (self->region_codes, g_strdup (""));
  wanted = self->region ? self->region : amigo_account_get_default_region (self->account);

  for (guint i = 0; i < self->region_list->len; i++)
    {
      const AmigoRegionEntry *entry = g_ptr_array_index (self->region_list, i);
      const AmigoRegionInfo *info = amigo_region_lookup (entry->code);
      g_autofree char *label = NULL;

      /* Translators: a region in the region selector: "Asia Pacific (Seoul) — ap-northeast-2" */
      label = info ? g_strdup_printf (_("%s — %s"), amigo_region_info_get_display_name (info), entry->code)
                   : g_strdup (entry->code);
      if (g_strcmp0 (entry->code, wanted) == 0)
        selected = self->region_codes->len;
      gtk_string_list_append (names, label);
      g_ptr_array_add (self->region_codes, g_strdup (entry->code));
    }

  self->updating_regions = TRUE;
  g_set_object (&self->region_names, names);
  gtk_drop_down_set_model (self->region_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->region_dropdown, selected);
  self->updating_regions = FALSE;

  g_free (self->region);
  self->region = g_strdup (g_ptr_array_index (self->region_codes, selected));
}

/* ---- the page of a region that cannot be listed ------------------------- */

static void
show_region_page (AmigoWindow        *self,
                  AmigoRegionProblem  problem,
                  const GError       *error)
{
  const char *url = amigo_region_get_enable_url (account_partition (self));
  g_autofree char *description = NULL;
  const char *title;
  const char *what;

  if (problem == AMIGO_REGION_PROBLEM_DENIED)
    {
      title = _("Region Denied by a Policy");
      what = _("Denied by a policy: the account’s keys work, but an IAM policy or a "
               "service control policy of the organization does not allow this region. "
               "Ask an administrator of the account.");
    }
  else
    {
      title = _("Region Not Enabled");
      what = _("This region is not enabled for this account. An administrator of the "
               "account can enable it on the Account page of the AWS console; it can "
               "take a few minutes before it can be used.");
    }

  if (error != NULL)
    /* Translators: a region's page: what is wrong, then AWS's own message */
    description = g_strdup_printf (_("%s\n\nAWS said: %s"), what, error->message);
  else
    description = g_strdup (what);

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->load_progress), FALSE);
  gtk_label_set_label (self->count_label, "");
  adw_status_page_set_title (self->region_page, title);
  amigo_status_page_set_description_literal (self->region_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->region_link_button),
                          problem != AMIGO_REGION_PROBLEM_DENIED && url != NULL);
  if (url != NULL)
    gtk_link_button_set_uri (self->region_link_button, url);
  gtk_stack_set_visible_child_name (self->content_stack, "region");
}

/* ---- loading ------------------------------------------------------------ */

static void
start_store_load (AmigoWindow  *self,
                  AmigoAccount *account,
                  AmigoClient  *client,
                  GPtrArray    *regions)
{
  g_autoptr(GPtrArray) ec2s = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < regions->len; i++)
    {
      g_autoptr(GError) error = NULL;
      AmigoEc2 *ec2 = amigo_ec2_new_for_account (account, client, g_ptr_array_index (regions, i), &error);

      if (ec2 == NULL)
        {
          _amigo_window_load_failed (self, error);
          return;
        }
      g_ptr_array_add (ec2s, ec2);
    }

  _amigo_window_listing_load (self, ec2s, account);
  _amigo_window_update_content_page (self);
}

/* Lists the selected region, or every region the account can use. */
static void
load_images (AmigoWindow  *self,
             AmigoAccount *account,
             AmigoClient  *client)
{
  g_autoptr(GPtrArray) regions = g_ptr_array_new ();

  if (all_regions (self))
    {
      for (guint i = 0; i < self->region_list->len; i++)
        {
          const AmigoRegionEntry *entry = g_ptr_array_index (self->region_list, i);

          if (entry->state != AMIGO_REGION_STATE_NOT_ENABLED)
            g_ptr_array_add (regions, entry->code);
        }
    }
  else
    {
      const AmigoRegionEntry *entry = amigo_region_list_lookup (self->region_list, self->region);

      /* Never asked: it would only answer an error. */
      if (entry != NULL && entry->state == AMIGO_REGION_STATE_NOT_ENABLED)
        {
          show_region_page (self, AMIGO_REGION_PROBLEM_NOT_ENABLED, NULL);
          return;
        }
      g_ptr_array_add (regions, self->region);
    }

  if (regions->len == 0)
    {
      _amigo_window_update_content_page (self);
      return;
    }
  start_store_load (self, account, client, regions);
}

static void
describe_regions_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RegionsCall) call = user_data;
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GError) error = NULL;
  AmigoWindow *self;
  const char *account_id;

  regions = amigo_ec2_describe_regions_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = call->self;
  account_id = amigo_account_get_id (call->account);

  if (regions != NULL)
    g_hash_table_insert (self->described_regions, g_strdup (account_id),
                         amigo_region_list_new_described (account_partition (self), regions));
  else if (amigo_region_problem_from_error (error) == AMIGO_REGION_PROBLEM_DENIED ||
           amigo_aws_error_has_aws_code (error, "AccessDenied"))
    /* Denied for good: the partition's own list, each region asked. */
    g_hash_table_insert (self->described_regions, g_strdup (account_id),
                         amigo_region_list_new_static (account_partition (self)));
  else
    /* Anything else may pass: asked again next time. */
    g_debug ("DescribeRegions failed: %s", error->message);

  if (self->account == call->account)
    _amigo_window_update_regions (self);
  load_images (self, call->account, call->client);
}

/* The next step of a load once the account's client is known: its
 * regions (once per account), then its images. */
void
_amigo_window_load_regions (AmigoWindow  *self,
                            AmigoAccount *account,
                            AmigoClient  *client)
{
  g_autoptr(AmigoEc2) ec2 = NULL;

  if (g_hash_table_size (self->region_failures) > 0)
    {
      g_hash_table_remove_all (self->region_failures);
      _amigo_window_update_regions (self);
    }

  if (!g_hash_table_contains (self->described_regions, amigo_account_get_id (account)))
    ec2 = amigo_ec2_new_for_account (account, client, amigo_account_get_default_region (account), NULL);
  if (ec2 == NULL)
    {
      load_images (self, account, client);
      return;
    }
  amigo_ec2_describe_regions_async (ec2, self->load_cancellable, describe_regions_cb,
                                    regions_call_new (self, account, client));
}

/* ---- after a load: whose problem is an error ---------------------------- */

static void
mark_failures (AmigoWindow *self,
               gboolean     regions_to_blame)
{
  for (guint i = 1; i < self->region_codes->len; i++)
    {
      const char *code = g_ptr_array_index (self->region_codes, i);
      const GError *error = amigo_image_store_get_region_error (self->store, code);
      RegionFailure *failure;

      if (error == NULL)
        continue;
      failure = g_new0 (RegionFailure, 1);
      failure->problem = regions_to_blame ? amigo_region_problem_from_error (error) : AMIGO_REGION_PROBLEM_NONE;
      failure->message = g_strdup (error->message);
      g_hash_table_insert (self->region_failures, g_strdup (code), failure);
    }
  if (g_hash_table_size (self->region_failures) > 0)
    _amigo_window_update_regions (self);
}

static void
verdict (AmigoWindow        *self,
         AmigoRegionProblem  problem)
{
  const GError *error = amigo_image_store_get_error (self->store);
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  if (all_regions (self))
    mark_failures (self, problem != AMIGO_REGION_PROBLEM_NONE);

  if (problem == AMIGO_REGION_PROBLEM_NONE)
    {
      _amigo_window_show_load_result (self, TRUE);
      return;
    }
  if (total == 0)
    {
      /* The region (or every region) said no; the keys are fine. */
      if (!all_regions (self))
        {
          RegionFailure *failure = g_new0 (RegionFailure, 1);

          failure->problem = problem;
          failure->message = g_strdup (error->message);
          g_hash_table_insert (self->region_failures, g_strdup (self->region), failure);
          _amigo_window_update_regions (self);
        }
      show_region_page (self, problem, error);
      return;
    }
  _amigo_window_show_load_result (self, FALSE);
}

static void
confirm_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RegionsCall) call = user_data;
  g_autoptr(GError) error = NULL;
  AmigoRegionProblem problem;

  problem = amigo_region_problem_confirm_finish (AMIGO_STS (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  verdict (call->self, problem);
}

/* The store finished: before anyone is told the keys are wrong, STS is
 * asked whether they still work; then it was the region's problem. */
void
_amigo_window_check_load (AmigoWindow *self)
{
  const GError *error = amigo_image_store_get_error (self->store);
  const GError *region_error = NULL;
  guint n_asked = 0;
  g_autoptr(AmigoSts) sts = NULL;

  if (self->account == NULL || self->client == NULL || error == NULL)
    {
      _amigo_window_show_load_result (self, TRUE);
      return;
    }

  for (guint i = 1; i < self->region_codes->len; i++)
    {
      const GError *each = amigo_image_store_get_region_error (self->store, g_ptr_array_index (self->region_codes, i));

      if (each != NULL && region_error == NULL &&
          amigo_region_problem_from_error (each) != AMIGO_REGION_PROBLEM_NONE)
        region_error = each;
    }
  if (all_regions (self))
    for (guint i = 0; i < self->region_list->len; i++)
      n_asked += ((const AmigoRegionEntry *) g_ptr_array_index (self->region_list, i))->state != AMIGO_REGION_STATE_NOT_ENABLED;

  if (region_error == NULL)
    {
      verdict (self, AMIGO_REGION_PROBLEM_NONE);
      return;
    }
  /* Other regions answered with the same keys: no need to ask STS. */
  if (all_regions (self) && amigo_image_store_get_n_regions_failed (self->store) < n_asked)
    {
      verdict (self, amigo_region_problem_from_error (region_error));
      return;
    }

  sts = amigo_sts_new_for_account (self->account, self->client,
                                   amigo_account_get_default_region (self->account), NULL);
  if (sts == NULL)
    {
      verdict (self, AMIGO_REGION_PROBLEM_NONE);
      return;
    }
  amigo_region_problem_confirm_async (sts, region_error, self->load_cancellable, confirm_cb,
                                      regions_call_new (self, self->account, self->client));
}

/* ---- set-up ------------------------------------------------------------- */

void
_amigo_window_class_init_regions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, region_page);
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, region_link_button);
}

void
_amigo_window_init_regions (AmigoWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->described_regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                   (GDestroyNotify) g_ptr_array_unref);
  self->region_failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, region_failure_free);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_region_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_region_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_region_row_cb), self);
  gtk_drop_down_set_list_factory (self->region_dropdown, factory);
  g_object_unref (factory);
}

void
_amigo_window_finalize_regions (AmigoWindow *self)
{
  g_clear_pointer (&self->region_list, g_ptr_array_unref);
  g_clear_pointer (&self->described_regions, g_hash_table_unref);
  g_clear_pointer (&self->region_failures, g_hash_table_unref);
}
