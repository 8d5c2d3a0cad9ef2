// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * perf trace's beautifiers, by argument kind.  perf names constants
 * without the prefix their family shares (O_RDONLY is RDONLY, AT_FDCWD is
 * CWD, R_OK is R): rather than a second set of lists, the prefix most
 * names of a table share, the suffix all share, and perf's order of flags
 * (lowest bit first) are worked out once at start-up.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>

#include "printers_perf.h"
#include "xlat.gen.h"

struct xlat_affixes {
	const struct xlat *table;
	const char *prefix_name;	/* a name that starts with the prefix */
	unsigned short prefix;		/* bytes most names start with, up to a '_' */
	unsigned short suffix;		/* bytes every name ends with, from a '_' */
	uint16_t *order;		/* entries by lowest bit: perf's flag order */
};

/* Open addressing keyed by the table's address; about thrice the tables. */
#define AFFIX_SLOTS 512
static struct xlat_affixes affixes[AFFIX_SLOTS];

static size_t affix_slot(const struct xlat *table)
{
	return ((uintptr_t)table >> 4) % AFFIX_SLOTS;
}

static unsigned int count_prefixed(const struct xlat *t, const char *prefix, size_t n)
{
	unsigned int count = 0;

	for (unsigned int i = 0; i < t->count; i++)
		count += !strncmp(t->entries[i].name, prefix, n) && t->entries[i].name[n];
	return count;
}

/*
 * The longest prefix ending in '_' that most names share (O_ in a list
 * that also holds __O_SYNC and FASYNC); names without it print whole.
 */
static size_t common_prefix(const struct xlat *t, const char **prefix_name)
{
	size_t best = 0;

	for (unsigned int i = 0; i < t->count; i++) {
		const char *name = t->entries[i].name;

		for (size_t n = 1; name[n]; n++) {
			if (name[n - 1] != '_' || n <= best)
				continue;
			/* Most means three in five, and always at least two. */
			if (count_prefixed(t, name, n) * 5 >= t->count * 3 &&
			    (count_prefixed(t, name, n) >= 2 || t->count == 1)) {
				best = n;
				*prefix_name = name;
			}
		}
	}
	return best;
}

/* The suffix from a '_' that every name ends with ("_OK"), if two or more. */
static size_t common_suffix(const struct xlat *t)
{
	const char *first = t->entries[0].name;
	size_t len = strlen(first), n = len;

	if (t->count < 2)
		return 0;
	for (unsigned int i = 1; i < t->count; i++) {
		const char *name = t->entries[i].name;
		size_t other = strlen(name), k = 0;

		while (k < n && k < other && name[other - 1 - k] == first[len - 1 - k])
			k++;
		n = k;
	}
	while (n && first[len - n] != '_')
		n--;
	return n;
}

static const struct xlat_affixes *affixes_of(const struct xlat *table)
{
	for (size_t slot = affix_slot(table), tries = 0; tries < AFFIX_SLOTS;
	     slot = (slot + 1) % AFFIX_SLOTS, tries++) {
		if (affixes[slot].table == table)
			return &affixes[slot];
		if (!affixes[slot].table)
			break;
	}
	return NULL;
}

/* name without the table's affixes, as pointer and length. */
static const char *strip(const struct xlat *table, const char *name, size_t *len)
{
	const struct xlat_affixes *a = affixes_of(table);
	size_t n = strlen(name), prefix;

	*len = n;
	if (!a)
		return name;
	prefix = a->prefix && !strncmp(name, a->prefix_name, a->prefix) ? a->prefix : 0;
	/* Every name keeps at least one character. */
	if (n <= prefix + a->suffix)
		return name;
	*len = n - prefix - a->suffix;
	return name + prefix;
}

const char *perf_xlat_name(const struct xlat *table, uint64_t value, size_t *len)
{
	const char *name = xlat_name(table, value);

	return name ? strip(table, name, len) : NULL;
}

static void put_stripped(struct linebuf *lb, const struct xlat *table, const char *name)
{
	size_t len;
	const char *s = strip(table, name, &len);

	line_write(lb, s, len);
}

/*
 * perf's strarray flags: names in the order of their bits, lowest first,
 * joined by '|', what is left in hex.
 */
