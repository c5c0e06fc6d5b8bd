#!/bin/bash
# make lab-check: the labs themselves are right. Run by `make test`.
#   - every marker is well formed, and carving is idempotent;
#   - every lab has a README, checks and a solution; every exercise number
#     in the code has its "## Exercise NN.M" section and at least one check;
#     solutions/ names only labs that exist;
#   - every grader gives full marks on the reference, and less on its lab's
#     starter (so no grader passes without the work), also on the lab's
#     reference captures where it has some (SCAPLAB_REPLAY=1);
#   - the student release has no region left uncarved, and builds.
# (How every grader scores in a student release, lab by lab as a student
# does it, is labs/tools/replay.sh's job: make replay.)
# Prints TAP (one "ok"/"not ok" line per check, the plan at the end), with
# the reason under each failure; the graders' full output stays in
# build/lab-check/. Exit status 1 if any check failed.
#   labs/tools/lab-check.sh [--no-grade | --beside-replay]
#       --no-grade: only the static checks; --beside-replay: only what a
#       replay of a release (labs/tools/replay.sh) does not do as well: no
#       grade at all and no link of the labs' own systems (its grades do
#       both, the starters included, again and again), but make lab-start
#       of each lab, the learner's way in the full repository; make test
#       uses it
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 2
. labs/tools/lib.sh
. labs/tools/system.sh
WORK=build/lab-check
case ${1:-} in
"" | --no-grade | --beside-replay) ;;
*) die "usage: labs/tools/lab-check.sh [--no-grade | --beside-replay]" ;;
esac
n=0
failures=0

# check NAME CMD...: run CMD and print its TAP line; on failure, its output.
check() {
	local name=$1 out
	shift
	n=$((n + 1))
	if out=$("$@" 2>&1); then
		echo "ok $n $name"
		[[ -z $out ]] || sed 's/^/# /' <<<"$out"
	else
		failures=$((failures + 1))
		echo "not ok $n $name"
		sed 's/^/# /' <<<"$out" | head -n 40
	fi
}

markers_well_formed() {
	local files
	files=$(marker_files)
	[[ -n $files ]] || { echo "no lab marker anywhere in the code"; return 1; }
	# shellcheck disable=SC2086
	"$CARVE" --list $files >/dev/null
}

# A lab's system swaps whole objects (labs/tools/system.sh): a file must
# hold one lab's code, a header with a region must be included by no file
# that holds another lab's, and a source must be one the system links.
lab_files_are_whole() {
	local f labs h inc bad=0
	while read -r f; do
		labs=$(markers | awk -v f="$f" '{ sub(/:[0-9]+$/, "", $3) } $3 == f { print substr($1, 1, 2) }' | sort -u)
		[[ $(wc -l <<<"$labs") == 1 ]] ||
			{ echo "$f holds regions of labs $(echo $labs): a file may hold one lab's"; bad=1; }
		case $f in
		*.h)
			# Its includers' objects hold its code: they may hold no other lab's.
			for inc in $(includers "$f"); do
				others=$(markers | awk -v f="$inc" -v l="$labs" '{ sub(/:[0-9]+$/, "", $3) }
					$3 == f && substr($1, 1, 2) != l { print substr($1, 1, 2) }' | sort -u)
				[[ -z $others ]] ||
					{ echo "$f (lab $labs) is included by $inc, which holds code of lab $(echo $others)"; bad=1; }
			done ;;
		*.c)
			[[ -n $(object_of "$f") || -n $(kernel_object_of "$f") ]] ||
				{ echo "$f: not a source the lab systems link (libscap, the kernel module, driver/'s tables, modern_bpf/ or bpf/probe.c)"; bad=1; }
			[[ $f != userspace/libscap/engine/modern_bpf/modern_bpf.c ]] ||
				{ echo "$f: the engine is compiled for each system's skeleton; keep lab code out of it"; bad=1; } ;;
		esac
	done < <(markers | awk '{ sub(/:[0-9]+$/, "", $3); print $3 }' | sort -u)
	return $bad
}

carve_idempotent() {
	local f once twice bad=0
	mkdir -p "$WORK"
	for f in $(marker_files); do
		once=$WORK/idem.once
		twice=$WORK/idem.twice
		"$CARVE" --lab all --stdout "$f" >"$once" || return 1
		cp "$once" "$twice.src"
		"$CARVE" --lab all --stdout "$twice.src" >"$twice" || return 1
		cmp -s "$once" "$twice" || { echo "$f: carving the carved file changes it"; bad=1; }
		grep -qE '(/\*|//|#) LAB [0-9]{2}\.[0-9]+ BEGIN: ' "$once" &&
			{ echo "$f: a BEGIN survives carving"; bad=1; }
	done
	return $bad
}

