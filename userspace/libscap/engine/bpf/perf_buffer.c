// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * See perf_buffer.h for the buffer's layout.
 *
 * Ordering: the kernel writes records, then publishes data_head with a
 * release store; we read it with an acquire load, so the records before
 * it are visible. When we are done with records we publish data_tail
 * with a release store, and only then may the kernel reuse their space.
 *
 * Batches: data_head and data_tail share a cache line. The kernel writes
 * data_head with every sample and reads data_tail to see the free space,
 * so each of our reads and writes of that line costs a transfer between
 * CPUs. We read data_head again only when we have read every record up
 * to it, and write data_tail once per 16th of the buffer and when we have
 * caught up (as the modern engine's reader, bpf_ringbuf.c, does).
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/perf_event.h>
#include "perf_buffer.h"
#include "../../ringbuffer/devset.h"

int scap_perf_buffer_open(struct scap_perf_buffer *pb, int cpu, uint64_t size,
			  uint32_t wakeup_events, char *err, size_t errlen)
{
	long page = sysconf(_SC_PAGESIZE);

	memset(pb, 0, sizeof(*pb));
	pb->fd = -1;
	/* LAB 10.1 BEGIN: open a perf event for the BPF output samples of cpu (PERF_COUNT_SW_BPF_OUTPUT, raw samples, each one a sample, wakeup_events as given) in pb->fd, map its metadata page and the size bytes after it, fill pb, enable the event; on failure: err, close what you opened, -1 */
	struct perf_event_attr attr = {
		.type = PERF_TYPE_SOFTWARE,
		.size = sizeof(attr),
		.config = PERF_COUNT_SW_BPF_OUTPUT,
		.sample_type = PERF_SAMPLE_RAW,
		.sample_period = 1,
		.wakeup_events = wakeup_events,
	};
	void *p;

	/* pid -1 and a cpu: every task's samples on that CPU. CLOEXEC: the traced command must not inherit it. */
	pb->fd = syscall(SYS_perf_event_open, &attr, -1, cpu, -1, PERF_FLAG_FD_CLOEXEC);
	if (pb->fd < 0) {
		snprintf(err, errlen, "perf_event_open on CPU %d failed: %s", cpu,
			 strerror(errno));
		return -1;
	}
	pb->size = size;
	pb->mapped = page + size;
	p = mmap(NULL, pb->mapped, PROT_READ | PROT_WRITE, MAP_SHARED, pb->fd, 0);
	if (p == MAP_FAILED) {
		/* EPERM here: more than perf_event_mlock_kb of locked pages, and not root. */
		snprintf(err, errlen, "mmap of the %llu-byte perf buffer of CPU %d failed: %s",
			 (unsigned long long)size, cpu, strerror(errno));
		scap_perf_buffer_close(pb);
		return -1;
	}
	pb->meta = p;
	pb->data = (uint8_t *)p + page;
	pb->tail = __atomic_load_n(&pb->meta->data_tail, __ATOMIC_ACQUIRE);
	if (ioctl(pb->fd, PERF_EVENT_IOC_ENABLE, 0)) {
		snprintf(err, errlen, "enabling the perf event of CPU %d failed: %s", cpu,
			 strerror(errno));
		scap_perf_buffer_close(pb);
		return -1;
	}
	return 0;
	/* LAB 10.1 STARTER: (void)page; */
	/* LAB 10.1 STARTER: snprintf(err, errlen, "CPU %d: %llu-byte perf buffer, wakeup_events %u: not opened yet (lab 10.1)", cpu, (unsigned long long)size, wakeup_events); */
	/* LAB 10.1 STARTER: return -1; */
	/* LAB 10.1 END */
}

/*
 * The record at the tail, contiguous: in place, or copied to the bounce
 * buffer if it runs past the end of the data pages. NULL if out of memory.
 */
static uint8_t *record_at_tail(struct scap_perf_buffer *pb, uint16_t size)
{
	/* LAB 10.2 BEGIN: the record of size bytes at the tail, in one piece: in place if it fits before the end of the data, else copied whole (both parts) into pb->bounce, allocated the first time (UINT16_MAX + 1 bytes); NULL if out of memory */
	uint64_t off = pb->tail & (pb->size - 1);
	uint64_t first = pb->size - off;

	if (size <= first)
		return pb->data + off;
	if (!pb->bounce) {
		pb->bounce = malloc(UINT16_MAX + 1);
		if (!pb->bounce)
			return NULL;
	}
	memcpy(pb->bounce, pb->data + off, first);
	memcpy(pb->bounce + first, pb->data, size - first);
	return pb->bounce;
	/* LAB 10.2 STARTER: (void)size; */
	/* LAB 10.2 STARTER: return pb->data + (pb->tail & (pb->size - 1)); */
	/* LAB 10.2 END */
}

/*
 * Whether need bytes past the tail are published: by data_head as we read
 * it last, or as we read it again now. (head may be behind the tail before
 * the first read: then it says nothing.)
 */
static bool published_past_tail(struct scap_perf_buffer *pb, uint64_t need)
{
	if (pb->head > pb->tail && pb->head - pb->tail >= need)
		return true;
	pb->head = __atomic_load_n(&pb->meta->data_head, __ATOMIC_ACQUIRE);
	return pb->head > pb->tail && pb->head - pb->tail >= need;
}

static void publish_tail(struct scap_perf_buffer *pb);

void *scap_perf_buffer_peek(struct scap_perf_buffer *pb, uint32_t *len)
{
	/* LAB 10.2 BEGIN: return the raw data of the oldest PERF_RECORD_SAMPLE (its length in *len) without consuming it; count and skip PERF_RECORD_LOST records (and any other type) on the way; NULL if there is none (first give back what was read: publish_tail), or if a record's size is one the kernel never writes */
	for (;;) {
		struct perf_event_header hdr;
		uint8_t *rec;

		if (!pb->meta)
			return NULL;	/* an offline CPU: no buffer */
		if (!published_past_tail(pb, sizeof(hdr))) {
			/* Caught up: the kernel may have all of its space back. */
			publish_tail(pb);
			return NULL;
		}
		/* The 8-byte header itself never wraps: records are 8-aligned. */
		memcpy(&hdr, pb->data + (pb->tail & (pb->size - 1)), sizeof(hdr));
		/*
		 * A size the kernel never writes, or a record it has not
		 * published whole: stop, never loop or copy past the data.
		 */
		if (hdr.size < sizeof(hdr) || hdr.size > pb->size ||
		    !published_past_tail(pb, hdr.size))
			return NULL;
		rec = record_at_tail(pb, hdr.size);
		if (!rec)
			return NULL;	/* no memory for the bounce buffer */
		if (hdr.type == PERF_RECORD_SAMPLE) {
			uint32_t raw;

			/* A raw size the record does not hold: never hand out bytes past it. */
			if (hdr.size < sizeof(hdr) + sizeof(raw))
				return NULL;
			memcpy(&raw, rec + sizeof(hdr), sizeof(raw));
			if (raw > hdr.size - sizeof(hdr) - sizeof(raw))
				return NULL;
			pb->pending = hdr.size;
			/* The raw size counts padding: the event's own len is checked by scap.c. */
			*len = raw;
			return rec + sizeof(hdr) + sizeof(raw);
		}
		if (hdr.type == PERF_RECORD_LOST && hdr.size >= sizeof(hdr) + 2 * sizeof(uint64_t)) {
			uint64_t lost;

			memcpy(&lost, rec + sizeof(hdr) + sizeof(uint64_t), sizeof(lost));
			pb->n_lost += lost;
		}
		/* A lost record, or one we never asked for: skip it. */
		pb->tail += hdr.size;
	}
	/* LAB 10.2 STARTER: (void)pb; */
	/* LAB 10.2 STARTER: (void)len; */
	/* LAB 10.2 STARTER: (void)record_at_tail; */
	/* LAB 10.2 STARTER: (void)published_past_tail; */
	/* LAB 10.2 STARTER: (void)publish_tail; */
	/* LAB 10.2 STARTER: return NULL; */
	/* LAB 10.2 END */
}

/* Give the kernel back the space of every record before the tail. */
static void publish_tail(struct scap_perf_buffer *pb)
{
	/* LAB 10.3 BEGIN: publish the tail in data_tail (a release store), if it moved since the last time */
	if (pb->published == pb->tail)
		return;
	__atomic_store_n(&pb->meta->data_tail, pb->tail, __ATOMIC_RELEASE);
	pb->published = pb->tail;
	/* LAB 10.3 STARTER: (void)pb; */
	/* LAB 10.3 END */
}

void scap_perf_buffer_consume(struct scap_perf_buffer *pb)
{
	/* LAB 10.3 BEGIN: move the tail past the record of the last peek (nothing if there is none); publish it once a 16th of the buffer has been read since the last time */
	if (!pb->pending)
		return;
	pb->tail += pb->pending;
	pb->pending = 0;
	if (pb->tail - pb->published >= pb->size / 16)
		publish_tail(pb);
	/* LAB 10.3 STARTER: (void)pb; */
	/* LAB 10.3 END */
}

void scap_perf_buffer_close(struct scap_perf_buffer *pb)
{
	if (pb->meta)
		munmap(pb->meta, pb->mapped);
	if (pb->fd >= 0)
		close(pb->fd);
	free(pb->bounce);
	memset(pb, 0, sizeof(*pb));
	pb->fd = -1;
}

/* In this file, so that the compiler inlines peek and consume into them. */
static void *ops_peek(void *buffers, uint32_t cpu, uint32_t *bytes)
{
	return scap_perf_buffer_peek((struct scap_perf_buffer *)buffers + cpu, bytes);
}

static void ops_consume(void *buffers, uint32_t cpu, uint32_t evt_len)
{
	(void)evt_len;
	scap_perf_buffer_consume((struct scap_perf_buffer *)buffers + cpu);
}

const struct scap_dev_ops scap_perf_buffer_ops = {
	.peek = ops_peek,
	.consume = ops_consume,
};
