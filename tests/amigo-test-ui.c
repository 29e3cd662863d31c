/* amigo-test-ui.c — what every ui test program shares (see the header)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "amigo-application.h"
#include "amigo-error.h"
#include "amigo-test-ui.h"

/* How often a wait looks again at a condition nothing in the loop signals. */
#define RECHECK_MS 50
/* Enough dispatches to take in anything queued; a loop that never idles
 * (a source always ready) ends here instead of hanging the test. */
#define SETTLE_MAX_DISPATCHES 10000
/* About half a second of frames: transitions (a stack crossfading, a
 * dialog appearing) are over and the window is drawn at its size. */
#define SCREENSHOT_FRAMES 30
#define SCREENSHOT_WAIT_SECONDS 60

static AmigoAwsConfig *config;
static AmigoAccount *account;
static AmigoClient *client;

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Waits for an async call started with store_result_cb and &result. */
static GAsyncResult *
wait_result (GAsyncResult **result)
{
  AMIGO_TEST_WAIT_FOR (*result != NULL, 120);
  return *result;
}

/* ---- waiting ------------------------------------------------------------ */

struct _AmigoTestDeadline
{
  gint64 end;                   /* monotonic time */
  guint source;
  gboolean passed;
};

static gboolean
deadline_tick_cb (gpointer data)
{
  AmigoTestDeadline *deadline = data;

  /* Waking up is the point: the waiter looks at its condition again. */
  if (g_get_monotonic_time () >= deadline->end)
    deadline->passed = TRUE;
  return G_SOURCE_CONTINUE;
}

AmigoTestDeadline *
amigo_test_deadline_new (guint seconds)
{
  AmigoTestDeadline *deadline = g_new0 (AmigoTestDeadline, 1);

  deadline->end = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
  deadline->source = g_timeout_add (RECHECK_MS, deadline_tick_cb, deadline);
  return deadline;
}

gboolean
amigo_test_deadline_passed (AmigoTestDeadline *deadline)
{
  return deadline->passed;
}

void
amigo_test_deadline_free (AmigoTestDeadline *deadline)
{
  g_source_remove (deadline->source);
  g_free (deadline);
}

void
amigo_test_ui_wait_until (AmigoTestCondition  condition,
                          gpointer            data,
                          guint               timeout_seconds,
                          const char         *what)
{
  AmigoTestDeadline *deadline = amigo_test_deadline_new (timeout_seconds);

  while (!condition (data) && !amigo_test_deadline_passed (deadline))
    g_main_context_iteration (NULL, TRUE);
  amigo_test_deadline_free (deadline);
  if (!condition (data))
    g_error ("Gave up waiting for %s", what);
}

void
amigo_test_ui_settle (void)
{
  /* Pending means the next iteration will not block. */
  for (guint i = 0; i < SETTLE_MAX_DISPATCHES && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
amigo_test_ui_run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* ---- driving widgets ---------------------------------------------------- */

void
amigo_test_ui_click (gpointer button)
{
  g_assert_true (GTK_IS_WIDGET (button));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  if (g_signal_lookup ("clicked", G_OBJECT_TYPE (button)) != 0)
    g_signal_emit_by_name (button, "clicked");
  else
    g_assert_true (gtk_widget_activate (GTK_WIDGET (button)));
}

void
amigo_test_ui_activate (gpointer widget)
{
  g_assert_true (GTK_IS_WIDGET (widget));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (widget)));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (widget)));
}

void
amigo_test_ui_set_text (gpointer    editable,
                        const char *text)
{
  g_assert_true (GTK_IS_EDITABLE (editable));
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

void
amigo_test_ui_pick (gpointer dropdown,
                    guint    position)
{
  g_autoptr(GListModel) model = NULL;
  guint selected = G_MAXUINT;

  g_object_get (dropdown, "model", &model, NULL);
  g_assert_nonnull (model);
  g_assert_cmpuint (position, <, g_list_model_get_n_items (model));
  g_object_set (dropdown, "selected", position, NULL);
  g_object_get (dropdown, "selected", &selected, NULL);
  g_assert_cmpuint (selected, ==, position);
}

static char *
item_string (gpointer  dropdown,
             GObject  *item)
{
  g_autoptr(GtkExpression) expression = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  g_object_get (dropdown, "expression", &expression, NULL);
  if (expression != NULL && gtk_expression_evaluate (expression, item, &value) &&
      G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);
  return NULL;
}

void
amigo_test_ui_pick_text (gpointer    dropdown,
                         const char *text)
{
  g_autoptr(GListModel) model = NULL;

  g_object_get (dropdown, "model", &model, NULL);
  g_assert_nonnull (model);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *string = item_string (dropdown, item);

      if (g_strcmp0 (string, text) == 0)
        {
          amigo_test_ui_pick (dropdown, i);
          return;
        }
    }
  g_error ("No item \"%s\" to pick", text);
}

