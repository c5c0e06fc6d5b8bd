// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Which container a process runs in, from its cgroups: no runtime is
 * asked, the path each runtime gives its containers' cgroups says it.
 *
 *   runtime     cgroup directory of container ID (64 hex digits)
 *   docker      /docker/ID (cgroupfs driver), /system.slice/docker-ID.scope (systemd)
 *   podman      /machine.slice/libpod-ID.scope, /libpod_parent/libpod-ID
 *   containerd  .../cri-containerd-ID.scope, /kubepods/.../podUID/ID
 *   cri-o       .../crio-ID.scope, /kubepods/.../crio-ID
 *
 * The id is the first 12 digits, as docker ps and Falco's container.id
 * show it. The cgroups come from the drivers (clone's and execve's
 * "cgroups" param: "cpu=/docker/ID\0memory=/docker/ID\0...") or from
 * /proc/PID/cgroup ("4:memory:/docker/ID\n"; cgroup v2: "0::/docker/ID").
 */
#include <string.h>

#include "sinsp.h"

#define CONTAINER_ID_DIGITS 64

static bool is_hex_id(const char *s, size_t n)
{
	if (n != CONTAINER_ID_DIGITS)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return true;
}

/* Does the n-byte s start with prefix? Then its length, else 0. */
static size_t starts(const char *s, size_t n, const char *prefix)
{
	size_t len = strlen(prefix);

	return n > len && !memcmp(s, prefix, len) ? len : 0;
}

/* The prefixes of a container's own directory ("docker-ID.scope"), by runtime. */
static const struct {
	const char *prefix;
	const char *type;
} g_scoped[] = {
	{ "docker-", "docker" },
	{ "libpod-", "podman" },
	{ "cri-containerd-", "containerd" },
	{ "crio-", "cri-o" },
};

/*
 * One directory of a path: a container's? Then its runtime, and *hex
 * where its id starts. parent is the directory above it; kube says
 * whether a kubepods directory is above it.
 */
static const char *container_dir(const char *dir, size_t n, const char *parent, size_t pn,
				 bool kube, const char **hex)
{
	size_t p;

	if (n > 6 && !memcmp(dir + n - 6, ".scope", 6))
		n -= 6;
	for (size_t i = 0; i < sizeof(g_scoped) / sizeof(g_scoped[0]); i++) {
		p = starts(dir, n, g_scoped[i].prefix);
		if (p && is_hex_id(dir + p, n - p)) {
			*hex = dir + p;
			return g_scoped[i].type;
		}
	}
	if (!is_hex_id(dir, n))
		return NULL;
	*hex = dir;
	if (pn == 6 && !memcmp(parent, "docker", 6))
		return "docker";
	return kube ? "containerd" : NULL;
}

/*
 * The container of one cgroup path ("/docker/ID"), its id into id. The
 * last container directory wins: a container's own cgroups may nest
 * below it (podman's ".../libpod-ID.scope/container").
 */
static const char *container_of_path(const char *path, size_t len, char id[13])
{
	const char *dir = path, *end = path + len, *parent = "", *type = NULL, *t, *hex;
	size_t pn = 0, n;
	bool kube = false;

	while (dir < end) {
		while (dir < end && *dir == '/')
			dir++;
		for (n = 0; dir + n < end && dir[n] != '/'; n++)
			;
		if (!n)
			break;
		if (n >= 8 && !memcmp(dir, "kubepods", 8))
			kube = true;
		t = container_dir(dir, n, parent, pn, kube, &hex);
		if (t) {
			memcpy(id, hex, 12);
			id[12] = '\0';
			type = t;
		}
		parent = dir;
		pn = n;
		dir += n;
	}
	return type;
}

/*
 * Where the path of a line starts: after "N:ctrl:" in /proc's lines (ctrl
 * may hold a '=': "1:name=systemd:/"), after "ctrl=" in the drivers'.
 */
static const char *path_of_line(const char *line, size_t n)
{
	const char *colon = NULL, *eq;

	if (n && line[0] >= '0' && line[0] <= '9')
		colon = memchr(line, ':', n);
	if (colon)
		colon = memchr(colon + 1, ':', line + n - colon - 1);
	if (colon)
		return colon + 1;
	eq = memchr(line, '=', n);
	return eq ? eq + 1 : line;
}

const char *sinsp_container_from_cgroups(const char *cgroups, size_t len, char id[13])
{
	const char *line = cgroups, *end = cgroups + len, *path, *type;
	size_t n;

	while (line < end) {
		for (n = 0; line + n < end && line[n] != '\0' && line[n] != '\n'; n++)
			;
		path = path_of_line(line, n);
		type = container_of_path(path, line + n - path, id);
		if (type)
			return type;
		line += n + 1;
	}
	id[0] = '\0';
	return NULL;
}
