/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Converters from the raw flag values a syscall receives to Falco's PPM_*
 * encoding (ppm_flags.h): one per kind of PT_FLAGS32 parameter, plus the
 * rule for open's "mode".
 *
 * Every driver calls them while it fills an event: the kernel module's
 * fillers, the legacy eBPF fillers and the modern eBPF programs, which is
 * what keeps the three byte-for-byte equal. The unit test
 * (test/unit/test_flag_converters.c) calls them from userspace. So this header
 * compiles unchanged in three places:
 *  - a BPF program, built with clang -target bpf after vmlinux.h, which
 *    has the kernel's types but none of its #defines (no O_CREAT, no
 *    CLONE_VM);
 *  - the kernel module, against the kernel headers;
 *  - userspace, against libc.
 * That is why the raw values are spelled out here under private
 * SCAP_KERNEL_* names instead of being taken from a header.
 *
 * They run on every syscall in BPF, so each is a flat OR of
 * "kernel bit set ? PPM bit : 0" terms: no loop and no table for the
 * verifier to walk, and clang -O2 turns the terms into masks and shifts
 * rather than branches.
 */
#ifndef SCAPLAB_PPM_FLAG_HELPERS_H
#define SCAPLAB_PPM_FLAG_HELPERS_H

#if !defined(__VMLINUX_H__)
#include <linux/types.h>
#endif
#include "ppm_flags.h"

/*
 * The kernel and libbpf's bpf_helpers.h define it; plain userspace may
 * not. Spelled exactly like glibc's <sys/cdefs.h> so that including this
 * header before a libc header is not a macro redefinition.
 */
#ifndef __always_inline
#define __always_inline __inline __attribute__ ((__always_inline__))
#endif

/*
 * The raw values, as the x86_64 kernel defines them in its uapi headers
 * (asm-generic/fcntl.h, asm-generic/mman-common.h, asm/mman.h,
 * linux/sched.h, linux/socket.h, linux/fcntl.h, linux/fs.h,
 * linux/openat2.h). x86_64 only: other architectures move some open and
 * mmap bits. The unit test compares each with the system headers, and the
 * kernel module build compares them with the kernel's own (see the end of
 * this file), so a typo here cannot pass silently.
 */

/* open(2). O_RDONLY is 0, hence the access-mode mask. */
#define SCAP_KERNEL_O_ACCMODE		00000003U
#define SCAP_KERNEL_O_WRONLY		00000001U
#define SCAP_KERNEL_O_RDWR		00000002U
#define SCAP_KERNEL_O_CREAT		00000100U
#define SCAP_KERNEL_O_EXCL		00000200U
#define SCAP_KERNEL_O_TRUNC		00001000U
#define SCAP_KERNEL_O_APPEND		00002000U
#define SCAP_KERNEL_O_NONBLOCK		00004000U
#define SCAP_KERNEL_O_DSYNC		00010000U
#define SCAP_KERNEL_O_DIRECT		00040000U
#define SCAP_KERNEL_O_LARGEFILE		00100000U
#define SCAP_KERNEL_O_DIRECTORY		00200000U
#define SCAP_KERNEL_O_CLOEXEC		02000000U
/* Two bits each: O_SYNC contains O_DSYNC, O_TMPFILE contains O_DIRECTORY. */
#define SCAP_KERNEL_O_SYNC		(04000000U | SCAP_KERNEL_O_DSYNC)
#define SCAP_KERNEL_O_TMPFILE		(020000000U | SCAP_KERNEL_O_DIRECTORY)

/* The two families between AF_LLC and AF_CAN that Falco has no number for. */
#define SCAP_KERNEL_AF_IB		27
#define SCAP_KERNEL_AF_MPLS		28

