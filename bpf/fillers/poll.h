/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * poll and ppoll: a PT_FDLIST of the first PPM_FDLIST_MAX struct pollfd,
 * each fd with the events asked for (enter) or, at exit, only the fds the
 * kernel gave revents, with those. The kernel module's are in
 * driver/fillers/poll.c.
 */

/*
 * The pollfds are copied with one read into the frame's upper half (as the
 * iovecs are: helpers/iovec.h), where no event of these reaches, and the
 * list is written by an unrolled loop of PPM_FDLIST_MAX steps.
 */
static __always_inline void bpf_push_fdlist(struct filler_data *data, bool enter)
{
	struct pollfd *fds = (struct pollfd *)&data->frame->data[BPF_IOV_SCRATCH_OFF];
	unsigned long nfds = bpf_syscall_get_argument(data, 1);
	__u32 n = nfds < PPM_FDLIST_MAX ? nfds : PPM_FDLIST_MAX;
	__u8 *dst = bpf_param_dst(data);
	__u16 count = 0, pos = 2;

	if (n && bpf_probe_read_user(fds, n * sizeof(*fds),
				     (const void *)bpf_syscall_get_argument(data, 0))) {
		count_fault_read();
		bpf_push_empty_param(data);
		return;
	}
#pragma unroll
	for (int i = 0; i < PPM_FDLIST_MAX; i++) {
		/* No break or continue: clang unrolls only a loop of one shape. */
		if (i < n && (enter || fds[i].revents)) {
			*(__s64 *)(dst + pos) = fds[i].fd;
			*(__u16 *)(dst + pos + 8) =
				poll_events_to_scap((__u16)(enter ? fds[i].events : fds[i].revents));
			pos += 10;
			count++;
		}
	}
	*(__u16 *)dst = count;
	bpf_commit_param(data, pos);
}

FILLER(sys_poll_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_POLL_E, 2);
	/* Parameter 1: fds (type: PT_FDLIST), the events asked for */
	bpf_push_fdlist(data, true);
	/* Parameter 2: timeout (type: PT_INT64), in ms; negative: none */
	bpf_push_s64_to_ring(data, (int)bpf_syscall_get_argument(data, 2));
	return 0;
}

/* poll's and ppoll's exits: res, and the fds with events. */
static __always_inline int poll_exit(struct filler_data *data, __u32 type)
{
	bpf_frame_begin(data, type, 2);
	/* Parameter 1: res (type: PT_ERRNO), how many fds have events, or -errno */
	bpf_push_s64_to_ring(data, bpf_syscall_get_retval(data));
	/* Parameter 2: fds (type: PT_FDLIST), those with events, and which */
	bpf_push_fdlist(data, false);
	return 0;
}

FILLER(sys_poll_x)
{
	return poll_exit(data, PPME_SYSCALL_POLL_X);
}

FILLER(sys_ppoll_e)
{
	unsigned long uts = bpf_syscall_get_argument(data, 2);
	unsigned long umask = bpf_syscall_get_argument(data, 3);
	struct __kernel_timespec ts;
	__u64 mask = 0;

	bpf_frame_begin(data, PPME_SYSCALL_PPOLL_E, 3);
	/* Parameter 1: fds (type: PT_FDLIST) */
	bpf_push_fdlist(data, true);
	/* Parameter 2: timeout (type: PT_RELTIME), in ns; no timespec: (u64)-1, as in Falco */
	if (!uts) {
		bpf_push_u64_to_ring(data, (__u64)-1);
	} else if (bpf_probe_read_user(&ts, sizeof(ts), (const void *)uts)) {
		count_fault_read();
		bpf_push_empty_param(data);
	} else {
		bpf_push_u64_to_ring(data, (__u64)ts.tv_sec * 1000000000 + ts.tv_nsec);
	}
	/* Parameter 3: sigmask (type: PT_SIGSET), signals 1 to 32 of it; none: 0 */
	if (umask && bpf_probe_read_user(&mask, sizeof(mask), (const void *)umask)) {
		count_fault_read();
		bpf_push_empty_param(data);
	} else {
		bpf_push_u32_to_ring(data, (__u32)mask);
	}
	return 0;
}

FILLER(sys_ppoll_x)
{
	return poll_exit(data, PPME_SYSCALL_PPOLL_X);
}
