/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * quotactl: the command at enter, the struct it passes at exit
 * (driver/ppm_quotactl.h). The kernel module's are in
 * driver/fillers/quotactl.c.
 */

FILLER(sys_quotactl_e)
{
	unsigned long qcmd = bpf_syscall_get_argument(data, 0);
	unsigned long id = bpf_syscall_get_argument(data, 2);
	__u16 cmd = quotactl_cmd_to_scap(qcmd);

	bpf_frame_begin(data, PPME_SYSCALL_QUOTACTL_E, 4);
	/* Parameter 1: cmd (type: PT_FLAGS16) */
	bpf_push_u16_to_ring(data, cmd);
	/* Parameter 2: type (type: PT_FLAGS8) */
	bpf_push_u8_to_ring(data, quotactl_type_to_scap(qcmd));
	/* Parameter 3: id (type: PT_UINT32) */
	bpf_push_u32_to_ring(data, quotactl_id(cmd, id));
	/* Parameter 4: quota_fmt (type: PT_FLAGS8) */
	bpf_push_u8_to_ring(data, quotactl_fmt(cmd, id));
	return 0;
}

FILLER(sys_quotactl_x)
{
	__s64 ret = bpf_syscall_get_retval(data);
	__u16 cmd = quotactl_cmd_to_scap(bpf_syscall_get_argument(data, 0));
	unsigned long addr = bpf_syscall_get_argument(data, 3);
	union quotactl_raw raw = {};
	struct quotactl_fields f;
	int i;

	bpf_frame_begin(data, PPME_SYSCALL_QUOTACTL_X, 14);
	/* Parameter 1: res (type: PT_ERRNO) */
	bpf_push_s64_to_ring(data, ret);
	/* Parameter 2: special (type: PT_CHARBUF), the block device's path */
	bpf_val_to_ring_str(data, bpf_syscall_get_argument(data, 1), MAX_PATH, USER);
	/* Parameter 3: quotafilepath (type: PT_CHARBUF), for Q_QUOTAON; else "" (one NUL) */
	if (cmd == PPM_Q_QUOTAON)
		bpf_val_to_ring_str(data, addr, MAX_PATH, USER);
	else
		bpf_push_u8_to_ring(data, 0);
	/* Parameters 4 to 14: the struct's fields; all empty if it cannot be read */
	if (quotactl_read_user(&raw, quotactl_struct_size(cmd, ret), addr)) {
		count_fault_read();
#pragma unroll
		for (i = 4; i <= 14; i++)
			bpf_push_empty_param(data);
		return 0;
	}
	quotactl_fields(cmd, &raw, &f);
#pragma unroll
	for (i = 0; i < QUOTACTL_U64_FIELDS; i++)
		bpf_push_u64_to_ring(data, f.u64[i]);
	bpf_push_u8_to_ring(data, f.dqi_flags);
	bpf_push_u8_to_ring(data, f.quota_fmt_out);
	return 0;
}
