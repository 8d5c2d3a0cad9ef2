// SPDX-License-Identifier: GPL-2.0-or-later
#define _GNU_SOURCE
#include <string.h>
#include <sys/uio.h>

#include "peek.h"
#include "printers.h"
#include "syscall_table.h"

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

/* How many bytes a kind wants read, and whether it is a NUL-ended string. */
static size_t peek_size(const struct syscall_arg *arg, const struct rec_call *rec,
			unsigned int max_strlen, bool *string)
{
	*string = false;
	switch (arg->kind) {
	case KIND_SIGSET:
		if (arg->size_arg < 0)
			return 0;
		return rec->args[arg->size_arg] < REC_SET_MAX ? rec->args[arg->size_arg] : REC_SET_MAX;
	case KIND_PATH:
		*string = true;
		return REC_PATH_MAX;
	case KIND_STR:
		*string = true;
		return max_strlen + 1;
	case KIND_INTPTR:
		return sizeof(int);
	case KIND_STRUCT:
	case KIND_TIMEOUT:
		return struct_size(arg->struct_id);
	default:
		return 0;
	}
}

size_t peek_head_args(pid_t tid, struct rec_call *rec, int split, size_t room,
		      unsigned int max_strlen)
{
	const struct syscall_desc *d = syscall_lookup(rec->nr);
	size_t used = 0;

	for (int i = 0; d && i < split && i < d->nargs; i++) {
		struct rec_blob *blob = &rec->blob[d->args[i].at_entry ? REC_ENTRY_SLOT(i) : i];
		bool string;
		size_t want = peek_size(&d->args[i], rec, max_strlen, &string), got;

		if (!want || !rec->args[i] || want > room - used)
			continue;
		got = read_remote(tid, rec->args[i], rec->payload + used, want);
		if (string) {
			size_t len = strnlen((const char *)rec->payload + used, got);

			if (len == got && got < want)
				continue;	/* unreadable before its end */
			blob->flags = len > max_strlen && d->args[i].kind == KIND_STR ?
				      REC_BLOB_TRUNCATED : 0;
			got = len > max_strlen && d->args[i].kind == KIND_STR ? max_strlen : len;
		} else if (got < want) {
			continue;
		}
		blob->off = (uint16_t)used;
		blob->len = (int32_t)got;
		used += got;
	}
	return used;
}
