// SPDX-License-Identifier: GPL-2.0-only
/*
 * The per-CPU ring buffers of the kernel module: their memory, how the
 * reader maps them, and how the probe writes an event into one.
 *
 * Why no lock: each ring has one writer, the probe running on that ring's
 * CPU with preemption disabled (main.c), and syscall tracepoints never fire
 * in interrupt context, so two events are never built in one ring at once.
 * The reader runs in userspace and only moves tail; the release/acquire
 * pairs on head and tail (described in ppm_ringbuffer.h) are all the
 * synchronisation the two sides need.
 */
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/topology.h>
#include <linux/version.h>
#include <linux/vmalloc.h>
#include "ppm_events_public.h"
#include "ppm_ring.h"

int ppm_ring_init(struct ppm_ring *ring, int cpu)
{
	memset(ring, 0, sizeof(*ring));
	ring->info_page = alloc_pages_node(cpu_to_node(cpu), GFP_KERNEL | __GFP_ZERO, 0);
	if (!ring->info_page)
		return -ENOMEM;
	ring->info = page_address(ring->info_page);
	return 0;
}

static void free_data(struct ppm_ring *ring)
{
	unsigned long i;

	if (ring->data)
		vunmap(ring->data);
	for (i = 0; ring->pages && i < ring->nr_pages; i++)
		__free_page(ring->pages[i]);
	kvfree(ring->pages);
	ring->pages = NULL;
	ring->data = NULL;
	ring->size = 0;
}

void ppm_ring_free(struct ppm_ring *ring)
{
	free_data(ring);
	if (ring->info_page)
		__free_page(ring->info_page);
	memset(ring, 0, sizeof(*ring));
}

/*
 * size bytes of pages, mapped twice back to back in the kernel too, so the
 * probe writes an event that wraps with one plain copy.
 */
static int alloc_data(struct ppm_ring *ring, int cpu, unsigned long size)
{
	unsigned long nr_pages = size >> PAGE_SHIFT, i;
	struct page **map;

	ring->pages = kvcalloc(nr_pages, sizeof(*ring->pages), GFP_KERNEL);
	map = kvcalloc(2 * nr_pages, sizeof(*map), GFP_KERNEL);
	if (!ring->pages || !map)
		goto fail;
	for (i = 0; i < nr_pages; i++) {
		ring->pages[i] = alloc_pages_node(cpu_to_node(cpu),
						  GFP_KERNEL | __GFP_ZERO | __GFP_NOWARN, 0);
		if (!ring->pages[i])
			goto fail;
		ring->nr_pages = i + 1;
		map[i] = map[i + nr_pages] = ring->pages[i];
	}
	/* VM_USERMAP: remap_vmalloc_range() maps only areas marked for it. */
	ring->data = vmap(map, 2 * nr_pages, VM_MAP | VM_USERMAP, PAGE_KERNEL);
	if (!ring->data)
		goto fail;
	kvfree(map);
	/* The probe may look at size at any time: publish it last. */
	smp_store_release(&ring->size, size);
	return 0;
fail:
	kvfree(map);
	free_data(ring);
	return -ENOMEM;
}

static int mmap_info(struct ppm_ring *ring, struct vm_area_struct *vma)
{
	if (vma->vm_end - vma->vm_start != PAGE_SIZE)
		return -EINVAL;
	return vm_insert_page(vma, vma->vm_start, ring->info_page);
}

static int mmap_data(struct ppm_ring *ring, int cpu, struct vm_area_struct *vma)
{
	unsigned long size = (vma->vm_end - vma->vm_start) / 2;
	int err;

	/* LAB 07.2 BEGIN: refuse a writable mapping (EPERM), and take away VM_MAYWRITE so that mprotect() cannot make it writable later */
	/* The events are the module's: a reader may look, never write. */
	if (vma->vm_flags & VM_WRITE)
		return -EPERM;
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
	vm_flags_clear(vma, VM_MAYWRITE);
#else
	vma->vm_flags &= ~VM_MAYWRITE;
#endif
	/* LAB 07.2 END */
	if (size < PPM_RING_MIN_SIZE || size > PPM_RING_MAX_SIZE || !is_power_of_2(size))
		return -EINVAL;
	if (!ring->size) {
		err = alloc_data(ring, cpu, size);
		if (err)
			return err;
	} else if (ring->size != size) {
		return -EINVAL;	/* mapped before with another size */
	}
	return remap_vmalloc_range(vma, ring->data, 0);
}

/* Called with the device's lock held (ppm_device.c). */
int ppm_ring_mmap(struct ppm_ring *ring, int cpu, struct vm_area_struct *vma)
{
	/* LAB 07.2 BEGIN: refuse a mapping that is not MAP_SHARED (EINVAL) */
	/* A private copy of the info page would never see head move. */
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	/* LAB 07.2 END */
	switch (vma->vm_pgoff) {
	case PPM_RING_INFO_PGOFF:
		return mmap_info(ring, vma);
	case PPM_RING_DATA_PGOFF:
		return mmap_data(ring, cpu, vma);
	default:
		return -EINVAL;
	}
}

u8 *ppm_ring_reserve(struct ppm_ring *ring, u32 *room)
{
	/* LAB 07.1 BEGIN: return where the next event goes (head) and the room it has; NULL if the ring is not mapped yet, or if the reader's tail is outside the ring (count that in n_drops_bug) */
	u32 size = smp_load_acquire(&ring->size);
	u32 tail, used;

	if (!size)
		return NULL;
	/* Acquire: the reader is done with the bytes before tail. */
	tail = smp_load_acquire(&ring->info->tail);
	if (tail >= size) {
		ring->info->n_drops_bug++;
		return NULL;
	}
	used = (ring->head - tail) & (size - 1);
	/* One byte stays free: head == tail must mean empty, not full. */
	*room = min_t(u32, size - used - 1, PPM_MAX_EVENT_SIZE);
	return ring->data + ring->head;
	/* LAB 07.1 STARTER: return NULL; */
	/* LAB 07.1 END */
}

void ppm_ring_publish(struct ppm_ring *ring, u32 len)
{
	/* LAB 07.1 BEGIN: move head past the event, show the new head to the reader after the event's bytes, count the event */
	ring->head = (ring->head + len) & (ring->size - 1);
	/* Release: the event's bytes are in memory before the reader sees head. */
	smp_store_release(&ring->info->head, ring->head);
	ring->info->n_evts++;
	/* LAB 07.1 END */
}
