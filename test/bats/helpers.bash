# Shared helpers of the bats tests in test/bats/. Load with `load helpers`.
#
# How a test file works:
#   setup_file   runs the workload once under scap-open (`capture NAME ARGS`),
#                keeping the JSON and the stats in build/test/captures/NAME.*
#   each test    finds one syscall's exit and enter events in that capture
#                (`pair_by_exit` / `pair_by_enter`) and checks every parameter
#                of both (`expect_params`) and who made the call (`expect_pid`).
#
# On a failure a test prints what it looked for, the expected and the actual
# value of every parameter, and the events involved: bats shows a failing
# test's output, so that is what a learner reads.
#
# An event's ts is a string in the captures (quote_ts): compare it with
# other ts strings, never with a number.
#
# jq expressions given to these helpers (conditions, expected params) can use:
#   $d      the workload's directory (DIR in test/workload/workload.c)
#   $wpid   the workload's pid, from its execve exit event
#   $ENV.X  any exported variable X (e.g. $ENV.CHILD)
#
# SCAPLAB_REUSE_CAPTURES=1 reuses the captures kept from the last run instead
# of capturing again: for working on a test's assertions.
#
# A suite on the guest kernel runs in two halves (test/guest-suite.sh), so
# that the slow emulated CPU runs only what needs that kernel:
#   SCAPLAB_CAPTURE_ONLY=DIR  setup_file captures, and copies each capture
#                             to DIR; the tests that only read captures
#                             skip ("checked on the host")
#   SCAPLAB_CHECK_ONLY=1      nothing is captured: the tests read the
#                             captures in CAPTURE_DIR (that DIR), and
#                             know the files the workload made from
#                             D_FILES in NAME.vars, not from D

# fail and assert_equal, as bats-support and bats-assert spell them. Not
# those libraries themselves: loading them costs ~140 ms in every test (a
# file that needs more of them loads them, like doctor.bats).
fail() {
	echo "$*" >&2
	return 1
}

assert_equal() {
	[[ $1 == "$2" ]] && return 0
	{
		echo "-- values do not equal --"
		echo "expected : $2"
		echo "actual   : $1"
		echo "--"
	} >&2
	return 1
}

# This file sits in test/bats/ of the repo, whichever test file loads it.
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SCAP_OPEN=${SCAP_OPEN:-$REPO_ROOT/build/scap-open}
WORKLOAD=${WORKLOAD:-$REPO_ROOT/build/test/workload}
CAPTURE_DIR=${CAPTURE_DIR:-$REPO_ROOT/build/test/captures}
export SCAP_OPEN WORKLOAD CAPTURE_DIR

# With the kernel module (SCAP_OPEN_ARGS=--kmod, as test/kmod/run.sh sets):
# the capture loads it if needed, and each file ends by checking the kernel
# log since its capture began (test/kmod/kmod.bash).
if [[ " ${SCAP_OPEN_ARGS:-} " == *" --kmod "* ]]; then
	# shellcheck source=test/kmod/kmod.bash
	. "$REPO_ROOT/test/kmod/kmod.bash"
	teardown_file() {
		dmesg_scan "$BATS_TEST_FILENAME"
	}
fi

# The syscalls with a dedicated event (driver/syscall_table.c).
SUPPORTED_SYSCALLS=(open openat openat2 creat close read write pread64 pwrite64 readv writev
	execve execveat clone clone3 fork vfork socket bind connect accept accept4 listen
	unlink unlinkat rename renameat renameat2 mkdir mkdirat chdir kill dup dup2 dup3
	pipe pipe2 mmap munmap)

# require_tools: fail with the reason if the tests cannot run at all.
require_tools() {
	local tool
	for tool in jq; do
		command -v "$tool" >/dev/null || fail "$tool is not installed (make setup installs it)"
	done
	[[ -x $SCAP_OPEN ]] || fail "$SCAP_OPEN is missing: run 'make' first"
	[[ -x $WORKLOAD ]] || fail "$WORKLOAD is missing: run 'make -f test/test.mk workload'"
	[[ $(id -u) == 0 ]] || fail "these tests load a BPF probe: run them as root"
}

# fresh_dir NAME: export D, an empty directory for the workload's files,
# kept with the capture (build/test/captures/NAME.d) so that a failing run
# can be looked at. Its path is the same on every run.
fresh_dir() {
	export D="$CAPTURE_DIR/$1.d"
	[[ ${SCAPLAB_CHECK_ONLY:-} == 1 ]] && return	# D comes from NAME.vars
	[[ ${SCAPLAB_REUSE_CAPTURES:-} == 1 && -d $D ]] && return
	rm -rf "$D"
	mkdir -p "$D"
}

