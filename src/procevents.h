/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Process events as strace prints them: signal deliveries and exits. */
#ifndef BSTRACE_PROCEVENTS_H
#define BSTRACE_PROCEVENTS_H

#include "outbuf.h"
#include "../bpf/record.h"

/* "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, ...} ---", no newline. */
void format_signal(struct linebuf *lb, const struct rec_signal *rec);

#endif
