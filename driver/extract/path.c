// SPDX-License-Identifier: GPL-2.0-only
/*
 * The current task's working directory: see path.h.
 *
 * What d_path() does that the BPF walk does not, and how we undo it:
 *  - a removed directory gets a " (deleted)" suffix: we cut it, so the
 *    param is the path the directory had, as the BPF side stores it;
 *  - the suffix is written first, so a path that fits MAX_PATH needs a
 *    buffer that much longer: we give it one, and apply MAX_PATH after.
 * One difference we cannot undo: a dentry that is its own parent without
 * being a mount's root (a disconnected one, seen on some NFS exports)
 * makes d_path() answer "/", where the BPF walk keeps the names it found.
 */
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/fs_struct.h>
#include <linux/minmax.h>
#include <linux/path.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/seqlock.h>
#include <linux/string.h>
#include "../ppm_events.h"
#include "path.h"

#define DELETED_SUFFIX " (deleted)"
#define DELETED_LEN (sizeof(DELETED_SUFFIX) - 1)

int extract_cwd(char *buf, u32 room)
{
	u32 buflen = min_t(u32, room, MAX_PATH + DELETED_LEN);
	struct fs_struct *fs = current->fs;
	struct path pwd;
	unsigned int seq;
	bool unlinked;
	size_t len;
	char *p;

	if (!fs)
		return 0;
	if (!buflen)
		return -ENOSPC;
	/*
	 * No path_get(): its path_put() may sleep. Dentries and mounts are
	 * freed after an RCU grace period, so the pair read under the
	 * fs seqcount stays readable until rcu_read_unlock(), as in d_path().
	 */
	rcu_read_lock();
	do {
		seq = read_seqcount_begin(&fs->seq);
		pwd = fs->pwd;
	} while (read_seqcount_retry(&fs->seq, seq));
	p = d_path(&pwd, buf, buflen);
	unlinked = d_unlinked(pwd.dentry);
	rcu_read_unlock();

	if (IS_ERR(p))
		return buflen < MAX_PATH + DELETED_LEN ? -ENOSPC : 0;
	len = strlen(p);
	if (unlinked && len >= DELETED_LEN && !strcmp(p + len - DELETED_LEN, DELETED_SUFFIX))
		len -= DELETED_LEN;
	/* The BPF walk gives up on a path (and its NUL) longer than MAX_PATH. */
	if (len + 1 > MAX_PATH)
		return 0;
	memmove(buf, p, len);
	buf[len] = '\0';
	return len + 1;
}
