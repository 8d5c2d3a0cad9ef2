// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * strace 6.1's -c table.  Its layout rules, reproduced here: each column
 * is as wide as its header or its widest value, whichever is more; columns
 * are separated by one space; names are left-aligned and the last column
 * is not padded; a zero error count is left blank; rows are sorted stably
 * (ties stay in syscall number order) and a total row closes the table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "summary.h"
#include "syscall_table.h"

static const struct {
	const char *name;
	enum summary_column column;
} column_names[] = {
	{ "time", COL_PERCENT }, { "time_percent", COL_PERCENT },
	{ "time-percent", COL_PERCENT },
	{ "time_total", COL_TOTAL }, { "time-total", COL_TOTAL },
	{ "total_time", COL_TOTAL }, { "total-time", COL_TOTAL },
	{ "min_time", COL_MIN }, { "min-time", COL_MIN }, { "shortest", COL_MIN },
	{ "time_min", COL_MIN }, { "time-min", COL_MIN },
	{ "longest", COL_MAX }, { "max_time", COL_MAX }, { "max-time", COL_MAX },
	{ "time_max", COL_MAX }, { "time-max", COL_MAX },
	{ "avg_time", COL_AVG }, { "avg-time", COL_AVG },
	{ "time_avg", COL_AVG }, { "time-avg", COL_AVG },
	{ "calls", COL_CALLS }, { "count", COL_CALLS },
	{ "error", COL_ERRORS }, { "errors", COL_ERRORS },
	{ "name", COL_NAME }, { "syscall", COL_NAME },
	{ "syscall_name", COL_NAME }, { "syscall-name", COL_NAME },
	{ "none", COL_NONE }, { "nothing", COL_NONE },
};
#define N_COLUMN_NAMES (sizeof(column_names) / sizeof(column_names[0]))

/* Header and the width strace has always given it. */
static const struct {
	const char *header;
	unsigned int width;
} column_desc[COL_COUNT_] = {
	[COL_PERCENT] = { "% time", 6 },
	[COL_TOTAL] = { "seconds", 11 },
	[COL_MIN] = { "shortest", 8 },
	[COL_MAX] = { "longest", 7 },
	[COL_AVG] = { "usecs/call", 11 },
	[COL_CALLS] = { "calls", 9 },
	[COL_ERRORS] = { "errors", 9 },
	[COL_NAME] = { "syscall", 16 },
};

static void usage_error(const char *fmt, const char *arg, int len)
{
	fprintf(stderr, "bstrace: ");
	fprintf(stderr, fmt, len, arg);
	fprintf(stderr, "\nTry 'bstrace -h' for more information.\n");
}

static int column_by_name(const char *s, size_t len)
{
	for (size_t i = 0; i < N_COLUMN_NAMES; i++)
		if (strlen(column_names[i].name) == len && !strncmp(column_names[i].name, s, len))
			return (int)column_names[i].column;
	return -1;
}

void summary_opts_init(struct summary_opts *o)
{
	static const enum summary_column defaults[] = {
		COL_PERCENT, COL_TOTAL, COL_AVG, COL_CALLS, COL_ERRORS, COL_NAME,
	};

	memset(o, 0, sizeof(*o));
	o->sort_by = COL_TOTAL;
	memcpy(o->columns, defaults, sizeof(defaults));
}

bool summary_parse_sort(struct summary_opts *o, const char *arg)
{
	int c = column_by_name(arg, strlen(arg));

	if (c < 0) {
		usage_error("invalid sortby: '%.*s'", arg, (int)strlen(arg));
		return false;
	}
	/* "time" names the percent column, but sorts like the seconds. */
	o->sort_by = c == COL_PERCENT ? COL_TOTAL : (enum summary_column)c;
	return true;
}

bool summary_parse_columns(struct summary_opts *o, const char *arg)
{
	bool seen[COL_COUNT_] = { false };
	const char *p = arg;
	size_t n = 0;

	memset(o->columns, 0, sizeof(o->columns));
	for (;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		int c = column_by_name(p, len);

		if (c <= COL_NONE) {
			usage_error("unknown column name: '%.*s'", p, (int)len);
			return false;
		}
		if (seen[c]) {
			fprintf(stderr, "bstrace: call summary column has been provided more than "
				"once: '%.*s' (-U option residual: '%s')\n"
				"Try 'bstrace -h' for more information.\n", (int)len, p, p);
			return false;
		}
		seen[c] = true;
		o->columns[n++] = (enum summary_column)c;
		if (!comma)
			break;
		p = comma + 1;
	}
	/* A table without names means nothing: strace adds the column. */
	if (!seen[COL_NAME])
		o->columns[n++] = COL_NAME;
	return true;
}

