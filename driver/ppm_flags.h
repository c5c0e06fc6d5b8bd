/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Falco's own encoding of the PT_FLAGS32 parameters (and of the socket
 * family byte), the PPM_* values.
 *
 * A driver never stores the kernel's raw bits in a flags parameter: it
 * converts them with the helpers in ppm_flag_helpers.h into these values,
 * and the decoder names them with the tables in flags_table.c. The raw bits
 * differ between architectures and kernel versions; these do not, so a
 * capture taken on one machine reads the same everywhere, and sysdig reads
 * ours.
 *
 * The numbers are Falco's (falcosecurity-scap-dkms, ppm_events_public.h)
 * and must not change: they are written into capture files.
 *
 * Included by the kernel module, by BPF programs (after vmlinux.h) and by
 * userspace, so it holds nothing but plain #defines.
 */
#ifndef SCAPLAB_PPM_FLAGS_H
#define SCAPLAB_PPM_FLAGS_H

/*
 * open, openat, openat2 "flags". The access mode is two bits here, so that
 * O_RDONLY is visible (it is 0 in the kernel) and O_RDWR is both bits.
 */
#define PPM_O_NONE		0
#define PPM_O_RDONLY		(1U << 0)
#define PPM_O_WRONLY		(1U << 1)
#define PPM_O_RDWR		(PPM_O_RDONLY | PPM_O_WRONLY)
#define PPM_O_CREAT		(1U << 2)
#define PPM_O_APPEND		(1U << 3)
#define PPM_O_DSYNC		(1U << 4)
#define PPM_O_EXCL		(1U << 5)
#define PPM_O_NONBLOCK		(1U << 6)
#define PPM_O_SYNC		(1U << 7)
#define PPM_O_TRUNC		(1U << 8)
#define PPM_O_DIRECT		(1U << 9)
#define PPM_O_DIRECTORY		(1U << 10)
#define PPM_O_LARGEFILE		(1U << 11)
#define PPM_O_CLOEXEC		(1U << 12)
#define PPM_O_TMPFILE		(1U << 13)

/*
 * Socket families: socket()'s "domain" and the first byte of every
 * PT_SOCKADDR / PT_SOCKTUPLE. The numbers happen to be Linux's own; Falco
 * has no name for 27 (AF_IB), 28 (AF_MPLS) or anything above AF_NFC.
 */
#define PPM_AF_UNSPEC		0
#define PPM_AF_UNIX		1
#define PPM_AF_LOCAL		1	/* POSIX name of AF_UNIX */
#define PPM_AF_INET		2
#define PPM_AF_AX25		3
#define PPM_AF_IPX		4
#define PPM_AF_APPLETALK	5
#define PPM_AF_NETROM		6
#define PPM_AF_BRIDGE		7
#define PPM_AF_ATMPVC		8
#define PPM_AF_X25		9
#define PPM_AF_INET6		10
#define PPM_AF_ROSE		11
#define PPM_AF_DECnet		12
#define PPM_AF_NETBEUI		13
#define PPM_AF_SECURITY		14
#define PPM_AF_KEY		15
#define PPM_AF_NETLINK		16
#define PPM_AF_ROUTE		PPM_AF_NETLINK	/* BSD name of AF_NETLINK */
#define PPM_AF_PACKET		17
#define PPM_AF_ASH		18
#define PPM_AF_ECONET		19
#define PPM_AF_ATMSVC		20
#define PPM_AF_RDS		21
#define PPM_AF_SNA		22
#define PPM_AF_IRDA		23
#define PPM_AF_PPPOX		24
#define PPM_AF_WANPIPE		25
#define PPM_AF_LLC		26
#define PPM_AF_CAN		29
#define PPM_AF_TIPC		30
#define PPM_AF_BLUETOOTH	31
#define PPM_AF_IUCV		32
#define PPM_AF_RXRPC		33
#define PPM_AF_ISDN		34
#define PPM_AF_PHONET		35
#define PPM_AF_IEEE802154	36
#define PPM_AF_CAIF		37
#define PPM_AF_ALG		38
#define PPM_AF_NFC		39

