/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * ptrace and bpf: exits with PT_DYN params whose type depends on the call
 * (driver/ppm_ptrace_bpf.h). The kernel module's are in
 * driver/fillers/ptrace_bpf.c, which says more.
 */

FILLER(sys_ptrace_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_PTRACE_E, 2);
	/* Parameter 1: request (type: PT_FLAGS16) */
	bpf_push_u16_to_ring(data, ptrace_requests_to_scap(bpf_syscall_get_argument(data, 0)));
	/* Parameter 2: pid (type: PT_PID) */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 1));
	return 0;
}

FILLER(sys_ptrace_x)
{
	__s64 ret = bpf_syscall_get_retval(data);
	__u16 request = ptrace_requests_to_scap(bpf_syscall_get_argument(data, 0));
	unsigned long arg = bpf_syscall_get_argument(data, 3);
	__u64 word;

	bpf_frame_begin(data, PPME_SYSCALL_PTRACE_X, 3);
	/* Parameter 1: res (type: PT_ERRNO) */
	bpf_push_s64_to_ring(data, ret);
	/* A failed call: 0 in both, as Falco. */
	if (ret < 0) {
		bpf_push_dyn_to_ring(data, PPM_PTRACE_IDX_UINT64, 0, 8);
		bpf_push_dyn_to_ring(data, PPM_PTRACE_IDX_UINT64, 0, 8);
		return 0;
	}
	/* Parameter 2: addr (type: PT_DYN), the register */
	bpf_push_dyn_to_ring(data, PPM_PTRACE_IDX_UINT64, bpf_syscall_get_argument(data, 2), 8);
	/* Parameter 3: data (type: PT_DYN): a PEEK's word, read where the kernel wrote it */
	if (!ptrace_data_is_peeked(request)) {
		if (ptrace_data_index(request) == PPM_PTRACE_IDX_SIGTYPE)
			bpf_push_dyn_to_ring(data, PPM_PTRACE_IDX_SIGTYPE, arg, 1);
		else
			bpf_push_dyn_to_ring(data, PPM_PTRACE_IDX_UINT64, arg, 8);
	} else if (bpf_probe_read_user(&word, sizeof(word), (const void *)arg)) {
		count_fault_read();
		bpf_push_empty_param(data);
	} else {
		bpf_push_dyn_to_ring(data, PPM_PTRACE_IDX_UINT64, word, 8);
	}
	return 0;
}

FILLER(sys_bpf_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_BPF_E, 1);
	/* Parameter 1: cmd (type: PT_INT64), an int */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 0));
	return 0;
}

FILLER(sys_bpf_x)
{
	__s64 ret = bpf_syscall_get_retval(data);

	bpf_frame_begin(data, PPME_SYSCALL_BPF_X, 1);
	/* Parameter 1: res_or_fd (type: PT_DYN): an fd or a result, both 8 bytes */
	bpf_push_dyn_to_ring(data,
			     bpf_res_or_fd_index((__s32)bpf_syscall_get_argument(data, 0), ret),
			     ret, 8);
	return 0;
}
