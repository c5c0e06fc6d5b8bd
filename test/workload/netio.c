// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * workload netio DIR: data on sockets, sendto, recvfrom, sendmsg and
 * recvmsg, over UDP on 127.0.0.1 and [::1], an AF_UNIX datagram socket
 * bound to DIR/dgram.srv, and a connected socketpair, where the calls
 * carry no address; then poll and ppoll, on a pipe; then socket options
 * (setsockopt, getsockopt). The tests that check its events know its
 * arguments by heart: keep both in step (test/bats/netio.bats).
 */
#include <netinet/tcp.h>
#include <poll.h>

#include "workload.h"

/* A datagram socket bound to addr, or -1 (reported). */
static long dgram_bound(const void *addr, socklen_t len, const char *what)
{
	long fd = must(syscall(SYS_socket, ((const struct sockaddr *)addr)->sa_family,
			       SOCK_DGRAM, 0), what);

	if (fd >= 0)
		must(syscall(SYS_bind, fd, addr, len), what);
	return fd;
}

/* recvfrom(fd, buf, 64, 0, &from, &len): must receive want bytes. */
static void recv_from(long fd, long want, const char *what)
{
	struct sockaddr_storage from;
	socklen_t len = sizeof(from);
	char buf[64];

	must_equal(syscall(SYS_recvfrom, fd, buf, sizeof(buf), 0, &from, &len), want, what);
}

/*
 * 127.0.0.1:47122 -> 127.0.0.1:47121: sendto "ping-sendto" (11 bytes),
 * recvfrom; sendmsg "ping-" "sendmsg" (12 bytes in 2 iovecs), recvmsg into
 * 8 + 64 bytes; then recvmsg with MSG_DONTWAIT on the empty socket
 * (EAGAIN), and sendmsg from an unreadable msghdr (EFAULT).
 */
static void netio_ipv4(void)
{
	struct sockaddr_in srv_addr = addr4(PORT4_DGRAM_SERVER);
	struct sockaddr_in cli_addr = addr4(PORT4_DGRAM_CLIENT);
	struct sockaddr_in from;
	char head[8], tail[64];
	struct iovec out[2] = { { "ping-", 5 }, { "sendmsg", 7 } };
	struct iovec in[2] = { { head, sizeof(head) }, { tail, sizeof(tail) } };
	struct msghdr smsg = { .msg_name = &srv_addr, .msg_namelen = sizeof(srv_addr),
			       .msg_iov = out, .msg_iovlen = 2 };
	struct msghdr rmsg = { .msg_name = &from, .msg_namelen = sizeof(from),
			       .msg_iov = in, .msg_iovlen = 2 };
	long srv, cli;

	srv = dgram_bound(&srv_addr, sizeof(srv_addr), "UDP server on 127.0.0.1:47121");
	cli = dgram_bound(&cli_addr, sizeof(cli_addr), "UDP client on 127.0.0.1:47122");
	if (srv < 0 || cli < 0)
		return;
	must_equal(syscall(SYS_sendto, cli, "ping-sendto", 11, 0, &srv_addr, sizeof(srv_addr)),
		   11, "sendto 127.0.0.1:47121");
	recv_from(srv, 11, "recvfrom on 127.0.0.1:47121");
	must_equal(syscall(SYS_sendmsg, cli, &smsg, 0), 12, "sendmsg to 127.0.0.1:47121");
	must_equal(syscall(SYS_recvmsg, srv, &rmsg, 0), 12, "recvmsg on 127.0.0.1:47121");
	rmsg.msg_namelen = sizeof(from);
	must_fail(syscall(SYS_recvmsg, srv, &rmsg, MSG_DONTWAIT), EAGAIN,
		  "recvmsg(MSG_DONTWAIT) on the empty UDP socket");
	must_fail(syscall(SYS_sendmsg, cli, (void *)1, 0), EFAULT,
		  "sendmsg from an unreadable msghdr");
	raw_close(cli, "close of the UDP client");
	raw_close(srv, "close of the UDP server");
}

/* [::1]:47124 -> [::1]:47123: sendto "ping6" (5 bytes), recvfrom. */
static void netio_ipv6(void)
{
	struct sockaddr_in6 srv_addr = addr6(PORT6_DGRAM_SERVER);
	struct sockaddr_in6 cli_addr = addr6(PORT6_DGRAM_CLIENT);
	long srv, cli;

	srv = dgram_bound(&srv_addr, sizeof(srv_addr), "UDP server on [::1]:47123");
	cli = dgram_bound(&cli_addr, sizeof(cli_addr), "UDP client on [::1]:47124");
	if (srv >= 0 && cli >= 0) {
		must_equal(syscall(SYS_sendto, cli, "ping6", 5, 0, &srv_addr, sizeof(srv_addr)),
			   5, "sendto [::1]:47123");
		recv_from(srv, 5, "recvfrom on [::1]:47123");
	}
	if (cli >= 0)
		raw_close(cli, "close of the UDP6 client");
	if (srv >= 0)
		raw_close(srv, "close of the UDP6 server");
}

