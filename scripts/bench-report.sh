#!/bin/bash
# The figures of make bench, from its samples (scripts/bench.sh):
#
#   scripts/bench-report.sh [DIR]     DIR/samples.tsv and throughput.tsv ->
#                                     DIR/results.json, results.md,
#                                     overhead.png, drops.png
#
# Per mode and workload, medians over the rounds of: ns per op; overhead
# over the same round's "none"; that overhead as a multiple of the floor's
# in the same round (floor-ring; floor-perf for bpf, the legacy driver);
# events per second delivered while the loops ran; the reader's CPU per
# event; and the drops summed over the rounds.
set -euo pipefail
dir=${1:-build/bench}
[[ -s $dir/samples.tsv ]] || { echo "bench-report: no $dir/samples.tsv: run make bench" >&2; exit 1; }

awk -F'\t' '
function median(list,   v, n, i, j, t) {
	n = split(list, v, " ")
	for (i = 2; i <= n; i++)	# insertion sort: a handful of rounds
		for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
	return n ? (n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2) : "-"
}
NR == 1 { next }
{
	r = $1; m = $2; w = $3
	ns[r, m, w] = $4; secs[r, m, w] = $5; ev[r, m, w] = $6; dr[r, m, w] = $7
	cpu[r, m, w] = $8; k[w] = $9; if ($10 + 0 > ops[m, w]) ops[m, w] = $10 + 0
	if (!(m in seen_m)) { seen_m[m] = 1; modes[++nm] = m }
	if (!(w in seen_w)) { seen_w[w] = 1; works[++nw] = w }
	if (!(r in seen_r)) { seen_r[r] = 1; rounds[++nr] = r }
}
END {
	OFS = "\t"; OFMT = "%.4f"
	print "mode", "workload", "syscalls_per_op", "rounds", "ns_per_op", "overhead_ns", "x_floor",
		"events_per_s", "drops", "events", "reader_ns_per_event", "ops_per_loop"
	for (i = 1; i <= nm; i++) for (j = 1; j <= nw; j++) {
		m = modes[i]; w = works[j]; fl = (m == "bpf") ? "floor-perf" : "floor-ring"
		l_ns = l_ovh = l_x = l_eps = l_cpu = ""; n = 0; drops = "-"; events = 0
		for (q = 1; q <= nr; q++) {
			r = rounds[q]
			if (!((r, m, w) in ns) || !((r, "none", w) in ns)) continue
			n++
			base = ns[r, "none", w]; o = ns[r, m, w] - base
			l_ns = l_ns " " ns[r, m, w]; l_ovh = l_ovh " " o
			if ((r, fl, w) in ns && ns[r, fl, w] - base > 0)
				l_x = l_x " " o / (ns[r, fl, w] - base)
			if (ev[r, m, w] != "-" && secs[r, m, w] > 0) {
				l_eps = l_eps " " ev[r, m, w] / secs[r, m, w]; events += ev[r, m, w]
				if (ev[r, m, w] > 0) l_cpu = l_cpu " " cpu[r, m, w] / ev[r, m, w]
			}
			if (dr[r, m, w] != "-") drops += dr[r, m, w]
		}
		if (!n) continue
		print m, w, k[w], n, median(l_ns), (m == "none" ? 0 : median(l_ovh)),
			(m == "none" || l_x == "" ? "-" : median(l_x)),
			(l_eps == "" ? "-" : median(l_eps)), (drops == "-" ? "-" : drops),
			(l_eps == "" ? "-" : events), (l_cpu == "" ? "-" : median(l_cpu)),
			(ops[m, w] ? ops[m, w] : "-")
	}
}' "$dir/samples.tsv" >"$dir/results.tsv"

