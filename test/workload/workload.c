// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * workload: syscalls with known arguments, for the tests in test/bats/.
 *
 *   workload files DIR      open, openat, openat2, creat, mkdir, mkdirat, chdir,
 *                           rename, renameat, renameat2, unlink, unlinkat
 *   workload io DIR         read, write, pread64, pwrite64, readv, writev, pipe,
 *                           pipe2, dup, dup2, dup3, mmap, munmap
 *   workload proc           kill, fork, vfork, clone, clone3, execve, execveat
 *   workload net DIR        socket, bind, listen, connect, accept, accept4 over
 *                           127.0.0.1, ::1 and an AF_UNIX path
 *   workload errors DIR     calls that fail: ENOENT, EBADF, ECONNREFUSED, EFAULT
 *   workload longpath DIR   paths of exactly 4095 bytes (PATH_MAX - 1), and 4096
 *   workload names DIR      file names with UTF-8, a newline, a quote
 *   workload burst N        N getppid calls, as fast as possible
 *   workload all DIR        all of the above but burst, in that order
 *
 *   sudo ./build/scap-open --json -- ./build/test/workload io /tmp/w
 *
 * Every call goes through syscall(SYS_xxx, ...) so that the syscall the test
 * expects is the one that runs: glibc's open() calls openat, its fork()
 * calls clone, its pipe() may call pipe2. The arguments are fixed (the
 * tests in test/bats/ know them by heart; keep both in step), and the files
 * live under DIR, which must exist and be empty of our names.
 *
 * Nothing is printed on success, so the capture sees only these calls. A
 * call that must succeed and does not, or must fail and does not fail as
 * expected, is reported on stderr and makes the exit status 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <linux/sched.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef __x86_64__
#error "workload: the raw syscalls here (and vfork's asm) are x86_64's"
#endif

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif

/* The network endpoints (test/bats/network.bats and errors.bats know them). */
#define PORT4_SERVER 47101	/* 127.0.0.1, listen backlog 7 */
#define PORT6_SERVER 47102	/* [::1], listen backlog 5 */
#define PORT4_CLIENT1 47111	/* accepted with accept4(SOCK_CLOEXEC) */
#define PORT4_CLIENT2 47112	/* accepted with accept */
#define PORT6_CLIENT 47113
#define PORT_REFUSED 47199	/* nothing listens here */
#define PORT_REFUSED_CLIENT 47198

#define MMAP_LEN 0x5a000	/* 368640: no loader maps exactly this */
#define SNAP_TEST_LEN 200	/* longer than the default snaplen (80) */

static int g_failures;

/* Report a call that did not do what it must. */
static void failed(const char *what)
{
	fprintf(stderr, "workload: %s failed: %s\n", what, strerror(errno));
	g_failures++;
}

/* ret is a call's result that must not be -1. Returns ret. */
static long must(long ret, const char *what)
{
	if (ret == -1)
		failed(what);
	return ret;
}

/* ret must be -1 with errno == want. */
static void must_fail(long ret, int want, const char *what)
{
	if (ret != -1) {
		fprintf(stderr, "workload: %s succeeded (%ld), expected %s\n", what, ret,
			strerror(want));
		g_failures++;
	} else if (errno != want) {
		fprintf(stderr, "workload: %s failed with '%s', expected '%s'\n", what,
			strerror(errno), strerror(want));
		g_failures++;
	}
}

/* ret must equal want (a byte count). */
static void must_equal(long ret, long want, const char *what)
{
	if (ret == -1)
		failed(what);
	else if (ret != want) {
		fprintf(stderr, "workload: %s returned %ld, expected %ld\n", what, ret, want);
		g_failures++;
	}
}

/* dir + "/" + name into buf (PATH_MAX bytes); exits if it does not fit. */
static char *path_in(char *buf, const char *dir, const char *name)
{
	if (snprintf(buf, PATH_MAX, "%s/%s", dir, name) >= PATH_MAX) {
		fprintf(stderr, "workload: path %s/%s too long\n", dir, name);
		exit(1);
	}
	return buf;
}

static void raw_close(int fd, const char *what)
{
	must(syscall(SYS_close, fd), what);
}