/* ---- finding widgets ---------------------------------------------------- */

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

/* Children include the popovers of menu buttons and a window's titlebar:
 * GTK 4 parents them to their owner. */
static void
walk (GtkWidget     *widget,
      Match          match,
      gconstpointer  data,
      GPtrArray     *found,
      gboolean       all)
{
  if (match (widget, data))
    {
      g_ptr_array_add (found, widget);
      if (!all)
        return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      walk (child, match, data, found, all);
      if (!all && found->len > 0)
        return;
    }
}

static GtkWidget *
find_first (gpointer       root,
            Match          match,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  g_assert_true (GTK_IS_WIDGET (root));
  walk (root, match, data, found, FALSE);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

static gboolean
has_id (GtkWidget     *widget,
        gconstpointer  id)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0;
}

static guint
depth_below (GtkWidget *widget,
             GtkWidget *root)
{
  guint depth = 0;

  for (; widget != root && widget != NULL; widget = gtk_widget_get_parent (widget))
    depth++;
  return depth;
}

GtkWidget *
amigo_test_ui_lookup (gpointer    root,
                      const char *id)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GtkWidget *best = NULL;
  guint best_depth = G_MAXUINT;
  gboolean tie = FALSE;

  g_assert_true (GTK_IS_WIDGET (root));

  /* A child of @root's own template (or of a parent class's), bound by
   * that id: exactly the one the .ui means. */
  for (GType type = G_OBJECT_TYPE (root); type != GTK_TYPE_WIDGET; type = g_type_parent (type))
    {
      GObject *child = gtk_widget_get_template_child (root, type, id);

      if (GTK_IS_WIDGET (child))
        return GTK_WIDGET (child);
    }

  /* Otherwise the tree. Composite widgets inside bring their own ids (an
   * AdwEntryRow has an "apply_button"): the one nearest @root is @root's;
   * two at the same depth are a question the test must narrow down. */
  walk (root, has_id, id, found, TRUE);
  for (guint i = 0; i < found->len; i++)
    {
      guint depth = depth_below (g_ptr_array_index (found, i), root);

      if (depth < best_depth)
        {
          best = g_ptr_array_index (found, i);
          best_depth = depth;
          tie = FALSE;
        }
      else if (depth == best_depth)
        tie = TRUE;
    }
  if (tie)
    g_error ("Several widgets with the id \"%s\" in %s: look in a part of it", id, G_OBJECT_TYPE_NAME (root));
  return best;
}

GtkWidget *
amigo_test_ui_find (gpointer    root,
                    const char *id)
{
  GtkWidget *widget = amigo_test_ui_lookup (root, id);

  if (widget == NULL)
    g_error ("No widget with the id \"%s\" in %s", id, G_OBJECT_TYPE_NAME (root));
  return widget;
}

/* What a screen reader would call @widget, as far as its own properties
 * say (GTK 4.8 has no getter for the accessible name). */
static const char *
name_of (GtkWidget *widget)
{
  const char *name = NULL;

  if (GTK_IS_LABEL (widget))
    name = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_BUTTON (widget))
    name = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_CHECK_BUTTON (widget))
    name = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  else if (GTK_IS_MENU_BUTTON (widget))
    name = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    name = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  else if (ADW_IS_PREFERENCES_GROUP (widget))
    name = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget));
  else if (ADW_IS_WINDOW_TITLE (widget))
    name = adw_window_title_get_title (ADW_WINDOW_TITLE (widget));
  else if (ADW_IS_STATUS_PAGE (widget))
    name = adw_status_page_get_title (ADW_STATUS_PAGE (widget));
  else if (ADW_IS_BUTTON_CONTENT (widget))
    name = adw_button_content_get_label (ADW_BUTTON_CONTENT (widget));
  if (name == NULL || *name == '\0')
    name = gtk_widget_get_tooltip_text (widget);
  return name;
}

