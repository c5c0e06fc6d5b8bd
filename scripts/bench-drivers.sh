#!/bin/bash
# What each driver costs a syscall, in one interleaved run, where the kernel
# module can load (run it through scripts/kmod-run):
#
#   sudo scripts/kmod-run -- scripts/bench-drivers.sh [ROUNDS=5] [N=200000]
#
# Modes: no capture (the baseline, measured again every round), the kernel
# module (scap-open --kmod -q) and the modern eBPF driver (scap-open -q),
# each capturing every syscall while a getppid loop runs. The method of
# ../shared/notes/perf-facts.md: modes shuffled in every round, the loop on
# CPU 1 and the reader on CPU 0, best of 3 loops in a round, the median over
# the rounds. Prints ns per call and each driver's overhead over the
# baseline; ratios are what to compare (under QEMU's TCG the absolute
# figures are several times a real machine's).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=5 N=200000
for arg in "$@"; do
	case $arg in
	ROUNDS=*) ROUNDS=${arg#*=} ;;
	N=*) N=${arg#*=} ;;
	*) echo "bench-drivers: unknown argument '$arg'" >&2; exit 2 ;;
	esac
done
loop=build/test/bench/getppid_loop
[[ -x $loop ]] || { mkdir -p "$(dirname $loop)"; ${CC:-cc} -O2 -Wall -Wextra -Werror test/bench/getppid_loop.c -o $loop; }
[[ -e /dev/scaplab0 ]] || insmod "build/driver/$(uname -r)/scaplab.ko"
declare -A args=([kmod]="--kmod" [modern_bpf]="--modern_bpf")

best_of_3() {
	for _ in 1 2 3; do taskset -c 1 $loop "$N" | sed -n 's/^ns_per_call=//p'; done |
		sort -g | head -n 1
}

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# stop PID: wait for a reader that was sent SIGINT, at most 60 s.
stop() {
	for _ in $(seq 600); do
		kill -0 "$1" 2>/dev/null || { wait "$1" || true; return; }
		sleep 0.1
	done
	echo "bench-drivers: the reader did not stop in 60 s; killed" >&2
	kill -KILL "$1"
	wait "$1" || true
}

tmp=$(mktemp -d /tmp/bench-drivers.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
cp /bin/true "$tmp/bench-marker"	# its comm is the filter of the readers

declare -A ns
for round in $(seq "$ROUNDS"); do
	for mode in $(printf '%s\n' none kmod modern_bpf | shuf); do
		if [[ $mode == none ]]; then
			ns[$mode]+="$(best_of_3) "
			continue
		fi
		# Every syscall is captured; only the marker's events are printed.
		rm -f "$tmp/ready"
		# shellcheck disable=SC2086
		taskset -c 0 build/scap-open ${args[$mode]} -c bench-marker -o "$tmp/ready" \
			--duration 600 2>/dev/null &
		pid=$!
		# Live once the marker's events come out: a probe may take a minute to
		# load under TCG, so no fixed sleep.
		for _ in $(seq 1200); do
			"$tmp/bench-marker"
			[[ -s $tmp/ready ]] && break
			sleep 0.1
		done
		[[ -s $tmp/ready ]] || { echo "bench-drivers: $mode never started" >&2; exit 1; }
		ns[$mode]+="$(best_of_3) "
		kill -INT $pid
		stop $pid
	done
done
base=$(tr ' ' '\n' <<<"${ns[none]}" | grep . | median)
printf '%-12s %8.0f ns/call\n' "no capture" "$base"
for mode in kmod modern_bpf; do
	m=$(tr ' ' '\n' <<<"${ns[$mode]}" | grep . | median)
	awk -v m="$m" -v b="$base" -v name="$mode" \
		'BEGIN { printf "%-12s %8.0f ns/call, overhead %.0f ns (%.2fx the baseline)\n", name, m, m - b, m / b }'
done
