/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * --perf -s / -S: perf trace's per-thread summary (calls, errors, total,
 * min, avg, max, stddev), computed in user space from the call records.
 */
#ifndef BSTRACE_SUMMARY_PERF_H
#define BSTRACE_SUMMARY_PERF_H

#include <stdbool.h>
#include <stdint.h>

#include "decode.h"
#include "outbuf.h"

struct perf_summary;

/* Allocated once, before tracing starts; NULL with a message on failure. */
struct perf_summary *summary_perf_new(bool errno_summary);
void summary_perf_free(struct perf_summary *s);

/* Count one call; no allocation. */
void summary_perf_add(struct perf_summary *s, const struct decoded_call *call);

/* "\n Summary of events:\n\n" and one table per thread. */
void summary_perf_print(struct perf_summary *s, struct outbuf *out);

/* Calls that did not fit the fixed tables (reported, never silently lost). */
uint64_t summary_perf_dropped(const struct perf_summary *s);

#endif
