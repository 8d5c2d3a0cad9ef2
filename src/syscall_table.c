// SPDX-License-Identifier: GPL-2.0-or-later
/* Lookups over the generated syscall table and xlat tables. */
#include <stdio.h>
#include <string.h>

#include "syscall_table.h"
#include "../syscalls/kinds.h"

const struct syscall_desc *syscall_lookup(long nr)
{
	if (nr < 0 || nr >= SYSCALL_NR_MAX || !syscall_table[nr].name)
		return NULL;
	return &syscall_table[nr];
}

int syscall_nargs(long nr)
{
	const struct syscall_desc *d = syscall_lookup(nr);

	return d ? d->nargs : REC_ARGS;
}

const char *syscall_display_name(long nr)
{
	/* Formatted once per number, so the hot path only looks it up. */
	static char unknown[SYSCALL_NR_MAX][24];
	static char out_of_range[24];
	const struct syscall_desc *d = syscall_lookup(nr);
	char *name;

	if (d)
		return d->name;
	name = nr >= 0 && nr < SYSCALL_NR_MAX ? unknown[nr] : out_of_range;
	if (!name[0] || name == out_of_range)
		snprintf(name, sizeof(unknown[0]), "syscall_0x%lx", (unsigned long)(uint32_t)nr);
	return name;
}

int syscall_by_name(const char *name)
{
	for (int nr = 0; nr < SYSCALL_NR_MAX; nr++)
		if (syscall_table[nr].name && !strcmp(syscall_table[nr].name, name))
			return nr;
	return -1;
}

const char *xlat_name(const struct xlat *table, uint64_t value)
{
	for (unsigned int i = 0; i < table->count; i++)
		if (table->entries[i].value == value)
			return table->entries[i].name;
	return NULL;
}

const struct xlat_entry *xlat_next_flag(const struct xlat *table, uint64_t *rest,
				       unsigned int *pos)
{
	while (*pos < table->count) {
		const struct xlat_entry *e = &table->entries[(*pos)++];

		if (e->value && (*rest & e->value) == e->value) {
			*rest &= ~e->value;
			return e;
		}
	}
	return NULL;
}

bool xlat_lookup_value(const struct xlat *table, const char *name, uint64_t *value)
{
	for (unsigned int i = 0; i < table->count; i++) {
		if (!strcmp(table->entries[i].name, name)) {
			*value = table->entries[i].value;
			return true;
		}
	}
	return false;
}

bool arg_shows_entry(const struct syscall_arg *arg)
{
	static const bool shows_given[KIND_COUNT] = {
#undef KIND_SHOWS_GIVEN
#define KIND_SHOWS_GIVEN KIND_SHOWS_GIVEN_FLAG
#define KIND_BOTH_WAYS KIND_BOTH_WAYS_FLAG
#define KIND(word, ENUM, cap, when, limit, param) \
	[KIND_##ENUM] = ((when) & KIND_SHOWS_GIVEN_FLAG) != 0,
#include "../syscalls/kinds.def"
#undef KIND
#undef KIND_BOTH_WAYS
#undef KIND_SHOWS_GIVEN
	};

	return arg->at_entry || (arg->kind < KIND_COUNT && shows_given[arg->kind]);
}
