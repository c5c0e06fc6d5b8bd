// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * chdir(2): PPME_SYSCALL_CHDIR_E / PPME_SYSCALL_CHDIR_X.
 *
 * The enter event has no params; the exit carries them all. The path is
 * PT_CHARBUF, not PT_FSPATH, as in Falco's schema, whose userspace tracks
 * each thread's working directory from it to resolve relative paths.
 *
 * Try it: sudo ./build/scap-open --syscall chdir -- sh -c 'cd /tmp'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_params.h"
#include "../../../../helpers/store/ringbuf_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(chdir_e, struct pt_regs *regs, long id)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_CHDIR_E, 0, 0))
		return 0;
	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(chdir_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_CHDIR_X, 2);

	/* Parameter 1: res (type: PT_ERRNO) */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameter 2: path (type: PT_CHARBUF) */
	auxmap__store_charbuf_param(auxmap, extract__syscall_argument(regs, 0), MAX_PATH, USER);

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