typedef struct {
  GType type;
  const char *label;
} TypeAndLabel;

static gboolean
has_type_and_label (GtkWidget     *widget,
                    gconstpointer  data)
{
  const TypeAndLabel *wanted = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, wanted->type) &&
         (wanted->label == NULL || g_strcmp0 (name_of (widget), wanted->label) == 0);
}

GtkWidget *
amigo_test_ui_find_by_type (gpointer    root,
                            GType       type,
                            const char *label)
{
  TypeAndLabel wanted = { type, label };

  return find_first (root, has_type_and_label, &wanted);
}

GtkWidget *
amigo_test_ui_find_by_label (gpointer    root,
                             const char *label)
{
  return amigo_test_ui_find_by_type (root, GTK_TYPE_WIDGET, label);
}

/**
 * amigo_test_ui_find_all:
 *
 * Returns: (transfer container) (element-type GtkWidget): the widgets
 */
GPtrArray *
amigo_test_ui_find_all (gpointer root,
                        GType    type)
{
  TypeAndLabel wanted = { type, NULL };
  GPtrArray *found = g_ptr_array_new ();

  walk (root, has_type_and_label, &wanted, found, TRUE);
  return found;
}

/* ---- screenshots -------------------------------------------------------- */

static gboolean
count_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

/* Draws the popovers open in @widget's tree over it, where X placed them
 * (each is a surface of its own); whatever hangs past the edge stays, on
 * a transparent background. */
static void
snapshot_popovers (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  g_autoptr(GPtrArray) popovers = amigo_test_ui_find_all (widget, GTK_TYPE_POPOVER);
  double widget_x, widget_y;

  gtk_native_get_surface_transform (gtk_widget_get_native (widget), &widget_x, &widget_y);
  for (guint i = 0; i < popovers->len; i++)
    {
      GtkWidget *popover = g_ptr_array_index (popovers, i);
      g_autoptr(GdkPaintable) paintable = NULL;
      GdkSurface *popup;
      double popover_x, popover_y;

      if (!gtk_widget_get_mapped (popover))
        continue;
      popup = gtk_native_get_surface (GTK_NATIVE (popover));
      gtk_native_get_surface_transform (GTK_NATIVE (popover), &popover_x, &popover_y);
      paintable = gtk_widget_paintable_new (popover);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (gdk_popup_get_position_x (GDK_POPUP (popup)) + popover_x - widget_x,
                                                              gdk_popup_get_position_y (GDK_POPUP (popup)) + popover_y - widget_y));
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                              gtk_widget_get_width (popover), gtk_widget_get_height (popover));
      gtk_snapshot_restore (snapshot);
    }
}

void
amigo_test_ui_save_png (gpointer    window,
                        const char *path)
{
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  graphene_rect_t bounds;
  guint count = 0;
  guint tick;
  int width, height;

  if (GTK_IS_WINDOW (widget))
    gtk_window_present (GTK_WINDOW (widget));
  AMIGO_TEST_WAIT_FOR (gtk_widget_get_mapped (widget), SCREENSHOT_WAIT_SECONDS);
  tick = gtk_widget_add_tick_callback (widget, count_tick_cb, &count, NULL);
  AMIGO_TEST_WAIT_FOR (count >= SCREENSHOT_FRAMES, SCREENSHOT_WAIT_SECONDS);
  gtk_widget_remove_tick_callback (widget, tick);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  snapshot_popovers (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  gsk_render_node_get_bounds (node, &bounds);
  graphene_rect_union (&bounds, &GRAPHENE_RECT_INIT (0, 0, width, height), &bounds);
  bounds.origin.x = MAX (bounds.origin.x, 0);
  bounds.origin.y = MAX (bounds.origin.y, 0);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node, &bounds);
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Could not write %s", path);
  g_test_message ("Saved %s (%d×%d)", path, gdk_texture_get_width (texture), gdk_texture_get_height (texture));
}

