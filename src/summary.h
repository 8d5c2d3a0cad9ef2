/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * -c / -C: strace 6.1's summary table, from the statistics the kernel side
 * keeps per syscall (bpf/summary.bpf.h); --histogram, --per-process and
 * --interval views of the same numbers.
 */
#ifndef BSTRACE_SUMMARY_H
#define BSTRACE_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/types.h>

#include "outbuf.h"
#include "../bpf/record.h"

enum summary_column {
	COL_NONE = 0,
	COL_PERCENT,		/* % time */
	COL_TOTAL,		/* seconds */
	COL_MIN,		/* shortest */
	COL_MAX,		/* longest */
	COL_AVG,		/* usecs/call */
	COL_CALLS,
	COL_ERRORS,
	COL_NAME,		/* syscall */
	COL_COUNT_
};

struct summary_opts {
	enum summary_mode mode;		/* -c, -C */
	bool wall_clock;		/* -w */
	bool per_process;		/* --per-process */
	bool histogram;			/* --histogram */
	uint64_t overhead_ns;		/* -O */
	uint64_t min_duration_ns;	/* --min-duration */
	uint64_t interval_ns;		/* --interval */
	enum summary_column sort_by;	/* -S; COL_NONE: syscall number order */
	enum summary_column columns[COL_COUNT_];	/* -U, COL_NONE-terminated */
};

/* Defaults: sort by time, strace's six columns. */
void summary_opts_init(struct summary_opts *o);
/* -S and -U; false after strace's one-line message on stderr. */
bool summary_parse_sort(struct summary_opts *o, const char *arg);
bool summary_parse_columns(struct summary_opts *o, const char *arg);

/* One row of statistics: a syscall, in one process or (tgid 0) in all. */
struct summary_row {
	uint32_t tgid;
	uint32_t nr;
	struct syscall_stats st;
};

/*
 * -c times one call in 2^SUMMARY_SAMPLE_SHIFT of a syscall after its
 * first calls on a CPU, unless what is asked for needs every call's time:
 * the shortest or longest call, --histogram, --min-duration.
 */
#define SUMMARY_SAMPLE_SHIFT	4
bool summary_samples_times(const struct summary_opts *o);
/* Scale the time measured of the calls timed up to all the calls. */
void summary_scale_sampled(struct syscall_stats *s);

/*
 * Print the table of the rows of one process (all rows when tgid is 0),
 * as strace -c does; nothing when no call was counted.  Reorders rows and
 * scales their sampled times.
 */
void summary_print_table(struct outbuf *out, const struct summary_opts *o,
			 struct summary_row *rows, size_t n);
/* --histogram: a log2 latency histogram per syscall, bpftrace style. */
void summary_print_histograms(struct outbuf *out, struct summary_row *rows, size_t n);
/* Everything the options ask for, per process when --per-process. */
void summary_print(struct outbuf *out, const struct summary_opts *o,
		   struct summary_row *rows, size_t n);

/* Add the per-CPU values of one map entry into a row. */
void summary_add_cpu_values(struct syscall_stats *sum, const struct syscall_stats *per_cpu,
			    int ncpus);
/* Order rows by (tgid, nr), as summary_subtract wants them. */
void summary_sort_by_process(struct summary_row *rows, size_t n);
/* rows -= prev, row by row, both sorted by (tgid, nr) (--interval). */
void summary_subtract(struct summary_row *rows, size_t n,
		      const struct summary_row *prev, size_t nprev);

#endif
