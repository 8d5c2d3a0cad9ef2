// SPDX-License-Identifier: GPL-2.0-or-later
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <linux/types.h>
#include "interleave.h"
#include "record.h"

/* Records are copied at 8-byte boundaries, as the ring buffer gives them. */
#define ALIGN8(n) (((n) + 7) & ~(size_t)7)
/*
 * The item and event arrays are sized for an arena full of the smallest
 * common record, a call with no arguments sent compact (CALL_COMPACT: up
 * to args[0]).  Rarer, smaller records (a fork, a loss marker) can fill the
 * item array first; the queue is then full as when the arena is.  At 32
 * bytes, the arrays took 11 MiB of the tracer's 33 MiB.
 */
#define MIN_RECORD offsetof(struct rec_call, args)

bool queue_init(struct queue *q, size_t arena_bytes)
{
	memset(q, 0, sizeof(*q));
	q->capacity = arena_bytes;
	q->max_items = arena_bytes / MIN_RECORD;
	q->arena = malloc(arena_bytes);
	q->items = calloc(q->max_items, sizeof(*q->items));
	q->events = calloc(2 * q->max_items, sizeof(*q->events));
	q->events_tmp = calloc(2 * q->max_items, sizeof(*q->events_tmp));
	if (!q->arena || !q->items || !q->events || !q->events_tmp) {
		queue_free(q);
		return false;
	}
	return true;
}

void queue_free(struct queue *q)
{
	free(q->arena);
	free(q->items);
	free(q->events);
	free(q->events_tmp);
	memset(q, 0, sizeof(*q));
}

bool queue_has_room(const struct queue *q, size_t size)
{
	return q->live + ALIGN8(size) <= q->capacity && q->count < q->max_items;
}

/*
 * The arena is a ring: records go in at head and their room comes back as
 * they are printed, oldest first, so a record is copied in once and, as a
 * rule, never moved.  A record that waits while the ring goes round (the
 * entry of a call that blocks for long) moves up to head before it holds
 * the ring up.  Only when the free room is in pieces too small are all
 * queued records packed to the front.
 */

/* How far back from head the record at off starts: older is further. */
static size_t ring_age(const struct queue *q, uint32_t off)
{
	size_t age = (q->head + q->capacity - off) % q->capacity;

	/* A record starts at head only in a full ring: it is the oldest. */
	return age ? age : q->capacity;
}

/* Room for size bytes at head, wrapping to the start if need be; or -1. */
static long ring_alloc(struct queue *q, size_t size)
{
	size_t at = q->head;

	if (!q->count)
		q->head = q->tail = at = 0;
	if (q->count && q->head <= q->tail) {
		/* Wrapped: the free room is the gap up to tail. */
		if (at + size > q->tail)
			return -1;
	} else if (at + size > q->capacity) {
		/* The end is too near: the room freed at the start, if enough. */
		if (size > q->tail)
			return -1;
		at = 0;
	}
	q->head = at + size;
	return (long)at;
}

/* Where the oldest record queued starts: where the free room ends. */
static void ring_find_tail(struct queue *q)
{
	size_t oldest = 0;

	for (size_t i = 0; i < q->count; i++) {
		size_t age = ring_age(q, q->items[i].off);

		if (age > oldest) {
			oldest = age;
			q->tail = q->items[i].off;
		}
	}
}

/*
 * Records still waiting three quarters of the ring behind head move up to
 * head, so that the room behind them comes back.
 */
static void ring_move_waiting(struct queue *q)
{
	size_t old = q->capacity - q->capacity / 4;

	ring_find_tail(q);
	if (ring_age(q, (uint32_t)q->tail) <= old)
		return;
	for (size_t i = 0; i < q->count; i++) {
		struct pending *p = &q->items[i];
		long at;

		if (ring_age(q, p->off) <= old)
			continue;
		at = ring_alloc(q, ALIGN8(p->size));
		if (at < 0)
			break;
		memcpy(q->arena + at, q->arena + p->off, p->size);
		p->off = (uint32_t)at;
	}
	ring_find_tail(q);
}