/* Wait for child pid and check that it exited with code. */
static void reap(long pid, int code, const char *what)
{
	int status;

	if (pid <= 0)
		return;
	if (waitpid(pid, &status, 0) != pid) {
		failed(what);
		return;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != code) {
		fprintf(stderr, "workload: %s: child status 0x%x, expected exit code %d\n", what,
			status, code);
		g_failures++;
	}
}

/* ---- files ------------------------------------------------------------ */

static void do_files(const char *dir)
{
	char p[PATH_MAX], q[PATH_MAX];
	struct open_how how = {
		.flags = O_RDWR | O_CREAT,
		.mode = 0600,
		.resolve = RESOLVE_NO_SYMLINKS,
	};
	long fd, dirfd;

	/* open(DIR/open_file, O_WRONLY|O_CREAT|O_TRUNC, 0644) */
	fd = must(syscall(SYS_open, path_in(p, dir, "open_file"), O_WRONLY | O_CREAT | O_TRUNC,
			  0644), "open");
	if (fd >= 0)
		raw_close(fd, "close of open_file");
	/* openat(AT_FDCWD, DIR/openat_file, O_WRONLY|O_CREAT|O_TRUNC, 0644) */
	fd = must(syscall(SYS_openat, AT_FDCWD, path_in(p, dir, "openat_file"),
			  O_WRONLY | O_CREAT | O_TRUNC, 0644), "openat");
	if (fd >= 0)
		raw_close(fd, "close of openat_file");
	/* openat2(AT_FDCWD, DIR/openat2_file, {O_RDWR|O_CREAT, 0600, RESOLVE_NO_SYMLINKS}) */
	fd = must(syscall(SYS_openat2, AT_FDCWD, path_in(p, dir, "openat2_file"), &how,
			  sizeof(how)), "openat2");
	if (fd >= 0)
		raw_close(fd, "close of openat2_file");
	/* creat(DIR/creat_file, 0640) */
	fd = must(syscall(SYS_creat, path_in(p, dir, "creat_file"), 0640), "creat");
	if (fd >= 0)
		raw_close(fd, "close of creat_file");

	/* mkdir(DIR/mkdir_dir, 0755) */
	must(syscall(SYS_mkdir, path_in(p, dir, "mkdir_dir"), 0755), "mkdir");
	/* dirfd = openat(AT_FDCWD, DIR, O_RDONLY|O_DIRECTORY|O_CLOEXEC) */
	dirfd = must(syscall(SYS_openat, AT_FDCWD, dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0),
		     "openat of DIR");
	if (dirfd < 0)
		return;
	/* mkdirat(dirfd, "mkdirat_dir", 0700) */
	must(syscall(SYS_mkdirat, dirfd, "mkdirat_dir", 0700), "mkdirat");
	/* chdir(DIR/mkdir_dir), then chdir(DIR) */
	must(syscall(SYS_chdir, path_in(p, dir, "mkdir_dir")), "chdir to mkdir_dir");
	must(syscall(SYS_chdir, dir), "chdir to DIR");

	/* rename(DIR/open_file, DIR/renamed_file) */
	must(syscall(SYS_rename, path_in(p, dir, "open_file"), path_in(q, dir, "renamed_file")),
	     "rename");
	/* renameat(dirfd, "openat_file", dirfd, "renamedat_file") */
	must(syscall(SYS_renameat, dirfd, "openat_file", dirfd, "renamedat_file"), "renameat");
	/* renameat2(dirfd, "creat_file", dirfd, "renamedat2_file", RENAME_NOREPLACE) */
	must(syscall(SYS_renameat2, dirfd, "creat_file", dirfd, "renamedat2_file",
		     RENAME_NOREPLACE), "renameat2");
	/* unlink(DIR/renamed_file) */
	must(syscall(SYS_unlink, path_in(p, dir, "renamed_file")), "unlink");
	/* unlinkat(dirfd, "renamedat_file", 0) */
	must(syscall(SYS_unlinkat, dirfd, "renamedat_file", 0), "unlinkat of a file");
	/* unlinkat(dirfd, "mkdirat_dir", AT_REMOVEDIR) */
	must(syscall(SYS_unlinkat, dirfd, "mkdirat_dir", AT_REMOVEDIR), "unlinkat of a dir");
	raw_close(dirfd, "close of dirfd");
}

/* ---- io --------------------------------------------------------------- */

