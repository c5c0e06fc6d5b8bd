/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The per-CPU ring buffer of the kernel module, as the module (driver/) and
 * libscap's kmod engine (userspace/libscap/engine/kmod/) both see it.
 *
 * Each CPU has one ring and one device, /dev/scaplabN. A reader maps two
 * things from that device:
 *
 *   offset 0          one page: struct ppm_ring_buffer_info, read-write
 *                     (the reader writes tail, the module everything else)
 *   offset PAGE_SIZE  the ring's size bytes, mapped TWICE back to back,
 *                     read-only: a mapping of 2 * size bytes
 *
 *   data:  [0 ............ size)[size ......... 2*size)
 *           the same pages       the same pages again
 *
 * Because the second copy follows the first, an event that starts near the
 * end of the ring and wraps to its start can still be read in one piece:
 * its bytes past the end are its bytes at the start. The module writes
 * through the same trick (its own kernel mapping is doubled too), so no
 * event is ever split or copied at the wrap. The BPF ring buffer does the
 * same (kernel/bpf/ringbuf.c).
 *
 * head and tail are offsets in [0, size). The module writes events at head
 * and then moves head past them; the reader reads from tail to head and
 * then moves tail. head == tail means empty; the module keeps one byte free
 * so that a full ring is never mistaken for an empty one.
 *
 * The order that makes this safe (see ppm_ring.c and the engine's peek):
 *   module: write the event, then smp_store_release(&head)
 *   reader: smp_load_acquire(&head), then read the event
 *   reader: done reading, then store-release tail
 *   module: smp_load_acquire(&tail), then overwrite the space freed
 */
#ifndef PPM_RINGBUFFER_H
#define PPM_RINGBUFFER_H

#include <linux/types.h>

/*
 * One per CPU, at offset 0 of /dev/scaplabN. The counters say what became
 * of every event the module built on this CPU: written (n_evts) or dropped,
 * and why. Falco's struct of the same name also counts preemptions: its
 * probe could be re-entered on one CPU. Ours cannot (see ppm_ring.c), so it
 * has no such counter.
 */
struct ppm_ring_buffer_info {
	__u32 head;			/* written by the module */
	__u32 tail;			/* written by the reader */
	__u64 n_evts;			/* events written to the ring */
	__u64 n_drops_buffer;		/* dropped: the ring was full */
	__u64 n_drops_max_event_size;	/* dropped: larger than PPM_MAX_EVENT_SIZE */
	__u64 n_fault_reads;		/* params stored empty: user memory not readable */
	__u64 n_drops_bug;		/* dropped: a tail outside the ring (a broken reader) */
};

/* Where the two mappings start, in pages of the device's offset space. */
#define PPM_RING_INFO_PGOFF 0
#define PPM_RING_DATA_PGOFF 1

/*
 * The ring's size is chosen by the reader: the length of its data mapping
 * is twice the size. It must be a power of two from one page (4 KiB) to
 * 1 GiB, the sizes scap-open's --buffer_dim accepts. An event larger than
 * the free space is dropped as n_drops_buffer, so a tiny ring still works.
 */
#define PPM_RING_MIN_SIZE 4096
#define PPM_RING_MAX_SIZE (1UL << 30)

#endif /* PPM_RINGBUFFER_H */
