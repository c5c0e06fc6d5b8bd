// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The schema table: for each event code, its name and its parameters in
 * order, with each parameter's name, type and print format.
 *
 * This is the single description of every event scaplab emits. The fillers
 * in each driver store parameters in exactly this order ("Parameter N" in
 * their comments is the index here, counting from 1), and the decoder in
 * userspace/libscap reads events with nothing but this table.
 *
 * Names, types and order are Falco's (falcosecurity-scap-dkms, event_table.c),
 * so a learner can find every event here in Falco's code under the same name.
 * Codes scaplab does not emit are left zeroed: name "" and no params.
 */
#include "ppm_events_public.h"
#include "flags_table.h"
#include "ppm_sockopt.h"
#include "ppm_ptrace_bpf.h"

/* One parameter: name, type, print format. */
#define P(name_, type_, fmt_) { .name = name_, .type = type_, .fmt = fmt_ }
/* One parameter with extra info: its flags table, or DIRFD_PARAM(n). */
#define PI(name_, type_, fmt_, info_) \
	{ .name = name_, .type = type_, .fmt = fmt_, .info = info_ }

/* The 20 exit params shared by clone, fork, vfork and clone3. */
#define CLONE_EXIT_PARAMS						\
	P("res", PT_PID, PF_DEC),					\
	P("exe", PT_CHARBUF, PF_NA),					\
	P("args", PT_BYTEBUF, PF_NA),					\
	P("tid", PT_PID, PF_DEC),					\
	P("pid", PT_PID, PF_DEC),					\
	P("ptid", PT_PID, PF_DEC),					\
	P("cwd", PT_CHARBUF, PF_NA),					\
	P("fdlimit", PT_INT64, PF_DEC),					\
	P("pgft_maj", PT_UINT64, PF_DEC),				\
	P("pgft_min", PT_UINT64, PF_DEC),				\
	P("vm_size", PT_UINT32, PF_DEC),				\
	P("vm_rss", PT_UINT32, PF_DEC),					\
	P("vm_swap", PT_UINT32, PF_DEC),				\
	P("comm", PT_CHARBUF, PF_NA),					\
	P("cgroups", PT_BYTEBUF, PF_NA),				\
	PI("flags", PT_FLAGS32, PF_HEX, clone_flags),			\
	P("uid", PT_UINT32, PF_DEC),					\
	P("gid", PT_UINT32, PF_DEC),					\
	P("vtid", PT_PID, PF_DEC),					\
	P("vpid", PT_PID, PF_DEC)

/* The 20 exit params shared by execve and execveat. */
#define EXECVE_EXIT_PARAMS						\
	P("res", PT_ERRNO, PF_DEC),					\
	P("exe", PT_CHARBUF, PF_NA),					\
	P("args", PT_BYTEBUF, PF_NA),					\
	P("tid", PT_PID, PF_DEC),					\
	P("pid", PT_PID, PF_DEC),					\
	P("ptid", PT_PID, PF_DEC),					\
	P("cwd", PT_CHARBUF, PF_NA),					\
	P("fdlimit", PT_UINT64, PF_DEC),				\
	P("pgft_maj", PT_UINT64, PF_DEC),				\
	P("pgft_min", PT_UINT64, PF_DEC),				\
	P("vm_size", PT_UINT32, PF_DEC),				\
	P("vm_rss", PT_UINT32, PF_DEC),					\
	P("vm_swap", PT_UINT32, PF_DEC),				\
	P("comm", PT_CHARBUF, PF_NA),					\
	P("cgroups", PT_BYTEBUF, PF_NA),				\
	P("env", PT_BYTEBUF, PF_NA),					\
	P("tty", PT_INT32, PF_DEC),					\
	P("pgid", PT_PID, PF_DEC),					\
	P("loginuid", PT_INT32, PF_DEC),				\
	PI("flags", PT_FLAGS32, PF_HEX, execve_flags)

/* The 5 exit params of accept and accept4. */
#define ACCEPT_EXIT_PARAMS						\
	P("fd", PT_FD, PF_DEC),						\
	P("tuple", PT_SOCKTUPLE, PF_NA),				\
	P("queuepct", PT_UINT8, PF_DEC),				\
	P("queuelen", PT_UINT32, PF_DEC),				\
	P("queuemax", PT_UINT32, PF_DEC)

