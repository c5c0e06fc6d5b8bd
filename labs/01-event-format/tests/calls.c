// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * calls: one syscall for each kind of parameter the decoder must find, with
 * arguments known by heart, for lab 01's live checks (format.bats) and for
 * the golden inputs (golden_capture.c).
 *
 *   sudo ./build/scap-open --json -- ./build/labs/01-event-format/tests/calls DIR
 *
 * In this order:
 *   openat(AT_FDCWD, "DIR/lab01_file", O_WRONLY|O_CREAT|O_TRUNC, 0640) = fd
 *                        strings (PT_FSRELPATH), fds, PT_FLAGS32, u32s
 *   write(fd, "lab01\0bytes", 11) = 11      a PT_BYTEBUF with a NUL inside
 *   close(fd) = 0
 *   openat(AT_FDCWD, "", O_RDONLY) = -ENOENT       an empty string, an errno
 *   kill(getpid(), 0) = 0                   a 1-byte param (PT_SIGTYPE)
 *   getppid()                               a generic event (no filler)
 *   pipe(fds) = 0                           an enter event with 0 params
 *   socket(AF_INET, SOCK_STREAM, 0) = s, bind(s, 127.0.0.1:47211) = 0,
 *   connect(s, 127.0.0.1:47212) = -ECONNREFUSED     PT_SOCKADDR, PT_SOCKTUPLE
 *
 * Every call goes through syscall(SYS_xxx, ...), so that the syscall the
 * checks expect is the one that runs. Nothing is printed on success; a call
 * that does not do what it must is reported on stderr ("workload: ...",
 * which the test helpers treat as a failed run) and the exit status is 1.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#define PORT_CLIENT 47211	/* the connecting socket is bound here */
#define PORT_REFUSED 47212	/* nothing listens here */

static int g_failures;

/* ret is what the call returned; want_errno 0: it must not fail. */
static long check(long ret, int want_errno, const char *what)
{
	if (!want_errno && ret < 0) {
		fprintf(stderr, "workload: %s failed: %s\n", what, strerror(errno));
		g_failures++;
	} else if (want_errno && (ret != -1 || errno != want_errno)) {
		fprintf(stderr, "workload: %s returned %ld (%s), expected -1 with %s\n", what,
			ret, ret < 0 ? strerror(errno) : "success", strerror(want_errno));
		g_failures++;
	}
	return ret;
}

static struct sockaddr_in loopback(int port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

static void socket_calls(void)
{
	struct sockaddr_in from = loopback(PORT_CLIENT), to = loopback(PORT_REFUSED);
	/* Reset on close: the fixed port never lingers in TIME_WAIT. */
	struct linger lg = { .l_onoff = 1, .l_linger = 0 };
	int one = 1;
	long s;

	s = check(syscall(SYS_socket, AF_INET, SOCK_STREAM, 0), 0, "socket(AF_INET)");
	if (s < 0)
		return;
	check(setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)), 0, "SO_REUSEADDR");
	check(setsockopt(s, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)), 0, "SO_LINGER");
	check(syscall(SYS_bind, s, &from, sizeof(from)), 0, "bind(127.0.0.1:47211)");
	check(syscall(SYS_connect, s, &to, sizeof(to)), ECONNREFUSED, "connect(127.0.0.1:47212)");
	check(syscall(SYS_close, s), 0, "close of the socket");
}

int main(int argc, char **argv)
{
	static const char data[] = "lab01\0bytes";	/* 11 bytes and the NUL of the literal */
	char path[PATH_MAX];
	int fds[2];
	long fd;

	if (argc != 2) {
		fprintf(stderr, "workload: usage: calls DIR (an existing directory)\n");
		return 2;
	}
	if (snprintf(path, sizeof(path), "%s/lab01_file", argv[1]) >= (int)sizeof(path)) {
		fprintf(stderr, "workload: the directory name is too long\n");
		return 2;
	}

	fd = check(syscall(SYS_openat, AT_FDCWD, path, O_WRONLY | O_CREAT | O_TRUNC, 0640), 0,
		   "openat(DIR/lab01_file)");
	if (fd >= 0) {
		if (check(syscall(SYS_write, fd, data, sizeof(data) - 1), 0, "write") != 11) {
			fprintf(stderr, "workload: write wrote less than 11 bytes\n");
			g_failures++;
		}
		check(syscall(SYS_close, fd), 0, "close of DIR/lab01_file");
	}
	check(syscall(SYS_openat, AT_FDCWD, "", O_RDONLY, 0), ENOENT, "openat(\"\")");
	check(syscall(SYS_kill, getpid(), 0), 0, "kill(getpid(), 0)");
	check(syscall(SYS_getppid), 0, "getppid");
	if (check(syscall(SYS_pipe, fds), 0, "pipe") == 0) {
		check(syscall(SYS_close, fds[0]), 0, "close of the pipe's read end");
		check(syscall(SYS_close, fds[1]), 0, "close of the pipe's write end");
	}
	socket_calls();
	return g_failures ? 1 : 0;
}
