#!/usr/bin/env bats
# Lab 09, kernel debugging: graded checks. Run them with
# `sudo make grade LAB=9`: the grader loads your module (build/labs/
# 09-kernel-debugging/ex-09.N/kmod/KVER/scaplab.ko) where modules load,
# natively or in the VM (scripts/kmod-run), and captures the lab's test
# programs with scap-open --kmod:
#   09.1  tests/piper.c, four pipe calls; it writes what it saw of each
#         (its fds and their inode) to captures/piper.facts
#   09.2  tests/vectors.c, six readv and writev calls, four of them refused
#
# In the VM an oops stops the guest at once (panic_on_oops), and the
# guest's last console lines, with the oops, end captures/kmod.log. On a
# machine that loads the module itself the kernel goes on after an oops, and
# the oops is in captures/kmod.dmesg.

load ../../tools/lab_helpers
# KMOD_DMESG_BAD: the kernel log lines that mean a bug (kmod_log_clean).
load ../../../test/kmod/kmod

EXERCISE_CODE=([09.1]="read_pipe_fds() in driver/fillers/ipc.c"
	[09.2]="store_iovec_size() in driver/fillers/io.c")

OOPS='BUG: unable to handle|BUG: kernel NULL pointer|general protection fault|Oops:|Kernel panic'

# Only the captures of the exercises graded in this system (grade.sh runs
# this file once per system), in one go where the module loads. A failed
# run is not a failure here: the checks read how it ended.
setup_file() {
	local script='grep -qw SCAPLAB_VM_GUEST /proc/cmdline && echo 1 >/proc/sys/kernel/panic_on_oops'$'\n'
	if grading 09.1; then
		script+='kmod_capture lab09-piper --json -s execve,pipe,pipe2 -- piper "$CAPTURE_DIR/piper.facts"
'
	fi
	if grading 09.2; then
		script+='kmod_capture lab09-vectors --json -s execve,readv,writev -- vectors
'
	fi
	in_kmod <<<"$script" >/dev/null || true
}

# the_oops: the oops the run left, from its first line to the end of its
# call trace, without the log's timestamps, or nothing.
the_oops() {
	local f
	for f in "$CAPTURE_DIR/kmod.log" "$CAPTURE_DIR/kmod.dmesg"; do
		[[ -r $f ]] && grep -qE "$OOPS" "$f" || continue
		sed -n -E "/$OOPS/,/---\[ end trace|Kernel Offset|end Kernel panic/p" "$f" |
			sed -E 's/^\[ *[0-9.]+\] //' | head -n 80
		return
	done
}

