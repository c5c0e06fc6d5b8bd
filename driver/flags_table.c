// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The names of the PT_FLAGS32 values, one table per kind of parameter.
 *
 * The schema table (event_table.c) points each flags parameter at one of
 * these, and the decoder in userspace/libscap uses it to print a value as
 * text: "flags=4358(O_TRUNC|O_CREAT|O_WRONLY|O_CLOEXEC)". Names and order
 * are sysdig's, so that our text matches sysdig's for the same capture.
 *
 * How a value is named, the rule sysdig applies (libsinsp,
 * sinsp_evt::get_param_as_str) and our decoder must apply too:
 *  - walk the table in order, with "rest" = the bits not named yet;
 *  - an entry equal to the whole value is printed and ends the walk;
 *  - otherwise a non-zero entry whose bits are all in "rest" is printed,
 *    and its bits leave "rest";
 *  - a zero entry (O_NONE, AF_UNSPEC, PROT_NONE) is printed only when the
 *    whole value is 0, and then alone: "prot=0(PROT_NONE)". In a table
 *    without one, 0 prints as the bare number: "flags=0";
 *  - names are joined with "|"; bits with no entry are left out of the
 *    names (the number still shows them);
 *  - sysdig prints the number in decimal, even for PF_HEX parameters.
 *
 * So the order of each table matters:
 *  - a multi-bit entry comes before its parts (O_RDWR before O_WRONLY and
 *    O_RDONLY), or it could never match;
 *  - an enumeration (socket_families) runs from the highest value down, so
 *    that AF_INET6 (10) is met before AF_ATMPVC (8) and AF_INET (2) could
 *    claim its bits;
 *  - of two names for one value the first wins: an AF_UNIX socket prints
 *    as AF_LOCAL, a netlink one as AF_ROUTE, as in sysdig;
 *  - the names come out in table order, which is why each table keeps
 *    sysdig's order even where it is not sorted (file_flags).
 *
 * Each table ends with {NULL, 0}.
 */
#ifdef __KERNEL__
#include <linux/stddef.h>	/* NULL; the kernel has no <stddef.h> */
#else
#include <stddef.h>
#endif

#include "flags_table.h"
#include "ppm_flags.h"

/* open, openat, openat2 "flags". O_RDONLY is a bit here, never 0. */
const struct ppm_name_value file_flags[] = {
	{ "O_LARGEFILE", PPM_O_LARGEFILE },
	{ "O_DIRECTORY", PPM_O_DIRECTORY },
	{ "O_DIRECT", PPM_O_DIRECT },
	{ "O_TRUNC", PPM_O_TRUNC },
	{ "O_SYNC", PPM_O_SYNC },
	{ "O_NONBLOCK", PPM_O_NONBLOCK },
	{ "O_EXCL", PPM_O_EXCL },
	{ "O_DSYNC", PPM_O_DSYNC },
	{ "O_APPEND", PPM_O_APPEND },
	{ "O_CREAT", PPM_O_CREAT },
	{ "O_RDWR", PPM_O_RDWR },
	{ "O_WRONLY", PPM_O_WRONLY },
	{ "O_RDONLY", PPM_O_RDONLY },
	{ "O_CLOEXEC", PPM_O_CLOEXEC },
	{ "O_NONE", PPM_O_NONE },
	{ "O_TMPFILE", PPM_O_TMPFILE },
	{ NULL, 0 },
};

