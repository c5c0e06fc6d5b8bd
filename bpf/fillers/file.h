/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * open, openat, openat2, creat, close and the dup family. The kernel
 * module's are in driver/fillers/file.c, the modern driver's in
 * modern_bpf/programs/tail_called/events/syscall_dispatched_events/.
 *
 * The path is stored on enter and again on exit. The enter copy is what
 * the kernel is about to open; by exit another thread may have rewritten
 * the buffer, and the two copies then differ (labs/06-toctou).
 */

/*
 * The "dev" param of an open's exit: the filesystem of the new fd. Empty
 * when there is none: the open failed, or another thread closed the fd
 * before we looked. (Falco's 2022 driver stores 0 then.)
 */
static __always_inline void bpf_push_new_fd_dev(struct filler_data *data, long fd)
{
	struct file *file = bpf_fd_to_file(fd);

	if (file)
		bpf_push_u32_to_ring(data, bpf_file_dev(file));
	else
		bpf_push_empty_param(data);
}

FILLER(sys_open_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_OPEN_E, 3);
	/* Parameter 1: name (type: PT_FSPATH), before the kernel copies it */
	bpf_val_to_ring_str(data, bpf_syscall_get_argument(data, 0), MAX_PATH, USER);
	/* Parameter 2: flags (type: PT_FLAGS32) */
	/* Parameter 3: mode (type: PT_UINT32) */
	bpf_push_open_flags_mode(data, bpf_syscall_get_argument(data, 1),
				 bpf_syscall_get_argument(data, 2));
	return 0;
}

FILLER(sys_open_x)
{
	long ret = bpf_syscall_get_retval(data);

	bpf_frame_begin(data, PPME_SYSCALL_OPEN_X, 5);
	/* Parameter 1: fd (type: PT_FD), or -errno */
	bpf_push_s64_to_ring(data, ret);
	/* Parameter 2: name (type: PT_FSPATH) */
	bpf_val_to_ring_str(data, bpf_syscall_get_argument(data, 0), MAX_PATH, USER);
	/* Parameter 3: flags (type: PT_FLAGS32) */
	/* Parameter 4: mode (type: PT_UINT32) */
	bpf_push_open_flags_mode(data, bpf_syscall_get_argument(data, 1),
				 bpf_syscall_get_argument(data, 2));
	/* Parameter 5: dev (type: PT_UINT32) */
	bpf_push_new_fd_dev(data, ret);
	return 0;
}

FILLER(sys_openat_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_OPENAT_2_E, 4);
	/* Parameter 1: dirfd (type: PT_FD). AT_FDCWD stays -100, as in Falco. */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 0));
	/* Parameter 2: name (type: PT_FSRELPATH), before the kernel copies it */
	bpf_val_to_ring_str(data, bpf_syscall_get_argument(data, 1), MAX_PATH, USER);
	/* Parameter 3: flags (type: PT_FLAGS32) */
	/* Parameter 4: mode (type: PT_UINT32) */
	bpf_push_open_flags_mode(data, bpf_syscall_get_argument(data, 2),
				 bpf_syscall_get_argument(data, 3));
	return 0;
}

FILLER(sys_openat_x)
{
	long ret = bpf_syscall_get_retval(data);

	bpf_frame_begin(data, PPME_SYSCALL_OPENAT_2_X, 6);
	/* Parameter 1: fd (type: PT_FD), or -errno */
	bpf_push_s64_to_ring(data, ret);
	/* Parameter 2: dirfd (type: PT_FD) */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 0));
	/* Parameter 3: name (type: PT_FSRELPATH) */
	bpf_val_to_ring_str(data, bpf_syscall_get_argument(data, 1), MAX_PATH, USER);
	/* Parameter 4: flags (type: PT_FLAGS32) */
	/* Parameter 5: mode (type: PT_UINT32) */
	bpf_push_open_flags_mode(data, bpf_syscall_get_argument(data, 2),
				 bpf_syscall_get_argument(data, 3));
	/* Parameter 6: dev (type: PT_UINT32) */
	bpf_push_new_fd_dev(data, ret);
	return 0;
}

