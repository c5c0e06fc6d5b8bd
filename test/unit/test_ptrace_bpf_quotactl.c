// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Unit test of the converters of ptrace, bpf and quotactl
 * (driver/ppm_ptrace_bpf.h, driver/ppm_quotactl.h): the raw numbers they
 * spell out for BPF against this system's headers, each request and
 * command a program passes, and which struct field the exit keeps.
 *
 * Build and run (from the repository root):
 *   make -f test/unit.mk unit-build && build/test/unit/test_ptrace_bpf_quotactl
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include <linux/bpf.h>
#include <linux/dqblk_xfs.h>
#include <linux/ptrace.h>
#include <linux/quota.h>
#include <asm/ptrace-abi.h>

#include "ppm_ptrace_bpf.h"
#include "ppm_quotactl.h"

/* <linux/quota.h>'s QCMD shifts an int past its sign bit: undefined, says UBSan. */
#define UQCMD(cmd, type) (((unsigned int)(cmd) << SUBCMDSHIFT) | ((type) & SUBCMDMASK))

/* Each request this system's headers define, and Falco's number for it. */
static void test_ptrace_requests(void **state)
{
	static const struct { long req; __u16 ppm; } known[] = {
		{ PTRACE_TRACEME, PPM_PTRACE_TRACEME }, { PTRACE_PEEKTEXT, PPM_PTRACE_PEEKTEXT },
		{ PTRACE_PEEKDATA, PPM_PTRACE_PEEKDATA }, { PTRACE_PEEKUSR, PPM_PTRACE_PEEKUSR },
		{ PTRACE_POKETEXT, PPM_PTRACE_POKETEXT }, { PTRACE_POKEDATA, PPM_PTRACE_POKEDATA },
		{ PTRACE_POKEUSR, PPM_PTRACE_POKEUSR }, { PTRACE_CONT, PPM_PTRACE_CONT },
		{ PTRACE_KILL, PPM_PTRACE_KILL }, { PTRACE_SINGLESTEP, PPM_PTRACE_SINGLESTEP },
		{ PTRACE_GETREGS, PPM_PTRACE_GETREGS }, { PTRACE_SETREGS, PPM_PTRACE_SETREGS },
		{ PTRACE_GETFPREGS, PPM_PTRACE_GETFPREGS }, { PTRACE_SETFPREGS, PPM_PTRACE_SETFPREGS },
		{ PTRACE_ATTACH, PPM_PTRACE_ATTACH }, { PTRACE_DETACH, PPM_PTRACE_DETACH },
		{ PTRACE_GETFPXREGS, PPM_PTRACE_GETFPXREGS },
		{ PTRACE_SETFPXREGS, PPM_PTRACE_SETFPXREGS },
		{ PTRACE_OLDSETOPTIONS, PPM_PTRACE_OLDSETOPTIONS },
		{ PTRACE_SYSCALL, PPM_PTRACE_SYSCALL },
		{ PTRACE_GET_THREAD_AREA, PPM_PTRACE_GET_THREAD_AREA },
		{ PTRACE_SET_THREAD_AREA, PPM_PTRACE_SET_THREAD_AREA },
		{ PTRACE_ARCH_PRCTL, PPM_PTRACE_ARCH_PRCTL }, { PTRACE_SYSEMU, PPM_PTRACE_SYSEMU },
		{ PTRACE_SYSEMU_SINGLESTEP, PPM_PTRACE_SYSEMU_SINGLESTEP },
		{ PTRACE_SINGLEBLOCK, PPM_PTRACE_SINGLEBLOCK },
		{ PTRACE_SETOPTIONS, PPM_PTRACE_SETOPTIONS },
		{ PTRACE_GETEVENTMSG, PPM_PTRACE_GETEVENTMSG },
		{ PTRACE_GETSIGINFO, PPM_PTRACE_GETSIGINFO },
		{ PTRACE_SETSIGINFO, PPM_PTRACE_SETSIGINFO },
		{ PTRACE_GETREGSET, PPM_PTRACE_GETREGSET },
		{ PTRACE_SETREGSET, PPM_PTRACE_SETREGSET }, { PTRACE_SEIZE, PPM_PTRACE_SEIZE },
		{ PTRACE_INTERRUPT, PPM_PTRACE_INTERRUPT }, { PTRACE_LISTEN, PPM_PTRACE_LISTEN },
		{ PTRACE_PEEKSIGINFO, PPM_PTRACE_PEEKSIGINFO },
		{ PTRACE_GETSIGMASK, PPM_PTRACE_GETSIGMASK },
		{ PTRACE_SETSIGMASK, PPM_PTRACE_SETSIGMASK },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		print_message("request %ld\n", known[i].req);
		assert_int_equal(ptrace_requests_to_scap(known[i].req), known[i].ppm);
	}
	/* Newer than Falco 2022's table, and no request at all. */
	assert_int_equal(ptrace_requests_to_scap(PTRACE_GET_SYSCALL_INFO), PPM_PTRACE_UNKNOWN);
	assert_int_equal(ptrace_requests_to_scap(0x4242), PPM_PTRACE_UNKNOWN);
}

