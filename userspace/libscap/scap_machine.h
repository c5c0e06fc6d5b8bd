/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * What a capture file says about the machine it was written on, read
 * from this machine: its machine info, and its threads from /proc. The
 * writer (scap_dump.c) puts them at the head of a file, so that a reader
 * can name the processes that started before the capture did.
 */
#ifndef SCAPLAB_SCAP_MACHINE_H
#define SCAPLAB_SCAP_MACHINE_H

#include <stdint.h>
#include "scap.h"

/* CPUs, memory, pid_max and hostname of this machine. */
void scap_machine_info_of_this_machine(struct scap_machine_info *mi);

/*
 * One thread, as a capture file's process list holds it (Falco's
 * scap_threadinfo, cut to what /proc gives cheaply; the environment and
 * cgroups are left out). The strings are valid during the callback only.
 */
struct scap_proc_entry {
	int64_t tid, pid, ptid, sid, vpgid, vtid, vpid;
	char comm[16];
	char exe[256];		/* argv[0] */
	char exepath[256];	/* /proc/PID/exe */
	char cwd[256];
	char args[1024];	/* argv[1..], each ending in a NUL */
	uint16_t args_len;
	uint64_t fdlimit;	/* RLIMIT_NOFILE, soft */
	uint32_t uid, gid, loginuid;
	uint32_t vmsize_kb, vmrss_kb, vmswap_kb;
	uint64_t pfmajor, pfminor;
};

typedef int32_t (*scap_proc_cb)(void *ctx, const struct scap_proc_entry *e);

/*
 * Call cb for every thread of every process in /proc. A thread that ends
 * while it is read is left out. Stops at the first cb that does not
 * return SCAP_SUCCESS and returns its code; SCAP_FAILURE with error set
 * if /proc cannot be read.
 */
int32_t scap_proc_scan(scap_proc_cb cb, void *ctx, char *error);

/*
 * One thread, by tid, as scap_proc_scan gives it: SCAP_SUCCESS, or
 * SCAP_NOT_SUPPORTED if it is gone.
 */
int32_t scap_proc_read_thread(int64_t tid, struct scap_proc_entry *e);

#endif /* SCAPLAB_SCAP_MACHINE_H */
