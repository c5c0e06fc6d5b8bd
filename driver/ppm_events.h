/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What a filler gets, and how it stores parameters.
 *
 * A filler is one function per event code (ppm_fillers.h). The probe
 * (main.c) has already written the event's header into the ring; the
 * filler stores exactly the params that driver/event_table.c lists for its
 * event, in that order, with val_to_ring() or one of the helpers built on
 * it, and returns 0. Anything else drops the event:
 *
 *   int f_sys_read_x(struct event_filler_arguments *args)
 *   {
 *           int res;
 *
 *           // Parameter 1: res (type: PT_ERRNO)
 *           res = val_to_ring(args, args->retval, 0, false);
 *           if (res)
 *                   return res;
 *           ...
 *   }
 *
 * The event is built in place, in the ring's free space, so nothing is
 * copied after the filler is done. The names are Falco's (its driver/
 * ppm_events.h), so a reader can find the same idea in Falco's kmod.
 */
#ifndef SCAPLAB_PPM_EVENTS_H
#define SCAPLAB_PPM_EVENTS_H

#include <linux/ptrace.h>
#include <linux/types.h>
#include "ppm_events_public.h"
#include "ppm_ringbuffer.h"

/* Longest string param we copy, NUL included: the kernel's PATH_MAX. */
#define MAX_PATH 4096

struct event_filler_arguments {
	u8 *buffer;		/* the event: header, lengths, params */
	u32 buffer_size;	/* the bytes it may take (free ring space) */
	u32 arg_data_offset;	/* where the next param's bytes go */
	u32 curarg;		/* params stored so far */
	u32 nparams;		/* params the schema says this event has */
	enum ppm_event_code event_type;
	struct pt_regs *regs;	/* the user registers at syscall entry */
	unsigned long args[6];	/* the syscall's arguments, from regs */
	long syscall_id;
	long retval;		/* exit events: what the syscall returned */
	u32 snaplen;		/* bytes of I/O data to keep */
	struct ppm_ring_buffer_info *info;	/* this CPU's counters */
};

/*
 * Store the next param. How val is read depends on the param's type in
 * the schema table:
 *  - a number (PT_INT8 ... PT_PID, PT_FLAGS32): val is the value, stored
 *    in the type's size; val_len is ignored;
 *  - a string (PT_CHARBUF, PT_FSPATH, PT_FSRELPATH): val is a pointer to a
 *    NUL-terminated string, in user memory if fromuser; at most val_len
 *    bytes are kept, NUL included (0 means MAX_PATH);
 *  - bytes (PT_BYTEBUF, PT_SOCKADDR, PT_SOCKTUPLE): val points to val_len
 *    bytes, in user memory if fromuser.
 * A NULL pointer stores an empty param; so does user memory that cannot be
 * read without a page fault (counted in n_fault_reads), as bpf_probe_read
 * does in the BPF drivers.
 * Returns 0, or -ENOSPC when the event no longer fits: the event is dropped.
 */
int val_to_ring(struct event_filler_arguments *args, u64 val, u32 val_len, bool fromuser);

/* An absent param: length 0 (JSON null), not an empty string. */
int push_empty_param(struct event_filler_arguments *args);

/*
 * For a helper that writes a param's bytes itself (a path walk, a socket
 * tuple): where they go, how many fit, then the length it wrote.
 */
static inline u8 *ppm_param_dst(struct event_filler_arguments *args)
{
	return args->buffer + args->arg_data_offset;
}

static inline u32 ppm_param_room(struct event_filler_arguments *args)
{
	return args->buffer_size - args->arg_data_offset;
}

int ppm_param_commit(struct event_filler_arguments *args, u32 len);

/*
 * A PT_DYN param of a fixed-size type: the index byte (which entry of the
 * param's info table the value has), then size bytes of val (1, 4 or 8).
 */
int ppm_push_dyn(struct event_filler_arguments *args, u8 idx, u64 val, u32 size);

/*
 * A string from user memory into the param being built, offset bytes in,
 * exactly as bpf_probe_read_user_str() would store it: at most size bytes,
 * a cut string still ending in NUL, and "" as the running kernel's BPF
 * helper stores it (ppm_events.c). Returns the bytes stored, -EFAULT if
 * unreadable (counted in n_fault_reads), -ENOSPC if the ring has less room
 * than the string may need. For a helper that builds a param of several
 * strings (execve's args); a single string goes through val_to_ring().
 */
long ppm_read_user_str(struct event_filler_arguments *args, u32 offset, unsigned long src,
		       u32 size);

/* A param left empty because memory could not be read: count it. */
void ppm_count_fault_read(struct event_filler_arguments *args);

/* How many bytes of a len-byte I/O buffer to keep: at most the snaplen. */
static inline u32 snaplen_cut(struct event_filler_arguments *args, s64 len)
{
	if (len <= 0)
		return 0;
	return len < args->snaplen ? len : args->snaplen;
}

/* A syscall argument that is an fd or a dirfd: an int, widened with its sign. */
static inline s64 syscall_arg_fd(struct event_filler_arguments *args, int idx)
{
	return (s32)args->args[idx];
}

#endif /* SCAPLAB_PPM_EVENTS_H */
