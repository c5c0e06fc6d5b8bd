#!/bin/bash
# The docs name only what exists. Run by `make test` (scripts/run-tests.sh).
#
#   scripts/check-docs.sh [FILE.md...]      (default: every tracked .md)
#
# For each Markdown file it checks what a reader would try to open or run:
#   - every relative link [text](path) points at a file or folder;
#   - every repository path in `backticks` or in a code block
#     (driver/..., labs/..., userspace/...) exists; a build/labs/NN-slug/
#     path names a lab that exists;
#   - every `function()` in backticks is a function of the code (or one it
#     calls), a syscall, or one of the few outside ones listed below;
#   - every `make TARGET` is a target of the Makefile.
# Prints TAP, one line per file, each problem under it. Exit status 1 if a
# file names something that does not exist.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2

if [[ $# -gt 0 ]]; then
	files=("$@")
elif git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	mapfile -t files < <(git ls-files '*.md')
else
	mapfile -t files < <(find . -name '*.md' -not -path './build/*' | sed 's|^\./||' | sort)
fi

# What may be named, in associative arrays: lookups must not fork, there
# are thousands of them.
declare -A TARGETS=() FUNCS=() LABS=()
for t in $(sed -nE 's/^([a-z][a-z0-9_-]*( [a-z][a-z0-9_-]*)*):([^=]|$).*/\1/p' \
	Makefile */Makefile.inc mk/*.mk test/*.mk test/*/*.mk labs/*.mk); do
	TARGETS[$t]=1
done
# Functions: every name called or defined as name( in the code, the
# syscalls, and the few outside functions the docs point at on purpose.
OUTSIDE_FUNCS=(
	getname move_addr_to_kernel __sys_connect	# the kernel: fs/namei.c, net/socket.c
	unix_wait_for_peer wait_for_partner		# net/unix/af_unix.c, fs/pipe.c
	fd_to_socktuple record_event_consumer		# Falco's driver, ppm_fillers.c, main.c
	vm_flags_clear vm_flags_set			# the kernel since 6.3: include/linux/mm.h
	isatty tcgetattr				# the C library
	printk pr_info pr_debug				# the kernel: include/linux/printk.h
	might_fault bad_area_nosemaphore fixup_exception	# mm/memory.c, arch/x86/mm/
	handle_softirqs					# kernel/softirq.c
	perf_mmap perf_output_begin			# kernel/events/core.c, ring_buffer.c
	bpf_probe_read					# the kernel's BPF helper before 5.5
)
while read -r fn; do
	FUNCS[$fn]=1
done < <({
	grep -rhoE --include='*.c' --include='*.h' --include='*.sh' --include='*.bash' \
		--include='*.bats' '\b[A-Za-z_][A-Za-z0-9_]*[[:space:]]*\(' \
		driver modern_bpf bpf userspace labs scripts test 2>/dev/null | sed -E 's/[[:space:]]*\($//'
	# The kernel module's fillers: FILLER(sys_pipe_x) defines f_sys_pipe_x().
	grep -rhoE '^FILLER\([a-z0-9_]+\)' driver bpf | sed -E 's/^FILLER\((.*)\)/f_\1/'
	sh scripts/gen-syscall-names.sh 2>/dev/null | sed -nE 's/.*"([a-z0-9_]+)".*/\1/p'
	printf '%s\n' "${OUTSIDE_FUNCS[@]}"
} | sort -u)
for d in labs/[0-9][0-9]-*/; do
	d=${d%/}
	LABS[${d#labs/}]=1
done
REPO_PATH="^(\./)?(driver|modern_bpf|bpf|userspace|labs|solutions|scripts|test|docs|examples|build)/[A-Za-z0-9_./+-]*$"

# check_path WORD: a repository path in a doc exists.
check_path() {
	local word=${1%[,.:;)]}
	word=${word#(}
	[[ $word =~ $REPO_PATH ]] || return 0
	word=${word#./}
	# Placeholders (NN-slug, X.c) stand for any name.
	[[ $word == *NN* || $word == */X.* || $word == */X || $word == *'*'* || $word == *...* ]] && return 0
	# labs/prebuilt/ is made by make lab-start and make student-release.
	[[ $word == labs/prebuilt* ]] && return 0
	if [[ $word == build/* ]]; then
		if [[ $word =~ ^build/labs/([0-9][0-9]-[a-z0-9-]+) && -z ${LABS[${BASH_REMATCH[1]}]:-} ]]; then
			echo "$word: there is no lab ${BASH_REMATCH[1]}"
		fi
		return 0
	fi
	# A student release has no solutions/: the docs that name it speak of
	# the full repository (and say so).
	[[ $word == solutions* && ! -e solutions ]] && return 0
	[[ -e $word ]] || echo "$word: no such file"
}

# check_make TEXT: the target of a "make TARGET" in TEXT exists.
check_make() {
	local word skip=0
	[[ $1 =~ (^|[[:space:]\$\;\&])(sudo[[:space:]]+)?make[[:space:]]+(.*)$ ]] || return 0
	for word in ${BASH_REMATCH[3]}; do
		# -f FILE, -C DIR: the next word is not a target.
		[[ $skip == 1 ]] && { skip=0; continue; }
		case $word in
		-f | -C) skip=1; continue ;;
		-* | *=*) continue ;;
		'#'* | '&&' | '||' | ';' | '|') return 0 ;;
		esac
		[[ -n ${TARGETS[$word]:-} ]] || echo "make $word: no such target"
		return 0
	done
}

# problems FILE: print each thing FILE names that does not exist.
problems() {
	local f=$1 dir line rest span target word in_code=0
	dir=$(dirname "$f")
	while IFS= read -r line || [[ -n $line ]]; do
		if [[ $line == '```'* ]]; then
			in_code=$((1 - in_code))
			continue
		fi
		if [[ $in_code == 1 ]]; then
			check_make "$line"
			for word in $line; do
				check_path "$word"
			done
			continue
		fi
		# Links (outside code blocks, where Markdown may be shown as text).
		rest=$line
		while [[ $rest =~ \]\(([^\)\ ]+)\) ]]; do
			target=${BASH_REMATCH[1]}
			rest=${rest#*"${BASH_REMATCH[0]}"}
			case $target in
			http://* | https://* | mailto:* | '#'*) continue ;;
			esac
			[[ -e $dir/${target%%#*} ]] || echo "link to $target: no such file"
		done
		rest=$line
		while [[ $rest =~ \`([^\`]+)\` ]]; do
			span=${BASH_REMATCH[1]}
			rest=${rest#*"${BASH_REMATCH[0]}"}
			check_make "$span"
			if [[ $span =~ ^([A-Za-z_][A-Za-z0-9_]*)\(\)$ && -z ${FUNCS[${BASH_REMATCH[1]}]:-} ]]; then
				echo "${BASH_REMATCH[1]}(): no such function in the code, the kernel or its syscalls"
			fi
			for word in $span; do
				check_path "$word"
			done
		done
	done <"$f"
}

n=0 failed=0
for f in "${files[@]}"; do
	n=$((n + 1))
	out=$(problems "$f" | sort -u)
	if [[ -z $out ]]; then
		echo "ok $n $f names only what exists"
	else
		failed=$((failed + 1))
		echo "not ok $n $f names only what exists"
		sed 's/^/# /' <<<"$out"
	fi
done
echo "1..$n"
[[ $failed == 0 ]]