/* clone(2), and the low 32 bits of clone3's clone_args.flags. */
#define SCAP_KERNEL_CLONE_VM		0x00000100U
#define SCAP_KERNEL_CLONE_FS		0x00000200U
#define SCAP_KERNEL_CLONE_FILES		0x00000400U
#define SCAP_KERNEL_CLONE_SIGHAND	0x00000800U
#define SCAP_KERNEL_CLONE_PTRACE	0x00002000U
#define SCAP_KERNEL_CLONE_VFORK		0x00004000U
#define SCAP_KERNEL_CLONE_PARENT	0x00008000U
#define SCAP_KERNEL_CLONE_THREAD	0x00010000U
#define SCAP_KERNEL_CLONE_NEWNS		0x00020000U
#define SCAP_KERNEL_CLONE_SYSVSEM	0x00040000U
#define SCAP_KERNEL_CLONE_SETTLS	0x00080000U
#define SCAP_KERNEL_CLONE_PARENT_SETTID	0x00100000U
#define SCAP_KERNEL_CLONE_CHILD_CLEARTID 0x00200000U
#define SCAP_KERNEL_CLONE_UNTRACED	0x00800000U
#define SCAP_KERNEL_CLONE_CHILD_SETTID	0x01000000U
#define SCAP_KERNEL_CLONE_NEWCGROUP	0x02000000U
#define SCAP_KERNEL_CLONE_NEWUTS	0x04000000U
#define SCAP_KERNEL_CLONE_NEWIPC	0x08000000U
#define SCAP_KERNEL_CLONE_NEWUSER	0x10000000U
#define SCAP_KERNEL_CLONE_NEWPID	0x20000000U
#define SCAP_KERNEL_CLONE_NEWNET	0x40000000U
#define SCAP_KERNEL_CLONE_IO		0x80000000U

/* mmap(2), mprotect(2) prot. */
#define SCAP_KERNEL_PROT_READ		0x1U
#define SCAP_KERNEL_PROT_WRITE		0x2U
#define SCAP_KERNEL_PROT_EXEC		0x4U
#define SCAP_KERNEL_PROT_SEM		0x8U
#define SCAP_KERNEL_PROT_GROWSDOWN	0x01000000U
#define SCAP_KERNEL_PROT_GROWSUP	0x02000000U

/* mmap(2) flags. */
#define SCAP_KERNEL_MAP_SHARED		0x00001U
#define SCAP_KERNEL_MAP_PRIVATE		0x00002U
#define SCAP_KERNEL_MAP_FIXED		0x00010U
#define SCAP_KERNEL_MAP_ANONYMOUS	0x00020U
#define SCAP_KERNEL_MAP_32BIT		0x00040U
#define SCAP_KERNEL_MAP_GROWSDOWN	0x00100U
#define SCAP_KERNEL_MAP_DENYWRITE	0x00800U
#define SCAP_KERNEL_MAP_EXECUTABLE	0x01000U
#define SCAP_KERNEL_MAP_LOCKED		0x02000U
#define SCAP_KERNEL_MAP_NORESERVE	0x04000U
#define SCAP_KERNEL_MAP_POPULATE	0x08000U
#define SCAP_KERNEL_MAP_NONBLOCK	0x10000U

/* The *at() flags used by unlinkat and execveat. */
#define SCAP_KERNEL_AT_SYMLINK_NOFOLLOW	0x100U
#define SCAP_KERNEL_AT_REMOVEDIR	0x200U
#define SCAP_KERNEL_AT_EMPTY_PATH	0x1000U

/* renameat2(2). */
#define SCAP_KERNEL_RENAME_NOREPLACE	0x1U
#define SCAP_KERNEL_RENAME_EXCHANGE	0x2U
#define SCAP_KERNEL_RENAME_WHITEOUT	0x4U

/* openat2(2), struct open_how.resolve. */
#define SCAP_KERNEL_RESOLVE_NO_XDEV	0x01U
#define SCAP_KERNEL_RESOLVE_NO_MAGICLINKS 0x02U
#define SCAP_KERNEL_RESOLVE_NO_SYMLINKS	0x04U
#define SCAP_KERNEL_RESOLVE_BENEATH	0x08U
#define SCAP_KERNEL_RESOLVE_IN_ROOT	0x10U
#define SCAP_KERNEL_RESOLVE_CACHED	0x20U

/* One term of every converter: ppm_bit if any of kernel_bits is set. */
static __always_inline __u32 ppm_bit_if(__u64 value, __u64 kernel_bits,
					__u32 ppm_bit)
{
	return (value & kernel_bits) ? ppm_bit : 0;
}

/* The same for a multi-bit kernel flag: ppm_bit only if all are set. */
static __always_inline __u32 ppm_bit_if_all(__u64 value, __u64 kernel_bits,
					    __u32 ppm_bit)
{
	return (value & kernel_bits) == kernel_bits ? ppm_bit : 0;
}

/*
 * open, openat, openat2 "flags". The access mode becomes two bits so that
 * O_RDONLY (0 in the kernel) shows; the invalid mode 3 is recorded as
 * O_RDONLY, as Falco does. O_NOCTTY, O_NOFOLLOW, O_NOATIME, O_PATH and
 * O_ASYNC have no PPM bit and are dropped.
 */
