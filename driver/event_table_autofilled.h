/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The schema of the events the autofill table fills (driver/autofill_table.h):
 * part of g_event_info, included by driver/event_table.c inside its
 * initializer. Kept apart so that event_table.c stays readable; the entries
 * follow the same rules (names, types and order are Falco's).
 */
	[PPME_SYSCALL_STAT_E] = {"stat", EC_FILE, EF_DROP_SIMPLE_CONS, 0, { } },
	[PPME_SYSCALL_STAT_X] = {"stat", EC_FILE, EF_DROP_SIMPLE_CONS, 2, {
		P("res", PT_ERRNO, PF_DEC),
		P("path", PT_FSPATH, PF_NA) } },
	[PPME_SYSCALL_FSTAT_E] = {"fstat", EC_FILE, EF_USES_FD | EF_DROP_SIMPLE_CONS, 1, {
		P("fd", PT_FD, PF_NA) } },
	[PPME_SYSCALL_FSTAT_X] = {"fstat", EC_FILE, EF_USES_FD | EF_DROP_SIMPLE_CONS, 1, {
		P("res", PT_ERRNO, PF_DEC) } },
	[PPME_SYSCALL_LSTAT_E] = {"lstat", EC_FILE, EF_DROP_SIMPLE_CONS, 0, { } },
	[PPME_SYSCALL_LSTAT_X] = {"lstat", EC_FILE, EF_DROP_SIMPLE_CONS, 2, {
		P("res", PT_ERRNO, PF_DEC),
		P("path", PT_FSPATH, PF_NA) } },
	[PPME_SYSCALL_LSEEK_E] = {"lseek", EC_FILE, EF_USES_FD | EF_DROP_SIMPLE_CONS, 3, {
		P("fd", PT_FD, PF_DEC),
		P("offset", PT_UINT64, PF_DEC),
		PI("whence", PT_FLAGS8, PF_DEC, lseek_whence) } },
	[PPME_SYSCALL_LSEEK_X] = {"lseek", EC_FILE, EF_USES_FD | EF_DROP_SIMPLE_CONS, 1, {
		P("res", PT_ERRNO, PF_DEC) } },
	[PPME_SYSCALL_MPROTECT_E] = {"mprotect", EC_MEMORY, EF_DROP_SIMPLE_CONS, 3, {
		P("addr", PT_UINT64, PF_HEX),
		P("length", PT_UINT64, PF_DEC),
		PI("prot", PT_FLAGS32, PF_HEX, prot_flags) } },
	[PPME_SYSCALL_MPROTECT_X] = {"mprotect", EC_MEMORY, EF_DROP_SIMPLE_CONS, 1, {
		P("res", PT_ERRNO, PF_DEC) } },
	[PPME_SYSCALL_IOCTL_3_E] = {"ioctl", EC_IO_OTHER, EF_USES_FD, 3, {
		P("fd", PT_FD, PF_DEC),
		P("request", PT_UINT64, PF_HEX),
		P("argument", PT_UINT64, PF_HEX) } },
	[PPME_SYSCALL_IOCTL_3_X] = {"ioctl", EC_IO_OTHER, EF_USES_FD, 1, {
		P("res", PT_ERRNO, PF_DEC) } },
	[PPME_SYSCALL_ACCESS_E] = {"access", EC_FILE, EF_DROP_SIMPLE_CONS, 1, {
		PI("mode", PT_FLAGS32, PF_HEX, access_flags) } },
	[PPME_SYSCALL_ACCESS_X] = {"access", EC_FILE, EF_DROP_SIMPLE_CONS, 2, {
		P("res", PT_ERRNO, PF_DEC),
		P("name", PT_FSPATH, PF_NA) } },
	[PPME_SYSCALL_SELECT_E] = {"select", EC_WAIT, EF_WAITS | EF_DROP_SIMPLE_CONS, 0, { } },
	[PPME_SYSCALL_SELECT_X] = {"select", EC_WAIT, EF_WAITS | EF_DROP_SIMPLE_CONS, 1, {
		P("res", PT_ERRNO, PF_DEC) } },
	[PPME_SOCKET_SHUTDOWN_E] = {"shutdown", EC_NET, EF_USES_FD | EF_MODIFIES_STATE | EF_DROP_SIMPLE_CONS, 2, {
		P("fd", PT_FD, PF_DEC),
		PI("how", PT_FLAGS8, PF_HEX, shutdown_how) } },
	[PPME_SOCKET_SHUTDOWN_X] = {"shutdown", EC_NET, EF_USES_FD | EF_MODIFIES_STATE | EF_DROP_SIMPLE_CONS, 1, {
		P("res", PT_ERRNO, PF_DEC) } },
	[PPME_SOCKET_GETSOCKNAME_E] = {"getsockname", EC_NET, EF_DROP_SIMPLE_CONS, 0, { } },
	[PPME_SOCKET_GETSOCKNAME_X] = {"getsockname", EC_NET, EF_DROP_SIMPLE_CONS, 0, { } },
	[PPME_SOCKET_GETPEERNAME_E] = {"getpeername", EC_NET, EF_DROP_SIMPLE_CONS, 0, { } },
	[PPME_SOCKET_GETPEERNAME_X] = {"getpeername", EC_NET, EF_DROP_SIMPLE_CONS, 0, { } },
	[PPME_SYSCALL_FCNTL_E] = {"fcntl", EC_IO_OTHER, EF_USES_FD | EF_MODIFIES_STATE | EF_DROP_SIMPLE_CONS, 2, {
		P("fd", PT_FD, PF_DEC),
		PI("cmd", PT_FLAGS8, PF_DEC, fcntl_commands) } },
	[PPME_SYSCALL_FCNTL_X] = {"fcntl", EC_IO_OTHER, EF_USES_FD | EF_MODIFIES_STATE | EF_DROP_SIMPLE_CONS, 1, {
		P("res", PT_FD, PF_DEC) } },
	[PPME_SYSCALL_FLOCK_E] = {"flock", EC_FILE, EF_USES_FD, 2, {
		P("fd", PT_FD, PF_NA),
		PI("operation", PT_FLAGS32, PF_HEX, flock_flags) } },
	[PPME_SYSCALL_FLOCK_X] = {"flock", EC_FILE, EF_USES_FD, 1, {
		P("res", PT_ERRNO, PF_DEC) } },
	[PPME_SYSCALL_GETDENTS_E] = {"getdents", EC_FILE, EF_USES_FD | EF_DROP_SIMPLE_CONS, 1, {
		P("fd", PT_FD, PF_NA) } },
	[PPME_SYSCALL_GETDENTS_X] = {"getdents", EC_FILE, EF_USES_FD | EF_DROP_SIMPLE_CONS, 1, {
		P("res", PT_ERRNO, PF_DEC) } },
	[PPME_SYSCALL_GETCWD_E] = {"getcwd", EC_FILE, EF_DROP_SIMPLE_CONS, 0, { } },
	[PPME_SYSCALL_GETCWD_X] = {"getcwd", EC_FILE, EF_DROP_SIMPLE_CONS, 2, {
		P("res", PT_ERRNO, PF_DEC),
		P("path", PT_CHARBUF, PF_NA) } },
	[PPME_SYSCALL_FCHDIR_E] = {"fchdir", EC_FILE, EF_USES_FD | EF_MODIFIES_STATE, 1, {
		P("fd", PT_FD, PF_NA) } },
	[PPME_SYSCALL_FCHDIR_X] = {"fchdir", EC_FILE, EF_USES_FD | EF_MODIFIES_STATE, 1, {
		P("res", PT_ERRNO, PF_DEC) } },
	[PPME_SYSCALL_RMDIR_2_E] = {"rmdir", EC_FILE, EF_NONE, 0, { } },
	[PPME_SYSCALL_RMDIR_2_X] = {"rmdir", EC_FILE, EF_NONE, 2, {
		P("res", PT_ERRNO, PF_DEC),
		P("path", PT_FSPATH, PF_NA) } },
	[PPME_SYSCALL_LINK_2_E] = {"link", EC_FILE, EF_NONE, 0, { } },
	[PPME_SYSCALL_LINK_2_X] = {"link", EC_FILE, EF_NONE, 3, {
		P("res", PT_ERRNO, PF_DEC),
		P("oldpath", PT_FSPATH, PF_NA),
		P("newpath", PT_FSPATH, PF_NA) } },
	[PPME_SYSCALL_SYMLINK_E] = {"symlink", EC_FILE, EF_NONE, 0, { } },
	[PPME_SYSCALL_SYMLINK_X] = {"symlink", EC_FILE, EF_NONE, 3, {
		P("res", PT_ERRNO, PF_DEC),
		P("target", PT_CHARBUF, PF_NA),
		P("linkpath", PT_FSPATH, PF_NA) } },
	[PPME_SYSCALL_CHMOD_E] = {"chmod", EC_FILE, EF_NONE, 0, { } },
	[PPME_SYSCALL_CHMOD_X] = {"chmod", EC_FILE, EF_NONE, 3, {
		P("res", PT_ERRNO, PF_DEC),
		P("filename", PT_FSPATH, PF_NA),
		PI("mode", PT_MODE, PF_OCT, chmod_mode) } },
	[PPME_SYSCALL_FCHMOD_E] = {"fchmod", EC_FILE, EF_NONE, 0, { } },
	[PPME_SYSCALL_FCHMOD_X] = {"fchmod", EC_FILE, EF_NONE, 3, {
		P("res", PT_ERRNO, PF_DEC),
		P("fd", PT_FD, PF_DEC),
		PI("mode", PT_MODE, PF_OCT, chmod_mode) } },
	[PPME_SYSCALL_GETUID_E] = {"getuid", EC_USER, EF_DROP_SIMPLE_CONS, 0, { } },
	[PPME_SYSCALL_GETUID_X] = {"getuid", EC_USER, EF_DROP_SIMPLE_CONS, 1, {
		P("uid", PT_UID, PF_DEC) } },
	[PPME_SYSCALL_GETGID_E] = {"getgid", EC_USER, EF_DROP_SIMPLE_CONS, 0, { } },
	[PPME_SYSCALL_GETGID_X] = {"getgid", EC_USER, EF_DROP_SIMPLE_CONS, 1, {
		P("gid", PT_GID, PF_DEC) } },
	[PPME_SYSCALL_SETUID_E] = {"setuid", EC_USER, EF_MODIFIES_STATE, 1, {
		P("uid", PT_UID, PF_DEC) } },
	[PPME_SYSCALL_SETUID_X] = {"setuid", EC_USER, EF_MODIFIES_STATE, 1, {
		P("res", PT_ERRNO, PF_DEC) } },
	[PPME_SYSCALL_SETGID_E] = {"setgid", EC_USER, EF_MODIFIES_STATE, 1, {
		P("gid", PT_GID, PF_DEC) } },
	[PPME_SYSCALL_SETGID_X] = {"setgid", EC_USER, EF_MODIFIES_STATE, 1, {
		P("res", PT_ERRNO, PF_DEC) } },
	[PPME_SYSCALL_GETEUID_E] = {"geteuid", EC_USER, EF_DROP_SIMPLE_CONS, 0, { } },
	[PPME_SYSCALL_GETEUID_X] = {"geteuid", EC_USER, EF_DROP_SIMPLE_CONS, 1, {
		P("euid", PT_UID, PF_DEC) } },
	[PPME_SYSCALL_GETEGID_E] = {"getegid", EC_USER, EF_DROP_SIMPLE_CONS, 0, { } },
	[PPME_SYSCALL_GETEGID_X] = {"getegid", EC_USER, EF_DROP_SIMPLE_CONS, 1, {
		P("egid", PT_GID, PF_DEC) } },
	[PPME_SYSCALL_SETPGID_E] = {"setpgid", EC_PROCESS, EF_MODIFIES_STATE, 2, {
		P("pid", PT_PID, PF_DEC),
		P("pgid", PT_PID, PF_DEC) } },
	[PPME_SYSCALL_SETPGID_X] = {"setpgid", EC_PROCESS, EF_MODIFIES_STATE, 1, {
		P("res", PT_PID, PF_DEC) } },
	[PPME_SYSCALL_SETSID_E] = {"setsid", EC_PROCESS, EF_MODIFIES_STATE, 0, { } },
	[PPME_SYSCALL_SETSID_X] = {"setsid", EC_PROCESS, EF_MODIFIES_STATE, 1, {
		P("res", PT_PID, PF_DEC) } },
	[PPME_SYSCALL_SETRESUID_E] = {"setresuid", EC_USER, EF_MODIFIES_STATE, 3, {
		P("ruid", PT_UID, PF_DEC),
		P("euid", PT_UID, PF_DEC),
		P("suid", PT_UID, PF_DEC) } },
	[PPME_SYSCALL_SETRESUID_X] = {"setresuid", EC_USER, EF_MODIFIES_STATE, 1, {
		P("res", PT_ERRNO, PF_DEC) } },
	[PPME_SYSCALL_SETRESGID_E] = {"setresgid", EC_USER, EF_MODIFIES_STATE, 3, {
		P("rgid", PT_GID, PF_DEC),
		P("egid", PT_GID, PF_DEC),
		P("sgid", PT_GID, PF_DEC) } },
	[PPME_SYSCALL_SETRESGID_X] = {"setresgid", EC_USER, EF_MODIFIES_STATE, 1, {
		P("res", PT_ERRNO, PF_DEC) } },
	[PPME_SYSCALL_CHROOT_E] = {"chroot", EC_PROCESS, EF_MODIFIES_STATE, 0, { } },
	[PPME_SYSCALL_CHROOT_X] = {"chroot", EC_PROCESS, EF_MODIFIES_STATE, 2, {
		P("res", PT_ERRNO, PF_DEC),
		P("path", PT_FSPATH, PF_NA) } },
	[PPME_SYSCALL_UMOUNT_E] = {"umount", EC_FILE, EF_MODIFIES_STATE, 1, {
		PI("flags", PT_FLAGS32, PF_HEX, umount_flags) } },
	[PPME_SYSCALL_UMOUNT_X] = {"umount", EC_FILE, EF_MODIFIES_STATE, 2, {
		P("res", PT_ERRNO, PF_DEC),
		P("name", PT_FSPATH, PF_NA) } },
	[PPME_SYSCALL_TKILL_E] = {"tkill", EC_SIGNAL, EF_NONE, 2, {
		P("tid", PT_PID, PF_DEC),
		P("sig", PT_SIGTYPE, PF_DEC) } },
	[PPME_SYSCALL_TKILL_X] = {"tkill", EC_SIGNAL, EF_NONE, 1, {
		P("res", PT_ERRNO, PF_DEC) } },
	[PPME_SYSCALL_FUTEX_E] = {"futex", EC_IPC, EF_DROP_SIMPLE_CONS, 3, {
		P("addr", PT_UINT64, PF_HEX),
		PI("op", PT_FLAGS16, PF_HEX, futex_operations),
		P("val", PT_UINT64, PF_DEC) } },
	[PPME_SYSCALL_FUTEX_X] = {"futex", EC_IPC, EF_DROP_SIMPLE_CONS, 1, {
		P("res", PT_ERRNO, PF_DEC) } },
	[PPME_SYSCALL_GETDENTS64_E] = {"getdents64", EC_FILE, EF_USES_FD | EF_DROP_SIMPLE_CONS, 1, {
		P("fd", PT_FD, PF_NA) } },
	[PPME_SYSCALL_GETDENTS64_X] = {"getdents64", EC_FILE, EF_USES_FD | EF_DROP_SIMPLE_CONS, 1, {
		P("res", PT_ERRNO, PF_DEC) } },
	[PPME_SYSCALL_EPOLLWAIT_E] = {"epoll_wait", EC_WAIT, EF_WAITS | EF_DROP_SIMPLE_CONS, 1, {
		P("maxevents", PT_ERRNO, PF_DEC) } },
	[PPME_SYSCALL_EPOLLWAIT_X] = {"epoll_wait", EC_WAIT, EF_WAITS | EF_DROP_SIMPLE_CONS, 1, {
		P("res", PT_ERRNO, PF_DEC) } },
	[PPME_SYSCALL_TGKILL_E] = {"tgkill", EC_SIGNAL, EF_NONE, 3, {
		P("pid", PT_PID, PF_DEC),
		P("tid", PT_PID, PF_DEC),
		P("sig", PT_SIGTYPE, PF_DEC) } },
	[PPME_SYSCALL_TGKILL_X] = {"tgkill", EC_SIGNAL, EF_NONE, 1, {
		P("res", PT_ERRNO, PF_DEC) } },
	[PPME_SYSCALL_INOTIFY_INIT_E] = {"inotify_init", EC_IPC, EF_CREATES_FD | EF_MODIFIES_STATE, 1, {
		P("flags", PT_FLAGS8, PF_HEX) } },
	[PPME_SYSCALL_INOTIFY_INIT_X] = {"inotify_init", EC_IPC, EF_CREATES_FD | EF_MODIFIES_STATE, 1, {
		P("res", PT_FD, PF_DEC) } },
	[PPME_SYSCALL_LINKAT_2_E] = {"linkat", EC_FILE, EF_NONE, 0, { } },
	[PPME_SYSCALL_LINKAT_2_X] = {"linkat", EC_FILE, EF_NONE, 6, {
		P("res", PT_ERRNO, PF_DEC),
		P("olddir", PT_FD, PF_DEC),
		PI("oldpath", PT_FSRELPATH, PF_NA, DIRFD_PARAM(1)),
		P("newdir", PT_FD, PF_DEC),
		PI("newpath", PT_FSRELPATH, PF_NA, DIRFD_PARAM(3)),
		PI("flags", PT_FLAGS32, PF_HEX, linkat_flags) } },
	[PPME_SYSCALL_SYMLINKAT_E] = {"symlinkat", EC_FILE, EF_NONE, 0, { } },
	[PPME_SYSCALL_SYMLINKAT_X] = {"symlinkat", EC_FILE, EF_NONE, 4, {
		P("res", PT_ERRNO, PF_DEC),
		P("target", PT_CHARBUF, PF_NA),
		P("linkdirfd", PT_FD, PF_DEC),
		PI("linkpath", PT_FSRELPATH, PF_NA, DIRFD_PARAM(2)) } },
	[PPME_SYSCALL_FCHMODAT_E] = {"fchmodat", EC_FILE, EF_NONE, 0, { } },
	[PPME_SYSCALL_FCHMODAT_X] = {"fchmodat", EC_FILE, EF_NONE, 4, {
		P("res", PT_ERRNO, PF_DEC),
		P("dirfd", PT_FD, PF_DEC),
		PI("filename", PT_FSRELPATH, PF_NA, DIRFD_PARAM(1)),
		PI("mode", PT_MODE, PF_OCT, chmod_mode) } },
	[PPME_SYSCALL_UNSHARE_E] = {"unshare", EC_PROCESS, EF_NONE, 1, {
		PI("flags", PT_FLAGS32, PF_HEX, clone_flags) } },
	[PPME_SYSCALL_UNSHARE_X] = {"unshare", EC_PROCESS, EF_NONE, 1, {
		P("res", PT_ERRNO, PF_DEC) } },
	[PPME_SYSCALL_SPLICE_E] = {"splice", EC_IO_OTHER, EF_USES_FD | EF_DROP_SIMPLE_CONS, 4, {
		P("fd_in", PT_FD, PF_DEC),
		P("fd_out", PT_FD, PF_DEC),
		P("size", PT_UINT64, PF_DEC),
		PI("flags", PT_FLAGS32, PF_HEX, splice_flags) } },
	[PPME_SYSCALL_SPLICE_X] = {"splice", EC_IO_OTHER, EF_USES_FD | EF_DROP_SIMPLE_CONS, 1, {
		P("res", PT_ERRNO, PF_DEC) } },
	[PPME_SYSCALL_SIGNALFD_E] = {"signalfd", EC_SIGNAL, EF_CREATES_FD | EF_MODIFIES_STATE, 3, {
		P("fd", PT_FD, PF_DEC),
		P("mask", PT_UINT32, PF_HEX),
		P("flags", PT_FLAGS8, PF_HEX) } },
	[PPME_SYSCALL_SIGNALFD_X] = {"signalfd", EC_SIGNAL, EF_CREATES_FD | EF_MODIFIES_STATE, 1, {
		P("res", PT_FD, PF_DEC) } },
	[PPME_SYSCALL_TIMERFD_CREATE_E] = {"timerfd_create", EC_TIME, EF_CREATES_FD | EF_MODIFIES_STATE | EF_DROP_SIMPLE_CONS, 2, {
		P("clockid", PT_UINT8, PF_DEC),
		P("flags", PT_FLAGS8, PF_HEX) } },
	[PPME_SYSCALL_TIMERFD_CREATE_X] = {"timerfd_create", EC_TIME, EF_CREATES_FD | EF_MODIFIES_STATE | EF_DROP_SIMPLE_CONS, 1, {
		P("res", PT_FD, PF_DEC) } },
	[PPME_SYSCALL_EVENTFD_E] = {"eventfd", EC_IPC, EF_CREATES_FD | EF_MODIFIES_STATE | EF_DROP_SIMPLE_CONS, 2, {
		P("initval", PT_UINT64, PF_DEC),
		P("flags", PT_FLAGS32, PF_HEX) } },
	[PPME_SYSCALL_EVENTFD_X] = {"eventfd", EC_IPC, EF_CREATES_FD | EF_MODIFIES_STATE | EF_DROP_SIMPLE_CONS, 1, {
		P("res", PT_FD, PF_DEC) } },
	[PPME_SOCKET_RECVMMSG_E] = {"recvmmsg", EC_IO_READ, EF_DROP_SIMPLE_CONS, 0, { } },
	[PPME_SOCKET_RECVMMSG_X] = {"recvmmsg", EC_IO_READ, EF_DROP_SIMPLE_CONS, 0, { } },
	[PPME_SOCKET_SENDMMSG_E] = {"sendmmsg", EC_IO_WRITE, EF_DROP_SIMPLE_CONS, 0, { } },
	[PPME_SOCKET_SENDMMSG_X] = {"sendmmsg", EC_IO_WRITE, EF_DROP_SIMPLE_CONS, 0, { } },
	[PPME_SYSCALL_SETNS_E] = {"setns", EC_PROCESS, EF_USES_FD, 2, {
		P("fd", PT_FD, PF_NA),
		PI("nstype", PT_FLAGS32, PF_HEX, clone_flags) } },
	[PPME_SYSCALL_SETNS_X] = {"setns", EC_PROCESS, EF_USES_FD, 1, {
		P("res", PT_ERRNO, PF_DEC) } },
	[PPME_SYSCALL_SECCOMP_E] = {"seccomp", EC_OTHER, EF_NONE, 1, {
		P("op", PT_UINT64, PF_DEC) } },
	[PPME_SYSCALL_SECCOMP_X] = {"seccomp", EC_OTHER, EF_NONE, 1, {
		P("res", PT_ERRNO, PF_DEC) } },
	[PPME_SYSCALL_USERFAULTFD_E] = {"userfaultfd", EC_FILE, EF_CREATES_FD | EF_MODIFIES_STATE, 0, { } },
	[PPME_SYSCALL_USERFAULTFD_X] = {"userfaultfd", EC_FILE, EF_CREATES_FD | EF_MODIFIES_STATE, 2, {
		P("res", PT_ERRNO, PF_DEC),
		PI("flags", PT_FLAGS32, PF_HEX, file_flags) } },
	[PPME_SYSCALL_SEMGET_E] = {"semget", EC_PROCESS, EF_DROP_SIMPLE_CONS, 3, {
		P("key", PT_INT32, PF_HEX),
		P("nsems", PT_INT32, PF_DEC),
		PI("semflg", PT_FLAGS32, PF_HEX, semget_flags) } },
	[PPME_SYSCALL_SEMGET_X] = {"semget", EC_PROCESS, EF_DROP_SIMPLE_CONS, 1, {
		P("res", PT_ERRNO, PF_DEC) } },
	[PPME_SYSCALL_SEMCTL_E] = {"semctl", EC_PROCESS, EF_DROP_SIMPLE_CONS, 4, {
		P("semid", PT_INT32, PF_DEC),
		P("semnum", PT_INT32, PF_DEC),
		PI("cmd", PT_FLAGS16, PF_HEX, semctl_commands),
		P("val", PT_INT32, PF_DEC) } },
	[PPME_SYSCALL_SEMCTL_X] = {"semctl", EC_PROCESS, EF_DROP_SIMPLE_CONS, 1, {
		P("res", PT_ERRNO, PF_DEC) } },
	[PPME_SYSCALL_MOUNT_E] = {"mount", EC_FILE, EF_MODIFIES_STATE, 1, {
		PI("flags", PT_FLAGS32, PF_HEX, mount_flags) } },
	[PPME_SYSCALL_MOUNT_X] = {"mount", EC_FILE, EF_MODIFIES_STATE, 4, {
		P("res", PT_ERRNO, PF_DEC),
		P("dev", PT_CHARBUF, PF_NA),
		P("dir", PT_FSPATH, PF_NA),
		P("type", PT_CHARBUF, PF_NA) } },
	[PPME_SYSCALL_BRK_4_E] = {"brk", EC_MEMORY, EF_DROP_SIMPLE_CONS, 1, {
		P("addr", PT_UINT64, PF_HEX) } },
	[PPME_SYSCALL_BRK_4_X] = {"brk", EC_MEMORY, EF_DROP_SIMPLE_CONS, 4, {
		P("res", PT_UINT64, PF_HEX),
		P("vm_size", PT_UINT32, PF_DEC),
		P("vm_rss", PT_UINT32, PF_DEC),
		P("vm_swap", PT_UINT32, PF_DEC) } },
	[PPME_SYSCALL_GETRESUID_E] = {"getresuid", EC_USER, EF_DROP_SIMPLE_CONS, 0, { } },
	[PPME_SYSCALL_GETRESUID_X] = {"getresuid", EC_USER, EF_DROP_SIMPLE_CONS, 4, {
		P("res", PT_ERRNO, PF_DEC),
		P("ruid", PT_UID, PF_DEC),
		P("euid", PT_UID, PF_DEC),
		P("suid", PT_UID, PF_DEC) } },
	[PPME_SYSCALL_GETRESGID_E] = {"getresgid", EC_USER, EF_DROP_SIMPLE_CONS, 0, { } },
	[PPME_SYSCALL_GETRESGID_X] = {"getresgid", EC_USER, EF_DROP_SIMPLE_CONS, 4, {
		P("res", PT_ERRNO, PF_DEC),
		P("rgid", PT_GID, PF_DEC),
		P("egid", PT_GID, PF_DEC),
		P("sgid", PT_GID, PF_DEC) } },
	[PPME_SYSCALL_GETRLIMIT_E] = {"getrlimit", EC_PROCESS, EF_DROP_SIMPLE_CONS, 1, {
		PI("resource", PT_FLAGS8, PF_DEC, rlimit_resources) } },
	[PPME_SYSCALL_GETRLIMIT_X] = {"getrlimit", EC_PROCESS, EF_DROP_SIMPLE_CONS, 3, {
		P("res", PT_ERRNO, PF_DEC),
		P("cur", PT_INT64, PF_DEC),
		P("max", PT_INT64, PF_DEC) } },
	[PPME_SYSCALL_SETRLIMIT_E] = {"setrlimit", EC_PROCESS, EF_DROP_SIMPLE_CONS, 1, {
		PI("resource", PT_FLAGS8, PF_DEC, rlimit_resources) } },
	[PPME_SYSCALL_SETRLIMIT_X] = {"setrlimit", EC_PROCESS, EF_DROP_SIMPLE_CONS, 3, {
		P("res", PT_ERRNO, PF_DEC),
		P("cur", PT_INT64, PF_DEC),
		P("max", PT_INT64, PF_DEC) } },
	[PPME_SYSCALL_PRLIMIT_E] = {"prlimit", EC_PROCESS, EF_NONE, 2, {
		P("pid", PT_PID, PF_DEC),
		PI("resource", PT_FLAGS8, PF_DEC, rlimit_resources) } },
	[PPME_SYSCALL_PRLIMIT_X] = {"prlimit", EC_PROCESS, EF_NONE, 5, {
		P("res", PT_ERRNO, PF_DEC),
		P("newcur", PT_INT64, PF_DEC),
		P("newmax", PT_INT64, PF_DEC),
		P("oldcur", PT_INT64, PF_DEC),
		P("oldmax", PT_INT64, PF_DEC) } },
	[PPME_SYSCALL_NANOSLEEP_E] = {"nanosleep", EC_SLEEP, EF_WAITS | EF_DROP_SIMPLE_CONS, 1, {
		P("interval", PT_RELTIME, PF_DEC) } },
	[PPME_SYSCALL_NANOSLEEP_X] = {"nanosleep", EC_SLEEP, EF_WAITS | EF_DROP_SIMPLE_CONS, 1, {
		P("res", PT_ERRNO, PF_DEC) } },
	[PPME_SYSCALL_SENDFILE_E] = {"sendfile", EC_IO_WRITE, EF_USES_FD | EF_DROP_SIMPLE_CONS, 4, {
		P("out_fd", PT_FD, PF_DEC),
		P("in_fd", PT_FD, PF_DEC),
		P("offset", PT_UINT64, PF_DEC),
		P("size", PT_UINT64, PF_DEC) } },
	[PPME_SYSCALL_SENDFILE_X] = {"sendfile", EC_IO_WRITE, EF_USES_FD | EF_DROP_SIMPLE_CONS, 2, {
		P("res", PT_ERRNO, PF_DEC),
		P("offset", PT_UINT64, PF_DEC) } },
	[PPME_SYSCALL_COPY_FILE_RANGE_E] = {"copy_file_range", EC_FILE,
		EF_USES_FD | EF_READS_FROM_FD | EF_WRITES_TO_FD, 3, {
		P("fdin", PT_FD, PF_DEC),
		P("offin", PT_UINT64, PF_DEC),
		P("len", PT_UINT64, PF_DEC) } },
	[PPME_SYSCALL_COPY_FILE_RANGE_X] = {"copy_file_range", EC_FILE,
		EF_USES_FD | EF_READS_FROM_FD | EF_WRITES_TO_FD, 3, {
		P("res", PT_ERRNO, PF_DEC),
		P("fdout", PT_FD, PF_DEC),
		P("offout", PT_UINT64, PF_DEC) } },
