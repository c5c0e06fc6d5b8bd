/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * A reader of one CPU's perf buffer, the output of the legacy probe's
 * bpf_perf_event_output(), that can look at the oldest event without
 * consuming it (the device set merges the CPUs by timestamp: devset.h).
 *
 * libbpf has a perf buffer reader (perf_buffer__new), but it hands each
 * sample to a callback and consumes it at once, and it asks for a wake-up
 * per sample. We open and map the buffers ourselves, as Falco's legacy
 * engine did. The kernel's layout (include/uapi/linux/perf_event.h):
 *
 *   mmap offset 0       struct perf_event_mmap_page: data_head (the kernel
 *                       writes it), data_tail (we write it), data_offset,
 *                       data_size
 *   data_offset         data_size bytes of records, mapped ONCE: a record
 *                       that runs past the end continues at the start
 *
 *   each record: struct perf_event_header { u32 type; u16 misc; u16 size; }
 *     PERF_RECORD_SAMPLE  then u32 raw size, then the raw bytes (our event,
 *                         at offset 12: not 8-byte aligned), size % 8 == 0
 *     PERF_RECORD_LOST    then u64 id, u64 lost: samples the kernel could
 *                         not write because the buffer was full
 */
#ifndef SCAPLAB_PERF_BUFFER_H
#define SCAPLAB_PERF_BUFFER_H

#include <stddef.h>
#include <stdint.h>

struct perf_event_mmap_page;

struct scap_perf_buffer {
	int fd;				/* the perf event, -1 if none */
	struct perf_event_mmap_page *meta;	/* the first mapped page */
	uint8_t *data;
	uint64_t size;			/* data bytes: a power of 2 */
	size_t mapped;			/* bytes mapped: a page + size */
	uint64_t tail;			/* where we read: the next record */
	uint64_t head;			/* data_head, as we read it last */
	uint64_t published;		/* the tail, as we wrote it to data_tail last */
	uint64_t pending;		/* bytes of the record peek returned */
	uint64_t n_lost;		/* samples PERF_RECORD_LOST records reported */
	uint8_t *bounce;		/* a record that wrapped, copied whole; lazily allocated */
};

/*
 * Open a perf event on cpu that receives bpf_perf_event_output() samples
 * (PERF_COUNT_SW_BPF_OUTPUT) and map a buffer of size bytes (a power of 2,
 * at least a page). wakeup_events: wake a reader blocked in poll() after
 * that many samples; 0: only when the buffer is half full (the reader
 * polls, see engine/bpf/bpf.c). 0, or -1 with the reason in err.
 */
int scap_perf_buffer_open(struct scap_perf_buffer *pb, int cpu, uint64_t size,
			  uint32_t wakeup_events, char *err, size_t errlen);

/*
 * The oldest event, or NULL if there is none; *len gets its length. Lost
 * records met on the way are counted in n_lost and consumed. The event
 * stays valid until scap_perf_buffer_consume().
 */
void *scap_perf_buffer_peek(struct scap_perf_buffer *pb, uint32_t *len);

/*
 * Done with the record of the last peek. The kernel gets its space back
 * in batches: when a 16th of the buffer has been read, and when a peek
 * finds nothing more (perf_buffer.c says why).
 */
void scap_perf_buffer_consume(struct scap_perf_buffer *pb);

/* Unmap and close; safe on a buffer with fd -1 that was never opened. */
void scap_perf_buffer_close(struct scap_perf_buffer *pb);

/* The device set's operations on an array of buffers, one per CPU: ctx is the array. */
extern const struct scap_dev_ops scap_perf_buffer_ops;

#endif /* SCAPLAB_PERF_BUFFER_H */
