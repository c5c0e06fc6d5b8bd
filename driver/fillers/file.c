// SPDX-License-Identifier: GPL-2.0-only
/*
 * open, openat, openat2, creat, close and the dup family.
 *
 * The path is stored on enter and again on exit. The enter copy is what
 * the kernel is about to open; by exit another thread may have rewritten
 * the buffer, and the two copies then differ (labs/06-toctou).
 * The modern driver's twins: modern_bpf/programs/tail_called/events/
 * syscall_dispatched_events/{open,openat,openat2,creat,close,dup}.bpf.c.
 * Path-only syscalls (mkdir, unlink, rename, chdir) are in paths.c.
 */
#include <linux/openat2.h>
#include <linux/uaccess.h>
#include "../ppm_fillers.h"
#include "../ppm_flag_helpers.h"
#include "../extract/file.h"

/* The "flags" and "mode" params of the open family, from the raw flags and mode. */
static int store_open_flags_mode(struct event_filler_arguments *args, u32 flags, u32 mode)
{
	int res;

	res = val_to_ring(args, open_flags_to_scap(flags), 0, false);
	if (res)
		return res;
	return val_to_ring(args, open_modes_to_scap(flags, mode), 0, false);
}

/*
 * The "dev" param of an open's exit: the filesystem of the new fd. Empty
 * when there is none: the open failed, or another thread closed the fd
 * before we looked.
 */
static int store_new_fd_dev(struct event_filler_arguments *args)
{
	u32 dev;

	if (!extract_fd_dev(args->retval, &dev))
		return push_empty_param(args);
	return val_to_ring(args, dev, 0, false);
}

FILLER(sys_open_e)
{
	int res;

	/* Parameter 1: name (type: PT_FSPATH), before the kernel copies it */
	res = val_to_ring(args, args->args[0], 0, true);
	if (res)
		return res;
	/* Parameter 2: flags (type: PT_FLAGS32) */
	/* Parameter 3: mode (type: PT_UINT32) */
	return store_open_flags_mode(args, args->args[1], args->args[2]);
}

FILLER(sys_open_x)
{
	int res;

	/* Parameter 1: fd (type: PT_FD), or -errno */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/* Parameter 2: name (type: PT_FSPATH) */
	res = val_to_ring(args, args->args[0], 0, true);
	if (res)
		return res;
	/* Parameter 3: flags (type: PT_FLAGS32) */
	/* Parameter 4: mode (type: PT_UINT32) */
	res = store_open_flags_mode(args, args->args[1], args->args[2]);
	if (res)
		return res;
	/* Parameter 5: dev (type: PT_UINT32) */
	return store_new_fd_dev(args);
}

FILLER(sys_openat_e)
{
	int res;

	/* Parameter 1: dirfd (type: PT_FD). AT_FDCWD stays -100. */
	res = val_to_ring(args, syscall_arg_fd(args, 0), 0, false);
	if (res)
		return res;
	/* Parameter 2: name (type: PT_FSRELPATH), before the kernel copies it */
	res = val_to_ring(args, args->args[1], 0, true);
	if (res)
		return res;
	/* Parameter 3: flags (type: PT_FLAGS32) */
	/* Parameter 4: mode (type: PT_UINT32) */
	return store_open_flags_mode(args, args->args[2], args->args[3]);
}

FILLER(sys_openat_x)
{
	int res;

	/* Parameter 1: fd (type: PT_FD), or -errno */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/* Parameter 2: dirfd (type: PT_FD) */
	res = val_to_ring(args, syscall_arg_fd(args, 0), 0, false);
	if (res)
		return res;
	/* Parameter 3: name (type: PT_FSRELPATH) */
	res = val_to_ring(args, args->args[1], 0, true);
	if (res)
		return res;
	/* Parameter 4: flags (type: PT_FLAGS32) */
	/* Parameter 5: mode (type: PT_UINT32) */
	res = store_open_flags_mode(args, args->args[2], args->args[3]);
	if (res)
		return res;
	/* Parameter 6: dev (type: PT_UINT32) */
	return store_new_fd_dev(args);
}

/*
 * openat2's flags, mode and resolve are in a struct open_how in user
 * memory (argument 2, of size argument 3). A size below the first
 * version's 24 bytes is EINVAL and what lies there is not part of the
 * call; a newer, longer struct starts with the same 24 bytes. With no
 * readable struct, the three params are empty.
 */
