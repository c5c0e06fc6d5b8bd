// SPDX-License-Identifier: GPL-2.0-only
/*
 * Storing an event's parameters: val_to_ring() and its helpers.
 *
 * Every param is appended at arg_data_offset and its length written into
 * the event's length array (slot curarg). The schema table says what the
 * param is, so the filler never names a type: the same table the decoder
 * reads decides how many bytes a PT_UINT32 takes here.
 *
 * User memory is read with page faults disabled: the probe runs with
 * preemption disabled and may not sleep, so memory that is not resident
 * is left out (an empty param) rather than faulted in. That is also what
 * bpf_probe_read_user() does, which keeps this driver's output equal to
 * the BPF drivers' for the same syscall.
 */
#include <linux/minmax.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/version.h>
#include "ppm_events.h"

int ppm_param_commit(struct event_filler_arguments *args, u32 len)
{
	u16 *lens = (u16 *)(args->buffer + PPM_EVT_HDR_SIZE);

	/* A filler that stores more params than the schema has is a bug. */
	if (WARN_ON_ONCE(args->curarg >= args->nparams))
		return -EINVAL;
	if (len > ppm_param_room(args) || len > U16_MAX)
		return -ENOSPC;
	lens[args->curarg++] = len;
	args->arg_data_offset += len;
	return 0;
}

int push_empty_param(struct event_filler_arguments *args)
{
	return ppm_param_commit(args, 0);
}

int ppm_push_dyn(struct event_filler_arguments *args, u8 idx, u64 val, u32 size)
{
	u8 *dst = ppm_param_dst(args);

	if (1 + size > ppm_param_room(args))
		return -ENOSPC;
	dst[0] = idx;
	memcpy(dst + 1, &val, size);	/* little-endian: val's low bytes */
	return ppm_param_commit(args, 1 + size);
}

void ppm_count_fault_read(struct event_filler_arguments *args)
{
	args->info->n_fault_reads++;
}

/*
 * Which length the BPF drivers store for "" read from user memory: their
 * bpf_probe_read_user_str() runs the kernel's strncpy_from_user_nofault(),
 * which counted the NUL only of a non-empty string, returning 0 for ""
 * (falcosecurity/libs#866), until a 2025 fix. Measured: 0 on Debian's 6.1,
 * 1 on 6.18; 6.16 is the first release we believe has the fix.
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 16, 0)
#define EMPTY_USER_STR_LEN 0
#else
#define EMPTY_USER_STR_LEN 1
#endif

long ppm_read_user_str(struct event_filler_arguments *args, u32 offset, unsigned long src,
		       u32 size)
{
	char *dst = ppm_param_dst(args) + offset;
	u32 limit = min(size, ppm_param_room(args) - offset);
	long n;

	if (!limit)
		return -ENOSPC;
	pagefault_disable();
	n = strncpy_from_user(dst, (const char __user *)src, limit);
	pagefault_enable();
	if (n < 0) {
		ppm_count_fault_read(args);
		return -EFAULT;
	}
	if (n < limit) {
		dst[n] = '\0';
		return n ? n + 1 : EMPTY_USER_STR_LEN;
	}
	/* No NUL within limit: cut the string if size was the limit, else no room. */
	if (limit < size)
		return -ENOSPC;
	dst[limit - 1] = '\0';
	return limit;
}

/* As bpf_probe_read_kernel_str() stores it: the string and its NUL, cut to max. */
static long read_kernel_str(struct event_filler_arguments *args, const char *src, u32 max)
{
	u32 limit = min(max, ppm_param_room(args));
	long n;

	if (!limit)
		return -ENOSPC;
	n = strscpy(ppm_param_dst(args), src, limit);
	if (n >= 0)
		return n + 1;
	/* Cut: strscpy wrote limit - 1 bytes and a NUL. */
	return limit < max ? -ENOSPC : limit;
}

static int store_bytes(struct event_filler_arguments *args, const void *src, u32 len,
		       bool fromuser)
{
	void *dst = ppm_param_dst(args);

	if (len > ppm_param_room(args))
		return -ENOSPC;
	if (fromuser) {
		if (copy_from_user_nofault(dst, (const void __user *)src, len)) {
			ppm_count_fault_read(args);
			return 0;
		}
	} else {
		memcpy(dst, src, len);
	}
	return len;
}

int val_to_ring(struct event_filler_arguments *args, u64 val, u32 val_len, bool fromuser)
{
	const struct ppm_param_info *param;
	u32 size;
	long n;

	if (WARN_ON_ONCE(args->curarg >= args->nparams))
		return -EINVAL;
	param = &g_event_info[args->event_type].params[args->curarg];
	size = ppm_param_type_size(param->type);
	if (size) {
		if (size > ppm_param_room(args))
			return -ENOSPC;
		/* Little-endian: the low bytes of val are the value in any size. */
		memcpy(ppm_param_dst(args), &val, size);
		return ppm_param_commit(args, size);
	}
	if (!val)
		return push_empty_param(args);
	switch (param->type) {
	case PT_CHARBUF:
	case PT_FSPATH:
	case PT_FSRELPATH:
		if (!val_len)
			val_len = MAX_PATH;
		if (fromuser)
			n = ppm_read_user_str(args, 0, val, val_len);
		else
			n = read_kernel_str(args, (const char *)(unsigned long)val, val_len);
		if (n == -EFAULT)
			n = 0;	/* unreadable: an empty param, counted */
		break;
	case PT_BYTEBUF:
	case PT_SOCKADDR:
	case PT_SOCKTUPLE:
	case PT_FDLIST:
		n = store_bytes(args, (const void *)(unsigned long)val, val_len, fromuser);
		break;
	default:
		WARN_ONCE(1, "scaplab: param %u of event %u has type %u, which has no store\n",
			  args->curarg + 1, args->event_type, param->type);
		return -EINVAL;
	}
	if (n < 0)
		return n;
	return ppm_param_commit(args, n);
}