/* strace's ts_float: whole seconds plus the fraction, as doubles. */
static double seconds(uint64_t ns)
{
	return (double)(ns / 1000000000ULL) + (double)(ns % 1000000000ULL) / 1e9;
}

static uint64_t avg_ns(const struct syscall_stats *s)
{
	return s->calls ? s->time_ns / s->calls : 0;
}

static uint64_t avg_usecs(uint64_t ns)
{
	return (uint64_t)(seconds(ns) * 1e6);
}

static enum summary_column sort_key;

static int compare_u64_desc(uint64_t a, uint64_t b)
{
	return a < b ? 1 : a > b ? -1 : 0;
}

/* The number a row is sorted by (descending) for a numeric sort key. */
static uint64_t sort_value(const struct summary_row *row)
{
	switch (sort_key) {
	case COL_PERCENT:
	case COL_TOTAL:
		return row->st.time_ns;
	case COL_MIN:
		return row->st.min_ns;
	case COL_MAX:
		return row->st.max_ns;
	case COL_AVG:
		return avg_ns(&row->st);
	case COL_CALLS:
		return row->st.calls;
	case COL_ERRORS:
		return row->st.errors;
	default:
		return 0;
	}
}

/* Ties keep syscall number order, as strace's (stable) sort leaves them. */
static int compare_rows(const void *pa, const void *pb)
{
	const struct summary_row *a = pa, *b = pb;
	int r;

	if (sort_key == COL_NAME)
		r = strcmp(syscall_display_name(a->nr), syscall_display_name(b->nr));
	else
		r = compare_u64_desc(sort_value(a), sort_value(b));
	if (!r)
		r = a->nr < b->nr ? -1 : a->nr > b->nr;
	return r;
}

/* Totals of the table, and the widest value of each column. */
struct table_totals {
	struct syscall_stats sum;	/* calls, errors, time; min/max over rows */
	uint64_t widest_min_ns;		/* strace sizes "shortest" by the largest min */
	uint64_t widest_avg_ns;
	size_t longest_name;
};

static size_t count_chars(const char *fmt, uint64_t v)
{
	char tmp[64];
	int n = snprintf(tmp, sizeof(tmp), fmt, (unsigned long long)v);

	return n > 0 ? (size_t)n : 0;
}

static size_t count_seconds_chars(uint64_t ns)
{
	char tmp[64];
	int n = snprintf(tmp, sizeof(tmp), "%.6f", seconds(ns));

	return n > 0 ? (size_t)n : 0;
}

static void add_up(struct table_totals *t, const struct summary_row *rows, size_t n)
{
	memset(t, 0, sizeof(*t));
	t->sum.min_ns = UINT64_MAX;
	for (size_t i = 0; i < n; i++) {
		const struct syscall_stats *s = &rows[i].st;
		size_t len = strlen(syscall_display_name(rows[i].nr));

		t->sum.calls += s->calls;
		t->sum.errors += s->errors;
		t->sum.time_ns += s->time_ns;
		if (s->min_ns < t->sum.min_ns)
			t->sum.min_ns = s->min_ns;
		if (s->min_ns > t->widest_min_ns)
			t->widest_min_ns = s->min_ns;
		if (s->max_ns > t->sum.max_ns)
			t->sum.max_ns = s->max_ns;
		if (avg_ns(s) > t->widest_avg_ns)
			t->widest_avg_ns = avg_ns(s);
		if (len > t->longest_name)
			t->longest_name = len;
	}
}

static unsigned int max_width(unsigned int a, size_t b)
{
	return b > a ? (unsigned int)b : a;
}

