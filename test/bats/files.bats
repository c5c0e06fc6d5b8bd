#!/usr/bin/env bats
# File syscalls: `workload files DIR` (test/workload/workload.c, do_files)
# captured once; each test checks the enter and exit events of one call.
#
#   make -f test/test.mk bats BATS_FILES=test/bats/files.bats

# guest-suite: checks on the host. Its tests only read captures: in a run
# on the guest kernel, test/guest-suite.sh runs them outside the guest.
load helpers

setup_file() {
	fresh_dir names
	capture names names "$D"
	fresh_dir longpath
	capture longpath longpath "$D"
	fresh_dir files
	capture files files "$D"
}

# Most tests query `workload files`; the name tests switch to their capture.
setup() {
	use_capture files
}

# The fd of `openat(AT_FDCWD, DIR, O_RDONLY|O_DIRECTORY|O_CLOEXEC)`, the
# dirfd of the *at calls, into DIRFD.
find_dirfd() {
	pair_by_exit openat '.params.name == $d and .params.fd >= 0'
	DIRFD=$(jq .params.fd <<<"$EXIT")
	export DIRFD
}

@test "files: the workload ran, was captured from its execve, and exited 0" {
	local exe procexit
	exe=$(jq_events -c '[.[] | select(.name == "execve" and .dir == "<")][0]')
	expect_dedicated "the workload's execve exit" "$exe"
	expect_equal "its comm" "$(jq -r .comm <<<"$exe")" workload
	procexit=$(jq_events -c '[.[] | select(.name == "procexit" and .tid == $wpid)][0]')
	expect_params "procexit of the workload" "$procexit" '{status: 0, ret: 0, sig: 0, core: 0}'
}

@test "files: open(DIR/open_file, O_WRONLY|O_CREAT|O_TRUNC, 0644)" {
	pair_by_exit open '.params.name == $d + "/open_file"'
	expect_params "open >" "$ENTER" \
		'{name: ($d + "/open_file"), flags: "O_TRUNC|O_CREAT|O_WRONLY", mode: 420}'
	expect_params "open <" "$EXIT" \
		'{fd: null, name: ($d + "/open_file"), flags: "O_TRUNC|O_CREAT|O_WRONLY", mode: 420,
		  dev: ($ENV.DEV | tonumber)}' fd '. >= 3'
	expect_pid "open <" "$EXIT" "$WPID"
}

@test "files: openat(AT_FDCWD, DIR/openat_file, O_WRONLY|O_CREAT|O_TRUNC, 0644)" {
	pair_by_exit openat '.params.name == $d + "/openat_file"'
	expect_params "openat >" "$ENTER" \
		'{dirfd: -100, name: ($d + "/openat_file"), flags: "O_TRUNC|O_CREAT|O_WRONLY", mode: 420}'
	expect_params "openat <" "$EXIT" \
		'{fd: null, dirfd: -100, name: ($d + "/openat_file"), flags: "O_TRUNC|O_CREAT|O_WRONLY",
		  mode: 420, dev: ($ENV.DEV | tonumber)}' fd '. >= 3'
	expect_pid "openat <" "$EXIT" "$WPID"
}

@test "files: openat2(AT_FDCWD, DIR/openat2_file, {O_RDWR|O_CREAT, 0600, RESOLVE_NO_SYMLINKS})" {
	pair_by_exit openat2 '.params.name == $d + "/openat2_file"'
	expect_params "openat2 >" "$ENTER" \
		'{dirfd: -100, name: ($d + "/openat2_file"), flags: "O_CREAT|O_RDWR", mode: 384,
		  resolve: "RESOLVE_NO_SYMLINKS"}'
	expect_params "openat2 <" "$EXIT" \
		'{fd: null, dirfd: -100, name: ($d + "/openat2_file"), flags: "O_CREAT|O_RDWR",
		  mode: 384, resolve: "RESOLVE_NO_SYMLINKS"}' fd '. >= 3'
	expect_pid "openat2 <" "$EXIT" "$WPID"
}