static void test_ptrace_data(void **state)
{
	(void)state;
	assert_true(ptrace_data_is_peeked(PPM_PTRACE_PEEKDATA));
	assert_true(ptrace_data_is_peeked(PPM_PTRACE_PEEKUSR));
	assert_false(ptrace_data_is_peeked(PPM_PTRACE_POKEDATA));
	assert_int_equal(ptrace_data_index(PPM_PTRACE_CONT), PPM_PTRACE_IDX_SIGTYPE);
	assert_int_equal(ptrace_data_index(PPM_PTRACE_DETACH), PPM_PTRACE_IDX_SIGTYPE);
	assert_int_equal(ptrace_data_index(PPM_PTRACE_SYSCALL), PPM_PTRACE_IDX_SIGTYPE);
	assert_int_equal(ptrace_data_index(PPM_PTRACE_POKEDATA), PPM_PTRACE_IDX_UINT64);
	assert_int_equal(ptrace_data_index(PPM_PTRACE_SEIZE), PPM_PTRACE_IDX_UINT64);
}

static void test_bpf_res_or_fd(void **state)
{
	(void)state;
	assert_int_equal(SCAP_KERNEL_BPF_MAP_CREATE, BPF_MAP_CREATE);
	assert_int_equal(SCAP_KERNEL_BPF_PROG_LOAD, BPF_PROG_LOAD);
	assert_int_equal(bpf_res_or_fd_index(BPF_MAP_CREATE, 3), PPM_BPF_IDX_FD);
	assert_int_equal(bpf_res_or_fd_index(BPF_PROG_LOAD, 4), PPM_BPF_IDX_FD);
	assert_int_equal(bpf_res_or_fd_index(BPF_PROG_LOAD, -22), PPM_BPF_IDX_RES);
	assert_int_equal(bpf_res_or_fd_index(BPF_MAP_UPDATE_ELEM, 0), PPM_BPF_IDX_RES);
	/* Makes an fd, but Falco 2022 calls it a result. */
	assert_int_equal(bpf_res_or_fd_index(BPF_BTF_LOAD, 5), PPM_BPF_IDX_RES);
}

static void test_quotactl_numbers(void **state)
{
	(void)state;
	assert_int_equal(SCAP_KERNEL_SUBCMDSHIFT, SUBCMDSHIFT);
	assert_int_equal(SCAP_KERNEL_SUBCMDMASK, SUBCMDMASK);
	assert_int_equal(SCAP_KERNEL_QIF_BLIMITS, QIF_BLIMITS);
	assert_int_equal(SCAP_KERNEL_QIF_SPACE, QIF_SPACE);
	assert_int_equal(SCAP_KERNEL_QIF_ILIMITS, QIF_ILIMITS);
	assert_int_equal(SCAP_KERNEL_QIF_BTIME, QIF_BTIME);
	assert_int_equal(SCAP_KERNEL_QIF_ITIME, QIF_ITIME);
	assert_int_equal(SCAP_KERNEL_IIF_BGRACE, IIF_BGRACE);
	assert_int_equal(SCAP_KERNEL_IIF_IGRACE, IIF_IGRACE);
	assert_int_equal(SCAP_KERNEL_IIF_FLAGS, IIF_FLAGS);
	assert_int_equal(SCAP_KERNEL_DQF_ROOT_SQUASH, DQF_ROOT_SQUASH);
	assert_int_equal(sizeof(struct scap_if_dqblk), sizeof(struct if_dqblk));
	assert_int_equal(offsetof(struct scap_if_dqblk, dqb_valid), offsetof(struct if_dqblk, dqb_valid));
	assert_int_equal(sizeof(struct scap_if_dqinfo), sizeof(struct if_dqinfo));
	assert_int_equal(offsetof(struct scap_if_dqinfo, dqi_valid), offsetof(struct if_dqinfo, dqi_valid));
}

