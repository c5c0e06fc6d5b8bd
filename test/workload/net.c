// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * workload net DIR: socket, bind, listen, connect, accept, accept4 over
 * 127.0.0.1, ::1 and an AF_UNIX path; socketpair.
 * The tests that check its events know its arguments by heart: keep both
 * in step (test/bats/).
 */
#include "workload.h"

/* A TCP socket that resets on close, so that its fixed port never lingers in TIME_WAIT. */
long tcp_socket(int domain, const char *what)
{
	struct linger lg = { .l_onoff = 1, .l_linger = 0 };
	int one = 1;
	long fd = must(syscall(SYS_socket, domain, SOCK_STREAM, 0), what);

	if (fd >= 0) {
		must(setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)), "SO_REUSEADDR");
		must(setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)), "SO_LINGER");
	}
	return fd;
}

struct sockaddr_in addr4(int port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

/*
 * Wait until the listener's accept queue holds n connections. connect()
 * returns once the client has the server's SYN-ACK; the server queues the
 * connection when it gets the client's last ACK, which a loaded machine
 * may process later, in ksoftirqd on another CPU. Client 2 could then be
 * queued first: accept4 would return its socket, and the read of client
 * 1's bytes below would wait for ever (a guest under TCG did). For a
 * listener, TCP_INFO's tcpi_unacked is its queue length.
 */
static void wait_queued(long srv, unsigned int n)
{
	struct tcp_info ti;
	socklen_t len;

	for (int i = 0; i < 5000; i++) {
		len = sizeof(ti);
		if (getsockopt(srv, IPPROTO_TCP, TCP_INFO, &ti, &len) == 0 && ti.tcpi_unacked >= n)
			return;
		usleep(1000);
	}
	fprintf(stderr, "workload: the listener never held %u connections in 5 s\n", n);
}

struct sockaddr_in6 addr6(int port)
{
	struct sockaddr_in6 a = { .sin6_family = AF_INET6, .sin6_port = htons(port),
				  .sin6_addr = IN6ADDR_LOOPBACK_INIT };
	return a;
}

static void net_ipv4(void)
{
	struct sockaddr_in srv_addr = addr4(PORT4_SERVER), c1_addr = addr4(PORT4_CLIENT1),
			   c2_addr = addr4(PORT4_CLIENT2), peer;
	socklen_t peer_len = sizeof(peer);
	long srv, c1, c2, a1, a2;
	char buf[64];

	/* srv = socket(AF_INET, SOCK_STREAM, 0); bind 127.0.0.1:47101; listen(srv, 7) */
	srv = tcp_socket(AF_INET, "socket AF_INET");
	c1 = tcp_socket(AF_INET, "socket AF_INET client 1");
	c2 = tcp_socket(AF_INET, "socket AF_INET client 2");
	if (srv < 0 || c1 < 0 || c2 < 0)
		return;
	must(syscall(SYS_bind, srv, &srv_addr, sizeof(srv_addr)), "bind 127.0.0.1:47101");
	must(syscall(SYS_listen, srv, 7), "listen on 127.0.0.1:47101");
	/* Both clients from fixed ports: their tuples are known. */
	must(syscall(SYS_bind, c1, &c1_addr, sizeof(c1_addr)), "bind 127.0.0.1:47111");
	must(syscall(SYS_bind, c2, &c2_addr, sizeof(c2_addr)), "bind 127.0.0.1:47112");
	must(syscall(SYS_connect, c1, &srv_addr, sizeof(srv_addr)), "connect from 47111");
	wait_queued(srv, 1);
	must(syscall(SYS_connect, c2, &srv_addr, sizeof(srv_addr)), "connect from 47112");
	wait_queued(srv, 2);
	/*
	 * Two connections wait: accept4 takes the first and leaves 1 of 7 queued
	 * (queuepct 14), accept the second and leaves 0.
	 */
	a1 = must(syscall(SYS_accept4, srv, NULL, NULL, SOCK_CLOEXEC), "accept4");
	a2 = must(syscall(SYS_accept, srv, &peer, &peer_len), "accept");
	/* write(c1, "net4", 4); read(a1, buf, 64) = 4 */
	must_equal(syscall(SYS_write, c1, "net4", 4), 4, "write to the socket");
	if (a1 >= 0)
		must_equal(syscall(SYS_read, a1, buf, sizeof(buf)), 4, "read from the socket");
	if (a1 >= 0)
		raw_close(a1, "close of accepted 1");
	if (a2 >= 0)
		raw_close(a2, "close of accepted 2");
	raw_close(c1, "close of client 1");
	raw_close(c2, "close of client 2");
	raw_close(srv, "close of the IPv4 server");
}

static void net_ipv6(void)
{
	struct sockaddr_in6 srv_addr = addr6(PORT6_SERVER), cli_addr = addr6(PORT6_CLIENT);
	long srv, cli, acc;

	/* srv = socket(AF_INET6, SOCK_STREAM, 0); bind [::1]:47102; listen(srv, 5) */
	srv = tcp_socket(AF_INET6, "socket AF_INET6");
	cli = tcp_socket(AF_INET6, "socket AF_INET6 client");
	if (srv < 0 || cli < 0)
		return;
	must(syscall(SYS_bind, srv, &srv_addr, sizeof(srv_addr)), "bind [::1]:47102");
	must(syscall(SYS_listen, srv, 5), "listen on [::1]:47102");
	must(syscall(SYS_bind, cli, &cli_addr, sizeof(cli_addr)), "bind [::1]:47113");
	must(syscall(SYS_connect, cli, &srv_addr, sizeof(srv_addr)), "connect to [::1]:47102");
	acc = must(syscall(SYS_accept4, srv, NULL, NULL, SOCK_CLOEXEC), "accept4 on [::1]");
	if (acc >= 0)
		raw_close(acc, "close of the accepted IPv6 socket");
	raw_close(cli, "close of the IPv6 client");
	raw_close(srv, "close of the IPv6 server");
}

static void net_unix(const char *dir)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	long srv, cli, acc;

	/* DIR/unix.sock: bind, listen(srv, 3), connect, accept4(SOCK_CLOEXEC) */
	if (snprintf(a.sun_path, sizeof(a.sun_path), "%s/unix.sock", dir) >=
	    (int)sizeof(a.sun_path)) {
		fprintf(stderr, "workload: %s/unix.sock is too long for a sockaddr_un\n", dir);
		g_failures++;
		return;
	}
	srv = must(syscall(SYS_socket, AF_UNIX, SOCK_STREAM, 0), "socket AF_UNIX");
	cli = must(syscall(SYS_socket, AF_UNIX, SOCK_STREAM, 0), "socket AF_UNIX client");
	if (srv < 0 || cli < 0)
		return;
	must(syscall(SYS_bind, srv, &a, sizeof(a)), "bind DIR/unix.sock");
	must(syscall(SYS_listen, srv, 3), "listen on DIR/unix.sock");
	must(syscall(SYS_connect, cli, &a, sizeof(a)), "connect to DIR/unix.sock");
	acc = must(syscall(SYS_accept4, srv, NULL, NULL, SOCK_CLOEXEC), "accept4 on unix.sock");
	if (acc >= 0)
		raw_close(acc, "close of the accepted unix socket");
	raw_close(cli, "close of the unix client");
	raw_close(srv, "close of the unix server");
	must(syscall(SYS_unlink, a.sun_path), "unlink of DIR/unix.sock");
}

/* socketpair(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC): two ends; AF_INET has no pairs. */
static void net_pair(void)
{
	int sv[2];

	if (must(syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv),
		 "socketpair AF_UNIX") == 0) {
		raw_close(sv[0], "close of the pair's first end");
		raw_close(sv[1], "close of the pair's second end");
	}
	must_fail(syscall(SYS_socketpair, AF_INET, SOCK_STREAM, 0, sv), EOPNOTSUPP,
		  "socketpair AF_INET");
}

void do_net(const char *dir)
{
	net_ipv4();
	net_ipv6();
	net_unix(dir);
	net_pair();
}
