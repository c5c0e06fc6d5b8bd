/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Autofill: events whose every param is a syscall argument or the return
 * value, stored as it is, through a small converter, or read from the
 * user memory an argument points to (plus the process's memory sizes,
 * for brk). More than half of the syscalls Falco gives an event of their
 * own are like that (getuid, fchdir, tgkill, fcntl, getrlimit, ...). For
 * them no driver has a filler of its own: each reads one line of
 * driver/autofill_table.h, which says where each param comes from and
 * how it is stored, and stores it.
 *
 *   [PPME_SYSCALL_FCNTL_E] = AUTOFILL(2, AF_PARAM(AF_ARG0, AF_INT),
 *                                        AF_PARAM(AF_ARG1, AF_FCNTL_CMD)),
 *
 * "fd is argument 0, an int; cmd is argument 1, through the fcntl command
 * converter." The drivers:
 *  - kernel module: one filler, f_sys_autofill (driver/fillers/autofill.c),
 *    reads the line at run time;
 *  - legacy eBPF: one program per direction (bpf/fillers/autofill.h) reads
 *    the line from a map the loader fills from the same table, and a third
 *    stores the params past the third (Linux 4.14's program size);
 *  - modern eBPF: one program per syscall, as for every other syscall
 *    (modern_bpf/.../autofill.bpf.c); each reads its line at compile time,
 *    so clang folds the table away and each program is a few stores.
 * Falco's kernel module has the same idea under the same name (its
 * f_sys_autofill); this version adds the converters, so that more events
 * fit it, and shares it with both BPF drivers.
 *
 * Compiles in the kernel module, in BPF programs and in userspace, like
 * ppm_flag_helpers.h, whose converters it uses.
 */
#ifndef SCAPLAB_PPM_AUTOFILL_H
#define SCAPLAB_PPM_AUTOFILL_H

#include "ppm_flag_helpers.h"

/* linkat has the most: res, olddir, oldpath, newdir, newpath, flags. */
#define AF_MAX_PARAMS 6

/* Where a param's value comes from. */
enum ppm_autofill_source {
	AF_ARG0 = 0,	/* AF_ARG0 + n: syscall argument n */
	AF_ARG1 = 1,
	AF_ARG2 = 2,
	AF_ARG3 = 3,
	AF_ARG4 = 4,
	AF_ARG5 = 5,
	AF_RETVAL = 6,	/* the return value (exit events only) */
	AF_ZERO = 7,	/* 0: a param Falco leaves at 0 on purpose */
	/* the calling process's memory, in KiB, as mmap's exit has them */
	AF_VM_SIZE = 8,
	AF_VM_RSS = 9,
	AF_VM_SWAP = 10,
	AF_SEMCTL_VAL = 11,	/* semctl's argument 3 if its cmd is SETVAL, else 0, as Falco */
};

/* How it is stored. The size must be that of the param's type in the schema. */
enum ppm_autofill_conv {
	AF_U8 = 1,		/* the low 8 bits: a signal, a whence */
	AF_U32,			/* the low 32 bits: a uid, a count, raw flags */
	AF_U64,			/* the whole register: an address, a size */
	AF_INT,			/* an int (fd, pid): its low 32 bits, widened with their sign */
	AF_S64,			/* the whole register, signed: a return value */
	AF_STR,			/* a NUL-terminated string in user memory */
	/* converters to Falco's PPM_* encoding (ppm_flags.h) */
	AF_ACCESS_MODE,		/* u32 */
	AF_FCNTL_CMD,		/* u8 */
	AF_FLOCK_OP,		/* u32 */
	AF_CHMOD_MODE,		/* u32 */
	AF_FUTEX_OP,		/* u16 */
	AF_LINKAT_FLAGS,	/* u32 */
	AF_PROT_FLAGS,		/* u32 */
	AF_CLONE_FLAGS,		/* u32 */
	AF_OPEN_FLAGS,		/* u32 */
	AF_SEMGET_FLAGS,	/* u32 */
	AF_MOUNT_FLAGS,		/* u32 */
	AF_RLIMIT_RESOURCE,	/* u8 */
	AF_SEMCTL_CMD,		/* u16 */
	/*
	 * The source is a pointer to user memory: read the value there
	 * (autofill_user_read says where and how much). IN: what the caller
	 * passed in, read always. OUT: what the kernel wrote back, read only
	 * if the syscall succeeded. Unreadable, NULL or not read: an empty
	 * param.
	 */
	AF_OUT_U32,		/* getresuid's ids */
	AF_IN_U64,		/* sendfile's offset, before */
	AF_OUT_U64,		/* sendfile's offset, after */
	AF_IN_RLIM_CUR,		/* struct rlimit's rlim_cur, s64 */
	AF_IN_RLIM_MAX,		/* its rlim_max, 8 bytes further */
	AF_OUT_RLIM_CUR,
	AF_OUT_RLIM_MAX,
	AF_IN_TIMESPEC,		/* a struct timespec, as nanoseconds (u64) */
};