static void do_io(const char *dir)
{
	static const char snap[SNAP_TEST_LEN + 1] =
		"0123456789012345678901234567890123456789012345678901234567890123456789"
		"0123456789012345678901234567890123456789012345678901234567890123456789"
		"012345678901234567890123456789012345678901234567890123456789";
	char p[PATH_MAX], buf[64], a[3], b[3], c[8];
	struct iovec wv[3] = {
		{ .iov_base = "one", .iov_len = 3 },
		{ .iov_base = "two", .iov_len = 3 },
		{ .iov_base = "three", .iov_len = 5 },
	};
	struct iovec rv[3] = {
		{ .iov_base = a, .iov_len = sizeof(a) },
		{ .iov_base = b, .iov_len = sizeof(b) },
		{ .iov_base = c, .iov_len = sizeof(c) },
	};
	int pfd[2];
	long fd, nfd, null;
	void *map;

	/* fd = openat(AT_FDCWD, DIR/io_file, O_RDWR|O_CREAT|O_TRUNC|O_CLOEXEC, 0600) */
	fd = must(syscall(SYS_openat, AT_FDCWD, path_in(p, dir, "io_file"),
			  O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600), "openat of io_file");
	if (fd < 0)
		return;
	/* write(fd, "hello", 5) = 5 */
	must_equal(syscall(SYS_write, fd, "hello", 5), 5, "write");
	/* writev(fd, ["one", "two", "three"], 3) = 11 */
	must_equal(syscall(SYS_writev, fd, wv, 3), 11, "writev");
	/* lseek(fd, 5, SEEK_SET); readv(fd, [3, 3, 8 bytes], 3) = 11 (EOF): "onetwothree" */
	must_equal(syscall(SYS_lseek, fd, 5, SEEK_SET), 5, "lseek to 5");
	must_equal(syscall(SYS_readv, fd, rv, 3), 11, "readv");
	/* pwrite64(fd, "WORLD", 5, 1000) = 5 */
	must_equal(syscall(SYS_pwrite64, fd, "WORLD", 5, 1000), 5, "pwrite64");
	/* pread64(fd, buf, 5, 1000) = 5: "WORLD" */
	must_equal(syscall(SYS_pread64, fd, buf, 5, 1000), 5, "pread64");
	/* lseek(fd, 0, SEEK_SET); read(fd, buf, 5) = 5: "hello" */
	must_equal(syscall(SYS_lseek, fd, 0, SEEK_SET), 0, "lseek to 0");
	must_equal(syscall(SYS_read, fd, buf, 5), 5, "read");

	/* dup(fd); dup2(fd, 100); dup3(fd, 101, O_CLOEXEC) */
	nfd = must(syscall(SYS_dup, fd), "dup");
	if (nfd >= 0)
		raw_close(nfd, "close of the dup");
	must_equal(syscall(SYS_dup2, fd, 100), 100, "dup2");
	raw_close(100, "close of fd 100");
	must_equal(syscall(SYS_dup3, fd, 101, O_CLOEXEC), 101, "dup3");
	raw_close(101, "close of fd 101");
	raw_close(fd, "close of io_file");

	/* pipe(pfd); write(pfd[1], "ping", 4) = 4; read(pfd[0], buf, 64) = 4: "ping" */
	if (must(syscall(SYS_pipe, pfd), "pipe") == 0) {
		must_equal(syscall(SYS_write, pfd[1], "ping", 4), 4, "write to the pipe");
		must_equal(syscall(SYS_read, pfd[0], buf, sizeof(buf)), 4, "read from the pipe");
		raw_close(pfd[0], "close of the pipe's read end");
		raw_close(pfd[1], "close of the pipe's write end");
	}
	/* pipe2(pfd, O_CLOEXEC); 5 bytes with a NUL and a 0xff through it */
	if (must(syscall(SYS_pipe2, pfd, O_CLOEXEC), "pipe2") == 0) {
		must_equal(syscall(SYS_write, pfd[1], "bin\0\xff", 5), 5, "write of binary data");
		must_equal(syscall(SYS_read, pfd[0], buf, 5), 5, "read of binary data");
		raw_close(pfd[0], "close of the pipe2's read end");
		raw_close(pfd[1], "close of the pipe2's write end");
	}

	/* write(/dev/null, 200 bytes "0123456789..."): more than the snaplen */
	null = must(syscall(SYS_openat, AT_FDCWD, "/dev/null", O_WRONLY | O_CLOEXEC, 0),
		    "openat of /dev/null");
	if (null >= 0) {
		must_equal(syscall(SYS_write, null, snap, SNAP_TEST_LEN), SNAP_TEST_LEN,
			   "write of 200 bytes");
		raw_close(null, "close of /dev/null");
	}

	/* mmap(NULL, MMAP_LEN, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) */
	map = (void *)syscall(SYS_mmap, NULL, MMAP_LEN, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED) {
		failed("mmap");
		return;
	}
	/* munmap(map, MMAP_LEN) */
	must(syscall(SYS_munmap, map, MMAP_LEN), "munmap");
}

