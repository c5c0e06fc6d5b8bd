/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The savefile engine's parameters (scap_open_args.engine_params):
 *
 *   struct scap_savefile_engine_params p = { .fname = "trace.scap" };
 *   struct scap_open_args args = { .mode = SCAP_MODE_CAPTURE,
 *                                  .engine = SCAP_ENGINE_SAVEFILE,
 *                                  .engine_params = &p };
 */
#ifndef SCAPLAB_SAVEFILE_PUBLIC_H
#define SCAPLAB_SAVEFILE_PUBLIC_H

struct scap_savefile_engine_params {
	const char *fname;	/* the capture file to read */
};

#endif /* SCAPLAB_SAVEFILE_PUBLIC_H */
