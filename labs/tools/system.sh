# shellcheck shell=bash
# Lab systems: one lab's code in an otherwise complete system. Sourced by
# grade.sh and lab.sh, after lib.sh.
#
# In a student release every lab is carved at once, and some labs sit on
# the path of every event (the decoder, the exit dispatcher, a filler the
# verifier rejects). A grader that ran the learner's whole tree would fail
# lab 04 because lab 02 is not done yet. So a lab is graded, and tried, in
# its own system: its own code, compiled from the learner's tree, and the
# reference for the code of every other lab.
#
# Where the reference comes from, per lab M:
#   - M not carved (every region of M still BEGIN): this build's objects,
#     compiled from the reference source in the tree;
#   - M carved: labs/prebuilt/M/, the reference objects of M's files, made
#     by `make lab-start LAB=M` before it carved (and shipped in a student
#     release, where the reference source is not).
#
# The same goes one level down, for a lab of several exercises in several
# files: the checks of exercise 03.1 run in a system with the learner's
# dispatcher and the reference loader, so that one bug costs the points of
# its own exercise only. Exercises whose code is in the same files share a
# system. A header with a lab region belongs to the files that include it
# (lab-check makes sure those are files of the same lab).
#
# A system is linked, not rebuilt: labs/labs.mk takes this build's objects
# and swaps in the reference ones, so a system costs a link and a skeleton.
#
# A lab whose labs/NN-slug/lab.env says LAB_DRIVER=kmod is graded with the
# kernel module: its system holds the module too (kmod/KVER/scaplab.ko),
# built by Kbuild from the tree, with every other carved lab's kernel code
# taken from its reference objects, labs/prebuilt/NN/kmod/KVER/, compiled
# for that very kernel (a module links only objects of its own kernel).
# Its tests run where the module loads: natively or in the VM (scripts/kmod-run).
#
#   build/labs/NN-slug/             the lab's system: all of its code is yours
#     scap-open, tests/X, captures/, kmod/KVER/scaplab.ko (kmod labs)
#   build/labs/NN-slug/ex-NN.M/     an exercise's system, where it differs

PREBUILT=labs/prebuilt

# lab_driver NN: "kmod" if lab NN is graded with the kernel module, else nothing.
lab_driver() {
	local env
	env=$(lab_dir "$1")/lab.env
	[[ -r $env ]] && sed -n 's/^LAB_DRIVER=//p' "$env"
	return 0
}

