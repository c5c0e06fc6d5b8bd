#!/usr/bin/env bats
# Lab 05, debugging: graded checks. Run them with `make grade LAB=5`.
#
# One capture of labs/05-debugging/tests/pwrite_kill.c, which makes the
# pwrite64 calls of exercise 05.1 and the kill calls of exercise 05.2 with
# known arguments, and for 05.1 one more with --snaplen 4096, the largest.
# Each check finds one call's enter and exit events and compares every
# parameter with what the workload passed.
#
# The checks of 05.1 run with your pwrite64 filler and the reference kill
# filler, those of 05.2 the other way round (labs/tools/system.sh): a
# filler the verifier rejects stops only the checks of its own exercise.

load ../../tools/lab_helpers

EXERCISE_CODE=([05.1]="pwrite64_x in modern_bpf/programs/tail_called/events/syscall_dispatched_events/pwrite64.bpf.c"
	[05.2]="kill_e in modern_bpf/programs/tail_called/events/syscall_dispatched_events/kill.bpf.c")

PWRITE="pwrite64_x in modern_bpf/programs/tail_called/events/syscall_dispatched_events/pwrite64.bpf.c"
KILL="kill_e in modern_bpf/programs/tail_called/events/syscall_dispatched_events/kill.bpf.c"

setup_file() {
	fresh_dir lab05
	lab_capture lab05 pwrite_kill "$D"
	if grading 05.1; then
		# Another snaplen, to tell a cut at g_snaplen from a constant one,
		# and to see the largest copy the verifier must allow.
		fresh_dir lab05-snaplen4096
		SCAP_OPEN_ARGS="--snaplen 4096" lab_capture lab05-snaplen4096 pwrite_kill "$D"
	fi
}

# The program the verifier refused, from scap-open's last words; "" if none.
rejected_program() {
	sed -n "s/^scap-open: .*the verifier rejected \([A-Za-z0-9_]*\) .*/\1/p" \
		"$CAPTURE_DIR/lab05.err" 2>/dev/null | head -n 1
}

# verifier_log PROG: the end of the verifier's log of PROG, the first time
# a check asks; a line saying where it is, the other times.
verifier_log() {
	local prog=$1 err=$CAPTURE_DIR/lab05.err
	if [[ -e $BATS_FILE_TMPDIR/log-shown ]]; then
		echo "the verifier rejected $prog: its log is under the first failed check above"
		return
	fi
	touch "$BATS_FILE_TMPDIR/log-shown"
	# The verifier stops at the first instruction it cannot prove safe:
	# the last lines of its log are that instruction and the reason.
	echo "the verifier rejected $prog; the end of its log (all of it: $err):"
	sed -n "/prog '$prog': -- BEGIN PROG LOAD LOG --/,/-- END PROG LOAD LOG --/p" "$err" |
		grep -v -e '^processed ' -e 'END PROG LOAD LOG' >"$BATS_TEST_TMPDIR/log"
	# The source line of the refused instruction, then the last instructions.
	grep '^; ' "$BATS_TEST_TMPDIR/log" | tail -n 1
	echo "..."
	tail -n 3 "$BATS_TEST_TMPDIR/log"
}

setup() {
	local prog where
	prog=$(rejected_program)
	if [[ -n $prog ]]; then
		verifier_log "$prog"
		[[ $prog == pwrite64_x ]] && where=$PWRITE || where="$prog"
		[[ $prog == kill_e ]] && where=$KILL
		fail "the probe did not load, so there are no events: read the log from its end, find the source line (\"; ... @ file:line\") and the register it complains about, and fix $where"
	fi
	use_capture lab05
	# The reader drops an event whose params do not fit the schema, and says
	# why: shown only if the check fails, where it explains a missing event.
	if grep -q '^scap-open: skipping a corrupt event' "$CAPTURE_ERR"; then
		echo "scap-open dropped events that break the schema (driver/event_table.c):"
		grep '^scap-open: skipping a corrupt event' "$CAPTURE_ERR" | sort | uniq -c | head -n 3
	fi
}

@test "05.1 [1 pt] the probe loads: the verifier accepts every program" {
	# setup() fails this check, with the log, if the probe did not load.
	expect_equal "the program the verifier rejected" "$(rejected_program)" ""
}

@test "05.1 [3 pts] pwrite64 at offset 4096: the exit event holds the 32 bytes written" {
	pair_by_enter pwrite '.pid == $wpid and .params.pos == 4096'
	expect_dedicated "pwrite64 enter" "$ENTER"
	expect_pid "pwrite64 enter" "$ENTER" "$WPID"
	expect_params "pwrite64 enter" "$ENTER" '{fd: null, size: 32, pos: 4096}' fd '. >= 3'
	expect_params "pwrite64 exit" "$EXIT" '{res: 32, data: "scaplab lab 05: pwrite64 at 4096"}'
}

