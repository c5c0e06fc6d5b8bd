// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Unit test of the flag converters: driver/ppm_flag_helpers.h and
 * driver/renameat2_flags_to_scap.h (raw kernel value -> PPM_* value).
 *
 * The converters are fed the values a program really passes, taken from
 * the system headers, and the raw x86_64 numbers the helpers spell out for
 * BPF are compared with those headers, one by one: a typo in a hard-coded
 * number fails here rather than as a wrong flag in a capture. The name
 * tables are test_flag_tables.c's.
 *
 * Build and run (from the repository root):
 *   make -f test/unit.mk unit-build && build/test/unit/test_flag_converters
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <linux/openat2.h>
/* glibc has no PROT_SEM; the kernel's uapi header does. */
#include <asm-generic/mman-common.h>

#include "ppm_flag_helpers.h"
#include "renameat2_flags_to_scap.h"
#include "flags_table.h"

/* ------------------------------------------------------------------ */
/* open, openat, openat2                                               */
/* ------------------------------------------------------------------ */

static void test_open_raw_values(void **state)
{
	(void)state;
	assert_int_equal(SCAP_KERNEL_O_ACCMODE, O_ACCMODE);
	assert_int_equal(SCAP_KERNEL_O_WRONLY, O_WRONLY);
	assert_int_equal(SCAP_KERNEL_O_RDWR, O_RDWR);
	assert_int_equal(SCAP_KERNEL_O_CREAT, O_CREAT);
	assert_int_equal(SCAP_KERNEL_O_EXCL, O_EXCL);
	assert_int_equal(SCAP_KERNEL_O_TRUNC, O_TRUNC);
	assert_int_equal(SCAP_KERNEL_O_APPEND, O_APPEND);
	assert_int_equal(SCAP_KERNEL_O_NONBLOCK, O_NONBLOCK);
	assert_int_equal(SCAP_KERNEL_O_DSYNC, O_DSYNC);
	assert_int_equal(SCAP_KERNEL_O_DIRECT, O_DIRECT);
	assert_int_equal(SCAP_KERNEL_O_DIRECTORY, O_DIRECTORY);
	assert_int_equal(SCAP_KERNEL_O_CLOEXEC, O_CLOEXEC);
	assert_int_equal(SCAP_KERNEL_O_SYNC, O_SYNC);
	assert_int_equal(SCAP_KERNEL_O_TMPFILE, O_TMPFILE);
}

/*
 * glibc defines O_LARGEFILE as 0 on 64-bit targets, so the header cannot
 * vouch for that bit. The running kernel can: on 64-bit it adds
 * O_LARGEFILE to every open file, and F_GETFL reports it.
 */
static void test_open_largefile_from_kernel(void **state)
{
	int fd, fl;

	(void)state;
	fd = open("/dev/null", O_RDONLY);
	assert_true(fd >= 0);
	fl = fcntl(fd, F_GETFL);
	close(fd);
	assert_true(fl >= 0);
	assert_int_equal(fl, SCAP_KERNEL_O_LARGEFILE | O_RDONLY);
}