static void perf_print_flags(struct linebuf *lb, const struct xlat *table, uint64_t value)
{
	const struct xlat_affixes *a = affixes_of(table);
	uint64_t rest = value;
	bool any = false;

	for (unsigned int k = 0; k < table->count; k++) {
		const struct xlat_entry *e = &table->entries[a && a->order ? a->order[k] : k];

		if (!e->value || (rest & e->value) != e->value)
			continue;
		if (any)
			line_putc(lb, '|');
		put_stripped(lb, table, e->name);
		rest &= ~e->value;
		any = true;
	}
	if (rest || !any) {
		if (any)
			line_putc(lb, '|');
		line_hex(lb, rest);
	}
}

/*
 * perf's ioctl commands: a tty one ('T') by its name (the last of strace's
 * "A or B"), else as (0x54, nr, dir); any other type as (DIR, type, nr,
 * size), as perf's beautifier prints the types it has no table for.
 */
static void perf_print_ioctl(struct linebuf *lb, const struct xlat *table, uint32_t code)
{
	static const char *const dirs[] = { "NONE", "WRITE", "READ", "READ|WRITE" };
	const char *name, *alias;

	if (_IOC_TYPE(code) != 'T') {
		line_printf(lb, "(%s, %#x, %#x, %#x)", dirs[_IOC_DIR(code) & 3], _IOC_TYPE(code),
			    _IOC_NR(code), _IOC_SIZE(code));
		return;
	}
	name = xlat_name(table, code);
	if (!name) {
		line_printf(lb, "(%#x, %#x, %#x)", 'T', _IOC_NR(code), _IOC_DIR(code));
		return;
	}
	while ((alias = strstr(name, " or ")))
		name = alias + 4;
	line_puts(lb, name);
}

static void perf_print_enum(struct linebuf *lb, const struct xlat *table, uint64_t value)
{
	size_t len;
	const char *name;

	if (table->ioctl_codes) {
		perf_print_ioctl(lb, table, (uint32_t)value);
		return;
	}
	name = perf_xlat_name(table, value, &len);

	if (name)
		line_write(lb, name, len);
	else
		line_dec(lb, (int64_t)value);
}

void perf_print_signal(struct linebuf *lb, int sig)
{
	const char *abbrev = sig > 0 && sig < 32 ? sigabbrev_np(sig) : NULL;

	if (abbrev)
		line_puts(lb, abbrev);
	else
		line_dec(lb, sig);
}

/*
 * perf's open flags: RDONLY first, the other flags in perf's order (its
 * open_flags.c), then WRONLY or RDWR last.  The order is a list of names
 * here; their values come from the generated table, once.
 */
static const struct { const char *perf, *table; } perf_open_order[] = {
	{ "APPEND", "O_APPEND" }, { "ASYNC", "FASYNC" }, { "CLOEXEC", "O_CLOEXEC" },
	{ "CREAT", "O_CREAT" }, { "DIRECT", "O_DIRECT" }, { "DIRECTORY", "O_DIRECTORY" },
	{ "EXCL", "O_EXCL" }, { "LARGEFILE", "O_LARGEFILE" }, { "NOFOLLOW", "O_NOFOLLOW" },
	{ "TMPFILE", "O_TMPFILE" }, { "NOATIME", "O_NOATIME" }, { "NOCTTY", "O_NOCTTY" },
	{ "NONBLOCK", "O_NONBLOCK" }, { "PATH", "O_PATH" }, { "SYNC", "O_SYNC" },
	{ "DSYNC", "O_DSYNC" }, { "TRUNC", "O_TRUNC" },
};
#define PERF_OPEN_FLAGS (sizeof(perf_open_order) / sizeof(perf_open_order[0]))
static uint64_t perf_open_values[PERF_OPEN_FLAGS];

static void perf_print_open_flags(struct linebuf *lb, uint64_t flags)
{
	uint64_t rest = flags & ~(uint64_t)O_ACCMODE;
	bool any = false;

	/* RDONLY and RDWR come first, WRONLY last. */
	if ((flags & O_ACCMODE) != O_WRONLY) {
		perf_print_enum(lb, &xlat_open_access, flags & O_ACCMODE);
		any = true;
	}
	for (size_t i = 0; i < PERF_OPEN_FLAGS; i++) {
		uint64_t bits = perf_open_values[i];

		if (!bits || (rest & bits) != bits)
			continue;
		if (any)
			line_putc(lb, '|');
		line_puts(lb, perf_open_order[i].perf);
		rest &= ~bits;
		any = true;
	}
	if ((flags & O_ACCMODE) == O_WRONLY) {
		if (any)
			line_putc(lb, '|');
		line_puts(lb, "WRONLY");
		any = true;
	}
	if (rest) {
		line_putc(lb, '|');
		line_hex(lb, rest);
	}
}

