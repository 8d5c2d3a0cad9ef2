// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "folded.h"

void folded_init(struct folded *f)
{
	memset(f, 0, sizeof(*f));
}

void folded_free(struct folded *f)
{
	for (size_t i = 0; i < f->capacity; i++)
		free(f->slots[i].key);
	free(f->slots);
	memset(f, 0, sizeof(*f));
}

/* FNV-1a: keys are short text, and this is not exposed to adversaries. */
static uint64_t hash(const char *key, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (uint8_t)key[i]) * 0x100000001b3ULL;
	return h;
}

static struct folded_entry *slot_for(struct folded_entry *slots, size_t capacity,
				     const char *key, size_t len)
{
	size_t i = hash(key, len) & (capacity - 1);

	while (slots[i].key && (strncmp(slots[i].key, key, len) || slots[i].key[len]))
		i = (i + 1) & (capacity - 1);
	return &slots[i];
}

static int grow(struct folded *f)
{
	size_t capacity = f->capacity ? 2 * f->capacity : 256;
	struct folded_entry *slots = calloc(capacity, sizeof(*slots));

	if (!slots)
		return -1;
	for (size_t i = 0; i < f->capacity; i++) {
		struct folded_entry *e = &f->slots[i];

		if (e->key)
			*slot_for(slots, capacity, e->key, strlen(e->key)) = *e;
	}
	free(f->slots);
	f->slots = slots;
	f->capacity = capacity;
	return 0;
}

void folded_add(struct folded *f, const char *key, size_t len, uint64_t ns)
{
	struct folded_entry *e;

	/* Keep the table at most half full. */
	if (2 * (f->used + 1) > f->capacity && grow(f))
		return;
	e = slot_for(f->slots, f->capacity, key, len);
	if (!e->key) {
		e->key = strndup(key, len);
		if (!e->key)
			return;
		f->used++;
	}
	e->ns += ns;
	e->calls++;
}

static int by_key(const void *a, const void *b)
{
	return strcmp(((const struct folded_entry *)a)->key, ((const struct folded_entry *)b)->key);
}

struct folded_entry *folded_sorted(const struct folded *f)
{
	struct folded_entry *sorted = malloc((f->used ? f->used : 1) * sizeof(*sorted));
	size_t n = 0;

	if (!sorted)
		return NULL;
	for (size_t i = 0; i < f->capacity; i++)
		if (f->slots[i].key)
			sorted[n++] = f->slots[i];
	qsort(sorted, n, sizeof(*sorted), by_key);
	return sorted;
}

void folded_write(const struct folded *f, struct outbuf *out)
{
	struct folded_entry *sorted = folded_sorted(f);
	char number[32];

	if (!sorted)
		return;
	for (size_t i = 0; i < f->used; i++) {
		int n = snprintf(number, sizeof(number), " %llu\n", (unsigned long long)sorted[i].ns);

		out_write(out, sorted[i].key, strlen(sorted[i].key));
		out_write(out, number, (size_t)n);
	}
	free(sorted);
}