/* socket() "domain"; also how a decoder names a sockaddr's family byte. */
const struct ppm_name_value socket_families[] = {
	{ "AF_NFC", PPM_AF_NFC },
	{ "AF_ALG", PPM_AF_ALG },
	{ "AF_CAIF", PPM_AF_CAIF },
	{ "AF_IEEE802154", PPM_AF_IEEE802154 },
	{ "AF_PHONET", PPM_AF_PHONET },
	{ "AF_ISDN", PPM_AF_ISDN },
	{ "AF_RXRPC", PPM_AF_RXRPC },
	{ "AF_IUCV", PPM_AF_IUCV },
	{ "AF_BLUETOOTH", PPM_AF_BLUETOOTH },
	{ "AF_TIPC", PPM_AF_TIPC },
	{ "AF_CAN", PPM_AF_CAN },
	{ "AF_LLC", PPM_AF_LLC },
	{ "AF_WANPIPE", PPM_AF_WANPIPE },
	{ "AF_PPPOX", PPM_AF_PPPOX },
	{ "AF_IRDA", PPM_AF_IRDA },
	{ "AF_SNA", PPM_AF_SNA },
	{ "AF_RDS", PPM_AF_RDS },
	{ "AF_ATMSVC", PPM_AF_ATMSVC },
	{ "AF_ECONET", PPM_AF_ECONET },
	{ "AF_ASH", PPM_AF_ASH },
	{ "AF_PACKET", PPM_AF_PACKET },
	{ "AF_ROUTE", PPM_AF_ROUTE },
	{ "AF_NETLINK", PPM_AF_NETLINK },
	{ "AF_KEY", PPM_AF_KEY },
	{ "AF_SECURITY", PPM_AF_SECURITY },
	{ "AF_NETBEUI", PPM_AF_NETBEUI },
	{ "AF_DECnet", PPM_AF_DECnet },
	{ "AF_ROSE", PPM_AF_ROSE },
	{ "AF_INET6", PPM_AF_INET6 },
	{ "AF_X25", PPM_AF_X25 },
	{ "AF_ATMPVC", PPM_AF_ATMPVC },
	{ "AF_BRIDGE", PPM_AF_BRIDGE },
	{ "AF_NETROM", PPM_AF_NETROM },
	{ "AF_APPLETALK", PPM_AF_APPLETALK },
	{ "AF_IPX", PPM_AF_IPX },
	{ "AF_AX25", PPM_AF_AX25 },
	{ "AF_INET", PPM_AF_INET },
	{ "AF_LOCAL", PPM_AF_LOCAL },
	{ "AF_UNIX", PPM_AF_UNIX },
	{ "AF_UNSPEC", PPM_AF_UNSPEC },
	{ NULL, 0 },
};

/*
 * clone, fork, vfork, clone3 exit "flags". CLONE_INVERTED, NAME_CHANGED
 * and CLOSED are never set by a driver; they are kept so that any value
 * prints as sysdig prints it. PPM_CL_CHILD_IN_PIDNS has no name in sysdig
 * either.
 */
const struct ppm_name_value clone_flags[] = {
	{ "CLONE_FILES", PPM_CL_CLONE_FILES },
	{ "CLONE_FS", PPM_CL_CLONE_FS },
	{ "CLONE_IO", PPM_CL_CLONE_IO },
	{ "CLONE_NEWIPC", PPM_CL_CLONE_NEWIPC },
	{ "CLONE_NEWNET", PPM_CL_CLONE_NEWNET },
	{ "CLONE_NEWNS", PPM_CL_CLONE_NEWNS },
	{ "CLONE_NEWPID", PPM_CL_CLONE_NEWPID },
	{ "CLONE_NEWUTS", PPM_CL_CLONE_NEWUTS },
	{ "CLONE_PARENT", PPM_CL_CLONE_PARENT },
	{ "CLONE_PARENT_SETTID", PPM_CL_CLONE_PARENT_SETTID },
	{ "CLONE_PTRACE", PPM_CL_CLONE_PTRACE },
	{ "CLONE_SIGHAND", PPM_CL_CLONE_SIGHAND },
	{ "CLONE_SYSVSEM", PPM_CL_CLONE_SYSVSEM },
	{ "CLONE_THREAD", PPM_CL_CLONE_THREAD },
	{ "CLONE_UNTRACED", PPM_CL_CLONE_UNTRACED },
	{ "CLONE_VM", PPM_CL_CLONE_VM },
	{ "CLONE_INVERTED", PPM_CL_CLONE_INVERTED },
	{ "NAME_CHANGED", PPM_CL_NAME_CHANGED },
	{ "CLOSED", PPM_CL_CLOSED },
	{ "CLONE_NEWUSER", PPM_CL_CLONE_NEWUSER },
	{ "CLONE_CHILD_CLEARTID", PPM_CL_CLONE_CHILD_CLEARTID },
	{ "CLONE_CHILD_SETTID", PPM_CL_CLONE_CHILD_SETTID },
	{ "CLONE_SETTLS", PPM_CL_CLONE_SETTLS },
	{ "CLONE_STOPPED", PPM_CL_CLONE_STOPPED },
	{ "CLONE_VFORK", PPM_CL_CLONE_VFORK },
	{ "CLONE_NEWCGROUP", PPM_CL_CLONE_NEWCGROUP },
	{ NULL, 0 },
};

