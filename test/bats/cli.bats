#!/usr/bin/env bats
# scap-open's command line (userspace/scap-open/options.c): bad input gets a
# one-line error on stderr and exit status 2, before anything is loaded; a
# command that cannot run, or a user who is not root, gets a clear message
# and exit status 1; the options that shape the output do what they say.
#
#   make -f test/test.mk bats BATS_FILES=test/bats/cli.bats

load helpers
bats_require_minimum_version 1.5.0

setup() {
	require_tools
}

# bad_input ERROR_REGEX ARGS...: scap-open ARGS exits 2 with one line on
# stderr, matching ERROR_REGEX, and nothing on stdout.
bad_input() {
	local regex=$1
	shift
	# A timeout: an option that is not refused would capture until killed.
	run --separate-stderr timeout 20 "$SCAP_OPEN" "$@"
	echo "scap-open $*"
	echo "  exit status: $status"
	echo "  stdout: $output"
	echo "  stderr: $stderr"
	expect_equal "exit status" "$status" 2
	expect_equal "lines on stderr" "$(printf '%s' "$stderr" | grep -c '')" 1
	expect_equal "stdout" "$output" ""
	[[ $stderr =~ $regex ]] || fail "stderr does not match: $regex"
}

@test "cli: an unknown option is a one-line error, exit 2" {
	bad_input "^scap-open: unknown option '--bogus' \(see --help\)$" --bogus
}

@test "cli: --syscall with an unknown name names it, exit 2" {
	bad_input "^scap-open: invalid --syscall 'nosuchcall': no x86_64 syscall has this name" \
		--syscall openat,nosuchcall
}

@test "cli: --syscall '' and --syscall , name no syscall: refused, exit 2" {
	bad_input "^scap-open: invalid --syscall '': no syscall name" --syscall ''
	bad_input "^scap-open: invalid --syscall ',': an empty name" --syscall ,
	bad_input "^scap-open: invalid --syscall 'openat,,close': an empty name" --syscall openat,,close
}

@test "cli: -n ' -5' and -n +5 are refused, not read as huge or signed numbers, exit 2" {
	bad_input "^scap-open: invalid --num_events ' -5': not a positive whole number" -n ' -5'
	bad_input "^scap-open: invalid --num_events '\+5': not a positive whole number" -n +5
	bad_input "^scap-open: invalid --buffer_dim ' 8m': not a positive whole number" -d ' 8m'
}

@test "cli: --buffer_dim that is not a power of 2 is refused, exit 2" {
	bad_input "^scap-open: invalid --buffer_dim '5000': not a power of 2" --buffer_dim 5000
}

@test "cli: --buffer_dim 1000 (below one page) is refused, exit 2" {
	bad_input "^scap-open: invalid --buffer_dim '1000': must be between 4096 and " --buffer_dim 1000
}

@test "cli: -n abc is refused, exit 2" {
	bad_input "^scap-open: invalid --num_events 'abc': " -n abc
}

@test "cli: --duration -1 is refused, exit 2" {
	bad_input "^scap-open: invalid --duration '-1': " --duration -1
}

@test "cli: an option without its value is refused, exit 2" {
	bad_input "^scap-open: option '-s' needs a value" -s
}

@test "cli: a command given without '--' is refused, exit 2" {
	bad_input "^scap-open: unknown option '-l' after the filter 'ls'; put a command after '--'" ls -l
	# Without an option to trip on, the words are a filter, and not one.
	run --separate-stderr timeout 20 "$SCAP_OPEN" cat /etc/hosts
	expect_equal "exit status" "$status" 2
	[[ $stderr == *"to run a command, put it after '--': scap-open -- cat /etc/hosts"* ]] ||
		fail "stderr: $stderr"
}

@test "cli: --help prints the usage on stdout, exit 0" {
	run --separate-stderr "$SCAP_OPEN" --help
	expect_equal "exit status" "$status" 0
	[[ $output == usage:* ]] || fail "stdout does not start with 'usage:': $output"
	[[ $output == *--buffer_dim* && $output == *--syscall* ]] || fail "options missing from --help"
}

@test "cli: a command that does not exist: 'cannot run', exit non-zero" {
	run -127 --separate-stderr timeout 60 "$SCAP_OPEN" -- /nonexistent/scaplab-cmd
	echo "exit status: $status"
	echo "stderr: $stderr"
	[[ $status -ne 0 ]] || fail "scap-open exited 0 for a command that cannot run"
	[[ $status -ne 124 ]] || fail "scap-open did not stop (timeout)"
	[[ $stderr == *"cannot run '/nonexistent/scaplab-cmd'"* ]] ||
		fail "no \"cannot run '/nonexistent/scaplab-cmd'\" on stderr"
}

@test "cli: as user nobody: the message says root is needed, exit 1" {
	run --separate-stderr timeout 60 setpriv --reuid=nobody --regid=nogroup --clear-groups \
		"$SCAP_OPEN" -n 1
	echo "exit status: $status"
	echo "stderr: $stderr"
	expect_equal "exit status" "$status" 1
	[[ $stderr == *"needs root"* ]] || fail "stderr does not say that root is needed"
	expect_equal "stdout" "$output" ""
}

@test "cli: -n 5 prints exactly 5 events and exits 0" {
	run --separate-stderr timeout 60 "$SCAP_OPEN" -n 5 --json -- "$WORKLOAD" burst 1000
	echo "exit status: $status"
	echo "stdout:"
	echo "$output"
	echo "stderr: $stderr"
	expect_equal "exit status" "$status" 0
	expect_equal "lines printed" "$(printf '%s\n' "$output" | grep -c '')" 5
	run jq -e -s 'length == 5 and all(.[]; has("name") and has("params"))' <<<"$output"
	expect_equal "5 JSON events" "$status" 0
}

