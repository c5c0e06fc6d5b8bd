/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * ptrace(2) and bpf(2), whose exits hold PT_DYN params as sockopt's do
 * (driver/ppm_sockopt.h). ptrace: Falco's numbers for the request
 * (PT_FLAGS16, flags table ptrace_requests) and how the exit stores
 * "addr" and "data" (ptrace_dynamic_param, driver/flags_table_ptrace_bpf.c):
 *
 *   request                               data is                       index
 *   PEEKTEXT, PEEKDATA, PEEKUSR           the word the kernel wrote at  PPM_PTRACE_IDX_UINT64
 *                                         the data pointer (read after)
 *   CONT, SINGLESTEP, DETACH, SYSCALL     the signal to deliver         PPM_PTRACE_IDX_SIGTYPE
 *   anything else                         the register as it is         PPM_PTRACE_IDX_UINT64
 *
 * "addr" is always the register as it is. A call that failed stores 0 in
 * both, as Falco's 2022 drivers do. bpf: its exit's "res_or_fd", at the
 * end. Compiles in the three drivers and in
 * userspace, like ppm_sockopt.h, and spells the kernel's x86_64 request
 * numbers out for the same reason (checked in driver/fillers/ptrace_bpf.c).
 */
#ifndef SCAPLAB_PPM_PTRACE_BPF_H
#define SCAPLAB_PPM_PTRACE_BPF_H

#include "ppm_flag_helpers.h"

/* "request": an enumeration, not bits. */
#define PPM_PTRACE_UNKNOWN		0
#define PPM_PTRACE_TRACEME		1
#define PPM_PTRACE_PEEKTEXT		2
#define PPM_PTRACE_PEEKDATA		3
#define PPM_PTRACE_PEEKUSR		4
#define PPM_PTRACE_POKETEXT		5
#define PPM_PTRACE_POKEDATA		6
#define PPM_PTRACE_POKEUSR		7
#define PPM_PTRACE_CONT			8
#define PPM_PTRACE_KILL			9
#define PPM_PTRACE_SINGLESTEP		10
#define PPM_PTRACE_ATTACH		11
#define PPM_PTRACE_DETACH		12
#define PPM_PTRACE_SYSCALL		13
#define PPM_PTRACE_SETOPTIONS		14
#define PPM_PTRACE_GETEVENTMSG		15
#define PPM_PTRACE_GETSIGINFO		16
#define PPM_PTRACE_SETSIGINFO		17
#define PPM_PTRACE_GETREGSET		18
#define PPM_PTRACE_SETREGSET		19
#define PPM_PTRACE_SEIZE		20
#define PPM_PTRACE_INTERRUPT		21
#define PPM_PTRACE_LISTEN		22
#define PPM_PTRACE_PEEKSIGINFO		23
#define PPM_PTRACE_GETSIGMASK		24
#define PPM_PTRACE_SETSIGMASK		25
#define PPM_PTRACE_GETREGS		26
#define PPM_PTRACE_SETREGS		27
#define PPM_PTRACE_GETFPREGS		28
#define PPM_PTRACE_SETFPREGS		29
#define PPM_PTRACE_GETFPXREGS		30
#define PPM_PTRACE_SETFPXREGS		31
#define PPM_PTRACE_OLDSETOPTIONS	32
#define PPM_PTRACE_GET_THREAD_AREA	33
#define PPM_PTRACE_SET_THREAD_AREA	34
#define PPM_PTRACE_ARCH_PRCTL		35
#define PPM_PTRACE_SYSEMU		36
#define PPM_PTRACE_SYSEMU_SINGLESTEP	37
#define PPM_PTRACE_SINGLEBLOCK		38

/* The first byte of "addr" and "data": which entry of ptrace_dynamic_param follows. */
#define PPM_PTRACE_IDX_UINT64		0	/* PT_UINT64 */
#define PPM_PTRACE_IDX_SIGTYPE		1	/* PT_SIGTYPE */
#define PPM_PTRACE_IDX_MAX		2

