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
	/* Bit fields inside flags, each one value of its table (statx's sync type). */
	const struct xlat_field *fields;
	unsigned int nfields;
	/* The values are ioctl commands: one not listed prints as its _IOC() parts. */
	bool ioctl_codes;
};

struct xlat_field {
	uint64_t mask;
	const struct xlat *table;
};

/* The name of value in an enum table, or NULL. */
const char *xlat_name(const struct xlat *table, uint64_t value);
/*
 * Walk a flags table: the next entry (from *pos, 0 at first) whose bits
 * are all set in *rest, with its bits cleared from *rest; NULL at the end,
 * *rest then holding the bits no name covers.
 */
const struct xlat_entry *xlat_next_flag(const struct xlat *table, uint64_t *rest,
				       unsigned int *pos);
/* The value of name in any table, for parsing user input; false if none. */
bool xlat_lookup_value(const struct xlat *table, const char *name, uint64_t *value);

#endif
