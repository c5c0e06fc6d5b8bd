#!/usr/bin/env bats
# Lab 03, the dispatcher: graded checks. Run them with `make grade LAB=3`.
#
# Three runs, in setup_file:
#   lab03-dispatch     scap-open --json -- with_tail_tables.sh OUT dispatch DIR
#                      with_tail_tables.sh dumps the probe's two tail tables
#                      with bpftool while the capture runs (into DIR/tail_tables.json),
#                      then becomes dispatch.c: openat, write, read, close, socket,
#                      connect (they have a filler), getppid, getpid, uname,
#                      sched_yield (they do not).
#   lab03-interesting  interesting.c: loads the probe for openat and getppid
#                      only, and prints every event of itself and of a child
#                      that both call openat, close, getppid, getpid, uname.
#   lab03-syscall-table  syscall_table.c: driver/syscall_table.c, as JSON.
#
# The grader runs the checks of 03.1 with your dispatcher and the reference
# loader, and those of 03.2 with your loader and the reference dispatcher
# (labs/tools/system.sh): each exercise is graded on its own code.

load ../../tools/lab_helpers

EXERCISE_CODE=([03.1]="sys_exit in modern_bpf/programs/attached/dispatchers/syscall_exit.bpf.c"
	[03.2]="scap_fill_exit_tail_table() in userspace/libscap/engine/modern_bpf/tail_tables.c")

DISPATCHER="sys_exit in modern_bpf/programs/attached/dispatchers/syscall_exit.bpf.c"
LOADER="scap_fill_exit_tail_table() in userspace/libscap/engine/modern_bpf/tail_tables.c"

setup_file() {
	fresh_dir lab03-dispatch
	rm -f "$CAPTURE_DIR/lab03-dispatch.own.json" "$CAPTURE_DIR/lab03-dispatch.facts"
	WORKLOAD=$LAB_DIR/tests/with_tail_tables.sh capture lab03-dispatch \
		"$D/tail_tables.json" "$LAB_BUILD/tests/dispatch" "$D"
	"$LAB_BUILD/tests/syscall_table" >"$CAPTURE_DIR/lab03-syscall-table.json" || true
	local out=$CAPTURE_DIR/lab03-interesting rc=0
	if grading 03.1 && [[ ${SCAPLAB_REUSE_CAPTURES:-} != 1 || ! -s $out.json ]]; then
		"$LAB_BUILD/tests/interesting" >"$out.json" 2>"$out.err" || rc=$?
		echo "$rc" >"$out.rc"
	fi
}

