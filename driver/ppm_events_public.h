/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The event-format contract of scaplab.
 *
 * Every driver (driver/ kmod, bpf/, modern_bpf/) writes events in this format
 * and userspace/libscap reads them. The numbers here are Falco's: the event
 * codes, parameter types and print formats follow the falcosecurity libs schema
 * that Debian ships (falcosecurity-scap-dkms), so an event written by scaplab
 * is a Falco event.
 *
 * One event in memory:
 *
 *   +--------------------+-----------------------------+-------------------+
 *   | struct ppm_evt_hdr | u16 len[nparams]            | param bytes ...   |
 *   | 26 bytes, packed   | one length per parameter    | back to back      |
 *   +--------------------+-----------------------------+-------------------+
 *   hdr.len counts all three parts.
 *
 * This header is included by kernel code, by BPF programs (after vmlinux.h)
 * and by userspace, so it uses only the __u8.. __u64 types all three know.
 */
#ifndef PPM_EVENTS_PUBLIC_H
#define PPM_EVENTS_PUBLIC_H

#if !defined(__VMLINUX_H__)
#include <linux/types.h>
#endif
#include "ppm_sc.h"

/* The header of every event. Packed: 8 + 8 + 4 + 2 + 4 = 26 bytes. */
struct ppm_evt_hdr {
	__u64 ts;	/* nanoseconds since the epoch */
	__u64 tid;	/* the thread that made the syscall */
	__u32 len;	/* whole event: header + length array + params */
	__u16 type;	/* an event code, enum ppm_event_code */
	__u32 nparams;	/* entries in the length array that follows */
} __attribute__((packed));

#define PPM_EVT_HDR_SIZE 26
#define PPM_PARAM_LEN_SIZE 2	/* each entry of the length array is a __u16 */
#define PPM_MAX_EVENT_PARAMS 32
#define PPM_MAX_NAME_LEN 32
/* Largest event any driver emits; a param length is a __u16 anyway. */
#define PPM_MAX_EVENT_SIZE (64 * 1024)

/*
 * Event codes. Enter events are even, exit events odd (code | 1). Only the
 * codes scaplab emits are listed; the numbers are Falco's, so the gaps are
 * events we do not implement. Where Falco kept several versions of an event
 * (execve has eight) we use the newest one, and keep its version suffix so
 * the name can be found in Falco's code.
 */
