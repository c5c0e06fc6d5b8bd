#!/bin/bash
# make bench, its third part (scripts/bench.sh runs it): where our BPF
# drivers spend their time in the kernel, by the kernel's own count of each
# program's runs and run time (sysctl kernel.bpf_stats_enabled).
#
#   scripts/bench-bpf-stats.sh OUT [QUICK=1] [MODES="modern_bpf bpf floor-ring"] [WORKLOADS=...]
#
# For each driver and workload: the driver captures while one loop runs on
# CPU 1; bpftool reads every program's run_cnt and run_time_ns before and
# after. A tail call runs inside its caller's time, so a filler's time
# shows in its dispatcher's (sys_enter, sys_exit for modern_bpf). Apart
# from the timed rounds: with the stats on, each run reads the clock twice
# more, which costs the traced program about 20-40 ns.
#
# Writes OUT/bpf_stats.tsv: mode, workload, program, runs per op, ns per
# run, BPF ns per op (that program's time over the loop's operations).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-modes.bash
out=${1:?usage: scripts/bench-bpf-stats.sh OUT [QUICK=1] [MODES=...] [WORKLOADS=...]}
shift
QUICK= MODES="modern_bpf bpf floor-ring" WORKLOADS="getppid openclose read write1k"
for arg in "$@"; do
	case $arg in
	QUICK=* | MODES=* | WORKLOADS=*) declare "${arg%%=*}=${arg#*=}" ;;
	*) echo "bench-bpf-stats: unknown argument '$arg'" >&2; exit 2 ;;
	esac
done
command -v bpftool >/dev/null || { echo "bench-bpf-stats: bpftool is not installed" >&2; exit 1; }
loop=$BENCH_BIN/syscall_loop
BENCH_TMP=$(mktemp -d /tmp/scaplab-bench-stats.XXXXXX)
was=$(sysctl -n kernel.bpf_stats_enabled)
trap 'stop_reader; sysctl -q -w kernel.bpf_stats_enabled="$was"; rm -rf "$BENCH_TMP"' EXIT
n=200000
[[ -z $QUICK ]] || n=10000
tsv=$out/bpf_stats.tsv
printf 'mode\tworkload\tprogram\truns_per_op\tns_per_run\tns_per_op\n' >"$tsv"

# snapshot: "id name run_cnt run_time_ns" of every program that has stats.
snapshot() {
	bpftool prog show -j | jq -r '.[] | select(.run_cnt != null) |
		"\(.id) \(.name) \(.run_cnt) \(.run_time_ns)"'
}

sysctl -q -w kernel.bpf_stats_enabled=1
for m in $MODES; do
	[[ -z $(mode_why_not "$m") ]] || { echo "bench-bpf-stats: skipping $m: $(mode_why_not "$m")" >&2; continue; }
	for w in $WORKLOADS; do
		mode_start "$m" || { stop_reader; continue; }
		snapshot >"$BENCH_TMP/before"
		taskset -c 1 "$loop" "$w" "$n" >/dev/null
		snapshot >"$BENCH_TMP/after"
		mode_stop "$m" >/dev/null
		# Programs by id: the reader's own, loaded for this run, are the
		# ones that ran; the machine's others ran little or not at all.
		awk -v m="$m" -v w="$w" -v n="$n" '
			NR == FNR { cnt[$1] = $3; t[$1] = $4; next }
			{ runs = $3 - cnt[$1]; ns = $4 - t[$1] }
			runs >= n / 2 { printf "%s\t%s\t%s\t%.2f\t%.1f\t%.1f\n", m, w, $2, runs / n, ns / runs, ns / n }' \
			"$BENCH_TMP/before" "$BENCH_TMP/after" >>"$tsv"
	done
done
