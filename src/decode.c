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

bool argv_view_init(struct array_view *v, const struct captured *mem,
		    struct rec_argv_head *head)
{
	if (!captured_ok(mem) || (size_t)mem->len < sizeof(*head))
		return false;
	memcpy(head, mem->data, sizeof(*head));
	v->mem = mem;
	v->pos = sizeof(*head);
	v->left = head->shown;
	return true;
}

bool argv_view_next(struct array_view *v, struct captured *elem)
{
	size_t len = (size_t)v->mem->len;
	struct rec_argv_elem head;

	if (!v->left || v->pos + sizeof(head) > len)
		return false;
	v->left--;
	memcpy(&head, v->mem->data + v->pos, sizeof(head));
	v->pos += sizeof(head);
	memset(elem, 0, sizeof(*elem));
	if (head.len < 0 || v->pos + (size_t)head.len > len) {
		elem->len = head.len < 0 ? head.len : -EFAULT;
		return true;
	}
	elem->data = v->mem->data + v->pos;
	elem->len = head.len;
	elem->truncated = head.flags & REC_BLOB_TRUNCATED;
	v->pos += (size_t)head.len;
	return true;
}

bool iov_view_init(struct array_view *v, const struct captured *mem,
		   struct rec_iov_head *head)
{
	if (!captured_ok(mem) || (size_t)mem->len < sizeof(*head))
		return false;
	memcpy(head, mem->data, sizeof(*head));
	v->mem = mem;
	v->pos = sizeof(*head);
	v->left = head->count;
	return true;
}

bool iov_view_next(struct array_view *v, struct rec_iov_elem *iov, struct captured *bytes)
{
	size_t len = (size_t)v->mem->len;

	if (!v->left || v->pos + sizeof(*iov) > len)
		return false;
	v->left--;
	memcpy(iov, v->mem->data + v->pos, sizeof(*iov));
	v->pos += sizeof(*iov);
	memset(bytes, 0, sizeof(*bytes));
	if (iov->captured < 0 || v->pos + (size_t)iov->captured > len) {
		bytes->len = iov->captured < 0 ? iov->captured : -EFAULT;
		return true;
	}
	bytes->data = v->mem->data + v->pos;
	bytes->len = iov->captured;
	bytes->truncated = (uint64_t)iov->captured < iov->len;
	v->pos += (size_t)iov->captured;
	return true;
}
