// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * perf trace's summary, from the records: per thread, per syscall, the
 * count, failures, total, min, max, and Welford's running mean and M2 for
 * perf's stddev (the standard error of the mean, as a % of the mean).
 * Fixed open-addressing tables allocated at start-up keep the hot path
 * free of allocation; what does not fit is counted and reported.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errnames.h"
#include "summary_perf.h"

#define THREAD_SLOTS	1024
#define STAT_SLOTS	16384
#define ERRNO_SLOTS	4096

struct thread_entry {
	uint32_t tid;			/* 0: free */
	uint64_t events;		/* perf counts entry and exit: 2 per call */
	char comm[REC_COMM_LEN];
};

struct stat_entry {
	uint32_t tid;			/* 0: free */
	int32_t nr;
	uint64_t calls, errors, total_ns, min_ns, max_ns;
	double mean, m2;
};

struct errno_entry {
	uint32_t tid;			/* 0: free */
	int32_t nr;
	int32_t err;
	uint64_t count;
};

struct perf_summary {
	bool errno_summary;
	uint64_t dropped;
	uint64_t events;
	struct thread_entry threads[THREAD_SLOTS];
	struct stat_entry stats[STAT_SLOTS];
	struct errno_entry errnos[ERRNO_SLOTS];
	/* Scratch for printing, sized once. */
	const struct thread_entry *thread_order[THREAD_SLOTS];
	const struct stat_entry *row_order[STAT_SLOTS];
	const struct errno_entry *errno_order[ERRNO_SLOTS];
};

struct perf_summary *summary_perf_new(bool errno_summary)
{
	struct perf_summary *s = calloc(1, sizeof(*s));

	if (!s) {
		fprintf(stderr, "bstrace: summary tables: %s\n", strerror(ENOMEM));
		return NULL;
	}
	s->errno_summary = errno_summary;
	return s;
}

void summary_perf_free(struct perf_summary *s)
{
	free(s);
}

uint64_t summary_perf_dropped(const struct perf_summary *s)
{
	return s->dropped;
}

static size_t hash(uint32_t tid, int32_t nr, int32_t err, size_t slots)
{
	uint64_t h = ((uint64_t)tid * 0x9e3779b97f4a7c15ULL) ^ ((uint64_t)(uint32_t)nr << 20) ^
		     (uint64_t)(uint32_t)err;

	return (size_t)((h ^ (h >> 29)) % slots);
}

static struct thread_entry *thread_slot(struct perf_summary *s, uint32_t tid)
{
	size_t i = hash(tid, 0, 0, THREAD_SLOTS);

	for (size_t tries = 0; tries < THREAD_SLOTS; tries++, i = (i + 1) % THREAD_SLOTS) {
		if (s->threads[i].tid == tid || !s->threads[i].tid) {
			s->threads[i].tid = tid;
			return &s->threads[i];
		}
	}
	return NULL;
}

static struct stat_entry *stat_slot(struct perf_summary *s, uint32_t tid, int32_t nr)
{
	size_t i = hash(tid, nr, 0, STAT_SLOTS);

	for (size_t tries = 0; tries < STAT_SLOTS; tries++, i = (i + 1) % STAT_SLOTS) {
		struct stat_entry *e = &s->stats[i];

		if (!e->tid) {
			e->tid = tid;
			e->nr = nr;
			return e;
		}
		if (e->tid == tid && e->nr == nr)
			return e;
	}
	return NULL;
}

static bool count_errno(struct perf_summary *s, uint32_t tid, int32_t nr, int32_t err)
{
	size_t i = hash(tid, nr, err, ERRNO_SLOTS);

	for (size_t tries = 0; tries < ERRNO_SLOTS; tries++, i = (i + 1) % ERRNO_SLOTS) {
		struct errno_entry *e = &s->errnos[i];

		if (!e->tid) {
			*e = (struct errno_entry){ .tid = tid, .nr = nr, .err = err };
		}
		if (e->tid == tid && e->nr == nr && e->err == err) {
			e->count++;
			return true;
		}
	}
	return false;
}

static void add_duration(struct stat_entry *e, uint64_t ns)
{
	double delta = (double)ns - e->mean;

	if (!e->calls || ns < e->min_ns)
		e->min_ns = ns;
	if (ns > e->max_ns)
		e->max_ns = ns;
	e->calls++;
	e->total_ns += ns;
	e->mean += delta / (double)e->calls;
	e->m2 += delta * ((double)ns - e->mean);
}

void summary_perf_add(struct perf_summary *s, const struct decoded_call *call)
{
	const struct rec_call *rec = call->rec;
	bool returned = !(rec->flags & CALL_NO_RETURN);
	struct thread_entry *t = thread_slot(s, rec->tid);
	struct stat_entry *e;

	if (!t) {
		s->dropped++;
		return;
	}
	memcpy(t->comm, rec->comm, REC_COMM_LEN);
	t->comm[REC_COMM_LEN - 1] = '\0';
	t->events += returned ? 2 : 1;
	s->events += returned ? 2 : 1;
	/* perf counts a call at its exit: exit and exit_group have none. */
	if (!returned)
		return;
	e = stat_slot(s, rec->tid, rec->nr);
	if (!e) {
		s->dropped++;
		return;
	}
	add_duration(e, rec->exit_ns - rec->enter_ns);
	if (!RET_IS_ERROR(rec->ret))
		return;
	e->errors++;
	if (s->errno_summary && !count_errno(s, rec->tid, rec->nr, (int32_t)-rec->ret))
		s->dropped++;
}