# capture NAME ARGS...: in setup_file, run `scap-open --json -- workload ARGS`
# ($SCAP_OPEN_ARGS, if set, goes before the "--")
# and keep, in build/test/captures/: NAME.json (the events), NAME.err (its
# stderr: stats and any workload complaint), NAME.rc (its exit status) and
# NAME.env (what the workload inherits, for the process tests: scap-open's
# pid, the fd limit, tty, process group, loginuid) and NAME.vars (D and its
# device DEV: the values a check compares with that belong to the machine
# that captured). Then use_capture NAME.
# Never fails: each test checks the capture with require_capture, so that
# every test reports why it cannot pass.
# wait_bounded PID SECONDS STOPPED: wait for PID and return its status. If
# it still runs after SECONDS, write why into the file STOPPED, SIGINT it
# (scap-open still prints its statistics), and SIGKILL it 10 s later: a
# reader that hands out the same event again and again never ends.
wait_bounded() {
	local pid=$1 secs=$2 stopped=$3 watchdog rc=0
	(
		trap 'kill "$s" 2>/dev/null; exit 0' TERM
		sleep "$secs" &
		s=$!
		wait "$s"
		kill -0 "$pid" 2>/dev/null || exit 0
		echo "it still ran after $secs s, and was stopped" >"$stopped"
		kill -INT "$pid" 2>/dev/null
		sleep 10 &
		s=$!
		wait "$s"
		kill -KILL "$pid" 2>/dev/null
	) </dev/null >/dev/null 2>&1 &
	watchdog=$!
	wait "$pid" || rc=$?
	kill "$watchdog" 2>/dev/null || true
	wait "$watchdog" 2>/dev/null || true
	return "$rc"
}

capture() {
	local name=$1 rc=0 pid stat
	shift
	if [[ ${SCAPLAB_CHECK_ONLY:-} == 1 ]]; then
		_use_capture "$name"
		return 0
	fi
	mkdir -p "$CAPTURE_DIR"
	if [[ ${SCAPLAB_REUSE_CAPTURES:-} != 1 || ! -s $CAPTURE_DIR/$name.json ]]; then
		if declare -F kmod_load >/dev/null; then
			# Once per file: teardown_file scans from the first capture on.
			[[ ${_kmod_marked:-} == "$BATS_TEST_FILENAME" ]] || dmesg_mark "$BATS_TEST_FILENAME"
			_kmod_marked=$BATS_TEST_FILENAME
			kmod_load
		fi
		# shellcheck disable=SC2086
		rm -f "$CAPTURE_DIR/$name.stopped"
		"$SCAP_OPEN" --json ${SCAP_OPEN_ARGS:-} -- "$WORKLOAD" "$@" >"$CAPTURE_DIR/$name.json" \
			2>"$CAPTURE_DIR/$name.err" &
		pid=$!
		wait_bounded "$pid" "${CAPTURE_SECONDS:-300}" "$CAPTURE_DIR/$name.stopped" || rc=$?
		echo "$rc" >"$CAPTURE_DIR/$name.rc"
		quote_ts "$CAPTURE_DIR/$name.json"
		# /proc/self/stat after "(comm) ": state ppid pgrp session tty_nr
		read -r stat </proc/self/stat
		read -r _ _ pgrp _ tty_nr _ <<<"${stat##*) }"
		{
			echo "SCAP_PID=$pid"
			printf 'CWD=%q\n' "$PWD"
			echo "NOFILE=$(ulimit -Sn)"
			echo "PGRP=$pgrp"
			echo "TTY_NR=$tty_nr"
			echo "LOGINUID=$(($(cat /proc/self/loginuid) << 32 >> 32))"	# as an int32
		} >"$CAPTURE_DIR/$name.env"
		{
			[[ -z ${D:-} ]] || printf 'D=%q\n' "$D"
			[[ ! -d ${D:-} ]] || printf 'DEV=%q\n' "$(dev_of "$D")"
			# The files the workload left in D: a check on the host
			# (SCAPLAB_CHECK_ONLY) cannot look into the guest's D.
			[[ ! -d ${D:-} ]] || printf 'D_FILES=%q\n' "$(find "$D" -type f | sort)"
		} >"$CAPTURE_DIR/$name.vars"
		if [[ -n ${SCAPLAB_CAPTURE_ONLY:-} ]]; then
			mkdir -p "$SCAPLAB_CAPTURE_ONLY"
			cp "$CAPTURE_DIR/$name".{json,err,rc,env,vars} "$SCAPLAB_CAPTURE_ONLY/"
		fi
	fi
	_use_capture "$name"
}

