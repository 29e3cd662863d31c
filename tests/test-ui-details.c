/* test-ui-details.c — the image details pane, for real
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real window under Xvfb (run-with-xvfb.sh) shows images parsed from
 * tests/data/ec2-samples/synthetic/DescribeImages.xml by the real parser;
 * the tests read the rows the pane made. Launch permissions come from a
 * fake EC2 peer (a SoupServer on loopback) through the real AmigoEc2.
 *
 * With AMIGO_SCREENSHOT_DIR set, the pane is also saved as details.png.
 */
#include "config.h"

#include <adwaita.h>
#include <libsoup/soup.h>

#include "amigo-ec2-parsers.h"
#include "amigo-ec2.h"
#include "amigo-image-details.h"
#include "amigo-resources.h"
#include "amigo-test-ui.h"

#define WAIT_SECONDS 30
#define OWNER_ACCOUNT "123456789012"
#define FIRST_IMAGE "ami-0abcdef1234567890"

/* 2024-08-01T00:00:00Z: dates in the sample are weeks and months before. */
#define NOW_2024_08_01 ((gint64) 1722470400 * G_USEC_PER_SEC)
/* 2026-06-04T12:34:00Z: three days after the first image's deprecation. */
#define NOW_2026_06_04 ((gint64) 1780576440 * G_USEC_PER_SEC)

/* ---- the sample images ------------------------------------------------ */

static GPtrArray *
load_images (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "ec2-samples", "synthetic",
                                            "DescribeImages.xml", NULL);
  g_autofree char *xml = NULL;
  g_autoptr(AmigoEc2Parser) parser = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  GPtrArray *images;

  g_assert_true (g_file_get_contents (path, &xml, &length, &error));
  g_assert_no_error (error);

  parser = amigo_ec2_parser_new_describe_images (NULL, NULL);
  g_assert_true (amigo_ec2_parser_feed (parser, xml, length, &error));
  g_assert_true (amigo_ec2_parser_finish (parser, &error));
  g_assert_no_error (error);

  images = amigo_ec2_parser_steal_items (parser);
  g_assert_cmpuint (images->len, ==, 2);
  return images;
}

/* ---- a window with the pane ------------------------------------------- */

typedef struct {
  GtkWindow *window;
  AmigoImageDetails *details;
  GPtrArray *images;            /* (element-type AmigoImage) */
  GPtrArray *toasts;            /* (element-type utf8): what win.show-toast was asked to show */
} Fixture;

static void
show_toast_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  Fixture *fixture = user_data;

  g_ptr_array_add (fixture->toasts, g_variant_dup_string (parameter, NULL));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const GActionEntry entries[] = {
    { "show-toast", show_toast_cb, "s" },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkWidget *scroller;

  fixture->images = load_images ();
  fixture->toasts = g_ptr_array_new_with_free_func (g_free);

  /* Like the main window's right-hand pane. */
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 360, 1000);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  fixture->details = AMIGO_IMAGE_DETAILS (amigo_image_details_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (fixture->details));
  gtk_window_set_child (fixture->window, scroller);

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), fixture);
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (group));

  amigo_image_details_set_now_for_testing (fixture->details, NOW_2024_08_01);
  gtk_window_present (fixture->window);
  amigo_test_ui_settle ();
  /* As in the main window, where the list has the focus: a focused
   * selectable label would show itself selected. */
  gtk_window_set_focus (fixture->window, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  amigo_test_ui_settle ();
  g_clear_pointer (&fixture->images, g_ptr_array_unref);
  g_clear_pointer (&fixture->toasts, g_ptr_array_unref);
}

static AmigoImage *
image_at (Fixture *fixture,
          guint    index)
{
  return g_ptr_array_index (fixture->images, index);
}

static void
show_image (Fixture *fixture,
            guint    index)
{
  amigo_image_details_set_image (fixture->details, image_at (fixture, index));
  amigo_test_ui_settle ();
}

/* ---- reading the widgets ---------------------------------------------- */

static GtkWidget *
find_descendant (GtkWidget  *root,
                 GType       type,
                 const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_type_is_a (G_OBJECT_TYPE (child), type) &&
          (title == NULL ||
           g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0))
        return child;

      found = find_descendant (child, type, title);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect_descendants (GtkWidget *root,
                     GType      type,
                     GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_type_is_a (G_OBJECT_TYPE (child), type))
        g_ptr_array_add (found, child);
      collect_descendants (child, type, found);
    }
}

