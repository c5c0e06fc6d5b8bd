// SPDX-License-Identifier: GPL-2.0-only
/*
 * Socket params for the fillers of fillers/net.c: see socket.h. Every
 * layout and every empty case follows modern_bpf/helpers/store/
 * auxmap_store_socket.h, so that both drivers store the same bytes.
 */
#include <linux/file.h>
#include <linux/net.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <net/af_unix.h>
#include <net/inet_sock.h>
#include <net/ipv6.h>
#include <net/sock.h>
#include "../ppm_flag_helpers.h"
#include "socket.h"

/* The largest param built here: a unix tuple, 17 + 108 + 1 bytes. */
#define SOCK_PARAM_MAX 128

/*
 * The struct sock open as fd in the current task, or NULL if fd is not a
 * socket; then *filep holds a reference the caller drops with fput().
 *
 * Why a reference and not only rcu_read_lock(): RCU keeps a struct file
 * (until 6.7; since then its slab is SLAB_TYPESAFE_BY_RCU, so it may be
 * another file already) and a socket's inode readable, but not its struct
 * sock. A unix sock is freed, with the name it points to, as soon as
 * another thread's close() drops the last file reference, and reading it
 * then would chase freed pointers, where a BPF program's reads only fail.
 *
 * fget_raw() is an RCU lookup plus atomic_long_inc_not_zero(); fput() of
 * the last reference hands the release to task_work (or a workqueue).
 * Neither can sleep, so both are fine with preemption disabled, and
 * fget_raw() spares us the lookup API's changes in 6.7.
 * O_PATH files are included, like the BPF fd lookup, and are no socket.
 */
static struct sock *sock_get(s32 fd, struct file **filep)
{
	struct socket *sock;
	struct file *file;
	struct sock *sk;

	if (fd < 0)
		return NULL;
	file = fget_raw(fd);
	if (!file)
		return NULL;
	sock = sock_from_file(file);
	sk = sock ? READ_ONCE(sock->sk) : NULL;
	if (!sk) {
		fput(file);
		return NULL;
	}
	*filep = file;
	return sk;
}

bool ppm_read_user_sockaddr(struct event_filler_arguments *args, union ppm_sockaddr *addr,
			    unsigned long uaddr, int len)
{
	memset(addr, 0, sizeof(*addr));
	/* Lengths the kernel refuses with EINVAL: nothing it would have used. */
	if (!uaddr || len <= 0 || len > (int)sizeof(*addr))
		return false;
	if (copy_from_user_nofault(addr, (const void __user *)uaddr, len)) {
		ppm_count_fault_read(args);
		return false;
	}
	return true;
}

/* Integers in the machine's order, unaligned: the params are packed. */
static u8 *put_u16(u8 *dst, u16 val)
{
	memcpy(dst, &val, sizeof(val));
	return dst + sizeof(val);
}

static u8 *put_u64(u8 *dst, u64 val)
{
	memcpy(dst, &val, sizeof(val));
	return dst + sizeof(val);
}

/* An IPv4 end: the address in network order, the port in host order. */
static u8 *put_end4(u8 *dst, __be32 ip, __be16 port)
{
	memcpy(dst, &ip, sizeof(ip));
	return put_u16(dst + sizeof(ip), ntohs(port));
}

static u8 *put_end6(u8 *dst, const struct in6_addr *ip, __be16 port)
{
	memcpy(dst, ip, sizeof(*ip));
	return put_u16(dst + sizeof(*ip), ntohs(port));
}

/*
 * A unix path at dst from valid bytes of sun_path, in kernel memory, and a
 * NUL: a pathname up to its NUL, an abstract name (first byte NUL) as '@'
 * and every byte after it, inner NULs kept, so that two names never look
 * the same (Falco stops at the first one). Returns the bytes written.
 */
static u32 put_unix_path(u8 *dst, const char *sun_path, int valid)
{
	size_t n;

	if (!sun_path || valid <= 0) {
		dst[0] = '\0';
		return 1;
	}
	valid = min(valid, UNIX_PATH_MAX);
	if (sun_path[0] != '\0') {
		n = strnlen(sun_path, valid);
		memcpy(dst, sun_path, n);
		dst[n] = '\0';
		return n + 1;
	}
	dst[0] = '@';
	memcpy(dst + 1, sun_path + 1, valid - 1);
	dst[valid] = '\0';
	return valid + 1;
}

