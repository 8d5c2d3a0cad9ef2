/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the consumer does with a call's stack snapshot: keep the process's
 * maps current, unwind, print the frames after the call's line (-k), and
 * add the call's time to its folded stack (--folded, --flamegraph).
 */
#ifndef BSTRACE_STACK_REPORT_H
#define BSTRACE_STACK_REPORT_H

#include <stdbool.h>

#include "decode.h"
#include "folded.h"
#include "outbuf.h"
#include "stack.h"
#include "symbols.h"

/* Frames of a call that never returns, printed after its process's end. */
struct pending_frames {
	uint32_t tid;
	char *text;
	struct pending_frames *next;
};

struct stack_report {
	bool print;			/* -k */
	bool aggregate;			/* --folded or --flamegraph */
	struct symbols symbols;
	struct stack_trace trace;
	struct folded folded;
	struct linebuf key;
	struct pending_frames *pending;
};

/* NULL after a message if the unwinder cannot start. */
struct stack_report *stack_report_new(bool print, bool aggregate);
void stack_report_free(struct stack_report *r);

/* A call was decoded (and its line, if any, written to out). */
void stack_report_call(struct stack_report *r, const struct decoded_call *call,
		       struct linebuf *lb, struct outbuf *out);
/* A thread ended (its "+++" line, if any, is written). */
void stack_report_exit(struct stack_report *r, uint32_t tid, uint32_t tgid, bool group_dead,
		       struct outbuf *out);
/* Print whatever frames are still held back. */
void stack_report_flush(struct stack_report *r, struct outbuf *out);

#endif
