#!/usr/bin/env bats
# Lab 00, the environment: graded checks. Run them with `sudo make grade LAB=0`.
# They read your answers in labs/00-environment/answers.txt and check each
# one against the machine itself: make doctor, a live capture, and the bytes
# of the event you pasted.

load ../../tools/lab_helpers

ANSWERS=$LAB_DIR/answers.txt

# answer KEY: the value after "KEY =" in answers.txt (empty if not filled in).
answer() {
	sed -n "s/^$1[[:space:]]*=[[:space:]]*//p" "$ANSWERS" | sed 's/[[:space:]]*$//' | head -n 1
}

# expect_answer KEY EXPECTED WHERE: the answer to KEY is EXPECTED, or fail
# saying where the right value can be found.
expect_answer() {
	local got
	got=$(answer "$1")
	if [[ -z $got ]]; then
		fail "answers.txt: '$1 =' is not filled in yet ($3)"
	elif [[ $got != "$2" ]]; then
		echo "answers.txt says:  $1 = $got"
		echo "expected:          $1 = $2"
		fail "'$1' is not right; $3"
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
	local exit_evt
	[[ $(cat "$CAPTURE_DIR/lab00-cat.rc") == 0 ]] ||
		{ tail -n 5 "$CAPTURE_DIR/lab00-cat.err"; fail "the grader's own trace of cat /etc/hostname failed"; }
	# What the grader's own trace says: the exit event that opened /etc/hostname.
	# -R and fromjson?: cat's own output (the host name) is mixed in.
	exit_evt=$(jq -cR 'fromjson? | select(.dir == "<" and .params.name == "/etc/hostname")' \
		"$CAPTURE_DIR/lab00-cat.json" | head -n 1)
	[[ -n $exit_evt ]] || fail "the grader's trace has no exit event with name=/etc/hostname"
	echo "the grader's trace: $exit_evt"
	expect_answer first_trace_syscall "$(jq -r .name <<<"$exit_evt")" \
		"look for name=/etc/hostname in the output of the trace"
	# The text output prints flags as 1(O_RDONLY), the JSON as O_RDONLY: either will do.
	local flags want
	flags=$(answer first_trace_flags)
	[[ $flags =~ ^[0-9]+\((.*)\)$ ]] && flags=${BASH_REMATCH[1]}
	want=$(jq -r '.params.flags' <<<"$exit_evt")
	[[ -n $flags ]] || fail "answers.txt: 'first_trace_flags =' is not filled in yet"
	if [[ $flags != "$want" ]]; then
		echo "answers.txt says:  first_trace_flags = $(answer first_trace_flags)"
		echo "expected:          first_trace_flags = $want"
		fail "'first_trace_flags' is not right: the flags are a parameter of that openat"
	fi
}

# The fields of the pasted event, decoded by the answer key (tests/event_fields.c).
decode_pasted_event() {
	local hex
	hex=$(answer event_hex)
	[[ -n $hex ]] || fail "answers.txt: 'event_hex =' is not filled in yet (run first_event, exercise 00.3)"
	run "$LAB_BUILD/tests/event_fields" "$hex"
	[[ $status == 0 ]] || fail "event_hex is not what first_event printed: $output"
	KEY=$output
}

key() {
	sed -n "s/^$1 = //p" <<<"$KEY"
}

@test "00.3 [1 pt] answers.txt: event_hex is a whole openat exit event for /etc/hostname" {
	decode_pasted_event
	[[ $(key name) == /etc/hostname ]] ||
		fail "the pasted event opened '$(key name)', not /etc/hostname: paste what first_event printed"
}

@test "00.3 [4 pts] answers.txt: the header, decoded by hand (ts, tid, len, type, nparams)" {
	local k
	decode_pasted_event
	for k in ts tid len type nparams; do
		expect_answer "$k" "$(key "$k")" \
			"the header is the first 26 bytes, little-endian: u64 ts, u64 tid, u32 len, u16 type, u32 nparams"
	done
}

@test "00.3 [2 pts] answers.txt: the lengths, the fd and the name, decoded by hand" {
	decode_pasted_event
	expect_answer lengths "$(key lengths)" \
		"after the header come nparams lengths of 2 bytes each; write them in decimal, comma-separated"
	expect_answer fd "$(key fd)" "parameter 1 (fd) is the first 8 bytes after the lengths, a signed number"
	expect_answer name "$(key name)" "parameter 3 (name) is a string ending with a NUL byte"
}
