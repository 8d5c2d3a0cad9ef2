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

/* A call record in the full layout, with room for a short one's payload. */
struct expanded_call {
	union {
		struct rec_call rec;
		uint8_t raw[sizeof(struct rec_call) + REC_SHORT_PAYLOAD_MAX];
	};
};

/*
 * A call record sent short (CALL_COMPACT, CALL_SHORT) in the full layout,
 * in out->rec: what was left out is 0, its blob slots empty.  false when
 * it is not such a record or is malformed.
 */
bool record_expand(const void *data, size_t size, struct expanded_call *out);

/* 0, or -EINVAL when the record is malformed (sizes, offsets). */
int decode_call(const void *data, size_t size, struct decoded_call *call);

static inline bool captured_ok(const struct captured *c)
{
	return c->data && c->len >= 0;
}

/*
 * What argument i of call is: its description in the table, or for a by:N
 * argument the kind its selector's value gives (fcntl's third argument is
 * an fd, open flags or nothing); NULL when that variant leaves it out.
 */
const struct syscall_arg *decode_arg_desc(const struct decoded_call *call, int i);
/*
 * Whether a KIND_OPENMODE argument means anything: only when the flags it
 * goes with (argument desc->size_arg) can create a file.  strace and perf
 * leave it out otherwise.
 */
bool decode_open_mode_used(const struct decoded_call *call, const struct syscall_arg *desc);
/* How the return value reads: the syscall's kind, or its selector variant's. */
enum ret_kind decode_ret_kind(const struct decoded_call *call, const struct xlat **table);

/*
 * Views of the arrays inside one captured argument, element by element,
 * each bounds-checked: an argv-like array (struct rec_argv_head and its
 * elements) and an iovec array (struct rec_iov_head and its elements).
 */
struct array_view {
	const struct captured *mem;
	size_t pos;		/* next byte to read */
	unsigned int left;	/* elements still to come */
};

/* false when mem is too short to hold the array's head. */
bool argv_view_init(struct array_view *v, const struct captured *mem,
		    struct rec_argv_head *head);
/*
 * The next string: its bytes as a struct captured (len < 0 when it could
 * not be read); false when no element is left or the payload ends.
 */
bool argv_view_next(struct array_view *v, struct captured *elem);

bool iov_view_init(struct array_view *v, const struct captured *mem,
		   struct rec_iov_head *head);
/* The next iovec and its captured bytes (len < 0 when not captured). */
bool iov_view_next(struct array_view *v, struct rec_iov_elem *iov, struct captured *bytes);

#endif
