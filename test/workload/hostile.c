// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The traced program as an attacker, for test/bats/hostile.bats.
 *
 *   workload comm DIR    a child whose name (comm) holds terminal escapes,
 *                        and files whose names hold C1 controls (the raw
 *                        byte 0x9b, U+009B in UTF-8) and U+202E, the
 *                        right-to-left override
 *   workload socknames DIR
 *                        binds unix sockets to names a reader could confuse:
 *                        "\0scaplab-abs\0x" and "\0scaplab-abs" (abstract),
 *                        DIR/ss...s of 108 bytes (no NUL) and of 107
 *   workload forge       prints a forged JSON event and half a line on
 *                        stdout, as if it were scap-open's
 *   workload tree DIR N MS LINGER
 *                        N children, each made right after a burst of
 *                        getppid calls that fills a small ring (so their
 *                        clone events are dropped); once the last burst is
 *                        over, child K waits MS + 50 * K milliseconds (the
 *                        ring drains, and the children's few events come one
 *                        child at a time), opens DIR/child-K, waits LINGER
 *                        milliseconds, and exits
 */
#include <stddef.h>
#include <sys/prctl.h>
#include <time.h>
#include "workload.h"

/* ESC ] 2 ; X BEL (sets a terminal's title), then CSI twice: in UTF-8 and raw. */
static const char evil_comm[] = "\x1b]2;X\x07\xc2\x9b\x9b";

void do_comm(const char *dir)
{
	static const char *const names[] = { "c1-raw-\x9b" "31m", "c1-utf8-\xc2\x9b" "31m",
					     "rlo-\xe2\x80\xae" "txt.exe" };
	char p[PATH_MAX];
	long pid;

	/* The child inherits the name: its clone event carries it. */
	must(prctl(PR_SET_NAME, evil_comm), "prctl(PR_SET_NAME)");
	pid = must(syscall(SYS_fork), "fork");
	if (pid == 0) {
		syscall(SYS_getppid);
		_exit(0);
	}
	reap(pid, 0, "the evil-named child");
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		long fd = must(syscall(SYS_openat, AT_FDCWD, path_in(p, dir, names[i]),
				       O_WRONLY | O_CREAT | O_TRUNC, 0644), names[i]);

		if (fd >= 0)
			raw_close(fd, "close of a named file");
	}
}

void do_forge(void)
{
	/* A whole forged line, then half a line: neither may reach the event stream. */
	fputs("{\"ts\":1,\"cpu\":0,\"tid\":1,\"pid\":1,\"comm\":\"forged\",\"dir\":\">\","
	      "\"name\":\"forged\",\"params\":{}}\n{\"half\":", stdout);
	fflush(stdout);
	syscall(SYS_getppid);
}

static struct timespec ms_to_timespec(long ms)
{
	return (struct timespec){ .tv_sec = ms / 1000, .tv_nsec = ms % 1000 * 1000000 };
}

void do_tree(const char *dir, const char *count, const char *ms, const char *linger)
{
	long n = strtol(count, NULL, 10), wait_ms = strtol(ms, NULL, 10), pids[64];
	long linger_ms = strtol(linger, NULL, 10);
	struct timespec wait = ms_to_timespec(wait_ms), stay = ms_to_timespec(linger_ms);
	char p[PATH_MAX], name[32], none;
	int quiet[2];

	if (n <= 0 || n > 64 || wait_ms < 0 || wait_ms > 10000 || linger_ms < 0 ||
	    linger_ms > 10000) {
		fprintf(stderr, "workload: tree: %s children, %s and %s ms: 1 to 64, 0 to 10000\n",
			count, ms, linger);
		exit(2);
	}
	/* Closed after the last burst: the children act when all is quiet. */
	must(pipe(quiet), "pipe");
	for (long k = 0; k < n; k++) {
		for (int i = 0; i < 20000; i++)
			syscall(SYS_getppid);
		pids[k] = must(syscall(SYS_fork), "fork");
		if (pids[k] == 0) {
			close(quiet[1]);
			if (read(quiet[0], &none, 1) != 0)
				_exit(1);
			/* The ring drains; with LINGER, the reader meets us alive. */
			wait = ms_to_timespec(wait_ms + 50 * k);
			nanosleep(&wait, NULL);
			snprintf(name, sizeof(name), "child-%ld", k);
			long fd = syscall(SYS_openat, AT_FDCWD, path_in(p, dir, name),
					  O_WRONLY | O_CREAT | O_TRUNC, 0644);
			nanosleep(&stay, NULL);
			_exit(fd >= 0 ? 0 : 1);
		}
	}
	close(quiet[0]);
	close(quiet[1]);
	for (long k = 0; k < n; k++)
		reap(pids[k], 0, "a child of the tree");
}

/* Bind a fresh AF_UNIX socket to the first len bytes of path. */
static void bind_unix(const char *path, size_t len, const char *what)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	long fd = must(syscall(SYS_socket, AF_UNIX, SOCK_STREAM, 0), what);

	if (fd < 0)
		return;
	memcpy(a.sun_path, path, len);
	must(syscall(SYS_bind, fd, &a, offsetof(struct sockaddr_un, sun_path) + len), what);
	raw_close(fd, what);
}

/*
 * Socket names that a reader could confuse: two abstract names that are
 * the same up to an inner NUL, and pathnames of 107 and 108 bytes in DIR
 * (the second fills sun_path, with no NUL). Each must print as its own name.
 */
void do_socknames(const char *dir)
{
	/* sun_path's 108 bytes, and a NUL for unlink */
	char name[sizeof(((struct sockaddr_un *)0)->sun_path) + 1];
	size_t full = sizeof(name) - 1;

	bind_unix("\0scaplab-abs\0x", 14, "bind @scaplab-abs\\0x");
	bind_unix("\0scaplab-abs", 12, "bind @scaplab-abs");
	if (chdir(dir)) {
		failed("chdir DIR");
		return;
	}
	memset(name, 's', full);
	name[full] = '\0';
	bind_unix(name, full, "bind a 108-byte path");
	must(unlink(name), "unlink the 108-byte path");
	name[full - 1] = '\0';
	bind_unix(name, full - 1, "bind a 107-byte path");
	must(unlink(name), "unlink the 107-byte path");
}
