#!/usr/bin/env bats
# sysdig's filter language and -p formats in scap-open
# (userspace/libsinsp/sinsp_filter.h): the same events as sysdig selects
# on the same files, a live capture, the syscalls a filter asks the driver
# for, errors with a caret, and names that try to reach the terminal.
# (The language case by case: test/unit/test_filter.c.)
#
#   make -f test/test.mk bats BATS_FILES=test/bats/filter.bats

bats_require_minimum_version 1.5.0
load helpers

FIXTURE=$REPO_ROOT/test/data/falco-kmod-2022.scap

setup_file() {
	export LIVE=$BATS_FILE_TMPDIR/live.scap WD=$BATS_FILE_TMPDIR/wd
	mkdir -p "$WD"
	env -i "$SCAP_OPEN" ${SCAP_OPEN_ARGS:-} -w "$LIVE" -- "$WORKLOAD" all "$WD" \
		>"$BATS_FILE_TMPDIR/live.log" 2>&1 || echo $? >"$BATS_FILE_TMPDIR/live.rc"
}

need_sysdig() {
	command -v sysdig >/dev/null || fail "sysdig is missing (make setup-test installs it)"
}

@test "filter: sysdig and scap-open select the same events of Falco's capture" {
	need_sysdig
	run "$REPO_ROOT/test/interop/filter-compare.sh" "$FIXTURE"
	echo "$output" | jq -c 'del(.diffs)' || echo "$output"
	echo "$output" | jq -c '.diffs[:10][]' 2>/dev/null || true
	expect_equal "exit status" "$status" 0
	expect_equal "differences no rule explains" "$(jq -c .diffs <<<"$output")" "[]"
	[[ $(jq .filters <<<"$output") -ge 70 ]] || fail "too few filters compared"
	[[ $(jq .events_kept_by_sysdig <<<"$output") -ge 5000 ]] || fail "too few events selected"
}

@test "filter: sysdig and scap-open select the same events of a live capture of ours" {
	need_sysdig
	[[ ! -s $BATS_FILE_TMPDIR/live.rc ]] || { cat "$BATS_FILE_TMPDIR/live.log"; fail "the capture failed"; }
	run "$REPO_ROOT/test/interop/filter-compare.sh" "$LIVE"
	echo "$output" | jq -c 'del(.diffs)' || echo "$output"
	# Which filter, which events: the first differences, before the verdict.
	echo "$output" | jq -c '.diffs[:10][]' 2>/dev/null || true
	expect_equal "exit status" "$status" 0
	expect_equal "differences no rule explains" "$(jq -c .diffs <<<"$output")" "[]"
	# Ours are in our schema: only the few sysdig quirks may differ. (69 of
	# 75 since setsockopt has its own event: sysdig finds no fd for its
	# exit, setsockopt_fd, which sets the fd filters apart; 60 since bpf's
	# exits are left out of sysdig's runs, bpf_exit, and any filter that
	# passes one differs.)
	[[ $(jq .filters_alike <<<"$output") -ge 58 ]] || fail "fewer than 58 filters alike"
}

@test "filter: live, only the events that pass, in the -p format" {
	run --separate-stderr "$SCAP_OPEN" ${SCAP_OPEN_ARGS:-} -p '%proc.name %evt.dir %evt.type %fd.name %evt.res' \
		'evt.type = openat and fd.name = /etc/hostname' -- sh -c 'cd /etc && exec cat hostname'
	expect_equal "exit status" "$status" 0
	expect_equal "lines" "$output" "cat < openat /etc/hostname SUCCESS"
}

@test "filter: a filter of syscalls asks the driver for those and the state's, nothing else" {
	local pinned all
	# workload forks: fork, wait4, exit_group... wait4 is neither kill nor the state's.
	run --separate-stderr "$SCAP_OPEN" ${SCAP_OPEN_ARGS:-} -q 'evt.type = kill' -- "$WORKLOAD" forks 500
	expect_equal "exit status" "$status" 0
	[[ $stderr =~ the\ driver\ captured\ ([0-9]+) ]] || fail "no count: $stderr"
	pinned=${BASH_REMATCH[1]}
	# The same events pass, but "or proc.name = x" can pass any syscall: all are sent.
	run --separate-stderr "$SCAP_OPEN" ${SCAP_OPEN_ARGS:-} -q 'evt.type = kill or proc.name = nosuch' \
		-- "$WORKLOAD" forks 500
	[[ $stderr =~ the\ driver\ captured\ ([0-9]+) ]] || fail "no count: $stderr"
	all=${BASH_REMATCH[1]}
	echo "captured with the syscalls pinned: $pinned; with any: $all"
	# 500 wait4 pairs at least are left out.
	(( pinned + 1000 <= all )) || fail "pinning saved fewer than 1000 events"
}

@test "filter: a bad filter is refused with a caret under the error, exit 2" {
	run --separate-stderr "$SCAP_OPEN" -r "$FIXTURE" 'evt.type = openat and and proc.name = cat'
	expect_equal "exit status" "$status" 2
	expect_equal "stdout" "$output" ""
	expect_equal "stderr" "$stderr" "scap-open: bad filter, at character 23:
  evt.type = openat and and proc.name = cat
                        ^ expected a check before this and/or"
	run --separate-stderr "$SCAP_OPEN" -r "$FIXTURE" -p '%evt.num %proc.nosuch'
	expect_equal "exit status (-p)" "$status" 2
	[[ $stderr == *"unknown field 'proc.nosuch'"* ]] || fail "stderr: $stderr"
	run --separate-stderr "$SCAP_OPEN" -r "$FIXTURE" -p 134
	expect_equal "exit status (-p PID, the old -p)" "$status" 2
	[[ $stderr == *"a process id is --pid"* ]] || fail "stderr: $stderr"
}

@test "filter: names that carry escape sequences print escaped in -p output" {
	run --separate-stderr "$SCAP_OPEN" ${SCAP_OPEN_ARGS:-} -p '%proc.name|%fd.name' \
		'evt.type = openat and evt.dir = < and fd.name contains rlo-' -- "$WORKLOAD" comm "$BATS_TEST_TMPDIR"
	expect_equal "exit status" "$status" 0
	echo "$output" | od -c | head
	[[ $output != *$'\x1b'* && $output != *$'\x9b'* && $output != *$'\xe2\x80\xae'* ]] ||
		fail "an escape reached the output"
	[[ $output == *"|$BATS_TEST_TMPDIR/rlo-.txt.exe" ]] || fail "output: $output"
}

@test "filter: a five-check filter judges at least 1 M events a second on one core" {
	local rate line
	# Every check is read: none fails before the last (no short cut).
	line=$("$REPO_ROOT/build/test/bench/filter_rate" "$FIXTURE" \
		'proc.name != nosuch and proc.cmdline != x and thread.tid > 0 and proc.pname != nosuch and fd.name != /nosuch' 0.3)
	echo "$line"
	[[ $line =~ filter_events_per_s=([0-9]+) ]] || fail "no rate: $line"
	(( BASH_REMATCH[1] >= 1000000 )) || fail "${BASH_REMATCH[1]} events/s"
}
