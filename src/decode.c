// SPDX-License-Identifier: GPL-2.0-or-later
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
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

/* What a short record leaves out of its blob slots: nothing read. */
static const struct rec_blob no_blob = { .off = REC_BLOB_NONE };

/*
 * Expanding writes the full layout field by field, with a select per slot,
 * rather than a struct copy of a template or a memcpy of a variable size:
 * for these sizes GCC emits rep stos and rep movs, whose start-up was half
 * of a busy reader's time in here.
 */
static void expand_blobs(struct rec_call *full, const uint64_t *sent, size_t n)
{
	uint64_t none;

	_Static_assert(sizeof(struct rec_blob) == sizeof(uint64_t), "a blob slot is a word");
	memcpy(&none, &no_blob, sizeof(none));
	for (size_t i = 0; i < REC_SLOTS; i++)
		memcpy(&full->blob[i], i < n ? &sent[i] : &none, sizeof(none));
	memcpy(&full->stack, &none, sizeof(none));
}

/* CALL_COMPACT: the head, and the first arguments (and comm) or fewer. */
static bool expand_compact(const struct rec_call *rec, struct rec_call *full)
{
	const size_t words = (offsetof(struct rec_call, blob) - REC_SHORT_HEAD) / 8;
	const uint8_t *raw = (const uint8_t *)rec;
	uint8_t *dst = (uint8_t *)full + REC_SHORT_HEAD;
	size_t sent;

	_Static_assert((offsetof(struct rec_call, blob) - REC_SHORT_HEAD) % 8 == 0,
		       "the arguments and comm are whole words");
	if (rec->hdr.size < REC_SHORT_HEAD || rec->hdr.size > offsetof(struct rec_call, blob))
		return false;
	sent = rec->hdr.size - REC_SHORT_HEAD;
	memcpy(full, rec, REC_SHORT_HEAD);
	for (size_t i = 0; i < words; i++) {
		uint64_t word = 0;

		if (i * 8 + 8 <= sent)
			memcpy(&word, raw + REC_SHORT_HEAD + i * 8, 8);
		else if (i * 8 < sent)
			memcpy(&word, raw + REC_SHORT_HEAD + i * 8, sent - i * 8);
		memcpy(dst + i * 8, &word, 8);
	}
	expand_blobs(full, NULL, 0);
	full->hdr.size = sizeof(*full);
	return true;
}

/* CALL_SHORT: the head, n arguments, their exit slots, a small payload. */
static bool expand_short(const struct rec_call *rec, struct rec_call *full)
{
	const uint8_t *raw = (const uint8_t *)rec;
	size_t nargs = (rec->flags & CALL_SHORT_ARGS_MASK) >> CALL_SHORT_ARGS_SHIFT;
	uint64_t sent[REC_ARGS];
	size_t payload;

	if (nargs > REC_ARGS || rec->hdr.size < REC_SHORT_PAYLOAD_AT(nargs) ||
	    rec->hdr.size - REC_SHORT_PAYLOAD_AT(nargs) > REC_SHORT_PAYLOAD_MAX)
		return false;
	payload = rec->hdr.size - REC_SHORT_PAYLOAD_AT(nargs);
	memcpy(full, rec, REC_SHORT_HEAD);
	for (size_t i = 0; i < REC_ARGS; i++)
		full->args[i] = i < nargs ? rec->args[i] : 0;
	memset(full->comm, 0, sizeof(full->comm));
	for (size_t i = 0; i < nargs; i++)
		memcpy(&sent[i], raw + REC_SHORT_BLOBS_AT(nargs) + i * sizeof(sent[0]), sizeof(sent[0]));
	expand_blobs(full, sent, nargs);
	memcpy(full->payload, raw + REC_SHORT_PAYLOAD_AT(nargs), payload);
	full->hdr.size = (uint32_t)(sizeof(*full) + payload);
	return true;
}

bool record_expand(const void *data, size_t size, struct expanded_call *out)
{
	const struct rec_call *rec = data;
	struct rec_call *full = &out->rec;

	if (size < offsetof(struct rec_call, args) || rec->hdr.type != REC_CALL ||
	    !(rec->flags & (CALL_COMPACT | CALL_SHORT)) || rec->hdr.size > size)
		return false;
	if (!((rec->flags & CALL_COMPACT) ? expand_compact(rec, full) :
	      expand_short(rec, full)))
		return false;
	full->flags &= ~(CALL_COMPACT | CALL_SHORT | CALL_SHORT_ARGS_MASK);
	return true;
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
	call->nargs = syscall_nargs(rec->nr);
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

/* The variant of selector argument sel for its value in call, or NULL. */
static const struct xlat_variant *decode_variant(const struct decoded_call *call, int sel)
{
	const struct syscall_arg *desc;
	uint64_t value, widened;

	if (!call->desc || sel < 0 || sel >= call->nargs)
		return NULL;
	desc = &call->desc->args[sel];
	if (!desc->table || !desc->table->variants)
		return NULL;
	/* A selector is an int: -1 may come as 0xffffffff or sign-extended. */
	value = call->args[sel].raw;
	widened = (uint64_t)(int64_t)(int32_t)value;
	for (unsigned int k = 0; k < desc->table->count; k++) {
		uint64_t v = desc->table->entries[k].value;

		if (v == value || (value >> 32 == 0 && v == widened))
			return desc->table->variants[k].defined ? &desc->table->variants[k] : NULL;
	}
	return NULL;
}

const struct syscall_arg *decode_arg_desc(const struct decoded_call *call, int i)
{
	const struct syscall_arg *desc = &call->desc->args[i];
	const struct xlat_variant *variant;
	int position = 0;

	if (desc->kind != KIND_BY)
		return desc;
	variant = decode_variant(call, desc->size_arg);
	if (!variant)
		return desc;
	/* The variant lists its selector's by:N arguments in order. */
	for (int k = 0; k < i; k++)
		position += call->desc->args[k].kind == KIND_BY &&
			    call->desc->args[k].size_arg == desc->size_arg;
	if (position >= variant->nargs || variant->args[position].kind == KIND_SKIP)
		return NULL;
	return &variant->args[position];
}

enum ret_kind decode_ret_kind(const struct decoded_call *call, const struct xlat **table)
{
	*table = call->desc ? call->desc->ret_table : NULL;
	if (!call->desc)
		return RET_INT;
	for (int i = 0; i < call->nargs; i++) {
		const struct xlat_variant *variant;

		if (call->desc->args[i].kind != KIND_BY)
			continue;
		variant = decode_variant(call, call->desc->args[i].size_arg);
		if (variant && variant->ret != RET_DEFAULT) {
			*table = variant->ret_table;
			return variant->ret;
		}
		break;
	}
	return call->desc->ret;
}

bool decode_open_mode_used(const struct decoded_call *call, const struct syscall_arg *desc)
{
	uint64_t flags = call->args[desc->size_arg].raw;

	return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE;
}