enum ppm_event_code {
	PPME_GENERIC_E = 0,
	PPME_GENERIC_X = 1,
	PPME_SYSCALL_OPEN_E = 2,
	PPME_SYSCALL_OPEN_X = 3,
	PPME_SYSCALL_CLOSE_E = 4,
	PPME_SYSCALL_CLOSE_X = 5,
	PPME_SYSCALL_READ_E = 6,
	PPME_SYSCALL_READ_X = 7,
	PPME_SYSCALL_WRITE_E = 8,
	PPME_SYSCALL_WRITE_X = 9,
	PPME_SOCKET_SOCKET_E = 18,
	PPME_SOCKET_SOCKET_X = 19,
	PPME_SOCKET_BIND_E = 20,
	PPME_SOCKET_BIND_X = 21,
	PPME_SOCKET_CONNECT_E = 22,
	PPME_SOCKET_CONNECT_X = 23,
	PPME_SOCKET_LISTEN_E = 24,
	PPME_SOCKET_LISTEN_X = 25,
	PPME_SOCKET_SENDTO_E = 30,
	PPME_SOCKET_SENDTO_X = 31,
	PPME_SOCKET_RECVFROM_E = 34,
	PPME_SOCKET_RECVFROM_X = 35,
	PPME_SOCKET_SHUTDOWN_E = 36,
	PPME_SOCKET_SHUTDOWN_X = 37,
	PPME_SOCKET_GETSOCKNAME_E = 38,
	PPME_SOCKET_GETSOCKNAME_X = 39,
	PPME_SOCKET_GETPEERNAME_E = 40,
	PPME_SOCKET_GETPEERNAME_X = 41,
	PPME_SOCKET_SOCKETPAIR_E = 42,
	PPME_SOCKET_SOCKETPAIR_X = 43,
	PPME_SOCKET_SETSOCKOPT_E = 44,
	PPME_SOCKET_SETSOCKOPT_X = 45,
	PPME_SOCKET_GETSOCKOPT_E = 46,
	PPME_SOCKET_GETSOCKOPT_X = 47,
	PPME_SOCKET_SENDMSG_E = 48,
	PPME_SOCKET_SENDMSG_X = 49,
	PPME_SOCKET_SENDMMSG_E = 50,
	PPME_SOCKET_SENDMMSG_X = 51,
	PPME_SOCKET_RECVMSG_E = 52,
	PPME_SOCKET_RECVMSG_X = 53,
	PPME_SOCKET_RECVMMSG_E = 54,
	PPME_SOCKET_RECVMMSG_X = 55,
	PPME_SYSCALL_CREAT_E = 58,
	PPME_SYSCALL_CREAT_X = 59,
	PPME_SYSCALL_PIPE_E = 60,
	PPME_SYSCALL_PIPE_X = 61,
	PPME_SYSCALL_EVENTFD_E = 62,
	PPME_SYSCALL_EVENTFD_X = 63,
	PPME_SYSCALL_FUTEX_E = 64,
	PPME_SYSCALL_FUTEX_X = 65,
	PPME_SYSCALL_STAT_E = 66,
	PPME_SYSCALL_STAT_X = 67,
	PPME_SYSCALL_LSTAT_E = 68,
	PPME_SYSCALL_LSTAT_X = 69,
	PPME_SYSCALL_FSTAT_E = 70,
	PPME_SYSCALL_FSTAT_X = 71,
	PPME_SYSCALL_EPOLLWAIT_E = 78,
	PPME_SYSCALL_EPOLLWAIT_X = 79,
	PPME_SYSCALL_POLL_E = 80,
	PPME_SYSCALL_POLL_X = 81,
	PPME_SYSCALL_SELECT_E = 82,
	PPME_SYSCALL_SELECT_X = 83,
	PPME_SYSCALL_LSEEK_E = 86,
	PPME_SYSCALL_LSEEK_X = 87,
	PPME_SYSCALL_GETCWD_E = 92,
	PPME_SYSCALL_GETCWD_X = 93,
	PPME_SYSCALL_CHDIR_E = 94,
	PPME_SYSCALL_CHDIR_X = 95,
	PPME_SYSCALL_FCHDIR_E = 96,
	PPME_SYSCALL_FCHDIR_X = 97,
	PPME_SYSCALL_PREAD_E = 112,
	PPME_SYSCALL_PREAD_X = 113,
	PPME_SYSCALL_PWRITE_E = 114,
	PPME_SYSCALL_PWRITE_X = 115,
	PPME_SYSCALL_READV_E = 116,
	PPME_SYSCALL_READV_X = 117,
	PPME_SYSCALL_WRITEV_E = 118,
	PPME_SYSCALL_WRITEV_X = 119,
	PPME_SYSCALL_PREADV_E = 120,
	PPME_SYSCALL_PREADV_X = 121,
	PPME_SYSCALL_PWRITEV_E = 122,
	PPME_SYSCALL_PWRITEV_X = 123,
	PPME_SYSCALL_DUP_E = 124,
	PPME_SYSCALL_DUP_X = 125,
	PPME_SYSCALL_SIGNALFD_E = 126,
	PPME_SYSCALL_SIGNALFD_X = 127,
	PPME_SYSCALL_KILL_E = 128,
	PPME_SYSCALL_KILL_X = 129,
	PPME_SYSCALL_TKILL_E = 130,
	PPME_SYSCALL_TKILL_X = 131,
	PPME_SYSCALL_TGKILL_E = 132,
	PPME_SYSCALL_TGKILL_X = 133,
	PPME_SYSCALL_NANOSLEEP_E = 134,
	PPME_SYSCALL_NANOSLEEP_X = 135,
	PPME_SYSCALL_TIMERFD_CREATE_E = 136,
	PPME_SYSCALL_TIMERFD_CREATE_X = 137,
	PPME_SYSCALL_INOTIFY_INIT_E = 138,
	PPME_SYSCALL_INOTIFY_INIT_X = 139,
	PPME_SYSCALL_GETRLIMIT_E = 140,
	PPME_SYSCALL_GETRLIMIT_X = 141,
	PPME_SYSCALL_SETRLIMIT_E = 142,
	PPME_SYSCALL_SETRLIMIT_X = 143,
	PPME_SYSCALL_PRLIMIT_E = 144,
	PPME_SYSCALL_PRLIMIT_X = 145,
	PPME_SYSCALL_FCNTL_E = 150,
	PPME_SYSCALL_FCNTL_X = 151,
	PPME_SYSCALL_BRK_4_E = 158,
	PPME_SYSCALL_BRK_4_X = 159,
	PPME_SYSCALL_MMAP_E = 160,
	PPME_SYSCALL_MMAP_X = 161,
	PPME_SYSCALL_MUNMAP_E = 164,
	PPME_SYSCALL_MUNMAP_X = 165,
	PPME_SYSCALL_SPLICE_E = 166,
	PPME_SYSCALL_SPLICE_X = 167,
	PPME_SYSCALL_PTRACE_E = 168,
	PPME_SYSCALL_PTRACE_X = 169,
	PPME_SYSCALL_IOCTL_3_E = 170,
	PPME_SYSCALL_IOCTL_3_X = 171,
	PPME_SYSCALL_RENAME_E = 174,
	PPME_SYSCALL_RENAME_X = 175,
	PPME_SYSCALL_RENAMEAT_E = 176,
	PPME_SYSCALL_RENAMEAT_X = 177,
	PPME_SYSCALL_SYMLINK_E = 178,
	PPME_SYSCALL_SYMLINK_X = 179,
	PPME_SYSCALL_SYMLINKAT_E = 180,
	PPME_SYSCALL_SYMLINKAT_X = 181,
	PPME_PROCEXIT_1_E = 186,
	PPME_PROCEXIT_1_X = 187,	/* never emitted: a process does not return from exit */
	PPME_SYSCALL_SENDFILE_E = 188,
	PPME_SYSCALL_SENDFILE_X = 189,
	PPME_SYSCALL_QUOTACTL_E = 190,
	PPME_SYSCALL_QUOTACTL_X = 191,
	PPME_SYSCALL_SETRESUID_E = 192,
	PPME_SYSCALL_SETRESUID_X = 193,
	PPME_SYSCALL_SETRESGID_E = 194,
	PPME_SYSCALL_SETRESGID_X = 195,
	PPME_SYSCALL_SETUID_E = 198,
	PPME_SYSCALL_SETUID_X = 199,
	PPME_SYSCALL_SETGID_E = 200,
	PPME_SYSCALL_SETGID_X = 201,
	PPME_SYSCALL_GETUID_E = 202,
	PPME_SYSCALL_GETUID_X = 203,
	PPME_SYSCALL_GETEUID_E = 204,
	PPME_SYSCALL_GETEUID_X = 205,
	PPME_SYSCALL_GETGID_E = 206,
	PPME_SYSCALL_GETGID_X = 207,
	PPME_SYSCALL_GETEGID_E = 208,
	PPME_SYSCALL_GETEGID_X = 209,
	PPME_SYSCALL_GETRESUID_E = 210,
	PPME_SYSCALL_GETRESUID_X = 211,
	PPME_SYSCALL_GETRESGID_E = 212,
	PPME_SYSCALL_GETRESGID_X = 213,
	PPME_SYSCALL_CLONE_20_E = 222,
	PPME_SYSCALL_CLONE_20_X = 223,
	PPME_SYSCALL_FORK_20_E = 224,
	PPME_SYSCALL_FORK_20_X = 225,
	PPME_SYSCALL_VFORK_20_E = 226,
	PPME_SYSCALL_VFORK_20_X = 227,
	PPME_SYSCALL_GETDENTS_E = 236,
	PPME_SYSCALL_GETDENTS_X = 237,
	PPME_SYSCALL_GETDENTS64_E = 238,
	PPME_SYSCALL_GETDENTS64_X = 239,
	PPME_SYSCALL_SETNS_E = 240,
	PPME_SYSCALL_SETNS_X = 241,
	PPME_SYSCALL_FLOCK_E = 242,
	PPME_SYSCALL_FLOCK_X = 243,
	PPME_SOCKET_ACCEPT_5_E = 246,
	PPME_SOCKET_ACCEPT_5_X = 247,
	PPME_SOCKET_ACCEPT4_5_E = 248,
	PPME_SOCKET_ACCEPT4_5_X = 249,
	PPME_SYSCALL_SEMOP_E = 250,
	PPME_SYSCALL_SEMOP_X = 251,
	PPME_SYSCALL_SEMCTL_E = 252,
	PPME_SYSCALL_SEMCTL_X = 253,
	PPME_SYSCALL_PPOLL_E = 254,
	PPME_SYSCALL_PPOLL_X = 255,
	PPME_SYSCALL_MOUNT_E = 256,
	PPME_SYSCALL_MOUNT_X = 257,
	PPME_SYSCALL_UMOUNT_E = 258,
	PPME_SYSCALL_UMOUNT_X = 259,
	PPME_SYSCALL_SEMGET_E = 262,
	PPME_SYSCALL_SEMGET_X = 263,
	PPME_SYSCALL_ACCESS_E = 264,
	PPME_SYSCALL_ACCESS_X = 265,
	PPME_SYSCALL_CHROOT_E = 266,
	PPME_SYSCALL_CHROOT_X = 267,
	PPME_SYSCALL_SETSID_E = 274,
	PPME_SYSCALL_SETSID_X = 275,
	PPME_SYSCALL_MKDIR_2_E = 276,
	PPME_SYSCALL_MKDIR_2_X = 277,
	PPME_SYSCALL_RMDIR_2_E = 278,
	PPME_SYSCALL_RMDIR_2_X = 279,
	PPME_SYSCALL_UNSHARE_E = 284,
	PPME_SYSCALL_UNSHARE_X = 285,
	PPME_SYSCALL_EXECVE_19_E = 292,
	PPME_SYSCALL_EXECVE_19_X = 293,
	PPME_SYSCALL_SETPGID_E = 294,
	PPME_SYSCALL_SETPGID_X = 295,
	PPME_SYSCALL_BPF_E = 296,
	PPME_SYSCALL_BPF_X = 297,
	PPME_SYSCALL_SECCOMP_E = 298,
	PPME_SYSCALL_SECCOMP_X = 299,
	PPME_SYSCALL_UNLINK_2_E = 300,
	PPME_SYSCALL_UNLINK_2_X = 301,
	PPME_SYSCALL_UNLINKAT_2_E = 302,
	PPME_SYSCALL_UNLINKAT_2_X = 303,
	PPME_SYSCALL_MKDIRAT_E = 304,
	PPME_SYSCALL_MKDIRAT_X = 305,
	PPME_SYSCALL_OPENAT_2_E = 306,
	PPME_SYSCALL_OPENAT_2_X = 307,
	PPME_SYSCALL_LINK_2_E = 308,
	PPME_SYSCALL_LINK_2_X = 309,
	PPME_SYSCALL_LINKAT_2_E = 310,
	PPME_SYSCALL_LINKAT_2_X = 311,
	PPME_SYSCALL_FCHMODAT_E = 312,
	PPME_SYSCALL_FCHMODAT_X = 313,
	PPME_SYSCALL_CHMOD_E = 314,
	PPME_SYSCALL_CHMOD_X = 315,
	PPME_SYSCALL_FCHMOD_E = 316,
	PPME_SYSCALL_FCHMOD_X = 317,
	PPME_SYSCALL_RENAMEAT2_E = 318,
	PPME_SYSCALL_RENAMEAT2_X = 319,
	PPME_SYSCALL_USERFAULTFD_E = 320,
	PPME_SYSCALL_USERFAULTFD_X = 321,
	PPME_SYSCALL_OPENAT2_E = 326,
	PPME_SYSCALL_OPENAT2_X = 327,
	PPME_SYSCALL_MPROTECT_E = 328,
	PPME_SYSCALL_MPROTECT_X = 329,
	PPME_SYSCALL_EXECVEAT_E = 330,
	PPME_SYSCALL_EXECVEAT_X = 331,
	PPME_SYSCALL_COPY_FILE_RANGE_E = 332,
	PPME_SYSCALL_COPY_FILE_RANGE_X = 333,
	PPME_SYSCALL_CLONE3_E = 334,
	PPME_SYSCALL_CLONE3_X = 335,
	PPM_EVENT_MAX = 336
};

