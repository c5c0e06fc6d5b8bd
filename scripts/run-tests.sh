#!/bin/sh
# Runs every test suite of the system and prints one closing line:
#   N passed, N failed
# Each suite writes TAP (build/test/*.tap); this script counts its "ok" and
# "not ok" lines. A suite that does not build, or whose binary dies before
# running all the tests its plan ("1..N") announced, counts as failures:
# a crash must never look like a pass.
#   scripts/run-tests.sh [docs] [unit] [fuzz] [bats] [bpf] [vm] [kmod] [labs] [replay]
#                                                   (default: all suites)
set -u
cd "$(dirname "$0")/.."
out=build/test
mkdir -p "$out"
passed=0
failed=0
began=$(date +%s)
recap=""	# one line per suite that failed, for the closing summary

# count_tap NAME FILE: add FILE's results to the totals and report them.
count_tap() {
	ok=$(grep -c '^ok ' "$2" || true)
	notok=$(grep -c '^not ok ' "$2" || true)
	plan=$(sed -n 's/^1\.\.\([0-9][0-9]*\).*/\1/p' "$2" | head -n 1)
	lost=0
	if [ -n "$plan" ] && [ "$plan" -gt $((ok + notok)) ]; then
		lost=$((plan - ok - notok))
	elif [ -z "$plan" ] && [ $((ok + notok)) -eq 0 ]; then
		lost=1		# nothing ran at all: one failure, not silence
	fi
	passed=$((passed + ok))
	failed=$((failed + notok + lost))
	printf '  %-32s %4d passed, %d failed%s\n' "$1" "$ok" $((notok + lost)) \
		"$([ "$lost" -gt 0 ] && echo " ($lost never ran: crashed? see $2)")"
	grep '^not ok ' "$2" | sed 's/^/      /'
	[ $((notok + lost)) -gt 0 ] &&
		recap="$recap  $1: $((notok + lost)) failed$([ "$lost" -gt 0 ] && echo ", $lost of them never ran"), $ok passed ($2)
$(failure_lines "$2")
"
	return 0
}

# failure_lines TAP: for the summary, the first failing tests, what the
# first one printed, and the runner's own word on why a run stopped: the
# "vm: ..." block of scripts/vm (a hang report or the guest's console end).
failure_lines() {
	{
		grep '^not ok ' "$1" | head -n 3
		awk '/^not ok / { n++; next } n == 1 && /^#/ { print; if (++k == 12) exit } n > 1 { exit }' "$1"
		grep -E '^(guest-suite|parity|bats): ' "$1" | head -n 4
		awk '/^vm: / { on = 1 } on { print; if (++k == 40) exit }' "$1"
	} | cut -c1-160 | sed 's/^/      /'
}

# The closing summary: what failed, in the last lines of the output (CI
# shows a run's end), and the machine, since a slow one explains timeouts.
summary() {
	took=$(($(date +%s) - began))
	printf 'summary: %dm%02ds on %s, %s CPUs, load %s, %s free under build/\n' \
		$((took / 60)) $((took % 60)) "$(uname -r)" "$(nproc)" \
		"$(cut -d' ' -f1-3 /proc/loadavg)" "$(df -h --output=avail "$out" | tail -n 1 | tr -d ' ')"
	printf '%s' "$recap"
}

# build_or_fail NAME CMD...: run a build step; a failure counts as one failed test.
build_or_fail() {
	name=$1; shift
	if ! "$@" > "$out/$name.build.log" 2>&1; then
		echo "  $name: BUILD FAILED, see $out/$name.build.log:"
		tail -n 20 "$out/$name.build.log" | sed 's/^/      /'
		failed=$((failed + 1))
		recap="$recap  $name: the build failed ($out/$name.build.log)
"
		return 1
	fi
}

run_unit() {
	echo "unit tests (cmocka; plain and ASan+UBSan):"
	build_or_fail unit make --no-print-directory -j"$(nproc)" -f test/unit.mk unit-build || return
	# By source, not by what is in build/: a removed test must not run from a stale binary.
	for bin in $(for src in test/unit/test_*.c; do
			name=$(basename "$src" .c)
			echo "build/test/unit/$name build/test/unit-asan/$name"
		done); do
		[ -x "$bin" ] || continue
		name=$(echo "$bin" | sed 's|build/test/||; s|/|:|')
		CMOCKA_MESSAGE_OUTPUT=TAP "$bin" > "$out/$(echo "$name" | tr : _).tap" 2>&1
		count_tap "$name" "$out/$(echo "$name" | tr : _).tap"
	done
}

