/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The "flags", "mode" and "resolve" params of the open family (open,
 * openat, openat2, creat), converted to Falco's PPM_* values by the
 * converters every driver shares (driver/ppm_flag_helpers.h). The kernel
 * module's twins are in driver/fillers/file.c, the modern driver's in
 * modern_bpf/programs/tail_called/events/syscall_dispatched_events/
 * openat2.bpf.c.
 */
#ifndef SCAPLAB_BPF_HELPERS_OPEN_FLAGS_H
#define SCAPLAB_BPF_HELPERS_OPEN_FLAGS_H

/* Parameters "flags" (PT_FLAGS32) then "mode" (PT_UINT32), from the raw flags and mode. */
static __always_inline void bpf_push_open_flags_mode(struct filler_data *data, __u32 flags,
						     __u32 mode)
{
	bpf_push_u32_to_ring(data, open_flags_to_scap(flags));
	bpf_push_u32_to_ring(data, open_modes_to_scap(flags, mode));
}

/*
 * openat2's struct open_how (linux/openat2.h), as the caller lays it out
 * in user memory. It is uapi, so its layout is the same in every kernel:
 * no CO-RE relocation is needed to read it, and defining it here spares
 * the headers build linux/openat2.h, which kernels before 5.6 lack. (The
 * modern probe takes struct open_how from vmlinux.h.)
 */
struct scap_open_how {
	__u64 flags;
	__u64 mode;
	__u64 resolve;
};

/*
 * Copy the caller's open_how (argument 2, of size argument 3) into *how.
 * Returns false if the call has none we can show: a size below the
 * struct's first version (24 bytes) is EINVAL, and the bytes past it are
 * not part of the call; or the memory is unreadable (counted in
 * n_fault_reads). A newer, longer struct starts with the same 24 bytes.
 */
static __always_inline bool bpf_read_open_how(struct filler_data *data,
					      struct scap_open_how *how)
{
	unsigned long ptr = bpf_syscall_get_argument(data, 2);
	unsigned long size = bpf_syscall_get_argument(data, 3);

	if (size < sizeof(*how))
		return false;
	if (bpf_probe_read_user(how, sizeof(*how), (const void *)ptr)) {
		count_fault_read();
		return false;
	}
	return true;
}

/*
 * openat2's last three params: flags, mode, resolve, or three empty
 * params with no readable open_how. The flags and mode are u64 in
 * open_how; the converters take their low 32 bits, where every flag is.
 */
static __always_inline void bpf_push_open_how(struct filler_data *data)
{
	struct scap_open_how how;

	if (!bpf_read_open_how(data, &how)) {
		bpf_push_empty_param(data);
		bpf_push_empty_param(data);
		bpf_push_empty_param(data);
		return;
	}
	bpf_push_open_flags_mode(data, how.flags, how.mode);
	bpf_push_u32_to_ring(data, openat2_resolve_to_scap(how.resolve));
}

#endif /* SCAPLAB_BPF_HELPERS_OPEN_FLAGS_H */
