// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * socketpair(2): PPME_SOCKET_SOCKETPAIR_E / PPME_SOCKET_SOCKETPAIR_X.
 *
 * Two connected sockets at once. The exit reads the two fds the kernel
 * wrote into the caller's int[2], and the addresses of the two ends'
 * struct sock, which a unix tuple holds too: that is how a reader pairs
 * the ends of one channel.
 *
 * Try it: ./build/scap-open --json -s socketpair -- python3 -c \
 *   'import socket; socket.socketpair()'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/extract/socket.h"
#include "../../../../helpers/store/auxmap_store_params.h"
#include "../../../../helpers/store/ringbuf_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(socketpair_e, struct pt_regs *regs, long id)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SOCKET_SOCKETPAIR_E, 3, 3 * sizeof(__u32)))
		return 0;

	/* Parameters 1 to 3: domain, type, proto, as socket's */
	ringbuf__store_u32_param(&ev, socket_family_to_scap(extract__syscall_argument(regs, 0)));
	ringbuf__store_u32_param(&ev, extract__syscall_argument(regs, 1));
	ringbuf__store_u32_param(&ev, extract__syscall_argument(regs, 2));

	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(socketpair_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();
	__s32 fds[2];
	struct sock *sk;

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SOCKET_SOCKETPAIR_X, 5);

	/* Parameter 1: res (type: PT_ERRNO) */
	auxmap__store_s64_param(auxmap, ret);
	/*
	 * Parameters 2 and 3: fd1, fd2 (type: PT_FD); 4 and 5: source, peer
	 * (type: PT_UINT64). Empty if the call failed: there are no ends.
	 */
	if (ret < 0 ||
	    bpf_probe_read_user(fds, sizeof(fds), (const void *)extract__syscall_argument(regs, 3))) {
		auxmap__store_empty_param(auxmap);
		auxmap__store_empty_param(auxmap);
		auxmap__store_empty_param(auxmap);
		auxmap__store_empty_param(auxmap);
	} else {
		auxmap__store_s64_param(auxmap, fds[0]);
		auxmap__store_s64_param(auxmap, fds[1]);
		sk = extract__sock_from_fd(fds[0]);
		if (sk) {
			auxmap__store_u64_param(auxmap, (unsigned long)sk);
			/* Only a unix sock has a peer field. */
			auxmap__store_u64_param(auxmap,
						extract__sock_family(sk) == SCAP_KERNEL_AF_UNIX ?
						(unsigned long)extract__unix_peer(sk) : 0);
		} else {
			auxmap__store_empty_param(auxmap);
			auxmap__store_empty_param(auxmap);
		}
	}

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
