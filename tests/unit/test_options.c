// SPDX-License-Identifier: GPL-2.0-or-later
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "options.h"
#include "syscall_table.h"

static struct options opts;

static enum parse_result parse(int argc, char **argv)
{
	/* Keep error messages out of the test output. */
	FILE *saved = stderr;
	enum parse_result r;

	stderr = fopen("/dev/null", "w");
	r = options_parse(&opts, argc, argv);
	fclose(stderr);
	stderr = saved;
	return r;
}

static bool is_selected(const char *name)
{
	int nr = syscall_by_name(name);

	return nr >= 0 && options_selected(&opts, nr);
}

static void test_defaults(void **state)
{
	char *argv[] = { "bstrace", "ls", "-l", NULL };

	(void)state;
	assert_int_equal(parse(3, argv), PARSE_RUN);
	assert_int_equal(opts.print.max_strlen, 32);
	assert_false(opts.follow_forks);
	assert_string_equal(opts.command[0], "ls");
	/* Options after the command are the command's. */
	assert_string_equal(opts.command[1], "-l");
	assert_true(is_selected("read") && is_selected("openat"));
}

static void test_options(void **state)
{
	char *argv[] = { "bstrace", "-f", "-s", "100", "-xx", "-v", "-o", "out", "ls", NULL };

	(void)state;
	assert_int_equal(parse(9, argv), PARSE_RUN);
	assert_true(opts.follow_forks);
	assert_int_equal(opts.print.max_strlen, 100);
	assert_int_equal(opts.print.hex_strings, 2);
	assert_true(opts.print.verbose);
	assert_string_equal(opts.output_path, "out");
}

static void test_trace_sets(void **state)
{
	char *only[] = { "bstrace", "-e", "trace=openat,close", "ls", NULL };
	char *not[] = { "bstrace", "-e", "!close", "ls", NULL };
	char *bad[] = { "bstrace", "-e", "trace=openat,nosuch", "ls", NULL };

	(void)state;
	assert_int_equal(parse(4, only), PARSE_RUN);
	assert_true(is_selected("openat") && is_selected("close"));
	assert_false(is_selected("read"));
	assert_int_equal(parse(4, not), PARSE_RUN);
	assert_false(is_selected("close"));
	assert_true(is_selected("read"));
	assert_int_equal(parse(4, bad), PARSE_ERROR);
}

static void test_bad_input(void **state)
{
	char *none[] = { "bstrace", NULL };
	char *bad_s[] = { "bstrace", "-s", "12x", "ls", NULL };
	char *huge_s[] = { "bstrace", "-s", "99999999999999999999", "ls", NULL };
	char *bad_opt[] = { "bstrace", "-Q", "ls", NULL };
	char *no_arg[] = { "bstrace", "-o", NULL };
	char *bad_buf[] = { "bstrace", "--buffer-size=1", "ls", NULL };

	(void)state;
	assert_int_equal(parse(1, none), PARSE_ERROR);
	assert_int_equal(parse(4, bad_s), PARSE_ERROR);
	assert_int_equal(parse(4, huge_s), PARSE_ERROR);
	assert_int_equal(parse(3, bad_opt), PARSE_ERROR);
	assert_int_equal(parse(2, no_arg), PARSE_ERROR);
	assert_int_equal(parse(3, bad_buf), PARSE_ERROR);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_trace_sets),
		cmocka_unit_test(test_bad_input),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
