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
	if (!q->arena || !q->items || !q->events) {
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
	memset(q, 0, sizeof(*q));
}

bool queue_has_room(const struct queue *q, size_t size)
{
	return q->used + ALIGN8(size) <= q->capacity && q->count < q->max_items;
}

bool queue_push(struct queue *q, const void *rec, size_t size, uint16_t type, uint32_t tid,
		uint64_t enter_ns, uint64_t exit_ns)
{
	struct pending *p;

	if (!queue_has_room(q, size))
		return false;
	p = &q->items[q->count++];
	memset(p, 0, sizeof(*p));
	p->off = (uint32_t)q->used;
	p->size = (uint32_t)size;
	p->type = type;
	p->tid = tid;
	p->enter_ns = enter_ns;
	p->exit_ns = exit_ns;
	p->seq = q->next_seq++;
	memcpy(q->arena + q->used, rec, size);
	q->used += ALIGN8(size);
	return true;
}

static int compare_events(const void *a, const void *b)
{
	const struct event *x = a, *y = b;

	if (x->ts != y->ts)
		return x->ts < y->ts ? -1 : 1;
	/* At the same instant, what arrived first happened first. */
	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	return (int)x->kind - (int)y->kind;
}

static void add_event(struct queue *q, size_t *n, uint32_t index, uint64_t ts, uint8_t kind)
{
	struct event *e = &q->events[(*n)++];

	e->ts = ts;
	e->seq = q->items[index].seq;
	e->index = index;
	e->kind = kind;
}

size_t queue_take_events(struct queue *q, uint64_t horizon)
{
	size_t n = 0;

	for (size_t i = 0; i < q->count; i++) {
		struct pending *p = &q->items[i];
		bool is_call = p->enter_ns != p->exit_ns || p->type == PENDING_INFLIGHT;

		if (p->done)
			continue;
		if (is_call && !p->entered && p->enter_ns <= horizon) {
			add_event(q, &n, (uint32_t)i, p->enter_ns, EV_ENTER);
			p->entered = true;
		}
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
	qsort(q->events, n, sizeof(*q->events), compare_events);
	return n;
}

void queue_compact(struct queue *q)
{
	size_t kept = 0, used = 0;

	for (size_t i = 0; i < q->count; i++) {
		struct pending p = q->items[i];

		if (p.done)
			continue;
		memmove(q->arena + used, q->arena + p.off, p.size);
		p.off = (uint32_t)used;
		used += ALIGN8(p.size);
		q->items[kept++] = p;
	}
	q->count = kept;
	q->used = used;
}
