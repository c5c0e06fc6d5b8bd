#!/bin/bash
# make bench, its second part (scripts/bench.sh runs it): how much each of
# our drivers, and its floor, keeps up with.
#
#   scripts/bench-throughput.sh OUT [QUICK=1] [MODES="modern_bpf bpf ..."]
#
# 1. Drops against buffer size: two producers, a getppid loop pinned to
#    each CPU, while the driver reads with 1, 4, 8 (the default), 16 and 64
#    MiB per CPU. With 2 CPUs the reader shares one with a producer: the
#    worst case a busy machine gives it.
# 2. The sustained rate: one producer on CPU 1, paced at a rate (getppid
#    calls a second, 2 events each), the reader on CPU 0, 8 MiB per CPU.
#    The rate doubles until events are dropped (or the loop cannot go
#    faster), then 3 halvings of the gap find the highest rate with none.
#
# Writes OUT/throughput.tsv: test, mode, buffer MiB, rate asked (ops/s),
# rate made, events read, events dropped (for "sustained": what stopped
# the search, drops or the producer).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-modes.bash
out=${1:?usage: scripts/bench-throughput.sh OUT [QUICK=1] [MODES=...]}
shift
QUICK= MODES="floor-ring modern_bpf floor-perf bpf"
for arg in "$@"; do
	case $arg in
	QUICK=* | MODES=*) declare "${arg%%=*}=${arg#*=}" ;;
	*) echo "bench-throughput: unknown argument '$arg'" >&2; exit 2 ;;
	esac
done
loop=$BENCH_BIN/syscall_loop
BENCH_TMP=$(mktemp -d /tmp/scaplab-bench-tp.XXXXXX)
trap 'stop_reader; rm -rf "$BENCH_TMP"' EXIT
sizes="1 4 8 16 64" n=2000000 steps=3 secs=1
[[ -z $QUICK ]] || { sizes="1 8"; n=100000; steps=1; secs=0.2; }
tsv=$out/throughput.tsv
printf 'test\tmode\tbuffer_mib\trate_asked\trate_made\tevents\tdrops\n' >"$tsv"

# run MODE TEST MIB RATE CMD...: one measurement, a line of the TSV. Prints
# "DROPS RATE_MADE".
run() {
	local mode=$1 test=$2 mib=$3 rate=$4 made events drops
	shift 4
	BENCH_RING_BYTES=$((mib << 20)) mode_start "$mode" || { stop_reader; return 1; }
	made=$("$@")
	sleep 0.2
	read -r events drops < <(mode_stop "$mode")
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$test" "$mode" "$mib" "$rate" "$made" "$events" "$drops" >>"$tsv"
	echo "$drops $made"
}

# two_producers: a getppid loop on each CPU at once; their summed rate.
two_producers() {
	local a b
	taskset -c 0 "$loop" getppid "$n" >"$BENCH_TMP/p0" &
	taskset -c 1 "$loop" getppid "$n" >"$BENCH_TMP/p1"
	wait $!
	a=$(sed -n 's/^ns_per_op=\([0-9.]*\) .*/\1/p' "$BENCH_TMP/p0")
	b=$(sed -n 's/^ns_per_op=\([0-9.]*\) .*/\1/p' "$BENCH_TMP/p1")
	awk -v a="$a" -v b="$b" 'BEGIN { printf "%.0f\n", 1e9 / a + 1e9 / b }'
}

# paced RATE: one producer on CPU 1 at RATE getppid calls a second, for
# $secs seconds; the rate it made.
paced() {
	local ns
	ns=$(taskset -c 1 "$loop" getppid "$(awk -v r="$1" -v s="$secs" 'BEGIN { printf "%d", r * s }')" "$1" |
		sed -n 's/^ns_per_op=\([0-9.]*\) .*/\1/p')
	awk -v ns="$ns" 'BEGIN { printf "%.0f\n", 1e9 / ns }'
}

# limited_by RATE DROPS MADE: false, printing why, if the run at RATE
# dropped events or could not make 90% of RATE.
limited_by() {
	[[ $2 == 0 ]] || { echo drops; return 1; }
	[[ $3 -ge $(($1 * 9 / 10)) ]] || { echo producer; return 1; }
}

for mode in $MODES; do
	for mib in $sizes; do
		bench_progress 'bench: %-10s two producers, %2d MiB per CPU   ' "$mode" "$mib"
		run "$mode" buffer "$mib" - two_producers >/dev/null || true
	done
	# The highest paced rate with no drop: double, then bisect.
	# What stopped it: "drops", or "producer" (the traced loop made less
	# than 90% of the rate asked: it cannot go faster under this driver).
	lo=0 hi=0 rate=250000 limit=-
	while :; do
		bench_progress 'bench: %-10s paced at %8d calls/s        ' "$mode" "$rate"
		read -r drops made < <(run "$mode" rate 8 "$rate" paced "$rate") || break
		if ! limit=$(limited_by "$rate" "$drops" "$made"); then
			hi=$rate
			break
		fi
		lo=$rate
		rate=$((rate * 2))
	done
	for ((i = 0; i < steps && hi > 0 && lo > 0; i++)); do
		rate=$(((lo + hi) / 2))
		bench_progress 'bench: %-10s paced at %8d calls/s        ' "$mode" "$rate"
		read -r drops made < <(run "$mode" rate 8 "$rate" paced "$rate") || break
		if why=$(limited_by "$rate" "$drops" "$made"); then lo=$rate; else hi=$rate limit=$why; fi
	done
	printf '%s\t%s\t8\t-\t%s\t-\t%s\n' sustained "$mode" "$lo" "$limit" >>"$tsv"
done
bench_progress '%s\n' ""
