// SPDX-License-Identifier: GPL-2.0-only
/*
 * quotactl: disk quotas. The enter holds the command and who it is for;
 * the exit, the struct the command passes (driver/ppm_quotactl.h says
 * which, and when). The modern driver's twin:
 * modern_bpf/programs/tail_called/events/syscall_dispatched_events/quotactl.bpf.c.
 */
#include <linux/quota.h>
#include <linux/uaccess.h>
#include <linux/dqblk_xfs.h>
#include "../ppm_fillers.h"
#include "../ppm_quotactl.h"

/* The numbers and layouts ppm_quotactl.h spells out for the BPF drivers are the kernel's. */
#define SCAP_KERNEL_CHECK(name) \
	_Static_assert(SCAP_KERNEL_##name == (name), \
		       #name " differs from the value in ppm_quotactl.h")
SCAP_KERNEL_CHECK(SUBCMDSHIFT);
SCAP_KERNEL_CHECK(SUBCMDMASK);
SCAP_KERNEL_CHECK(Q_SYNC);
SCAP_KERNEL_CHECK(Q_QUOTAON);
SCAP_KERNEL_CHECK(Q_SETQUOTA);
SCAP_KERNEL_CHECK(Q_XQUOTAON);
SCAP_KERNEL_CHECK(Q_XQUOTASYNC);
SCAP_KERNEL_CHECK(USRQUOTA);
SCAP_KERNEL_CHECK(GRPQUOTA);
SCAP_KERNEL_CHECK(QFMT_VFS_OLD);
SCAP_KERNEL_CHECK(QFMT_VFS_V0);
SCAP_KERNEL_CHECK(QFMT_VFS_V1);
SCAP_KERNEL_CHECK(QIF_BLIMITS);
SCAP_KERNEL_CHECK(QIF_SPACE);
SCAP_KERNEL_CHECK(QIF_ILIMITS);
SCAP_KERNEL_CHECK(QIF_BTIME);
SCAP_KERNEL_CHECK(QIF_ITIME);
SCAP_KERNEL_CHECK(IIF_BGRACE);
SCAP_KERNEL_CHECK(IIF_IGRACE);
SCAP_KERNEL_CHECK(IIF_FLAGS);
SCAP_KERNEL_CHECK(DQF_ROOT_SQUASH);
#undef SCAP_KERNEL_CHECK
_Static_assert(sizeof(struct scap_if_dqblk) == sizeof(struct if_dqblk) &&
	       offsetof(struct scap_if_dqblk, dqb_valid) == offsetof(struct if_dqblk, dqb_valid) &&
	       sizeof(struct scap_if_dqinfo) == sizeof(struct if_dqinfo) &&
	       offsetof(struct scap_if_dqinfo, dqi_valid) == offsetof(struct if_dqinfo, dqi_valid),
	       "struct if_dqblk or if_dqinfo differs from ppm_quotactl.h's");

FILLER(sys_quotactl_e)
{
	u16 cmd = quotactl_cmd_to_scap(args->args[0]);
	int res;

	/* Parameter 1: cmd (type: PT_FLAGS16) */
	res = val_to_ring(args, cmd, 0, false);
	/* Parameter 2: type (type: PT_FLAGS8) */
	if (!res)
		res = val_to_ring(args, quotactl_type_to_scap(args->args[0]), 0, false);
	/* Parameter 3: id (type: PT_UINT32) */
	if (!res)
		res = val_to_ring(args, quotactl_id(cmd, args->args[2]), 0, false);
	/* Parameter 4: quota_fmt (type: PT_FLAGS8) */
	return res ? res : val_to_ring(args, quotactl_fmt(cmd, args->args[2]), 0, false);
}

/*
 * Parameters 4 to 14: the fields of the struct at argument 3. One that
 * cannot be read makes them all empty params (counted); Falco's filler
 * fails there and the event is lost.
 */
static int store_quotactl_fields(struct event_filler_arguments *args, u16 cmd)
{
	union quotactl_raw raw = {};
	struct quotactl_fields f;
	u32 size = quotactl_struct_size(cmd, args->retval);
	int res = 0, n;

	if (size && copy_from_user_nofault(&raw, (const void __user *)args->args[3], size)) {
		ppm_count_fault_read(args);
		for (n = 4; n <= 14 && !res; n++)
			res = push_empty_param(args);
		return res;
	}
	quotactl_fields(cmd, &raw, &f);
	/* dqb_bhardlimit ... dqb_itime, dqi_bgrace, dqi_igrace (PT_UINT64, PT_RELTIME) */
	for (n = 0; n < QUOTACTL_U64_FIELDS && !res; n++)
		res = val_to_ring(args, f.u64[n], 0, false);
	/* dqi_flags, quota_fmt_out (PT_FLAGS8) */
	if (!res)
		res = val_to_ring(args, f.dqi_flags, 0, false);
	return res ? res : val_to_ring(args, f.quota_fmt_out, 0, false);
}

FILLER(sys_quotactl_x)
{
	u16 cmd = quotactl_cmd_to_scap(args->args[0]);
	int res;

	/* Parameter 1: res (type: PT_ERRNO) */
	res = val_to_ring(args, args->retval, 0, false);
	/* Parameter 2: special (type: PT_CHARBUF), the block device's path */
	if (!res)
		res = val_to_ring(args, args->args[1], 0, true);
	/* Parameter 3: quotafilepath (type: PT_CHARBUF), for Q_QUOTAON; else "" */
	if (!res)
		res = cmd == PPM_Q_QUOTAON ? val_to_ring(args, args->args[3], 0, true) :
					     val_to_ring(args, (unsigned long)"", 0, false);
	return res ? res : store_quotactl_fields(args, cmd);
}
