// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * scap-open-params: scap-open whose decoder runs your decode_params() after
 * a plain read of the header and the lengths (plain_steps.h), for the live
 * checks of 01.3 (live.bats): they see your step 3 at work on real events
 * from the probe, whatever your steps 1 and 2 do.
 *
 * The build links it with scap-open's objects (a test program whose name
 * starts with scap-open- is a variant of scap-open, labs/labs.mk): this
 * file replaces only scap_event.c's object.
 *
 *   sudo ./build/labs/01-event-format/tests/scap-open-params --json -- \
 *        ./build/labs/01-event-format/tests/calls /tmp
 */

/* Your scap_event_decode() gets another name; the one below replaces it. */
#define scap_event_decode your_scap_event_decode
#include "scap_event.c"
#undef scap_event_decode
#include "plain_steps.h"

int32_t scap_event_decode(const void *buf, size_t buflen, struct scap_evt_view *view,
			  char *err, size_t errlen);

int32_t scap_event_decode(const void *buf, size_t buflen, struct scap_evt_view *view,
			  char *err, size_t errlen)
{
	char plain_err[SCAP_LASTERR_SIZE];
	struct ppm_evt_hdr hdr = { 0 };
	char name[EVT_NAME_SIZE];

	if (plain_steps(buf, buflen, FROM_PARAMS, &hdr, view->params, plain_err))
		return fail(err, errlen, "%s", plain_err);
	event_name(hdr.type, name);
	if (decode_params(buf, &hdr, name, view->params, err, errlen) != SCAP_SUCCESS)
		return SCAP_FAILURE;
	view->hdr = buf;
	view->info = &g_event_info[hdr.type];
	view->nparams = hdr.nparams;
	return SCAP_SUCCESS;
}
