/* test-ui-manage.c — the image management dialogs, end to end against moto
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Permissions, tags, deprecation, description and deregistration: each
 * dialog is opened on images made in moto (tests/moto-harness.sh, every
 * signature checked), filled through its widgets, submitted through its
 * primary button, and moto's state is then read back with the Describe
 * calls. The validation cases check that an invalid field blocks the
 * button and says why, and that nothing reached moto.
 *
 * With AMIGO_SCREENSHOT_DIR set, each dialog is saved there as a PNG.
 */
#include "config.h"

#include <string.h>

#include "amigo-test-ui.h"
#include "amigo-actions.h"
#include "amigo-ec2-limits.h"
#include "amigo-error.h"
#include "amigo-deprecation-dialog.h"
#include "amigo-deregister-dialog.h"
#include "amigo-description-dialog.h"
#include "amigo-permissions-dialog.h"
#include "amigo-tags-dialog.h"

#define REGION "us-east-1"
#define WAIT_SECONDS 120

static AmigoEc2 *ec2;
static char *instance_id;

/* ---- helpers ---------------------------------------------------------- */

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **result)
{
  AMIGO_TEST_WAIT_FOR (*result != NULL, WAIT_SECONDS);
  return *result;
}

static char *
unique_name (const char *prefix)
{
  static guint counter;

  /* Names as builds get them; unique, as EC2 wants them per region. */
  return g_strdup_printf ("%s-%06u.%u", prefix, (guint) (g_get_real_time () % 1000000), ++counter);
}

/* A new image of the test instance, as DescribeImages shows it. */
static AmigoImage *
new_image (const char *prefix)
{
  g_autofree char *name = unique_name (prefix);
  g_autofree char *image_id = amigo_test_ui_create_image (ec2, instance_id, name);
  AmigoImage *image = amigo_test_ui_get_image (ec2, image_id);

  g_assert_nonnull (image);
  return image;
}

static AmigoImage *
refetch (AmigoImage *image)
{
  return amigo_test_ui_get_image (ec2, amigo_image_get_image_id (image));
}

static AmigoImageAttribute *
describe_attribute (const char              *image_id,
                    AmigoImageAttributeName  name)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AmigoImageAttribute *attribute;

  amigo_ec2_describe_image_attribute_async (ec2, image_id, name, NULL, store_result_cb, &result);
  attribute = amigo_ec2_describe_image_attribute_finish (ec2, wait_result (&result), &error);
  g_assert_no_error (error);
  return attribute;
}

/* What the dialog's context told the window. */
typedef struct {
  guint changed;
  char *toast;
} News;

static void
on_changed_cb (AmigoActionContext *context,
               News               *news)
{
  news->changed++;
}

static void
on_toast_cb (AmigoActionContext *context,
             const char         *text,
             News               *news)
{
  g_free (news->toast);
  news->toast = g_strdup (text);
}

static void
news_clear (News *news)
{
  g_clear_pointer (&news->toast, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (News, news_clear)

static AmigoActionContext *
new_context (News *news,
             ...)
{
  g_autoptr(GPtrArray) images = g_ptr_array_new_with_free_func (g_object_unref);
  AmigoActionContext *context;
  AmigoImage *image;
  va_list args;

  va_start (args, news);
  while ((image = va_arg (args, AmigoImage *)) != NULL)
    g_ptr_array_add (images, g_object_ref (image));
  va_end (args);

  context = amigo_test_ui_new_context (REGION, images);
  g_signal_connect (context, "changed", G_CALLBACK (on_changed_cb), news);
  g_signal_connect (context, "toast", G_CALLBACK (on_toast_cb), news);
  return context;
}

static gboolean
label_shows (GtkLabel *label)
{
  return gtk_widget_get_visible (GTK_WIDGET (label)) &&
         *gtk_label_get_text (label) != '\0';
}

/* Shows @dialog and keeps a weak pointer that clears when it is gone. */
static void
show (gpointer  dialog,
      gpointer *weak)
{
  *weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), weak);
  gtk_window_present (GTK_WINDOW (dialog));
  amigo_test_ui_settle ();
}

static void
close_dialog (gpointer *weak)
{
  if (*weak == NULL)
    return;
  gtk_window_destroy (GTK_WINDOW (*weak));
  AMIGO_TEST_WAIT_FOR (*weak == NULL, WAIT_SECONDS);
}

/* ---- block public access, for setting up --------------------------- */

typedef enum {
  BPA_ENABLE,
  BPA_DISABLE,
} BpaCall;

static char *
block_public_access (BpaCall call)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *state = NULL;

  if (call == BPA_ENABLE)
    {
      amigo_ec2_enable_image_block_public_access_async (ec2, NULL, store_result_cb, &result);
      state = amigo_ec2_enable_image_block_public_access_finish (ec2, wait_result (&result), &error);
    }
  else
    {
      amigo_ec2_disable_image_block_public_access_async (ec2, NULL, store_result_cb, &result);
      state = amigo_ec2_disable_image_block_public_access_finish (ec2, wait_result (&result), &error);
    }
  g_assert_no_error (error);
  g_assert_nonnull (state);
  return state;
}

/* ---- permissions ------------------------------------------------------ */

#define OTHER_ACCOUNT "111122223333"
#define ORG_ARN "arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5"
#define OU_ARN "arn:aws:organizations::111122223333:ou/o-a1b2c3d4e5/ou-ab12-cd34ef56"

