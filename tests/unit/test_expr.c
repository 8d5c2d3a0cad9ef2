// SPDX-License-Identifier: GPL-2.0-or-later
/* strace's -e grammar: sets, classes, regexes, inversions and its messages. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "expr.h"
#include "syscall_table.h"

static struct trace_expr e;
static char err[256];

static enum expr_result parse(const char *arg)
{
	const char *qualifier = NULL, *value = NULL;

	err[0] = '\0';
	return expr_parse(&e, arg, err, sizeof(err), &qualifier, &value);
}

static bool traced(const char *name)
{
	int nr = syscall_by_name(name);

	assert_true(nr >= 0);
	return expr_bit(e.syscalls, (unsigned int)nr);
}

static void test_names_and_shorthand(void **state)
{
	(void)state;
	expr_init(&e);
	assert_int_equal(parse("trace=openat,close"), EXPR_OK);
	assert_true(traced("openat") && traced("close"));
	assert_false(traced("read"));
	/* A bare set is trace=, and replaces the earlier one. */
	assert_int_equal(parse("read"), EXPR_OK);
	assert_true(traced("read"));
	assert_false(traced("openat"));
	assert_int_equal(parse("t=write"), EXPR_OK);
	assert_true(traced("write"));
	/* Empty tokens are skipped. */
	assert_int_equal(parse("trace=open,,read"), EXPR_OK);
	assert_true(traced("open") && traced("read"));
}

static void test_inversions(void **state)
{
	(void)state;
	expr_init(&e);
	assert_int_equal(parse("trace=!close,read"), EXPR_OK);
	assert_false(traced("close") || traced("read"));
	assert_true(traced("openat"));
	assert_int_equal(parse("trace=!!close"), EXPR_OK);
	assert_true(traced("close"));
	assert_false(traced("openat"));
	assert_int_equal(parse("trace=none"), EXPR_OK);
	assert_false(traced("read"));
	assert_int_equal(parse("trace=!none"), EXPR_OK);
	assert_true(traced("read"));
	assert_int_equal(parse("trace=!all"), EXPR_OK);
	assert_false(traced("read"));
}

static void test_classes(void **state)
{
	(void)state;
	expr_init(&e);
	assert_int_equal(parse("trace=%file"), EXPR_OK);
	assert_true(traced("openat") && traced("execve"));
	assert_false(traced("read") || traced("mmap"));
	assert_int_equal(parse("trace=%net"), EXPR_OK);
	assert_true(traced("socket") && traced("connect"));
	assert_false(traced("openat"));
	assert_int_equal(parse("trace=%memory,close"), EXPR_OK);
	assert_true(traced("mmap") && traced("brk") && traced("close"));
	assert_int_equal(parse("trace=%%stat"), EXPR_OK);
	assert_true(traced("newfstatat") && traced("fstat"));
	assert_int_equal(parse("trace=process"), EXPR_OK);
	assert_true(traced("wait4") && traced("exit_group"));
	assert_int_equal(parse("trace=all,open"), EXPR_OK);
	assert_true(traced("mmap"));
	/* Class names are case-sensitive, as in strace. */
	assert_int_equal(parse("trace=%NET"), EXPR_ERROR);
	assert_string_equal(err, "invalid system call '%NET'");
}

static void test_regex_numbers_optional(void **state)
{
	(void)state;
	expr_init(&e);
	assert_int_equal(parse("trace=/^(read|write)$"), EXPR_OK);
	assert_true(traced("read") && traced("write"));
	assert_false(traced("readv") || traced("pread64"));
	assert_int_equal(parse("trace=/stat"), EXPR_OK);
	assert_true(traced("newfstatat") && traced("statfs"));
	assert_int_equal(parse("trace=0,1"), EXPR_OK);
	assert_true(expr_bit(e.syscalls, 0) && expr_bit(e.syscalls, 1));
	assert_false(expr_bit(e.syscalls, 2));
	assert_int_equal(parse("trace=?nosuch,close"), EXPR_OK);
	assert_true(traced("close"));
	assert_int_equal(parse("trace=?/nomatch"), EXPR_OK);
	/* Stacked repetitions would make regcomp take gigabytes: refused. */
	assert_int_equal(parse("trace=/ab+c++++a"), EXPR_ERROR);
	assert_non_null(strstr(err, "too many repetition operators"));
	assert_int_equal(parse("trace=/^clo+se$"), EXPR_OK);
	assert_true(traced("close"));
}

