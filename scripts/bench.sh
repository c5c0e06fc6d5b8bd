#!/bin/sh
# `make bench`: what the modern eBPF driver costs, measured in one run.
#   1. getppid with no capture (the baseline), ns per call
#   2. getppid while scap-open captures every syscall, ns per call
#   3. the sustained rate: events/s with zero drops on a getppid loop
# Each figure is the median of RUNS runs.
set -eu
cd "$(dirname "$0")/.."
N=${N:-2000000}
RUNS=${RUNS:-5}
loop=build/test/bench/getppid_loop
bin=build/scap-open
mkdir -p build/test/bench
${CC:-cc} -O2 -Wall -Wextra -Werror test/bench/getppid_loop.c -o $loop

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ns_of() { sed -n 's/^ns_per_call=//p'; }

base=$(for i in $(seq "$RUNS"); do $loop "$N" | ns_of; done | median)

# scap-open in the background, capturing everything; the loop runs uncaptured by it
# but its syscalls go through both dispatchers and a generic filler.
with=$(for i in $(seq "$RUNS"); do
	$bin -q --duration 30 2>/dev/null & pid=$!
	sleep 1	# load and attach
	$loop "$N" | ns_of
	kill -INT $pid; wait $pid || true
done | median)

echo "getppid, no capture:            $base ns/call"
echo "getppid, modern_bpf capturing:  $with ns/call"
awk -v b="$base" -v w="$with" 'BEGIN { printf "overhead per syscall:           %.1f ns (enter + exit event)\n", w - b }'

# Sustained rate: the reader consumes while the loop produces; count drops.
# scap-open's stats line: "... the driver captured C in S s (R events/s)" and "drops: D (...".
for i in $(seq "$RUNS"); do
	$bin -q -s getppid -- $loop "$N" 2>&1 >/dev/null |
		sed -n 's/.*(\([0-9]*\) events\/s).*/rate \1/p; s/.*drops: \([0-9]*\).*/drops \1/p' |
		paste -sd' '
done | sort -k2 -n | awk '{ r[NR] = $2; d[NR] = $4 }
	END { m = int((NR + 1) / 2);
	      printf "sustained, getppid loop:        %d events/s (median of %d runs), drops %d\n", r[m], NR, d[m] }'
