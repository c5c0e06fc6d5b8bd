#!/usr/bin/env bats
# Lab 12, performance: graded checks. Run them with `sudo make grade LAB=12`.
#   12.1  your "before" measurement (measure.sh's lines in answers.txt) and
#         the answers you worked out from it
#   12.2  listen's events, captured live from tests/listen_calls.c with
#         this lab's scap-open; the loaded listen_e and listen_x programs,
#         as bpftool shows them; your "after" measurement and the gain
#   12.3  tests/burst.c with capture.conf's settings: a burst on each CPU
#         while the reader waits, then every event read
# No check times anything: the grader reads your measurements, it does not
# take its own, so a busy machine grades as a quiet one. Runs are in
# build/labs/12-performance/captures/ (and ex-12.1/captures/).

load ../../tools/lab_helpers
load ../lab12_lib

EXERCISE_CODE=([12.1]="labs/12-performance/answers.txt, exercise 12.1's part"
	[12.2]="listen_e() and listen_x() in modern_bpf/programs/tail_called/events/syscall_dispatched_events/listen.bpf.c (the events, the programs), or answers.txt's 12.2 part (the after lines)"
	[12.3]="labs/12-performance/capture.conf")

ANSWERS=$LAB_DIR/answers.txt
CONF=$LAB_DIR/capture.conf
BUDGET_MIB=16
RULE_SYSCALL=openat

# value FILE KEY: the value after "KEY =" in FILE, blanks around it cut.
value() {
	sed -n "s/^[[:space:]]*$2[[:space:]]*=[[:space:]]*//p" "$1" | sed 's/[[:space:]]*$//' | head -n 1
}

# probe_programs: start this system's scap-open, and keep which of its
# listen programs hold the scratch map while it runs (probe.users; or why
# that is not known, probe.why).
probe_programs() {
	local pid
	mkdir -p "$CAPTURE_DIR"
	rm -f "$CAPTURE_DIR"/probe.*
	"$SCAP_OPEN" -q -v -s listen --duration 60 >/dev/null 2>"$CAPTURE_DIR/probe.err" &
	pid=$!
	for _ in $(seq 300); do
		grep -q 'scap-open: capturing' "$CAPTURE_DIR/probe.err" && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if grep -q 'scap-open: capturing' "$CAPTURE_DIR/probe.err"; then
		listen_scratch_users >"$CAPTURE_DIR/probe.users" 2>"$CAPTURE_DIR/probe.why" ||
			: >"$CAPTURE_DIR/probe.failed"
	fi
	kill -INT "$pid" 2>/dev/null || true
	wait_bounded "$pid" 30 "$CAPTURE_DIR/probe.stopped" || true
}

setup_file() {
	local mib syscalls
	if grading 12.2; then
		lab_run listen "$SCAP_OPEN" -j -s listen -- "$LAB_BUILD/tests/listen_calls"
		probe_programs
	fi
	if grading 12.3; then
		mib=$(value "$CONF" buffer_mib) syscalls=$(value "$CONF" syscalls)
		rm -f "$CAPTURE_DIR"/burst.*
		if [[ $mib =~ ^[0-9]+$ && $mib -le $BUDGET_MIB && -n $syscalls ]]; then
			LAB_RUN_SECONDS=120 lab_run burst "$LAB_BUILD/tests/burst" "$mib" "$syscalls"
		fi
	fi
}

# ---- measurements and answers --------------------------------------------------

