// SPDX-License-Identifier: GPL-2.0-only
/*
 * Syscalls that act on paths without opening a file: chdir, mkdir,
 * mkdirat, unlink, unlinkat, rename, renameat, renameat2.
 *
 * All but mkdir send nothing on enter: the exit event carries the result
 * and every argument, so one event tells what happened. The paths are
 * therefore read after the call, as the caller's buffer then holds them.
 * The modern driver's twins: modern_bpf/programs/tail_called/events/
 * syscall_dispatched_events/<syscall>.bpf.c.
 */
#include "../ppm_fillers.h"
#include "../ppm_flag_helpers.h"

/*
 * renameat2's flags, as renameat2_flags_to_scap() (driver/
 * renameat2_flags_to_scap.h) converts them for the BPF drivers. That
 * header is lab 04's exercise and only lab 04's files may include it, so
 * the module has its own converter, lab 08's exercise 08.2; the parity
 * test (test/parity/parity.sh) checks that the two agree. __maybe_unused:
 * while lab 08's filler is a TODO, nothing calls it.
 */
static u32 __maybe_unused kmod_renameat2_flags_to_scap(u32 flags)
{
	/* LAB 08.2 BEGIN: turn each kernel RENAME_* bit into its PPM_RENAME_* bit; drop unknown bits */
	return ppm_bit_if(flags, SCAP_KERNEL_RENAME_NOREPLACE, PPM_RENAME_NOREPLACE) |
	       ppm_bit_if(flags, SCAP_KERNEL_RENAME_EXCHANGE, PPM_RENAME_EXCHANGE) |
	       ppm_bit_if(flags, SCAP_KERNEL_RENAME_WHITEOUT, PPM_RENAME_WHITEOUT);
	/* LAB 08.2 STARTER: return 0; */
	/* LAB 08.2 END */
}

FILLER(sys_chdir_e)
{
	return 0;
}

FILLER(sys_chdir_x)
{
	int res;

	/* Parameter 1: res (type: PT_ERRNO) */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/*
	 * Parameter 2: path (type: PT_CHARBUF). Not PT_FSPATH, as in Falco's
	 * schema, whose userspace keeps each thread's cwd from it.
	 */
	return val_to_ring(args, args->args[0], 0, true);
}

FILLER(sys_mkdir_e)
{
	/* Parameter 1: mode (type: PT_UINT32), as passed, before the umask */
	return val_to_ring(args, args->args[1], 0, false);
}

FILLER(sys_mkdir_x)
{
	int res;

	/* Parameter 1: res (type: PT_ERRNO) */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/* Parameter 2: path (type: PT_FSPATH) */
	return val_to_ring(args, args->args[0], 0, true);
}

FILLER(sys_mkdirat_e)
{
	return 0;
}

FILLER(sys_mkdirat_x)
{
	int res;

	/* Parameter 1: res (type: PT_ERRNO) */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/* Parameter 2: dirfd (type: PT_FD). AT_FDCWD stays -100. */
	res = val_to_ring(args, syscall_arg_fd(args, 0), 0, false);
	if (res)
		return res;
	/* Parameter 3: path (type: PT_FSRELPATH) */
	res = val_to_ring(args, args->args[1], 0, true);
	if (res)
		return res;
	/* Parameter 4: mode (type: PT_UINT32), before the umask */
	return val_to_ring(args, args->args[2], 0, false);
}

FILLER(sys_unlink_e)
{
	return 0;
}

FILLER(sys_unlink_x)
{
	int res;

	/* Parameter 1: res (type: PT_ERRNO) */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/* Parameter 2: path (type: PT_FSPATH) */
	return val_to_ring(args, args->args[0], 0, true);
}

FILLER(sys_unlinkat_e)
{
	return 0;
}

FILLER(sys_unlinkat_x)
{
	int res;

	/* Parameter 1: res (type: PT_ERRNO) */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/* Parameter 2: dirfd (type: PT_FD). AT_FDCWD stays -100. */
	res = val_to_ring(args, syscall_arg_fd(args, 0), 0, false);
	if (res)
		return res;
	/* Parameter 3: name (type: PT_FSRELPATH) */
	res = val_to_ring(args, args->args[1], 0, true);
	if (res)
		return res;
	/* Parameter 4: flags (type: PT_FLAGS32) */
	return val_to_ring(args, unlinkat_flags_to_scap(args->args[2]), 0, false);
}

FILLER(sys_rename_e)
{
	return 0;
}

FILLER(sys_rename_x)
{
	int res;

	/* Parameter 1: res (type: PT_ERRNO) */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/* Parameter 2: oldpath (type: PT_FSPATH) */
	res = val_to_ring(args, args->args[0], 0, true);
	if (res)
		return res;
	/* Parameter 3: newpath (type: PT_FSPATH) */
	return val_to_ring(args, args->args[1], 0, true);
}

/* renameat's and renameat2's first five params: res, then each dirfd and its path. */
static int store_renameat_params(struct event_filler_arguments *args)
{
	int res;

	/* Parameter 1: res (type: PT_ERRNO) */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/* Parameter 2: olddirfd (type: PT_FD). AT_FDCWD stays -100. */
	res = val_to_ring(args, syscall_arg_fd(args, 0), 0, false);
	if (res)
		return res;
	/* Parameter 3: oldpath (type: PT_FSRELPATH) */
	res = val_to_ring(args, args->args[1], 0, true);
	if (res)
		return res;
	/* Parameter 4: newdirfd (type: PT_FD) */
	res = val_to_ring(args, syscall_arg_fd(args, 2), 0, false);
	if (res)
		return res;
	/* Parameter 5: newpath (type: PT_FSRELPATH) */
	return val_to_ring(args, args->args[3], 0, true);
}

FILLER(sys_renameat_e)
{
	return 0;
}

FILLER(sys_renameat_x)
{
	/* Parameters 1-5: res, olddirfd, oldpath, newdirfd, newpath */
	return store_renameat_params(args);
}

FILLER(sys_renameat2_e)
{
	return 0;
}

FILLER(sys_renameat2_x)
{
	/* LAB 08.1 BEGIN: store the schema's six params: res, olddirfd, oldpath, newdirfd, newpath, flags */
	int res;

	/* Parameters 1-5: res, olddirfd, oldpath, newdirfd, newpath */
	res = store_renameat_params(args);
	if (res)
		return res;
	/* Parameter 6: flags (type: PT_FLAGS32) */
	return val_to_ring(args, kmod_renameat2_flags_to_scap(args->args[4]), 0, false);
	/* LAB 08.1 STARTER: return 0; */
	/* LAB 08.1 END */
}