static void test_open_flags(void **state)
{
	(void)state;
	/* The example of the brief: what fopen(path, "w") passes. */
	assert_int_equal(open_flags_to_scap(O_WRONLY | O_CREAT | O_TRUNC),
			 PPM_O_WRONLY | PPM_O_CREAT | PPM_O_TRUNC);

	/* O_RDONLY is 0 in the kernel but a bit of its own in Falco's. */
	assert_int_equal(open_flags_to_scap(O_RDONLY), PPM_O_RDONLY);
	assert_int_equal(open_flags_to_scap(O_RDWR), PPM_O_RDWR);
	assert_int_equal(open_flags_to_scap(O_RDWR),
			 PPM_O_RDONLY | PPM_O_WRONLY);
	/* Access mode 3 has no PPM value; Falco records O_RDONLY. */
	assert_int_equal(open_flags_to_scap(O_ACCMODE), PPM_O_RDONLY);

	assert_int_equal(open_flags_to_scap(O_RDWR | O_APPEND | O_EXCL |
					    O_NONBLOCK | O_DIRECT | O_CLOEXEC),
			 PPM_O_RDWR | PPM_O_APPEND | PPM_O_EXCL |
			 PPM_O_NONBLOCK | PPM_O_DIRECT | PPM_O_CLOEXEC);
	assert_int_equal(open_flags_to_scap(SCAP_KERNEL_O_LARGEFILE),
			 PPM_O_RDONLY | PPM_O_LARGEFILE);

	/* What opendir() passes: a directory, not a temporary file. */
	assert_int_equal(open_flags_to_scap(O_RDONLY | O_NDELAY | O_DIRECTORY |
					    O_CLOEXEC),
			 PPM_O_RDONLY | PPM_O_NONBLOCK | PPM_O_DIRECTORY |
			 PPM_O_CLOEXEC);
	/* O_TMPFILE contains the O_DIRECTORY bit, so both show. */
	assert_int_equal(open_flags_to_scap(O_TMPFILE | O_RDWR),
			 PPM_O_RDWR | PPM_O_DIRECTORY | PPM_O_TMPFILE);

	/* O_SYNC contains O_DSYNC; O_DSYNC alone is not O_SYNC. */
	assert_int_equal(open_flags_to_scap(O_DSYNC),
			 PPM_O_RDONLY | PPM_O_DSYNC);
	assert_int_equal(open_flags_to_scap(O_WRONLY | O_SYNC),
			 PPM_O_WRONLY | PPM_O_DSYNC | PPM_O_SYNC);

	/* Flags Falco has no bit for are dropped. */
	assert_int_equal(open_flags_to_scap(O_NOCTTY | O_NOFOLLOW | O_NOATIME |
					    O_PATH | O_ASYNC),
			 PPM_O_RDONLY);
}

static void test_open_modes(void **state)
{
	(void)state;
	assert_int_equal(open_modes_to_scap(O_WRONLY | O_CREAT, 0644), 0644);
	assert_int_equal(open_modes_to_scap(O_RDWR | O_TMPFILE, 0600), 0600);
	/* creat(2) */
	assert_int_equal(open_modes_to_scap(SCAP_KERNEL_O_CREAT, 0755), 0755);
	/* Only the permission bits; the file type is not part of a mode. */
	assert_int_equal(open_modes_to_scap(O_CREAT, S_IFREG | 04755), 04755);

	/* No creation: the kernel ignores the mode, so Falco records 0. */
	assert_int_equal(open_modes_to_scap(O_RDONLY, 0644), 0);
	assert_int_equal(open_modes_to_scap(O_RDWR | O_TRUNC, 0644), 0);
	assert_int_equal(open_modes_to_scap(O_DIRECTORY, 0755), 0);
}

/* ------------------------------------------------------------------ */
/* socket families                                                     */
/* ------------------------------------------------------------------ */

