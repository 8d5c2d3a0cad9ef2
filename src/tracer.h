/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The BPF side's lifecycle, in libbpf-tools order: open, settings into
 * rodata, load, fill the tail-call tables, attach; then poll; then one
 * cleanup path.
 */
#ifndef BSTRACE_TRACER_H
#define BSTRACE_TRACER_H

#include <stdint.h>
#include <sys/types.h>
#include <bpf/libbpf.h>

#include "consumer.h"
#include "options.h"
#include "ring_reader.h"
#include "syscall_events.h"

struct bstrace_bpf;

struct summary_row;

struct tracer {
	struct bstrace_bpf *skel;
	int ncpus;			/* possible CPUs: per-CPU map values */
	struct syscall_stats *batch;	/* -c: per-CPU map values being read */
	struct ring_reader ring;	/* ring.consumer_pos set: open */
	int epoll_fd;		/* the ring buffer's and our signals */
	int signal_fd;
	struct syscall_events events;	/* the dispatchers on syscalls' own events */
};

/* Each returns 0, or -1 after one line on stderr saying what failed. */
int tracer_start(struct tracer *t, const struct options *opts,
		 ring_record_fn handle, void *ctx);
/* Trace tid from now on; call: the call it is inside (INFLIGHT_ATTACHED), or NULL. */
int tracer_watch_task(struct tracer *t, pid_t tid, uint32_t flags, const struct inflight *call);
/*
 * Wait up to timeout_ms for records or a signal, and hand every record to
 * the handler.  Returns the signal that arrived (SIGCHLD, SIGINT...), 0 if
 * none, or -1 on error.
 */
int tracer_poll(struct tracer *t, int timeout_ms);
/*
 * The calls in flight in traced threads, up to max; how many.  Sets
 * *tasks_left to whether any traced thread is still alive.  It walks the
 * whole kernel map: about 0.1 ms.
 */
size_t tracer_read_inflight(struct tracer *t, struct inflight_call *out, size_t max,
			    bool *tasks_left);
/* Hand over whatever is left in the ring. */
void tracer_drain(struct tracer *t);
/* What the kernel side could not do, by enum lost_reason. */
void tracer_losses(const struct tracer *t, uint64_t lost[LOST_REASONS]);
/*
 * The kernel's per-syscall statistics (-c), summed over CPUs, into at most
 * max rows sorted by (tgid, nr); returns the number of rows.
 */
size_t tracer_read_stats(struct tracer *t, struct summary_row *rows, size_t max);
/* How many rows tracer_read_stats can return at most. */
size_t tracer_stats_capacity(const struct tracer *t);
/* Stop tracing (programs detached) but keep the maps readable. */
void tracer_detach(struct tracer *t);
void tracer_stop(struct tracer *t);

#endif
