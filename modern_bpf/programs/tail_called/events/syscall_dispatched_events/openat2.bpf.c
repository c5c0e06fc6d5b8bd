// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * openat2(2): PPME_SYSCALL_OPENAT2_E / PPME_SYSCALL_OPENAT2_X.
 *
 * openat2 takes its flags, mode and resolve in a struct open_how in user
 * memory, so they are copied in before being converted.
 *
 * Try it: sudo ./build/scap-open --syscall openat2 -- python3 -c 'import ctypes; how = (ctypes.c_uint64 * 3)(0, 0, 0x4); ctypes.CDLL(None).syscall(437, -100, b"/etc/hostname", how, 24)'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_params.h"

/*
 * Copy the caller's struct open_how (argument 2, of size argument 3) into
 * *how. Returns false if the call has none we can show: a size below the
 * struct's first version (24 bytes) is EINVAL, and the bytes past it are
 * not part of the call; or the memory is unreadable (counted in
 * n_fault_reads). A newer, longer struct starts with the same 24 bytes.
 */
static __always_inline bool read_open_how(struct pt_regs *regs, struct open_how *how)
{
	unsigned long ptr = extract__syscall_argument(regs, 2);
	unsigned long size = extract__syscall_argument(regs, 3);

	if (size < sizeof(*how))
		return false;
	if (bpf_probe_read_user(how, sizeof(*how), (const void *)ptr)) {
		count_fault_read();
		return false;
	}
	return true;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(openat2_e, struct pt_regs *regs, long id)
{
	struct auxiliary_map *auxmap = auxmap__get();
	struct open_how how;

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_OPENAT2_E, 5);

	/* Parameter 1: dirfd (type: PT_FD). AT_FDCWD stays -100, as in Falco. */
	auxmap__store_s64_param(auxmap, (__s32)extract__syscall_argument(regs, 0));
	/* Parameter 2: name (type: PT_FSRELPATH) */
	auxmap__store_charbuf_param(auxmap, extract__syscall_argument(regs, 1), MAX_PATH, USER);
	if (read_open_how(regs, &how)) {
		/* Parameter 3: flags (type: PT_FLAGS32) */
		auxmap__store_u32_param(auxmap, open_flags_to_scap(how.flags));
		/* Parameter 4: mode (type: PT_UINT32) */
		auxmap__store_u32_param(auxmap, open_modes_to_scap(how.flags, how.mode));
		/* Parameter 5: resolve (type: PT_FLAGS32) */
		auxmap__store_u32_param(auxmap, openat2_resolve_to_scap(how.resolve));
	} else {
		/* Parameters 3-5: not collected, no readable open_how */
		auxmap__store_empty_param(auxmap);
		auxmap__store_empty_param(auxmap);
		auxmap__store_empty_param(auxmap);
	}

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(openat2_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();
	struct open_how how;

	if (!auxmap)
		return 0;
	/* Falco's 2022 schema has no "dev" here, unlike openat's exit. */
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_OPENAT2_X, 6);

	/* Parameter 1: fd (type: PT_FD), or -errno */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameter 2: dirfd (type: PT_FD) */
	auxmap__store_s64_param(auxmap, (__s32)extract__syscall_argument(regs, 0));
	/* Parameter 3: name (type: PT_FSRELPATH) */
	auxmap__store_charbuf_param(auxmap, extract__syscall_argument(regs, 1), MAX_PATH, USER);
	if (read_open_how(regs, &how)) {
		/* Parameter 4: flags (type: PT_FLAGS32) */
		auxmap__store_u32_param(auxmap, open_flags_to_scap(how.flags));
		/* Parameter 5: mode (type: PT_UINT32) */
		auxmap__store_u32_param(auxmap, open_modes_to_scap(how.flags, how.mode));
		/* Parameter 6: resolve (type: PT_FLAGS32) */
		auxmap__store_u32_param(auxmap, openat2_resolve_to_scap(how.resolve));
	} else {
		/* Parameters 4-6: not collected, no readable open_how */
		auxmap__store_empty_param(auxmap);
		auxmap__store_empty_param(auxmap);
		auxmap__store_empty_param(auxmap);
	}

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
