// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * unlinkat(2): PPME_SYSCALL_UNLINKAT_2_E / PPME_SYSCALL_UNLINKAT_2_X.
 *
 * The enter event has no params; the exit carries them all. rm(1) removes
 * files with it, and rm -r directories too, with AT_REMOVEDIR.
 *
 * Try it: touch /tmp/scaplab-unlinkat; sudo ./build/scap-open --syscall unlinkat -- rm /tmp/scaplab-unlinkat
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_params.h"
#include "../../../../helpers/store/ringbuf_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(unlinkat_e, struct pt_regs *regs, long id)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_UNLINKAT_2_E, 0, 0))
		return 0;
	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(unlinkat_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_UNLINKAT_2_X, 4);

	/* Parameter 1: res (type: PT_ERRNO) */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameter 2: dirfd (type: PT_FD). AT_FDCWD stays -100, as in Falco. */
	auxmap__store_s64_param(auxmap, (__s32)extract__syscall_argument(regs, 0));
	/* Parameter 3: name (type: PT_FSRELPATH) */
	auxmap__store_charbuf_param(auxmap, extract__syscall_argument(regs, 1), MAX_PATH, USER);
	/* Parameter 4: flags (type: PT_FLAGS32) */
	auxmap__store_u32_param(auxmap, unlinkat_flags_to_scap(extract__syscall_argument(regs, 2)));

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