static void test_socket_family_numbers(void **state)
{
	(void)state;
	/* Falco's numbers are Linux's; the converter relies on it. */
	assert_int_equal(PPM_AF_UNSPEC, AF_UNSPEC);
	assert_int_equal(PPM_AF_UNIX, AF_UNIX);
	assert_int_equal(PPM_AF_LOCAL, AF_LOCAL);
	assert_int_equal(PPM_AF_INET, AF_INET);
	assert_int_equal(PPM_AF_AX25, AF_AX25);
	assert_int_equal(PPM_AF_IPX, AF_IPX);
	assert_int_equal(PPM_AF_APPLETALK, AF_APPLETALK);
	assert_int_equal(PPM_AF_NETROM, AF_NETROM);
	assert_int_equal(PPM_AF_BRIDGE, AF_BRIDGE);
	assert_int_equal(PPM_AF_ATMPVC, AF_ATMPVC);
	assert_int_equal(PPM_AF_X25, AF_X25);
	assert_int_equal(PPM_AF_INET6, AF_INET6);
	assert_int_equal(PPM_AF_ROSE, AF_ROSE);
	assert_int_equal(PPM_AF_DECnet, AF_DECnet);
	assert_int_equal(PPM_AF_NETBEUI, AF_NETBEUI);
	assert_int_equal(PPM_AF_SECURITY, AF_SECURITY);
	assert_int_equal(PPM_AF_KEY, AF_KEY);
	assert_int_equal(PPM_AF_NETLINK, AF_NETLINK);
	assert_int_equal(PPM_AF_ROUTE, AF_ROUTE);
	assert_int_equal(PPM_AF_PACKET, AF_PACKET);
	assert_int_equal(PPM_AF_ASH, AF_ASH);
	assert_int_equal(PPM_AF_ECONET, AF_ECONET);
	assert_int_equal(PPM_AF_ATMSVC, AF_ATMSVC);
	assert_int_equal(PPM_AF_RDS, AF_RDS);
	assert_int_equal(PPM_AF_SNA, AF_SNA);
	assert_int_equal(PPM_AF_IRDA, AF_IRDA);
	assert_int_equal(PPM_AF_PPPOX, AF_PPPOX);
	assert_int_equal(PPM_AF_WANPIPE, AF_WANPIPE);
	assert_int_equal(PPM_AF_LLC, AF_LLC);
	assert_int_equal(SCAP_KERNEL_AF_IB, AF_IB);
	assert_int_equal(SCAP_KERNEL_AF_MPLS, AF_MPLS);
	assert_int_equal(PPM_AF_CAN, AF_CAN);
	assert_int_equal(PPM_AF_TIPC, AF_TIPC);
	assert_int_equal(PPM_AF_BLUETOOTH, AF_BLUETOOTH);
	assert_int_equal(PPM_AF_IUCV, AF_IUCV);
	assert_int_equal(PPM_AF_RXRPC, AF_RXRPC);
	assert_int_equal(PPM_AF_ISDN, AF_ISDN);
	assert_int_equal(PPM_AF_PHONET, AF_PHONET);
	assert_int_equal(PPM_AF_IEEE802154, AF_IEEE802154);
	assert_int_equal(PPM_AF_CAIF, AF_CAIF);
	assert_int_equal(PPM_AF_ALG, AF_ALG);
	assert_int_equal(PPM_AF_NFC, AF_NFC);
}

static void test_socket_family(void **state)
{
	int family;

	(void)state;
	assert_int_equal(socket_family_to_scap(AF_INET), PPM_AF_INET);
	assert_int_equal(socket_family_to_scap(AF_INET6), PPM_AF_INET6);
	assert_int_equal(socket_family_to_scap(AF_UNIX), PPM_AF_UNIX);
	assert_int_equal(socket_family_to_scap(AF_NETLINK), PPM_AF_NETLINK);
	assert_int_equal(socket_family_to_scap(AF_PACKET), PPM_AF_PACKET);
	assert_int_equal(socket_family_to_scap(AF_UNSPEC), PPM_AF_UNSPEC);

	/* Families Falco has no number for become AF_UNSPEC. */
	assert_int_equal(socket_family_to_scap(AF_IB), PPM_AF_UNSPEC);
	assert_int_equal(socket_family_to_scap(AF_MPLS), PPM_AF_UNSPEC);
	assert_int_equal(socket_family_to_scap(AF_VSOCK), PPM_AF_UNSPEC);
	assert_int_equal(socket_family_to_scap(AF_XDP), PPM_AF_UNSPEC);

	/* Every byte: the result is either the family itself or 0. */
	for (family = 0; family < 256; family++) {
		__u8 res = socket_family_to_scap((__u8)family);

		assert_true(res == family || res == PPM_AF_UNSPEC);
	}
}

