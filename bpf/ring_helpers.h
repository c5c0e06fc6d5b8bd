/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Building an event in this CPU's frame and sending it to the perf buffer.
 *
 * Every filler follows the same steps (the FILLER() macro, fillers.h, does
 * the first and the last):
 *
 *   data->frame = this CPU's frame               (FILLER prologue)
 *   bpf_frame_begin(data, PPME_..., nparams);
 *   bpf_push_s64_to_ring(data, fd);               Parameter 1
 *   bpf_val_to_ring_str(data, ptr, MAX_PATH, USER); Parameter 2 ...
 *   push_evt_frame(data);                         (FILLER epilogue)
 *
 * Each push appends a param's bytes to the payload and its length to the
 * length array, so params are pushed in schema order (driver/event_table.c)
 * and exactly nparams of them.
 *
 * Why a frame at all? bpf_perf_event_output() copies a finished buffer;
 * there is no way to reserve room in a perf buffer and write in place (the
 * BPF ring buffer of Linux 5.8 added that: bpf_ringbuf_reserve()).
 */
#ifndef SCAPLAB_BPF_RING_HELPERS_H
#define SCAPLAB_BPF_RING_HELPERS_H

/* Start a new event in the frame: header fields known now, empty payload. */
static __always_inline void bpf_frame_begin(struct filler_data *data, __u32 event_type,
					    __u32 nparams)
{
	struct ppm_evt_hdr *hdr = (struct ppm_evt_hdr *)data->frame->data;

	hdr->ts = data->settings->boot_time + bpf_ktime_get_ns();
	hdr->tid = bpf_get_current_pid_tgid() & 0xffffffff;
	hdr->type = event_type;
	hdr->nparams = nparams;
	data->frame->lengths_pos = PPM_EVT_HDR_SIZE;
	data->frame->payload_pos = PPM_EVT_HDR_SIZE + nparams * PPM_PARAM_LEN_SIZE;
}

static __always_inline void count_fault_read(void)
{
	struct counter_map *counters = get_bpf_counters();

	if (counters)
		counters->n_fault_reads++;
}

/*
 * Send the frame's event to this CPU's perf buffer; count it or its drop.
 * Falco's legacy probe has the same function under the same name.
 */
static __always_inline void push_evt_frame(struct filler_data *data)
{
	struct counter_map *counters = get_bpf_counters();
	struct ppm_evt_hdr *hdr = (struct ppm_evt_hdr *)data->frame->data;
	__u32 size = data->frame->payload_pos;

	if (!counters)
		return;
	if (size > SCAP_BPF_MAX_EVENT_SIZE) {
		counters->n_drops_max_event_size++;
		return;
	}
	hdr->len = size;
	/*
	 * The mask changes nothing (size was checked above) but it is the
	 * bound the verifier needs to accept the read of size bytes.
	 */
	if (bpf_perf_event_output(data->ctx, &perf_map, BPF_F_CURRENT_CPU, data->frame->data,
				  size & (PPM_MAX_EVENT_SIZE - 1))) {
		counters->n_drops_buffer++;
		return;
	}
	counters->n_evts++;
}

/* ---- pushing params ---- */

static __always_inline void push_param_len(struct filler_data *data, __u16 len)
{
	struct scap_bpf_frame *frame = data->frame;

	*((__u16 *)&frame->data[SAFE_ACCESS(frame->lengths_pos)]) = len;
	frame->lengths_pos += PPM_PARAM_LEN_SIZE;
}

/* The size bytes just written at payload_pos are the next param. */
static __always_inline void bpf_commit_param(struct filler_data *data, __u16 size)
{
	data->frame->payload_pos += size;
	push_param_len(data, size);
}

#define DEFINE_PUSH_FIXED(name, type)						\
static __always_inline void bpf_push_##name##_to_ring(struct filler_data *data, type value) \
{										\
	struct scap_bpf_frame *frame = data->frame;				\
										\
	*((type *)&frame->data[SAFE_ACCESS(frame->payload_pos)]) = value;	\
	bpf_commit_param(data, sizeof(type));					\
}

