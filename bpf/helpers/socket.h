/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The socket behind an fd of the current task, and the addresses the
 * kernel's getsockname() and getpeername() would return for it.
 *
 *   fd --(bpf_fd_to_file)--> struct file --private_data--> struct socket
 *      --sk--> struct sock
 *
 * struct sock is the first member of struct inet_sock (AF_INET, AF_INET6)
 * and of struct unix_sock (AF_UNIX): one pointer is all three, cast as its
 * family says. Every field is one bpf_probe_read_kernel() (READ_KERNEL);
 * the modern driver's twin, modern_bpf/helpers/extract/socket.h, reads the
 * same fields with BPF_CORE_READ() from a task pointer it was trusted with.
 *
 * Addresses stay in network order, as in struct sockaddr_in; ports are
 * returned in host order, which is how the event format stores them.
 */
#ifndef SCAPLAB_BPF_HELPERS_SOCKET_H
#define SCAPLAB_BPF_HELPERS_SOCKET_H

#include <bpf/bpf_endian.h>

#ifndef SCAPLAB_BPF_CORE
/*
 * The headers build: net/inet_sock.h only declares struct ipv6_pinfo, and
 * reading inet->pinet6->saddr needs its layout (vmlinux.h has every type).
 * linux/ipv6.h brings in inline functions that call pr_debug(), which
 * names the module it is built into: Kbuild defines that for a module's
 * objects only, and this object is none.
 */
#ifndef KBUILD_MODNAME
#define KBUILD_MODNAME "scaplab_bpf"
#endif
#include <linux/ipv6.h>
#endif

/*
 * The kernel's values (include/linux/socket.h, include/uapi/linux/stat.h),
 * by number: vmlinux.h has types, not macros, so the CO-RE build has no
 * AF_INET or S_IFSOCK to use.
 */
#define SCAP_KERNEL_AF_UNIX	1
#define SCAP_KERNEL_AF_INET	2
#define SCAP_KERNEL_AF_INET6	10
#define SCAP_KERNEL_S_IFMT	00170000
#define SCAP_KERNEL_S_IFSOCK	0140000

/*
 * The socket open as fd, or NULL if fd is not a socket. Only a file whose
 * inode has type S_IFSOCK (sockfs) has a struct socket as private_data;
 * for any other file that pointer is whatever the file's driver keeps.
 */
static __always_inline struct socket *bpf_fd_to_socket(__s32 fd)
{
	struct file *file = bpf_fd_to_file(fd);
	__u32 mode;

	if (!file)
		return NULL;
	mode = READ_KERNEL(file, f_inode, i_mode);
	if ((mode & SCAP_KERNEL_S_IFMT) != SCAP_KERNEL_S_IFSOCK)
		return NULL;
	return READ_KERNEL(file, private_data);
}

/* The struct sock of the socket open as fd, or NULL. */
static __always_inline struct sock *bpf_fd_to_sock(__s32 fd)
{
	struct socket *sock = bpf_fd_to_socket(fd);

	return sock ? READ_KERNEL(sock, sk) : NULL;
}

static __always_inline __u16 bpf_sock_family(struct sock *sk)
{
	return READ_KERNEL(sk, __sk_common.skc_family);
}

/* ---- AF_INET, as inet_getname() ---- */

/*
 * The local end. A socket bound to 0.0.0.0 (or not bound) that has since
 * connected has the source address its route chose in inet_saddr.
 */
static __always_inline void bpf_inet_local(struct sock *sk, __u32 *ip, __u16 *port)
{
	struct inet_sock *inet = (struct inet_sock *)sk;

	*ip = READ_KERNEL(sk, __sk_common.skc_rcv_saddr);
	if (!*ip)
		*ip = READ_KERNEL(inet, inet_saddr);
	*port = bpf_ntohs(READ_KERNEL(inet, inet_sport));
}

static __always_inline void bpf_inet_peer(struct sock *sk, __u32 *ip, __u16 *port)
{
	*ip = READ_KERNEL(sk, __sk_common.skc_daddr);
	*port = bpf_ntohs(READ_KERNEL(sk, __sk_common.skc_dport));
}

/* ---- AF_INET6, as inet6_getname() ---- */

static __always_inline bool bpf_in6_is_any(const struct in6_addr *a)
{
	return (a->in6_u.u6_addr32[0] | a->in6_u.u6_addr32[1] |
		a->in6_u.u6_addr32[2] | a->in6_u.u6_addr32[3]) == 0;
}

/*
 * An in6_addr is a struct, not a register: it is copied from the kernel
 * into *ip with one read of its 16 bytes, at the field's address. A read
 * that faults leaves *ip zeroed, "::".
 */
static __always_inline void bpf_inet6_local(struct sock *sk, struct in6_addr *ip, __u16 *port)
{
	struct inet_sock *inet = (struct inet_sock *)sk;
	struct ipv6_pinfo *np;

	bpf_probe_read_kernel(ip, sizeof(*ip), &sk->__sk_common.skc_v6_rcv_saddr);
	/* Bound to "::": the source the route chose, as for IPv4. */
	if (bpf_in6_is_any(ip)) {
		np = READ_KERNEL(inet, pinet6);
		if (np)
			bpf_probe_read_kernel(ip, sizeof(*ip), &np->saddr);
	}
	*port = bpf_ntohs(READ_KERNEL(inet, inet_sport));
}

static __always_inline void bpf_inet6_peer(struct sock *sk, struct in6_addr *ip, __u16 *port)
{
	bpf_probe_read_kernel(ip, sizeof(*ip), &sk->__sk_common.skc_v6_daddr);
	*port = bpf_ntohs(READ_KERNEL(sk, __sk_common.skc_dport));
}

/* ---- AF_UNIX ---- */

/* The connected peer of a unix socket, or NULL. */
static __always_inline struct sock *bpf_unix_peer(struct sock *sk)
{
	return READ_KERNEL((struct unix_sock *)sk, peer);
}

/*
 * The name a unix socket is bound to: sets *sun_path to the kernel's copy
 * of it (not read here: the caller copies it to the frame) and returns how
 * many of its bytes are valid, or 0 if it has none. An accepted socket
 * carries its listener's name.
 */
static __always_inline int bpf_unix_name(struct sock *sk, const char **sun_path)
{
	struct unix_address *addr = READ_KERNEL((struct unix_sock *)sk, addr);
	int len;

	if (!addr)
		return 0;
	/* addr->len counts the 2 bytes of sun_family before sun_path. */
	len = READ_KERNEL(addr, len) - (int)offsetof(struct sockaddr_un, sun_path);
	/*
	 * An address computed, not a read. libbpf's offsetof() is a member
	 * access, so in the CO-RE build it is relocated like any other.
	 */
	*sun_path = (const char *)addr + offsetof(struct unix_address, name) +
		    offsetof(struct sockaddr_un, sun_path);
	return len > 0 ? len : 0;
}

/* ---- listening sockets ---- */

/* Connections waiting in a listening socket's accept queue, and its limit. */
static __always_inline void bpf_accept_queue(struct sock *sk, __u32 *len, __u32 *max)
{
	*len = READ_KERNEL(sk, sk_ack_backlog);
	*max = READ_KERNEL(sk, sk_max_ack_backlog);
}

#endif /* SCAPLAB_BPF_HELPERS_SOCKET_H */
