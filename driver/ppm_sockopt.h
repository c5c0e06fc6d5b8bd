/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * setsockopt(2) and getsockopt(2): Falco's numbers for the level and the
 * option name (PT_FLAGS8), and how to store the option's value. The value
 * is a PT_DYN param: one byte saying which type follows, then the value
 * in that type (driver/event_table.c, sockopt_dynamic_param):
 *
 *   level      optname                    the value is          index
 *   SOL_SOCKET SO_ERROR                   the int, as -errno    PPM_SOCKOPT_IDX_ERRNO
 *   SOL_SOCKET SO_RCVTIMEO, SO_SNDTIMEO   the timeval, in ns    PPM_SOCKOPT_IDX_TIMEVAL
 *   SOL_SOCKET SO_COOKIE                  the u64               PPM_SOCKOPT_IDX_UINT64
 *   SOL_SOCKET the other ints (SO_REUSEADDR, SO_RCVBUF, ...)    PPM_SOCKOPT_IDX_UINT32
 *   anything else                         its bytes (snaplen)   PPM_SOCKOPT_IDX_UNKNOWN
 *
 * as Falco's 2022 drivers store it. Compiles in the three drivers and in
 * userspace, like ppm_flag_helpers.h, and for the same reason spells the
 * kernel's x86_64 numbers out (SCAP_KERNEL_*, checked in
 * driver/fillers/sockopt.c against the kernel's headers).
 */
#ifndef SCAPLAB_PPM_SOCKOPT_H
#define SCAPLAB_PPM_SOCKOPT_H

#include "ppm_flag_helpers.h"

/* "level" (PT_FLAGS8, flags table sockopt_levels). */
#define PPM_SOCKOPT_LEVEL_UNKNOWN	0
#define PPM_SOCKOPT_LEVEL_SOL_SOCKET	1
#define PPM_SOCKOPT_LEVEL_SOL_TCP	2

/*
 * "optname" (PT_FLAGS8, sockopt_options): SOL_SOCKET's options only.
 * Falco's numbers are the kernel's up to SO_ATTACH_BPF (50); after it
 * they part (sockopt_optname_to_scap).
 */
#define PPM_SOCKOPT_UNKNOWN		0
#define PPM_SOCKOPT_SO_ATTACH_BPF	50
#define PPM_SOCKOPT_SO_PEERGROUPS	51
#define PPM_SOCKOPT_SO_MEMINFO		52
#define PPM_SOCKOPT_SO_COOKIE		53

/* The first byte of "val": which entry of sockopt_dynamic_param follows. */
#define PPM_SOCKOPT_IDX_UNKNOWN		0	/* PT_BYTEBUF */
#define PPM_SOCKOPT_IDX_ERRNO		1	/* PT_ERRNO */
#define PPM_SOCKOPT_IDX_UINT32		2	/* PT_UINT32 */
#define PPM_SOCKOPT_IDX_UINT64		3	/* PT_UINT64 */
#define PPM_SOCKOPT_IDX_TIMEVAL		4	/* PT_RELTIME */
#define PPM_SOCKOPT_IDX_MAX		5

#define SCAP_KERNEL_SOL_SOCKET		1
#define SCAP_KERNEL_SOL_TCP		6
#define SCAP_KERNEL_SO_ERROR		4
#define SCAP_KERNEL_SO_LINGER		13
#define SCAP_KERNEL_SO_PEERCRED		17
#define SCAP_KERNEL_SO_RCVTIMEO		20	/* SO_RCVTIMEO_OLD: a 64-bit timeval on x86_64 */
#define SCAP_KERNEL_SO_SNDTIMEO		21
#define SCAP_KERNEL_SO_ATTACH_FILTER	26
#define SCAP_KERNEL_SO_PEERNAME		28
#define SCAP_KERNEL_SO_ATTACH_BPF	50
#define SCAP_KERNEL_SO_MEMINFO		55
#define SCAP_KERNEL_SO_COOKIE		57
#define SCAP_KERNEL_SO_PEERGROUPS	59

static __always_inline __u8 sockopt_level_to_scap(__s64 level)
{
	if (level == SCAP_KERNEL_SOL_SOCKET)
		return PPM_SOCKOPT_LEVEL_SOL_SOCKET;
	if (level == SCAP_KERNEL_SOL_TCP)
		return PPM_SOCKOPT_LEVEL_SOL_TCP;
	return PPM_SOCKOPT_LEVEL_UNKNOWN;
}

