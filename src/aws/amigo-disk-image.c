/* amigo-disk-image.c — which disk image format a file is
 *
 * The formats ImportImage takes (`DiskContainer.Format`: OVA, VHD, VHDX,
 * VMDK, RAW), told apart by their magic so that a wrong file is caught
 * before it is uploaded, not an hour later by a failed import:
 * a VMDK extent starts with `KDMV` (a descriptor with `# Disk
 * DescriptorFile`), a VHD ends (fixed) or starts (dynamic) with its
 * `conectix` footer, a VHDX starts with `vhdxfile`, an OVA is a tar
 * (`ustar` at 257), and a raw disk has an MBR (`55 AA` at 510) or a GPT
 * header (`EFI PART` at 512).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amigo-disk-image.h"

static gboolean
has_at (const guint8 *data,
        gsize         len,
        gsize         offset,
        const char   *magic)
{
  gsize n = strlen (magic);

  return data != NULL && len >= offset + n && memcmp (data + offset, magic, n) == 0;
}

/**
 * amigo_disk_image_detect:
 * @head: (array length=head_len): the file's first bytes
 *   (%AMIGO_DISK_IMAGE_HEAD_SIZE or all of a smaller file)
 * @head_len: how many
 * @tail: (array length=tail_len) (nullable): its last
 *   %AMIGO_DISK_IMAGE_TAIL_SIZE bytes
 * @tail_len: how many
 *
 * Returns: (nullable): `OVA`, `VHDX`, `VMDK`, `VHD` or `RAW`, or %NULL for
 *   a file that is none of them
 */
const char *
amigo_disk_image_detect (const guint8 *head,
                         gsize         head_len,
                         const guint8 *tail,
                         gsize         tail_len)
{
  if (has_at (head, head_len, 257, "ustar"))
    return "OVA";
  if (has_at (head, head_len, 0, "vhdxfile"))
    return "VHDX";
  if (has_at (head, head_len, 0, "KDMV") || has_at (head, head_len, 0, "# Disk DescriptorFile"))
    return "VMDK";
  if (has_at (head, head_len, 0, "conectix") || has_at (tail, tail_len, 0, "conectix"))
    return "VHD";
  if ((head_len >= 512 && head[510] == 0x55 && head[511] == 0xaa) || has_at (head, head_len, 512, "EFI PART"))
    return "RAW";
  return NULL;
}

/**
 * amigo_disk_image_format_for_name:
 * @file_name: a file name
 *
 * Returns: (nullable): the format its extension names (`.ova`, `.vmdk`,
 *   `.vhd`, `.vhdx`, `.raw`, `.img`), or %NULL
 */
const char *
amigo_disk_image_format_for_name (const char *file_name)
{
  static const struct { const char *extension; const char *format; } extensions[] = {
    { ".ova", "OVA" }, { ".vmdk", "VMDK" }, { ".vhdx", "VHDX" }, { ".vhd", "VHD" },
    { ".raw", "RAW" }, { ".img", "RAW" },
  };
  g_autofree char *lower = NULL;

  if (file_name == NULL)
    return NULL;
  lower = g_ascii_strdown (file_name, -1);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_has_suffix (lower, extensions[i].extension))
      return extensions[i].format;
  return NULL;
}

/**
 * amigo_disk_image_detect_file:
 * @file: a local file
 * @cancellable: (nullable): a #GCancellable
 * @error: where a read failure goes
 *
 * Reads the file's first and last bytes (blocking: call it from a
 * thread, or for a file the person just picked) and detects its format.
 *
 * Returns: (nullable): as amigo_disk_image_detect(); %NULL with @error
 *   unset for a file of no known format
 */
const char *
amigo_disk_image_detect_file (GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  guint8 head[AMIGO_DISK_IMAGE_HEAD_SIZE];
  guint8 tail[AMIGO_DISK_IMAGE_TAIL_SIZE];
  gsize head_len = 0, tail_len = 0;
  goffset size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, error);
  if (info == NULL)
    return NULL;
  size = g_file_info_get_size (info);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &head_len, cancellable, error))
    return NULL;
  if (size >= (goffset) sizeof tail)
    {
      if (!g_seekable_seek (G_SEEKABLE (stream), size - (goffset) sizeof tail, G_SEEK_SET, cancellable, error)
          || !g_input_stream_read_all (G_INPUT_STREAM (stream), tail, sizeof tail, &tail_len, cancellable, error))
        return NULL;
    }
  return amigo_disk_image_detect (head, head_len, tail_len > 0 ? tail : NULL, tail_len);
}