static guint
count_descendants (GtkWidget *root,
                   GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_descendants (root, type, found);
  return found->len;
}

/* The group @name ("launch-permissions"), by its .ui id
 * ("launch_permissions_group"). */
static GtkWidget *
group (Fixture    *fixture,
       const char *name)
{
  g_autofree char *id = g_strconcat (name, "_group", NULL);

  g_strdelimit (id, "-", '_');
  return amigo_test_ui_find (fixture->details, id);
}

/* The value label (widget name "value") of @root itself, not of the rows
 * nested in it. */
static GtkWidget *
own_value_label (GtkWidget *root,
                 GtkWidget *widget)
{
  if (widget != root && ADW_IS_PREFERENCES_ROW (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_widget_get_name (widget), "value") == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = own_value_label (root, child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What a row shows at its end, or NULL when it shows nothing there. */
static const char *
row_value (GtkWidget *row)
{
  GtkWidget *label = own_value_label (row, row);

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* The row titled @title under @root; fails the test when there is none. */
static GtkWidget *
row (GtkWidget  *root,
     const char *title)
{
  GtkWidget *found = find_descendant (root, ADW_TYPE_PREFERENCES_ROW, title);

  if (found == NULL)
    g_error ("No row titled “%s”", title);
  return found;
}

static const char *
value_of (GtkWidget  *root,
          const char *title)
{
  return row_value (row (root, title));
}

static const char *
subtitle_of (GtkWidget *widget)
{
  if (ADW_IS_EXPANDER_ROW (widget))
    return adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (widget));
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));
}

static GtkLabel *
header_label (Fixture *fixture,
              guint    index)
{
  GtkWidget *header = amigo_test_ui_find (fixture->details, "header_box");
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_descendants (header, GTK_TYPE_LABEL, labels);
  g_assert_cmpuint (index, <, labels->len);
  return g_ptr_array_index (labels, index);
}

static char *
clipboard_text (GtkWidget *widget)
{
  GdkContentProvider *content = gdk_clipboard_get_content (gtk_widget_get_clipboard (widget));
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  return g_value_dup_string (&value);
}

/* ---- the tests -------------------------------------------------------- */

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_first_child (GTK_WIDGET (fixture->details)));
  AdwStatusPage *page;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  page = ADW_STATUS_PAGE (gtk_stack_get_visible_child (stack));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "Select an Image");

  show_image (fixture, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "details");
  g_assert_true (amigo_image_details_get_image (fixture->details) == image_at (fixture, 0));

  amigo_image_details_set_image (fixture->details, NULL);
  amigo_test_ui_settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_null (amigo_image_details_get_image (fixture->details));
  /* The rows of the image shown before are gone. */
  g_assert_null (find_descendant (group (fixture, "general"), ADW_TYPE_ACTION_ROW, NULL));
}

static void
test_header (Fixture       *fixture,
             gconstpointer  data)
{
  GtkLabel *title, *state, *deprecated, *reason, *description;

  show_image (fixture, 0);
  title = header_label (fixture, 0);
  state = header_label (fixture, 1);
  deprecated = header_label (fixture, 2);
  reason = header_label (fixture, 3);
  description = header_label (fixture, 4);

  g_assert_cmpstr (gtk_label_get_text (title), ==, "my-web-server-2024.06.01");
  g_assert_true (gtk_label_get_selectable (title));
  g_assert_cmpstr (gtk_label_get_text (state), ==, "Available");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (state), "state-badge"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (state), "success"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (deprecated)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (reason)));
  /* Shown as text, never as markup. */
  g_assert_cmpstr (gtk_label_get_text (description), ==,
                   "Web server image & tools (built by <pipeline>)");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (description)));

  /* An empty description is not shown at all. */
  show_image (fixture, 1);
  g_assert_cmpstr (gtk_label_get_text (title), ==, "al2023-ami-2023.5.20240624.0-kernel-6.1-arm64");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (description)));

  /* Once the deprecation time has passed, it says so. */
  amigo_image_details_set_now_for_testing (fixture->details, NOW_2026_06_04);
  show_image (fixture, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (deprecated)));
  g_assert_cmpstr (gtk_label_get_text (deprecated), ==, "Deprecated");
}

