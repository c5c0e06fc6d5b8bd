/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Storing socket addresses in the frame: PT_SOCKADDR (one end, from the
 * sockaddr a program passed to bind or connect) and PT_SOCKTUPLE (both ends
 * of a connection, from the kernel's socket), and accept's queue params.
 *
 * The layouts are those of the other two drivers (modern_bpf/helpers/
 * store/auxmap_store_socket.h explains them, driver/extract/socket.c is
 * the kernel module's): packed integers in the machine's order, IP
 * addresses in network order, ports in host order.
 *
 *   PT_SOCKADDR  AF_INET   u8 family | u32 addr | u16 port               7
 *                AF_INET6  u8 family | u8 addr[16] | u16 port            19
 *                AF_UNIX   u8 family | path | NUL                   2..110
 *   PT_SOCKTUPLE AF_INET   u8 family | saddr | sport | daddr | dport     13
 *                AF_INET6  u8 family | saddr | sport | daddr | dport     37
 *                AF_UNIX   u8 family | u64 server sk | u64 client sk
 *                                    | path | NUL                  18..126
 *
 * A tuple's source is the client, its destination the server. Another
 * family stores an empty param. A unix path keeps every byte up to the
 * length it was given (an abstract name, first byte NUL, as '@' and the
 * rest, inner NULs included), then a NUL.
 *
 * Each param is written straight into the frame at payload_pos and then
 * committed with its size (bpf_commit_param), as the modern driver writes
 * into its auxmap.
 */
#ifndef SCAPLAB_BPF_HELPERS_SOCKET_TUPLE_H
#define SCAPLAB_BPF_HELPERS_SOCKET_TUPLE_H

/* The size of sun_path: the longest unix path, with no NUL after it. */
#define SCAP_UNIX_PATH_MAX 108

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

/* Where the next param's bytes go. */
static __always_inline __u8 *bpf_param_dst(struct filler_data *data)
{
	return &data->frame->data[SAFE_ACCESS(data->frame->payload_pos)];
}

/*
 * Copy the sockaddr at the user pointer uaddr, len bytes, to *addr. false,
 * with nothing to store, for a NULL pointer, a length the kernel refuses
 * with EINVAL, or unreadable memory (counted). Bytes past len stay 0.
 */
static __always_inline bool bpf_read_user_sockaddr(union scap_sockaddr *addr,
						   unsigned long uaddr, int len)
{
	/* Register-wide, as the helper takes it. */
	unsigned long size = len;

	__builtin_memset(addr, 0, sizeof(*addr));
	if (!uaddr || len <= 0)
		return false;
	/*
	 * Without the barrier clang merges both tests into one unsigned
	 * compare of len - 1, and the verifier loses the bound on size.
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
 * Write a unix path at dst from the valid bytes at sun_path, which is
 * kernel memory (the kernel's name, or our stack copy of a user sockaddr)
 * and need not end in a NUL. Returns the bytes written, the NUL included.
 */
static __always_inline __u16 bpf_write_unix_path(__u8 *dst, const char *sun_path, int valid)
{
	unsigned long size = valid;
	char first = 0;
	long n;

	if (valid <= 0 || bpf_probe_read_kernel(&first, 1, sun_path)) {
		dst[0] = '\0';
		return 1;
	}
	barrier_var(size);
	if (size > SCAP_UNIX_PATH_MAX)
		size = SCAP_UNIX_PATH_MAX;
	if (first != '\0') {
		/* A pathname: up to its NUL, or all size bytes and a NUL. */
		n = bpf_probe_read_kernel_str(dst, size + 1, sun_path);
		if (n <= 0) {
			dst[0] = '\0';
			return 1;
		}
		return n;
	}
	/* Abstract: '@', then the size - 1 bytes after the leading NUL, as they are. */
	dst[0] = '@';
	size -= 1;
	barrier_var(size);
	if (size > SCAP_UNIX_PATH_MAX - 1) {	/* cannot be: the verifier's bound */
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
 * An unreadable address or another family stores an empty param.
 */
static __always_inline void bpf_push_sockaddr_param(struct filler_data *data,
						    unsigned long uaddr, int len)
{
	__u8 *dst = bpf_param_dst(data);
	union scap_sockaddr addr;
	__u16 size = 0;

	if (!bpf_read_user_sockaddr(&addr, uaddr, len)) {
		bpf_push_empty_param(data);
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
		size = 1 + bpf_write_unix_path(dst + 1, addr.un.sun_path,
					       len - (int)offsetof(struct sockaddr_un, sun_path));
		break;
	}
	bpf_commit_param(data, size);
}

/* Source then destination: we are the client outbound, the server inbound. */
static __always_inline __u16 bpf_write_inet_tuple(__u8 *dst, enum socktuple_direction dir,
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

static __always_inline __u16 bpf_write_inet6_tuple(__u8 *dst, enum socktuple_direction dir,
						   const struct in6_addr *local_ip,
						   __u16 local_port,
						   const struct in6_addr *remote_ip,
						   __u16 remote_port)
{
	dst[0] = socket_family_to_scap(SCAP_KERNEL_AF_INET6);
	__builtin_memcpy(dst + 1, dir == INBOUND ? remote_ip : local_ip, 16);
	*(__u16 *)(dst + 17) = dir == INBOUND ? remote_port : local_port;
	__builtin_memcpy(dst + 19, dir == INBOUND ? local_ip : remote_ip, 16);
	*(__u16 *)(dst + 35) = dir == INBOUND ? local_port : remote_port;
	return 1 + 16 + 2 + 16 + 2;
}

/*
 * The two struct sock addresses, the server's end first, and the server's
 * name: ours if we accepted (an accepted socket has its listener's), else
 * the one connect() was given in remote, else the peer's.
 */
static __always_inline __u16 bpf_write_unix_tuple(__u8 *dst, enum socktuple_direction dir,
						  struct sock *sk,
						  const union scap_sockaddr *remote,
						  int remote_len)
{
	struct sock *peer = bpf_unix_peer(sk);
	const char *sun_path = NULL;
	int valid;

	dst[0] = socket_family_to_scap(SCAP_KERNEL_AF_UNIX);
	*(__u64 *)(dst + 1) = (__u64)(dir == INBOUND ? sk : peer);
	*(__u64 *)(dst + 9) = (__u64)(dir == INBOUND ? peer : sk);

	if (dir == INBOUND) {
		valid = bpf_unix_name(sk, &sun_path);
	} else if (remote) {
		sun_path = remote->un.sun_path;
		valid = remote_len - (int)offsetof(struct sockaddr_un, sun_path);
	} else {
		valid = peer ? bpf_unix_name(peer, &sun_path) : 0;
	}
	/* An unnamed socket: an empty path. */
	return 1 + 8 + 8 + bpf_write_unix_path(dst + 17, sun_path, valid);
}

/*
 * A PT_SOCKTUPLE for the socket open as fd. remote is the other end as the
 * program gave it (connect), or NULL to ask the kernel (accept's peer).
 * Not a socket, or not AF_INET, AF_INET6 or AF_UNIX: an empty param.
 */
static __always_inline void bpf_push_socktuple_param(struct filler_data *data, __s32 fd,
						     enum socktuple_direction dir,
						     const union scap_sockaddr *remote,
						     int remote_len)
{
	__u8 *dst = bpf_param_dst(data);
	struct sock *sk = bpf_fd_to_sock(fd);
	struct in6_addr local_ip6 = {}, remote_ip6 = {};
	__u32 local_ip = 0, remote_ip = 0;
	__u16 local_port = 0, remote_port = 0;
	__u16 size = 0;

	if (!sk) {
		bpf_push_empty_param(data);
		return;
	}
	switch (bpf_sock_family(sk)) {
	case SCAP_KERNEL_AF_INET:
		bpf_inet_local(sk, &local_ip, &local_port);
		if (remote) {
			remote_ip = remote->in.sin_addr.s_addr;
			remote_port = bpf_ntohs(remote->in.sin_port);
		} else {
			bpf_inet_peer(sk, &remote_ip, &remote_port);
		}
		size = bpf_write_inet_tuple(dst, dir, local_ip, local_port, remote_ip,
					    remote_port);
		break;
	case SCAP_KERNEL_AF_INET6:
		bpf_inet6_local(sk, &local_ip6, &local_port);
		if (remote) {
			remote_ip6 = remote->in6.sin6_addr;
			remote_port = bpf_ntohs(remote->in6.sin6_port);
		} else {
			bpf_inet6_peer(sk, &remote_ip6, &remote_port);
		}
		size = bpf_write_inet6_tuple(dst, dir, &local_ip6, local_port, &remote_ip6,
					     remote_port);
		break;
	case SCAP_KERNEL_AF_UNIX:
		size = bpf_write_unix_tuple(dst, dir, sk, remote, remote_len);
		break;
	}
	bpf_commit_param(data, size);
}

/*
 * Parameters 3 to 5 of accept and accept4: the listening socket's accept
 * queue as the call returns (the connection just accepted has left it).
 * Empty if listen_fd is not a socket.
 */
static __always_inline void bpf_push_accept_queue_params(struct filler_data *data,
							 __s32 listen_fd)
{
	struct sock *sk = bpf_fd_to_sock(listen_fd);
	__u32 len, max;

	if (!sk) {
		/* Parameter 3: queuepct (type: PT_UINT8). Not collected: no socket */
		bpf_push_empty_param(data);
		/* Parameter 4: queuelen (type: PT_UINT32). Not collected: no socket */
		bpf_push_empty_param(data);
		/* Parameter 5: queuemax (type: PT_UINT32). Not collected: no socket */
		bpf_push_empty_param(data);
		return;
	}
	bpf_accept_queue(sk, &len, &max);
	/* Parameter 3: queuepct (type: PT_UINT8), len as a percentage of max */
	bpf_push_u8_to_ring(data, max ? (__u64)len * 100 / max : 0);
	/* Parameter 4: queuelen (type: PT_UINT32), connections waiting */
	bpf_push_u32_to_ring(data, len);
	/* Parameter 5: queuemax (type: PT_UINT32), listen()'s backlog, capped by somaxconn */
	bpf_push_u32_to_ring(data, max);
}

#endif /* SCAPLAB_BPF_HELPERS_SOCKET_TUPLE_H */
