// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The names of setsockopt's and getsockopt's params (driver/ppm_sockopt.h):
 * the level, the option, and the types of the value. Apart from
 * flags_table.c only for its size. The option names are an enumeration,
 * not bits: listed from the highest number down, the flags walk of
 * scap_append_flag_names meets a value's own name before any of its bits'.
 */
#ifdef __KERNEL__
#include <linux/stddef.h>	/* NULL; the kernel has no <stddef.h> */
#else
#include <stddef.h>
#endif

#include "flags_table.h"
#include "ppm_sockopt.h"

/* setsockopt and getsockopt "level". */
const struct ppm_name_value sockopt_levels[] = {
	{ "SOL_SOCKET", PPM_SOCKOPT_LEVEL_SOL_SOCKET },
	{ "SOL_TCP", PPM_SOCKOPT_LEVEL_SOL_TCP },
	{ "UNKNOWN", PPM_SOCKOPT_LEVEL_UNKNOWN },
	{ NULL, 0 },
};

/* "optname": Falco's numbers, the kernel's up to SO_ATTACH_BPF. */
const struct ppm_name_value sockopt_options[] = {
	{ "SO_COOKIE", PPM_SOCKOPT_SO_COOKIE },
	{ "SO_MEMINFO", PPM_SOCKOPT_SO_MEMINFO },
	{ "SO_PEERGROUPS", PPM_SOCKOPT_SO_PEERGROUPS },
	{ "SO_ATTACH_BPF", PPM_SOCKOPT_SO_ATTACH_BPF },
	{ "SO_INCOMING_CPU", 49 },
	{ "SO_BPF_EXTENSIONS", 48 },
	{ "SO_MAX_PACING_RATE", 47 },
	{ "SO_BUSY_POLL", 46 },
	{ "SO_SELECT_ERR_QUEUE", 45 },
	{ "SO_LOCK_FILTER", 44 },
	{ "SO_NOFCS", 43 },
	{ "SO_PEEK_OFF", 42 },
	{ "SO_WIFI_STATUS", 41 },
	{ "SO_RXQ_OVFL", 40 },
	{ "SO_DOMAIN", 39 },
	{ "SO_PROTOCOL", 38 },
	{ "SO_TIMESTAMPING", 37 },
	{ "SO_MARK", 36 },
	{ "SO_TIMESTAMPNS", 35 },
	{ "SO_PASSSEC", 34 },
	{ "SO_RCVBUFFORCE", 33 },
	{ "SO_SNDBUFFORCE", 32 },
	{ "SO_PEERSEC", 31 },
	{ "SO_ACCEPTCONN", 30 },
	{ "SO_TIMESTAMP", 29 },
	{ "SO_PEERNAME", 28 },
	{ "SO_DETACH_FILTER", 27 },
	{ "SO_ATTACH_FILTER", 26 },
	{ "SO_BINDTODEVICE", 25 },
	{ "SO_SECURITY_ENCRYPTION_NETWORK", 24 },
	{ "SO_SECURITY_ENCRYPTION_TRANSPORT", 23 },
	{ "SO_SECURITY_AUTHENTICATION", 22 },
	{ "SO_SNDTIMEO", 21 },
	{ "SO_RCVTIMEO", 20 },
	{ "SO_SNDLOWAT", 19 },
	{ "SO_RCVLOWAT", 18 },
	{ "SO_PEERCRED", 17 },
	{ "SO_PASSCRED", 16 },
	{ "SO_REUSEPORT", 15 },
	{ "SO_BSDCOMPAT", 14 },
	{ "SO_LINGER", 13 },
	{ "SO_PRIORITY", 12 },
	{ "SO_NO_CHECK", 11 },
	{ "SO_OOBINLINE", 10 },
	{ "SO_KEEPALIVE", 9 },
	{ "SO_RCVBUF", 8 },
	{ "SO_SNDBUF", 7 },
	{ "SO_BROADCAST", 6 },
	{ "SO_DONTROUTE", 5 },
	{ "SO_ERROR", 4 },
	{ "SO_TYPE", 3 },
	{ "SO_REUSEADDR", 2 },
	{ "SO_DEBUG", 1 },
	{ "UNKNOWN", PPM_SOCKOPT_UNKNOWN },
	{ NULL, 0 },
};

/* "val" (PT_DYN): entry PPM_SOCKOPT_IDX_* is the type of the bytes after the index. */
const struct ppm_param_info sockopt_dynamic_param[PPM_SOCKOPT_IDX_MAX] = {
	[PPM_SOCKOPT_IDX_UNKNOWN] = { .name = "UNKNOWN", .type = PT_BYTEBUF, .fmt = PF_HEX },
	[PPM_SOCKOPT_IDX_ERRNO] = { .name = "ERRNO", .type = PT_ERRNO, .fmt = PF_DEC },
	[PPM_SOCKOPT_IDX_UINT32] = { .name = "UINT32", .type = PT_UINT32, .fmt = PF_DEC },
	[PPM_SOCKOPT_IDX_UINT64] = { .name = "UINT64", .type = PT_UINT64, .fmt = PF_DEC },
	[PPM_SOCKOPT_IDX_TIMEVAL] = { .name = "TIMEVAL", .type = PT_RELTIME, .fmt = PF_DEC },
};