static void
test_unnamed (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(AmigoStateReason) reason = amigo_state_reason_new ("Server.InternalError",
                                                                "Snapshot creation failed");
  g_autoptr(AmigoImage) image = g_object_new (AMIGO_TYPE_IMAGE,
                                              "image-id", "ami-00000000000000001",
                                              "state", "failed",
                                              "state-reason", reason,
                                              NULL);
  GtkWidget *general;

  amigo_image_details_set_image (fixture->details, image);
  amigo_test_ui_settle ();
  general = group (fixture, "general");

  /* No name: the id heads the pane, and the name row says there is none. */
  g_assert_cmpstr (gtk_label_get_text (header_label (fixture, 0)), ==, "ami-00000000000000001");
  g_assert_cmpstr (value_of (general, "Name"), ==, "None");
  g_assert_cmpstr (gtk_label_get_text (header_label (fixture, 1)), ==, "Failed");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (header_label (fixture, 1)), "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (header_label (fixture, 3))));
  g_assert_cmpstr (gtk_label_get_text (header_label (fixture, 3)), ==, "Snapshot creation failed");
  /* Nothing AWS left out is made up. */
  g_assert_null (find_descendant (general, ADW_TYPE_PREFERENCES_ROW, "Visibility"));
  g_assert_null (find_descendant (general, ADW_TYPE_PREFERENCES_ROW, "Owner"));
  g_assert_false (gtk_widget_get_visible (group (fixture, "product-codes")));
  g_assert_false (gtk_widget_get_visible (group (fixture, "source")));
}

static void
test_general (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *general, *ami_row, *copy;
  g_autofree char *copied = NULL;

  show_image (fixture, 0);
  general = group (fixture, "general");

  g_assert_cmpstr (value_of (general, "AMI ID"), ==, FIRST_IMAGE);
  g_assert_cmpstr (value_of (general, "Owner"), ==, OWNER_ACCOUNT);
  g_assert_cmpstr (value_of (general, "Visibility"), ==, "Private");
  g_assert_cmpstr (value_of (general, "Platform"), ==, "Linux/UNIX");
  g_assert_cmpstr (value_of (general, "Usage operation"), ==, "RunInstances");
  g_assert_cmpstr (value_of (general, "Image type"), ==, "Machine image");
  g_assert_cmpstr (value_of (general, "Hypervisor"), ==, "Xen");
  g_assert_cmpstr (value_of (general, "Location"), ==, "123456789012/my-web-server-2024.06.01");
  g_assert_cmpstr (value_of (general, "Deregistration protection"), ==, "Off");
  g_assert_null (find_descendant (general, ADW_TYPE_PREFERENCES_ROW, "Name"));

  /* The copy button puts the id on the clipboard and says so. */
  ami_row = row (general, "AMI ID");
  copy = find_descendant (ami_row, GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (copy);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (copy), ==, "Copy AMI ID");
  amigo_test_ui_click (copy);
  amigo_test_ui_settle ();
  copied = clipboard_text (copy);
  g_assert_cmpstr (copied, ==, FIRST_IMAGE);
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->toasts, 0), ==, "AMI ID copied");

  /* Amazon's image: public, with the owner's alias. */
  show_image (fixture, 1);
  g_assert_cmpstr (value_of (general, "Visibility"), ==, "Public");
  g_assert_cmpstr (value_of (general, "Owner"), ==, "137112412989");
  g_assert_cmpstr (subtitle_of (row (general, "Owner")), ==, "amazon");
}

static void
test_owner_is_this_account (Fixture       *fixture,
                            gconstpointer  data)
{
  amigo_image_details_set_context (fixture->details, NULL, OWNER_ACCOUNT);
  show_image (fixture, 0);

  g_assert_cmpstr (subtitle_of (row (group (fixture, "general"), "Owner")), ==, "This account");
}

static void
test_dates (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *dates;

  show_image (fixture, 0);
  dates = group (fixture, "dates");

  /* Local time is UTC here (TZ=UTC), the C locale's %x %X. */
  g_assert_cmpstr (value_of (dates, "Created"), ==, "06/01/24 12:34:56");
  g_assert_cmpstr (subtitle_of (row (dates, "Created")), ==, "2 months ago");
  g_assert_cmpstr (value_of (dates, "Deprecation"), ==, "06/01/26 12:34:00");
  g_assert_cmpstr (subtitle_of (row (dates, "Deprecation")), ==, "in 1 year");
  g_assert_cmpstr (value_of (dates, "Last launched"), ==, "07/15/24 08:00:00");
  g_assert_cmpstr (subtitle_of (row (dates, "Last launched")), ==, "16 days ago");

  amigo_image_details_set_now_for_testing (fixture->details, NOW_2026_06_04);
  g_assert_cmpstr (subtitle_of (row (dates, "Deprecation")), ==, "Deprecated 3 days ago");
  g_assert_cmpstr (subtitle_of (row (dates, "Created")), ==, "2 years ago");

  /* Never launched (or not told): no row rather than a guess. */
  show_image (fixture, 1);
  g_assert_null (find_descendant (dates, ADW_TYPE_PREFERENCES_ROW, "Last launched"));
}

