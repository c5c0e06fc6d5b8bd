#!/usr/bin/env bats
# ptrace, bpf and quotactl: `workload privileged DIR`
# (test/workload/privileged.c) captured once; each test checks the params
# of the calls, exactly. Their exits hold PT_DYN params (ptrace's addr and
# data, bpf's res_or_fd), and quotactl's the fields of a struct
# (driver/ppm_ptrace_bpf.h, driver/ppm_quotactl.h).
#
#   make -f test/test.mk bats BATS_FILES=test/bats/privileged.bats

# guest-suite: checks on the host. Its tests only read captures: in a run
# on the guest kernel, test/guest-suite.sh runs them outside the guest.
load helpers

# workload.h's PTRACE_WORD_BEFORE and _AFTER, QUOTA_ID.
WORD_BEFORE=486931983023855
WORD_AFTER=486931983036429
QUOTA_ID=4242

setup_file() {
	fresh_dir privileged
	capture privileged privileged "$D"
}

setup() {
	require_capture
}

# The tracee: the child that called PTRACE_TRACEME, into TRACEE.
tracee() {
	pair_by_enter ptrace '.params.request == "PTRACE_TRACEME"'
	TRACEE=$(jq .tid <<<"$ENTER")
}

# expect_ptrace REQUEST EXIT_PARAMS [PARAM PRED]...: the first REQUEST the
# workload made on the tracee.
expect_ptrace() {
	pair_by_enter ptrace ".tid == \$wpid and .params.request == \"$1\""
	expect_dedicated "ptrace > $1" "$ENTER"
	expect_params "ptrace > $1" "$ENTER" "{request: \"$1\", pid: $TRACEE}"
	expect_params "ptrace < $1" "$EXIT" "$2" "${@:3}"
}

@test "privileged: ptrace(PTRACE_TRACEME) in the child: pid 0, then addr and data 0" {
	tracee
	expect_params "ptrace > PTRACE_TRACEME" "$ENTER" '{request: "PTRACE_TRACEME", pid: 0}'
	expect_params "ptrace < PTRACE_TRACEME" "$EXIT" '{res: 0, addr: 0, data: 0}'
	[[ $TRACEE != "$WPID" ]] || fail "PTRACE_TRACEME came from the workload, not its child"
}

@test "privileged: PTRACE_PEEKDATA's data is the word read, POKEDATA's the word written, at one addr" {
	local addr
	tracee
	expect_ptrace PTRACE_PEEKDATA "{res: 0, addr: null, data: $WORD_BEFORE}" addr '. > 0'
	addr=$(jq .params.addr <<<"$EXIT")
	expect_ptrace PTRACE_POKEDATA "{res: 0, addr: $addr, data: $WORD_AFTER}"
}

@test "privileged: PTRACE_CONT's data is the signal it delivers: SIGWINCH (28)" {
	tracee
	expect_ptrace PTRACE_CONT '{res: 0, addr: 0, data: 28}'
}

@test "privileged: a ptrace that fails (ESRCH, the tracee is gone) has addr and data 0" {
	tracee
	pair_by_exit ptrace '.tid == $wpid and .params.res == -3'
	expect_params "ptrace > (failed)" "$ENTER" "{request: \"PTRACE_PEEKDATA\", pid: $TRACEE}"
	expect_params "ptrace < (failed)" "$EXIT" '{res: -3, addr: 0, data: 0}'
}

@test "privileged: bpf: MAP_CREATE and PROG_LOAD return an fd, MAP_UPDATE_ELEM 0, cmd 4242 EINVAL" {
	local map
	pair_by_enter bpf '.params.cmd == 0'
	expect_dedicated "bpf > BPF_MAP_CREATE" "$ENTER"
	expect_params "bpf > BPF_MAP_CREATE" "$ENTER" '{cmd: 0}'
	expect_params "bpf < BPF_MAP_CREATE" "$EXIT" '{res_or_fd: null}' res_or_fd '. >= 3'
	map=$(jq .params.res_or_fd <<<"$EXIT")
	pair_by_enter bpf '.params.cmd == 2'
	expect_params "bpf < BPF_MAP_UPDATE_ELEM" "$EXIT" '{res_or_fd: 0}'
	pair_by_enter bpf '.params.cmd == 5'
	expect_params "bpf < BPF_PROG_LOAD" "$EXIT" '{res_or_fd: null}' res_or_fd ". > $map"
	pair_by_enter bpf '.params.cmd == 4242'
	expect_params "bpf < 4242" "$EXIT" '{res_or_fd: -22}'
}

# The 11 fields of quotactl's exit after res, special and quotafilepath, all 0.
QUOTA_ZEROS='dqb_bhardlimit: 0, dqb_bsoftlimit: 0, dqb_curspace: 0, dqb_ihardlimit: 0,
	dqb_isoftlimit: 0, dqb_btime: 0, dqb_itime: 0, dqi_bgrace: 0, dqi_igrace: 0,
	dqi_flags: "0", quota_fmt_out: "QFMT_NOT_USED"'

