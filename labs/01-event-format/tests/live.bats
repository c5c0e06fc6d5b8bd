#!/usr/bin/env bats
# Lab 01, the event format: the live checks. Run them with `make grade LAB=1`.
#
# scap-open --json captures labs/01-event-format/tests/calls.c, one syscall
# for each kind of param, with the real probe. The scap-open here is
# tests/scap-open-params.c: its decoder reads the header and the lengths
# plainly and runs your decode_params(), so these checks of 01.3 depend on
# 01.3 only. Each compares the params it printed with the arguments calls.c
# used, so a decode_params that points a param at the wrong bytes, or
# refuses good events, fails here.
#
# Where no probe loads (SCAPLAB_REPLAY=1, as `make grade LAB=1` sets it
# when not run as root), the same checks read tests/reference/lab01-calls.scap,
# a capture of calls.c, with your decoder: scap-open-params -r.

load ../../tools/lab_helpers

EXERCISE_CODE=([01.3]="decode_params() in userspace/libscap/scap_event.c")

setup_file() {
	fresh_dir lab01-calls
	SCAP_OPEN=$LAB_BUILD/tests/scap-open-params lab_capture lab01-calls calls "$D"
	# Replayed, D and DEV are those of the machine that recorded it.
	lab_replayed lab01-calls || export DEV=$(dev_of "$D")
}

# The decoder refused events: say so first, with scap-open's reasons.
require_decoded() {
	local n
	n=$(sed -n 's/.*corrupt events: \([0-9]*\).*/\1/p' "$CAPTURE_ERR")
	if [[ -n $n && $n != 0 ]]; then
		echo "scap-open skipped $n events of the probe as corrupt. Its reasons (it prints the first 10):"
		sed -n 's/^scap-open: skipping a corrupt event on CPU [0-9]*: //p' "$CAPTURE_ERR" |
			sort | uniq -c | sort -rn | head -n 5
		fail "your decode_params() refused real events (userspace/libscap/scap_event.c)"
	fi
}

setup() {
	CAPTURE_ERR=$CAPTURE_DIR/lab01-calls.err
	[[ -r $CAPTURE_ERR ]] && require_decoded
	use_capture lab01-calls
}

@test "01.3 [1 pt] live: scap-open decodes every event the probe sends, none skipped" {
	local n exe exit_ev
	n=$(sed -n 's/.*corrupt events: \([0-9]*\).*/\1/p' "$CAPTURE_ERR")
	expect_equal "events skipped as corrupt (scap-open's stats)" "${n:-(no stats line)}" 0
	# The mechanism: the events are the probe's, of calls.c, from exec to exit.
	exe=$(jq_events -c '[.[] | select(.name == "execve" and .dir == "<" and .pid == $wpid)][0]')
	expect_equal "comm of the traced program's execve exit" "$(jq -r .params.comm <<<"$exe")" calls
	exit_ev=$(jq_events -c '[.[] | select(.name == "procexit" and .tid == $wpid)][0]')
	expect_params "procexit of calls" "$exit_ev" '{status: 0, ret: 0, sig: 0, core: 0}'
}

@test "01.3 [2 pts] live: openat, write, close: fds, a path, flags, a mode, bytes with a NUL" {
	local fd after
	pair_by_exit openat '.params.name == $d + "/lab01_file"'
	expect_params "openat <" "$EXIT" \
		'{fd: null, dirfd: -100, name: ($d + "/lab01_file"), flags: "O_TRUNC|O_CREAT|O_WRONLY",
		  mode: 416, dev: ($ENV.DEV | tonumber)}' fd '. >= 3'
	fd=$(jq .params.fd <<<"$EXIT")
	after=$(jq .ts <<<"$EXIT")
	pair_by_exit write '.params.res == 11' "$after"
	expect_params "write >" "$ENTER" "{fd: $fd, size: 11}"
	expect_params "write <" "$EXIT" '{res: 11, data: "lab01\u0000bytes"}'
	pair_by_enter close ".params.fd == $fd" "$after"
	expect_params "close >" "$ENTER" "{fd: $fd}"
	expect_params "close <" "$EXIT" '{res: 0}'
}

@test "01.3 [1 pt] live: openat of an empty path, kill(self, 0), getppid: an empty string, an errno, absent and 1-byte params, a generic event" {
	pair_by_exit openat '.params.name == ""'
	expect_params "openat(\"\") <" "$EXIT" \
		'{fd: -2, dirfd: -100, name: "", flags: "O_RDONLY", mode: 0, dev: null}'
	pair_by_enter kill '.params.pid == $wpid'
	expect_params "kill >" "$ENTER" '{pid: $wpid, sig: 0}'
	expect_params "kill <" "$EXIT" '{res: 0}'
	pair_by_enter getppid 'true'
	expect_params "getppid > (generic)" "$ENTER" '{ID: "getppid", nativeID: 110}'
	expect_params "getppid < (generic)" "$EXIT" '{ID: "getppid"}'
}

@test "01.3 [1 pt] live: bind and a refused connect: a sockaddr and a socktuple" {
	local fd
	pair_by_exit bind '.params.addr == "127.0.0.1:47211"'
	expect_params "bind <" "$EXIT" '{res: 0, addr: "127.0.0.1:47211"}'
	fd=$(jq .params.fd <<<"$ENTER")
	pair_by_exit connect '.params.res == -111'
	expect_params "connect >" "$ENTER" "{fd: $fd, addr: \"127.0.0.1:47212\"}"
	expect_params "connect <" "$EXIT" '{res: -111, tuple: "127.0.0.1:47211->127.0.0.1:47212"}'
}
