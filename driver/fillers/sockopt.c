// SPDX-License-Identifier: GPL-2.0-only
/*
 * setsockopt and getsockopt. Both events are stored at exit, with the same
 * six params; "val" is a PT_DYN whose type depends on the option
 * (driver/ppm_sockopt.h). setsockopt's value is what the caller passed;
 * getsockopt's is what the kernel wrote back, optlen bytes long, read after
 * the call. The modern driver's twin:
 * modern_bpf/programs/tail_called/events/syscall_dispatched_events/sockopt.bpf.c.
 */
#include <linux/socket.h>
#include <linux/uaccess.h>
#include "../ppm_fillers.h"
#include "../ppm_sockopt.h"

/* The numbers ppm_sockopt.h spells out for the BPF drivers are the kernel's. */
#define SCAP_KERNEL_CHECK(name) \
	_Static_assert(SCAP_KERNEL_##name == (name), \
		       #name " differs from the x86_64 value in ppm_sockopt.h")
SCAP_KERNEL_CHECK(SOL_SOCKET);
SCAP_KERNEL_CHECK(SOL_TCP);
SCAP_KERNEL_CHECK(SO_ERROR);
SCAP_KERNEL_CHECK(SO_LINGER);
SCAP_KERNEL_CHECK(SO_PEERCRED);
SCAP_KERNEL_CHECK(SO_ATTACH_FILTER);
SCAP_KERNEL_CHECK(SO_PEERNAME);
SCAP_KERNEL_CHECK(SO_ATTACH_BPF);
SCAP_KERNEL_CHECK(SO_MEMINFO);
SCAP_KERNEL_CHECK(SO_COOKIE);
SCAP_KERNEL_CHECK(SO_PEERGROUPS);
_Static_assert(SCAP_KERNEL_SO_RCVTIMEO == SO_RCVTIMEO_OLD &&
	       SCAP_KERNEL_SO_SNDTIMEO == SO_SNDTIMEO_OLD,
	       "SO_RCVTIMEO differs from the x86_64 value in ppm_sockopt.h");
#undef SCAP_KERNEL_CHECK

FILLER(sys_setsockopt_e)
{
	return 0;
}

FILLER(sys_getsockopt_e)
{
	return 0;
}

/*
 * Parameter 5: val (type: PT_DYN). The index byte, then the value in the
 * type it names; for a value of unknown type that is NULL or of length 0,
 * the index alone, as Falco stores it. A value that cannot be read is an
 * empty param, counted in "params unreadable" but for NULL (Falco's
 * filler fails on it, and the event is lost; an index alone would make
 * sysdig read the next param's bytes as the value).
 */
static int store_sockopt_val(struct event_filler_arguments *args, s64 level, s64 optname,
			     unsigned long optval, u32 optlen)
{
	u8 idx = sockopt_val_index(level, optname);
	u32 size = sockopt_val_user_size(idx);
	u8 *dst = ppm_param_dst(args);
	union sockopt_raw raw;
	u64 val;

	if (!size)
		size = snaplen_cut(args, optlen);
	if (1 + size > ppm_param_room(args))
		return -ENOSPC;
	dst[0] = idx;
	if (idx == PPM_SOCKOPT_IDX_UNKNOWN && (!optval || !size))
		return ppm_param_commit(args, 1);
	if (!optval)
		return push_empty_param(args);
	if (copy_from_user_nofault(idx == PPM_SOCKOPT_IDX_UNKNOWN ? (void *)(dst + 1) : &raw,
				   (const void __user *)optval, size)) {
		ppm_count_fault_read(args);
		return push_empty_param(args);
	}
	if (idx == PPM_SOCKOPT_IDX_UNKNOWN)
		return ppm_param_commit(args, 1 + size);
	size = sockopt_val_to_scap(idx, &raw, &val);
	return ppm_push_dyn(args, idx, val, size);
}

/* The six params of both exits; optlen is the value's length. */
static int store_sockopt_exit(struct event_filler_arguments *args, u32 optlen)
{
	s64 level = (s32)args->args[1], optname = (s32)args->args[2];
	int res;

	/* Parameter 1: res (type: PT_ERRNO) */
	res = val_to_ring(args, args->retval, 0, false);
	/* Parameter 2: fd (type: PT_FD) */
	if (!res)
		res = val_to_ring(args, (s64)(s32)args->args[0], 0, false);
	/* Parameter 3: level (type: PT_FLAGS8) */
	if (!res)
		res = val_to_ring(args, sockopt_level_to_scap(level), 0, false);
	/* Parameter 4: optname (type: PT_FLAGS8) */
	if (!res)
		res = val_to_ring(args, sockopt_optname_to_scap(level, optname), 0, false);
	if (!res)
		res = store_sockopt_val(args, level, optname, args->args[3], optlen);
	/* Parameter 6: optlen (type: PT_UINT32) */
	return res ? res : val_to_ring(args, optlen, 0, false);
}

FILLER(sys_setsockopt_x)
{
	return store_sockopt_exit(args, (u32)args->args[4]);
}

/* getsockopt's optlen is an int in the caller's memory, where the kernel wrote the length. */
FILLER(sys_getsockopt_x)
{
	u32 optlen = 0;

	if (args->args[4] &&
	    copy_from_user_nofault(&optlen, (const void __user *)args->args[4], sizeof(optlen)))
		ppm_count_fault_read(args);
	return store_sockopt_exit(args, optlen);
}
