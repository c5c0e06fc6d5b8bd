/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Building an event in the per-CPU scratch area and sending it.
 *
 * Every filler follows the same four steps:
 *
 *   struct auxiliary_map *auxmap = auxmap__get();
 *   auxmap__preload_event_header(auxmap, PPME_..., nparams);
 *   auxmap__store_s64_param(auxmap, fd);          Parameter 1
 *   auxmap__store_charbuf_param(auxmap, ptr, ...); Parameter 2 ...
 *   auxmap__finalize_event_header(auxmap);
 *   auxmap__submit_event(auxmap);
 *
 * Each store appends the parameter's bytes to the payload and its length to
 * the length array, so the params must be stored in schema order
 * (driver/event_table.c) and exactly nparams of them.
 *
 * Why build in a scratch area and copy, instead of reserving ring space and
 * writing in place? The size of an event with strings is known only after
 * the strings are read, and a ring reservation needs its size up front.
 * Events whose params are all fixed-size (the generic pair, close, read's
 * enter, and read's exit when it has no data) take the in-place path
 * instead, as in Falco: ringbuf_store_params.h.
 */
#ifndef SCAPLAB_AUXMAP_STORE_PARAMS_H
#define SCAPLAB_AUXMAP_STORE_PARAMS_H

#include "../../maps/maps.h"
#include "ringbuf_wakeup.h"

static __always_inline struct counter_map *counters__get(void)
{
	__u32 cpu = bpf_get_smp_processor_id();

	return bpf_map_lookup_elem(&counter_maps, &cpu);
}

/* This CPU's scratch area, or NULL (cannot happen once the loader ran). */
static __always_inline struct auxiliary_map *auxmap__get(void)
{
	__u32 cpu = bpf_get_smp_processor_id();

	return bpf_map_lookup_elem(&auxiliary_maps, &cpu);
}

/* Start a new event: header fields known now, empty payload. */
static __always_inline void auxmap__preload_event_header(struct auxiliary_map *auxmap,
							  __u32 event_type, __u32 nparams)
{
	struct ppm_evt_hdr *hdr = (struct ppm_evt_hdr *)auxmap->data;

	hdr->ts = g_boot_time_ns + bpf_ktime_get_boot_ns();
	hdr->tid = bpf_get_current_pid_tgid() & 0xffffffff;
	hdr->type = event_type;
	hdr->nparams = nparams;
	auxmap->lengths_pos = PPM_EVT_HDR_SIZE;
	auxmap->payload_pos = PPM_EVT_HDR_SIZE + nparams * PPM_PARAM_LEN_SIZE;
}

/* The header's len is the last field we know: the end of the payload. */
static __always_inline void auxmap__finalize_event_header(struct auxiliary_map *auxmap)
{
	struct ppm_evt_hdr *hdr = (struct ppm_evt_hdr *)auxmap->data;

	hdr->len = auxmap->payload_pos;
}

/* Copy the event into this CPU's ring buffer; count it or its drop. */
static __always_inline void auxmap__submit_event(struct auxiliary_map *auxmap)
{
	__u32 cpu = bpf_get_smp_processor_id();
	struct counter_map *counter = bpf_map_lookup_elem(&counter_maps, &cpu);
	void *ringbuf = bpf_map_lookup_elem(&ringbuf_maps, &cpu);
	__u64 size = auxmap->payload_pos;

	if (!counter || !ringbuf)
		return;
	/* Strings were cut at PPM_MAX_EVENT_SIZE by SAFE_ACCESS: the event is corrupt. */
	if (size > PPM_MAX_EVENT_SIZE) {
		counter->n_drops_max_event_size++;
		return;
	}
	if (bpf_ringbuf_output(ringbuf, auxmap->data, size, ringbuf__wakeup_flag())) {
		counter->n_drops_buffer++;
		return;
	}
	counter->n_evts++;
}

/* ---- storing parameters ---- */

static __always_inline void push__param_len(struct auxiliary_map *auxmap, __u16 len)
{
	*((__u16 *)&auxmap->data[SAFE_ACCESS(auxmap->lengths_pos)]) = len;
	auxmap->lengths_pos += PPM_PARAM_LEN_SIZE;
}

/*
 * The size bytes just written at payload_pos are the next param: move past
 * them and record their length. Every store ends with this; a helper that
 * writes a param's bytes itself (a path walk, a socket address) calls it too.
 */
static __always_inline void auxmap__commit_param(struct auxiliary_map *auxmap, __u16 size)
{
	auxmap->payload_pos += size;
	push__param_len(auxmap, size);
}

#define DEFINE_STORE_FIXED(name, type)						\
static __always_inline void auxmap__store_##name##_param(struct auxiliary_map *auxmap, \
							  type value)		\
{										\
	*((type *)&auxmap->data[SAFE_ACCESS(auxmap->payload_pos)]) = value;	\
	auxmap__commit_param(auxmap, sizeof(type));				\
}

