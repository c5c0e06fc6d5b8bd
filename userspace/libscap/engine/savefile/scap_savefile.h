/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The capture file format (.scap), as Falco's libs and sysdig write it.
 * The names are Falco's (userspace/libscap/scap_savefile.h in
 * falcosecurity/libs), so a reader can find each block there.
 *
 * The file is a sequence of blocks in the style of pcapng:
 *
 *   +------------+--------------------+--------------+---------+--------------------+
 *   | block_type | block_total_length | body ...     | padding | block_total_length |
 *   | u32        | u32                |              | to 4    | u32, again         |
 *   +------------+--------------------+--------------+---------+--------------------+
 *   block_total_length counts all of it: 8 + body + padding + 4.
 *
 * The first block is the section header block (SHB): its byte-order magic
 * says whether the file was written on a machine of our byte order, and
 * its version which layout the blocks have. Then come blocks that
 * describe the machine at the start of the capture (machine info,
 * interfaces, users, processes, their fds), then one block per event.
 *
 * An event block holds the CPU the event was captured on, for EVF blocks
 * a u32 of flags, then the event exactly as a driver writes it
 * (driver/ppm_events_public.h). Only the v2 event blocks carry the
 * event's nparams; v1 blocks (files of 2019 and before) have a 22-byte
 * header without it.
 */
#ifndef SCAPLAB_SCAP_SAVEFILE_H
#define SCAPLAB_SCAP_SAVEFILE_H

#include <stdint.h>

struct block_header {
	uint32_t block_type;
	uint32_t block_total_length;	/* the whole block, header and trailer included */
};

#define BLOCK_HEADER_SIZE 8
#define BLOCK_TRAILER_SIZE 4	/* block_total_length, repeated */

/* ---- the section header block ---- */
#define SHB_BLOCK_TYPE 0x0A0D0D0A	/* "\r\n\n\r": the same in both byte orders */
#define SHB_MAGIC 0x1A2B3C4D		/* reads as 0x4D3C2B1A in the other byte order */
#define SHB_MAGIC_SWAPPED 0x4D3C2B1A
#define CURRENT_MAJOR_VERSION 1		/* a new major version is unreadable by old readers */

struct section_header_block {
	uint32_t byte_order_magic;
	uint16_t major_version;
	uint16_t minor_version;
	uint64_t section_length;	/* -1: not given (sysdig writes -1) */
} __attribute__((packed));

/* ---- blocks that describe the machine; this reader skips them ---- */
#define MI_BLOCK_TYPE 0x201		/* machine info: hostname, CPUs, memory */
#define MI_BLOCK_TYPE_INT 0x8002ABCD	/* the number used before libscap's release */
#define IL_BLOCK_TYPE 0x205		/* network interfaces and their addresses */
#define IL_BLOCK_TYPE_INT 0x8011ABCD
#define IL_BLOCK_TYPE_V2 0x219
#define UL_BLOCK_TYPE 0x206		/* users and groups */
#define UL_BLOCK_TYPE_INT 0x8012ABCD
#define UL_BLOCK_TYPE_V2 0x220
#define FDL_BLOCK_TYPE 0x203		/* the open fds of each process */
#define FDL_BLOCK_TYPE_INT 0x8001ABCD
#define FDL_BLOCK_TYPE_V2 0x218

/* ---- the process list: nine versions; only v9 is read (proclist.c) ---- */
#define PL_BLOCK_TYPE_V1 0x202
#define PL_BLOCK_TYPE_V1_INT 0x8000ABCD
#define PL_BLOCK_TYPE_V2 0x207
#define PL_BLOCK_TYPE_V2_INT 0x8013ABCD
#define PL_BLOCK_TYPE_V3 0x209
#define PL_BLOCK_TYPE_V3_INT 0x8014ABCD
#define PL_BLOCK_TYPE_V4 0x210
#define PL_BLOCK_TYPE_V5 0x211
#define PL_BLOCK_TYPE_V6 0x212
#define PL_BLOCK_TYPE_V7 0x213
#define PL_BLOCK_TYPE_V8 0x214
#define PL_BLOCK_TYPE_V9 0x215

/* ---- events ---- */
#define EV_BLOCK_TYPE 0x204		/* v1: 22-byte event header, no nparams: not read */
#define EV_BLOCK_TYPE_INT 0x8010ABCD
#define EV_BLOCK_TYPE_V2 0x216		/* u16 cpu, event */
#define EV_BLOCK_TYPE_V2_LARGE 0x221	/* u32 param lengths: not read */
#define EVF_BLOCK_TYPE 0x208		/* v1 with flags: not read */
#define EVF_BLOCK_TYPE_V2 0x217		/* u16 cpu, u32 flags, event */
#define EVF_BLOCK_TYPE_V2_LARGE 0x222	/* not read */

/*
 * The largest block this reader accepts. Event blocks are at most 64 KiB
 * (param lengths are u16), but the process and fd lists of a busy machine
 * are large; a length above this is taken for corruption, not allocated.
 */
#define SCAP_SAVEFILE_MAX_BLOCK (256U * 1024 * 1024)

#endif /* SCAPLAB_SCAP_SAVEFILE_H */
