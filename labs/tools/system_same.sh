# shellcheck shell=bash
# Whether a lab's systems are still those of its last grade, for make
# replay (labs/tools/replay.sh): a grade of the same programs would only
# repeat itself. Two ways to know, the cheap one first:
#   - lab_inputs_touched: none of the files that changed is among what the
#     systems' last build read (the dependency files make and Kbuild wrote);
#   - lab_fingerprints: link the systems again and hash their programs.
# Sourced by system.sh.

# system_fingerprint DIR: one hash of the programs the checks run in the
# system in DIR (scap-open, the probe, the test programs, the module), as
# its last build left them. Two grades of a system with the same
# fingerprint ran the same code (labs/tools/replay.sh counts on it).
system_fingerprint() {
	local dir=$1 f
	{
		for f in scap-open libscap.a probe.bpf.o bpf/core/probe.o; do
			[[ -f $dir/$f ]] && echo "$dir/$f"
		done
		find "$dir/tests" -type f 2>/dev/null | sort
		find "$dir/kmod" -name scaplab.ko -type f 2>/dev/null | sort
	} | xargs -r sha256sum | sha256sum | cut -d' ' -f1
}

# system_inputs DIR TESTS: the files the last build of the system in DIR
# read, one per line: what the dependency files of its build list, make's
# (-MMD: X.d beside X.o, deps/ for the test programs of TESTS/) and
# Kbuild's (.X.o.cmd). The workload and bpf_rules are built from test/
# alone. Fails if one is missing, since then what was read is not known: an
# object of this build with no X.d, a test program that did not compile.
system_inputs() {
	local dir=$1 tests=$2 o t
	local -a deps=()
	[[ -r $dir/objs.list ]] || return 1
	# The objects it links, its own engine objects among them.
	for o in $(<"$dir/objs.list") build/userspace/scap-open/*.o; do
		# The reference objects are not compiled again in a release.
		[[ $o == "$PREBUILT"/* ]] && continue
		deps+=("${o%.o}.d")
	done
	for t in "$tests"/*.c; do
		[[ -e $t ]] && deps+=("$dir/deps/$(basename "${t%.c}").d")
	done
	for o in "${deps[@]}"; do
		[[ -r $o ]] || return 1
	done
	{
		cat "${deps[@]}"
		[[ ! -d $dir/kmod ]] || find "$dir/kmod" -name '.*.cmd' -exec cat {} +
		echo test/workload/workload.h test/workload/*.c test/bpf_rules/*.c
	} | tr -s ' \\\t' '\n\n\n'
}

# lab_inputs_touched NN FILE...: whether a system of lab NN, as last
# built, read any of FILE... Also true when what a system read is not
# known. When it is false, linking the systems again would give the same
# programs. A file is recognised by its path below its top folder, which is
# how the module's build (kmod/KVER/, a mirror of driver/) names it too;
# a file of the same name in another top folder counts as well (a relink
# for nothing, never a link missed).
lab_inputs_touched() {
	local num=$1 top d inputs=
	shift
	top=build/labs/$(basename "$(lab_dir "$num")")
	[[ -d $top ]] || return 0
	for d in "$top" "$top"/ex-*; do
		[[ -d $d ]] || continue
		inputs+=$(system_inputs "$d" "$(lab_dir "$num")/tests") || return 0
		inputs+=$'\n'
	done
	awk -v files="$(printf '%s\n' "${@#*/}")" '
		BEGIN { n = split(files, below, "\n") }
		{
			sub(/:$/, "")
			for (i = 1; i <= n; i++) {
				k = length($0) - length(below[i])
				if (k >= 0 && substr($0, k + 1) == below[i] && (k == 0 || substr($0, k, 1) == "/")) {
					found = 1
					exit
				}
			}
		}
		END { exit !found }' <<<"$inputs"
}

# lab_fingerprints NN: link every system lab NN's checks run in, and print
# "DIR FINGERPRINT" for each, or "DIR FAILED" for one that did not build.
# (grade.sh writes the same lines to $GRADE_FINGERPRINTS, if set.)
lab_fingerprints() {
	local sysdir exercises sources
	while IFS=$'\t' read -r sysdir exercises sources; do
		[[ -n $sysdir ]] || continue
		# shellcheck disable=SC2086
		if build_system "$sysdir" "$1" $sources; then
			echo "$sysdir $(system_fingerprint "$sysdir")"
		else
			echo "$sysdir FAILED"
		fi
	done < <(lab_systems "$1")
}