/* ------------------------------------------------------------------ */
/* clone, fork, vfork, clone3                                          */
/* ------------------------------------------------------------------ */

static void test_clone_raw_values(void **state)
{
	(void)state;
	assert_int_equal(SCAP_KERNEL_CLONE_VM, CLONE_VM);
	assert_int_equal(SCAP_KERNEL_CLONE_FS, CLONE_FS);
	assert_int_equal(SCAP_KERNEL_CLONE_FILES, CLONE_FILES);
	assert_int_equal(SCAP_KERNEL_CLONE_SIGHAND, CLONE_SIGHAND);
	assert_int_equal(SCAP_KERNEL_CLONE_PTRACE, CLONE_PTRACE);
	assert_int_equal(SCAP_KERNEL_CLONE_VFORK, CLONE_VFORK);
	assert_int_equal(SCAP_KERNEL_CLONE_PARENT, CLONE_PARENT);
	assert_int_equal(SCAP_KERNEL_CLONE_THREAD, CLONE_THREAD);
	assert_int_equal(SCAP_KERNEL_CLONE_NEWNS, CLONE_NEWNS);
	assert_int_equal(SCAP_KERNEL_CLONE_SYSVSEM, CLONE_SYSVSEM);
	assert_int_equal(SCAP_KERNEL_CLONE_SETTLS, CLONE_SETTLS);
	assert_int_equal(SCAP_KERNEL_CLONE_PARENT_SETTID, CLONE_PARENT_SETTID);
	assert_int_equal(SCAP_KERNEL_CLONE_CHILD_CLEARTID, CLONE_CHILD_CLEARTID);
	assert_int_equal(SCAP_KERNEL_CLONE_UNTRACED, CLONE_UNTRACED);
	assert_int_equal(SCAP_KERNEL_CLONE_CHILD_SETTID, CLONE_CHILD_SETTID);
	assert_int_equal(SCAP_KERNEL_CLONE_NEWCGROUP, CLONE_NEWCGROUP);
	assert_int_equal(SCAP_KERNEL_CLONE_NEWUTS, CLONE_NEWUTS);
	assert_int_equal(SCAP_KERNEL_CLONE_NEWIPC, CLONE_NEWIPC);
	assert_int_equal(SCAP_KERNEL_CLONE_NEWUSER, CLONE_NEWUSER);
	assert_int_equal(SCAP_KERNEL_CLONE_NEWPID, CLONE_NEWPID);
	assert_int_equal(SCAP_KERNEL_CLONE_NEWNET, CLONE_NEWNET);
	assert_int_equal(SCAP_KERNEL_CLONE_IO, CLONE_IO);
}

