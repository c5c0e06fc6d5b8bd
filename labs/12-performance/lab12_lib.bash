# shellcheck shell=bash
# What measure.sh and the lab's grader (tests/performance.bats) must agree
# on, in one place. Sourced by both.

# measure_check < LINES: the checksum measure.sh prints under its lines
# ("LABEL.check"): of the lines, sorted (they may be pasted in any
# order), after a fixed first line.
measure_check() {
	{ echo 'scaplab lab 12'; cat; } | LC_ALL=C sort | sha256sum | cut -c1-12
}

# listen_scratch_users: while a scap-open of this lab runs, which of its
# listen_e and listen_x still hold the scratch map (auxiliary_maps), as
# bpftool shows them: their names, or nothing. The newest programs of
# those names are that scap-open's. Fails, saying why on stderr, unless
# both are loaded.
listen_scratch_users() {
	local aux progs n
	aux=$(bpftool -j map show | jq -c '[.[] | select(.name == "auxiliary_maps") | .id]')
	progs=$(bpftool -j prog show | jq -c '[.[] | select(.name == "listen_e" or .name == "listen_x")]
		| sort_by(.id) | .[-2:]')
	n=$(jq length <<<"$progs")
	if [[ $n != 2 ]]; then
		echo "bpftool shows $n loaded programs named listen_e or listen_x, not 2: the loader finds a filler by its name" >&2
		return 1
	fi
	jq -r --argjson aux "$aux" '.[] | select((.map_ids // []) | any(. as $m | $aux | index($m))) | .name' \
		<<<"$progs" | xargs
}
