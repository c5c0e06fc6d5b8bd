// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The modern driver's floors (scripts/bench.sh): what the hook alone costs
 * a syscall, and what the least possible capture costs.
 *
 *   floor_noop_enter/exit   tp_btf on sys_enter and sys_exit, returning 0:
 *                           the price of being called at all
 *   floor_ring_enter/exit   the same, each reserving a bare 26-byte event
 *                           header in this CPU's ring buffer, filling it in
 *                           place and submitting it with no wake-up: no
 *                           params, no scratch map, no tail call
 *   floor_tail_enter/exit   floor_ring_enter/exit, reached by one tail
 *                           call, as the modern driver reaches its
 *                           fillers: the price of that jump
 *   floor_wakeup_enter/exit floor_ring_enter/exit, submitting with flags
 *                           0, libbpf's default: the kernel wakes a reader
 *                           waiting in epoll whenever it has caught up, so
 *                           a reader that keeps up is woken for every
 *                           event (lab 12 measures what that costs)
 *
 * The rings are those of the modern driver (modern_bpf/maps/maps.h): an
 * array of BPF ring buffers, one per CPU, that the loader creates. What the
 * modern driver costs over floor_ring is what its dispatch, fillers and
 * copies add.
 *
 * Needs no kernel types: a tp_btf program's context is an array of u64.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "ppm_events_public.h"

struct ringbuf_map {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__type(key, __u32);
	__array(values, struct ringbuf_map);
} ringbuf_maps SEC(".maps");

/* Headers that found their ring full, per CPU: the floor's drops. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} lost SEC(".maps");

static __always_inline int send_header(__u16 type, __u64 submit_flags)
{
	__u32 cpu = bpf_get_smp_processor_id(), zero = 0;
	struct ppm_evt_hdr *hdr;
	void *ring;
	__u64 *n;

	ring = bpf_map_lookup_elem(&ringbuf_maps, &cpu);
	if (!ring)
		return 0;
	hdr = bpf_ringbuf_reserve(ring, sizeof(*hdr), 0);
	if (!hdr) {
		n = bpf_map_lookup_elem(&lost, &zero);
		if (n)
			*n += 1;
		return 0;
	}
	hdr->ts = bpf_ktime_get_boot_ns();
	hdr->tid = bpf_get_current_pid_tgid() & 0xffffffff;
	hdr->len = sizeof(*hdr);
	hdr->type = type;
	hdr->nparams = 0;
	bpf_ringbuf_submit(hdr, submit_flags);
	return 0;
}

SEC("tp_btf/sys_enter")
int floor_noop_enter(__u64 *ctx)
{
	return 0;
}

SEC("tp_btf/sys_exit")
int floor_noop_exit(__u64 *ctx)
{
	return 0;
}

SEC("tp_btf/sys_enter")
int floor_ring_enter(__u64 *ctx)
{
	return send_header(PPME_GENERIC_E, BPF_RB_NO_WAKEUP);
}

SEC("tp_btf/sys_exit")
int floor_ring_exit(__u64 *ctx)
{
	return send_header(PPME_GENERIC_X, BPF_RB_NO_WAKEUP);
}

/*
 * The reader's own process, which the wakeup programs leave out (slot 0,
 * written by the loader). Woken per event, the reader makes a syscall per
 * wake-up (epoll_wait): traced, each one would wake it again, for ever.
 * The modern driver leaves its reader out the same way (g_ignored_tgid).
 */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} floor_reader_tgid SEC(".maps");

static __always_inline int send_header_woken(__u16 type)
{
	__u32 zero = 0, *reader = bpf_map_lookup_elem(&floor_reader_tgid, &zero);

	if (reader && *reader == bpf_get_current_pid_tgid() >> 32)
		return 0;
	return send_header(type, 0);
}

SEC("tp_btf/sys_enter")
int floor_wakeup_enter(__u64 *ctx)
{
	return send_header_woken(PPME_GENERIC_E);
}

SEC("tp_btf/sys_exit")
int floor_wakeup_exit(__u64 *ctx)
{
	return send_header_woken(PPME_GENERIC_X);
}

/*
 * The tail calls: through a program array, by an index the verifier cannot
 * know, as the modern driver's syscall number is (the JIT turns a tail
 * call by a known index into a direct jump, which would cost less). The
 * loader puts floor_ring_enter and floor_ring_exit in slot 0 of the two
 * tables, and leaves this index at 0.
 */
struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} floor_tail_enter_table SEC(".maps"), floor_tail_exit_table SEC(".maps");

__u32 floor_tail_index;

SEC("tp_btf/sys_enter")
int floor_tail_enter(__u64 *ctx)
{
	bpf_tail_call(ctx, &floor_tail_enter_table, floor_tail_index);
	return 0;
}

SEC("tp_btf/sys_exit")
int floor_tail_exit(__u64 *ctx)
{
	bpf_tail_call(ctx, &floor_tail_exit_table, floor_tail_index);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