static void
test_machine (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *machine;

  show_image (fixture, 0);
  machine = group (fixture, "machine");

  g_assert_cmpstr (value_of (machine, "Architecture"), ==, "x86_64");
  g_assert_cmpstr (value_of (machine, "Virtualization type"), ==, "HVM");
  g_assert_cmpstr (value_of (machine, "Boot mode"), ==, "UEFI preferred");
  g_assert_cmpstr (value_of (machine, "ENA support"), ==, "Yes");
  g_assert_cmpstr (value_of (machine, "SR-IOV networking"), ==, "Intel 82599 VF");
  g_assert_cmpstr (value_of (machine, "NitroTPM"), ==, "TPM 2.0");
  g_assert_cmpstr (value_of (machine, "IMDSv2"), ==, "Required");
  g_assert_null (find_descendant (machine, ADW_TYPE_PREFERENCES_ROW, "Kernel ID"));

  show_image (fixture, 1);
  g_assert_cmpstr (value_of (machine, "Architecture"), ==, "arm64");
  g_assert_cmpstr (value_of (machine, "Boot mode"), ==, "UEFI");
  g_assert_cmpstr (value_of (machine, "NitroTPM"), ==, "Not supported");
  g_assert_cmpstr (value_of (machine, "SR-IOV networking"), ==, "No");
}

static void
test_storage (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *storage, *root, *ephemeral, *suppressed, *copy;
  g_autofree char *copied = NULL;

  show_image (fixture, 0);
  storage = group (fixture, "storage");

  g_assert_cmpstr (value_of (storage, "Root device type"), ==, "EBS");
  g_assert_cmpstr (value_of (storage, "Root device name"), ==, "/dev/xvda");

  /* The EBS root volume: open, with a summary and every field. */
  root = row (storage, "/dev/xvda");
  g_assert_true (ADW_IS_EXPANDER_ROW (root));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (root)));
  g_assert_cmpstr (subtitle_of (root), ==, "Root device · EBS volume · 8 GiB · gp3");
  g_assert_cmpstr (value_of (root, "Snapshot"), ==, "snap-1234567890abcdef0");
  g_assert_cmpstr (value_of (root, "Size"), ==, "8 GiB");
  g_assert_cmpstr (value_of (root, "Volume type"), ==, "General Purpose SSD (gp3)");
  g_assert_cmpstr (value_of (root, "IOPS"), ==, "3000");
  g_assert_cmpstr (value_of (root, "Throughput"), ==, "125 MiB/s");
  g_assert_cmpstr (value_of (root, "Encrypted"), ==, "No");
  g_assert_cmpstr (value_of (root, "Delete on termination"), ==, "Yes");
  g_assert_null (find_descendant (root, ADW_TYPE_PREFERENCES_ROW, "KMS key"));

  copy = find_descendant (row (root, "Snapshot"), GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (copy);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (copy), ==, "Copy snapshot ID");
  amigo_test_ui_click (copy);
  amigo_test_ui_settle ();
  copied = clipboard_text (copy);
  g_assert_cmpstr (copied, ==, "snap-1234567890abcdef0");
  g_assert_cmpstr (g_ptr_array_index (fixture->toasts, 0), ==, "Snapshot ID copied");

  ephemeral = row (storage, "/dev/sdb");
  g_assert_false (ADW_IS_EXPANDER_ROW (ephemeral));
  g_assert_cmpstr (row_value (ephemeral), ==, "ephemeral0");
  g_assert_cmpstr (subtitle_of (ephemeral), ==, "Instance store volume");

  suppressed = row (storage, "/dev/sdc");
  g_assert_cmpstr (row_value (suppressed), ==, "No device");

  /* One row per mapping, plus the two root device rows. */
  g_assert_cmpuint (count_descendants (storage, ADW_TYPE_EXPANDER_ROW), ==, 1);

  show_image (fixture, 1);
  root = row (storage, "/dev/xvda");
  g_assert_cmpstr (value_of (root, "Snapshot"), ==, "snap-0abcdef1234567890");
  g_assert_null (find_descendant (storage, ADW_TYPE_PREFERENCES_ROW, "/dev/sdb"));
}

