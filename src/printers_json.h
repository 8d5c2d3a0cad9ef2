/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One printer per argument kind as JSON values: numbers, strings, arrays
 * of flag names, objects for structs.  Every byte sequence becomes a valid
 * JSON string (see json_bytes).
 */
#ifndef BSTRACE_PRINTERS_JSON_H
#define BSTRACE_PRINTERS_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode.h"
#include "outbuf.h"
#include "printers.h"

/*
 * A JSON string of n bytes: printable ASCII as itself, '"' '\\' and
 * control characters escaped, and every byte >= 0x80 as \u00XX, so any
 * bytes give valid JSON and each string character is one byte.
 */
void json_bytes(struct linebuf *lb, const uint8_t *s, size_t n);
void json_cstr(struct linebuf *lb, const char *s);
/* "SIGCHLD", "SIGRTMIN+3", or the number. */
void json_signal(struct linebuf *lb, int sig);
/* "0x1f": raw values as strings, exact whatever the parser's numbers. */
void json_hex(struct linebuf *lb, uint64_t v);

/*
 * The value of argument i as JSON (null when there is nothing to show),
 * followed by ,"truncated":true when the bytes go on past those captured:
 * the caller writes it as the last member of the argument's object.
 */
void json_print_value(struct linebuf *lb, const struct decoded_call *call, int i,
		      const struct print_opts *opts);

/*
 * What a successful return value means, for the kinds strace decorates
 * (fcntl's F_GETFL as ["O_RDWR","O_LARGEFILE"], sched_getscheduler's
 * policy name, a signal); null for the others.
 */
void json_print_ret_value(struct linebuf *lb, enum ret_kind kind, const struct xlat *table,
			  int64_t ret);

/* The kind's word from syscalls/kinds.def ("path", "flags"). */
const char *json_kind_name(enum arg_kind kind);

#endif
