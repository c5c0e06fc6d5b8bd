// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kmod_misuse: calls the kernel module's device the wrong way and checks
 * that each call gets its error, for test/kmod/driver.bats.
 *
 *   kmod_misuse ioctl     bad ioctl numbers and arguments
 *   kmod_misuse mmap      writable, private, misplaced and missized mappings
 *   kmod_misuse busy      a second process opening the devices
 *   kmod_misuse tail      a reader that writes a tail outside the ring
 *
 * Prints "ok: WHAT" or "FAIL: WHAT: got X, want Y" per check; exits 1 if any
 * check failed. Needs root and the module loaded.
 */
#include <errno.h>
#include <sched.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "ppm_ioctl.h"
#include "ppm_ringbuffer.h"

static int g_failed;

/* rc is a call's result: -1 with errno, or anything else for success. */
static void expect_errno(const char *what, long rc, int want)
{
	int got = rc == -1 ? errno : 0;

	if (got == want) {
		printf("ok: %s (%s)\n", what, want ? strerror(want) : "success");
		return;
	}
	printf("FAIL: %s: got %s, want %s\n", what, got ? strerror(got) : "success",
	       want ? strerror(want) : "success");
	g_failed = 1;
}

static int open_dev0(void)
{
	int fd = open("/dev/" PPM_DEVICE_NAME "0", O_RDWR | O_CLOEXEC);

	if (fd < 0) {
		printf("FAIL: open /dev/%s0: %s\n", PPM_DEVICE_NAME, strerror(errno));
		exit(1);
	}
	return fd;
}

static void check_ioctls(int fd)
{
	struct ppm_syscall_mask mask;
	__u64 version = 0;

	expect_errno("an unknown ioctl", ioctl(fd, _IO(PPM_IOCTL_MAGIC, 99)), ENOTTY);
	expect_errno("another driver's ioctl (TCGETS)", ioctl(fd, 0x5401, &version), ENOTTY);
	expect_errno("snaplen 0", ioctl(fd, PPM_IOCTL_SET_SNAPLEN, 0UL), EINVAL);
	expect_errno("snaplen 65536", ioctl(fd, PPM_IOCTL_SET_SNAPLEN, 65536UL), EINVAL);
	expect_errno("snaplen -1", ioctl(fd, PPM_IOCTL_SET_SNAPLEN, -1UL), EINVAL);
	expect_errno("snaplen 80", ioctl(fd, PPM_IOCTL_SET_SNAPLEN, 80UL), 0);
	expect_errno("syscall mask from NULL", ioctl(fd, PPM_IOCTL_SET_INTERESTING_SYSCALLS, NULL),
		     EFAULT);
	expect_errno("syscall mask from a kernel address",
		     ioctl(fd, PPM_IOCTL_SET_INTERESTING_SYSCALLS, (void *)0xffffffff81000000UL),
		     EFAULT);
	memset(&mask, 0xff, sizeof(mask));
	expect_errno("syscall mask, all", ioctl(fd, PPM_IOCTL_SET_INTERESTING_SYSCALLS, &mask), 0);
	expect_errno("API version into NULL", ioctl(fd, PPM_IOCTL_GET_API_VERSION, NULL), EFAULT);
	expect_errno("schema version into a kernel address",
		     ioctl(fd, PPM_IOCTL_GET_SCHEMA_VERSION, (void *)0xffffffff81000000UL), EFAULT);
	expect_errno("API version", ioctl(fd, PPM_IOCTL_GET_API_VERSION, &version), 0);
	if (version != PPM_API_CURRENT_VERSION) {
		printf("FAIL: API version %llu, want %llu\n", (unsigned long long)version,
		       PPM_API_CURRENT_VERSION);
		g_failed = 1;
	}
}

static long mmap_rc(void *p)
{
	return p == MAP_FAILED ? -1 : 0;
}

