// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * poll(2): PPME_SYSCALL_POLL_E / PPME_SYSCALL_POLL_X, and ppoll(2), the
 * same with a timespec and a signal mask: PPME_SYSCALL_PPOLL_E / _X.
 *
 * The fds are an array of struct pollfd { int fd; short events; short
 * revents; } in the caller's memory. The enter event lists each fd with
 * the events asked for; the exit event only the fds the kernel gave
 * revents, with those: a PT_FDLIST (userspace/libscap/scap_fdlist.h).
 * Both look at the first PPM_FDLIST_MAX pollfds.
 *
 * Try it: sudo ./build/scap-open -s poll -- python3 -c \
 *   'import select, os; r, w = os.pipe(); p = select.poll(); p.register(w, select.POLLOUT); p.poll(0)'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_params.h"
#include "ppm_autofill.h"

/*
 * The PT_FDLIST of the pollfds at argument 0; empty if they cannot be read.
 * The count is kept in the param itself, in the map, and read back at each
 * step: a count in a register would be a different exact value on each
 * path through the loop's "skip this fd", and the verifier would walk all
 * 2^16 of them (it did: "BPF program is too large").
 */
static __always_inline void auxmap__store_fdlist_param(struct auxiliary_map *auxmap,
						       struct pt_regs *regs, bool enter)
{
	unsigned long nfds = extract__syscall_argument(regs, 1);
	__u32 n = nfds < PPM_FDLIST_MAX ? nfds : PPM_FDLIST_MAX;
	__u8 *dst = &auxmap->data[SAFE_ACCESS(auxmap->payload_pos)];
	struct pollfd fds[PPM_FDLIST_MAX];
	__u16 count;

	if (n && bpf_probe_read_user(fds, n * sizeof(fds[0]),
				     (const void *)extract__syscall_argument(regs, 0))) {
		count_fault_read();
		auxmap__store_empty_param(auxmap);
		return;
	}
	*(__u16 *)dst = 0;
	for (int i = 0; i < PPM_FDLIST_MAX; i++) {
		if (i >= n)
			break;
		if (!enter && !fds[i].revents)
			continue;
		count = *(volatile __u16 *)dst;
		if (count >= PPM_FDLIST_MAX)
			break;
		*(__s64 *)(dst + 2 + count * 10) = fds[i].fd;
		*(__u16 *)(dst + 2 + count * 10 + 8) =
			poll_events_to_scap((__u16)(enter ? fds[i].events : fds[i].revents));
		*(__u16 *)dst = count + 1;
	}
	count = *(volatile __u16 *)dst;
	auxmap__commit_param(auxmap, 2 + (count & 31) * 10);
}

SEC("tp_btf/sys_enter")
int BPF_PROG(poll_e, struct pt_regs *regs, long id)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_POLL_E, 2);

	/* Parameter 1: fds (type: PT_FDLIST), the events asked for */
	auxmap__store_fdlist_param(auxmap, regs, true);
	/* Parameter 2: timeout (type: PT_INT64), in ms; negative: none */
	auxmap__store_s64_param(auxmap, (int)extract__syscall_argument(regs, 2));

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}

/* poll's and ppoll's exits: res, and the fds with events. */
static __always_inline int poll_exit(struct pt_regs *regs, long ret, __u16 type)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, type, 2);

	/* Parameter 1: res (type: PT_ERRNO), how many fds have events, or -errno */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameter 2: fds (type: PT_FDLIST), those with events, and which */
	auxmap__store_fdlist_param(auxmap, regs, false);

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(poll_x, struct pt_regs *regs, long ret)
{
	return poll_exit(regs, ret, PPME_SYSCALL_POLL_X);
}

SEC("tp_btf/sys_enter")
int BPF_PROG(ppoll_e, struct pt_regs *regs, long id)
{
	struct auxiliary_map *auxmap = auxmap__get();
	unsigned long uts = extract__syscall_argument(regs, 2);
	unsigned long umask = extract__syscall_argument(regs, 3);
	struct __kernel_timespec ts;
	__u64 mask = 0;

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_PPOLL_E, 3);

	/* Parameter 1: fds (type: PT_FDLIST) */
	auxmap__store_fdlist_param(auxmap, regs, true);
	/* Parameter 2: timeout (type: PT_RELTIME), in ns; no timespec: (u64)-1, as in Falco */
	if (!uts) {
		auxmap__store_u64_param(auxmap, (__u64)-1);
	} else if (bpf_probe_read_user(&ts, sizeof(ts), (const void *)uts)) {
		count_fault_read();
		auxmap__store_empty_param(auxmap);
	} else {
		auxmap__store_u64_param(auxmap, (__u64)ts.tv_sec * 1000000000 + ts.tv_nsec);
	}
	/* Parameter 3: sigmask (type: PT_SIGSET), signals 1 to 32 of it; none: 0 */
	if (umask && bpf_probe_read_user(&mask, sizeof(mask), (const void *)umask)) {
		count_fault_read();
		auxmap__store_empty_param(auxmap);
	} else {
		auxmap__store_u32_param(auxmap, (__u32)mask);
	}

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(ppoll_x, struct pt_regs *regs, long ret)
{
	return poll_exit(regs, ret, PPME_SYSCALL_PPOLL_X);
}
