/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * FILLER(name): one filler program, reached by tail call from a dispatcher
 * (probe.c) through tail_map. The kernel module has a function of the same
 * name for the same event (f_sys_open_x in driver/fillers/file.c and
 * bpf/fillers/file.h), so the two drivers can be read side by side.
 *
 *   FILLER(sys_close_x)
 *   {
 *           bpf_frame_begin(data, PPME_SYSCALL_CLOSE_X, 1);
 *           // Parameter 1: res (type: PT_ERRNO)
 *           bpf_push_s64_to_ring(data, bpf_syscall_get_retval(data));
 *           return 0;
 *   }
 *
 * expands to a program f_sys_close_x that finds this CPU's frame and the
 * settings, runs the body, and sends the event if the body returned 0.
 * A tail-called program shares the caller's type (raw tracepoint) and
 * context, but none of its variables: whatever it needs it looks up again.
 */
#ifndef SCAPLAB_BPF_FILLERS_H
#define SCAPLAB_BPF_FILLERS_H

static __always_inline int init_filler_data(struct bpf_raw_tracepoint_args *ctx,
					    struct filler_data *data)
{
	__u32 cpu = bpf_get_smp_processor_id();

	data->ctx = ctx;
	data->settings = get_bpf_settings();
	data->frame = bpf_map_lookup_elem(&frame_scratch_map, &cpu);
	return data->settings && data->frame ? 0 : -1;
}

#define FILLER(name)								\
static __always_inline int __f_##name(struct filler_data *data);		\
										\
SEC("raw_tracepoint/filler/" #name)						\
int f_##name(struct bpf_raw_tracepoint_args *ctx)				\
{										\
	struct filler_data data;						\
										\
	if (init_filler_data(ctx, &data))					\
		return 0;							\
	if (__f_##name(&data) == 0)						\
		push_evt_frame(&data);						\
	return 0;								\
}										\
										\
static __always_inline int __f_##name(struct filler_data *data)

/*
 * Go on building the event in the program of tail_map's slot (a filler
 * returns this). Returns only if the tail call failed, and then nonzero:
 * the half-built event is not sent. The loader fills every slot, so that
 * happens only past the kernel's limit of 33 tail calls in a row.
 */
static __always_inline int bpf_tail_call_next(struct filler_data *data, __u32 slot)
{
	bpf_tail_call(data->ctx, &tail_map, slot);
	return -1;
}

#endif /* SCAPLAB_BPF_FILLERS_H */
