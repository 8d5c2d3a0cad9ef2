/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * -p PID: nothing is done to the process; its threads are put in the
 * kernel's traced set and followed from their next syscall on, and
 * "detaching" is forgetting them.
 */
#ifndef BSTRACE_ATTACH_H
#define BSTRACE_ATTACH_H

#include "consumer.h"
#include "options.h"
#include "tracer.h"

/* Attach every -p process (every thread with -f); how many were attached. */
int attach_processes(struct tracer *t, struct consumer *c, const struct options *opts);

#endif