# tsv_json FILE: a TSV with a header line as a JSON array of objects,
# numbers as numbers, "-" as null.
tsv_json() {
	jq -R -s 'split("\n") | map(select(length > 0) | split("\t")) | .[0] as $keys | .[1:] |
		map([$keys, .] | transpose | map({key: .[0],
			value: (.[1] as $v | if $v == "-" then null else ($v | tonumber? // $v) end)}) | from_entries)' "$1"
}

# The throughput part (scripts/bench-throughput.sh): drops as a share of
# what was made, per buffer size; the highest rate with none.
tp=$dir/throughput.tsv
[[ -s $tp ]] || printf 'test\tmode\tbuffer_mib\trate_asked\trate_made\tevents\tdrops\n' >"$tp"
# The kernel modules' part (scripts/bench-drivers.sh, in the VM): may be absent.
drv=$dir/drivers.tsv
[[ -s $drv ]] || drv=/dev/null
jq -n --arg machine "$(cat "$dir/machine.txt" 2>/dev/null)" \
	--slurpfile ops <(tsv_json "$dir/results.tsv") --slurpfile tp <(tsv_json "$tp") \
	--slurpfile drv <(if [[ -s $drv ]]; then tsv_json "$drv"; else echo '[]'; fi) \
	--slurpfile st <(if [[ -s $dir/bpf_stats.tsv ]]; then tsv_json "$dir/bpf_stats.tsv"; else echo '[]'; fi) '{
	machine: $machine,
	ops: $ops[0],
	bpf_stats: $st[0],
	kmods: $drv[0],
	buffer: [$tp[0][] | select(.test == "buffer") | del(.test, .rate_asked) |
		.drop_pct = (if (.events + .drops) > 0 then 100 * .drops / (.events + .drops) else null end)],
	sustained: [$tp[0][] | select(.test == "sustained") |
		{mode, buffer_mib, calls_per_s: .rate_made, limited_by: .drops}]
}' >"$dir/results.json"

# The table, by workload, modes in the order of their cost.
{
	echo "| workload | mode | ns per op | overhead ns | x floor | events/s | drops | reader ns/event |"
	echo "|---|---|---:|---:|---:|---:|---:|---:|"
	jq -r '.ops | group_by(.workload)[] | sort_by(.overhead_ns)[] |
		def f(d): if . == null then "-" else (. * d | round / d | tostring) end;
		"| \(.workload) | \(.mode) | \(.ns_per_op | f(1)) | \(.overhead_ns | f(1)) | \(.x_floor | f(100)) | \(.events_per_s | f(1)) | \(.drops // "-") | \(.reader_ns_per_event | f(10)) |"' \
		"$dir/results.json"
	echo
	echo "x floor: overhead over no tracing, as a multiple of floor-ring's (floor-perf's for bpf)."
	echo
	echo "| mode | buffer per CPU | calls/s made (2 producers) | events read | dropped |"
	echo "|---|---:|---:|---:|---:|"
	jq -r '.buffer[] | "| \(.mode) | \(.buffer_mib) MiB | \(.rate_made) | \(.events) | \(.drops) (\(.drop_pct // 0 | . * 100 | round / 100)%) |"' \
		"$dir/results.json"
	echo
	echo "| mode | highest getppid rate with no drop, 8 MiB per CPU (calls/s; 2 events each) | the next step up was stopped by |"
	echo "|---|---:|---|"
	jq -r '.sustained[] | "| \(.mode) | \(.calls_per_s) | \(.limited_by // "-") |"' "$dir/results.json"
	echo
	if [[ $(jq '.bpf_stats | length' "$dir/results.json") -gt 0 ]]; then
		echo "Time in the BPF programs themselves (bpf_stats; a filler's time is in its dispatcher's):"
		echo
		echo "| workload | mode | program | runs per op | ns per run | BPF ns per op |"
		echo "|---|---|---|---:|---:|---:|"
		jq -r '.bpf_stats | sort_by(.workload, .mode)[] |
			"| \(.workload) | \(.mode) | \(.program) | \(.runs_per_op) | \(.ns_per_run) | \(.ns_per_op) |"' \
			"$dir/results.json"
		echo
	fi
	if [[ $(jq '.kmods | length' "$dir/results.json") -gt 0 ]]; then
		echo "The kernel modules, in Debian's 6.1 under QEMU (TCG: compare the ratios), getppid loop:"
		echo
		echo "| driver | ns per call | overhead ns | x no capture | x Falco's kmod (overhead) | drops per round |"
		echo "|---|---:|---:|---:|---:|---|"
		jq -r '([.kmods[] | select(.mode == "falco") | .overhead_ns][0]) as $f
			| {none: "no capture", kmod: "our kmod", falco: "Falco'"'"'s 2022 kmod, read by sysdig"} as $name
			| .kmods | sort_by(.overhead_ns) | .[] |
			"| \($name[.mode] // .mode) | \(.ns_per_call) | \(.overhead_ns) | \(.x_baseline) | \(if $f and $f > 0 and .mode != "none" then (.overhead_ns / $f * 100 | round / 100 | tostring) else "-" end) | \(.drops_per_round // "-") |"' \
			"$dir/results.json"
		echo
	fi
	if [[ -s $dir/filter.tsv ]]; then
		echo "The filter engine on one core (scripts/bench-filter.sh): a filter of five checks"
		echo "on a capture file's events; the state's own cost per event apart:"
		echo
		echo "| file | filter | events | state ns/event | filter ns/event | filter events/s |"
		echo "|---|---|---:|---:|---:|---:|"
		tail -n +2 "$dir/filter.tsv" | awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %.1f M |\n", $1, $2, $3, $4, $5, $6 / 1e6 }'
		echo
	fi
	cat "$dir/machine.txt" 2>/dev/null || true
} >"$dir/results.md"

# The plots (gnuplot from Debian; without it, the table and JSON only).
# overhead.png: the overhead as a multiple of the floor, a bar per mode and
# workload; drops.png: drops against buffer size, a line per mode.
plot_overhead() {
	jq -r '[.ops[] | select(.x_floor != null)] | (map(.workload) | unique) as $w |
		(["mode"] + $w | join("\t")),
		(group_by(.mode)[] | . as $g | [$g[0].mode] +
			($w | map(. as $x | ($g[] | select(.workload == $x) | .x_floor) // "-" | tostring)) | join("\t"))' \
		"$dir/results.json" >"$dir/overhead.dat"
	gnuplot <<EOF
set terminal pngcairo size 900,480 noenhanced
set output "$dir/overhead.png"
set title "Overhead per operation over no tracing, as a multiple of the floor (log scale)"
set style data histogram
set style histogram cluster gap 1
set style fill solid border -1
set datafile missing "-"
set logscale y
set yrange [0.05:*]
set ylabel "x floor"
set xtics rotate by -30
set key top left
plot for [c=2:*] "$dir/overhead.dat" using c:xtic(1) title columnhead
EOF
}

plot_drops() {
	jq -r '.buffer | group_by(.mode)[] | (.[0].mode | "\"\(.)\""),
		(.[] | "\(.buffer_mib) \(.drop_pct // 0)"), "", ""' "$dir/results.json" >"$dir/drops.dat"
	gnuplot <<EOF
set terminal pngcairo size 700,420 noenhanced
set output "$dir/drops.png"
set title "Events dropped with two producers, by buffer size per CPU"
set logscale x 2
set xlabel "MiB per CPU"
set ylabel "% of events dropped"
set key top right
plot for [i=0:*] "$dir/drops.dat" index i using 1:2 with linespoints title columnheader(1)
EOF
}

if ! command -v gnuplot >/dev/null; then
	echo "bench-report: no gnuplot (apt-get install gnuplot-nox): no plots" >&2
else
	plot_overhead || echo "bench-report: the overhead plot failed (gnuplot above)" >&2
	if [[ $(jq '.buffer | length' "$dir/results.json") -gt 0 ]]; then
		plot_drops || echo "bench-report: the drops plot failed (gnuplot above)" >&2
	fi
fi
cat "$dir/results.md"