int sockaddr_to_ring(struct event_filler_arguments *args, unsigned long uaddr, int len)
{
	u8 buf[SOCK_PARAM_MAX];
	union ppm_sockaddr addr;
	u32 size;

	if (!ppm_read_user_sockaddr(args, &addr, uaddr, len))
		return push_empty_param(args);
	/*
	 * The family decides the layout, whatever len says: bytes past it
	 * read as 0, as in the BPF copy of the sockaddr.
	 */
	buf[0] = socket_family_to_scap(addr.sa.sa_family);
	switch (addr.sa.sa_family) {
	case AF_INET:
		size = put_end4(buf + 1, addr.in.sin_addr.s_addr, addr.in.sin_port) - buf;
		break;
	case AF_INET6:
		size = put_end6(buf + 1, &addr.in6.sin6_addr, addr.in6.sin6_port) - buf;
		break;
	case AF_UNIX:
		size = 1 + put_unix_path(buf + 1, addr.un.sun_path,
					 len - (int)offsetof(struct sockaddr_un, sun_path));
		break;
	default:
		/* No layout for other families: an empty param, as in Falco. */
		return push_empty_param(args);
	}
	return val_to_ring(args, (unsigned long)buf, size, false);
}

/*
 * The tuple is source then destination, the client first: we are the
 * source of an outbound connection (connect) and the destination of an
 * inbound one (accept). remote, if not NULL, is the other end as the
 * program gave it, read in the layout of the socket's family, whatever
 * its own sa_family says, as the BPF side does.
 */
static u32 inet_tuple(u8 *dst, struct sock *sk, bool inbound, const union ppm_sockaddr *remote)
{
	struct inet_sock *inet = inet_sk(sk);
	__be32 local_ip, remote_ip;
	__be16 local_port, remote_port;
	u8 *p = dst + 1;

	/* Bound to 0.0.0.0: the source address the route chose, as getsockname(). */
	local_ip = READ_ONCE(sk->sk_rcv_saddr);
	if (!local_ip)
		local_ip = READ_ONCE(inet->inet_saddr);
	local_port = READ_ONCE(inet->inet_sport);
	if (remote) {
		remote_ip = remote->in.sin_addr.s_addr;
		remote_port = remote->in.sin_port;
	} else {
		remote_ip = READ_ONCE(sk->sk_daddr);
		remote_port = READ_ONCE(sk->sk_dport);
	}
	dst[0] = socket_family_to_scap(AF_INET);
	p = put_end4(p, inbound ? remote_ip : local_ip, inbound ? remote_port : local_port);
	p = put_end4(p, inbound ? local_ip : remote_ip, inbound ? local_port : remote_port);
	return p - dst;
}

#if IS_ENABLED(CONFIG_IPV6)
static u32 inet6_tuple(u8 *dst, struct sock *sk, bool inbound, const union ppm_sockaddr *remote)
{
	struct inet_sock *inet = inet_sk(sk);
	struct in6_addr local_ip, remote_ip;
	__be16 local_port, remote_port;
	struct ipv6_pinfo *np;
	u8 *p = dst + 1;

	/* Bound to "::": the chosen source, as for IPv4; none yet reads as "::". */
	local_ip = sk->sk_v6_rcv_saddr;
	if (ipv6_addr_any(&local_ip)) {
		np = READ_ONCE(inet->pinet6);
		local_ip = np ? np->saddr : in6addr_any;
	}
	local_port = READ_ONCE(inet->inet_sport);
	if (remote) {
		remote_ip = remote->in6.sin6_addr;
		remote_port = remote->in6.sin6_port;
	} else {
		remote_ip = sk->sk_v6_daddr;
		remote_port = READ_ONCE(sk->sk_dport);
	}
	dst[0] = socket_family_to_scap(AF_INET6);
	p = put_end6(p, inbound ? &remote_ip : &local_ip, inbound ? remote_port : local_port);
	p = put_end6(p, inbound ? &local_ip : &remote_ip, inbound ? local_port : remote_port);
	return p - dst;
}
#endif

/*
 * A unix end has no address to show, so the tuple holds the two struct
 * sock addresses (they tell connections apart), the server's first, and
 * the server's name: ours if we accepted (an accepted socket carries its
 * listener's name), else the one connect() was given.
 */
