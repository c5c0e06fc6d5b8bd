/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Storing the process params of the clone and execve families' exit
 * events (Falco's proc_startupdate). The two families share their first
 * 15 params (driver/event_table.c, CLONE_EXIT_PARAMS and
 * EXECVE_EXIT_PARAMS); these helpers store those and each family's last
 * ones, so that fillers/proc.c only says what is each syscall's own.
 * Each returns 0, or the error that drops the event (see val_to_ring()).
 *
 * The modern driver's twin: modern_bpf/helpers/store/auxmap_store_proc.h.
 */
#ifndef SCAPLAB_PROC_COMMON_H
#define SCAPLAB_PROC_COMMON_H

#include "../ppm_events.h"

/* Longest exe + args, or env, we copy: one page, as Falco and the BPF side. */
#define MAX_PROC_ARG_ENV 4096

/* Parameters 2 and 3, exe and args, of the current process's program. */
int proc_store_exe_args_from_mm(struct event_filler_arguments *args);

/* Parameters 2 and 3, exe and args, from the argv array of a failed execve. */
int proc_store_exe_args_from_argv(struct event_filler_arguments *args, unsigned long argv);

/* Parameters 4 to 15: tid, pid, ptid, cwd, fdlimit ... comm, cgroups. */
int proc_store_common_params(struct event_filler_arguments *args);

/* Parameter 16 of the execve family, env, of the current program or from envp. */
int proc_store_env_from_mm(struct event_filler_arguments *args);
int proc_store_env_from_envp(struct event_filler_arguments *args, unsigned long envp);

/* Parameters 17 to 20 of the execve family: tty, pgid, loginuid, flags. */
int proc_store_execve_tail_params(struct event_filler_arguments *args);

/* Parameters 17 to 20 of the clone family: uid, gid, vtid, vpid. */
int proc_store_clone_ids_params(struct event_filler_arguments *args);

#endif /* SCAPLAB_PROC_COMMON_H */
