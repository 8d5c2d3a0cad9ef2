// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <string.h>

#include "decode.h"

static void decode_blob(const struct rec_call *rec, size_t payload_size,
			const struct rec_blob *blob, struct captured *out)
{
	memset(out, 0, sizeof(*out));
	if (blob->len < 0) {
		out->len = blob->len;
		return;
	}
	if (blob->off == REC_BLOB_NONE)
		return;
	/* Out of bounds: treat as not read rather than trust it. */
	if (blob->off > payload_size || (size_t)blob->len > payload_size - blob->off)
		return;
	out->data = rec->payload + blob->off;
	out->len = blob->len;
	out->truncated = blob->flags & REC_BLOB_TRUNCATED;
}

int decode_call(const void *data, size_t size, struct decoded_call *call)
{
	const struct rec_call *rec = data;
	size_t payload_size;

	if (size < sizeof(*rec) || rec->hdr.size > size || rec->hdr.size < sizeof(*rec))
		return -EINVAL;
	payload_size = rec->hdr.size - sizeof(*rec);
	call->rec = rec;
	call->desc = syscall_lookup(rec->nr);
	call->nargs = call->desc ? call->desc->nargs : REC_ARGS;
	for (int i = 0; i < REC_ARGS; i++) {
		call->args[i].raw = rec->args[i];
		decode_blob(rec, payload_size, &rec->blob[i], &call->args[i].mem);
		decode_blob(rec, payload_size, &rec->blob[REC_ENTRY_SLOT(i)], &call->args[i].entry);
	}
	return 0;
}