static void
test_tags (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *tags;

  show_image (fixture, 0);
  tags = group (fixture, "tags");

  g_assert_cmpstr (value_of (tags, "Name"), ==, "web-server");
  g_assert_cmpstr (value_of (tags, "cost-center"), ==, "R&D");
  g_assert_true (adw_preferences_row_get_title_selectable (ADW_PREFERENCES_ROW (row (tags, "cost-center"))));
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (tags)), ==, "");

  show_image (fixture, 1);
  g_assert_null (find_descendant (tags, ADW_TYPE_ACTION_ROW, NULL));
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (tags)), ==, "No tags");
}

static void
test_product_codes_and_source (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *codes, *source;

  show_image (fixture, 0);
  codes = group (fixture, "product-codes");
  source = group (fixture, "source");

  g_assert_true (gtk_widget_get_visible (codes));
  g_assert_cmpstr (value_of (codes, "AWS Marketplace"), ==, "abcdefghijklmnop0123456789");
  g_assert_true (gtk_widget_get_visible (source));
  g_assert_cmpstr (value_of (source, "Source image"), ==, "ami-1234567890abcdef0");
  g_assert_cmpstr (value_of (source, "Source region"), ==, "us-west-2");
  g_assert_null (find_descendant (source, ADW_TYPE_PREFERENCES_ROW, "Source instance"));

  show_image (fixture, 1);
  g_assert_false (gtk_widget_get_visible (codes));
  g_assert_false (gtk_widget_get_visible (source));
}

/* Every value can be selected, long ones are ellipsized in the middle and
 * have the whole text in a tooltip, every button says what it does. */
static void
test_readable (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  guint n_values = 0;
  guint n_wrapping = 0;

  show_image (fixture, 0);
  collect_descendants (GTK_WIDGET (fixture->details), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *r = g_ptr_array_index (rows, i);
      const char *value = row_value (r);
      GtkLabel *label;

      if (value == NULL)
        continue;
      label = g_object_get_data (G_OBJECT (r), "amigo-value-label");
      g_assert_true (gtk_label_get_selectable (label));
      n_values++;
      /* Dates wrap rather than lose their middle. */
      if (gtk_label_get_wrap (label))
        {
          g_assert_cmpint (gtk_label_get_ellipsize (label), ==, PANGO_ELLIPSIZE_NONE);
          n_wrapping++;
          continue;
        }
      g_assert_cmpint (gtk_label_get_ellipsize (label), ==, PANGO_ELLIPSIZE_MIDDLE);
      if (g_utf8_strlen (value, -1) > 12)
        g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (label)), ==, value);
    }
  g_assert_cmpuint (n_values, >, 30);
  g_assert_cmpuint (n_wrapping, ==, 3);

  collect_descendants (GTK_WIDGET (fixture->details), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      /* Expander rows' own arrows are not ours. */
      if (gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW) == NULL)
        continue;
      g_assert_nonnull (gtk_widget_get_tooltip_text (button));
    }
}

/* ---- launch permissions, from a fake EC2 ------------------------------ */

typedef struct {
  SoupServer *server;
  char *url;
  guint status;                 /* what to answer */
  const char *body;
  gboolean pause;               /* hold requests until released */
  GPtrArray *held;              /* (element-type SoupServerMessage) */
  GHashTable *last_form;        /* the last request's parameters */
  guint n_requests;
} FakeEc2;

static void
fake_ec2_handler (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  FakeEc2 *fake = user_data;
  SoupMessageBody *request = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (request);
  g_autofree char *form = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_clear_pointer (&fake->last_form, g_hash_table_unref);
  fake->last_form = soup_form_decode (form);
  fake->n_requests++;

  soup_server_message_set_status (msg, fake->status, NULL);
  soup_server_message_set_response (msg, "text/xml;charset=UTF-8", SOUP_MEMORY_STATIC,
                                    fake->body, strlen (fake->body));
  if (fake->pause)
    {
      soup_server_message_pause (msg);
      g_ptr_array_add (fake->held, g_object_ref (msg));
    }
}

static void
fake_ec2_release (FakeEc2 *fake)
{
  fake->pause = FALSE;
  for (guint i = 0; i < fake->held->len; i++)
    soup_server_message_unpause (g_ptr_array_index (fake->held, i));
  g_ptr_array_set_size (fake->held, 0);
}

