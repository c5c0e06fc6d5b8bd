// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The workload of lab 06: a program that lies to the exit events.
 *
 * A victim thread passes a path (or a unix socket address) to open(2),
 * openat(2) or connect(2), and the call blocks inside the kernel, after the
 * kernel has copied its argument:
 *
 *   open / openat   of a FIFO for reading: the kernel waits for a writer
 *                   (wait_for_partner, fs/pipe.c)
 *   connect         to a unix socket whose accept queue is full: the
 *                   kernel waits for room (unix_wait_for_peer, net/unix/af_unix.c)
 *
 * The main thread, the attacker, waits until /proc says the victim sleeps in
 * that syscall with that buffer, rewrites the buffer with another name of the
 * same length (A -> B), and only then lets the call finish. The kernel
 * opened (or connected to) A; a driver that reads the buffer at exit sees B.
 * No sleep decides anything, so the race comes out the same on every run.
 *
 * Before the races it makes ordinary calls of the same syscalls.
 * For every call it writes one JSON line to DIR/report.json: what /proc
 * showed when the buffer changed and what the kernel really opened, so that
 * the grader can check the mechanism as well as the events.
 *
 *   race DIR       (errors start with "workload:")
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

/* How long the attacker waits for the victim to block: 5000 x 1 ms. */
#define POLL_TRIES 5000

static const char *dir;
static FILE *report;

static void die(const char *what)
{
	fprintf(stderr, "workload: %s: %m\n", what);
	exit(1);
}

static long must(long ret, const char *what)
{
	if (ret < 0)
		die(what);
	return ret;
}

/* DIR/name into out (size PATH_MAX), or die. */
static void path_in_dir(char *out, const char *name)
{
	if (snprintf(out, PATH_MAX, "%s/%s", dir, name) >= PATH_MAX) {
		fprintf(stderr, "workload: %s/%s is too long\n", dir, name);
		exit(1);
	}
}

/* The victim: one syscall with up to three arguments, made by its own thread. */
struct victim {
	long nr;
	long args[3];
	pid_t tid;	/* set before the call, read by the attacker */
	long ret;
	int err;
	pthread_t thread;
};

static void *victim_main(void *arg)
{
	struct victim *v = arg;

	__atomic_store_n(&v->tid, gettid(), __ATOMIC_RELEASE);
	v->ret = syscall(v->nr, v->args[0], v->args[1], v->args[2]);
	v->err = errno;
	return NULL;
}

static void victim_start(struct victim *v)
{
	errno = pthread_create(&v->thread, NULL, victim_main, v);
	if (errno)
		die("pthread_create");
}

static void victim_join(struct victim *v, const char *what)
{
	errno = pthread_join(v->thread, NULL);
	if (errno)
		die("pthread_join");
	if (v->ret < 0) {
		errno = v->err;
		die(what);
	}
}

/* What /proc showed of the victim when the attacker struck. */
struct blocked {
	long nr;
	unsigned long arg;
	char state;
	char wchan[64];
};

/* The first line of /proc/self/task/TID/FILE into buf; false if unreadable. */
static bool read_task_file(pid_t tid, const char *file, char *buf, int size)
{
	char path[64];
	FILE *f;
	bool ok;

	snprintf(path, sizeof(path), "/proc/self/task/%d/%s", tid, file);
	f = fopen(path, "r");
	if (!f)
		return false;
	ok = fgets(buf, size, f) != NULL;
	fclose(f);
	return ok;
}

/*
 * Wait until the victim sleeps (state S) inside its syscall with its
 * argument argi still pointing at the buffer. /proc/PID/syscall shows
 * "nr arg0 arg1 ..." only while the task is blocked in a syscall, and
 * "running" else. Fills *b with what it saw; dies after POLL_TRIES ms.
 */
static void wait_blocked(struct victim *v, int argi, struct blocked *b)
{
	pid_t tid;
	char line[256] = "";
	unsigned long a[3];
	const char *state;

	while (!(tid = __atomic_load_n(&v->tid, __ATOMIC_ACQUIRE)))
		sched_yield();
	for (int i = 0; i < POLL_TRIES; i++) {
		if (read_task_file(tid, "syscall", line, sizeof(line)) &&
		    sscanf(line, "%ld %lx %lx %lx", &b->nr, &a[0], &a[1], &a[2]) == 4 &&
		    b->nr == v->nr && a[argi] == (unsigned long)v->args[argi] &&
		    read_task_file(tid, "stat", line, sizeof(line)) &&
		    (state = strrchr(line, ')')) && state[1] == ' ' && state[2] == 'S') {
			b->arg = a[argi];
			b->state = state[2];
			if (!read_task_file(tid, "wchan", b->wchan, sizeof(b->wchan)))
				strcpy(b->wchan, "?");
			return;
		}
		usleep(1000);
	}
	fprintf(stderr, "workload: thread %d never blocked in syscall %ld (last /proc line: %s)\n",
		tid, v->nr, line);
	exit(1);
}