/* ---- proc ------------------------------------------------------------- */

/*
 * vfork, with the child's exit in the same asm block: a vforked child shares
 * the parent's stack, so it must not return from a C function (the
 * syscall() wrapper) before it exits. Returns the child's pid, or -errno.
 */
static long raw_vfork_exit(int code)
{
	long ret;

	__asm__ volatile("syscall\n\t"
			 "test %%rax, %%rax\n\t"
			 "jnz 1f\n\t"
			 "mov %k[code], %%edi\n\t"
			 "mov %[exit_nr], %%eax\n\t"
			 "syscall\n\t"
			 "1:"
			 : "=a"(ret)
			 : "0"((long)SYS_vfork), [code] "r"(code), [exit_nr] "i"(SYS_exit_group)
			 : "rcx", "r11", "rdi", "memory");
	return ret;
}

static const char bin_true[] = "/bin/true";
/*
 * Read a string, so that its page is mapped in this process. A BPF probe
 * reads user memory without faulting pages in, and a child just forked
 * has no page table entries yet for the file-backed pages of its parent
 * (.rodata): the probe would fail to read an execve's filename there and
 * store it as absent. Real programs often pass heap strings, which fork
 * does copy; the workload makes its case the same, on purpose.
 */
static void prefault(const char *s)
{
	for (const volatile char *p = s; *p; p++)
		;
}

static char *const exec_argv[] = { "scaplab-true", "arg-one", "arg two", NULL };
static char *const exec_envp[] = { "SCAPLAB_WORKLOAD=1", NULL };

static void do_proc(void)
{
	struct clone_args cl = { .flags = CLONE_CHILD_CLEARTID, .exit_signal = SIGCHLD };
	pid_t parent_tid = 0, child_tid = 0;
	long pid;

	/* kill(getpid(), 0) = 0 */
	must(syscall(SYS_kill, getpid(), 0), "kill");

	/* fork(): the child exits 11 */
	pid = must(syscall(SYS_fork), "fork");
	if (pid == 0)
		_exit(11);
	reap(pid, 11, "fork");
	/* vfork(): the child exits 12 */
	pid = raw_vfork_exit(12);
	if (pid < 0) {
		errno = -pid;
		failed("vfork");
	}
	reap(pid, 12, "vfork");
	/* clone(CLONE_PARENT_SETTID|SIGCHLD, NULL, &parent_tid, NULL, 0): the child exits 13 */
	pid = must(syscall(SYS_clone, CLONE_PARENT_SETTID | SIGCHLD, NULL, &parent_tid, NULL, 0),
		   "clone");
	if (pid == 0)
		_exit(13);
	reap(pid, 13, "clone");
	/* clone3({CLONE_CHILD_CLEARTID, child_tid, SIGCHLD}): the child exits 14 */
	cl.child_tid = (unsigned long)&child_tid;
	pid = must(syscall(SYS_clone3, &cl, sizeof(cl)), "clone3");
	if (pid == 0)
		_exit(14);
	reap(pid, 14, "clone3");

	/* execve("/nonexistent/scaplab-missing", ...) fails with ENOENT */
	must_fail(syscall(SYS_execve, "/nonexistent/scaplab-missing", exec_argv, exec_envp),
		  ENOENT, "execve of a missing file");
	/* execveat(AT_FDCWD, "/nonexistent/scaplab-missing", ..., 0) fails with ENOENT */
	must_fail(syscall(SYS_execveat, AT_FDCWD, "/nonexistent/scaplab-missing", exec_argv,
			  exec_envp, 0), ENOENT, "execveat of a missing file");
	/* fork(); the child: execve("/bin/true", {"scaplab-true", "arg-one", "arg two"}) */
	pid = must(syscall(SYS_fork), "fork for execve");
	if (pid == 0) {
		prefault(bin_true);
		syscall(SYS_execve, bin_true, exec_argv, exec_envp);
		_exit(127);
	}
	reap(pid, 0, "execve of /bin/true");
	/* fork(); the child: execveat(AT_FDCWD, "/bin/true", same argv, 0) */
	pid = must(syscall(SYS_fork), "fork for execveat");
	if (pid == 0) {
		prefault(bin_true);
		syscall(SYS_execveat, AT_FDCWD, bin_true, exec_argv, exec_envp, 0);
		_exit(127);
	}
	reap(pid, 0, "execveat of /bin/true");
}

