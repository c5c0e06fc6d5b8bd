#!/bin/bash
# How fast is -r? scap-open and sysdig read the same large capture file to
# /dev/null, interleaved, ROUNDS times each; prints events/s and MB/s.
#
#   scripts/bench-savefile.sh [SIZE_MB] [ROUNDS]      default 1024 MB, 3 rounds
#   SCAP_OPEN_BEFORE=/tmp/scap-open.old scripts/bench-savefile.sh
#                                     another scap-open in the same rounds
#
# The file is test/data/scaplab-modern-6.18.scap with its events repeated
# until it is SIZE_MB large (build/bench/big.scap, kept for the next run).
# Each read starts with the file in the page cache (it is read once
# before), so this measures the readers, not the disk; `dd` of the same
# file gives the page cache's own speed for comparison.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
size_mb=${1:-1024}
rounds=${2:-3}
src=$repo/test/data/scaplab-modern-6.18.scap
big=$repo/build/bench/big-${size_mb}m.scap
scap_open=$repo/build/scap-open

[[ -x $scap_open ]] || { echo "bench-savefile: run make first" >&2; exit 1; }
command -v sysdig >/dev/null || { echo "bench-savefile: sysdig is missing (make setup-test)" >&2; exit 1; }

# A u32 of the file at a byte offset (little-endian, as the file is).
u32_at() { od -An -tu4 -j "$2" -N4 "$1" | tr -d ' '; }

# The head: the blocks before the first event block (type 0x216, 534).
head_bytes() {
	local off=0 type len
	while :; do
		type=$(u32_at "$1" "$off")
		[[ $type == 534 ]] && break
		len=$(u32_at "$1" $((off + 4)))
		off=$((off + len))
	done
	echo "$off"
}

if [[ ! -s $big ]]; then
	mkdir -p "$(dirname "$big")"
	h=$(head_bytes "$src")
	head -c "$h" "$src" >"$big"
	tail -c +"$((h + 1))" "$src" >"$big.events"
	while (($(stat -c %s "$big") < size_mb * 1024 * 1024)); do
		cat "$big.events" >>"$big"
	done
	rm -f "$big.events"
fi
bytes=$(stat -c %s "$big")
events=$("$scap_open" -r "$big" -q 2>&1 | sed -n 's/.* events counted of \([0-9]*\) read.*/\1/p')
echo "file: $big, $((bytes / 1024 / 1024)) MB, $events events"
cat "$big" >/dev/null	# into the page cache

secs() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }
report() { printf '%-28s %6.2f s  %10.0f events/s  %7.0f MB/s\n' "$1" "$2" \
	"$(echo "$events / $2" | bc -l)" "$(echo "$bytes / 1048576 / $2" | bc -l)"; }

for r in $(seq "$rounds"); do
	echo "round $r:"
	report "dd (the page cache)" "$(secs dd if="$big" of=/dev/null bs=1M)"
	report "scap-open -r -q" "$(secs "$scap_open" -r "$big" -q)"
	report "scap-open -r (text)" "$(secs "$scap_open" -r "$big")"
	report "scap-open -r --json" "$(secs "$scap_open" -r "$big" --json)"
	if [[ -n ${SCAP_OPEN_BEFORE:-} ]]; then
		report "before: -r (text)" "$(secs "$SCAP_OPEN_BEFORE" -r "$big")"
		report "before: -r --json" "$(secs "$SCAP_OPEN_BEFORE" -r "$big" --json)"
	fi
	report "sysdig -r (text)" "$(secs sysdig -r "$big")"
done
