#!/bin/bash
# make bench: what each way of tracing syscalls costs, in one run.
#
#   sudo make bench [ROUNDS=5] [MODES="modern_bpf bpf ..."] [WORKLOADS="getppid read"]
#   sudo make bench QUICK=1       one round, small loops: that it works, not timing
#   sudo make bench GUEST=0       without the kernel modules' part (in the VM here)
#
# Workloads (test/bench/syscall_loop.c): getppid (a generic event pair),
# openclose (open+close of /dev/null: file events with a path), read
# (read(-1): a dedicated pair, no data), write1k (1 KiB to /dev/null: data
# cut at the snaplen).
# Modes (scripts/bench-modes.bash): none (no tracing); floor-noop (a tp_btf
# program that returns 0: the hook alone); floor-ring (a bare header per
# syscall reserved in a per-CPU BPF ring buffer, no wake-up: the least a
# capture can do); floor-tail (the same, one tail call away, as the modern
# driver's fillers are: what that jump costs); floor-wakeup (floor-ring
# with a wake-up asked for every event, the reader in epoll_wait: only
# when named in MODES, lab 12 measures it); modern_bpf; bpf (the legacy driver) and floor-perf (its
# floor: a bare header through bpf_perf_event_output); ftrace
# (raw_syscalls into tracefs, read from trace_pipe); bpftrace (count());
# perf (perf record); strace.
#
# The method (../shared/notes/perf-facts.md): in every round each workload
# runs under every mode, modes shuffled, "none" measured again in every
# round; the workload on CPU 1, the tracer on CPU 0; best of 3 loops in a
# round; the median over the rounds. Overheads are over the same round's
# "none"; "x floor" divides by floor-ring's (floor-perf's for bpf).
# Absolute figures move 10-30% between runs, the ratios much less.
#
# Then the kernel modules, where one loads (scripts/kmod-run: in Debian's
# kernel under QEMU on a machine without module support): our kmod against
# Falco's 2022 kmod read by sysdig, on a getppid loop, 3 rounds
# (scripts/bench-drivers.sh). Under TCG only the ratio means something.
#
# Writes build/bench/ (OUT=DIR for another): samples.tsv (every measurement), results.json,
# results.md (the table) and overhead.png (scripts/bench-report.sh);
# throughput.tsv (scripts/bench-throughput.sh); filter.tsv, the filter
# engine's rate (scripts/bench-filter.sh); bpf_stats.tsv, each BPF
# program's own run time (scripts/bench-bpf-stats.sh); drivers.tsv and
# drivers.txt, the modules' part.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-modes.bash

ROUNDS=5 QUICK= MODES= WORKLOADS="getppid openclose read write1k" OUT=build/bench GUEST=1
for arg in "$@"; do
	case $arg in
	ROUNDS=* | QUICK=* | MODES=* | WORKLOADS=* | OUT=* | GUEST=*) declare "${arg%%=*}=${arg#*=}" ;;
	*) echo "bench: unknown argument '$arg' (ROUNDS=, QUICK=1, MODES=, WORKLOADS=, OUT=, GUEST=0)" >&2; exit 2 ;;
	esac
done
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || { echo "bench: ROUNDS must be a number of at least 1, not '$ROUNDS'" >&2; exit 2; }
for w in $WORKLOADS; do
	[[ " getppid openclose read write1k " == *" $w "* ]] ||
		{ echo "bench: no workload '$w' (getppid openclose read write1k)" >&2; exit 2; }
done
[[ -n $MODES ]] || MODES="floor-noop floor-ring floor-tail modern_bpf bpf floor-perf ftrace bpftrace perf strace"
[[ $(id -u) == 0 ]] || { echo "bench: tracing needs root: sudo make bench" >&2; exit 1; }
[[ $(nproc) -ge 2 ]] || { echo "bench: needs 2 CPUs (the workload on one, the tracer on the other)" >&2; exit 1; }
[[ -n $QUICK ]] && ROUNDS=1

out=$OUT
BENCH_TMP=$(mktemp -d /tmp/scaplab-bench.XXXXXX)
trap 'stop_reader; rmdir "$FTRACE_INSTANCE" 2>/dev/null || true; rm -rf "$BENCH_TMP"' EXIT
mkdir -p "$out"
loop=$BENCH_BIN/syscall_loop
[[ -x $loop ]] || { echo "bench: $loop is missing: make -f test/test.mk bench-tools" >&2; exit 1; }

# Operations per loop: about 0.08 s each untraced, measured here (a getppid
# call took 76 ns on one of our machines and 1000 on another: fixed
# counts made the run take 6 minutes on one and 20 on the other); fewer
# for the slow modes (mode_loop_div). strace stops the program at
# every syscall, which costs 50 times a getppid call on one machine and
# 1900 times on the other: its loops are sized by a short run under it.
declare -A N K N_STRACE
loop_secs=0.08
[[ -z $QUICK ]] || loop_secs=0.002
# ops_for_secs NS_PER_OP MIN: the operations of a loop of loop_secs, at least MIN.
ops_for_secs() {
	awk -v s="$loop_secs" -v ns="${1:-1000}" -v min="$2" \
		'BEGIN { n = s * 1e9 / ns; printf "%d", n < min ? min : n }'
}
for w in $WORKLOADS; do
	N[$w]=$(ops_for_secs "$(taskset -c 1 "$loop" "$w" 20000 | ns_per_op)" 1000)
	K[$w]=$("$loop" "$w" 1 | sed -n 's/.*syscalls_per_op=//p')