struct ppm_autofill_param {
	__u8 source;	/* enum ppm_autofill_source */
	__u8 conv;	/* enum ppm_autofill_conv */
};

struct ppm_autofill {
	__u8 used;	/* 1: this event is autofilled */
	__u8 nparams;
	struct ppm_autofill_param params[AF_MAX_PARAMS];
};

#define AF_PARAM(src, how) { .source = (src), .conv = (how) }
#define AUTOFILL(n, ...) { .used = 1, .nparams = (n), .params = { __VA_ARGS__ } }

/* Raw values the converters below test; checked against the kernel's at the end. */
#define SCAP_KERNEL_F_DUPFD		0
#define SCAP_KERNEL_F_GETFD		1
#define SCAP_KERNEL_F_SETFD		2
#define SCAP_KERNEL_F_GETFL		3
#define SCAP_KERNEL_F_SETFL		4
#define SCAP_KERNEL_F_GETLK		5
#define SCAP_KERNEL_F_SETLK		6
#define SCAP_KERNEL_F_SETLKW		7
#define SCAP_KERNEL_F_SETOWN		8
#define SCAP_KERNEL_F_GETOWN		9
#define SCAP_KERNEL_F_SETSIG		10
#define SCAP_KERNEL_F_GETSIG		11
#define SCAP_KERNEL_F_SETOWN_EX		15
#define SCAP_KERNEL_F_GETOWN_EX		16
#define SCAP_KERNEL_F_OFD_GETLK		36
#define SCAP_KERNEL_F_OFD_SETLK		37
#define SCAP_KERNEL_F_OFD_SETLKW	38
#define SCAP_KERNEL_F_SETLEASE		1024
#define SCAP_KERNEL_F_GETLEASE		1025
#define SCAP_KERNEL_F_NOTIFY		1026
#define SCAP_KERNEL_F_CANCELLK		1029
#define SCAP_KERNEL_F_DUPFD_CLOEXEC	1030
#define SCAP_KERNEL_F_SETPIPE_SZ	1031
#define SCAP_KERNEL_F_GETPIPE_SZ	1032
#define SCAP_KERNEL_IPC_CREAT		01000U
#define SCAP_KERNEL_IPC_EXCL		02000U
#define SCAP_KERNEL_IPC_RMID		0
#define SCAP_KERNEL_IPC_SET		1
#define SCAP_KERNEL_IPC_STAT		2
#define SCAP_KERNEL_IPC_INFO		3
#define SCAP_KERNEL_GETPID		11
#define SCAP_KERNEL_GETVAL		12
#define SCAP_KERNEL_GETALL		13
#define SCAP_KERNEL_GETNCNT		14
#define SCAP_KERNEL_GETZCNT		15
#define SCAP_KERNEL_SETVAL		16
#define SCAP_KERNEL_SETALL		17
#define SCAP_KERNEL_SEM_STAT		18
#define SCAP_KERNEL_SEM_INFO		19
#define SCAP_KERNEL_IPC_NOWAIT		04000U
#define SCAP_KERNEL_SEM_UNDO		0x1000U
#define SCAP_KERNEL_POLLIN		0x0001U
#define SCAP_KERNEL_POLLPRI		0x0002U
#define SCAP_KERNEL_POLLOUT		0x0004U
#define SCAP_KERNEL_POLLERR		0x0008U
#define SCAP_KERNEL_POLLHUP		0x0010U
#define SCAP_KERNEL_POLLNVAL		0x0020U
#define SCAP_KERNEL_POLLRDNORM		0x0040U
#define SCAP_KERNEL_POLLRDBAND		0x0080U
#define SCAP_KERNEL_POLLWRNORM		0x0100U
#define SCAP_KERNEL_POLLWRBAND		0x0200U
#define SCAP_KERNEL_POLLRDHUP		0x2000U
#define SCAP_KERNEL_FUTEX_PRIVATE_FLAG	128U
#define SCAP_KERNEL_FUTEX_CLOCK_REALTIME 256U