/* The kernel's requests, x86_64: generic ones 0-24 and 0x42xx, the arch's 12-33. */
#define SCAP_KERNEL_PTRACE_TRACEME		0
#define SCAP_KERNEL_PTRACE_PEEKTEXT		1
#define SCAP_KERNEL_PTRACE_PEEKDATA		2
#define SCAP_KERNEL_PTRACE_PEEKUSR		3
#define SCAP_KERNEL_PTRACE_POKETEXT		4
#define SCAP_KERNEL_PTRACE_POKEDATA		5
#define SCAP_KERNEL_PTRACE_POKEUSR		6
#define SCAP_KERNEL_PTRACE_CONT			7
#define SCAP_KERNEL_PTRACE_KILL			8
#define SCAP_KERNEL_PTRACE_SINGLESTEP		9
#define SCAP_KERNEL_PTRACE_GETREGS		12
#define SCAP_KERNEL_PTRACE_SETREGS		13
#define SCAP_KERNEL_PTRACE_GETFPREGS		14
#define SCAP_KERNEL_PTRACE_SETFPREGS		15
#define SCAP_KERNEL_PTRACE_ATTACH		16
#define SCAP_KERNEL_PTRACE_DETACH		17
#define SCAP_KERNEL_PTRACE_GETFPXREGS		18
#define SCAP_KERNEL_PTRACE_SETFPXREGS		19
#define SCAP_KERNEL_PTRACE_OLDSETOPTIONS	21
#define SCAP_KERNEL_PTRACE_SYSCALL		24
#define SCAP_KERNEL_PTRACE_GET_THREAD_AREA	25
#define SCAP_KERNEL_PTRACE_SET_THREAD_AREA	26
#define SCAP_KERNEL_PTRACE_ARCH_PRCTL		30
#define SCAP_KERNEL_PTRACE_SYSEMU		31
#define SCAP_KERNEL_PTRACE_SYSEMU_SINGLESTEP	32
#define SCAP_KERNEL_PTRACE_SINGLEBLOCK		33
#define SCAP_KERNEL_PTRACE_SETOPTIONS		0x4200
#define SCAP_KERNEL_PTRACE_GETEVENTMSG		0x4201
#define SCAP_KERNEL_PTRACE_GETSIGINFO		0x4202
#define SCAP_KERNEL_PTRACE_SETSIGINFO		0x4203
#define SCAP_KERNEL_PTRACE_GETREGSET		0x4204
#define SCAP_KERNEL_PTRACE_SETREGSET		0x4205
#define SCAP_KERNEL_PTRACE_SEIZE		0x4206
#define SCAP_KERNEL_PTRACE_INTERRUPT		0x4207
#define SCAP_KERNEL_PTRACE_LISTEN		0x4208
#define SCAP_KERNEL_PTRACE_PEEKSIGINFO		0x4209
#define SCAP_KERNEL_PTRACE_GETSIGMASK		0x420a
#define SCAP_KERNEL_PTRACE_SETSIGMASK		0x420b

