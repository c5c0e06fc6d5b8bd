/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * autofill__event(): build and send an autofilled event
 * (driver/ppm_autofill.h) from its line of driver/autofill_table.h.
 *
 * Always called with a constant event code, from one program per syscall
 * (autofill.bpf.c). clang then reads the line at compile time: the loop is
 * unrolled, every switch on source and conv is decided, and what is left
 * is the same few stores a hand-written filler would make. An event of
 * fixed-size params goes straight into the ring (its size is known); one
 * with a string, or a value read from user memory that may be empty, is
 * built in the auxiliary map, like mkdir's exit.
 */
#ifndef SCAPLAB_AUTOFILL_STORE_PARAMS_H
#define SCAPLAB_AUTOFILL_STORE_PARAMS_H

#include "../extract/syscall_args.h"
#include "../extract/process.h"
#include "auxmap_store_params.h"
#include "ringbuf_store_params.h"
#include "ppm_autofill.h"
#include "autofill_table.h"

static __always_inline __u64 autofill__raw(const struct ppm_autofill_param *p,
					   struct pt_regs *regs, long ret)
{
	struct task_struct *task;

	switch (p->source) {
	case AF_RETVAL:
		return ret;
	case AF_ZERO:
		return 0;
	case AF_VM_SIZE:
	case AF_VM_RSS:
	case AF_VM_SWAP:
		/* Never NULL in a syscall: only kernel threads have no mm. */
		task = bpf_get_current_task_btf();
		if (p->source == AF_VM_SIZE)
			return extract__mm_vm_size(BPF_CORE_READ(task, mm));
		if (p->source == AF_VM_RSS)
			return extract__mm_vm_rss(BPF_CORE_READ(task, mm));
		return extract__mm_vm_swap(BPF_CORE_READ(task, mm));
	case AF_SEMCTL_VAL:
		return extract__syscall_argument(regs, 2) == SCAP_KERNEL_SETVAL ?
		       extract__syscall_argument(regs, 3) : 0;
	default:
		return extract__syscall_argument(regs, p->source);
	}
}

/*
 * A value the kernel reads from, or writes to, the caller's memory:
 * false if it is not to be read (NULL, or an OUT value of a failed call)
 * or cannot be (counted in n_fault_reads).
 */
static __always_inline bool autofill__user(const struct autofill_user_read *r, __u64 ptr,
					   long ret, __u64 *val)
{
	__u64 bytes[2] = {};

	if (!ptr || (r->out && ret < 0))
		return false;
	if (bpf_probe_read_user(bytes, r->len, (const void *)(ptr + r->offset))) {
		count_fault_read();
		return false;
	}
	*val = autofill_user_value(r, bytes);
	return true;
}

/* Every param fixed-size: the bytes they take, else 0. */
static __always_inline __u32 autofill__fixed_bytes(const struct ppm_autofill *af)
{
	__u32 bytes = 0;

#pragma unroll
	for (int i = 0; i < AF_MAX_PARAMS; i++) {
		if (i >= af->nparams)
			break;
		struct autofill_user_read r;

		/* A string, or a user value that may be empty: sized as it is built. */
		if (af->params[i].conv == AF_STR || autofill_user_read(af->params[i].conv, &r))
			return 0;
		bytes += autofill_size(af->params[i].conv);
	}
	return bytes;
}

#define AUTOFILL_STORE(prefix, target, size, val)				\
	do {									\
		if ((size) == 1)						\
			prefix##store_u8_param(target, val);			\
		else if ((size) == 2)						\
			prefix##store_u16_param(target, val);			\
		else if ((size) == 4)						\
			prefix##store_u32_param(target, val);			\
		else								\
			prefix##store_u64_param(target, val);			\
	} while (0)

static __always_inline void autofill__ringbuf_event(const struct ppm_autofill *af, __u16 type,
						    __u32 bytes, struct pt_regs *regs, long ret)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, type, af->nparams, bytes))
		return;
#pragma unroll
	for (int i = 0; i < AF_MAX_PARAMS; i++) {
		const struct ppm_autofill_param *p = &af->params[i];

		if (i >= af->nparams)
			break;
		AUTOFILL_STORE(ringbuf__, &ev, autofill_size(p->conv),
			       autofill_value(p->conv, autofill__raw(p, regs, ret)));
	}
	ringbuf__submit_event(&ev);
}

static __always_inline void autofill__auxmap_event(const struct ppm_autofill *af, __u16 type,
						   struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return;
	auxmap__preload_event_header(auxmap, type, af->nparams);
#pragma unroll
	for (int i = 0; i < AF_MAX_PARAMS; i++) {
		const struct ppm_autofill_param *p = &af->params[i];
		struct autofill_user_read r;
		__u64 raw, val;

		if (i >= af->nparams)
			break;
		raw = autofill__raw(p, regs, ret);
		if (autofill_user_read(p->conv, &r)) {
			if (!autofill__user(&r, raw, ret, &val))
				auxmap__store_empty_param(auxmap);
			else if (r.len == 4)
				auxmap__store_u32_param(auxmap, val);
			else
				auxmap__store_u64_param(auxmap, val);
		} else if (p->conv == AF_STR) {
			auxmap__store_charbuf_param(auxmap, raw, MAX_PATH, USER);
		} else {
			AUTOFILL_STORE(auxmap__, auxmap, autofill_size(p->conv),
				       autofill_value(p->conv, raw));
		}
	}
	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
}

static __always_inline int autofill__event(__u16 type, struct pt_regs *regs, long ret)
{
	const struct ppm_autofill *af = &g_autofill_table[type];
	__u32 bytes = autofill__fixed_bytes(af);

	/* No param, or fixed ones only: the event's size is known now. */
	if (bytes || af->nparams == 0)
		autofill__ringbuf_event(af, type, bytes, regs, ret);
	else
		autofill__auxmap_event(af, type, regs, ret);
	return 0;
}

#endif /* SCAPLAB_AUTOFILL_STORE_PARAMS_H */