/* Only SOL_SOCKET's options have a name; Falco gives the others 0. */
static __always_inline __u8 sockopt_optname_to_scap(__s64 level, __s64 optname)
{
	if (level != SCAP_KERNEL_SOL_SOCKET)
		return PPM_SOCKOPT_UNKNOWN;
	if (optname >= 1 && optname <= SCAP_KERNEL_SO_ATTACH_BPF)
		return (__u8)optname;
	if (optname == SCAP_KERNEL_SO_PEERGROUPS)
		return PPM_SOCKOPT_SO_PEERGROUPS;
	if (optname == SCAP_KERNEL_SO_MEMINFO)
		return PPM_SOCKOPT_SO_MEMINFO;
	if (optname == SCAP_KERNEL_SO_COOKIE)
		return PPM_SOCKOPT_SO_COOKIE;
	return PPM_SOCKOPT_UNKNOWN;
}

/*
 * The type "val" is stored in (PPM_SOCKOPT_IDX_*), Falco's choice: the
 * options of SOL_SOCKET up to 49 are ints, but for those that hold a
 * struct (SO_LINGER, SO_PEERCRED, SO_ATTACH_FILTER, SO_PEERNAME), which
 * keep their bytes. SO_BINDTODEVICE and SO_PEERSEC hold a string, yet
 * Falco reads them as an int too; so do we, so that the two agree.
 */
static __always_inline __u8 sockopt_val_index(__s64 level, __s64 optname)
{
	if (level != SCAP_KERNEL_SOL_SOCKET)
		return PPM_SOCKOPT_IDX_UNKNOWN;
	switch (optname) {
	case SCAP_KERNEL_SO_ERROR:
		return PPM_SOCKOPT_IDX_ERRNO;
	case SCAP_KERNEL_SO_RCVTIMEO:
	case SCAP_KERNEL_SO_SNDTIMEO:
		return PPM_SOCKOPT_IDX_TIMEVAL;
	case SCAP_KERNEL_SO_COOKIE:
		return PPM_SOCKOPT_IDX_UINT64;
	case SCAP_KERNEL_SO_LINGER:
	case SCAP_KERNEL_SO_PEERCRED:
	case SCAP_KERNEL_SO_ATTACH_FILTER:
	case SCAP_KERNEL_SO_PEERNAME:
		return PPM_SOCKOPT_IDX_UNKNOWN;
	}
	if (optname >= 1 && optname <= 49)
		return PPM_SOCKOPT_IDX_UINT32;
	return PPM_SOCKOPT_IDX_UNKNOWN;
}

/* A value as it lies in user memory: an int, a u64 or a struct timeval. */
union sockopt_raw {
	__u32 u32;
	__u64 u64;
	struct {
		__s64 tv_sec;
		__s64 tv_usec;
	} tv;
};

/*
 * The value of index idx (not PPM_SOCKOPT_IDX_UNKNOWN) as the event holds
 * it, from what was read: -errno for SO_ERROR, nanoseconds for a timeval.
 * Returns its size in the event, 4 or 8; *val holds it.
 */
static __always_inline __u32 sockopt_val_to_scap(__u8 idx, const union sockopt_raw *raw,
						 __u64 *val)
{
	if (idx == PPM_SOCKOPT_IDX_UINT32) {
		*val = raw->u32;
		return 4;
	}
	if (idx == PPM_SOCKOPT_IDX_ERRNO)
		*val = (__u64)-(__s64)(__s32)raw->u32;
	else if (idx == PPM_SOCKOPT_IDX_TIMEVAL)
		*val = raw->tv.tv_sec * 1000000000ULL + raw->tv.tv_usec * 1000ULL;
	else
		*val = raw->u64;
	return 8;
}

/* The bytes a value of index idx takes in user memory, 0 for "its optlen". */
static __always_inline __u32 sockopt_val_user_size(__u8 idx)
{
	if (idx == PPM_SOCKOPT_IDX_ERRNO || idx == PPM_SOCKOPT_IDX_UINT32)
		return 4;
	if (idx == PPM_SOCKOPT_IDX_UINT64)
		return 8;
	if (idx == PPM_SOCKOPT_IDX_TIMEVAL)
		return 16;	/* struct timeval: s64 seconds, s64 microseconds */
	return 0;
}

/* clang -target bpf defines __bpf__; the legacy probe's kernel-headers build, __BPF_TRACING__. */
#if defined(__bpf__) || defined(__BPF_TRACING__)
/*
 * The two BPF drivers: read a value of index idx (not unknown) into raw.
 * Each size is a constant, which 4.14's verifier needs, and a variable
 * one could pass raw's end. Returns bpf_probe_read_user()'s result.
 */
static __always_inline long sockopt_read_user(union sockopt_raw *raw, __u8 idx,
					      unsigned long optval)
{
	__u32 size = sockopt_val_user_size(idx);

	if (size == 16)
		return bpf_probe_read_user(raw, 16, (const void *)optval);
	if (size == 8)
		return bpf_probe_read_user(raw, 8, (const void *)optval);
	return bpf_probe_read_user(raw, 4, (const void *)optval);
}
#endif

#endif /* SCAPLAB_PPM_SOCKOPT_H */
