/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Flag and enum tables, generated from the lists in syscalls/xlat/. */
#ifndef BSTRACE_XLAT_H
#define BSTRACE_XLAT_H

#include <stdbool.h>
#include <stdint.h>

struct xlat_entry {
	uint64_t value;
	const char *name;
};

struct xlat_variant;

struct xlat {
	const char *name;
	const struct xlat_entry *entries;
	unsigned int count;
	bool is_flags;
	const char *unknown;	/* strace's comment for unknown values: "AF_???" */
	/* Per entry, what the arguments after this selector are (syscall_table.h). */
	const struct xlat_variant *variants;
	const char *label;	/* before the names after a return value: "seals" */
};

/* The name of value in an enum table, or NULL. */
const char *xlat_name(const struct xlat *table, uint64_t value);
/* The value of name in any table, for parsing user input; false if none. */
bool xlat_lookup_value(const struct xlat *table, const char *name, uint64_t *value);

#endif