static void
test_permissions_parse (void)
{
  static const struct {
    const char *text;
    AmigoShareKind kind;
    const char *normalized;
  } table[] = {
    { OTHER_ACCOUNT, AMIGO_SHARE_ACCOUNT, OTHER_ACCOUNT },
    { " 1111-2222-3333 ", AMIGO_SHARE_ACCOUNT, OTHER_ACCOUNT },
    { "1111 2222 3333", AMIGO_SHARE_ACCOUNT, OTHER_ACCOUNT },
    { "11112222333", AMIGO_SHARE_INVALID, NULL },
    { "1111222233334", AMIGO_SHARE_INVALID, NULL },
    { "11112222333a", AMIGO_SHARE_INVALID, NULL },
    { ORG_ARN, AMIGO_SHARE_ORGANIZATION, ORG_ARN },
    { "arn:aws-us-gov:organizations::111122223333:organization/o-a1b2c3d4e5",
      AMIGO_SHARE_ORGANIZATION, "arn:aws-us-gov:organizations::111122223333:organization/o-a1b2c3d4e5" },
    { "arn:aws:organizations::111122223333:organization/o-short", AMIGO_SHARE_INVALID, NULL },
    { "arn:aws:organizations::111122223333:organization/o-A1B2C3D4E5", AMIGO_SHARE_INVALID, NULL },
    { "arn:aws:organizations::11112222333:organization/o-a1b2c3d4e5", AMIGO_SHARE_INVALID, NULL },
    { OU_ARN, AMIGO_SHARE_ORGANIZATIONAL_UNIT, OU_ARN },
    { "arn:aws:organizations::111122223333:ou/o-a1b2c3d4e5/ou-ab12", AMIGO_SHARE_INVALID, NULL },
    { "arn:aws:iam::111122223333:root", AMIGO_SHARE_INVALID, NULL },
    { "everyone", AMIGO_SHARE_INVALID, NULL },
    { "", AMIGO_SHARE_INVALID, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autofree char *normalized = NULL;
      g_autofree char *problem = NULL;
      AmigoShareKind kind = amigo_permissions_parse_share (table[i].text, &normalized, &problem);

      g_test_message ("%s", table[i].text);
      g_assert_cmpint (kind, ==, table[i].kind);
      g_assert_cmpstr (normalized, ==, table[i].normalized);
      if (kind == AMIGO_SHARE_INVALID)
        g_assert_nonnull (problem);
      else
        g_assert_null (problem);
    }
}

static AmigoPermissionsDialog *
open_permissions (AmigoActionContext  *context,
                  gpointer            *weak)
{
  show (amigo_permissions_dialog_new (NULL, context), weak);
  AMIGO_TEST_WAIT_FOR (amigo_permissions_dialog_get_loaded (*weak), WAIT_SECONDS);
  return *weak;
}

static void
type_share (AmigoPermissionsDialog *dialog,
            const char             *text)
{
  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "add_row")), text);
  amigo_test_ui_click (amigo_test_ui_find (dialog, "add_button"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "add_row"))), ==, "");
}

typedef struct {
  gboolean public;
  GPtrArray *users;
  GPtrArray *organizations;
  GPtrArray *units;
} Permissions;

static void
permissions_clear (Permissions *p)
{
  g_clear_pointer (&p->users, g_ptr_array_unref);
  g_clear_pointer (&p->organizations, g_ptr_array_unref);
  g_clear_pointer (&p->units, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Permissions, permissions_clear)

/* Who may launch @image, as moto says. */
static void
read_permissions (AmigoImage  *image,
                  Permissions *out)
{
  g_autoptr(AmigoImageAttribute) attribute =
    describe_attribute (amigo_image_get_image_id (image), AMIGO_IMAGE_ATTRIBUTE_LAUNCH_PERMISSION);
  const AmigoLaunchPermission *permissions;
  guint n = 0;

  out->public = FALSE;
  out->users = g_ptr_array_new_with_free_func (g_free);
  out->organizations = g_ptr_array_new_with_free_func (g_free);
  out->units = g_ptr_array_new_with_free_func (g_free);
  permissions = amigo_image_attribute_get_launch_permissions (attribute, &n);
  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (permissions[i].group, "all") == 0)
        out->public = TRUE;
      if (permissions[i].user_id != NULL)
        g_ptr_array_add (out->users, g_strdup (permissions[i].user_id));
      if (permissions[i].organization_arn != NULL)
        g_ptr_array_add (out->organizations, g_strdup (permissions[i].organization_arn));
      if (permissions[i].organizational_unit_arn != NULL)
        g_ptr_array_add (out->units, g_strdup (permissions[i].organizational_unit_arn));
    }
}

static gboolean
strv_has (GPtrArray  *array,
          const char *value)
{
  return g_ptr_array_find_with_equal_func (array, value, g_str_equal, NULL);
}

static void
test_permissions_share_and_unshare (void)
{
  g_autoptr(AmigoImage) image = new_image ("shared-base");
  g_auto(News) news = { 0 };
  g_autoptr(AmigoActionContext) context = new_context (&news, image, NULL);
  g_auto(Permissions) shared = { 0 };
  g_auto(Permissions) unshared = { 0 };
  AmigoPermissionsDialog *dialog = NULL;

  /* Private and shared with nobody, to begin with. */
  open_permissions (context, (gpointer *) &dialog);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (amigo_test_ui_find (dialog, "private_check"))));
  g_assert_cmpuint (amigo_permissions_dialog_get_n_shares (dialog), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "apply_button")));

  type_share (dialog, OTHER_ACCOUNT);
  type_share (dialog, ORG_ARN);
  g_assert_cmpuint (amigo_permissions_dialog_get_n_shares (dialog), ==, 2);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (amigo_test_ui_find (dialog, "public_check")), TRUE);
  /* Typed but not added: Apply takes it too. */
  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "add_row")), OU_ARN);
  amigo_test_ui_click (amigo_test_ui_find (dialog, "apply_button"));
  AMIGO_TEST_WAIT_FOR (dialog == NULL, WAIT_SECONDS);
  g_assert_cmpuint (news.changed, ==, 1);
  g_assert_nonnull (news.toast);

  read_permissions (image, &shared);
  g_assert_true (shared.public);
  g_assert_cmpuint (shared.users->len, ==, 1);
  g_assert_true (strv_has (shared.users, OTHER_ACCOUNT));
  g_assert_cmpuint (shared.organizations->len, ==, 1);
  g_assert_true (strv_has (shared.organizations, ORG_ARN));
  g_assert_cmpuint (shared.units->len, ==, 1);
  g_assert_true (strv_has (shared.units, OU_ARN));

  /* The dialog shows what AWS has; removing everything unshares. */
  open_permissions (context, (gpointer *) &dialog);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (amigo_test_ui_find (dialog, "public_check"))));
  g_assert_cmpuint (amigo_permissions_dialog_get_n_shares (dialog), ==, 3);
  amigo_test_ui_maybe_screenshot (dialog, "permissions.png");
  while (amigo_permissions_dialog_get_n_shares (dialog) > 0)
    amigo_test_ui_click (amigo_test_ui_find_by_type (amigo_test_ui_find (dialog, "shares_list"),
                                                     GTK_TYPE_BUTTON, "Stop Sharing"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (amigo_test_ui_find (dialog, "private_check")), TRUE);
  amigo_test_ui_click (amigo_test_ui_find (dialog, "apply_button"));
  AMIGO_TEST_WAIT_FOR (dialog == NULL, WAIT_SECONDS);
  g_assert_cmpuint (news.changed, ==, 2);

  read_permissions (image, &unshared);
  g_assert_false (unshared.public);
  g_assert_cmpuint (unshared.users->len, ==, 0);
  g_assert_cmpuint (unshared.organizations->len, ==, 0);
  g_assert_cmpuint (unshared.units->len, ==, 0);
}

