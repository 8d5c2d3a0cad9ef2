// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The reorder queue: records arrive about when calls end, from several
 * CPUs, and must come out as entries and exits in time order, whichever
 * way the sort takes (a few places out, or far out of place).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <linux/types.h>
#include "interleave.h"
#include "record.h"

static struct queue q;

static int setup(void **state)
{
	(void)state;
	return queue_init(&q, 4 << 20) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	queue_free(&q);
	return 0;
}

static void push_call(uint32_t tid, uint64_t enter_ns, uint64_t exit_ns)
{
	struct rec_call rec;

	memset(&rec, 0, sizeof(rec));
	rec.hdr.type = REC_CALL;
	rec.hdr.size = sizeof(rec);
	rec.tid = tid;
	assert_true(queue_push(&q, &rec, sizeof(rec), REC_CALL, tid, enter_ns, exit_ns));
}

/* Every call's entry and exit, each once, in time order. */
static void assert_in_order(size_t n, size_t calls)
{
	size_t entries = 0, exits = 0;

	for (size_t i = 0; i < n; i++) {
		const struct event *e = &q.events[i];

		if (i > 0) {
			const struct event *p = &q.events[i - 1];

			assert_true(p->ts < e->ts || (p->ts == e->ts && p->index <= e->index));
		}
		if (e->kind == EV_ENTER) {
			assert_int_equal(e->ts, q.items[e->index].enter_ns);
			entries++;
		} else {
			assert_int_equal(e->ts, q.items[e->index].exit_ns);
			exits++;
		}
	}
	assert_int_equal(entries, calls);
	assert_int_equal(exits, calls);
}

/* Four threads' short calls, arriving by exit time give or take a few places. */
static void test_nearly_in_order(void **state)
{
	size_t calls = 0, n;

	(void)state;
	for (uint64_t t = 1000; t < 101000; t += 100, calls++) {
		uint64_t jitter = (t / 100) % 3 == 0 ? 150 : 0;

		push_call((uint32_t)(1 + calls % 4), t + jitter, t + jitter + 60);
	}
	n = queue_take_events(&q, UINT64_MAX);
	assert_int_equal(n, 2 * calls);
	assert_in_order(n, calls);
}

/* A long call whose record comes last: its entry belongs near the start. */
static void test_far_out_of_place(void **state)
{
	size_t calls = 0, n;

	(void)state;
	for (uint64_t t = 1000; t < 51000; t += 50, calls++)
		push_call(1, t, t + 20);
	push_call(2, 500, 60000);
	calls++;
	n = queue_take_events(&q, UINT64_MAX);
	assert_int_equal(n, 2 * calls);
	assert_in_order(n, calls);
	assert_int_equal(q.events[0].ts, 500);
	assert_int_equal(q.events[n - 1].ts, 60000);
}

/*
 * Two workers, every eighth call of each a wait that blocked: those
 * entries belong hundreds of places back, among calls in order.
 */
static void test_many_blocked(void **state)
{
	size_t calls = 0, n;

	(void)state;
	for (uint64_t t = 100000; t < 200000; t += 20, calls++) {
		uint64_t enter = (t / 20) % 8 == 0 ? t - 9000 - (t / 20) % 5 : t;

		push_call((uint32_t)(1 + calls % 2), enter, t + 10);
	}
	n = queue_take_events(&q, UINT64_MAX);
	assert_int_equal(n, 2 * calls);
	assert_in_order(n, calls);
}

/* Any order at all: shuffled calls of many threads, some overlapping. */
static void test_shuffled(void **state)
{
	enum { CALLS = 5000 };
	static uint64_t enter[CALLS];
	size_t n;

	(void)state;
	srand(7);
	for (size_t i = 0; i < CALLS; i++)
		enter[i] = 1000 + (uint64_t)i * 10;
	for (size_t i = CALLS - 1; i > 0; i--) {
		size_t j = (size_t)rand() % (i + 1);
		uint64_t tmp = enter[i];

		enter[i] = enter[j];
		enter[j] = tmp;
	}
	for (size_t i = 0; i < CALLS; i++)
		push_call((uint32_t)(1 + i % 300), enter[i], enter[i] + 1 + (uint64_t)rand() % 5000);
	n = queue_take_events(&q, UINT64_MAX);
	assert_int_equal(n, 2 * CALLS);
	assert_in_order(n, CALLS);
}

/* Only what is at or before the horizon comes out, the rest later. */
static void test_horizon(void **state)
{
	size_t n;

	(void)state;
	push_call(1, 100, 200);
	push_call(2, 150, 400);
	n = queue_take_events(&q, 300);
	assert_int_equal(n, 3);
	assert_int_equal(q.events[0].ts, 100);
	assert_int_equal(q.events[1].ts, 150);
	assert_int_equal(q.events[2].ts, 200);
	n = queue_take_events(&q, UINT64_MAX);
	assert_int_equal(n, 1);
	assert_int_equal(q.events[0].ts, 400);
}

/* Every queued record is still the one its item says, at its offset. */
static void assert_records_intact(const struct queue *small)
{
	for (size_t i = 0; i < small->count; i++) {
		const struct pending *p = &small->items[i];
		const struct rec_call *rec = queue_record(small, p);

		assert_int_equal(rec->tid, p->tid);
		assert_int_equal(rec->enter_ns, p->enter_ns);
	}
}