@test "files: creat(DIR/creat_file, 0640)" {
	pair_by_exit creat '.params.name == $d + "/creat_file"'
	expect_params "creat >" "$ENTER" '{name: ($d + "/creat_file"), mode: 416}'
	expect_params "creat <" "$EXIT" \
		'{fd: null, name: ($d + "/creat_file"), mode: 416, dev: ($ENV.DEV | tonumber)}' fd '. >= 3'
	expect_pid "creat <" "$EXIT" "$WPID"
}

@test "files: close() of the fd that openat returned" {
	local opened fd
	pair_by_exit openat '.params.name == $d + "/openat_file"'
	opened=$EXIT
	fd=$(jq .params.fd <<<"$opened")
	# The first close after the openat, on the workload's thread.
	pair_by_enter close '.tid == $wpid' "$(jq .ts <<<"$opened")"
	expect_params "close >" "$ENTER" "{fd: $fd}"
	expect_params "close <" "$EXIT" '{res: 0}'
	expect_pid "close <" "$EXIT" "$WPID"
}

@test "files: mkdir(DIR/mkdir_dir, 0755)" {
	pair_by_exit mkdir '.params.path == $d + "/mkdir_dir"'
	expect_params "mkdir >" "$ENTER" '{mode: 493}'
	expect_params "mkdir <" "$EXIT" '{res: 0, path: ($d + "/mkdir_dir")}'
	expect_pid "mkdir <" "$EXIT" "$WPID"
}

@test "files: mkdirat(dirfd, \"mkdirat_dir\", 0700)" {
	find_dirfd
	pair_by_exit mkdirat '.params.path == "mkdirat_dir"'
	expect_params "mkdirat >" "$ENTER" '{}'
	expect_params "mkdirat <" "$EXIT" \
		'{res: 0, dirfd: ($ENV.DIRFD | tonumber), path: "mkdirat_dir", mode: 448}'
	expect_pid "mkdirat <" "$EXIT" "$WPID"
}

@test "files: chdir(DIR/mkdir_dir) then chdir(DIR)" {
	local first
	pair_by_exit chdir '.params.path == $d + "/mkdir_dir"'
	expect_params "chdir > (1st)" "$ENTER" '{}'
	expect_params "chdir < (1st)" "$EXIT" '{res: 0, path: ($d + "/mkdir_dir")}'
	expect_pid "chdir < (1st)" "$EXIT" "$WPID"
	first=$(jq .ts <<<"$EXIT")
	pair_by_exit chdir '.params.path == $d' "$first"
	expect_params "chdir > (2nd)" "$ENTER" '{}'
	expect_params "chdir < (2nd)" "$EXIT" '{res: 0, path: $d}'
}

@test "files: rename(DIR/open_file, DIR/renamed_file)" {
	pair_by_exit rename '.params.newpath == $d + "/renamed_file"'
	expect_params "rename >" "$ENTER" '{}'
	expect_params "rename <" "$EXIT" \
		'{res: 0, oldpath: ($d + "/open_file"), newpath: ($d + "/renamed_file")}'
	expect_pid "rename <" "$EXIT" "$WPID"
}

@test "files: renameat(dirfd, \"openat_file\", dirfd, \"renamedat_file\")" {
	find_dirfd
	pair_by_exit renameat '.params.newpath == "renamedat_file"'
	expect_params "renameat >" "$ENTER" '{}'
	expect_params "renameat <" "$EXIT" \
		'{res: 0, olddirfd: ($ENV.DIRFD | tonumber), oldpath: "openat_file",
		  newdirfd: ($ENV.DIRFD | tonumber), newpath: "renamedat_file"}'
	expect_pid "renameat <" "$EXIT" "$WPID"
}