/* Which of the files a and b the open fd is: "A", "B" or "neither". */
static const char *which_file(int fd, const char *a, const char *b, struct stat *st)
{
	struct stat sa, sb;

	must(fstat(fd, st), "fstat of the fd the victim got");
	must(stat(a, &sa), "stat A");
	must(stat(b, &sb), "stat B");
	if (st->st_dev == sa.st_dev && st->st_ino == sa.st_ino)
		return "A";
	if (st->st_dev == sb.st_dev && st->st_ino == sb.st_ino)
		return "B";
	return "neither";
}

static void report_blocked(const struct victim *v, const struct blocked *b)
{
	fprintf(report, "\"tid\":%d,\"blocked\":{\"syscall\":%ld,\"arg\":\"%#lx\",\"state\":\"%c\","
		"\"wchan\":\"%s\"}", v->tid, b->nr, b->arg, b->state, b->wchan);
}

/*
 * open(2) or openat(2) of DIR/A.fifo, which the attacker turns into
 * B.file. openat gets a dirfd on DIR and the names relative to it.
 */
static void race_open(long nr)
{
	static char buf[PATH_MAX];	/* the victim's path: a global, like any buffer */
	char a[PATH_MAX], b[PATH_MAX];
	struct victim v = { .nr = nr };
	struct blocked blk;
	struct stat st;
	int dirfd = -1, writer;
	const char *opened;

	path_in_dir(a, "A.fifo");
	path_in_dir(b, "B.file");
	if (nr == SYS_open) {
		strcpy(buf, a);
		v.args[0] = (long)buf;
		v.args[1] = O_RDONLY | O_CLOEXEC;
	} else {
		dirfd = must(open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC), "open DIR");
		strcpy(buf, "A.fifo");
		v.args[0] = dirfd;
		v.args[1] = (long)buf;
		v.args[2] = O_RDONLY | O_CLOEXEC;
	}
	victim_start(&v);
	wait_blocked(&v, nr == SYS_open ? 0 : 1, &blk);
	/* The victim sleeps in the kernel, its path copied: now change it. */
	strcpy(buf, nr == SYS_open ? b : "B.file");
	/* A writer on the FIFO wakes the victim's open up. */
	writer = must(open(a, O_WRONLY | O_CLOEXEC), "open A.fifo for writing");
	victim_join(&v, "the victim's open of A.fifo");
	opened = which_file(v.ret, a, b, &st);

	fprintf(report, "{\"call\":\"%s\",", nr == SYS_open ? "open" : "openat");
	report_blocked(&v, &blk);
	fprintf(report, ",\"dirfd\":%d,\"fd\":%ld,\"buffer_at_exit\":\"%s\",\"opened\":\"%s\","
		"\"opened_ino\":%lu}\n", dirfd, v.ret, buf, opened, (unsigned long)st.st_ino);
	must(close(v.ret), "close the victim's fd");
	must(close(writer), "close the writer");
	if (dirfd >= 0)
		must(close(dirfd), "close DIR");
}

/* An unbound unix stream socket. */
static int unix_socket(void)
{
	return must(socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0), "socket AF_UNIX");
}

/* A unix socket listening on DIR/name with a backlog of 0; *sa gets the address. */
static int unix_listener(const char *name, struct sockaddr_un *sa)
{
	int fd = unix_socket();

	memset(sa, 0, sizeof(*sa));
	sa->sun_family = AF_UNIX;
	if (snprintf(sa->sun_path, sizeof(sa->sun_path), "%s/%s", dir, name) >=
	    (int)sizeof(sa->sun_path)) {
		fprintf(stderr, "workload: %s/%s is too long for a sockaddr_un\n", dir, name);
		exit(1);
	}
	must(bind(fd, (struct sockaddr *)sa, sizeof(*sa)), "bind a unix socket");
	/* Backlog 0: the queue is full as soon as one connection waits in it. */
	must(listen(fd, 0), "listen(0)");
	return fd;
}

/*
 * connect(2) to DIR/A.sock, whose one-place queue a first client already
 * fills, so that the victim blocks; the attacker turns the address into
 * DIR/B.sock, then accepts the first client to let the victim in.
 */
