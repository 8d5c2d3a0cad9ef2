/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Durations on the command line: "10ms", "1.5s", "250us", "800ns". */
#ifndef BSTRACE_TIMEPARSE_H
#define BSTRACE_TIMEPARSE_H

#include <stdbool.h>
#include <stdint.h>

#define NS_PER_US	1000ULL
#define NS_PER_MS	1000000ULL
#define NS_PER_SEC	1000000000ULL

/*
 * A non-negative decimal number with an optional unit (s, ms, us, ns);
 * bare numbers are in default_unit nanoseconds.  False on anything else,
 * including overflow.
 */
bool parse_duration_ns(const char *s, uint64_t default_unit, uint64_t *out);

#endif
