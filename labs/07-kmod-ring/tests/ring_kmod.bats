#!/usr/bin/env bats
# Lab 07, the kernel module's device and ring: graded checks. Run them with
# `sudo make grade LAB=7`: the grader loads your module (build/labs/
# 07-kmod-ring/kmod/KVER/scaplab.ko) where modules load, natively or in the
# VM (scripts/kmod-run), runs the captures and the misuse program there,
# and checks what they left in build/labs/07-kmod-ring/captures/ here.
#
# The captures: scap-open --kmod on build/test/workload's burst (N getppid
# calls), with the default ring (8 MiB) and with a ring of one page (4 KiB),
# and tests/kmod_misuse.c (the module's own misuse test: test/kmod/). Each
# run's output is in captures/NAME.out, its stderr in NAME.err.

load ../../tools/lab_helpers
# KMOD_DMESG_BAD: the kernel log lines that mean a bug (kmod_log_clean).
load ../../../test/kmod/kmod

EXERCISE_CODE=([07.1]="ppm_ring_reserve() and ppm_ring_publish() in driver/ppm_ring.c"
	[07.2]="mmap_data() and ppm_ring_mmap() in driver/ppm_ring.c"
	[07.3]="ppm_ioctl() in driver/ppm_device.c")

# Only the captures of the exercises graded in this system (grade.sh runs
# this file once per system), all in one go where the module loads.
setup_file() {
	local script='W=$KMOD_REPO/build/test/workload; M=$LAB_BUILD/tests/kmod_misuse'$'\n'
	if grading 07.1; then
		script+='kmod_run burst "$SCAP_OPEN" --kmod -j -s getppid -- "$W" burst 5000
kmod_run tiny "$SCAP_OPEN" --kmod -d 4096 -q -s getppid -- "$W" burst 100000
kmod_run wrap "$SCAP_OPEN" --kmod -d 4096 -j -s write -- "$W" wrap 1000
kmod_run tail "$M" tail
'
	fi
	if grading 07.2; then
		script+='kmod_run mmap "$M" mmap
'
	fi
	if grading 07.3; then
		script+='kmod_run start "$SCAP_OPEN" --kmod -j -s getppid -- "$W" burst 100
kmod_run ioctl "$M" ioctl
kmod_run snaplen "$SCAP_OPEN" --kmod -j --snaplen 10 -s write -- /bin/echo 0123456789abcdefghij
kmod_run mask "$SCAP_OPEN" --kmod -q -s getppid -- "$W" burst 1000
'
	fi
	in_kmod <<<"$script"
}

# wrote_events: fail if the module wrote nothing at all in the run stats read.
wrote_events() {
	[[ $CAPTURED != 0 || $PRINTED != 0 || $DROPS != 0 ]] ||
		fail "the module wrote no event: does ppm_ring_reserve() return where the next event goes?"
}

# misuse NAME WHAT...: each WHAT is a line of kmod_misuse's run NAME that
# must say "ok"; fail showing the ones that do not.
misuse() {
	local name=$1 what line bad=0 out=$CAPTURE_DIR/$1.out
	shift
	[[ -x $LAB_BUILD/tests/kmod_misuse ]] ||
		fail "tests/kmod_misuse did not build ($LAB_BUILD/tests.build.log)"
	for what in "$@"; do
		line=$(grep -m1 -F -e "ok: $what (" -e "FAIL: $what:" "$out" 2>/dev/null)
		echo "  ${line:-"(no line: $what)"}"
		[[ $line == "ok: "* ]] || bad=1
	done
	if [[ $bad == 1 ]]; then
		grep -q . "$CAPTURE_DIR/$name.err" 2>/dev/null && sed 's/^/  /' "$CAPTURE_DIR/$name.err"
		return 1
	fi
}

# ---- 07.1 the producer: reserve and publish ----------------------------------

@test "07.1 [2 pts] a burst of 5000 getppid calls: all 10000 events reach the reader" {
	ran burst
	stats burst
	local enter exit
	enter=$(count burst '.name == "getppid" and .dir == ">"')
	exit=$(count burst '.name == "getppid" and .dir == "<"')
	echo "getppid events of the burst: $enter enter, $exit exit (5000 each expected)"
	if [[ $enter != 5000 || $exit != 5000 ]]; then
		wrote_events
		[[ $PRINTED -lt $CAPTURED ]] &&
			fail "the module wrote $CAPTURED events, the reader saw $PRINTED: does ppm_ring_publish() move info->head?"
		fail "not every call made its two events"
	fi
	# n_evts counts every event written: the command's, and a few more
	# (the exit of a process that is not the command's).
	[[ $CAPTURED -ge $PRINTED && $CAPTURED -le $((PRINTED + 20)) ]] ||
		fail "the reader got $PRINTED events, but the module says it wrote $CAPTURED: ppm_ring_publish() counts each event in info->n_evts"
}

