#!/usr/bin/env bats
# make bench works (scripts/bench.sh): a QUICK run (one round, small loops)
# measures every mode on every workload, and every tracer's own count of
# what it saw is read. Timing is not checked here: a loaded test machine
# would make any bar flaky. The figures are the note's and the README's.
#
#   make -f test/test.mk bats BATS_FILES=test/bats/bench.bats

load helpers

MODES="floor-noop floor-ring floor-tail modern_bpf bpf floor-perf ftrace bpftrace perf strace"
WORKLOADS="getppid openclose read write1k"

setup_file() {
	export BENCH_OUT=$CAPTURE_DIR/bench
	rm -rf "$BENCH_OUT" "$CAPTURE_DIR/bench.rc"
	mkdir -p "$CAPTURE_DIR"
	"$REPO_ROOT/scripts/bench.sh" QUICK=1 OUT="$BENCH_OUT" >"$CAPTURE_DIR/bench.log" 2>&1 ||
		echo $? >"$CAPTURE_DIR/bench.rc"
}

setup() {
	[[ ! -s $CAPTURE_DIR/bench.rc ]] || {
		tail -n 20 "$CAPTURE_DIR/bench.log"
		fail "scripts/bench.sh QUICK=1 exited $(cat "$CAPTURE_DIR/bench.rc")"
	}
}

# result MODE WORKLOAD: that row of results.json, or fail.
result() {
	local row
	row=$(jq -c --arg m "$1" --arg w "$2" '.ops[] | select(.mode == $m and .workload == $w)' \
		"$BENCH_OUT/results.json")
	[[ -n $row ]] || fail "no result for $1 on $2 in $BENCH_OUT/results.json (skipped: $(cat "$BENCH_OUT/skipped.tsv"))"
	echo "$row"
}

@test "bench: every mode ran on every workload, none skipped" {
	local m w row
	[[ ! -s $BENCH_OUT/skipped.tsv ]] || fail "skipped here: $(cat "$BENCH_OUT/skipped.tsv")"
	for w in $WORKLOADS; do
		for m in none $MODES; do
			row=$(result "$m" "$w")
			jq -e '.ns_per_op > 0' <<<"$row" >/dev/null || fail "no ns per op: $row"
		done
	done
}

@test "bench: each tracer's count covers the loops' syscalls (enter and exit each)" {
	local m w row n_min
	for w in $WORKLOADS; do
		for m in floor-ring floor-tail modern_bpf bpf floor-perf ftrace bpftrace perf; do
			row=$(result "$m" "$w")
			# 3 loops of ops_per_loop ops (bench.sh sizes them): at least
			# 2 events a syscall.
			n_min=$(jq '3 * 2 * .syscalls_per_op * .ops_per_loop' <<<"$row")
			jq -e --argjson min "$n_min" '.events + (.drops // 0) >= $min' <<<"$row" >/dev/null ||
				fail "$m on $w: $(jq -c '{events, drops}' <<<"$row"), expected at least $n_min"
		done
	done
}

@test "bench: drops per buffer size (1, 8 MiB) and the sustained rate, for each driver and floor" {
	local m
	for m in floor-ring modern_bpf floor-perf bpf; do
		jq -e --arg m "$m" '[.buffer[] | select(.mode == $m and .events > 0) | .buffer_mib] == [1, 8]' \
			"$BENCH_OUT/results.json" >/dev/null ||
			fail "$m: buffer rows $(jq -c --arg m "$m" '[.buffer[] | select(.mode == $m)]' "$BENCH_OUT/results.json")"
		jq -e --arg m "$m" '[.sustained[] | select(.mode == $m and .calls_per_s >= 0)] | length == 1' \
			"$BENCH_OUT/results.json" >/dev/null || fail "$m: no sustained rate"
	done
}

@test "bench: bpf_stats gives each BPF driver's programs a run count and a time per run" {
	local m w
	for w in $WORKLOADS; do
		for m in modern_bpf bpf floor-ring floor-perf; do
			# Both tracepoints, at least once per op of the loop (the
			# machine's other syscalls run them too).
			jq -e --arg m "$m" --arg w "$w" '[.bpf_stats[] | select(.mode == $m and .workload == $w and
				.runs_per_op >= 1 and .ns_per_run > 0)] | length >= 2' "$BENCH_OUT/results.json" \
				>/dev/null || fail "$m on $w: $(jq -c --arg m "$m" --arg w "$w" \
				'[.bpf_stats[] | select(.mode == $m and .workload == $w)]' "$BENCH_OUT/results.json")"
		done
	done
}

@test "bench: the table, the JSON and the plots are written" {
	local rows png
	rows=$(grep -c '^| [a-z0-9]* | [a-z_-]* | [0-9]' "$BENCH_OUT/results.md")
	expect_equal "rows of results.md" "$rows" $(($(wc -w <<<"none $MODES") * $(wc -w <<<"$WORKLOADS")))
	for png in overhead drops; do
		[[ $(head -c 4 "$BENCH_OUT/$png.png" | od -An -c | tr -d ' ') == 211PNG ]] ||
			fail "$BENCH_OUT/$png.png is not a PNG"
	done
}

@test "bench: a wrong argument is refused with the list of right ones" {
	run "$REPO_ROOT/scripts/bench.sh" FOO=1
	[[ $status == 2 && $output == *"ROUNDS=, QUICK=1"* ]] || fail "exit $status: $output"
	run "$REPO_ROOT/scripts/bench.sh" MODES=nosuch
	[[ $status == 2 && $output == *"no mode 'nosuch'"* ]] || fail "exit $status: $output"
	run "$REPO_ROOT/scripts/bench.sh" ROUNDS=0
	[[ $status == 2 ]] || fail "ROUNDS=0: exit $status: $output"
}
