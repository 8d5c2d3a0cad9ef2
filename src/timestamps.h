/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * strace's time columns: -t/-tt/-ttt and --absolute-timestamps (before the
 * line), -r and --relative-timestamps (time since the previous line), -T
 * and --syscall-times (time spent in the call, after the return value).
 * The kernel stamps records with CLOCK_MONOTONIC; one offset taken at
 * start turns that into wall-clock time.
 */
#ifndef BSTRACE_TIMESTAMPS_H
#define BSTRACE_TIMESTAMPS_H

#include <stdbool.h>
#include <stdint.h>

#include "outbuf.h"

enum ts_format { TS_NONE, TS_TIME, TS_UNIX };

struct time_opts {
	enum ts_format absolute;	/* -t, -ttt, --absolute-timestamps */
	int absolute_digits;		/* 0 (s), 3 (ms), 6 (us), 9 (ns) */
	bool absolute_given;		/* --absolute-timestamps was used */
	int t_count;			/* how many -t */
	bool relative;			/* -r */
	int relative_digits;
	bool syscall_times;		/* -T */
	int syscall_times_digits;
};

void time_opts_init(struct time_opts *t);
/* Apply the -t count once options are read; false with a message. */
bool time_opts_finish(struct time_opts *t);
/* --absolute-timestamps=[[format:]FMT,][[precision:]PREC]; false if bad. */
bool time_parse_absolute(struct time_opts *t, const char *arg);
/* s|ms|us|ns for -r and -T; false if bad. */
bool time_parse_precision(const char *arg, int *digits);

struct time_state {
	const struct time_opts *opts;
	int64_t realtime_offset_ns;	/* realtime - monotonic */
	uint64_t last_ns;		/* -r: the previous line's time */
};

void time_state_init(struct time_state *ts, const struct time_opts *opts);
/* CLOCK_MONOTONIC now, in ns: the kernel's stamps' clock. */
uint64_t monotonic_ns(void);
/* The columns before a line stamped mono_ns (CLOCK_MONOTONIC). */
void time_put_prefix(struct linebuf *lb, struct time_state *ts, uint64_t mono_ns);
/* -T's " <0.000123>" for a call that took ns. */
void time_put_duration(struct linebuf *lb, const struct time_opts *opts, uint64_t ns);

#endif