static void column_widths(const struct table_totals *t, unsigned int *w)
{
	for (int c = 0; c < COL_COUNT_; c++)
		w[c] = column_desc[c].width;
	w[COL_PERCENT] = max_width(w[COL_PERCENT], strlen("100.00"));
	w[COL_TOTAL] = max_width(w[COL_TOTAL], count_seconds_chars(t->sum.time_ns));
	w[COL_MIN] = max_width(w[COL_MIN], count_chars("%llu.000000", t->widest_min_ns / 1000000000ULL));
	w[COL_MAX] = max_width(w[COL_MAX], count_chars("%llu.000000", t->sum.max_ns / 1000000000ULL));
	w[COL_AVG] = max_width(w[COL_AVG], count_chars("%llu", avg_usecs(t->widest_avg_ns)));
	w[COL_CALLS] = max_width(w[COL_CALLS], count_chars("%llu", t->sum.calls));
	w[COL_ERRORS] = max_width(w[COL_ERRORS], count_chars("%llu", t->sum.errors));
	w[COL_NAME] = max_width(w[COL_NAME], t->longest_name + 1);
}

/* The values of one row (or of the total row) in display form. */
struct row_values {
	double percent;
	uint64_t time_ns, min_ns, max_ns, avg_us, calls, errors;
	const char *name;
};

static void put_cell(struct linebuf *lb, enum summary_column c, unsigned int w, bool last,
		     const struct row_values *v)
{
	int width = (int)w;

	switch (c) {
	case COL_PERCENT:
		line_printf(lb, "%*.2f", width, v->percent);
		break;
	case COL_TOTAL:
		line_printf(lb, "%*.6f", width, seconds(v->time_ns));
		break;
	case COL_MIN:
		line_printf(lb, "%*.6f", width, seconds(v->min_ns));
		break;
	case COL_MAX:
		line_printf(lb, "%*.6f", width, seconds(v->max_ns));
		break;
	case COL_AVG:
		line_printf(lb, "%*llu", width, (unsigned long long)v->avg_us);
		break;
	case COL_CALLS:
		line_printf(lb, "%*llu", width, (unsigned long long)v->calls);
		break;
	case COL_ERRORS:
		/* "%.0llu": a zero count prints as nothing. */
		line_printf(lb, "%*.0llu", width, (unsigned long long)v->errors);
		break;
	case COL_NAME:
		if (last)
			line_puts(lb, v->name);
		else
			line_printf(lb, "%-*s", width, v->name);
		break;
	default:
		break;
	}
}

static size_t column_count(const struct summary_opts *o)
{
	size_t n = 0;

	while (n < COL_COUNT_ && o->columns[n] != COL_NONE)
		n++;
	return n;
}

static void put_header(struct outbuf *out, struct linebuf *lb, const struct summary_opts *o,
		       const unsigned int *w, size_t ncol)
{
	line_reset(lb);
	for (size_t i = 0; i < ncol; i++) {
		enum summary_column c = o->columns[i];

		if (i)
			line_putc(lb, ' ');
		if (c == COL_NAME && i + 1 == ncol)
			line_puts(lb, column_desc[c].header);
		else if (c == COL_NAME)
			line_printf(lb, "%-*s", (int)w[c], column_desc[c].header);
		else
			line_printf(lb, "%*s", (int)w[c], column_desc[c].header);
	}
	line_putc(lb, '\n');
	out_line(out, lb);
}

static void put_divider(struct outbuf *out, struct linebuf *lb, const struct summary_opts *o,
			const unsigned int *w, size_t ncol)
{
	line_reset(lb);
	for (size_t i = 0; i < ncol; i++) {
		if (i)
			line_putc(lb, ' ');
		for (unsigned int j = 0; j < w[o->columns[i]]; j++)
			line_putc(lb, '-');
	}
	line_putc(lb, '\n');
	out_line(out, lb);
}

static void put_row(struct outbuf *out, struct linebuf *lb, const struct summary_opts *o,
		    const unsigned int *w, size_t ncol, const struct row_values *v)
{
	line_reset(lb);
	for (size_t i = 0; i < ncol; i++) {
		if (i)
			line_putc(lb, ' ');
		put_cell(lb, o->columns[i], w[o->columns[i]], i + 1 == ncol, v);
	}
	line_putc(lb, '\n');
	out_line(out, lb);
}

