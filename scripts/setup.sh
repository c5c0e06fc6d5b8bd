#!/bin/sh
# Installs what scaplab needs and prepares the kernel interfaces.
#   scripts/setup.sh          what building and running need
#   scripts/setup.sh --test   the test tools too, and the VM's (scripts/vm)
#   scripts/setup.sh --vm     the VM's
#   scripts/setup.sh --bench  the tracers make bench compares, and gnuplot
#   scripts/setup.sh --grade  as --test; without root, only checks nothing
#                             is missing (a lab with reference captures is
#                             graded without a driver: labs/tools/grade.sh)
# Run by `make run` and `make test`; safe to run again (it only does what is missing).
set -eu

build_pkgs="make gcc clang llvm libbpf-dev bpftool libelf-dev zlib1g-dev pkg-config linux-libc-dev libyaml-dev"
# sysdig: the reader of Falco's own kmod, which test/falco/ compares ours with
# (installed without its recommended falcosecurity-scap-dkms: see test/falco/falco.mk)
# make bench: the tracers it compares ours with, jq and gnuplot for its report
bench_pkgs="strace bpftrace linux-perf jq gnuplot-nox"
test_pkgs="bats bats-assert bats-support libcmocka-dev libclang-rt-14-dev xxd sysdig $bench_pkgs"
# scripts/vm: Debian's kernel in QEMU (the tests run a second kernel there);
# gdb reads an oops's RIP as a line of the module's source (lab 09)
vm_pkgs="qemu-system-x86 busybox-static linux-image-amd64 linux-headers-amd64 xz-utils gdb"

pkgs=$build_pkgs
target=run
user_ok=
if [ "${1:-}" = "--test" ] || [ "${1:-}" = "--grade" ]; then
	pkgs="$pkgs $test_pkgs $vm_pkgs"
	target=test
	[ "$1" = "--test" ] || { target=grade; user_ok=1; }
elif [ "${1:-}" = "--vm" ]; then
	pkgs="$pkgs $vm_pkgs"
	target=vm
elif [ "${1:-}" = "--bench" ]; then
	pkgs="$pkgs $bench_pkgs"
	target=bench
fi

die() { echo "setup: $*" >&2; exit 1; }

missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ "$(id -u)" != 0 ]; then
	[ -n "$user_ok" ] || die "needs root to install packages and mount tracefs: run 'sudo make $target'"
	[ -z "$missing" ] || die "needs root to install$missing: run 'sudo make $target'"
	exit 0
fi
if [ -n "$missing" ]; then
	command -v apt-get >/dev/null || die "apt-get not found; install these yourself:$missing"
	echo "setup: installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null || die "apt-get update failed"
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >/dev/null \
		|| die "apt-get install failed for:$missing"
fi

# tracefs: bpf_printk's trace_pipe and bpftrace use it (the modern probe itself does not).
if ! mountpoint -q /sys/kernel/tracing 2>/dev/null; then
	mount -t tracefs nodev /sys/kernel/tracing 2>/dev/null \
		|| die "cannot mount tracefs on /sys/kernel/tracing (is CONFIG_TRACING off, or are we in a container without CAP_SYS_ADMIN?)"
fi

[ -r /sys/kernel/btf/vmlinux ] \
	|| die "this kernel has no BTF (/sys/kernel/btf/vmlinux): the modern eBPF driver needs a kernel built with CONFIG_DEBUG_INFO_BTF=y"
exit 0