/* DIR/dgram.cli -> DIR/dgram.srv: sendto "ping-unix" (9 bytes), recvfrom. */
static void netio_unix(const char *dir)
{
	struct sockaddr_un srv_addr = { .sun_family = AF_UNIX };
	struct sockaddr_un cli_addr = { .sun_family = AF_UNIX };
	long srv, cli;

	if (snprintf(srv_addr.sun_path, sizeof(srv_addr.sun_path), "%s/dgram.srv", dir) >=
		    (int)sizeof(srv_addr.sun_path) ||
	    snprintf(cli_addr.sun_path, sizeof(cli_addr.sun_path), "%s/dgram.cli", dir) >=
		    (int)sizeof(cli_addr.sun_path)) {
		fprintf(stderr, "workload: %s/dgram.srv is too long for a sockaddr_un\n", dir);
		g_failures++;
		return;
	}
	srv = dgram_bound(&srv_addr, sizeof(srv_addr), "unix datagram server DIR/dgram.srv");
	cli = dgram_bound(&cli_addr, sizeof(cli_addr), "unix datagram client DIR/dgram.cli");
	if (srv >= 0 && cli >= 0) {
		must_equal(syscall(SYS_sendto, cli, "ping-unix", 9, 0, &srv_addr,
				   sizeof(srv_addr)), 9, "sendto DIR/dgram.srv");
		recv_from(srv, 9, "recvfrom on DIR/dgram.srv");
	}
	if (cli >= 0)
		raw_close(cli, "close of the unix datagram client");
	if (srv >= 0)
		raw_close(srv, "close of the unix datagram server");
	must(syscall(SYS_unlink, srv_addr.sun_path), "unlink of DIR/dgram.srv");
	must(syscall(SYS_unlink, cli_addr.sun_path), "unlink of DIR/dgram.cli");
}

/*
 * A connected pair: sendto "ping-pair" (9 bytes) with no address, and
 * recvfrom with neither address nor length. Both tuples are empty.
 */
static void netio_pair(void)
{
	char buf[64];
	int sv[2];

	if (must(syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, sv), "socketpair") != 0)
		return;
	must_equal(syscall(SYS_sendto, sv[0], "ping-pair", 9, 0, NULL, 0), 9,
		   "sendto on a connected pair");
	must_equal(syscall(SYS_recvfrom, sv[1], buf, sizeof(buf), 0, NULL, NULL), 9,
		   "recvfrom on a connected pair");
	raw_close(sv[0], "close of the pair's first end");
	raw_close(sv[1], "close of the pair's second end");
}

/*
 * A pipe with one byte in it: poll({r, POLLIN}, {w, POLLOUT}, {-1, POLLIN})
 * with timeout 0 finds 2 fds ready (-1 is skipped); ppoll({r, POLLIN |
 * POLLPRI}) with 1.5 s and SIGUSR1 masked finds r; ppoll of no fds with
 * a zero timespec and no mask times out (0).
 */
static void netio_poll(void)
{
	struct pollfd fds[3] = { { .events = POLLIN }, { .events = POLLOUT },
				 { .fd = -1, .events = POLLIN } };
	struct timespec ts = { .tv_sec = 1, .tv_nsec = 500000000 }, zero = { 0 };
	unsigned long mask = 1UL << (SIGUSR1 - 1);
	int p[2];

	if (must(syscall(SYS_pipe2, p, 0), "pipe2 for poll") != 0)
		return;
	fds[0].fd = p[0];
	fds[1].fd = p[1];
	must_equal(syscall(SYS_write, p[1], "!", 1), 1, "write 1 byte to the pipe");
	must_equal(syscall(SYS_poll, fds, 3, 0), 2, "poll(pipe ends, -1)");
	fds[0].events = POLLIN | POLLPRI;
	must_equal(syscall(SYS_ppoll, fds, 1, &ts, &mask, sizeof(mask)), 1, "ppoll(read end)");
	must_equal(syscall(SYS_ppoll, NULL, 0, &zero, NULL, 0), 0, "ppoll(no fds, 0 s)");
	raw_close(p[0], "close of the poll pipe's read end");
	raw_close(p[1], "close of the poll pipe's write end");
}

/*
 * Socket options on a TCP socket: setsockopt SO_REUSEADDR 1, SO_RCVTIMEO
 * 2.5 s and SOL_TCP's TCP_NODELAY 1 (an option Falco stores as bytes);
 * getsockopt SO_TYPE (1, SOCK_STREAM), SO_ERROR (0) and SO_COOKIE (a u64);
 * then setsockopt SO_KEEPALIVE from an unreadable address (EFAULT).
 */
static void netio_sockopt(void)
{
	struct timeval tv = { .tv_sec = 2, .tv_usec = 500000 };
	socklen_t len = sizeof(int);
	unsigned long long cookie;
	int one = 1, v;
	long s;

	s = must(syscall(SYS_socket, AF_INET, SOCK_STREAM, 0), "socket for the options");
	if (s < 0)
		return;
	must_equal(syscall(SYS_setsockopt, s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)), 0,
		   "setsockopt SO_REUSEADDR");
	must_equal(syscall(SYS_setsockopt, s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)), 0,
		   "setsockopt SO_RCVTIMEO");
	must_equal(syscall(SYS_setsockopt, s, SOL_TCP, TCP_NODELAY, &one, sizeof(one)), 0,
		   "setsockopt TCP_NODELAY");
	must_equal(syscall(SYS_getsockopt, s, SOL_SOCKET, SO_TYPE, &v, &len), 0,
		   "getsockopt SO_TYPE");
	must_equal(syscall(SYS_getsockopt, s, SOL_SOCKET, SO_ERROR, &v, &len), 0,
		   "getsockopt SO_ERROR");
	len = sizeof(cookie);
	must_equal(syscall(SYS_getsockopt, s, SOL_SOCKET, SO_COOKIE, &cookie, &len), 0,
		   "getsockopt SO_COOKIE");
	must_fail(syscall(SYS_setsockopt, s, SOL_SOCKET, SO_KEEPALIVE, (void *)1, sizeof(int)),
		  EFAULT, "setsockopt from an unreadable address");
	raw_close(s, "close of the options' socket");
}

void do_netio(const char *dir)
{
	netio_ipv4();
	netio_ipv6();
	netio_unix(dir);
	netio_pair();
	netio_poll();
	netio_sockopt();
}