run_bats() {
	echo "integration tests (bats, live capture with the modern eBPF driver):"
	build_or_fail workload make --no-print-directory -f test/test.mk workload || return
	make --no-print-directory -f test/test.mk bats > "$out/bats.log" 2>&1
	count_tap bats "$out/bats.tap"
}

# The labs: every grader passes on the reference and fails on its starter
# (labs/tools/lab-check.sh, also `make lab-check`).
run_labs() {
	# The replay grades every lab, starter and done, and links every lab's
	# system: beside it, lab-check needs to grade none.
	case " $suites " in
	*" replay "*)
		echo "labs (make lab-check: the labs themselves and make lab-start; the replay grades them):"
		set -- --beside-replay ;;
	*)
		echo "labs (make lab-check: graders on the reference and on the starters):"
		set -- ;;
	esac
	build_or_fail lab-tools make --no-print-directory lab-tools || return
	labs/tools/lab-check.sh "$@" > "$out/labs.tap" 2>&1
	count_tap labs "$out/labs.tap"
}

# A student release done lab by lab in the stated order, graded after
# each step (labs/tools/replay.sh, also `make replay`). One round here
# (each lab graded at least once as a starter and once done), where make
# replay does five, which also catches a check that passes by chance:
# REPLAY_ROUNDS=5 for the same. Its cost is the 24 real grades (300 s on
# one of our 2-CPU machines, 671 s on one where a syscall costs 7 times
# more); proving that the other 132 would not change takes 44 s: most
# from the dependency files alone, 13 by linking again (that took 812 s
# on the slow machine when every one was a link).
run_replay() {
	echo "labs (make replay: a student release done in order, graded after each step):"
	labs/tools/replay.sh --rounds "${REPLAY_ROUNDS:-1}" > "$out/replay.tap" 2>&1
	count_tap replay "$out/replay.tap"
	sed -n '/^# | lab /,/^# (=:/p' "$out/replay.tap" | sed 's/^# /      /'
}

# Every path, link, function and make target the docs name exists.
# A bounded fuzzing run (make fuzz runs longer): a crash is a failure.
run_fuzz() {
	echo "fuzzers (libFuzzer on the decoder and on the capture file reader, ${FUZZ_SECONDS:-20} s each):"
	rm -f "$out/fuzz.tap"
	make --no-print-directory -f test/unit.mk fuzz FUZZ_SECONDS="${FUZZ_SECONDS:-20}" \
		> "$out/fuzz.log" 2>&1
	[ -s "$out/fuzz.tap" ] || { echo "1..1"; echo "not ok 1 - the fuzzer did not build or run: see $out/fuzz.log"; } > "$out/fuzz.tap"
	count_tap fuzz "$out/fuzz.tap"
}

# The modern driver's live tests again, on a second kernel: Debian's, in
# QEMU (scripts/vm); the runner's own tests (vm.bats) are in the bats
# suite. In the guest, by default, the exact-parameter files, whose checks
# run here (test/guest-suite.sh): about 4 minutes, 2.5 of them in the
# guest. VM_BATS_FILES="test/bats/*.bats" runs them all.
run_vm() {
	echo "VM (scripts/vm: Debian's kernel in QEMU):"
	build_or_fail workload make --no-print-directory -f test/test.mk workload \
		build/test/scap_api || return
	# shellcheck disable=SC2086
	VM_TIMEOUT=900 test/guest-suite.sh "$out/vm-bats.tap" -- scripts/vm run -- bats --tap \
		${VM_BATS_FILES:-test/bats/files.bats test/bats/autofill.bats test/bats/io.bats test/bats/network.bats test/bats/netio.bats \
		test/bats/process.bats test/bats/errors.bats test/bats/privileged.bats test/bats/coverage.bats}
	count_tap "bats in the guest ($(scripts/vm info | sed -n 's/^kernel: \([^ ]*\).*/\1/p'))" \
		"$out/vm-bats.tap"
}

