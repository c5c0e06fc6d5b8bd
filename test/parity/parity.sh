#!/bin/bash
# Parity: two of our drivers capture ONE run of the workload at the same
# time, and every event of it must agree parameter for parameter
# (timestamps aside), thread by thread, in the same order.
#
#   PARITY_ENGINES="bpf modern_bpf" test/parity/parity.sh    on this machine
#   scripts/kmod-run -- test/parity/parity.sh                kmod and modern_bpf
#   scripts/vm run -- test/parity/parity.sh io /tmp/p        workload io /tmp/p
#   PARITY_SYSCALLS=openat,close ... test/parity/parity.sh files /tmp/p
#   PARITY_SNAPLEN=4096 ...                                  another snaplen
#
# PARITY_ENGINES: the two drivers, as scap-open's options name them
# (default "kmod modern_bpf"). With kmod: runs where the module loads (the
# VM), and loads it if it is not loaded. Keeps both captures and the
# differences in $PARITY_OUT (default /tmp/scaplab-parity): A.json, B.json,
# diff.txt. Prints "parity: N of M params agree in E event pairs" and exits
# 1 on any difference, on an event one driver has and the other has not, or
# on a drop.
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
out=${PARITY_OUT:-/tmp/scaplab-parity}
scap_open=$repo/build/scap-open
workload=$repo/build/test/workload
read -r a b <<<"${PARITY_ENGINES:-kmod modern_bpf}"

PARITY_NAME=parity
. "$repo/test/parity/parity_lib.bash"
die() { parity_die "$@"; }
[[ $(id -u) == 0 ]] || die "run as root"
[[ -x $scap_open && -x $workload ]] || die "build first: make all && make -f test/test.mk workload"
[[ -n $b && $a != "$b" ]] || die "PARITY_ENGINES must name two different drivers, not '${PARITY_ENGINES:-}'"
if [[ " $a $b " == *" kmod "* ]]; then
	parity_insmod "$repo/build/driver/$(uname -r)/scaplab.ko" /dev/scaplab0 "make kmod"
fi
if [[ $# -eq 0 ]]; then
	set -- all "$(mktemp -d /tmp/parity.XXXXXX)"
fi

rm -rf "$out"
mkdir -p "$out"
# Only the workload's programs (it runs /bin/true), so that neither reader
# prints the other's writes: each would capture the other's output, which
# would capture it again, without end.
filter=(-c workload -c true)
# execve too: the readiness marker below is seen through it.
[[ -n ${PARITY_SYSCALLS:-} ]] && filter+=(-s "$PARITY_SYSCALLS,execve")
[[ -n ${PARITY_SNAPLEN:-} ]] && filter+=(--snaplen "$PARITY_SNAPLEN")

# Both readers capture every process (the workload's tree is picked out
# below, by pid).
"$scap_open" "--$a" --json "${filter[@]}" >"$out/$a.json" 2>"$out/$a.err" &
apid=$!
"$scap_open" "--$b" --json "${filter[@]}" >"$out/$b.json" 2>"$out/$b.err" &
bpid=$!
# A reader must not outlive this script (it would keep the module in use).
trap 'kill -KILL $apid $bpid 2>/dev/null || true' EXIT
# Ready when both have written an event of the marker (true); a probe may
# take a minute to load on a busy machine under TCG.
ready_by=$((SECONDS + 180))
while ((SECONDS < ready_by)); do
	/bin/true
	[[ -s $out/$a.json && -s $out/$b.json ]] && break
	# One at a time: kill -0 with two pids succeeds while either lives.
	kill -0 "$apid" 2>/dev/null && kill -0 "$bpid" 2>/dev/null || break
	sleep 0.1
done
[[ -s $out/$a.json && -s $out/$b.json ]] ||
	die "a reader did not start: $(cat "$out/$a.err" "$out/$b.err")"

parity_run_workload "$out" "$apid" "$bpid" -- "$workload" "$@" ||
	die "the run did not end in time (what each process was doing is above)"
parity_quote_ts "$out/$a.json" "$out/$b.json"
for f in "$a" "$b"; do
	grep -q 'drops: 0 ' "$out/$f.err" || echo "parity: $f dropped events: $(grep drops "$out/$f.err")" >&2
done

jq -n -r --argjson root "$WPID" --arg kname "$a" --arg mname "$b" \
	--slurpfile k "$out/$a.json" --slurpfile m "$out/$b.json" -f "$repo/test/parity/parity.jq" \
	>"$out/diff.txt"
rc=$?
tail -n 1 "$out/diff.txt"
if [[ $rc != 0 ]] || ! grep -q ' 0 differ' "$out/diff.txt"; then
	head -n 40 "$out/diff.txt"
	exit 1
fi
grep -q 'drops: 0 ' "$out/$a.err" && grep -q 'drops: 0 ' "$out/$b.err" || exit 1
