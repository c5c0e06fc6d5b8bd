// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The workload of lab 09: four calls that make a pipe, two that work and
 * two that fail, and what the process saw of each, written to FACTS for the
 * grader to compare with the events.
 *
 *   call                    int[2] at          flags                     result
 *   1 pipe                  a stack array      -                         fds 3 and 4
 *   2 pipe2                 a page's end       O_CLOEXEC|O_NONBLOCK      fds 5 and 6
 *   3 pipe2, unknown flag   a stack array      0x1                       EINVAL
 *   4 pipe, bad address     address 8          -                         EFAULT
 *
 * All fds above 2 are closed first, so the kernel hands out 3, 4, 5, 6.
 * Call 2's array ends where a page that may not be read starts: a filler
 * that reads more than the two ints faults there.
 *
 * FACTS gets one line per call that worked, "CALL FD1 FD2 INODE", with the
 * inode that fstat() gives for FD1 (both ends share it). Errors go to
 * stderr and start with "workload:".
 *
 *   piper DIR FACTS       (DIR is not used: every lab program gets one)
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define NO_SUCH_FLAG 0x1	/* no pipe2 flag has bit 0: EINVAL */

static void die(const char *what)
{
	fprintf(stderr, "workload: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void write_fact(FILE *facts, const char *call, const int fds[2])
{
	struct stat st;

	if (fstat(fds[0], &st) < 0)
		die("fstat of the pipe");
	fprintf(facts, "%s %d %d %llu\n", call, fds[0], fds[1], (unsigned long long)st.st_ino);
}

static void must_fail(long ret, int want_errno, const char *what)
{
	if (ret != -1 || errno != want_errno) {
		fprintf(stderr, "workload: %s returned %ld (errno %d), expected errno %d\n",
			what, ret, errno, want_errno);
		exit(1);
	}
}

int main(int argc, char **argv)
{
	long page = sysconf(_SC_PAGESIZE);
	int fds[2], bad[2], *at_page_end;
	FILE *facts;
	char *map;

	if (argc != 3) {
		fprintf(stderr, "usage: piper DIR FACTS\n");
		return 2;
	}
	facts = fopen(argv[2], "w");
	if (!facts)
		die(argv[2]);
	/* Out of the way of fds 3 to 6, so that the kernel hands those out. */
	if (dup2(fileno(facts), 100) < 0)
		die("dup2 of FACTS");
	fclose(facts);
	if (syscall(SYS_close_range, 3, 99, 0) < 0)
		die("close_range");
	facts = fdopen(100, "w");
	if (!facts)
		die("fdopen of FACTS");

	map = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED)
		die("mmap");
	if (mprotect(map + page, page, PROT_NONE) < 0)
		die("mprotect");
	at_page_end = (int *)(map + page - 2 * sizeof(int));

	if (syscall(SYS_pipe, fds) < 0)
		die("pipe");
	if (syscall(SYS_pipe2, at_page_end, O_CLOEXEC | O_NONBLOCK) < 0)
		die("pipe2");
	must_fail(syscall(SYS_pipe2, bad, NO_SUCH_FLAG), EINVAL, "pipe2 with an unknown flag");
	must_fail(syscall(SYS_pipe, (int *)8), EFAULT, "pipe to address 8");

	write_fact(facts, "pipe", fds);
	write_fact(facts, "pipe2", at_page_end);
	if (fclose(facts) != 0)
		die("close of FACTS");
	return 0;
}