static void test_clone_flags(void **state)
{
	(void)state;
	/* glibc's fork(); the exit signal in the low byte is not a flag. */
	assert_int_equal(clone_flags_to_scap(CLONE_CHILD_SETTID |
					     CLONE_CHILD_CLEARTID | SIGCHLD),
			 PPM_CL_CLONE_CHILD_SETTID |
			 PPM_CL_CLONE_CHILD_CLEARTID);
	/* glibc's pthread_create(). */
	assert_int_equal(clone_flags_to_scap(CLONE_VM | CLONE_FS | CLONE_FILES |
					     CLONE_SIGHAND | CLONE_THREAD |
					     CLONE_SYSVSEM | CLONE_SETTLS |
					     CLONE_PARENT_SETTID |
					     CLONE_CHILD_CLEARTID),
			 PPM_CL_CLONE_VM | PPM_CL_CLONE_FS |
			 PPM_CL_CLONE_FILES | PPM_CL_CLONE_SIGHAND |
			 PPM_CL_CLONE_THREAD | PPM_CL_CLONE_SYSVSEM |
			 PPM_CL_CLONE_SETTLS | PPM_CL_CLONE_PARENT_SETTID |
			 PPM_CL_CLONE_CHILD_CLEARTID);
	/* vfork(). */
	assert_int_equal(clone_flags_to_scap(CLONE_VM | CLONE_VFORK | SIGCHLD),
			 PPM_CL_CLONE_VM | PPM_CL_CLONE_VFORK);
	/* A container runtime. */
	assert_int_equal(clone_flags_to_scap(CLONE_NEWNS | CLONE_NEWUTS |
					     CLONE_NEWIPC | CLONE_NEWUSER |
					     CLONE_NEWPID | CLONE_NEWNET |
					     CLONE_NEWCGROUP),
			 PPM_CL_CLONE_NEWNS | PPM_CL_CLONE_NEWUTS |
			 PPM_CL_CLONE_NEWIPC | PPM_CL_CLONE_NEWUSER |
			 PPM_CL_CLONE_NEWPID | PPM_CL_CLONE_NEWNET |
			 PPM_CL_CLONE_NEWCGROUP);
	assert_int_equal(clone_flags_to_scap(CLONE_PARENT | CLONE_PTRACE |
					     CLONE_UNTRACED | CLONE_IO),
			 PPM_CL_CLONE_PARENT | PPM_CL_CLONE_PTRACE |
			 PPM_CL_CLONE_UNTRACED | PPM_CL_CLONE_IO);

	/* No PPM bit: CLONE_PIDFD, CLONE_NEWTIME, clone3's bits above 32. */
	assert_int_equal(clone_flags_to_scap(CLONE_PIDFD | CLONE_NEWTIME), 0);
	assert_int_equal(clone_flags_to_scap(0x100000000UL | 0x200000000UL), 0);
}

/* ------------------------------------------------------------------ */
/* mmap, mprotect                                                      */
/* ------------------------------------------------------------------ */

static void test_mmap_raw_values(void **state)
{
	(void)state;
	assert_int_equal(SCAP_KERNEL_PROT_READ, PROT_READ);
	assert_int_equal(SCAP_KERNEL_PROT_WRITE, PROT_WRITE);
	assert_int_equal(SCAP_KERNEL_PROT_EXEC, PROT_EXEC);
	assert_int_equal(SCAP_KERNEL_PROT_SEM, PROT_SEM);
	assert_int_equal(SCAP_KERNEL_PROT_GROWSDOWN, PROT_GROWSDOWN);
	assert_int_equal(SCAP_KERNEL_PROT_GROWSUP, PROT_GROWSUP);

	assert_int_equal(SCAP_KERNEL_MAP_SHARED, MAP_SHARED);
	assert_int_equal(SCAP_KERNEL_MAP_PRIVATE, MAP_PRIVATE);
	assert_int_equal(SCAP_KERNEL_MAP_FIXED, MAP_FIXED);
	assert_int_equal(SCAP_KERNEL_MAP_ANONYMOUS, MAP_ANONYMOUS);
	assert_int_equal(SCAP_KERNEL_MAP_32BIT, MAP_32BIT);
	assert_int_equal(SCAP_KERNEL_MAP_GROWSDOWN, MAP_GROWSDOWN);
	assert_int_equal(SCAP_KERNEL_MAP_DENYWRITE, MAP_DENYWRITE);
	assert_int_equal(SCAP_KERNEL_MAP_EXECUTABLE, MAP_EXECUTABLE);
	assert_int_equal(SCAP_KERNEL_MAP_LOCKED, MAP_LOCKED);
	assert_int_equal(SCAP_KERNEL_MAP_NORESERVE, MAP_NORESERVE);
	assert_int_equal(SCAP_KERNEL_MAP_POPULATE, MAP_POPULATE);
	assert_int_equal(SCAP_KERNEL_MAP_NONBLOCK, MAP_NONBLOCK);
}