@test "files: renameat2(dirfd, \"creat_file\", dirfd, \"renamedat2_file\", RENAME_NOREPLACE)" {
	find_dirfd
	pair_by_exit renameat2 '.params.newpath == "renamedat2_file"'
	expect_params "renameat2 >" "$ENTER" '{}'
	expect_params "renameat2 <" "$EXIT" \
		'{res: 0, olddirfd: ($ENV.DIRFD | tonumber), oldpath: "creat_file",
		  newdirfd: ($ENV.DIRFD | tonumber), newpath: "renamedat2_file",
		  flags: "RENAME_NOREPLACE"}'
	expect_pid "renameat2 <" "$EXIT" "$WPID"
}

@test "files: unlink(DIR/renamed_file)" {
	pair_by_exit unlink '.params.path == $d + "/renamed_file"'
	expect_params "unlink >" "$ENTER" '{}'
	expect_params "unlink <" "$EXIT" '{res: 0, path: ($d + "/renamed_file")}'
	expect_pid "unlink <" "$EXIT" "$WPID"
}

@test "files: unlinkat(dirfd, \"renamedat_file\", 0)" {
	find_dirfd
	pair_by_exit unlinkat '.params.name == "renamedat_file"'
	expect_params "unlinkat >" "$ENTER" '{}'
	# flags 0: no name in the table, so the decoder prints "0".
	expect_params "unlinkat <" "$EXIT" \
		'{res: 0, dirfd: ($ENV.DIRFD | tonumber), name: "renamedat_file", flags: "0"}'
	expect_pid "unlinkat <" "$EXIT" "$WPID"
}

@test "files: unlinkat(dirfd, \"mkdirat_dir\", AT_REMOVEDIR)" {
	find_dirfd
	pair_by_exit unlinkat '.params.name == "mkdirat_dir"'
	expect_params "unlinkat >" "$ENTER" '{}'
	expect_params "unlinkat <" "$EXIT" \
		'{res: 0, dirfd: ($ENV.DIRFD | tonumber), name: "mkdirat_dir", flags: "AT_REMOVEDIR"}'
	expect_pid "unlinkat <" "$EXIT" "$WPID"
}

# ---- `workload names DIR` (do_names): file names JSON must escape right ----

@test "files: a UTF-8 file name (café-é.txt) is captured as the same UTF-8 text" {
	use_capture names
	pair_by_exit openat '.params.name == $d + "/café-é.txt"'
	expect_params "openat >" "$ENTER" \
		'{dirfd: -100, name: ($d + "/café-é.txt"), flags: "O_TRUNC|O_CREAT|O_WRONLY", mode: 420}'
	expect_params "openat <" "$EXIT" \
		'{fd: null, dirfd: -100, name: ($d + "/café-é.txt"), flags: "O_TRUNC|O_CREAT|O_WRONLY",
		  mode: 420, dev: ($ENV.DEV | tonumber)}' fd '. >= 3'
	expect_pid "openat <" "$EXIT" "$WPID"
	# Valid UTF-8 is printed as is, not as \u escapes: in the openat's two
	# events, and as the name of the fd its exit and the close's enter show.
	run grep -c 'café-é\.txt' "$CAPTURE"
	expect_equal "lines with the raw UTF-8 name" "$output" 3
	expect_equal "the fd's name" "$(jq -r .resolved.fd <<<"$EXIT")" "<f>$D/café-é.txt"
}

@test "files: a file name with a newline is one JSON line with \\n in it" {
	use_capture names
	pair_by_exit openat '.params.name == $d + "/new\nline"'
	expect_params "openat >" "$ENTER" \
		'{dirfd: -100, name: ($d + "/new\nline"), flags: "O_TRUNC|O_CREAT|O_WRONLY", mode: 420}'
	expect_params "openat <" "$EXIT" \
		'{fd: null, dirfd: -100, name: ($d + "/new\nline"), flags: "O_TRUNC|O_CREAT|O_WRONLY",
		  mode: 420, dev: ($ENV.DEV | tonumber)}' fd '. >= 3'
	run grep -c 'new\\nline' "$CAPTURE"
	expect_equal "lines with the escaped newline (openat's two, close's fd)" "$output" 3
}

