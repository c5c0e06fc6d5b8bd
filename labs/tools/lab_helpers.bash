# Helpers of the labs' graded tests. Load with
#   load ../../tools/lab_helpers
# It brings every helper of the system tests (test/bats/helpers.bash: capture,
# pair_by_exit, expect_params, ...) and these:
#   LAB_DIR, LAB_BUILD   the lab's folder and its build folder, where its test
#                        programs are (labs/NN-slug/tests/X.c -> $LAB_BUILD/tests/X)
#   lab_capture NAME PROGRAM ARGS...
#                        capture in setup_file, like `capture`, but of the
#                        lab's test program PROGRAM instead of the workload;
#                        or replay the lab's reference capture of it (below)
#   lab_replayed NAME    true if NAME's events came from the reference capture
#   need_program NAME    fail, with the compiler's errors, if the lab's test
#                        program NAME did not compile
#   run_program NAME HINT ARGS...
#                        run the lab's test program NAME (bats' run: $status,
#                        $output); fail, naming the signal and then HINT, if
#                        it crashed
#   EXERCISE_CODE[NN.M]  set by a test file: the function and file that
#                        exercise NN.M writes, named under a failed check
#   grading EXERCISE...  true if the grader runs the checks of one of these
#                        exercises now (it runs a lab's exercises in their
#                        own systems, one at a time: GRADE_EXERCISES); for
#                        setup_file, to capture only what those checks read
#   in_kmod < SCRIPT     run the captures of a lab graded with the kernel
#                        module where the module loads (below)
#   kmod_log_clean       the kernel log of those captures has no bad line
#   lab_run NAME CMD ARGS...
#                        run CMD in setup_file, its output in
#                        $CAPTURE_DIR/NAME.{out,err,rc} (kmod_run does the same
#                        for the module's labs, where the module loads); one
#                        still running after LAB_RUN_SECONDS (60) is stopped,
#                        and NAME.stopped says so; then
#   ran NAME             fail, with the end of its stderr, unless it exited 0
#                        (and was not stopped)
#   stats NAME           scap-open's statistics of run NAME: PRINTED, CAPTURED
#                        (n_evts), DROPS, FULL, LARGE, BUG, CORRUPT
#   count NAME COND      how many events of run NAME's JSON meet jq's COND
#   wrap_data NAME       the events of run NAME of `workload wrap 1000`:
#                        WRAP_N arrived, WRAP_BAD torn or out of order
# The grader (labs/tools/grade.sh) sets LAB_DIR, LAB_BUILD (the lab's system,
# build/labs/NN-slug), SCAP_OPEN, CAPTURE_DIR and, for a lab graded with the
# kernel module, KMOD_KO; running a test file by hand with bats works too,
# with the lab's system (make lab-system LAB=N).