static void
test_permissions_invalid (void)
{
  g_autoptr(AmigoImage) image = new_image ("shared-invalid");
  g_auto(News) news = { 0 };
  g_autoptr(AmigoActionContext) context = new_context (&news, image, NULL);
  g_auto(Permissions) after = { 0 };
  const char *invalid[] = {
    "12345678901",
    "1234567890123",
    "arn:aws:organizations::111122223333:organization/o-short",
    "arn:aws:organizations::111122223333:ou/o-a1b2c3d4e5",
    "arn:aws:iam::111122223333:root",
    amigo_image_get_owner_id (image),                 /* the image's own account */
    "1111-2222-3333",                                 /* already in the list */
  };
  AmigoPermissionsDialog *dialog = NULL;

  open_permissions (context, (gpointer *) &dialog);
  type_share (dialog, OTHER_ACCOUNT);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("%s", invalid[i]);
      gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "add_row")), invalid[i]);
      g_assert_true (label_shows (GTK_LABEL (amigo_test_ui_find (dialog, "problem_label"))));
      g_assert_true (gtk_widget_has_css_class (amigo_test_ui_find (dialog, "add_row"), "error"));
      g_assert_false (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "add_button")));
      /* The account added above is a change, but not with this pending. */
      g_assert_false (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "apply_button")));
      g_signal_emit_by_name (GTK_BUTTON (amigo_test_ui_find (dialog, "apply_button")), "clicked");
      g_assert_false (amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (dialog)));
    }
  g_assert_cmpuint (amigo_permissions_dialog_get_n_shares (dialog), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "add_row")), "");
  g_assert_false (label_shows (GTK_LABEL (amigo_test_ui_find (dialog, "problem_label"))));
  g_assert_true (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "apply_button")));
  close_dialog ((gpointer *) &dialog);

  read_permissions (image, &after);
  g_assert_cmpuint (after.users->len, ==, 0);
  g_assert_false (after.public);
  g_assert_cmpuint (news.changed, ==, 0);
}

static void
test_permissions_public_blocked (void)
{
  g_autoptr(AmigoImage) image = new_image ("shared-blocked");
  g_auto(News) news = { 0 };
  g_autoptr(AmigoActionContext) context = new_context (&news, image, NULL);
  g_autofree char *enabled = block_public_access (BPA_ENABLE);
  g_autofree char *disabled = NULL;
  g_autofree char *text = NULL;
  AmigoPermissionsDialog *dialog = NULL;

  open_permissions (context, (gpointer *) &dialog);
  g_assert_true (amigo_permissions_dialog_get_blocked (dialog));
  g_assert_false (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "public_row")));
  g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (dialog, "blocked_row")));
  text = amigo_test_ui_collect_text (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (text, "Block public access"));
  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "add_row")), "1234-5678");
  amigo_test_ui_maybe_screenshot (dialog, "permissions-blocked.png");
  /* Sharing with an account is still possible. */
  type_share (dialog, OTHER_ACCOUNT);
  g_assert_true (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "apply_button")));
  close_dialog ((gpointer *) &dialog);

  disabled = block_public_access (BPA_DISABLE);
  open_permissions (context, (gpointer *) &dialog);
  g_assert_false (amigo_permissions_dialog_get_blocked (dialog));
  g_assert_true (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "public_row")));
  g_assert_false (gtk_widget_get_visible (amigo_test_ui_find (dialog, "blocked_row")));
  close_dialog ((gpointer *) &dialog);
}

/* ---- tags ------------------------------------------------------------- */

static void
set_tags (AmigoImage        *image,
          const AmigoEc2Tag *tags,
          guint              n_tags)
{
  const char *ids[] = { amigo_image_get_image_id (image), NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  amigo_ec2_create_tags_async (ec2, ids, tags, n_tags, NULL, store_result_cb, &result);
  g_assert_true (amigo_ec2_create_tags_finish (ec2, wait_result (&result), &error));
  g_assert_no_error (error);
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The image's tags as "key=value" lines, sorted. */
static char *
tags_text (AmigoImage *image)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const AmigoTag *tags;
  guint n = 0;

  tags = amigo_image_get_tags (image, &n);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (lines, g_strdup_printf ("%s=%s", tags[i].key, tags[i].value ? tags[i].value : ""));
  g_ptr_array_sort (lines, compare_strings);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv (";", (char **) lines->pdata);
}

/* One line of the tags list, as a person sees it: key and value entries,
 * a remove button (none for a tag AWS set) and the line's problem. */
typedef struct {
  GtkWidget *key_entry;
  GtkWidget *value_entry;
  GtkWidget *remove_button;
  GtkLabel *problem_label;
} TagLine;

static GPtrArray *
tag_rows (AmigoTagsDialog *dialog)
{
  return amigo_test_ui_find_all (amigo_test_ui_find (dialog, "tags_list"), GTK_TYPE_LIST_BOX_ROW);
}

static guint
n_tag_lines (AmigoTagsDialog *dialog)
{
  g_autoptr(GPtrArray) rows = tag_rows (dialog);

  return rows->len;
}

static TagLine
tag_line (GtkWidget *row)
{
  g_autoptr(GPtrArray) entries = amigo_test_ui_find_all (row, GTK_TYPE_ENTRY);
  g_autoptr(GPtrArray) labels = amigo_test_ui_find_all (row, GTK_TYPE_LABEL);
  TagLine line = { 0 };

  g_assert_cmpuint (entries->len, ==, 2);
  line.key_entry = g_ptr_array_index (entries, 0);
  line.value_entry = g_ptr_array_index (entries, 1);
  line.remove_button = amigo_test_ui_find_by_type (row, GTK_TYPE_BUTTON, NULL);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "error"))
      line.problem_label = g_ptr_array_index (labels, i);
  g_assert_nonnull (line.problem_label);
  return line;
}

