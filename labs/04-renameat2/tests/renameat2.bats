#!/usr/bin/env bats
# Lab 04, renameat2 end to end: graded checks. Run them with `make grade LAB=4`.
#
# Some checks read the tables (tests/tables.c) and the flag converter
# (tests/convert.c) directly. The others capture tests/renamer.c, which makes the nine
# renameat2 calls listed at its top, twice: once as JSON (the params as
# values) and once as text (the flags as
# "flags=3(RENAME_NOREPLACE|RENAME_EXCHANGE)"). Each call has its own
# newpath, which is how a check finds its events.
#
# Each exercise is graded in a system where only its own file is yours
# (labs/tools/system.sh): the captures of 04.2 run your syscall table with
# the reference schema and filler, those of 04.3 your filler (and your
# converter, which it includes) with the reference tables, those of 04.5
# your names with the reference filler.

load ../../tools/lab_helpers

EXERCISE_CODE=([04.1]="g_event_info[PPME_SYSCALL_RENAMEAT2_X] in driver/event_table.c"
	[04.2]="g_syscall_table in driver/syscall_table.c"
	[04.3]="renameat2_x in modern_bpf/programs/tail_called/events/syscall_dispatched_events/renameat2.bpf.c"
	[04.4]="renameat2_flags_to_scap() in driver/renameat2_flags_to_scap.h"
	[04.5]="renameat2_flags in driver/flags_table.c")

CALLS=9		# the calls of renamer.c
FILLER="renameat2_x in modern_bpf/programs/tail_called/events/syscall_dispatched_events/renameat2.bpf.c"

setup_file() {
	local rc=0
	if grading 04.2 04.3 04.5; then
		fresh_dir lab04-renamer
		lab_capture lab04-renamer renamer "$D"
	fi
	if grading 04.3 04.5; then
		# The text capture: only the renameat2 events, as scap-open prints them.
		fresh_dir lab04-renamer-text
		"$SCAP_OPEN" --syscall renameat2 -- "$LAB_BUILD/tests/renamer" "$D" \
			>"$CAPTURE_DIR/lab04-renamer-text.txt" 2>"$CAPTURE_DIR/lab04-renamer-text.err" || rc=$?
		echo "$rc" >"$CAPTURE_DIR/lab04-renamer-text.rc"
	fi
}

# ---- what is missing? -------------------------------------------------------

# diagnose: say what the renameat2 events of the JSON capture show missing
# (only this exercise's piece is yours in its system). Printed before a
# failure, so the learner reads it; silent when it finds nothing. Said
# once: a later check that fails for the same reason says so in a line.
diagnose() {
	local generic corrupt once=$BATS_FILE_TMPDIR/diagnosed
	if [[ -e $once ]]; then
		echo ">>> (what the capture says about renameat2 is in the first failed check above)"
		return
	fi
	touch "$once"
	generic=$(jq_events '[.[] | select(.name == "renameat2" and (.params | has("ID")))] | length')
	corrupt=$(grep -E 'skipping a corrupt event.*renameat2' "$CAPTURE_ERR" | sed 's/ on CPU [0-9]*//' | sort -u | head -n 3)
	if [[ $generic -gt 0 ]]; then
		echo ">>> $generic renameat2 events are the generic ones (params ID, nativeID):"
		echo ">>> g_syscall_table in driver/syscall_table.c has no PAIR for __NR_renameat2, so"
		echo ">>> scap_fill_enter_tail_table() and scap_fill_exit_tail_table() never put renameat2_e and"
		echo ">>> renameat2_x in the tail tables (userspace/libscap/engine/modern_bpf/tail_tables.c)."
	fi
	if [[ -n $corrupt ]]; then
		echo ">>> scap-open skipped renameat2 exit events it could not decode:"
		sed 's/^/>>>   /' <<<"$corrupt"
		if grep -q 'nparams 0 but' <<<"$corrupt"; then
			echo ">>> $FILLER sends no params yet."
		else
			echo ">>> $FILLER must send the params of the schema (driver/event_table.c):"
			echo ">>> the same count, in the same order, each of its type's size."
		fi
	fi
}

