/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Types shared by the legacy eBPF probe (bpf/) and its loader in userspace
 * (userspace/libscap/engine/bpf/). Both sides compile this header, so it
 * uses only __u8..__u64.
 *
 * Falco's legacy probe kept the same three things in maps (its
 * driver/bpf/types.h): the settings the loader writes, the counters the
 * probe writes, and the per-CPU frame an event is built in.
 */
#ifndef SCAPLAB_BPF_SHARED_DEFINITIONS_H
#define SCAPLAB_BPF_SHARED_DEFINITIONS_H

#include "ppm_events_public.h"

/*
 * The settings, one entry of settings_map, written by the loader. A map and
 * not global variables (as the modern probe has): globals need Linux 5.2.
 */
struct scap_bpf_settings {
	__u64 boot_time;	/* epoch ns at CLOCK_MONOTONIC's zero: ts = this + bpf_ktime_get_ns() */
	__u32 snaplen;		/* bytes of read/write/... data to keep */
	__u32 ignored_tgid;	/* the reader: its own syscalls would feed back */
	__u8 capture_enabled;	/* 0 after scap_stop_capture: the programs stay attached */
};

/*
 * tail_map's slots: one per event code, for the event's filler, then
 * these, for the programs that go on with an event a filler began where
 * one program would cost the verifier too much (bpf/fillers/proc.h). The
 * loader fills them from scap_bpf_tail_names below.
 */
enum scap_bpf_tail_slot {
	SCAP_BPF_TAIL_PROC_STARTUPDATE_COMMON = PPM_EVENT_MAX,
	SCAP_BPF_TAIL_PROC_STARTUPDATE_CGROUPS,
	SCAP_BPF_TAIL_PROC_STARTUPDATE_EXECVE,
	SCAP_BPF_TAIL_PROC_STARTUPDATE_CLONE,
	SCAP_BPF_TAIL_AUTOFILL_MORE,
	SCAP_BPF_TAIL_RECVMSG_TUPLE,
	SCAP_BPF_TAIL_MAP_SIZE
};

/* The program of each slot past PPM_EVENT_MAX, in order. */
#define SCAP_BPF_TAIL_NAMES \
	{ "f_proc_startupdate_common", "f_proc_startupdate_cgroups",			\
	  "f_proc_startupdate_execve", "f_proc_startupdate_clone", "f_sys_autofill_more",	\
	  "f_sys_recvmsg_x_tuple" }

/*
 * The largest event a perf sample carries. A sample record's size is a
 * __u16 (struct perf_event_header), and the record also holds that header
 * (8 bytes) and the raw data's size (4), rounded up to 8 bytes: so 65520,
 * 16 bytes less than the other drivers' PPM_MAX_EVENT_SIZE.
 */
#define SCAP_BPF_MAX_EVENT_SIZE (PPM_MAX_EVENT_SIZE - 16)

/*
 * The frame: where a filler builds one event, one per CPU in
 * frame_scratch_map. Twice the largest event, so that an offset masked
 * below PPM_MAX_EVENT_SIZE plus a length below PPM_MAX_EVENT_SIZE stays
 * inside it: that is the bound the verifier checks for every write.
 */
#define SCAP_BPF_FRAME_SIZE (2 * PPM_MAX_EVENT_SIZE)

#endif /* SCAPLAB_BPF_SHARED_DEFINITIONS_H */
