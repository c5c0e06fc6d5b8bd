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

# parity_report WHAT PID SECS: what every process is doing, for a run that
# did not end in time: the cause of a hang goes into the test's output
# (a parity run has blocked until the VM's timeout, with nothing to show why).
parity_report() {
	local p
	echo "$PARITY_NAME: $1 (pid $2) still runs after $3 s: killed. The processes:"
	ps -ww --ppid 2 -p 2 --deselect -o pid,ppid,stat,wchan:28,etimes,args
	for p in $(pgrep -f 'scap-open|workload|sysdig'); do
		echo "--- kernel stack of $p: $(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null)"
		cat "/proc/$p/stack" 2>/dev/null
	done
	dmesg | grep -E 'soft lockup|blocked for more than|rcu.*stall|BUG:|WARNING: CPU' | tail -n 10
}

# parity_wait PID SECS WHAT: wait for the child PID for at most SECS
# seconds (wall clock); sets RC to its exit status. Late, it is reported and
# killed; a process that even SIGKILL does not end (blocked in the kernel:
# state D) is left behind with RC=125, since bash's wait would block for ever.
parity_wait() {
	local pid=$1 secs=$2 what=$3 state i
	local end=$((SECONDS + secs))
	while state=$(ps -o stat= -p "$pid") && [[ $state != Z* ]]; do
		if ((SECONDS >= end)); then
			parity_report "$what" "$pid" "$secs" >&2
			kill -KILL "$pid" 2>/dev/null
			for ((i = 0; i < 20; i++)); do
				state=$(ps -o stat= -p "$pid") && [[ $state != Z* ]] || break
				sleep 0.5
			done
			if state=$(ps -o stat= -p "$pid") && [[ $state != Z* ]]; then
				echo "$PARITY_NAME: $what (pid $pid) outlived SIGKILL (state $state): blocked in the kernel" >&2
				RC=125
				return
			fi
			break
		fi
		sleep 0.2
	done
	wait "$pid"
	RC=$?
}

# parity_run_workload OUT READER_PID... -- WORKLOAD ARGS...: run the
# workload once, let both readers drain their rings, stop them; WPID is the
# workload's pid (the root of the threads compared); fails if a process had
# to be killed, since its capture is then cut short. The workload takes
# 15-30 s in the guest under TCG; the limits leave room for a slow host and
# still end well before the VM's own timeout (scripts/vm).
parity_run_workload() {
	local out=$1 rc pids=() p late=0
	shift
	while [[ $1 != -- ]]; do
		pids+=("$1")
		shift
	done
	shift
	"$@" >"$out/workload.out" 2>&1 &
	WPID=$!
	parity_wait "$WPID" "${PARITY_WORKLOAD_SECS:-240}" "the workload"
	rc=$RC
	[[ $rc == 137 || $rc == 125 ]] && late=1
	sleep 0.5	# let both readers drain their rings
	kill -INT "${pids[@]}"
	for p in "${pids[@]}"; do
		parity_wait "$p" 60 "a reader, after SIGINT"
		[[ $RC == 137 || $RC == 125 ]] && late=1
	done
	[[ $rc == 0 ]] ||
		echo "$PARITY_NAME: warning: workload ${*:2} exited $rc: $(head -3 "$out/workload.out")" >&2
	((late == 0))
}

# parity_quote_ts FILE...: timestamps as strings: jq reads numbers as doubles
# (test/bats/helpers.bash has the same for the bats tests).
parity_quote_ts() {
	sed -i -E 's/^\{"ts":([0-9]+),/{"ts":"\1",/' "$@"
}
