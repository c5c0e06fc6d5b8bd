// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* See sinsp_int.h: a relative path made absolute, as sysdig shows it. */
#include <stdlib.h>
#include <string.h>

#include "scap_schema.h"
#include "sinsp_int.h"

/* A dirfd of -100 is AT_FDCWD (Linux's value): "relative to the cwd". */
#define SCAP_AT_FDCWD (-100)

/* Longer than the kernel's PATH_MAX: sysdig then shows this name instead. */
#define SINSP_PATH_MAX 4096
#define PATH_TOO_LONG "/PATH_TOO_LONG"

/*
 * Append one component of n bytes to out (of len bytes, "/" at least):
 * "." changes nothing, ".." drops the last component, "" (from "//") too.
 */
static size_t push_component(char *out, size_t len, const char *c, size_t n)
{
	if (n == 0 || (n == 1 && c[0] == '.'))
		return len;
	if (n == 2 && c[0] == '.' && c[1] == '.') {
		while (len > 1 && out[len - 1] != '/')
			len--;
		if (len > 1)
			len--;	/* the '/' before it, unless it is the root */
		return len;
	}
	if (len > 1)
		out[len++] = '/';
	memcpy(out + len, c, n);
	return len + n;
}

static size_t push_path(char *out, size_t len, const char *p, size_t n)
{
	size_t start = 0;

	for (size_t i = 0; i <= n; i++) {
		if (i == n || p[i] == '/') {
			len = push_component(out, len, p + start, i - start);
			start = i + 1;
		}
	}
	return len;
}

char *sinsp_path_join(const char *dir, const char *path, size_t path_len)
{
	size_t dir_len = strlen(dir), len = 1;
	bool absolute = path_len && path[0] == '/';
	char *out;

	if ((absolute ? 0 : dir_len) + path_len + 2 > SINSP_PATH_MAX)
		return sinsp_strndup(PATH_TOO_LONG, strlen(PATH_TOO_LONG));
	/* Components only get shorter: the joined length is enough. */
	out = malloc(dir_len + path_len + 3);
	if (!out)
		return NULL;
	out[0] = '/';
	if (!absolute)
		len = push_path(out, len, dir, dir_len);
	len = push_path(out, len, path, path_len);
	out[len] = '\0';
	return out;
}

/*
 * The absolute path that path param i names, in a new string; NULL if it
 * cannot be known: a relative path whose dirfd is not in the table, or
 * whose process's cwd is unknown.
 */
char *sinsp_path_of_param(const struct sinsp_threadinfo *t, const struct scap_evt_view *evt,
			  uint32_t i)
{
	const struct ppm_param_info *pi = &evt->info->params[i];
	const char *path = scap_evt_param_str(evt, i);
	const char *dir = t->files->cwd;

	if (!path)
		return NULL;
	if (path[0] != '/' && pi->type == PT_FSRELPATH) {
		int64_t dirfd = scap_evt_param_s64(evt, (uint32_t)(uintptr_t)pi->info);

		if (dirfd != SCAP_AT_FDCWD) {
			const struct sinsp_fdinfo *d = sinsp_fd_find(t->files, dirfd);

			dir = d ? d->name : "";
		}
	}
	if (path[0] != '/' && dir[0] != '/')
		return NULL;
	return sinsp_path_join(dir, path, strlen(path));
}
