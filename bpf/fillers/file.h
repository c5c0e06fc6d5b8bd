/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * open, openat, openat2, creat, close and the dup family. The kernel
 * module's are in driver/fillers/file.c, the modern driver's in
 * modern_bpf/programs/tail_called/events/syscall_dispatched_events/.
 */

FILLER(sys_close_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_CLOSE_E, 1);
	/* Parameter 1: fd (type: PT_FD) */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 0));
	return 0;
}

FILLER(sys_close_x)
{
	bpf_frame_begin(data, PPME_SYSCALL_CLOSE_X, 1);
	/* Parameter 1: res (type: PT_ERRNO) */
	bpf_push_s64_to_ring(data, bpf_syscall_get_retval(data));
	return 0;
}