LAB_DIR=${LAB_DIR:-$(cd "$BATS_TEST_DIRNAME/.." && pwd)}
LAB_BUILD=${LAB_BUILD:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/build/labs/$(basename "$LAB_DIR")}
# By hand too, the lab's system and its own captures, not the main build's.
SCAP_OPEN=${SCAP_OPEN:-$LAB_BUILD/scap-open}
CAPTURE_DIR=${CAPTURE_DIR:-$LAB_BUILD/captures}
KMOD_KO=${KMOD_KO:-$(echo "$LAB_BUILD"/kmod/*/scaplab.ko)}
export LAB_DIR LAB_BUILD SCAP_OPEN CAPTURE_DIR KMOD_KO

load "$(dirname "${BASH_SOURCE[0]}")/../../test/bats/helpers"

# The code each exercise's checks grade, named under every failed check:
# a test file sets EXERCISE_CODE[NN.M]="function() in file".
declare -gA EXERCISE_CODE=()
teardown() {
	local x=${BATS_TEST_DESCRIPTION%% *}
	[[ -n ${BATS_TEST_COMPLETED:-} || -z ${EXERCISE_CODE[$x]:-} ]] && return 0
	echo "(this check grades ${EXERCISE_CODE[$x]})"
}

grading() {
	local x
	[[ -z ${GRADE_EXERCISES:-} ]] && return 0
	for x in "$@"; do
		[[ " $GRADE_EXERCISES " == *" $x "* ]] && return 0
	done
	return 1
}

# A lab's reference capture of NAME: $LAB_DIR/tests/reference/NAME.scap,
# written by scap-open -w where the probe loads, and NAME.vars, the values
# its checks compare with that came from the recording machine (D, the
# program's directory, and DEV, that directory's device). Where no driver
# loads (the grader sets SCAPLAB_REPLAY=1: not root, or asked for), the
# lab's own scap-open reads it back (-r), so the checks that only read
# events grade the lab's reader code anywhere. To record one, where the
# probe loads, with no environment of yours in the program's execve:
#   sudo env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin SCAPLAB_RECORD=1 make grade LAB=N
# The file is copied once more (-r -w) so that its process list keeps the
# machine's thread ids and comms, not their command lines.
lab_reference() {
	echo "$LAB_DIR/tests/reference/$1"
}

lab_replayed() {
	[[ -s $CAPTURE_DIR/$1.replayed ]]
}

lab_replay() {
	local name=$1 ref rc=0
	ref=$(lab_reference "$name")
	mkdir -p "$CAPTURE_DIR"
	"$SCAP_OPEN" -r "$ref.scap" --json >"$CAPTURE_DIR/$name.json" 2>"$CAPTURE_DIR/$name.err" || rc=$?
	echo "$rc" >"$CAPTURE_DIR/$name.rc"
	quote_ts "$CAPTURE_DIR/$name.json"
	cp "$ref.env" "$CAPTURE_DIR/$name.env"
	cp "$ref.vars" "$CAPTURE_DIR/$name.vars"
	echo "$ref.scap" >"$CAPTURE_DIR/$name.replayed"
	_use_capture "$name"
}

lab_capture() {
	local name=$1 program=$2 log=$LAB_BUILD/tests.build.log ref
	shift 2
	ref=$(lab_reference "$name")
	rm -f "$CAPTURE_DIR/$name.replayed" "$CAPTURE_DIR/$name.vars"
	if [[ ${SCAPLAB_REPLAY:-} == 1 && -s $ref.scap ]]; then
		lab_replay "$name"
		return 0
	fi
	if [[ ! -x $LAB_BUILD/tests/$program ]]; then
		# No capture: the check that reads it shows why.
		mkdir -p "$CAPTURE_DIR"
		{
			echo "the lab's test program $program is missing: it did not compile ($log):"
			grep -E -A3 "error" "$log" 2>/dev/null | grep -v '^--$' | head -n 12
		} >"$CAPTURE_DIR/$name.err"
		: >"$CAPTURE_DIR/$name.json"
		echo 127 >"$CAPTURE_DIR/$name.rc"
		return 0
	fi
	if [[ ${SCAPLAB_RECORD:-} == 1 ]]; then
		mkdir -p "$(dirname "$ref")"
		# -w writes the file, -o still prints the JSON the checks read.
		SCAP_OPEN_ARGS="${SCAP_OPEN_ARGS:-} -w $ref.scap -o $CAPTURE_DIR/$name.rec" \
			WORKLOAD=$LAB_BUILD/tests/$program capture "$name" "$@"
		"$SCAP_OPEN" -r "$ref.scap" -w "$ref.tmp" 2>/dev/null && mv "$ref.tmp" "$ref.scap"
		mv "$CAPTURE_DIR/$name.rec" "$CAPTURE_DIR/$name.json"
		quote_ts "$CAPTURE_DIR/$name.json"
		_use_capture "$name"
		cp "$CAPTURE_DIR/$name.env" "$ref.env"
		cp "$CAPTURE_DIR/$name.vars" "$ref.vars"
		return 0
	fi
	WORKLOAD=$LAB_BUILD/tests/$program capture "$name" "$@"
}

# in_kmod < SCRIPT: for a lab graded with the kernel module, in setup_file:
# run SCRIPT (bash, its kmod_capture lines: labs/tools/kmod_lab.bash) where
# the module loads, with this system's module ($KMOD_KO) loaded and the
# kernel log of the run kept in $CAPTURE_DIR/kmod.dmesg. Fails, with the
# end of the run's output (all of it in $CAPTURE_DIR/kmod.log), if the
# module did not load or the kernel died; a capture that fails does not
# (its check says why).
in_kmod() {
	local script=$BATS_FILE_TMPDIR/in_kmod.sh repo
	repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
	mkdir -p "$CAPTURE_DIR"
	{
		printf 'export LAB_BUILD=%q SCAP_OPEN=%q CAPTURE_DIR=%q KMOD_KO=%q\n' \
			"$LAB_BUILD" "$SCAP_OPEN" "$CAPTURE_DIR" "$KMOD_KO"
		printf '. %q\n' "$repo/labs/tools/kmod_lab.bash"
		echo 'kmod_load >"$CAPTURE_DIR/kmod.load" 2>&1 || { cat "$CAPTURE_DIR/kmod.load"; exit 1; }'
		echo 'dmesg_mark kmod_capture'
		cat
		echo 'dmesg | sed -n "/scaplab-test: begin kmod_capture\$/,\$p" >"$CAPTURE_DIR/kmod.dmesg"'
	} >"$script"
	# The script is read from this machine's /tmp, which the VM sees too.
	if ! VM_RW=$LAB_BUILD VM_TIMEOUT=600 "$repo/scripts/kmod-run" -- bash "$script" \
		>"$CAPTURE_DIR/kmod.log" 2>&1; then
		tail -n 40 "$CAPTURE_DIR/kmod.log"
		echo "the captures did not run where the module loads ($CAPTURE_DIR/kmod.log has all of it)"
		return 1
	fi
}

# kmod_log_clean: true if the kernel log of the captures (in_kmod keeps it
# in $CAPTURE_DIR/kmod.dmesg) has no line of KMOD_DMESG_BAD (load
# test/kmod/kmod); else print those lines, each with what follows it.
kmod_log_clean() {
	local log=$CAPTURE_DIR/kmod.dmesg
	grep -qE "$KMOD_DMESG_BAD" "$log" 2>/dev/null || return 0
	echo "the kernel log of the captures ($log) has lines that mean a bug:"
	grep -E -A12 "$KMOD_DMESG_BAD" "$log" | head -n 30
	return 1
}

# run_program NAME HINT ARGS...: run the lab's test program NAME with ARGS;
# if it crashed, fail with its output and "NAME crashed (SIGNAL)HINT".
run_program() {
	local name=$1 hint=$2
	shift 2
	need_program "$name"
	run "$LAB_BUILD/tests/$name" "$@"
	if [[ $status -gt 128 ]]; then
		[[ -z $output ]] || echo "$output"
		fail "$name crashed ($(kill -l $((status - 128))))$hint"
	fi
}

# need_program NAME: the lab's test program NAME is built; if it did not
# compile (it may include your code), fail with the compiler's errors.
need_program() {
	local log=$LAB_BUILD/tests.build.log
	[[ -x $LAB_BUILD/tests/$1 ]] && return 0
	if [[ -r $log ]] && grep -q "error" "$log"; then
		echo "the lab's test program $1 ($LAB_DIR/tests/$1.c) does not compile:"
		grep -E -A3 "error" "$log" | grep -v '^--$' | head -n 12
	fi
	fail "$LAB_BUILD/tests/$1 is missing: run 'make lab-system LAB=${LAB_DIR##*/}' and read its errors"
}

