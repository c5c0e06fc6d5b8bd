/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Fixed-size events, written straight into this CPU's ring buffer.
 *
 * An event whose params are all fixed-size (the generic pair, close,
 * listen, most enter events, the exits that carry no string) has a size
 * known when the program is compiled.
 * It needs no scratch area: reserve exactly that many bytes in the ring,
 * write the header and params in place, submit. auxmap_store_params.h
 * builds every other event in the scratch area and copies it into the
 * ring with bpf_ringbuf_output(); for a small event that copy, and the
 * scratch area's cache lines, are most of the cost. Falco's modern probe
 * has the same two paths (its ringbuf__ and auxmap__ helpers).
 *
 *   struct ringbuf_event ev;
 *
 *   if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_CLOSE_X, 1, 8))
 *           return 0;                        ring full: the drop is counted
 *   ringbuf__store_s64_param(&ev, ret);      Parameter 1, 8 bytes
 *   ringbuf__submit_event(&ev);
 *
 * The rules, and what breaking each one does:
 *   - nparams is the number of params the event's schema gives it, and
 *     there is one store per param, in the schema's order. A different
 *     count is an event the reader skips as corrupt ("nparams 2 but the
 *     schema of ... has 1").
 *   - params_bytes is the sum of the params' sizes: the ring reserves the
 *     header, the length array and that. Too small, and a store writes
 *     past the reservation: the verifier refuses the program at load
 *     time ("invalid access to memory"). Too large, and the program
 *     loads, but the header's length counts bytes no param holds: the
 *     reader skips the event as corrupt ("the params end at byte 30 but
 *     the header says 32").
 *   - Every path after a successful reserve ends in ringbuf__submit_event().
 *     The reservation is a reference the program holds; the verifier
 *     refuses a program that can return with it ("Unreleased reference",
 *     "would lead to reference leak"). This header has no discard
 *     (bpf_ringbuf_discard()): decide to send the event before you
 *     reserve it.
 */
#ifndef SCAPLAB_RINGBUF_STORE_PARAMS_H
#define SCAPLAB_RINGBUF_STORE_PARAMS_H

#include "../../maps/maps.h"
#include "ringbuf_wakeup.h"

struct ringbuf_event {
	__u8 *data;			/* the reserved record */
	struct counter_map *counter;
	__u32 lengths_pos;		/* where the next param's length goes */
	__u32 payload_pos;		/* where the next param's bytes go */
};

/*
 * Reserve an event of nparams fixed-size params, params_bytes in all, and
 * write its header. false if the ring is full (counted as a drop): the
 * caller sends nothing.
 */
static __always_inline bool ringbuf__reserve_event(struct ringbuf_event *ev, __u16 event_type,
						   __u32 nparams, __u32 params_bytes)
{
	__u32 cpu = bpf_get_smp_processor_id();
	__u32 size = PPM_EVT_HDR_SIZE + nparams * PPM_PARAM_LEN_SIZE + params_bytes;
	struct ppm_evt_hdr *hdr;
	void *ringbuf;

	ev->counter = bpf_map_lookup_elem(&counter_maps, &cpu);
	ringbuf = bpf_map_lookup_elem(&ringbuf_maps, &cpu);
	if (!ev->counter || !ringbuf)
		return false;
	ev->data = bpf_ringbuf_reserve(ringbuf, size, 0);
	if (!ev->data) {
		ev->counter->n_drops_buffer++;
		return false;
	}
	hdr = (struct ppm_evt_hdr *)ev->data;
	hdr->ts = g_boot_time_ns + bpf_ktime_get_boot_ns();
	hdr->tid = bpf_get_current_pid_tgid() & 0xffffffff;
	hdr->len = size;
	hdr->type = event_type;
	hdr->nparams = nparams;
	ev->lengths_pos = PPM_EVT_HDR_SIZE;
	ev->payload_pos = PPM_EVT_HDR_SIZE + nparams * PPM_PARAM_LEN_SIZE;
	return true;
}

/* Hand the event to the reader, waking it only if it asked (ringbuf__wakeup_flag). */
static __always_inline void ringbuf__submit_event(struct ringbuf_event *ev)
{
	bpf_ringbuf_submit(ev->data, ringbuf__wakeup_flag());
	ev->counter->n_evts++;
}

#define DEFINE_RINGBUF_STORE(name, type)					\
static __always_inline void ringbuf__store_##name##_param(struct ringbuf_event *ev,	\
							   type value)		\
{										\
	*(type *)(ev->data + ev->payload_pos) = value;				\
	*(__u16 *)(ev->data + ev->lengths_pos) = sizeof(type);			\
	ev->payload_pos += sizeof(type);					\
	ev->lengths_pos += PPM_PARAM_LEN_SIZE;					\
}

/* A param with no bytes (data of a failed read): length 0, as in the scratch path. */
static __always_inline void ringbuf__store_empty_param(struct ringbuf_event *ev)
{
	*(__u16 *)(ev->data + ev->lengths_pos) = 0;
	ev->lengths_pos += PPM_PARAM_LEN_SIZE;
}

DEFINE_RINGBUF_STORE(u8, __u8)
DEFINE_RINGBUF_STORE(u16, __u16)
DEFINE_RINGBUF_STORE(s32, __s32)
DEFINE_RINGBUF_STORE(u32, __u32)
DEFINE_RINGBUF_STORE(u64, __u64)
DEFINE_RINGBUF_STORE(s64, __s64)

#endif /* SCAPLAB_RINGBUF_STORE_PARAMS_H */
