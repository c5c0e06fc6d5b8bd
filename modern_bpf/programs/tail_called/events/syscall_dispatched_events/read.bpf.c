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

SEC("tp_btf/sys_enter")
int BPF_PROG(read_e, struct pt_regs *regs, long id)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_READ_E, 2);

	/* Parameter 1: fd (type: PT_FD) */
	auxmap__store_s64_param(auxmap, (__s32)extract__syscall_argument(regs, 0));
	/* Parameter 2: size (type: PT_UINT32), what the caller asked for */
	auxmap__store_u32_param(auxmap, extract__syscall_argument(regs, 2));

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(read_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_READ_X, 2);

	/* Parameter 1: res (type: PT_ERRNO), bytes read or -errno */
	auxmap__store_s64_param(auxmap, ret);
	/*
	 * Parameter 2: data (type: PT_BYTEBUF). Only the ret bytes the kernel
	 * wrote are data; on an error or at end of file there is none.
	 */
	if (ret > 0)
		auxmap__store_bytebuf_param(auxmap, extract__syscall_argument(regs, 1),
					    snaplen_cut(ret), USER);
	else
		auxmap__store_empty_param(auxmap);

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
