// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * bpf(2): PPME_SYSCALL_BPF_E / PPME_SYSCALL_BPF_X.
 *
 * The enter holds the command; the exit's "res_or_fd" is a PT_DYN: an fd
 * for a map or program that was made (BPF_MAP_CREATE, BPF_PROG_LOAD), else
 * the result (driver/ppm_ptrace_bpf.h, bpf_res_or_fd_index).
 *
 * Try it: sudo ./build/scap-open --syscall bpf -- bpftool prog list
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_params.h"
#include "../../../../helpers/store/ringbuf_store_params.h"
#include "ppm_ptrace_bpf.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(bpf_e, struct pt_regs *regs, long id)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_BPF_E, 1, sizeof(__s64)))
		return 0;

	/* Parameter 1: cmd (type: PT_INT64), an int */
	ringbuf__store_s64_param(&ev, (__s32)extract__syscall_argument(regs, 0));

	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(bpf_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();
	__s64 cmd = (__s32)extract__syscall_argument(regs, 0);

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_BPF_X, 1);

	/* Parameter 1: res_or_fd (type: PT_DYN): an fd or a result, both 8 bytes */
	auxmap__store_dyn_param(auxmap, bpf_res_or_fd_index(cmd, ret), ret, 8);

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