/* A call of tid, entered at 100 * tid, that returns at exit_ns. */
static bool push_ending(struct queue *small, uint32_t tid, uint64_t exit_ns)
{
	struct rec_call rec;

	memset(&rec, 0, sizeof(rec));
	rec.hdr.type = REC_CALL;
	rec.hdr.size = sizeof(rec);
	rec.tid = tid;
	rec.enter_ns = 100 * tid;
	return queue_push(small, &rec, sizeof(rec), REC_CALL, tid, 100 * tid, exit_ns);
}

static bool push_small(struct queue *small, uint32_t tid)
{
	return push_ending(small, tid, 100 * tid + 50);
}

/*
 * The arena is a ring: records printed give their room back, the next go
 * after the waiting ones and then round to the start, and each is still
 * where its item points.
 */
static void test_arena_reuse(void **state)
{
	struct queue small;
	const size_t fits = 18;
	uint32_t tid = 1;

	(void)state;
	assert_true(queue_init(&small, fits * sizeof(struct rec_call)));
	while (tid <= 10)
		assert_true(push_small(&small, tid++));
	/* The first six end before the horizon. */
	assert_int_equal(queue_take_events(&small, 100 * 6 + 50), 12);
	queue_compact(&small);
	assert_int_equal(small.count, 4);
	assert_records_intact(&small);
	/* Room for the 14 that fit beside the 4 waiting, though the arena's end is near. */
	while (queue_has_room(&small, sizeof(struct rec_call)))
		assert_true(push_small(&small, tid++));
	assert_int_equal(small.count, fits);
	assert_int_equal(tid, 25);
	assert_records_intact(&small);
	assert_false(push_small(&small, tid));
	/* Everything printed: the arena starts over. */
	queue_take_events(&small, UINT64_MAX);
	queue_compact(&small);
	assert_int_equal(small.count, 0);
	assert_int_equal(small.head, 0);
	assert_int_equal(small.live, 0);
	queue_free(&small);
}

/* A call that blocks for the whole test: its entry is due, its exit never. */
static bool push_blocked(struct queue *small, uint32_t tid)
{
	return push_ending(small, tid, UINT64_MAX - 1);
}

/*
 * Laps round the ring with one call blocked all along: the records that
 * come and go are copied in once and never moved; the blocked one moves up
 * when the ring comes round to it, and stays queued.
 */
static void test_ring_moves_only_the_waiting(void **state)
{
	struct queue small;
	const size_t fits = 16;
	uint32_t tid = 1, blocked_off;
	uint32_t off_of[200] = { 0 };
	bool blocked_moved = false;

	(void)state;
	assert_true(queue_init(&small, fits * sizeof(struct rec_call)));
	assert_true(push_blocked(&small, tid++));
	blocked_off = small.items[0].off;
	while (tid < 190) {
		/* Three calls come, then everything up to them is printed. */
		for (int i = 0; i < 3; i++) {
			assert_true(push_small(&small, tid));
			off_of[tid] = small.items[small.count - 1].off;
			tid++;
		}
		queue_take_events(&small, 100 * (tid - 1) + 50);
		queue_compact(&small);
		assert_int_equal(small.count, 1);
		assert_int_equal(small.items[0].tid, 1);
		assert_records_intact(&small);
		if (small.items[0].off != blocked_off) {
			blocked_moved = true;
			blocked_off = small.items[0].off;
		}
		/* The next lap's calls go where the last ones were printed from. */
		for (int i = 0; i < 2; i++) {
			assert_true(push_small(&small, tid));
			assert_true(small.items[small.count - 1].off != small.items[0].off);
			off_of[tid] = small.items[small.count - 1].off;
			tid++;
		}
		for (size_t i = 1; i < small.count; i++)
			assert_int_equal(small.items[i].off, off_of[small.items[i].tid]);
		queue_take_events(&small, 100 * (tid - 1) + 50);
		queue_compact(&small);
	}
	assert_true(blocked_moved);
	queue_free(&small);
}

/*
 * The free room in pieces: every other record waits, the ring is full.
 * Those printed leave holes no record fits in at head, so the waiting ones
 * are packed to the front, and are still intact, in their order.
 */
static void test_ring_packs_when_in_pieces(void **state)
{
	struct queue small;
	const size_t fits = 12;
	uint32_t tid = 1;

	(void)state;
	assert_true(queue_init(&small, fits * sizeof(struct rec_call)));
	/* Wrap once so that the waiting records lie on both sides of the start. */
	for (int i = 0; i < 6; i++)
		assert_true(push_small(&small, tid++));
	queue_take_events(&small, 100 * (tid - 1) + 50);
	queue_compact(&small);
	while (queue_has_room(&small, sizeof(struct rec_call))) {
		assert_true(tid % 2 ? push_blocked(&small, tid) : push_small(&small, tid));
		tid++;
	}
	assert_int_equal(small.count, fits);
	queue_take_events(&small, 100 * (tid - 1) + 50);
	queue_compact(&small);
	assert_int_equal(small.count, fits / 2);
	assert_records_intact(&small);
	while (queue_has_room(&small, sizeof(struct rec_call)))
		assert_true(push_small(&small, tid++));
	assert_int_equal(small.count, fits);
	assert_records_intact(&small);
	for (size_t i = 0; i < fits / 2; i++)
		assert_int_equal(small.items[i].tid % 2, 1);
	queue_free(&small);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_nearly_in_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_far_out_of_place, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_blocked, setup, teardown),
		cmocka_unit_test_setup_teardown(test_shuffled, setup, teardown),
		cmocka_unit_test_setup_teardown(test_horizon, setup, teardown),
		cmocka_unit_test(test_arena_reuse),
		cmocka_unit_test(test_ring_moves_only_the_waiting),
		cmocka_unit_test(test_ring_packs_when_in_pieces),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