/* ---- net -------------------------------------------------------------- */

/* A TCP socket that resets on close, so that its fixed port never lingers in TIME_WAIT. */
static long tcp_socket(int domain, const char *what)
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

static struct sockaddr_in addr4(int port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

static struct sockaddr_in6 addr6(int port)
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
	must(syscall(SYS_connect, c2, &srv_addr, sizeof(srv_addr)), "connect from 47112");
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

static void do_net(const char *dir)
{
	net_ipv4();
	net_ipv6();
	net_unix(dir);
}

/* ---- errors ----------------------------------------------------------- */

static void do_errors(const char *dir)
{
	struct sockaddr_in refused = addr4(PORT_REFUSED), from = addr4(PORT_REFUSED_CLIENT);
	char p[PATH_MAX], buf[8];
	long s;

	/* ENOENT: open(DIR/missing_open, O_RDONLY), openat(AT_FDCWD, DIR/missing_openat, O_RDONLY) */
	must_fail(syscall(SYS_open, path_in(p, dir, "missing_open"), O_RDONLY, 0), ENOENT,
		  "open of a missing file");
	must_fail(syscall(SYS_openat, AT_FDCWD, path_in(p, dir, "missing_openat"), O_RDONLY, 0),
		  ENOENT, "openat of a missing file");
	/* ENOENT: unlink(DIR/missing_unlink) */
	must_fail(syscall(SYS_unlink, path_in(p, dir, "missing_unlink")), ENOENT,
		  "unlink of a missing file");
	/* EBADF: close(-1), read(999, buf, 7), write(999, "x", 1), dup(999) */
	must_fail(syscall(SYS_close, -1), EBADF, "close(-1)");
	must_fail(syscall(SYS_read, 999, buf, 7), EBADF, "read(999)");
	must_fail(syscall(SYS_write, 999, "x", 1), EBADF, "write(999)");
	must_fail(syscall(SYS_dup, 999), EBADF, "dup(999)");
	/* ECONNREFUSED: from 127.0.0.1:47198 to 127.0.0.1:47199, where nothing listens */
	s = tcp_socket(AF_INET, "socket for the refused connect");
	if (s >= 0) {
		must(syscall(SYS_bind, s, &from, sizeof(from)), "bind 127.0.0.1:47198");
		must_fail(syscall(SYS_connect, s, &refused, sizeof(refused)), ECONNREFUSED,
			  "connect to 127.0.0.1:47199");
		raw_close(s, "close of the refused socket");
	}
	/* EFAULT: (void *)1 as the path, unreadable: the path param must be null */
	must_fail(syscall(SYS_openat, AT_FDCWD, (void *)1, O_RDONLY, 0), EFAULT,
		  "openat of (void *)1");
	must_fail(syscall(SYS_open, (void *)1, O_RDONLY, 0), EFAULT, "open of (void *)1");
	/* ESRCH: kill(2147483647, 0) */
	must_fail(syscall(SYS_kill, 2147483647, 0), ESRCH, "kill of a missing pid");
}

/* ---- longpath --------------------------------------------------------- */

/*
 * DIR/longpath/ddd.../ddd.../fff...: nested directories of 200-byte names,
 * then a file, the whole absolute path exactly PATH_MAX - 1 = 4095 bytes.
 * Then openat of the same path with its last byte changed to 'g' (missing:
 * ENOENT) and of the 4096-byte path with one more 'f' (ENAMETOOLONG).
 */
static void do_longpath(const char *dir)
{
	char path[PATH_MAX + 2];
	size_t len;
	long fd;

	if (snprintf(path, sizeof(path), "%s/longpath", dir) >= 200) {
		fprintf(stderr, "workload: DIR is too long for the longpath test\n");
		g_failures++;
		return;
	}
	must(syscall(SYS_mkdir, path, 0755), "mkdir of DIR/longpath");
	len = strlen(path);
	/* Room left for at least "/f" after another "/ddd..."? */
	while (len + 201 + 2 <= PATH_MAX - 1) {
		path[len++] = '/';
		memset(path + len, 'd', 200);
		len += 200;
		path[len] = '\0';
		must(syscall(SYS_mkdir, path, 0755), "mkdir of a nested directory");
	}
	path[len++] = '/';
	memset(path + len, 'f', PATH_MAX - 1 - len);
	len = PATH_MAX - 1;
	path[len] = '\0';
	/* openat(AT_FDCWD, <4095 bytes>, O_WRONLY|O_CREAT|O_TRUNC, 0644) */
	fd = must(syscall(SYS_openat, AT_FDCWD, path, O_WRONLY | O_CREAT | O_TRUNC, 0644),
		  "openat of the 4095-byte path");
	if (fd >= 0)
		raw_close(fd, "close of the 4095-byte path");
	/* openat(AT_FDCWD, <4095 bytes ending in 'g'>, O_RDONLY) fails with ENOENT */
	path[len - 1] = 'g';
	must_fail(syscall(SYS_openat, AT_FDCWD, path, O_RDONLY, 0), ENOENT,
		  "openat of a missing 4095-byte path");
	/* openat(AT_FDCWD, <4096 bytes>, O_RDONLY) fails with ENAMETOOLONG */
	path[len - 1] = 'f';
	path[len++] = 'f';
	path[len] = '\0';
	must_fail(syscall(SYS_openat, AT_FDCWD, path, O_RDONLY, 0), ENAMETOOLONG,
		  "openat of a 4096-byte path");
}

/* ---- names ------------------------------------------------------------ */

static void do_names(const char *dir)
{
	static const char *const files[] = { "caf\xc3\xa9-\xc3\xa9.txt", "new\nline",
					     "q\"uo\\te" };
	char p[PATH_MAX];

	/* openat(AT_FDCWD, DIR/<name>, O_WRONLY|O_CREAT|O_TRUNC, 0644) for each name */
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		long fd = must(syscall(SYS_openat, AT_FDCWD, path_in(p, dir, files[i]),
				       O_WRONLY | O_CREAT | O_TRUNC, 0644), files[i]);
		if (fd >= 0)
			raw_close(fd, "close of a named file");
	}
	/* mkdir(DIR/répertoire, 0755) */
	must(syscall(SYS_mkdir, path_in(p, dir, "r\xc3\xa9pertoire"), 0755), "mkdir of répertoire");
}