DEFINE_STORE_FIXED(u8, __u8)
DEFINE_STORE_FIXED(u16, __u16)
DEFINE_STORE_FIXED(u32, __u32)
DEFINE_STORE_FIXED(u64, __u64)
DEFINE_STORE_FIXED(s32, __s32)
DEFINE_STORE_FIXED(s64, __s64)

/*
 * A PT_DYN param of a fixed-size type: the index byte (which entry of the
 * param's info table the value has), then size bytes of val: 1, 4 or 8.
 */
static __always_inline void auxmap__store_dyn_param(struct auxiliary_map *auxmap, __u8 idx,
						    __u64 val, __u8 size)
{
	auxmap->data[SAFE_ACCESS(auxmap->payload_pos)] = idx;
	if (size == 8)
		*((__u64 *)&auxmap->data[SAFE_ACCESS(auxmap->payload_pos + 1)]) = val;
	else if (size == 4)
		*((__u32 *)&auxmap->data[SAFE_ACCESS(auxmap->payload_pos + 1)]) = val;
	else
		auxmap->data[SAFE_ACCESS(auxmap->payload_pos + 1)] = val;
	auxmap__commit_param(auxmap, 1 + size);
}

/*
 * A parameter we do not collect: length 0. The decoder shows it as absent
 * (JSON null), which is different from an empty string (length 1, "\0").
 */
static __always_inline void auxmap__store_empty_param(struct auxiliary_map *auxmap)
{
	push__param_len(auxmap, 0);
}

static __always_inline void count_fault_read(void)
{
	struct counter_map *counter = counters__get();

	if (counter)
		counter->n_fault_reads++;
}

/*
 * A NUL-terminated string of at most max_len bytes (NUL included), read
 * from user or kernel memory. A NULL pointer or unreadable memory stores an
 * empty param; unreadable memory is also counted in n_fault_reads.
 * max_len must be a constant <= MAX_PATH for the verifier.
 * Returns the bytes stored.
 */
static __always_inline __u16 auxmap__store_charbuf_param(struct auxiliary_map *auxmap,
							  unsigned long ptr, __u16 max_len,
							  enum read_memory mem)
{
	long n = 0;

	if (ptr) {
		void *dst = &auxmap->data[SAFE_ACCESS(auxmap->payload_pos)];

		if (mem == USER)
			n = bpf_probe_read_user_str(dst, max_len, (const void *)ptr);
		else
			n = bpf_probe_read_kernel_str(dst, max_len, (const void *)ptr);
		if (n < 0) {
			count_fault_read();
			n = 0;
		}
	}
	auxmap__commit_param(auxmap, n);
	return n;
}

/*
 * How many bytes of a len-byte I/O buffer to keep: at most g_snaplen
 * (scap-open --snaplen, default 80), so one large write cannot fill the ring.
 */
static __always_inline __u32 snaplen_cut(__s64 len)
{
	if (len <= 0)
		return 0;
	return len < g_snaplen ? len : g_snaplen;
}

/*
 * Read len raw bytes from user or kernel memory to off bytes past
 * payload_pos, without committing them. The caller bounds len
 * (snaplen_cut). Returns the bytes read, 0 for NULL, or -1 for memory
 * that cannot be read (counted in n_fault_reads).
 */
static __always_inline long auxmap__read_bytes(struct auxiliary_map *auxmap, __u32 off,
					       unsigned long ptr, __u32 len, enum read_memory mem)
{
	void *dst;
	long err;

	/*
	 * Clamp first, so that 65536 becomes 65535 and not 0; then mask. The
	 * mask changes nothing, but it is the bound the verifier checks: clang
	 * applies the clamp to a copy of the register it passes to the helper.
	 * The empty asm hides len's range from clang, which would otherwise
	 * delete the mask as redundant.
	 */
	if (len > PPM_MAX_EVENT_SIZE - 1)
		len = PPM_MAX_EVENT_SIZE - 1;
	asm volatile("" : "+r"(len));
	len &= PPM_MAX_EVENT_SIZE - 1;
	if (!ptr || !len)
		return 0;
	dst = &auxmap->data[SAFE_ACCESS(auxmap->payload_pos + off)];
	if (mem == USER)
		err = bpf_probe_read_user(dst, len, (const void *)ptr);
	else
		err = bpf_probe_read_kernel(dst, len, (const void *)ptr);
	if (err) {
		count_fault_read();
		return -1;
	}
	return len;
}

/*
 * len raw bytes from user or kernel memory (read/write data, args...).
 * The caller bounds len (snaplen_cut); longer than one event is cut there.
 * Unreadable memory stores an empty param.
 */
static __always_inline __u16 auxmap__store_bytebuf_param(struct auxiliary_map *auxmap,
							  unsigned long ptr, __u32 len,
							  enum read_memory mem)
{
	long n = auxmap__read_bytes(auxmap, 0, ptr, len, mem);

	if (n < 0)
		n = 0;
	auxmap__commit_param(auxmap, n);
	return n;
}

#endif /* SCAPLAB_AUXMAP_STORE_PARAMS_H */