#define PPME_IS_ENTER(code) (((code) & 1) == 0)
#define PPME_IS_EXIT(code) (((code) & 1) == 1)

/* How the bytes of one parameter are laid out. Numbers are Falco's. */
enum ppm_param_type {
	PT_NONE = 0,
	PT_INT8 = 1,
	PT_INT16 = 2,
	PT_INT32 = 3,
	PT_INT64 = 4,
	PT_UINT8 = 5,
	PT_UINT16 = 6,
	PT_UINT32 = 7,
	PT_UINT64 = 8,
	PT_CHARBUF = 9,		/* NUL-terminated string */
	PT_BYTEBUF = 10,	/* raw bytes, length in the length array */
	PT_ERRNO = 11,		/* s64 syscall return: < 0 is -errno */
	PT_SOCKADDR = 12,	/* family byte + address, see PPM_AF_* */
	PT_SOCKTUPLE = 13,	/* family byte + src + dst */
	PT_FD = 14,		/* s64 */
	PT_PID = 15,		/* s64 */
	PT_FDLIST = 16,		/* u16 count, then count x (s64 fd, s16 PPM_POLL* flags) */
	PT_FSPATH = 17,		/* NUL-terminated path */
	PT_SYSCALLID = 18,	/* u16 syscall id */
	PT_SIGTYPE = 19,	/* u8 signal number */
	PT_RELTIME = 20,	/* u64 nanoseconds, a duration */
	PT_DYN = 27,		/* u8 index into the param's info table, then a value of that type */
	PT_FLAGS8 = 28,		/* u8 flags or a command, named by a ppm_name_value table */
	PT_FLAGS16 = 29,	/* u16 flags, likewise */
	PT_FLAGS32 = 30,	/* u32 flags, likewise */
	PT_UID = 31,
	PT_GID = 32,
	PT_SIGSET = 34,		/* u32: signals 1 to 32 of a sigset_t, bit n-1 for signal n */
	PT_MODE = 42,		/* u32 file mode bits (PPM_S_*), printed in octal */
	PT_FSRELPATH = 43,	/* path relative to a dirfd parameter */
	PT_MAX = 44
};

