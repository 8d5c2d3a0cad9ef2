// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The ring reader on a ring laid out in plain memory as the kernel lays
 * out a BPF ring buffer: the data is mapped once, so a record that runs
 * past the end must reach the handler put back together.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <linux/bpf.h>
#include "ring_reader.h"

#define RING_SIZE	4096
#define MAX_RECORD	1024

static uint8_t data[RING_SIZE];
static uint8_t wrapped[MAX_RECORD];
static unsigned long consumer_pos, producer_pos;
static struct ring_reader r;

struct seen {
	size_t count;
	size_t sizes[16];
	uint8_t first[16], last[16];	/* a record's first and last bytes */
	int fail_at;			/* the handler fails on this record (1-based) */
};
static struct seen seen;

static int handle(void *ctx, void *rec, size_t size)
{
	struct seen *s = ctx;
	const uint8_t *bytes = rec;

	/* Every byte is its offset in the record plus the record's tag. */
	for (size_t i = 1; i < size; i++)
		assert_int_equal(bytes[i], (uint8_t)(bytes[0] + i));
	s->sizes[s->count] = size;
	s->first[s->count] = bytes[0];
	s->last[s->count] = bytes[size - 1];
	s->count++;
	return (int)s->count == s->fail_at ? -1 : 0;
}

static int setup(void **state)
{
	(void)state;
	memset(data, 0, sizeof(data));
	memset(&seen, 0, sizeof(seen));
	consumer_pos = producer_pos = 0;
	memset(&r, 0, sizeof(r));
	r.consumer_pos = &consumer_pos;
	r.producer_pos = &producer_pos;
	r.data = data;
	r.mask = RING_SIZE - 1;
	r.wrapped = wrapped;
	r.wrapped_size = sizeof(wrapped);
	r.handle = handle;
	r.ctx = &seen;
	return 0;
}

/* Put a header and len bytes at producer_pos, wrapping as the kernel does. */
static void produce(uint32_t len, uint32_t flags, uint8_t tag)
{
	uint32_t header = len | flags;

	memcpy(data + (producer_pos & (RING_SIZE - 1)), &header, sizeof(header));
	for (uint32_t i = 0; i < len; i++)
		data[(producer_pos + BPF_RINGBUF_HDR_SZ + i) & (RING_SIZE - 1)] = (uint8_t)(tag + i);
	producer_pos += (BPF_RINGBUF_HDR_SZ + len + 7) & ~7UL;
}

/* Start the ring at pos, as if everything before it had been read. */
static void start_at(unsigned long pos)
{
	consumer_pos = producer_pos = pos;
}

static void test_in_place(void **state)
{
	(void)state;
	produce(24, 0, 1);
	produce(13, 0, 2);
	assert_int_equal(ring_reader_consume(&r), 2);
	assert_int_equal(seen.sizes[0], 24);
	assert_int_equal(seen.sizes[1], 13);
	assert_int_equal(consumer_pos, producer_pos);
}

/* A record whose payload runs past the end comes out whole. */
static void test_wrapping_record(void **state)
{
	(void)state;
	start_at(3 * RING_SIZE - 64);
	produce(200, 0, 7);
	produce(16, 0, 9);
	assert_int_equal(ring_reader_consume(&r), 2);
	assert_int_equal(seen.sizes[0], 200);
	assert_int_equal(seen.first[0], 7);
	assert_int_equal(seen.last[0], (uint8_t)(7 + 199));
	assert_int_equal(seen.first[1], 9);
	assert_int_equal(consumer_pos, producer_pos);
}

/* The header in the ring's last 8 bytes: the whole payload is at the start. */
static void test_header_at_the_end(void **state)
{
	(void)state;
	start_at(RING_SIZE - BPF_RINGBUF_HDR_SZ);
	produce(40, 0, 3);
	assert_int_equal(ring_reader_consume(&r), 1);
	assert_int_equal(seen.sizes[0], 40);
	assert_int_equal(seen.last[0], (uint8_t)(3 + 39));
}

/* A wrapping record longer than the producer sends is skipped and counted. */
static void test_oversized_record(void **state)
{
	(void)state;
	start_at(RING_SIZE - 512);
	produce(MAX_RECORD + 8, 0, 5);
	produce(8, 0, 6);
	assert_int_equal(ring_reader_consume(&r), 1);
	assert_int_equal(r.oversized, 1);
	assert_int_equal(seen.first[0], 6);
	assert_int_equal(consumer_pos, producer_pos);
}

/* Discarded records are stepped over; a busy one ends the turn there. */
static void test_discard_and_busy(void **state)
{
	unsigned long busy_at;

	(void)state;
	produce(16, BPF_RINGBUF_DISCARD_BIT, 1);
	produce(16, 0, 2);
	busy_at = producer_pos;
	produce(16, BPF_RINGBUF_BUSY_BIT, 3);
	assert_int_equal(ring_reader_consume(&r), 1);
	assert_int_equal(seen.first[0], 2);
	assert_int_equal(consumer_pos, busy_at);
}

/* A handler that fails stops the reading after its record. */
static void test_handler_fails(void **state)
{
	(void)state;
	seen.fail_at = 1;
	produce(16, 0, 1);
	produce(16, 0, 2);
	assert_int_equal(ring_reader_consume(&r), -1);
	assert_int_equal(seen.count, 1);
	assert_int_equal(consumer_pos, (BPF_RINGBUF_HDR_SZ + 16 + 7) & ~7UL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_in_place, setup),
		cmocka_unit_test_setup(test_wrapping_record, setup),
		cmocka_unit_test_setup(test_header_at_the_end, setup),
		cmocka_unit_test_setup(test_oversized_record, setup),
		cmocka_unit_test_setup(test_discard_and_busy, setup),
		cmocka_unit_test_setup(test_handler_fails, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