lab_run() {
	local name=$1 rc=0
	shift
	mkdir -p "$CAPTURE_DIR"
	rm -f "$CAPTURE_DIR/$name.stopped"
	"$@" >"$CAPTURE_DIR/$name.out" 2>"$CAPTURE_DIR/$name.err" &
	wait_bounded $! "${LAB_RUN_SECONDS:-60}" "$CAPTURE_DIR/$name.stopped" || rc=$?
	echo "$rc" >"$CAPTURE_DIR/$name.rc"
}

ran() {
	local rc
	if [[ -e $CAPTURE_DIR/$1.stopped ]]; then
		fail "'$1' did not end: $(cat "$CAPTURE_DIR/$1.stopped") by the grader. A reader that never moves past an event runs for ever: is the code that gives an event back written?"
	fi
	rc=$(cat "$CAPTURE_DIR/$1.rc" 2>/dev/null || echo "(not run)")
	[[ $rc == 0 ]] && return 0
	echo "the end of its stderr ($CAPTURE_DIR/$1.err):"
	tail -n 12 "$CAPTURE_DIR/$1.err" 2>/dev/null | sed 's/^/  /'
	fail "'$1' exited with status $rc"
}

# PRINTED: events scap-open printed (counted, with -q); CAPTURED: events the driver wrote
# (n_evts); DROPS, FULL (the buffer was full), LARGE, BUG (a broken tail);
# CORRUPT: events the reader could not decode.
stats() {
	local err=$CAPTURE_DIR/$1.err line
	line=$(grep -m1 -E ' events (printed|counted); the driver captured ' "$err")
	[[ $line =~ ([0-9]+)\ events\ (printed|counted)\;\ the\ driver\ captured\ ([0-9]+) ]] ||
		fail "scap-open printed no statistics ($err)"
	PRINTED=${BASH_REMATCH[1]} CAPTURED=${BASH_REMATCH[3]}
	line=$(grep -m1 '^scap-open: drops: ' "$err")
	[[ $line =~ drops:\ ([0-9]+)\ \(buffer\ full:\ ([0-9]+),\ too\ large:\ ([0-9]+)(,\ driver\ bug:\ ([0-9]+))?\)\;.*corrupt\ events:\ ([0-9]+) ]] ||
		fail "scap-open printed no drop counts ($err)"
	DROPS=${BASH_REMATCH[1]} FULL=${BASH_REMATCH[2]} LARGE=${BASH_REMATCH[3]}
	BUG=${BASH_REMATCH[5]:-0} CORRUPT=${BASH_REMATCH[6]}
	echo "$1: printed $PRINTED, the driver wrote $CAPTURED (n_evts), dropped $DROPS" \
		"(full $FULL, too large $LARGE, bug $BUG), corrupt $CORRUPT"
}