static TagLine
find_line (AmigoTagsDialog *dialog,
           const char      *key)
{
  g_autoptr(GPtrArray) rows = tag_rows (dialog);

  for (guint i = 0; i < rows->len; i++)
    {
      TagLine line = tag_line (g_ptr_array_index (rows, i));

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (line.key_entry)), key) == 0)
        return line;
    }
  g_error ("No tag line with the key %s", key);
}

static TagLine
add_tag_line (AmigoTagsDialog *dialog,
              const char      *key,
              const char      *value)
{
  g_autoptr(GPtrArray) rows = NULL;
  TagLine line;

  amigo_test_ui_click (amigo_test_ui_find (dialog, "add_button"));
  rows = tag_rows (dialog);
  line = tag_line (g_ptr_array_index (rows, rows->len - 1));
  gtk_editable_set_text (GTK_EDITABLE (line.key_entry), key);
  gtk_editable_set_text (GTK_EDITABLE (line.value_entry), value);
  return line;
}

static void
test_tags_edit (void)
{
  g_autoptr(AmigoImage) untagged = new_image ("tagged-web");
  const AmigoEc2Tag initial[] = { { "Name", "web" }, { "Stage", "test" }, { "Owner", "ops" } };
  g_autoptr(AmigoImage) image = NULL;
  g_autoptr(AmigoImage) after = NULL;
  g_autoptr(AmigoActionContext) context = NULL;
  g_auto(News) news = { 0 };
  g_autofree char *text = NULL;
  AmigoTagsDialog *dialog = NULL;

  set_tags (untagged, initial, G_N_ELEMENTS (initial));
  image = refetch (untagged);
  context = new_context (&news, image, NULL);

  show (amigo_tags_dialog_new (NULL, context), (gpointer *) &dialog);
  g_assert_cmpuint (n_tag_lines (dialog), ==, 3);
  g_assert_false (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "save_button")));

  gtk_editable_set_text (GTK_EDITABLE (find_line (dialog, "Stage").value_entry), "production");
  amigo_test_ui_click (find_line (dialog, "Owner").remove_button);
  add_tag_line (dialog, "Team", "platform");
  add_tag_line (dialog, "Empty value", "");
  /* A line left empty is no tag. */
  amigo_test_ui_click (amigo_test_ui_find (dialog, "add_button"));
  amigo_test_ui_maybe_screenshot (dialog, "tags.png");
  amigo_test_ui_click (amigo_test_ui_find (dialog, "save_button"));
  AMIGO_TEST_WAIT_FOR (dialog == NULL, WAIT_SECONDS);
  g_assert_cmpuint (news.changed, ==, 1);
  g_assert_nonnull (news.toast);

  after = refetch (image);
  text = tags_text (after);
  g_assert_cmpstr (text, ==, "Empty value=;Name=web;Stage=production;Team=platform");
}

static void
test_tags_invalid (void)
{
  g_autoptr(AmigoImage) untagged = new_image ("tagged-invalid");
  const AmigoEc2Tag initial[] = { { "Name", "web" } };
  g_autoptr(AmigoImage) image = NULL;
  g_autoptr(AmigoImage) after = NULL;
  g_autoptr(AmigoActionContext) context = NULL;
  g_autofree char *long_key = g_strnfill (AMIGO_EC2_TAG_KEY_MAX + 1, 'k');
  g_autofree char *long_value = g_strnfill (AMIGO_EC2_TAG_VALUE_MAX + 1, 'v');
  g_autofree char *longest_key = g_strnfill (AMIGO_EC2_TAG_KEY_MAX, 'k');
  g_autofree char *longest_value = g_strnfill (AMIGO_EC2_TAG_VALUE_MAX, 'v');
  g_autofree char *text = NULL;
  g_auto(News) news = { 0 };
  const struct {
    const char *key;
    const char *value;
  } invalid[] = {
    { "Name", "again" },                /* the key is used already */
    { "aws:owner", "me" },              /* reserved */
    { "AWS:Owner", "me" },
    { long_key, "x" },
    { "Long", long_value },
    { "", "a value without a key" },
  };
  AmigoTagsDialog *dialog = NULL;

  set_tags (untagged, initial, G_N_ELEMENTS (initial));
  image = refetch (untagged);
  context = new_context (&news, image, NULL);
  show (amigo_tags_dialog_new (NULL, context), (gpointer *) &dialog);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      TagLine line = add_tag_line (dialog, invalid[i].key, invalid[i].value);

      if (i == 0)
        amigo_test_ui_maybe_screenshot (dialog, "tags-invalid.png");

      g_test_message ("%s=%s", invalid[i].key, invalid[i].value);
      g_assert_true (label_shows (line.problem_label));
      g_assert_false (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "save_button")));
      g_signal_emit_by_name (GTK_BUTTON (amigo_test_ui_find (dialog, "save_button")), "clicked");
      g_assert_false (amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (dialog)));
      amigo_test_ui_click (line.remove_button);
    }

  /* At the limits, it is fine. */
  add_tag_line (dialog, longest_key, longest_value);
  g_assert_true (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "save_button")));
  close_dialog ((gpointer *) &dialog);

  after = refetch (image);
  text = tags_text (after);
  g_assert_cmpstr (text, ==, "Name=web");
  g_assert_cmpuint (news.changed, ==, 0);
}