# find_call NEWPATH: ENTER and EXIT of the renamer's call to NEWPATH, or
# fail with the diagnosis.
find_call() {
	local cond
	cond=".tid == \$wpid and .params.newpath == $(jq -n --arg p "$1" '$p')"
	if [[ $(jq_events "[.[] | select(.name == \"renameat2\" and .dir == \"<\" and $cond)] | length") == 0 ]]; then
		if [[ ! -e $BATS_FILE_TMPDIR/diagnosed ]]; then
			echo "--- the first renameat2 events of the capture ($CAPTURE):"
			jq_events -c '[.[] | select(.name == "renameat2")][:4][]'
		fi
		diagnose
		fail "no renameat2 exit event of the renamer (pid $WPID) has newpath \"$1\""
	fi
	pair_by_exit renameat2 "$cond"
}

# text_line NEWPATH: the text capture's exit line of the call to NEWPATH
# (a relative NEWPATH is followed by what it resolves to: "x(/tmp/d/x)").
text_line() {
	grep -F " < renameat2 " "$CAPTURE_DIR/lab04-renamer-text.txt" |
		grep -F -e " newpath=$1 flags=" -e " newpath=$1(" | head -n 1
}

# use_text_capture: the text capture ran, or fail saying why.
use_text_capture() {
	local rc
	rc=$(cat "$CAPTURE_DIR/lab04-renamer-text.rc" 2>/dev/null || echo "(not run)")
	if [[ $rc != 0 ]] || grep -q '^workload:' "$CAPTURE_DIR/lab04-renamer-text.err"; then
		tail -n 15 "$CAPTURE_DIR/lab04-renamer-text.err"
		fail "the text capture (scap-open --syscall renameat2 -- renamer) failed: rc $rc"
	fi
}

# The flags param of an exit event must be a string; its value is graded by 04.4/04.5.
ANY_FLAGS='type == "string"'

# ---- 04.1 the schema --------------------------------------------------------

@test "04.1 [2 pts] driver/event_table.c: renameat2's params, types, formats, as in Falco" {
	need_program tables
	run "$LAB_BUILD/tests/tables" schema
	if [[ $status != 0 ]]; then
		echo "the schema of renameat2 in driver/event_table.c (g_event_info), as libscap sees it:"
		echo "$output"
		fail "g_event_info in driver/event_table.c: PPME_SYSCALL_RENAMEAT2_X must list res, olddirfd, oldpath, newdirfd, newpath, flags"
	fi
}

# ---- 04.2 the syscall table ------------------------------------------------

@test "04.2 [1 pt] driver/syscall_table.c: __NR_renameat2 gives PPME_SYSCALL_RENAMEAT2_E/_X" {
	need_program tables
	run "$LAB_BUILD/tests/tables" pair
	if [[ $status != 0 ]]; then
		echo "$output"
		fail "add a PAIR(__NR_renameat2, ...) line to g_syscall_table in driver/syscall_table.c"
	fi
}

