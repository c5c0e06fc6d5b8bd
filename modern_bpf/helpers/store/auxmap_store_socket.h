/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Storing socket addresses: PT_SOCKADDR (one endpoint, from a sockaddr the
 * program passed to bind or connect) and PT_SOCKTUPLE (both ends of a
 * connection, from the kernel's socket).
 *
 * The byte layouts are Falco's (ppm_events.c, pack_addr and
 * fd_to_socktuple). Integers in the machine's order, packed, no padding;
 * IPv4/IPv6 addresses in network order, exactly as in struct sockaddr_in;
 * ports in host order (ntohs applied), so 8080 reads as 8080:
 *
 *   PT_SOCKADDR  AF_INET   u8 family | u32 addr | u16 port               7
 *                AF_INET6  u8 family | u8 addr[16] | u16 port            19
 *                AF_UNIX   u8 family | path | NUL                   2..110
 *   PT_SOCKTUPLE AF_INET   u8 family | u32 saddr | u16 sport
 *                                    | u32 daddr | u16 dport            13
 *                AF_INET6  u8 family | saddr[16] | sport
 *                                    | daddr[16] | dport                37
 *                AF_UNIX   u8 family | u64 server_sk | u64 client_sk
 *                                    | path | NUL                  18..126
 *
 * family is the PPM_AF_* number (socket_family_to_scap). Other families
 * store an empty param, as Falco does. For IP, the source (s...) is the
 * side that opened the connection, the client, and the destination
 * (d...) the side that accepted it.
 *
 * A unix socket has no address and port, so its tuple holds the kernel
 * addresses of the two ends' struct sock (which tell connections apart),
 * the server's end first, and one path: the server's. A path whose first
 * byte is NUL is an abstract name (unix(7)); it is written as '@' and the
 * name, as ss(8) shows it.
 *
 * The path is every byte of it, up to the param's last byte, a NUL: an
 * abstract name keeps the NULs inside it ("\0a\0b" is "@a\0b\0"), and a
 * pathname may fill all 108 bytes of sun_path without a NUL. Falco stops
 * an abstract name at its first inner NUL and a path at 107 bytes; we do
 * not, so that two different names never look the same. A reader takes
 * the path's length from the param's, not from the first NUL.
 */
#ifndef SCAPLAB_AUXMAP_STORE_SOCKET_H
#define SCAPLAB_AUXMAP_STORE_SOCKET_H

#include "auxmap_store_params.h"
#include "../extract/socket.h"

/* The size of sun_path: the longest unix path, with no NUL after it. */
#define UNIX_PATH_MAX_SCAP 108

/* Room for any sockaddr a program may pass: struct sockaddr_storage. */
union scap_sockaddr {
	struct sockaddr sa;
	struct sockaddr_in in;
	struct sockaddr_in6 in6;
	struct sockaddr_un un;
	__u8 raw[128];
};

/* Which end of the connection the calling process is. */
enum socktuple_direction {
	OUTBOUND = 0,	/* connect(): we are the source */
	INBOUND = 1,	/* accept(): we are the destination */
};

/*
 * Copy a sockaddr from the syscall's user pointer into *addr. false, with
 * nothing to store, for a NULL pointer, a length the kernel would refuse
 * (EINVAL) or unreadable memory. Bytes past len stay 0.
 */
static __always_inline bool read_user_sockaddr(union scap_sockaddr *addr, unsigned long uaddr,
					       int len)
{
	/* 64 bits wide, like the register the helper takes it in. */
	unsigned long size = len;

	__builtin_memset(addr, 0, sizeof(*addr));
	if (!uaddr || len <= 0)
		return false;
	/*
	 * barrier_var: else clang folds the two tests into one unsigned
	 * compare of len - 1, and the verifier no longer sees size <= 128.
	 */
	barrier_var(size);
	if (size > sizeof(*addr))
		return false;
	if (bpf_probe_read_user(addr, size, (const void *)uaddr)) {
		count_fault_read();
		return false;
	}
	return true;
}

/*
 * Write a unix path at dst: sun_path holds valid bytes (it need not end in
 * NUL). Returns the bytes written, the final NUL included. Kernel memory
 * only: a user sockaddr is first copied by read_user_sockaddr().
 */