/* A request Falco 2022 does not name (PTRACE_GET_SYSCALL_INFO, ...) is PPM_PTRACE_UNKNOWN. */
static __always_inline __u16 ptrace_requests_to_scap(__u64 req)
{
	switch (req) {
	case SCAP_KERNEL_PTRACE_TRACEME: return PPM_PTRACE_TRACEME;
	case SCAP_KERNEL_PTRACE_PEEKTEXT: return PPM_PTRACE_PEEKTEXT;
	case SCAP_KERNEL_PTRACE_PEEKDATA: return PPM_PTRACE_PEEKDATA;
	case SCAP_KERNEL_PTRACE_PEEKUSR: return PPM_PTRACE_PEEKUSR;
	case SCAP_KERNEL_PTRACE_POKETEXT: return PPM_PTRACE_POKETEXT;
	case SCAP_KERNEL_PTRACE_POKEDATA: return PPM_PTRACE_POKEDATA;
	case SCAP_KERNEL_PTRACE_POKEUSR: return PPM_PTRACE_POKEUSR;
	case SCAP_KERNEL_PTRACE_CONT: return PPM_PTRACE_CONT;
	case SCAP_KERNEL_PTRACE_KILL: return PPM_PTRACE_KILL;
	case SCAP_KERNEL_PTRACE_SINGLESTEP: return PPM_PTRACE_SINGLESTEP;
	case SCAP_KERNEL_PTRACE_GETREGS: return PPM_PTRACE_GETREGS;
	case SCAP_KERNEL_PTRACE_SETREGS: return PPM_PTRACE_SETREGS;
	case SCAP_KERNEL_PTRACE_GETFPREGS: return PPM_PTRACE_GETFPREGS;
	case SCAP_KERNEL_PTRACE_SETFPREGS: return PPM_PTRACE_SETFPREGS;
	case SCAP_KERNEL_PTRACE_ATTACH: return PPM_PTRACE_ATTACH;
	case SCAP_KERNEL_PTRACE_DETACH: return PPM_PTRACE_DETACH;
	case SCAP_KERNEL_PTRACE_GETFPXREGS: return PPM_PTRACE_GETFPXREGS;
	case SCAP_KERNEL_PTRACE_SETFPXREGS: return PPM_PTRACE_SETFPXREGS;
	case SCAP_KERNEL_PTRACE_OLDSETOPTIONS: return PPM_PTRACE_OLDSETOPTIONS;
	case SCAP_KERNEL_PTRACE_SYSCALL: return PPM_PTRACE_SYSCALL;
	case SCAP_KERNEL_PTRACE_GET_THREAD_AREA: return PPM_PTRACE_GET_THREAD_AREA;
	case SCAP_KERNEL_PTRACE_SET_THREAD_AREA: return PPM_PTRACE_SET_THREAD_AREA;
	case SCAP_KERNEL_PTRACE_ARCH_PRCTL: return PPM_PTRACE_ARCH_PRCTL;
	case SCAP_KERNEL_PTRACE_SYSEMU: return PPM_PTRACE_SYSEMU;
	case SCAP_KERNEL_PTRACE_SYSEMU_SINGLESTEP: return PPM_PTRACE_SYSEMU_SINGLESTEP;
	case SCAP_KERNEL_PTRACE_SINGLEBLOCK: return PPM_PTRACE_SINGLEBLOCK;
	case SCAP_KERNEL_PTRACE_SETOPTIONS: return PPM_PTRACE_SETOPTIONS;
	case SCAP_KERNEL_PTRACE_GETEVENTMSG: return PPM_PTRACE_GETEVENTMSG;
	case SCAP_KERNEL_PTRACE_GETSIGINFO: return PPM_PTRACE_GETSIGINFO;
	case SCAP_KERNEL_PTRACE_SETSIGINFO: return PPM_PTRACE_SETSIGINFO;
	case SCAP_KERNEL_PTRACE_GETREGSET: return PPM_PTRACE_GETREGSET;
	case SCAP_KERNEL_PTRACE_SETREGSET: return PPM_PTRACE_SETREGSET;
	case SCAP_KERNEL_PTRACE_SEIZE: return PPM_PTRACE_SEIZE;
	case SCAP_KERNEL_PTRACE_INTERRUPT: return PPM_PTRACE_INTERRUPT;
	case SCAP_KERNEL_PTRACE_LISTEN: return PPM_PTRACE_LISTEN;
	case SCAP_KERNEL_PTRACE_PEEKSIGINFO: return PPM_PTRACE_PEEKSIGINFO;
	case SCAP_KERNEL_PTRACE_GETSIGMASK: return PPM_PTRACE_GETSIGMASK;
	case SCAP_KERNEL_PTRACE_SETSIGMASK: return PPM_PTRACE_SETSIGMASK;
	}
	return PPM_PTRACE_UNKNOWN;
}

/* The PEEK requests: the kernel writes the word it read at "data", a pointer. */
static __always_inline int ptrace_data_is_peeked(__u16 request)
{
	return request == PPM_PTRACE_PEEKTEXT || request == PPM_PTRACE_PEEKDATA ||
	       request == PPM_PTRACE_PEEKUSR;
}

/* The requests that resume the tracee: "data" is the signal it gets. */
static __always_inline __u8 ptrace_data_index(__u16 request)
{
	if (request == PPM_PTRACE_CONT || request == PPM_PTRACE_SINGLESTEP ||
	    request == PPM_PTRACE_DETACH || request == PPM_PTRACE_SYSCALL)
		return PPM_PTRACE_IDX_SIGTYPE;
	return PPM_PTRACE_IDX_UINT64;
}

/* bpf(2)'s exit: "res_or_fd" (PT_DYN, bpf_dynamic_param) is an fd or a result. */
#define PPM_BPF_IDX_FD			0	/* PT_FD */
#define PPM_BPF_IDX_RES			1	/* PT_ERRNO */
#define PPM_BPF_IDX_MAX			2
#define SCAP_KERNEL_BPF_MAP_CREATE	0
#define SCAP_KERNEL_BPF_PROG_LOAD	5

/*
 * An fd if the command makes one, as Falco 2022 sees it: only
 * BPF_MAP_CREATE and BPF_PROG_LOAD (BPF_BTF_LOAD, BPF_LINK_CREATE and the
 * *_GET_FD_BY_ID commands make one too, but are a result to Falco).
 */
static __always_inline __u8 bpf_res_or_fd_index(__s64 cmd, __s64 ret)
{
	if (ret >= 0 && (cmd == SCAP_KERNEL_BPF_MAP_CREATE || cmd == SCAP_KERNEL_BPF_PROG_LOAD))
		return PPM_BPF_IDX_FD;
	return PPM_BPF_IDX_RES;
}

#endif /* SCAPLAB_PPM_PTRACE_BPF_H */