# The kernel module: its own tests, parity with the modern driver, and the
# modern driver's exact-parameter suite against --kmod (test/kmod/run.sh),
# natively where this kernel loads modules, else in the VM (scripts/kmod-run).
run_kmod() {
	echo "kernel module (test/kmod/run.sh, $(scripts/kmod-run where)):"
	build_or_fail kmod make --no-print-directory kmod || return
	build_or_fail kmod-tests make --no-print-directory -f test/test.mk kmod-tests || return
	# Falco's 2022 module builds for Debian 12's kernel (the VM's), not for
	# every newer one: without it, test/falco/falco.bats says why and skips
	# (fails in CI).
	make --no-print-directory -f test/test.mk falco-kmod > "$out/falco-kmod.log" 2>&1 ||
		echo "      Falco's kmod did not build (see $out/falco-kmod.log)"
	# shellcheck disable=SC2046
	VM_TIMEOUT=900 test/guest-suite.sh "$out/kmod.tap" -- scripts/kmod-run -- test/kmod/run.sh \
		$(test/kmod/run.sh --files)
	count_tap kmod "$out/kmod.tap"
	sed -n 's/^# \(falco \)\{0,1\}parity:/      \1parity:/p' "$out/kmod.tap"
}

run_docs() {
	echo "docs (scripts/check-docs.sh: what the READMEs name exists):"
	scripts/check-docs.sh > "$out/docs.tap" 2>&1
	count_tap docs "$out/docs.tap"
}

# The legacy eBPF driver (bpf/): the exact-parameter suite and the burst
# with --bpf, on this machine (its CO-RE probe, or the one built with this
# kernel's headers), then the same and its own tests (bpf.bats, which the
# bats suite runs here) in the guest, with the probe built against the
# guest kernel's headers.
BPF_BATS_FILES="test/bats/files.bats test/bats/autofill.bats test/bats/io.bats test/bats/network.bats test/bats/netio.bats
	test/bats/process.bats test/bats/errors.bats test/bats/privileged.bats test/bats/coverage.bats test/bats/containers.bats test/bats/burst.bats"
run_bpf() {
	echo "legacy eBPF driver (scap-open --bpf: here, then in the guest):"
	build_or_fail workload make --no-print-directory -f test/test.mk workload bpf-rules || return
	# shellcheck disable=SC2086
	SCAP_OPEN_ARGS=--bpf bats --tap $BPF_BATS_FILES > "$out/bpf-bats.tap" 2>&1
	count_tap "bats --bpf" "$out/bpf-bats.tap"
	# shellcheck disable=SC2086
	VM_TIMEOUT=900 test/guest-suite.sh "$out/vm-bpf-bats.tap" -- scripts/vm run -- \
		env SCAP_OPEN_ARGS=--bpf bats --tap $BPF_BATS_FILES test/bats/bpf.bats
	count_tap "bats --bpf in the guest ($(scripts/vm info | sed -n 's/^kernel: \([^ ]*\).*/\1/p'))" \
		"$out/vm-bpf-bats.tap"
}

suites=${*:-docs unit fuzz bats bpf vm kmod labs replay}
echo "build:"
# Both builds in parallel: each compiles dozens of files that need nothing
# of each other, and a failure still shows its compiler's lines.
if build_or_fail build make --no-print-directory -j"$(nproc)" all; then
	echo "  build                            ok"
else
	suites="docs unit fuzz"	# the live tests need the build; these do not
fi
for s in $suites; do
	start=$(date +%s)
	case $s in
	unit) run_unit ;;
	fuzz) run_fuzz ;;
	vm) run_vm ;;
	kmod) run_kmod ;;
	bats) run_bats ;;
	bpf) run_bpf ;;
	labs) run_labs ;;
	replay) run_replay ;;
	docs) run_docs ;;
	*) echo "run-tests: unknown suite '$s' (docs, unit, fuzz, bats, bpf, vm, kmod, labs, replay)" >&2; exit 2 ;;
	esac
	# What each suite costs, for whoever wants make test shorter.
	took=$(($(date +%s) - start))
	printf '      (%s: %dm%02ds)\n' "$s" $((took / 60)) $((took % 60))
done

summary
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
