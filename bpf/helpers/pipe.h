/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The two fds pipe(2) and pipe2(2) return through the caller's int[2].
 * The modern driver's twin is in modern_bpf/programs/tail_called/events/
 * syscall_dispatched_events/pipe.bpf.c, the kernel module's in
 * driver/fillers/ipc.c (read_pipe_fds).
 */
#ifndef SCAPLAB_BPF_HELPERS_PIPE_H
#define SCAPLAB_BPF_HELPERS_PIPE_H

/*
 * The fds the kernel wrote into the int[2] at argument 0 of the call that
 * returned ret. false if there are none to show: after a failure the array
 * holds whatever the caller left in it, and it may have become unreadable
 * since the kernel wrote it (another thread unmapped it: a fault read).
 */
static __always_inline bool bpf_read_pipe_fds(struct filler_data *data, long ret, __s32 fds[2])
{
	if (ret != 0)
		return false;
	if (bpf_probe_read_user(fds, 2 * sizeof(fds[0]),
				(const void *)bpf_syscall_get_argument(data, 0))) {
		count_fault_read();
		return false;
	}
	return true;
}

#endif /* SCAPLAB_BPF_HELPERS_PIPE_H */
