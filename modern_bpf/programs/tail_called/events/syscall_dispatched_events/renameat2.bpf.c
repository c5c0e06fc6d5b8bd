// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * renameat2(2): PPME_SYSCALL_RENAMEAT2_E / PPME_SYSCALL_RENAMEAT2_X.
 *
 * renameat with flags (RENAME_NOREPLACE, RENAME_EXCHANGE, ...). The enter
 * event has no params; the exit carries them all. mv(1) renames with it.
 *
 * Try it, in lab 04's system (make lab-system LAB=4):
 *   touch /tmp/scaplab-a; sudo ./build/labs/04-renameat2/scap-open --syscall renameat2 -- mv /tmp/scaplab-a /tmp/scaplab-b
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_params.h"
#include "renameat2_flags_to_scap.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(renameat2_e, struct pt_regs *regs, long id)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_RENAMEAT2_E, 0);
	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(renameat2_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	/* LAB 04.3 BEGIN: preload the header with 6 params, then store them in schema order */
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_RENAMEAT2_X, 6);

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
	/* Parameter 6: flags (type: PT_FLAGS32) */
	auxmap__store_u32_param(auxmap, renameat2_flags_to_scap(extract__syscall_argument(regs, 4)));
	/* LAB 04.3 STARTER: auxmap__preload_event_header(auxmap, PPME_SYSCALL_RENAMEAT2_X, 0); */
	/* LAB 04.3 END */

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