# block_ok LABEL [again]: answers.txt has measure.sh's LABEL lines, all of
# them, as printed (LABEL.check matches), or fail saying what to do; in
# short, "again", where a check before this one said it in full.
block_ok() {
	local label=$1 key lines want got
	for key in machine getppid_none_ns getppid_floor_ns getppid_wakeup_ns getppid_modern_ns \
		listen_none_ns listen_floor_ns listen_modern_ns listen_events drops check; do
		if [[ -z $(value "$ANSWERS" "$label\\.$key") ]]; then
			fail "answers.txt has no '$label.$key =' line: run 'sudo labs/12-performance/measure.sh $label' and paste all of the lines it prints (from $label.machine to $label.check)"
		fi
	done
	# measure.sh's own sum: its lines, sorted, after a fixed first line.
	lines=$(grep -E "^[[:space:]]*$label\\.[a-z_]+[[:space:]]*=" "$ANSWERS" | grep -v "^[[:space:]]*$label\\.check" |
		sed -E 's/^[[:space:]]*([^[:space:]=]+)[[:space:]]*=[[:space:]]*/\1 = /; s/[[:space:]]*$//')
	want=$(measure_check <<<"$lines")
	got=$(value "$ANSWERS" "$label\\.check")
	if [[ $got != "$want" && -n ${2:-} ]]; then
		fail "the '$label.' lines of answers.txt are not the ones measure.sh printed (the check of those lines above says more)"
	elif [[ $got != "$want" ]]; then
		fail "the '$label.' lines of answers.txt are not the ones measure.sh printed ($label.check does not match them): paste them again, unchanged, from build/labs/12-performance/measure-$label.txt; figures changed by hand would make every answer below them wrong"
	fi
	if [[ $(value "$ANSWERS" "$label\\.machine") != "$(uname -r),"* ]]; then
		echo "note: the '$label' lines were measured on another kernel ($(value "$ANSWERS" "$label\\.machine")), not this one ($(uname -r))"
	fi
}

# expect_near KEY WANT TOLERANCE WHAT: answers.txt's KEY is WANT, give or
# take TOLERANCE (rounding: 0.15 for ns given to one decimal, 0.006 for a
# ratio given to two), or fail saying what KEY is.
expect_near() {
	local got
	got=$(value "$ANSWERS" "$1")
	[[ -n $got ]] || fail "answers.txt: '$1 =' is not filled in yet ($4)"
	[[ $got =~ ^-?[0-9]+(\.[0-9]+)?$ ]] || fail "answers.txt: '$1 = $got' is not a number ($4)"
	if ! awk -v g="$got" -v w="$2" -v t="$3" 'BEGIN { d = g - w; exit !(d <= t && -d <= t) }'; then
		echo "answers.txt says:  $1 = $got"
		fail "'$1' does not follow from your measurement: $4"
	fi
}

# m LABEL KEY: a figure of measure.sh's LABEL lines.
m() {
	value "$ANSWERS" "$1\\.$2"
}

@test "12.1 [1 pt] answers.txt: the 'before' lines, all of them, as measure.sh printed them" {
	block_ok before
}

@test "12.1 [1 pt] answers.txt: modern_overhead_ns, what the modern driver adds to a getppid call" {
	block_ok before again
	expect_near modern_overhead_ns \
		"$(awk -v a="$(m before getppid_modern_ns)" -v b="$(m before getppid_none_ns)" 'BEGIN { print a - b }')" \
		0.15 "it is the time of a getppid call under the modern driver minus its time with no tracing"
}

@test "12.1 [1 pt] answers.txt: modern_x_floor, that overhead as a multiple of the floor's" {
	block_ok before again
	expect_near modern_x_floor \
		"$(awk -v a="$(m before getppid_modern_ns)" -v f="$(m before getppid_floor_ns)" \
			-v n="$(m before getppid_none_ns)" 'BEGIN { print (f > n) ? (a - n) / (f - n) : 0 }')" \
		0.006 "divide the modern driver's overhead by the floor's (each over no tracing)"
}

@test "12.1 [1 pt] answers.txt: wakeup_cost_ns, what a wake-up adds to each event" {
	block_ok before again
	expect_near wakeup_cost_ns \
		"$(awk -v w="$(m before getppid_wakeup_ns)" -v f="$(m before getppid_floor_ns)" 'BEGIN { print (w - f) / 2 }')" \
		0.15 "the floor with a wake-up minus the floor without, per event (a getppid call makes two)"
}