static __always_inline __u16 write_unix_path(__u8 *dst, const char *sun_path, int valid)
{
	unsigned long size = valid;	/* register-wide, see read_user_sockaddr() */
	char first = 0;
	long n;

	if (valid <= 0 || bpf_probe_read_kernel(&first, 1, sun_path)) {
		dst[0] = '\0';
		return 1;
	}
	barrier_var(size);
	if (size > UNIX_PATH_MAX_SCAP)
		size = UNIX_PATH_MAX_SCAP;
	if (first != '\0') {
		/* A pathname: up to its NUL, or all size bytes, then a NUL. */
		n = bpf_probe_read_kernel_str(dst, size + 1, sun_path);
		if (n <= 0) {
			dst[0] = '\0';
			return 1;
		}
		return n;
	}
	/* Abstract: '@', then the size - 1 bytes after the leading NUL, NULs and all. */
	dst[0] = '@';
	size -= 1;
	barrier_var(size);
	if (size > UNIX_PATH_MAX_SCAP - 1) {	/* cannot happen; tells the verifier */
		dst[0] = '\0';
		return 1;
	}
	if (bpf_probe_read_kernel(dst + 1, size, sun_path + 1)) {
		dst[1] = '\0';
		return 2;
	}
	dst[1 + size] = '\0';
	return size + 2;
}

/*
 * A PT_SOCKADDR from the user pointer uaddr of len bytes (bind, connect).
 * An unusable address or an unknown family stores an empty param.
 */
static __always_inline void auxmap__store_sockaddr_param(struct auxiliary_map *auxmap,
							 unsigned long uaddr, int len)
{
	__u8 *dst = &auxmap->data[SAFE_ACCESS(auxmap->payload_pos)];
	union scap_sockaddr addr;
	__u16 size = 0;

	if (!read_user_sockaddr(&addr, uaddr, len)) {
		auxmap__store_empty_param(auxmap);
		return;
	}
	switch (addr.sa.sa_family) {
	case SCAP_KERNEL_AF_INET:
		dst[0] = socket_family_to_scap(SCAP_KERNEL_AF_INET);
		*(__u32 *)(dst + 1) = addr.in.sin_addr.s_addr;
		*(__u16 *)(dst + 5) = bpf_ntohs(addr.in.sin_port);
		size = 1 + 4 + 2;
		break;
	case SCAP_KERNEL_AF_INET6:
		dst[0] = socket_family_to_scap(SCAP_KERNEL_AF_INET6);
		__builtin_memcpy(dst + 1, &addr.in6.sin6_addr, 16);
		*(__u16 *)(dst + 17) = bpf_ntohs(addr.in6.sin6_port);
		size = 1 + 16 + 2;
		break;
	case SCAP_KERNEL_AF_UNIX:
		dst[0] = socket_family_to_scap(SCAP_KERNEL_AF_UNIX);
		size = 1 + write_unix_path(dst + 1, addr.un.sun_path,
					   len - (int)offsetof(struct sockaddr_un, sun_path));
		break;
	}
	auxmap__commit_param(auxmap, size);
}

/*
 * Write source then destination: the client first. We are the client of an
 * outbound connection and the server of an inbound one.
 */
static __always_inline __u16 write_inet_tuple(__u8 *dst, enum socktuple_direction dir,
					      __u32 local_ip, __u16 local_port,
					      __u32 remote_ip, __u16 remote_port)
{
	dst[0] = socket_family_to_scap(SCAP_KERNEL_AF_INET);
	*(__u32 *)(dst + 1) = dir == INBOUND ? remote_ip : local_ip;
	*(__u16 *)(dst + 5) = dir == INBOUND ? remote_port : local_port;
	*(__u32 *)(dst + 7) = dir == INBOUND ? local_ip : remote_ip;
	*(__u16 *)(dst + 11) = dir == INBOUND ? local_port : remote_port;
	return 1 + 4 + 2 + 4 + 2;
}

static __always_inline __u16 write_inet6_tuple(__u8 *dst, enum socktuple_direction dir,
					       const struct in6_addr *local_ip, __u16 local_port,
					       const struct in6_addr *remote_ip, __u16 remote_port)
{
	dst[0] = socket_family_to_scap(SCAP_KERNEL_AF_INET6);
	__builtin_memcpy(dst + 1, dir == INBOUND ? remote_ip : local_ip, 16);
	*(__u16 *)(dst + 17) = dir == INBOUND ? remote_port : local_port;
	__builtin_memcpy(dst + 19, dir == INBOUND ? local_ip : remote_ip, 16);
	*(__u16 *)(dst + 35) = dir == INBOUND ? local_port : remote_port;
	return 1 + 16 + 2 + 16 + 2;
}

/*
 * The unix tuple: [us][peer] for an accepted socket, [peer][us] for a
 * connecting one, so that the server's end comes first either way. The
 * path is the server's name: our own for an accepted socket (it inherits
 * the listener's), else the one we connected to, from remote if given,
 * else from the peer socket.
 */
