// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * close(2): PPME_SYSCALL_CLOSE_E / PPME_SYSCALL_CLOSE_X. One s64 each: both
 * are written straight into the ring (helpers/store/ringbuf_store_params.h).
 *
 * Try it: sudo ./build/scap-open --syscall close -- true
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/ringbuf_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(close_e, struct pt_regs *regs, long id)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_CLOSE_E, 1, sizeof(__s64)))
		return 0;
	/* Parameter 1: fd (type: PT_FD) */
	ringbuf__store_s64_param(&ev, (__s32)extract__syscall_argument(regs, 0));
	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(close_x, struct pt_regs *regs, long ret)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_CLOSE_X, 1, sizeof(__s64)))
		return 0;
	/* Parameter 1: res (type: PT_ERRNO) */
	ringbuf__store_s64_param(&ev, ret);
	ringbuf__submit_event(&ev);
	return 0;
}
