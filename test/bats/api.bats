#!/usr/bin/env bats
# libscap's API contracts (userspace/libscap/scap.h), on the real modern_bpf
# engine: test/api/scap_api.c prints one TAP line per check.
#
#   make -f test/test.mk bats BATS_FILES=test/bats/api.bats

load helpers
bats_require_minimum_version 1.5.0

setup() {
	require_tools
}

@test "api: NULL handles, wrong modes and engine parameters, SCAP_STOPPED, two handles" {
	run timeout 60 "$REPO_ROOT/build/test/scap_api"
	echo "$output"
	expect_equal "exit status" "$status" 0
	local plan oks
	plan=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' <<<"$output")
	oks=$(grep -c '^ok ' <<<"$output")
	[[ -n $plan && $oks == "$plan" ]] || fail "$oks checks passed of a plan of '$plan': one did not run"
}