static __always_inline __u32 open_flags_to_scap(__u32 flags)
{
	__u32 mode = flags & SCAP_KERNEL_O_ACCMODE;
	__u32 res;

	if (mode == SCAP_KERNEL_O_WRONLY)
		res = PPM_O_WRONLY;
	else if (mode == SCAP_KERNEL_O_RDWR)
		res = PPM_O_RDWR;
	else
		res = PPM_O_RDONLY;

	/*
	 * O_SYNC and O_TMPFILE need both of their bits, as the kernel and
	 * libc test them: with "any bit", an O_DSYNC open would read as
	 * O_SYNC and every opendir() (O_DIRECTORY) as O_TMPFILE. Falco's
	 * 2022 driver tests any bit and does show that.
	 */
	return res |
	       ppm_bit_if(flags, SCAP_KERNEL_O_CREAT, PPM_O_CREAT) |
	       ppm_bit_if(flags, SCAP_KERNEL_O_APPEND, PPM_O_APPEND) |
	       ppm_bit_if(flags, SCAP_KERNEL_O_DSYNC, PPM_O_DSYNC) |
	       ppm_bit_if(flags, SCAP_KERNEL_O_EXCL, PPM_O_EXCL) |
	       ppm_bit_if(flags, SCAP_KERNEL_O_NONBLOCK, PPM_O_NONBLOCK) |
	       ppm_bit_if(flags, SCAP_KERNEL_O_TRUNC, PPM_O_TRUNC) |
	       ppm_bit_if(flags, SCAP_KERNEL_O_DIRECT, PPM_O_DIRECT) |
	       ppm_bit_if(flags, SCAP_KERNEL_O_DIRECTORY, PPM_O_DIRECTORY) |
	       ppm_bit_if(flags, SCAP_KERNEL_O_LARGEFILE, PPM_O_LARGEFILE) |
	       ppm_bit_if(flags, SCAP_KERNEL_O_CLOEXEC, PPM_O_CLOEXEC) |
	       ppm_bit_if_all(flags, SCAP_KERNEL_O_SYNC, PPM_O_SYNC) |
	       ppm_bit_if_all(flags, SCAP_KERNEL_O_TMPFILE, PPM_O_TMPFILE);
}

/*
 * open, openat, openat2 "mode" (creat passes SCAP_KERNEL_O_CREAT as flags).
 * The kernel only looks at the mode when the call may create a file, that
 * is with O_CREAT or the O_TMPFILE bit; otherwise the register holds
 * whatever the caller left there, so Falco records 0. The PPM_S_* mode
 * bits are the kernel's own, so converting is keeping the 12 permission
 * bits.
 */
static __always_inline __u32 open_modes_to_scap(__u32 flags, __u32 mode)
{
	__u32 creates = SCAP_KERNEL_O_CREAT |
			(SCAP_KERNEL_O_TMPFILE & ~SCAP_KERNEL_O_DIRECTORY);

	return (flags & creates) ? (mode & 07777U) : 0;
}

/*
 * socket()'s "domain" and the family byte of PT_SOCKADDR / PT_SOCKTUPLE.
 * The PPM numbers are Linux's own, so this is the identity, except that
 * families Falco has no number for (AF_IB, AF_MPLS, and everything after
 * AF_NFC: AF_VSOCK, AF_XDP...) are stored as AF_UNSPEC.
 */
static __always_inline __u8 socket_family_to_scap(__u8 family)
{
	if (family > PPM_AF_NFC || family == SCAP_KERNEL_AF_IB ||
	    family == SCAP_KERNEL_AF_MPLS)
		return PPM_AF_UNSPEC;
	return family;
}

/*
 * clone, clone3 (and fork, vfork) exit "flags". The low byte of clone()'s
 * flags is the exit signal, not a flag; CLONE_PIDFD, CLONE_DETACHED,
 * CLONE_NEWTIME and the clone3-only bits above 32 have no PPM bit. The
 * kernel bit Falco once read as CLONE_STOPPED is CLONE_NEWCGROUP today.
 */
