// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * workload longpath DIR: paths of exactly 4095 bytes (PATH_MAX - 1), and 4096.
 * The tests that check its events know its arguments by heart: keep both
 * in step (test/bats/).
 */
#include "workload.h"

/*
 * DIR/longpath/ddd.../ddd.../fff...: nested directories of 200-byte names,
 * then a file, the whole absolute path exactly PATH_MAX - 1 = 4095 bytes.
 * Then openat of the same path with its last byte changed to 'g' (missing:
 * ENOENT) and of the 4096-byte path with one more 'f' (ENAMETOOLONG).
 */
void do_longpath(const char *dir)
{
	char path[PATH_MAX + 2];
	size_t len;
	long fd;

	if (snprintf(path, sizeof(path), "%s/longpath", dir) >= 200) {
		fprintf(stderr, "workload: DIR is too long for the longpath test\n");
		g_failures++;
		return;
	}
	must(syscall(SYS_mkdir, path, 0755), "mkdir of DIR/longpath");
	len = strlen(path);
	/* Room left for at least "/f" after another "/ddd..."? */
	while (len + 201 + 2 <= PATH_MAX - 1) {
		path[len++] = '/';
		memset(path + len, 'd', 200);
		len += 200;
		path[len] = '\0';
		must(syscall(SYS_mkdir, path, 0755), "mkdir of a nested directory");
	}
	path[len++] = '/';
	memset(path + len, 'f', PATH_MAX - 1 - len);
	len = PATH_MAX - 1;
	path[len] = '\0';
	/* openat(AT_FDCWD, <4095 bytes>, O_WRONLY|O_CREAT|O_TRUNC, 0644) */
	fd = must(syscall(SYS_openat, AT_FDCWD, path, O_WRONLY | O_CREAT | O_TRUNC, 0644),
		  "openat of the 4095-byte path");
	if (fd >= 0)
		raw_close(fd, "close of the 4095-byte path");
	/* openat(AT_FDCWD, <4095 bytes ending in 'g'>, O_RDONLY) fails with ENOENT */
	path[len - 1] = 'g';
	must_fail(syscall(SYS_openat, AT_FDCWD, path, O_RDONLY, 0), ENOENT,
		  "openat of a missing 4095-byte path");
	/* openat(AT_FDCWD, <4096 bytes>, O_RDONLY) fails with ENAMETOOLONG */
	path[len - 1] = 'f';
	path[len++] = 'f';
	path[len] = '\0';
	must_fail(syscall(SYS_openat, AT_FDCWD, path, O_RDONLY, 0), ENAMETOOLONG,
		  "openat of a 4096-byte path");
}