/*
 * "flags" of the clone, fork, vfork and clone3 exit events. Bits 16-18 are
 * thread states of Falco's userspace, never set by a driver; they are here
 * only because sysdig's name table has them. Bits 19, 21, 22 and 30 are
 * likewise libsinsp's own and have no name, so they are left out.
 */
#define PPM_CL_NONE			0
#define PPM_CL_CLONE_FILES		(1U << 0)
#define PPM_CL_CLONE_FS			(1U << 1)
#define PPM_CL_CLONE_IO			(1U << 2)
#define PPM_CL_CLONE_NEWIPC		(1U << 3)
#define PPM_CL_CLONE_NEWNET		(1U << 4)
#define PPM_CL_CLONE_NEWNS		(1U << 5)
#define PPM_CL_CLONE_NEWPID		(1U << 6)
#define PPM_CL_CLONE_NEWUTS		(1U << 7)
#define PPM_CL_CLONE_PARENT		(1U << 8)
#define PPM_CL_CLONE_PARENT_SETTID	(1U << 9)
#define PPM_CL_CLONE_PTRACE		(1U << 10)
#define PPM_CL_CLONE_SIGHAND		(1U << 11)
#define PPM_CL_CLONE_SYSVSEM		(1U << 12)
#define PPM_CL_CLONE_THREAD		(1U << 13)
#define PPM_CL_CLONE_UNTRACED		(1U << 14)
#define PPM_CL_CLONE_VM			(1U << 15)
#define PPM_CL_CLONE_INVERTED		(1U << 16)	/* userspace only */
#define PPM_CL_NAME_CHANGED		(1U << 17)	/* userspace only */
#define PPM_CL_CLOSED			(1U << 18)	/* userspace only */
#define PPM_CL_CLONE_NEWUSER		(1U << 20)
#define PPM_CL_CLONE_CHILD_CLEARTID	(1U << 23)
#define PPM_CL_CLONE_CHILD_SETTID	(1U << 24)
#define PPM_CL_CLONE_SETTLS		(1U << 25)
#define PPM_CL_CLONE_STOPPED		(1U << 26)	/* Linux < 2.6.38 only */
#define PPM_CL_CLONE_VFORK		(1U << 27)
#define PPM_CL_CLONE_NEWCGROUP		(1U << 28)
/*
 * Not a clone(2) flag: the clone filler adds it when the new task lives in
 * a pid namespace other than the caller's, so userspace knows its pid and
 * vpid differ. sysdig has no name for it.
 */
#define PPM_CL_CHILD_IN_PIDNS		(1U << 29)

/* mmap, mprotect "prot". */
#define PPM_PROT_NONE		0
#define PPM_PROT_READ		(1U << 0)
#define PPM_PROT_WRITE		(1U << 1)
#define PPM_PROT_EXEC		(1U << 2)
#define PPM_PROT_SEM		(1U << 3)
#define PPM_PROT_GROWSDOWN	(1U << 4)
#define PPM_PROT_GROWSUP	(1U << 5)
#define PPM_PROT_SAO		(1U << 6)	/* powerpc only */

/*
 * mmap "flags". MAP_RENAME and MAP_INHERIT are BSD flags that Linux does
 * not have, and MAP_FILE is 0 in Linux, so a Linux driver never sets them.
 */
#define PPM_MAP_SHARED		(1U << 0)
#define PPM_MAP_PRIVATE		(1U << 1)
#define PPM_MAP_FIXED		(1U << 2)
#define PPM_MAP_ANONYMOUS	(1U << 3)
#define PPM_MAP_32BIT		(1U << 4)
#define PPM_MAP_RENAME		(1U << 5)
#define PPM_MAP_NORESERVE	(1U << 6)
#define PPM_MAP_POPULATE	(1U << 7)
#define PPM_MAP_NONBLOCK	(1U << 8)
#define PPM_MAP_GROWSDOWN	(1U << 9)
#define PPM_MAP_DENYWRITE	(1U << 10)
#define PPM_MAP_EXECUTABLE	(1U << 11)
#define PPM_MAP_INHERIT		(1U << 12)
#define PPM_MAP_FILE		(1U << 13)
#define PPM_MAP_LOCKED		(1U << 14)