#define SOCKOPT_EXIT_PARAMS						\
	P("res", PT_ERRNO, PF_DEC),					\
	P("fd", PT_FD, PF_DEC),						\
	PI("level", PT_FLAGS8, PF_DEC, sockopt_levels),			\
	PI("optname", PT_FLAGS8, PF_DEC, sockopt_options),		\
	{ .name = "val", .type = PT_DYN, .fmt = PF_DEC,			\
	  .info = sockopt_dynamic_param, .ninfo = PPM_SOCKOPT_IDX_MAX },	\
	P("optlen", PT_UINT32, PF_DEC)

#define CF (EF_CREATES_FD | EF_MODIFIES_STATE)
#define RD (EF_USES_FD | EF_READS_FROM_FD | EF_DROP_SIMPLE_CONS)
#define WR (EF_USES_FD | EF_WRITES_TO_FD | EF_DROP_SIMPLE_CONS)
/* The socket data calls change state in Falco: their tuple may name a new peer. */
#define SEND (EF_USES_FD | EF_WRITES_TO_FD | EF_MODIFIES_STATE)
#define RECV (EF_USES_FD | EF_READS_FROM_FD | EF_MODIFIES_STATE)

const struct ppm_event_info g_event_info[PPM_EVENT_MAX] = {
	[PPME_GENERIC_E] = {"syscall", EC_OTHER, EF_NONE, 2, {
		P("ID", PT_SYSCALLID, PF_DEC),
		P("nativeID", PT_UINT16, PF_DEC) } },
	[PPME_GENERIC_X] = {"syscall", EC_OTHER, EF_NONE, 1, {
		P("ID", PT_SYSCALLID, PF_DEC) } },

	[PPME_SYSCALL_OPEN_E] = {"open", EC_FILE, CF, 3, {
		P("name", PT_FSPATH, PF_NA),
		PI("flags", PT_FLAGS32, PF_HEX, file_flags),
		P("mode", PT_UINT32, PF_OCT) } },
	[PPME_SYSCALL_OPEN_X] = {"open", EC_FILE, CF, 5, {
		P("fd", PT_FD, PF_DEC),
		P("name", PT_FSPATH, PF_NA),
		PI("flags", PT_FLAGS32, PF_HEX, file_flags),
		P("mode", PT_UINT32, PF_OCT),
		P("dev", PT_UINT32, PF_HEX) } },
	[PPME_SYSCALL_OPENAT_2_E] = {"openat", EC_FILE, CF, 4, {
		P("dirfd", PT_FD, PF_DEC),
		PI("name", PT_FSRELPATH, PF_NA, DIRFD_PARAM(0)),
		PI("flags", PT_FLAGS32, PF_HEX, file_flags),
		P("mode", PT_UINT32, PF_OCT) } },
	[PPME_SYSCALL_OPENAT_2_X] = {"openat", EC_FILE, CF, 6, {
		P("fd", PT_FD, PF_DEC),
		P("dirfd", PT_FD, PF_DEC),
		PI("name", PT_FSRELPATH, PF_NA, DIRFD_PARAM(1)),
		PI("flags", PT_FLAGS32, PF_HEX, file_flags),
		P("mode", PT_UINT32, PF_OCT),
		P("dev", PT_UINT32, PF_HEX) } },
	[PPME_SYSCALL_OPENAT2_E] = {"openat2", EC_FILE, CF, 5, {
		P("dirfd", PT_FD, PF_DEC),
		PI("name", PT_FSRELPATH, PF_NA, DIRFD_PARAM(0)),
		PI("flags", PT_FLAGS32, PF_HEX, file_flags),
		P("mode", PT_UINT32, PF_OCT),
		PI("resolve", PT_FLAGS32, PF_HEX, openat2_flags) } },
	[PPME_SYSCALL_OPENAT2_X] = {"openat2", EC_FILE, CF, 6, {
		P("fd", PT_FD, PF_DEC),
		P("dirfd", PT_FD, PF_DEC),
		PI("name", PT_FSRELPATH, PF_NA, DIRFD_PARAM(1)),
		PI("flags", PT_FLAGS32, PF_HEX, file_flags),
		P("mode", PT_UINT32, PF_OCT),
		PI("resolve", PT_FLAGS32, PF_HEX, openat2_flags) } },
	[PPME_SYSCALL_CREAT_E] = {"creat", EC_FILE, CF, 2, {
		P("name", PT_FSPATH, PF_NA),
		P("mode", PT_UINT32, PF_OCT) } },
	[PPME_SYSCALL_CREAT_X] = {"creat", EC_FILE, CF, 4, {
		P("fd", PT_FD, PF_DEC),
		P("name", PT_FSPATH, PF_NA),
		P("mode", PT_UINT32, PF_OCT),
		P("dev", PT_UINT32, PF_HEX) } },
	[PPME_SYSCALL_CLOSE_E] = {"close", EC_IO_OTHER,
		EF_DESTROYS_FD | EF_USES_FD | EF_MODIFIES_STATE | EF_DROP_SIMPLE_CONS, 1, {
		P("fd", PT_FD, PF_DEC) } },
	[PPME_SYSCALL_CLOSE_X] = {"close", EC_IO_OTHER,
		EF_DESTROYS_FD | EF_USES_FD | EF_MODIFIES_STATE | EF_DROP_SIMPLE_CONS, 1, {
		P("res", PT_ERRNO, PF_DEC) } },

	[PPME_SYSCALL_READ_E] = {"read", EC_IO_READ, RD, 2, {
		P("fd", PT_FD, PF_DEC),
		P("size", PT_UINT32, PF_DEC) } },
	[PPME_SYSCALL_READ_X] = {"read", EC_IO_READ, RD, 2, {
		P("res", PT_ERRNO, PF_DEC),
		P("data", PT_BYTEBUF, PF_NA) } },
	[PPME_SYSCALL_WRITE_E] = {"write", EC_IO_WRITE, WR, 2, {
		P("fd", PT_FD, PF_DEC),
		P("size", PT_UINT32, PF_DEC) } },
	[PPME_SYSCALL_WRITE_X] = {"write", EC_IO_WRITE, WR, 2, {
		P("res", PT_ERRNO, PF_DEC),
		P("data", PT_BYTEBUF, PF_NA) } },
	[PPME_SYSCALL_PREAD_E] = {"pread", EC_IO_READ, RD, 3, {
		P("fd", PT_FD, PF_DEC),
		P("size", PT_UINT32, PF_DEC),
		P("pos", PT_UINT64, PF_DEC) } },
	[PPME_SYSCALL_PREAD_X] = {"pread", EC_IO_READ, RD, 2, {
		P("res", PT_ERRNO, PF_DEC),
		P("data", PT_BYTEBUF, PF_NA) } },
	[PPME_SYSCALL_PWRITE_E] = {"pwrite", EC_IO_WRITE, WR, 3, {
		P("fd", PT_FD, PF_DEC),
		P("size", PT_UINT32, PF_DEC),
		P("pos", PT_UINT64, PF_DEC) } },
	[PPME_SYSCALL_PWRITE_X] = {"pwrite", EC_IO_WRITE, WR, 2, {
		P("res", PT_ERRNO, PF_DEC),
		P("data", PT_BYTEBUF, PF_NA) } },
	[PPME_SYSCALL_READV_E] = {"readv", EC_IO_READ, RD, 1, {
		P("fd", PT_FD, PF_DEC) } },
	[PPME_SYSCALL_READV_X] = {"readv", EC_IO_READ, RD, 3, {
		P("res", PT_ERRNO, PF_DEC),
		P("size", PT_UINT32, PF_DEC),
		P("data", PT_BYTEBUF, PF_NA) } },
	[PPME_SYSCALL_WRITEV_E] = {"writev", EC_IO_WRITE, WR, 2, {
		P("fd", PT_FD, PF_DEC),
		P("size", PT_UINT32, PF_DEC) } },
	[PPME_SYSCALL_WRITEV_X] = {"writev", EC_IO_WRITE, WR, 2, {
		P("res", PT_ERRNO, PF_DEC),
		P("data", PT_BYTEBUF, PF_NA) } },
	[PPME_SYSCALL_PREADV_E] = {"preadv", EC_IO_READ, RD, 2, {
		P("fd", PT_FD, PF_DEC),
		P("pos", PT_UINT64, PF_DEC) } },
	[PPME_SYSCALL_PREADV_X] = {"preadv", EC_IO_READ, RD, 3, {
		P("res", PT_ERRNO, PF_DEC),
		P("size", PT_UINT32, PF_DEC),
		P("data", PT_BYTEBUF, PF_NA) } },
	[PPME_SYSCALL_PWRITEV_E] = {"pwritev", EC_IO_WRITE, WR, 3, {
		P("fd", PT_FD, PF_DEC),
		P("size", PT_UINT32, PF_DEC),
		P("pos", PT_UINT64, PF_DEC) } },
	[PPME_SYSCALL_PWRITEV_X] = {"pwritev", EC_IO_WRITE, WR, 2, {
		P("res", PT_ERRNO, PF_DEC),
		P("data", PT_BYTEBUF, PF_NA) } },

	[PPME_SYSCALL_EXECVE_19_E] = {"execve", EC_PROCESS, EF_MODIFIES_STATE, 1, {
		P("filename", PT_FSPATH, PF_NA) } },
	[PPME_SYSCALL_EXECVE_19_X] = {"execve", EC_PROCESS, EF_MODIFIES_STATE, 20, {
		EXECVE_EXIT_PARAMS } },
	[PPME_SYSCALL_EXECVEAT_E] = {"execveat", EC_PROCESS, EF_MODIFIES_STATE, 3, {
		P("dirfd", PT_FD, PF_DEC),
		PI("pathname", PT_FSRELPATH, PF_NA, DIRFD_PARAM(0)),
		PI("flags", PT_FLAGS32, PF_HEX, execveat_flags) } },
	[PPME_SYSCALL_EXECVEAT_X] = {"execveat", EC_PROCESS, EF_MODIFIES_STATE, 20, {
		EXECVE_EXIT_PARAMS } },
	[PPME_SYSCALL_CLONE_20_E] = {"clone", EC_PROCESS, EF_MODIFIES_STATE, 0, { } },
	[PPME_SYSCALL_CLONE_20_X] = {"clone", EC_PROCESS, EF_MODIFIES_STATE, 20, {
		CLONE_EXIT_PARAMS } },
	[PPME_SYSCALL_CLONE3_E] = {"clone3", EC_PROCESS, EF_MODIFIES_STATE, 0, { } },
	[PPME_SYSCALL_CLONE3_X] = {"clone3", EC_PROCESS, EF_MODIFIES_STATE, 20, {
		CLONE_EXIT_PARAMS } },
	[PPME_SYSCALL_FORK_20_E] = {"fork", EC_PROCESS, EF_MODIFIES_STATE, 0, { } },
	[PPME_SYSCALL_FORK_20_X] = {"fork", EC_PROCESS, EF_MODIFIES_STATE, 20, {
		CLONE_EXIT_PARAMS } },
	[PPME_SYSCALL_VFORK_20_E] = {"vfork", EC_PROCESS, EF_MODIFIES_STATE, 0, { } },
	[PPME_SYSCALL_VFORK_20_X] = {"vfork", EC_PROCESS, EF_MODIFIES_STATE, 20, {
		CLONE_EXIT_PARAMS } },
	[PPME_PROCEXIT_1_E] = {"procexit", EC_PROCESS, EF_MODIFIES_STATE, 4, {
		P("status", PT_ERRNO, PF_DEC),
		P("ret", PT_ERRNO, PF_DEC),
		P("sig", PT_SIGTYPE, PF_DEC),
		P("core", PT_UINT8, PF_DEC) } },
	[PPME_SYSCALL_KILL_E] = {"kill", EC_SIGNAL, EF_NONE, 2, {
		P("pid", PT_PID, PF_DEC),
		P("sig", PT_SIGTYPE, PF_DEC) } },
	[PPME_SYSCALL_KILL_X] = {"kill", EC_SIGNAL, EF_NONE, 1, {
		P("res", PT_ERRNO, PF_DEC) } },

	[PPME_SOCKET_SOCKET_E] = {"socket", EC_NET, CF, 3, {
		PI("domain", PT_FLAGS32, PF_DEC, socket_families),
		P("type", PT_UINT32, PF_DEC),
		P("proto", PT_UINT32, PF_DEC) } },
	[PPME_SOCKET_SOCKET_X] = {"socket", EC_NET, CF, 1, {
		P("fd", PT_FD, PF_DEC) } },
	[PPME_SOCKET_SOCKETPAIR_E] = {"socketpair", EC_IPC, CF, 3, {
		PI("domain", PT_FLAGS32, PF_DEC, socket_families),
		P("type", PT_UINT32, PF_DEC),
		P("proto", PT_UINT32, PF_DEC) } },
	[PPME_SOCKET_SOCKETPAIR_X] = {"socketpair", EC_IPC, CF, 5, {
		P("res", PT_ERRNO, PF_DEC),
		P("fd1", PT_FD, PF_DEC),
		P("fd2", PT_FD, PF_DEC),
		P("source", PT_UINT64, PF_HEX),
		P("peer", PT_UINT64, PF_HEX) } },
	[PPME_SOCKET_BIND_E] = {"bind", EC_NET, EF_USES_FD | EF_MODIFIES_STATE, 1, {
		P("fd", PT_FD, PF_DEC) } },
	[PPME_SOCKET_BIND_X] = {"bind", EC_NET, EF_USES_FD | EF_MODIFIES_STATE, 2, {
		P("res", PT_ERRNO, PF_DEC),
		P("addr", PT_SOCKADDR, PF_NA) } },
	[PPME_SOCKET_CONNECT_E] = {"connect", EC_NET, EF_USES_FD | EF_MODIFIES_STATE, 2, {
		P("fd", PT_FD, PF_DEC),
		P("addr", PT_SOCKADDR, PF_NA) } },
	[PPME_SOCKET_CONNECT_X] = {"connect", EC_NET, EF_USES_FD | EF_MODIFIES_STATE, 2, {
		P("res", PT_ERRNO, PF_DEC),
		P("tuple", PT_SOCKTUPLE, PF_NA) } },
	/* The fds asked about at enter; at exit, only those with events. */
	[PPME_SYSCALL_POLL_E] = {"poll", EC_WAIT, EF_WAITS | EF_DROP_SIMPLE_CONS, 2, {
		P("fds", PT_FDLIST, PF_DEC),
		P("timeout", PT_INT64, PF_DEC) } },
	[PPME_SYSCALL_POLL_X] = {"poll", EC_WAIT, EF_WAITS | EF_DROP_SIMPLE_CONS, 2, {
		P("res", PT_ERRNO, PF_DEC),
		P("fds", PT_FDLIST, PF_DEC) } },
	[PPME_SYSCALL_PPOLL_E] = {"ppoll", EC_WAIT, EF_WAITS | EF_DROP_SIMPLE_CONS, 3, {
		P("fds", PT_FDLIST, PF_DEC),
		P("timeout", PT_RELTIME, PF_DEC),
		P("sigmask", PT_SIGSET, PF_DEC) } },
	[PPME_SYSCALL_PPOLL_X] = {"ppoll", EC_WAIT, EF_WAITS | EF_DROP_SIMPLE_CONS, 2, {
		P("res", PT_ERRNO, PF_DEC),
		P("fds", PT_FDLIST, PF_DEC) } },
	/* semop's exit holds its first two struct sembuf, as Falco's does. */
	[PPME_SYSCALL_SEMOP_E] = {"semop", EC_PROCESS, EF_DROP_SIMPLE_CONS, 1, {
		P("semid", PT_INT32, PF_DEC) } },
	[PPME_SYSCALL_SEMOP_X] = {"semop", EC_PROCESS, EF_DROP_SIMPLE_CONS, 8, {
		P("res", PT_ERRNO, PF_DEC),
		P("nsops", PT_UINT32, PF_DEC),
		P("sem_num_0", PT_UINT16, PF_DEC),
		P("sem_op_0", PT_INT16, PF_DEC),
		PI("sem_flg_0", PT_FLAGS16, PF_HEX, semop_flags),
		P("sem_num_1", PT_UINT16, PF_DEC),
		P("sem_op_1", PT_INT16, PF_DEC),
		PI("sem_flg_1", PT_FLAGS16, PF_HEX, semop_flags) } },
	[PPME_SOCKET_SENDTO_E] = {"sendto", EC_IO_WRITE, SEND, 3, {
		P("fd", PT_FD, PF_DEC),
		P("size", PT_UINT32, PF_DEC),
		P("tuple", PT_SOCKTUPLE, PF_NA) } },
	[PPME_SOCKET_SENDTO_X] = {"sendto", EC_IO_WRITE, SEND, 2, {
		P("res", PT_ERRNO, PF_DEC),
		P("data", PT_BYTEBUF, PF_NA) } },
	[PPME_SOCKET_RECVFROM_E] = {"recvfrom", EC_IO_READ, RECV, 2, {
		P("fd", PT_FD, PF_DEC),
		P("size", PT_UINT32, PF_DEC) } },
	[PPME_SOCKET_RECVFROM_X] = {"recvfrom", EC_IO_READ, RECV, 3, {
		P("res", PT_ERRNO, PF_DEC),
		P("data", PT_BYTEBUF, PF_NA),
		P("tuple", PT_SOCKTUPLE, PF_NA) } },
	[PPME_SOCKET_SENDMSG_E] = {"sendmsg", EC_IO_WRITE, SEND, 3, {
		P("fd", PT_FD, PF_DEC),
		P("size", PT_UINT32, PF_DEC),
		P("tuple", PT_SOCKTUPLE, PF_NA) } },
	[PPME_SOCKET_SENDMSG_X] = {"sendmsg", EC_IO_WRITE, SEND, 2, {
		P("res", PT_ERRNO, PF_DEC),
		P("data", PT_BYTEBUF, PF_NA) } },
	[PPME_SOCKET_RECVMSG_E] = {"recvmsg", EC_IO_READ, RECV, 1, {
		P("fd", PT_FD, PF_DEC) } },
	[PPME_SOCKET_RECVMSG_X] = {"recvmsg", EC_IO_READ, RECV, 4, {
		P("res", PT_ERRNO, PF_DEC),
		P("size", PT_UINT32, PF_DEC),
		P("data", PT_BYTEBUF, PF_NA),
		P("tuple", PT_SOCKTUPLE, PF_NA) } },
	/* "val" has the type its first byte names (PT_DYN; driver/ppm_sockopt.h). */
	[PPME_SOCKET_SETSOCKOPT_E] = {"setsockopt", EC_NET, EF_NONE, 0, { } },
	[PPME_SOCKET_SETSOCKOPT_X] = {"setsockopt", EC_NET, EF_USES_FD, 6, { SOCKOPT_EXIT_PARAMS } },
	[PPME_SOCKET_GETSOCKOPT_E] = {"getsockopt", EC_NET, EF_MODIFIES_STATE | EF_DROP_SIMPLE_CONS, 0, { } },
	[PPME_SOCKET_GETSOCKOPT_X] = {"getsockopt", EC_NET,
		EF_USES_FD | EF_MODIFIES_STATE | EF_DROP_SIMPLE_CONS, 6, { SOCKOPT_EXIT_PARAMS } },
	[PPME_SOCKET_LISTEN_E] = {"listen", EC_NET, EF_USES_FD, 2, {
		P("fd", PT_FD, PF_DEC),
		P("backlog", PT_UINT32, PF_DEC) } },
	[PPME_SOCKET_LISTEN_X] = {"listen", EC_NET, EF_USES_FD, 1, {
		P("res", PT_ERRNO, PF_DEC) } },
	[PPME_SOCKET_ACCEPT_5_E] = {"accept", EC_NET, CF, 0, { } },
	[PPME_SOCKET_ACCEPT_5_X] = {"accept", EC_NET, CF, 5, {
		ACCEPT_EXIT_PARAMS } },
	/* Falco names accept4's events "accept" too; only the enter differs. */
	[PPME_SOCKET_ACCEPT4_5_E] = {"accept", EC_NET, CF, 1, {
		P("flags", PT_INT32, PF_HEX) } },
	[PPME_SOCKET_ACCEPT4_5_X] = {"accept", EC_NET, CF, 5, {
		ACCEPT_EXIT_PARAMS } },

	[PPME_SYSCALL_UNLINK_2_E] = {"unlink", EC_FILE, EF_NONE, 0, { } },
	[PPME_SYSCALL_UNLINK_2_X] = {"unlink", EC_FILE, EF_NONE, 2, {
		P("res", PT_ERRNO, PF_DEC),
		P("path", PT_FSPATH, PF_NA) } },
	[PPME_SYSCALL_UNLINKAT_2_E] = {"unlinkat", EC_FILE, EF_NONE, 0, { } },
	[PPME_SYSCALL_UNLINKAT_2_X] = {"unlinkat", EC_FILE, EF_NONE, 4, {
		P("res", PT_ERRNO, PF_DEC),
		P("dirfd", PT_FD, PF_DEC),
		PI("name", PT_FSRELPATH, PF_NA, DIRFD_PARAM(1)),
		PI("flags", PT_FLAGS32, PF_HEX, unlinkat_flags) } },
	[PPME_SYSCALL_RENAME_E] = {"rename", EC_FILE, EF_NONE, 0, { } },
	[PPME_SYSCALL_RENAME_X] = {"rename", EC_FILE, EF_NONE, 3, {
		P("res", PT_ERRNO, PF_DEC),
		P("oldpath", PT_FSPATH, PF_NA),
		P("newpath", PT_FSPATH, PF_NA) } },
	[PPME_SYSCALL_RENAMEAT_E] = {"renameat", EC_FILE, EF_NONE, 0, { } },
	[PPME_SYSCALL_RENAMEAT_X] = {"renameat", EC_FILE, EF_NONE, 5, {
		P("res", PT_ERRNO, PF_DEC),
		P("olddirfd", PT_FD, PF_DEC),
		PI("oldpath", PT_FSRELPATH, PF_NA, DIRFD_PARAM(1)),
		P("newdirfd", PT_FD, PF_DEC),
		PI("newpath", PT_FSRELPATH, PF_NA, DIRFD_PARAM(3)) } },
	[PPME_SYSCALL_RENAMEAT2_E] = {"renameat2", EC_FILE, EF_NONE, 0, { } },
	/* LAB 04.1 BEGIN: the exit event's 6 params: res, olddirfd, oldpath, newdirfd, newpath, flags */
	[PPME_SYSCALL_RENAMEAT2_X] = {"renameat2", EC_FILE, EF_NONE, 6, {
		P("res", PT_ERRNO, PF_DEC),
		P("olddirfd", PT_FD, PF_DEC),
		PI("oldpath", PT_FSRELPATH, PF_NA, DIRFD_PARAM(1)),
		P("newdirfd", PT_FD, PF_DEC),
		PI("newpath", PT_FSRELPATH, PF_NA, DIRFD_PARAM(3)),
		PI("flags", PT_FLAGS32, PF_HEX, renameat2_flags) } },
	/* LAB 04.1 STARTER: [PPME_SYSCALL_RENAMEAT2_X] = {"renameat2", EC_FILE, EF_NONE, 0, { } }, */
	/* LAB 04.1 END */
	[PPME_SYSCALL_MKDIR_2_E] = {"mkdir", EC_FILE, EF_NONE, 1, {
		P("mode", PT_UINT32, PF_HEX) } },
	[PPME_SYSCALL_MKDIR_2_X] = {"mkdir", EC_FILE, EF_NONE, 2, {
		P("res", PT_ERRNO, PF_DEC),
		P("path", PT_FSPATH, PF_NA) } },
	[PPME_SYSCALL_MKDIRAT_E] = {"mkdirat", EC_FILE, EF_NONE, 0, { } },
	[PPME_SYSCALL_MKDIRAT_X] = {"mkdirat", EC_FILE, EF_NONE, 4, {
		P("res", PT_ERRNO, PF_DEC),
		P("dirfd", PT_FD, PF_DEC),
		PI("path", PT_FSRELPATH, PF_NA, DIRFD_PARAM(1)),
		P("mode", PT_UINT32, PF_HEX) } },
	[PPME_SYSCALL_CHDIR_E] = {"chdir", EC_FILE, EF_MODIFIES_STATE, 0, { } },
	[PPME_SYSCALL_CHDIR_X] = {"chdir", EC_FILE, EF_MODIFIES_STATE, 2, {
		P("res", PT_ERRNO, PF_DEC),
		P("path", PT_CHARBUF, PF_NA) } },

	[PPME_SYSCALL_DUP_E] = {"dup", EC_IO_OTHER, CF | EF_USES_FD, 1, {
		P("fd", PT_FD, PF_DEC) } },
	[PPME_SYSCALL_DUP_X] = {"dup", EC_IO_OTHER, CF | EF_USES_FD, 1, {
		P("res", PT_FD, PF_DEC) } },
	[PPME_SYSCALL_PIPE_E] = {"pipe", EC_IPC, CF, 0, { } },
	[PPME_SYSCALL_PIPE_X] = {"pipe", EC_IPC, CF, 4, {
		P("res", PT_ERRNO, PF_DEC),
		P("fd1", PT_FD, PF_DEC),
		P("fd2", PT_FD, PF_DEC),
		P("ino", PT_UINT64, PF_DEC) } },
	[PPME_SYSCALL_MMAP_E] = {"mmap", EC_MEMORY, EF_DROP_SIMPLE_CONS, 6, {
		P("addr", PT_UINT64, PF_HEX),
		P("length", PT_UINT64, PF_DEC),
		PI("prot", PT_FLAGS32, PF_HEX, prot_flags),
		PI("flags", PT_FLAGS32, PF_HEX, mmap_flags),
		P("fd", PT_FD, PF_DEC),
		P("offset", PT_UINT64, PF_DEC) } },
	[PPME_SYSCALL_MMAP_X] = {"mmap", EC_MEMORY, EF_DROP_SIMPLE_CONS, 4, {
		P("res", PT_UINT64, PF_HEX),
		P("vm_size", PT_UINT32, PF_DEC),
		P("vm_rss", PT_UINT32, PF_DEC),
		P("vm_swap", PT_UINT32, PF_DEC) } },
	[PPME_SYSCALL_MUNMAP_E] = {"munmap", EC_MEMORY, EF_DROP_SIMPLE_CONS, 2, {
		P("addr", PT_UINT64, PF_HEX),
		P("length", PT_UINT64, PF_DEC) } },
	[PPME_SYSCALL_MUNMAP_X] = {"munmap", EC_MEMORY, EF_DROP_SIMPLE_CONS, 4, {
		P("res", PT_ERRNO, PF_DEC),
		P("vm_size", PT_UINT32, PF_DEC),
		P("vm_rss", PT_UINT32, PF_DEC),
		P("vm_swap", PT_UINT32, PF_DEC) } },
	/* addr and data: PT_DYN, as sockopt's val (driver/ppm_ptrace_bpf.h). */
	[PPME_SYSCALL_PTRACE_E] = {"ptrace", EC_PROCESS, EF_NONE, 2, {
		PI("request", PT_FLAGS16, PF_DEC, ptrace_requests),
		P("pid", PT_PID, PF_DEC) } },
	[PPME_SYSCALL_PTRACE_X] = {"ptrace", EC_PROCESS, EF_NONE, 3, {
		P("res", PT_ERRNO, PF_DEC),
		{ .name = "addr", .type = PT_DYN, .fmt = PF_HEX,
		  .info = ptrace_dynamic_param, .ninfo = PPM_PTRACE_IDX_MAX },
		{ .name = "data", .type = PT_DYN, .fmt = PF_HEX,
		  .info = ptrace_dynamic_param, .ninfo = PPM_PTRACE_IDX_MAX } } },
	[PPME_SYSCALL_BPF_E] = {"bpf", EC_OTHER, EF_CREATES_FD, 1, {
		P("cmd", PT_INT64, PF_DEC) } },
	[PPME_SYSCALL_BPF_X] = {"bpf", EC_OTHER, EF_CREATES_FD, 1, {
		{ .name = "res_or_fd", .type = PT_DYN, .fmt = PF_DEC,
		  .info = bpf_dynamic_param, .ninfo = PPM_BPF_IDX_MAX } } },
	/* The exit's fields: driver/ppm_quotactl.h. */
	[PPME_SYSCALL_QUOTACTL_E] = {"quotactl", EC_USER, EF_NONE, 4, {
		PI("cmd", PT_FLAGS16, PF_DEC, quotactl_cmds),
		PI("type", PT_FLAGS8, PF_DEC, quotactl_types),
		P("id", PT_UINT32, PF_DEC),
		PI("quota_fmt", PT_FLAGS8, PF_DEC, quotactl_quota_fmts) } },
	[PPME_SYSCALL_QUOTACTL_X] = {"quotactl", EC_USER, EF_NONE, 14, {
		P("res", PT_ERRNO, PF_DEC),
		P("special", PT_CHARBUF, PF_NA),
		P("quotafilepath", PT_CHARBUF, PF_NA),
		P("dqb_bhardlimit", PT_UINT64, PF_DEC),
		P("dqb_bsoftlimit", PT_UINT64, PF_DEC),
		P("dqb_curspace", PT_UINT64, PF_DEC),
		P("dqb_ihardlimit", PT_UINT64, PF_DEC),
		P("dqb_isoftlimit", PT_UINT64, PF_DEC),
		P("dqb_btime", PT_RELTIME, PF_DEC),
		P("dqb_itime", PT_RELTIME, PF_DEC),
		P("dqi_bgrace", PT_RELTIME, PF_DEC),
		P("dqi_igrace", PT_RELTIME, PF_DEC),
		PI("dqi_flags", PT_FLAGS8, PF_DEC, quotactl_dqi_flags),
		PI("quota_fmt_out", PT_FLAGS8, PF_DEC, quotactl_quota_fmts) } },

#include "event_table_autofilled.h"
};
