/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The current task's process state: ids, credentials, limits, terminal,
 * and whether it may write its own executable. The clone and execve
 * families store these in their exit events (driver/event_table.c,
 * CLONE_EXIT_PARAMS and EXECVE_EXIT_PARAMS).
 *
 * Every function is about current, at its syscall exit, and runs with
 * preemption disabled: it takes no sleeping lock and no reference whose
 * release may sleep. current's own mm, fs, nsproxy, credentials and
 * signal struct cannot go away under it; what another thread may swap
 * (the parent, the exe file, the terminal) is read under RCU or the lock
 * that guards it, both allowed here.
 *
 * The modern driver's twins: modern_bpf/helpers/extract/process.h and
 * exe_writable.h. Each value here is the one the BPF side reads, so the
 * two drivers store the same bytes; where the kernel has a function that
 * computes the same thing (task_pgrp_vnr(), in_group_p()) we call it.
 */
#ifndef SCAPLAB_EXTRACT_PROCESS_H
#define SCAPLAB_EXTRACT_PROCESS_H

#include <linux/types.h>

struct mm_struct;

/* The parent's global thread id (real_parent: a tracer is not it). */
s32 extract_task_ptid(void);

/* The soft limit on open files, RLIM_INFINITY = ~0. */
u64 extract_task_fdlimit(void);

/* PPM_CL_CHILD_IN_PIDNS if the task or its future children live below the initial pid ns. */
u32 extract_child_in_pidns_flag(void);

/* The effective uid and gid, as kernel ids (the initial user namespace's). */
u32 extract_task_euid(void);
u32 extract_task_egid(void);

/* The controlling terminal as /proc/PID/stat's tty_nr, 0 if none. */
s32 extract_task_tty(void);

/* The audit login uid; false on a kernel without CONFIG_AUDIT. */
bool extract_task_loginuid(u32 *loginuid);

/* Does anyone else use this memory (a thread, a CLONE_VM parent or child)? */
bool extract_mm_is_shared(struct mm_struct *mm);

/* Could the task write the executable it runs? PPM_EXE_WRITABLE's rule. */
bool extract_exe_writable(void);

#endif /* SCAPLAB_EXTRACT_PROCESS_H */