static FakeEc2 *
fake_ec2_new (void)
{
  FakeEc2 *fake = g_new0 (FakeEc2, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  fake->server = soup_server_new (NULL, NULL);
  fake->held = g_ptr_array_new_with_free_func (g_object_unref);
  soup_server_add_handler (fake->server, NULL, fake_ec2_handler, fake, NULL);
  g_assert_true (soup_server_listen_local (fake->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (fake->server);
  fake->url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return fake;
}

static void
fake_ec2_free (FakeEc2 *fake)
{
  fake_ec2_release (fake);
  amigo_test_ui_settle ();
  soup_server_disconnect (fake->server);
  g_clear_object (&fake->server);
  g_clear_pointer (&fake->held, g_ptr_array_unref);
  g_clear_pointer (&fake->last_form, g_hash_table_unref);
  g_free (fake->url);
  g_free (fake);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeEc2, fake_ec2_free)

static AmigoEc2 *
ec2_for (FakeEc2 *fake)
{
  g_autoptr(AmigoCredentials) credentials = amigo_credentials_new ("AKIDEXAMPLE", "not-a-secret", NULL, 0);
  g_autoptr(AmigoClient) client = amigo_client_new (credentials);

  /* An answer is an answer: no retries to wait for. */
  amigo_client_set_max_attempts (client, 1);
  return amigo_ec2_new (client, "us-east-1", fake->url);
}

static const char permissions_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<DescribeImageAttributeResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">\n"
  "  <requestId>11111111-2222-3333-4444-555555555555</requestId>\n"
  "  <imageId>" FIRST_IMAGE "</imageId>\n"
  "  <launchPermission>\n"
  "    <item><group>all</group></item>\n"
  "    <item><userId>111122223333</userId></item>\n"
  "    <item><organizationArn>arn:aws:organizations::123456789012:organization/o-abc123def4</organizationArn></item>\n"
  "    <item><organizationalUnitArn>arn:aws:organizations::123456789012:ou/o-abc123def4/ou-ab12-cdef3456</organizationalUnitArn></item>\n"
  "  </launchPermission>\n"
  "</DescribeImageAttributeResponse>\n";

static const char no_permissions_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<DescribeImageAttributeResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">\n"
  "  <requestId>11111111-2222-3333-4444-555555555555</requestId>\n"
  "  <imageId>" FIRST_IMAGE "</imageId>\n"
  "  <launchPermission/>\n"
  "</DescribeImageAttributeResponse>\n";

static const char unauthorized_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<Response><Errors><Error><Code>UnauthorizedOperation</Code>"
  "<Message>You are not authorized to perform this operation.</Message></Error></Errors>"
  "<RequestID>11111111-2222-3333-4444-555555555555</RequestID></Response>\n";

typedef struct {
  AdwPreferencesGroup *group;
  const char *title;
} RowWanted;

static gboolean
row_is_there (gpointer data)
{
  RowWanted *wanted = data;

  return find_descendant (GTK_WIDGET (wanted->group), ADW_TYPE_PREFERENCES_ROW, wanted->title) != NULL;
}

static void
wait_for_row (AdwPreferencesGroup *permissions,
              const char          *title)
{
  RowWanted wanted = { permissions, title };

  amigo_test_ui_wait_until (row_is_there, &wanted, WAIT_SECONDS, title);
}

static gboolean
request_arrived (gpointer data)
{
  FakeEc2 *fake = data;

  return fake->held->len > 0;
}

static void
test_permissions_offered (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(FakeEc2) fake = fake_ec2_new ();
  g_autoptr(AmigoEc2) ec2 = ec2_for (fake);
  GtkWidget *permissions = group (fixture, "launch-permissions");

  /* Nowhere to ask: nothing offered. */
  show_image (fixture, 0);
  g_assert_false (gtk_widget_get_visible (permissions));

  /* The account's own image: offered. Someone else's: AWS would refuse. */
  amigo_image_details_set_context (fixture->details, ec2, OWNER_ACCOUNT);
  g_assert_true (gtk_widget_get_visible (permissions));
  show_image (fixture, 1);
  g_assert_false (gtk_widget_get_visible (permissions));

  /* The account is not known yet: let the person try. */
  amigo_image_details_set_context (fixture->details, ec2, NULL);
  g_assert_true (gtk_widget_get_visible (permissions));

  /* Nothing is fetched until asked. */
  amigo_test_ui_settle ();
  g_assert_cmpuint (fake->n_requests, ==, 0);
}

static void
test_permissions_load (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(FakeEc2) fake = fake_ec2_new ();
  g_autoptr(AmigoEc2) ec2 = ec2_for (fake);
  AdwPreferencesGroup *permissions = ADW_PREFERENCES_GROUP (group (fixture, "launch-permissions"));
  GtkButton *button = GTK_BUTTON (amigo_test_ui_find (fixture->details, "launch_permissions_button"));

  fake->status = 200;
  fake->body = permissions_xml;
  fake->pause = TRUE;
  amigo_image_details_set_context (fixture->details, ec2, OWNER_ACCOUNT);
  show_image (fixture, 0);
  g_assert_cmpstr (gtk_button_get_label (button), ==, "_Show");
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (button)));
  amigo_test_ui_maybe_screenshot (GTK_WIDGET (permissions), "details-permissions-idle.png");

  amigo_test_ui_click (GTK_WIDGET (button));
  amigo_test_ui_wait_until (request_arrived, fake, WAIT_SECONDS, "the request");
  g_assert_cmpstr (g_hash_table_lookup (fake->last_form, "Action"), ==, "DescribeImageAttribute");
  g_assert_cmpstr (g_hash_table_lookup (fake->last_form, "Attribute"), ==, "launchPermission");
  g_assert_cmpstr (g_hash_table_lookup (fake->last_form, "ImageId"), ==, FIRST_IMAGE);

  /* While the answer is on its way: a spinner, and no second request. */
  amigo_test_ui_settle ();
  g_assert_nonnull (find_descendant (row (GTK_WIDGET (permissions), "Loading…"), GTK_TYPE_SPINNER, NULL));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  amigo_test_ui_maybe_screenshot (GTK_WIDGET (permissions), "details-permissions-loading.png");

  fake_ec2_release (fake);
  wait_for_row (permissions, "Public (everyone)");
  g_assert_null (find_descendant (GTK_WIDGET (permissions), ADW_TYPE_PREFERENCES_ROW, "Loading…"));
  g_assert_cmpstr (value_of (GTK_WIDGET (permissions), "Account"), ==, "111122223333");
  g_assert_cmpstr (value_of (GTK_WIDGET (permissions), "Organization"), ==,
                   "arn:aws:organizations::123456789012:organization/o-abc123def4");
  g_assert_cmpstr (value_of (GTK_WIDGET (permissions), "Organizational unit"), ==,
                   "arn:aws:organizations::123456789012:ou/o-abc123def4/ou-ab12-cdef3456");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), ==, "Reload launch permissions");

  /* Reloading replaces the rows rather than adding to them. */
  fake->body = no_permissions_xml;
  amigo_test_ui_click (GTK_WIDGET (button));
  wait_for_row (permissions, "Not shared");
  g_assert_null (find_descendant (GTK_WIDGET (permissions), ADW_TYPE_PREFERENCES_ROW, "Public (everyone)"));
  g_assert_cmpuint (fake->n_requests, ==, 2);
}

