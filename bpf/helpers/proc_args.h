/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * exe, args and env of the execve and clone families: a program's argument
 * and environment strings, read from the user's memory.
 *
 * A running program's argv and environ strings lie back to back in its
 * memory, NUL-separated, between mm->arg_start and arg_end (env_start and
 * env_end): "/bin/ls\0-l\0/tmp\0". exe is the first string, args the
 * others. That is one read each, of at most MAX_PROC_ARG_ENV bytes.
 *
 * After a failed execve no new program ran: exe, args and env come from
 * the syscall's argv and envp, arrays of pointers to strings, one read per
 * string. The modern probe walks them with bpf_loop() (up to 4096
 * strings); a legacy probe can only repeat a loop body a fixed number of
 * times (#pragma unroll), each copy adding instructions, so it reads at
 * most MAX_ARRAY_STRINGS strings and keeps what it has read.
 *
 * The modern driver's twin: modern_bpf/helpers/store/auxmap_store_proc.h.
 */
#ifndef SCAPLAB_BPF_HELPERS_PROC_ARGS_H
#define SCAPLAB_BPF_HELPERS_PROC_ARGS_H

/* Longest exe + args, or env, we copy: one page, as Falco. A power of 2: a mask too. */
#define MAX_PROC_ARG_ENV 4096
/*
 * Strings of an argv or envp array we read at most: each is one unrolled
 * copy of the loop body, about 30 instructions. Enough for the usual
 * environment of a shell; beyond it, a failed execve's env is cut short
 * where the modern probe's goes on to MAX_PROC_ARG_ENV bytes.
 */
#define MAX_ARRAY_STRINGS 64

/*
 * len bytes of NUL-separated strings from user memory at ptr, as a
 * PT_BYTEBUF that ends in NUL even when MAX_PROC_ARG_ENV cut its last
 * string, as Falco ends it.
 */
static __always_inline void bpf_store_string_list(struct filler_data *data, unsigned long ptr,
						  __u32 len)
{
	if (bpf_val_to_ring_buf(data, ptr, len, USER))
		data->frame->data[SAFE_ACCESS(data->frame->payload_pos - 1)] = '\0';
}

/* The bytes between start and end, at most MAX_PROC_ARG_ENV; 0 if there is no area. */
static __always_inline __u32 bpf_area_len(unsigned long start, unsigned long end)
{
	if (!start || end <= start)
		return 0;
	return end - start > MAX_PROC_ARG_ENV ? MAX_PROC_ARG_ENV : end - start;
}

/* Parameters 2 and 3, exe and args, from the memory of the program mm runs. */
static __always_inline void bpf_store_exe_args_from_mm(struct filler_data *data,
						       struct mm_struct *mm)
{
	unsigned long start = READ_KERNEL(mm, arg_start);
	__u32 total = bpf_area_len(start, READ_KERNEL(mm, arg_end));
	__u16 exe_len;

	if (!total) {
		/* Parameter 2: exe (type: PT_CHARBUF). Not collected: no argv area. */
		bpf_push_empty_param(data);
		/* Parameter 3: args (type: PT_BYTEBUF). Not collected: no argv area. */
		bpf_push_empty_param(data);
		return;
	}
	/* Parameter 2: exe (type: PT_CHARBUF), argv[0] */
	exe_len = bpf_val_to_ring_str(data, start, MAX_PROC_ARG_ENV, USER);
	/* Parameter 3: args (type: PT_BYTEBUF), argv[1..] as "a\0b\0" */
	bpf_store_string_list(data, start + exe_len, exe_len < total ? total - exe_len : 0);
}

/*
 * A NULL-terminated user array of string pointers (argv, envp) as one
 * PT_BYTEBUF of NUL-separated strings, at most max_bytes. It stops, keeping
 * what it has, at the NULL, at a pointer or string it cannot read, when
 * max_bytes is full, or after MAX_ARRAY_STRINGS strings.
 *
 * Each string is read straight to its place in the param. total, the bytes
 * so far, is what the verifier must bound: it can (room is clamped, the
 * offset masked), so the loop needs no map-held state.
 */
static __always_inline void bpf_store_user_array(struct filler_data *data, unsigned long array,
						 __u32 max_bytes)
{
	struct scap_bpf_frame *frame = data->frame;
	unsigned long str, room;
	__u32 total = 0;
	long n;

	if (!array || !max_bytes)
		goto out;
	/* As in process.h, the byte limit is tested at the end of a step, for clang. */
#pragma unroll
	for (int i = 0; i < MAX_ARRAY_STRINGS; i++) {
		if (bpf_probe_read_user(&str, sizeof(str), (const void *)(array + i * sizeof(str)))) {
			count_fault_read();
			break;
		}
		if (!str)
			break;
		room = max_bytes - total;
		if (room > MAX_PROC_ARG_ENV)
			room = MAX_PROC_ARG_ENV;
		/*
		 * Clamp, then mask, as bpf_val_to_ring_buf() does: the mask is
		 * the bound the verifier checks, the asm keeps clang from
		 * dropping it as redundant.
		 */
		asm volatile("" : "+r"(room));
		room &= 2 * MAX_PROC_ARG_ENV - 1;
		/* A string longer than room is cut, and still ends in NUL. */
		n = bpf_probe_read_user_str(&frame->data[SAFE_ACCESS(frame->payload_pos + total)],
					    room, (const void *)str);
		if (n < 0) {
			count_fault_read();
			break;
		}
		total += n;
		if (total >= max_bytes)
			break;
	}
out:
	bpf_commit_param(data, total);
}

/* Parameters 2 and 3, exe and args, from the argv of a failed execve. */
static __always_inline void bpf_store_exe_args_from_argv(struct filler_data *data,
							 unsigned long argv)
{
	unsigned long exe = 0;
	__u16 exe_len;

	if (argv && bpf_probe_read_user(&exe, sizeof(exe), (const void *)argv)) {
		count_fault_read();
		exe = 0;
	}
	/* Parameter 2: exe (type: PT_CHARBUF), argv[0] */
	exe_len = bpf_val_to_ring_str(data, exe, MAX_PROC_ARG_ENV, USER);
	/* Parameter 3: args (type: PT_BYTEBUF), argv[1..] */
	bpf_store_user_array(data, exe ? argv + sizeof(exe) : 0, MAX_PROC_ARG_ENV - exe_len);
}

/* Parameter 16 of the execve family, env, from the memory of the program mm runs. */
static __always_inline void bpf_store_env_from_mm(struct filler_data *data, struct mm_struct *mm)
{
	unsigned long start = READ_KERNEL(mm, env_start);

	/* Parameter 16: env (type: PT_BYTEBUF), "HOME=/root\0PATH=...\0" */
	bpf_store_string_list(data, start, bpf_area_len(start, READ_KERNEL(mm, env_end)));
}

/* Parameter 16 of the execve family, env, from the envp of a failed execve. */
static __always_inline void bpf_store_env_from_envp(struct filler_data *data, unsigned long envp)
{
	/* Parameter 16: env (type: PT_BYTEBUF) */
	bpf_store_user_array(data, envp, MAX_PROC_ARG_ENV);
}

#endif /* SCAPLAB_BPF_HELPERS_PROC_ARGS_H */
