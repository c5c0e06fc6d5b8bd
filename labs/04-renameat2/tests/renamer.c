// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The workload of lab 04: nine renameat2 calls in DIR, each with a new name
 * of its own, so that the grader can find each call's events by newpath.
 *
 *   call                 olddirfd  oldpath       newdirfd  newpath        flags                    result
 *   1 plain              AT_FDCWD  plain_old     AT_FDCWD  plain_new      0                        0
 *   2 noreplace_free     42        nr_old        42        nr_new         NOREPLACE                0
 *   3 noreplace_taken    42        nr_new        42        taken          NOREPLACE                EEXIST
 *   4 exchange           42        left          AT_FDCWD  right          EXCHANGE                 0
 *   5 exchange_missing   42        left          42        missing        EXCHANGE                 ENOENT
 *   6 noreplace_exchange AT_FDCWD  plain_new     AT_FDCWD  both_new       NOREPLACE|EXCHANGE       EINVAL
 *   7 exchange_whiteout  AT_FDCWD  plain_new     AT_FDCWD  wx_new         EXCHANGE|WHITEOUT        EINVAL
 *   8 unknown_bit        AT_FDCWD  plain_new     AT_FDCWD  unknown_new    NOREPLACE|0x8            EINVAL
 *   9 utf8               42        with space    42        ünïcødé ✓ name NOREPLACE                0
 *
 * 42 is DIR, opened and moved to fd 42; the cwd is DIR too, so AT_FDCWD and
 * 42 name the same directory. Calls 6-8 fail in the kernel's flag checks
 * (fs/namei.c, do_renameat2) before any permission check: RENAME_WHITEOUT
 * is used only there, as it needs CAP_MKNOD and a filesystem that has it.
 *
 * Every result is checked, and call 4 must have swapped the two files'
 * contents: a call that did not do what the table says is an error. Errors
 * go to stderr and start with "workload:".
 *
 *   renamer DIR        (DIR exists and is empty)
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/fs.h>	/* RENAME_NOREPLACE, RENAME_EXCHANGE, RENAME_WHITEOUT */

#define DIRFD 42		/* the fd of DIR, fixed so the grader knows it */
#define UNKNOWN_BIT (1U << 3)	/* no RENAME_* flag has this bit */

struct call {
	const char *what;
	int olddirfd;
	const char *oldpath;
	int newdirfd;
	const char *newpath;
	unsigned int flags;
	int want_errno;		/* 0: the call must succeed */
};

static const struct call calls[] = {
	{ "plain", AT_FDCWD, "plain_old", AT_FDCWD, "plain_new", 0, 0 },
	{ "noreplace_free", DIRFD, "nr_old", DIRFD, "nr_new", RENAME_NOREPLACE, 0 },
	{ "noreplace_taken", DIRFD, "nr_new", DIRFD, "taken", RENAME_NOREPLACE, EEXIST },
	{ "exchange", DIRFD, "left", AT_FDCWD, "right", RENAME_EXCHANGE, 0 },
	{ "exchange_missing", DIRFD, "left", DIRFD, "missing", RENAME_EXCHANGE, ENOENT },
	{ "noreplace_exchange", AT_FDCWD, "plain_new", AT_FDCWD, "both_new",
	  RENAME_NOREPLACE | RENAME_EXCHANGE, EINVAL },
	{ "exchange_whiteout", AT_FDCWD, "plain_new", AT_FDCWD, "wx_new",
	  RENAME_EXCHANGE | RENAME_WHITEOUT, EINVAL },
	{ "unknown_bit", AT_FDCWD, "plain_new", AT_FDCWD, "unknown_new",
	  RENAME_NOREPLACE | UNKNOWN_BIT, EINVAL },
	{ "utf8", DIRFD, "with space", DIRFD, "ünïcødé ✓ name", RENAME_NOREPLACE, 0 },
};

static void die(const char *what)
{
	fprintf(stderr, "workload: %s: %m\n", what);
	exit(1);
}

/* Create DIR/name holding text. */
static void make_file(const char *name, const char *text)
{
	int fd = openat(DIRFD, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	size_t len = strlen(text);

	if (fd < 0)
		die(name);
	if (write(fd, text, len) != (ssize_t)len)
		die("write");
	if (close(fd))
		die("close");
}

/* Does DIR/name hold exactly text? */
static void expect_content(const char *name, const char *text)
{
	char buf[64] = { 0 };
	int fd = openat(DIRFD, name, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		die(name);
	n = read(fd, buf, sizeof(buf) - 1);
	if (n < 0)
		die("read");
	if (close(fd))
		die("close");
	if (strcmp(buf, text)) {
		fprintf(stderr, "workload: %s holds '%s', expected '%s': "
			"RENAME_EXCHANGE did not swap the files\n", name, buf, text);
		exit(1);
	}
}

/* Make one call of the table, through syscall(2): glibc's renameat2() may not exist. */
static void run(const struct call *c)
{
	long rc = syscall(SYS_renameat2, c->olddirfd, c->oldpath, c->newdirfd, c->newpath,
			  c->flags);
	int err = rc < 0 ? errno : 0;

	if (rc > 0 || err != c->want_errno) {
		fprintf(stderr, "workload: renameat2 call '%s' returned %ld (%s), expected %s\n",
			c->what, rc, err ? strerrorname_np(err) : "success",
			c->want_errno ? strerrorname_np(c->want_errno) : "success");
		exit(1);
	}
}

int main(int argc, char **argv)
{
	int fd;

	if (argc != 2) {
		fprintf(stderr, "workload: usage: renamer DIR\n");
		return 2;
	}
	fd = open(argv[1], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		die(argv[1]);
	if (dup3(fd, DIRFD, O_CLOEXEC) != DIRFD)
		die("dup3");
	if (close(fd))
		die("close");
	if (chdir(argv[1]))
		die("chdir");

	make_file("plain_old", "plain");
	make_file("nr_old", "nr");
	make_file("taken", "taken");
	make_file("left", "left");
	make_file("right", "right");
	make_file("with space", "utf8");

	for (size_t i = 0; i < sizeof(calls) / sizeof(calls[0]); i++)
		run(&calls[i]);

	expect_content("left", "right");
	expect_content("right", "left");
	expect_content("taken", "taken");	/* NOREPLACE kept it */
	return 0;
}