@test "files: a file name with a quote and a backslash is escaped" {
	use_capture names
	pair_by_exit openat '.params.name == $d + "/q\"uo\\te"'
	expect_params "openat >" "$ENTER" \
		'{dirfd: -100, name: ($d + "/q\"uo\\te"), flags: "O_TRUNC|O_CREAT|O_WRONLY", mode: 420}'
	expect_params "openat <" "$EXIT" \
		'{fd: null, dirfd: -100, name: ($d + "/q\"uo\\te"), flags: "O_TRUNC|O_CREAT|O_WRONLY",
		  mode: 420, dev: ($ENV.DEV | tonumber)}' fd '. >= 3'
}

@test "files: mkdir(DIR/répertoire, 0755) with a UTF-8 name" {
	use_capture names
	pair_by_exit mkdir '.params.path == $d + "/répertoire"'
	expect_params "mkdir >" "$ENTER" '{mode: 493}'
	expect_params "mkdir <" "$EXIT" '{res: 0, path: ($d + "/répertoire")}'
	expect_pid "mkdir <" "$EXIT" "$WPID"
}

# ---- `workload longpath DIR` (do_longpath): paths of PATH_MAX - 1 bytes ----

# The file the workload created at the end of its 4095-byte path, into LONG.
find_long_path() {
	# D_FILES: what the capturing machine found in D (NAME.vars); D itself
	# may be a guest's folder.
	LONG=$(grep -F "$D/longpath/" <<<"${D_FILES:-$(find "$D" -type f)}")
	[[ -n $LONG ]] || fail "the workload created no file under $D/longpath"
	expect_equal "bytes in the path of $LONG" "$(LC_ALL=C; echo ${#LONG})" 4095
	export LONG
}

@test "files: openat of a 4095-byte path (PATH_MAX - 1) captures the whole path" {
	use_capture longpath
	find_long_path
	pair_by_exit openat '.params.name == $ENV.LONG'
	expect_params "openat >" "$ENTER" \
		'{dirfd: -100, name: $ENV.LONG, flags: "O_TRUNC|O_CREAT|O_WRONLY", mode: 420}'
	expect_params "openat <" "$EXIT" \
		'{fd: null, dirfd: -100, name: $ENV.LONG, flags: "O_TRUNC|O_CREAT|O_WRONLY", mode: 420,
		  dev: ($ENV.DEV | tonumber)}' fd '. >= 3'
	expect_pid "openat <" "$EXIT" "$WPID"
}

@test "files: openat of a missing 4095-byte path = -ENOENT, with the whole path" {
	use_capture longpath
	find_long_path
	export MISSING="${LONG%f}g"
	pair_by_exit openat '.params.name == $ENV.MISSING'
	expect_params "openat >" "$ENTER" \
		'{dirfd: -100, name: $ENV.MISSING, flags: "O_RDONLY", mode: 0}'
	expect_params "openat <" "$EXIT" \
		'{fd: -2, dirfd: -100, name: $ENV.MISSING, flags: "O_RDONLY", mode: 0, dev: null}'
}

@test "files: openat of a 4096-byte path = -ENAMETOOLONG, its name cut to 4095 bytes" {
	use_capture longpath
	find_long_path
	# The driver reads at most PATH_MAX bytes with the NUL: the last 'f' is lost.
	pair_by_exit openat '.params.fd == -36'
	expect_params "openat >" "$ENTER" '{dirfd: -100, name: $ENV.LONG, flags: "O_RDONLY", mode: 0}'
	expect_params "openat <" "$EXIT" \
		'{fd: -36, dirfd: -100, name: $ENV.LONG, flags: "O_RDONLY", mode: 0, dev: null}'
}
