/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The checks both dispatchers make before any work, cheapest first: they run
 * on every syscall of every process, so a syscall nobody asked for must cost
 * as little as possible.
 */
#ifndef SCAPLAB_SYSCALLS_DISPATCHER_H
#define SCAPLAB_SYSCALLS_DISPATCHER_H

#include "../../maps/maps.h"
#include "../extract/syscall_args.h"

static __always_inline bool syscalls_dispatcher__is_interesting(__u32 syscall_id)
{
	if (syscall_id >= SYSCALL_TABLE_SIZE)
		return false;
	if (!g_interesting_syscalls[syscall_id])
		return false;
	if ((bpf_get_current_pid_tgid() >> 32) == g_ignored_tgid)
		return false;
	return !extract__is_compat_syscall();
}

#endif /* SCAPLAB_SYSCALLS_DISPATCHER_H */