/* ---- deprecation ------------------------------------------------------ */

static void
choose_time (AmigoDeprecationDialog *dialog,
             GDateTime              *utc)
{
  g_autoptr(GDateTime) day = g_date_time_new_local (g_date_time_get_year (utc),
                                                    g_date_time_get_month (utc),
                                                    g_date_time_get_day_of_month (utc), 12, 0, 0);
  g_autoptr(GDateTime) chosen = NULL;

  gtk_calendar_select_day (GTK_CALENDAR (amigo_test_ui_find (dialog, "calendar")), day);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (amigo_test_ui_find (dialog, "hour_spin")), g_date_time_get_hour (utc));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (amigo_test_ui_find (dialog, "minute_spin")), g_date_time_get_minute (utc));
  chosen = amigo_deprecation_dialog_dup_time (dialog);
  g_assert_cmpint (g_date_time_to_unix (chosen), ==, g_date_time_to_unix (utc) / 60 * 60);
}

static void
test_deprecation_set_and_clear (void)
{
  g_autoptr(AmigoImage) first = new_image ("web-server");
  g_autoptr(AmigoImage) second = new_image ("web-server");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 3);
  g_autoptr(GDateTime) at = g_date_time_new_utc (g_date_time_get_year (later), g_date_time_get_month (later),
                                                 g_date_time_get_day_of_month (later), 12, 34, 0);
  g_autoptr(AmigoActionContext) context = NULL;
  g_autoptr(AmigoActionContext) again = NULL;
  g_autoptr(AmigoImage) first_set = NULL;
  g_autoptr(AmigoImage) second_set = NULL;
  g_autoptr(AmigoImage) first_cleared = NULL;
  g_autoptr(AmigoImage) second_cleared = NULL;
  g_auto(News) news = { 0 };
  g_autofree char *text = NULL;
  AmigoDeprecationDialog *dialog = NULL;

  context = new_context (&news, first, second, NULL);
  show (amigo_deprecation_dialog_new (NULL, context), (gpointer *) &dialog);
  g_assert_false (gtk_widget_get_visible (amigo_test_ui_find (dialog, "clear_group")));
  choose_time (dialog, at);
  amigo_test_ui_click (amigo_test_ui_find (dialog, "set_button"));
  AMIGO_TEST_WAIT_FOR (dialog == NULL, WAIT_SECONDS);
  g_assert_cmpuint (news.changed, ==, 1);
  g_assert_nonnull (news.toast);

  first_set = refetch (first);
  second_set = refetch (second);
  g_assert_cmpint (amigo_image_get_deprecation_time_usec (first_set), ==,
                   g_date_time_to_unix (at) * G_USEC_PER_SEC);
  g_assert_cmpint (amigo_image_get_deprecation_time_usec (second_set), ==,
                   g_date_time_to_unix (at) * G_USEC_PER_SEC);

  /* The dialog shows the time set, and starts from it. */
  again = new_context (&news, first_set, second_set, NULL);
  show (amigo_deprecation_dialog_new (NULL, again), (gpointer *) &dialog);
  g_assert_true (gtk_widget_get_visible (amigo_test_ui_find (dialog, "clear_group")));
  text = amigo_test_ui_collect_text (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (text, "To be deprecated on"));
  {
    g_autoptr(GDateTime) shown = amigo_deprecation_dialog_dup_time (dialog);

    g_assert_cmpint (g_date_time_to_unix (shown), ==, g_date_time_to_unix (at));
  }
  amigo_test_ui_maybe_screenshot (dialog, "deprecation.png");
  amigo_test_ui_click (amigo_test_ui_find (dialog, "clear_button"));
  AMIGO_TEST_WAIT_FOR (dialog == NULL, WAIT_SECONDS);
  g_assert_cmpuint (news.changed, ==, 2);

  first_cleared = refetch (first);
  second_cleared = refetch (second);
  g_assert_cmpint (amigo_image_get_deprecation_time_usec (first_cleared), ==, 0);
  g_assert_cmpint (amigo_image_get_deprecation_time_usec (second_cleared), ==, 0);
}

static void
test_deprecation_invalid (void)
{
  g_autoptr(AmigoImage) image = new_image ("old-build");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) minute_ago = g_date_time_add_minutes (now, -1);
  g_autoptr(GDateTime) eleven_years = g_date_time_add_years (now, 11);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(AmigoImage) after = NULL;
  g_auto(News) news = { 0 };
  g_autoptr(AmigoActionContext) context = new_context (&news, image, NULL);
  GDateTime *invalid[] = { yesterday, minute_ago, eleven_years };
  AmigoDeprecationDialog *dialog = NULL;

  show (amigo_deprecation_dialog_new (NULL, context), (gpointer *) &dialog);
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      choose_time (dialog, invalid[i]);
      if (i == 0)
        amigo_test_ui_maybe_screenshot (dialog, "deprecation-invalid.png");
      g_assert_true (label_shows (GTK_LABEL (amigo_test_ui_find (dialog, "problem_label"))));
      g_assert_false (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "set_button")));
      g_signal_emit_by_name (GTK_BUTTON (amigo_test_ui_find (dialog, "set_button")), "clicked");
      g_assert_false (amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (dialog)));
    }
  choose_time (dialog, tomorrow);
  g_assert_false (label_shows (GTK_LABEL (amigo_test_ui_find (dialog, "problem_label"))));
  g_assert_true (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "set_button")));
  close_dialog ((gpointer *) &dialog);

  after = refetch (image);
  g_assert_cmpint (amigo_image_get_deprecation_time_usec (after), ==, 0);
  g_assert_cmpuint (news.changed, ==, 0);
}

/* ---- description ------------------------------------------------------ */

