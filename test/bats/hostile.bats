#!/usr/bin/env bats
# The reader under attack: a traced program must not be able to forge the
# event stream, write to the analyst's terminal, or escape the capture, and
# scap-open must end cleanly however its output is consumed.
# The attacks are test/workload/hostile.c.
#
#   make -f test/test.mk bats BATS_FILES=test/bats/hostile.bats

load helpers
bats_require_minimum_version 1.5.0

setup() {
	require_tools
}

# no_controls WHAT FILE: every line of FILE is UTF-8 and holds no control
# character (C0, DEL, C1) and no bidi override (U+202A-U+202E, U+2066-U+2069).
no_controls() {
	local bad
	bad=$(LC_ALL=C.UTF-8 grep -naxv '.*' "$2" | head -n 3 | cat -v)
	[[ -z $bad ]] || { echo "$bad"; fail "$1: lines that are not UTF-8 (above, shown by cat -v)"; }
	bad=$(LC_ALL=C.UTF-8 grep -naP '[\x{00}-\x{1f}\x{7f}-\x{9f}\x{202a}-\x{202e}\x{2066}-\x{2069}]' "$2" |
		head -n 3 | cat -v)
	[[ -z $bad ]] || { echo "$bad"; fail "$1: control characters reach the text output (above, shown by cat -v)"; }
}

@test "hostile: a process named with terminal escapes puts none in the text output" {
	local out=$BATS_TEST_TMPDIR/out
	fresh_dir hostile-comm
	run --separate-stderr timeout 60 "$SCAP_OPEN" -s getppid -- "$WORKLOAD" comm "$D"
	printf '%s\n' "$output" >"$out"
	expect_equal "exit status" "$status" 0
	# Mechanism: the child named by prctl made its getppid.
	[[ $(grep -c ' getppid ' "$out") -ge 2 ]] || { cat -v "$out"; fail "no getppid event of the child"; }
	no_controls "scap-open's text output" "$out"
}

@test "hostile: file names with C1 controls and U+202E put none in the text output" {
	local out=$BATS_TEST_TMPDIR/out
	fresh_dir hostile-names
	run --separate-stderr timeout 60 "$SCAP_OPEN" -s openat -- "$WORKLOAD" comm "$D"
	printf '%s\n' "$output" >"$out"
	expect_equal "exit status" "$status" 0
	for name in c1-raw c1-utf8 rlo; do
		grep -q "< openat .*/$name-" "$out" || { cat -v "$out"; fail "no openat exit event of $name-..."; }
	done
	no_controls "scap-open's text output" "$out"
}

@test "hostile: unix socket names that differ print differently (inner NULs, 108-byte paths)" {
	local out=$BATS_TEST_TMPDIR/events.json s107 s108
	fresh_dir hostile-socknames
	run --separate-stderr timeout 60 "$SCAP_OPEN" --json -s bind -o "$out" -- \
		"$WORKLOAD" socknames "$D"
	echo "stderr: $stderr"
	expect_equal "exit status" "$status" 0
	s108=$(printf 's%.0s' {1..108})
	s107=${s108:1}
	run jq -c -s '[.[] | select(.name == "bind" and .dir == "<") | .params.addr]' "$out"
	echo "bind exit addrs: $output"
	expect_equal "the four names bound, as JSON" "$output" \
		"[\"@scaplab-abs\\u0000x\",\"@scaplab-abs\",\"$s108\",\"$s107\"]"
}

@test "hostile: the command's stdout never reaches the JSON event stream" {
	run --separate-stderr timeout 60 "$SCAP_OPEN" --json -- "$WORKLOAD" forge
	echo "stdout:"
	echo "$output" | head -n 5
	expect_equal "exit status" "$status" 0
	run jq -e -R -s 'split("\n")[:-1] | length > 0 and all(.[]; fromjson | has("name") and .name != "forged")' <<<"$output"
	expect_equal "every stdout line is one of scap-open's JSON events" "$status" 0
	[[ $stderr == *'"name":"forged"'* ]] || fail "the command's own output is lost: it is not on stderr either"
}

@test "hostile: -o FILE writes the events to FILE; the command keeps its stdout" {
	local file=$BATS_TEST_TMPDIR/events.json
	run --separate-stderr timeout 60 "$SCAP_OPEN" --json -o "$file" -- "$WORKLOAD" forge
	expect_equal "exit status" "$status" 0
	[[ $output == *'"name":"forged"'* ]] || fail "the command's stdout is not scap-open's stdout"
	run jq -e -s 'length > 0 and all(.[]; has("name") and .name != "forged")' "$file"
	expect_equal "every line of FILE is one of scap-open's JSON events" "$status" 0
}

@test "hostile: -o to a file that cannot be written is a one-line error, exit 2" {
	run --separate-stderr timeout 20 "$SCAP_OPEN" -o /nonexistent/dir/events -n 1
	echo "stderr: $stderr"
	expect_equal "exit status" "$status" 2
	[[ $stderr == "scap-open: cannot write /nonexistent/dir/events: "* ]] || fail "no clear error"
}