# use_dispatch_capture: make lab03-dispatch the capture the helpers query,
# with the tail tables dumped during it, or fail saying why.
use_dispatch_capture() {
	local facts=$CAPTURE_DIR/lab03-dispatch.facts
	export CAPTURE=$CAPTURE_DIR/lab03-dispatch.json CAPTURE_ERR=$CAPTURE_DIR/lab03-dispatch.err
	export D=$CAPTURE_DIR/lab03-dispatch.d OWN=$CAPTURE_DIR/lab03-dispatch.own.json
	export TABLES=$CAPTURE_DIR/lab03-dispatch.d/tail_tables.json
	export SYSCALLS=$CAPTURE_DIR/lab03-syscall-table.json
	# Worked out by the first check, kept for the others: each jq run over
	# the whole capture (the wrapper's bpftool and jq are in it too, some
	# 13000 events) costs a third of a second.
	if [[ -s $facts ]]; then
		. "$facts"
		export WPID START_TS CAPTURE_RC=0
		return
	fi
	_use_capture lab03-dispatch
	[[ -s $SYSCALLS ]] || fail "$SYSCALLS is empty: the lab's test program syscall_table did not run"
	[[ -s $TABLES ]] || {
		tail -n 5 "$CAPTURE_ERR"
		fail "with_tail_tables.sh wrote no $TABLES: the capture did not start (scap-open's stderr is above)"
	}
	# The workload's pid, from the wrapper: the execve exit event that
	# require_capture would take it from is itself made by the dispatcher.
	WPID=$(jq .wpid "$TABLES")
	export WPID
	require_capture
	# dispatch.c's calls come after its execve enter event.
	START_TS=$(jq_events '[.[] | select(.tid == $wpid and .name == "execve" and .dir == ">"
		and (.params.filename // "" | endswith("/dispatch")))][0].ts')
	[[ $START_TS =~ ^\"[0-9]+\"$ ]] || fail "no execve enter event of dispatch on pid $WPID: the enter side (not yours) is broken"
	# dispatch's own events, from its execve on.
	jq -c --argjson wpid "$WPID" --argjson t "$START_TS" \
		'select(.tid == $wpid and .ts >= $t)' "$CAPTURE" >"$OWN"
	export START_TS
	printf 'WPID=%q\nSTART_TS=%q\n' "$WPID" "$START_TS" >"$facts"
}

# call_exit NAME COND [WHAT]: the first call of syscall NAME by dispatch.c
# after ts AFTER (dispatch's execve, at first) whose enter event satisfies
# the jq condition COND (WHAT says it in words). Sets ENTER, EXITS (every
# event on the thread after it, before the next enter event), NR (the
# syscall number) and SLOT (what the exit tail table held at NR), and moves
# AFTER to it: the calls are looked for in the order dispatch.c makes them.
call_exit() {
	local name=$1 cond=$2 what=${3:-$1} found
	# One jq run: the call, its exits, its ts, its number, its slot and the
	# kind of each exit, a line each.
	found=$(jq -s -r --arg name "$name" --argjson t "${AFTER:-$START_TS}" --arg d "$D" \
		--argjson wpid "$WPID" --slurpfile table "$SYSCALLS" --slurpfile tables "$TABLES" '
		[.[] | select(.ts > $t)] as $a
		| [range(0; $a | length) | select($a[.].name == $name and $a[.].dir == ">"
			and ($a[.] | try ('"$cond"') catch false))]
		| if length == 0 then empty else .[0] as $i
		  | $a[$i + 1:] as $rest
		  | ([$rest | to_entries[] | select(.value.dir == ">") | .key][0] // ($rest | length)) as $n
		  | $rest[:$n] as $exits
		  | ([$table[] | select(.name == $name) | .nr][0] // $a[$i].params.nativeID) as $nr
		  | ($a[$i] | tojson), ($exits | tojson), ($a[$i].ts | tojson), $nr,
		    ([$tables[0].exit[] | select(.nr == $nr) | .prog][0] // "(empty)"),
		    ($exits | map(if .params | has("ID") then "generic" else "own" end) | tojson)
		  end' "$OWN")
	if [[ -z $found ]]; then
		echo "looked for: dispatch's call $what"
		show_events "$name"
		fail "dispatch made no such '$name' call that the probe saw: the workload or the enter side (not yours) is broken"
	fi
	{ read -r ENTER; read -r EXITS; read -r AFTER; read -r NR; read -r SLOT; read -r KINDS; } <<<"$found"
}

# exit_fd: the fd param of the exit event of the call found last.
exit_fd() {
	local fd=${EXITS#*\"fd\":}
	echo "${fd%%[,\}]*}"
}

# expect_own_exit WHAT NAME COND EXPECTED [KEY PREDICATE]...: the call's
# exit event is NAME's own (from its filler NAME_x), with these params.
expect_own_exit() {
	local what=$1 name=$2 cond=$3
	shift 3
	call_exit "$name" "$cond" "$what"
	echo "$what"
	echo "  enter: $ENTER"
	echo "  exits: $EXITS"
	case $KINDS in
	'[]')
		fail "no exit event for this $name call: $DISPATCHER sent nothing" ;;
	'["own"]')
		expect_params "$what <" "${EXITS:1:${#EXITS}-2}" "$@" ;;
	'["generic"]')
		echo "slot $NR ($name) of syscall_exit_tail_table: $SLOT"
		if [[ $SLOT == "${name}_x" ]]; then
			fail "$name's exit came as the generic event, though the table holds ${name}_x: $DISPATCHER did not tail call into it (bpf_tail_call(ctx, &syscall_exit_tail_table, syscall_id))"
		elif [[ $SLOT == "(empty)" ]]; then
			fail "$name's exit came as the generic event: slot $NR of syscall_exit_tail_table is empty, $LOADER did not put ${name}_x there"
		else
			fail "$name's exit came as the generic event: slot $NR of syscall_exit_tail_table holds $SLOT, not ${name}_x ($LOADER)"
		fi ;;
	*)
		fail "this $name call has several exit events, $KINDS: $DISPATCHER must send the generic event only when bpf_tail_call returns, that is when there is no filler" ;;
	esac
}

# expect_generic_exit NAME: dispatch's NAME call (no filler) has exactly
# one exit event, the generic one, whose ID is Falco's code for NAME.
expect_generic_exit() {
	local name=$1
	call_exit "$name" true
	echo "$name (nr $NR, no filler):"
	echo "  enter: $ENTER"
	echo "  exits: $EXITS"
	if [[ $KINDS == '[]' ]] && grep -q 'skipping a corrupt event' "$CAPTURE_ERR"; then
		echo "scap-open skipped events it could not decode ($CAPTURE_ERR):"
		grep -m 3 'skipping a corrupt event' "$CAPTURE_ERR"
	fi
	case $KINDS in
	'[]') fail "no exit event for $name, which has no filler: when bpf_tail_call returns, $DISPATCHER must send PPME_GENERIC_X" ;;
	'["generic"]' | '["own"]') ;;
	*) fail "$name has several exit events for one call, $KINDS: $DISPATCHER must send one generic event" ;;
	esac
	[[ $SLOT == "(empty)" ]] ||
		fail "slot $NR ($name) of syscall_exit_tail_table holds $SLOT, but $name has no filler: $LOADER must fill only the syscalls of driver/syscall_table.c"
	# The generic exit event has one param, ID: Falco's code for the syscall
	# (driver/ppm_sc.h), which scap-open prints as the syscall's name.
	local id
	id=$(jq -r '.params.ID' <<<"${EXITS:1:${#EXITS}-2}")
	[[ $id == "$name" ]] ||
		fail "the ID of $name's exit event reads as \"$id\", not \"$name\": ID is Falco's code for the syscall, maps__get_ppm_sc(syscall_id), not the x86_64 number $NR ($DISPATCHER)"
	expect_params "$name < (generic)" "${EXITS:1:${#EXITS}-2}" "{ID: \"$name\"}"
}

@test "03.1 [3 pts] openat, write, read, close, socket, connect: their own exit event, every param exact" {
	local dev fd
	use_dispatch_capture
	dev=$(dev_of "$D")
	expect_own_exit "openat(AT_FDCWD, DIR/dispatched, O_WRONLY|O_CREAT|O_TRUNC, 0640)" openat \
		'.params.name == $d + "/dispatched"' \
		"{fd: null, dirfd: -100, name: (\$d + \"/dispatched\"), flags: \"O_TRUNC|O_CREAT|O_WRONLY\",
		  mode: 416, dev: $dev}" fd '. >= 3'
	fd=$(exit_fd)
	expect_own_exit "write(fd, \"dispatched\", 10)" write ".params.fd == $fd" '{res: 10, data: "dispatched"}'
	expect_own_exit "close(fd)" close ".params.fd == $fd" '{res: 0}'
	expect_own_exit "openat(AT_FDCWD, DIR/dispatched, O_RDONLY)" openat '.params.name == $d + "/dispatched"' \
		"{fd: null, dirfd: -100, name: (\$d + \"/dispatched\"), flags: \"O_RDONLY\", mode: 0,
		  dev: $dev}" fd '. >= 3'
	fd=$(exit_fd)
	expect_own_exit "read(fd, buf, 64)" read ".params.fd == $fd" '{res: 10, data: "dispatched"}'
	expect_own_exit "close(fd)" close ".params.fd == $fd" '{res: 0}'
	expect_own_exit "socket(AF_INET, SOCK_DGRAM, 0)" socket '.params.domain == "AF_INET"' \
		'{fd: null}' fd '. >= 3'
	fd=$(exit_fd)
	expect_own_exit "connect(fd, 127.0.0.1:47303)" connect ".params.fd == $fd" '{res: 0, tuple: null}' \
		tuple 'test("^127\\.0\\.0\\.1:[0-9]+->127\\.0\\.0\\.1:47303$")'
	expect_own_exit "close(fd)" close ".params.fd == $fd" '{res: 0}'
}

