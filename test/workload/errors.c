// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * workload errors DIR: calls that fail: ENOENT, EBADF, ECONNREFUSED, EFAULT.
 * The tests that check its events know its arguments by heart: keep both
 * in step (test/bats/).
 */
#include "workload.h"

void do_errors(const char *dir)
{
	struct sockaddr_in refused = addr4(PORT_REFUSED), from = addr4(PORT_REFUSED_CLIENT);
	char p[PATH_MAX], buf[8];
	long s;

	/* ENOENT: open(DIR/missing_open, O_RDONLY), openat(AT_FDCWD, DIR/missing_openat, O_RDONLY) */
	must_fail(syscall(SYS_open, path_in(p, dir, "missing_open"), O_RDONLY, 0), ENOENT,
		  "open of a missing file");
	must_fail(syscall(SYS_openat, AT_FDCWD, path_in(p, dir, "missing_openat"), O_RDONLY, 0),
		  ENOENT, "openat of a missing file");
	/* ENOENT: unlink(DIR/missing_unlink) */
	must_fail(syscall(SYS_unlink, path_in(p, dir, "missing_unlink")), ENOENT,
		  "unlink of a missing file");
	/* EBADF: close(-1), read(999, buf, 7), write(999, "x", 1), dup(999) */
	must_fail(syscall(SYS_close, -1), EBADF, "close(-1)");
	must_fail(syscall(SYS_read, 999, buf, 7), EBADF, "read(999)");
	must_fail(syscall(SYS_write, 999, "x", 1), EBADF, "write(999)");
	must_fail(syscall(SYS_dup, 999), EBADF, "dup(999)");
	/* ECONNREFUSED: from 127.0.0.1:47198 to 127.0.0.1:47199, where nothing listens */
	s = tcp_socket(AF_INET, "socket for the refused connect");
	if (s >= 0) {
		must(syscall(SYS_bind, s, &from, sizeof(from)), "bind 127.0.0.1:47198");
		must_fail(syscall(SYS_connect, s, &refused, sizeof(refused)), ECONNREFUSED,
			  "connect to 127.0.0.1:47199");
		raw_close(s, "close of the refused socket");
	}
	/* EFAULT: (void *)1 as the path, unreadable: the path param must be null */
	must_fail(syscall(SYS_openat, AT_FDCWD, (void *)1, O_RDONLY, 0), EFAULT,
		  "openat of (void *)1");
	must_fail(syscall(SYS_open, (void *)1, O_RDONLY, 0), EFAULT, "open of (void *)1");
	/* ESRCH: kill(2147483647, 0) */
	must_fail(syscall(SYS_kill, 2147483647, 0), ESRCH, "kill of a missing pid");
}