@test "04.2 [2 pts] the 9 renameat2 calls reach renameat2's own fillers, not the generic event" {
	use_capture lab04-renamer
	local counts
	counts=$(jq_events -c '[.[] | select(.name == "renameat2" and .tid == $wpid)]
		| { enter: [.[] | select(.dir == ">" and (.params | has("ID") | not))] | length,
		    generic: [.[] | select(.params | has("ID"))] | length }')
	echo "renameat2 events of the renamer (pid $WPID): $counts; expected $CALLS enter events, 0 generic"
	if [[ $counts != "{\"enter\":$CALLS,\"generic\":0}" ]]; then
		diagnose
		fail "each renameat2 call must reach renameat2_e and renameat2_x: g_syscall_table in driver/syscall_table.c must route __NR_renameat2 to PPME_SYSCALL_RENAMEAT2_E/_X"
	fi
}

# ---- 04.3 the exit filler ---------------------------------------------------

@test "04.3 [1 pt] the 9 exit events decode against the schema, none skipped as corrupt" {
	use_capture lab04-renamer
	local n
	n=$(jq_events '[.[] | select(.name == "renameat2" and .dir == "<" and .tid == $wpid
		and (.params | keys_unsorted) == ["res","olddirfd","oldpath","newdirfd","newpath","flags"])] | length')
	echo "renameat2 exit events with the six params: $n, expected $CALLS"
	echo "scap-open's count: $(grep -o 'corrupt events: [0-9]*' "$CAPTURE_ERR")"
	if [[ $n != "$CALLS" ]] || grep -q 'skipping a corrupt event' "$CAPTURE_ERR"; then
		diagnose
		fail "$FILLER must send exactly the params of the schema (driver/event_table.c)"
	fi
}

@test "04.3 [2 pts] flags 0, AT_FDCWD on both sides: every param of both events" {
	use_capture lab04-renamer
	find_call plain_new
	expect_params "renameat2 >" "$ENTER" '{}'
	expect_params "renameat2 <" "$EXIT" \
		'{res: 0, olddirfd: -100, oldpath: "plain_old", newdirfd: -100, newpath: "plain_new",
		  flags: null}' flags "$ANY_FLAGS"
	expect_pid "renameat2 <" "$EXIT" "$WPID"
}

@test "04.3 [2 pts] a real dirfd (42): RENAME_NOREPLACE to a free name, RENAME_EXCHANGE 42 -> AT_FDCWD" {
	use_capture lab04-renamer
	find_call nr_new
	expect_params "renameat2 > (noreplace)" "$ENTER" '{}'
	expect_params "renameat2 < (noreplace)" "$EXIT" \
		'{res: 0, olddirfd: 42, oldpath: "nr_old", newdirfd: 42, newpath: "nr_new",
		  flags: null}' flags "$ANY_FLAGS"
	find_call right
	expect_params "renameat2 > (exchange)" "$ENTER" '{}'
	expect_params "renameat2 < (exchange)" "$EXIT" \
		'{res: 0, olddirfd: 42, oldpath: "left", newdirfd: -100, newpath: "right",
		  flags: null}' flags "$ANY_FLAGS"
}

@test "04.3 [2 pts] failed calls keep every argument: EEXIST, ENOENT and three EINVAL" {
	use_capture lab04-renamer
	find_call taken
	expect_params "renameat2 < (NOREPLACE onto an existing name)" "$EXIT" \
		'{res: -17, olddirfd: 42, oldpath: "nr_new", newdirfd: 42, newpath: "taken",
		  flags: null}' flags "$ANY_FLAGS"
	find_call missing
	expect_params "renameat2 < (EXCHANGE with a missing name)" "$EXIT" \
		'{res: -2, olddirfd: 42, oldpath: "left", newdirfd: 42, newpath: "missing",
		  flags: null}' flags "$ANY_FLAGS"
	local -x target
	for target in both_new wx_new unknown_new; do
		find_call "$target"
		expect_params "renameat2 < (invalid flags, to $target)" "$EXIT" \
			'{res: -22, olddirfd: -100, oldpath: "plain_new", newdirfd: -100,
			  newpath: $ENV.target, flags: null}' flags "$ANY_FLAGS"
	done
}

@test "04.3 [1 pt] a name with a space and UTF-8 comes out byte for byte" {
	use_capture lab04-renamer
	find_call "ünïcødé ✓ name"
	expect_params "renameat2 <" "$EXIT" \
		'{res: 0, olddirfd: 42, oldpath: "with space", newdirfd: 42, newpath: "ünïcødé ✓ name",
		  flags: null}' flags "$ANY_FLAGS"
}