# quote_ts FILE: write each event's ts as a string. jq 1.6 reads numbers
# as doubles, exact to 2^53 only: a nanosecond timestamp of 19 digits would
# come out rounded to 256 ns, compare equal to its neighbours, and print
# as a number that is not in the capture. As strings of the same length,
# timestamps compare in time order and print whole.
quote_ts() {
	sed -i -E 's/^\{"ts":([0-9]+),/{"ts":"\1",/' "$1"
}

# use_capture NAME: make capture NAME the one the helpers query (CAPTURE,
# CAPTURE_ERR, CAPTURE_RC, WPID, D), and require_capture.
use_capture() {
	_use_capture "$1"
	require_capture
}

_use_capture() {
	export CAPTURE="$CAPTURE_DIR/$1.json" CAPTURE_ERR="$CAPTURE_DIR/$1.err"
	export D="$CAPTURE_DIR/$1.d"
	# NAME.vars: a replayed capture's D and DEV, those of the machine that
	# recorded it (labs/tools/lab_helpers.bash, lab_replay).
	local f
	unset D_FILES
	for f in "$CAPTURE_DIR/$1.env" "$CAPTURE_DIR/$1.vars"; do
		[[ -r $f ]] || continue
		set -a
		. "$f"
		set +a
	done
	CAPTURE_RC=$(cat "$CAPTURE_DIR/$1.rc" 2>/dev/null || echo "(not run)")
	# The workload's pid: the pid of the first execve exit (its own exec).
	WPID=$(jq -r 'select(.name == "execve" and .dir == "<") | .pid' "$CAPTURE" 2>/dev/null |
		head -n 1)
	export CAPTURE_RC WPID
}

# require_capture: the capture of setup_file worked, or fail saying why.
require_capture() {
	[[ -z ${SCAPLAB_CAPTURE_ONLY:-} ]] || skip "checked on the host"
	require_tools
	if [[ ${SCAPLAB_CHECK_ONLY:-} == 1 && ! -e $CAPTURE ]]; then
		fail "no capture $CAPTURE: the run that captures (in the guest) stopped before it; its own output says why"
	fi
	if [[ -e ${CAPTURE_ERR%.err}.stopped ]]; then
		tail -n 15 "$CAPTURE_ERR"
		fail "scap-open did not end: $(cat "${CAPTURE_ERR%.err}.stopped") (CAPTURE_SECONDS)"
	fi
	if [[ $CAPTURE_RC =~ ^[0-9]+$ && $CAPTURE_RC -gt 128 ]]; then
		tail -n 15 "$CAPTURE_ERR"
		fail "scap-open crashed: it was killed by SIG$(kill -l $((CAPTURE_RC - 128)))"
	fi
	if [[ $CAPTURE_RC != 0 ]]; then
		echo "scap-open exited with $CAPTURE_RC; the end of its stderr ($CAPTURE_ERR):"
		tail -n 15 "$CAPTURE_ERR"
		fail "the capture failed"
	fi
	if grep -q '^workload:' "$CAPTURE_ERR"; then
		grep '^workload:' "$CAPTURE_ERR"
		fail "the workload itself failed: the syscalls above did not do what the tests expect"
	fi
	if [[ ! -s $CAPTURE ]]; then
		cat "$CAPTURE_ERR"
		fail "scap-open printed no events for the workload. Its scope starts at the command's execve enter event (userspace/scap-open/thread_table.c): does execve have its filler?"
	fi
	if [[ -z $WPID || $WPID == null || $WPID -le 0 ]]; then
		echo "first execve exit event: $(jq -c 'select(.name == "execve" and .dir == "<")' "$CAPTURE" | head -n 1)"
		fail "no execve exit event with a pid: cannot tell which events are the workload's"
	fi
}

# jq_events [jq options] FILTER: run FILTER over the capture slurped into one
# array of events, with $d and $wpid defined.
jq_events() {
	jq -s --arg d "${D:-}" --argjson wpid "${WPID:-null}" "$@" "$CAPTURE"
}

