/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Every map of the legacy probe. The names are Falco's (driver/bpf/maps.h
 * of its legacy probe), so its code reads the same.
 *
 * Which side writes what:
 *   userspace, before load: max_entries of the per-CPU maps (one per CPU)
 *   userspace, after load:  tail_map, syscall_table,
 *                           syscall_code_routing_table, settings_map, and the
 *                           perf buffers' fds into perf_map
 *   BPF programs:           frame_scratch_map, counters_map, perf_map's buffers
 *
 * The maps are defined in BTF style (SEC(".maps")): libbpf 1.0 dropped the
 * older struct bpf_map_def of Falco's probe. The BTF describing them is the
 * probe object's own, not the kernel's, so this needs no kernel BTF.
 */
#ifndef SCAPLAB_BPF_MAPS_H
#define SCAPLAB_BPF_MAPS_H

/*
 * One perf buffer per CPU: bpf_perf_event_output(..., BPF_F_CURRENT_CPU)
 * writes to the buffer of the CPU the program runs on. Each entry is the
 * fd of a perf event the reader opened on that CPU (engine/bpf/perf_buffer.c).
 */
struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} perf_map SEC(".maps");

/*
 * Event code -> its filler program, filled by the loader from
 * driver/fillers_list.h (the kernel module's fillers table): slot
 * PPME_SYSCALL_OPEN_X holds the program f_sys_open_x. The dispatchers
 * tail-call into it. An empty slot makes bpf_tail_call() return, and the
 * event is not sent. Past the event codes, the programs that go on with
 * an event (enum scap_bpf_tail_slot).
 */
struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, SCAP_BPF_TAIL_MAP_SIZE);
	__type(key, __u32);
	__type(value, __u32);
} tail_map SEC(".maps");

/*
 * The syscall table (driver/syscall_table.c), copied in by the loader, with
 * UF_UNINTERESTING set on the syscalls the reader did not ask for: one
 * lookup tells the dispatcher the event pair and whether to send it.
 */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, SYSCALL_TABLE_SIZE);
	__type(key, __u32);
	__type(value, struct syscall_evt_pair);
} syscall_table SEC(".maps");

/*
 * x86_64 number -> Falco's code for the syscall (driver/ppm_sc.h), the ID
 * of the generic events; copied in by the loader from
 * g_syscall_code_routing_table. Only the generic fillers look it up.
 */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, SYSCALL_TABLE_SIZE);
	__type(key, __u32);
	__type(value, __u16);
} syscall_code_routing_table SEC(".maps");

/*
 * Event code -> where each of its params comes from, for the autofilled
 * events (bpf/fillers/autofill.h): driver/autofill_table.h, copied in by
 * the loader. A map and not a global: Linux 4.14 has no global data.
 */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, PPM_EVENT_MAX);
	__type(key, __u32);
	__type(value, struct ppm_autofill);
} autofill_table SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct scap_bpf_settings);
} settings_map SEC(".maps");

/*
 * One frame per CPU, indexed by CPU id. An ARRAY and not a PERCPU_ARRAY:
 * a per-CPU value is capped at 32 KiB, the frame is 128 KiB.
 */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, struct scap_bpf_frame);
} frame_scratch_map SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, struct counter_map);
} counters_map SEC(".maps");

#endif /* SCAPLAB_BPF_MAPS_H */
