#!/usr/bin/env bats
# Lab 04, renameat2 end to end: graded checks. Run them with `make grade LAB=4`.
#
# Two checks read the tables through libscap (tests/tables.c). The others
# capture tests/renamer.c, which makes the nine renameat2 calls listed at
# its top, twice: once as JSON (the params as values) and once as text (the
# flags as "flags=3(RENAME_NOREPLACE|RENAME_EXCHANGE)"). Each call has its
# own newpath, which is how a check finds its events.

load ../../tools/lab_helpers

CALLS=9		# the calls of renamer.c
FILLER=modern_bpf/programs/tail_called/events/syscall_dispatched_events/renameat2.bpf.c

setup_file() {
	fresh_dir lab04-renamer
	lab_capture lab04-renamer renamer "$D"
	# The text capture: only the renameat2 events, as scap-open prints them.
	fresh_dir lab04-renamer-text
	local rc=0
	"$SCAP_OPEN" --syscall renameat2 -- "$LAB_BUILD/tests/renamer" "$D" \
		>"$CAPTURE_DIR/lab04-renamer-text.txt" 2>"$CAPTURE_DIR/lab04-renamer-text.err" || rc=$?
	echo "$rc" >"$CAPTURE_DIR/lab04-renamer-text.rc"
}

# ---- what is missing? -------------------------------------------------------

# diagnose: say which piece of the path the renameat2 events of the JSON
# capture show missing. Printed before a failure, so the learner reads it.
diagnose() {
	local generic empty corrupt
	generic=$(jq_events '[.[] | select(.name == "renameat2" and (.params | has("ID")))] | length')
	empty=$(jq_events '[.[] | select(.name == "renameat2" and .dir == "<" and .params == {})] | length')
	corrupt=$(grep -E 'skipping a corrupt event.*renameat2' "$CAPTURE_ERR" | sed 's/ on CPU [0-9]*//' | sort -u | head -n 3)
	echo "--- what the capture says about the path of renameat2:"
	if [[ $generic -gt 0 ]]; then
		echo ">>> $generic renameat2 events are the generic ones (params ID, nativeID):"
		echo ">>> driver/syscall_table.c has no PAIR for __NR_renameat2 (04.2), so the"
		echo ">>> loader (fill_tail_tables in userspace/libscap/engine/modern_bpf/modern_bpf.c)"
		echo ">>> never puts renameat2_e / renameat2_x in the tail tables."
	fi
	if [[ -n $corrupt ]]; then
		echo ">>> scap-open skipped renameat2 exit events it could not decode:"
		sed 's/^/>>>   /' <<<"$corrupt"
		if grep -q 'the schema of renameat2_x has 0$' <<<"$corrupt"; then
			echo ">>> the schema (driver/event_table.c, 04.1) still lists no params for the exit event."
		elif grep -q 'nparams 0 but' <<<"$corrupt"; then
			echo ">>> the exit filler ($FILLER, 04.3) sends no params yet."
		else
			echo ">>> the filler's params (04.3) and the schema's (04.1) do not agree: same count, same order, each of its type's size."
		fi
	fi
	if [[ $empty -gt 0 ]]; then
		echo ">>> $empty renameat2 exit events have no params: the schema (04.1) and the"
		echo ">>> exit filler (04.3) are both still the starter's."
	fi
	if [[ $generic == 0 && -z $corrupt && $empty == 0 ]]; then
		echo ">>> the events are renameat2's own and decode: look at the params above."
	fi
}

# find_call NEWPATH: ENTER and EXIT of the renamer's call to NEWPATH, or
# fail with the diagnosis.
find_call() {
	local cond
	cond=".tid == \$wpid and .params.newpath == $(jq -n --arg p "$1" '$p')"
	if [[ $(jq_events "[.[] | select(.name == \"renameat2\" and .dir == \"<\" and $cond)] | length") == 0 ]]; then
		diagnose
		echo "--- the first renameat2 events of the capture ($CAPTURE):"
		jq_events -c '[.[] | select(.name == "renameat2")][:4][]'
		fail "no renameat2 exit event of the renamer (pid $WPID) has newpath \"$1\""
	fi
	pair_by_exit renameat2 "$cond"
}

