/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * When the summary is printed: at the end of the trace (also on SIGINT,
 * as strace does), and every --interval while tracing.
 */
#ifndef BSTRACE_SUMMARY_REPORT_H
#define BSTRACE_SUMMARY_REPORT_H

#include "outbuf.h"
#include "summary.h"
#include "tracer.h"

struct summary_report {
	const struct summary_opts *opts;
	struct summary_row *rows;	/* the latest reading */
	struct summary_row *prev;	/* the reading at the last interval */
	struct summary_row *reading;	/* --interval: this reading, kept as read */
	size_t capacity, nprev;
	uint64_t next_ns;		/* CLOCK_MONOTONIC of the next interval */
};

/* 0, or -1 after a message; nothing to do when the summary is off. */
int summary_report_init(struct summary_report *r, const struct summary_opts *opts,
			const struct tracer *t);
/* How long the poll loop may sleep before the next interval is due. */
int summary_report_timeout_ms(const struct summary_report *r, int longest);
/* Print the interval's summary if it is due. */
void summary_report_tick(struct summary_report *r, struct tracer *t, struct outbuf *out);
/* The whole run's summary. */
void summary_report_final(struct summary_report *r, struct tracer *t, struct outbuf *out);
void summary_report_free(struct summary_report *r);

#endif