static void race_connect(void)
{
	static struct sockaddr_un sa;	/* the victim's address */
	struct sockaddr_un sa_b, peer;
	socklen_t peer_len = sizeof(peer);
	struct pollfd pending_b;
	struct victim v = { .nr = SYS_connect };
	struct blocked blk;
	int lis_a, lis_b, first, conn;

	lis_a = unix_listener("A.sock", &sa);
	lis_b = unix_listener("B.sock", &sa_b);
	first = unix_socket();
	must(connect(first, (struct sockaddr *)&sa, sizeof(sa)), "connect the first client to A.sock");

	v.args[0] = unix_socket();
	v.args[1] = (long)&sa;
	v.args[2] = sizeof(sa);
	victim_start(&v);
	wait_blocked(&v, 1, &blk);
	strcpy(sa.sun_path, sa_b.sun_path);
	/* Room in A's queue: the victim's connect finishes. */
	must(close(must(accept(lis_a, NULL, NULL), "accept the first client")), "close");
	victim_join(&v, "the victim's connect to A.sock");
	conn = must(accept(lis_a, NULL, NULL), "accept the victim on A.sock");
	/* Whom did the kernel connect the victim to? And is B untouched? */
	must(getpeername(v.args[0], (struct sockaddr *)&peer, &peer_len), "getpeername");
	pending_b = (struct pollfd){ .fd = lis_b, .events = POLLIN };
	must(poll(&pending_b, 1, 0), "poll B.sock");

	fprintf(report, "{\"call\":\"connect\",");
	report_blocked(&v, &blk);
	fprintf(report, ",\"fd\":%ld,\"buffer_at_exit\":\"%s\",\"peer\":\"%s\",\"b_pending\":%s}\n",
		v.args[0], sa.sun_path, peer.sun_path,
		pending_b.revents & POLLIN ? "true" : "false");
	must(close(conn), "close");
	must(close(first), "close");
	must(close(v.args[0]), "close");
	must(close(lis_a), "close");
	must(close(lis_b), "close");
}

/* The ordinary calls: nothing changes while they run. */
static void plain_calls(void)
{
	char path[PATH_MAX];
	struct sockaddr_in in = { .sin_family = AF_INET };
	socklen_t len = sizeof(in);
	int dirfd, lis, cli;

	path_in_dir(path, "plain-open");
	must(close(must(syscall(SYS_open, path, O_WRONLY | O_CREAT | O_TRUNC, 0640), "open plain-open")),
	     "close");
	dirfd = must(open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC), "open DIR");
	must(close(must(syscall(SYS_openat, dirfd, "plain-openat", O_RDWR | O_CREAT | O_EXCL, 0604),
			"openat plain-openat")), "close");

	/* connect to a TCP listener on 127.0.0.1, on a port the kernel picks */
	in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	lis = must(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), "socket AF_INET");
	must(bind(lis, (struct sockaddr *)&in, sizeof(in)), "bind 127.0.0.1:0");
	must(listen(lis, 1), "listen");
	must(getsockname(lis, (struct sockaddr *)&in, &len), "getsockname");
	cli = must(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), "socket AF_INET");
	must(syscall(SYS_connect, cli, &in, sizeof(in)), "connect to 127.0.0.1");
	/* A bad fd: the kernel fails it before it reads the address. */
	if (syscall(SYS_connect, -1, &in, sizeof(in)) != -1 || errno != EBADF) {
		fprintf(stderr, "workload: connect(-1, ...) did not fail with EBADF\n");
		exit(1);
	}
	fprintf(report, "{\"call\":\"plain\",\"dirfd\":%d,\"connect_fd\":%d,\"port\":%d}\n",
		dirfd, cli, ntohs(in.sin_port));
	must(close(cli), "close");
	must(close(lis), "close");
	must(close(dirfd), "close");
}

int main(int argc, char **argv)
{
	char path[PATH_MAX];
	int fd;

	if (argc != 2) {
		fprintf(stderr, "workload: usage: race DIR\n");
		return 2;
	}
	dir = argv[1];
	path_in_dir(path, "report.json");
	report = fopen(path, "w");
	if (!report)
		die("open DIR/report.json");
	setvbuf(report, NULL, _IOLBF, 0);

	path_in_dir(path, "A.fifo");
	must(mkfifo(path, 0600), "mkfifo DIR/A.fifo");
	path_in_dir(path, "B.file");
	fd = must(open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600), "create DIR/B.file");
	must(close(fd), "close");

	plain_calls();
	race_open(SYS_open);
	race_open(SYS_openat);
	race_connect();
	if (fclose(report))
		die("close DIR/report.json");
	return 0;
}