static void test_prot_flags(void **state)
{
	(void)state;
	assert_int_equal(prot_flags_to_scap(PROT_NONE), PPM_PROT_NONE);
	assert_int_equal(prot_flags_to_scap(PROT_READ | PROT_WRITE),
			 PPM_PROT_READ | PPM_PROT_WRITE);
	assert_int_equal(prot_flags_to_scap(PROT_READ | PROT_EXEC),
			 PPM_PROT_READ | PPM_PROT_EXEC);
	assert_int_equal(prot_flags_to_scap(PROT_SEM), PPM_PROT_SEM);
	/* These two move from bits 24-25 down to bits 4-5. */
	assert_int_equal(prot_flags_to_scap(PROT_WRITE | PROT_GROWSDOWN),
			 PPM_PROT_WRITE | PPM_PROT_GROWSDOWN);
	assert_int_equal(prot_flags_to_scap(PROT_GROWSUP), PPM_PROT_GROWSUP);
}

static void test_mmap_flags(void **state)
{
	(void)state;
	/* malloc() of a large block. */
	assert_int_equal(mmap_flags_to_scap(MAP_PRIVATE | MAP_ANONYMOUS),
			 PPM_MAP_PRIVATE | PPM_MAP_ANONYMOUS);
	/* ld.so mapping a library segment. */
	assert_int_equal(mmap_flags_to_scap(MAP_PRIVATE | MAP_FIXED |
					    MAP_DENYWRITE),
			 PPM_MAP_PRIVATE | PPM_MAP_FIXED | PPM_MAP_DENYWRITE);
	assert_int_equal(mmap_flags_to_scap(MAP_SHARED | MAP_32BIT |
					    MAP_GROWSDOWN | MAP_EXECUTABLE |
					    MAP_LOCKED | MAP_NORESERVE |
					    MAP_POPULATE | MAP_NONBLOCK),
			 PPM_MAP_SHARED | PPM_MAP_32BIT | PPM_MAP_GROWSDOWN |
			 PPM_MAP_EXECUTABLE | PPM_MAP_LOCKED |
			 PPM_MAP_NORESERVE | PPM_MAP_POPULATE |
			 PPM_MAP_NONBLOCK);
	/* MAP_SHARED_VALIDATE is both mapping-type bits. */
	assert_int_equal(mmap_flags_to_scap(MAP_SHARED_VALIDATE),
			 PPM_MAP_SHARED | PPM_MAP_PRIVATE);
	/* No PPM bit; MAP_FILE is 0 in Linux. */
	assert_int_equal(mmap_flags_to_scap(MAP_STACK | MAP_HUGETLB |
					    MAP_SYNC | MAP_FIXED_NOREPLACE |
					    MAP_FILE),
			 0);
}

/* ------------------------------------------------------------------ */
/* unlinkat, renameat2, openat2, execveat                              */
/* ------------------------------------------------------------------ */

static void test_at_flags(void **state)
{
	(void)state;
	assert_int_equal(SCAP_KERNEL_AT_SYMLINK_NOFOLLOW, AT_SYMLINK_NOFOLLOW);
	assert_int_equal(SCAP_KERNEL_AT_REMOVEDIR, AT_REMOVEDIR);
	assert_int_equal(SCAP_KERNEL_AT_EMPTY_PATH, AT_EMPTY_PATH);

	assert_int_equal(unlinkat_flags_to_scap(0), 0);
	assert_int_equal(unlinkat_flags_to_scap(AT_REMOVEDIR), PPM_AT_REMOVEDIR);

	assert_int_equal(execveat_flags_to_scap(0), 0);
	assert_int_equal(execveat_flags_to_scap(AT_EMPTY_PATH),
			 PPM_EXVAT_AT_EMPTY_PATH);
	assert_int_equal(execveat_flags_to_scap(AT_SYMLINK_NOFOLLOW),
			 PPM_EXVAT_AT_SYMLINK_NOFOLLOW);
	assert_int_equal(execveat_flags_to_scap(AT_EMPTY_PATH |
						AT_SYMLINK_NOFOLLOW),
			 PPM_EXVAT_AT_EMPTY_PATH |
			 PPM_EXVAT_AT_SYMLINK_NOFOLLOW);
}