@test "05.1 [2 pts] pwrite64 of 200 bytes: cut at the snaplen, 80 by default, whole with --snaplen 4096" {
	# The workload wrote "0123456789" 20 times; scap-open keeps 80 bytes by default.
	pair_by_enter pwrite '.pid == $wpid and .params.size == 200'
	expect_params "pwrite64 enter" "$ENTER" '{fd: null, size: 200, pos: 0}' fd '. >= 3'
	expect_params "pwrite64 exit (default snaplen, 80)" "$EXIT" \
		'{res: 200, data: ([range(8)] | map("0123456789") | join(""))}'
	use_capture lab05-snaplen4096
	pair_by_enter pwrite '.pid == $wpid and .params.size == 200'
	expect_params "pwrite64 exit (scap-open --snaplen 4096)" "$EXIT" \
		'{res: 200, data: ([range(20)] | map("0123456789") | join(""))}'
}

@test "05.1 [1 pt] pwrite64 of 5000 bytes with --snaplen 4096, the largest: the first 4096 bytes" {
	local got
	use_capture lab05-snaplen4096
	pair_by_enter pwrite '.pid == $wpid and .params.size == 5000'
	got=$(jq '.params.data | length' <<<"$EXIT")
	echo "pwrite64 exit: res $(jq .params.res <<<"$EXIT"), data of $got bytes: $(jq -r '.params.data[:20]' <<<"$EXIT")..."
	if [[ $got != 4096 ]]; then
		[[ $got == 0 ]] && echo ">>> no data at all: 4096 is past the bound of your fix? (a mask of 4095 turns 4096 into 0)"
		fail "pwrite64_x (pwrite64.bpf.c) must keep g_snaplen bytes for every snaplen scap-open takes, up to SCAP_MAX_SNAPLEN (4096): got $got bytes"
	fi
	expect_params "pwrite64 exit (scap-open --snaplen 4096)" "$EXIT" \
		'{res: 5000, data: ([range(410)] | map("abcdefghij") | join("") | .[:4096])}'
}

@test "05.1 [1 pt] pwrite64 from an unreadable buffer: res is -EFAULT and there is no data" {
	pair_by_enter pwrite '.pid == $wpid and .params.size == 16'
	expect_params "pwrite64 enter" "$ENTER" '{fd: null, size: 16, pos: 0}' fd '. >= 3'
	# The buffer was (void *)1: the probe cannot read it, so data has length 0 (null).
	expect_params "pwrite64 exit" "$EXIT" '{res: -14, data: null}'
}

# kill_pair SIG: the workload's kill call that sent signal SIG (each sends
# another one), with the hint for a wrong pid.
kill_pair() {
	pair_by_enter kill ".pid == \$wpid and .params.sig == $1"
	expect_dedicated "kill enter" "$ENTER"
	expect_pid "kill enter" "$ENTER" "$WPID"
}

# explain_pid WANT: if the enter event's pid is not WANT, say where to
# look (not why: finding that is the exercise).
explain_pid() {
	local got
	got=$(jq -r .params.pid <<<"$ENTER")
	[[ $got == "$1" ]] && return 0
	echo "compare with what the kernel got: strace -e trace=kill, and the two bpftrace"
	echo "one-liners of the README (Exercise 05.2, steps 2 and 3)"
}

@test "05.2 [4 pts] kill(-pgid, SIGWINCH): pid is minus the workload's process group" {
	kill_pair 28
	explain_pid "-$WPID"
	# setpgid(0, 0) made the workload a group leader: its pgid is its pid.
	expect_params "kill enter" "$ENTER" '{pid: -$wpid, sig: 28}'
	expect_params "kill exit" "$EXIT" '{res: 0}'
}

@test "05.2 [2 pts] kill(INT_MIN, SIGURG): pid is -2147483648 and res -ESRCH" {
	kill_pair 23
	explain_pid -2147483648
	expect_params "kill enter" "$ENTER" '{pid: -2147483648, sig: 23}'
	expect_params "kill exit" "$EXIT" '{res: -3}'
}

@test "05.2 [2 pts] kill(getpid(), SIGCONT) and kill(INT_MAX, 0): positive pids stay right" {
	kill_pair 18
	expect_params "kill enter" "$ENTER" '{pid: $wpid, sig: 18}'
	expect_params "kill exit" "$EXIT" '{res: 0}'
	kill_pair 0
	expect_params "kill enter" "$ENTER" '{pid: 2147483647, sig: 0}'
	expect_params "kill exit" "$EXIT" '{res: -3}'
}
