// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * workload privileged DIR: the calls a monitor watches because they reach
 * into another process or into the kernel, with arguments
 * test/bats/privileged.bats knows:
 *  - ptrace: a child asks to be traced (PTRACE_TRACEME) and stops; the
 *    parent reads a word of its memory (PEEKDATA), writes another
 *    (POKEDATA), lets it go with a signal (CONT, SIGWINCH, which it
 *    ignores); then one request on the reaped child fails (ESRCH);
 *  - bpf: an array map and a two-instruction socket filter are made, the
 *    map gets a value, and an unknown command fails (EINVAL);
 *  - quotactl: DIR is no block device, so every call but Q_SYNC fails
 *    (ENOTBLK); the structs passed are in the events all the same.
 */
#include <linux/bpf.h>
#include <linux/quota.h>
#include <sys/ptrace.h>
#include "workload.h"

/* <linux/quota.h>'s QCMD shifts an int past its sign bit; this one does not. */
#define UQCMD(cmd, type) (((unsigned int)(cmd) << SUBCMDSHIFT) | ((type) & SUBCMDMASK))

/* The word the parent peeks, then pokes, in the child's copy of this variable. */
static volatile unsigned long g_tracee_word = PTRACE_WORD_BEFORE;

/* Is this process traced already (strace -f)? /proc/self/status's TracerPid. */
static int traced_by_another(void)
{
	char line[128];
	int tracer = 0;
	FILE *f = fopen("/proc/self/status", "r");

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "TracerPid: %d", &tracer) == 1)
			break;
	fclose(f);
	return tracer != 0;
}

/*
 * Under another tracer the child cannot be traced: PTRACE_TRACEME fails,
 * the child exits, and each request of the parent fails. It makes the
 * same calls all the same, and says nothing (test/bats/counts.bats counts
 * them with strace -f): raise() sends signal 0 instead of SIGSTOP.
 */
static void do_ptrace_calls(void)
{
	int quiet = traced_by_another();
	unsigned long word = 0;
	long child, ret;
	int status;

	child = must(syscall(SYS_fork), "fork a tracee");
	if (child == 0) {
		ret = syscall(SYS_ptrace, PTRACE_TRACEME, 0, 0, 0);
		raise(ret == 0 ? SIGSTOP : 0);
		_exit(ret ? 3 : g_tracee_word == PTRACE_WORD_AFTER ? 0 : 4);
	}
	if (child < 0)
		return;
	if ((waitpid(child, &status, 0) != child || !WIFSTOPPED(status)) && !quiet)
		failed("waitpid: the tracee did not stop");
	ret = syscall(SYS_ptrace, PTRACE_PEEKDATA, child, &g_tracee_word, &word);
	if ((ret < 0 || word != PTRACE_WORD_BEFORE) && !quiet)
		failed("ptrace(PTRACE_PEEKDATA) of the tracee's word");
	ret = syscall(SYS_ptrace, PTRACE_POKEDATA, child, &g_tracee_word, PTRACE_WORD_AFTER);
	if (ret < 0 && !quiet)
		failed("ptrace(PTRACE_POKEDATA)");
	ret = syscall(SYS_ptrace, PTRACE_CONT, child, 0, SIGWINCH);
	if (ret < 0 && !quiet)
		failed("ptrace(PTRACE_CONT)");
	if (!quiet)
		reap(child, 0, "the tracee");
	ret = syscall(SYS_ptrace, PTRACE_PEEKDATA, child, &g_tracee_word, &word);
	if (!quiet)
		must_fail(ret, ESRCH, "ptrace(PTRACE_PEEKDATA) on a reaped child");
}

static long sys_bpf(int cmd, union bpf_attr *attr)
{
	return syscall(SYS_bpf, cmd, attr, sizeof(*attr));
}

