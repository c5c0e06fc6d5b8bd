// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * pwrite_kill: the calls of lab 05, with known arguments, for its grader
 * (debugging.bats) and for you to trace with strace, bpftrace and scap-open.
 *
 *   sudo ./build/scap-open --json -- ./build/labs/05-debugging/tests/pwrite_kill /tmp/lab05
 *
 * Exercise 05.1, pwrite64 on DIR/data:
 *   pwrite64(fd, PWRITE_DATA, 32, 4096) = 32
 *   pwrite64(fd, 200 bytes "0123456789...", 200, 0) = 200   data cut at the snaplen
 *   pwrite64(fd, 5000 bytes "abcdefghij...", 5000, 0) = 5000 cut at 4096, the largest
 *                                                            snaplen scap-open takes
 *   pwrite64(fd, (void *)1, 16, 0) = -EFAULT                 unreadable buffer
 * Exercise 05.2, kill, after setpgid(0, 0) made us a process group alone:
 *   kill(-pgid, SIGWINCH) = 0          the group: only us; SIGWINCH is ignored
 *   kill(INT_MIN, SIGURG) = -ESRCH     the kernel refuses the most negative pid
 *   kill(getpid(), SIGCONT) = 0        a plain pid, a real (harmless) signal
 *   kill(INT_MAX, 0) = -ESRCH          the largest pid: no such process
 *
 * Every call goes through syscall(SYS_xxx, ...), so the syscall that runs is
 * the one the grader looks for (glibc's pwrite() is pwrite64, but says so
 * nowhere). The kill pids are passed as the unsigned 32-bit value in a
 * 64-bit register: the high half zero, the low half the int. That is what
 * the x86_64 ABI allows for an int argument and what compilers do when they
 * move an int into a register (a 32-bit mov zeroes the high half); writing
 * it out makes the grader's calls the same whatever the compiler does.
 *
 * Nothing is printed on success. A call that does not do what it must is
 * reported on stderr ("workload: ...") and makes the exit status 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define PWRITE_DATA "scaplab lab 05: pwrite64 at 4096"	/* 32 bytes */
#define PWRITE_POS 4096
#define LONG_LEN 200	/* longer than scap-open's default snaplen, 80 */
#define HUGE_LEN 5000	/* longer than the largest snaplen, SCAP_MAX_SNAPLEN */

static int g_failures;

/* ret must equal want; otherwise say which call and how it went. */
static void must_return(long ret, long want, const char *what)
{
	if (ret == -1)
		fprintf(stderr, "workload: %s failed: %s\n", what, strerror(errno));
	else if (ret != want)
		fprintf(stderr, "workload: %s returned %ld, expected %ld\n", what, ret, want);
	else
		return;
	g_failures++;
}

/* ret must be -1 with errno == want. */
static void must_fail(long ret, int want, const char *what)
{
	if (ret != -1)
		fprintf(stderr, "workload: %s succeeded (%ld), expected %s\n", what, ret,
			strerror(want));
	else if (errno != want)
		fprintf(stderr, "workload: %s failed with '%s', expected '%s'\n", what,
			strerror(errno), strerror(want));
	else
		return;
	g_failures++;
}

/* An int pid as a register holds it: low half the int, high half zero. */
static unsigned long pid_reg(int pid)
{
	return (unsigned int)pid;
}

static void pwrites(const char *dir)
{
	char path[4096], buf[HUGE_LEN];
	int fd;

	if (snprintf(path, sizeof(path), "%s/data", dir) >= (int)sizeof(path)) {
		fprintf(stderr, "workload: directory name too long: %s\n", dir);
		g_failures++;
		return;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0) {
		fprintf(stderr, "workload: open %s failed: %s\n", path, strerror(errno));
		g_failures++;
		return;
	}
	must_return(syscall(SYS_pwrite64, fd, PWRITE_DATA, strlen(PWRITE_DATA), PWRITE_POS),
		    strlen(PWRITE_DATA), "pwrite64 at 4096");
	for (int i = 0; i < LONG_LEN; i++)
		buf[i] = '0' + i % 10;
	must_return(syscall(SYS_pwrite64, fd, buf, LONG_LEN, 0), LONG_LEN, "pwrite64 of 200 bytes");
	for (int i = 0; i < HUGE_LEN; i++)
		buf[i] = 'a' + i % 10;
	must_return(syscall(SYS_pwrite64, fd, buf, HUGE_LEN, 0), HUGE_LEN, "pwrite64 of 5000 bytes");
	must_fail(syscall(SYS_pwrite64, fd, (void *)1, 16, 0), EFAULT, "pwrite64 from (void *)1");
	if (close(fd)) {
		fprintf(stderr, "workload: close %s failed: %s\n", path, strerror(errno));
		g_failures++;
	}
}

static void kills(void)
{
	pid_t me = getpid();

	/* Our own group, so that kill(-pgid) reaches no one else. */
	if (setpgid(0, 0)) {
		fprintf(stderr, "workload: setpgid(0, 0) failed: %s\n", strerror(errno));
		g_failures++;
		return;
	}
	must_return(syscall(SYS_kill, pid_reg(-me), SIGWINCH), 0, "kill(-pgid, SIGWINCH)");
	must_fail(syscall(SYS_kill, pid_reg(INT_MIN), SIGURG), ESRCH, "kill(INT_MIN, SIGURG)");
	must_return(syscall(SYS_kill, pid_reg(me), SIGCONT), 0, "kill(getpid(), SIGCONT)");
	must_fail(syscall(SYS_kill, pid_reg(INT_MAX), 0), ESRCH, "kill(INT_MAX, 0)");
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "workload: usage: %s DIR (an existing directory)\n", argv[0]);
		return 2;
	}
	pwrites(argv[1]);
	kills();
	return g_failures ? 1 : 0;
}