/* mmap, mprotect "prot". */
const struct ppm_name_value prot_flags[] = {
	{ "PROT_READ", PPM_PROT_READ },
	{ "PROT_WRITE", PPM_PROT_WRITE },
	{ "PROT_EXEC", PPM_PROT_EXEC },
	{ "PROT_SEM", PPM_PROT_SEM },
	{ "PROT_GROWSDOWN", PPM_PROT_GROWSDOWN },
	{ "PROT_GROWSUP", PPM_PROT_GROWSUP },
	{ "PROT_SAO", PPM_PROT_SAO },
	{ "PROT_NONE", PPM_PROT_NONE },
	{ NULL, 0 },
};

/* mmap "flags". No zero entry: 0 prints as "flags=0". */
const struct ppm_name_value mmap_flags[] = {
	{ "MAP_SHARED", PPM_MAP_SHARED },
	{ "MAP_PRIVATE", PPM_MAP_PRIVATE },
	{ "MAP_FIXED", PPM_MAP_FIXED },
	{ "MAP_ANONYMOUS", PPM_MAP_ANONYMOUS },
	{ "MAP_32BIT", PPM_MAP_32BIT },
	{ "MAP_RENAME", PPM_MAP_RENAME },
	{ "MAP_NORESERVE", PPM_MAP_NORESERVE },
	{ "MAP_POPULATE", PPM_MAP_POPULATE },
	{ "MAP_NONBLOCK", PPM_MAP_NONBLOCK },
	{ "MAP_GROWSDOWN", PPM_MAP_GROWSDOWN },
	{ "MAP_DENYWRITE", PPM_MAP_DENYWRITE },
	{ "MAP_EXECUTABLE", PPM_MAP_EXECUTABLE },
	{ "MAP_INHERIT", PPM_MAP_INHERIT },
	{ "MAP_FILE", PPM_MAP_FILE },
	{ "MAP_LOCKED", PPM_MAP_LOCKED },
	{ NULL, 0 },
};

/* unlinkat "flags". */
const struct ppm_name_value unlinkat_flags[] = {
	{ "AT_REMOVEDIR", PPM_AT_REMOVEDIR },
	{ NULL, 0 },
};

/* renameat2 "flags". */
const struct ppm_name_value renameat2_flags[] = {
	/* LAB 04.5 BEGIN: one { "NAME", PPM_RENAME_* } entry per flag, in bit order */
	{ "RENAME_NOREPLACE", PPM_RENAME_NOREPLACE },
	{ "RENAME_EXCHANGE", PPM_RENAME_EXCHANGE },
	{ "RENAME_WHITEOUT", PPM_RENAME_WHITEOUT },
	/* LAB 04.5 END */
	{ NULL, 0 },
};

/* openat2 "resolve" (the name is Falco's, though these are not open flags). */
const struct ppm_name_value openat2_flags[] = {
	{ "RESOLVE_BENEATH", PPM_RESOLVE_BENEATH },
	{ "RESOLVE_IN_ROOT", PPM_RESOLVE_IN_ROOT },
	{ "RESOLVE_NO_MAGICLINKS", PPM_RESOLVE_NO_MAGICLINKS },
	{ "RESOLVE_NO_SYMLINKS", PPM_RESOLVE_NO_SYMLINKS },
	{ "RESOLVE_NO_XDEV", PPM_RESOLVE_NO_XDEV },
	{ "RESOLVE_CACHED", PPM_RESOLVE_CACHED },
	{ NULL, 0 },
};

/* execveat enter "flags". */
const struct ppm_name_value execveat_flags[] = {
	{ "AT_EMPTY_PATH", PPM_EXVAT_AT_EMPTY_PATH },
	{ "AT_SYMLINK_NOFOLLOW", PPM_EXVAT_AT_SYMLINK_NOFOLLOW },
	{ NULL, 0 },
};

/* execve, execveat exit "flags". */
const struct ppm_name_value execve_flags[] = {
	{ "EXE_WRITABLE", PPM_EXE_WRITABLE },
	{ NULL, 0 },
};

/*
 * The params of the autofilled events (driver/autofill_table.h). The
 * enumerations (whence, how, fcntl's cmd, futex's op) run from the highest
 * value down, like socket_families, so that a value is named whole.
 */

/* lseek "whence". */
const struct ppm_name_value lseek_whence[] = {
	{ "SEEK_END", PPM_SEEK_END },
	{ "SEEK_CUR", PPM_SEEK_CUR },
	{ "SEEK_SET", PPM_SEEK_SET },
	{ NULL, 0 },
};

