#!/bin/bash
# The kernel module's tests, as make test runs them (through scripts/kmod-run:
# natively where the running kernel loads modules, else in the VM):
#   the module's own tests (driver.bats), parity with the modern driver
#   (parity.bats), the modern driver's exact-parameter suite run against
#   --kmod, parity with Falco's own kmod (test/falco/falco.bats), and
#   make bench's part that runs here (bench.bats).
#   TAP on stdout.
#
#   scripts/kmod-run -- test/kmod/run.sh [BATS FILES...]
#   test/kmod/run.sh --files        the files it runs by default
set -u
cd "$(dirname "$0")/../.."
files=("$@")
# parity.bats last: it is the one that has hung in CI's guest (two drivers
# at once under TCG), and a reader stuck in the kernel keeps the module
# busy for every test after it.
[[ ${#files[@]} -gt 0 && $1 != --files ]] || files=(test/kmod/driver.bats
	test/bats/files.bats test/bats/autofill.bats test/bats/io.bats test/bats/network.bats test/bats/netio.bats
	test/bats/process.bats test/bats/errors.bats test/bats/privileged.bats test/bats/coverage.bats test/bats/containers.bats test/falco/falco.bats test/kmod/bench.bats test/kmod/parity.bats)
[[ ${1:-} == --files ]] && { echo "${files[@]}"; exit 0; }
SCAP_OPEN_ARGS=--kmod exec bats --tap "${files[@]}"
