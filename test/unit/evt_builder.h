/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Building events byte by byte for the unit tests, the way a driver lays
 * them out (driver/ppm_events_public.h): a test states each parameter, and
 * eb_finish() writes the header, the length array and the bytes.
 * Shared by test_decoder.c and test_format.c; include it after cmocka.h.
 */
#ifndef SCAPLAB_TEST_EVT_BUILDER_H
#define SCAPLAB_TEST_EVT_BUILDER_H

#include <string.h>
#include "ppm_flags.h"
#include "scap_event.h"

/* Builds one event in memory, parameter by parameter, as a driver does. */
struct evt_builder {
	uint16_t type;
	uint32_t nparams;
	uint16_t lens[PPM_MAX_EVENT_PARAMS];
	uint8_t data[2048];	/* the parameters' bytes, back to back */
	uint32_t data_len;
	uint8_t event[4096];	/* the finished event, after eb_finish() */
	struct scap_evt_view view;
};

static inline void eb_start(struct evt_builder *b, uint16_t type)
{
	memset(b, 0, sizeof(*b));
	b->type = type;
}

/* Add a parameter of len bytes (len 0: absent, val unused). */
static inline void eb_param(struct evt_builder *b, const void *val, uint16_t len)
{
	assert_true(b->nparams < PPM_MAX_EVENT_PARAMS);
	assert_true(b->data_len + len <= sizeof(b->data));
	b->lens[b->nparams++] = len;
	if (len)
		memcpy(b->data + b->data_len, val, len);
	b->data_len += len;
}

static inline void eb_s64(struct evt_builder *b, int64_t x) { eb_param(b, &x, sizeof(x)); }
static inline void eb_u64(struct evt_builder *b, uint64_t x) { eb_param(b, &x, sizeof(x)); }
static inline void eb_u32(struct evt_builder *b, uint32_t x) { eb_param(b, &x, sizeof(x)); }
static inline void eb_u16(struct evt_builder *b, uint16_t x) { eb_param(b, &x, sizeof(x)); }
static inline void eb_u8(struct evt_builder *b, uint8_t x) { eb_param(b, &x, sizeof(x)); }
static inline void eb_str(struct evt_builder *b, const char *s) { eb_param(b, s, strlen(s) + 1); }
static inline void eb_absent(struct evt_builder *b) { eb_param(b, NULL, 0); }

/* Socket addresses, laid out as the drivers write them (ports in host order). */
static inline void eb_sockaddr_inet(struct evt_builder *b, const uint8_t ip[4], uint16_t port)
{
	uint8_t a[7];

	a[0] = PPM_AF_INET;
	memcpy(a + 1, ip, 4);
	memcpy(a + 5, &port, 2);
	eb_param(b, a, sizeof(a));
}

static inline void eb_sockaddr_unix(struct evt_builder *b, const char *path)
{
	uint8_t a[110];
	size_t n = strlen(path) + 1;

	a[0] = PPM_AF_UNIX;
	memcpy(a + 1, path, n);
	eb_param(b, a, (uint16_t)(1 + n));
}

static inline void eb_tuple_inet(struct evt_builder *b, const uint8_t sip[4], uint16_t sport,
			  const uint8_t dip[4], uint16_t dport)
{
	uint8_t t[13];

	t[0] = PPM_AF_INET;
	memcpy(t + 1, sip, 4);
	memcpy(t + 5, &sport, 2);
	memcpy(t + 7, dip, 4);
	memcpy(t + 11, &dport, 2);
	eb_param(b, t, sizeof(t));
}

static inline void eb_tuple_inet6(struct evt_builder *b, const uint8_t sip[16], uint16_t sport,
			   const uint8_t dip[16], uint16_t dport)
{
	uint8_t t[37];

	t[0] = PPM_AF_INET6;
	memcpy(t + 1, sip, 16);
	memcpy(t + 17, &sport, 2);
	memcpy(t + 19, dip, 16);
	memcpy(t + 35, &dport, 2);
	eb_param(b, t, sizeof(t));
}

/* A unix tuple: the two sockets' kernel addresses, then the path. */
static inline void eb_tuple_unix(struct evt_builder *b, uint64_t src, uint64_t dst, const char *path)
{
	uint8_t t[128];
	size_t n = strlen(path) + 1;

	t[0] = PPM_AF_UNIX;
	memcpy(t + 1, &src, 8);
	memcpy(t + 9, &dst, 8);
	memcpy(t + 17, path, n);
	eb_param(b, t, (uint16_t)(17 + n));
}

/* Write header, length array and parameters into b->event; return its size. */
static inline uint32_t eb_finish(struct evt_builder *b)
{
	struct ppm_evt_hdr hdr = {
		.ts = 1000000000ULL,
		.tid = 42,
		.type = b->type,
		.nparams = b->nparams,
	};
	uint32_t off = PPM_EVT_HDR_SIZE;

	hdr.len = PPM_EVT_HDR_SIZE + b->nparams * PPM_PARAM_LEN_SIZE + b->data_len;
	assert_true(hdr.len <= sizeof(b->event));
	memcpy(b->event, &hdr, sizeof(hdr));
	memcpy(b->event + off, b->lens, b->nparams * PPM_PARAM_LEN_SIZE);
	off += b->nparams * PPM_PARAM_LEN_SIZE;
	memcpy(b->event + off, b->data, b->data_len);
	return hdr.len;
}

/* Finish the event into b->event and decode it into b->view. */
static inline const struct scap_evt_view *eb_decode(struct evt_builder *b)
{
	char err[SCAP_LASTERR_SIZE] = "";
	uint32_t len = eb_finish(b);

	if (scap_event_decode(b->event, len, &b->view, err, sizeof(err)) != SCAP_SUCCESS)
		fail_msg("the test built a bad event: %s", err);
	return &b->view;
}

#endif /* SCAPLAB_TEST_EVT_BUILDER_H */