static void
test_description_round_trip (void)
{
  g_autoptr(AmigoImage) image = new_image ("web-server");
  g_auto(News) news = { 0 };
  g_autoptr(AmigoActionContext) context = new_context (&news, image, NULL);
  g_autoptr(AmigoImage) after = NULL;
  AmigoDescriptionDialog *dialog = NULL;

  show (amigo_description_dialog_new (NULL, context), (gpointer *) &dialog);
  /* Nothing changed yet: nothing to save. */
  g_assert_false (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "save_button")));

  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "description_row")), "Web server, built by the ui test — 한국어 too");
  amigo_test_ui_maybe_screenshot (dialog, "description.png");
  amigo_test_ui_click (amigo_test_ui_find (dialog, "save_button"));
  AMIGO_TEST_WAIT_FOR (dialog == NULL, WAIT_SECONDS);

  after = refetch (image);
  g_assert_cmpstr (amigo_image_get_description (after), ==, "Web server, built by the ui test — 한국어 too");
  g_assert_cmpuint (news.changed, ==, 1);
  g_assert_nonnull (news.toast);
}

static void
test_description_too_long (void)
{
  g_autoptr(AmigoImage) image = new_image ("described");
  g_auto(News) news = { 0 };
  g_autoptr(AmigoActionContext) context = new_context (&news, image, NULL);
  g_autoptr(AmigoImage) after = NULL;
  g_autofree char *longest = NULL;
  g_autofree char *too_long = NULL;
  AmigoDescriptionDialog *dialog = NULL;
  GString *text;

  /* Characters, not bytes: 255 Hangul syllables are 765 bytes. */
  text = g_string_new (NULL);
  for (guint i = 0; i < AMIGO_EC2_IMAGE_DESCRIPTION_MAX; i++)
    g_string_append (text, "한");
  longest = g_string_free (text, FALSE);
  too_long = g_strconcat (longest, "a", NULL);

  show (amigo_description_dialog_new (NULL, context), (gpointer *) &dialog);

  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "description_row")), too_long);
  g_assert_false (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "save_button")));
  g_assert_true (label_shows (GTK_LABEL (amigo_test_ui_find (dialog, "problem_label"))));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (amigo_test_ui_find (dialog, "problem_label"))), "255"));
  g_assert_true (gtk_widget_has_css_class (amigo_test_ui_find (dialog, "description_row"), "error"));
  amigo_test_ui_maybe_screenshot (dialog, "description-too-long.png");
  g_signal_emit_by_name (GTK_BUTTON (amigo_test_ui_find (dialog, "save_button")), "clicked");
  amigo_test_ui_settle ();
  g_assert_false (amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (dialog)));

  gtk_editable_set_text (GTK_EDITABLE (amigo_test_ui_find (dialog, "description_row")), longest);
  g_assert_true (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "save_button")));
  g_assert_false (label_shows (GTK_LABEL (amigo_test_ui_find (dialog, "problem_label"))));
  g_assert_false (gtk_widget_has_css_class (amigo_test_ui_find (dialog, "description_row"), "error"));

  close_dialog ((gpointer *) &dialog);
  after = refetch (image);
  g_assert_cmpstr (amigo_image_get_description (after), ==, amigo_image_get_description (image));
  g_assert_cmpuint (news.changed, ==, 0);
}

/* ---- deregister ------------------------------------------------------- */

static GPtrArray *
snapshot_ids_of (AmigoImage *image)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  const AmigoBlockDeviceMapping *mappings;
  guint n = 0;

  mappings = amigo_image_get_block_device_mappings (image, &n);
  for (guint i = 0; i < n; i++)
    if (mappings[i].has_ebs && mappings[i].ebs.snapshot_id != NULL &&
        !g_ptr_array_find_with_equal_func (ids, mappings[i].ebs.snapshot_id, g_str_equal, NULL))
      g_ptr_array_add (ids, g_strdup (mappings[i].ebs.snapshot_id));
  return ids;
}

static gboolean
snapshot_exists (const char *snapshot_id)
{
  const char *ids[] = { snapshot_id, NULL };
  AmigoDescribeSnapshotsRequest request = { .snapshot_ids = ids };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(GError) error = NULL;

  amigo_ec2_describe_snapshots_async (ec2, &request, NULL, store_result_cb, &result);
  snapshots = amigo_ec2_describe_snapshots_finish (ec2, wait_result (&result), &error);
  if (amigo_aws_error_has_aws_code (error, "InvalidSnapshot.NotFound"))
    return FALSE;
  g_assert_no_error (error);
  return snapshots->len > 0;
}

/* Another image of the same root snapshot as @image. */
static AmigoImage *
register_from_snapshot (AmigoImage *image,
                        const char *snapshot_id)
{
  g_autofree char *name = unique_name ("rebuilt-from-snapshot");
  AmigoRegisterImageRequest request = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *image_id = NULL;
  AmigoImage *registered;

  request.name = name;
  request.architecture = "x86_64";
  request.virtualization_type = "hvm";
  request.root_device_name = amigo_image_get_root_device_name (image);
  request.root_snapshot_id = snapshot_id;
  amigo_ec2_register_image_async (ec2, &request, NULL, store_result_cb, &result);
  image_id = amigo_ec2_register_image_finish (ec2, wait_result (&result), NULL, &error);
  g_assert_no_error (error);
  registered = amigo_test_ui_get_image (ec2, image_id);
  g_assert_nonnull (registered);
  return registered;
}

static void
protect (AmigoImage *image)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;

  amigo_ec2_enable_image_deregistration_protection_async (ec2, amigo_image_get_image_id (image), FALSE,
                                                          NULL, store_result_cb, &result);
  state = amigo_ec2_enable_image_deregistration_protection_finish (ec2, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (state, "enabled"));
}

static AmigoDeregisterDialog *
open_deregister (AmigoActionContext *context,
                 gpointer           *weak)
{
  AmigoDeregisterDialog *dialog;

  show (amigo_deregister_dialog_new (NULL, context), weak);
  dialog = *weak;
  AMIGO_TEST_WAIT_FOR (!amigo_deregister_dialog_get_loading (dialog), WAIT_SECONDS);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (amigo_test_ui_find (dialog, "stack"))), ==, "confirm");
  return dialog;
}

