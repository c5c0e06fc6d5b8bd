// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * pread64(2): PPME_SYSCALL_PREAD_E / PPME_SYSCALL_PREAD_X.
 *
 * read(2) at a file offset: the same data rule as read.bpf.c.
 *
 * Try it: sudo ./build/scap-open --syscall pread64 -- python3 -c 'import os; os.pread(os.open("/etc/hostname", os.O_RDONLY), 100, 2)'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_params.h"
#include "../../../../helpers/store/ringbuf_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(pread64_e, struct pt_regs *regs, long id)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_PREAD_E, 3,
				    sizeof(__s64) + sizeof(__u32) + sizeof(__u64)))
		return 0;

	/* Parameter 1: fd (type: PT_FD) */
	ringbuf__store_s64_param(&ev, (__s32)extract__syscall_argument(regs, 0));
	/* Parameter 2: size (type: PT_UINT32) */
	ringbuf__store_u32_param(&ev, extract__syscall_argument(regs, 2));
	/* Parameter 3: pos (type: PT_UINT64), one register on x86_64 */
	ringbuf__store_u64_param(&ev, extract__syscall_argument(regs, 3));

	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(pread64_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_PREAD_X, 2);

	/* Parameter 1: res (type: PT_ERRNO), bytes read or -errno */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameter 2: data (type: PT_BYTEBUF), the ret bytes read, if any */
	if (ret > 0)
		auxmap__store_bytebuf_param(auxmap, extract__syscall_argument(regs, 1),
					    snaplen_cut(ret), USER);
	else
		auxmap__store_empty_param(auxmap);

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
