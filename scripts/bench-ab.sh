#!/bin/bash
# Before and after, in one run: what two builds of scap-open cost.
#
#   sudo scripts/bench-ab.sh A=old/scap-open B=build/scap-open [ROUNDS=5] [N=2000000]
#                            [W=getppid|openclose|read|write1k|listen|fcntl|sendto] [ARGS="--bpf"]
#
# For each build: the capture cost (a loop of workload W, default getppid,
# from test/bench/syscall_loop.c: ns per op over the no-capture baseline)
# and the reader's CPU per event (scap-open -q, user + system time over
# the events of the loop). ARGS: more options for both scap-opens (the
# driver, the buffer size). The method of
# ../shared/notes/perf-facts.md: the modes shuffled in every round, the
# baseline measured again in every round, the loop on CPU 1 and the reader
# on CPU 0, the best of 3 runs in a round, the median over the rounds.
set -euo pipefail
cd "$(dirname "$0")/.."
declare -A bin
for arg in "$@"; do
	case $arg in
	A=* | B=*) bin[${arg%%=*}]=${arg#*=} ;;
	ROUNDS=*) ROUNDS=${arg#*=} ;;
	N=*) N=${arg#*=} ;;
	W=*) W=${arg#*=} ;;
	ARGS=*) ARGS=${arg#*=} ;;
	*) echo "bench-ab: unknown argument '$arg'" >&2; exit 2 ;;
	esac
done
ROUNDS=${ROUNDS:-5}
N=${N:-2000000}
W=${W:-getppid}
ARGS=${ARGS:-}
[[ -x ${bin[A]:-} && -x ${bin[B]:-} ]] || { echo "usage: $0 A=scap-open B=scap-open" >&2; exit 2; }
loop=build/test/bench/syscall_loop
make --no-print-directory -s -f test/test.mk "$loop"
syscalls=$($loop "$W" 1 | sed -n 's/.*syscalls_per_op=//p')
[[ -n $syscalls ]] || { echo "bench-ab: no workload '$W' (getppid openclose read write1k)" >&2; exit 2; }
tick=$(getconf CLK_TCK)

# best_of_3: the fastest of three loops, ns per op.
best_of_3() {
	for _ in 1 2 3; do taskset -c 1 $loop "$W" "$N" | sed -n 's/^ns_per_op=\([0-9.]*\) .*/\1/p'; done |
		sort -g | head -n 1
}

# cpu_ticks PID: user + system time of PID so far, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

declare -A cost cpu
for round in $(seq "$ROUNDS"); do
	base=$(best_of_3)
	for mode in $(printf '%s\n' A B | shuf); do
		# shellcheck disable=SC2086
		taskset -c 0 "${bin[$mode]}" $ARGS -q --duration 120 2>/dev/null &
		pid=$!
		sleep 2	# load and attach
		t0=$(cpu_ticks $pid)
		ns=$(best_of_3)
		t1=$(cpu_ticks $pid)
		kill -INT $pid
		wait $pid || true
		cost[$mode]+="$(awk -v w="$ns" -v b="$base" 'BEGIN { print w - b }') "
		# 3 loops of N ops, 2 events a syscall
		cpu[$mode]+="$(awk -v t=$((t1 - t0)) -v hz="$tick" -v e=$((6 * N * syscalls)) \
			'BEGIN { print t / hz * 1e9 / e }') "
	done
	echo "round $round: baseline $base ns/op" >&2
done

median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
printf '%-3s %-40s %22s %22s\n' "" "scap-open" "capture ns/op" "reader CPU ns/event"
for mode in A B; do
	printf '%-3s %-40s %22.1f %22.1f\n' "$mode" "${bin[$mode]}" \
		"$(median <<<"${cost[$mode]}")" "$(median <<<"${cpu[$mode]}")"
done
echo "(medians of $ROUNDS rounds of $W; capture cost is over the round's baseline, per op: $syscalls syscalls, 2 events each)"
