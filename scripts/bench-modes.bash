# shellcheck shell=bash
# The modes of make bench (scripts/bench.sh): how to start each tracer on
# CPU 0, know it is tracing, and stop it and read what it saw. Sourced.
#
#   mode_why_not MODE    nothing if MODE can run here, else why not
#   mode_start MODE      start it (READER_PID), return once it traces
#   mode_prefix MODE     what the workload runs under (strace), or nothing
#   mode_stop MODE       stop it; print "EVENTS DROPS" ("-" where it has none)
#   mode_loop_div MODE   how many times shorter its loops are
#   ns_per_op            the ns per operation of a syscall_loop run (a filter)
#
# Every tracer sees every syscall of the machine; our drivers print nothing
# (-q), so what is measured is capture and reading, not formatting.
# BENCH_RING_BYTES: the per-CPU buffer of our drivers and floors (8 MiB,
# scap-open's default). BENCH_SCAP_OPEN: the scap-open of our drivers
# (build/scap-open; lab 12 measures its own system's).

BENCH_TMP=${BENCH_TMP:-/tmp}
TRACEFS=/sys/kernel/tracing
FTRACE_INSTANCE=$TRACEFS/instances/scaplab-bench
BENCH_BIN=build/test/bench
BENCH_SCAP_OPEN=${BENCH_SCAP_OPEN:-build/scap-open}

# ns_per_op: the ns per operation a run of syscall_loop printed.
ns_per_op() {
	sed -n 's/^ns_per_op=\([0-9.]*\) .*/\1/p'
}

# mode_loop_div MODE: how many times shorter MODE's loops are than the
# untraced ones. perf writes every event to a file, and a wake-up per
# event makes a call about 20 times slower: without it their loops would
# take seconds.
mode_loop_div() {
	case $1 in
	perf) echo 4 ;;
	floor-wakeup) echo 32 ;;
	*) echo 1 ;;
	esac
}

mode_why_not() {
	case $1 in
	modern_bpf | bpf)
		[[ -x $BENCH_SCAP_OPEN ]] || echo "$BENCH_SCAP_OPEN is missing (make)" ;;
	floor-noop | floor-ring | floor-tail | floor-wakeup)
		[[ -x $BENCH_BIN/floor-ring ]] || echo "make -f test/test.mk bench-tools" ;;
	floor-perf)
		[[ -x $BENCH_BIN/floor-perf ]] || echo "make -f test/test.mk bench-tools" ;;
	ftrace)
		[[ -d $TRACEFS/instances ]] || echo "tracefs is not mounted on $TRACEFS" ;;
	bpftrace | perf | strace)
		command -v "$1" >/dev/null || echo "$1 is not installed" ;;
	*) echo "no such mode" ;;
	esac
}

# bench_progress FORMAT ARGS...: one line, rewritten in place, on a terminal.
bench_progress() {
	[[ -t 2 ]] || return 0
	# shellcheck disable=SC2059
	printf "\r$1" "${@:2}" >&2
}

# wait_for FILE TEXT: until FILE has TEXT or the reader died (60 s at most).
wait_for() {
	for _ in $(seq 600); do
		grep -q "$2" "$1" 2>/dev/null && return 0
		kill -0 "$READER_PID" 2>/dev/null || break
		sleep 0.1
	done
	echo "bench: $MODE did not start: $(tail -n 3 "$1" 2>/dev/null)" >&2
	return 1
}

mode_start() {
	MODE=$1
	local err=$BENCH_TMP/$1.err
	: >"$err"
	case $1 in
	modern_bpf | bpf)
		taskset -c 0 "$BENCH_SCAP_OPEN" "--$1" -q -v -d "${BENCH_RING_BYTES:-8388608}" 2>"$err" &
		READER_PID=$!
		wait_for "$err" "scap-open: capturing" ;;
	floor-noop | floor-ring | floor-tail | floor-wakeup)
		taskset -c 0 "$BENCH_BIN/floor-ring" "$BENCH_BIN/floor_ring.bpf.o" "${1#floor-}" 600 \
			"${BENCH_RING_BYTES:-8388608}" >"$BENCH_TMP/$1.out" 2>"$err" &
		READER_PID=$!
		wait_for "$err" "attached" ;;
	floor-perf)
		taskset -c 0 "$BENCH_BIN/floor-perf" "$BENCH_BIN/floor_perf.bpf.o" 600 0 \
			"${BENCH_RING_BYTES:-8388608}" >"$BENCH_TMP/$1.out" 2>"$err" &
		READER_PID=$!
		wait_for "$err" "attached" ;;
	ftrace)
		# An instance of its own: the machine's main trace is left alone.
		rmdir "$FTRACE_INSTANCE" 2>/dev/null || true
		mkdir "$FTRACE_INSTANCE"
		echo 1 >"$FTRACE_INSTANCE/events/raw_syscalls/enable"
		taskset -c 0 cat "$FTRACE_INSTANCE/trace_pipe" >/dev/null 2>"$err" &
		READER_PID=$! ;;
	bpftrace)
		# BEGIN runs once every probe is attached.
		taskset -c 0 bpftrace -e 'BEGIN { printf("bench: tracing\n"); }
			tracepoint:raw_syscalls:sys_enter, tracepoint:raw_syscalls:sys_exit
			{ @events = count(); }' >"$BENCH_TMP/$1.out" 2>"$err" &
		READER_PID=$!
		wait_for "$BENCH_TMP/$1.out" "bench: tracing" ;;
	perf)
		rm -f "$BENCH_TMP/perf.data"
		taskset -c 0 perf record -q -a -e raw_syscalls:sys_enter -e raw_syscalls:sys_exit \
			-o "$BENCH_TMP/perf.data" 2>"$err" &
		READER_PID=$!
		# perf says nothing when it is ready: its file's header comes first.
		wait_for_file "$BENCH_TMP/perf.data" && sleep 0.5 ;;
	strace) READER_PID= ;;
	esac
}

