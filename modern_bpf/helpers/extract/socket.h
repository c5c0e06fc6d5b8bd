/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Reading a socket's kernel state: fd -> struct socket -> struct sock, and
 * the addresses the kernel's getsockname()/getpeername() would return.
 *
 *   fd --(fd table)--> struct file --private_data--> struct socket --sk-->
 *   struct sock, which is the first member of struct inet_sock (AF_INET,
 *   AF_INET6) and of struct unix_sock (AF_UNIX), so one pointer is all three.
 *
 * Addresses stay in network byte order, as in struct sockaddr_in; ports are
 * turned into host order, because that is how Falco's event format stores
 * them (see store/auxmap_store_socket.h).
 */
#ifndef SCAPLAB_EXTRACT_SOCKET_H
#define SCAPLAB_EXTRACT_SOCKET_H

#include <bpf/bpf_endian.h>
#include "task.h"

/* Raw values (include/linux/socket.h, include/uapi/linux/stat.h). */
#define SCAP_KERNEL_AF_UNIX	1
#define SCAP_KERNEL_AF_INET	2
#define SCAP_KERNEL_AF_INET6	10
#define SCAP_KERNEL_S_IFMT_SOCK	00170000	/* S_IFMT */
#define SCAP_KERNEL_S_IFSOCK	0140000

/*
 * The socket open as fd, or NULL if fd is not a socket. A socket's file
 * lives in sockfs and its inode has type S_IFSOCK; only then is
 * file->private_data a struct socket (for other files it is anything).
 * open() cannot return such a file: opening a unix socket's path fails.
 */
static __always_inline struct socket *extract__socket_from_fd(__s32 fd)
{
	struct file *file = extract__file_from_fd(fd);
	__u32 mode;

	if (!file)
		return NULL;
	mode = BPF_CORE_READ(file, f_inode, i_mode);
	if ((mode & SCAP_KERNEL_S_IFMT_SOCK) != SCAP_KERNEL_S_IFSOCK)
		return NULL;
	return BPF_CORE_READ(file, private_data);
}

/* The struct sock of the socket open as fd, or NULL. */
static __always_inline struct sock *extract__sock_from_fd(__s32 fd)
{
	struct socket *sock = extract__socket_from_fd(fd);

	return sock ? BPF_CORE_READ(sock, sk) : NULL;
}

static __always_inline __u16 extract__sock_family(struct sock *sk)
{
	return BPF_CORE_READ(sk, __sk_common.skc_family);
}

/* ---- AF_INET: inet_getname() ---- */

/*
 * The local address. A socket bound to 0.0.0.0 that has since connected or
 * sent has the source address the route chose in inet_saddr.
 */
static __always_inline void extract__inet_local(struct sock *sk, __u32 *ip, __u16 *port)
{
	struct inet_sock *inet = (struct inet_sock *)sk;

	*ip = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
	if (!*ip)
		*ip = BPF_CORE_READ(inet, inet_saddr);
	*port = bpf_ntohs(BPF_CORE_READ(inet, inet_sport));
}

static __always_inline void extract__inet_peer(struct sock *sk, __u32 *ip, __u16 *port)
{
	*ip = BPF_CORE_READ(sk, __sk_common.skc_daddr);
	*port = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
}

/* ---- AF_INET6: inet6_getname() ---- */

static __always_inline bool ipv6_addr_is_any(const struct in6_addr *a)
{
	return (a->in6_u.u6_addr32[0] | a->in6_u.u6_addr32[1] |
		a->in6_u.u6_addr32[2] | a->in6_u.u6_addr32[3]) == 0;
}

/* The local address; as for IPv4, the chosen source if bound to "::". */
static __always_inline void extract__inet6_local(struct sock *sk, struct in6_addr *ip,
						 __u16 *port)
{
	struct inet_sock *inet = (struct inet_sock *)sk;

	BPF_CORE_READ_INTO(ip, sk, __sk_common.skc_v6_rcv_saddr);
	if (ipv6_addr_is_any(ip))
		BPF_CORE_READ_INTO(ip, inet, pinet6, saddr);
	*port = bpf_ntohs(BPF_CORE_READ(inet, inet_sport));
}

static __always_inline void extract__inet6_peer(struct sock *sk, struct in6_addr *ip,
						__u16 *port)
{
	BPF_CORE_READ_INTO(ip, sk, __sk_common.skc_v6_daddr);
	*port = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
}

/* ---- AF_UNIX ---- */

/* The connected peer of a unix socket, or NULL. */
static __always_inline struct sock *extract__unix_peer(struct sock *sk)
{
	return BPF_CORE_READ((struct unix_sock *)sk, peer);
}

/*
 * The name a unix socket is bound to: sets *sun_path to the kernel's copy
 * and returns how many of its bytes are valid, or 0 if unnamed. An accepted
 * socket carries its listener's name.
 */
static __always_inline int extract__unix_name(struct sock *sk, const char **sun_path)
{
	struct unix_address *addr = BPF_CORE_READ((struct unix_sock *)sk, addr);
	int len;

	if (!addr)
		return 0;
	/* addr->len counts the 2-byte family before sun_path. */
	len = BPF_CORE_READ(addr, len) - (int)offsetof(struct sockaddr_un, sun_path);
	*sun_path = (const char *)addr + bpf_core_field_offset(struct unix_address, name) +
		    offsetof(struct sockaddr_un, sun_path);
	return len > 0 ? len : 0;
}

/* ---- listening sockets ---- */

/* Connections waiting in a listening socket's accept queue, and its limit. */
static __always_inline void extract__accept_queue(struct sock *sk, __u32 *len, __u32 *max)
{
	*len = BPF_CORE_READ(sk, sk_ack_backlog);
	*max = BPF_CORE_READ(sk, sk_max_ack_backlog);
}

#endif /* SCAPLAB_EXTRACT_SOCKET_H */