@test "hostile: scap-open | head -1 ends, in text and in JSON" {
	local mode start
	for mode in "" --json; do
		start=$(date +%s)
		run timeout 30 bash -c "'$SCAP_OPEN' $mode -- '$WORKLOAD' burst 100000000 | head -n 1"
		echo "scap-open $mode | head -1: exit $status after $(($(date +%s) - start)) s; $output"
		[[ $status != 124 ]] || fail "scap-open $mode kept capturing after head exited"
		[[ -n $output ]] || fail "head printed nothing"
	done
}

@test "hostile: scap-open exits with the command's status, as strace does" {
	local code
	for code in 0 3 127; do
		# run -N: bats checks the status itself and knows 127 is expected here.
		run "-$code" --separate-stderr timeout 60 "$SCAP_OPEN" -q -- sh -c "exit $code"
		echo "sh -c 'exit $code': scap-open exit $status; stderr: $stderr"
		expect_equal "exit status" "$status" "$code"
		[[ $stderr != *"could not be run"* ]] || fail "a command that ran is said to have not run"
	done
	# Killed by a signal: 128 + its number, as a shell reports it.
	run --separate-stderr timeout 60 "$SCAP_OPEN" -q -- sh -c 'kill -TERM $$'
	expect_equal "exit status of a command killed by SIGTERM" "$status" 143
}

@test "hostile: a command that cannot run: exit 127 and the reason" {
	run -127 --separate-stderr timeout 60 "$SCAP_OPEN" -q -- /nonexistent/scaplab-cmd
	echo "stderr: $stderr"
	expect_equal "exit status" "$status" 127
	[[ $stderr == *"cannot run '/nonexistent/scaplab-cmd': No such file or directory"* ]] ||
		fail "no reason on stderr"
}

@test "hostile: grandchildren do not outlive scap-open" {
	# Stopped by -n 1 at sleep's own clock_nanosleep: the grandchild runs
	# by then. Not through run or timeout: a grandchild must not be able to
	# hold their pipes or their process group.
	"$SCAP_OPEN" -q -n 1 -s clock_nanosleep -- sh -c 'sleep 97.531; true' \
		</dev/null >/dev/null 2>"$BATS_TEST_TMPDIR/err" || true
	sleep 0.5
	run pgrep -f 'sleep 97.531'
	[[ $status != 0 ]] || { pkill -f 'sleep 97.531'; fail "the command's child is still running: $output"; }
}

# children_found DIR N: how many of DIR/child-0 .. child-(N-1) the capture
# has an openat exit event of.
children_found() {
	jq -s --arg d "$1" --argjson n "$2" \
		'[range(0; $n) as $k | ($d + "/child-\($k)") as $f
		  | select(any(.[]; .name == "openat" and .dir == "<" and .params.name == $f))] | length' "$3"
}

@test "hostile: children are followed when their clone events are dropped" {
	local out=$BATS_TEST_TMPDIR/events.json drops found
	fresh_dir hostile-tree
	# Each child lives a second after its openat: the reader meets it alive
	# and places it by its ancestry in /proc.
	run --separate-stderr timeout 60 "$SCAP_OPEN" --json -d 4096 -o "$out" -- \
		"$WORKLOAD" tree "$D" 8 300 1000
	echo "stderr: $stderr"
	expect_equal "exit status" "$status" 0
	drops=$(sed -n 's/.*drops: \([0-9]*\).*/\1/p' <<<"$stderr")
	[[ $drops -gt 0 ]] || fail "no drop with a 4 KiB ring: this check cannot tell anything"
	found=$(children_found "$D" 8 "$out")
	expect_equal "children whose openat of DIR/child-K was captured" "$found" 8
}

@test "hostile: a child gone before the reader could place it is counted, not lost silently" {
	local out=$BATS_TEST_TMPDIR/events.json found unplaced
	fresh_dir hostile-tree-fast
	# Each child exits right after its openat, which the ring holds (it has
	# drained): with its clone event dropped, nothing says whose it was.
	run --separate-stderr timeout 60 "$SCAP_OPEN" --json -d 4096 -o "$out" -- \
		"$WORKLOAD" tree "$D" 8 300 0
	echo "stderr: $stderr"
	expect_equal "exit status" "$status" 0
	found=$(children_found "$D" 8 "$out")
	[[ $stderr =~ events\ not\ placed:\ ([0-9]+) ]] ||
		fail "the statistics do not count the events that could not be placed"
	unplaced=${BASH_REMATCH[1]}
	echo "children found: $found of 8; events not placed: $unplaced"
	# A missing child's openat enter and exit, at least, were not placed.
	[[ $unplaced -ge $((2 * (8 - found))) ]] ||
		fail "$((8 - found)) children are missing, and fewer of their events were counted"
}