# oopsed: if the run left an oops, fail showing its main lines and the
# command that finds its line of source; all of it goes to oops.txt.
oopsed() {
	local oops rip
	oops=$(the_oops)
	[[ -n $oops ]] || return 0
	echo "$oops" >"$CAPTURE_DIR/oops.txt"
	rip=$(grep -m1 -oE 'RIP: 0010:[A-Za-z0-9_.]+\+0x[0-9a-f]+/0x[0-9a-f]+ \[scaplab\]' <<<"$oops" || true)
	if [[ -n $rip ]]; then
		rip=${rip#RIP: 0010:}
		rip=${rip%%/*}
		echo "The kernel oopsed in your module, at $rip. Its line of source:"
		echo "  gdb -batch -ex 'list *($rip)' $KMOD_KO"
	else
		echo "The kernel oopsed while your module was capturing."
	fi
	echo "The oops, without the registers (README: \"Reading an oops\"; all of it: $CAPTURE_DIR/oops.txt):"
	grep -vE '^(RSP|RDX|RBP|R10|R13|FS|CS|PKRU|Hardware name|PGD|RBX|R08|R11|R14|[[:space:]]*</?TASK>)' <<<"$oops" |
		head -n 16 | sed 's/^/  /'
	fail "the kernel oopsed"
}

# captured NAME PROGRAM: the capture NAME of the lab's test program
# PROGRAM ended well (use_capture NAME); else fail, saying how it ended.
captured() {
	local rc
	if [[ -n $(the_oops) ]]; then
		[[ $BATS_TEST_DESCRIPTION == 09.1* ]] &&
			fail "the kernel oopsed during the capture (the first check of 09.1 shows the oops)"
		oopsed
	fi
	need_program "$2"
	rc=$(cat "$CAPTURE_DIR/$1.rc" 2>/dev/null || echo "(not run)")
	if [[ $rc != 0 ]]; then
		echo "the end of the run ($CAPTURE_DIR/kmod.log):"
		tail -n 15 "$CAPTURE_DIR/kmod.log" 2>/dev/null | sed 's/^/  /'
		tail -n 8 "$CAPTURE_DIR/$1.err" 2>/dev/null | sed 's/^/  /'
		fail "the capture of $2 exited with status $rc"
	fi
	use_capture "$1"
}

# fact CALL: "FD1 FD2 INODE" the piper saw for CALL (pipe or pipe2).
fact() {
	local line
	line=$(grep -m1 "^$1 " "$CAPTURE_DIR/piper.facts" 2>/dev/null) ||
		fail "the piper wrote no line for $1 ($CAPTURE_DIR/piper.facts)"
	echo "${line#"$1 "}"
}

# pipe_exit N: the Nth pipe exit event of the piper (1 to 4: its calls, in
# order; pipe2 makes "pipe" events too), in $EXIT.
pipe_exit() {
	EXIT=$(jq_events -c --argjson n "$1" \
		'[.[] | select(.name == "pipe" and .dir == "<" and .tid == $wpid)][$n - 1]')
	if [[ $EXIT == null ]]; then
		echo "the piper's pipe exit events:"
		jq_events -c '.[] | select(.name == "pipe" and .dir == "<" and .tid == $wpid)'
		fail "there is no exit event of the piper's call $1"
	fi
}

# ---- 09.1 the oops -----------------------------------------------------------

@test "09.1 [3 pts] the kernel survives a captured pipe(): no oops" {
	oopsed
	captured lab09-piper piper
}

@test "09.1 [2 pts] pipe(): the exit event has the two fds and the inode the process got" {
	captured lab09-piper piper
	local f
	read -r -a f <<<"$(fact pipe)"
	pipe_exit 1
	expect_params "pipe < (pipe)" "$EXIT" "{res: 0, fd1: ${f[0]}, fd2: ${f[1]}, ino: ${f[2]}}"
	expect_pid "pipe < (pipe)" "$EXIT" "$WPID"
}

@test "09.1 [2 pts] pipe2() into an int[2] that ends where an unreadable page starts: the same" {
	captured lab09-piper piper
	local f
	read -r -a f <<<"$(fact pipe2)"
	pipe_exit 2
	echo "(the two ints end where a page that may not be read starts: read 8 bytes, not more)"
	expect_params "pipe < (pipe2)" "$EXIT" "{res: 0, fd1: ${f[0]}, fd2: ${f[1]}, ino: ${f[2]}}"
}

@test "09.1 [1 pt] failed calls (EINVAL, EFAULT): res, and no fd or inode" {
	captured lab09-piper piper
	pipe_exit 3
	expect_params "pipe < (pipe2, unknown flag)" "$EXIT" '{res: -22, fd1: null, fd2: null, ino: null}'
	pipe_exit 4
	expect_params "pipe < (pipe to address 8)" "$EXIT" '{res: -14, fd1: null, fd2: null, ino: null}'
}

@test "09.1 [1 pt] the kernel log stays clean while the piper is captured" {
	captured lab09-piper piper
	kmod_log_clean || fail "the kernel logged a warning or a bug during the capture"
}

# ---- 09.2 the events that vanished -------------------------------------------

# drops: the capture's drops counted as a driver bug (record_event() in
# driver/main.c counts one for each event its filler failed), in $BUG.
drops() {
	local line
	line=$(grep -m1 '^scap-open: drops: ' "$CAPTURE_ERR") || fail "scap-open printed no drop counts ($CAPTURE_ERR)"
	BUG=$(sed -nE 's/.*driver bug: ([0-9]+).*/\1/p' <<<"$line")
	BUG=${BUG:-0}
	echo "scap-open: ${line#scap-open: }"
}

# vector_call NAME RES: the ENTER and EXIT events of the vectors
# program's call of NAME (readv or writev) that returned RES; the
# statistics first, shown if it fails.
vector_call() {
	drops
	[[ $BUG == 0 ]] || echo "($BUG events were dropped as a driver bug: their filler returned an error)"
	PAIR_WHAT="the vectors program's $1 returned $2" pair_by_exit "$1" ".tid == \$wpid and .params.res == $2"
}

@test "09.2 [2 pts] writev of 1025 iovecs (EINVAL) and of an unreadable array (EFAULT): both enter events, size empty" {
	captured lab09-vectors vectors
	vector_call writev -22
	expect_params "writev > (1025 iovecs)" "$ENTER" '{fd: 3, size: null}'
	vector_call writev -14
	expect_params "writev > (array at address 8)" "$ENTER" '{fd: 3, size: null}'
}

@test "09.2 [2 pts] readv of 1025 iovecs (EINVAL) and of an unreadable array (EFAULT): both exit events, size empty" {
	captured lab09-vectors vectors
	vector_call readv -22
	expect_params "readv < (1025 iovecs)" "$EXIT" '{res: -22, size: null, data: null}'
	vector_call readv -14
	expect_params "readv < (array at address 8)" "$EXIT" '{res: -14, size: null, data: null}'
}

@test "09.2 [1 pt] the calls that work keep their size and data" {
	captured lab09-vectors vectors
	vector_call writev 5
	expect_params "writev > (abc, de)" "$ENTER" '{fd: 3, size: 5}'
	vector_call readv 5
	expect_params "readv < (abc, de)" "$EXIT" '{res: 5, size: 5, data: "abcde"}'
}

@test "09.2 [1 pt] no event is dropped as a driver bug, and the kernel log stays clean" {
	captured lab09-vectors vectors
	drops
	[[ $BUG == 0 ]] ||
		fail "$BUG events were dropped because their filler returned an error (README, exercise 09.2, shows how to see which)"
	kmod_log_clean || fail "the kernel logged a warning or a bug during the capture"
}
