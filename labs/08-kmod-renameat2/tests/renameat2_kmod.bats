#!/usr/bin/env bats
# Lab 08, renameat2 in the kernel module: graded checks. Run them with
# `sudo make grade LAB=8`: the grader loads your module (build/labs/
# 08-kmod-renameat2/kmod/KVER/scaplab.ko) where modules load, natively or
# in the VM (scripts/kmod-run), and captures tests/renamer.c with
# scap-open --kmod. The renamer is lab 04's: nine renameat2 calls, each
# with a newpath of its own, which is how a check finds its events.

load ../../tools/lab_helpers
# KMOD_DMESG_BAD: the kernel log lines that mean a bug (kmod_log_clean).
load ../../../test/kmod/kmod

EXERCISE_CODE=([08.2]="kmod_renameat2_flags_to_scap() in driver/fillers/paths.c"
	[08.1]="FILLER(sys_renameat2_x) in driver/fillers/paths.c")

CALLS=9		# the calls of renamer.c

# Both captures in one go where the module loads (in the VM, one boot):
# the JSON one (the params as values) and the text one (the flags as
# "flags=3(...)"), each of the renamer in a fresh folder under /tmp.
setup_file() {
	in_kmod <<'CAPTURES'
kmod_capture lab08-renamer --json -- renamer
kmod_capture lab08-renamer-text --syscall renameat2 -- renamer
CAPTURES
}

# diagnose: what the kernel log and scap-open say about renameat2's exit
# events, once, before the first failure.
diagnose() {
	local once=$BATS_FILE_TMPDIR/diagnosed warn
	[[ -e $once ]] && { echo ">>> (the diagnosis is under the first failed check)"; return; }
	touch "$once"
	warn=$(grep -m1 'the filler of event .* stored .* params' "$CAPTURE_DIR/kmod.dmesg" 2>/dev/null || true)
	if [[ -n $warn ]]; then
		echo ">>> the kernel log says: ${warn#*] }"
		echo ">>> record_event() (driver/main.c) drops an exit event whose filler stored fewer"
		echo ">>> params than the schema lists (driver/event_table.c: renameat2's exit has 6)."
	fi
	grep -h 'drops' "$CAPTURE_ERR" 2>/dev/null | sed 's/^/>>> /'
}

# find_call NEWPATH: ENTER and EXIT of the renamer's call to NEWPATH.
find_call() {
	local cond
	cond=".tid == \$wpid and .params.newpath == $(jq -n --arg p "$1" '$p')"
	if [[ $(jq_events "[.[] | select(.name == \"renameat2\" and .dir == \"<\" and $cond)] | length") == 0 ]]; then
		diagnose
		fail "no renameat2 exit event of the renamer (pid $WPID) has newpath \"$1\""
	fi
	pair_by_exit renameat2 "$cond"
}

ANY_FLAGS='type == "string"'

# ---- 08.1 the exit filler ---------------------------------------------------

@test "08.1 [2 pts] the 9 exit events reach the reader, with the schema's six params" {
	use_capture lab08-renamer
	local n
	n=$(jq_events '[.[] | select(.name == "renameat2" and .dir == "<" and .tid == $wpid
		and (.params | keys_unsorted) == ["res","olddirfd","oldpath","newdirfd","newpath","flags"])] | length')
	echo "renameat2 exit events with the six params: $n, expected $CALLS"
	if [[ $n != "$CALLS" ]]; then
		diagnose
		fail "FILLER(sys_renameat2_x) in driver/fillers/paths.c must store every param of the schema, in its order"
	fi
}

@test "08.1 [2 pts] flags 0, AT_FDCWD on both sides: every param of both events" {
	use_capture lab08-renamer
	find_call plain_new
	expect_params "renameat2 >" "$ENTER" '{}'
	expect_params "renameat2 <" "$EXIT" \
		'{res: 0, olddirfd: -100, oldpath: "plain_old", newdirfd: -100, newpath: "plain_new",
		  flags: null}' flags "$ANY_FLAGS"
	expect_pid "renameat2 <" "$EXIT" "$WPID"
}

@test "08.1 [2 pts] a real dirfd (42): RENAME_NOREPLACE to a free name, RENAME_EXCHANGE 42 -> AT_FDCWD" {
	use_capture lab08-renamer
	find_call nr_new
	expect_params "renameat2 < (noreplace)" "$EXIT" \
		'{res: 0, olddirfd: 42, oldpath: "nr_old", newdirfd: 42, newpath: "nr_new",
		  flags: null}' flags "$ANY_FLAGS"
	find_call right
	expect_params "renameat2 < (exchange)" "$EXIT" \
		'{res: 0, olddirfd: 42, oldpath: "left", newdirfd: -100, newpath: "right",
		  flags: null}' flags "$ANY_FLAGS"
}

@test "08.1 [2 pts] failed calls keep every argument: EEXIST, ENOENT and three EINVAL" {
	use_capture lab08-renamer
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

@test "08.1 [1 pt] a name with a space and UTF-8 comes out byte for byte" {
	use_capture lab08-renamer
	find_call "ünïcødé ✓ name"
	expect_params "renameat2 <" "$EXIT" \
		'{res: 0, olddirfd: 42, oldpath: "with space", newdirfd: 42, newpath: "ünïcødé ✓ name",
		  flags: null}' flags "$ANY_FLAGS"
}

@test "08.1 [1 pt] the kernel log stays clean while the renamer is captured" {
	use_capture lab08-renamer
	if ! kmod_log_clean; then
		diagnose
		fail "the kernel logged a warning or a bug during the capture"
	fi
}

# ---- 08.2 the flags ----------------------------------------------------------

@test "08.2 [2 pts] flags: each RENAME_* bit becomes its PPM_RENAME_* bit, unknown bits are dropped" {
	local target raw want line got bad=0 rc
	rc=$(cat "$CAPTURE_DIR/lab08-renamer-text.rc" 2>/dev/null || echo "(not run)")
	[[ $rc == 0 ]] || { tail -n 15 "$CAPTURE_DIR/lab08-renamer-text.err"; fail "the text capture failed: rc $rc"; }
	while IFS=';' read -r target raw want; do
		# A relative newpath is followed by what it resolves to: "x(/tmp/d/x)".
		line=$(grep -F " < renameat2 " "$CAPTURE_DIR/lab08-renamer-text.txt" |
			grep -F -e " newpath=$target flags=" -e " newpath=$target(" | head -n 1)
		got=$(sed -nE 's/.* flags=([^( ]*).*/\1/p' <<<"$line")
		printf '  %-16s flags argument %-2s  expected %-2s  stored %s\n' "$target" "$raw" "$want" "${got:-(no event)}"
		[[ $got == "$want" ]] || bad=1
	done <<'CALLS'
plain_new;0;0
nr_new;1;1
taken;1;1
right;2;2
missing;2;2
both_new;3;3
wx_new;6;6
unknown_new;9;1
ünïcødé ✓ name;1;1
CALLS
	if [[ $bad == 1 ]]; then
		diagnose
		fail "kmod_renameat2_flags_to_scap() in driver/fillers/paths.c: RENAME_NOREPLACE (1), RENAME_EXCHANGE (2) and RENAME_WHITEOUT (4) become PPM_RENAME_NOREPLACE, _EXCHANGE, _WHITEOUT; 0x8 is no flag and is dropped"
	fi
}
