/* amigo-aws-config-path.c — where the AWS files are: paths as the CLI expands them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <pwd.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "amigo-aws-config-private.h"

/**
 * amigo_aws_config_expand_path:
 * @path: a path as written in `AWS_CONFIG_FILE`
 * @envp: (nullable) (array zero-terminated=1): the environment
 *
 * Expands `$VAR` and `${VAR}` that @envp defines (others stay as they are),
 * then a leading `~` or `~/` to `HOME` from @envp (or the user's home folder
 * when @envp has none), and a leading `~user` to that user's home folder
 * (when there is such a user), as botocore does with expandvars and
 * expanduser.
 *
 * Returns: (transfer full): the expanded path
 */
char *
amigo_aws_config_expand_path (const char         *path,
                              const char * const *envp)
{
  GString *out;
  const char *p;

  g_return_val_if_fail (path != NULL, NULL);

  out = g_string_new (NULL);
  p = path;
  while (*p != '\0')
    {
      if (*p == '$')
        {
          const char *start;
          const char *end;
          gboolean braced = p[1] == '{';

          start = p + (braced ? 2 : 1);
          end = start;
          if (braced)
            while (*end != '\0' && *end != '}')
              end++;
          else
            while (g_ascii_isalnum (*end) || *end == '_')
              end++;

          if (end > start && (!braced || *end == '}'))
            {
              g_autofree char *name = g_strndup (start, end - start);
              const char *value = g_environ_getenv ((char **) envp, name);

              if (value != NULL)
                {
                  g_string_append (out, value);
                  p = braced ? end + 1 : end;
                  continue;
                }
            }
        }
      g_string_append_c (out, *p++);
    }

  if (out->str[0] == '~')
    {
      /* ~ or ~/: HOME; ~user: that user's home folder, if there is one. */
      gsize name_len = strcspn (out->str + 1, "/");
      g_autofree char *home = NULL;
      gsize len;

      if (name_len == 0)
        {
          const char *env_home = g_environ_getenv ((char **) envp, "HOME");

          home = g_strdup (env_home != NULL ? env_home : g_get_home_dir ());
        }
      else
        {
          g_autofree char *name = g_strndup (out->str + 1, name_len);
          long size = sysconf (_SC_GETPW_R_SIZE_MAX);
          g_autofree char *buffer = g_malloc (size > 0 ? size : 16384);
          struct passwd entry, *found = NULL;

          if (getpwnam_r (name, &entry, buffer, size > 0 ? size : 16384, &found) == 0 &&
              found != NULL && found->pw_dir != NULL && *found->pw_dir != '\0')
            home = g_strdup (found->pw_dir);
        }

      if (home != NULL)
        {
          len = strlen (home);
          while (len > 0 && home[len - 1] == '/')
            home[--len] = '\0';
          g_string_erase (out, 0, 1 + name_len);
          g_string_prepend (out, *home != '\0' ? home : "/");
          if (out->len > 1 && out->str[0] == '/' && out->str[1] == '/')
            g_string_erase (out, 0, 1);
        }
    }

  return g_string_free (out, FALSE);
}

/* The path a variable names, expanded, or @fallback when it is unset; an
 * empty variable names no file (%NULL), as in botocore. */
char *
_amigo_aws_config_path_from_env (char       **envp,
                                 const char  *variable,
                                 const char  *fallback)
{
  const char *value = g_environ_getenv (envp, variable);

  if (value != NULL)
    return *value != '\0' ? amigo_aws_config_expand_path (value, (const char * const *) envp) : NULL;
  return amigo_aws_config_expand_path (fallback, (const char * const *) envp);
}
