// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "timestamps.h"

void time_opts_init(struct time_opts *t)
{
	memset(t, 0, sizeof(*t));
	t->absolute_digits = 0;
	t->relative_digits = 6;
	t->syscall_times_digits = 6;
}

bool time_opts_finish(struct time_opts *t)
{
	if (t->t_count && t->absolute_given) {
		fprintf(stderr, "bstrace: -t and --absolute-timestamps cannot be provided simultaneously\n");
		return false;
	}
	if (t->t_count) {
		t->absolute = t->t_count >= 3 ? TS_UNIX : TS_TIME;
		t->absolute_digits = t->t_count >= 2 ? 6 : 0;
	}
	return true;
}

bool time_parse_precision(const char *arg, int *digits)
{
	static const struct { const char *name; int digits; } units[] = {
		{ "s", 0 }, { "ms", 3 }, { "us", 6 }, { "ns", 9 },
	};

	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (!strcmp(arg, units[i].name)) {
			*digits = units[i].digits;
			return true;
		}
	}
	return false;
}

static bool parse_format(const char *s, enum ts_format *f)
{
	if (!strcmp(s, "none"))
		*f = TS_NONE;
	else if (!strcmp(s, "time"))
		*f = TS_TIME;
	else if (!strcmp(s, "unix"))
		*f = TS_UNIX;
	else
		return false;
	return true;
}

/* Each comma-separated item is format:X, precision:Y, or a bare X or Y. */
static bool parse_absolute_item(struct time_opts *t, const char *item)
{
	if (!strncmp(item, "format:", 7))
		return parse_format(item + 7, &t->absolute);
	if (!strncmp(item, "precision:", 10))
		return time_parse_precision(item + 10, &t->absolute_digits);
	return parse_format(item, &t->absolute) ||
	       time_parse_precision(item, &t->absolute_digits);
}

bool time_parse_absolute(struct time_opts *t, const char *arg)
{
	char copy[128];
	char *item, *save = NULL;

	t->absolute_given = true;
	t->absolute = TS_TIME;
	if (!arg)
		return true;
	if (snprintf(copy, sizeof(copy), "%s", arg) >= (int)sizeof(copy) || !*copy)
		return false;
	for (item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save))
		if (!parse_absolute_item(t, item))
			return false;
	return true;
}

void time_state_init(struct time_state *ts, const struct time_opts *opts)
{
	struct timespec mono, real;

	clock_gettime(CLOCK_MONOTONIC, &mono);
	clock_gettime(CLOCK_REALTIME, &real);
	ts->opts = opts;
	ts->realtime_offset_ns = (real.tv_sec - mono.tv_sec) * 1000000000LL +
				 (real.tv_nsec - mono.tv_nsec);
	ts->last_ns = 0;
}

/* ".uuuuuu": the fraction of a second ns, cut to digits. */
static void put_fraction(struct linebuf *lb, uint64_t frac_ns, int digits)
{
	uint64_t divisor = 1;

	for (int i = digits; i < 9; i++)
		divisor *= 10;
	if (digits)
		line_printf(lb, ".%0*llu", digits, (unsigned long long)(frac_ns / divisor));
}

static void put_absolute(struct linebuf *lb, const struct time_opts *t, uint64_t real_ns)
{
	time_t sec = (time_t)(real_ns / 1000000000ULL);
	struct tm tm;
	char buf[32];

	if (t->absolute == TS_UNIX) {
		line_printf(lb, "%lld", (long long)sec);
	} else {
		localtime_r(&sec, &tm);
		strftime(buf, sizeof(buf), "%H:%M:%S", &tm);
		line_puts(lb, buf);
	}
	put_fraction(lb, real_ns % 1000000000ULL, t->absolute_digits);
}

static void put_relative(struct linebuf *lb, int digits, uint64_t ns)
{
	line_printf(lb, "%6llu", (unsigned long long)(ns / 1000000000ULL));
	put_fraction(lb, ns % 1000000000ULL, digits);
}

uint64_t monotonic_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

void time_put_prefix(struct linebuf *lb, struct time_state *ts, uint64_t mono_ns)
{
	const struct time_opts *t = ts->opts;
	uint64_t delta;

	if (t->absolute != TS_NONE) {
		put_absolute(lb, t, mono_ns + ts->realtime_offset_ns);
		line_putc(lb, ' ');
	}
	if (!t->relative)
		return;
	delta = ts->last_ns && mono_ns > ts->last_ns ? mono_ns - ts->last_ns : 0;
	ts->last_ns = mono_ns;
	if (t->absolute != TS_NONE)
		line_puts(lb, "(+");
	put_relative(lb, t->relative_digits, delta);
	line_puts(lb, t->absolute != TS_NONE ? ") " : " ");
}

void time_put_duration(struct linebuf *lb, const struct time_opts *opts, uint64_t ns)
{
	if (!opts->syscall_times)
		return;
	line_puts(lb, " <");
	line_printf(lb, "%llu", (unsigned long long)(ns / 1000000000ULL));
	put_fraction(lb, ns % 1000000000ULL, opts->syscall_times_digits);
	line_putc(lb, '>');
}
