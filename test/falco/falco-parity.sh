#!/bin/bash
# Against the real thing: our kernel module and Falco's own 2022 kmod
# (read by Debian's sysdig 0.29) capture ONE run of the workload at the
# same time. For every event of ours that Falco's module writes with the
# same schema, each param must be equal to Falco's, or differ exactly as a
# deliberate difference of test/falco/differences.json says.
#
#   scripts/kmod-run -- test/falco/falco-parity.sh        workload all, fresh dir
#   scripts/kmod-run -- test/falco/falco-parity.sh files /tmp/p
#
# Needs root, our module (make kmod), Falco's (make -f test/test.mk
# falco-kmod) and sysdig (scripts/setup.sh --test). Keeps everything in
# $FALCO_PARITY_OUT (default /tmp/scaplab-falco-parity): scaplab.json,
# falco.scap (sysdig's file) and falco.json (it, read by scap-open -r),
# diff.txt. Prints "falco parity: ..." and exits 1 on a difference that no
# rule explains, or on a drop.
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
out=${FALCO_PARITY_OUT:-/tmp/scaplab-falco-parity}
scap_open=$repo/build/scap-open
workload=$repo/build/test/workload
ours_ko=$repo/build/driver/$(uname -r)/scaplab.ko
falco_ko=$repo/build/falco/$(uname -r)/scap.ko

PARITY_NAME="falco parity"
. "$repo/test/parity/parity_lib.bash"
die() { parity_die "$@"; }
[[ $(id -u) == 0 ]] || die "run as root (in the VM: scripts/vm run -- $0)"
[[ -x $scap_open && -x $workload ]] || die "build first: make all && make -f test/test.mk workload"
command -v sysdig >/dev/null || die "sysdig is missing: scripts/setup.sh --test"
parity_insmod "$ours_ko" /dev/scaplab0 "make kmod"
parity_insmod "$falco_ko" /dev/scap0 "make -f test/test.mk falco-kmod"
if [[ $# -eq 0 ]]; then
	set -- all "$(mktemp -d /tmp/falco-parity.XXXXXX)"
fi

rm -rf "$out"
mkdir -p "$out"
# Only the workload's programs, in both: neither reader then captures the
# other's writes. Both keep 80 bytes of I/O data (sysdig's default).
"$scap_open" --kmod --json -c workload -c true -o "$out/scaplab.json" 2>"$out/scaplab.err" &
spid=$!
sysdig -w "$out/falco.scap" "proc.name=workload or proc.name=true" >"$out/sysdig.out" 2>&1 &
fpid=$!
# A reader must not outlive this script (it would keep the module in use).
trap 'kill -KILL $spid $fpid 2>/dev/null || true' EXIT

# Ours is ready when its marker (true) event is out. sysdig buffers its
# file, so it is taken as ready once it holds Falco's devices open, and
# the check after the run makes sure it saw the workload from its start.
ready=
ready_by=$((SECONDS + 180))
while ((SECONDS < ready_by)); do
	/bin/true
	# One at a time: kill -0 with two pids succeeds while either lives.
	kill -0 "$spid" 2>/dev/null && kill -0 "$fpid" 2>/dev/null || break
	if [[ -s $out/scaplab.json ]] && ls -l "/proc/$fpid/fd" 2>/dev/null | grep -q '/dev/scap0$'; then
		ready=1
		break
	fi
	sleep 0.1
done
[[ -n $ready ]] || die "a reader did not start: $(cat "$out/scaplab.err" "$out/sysdig.out")"
sleep 1

parity_run_workload "$out" "$spid" "$fpid" -- "$workload" "$@" ||
	die "the run did not end in time (what each process was doing is above)"

"$scap_open" -r "$out/falco.scap" --json -o "$out/falco.json" 2>"$out/falco.err" ||
	die "scap-open could not read sysdig's file: $(cat "$out/falco.err")"
parity_quote_ts "$out/scaplab.json" "$out/falco.json"
grep -q 'drops: 0 ' "$out/scaplab.err" || die "our module dropped events: $(grep drops "$out/scaplab.err")"
# sysdig says nothing of drops when writing a file: a drop shows as a
# missing event below.

jq -n -r --argjson root "$WPID" \
	--slurpfile s "$out/scaplab.json" --slurpfile f "$out/falco.json" \
	--slurpfile rules "$repo/test/falco/differences.json" \
	-f "$repo/test/falco/falco-parity.jq" >"$out/diff.txt"
rc=$?
tail -n 1 "$out/diff.txt"
if [[ $rc != 0 ]] || ! grep -q ' 0 undocumented' "$out/diff.txt"; then
	grep -v '^falco parity:' "$out/diff.txt" | head -n 40
	exit 1
fi