static void test_quotactl_cmds(void **state)
{
	(void)state;
	assert_int_equal(quotactl_cmd_to_scap(UQCMD(Q_SYNC, USRQUOTA)), PPM_Q_SYNC);
	assert_int_equal(quotactl_cmd_to_scap(UQCMD(Q_QUOTAON, GRPQUOTA)), PPM_Q_QUOTAON);
	assert_int_equal(quotactl_cmd_to_scap(UQCMD(Q_QUOTAOFF, USRQUOTA)), PPM_Q_QUOTAOFF);
	assert_int_equal(quotactl_cmd_to_scap(UQCMD(Q_GETFMT, USRQUOTA)), PPM_Q_GETFMT);
	assert_int_equal(quotactl_cmd_to_scap(UQCMD(Q_GETINFO, USRQUOTA)), PPM_Q_GETINFO);
	assert_int_equal(quotactl_cmd_to_scap(UQCMD(Q_SETINFO, USRQUOTA)), PPM_Q_SETINFO);
	assert_int_equal(quotactl_cmd_to_scap(UQCMD(Q_GETQUOTA, USRQUOTA)), PPM_Q_GETQUOTA);
	assert_int_equal(quotactl_cmd_to_scap(UQCMD(Q_SETQUOTA, USRQUOTA)), PPM_Q_SETQUOTA);
	assert_int_equal(quotactl_cmd_to_scap(UQCMD(Q_XQUOTAON, USRQUOTA)), PPM_Q_XQUOTAON);
	assert_int_equal(quotactl_cmd_to_scap(UQCMD(Q_XQUOTAOFF, USRQUOTA)), PPM_Q_XQUOTAOFF);
	assert_int_equal(quotactl_cmd_to_scap(UQCMD(Q_XGETQUOTA, USRQUOTA)), PPM_Q_XGETQUOTA);
	assert_int_equal(quotactl_cmd_to_scap(UQCMD(Q_XSETQLIM, USRQUOTA)), PPM_Q_XSETQLIM);
	assert_int_equal(quotactl_cmd_to_scap(UQCMD(Q_XGETQSTAT, USRQUOTA)), PPM_Q_XGETQSTAT);
	assert_int_equal(quotactl_cmd_to_scap(UQCMD(Q_XQUOTARM, USRQUOTA)), PPM_Q_XQUOTARM);
	assert_int_equal(quotactl_cmd_to_scap(UQCMD(Q_XQUOTASYNC, USRQUOTA)), PPM_Q_XQUOTASYNC);
	assert_int_equal(quotactl_cmd_to_scap(UQCMD(Q_GETNEXTQUOTA, USRQUOTA)), 0);
	assert_int_equal(quotactl_type_to_scap(UQCMD(Q_SYNC, USRQUOTA)), PPM_USRQUOTA);
	assert_int_equal(quotactl_type_to_scap(UQCMD(Q_SYNC, GRPQUOTA)), PPM_GRPQUOTA);
	assert_int_equal(quotactl_type_to_scap(UQCMD(Q_SYNC, PRJQUOTA)), 0);
	assert_int_equal(quotactl_fmt_to_scap(QFMT_VFS_OLD), PPM_QFMT_VFS_OLD);
	assert_int_equal(quotactl_fmt_to_scap(QFMT_VFS_V0), PPM_QFMT_VFS_V0);
	assert_int_equal(quotactl_fmt_to_scap(QFMT_VFS_V1), PPM_QFMT_VFS_V1);
	assert_int_equal(quotactl_fmt_to_scap(QFMT_OCFS2), PPM_QFMT_NOT_USED);
	/* The enter's id and format come from one argument, by command. */
	assert_int_equal(quotactl_id(PPM_Q_SETQUOTA, 1000), 1000);
	assert_int_equal(quotactl_id(PPM_Q_QUOTAON, QFMT_VFS_V0), 0);
	assert_int_equal(quotactl_fmt(PPM_Q_QUOTAON, QFMT_VFS_V0), PPM_QFMT_VFS_V0);
	assert_int_equal(quotactl_fmt(PPM_Q_SETQUOTA, QFMT_VFS_V0), PPM_QFMT_NOT_USED);
}

