# Helpers of the labs' graded tests. Load with
#   load ../../tools/lab_helpers
# It brings every helper of the system tests (test/bats/helpers.bash: capture,
# pair_by_exit, expect_params, ...) and these:
#   LAB_DIR, LAB_BUILD   the lab's folder and its build folder, where its test
#                        programs are (labs/NN-slug/tests/X.c -> $LAB_BUILD/tests/X)
#   lab_capture NAME PROGRAM ARGS...
#                        capture in setup_file, like `capture`, but of the
#                        lab's test program PROGRAM instead of the workload
#   grading EXERCISE...  true if the grader runs the checks of one of these
#                        exercises now (it runs a lab's exercises in their
#                        own systems, one at a time: GRADE_EXERCISES); for
#                        setup_file, to capture only what those checks read
# The grader (labs/tools/grade.sh) sets LAB_DIR, LAB_BUILD (the lab's system,
# build/labs/NN-slug), SCAP_OPEN and CAPTURE_DIR; running a test file by
# hand with bats works too, with the lab's system (make lab-system LAB=N).

LAB_DIR=${LAB_DIR:-$(cd "$BATS_TEST_DIRNAME/.." && pwd)}
LAB_BUILD=${LAB_BUILD:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/build/labs/$(basename "$LAB_DIR")}
# By hand too, the lab's system and its own captures, not the main build's.
SCAP_OPEN=${SCAP_OPEN:-$LAB_BUILD/scap-open}
CAPTURE_DIR=${CAPTURE_DIR:-$LAB_BUILD/captures}
export LAB_DIR LAB_BUILD SCAP_OPEN CAPTURE_DIR

load "$(dirname "${BASH_SOURCE[0]}")/../../test/bats/helpers"

grading() {
	local x
	[[ -z ${GRADE_EXERCISES:-} ]] && return 0
	for x in "$@"; do
		[[ " $GRADE_EXERCISES " == *" $x "* ]] && return 0
	done
	return 1
}

lab_capture() {
	local name=$1 program=$2
	shift 2
	[[ -x $LAB_BUILD/tests/$program ]] || {
		echo "$LAB_BUILD/tests/$program is missing: run 'make lab-system LAB=${LAB_DIR##*/}'" >&2
		return 0
	}
	WORKLOAD=$LAB_BUILD/tests/$program capture "$name" "$@"
}