# kernel_object_of SRC: SRC's object in the module's build, by its path in
# driver/ (every C file of driver/ is compiled into the module).
kernel_object_of() {
	local f
	case $1 in
	driver/*.c) f=${1#driver/}; echo "${f%.c}.o" ;;
	esac
}

# kmod_kver: the kernel the module is built for (driver/Makefile.inc), or
# fail saying why it cannot be built.
kmod_kver() {
	make --no-print-directory -s kmod-kver
}

# object_of SRC: the path of SRC's object in the build, or nothing if SRC
# is not compiled on its own (a header, a text file).
object_of() {
	local f
	case $1 in
	modern_bpf/*.bpf.c)
		f=${1#modern_bpf/}
		echo "modern_bpf/obj/${f%.c}.o"
		;;
	# The legacy probe is one C file: its CO-RE build is the system's.
	bpf/probe.c) echo "bpf/core/probe.o" ;;
	userspace/libscap/*.c | userspace/libsinsp/*.c) echo "${1%.c}.o" ;;
	# The contract's tables, compiled into libscap too (SCHEMA_SRCS in
	# userspace/Makefile.inc); the rest of driver/ is the module's alone.
	driver/event_table.c | driver/syscall_table.c | driver/syscall_code_routing_table.c | \
	driver/flags_table*.c) echo "${1%.c}.o" ;;
	esac
}

# includers HEADER: the sources of the system that #include HEADER: by
# its name, then by where the name leads from the source's folder or from
# an include path (driver/ has an iovec.h of its own, and bpf/helpers/ one).
includers() {
	local c inc base
	base=$(basename "$1")
	for c in $(grep -rlE --include='*.c' "^#[[:space:]]*include[[:space:]]+\"([^\"]*/)?$base\"" \
		driver userspace modern_bpf bpf 2>/dev/null); do
		for inc in $(sed -nE "s/^#[[:space:]]*include[[:space:]]+\"(([^\"]*\/)?$base)\".*/\1/p" "$c"); do
			if [[ $(realpath -m --relative-to=. "$(dirname "$c")/$inc") == "$1" ]] ||
				[[ $inc != */* && ( $1 == driver/$inc || $1 == bpf/$inc ||
					$1 == userspace/libscap/$inc ) ]]; then
				echo "$c"
				break
			fi
		done
	done | sort -u
}

# compiled_sources FILE...: the sources whose objects hold FILE's code.
compiled_sources() {
	local f
	for f in "$@"; do
		case $f in
		*.h) includers "$f" ;;
		*) if [[ -n $(object_of "$f") ]]; then echo "$f"; fi ;;
		esac
	done | sort -u
}

# manifest_files NN [EXERCISE]: the files the pack of lab NN lists (of one exercise).
manifest_files() {
	local m=$PREBUILT/$1/manifest
	[[ -r $m ]] || return 0
	awk -v x="${2:-}" '$1 == "exercise" && (x == "" || $2 == x) { print $3 }' "$m"
}

# exercise_sources EXERCISE: the compiled sources that hold exercise NN.M's code.
exercise_sources() {
	local files
	files=$({ markers "${1%%.*}" | awk -v x="$1" '$1 == x { sub(/:[0-9]+$/, "", $3); print $3 }'
		manifest_files "${1%%.*}" "$1"; } | sort -u)
	# shellcheck disable=SC2086
	[[ -z $files ]] || compiled_sources $files
}

# lab_sources NN: the compiled sources of every exercise of lab NN.
# systems_load fills the cache in the main shell: every system of a grade
# asks for every lab's sources, and a grep of the tree each time adds up.
declare -gA LAB_SOURCES_CACHE=()
lab_sources() {
	local files
	if [[ -n ${LAB_SOURCES_CACHE[$1]+set} ]]; then
		[[ -z ${LAB_SOURCES_CACHE[$1]} ]] || echo "${LAB_SOURCES_CACHE[$1]}"
		return
	fi
	files=$({ lab_files "$1"; manifest_files "$1"; } | sort -u)
	# shellcheck disable=SC2086
	[[ -z $files ]] || compiled_sources $files
}

# kernel_sources FILE...: the module's sources that hold FILE's code (a
# driver/ header goes with the module's C files that include it).
kernel_sources() {
	local f
	for f in "$@"; do
		case $f in
		driver/*.h)
			# None may include it (a header of the BPF probe's): no error,
			# under lab.sh's set -e.
			grep -rlE --include='*.c' \
				"^#[[:space:]]*include[[:space:]]+\"([^\"]*/)?$(basename "$f")\"" driver \
				2>/dev/null || true ;;
		driver/*.c) echo "$f" ;;
		esac
	done | sort -u
}

# lab_kernel_sources NN: the module's sources that hold lab NN's code.
lab_kernel_sources() {
	local files
	files=$({ lab_files "$1"; manifest_files "$1"; } | sort -u)
	# shellcheck disable=SC2086
	[[ -z $files ]] || kernel_sources $files
}

# exercise_kernel_sources EXERCISE: the same, of exercise NN.M.
exercise_kernel_sources() {
	local files
	files=$({ markers "${1%%.*}" | awk -v x="$1" '$1 == x { sub(/:[0-9]+$/, "", $3); print $3 }'
		manifest_files "${1%%.*}" "$1"; } | sort -u)
	# shellcheck disable=SC2086
	[[ -z $files ]] || kernel_sources $files
}

# lab_all_sources NN: what a system where lab NN is the learner's compiles
# from the tree: lab NN's sources, userspace and kernel.
lab_all_sources() {
	{ lab_sources "$1"; lab_kernel_sources "$1"; } | sort -u
}

systems_load() {
	local d num
	for d in labs/[0-9][0-9]-*/; do
		num=$(lab_num "${d%/}")
		LAB_SOURCES_CACHE[$num]=$(lab_sources "$num")
		lab_is_carved "$num" || true
	done
}

# lab_is_carved NN: lab NN has a region that is not BEGIN any more.
# Asked for every lab by every system's link: the answer is kept until the
# markers change (markers_changed in lib.sh empties LAB_CARVED_CACHE).
# systems_load asks first, in the main shell: a link asks in a subshell
# ($(system_ref)), whose answers would be lost.
declare -gA LAB_CARVED_CACHE=()
lab_is_carved() {
	if [[ -z ${LAB_CARVED_CACHE[$1]:-} ]]; then
		LAB_CARVED_CACHE[$1]=no
		if [[ -n $(markers "$1" | awk '$2 != "BEGIN"') ]] ||
			[[ -z $(lab_files "$1") && -r $PREBUILT/$1/manifest ]]; then
			LAB_CARVED_CACHE[$1]=yes
		fi
	fi
	[[ ${LAB_CARVED_CACHE[$1]} == yes ]]
}