/*
 * Bytes of a fixed-size parameter type; 0 for strings, byte buffers and
 * socket addresses, whose length only the event's length array gives. The
 * kernel module stores params by it (val_to_ring) and libscap checks them
 * by it (scap_param_type_size).
 */
static inline __u32 ppm_param_type_size(enum ppm_param_type type)
{
	switch (type) {
	case PT_INT8:
	case PT_UINT8:
	case PT_SIGTYPE:
	case PT_FLAGS8:
		return 1;
	case PT_INT16:
	case PT_UINT16:
	case PT_SYSCALLID:
	case PT_FLAGS16:
		return 2;
	case PT_INT32:
	case PT_UINT32:
	case PT_FLAGS32:
	case PT_SIGSET:
	case PT_MODE:
	case PT_UID:
	case PT_GID:
		return 4;
	case PT_INT64:
	case PT_UINT64:
	case PT_RELTIME:
	case PT_ERRNO:
	case PT_FD:
	case PT_PID:
		return 8;
	default:
		return 0;
	}
}

/* How to print a numeric parameter. Numbers are Falco's. */
enum ppm_print_format {
	PF_NA = 0,
	PF_DEC = 1,
	PF_HEX = 2,
	PF_10_PADDED_DEC = 3,
	PF_ID = 4,
	PF_DIR = 5,
	PF_OCT = 6
};

