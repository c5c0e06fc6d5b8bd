# shellcheck shell=bash
# For the graders of labs graded with the kernel module (labs/NN-slug/lab.env:
# LAB_DRIVER=kmod). Their captures need a kernel that loads the module; their
# checks do not. So setup_file hands the captures to in_kmod (lab_helpers.bash),
# which runs them in one go where the module loads (scripts/kmod-run: here, or
# in the VM, one boot), with this file sourced; the checks then read the
# captures here, where jq and bats run at full speed.
#
#   kmod_capture NAME SCAP_OPEN_ARGS... -- PROGRAM ARGS...
#       run PROGRAM (a test program of the lab, $LAB_BUILD/tests/PROGRAM)
#       with a fresh folder under /tmp as its first argument, under
#       scap-open --kmod SCAP_OPEN_ARGS; keep its output, stderr and exit
#       status in $CAPTURE_DIR/NAME.{json or txt,err,rc}
#   kmod_run NAME CMD ARGS...
#       run CMD (any program: a test program of the lab, scap-open on
#       build/test/workload, ...) and keep its output, stderr and exit
#       status in $CAPTURE_DIR/NAME.{out,err,rc}
#
# The kernel log of all the captures goes to $CAPTURE_DIR/kmod.dmesg.

# shellcheck source=test/kmod/kmod.bash
. "$(dirname "${BASH_SOURCE[0]}")/../../test/kmod/kmod.bash"

kmod_capture() {
	local name=$1 out d rc=0
	local -a opts=()
	shift
	while [[ $# -gt 0 && $1 != -- ]]; do
		opts+=("$1")
		shift
	done
	shift
	out=$CAPTURE_DIR/$name.txt
	[[ " ${opts[*]} " == *" --json "* ]] && out=$CAPTURE_DIR/$name.json
	# In /tmp: in the VM, $CAPTURE_DIR is this machine's over 9p, whose
	# rename knows no flag, for one.
	d=$(mktemp -d "/tmp/$name.XXXXXX")
	"$SCAP_OPEN" --kmod "${opts[@]}" -- "$LAB_BUILD/tests/$1" "$d" "${@:2}" >"$out" \
		2>"$CAPTURE_DIR/$name.err" || rc=$?
	echo "$rc" >"$CAPTURE_DIR/$name.rc"
	[[ $out != *.json ]] || sed -i -E 's/^\{"ts":([0-9]+),/{"ts":"\1",/' "$out"
}

kmod_run() {
	local name=$1 rc=0
	shift
	"$@" >"$CAPTURE_DIR/$name.out" 2>"$CAPTURE_DIR/$name.err" || rc=$?
	echo "$rc" >"$CAPTURE_DIR/$name.rc"
}