/* unlinkat "flags". Same number as the kernel's AT_REMOVEDIR. */
#define PPM_AT_REMOVEDIR	0x200U

/* renameat2 "flags". Same numbers as the kernel's RENAME_*. */
#define PPM_RENAME_NOREPLACE	(1U << 0)
#define PPM_RENAME_EXCHANGE	(1U << 1)
#define PPM_RENAME_WHITEOUT	(1U << 2)

/* openat2 "resolve" (struct open_how.resolve). Not the kernel's order. */
#define PPM_RESOLVE_BENEATH		(1U << 0)
#define PPM_RESOLVE_IN_ROOT		(1U << 1)
#define PPM_RESOLVE_NO_MAGICLINKS	(1U << 2)
#define PPM_RESOLVE_NO_SYMLINKS		(1U << 3)
#define PPM_RESOLVE_NO_XDEV		(1U << 4)
#define PPM_RESOLVE_CACHED		(1U << 5)

/* execveat enter "flags". */
#define PPM_EXVAT_AT_EMPTY_PATH		(1U << 0)
#define PPM_EXVAT_AT_SYMLINK_NOFOLLOW	(1U << 1)

/*
 * execve and execveat exit "flags": facts the driver learns about the new
 * program, not syscall arguments. EXE_WRITABLE: the caller could write the
 * executable file it just ran.
 */
#define PPM_EXE_WRITABLE	(1U << 0)

/*
 * The params the autofill table converts (driver/ppm_autofill.h). Where
 * Falco's number equals the kernel's (lseek's whence, shutdown's how,
 * splice's and umount2's flags, the mode bits), the converter only
 * checks the range or keeps the known bits.
 */

/* lseek "whence" (PT_FLAGS8). */
#define PPM_SEEK_SET		0
#define PPM_SEEK_CUR		1
#define PPM_SEEK_END		2

/* access "mode" (PT_FLAGS32). F_OK is 0, as in the kernel. */
#define PPM_F_OK		0
#define PPM_X_OK		(1U << 0)
#define PPM_W_OK		(1U << 1)
#define PPM_R_OK		(1U << 2)

/* shutdown "how" (PT_FLAGS8). */
#define PPM_SHUT_RD		0
#define PPM_SHUT_WR		1
#define PPM_SHUT_RDWR		2

/* fcntl "cmd" (PT_FLAGS8): an enumeration, not bits; 0 is a command we do not know. */
#define PPM_FCNTL_UNKNOWN	0
#define PPM_FCNTL_F_DUPFD	1
#define PPM_FCNTL_F_GETFD	2
#define PPM_FCNTL_F_SETFD	3
#define PPM_FCNTL_F_GETFL	4
#define PPM_FCNTL_F_SETFL	5
#define PPM_FCNTL_F_GETLK	6
#define PPM_FCNTL_F_SETLK	8
#define PPM_FCNTL_F_SETLKW	9
#define PPM_FCNTL_F_SETOWN	10
#define PPM_FCNTL_F_GETOWN	12
#define PPM_FCNTL_F_SETSIG	13
#define PPM_FCNTL_F_GETSIG	15
#define PPM_FCNTL_F_SETOWN_EX	21
#define PPM_FCNTL_F_GETOWN_EX	22
#define PPM_FCNTL_F_SETLEASE	23
#define PPM_FCNTL_F_GETLEASE	24
#define PPM_FCNTL_F_CANCELLK	25
#define PPM_FCNTL_F_DUPFD_CLOEXEC 26
#define PPM_FCNTL_F_NOTIFY	27
#define PPM_FCNTL_F_SETPIPE_SZ	28
#define PPM_FCNTL_F_GETPIPE_SZ	29
#define PPM_FCNTL_F_OFD_GETLK	30
#define PPM_FCNTL_F_OFD_SETLK	31
#define PPM_FCNTL_F_OFD_SETLKW	32