enum ppm_event_category {
	EC_UNKNOWN = 0,
	EC_OTHER = 1,
	EC_FILE = 2,
	EC_NET = 3,
	EC_IPC = 4,
	EC_MEMORY = 5,
	EC_PROCESS = 6,
	EC_SLEEP = 7,
	EC_SIGNAL = 9,
	EC_USER = 10,
	EC_TIME = 11,
	EC_IO_READ = 32,
	EC_IO_WRITE = 33,
	EC_IO_OTHER = 34,
	EC_WAIT = 64
};

enum ppm_event_flags {
	EF_NONE = 0,
	EF_CREATES_FD = (1 << 0),
	EF_DESTROYS_FD = (1 << 1),
	EF_USES_FD = (1 << 2),
	EF_READS_FROM_FD = (1 << 3),
	EF_WRITES_TO_FD = (1 << 4),
	EF_MODIFIES_STATE = (1 << 5),
	EF_UNUSED = (1 << 6),
	EF_WAITS = (1 << 7),
	EF_DROP_SIMPLE_CONS = (1 << 10)
};

/* A symbolic name for a flag bit (or a whole value) of a PT_FLAGS32 param. */
struct ppm_name_value {
	const char *name;
	__u32 value;
};

/*
 * For a PT_FSRELPATH param, info holds the index of the dirfd param it is
 * relative to (Falco's DIRFD_PARAM), not a pointer.
 */