static int by_offset(const void *a, const void *b)
{
	const struct event *x = a, *y = b;

	return x->ts < y->ts ? -1 : x->ts > y->ts;
}

/*
 * Move every queued record to the front of the arena, in the order of
 * their offsets, so that none is overwritten before it has moved (the
 * sort's scratch array holds the order).
 */
static void pack_arena(struct queue *q)
{
	struct event *order = q->events_tmp;
	size_t used = 0;

	for (size_t i = 0; i < q->count; i++) {
		order[i].ts = q->items[i].off;
		order[i].index = (uint32_t)i;
	}
	qsort(order, q->count, sizeof(*order), by_offset);
	for (size_t i = 0; i < q->count; i++) {
		struct pending *p = &q->items[order[i].index];

		memmove(q->arena + used, q->arena + p->off, p->size);
		p->off = (uint32_t)used;
		used += ALIGN8(p->size);
	}
	q->head = used;
	q->tail = 0;
}

bool queue_push(struct queue *q, const void *rec, size_t size, uint16_t type, uint32_t tid,
		uint64_t enter_ns, uint64_t exit_ns)
{
	struct pending *p;
	long at;

	if (!queue_has_room(q, size))
		return false;
	at = ring_alloc(q, ALIGN8(size));
	if (at < 0) {
		pack_arena(q);
		at = ring_alloc(q, ALIGN8(size));
	}
	p = &q->items[q->count++];
	memset(p, 0, sizeof(*p));
	p->off = (uint32_t)at;
	p->size = (uint32_t)size;
	p->type = type;
	p->tid = tid;
	p->enter_ns = enter_ns;
	p->exit_ns = exit_ns;
	memcpy(q->arena + at, rec, size);
	q->live += ALIGN8(size);
	return true;
}

/* Time order; at the same instant, what arrived first happened first. */
static bool event_before(const struct event *x, const struct event *y)
{
	if (x->ts != y->ts)
		return x->ts < y->ts;
	if (x->index != y->index)
		return x->index < y->index;
	return x->kind < y->kind;
}

static void add_event(struct queue *q, size_t *n, uint32_t index, uint64_t ts, uint8_t kind)
{
	struct event *e = &q->events[(*n)++];

	e->ts = ts;
	e->index = index;
	e->kind = kind;
}

/* Where the ordered run of events that starts at start ends. */
static size_t run_end(const struct event *ev, size_t start, size_t n)
{
	size_t i = start + 1;

	while (i < n && !event_before(&ev[i], &ev[i - 1]))
		i++;
	return i;
}

static void merge_runs(const struct event *a, size_t na, const struct event *b, size_t nb,
		       struct event *out)
{
	size_t i = 0, j = 0;

	while (i < na && j < nb)
		*out++ = event_before(&b[j], &a[i]) ? b[j++] : a[i++];
	memcpy(out, a + i, (na - i) * sizeof(*a));
	memcpy(out + (na - i), b + j, (nb - j) * sizeof(*b));
}

/* How far back an event may belong for the insertion sort to place it. */
#define NEAR_EVENTS	64

/*
 * Events out of order by a few places, as records of calls that ended at
 * about the same time on two CPUs arrive, move back to theirs; one that
 * belongs further back (the entry of a call that blocked, whose record
 * came when it returned) is put aside in side[].  Returns how many were:
 * ev[0..n - that) is in order.
 */
static size_t sort_near(struct event *ev, size_t n, struct event *side)
{
	size_t sorted = 0, aside = 0;

	for (size_t i = 0; i < n; i++) {
		struct event e = ev[i];
		size_t j = sorted;

		while (j > 0 && sorted - j < NEAR_EVENTS && event_before(&e, &ev[j - 1]))
			j--;
		if (j > 0 && event_before(&e, &ev[j - 1])) {
			side[aside++] = e;
			continue;
		}
		/* sorted <= i: the move never reaches an event not yet read. */
		memmove(ev + j + 1, ev + j, (sorted - j) * sizeof(*ev));
		ev[j] = e;
		sorted++;
	}
	return aside;
}

/*
 * A natural merge sort of ev (it merges the ordered runs there are), tmp
 * the room for the other half; returns where the sorted events ended up.
 */
