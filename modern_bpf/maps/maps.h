/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Every map and global variable of the modern BPF probe.
 *
 * The probe is built from many .bpf.c files that bpftool links into one
 * object. A map defined in a header would then be defined once per file, so
 * each definition is __weak: the linker keeps one copy and every program
 * shares it.
 *
 * Which side writes what:
 *   userspace, before load: max_entries of the per-CPU arrays, the ring size
 *   userspace, after load:  the tail tables, ringbuf_maps, the settings below
 *   BPF programs:           auxiliary_maps, counter_maps, the ring buffers
 */
#ifndef SCAPLAB_MAPS_H
#define SCAPLAB_MAPS_H

#include "../helpers/base/common.h"

/* ---- settings, written by the loader through the skeleton's .bss ---- */

/* Added to bpf_ktime_get_boot_ns() to give epoch timestamps. */
__weak __u64 g_boot_time_ns;
/* Bytes of read/write/... data to keep; see SCAPLAB_DEFAULT_SNAPLEN. */
__weak __u32 g_snaplen;
/* The reader's own process: its syscalls would feed back into the capture. */
__weak __u32 g_ignored_tgid;
/* 1 for each syscall number the reader asked for (scap-open's filters). */
__weak bool g_interesting_syscalls[SYSCALL_TABLE_SIZE];
/*
 * x86_64 number -> Falco's code for the syscall (driver/ppm_sc.h), the ID
 * of the generic events: g_syscall_code_routing_table, copied in.
 */
__weak __u16 g_ppm_sc_of_syscall[SYSCALL_TABLE_SIZE];
/*
 * Written while the capture runs: 1 while the reader sleeps on an idle
 * machine, waiting to be woken by the next event (ringbuf__wakeup_flag).
 */
__weak __u32 g_reader_waiting;

/*
 * The verifier does not carry a bound checked in another function over to
 * this index: the mask gives it one (SYSCALL_TABLE_SIZE is a power of 2).
 */
static __always_inline __u16 maps__get_ppm_sc(__u32 syscall_id)
{
	return g_ppm_sc_of_syscall[syscall_id & (SYSCALL_TABLE_SIZE - 1)];
}

/* ---- tail tables: syscall number -> filler program ---- */

/*
 * Filled by the loader from driver/syscall_table.c: slot N holds the program
 * named "<syscall N>_e" (enter) or "<syscall N>_x" (exit). An empty slot makes
 * bpf_tail_call() fail, and the dispatcher then sends the generic event.
 */
struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, SYSCALL_TABLE_SIZE);
	__type(key, __u32);
	__type(value, __u32);
} syscall_enter_tail_table __weak SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, SYSCALL_TABLE_SIZE);
	__type(key, __u32);
	__type(value, __u32);
} syscall_exit_tail_table __weak SEC(".maps");

/* ---- ring buffers: one BPF ring buffer per CPU ---- */

/*
 * One ring per CPU, rather than one shared ring, keeps CPUs from contending
 * on a single producer lock and keeps each ring in timestamp order, which is
 * what lets the reader merge them (userspace/libscap/scap_merge.c).
 * The inner rings are created by the loader, one per possible CPU.
 */
struct ringbuf_map {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__type(key, __u32);
	__type(value, __u32);
	__array(values, struct ringbuf_map);
} ringbuf_maps __weak SEC(".maps");

/* ---- per-CPU state: indexed by CPU id, max_entries set by the loader ---- */

/*
 * An ARRAY indexed by CPU rather than a PERCPU_ARRAY: per-CPU map values are
 * capped at 32 KiB by the kernel, and the scratch area is 128 KiB.
 */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, struct auxiliary_map);
} auxiliary_maps __weak SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, struct counter_map);
} counter_maps __weak SEC(".maps");

#endif /* SCAPLAB_MAPS_H */
