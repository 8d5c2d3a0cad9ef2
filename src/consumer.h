/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The ring buffer's reader: one handler per record type, all writing to
 * one buffered output.
 */
#ifndef BSTRACE_CONSUMER_H
#define BSTRACE_CONSUMER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "format.h"
#include "options.h"
#include "outbuf.h"
#include "printers.h"
#include "summary_perf.h"

struct stack_report;

struct consumer {
	struct outbuf out;
	struct linebuf line;
	struct print_opts print;
	bool follow_forks;
	bool summary_only;		/* -c: the table is the whole output */
	pid_t leader;			/* the first traced process */
	unsigned int processes;		/* traced processes alive */
	uint64_t lost;			/* records the kernel could not send */
	uint64_t malformed;		/* records that failed validation */
	struct stack_report *stacks;	/* -k, --folded, --flamegraph; or NULL */
	bool hide_calls;		/* --folded: no call lines */
	enum output_format format;	/* strace, --perf or --json lines */
	struct perf_format *perf;	/* --perf's line state */
	struct perf_summary *perf_summary;	/* --perf -s, -S */
	bool calls_hidden;		/* --perf -s: the summary only */
	bool failure_only;		/* --perf --failure */
	uint64_t max_events;		/* --perf --max-events; 0: no limit */
	uint64_t printed;		/* calls printed so far */
};

void consumer_init(struct consumer *c, int fd, const struct print_opts *print,
		   bool follow_forks, pid_t leader);
/*
 * The output format and its state, allocated once before tracing starts:
 * false with a message on stderr.
 */
bool consumer_set_format(struct consumer *c, const struct options *opts);
/* After the last record: --perf's summary; frees the format's state. */
void consumer_finish(struct consumer *c);
/* The libbpf ring_buffer callback. */
int consumer_handle(void *ctx, void *data, size_t size);

#endif