static void
test_permissions_error (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(FakeEc2) fake = fake_ec2_new ();
  g_autoptr(AmigoEc2) ec2 = ec2_for (fake);
  AdwPreferencesGroup *permissions = ADW_PREFERENCES_GROUP (group (fixture, "launch-permissions"));
  GtkButton *button = GTK_BUTTON (amigo_test_ui_find (fixture->details, "launch_permissions_button"));
  GtkWidget *error_row;

  fake->status = 403;
  fake->body = unauthorized_xml;
  amigo_image_details_set_context (fixture->details, ec2, OWNER_ACCOUNT);
  show_image (fixture, 0);

  amigo_test_ui_click (GTK_WIDGET (button));
  wait_for_row (permissions, "Could not load the launch permissions");
  error_row = row (GTK_WIDGET (permissions), "Could not load the launch permissions");
  g_assert_nonnull (strstr (subtitle_of (error_row), "You are not authorized to perform this operation."));
  /* The person can try again. */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  amigo_test_ui_maybe_screenshot (GTK_WIDGET (permissions), "details-permissions-error.png");
}

static void
test_permissions_cancelled (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(FakeEc2) fake = fake_ec2_new ();
  g_autoptr(AmigoEc2) ec2 = ec2_for (fake);
  AdwPreferencesGroup *permissions = ADW_PREFERENCES_GROUP (group (fixture, "launch-permissions"));
  GtkButton *button = GTK_BUTTON (amigo_test_ui_find (fixture->details, "launch_permissions_button"));
  g_autoptr(AmigoImage) other = g_object_new (AMIGO_TYPE_IMAGE,
                                              "image-id", "ami-00000000000000002",
                                              "owner-id", OWNER_ACCOUNT,
                                              NULL);

  fake->status = 200;
  fake->body = permissions_xml;
  fake->pause = TRUE;
  amigo_image_details_set_context (fixture->details, ec2, OWNER_ACCOUNT);
  show_image (fixture, 0);
  amigo_test_ui_click (GTK_WIDGET (button));
  amigo_test_ui_wait_until (request_arrived, fake, WAIT_SECONDS, "the request");

  /* Another image while the answer is on its way: that answer is dropped. */
  amigo_image_details_set_image (fixture->details, other);
  amigo_test_ui_settle ();
  g_assert_null (find_descendant (GTK_WIDGET (permissions), ADW_TYPE_PREFERENCES_ROW, NULL));
  g_assert_cmpstr (gtk_button_get_label (button), ==, "_Show");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));

  fake_ec2_release (fake);
  amigo_test_ui_settle ();
  g_assert_null (find_descendant (GTK_WIDGET (permissions), ADW_TYPE_PREFERENCES_ROW, NULL));
  g_assert_true (amigo_image_details_get_image (fixture->details) == other);
}