static __always_inline __u32 clone_flags_to_scap(unsigned long flags)
{
	return ppm_bit_if(flags, SCAP_KERNEL_CLONE_FILES, PPM_CL_CLONE_FILES) |
	       ppm_bit_if(flags, SCAP_KERNEL_CLONE_FS, PPM_CL_CLONE_FS) |
	       ppm_bit_if(flags, SCAP_KERNEL_CLONE_IO, PPM_CL_CLONE_IO) |
	       ppm_bit_if(flags, SCAP_KERNEL_CLONE_NEWIPC, PPM_CL_CLONE_NEWIPC) |
	       ppm_bit_if(flags, SCAP_KERNEL_CLONE_NEWNET, PPM_CL_CLONE_NEWNET) |
	       ppm_bit_if(flags, SCAP_KERNEL_CLONE_NEWNS, PPM_CL_CLONE_NEWNS) |
	       ppm_bit_if(flags, SCAP_KERNEL_CLONE_NEWPID, PPM_CL_CLONE_NEWPID) |
	       ppm_bit_if(flags, SCAP_KERNEL_CLONE_NEWUTS, PPM_CL_CLONE_NEWUTS) |
	       ppm_bit_if(flags, SCAP_KERNEL_CLONE_PARENT, PPM_CL_CLONE_PARENT) |
	       ppm_bit_if(flags, SCAP_KERNEL_CLONE_PARENT_SETTID,
			  PPM_CL_CLONE_PARENT_SETTID) |
	       ppm_bit_if(flags, SCAP_KERNEL_CLONE_PTRACE, PPM_CL_CLONE_PTRACE) |
	       ppm_bit_if(flags, SCAP_KERNEL_CLONE_SIGHAND, PPM_CL_CLONE_SIGHAND) |
	       ppm_bit_if(flags, SCAP_KERNEL_CLONE_SYSVSEM, PPM_CL_CLONE_SYSVSEM) |
	       ppm_bit_if(flags, SCAP_KERNEL_CLONE_THREAD, PPM_CL_CLONE_THREAD) |
	       ppm_bit_if(flags, SCAP_KERNEL_CLONE_UNTRACED, PPM_CL_CLONE_UNTRACED) |
	       ppm_bit_if(flags, SCAP_KERNEL_CLONE_VM, PPM_CL_CLONE_VM) |
	       ppm_bit_if(flags, SCAP_KERNEL_CLONE_NEWUSER, PPM_CL_CLONE_NEWUSER) |
	       ppm_bit_if(flags, SCAP_KERNEL_CLONE_CHILD_CLEARTID,
			  PPM_CL_CLONE_CHILD_CLEARTID) |
	       ppm_bit_if(flags, SCAP_KERNEL_CLONE_CHILD_SETTID,
			  PPM_CL_CLONE_CHILD_SETTID) |
	       ppm_bit_if(flags, SCAP_KERNEL_CLONE_SETTLS, PPM_CL_CLONE_SETTLS) |
	       ppm_bit_if(flags, SCAP_KERNEL_CLONE_VFORK, PPM_CL_CLONE_VFORK) |
	       ppm_bit_if(flags, SCAP_KERNEL_CLONE_NEWCGROUP,
			  PPM_CL_CLONE_NEWCGROUP);
}

/* mmap, mprotect "prot". PROT_SAO exists only on powerpc. */
static __always_inline __u32 prot_flags_to_scap(__u32 prot)
{
	return ppm_bit_if(prot, SCAP_KERNEL_PROT_READ, PPM_PROT_READ) |
	       ppm_bit_if(prot, SCAP_KERNEL_PROT_WRITE, PPM_PROT_WRITE) |
	       ppm_bit_if(prot, SCAP_KERNEL_PROT_EXEC, PPM_PROT_EXEC) |
	       ppm_bit_if(prot, SCAP_KERNEL_PROT_SEM, PPM_PROT_SEM) |
	       ppm_bit_if(prot, SCAP_KERNEL_PROT_GROWSDOWN, PPM_PROT_GROWSDOWN) |
	       ppm_bit_if(prot, SCAP_KERNEL_PROT_GROWSUP, PPM_PROT_GROWSUP);
}

/*
 * mmap "flags". MAP_SHARED_VALIDATE (both type bits) comes out as
 * MAP_SHARED|MAP_PRIVATE; MAP_STACK, MAP_HUGETLB, MAP_SYNC and
 * MAP_FIXED_NOREPLACE have no PPM bit and are dropped.
 */