static int by_events(const void *a, const void *b)
{
	const struct thread_entry *x = *(const struct thread_entry *const *)a;
	const struct thread_entry *y = *(const struct thread_entry *const *)b;

	return (x->events > y->events) - (x->events < y->events);
}

static int by_total_desc(const void *a, const void *b)
{
	const struct stat_entry *x = *(const struct stat_entry *const *)a;
	const struct stat_entry *y = *(const struct stat_entry *const *)b;

	return (x->total_ns < y->total_ns) - (x->total_ns > y->total_ns);
}

static int by_errno(const void *a, const void *b)
{
	const struct errno_entry *x = *(const struct errno_entry *const *)a;
	const struct errno_entry *y = *(const struct errno_entry *const *)b;

	return (x->err > y->err) - (x->err < y->err);
}

static void print_errnos(struct perf_summary *s, struct linebuf *lb, const struct stat_entry *e)
{
	size_t n = 0;

	for (size_t i = 0; i < ERRNO_SLOTS; i++)
		if (s->errnos[i].tid == e->tid && s->errnos[i].nr == e->nr)
			s->errno_order[n++] = &s->errnos[i];
	/* perf lists a call's errnos in numeric order. */
	qsort(s->errno_order, n, sizeof(s->errno_order[0]), by_errno);
	for (size_t i = 0; i < n; i++) {
		const char *name = errno_name(s->errno_order[i]->err);

		line_puts(lb, "\t\t\t\t");
		if (name)
			line_puts(lb, name);
		else
			line_dec(lb, s->errno_order[i]->err);
		line_printf(lb, ": %llu\n", (unsigned long long)s->errno_order[i]->count);
	}
}

static void print_row(struct linebuf *lb, const struct stat_entry *e)
{
	const struct syscall_desc *desc = syscall_lookup(e->nr);
	double avg = e->mean;
	double stddev = e->calls > 1 ? sqrt(e->m2 / (double)(e->calls - 1) / (double)e->calls) : 0.0;
	double pct = avg ? 100.0 * stddev / avg : 0.0;

	if (desc)
		line_printf(lb, "   %-15s", desc->name);
	else
		line_printf(lb, "   syscall_%-7d", e->nr);
	line_printf(lb, " %8llu %6llu %9.3f %9.3f %9.3f", (unsigned long long)e->calls,
		    (unsigned long long)e->errors, (double)e->total_ns / 1e6,
		    (double)e->min_ns / 1e6, avg / 1e6);
	line_printf(lb, " %9.3f %9.2f%%\n", (double)e->max_ns / 1e6, pct);
}

static void print_thread(struct perf_summary *s, struct outbuf *out, struct linebuf *lb,
			 const struct thread_entry *t)
{
	size_t n = 0;

	line_reset(lb);
	line_printf(lb, " %s (%u), %llu events, %.1f%%\n\n", t->comm, t->tid,
		    (unsigned long long)t->events,
		    s->events ? (double)t->events / (double)s->events * 100.0 : 0.0);
	line_puts(lb, "   syscall            calls  errors  total       min       avg       max       stddev\n");
	line_puts(lb, "                                     (msec)    (msec)    (msec)    (msec)        (%)\n");
	line_puts(lb, "   --------------- --------  ------ -------- --------- --------- ---------     ------\n");
	out_line(out, lb);
	for (size_t i = 0; i < STAT_SLOTS; i++)
		if (s->stats[i].tid == t->tid && s->stats[i].calls)
			s->row_order[n++] = &s->stats[i];
	qsort(s->row_order, n, sizeof(s->row_order[0]), by_total_desc);
	for (size_t i = 0; i < n; i++) {
		line_reset(lb);
		print_row(lb, s->row_order[i]);
		if (s->errno_summary && s->row_order[i]->errors)
			print_errnos(s, lb, s->row_order[i]);
		out_line(out, lb);
	}
	out_write(out, "\n\n", 2);
}

void summary_perf_print(struct perf_summary *s, struct outbuf *out)
{
	static struct linebuf lb;
	size_t n = 0;

	out_write(out, "\n Summary of events:\n\n", 22);
	for (size_t i = 0; i < THREAD_SLOTS; i++)
		if (s->threads[i].tid)
			s->thread_order[n++] = &s->threads[i];
	/* perf lists the busiest thread last. */
	qsort(s->thread_order, n, sizeof(s->thread_order[0]), by_events);
	for (size_t i = 0; i < n; i++)
		print_thread(s, out, &lb, s->thread_order[i]);
}
