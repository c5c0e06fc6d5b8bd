/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * quotactl(2): Falco's numbers for the command, the quota type and the
 * quota format (flags tables in driver/flags_table_quotactl.c), and the
 * two structs whose fields the exit event holds.
 *
 *   enter  cmd, type     from argument 0, QCMD(cmd, type)
 *          id            argument 2, for the commands that name a user or
 *                        group (Q_GETQUOTA, Q_SETQUOTA, Q_XGETQUOTA,
 *                        Q_XSETQLIM); else 0
 *          quota_fmt     argument 2 again, for Q_QUOTAON; else QFMT_NOT_USED
 *   exit   res, special (the block device, argument 1), quotafilepath
 *          (argument 3, for Q_QUOTAON; else ""), the 7 dqb_* of a struct
 *          if_dqblk (Q_GETQUOTA, Q_SETQUOTA), the 3 dqi_* of a struct
 *          if_dqinfo (Q_GETINFO, Q_SETINFO), quota_fmt_out (Q_GETFMT)
 *
 * A field whose dqb_valid / dqi_valid bit is clear is 0. Times are in
 * seconds, as the kernel has them, although the schema says PT_RELTIME
 * (Falco's). Two deliberate differences from Falco 2022, which reads the
 * struct whether or not the call succeeded:
 *  - a struct the kernel writes (Q_GETQUOTA, Q_GETINFO, Q_GETFMT) is read
 *    only if the call succeeded: else the fields are 0, not what was in
 *    the caller's buffer before;
 *  - dqi_flags is Falco's flag (quotactl_dqi_flags): V1_DQF_RSQUASH for
 *    the kernel's DQF_ROOT_SQUASH, DQF_NONE for none. Falco stores the
 *    kernel's low byte, so its table names DQF_ROOT_SQUASH "DQF_NONE".
 * A struct that cannot be read gives empty params (counted); Falco loses
 * the event.
 */
#ifndef SCAPLAB_PPM_QUOTACTL_H
#define SCAPLAB_PPM_QUOTACTL_H

#include "ppm_flag_helpers.h"

/* "cmd" (PT_FLAGS16): one bit per command. */
#define PPM_Q_QUOTAON		(1 << 0)
#define PPM_Q_QUOTAOFF		(1 << 1)
#define PPM_Q_GETFMT		(1 << 2)
#define PPM_Q_GETINFO		(1 << 3)
#define PPM_Q_SETINFO		(1 << 4)
#define PPM_Q_GETQUOTA		(1 << 5)
#define PPM_Q_SETQUOTA		(1 << 6)
#define PPM_Q_SYNC		(1 << 7)
#define PPM_Q_XQUOTAON		(1 << 8)
#define PPM_Q_XQUOTAOFF		(1 << 9)
#define PPM_Q_XGETQUOTA		(1 << 10)
#define PPM_Q_XSETQLIM		(1 << 11)
#define PPM_Q_XGETQSTAT		(1 << 12)
#define PPM_Q_XQUOTARM		(1 << 13)
#define PPM_Q_XQUOTASYNC	(1 << 14)

/* "type" (PT_FLAGS8). */
#define PPM_USRQUOTA		(1 << 0)
#define PPM_GRPQUOTA		(1 << 1)

/* "dqi_flags" (PT_FLAGS8). */
#define PPM_DQF_NONE		(1 << 0)
#define PPM_V1_DQF_RSQUASH	(1 << 1)

/* "quota_fmt", "quota_fmt_out" (PT_FLAGS8). */
#define PPM_QFMT_NOT_USED	(1 << 0)
#define PPM_QFMT_VFS_OLD	(1 << 1)
#define PPM_QFMT_VFS_V0		(1 << 2)
#define PPM_QFMT_VFS_V1		(1 << 3)

/* The kernel's numbers (checked in driver/fillers/quotactl.c). */
#define SCAP_KERNEL_SUBCMDSHIFT		8
#define SCAP_KERNEL_SUBCMDMASK		0xff
#define SCAP_KERNEL_Q_SYNC		0x800001
#define SCAP_KERNEL_Q_QUOTAON		0x800002
#define SCAP_KERNEL_Q_QUOTAOFF		0x800003
#define SCAP_KERNEL_Q_GETFMT		0x800004
#define SCAP_KERNEL_Q_GETINFO		0x800005
#define SCAP_KERNEL_Q_SETINFO		0x800006
#define SCAP_KERNEL_Q_GETQUOTA		0x800007
#define SCAP_KERNEL_Q_SETQUOTA		0x800008
#define SCAP_KERNEL_Q_XQUOTAON		0x5801	/* XQM_CMD(1): ('X' << 8) + 1 */
#define SCAP_KERNEL_Q_XQUOTAOFF		0x5802
#define SCAP_KERNEL_Q_XGETQUOTA		0x5803
#define SCAP_KERNEL_Q_XSETQLIM		0x5804
#define SCAP_KERNEL_Q_XGETQSTAT		0x5805
#define SCAP_KERNEL_Q_XQUOTARM		0x5806
#define SCAP_KERNEL_Q_XQUOTASYNC	0x5807
#define SCAP_KERNEL_USRQUOTA		0
#define SCAP_KERNEL_GRPQUOTA		1
#define SCAP_KERNEL_QFMT_VFS_OLD	1
#define SCAP_KERNEL_QFMT_VFS_V0		2
#define SCAP_KERNEL_QFMT_VFS_V1		4
#define SCAP_KERNEL_QIF_BLIMITS		1
#define SCAP_KERNEL_QIF_SPACE		2
#define SCAP_KERNEL_QIF_ILIMITS		4
#define SCAP_KERNEL_QIF_BTIME		16
#define SCAP_KERNEL_QIF_ITIME		32
#define SCAP_KERNEL_IIF_BGRACE		1
#define SCAP_KERNEL_IIF_IGRACE		2
#define SCAP_KERNEL_IIF_FLAGS		4
#define SCAP_KERNEL_DQF_ROOT_SQUASH	1

/* <linux/quota.h>'s struct if_dqblk and if_dqinfo, the same bytes. */
struct scap_if_dqblk {
	__u64 dqb_bhardlimit;
	__u64 dqb_bsoftlimit;
	__u64 dqb_curspace;
	__u64 dqb_ihardlimit;
	__u64 dqb_isoftlimit;
	__u64 dqb_curinodes;
	__u64 dqb_btime;
	__u64 dqb_itime;
	__u32 dqb_valid;
};

struct scap_if_dqinfo {
	__u64 dqi_bgrace;
	__u64 dqi_igrace;
	__u32 dqi_flags;
	__u32 dqi_valid;
};

/* A command Falco 2022 does not name (Q_GETNEXTQUOTA, ...) is 0. */
static __always_inline __u16 quotactl_cmd_to_scap(__u64 qcmd)
{
	switch ((__u32)qcmd >> SCAP_KERNEL_SUBCMDSHIFT) {
	case SCAP_KERNEL_Q_QUOTAON: return PPM_Q_QUOTAON;
	case SCAP_KERNEL_Q_QUOTAOFF: return PPM_Q_QUOTAOFF;
	case SCAP_KERNEL_Q_GETFMT: return PPM_Q_GETFMT;
	case SCAP_KERNEL_Q_GETINFO: return PPM_Q_GETINFO;
	case SCAP_KERNEL_Q_SETINFO: return PPM_Q_SETINFO;
	case SCAP_KERNEL_Q_GETQUOTA: return PPM_Q_GETQUOTA;
	case SCAP_KERNEL_Q_SETQUOTA: return PPM_Q_SETQUOTA;
	case SCAP_KERNEL_Q_SYNC: return PPM_Q_SYNC;
	case SCAP_KERNEL_Q_XQUOTAON: return PPM_Q_XQUOTAON;
	case SCAP_KERNEL_Q_XQUOTAOFF: return PPM_Q_XQUOTAOFF;
	case SCAP_KERNEL_Q_XGETQUOTA: return PPM_Q_XGETQUOTA;
	case SCAP_KERNEL_Q_XSETQLIM: return PPM_Q_XSETQLIM;
	case SCAP_KERNEL_Q_XGETQSTAT: return PPM_Q_XGETQSTAT;
	case SCAP_KERNEL_Q_XQUOTARM: return PPM_Q_XQUOTARM;
	case SCAP_KERNEL_Q_XQUOTASYNC: return PPM_Q_XQUOTASYNC;
	}
	return 0;
}

/* PRJQUOTA (2), which Falco 2022 does not name, is 0. */
static __always_inline __u8 quotactl_type_to_scap(__u64 qcmd)
{
	switch (qcmd & SCAP_KERNEL_SUBCMDMASK) {
	case SCAP_KERNEL_USRQUOTA: return PPM_USRQUOTA;
	case SCAP_KERNEL_GRPQUOTA: return PPM_GRPQUOTA;
	}
	return 0;
}

static __always_inline __u8 quotactl_fmt_to_scap(__u64 fmt)
{
	switch ((__u32)fmt) {
	case SCAP_KERNEL_QFMT_VFS_OLD: return PPM_QFMT_VFS_OLD;
	case SCAP_KERNEL_QFMT_VFS_V0: return PPM_QFMT_VFS_V0;
	case SCAP_KERNEL_QFMT_VFS_V1: return PPM_QFMT_VFS_V1;
	}
	return PPM_QFMT_NOT_USED;
}

/* The enter's "id": argument 2 names a user or group for these commands only. */
static __always_inline __u32 quotactl_id(__u16 cmd, __u64 id)
{
	if (cmd & (PPM_Q_GETQUOTA | PPM_Q_SETQUOTA | PPM_Q_XGETQUOTA | PPM_Q_XSETQLIM))
		return (__u32)id;
	return 0;
}

/* The enter's "quota_fmt": argument 2 is the format for Q_QUOTAON. */
static __always_inline __u8 quotactl_fmt(__u16 cmd, __u64 id)
{
	return cmd == PPM_Q_QUOTAON ? quotactl_fmt_to_scap(id) : PPM_QFMT_NOT_USED;
}

/*
 * Which struct the exit reads at argument 3, and whether only after a
 * success (the kernel wrote it): 0 none, else its size.
 */
static __always_inline __u32 quotactl_struct_size(__u16 cmd, __s64 ret)
{
	if (cmd == PPM_Q_SETQUOTA || (cmd == PPM_Q_GETQUOTA && ret == 0))
		return sizeof(struct scap_if_dqblk);
	if (cmd == PPM_Q_SETINFO || (cmd == PPM_Q_GETINFO && ret == 0))
		return sizeof(struct scap_if_dqinfo);
	if (cmd == PPM_Q_GETFMT && ret == 0)
		return sizeof(__u32);
	return 0;
}

/* What the exit read at argument 3; all zero where it read nothing. */
union quotactl_raw {
	struct scap_if_dqblk dqblk;
	struct scap_if_dqinfo dqinfo;
	__u32 fmt;
};

/* The exit's params 4 to 14, in order: 9 of 8 bytes, then two flags. */
#define QUOTACTL_U64_FIELDS 9
struct quotactl_fields {
	__u64 u64[QUOTACTL_U64_FIELDS];	/* dqb_bhardlimit ... dqb_itime, dqi_bgrace, dqi_igrace */
	__u8 dqi_flags;
	__u8 quota_fmt_out;
};

/* A field of the struct, or 0 if its valid bit is clear. */
static __always_inline __u64 quotactl_valid(__u32 valid, __u32 bit, __u64 val)
{
	return (valid & bit) ? val : 0;
}

static __always_inline void quotactl_fields(__u16 cmd, const union quotactl_raw *raw,
					    struct quotactl_fields *f)
{
	const struct scap_if_dqblk *b = &raw->dqblk;
	const struct scap_if_dqinfo *i = &raw->dqinfo;
	__u32 bv = (cmd & (PPM_Q_GETQUOTA | PPM_Q_SETQUOTA)) ? b->dqb_valid : 0;
	__u32 iv = (cmd & (PPM_Q_GETINFO | PPM_Q_SETINFO)) ? i->dqi_valid : 0;

	f->u64[0] = quotactl_valid(bv, SCAP_KERNEL_QIF_BLIMITS, b->dqb_bhardlimit);
	f->u64[1] = quotactl_valid(bv, SCAP_KERNEL_QIF_BLIMITS, b->dqb_bsoftlimit);
	f->u64[2] = quotactl_valid(bv, SCAP_KERNEL_QIF_SPACE, b->dqb_curspace);
	f->u64[3] = quotactl_valid(bv, SCAP_KERNEL_QIF_ILIMITS, b->dqb_ihardlimit);
	f->u64[4] = quotactl_valid(bv, SCAP_KERNEL_QIF_ILIMITS, b->dqb_isoftlimit);
	f->u64[5] = quotactl_valid(bv, SCAP_KERNEL_QIF_BTIME, b->dqb_btime);
	f->u64[6] = quotactl_valid(bv, SCAP_KERNEL_QIF_ITIME, b->dqb_itime);
	f->u64[7] = quotactl_valid(iv, SCAP_KERNEL_IIF_BGRACE, i->dqi_bgrace);
	f->u64[8] = quotactl_valid(iv, SCAP_KERNEL_IIF_IGRACE, i->dqi_igrace);
	f->dqi_flags = !(iv & SCAP_KERNEL_IIF_FLAGS) ? 0 :
		       (i->dqi_flags & SCAP_KERNEL_DQF_ROOT_SQUASH) ? PPM_V1_DQF_RSQUASH :
		       PPM_DQF_NONE;
	f->quota_fmt_out = cmd == PPM_Q_GETFMT ? quotactl_fmt_to_scap(raw->fmt) : PPM_QFMT_NOT_USED;
}

/* clang -target bpf defines __bpf__; the legacy probe's kernel-headers build, __BPF_TRACING__. */
#if defined(__bpf__) || defined(__BPF_TRACING__)
/*
 * The two BPF drivers: read the struct of quotactl_struct_size() bytes
 * at addr into raw; nothing for 0. Each size is a constant, which 4.14's
 * verifier needs. Returns bpf_probe_read_user()'s result.
 */
static __always_inline long quotactl_read_user(union quotactl_raw *raw, __u32 size,
					       unsigned long addr)
{
	if (size == sizeof(struct scap_if_dqblk))
		return bpf_probe_read_user(&raw->dqblk, sizeof(raw->dqblk), (const void *)addr);
	if (size == sizeof(struct scap_if_dqinfo))
		return bpf_probe_read_user(&raw->dqinfo, sizeof(raw->dqinfo), (const void *)addr);
	if (size)
		return bpf_probe_read_user(&raw->fmt, sizeof(raw->fmt), (const void *)addr);
	return 0;
}
#endif

#endif /* SCAPLAB_PPM_QUOTACTL_H */
