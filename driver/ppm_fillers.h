/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The fillers: one function per event code, listed in g_ppm_events
 * (fillers_table.c). Each lives in fillers/<group>.c and stores the params
 * event_table.c lists for its event, in order (ppm_events.h says how).
 */
#ifndef SCAPLAB_PPM_FILLERS_H
#define SCAPLAB_PPM_FILLERS_H

#include "ppm_events.h"

typedef int (*filler_t)(struct event_filler_arguments *args);

struct ppm_event_entry {
	filler_t filler_callback;
};

/* Indexed by event code; a code with no filler is never emitted. */
extern const struct ppm_event_entry g_ppm_events[PPM_EVENT_MAX];

#define FILLER(name) int f_##name(struct event_filler_arguments *args)

/* fillers/generic.c: the generic pair and procexit */
FILLER(sys_generic_e);
FILLER(sys_generic_x);
FILLER(sched_procexit_e);

/* fillers/file.c: open, close, dup; fillers/paths.c: mkdir, unlink, rename, chdir */
FILLER(sys_open_e);
FILLER(sys_open_x);
FILLER(sys_openat_e);
FILLER(sys_openat_x);
FILLER(sys_openat2_e);
FILLER(sys_openat2_x);
FILLER(sys_creat_e);
FILLER(sys_creat_x);
FILLER(sys_close_e);
FILLER(sys_close_x);
FILLER(sys_dup_e);
FILLER(sys_dup_x);
FILLER(sys_chdir_e);
FILLER(sys_chdir_x);
FILLER(sys_mkdir_e);
FILLER(sys_mkdir_x);
FILLER(sys_mkdirat_e);
FILLER(sys_mkdirat_x);
FILLER(sys_unlink_e);
FILLER(sys_unlink_x);
FILLER(sys_unlinkat_e);
FILLER(sys_unlinkat_x);
FILLER(sys_rename_e);
FILLER(sys_rename_x);
FILLER(sys_renameat_e);
FILLER(sys_renameat_x);
FILLER(sys_renameat2_e);
FILLER(sys_renameat2_x);

/* fillers/io.c: read, write and their forms; fillers/ipc.c: pipe, kill;
 * fillers/mem.c: mmap, munmap */
FILLER(sys_read_e);
FILLER(sys_read_x);
FILLER(sys_write_e);
FILLER(sys_write_x);
FILLER(sys_pread64_e);
FILLER(sys_pread64_x);
FILLER(sys_pwrite64_e);
FILLER(sys_pwrite64_x);
FILLER(sys_readv_e);
FILLER(sys_readv_x);
FILLER(sys_writev_e);
FILLER(sys_writev_x);
FILLER(sys_preadv_e);
FILLER(sys_preadv_x);
FILLER(sys_pwritev_e);
FILLER(sys_pwritev_x);
FILLER(sys_pipe_e);
FILLER(sys_pipe_x);
FILLER(sys_mmap_e);
FILLER(sys_mmap_x);
FILLER(sys_munmap_e);
FILLER(sys_munmap_x);
FILLER(sys_kill_e);
FILLER(sys_kill_x);

/* fillers/autofill.c: every event of driver/autofill_table.h */
FILLER(sys_autofill_e);
FILLER(sys_autofill_x);

/* fillers/net.c: socket, socketpair, bind, connect, listen, accept */
FILLER(sys_socket_e);
FILLER(sys_socket_x);
FILLER(sys_socketpair_e);
FILLER(sys_socketpair_x);
FILLER(sys_bind_e);
FILLER(sys_bind_x);
FILLER(sys_connect_e);
FILLER(sys_connect_x);
FILLER(sys_listen_e);
FILLER(sys_listen_x);
FILLER(sys_accept_e);
FILLER(sys_accept_x);
FILLER(sys_accept4_e);
FILLER(sys_accept4_x);

/* fillers/poll.c: poll, ppoll */
FILLER(sys_poll_e);
FILLER(sys_poll_x);
FILLER(sys_ppoll_e);
FILLER(sys_ppoll_x);

/* fillers/sem.c: semop */
FILLER(sys_semop_e);
FILLER(sys_semop_x);

/* fillers/net_io.c: sendto, recvfrom, sendmsg, recvmsg */
FILLER(sys_sendto_e);
FILLER(sys_sendto_x);
FILLER(sys_recvfrom_e);
FILLER(sys_recvfrom_x);
FILLER(sys_sendmsg_e);
FILLER(sys_sendmsg_x);
FILLER(sys_recvmsg_e);
FILLER(sys_recvmsg_x);
/* fillers/sockopt.c */
FILLER(sys_setsockopt_e);
FILLER(sys_setsockopt_x);
FILLER(sys_getsockopt_e);
FILLER(sys_getsockopt_x);

/* fillers/ptrace_bpf.c: ptrace, bpf; fillers/quotactl.c */
FILLER(sys_ptrace_e);
FILLER(sys_ptrace_x);
FILLER(sys_bpf_e);
FILLER(sys_bpf_x);
FILLER(sys_quotactl_e);
FILLER(sys_quotactl_x);

/* fillers/proc.c: execve, execveat and the clone family */
FILLER(sys_execve_e);
FILLER(sys_execve_x);
FILLER(sys_execveat_e);
FILLER(sys_execveat_x);
FILLER(sys_clone_e);
FILLER(sys_clone_x);
FILLER(sys_clone3_e);
FILLER(sys_clone3_x);
FILLER(sys_fork_e);
FILLER(sys_fork_x);
FILLER(sys_vfork_e);
FILLER(sys_vfork_x);

#endif /* SCAPLAB_PPM_FILLERS_H */
