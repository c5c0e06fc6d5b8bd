// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * dup(2), dup2(2), dup3(2): all three send PPME_SYSCALL_DUP_E /
 * PPME_SYSCALL_DUP_X, as in Falco's 2022 schema, which keeps only the fd
 * copied and the new one (dup2's and dup3's target is the result anyway).
 *
 * The loader finds a filler by its syscall's name, so each syscall has its
 * own pair of programs; they share the code below.
 *
 * Try it: sudo ./build/scap-open --syscall dup,dup2,dup3 -- python3 -c 'import ctypes, os; ctypes.CDLL(None).dup(1); os.dup2(1, 7); os.dup2(1, 8, inheritable=False)'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/ringbuf_store_params.h"

static __always_inline int dup_enter(struct pt_regs *regs)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_DUP_E, 1, sizeof(__s64)))
		return 0;

	/* Parameter 1: fd (type: PT_FD), the fd being copied (oldfd) */
	ringbuf__store_s64_param(&ev, (__s32)extract__syscall_argument(regs, 0));

	ringbuf__submit_event(&ev);
	return 0;
}

static __always_inline int dup_exit(long ret)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_DUP_X, 1, sizeof(__s64)))
		return 0;

	/* Parameter 1: res (type: PT_FD), the new fd or -errno */
	ringbuf__store_s64_param(&ev, ret);

	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(dup_e, struct pt_regs *regs, long id)
{
	return dup_enter(regs);
}

SEC("tp_btf/sys_exit")
int BPF_PROG(dup_x, struct pt_regs *regs, long ret)
{
	return dup_exit(ret);
}

SEC("tp_btf/sys_enter")
int BPF_PROG(dup2_e, struct pt_regs *regs, long id)
{
	return dup_enter(regs);
}

SEC("tp_btf/sys_exit")
int BPF_PROG(dup2_x, struct pt_regs *regs, long ret)
{
	return dup_exit(ret);
}

SEC("tp_btf/sys_enter")
int BPF_PROG(dup3_e, struct pt_regs *regs, long id)
{
	return dup_enter(regs);
}

SEC("tp_btf/sys_exit")
int BPF_PROG(dup3_x, struct pt_regs *regs, long ret)
{
	return dup_exit(ret);
}
