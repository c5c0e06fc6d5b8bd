/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Syscalls that act on paths without opening a file: chdir, mkdir,
 * mkdirat, unlink, unlinkat, rename, renameat, renameat2. The kernel
 * module's are in driver/fillers/paths.c, the modern driver's in
 * modern_bpf/programs/tail_called/events/syscall_dispatched_events/.
 *
 * All but mkdir send an enter event without params: the exit event
 * carries the result and every argument, so one event tells what
 * happened. The paths are therefore read after the call, from the
 * caller's buffer.
 */

FILLER(sys_chdir_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_CHDIR_E, 0);
	return 0;
}

FILLER(sys_chdir_x)
{
	bpf_frame_begin(data, PPME_SYSCALL_CHDIR_X, 2);
	/* Parameter 1: res (type: PT_ERRNO) */
	bpf_push_s64_to_ring(data, bpf_syscall_get_retval(data));
	/*
	 * Parameter 2: path (type: PT_CHARBUF). Not PT_FSPATH, as in Falco's
	 * schema, whose userspace keeps each thread's cwd from it.
	 */
	bpf_val_to_ring_str(data, bpf_syscall_get_argument(data, 0), MAX_PATH, USER);
	return 0;
}

FILLER(sys_mkdir_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_MKDIR_2_E, 1);
	/*
	 * Parameter 1: mode (type: PT_UINT32), as the caller passed it, before
	 * the umask. (Falco's 2022 kernel module stores 0 here.)
	 */
	bpf_push_u32_to_ring(data, bpf_syscall_get_argument(data, 1));
	return 0;
}

FILLER(sys_mkdir_x)
{
	bpf_frame_begin(data, PPME_SYSCALL_MKDIR_2_X, 2);
	/* Parameter 1: res (type: PT_ERRNO) */
	bpf_push_s64_to_ring(data, bpf_syscall_get_retval(data));
	/* Parameter 2: path (type: PT_FSPATH) */
	bpf_val_to_ring_str(data, bpf_syscall_get_argument(data, 0), MAX_PATH, USER);
	return 0;
}

FILLER(sys_mkdirat_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_MKDIRAT_E, 0);
	return 0;
}

FILLER(sys_mkdirat_x)
{
	bpf_frame_begin(data, PPME_SYSCALL_MKDIRAT_X, 4);
	/* Parameter 1: res (type: PT_ERRNO) */
	bpf_push_s64_to_ring(data, bpf_syscall_get_retval(data));
	/* Parameter 2: dirfd (type: PT_FD). AT_FDCWD stays -100, as in Falco. */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 0));
	/* Parameter 3: path (type: PT_FSRELPATH) */
	bpf_val_to_ring_str(data, bpf_syscall_get_argument(data, 1), MAX_PATH, USER);
	/* Parameter 4: mode (type: PT_UINT32), before the umask */
	bpf_push_u32_to_ring(data, bpf_syscall_get_argument(data, 2));
	return 0;
}

FILLER(sys_unlink_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_UNLINK_2_E, 0);
	return 0;
}

FILLER(sys_unlink_x)
{
	bpf_frame_begin(data, PPME_SYSCALL_UNLINK_2_X, 2);
	/* Parameter 1: res (type: PT_ERRNO) */
	bpf_push_s64_to_ring(data, bpf_syscall_get_retval(data));
	/* Parameter 2: path (type: PT_FSPATH) */
	bpf_val_to_ring_str(data, bpf_syscall_get_argument(data, 0), MAX_PATH, USER);
	return 0;
}

FILLER(sys_unlinkat_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_UNLINKAT_2_E, 0);
	return 0;
}

FILLER(sys_unlinkat_x)
{
	bpf_frame_begin(data, PPME_SYSCALL_UNLINKAT_2_X, 4);
	/* Parameter 1: res (type: PT_ERRNO) */
	bpf_push_s64_to_ring(data, bpf_syscall_get_retval(data));
	/* Parameter 2: dirfd (type: PT_FD). AT_FDCWD stays -100, as in Falco. */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 0));
	/* Parameter 3: name (type: PT_FSRELPATH) */
	bpf_val_to_ring_str(data, bpf_syscall_get_argument(data, 1), MAX_PATH, USER);
	/* Parameter 4: flags (type: PT_FLAGS32) */
	bpf_push_u32_to_ring(data, unlinkat_flags_to_scap(bpf_syscall_get_argument(data, 2)));
	return 0;
}

FILLER(sys_rename_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_RENAME_E, 0);
	return 0;
}

FILLER(sys_rename_x)
{
	bpf_frame_begin(data, PPME_SYSCALL_RENAME_X, 3);
	/* Parameter 1: res (type: PT_ERRNO) */
	bpf_push_s64_to_ring(data, bpf_syscall_get_retval(data));
	/* Parameter 2: oldpath (type: PT_FSPATH) */
	bpf_val_to_ring_str(data, bpf_syscall_get_argument(data, 0), MAX_PATH, USER);
	/* Parameter 3: newpath (type: PT_FSPATH) */
	bpf_val_to_ring_str(data, bpf_syscall_get_argument(data, 1), MAX_PATH, USER);
	return 0;
}

/* renameat's and renameat2's first five params: res, then each dirfd and its path. */
static __always_inline void bpf_push_renameat_params(struct filler_data *data)
{
	/* Parameter 1: res (type: PT_ERRNO) */
	bpf_push_s64_to_ring(data, bpf_syscall_get_retval(data));
	/* Parameter 2: olddirfd (type: PT_FD). AT_FDCWD stays -100, as in Falco. */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 0));
	/* Parameter 3: oldpath (type: PT_FSRELPATH) */
	bpf_val_to_ring_str(data, bpf_syscall_get_argument(data, 1), MAX_PATH, USER);
	/* Parameter 4: newdirfd (type: PT_FD) */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 2));
	/* Parameter 5: newpath (type: PT_FSRELPATH) */
	bpf_val_to_ring_str(data, bpf_syscall_get_argument(data, 3), MAX_PATH, USER);
}

FILLER(sys_renameat_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_RENAMEAT_E, 0);
	return 0;
}

FILLER(sys_renameat_x)
{
	bpf_frame_begin(data, PPME_SYSCALL_RENAMEAT_X, 5);
	/* Parameters 1-5: res, olddirfd, oldpath, newdirfd, newpath */
	bpf_push_renameat_params(data);
	return 0;
}

FILLER(sys_renameat2_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_RENAMEAT2_E, 0);
	return 0;
}

FILLER(sys_renameat2_x)
{
	bpf_frame_begin(data, PPME_SYSCALL_RENAMEAT2_X, 6);
	/* Parameters 1-5: res, olddirfd, oldpath, newdirfd, newpath */
	bpf_push_renameat_params(data);
	/* Parameter 6: flags (type: PT_FLAGS32) */
	bpf_push_u32_to_ring(data, bpf_renameat2_flags_to_scap(bpf_syscall_get_argument(data, 4)));
	return 0;
}
