#!/usr/bin/env bats
# The legacy eBPF driver's own tests (bpf/, engine/bpf/), beyond the
# exact-parameter suite that runs against it with SCAP_OPEN_ARGS=--bpf:
# which probe it loads, what it says when it cannot, and parity with the
# modern driver on one run of the workload. Runs on the host (the CO-RE
# probe) and in the guest (the probe built with its headers).
#
#   bats test/bats/bpf.bats
#   scripts/vm run -- bats test/bats/bpf.bats

load helpers

setup() {
	require_tools
	HEADERS_PROBE=$REPO_ROOT/build/bpf/$(uname -r)/probe.o
	CORE_PROBE=$REPO_ROOT/build/bpf/core/probe.o
}

# bpf_capture OUT [ENV...]: scap-open --bpf on `true`, keeping stdout and stderr.
bpf_capture() {
	local out=$1
	shift
	mkdir -p "$CAPTURE_DIR"
	status=0
	env "$@" "$SCAP_OPEN" --bpf --json -s execve,close -- /bin/true \
		>"$CAPTURE_DIR/$out.json" 2>"$CAPTURE_DIR/$out.err" || status=$?
	echo "scap-open --bpf exited $status; its stderr ($CAPTURE_DIR/$out.err):"
	tail -n 5 "$CAPTURE_DIR/$out.err"
}

@test "bpf: every program of every probe built here keeps Linux 4.14's rules: 4096 instructions, no loop" {
	local probe n=0 rules=$REPO_ROOT/build/test/bpf_rules
	[[ -x $rules ]] || fail "$rules is missing: make -f test/test.mk bpf-rules"
	for probe in "$REPO_ROOT"/build/bpf/*/probe.o; do
		[[ -r $probe ]] || continue
		n=$((n + 1))
		run "$rules" "$probe"
		echo "--- $probe: $(grep -c '^ok' <<<"$output") programs keep them"
		grep -v '^ok' <<<"$output" || true
		[[ $status == 0 ]] || fail "these programs would not load on Linux 4.14 (test/bpf_rules/bpf_rules.c)"
	done
	[[ $n -gt 0 ]] || fail "no legacy probe is built (make bpf-probes)"
}

@test "bpf: every probe built for this kernel loads and captures true's close events" {
	local probe n tried=0
	for probe in "$HEADERS_PROBE" "$CORE_PROBE"; do
		[[ -r $probe ]] || continue
		# The CO-RE probe needs the kernel's BTF; without it, no use trying.
		[[ $probe != "$CORE_PROBE" || -r /sys/kernel/btf/vmlinux ]] || continue
		tried=$((tried + 1))
		echo "--- $probe"
		bpf_capture bpf-probe-$tried SCAPLAB_BPF_PROBE="$probe"
		expect_equal "exit status" "$status" 0
		n=$(jq -s '[.[] | select(.name == "close" and .dir == ">")] | length' \
			"$CAPTURE_DIR/bpf-probe-$tried.json")
		echo "close enter events: $n"
		[[ $n -gt 0 ]] || fail "no close event from $probe: does it have f_sys_close_e?"
	done
	[[ $tried -gt 0 ]] || fail "no probe for kernel $(uname -r) in build/bpf/: run make"
}

@test "bpf: a missing probe file is a clear error, not a crash" {
	bpf_capture bpf-missing SCAPLAB_BPF_PROBE=/nonexistent/probe.o
	[[ $status -ne 0 && $status -lt 128 ]] || fail "expected a clean failure, got $status"
	grep -q "cannot read the probe /nonexistent/probe.o" "$CAPTURE_DIR/bpf-missing.err" ||
		fail "the error does not name the missing file"
}

@test "bpf: a file that is not a BPF object is a clear error, not a crash" {
	local junk=$CAPTURE_DIR/not-a-probe.o
	mkdir -p "$CAPTURE_DIR"
	head -c 4096 /bin/true >"$junk"	# an ELF, cut short, and not for BPF
	bpf_capture bpf-junk SCAPLAB_BPF_PROBE="$junk"
	[[ $status -ne 0 && $status -lt 128 ]] || fail "expected a clean failure, got $status"
	grep -q "failed to open the probe $junk" "$CAPTURE_DIR/bpf-junk.err" ||
		fail "the error does not say which probe could not be opened"
}

@test "bpf: the legacy and the modern driver agree on every param of one workload run" {
	local dir
	dir=$(mktemp -d /tmp/parity.XXXXXX)
	PARITY_ENGINES="bpf modern_bpf" PARITY_OUT=$CAPTURE_DIR/parity-bpf \
		run "$REPO_ROOT/test/parity/parity.sh" all "$dir"
	rm -rf "$dir"
	echo "$output"
	# The summary line into the TAP stream, for make test's report.
	grep '^parity:' <<<"$output" | tail -n 1 | sed 's/^/# /' >&3 || true
	[[ $status == 0 ]]
}
