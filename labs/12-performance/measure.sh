#!/bin/bash
# Lab 12's measurement: what this lab's modern driver costs a syscall,
# against no tracing and against the floor, and what a wake-up per event
# costs. It prints a block of lines to paste into answers.txt.
#
#   sudo labs/12-performance/measure.sh before|after [ROUNDS]
#
# before: with listen.bpf.c as the lab hands it out (exercise 12.1);
# after:  once listen's events go straight into the ring (exercise 12.2).
#
# Two workloads (build/test/bench/syscall_loop): getppid (the generic
# event pair) and listen(-1, 5) (listen's own pair). Four modes: none (no
# tracing), floor (a bare header per syscall in the ring, no wake-up:
# the least a capture can do), wakeup (the floor, with a wake-up asked for
# every event; getppid only) and modern (this lab's scap-open, -q). The
# method of make bench (scripts/bench.sh): in every round each workload
# runs under every mode, the modes shuffled; the workload on CPU 1, the
# tracer on CPU 0; the best of 3 loops in a round; the median of the
# rounds (default 3). It takes about 20 seconds on our machines.
set -euo pipefail
cd "$(dirname "$0")/../.."

LAB=build/labs/12-performance
label=${1:-}
ROUNDS=${2:-3}
[[ $label == before || $label == after ]] ||
	{ echo "usage: sudo labs/12-performance/measure.sh before|after [ROUNDS]" >&2; exit 2; }
[[ $ROUNDS =~ ^[1-9][0-9]?$ ]] || { echo "measure: ROUNDS is a number from 1 to 99, not '$ROUNDS'" >&2; exit 2; }
[[ $(id -u) == 0 ]] || { echo "measure: tracing needs root: sudo $0 $*" >&2; exit 1; }
[[ $(nproc) -ge 2 ]] || { echo "measure: needs 2 CPUs (the workload on one, the tracer on the other)" >&2; exit 1; }
command -v bpftool >/dev/null || { echo "measure: bpftool is missing (make setup-test installs it)" >&2; exit 1; }

echo "measure: building lab 12's system and the bench tools..." >&2
make --no-print-directory -s lab-system LAB=12 >/dev/null ||
	{ echo "measure: lab 12's system does not build: make lab-system LAB=12 says why" >&2; exit 1; }
make --no-print-directory -s -f test/test.mk bench-tools >/dev/null ||
	{ echo "measure: the bench tools do not build: make -f test/test.mk bench-tools" >&2; exit 1; }

BENCH_SCAP_OPEN=$LAB/scap-open
BENCH_TMP=$(mktemp -d /tmp/scaplab-measure.XXXXXX)
. scripts/bench-modes.bash
. labs/12-performance/lab12_lib.bash
trap 'stop_reader; rm -rf "$BENCH_TMP"' EXIT
loop=$BENCH_BIN/syscall_loop

# Loops of about 50 ms untraced (shorter where a mode is much slower:
# mode_loop_div).
declare -A N
for w in getppid listen; do
	ns=$(taskset -c 1 "$loop" "$w" 20000 | ns_per_op)
	N[$w]=$(awk -v ns="$ns" 'BEGIN { n = 0.05e9 / ns; printf "%d", n < 2000 ? 2000 : n }')
done

# best_of_3 MODE WORKLOAD: the fastest ns per call of three loops on CPU 1.
best_of_3() {
	local n=$((N[$2] / $(mode_loop_div "$1")))
	for _ in 1 2 3; do
		taskset -c 1 "$loop" "$2" "$n" | ns_per_op
		sleep 0.1	# the tracer catches up before the next loop
	done | sort -g | head -n 1
}

# listen_events: how the loaded probe sends listen's events: "ring" if
# listen_e and listen_x use no scratch map, "scratch map" if either does.
listen_events() {
	local users

	users=$(listen_scratch_users 2>/dev/null) || { echo "not loaded"; return; }
	[[ -n $users ]] && echo "scratch map" || echo ring
}

declare -A SAMPLES
drops=0 path=
for round in $(seq "$ROUNDS"); do
	for w in $(shuf -e getppid listen); do
		modes="none floor-ring modern_bpf"
		[[ $w != getppid ]] || modes+=" floor-wakeup"
		for m in $(shuf -e $modes); do
			bench_progress 'measure: round %d/%d, %-8s under %-12s' "$round" "$ROUNDS" "$w" "$m"
			if [[ $m == none ]]; then
				SAMPLES[$w/$m]+=" $(best_of_3 none "$w")"
				continue
			fi
			mode_start "$m" || exit 1
			[[ $m != modern_bpf || -n $path ]] || path=$(listen_events)
			SAMPLES[$w/$m]+=" $(best_of_3 "$m" "$w")"
			read -r _ d < <(mode_stop "$m")
			[[ $d =~ ^[0-9]+$ ]] && drops=$((drops + d))
		done
	done
done
bench_progress '\r%60s\r' ""

median() {
	tr ' ' '\n' <<<"$1" | grep . | sort -g |
		awk '{ v[NR] = $1 } END { printf "%.1f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

lines=("$label.machine = $(uname -r), $(nproc) CPUs, $ROUNDS round$([[ $ROUNDS == 1 ]] || echo s), $(date -u '+%Y-%m-%d %H:%M') UTC")
for w in getppid listen; do
	for m in none floor-ring floor-wakeup modern_bpf; do
		[[ -n ${SAMPLES[$w/$m]:-} ]] || continue
		case $m in floor-ring) k=floor ;; floor-wakeup) k=wakeup ;; modern_bpf) k=modern ;; *) k=$m ;; esac
		lines+=("$label.${w}_${k}_ns = $(median "${SAMPLES[$w/$m]}")")
	done
done
lines+=("$label.listen_events = $path" "$label.drops = $drops")
# The grader checks the block is as printed: a typo, or a changed figure,
# would make the answers it checks against it wrong. Its lines may be
# pasted in any order: they are sorted first.
check=$(printf '%s\n' "${lines[@]}" | measure_check)
lines+=("$label.check = $check")

mkdir -p "$LAB"
printf '%s\n' "${lines[@]}" >"$LAB/measure-$label.txt"
echo "# Paste these lines into labs/12-performance/answers.txt, in exercise 12.$([[ $label == before ]] && echo 1 || echo 2)'s part"
echo "# (they are kept in $LAB/measure-$label.txt too):"
printf '%s\n' "${lines[@]}"
[[ $drops == 0 ]] || echo "# Warning: $drops events were dropped during the runs: the machine was busy; measure again." >&2
[[ $path == "scratch map" || $label == after ]] ||
	echo "# Note: listen's events already go straight into the ring: 'before' is meant for the starter's listen.bpf.c." >&2
