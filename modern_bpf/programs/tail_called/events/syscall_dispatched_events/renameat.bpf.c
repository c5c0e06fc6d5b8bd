// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * renameat(2): PPME_SYSCALL_RENAMEAT_E / PPME_SYSCALL_RENAMEAT_X.
 *
 * The enter event has no params; the exit carries them all. Each path is
 * relative to the dirfd stored just before it.
 *
 * Try it: sudo ./build/scap-open --syscall renameat -- python3 -c 'import os; open("/tmp/scaplab-a", "w"); d = os.open("/tmp", os.O_RDONLY); os.rename("scaplab-a", "scaplab-b", src_dir_fd=d, dst_dir_fd=d)'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_params.h"
#include "../../../../helpers/store/ringbuf_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(renameat_e, struct pt_regs *regs, long id)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_RENAMEAT_E, 0, 0))
		return 0;
	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(renameat_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_RENAMEAT_X, 5);

	/* Parameter 1: res (type: PT_ERRNO) */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameter 2: olddirfd (type: PT_FD). AT_FDCWD stays -100, as in Falco. */
	auxmap__store_s64_param(auxmap, (__s32)extract__syscall_argument(regs, 0));
	/* Parameter 3: oldpath (type: PT_FSRELPATH) */
	auxmap__store_charbuf_param(auxmap, extract__syscall_argument(regs, 1), MAX_PATH, USER);
	/* Parameter 4: newdirfd (type: PT_FD) */
	auxmap__store_s64_param(auxmap, (__s32)extract__syscall_argument(regs, 2));
	/* Parameter 5: newpath (type: PT_FSRELPATH) */
	auxmap__store_charbuf_param(auxmap, extract__syscall_argument(regs, 3), MAX_PATH, USER);

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