/* access "mode". F_OK is 0: it prints only alone. */
const struct ppm_name_value access_flags[] = {
	{ "F_OK", PPM_F_OK },
	{ "R_OK", PPM_R_OK },
	{ "W_OK", PPM_W_OK },
	{ "X_OK", PPM_X_OK },
	{ NULL, 0 },
};

/* shutdown "how". */
const struct ppm_name_value shutdown_how[] = {
	{ "SHUT_RDWR", PPM_SHUT_RDWR },
	{ "SHUT_WR", PPM_SHUT_WR },
	{ "SHUT_RD", PPM_SHUT_RD },
	{ NULL, 0 },
};

/* fcntl "cmd", in sysdig's order (not sorted past F_DUPFD). */
const struct ppm_name_value fcntl_commands[] = {
	{ "F_GETPIPE_SZ", PPM_FCNTL_F_GETPIPE_SZ },
	{ "F_SETPIPE_SZ", PPM_FCNTL_F_SETPIPE_SZ },
	{ "F_NOTIFY", PPM_FCNTL_F_NOTIFY },
	{ "F_DUPFD_CLOEXEC", PPM_FCNTL_F_DUPFD_CLOEXEC },
	{ "F_CANCELLK", PPM_FCNTL_F_CANCELLK },
	{ "F_GETLEASE", PPM_FCNTL_F_GETLEASE },
	{ "F_SETLEASE", PPM_FCNTL_F_SETLEASE },
	{ "F_GETOWN_EX", PPM_FCNTL_F_GETOWN_EX },
	{ "F_SETOWN_EX", PPM_FCNTL_F_SETOWN_EX },
	{ "F_GETSIG", PPM_FCNTL_F_GETSIG },
	{ "F_SETSIG", PPM_FCNTL_F_SETSIG },
	{ "F_GETOWN", PPM_FCNTL_F_GETOWN },
	{ "F_SETOWN", PPM_FCNTL_F_SETOWN },
	{ "F_SETLKW", PPM_FCNTL_F_SETLKW },
	{ "F_SETLK", PPM_FCNTL_F_SETLK },
	{ "F_GETLK", PPM_FCNTL_F_GETLK },
	{ "F_SETFL", PPM_FCNTL_F_SETFL },
	{ "F_GETFL", PPM_FCNTL_F_GETFL },
	{ "F_SETFD", PPM_FCNTL_F_SETFD },
	{ "F_GETFD", PPM_FCNTL_F_GETFD },
	{ "F_DUPFD", PPM_FCNTL_F_DUPFD },
	{ "F_OFD_GETLK", PPM_FCNTL_F_OFD_GETLK },
	{ "F_OFD_SETLK", PPM_FCNTL_F_OFD_SETLK },
	{ "F_OFD_SETLKW", PPM_FCNTL_F_OFD_SETLKW },
	{ "UNKNOWN", PPM_FCNTL_UNKNOWN },
	{ NULL, 0 },
};

/* flock "operation". */
const struct ppm_name_value flock_flags[] = {
	{ "LOCK_SH", PPM_LOCK_SH },
	{ "LOCK_EX", PPM_LOCK_EX },
	{ "LOCK_NB", PPM_LOCK_NB },
	{ "LOCK_UN", PPM_LOCK_UN },
	{ "LOCK_NONE", PPM_LOCK_NONE },
	{ NULL, 0 },
};

/* chmod, fchmod, fchmodat "mode": from the lowest bit up, as sysdig. */
const struct ppm_name_value chmod_mode[] = {
	{ "S_IXOTH", PPM_S_IXOTH },
	{ "S_IWOTH", PPM_S_IWOTH },
	{ "S_IROTH", PPM_S_IROTH },
	{ "S_IXGRP", PPM_S_IXGRP },
	{ "S_IWGRP", PPM_S_IWGRP },
	{ "S_IRGRP", PPM_S_IRGRP },
	{ "S_IXUSR", PPM_S_IXUSR },
	{ "S_IWUSR", PPM_S_IWUSR },
	{ "S_IRUSR", PPM_S_IRUSR },
	{ "S_ISVTX", PPM_S_ISVTX },
	{ "S_ISGID", PPM_S_ISGID },
	{ "S_ISUID", PPM_S_ISUID },
	{ NULL, 0 },
};