/* flock "operation" (PT_FLAGS32). Not the kernel's order. */
#define PPM_LOCK_NONE		0
#define PPM_LOCK_SH		(1U << 0)
#define PPM_LOCK_EX		(1U << 1)
#define PPM_LOCK_NB		(1U << 2)
#define PPM_LOCK_UN		(1U << 3)

/* chmod, fchmod, fchmodat "mode" (PT_MODE): the kernel's own 12 bits. */
#define PPM_S_IXOTH		(1U << 0)
#define PPM_S_IWOTH		(1U << 1)
#define PPM_S_IROTH		(1U << 2)
#define PPM_S_IXGRP		(1U << 3)
#define PPM_S_IWGRP		(1U << 4)
#define PPM_S_IRGRP		(1U << 5)
#define PPM_S_IXUSR		(1U << 6)
#define PPM_S_IWUSR		(1U << 7)
#define PPM_S_IRUSR		(1U << 8)
#define PPM_S_ISVTX		(1U << 9)
#define PPM_S_ISGID		(1U << 10)
#define PPM_S_ISUID		(1U << 11)

/* futex "op" (PT_FLAGS16): the operation in the low bits, then two flags. */
#define PPM_FU_FUTEX_WAIT		0
#define PPM_FU_FUTEX_WAKE		1
#define PPM_FU_FUTEX_FD			2
#define PPM_FU_FUTEX_REQUEUE		3
#define PPM_FU_FUTEX_CMP_REQUEUE	4
#define PPM_FU_FUTEX_WAKE_OP		5
#define PPM_FU_FUTEX_LOCK_PI		6
#define PPM_FU_FUTEX_UNLOCK_PI		7
#define PPM_FU_FUTEX_TRYLOCK_PI		8
#define PPM_FU_FUTEX_WAIT_BITSET	9
#define PPM_FU_FUTEX_WAKE_BITSET	10
#define PPM_FU_FUTEX_WAIT_REQUEUE_PI	11
#define PPM_FU_FUTEX_CMP_REQUEUE_PI	12
#define PPM_FU_FUTEX_PRIVATE_FLAG	128
#define PPM_FU_FUTEX_CLOCK_REALTIME	256

/* linkat "flags" (PT_FLAGS32). Same numbers as the kernel's AT_*. */
#define PPM_AT_SYMLINK_FOLLOW	0x400U
#define PPM_AT_EMPTY_PATH	0x1000U

/* splice "flags" (PT_FLAGS32). Same numbers as the kernel's SPLICE_F_*. */
#define PPM_SPLICE_F_MOVE	(1U << 0)
#define PPM_SPLICE_F_NONBLOCK	(1U << 1)
#define PPM_SPLICE_F_MORE	(1U << 2)
#define PPM_SPLICE_F_GIFT	(1U << 3)

/* umount2 "flags" (PT_FLAGS32). Same numbers as the kernel's. */
#define PPM_MNT_FORCE		(1U << 0)
#define PPM_MNT_DETACH		(1U << 1)
#define PPM_MNT_EXPIRE		(1U << 2)
#define PPM_UMOUNT_NOFOLLOW	(1U << 3)

/* semget "semflg" (PT_FLAGS32): only the two IPC_* bits, moved. */
#define PPM_IPC_CREAT		(1U << 13)
#define PPM_IPC_EXCL		(1U << 14)

/* poll's events and revents, in a PT_FDLIST. Falco's order, not the kernel's. */
#define PPM_POLLIN		(1U << 0)
#define PPM_POLLPRI		(1U << 1)
#define PPM_POLLOUT		(1U << 2)
#define PPM_POLLRDHUP		(1U << 3)
#define PPM_POLLERR		(1U << 4)
#define PPM_POLLHUP		(1U << 5)
#define PPM_POLLNVAL		(1U << 6)
#define PPM_POLLRDNORM		(1U << 7)
#define PPM_POLLRDBAND		(1U << 8)
#define PPM_POLLWRNORM		(1U << 9)
#define PPM_POLLWRBAND		(1U << 10)

/*
 * The drivers list the first PPM_FDLIST_MAX pollfds of a call, as Falco's
 * modern probe does: a BPF loop needs a bound, and all three drivers must
 * write the same list. The list's count says how many it holds.
 */
