#!/bin/sh
# `make doctor`: can this machine build and run scaplab? Each check prints
#   [ ok ] what            the fact found
#   [FAIL] what            what is wrong
#          fix: ...        exactly what to install or change
#   [warn] what            works, with a limit worth knowing
# and the script exits 1 if any check failed. It changes nothing.
#
# The paths it reads can be redirected (for its own tests, or to ask about
# another root): SCAPLAB_SYSFS (default /sys), SCAPLAB_PROC (default /proc).
set -u

sys=${SCAPLAB_SYSFS:-/sys}
proc=${SCAPLAB_PROC:-/proc}
failed=0

ok() { printf '[ ok ] %s\n' "$*"; }
warn() { printf '[warn] %s\n' "$1"; shift; for l in "$@"; do printf '       %s\n' "$l"; done; }
fail() {
	printf '[FAIL] %s\n' "$1"
	printf '       fix: %s\n' "$2"
	failed=1
}

# "6.1.0-13-amd64" -> 601 (major * 100 + minor)
version_code() { echo "$1" | awk -F'[.-]' '{ print $1 * 100 + $2 }'; }

# ---- the kernel ----------------------------------------------------------

release=$(uname -r)
# The fillers use bpf_loop(), in the kernel since 5.17.
if [ "$(version_code "$release")" -ge 517 ]; then
	ok "kernel $release (the modern eBPF driver needs 5.17 or newer)"
else
	fail "kernel $release is older than 5.17, which the modern eBPF driver needs (bpf_loop)" \
		"boot a newer kernel, e.g. Debian 12's linux-image-amd64 (6.1)"
fi

if [ -r "$sys/kernel/btf/vmlinux" ]; then
	ok "BTF at $sys/kernel/btf/vmlinux (CO-RE and tp_btf programs)"
else
	fail "no BTF: $sys/kernel/btf/vmlinux is missing" \
		"use a kernel built with CONFIG_DEBUG_INFO_BTF=y (Debian and Ubuntu kernels are)"
fi

if grep -q " $sys/kernel/tracing tracefs" "$proc/mounts" 2>/dev/null; then
	ok "tracefs mounted on $sys/kernel/tracing (bpf_printk's trace_pipe, bpftrace)"
else
	fail "tracefs is not mounted on $sys/kernel/tracing" \
		"sudo mount -t tracefs nodev /sys/kernel/tracing   (make setup does it)"
fi

# ---- privileges ------------------------------------------------------------

# CapEff is a hex mask; CAP_PERFMON is bit 38, CAP_BPF bit 39.
capeff=$(awk '/^CapEff:/ { print $2 }' "$proc/self/status" 2>/dev/null)
has_bpf_caps=no
if [ -n "$capeff" ]; then
	high=$(( 0x$capeff >> 38 & 3 ))
	[ "$high" -eq 3 ] && has_bpf_caps=yes
fi
if [ "$(id -u)" = 0 ]; then
	ok "running as root"
	# The docs write "sudo make grade": as root without sudo, leave it out.
	command -v sudo >/dev/null 2>&1 ||
		warn "sudo is not installed; you are root, so run the commands of the docs without it" \
			"e.g. make grade LAB=0 for sudo make grade LAB=0"
elif [ "$has_bpf_caps" = yes ]; then
	ok "CAP_BPF and CAP_PERFMON in the effective set"
else
	fail "not root, and without CAP_BPF + CAP_PERFMON: BPF programs cannot be loaded" \
		"run scaplab's commands with sudo (sudo make doctor, sudo make run)"
fi

# ---- the toolchain -----------------------------------------------------------

check_tool() {	# NAME PACKAGE MIN_MAJOR VERSION_CMD...
	name=$1 pkg=$2 min=$3
	shift 3
	if ! command -v "$name" >/dev/null 2>&1; then
		fail "$name is not installed" "sudo apt-get install $pkg   (make setup does it)"
		return
	fi
	v=$("$@" 2>/dev/null | grep -oE '[0-9]+\.[0-9]+(\.[0-9]+)?' | head -n 1)
	major=${v%%.*}
	if [ -n "$min" ] && [ -n "$major" ] && [ "$major" -lt "$min" ]; then
		fail "$name $v is older than $min" "install $name $min or newer ($pkg)"
	else
		ok "$name ${v:-(version unknown)}"
	fi
}

check_tool clang clang 12 clang --version
check_tool bpftool bpftool 7 bpftool version
check_tool gcc gcc "" gcc -dumpfullversion

if pkg-config --exists libbpf 2>/dev/null; then
	v=$(pkg-config --modversion libbpf)
	if [ "${v%%.*}" -ge 1 ]; then
		ok "libbpf $v (headers and library)"
	else
		fail "libbpf $v is older than 1.0" "install libbpf-dev 1.0 or newer"
	fi
else
	fail "libbpf's headers are not installed" "sudo apt-get install libbpf-dev   (make setup does it)"
fi

# ---- the kernel module -----------------------------------------------------

# The kmod needs a kernel that loads modules and its headers; where the
# running kernel cannot, a Debian kernel in QEMU can (make vm).
if [ -e "$proc/modules" ]; then
	if [ -d "/lib/modules/$release/build" ]; then
		ok "this kernel loads modules, and its headers are in /lib/modules/$release/build"
	else
		warn "this kernel loads modules, but its headers are missing (needed to build the kmod)" \
			"fix: sudo apt-get install linux-headers-$release"
	fi
elif command -v qemu-system-x86_64 >/dev/null && [ -x /bin/busybox ] && ! ldd /bin/busybox >/dev/null 2>&1 &&
	vm_kernel=$(dpkg-query -W -f='${Depends}' linux-image-amd64 2>/dev/null) && [ -n "$vm_kernel" ]; then
	vm_kernel=${vm_kernel%% *}
	vm_kernel=${vm_kernel#linux-image-}
	if [ -d "/lib/modules/$vm_kernel/build" ]; then
		ok "this kernel cannot load modules; the kmod runs in a QEMU guest instead (scripts/kmod-run, make vm: $vm_kernel)"
	else
		warn "this kernel cannot load modules, and the guest kernel's headers are missing (the kmod is built for $vm_kernel)" \
			"fix: sudo apt-get install linux-headers-amd64   (make setup --vm does it)"
	fi
else
	warn "this kernel cannot load modules ($proc/modules is missing): the kmod runs in a QEMU guest" \
		"needs: sudo scripts/setup.sh --vm   (qemu-system-x86, busybox-static, linux-image-amd64, linux-headers-amd64)"
fi

if [ "$failed" -eq 0 ]; then
	echo "doctor: this machine can build and run scaplab's eBPF drivers."
else
	echo "doctor: fix the [FAIL] lines above, then run 'make doctor' again."
fi
exit "$failed"
