// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * workload io DIR: read, write, pread64, pwrite64, readv, writev, preadv,
 * pwritev, pipe, pipe2, dup, dup2, dup3, mmap, munmap.
 * The tests that check its events know its arguments by heart: keep both
 * in step (test/bats/).
 */
#include "workload.h"

void do_io(const char *dir)
{
	static const char snap[SNAP_TEST_LEN + 1] =
		"0123456789012345678901234567890123456789012345678901234567890123456789"
		"0123456789012345678901234567890123456789012345678901234567890123456789"
		"012345678901234567890123456789012345678901234567890123456789";
	char p[PATH_MAX], buf[64], a[3], b[3], c[8];
	struct iovec wv[3] = {
		{ .iov_base = "one", .iov_len = 3 },
		{ .iov_base = "two", .iov_len = 3 },
		{ .iov_base = "three", .iov_len = 5 },
	};
	struct iovec rv[3] = {
		{ .iov_base = a, .iov_len = sizeof(a) },
		{ .iov_base = b, .iov_len = sizeof(b) },
		{ .iov_base = c, .iov_len = sizeof(c) },
	};
	int pfd[2];
	long fd, nfd, null;
	void *map;

	/* fd = openat(AT_FDCWD, DIR/io_file, O_RDWR|O_CREAT|O_TRUNC|O_CLOEXEC, 0600) */
	fd = must(syscall(SYS_openat, AT_FDCWD, path_in(p, dir, "io_file"),
			  O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600), "openat of io_file");
	if (fd < 0)
		return;
	/* write(fd, "hello", 5) = 5 */
	must_equal(syscall(SYS_write, fd, "hello", 5), 5, "write");
	/* writev(fd, ["one", "two", "three"], 3) = 11 */
	must_equal(syscall(SYS_writev, fd, wv, 3), 11, "writev");
	/* lseek(fd, 5, SEEK_SET); readv(fd, [3, 3, 8 bytes], 3) = 11 (EOF): "onetwothree" */
	must_equal(syscall(SYS_lseek, fd, 5, SEEK_SET), 5, "lseek to 5");
	must_equal(syscall(SYS_readv, fd, rv, 3), 11, "readv");
	/* pwrite64(fd, "WORLD", 5, 1000) = 5 */
	must_equal(syscall(SYS_pwrite64, fd, "WORLD", 5, 1000), 5, "pwrite64");
	/* pread64(fd, buf, 5, 1000) = 5: "WORLD" */
	must_equal(syscall(SYS_pread64, fd, buf, 5, 1000), 5, "pread64");
	/* pwritev(fd, ["one", "two", "three"], 3, 2000) = 11; preadv of them back, at EOF */
	must_equal(syscall(SYS_pwritev, fd, wv, 3, 2000, 0), 11, "pwritev");
	must_equal(syscall(SYS_preadv, fd, rv, 3, 2000, 0), 11, "preadv");
	/* lseek(fd, 0, SEEK_SET); read(fd, buf, 5) = 5: "hello" */
	must_equal(syscall(SYS_lseek, fd, 0, SEEK_SET), 0, "lseek to 0");
	must_equal(syscall(SYS_read, fd, buf, 5), 5, "read");

	/* dup(fd); dup2(fd, 100); dup3(fd, 101, O_CLOEXEC) */
	nfd = must(syscall(SYS_dup, fd), "dup");
	if (nfd >= 0)
		raw_close(nfd, "close of the dup");
	must_equal(syscall(SYS_dup2, fd, 100), 100, "dup2");
	raw_close(100, "close of fd 100");
	must_equal(syscall(SYS_dup3, fd, 101, O_CLOEXEC), 101, "dup3");
	raw_close(101, "close of fd 101");
	raw_close(fd, "close of io_file");

	/* pipe(pfd); write(pfd[1], "ping", 4) = 4; read(pfd[0], buf, 64) = 4: "ping" */
	if (must(syscall(SYS_pipe, pfd), "pipe") == 0) {
		must_equal(syscall(SYS_write, pfd[1], "ping", 4), 4, "write to the pipe");
		must_equal(syscall(SYS_read, pfd[0], buf, sizeof(buf)), 4, "read from the pipe");
		raw_close(pfd[0], "close of the pipe's read end");
		raw_close(pfd[1], "close of the pipe's write end");
	}
	/* pipe2(pfd, O_CLOEXEC); 5 bytes with a NUL and a 0xff through it */
	if (must(syscall(SYS_pipe2, pfd, O_CLOEXEC), "pipe2") == 0) {
		must_equal(syscall(SYS_write, pfd[1], "bin\0\xff", 5), 5, "write of binary data");
		must_equal(syscall(SYS_read, pfd[0], buf, 5), 5, "read of binary data");
		raw_close(pfd[0], "close of the pipe2's read end");
		raw_close(pfd[1], "close of the pipe2's write end");
	}

	/* write(/dev/null, 200 bytes "0123456789..."): more than the snaplen */
	null = must(syscall(SYS_openat, AT_FDCWD, "/dev/null", O_WRONLY | O_CLOEXEC, 0),
		    "openat of /dev/null");
	if (null >= 0) {
		must_equal(syscall(SYS_write, null, snap, SNAP_TEST_LEN), SNAP_TEST_LEN,
			   "write of 200 bytes");
		raw_close(null, "close of /dev/null");
	}

	/* mmap(NULL, MMAP_LEN, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) */
	map = (void *)syscall(SYS_mmap, NULL, MMAP_LEN, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED) {
		failed("mmap");
		return;
	}
	/* munmap(map, MMAP_LEN) */
	must(syscall(SYS_munmap, map, MMAP_LEN), "munmap");
}