static guint
n_listed_snapshots (AmigoDeregisterDialog *dialog)
{
  g_auto(GStrv) listed = amigo_deregister_dialog_dup_snapshot_ids (dialog);

  return g_strv_length (listed);
}

static gboolean
listed_snapshot (AmigoDeregisterDialog *dialog,
                 const char            *snapshot_id)
{
  g_auto(GStrv) listed = amigo_deregister_dialog_dup_snapshot_ids (dialog);

  return g_strv_contains ((const char * const *) listed, snapshot_id);
}

/* Presses Deregister and answers the question with @response. */
static void
confirm (AmigoDeregisterDialog *dialog,
         const char            *response,
         char                 **body,
         const char            *screenshot)
{
  AdwMessageDialog *question;

  amigo_test_ui_click (amigo_test_ui_find (dialog, "deregister_button"));
  question = amigo_deregister_dialog_get_confirm_dialog (dialog);
  g_assert_nonnull (question);
  if (screenshot != NULL)
    amigo_test_ui_maybe_screenshot (question, screenshot);
  if (body != NULL)
    *body = g_strdup (adw_message_dialog_get_body (question));
  adw_message_dialog_response (question, response);
  amigo_test_ui_settle ();
}

static void
test_deregister_shared_snapshot (void)
{
  g_autoptr(AmigoImage) first = new_image ("nightly-build");
  g_autoptr(AmigoImage) second = new_image ("nightly-build");
  g_autoptr(GPtrArray) first_snapshots = snapshot_ids_of (first);
  g_autoptr(GPtrArray) second_snapshots = snapshot_ids_of (second);
  const char *shared_snapshot = g_ptr_array_index (second_snapshots, 0);
  g_autoptr(AmigoImage) third = register_from_snapshot (second, shared_snapshot);
  g_autoptr(AmigoImage) first_after = NULL;
  g_autoptr(AmigoImage) second_after = NULL;
  g_autoptr(AmigoImage) third_after = NULL;
  g_auto(News) news = { 0 };
  g_autoptr(AmigoActionContext) context = new_context (&news, first, second, NULL);
  g_autofree char *body = NULL;
  g_autofree char *check_title = NULL;
  g_autofree char *result_text = NULL;
  g_autofree char *expected_toast = NULL;
  AmigoDeregisterDialog *dialog = NULL;
  guint n_snapshots;

  g_assert_cmpuint (first_snapshots->len, >, 0);
  open_deregister (context, (gpointer *) &dialog);

  /* Exactly the two images' snapshots are listed, with their sizes. */
  n_snapshots = first_snapshots->len + second_snapshots->len;
  g_assert_cmpuint (n_listed_snapshots (dialog), ==, n_snapshots);
  for (guint i = 0; i < first_snapshots->len; i++)
    g_assert_true (listed_snapshot (dialog, g_ptr_array_index (first_snapshots, i)));
  for (guint i = 0; i < second_snapshots->len; i++)
    g_assert_true (listed_snapshot (dialog, g_ptr_array_index (second_snapshots, i)));
  check_title = g_strdup_printf ("Also delete these %u snapshots (", n_snapshots);
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (ADW_ACTION_ROW (amigo_test_ui_find (dialog, "delete_row")))),
                                   check_title));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (amigo_test_ui_find (dialog, "deregister_button"))), ==, "_Deregister 2 Images");

  gtk_check_button_set_active (GTK_CHECK_BUTTON (amigo_test_ui_find (dialog, "delete_check")), TRUE);
  amigo_test_ui_maybe_screenshot (dialog, "deregister.png");

  /* The question names every image and snapshot it deletes. */
  confirm (dialog, "deregister", &body, "deregister-confirm.png");
  g_assert_nonnull (strstr (body, amigo_image_get_image_id (first)));
  g_assert_nonnull (strstr (body, amigo_image_get_image_id (second)));
  {
    g_auto(GStrv) listed = amigo_deregister_dialog_dup_snapshot_ids (dialog);

    for (guint i = 0; listed[i] != NULL; i++)
      g_assert_nonnull (strstr (body, listed[i]));
  }

  /* The shared snapshot cannot go: the dialog says which and why. */
  AMIGO_TEST_WAIT_FOR (amigo_deregister_dialog_get_finished (dialog), WAIT_SECONDS);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (amigo_test_ui_find (dialog, "stack"))), ==, "result");
  result_text = amigo_test_ui_collect_text (amigo_test_ui_find (dialog, "not_done_group"));
  g_assert_nonnull (strstr (result_text, shared_snapshot));
  g_assert_nonnull (strstr (result_text, "used by another image"));
  g_assert_nonnull (strstr (result_text, amigo_image_get_image_id (third)));
  g_assert_cmpuint (amigo_deregister_dialog_get_n_deregistered (dialog), ==, 2);
  g_assert_cmpuint (amigo_deregister_dialog_get_n_deleted (dialog), ==, n_snapshots - 1);
  amigo_test_ui_maybe_screenshot (dialog, "deregister-result.png");
  g_assert_cmpuint (news.changed, ==, 1);
  expected_toast = g_strdup_printf ("Deregistered 2 images and deleted %u snapshot%s",
                                    n_snapshots - 1, n_snapshots - 1 == 1 ? "" : "s");
  g_assert_cmpstr (news.toast, ==, expected_toast);
  amigo_test_ui_click (amigo_test_ui_find (dialog, "close_button"));
  AMIGO_TEST_WAIT_FOR (dialog == NULL, WAIT_SECONDS);

  /* In moto: both images gone, their own snapshots deleted, the shared
   * one and the third image untouched. */
  first_after = refetch (first);
  second_after = refetch (second);
  third_after = refetch (third);
  g_assert_null (first_after);
  g_assert_null (second_after);
  g_assert_nonnull (third_after);
  g_assert_cmpstr (amigo_image_get_state (third_after), ==, "available");
  for (guint i = 0; i < first_snapshots->len; i++)
    g_assert_false (snapshot_exists (g_ptr_array_index (first_snapshots, i)));
  for (guint i = 0; i < second_snapshots->len; i++)
    {
      const char *snapshot_id = g_ptr_array_index (second_snapshots, i);

      g_assert_cmpint (snapshot_exists (snapshot_id), ==, g_str_equal (snapshot_id, shared_snapshot));
    }
}

