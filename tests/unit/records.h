/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Call records built by hand, as the kernel would send them, for the tests. */
#ifndef BSTRACE_TEST_RECORDS_H
#define BSTRACE_TEST_RECORDS_H

#include <string.h>

#include "decode.h"
#include "format.h"

/* A record with room for its payload after the flexible array member. */
struct test_record {
	union {
		struct rec_call rec;
		uint8_t raw[sizeof(struct rec_call) + 4096];
	};
};

static inline void init_record(struct test_record *r, int nr, int64_t ret)
{
	memset(r, 0, sizeof(*r));
	r->rec.hdr.type = REC_CALL;
	r->rec.hdr.size = sizeof(r->rec);
	r->rec.nr = nr;
	r->rec.ret = ret;
	for (int i = 0; i < REC_SLOTS; i++)
		r->rec.blob[i].off = REC_BLOB_NONE;
}

static inline void add_blob(struct test_record *r, int slot, const void *data, size_t len)
{
	size_t off = r->rec.hdr.size - sizeof(r->rec);

	memcpy(r->rec.payload + off, data, len);
	r->rec.blob[slot].off = (uint16_t)off;
	r->rec.blob[slot].len = (int32_t)len;
	r->rec.hdr.size += (uint32_t)len;
}

/* The strace line of r with opts, from a buffer the caller owns. */
static inline const char *format_with(struct linebuf *lb, struct test_record *r,
				      const struct print_opts *opts)
{
	struct decoded_call call;

	if (decode_call(r, sizeof(*r), &call))
		return "(malformed)";
	line_reset(lb);
	format_strace_call(lb, &call, opts);
	return line_cstr(lb);
}

#endif
