#!/usr/bin/env bats
# The modern engine's reader on an idle machine
# (userspace/libscap/engine/modern_bpf/idle_wait.h): it sleeps until the
# probe wakes it, rather than looking at the rings 100 times a second, and
# the first event after the quiet still reaches it at once.
#
#   make -f test/test.mk bats BATS_FILES=test/bats/idle.bats

bats_require_minimum_version 1.5.0
load helpers

@test "idle: with nothing to read, the reader wakes a few times a second, not 100" {
	# -s kill: the driver sends kill's events only, and nothing here kills.
	run --separate-stderr /usr/bin/time -f 'wakeups=%w' "$SCAP_OPEN" ${SCAP_OPEN_ARGS:-} -s kill --duration 5
	expect_equal "exit status" "$status" 0
	[[ $stderr =~ wakeups=([0-9]+) ]] || fail "no count from time(1): $stderr"
	echo "voluntary context switches in 5 s: ${BASH_REMATCH[1]}"
	# A 10 ms poll would be 500; loading the probe takes a few dozen.
	(( BASH_REMATCH[1] < 150 )) || fail "${BASH_REMATCH[1]} wake-ups in 5 s of nothing"
}

@test "idle: the first event after a quiet second wakes the reader at once" {
	local i start end slow=0 out=$BATS_TEST_TMPDIR/out
	for i in 1 2 3; do
		"$SCAP_OPEN" ${SCAP_OPEN_ARGS:-} -s kill -n 1 >"$out" 2>/dev/null &
		local reader=$!
		# Idle for longer than the 100 ms after which it sleeps until woken.
		sleep 1.5
		start=$(date +%s%N)
		kill -0 "$reader"
		wait "$reader"
		end=$(date +%s%N)
		grep -q '> kill ' "$out" || fail "round $i: the kill was not read: $(cat "$out")"
		echo "round $i: the reader ended $(( (end - start) / 1000000 )) ms after the kill"
		# Not woken, it would sleep up to 500 ms: three quick ones are no chance.
		(( end - start < 150000000 )) || slow=$((slow + 1))
	done
	expect_equal "rounds slower than 150 ms" "$slow" 0
}