/* futex "op": the two flags first, then the command. */
const struct ppm_name_value futex_operations[] = {
	{ "FUTEX_CLOCK_REALTIME", PPM_FU_FUTEX_CLOCK_REALTIME },
	{ "FUTEX_PRIVATE_FLAG", PPM_FU_FUTEX_PRIVATE_FLAG },
	{ "FUTEX_CMP_REQUEUE_PI", PPM_FU_FUTEX_CMP_REQUEUE_PI },
	{ "FUTEX_WAIT_REQUEUE_PI", PPM_FU_FUTEX_WAIT_REQUEUE_PI },
	{ "FUTEX_WAKE_BITSET", PPM_FU_FUTEX_WAKE_BITSET },
	{ "FUTEX_WAIT_BITSET", PPM_FU_FUTEX_WAIT_BITSET },
	{ "FUTEX_TRYLOCK_PI", PPM_FU_FUTEX_TRYLOCK_PI },
	{ "FUTEX_UNLOCK_PI", PPM_FU_FUTEX_UNLOCK_PI },
	{ "FUTEX_LOCK_PI", PPM_FU_FUTEX_LOCK_PI },
	{ "FUTEX_WAKE_OP", PPM_FU_FUTEX_WAKE_OP },
	{ "FUTEX_CMP_REQUEUE", PPM_FU_FUTEX_CMP_REQUEUE },
	{ "FUTEX_REQUEUE", PPM_FU_FUTEX_REQUEUE },
	{ "FUTEX_FD", PPM_FU_FUTEX_FD },
	{ "FUTEX_WAKE", PPM_FU_FUTEX_WAKE },
	{ "FUTEX_WAIT", PPM_FU_FUTEX_WAIT },
	{ NULL, 0 },
};

/* linkat "flags". */
const struct ppm_name_value linkat_flags[] = {
	{ "AT_SYMLINK_FOLLOW", PPM_AT_SYMLINK_FOLLOW },
	{ "AT_EMPTY_PATH", PPM_AT_EMPTY_PATH },
	{ NULL, 0 },
};

/* splice "flags". */
const struct ppm_name_value splice_flags[] = {
	{ "SPLICE_F_MOVE", PPM_SPLICE_F_MOVE },
	{ "SPLICE_F_NONBLOCK", PPM_SPLICE_F_NONBLOCK },
	{ "SPLICE_F_MORE", PPM_SPLICE_F_MORE },
	{ "SPLICE_F_GIFT", PPM_SPLICE_F_GIFT },
	{ NULL, 0 },
};

/* umount2 "flags" (sysdig's names have no MNT_ prefix). */
const struct ppm_name_value umount_flags[] = {
	{ "FORCE", PPM_MNT_FORCE },
	{ "DETACH", PPM_MNT_DETACH },
	{ "EXPIRE", PPM_MNT_EXPIRE },
	{ "NOFOLLOW", PPM_UMOUNT_NOFOLLOW },
	{ NULL, 0 },
};

/* semget "semflg". */
const struct ppm_name_value semget_flags[] = {
	{ "IPC_EXCL", PPM_IPC_EXCL },
	{ "IPC_CREAT", PPM_IPC_CREAT },
	{ NULL, 0 },
};

/* poll's and ppoll's fd flags, in a PT_FDLIST (userspace/libscap/scap_fdlist.c). */
const struct ppm_name_value poll_flags[] = {
	{ "POLLIN", PPM_POLLIN },
	{ "POLLPRI", PPM_POLLPRI },
	{ "POLLOUT", PPM_POLLOUT },
	{ "POLLRDHUP", PPM_POLLRDHUP },
	{ "POLLERR", PPM_POLLERR },
	{ "POLLHUP", PPM_POLLHUP },
	{ "POLLNVAL", PPM_POLLNVAL },
	{ "POLLRDNORM", PPM_POLLRDNORM },
	{ "POLLRDBAND", PPM_POLLRDBAND },
	{ "POLLWRNORM", PPM_POLLWRNORM },
	{ "POLLWRBAND", PPM_POLLWRBAND },
	{ NULL, 0 },
};

/* semop "sem_flg_0", "sem_flg_1". */
const struct ppm_name_value semop_flags[] = {
	{ "IPC_NOWAIT", PPM_IPC_NOWAIT },
	{ "SEM_UNDO", PPM_SEM_UNDO },
	{ NULL, 0 },
};

