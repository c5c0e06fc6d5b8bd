#!/usr/bin/env bats
# make install, and a program outside the repository built on it
# (mk/install.mk, examples/shadow-monitor/): the installed tree holds the
# library, the public headers only and a pkg-config file; the example,
# copied out of the repository, builds with pkg-config alone and raises
# its alert on a live capture.
#
#   make -f test/test.mk bats BATS_FILES=test/bats/install.bats

load helpers

setup_file() {
	export INST=$BATS_FILE_TMPDIR/prefix APP=$BATS_FILE_TMPDIR/app
	make -C "$REPO_ROOT" --no-print-directory -s install PREFIX="$INST" \
		>"$BATS_FILE_TMPDIR/install.log" 2>&1 || echo $? >"$BATS_FILE_TMPDIR/install.rc"
}

setup() {
	[[ ! -s $BATS_FILE_TMPDIR/install.rc ]] ||
		{ cat "$BATS_FILE_TMPDIR/install.log"; fail "make install failed"; }
}

@test "install: the library, the public headers only, and scaplab.pc" {
	local got
	[[ -s $INST/lib/libscaplab.a ]] || fail "no $INST/lib/libscaplab.a"
	got=$(cd "$INST/include/scaplab" && ls | xargs)
	expect_equal "public headers" "$got" \
		"ppm_events_public.h ppm_flags.h ppm_sc.h scap.h scap_event.h scap_flags.h scap_schema.h scap_strbuf.h sinsp.h sinsp_filter.h"
	run env PKG_CONFIG_PATH="$INST/lib/pkgconfig" pkg-config --cflags --libs scaplab
	[[ $status == 0 ]] || fail "pkg-config: $output"
	[[ $output == "-I$INST/include -L$INST/lib -lscaplab "* ]] || fail "pkg-config says: $output"
}

@test "install: each public header compiles alone, from <scaplab/...>" {
	local h
	for h in "$INST"/include/scaplab/*.h; do
		echo "#include <scaplab/$(basename "$h")>" |
			cc -Wall -Wextra -Werror -I"$INST/include" -x c -fsyntax-only - ||
			fail "<scaplab/$(basename "$h")> does not compile alone"
	done
}

@test "install: the example monitor, out of the repository, builds with pkg-config and alerts on /etc/shadow" {
	cp -r "$REPO_ROOT/examples/shadow-monitor" "$APP"
	rm -f "$APP/monitor"
	run env PKG_CONFIG_PATH="$INST/lib/pkgconfig" make -C "$APP"
	[[ $status == 0 ]] || fail "the example did not build: $output"
	[[ $output != *"$REPO_ROOT"* ]] || fail "its build points into the repository: $output"
	"$APP/monitor" 20 >"$APP/alerts" 2>"$APP/err" &
	local mon=$! reader="" relative=""
	for _ in $(seq 100); do
		grep -q 'watching' "$APP/err" && break
		sleep 0.1
	done
	grep -q 'watching' "$APP/err" || { kill "$mon"; cat "$APP/err"; fail "the monitor did not start"; }
	cat /etc/shadow >/dev/null &
	reader=$!
	wait "$reader"
	# A relative path: the monitor knows the cwd from the state (libsinsp).
	(cd /etc && exec cat shadow >/dev/null) &
	relative=$!
	wait "$relative"
	cat /etc/hostname >/dev/null
	for _ in $(seq 50); do
		grep -q "pid $relative," "$APP/alerts" && break
		sleep 0.1
	done
	kill -INT "$mon"
	wait_bounded "$mon" 30 "$APP/stopped" || true
	cat "$APP/alerts" "$APP/err"
	# Its fd is the lowest free one: bats's own open fds move it.
	expect_equal "alerts for cat (pid $reader)" \
		"$(grep -cE "^ALERT cat \(pid $reader, parent [^)]+\) opened /etc/shadow \(openat, fd [0-9]+, O_RDONLY\)$" "$APP/alerts")" 1
	expect_equal "alerts for cat shadow in /etc (pid $relative)" \
		"$(grep -cE "^ALERT cat \(pid $relative, parent [^)]+\) opened /etc/shadow \(" "$APP/alerts")" 1
	expect_equal "alerts in all (only /etc/shadow was opened by a test)" "$(grep -c '^ALERT' "$APP/alerts")" 2
}
