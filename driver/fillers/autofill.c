// SPDX-License-Identifier: GPL-2.0-only
/*
 * The one filler of every autofilled event (driver/ppm_autofill.h): it
 * reads the event's line of driver/autofill_table.h and stores each param
 * from the argument, return value, memory size or user memory the line
 * names. val_to_ring sizes each param by its schema type, which the unit
 * test test_autofill.c checks against the line's conv.
 *
 * The BPF drivers' twins: bpf/fillers/autofill.h and
 * modern_bpf/helpers/store/autofill_store_params.h.
 */
#include <linux/sched.h>
#include <linux/uaccess.h>
#include "../ppm_fillers.h"
#include "../autofill_table.h"
#include "../extract/mm.h"

static u64 autofill_raw(struct event_filler_arguments *args, const struct ppm_autofill_param *p)
{
	switch (p->source) {
	case AF_RETVAL:
		return args->retval;
	case AF_ZERO:
		return 0;
	case AF_VM_SIZE:
		return extract_mm_vm_size_kb(current->mm);
	case AF_VM_RSS:
		return extract_mm_vm_rss_kb(current->mm);
	case AF_VM_SWAP:
		return extract_mm_vm_swap_kb(current->mm);
	case AF_SEMCTL_VAL:
		return args->args[2] == SCAP_KERNEL_SETVAL ? args->args[3] : 0;
	default:
		return args->args[p->source];
	}
}

/* A value the kernel reads from, or writes to, the caller's memory. */
static int autofill_user(struct event_filler_arguments *args, const struct autofill_user_read *r,
			 u64 ptr)
{
	u64 bytes[2];

	if (!ptr || (r->out && args->retval < 0))
		return push_empty_param(args);
	if (copy_from_user_nofault(bytes, (const void __user *)(ptr + r->offset), r->len)) {
		ppm_count_fault_read(args);
		return push_empty_param(args);
	}
	return val_to_ring(args, autofill_user_value(r, bytes), 0, false);
}

static int autofill(struct event_filler_arguments *args)
{
	const struct ppm_autofill *af = &g_autofill_table[args->event_type];
	struct autofill_user_read r;
	u32 i;
	int res;

	for (i = 0; i < af->nparams; i++) {
		const struct ppm_autofill_param *p = &af->params[i];
		u64 raw = autofill_raw(args, p);

		if (autofill_user_read(p->conv, &r))
			res = autofill_user(args, &r, raw);
		else
			res = val_to_ring(args, autofill_value(p->conv, raw), 0, p->conv == AF_STR);
		if (res)
			return res;
	}
	return 0;
}

/* Two names for one filler: the legacy eBPF probe needs one per direction. */
FILLER(sys_autofill_e)
{
	return autofill(args);
}

FILLER(sys_autofill_x)
{
	return autofill(args);
}