# text_line NEWPATH: the text capture's exit line of the call to NEWPATH.
text_line() {
	grep -F " < renameat2 " "$CAPTURE_DIR/lab04-renamer-text.txt" | grep -F " newpath=$1 flags=" | head -n 1
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
	run "$LAB_BUILD/tests/tables" schema
	if [[ $status != 0 ]]; then
		echo "the schema of renameat2 in driver/event_table.c (g_event_info), as libscap sees it:"
		echo "$output"
		fail "PPME_SYSCALL_RENAMEAT2_X must list res, olddirfd, oldpath, newdirfd, newpath, flags"
	fi
}

# ---- 04.2 the syscall table ------------------------------------------------

@test "04.2 [1 pt] driver/syscall_table.c: __NR_renameat2 gives PPME_SYSCALL_RENAMEAT2_E/_X" {
	run "$LAB_BUILD/tests/tables" pair
	if [[ $status != 0 ]]; then
		echo "$output"
		fail "add a PAIR(__NR_renameat2, ...) line to g_syscall_table"
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
		show_events renameat2
		fail "each renameat2 call must go through the tail table to renameat2_e and renameat2_x"
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
		fail "renameat2_x ($FILLER) must send exactly the params of the schema (driver/event_table.c)"
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

# ---- 04.4 the flags conversion ---------------------------------------------

# expect_flag_numbers NEWPATH=NUMBER...: the text capture prints flags=NUMBER
# for the call to each NEWPATH. The number is the stored value, whatever the
# names table says.
expect_flag_numbers() {
	local pair target want line got bad=0
	use_text_capture
	use_capture lab04-renamer	# for diagnose
	for pair in "$@"; do
		target=${pair%=*} want=${pair##*=}
		line=$(text_line "$target")
		got=$(sed -nE 's/.* flags=([^( ]*).*/\1/p' <<<"$line")
		printf '  %-16s expected flags=%s, got %s\n' "$target" "$want" "${got:-(no event)}"
		[[ $got == "$want" ]] || bad=1
	done
	if [[ $bad == 1 ]]; then
		diagnose
		echo "--- the first renameat2 exit lines of the text capture ($CAPTURE_DIR/lab04-renamer-text.txt):"
		grep -F ' < renameat2' "$CAPTURE_DIR/lab04-renamer-text.txt" | sed -E 's/^[0-9]+ [0-9:.]+ //' | head -n 4
		if grep -qE ' < renameat2 .* flags=0$' "$CAPTURE_DIR/lab04-renamer-text.txt"; then
			echo ">>> every call stores flags=0: does renameat2_flags_to_scap (driver/ppm_flag_helpers.h) return 0?"
		fi
		return 1
	fi
}

@test "04.4 [2 pts] each RENAME_* bit is stored: 0, NOREPLACE=1, EXCHANGE=2, both=3, EXCHANGE|WHITEOUT=6" {
	expect_flag_numbers plain_new=0 nr_new=1 taken=1 right=2 missing=2 both_new=3 wx_new=6 \
		"ünïcødé ✓ name=1" ||
		fail "renameat2_flags_to_scap must turn each kernel RENAME_* bit into its PPM_RENAME_* bit"
}

@test "04.4 [1 pt] a bit that no RENAME_* flag has is dropped: NOREPLACE|0x8 is stored as 1" {
	expect_flag_numbers unknown_new=1 ||
		fail "renameat2_flags_to_scap keeps only the bits it knows, like every *_to_scap converter"
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
	done <<'EOF'
plain_new;flags=0;0
nr_new;flags=1(RENAME_NOREPLACE);RENAME_NOREPLACE
right;flags=2(RENAME_EXCHANGE);RENAME_EXCHANGE
both_new;flags=3(RENAME_NOREPLACE|RENAME_EXCHANGE);RENAME_NOREPLACE|RENAME_EXCHANGE
wx_new;flags=6(RENAME_EXCHANGE|RENAME_WHITEOUT);RENAME_EXCHANGE|RENAME_WHITEOUT
EOF
	if [[ $bad == 1 ]]; then
		diagnose
		if ! grep -F ' < renameat2 ' "$CAPTURE_DIR/lab04-renamer-text.txt" | grep -qvE ' flags=0$'; then
			echo ">>> every call stores flags=0, so there is no name to print: renameat2_flags_to_scap (04.4) first."
		fi
		fail "renameat2_flags (driver/flags_table.c) must name PPM_RENAME_NOREPLACE, _EXCHANGE and _WHITEOUT"
	fi
}