/*
 * fcntl's cmd is an enumeration with holes, and Falco's numbers are not
 * the kernel's: a chain of compares (clang emits no jump table for BPF).
 * A command Falco has no number for (F_ADD_SEALS, ...) is PPM_FCNTL_UNKNOWN.
 */
static __always_inline __u8 fcntl_cmd_to_scap(__u64 cmd)
{
	switch (cmd) {
	case SCAP_KERNEL_F_DUPFD: return PPM_FCNTL_F_DUPFD;
	case SCAP_KERNEL_F_GETFD: return PPM_FCNTL_F_GETFD;
	case SCAP_KERNEL_F_SETFD: return PPM_FCNTL_F_SETFD;
	case SCAP_KERNEL_F_GETFL: return PPM_FCNTL_F_GETFL;
	case SCAP_KERNEL_F_SETFL: return PPM_FCNTL_F_SETFL;
	case SCAP_KERNEL_F_GETLK: return PPM_FCNTL_F_GETLK;
	case SCAP_KERNEL_F_SETLK: return PPM_FCNTL_F_SETLK;
	case SCAP_KERNEL_F_SETLKW: return PPM_FCNTL_F_SETLKW;
	case SCAP_KERNEL_F_SETOWN: return PPM_FCNTL_F_SETOWN;
	case SCAP_KERNEL_F_GETOWN: return PPM_FCNTL_F_GETOWN;
	case SCAP_KERNEL_F_SETSIG: return PPM_FCNTL_F_SETSIG;
	case SCAP_KERNEL_F_GETSIG: return PPM_FCNTL_F_GETSIG;
	case SCAP_KERNEL_F_SETOWN_EX: return PPM_FCNTL_F_SETOWN_EX;
	case SCAP_KERNEL_F_GETOWN_EX: return PPM_FCNTL_F_GETOWN_EX;
	case SCAP_KERNEL_F_OFD_GETLK: return PPM_FCNTL_F_OFD_GETLK;
	case SCAP_KERNEL_F_OFD_SETLK: return PPM_FCNTL_F_OFD_SETLK;
	case SCAP_KERNEL_F_OFD_SETLKW: return PPM_FCNTL_F_OFD_SETLKW;
	case SCAP_KERNEL_F_SETLEASE: return PPM_FCNTL_F_SETLEASE;
	case SCAP_KERNEL_F_GETLEASE: return PPM_FCNTL_F_GETLEASE;
	case SCAP_KERNEL_F_NOTIFY: return PPM_FCNTL_F_NOTIFY;
	case SCAP_KERNEL_F_CANCELLK: return PPM_FCNTL_F_CANCELLK;
	case SCAP_KERNEL_F_DUPFD_CLOEXEC: return PPM_FCNTL_F_DUPFD_CLOEXEC;
	case SCAP_KERNEL_F_SETPIPE_SZ: return PPM_FCNTL_F_SETPIPE_SZ;
	case SCAP_KERNEL_F_GETPIPE_SZ: return PPM_FCNTL_F_GETPIPE_SZ;
	default: return PPM_FCNTL_UNKNOWN;
	}
}

/*
 * futex's op: the command in the low 7 bits, whose numbers Falco keeps
 * (FUTEX_WAIT 0 to FUTEX_CMP_REQUEUE_PI 12; a newer one is 0, as in
 * Falco), and two flag bits, also kept.
 */
static __always_inline __u16 futex_op_to_scap(__u64 op)
{
	__u32 cmd = op & 127;

	return (cmd <= PPM_FU_FUTEX_CMP_REQUEUE_PI ? cmd : 0) |
	       (op & (SCAP_KERNEL_FUTEX_PRIVATE_FLAG | SCAP_KERNEL_FUTEX_CLOCK_REALTIME));
}

