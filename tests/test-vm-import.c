/* test-vm-import.c — VM Import/Export rules the engine holds, without a peer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amigo-disk-image.h"
#include "amigo-ec2.h"
#include "amigo-iam.h"

static GBytes *
disk_with (gsize       size,
           gsize       offset,
           const void *magic,
           gsize       magic_len)
{
  guint8 *data = g_malloc0 (size);

  memcpy (data + offset, magic, magic_len);
  return g_bytes_new_take (data, size);
}

static const char *
detect (GBytes *bytes)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  gsize head = MIN (len, AMIGO_DISK_IMAGE_HEAD_SIZE);
  gsize tail = MIN (len, AMIGO_DISK_IMAGE_TAIL_SIZE);

  return amigo_disk_image_detect (data, head, data + len - tail, tail);
}

static void
test_detect (void)
{
  static const guint8 mbr[] = { 0x55, 0xaa };
  struct {
    const char *name;
    gsize size, offset;
    const char *magic;
    gsize magic_len;
    const char *expected;
  } cases[] = {
    { "vmdk sparse", 4096, 0, "KDMV", 4, "VMDK" },
    { "vmdk descriptor", 4096, 0, "# Disk DescriptorFile", 21, "VMDK" },
    { "vhd dynamic", 4096, 0, "conectix", 8, "VHD" },
    { "vhd fixed (footer at the end)", 4096, 4096 - 512, "conectix", 8, "VHD" },
    { "vhdx", 4096, 0, "vhdxfile", 8, "VHDX" },
    { "ova (tar)", 4096, 257, "ustar", 5, "OVA" },
    { "raw with an mbr", 4096, 510, (const char *) mbr, 2, "RAW" },
    { "raw with a gpt", 4096, 512, "EFI PART", 8, "RAW" },
    { "text", 4096, 0, "these are notes", 15, NULL },
    { "tiny", 3, 0, "KD", 2, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) disk = disk_with (cases[i].size, cases[i].offset, cases[i].magic, cases[i].magic_len);

      g_test_message ("%s", cases[i].name);
      g_assert_cmpstr (detect (disk), ==, cases[i].expected);
    }
}

static void
test_format_for_name (void)
{
  g_assert_cmpstr (amigo_disk_image_format_for_name ("My VM.OVA"), ==, "OVA");
  g_assert_cmpstr (amigo_disk_image_format_for_name ("disk1.vmdk"), ==, "VMDK");
  g_assert_cmpstr (amigo_disk_image_format_for_name ("win.vhdx"), ==, "VHDX");
  g_assert_cmpstr (amigo_disk_image_format_for_name ("win.vhd"), ==, "VHD");
  g_assert_cmpstr (amigo_disk_image_format_for_name ("disk.img"), ==, "RAW");
  g_assert_null (amigo_disk_image_format_for_name ("notes.txt"));
}

static void
test_role_policies (void)
{
  const char *buckets[] = { "my-disks", NULL };
  const char *keys[] = { "arn:aws:kms:eu-west-1:123456789012:key/abcd", NULL };
  g_autofree char *trust = amigo_iam_vm_import_trust_policy ();
  g_autofree char *policy = amigo_iam_vm_import_role_policy ("eu-west-1", buckets, keys);
  g_autofree char *china = amigo_iam_vm_import_role_policy ("cn-north-1", buckets, NULL);

  g_assert_true (amigo_iam_vm_import_trust_policy_is_valid (trust));
  g_assert_nonnull (strstr (trust, "\"sts:Externalid\" : \"vmimport\""));
  g_assert_false (amigo_iam_vm_import_trust_policy_is_valid ("{\"Statement\": []}"));
  g_assert_false (amigo_iam_vm_import_trust_policy_is_valid ("not json"));

  g_assert_true (amigo_iam_vm_import_policy_covers_bucket (policy, "eu-west-1", "my-disks"));
  g_assert_false (amigo_iam_vm_import_policy_covers_bucket (policy, "eu-west-1", "my-disks-2"));
  g_assert_nonnull (strstr (policy, "kms:CreateGrant"));
  g_assert_nonnull (strstr (policy, "ec2:RegisterImage"));
  g_assert_true (amigo_iam_vm_import_policy_covers_bucket (china, "cn-north-1", "my-disks"));
  g_assert_nonnull (strstr (china, "arn:aws-cn:s3:::my-disks/*"));
  g_assert_true (amigo_iam_vm_import_policy_covers_bucket (
    "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}", "us-east-1", "any"));
  g_assert_false (amigo_iam_vm_import_policy_covers_bucket (
    "{\"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}", "us-east-1", "any"));
  g_assert_false (amigo_iam_vm_import_policy_covers_bucket (NULL, "us-east-1", "any"));

  g_assert_cmpstr (amigo_iam_signing_region_for ("eu-west-1"), ==, "us-east-1");
  g_assert_cmpstr (amigo_iam_signing_region_for ("cn-northwest-1"), ==, "cn-north-1");
  g_assert_cmpstr (amigo_iam_signing_region_for ("us-gov-east-1"), ==, "us-gov-west-1");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vm-import/disk-image/detect", test_detect);
  g_test_add_func ("/vm-import/disk-image/format-for-name", test_format_for_name);
  g_test_add_func ("/vm-import/iam/role-policies", test_role_policies);

  return g_test_run ();
}
