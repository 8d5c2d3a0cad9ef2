// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "summary_report.h"
#include "timeparse.h"
#include "timestamps.h"

int summary_report_init(struct summary_report *r, const struct summary_opts *opts,
			const struct tracer *t)
{
	memset(r, 0, sizeof(*r));
	r->opts = opts;
	if (opts->mode == SUMMARY_OFF)
		return 0;
	/* Allocated once: the reports themselves allocate nothing. */
	r->capacity = tracer_stats_capacity(t);
	r->rows = calloc(r->capacity, sizeof(*r->rows));
	if (opts->interval_ns) {
		r->prev = calloc(r->capacity, sizeof(*r->prev));
		r->reading = calloc(r->capacity, sizeof(*r->reading));
		r->next_ns = monotonic_ns() + opts->interval_ns;
	}
	if (!r->rows || (opts->interval_ns && (!r->prev || !r->reading))) {
		fprintf(stderr, "bstrace: cannot allocate the summary\n");
		return -1;
	}
	return 0;
}

int summary_report_timeout_ms(const struct summary_report *r, int longest)
{
	uint64_t now, wait_ms;

	if (!r->next_ns)
		return longest;
	now = monotonic_ns();
	if (now >= r->next_ns)
		return 0;
	wait_ms = (r->next_ns - now + NS_PER_MS - 1) / NS_PER_MS;
	return wait_ms < (uint64_t)longest ? (int)wait_ms : longest;
}

static void print_interval_header(struct outbuf *out, const struct summary_opts *o)
{
	static struct linebuf lb;
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%H:%M:%S", &tm);
	line_reset(&lb);
	line_printf(&lb, "--- %s, last %.3g s ---\n", stamp, (double)o->interval_ns / 1e9);
	out_line(out, &lb);
}

void summary_report_tick(struct summary_report *r, struct tracer *t, struct outbuf *out)
{
	size_t n;

	if (!r->next_ns || monotonic_ns() < r->next_ns)
		return;
	r->next_ns += r->opts->interval_ns;
	n = tracer_read_stats(t, r->reading, r->capacity);
	memcpy(r->rows, r->reading, n * sizeof(*r->rows));
	summary_subtract(r->rows, n, r->prev, r->nprev);
	print_interval_header(out, r->opts);
	summary_print(out, r->opts, r->rows, n);
	out_flush(out);
	/* This reading is the base of the next interval. */
	memcpy(r->prev, r->reading, n * sizeof(*r->prev));
	r->nprev = n;
}

void summary_report_final(struct summary_report *r, struct tracer *t, struct outbuf *out)
{
	size_t n;

	if (!r->rows)
		return;
	n = tracer_read_stats(t, r->rows, r->capacity);
	if (r->next_ns && n)
		out_write(out, "--- whole run ---\n", strlen("--- whole run ---\n"));
	summary_print(out, r->opts, r->rows, n);
}

void summary_report_free(struct summary_report *r)
{
	free(r->rows);
	free(r->prev);
	free(r->reading);
	r->rows = r->prev = r->reading = NULL;
}
