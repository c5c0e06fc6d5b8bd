# shellcheck shell=bash
# What the two parity scripts share (test/parity/parity.sh: two of our
# drivers; test/falco/falco-parity.sh: our module against Falco's).
# Each one captures ONE run of the workload with two readers at once.
# Source it after setting PARITY_NAME (the prefix of every message).

parity_die() {
	echo "$PARITY_NAME: $*" >&2
	exit 2
}

# parity_insmod KO DEVICE HOW: load the module KO unless DEVICE says it is
# loaded already; HOW says how to build a missing KO.
parity_insmod() {
	[[ -e $2 ]] && return 0
	[[ -r $1 ]] || parity_die "$1 is missing: $3"
	insmod "$1" || parity_die "insmod $1 failed"
}

# parity_watch SECONDS PID WHAT: in the background, kill PID if it still
# runs after SECONDS, and first print what every process was doing, so that
# a hang fails the test with its cause instead of stopping the suite (a
# parity run once stayed blocked until the VM's timeout, 40 min, unseen).
parity_watch() {
	local secs=$1 pid=$2 what=$3 i p
	(
		for ((i = 0; i < secs; i++)); do
			kill -0 "$pid" 2>/dev/null || exit 0
			sleep 1
		done
		{
			echo "$PARITY_NAME: $what (pid $pid) still runs after $secs s: killed. The processes:"
			ps --ppid 2 -p 2 --deselect -o pid,ppid,stat,wchan:28,etimes,args
			for p in $(pgrep -f 'scap-open|workload'); do
				echo "--- kernel stack of $p: $(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null)"
				cat "/proc/$p/stack" 2>/dev/null
			done
		} >&2
		kill -KILL "$pid" 2>/dev/null
	) &
}

# parity_run_workload OUT READER_PID... -- WORKLOAD ARGS...: run the
# workload once, let both readers drain their rings, stop them; WPID is the
# workload's pid (the root of the threads compared).
parity_run_workload() {
	local out=$1 rc pids=() p
	shift
	while [[ $1 != -- ]]; do
		pids+=("$1")
		shift
	done
	shift
	"$@" >"$out/workload.out" 2>&1 &
	WPID=$!
	parity_watch 600 "$WPID" "the workload"
	wait "$WPID"
	rc=$?
	sleep 0.5	# let both readers drain their rings
	kill -INT "${pids[@]}"
	for p in "${pids[@]}"; do
		parity_watch 120 "$p" "a reader, after SIGINT"
	done
	wait "${pids[@]}"
	[[ $rc == 0 ]] ||
		echo "$PARITY_NAME: warning: workload ${*:2} exited $rc: $(head -3 "$out/workload.out")" >&2
}

# parity_quote_ts FILE...: timestamps as strings: jq reads numbers as doubles
# (test/bats/helpers.bash has the same for the bats tests).
parity_quote_ts() {
	sed -i -E 's/^\{"ts":([0-9]+),/{"ts":"\1",/' "$@"
}
