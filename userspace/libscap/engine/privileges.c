// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* See privileges.h. */
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/capability.h>
#include "privileges.h"

static bool has_capability(int cap)
{
	struct __user_cap_header_struct hdr = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct data[2] = { 0 };

	if (syscall(SYS_capget, &hdr, data))
		return false;
	return data[cap / 32].effective & (1U << (cap % 32));
}

bool scap_can_load_bpf(void)
{
	return geteuid() == 0 || (has_capability(CAP_BPF) && has_capability(CAP_PERFMON));
}
