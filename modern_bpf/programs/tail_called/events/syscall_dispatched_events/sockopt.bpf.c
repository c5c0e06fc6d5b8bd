// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * setsockopt(2) and getsockopt(2): PPME_SOCKET_SETSOCKOPT_E/_X and
 * PPME_SOCKET_GETSOCKOPT_E/_X.
 *
 * Both are stored at exit, with the same six params. "val" is a PT_DYN:
 * one byte names the type of the bytes after it (driver/ppm_sockopt.h
 * says which option gets which). setsockopt's value is what the caller
 * passed; getsockopt's is what the kernel wrote back, read after the call.
 *
 * Try it: sudo ./build/scap-open --syscall setsockopt,getsockopt -- python3 -c \
 *   'import socket; s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE)'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_params.h"
#include "../../../../helpers/store/ringbuf_store_params.h"
#include "ppm_sockopt.h"

static __always_inline int sockopt_enter(__u32 type)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, type, 0, 0))
		return 0;
	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(setsockopt_e, struct pt_regs *regs, long id)
{
	return sockopt_enter(PPME_SOCKET_SETSOCKOPT_E);
}

SEC("tp_btf/sys_enter")
int BPF_PROG(getsockopt_e, struct pt_regs *regs, long id)
{
	return sockopt_enter(PPME_SOCKET_GETSOCKOPT_E);
}

/*
 * Parameter 5: val (type: PT_DYN): the index byte, then the value; the
 * index alone for a NULL or empty value of unknown type; an empty param
 * for a value that cannot be read (counted, but for NULL). Falco's probe
 * loses the event there; an index alone would make sysdig read the next
 * param's bytes as the value.
 */
static __always_inline void auxmap__store_sockopt_val(struct auxiliary_map *auxmap, __s64 level,
						      __s64 optname, unsigned long optval,
						      __u32 optlen)
{
	__u8 idx = sockopt_val_index(level, optname);
	union sockopt_raw raw = {};
	__u64 val = 0;
	long n;

	if (idx != PPM_SOCKOPT_IDX_UNKNOWN) {
		if (!optval) {
			auxmap__store_empty_param(auxmap);
		} else if (sockopt_read_user(&raw, idx, optval)) {
			count_fault_read();
			auxmap__store_empty_param(auxmap);
		} else {
			n = sockopt_val_to_scap(idx, &raw, &val);
			auxmap__store_dyn_param(auxmap, idx, val, n);
		}
		return;
	}
	auxmap->data[SAFE_ACCESS(auxmap->payload_pos)] = idx;
	n = auxmap__read_bytes(auxmap, 1, optval, snaplen_cut(optlen), USER);
	if (n < 0) {
		auxmap__store_empty_param(auxmap);
		return;
	}
	auxmap__commit_param(auxmap, 1 + n);
}

/* The six params of both exits; optlen is the value's length. */
static __always_inline int sockopt_exit(struct pt_regs *regs, long ret, __u32 type, __u32 optlen)
{
	struct auxiliary_map *auxmap = auxmap__get();
	__s64 level = (__s32)extract__syscall_argument(regs, 1);
	__s64 optname = (__s32)extract__syscall_argument(regs, 2);

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, type, 6);

	/* Parameter 1: res (type: PT_ERRNO) */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameter 2: fd (type: PT_FD) */
	auxmap__store_s64_param(auxmap, (__s32)extract__syscall_argument(regs, 0));
	/* Parameter 3: level (type: PT_FLAGS8) */
	auxmap__store_u8_param(auxmap, sockopt_level_to_scap(level));
	/* Parameter 4: optname (type: PT_FLAGS8) */
	auxmap__store_u8_param(auxmap, sockopt_optname_to_scap(level, optname));
	auxmap__store_sockopt_val(auxmap, level, optname, extract__syscall_argument(regs, 3),
				  optlen);
	/* Parameter 6: optlen (type: PT_UINT32) */
	auxmap__store_u32_param(auxmap, optlen);

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(setsockopt_x, struct pt_regs *regs, long ret)
{
	return sockopt_exit(regs, ret, PPME_SOCKET_SETSOCKOPT_X,
			    (__u32)extract__syscall_argument(regs, 4));
}

/* getsockopt's optlen is an int in the caller's memory, where the kernel wrote the length. */
SEC("tp_btf/sys_exit")
int BPF_PROG(getsockopt_x, struct pt_regs *regs, long ret)
{
	unsigned long uoptlen = extract__syscall_argument(regs, 4);
	__u32 optlen = 0;

	if (uoptlen && bpf_probe_read_user(&optlen, sizeof(optlen), (const void *)uoptlen))
		count_fault_read();
	return sockopt_exit(regs, ret, PPME_SOCKET_GETSOCKOPT_X, optlen);
}
