// SPDX-License-Identifier: GPL-2.0-or-later
#define _GNU_SOURCE
#include <string.h>
#include <sys/uio.h>

#include "peek.h"
#include "printers.h"
#include "syscall_table.h"
#include "../syscalls/kinds.h"

#define PAGE 4096

/* Bytes of [addr, addr+len) readable, page by page as the kernel side does. */
static size_t read_remote(pid_t tid, uint64_t addr, uint8_t *buf, size_t len)
{
	size_t done = 0;

	while (done < len) {
		size_t chunk = PAGE - ((addr + done) & (PAGE - 1));
		struct iovec local, remote;
		ssize_t n;

		if (chunk > len - done)
			chunk = len - done;
		local.iov_base = buf + done;
		local.iov_len = chunk;
		remote.iov_base = (void *)(uintptr_t)(addr + done);
		remote.iov_len = chunk;
		n = process_vm_readv(tid, &local, 1, &remote, 1, 0);
		if (n <= 0)
			break;
		done += (size_t)n;
		if ((size_t)n < chunk)
			break;
	}
	return done;
}

/* What to read of an argument, as the BPF side reads its kind. */
struct peek_plan {
	size_t want;		/* bytes; 0: nothing */
	bool string;		/* NUL-ended: as long as it is, up to want */
	bool strlen_limited;	/* a -s string: cut at max_strlen */
	bool truncated;		/* bytes: the argument goes on past want */
};

/*
 * From the kind's capture op and limit in syscalls/kinds.def, as the
 * generator turns them into the BPF side's captures: a string, a fixed
 * int or struct, or bytes as many as the size argument says up to the
 * limit.  Kinds that follow pointers further (iovecs, msghdrs, argv) are
 * not read: their head shows the address.
 */
static struct peek_plan plan_for(int cap, int limit, const struct syscall_arg *arg,
				 const struct rec_call *rec, unsigned int max_strlen)
{
	struct peek_plan p = { 0 };
	uint64_t len;

	switch (cap) {
	case CAP_STR:
		p.string = true;
		p.strlen_limited = limit == LIMIT_STRLEN;
		p.want = limit == LIMIT_PATH ? REC_PATH_MAX : max_strlen + 1;
		break;
	case CAP_FIXED:
		if (limit == LIMIT_INT)
			p.want = sizeof(int);
		else if (limit == LIMIT_STRUCT)
			p.want = struct_size(arg->struct_id);
		break;
	case CAP_BYTES_ARG:
	case CAP_BYTES_ARG_MUL:
		if (arg->size_arg < 0)
			break;
		len = rec->args[arg->size_arg];
		if (cap == CAP_BYTES_ARG_MUL)
			len = len < REC_BLOB_MAX ? len * struct_size(arg->struct_id) : REC_BLOB_MAX;
		if (limit == LIMIT_SIGSET)
			p.want = REC_SET_MAX;
		else if (limit == LIMIT_STRLEN)
			p.want = max_strlen;
		else if (limit == LIMIT_STRUCTS)
			p.want = REC_BLOB_MAX;
		if (len < p.want)
			p.want = (size_t)len;
		p.truncated = len > p.want;
		break;
	default:
		break;
	}
	return p;
}

static struct peek_plan peek_plan(const struct syscall_arg *arg, const struct rec_call *rec,
				  unsigned int max_strlen)
{
	switch (arg->kind) {
#define KIND(word, ENUM, cap, when, limit, param) \
	case KIND_##ENUM: return plan_for(cap, limit, arg, rec, max_strlen);
#include "../syscalls/kinds.def"
#undef KIND
	default:
		return (struct peek_plan){ 0 };
	}
}

size_t peek_head_args(pid_t tid, struct rec_call *rec, int split, size_t room,
		      unsigned int max_strlen)
{
	const struct syscall_desc *d = syscall_lookup(rec->nr);
	size_t used = 0;

	for (int i = 0; d && i < split && i < d->nargs; i++) {
		/* Where the printer looks for it: the entry's slot or the exit's. */
		struct rec_blob *blob = &rec->blob[arg_shows_entry(&d->args[i]) ? REC_ENTRY_SLOT(i) : i];
		struct peek_plan p = peek_plan(&d->args[i], rec, max_strlen);
		size_t got;

		if (!p.want || !rec->args[i] || p.want > room - used)
			continue;
		got = read_remote(tid, rec->args[i], rec->payload + used, p.want);
		if (p.string) {
			size_t len = strnlen((const char *)rec->payload + used, got);
			bool cut = p.strlen_limited && len > max_strlen;

			if (len == got && got < p.want)
				continue;	/* unreadable before its end */
			blob->flags = cut ? REC_BLOB_TRUNCATED : 0;
			got = cut ? max_strlen : len;
		} else if (got < p.want) {
			continue;
		} else {
			blob->flags = p.truncated ? REC_BLOB_TRUNCATED : 0;
		}
		blob->off = (uint16_t)used;
		blob->len = (int32_t)got;
		used += got;
	}
	return used;
}