@test "privileged: quotactl(Q_QUOTAON, USRQUOTA, QFMT_VFS_V1, DIR/aquota.user) on DIR: ENOTBLK" {
	pair_by_enter quotactl '.params.cmd == "Q_QUOTAON"'
	expect_dedicated "quotactl > Q_QUOTAON" "$ENTER"
	expect_params "quotactl > Q_QUOTAON" "$ENTER" \
		'{cmd: "Q_QUOTAON", type: "USRQUOTA", id: 0, quota_fmt: "QFMT_VFS_V1"}'
	expect_params "quotactl < Q_QUOTAON" "$EXIT" \
		"{res: -15, special: \$d, quotafilepath: (\$d + \"/aquota.user\"), $QUOTA_ZEROS}"
}

@test "privileged: quotactl(Q_SETQUOTA, GRPQUOTA) has the if_dqblk passed, 0 where dqb_valid says so" {
	pair_by_enter quotactl '.params.cmd == "Q_SETQUOTA" and .params.type == "GRPQUOTA"'
	expect_params "quotactl > Q_SETQUOTA" "$ENTER" \
		"{cmd: \"Q_SETQUOTA\", type: \"GRPQUOTA\", id: $QUOTA_ID, quota_fmt: \"QFMT_NOT_USED\"}"
	# QIF_BLIMITS | QIF_ILIMITS | QIF_BTIME: no curspace, no itime.
	expect_params "quotactl < Q_SETQUOTA" "$EXIT" \
		"{res: -15, special: \$d, quotafilepath: \"\", $QUOTA_ZEROS} + {dqb_bhardlimit: 1000,
		 dqb_bsoftlimit: 800, dqb_ihardlimit: 100, dqb_isoftlimit: 80, dqb_btime: 1700000000}"
}

@test "privileged: quotactl(Q_SETINFO) has the if_dqinfo passed, DQF_ROOT_SQUASH as V1_DQF_RSQUASH" {
	pair_by_enter quotactl '.params.cmd == "Q_SETINFO"'
	expect_params "quotactl > Q_SETINFO" "$ENTER" \
		'{cmd: "Q_SETINFO", type: "USRQUOTA", id: 0, quota_fmt: "QFMT_NOT_USED"}'
	expect_params "quotactl < Q_SETINFO" "$EXIT" \
		"{res: -15, special: \$d, quotafilepath: \"\", $QUOTA_ZEROS} + {dqi_bgrace: 604800,
		 dqi_igrace: 86400, dqi_flags: \"V1_DQF_RSQUASH\"}"
}

@test "privileged: quotactl(Q_GETQUOTA), (Q_GETFMT) that fail: the caller's buffer is not read" {
	pair_by_enter quotactl '.params.cmd == "Q_GETQUOTA"'
	expect_params "quotactl > Q_GETQUOTA" "$ENTER" \
		"{cmd: \"Q_GETQUOTA\", type: \"USRQUOTA\", id: $((QUOTA_ID + 1)), quota_fmt: \"QFMT_NOT_USED\"}"
	expect_params "quotactl < Q_GETQUOTA" "$EXIT" "{res: -15, special: \$d, quotafilepath: \"\", $QUOTA_ZEROS}"
	pair_by_enter quotactl '.params.cmd == "Q_GETFMT"'
	expect_params "quotactl < Q_GETFMT" "$EXIT" "{res: -15, special: \$d, quotafilepath: \"\", $QUOTA_ZEROS}"
}

@test "privileged: quotactl(Q_SETQUOTA) of an unreadable struct: 11 empty params, counted" {
	pair_by_enter quotactl '.params.cmd == "Q_SETQUOTA" and .params.type == "USRQUOTA"'
	expect_params "quotactl < Q_SETQUOTA (unreadable)" "$EXIT" \
		'{res: -15, special: $d, quotafilepath: "", dqb_bhardlimit: null, dqb_bsoftlimit: null,
		 dqb_curspace: null, dqb_ihardlimit: null, dqb_isoftlimit: null, dqb_btime: null,
		 dqb_itime: null, dqi_bgrace: null, dqi_igrace: null, dqi_flags: null, quota_fmt_out: null}'
	grep -q 'params unreadable: 1;' "$CAPTURE_ERR" ||
		fail "expected 'params unreadable: 1' in scap-open's summary: $(grep unreadable "$CAPTURE_ERR")"
}

@test "privileged: quotactl(Q_SYNC, USRQUOTA, NULL) succeeds: special is empty (NULL)" {
	pair_by_enter quotactl '.params.cmd == "Q_SYNC"'
	expect_params "quotactl > Q_SYNC" "$ENTER" \
		'{cmd: "Q_SYNC", type: "USRQUOTA", id: 0, quota_fmt: "QFMT_NOT_USED"}'
	expect_params "quotactl < Q_SYNC" "$EXIT" "{res: 0, special: null, quotafilepath: \"\", $QUOTA_ZEROS}"
}

@test "privileged: the workload did what it must (exit status 0)" {
	[[ $CAPTURE_RC == 0 ]] || { cat "$CAPTURE_ERR"; fail "scap-open or the workload failed: $CAPTURE_RC"; }
}