/* ---- burst ------------------------------------------------------------ */

static void do_burst(const char *count)
{
	char *end;
	long n = strtol(count, &end, 10);

	if (*count == '\0' || *end || n < 0) {
		fprintf(stderr, "workload: burst: '%s' is not a count\n", count);
		exit(2);
	}
	for (long i = 0; i < n; i++)
		syscall(SYS_getppid);
}

static int usage(void)
{
	fprintf(stderr, "usage: workload files|io|net|errors|longpath|names|all DIR\n"
			"       workload proc\n"
			"       workload burst N\n");
	return 2;
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : "";
	const char *arg = argc > 2 ? argv[2] : NULL;

	if (!strcmp(cmd, "proc") && argc == 2)
		do_proc();
	else if (argc != 3)
		return usage();
	else if (!strcmp(cmd, "files"))
		do_files(arg);
	else if (!strcmp(cmd, "io"))
		do_io(arg);
	else if (!strcmp(cmd, "net"))
		do_net(arg);
	else if (!strcmp(cmd, "errors"))
		do_errors(arg);
	else if (!strcmp(cmd, "longpath"))
		do_longpath(arg);
	else if (!strcmp(cmd, "names"))
		do_names(arg);
	else if (!strcmp(cmd, "burst"))
		do_burst(arg);
	else if (!strcmp(cmd, "all")) {
		do_files(arg);
		do_io(arg);
		do_proc();
		do_net(arg);
		do_errors(arg);
		do_longpath(arg);
		do_names(arg);
	} else
		return usage();
	return g_failures ? 1 : 0;
}
