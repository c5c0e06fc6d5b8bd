// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * What sendto, recvfrom, sendmsg and recvmsg add to connect's and accept's
 * socket params: a tuple whose other end is the address the call carries
 * (dest_addr, src_addr, msg_name), and the caller's struct msghdr, which
 * holds that address and the iovecs of the data.
 */
#ifndef SCAPLAB_AUXMAP_STORE_SOCKMSG_H
#define SCAPLAB_AUXMAP_STORE_SOCKMSG_H

#include "auxmap_store_socket.h"

/*
 * A PT_SOCKTUPLE for fd, the other end being the addrlen-byte address at
 * the user pointer uaddr: outbound for a send, inbound for a receive.
 * Empty without an address, as in Falco: a connected socket's send names
 * none, and its fd has its tuple from connect or accept.
 */
static __always_inline void auxmap__store_addr_tuple_param(struct auxiliary_map *auxmap, __s32 fd,
							   enum socktuple_direction dir,
							   unsigned long uaddr, int addrlen)
{
	union scap_sockaddr addr;

	if (read_user_sockaddr(&addr, uaddr, addrlen))
		auxmap__store_socktuple_param(auxmap, fd, dir, &addr, addrlen);
	else
		auxmap__store_empty_param(auxmap);
}

/* Copy the caller's struct msghdr; false, counted as a fault read, if unreadable. */
static __always_inline bool read_user_msghdr(struct user_msghdr *mh, unsigned long umsg)
{
	if (!bpf_probe_read_user(mh, sizeof(*mh), (const void *)umsg))
		return true;
	count_fault_read();
	return false;
}

#endif /* SCAPLAB_AUXMAP_STORE_SOCKMSG_H */