/* perf's umode_t beautifier (mode_t.c): wide groups first, then bits. */
static const struct { unsigned int mask; const char *name; } perf_modes[] = {
	{ 07777, "IALLUGO" }, { 0777, "IRWXUGO" }, { 0444, "IRUGO" }, { 0222, "IWUGO" },
	{ 0111, "IXUGO" }, { S_IFMT, "IFMT" }, { S_IFSOCK, "IFSOCK" }, { S_IFLNK, "IFLNK" },
	{ S_IFREG, "IFREG" }, { S_IFBLK, "IFBLK" }, { S_IFDIR, "IFDIR" }, { S_IFCHR, "IFCHR" },
	{ S_IFIFO, "IFIFO" }, { S_ISUID, "ISUID" }, { S_ISGID, "ISGID" }, { S_ISVTX, "ISVTX" },
	{ S_IRWXU, "IRWXU" }, { S_IRUSR, "IRUSR" }, { S_IWUSR, "IWUSR" }, { S_IXUSR, "IXUSR" },
	{ S_IRWXG, "IRWXG" }, { S_IRGRP, "IRGRP" }, { S_IWGRP, "IWGRP" }, { S_IXGRP, "IXGRP" },
	{ S_IRWXO, "IRWXO" }, { S_IROTH, "IROTH" }, { S_IWOTH, "IWOTH" }, { S_IXOTH, "IXOTH" },
};

static void perf_print_mode(struct linebuf *lb, uint64_t value)
{
	unsigned int mode = (unsigned int)value;
	bool any = false;

	for (size_t i = 0; i < sizeof(perf_modes) / sizeof(perf_modes[0]); i++) {
		if ((mode & perf_modes[i].mask) != perf_modes[i].mask)
			continue;
		if (any)
			line_putc(lb, '|');
		line_puts(lb, perf_modes[i].name);
		mode &= ~perf_modes[i].mask;
		any = true;
	}
	if (mode) {
		if (any)
			line_putc(lb, '|');
		line_hex(lb, mode);
	}
}

/*
 * Memory arguments: strings as the augmenter shows them, everything else
 * as the pointer perf prints.
 */
static void perf_print_memory(struct linebuf *lb, const struct decoded_call *call, int i,
			      const struct syscall_arg *desc, const struct print_opts *opts)
{
	const struct arg_value *arg = &call->args[i];
	const struct captured *mem = desc->at_entry ? &arg->entry : &arg->mem;
	struct print_opts whole = *opts;

	if ((desc->kind != KIND_PATH && desc->kind != KIND_STR) || !captured_ok(mem)) {
		line_hex(lb, arg->raw);
		return;
	}
	/* perf's augmenter copies a whole path; strings keep the -s cut. */
	if (desc->kind == KIND_PATH)
		whole.max_strlen = REC_PATH_MAX;
	print_quoted(lb, mem->data, (size_t)mem->len, mem->truncated, &whole);
}

bool perf_print_ret_value(struct linebuf *lb, enum ret_kind kind, const struct xlat *table,
			  int64_t ret)
{
	if (ret <= 0)
		return false;
	switch (kind) {
	case RET_OPENFLAGS:
		perf_print_open_flags(lb, (uint64_t)ret);
		return true;
	case RET_FLAGS:
		if (!table)
			return false;
		perf_print_flags(lb, table, (uint64_t)ret);
		return true;
	default:
		return false;
	}
}

bool print_number_kind(struct linebuf *lb, enum arg_kind kind, uint64_t raw)
{
	switch (kind) {
	case KIND_INT:
	case KIND_FD:
		line_dec(lb, (int32_t)raw);
		return true;
	case KIND_UINT:
		line_udec(lb, (uint32_t)raw);
		return true;
	case KIND_LONG:
		line_dec(lb, (int64_t)raw);
		return true;
	case KIND_ULONG:
		line_udec(lb, raw);
		return true;
	default:
		return false;
	}
}

