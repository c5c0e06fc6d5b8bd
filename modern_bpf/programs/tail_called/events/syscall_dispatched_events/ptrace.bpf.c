// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * ptrace(2): PPME_SYSCALL_PTRACE_E / PPME_SYSCALL_PTRACE_X.
 *
 * The enter holds the request and the target pid. The exit's "addr" and
 * "data" are PT_DYN: the first byte names the type of the value after it
 * (driver/ppm_ptrace_bpf.h says which request gets which). A PEEK's data
 * is the word read, which the kernel wrote where "data" points.
 *
 * Try it: sudo ./build/scap-open --syscall ptrace -- strace -o /dev/null true
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_params.h"
#include "../../../../helpers/store/ringbuf_store_params.h"
#include "ppm_ptrace_bpf.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(ptrace_e, struct pt_regs *regs, long id)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_PTRACE_E, 2, sizeof(__u16) + sizeof(__s64)))
		return 0;

	/* Parameter 1: request (type: PT_FLAGS16) */
	ringbuf__store_u16_param(&ev, ptrace_requests_to_scap(extract__syscall_argument(regs, 0)));
	/* Parameter 2: pid (type: PT_PID) */
	ringbuf__store_s64_param(&ev, (__s32)extract__syscall_argument(regs, 1));

	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(ptrace_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();
	__u16 request = ptrace_requests_to_scap(extract__syscall_argument(regs, 0));
	unsigned long arg = extract__syscall_argument(regs, 3);
	__u64 word;

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_PTRACE_X, 3);

	/* Parameter 1: res (type: PT_ERRNO) */
	auxmap__store_s64_param(auxmap, ret);
	if (ret < 0) {
		/* A failed call: 0 in both, as Falco. */
		auxmap__store_dyn_param(auxmap, PPM_PTRACE_IDX_UINT64, 0, 8);
		auxmap__store_dyn_param(auxmap, PPM_PTRACE_IDX_UINT64, 0, 8);
	} else {
		/* Parameter 2: addr (type: PT_DYN), the register */
		auxmap__store_dyn_param(auxmap, PPM_PTRACE_IDX_UINT64,
					extract__syscall_argument(regs, 2), 8);
		/* Parameter 3: data (type: PT_DYN); an unreadable PEEK word is empty, counted */
		if (!ptrace_data_is_peeked(request)) {
			if (ptrace_data_index(request) == PPM_PTRACE_IDX_SIGTYPE)
				auxmap__store_dyn_param(auxmap, PPM_PTRACE_IDX_SIGTYPE, arg, 1);
			else
				auxmap__store_dyn_param(auxmap, PPM_PTRACE_IDX_UINT64, arg, 8);
		} else if (bpf_probe_read_user(&word, sizeof(word), (const void *)arg)) {
			count_fault_read();
			auxmap__store_empty_param(auxmap);
		} else {
			auxmap__store_dyn_param(auxmap, PPM_PTRACE_IDX_UINT64, word, 8);
		}
	}

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