static u32 unix_tuple(u8 *dst, struct sock *sk, bool inbound, const union ppm_sockaddr *remote,
		      int remote_len)
{
	u64 us = (unsigned long)sk, peer = (unsigned long)READ_ONCE(unix_peer(sk));
	struct unix_address *addr;
	const char *sun_path = NULL;
	int valid = 0;
	u8 *p = dst + 1;

	dst[0] = socket_family_to_scap(AF_UNIX);
	p = put_u64(p, inbound ? us : peer);
	p = put_u64(p, inbound ? peer : us);
	if (inbound) {
		/* Set once by bind or connect, freed with the sock, which we pin. */
		addr = smp_load_acquire(&unix_sk(sk)->addr);
		if (addr) {
			sun_path = addr->name->sun_path;
			valid = addr->len - (int)offsetof(struct sockaddr_un, sun_path);
		}
	} else if (remote) {	/* connect() always has it: see fillers/net.c */
		sun_path = remote->un.sun_path;
		valid = remote_len - (int)offsetof(struct sockaddr_un, sun_path);
	}
	/* Unnamed: an empty path. */
	return (p - dst) + put_unix_path(p, sun_path, valid);
}

int socktuple_to_ring(struct event_filler_arguments *args, s32 fd, bool inbound,
		      const union ppm_sockaddr *remote, int remote_len)
{
	u8 buf[SOCK_PARAM_MAX];
	struct file *file;
	struct sock *sk;
	u32 size = 0;

	sk = sock_get(fd, &file);
	if (!sk)
		return push_empty_param(args);
	switch (READ_ONCE(sk->sk_family)) {
	case AF_INET:
		size = inet_tuple(buf, sk, inbound, remote);
		break;
#if IS_ENABLED(CONFIG_IPV6)
	case AF_INET6:
		size = inet6_tuple(buf, sk, inbound, remote);
		break;
#endif
	case AF_UNIX:
		size = unix_tuple(buf, sk, inbound, remote, remote_len);
		break;
	}
	fput(file);
	/* Other families have no tuple layout: an empty param, as in Falco. */
	if (!size)
		return push_empty_param(args);
	return val_to_ring(args, (unsigned long)buf, size, false);
}

int connect_tuple_to_ring(struct event_filler_arguments *args, s32 fd,
			  const union ppm_sockaddr *remote, int remote_len)
{
	return socktuple_to_ring(args, fd, false, remote, remote_len);
}

int accept_tuple_to_ring(struct event_filler_arguments *args, s32 fd)
{
	return socktuple_to_ring(args, fd, true, NULL, 0);
}

int accept_queue_to_ring(struct event_filler_arguments *args, s32 listen_fd)
{
	struct file *file;
	struct sock *sk;
	u32 len, max;
	int res;

	sk = sock_get(listen_fd, &file);
	if (!sk) {
		/* Parameter 3: queuepct (type: PT_UINT8), empty: not a socket */
		res = push_empty_param(args);
		if (res)
			return res;
		/* Parameter 4: queuelen (type: PT_UINT32), empty: not a socket */
		res = push_empty_param(args);
		if (res)
			return res;
		/* Parameter 5: queuemax (type: PT_UINT32), empty: not a socket */
		return push_empty_param(args);
	}
	/* As the call returns: the connection just accepted has left the queue. */
	len = READ_ONCE(sk->sk_ack_backlog);
	max = READ_ONCE(sk->sk_max_ack_backlog);
	fput(file);

	/* Parameter 3: queuepct (type: PT_UINT8), len in percent of max, cut to 8 bits */
	res = val_to_ring(args, max ? (u64)len * 100 / max : 0, 0, false);
	if (res)
		return res;
	/* Parameter 4: queuelen (type: PT_UINT32), connections waiting */
	res = val_to_ring(args, len, 0, false);
	if (res)
		return res;
	/* Parameter 5: queuemax (type: PT_UINT32), listen()'s backlog, capped by somaxconn */
	return val_to_ring(args, max, 0, false);
}

int socketpair_socks_to_ring(struct event_filler_arguments *args, s32 fd)
{
	struct file *file;
	struct sock *sk = sock_get(fd, &file);
	u64 peer;
	int res;

	if (!sk) {
		res = push_empty_param(args);
		return res ? res : push_empty_param(args);
	}
	/* Only a unix sock has a peer field; other families' pairs show none. */
	peer = sk->sk_family == AF_UNIX ? (unsigned long)READ_ONCE(unix_peer(sk)) : 0;
	res = val_to_ring(args, (unsigned long)sk, 0, false);
	if (!res)
		res = val_to_ring(args, peer, 0, false);
	fput(file);
	return res;
}
