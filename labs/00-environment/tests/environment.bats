#!/usr/bin/env bats
# Lab 00, the environment: graded checks. Run them with `sudo make grade LAB=0`.
# They read your answers in labs/00-environment/answers.txt and check each
# one against the machine itself: make doctor, a live capture, and the bytes
# of the event you pasted.

load ../../tools/lab_helpers

EXERCISE_CODE=([00.1]="labs/00-environment/answers.txt" [00.2]="labs/00-environment/answers.txt"
	[00.3]="labs/00-environment/answers.txt")

ANSWERS=$LAB_DIR/answers.txt

# answer KEY: the value after "KEY =" in answers.txt (empty if not filled in).
answer() {
	sed -n "s/^$1[[:space:]]*=[[:space:]]*//p" "$ANSWERS" | sed 's/[[:space:]]*$//' | head -n 1
}

# expect_answer KEY EXPECTED WHERE: the answer to KEY is EXPECTED, or fail
# saying where the right value can be found (never what it is).
expect_answer() {
	local got
	got=$(answer "$1")
	if [[ -z $got ]]; then
		fail "answers.txt: '$1 =' is not filled in yet ($3)"
	elif [[ $got != "$2" ]]; then
		echo "answers.txt says:  $1 = $got"
		fail "'$1' is not right: $3"
	fi
}

setup_file() {
	# The first trace, as README exercise 00.2 runs it.
	mkdir -p "$CAPTURE_DIR"
	# Never fails here: the check that reads the trace says why it failed.
	local rc=0
	"$SCAP_OPEN" --json -- /bin/cat /etc/hostname >"$CAPTURE_DIR/lab00-cat.json" \
		2>"$CAPTURE_DIR/lab00-cat.err" || rc=$?
	echo "$rc" >"$CAPTURE_DIR/lab00-cat.rc"
}

@test "00.1 [2 pts] make doctor finds nothing to fix on this machine" {
	run "$REPO_ROOT/scripts/doctor.sh"
	if [[ $status != 0 ]]; then
		echo "$output" | grep -A1 FAIL
		fail "make doctor found something to fix: do what its [FAIL] lines say, then grade again"
	fi
}

@test "00.1 [1 pt] answers.txt: the BTF file" {
	expect_answer btf_file /sys/kernel/btf/vmlinux \
		"make doctor prints the file it checks for BTF; scripts/doctor.sh has it too"
}

@test "00.2 [2 pts] answers.txt: the syscall and the flags of your first trace" {
	local exit_evt flags want
	[[ $(cat "$CAPTURE_DIR/lab00-cat.rc") == 0 ]] ||
		{ tail -n 5 "$CAPTURE_DIR/lab00-cat.err"; fail "the grader's own trace of cat /etc/hostname failed"; }
	# The grader's own trace says what is right: the exit event that opened
	# /etc/hostname. (-R and fromjson?: cat's own output is mixed in.)
	exit_evt=$(jq -cR 'fromjson? | select(.dir == "<" and .params.name == "/etc/hostname")' \
		"$CAPTURE_DIR/lab00-cat.json" | head -n 1)
	[[ -n $exit_evt ]] || fail "the grader's trace has no exit event with name=/etc/hostname"
	expect_answer first_trace_syscall "$(jq -r .name <<<"$exit_evt")" \
		"find the two events with name=/etc/hostname in your trace: the syscall's name comes right after > or <"
	# The text output prints flags as 1(O_RDONLY), the JSON as O_RDONLY: either will do.
	flags=$(answer first_trace_flags)
	[[ -n $flags ]] || fail "answers.txt: 'first_trace_flags =' is not filled in yet"
	[[ $flags =~ ^[0-9]+\((.*)\)$ ]] && flags=${BASH_REMATCH[1]}
	want=$(jq -r '.params.flags' <<<"$exit_evt")
	if [[ $flags != "$want" ]]; then
		echo "answers.txt says:  first_trace_flags = $(answer first_trace_flags)"
		if [[ $flags =~ ^[0-9]+$ ]]; then
			fail "'first_trace_flags' is a number: write the flag's name, as the trace prints it next to the number"
		fi
		fail "'first_trace_flags' is not right: it is the flags= parameter of those openat events"
	fi
}

# check_fields KEY...: the answer key (tests/check_fields.c) on answers.txt;
# fail listing each of KEY that is wrong, with the key's reason.
check_fields() {
	local k line bad=0
	run "$LAB_BUILD/tests/check_fields" "$ANSWERS"
	if [[ $status == 2 ]]; then
		fail "${output#wrong }"
	fi
	for k in "$@"; do
		line=$(grep -E "^(ok|wrong) $k( |:|$)" <<<"$output")
		if [[ $line == "wrong "* ]]; then
			echo "  ${line#wrong }"
			bad=1
		fi
	done
	[[ $bad == 0 ]] || fail "these answers are not right yet (answers.txt)"
}

@test "00.3 [1 pt] answers.txt: event_hex is a whole openat exit event for /etc/hostname" {
	check_fields event_hex
}

@test "00.3 [4 pts] answers.txt: the header, decoded by hand (ts, tid, len, type, nparams)" {
	check_fields ts tid len type nparams
}

@test "00.3 [2 pts] answers.txt: the lengths, the fd and the name, decoded by hand" {
	check_fields lengths fd name
}