# lab_systems NN: one line per system lab NN is graded in:
# "DIR<TAB>EXERCISES (space-separated)<TAB>SOURCES (space-separated)".
lab_systems() {
	local num=$1 dir x all src key
	dir=build/labs/$(basename "$(lab_dir "$num")")
	all=$(lab_all_sources "$num" | tr '\n' ' ')
	local -A group=() first=()
	local order=()
	for x in $({ markers "$num" | awk '{ print $1 }'; manifest_exercises "$num"; } | sort -uV); do
		src=$({ exercise_sources "$x"; exercise_kernel_sources "$x"; } | sort -u | tr '\n' ' ')
		# NONE: no code of its own (answers in a text file), in a lab with code.
		key=${src:-NONE}
		[[ $src == "$all" ]] && key=ALL
		if [[ -z ${group[$key]:-} ]]; then
			order+=("$key")
			first[$key]=$x
		fi
		group[$key]+="${group[$key]:+ }$x"
	done
	for key in "${order[@]}"; do
		if [[ $key == ALL ]]; then
			printf '%s\t%s\t%s\n' "$dir" "${group[$key]}" "$all"
		else
			printf '%s\t%s\t%s\n' "$dir/ex-${first[$key]}" "${group[$key]}" "${key#NONE}"
		fi
	done
}

manifest_exercises() {
	local m=$PREBUILT/$1/manifest
	[[ -r $m ]] && awk '$1 == "exercise" { print $2 }' "$m" | sort -uV
	return 0
}

# system_ref SOURCES...: the reference objects that replace, in a system
# where SOURCES are the learner's, every other lab source; one per line.
# Fails, saying what is missing, if a carved lab has no pack.
system_ref() {
	local d num src obj bad=0
	local -A mine=()
	for src in "$@"; do mine[$src]=1; done
	for d in labs/[0-9][0-9]-*/; do
		num=$(lab_num "${d%/}")
		lab_is_carved "$num" || continue
		for src in $(lab_sources "$num"); do
			[[ -z ${mine[$src]:-} ]] || continue
			obj=$PREBUILT/$num/$(object_of "$src")
			if [[ ! -r $obj ]]; then
				echo "missing $obj: the reference object of $src (lab $num)" >&2
				bad=1
			fi
			echo "$obj"
		done
	done
	return $bad
}

# stale_headers NN: the headers that changed since lab NN's pack was made
# (its objects were compiled against the old ones).
stale_headers() {
	local m=$PREBUILT/$1/manifest
	[[ -r $m ]] || return 0
	awk '$1 == "header" { print $3 "  " $2 }' "$m" | sha256sum --check --quiet 2>/dev/null |
		sed -n 's/: FAILED.*//p'
}

# build_system DIR NN SOURCES...: link the system into DIR; make's output
# goes to DIR/build.log, and that of the lab's test programs, built apart
# (one that does not compile is missing, and only the checks that run it
# fail), to DIR/tests.build.log. Returns the status of the system's build.
build_system() {
	local dir=$1 num=$2 ref
	local -a args
	shift 2
	mkdir -p "$dir"
	ref=$(system_ref "$@" 2>"$dir/build.log") || {
		echo "cannot make lab $num's system: a carved lab's reference objects are missing" >>"$dir/build.log"
		return 2
	}
	args=(--no-print-directory SYSTEM="$dir" SYSTEM_REF="${ref//$'\n'/ }"
		SYSTEM_TESTS="$(lab_dir "$num")/tests")
	make "${args[@]}" system-core >>"$dir/build.log" 2>&1 || return
	make -k "${args[@]}" system-tests >"$dir/tests.build.log" 2>&1 || true
	[[ $(lab_driver "$num") == kmod ]] || return 0
	build_system_kmod "$dir" "$num" "$@"
}

# build_system_kmod DIR NN SOURCES...: the kernel module of a kmod lab's
# system, into DIR/kmod/KVER/; make's output goes to DIR/build.log.
build_system_kmod() {
	local dir=$1 num=$2 kver ref
	shift 2
	if ! kver=$(kmod_kver 2>>"$dir/build.log"); then
		echo "cannot make lab $num's system: it runs the kernel module, and the module cannot be built here" >>"$dir/build.log"
		return 2
	fi
	ref=$(system_kmod_ref "$kver" "$@" 2>>"$dir/build.log") || {
		echo "cannot make lab $num's system: a carved lab's reference kernel objects are missing" >>"$dir/build.log"
		return 2
	}
	make --no-print-directory SYSTEM="$dir" SYSTEM_KMOD_REF="${ref//$'\n'/ }" system-kmod \
		>>"$dir/build.log" 2>&1
}

