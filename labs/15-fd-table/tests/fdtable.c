// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Lab 15's capture was made of this program (labs/15-fd-table/record.sh).
 * It moves fds around the ways that trip an fd table, then reads each fd
 * once, with a byte count of its own: the grader finds each read by that
 * count (evt.arg.size) and asks the table which file its fd names then.
 *
 *   read size  fd                                    the fd then names
 *   101        dup2(a, b): b                         DIR/a
 *   102        dup(a)                                DIR/a
 *   103        dup3(a, 40, O_CLOEXEC): 40            DIR/a
 *   104        b, after close(b)                     nothing: EBADF
 *   111        opened by a thread, read by main      DIR/from-thread
 *   112        closed by a thread, read by main      nothing: EBADF
 *   113        closed by a forked child, read by     DIR/c
 *              the parent
 *   121        opened without O_CLOEXEC, read after  DIR/keep
 *              execve
 *   122        opened with O_CLOEXEC, read after     nothing: EBADF
 *              execve
 *   123        dup3(keep, 41, O_CLOEXEC): 41, read   nothing: EBADF
 *              after execve
 *
 *   fdtable DIR
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* dup3 */
#endif
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *g_dir;
static char g_buf[256];

static int open_in(const char *name, int flags)
{
	char path[4096];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", g_dir, name);
	fd = open(path, flags | O_CREAT | O_RDWR, 0600);
	if (fd < 0) {
		perror(path);
		exit(1);
	}
	return fd;
}

/* The read the grader looks for: size is its mark. */
static void read_marked(int fd, size_t size)
{
	(void)!read(fd, g_buf, size);
}

static int g_thread_opened, g_to_close;

static void *thread_main(void *arg)
{
	(void)arg;
	g_thread_opened = open_in("from-thread", 0);
	close(g_to_close);
	return NULL;
}

static void after_exec(int keep, int cloexec, int dup3ed)
{
	read_marked(keep, 121);
	read_marked(cloexec, 122);
	read_marked(dup3ed, 123);
}

int main(int argc, char **argv)
{
	int a, b, c, d, keep, cloexec, dup3ed;
	pthread_t th;
	char args[3][16];
	pid_t pid;

	if (argc == 5 && !strcmp(argv[1], "after-exec")) {
		after_exec(atoi(argv[2]), atoi(argv[3]), atoi(argv[4]));
		return 0;
	}
	if (argc != 2) {
		fprintf(stderr, "usage: fdtable DIR\n");
		return 2;
	}
	g_dir = argv[1];

	a = open_in("a", 0);
	b = open_in("b", 0);
	dup2(a, b);
	read_marked(b, 101);
	d = dup(a);
	read_marked(d, 102);
	dup3(a, 40, O_CLOEXEC);
	read_marked(40, 103);
	close(b);
	read_marked(b, 104);

	g_to_close = open_in("closed-by-thread", 0);
	pthread_create(&th, NULL, thread_main, NULL);
	pthread_join(th, NULL);
	read_marked(g_thread_opened, 111);
	read_marked(g_to_close, 112);

	c = open_in("c", 0);
	pid = fork();
	if (pid == 0) {
		close(c);
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	read_marked(c, 113);

	keep = open_in("keep", 0);
	cloexec = open_in("cloexec", O_CLOEXEC);
	dup3ed = dup3(keep, 41, O_CLOEXEC);
	/*
	 * The new image's loader opens its libraries at the lowest free fd:
	 * that is d's now, not the O_CLOEXEC one's, which then stays unused.
	 */
	close(d);
	snprintf(args[0], sizeof(args[0]), "%d", keep);
	snprintf(args[1], sizeof(args[1]), "%d", cloexec);
	snprintf(args[2], sizeof(args[2]), "%d", dup3ed);
	execl(argv[0], "fdtable", "after-exec", args[0], args[1], args[2], (char *)NULL);
	perror("execl");
	return 1;
}
