// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * workload proc: kill, fork, vfork, clone, clone3, execve, execveat.
 * The tests that check its events know its arguments by heart: keep both
 * in step (test/bats/).
 */
#include "workload.h"

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

void do_proc(void)
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
