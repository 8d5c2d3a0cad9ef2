/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One decoder, several printers: a call record from the kernel becomes a
 * struct decoded_call whose every payload view has been bounds-checked
 * against the record, so printers never trust a length from the kernel.
 */
#ifndef BSTRACE_DECODE_H
#define BSTRACE_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "syscall_table.h"

/* Memory read from one argument, at one moment. */
struct captured {
	const uint8_t *data;	/* NULL when nothing was read */
	int32_t len;		/* bytes at data, or -errno when the read failed */
	bool truncated;		/* the value goes on past len */
};

struct arg_value {
	uint64_t raw;
	struct captured mem;	/* at exit (or the only read) */
	struct captured entry;	/* at entry, for arguments read both ways */
};

struct decoded_call {
	const struct rec_call *rec;
	const struct syscall_desc *desc;	/* NULL: a number nobody describes */
	int nargs;
	struct arg_value args[REC_ARGS];
};

/* 0, or -EINVAL when the record is malformed (sizes, offsets). */
int decode_call(const void *data, size_t size, struct decoded_call *call);

static inline bool captured_ok(const struct captured *c)
{
	return c->data && c->len >= 0;
}

#endif
