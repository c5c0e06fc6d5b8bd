/* SPDX-License-Identifier: GPL-2.0-only */
/* What the read and write fillers (io.c) share with the socket data fillers (net_io.c). */
#ifndef SCAPLAB_FILLERS_IO_H
#define SCAPLAB_FILLERS_IO_H

#include "../ppm_events.h"

/* A PT_BYTEBUF of len bytes at user address ptr; no bytes is an empty param. */
int store_user_data(struct event_filler_arguments *args, unsigned long ptr, u32 len);

/* A PT_UINT32: the iovecs' total length; empty if the kernel would refuse them. */
int store_iovec_size(struct event_filler_arguments *args, unsigned long iov,
		     unsigned long iovcnt);

/* A PT_BYTEBUF: the first max_len bytes of the iovecs' buffers, end to end. */
int store_iovec_data(struct event_filler_arguments *args, unsigned long iov,
		     unsigned long iovcnt, u32 max_len);

/* readv's size and data params after the call: res and the bytes read, or the sum and none. */
int store_read_iovecs(struct event_filler_arguments *args, unsigned long iov,
		      unsigned long iovcnt);

#endif /* SCAPLAB_FILLERS_IO_H */
