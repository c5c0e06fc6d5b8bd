// SPDX-License-Identifier: GPL-2.0-only
/*
 * ptrace and bpf: two exits whose params hold a PT_DYN value, whose type
 * depends on the call (driver/ppm_ptrace_bpf.h says which). The modern
 * driver's twins: ptrace.bpf.c and bpf.bpf.c in
 * modern_bpf/programs/tail_called/events/syscall_dispatched_events/.
 */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <linux/uaccess.h>
#include "../ppm_fillers.h"
#include "../ppm_ptrace_bpf.h"

/* The numbers ppm_ptrace_bpf.h spells out for the BPF drivers are the kernel's. */
#define SCAP_KERNEL_CHECK(name) \
	_Static_assert(SCAP_KERNEL_##name == (name), \
		       #name " differs from the x86_64 value in ppm_ptrace_bpf.h")
SCAP_KERNEL_CHECK(PTRACE_TRACEME);
SCAP_KERNEL_CHECK(PTRACE_PEEKUSR);
SCAP_KERNEL_CHECK(PTRACE_POKEUSR);
SCAP_KERNEL_CHECK(PTRACE_SINGLESTEP);
SCAP_KERNEL_CHECK(PTRACE_GETREGS);
SCAP_KERNEL_CHECK(PTRACE_SETFPREGS);
SCAP_KERNEL_CHECK(PTRACE_ATTACH);
SCAP_KERNEL_CHECK(PTRACE_DETACH);
SCAP_KERNEL_CHECK(PTRACE_GETFPXREGS);
SCAP_KERNEL_CHECK(PTRACE_SETFPXREGS);
SCAP_KERNEL_CHECK(PTRACE_OLDSETOPTIONS);
SCAP_KERNEL_CHECK(PTRACE_SYSCALL);
SCAP_KERNEL_CHECK(PTRACE_GET_THREAD_AREA);
SCAP_KERNEL_CHECK(PTRACE_SET_THREAD_AREA);
SCAP_KERNEL_CHECK(PTRACE_ARCH_PRCTL);
SCAP_KERNEL_CHECK(PTRACE_SYSEMU);
SCAP_KERNEL_CHECK(PTRACE_SYSEMU_SINGLESTEP);
SCAP_KERNEL_CHECK(PTRACE_SINGLEBLOCK);
SCAP_KERNEL_CHECK(PTRACE_SETOPTIONS);
SCAP_KERNEL_CHECK(PTRACE_GETEVENTMSG);
SCAP_KERNEL_CHECK(PTRACE_SEIZE);
SCAP_KERNEL_CHECK(PTRACE_LISTEN);
SCAP_KERNEL_CHECK(PTRACE_SETSIGMASK);
SCAP_KERNEL_CHECK(BPF_MAP_CREATE);
SCAP_KERNEL_CHECK(BPF_PROG_LOAD);
#undef SCAP_KERNEL_CHECK

FILLER(sys_ptrace_e)
{
	int res;

	/* Parameter 1: request (type: PT_FLAGS16) */
	res = val_to_ring(args, ptrace_requests_to_scap(args->args[0]), 0, false);
	/* Parameter 2: pid (type: PT_PID) */
	return res ? res : val_to_ring(args, (s64)(s32)args->args[1], 0, false);
}

/*
 * Parameter 3: data (type: PT_DYN). A PEEK's word, read where the kernel
 * wrote it, is an empty param if it cannot be read (counted); Falco's
 * filler fails there and the event is lost.
 */
static int store_ptrace_data(struct event_filler_arguments *args, u16 request)
{
	unsigned long data = args->args[3];
	u64 word;

	if (!ptrace_data_is_peeked(request))
		return ppm_push_dyn(args, ptrace_data_index(request), data,
				    ptrace_data_index(request) == PPM_PTRACE_IDX_SIGTYPE ? 1 : 8);
	if (copy_from_user_nofault(&word, (const void __user *)data, sizeof(word))) {
		ppm_count_fault_read(args);
		return push_empty_param(args);
	}
	return ppm_push_dyn(args, PPM_PTRACE_IDX_UINT64, word, 8);
}

FILLER(sys_ptrace_x)
{
	u16 request = ptrace_requests_to_scap(args->args[0]);
	int res;

	/* Parameter 1: res (type: PT_ERRNO) */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/* A failed call: 0 in both, as Falco. */
	if (args->retval < 0) {
		res = ppm_push_dyn(args, PPM_PTRACE_IDX_UINT64, 0, 8);
		return res ? res : ppm_push_dyn(args, PPM_PTRACE_IDX_UINT64, 0, 8);
	}
	/* Parameter 2: addr (type: PT_DYN), the register */
	res = ppm_push_dyn(args, PPM_PTRACE_IDX_UINT64, args->args[2], 8);
	return res ? res : store_ptrace_data(args, request);
}

FILLER(sys_bpf_e)
{
	/* Parameter 1: cmd (type: PT_INT64), an int */
	return val_to_ring(args, (s64)(s32)args->args[0], 0, false);
}

FILLER(sys_bpf_x)
{
	/* Parameter 1: res_or_fd (type: PT_DYN): an fd or a result, both 8 bytes */
	return ppm_push_dyn(args, bpf_res_or_fd_index((s32)args->args[0], args->retval),
			    args->retval, 8);
}