# ---- listen straight into the ring ---------------------------------------------

LISTEN_FILE=modern_bpf/programs/tail_called/events/syscall_dispatched_events/listen.bpf.c

@test "12.2 [2 pts] listen's events: every param of both calls of tests/listen_calls" {
	need_program listen_calls
	if grep -q 'failed to load the BPF probe' "$CAPTURE_DIR/listen.err"; then
		grep -m1 'failed to load the BPF probe' "$CAPTURE_DIR/listen.err"
		grep -q 'invalid access to memory' "$CAPTURE_DIR/listen.err" &&
			fail "the probe did not load: a store writes past the reservation (params_bytes too small for the stores that follow it, in $LISTEN_FILE)"
		grep -q 'reference leak\|Unreleased reference' "$CAPTURE_DIR/listen.err" &&
			fail "the probe did not load: a path returns between ringbuf__reserve_event and ringbuf__submit_event ($LISTEN_FILE)"
		fail "the probe did not load: the verifier's reason is above ($CAPTURE_DIR/listen.err has its whole log)"
	fi
	ran listen
	stats listen
	[[ $CORRUPT == 0 ]] || { grep -m3 'corrupt' "$CAPTURE_DIR/listen.err"; fail "$CORRUPT listen events were skipped as corrupt: the reserve's nparams or params_bytes does not match the stores ($LISTEN_FILE)"; }
	local fd got want
	fd=$(sed -n 's/^socket_fd=//p' "$CAPTURE_DIR/listen.err")
	[[ -n $fd ]] || fail "listen_calls printed no socket_fd (its stderr: $CAPTURE_DIR/listen.err)"
	got=$(jq -c 'select(.name == "listen") | [.dir, .params]' "$CAPTURE_DIR/listen.out")
	want=$(printf '%s\n' "[\">\",{\"fd\":$fd,\"backlog\":7}]" '["<",{"res":0}]' \
		'[">",{"fd":-1,"backlog":3}]' '["<",{"res":-9}]')
	if [[ $got != "$want" ]]; then
		echo "expected, in this order:"
		sed 's/^/  /' <<<"$want"
		echo "got:"
		sed 's/^/  /' <<<"${got:-(no listen event)}"
		fail "listen's events are not what listen_calls did"
	fi
}

@test "12.2 [2 pts] listen_e and listen_x write straight into the ring: loaded, neither uses the scratch map" {
	[[ -e $CAPTURE_DIR/probe.users ]] || { tail -n 5 "$CAPTURE_DIR/probe.err"; fail "this lab's scap-open did not start capturing (above)"; }
	[[ ! -e $CAPTURE_DIR/probe.failed ]] || fail "$(cat "$CAPTURE_DIR/probe.why")"
	local uses
	uses=$(cat "$CAPTURE_DIR/probe.users")
	if [[ $uses == *" "* ]]; then
		echo "bpftool prog show: $uses use the map auxiliary_maps (the scratch map)"
		fail "both still build their event in the scratch map and copy it: reserve it in the ring instead (ringbuf__reserve_event, modern_bpf/helpers/store/ringbuf_store_params.h)"
	elif [[ -n $uses ]]; then
		echo "bpftool prog show: $uses uses the map auxiliary_maps (the scratch map)"
		fail "$uses still builds its event in the scratch map and copies it: reserve it in the ring instead (ringbuf__reserve_event, modern_bpf/helpers/store/ringbuf_store_params.h)"
	fi
}

