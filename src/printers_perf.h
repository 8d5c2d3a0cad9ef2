/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One printer per argument kind in perf trace's notation: names without
 * their common prefix (CWD, RDONLY|CLOEXEC, SET_FS), zero arguments left
 * out, strings quoted as perf prints them when its BPF augmenter works.
 */
#ifndef BSTRACE_PRINTERS_PERF_H
#define BSTRACE_PRINTERS_PERF_H

#include <stdbool.h>

#include "decode.h"
#include "outbuf.h"
#include "printers.h"

/* Work out, once, how much of each table's names perf leaves out. */
void printers_perf_init(void);

/* The value of argument i; false when perf leaves the argument out. */
bool perf_print_value(struct linebuf *lb, const struct decoded_call *call, int i,
		      const struct print_opts *opts);

/* A table's name for value without its common prefix, or NULL. */
const char *perf_xlat_name(const struct xlat *table, uint64_t value, size_t *len);

/* fcntl's F_GETFL and F_GETFD returns as perf names them; false otherwise. */
bool perf_print_ret_value(struct linebuf *lb, enum ret_kind kind, const struct xlat *table,
			  int64_t ret);

/*
 * The integer kinds (int, uint, long, ulong, fd) in decimal, as both perf
 * and JSON write them; false for any other kind.
 */
bool print_number_kind(struct linebuf *lb, enum arg_kind kind, uint64_t raw);

/* "SIGCHLD" is "CHLD" to perf. */
void perf_print_signal(struct linebuf *lb, int sig);

#endif
