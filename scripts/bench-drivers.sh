#!/bin/bash
# What each driver costs a syscall, in one interleaved run, where the kernel
# module can load (run it through scripts/kmod-run):
#
#   sudo scripts/kmod-run -- scripts/bench-drivers.sh [ROUNDS=5] [N=50000] [MODES="kmod falco"] [OUT=FILE]
#
# make bench runs it in the VM (scripts/bench.sh); OUT=FILE gets the table
# as TSV for scripts/bench-report.sh.
#
# Modes: no capture (the baseline, measured again every round), the kernel
# module (scap-open --kmod), the modern eBPF driver (scap-open), the legacy
# eBPF driver (scap-open --bpf), the legacy driver's floor (floor-perf: a
# raw tracepoint and a bare bpf_perf_event_output of a header, read by the
# same perf buffer reader, test/bench/floor_perf.c), the same floor with a
# wake-up per sample (floor-wakeup, libbpf's default) and, where it is built
# (make -f test/test.mk falco-kmod), Falco's 2022 kernel module read by
# sysdig 0.29: each captures every syscall while a getppid loop runs, and
# the drivers print only a marker program's events. The method, which gave
# stable ratios: modes shuffled in every round, the loop on
# CPU 1 and the reader on CPU 0, best of 3 loops in a round, the median over
# the rounds. Prints ns per call and each driver's overhead over the
# baseline; ratios are what to compare (under QEMU's TCG the absolute
# figures are several times a real machine's).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=5 N=50000 MODES="kmod modern_bpf bpf floor-perf floor-wakeup falco" OUT=
for arg in "$@"; do
	case $arg in
	ROUNDS=* | N=* | MODES=* | OUT=*) declare "${arg%%=*}=${arg#*=}" ;;
	*) echo "bench-drivers: unknown argument '$arg' (ROUNDS=, N=, MODES=, OUT=)" >&2; exit 2 ;;
	esac
done
for m in $MODES; do
	[[ " kmod modern_bpf bpf floor-perf floor-wakeup falco " == *" $m "* ]] ||
		{ echo "bench-drivers: no mode '$m' (kmod modern_bpf bpf floor-perf floor-wakeup falco)" >&2; exit 2; }
done
loop=build/test/bench/getppid_loop
[[ -x $loop ]] || { mkdir -p "$(dirname $loop)"; ${CC:-cc} -O2 -Wall -Wextra -Werror test/bench/getppid_loop.c -o $loop; }
[[ -e /dev/scaplab0 ]] || insmod "build/driver/$(uname -r)/scaplab.ko"
floor=build/test/bench/floor-perf
floor_obj=build/test/bench/floor_perf.bpf.o
[[ " $MODES " != *" floor-"* || ( -x $floor && -r $floor_obj ) ]] ||
	{ echo "bench-drivers: $floor is missing: make -f test/test.mk bench-tools" >&2; exit 1; }
modes=${MODES/falco/}
falco_ko=build/falco/$(uname -r)/scap.ko
if [[ " $MODES " != *" falco "* ]]; then
	:
elif [[ -e /dev/scap0 ]] || { [[ -r $falco_ko ]] && command -v sysdig >/dev/null && insmod "$falco_ko"; }; then
	modes+=" falco"
else
	echo "bench-drivers: no Falco kmod ($falco_ko) or no sysdig: measuring ours only" >&2
fi

# A pause after each loop lets the reader empty the ring: a reader that
# falls behind (sysdig does under TCG) would drop events, and a dropped
# event costs the traced program less than a stored one.
best_of_3() {
	for _ in 1 2 3; do
		taskset -c 1 $loop "$N" | sed -n 's/^ns_per_call=//p'
		sleep 1
	done | sort -g | head -n 1
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

# start_reader MODE: capture every syscall on CPU 0, print the marker's.
start_reader() {
	case $1 in
	kmod | modern_bpf | bpf)
		exec taskset -c 0 build/scap-open "--$1" -c bench-marker -o "$tmp/ready" --duration 600 ;;
	# No marker: it says "attached" on stderr once its programs are.
	floor-perf) exec taskset -c 0 $floor "$floor_obj" 600 0 >"$tmp/$1.out" 2>"$tmp/ready" ;;
	floor-wakeup) exec taskset -c 0 $floor "$floor_obj" 600 1 >"$tmp/$1.out" 2>"$tmp/ready" ;;
	# -v: the driver's event and drop counts at the end.
	falco) exec taskset -c 0 sysdig -v -p '%evt.num' proc.name=bench-marker >"$tmp/ready" ;;
	esac
}

# drops MODE: what the reader said it lost, after it stopped.
drops() {
	case $1 in
	falco) sed -n 's/^Driver Drops: *//p' "$tmp/$1.err" "$tmp/ready" | head -n 1 ;;
	floor-*) sed -n 's/.* \([0-9]*\) lost$/\1/p' "$tmp/$1.out" ;;
	*) sed -n 's/.*drops: \([0-9]*\).*/\1/p' "$tmp/$1.err" | tail -n 1 ;;
	esac
}

tmp=$(mktemp -d /tmp/bench-drivers.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
cp /bin/true "$tmp/bench-marker"	# its comm is the filter of the readers

declare -A ns dropped
for round in $(seq "$ROUNDS"); do
	for mode in $(printf '%s\n' none $modes | shuf); do
		if [[ $mode == none ]]; then
			ns[$mode]+="$(best_of_3) "
			continue
		fi
		# Every syscall is captured; only the marker's events are printed.
		rm -f "$tmp/ready"
		start_reader "$mode" 2>"$tmp/$mode.err" &
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
		dropped[$mode]+="$(drops "$mode") "
	done
done
base=$(tr ' ' '\n' <<<"${ns[none]}" | grep . | median)
printf '%-12s %8.0f ns/call\n' "no capture" "$base"
[[ -z $OUT ]] || printf 'mode\tns_per_call\toverhead_ns\tx_baseline\tdrops_per_round\n' >"$OUT"
for mode in $modes; do
	m=$(tr ' ' '\n' <<<"${ns[$mode]}" | grep . | median)
	awk -v m="$m" -v b="$base" -v name="$mode" -v d="${dropped[$mode]}" \
		'BEGIN { printf "%-12s %8.0f ns/call, overhead %.0f ns (%.2fx the baseline), drops per round: %s\n", name, m, m - b, m / b, d }'
	[[ -z $OUT ]] || awk -v m="$m" -v b="$base" -v name="$mode" -v d="${dropped[$mode]}" \
		'BEGIN { sub(/ +$/, "", d); printf "%s\t%.0f\t%.0f\t%.2f\t%s\n", name, m, m - b, m / b, d }' >>"$OUT"
done
[[ -z $OUT ]] || printf 'none\t%.0f\t0\t1.00\t-\n' "$base" >>"$OUT"
