#!/usr/bin/env bats
# Lab 10, the perf buffer reader: graded checks. Run them with
# `sudo make grade LAB=10`. The live runs use this lab's scap-open with the
# legacy eBPF driver (--bpf), on this machine's kernel:
#   burst   2000 getppid calls, default buffers (8 MiB a CPU)
#   cpus    500 getppid calls on CPU 0, then 500 on CPU 1
#   flood   100000 getppid calls into buffers of 4 KiB: they must drop
#   wrap    1000 writes of made-up data into buffers of 4 KiB
# and tests/perf_cases.c checks peek and consume on buffers written by hand.
# Each run's output is in build/labs/10-perf-buffer/captures/NAME.out, its
# stderr (scap-open's statistics) in NAME.err.

load ../../tools/lab_helpers

# Each run takes a few seconds. One whose reader hands out the same sample
# for ever (consume not written yet) is stopped after this many.
: "${LAB_RUN_SECONDS:=30}"

EXERCISE_CODE=([10.1]="scap_perf_buffer_open() in userspace/libscap/engine/bpf/perf_buffer.c"
	[10.2]="scap_perf_buffer_peek() and record_at_tail() in userspace/libscap/engine/bpf/perf_buffer.c"
	[10.3]="publish_tail() and scap_perf_buffer_consume() in userspace/libscap/engine/bpf/perf_buffer.c (and the publish_tail() of peek, once it has caught up)")

setup_file() {
	local w=$REPO_ROOT/build/test/workload
	# The processes of this file's own checks (jq, grep) would be traced
	# too: every run is -s (some syscalls) and of one command.
	if grading 10.1; then
		lab_run burst "$SCAP_OPEN" --bpf -j -s getppid -- "$w" burst 2000
		lab_run cpus "$SCAP_OPEN" --bpf -j -s getppid -- /bin/sh -c \
			"taskset -c 0 $w burst 500 && taskset -c 1 $w burst 500"
	fi
	if grading 10.2 10.3; then
		lab_run flood "$SCAP_OPEN" --bpf -d 4096 -q -s getppid -- "$w" burst 100000
		lab_run wrap "$SCAP_OPEN" --bpf -d 4096 -j -s write -- "$w" wrap 1000
	fi
}

# cases WHAT: tests/perf_cases WHAT passes, or fail with the cases it printed.
cases() {
	need_program perf_cases
	run "$LAB_BUILD/tests/perf_cases" "$1"
	echo "$output"
	[[ $status == 0 ]] || fail "perf_cases $1: the cases above went wrong"
}

# opened NAME: the run's buffers opened at all, or fail saying so.
opened() {
	if grep -q 'not opened yet (lab 10.1)' "$CAPTURE_DIR/$1.err" 2>/dev/null; then
		fail "scap-open could not open its perf buffers: scap_perf_buffer_open() is still the starter (exercise 10.1)"
	fi
	if [[ -e $CAPTURE_DIR/$1.stopped ]]; then
		fail "scap-open did not end ($(cat "$CAPTURE_DIR/$1.stopped") by the grader): peek handed out the same sample again and again. Until consume moves the tail past it (exercise 10.3), every peek finds that sample: the live checks need all three exercises"
	fi
	ran "$1"
}

# ---- 10.1 opening a perf buffer ------------------------------------------------

@test "10.1 [2 pts] a burst of 2000 getppid calls: all 4000 events reach the reader" {
	opened burst
	stats burst
	local enter exit
	enter=$(count burst '.name == "getppid" and .dir == ">"')
	exit=$(count burst '.name == "getppid" and .dir == "<"')
	echo "getppid events of the burst: $enter enter, $exit exit (2000 each expected)"
	if [[ $enter != 2000 || $exit != 2000 ]]; then
		[[ $CAPTURED != 0 ]] ||
			fail "the probe wrote no event: did the perf event open for BPF output samples (PERF_COUNT_SW_BPF_OUTPUT, PERF_SAMPLE_RAW) on this CPU, and is it enabled?"
		[[ $PRINTED != 0 ]] ||
			fail "the probe wrote $CAPTURED events and the reader saw none: peek finds nothing (10.2), or the mapping is wrong (10.1: the data start one page after the metadata)"
		fail "not every call made its two events"
	fi
	[[ $DROPS == 0 ]] || fail "$DROPS events dropped with 8 MiB buffers: the data size mapped is not the size asked"
}

@test "10.1 [1 pt] a burst on each CPU: each CPU's events come out of its own buffer" {
	[[ $(nproc) -ge 2 ]] || skip "this machine has one CPU"
	opened cpus
	stats cpus
	local on0 on1
	on0=$(count cpus '.name == "getppid" and .comm == "workload" and .cpu == 0')
	on1=$(count cpus '.name == "getppid" and .comm == "workload" and .cpu == 1')
	echo "getppid events read from CPU 0's buffer: $on0, from CPU 1's: $on1 (1000 each expected)"
	[[ $on0 == 1000 && $on1 == 1000 ]] ||
		fail "a CPU's probe writes to its own CPU's perf event (BPF_F_CURRENT_CPU), so the event of buffer N must be opened on CPU N; $DROPS events were dropped"
}

# ---- 10.2 peeking at the oldest record -------------------------------------------

@test "10.2 [1 pt] the cases of perf_cases.c: samples, lost records, a record across the end, sizes the kernel never writes" {
	cases peek
}

@test "10.2 [2 pts] a flood into 4 KiB buffers: the drops are counted, and no event is corrupt" {
	opened flood
	stats flood
	[[ $CORRUPT == 0 ]] ||
		fail "$CORRUPT corrupt events: a PERF_RECORD_LOST record was handed out as an event (skip every record that is not a PERF_RECORD_SAMPLE)"
	[[ $DROPS -gt 0 && $DROPS == "$FULL" ]] ||
		fail "4 KiB buffers cannot hold 200000 events as fast as they come: drops, all 'buffer full', were expected"
	# n_evts counts every event written: the command's, and a few more
	# (the exit of a process that is not the command's).
	[[ $PRINTED -le $CAPTURED && $PRINTED -ge $((CAPTURED - 20)) ]] ||
		fail "the probe wrote $CAPTURED events and the reader printed $PRINTED: events written were lost in the reader"
}

@test "10.2 [2 pts] events that cross the end of a 4 KiB buffer come out whole, in order" {
	opened wrap
	stats wrap
	wrap_data wrap
	local n=$WRAP_N bad=$WRAP_BAD
	[[ $CORRUPT == 0 ]] ||
		fail "the reader found $CORRUPT corrupt events: a record that runs past the end of the data is handed out in place, not copied whole (record_at_tail)"
	[[ $bad == 0 ]] || fail "events were torn or out of order"
	[[ $n -ge 100 ]] ||
		fail "only $n of the 1000 write events arrived: too few to go round the buffer and cross its end. If the first ones came and then none, the kernel thinks the buffer full: exercise 10.3"
}

# ---- 10.3 giving records back -----------------------------------------------------

@test "10.3 [1 pt] the cases of perf_cases.c: the tail moves past the record peeked; the kernel gets the room back a 16th of the buffer at a time, and all of it when the reader has caught up" {
	cases consume
}

@test "10.3 [2 pts] a 4 KiB buffer is used again and again: at least 900 of 1000 writes arrive" {
	opened wrap
	stats wrap
	local n
	n=$(count wrap '.name == "write" and .dir == "<"')
	echo "write exit events of workload wrap: $n of 1000"
	[[ $n -ge 900 ]] ||
		fail "only $n of the 1000 write events arrived, and $DROPS were dropped: the kernel reuses only what data_tail gives back"
}
