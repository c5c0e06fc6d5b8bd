// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The workloads of make bench (scripts/bench.sh): one kind of call in a
 * tight loop, so that what capture adds to each syscall shows up undiluted.
 *
 *   syscall_loop WORKLOAD N [RATE]
 *       makes N operations, prints "ns_per_op=<x> syscalls_per_op=<k>";
 *       with RATE, at most RATE operations a second (in batches of 1000),
 *       for the sustained-rate search of scripts/bench-throughput.sh
 *
 *   getppid    getppid()                         a generic event pair
 *   openclose  open("/dev/null") + close()      file events with a path
 *   read       read(-1, buf, 1) = -EBADF         a dedicated pair, no data
 *   write1k    write(/dev/null, 1 KiB)           data cut at the snaplen
 *   listen     listen(-1, 5) = -EBADF            two fixed-size events
 *                                               (lab 12 moves them into
 *                                               the ring)
 *   fcntl      fcntl(fd, F_GETFD)                an autofilled pair
 *                                               (driver/autofill_table.h)
 *   sendto     sendto(udp, 16 bytes, 127.0.0.1)  data and a tuple: a user
 *                                               sockaddr and the socket's
 *                                               own (to a socket of ours,
 *                                               whose queue fills and then
 *                                               drops: the call still works)
 *
 * Raw syscall(2) calls, never glibc's wrappers: glibc caches nothing here
 * today, but a benchmark must not depend on that.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/syscall.h>

static char buf[1024];

static long op_getppid(int fd)
{
	(void)fd;
	return syscall(SYS_getppid);
}

static long op_openclose(int fd)
{
	(void)fd;
	fd = syscall(SYS_openat, AT_FDCWD, "/dev/null", O_RDONLY);
	return fd < 0 ? fd : syscall(SYS_close, fd);
}

static long op_read(int fd)
{
	(void)fd;
	return syscall(SYS_read, -1, buf, 1);
}

static long op_write1k(int fd)
{
	return syscall(SYS_write, fd, buf, sizeof(buf));
}

static long op_listen(int fd)
{
	(void)fd;
	return syscall(SYS_listen, -1, 5);
}

static long op_fcntl(int fd)
{
	return syscall(SYS_fcntl, fd, F_GETFD);
}

static long op_sendto(int fd)
{
	static struct sockaddr_in to = { .sin_family = AF_INET };
	static int udp = -1;

	(void)fd;
	if (udp < 0) {
		socklen_t len = sizeof(to);
		int rcv = socket(AF_INET, SOCK_DGRAM, 0);

		to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		udp = socket(AF_INET, SOCK_DGRAM, 0);
		if (rcv < 0 || udp < 0 || bind(rcv, (struct sockaddr *)&to, sizeof(to)) ||
		    getsockname(rcv, (struct sockaddr *)&to, &len)) {
			perror("syscall_loop: a UDP socket on 127.0.0.1");
			exit(1);
		}
	}
	return syscall(SYS_sendto, udp, "0123456789abcdef", 16, 0, &to, sizeof(to));
}

static const struct workload {
	const char *name;
	long (*op)(int fd);
	int syscalls;
} workloads[] = {
	{ "getppid", op_getppid, 1 },
	{ "openclose", op_openclose, 2 },
	{ "read", op_read, 1 },
	{ "write1k", op_write1k, 1 },
	{ "listen", op_listen, 1 },
	{ "fcntl", op_fcntl, 1 },
	{ "sendto", op_sendto, 1 },
};

/* N operations, each batch of 1000 starting no earlier than its time at RATE. */
static void paced(const struct workload *w, int fd, long n, double rate,
		  const struct timespec *start)
{
	const long batch = 1000;

	for (long done = 0; done < n; done += batch) {
		double at = done / rate;
		struct timespec due = {
			.tv_sec = start->tv_sec + (time_t)at,
			.tv_nsec = start->tv_nsec + (long)((at - (time_t)at) * 1e9),
		};

		if (due.tv_nsec >= 1000000000L) {
			due.tv_sec++;
			due.tv_nsec -= 1000000000L;
		}
		clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &due, NULL);
		for (long i = done; i < n && i < done + batch; i++)
			w->op(fd);
	}
}

int main(int argc, char **argv)
{
	const struct workload *w = NULL;
	struct timespec a, b;
	long n = argc > 2 ? atol(argv[2]) : 0;
	double rate = argc > 3 ? atof(argv[3]) : 0;
	double ns;
	int fd;

	for (size_t i = 0; argc > 1 && i < sizeof(workloads) / sizeof(workloads[0]); i++)
		if (!strcmp(argv[1], workloads[i].name))
			w = &workloads[i];
	if (!w || n <= 0 || rate < 0) {
		fprintf(stderr, "usage: syscall_loop getppid|openclose|read|write1k|listen|fcntl|sendto N [RATE] (N > 0)\n");
		return 2;
	}
	fd = open("/dev/null", O_WRONLY);
	if (fd < 0) {
		perror("syscall_loop: /dev/null");
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &a);
	if (rate > 0)
		paced(w, fd, n, rate, &a);
	else
		for (long i = 0; i < n; i++)
			w->op(fd);
	clock_gettime(CLOCK_MONOTONIC, &b);
	ns = (b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec);
	printf("ns_per_op=%.1f syscalls_per_op=%d\n", ns / n, w->syscalls);
	return 0;
}
