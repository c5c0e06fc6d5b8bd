#!/usr/bin/env bats
# The build on a machine that cannot build the modern eBPF probe (no clang,
# no bpftool, no BTF): libscap, the decoder and scap-open still build, and
# scap-open says which engines it has and why one is missing (mk/,
# modern_bpf/Makefile.inc, bpf/Makefile.inc, userspace/libscap/scap_engines.c).
#
#   make -f test/test.mk bats BATS_FILES=test/bats/build.bats

load helpers
bats_require_minimum_version 1.5.0

# One build for the whole file, in a folder of its own.
setup_file() {
	export NOBPF=$BATS_FILE_TMPDIR/nobpf
	make -C "$REPO_ROOT" -s BUILD="$NOBPF" CLANG=/nonexistent/clang \
		BPFTOOL=/nonexistent/bpftool VMLINUX_BTF=/nonexistent/btf \
		"$NOBPF/scap-open" >"$BATS_FILE_TMPDIR/build.log" 2>&1 || true
}

@test "build: with no clang, bpftool or BTF, scap-open still builds, without libbpf" {
	cat "$BATS_FILE_TMPDIR/build.log"
	[[ -x $NOBPF/scap-open ]] || fail "no scap-open was built (the build's log is above)"
	[[ ! -e $NOBPF/modern_bpf/probe.skel.h ]] || fail "the build made the probe's skeleton"
	run ldd "$NOBPF/scap-open"
	[[ $output != *libbpf* ]] || fail "scap-open links libbpf, which such a machine may lack"
}

@test "build: such a scap-open runs --help and says which engine is left out, and why" {
	run --separate-stderr "$NOBPF/scap-open" --help
	expect_equal "exit status" "$status" 0
	# The kmod engine needs no tools to build, only the module's devices to run;
	# the savefile engine is plain C.
	[[ $output == *"Engines in this build: kmod savefile"$'\n'* ]] ||
		fail "--help does not list the engines"
	[[ $output == *"Left out: modern_bpf (clang (/nonexistent/clang) was not found when libscap was built)"* ]] ||
		fail "--help does not say why modern_bpf is missing"
	[[ $output == *"Left out: bpf (clang (/nonexistent/clang) was not found when libscap was built)"* ]] ||
		fail "--help does not say why bpf is missing"
}

@test "build: --modern_bpf on such a build is one clear line, exit 1" {
	run --separate-stderr timeout 20 "$NOBPF/scap-open" --modern_bpf -n 1
	echo "stderr: $stderr"
	expect_equal "exit status" "$status" 1
	expect_equal "stderr" "$stderr" \
		"scap-open: the modern_bpf engine is not in this build: clang (/nonexistent/clang) was not found when libscap was built"
	expect_equal "stdout" "$output" ""
}

@test "build: the full build lists modern_bpf, kmod, savefile and bpf as built in" {
	[[ -x $SCAP_OPEN ]] || fail "$SCAP_OPEN is missing: run 'make' first"
	run "$SCAP_OPEN" --help
	[[ $output == *"Engines in this build: modern_bpf kmod savefile bpf"* ]] ||
		fail "modern_bpf, kmod, savefile and bpf are not listed"
	[[ $output != *"Left out:"* ]] || fail "an engine is left out of the full build"
}