static struct event *merge_sort(struct event *ev, size_t n, struct event *tmp)
{
	struct event *src = ev, *dst = tmp, *swap;

	while (n > 1 && run_end(src, 0, n) < n) {
		for (size_t start = 0; start < n;) {
			size_t mid = run_end(src, start, n);
			size_t end = mid < n ? run_end(src, mid, n) : n;

			merge_runs(src + start, mid - start, src + mid, end - mid, dst + start);
			start = end;
		}
		swap = src;
		src = dst;
		dst = swap;
	}
	return src;
}

/* Merge side[0..k) into ev[0..n) (room for n + k), from the back: the latest first. */
static void merge_back(struct event *ev, size_t n, const struct event *side, size_t k)
{
	size_t out = n + k;

	while (k > 0) {
		if (n > 0 && event_before(&side[k - 1], &ev[n - 1]))
			ev[--out] = ev[--n];
		else
			ev[--out] = side[--k];
	}
}

/*
 * Sort n events in place, tmp room for n more.  The few far out of place
 * are sorted on their own and merged back: sorting them all over again
 * was a tenth of the reader's time under a busy nginx, whose workers'
 * epoll_wait entries all belong far back.
 */
static void sort_sequence(struct event *ev, size_t n, struct event *tmp)
{
	size_t aside = sort_near(ev, n, tmp), in_order = n - aside;
	struct event *sorted;

	if (!aside)
		return;
	/* ev's tail, emptied by the events put aside, is the merge sort's other half. */
	sorted = merge_sort(tmp, aside, ev + in_order);
	if (sorted != tmp)
		memcpy(tmp, sorted, aside * sizeof(*tmp));
	merge_back(ev, in_order, tmp, aside);
}

/*
 * The events come as two sequences, the entries and then the exits, each
 * nearly in order already (in about the order the records arrived): each
 * is put in order in about one pass, and one merge makes the list.  qsort
 * cost a busy reader a fifth of its time, and allocated at every turn.
 */
static void sort_events(struct queue *q, size_t entries, size_t n)
{
	struct event *merged = q->events_tmp;

	sort_sequence(q->events, entries, q->events_tmp);
	sort_sequence(q->events + entries, n - entries, q->events_tmp);
	merge_runs(q->events, entries, q->events + entries, n - entries, merged);
	q->events_tmp = q->events;
	q->events = merged;
}

size_t queue_take_events(struct queue *q, uint64_t horizon)
{
	size_t n = 0, entries;

	for (size_t i = 0; i < q->count; i++) {
		struct pending *p = &q->items[i];
		bool is_call = p->enter_ns != p->exit_ns || p->type == PENDING_INFLIGHT;

		if (!p->done && is_call && !p->entered && p->enter_ns <= horizon) {
			add_event(q, &n, (uint32_t)i, p->enter_ns, EV_ENTER);
			p->entered = true;
		}
	}
	entries = n;
	for (size_t i = 0; i < q->count; i++) {
		struct pending *p = &q->items[i];
		bool is_call = p->enter_ns != p->exit_ns || p->type == PENDING_INFLIGHT;

		if (p->done)
			continue;
		if (p->type == PENDING_INFLIGHT) {
			/* Its exit comes as a record of its own. */
			p->done = p->entered;
			continue;
		}
		if (p->exit_ns <= horizon) {
			add_event(q, &n, (uint32_t)i, p->exit_ns, is_call ? EV_EXIT : EV_INSTANT);
			p->done = true;
		}
	}
	sort_events(q, entries, n);
	return n;
}

/*
 * The records stay where they are in the arena until it runs out at the
 * end (queue_push packs it then): moving the waiting ones forward after
 * every turn was a sixth of the reader's copying under a busy nginx.
 */
void queue_compact(struct queue *q)
{
	size_t kept = 0;

	for (size_t i = 0; i < q->count; i++) {
		const struct pending *p = &q->items[i];

		if (p->done)
			q->live -= ALIGN8(p->size);
		else
			q->items[kept++] = *p;
	}
	q->count = kept;
	if (!kept)
		q->head = q->tail = 0;
	else
		ring_move_waiting(q);
}
