/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Socket params: PT_SOCKADDR (an address a program passed to bind or
 * connect) and PT_SOCKTUPLE (both ends of a connection), and the accept
 * queue of a listening socket. The byte layouts, and every case that
 * stores an empty param, are the modern driver's:
 * modern_bpf/helpers/store/auxmap_store_socket.h describes them.
 *
 * A socket is reached from its fd as in modern_bpf/helpers/extract/
 * socket.h: fd -> struct file -> struct socket -> struct sock, whose fields
 * are read directly, no socket lock taken, as the BPF programs read them;
 * the file is pinned meanwhile (socket.c says why).
 */
#ifndef SCAPLAB_EXTRACT_SOCKET_H
#define SCAPLAB_EXTRACT_SOCKET_H

#include <linux/in.h>
#include <linux/in6.h>
#include <linux/socket.h>
#include <linux/un.h>
#include "../ppm_events.h"

/* Room for any sockaddr a program may pass (struct sockaddr_storage). */
union ppm_sockaddr {
	struct sockaddr sa;
	struct sockaddr_in in;
	struct sockaddr_in6 in6;
	struct sockaddr_un un;
	u8 raw[128];
};

/*
 * Copy the len-byte sockaddr at user address uaddr into *addr, zero-filled
 * past len. false for a NULL pointer, a len outside 1..128 or memory that
 * is not readable without a fault (counted in n_fault_reads).
 */
bool ppm_read_user_sockaddr(struct event_filler_arguments *args, union ppm_sockaddr *addr,
			    unsigned long uaddr, int len);

/* Store a PT_SOCKADDR from the user sockaddr at uaddr, len bytes long. */
int sockaddr_to_ring(struct event_filler_arguments *args, unsigned long uaddr, int len);

/*
 * Store the PT_SOCKTUPLE of the socket open as fd. inbound puts the other
 * end first (accept, recvfrom), else this socket (connect, sendto). remote
 * is the other end's address as the program passed it or the kernel wrote
 * it, remote_len bytes of it valid; NULL takes the kernel's peer.
 */
int socktuple_to_ring(struct event_filler_arguments *args, s32 fd, bool inbound,
		      const union ppm_sockaddr *remote, int remote_len);

/*
 * Store the PT_SOCKTUPLE of connect(): this socket (fd) -> remote, the
 * address the program asked for, remote_len bytes of it valid.
 */
int connect_tuple_to_ring(struct event_filler_arguments *args, s32 fd,
			  const union ppm_sockaddr *remote, int remote_len);

/* Store the PT_SOCKTUPLE of accept(): the peer -> this socket (fd). */
int accept_tuple_to_ring(struct event_filler_arguments *args, s32 fd);

/*
 * Store socketpair's source and peer: the struct sock of fd's end and of
 * the other end, as kernel addresses (a unix tuple holds the same two).
 */
int socketpair_socks_to_ring(struct event_filler_arguments *args, s32 fd);

/* Store accept's queuepct, queuelen and queuemax of the listening socket. */
int accept_queue_to_ring(struct event_filler_arguments *args, s32 listen_fd);

#endif /* SCAPLAB_EXTRACT_SOCKET_H */