count() {
	jq -n "[inputs | select($2)] | length" "$CAPTURE_DIR/$1.out" 2>/dev/null || echo 0
}

# wrap_data NAME: check the write exit events of run NAME, a capture of
# `workload wrap 1000` (test/workload/wrap.c), whose data is made from each
# write's number: WRAP_N gets how many arrived, WRAP_BAD how many of them
# are torn or out of order (the first three are shown).
wrap_data() {
	local n=0 bad=0 last=-1 res data i want
	while IFS=$'\t' read -r res data; do
		[[ $data =~ ^w([0-9]{6}): ]] || continue
		i=$((10#${BASH_REMATCH[1]}))
		want=$(printf 'w%06d:%*s' "$i" $((i % 41)) '')
		want=${want// /$(printf "\\x$(printf %x $((97 + i % 26)))")}
		if [[ $data != "$want" || $res != "${#want}" || $i -le $last ]]; then
			((bad++ < 3)) && echo "  write $i: res $res, data '$data' (expected res ${#want}, '$want', after write $last)"
		fi
		last=$i n=$((n + 1))
	done < <(jq -r 'select(.name == "write" and .dir == "<") | [.params.res, .params.data] | @tsv' \
		"$CAPTURE_DIR/$1.out" 2>/dev/null)
	echo "write exit events of workload wrap: $n of 1000, $bad of them wrong"
	WRAP_N=$n WRAP_BAD=$bad
}
