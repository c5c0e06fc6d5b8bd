#!/usr/bin/env bats
# make bench's kernel module part (scripts/bench-drivers.sh) works: a short
# run of our kmod and Falco's 2022 kmod on a getppid loop gives a row per
# driver with a cost above no capture. That it works, not timing: under
# TCG the figures mean little, and make bench runs it longer.
#
#   scripts/kmod-run -- bats test/kmod/bench.bats

load kmod

FALCO_KO=$KMOD_REPO/build/falco/$(uname -r)/scap.ko

setup() {
	dmesg_mark "$BATS_TEST_NAME"
	kmod_load
}

teardown() {
	[[ -e /dev/scap0 ]] && rmmod scap
	dmesg_scan "$BATS_TEST_NAME"
}

@test "bench: our kmod and Falco's, one short round: a row each, costs above no capture" {
	local modes="kmod falco" tsv=$BATS_TEST_TMPDIR/drivers.tsv
	# As falco.bats: without Falco's module, ours alone, except in CI.
	[[ -r $FALCO_KO || ${CI:-} == true ]] || modes=kmod
	run "$KMOD_REPO/scripts/bench-drivers.sh" ROUNDS=1 N=5000 MODES="$modes" OUT="$tsv"
	echo "$output"
	[[ $status == 0 ]]
	cat "$tsv"
	for m in $modes none; do
		grep -q "^$m	" "$tsv" || { echo "no row for $m"; return 1; }
	done
	# The overhead column of every driver's row: a number above 0.
	awk -F'\t' 'NR > 1 && $1 != "none" && !($3 > 0) { print "no cost for " $1; bad = 1 }
		END { exit bad }' "$tsv"
	# What make bench's report makes of it.
	sed 's/^/# /' "$tsv" >&3
}
