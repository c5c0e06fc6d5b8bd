/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The probe's own types: the frame an event is built in, and what every
 * filler is handed.
 */
#ifndef SCAPLAB_BPF_TYPES_H
#define SCAPLAB_BPF_TYPES_H

/* One CPU's frame (see SCAP_BPF_FRAME_SIZE in shared_definitions.h). */
struct scap_bpf_frame {
	__u8 data[SCAP_BPF_FRAME_SIZE];
	__u32 payload_pos;	/* offset where the next param's bytes go */
	__u32 lengths_pos;	/* offset where the next param's length goes */
	/*
	 * A program that tail-calls itself to go on with a param (one round a
	 * cgroup controller: bpf/fillers/proc.h) keeps its round and the
	 * param's bytes so far here.
	 */
	__u32 round;
	__u32 round_len;
};

/*
 * What a filler works with, set up by the FILLER() prologue (fillers.h).
 * Falco's legacy probe calls it struct filler_data too.
 */
struct filler_data {
	/*
	 * The raw tracepoint's arguments, as the tracepoint passed them:
	 * sys_enter (struct pt_regs *regs, long id), sys_exit (regs, long ret),
	 * sched_process_exit (struct task_struct *p).
	 */
	struct bpf_raw_tracepoint_args *ctx;
	struct scap_bpf_frame *frame;
	const struct scap_bpf_settings *settings;
};

/* Where a pointer given to a store function points. */
enum read_memory {
	USER = 0,
	KERNEL = 1,
};

/* Longest path we copy, NUL included: the kernel's PATH_MAX. */
#define MAX_PATH 4096

/*
 * Every variable offset into the frame goes through SAFE_ACCESS: the mask
 * tells the verifier the offset is below PPM_MAX_EVENT_SIZE, so a write of
 * up to PPM_MAX_EVENT_SIZE bytes stays inside the 2x-sized frame.
 */
#define SAFE_ACCESS(x) ((x) & (PPM_MAX_EVENT_SIZE - 1))

#endif /* SCAPLAB_BPF_TYPES_H */
