#!/bin/bash
# Parity: the kernel module and the modern eBPF driver capture ONE run of the
# workload at the same time, and every event of it must agree parameter for
# parameter (timestamps aside), thread by thread, in the same order.
#
#   scripts/vm run -- test/kmod/parity.sh                 workload all, fresh dir
#   scripts/vm run -- test/kmod/parity.sh io /tmp/p       workload io /tmp/p
#   PARITY_SYSCALLS=openat,close scripts/vm run -- test/kmod/parity.sh files /tmp/p
#   PARITY_SNAPLEN=4096 ...                               another snaplen
#
# Runs as root where the module loads (the VM); loads it if it is not loaded.
# Keeps both captures and the differences in $PARITY_OUT (default
# /tmp/scaplab-parity): kmod.json, modern_bpf.json, diff.txt.
# Prints "parity: A of B params agree in E event pairs" and exits 1 on any
# difference, on an event one driver has and the other has not, or on a drop.
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
out=${PARITY_OUT:-/tmp/scaplab-parity}
scap_open=$repo/build/scap-open
workload=$repo/build/test/workload
ko=$repo/build/driver/$(uname -r)/scaplab.ko

PARITY_NAME=parity
. "$repo/test/kmod/parity_lib.bash"
die() { parity_die "$@"; }
[[ $(id -u) == 0 ]] || die "run as root (in the VM: scripts/vm run -- $0)"
[[ -x $scap_open && -x $workload ]] || die "build first: make all && make -f test/test.mk workload"
parity_insmod "$ko" /dev/scaplab0 "make kmod"
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
"$scap_open" --kmod --json "${filter[@]}" >"$out/kmod.json" 2>"$out/kmod.err" &
kpid=$!
"$scap_open" --modern_bpf --json "${filter[@]}" >"$out/modern_bpf.json" 2>"$out/modern_bpf.err" &
mpid=$!
# Ready when both have written an event of the marker (true); the modern
# probe may take a minute to load on a busy machine under TCG.
for _ in $(seq 1800); do
	/bin/true
	[[ -s $out/kmod.json && -s $out/modern_bpf.json ]] && break
	kill -0 "$kpid" "$mpid" 2>/dev/null || break
	sleep 0.1
done
[[ -s $out/kmod.json && -s $out/modern_bpf.json ]] ||
	die "a reader did not start: $(cat "$out/kmod.err" "$out/modern_bpf.err")"

parity_run_workload "$out" "$kpid" "$mpid" -- "$workload" "$@"
parity_quote_ts "$out/kmod.json" "$out/modern_bpf.json"
for f in kmod modern_bpf; do
	grep -q 'drops: 0 ' "$out/$f.err" || echo "parity: $f dropped events: $(grep drops "$out/$f.err")" >&2
done

jq -n -r --argjson root "$WPID" \
	--slurpfile k "$out/kmod.json" --slurpfile m "$out/modern_bpf.json" -f "$repo/test/kmod/parity.jq" \
	>"$out/diff.txt"
rc=$?
tail -n 1 "$out/diff.txt"
if [[ $rc != 0 ]] || ! grep -q ' 0 differ' "$out/diff.txt"; then
	head -n 40 "$out/diff.txt"
	exit 1
fi
grep -q 'drops: 0 ' "$out/kmod.err" && grep -q 'drops: 0 ' "$out/modern_bpf.err" || exit 1