@test "04.3 [1 pt] flags is renameat2_flags_to_scap() of the call's flags argument (argument 4)" {
	local target raw want line got bad=0
	use_text_capture
	use_capture lab04-renamer	# for diagnose
	# The value your filler must store is your converter's (graded in 04.4):
	# convert RAW runs it on the flags each call passed.
	need_program convert
	while IFS=';' read -r target raw; do
		want=$("$LAB_BUILD/tests/convert" "$raw")
		line=$(text_line "$target")
		got=$(sed -nE 's/.* flags=([^( ]*).*/\1/p' <<<"$line")
		printf '  %-16s flags argument %-2s  renameat2_flags_to_scap gives %-2s  stored %s\n' \
			"$target" "$raw" "$want" "${got:-(no event)}"
		[[ $got == "$want" ]] || bad=1
	done <<'CALLS'
plain_new;0
nr_new;1
taken;1
right;2
missing;2
both_new;3
wx_new;6
unknown_new;9
ünïcødé ✓ name;1
CALLS
	if [[ $bad == 1 ]]; then
		diagnose
		fail "$FILLER must store renameat2_flags_to_scap(extract__syscall_argument(regs, 4))"
	fi
}

# ---- 04.4 the flags conversion ---------------------------------------------

@test "04.4 [2 pts] renameat2_flags_to_scap: each RENAME_* bit becomes its PPM_RENAME_* bit" {
	need_program convert
	run "$LAB_BUILD/tests/convert" known
	echo "$output"
	[[ $status == 0 ]] ||
		fail "renameat2_flags_to_scap() in driver/renameat2_flags_to_scap.h must turn each kernel RENAME_* bit into its PPM_RENAME_* bit (driver/ppm_flags.h)"
}

@test "04.4 [1 pt] renameat2_flags_to_scap: a bit that no RENAME_* flag has is dropped" {
	need_program convert
	run "$LAB_BUILD/tests/convert" unknown
	echo "$output"
	[[ $status == 0 ]] ||
		fail "renameat2_flags_to_scap() in driver/renameat2_flags_to_scap.h must keep only the bits it knows, like every *_to_scap converter"
}

# ---- 04.5 the flag names ----------------------------------------------------

@test "04.5 [2 pts] the flags print by name, in text and in JSON" {
	use_text_capture
	use_capture lab04-renamer
	local target want_text want_json line got_text got_json bad=0
	echo "the flags of five calls, as scap-open prints them:"
	while IFS=';' read -r target want_text want_json; do
		line=$(text_line "$target")
		got_text=$(sed -nE 's/.* (flags=.*)$/\1/p' <<<"$line")
		got_json=$(jq_events -r --arg t "$target" \
			'[.[] | select(.name == "renameat2" and .dir == "<" and .params.newpath == $t)][0].params.flags')
		printf '  %-12s text %-45s JSON %s\n' "$target" "${got_text:-(no event)}" "$got_json"
		if [[ $got_text != "$want_text" || $got_json != "$want_json" ]]; then
			printf '  %-12s expected: text %s, JSON %s\n' "" "$want_text" "$want_json"
			bad=1
		fi
	done <<'CALLS'
plain_new;flags=0;0
nr_new;flags=1(RENAME_NOREPLACE);RENAME_NOREPLACE
right;flags=2(RENAME_EXCHANGE);RENAME_EXCHANGE
both_new;flags=3(RENAME_NOREPLACE|RENAME_EXCHANGE);RENAME_NOREPLACE|RENAME_EXCHANGE
wx_new;flags=6(RENAME_EXCHANGE|RENAME_WHITEOUT);RENAME_EXCHANGE|RENAME_WHITEOUT
CALLS
	[[ $bad == 0 ]] ||
		fail "renameat2_flags in driver/flags_table.c must name PPM_RENAME_NOREPLACE, _EXCHANGE and _WHITEOUT, in bit order"
}