static __always_inline __u32 mmap_flags_to_scap(__u32 flags)
{
	return ppm_bit_if(flags, SCAP_KERNEL_MAP_SHARED, PPM_MAP_SHARED) |
	       ppm_bit_if(flags, SCAP_KERNEL_MAP_PRIVATE, PPM_MAP_PRIVATE) |
	       ppm_bit_if(flags, SCAP_KERNEL_MAP_FIXED, PPM_MAP_FIXED) |
	       ppm_bit_if(flags, SCAP_KERNEL_MAP_ANONYMOUS, PPM_MAP_ANONYMOUS) |
	       ppm_bit_if(flags, SCAP_KERNEL_MAP_32BIT, PPM_MAP_32BIT) |
	       ppm_bit_if(flags, SCAP_KERNEL_MAP_NORESERVE, PPM_MAP_NORESERVE) |
	       ppm_bit_if(flags, SCAP_KERNEL_MAP_POPULATE, PPM_MAP_POPULATE) |
	       ppm_bit_if(flags, SCAP_KERNEL_MAP_NONBLOCK, PPM_MAP_NONBLOCK) |
	       ppm_bit_if(flags, SCAP_KERNEL_MAP_GROWSDOWN, PPM_MAP_GROWSDOWN) |
	       ppm_bit_if(flags, SCAP_KERNEL_MAP_DENYWRITE, PPM_MAP_DENYWRITE) |
	       ppm_bit_if(flags, SCAP_KERNEL_MAP_EXECUTABLE, PPM_MAP_EXECUTABLE) |
	       ppm_bit_if(flags, SCAP_KERNEL_MAP_LOCKED, PPM_MAP_LOCKED);
}

/* unlinkat "flags". */
static __always_inline __u32 unlinkat_flags_to_scap(__u32 flags)
{
	return ppm_bit_if(flags, SCAP_KERNEL_AT_REMOVEDIR, PPM_AT_REMOVEDIR);
}

/* renameat2 "flags": renameat2_flags_to_scap.h, kept apart for lab 04. */

/* openat2 "resolve": the same six flags as the kernel, in another order. */
static __always_inline __u32 openat2_resolve_to_scap(__u64 resolve)
{
	return ppm_bit_if(resolve, SCAP_KERNEL_RESOLVE_BENEATH,
			  PPM_RESOLVE_BENEATH) |
	       ppm_bit_if(resolve, SCAP_KERNEL_RESOLVE_IN_ROOT,
			  PPM_RESOLVE_IN_ROOT) |
	       ppm_bit_if(resolve, SCAP_KERNEL_RESOLVE_NO_MAGICLINKS,
			  PPM_RESOLVE_NO_MAGICLINKS) |
	       ppm_bit_if(resolve, SCAP_KERNEL_RESOLVE_NO_SYMLINKS,
			  PPM_RESOLVE_NO_SYMLINKS) |
	       ppm_bit_if(resolve, SCAP_KERNEL_RESOLVE_NO_XDEV,
			  PPM_RESOLVE_NO_XDEV) |
	       ppm_bit_if(resolve, SCAP_KERNEL_RESOLVE_CACHED,
			  PPM_RESOLVE_CACHED);
}

/* execveat enter "flags". */
static __always_inline __u32 execveat_flags_to_scap(__u32 flags)
{
	return ppm_bit_if(flags, SCAP_KERNEL_AT_EMPTY_PATH,
			  PPM_EXVAT_AT_EMPTY_PATH) |
	       ppm_bit_if(flags, SCAP_KERNEL_AT_SYMLINK_NOFOLLOW,
			  PPM_EXVAT_AT_SYMLINK_NOFOLLOW);
}

/*
 * In the kernel module the real macros exist: check every raw value above
 * against them, so a typo, or a build for an architecture whose numbers
 * differ, stops the build instead of recording wrong flags.
 */
#if defined(__KERNEL__) && !defined(__VMLINUX_H__)
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/socket.h>

