// SPDX-License-Identifier: GPL-2.0-only
/*
 * The one filler of every autofilled event (driver/ppm_autofill.h): it
 * reads the event's line of driver/autofill_table.h and stores each param
 * from the argument or return value the line names. val_to_ring sizes
 * each param by its schema type, which the unit test test_autofill.c
 * checks against the line's conv.
 *
 * The BPF drivers' twins: bpf/fillers/autofill.h and
 * modern_bpf/programs/tail_called/events/syscall_dispatched_events/autofill.bpf.c.
 */
#include "../ppm_fillers.h"
#include "../autofill_table.h"

static int autofill(struct event_filler_arguments *args)
{
	const struct ppm_autofill *af = &g_autofill_table[args->event_type];
	u32 i;
	int res;

	for (i = 0; i < af->nparams; i++) {
		const struct ppm_autofill_param *p = &af->params[i];
		u64 raw;

		if (p->source == AF_RETVAL)
			raw = args->retval;
		else if (p->source == AF_ZERO)
			raw = 0;
		else
			raw = args->args[p->source];
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
