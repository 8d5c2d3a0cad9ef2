/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The ring buffer's reader: records are queued (interleave.h), then
 * printed in time order as strace would have printed them, with the pid
 * prefixes, <unfinished ...> / <... resumed> halves, time columns, process
 * events, and one output per process with -ff.
 */
#ifndef BSTRACE_CONSUMER_H
#define BSTRACE_CONSUMER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "format.h"
#include "interleave.h"
#include "options.h"
#include "outbuf.h"
#include "pathtrace.h"
#include "printers.h"
#include "summary_perf.h"
#include "timestamps.h"

struct stack_report;
struct task;
struct output;

/* What precedes each line: nothing, "[pid  1234] ", or "1234  " (strace's -o -f). */
enum pid_prefix { PREFIX_WHEN_MANY, PREFIX_ALWAYS, PREFIX_NEVER };

/* A call in flight, from the kernel's inflight map. */
struct inflight_call {
	uint32_t tid;
	int32_t nr;
	uint64_t enter_ns;
	uint64_t args[REC_ARGS];
};

struct consumer {
	struct print_opts print;
	bool summary_only;		/* -c: the table is the whole output */
	uint64_t margin_ns;		/* how old a record must be to print in order */
	uint64_t blocked_ns;		/* how long a call runs before its head shows */
	const struct options *opts;
	struct time_state time;
	struct queue queue;
	enum pid_prefix prefix;
	bool trace_on_stderr;		/* attach messages go into the trace's stream */
	const char *separate_base;	/* -ff: FILE of FILE.PID */
	struct task *tasks;		/* by tid, open addressing */
	size_t tasks_capacity;
	unsigned int nprocs;		/* traced threads alive, as strace counts them */
	uint32_t open_tid;		/* whose line ends in a head; 0: none */
	struct outbuf *open_out;	/* where that line goes */
	struct linebuf *head;		/* that head, while it is held back */
	bool head_pending;		/* head not yet written */
	bool head_more;			/* arguments follow it: ", " when written */
	struct path_filter paths;	/* -P */
	bool track_fds;			/* -y or -P: keep the fd table */
	/* Calls the kernel sends only for the fd table (fdtrack_follow_only). */
	uint64_t follow_only[SYSCALL_NR_MAX / 64];
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
	/*
	 * The call record last decoded (in the queue's arena), so that its
	 * exit, which usually prints right after its entry, is not expanded
	 * and decoded again; cleared when the arena moves.
	 */
	const void *decoded_rec;
	struct decoded_call decoded;
	struct expanded_call *expanded;
	/* Last: consumer_init leaves their 320 KiB of data as it finds it. */
	struct outbuf out;		/* the trace (-o FILE, or stderr) */
	struct linebuf line;
};

/*
 * false (after a message) when memory or an output file is missing.  leader
 * is the command's pid (-y reads its fds), or 0.
 */
bool consumer_init(struct consumer *c, int fd, const struct options *opts, pid_t leader);
/*
 * The output format and its state, allocated once before tracing starts:
 * false with a message on stderr.
 */
bool consumer_set_format(struct consumer *c, const struct options *opts);
/* A thread traced from the start (the command, an attached pid). */
void consumer_add_task(struct consumer *c, uint32_t tid);
/* The ring reader's callback (ring_reader.h): queue the record. */
int consumer_handle(void *ctx, void *data, size_t size);
/*
 * Print everything that happened before now_ns minus a margin, given the
 * calls in flight at now_ns; a call in flight for longer than a moment
 * shows its head, as strace's does while it blocks.  Called once per look
 * at the calls in flight: between two, nothing more can be due.
 */
void consumer_tick(struct consumer *c, uint64_t now_ns, const struct inflight_call *inflight,
		   size_t ninflight);
/* Say "Process N detached" for each thread still traced (strace's detach). */
void consumer_detach_all(struct consumer *c);
/* Print all that is queued and close the outputs. */
void consumer_finish(struct consumer *c);
/* Write buffered output; false if a write failed. */
bool consumer_flush(struct consumer *c);
void consumer_free(struct consumer *c);

#endif
