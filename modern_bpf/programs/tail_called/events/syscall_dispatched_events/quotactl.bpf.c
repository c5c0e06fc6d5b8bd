// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * quotactl(2): PPME_SYSCALL_QUOTACTL_E / PPME_SYSCALL_QUOTACTL_X.
 *
 * Disk quotas. The enter holds the command, the quota type, the user or
 * group, the format; the exit, the block device, the quota file and the
 * fields of the struct the command passes (driver/ppm_quotactl.h says
 * which struct, and when it is read).
 *
 * Try it (on a file system without quotas, it fails with ENOTBLK or ESRCH):
 *   sudo ./build/scap-open --syscall quotactl -- quota -v
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_params.h"
#include "../../../../helpers/store/ringbuf_store_params.h"
#include "ppm_quotactl.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(quotactl_e, struct pt_regs *regs, long id)
{
	unsigned long qcmd = extract__syscall_argument(regs, 0);
	unsigned long qid = extract__syscall_argument(regs, 2);
	__u16 cmd = quotactl_cmd_to_scap(qcmd);
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_QUOTACTL_E, 4,
				    sizeof(__u16) + sizeof(__u8) + sizeof(__u32) + sizeof(__u8)))
		return 0;

	/* Parameter 1: cmd (type: PT_FLAGS16) */
	ringbuf__store_u16_param(&ev, cmd);
	/* Parameter 2: type (type: PT_FLAGS8) */
	ringbuf__store_u8_param(&ev, quotactl_type_to_scap(qcmd));
	/* Parameter 3: id (type: PT_UINT32) */
	ringbuf__store_u32_param(&ev, quotactl_id(cmd, qid));
	/* Parameter 4: quota_fmt (type: PT_FLAGS8) */
	ringbuf__store_u8_param(&ev, quotactl_fmt(cmd, qid));

	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(quotactl_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();
	__u16 cmd = quotactl_cmd_to_scap(extract__syscall_argument(regs, 0));
	unsigned long addr = extract__syscall_argument(regs, 3);
	union quotactl_raw raw = {};
	struct quotactl_fields f;
	int i;

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_QUOTACTL_X, 14);

	/* Parameter 1: res (type: PT_ERRNO) */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameter 2: special (type: PT_CHARBUF), the block device's path */
	auxmap__store_charbuf_param(auxmap, extract__syscall_argument(regs, 1), MAX_PATH, USER);
	/* Parameter 3: quotafilepath (type: PT_CHARBUF), for Q_QUOTAON; else "" (one NUL) */
	if (cmd == PPM_Q_QUOTAON)
		auxmap__store_charbuf_param(auxmap, addr, MAX_PATH, USER);
	else
		auxmap__store_u8_param(auxmap, 0);
	/* Parameters 4 to 14: the struct's fields; all empty if it cannot be read */
	if (quotactl_read_user(&raw, quotactl_struct_size(cmd, ret), addr)) {
		count_fault_read();
		for (i = 4; i <= 14; i++)
			auxmap__store_empty_param(auxmap);
	} else {
		quotactl_fields(cmd, &raw, &f);
		for (i = 0; i < QUOTACTL_U64_FIELDS; i++)
			auxmap__store_u64_param(auxmap, f.u64[i]);
		auxmap__store_u8_param(auxmap, f.dqi_flags);
		auxmap__store_u8_param(auxmap, f.quota_fmt_out);
	}

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