/* Rows without calls go to the end; returns how many have calls. */
static size_t drop_empty(struct summary_row *rows, size_t n)
{
	size_t kept = 0;

	for (size_t i = 0; i < n; i++) {
		if (!rows[i].st.calls)
			continue;
		if (kept != i) {
			struct summary_row tmp = rows[kept];

			rows[kept] = rows[i];
			rows[i] = tmp;
		}
		kept++;
	}
	return kept;
}

static struct linebuf table_line;

/*
 * When -c timed only some calls (summary_sample_shift in the BPF side),
 * the time of all of them is the time measured times calls / timed.
 */
void summary_scale_sampled(struct syscall_stats *s)
{
	if (!s->timed || s->timed >= s->calls)
		return;
	s->time_ns = (uint64_t)((double)s->time_ns * (double)s->calls / (double)s->timed);
	s->timed = s->calls;
}

bool summary_samples_times(const struct summary_opts *o)
{
	bool every_call = o->histogram || o->min_duration_ns ||
			  o->sort_by == COL_MIN || o->sort_by == COL_MAX;

	for (int i = 0; i < COL_COUNT_ && o->columns[i] != COL_NONE; i++)
		every_call |= o->columns[i] == COL_MIN || o->columns[i] == COL_MAX;
	return o->mode == SUMMARY_ONLY && !every_call;
}

void summary_print_table(struct outbuf *out, const struct summary_opts *o,
			 struct summary_row *rows, size_t n)
{
	struct table_totals t;
	unsigned int w[COL_COUNT_];
	size_t ncol = column_count(o);
	double total_seconds;
	struct row_values v;

	n = drop_empty(rows, n);
	if (!n)
		return;
	for (size_t i = 0; i < n; i++)
		summary_scale_sampled(&rows[i].st);
	add_up(&t, rows, n);
	column_widths(&t, w);
	total_seconds = seconds(t.sum.time_ns);
	sort_key = o->sort_by;
	qsort(rows, n, sizeof(*rows), compare_rows);

	put_header(out, &table_line, o, w, ncol);
	put_divider(out, &table_line, o, w, ncol);
	for (size_t i = 0; i < n; i++) {
		const struct syscall_stats *s = &rows[i].st;

		v.percent = 100.0 * seconds(s->time_ns);
		/* Both can be zero: 0/0 would print "nan". */
		if (v.percent != 0.0)
			v.percent /= total_seconds;
		v.time_ns = s->time_ns;
		v.min_ns = s->min_ns;
		v.max_ns = s->max_ns;
		v.avg_us = avg_usecs(avg_ns(s));
		v.calls = s->calls;
		v.errors = s->errors;
		v.name = syscall_display_name(rows[i].nr);
		put_row(out, &table_line, o, w, ncol, &v);
	}
	put_divider(out, &table_line, o, w, ncol);
	v.percent = 100.0;
	v.time_ns = t.sum.time_ns;
	v.min_ns = t.sum.min_ns;
	v.max_ns = t.sum.max_ns;
	v.avg_us = (uint64_t)(total_seconds / (double)t.sum.calls * 1e6);
	v.calls = t.sum.calls;
	v.errors = t.sum.errors;
	v.name = "total";
	put_row(out, &table_line, o, w, ncol, &v);
}

/* "[4, 8)", "[1K, 2K)": bpftrace's bucket labels, in microseconds. */
static void put_bound(struct linebuf *lb, uint64_t v)
{
	static const char suffix[] = "KMGT";
	int i = -1;

	while (v >= 1024 && v % 1024 == 0 && i < 3) {
		v /= 1024;
		i++;
	}
	line_printf(lb, "%llu", (unsigned long long)v);
	if (i >= 0)
		line_putc(lb, suffix[i]);
}

static void put_bucket(struct linebuf *lb, int slot, uint64_t count, uint64_t peak)
{
	enum { BAR = 52 };
	size_t start = lb->len;
	unsigned int bar = peak ? (unsigned int)(count * BAR / peak) : 0;

	line_putc(lb, '[');
	if (slot == 0) {
		line_puts(lb, "0, 1");
	} else {
		put_bound(lb, 1ULL << (slot - 1));
		line_puts(lb, ", ");
		put_bound(lb, 1ULL << slot);
	}
	line_putc(lb, ')');
	line_pad_to(lb, start + 20);
	line_printf(lb, "%8llu |", (unsigned long long)count);
	for (unsigned int i = 0; i < BAR; i++)
		line_putc(lb, i < bar ? '@' : ' ');
	line_puts(lb, "|\n");
}