# show_events NAME: print the captured events of syscall NAME (at most 20),
# and say whether they are generic events (no filler).
show_events() {
	local name=$1 n generic
	n=$(jq_events -r --arg name "$1" '[.[] | select(.name == $name)] | length')
	generic=$(jq_events -r --arg name "$1" \
		'[.[] | select(.name == $name and (.params | has("ID")))] | length')
	echo "captured '$name' events: $n (first 20 below)"
	jq_events -c --arg name "$name" '[.[] | select(.name == $name)][:20][]'
	if [[ $n -gt 0 && $n == "$generic" ]]; then
		echo ">>> every '$name' event is the generic event (params ID, nativeID): the"
		echo ">>> driver has no filler for $name yet, or does not dispatch to it."
	fi
}

# The pair finders set ENTER and EXIT (compact JSON) to the events of one
# call of syscall NAME, and fail, showing the NAME events, if there is none.
#   pair_by_exit  NAME COND [AFTER_TS]: the first exit event after AFTER_TS
#                 for which the jq condition COND holds, and the event just
#                 before it on the same thread, which must be its enter.
#   pair_by_enter NAME COND [AFTER_TS]: the same, found by its enter event;
#                 the exit is the next event on the same thread.
# COND is a jq boolean on one event, e.g. '.params.name == $d + "/f"'.
# PAIR_WHAT, if set, says COND in words for the message when nothing matches.
pair_by_exit() {
	_pair "$1" "$2" "${3:-0}" exit
}

pair_by_enter() {
	_pair "$1" "$2" "${3:-0}" enter
}

# pair_across ENTER_NAME EXIT_NAME COND: pair_by_enter for a call whose exit
# event has another name than its enter (a successful execveat's is execve's).
pair_across() {
	_pair "$1" "$3" 0 enter "$2"
}

