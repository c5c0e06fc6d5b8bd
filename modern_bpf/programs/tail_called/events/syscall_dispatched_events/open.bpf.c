// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * open(2): PPME_SYSCALL_OPEN_E / PPME_SYSCALL_OPEN_X.
 *
 * Like openat with AT_FDCWD. The path is read on enter and again on exit;
 * openat.bpf.c says why the two copies can differ.
 *
 * glibc's open() calls openat(2), so open(2) itself is rare: the command
 * below makes the syscall by number (2 on x86_64).
 *
 * Try it, in lab 06's system (make lab-system LAB=6):
 *   sudo ./build/labs/06-toctou/scap-open --syscall open -- python3 -c 'import ctypes; ctypes.CDLL(None).syscall(2, b"/etc/hostname", 0)'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/extract/task.h"
#include "../../../../helpers/extract/file.h"
#include "../../../../helpers/store/auxmap_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(open_e, struct pt_regs *regs, long id)
{
	struct auxiliary_map *auxmap = auxmap__get();
	unsigned long flags;

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_OPEN_E, 3);

	/*
	 * Parameter 1: name (type: PT_FSPATH). Read now, before the kernel
	 * copies it: the exit event's copy comes too late to be trusted.
	 */
	/* LAB 06.1 BEGIN: store the path (syscall argument 0) as the user passed it, up to MAX_PATH */
	auxmap__store_charbuf_param(auxmap, extract__syscall_argument(regs, 0), MAX_PATH, USER);
	/* LAB 06.1 STARTER: auxmap__store_empty_param(auxmap); */
	/* LAB 06.1 END */
	flags = extract__syscall_argument(regs, 1);
	/* Parameter 2: flags (type: PT_FLAGS32) */
	auxmap__store_u32_param(auxmap, open_flags_to_scap(flags));
	/* Parameter 3: mode (type: PT_UINT32) */
	auxmap__store_u32_param(auxmap, open_modes_to_scap(flags, extract__syscall_argument(regs, 2)));

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(open_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();
	struct file *file;
	unsigned long flags;

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_OPEN_X, 5);

	/* Parameter 1: fd (type: PT_FD), or -errno */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameter 2: name (type: PT_FSPATH) */
	auxmap__store_charbuf_param(auxmap, extract__syscall_argument(regs, 0), MAX_PATH, USER);
	flags = extract__syscall_argument(regs, 1);
	/* Parameter 3: flags (type: PT_FLAGS32) */
	auxmap__store_u32_param(auxmap, open_flags_to_scap(flags));
	/* Parameter 4: mode (type: PT_UINT32) */
	auxmap__store_u32_param(auxmap, open_modes_to_scap(flags, extract__syscall_argument(regs, 2)));
	/*
	 * Parameter 5: dev (type: PT_UINT32), of the filesystem the new fd is
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