void
amigo_test_ui_maybe_screenshot (gpointer    window,
                                const char *name)
{
  const char *dir = g_getenv ("AMIGO_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL || *dir == '\0')
    return;
  path = g_build_filename (dir, name, NULL);
  amigo_test_ui_save_png (window, path);
}

/* ---- the fault proxy ---------------------------------------------------- */

static JsonNode *
proxy_call (const char *method,
            const char *path,
            const char *json)
{
  return amigo_test_control (g_getenv ("AMIGO_FAULT_PROXY"), method, path, json);
}

void
amigo_test_ui_fault (const char *json)
{
  g_autoptr(JsonNode) reply = proxy_call ("POST", "/__fault__", json);
}

void
amigo_test_ui_fault_reset (void)
{
  g_autoptr(JsonNode) reply = proxy_call ("POST", "/__fault__/reset", NULL);
}

guint
amigo_test_ui_fault_count (const char *table,
                           const char *action)
{
  g_autoptr(JsonNode) log = proxy_call ("GET", "/__fault__/log", NULL);
  JsonObject *counts = json_object_get_object_member (json_node_get_object (log), table);

  g_assert_nonnull (counts);
  return json_object_get_int_member_with_default (counts, action, 0);
}

/* ---- set-up ------------------------------------------------------------- */

void
amigo_test_ui_init_gtk (int    *argc,
                        char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* Its class init registers the resources (templates, icons, CSS). */
  g_type_class_unref (g_type_class_ref (AMIGO_TYPE_APPLICATION));
}

int
amigo_test_ui_init (int    *argc,
                    char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  const char *endpoint = g_getenv ("AMIGO_TEST_ENDPOINT");

  if (endpoint == NULL || g_getenv ("AMIGO_TEST_ACCESS_KEY_ID") == NULL)
    {
      g_printerr ("Run me inside tests/moto-harness.sh\n");
      return 77;
    }

  /* The account a person gets by exporting AWS_* variables. */
  g_setenv ("AWS_ACCESS_KEY_ID", g_getenv ("AMIGO_TEST_ACCESS_KEY_ID"), TRUE);
  g_setenv ("AWS_SECRET_ACCESS_KEY", g_getenv ("AMIGO_TEST_SECRET_ACCESS_KEY"), TRUE);
  g_setenv ("AWS_ENDPOINT_URL", endpoint, TRUE);
  g_setenv ("AWS_REGION", "us-east-1", TRUE);
  g_unsetenv ("AWS_PROFILE");

  amigo_test_ui_init_gtk (argc, argv);

  envp = g_get_environ ();
  config = amigo_aws_config_load ((const char * const *) envp, &error);
  g_assert_no_error (error);
  account = amigo_account_new_environment (config);

  amigo_account_get_client_async (account, NULL, store_result_cb, &result);
  client = amigo_account_get_client_finish (account, wait_result (&result), &error);
  g_assert_no_error (error);
  return 0;
}

/**
 * amigo_test_ui_get_account: (skip)
 */
AmigoAccount *
amigo_test_ui_get_account (void)
{
  return account;
}

AmigoClient *
amigo_test_ui_get_client (void)
{
  return client;
}

/**
 * amigo_test_ui_get_ec2:
 *
 * Returns: (transfer full): EC2 in @region through moto
 */
AmigoEc2 *
amigo_test_ui_get_ec2 (const char *region)
{
  g_autoptr(GError) error = NULL;
  AmigoEc2 *ec2 = amigo_ec2_new_for_account (account, client, region, &error);

  g_assert_no_error (error);
  return ec2;
}

/**
 * amigo_test_ui_new_context:
 *
 * Returns: (transfer full): a context as the window would make it, without
 *   a task manager
 */
AmigoActionContext *
amigo_test_ui_new_context (const char *region,
                           GPtrArray  *images)
{
  return amigo_action_context_new (account, client, region, images, NULL);
}

/**
 * amigo_test_ui_describe_images:
 *
 * Returns: (transfer full) (element-type AmigoImage): the images
 */
GPtrArray *
amigo_test_ui_describe_images (AmigoEc2                         *ec2,
                               const AmigoDescribeImagesRequest *request)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *images;

  amigo_ec2_describe_images_async (ec2, request, NULL, store_result_cb, &result);
  images = amigo_ec2_describe_images_finish (ec2, wait_result (&result), NULL, &error);
  g_assert_no_error (error);
  return images;
}

