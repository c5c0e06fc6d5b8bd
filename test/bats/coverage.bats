#!/usr/bin/env bats
# Coverage: every syscall that driver/syscall_table.c gives an event pair
# of its own (121 on x86_64: those Falco's 2022 driver gives one) makes
# that pair, both ways and with its params, in a capture of
# `workload all` and `workload autofill`. Run with each driver
# (SCAP_OPEN_ARGS=--kmod, --bpf, or the modern one), it is the coverage
# table of the three: each test's TAP comment says how many were seen.
# The exact params are the other files' checks (autofill.bats, files.bats, ...).
#
#   make -f test/test.mk bats BATS_FILES=test/bats/coverage.bats

# guest-suite: checks on the host. Its tests only read captures: in a run
# on the guest kernel, test/guest-suite.sh runs them outside the guest.
load helpers

SYSCALL_EVENTS=$REPO_ROOT/build/test/syscall_events

setup_file() {
	fresh_dir coverage.all
	capture coverage.all all "$D"
	fresh_dir coverage.autofill
	capture coverage.autofill autofill "$D"
}

setup() {
	[[ -x $SYSCALL_EVENTS ]] || fail "$SYSCALL_EVENTS is missing: make -f test/test.mk bats builds it"
	use_capture coverage.autofill
	use_capture coverage.all
}

@test "coverage: the schema gives 121 syscalls an event pair of their own, as Falco 2022 on x86_64" {
	expect_equal "syscalls with their own events (build/test/syscall_events)" \
		"$("$SYSCALL_EVENTS" | wc -l)" 121
}

@test "coverage: each of them made its own enter and exit event in the two captures" {
	local names missing seen
	names=$("$SYSCALL_EVENTS" | jq -R 'split(" ") | {syscall: .[0], event: .[1]}' | jq -sc .)
	# The events of both captures with params of their own (not the generic pair's ID).
	seen=$(jq -c 'select(.params | has("ID") | not) | .dir + .name' \
		"$CAPTURE_DIR/coverage.all.json" "$CAPTURE_DIR/coverage.autofill.json" | sort -u | jq -sc .)
	missing=$(jq -rn --argjson names "$names" --argjson seen "$seen" '
		[$names[] | . as $n
		 | select(($seen | any(. == ">" + $n.event)) and ($seen | any(. == "<" + $n.event)) | not)
		 | "\($n.syscall) (event \($n.event))"] | join(", ")')
	echo "# coverage: $(jq length <<<"$names") syscalls, $(jq '[.[].event] | unique | length' <<<"$names") event pairs${SCAP_OPEN_ARGS:+ with $SCAP_OPEN_ARGS}; not seen both ways: ${missing:-none}" >&3
	[[ -z $missing ]] || fail "no enter and exit event of their own for: $missing"
}

@test "coverage: both workloads did what they must, and no event was dropped" {
	local name
	for name in coverage.all coverage.autofill; do
		use_capture "$name"
		[[ $CAPTURE_RC == 0 ]] || { cat "$CAPTURE_ERR"; fail "$name: scap-open or the workload failed: $CAPTURE_RC"; }
		grep -q 'drops: 0 ' "$CAPTURE_ERR" || fail "$name: $(grep drops: "$CAPTURE_ERR")"
	done
}
