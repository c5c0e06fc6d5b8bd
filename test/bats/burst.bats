#!/usr/bin/env bats
# A full ring buffer: `workload burst N` makes N getppid calls as fast as it
# can. With a 4 KiB ring per CPU the reader cannot keep up: events are lost,
# and that must be counted ("drops: N (buffer full: N, too large: N)"), never
# silent, and never corrupt what is printed. With the default ring (8 MiB)
# nothing should be lost, and if something is, it must be counted.
# SCAP_OPEN_ARGS picks the driver, as for the other files (--bpf: the
# legacy probe's perf buffers, whose full buffer fails
# bpf_perf_event_output()).
#
#   make -f test/test.mk bats BATS_FILES=test/bats/burst.bats
#   SCAP_OPEN_ARGS=--bpf bats test/bats/burst.bats

load helpers

setup() {
	require_tools
}

# stats FILE: parse scap-open's stats line into DROPS, DROPS_FULL, DROPS_LARGE.
parse_drops() {
	local line
	line=$(grep 'scap-open: drops:' "$1") || {
		cat "$1"
		fail "no 'scap-open: drops: ...' line in scap-open's stderr"
	}
	echo "stats: $line"
	[[ $line =~ drops:\ ([0-9]+)\ \(buffer\ full:\ ([0-9]+),\ too\ large:\ ([0-9]+)\) ]] ||
		fail "the drops line is not 'drops: N (buffer full: N, too large: N)'"
	DROPS=${BASH_REMATCH[1]} DROPS_FULL=${BASH_REMATCH[2]} DROPS_LARGE=${BASH_REMATCH[3]}
}

# check_lines FILE: every line is a JSON event with the keys of the format.
check_lines() {
	local bad
	bad=$(jq -c 'select((type != "object") or (keys_unsorted !=
		["ts","cpu","tid","pid","comm","dir","name","params"]))' "$1" 2>&1 | head -n 5)
	if [[ -n $bad ]]; then
		echo "lines that are not well-formed events (or jq's error):"
		echo "$bad"
		fail "scap-open printed lines that are not JSON events"
	fi
}

@test "burst: a 4 KiB ring drops events, counts them, and prints only whole events" {
	local out=$CAPTURE_DIR/burst-4k.json err=$CAPTURE_DIR/burst-4k.err n=200000 printed
	mkdir -p "$CAPTURE_DIR"
	# shellcheck disable=SC2016 # $6: the driver's options, split on purpose
	run bash -c '"$1" $6 --buffer_dim 4096 --json -s getppid -- "$2" burst "$3" >"$4" 2>"$5"' \
		_ "$SCAP_OPEN" "$WORKLOAD" "$n" "$out" "$err" "${SCAP_OPEN_ARGS:-}"
	echo "scap-open exit status: $status"
	tail -n 3 "$err"
	expect_equal "scap-open's exit status" "$status" 0
	parse_drops "$err"
	echo "drops: $DROPS, expected > 0 with a 4 KiB ring and $n calls"
	[[ $DROPS -gt 0 ]] || fail "nothing dropped: is --buffer_dim applied to the ring?"
	expect_equal "drops = buffer full + too large" "$DROPS" $((DROPS_FULL + DROPS_LARGE))
	[[ $DROPS_FULL -gt 0 ]] || fail "the drops are not counted as 'buffer full'"
	check_lines "$out"
	run grep -c 'skipping a corrupt event' "$err"
	expect_equal "corrupt-event warnings" "$output" 0
	grep -q 'corrupt events: 0' "$err" || fail "the stats count corrupt events"
	printed=$(jq -s '[.[] | select(.name == "getppid")] | length' "$out")
	echo "getppid events printed: $printed of $((2 * n)); dropped (any process): $DROPS"
	[[ $printed -lt $((2 * n)) ]] || fail "all events printed, yet drops were counted"
	# Every lost getppid event is among the drops (which count all processes').
	[[ $((printed + DROPS)) -ge $((2 * n)) ]] ||
		fail "printed + dropped < $((2 * n)): events were lost without being counted"
}

@test "burst: with the default ring, every getppid call is printed or counted as dropped" {
	local out=$CAPTURE_DIR/burst-default.json err=$CAPTURE_DIR/burst-default.err n=20000 printed
	mkdir -p "$CAPTURE_DIR"
	# shellcheck disable=SC2016
	run bash -c '"$1" $6 --json -s getppid -- "$2" burst "$3" >"$4" 2>"$5"' \
		_ "$SCAP_OPEN" "$WORKLOAD" "$n" "$out" "$err" "${SCAP_OPEN_ARGS:-}"
	echo "scap-open exit status: $status"
	tail -n 3 "$err"
	expect_equal "scap-open's exit status" "$status" 0
	parse_drops "$err"
	check_lines "$out"
	printed=$(jq -s '[.[] | select(.name == "getppid")] | length' "$out")
	if [[ $DROPS == 0 ]]; then
		# Nothing lost: one enter and one exit per call, in pairs.
		expect_equal "getppid events printed" "$printed" $((2 * n))
		run jq -rs '[.[] | select(.name == "getppid") | .dir] | join("") | test("^(><)+$")' "$out"
		expect_equal "enter and exit alternate" "$output" true
	else
		echo "the default ring dropped $DROPS events: printed $printed of $((2 * n))"
		[[ $((printed + DROPS)) -ge $((2 * n)) ]] ||
			fail "printed + dropped < $((2 * n)): events were lost without being counted"
	fi
}
