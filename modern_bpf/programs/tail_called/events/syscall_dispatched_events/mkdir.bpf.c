// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * mkdir(2): PPME_SYSCALL_MKDIR_2_E / PPME_SYSCALL_MKDIR_2_X.
 *
 * Try it: sudo ./build/scap-open --syscall mkdir -- mkdir -m 750 /tmp/scaplab-dir
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_params.h"
#include "../../../../helpers/store/ringbuf_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(mkdir_e, struct pt_regs *regs, long id)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_MKDIR_2_E, 1, sizeof(__u32)))
		return 0;

	/*
	 * Parameter 1: mode (type: PT_UINT32), as the caller passed it, before
	 * the umask. (Falco's 2022 kernel module stores 0 here.)
	 */
	ringbuf__store_u32_param(&ev, extract__syscall_argument(regs, 1));

	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(mkdir_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_MKDIR_2_X, 2);

	/* Parameter 1: res (type: PT_ERRNO) */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameter 2: path (type: PT_FSPATH) */
	auxmap__store_charbuf_param(auxmap, extract__syscall_argument(regs, 0), MAX_PATH, USER);

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