@test "cli: text lines look like sysdig's: num time cpu comm (tid) dir name params" {
	local re
	run --separate-stderr timeout 60 "$SCAP_OPEN" -s getppid -- "$WORKLOAD" burst 3
	echo "exit status: $status"
	echo "stdout:"
	echo "$output"
	expect_equal "exit status" "$status" 0
	expect_equal "lines (3 calls, enter and exit)" "${#lines[@]}" 6
	re='^([0-9]+) [0-2][0-9]:[0-5][0-9]:[0-6][0-9]\.[0-9]{9} [0-9]+ workload \(([0-9]+)\) ([<>]) getppid ID=getppid( nativeID=110)?$'
	local i=1 dir=">" line tid=
	for line in "${lines[@]}"; do
		[[ $line =~ $re ]] || fail "line $i does not match $re: $line"
		expect_equal "event number of line $i" "${BASH_REMATCH[1]}" "$i"
		expect_equal "direction of line $i" "${BASH_REMATCH[3]}" "$dir"
		[[ -z $tid || $tid == "${BASH_REMATCH[2]}" ]] || fail "line $i: another tid"
		tid=${BASH_REMATCH[2]}
		[[ $dir == ">" ]] && dir="<" || dir=">"
		i=$((i + 1))
	done
}

@test "cli: --syscall openat,close prints only those syscalls of the command" {
	local names
	fresh_dir cli-syscall
	run --separate-stderr timeout 60 "$SCAP_OPEN" --json -s openat,close -- "$WORKLOAD" files "$D"
	expect_equal "exit status" "$status" 0
	names=$(jq -rs '[.[].name] | unique | join(",")' <<<"$output")
	expect_equal "event names printed" "$names" "close,openat"
	run jq -rs --arg f "$D/openat_file" '[.[] | select(.params.name == $f)] | length' <<<"$output"
	expect_equal "openat events of DIR/openat_file" "$output" 2
}

@test "cli: --snaplen 16 keeps 16 bytes of a 200-byte write" {
	fresh_dir cli-snaplen
	run --separate-stderr timeout 60 "$SCAP_OPEN" --json --snaplen 16 -s write -- \
		"$WORKLOAD" io "$D"
	expect_equal "exit status" "$status" 0
	EXIT=$(jq -c 'select(.name == "write" and .dir == "<" and .params.res == 200)' <<<"$output")
	expect_params "write < (--snaplen 16)" "$EXIT" '{res: 200, data: "0123456789012345"}'
}

@test "cli: -q prints no events, only the statistics" {
	run --separate-stderr timeout 60 "$SCAP_OPEN" -q -- "$WORKLOAD" burst 100
	echo "stderr: $stderr"
	expect_equal "exit status" "$status" 0
	expect_equal "stdout" "$output" ""
	[[ $stderr =~ scap-open:\ ([0-9]+)\ events\ counted ]] || fail "no 'N events counted' line"
	[[ ${BASH_REMATCH[1]} -ge 200 ]] || fail "fewer than 200 events counted for 100 getppid calls"
	[[ $stderr == *"drops: "* ]] || fail "no drops line in the statistics"
}

@test "cli: -q with no filter only counts (it says so), and counts every event of a burst" {
	local err=$BATS_TEST_TMPDIR/err i
	timeout 60 "$SCAP_OPEN" -v -q --duration 4 2>"$err" &
	for ((i = 0; i < 300; i++)); do
		grep -q "scap-open: capturing" "$err" && break
		sleep 0.1
	done
	"$WORKLOAD" burst 20000
	wait $!
	cat "$err"
	grep -q "scap-open: capturing (-q and no filter: events are counted, not decoded)" "$err" ||
		fail "scap-open -v -q did not say it only counts"
	[[ $(cat "$err") =~ scap-open:\ ([0-9]+)\ events\ counted ]] || fail "no 'N events counted' line"
	[[ ${BASH_REMATCH[1]} -ge 40000 ]] ||
		fail "${BASH_REMATCH[1]} events counted, fewer than the 40000 of 20000 getppid calls"
	# A filter needs each event decoded: no counting only then.
	run --separate-stderr timeout 60 "$SCAP_OPEN" -v -q -c workload -- "$WORKLOAD" burst 10
	[[ $stderr == *"scap-open: capturing"* && $stderr != *"counted, not decoded"* ]] ||
		fail "with -c, scap-open still claims to only count: $stderr"
}

@test "cli: --duration 1 without a command stops by itself, exit 0" {
	local start end
	start=$(date +%s%N)
	run --separate-stderr timeout 60 "$SCAP_OPEN" -q --duration 1
	end=$(date +%s%N)
	echo "exit status: $status; ran $(((end - start) / 1000000)) ms; stderr: $stderr"
	expect_equal "exit status" "$status" 0
	[[ $(((end - start) / 1000000)) -ge 1000 ]] || fail "stopped before 1 s"
	[[ $stderr == *"drops: "* ]] || fail "no statistics"
}

@test "cli: in text mode a file name with a newline stays on its event's line" {
	fresh_dir cli-names
	run --separate-stderr timeout 60 "$SCAP_OPEN" -s openat -- "$WORKLOAD" names "$D"
	echo "$output"
	expect_equal "exit status" "$status" 0
	# Every line is an event: a newline in a param would start a line without one.
	local line n=0
	for line in "${lines[@]}"; do
		[[ $line =~ ^[0-9]+\  ]] || fail "a line that is not an event: '$line'"
		[[ $line == *"/new.line"* ]] && n=$((n + 1))
	done
	expect_equal "openat events naming DIR/new.line (the newline shown as '.')" "$n" 2
}