static void check_error(const char *arg, const char *message)
{
	assert_int_equal(parse(arg), EXPR_ERROR);
	assert_string_equal(err, message);
}

static void test_strace_messages(void **state)
{
	(void)state;
	expr_init(&e);
	check_error("trace=foo", "invalid system call 'foo'");
	check_error("trace=%foo", "invalid system call '%foo'");
	check_error("foo=bar", "invalid system call 'foo=bar'");
	check_error("trace=", "invalid system call ''");
	check_error("trace=!", "invalid system call '!'");
	check_error("trace=99999", "invalid system call '99999'");
	check_error("trace=1x", "invalid system call '1x'");
	check_error("trace=-1", "invalid system call '-1'");
	check_error("trace=/[", "regcomp: [: Invalid regular expression");
	check_error("trace=?/[", "regcomp: [: Invalid regular expression");
	check_error("signal=FOO", "invalid signal 'FOO'");
	check_error("signal=", "invalid signal ''");
	check_error("signal= 9", "invalid signal ' 9'");
	check_error("signal=256", "invalid signal '256'");
	check_error("signal=SIGRT_33", "invalid signal 'SIGRT_33'");
	check_error("status=foo", "invalid status 'foo'");
	check_error("status=", "invalid status ''");
	check_error("quiet=foo", "invalid quiet 'foo'");
}

static void test_signals(void **state)
{
	(void)state;
	expr_init(&e);
	assert_true(expr_bit(e.signals, SIGCHLD));
	assert_int_equal(parse("signal=SIGCHLD,usr1,9"), EXPR_OK);
	assert_true(expr_bit(e.signals, SIGCHLD) && expr_bit(e.signals, SIGUSR1));
	assert_true(expr_bit(e.signals, SIGKILL));
	assert_false(expr_bit(e.signals, SIGTERM));
	assert_int_equal(parse("signal=!SIGCHLD"), EXPR_OK);
	assert_false(expr_bit(e.signals, SIGCHLD));
	assert_true(expr_bit(e.signals, SIGTERM));
	assert_int_equal(parse("s=RTMIN,SIGRT_32"), EXPR_OK);
	assert_true(expr_bit(e.signals, 32) && expr_bit(e.signals, 64));
}

static void test_status_and_quiet(void **state)
{
	(void)state;
	expr_init(&e);
	assert_int_equal(e.status, STATUS_ALL);
	assert_int_equal(parse("status=successful,unfinished"), EXPR_OK);
	assert_int_equal(e.status, STATUS_SUCCESSFUL | STATUS_UNFINISHED);
	assert_int_equal(parse("status=!failed"), EXPR_OK);
	assert_int_equal(e.status, STATUS_ALL & ~STATUS_FAILED);
	assert_int_equal(parse("quiet=attach,exits"), EXPR_OK);
	assert_int_equal(e.quiet, QUIET_ATTACH | QUIET_EXIT);
	assert_int_equal(parse("silent=all"), EXPR_OK);
	assert_int_equal(e.quiet, QUIET_ALL);
	assert_int_equal(parse("q=superseded"), EXPR_OK);
	assert_int_equal(e.quiet, QUIET_THREAD_EXECVE);
}

static void test_other_qualifiers(void **state)
{
	const char *qualifier = NULL, *value = NULL;

	(void)state;
	expr_init(&e);
	assert_int_equal(expr_parse(&e, "x=all", err, sizeof(err), &qualifier, &value), EXPR_OTHER);
	assert_string_equal(qualifier, "raw");
	assert_string_equal(value, "all");
	assert_int_equal(expr_parse(&e, "decode-fd=path", err, sizeof(err), &qualifier, &value),
			 EXPR_OTHER);
	assert_string_equal(qualifier, "decode-fds");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_and_shorthand),
		cmocka_unit_test(test_inversions),
		cmocka_unit_test(test_classes),
		cmocka_unit_test(test_regex_numbers_optional),
		cmocka_unit_test(test_strace_messages),
		cmocka_unit_test(test_signals),
		cmocka_unit_test(test_status_and_quiet),
		cmocka_unit_test(test_other_qualifiers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