/* semctl's cmd: one PPM_* bit per command; a command Falco does not name is 0. */
static __always_inline __u16 semctl_cmd_to_scap(__u64 cmd)
{
	switch (cmd) {
	case SCAP_KERNEL_IPC_STAT: return PPM_IPC_STAT;
	case SCAP_KERNEL_IPC_SET: return PPM_IPC_SET;
	case SCAP_KERNEL_IPC_RMID: return PPM_IPC_RMID;
	case SCAP_KERNEL_IPC_INFO: return PPM_IPC_INFO;
	case SCAP_KERNEL_SEM_INFO: return PPM_SEM_INFO;
	case SCAP_KERNEL_SEM_STAT: return PPM_SEM_STAT;
	case SCAP_KERNEL_GETALL: return PPM_GETALL;
	case SCAP_KERNEL_GETNCNT: return PPM_GETNCNT;
	case SCAP_KERNEL_GETPID: return PPM_GETPID;
	case SCAP_KERNEL_GETVAL: return PPM_GETVAL;
	case SCAP_KERNEL_GETZCNT: return PPM_GETZCNT;
	case SCAP_KERNEL_SETALL: return PPM_SETALL;
	case SCAP_KERNEL_SETVAL: return PPM_SETVAL;
	default: return 0;
	}
}

/* semop's sem_flg: IPC_NOWAIT and SEM_UNDO, moved to Falco's bits. */
static __always_inline __u16 semop_flags_to_scap(__u64 flg)
{
	return ppm_bit_if(flg, SCAP_KERNEL_IPC_NOWAIT, PPM_IPC_NOWAIT) |
	       ppm_bit_if(flg, SCAP_KERNEL_SEM_UNDO, PPM_SEM_UNDO);
}

/* poll's events and revents as PPM_POLL* bits (not used by autofill: poll.c and its twins). */
static __always_inline __u16 poll_events_to_scap(__u64 ev)
{
	return ppm_bit_if(ev, SCAP_KERNEL_POLLIN, PPM_POLLIN) |
	       ppm_bit_if(ev, SCAP_KERNEL_POLLPRI, PPM_POLLPRI) |
	       ppm_bit_if(ev, SCAP_KERNEL_POLLOUT, PPM_POLLOUT) |
	       ppm_bit_if(ev, SCAP_KERNEL_POLLRDHUP, PPM_POLLRDHUP) |
	       ppm_bit_if(ev, SCAP_KERNEL_POLLERR, PPM_POLLERR) |
	       ppm_bit_if(ev, SCAP_KERNEL_POLLHUP, PPM_POLLHUP) |
	       ppm_bit_if(ev, SCAP_KERNEL_POLLNVAL, PPM_POLLNVAL) |
	       ppm_bit_if(ev, SCAP_KERNEL_POLLRDNORM, PPM_POLLRDNORM) |
	       ppm_bit_if(ev, SCAP_KERNEL_POLLRDBAND, PPM_POLLRDBAND) |
	       ppm_bit_if(ev, SCAP_KERNEL_POLLWRNORM, PPM_POLLWRNORM) |
	       ppm_bit_if(ev, SCAP_KERNEL_POLLWRBAND, PPM_POLLWRBAND);
}

/*
 * The value of one param, from its raw source (an argument register or the
 * return value) and its conv. The flags that equal the kernel's bits
 * (access, flock, the mode, linkat) keep the bits Falco names and drop the
 * rest, as Falco's converters do.
 */
static __always_inline __u64 autofill_value(__u8 conv, __u64 raw)
{
	switch (conv) {
	case AF_U8:
		return (__u8)raw;
	case AF_U32:
		return (__u32)raw;
	case AF_INT:
		return (__u64)(__s64)(__s32)raw;
	case AF_ACCESS_MODE:
		return raw & (PPM_R_OK | PPM_W_OK | PPM_X_OK);
	case AF_FCNTL_CMD:
		return fcntl_cmd_to_scap(raw);
	case AF_FLOCK_OP:
		return raw & (PPM_LOCK_SH | PPM_LOCK_EX | PPM_LOCK_NB | PPM_LOCK_UN);
	case AF_CHMOD_MODE:
		return raw & 07777;
	case AF_FUTEX_OP:
		return futex_op_to_scap(raw);
	case AF_LINKAT_FLAGS:
		return raw & (PPM_AT_SYMLINK_FOLLOW | PPM_AT_EMPTY_PATH);
	case AF_PROT_FLAGS:
		return prot_flags_to_scap(raw);
	case AF_CLONE_FLAGS:
		return clone_flags_to_scap(raw);
	case AF_OPEN_FLAGS:
		return open_flags_to_scap(raw);
	case AF_SEMGET_FLAGS:
		return ppm_bit_if(raw, SCAP_KERNEL_IPC_CREAT, PPM_IPC_CREAT) |
		       ppm_bit_if(raw, SCAP_KERNEL_IPC_EXCL, PPM_IPC_EXCL);
	case AF_SEMCTL_CMD:
		return semctl_cmd_to_scap(raw);
	case AF_RLIMIT_RESOURCE:
		/* RLIMIT_CPU 0 to RLIMIT_RTTIME 15 keep their numbers; a newer one is 255. */
		return raw <= 15 ? raw : 255;
	case AF_MOUNT_FLAGS:
		/* The low 32 bits; the magic number (a pre-2.4 habit) is not a flag. */
		raw = (__u32)raw;
		return (raw & PPM_MS_MGC_MSK) == PPM_MS_MGC_VAL ? raw & ~PPM_MS_MGC_MSK : raw;
	default:	/* AF_U64, AF_S64, and a string's pointer */
		return raw;
	}
}