static void test_renameat2_flags(void **state)
{
	(void)state;
	assert_int_equal(SCAP_KERNEL_RENAME_NOREPLACE, RENAME_NOREPLACE);
	assert_int_equal(SCAP_KERNEL_RENAME_EXCHANGE, RENAME_EXCHANGE);
	assert_int_equal(SCAP_KERNEL_RENAME_WHITEOUT, RENAME_WHITEOUT);

	assert_int_equal(renameat2_flags_to_scap(0), 0);
	assert_int_equal(renameat2_flags_to_scap(RENAME_NOREPLACE),
			 PPM_RENAME_NOREPLACE);
	assert_int_equal(renameat2_flags_to_scap(RENAME_EXCHANGE),
			 PPM_RENAME_EXCHANGE);
	assert_int_equal(renameat2_flags_to_scap(RENAME_NOREPLACE |
						 RENAME_WHITEOUT),
			 PPM_RENAME_NOREPLACE | PPM_RENAME_WHITEOUT);
	/* A bit the kernel would reject with EINVAL is not recorded. */
	assert_int_equal(renameat2_flags_to_scap(1U << 3), 0);
}

static void test_openat2_resolve(void **state)
{
	(void)state;
	assert_int_equal(SCAP_KERNEL_RESOLVE_NO_XDEV, RESOLVE_NO_XDEV);
	assert_int_equal(SCAP_KERNEL_RESOLVE_NO_MAGICLINKS,
			 RESOLVE_NO_MAGICLINKS);
	assert_int_equal(SCAP_KERNEL_RESOLVE_NO_SYMLINKS, RESOLVE_NO_SYMLINKS);
	assert_int_equal(SCAP_KERNEL_RESOLVE_BENEATH, RESOLVE_BENEATH);
	assert_int_equal(SCAP_KERNEL_RESOLVE_IN_ROOT, RESOLVE_IN_ROOT);
	assert_int_equal(SCAP_KERNEL_RESOLVE_CACHED, RESOLVE_CACHED);

	/* Same flags, different bits: check each one lands in its place. */
	assert_int_equal(openat2_resolve_to_scap(RESOLVE_NO_XDEV),
			 PPM_RESOLVE_NO_XDEV);
	assert_int_equal(openat2_resolve_to_scap(RESOLVE_NO_MAGICLINKS),
			 PPM_RESOLVE_NO_MAGICLINKS);
	assert_int_equal(openat2_resolve_to_scap(RESOLVE_NO_SYMLINKS),
			 PPM_RESOLVE_NO_SYMLINKS);
	assert_int_equal(openat2_resolve_to_scap(RESOLVE_BENEATH),
			 PPM_RESOLVE_BENEATH);
	assert_int_equal(openat2_resolve_to_scap(RESOLVE_IN_ROOT),
			 PPM_RESOLVE_IN_ROOT);
	assert_int_equal(openat2_resolve_to_scap(RESOLVE_CACHED),
			 PPM_RESOLVE_CACHED);
	assert_int_equal(openat2_resolve_to_scap(0), 0);
	assert_int_equal(openat2_resolve_to_scap(1ULL << 40), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_raw_values),
		cmocka_unit_test(test_open_largefile_from_kernel),
		cmocka_unit_test(test_open_flags),
		cmocka_unit_test(test_open_modes),
		cmocka_unit_test(test_socket_family_numbers),
		cmocka_unit_test(test_socket_family),
		cmocka_unit_test(test_clone_raw_values),
		cmocka_unit_test(test_clone_flags),
		cmocka_unit_test(test_mmap_raw_values),
		cmocka_unit_test(test_prot_flags),
		cmocka_unit_test(test_mmap_flags),
		cmocka_unit_test(test_at_flags),
		cmocka_unit_test(test_renameat2_flags),
		cmocka_unit_test(test_openat2_resolve),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
