// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The names of ptrace's request and the types of ptrace's and bpf's PT_DYN
 * params (driver/ppm_ptrace_bpf.h). Apart from flags_table.c only for its
 * size. The requests are an enumeration, not bits: listed from the highest
 * number down, as sockopt's options (flags_table_sockopt.c says why).
 */
#ifdef __KERNEL__
#include <linux/stddef.h>	/* NULL; the kernel has no <stddef.h> */
#else
#include <stddef.h>
#endif

#include "flags_table.h"
#include "ppm_ptrace_bpf.h"

/* ptrace "request" (PT_FLAGS16). */
const struct ppm_name_value ptrace_requests[] = {
	{ "PTRACE_SINGLEBLOCK", PPM_PTRACE_SINGLEBLOCK },
	{ "PTRACE_SYSEMU_SINGLESTEP", PPM_PTRACE_SYSEMU_SINGLESTEP },
	{ "PTRACE_SYSEMU", PPM_PTRACE_SYSEMU },
	{ "PTRACE_ARCH_PRCTL", PPM_PTRACE_ARCH_PRCTL },
	{ "PTRACE_SET_THREAD_AREA", PPM_PTRACE_SET_THREAD_AREA },
	{ "PTRACE_GET_THREAD_AREA", PPM_PTRACE_GET_THREAD_AREA },
	{ "PTRACE_OLDSETOPTIONS", PPM_PTRACE_OLDSETOPTIONS },
	{ "PTRACE_SETFPXREGS", PPM_PTRACE_SETFPXREGS },
	{ "PTRACE_GETFPXREGS", PPM_PTRACE_GETFPXREGS },
	{ "PTRACE_SETFPREGS", PPM_PTRACE_SETFPREGS },
	{ "PTRACE_GETFPREGS", PPM_PTRACE_GETFPREGS },
	{ "PTRACE_SETREGS", PPM_PTRACE_SETREGS },
	{ "PTRACE_GETREGS", PPM_PTRACE_GETREGS },
	{ "PTRACE_SETSIGMASK", PPM_PTRACE_SETSIGMASK },
	{ "PTRACE_GETSIGMASK", PPM_PTRACE_GETSIGMASK },
	{ "PTRACE_PEEKSIGINFO", PPM_PTRACE_PEEKSIGINFO },
	{ "PTRACE_LISTEN", PPM_PTRACE_LISTEN },
	{ "PTRACE_INTERRUPT", PPM_PTRACE_INTERRUPT },
	{ "PTRACE_SEIZE", PPM_PTRACE_SEIZE },
	{ "PTRACE_SETREGSET", PPM_PTRACE_SETREGSET },
	{ "PTRACE_GETREGSET", PPM_PTRACE_GETREGSET },
	{ "PTRACE_SETSIGINFO", PPM_PTRACE_SETSIGINFO },
	{ "PTRACE_GETSIGINFO", PPM_PTRACE_GETSIGINFO },
	{ "PTRACE_GETEVENTMSG", PPM_PTRACE_GETEVENTMSG },
	{ "PTRACE_SETOPTIONS", PPM_PTRACE_SETOPTIONS },
	{ "PTRACE_SYSCALL", PPM_PTRACE_SYSCALL },
	{ "PTRACE_DETACH", PPM_PTRACE_DETACH },
	{ "PTRACE_ATTACH", PPM_PTRACE_ATTACH },
	{ "PTRACE_SINGLESTEP", PPM_PTRACE_SINGLESTEP },
	{ "PTRACE_KILL", PPM_PTRACE_KILL },
	{ "PTRACE_CONT", PPM_PTRACE_CONT },
	{ "PTRACE_POKEUSR", PPM_PTRACE_POKEUSR },
	{ "PTRACE_POKEDATA", PPM_PTRACE_POKEDATA },
	{ "PTRACE_POKETEXT", PPM_PTRACE_POKETEXT },
	{ "PTRACE_PEEKUSR", PPM_PTRACE_PEEKUSR },
	{ "PTRACE_PEEKDATA", PPM_PTRACE_PEEKDATA },
	{ "PTRACE_PEEKTEXT", PPM_PTRACE_PEEKTEXT },
	{ "PTRACE_TRACEME", PPM_PTRACE_TRACEME },
	{ "PTRACE_UNKNOWN", PPM_PTRACE_UNKNOWN },
	{ NULL, 0 },
};

/* ptrace "addr" and "data" (PT_DYN): entry PPM_PTRACE_IDX_* is the value's type. */
const struct ppm_param_info ptrace_dynamic_param[PPM_PTRACE_IDX_MAX] = {
	[PPM_PTRACE_IDX_UINT64] = { .name = "UINT64", .type = PT_UINT64, .fmt = PF_HEX },
	[PPM_PTRACE_IDX_SIGTYPE] = { .name = "SIGTYPE", .type = PT_SIGTYPE, .fmt = PF_DEC },
};

/* bpf "res_or_fd" (PT_DYN). */
const struct ppm_param_info bpf_dynamic_param[PPM_BPF_IDX_MAX] = {
	[PPM_BPF_IDX_FD] = { .name = "FD", .type = PT_FD, .fmt = PF_DEC },
	[PPM_BPF_IDX_RES] = { .name = "RES", .type = PT_ERRNO, .fmt = PF_DEC },
};
