/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * setsockopt and getsockopt: both stored at exit, with "val" a PT_DYN whose
 * first byte names its type (driver/ppm_sockopt.h). The kernel module's
 * are in driver/fillers/sockopt.c, which says more.
 */

FILLER(sys_setsockopt_e)
{
	bpf_frame_begin(data, PPME_SOCKET_SETSOCKOPT_E, 0);
	return 0;
}

FILLER(sys_getsockopt_e)
{
	bpf_frame_begin(data, PPME_SOCKET_GETSOCKOPT_E, 0);
	return 0;
}

/*
 * Parameter 5: val (type: PT_DYN): the index byte, then the value; the
 * index alone for a NULL or empty value of unknown type; an empty param
 * for a value that cannot be read (counted, but for NULL).
 */
static __always_inline void bpf_push_sockopt_val(struct filler_data *data, __s64 level,
						 __s64 optname, unsigned long optval,
						 __u32 optlen)
{
	struct scap_bpf_frame *frame = data->frame;
	__u8 idx = sockopt_val_index(level, optname);
	union sockopt_raw raw = {};
	__u64 val = 0;
	long n;

	if (idx != PPM_SOCKOPT_IDX_UNKNOWN) {
		if (!optval) {
			bpf_push_empty_param(data);
		} else if (sockopt_read_user(&raw, idx, optval)) {
			count_fault_read();
			bpf_push_empty_param(data);
		} else {
			n = sockopt_val_to_scap(idx, &raw, &val);
			bpf_push_dyn_to_ring(data, idx, val, n);
		}
		return;
	}
	frame->data[SAFE_ACCESS(frame->payload_pos)] = idx;
	n = bpf_read_bytes(data, 1, optval, snaplen_cut(data, optlen), USER);
	if (n < 0) {
		bpf_push_empty_param(data);
		return;
	}
	bpf_commit_param(data, 1 + n);
}

/* The six params of both exits; optlen is the value's length. */
static __always_inline void bpf_push_sockopt_exit(struct filler_data *data, __u32 type,
						  __u32 optlen)
{
	__s64 level = (__s32)bpf_syscall_get_argument(data, 1);
	__s64 optname = (__s32)bpf_syscall_get_argument(data, 2);

	bpf_frame_begin(data, type, 6);
	/* Parameter 1: res (type: PT_ERRNO) */
	bpf_push_s64_to_ring(data, bpf_syscall_get_retval(data));
	/* Parameter 2: fd (type: PT_FD) */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 0));
	/* Parameter 3: level (type: PT_FLAGS8) */
	bpf_push_u8_to_ring(data, sockopt_level_to_scap(level));
	/* Parameter 4: optname (type: PT_FLAGS8) */
	bpf_push_u8_to_ring(data, sockopt_optname_to_scap(level, optname));
	bpf_push_sockopt_val(data, level, optname, bpf_syscall_get_argument(data, 3), optlen);
	/* Parameter 6: optlen (type: PT_UINT32) */
	bpf_push_u32_to_ring(data, optlen);
}

FILLER(sys_setsockopt_x)
{
	bpf_push_sockopt_exit(data, PPME_SOCKET_SETSOCKOPT_X,
			      (__u32)bpf_syscall_get_argument(data, 4));
	return 0;
}

/* getsockopt's optlen is an int in the caller's memory, where the kernel wrote the length. */
FILLER(sys_getsockopt_x)
{
	unsigned long uoptlen = bpf_syscall_get_argument(data, 4);
	__u32 optlen = 0;

	if (uoptlen && bpf_probe_read_user(&optlen, sizeof(optlen), (const void *)uoptlen))
		count_fault_read();
	bpf_push_sockopt_exit(data, PPME_SOCKET_GETSOCKOPT_X, optlen);
	return 0;
}