static void
test_deregister_protected (void)
{
  g_autoptr(AmigoImage) unprotected = new_image ("golden-image");
  g_autoptr(AmigoImage) other = new_image ("nightly-build");
  g_autoptr(GPtrArray) protected_snapshots = snapshot_ids_of (unprotected);
  g_autoptr(GPtrArray) other_snapshots = snapshot_ids_of (other);
  g_autoptr(AmigoImage) image = NULL;
  g_autoptr(AmigoImage) image_after = NULL;
  g_autoptr(AmigoImage) other_after = NULL;
  g_autoptr(AmigoImage) still_there = NULL;
  g_autoptr(AmigoActionContext) alone = NULL;
  g_autoptr(AmigoActionContext) both = NULL;
  g_autofree char *text = NULL;
  g_autofree char *body = NULL;
  g_auto(News) news = { 0 };
  AmigoDeregisterDialog *dialog = NULL;

  protect (unprotected);
  image = refetch (unprotected);

  /* Alone, it is refused clearly, and nothing can be pressed. */
  alone = new_context (&news, image, NULL);
  open_deregister (alone, (gpointer *) &dialog);
  text = amigo_test_ui_collect_text (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (text, "Deregistration protection is on"));
  g_assert_false (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "deregister_button")));
  g_assert_false (gtk_widget_get_visible (amigo_test_ui_find (dialog, "snapshots_group")));
  amigo_test_ui_maybe_screenshot (dialog, "deregister-protected.png");
  g_signal_emit_by_name (GTK_BUTTON (amigo_test_ui_find (dialog, "deregister_button")), "clicked");
  g_assert_null (amigo_deregister_dialog_get_confirm_dialog (dialog));
  close_dialog ((gpointer *) &dialog);

  /* With another image: only that one goes, with its snapshots; saying
   * no to the question first changes nothing. */
  both = new_context (&news, image, other, NULL);
  open_deregister (both, (gpointer *) &dialog);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (amigo_test_ui_find (dialog, "deregister_button"))), ==, "_Deregister 1 Image");
  g_assert_cmpuint (n_listed_snapshots (dialog), ==, other_snapshots->len);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (amigo_test_ui_find (dialog, "delete_check")), TRUE);
  confirm (dialog, "cancel", NULL, NULL);
  g_assert_false (amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (dialog)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (amigo_test_ui_find (dialog, "stack"))), ==, "confirm");
  confirm (dialog, "deregister", &body, NULL);
  g_assert_nonnull (strstr (body, "deregistration protection is kept"));
  g_assert_null (strstr (body, amigo_image_get_image_id (image)));
  AMIGO_TEST_WAIT_FOR (dialog == NULL, WAIT_SECONDS);
  g_assert_cmpuint (news.changed, ==, 1);

  image_after = refetch (image);
  other_after = refetch (other);
  g_assert_nonnull (image_after);
  g_assert_null (other_after);
  for (guint i = 0; i < protected_snapshots->len; i++)
    g_assert_true (snapshot_exists (g_ptr_array_index (protected_snapshots, i)));
  for (guint i = 0; i < other_snapshots->len; i++)
    g_assert_false (snapshot_exists (g_ptr_array_index (other_snapshots, i)));

  /* Turning the protection off from the dialog makes it deregistrable. */
  open_deregister (alone, (gpointer *) &dialog);
  amigo_test_ui_click (amigo_test_ui_find_by_type (amigo_test_ui_find (dialog, "images_group"),
                                                   GTK_TYPE_BUTTON, "_Turn Off Protection"));
  AMIGO_TEST_WAIT_FOR (!amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (dialog)) && !amigo_deregister_dialog_get_loading (dialog), WAIT_SECONDS);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (amigo_test_ui_find (dialog, "stack"))), ==, "confirm");
  g_assert_true (gtk_widget_is_sensitive (amigo_test_ui_find (dialog, "deregister_button")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (amigo_test_ui_find (dialog, "deregister_button"))), ==, "_Deregister 1 Image");
  close_dialog ((gpointer *) &dialog);
  still_there = refetch (image);
  g_assert_nonnull (still_there);
}

/* ---- main ------------------------------------------------------------- */

int
main (int    argc,
      char **argv)
{
  int status = amigo_test_ui_init (&argc, &argv);

  if (status != 0)
    return status;

  ec2 = amigo_test_ui_get_ec2 (REGION);
  instance_id = amigo_test_ui_run_instance (ec2, "ui-manage");

  g_test_add_func ("/manage/permissions/parse", test_permissions_parse);
  g_test_add_func ("/manage/permissions/share-and-unshare", test_permissions_share_and_unshare);
  g_test_add_func ("/manage/permissions/invalid", test_permissions_invalid);
  g_test_add_func ("/manage/permissions/public-blocked", test_permissions_public_blocked);
  g_test_add_func ("/manage/tags/edit", test_tags_edit);
  g_test_add_func ("/manage/tags/invalid", test_tags_invalid);
  g_test_add_func ("/manage/deprecation/set-and-clear", test_deprecation_set_and_clear);
  g_test_add_func ("/manage/deprecation/invalid", test_deprecation_invalid);
  g_test_add_func ("/manage/deregister/shared-snapshot", test_deregister_shared_snapshot);
  g_test_add_func ("/manage/deregister/protected", test_deregister_protected);
  g_test_add_func ("/manage/description/round-trip", test_description_round_trip);
  g_test_add_func ("/manage/description/too-long", test_description_too_long);

  status = g_test_run ();

  g_clear_object (&ec2);
  g_free (instance_id);
  return status;
}