@test "07.1 [2 pts] a 4 KiB ring under 100000 calls: drops counted as buffer full, none lost unseen" {
	ran tiny
	stats tiny
	wrote_events
	[[ $CORRUPT == 0 ]] || fail "the reader found $CORRUPT corrupt events: an event was overwritten before it was read"
	[[ $BUG == 0 ]] || fail "$BUG events were dropped as a bug: the tail was outside the ring"
	[[ $PRINTED != 0 || $CAPTURED == 0 ]] ||
		fail "the module wrote $CAPTURED events and the reader saw none: the reader ignores an info->head outside the ring, [0, size)"
	# A few events are the module's but not the command's getppid calls
	# (the exit of a process): more than that were written and never read.
	if [[ $((CAPTURED - PRINTED)) -gt 20 && $DROPS == 0 ]]; then
		fail "the module wrote $((CAPTURED - PRINTED)) more events than the reader saw, and dropped none: a full ring looked empty (head == tail), and the reader skipped a whole ring of events. Keep one byte free."
	fi
	[[ $((CAPTURED - PRINTED)) -le 20 ]] ||
		fail "the module wrote $((CAPTURED - PRINTED)) more events than the reader saw"
	[[ $DROPS -gt 0 && $DROPS == "$FULL" ]] ||
		fail "a ring of 4 KiB cannot hold 200000 events as fast as they come: drops, all 'buffer full', were expected"
}

@test "07.1 [1 pt] events that cross the end of a 4 KiB ring come out whole" {
	ran wrap
	stats wrap
	wrote_events
	wrap_data wrap
	local n=$WRAP_N bad=$WRAP_BAD
	[[ $CORRUPT == 0 ]] || fail "the reader found $CORRUPT corrupt events"
	[[ $bad == 0 ]] || fail "events were torn or out of order: the ring's wrap, or head, is wrong"
	# 1000 writes of ~130 bytes of events go round a 4 KiB ring ~30 times.
	[[ $n -ge 900 ]] || fail "fewer than 900 of the 1000 write events arrived"
}

@test "07.1 [2 pts] a reader that writes a tail outside the ring: dropped as a bug, nothing written" {
	local line
	line=$(grep -m1 'events dropped as a bug' "$CAPTURE_DIR/tail.out" 2>/dev/null)
	echo "kmod_misuse tail: ${line:-(no result)}"
	[[ $line == "ok: "* ]] ||
		fail "with info->tail = 0xffffffff the module must not trust it: ppm_ring_reserve() returns NULL and counts n_drops_bug"
}

@test "07.1 [1 pt] the kernel log stays clean during the captures" {
	kmod_log_clean || fail "the kernel logged a warning or a bug during the captures"
}

# ---- 07.2 the mappings ---------------------------------------------------------

@test "07.2 [1 pt] a writable mapping of the ring is refused: EPERM" {
	misuse mmap "a writable mapping of the ring" ||
		fail "mmap_data() must refuse a mapping with VM_WRITE: the events are the module's"
}

@test "07.2 [1 pt] mprotect() cannot make the ring writable later: EACCES" {
	misuse mmap "a read-only ring of 64 KiB" "mprotect of the ring to writable" ||
		fail "mmap_data() must clear VM_MAYWRITE: without it, mprotect(PROT_WRITE) adds the right that mmap refused"
}

@test "07.2 [1 pt] a private mapping of the info page is refused: EINVAL" {
	misuse mmap "a private mapping of the info page" ||
		fail "ppm_ring_mmap() must refuse a mapping without VM_SHARED: a private copy never sees head move"
}

# ---- 07.3 the ioctls -------------------------------------------------------------

@test "07.3 [2 pts] scap-open --kmod starts: versions read, snaplen and syscalls set, capture on and off" {
	ran start
	local n
	n=$(count start '.name == "getppid"')
	echo "getppid events of a burst of 100: $n (200 expected)"
	[[ $n == 200 ]] || fail "the capture ran but did not see every call"
}

@test "07.3 [2 pts] unknown ioctls get ENOTTY; a snaplen of 0, 65536 or -1 gets EINVAL" {
	misuse ioctl "an unknown ioctl" "another driver's ioctl (TCGETS)" "snaplen 0" \
		"snaplen 65536" "snaplen -1" "snaplen 80" ||
		fail "ppm_ioctl(): -ENOTTY for a cmd it does not know, -EINVAL for a snaplen outside [1, PPM_MAX_SNAPLEN]"
}

@test "07.3 [2 pts] bad pointers get EFAULT, never a crash" {
	misuse ioctl "syscall mask from NULL" "syscall mask from a kernel address" "syscall mask, all" \
		"API version into NULL" "schema version into a kernel address" "API version" ||
		fail "ppm_ioctl(): copy the user's data with copy_from_user() and put_user(), which check the address; never dereference arg"
}

@test "07.3 [1 pt] --snaplen 10 keeps 10 bytes of a write" {
	ran snaplen
	local data
	data=$(jq -r 'select(.name == "write" and .dir == "<") | .params.data' \
		"$CAPTURE_DIR/snaplen.out" | head -n 1)
	echo "echo's write of '0123456789abcdefghij\\n', as captured: '$data' ('0123456789' expected)"
	[[ $data == 0123456789 ]] ||
		fail "PPM_IOCTL_SET_SNAPLEN passes the snaplen by value, in arg: store it in g_settings.snaplen"
}

@test "07.3 [1 pt] -s getppid: the module writes the getppid events and little else" {
	ran mask
	stats mask
	[[ $PRINTED == 2000 ]] || fail "2000 getppid events of a burst of 1000 expected"
	[[ $((CAPTURED - PRINTED)) -le 20 ]] ||
		fail "the module wrote $((CAPTURED - PRINTED)) events the reader did not want: PPM_IOCTL_SET_INTERESTING_SYSCALLS must set g_settings.interesting (set_interesting_syscalls())"
}