/* semctl "cmd". */
const struct ppm_name_value semctl_commands[] = {
	{ "IPC_STAT", PPM_IPC_STAT },
	{ "IPC_SET", PPM_IPC_SET },
	{ "IPC_RMID", PPM_IPC_RMID },
	{ "IPC_INFO", PPM_IPC_INFO },
	{ "SEM_INFO", PPM_SEM_INFO },
	{ "SEM_STAT", PPM_SEM_STAT },
	{ "GETALL", PPM_GETALL },
	{ "GETNCNT", PPM_GETNCNT },
	{ "GETPID", PPM_GETPID },
	{ "GETVAL", PPM_GETVAL },
	{ "GETZCNT", PPM_GETZCNT },
	{ "SETALL", PPM_SETALL },
	{ "SETVAL", PPM_SETVAL },
	{ NULL, 0 },
};

/* mount "flags" (sysdig's names have no MS_ prefix). */
const struct ppm_name_value mount_flags[] = {
	{ "RDONLY", PPM_MS_RDONLY },
	{ "NOSUID", PPM_MS_NOSUID },
	{ "NODEV", PPM_MS_NODEV },
	{ "NOEXEC", PPM_MS_NOEXEC },
	{ "SYNCHRONOUS", PPM_MS_SYNCHRONOUS },
	{ "REMOUNT", PPM_MS_REMOUNT },
	{ "MANDLOCK", PPM_MS_MANDLOCK },
	{ "DIRSYNC", PPM_MS_DIRSYNC },
	{ "NOATIME", PPM_MS_NOATIME },
	{ "NODIRATIME", PPM_MS_NODIRATIME },
	{ "BIND", PPM_MS_BIND },
	{ "MOVE", PPM_MS_MOVE },
	{ "REC", PPM_MS_REC },
	{ "SILENT", PPM_MS_SILENT },
	{ "POSIXACL", PPM_MS_POSIXACL },
	{ "UNBINDABLE", PPM_MS_UNBINDABLE },
	{ "PRIVATE", PPM_MS_PRIVATE },
	{ "SLAVE", PPM_MS_SLAVE },
	{ "SHARED", PPM_MS_SHARED },
	{ "RELATIME", PPM_MS_RELATIME },
	{ "KERNMOUNT", PPM_MS_KERNMOUNT },
	{ "I_VERSION", PPM_MS_I_VERSION },
	{ "STRICTATIME", PPM_MS_STRICTATIME },
	{ "LAZYTIME", PPM_MS_LAZYTIME },
	{ "NOSEC", PPM_MS_NOSEC },
	{ "BORN", PPM_MS_BORN },
	{ "ACTIVE", PPM_MS_ACTIVE },
	{ "NOUSER", PPM_MS_NOUSER },
	{ NULL, 0 },
};

/* getrlimit, setrlimit, prlimit "resource": an enumeration, highest first. */
const struct ppm_name_value rlimit_resources[] = {
	{ "RLIMIT_UNKNOWN", PPM_RLIMIT_UNKNOWN },
	{ "RLIMIT_RTTIME", PPM_RLIMIT_RTTIME },
	{ "RLIMIT_RTPRIO", PPM_RLIMIT_RTPRIO },
	{ "RLIMIT_NICE", PPM_RLIMIT_NICE },
	{ "RLIMIT_MSGQUEUE", PPM_RLIMIT_MSGQUEUE },
	{ "RLIMIT_SIGPENDING", PPM_RLIMIT_SIGPENDING },
	{ "RLIMIT_LOCKS", PPM_RLIMIT_LOCKS },
	{ "RLIMIT_AS", PPM_RLIMIT_AS },
	{ "RLIMIT_MEMLOCK", PPM_RLIMIT_MEMLOCK },
	{ "RLIMIT_NOFILE", PPM_RLIMIT_NOFILE },
	{ "RLIMIT_NPROC", PPM_RLIMIT_NPROC },
	{ "RLIMIT_RSS", PPM_RLIMIT_RSS },
	{ "RLIMIT_CORE", PPM_RLIMIT_CORE },
	{ "RLIMIT_STACK", PPM_RLIMIT_STACK },
	{ "RLIMIT_DATA", PPM_RLIMIT_DATA },
	{ "RLIMIT_FSIZE", PPM_RLIMIT_FSIZE },
	{ "RLIMIT_CPU", PPM_RLIMIT_CPU },
	{ NULL, 0 },
};