@test "03.1 [3 pts] getppid, getpid, uname, sched_yield: the generic exit event, with their syscall ID" {
	local name
	use_dispatch_capture
	for name in getppid getpid uname sched_yield; do
		expect_generic_exit "$name"
	done
}

@test "03.1 [2 pts] every call has exactly one exit event, right after its enter event" {
	local report
	use_dispatch_capture
	# dispatch's own events, in order; exit_group never returns, and
	# procexit is no syscall.
	# A generic event is named after the syscall (pread64), its own event
	# after the event (pread): compare by event name.
	report=$(jq -s -c --slurpfile table "$SYSCALLS" '
		($table | map({(.name): .exit}) | add) as $event
		| def key: if .params | has("ID") then $event[.name] // .name else .name end;
		[.[] | select(.name != "exit_group" and .name != "procexit")]
		| . as $a
		| [range(0; length) | select(
			($a[.].dir == ">" and ($a[. + 1] == null or $a[. + 1].dir != "<" or ($a[. + 1] | key) != ($a[.] | key)))
			or ($a[.].dir == "<" and (. == 0 or $a[. - 1].dir != ">" or ($a[. - 1] | key) != ($a[.] | key))))]
		| {calls: ([$a[] | select(.dir == ">")] | length), exits: ([$a[] | select(.dir == "<")] | length),
		   bad: length, around: (if length == 0 then [] else $a[(.[0] - 2 | if . < 0 then 0 else . end):.[0] + 3] end)}' "$OWN")
	echo "dispatch's syscalls: $(jq -c '{calls, exits}' <<<"$report")"
	if [[ $(jq .bad <<<"$report") != 0 ]]; then
		echo "$(jq .bad <<<"$report") events have no partner; the first, among its neighbours on the thread:"
		jq -r '.around[] | "  \(.dir) \(.name)\(if .params | has("ID") then " (generic, ID \(.params.ID))" else "" end)"' <<<"$report"
		if [[ $(jq .exits <<<"$report") == 0 ]]; then
			fail "no exit event at all: $DISPATCHER sends nothing"
		fi
		fail "each syscall must make one exit event, of the same syscall: its filler's, or else the generic one with Falco's code as ID ($DISPATCHER)"
	fi
}

# interesting_events WHO: the events of interesting.c, checked to be
# complete, into EVENTS; prints those of WHO (child or reader).
interesting_events() {
	local who=$1
	local out=$CAPTURE_DIR/lab03-interesting
	if [[ $(cat "$out.rc" 2>/dev/null) != 0 ]] || ! tail -n 1 "$out.json" | grep -q '"done"'; then
		cat "$out.err"
		fail "interesting.c failed (exit status $(cat "$out.rc" 2>/dev/null)): see its stderr above"
	fi
	EVENTS=$(jq -s -c '.' "$out.json")
	echo "interesting.c asked for openat and getppid only; the events of the $who:"
	jq -r --arg who "$who" '.[] | select(.who == $who)
		| "  \(.dir) \(.name)\(if .generic then " (generic)" else "" end)"' <<<"$EVENTS"
	jq -c '.[-1]' <<<"$EVENTS"
	# Mechanism: the probe captured the interesting calls of the child.
	if [[ $(jq '[.[] | select(.who == "child" and .dir == "<" and .name == "openat")] | length' <<<"$EVENTS") == 0 ]]; then
		fail "no exit event for the child's openat, an interesting syscall: with no exit events at all, this check cannot tell anything ($DISPATCHER sends none)"
	fi
}

@test "03.1 [3 pts] only the interesting syscalls make exit events (scap-open -s openat,getppid)" {
	local extra
	interesting_events child
	# An exit event right after an enter event is that call's (even if its
	# name is wrong: the generic ID is checked above); any other exit event
	# is of a call whose enter the filter dropped.
	extra=$(jq -c '[.[] | select(.who == "child")] as $a
		| [range(0; $a | length) | select($a[.].dir == "<")
		   | if . > 0 and $a[. - 1].dir == ">" then $a[. - 1].name else $a[.].name end
		   | select(IN("openat", "getppid") | not)]
		| group_by(.) | map({syscall: .[0], exits: length})' <<<"$EVENTS")
	if [[ $extra != "[]" ]]; then
		echo "exit events of syscalls that were not asked for: $extra"
		fail "$DISPATCHER must send nothing for a syscall that is not interesting: check syscalls_dispatcher__is_interesting(syscall_id) first"
	fi
}

@test "03.1 [1 pt] the reader's own syscalls make no event (g_ignored_tgid)" {
	local own
	interesting_events reader
	own=$(jq -c '[.[] | select(.who == "reader") | "\(.dir) \(.name)"]' <<<"$EVENTS")
	if [[ $own != "[]" ]]; then
		echo "events of the reader itself: $own"
		fail "the reader's own syscalls must not be captured (they would feed back into the capture): $DISPATCHER must call syscalls_dispatcher__is_interesting(), which checks g_ignored_tgid"
	fi
}

@test "03.2 [4 pts] syscall_exit_tail_table holds <name>_x at the number of every syscall of driver/syscall_table.c" {
	local report
	use_dispatch_capture
	report=$(jq -n -c --slurpfile table "$SYSCALLS" --slurpfile dump "$TABLES" '
		def check($dir; $suffix):
		  ($dump[0][$dir] | map({(.nr | tostring): .prog}) | add // {}) as $slots
		  | ($table | map(.nr)) as $nrs
		  | [($table[] | select($slots[.nr | tostring] != .name + $suffix)
		      | {nr, want: (.name + $suffix), got: ($slots[.nr | tostring] // "(empty)")}),
		     ($dump[0][$dir][] | select(.nr as $n | $nrs | index($n) | not)
		      | {nr, want: "(empty: no filler)", got: .prog})];
		{syscalls: ($table | length), enter_slots: ($dump[0].enter | length),
		 exit_slots: ($dump[0].exit | length), enter_wrong: check("enter"; "_e"),
		 exit_wrong: check("exit"; "_x")}')
	echo "driver/syscall_table.c: $(jq .syscalls <<<"$report") syscalls with fillers; the probe's tail tables, dumped with bpftool during the capture ($TABLES):"
	echo "  syscall_enter_tail_table: $(jq .enter_slots <<<"$report") slots filled"
	echo "  syscall_exit_tail_table:  $(jq .exit_slots <<<"$report") slots filled"
	# Mechanism: the enter table (the example, not the exercise) is right,
	# so the dump and the table read are.
	if [[ $(jq '.enter_wrong | length' <<<"$report") != 0 ]]; then
		jq -r '.enter_wrong[] | "  enter slot \(.nr): expected \(.want), got \(.got)"' <<<"$report"
		fail "the enter table is wrong too: scap_fill_enter_tail_table() (tail_tables.c) was changed, or the dump is broken"
	fi
	if [[ $(jq '.exit_wrong | length' <<<"$report") != 0 ]]; then
		echo "wrong slots of syscall_exit_tail_table: $(jq '.exit_wrong | length' <<<"$report"); the first 8:"
		jq -r '.exit_wrong[:8][] | "  slot \(.nr): expected \(.want), got \(.got)"' <<<"$report"
		fail "$LOADER must put the fd of program \"<name>_x\" at slot nr, for every syscall of g_syscall_table"
	fi
}

@test "03.2 [2 pts] every call of a syscall with a filler, by any program of the capture, got its own exit event" {
	local report bad
	use_dispatch_capture
	# clone, fork... return twice (parent and child): at least one own exit
	# event per call, then.
	report=$(jq_events -c --slurpfile table "$SYSCALLS" '
		($table | map({(.name): .exit}) | add) as $event
		| ($table | map(.exit) | unique) as $names
		| [.[] | select(.params | has("ID") | not)] as $own
		| [.[] | select(.dir == "<" and (.params | has("ID"))) | $event[.name] // empty] as $generic
		| [$own[] | select(.dir == ">" and (.name | IN($names[])))] | group_by(.name)
		| map(.[0].name as $n | {syscall: $n, calls: length,
			own_exits: ([$own[] | select(.dir == "<" and .name == $n)] | length),
			generic_exits: ([$generic[] | select(. == $n)] | length)})')
	echo "syscalls with a filler that the capture saw (the wrapper script, bpftool, jq and dispatch): $(jq -c 'map(.syscall)' <<<"$report")"
	[[ $(jq length <<<"$report") -ge 5 ]] ||
		fail "the capture has fewer than 5 syscalls with a filler: this check cannot tell anything"
	bad=$(jq -c '[.[] | select(.own_exits < .calls)]' <<<"$report")
	if [[ $bad != "[]" ]]; then
		echo "calls without their own exit event, of $(jq length <<<"$bad") syscalls; the first 8:"
		jq -r '.[:8][] | "  \(.syscall): \(.calls) calls, \(.own_exits) own exit events, \(.generic_exits) generic"' <<<"$bad"
		fail "these exits fell back to the generic event (or none): $LOADER did not fill their slots in syscall_exit_tail_table (the check above lists the wrong slots)"
	fi
}
