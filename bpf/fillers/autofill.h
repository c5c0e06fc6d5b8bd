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
 * Linux 4.14's verifier accepts no loop: the params are walked by an
 * unrolled loop, AF_MAX_PARAMS copies of one store, each skipped past
 * nparams.
 */
#ifndef SCAPLAB_BPF_FILLERS_AUTOFILL_H
#define SCAPLAB_BPF_FILLERS_AUTOFILL_H

static __always_inline void bpf_autofill_param(struct filler_data *data,
					       const struct ppm_autofill_param *p)
{
	__u64 raw;
	__u64 val;

	if (p->source == AF_RETVAL)
		raw = bpf_syscall_get_retval(data);
	else if (p->source == AF_ZERO)
		raw = 0;
	else
		raw = bpf_syscall_get_argument(data, p->source);
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
#pragma unroll
	for (int i = 0; i < AF_MAX_PARAMS; i++) {
		if (i >= af->nparams)
			break;
		bpf_autofill_param(data, &af->params[i]);
	}
	return 0;
}

FILLER(sys_autofill_e)
{
	return bpf_autofill(data, data->ctx->args[1], true);
}

FILLER(sys_autofill_x)
{
	return bpf_autofill(data, bpf_syscall_get_nr(data->ctx), false);
}

#endif /* SCAPLAB_BPF_FILLERS_AUTOFILL_H */
