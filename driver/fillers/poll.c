// SPDX-License-Identifier: GPL-2.0-only
/*
 * poll and ppoll: wait for events on a list of fds, an array of struct
 * pollfd { int fd; short events; short revents; } in the caller's memory.
 * The enter event lists each fd with the events asked for; the exit event
 * only the fds the kernel gave revents, with those (a PT_FDLIST, see
 * userspace/libscap/scap_fdlist.h). Both look at the first PPM_FDLIST_MAX
 * pollfds, as the BPF drivers must. The modern driver's twins:
 * modern_bpf/programs/tail_called/events/syscall_dispatched_events/{poll,ppoll}.bpf.c.
 */
#include <linux/poll.h>
#include <linux/time64.h>
#include <linux/uaccess.h>
#include "../ppm_fillers.h"
#include "../ppm_autofill.h"

#define FDLIST_BYTES (2 + PPM_FDLIST_MAX * 10)

/*
 * The PT_FDLIST of the pollfds at argument 0 (argument 1 of them). Empty
 * if they cannot be read. At exit, after a failure, revents hold what the
 * caller left there, as in Falco: the kernel wrote none.
 */
static int fdlist_to_ring(struct event_filler_arguments *args, bool enter)
{
	unsigned long nfds = args->args[1];
	u32 i, n = nfds < PPM_FDLIST_MAX ? nfds : PPM_FDLIST_MAX, pos = 2;
	struct pollfd fds[PPM_FDLIST_MAX];
	u8 buf[FDLIST_BYTES];
	u16 count = 0, flags;
	s64 fd;

	if (n && copy_from_user_nofault(fds, (const void __user *)args->args[0],
					n * sizeof(fds[0]))) {
		ppm_count_fault_read(args);
		return push_empty_param(args);
	}
	for (i = 0; i < n; i++) {
		if (!enter && !fds[i].revents)
			continue;
		fd = fds[i].fd;
		flags = poll_events_to_scap((u16)(enter ? fds[i].events : fds[i].revents));
		memcpy(buf + pos, &fd, sizeof(fd));
		memcpy(buf + pos + 8, &flags, sizeof(flags));
		pos += 10;
		count++;
	}
	memcpy(buf, &count, sizeof(count));
	return val_to_ring(args, (unsigned long)buf, pos, false);
}

FILLER(sys_poll_e)
{
	int res;

	/* Parameter 1: fds (type: PT_FDLIST), the events asked for */
	res = fdlist_to_ring(args, true);
	if (res)
		return res;
	/* Parameter 2: timeout (type: PT_INT64), in ms; negative: none */
	return val_to_ring(args, (s64)(int)args->args[2], 0, false);
}

FILLER(sys_poll_x)
{
	int res;

	/* Parameter 1: res (type: PT_ERRNO), how many fds have events, or -errno */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/* Parameter 2: fds (type: PT_FDLIST), those with events, and which */
	return fdlist_to_ring(args, false);
}

FILLER(sys_ppoll_e)
{
	unsigned long uts = args->args[2], umask = args->args[3];
	struct __kernel_timespec ts;
	u64 mask = 0;
	int res;

	/* Parameter 1: fds (type: PT_FDLIST) */
	res = fdlist_to_ring(args, true);
	if (res)
		return res;
	/* Parameter 2: timeout (type: PT_RELTIME), in ns; no timespec: (u64)-1, as in Falco */
	if (!uts) {
		res = val_to_ring(args, (u64)-1, 0, false);
	} else if (copy_from_user_nofault(&ts, (const void __user *)uts, sizeof(ts))) {
		ppm_count_fault_read(args);
		res = push_empty_param(args);
	} else {
		res = val_to_ring(args, (u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec, 0, false);
	}
	if (res)
		return res;
	/* Parameter 3: sigmask (type: PT_SIGSET), signals 1 to 32 of it; none: 0 */
	if (umask && copy_from_user_nofault(&mask, (const void __user *)umask, sizeof(mask))) {
		ppm_count_fault_read(args);
		return push_empty_param(args);
	}
	return val_to_ring(args, (u32)mask, 0, false);
}

FILLER(sys_ppoll_x)
{
	/* The params of poll's exit: res, fds. */
	return f_sys_poll_x(args);
}