/* Where a conv that reads user memory reads, and when. */
struct autofill_user_read {
	__u8 offset;		/* from the pointer */
	__u8 len;		/* 4, 8, or 16 for a timespec */
	__u8 out;		/* 1: read only if the syscall succeeded */
};

/* Does conv read user memory? If so, fill r. */
static __always_inline bool autofill_user_read(__u8 conv, struct autofill_user_read *r)
{
	r->offset = 0;
	r->len = 8;
	r->out = 0;
	switch (conv) {
	case AF_OUT_U32:
		r->len = 4;
		r->out = 1;
		return true;
	case AF_OUT_U64:
	case AF_OUT_RLIM_CUR:
		r->out = 1;
		return true;
	case AF_OUT_RLIM_MAX:
		r->out = 1;
		r->offset = 8;
		return true;
	case AF_IN_RLIM_MAX:
		r->offset = 8;
		return true;
	case AF_IN_U64:
	case AF_IN_RLIM_CUR:
		return true;
	case AF_IN_TIMESPEC:
		r->len = 16;
		return true;
	default:
		return false;
	}
}

/*
 * The value of what autofill_user_read read (bytes holds r->len of them,
 * in the machine's order): a timespec becomes nanoseconds, Falco's
 * PT_RELTIME.
 */
static __always_inline __u64 autofill_user_value(const struct autofill_user_read *r,
						 const __u64 *bytes)
{
	if (r->len == 16)
		return bytes[0] * 1000000000ULL + bytes[1];
	if (r->len == 4)
		return *(const __u32 *)bytes;
	return bytes[0];
}

/* The bytes a param of this conv takes; 0 for a string. */
static __always_inline __u32 autofill_size(__u8 conv)
{
	switch (conv) {
	case AF_U8:
	case AF_FCNTL_CMD:
	case AF_RLIMIT_RESOURCE:
		return 1;
	case AF_FUTEX_OP:
	case AF_SEMCTL_CMD:
		return 2;
	case AF_U64:
	case AF_INT:
	case AF_S64:
	case AF_IN_U64:
	case AF_OUT_U64:
	case AF_IN_RLIM_CUR:
	case AF_IN_RLIM_MAX:
	case AF_OUT_RLIM_CUR:
	case AF_OUT_RLIM_MAX:
	case AF_IN_TIMESPEC:
		return 8;
	case AF_STR:
		return 0;
	default:
		return 4;
	}
}

#if defined(__KERNEL__) && !defined(__VMLINUX_H__)
#include <linux/fcntl.h>
#include <linux/futex.h>
#include <linux/fs.h>	/* LOCK_* */
#include <uapi/linux/mount.h>	/* MS_* */
#include <linux/ipc.h>
#include <linux/sem.h>
#include <linux/poll.h>