#define SCAP_KERNEL_CHECK(name) \
	_Static_assert(name == SCAP_KERNEL_##name, \
		       #name " differs from the x86_64 value in ppm_flag_helpers.h")

SCAP_KERNEL_CHECK(O_ACCMODE);
SCAP_KERNEL_CHECK(O_WRONLY);
SCAP_KERNEL_CHECK(O_RDWR);
SCAP_KERNEL_CHECK(O_CREAT);
SCAP_KERNEL_CHECK(O_EXCL);
SCAP_KERNEL_CHECK(O_TRUNC);
SCAP_KERNEL_CHECK(O_APPEND);
SCAP_KERNEL_CHECK(O_NONBLOCK);
SCAP_KERNEL_CHECK(O_DSYNC);
SCAP_KERNEL_CHECK(O_DIRECT);
SCAP_KERNEL_CHECK(O_LARGEFILE);
SCAP_KERNEL_CHECK(O_DIRECTORY);
SCAP_KERNEL_CHECK(O_CLOEXEC);
SCAP_KERNEL_CHECK(O_SYNC);
SCAP_KERNEL_CHECK(O_TMPFILE);
SCAP_KERNEL_CHECK(AF_IB);
SCAP_KERNEL_CHECK(AF_MPLS);
SCAP_KERNEL_CHECK(CLONE_VM);
SCAP_KERNEL_CHECK(CLONE_FS);
SCAP_KERNEL_CHECK(CLONE_FILES);
SCAP_KERNEL_CHECK(CLONE_SIGHAND);
SCAP_KERNEL_CHECK(CLONE_PTRACE);
SCAP_KERNEL_CHECK(CLONE_VFORK);
SCAP_KERNEL_CHECK(CLONE_PARENT);
SCAP_KERNEL_CHECK(CLONE_THREAD);
SCAP_KERNEL_CHECK(CLONE_NEWNS);
SCAP_KERNEL_CHECK(CLONE_SYSVSEM);
SCAP_KERNEL_CHECK(CLONE_SETTLS);
SCAP_KERNEL_CHECK(CLONE_PARENT_SETTID);
SCAP_KERNEL_CHECK(CLONE_CHILD_CLEARTID);
SCAP_KERNEL_CHECK(CLONE_UNTRACED);
SCAP_KERNEL_CHECK(CLONE_CHILD_SETTID);
SCAP_KERNEL_CHECK(CLONE_NEWCGROUP);
SCAP_KERNEL_CHECK(CLONE_NEWUTS);
SCAP_KERNEL_CHECK(CLONE_NEWIPC);
SCAP_KERNEL_CHECK(CLONE_NEWUSER);
SCAP_KERNEL_CHECK(CLONE_NEWPID);
SCAP_KERNEL_CHECK(CLONE_NEWNET);
SCAP_KERNEL_CHECK(CLONE_IO);
SCAP_KERNEL_CHECK(PROT_READ);
SCAP_KERNEL_CHECK(PROT_WRITE);
SCAP_KERNEL_CHECK(PROT_EXEC);
SCAP_KERNEL_CHECK(PROT_SEM);
SCAP_KERNEL_CHECK(PROT_GROWSDOWN);
SCAP_KERNEL_CHECK(PROT_GROWSUP);
SCAP_KERNEL_CHECK(MAP_SHARED);
SCAP_KERNEL_CHECK(MAP_PRIVATE);
SCAP_KERNEL_CHECK(MAP_FIXED);
SCAP_KERNEL_CHECK(MAP_ANONYMOUS);
SCAP_KERNEL_CHECK(MAP_32BIT);
SCAP_KERNEL_CHECK(MAP_GROWSDOWN);
SCAP_KERNEL_CHECK(MAP_DENYWRITE);
SCAP_KERNEL_CHECK(MAP_EXECUTABLE);
SCAP_KERNEL_CHECK(MAP_LOCKED);
SCAP_KERNEL_CHECK(MAP_NORESERVE);
SCAP_KERNEL_CHECK(MAP_POPULATE);
SCAP_KERNEL_CHECK(MAP_NONBLOCK);
SCAP_KERNEL_CHECK(AT_SYMLINK_NOFOLLOW);
SCAP_KERNEL_CHECK(AT_REMOVEDIR);
SCAP_KERNEL_CHECK(AT_EMPTY_PATH);
SCAP_KERNEL_CHECK(RENAME_NOREPLACE);
SCAP_KERNEL_CHECK(RENAME_EXCHANGE);
SCAP_KERNEL_CHECK(RENAME_WHITEOUT);
#ifdef RESOLVE_BENEATH	/* <linux/openat2.h>, Linux 5.6 and later */
SCAP_KERNEL_CHECK(RESOLVE_NO_XDEV);
SCAP_KERNEL_CHECK(RESOLVE_NO_MAGICLINKS);
SCAP_KERNEL_CHECK(RESOLVE_NO_SYMLINKS);
SCAP_KERNEL_CHECK(RESOLVE_BENEATH);
SCAP_KERNEL_CHECK(RESOLVE_IN_ROOT);
#endif
#ifdef RESOLVE_CACHED	/* Linux 5.12 and later */
SCAP_KERNEL_CHECK(RESOLVE_CACHED);
#endif

#undef SCAP_KERNEL_CHECK
#endif /* __KERNEL__ */

#endif /* SCAPLAB_PPM_FLAG_HELPERS_H */
