#!/bin/bash
# A bats suite on the guest kernel, in two halves, so that the emulated CPU
# runs only what needs that kernel:
#
#   in the guest   every file's setup_file (the live captures) and the tests
#                  that run a driver themselves; the captures are copied out
#                  as they are made (SCAPLAB_CAPTURE_ONLY, test/bats/helpers.bash)
#   here           the tests of the files marked "guest-suite: checks on the
#                  host", on those captures (SCAPLAB_CHECK_ONLY)
#
# Under TCG a test that reads a capture with jq costs about 5 s; here, a
# tenth of that. Even a test that only skips costs 3.5 s there (bats forks
# and sources its file for each test), so the guest gets, for each file
# checked on the host, a stub (guest_stub): the file less its tests, plus
# one test, which bats needs to run setup_file at all. OUT.tap gets both halves as one TAP stream: the guest's
# lines (less the tests it left to this machine) then this machine's, under
# the plan of all the files, so that a test neither half ran counts as lost.
#
#   test/guest-suite.sh OUT.tap -- CMD [ARGS...] FILE.bats...
#   e.g. test/guest-suite.sh build/test/vm-bats.tap -- scripts/vm run -- bats --tap test/bats/io.bats
#
# CMD gets the .bats files at the end of its arguments, and the guest's
# TAP goes to OUT.d/guest.tap; this machine's to OUT.d/host.tap.
set -u
cd "$(dirname "$0")/.."
out=${1:?usage: test/guest-suite.sh OUT.tap -- CMD [ARGS...] FILE.bats...}
shift
[[ ${1:-} == -- ]] && shift
dir=$(realpath -m "${out%.tap}.d")
files=() host_files=()
declare -A on_host=()
for a in "$@"; do
	[[ $a == *.bats ]] || continue
	files+=("$a")
	grep -q '^# guest-suite: checks on the host' "$a" && host_files+=("$a") && on_host[$a]=1
done
[[ ${#files[@]} -gt 0 ]] || { echo "guest-suite: no .bats file among: $*" >&2; exit 2; }

# guest_stub FILE: write the guest's stub of FILE, and print its path. A
# test ends at the first "}" in column 0, as in every file here; `load X`
# becomes an absolute path, since the stub is not in FILE's directory.
guest_stub() {
	local stub
	stub=$dir/stubs/$(basename "$1")
	mkdir -p "$dir/stubs"
	awk -v from="$(realpath "$(dirname "$1")")" -v name="$(basename "$1" .bats)" '
		/^@test / { in_test = 1; next }
		in_test { if (/^}/) in_test = 0; next }
		/^load [^ \/"]+$/ { print "load \"" from "/" $2 "\""; next }
		{ print }
		END {
			print "setup() { :; }"
			print "@test \"guest-stub: " name ".bats: setup_file ran; its tests run on the host\" { :; }"
		}' "$1" >"$stub"
	echo "$stub"
}

run_guest() {
	rm -rf "$dir/captures"
	mkdir -p "$dir/captures"
	SCAPLAB_CAPTURE_ONLY=$dir/captures VM_RW=$dir/captures "$@" >"$dir/guest.tap" 2>&1
}

rm -rf "$dir"
guest_args=()
for a in "$@"; do
	if [[ -n ${on_host[$a]:-} ]]; then
		guest_args+=("$(guest_stub "$a")")
	else
		guest_args+=("$a")
	fi
done
run_guest "${guest_args[@]}"
# A guest that locked up (scripts/vm: it then panics, and its console's end
# is in guest.tap) runs once more: we have seen the emulator, not the code
# under test, hang a guest (scripts/vm, VM_TCG_THREAD). Said here, and the
# first run's log kept, so that a lockup of ours that comes back still fails.
if grep -q 'watchdog: BUG: soft lockup' "$dir/guest.tap"; then
	mv "$dir/guest.tap" "$dir/guest-lockup.log"
	echo "      guest-suite: the guest locked up: $(grep -m 1 -o 'soft lockup.*' "$dir/guest-lockup.log");" \
		"running the suite again, once (the first run: $dir/guest-lockup.log)" >&2
	run_guest "${guest_args[@]}"
fi
: >"$dir/host.tap"
if [[ ${#host_files[@]} -gt 0 ]]; then
	SCAPLAB_CHECK_ONLY=1 CAPTURE_DIR=$dir/captures bats --tap "${host_files[@]}" \
		>"$dir/host.tap" 2>&1
fi

{
	echo "1..$(bats --count "${files[@]}")"
	grep -v -e '^1\.\.[0-9]' -e ' # skip checked on the host' -e '^ok [0-9]* guest-stub: ' "$dir/guest.tap"
	grep -v '^1\.\.[0-9]' "$dir/host.tap" | sed -E 's/^(ok|not ok) ([0-9]+) /\1 \2 (checked on the host) /'
} >"$out"