static void do_bpf_calls(void)
{
	/* r0 = 0; exit: a socket filter that keeps no byte. */
	struct bpf_insn insns[2] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	__u32 key = 0;
	__u64 value = 42;
	union bpf_attr attr;
	long map, prog;

	memset(&attr, 0, sizeof(attr));
	attr.map_type = BPF_MAP_TYPE_ARRAY;
	attr.key_size = sizeof(key);
	attr.value_size = sizeof(value);
	attr.max_entries = 1;
	map = must(sys_bpf(BPF_MAP_CREATE, &attr), "bpf(BPF_MAP_CREATE)");

	memset(&attr, 0, sizeof(attr));
	attr.map_fd = map;
	attr.key = (unsigned long)&key;
	attr.value = (unsigned long)&value;
	must_equal(sys_bpf(BPF_MAP_UPDATE_ELEM, &attr), 0, "bpf(BPF_MAP_UPDATE_ELEM)");

	memset(&attr, 0, sizeof(attr));
	attr.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	attr.insns = (unsigned long)insns;
	attr.insn_cnt = 2;
	attr.license = (unsigned long)"GPL";
	prog = must(sys_bpf(BPF_PROG_LOAD, &attr), "bpf(BPF_PROG_LOAD)");

	memset(&attr, 0, sizeof(attr));
	must_fail(sys_bpf(BPF_BAD_CMD, &attr), EINVAL, "bpf(an unknown command)");
	if (prog >= 0)
		raw_close(prog, "close the bpf program");
	if (map >= 0)
		raw_close(map, "close the bpf map");
}

static void do_quotactl_calls(const char *dir)
{
	char quota_file[PATH_MAX];
	/* Not all valid: the fields whose bit is clear must be 0 in the event. */
	struct if_dqblk set = {
		.dqb_bhardlimit = 1000, .dqb_bsoftlimit = 800, .dqb_curspace = 12345,
		.dqb_ihardlimit = 100, .dqb_isoftlimit = 80, .dqb_curinodes = 7,
		.dqb_btime = 1700000000, .dqb_itime = 1700000001,
		.dqb_valid = QIF_BLIMITS | QIF_ILIMITS | QIF_BTIME,
	};
	/* The caller's buffer before a Q_GETQUOTA that fails: never read. */
	struct if_dqblk get = {
		.dqb_bhardlimit = 999, .dqb_valid = QIF_ALL,
	};
	struct if_dqinfo info = {
		.dqi_bgrace = 604800, .dqi_igrace = 86400,
		.dqi_flags = DQF_ROOT_SQUASH, .dqi_valid = IIF_ALL,
	};
	__u32 fmt = QFMT_VFS_V0;

	path_in(quota_file, dir, "aquota.user");
	must_fail(syscall(SYS_quotactl, UQCMD(Q_QUOTAON, USRQUOTA), dir, QFMT_VFS_V1, quota_file),
		  ENOTBLK, "quotactl(Q_QUOTAON)");
	must_fail(syscall(SYS_quotactl, UQCMD(Q_SETQUOTA, GRPQUOTA), dir, QUOTA_ID, &set),
		  ENOTBLK, "quotactl(Q_SETQUOTA)");
	must_fail(syscall(SYS_quotactl, UQCMD(Q_GETQUOTA, USRQUOTA), dir, QUOTA_ID + 1, &get),
		  ENOTBLK, "quotactl(Q_GETQUOTA)");
	must_fail(syscall(SYS_quotactl, UQCMD(Q_SETINFO, USRQUOTA), dir, 0, &info),
		  ENOTBLK, "quotactl(Q_SETINFO)");
	must_fail(syscall(SYS_quotactl, UQCMD(Q_GETFMT, USRQUOTA), dir, 0, &fmt),
		  ENOTBLK, "quotactl(Q_GETFMT)");
	/* A struct that cannot be read: its eleven params are empty. */
	must_fail(syscall(SYS_quotactl, UQCMD(Q_SETQUOTA, USRQUOTA), dir, QUOTA_ID, 1L),
		  ENOTBLK, "quotactl(Q_SETQUOTA) of an unreadable struct");
	/* No device: sync every file system's quotas, which succeeds. */
	must(syscall(SYS_quotactl, UQCMD(Q_SYNC, USRQUOTA), NULL, 0, NULL), "quotactl(Q_SYNC)");
}

void do_privileged(const char *dir)
{
	do_ptrace_calls();
	do_bpf_calls();
	do_quotactl_calls(dir);
}
