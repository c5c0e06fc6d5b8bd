#!/bin/bash
# Starting, resetting and handing out labs. Called by the Makefile:
#   make lab-start LAB=N        carve lab N's regions into TODO stubs, in place
#   make lab-reset LAB=N        put lab N's files back as last committed,
#                               keeping your changes in a patch first
#   make lab-system LAB=N       link lab N's system: your code of lab N, the
#                               reference for the rest (labs/tools/system.sh)
#   make student-release DEST=dir
#                               a copy with every lab carved, the reference
#                               objects each lab's system needs, no solutions/
#   labs/tools/lab.sh fingerprints N
#                               link lab N's systems and print a fingerprint
#                               of each one's programs (for make replay)
#   labs/tools/lab.sh inputs-touched N FILE...
#                               exit 0 if lab N's systems, as last built,
#                               read one of FILE... (or that is not known),
#                               1 if none (for make replay)
# How the markers work: labs/README.md and labs/tools/carve.c.
set -euo pipefail
cd "$(dirname "$0")/../.." || exit 2
. labs/tools/lib.sh
. labs/tools/system.sh

in_git() {
	git rev-parse --is-inside-work-tree >/dev/null 2>&1
}

start() {
	local dir num files todo changed
	dir=$(lab_dir "${1:-}") || exit 2
	num=$(lab_num "$dir")
	need_carve
	files=$(lab_files "$num" BEGIN)
	if [[ -z $files ]]; then
		todo=$(markers "$num" | awk '$2 != "BEGIN"')
		[[ -n $todo ]] || die "lab $num has no markers in the code: nothing to start"
		echo "lab $num is already started; its TODOs (TODO: still the starter, EDITED: changed since):"
		sed 's/^/  /' <<<"$todo"
		return
	fi
	if in_git; then
		# shellcheck disable=SC2086
		changed=$(git status --porcelain -- $files)
		if [[ -n $changed ]]; then
			echo "lab-start: these files of lab $num have changes not committed:" >&2
			sed 's/^/  /' <<<"$changed" >&2
			die "Carving them would lose that work. Commit it (git commit -a) or put it aside (git stash), then run 'make lab-start LAB=$num' again."
		fi
	else
		echo "lab-start: not a git repository, so no way back with make lab-reset; carving anyway." >&2
	fi
	# The other labs' systems need this lab's reference once it is carved.
	echo "lab-start: compiling lab $num's reference code for the other labs' systems ($PREBUILT/$num)"
	make_prebuilt "$num" "$PREBUILT"
	# shellcheck disable=SC2086
	"$CARVE" --lab "$num" $files || die "lab-start: carve failed; no file of lab $num was changed"
	markers_changed
	echo "Lab $num started: $dir/README.md says what to do. Your TODOs:"
	markers "$num" | awk '{ $2 = ""; print "  " $0 }'
	echo
	echo "Try your code:           make lab-system LAB=$num   (then build/labs/$(basename "$dir")/scap-open)"
	echo "Grade your work:         sudo make grade LAB=$num"
	echo "Get the code back as last committed (your changes are saved in a patch first):"
	echo "                         make lab-reset LAB=$num"
}

# system LAB: link the lab's system, and say what is in it.
system() {
	local dir num out
	dir=$(lab_dir "${1:-}") || exit 2
	num=$(lab_num "$dir")
	need_carve
	markers >/dev/null
	systems_load
	out=build/labs/$(basename "$dir")
	# shellcheck disable=SC2046
	if ! build_system "$out" "$num" $(lab_all_sources "$num"); then
		cat "$out/build.log" >&2
		die "lab-system: the build of lab $num's system failed (above; all of it in $out/build.log)"
	fi
	echo "Lab $num's system is in $out/: your code of lab $num, the reference code of every other lab."
	echo "  sudo ./$out/scap-open --help"
	if compgen -G "$out/tests/*" >/dev/null; then
		echo "  the lab's test programs: $(cd "$out" && echo tests/*)"
	fi
	if [[ $(lab_driver "$num") == kmod ]]; then
		echo "  its kernel module: $out/kmod/$(kmod_kver)/scaplab.ko; load it where modules load:"
		echo "  sudo scripts/kmod-run -- sh -c 'insmod $out/kmod/\$(uname -r)/scaplab.ko && $out/scap-open --kmod -n 10'"
	fi
}

