/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Reading a syscall's number, arguments and return value on x86_64.
 *
 * The sys_enter and sys_exit tracepoints pass the user registers saved at
 * syscall entry. The x86_64 syscall ABI puts the number in orig_ax and the
 * six arguments in di, si, dx, r10, r8, r9 (r10, not cx: the syscall
 * instruction clobbers cx). In a tp_btf program these registers are typed
 * kernel memory, so they are read directly, with no bpf_probe_read.
 */
#ifndef SCAPLAB_SYSCALL_ARGS_H
#define SCAPLAB_SYSCALL_ARGS_H

#include "../base/common.h"

static __always_inline __u32 extract__syscall_id(struct pt_regs *regs)
{
	return regs->orig_ax;
}

/* Argument idx (0..5) of the syscall in progress. */
static __always_inline unsigned long extract__syscall_argument(struct pt_regs *regs, int idx)
{
	switch (idx) {
	case 0:
		return regs->di;
	case 1:
		return regs->si;
	case 2:
		return regs->dx;
	case 3:
		return regs->r10;
	case 4:
		return regs->r8;
	case 5:
		return regs->r9;
	default:
		return 0;
	}
}

/*
 * 1 if the current task made a 32-bit (ia32) syscall. Its number is from
 * the i386 table, so looking it up in our x86_64 table would lie.
 */
static __always_inline bool extract__is_compat_syscall(void)
{
	struct task_struct *task = bpf_get_current_task_btf();

	/* TS_COMPAT in arch/x86/include/asm/thread_info.h */
	return task->thread_info.status & 0x0002;
}

#endif /* SCAPLAB_SYSCALL_ARGS_H */
