#!/usr/bin/env bats
# Lab 05, debugging: graded checks. Run them with `make grade LAB=5`.
#
# One capture of labs/05-debugging/tests/pwrite_kill.c, which makes the
# pwrite64 calls of exercise 05.1 and the kill calls of exercise 05.2 with
# known arguments. Each check finds one call's enter and exit events and
# compares every parameter with what the workload passed.

load ../../tools/lab_helpers

setup_file() {
	fresh_dir lab05
	lab_capture lab05 pwrite_kill "$D"
	# The same with another snaplen, to tell a cut at g_snaplen from one at 80.
	fresh_dir lab05-snaplen100
	SCAP_OPEN_ARGS="--snaplen 100" lab_capture lab05-snaplen100 pwrite_kill "$D"
}

# The program the verifier refused, from scap-open's last words; "" if none.
rejected_program() {
	sed -n "s/^scap-open: .*the verifier rejected \([A-Za-z0-9_]*\) .*/\1/p" \
		"$CAPTURE_DIR/lab05.err" 2>/dev/null | head -n 1
}

setup() {
	local prog
	prog=$(rejected_program)
	if [[ -n $prog ]]; then
		echo "the probe did not load: the verifier rejected $prog; run sudo build/scap-open -v -n 1 to read the log"
		# The check that names the load shows the log's end; the others, this line.
		[[ $BATS_TEST_DESCRIPTION == *"the verifier accepts"* ]] && return 0
		fail "there are no events without the probe: fix $prog first (check 05.1 shows the verifier's log)"
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
	local prog err=$CAPTURE_DIR/lab05.err
	prog=$(rejected_program)
	if [[ -n $prog ]]; then
		# The verifier stops at the first instruction it cannot prove safe:
		# the last lines of its log are that instruction and the reason.
		echo "the end of the verifier's log (all of it: $err):"
		sed -n "/prog '$prog': -- BEGIN PROG LOAD LOG --/,/-- END PROG LOAD LOG --/p" "$err" |
			grep -v -e '^processed ' -e 'END PROG LOAD LOG' >"$BATS_TEST_TMPDIR/log"
		# The source line of the refused instruction, then the last instructions.
		grep '^; ' "$BATS_TEST_TMPDIR/log" | tail -n 1
		echo "..."
		tail -n 3 "$BATS_TEST_TMPDIR/log"
		fail "the kernel refused $prog: read the log from its end, find the source line (\"; ... @ file:line\") and the register it complains about"
	fi
	use_capture lab05
}

@test "05.1 [3 pts] pwrite64 at offset 4096: the exit event holds the 32 bytes written" {
	pair_by_enter pwrite '.pid == $wpid and .params.pos == 4096'
	expect_dedicated "pwrite64 enter" "$ENTER"
	expect_pid "pwrite64 enter" "$ENTER" "$WPID"
	expect_params "pwrite64 enter" "$ENTER" '{fd: null, size: 32, pos: 4096}' fd '. >= 3'
	expect_params "pwrite64 exit" "$EXIT" '{res: 32, data: "scaplab lab 05: pwrite64 at 4096"}'
}

@test "05.1 [2 pts] pwrite64 of 200 bytes: the data is cut at the snaplen, 80 or --snaplen 100" {
	# The workload wrote "0123456789" 20 times; scap-open keeps 80 bytes by default.
	pair_by_enter pwrite '.pid == $wpid and .params.size == 200'
	expect_params "pwrite64 enter" "$ENTER" '{fd: null, size: 200, pos: 0}' fd '. >= 3'
	expect_params "pwrite64 exit (default snaplen, 80)" "$EXIT" \
		'{res: 200, data: ([range(8)] | map("0123456789") | join(""))}'
	use_capture lab05-snaplen100
	pair_by_enter pwrite '.pid == $wpid and .params.size == 200'
	expect_params "pwrite64 exit (scap-open --snaplen 100)" "$EXIT" \
		'{res: 200, data: ([range(10)] | map("0123456789") | join(""))}'
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

# explain_pid WANT: if the enter event's pid is not WANT, say what it is.
explain_pid() {
	local got
	got=$(jq -r .params.pid <<<"$ENTER")
	[[ $got == "$1" ]] && return 0
	printf 'pid: expected %s (0x%016x as a 64-bit register), got %s (0x%016x)\n' \
		"$1" "$(($1))" "$got" "$((got))"
	echo "compare with what the kernel got: strace -e trace=kill, or the bpftrace one-liner"
	echo "of the README (Exercise 05.2); the filler is kill_e in kill.bpf.c"
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