#define DIRFD_PARAM(idx) ((const void *)(unsigned long)(idx))

struct ppm_param_info {
	char name[PPM_MAX_NAME_LEN];
	enum ppm_param_type type;
	enum ppm_print_format fmt;
	const void *info;	/* flags table, DIRFD_PARAM(n), or PT_DYN's types */
	__u32 ninfo;		/* PT_DYN: the number of struct ppm_param_info at info */
};

struct ppm_event_info {
	char name[PPM_MAX_NAME_LEN];	/* "" for a code scaplab does not emit */
	enum ppm_event_category category;
	enum ppm_event_flags flags;
	__u32 nparams;
	struct ppm_param_info params[PPM_MAX_EVENT_PARAMS];
};

/* The schema table: one entry per event code (driver/event_table.c). */
extern const struct ppm_event_info g_event_info[PPM_EVENT_MAX];

/*
 * The syscall table: x86_64 syscall number -> the event pair it produces
 * (driver/syscall_table.c). A syscall with no entry produces the generic
 * pair PPME_GENERIC_E / PPME_GENERIC_X.
 */
#define SYSCALL_TABLE_SIZE 512

enum syscall_flags {
	UF_NONE = 0,
	UF_USED = (1 << 0),		/* has a dedicated event pair */
	UF_NEVER_DROP = (1 << 1),	/* state-changing: keep under load */
	/* Frequent and of little use to a monitor: the first to go under sampling. */
	UF_ALWAYS_DROP = (1 << 2),
	/* Kept by Falco's "simple driver" mode, which sends only what rules need. */
	UF_SIMPLEDRIVER_KEEP = (1 << 3),
	/*
	 * Not asked for by the reader: set by the legacy eBPF loader in its
	 * copy of this table (engine/bpf/), never in g_syscall_table. The bit
	 * values are Falco's.
	 */
	UF_UNINTERESTING = (1 << 5),
};

struct syscall_evt_pair {
	int flags;
	enum ppm_event_code enter_event_type;
	enum ppm_event_code exit_event_type;
};

extern const struct syscall_evt_pair g_syscall_table[SYSCALL_TABLE_SIZE];
/* x86_64 syscall names, for filters and for printing generic events. */
extern const char *const g_syscall_names[SYSCALL_TABLE_SIZE];
/* x86_64 number -> Falco's syscall code, the generic events' ID (driver/ppm_sc.h). */
extern const enum ppm_syscall_code g_syscall_code_routing_table[SYSCALL_TABLE_SIZE];

/*
 * Per-CPU counters of the two eBPF drivers, one slot per CPU in their
 * counters map (modern_bpf/maps/maps.h counter_maps, bpf/maps.h
 * counters_map); the probes count, userspace sums the CPUs
 * (userspace/libscap/engine/bpf_counters.c). A drop is an event that was
 * built but never reached userspace. Falco's modern probe names it so.
 */
struct counter_map {
	__u64 n_evts;			/* events written to the buffer */
	__u64 n_drops_buffer;		/* the buffer was full */
	__u64 n_drops_max_event_size;	/* the event was larger than the buffer takes */
	__u64 n_fault_reads;		/* params stored empty: memory not readable */
};

#endif /* PPM_EVENTS_PUBLIC_H */
