/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Putting records back in time order.  The kernel sends one record per
 * call, at its exit, so the calls of several threads arrive by exit time;
 * strace's output is ordered by what happened first: a call's entry, its
 * exit, a signal, an exit.  Records wait here (copied into one arena
 * allocated at start) until the reader knows nothing earlier can still
 * come, then come out as a time-ordered list of events.
 */
#ifndef BSTRACE_INTERLEAVE_H
#define BSTRACE_INTERLEAVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum event_kind {
	EV_ENTER,		/* a call's entry: its head may print */
	EV_EXIT,		/* a call's exit, or a whole never-returning call */
	EV_INSTANT,		/* a process event: fork, exit, signal */
};

/*
 * A queued record.  The items stay in arrival order (compacting keeps it),
 * so an item's index breaks ties between events at the same instant.
 */
struct pending {
	uint64_t enter_ns;	/* calls: entry time; others: the event time */
	uint64_t exit_ns;	/* calls: exit time; others: the same as enter_ns */
	uint32_t off;		/* the record's copy in the arena */
	uint32_t size;
	uint32_t tid;
	uint16_t type;		/* enum rec_type, or PENDING_INFLIGHT */
	bool entered;		/* EV_ENTER was handed out */
	bool done;		/* every event was handed out: drop it */
	bool placed;		/* an ignored signal moved to where ptrace shows it */
};

/* A call still in flight, known from the inflight map only. */
#define PENDING_INFLIGHT 0xffff

/* 16 bytes: the sort moves these, four per queued record are kept. */
struct event {
	uint64_t ts;
	uint32_t index;		/* into queue.items: arrival order */
	uint8_t kind;		/* enum event_kind */
};

struct queue {
	uint8_t *arena;
	size_t head;		/* new records go here (the arena is a ring) */
	size_t tail;		/* the oldest record queued starts here */
	size_t live;		/* bytes of the records still queued */
	size_t capacity;
	struct pending *items;
	size_t count, max_items;
	struct event *events;
	struct event *events_tmp;	/* the sort's other half */
};

/* false when out of memory. */
bool queue_init(struct queue *q, size_t arena_bytes);
void queue_free(struct queue *q);
/* Whether a record of size bytes fits now (else the caller flushes first). */
bool queue_has_room(const struct queue *q, size_t size);
/* Copy a record in; false if it does not fit even in an empty queue. */
bool queue_push(struct queue *q, const void *rec, size_t size, uint16_t type, uint32_t tid,
		uint64_t enter_ns, uint64_t exit_ns);
static inline const void *queue_record(const struct queue *q, const struct pending *p)
{
	return q->arena + p->off;
}
/*
 * The events at or before horizon, in time order, in q->events; returns
 * how many.  Handing out an event marks
 * its item (entered, done).
 */
size_t queue_take_events(struct queue *q, uint64_t horizon);
/* Drop the items that are done: their arena room comes back. */
void queue_compact(struct queue *q);

#endif