#define PPM_FDLIST_MAX		16

/* semop "sem_flg_N" (PT_FLAGS16). */
#define PPM_IPC_NOWAIT		(1U << 0)
#define PPM_SEM_UNDO		(1U << 1)

/* semctl "cmd" (PT_FLAGS16): one bit per command, Falco's numbering. */
#define PPM_IPC_STAT		(1U << 0)
#define PPM_IPC_SET		(1U << 1)
#define PPM_IPC_RMID		(1U << 2)
#define PPM_IPC_INFO		(1U << 3)
#define PPM_SEM_INFO		(1U << 4)
#define PPM_SEM_STAT		(1U << 5)
#define PPM_GETALL		(1U << 6)
#define PPM_GETNCNT		(1U << 7)
#define PPM_GETPID		(1U << 8)
#define PPM_GETVAL		(1U << 9)
#define PPM_GETZCNT		(1U << 10)
#define PPM_SETALL		(1U << 11)
#define PPM_SETVAL		(1U << 12)

/*
 * mount "flags" (PT_FLAGS32). Same numbers as the kernel's MS_*; the
 * converter only drops the old magic number some callers still pass in
 * the high half (MS_MGC_VAL).
 */
#define PPM_MS_RDONLY		(1U << 0)
#define PPM_MS_NOSUID		(1U << 1)
#define PPM_MS_NODEV		(1U << 2)
#define PPM_MS_NOEXEC		(1U << 3)
#define PPM_MS_SYNCHRONOUS	(1U << 4)
#define PPM_MS_REMOUNT		(1U << 5)
#define PPM_MS_MANDLOCK		(1U << 6)
#define PPM_MS_DIRSYNC		(1U << 7)
#define PPM_MS_NOATIME		(1U << 10)
#define PPM_MS_NODIRATIME	(1U << 11)
#define PPM_MS_BIND		(1U << 12)
#define PPM_MS_MOVE		(1U << 13)
#define PPM_MS_REC		(1U << 14)
#define PPM_MS_SILENT		(1U << 15)
#define PPM_MS_POSIXACL		(1U << 16)
#define PPM_MS_UNBINDABLE	(1U << 17)
#define PPM_MS_PRIVATE		(1U << 18)
#define PPM_MS_SLAVE		(1U << 19)
#define PPM_MS_SHARED		(1U << 20)
#define PPM_MS_RELATIME		(1U << 21)
#define PPM_MS_KERNMOUNT	(1U << 22)
#define PPM_MS_I_VERSION	(1U << 23)
#define PPM_MS_STRICTATIME	(1U << 24)
#define PPM_MS_LAZYTIME		(1U << 25)
#define PPM_MS_NOSEC		(1U << 28)
#define PPM_MS_BORN		(1U << 29)
#define PPM_MS_ACTIVE		(1U << 30)
#define PPM_MS_NOUSER		(1U << 31)
#define PPM_MS_MGC_MSK		0xffff0000U
#define PPM_MS_MGC_VAL		0xC0ED0000U

/* getrlimit, setrlimit, prlimit "resource" (PT_FLAGS8): the kernel's numbers, 255 for a newer one. */
#define PPM_RLIMIT_CPU		0
#define PPM_RLIMIT_FSIZE	1
#define PPM_RLIMIT_DATA		2
#define PPM_RLIMIT_STACK	3
#define PPM_RLIMIT_CORE		4
#define PPM_RLIMIT_RSS		5
#define PPM_RLIMIT_NPROC	6
#define PPM_RLIMIT_NOFILE	7
#define PPM_RLIMIT_MEMLOCK	8
#define PPM_RLIMIT_AS		9
#define PPM_RLIMIT_LOCKS	10
#define PPM_RLIMIT_SIGPENDING	11
#define PPM_RLIMIT_MSGQUEUE	12
#define PPM_RLIMIT_NICE		13
#define PPM_RLIMIT_RTPRIO	14
#define PPM_RLIMIT_RTTIME	15
#define PPM_RLIMIT_UNKNOWN	255

#endif /* SCAPLAB_PPM_FLAGS_H */