static void check_mmaps(int fd)
{
	long page = sysconf(_SC_PAGESIZE);
	size_t ring = 64 * 1024;
	void *p;

	expect_errno("a writable mapping of the ring",
		     mmap_rc(mmap(NULL, 2 * ring, PROT_READ | PROT_WRITE, MAP_SHARED, fd, page)),
		     EPERM);
	expect_errno("a private mapping of the info page",
		     mmap_rc(mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0)), EINVAL);
	expect_errno("an info mapping of two pages",
		     mmap_rc(mmap(NULL, 2 * page, PROT_READ, MAP_SHARED, fd, 0)), EINVAL);
	expect_errno("a mapping at offset 2 pages",
		     mmap_rc(mmap(NULL, 2 * ring, PROT_READ, MAP_SHARED, fd, 2 * page)), EINVAL);
	expect_errno("a ring of 3 pages (not a power of 2)",
		     mmap_rc(mmap(NULL, 6 * page, PROT_READ, MAP_SHARED, fd, page)), EINVAL);
	expect_errno("a ring of 2 GiB (too large)",
		     mmap_rc(mmap(NULL, 4UL << 30, PROT_READ, MAP_SHARED, fd, page)), EINVAL);

	p = mmap(NULL, 2 * ring, PROT_READ, MAP_SHARED, fd, page);
	expect_errno("a read-only ring of 64 KiB", mmap_rc(p), 0);
	if (p != MAP_FAILED) {
		expect_errno("mprotect of the ring to writable",
			     mprotect(p, 2 * ring, PROT_READ | PROT_WRITE), EACCES);
		/* Both copies are the same pages: the doubling the reader relies on. */
		if (memcmp(p, (char *)p + ring, ring)) {
			printf("FAIL: the ring's second copy differs from the first\n");
			g_failed = 1;
		}
	}
	expect_errno("the ring again with another size",
		     mmap_rc(mmap(NULL, 4 * ring, PROT_READ, MAP_SHARED, fd, page)), EINVAL);
	expect_errno("the ring again with its size",
		     mmap_rc(mmap(NULL, 2 * ring, PROT_READ, MAP_SHARED, fd, page)), 0);
}

static void check_busy(void)
{
	int fd = open_dev0(), status;
	pid_t pid = fork();

	if (pid == 0) {
		/* A new process: its own open must be refused while we hold the device. */
		int rc = open("/dev/" PPM_DEVICE_NAME "1", O_RDWR);

		_exit(rc == -1 ? errno : 0);	/* its errno, as its exit status */
	}
	waitpid(pid, &status, 0);
	errno = WEXITSTATUS(status);
	expect_errno("a second reader's open", errno ? -1 : 0, EBUSY);
	close(fd);
}

/* A reader that writes garbage into tail: the module must drop, not write out of bounds. */
static void check_tail(void)
{
	long page = sysconf(_SC_PAGESIZE);
	struct ppm_ring_buffer_info *info;
	int fd = open_dev0();
	void *ring;

	info = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ring = mmap(NULL, 2 * 64 * 1024, PROT_READ, MAP_SHARED, fd, page);
	if (info == MAP_FAILED || ring == MAP_FAILED) {
		printf("FAIL: mapping CPU 0's ring: %s\n", strerror(errno));
		exit(1);
	}
	info->tail = 0xffffffff;
	expect_errno("enable with a bad tail", ioctl(fd, PPM_IOCTL_ENABLE_CAPTURE), 0);
	/* The module ignores our own process: another one makes the syscalls, on CPU 0. */
	if (fork() == 0) {
		cpu_set_t cpu0;

		CPU_ZERO(&cpu0);
		CPU_SET(0, &cpu0);
		sched_setaffinity(0, sizeof(cpu0), &cpu0);
		for (int i = 0; i < 1000; i++)
			getppid();
		_exit(0);
	}
	wait(NULL);
	ioctl(fd, PPM_IOCTL_DISABLE_CAPTURE);
	printf("%s: events dropped as a bug: %llu, written: %llu\n",
	       info->n_drops_bug ? "ok" : "FAIL", (unsigned long long)info->n_drops_bug,
	       (unsigned long long)info->n_evts);
	if (!info->n_drops_bug)
		g_failed = 1;
	close(fd);
}

int main(int argc, char **argv)
{
	int fd;

	if (argc != 2) {
		fprintf(stderr, "usage: kmod_misuse ioctl|mmap|busy|tail\n");
		return 2;
	}
	if (!strcmp(argv[1], "ioctl")) {
		fd = open_dev0();
		check_ioctls(fd);
	} else if (!strcmp(argv[1], "mmap")) {
		fd = open_dev0();
		check_mmaps(fd);
	} else if (!strcmp(argv[1], "busy")) {
		check_busy();
	} else if (!strcmp(argv[1], "tail")) {
		check_tail();
	} else {
		fprintf(stderr, "kmod_misuse: unknown check '%s'\n", argv[1]);
		return 2;
	}
	return g_failed;
}