#define SCAP_KERNEL_CHECK(name) \
	_Static_assert(SCAP_KERNEL_##name == (name), \
		       #name " differs from the x86_64 value in ppm_autofill.h")
SCAP_KERNEL_CHECK(F_DUPFD);
SCAP_KERNEL_CHECK(F_GETFD);
SCAP_KERNEL_CHECK(F_SETFD);
SCAP_KERNEL_CHECK(F_GETFL);
SCAP_KERNEL_CHECK(F_SETFL);
SCAP_KERNEL_CHECK(F_GETLK);
SCAP_KERNEL_CHECK(F_SETLK);
SCAP_KERNEL_CHECK(F_SETLKW);
SCAP_KERNEL_CHECK(F_SETOWN);
SCAP_KERNEL_CHECK(F_GETOWN);
SCAP_KERNEL_CHECK(F_SETSIG);
SCAP_KERNEL_CHECK(F_GETSIG);
SCAP_KERNEL_CHECK(F_SETOWN_EX);
SCAP_KERNEL_CHECK(F_GETOWN_EX);
SCAP_KERNEL_CHECK(F_OFD_GETLK);
SCAP_KERNEL_CHECK(F_OFD_SETLK);
SCAP_KERNEL_CHECK(F_OFD_SETLKW);
SCAP_KERNEL_CHECK(F_SETLEASE);
SCAP_KERNEL_CHECK(F_GETLEASE);
SCAP_KERNEL_CHECK(F_NOTIFY);
SCAP_KERNEL_CHECK(F_CANCELLK);
SCAP_KERNEL_CHECK(F_DUPFD_CLOEXEC);
SCAP_KERNEL_CHECK(F_SETPIPE_SZ);
SCAP_KERNEL_CHECK(F_GETPIPE_SZ);
SCAP_KERNEL_CHECK(FUTEX_PRIVATE_FLAG);
SCAP_KERNEL_CHECK(FUTEX_CLOCK_REALTIME);
SCAP_KERNEL_CHECK(IPC_CREAT);
SCAP_KERNEL_CHECK(IPC_EXCL);
SCAP_KERNEL_CHECK(IPC_RMID);
SCAP_KERNEL_CHECK(IPC_SET);
SCAP_KERNEL_CHECK(IPC_STAT);
SCAP_KERNEL_CHECK(IPC_INFO);
SCAP_KERNEL_CHECK(GETPID);
SCAP_KERNEL_CHECK(GETVAL);
SCAP_KERNEL_CHECK(GETALL);
SCAP_KERNEL_CHECK(GETNCNT);
SCAP_KERNEL_CHECK(GETZCNT);
SCAP_KERNEL_CHECK(SETVAL);
SCAP_KERNEL_CHECK(SETALL);
SCAP_KERNEL_CHECK(SEM_STAT);
SCAP_KERNEL_CHECK(SEM_INFO);
SCAP_KERNEL_CHECK(IPC_NOWAIT);
SCAP_KERNEL_CHECK(SEM_UNDO);
SCAP_KERNEL_CHECK(POLLIN);
SCAP_KERNEL_CHECK(POLLPRI);
SCAP_KERNEL_CHECK(POLLOUT);
SCAP_KERNEL_CHECK(POLLERR);
SCAP_KERNEL_CHECK(POLLHUP);
SCAP_KERNEL_CHECK(POLLNVAL);
SCAP_KERNEL_CHECK(POLLRDNORM);
SCAP_KERNEL_CHECK(POLLRDBAND);
SCAP_KERNEL_CHECK(POLLWRNORM);
SCAP_KERNEL_CHECK(POLLWRBAND);
SCAP_KERNEL_CHECK(POLLRDHUP);
_Static_assert(PPM_MS_RDONLY == MS_RDONLY && PPM_MS_BIND == MS_BIND && PPM_MS_NOUSER == MS_NOUSER &&
	       PPM_MS_MGC_VAL == MS_MGC_VAL, "mount: PPM_MS_* differ from MS_*");
/* The converters that keep bits assume Falco's numbers are the kernel's. */
_Static_assert(PPM_LOCK_SH == LOCK_SH && PPM_LOCK_EX == LOCK_EX && PPM_LOCK_NB == LOCK_NB &&
	       PPM_LOCK_UN == LOCK_UN, "flock: PPM_LOCK_* differ from LOCK_*");
_Static_assert(PPM_AT_SYMLINK_FOLLOW == AT_SYMLINK_FOLLOW && PPM_AT_EMPTY_PATH == AT_EMPTY_PATH,
	       "linkat: PPM_AT_* differ from AT_*");
_Static_assert(PPM_S_ISUID == S_ISUID && PPM_S_IRUSR == S_IRUSR && PPM_S_IXOTH == S_IXOTH,
	       "chmod: PPM_S_* differ from S_*");
#undef SCAP_KERNEL_CHECK
#endif /* __KERNEL__ */

#endif /* SCAPLAB_PPM_AUTOFILL_H */