_pair() {
	local name=$1 cond=$2 after=$3 by=$4 other_name=${5:-$1} found ok
	# One jq run (each costs ~40 ms): the pair, and whether the other event
	# is the right one, on three lines.
	found=$(jq_events -r --arg name "$name" --arg by "$by" --argjson after "$after" \
		--arg other "$other_name" '
		. as $a
		| (if $by == "exit" then "<" else ">" end) as $dir
		| [range(0; length) | select($a[.].name == $name and $a[.].dir == $dir
			and $a[.].ts > $after and ($a[.] | try ('"$cond"') catch false))]
		| if length == 0 then empty else .[0] as $i | $a[$i] as $e
		  | (if $by == "exit"
		     then [range($i - 1; -1; -1) | select($a[.].tid == $e.tid)]
		     else [range($i + 1; $a | length) | select($a[.].tid == $e.tid)] end) as $js
		  | (if ($js | length) == 0 then null else $a[$js[0]] end) as $o
		  | (if $by == "exit" then [$o, $e] else [$e, $o] end) as $p
		  | ($p[0] | tojson), ($p[1] | tojson),
		    (($o != null and $o.name == $other and $o.dir == (if $by == "exit" then ">" else "<" end))
		     | tostring)
		  end')
	if [[ -z $found ]]; then
		# In words if the test gave them, else the condition with $d and
		# $wpid spelled out: no jq variable in a message.
		local shown=${PAIR_WHAT:-$cond}
		shown=${shown//\$d/\"$D\"}
		shown=${shown//\$wpid/$WPID}
		echo "looked for: the $by event of '$name' where $shown (after ts $after)"
		show_events "$name"
		fail "no '$name' $by event matches: $shown"
	fi
	{ read -r ENTER; read -r EXIT; read -r ok; } <<<"$found"
	if [[ $ok != true ]]; then
		local want=">"
		[[ $by == enter ]] && want="<"
		if [[ $by == exit ]]; then
			echo "the exit event:           $EXIT"
			echo "before it, on its thread: $ENTER"
		else
			echo "the enter event:          $ENTER"
			echo "after it, on its thread:  $EXIT"
		fi
		fail "the '$name' $by event has no '$want $other_name' event next to it on its thread (dropped? mis-paired?)"
	fi
}

# expect_params WHAT EVENT EXPECTED [KEY PREDICATE]...
# Check every parameter of EVENT (JSON) against EXPECTED, a jq object
# expression listing ALL the event's params in the schema's order, e.g.
#   '{fd: null, dirfd: -100, name: ($d + "/f")}' fd '. >= 3'
# Each param must equal its value there, except a KEY given with a
# PREDICATE (a jq boolean on the value, which can see the event's params as
# $p, e.g. '. <= $p.vm_size'), which must satisfy it instead. No other param
# may exist, and the order must be EXPECTED's.
expect_params() {
	local what=$1 ev=$2 expected=$3
	shift 3
	if [[ -z $ev || $ev == null ]]; then
		fail "$what: there is no such event to check"
	fi
	# One jq run (each costs ~40 ms): the expected object and the predicates
	# inlined as jq code, a row per param out. The predicates' own text goes
	# in as positional arguments, in the order of $pk.
	local key pred pk='' preds='' texts=()
	while [[ $# -ge 2 ]]; do
		key=$1 pred=$2
		shift 2
		[[ $key =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || fail "bad param name in the test: $key"
		pk+="${pk:+,}\"$key\""
		preds+="
		    elif \$k == \"$key\" then
		      (try (\$p[\$k] | ($pred)) catch false) == true"
		texts+=("$pred")
	done
	local prog='($ev.params // {}) as $p
		| ['"$pk"'] as $pk
		| ([$pk, $ARGS.positional] | transpose | map({(.[0]): .[1]}) | add // {}) as $ptext
		| ('"$expected"') as $exp0
		| ($exp0 + ($pk | map({(.): ($exp0[.] // null)}) | add // {})) as $exp
		| ($exp | keys_unsorted) as $order
		| def got($k): if $p | has($k) then $p[$k] | tojson else "(missing)" end;
		  def pred($k):
		    if false then false'"$preds"'
		    else false end;
		[ ($order[] as $k
		   | if $pk | index($k)
		     then {key: $k, want: ("satisfies " + $ptext[$k]), got: got($k),
			   ok: (($p | has($k)) and pred($k))}
		     else {key: $k, want: ($exp[$k] | tojson), got: got($k),
			   ok: (($p | has($k)) and $p[$k] == $exp[$k])} end),
		  ($p | keys_unsorted[] | select(. as $k | $order | index($k) | not)
		   | {key: ., want: "(no such param in the schema)", got: ($p[.] | tojson), ok: false}),
		  {key: "(param order)", want: ($order | join(",")), got: ($p | keys_unsorted | join(",")),
		   ok: (($p | keys_unsorted) == $order)}
		] | .[] | [(if .ok then "ok" else "MISMATCH" end), .key, .want, .got] | @tsv'
	local table
	table=$(jq -rn --argjson ev "$ev" --arg d "${D:-}" --argjson wpid "${WPID:-null}" \
		"$prog" --args "${texts[@]}") ||
		fail "could not check the params of $what (bad expected-params expression or predicate in the test)"
	echo "$what: $ev"
	echo "$table" | awk -F'\t' '{ printf "  %-8s %-14s expected %s, got %s\n", $1, $2, $3, $4 }'
	if grep -q '^MISMATCH' <<<"$table"; then
		local line want got
		line=$(grep -m1 '^MISMATCH' <<<"$table")
		IFS=$'\t' read -r _ key want got <<<"$line"
		# The table above has expected and got: one line more is enough.
		fail "first mismatch in $what: param '$key'"
	fi
}

# bound_fd ADDR: the fd that was bound to ADDR (bind's addr param), into FD.
bound_fd() {
	pair_by_exit bind ".params.addr == \"$1\""
	FD=$(jq .params.fd <<<"$ENTER")
	[[ $FD =~ ^[0-9]+$ ]] || fail "the bind enter event to $1 has no fd"
}

# expect_dedicated WHAT EVENT: EVENT is its syscall's own event, not the
# generic one (params ID, nativeID) that a syscall without a filler makes.
# Quiet when it holds: a failed check shows the event once, in expect_params.
expect_dedicated() {
	if [[ $2 == null || -z $2 ]]; then
		fail "$1: no such event"
	fi
	if [[ $2 == *'"params":{"ID":'* ]]; then
		echo "$1: $2"
		fail "$1 is the generic event: the driver has no filler for $(jq -r .name <<<"$2") yet"
	fi
}

# expect_pid WHAT EVENT PID: the event was made by process PID.
expect_pid() {
	local got
	got=$(jq -r .pid <<<"$2")
	[[ $got == "$3" ]] && return 0
	echo "$1: pid $got, expected $3"
	assert_equal "$got" "$3"
}

# expect_equal WHAT ACTUAL EXPECTED: print both, then assert.
expect_equal() {
	echo "$1: expected $3, got $2"
	assert_equal "$2" "$3"
}

# dev_of PATH: the dev param Falco stores for a file on PATH's filesystem:
# the kernel's new_encode_dev(st_dev) of the superblock.
dev_of() {
	local major minor
	read -r major minor < <(stat -c '%Hd %Ld' "$1")
	echo $(((minor & 0xff) | (major << 8) | ((minor & ~0xff) << 12)))
}