/* Whether perf shows the argument when its value is zero. */
static bool shows_zero(const struct syscall_arg *desc)
{
	switch (desc->kind) {
	case KIND_ENUM:
		/* perf's strarrays show a zero they have a name for (SEEK_SET). */
		return xlat_name(desc->table, 0) != NULL;
	default:
		return false;
	}
}

bool perf_print_value(struct linebuf *lb, const struct decoded_call *call, int i,
		      const struct print_opts *opts)
{
	const struct syscall_arg *desc;
	uint64_t raw = call->args[i].raw;

	if (!call->desc) {
		if (!raw)
			return false;
		line_hex(lb, raw);
		return true;
	}
	/* fcntl's third argument is what its command says, or nothing. */
	desc = decode_arg_desc(call, i);
	if (!desc || (!raw && !shows_zero(desc)))
		return false;
	if (print_number_kind(lb, desc->kind, raw))
		return true;
	switch (desc->kind) {
	case KIND_HEX:
	case KIND_PTR:
		line_hex(lb, raw);
		return true;
	case KIND_OCT:
	case KIND_FILEMODE:
		perf_print_mode(lb, raw);
		return true;
	case KIND_DIRFD:
		if ((int32_t)raw == AT_FDCWD)
			line_puts(lb, "CWD");
		else
			line_dec(lb, (int32_t)raw);
		return true;
	case KIND_FLAGS:
	case KIND_IPCFLAGS:
		perf_print_flags(lb, desc->table, raw);
		return true;
	case KIND_ENUM:
		perf_print_enum(lb, desc->table, raw);
		return true;
	case KIND_SIGNO:
		perf_print_signal(lb, (int32_t)raw);
		return true;
	case KIND_OPENFLAGS:
		perf_print_open_flags(lb, raw);
		return true;
	case KIND_CLONEFLAGS:
		/* The exit signal in the low byte is left over, in hex, as perf does. */
		perf_print_flags(lb, &xlat_clone_flags, raw);
		return true;
	case KIND_OPENMODE:
		if (!decode_open_mode_used(call, desc))
			return false;
		perf_print_mode(lb, raw);
		return true;
	default:
		/* Memory kinds, and kinds this printer does not know yet. */
		perf_print_memory(lb, call, i, desc, opts);
		return true;
	}
}

static const struct xlat *sorting;

/* Lowest bit first; of two with the same, the wider mask; else as listed. */
static int by_lowest_bit(const void *a, const void *b)
{
	uint16_t i = *(const uint16_t *)a, j = *(const uint16_t *)b;
	uint64_t x = sorting->entries[i].value, y = sorting->entries[j].value;
	int lx = x ? __builtin_ctzll(x) : 64, ly = y ? __builtin_ctzll(y) : 64;

	if (lx != ly)
		return lx - ly;
	if (__builtin_popcountll(x) != __builtin_popcountll(y))
		return __builtin_popcountll(y) - __builtin_popcountll(x);
	return i - j;
}

/* A flags table's entries in perf's order; NULL (table order) otherwise. */
static uint16_t *bit_order(const struct xlat *t)
{
	uint16_t *order;

	if (!t->is_flags || t->count > UINT16_MAX)
		return NULL;
	order = malloc(t->count * sizeof(*order));
	if (!order)
		return NULL;
	for (unsigned int k = 0; k < t->count; k++)
		order[k] = (uint16_t)k;
	sorting = t;
	qsort(order, t->count, sizeof(*order), by_lowest_bit);
	return order;
}

void printers_perf_init(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	for (size_t i = 0; i < PERF_OPEN_FLAGS; i++)
		xlat_lookup_value(&xlat_open_flags, perf_open_order[i].table, &perf_open_values[i]);
	for (const struct xlat *const *t = xlat_all; *t; t++) {
		size_t slot = affix_slot(*t);
		const char *prefix_name = NULL;
		size_t prefix;

		if (!(*t)->count)
			continue;
		for (size_t tries = 0; affixes[slot].table && tries < AFFIX_SLOTS; tries++)
			slot = (slot + 1) % AFFIX_SLOTS;
		/* Full: the tables left over print their names whole. */
		if (affixes[slot].table)
			break;
		prefix = common_prefix(*t, &prefix_name);
		affixes[slot].table = *t;
		affixes[slot].prefix_name = prefix_name;
		affixes[slot].prefix = (unsigned short)prefix;
		affixes[slot].suffix = (unsigned short)common_suffix(*t);
		affixes[slot].order = bit_order(*t);
	}
}
