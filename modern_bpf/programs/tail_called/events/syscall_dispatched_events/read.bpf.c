// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * read(2): PPME_SYSCALL_READ_E / PPME_SYSCALL_READ_X.
 *
 * The data is taken on exit, when the buffer holds it: the first
 * g_snaplen bytes of what the kernel returned.
 *
 * Try it: sudo ./build/scap-open --syscall read -- cat /etc/hostname
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_params.h"
#include "../../../../helpers/store/ringbuf_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(read_e, struct pt_regs *regs, long id)
{
	struct ringbuf_event ev;

	/* Fixed-size: straight into the ring (ringbuf_store_params.h). */
	if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_READ_E, 2, sizeof(__s64) + sizeof(__u32)))
		return 0;
	/* Parameter 1: fd (type: PT_FD) */
	ringbuf__store_s64_param(&ev, (__s32)extract__syscall_argument(regs, 0));
	/* Parameter 2: size (type: PT_UINT32), what the caller asked for */
	ringbuf__store_u32_param(&ev, extract__syscall_argument(regs, 2));
	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(read_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap;
	struct ringbuf_event ev;

	/*
	 * Parameter 2: data (type: PT_BYTEBUF). Only the ret bytes the kernel
	 * wrote are data; on an error or at end of file there is none, and
	 * the event has a fixed size: straight into the ring.
	 */
	if (ret <= 0) {
		if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_READ_X, 2, sizeof(__s64)))
			return 0;
		/* Parameter 1: res (type: PT_ERRNO), -errno or 0 */
		ringbuf__store_s64_param(&ev, ret);
		ringbuf__store_empty_param(&ev);
		ringbuf__submit_event(&ev);
		return 0;
	}
	auxmap = auxmap__get();
	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_READ_X, 2);
	/* Parameter 1: res (type: PT_ERRNO), the bytes read */
	auxmap__store_s64_param(auxmap, ret);
	auxmap__store_bytebuf_param(auxmap, extract__syscall_argument(regs, 1), snaplen_cut(ret),
				    USER);
	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
