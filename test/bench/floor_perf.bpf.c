// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The legacy driver's floor: what a raw tracepoint plus a bare
 * bpf_perf_event_output() cost a syscall, with nothing else. Each program
 * sends a 26-byte event header (no params, no lookups, no tail call) to
 * this CPU's perf buffer. The legacy driver's overhead over this is what
 * its dispatch, frame and fillers add (scripts/bench-drivers.sh).
 *
 * Needs no kernel types: the raw tracepoint's context is in linux/bpf.h.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "ppm_events_public.h"

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} perf_map SEC(".maps");

static __always_inline int send_header(struct bpf_raw_tracepoint_args *ctx, __u16 type)
{
	struct ppm_evt_hdr hdr = {
		.ts = bpf_ktime_get_ns(),
		.tid = bpf_get_current_pid_tgid() & 0xffffffff,
		.len = sizeof(hdr),
		.type = type,
	};

	bpf_perf_event_output(ctx, &perf_map, BPF_F_CURRENT_CPU, &hdr, sizeof(hdr));
	return 0;
}

SEC("raw_tracepoint/sys_enter")
int floor_enter(struct bpf_raw_tracepoint_args *ctx)
{
	return send_header(ctx, PPME_GENERIC_E);
}

SEC("raw_tracepoint/sys_exit")
int floor_exit(struct bpf_raw_tracepoint_args *ctx)
{
	return send_header(ctx, PPME_GENERIC_X);
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
