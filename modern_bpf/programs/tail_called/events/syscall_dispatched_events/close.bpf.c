// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * close(2): PPME_SYSCALL_CLOSE_E / PPME_SYSCALL_CLOSE_X.
 *
 * Try it: sudo ./build/scap-open --syscall close -- true
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(close_e, struct pt_regs *regs, long id)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_CLOSE_E, 1);
	/* Parameter 1: fd (type: PT_FD) */
	auxmap__store_s64_param(auxmap, (__s32)extract__syscall_argument(regs, 0));
	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(close_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_CLOSE_X, 1);
	/* Parameter 1: res (type: PT_ERRNO) */
	auxmap__store_s64_param(auxmap, ret);
	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
