// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * openat(2): PPME_SYSCALL_OPENAT_2_E / PPME_SYSCALL_OPENAT_2_X.
 *
 * The path is read on enter AND on exit. The enter copy is what the kernel
 * opened; by exit, another thread may have rewritten the user buffer, so the
 * exit copy can lie (a TOCTOU race: labs/06-toctou).
 *
 * Try it, in lab 06's system (make lab-system LAB=6):
 *   sudo ./build/labs/06-toctou/scap-open --syscall openat -- cat /etc/hostname
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/extract/task.h"
#include "../../../../helpers/extract/file.h"
#include "../../../../helpers/store/auxmap_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(openat_e, struct pt_regs *regs, long id)
{
	struct auxiliary_map *auxmap = auxmap__get();
	unsigned long flags;

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_OPENAT_2_E, 4);

	/* Parameter 1: dirfd (type: PT_FD). AT_FDCWD stays -100, as in Falco. */
	auxmap__store_s64_param(auxmap, (__s32)extract__syscall_argument(regs, 0));
	/* Parameter 2: name (type: PT_FSRELPATH), read before the kernel copies it */
	/* LAB 06.2 BEGIN: store the path (syscall argument 1) as the user passed it, up to MAX_PATH */
	auxmap__store_charbuf_param(auxmap, extract__syscall_argument(regs, 1), MAX_PATH, USER);
	/* LAB 06.2 STARTER: auxmap__store_empty_param(auxmap); */
	/* LAB 06.2 END */
	flags = extract__syscall_argument(regs, 2);
	/* Parameter 3: flags (type: PT_FLAGS32) */
	auxmap__store_u32_param(auxmap, open_flags_to_scap(flags));
	/* Parameter 4: mode (type: PT_UINT32) */
	auxmap__store_u32_param(auxmap, open_modes_to_scap(flags, extract__syscall_argument(regs, 3)));

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(openat_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();
	struct file *file;
	unsigned long flags;

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_OPENAT_2_X, 6);

	/* Parameter 1: fd (type: PT_FD), or -errno */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameter 2: dirfd (type: PT_FD) */
	auxmap__store_s64_param(auxmap, (__s32)extract__syscall_argument(regs, 0));
	/* Parameter 3: name (type: PT_FSRELPATH) */
	auxmap__store_charbuf_param(auxmap, extract__syscall_argument(regs, 1), MAX_PATH, USER);
	flags = extract__syscall_argument(regs, 2);
	/* Parameter 4: flags (type: PT_FLAGS32) */
	auxmap__store_u32_param(auxmap, open_flags_to_scap(flags));
	/* Parameter 5: mode (type: PT_UINT32) */
	auxmap__store_u32_param(auxmap, open_modes_to_scap(flags, extract__syscall_argument(regs, 3)));
	/*
	 * Parameter 6: dev (type: PT_UINT32), of the filesystem the new fd is
	 * on. Empty when the open failed: there is no file. (Falco's 2022
	 * driver stores 0 then.)
	 */
	file = extract__file_from_fd(ret);
	if (file)
		auxmap__store_u32_param(auxmap, extract__file_dev(file));
	else
		auxmap__store_empty_param(auxmap);

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