/* Which struct the exit reads, and only the fields marked valid. */
static void test_quotactl_fields(void **state)
{
	union quotactl_raw raw = {
		.dqblk = { .dqb_bhardlimit = 10, .dqb_bsoftlimit = 9, .dqb_curspace = 8,
			   .dqb_ihardlimit = 7, .dqb_isoftlimit = 6, .dqb_btime = 5,
			   .dqb_itime = 4, .dqb_valid = QIF_BLIMITS | QIF_ITIME },
	};
	struct quotactl_fields f;

	(void)state;
	assert_int_equal(quotactl_struct_size(PPM_Q_SETQUOTA, -1), sizeof(struct if_dqblk));
	assert_int_equal(quotactl_struct_size(PPM_Q_GETQUOTA, 0), sizeof(struct if_dqblk));
	assert_int_equal(quotactl_struct_size(PPM_Q_GETQUOTA, -1), 0);
	assert_int_equal(quotactl_struct_size(PPM_Q_SETINFO, -1), sizeof(struct if_dqinfo));
	assert_int_equal(quotactl_struct_size(PPM_Q_GETFMT, 0), 4);
	assert_int_equal(quotactl_struct_size(PPM_Q_SYNC, 0), 0);

	quotactl_fields(PPM_Q_SETQUOTA, &raw, &f);
	assert_int_equal(f.u64[0], 10);
	assert_int_equal(f.u64[1], 9);
	assert_int_equal(f.u64[2], 0);	/* QIF_SPACE clear */
	assert_int_equal(f.u64[3], 0);	/* QIF_ILIMITS clear */
	assert_int_equal(f.u64[5], 0);	/* QIF_BTIME clear */
	assert_int_equal(f.u64[6], 4);
	assert_int_equal(f.u64[7], 0);
	assert_int_equal(f.dqi_flags, 0);
	assert_int_equal(f.quota_fmt_out, PPM_QFMT_NOT_USED);
	/* The same bytes under a command that passes no if_dqblk. */
	quotactl_fields(PPM_Q_QUOTAOFF, &raw, &f);
	assert_int_equal(f.u64[0], 0);

	memset(&raw, 0, sizeof(raw));
	raw.dqinfo = (struct scap_if_dqinfo){ .dqi_bgrace = 60, .dqi_igrace = 30,
					      .dqi_flags = DQF_ROOT_SQUASH,
					      .dqi_valid = IIF_BGRACE | IIF_FLAGS };
	quotactl_fields(PPM_Q_SETINFO, &raw, &f);
	assert_int_equal(f.u64[7], 60);
	assert_int_equal(f.u64[8], 0);	/* IIF_IGRACE clear */
	assert_int_equal(f.dqi_flags, PPM_V1_DQF_RSQUASH);
	raw.dqinfo.dqi_flags = 0;
	quotactl_fields(PPM_Q_SETINFO, &raw, &f);
	assert_int_equal(f.dqi_flags, PPM_DQF_NONE);

	memset(&raw, 0, sizeof(raw));
	raw.fmt = QFMT_VFS_V1;
	quotactl_fields(PPM_Q_GETFMT, &raw, &f);
	assert_int_equal(f.quota_fmt_out, PPM_QFMT_VFS_V1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ptrace_requests),
		cmocka_unit_test(test_ptrace_data),
		cmocka_unit_test(test_bpf_res_or_fd),
		cmocka_unit_test(test_quotactl_numbers),
		cmocka_unit_test(test_quotactl_cmds),
		cmocka_unit_test(test_quotactl_fields),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