static void print_histogram(struct outbuf *out, const struct summary_row *row)
{
	const __u64 *h = row->st.hist;
	int first = -1, last = -1;
	uint64_t peak = 0;

	for (int i = 0; i < SUMMARY_HIST_SLOTS; i++) {
		if (!h[i])
			continue;
		if (first < 0)
			first = i;
		last = i;
		if (h[i] > peak)
			peak = h[i];
	}
	if (first < 0)
		return;
	line_reset(&table_line);
	if (row->tgid)
		line_printf(&table_line, "@usecs[%u, %s]:\n", row->tgid, syscall_display_name(row->nr));
	else
		line_printf(&table_line, "@usecs[%s]:\n", syscall_display_name(row->nr));
	for (int i = first; i <= last; i++)
		put_bucket(&table_line, i, h[i], peak);
	line_putc(&table_line, '\n');
	out_line(out, &table_line);
}

void summary_print_histograms(struct outbuf *out, struct summary_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (rows[i].st.calls)
			print_histogram(out, &rows[i]);
}

static int compare_tgid(const void *pa, const void *pb)
{
	const struct summary_row *a = pa, *b = pb;

	if (a->tgid != b->tgid)
		return a->tgid < b->tgid ? -1 : 1;
	return a->nr < b->nr ? -1 : a->nr > b->nr;
}

void summary_print(struct outbuf *out, const struct summary_opts *o,
		   struct summary_row *rows, size_t n)
{
	size_t i = 0;

	if (!o->per_process) {
		summary_print_table(out, o, rows, n);
		if (o->histogram) {
			qsort(rows, n, sizeof(*rows), compare_tgid);
			summary_print_histograms(out, rows, n);
		}
		return;
	}
	qsort(rows, n, sizeof(*rows), compare_tgid);
	while (i < n) {
		size_t j = i;

		while (j < n && rows[j].tgid == rows[i].tgid)
			j++;
		line_reset(&table_line);
		line_printf(&table_line, "Process %u:\n", rows[i].tgid);
		out_line(out, &table_line);
		if (o->histogram)
			summary_print_histograms(out, rows + i, j - i);
		summary_print_table(out, o, rows + i, j - i);
		i = j;
	}
}

void summary_add_cpu_values(struct syscall_stats *sum, const struct syscall_stats *per_cpu,
			    int ncpus)
{
	for (int cpu = 0; cpu < ncpus; cpu++) {
		const struct syscall_stats *s = &per_cpu[cpu];

		if (!s->calls)
			continue;
		if (s->timed && (!sum->timed || s->min_ns < sum->min_ns))
			sum->min_ns = s->min_ns;
		if (s->max_ns > sum->max_ns)
			sum->max_ns = s->max_ns;
		sum->calls += s->calls;
		sum->errors += s->errors;
		sum->timed += s->timed;
		sum->time_ns += s->time_ns;
		for (int i = 0; i < SUMMARY_HIST_SLOTS; i++)
			sum->hist[i] += s->hist[i];
	}
}

/*
 * An interval's numbers are the difference of two readings, both sorted by
 * (tgid, nr); the shortest and longest calls are those of the run so far.
 */
void summary_subtract(struct summary_row *rows, size_t n,
		      const struct summary_row *prev, size_t nprev)
{
	size_t j = 0;

	for (size_t i = 0; i < n; i++) {
		struct syscall_stats *s = &rows[i].st;
		const struct syscall_stats *p;

		while (j < nprev && compare_tgid(&prev[j], &rows[i]) < 0)
			j++;
		if (j == nprev || compare_tgid(&prev[j], &rows[i]))
			continue;
		p = &prev[j].st;
		s->calls -= p->calls;
		s->errors -= p->errors;
		s->timed -= p->timed;
		s->time_ns -= p->time_ns;
		for (int k = 0; k < SUMMARY_HIST_SLOTS; k++)
			s->hist[k] -= p->hist[k];
	}
}

void summary_sort_by_process(struct summary_row *rows, size_t n)
{
	qsort(rows, n, sizeof(*rows), compare_tgid);
}
