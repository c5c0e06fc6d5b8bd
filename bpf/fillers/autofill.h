/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The two programs of every autofilled event (driver/ppm_autofill.h), one
 * per direction: tail_map holds f_sys_autofill_e in the slot of each
 * autofilled enter event, f_sys_autofill_x in each exit's. The program
 * learns which event it is building from the syscall table, then reads
 * that event's line from autofill_table, a map the loader copies
 * driver/autofill_table.h into. The kernel module's twin is
 * driver/fillers/autofill.c.
 *
 * Linux 4.14's verifier accepts no loop and 4096 instructions a program:
 * the params are walked by an unrolled loop, each copy a whole store, and
 * a program stores at most AF_PARAMS_PER_PROG of them. An event with more
 * (linkat's exit has 6) goes on in f_sys_autofill_more, by tail call, as
 * execve's exit goes on in f_proc_startupdate_common.
 */
#ifndef SCAPLAB_BPF_FILLERS_AUTOFILL_H
#define SCAPLAB_BPF_FILLERS_AUTOFILL_H

/* Half of AF_MAX_PARAMS: two programs store any event. */
#define AF_PARAMS_PER_PROG 3

static __always_inline __u64 bpf_autofill_raw(struct filler_data *data,
					       const struct ppm_autofill_param *p)
{
	switch (p->source) {
	case AF_RETVAL:
		return bpf_syscall_get_retval(data);
	case AF_ZERO:
		return 0;
	case AF_VM_SIZE:
		return bpf_mm_vm_size(READ_KERNEL(get_current_task(), mm));
	case AF_VM_RSS:
		return bpf_mm_vm_rss(READ_KERNEL(get_current_task(), mm));
	case AF_VM_SWAP:
		return bpf_mm_vm_swap(READ_KERNEL(get_current_task(), mm));
	case AF_SEMCTL_VAL:
		return bpf_syscall_get_argument(data, 2) == SCAP_KERNEL_SETVAL ?
		       bpf_syscall_get_argument(data, 3) : 0;
	default:
		return bpf_syscall_get_argument(data, p->source);
	}
}

/* A value the kernel reads from, or writes to, the caller's memory. */
static __always_inline void bpf_autofill_user(struct filler_data *data,
					      const struct autofill_user_read *r, __u64 ptr)
{
	__u64 bytes[2] = {};
	__u32 len = r->len;

	if (!ptr || (r->out && (long)bpf_syscall_get_retval(data) < 0)) {
		bpf_push_empty_param(data);
		return;
	}
	/* The table says 4, 8 or 16: the verifier must see it fits bytes. */
	if (len > sizeof(bytes))
		len = sizeof(bytes);
	if (bpf_probe_read_user(bytes, len, (const void *)(ptr + r->offset))) {
		count_fault_read();
		bpf_push_empty_param(data);
		return;
	}
	if (r->len == 4)
		bpf_push_u32_to_ring(data, autofill_user_value(r, bytes));
	else
		bpf_push_u64_to_ring(data, autofill_user_value(r, bytes));
}

static __always_inline void bpf_autofill_param(struct filler_data *data,
					       const struct ppm_autofill_param *p)
{
	struct autofill_user_read r;
	__u64 raw = bpf_autofill_raw(data, p);
	__u64 val;

	if (autofill_user_read(p->conv, &r)) {
		bpf_autofill_user(data, &r, raw);
		return;
	}
	if (p->conv == AF_STR) {
		bpf_val_to_ring_str(data, raw, MAX_PATH, USER);
		return;
	}
	val = autofill_value(p->conv, raw);
	switch (autofill_size(p->conv)) {
	case 1:
		bpf_push_u8_to_ring(data, val);
		break;
	case 2:
		bpf_push_u16_to_ring(data, val);
		break;
	case 4:
		bpf_push_u32_to_ring(data, val);
		break;
	default:
		bpf_push_u64_to_ring(data, val);
		break;
	}
}

/*
 * Params first to first + AF_PARAMS_PER_PROG - 1 of af; past them, the
 * program in SCAP_BPF_TAIL_AUTOFILL_MORE goes on with the rest.
 */
static __always_inline int bpf_autofill_params(struct filler_data *data,
					       const struct ppm_autofill *af, int first)
{
#pragma unroll
	for (int i = 0; i < AF_PARAMS_PER_PROG; i++) {
		if (first + i >= af->nparams)
			return 0;
		bpf_autofill_param(data, &af->params[first + i]);
	}
	if (first == 0 && af->nparams > AF_PARAMS_PER_PROG)
		return bpf_tail_call_next(data, SCAP_BPF_TAIL_AUTOFILL_MORE);
	return 0;
}

static __always_inline int bpf_autofill(struct filler_data *data, __u32 nr, bool enter)
{
	const struct syscall_evt_pair *sc = bpf_map_lookup_elem(&syscall_table, &nr);
	const struct ppm_autofill *af;
	__u32 type;

	if (!sc)
		return -1;
	type = enter ? sc->enter_event_type : sc->exit_event_type;
	af = bpf_map_lookup_elem(&autofill_table, &type);
	if (!af || !af->used)
		return -1;
	bpf_frame_begin(data, type, af->nparams);
	return bpf_autofill_params(data, af, 0);
}

FILLER(sys_autofill_e)
{
	return bpf_autofill(data, data->ctx->args[1], true);
}

FILLER(sys_autofill_x)
{
	return bpf_autofill(data, bpf_syscall_get_nr(data->ctx), false);
}

/* The rest of an event begun above: which one, its header in the frame says. */
FILLER(sys_autofill_more)
{
	__u32 type = ((struct ppm_evt_hdr *)data->frame->data)->type;
	const struct ppm_autofill *af = bpf_map_lookup_elem(&autofill_table, &type);

	if (!af)
		return -1;
	return bpf_autofill_params(data, af, AF_PARAMS_PER_PROG);
}

#endif /* SCAPLAB_BPF_FILLERS_AUTOFILL_H */
