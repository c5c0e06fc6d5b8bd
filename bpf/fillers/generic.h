/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The generic pair, for every syscall without a filler of its own, and
 * procexit. The kernel module's are in driver/fillers/generic.c.
 */

/*
 * Parameter 1 of both: ID (type: PT_SYSCALLID), Falco's code for the
 * syscall (driver/ppm_sc.h), the same on every architecture; 0 for a
 * syscall that list lacks, and for a number past the table.
 */
static __always_inline __u16 bpf_ppm_sc_of(__u32 nr)
{
	__u16 *sc = bpf_map_lookup_elem(&syscall_code_routing_table, &nr);

	return sc ? *sc : 0;
}

FILLER(sys_generic_e)
{
	__u32 nr = data->ctx->args[1];

	bpf_frame_begin(data, PPME_GENERIC_E, 2);
	/* Parameter 1: ID (type: PT_SYSCALLID) */
	bpf_push_u16_to_ring(data, bpf_ppm_sc_of(nr));
	/* Parameter 2: nativeID (type: PT_UINT16), the x86_64 number */
	bpf_push_u16_to_ring(data, nr);
	return 0;
}

FILLER(sys_generic_x)
{
	bpf_frame_begin(data, PPME_GENERIC_X, 1);
	/* Parameter 1: ID (type: PT_SYSCALLID); sys_exit has no number: read it */
	bpf_push_u16_to_ring(data, bpf_ppm_sc_of(bpf_syscall_get_nr(data->ctx)));
	return 0;
}

/* The wait(2) status macros, on the kernel's exit_code. */
#define EXIT_STATUS(code) (((code) >> 8) & 0xff)
#define TERM_SIG(code) ((code) & 0x7f)
#define WAS_SIGNALED(code) (((__s8)(((code) & 0x7f) + 1) >> 1) > 0)
#define CORE_DUMPED(code) (((code) & 0x80) != 0)

/* sched_process_exit's argument is the exiting task. */
FILLER(sched_procexit_e)
{
	struct task_struct *task = (struct task_struct *)data->ctx->args[0];
	__s32 exit_code = READ_KERNEL(task, exit_code);

	bpf_frame_begin(data, PPME_PROCEXIT_1_E, 4);
	/* Parameter 1: status (type: PT_ERRNO), the raw wait status */
	bpf_push_s64_to_ring(data, exit_code);
	/* Parameter 2: ret (type: PT_ERRNO), the exit status */
	bpf_push_s64_to_ring(data, EXIT_STATUS(exit_code));
	/* Parameter 3: sig (type: PT_SIGTYPE), the killing signal or 0 */
	bpf_push_u8_to_ring(data, WAS_SIGNALED(exit_code) ? TERM_SIG(exit_code) : 0);
	/* Parameter 4: core (type: PT_UINT8), 1 if a core was dumped */
	bpf_push_u8_to_ring(data, CORE_DUMPED(exit_code));
	return 0;
}