reset() {
	local dir num files patch
	dir=$(lab_dir "${1:-}") || exit 2
	num=$(lab_num "$dir")
	need_carve
	in_git || die "lab-reset needs git: this tree is not a git repository"
	files=$(lab_files "$num")
	# A file whose markers the learner deleted is still the lab's if git knows it had them.
	files=$(printf '%s\n%s\n' "$files" "$(git grep -lE "(/\*|//|#) LAB $num\.[0-9]+ (BEGIN|TODO): " HEAD -- . ':!*.md' 2>/dev/null | sed 's/^HEAD://')" |
		sed '/^$/d' | sort -u)
	[[ -n $files ]] || die "lab $num has no files to reset"
	# shellcheck disable=SC2086
	if git diff --quiet HEAD -- $files; then
		echo "lab $num: its files are already as last committed; nothing to do"
		return
	fi
	mkdir -p "build/labs/$(basename "$dir")"
	patch="build/labs/$(basename "$dir")/your-work-$(date +%Y%m%d-%H%M%S).patch"
	# shellcheck disable=SC2086
	git diff HEAD -- $files >"$patch"
	# shellcheck disable=SC2086
	git checkout HEAD -- $files
	echo "lab $num: these files are back as last committed:"
	sed 's/^/  /' <<<"$files"
	echo "Your changes are saved in $patch (git apply $patch brings them back)."
}

release() {
	local dest=${1:-} left
	[[ -n $dest ]] || die "where to? say DEST=dir, e.g. make student-release DEST=/tmp/scaplab-student"
	if [[ -e $dest && -n $(ls -A "$dest" 2>/dev/null) ]]; then
		die "student-release: $dest exists and is not empty; give a new directory"
	fi
	need_carve
	markers >/dev/null
	left=$(markers | awk '$2 != "BEGIN"')
	[[ -z $left ]] || die "student-release: make it from the reference, where no lab is started; carved here: $(awk '{ print $1 }' <<<"$left" | sort -u | tr '\n' ' ')"
	mkdir -p "$dest"
	# Only what the repository holds: no build/, no solutions/.
	if in_git; then
		git ls-files -z | grep -zv '^solutions/' | xargs -0 cp --parents -t "$dest"
	else
		find . -path ./build -prune -o -path ./.git -prune -o -path ./solutions -prune \
			-o -type f -print0 | xargs -0 cp --parents -t "$dest"
	fi
	local carve
	carve=$(realpath "$CARVE")
	(
		cd "$dest"
		files=$(marker_files)
		# shellcheck disable=SC2086
		"$carve" --lab all $files
	) || die "student-release: carve failed"
	left=$(cd "$dest" && MARKERS_CACHE= CARVE=$carve markers | awk '$2 == "BEGIN"')
	[[ -z $left ]] || die "student-release: regions left uncarved: $left"
	# The README a learner opens first says what a release is.
	sed -i '1a\
\
> **This is a student release.** The code of every lab is cut out into\
> TODOs, and `solutions/` is not here. Start with\
> [labs/README.md](labs/README.md): each lab runs in its own system\
> (`make lab-system LAB=N`), with the finished code of every other lab.\
> `make run` shows the finished system; your own whole tree,\
> `build/scap-open`, works once every lab is done.' "$dest/README.md"
	# What each lab's system takes from the other labs: their reference, compiled.
	for d in labs/[0-9][0-9]-*/; do
		make_prebuilt "$(lab_num "${d%/}")" "$dest/$PREBUILT"
	done
	if command -v git >/dev/null; then
		# -f: the repository's .gitignore leaves labs/prebuilt/ out; a release ships it.
		(cd "$dest" && git init -q && git add -A && git add -f "$PREBUILT" &&
			git -c user.name=scaplab -c user.email=scaplab@localhost \
				commit -q -m "scaplab student release: every lab carved") ||
			die "student-release: git init failed in $dest"
	fi
	echo "student release in $dest: $(cd "$dest" && MARKERS_CACHE= CARVE=$carve markers | wc -l) TODOs in" \
		"$(ls -d "$dest"/labs/[0-9][0-9]-*/ | wc -l) labs, no solutions/."
	echo "A learner starts with: cd $dest && less labs/README.md"
}

case ${1:-} in
start) start "${2:-}" ;;
system) system "${2:-}" ;;
fingerprints)
	dir=$(lab_dir "${2:-}") || exit 2
	need_carve
	markers >/dev/null
	systems_load
	lab_fingerprints "$(lab_num "$dir")" ;;
inputs-touched)
	dir=$(lab_dir "${2:-}") || exit 2
	shift 2
	lab_inputs_touched "$(lab_num "$dir")" "$@" ;;
reset) reset "${2:-}" ;;
release) release "${2:-}" ;;
*) die "usage: labs/tools/lab.sh start|reset|system|fingerprints LAB | inputs-touched LAB FILE... | release DEST" ;;
esac