# lab_is_complete labs/NN-slug: README, checks, solution, and numbers that agree.
lab_is_complete() {
	local dir=$1 num slug ids tests id bad=0
	num=$(lab_num "$dir")
	slug=${dir#labs/}
	[[ -s $dir/README.md ]] || { echo "no $dir/README.md"; bad=1; }
	[[ -s solutions/$slug/README.md ]] || { echo "no solutions/$slug/README.md"; bad=1; }
	compgen -G "$dir/tests/*.bats" >/dev/null || { echo "no $dir/tests/*.bats"; return 1; }
	# Every test is a check: "NN.M [P pts] title", of this lab.
	while IFS= read -r t; do
		[[ $t =~ ^$num\.[0-9]+\ \[[0-9]+\ pts?\]\  ]] ||
			{ echo "test '$t': not named \"$num.M [P pts] what it checks\""; bad=1; }
	done < <(sed -n 's/^@test "\(.*\)" {$/\1/p' "$dir"/tests/*.bats)
	dups=$(sed -n 's/^@test "\(.*\)" {$/\1/p' "$dir"/tests/*.bats | sort | uniq -d)
	[[ -z $dups ]] || { echo "tests with the same name: $dups"; bad=1; }
	ids=$(markers "$num" | awk '{ print $1 }' | sort -u)
	[[ -n $ids ]] || { echo "lab $num has no marker in the code: nothing to carve"; bad=1; }
	tests=$(sed -n "s/^@test \"\($num\.[0-9]*\) .*/\1/p" "$dir"/tests/*.bats | sort -u)
	for id in $ids; do
		grep -q "^## Exercise $id: " "$dir/README.md" ||
			{ echo "exercise $id is in the code but has no '## Exercise $id: ...' section in $dir/README.md"; bad=1; }
		grep -qx "$id" <<<"$tests" || { echo "exercise $id has no check in $dir/tests/"; bad=1; }
	done
	for id in $tests; do
		grep -qx "$id" <<<"$ids" || { echo "checks of exercise $id, which no marker in the code has"; bad=1; }
	done
	return $bad
}

solutions_name_labs() {
	local s bad=0
	for s in solutions/*/; do
		[[ -d $s ]] || continue
		s=${s%/}
		[[ -d labs/${s#solutions/} ]] || { echo "$s: there is no labs/${s#solutions/}"; bad=1; }
	done
	return $bad
}

reference_full_marks() {
	local num=$1 log=$WORK/reference-$1.log
	mkdir -p "$WORK"
	labs/tools/grade.sh "$num" >"$log" 2>&1
	local rc=$?
	grep '^Score:' "$log"
	[[ $rc == 0 ]] || { grep -E '^  FAIL|^ +\|' "$log" | head -n 30; return 1; }
}

# copy_build_products DEST: this build's products into DEST/build, so that
# a carved copy rebuilds only what its carve changed (cp -a keeps the times
# make compares).
copy_build_products() {
	local p
	mkdir -p "$1/build"
	for p in modern_bpf bpf driver userspace libscap.a scap-open test; do
		[[ -e build/$p ]] && cp -a "build/$p" "$1/build/"
	done
	# The carve tool; not the lab systems, which are linked again.
	mkdir -p "$1/build/labs"
	cp -a build/labs/tools "$1/build/labs/"
	rm -rf "$1/build/test/captures"
}

# A copy of the repository, with the build products.
make_copy() {
	local copy=$WORK/tree
	rm -rf "$copy"
	mkdir -p "$copy"
	if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		git ls-files -z | xargs -0 cp -a --parents -t "$copy"
	else
		find . -path ./build -prune -o -path ./.git -prune -o -type f -print0 |
			xargs -0 cp -a --parents -t "$copy"
	fi
	copy_build_products "$copy"
	echo "$copy"
}

# in_started_copy NN COPY LOG [CMD...]: the learner's way in the full
# repository: in COPY, make lab-start carves lab NN (and keeps its reference
# objects for the exercises' systems), then CMD runs, if given; the output
# goes to LOG, and the lab's reference code is put back after. Returns
# 2 if lab-start failed, else CMD's status.
in_started_copy() {
	local num=$1 copy=$2 log=$3 files f rc
	shift 3
	files=$(cd "$copy" && MARKERS_CACHE= lab_files "$num")
	(
		cd "$copy" || exit 2
		CARVE=$(realpath "$CARVE") labs/tools/lab.sh start "$num" || exit 2
		[[ $# == 0 ]] || "$@"
	) >"$log" 2>&1
	rc=$?
	# Back to the reference for the next lab; a new mtime makes make rebuild.
	for f in $files; do
		cp "$f" "$copy/$f"
	done
	rm -rf "${copy:?}/$PREBUILT/$num"
	return $rc
}

# A lab with reference captures (tests/reference/) is graded on them where
# no driver loads (SCAPLAB_REPLAY=1): full marks on the reference, below
# on the starter, as with live captures.
replay_grades() {
	local num=$1 log=$PWD/$WORK/replay-$1.log rc
	SCAPLAB_REPLAY=1 labs/tools/grade.sh "$num" >"$log" 2>&1
	rc=$?
	grep '^Score:' "$log"
	[[ $rc == 0 ]] || { echo "the reference, replayed:"; grep -E '^  FAIL|^ +\|' "$log" | head -n 20; return 1; }
	SCAPLAB_REPLAY=1 in_started_copy "$num" "$2" "$log.starter" labs/tools/grade.sh "$num"
	rc=$?
	grep '^Score:' "$log.starter"
	[[ $rc == 1 ]] || { echo "the grader exited $rc on the starter, replayed (1 expected)"; tail -n 20 "$log.starter"; return 1; }
}

# Beside the replay, whose step 0 grades the same starters: started only.
lab_starts() {
	local log=$PWD/$WORK/start-$1.log
	in_started_copy "$1" "$2" "$log" || { tail -n 20 "$log"; return 1; }
	grep -q '^Lab [0-9]* started' "$log" || { echo "make lab-start did not say the lab started"; return 1; }
}

starter_below_full() {
	local num=$1 log=$PWD/$WORK/starter-$1.log rc
	in_started_copy "$num" "$2" "$log" labs/tools/grade.sh "$num"
	rc=$?
	grep '^Score:' "$log" || { tail -n 20 "$log"; return 1; }
	[[ $rc == 1 ]] || { echo "the grader exited $rc on the starter (1 expected: below full marks)"; tail -n 20 "$log"; return 1; }
	grep -q '^TODOs of this lab still as the starter left them' "$log" ||
		{ echo "the grader did not list the lab's TODOs"; return 1; }
}

release_builds() {
	local dest=$WORK/release p carve num src obj
	carve=$(realpath "$CARVE")
	rm -rf "$dest"
	labs/tools/lab.sh release "$dest" >/dev/null || return 1
	[[ ! -e $dest/solutions ]] || { echo "the release has solutions/"; return 1; }
	# Reuse this build's products: only the carved files recompile.
	copy_build_products "$dest"
	for p in $(cd "$dest" && marker_files); do
		touch "$dest/$p"
	done
	make --no-print-directory -C "$dest" all lab-tools >"$WORK/release-build.log" 2>&1 ||
		{ echo "the student release does not build:"; grep -E 'error' "$WORK/release-build.log" | head -n 20; return 1; }
	for d in labs/[0-9][0-9]-*/; do
		num=$(lab_num "${d%/}")
		(cd "$dest" && MARKERS_CACHE= CARVE=$carve markers "$num" | grep -q ' TODO ') ||
			{ echo "${d%/}: no TODO in the release"; return 1; }
		# The reference objects the other labs' systems link instead of it.
		for src in $(lab_sources "$num"); do
			[[ -s $dest/$PREBUILT/$num/$(object_of "$src") ]] ||
				{ echo "${d%/}: the release has no $PREBUILT/$num/$(object_of "$src")"; return 1; }
		done
		# And the kernel objects the module of a kmod lab's system links.
		kmod_kver >/dev/null 2>&1 || continue
		for src in $(lab_kernel_sources "$num"); do
			obj=$PREBUILT/$num/kmod/$(kmod_kver)/$(kernel_object_of "$src")
			[[ -s $dest/$obj ]] || { echo "${d%/}: the release has no $obj"; return 1; }
		done
	done
}

need_carve
markers >/dev/null
check "markers are well formed" markers_well_formed
check "a file holds one lab's code; a lab's header is included by that lab only" lab_files_are_whole
check "carving is idempotent" carve_idempotent
check "solutions/ names only labs that exist" solutions_name_labs
for d in labs/[0-9][0-9]-*/; do
	d=${d%/}
	check "${d#labs/}: README, checks, solution and exercise numbers agree" lab_is_complete "$d"
done
check "the student release is carved and builds" release_builds

# make lab-system, which every lab README runs, links each lab's system.
lab_systems_link() {
	local d bad=0
	for d in labs/[0-9][0-9]-*/; do
		labs/tools/lab.sh system "$(lab_num "${d%/}")" >"$WORK/lab-system.log" 2>&1 ||
			{ echo "make lab-system LAB=$(lab_num "${d%/}") failed:"; tail -n 5 "$WORK/lab-system.log"; bad=1; }
		[[ -x build/labs/${d#labs/}scap-open ]] ||
			{ echo "make lab-system left no build/labs/${d#labs/}scap-open"; bad=1; }
	done
	return $bad
}
[[ ${1:-} == --beside-replay ]] || check "make lab-system links every lab's system" lab_systems_link

if [[ ${1:-} == "" ]]; then
	for d in labs/[0-9][0-9]-*/; do
		d=${d%/}
		check "${d#labs/}: full marks on the reference" reference_full_marks "$(lab_num "$d")"
	done
fi
if [[ ${1:-} != --no-grade ]]; then
	copy=$(make_copy)
	for d in labs/[0-9][0-9]-*/; do
		d=${d%/}
		if [[ ${1:-} == --beside-replay ]]; then
			check "${d#labs/}: make lab-start carves it and keeps its reference objects" \
				lab_starts "$(lab_num "$d")" "$copy"
		else
			check "${d#labs/}: below full marks on its starter" starter_below_full "$(lab_num "$d")" "$copy"
		fi
		[[ ! -d $d/tests/reference ]] ||
			check "${d#labs/}: graded on its reference captures where no driver loads" \
				replay_grades "$(lab_num "$d")" "$copy"
	done
fi
echo "1..$n"
[[ $failures == 0 ]]
