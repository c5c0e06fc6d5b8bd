#!/usr/bin/env bats
# scap-open -w: writing capture files (userspace/libscap/scap_dump.c), and
# reading them back with -r and with Debian's sysdig 0.29 -r. A live
# capture with the modern eBPF driver: root.
#
#   make -f test/test.mk bats BATS_FILES=test/bats/savefile_write.bats
#
# The sysdig checks compare every param of every event, both ways: sysdig
# on our file, and sysdig on Falco's (test/data/falco-kmod-2022.scap), with
# test/interop/sysdig-compare.sh and the ways of printing that
# test/interop/sysdig-differences.json lists.

load helpers
bats_require_minimum_version 1.5.0

FIXTURE=$REPO_ROOT/test/data/falco-kmod-2022.scap
SCAP_CMP=$REPO_ROOT/build/test/scap_cmp

setup_file() {
	[[ -x $SCAP_OPEN && -x $WORKLOAD ]] || return 0
	# One capture for the whole file: written (-w) and printed (-o) at once.
	local dir=$CAPTURE_DIR/write
	rm -rf "$dir"
	mkdir -p "$dir/wd"
	"$SCAP_OPEN" ${SCAP_OPEN_ARGS:-} -w "$dir/live.scap" --json -o "$dir/live.json" -- \
		"$WORKLOAD" all "$dir/wd" >"$dir/stdout" 2>"$dir/stderr"
	echo $? >"$dir/status"
}

setup() {
	[[ -x $SCAP_OPEN ]] || fail "$SCAP_OPEN is missing: run 'make' first"
	command -v jq >/dev/null || fail "jq is not installed (make setup installs it)"
	DIR=$CAPTURE_DIR/write
	[[ -s $DIR/status ]] || fail "setup_file did not capture: build the workload (make -f test/test.mk workload)"
}

need_sysdig() {
	command -v sysdig >/dev/null || fail "sysdig is not installed (make setup-test installs it)"
}

@test "write: -w writes every event it keeps, and says how many" {
	expect_equal "exit status (the workload's)" "$(cat "$DIR/status")" 0
	grep -q "^scap-open: wrote [0-9]* events to $DIR/live.scap$" "$DIR/stderr" ||
		fail "stderr: $(cat "$DIR/stderr")"
	local wrote
	wrote=$(sed -n 's/^scap-open: wrote \([0-9]*\) events.*/\1/p' "$DIR/stderr")
	expect_equal "events written = events printed with -o" "$wrote" "$(wc -l <"$DIR/live.json")"
	[[ $wrote -gt 300 ]] || fail "only $wrote events: the workload was not captured"
}

@test "write: -r of the file prints exactly what the live capture printed" {
	run --separate-stderr "$SCAP_OPEN" -r "$DIR/live.scap" --json
	expect_equal "exit status" "$status" 0
	[[ $output == "$(cat "$DIR/live.json")" ]] ||
		fail "the first line that differs: $(diff <(echo "$output") "$DIR/live.json" | head -4)"
}

@test "write: -r A -w B copies every event byte for byte" {
	run --separate-stderr "$SCAP_OPEN" -r "$DIR/live.scap" -w "$BATS_TEST_TMPDIR/copy.scap"
	expect_equal "exit status" "$status" 0
	run "$SCAP_CMP" "$DIR/live.scap" "$BATS_TEST_TMPDIR/copy.scap"
	echo "$output"
	expect_equal "scap_cmp's exit status" "$status" 0
	# Falco's file too: its events, whatever their type, and its threads.
	"$SCAP_OPEN" -r "$FIXTURE" -w "$BATS_TEST_TMPDIR/falco.scap" 2>/dev/null
	run "$SCAP_CMP" "$FIXTURE" "$BATS_TEST_TMPDIR/falco.scap"
	echo "$output"
	expect_equal "scap_cmp's exit status on Falco's file" "$status" 0
	expect_equal "comm of tid 1, from the copied process list" \
		"$("$SCAP_OPEN" -r "$BATS_TEST_TMPDIR/falco.scap" -t 1 -n 1 --json 2>/dev/null | jq -r .comm)" bash
}

@test "write: -w with filters keeps only the events that pass them" {
	run --separate-stderr "$SCAP_OPEN" -r "$DIR/live.scap" -s openat,close -w "$BATS_TEST_TMPDIR/f.scap"
	expect_equal "exit status" "$status" 0
	expect_equal "events in the filtered file" \
		"$("$SCAP_OPEN" -r "$BATS_TEST_TMPDIR/f.scap" --json 2>/dev/null | jq -r .name | sort -u | tr '\n' ' ')" \
		"close openat "
}