FILLER(sys_openat2_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_OPENAT2_E, 5);
	/* Parameter 1: dirfd (type: PT_FD). AT_FDCWD stays -100, as in Falco. */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 0));
	/* Parameter 2: name (type: PT_FSRELPATH) */
	bpf_val_to_ring_str(data, bpf_syscall_get_argument(data, 1), MAX_PATH, USER);
	/* Parameter 3: flags (type: PT_FLAGS32) */
	/* Parameter 4: mode (type: PT_UINT32) */
	/* Parameter 5: resolve (type: PT_FLAGS32) */
	bpf_push_open_how(data);
	return 0;
}

/* Unlike openat's exit, Falco's schema has no "dev" here. */
FILLER(sys_openat2_x)
{
	bpf_frame_begin(data, PPME_SYSCALL_OPENAT2_X, 6);
	/* Parameter 1: fd (type: PT_FD), or -errno */
	bpf_push_s64_to_ring(data, bpf_syscall_get_retval(data));
	/* Parameter 2: dirfd (type: PT_FD) */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 0));
	/* Parameter 3: name (type: PT_FSRELPATH) */
	bpf_val_to_ring_str(data, bpf_syscall_get_argument(data, 1), MAX_PATH, USER);
	/* Parameter 4: flags (type: PT_FLAGS32) */
	/* Parameter 5: mode (type: PT_UINT32) */
	/* Parameter 6: resolve (type: PT_FLAGS32) */
	bpf_push_open_how(data);
	return 0;
}

/* creat(path, mode) opens with O_CREAT: its mode is converted like open's. */
FILLER(sys_creat_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_CREAT_E, 2);
	/* Parameter 1: name (type: PT_FSPATH) */
	bpf_val_to_ring_str(data, bpf_syscall_get_argument(data, 0), MAX_PATH, USER);
	/* Parameter 2: mode (type: PT_UINT32) */
	bpf_push_u32_to_ring(data, open_modes_to_scap(SCAP_KERNEL_O_CREAT,
						      bpf_syscall_get_argument(data, 1)));
	return 0;
}

FILLER(sys_creat_x)
{
	long ret = bpf_syscall_get_retval(data);

	bpf_frame_begin(data, PPME_SYSCALL_CREAT_X, 4);
	/* Parameter 1: fd (type: PT_FD), or -errno */
	bpf_push_s64_to_ring(data, ret);
	/* Parameter 2: name (type: PT_FSPATH) */
	bpf_val_to_ring_str(data, bpf_syscall_get_argument(data, 0), MAX_PATH, USER);
	/* Parameter 3: mode (type: PT_UINT32) */
	bpf_push_u32_to_ring(data, open_modes_to_scap(SCAP_KERNEL_O_CREAT,
						      bpf_syscall_get_argument(data, 1)));
	/* Parameter 4: dev (type: PT_UINT32) */
	bpf_push_new_fd_dev(data, ret);
	return 0;
}

FILLER(sys_close_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_CLOSE_E, 1);
	/* Parameter 1: fd (type: PT_FD) */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 0));
	return 0;
}

FILLER(sys_close_x)
{
	bpf_frame_begin(data, PPME_SYSCALL_CLOSE_X, 1);
	/* Parameter 1: res (type: PT_ERRNO) */
	bpf_push_s64_to_ring(data, bpf_syscall_get_retval(data));
	return 0;
}

/*
 * dup, dup2 and dup3 share this pair (driver/syscall_table.c), and store
 * the same params: the fd copied and the new one (dup2's and dup3's target
 * is the result when they succeed). Tail calls go by event code, so one
 * program serves all three; the modern probe, whose loader goes by
 * syscall name, needs a pair of programs per syscall.
 */
FILLER(sys_dup_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_DUP_E, 1);
	/* Parameter 1: fd (type: PT_FD), the fd being copied (oldfd) */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 0));
	return 0;
}

FILLER(sys_dup_x)
{
	bpf_frame_begin(data, PPME_SYSCALL_DUP_X, 1);
	/* Parameter 1: res (type: PT_FD), the new fd or -errno */
	bpf_push_s64_to_ring(data, bpf_syscall_get_retval(data));
	return 0;
}