@test "12.2 [1 pt] answers.txt: the 'after' lines, with listen in the ring, and listen_gain_ns" {
	block_ok after
	block_ok before again
	[[ $(m before listen_events) == "scratch map" ]] ||
		fail "your 'before' lines say listen_events = $(m before listen_events): measure 'before' with the starter's listen.bpf.c (README, exercise 12.2, says how to get it back for a run)"
	[[ $(m after listen_events) == ring ]] ||
		fail "your 'after' lines say listen_events = $(m after listen_events): measure 'after' once listen_e and listen_x use the ring"
	expect_near listen_gain_ns \
		"$(awk -v bm="$(m before listen_modern_ns)" -v bn="$(m before listen_none_ns)" \
			-v am="$(m after listen_modern_ns)" -v an="$(m after listen_none_ns)" \
			'BEGIN { print (bm - bn) - (am - an) }')" \
		0.15 "the modern driver's overhead on a listen call before, minus after (each over its own run's no tracing)"
}

# ---- sizing for a burst --------------------------------------------------------

# conf_ok: capture.conf's two settings are valid, or fail saying which is not.
conf_ok() {
	local mib syscalls name
	mib=$(value "$CONF" buffer_mib) syscalls=$(value "$CONF" syscalls)
	[[ -n $mib ]] || fail "capture.conf: 'buffer_mib =' is not filled in"
	[[ $mib =~ ^[0-9]+$ && $mib -ge 1 && $(((mib & (mib - 1)))) == 0 ]] ||
		fail "capture.conf: buffer_mib = $mib: a ring's size is a power of 2 (1, 2, 4, ... MiB)"
	[[ $mib -le $BUDGET_MIB ]] ||
		fail "capture.conf: buffer_mib = $mib is over the budget of $BUDGET_MIB MiB a CPU"
	[[ -n $syscalls ]] || fail "capture.conf: 'syscalls =' is not filled in (\"all\", or names: openat,close)"
	[[ $syscalls == all ]] && return 0
	# The names the kernel's headers give (burst.c checks them again, with
	# libscap's own table).
	local nr=/usr/include/x86_64-linux-gnu/asm/unistd_64.h
	for name in ${syscalls//,/ }; do
		[[ ! -r $nr ]] || grep -qE "^#define __NR_$name [0-9]+$" "$nr" ||
			fail "capture.conf: syscalls = $syscalls: there is no syscall named '$name'"
	done
	[[ ",$syscalls," == *",$RULE_SYSCALL,"* ]] ||
		fail "capture.conf: syscalls = $syscalls leaves out $RULE_SYSCALL, which the rule needs"
}

@test "12.3 [1 pt] capture.conf: a ring size within the budget, and syscalls that exist" {
	conf_ok
}

@test "12.3 [3 pts] the burst: every openat event reaches the stalled reader, none dropped" {
	conf_ok
	need_program burst
	ran burst
	cat "$CAPTURE_DIR/burst.out"
	local lost drops
	lost=$(awk -F'[ =]' '/^producer=/ { if ($4 != $8 || $6 != $8) n++ } END { print n + 0 }' "$CAPTURE_DIR/burst.out")
	drops=$(sed -n 's/^drops=\([0-9]*\) .*/\1/p' "$CAPTURE_DIR/burst.out")
	if [[ $lost != 0 || $drops != 0 ]]; then
		if [[ $(value "$CONF" syscalls) == all ]]; then
			fail "$drops events dropped: with every syscall captured, the burst does not fit in $(value "$CONF" buffer_mib) MiB a CPU (ring_mib above is what arrived). The rule needs only $RULE_SYSCALL: what would capturing less save?"
		elif [[ $(value "$CONF" syscalls) != "$RULE_SYSCALL" ]]; then
			fail "$drops events dropped: with $(value "$CONF" syscalls) captured, the burst does not fit in $(value "$CONF" buffer_mib) MiB a CPU (ring_mib above is what arrived). The rule needs only $RULE_SYSCALL: work out what each of the others adds (README, exercise 12.3)"
		fi
		fail "$drops events dropped: the openat events of the burst need more ring than $(value "$CONF" buffer_mib) MiB a CPU. Work out how much (README, exercise 12.3)"
	fi
}
