// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * writev(2): PPME_SYSCALL_WRITEV_E / PPME_SYSCALL_WRITEV_X.
 *
 * write(2) from several buffers, listed in an iovec array. As for write,
 * the data is what the caller asked to write (the buffers end to end, up
 * to g_snaplen bytes), whatever the kernel did with it.
 *
 * Try it: sudo ./build/scap-open --syscall writev -- python3 -c 'import os; os.writev(1, [b"hel", b"lo\n"])'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_iovec.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(writev_e, struct pt_regs *regs, long id)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_WRITEV_E, 2);

	/* Parameter 1: fd (type: PT_FD) */
	auxmap__store_s64_param(auxmap, (__s32)extract__syscall_argument(regs, 0));
	/* Parameter 2: size (type: PT_UINT32), the buffers' total size */
	auxmap__store_iovec_size_param(auxmap, extract__syscall_argument(regs, 1),
				       extract__syscall_argument(regs, 2));

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(writev_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_WRITEV_X, 2);

	/* Parameter 1: res (type: PT_ERRNO), bytes written or -errno */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameter 2: data (type: PT_BYTEBUF) */
	auxmap__store_iovec_data_param(auxmap, extract__syscall_argument(regs, 1),
				       extract__syscall_argument(regs, 2), g_snaplen);

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
