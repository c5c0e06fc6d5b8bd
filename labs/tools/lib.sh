# shellcheck shell=bash
# Shared by lab.sh, grade.sh and lab-check.sh: finding labs and their markers.
# Source it from the repository's root directory.

CARVE=${CARVE:-build/labs/tools/carve}

die() {
	echo "$*" >&2
	exit 2
}

# lab_dir LAB: print labs/NN-slug for LAB, given as "2", "02", "02-reader-merge"
# or "reader-merge"; die listing the labs if there is no such lab.
lab_dir() {
	local want=$1 d n
	[[ -n $want ]] || die "which lab? say LAB=N, e.g. make grade LAB=2 (labs: $(lab_list))"
	for d in labs/[0-9][0-9]-*/; do
		d=${d%/}
		n=${d#labs/}
		if [[ $want == "$n" || $want == "${n#??-}" || $want == "${n%%-*}" ||
			($want =~ ^[0-9]$ && "0$want" == "${n%%-*}") ]]; then
			echo "$d"
			return
		fi
	done
	die "no lab '$want'; the labs are: $(lab_list)"
}

lab_list() {
	local d
	for d in labs/[0-9][0-9]-*/; do
		d=${d%/}
		printf '%s ' "${d#labs/}"
	done
}

# The two-digit number of labs/NN-slug.
lab_num() {
	local n=${1#labs/}
	echo "${n%%-*}"
}

# marker_files: every file that holds a lab marker, begun or carved.
# Markdown is left out: READMEs quote markers in their text.
marker_files() {
	grep -rlE --exclude-dir=build --exclude-dir=.git --exclude-dir=solutions \
		--exclude-dir=tools --exclude='*.md' \
		'^[[:space:]]*(/\*|//|#) LAB [0-9]{2}\.[0-9]+ (BEGIN|TODO): ' . 2>/dev/null |
		sed 's|^\./||' | sort
}

# markers [NN]: "NN.M STATE FILE:LINE hint" for every region (of lab NN).
# STATE is BEGIN (the reference, not carved), TODO (carved, still the
# starter) or EDITED (carved, then changed). The list is kept for the rest
# of the script's run: call markers_changed after carving.
MARKERS_CACHE=
markers() {
	local files
	if [[ -z $MARKERS_CACHE ]]; then
		files=$(marker_files)
		[[ -n $files ]] || return 0
		# shellcheck disable=SC2086
		MARKERS_CACHE=$("$CARVE" --list $files) || die "the lab markers are malformed (above)"
	fi
	if [[ -n ${1:-} ]]; then
		grep "^$1\\." <<<"$MARKERS_CACHE" || true
	else
		echo "$MARKERS_CACHE"
	fi
}

markers_changed() {
	MARKERS_CACHE=
	# system.sh's, where it is loaded.
	! declare -p LAB_CARVED_CACHE >/dev/null 2>&1 || LAB_CARVED_CACHE=()
}

# lab_files NN [STATE]: the files that hold lab NN's regions (in that state).
lab_files() {
	markers "$1" | awk -v st="${2:-}" 'NF && (st == "" || $2 == st) { sub(/:[0-9]+$/, "", $3); print $3 }' |
		sort -u
}

need_carve() {
	[[ -x $CARVE ]] || make --no-print-directory -s "$CARVE" >&2 ||
		die "cannot build $CARVE"
}