static int store_open_how(struct event_filler_arguments *args)
{
	const void __user *uhow = (const void __user *)args->args[2];
	struct open_how how;
	int res;

	if (args->args[3] < sizeof(how))
		goto empty;
	if (copy_from_user_nofault(&how, uhow, sizeof(how))) {
		/* Counted like val_to_ring() counts an unreadable param. */
		ppm_count_fault_read(args);
		goto empty;
	}
	/* The low 32 bits of the u64 flags and mode, as BPF's converters take them. */
	res = store_open_flags_mode(args, how.flags, how.mode);
	if (res)
		return res;
	return val_to_ring(args, openat2_resolve_to_scap(how.resolve), 0, false);

empty:
	res = push_empty_param(args);
	if (!res)
		res = push_empty_param(args);
	if (!res)
		res = push_empty_param(args);
	return res;
}

FILLER(sys_openat2_e)
{
	int res;

	/* Parameter 1: dirfd (type: PT_FD). AT_FDCWD stays -100. */
	res = val_to_ring(args, syscall_arg_fd(args, 0), 0, false);
	if (res)
		return res;
	/* Parameter 2: name (type: PT_FSRELPATH) */
	res = val_to_ring(args, args->args[1], 0, true);
	if (res)
		return res;
	/* Parameter 3: flags (type: PT_FLAGS32) */
	/* Parameter 4: mode (type: PT_UINT32) */
	/* Parameter 5: resolve (type: PT_FLAGS32) */
	return store_open_how(args);
}

/* Unlike openat's exit, Falco's schema has no "dev" here. */
FILLER(sys_openat2_x)
{
	int res;

	/* Parameter 1: fd (type: PT_FD), or -errno */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/* Parameter 2: dirfd (type: PT_FD) */
	res = val_to_ring(args, syscall_arg_fd(args, 0), 0, false);
	if (res)
		return res;
	/* Parameter 3: name (type: PT_FSRELPATH) */
	res = val_to_ring(args, args->args[1], 0, true);
	if (res)
		return res;
	/* Parameter 4: flags (type: PT_FLAGS32) */
	/* Parameter 5: mode (type: PT_UINT32) */
	/* Parameter 6: resolve (type: PT_FLAGS32) */
	return store_open_how(args);
}

/* creat(path, mode) opens with O_CREAT: its mode is converted like open's. */
FILLER(sys_creat_e)
{
	int res;

	/* Parameter 1: name (type: PT_FSPATH) */
	res = val_to_ring(args, args->args[0], 0, true);
	if (res)
		return res;
	/* Parameter 2: mode (type: PT_UINT32) */
	return val_to_ring(args, open_modes_to_scap(SCAP_KERNEL_O_CREAT, args->args[1]), 0, false);
}

FILLER(sys_creat_x)
{
	int res;

	/* Parameter 1: fd (type: PT_FD), or -errno */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/* Parameter 2: name (type: PT_FSPATH) */
	res = val_to_ring(args, args->args[0], 0, true);
	if (res)
		return res;
	/* Parameter 3: mode (type: PT_UINT32) */
	res = val_to_ring(args, open_modes_to_scap(SCAP_KERNEL_O_CREAT, args->args[1]), 0, false);
	if (res)
		return res;
	/* Parameter 4: dev (type: PT_UINT32) */
	return store_new_fd_dev(args);
}

FILLER(sys_close_e)
{
	/* Parameter 1: fd (type: PT_FD) */
	return val_to_ring(args, syscall_arg_fd(args, 0), 0, false);
}

FILLER(sys_close_x)
{
	/* Parameter 1: res (type: PT_ERRNO) */
	return val_to_ring(args, args->retval, 0, false);
}

/*
 * dup, dup2 and dup3 share this pair, and store the same params: the fd
 * copied and the new one (dup2's and dup3's target is the result when
 * they succeed). So args->syscall_id is not needed to tell them apart.
 */
FILLER(sys_dup_e)
{
	/* Parameter 1: fd (type: PT_FD), the fd being copied (oldfd) */
	return val_to_ring(args, syscall_arg_fd(args, 0), 0, false);
}

FILLER(sys_dup_x)
{
	/* Parameter 1: res (type: PT_FD), the new fd or -errno */
	return val_to_ring(args, args->retval, 0, false);
}