@test "write: sysdig reads our file as scap-open does, every param of every event" {
	need_sysdig
	run "$REPO_ROOT/test/interop/sysdig-compare.sh" "$DIR/live.scap"
	echo "$output" | jq -c 'del(.diffs)' || echo "$output"
	expect_equal "exit status" "$status" 0
	expect_equal "differences no rule explains" "$(jq -c .diffs <<<"$output")" "[]"
	[[ $(jq .params_compared <<<"$output") -gt 800 ]] || fail "too few params compared"
	# The workload's fds and relative paths, named alike by libsinsp and sysdig.
	[[ $(jq .notes_agree <<<"$output") -ge 120 ]] || fail "too few fd names agree"
}

@test "write: sysdig and scap-open read Falco's file alike, every param of every event" {
	need_sysdig
	run "$REPO_ROOT/test/interop/sysdig-compare.sh" "$FIXTURE"
	echo "$output" | jq -c 'del(.diffs)' || echo "$output"
	expect_equal "exit status" "$status" 0
	expect_equal "differences no rule explains" "$(jq -c .diffs <<<"$output")" "[]"
	expect_equal "events sysdig names as we do, or hides as documented" \
		"$(jq '.names_agree + .explained_events.procinfo_hidden.count + .explained_events.ppm_sc_unknown.count' <<<"$output")" 682
	# 135 since the autofilled events (fstat, fcntl, getdents64, ...) have a
	# schema of ours: their fds are named too; 147 since setsockopt and
	# getsockopt have one.
	expect_equal "fd names and resolved paths alike" "$(jq .notes_agree <<<"$output")" 147
}

@test "write: sysdig names a process that started before the capture, from the file's process list" {
	need_sysdig
	local sleeper=$BATS_TEST_TMPDIR/early-bird pid
	cp /bin/sleep "$sleeper"
	"$sleeper" 2 &
	pid=$!
	sleep 0.3
	# Its nanosleep exit, exit_group and procexit come during the capture.
	# (By tid: it is gone before scap-open could read its comm in /proc.)
	run --separate-stderr "$SCAP_OPEN" ${SCAP_OPEN_ARGS:-} -t "$pid" --duration 3 \
		-w "$BATS_TEST_TMPDIR/early.scap"
	wait "$pid"
	expect_equal "exit status" "$status" 0
	run sysdig -r "$BATS_TEST_TMPDIR/early.scap" -p '%proc.name %proc.pid %proc.exe'
	echo "$output"
	[[ ${lines[0]} == "early-bird $pid $sleeper" ]] ||
		fail "sysdig does not name the process from the process list: ${lines[0]}"
}

@test "write: an unwritable path and a full device are refused in one line, exit 1" {
	run --separate-stderr "$SCAP_OPEN" -r "$FIXTURE" -w /nonexistent/x.scap
	expect_equal "exit status" "$status" 1
	expect_equal "stderr" "$stderr" "scap-open: cannot write /nonexistent/x.scap: No such file or directory"
	run --separate-stderr "$SCAP_OPEN" -r "$FIXTURE" -w /dev/full
	expect_equal "exit status" "$status" 1
	[[ $stderr == "scap-open: writing /dev/full failed at byte 0: No space left on device"* ]] ||
		fail "stderr: $stderr"
	run --separate-stderr "$SCAP_OPEN" -r "$FIXTURE" -w "$FIXTURE"
	expect_equal "exit status (-w the file -r reads)" "$status" 2
}

@test "write: a full disk keeps a readable file of every whole event before it" {
	[[ $(id -u) == 0 ]] || skip "mounting a small tmpfs needs root"
	local mnt=$BATS_TEST_TMPDIR/small kept
	mkdir -p "$mnt"
	mount -t tmpfs -o size=64k tmpfs "$mnt"
	run --separate-stderr "$SCAP_OPEN" -r "$DIR/live.scap" -w "$mnt/x.scap"
	echo "stderr: $stderr"
	expect_equal "exit status" "$status" 1
	[[ $stderr =~ failed\ at\ byte\ [0-9]+:\ No\ space\ left\ on\ device\;\ the\ file\ keeps\ the\ ([0-9]+)\ events ]] ||
		{ umount "$mnt"; fail "stderr does not say what the file keeps"; }
	kept=${BASH_REMATCH[1]}
	run --separate-stderr "$SCAP_OPEN" -r "$mnt/x.scap" --json
	umount "$mnt"
	expect_equal "exit status of -r" "$status" 0
	expect_equal "events in the file" "${#lines[@]}" "$kept"
	[[ $kept -gt 100 ]] || fail "the file keeps only $kept events of 64 KiB"
	expect_equal "they are the first of the capture" "$output" "$(head -n "$kept" "$DIR/live.json")"
}
