// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * listen(2): PPME_SOCKET_LISTEN_E / PPME_SOCKET_LISTEN_X. Every param is
 * fixed-size, so neither event needs the scratch map: each can be
 * reserved in the ring and written in place
 * (helpers/store/ringbuf_store_params.h). Lab 12 makes that change and
 * measures it.
 *
 * Try it: ./build/scap-open --json -s listen -- python3 -c \
 *   'import socket; socket.socket().listen(5)'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_params.h"
#include "../../../../helpers/store/ringbuf_store_params.h"

/* LAB 12.2 BEGIN: send listen's two events straight into the ring (ringbuf__reserve_event and its stores), not through the scratch map */
SEC("tp_btf/sys_enter")
int BPF_PROG(listen_e, struct pt_regs *regs, long id)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SOCKET_LISTEN_E, 2, sizeof(__s64) + sizeof(__u32)))
		return 0;
	/* Parameter 1: fd (type: PT_FD) */
	ringbuf__store_s64_param(&ev, (__s32)extract__syscall_argument(regs, 0));
	/* Parameter 2: backlog (type: PT_UINT32), as asked; the kernel caps it at somaxconn */
	ringbuf__store_u32_param(&ev, extract__syscall_argument(regs, 1));
	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(listen_x, struct pt_regs *regs, long ret)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SOCKET_LISTEN_X, 1, sizeof(__s64)))
		return 0;
	/* Parameter 1: res (type: PT_ERRNO) */
	ringbuf__store_s64_param(&ev, ret);
	ringbuf__submit_event(&ev);
	return 0;
}
/* LAB 12.2 STARTER: SEC("tp_btf/sys_enter") */
/* LAB 12.2 STARTER: int BPF_PROG(listen_e, struct pt_regs *regs, long id) */
/* LAB 12.2 STARTER: { */
/* LAB 12.2 STARTER: 	struct auxiliary_map *auxmap = auxmap__get(); */
/* LAB 12.2 STARTER:  */
/* LAB 12.2 STARTER: 	if (!auxmap) */
/* LAB 12.2 STARTER: 		return 0; */
/* LAB 12.2 STARTER: 	auxmap__preload_event_header(auxmap, PPME_SOCKET_LISTEN_E, 2); */
/* LAB 12.2 STARTER: 	// Parameter 1: fd (type: PT_FD) */
/* LAB 12.2 STARTER: 	auxmap__store_s64_param(auxmap, (__s32)extract__syscall_argument(regs, 0)); */
/* LAB 12.2 STARTER: 	// Parameter 2: backlog (type: PT_UINT32), as asked; the kernel caps it at somaxconn */
/* LAB 12.2 STARTER: 	auxmap__store_u32_param(auxmap, extract__syscall_argument(regs, 1)); */
/* LAB 12.2 STARTER: 	auxmap__finalize_event_header(auxmap); */
/* LAB 12.2 STARTER: 	auxmap__submit_event(auxmap); */
/* LAB 12.2 STARTER: 	return 0; */
/* LAB 12.2 STARTER: } */
/* LAB 12.2 STARTER:  */
/* LAB 12.2 STARTER: SEC("tp_btf/sys_exit") */
/* LAB 12.2 STARTER: int BPF_PROG(listen_x, struct pt_regs *regs, long ret) */
/* LAB 12.2 STARTER: { */
/* LAB 12.2 STARTER: 	struct auxiliary_map *auxmap = auxmap__get(); */
/* LAB 12.2 STARTER:  */
/* LAB 12.2 STARTER: 	if (!auxmap) */
/* LAB 12.2 STARTER: 		return 0; */
/* LAB 12.2 STARTER: 	auxmap__preload_event_header(auxmap, PPME_SOCKET_LISTEN_X, 1); */
/* LAB 12.2 STARTER: 	// Parameter 1: res (type: PT_ERRNO) */
/* LAB 12.2 STARTER: 	auxmap__store_s64_param(auxmap, ret); */
/* LAB 12.2 STARTER: 	auxmap__finalize_event_header(auxmap); */
/* LAB 12.2 STARTER: 	auxmap__submit_event(auxmap); */
/* LAB 12.2 STARTER: 	return 0; */
/* LAB 12.2 STARTER: } */
/* LAB 12.2 END */