DEFINE_PUSH_FIXED(u8, __u8)
DEFINE_PUSH_FIXED(u16, __u16)
DEFINE_PUSH_FIXED(u32, __u32)
DEFINE_PUSH_FIXED(u64, __u64)
DEFINE_PUSH_FIXED(s32, __s32)
DEFINE_PUSH_FIXED(s64, __s64)

/*
 * A PT_DYN param of a fixed-size type: the index byte (which entry of the
 * param's info table the value has), then size bytes of val: 1, 4 or 8.
 */
static __always_inline void bpf_push_dyn_to_ring(struct filler_data *data, __u8 idx,
						 __u64 val, __u8 size)
{
	struct scap_bpf_frame *frame = data->frame;

	frame->data[SAFE_ACCESS(frame->payload_pos)] = idx;
	if (size == 8)
		*((__u64 *)&frame->data[SAFE_ACCESS(frame->payload_pos + 1)]) = val;
	else if (size == 4)
		*((__u32 *)&frame->data[SAFE_ACCESS(frame->payload_pos + 1)]) = val;
	else
		frame->data[SAFE_ACCESS(frame->payload_pos + 1)] = val;
	bpf_commit_param(data, 1 + size);
}

/* A param we do not collect: length 0 (JSON null), not an empty string. */
static __always_inline void bpf_push_empty_param(struct filler_data *data)
{
	push_param_len(data, 0);
}

/*
 * A NUL-terminated string of at most max_len bytes (NUL included), from
 * user or kernel memory. NULL or unreadable memory stores an empty param;
 * unreadable memory is also counted in n_fault_reads. max_len is a
 * constant of at most MAX_PATH. Returns the bytes stored.
 */
static __always_inline __u16 bpf_val_to_ring_str(struct filler_data *data, unsigned long ptr,
						 __u16 max_len, enum read_memory mem)
{
	struct scap_bpf_frame *frame = data->frame;
	long n = 0;

	if (ptr) {
		void *dst = &frame->data[SAFE_ACCESS(frame->payload_pos)];

		if (mem == USER)
			n = bpf_probe_read_user_str(dst, max_len, (const void *)ptr);
		else
			n = bpf_probe_read_kernel_str(dst, max_len, (const void *)ptr);
		if (n < 0) {
			count_fault_read();
			n = 0;
		}
	}
	bpf_commit_param(data, n);
	return n;
}

/* How many bytes of a len-byte I/O buffer to keep: at most the snaplen. */
static __always_inline __u32 snaplen_cut(struct filler_data *data, __s64 len)
{
	__u32 snaplen = data->settings->snaplen;

	if (len <= 0)
		return 0;
	return len < snaplen ? len : snaplen;
}

/*
 * Read len raw bytes from user or kernel memory to off bytes past
 * payload_pos, without committing them. The caller bounds len
 * (snaplen_cut). Returns the bytes read, 0 for NULL, or -1 for memory
 * that cannot be read (counted in n_fault_reads).
 */
static __always_inline long bpf_read_bytes(struct filler_data *data, __u32 off,
					   unsigned long ptr, __u32 len, enum read_memory mem)
{
	struct scap_bpf_frame *frame = data->frame;
	void *dst;
	long err;

	/*
	 * Clamp, then mask: the mask is the bound the verifier checks. The
	 * empty asm keeps clang from deleting the mask as redundant after
	 * the clamp (it would pass the verifier an unbounded register).
	 */
	if (len > PPM_MAX_EVENT_SIZE - 1)
		len = PPM_MAX_EVENT_SIZE - 1;
	asm volatile("" : "+r"(len));
	len &= PPM_MAX_EVENT_SIZE - 1;
	if (!ptr || !len)
		return 0;
	dst = &frame->data[SAFE_ACCESS(frame->payload_pos + off)];
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
 * len raw bytes from user or kernel memory. The caller bounds len
 * (snaplen_cut). Unreadable memory stores an empty param.
 */
static __always_inline __u16 bpf_val_to_ring_buf(struct filler_data *data, unsigned long ptr,
						 __u32 len, enum read_memory mem)
{
	long n = bpf_read_bytes(data, 0, ptr, len, mem);

	if (n < 0)
		n = 0;
	bpf_commit_param(data, n);
	return n;
}

#endif /* SCAPLAB_BPF_RING_HELPERS_H */
