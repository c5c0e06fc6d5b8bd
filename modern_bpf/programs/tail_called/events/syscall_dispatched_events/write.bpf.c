// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * write(2): PPME_SYSCALL_WRITE_E / PPME_SYSCALL_WRITE_X.
 *
 * The data is what the caller asked to write, up to g_snaplen bytes, even
 * if the kernel wrote fewer or failed: that is what Falco stores, and it
 * shows what a failed write tried to do.
 *
 * Try it: sudo ./build/scap-open --syscall write -- echo hello
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_params.h"
#include "../../../../helpers/store/ringbuf_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(write_e, struct pt_regs *regs, long id)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_WRITE_E, 2, sizeof(__s64) + sizeof(__u32)))
		return 0;

	/* Parameter 1: fd (type: PT_FD) */
	ringbuf__store_s64_param(&ev, (__s32)extract__syscall_argument(regs, 0));
	/* Parameter 2: size (type: PT_UINT32) */
	ringbuf__store_u32_param(&ev, extract__syscall_argument(regs, 2));

	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(write_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();
	unsigned long count;

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_WRITE_X, 2);

	/* Parameter 1: res (type: PT_ERRNO), bytes written or -errno */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameter 2: data (type: PT_BYTEBUF) */
	count = extract__syscall_argument(regs, 2);
	auxmap__store_bytebuf_param(auxmap, extract__syscall_argument(regs, 1),
				    snaplen_cut(count), USER);

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