done
# ops_per_loop MODE WORKLOAD: how many operations a loop of it makes.
ops_per_loop() {
	if [[ $1 == strace ]]; then
		echo "${N_STRACE[$2]:-200}"
	else
		echo $((N[$2] / $(mode_loop_div "$1")))
	fi
}

modes=""
: >"$out/skipped.tsv"
for m in $MODES; do
	why=$(mode_why_not "$m")
	[[ $why != "no such mode" ]] ||
		{ echo "bench: no mode '$m' (floor-noop floor-ring floor-tail floor-wakeup modern_bpf bpf floor-perf ftrace bpftrace perf strace)" >&2; exit 2; }
	if [[ -n $why ]]; then
		echo "bench: skipping $m: $why" >&2
		printf '%s\t%s\n' "$m" "$why" >>"$out/skipped.tsv"
	else
		modes+=" $m"
	fi
done
if [[ " $modes " == *" strace "* ]]; then
	for w in $WORKLOADS; do
		# shellcheck disable=SC2046
		N_STRACE[$w]=$(ops_for_secs "$($(mode_prefix strace) taskset -c 1 "$loop" "$w" 500 | ns_per_op)" 200)
	done
fi

# best_of_3 MODE WORKLOAD: three loops on CPU 1; prints the fastest ns per
# op and the seconds the three took.
best_of_3() {
	local n prefix
	n=$(ops_per_loop "$1" "$2")
	prefix=$(mode_prefix "$1")
	for _ in 1 2 3; do
		# shellcheck disable=SC2086
		$prefix taskset -c 1 "$loop" "$2" "$n" | ns_per_op
		sleep 0.1	# the tracer catches up before the next loop
	done | awk -v n="$n" '{ t += $1 * n / 1e9; if (NR == 1 || $1 < b) b = $1 }
		END { printf "%s %.4f\n", b, t }'
}

total=$((ROUNDS * $(wc -w <<<"$WORKLOADS") * ($(wc -w <<<"$modes") + 1)))
done_n=0
progress() {
	done_n=$((done_n + 1))
	bench_progress 'bench: round %d/%d, %-9s under %-10s %3d%%' "$1" "$ROUNDS" "$2" "$3" \
		$((done_n * 100 / total))
}

printf 'round\tmode\tworkload\tns_per_op\tloop_s\tevents\tdrops\treader_cpu_ns\tsyscalls_per_op\tops_per_loop\n' \
	>"$out/samples.tsv"
started=$(date +%s)
for round in $(seq "$ROUNDS"); do
	for w in $(shuf -e $WORKLOADS); do
		k=${K[$w]}
		for m in $(shuf -e none $modes); do
			progress "$round" "$w" "$m"
			if [[ $m == none ]]; then
				read -r ns secs < <(best_of_3 none "$w")
				printf '%s\tnone\t%s\t%s\t%s\t-\t-\t0\t%s\t%s\n' "$round" "$w" "$ns" "$secs" "$k" \
					"${N[$w]}" >>"$out/samples.tsv"
				continue
			fi
			mode_start "$m" || { stop_reader; continue; }
			cpu0=$(reader_cpu_ns)
			read -r ns secs < <(best_of_3 "$m" "$w")
			cpu1=$(reader_cpu_ns)
			read -r events drops < <(mode_stop "$m")
			printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$m" "$w" "$ns" "$secs" \
				"$events" "$drops" $((cpu1 - cpu0)) "$k" "$(ops_per_loop "$m" "$w")" >>"$out/samples.tsv"
		done
	done
done
bench_progress '%s\n' ""
# selected MODE...: those of the modes this run measures, in the order given.
selected() {
	local m
	for m; do [[ " $modes " == *" $m "* ]] && echo "$m"; done | xargs
}
# shellcheck disable=SC2086
scripts/bench-throughput.sh "$out" ${QUICK:+QUICK=1} MODES="$(selected floor-ring modern_bpf floor-perf bpf)"
# shellcheck disable=SC2086
scripts/bench-bpf-stats.sh "$out" ${QUICK:+QUICK=1} WORKLOADS="$WORKLOADS" \
	MODES="$(selected modern_bpf bpf floor-ring floor-perf)"
scripts/bench-filter.sh "$out"
# The modules' part: QUICK leaves it out (make test runs it in the kmod
# suite, test/kmod/bench.bats).
rm -f "$out/drivers.tsv"
if [[ $GUEST == 1 && -z $QUICK ]]; then
	bench_progress '%s' "bench: our kmod against Falco's ($(scripts/kmod-run where | cut -d' ' -f1-2))..."
	if make --no-print-directory kmod >"$out/drivers.txt" 2>&1 &&
		make --no-print-directory -f test/test.mk falco-kmod >>"$out/drivers.txt" 2>&1 &&
		VM_RW=$(realpath "$out") scripts/kmod-run -- scripts/bench-drivers.sh ROUNDS=3 \
			MODES="kmod falco" OUT="$(realpath "$out")/drivers.tsv" >>"$out/drivers.txt" 2>&1; then
		bench_progress '%s\n' ""
	else
		bench_progress '%s\n' ""
		echo "bench: the kernel modules' part failed: $out/drivers.txt says why" >&2
		tail -n 5 "$out/drivers.txt" >&2
	fi
fi
echo "bench: $((($(date +%s) - started))) s on $(uname -r), $(nproc) CPUs, $(date -u +%Y-%m-%d)" >"$out/machine.txt"
scripts/bench-report.sh "$out"
