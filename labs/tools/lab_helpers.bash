# Helpers of the labs' graded tests. Load with
#   load ../../tools/lab_helpers
# It brings every helper of the system tests (test/bats/helpers.bash: capture,
# pair_by_exit, expect_params, ...) and these:
#   LAB_DIR, LAB_BUILD   the lab's folder and its build folder, where its test
#                        programs are (labs/NN-slug/tests/X.c -> $LAB_BUILD/tests/X)
#   lab_capture NAME PROGRAM ARGS...
#                        capture in setup_file, like `capture`, but of the
#                        lab's test program PROGRAM instead of the workload
# The grader (labs/tools/grade.sh) sets LAB_DIR and LAB_BUILD; running a test
# file by hand with bats works too.

load "$(dirname "${BASH_SOURCE[0]}")/../../test/bats/helpers"

LAB_DIR=${LAB_DIR:-$(cd "$BATS_TEST_DIRNAME/.." && pwd)}
LAB_BUILD=${LAB_BUILD:-$REPO_ROOT/build/labs/$(basename "$LAB_DIR")}
export LAB_DIR LAB_BUILD

lab_capture() {
	local name=$1 program=$2
	shift 2
	[[ -x $LAB_BUILD/tests/$program ]] || {
		echo "$LAB_BUILD/tests/$program is missing: run 'make lab-tools'" >&2
		return 0
	}
	WORKLOAD=$LAB_BUILD/tests/$program capture "$name" "$@"
}
