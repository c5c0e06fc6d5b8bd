// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * creat(2): PPME_SYSCALL_CREAT_E / PPME_SYSCALL_CREAT_X.
 *
 * creat(path, mode) is open(path, O_CREAT | O_WRONLY | O_TRUNC, mode), so
 * the mode goes through the same converter as open's, with O_CREAT set.
 *
 * Try it: sudo ./build/scap-open --syscall creat -- python3 -c 'import ctypes; ctypes.CDLL(None).creat(b"/tmp/scaplab-creat", 0o640)'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/extract/task.h"
#include "../../../../helpers/extract/file.h"
#include "../../../../helpers/store/auxmap_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(creat_e, struct pt_regs *regs, long id)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_CREAT_E, 2);

	/* Parameter 1: name (type: PT_FSPATH) */
	auxmap__store_charbuf_param(auxmap, extract__syscall_argument(regs, 0), MAX_PATH, USER);
	/* Parameter 2: mode (type: PT_UINT32) */
	auxmap__store_u32_param(auxmap, open_modes_to_scap(SCAP_KERNEL_O_CREAT,
							   extract__syscall_argument(regs, 1)));

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(creat_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();
	struct file *file;

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_CREAT_X, 4);

	/* Parameter 1: fd (type: PT_FD), or -errno */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameter 2: name (type: PT_FSPATH) */
	auxmap__store_charbuf_param(auxmap, extract__syscall_argument(regs, 0), MAX_PATH, USER);
	/* Parameter 3: mode (type: PT_UINT32) */
	auxmap__store_u32_param(auxmap, open_modes_to_scap(SCAP_KERNEL_O_CREAT,
							   extract__syscall_argument(regs, 1)));
	/* Parameter 4: dev (type: PT_UINT32). Empty if it failed, as in open_x. */
	file = extract__file_from_fd(ret);
	if (file)
		auxmap__store_u32_param(auxmap, extract__file_dev(file));
	else
		auxmap__store_empty_param(auxmap);

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
