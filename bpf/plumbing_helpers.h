/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Reading what a raw tracepoint gives: the syscall's number, arguments and
 * return value, and the current task.
 *
 * A raw tracepoint program gets the tracepoint's arguments as an array of
 * u64 (struct bpf_raw_tracepoint_args), untyped: for sys_enter, args[0] is
 * the struct pt_regs * of the user registers and args[1] the syscall
 * number. The verifier knows nothing of that pointer, so every register is
 * read with bpf_probe_read_kernel(). (A tp_btf program, as in the modern
 * probe, gets typed arguments it may dereference: that needs BTF.)
 *
 * The x86_64 syscall ABI puts the number in orig_ax and the six arguments
 * in di, si, dx, r10, r8, r9 (r10, not cx: the syscall instruction
 * clobbers cx). struct pt_regs is the same in every kernel: it is the
 * layout the entry code pushes.
 */
#ifndef SCAPLAB_BPF_PLUMBING_HELPERS_H
#define SCAPLAB_BPF_PLUMBING_HELPERS_H

static __always_inline const struct scap_bpf_settings *get_bpf_settings(void)
{
	__u32 key = 0;

	return bpf_map_lookup_elem(&settings_map, &key);
}

static __always_inline struct counter_map *get_bpf_counters(void)
{
	__u32 cpu = bpf_get_smp_processor_id();

	return bpf_map_lookup_elem(&counters_map, &cpu);
}

static __always_inline struct pt_regs *ctx_regs(struct bpf_raw_tracepoint_args *ctx)
{
	return (struct pt_regs *)ctx->args[0];
}

/* sys_exit is given the return value, not the number: read it from the registers. */
static __always_inline long bpf_syscall_get_nr(struct bpf_raw_tracepoint_args *ctx)
{
	return READ_KERNEL(ctx_regs(ctx), orig_ax);
}

/* Argument idx (0..5) of the syscall in progress. */
static __always_inline unsigned long bpf_syscall_get_argument(struct filler_data *data, int idx)
{
	struct pt_regs *regs = ctx_regs(data->ctx);

	switch (idx) {
	case 0:
		return READ_KERNEL(regs, di);
	case 1:
		return READ_KERNEL(regs, si);
	case 2:
		return READ_KERNEL(regs, dx);
	case 3:
		return READ_KERNEL(regs, r10);
	case 4:
		return READ_KERNEL(regs, r8);
	case 5:
		return READ_KERNEL(regs, r9);
	default:
		return 0;
	}
}

/* An exit event's return value: the second argument of sys_exit. */
static __always_inline long bpf_syscall_get_retval(struct filler_data *data)
{
	return data->ctx->args[1];
}

static __always_inline struct task_struct *get_current_task(void)
{
	return (struct task_struct *)bpf_get_current_task();
}

/*
 * 1 if the current task made a 32-bit (ia32) syscall: its number is from
 * the i386 table, and looking it up in our x86_64 table would lie.
 * TS_COMPAT, arch/x86/include/asm/thread_info.h.
 */
static __always_inline bool bpf_in_ia32_syscall(void)
{
	__u32 status = READ_KERNEL(get_current_task(), thread_info.status);

	return status & 0x0002;
}

#endif /* SCAPLAB_BPF_PLUMBING_HELPERS_H */
