#!/bin/bash
# make bench's part for the filter engine (libsinsp/sinsp_filter.h): how
# many events a second a filter of five checks judges, on one core, over
# the events of the capture files in test/data (test/bench/filter_rate.c).
#
#   scripts/bench-filter.sh OUT_DIR      -> OUT_DIR/filter.tsv
set -euo pipefail
out=${1:?usage: bench-filter.sh OUT_DIR}
tool=build/test/bench/filter_rate
[[ -x $tool ]] || make --no-print-directory -s -f test/test.mk "$tool"
# typical: the cheap evt.type check first spares the rest for most events;
# every: no check fails before the last, so all five are read for every event.
filters=(
	"typical	evt.type in (open, openat, openat2) and evt.dir = < and fd.name startswith /etc and not proc.name in (cat, sshd) and evt.failed = false"
	"every	proc.name != nosuch and proc.cmdline != x and thread.tid > 0 and proc.pname != nosuch and fd.name != /nosuch"
)
printf 'file\tfilter\tevents\tstate_ns\tfilter_ns\tfilter_events_per_s\n' >"$out/filter.tsv"
for file in test/data/falco-kmod-2022.scap test/data/scaplab-modern-6.18.scap; do
	for f in "${filters[@]}"; do
		line=$(taskset -c 1 "$tool" "$file" "${f#*	}" 1)
		get() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$line"; }
		printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(basename "$file")" "${f%%	*}" "$(get events)" \
			"$(get state_ns)" "$(get filter_ns)" "$(get filter_events_per_s)" >>"$out/filter.tsv"
	done
done
