# Helpers of the kernel module's tests (test/kmod/*.bats, and test/bats/*.bats
# when they run with SCAP_OPEN_ARGS=--kmod). Run them through
# scripts/kmod-run, which picks this machine or the VM.

KMOD_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# A lab's grader sets it to its system's module (labs/tools/grade.sh).
KMOD_KO=${KMOD_KO:-$KMOD_REPO/build/driver/$(uname -r)/scaplab.ko}

# kmod_load: load $KMOD_KO if it is not loaded. Another build of the module,
# loaded before (its srcversion, a hash of its sources, differs), goes first.
kmod_load() {
	[[ -r $KMOD_KO ]] || { echo "$KMOD_KO is missing: run make kmod" >&2; return 1; }
	if [[ -e /dev/scaplab0 ]]; then
		[[ $(cat /sys/module/scaplab/srcversion 2>/dev/null) == \
			"$(modinfo -F srcversion "$KMOD_KO" 2>/dev/null)" ]] && return 0
		rmmod scaplab || { echo "another scaplab module is loaded and in use" >&2; return 1; }
	fi
	insmod "$KMOD_KO"
}

# kmod_unload: unload it if it is loaded (and not in use).
kmod_unload() {
	if grep -q '^scaplab ' /proc/modules; then
		rmmod scaplab
	fi
}

# The kernel log lines that mean the kernel found a bug, ours or one we caused.
KMOD_DMESG_BAD='WARNING:|BUG:|Oops|KASAN|UBSAN|lockdep|possible recursive locking|suspicious RCU usage|general protection fault|sleeping function called from invalid context|scheduling while atomic|Call Trace:|stack-protector|refcount_t:|list_add corruption|list_del corruption|kernel tried to execute'

# dmesg_mark NAME: a line in the kernel log that dmesg_scan NAME starts after.
dmesg_mark() {
	echo "scaplab-test: begin $1" >/dev/kmsg
}

# dmesg_scan NAME: fail, printing them, if the kernel logged a bad line since
# dmesg_mark NAME.
dmesg_scan() {
	local since
	# The last line that ends with the marker (dmesg puts a timestamp before it).
	since=$(dmesg | awk -v m="scaplab-test: begin $1" \
		'substr($0, length($0) - length(m) + 1) == m { n = NR } END { print n + 0 }')
	local bad
	bad=$(dmesg | tail -n "+$((since + 1))" | grep -E "$KMOD_DMESG_BAD" || true)
	if [[ -n $bad ]]; then
		echo "the kernel log since '$1' began has lines that mean a kernel bug:" >&2
		dmesg | tail -n "+$((since + 1))" | head -n 60 >&2
		return 1
	fi
}
