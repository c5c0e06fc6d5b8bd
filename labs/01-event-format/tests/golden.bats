#!/usr/bin/env bats
# Lab 01, the event format: the golden checks. Run them with `make grade LAB=1`.
#
# Each case is a pair in golden/: NAME.hex, the bytes given to the decoder
# (real events captured by golden_capture.c, and edited copies of them, with
# a comment at each edited byte), and NAME.expected, what golden_decode
# prints for them with the reference decoder: the decoded view (each param's
# place in the event and its value) or the error message. A case passes when
# your decoder prints exactly that.
#
# The checks of 01.2 and 01.3 start the decoder at their own step
# (golden_decode --from lengths / --from params): the steps before it are a
# plain read of the bytes, so each exercise is graded on its own code.

load ../../tools/lab_helpers

EXERCISE_CODE=([01.1]="decode_header() in userspace/libscap/scap_event.c"
	[01.2]="decode_lengths() in userspace/libscap/scap_event.c"
	[01.3]="decode_params() in userspace/libscap/scap_event.c")

GOLDEN=$LAB_DIR/tests/golden
DECODE=$LAB_BUILD/tests/golden_decode

# check_golden WHERE CASE...: run golden_decode on each golden/CASE.hex,
# from the step WHERE is (decode_header: the whole decoder), and compare
# with golden/CASE.expected. On a mismatch, show the first wrong case: what
# it is, expected vs got, and its bytes field by field.
check_golden() {
	local where=$1 c out rc first="" first_out="" wrong=() from=()
	shift
	case $where in
	decode_lengths) from=(--from lengths) ;;
	decode_params) from=(--from params) ;;
	esac
	[[ -x $DECODE ]] || fail "$DECODE is missing: run 'make lab-tools'"
	for c in "$@"; do
		[[ -r $GOLDEN/$c.hex && -r $GOLDEN/$c.expected ]] || fail "golden/$c.hex or .expected is missing"
		# A decoder that loops (on a huge nparams, say) must not hang the grader.
		rc=0
		out=$(timeout 10 "$DECODE" "${from[@]}" "$GOLDEN/$c.hex" 2>&1) || rc=$?
		if [[ $rc == 124 ]]; then
			out+=$'\n'"timeout: the decoder did not return within 10 s"
		fi
		if [[ $out != "$(cat "$GOLDEN/$c.expected")" ]]; then
			wrong+=("$c")
			[[ -n $first ]] || first=$c first_out=$out
		fi
	done
	[[ ${#wrong[@]} == 0 ]] && return 0

	echo "${#wrong[@]} of $# cases wrong: ${wrong[*]}. The first, golden/$first.hex:"
	sed -n '/^# ----/q; /^# header/q; s/^# /  /p' "$GOLDEN/$first.hex"
	echo "expected (- lines) and what your decoder gave (+ lines):"
	diff -u --label expected --label yours "$GOLDEN/$first.expected" - <<<"$first_out" |
		tail -n +3 | sed 's/^/  /'
	"$DECODE" --annotate "$GOLDEN/$first.hex" | sed 's/^/  /'
	[[ ${#from[@]} == 0 ]] ||
		echo "(the steps before $where were a plain read of the bytes: golden_decode ${from[*]})"
	fail "see $where() in userspace/libscap/scap_event.c"
}

@test "01.1 [1 pt] golden: a buffer shorter than a header is refused, and not read past its end" {
	check_golden decode_header short_buffer empty_buffer
}

@test "01.1 [2 pts] golden: the header's len must hold a header and fit in the buffer" {
	check_golden decode_header len_past_buffer len_below_header
}

@test "01.1 [1 pt] golden: a type the schema does not know is refused (a gap, past the table)" {
	check_golden decode_header type_unknown type_past_table
}

@test "01.1 [1 pt] golden: nparams must be the schema's, even when it is huge" {
	check_golden decode_header nparams_wrong nparams_huge
}

@test "01.2 [1 pt] golden: the length array must end inside the event" {
	check_golden decode_lengths array_past_len
}

@test "01.2 [2 pts] golden: each length must fit in what is left of the event" {
	check_golden decode_lengths last_param_past_end length_ffff lengths_wrap_u16
}

@test "01.2 [1 pt] golden: the lengths must fill the event exactly" {
	check_golden decode_lengths params_short_of_len pipe_e_trailing
}

@test "01.2 [1 pt] golden: an event with no params decodes" {
	check_golden decode_lengths pipe_e
}

@test "01.2 [1 pt] golden: an event longer than 64 KiB decodes (the running offset is no u16)" {
	check_golden decode_lengths openat_x_64k
}

@test "01.3 [2 pts] golden: real events decode to the right bytes (fds, strings, flags, buffers, tuples)" {
	check_golden decode_params openat_x write_x connect_x kill_e generic_e close_e two_events
}

@test "01.3 [1 pt] golden: an empty string and an absent param are valid" {
	check_golden decode_params openat_x_empty_name
}

@test "01.3 [1 pt] golden: a fixed-size param must have its type's size" {
	check_golden decode_params fd_short sig_long
}

@test "01.3 [1 pt] golden: strings and socket addresses are checked (check_contents)" {
	check_golden decode_params name_no_nul tuple_short
}

@test "01.3 [1 pt] golden: past byte 65535 of a long event, each param points at its own bytes" {
	check_golden decode_params openat_x_64k
}