wait_for_file() {
	for _ in $(seq 600); do
		[[ -s $1 ]] && return 0
		kill -0 "$READER_PID" 2>/dev/null || break
		sleep 0.1
	done
	echo "bench: $MODE did not start: $(tail -n 3 "$BENCH_TMP/$MODE.err")" >&2
	return 1
}

mode_prefix() {
	[[ $1 == strace ]] && echo "taskset -c 0 strace -f -qq -o /dev/null --"
	return 0
}

# reader_cpu_ns: the CPU time the reader has used so far, all its threads
# (printf: mawk prints a sum past 2^31 as 2.3e+09, which bash cannot add).
reader_cpu_ns() {
	[[ -n ${READER_PID:-} ]] || { echo 0; return; }
	cat /proc/"$READER_PID"/task/*/schedstat 2>/dev/null | awk '{ s += $1 } END { printf "%.0f\n", s }'
}

# stop_reader [SIGNAL]: SIGINT (or SIGNAL), then at most 60 s for it to
# drain and exit. A program run in the background by a script ignores
# SIGINT unless it handles it itself, as the tracers do; cat does not.
stop_reader() {
	[[ -n ${READER_PID:-} ]] || return 0
	kill "-${1:-INT}" "$READER_PID" 2>/dev/null || true
	for _ in $(seq 600); do
		kill -0 "$READER_PID" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL "$READER_PID" 2>/dev/null && sleep 0.5
	wait "$READER_PID" 2>/dev/null || true
}

mode_stop() {
	local err=$BENCH_TMP/$1.err events drops
	case $1 in
	ftrace)
		echo 0 >"$FTRACE_INSTANCE/events/raw_syscalls/enable"
		events=$(cat "$FTRACE_INSTANCE"/per_cpu/cpu*/stats | awk '/^read events:/ { s += $3 } END { printf "%.0f\n", s }')
		drops=$(cat "$FTRACE_INSTANCE"/per_cpu/cpu*/stats | awk '/^overrun:/ { s += $2 } END { printf "%.0f\n", s }')
		stop_reader TERM
		rmdir "$FTRACE_INSTANCE" ;;
	*) stop_reader ;;
	esac
	case $1 in
	modern_bpf | bpf)
		events=$(sed -n 's/.*the driver captured \([0-9]*\) .*/\1/p' "$err")
		drops=$(sed -n 's/^scap-open: drops: \([0-9]*\) .*/\1/p' "$err") ;;
	floor-ring | floor-tail | floor-wakeup | floor-perf)
		read -r events drops < <(sed -n 's/.*: \([0-9]*\) events read, \([0-9]*\) lost$/\1 \2/p' \
			"$BENCH_TMP/$1.out") ;;
	bpftrace)
		events=$(sed -n 's/^@events: \([0-9]*\)$/\1/p' "$BENCH_TMP/$1.out") drops=- ;;
	perf)
		events=$(sed -n 's/.*(\([0-9]*\) samples).*/\1/p' "$err") drops=-
		# perf -q prints nothing at the end: count the samples in its file.
		[[ -n $events ]] || events=$(perf report -i "$BENCH_TMP/perf.data" --stats 2>/dev/null |
			awk '/SAMPLE events:/ { print $3; exit }')
		rm -f "$BENCH_TMP/perf.data" ;;
	ftrace) ;;
	*) events=- drops=- ;;
	esac
	echo "${events:--} ${drops:--}"
}