static __always_inline __u16 write_unix_tuple(__u8 *dst, enum socktuple_direction dir,
					      struct sock *sk, const union scap_sockaddr *remote,
					      int remote_len)
{
	struct sock *peer = extract__unix_peer(sk);
	const char *sun_path = NULL;
	int valid;

	dst[0] = socket_family_to_scap(SCAP_KERNEL_AF_UNIX);
	*(__u64 *)(dst + 1) = (__u64)(dir == INBOUND ? sk : peer);
	*(__u64 *)(dst + 9) = (__u64)(dir == INBOUND ? peer : sk);

	if (dir == INBOUND) {
		valid = extract__unix_name(sk, &sun_path);
	} else if (remote) {
		sun_path = remote->un.sun_path;
		valid = remote_len - (int)offsetof(struct sockaddr_un, sun_path);
	} else {
		valid = peer ? extract__unix_name(peer, &sun_path) : 0;
	}
	/* An unnamed socket: an empty path (Falco writes "@" and stale bytes). */
	return 1 + 8 + 8 + write_unix_path(dst + 17, sun_path, valid);
}

/*
 * A PT_SOCKTUPLE for the socket open as fd. remote is the other end's
 * address as the program gave it (connect's), or NULL to take it from the
 * kernel (accept's peer). Not a socket, or a family other than AF_INET,
 * AF_INET6 and AF_UNIX: an empty param.
 */
static __always_inline void auxmap__store_socktuple_param(struct auxiliary_map *auxmap, __s32 fd,
							  enum socktuple_direction dir,
							  const union scap_sockaddr *remote,
							  int remote_len)
{
	__u8 *dst = &auxmap->data[SAFE_ACCESS(auxmap->payload_pos)];
	struct sock *sk = extract__sock_from_fd(fd);
	struct in6_addr local_ip6 = {}, remote_ip6 = {};
	__u32 local_ip = 0, remote_ip = 0;
	__u16 local_port = 0, remote_port = 0;
	__u16 size = 0;

	if (!sk) {
		auxmap__store_empty_param(auxmap);
		return;
	}
	switch (extract__sock_family(sk)) {
	case SCAP_KERNEL_AF_INET:
		extract__inet_local(sk, &local_ip, &local_port);
		if (remote) {
			remote_ip = remote->in.sin_addr.s_addr;
			remote_port = bpf_ntohs(remote->in.sin_port);
		} else {
			extract__inet_peer(sk, &remote_ip, &remote_port);
		}
		size = write_inet_tuple(dst, dir, local_ip, local_port, remote_ip, remote_port);
		break;
	case SCAP_KERNEL_AF_INET6:
		extract__inet6_local(sk, &local_ip6, &local_port);
		if (remote) {
			remote_ip6 = remote->in6.sin6_addr;
			remote_port = bpf_ntohs(remote->in6.sin6_port);
		} else {
			extract__inet6_peer(sk, &remote_ip6, &remote_port);
		}
		size = write_inet6_tuple(dst, dir, &local_ip6, local_port,
					 &remote_ip6, remote_port);
		break;
	case SCAP_KERNEL_AF_UNIX:
		size = write_unix_tuple(dst, dir, sk, remote, remote_len);
		break;
	}
	auxmap__commit_param(auxmap, size);
}

/*
 * Parameters 3 to 5 of accept and accept4: how full the listening socket's
 * accept queue is as the call returns (the connection just accepted has
 * left it). Empty if listen_fd is not a socket.
 */
static __always_inline void auxmap__store_accept_queue_params(struct auxiliary_map *auxmap,
							      __s32 listen_fd)
{
	struct sock *sk = extract__sock_from_fd(listen_fd);
	__u32 len, max;

	if (!sk) {
		/* Parameter 3: queuepct (type: PT_UINT8). Not collected: no socket */
		auxmap__store_empty_param(auxmap);
		/* Parameter 4: queuelen (type: PT_UINT32). Not collected: no socket */
		auxmap__store_empty_param(auxmap);
		/* Parameter 5: queuemax (type: PT_UINT32). Not collected: no socket */
		auxmap__store_empty_param(auxmap);
		return;
	}
	extract__accept_queue(sk, &len, &max);
	/* Parameter 3: queuepct (type: PT_UINT8), len as a percentage of max */
	auxmap__store_u8_param(auxmap, max ? (__u64)len * 100 / max : 0);
	/* Parameter 4: queuelen (type: PT_UINT32), connections waiting */
	auxmap__store_u32_param(auxmap, len);
	/* Parameter 5: queuemax (type: PT_UINT32), listen()'s backlog, capped by somaxconn */
	auxmap__store_u32_param(auxmap, max);
}

#endif /* SCAPLAB_AUXMAP_STORE_SOCKET_H */