# make_prebuilt NN DEST: compile lab NN's reference code (the tree must
# hold it: no region of NN carved) and keep its objects in DEST/NN/.
make_prebuilt() {
	local num=$1 out=$2/$1 src objs=() x h
	[[ -z $(markers "$num" | awk '$2 != "BEGIN"') ]] ||
		die "lab $num is carved already: its reference objects can only be made from the reference code"
	for src in $(lab_sources "$num"); do
		objs+=("build/$(object_of "$src")")
	done
	if [[ ${#objs[@]} -gt 0 ]]; then
		make --no-print-directory -s "${objs[@]}" >&2 ||
			die "cannot compile lab $num's reference code (make ${objs[*]})"
	fi
	rm -rf "$out"
	mkdir -p "$out"
	for x in "${objs[@]}"; do
		mkdir -p "$out/$(dirname "${x#build/}")"
		cp "$x" "$out/${x#build/}"
	done
	make_prebuilt_kmod "$num" "$out"
	{
		echo "# The reference objects of lab $num, for the lab systems of other labs"
		echo "# (labs/tools/system.sh). Made by make lab-start or make student-release."
		for x in $(markers "$num" | awk '{ print $1 }' | sort -uV); do
			markers "$num" | awk -v x="$x" '$1 == x { sub(/:[0-9]+$/, "", $3); print "exercise", x, $3 }' | sort -u
		done
		for h in $(find driver userspace modern_bpf bpf -name '*.h' | sort); do
			grep -qE '(/\*|//|#) LAB [0-9]{2}\.[0-9]+ (BEGIN|TODO): ' "$h" && continue
			echo "header $h $(sha256sum "$h" | cut -d' ' -f1)"
		done
	} >"$out/manifest"
}

# make_prebuilt_kmod NN OUT: the kernel objects of lab NN's code, compiled
# for the kernel the module is built for, into OUT/kmod/KVER/. Without that
# kernel's headers, none: the labs graded with the module then say so.
make_prebuilt_kmod() {
	local num=$1 out=$2 kver src rel
	local -a srcs=() rels=()
	for src in $(lab_kernel_sources "$num"); do
		srcs+=("$src")
	done
	[[ ${#srcs[@]} -gt 0 ]] || return 0
	if ! kver=$(kmod_kver 2>&1); then
		echo "warning: lab $num's kernel objects were not made, so the labs graded with the" \
			"kernel module cannot be: ${kver#*$'\n'}" >&2
		return 0
	fi
	for src in "${srcs[@]}"; do
		rels+=("$(kernel_object_of "$src")")
	done
	make --no-print-directory -s KMOD_OBJS="${rels[*]}" kmod-objs >&2 ||
		die "cannot compile lab $num's reference code for the kernel module (make kmod-objs)"
	for rel in "${rels[@]}"; do
		mkdir -p "$out/kmod/$kver/$(dirname "$rel")"
		cp "build/labs/kmod-objs/$kver/$rel" "$out/kmod/$kver/$rel"
	done
}

# system_kmod_ref KVER SOURCES...: the reference kernel objects that
# replace, in a module where SOURCES are the learner's, every other carved
# lab's kernel code; one per line. Fails, saying what is missing, if a
# carved lab has none for KVER.
system_kmod_ref() {
	local kver=$1 d num src obj have bad=0
	local -A mine=()
	shift
	for src in "$@"; do mine[$src]=1; done
	for d in labs/[0-9][0-9]-*/; do
		num=$(lab_num "${d%/}")
		lab_is_carved "$num" || continue
		for src in $(lab_kernel_sources "$num"); do
			[[ -z ${mine[$src]:-} ]] || continue
			obj=$PREBUILT/$num/kmod/$kver/$(kernel_object_of "$src")
			if [[ ! -r $obj ]]; then
				have=$(cd "$PREBUILT/$num/kmod" 2>/dev/null && echo */ | tr -d /)
				echo "missing $obj: lab $num's reference code for kernel $kver (it has it for:" \
					"${have:-no kernel}). Boot a kernel it has (VM_KERNEL=...), or remake" \
					"$PREBUILT/$num where lab $num is not started." >&2
				bad=1
			fi
			echo "$obj"
		done
	done
	return $bad
}

# Is a system the same as at its last grade? (make replay asks.)
. labs/tools/system_same.sh