/**
 * amigo_test_ui_get_image:
 *
 * Returns: (transfer full) (nullable): the image, or %NULL when EC2 no
 *   longer lists it
 */
AmigoImage *
amigo_test_ui_get_image (AmigoEc2   *ec2,
                         const char *image_id)
{
  const char *ids[] = { image_id, NULL };
  AmigoDescribeImagesRequest request = { .image_ids = ids, .include_deprecated = TRUE, .include_disabled = TRUE };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GError) error = NULL;

  amigo_ec2_describe_images_async (ec2, &request, NULL, store_result_cb, &result);
  images = amigo_ec2_describe_images_finish (ec2, wait_result (&result), NULL, &error);
  if (g_error_matches (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SERVICE) &&
      g_str_has_prefix (amigo_aws_error_get_aws_code (error) ?: "", "InvalidAMIID"))
    return NULL;
  g_assert_no_error (error);
  if (images == NULL || images->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (images, 0));
}

char *
amigo_test_ui_run_instance (AmigoEc2   *ec2,
                            const char *name)
{
  static const char * const amazon[] = { "amazon", NULL };
  static const char * const x86[] = { "x86_64", NULL };
  static const char * const ebs[] = { "ebs", NULL };
  AmigoEc2Filter filters[] = { { "architecture", x86 }, { "root-device-type", ebs } };
  AmigoDescribeImagesRequest images_request = { .owners = amazon, .filters = filters, .n_filters = 2 };
  g_autoptr(GPtrArray) images = amigo_test_ui_describe_images (ec2, &images_request);
  AmigoEc2Tag tags[] = { { "Name", name } };
  AmigoRunInstancesRequest request = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) instances = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = amigo_client_token_new ();

  g_assert_cmpuint (images->len, >, 0);
  request.image_id = amigo_image_get_image_id (g_ptr_array_index (images, 0));
  request.instance_type = "t3.micro";
  request.min_count = 1;
  request.max_count = 1;
  request.instance_tags = tags;
  request.n_instance_tags = 1;
  request.client_token = token;

  amigo_ec2_run_instances_async (ec2, &request, NULL, store_result_cb, &result);
  instances = amigo_ec2_run_instances_finish (ec2, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (instances->len, ==, 1);
  return g_strdup (amigo_instance_get_instance_id (g_ptr_array_index (instances, 0)));
}

char *
amigo_test_ui_create_image (AmigoEc2   *ec2,
                            const char *instance_id,
                            const char *name)
{
  AmigoCreateImageRequest request = { .instance_id = instance_id, .name = name, .no_reboot = TRUE };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *image_id;

  amigo_ec2_create_image_async (ec2, &request, NULL, store_result_cb, &result);
  image_id = amigo_ec2_create_image_finish (ec2, wait_result (&result), NULL, &error);
  g_assert_no_error (error);
  return image_id;
}

static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_INSCRIPTION (widget) && gtk_inscription_get_text (GTK_INSCRIPTION (widget)))
    g_string_append_printf (out, "%s\n", gtk_inscription_get_text (GTK_INSCRIPTION (widget)));
  else if (GTK_IS_EDITABLE (widget) && !GTK_IS_TEXT (widget))
    g_string_append_printf (out, "%s\n", gtk_editable_get_text (GTK_EDITABLE (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

/**
 * amigo_test_ui_collect_text:
 *
 * Returns: (transfer full): every visible label, entry and inscription text
 */
char *
amigo_test_ui_collect_text (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  collect_text (widget, out);
  return g_string_free (out, FALSE);
}

static gboolean
has_widget_name (GtkWidget     *widget,
                 gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

GtkWidget *
amigo_test_ui_find_by_name (gpointer    root,
                            const char *name)
{
  return find_first (GTK_WIDGET (root), has_widget_name, name);
}

void
amigo_test_ui_in_own_process (gconstpointer data)
{
  if (g_test_subprocess ())
    {
      ((GTestFunc) data) ();
      return;
    }
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}