/* ---- screenshot ------------------------------------------------------- */

static gboolean
widget_is_sensitive (gpointer data)
{
  return gtk_widget_get_sensitive (data);
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *dir = g_getenv ("AMIGO_SCREENSHOT_DIR");
  g_autoptr(FakeEc2) fake = NULL;
  g_autoptr(AmigoEc2) ec2 = NULL;
  g_autofree char *path = NULL;
  GtkWidget *scroller = gtk_window_get_child (fixture->window);
  GtkWidget *button;

  if (dir == NULL || *dir == '\0')
    {
      g_test_skip ("AMIGO_SCREENSHOT_DIR is not set");
      return;
    }

  gtk_window_set_default_size (fixture->window, 360, 600);
  amigo_test_ui_settle ();
  path = g_build_filename (dir, "details-empty.png", NULL);
  amigo_test_ui_save_png (GTK_WIDGET (fixture->window), path);

  /* The account's own image, its launch permissions loaded. */
  fake = fake_ec2_new ();
  ec2 = ec2_for (fake);
  fake->status = 200;
  fake->body = permissions_xml;
  amigo_image_details_set_context (fixture->details, ec2, OWNER_ACCOUNT);
  show_image (fixture, 0);
  button = GTK_WIDGET (GTK_BUTTON (amigo_test_ui_find (fixture->details, "launch_permissions_button")));
  amigo_test_ui_click (button);
  /* Loaded when the button is back (in any language the pane speaks). */
  amigo_test_ui_wait_until (widget_is_sensitive, button, WAIT_SECONDS, "the launch permissions");
  g_assert_cmpuint (fake->n_requests, ==, 1);

  /* The narrowest the window makes the pane, as it first shows. */
  gtk_window_set_default_size (fixture->window, 320, 600);
  amigo_test_ui_settle ();
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "details-narrow.png", NULL);
  amigo_test_ui_save_png (GTK_WIDGET (fixture->window), path);

  /* The whole pane, as tall as it needs, to see every group. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_NEVER);
  gtk_window_set_default_size (fixture->window, 360, -1);
  amigo_test_ui_settle ();
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "details.png", NULL);
  amigo_test_ui_save_png (GTK_WIDGET (fixture->window), path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  amigo_register_resource ();

  /* What AdwApplication would load from the resource base path. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/amigo_app/Amigo/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/details/empty", test_empty);
  ADD ("/ui/details/header", test_header);
  ADD ("/ui/details/unnamed-failed", test_unnamed);
  ADD ("/ui/details/general", test_general);
  ADD ("/ui/details/owner-is-this-account", test_owner_is_this_account);
  ADD ("/ui/details/dates", test_dates);
  ADD ("/ui/details/machine", test_machine);
  ADD ("/ui/details/storage", test_storage);
  ADD ("/ui/details/tags", test_tags);
  ADD ("/ui/details/product-codes-and-source", test_product_codes_and_source);
  ADD ("/ui/details/readable", test_readable);
  ADD ("/ui/details/launch-permissions/offered", test_permissions_offered);
  ADD ("/ui/details/launch-permissions/load", test_permissions_load);
  ADD ("/ui/details/launch-permissions/error", test_permissions_error);
  ADD ("/ui/details/launch-permissions/cancelled", test_permissions_cancelled);
  ADD ("/ui/details/screenshot", test_screenshot);

#undef ADD

  return g_test_run ();
}
