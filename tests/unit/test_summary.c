// SPDX-License-Identifier: GPL-2.0-or-later
/* The -c table's layout rules, duration parsing and the interval arithmetic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "summary.h"
#include "syscall_table.h"
#include "timeparse.h"

static struct outbuf out;
static char printed[8192];

/* Print through a pipe into printed[], as the tracer would to its output. */
static const char *render(const struct summary_opts *o, struct summary_row *rows, size_t n)
{
	int fds[2];
	ssize_t len;

	assert_int_equal(pipe(fds), 0);
	out_init(&out, fds[1]);
	summary_print(&out, o, rows, n);
	out_flush(&out);
	close(fds[1]);
	len = read(fds[0], printed, sizeof(printed) - 1);
	close(fds[0]);
	printed[len > 0 ? len : 0] = '\0';
	return printed;
}

static struct summary_row row(const char *name, uint64_t calls, uint64_t errors, uint64_t ns)
{
	struct summary_row r = { .nr = (uint32_t)syscall_by_name(name) };

	r.st.calls = calls;
	r.st.errors = errors;
	r.st.timed = calls;
	r.st.time_ns = ns;
	r.st.min_ns = ns / (calls ? calls : 1);
	r.st.max_ns = ns;
	return r;
}

static void test_default_table(void **state)
{
	struct summary_opts o;
	struct summary_row rows[] = {
		row("read", 7, 0, 42000), row("openat", 34, 13, 435000),
		row("close", 0, 0, 0), row("execve", 1, 0, 866000),
	};

	(void)state;
	summary_opts_init(&o);
	assert_string_equal(render(&o, rows, 4),
		"% time     seconds  usecs/call     calls    errors syscall\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		" 64.48    0.000866         866         1           execve\n"
		" 32.39    0.000435          12        34        13 openat\n"
		"  3.13    0.000042           6         7           read\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		"100.00    0.001343          31        42        13 total\n");
}

static void test_nothing_counted_prints_nothing(void **state)
{
	struct summary_opts o;
	struct summary_row rows[] = { row("close", 0, 0, 0) };

	(void)state;
	summary_opts_init(&o);
	assert_string_equal(render(&o, rows, 1), "");
}

static void test_zero_time_is_not_nan(void **state)
{
	struct summary_opts o;
	struct summary_row rows[] = { row("brk", 3, 0, 0) };

	(void)state;
	summary_opts_init(&o);
	render(&o, rows, 1);
	assert_non_null(strstr(printed, "  0.00    0.000000           0         3           brk\n"));
	assert_null(strstr(printed, "nan"));
}

static void test_columns_and_sort(void **state)
{
	struct summary_opts o;
	struct summary_row rows[] = {
		row("write", 2, 1, 10), row("close", 5, 0, 10),
		row("read", 2, 0, 10), row("a_very_long_syscall_name_x", 0, 0, 0),
	};

	(void)state;
	summary_opts_init(&o);
	assert_true(summary_parse_columns(&o, "calls,errors"));	/* name is added */
	assert_true(summary_parse_sort(&o, "calls"));
	/* Ties (read, write: 2 calls) stay in syscall number order. */
	assert_string_equal(render(&o, rows, 4),
		"    calls    errors syscall\n"
		"--------- --------- ----------------\n"
		"        5           close\n"
		"        2           read\n"
		"        2         1 write\n"
		"--------- --------- ----------------\n"
		"        9         1 total\n");
}

static void test_min_max_columns(void **state)
{
	struct summary_opts o;
	struct summary_row rows[] = { row("nanosleep", 2, 0, 12000000000ULL) };

	(void)state;
	summary_opts_init(&o);
	assert_true(summary_parse_columns(&o, "name,min-time,longest"));
	render(&o, rows, 1);
	/* The name column is padded when it is not the last. */
	assert_string_equal(printed,
		"syscall          shortest   longest\n"
		"---------------- -------- ---------\n"
		"nanosleep        6.000000 12.000000\n"
		"---------------- -------- ---------\n"
		"total            6.000000 12.000000\n");
}

static void test_bad_columns_and_sort(void **state)
{
	struct summary_opts o;
	FILE *saved = stderr;

	(void)state;
	summary_opts_init(&o);
	stderr = fopen("/dev/null", "w");
	assert_false(summary_parse_columns(&o, "calls,bogus"));
	assert_false(summary_parse_columns(&o, "calls,count"));	/* the same column twice */
	assert_false(summary_parse_columns(&o, "none"));
	assert_false(summary_parse_columns(&o, ""));
	assert_false(summary_parse_sort(&o, "wall"));
	assert_false(summary_parse_sort(&o, ""));
	fclose(stderr);
	stderr = saved;
	assert_true(summary_parse_sort(&o, "nothing"));
	assert_int_equal(o.sort_by, COL_NONE);
}

static void test_histogram(void **state)
{
	struct summary_opts o;
	struct summary_row rows[] = { row("read", 5, 0, 100) };

	(void)state;
	summary_opts_init(&o);
	o.histogram = true;
	rows[0].st.hist[0] = 4;		/* < 1 us */
	rows[0].st.hist[12] = 1;	/* [2K, 4K) us */
	render(&o, rows, 1);
	assert_non_null(strstr(printed, "@usecs[read]:\n[0, 1)                     4 |@@@@@"));
	assert_non_null(strstr(printed, "\n[2K, 4K)                   1 |@@@@@@@@@@@@@ "));
	/* Empty buckets between the first and last are shown, outside ones not. */
	assert_non_null(strstr(printed, "\n[1, 2)                     0 |      "));
	assert_null(strstr(printed, "[4K, 8K)"));
}

static void test_subtract(void **state)
{
	struct summary_row now[] = { row("read", 10, 2, 1000), row("write", 4, 0, 400) };
	struct summary_row before[] = { row("read", 6, 1, 600) };

	(void)state;
	summary_sort_by_process(now, 2);
	summary_subtract(now, 2, before, 1);
	assert_int_equal(now[0].st.calls, 4);
	assert_int_equal(now[0].st.errors, 1);
	assert_int_equal(now[0].st.time_ns, 400);
	assert_int_equal(now[1].st.calls, 4);	/* new in this interval */
}

static void test_add_cpu_values(void **state)
{
	struct syscall_stats cpus[4] = {
		{ .calls = 2, .errors = 1, .timed = 2, .time_ns = 50, .min_ns = 20, .max_ns = 30 },
		{ 0 },
		{ .calls = 1, .timed = 1, .time_ns = 5, .min_ns = 5, .max_ns = 5, .hist = { 1 } },
		/* Sampled: calls counted, none timed on this CPU. */
		{ .calls = 7, .errors = 2 },
	};
	struct syscall_stats sum = { 0 };

	(void)state;
	summary_add_cpu_values(&sum, cpus, 4);
	assert_int_equal(sum.calls, 10);
	assert_int_equal(sum.errors, 3);
	assert_int_equal(sum.timed, 3);
	assert_int_equal(sum.time_ns, 55);
	/* Neither the idle CPU's zero nor the untimed one's is a minimum. */
	assert_int_equal(sum.min_ns, 5);
	assert_int_equal(sum.max_ns, 30);
	assert_int_equal(sum.hist[0], 1);
}

/* -c timed 1 call in 10: the table shows the time of all of them. */
static void test_sampled_time_scaled(void **state)
{
	struct summary_opts o;
	struct summary_row rows[] = { row("read", 1000, 0, 0), row("execve", 1, 0, 900000) };

	(void)state;
	rows[0].st.timed = 100;
	rows[0].st.time_ns = 300000;	/* 3 us a call */
	summary_opts_init(&o);
	render(&o, rows, 2);
	assert_non_null(strstr(printed, "\n 76.92    0.003000           3      1000           read\n"));
	assert_non_null(strstr(printed, "\n 23.08    0.000900         900         1           execve\n"));
	assert_non_null(strstr(printed, "\n100.00    0.003900           3      1001           total\n"));

	/* Nothing timed (an interval of untimed calls): no time, not a division by 0. */
	rows[0] = row("read", 5, 0, 0);
	rows[0].st.timed = 0;
	summary_scale_sampled(&rows[0].st);
	assert_int_equal(rows[0].st.time_ns, 0);
}

/* What makes -c time every call. */
static void test_samples_times(void **state)
{
	struct summary_opts o;

	(void)state;
	summary_opts_init(&o);
	o.mode = SUMMARY_ONLY;
	assert_true(summary_samples_times(&o));
	o.mode = SUMMARY_ALSO;		/* -C: the trace reads the clock anyway */
	assert_false(summary_samples_times(&o));
	o.mode = SUMMARY_ONLY;
	assert_true(summary_parse_columns(&o, "max-time,calls,name"));
	assert_false(summary_samples_times(&o));
	summary_opts_init(&o);
	o.mode = SUMMARY_ONLY;
	assert_true(summary_parse_sort(&o, "min-time"));
	assert_false(summary_samples_times(&o));
	summary_opts_init(&o);
	o.mode = SUMMARY_ONLY;
	o.histogram = true;
	assert_false(summary_samples_times(&o));
	o.histogram = false;
	o.min_duration_ns = 1000000;
	assert_false(summary_samples_times(&o));
}

static void test_parse_duration(void **state)
{
	uint64_t ns;

	(void)state;
	assert_true(parse_duration_ns("10", NS_PER_MS, &ns));
	assert_int_equal(ns, 10000000);
	assert_true(parse_duration_ns("1.5s", NS_PER_MS, &ns));
	assert_int_equal(ns, 1500000000);
	assert_true(parse_duration_ns("250us", NS_PER_MS, &ns));
	assert_int_equal(ns, 250000);
	assert_true(parse_duration_ns("800ns", NS_PER_MS, &ns));
	assert_int_equal(ns, 800);
	assert_true(parse_duration_ns("5", NS_PER_US, &ns));
	assert_int_equal(ns, 5000);
	assert_true(parse_duration_ns(".5ms", NS_PER_US, &ns));
	assert_int_equal(ns, 500000);
	assert_false(parse_duration_ns("", NS_PER_MS, &ns));
	assert_false(parse_duration_ns("-1", NS_PER_MS, &ns));
	assert_false(parse_duration_ns(" 1", NS_PER_MS, &ns));
	assert_false(parse_duration_ns("1 ms", NS_PER_MS, &ns));
	assert_false(parse_duration_ns("1h", NS_PER_MS, &ns));
	assert_false(parse_duration_ns("inf", NS_PER_MS, &ns));
	assert_false(parse_duration_ns("nan", NS_PER_MS, &ns));
	assert_false(parse_duration_ns("0x10", NS_PER_MS, &ns));
	assert_false(parse_duration_ns("1e30", NS_PER_MS, &ns));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_table),
		cmocka_unit_test(test_nothing_counted_prints_nothing),
		cmocka_unit_test(test_zero_time_is_not_nan),
		cmocka_unit_test(test_columns_and_sort),
		cmocka_unit_test(test_min_max_columns),
		cmocka_unit_test(test_bad_columns_and_sort),
		cmocka_unit_test(test_histogram),
		cmocka_unit_test(test_subtract),
		cmocka_unit_test(test_add_cpu_values),
		cmocka_unit_test(test_sampled_time_scaled),
		cmocka_unit_test(test_samples_times),
		cmocka_unit_test(test_parse_duration),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
