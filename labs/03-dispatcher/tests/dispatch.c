// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Lab 03's workload: syscalls that have an exit filler, and syscalls that
 * do not, each with arguments the grader knows, so that it can check every
 * parameter of the exit events they make.
 *
 *   dispatch DIR
 *
 * With a filler (driver/syscall_table.c lists them):
 *   openat(AT_FDCWD, DIR/dispatched, O_WRONLY|O_CREAT|O_TRUNC, 0640)
 *   write(fd, "dispatched", 10), close(fd)
 *   openat(AT_FDCWD, DIR/dispatched, O_RDONLY), read(fd, buf, 64), close(fd)
 *   socket(AF_INET, SOCK_DGRAM, 0), connect(127.0.0.1:47303), close(fd)
 * Without one (they make the generic event):
 *   getppid(), getpid(), uname(), sched_yield()
 *
 * Every call goes through syscall(2) so that glibc cannot replace it by
 * another syscall or answer it from a cache.
 *
 * Try it: sudo ./build/scap-open --json -- build/labs/03-dispatcher/tests/dispatch /tmp
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#define DATA "dispatched"
#define PORT 47303

static void die(const char *what)
{
	fprintf(stderr, "workload: %s: %s\n", what, strerror(errno));
	exit(1);
}

/* The calls with an exit filler: openat, write, read, close, socket, connect. */
static void with_filler(const char *dir)
{
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons(PORT) };
	char path[4096], buf[64];
	long fd, n;

	if (snprintf(path, sizeof(path), "%s/dispatched", dir) >= (int)sizeof(path)) {
		fprintf(stderr, "workload: the path %s/dispatched is too long\n", dir);
		exit(1);
	}
	fd = syscall(SYS_openat, AT_FDCWD, path, O_WRONLY | O_CREAT | O_TRUNC, 0640);
	if (fd < 0)
		die("openat for writing");
	n = syscall(SYS_write, fd, DATA, strlen(DATA));
	if (n != (long)strlen(DATA))
		die("write");
	if (syscall(SYS_close, fd))
		die("close");

	fd = syscall(SYS_openat, AT_FDCWD, path, O_RDONLY);
	if (fd < 0)
		die("openat for reading");
	n = syscall(SYS_read, fd, buf, sizeof(buf));
	if (n != (long)strlen(DATA))
		die("read");
	if (syscall(SYS_close, fd))
		die("close");

	/* A UDP connect needs no listener: it only sets the peer address. */
	fd = syscall(SYS_socket, AF_INET, SOCK_DGRAM, 0);
	if (fd < 0)
		die("socket");
	if (inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr) != 1)
		die("inet_pton");
	if (syscall(SYS_connect, fd, &addr, sizeof(addr)))
		die("connect");
	if (syscall(SYS_close, fd))
		die("close");
}

/*
 * The calls without one: getppid, getpid, uname, sched_yield. Falco's
 * 2022 driver has no event of its own for them either, so they stay
 * generic as the other drivers grow.
 */
static void without_filler(void)
{
	struct utsname u;

	if (syscall(SYS_getppid) <= 0)
		die("getppid");
	if (syscall(SYS_getpid) <= 0)
		die("getpid");
	if (syscall(SYS_uname, &u))
		die("uname");
	if (syscall(SYS_sched_yield))
		die("sched_yield");
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "workload: usage: dispatch DIR\n");
		return 1;
	}
	with_filler(argv[1]);
	without_filler();
	return 0;
}
