// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * workload: syscalls with known arguments, for the tests in test/bats/.
 *
 *   workload autofill DIR   the autofilled syscalls: stat, fcntl, getuid, ... (autofill.c)
 *   workload files DIR      open, openat, openat2, creat, mkdir, mkdirat, chdir,
 *                           rename, renameat, renameat2, unlink, unlinkat
 *   workload io DIR         read, write, pread64, pwrite64, readv, writev, pipe,
 *                           pipe2, dup, dup2, dup3, mmap, munmap
 *   workload proc           kill, fork, vfork, clone, clone3, execve, execveat
 *   workload net DIR        socket, bind, listen, connect, accept, accept4 over
 *                           127.0.0.1, ::1 and an AF_UNIX path
 *   workload netio DIR      sendto, recvfrom, sendmsg, recvmsg over UDP, an
 *                           AF_UNIX datagram path and a socketpair; poll, ppoll
 *   workload errors DIR     calls that fail: ENOENT, EBADF, ECONNREFUSED, EFAULT
 *   workload longpath DIR   paths of exactly 4095 bytes (PATH_MAX - 1), and 4096
 *   workload names DIR      file names with UTF-8, a newline, a quote
 *   workload privileged DIR ptrace, bpf, quotactl (privileged.c)
 *   workload burst N        N getppid calls, as fast as possible
 *   workload wrap N         N writes of data made from their number, in
 *                           batches (wrap.c): for small buffers
 *   workload all DIR        files, io, proc, net, netio, errors, longpath, names,
 *                           privileged: not autofill, which test/falco/falco.bats
 *                           runs on its own (its fcntl on the inherited stdin
 *                           names an fd scap-open -r cannot know: it reads no
 *                           fd list from a capture file yet)
 *   workload comm DIR, socknames DIR, forge, tree DIR N MS LINGER
 *                           the traced program as an attacker (hostile.c)
 *
 *   sudo ./build/scap-open --json -- ./build/test/workload io /tmp/w
 *
 * One file per scenario (files.c, io.c, ...), declared in workload.h.
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
#include "workload.h"

int g_failures;

void failed(const char *what)
{
	fprintf(stderr, "workload: %s failed: %s\n", what, strerror(errno));
	g_failures++;
}

long must(long ret, const char *what)
{
	if (ret == -1)
		failed(what);
	return ret;
}

void must_fail(long ret, int want, const char *what)
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

void must_equal(long ret, long want, const char *what)
{
	if (ret == -1)
		failed(what);
	else if (ret != want) {
		fprintf(stderr, "workload: %s returned %ld, expected %ld\n", what, ret, want);
		g_failures++;
	}
}

char *path_in(char *buf, const char *dir, const char *name)
{
	if (snprintf(buf, PATH_MAX, "%s/%s", dir, name) >= PATH_MAX) {
		fprintf(stderr, "workload: path %s/%s too long\n", dir, name);
		exit(1);
	}
	return buf;
}

void raw_close(int fd, const char *what)
{
	must(syscall(SYS_close, fd), what);
}

void reap(long pid, int code, const char *what)
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

static int usage(void)
{
	fprintf(stderr, "usage: workload files|io|net|netio|errors|longpath|names|autofill|privileged|all DIR\n"
			"       workload comm|socknames DIR\n"
			"       workload proc|forge|ptrace\n"
			"       workload burst|wrap|forks N\n"
			"       workload tree DIR N MS LINGER\n");
	return 2;
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : "";
	const char *arg = argc > 2 ? argv[2] : NULL;

	if (!strcmp(cmd, "proc") && argc == 2)
		do_proc();
	else if (!strcmp(cmd, "ptrace") && argc == 2)
		do_ptrace();
	else if (!strcmp(cmd, "forge") && argc == 2)
		do_forge();
	else if (!strcmp(cmd, "tree") && argc == 6)
		do_tree(arg, argv[3], argv[4], argv[5]);
	else if (argc != 3)
		return usage();
	else if (!strcmp(cmd, "files"))
		do_files(arg);
	else if (!strcmp(cmd, "autofill"))
		do_autofill(arg);
	else if (!strcmp(cmd, "io"))
		do_io(arg);
	else if (!strcmp(cmd, "net"))
		do_net(arg);
	else if (!strcmp(cmd, "netio"))
		do_netio(arg);
	else if (!strcmp(cmd, "errors"))
		do_errors(arg);
	else if (!strcmp(cmd, "longpath"))
		do_longpath(arg);
	else if (!strcmp(cmd, "names"))
		do_names(arg);
	else if (!strcmp(cmd, "privileged"))
		do_privileged(arg);
	else if (!strcmp(cmd, "comm"))
		do_comm(arg);
	else if (!strcmp(cmd, "socknames"))
		do_socknames(arg);
	else if (!strcmp(cmd, "burst"))
		do_burst(arg);
	else if (!strcmp(cmd, "wrap"))
		do_wrap(arg);
	else if (!strcmp(cmd, "forks"))
		do_forks(arg);
	else if (!strcmp(cmd, "all")) {
		do_files(arg);
		do_io(arg);
		do_proc();
		do_net(arg);
		do_netio(arg);
		do_errors(arg);
		do_longpath(arg);
		do_names(arg);
		do_privileged(arg);
	} else
		return usage();
	return g_failures ? 1 : 0;
}
