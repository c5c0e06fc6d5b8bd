// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The workload of exercise 09.2: writev and readv on a file in DIR, each
 * once right and twice with an array of iovecs the kernel refuses.
 *
 *   call     iovecs                          result
 *   1 writev "abc", "de"                     5
 *   2 writev 1025 of them (UIO_MAXIOV + 1)   EINVAL
 *   3 writev 2, at address 8                 EFAULT
 *   4 readv  3 bytes and 2 bytes             5: "abc", "de"
 *   5 readv  1025 of them                    EINVAL
 *   6 readv  2, at address 8                 EFAULT
 *
 * Every result is checked: a call that did not do what the table says is
 * an error. Errors go to stderr and start with "workload:".
 *
 *   vectors DIR
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

/* The kernel's UIO_MAXIOV (include/uapi/linux/uio.h), one more */
#define TOO_MANY (1024 + 1)

static void expect(long ret, long want, int want_errno, const char *what)
{
	if (ret == want && (want != -1 || errno == want_errno))
		return;
	fprintf(stderr, "workload: %s returned %ld (errno %d), expected %ld (errno %d)\n",
		what, ret, ret == -1 ? errno : 0, want, want_errno);
	exit(1);
}

int main(int argc, char **argv)
{
	static struct iovec many[TOO_MANY];
	char abc[] = "abc", de[] = "de", in1[3], in2[2], path[4096];
	struct iovec out[2] = { { abc, 3 }, { de, 2 } };
	struct iovec in[2] = { { in1, sizeof(in1) }, { in2, sizeof(in2) } };
	struct iovec *bad = (struct iovec *)8;
	int fd;

	if (argc != 2) {
		fprintf(stderr, "usage: vectors DIR\n");
		return 2;
	}
	snprintf(path, sizeof(path), "%s/vectors.data", argv[1]);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0) {
		fprintf(stderr, "workload: open %s: %s\n", path, strerror(errno));
		return 1;
	}
	/* Raw syscalls: libc may not pass an array it knows is too long. */
	expect(syscall(SYS_writev, fd, out, 2), 5, 0, "writev");
	expect(syscall(SYS_writev, fd, many, TOO_MANY), -1, EINVAL, "writev of 1025 iovecs");
	expect(syscall(SYS_writev, fd, bad, 2), -1, EFAULT, "writev from address 8");
	expect(lseek(fd, 0, SEEK_SET), 0, 0, "lseek");
	expect(syscall(SYS_readv, fd, in, 2), 5, 0, "readv");
	if (memcmp(in1, "abc", 3) || memcmp(in2, "de", 2)) {
		fprintf(stderr, "workload: readv read other bytes than writev wrote\n");
		return 1;
	}
	expect(syscall(SYS_readv, fd, many, TOO_MANY), -1, EINVAL, "readv of 1025 iovecs");
	expect(syscall(SYS_readv, fd, bad, 2), -1, EFAULT, "readv into address 8");
	close(fd);
	return 0;
}
