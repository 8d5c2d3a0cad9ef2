// SPDX-License-Identifier: GPL-2.0-or-later
/* The consumer's table of threads, driven by process records as the kernel sends them. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <cmocka.h>

#include "consumer.h"

#define LEADER 100

static struct options opts;
static struct consumer consumer;
static int trace_fd;
static uint64_t now_ns;

static int setup(void **state)
{
	char *argv[] = { "bstrace", "-f", "true", NULL };

	(void)state;
	trace_fd = memfd_create("trace", MFD_CLOEXEC);
	if (trace_fd < 0 || options_parse(&opts, 3, argv) != PARSE_RUN ||
	    !consumer_init(&consumer, trace_fd, &opts, 0))
		return -1;
	consumer_add_task(&consumer, LEADER);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	consumer_free(&consumer);
	close(trace_fd);
	return 0;
}

static void fork_record(uint32_t child)
{
	struct rec_proc_fork rec = {
		.hdr = { .type = REC_PROC_FORK, .size = sizeof(rec) },
		.parent_tid = LEADER, .parent_tgid = LEADER,
		.child_tid = child, .child_tgid = child, .ts_ns = ++now_ns,
	};

	consumer_handle(&consumer, &rec, sizeof(rec));
}

static void exit_record(uint32_t tid, uint32_t tgid)
{
	struct rec_proc_exit rec = {
		.hdr = { .type = REC_PROC_EXIT, .size = sizeof(rec) },
		.tid = tid, .tgid = tgid, .ts_ns = ++now_ns, .group_dead = 1,
	};

	consumer_handle(&consumer, &rec, sizeof(rec));
}

/* The trace written so far. */
static const char *trace(void)
{
	static char text[65536];
	ssize_t n;

	consumer_flush(&consumer);
	n = pread(trace_fd, text, sizeof(text) - 1, 0);
	text[n > 0 ? n : 0] = '\0';
	return text;
}

/*
 * tid 0 is how an empty slot of the table looks.  A record naming it (a
 * corrupt one: the idle task is never traced) once "removed" an empty
 * slot, so the count of threads drifted down until the table filled and
 * the next lookup of a new thread never ended.
 */
static void test_tid_zero_is_no_thread(void **state)
{
	(void)state;
	for (uint32_t tid = 1000; tid < 1100; tid++)
		fork_record(tid);
	for (int i = 0; i < 500; i++)
		exit_record(0, LEADER);
	consumer_finish(&consumer);
	assert_int_equal(consumer.nprocs, 101);
	assert_null(strstr(trace(), "[pid     0]"));
	/* Enough threads to grow the table twice more: the count still holds. */
	for (uint32_t tid = 2000; tid < 2200; tid++)
		fork_record(tid);
	consumer_finish(&consumer);
	assert_int_equal(consumer.nprocs, 301);
}

static void test_exit_forgets_thread(void **state)
{
	unsigned int before = consumer.nprocs;

	(void)state;
	fork_record(3000);
	exit_record(3000, 3000);
	consumer_finish(&consumer);
	assert_int_equal(consumer.nprocs, before);
	assert_non_null(strstr(trace(), "[pid  3000] +++ exited with 0 +++\n"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tid_zero_is_no_thread),
		cmocka_unit_test(test_exit_forgets_thread),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
