/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The steps of the decoder before 01.2 or 01.3, done as a plain read of the
 * bytes: the header copied, the lengths copied, with only the checks that
 * keep a bad input from crashing the grader. golden_decode --from and
 * scap-open-params use them so that your decode_lengths or decode_params is
 * graded on its own: a bug in decode_header costs the points of 01.1 only.
 * Include it after scap_event.c (it uses its fail()).
 */
#ifndef PLAIN_STEPS_H
#define PLAIN_STEPS_H

enum from { FROM_HEADER, FROM_LENGTHS, FROM_PARAMS };

/*
 * The steps before 01.2 or 01.3, as a plain read of the bytes. Its input
 * has a sound header (and lengths, for params): this only makes sure of it.
 */
static int32_t plain_steps(const uint8_t *buf, size_t n, enum from from, struct ppm_evt_hdr *hdr,
			   struct scap_evt_param *params, char *err)
{
	uint32_t off;

	if (n < PPM_EVT_HDR_SIZE)
		return fail(err, SCAP_LASTERR_SIZE, "not a whole header (plain read, for --from)");
	memcpy(hdr, buf, sizeof(*hdr));
	if (hdr->len < PPM_EVT_HDR_SIZE || hdr->len > n || hdr->type >= PPM_EVENT_MAX ||
	    !g_event_info[hdr->type].name[0] || hdr->nparams != g_event_info[hdr->type].nparams)
		return fail(err, SCAP_LASTERR_SIZE, "not a sound header (plain read, for --from)");
	if (from == FROM_LENGTHS)
		return SCAP_SUCCESS;
	off = PPM_EVT_HDR_SIZE + hdr->nparams * PPM_PARAM_LEN_SIZE;
	if (off > hdr->len)
		return fail(err, SCAP_LASTERR_SIZE, "lengths that do not fill the event (plain read, for --from)");
	for (uint32_t i = 0; i < hdr->nparams; i++) {
		memcpy(&params[i].len, buf + PPM_EVT_HDR_SIZE + i * PPM_PARAM_LEN_SIZE,
		       PPM_PARAM_LEN_SIZE);
		off += params[i].len;
	}
	if (off != hdr->len)
		return fail(err, SCAP_LASTERR_SIZE, "lengths that do not fill the event (plain read, for --from)");
	return SCAP_SUCCESS;
}

#endif /* PLAIN_STEPS_H */
